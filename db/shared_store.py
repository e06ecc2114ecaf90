"""Opening and checking the shared store on PostgreSQL (db.store hands server URLs here)."""

from pathlib import Path

from sqlalchemy import text
from sqlalchemy.exc import DatabaseError

from db.migrate import head_revision
from db.roles import current_standing
from db.server import (
    ServerStoreError,
    create_server_engine,
    reason,
    refuse_upgrade_by_others,
    safe_location,
    schema_state,
    upgrade_server,
    verify_server,
)
from db.store import Store, StoreDamagedError, StoreError, StoreHealth


def _server_name(url: str) -> Path:
    return Path(safe_location(url).rsplit("/", 1)[-1] or "shared store")


def open_server_store(url: str, *, readonly: bool = False) -> Store:
    """Open the shared store at a ``postgresql://`` URL, upgrading its schema if needed."""
    where = safe_location(url)
    try:
        probe = create_server_engine(url)
        try:
            revision = schema_state(probe, where)
            upgraded_from = None
            if revision != head_revision() and readonly:
                raise StoreError(
                    f"The shared store {where} must be upgraded before it can be read. "
                    "Open it once without read-only to upgrade it."
                )
            if not readonly:
                refuse_upgrade_by_others(probe, revision, where)
                before = upgrade_server(probe)
                upgraded_from = before if before != head_revision() else None
            problems = verify_server(probe)
            with probe.connect() as conn:
                standing = current_standing(conn)
                login = conn.scalar(text("SELECT current_user"))
        finally:
            probe.dispose()
    except ServerStoreError as exc:
        raise StoreError(str(exc)) from exc
    except DatabaseError as exc:
        raise StoreError(f"The shared store {where} cannot be opened: {reason(exc)}.") from exc
    if problems:
        raise StoreDamagedError(
            f"The shared store {where} failed its check: " + "; ".join(problems[:5]) + "."
        )
    # A read-only login gets a read-only window, as a read-only store file does.
    readonly = readonly or standing == "readonly"
    engine = create_server_engine(url, readonly=readonly)
    store = Store(
        _server_name(url), engine, readonly, None, None, upgraded_from, url=url, standing=standing,
        login=login,
    )  # fmt: skip
    if standing == "readonly":
        store.readonly_reason = (
            "Your login to the shared store is a read-only one: it reads every review and "
            "changes none."
        )
    return store


def check_server_store(url: str) -> StoreHealth:
    """Inspect the shared store without changing it."""
    where = safe_location(url)
    engine = create_server_engine(url, readonly=True)
    try:
        revision = schema_state(engine, where)
        problems = verify_server(engine) if revision is not None else []
        if revision is None:
            problems.append("the store holds no ReviewDesk schema yet")
        with engine.connect() as conn:
            connection = connection_protection(conn)
    except ServerStoreError as exc:
        raise StoreError(str(exc)) from exc
    except DatabaseError as exc:
        raise StoreError(f"The shared store {where} cannot be read: {reason(exc)}.") from exc
    finally:
        engine.dispose()
    return StoreHealth(
        _server_name(url), revision, head_revision(), problems, location=where,
        connection=connection,
    )  # fmt: skip


def connection_protection(conn) -> str:
    """How this connection to the server is protected, in words."""
    tls, version, address = conn.execute(
        text(
            "SELECT s.ssl, s.version, a.client_addr::text FROM pg_stat_ssl s "
            "JOIN pg_stat_activity a ON a.pid = s.pid WHERE s.pid = pg_backend_pid()"
        )
    ).one()
    if tls:
        return f"encrypted (TLS, {version})"
    if address is None:
        return "a local socket on the server itself (not over the network)"
    return (
        "NOT encrypted: add sslmode=require to the address, and accept only TLS on the server "
        '(pg_hba.conf "hostssl")'
    )
