"""Consistent, verified copies of a store, safe to take while it is open."""

from dataclasses import dataclass
from pathlib import Path

from app.errors import UserError
from db.server import is_server_url
from db.store import backup_to, check_store


@dataclass(frozen=True)
class BackupResult:
    source: Path
    target: Path
    schema: str | None
    size: int


def backup_store(source: Path | str, target: Path, *, overwrite: bool = False) -> BackupResult:
    """Copy ``source`` to ``target`` with SQLite's online backup, verify it, then move it in place.

    A shared store (a ``postgresql://`` address) is backed up into a store file by copy-store.
    """
    if is_server_url(source):
        return _backup_shared(source, Path(target).expanduser(), overwrite)
    source = Path(source).expanduser()
    target = Path(target).expanduser()
    health = check_store(source)  # refuses what is not a ReviewDesk store
    if target.exists() and target.resolve() == source.resolve():
        raise UserError("The backup must not be the store itself.")
    if target.exists() and not overwrite:
        raise UserError(f"{target} already exists. Choose another name, or allow overwriting.")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(f"The folder for {target} cannot be created: {exc.strerror}.") from None
    part = target.with_name(target.name + ".part")
    try:
        backup_to(source, part)
        copy = check_store(part)
        if not copy.healthy:
            raise UserError("The copy failed its integrity check: " + "; ".join(copy.problems))
        part.replace(target)
    except OSError as exc:
        raise UserError(f"The backup could not be written to {target}: {exc.strerror}.") from None
    finally:
        part.unlink(missing_ok=True)
    return BackupResult(source, target, health.revision, target.stat().st_size)


def _backup_shared(source: str, target: Path, overwrite: bool) -> BackupResult:
    from app.store_copy import copy_store

    health = check_store(source)
    if target.exists() and not overwrite:
        raise UserError(f"{target} already exists. Choose another name, or allow overwriting.")
    target.parent.mkdir(parents=True, exist_ok=True)
    part = target.with_name(target.name + ".part")
    part.unlink(missing_ok=True)
    try:
        report = copy_store(source, part)
        part.replace(target)
    finally:
        for leftover in (part, *part.parent.glob(part.name + "*")):  # its lock file too
            leftover.unlink(missing_ok=True)
    return BackupResult(report.source, target, health.revision, target.stat().st_size)
