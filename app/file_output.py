"""Writing a finished file in one step: to a private part file, renamed into place."""

from collections.abc import Callable
from pathlib import Path

from app.errors import UserError


def write_atomically(path: Path, write: Callable[[Path], object]) -> object:
    """Write to ``path.part`` and rename it over ``path`` only once complete; a failed write
    leaves whatever was at ``path`` untouched."""
    part = path.with_name(path.name + ".part")
    try:
        result = write(part)
        part.replace(path)
    except OSError as exc:
        raise UserError(f"The file could not be written to {path}: {exc.strerror}.") from None
    finally:
        part.unlink(missing_ok=True)
    return result
