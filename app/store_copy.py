"""Copying a whole store between an SQLite file and a shared PostgreSQL database."""

from dataclasses import dataclass
from pathlib import Path

from app.errors import UserError
from app.store_access import Asker, passphrase_for
from db.server import is_server_url, safe_location
from db.store import StoreError, open_store
from db.transfer import CopyError, TableCopy, copy_between


@dataclass(frozen=True)
class CopyReport:
    source: str
    target: str
    tables: list[TableCopy]

    @property
    def rows(self) -> int:
        return sum(t.rows for t in self.tables)


def _shown(location: Path | str) -> str:
    return safe_location(location) if is_server_url(location) else str(location)


def copy_store(source: Path | str, target: Path | str, ask: Asker | None = None) -> CopyReport:
    """Copy everything in ``source`` into ``target`` (a new file or an empty database), then
    verify every table's row count and checksum. A failed copy leaves no new file behind.
    An encrypted source is opened with its passphrase, and a new file is encrypted like any
    new store (``REVIEWDESK_PASSPHRASE``, or ``ask``): case data never lands in a plain file
    unless ``REVIEWDESK_UNENCRYPTED`` allows it."""
    source_key = None if is_server_url(source) else passphrase_for(Path(source), ask, new=False)
    target_key = None if is_server_url(target) else passphrase_for(Path(target), ask, new=True)
    return copy_with_keys(source, target, source_key, target_key)


def copy_with_keys(
    source: Path | str, target: Path | str, source_key: str | None, target_key: str | None
) -> CopyReport:
    """``copy_store`` with the passphrases already known (None: a plain file, or a server)."""
    if not is_server_url(source):
        source = Path(source).expanduser()
        if not source.exists():
            raise UserError(f"There is no store at {source}.")
    new_file = None
    if not is_server_url(target):
        target = Path(target).expanduser()
        if target.exists():
            raise UserError(
                f"{target} already exists. Copy into a new file, so that nothing is overwritten."
            )
        new_file = target
    if str(source) == str(target):
        raise UserError("The copy must go to another store.")
    try:
        with open_store(source, readonly=True, passphrase=source_key) as src:
            _whole_store_visible(src)
            target_store = open_store(target, passphrase=target_key)
            try:
                tables = copy_between(src.engine, target_store.engine)
            finally:
                target_store.close()
    except (CopyError, StoreError) as exc:
        if new_file is not None:
            _remove_new_file(new_file)
        raise UserError(str(exc)) from exc
    except BaseException:
        if new_file is not None:
            _remove_new_file(new_file)
        raise
    return CopyReport(_shown(source), _shown(target), tables)


def _whole_store_visible(src) -> None:
    """A copy of a shared store is the whole of it: only those who see all of it make one."""
    if src.shared and src.standing not in (None, "manager"):
        raise UserError(
            "A copy or backup of the shared store is made by the business manager or the "
            "store's owner, who see all of it; your login sees only part of it, so nothing was "
            "copied. To work on a review away from the office, check it out "
            "(reviewdesk checkout)."
        )


def _remove_new_file(path: Path) -> None:
    for leftover in (path, *path.parent.glob(path.name + "*")):
        leftover.unlink(missing_ok=True)
