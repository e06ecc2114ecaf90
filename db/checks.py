"""SQLite's own checks of a store file, and a way to start the quick one early.

This module is light (no SQLAlchemy): the window starts the quick check on a background
thread before the database layer has finished loading; SQLite runs it without holding
Python's lock, so the check and the loading overlap.
"""

import sqlite3
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import Future
from pathlib import Path

MAX_PROBLEMS = 20
PLAIN_HEADER = b"SQLite format 3\x00"  # as db.engine.SQLITE_HEADER (that module loads SQLAlchemy)


def run_checks(execute: Callable[[str], Iterable[tuple]], *, quick: bool) -> list[str]:
    """Problems found by the integrity (or quick) check and the foreign-key check."""
    problems: list[str] = []
    pragma = "quick_check" if quick else "integrity_check"
    rows = execute(f"PRAGMA {pragma}({MAX_PROBLEMS})")
    # SQLite may pack several problems into one row, one per line.
    lines = [line for row in rows for line in str(row[0]).splitlines() if line.strip()]
    if lines != ["ok"]:
        problems.extend(f"integrity: {line}" for line in lines[:MAX_PROBLEMS])
    for table, rowid, parent, _fk in execute("PRAGMA foreign_key_check"):
        problems.append(f"foreign key: row {rowid} of {table} points to a missing {parent}")
        if len(problems) >= 2 * MAX_PROBLEMS:
            break
    return problems


def start_quick_check(path: Path | str) -> "Future[list[str]] | None":
    """The quick check of an existing plain store, on its own thread (None: no file, or an
    encrypted one, which only the opened store can read)."""
    path = Path(path).expanduser().absolute()
    try:
        with open(path, "rb") as fh:
            if fh.read(16) != PLAIN_HEADER:
                return None
    except OSError:
        return None
    future: Future[list[str]] = Future()

    def work() -> None:
        try:
            conn = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True)
            try:
                future.set_result(run_checks(lambda sql: conn.execute(sql).fetchall(), quick=True))
            finally:
                conn.close()
        except sqlite3.Error as exc:
            future.set_result([f"the file is damaged ({str(exc).strip() or type(exc).__name__})"])
        except BaseException as exc:  # noqa: BLE001 - handed to whoever waits for the result
            future.set_exception(exc)

    threading.Thread(target=work, name="store-quick-check", daemon=True).start()
    return future
