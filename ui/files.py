"""Where files are offered to be saved: the user's Documents folder, named after the review."""

import re
from pathlib import Path

from PySide6.QtCore import QStandardPaths


def documents_folder() -> Path:
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = Path(found) if found else Path.home()
    return folder if folder.is_dir() else Path.home()


def safe_file_stem(text: str) -> str:
    """A file name from a review reference and a title: no characters Windows refuses."""
    cleaned = re.sub(r'[<>:"/\\|?*\x00-\x1f]+', "-", text).strip(" .-")
    return re.sub(r"\s+", " ", cleaned) or "ReviewDesk"


def suggested_path(reference: str | None, what: str, suffix: str) -> str:
    """e.g. ~/Documents/LCSPR-2026-01 chronology.xlsx"""
    stem = safe_file_stem(f"{reference} {what}" if reference else what)
    return str(documents_folder() / f"{stem}{suffix}")
