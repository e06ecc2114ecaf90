"""Opening a store safely: recognise it, lock it, back it up, migrate it, check it.

Every failure a person can meet raises a ``StoreError`` whose message is written for them.
"""

import contextlib
import glob
import os
import stat
from collections.abc import Iterator
from concurrent.futures import Future
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine, inspect, text
from sqlalchemy.exc import DatabaseError, DBAPIError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

import db.access_models  # noqa: F401
import db.checkout_models  # noqa: F401
import db.chronology_models  # noqa: F401  (every table is mapped before a store is used)
import db.findings_models  # noqa: F401
import db.learning_models  # noqa: F401
import db.meeting_models  # noqa: F401
import db.publishing_models  # noqa: F401
import db.report_models  # noqa: F401
from db.audit import (
    install_audit,
    install_triggers,
    seal_chain,
    set_actor,
    verify_chain,
    verify_rows,
)
from db.checkout_guard import install_sqlite_guards, is_checkout_refusal, refusal_message
from db.checks import run_checks
from db.copies import write_copy
from db.engine import SQLITE_HEADER, create_store_engine
from db.errors import BUSY_MESSAGE, StoreBusyError, StoreError, is_busy_error
from db.location import mistyped_server_url
from db.lock import LockOwner, StoreLock
from db.migrate import current_revision, head_revision, is_known_revision, upgrade
from db.private import disk_message, private_file, private_folder, secure_store_files
from db.roles import is_permission_error
from db.server import is_server_url, safe_location, verify_server


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


class CheckedOutError(StoreError):
    """The review is checked out to another store: read-only here until it comes back."""


class StaleEditError(StoreError):
    """A row changed (or its change was not allowed) between reading and writing it."""


class PassphraseError(NotAStoreError):
    """The store is encrypted and the passphrase is missing or wrong (or it is not a store)."""

    def __init__(self, message: str, *, missing: bool):
        super().__init__(message)
        self.missing = missing


def _connection_triggers(dbapi_connection) -> None:
    """The audit trail's triggers and the check-out guard's, on each writable connection."""
    install_triggers(dbapi_connection)
    install_sqlite_guards(dbapi_connection)


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
    login: str | None = None  # on a shared store: the database login it was opened with
    passphrase: str | None = field(default=None, repr=False)
    readonly_reason: str = ""
    _sessions: sessionmaker = field(init=False, repr=False)
    _outer: object = field(default=None, init=False, repr=False)

    @property
    def encrypted(self) -> bool:
        return self.passphrase is not None

    def __post_init__(self) -> None:
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        install_audit(self._sessions)

    @contextmanager
    def session(self, actor: str = "") -> Iterator[Session]:
        """A session that commits on success and rolls back on any error.

        Every change made in it is recorded in the audit trail under ``actor``.
        """
        bind = {}
        if self._outer is not None:
            bind = {"bind": self._outer, "join_transaction_mode": "create_savepoint"}
        try:
            with self._sessions(**bind) as session:
                session.info["actor"] = actor
                session.info["writable"] = not self.readonly
                with session.begin():
                    if not self.readonly:
                        set_actor(session, actor)
                    yield session
        except StaleDataError as exc:
            raise StaleEditError(
                "This was changed or removed by someone else while you were saving, so "
                "nothing was saved. It now shows what is stored; make your change again."
            ) from exc
        except DBAPIError as exc:
            if is_checkout_refusal(exc):
                raise CheckedOutError(refusal_message(exc, self.engine)) from exc
            if not self.shared and is_busy_error(exc):
                raise StoreBusyError(BUSY_MESSAGE) from exc
            if self.shared and is_permission_error(exc):
                raise NotPermittedError(
                    "Your role in the shared store does not allow this change, so nothing was "
                    "saved: a review's chair and authors change it, its panel members only read "
                    "it, and only the business manager starts a review or adds people. The "
                    "business manager can change your role."
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

    def reopen(self, passphrase: str | None) -> None:
        """Open the file afresh after it was replaced (encrypted, or with a new passphrase)."""
        self.engine.dispose()
        self.engine = create_store_engine(
            self.path,
            passphrase=passphrase,
            readonly=self.readonly,
            on_connect=None if self.readonly else _connection_triggers,
        )
        self.passphrase = passphrase
        self.__post_init__()
        if self.lock is not None:
            self.lock.hold_store_file_again()

    @contextmanager
    def all_or_nothing(self) -> Iterator[None]:
        """Every session opened inside is part of one transaction: committed together at
        the end, or not at all (an error, a crash, the power going)."""
        if self._outer is not None:
            yield
            return
        with self.engine.connect() as conn, conn.begin():
            self._outer = conn
            try:
                yield
            finally:
                self._outer = None

    def close(self) -> None:
        if not self.readonly and self.lock is not None:
            try:
                with self.engine.begin() as conn:
                    seal_chain(conn)  # rows written outside a session (bulk tools, tests)
            except DatabaseError:
                pass  # the store is closing anyway; the next open seals them
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


def _passphrase_message(path: Path, passphrase: str | None) -> str:
    if passphrase is None:
        return (
            f"{path} is encrypted, or it is not a ReviewDesk store. Give its passphrase "
            "(ReviewDesk asks for it, or set REVIEWDESK_PASSPHRASE). Nothing was changed."
        )
    return (
        f"The passphrase does not open {path} (or the file is not a ReviewDesk store). "
        "Nothing was changed; try again with the right passphrase."
    )


def _locked_message(path: Path, owner: LockOwner | None, waited: float = 0.0) -> str:
    who = f" by {owner.describe()}" if owner else ""
    seconds = f"{waited:g} second" + ("" if waited == 1 else "s")
    gave_up = f" ReviewDesk waited {seconds} for it to be closed. " if waited else " "
    return (
        f"The store {path} is already open in ReviewDesk{who}.{gave_up}"
        "Only one copy of ReviewDesk can change a store at a time, so that no edit is lost; "
        "nothing was changed. Close it there first, or open it read-only."
    )


def _check_recognisable(path: Path, passphrase: str | None) -> str | None:
    """The passphrase to open ``path`` with (None for a plain store), or a refusal."""
    mode = path.stat().st_mode
    if stat.S_ISDIR(mode):
        raise NotAStoreError(f"{path} is a folder, not a ReviewDesk store file.")
    if not stat.S_ISREG(mode):
        # A pipe or a device would hang the reader or never end: refused before it is opened.
        raise NotAStoreError(f"{path} is not a regular file, so it cannot be a ReviewDesk store.")
    if path.stat().st_size == 0:
        return passphrase  # an empty file is a new, empty database
    if looks_like_sqlite(path):
        return None
    with open(path, "rb") as fh:
        head = fh.read(512)
    if path.stat().st_size % 512 or _looks_like_text(head):
        raise NotAStoreError(
            f"{path} is not a ReviewDesk store: it is not an SQLite database. "
            "Choose a .db file created by ReviewDesk."
        )
    if passphrase is None:
        raise PassphraseError(_passphrase_message(path, None), missing=True)
    return passphrase


def _looks_like_text(head: bytes) -> bool:
    try:
        head.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _schema_state(engine: Engine, path: Path, passphrase: str | None = None) -> str | None:
    """The store's migration revision, after checking it is one of ours and not newer."""
    try:
        with engine.connect() as conn:
            tables = set(inspect(conn).get_table_names())
            revision = current_revision(conn)
    except DatabaseError as exc:
        if passphrase is not None and "not a database" in _sqlite_reason(exc):
            raise PassphraseError(_passphrase_message(path, passphrase), missing=False) from exc
        if "malformed" in _sqlite_reason(exc):
            raise StoreDamagedError(
                f"The store {path} is damaged ({_sqlite_reason(exc)}). It was not changed. "
                "'reviewdesk salvage' recovers every readable row into a new store; "
                "'reviewdesk check' shows what is wrong."
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


def backup_to(source: Path, destination: Path, passphrase: str | None = None, on_part=None) -> None:
    """A consistent, verified copy with SQLite's online backup, encrypted as the source is."""
    write_copy(
        source, destination, passphrase=passphrase, verify=_verifier(passphrase), on_part=on_part
    )


def _verifier(passphrase: str | None):
    def verify_copy(part: Path) -> None:
        health = check_store(part, passphrase=passphrase)
        if not health.healthy:
            raise StoreDamagedError("The copy failed its check: " + "; ".join(health.problems))

    return verify_copy


def _remove_unfinished_copies(path: Path) -> None:
    """Parts of a pre-upgrade copy whose writer was killed (the lock is ours: nobody else is
    writing them); a finished copy is never touched."""
    for part in path.parent.glob(f"{glob.escape(path.stem)}.before-upgrade-*.part*"):
        with contextlib.suppress(OSError):
            part.unlink()


def _backup_before_upgrade(path: Path, revision: str, passphrase: str | None) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.before-upgrade-{revision}-{stamp}{path.suffix or '.db'}")
    try:
        backup_to(path, target, passphrase)
    except OSError as exc:
        raise StoreError(
            f"{path} needs upgrading, and a copy is saved first: {disk_message(target, exc)}"
        ) from None
    return target


def _has_chain(conn) -> bool:
    columns = {row[1] for row in conn.exec_driver_sql("PRAGMA table_info(audit_event)")}
    return "hash" in columns


def verify(engine: Engine, *, chain: bool = True, quick: bool = False) -> list[str]:
    """Problems found by SQLite's integrity and foreign-key checks (empty when healthy), and
    by the audit trail's chain when ``chain``.

    ``quick`` runs SQLite's quick_check (pages and structure, without matching every index
    against its table) and the foreign-key check: cheap enough for every open. The full
    integrity check runs in ``check_store`` (``reviewdesk check``, the window's File menu and
    its weekly check).
    """
    if engine.dialect.name != "sqlite":
        return verify_server(engine)
    problems: list[str] = []
    try:
        with engine.connect() as conn:
            problems = run_checks(lambda sql: conn.exec_driver_sql(sql).fetchall(), quick=quick)
            if chain and not problems and _has_chain(conn):
                problems.extend(verify_chain(conn))
                problems.extend(verify_rows(conn))
    except DatabaseError as exc:
        # Damage bad enough that the checks themselves cannot run.
        return [f"the file is damaged ({_sqlite_reason(exc)})"]
    return problems


def _readonly_reason(path: Path, exists: bool) -> str:
    """Why a store must be opened read-only although a change was asked for ("" if not)."""
    folder = path.parent
    if folder.exists() and not os.access(folder, os.W_OK | os.X_OK):
        return f"The folder {folder} holding the store is read-only for you."
    if exists and not os.access(path, os.W_OK):
        return f"The store file {path} is read-only for you."
    return ""


def open_store(
    path: Path | str,
    *,
    readonly: bool = False,
    create: bool = True,
    passphrase: str | None = None,
    prechecked: "Future[list[str]] | None" = None,
    wait: float = 0.0,
) -> Store:
    """Open (creating or upgrading as needed) the store at ``path``.

    Writable stores are locked for the lifetime of the returned ``Store``; a read-only store
    takes no lock and is never changed (so it cannot be upgraded either). A new store is
    encrypted when a ``passphrase`` is given; an existing one is opened as it is (a plain
    store ignores the passphrase: see ``Store.encrypted``). A store in a folder or file the
    user may not write is opened read-only, with ``readonly_reason`` saying why.
    ``prechecked`` is a quick check already started on a plain store's file
    (``db.checks.start_quick_check``); its result is used instead of checking again, unless
    the store had to be upgraded. ``wait``: seconds to wait for another process holding a
    store file to close it before giving up (the shared store has no such lock).
    """
    if is_server_url(path):
        from db.shared_store import open_server_store

        return open_server_store(path, readonly=readonly)
    if mistyped_server_url(path):
        raise StoreError(
            f"'{path}' looks like a shared store's address but is not a complete one; "
            "write it as postgresql://user@server/database (with two slashes)."
        )
    path = Path(path).expanduser().absolute()
    exists = path.exists()
    if exists:
        key = _check_recognisable(path, passphrase)
    elif readonly or not create:
        raise StoreError(f"There is no store at {path}.")
    else:
        key = passphrase
        try:
            private_folder(path.parent)
        except OSError as exc:
            raise StoreError(
                f"The store cannot be created at {path}: {disk_message(path, exc)}"
            ) from None
    reason = "" if readonly else _readonly_reason(path, exists)
    if reason and not exists:
        raise StoreError(f"The store cannot be created at {path}: the folder is read-only.")
    if reason:
        readonly = True

    lock = None
    if not readonly:
        lock = StoreLock(path)
        if not lock.try_acquire(wait):
            raise StoreLockedError(_locked_message(path, lock.owner(), wait), lock.owner())
    try:
        store = _open_locked(path, readonly, lock, exists, key, prechecked)
    except BaseException:
        if lock is not None:
            lock.release()
        raise
    store.readonly_reason = reason
    return store


def _open_locked(
    path: Path,
    readonly: bool,
    lock: StoreLock | None,
    exists: bool,
    key: str | None,
    prechecked: "Future[list[str]] | None" = None,
) -> Store:
    if not exists:
        private_file(path)
    if not readonly:
        _remove_unfinished_copies(path)
    immutable = readonly and not os.access(path.parent, os.W_OK)
    probe = create_store_engine(
        path,
        passphrase=key,
        readonly=readonly,
        immutable=immutable,
        enforce_foreign_keys=False,
        wal=False,
    )
    backup_path = None
    upgraded_from = None
    try:
        revision = _schema_state(probe, path, key) if exists else None
        if revision != head_revision():
            if readonly:
                raise StoreError(
                    f"{path} was made by an older version of ReviewDesk and must be upgraded "
                    "before it can be read. Open it once without read-only to upgrade it."
                )
            if revision is not None:
                backup_path = _backup_before_upgrade(path, revision, key)
                upgraded_from = revision
            try:
                upgrade(probe)
            except DatabaseError as exc:
                raise StoreError(
                    f"The store {path} could not be upgraded ({_plain_reason(path, exc)}). "
                    "It was left as it was"
                    + (f"; a copy was saved as {backup_path.name}." if backup_path else ".")
                ) from None
        # The quick check on every open (started early by the window when it could be); the
        # full one after an upgrade. The trail's chain: by 'check', not every open.
        if upgraded_from is None and exists and prechecked is not None and key is None:
            problems = prechecked.result()
        else:
            problems = verify(probe, chain=False, quick=upgraded_from is None and exists)
        if not readonly and not problems:
            with probe.begin() as conn:
                seal_chain(conn)
    except DatabaseError as exc:
        raise StoreError(
            f"The store {path} cannot be opened: {_plain_reason(path, exc)}."
        ) from None
    finally:
        probe.dispose()
    if problems:
        raise StoreDamagedError(
            f"The store {path} failed its integrity check: "
            + "; ".join(problems[:5])
            + ". It was not changed. Restore it from a backup, or recover what can be read "
            "with 'reviewdesk salvage'."
        )
    if not readonly:
        secure_store_files(path)
    engine = create_store_engine(
        path,
        passphrase=key,
        readonly=readonly,
        immutable=immutable,
        on_connect=None if readonly else _connection_triggers,
    )
    return Store(path, engine, readonly, lock, backup_path, upgraded_from, passphrase=key)


def _plain_reason(path: Path, exc: DatabaseError) -> str:
    reason = _sqlite_reason(exc)
    if "full" in reason:
        return f"the disk holding {path.parent} is full"
    return reason


@dataclass(frozen=True)
class StoreHealth:
    path: Path
    revision: str | None
    head: str
    problems: list[str]
    encrypted: bool = False
    location: str = ""  # a shared store's address (no password); "" for a file
    connection: str = ""  # a shared store: how the connection to its server is protected

    @property
    def healthy(self) -> bool:
        return not self.problems


def check_store(path: Path | str, *, passphrase: str | None = None) -> StoreHealth:
    """Inspect a store without changing it (no lock, no upgrade)."""
    if is_server_url(path):
        from db.shared_store import check_server_store

        return check_server_store(path)
    path = Path(path).expanduser().absolute()
    if not path.exists():
        raise StoreError(f"There is no store at {path}.")
    key = _check_recognisable(path, passphrase)
    immutable = not os.access(path.parent, os.W_OK)
    engine = create_store_engine(
        path,
        passphrase=key,
        readonly=True,
        immutable=immutable,
        enforce_foreign_keys=False,
        wal=False,
    )
    try:
        revision = _schema_state(engine, path, key)
        problems = verify(engine)
        if revision is None:
            problems.append("the store holds no ReviewDesk schema yet")
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except DatabaseError as exc:
        raise StoreError(f"The store {path} cannot be read: {_sqlite_reason(exc)}.") from exc
    finally:
        engine.dispose()
    return StoreHealth(path, revision, head_revision(), problems, encrypted=key is not None)


def store_exists(location: Path | str) -> bool:
    """Whether there is a store to read at ``location`` (a server is assumed to be there)."""
    return is_server_url(location) or Path(location).expanduser().exists()
