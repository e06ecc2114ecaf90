"""Unfinished files of a ReviewDesk that was killed, removed at the next start.

Every file written under a temporary ``.part`` name is noted here first (with the writing
process); a note whose process is gone and whose file is still there is a leftover: the file
holds part of an export or a copy, case text, so it is deleted.
"""

import contextlib
import os
from pathlib import Path

from app.config import config_folder
from db.private import alive, private_folder

JOURNAL = "unfinished-files.txt"


def _journal() -> Path:
    return config_folder() / JOURNAL


def note_unfinished(part: Path) -> None:
    """Record that ``part`` is being written by this process."""
    with contextlib.suppress(OSError):
        private_folder(_journal().parent)
        with open(_journal(), "a", encoding="utf-8") as fh:
            fh.write(f"{os.getpid()}\t{Path(part).absolute()}\n")


def remove_leftovers() -> list[Path]:
    """Delete the unfinished files of processes no longer running; returns what was removed."""
    removed: list[Path] = []
    kept: list[str] = []
    try:
        lines = _journal().read_text(encoding="utf-8").splitlines()
    except OSError:
        return removed
    for line in lines:
        pid_text, _, name = line.partition("\t")
        if not pid_text.isdigit() or not name.endswith(".part"):
            continue
        path = Path(name)
        if alive(int(pid_text)) and int(pid_text) != os.getpid():
            kept.append(line)
        elif path.exists():
            with contextlib.suppress(OSError):
                path.unlink()
                removed.append(path)
    with contextlib.suppress(OSError):
        _journal().write_text("".join(f"{line}\n" for line in kept), encoding="utf-8")
    return removed
