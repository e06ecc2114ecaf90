"""Helpers for the tests: store files in particular states, built and read with plain sqlite3
(independently of the code under test), and date arithmetic done the long way."""

import calendar
import hashlib
import random
import sqlite3
import subprocess
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from db.models import Review
from db.store import open_store


def sha256_of(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def query(path: Path, sql: str, params: tuple = ()) -> list[tuple]:
    """Rows from a store file, opened read-only so the file itself is never changed."""
    conn = sqlite3.connect(f"file:{Path(path).as_posix()}?mode=ro", uri=True)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def execute(path: Path, sql: str, params: tuple = ()) -> None:
    """Write to a store file behind the app's back, with foreign keys off."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA foreign_keys=OFF")
        conn.execute(sql, params)
        conn.commit()
    finally:
        conn.close()


# --- files that are not (usable) stores -------------------------------------------------------


def write_text_file(path: Path) -> Path:
    path.write_text("Date,Agency,Event\n02/01/2008,Police,Home visit\n", encoding="utf-8")
    return path


def write_random_bytes(path: Path) -> Path:
    path.write_bytes(random.Random(11).randbytes(16 * 1024))
    return path


def make_folder(path: Path) -> Path:
    path.mkdir()
    return path


def write_foreign_sqlite(path: Path) -> Path:
    """An SQLite database of some other program (default rollback journal, no alembic_version)."""
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contact (id INTEGER PRIMARY KEY, name TEXT)")
    conn.execute("INSERT INTO contact (name) VALUES ('Zoë'), ('Siobhán')")
    conn.commit()
    conn.close()
    return path


def make_store(path: Path, reviews: int = 1) -> Path:
    """A real, closed store holding ``reviews`` reviews with longish titles."""
    with open_store(path) as store, store.session("Builder") as session:
        for n in range(reviews):
            session.add(
                Review(
                    reference=f"REF-{n:04d}", title=f"Review {n} " + "x" * 400, review_type="scr"
                )
            )
    return path


def make_newer_store(path: Path) -> Path:
    make_store(path)
    execute(path, "UPDATE alembic_version SET version_num = '9999'")
    return path


ORPHAN_REVIEW_ID = 4242


def make_store_with_orphan(path: Path) -> Path:
    """A store with an agency that points to a review which does not exist."""
    make_store(path)
    execute(
        path,
        "INSERT INTO agency (review_id, position, name, sector) VALUES (?, 1, 'Orphan', 'police')",
        (ORPHAN_REVIEW_ID,),
    )
    return path


def corrupt(path: Path, how: str) -> None:
    """Overwrite bytes in the middle pages of a store file with random garbage.

    "scattered": half of every page in the middle third (SQLite's integrity check reports it);
    "whole page": one entire page in the middle (SQLite reports "disk image is malformed").
    """
    data = bytearray(Path(path).read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    pages = len(data) // page_size
    assert pages >= 30, "the store is too small to corrupt its middle pages"
    rng = random.Random(2026)
    if how == "scattered":
        for page in range(pages // 3, 2 * pages // 3):
            start = page * page_size + 100
            data[start : start + page_size // 2] = rng.randbytes(page_size // 2)
    elif how == "whole page":
        start = (pages // 2) * page_size
        data[start : start + page_size] = rng.randbytes(page_size)
    else:
        raise ValueError(how)
    Path(path).write_bytes(bytes(data))


# --- dates ------------------------------------------------------------------------------------


def months_later(start: date, months: int) -> date:
    """Calendar months later, clamped to the last day of the month."""
    years, month0 = divmod(start.month - 1 + months, 12)
    year, month = start.year + years, month0 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def orphan_rows(engine) -> list[str]:
    """Rows whose foreign key points to a missing row, on any engine (from the metadata)."""
    from sqlalchemy import and_, exists, func, select

    from db.base import Base

    found = []
    with engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            for fk in table.foreign_key_constraints:
                parent = fk.referred_table
                pairs = list(zip(fk.columns, fk.elements, strict=True))
                missing = ~exists().where(and_(*(el.column == col for col, el in pairs)))
                present = and_(*(col.is_not(None) for col, _el in pairs))
                count = conn.scalar(select(func.count()).select_from(table).where(present, missing))
                if count:
                    found.append(f"{count} rows of {table.name} point to a missing {parent.name}")
    return found


# --- small real file systems (a full disk, a read-only folder) --------------------------------


@contextmanager
def tmpfs(path: Path, size: str = "2m"):
    """A tiny RAM file system mounted at ``path``; skips the test where mounting is not allowed."""
    import pytest

    path.mkdir(parents=True, exist_ok=True)
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size},mode=0755", "tmpfs", str(path)],
        capture_output=True,
    )
    if mounted.returncode != 0:
        pytest.skip("a small file system cannot be mounted here (needs root)")
    try:
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)], capture_output=True)


def remount_read_only(path: Path) -> None:
    subprocess.run(["mount", "-o", "remount,ro", str(path)], check=True, capture_output=True)
