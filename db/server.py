"""The shared store: a PostgreSQL database reached by URL (psycopg 3 through SQLAlchemy).

What differs from a store file is kept here: no lock file (the server lets many people write),
no file backup before an upgrade (the server's own backups and ``reviewdesk copy-store`` do
that), and a health check made of the server's catalogue rather than SQLite's pragmas.
Opening one checks the schema version, upgrades it under an advisory lock (two people starting
ReviewDesk at once upgrade it once) and checks it.
"""

from sqlalchemy import Engine, create_engine, inspect, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DatabaseError, InterfaceError

from db.audit_postgres import install_triggers as install_audit_triggers
from db.audit_postgres import tables_without_audit
from db.base import Base
from db.bulk_copy import copy_large_inserts
from db.changes import install_notify_triggers, tables_without_trigger, track_backends
from db.checkout_guard import install_postgres_guards, tables_without_guard
from db.errors import PasswordNeededError
from db.location import SERVER_SCHEMES, is_server_url  # noqa: F401  (re-exported)
from db.migrate import alembic_config, current_revision, head_revision, is_known_revision
from db.references import tables_without_reference_checks
from db.roles import current_standing, owns_store, roles_set_up, set_up_roles

DRIVER = "postgresql+psycopg"
# Any fixed number: pg_advisory_xact_lock serialises upgrades of one database.
UPGRADE_LOCK_KEY = 0x52455644  # "REVD"
CONNECT_TIMEOUT_S = 10


class ServerStoreError(Exception):
    """A problem reaching or reading the shared store, in plain words."""


def server_url(location: str) -> URL:
    """The SQLAlchemy URL for a server location, always with the psycopg 3 driver."""
    try:
        url = make_url(location)
    except ArgumentError as exc:
        raise ServerStoreError(f"'{safe_location(location)}' is not a database address.") from exc
    return url.set(drivername=DRIVER)


def safe_location(location: str | URL) -> str:
    """The location without its password, for messages and the window's title."""
    try:
        url = make_url(location) if isinstance(location, str) else location
    except ArgumentError:
        return "the shared store"
    host = url.query.get("host") or url.host or "local server"
    if isinstance(host, tuple):
        host = host[0]
    user = f"{url.username}@" if url.username else ""
    return f"postgresql://{user}{host}/{url.database or ''}"


def create_server_engine(location: str | URL, *, readonly: bool = False) -> Engine:
    """Engine for the shared store; a read-only one has every transaction read-only."""
    url = server_url(location) if isinstance(location, str) else location
    connect_args: dict = {"application_name": "ReviewDesk", "connect_timeout": CONNECT_TIMEOUT_S}
    if readonly:
        connect_args["options"] = "-c default_transaction_read_only=on"
    engine = create_engine(url, pool_pre_ping=True, connect_args=connect_args)
    track_backends(engine)
    copy_large_inserts(engine)
    return engine


MINIMUM_SERVER_VERSION = 150000  # views that read with their reader's rights (migration 0016)


def reason(exc: Exception) -> str:
    orig = getattr(exc, "orig", exc)
    text_ = str(orig).strip().splitlines()
    return text_[0] if text_ else type(orig).__name__


def schema_state(engine: Engine, where: str) -> str | None:
    """The store's revision, after checking the database is ours (or empty) and not newer."""
    try:
        with engine.connect() as conn:
            tables = set(inspect(conn).get_table_names())
            revision = current_revision(conn)
            server_version = int(conn.exec_driver_sql("SHOW server_version_num").scalar())
    except (DatabaseError, InterfaceError) as exc:
        why = reason(exc)
        if "no password supplied" in why:
            raise PasswordNeededError(
                f"The shared store {where} asks for a password and none was given: keep it "
                "in a .pgpass file (readable by you only) or the PGPASSWORD environment "
                "variable, or run the command in a terminal to be asked for it."
            ) from exc
        if "password authentication failed" in why:
            raise ServerStoreError(
                f"The shared store {where} refused the login: the password is wrong, or the "
                "login does not exist. Nothing was changed."
            ) from exc
        raise ServerStoreError(f"The shared store {where} cannot be reached: {why}.") from exc
    if server_version < MINIMUM_SERVER_VERSION:
        major = server_version // 10000
        raise ServerStoreError(
            f"The shared store {where} is on PostgreSQL {major}, which ReviewDesk does not "
            "support: it needs PostgreSQL 15 or later (14 reached its end of life in November "
            "2026). Upgrade the server (pg_upgrade keeps every database as it is), then open "
            "the store again. Nothing was changed."
        )
    if revision is None and tables:
        raise ServerStoreError(
            f"The database {where} holds other tables but is not a ReviewDesk store. "
            "Nothing was changed; give an empty database or an existing ReviewDesk one."
        )
    if revision is not None and not is_known_revision(revision):
        raise ServerStoreError(
            f"The shared store {where} was upgraded by a newer version of ReviewDesk "
            f"(schema {revision}). Install the newer version to use it."
        )
    return revision


def upgrade_server(engine: Engine) -> str | None:
    """Upgrade to head under an advisory lock, and give every table its change notice;
    returns the revision it was at (None if new)."""
    from alembic import command

    with engine.begin() as conn:
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": UPGRADE_LOCK_KEY})
        before = current_revision(conn)  # someone else may have upgraded while we waited
        if before != head_revision():
            command.upgrade(alembic_config(conn), "head")
        if tables_without_trigger(conn):
            install_notify_triggers(conn)
        if before != head_revision() or tables_without_audit(conn):
            install_audit_triggers(conn)  # (again after an upgrade: the tables may have changed)
        if before != head_revision() or tables_without_guard(conn):
            install_postgres_guards(conn)  # a checked-out review refuses writes
        if before is not None and before != head_revision() and roles_set_up(conn):
            set_up_roles(conn)  # new tables get their grants and policies at once
    return before


def refuse_upgrade_by_others(engine: Engine, revision: str | None, where: str) -> None:
    """Only the store's owner creates or upgrades its schema: anyone else is told so plainly,
    before anything is tried (PostgreSQL would refuse it half-way, in its own words)."""
    if revision == head_revision():
        return
    with engine.connect() as conn:
        if owns_store(conn):
            return
    if revision is None:
        raise ServerStoreError(
            f"The database {where} holds no ReviewDesk store yet. Its owner makes one by "
            "opening it first (e.g. reviewdesk list --db postgresql://OWNER@server/database), "
            "then runs 'reviewdesk users setup'. Nothing was changed."
        )
    raise ServerStoreError(
        f"The shared store {where} was made by an earlier version of ReviewDesk (schema "
        f"{revision}) and must be upgraded, which only its owner can do: open it once with the "
        "owner's login (e.g. reviewdesk list --db postgresql://OWNER@server/database). "
        "Nothing was changed."
    )


def verify_server(engine: Engine) -> list[str]:
    """Problems in the shared store's structure (empty when healthy).

    The server keeps foreign keys and pages consistent itself; what can go wrong is a table
    missing, or an index or constraint left invalid by an interrupted operation.
    """
    problems: list[str] = []
    with engine.connect() as conn:
        inspector = inspect(conn)
        present = set(inspector.get_table_names()) | set(inspector.get_view_names())
        problems += [
            f"table {name} is missing" for name in Base.metadata.tables if name not in present
        ]
        problems += [
            f"table {name} does not tell open windows of changes (open the store once to repair)"
            for name in tables_without_trigger(conn)
            if name in present
        ]
        problems += [
            f"table {name} is not recorded in the audit trail (open the store once to repair)"
            for name in tables_without_audit(conn)
            if name in present
        ]
        problems += [
            f"table {name} does not refuse writes to a checked-out review (open the store once "
            "to repair)"
            for name in tables_without_guard(conn)
            if name in present
        ]
        # The chain is checked by those who see the whole trail (members see their reviews').
        if "audit_event" in present and current_standing(conn) in (None, "manager", "readonly"):
            from db.audit import verify_chain

            # (A SQL client's changes, recorded under its login, wait for ReviewDesk's next
            # write to be sealed: not a fault.)
            problems += verify_chain(conn, unsealed_tail_ok=True)
        if current_revision(conn) == head_revision():
            problems += [
                f"table {name} does not check the references of its rows (a trigger of "
                "migration 0014 is missing)"
                for name in tables_without_reference_checks(conn)
            ]
        for (name,) in conn.execute(
            text("SELECT indexrelid::regclass::text FROM pg_index WHERE NOT indisvalid")
        ):
            problems.append(f"index {name} is invalid (rebuild it with REINDEX)")
        for name, table in conn.execute(
            text(
                "SELECT conname, conrelid::regclass::text FROM pg_constraint "
                "WHERE NOT convalidated AND connamespace = 'public'::regnamespace"
            )
        ):
            problems.append(f"constraint {name} on {table} is not validated")
    return problems
