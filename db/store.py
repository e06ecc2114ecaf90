"""Opening a store safely: recognise it, lock it, back it up, migrate it, check it.

Every failure a person can meet raises a ``StoreError`` whose message is written for them.
"""

import sqlite3
from collections.abc import Iterator
from concurrent.futures import Future
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine, inspect, text
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session, sessionmaker

import db.chronology_models  # noqa: F401  (every table is mapped before a store is used)
import db.findings_models  # noqa: F401
import db.learning_models  # noqa: F401
import db.meeting_models  # noqa: F401
import db.report_models  # noqa: F401
from db.audit import install_audit
from db.checks import run_checks
from db.engine import create_store_engine
from db.lock import LockOwner, StoreLock
from db.migrate import current_revision, head_revision, is_known_revision, upgrade

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


@dataclass
class Store:
    """An open store. Sessions are short: one per unit of work."""

    path: Path
    engine: Engine
    readonly: bool
    lock: StoreLock | None
    backup_path: Path | None = None
    upgraded_from: str | None = None
    _sessions: sessionmaker = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        install_audit(self._sessions)

    @contextmanager
    def session(self, actor: str = "") -> Iterator[Session]:
        """A session that commits on success and rolls back on any error."""
        with self._sessions() as session:
            session.info["actor"] = actor
            with session.begin():
                yield session

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


def verify(engine: Engine, *, quick: bool = False) -> list[str]:
    """Problems found by SQLite's integrity and foreign-key checks (empty when healthy).

    ``quick`` runs SQLite's quick_check (pages and structure, without matching every index
    against its table) and the foreign-key check: cheap enough for every open. The full
    integrity check runs in ``check_store`` (``reviewdesk check``, the window's File menu and
    its weekly check).
    """
    try:
        with engine.connect() as conn:
            return run_checks(lambda sql: conn.exec_driver_sql(sql).fetchall(), quick=quick)
    except DatabaseError as exc:
        # Damage bad enough that the checks themselves cannot run.
        return [f"the file is damaged ({_sqlite_reason(exc)})"]


def open_store(
    path: Path | str,
    *,
    readonly: bool = False,
    create: bool = True,
    prechecked: "Future[list[str]] | None" = None,
) -> Store:
    """Open (creating or upgrading as needed) the store at ``path``.

    Writable stores are locked for the lifetime of the returned ``Store``; a read-only store
    takes no lock and is never changed (so it cannot be upgraded either). ``prechecked`` is a
    quick check already started on the file (``db.checks.start_quick_check``); its result is
    used instead of checking again, unless the store had to be upgraded.
    """
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
        return _open_locked(path, readonly, lock, exists, prechecked)
    except BaseException:
        if lock is not None:
            lock.release()
        raise


def _open_locked(
    path: Path,
    readonly: bool,
    lock: StoreLock | None,
    exists: bool,
    prechecked: "Future[list[str]] | None" = None,
) -> Store:
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
        # A full check after an upgrade; otherwise the quick one (the full one is on demand).
        if upgraded_from is None and exists and prechecked is not None:
            problems = prechecked.result()
        else:
            problems = verify(probe, quick=upgraded_from is None and exists)
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
