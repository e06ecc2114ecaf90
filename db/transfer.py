"""Copying a whole store to another (SQLite file <-> PostgreSQL database), verified.

Derived from the SQLAlchemy metadata, not from a list: every table is copied, parents before
children (foreign-key order), with the same ids, in one transaction on the target, from one
consistent snapshot of the source. Each table's row count and a checksum of its rows (in key
order, values as the models read them) are compared between the source and the copy read
back; any difference undoes the copy.
"""

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Connection, Engine, Integer, Table, func, insert, select, text
from sqlalchemy.exc import DatabaseError

from db.audit import set_recording
from db.base import Base
from db.chronology_models import is_view

BATCH_ROWS = 2000


class CopyError(Exception):
    """The copy could not be made or did not match; the target was left as it was."""


@dataclass(frozen=True)
class TableCopy:
    table: str
    rows: int
    checksum: str


def copied_tables() -> list[Table]:
    """Every table of the store, parents before children; a review's check-out last (once
    written, the target refuses the review's rows)."""
    tables = list(Base.metadata.sorted_tables)
    return [t for t in tables if t.name != "review_checkout"] + [
        t for t in tables if t.name == "review_checkout"
    ]


def _value(value) -> str:
    if value is None:
        return "\x00"
    if isinstance(value, bytes):
        return value.hex()
    if isinstance(value, bool):
        return str(int(value))
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, float):
        return repr(value)
    return str(value)


def _ordered(table: Table):
    key = list(table.primary_key.columns) or list(table.columns)
    return select(table).order_by(*key)


def _scan(conn: Connection, table: Table, each_batch: Callable[[list[dict]], None]) -> TableCopy:
    digest = hashlib.sha256()
    count = 0
    result = conn.execution_options(yield_per=BATCH_ROWS).execute(_ordered(table))
    for batch in result.mappings().partitions():
        rows = [dict(row) for row in batch]
        for row in rows:
            digest.update("\x1f".join(_value(v) for v in row.values()).encode("utf-8"))
            digest.update(b"\x1e")
        count += len(rows)
        each_batch(rows)
    return TableCopy(table.name, count, digest.hexdigest())


def table_summary(conn: Connection) -> list[TableCopy]:
    """Row count and checksum of every table (what a copy is verified against)."""
    return [_scan(conn, table, lambda _rows: None) for table in copied_tables()]


def rows_in(conn: Connection) -> int:
    return sum(conn.scalar(select(func.count()).select_from(t)) for t in copied_tables())


def _restart_sequences(conn: Connection) -> None:
    """PostgreSQL hands out ids from sequences: start each after the highest id copied."""
    for table in copied_tables():
        key = list(table.primary_key.columns)
        if (
            is_view(table, conn.dialect.name)
            or len(key) != 1
            or not isinstance(key[0].type, Integer)
            or not key[0].autoincrement
        ):
            continue
        name = key[0].name
        conn.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{table.name}', '{name}'), "
                f'COALESCE(MAX("{name}"), 1), MAX("{name}") IS NOT NULL) FROM "{table.name}"'
            )
        )


def copy_between(source: Engine, target: Engine) -> list[TableCopy]:
    """Copy every row of ``source`` into the empty store ``target``; returns what was verified.

    Both must be at the same schema revision. Raises ``CopyError`` (the target unchanged) when
    the target holds anything, a row cannot be written there, or the copy does not match.
    """
    with source.connect() as src:
        if src.dialect.name == "postgresql":
            src.execution_options(isolation_level="REPEATABLE READ")  # one snapshot throughout
        with src.begin(), target.connect() as dst:
            with dst.begin() as transaction:
                if rows_in(dst) != 0:
                    raise CopyError("The target store is not empty: copy only into a new store.")
                set_recording(dst, False)  # the rows bring their own trail
                copied = []
                for table in copied_tables():
                    stmt = insert(table)
                    # A view there (PostgreSQL's search rows) follows from the rows copied: it
                    # is read back and compared all the same.
                    derived = is_view(table, dst.dialect.name)

                    def write(rows: list[dict], stmt=stmt, derived=derived) -> None:
                        if rows and not derived:
                            dst.execute(stmt, rows)

                    try:
                        copied.append(_scan(src, table, write))
                    except DatabaseError as exc:
                        transaction.rollback()
                        raise CopyError(
                            f"The rows of {table.name} could not be written to the target "
                            f"({_reason(exc)}). Nothing was copied."
                        ) from exc
                set_recording(dst, True)
                if dst.dialect.name == "postgresql":
                    _restart_sequences(dst)
                read_back = table_summary(dst)
                different = [
                    f"{a.table} ({a.rows} rows there, {b.rows} here)"
                    if a.rows != b.rows
                    else f"{a.table} (checksums differ)"
                    for a, b in zip(copied, read_back, strict=True)
                    if a != b
                ]
                if different:
                    transaction.rollback()
                    raise CopyError(
                        "The copy did not match the source: " + "; ".join(different) + ". "
                        "Nothing was copied."
                    )
    if target.dialect.name == "postgresql":
        _vacuum(target)
    return copied


def _vacuum(target: Engine) -> None:
    """A freshly filled PostgreSQL database: its statistics for the planner, and its pages
    marked all-visible so that the chronology's orders come from the indexes alone (what the
    server's autovacuum would do a minute or so later)."""
    with target.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.exec_driver_sql("VACUUM (ANALYZE)")


def _reason(exc: Exception) -> str:
    orig = getattr(exc, "orig", exc)
    lines = str(orig).strip().splitlines()
    return lines[0] if lines else type(orig).__name__
