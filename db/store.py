"""Opening a store safely: recognise it, lock it, back it up, migrate it, check it.

Every failure a person can meet raises a ``StoreError`` whose message is written for them.
"""

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine, inspect, text
from sqlalchemy.exc import DatabaseError, DBAPIError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

import db.access_models  # noqa: F401
import db.chronology_models  # noqa: F401  (every table is mapped before a store is used)
import db.findings_models  # noqa: F401
import db.learning_models  # noqa: F401
import db.meeting_models  # noqa: F401
import db.report_models  # noqa: F401
from db.audit import install_audit
from db.engine import create_store_engine
from db.lock import LockOwner, StoreLock
from db.migrate import current_revision, head_revision, is_known_revision, upgrade
from db.roles import is_permission_error
from db.server import is_server_url, safe_location, verify_server

SQLITE_HEADER = b"SQLite format 3\x00"


class StoreError(Exception):
    """A problem with the store, described in plain words for the user."""


class NotAStoreError(StoreError):
    pass


class NewerStoreError(StoreError):
    pass


class StoreLockedError(StoreError):
    def __init__(self, message: str, owner: LockOwner | None):
        super().__init__(message)
        self.owner = owner


class StoreDamagedError(StoreError):
    pass


class NotPermittedError(StoreError):
    """The shared store's roles do not allow what was asked."""


class StaleEditError(StoreError):
    """A row changed (or its change was not allowed) between reading and writing it."""


@dataclass
class Store:
    """An open store. Sessions are short: one per unit of work."""

    path: Path
    engine: Engine
    readonly: bool
    lock: StoreLock | None
    backup_path: Path | None = None
    upgraded_from: str | None = None
    url: str | None = None  # a shared store on a server (``path`` is then only its name)
    standing: str | None = None  # on a shared store: manager, member or readonly (None: owner)
    _sessions: sessionmaker = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        install_audit(self._sessions)

    @contextmanager
    def session(self, actor: str = "") -> Iterator[Session]:
        """A session that commits on success and rolls back on any error."""
        try:
            with self._sessions() as session:
                session.info["actor"] = actor
                with session.begin():
                    yield session
        except StaleDataError as exc:
            raise StaleEditError(
                "This was changed or removed by someone else while you were saving, so "
                "nothing was saved. It now shows what is stored; make your change again."
            ) from exc
        except DBAPIError as exc:
            if self.shared and is_permission_error(exc):
                raise NotPermittedError(
                    "Your role in the shared store does not allow this change, so nothing was "
                    "saved. The business manager can give you a role on this review."
                ) from exc
            raise

    @property
    def shared(self) -> bool:
        return self.url is not None

    @property
    def address(self) -> str:
        """What ``--db`` takes to open this store again: its file, or its URL."""
        return self.url or str(self.path)

    @property
    def location(self) -> str:
        """Where the store is, for people: its file, or its server address (no password)."""
        return safe_location(self.url) if self.url else str(self.path)

    @property
    def label(self) -> str:
        """A short name for the window's title."""
        return self.location if self.url else self.path.name

    def close(self) -> None:
        self.engine.dispose()
        if self.lock is not None:
            self.lock.release()
            self.lock = None

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def looks_like_sqlite(path: Path) -> bool:
    with open(path, "rb") as fh:
        return fh.read(16) == SQLITE_HEADER


def _locked_message(path: Path, owner: LockOwner | None) -> str:
    who = f" by {owner.describe()}" if owner else ""
    return (
        f"The store {path} is already open in ReviewDesk{who}. "
        "Only one copy of ReviewDesk can change a store at a time, so that no edit is lost. "
        "Close it there first, or open it read-only."
    )


def _check_recognisable(path: Path) -> None:
    if path.is_dir():
        raise NotAStoreError(f"{path} is a folder, not a ReviewDesk store file.")
    if path.stat().st_size == 0:
        return  # an empty file is a new, empty database
    if not looks_like_sqlite(path):
        raise NotAStoreError(
            f"{path} is not a ReviewDesk store: it is not an SQLite database. "
            "Choose a .db file created by ReviewDesk."
        )


def _schema_state(engine: Engine, path: Path) -> str | None:
    """The store's migration revision, after checking it is one of ours and not newer."""
    try:
        with engine.connect() as conn:
            tables = set(inspect(conn).get_table_names())
            revision = current_revision(conn)
    except DatabaseError as exc:
        if "malformed" in _sqlite_reason(exc):
            raise StoreDamagedError(
                f"The store {path} is damaged ({_sqlite_reason(exc)}). It was not changed. "
                "Restore it from a backup; 'reviewdesk check' shows what is wrong."
            ) from exc
        raise NotAStoreError(
            f"{path} cannot be read as a ReviewDesk store ({_sqlite_reason(exc)})."
        ) from exc
    user_tables = {t for t in tables if not t.startswith("sqlite_")}
    if revision is None and user_tables:
        raise NotAStoreError(
            f"{path} is an SQLite database, but not a ReviewDesk store "
            "(it has none of ReviewDesk's version information). Nothing was changed."
        )
    if revision is not None and not is_known_revision(revision):
        raise NewerStoreError(
            f"{path} was made by a newer version of ReviewDesk (schema {revision}). "
            "Install the newer version to open it; this version will not change it."
        )
    return revision


def _sqlite_reason(exc: Exception) -> str:
    orig = getattr(exc, "orig", exc)
    return str(orig).strip() or type(orig).__name__


def backup_to(source: Path, destination: Path) -> None:
    """A consistent copy with SQLite's online backup, safe while the store is in use."""
    src = sqlite3.connect(f"file:{source.as_posix()}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(str(destination))
        try:
            src.backup(dst)
            # A backup is one self-contained file: no -wal or -shm companions.
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
    finally:
        src.close()


def _backup_before_upgrade(path: Path, revision: str) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.before-upgrade-{revision}-{stamp}{path.suffix or '.db'}")
    backup_to(path, target)
    return target


MAX_PROBLEMS = 20


def verify(engine: Engine) -> list[str]:
    """Problems found by SQLite's integrity and foreign-key checks (empty when healthy)."""
    if engine.dialect.name != "sqlite":
        return verify_server(engine)
    problems: list[str] = []
    try:
        with engine.connect() as conn:
            rows = conn.exec_driver_sql(f"PRAGMA integrity_check({MAX_PROBLEMS})").fetchall()
            # SQLite may pack several problems into one row, one per line.
            lines = [line for row in rows for line in str(row[0]).splitlines() if line.strip()]
            if lines != ["ok"]:
                problems.extend(f"integrity: {line}" for line in lines[:MAX_PROBLEMS])
            for table, rowid, parent, _fk in conn.exec_driver_sql("PRAGMA foreign_key_check"):
                problems.append(f"foreign key: row {rowid} of {table} points to a missing {parent}")
                if len(problems) >= 2 * MAX_PROBLEMS:
                    break
    except DatabaseError as exc:
        # Damage bad enough that the checks themselves cannot run.
        problems.append(f"the file is damaged ({_sqlite_reason(exc)})")
    return problems


def open_store(path: Path | str, *, readonly: bool = False, create: bool = True) -> Store:
    """Open (creating or upgrading as needed) the store at ``path``.

    Writable stores are locked for the lifetime of the returned ``Store``; a read-only store
    takes no lock and is never changed (so it cannot be upgraded either).
    """
    if is_server_url(path):
        from db.shared_store import open_server_store

        return open_server_store(path, readonly=readonly)
    path = Path(path).expanduser().absolute()
    exists = path.exists()
    if exists:
        _check_recognisable(path)
    elif readonly or not create:
        raise StoreError(f"There is no store at {path}.")
    else:
        path.parent.mkdir(parents=True, exist_ok=True)

    lock = None
    if not readonly:
        lock = StoreLock(path)
        if not lock.try_acquire():
            raise StoreLockedError(_locked_message(path, lock.owner()), lock.owner())
    try:
        return _open_locked(path, readonly, lock, exists)
    except BaseException:
        if lock is not None:
            lock.release()
        raise


def _open_locked(path: Path, readonly: bool, lock: StoreLock | None, exists: bool) -> Store:
    probe = create_store_engine(path, readonly=readonly, enforce_foreign_keys=False, wal=False)
    backup_path = None
    upgraded_from = None
    try:
        revision = _schema_state(probe, path) if exists else None
        if revision != head_revision():
            if readonly:
                raise StoreError(
                    f"{path} was made by an older version of ReviewDesk and must be upgraded "
                    "before it can be read. Open it once without read-only to upgrade it."
                )
            if revision is not None:
                backup_path = _backup_before_upgrade(path, revision)
                upgraded_from = revision
            try:
                upgrade(probe)
            except DatabaseError as exc:
                raise StoreError(
                    f"The store {path} could not be upgraded ({_sqlite_reason(exc)}). "
                    "It was left as it was"
                    + (f"; a copy was saved as {backup_path.name}." if backup_path else ".")
                ) from exc
        problems = verify(probe)
    except DatabaseError as exc:
        raise StoreError(f"The store {path} cannot be opened: {_sqlite_reason(exc)}.") from exc
    finally:
        probe.dispose()
    if problems:
        raise StoreDamagedError(
            f"The store {path} failed its integrity check: "
            + "; ".join(problems[:5])
            + ". It was not changed. Restore it from a backup, or run 'reviewdesk check'."
        )
    engine = create_store_engine(path, readonly=readonly)
    return Store(path, engine, readonly, lock, backup_path, upgraded_from)


@dataclass(frozen=True)
class StoreHealth:
    path: Path
    revision: str | None
    head: str
    problems: list[str]

    @property
    def healthy(self) -> bool:
        return not self.problems


def check_store(path: Path | str) -> StoreHealth:
    """Inspect a store without changing it (no lock, no upgrade)."""
    if is_server_url(path):
        from db.shared_store import check_server_store

        return check_server_store(path)
    path = Path(path).expanduser().absolute()
    if not path.exists():
        raise StoreError(f"There is no store at {path}.")
    _check_recognisable(path)
    engine = create_store_engine(path, readonly=True, enforce_foreign_keys=False, wal=False)
    try:
        revision = _schema_state(engine, path)
        problems = verify(engine)
        if revision is None:
            problems.append("the store holds no ReviewDesk schema yet")
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except DatabaseError as exc:
        raise StoreError(f"The store {path} cannot be read: {_sqlite_reason(exc)}.") from exc
    finally:
        engine.dispose()
    return StoreHealth(path, revision, head_revision(), problems)


def store_exists(location: Path | str) -> bool:
    """Whether there is a store to read at ``location`` (a server is assumed to be there)."""
    return is_server_url(location) or Path(location).expanduser().exists()
