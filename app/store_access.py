"""Opening the store with its passphrase, and the store-wide operations around encryption.

New stores are encrypted. The passphrase comes from ``REVIEWDESK_PASSPHRASE`` or is asked for
(the window asks in a dialog, the command line at the terminal); it is never saved anywhere.
``REVIEWDESK_UNENCRYPTED=1`` lets a new store be made without encryption, for trying things
out and for automated tests only.
"""

import contextlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from app.errors import UserError
from db.copies import write_copy
from db.driver import is_plain_sqlite
from db.errors import StoreError
from db.location import is_server_url
from db.private import disk_message, make_private, secure_store_files

if TYPE_CHECKING:  # the database layer loads when a store is opened, not with this module
    from db.store import Store

PASSPHRASE_ENV = "REVIEWDESK_PASSPHRASE"
UNENCRYPTED_ENV = "REVIEWDESK_UNENCRYPTED"
MIN_PASSPHRASE = 8

# ask(prompt, confirm) -> the passphrase typed, or None when the person gave up
Asker = Callable[[str, bool], str | None]


def env_passphrase() -> str | None:
    value = os.environ.get(PASSPHRASE_ENV)
    return value if value else None


def unencrypted_allowed() -> bool:
    return os.environ.get(UNENCRYPTED_ENV, "").strip().lower() in ("1", "yes", "true")


def needs_passphrase(path: Path) -> bool:
    """True when ``path`` holds something other than a plain SQLite file (so a key is needed)."""
    path = Path(path)
    return path.is_file() and path.stat().st_size > 0 and not is_plain_sqlite(path)


def check_new_passphrase(passphrase: str) -> str:
    if len(passphrase) < MIN_PASSPHRASE:
        raise UserError(
            f"A passphrase needs at least {MIN_PASSPHRASE} characters; a few ordinary words "
            "make a good one."
        )
    return passphrase


def passphrase_for(path: Path, ask: Asker | None, *, new: bool) -> str | None:
    """The passphrase to open (or create) ``path`` with; None for a plain store."""
    path = Path(path)
    if not new and not needs_passphrase(path):
        return None
    given = env_passphrase()
    if given:
        return given
    if new and unencrypted_allowed():
        return None
    if ask is None:
        what = (
            f"A new store ({path}) is encrypted with a passphrase: choose one"
            if new
            else f"The store {path} is encrypted: give its passphrase"
        )
        raise UserError(
            f"{what} by setting {PASSPHRASE_ENV}, or run the command in a terminal to be "
            "asked for it."
        )
    prompt = (
        f"Choose a passphrase for the new store {path.name}"
        if new
        else f"Passphrase for {path.name}"
    )
    typed = ask(prompt, new)
    if not typed:
        raise UserError("No passphrase was given; nothing was changed.")
    return check_new_passphrase(typed) if new else typed


def open_with_passphrase(
    path: Path, ask: Asker | None, *, readonly: bool = False, prechecked=None, wait: float = 0.0
) -> "Store":
    """Open the store, asking for its passphrase when it is encrypted (or new).
    ``prechecked``: a quick check already started on the file (see ``open_store``); ``wait``:
    seconds to wait for another ReviewDesk to close the file."""
    from db.store import open_store

    if is_server_url(path):  # the shared store: the server's roles and TLS protect it
        return _open_server(path, ask, readonly)
    path = Path(path)
    new = not path.exists() or (path.is_file() and path.stat().st_size == 0)
    passphrase = passphrase_for(path, ask, new=new and not readonly)
    return open_store(
        path, readonly=readonly, passphrase=passphrase, prechecked=prechecked, wait=wait
    )


def _open_server(address: str, ask: Asker | None, readonly: bool) -> "Store":
    """Open the shared store, asking for the login's password when the server wants one
    that neither the address, ``PGPASSWORD`` nor a ``.pgpass`` file gives."""
    from db.errors import PasswordNeededError
    from db.store import open_store

    try:
        return open_store(address, readonly=readonly)
    except PasswordNeededError:
        if ask is None:
            raise
    from sqlalchemy.engine import make_url

    login = make_url(address).username or "your login"
    typed = ask(f"Password for {login} on the shared store", False)
    if not typed:
        raise UserError("No password was given; nothing was changed.")
    return open_store(address_with_password(address, typed), readonly=readonly)


def address_without_password(address: str) -> str:
    """A shared store's address as it can be remembered (its password left out); a file as is."""
    if not is_server_url(address):
        return str(address)
    from sqlalchemy.engine import make_url

    url = make_url(address)
    if url.password is None:
        return address  # as it was typed
    return url._replace(password=None).render_as_string(hide_password=False)


def address_with_password(address: str, password: str) -> str:
    """A shared store's address with the password typed in a dialog (never saved anywhere)."""
    if not password or not is_server_url(address):
        return address
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        url = make_url(address.strip())
    except ArgumentError as exc:
        raise UserError(
            f"'{address}' is not a shared store's address; write it as "
            "postgresql://login@server/database."
        ) from exc
    return url._replace(password=password).render_as_string(hide_password=False)


# --- store-wide operations -----------------------------------------------------------------


@dataclass(frozen=True)
class ReencryptResult:
    path: Path
    copies_encrypted: list[Path]


def _verify_same(source_counts: dict[str, int], passphrase: str | None):
    def verify(part: Path) -> None:
        from db.store import check_store

        health = check_store(part, passphrase=passphrase)
        if not health.healthy:
            raise UserError("The new copy failed its check: " + "; ".join(health.problems))
        if table_counts(part, passphrase) != source_counts:
            raise UserError("The new copy does not hold every row of the store; nothing changed.")

    return verify


def table_counts(path: Path, passphrase: str | None) -> dict[str, int]:
    """Rows in every table of a store (the same numbers must come out of any copy)."""
    from sqlalchemy import func, inspect, select, table

    from db.store import open_store

    store = open_store(path, readonly=True, passphrase=passphrase)
    try:
        with store.engine.connect() as conn:
            names = sorted(inspect(conn).get_table_names())
            return {
                n: conn.execute(select(func.count()).select_from(table(n))).scalar() for n in names
            }
    finally:
        store.close()


def _wipe(path: Path) -> None:
    """Overwrite a plain file with zeros before removing it (best effort: disks may remap)."""
    with contextlib.suppress(OSError):
        size = path.stat().st_size
        with open(path, "r+b") as fh:
            block = b"\0" * 65536
            for _ in range(0, size, len(block)):
                fh.write(block)
            fh.flush()
            os.fsync(fh.fileno())
    with contextlib.suppress(OSError):
        path.unlink()


def reencrypt_in_place(path: Path, passphrase: str | None, new_passphrase: str) -> None:
    """Replace the store file by a verified copy encrypted with ``new_passphrase``.

    The caller holds the store's lock and has no engine open on it. The old file is left
    untouched until the new one is complete and verified; then the new one is swapped in and
    the old one (plain, or under the old passphrase) is overwritten and removed.
    """
    path = Path(path)
    # Fold the write-ahead log into the file first: it belongs to the old file only.
    _to_rollback_journal(path, passphrase)
    counts = table_counts(path, passphrase)
    fresh = path.with_name(path.name + ".new")
    old = path.with_name(path.name + ".old")
    try:
        write_copy(
            path,
            fresh,
            passphrase=passphrase,
            new_passphrase=new_passphrase,
            verify=_verify_same(counts, new_passphrase),
        )
        os.replace(path, old)
        os.replace(fresh, path)
    except OSError as exc:
        fresh.unlink(missing_ok=True)
        if old.exists() and not path.exists():
            os.replace(old, path)
        raise UserError(disk_message(fresh, exc)) from None
    _wipe(old)
    secure_store_files(path)


def _to_rollback_journal(path: Path, passphrase: str | None) -> None:
    from db.engine import connect

    conn = connect(path, passphrase=passphrase)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("PRAGMA journal_mode=DELETE")
    finally:
        conn.close()


def _locked(path: Path, passphrase: str | None) -> "Store":
    """Open the store writable (upgrading it if needed) to hold its lock during an operation."""
    from db.store import open_store

    return open_store(path, passphrase=passphrase, create=False)


def encrypt_store(path: Path, new_passphrase: str) -> ReencryptResult:
    """Encrypt a plain store in place, and the plain pre-upgrade copies beside it."""
    path = Path(path)
    if not path.exists():
        raise UserError(f"There is no store at {path}.")
    if needs_passphrase(path):
        raise UserError(f"The store {path} is already encrypted.")
    check_new_passphrase(new_passphrase)
    store = _locked(path, None)
    try:
        store.engine.dispose()
        reencrypt_in_place(path, None, new_passphrase)
        copies = []
        for copy in sorted(path.parent.glob(f"{path.stem}.before-upgrade-*")):
            if copy.is_file() and is_plain_sqlite(copy):
                _encrypt_copy(copy, new_passphrase)
                copies.append(copy)
    finally:
        store.close()
    return ReencryptResult(path, copies)


def _encrypt_copy(copy: Path, passphrase: str) -> None:
    counts = table_counts(copy, None)
    fresh = copy.with_name(copy.name + ".new")
    write_copy(copy, fresh, passphrase=None, new_passphrase=passphrase,
               verify=_verify_same(counts, passphrase))  # fmt: skip
    old = copy.with_name(copy.name + ".old")
    os.replace(copy, old)
    os.replace(fresh, copy)
    _wipe(old)


def change_passphrase(path: Path, passphrase: str, new_passphrase: str) -> None:
    """A new passphrase for an encrypted store (the old one no longer opens it)."""
    path = Path(path)
    if not needs_passphrase(path):
        raise UserError(f"The store {path} is not encrypted: use 'reviewdesk encrypt-store'.")
    check_new_passphrase(new_passphrase)
    store = _locked(path, passphrase)
    try:
        store.engine.dispose()
        reencrypt_in_place(path, passphrase, new_passphrase)
    finally:
        store.close()


def change_open_store_passphrase(store: "Store", new_passphrase: str) -> None:
    """Encrypt the open store, or give it a new passphrase, without closing the window."""
    if store.readonly:
        raise UserError("The store is open read-only: its passphrase cannot be changed here.")
    check_new_passphrase(new_passphrase)
    store.engine.dispose()
    try:
        reencrypt_in_place(store.path, store.passphrase, new_passphrase)
    finally:
        store.reopen(new_passphrase if needs_passphrase(store.path) else store.passphrase)


def export_decrypted(path: Path, passphrase: str | None, target: Path, *, overwrite=False) -> Path:
    """A plain, verified copy of the store, deliberately made for handing on."""
    target = Path(target).expanduser()
    if target.exists() and not overwrite:
        raise UserError(f"{target} already exists. Choose another name, or allow overwriting.")
    if target.exists() and target.resolve() == Path(path).resolve():
        raise UserError("The copy must not be the store itself.")
    counts = table_counts(path, passphrase)
    try:
        write_copy(path, target, passphrase=passphrase, new_passphrase=None,
                   verify=_verify_same(counts, None))  # fmt: skip
    except OSError as exc:
        raise UserError(disk_message(target, exc)) from None
    make_private(target)
    return target


__all__ = [
    "PASSPHRASE_ENV",
    "StoreError",
    "change_passphrase",
    "encrypt_store",
    "export_decrypted",
    "open_with_passphrase",
    "passphrase_for",
]
