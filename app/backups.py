"""Consistent, verified copies of a store, safe to take while it is open."""

from dataclasses import dataclass
from pathlib import Path

from app.errors import UserError
from app.leftovers import note_unfinished
from app.store_access import Asker, passphrase_for
from db.private import disk_message
from db.server import is_server_url
from db.store import StoreDamagedError, backup_to, check_store


@dataclass(frozen=True)
class BackupResult:
    source: Path
    target: Path
    schema: str | None
    size: int


def backup_store(
    source: Path | str,
    target: Path,
    *,
    overwrite: bool = False,
    passphrase: str | None = None,
    ask: Asker | None = None,
) -> BackupResult:
    """Copy ``source`` to ``target`` with SQLite's online backup, verify it, then move it in
    place. The copy is encrypted with the store's own passphrase when the store is; a shared
    store's backup is a new store file, encrypted like any (its passphrase from
    ``REVIEWDESK_PASSPHRASE`` or ``ask``)."""
    if is_server_url(source):  # a shared store: copied into a store file by copy-store
        return _backup_shared(source, Path(target).expanduser(), overwrite, ask)
    source = Path(source).expanduser()
    target = Path(target).expanduser()
    health = check_store(source, passphrase=passphrase)  # refuses what is not a store
    if target.exists() and target.resolve() == source.resolve():
        raise UserError("The backup must not be the store itself.")
    if target.exists() and not overwrite:
        raise UserError(f"{target} already exists. Choose another name, or allow overwriting.")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(f"The folder for {target} cannot be created: {exc.strerror}.") from None
    key = passphrase if health.encrypted else None
    try:
        backup_to(source, target, key, on_part=note_unfinished)
    except StoreDamagedError as exc:
        raise UserError(f"The backup was not written: {exc}") from None
    except OSError as exc:
        raise UserError(f"The backup was not written. {disk_message(target, exc)}") from None
    return BackupResult(source, target, health.revision, target.stat().st_size)


def _backup_shared(source: str, target: Path, overwrite: bool, ask: Asker | None) -> BackupResult:
    from app.store_copy import copy_with_keys

    health = check_store(source)
    if target.exists() and not overwrite:
        raise UserError(f"{target} already exists. Choose another name, or allow overwriting.")
    key = passphrase_for(target, ask, new=True)  # asked for the file's own name
    target.parent.mkdir(parents=True, exist_ok=True)
    part = target.with_name(target.name + ".part")
    part.unlink(missing_ok=True)
    try:
        report = copy_with_keys(source, part, None, key)
        part.replace(target)
    finally:
        for leftover in (part, *part.parent.glob(part.name + "*")):  # its lock file too
            leftover.unlink(missing_ok=True)
    return BackupResult(report.source, target, health.revision, target.stat().st_size)
