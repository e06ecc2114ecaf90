"""Many rows written at once to the shared store go through COPY, PostgreSQL's bulk path.

An executemany of a plain ``INSERT INTO t (a, b) VALUES (%(a)s, %(b)s)`` sends one INSERT per
row; for an import of 10,000 chronology entries that costs three times what SQLite takes. COPY
writes the same rows, with the same defaults, constraints and triggers (the audit trail's, the
change notices), in one stream. This module swaps one for the other inside the engine, so the
importer keeps a single engine-neutral code path; ``insert_rows`` takes rows already as
tuples (the importer's), for COPY without making a mapping of every row first.

Left as INSERTs: small batches (not worth a round trip more), any statement with more than
bound values (expressions, RETURNING, ON CONFLICT), and tables under row-level security for the
login (a panel member's own login: PostgreSQL refuses COPY there).
"""

import re
from collections.abc import Iterable
from itertools import islice

from sqlalchemy import Connection, Engine, event
from sqlalchemy.exc import DBAPIError

SMALLEST_BATCH = 500  # rows; below this an executemany in a pipeline is as quick
_NAME = r'(?:"[^"]+"|[A-Za-z_][A-Za-z0-9_]*)'
# A bound value, perhaps cast to its column's type as SQLAlchemy writes it (%(a)s::VARCHAR).
_VALUE = r"%\(\w+\)s(?:::[A-Za-z][A-Za-z ]*(?:\(\d+(?:,\s*\d+)?\))?)?"
_PLAIN_INSERT = re.compile(
    rf"\s*INSERT INTO ({_NAME})\s*\(([^()]*)\)\s*VALUES\s*"
    rf"\(((?:\s*{_VALUE}\s*,)*\s*{_VALUE}\s*)\)"
    # What an INSERT returns is thrown away by an executemany (psycopg keeps no results).
    r"(?:\s*RETURNING [^;()]*)?\s*",
    re.IGNORECASE,
)
_PARAMETER = re.compile(r"%\((\w+)\)s")


def plain_insert(statement: str) -> tuple[str, str, list[str]] | None:
    """(table, column list, parameter names) of an INSERT of bound values only, else None."""
    found = _PLAIN_INSERT.fullmatch(statement)
    if found is None:
        return None
    table, columns, values = found.groups()
    names = _PARAMETER.findall(values)
    if len(names) != len(columns.split(",")):
        return None
    return table, columns, names


def copy_rows(cursor, statement: str, parameters) -> bool:
    """Write ``parameters`` (one mapping per row) with COPY when ``statement`` allows it;
    False when it does not (the caller then runs its executemany)."""
    if len(parameters) < SMALLEST_BATCH or not isinstance(parameters[0], dict):
        return False
    parsed = plain_insert(statement)
    if parsed is None:
        return False
    table, columns, names = parsed
    return copy_into(cursor, table, columns, ([row[name] for name in names] for row in parameters))


def copy_into(cursor, table: str, columns: str, rows, *, binary: bool = False) -> bool:
    """COPY ``rows`` (sequences of values in ``columns`` order) into ``table``; False, with
    nothing written, when row-level security is active for the login there.

    ``binary``: in PostgreSQL's binary form, for values already of their columns' types
    (dates as dates, numbers as numbers): neither side then writes or parses them as text.
    """
    cursor.execute(
        "SELECT row_security_active(%s), "
        "array_agg(a.attname::text ORDER BY a.attnum), array_agg(format_type(a.atttypid, NULL) "
        "ORDER BY a.attnum) FROM pg_attribute a WHERE a.attrelid = %s::regclass "
        "AND a.attnum > 0 AND NOT a.attisdropped",
        (table, table),
    )
    secured, names, types = cursor.fetchone()
    if secured:
        return False
    form = " (FORMAT BINARY)" if binary else ""
    with cursor.copy(f"COPY {table} ({columns}) FROM STDIN{form}") as copy:
        if binary:
            type_of = dict(zip(names, types, strict=True))
            copy.set_types([type_of[c.strip().strip('"')] for c in columns.split(",")])
        write = copy.write_row
        for row in rows:
            write(row)
    return True


def insert_rows(
    connection: Connection, statement: str, names: list[str], rows: Iterable, count: int
) -> None:
    """Run ``statement`` (an INSERT of bound values only, compiled for the connection's engine,
    its values named ``names`` in order) for every row of ``rows`` (sequences of values ready
    for the driver and of their columns' types, in the same order; ``count`` rows in all), each
    row made only when it is written: the rows as written never exist all at once.

    On PostgreSQL, when it may, one binary COPY straight from the rows, as
    ``copy_large_inserts`` does (in text) for mappings. On SQLite, one executemany that takes
    the rows one by one as it writes them. Otherwise one executemany per slice of rows."""
    rows = iter(rows)
    if connection.dialect.name == "postgresql" and count >= SMALLEST_BATCH:
        parsed = plain_insert(statement)
        # The column of each value (the statement may list them in another order).
        column_of = (
            {} if parsed is None else dict(zip(parsed[2], parsed[1].split(","), strict=True))
        )
        if parsed is not None and sorted(column_of) == sorted(names):
            columns = ", ".join(column_of[name].strip() for name in names)
            cursor = connection.connection.cursor()
            # (Not started until COPY is allowed: refused, the rows are all still to come.)
            try:
                if copy_into(cursor, parsed[0], columns, rows, binary=True):
                    return
            finally:
                cursor.close()
    if connection.dialect.name == "sqlite" and connection.dialect.positional:
        # The driver binds and writes each row as it is made (a row is freed as soon as it is
        # written); the statement runs in the connection's transaction, as SQLAlchemy's would.
        dbapi = connection.dialect.loaded_dbapi
        cursor = connection.connection.cursor()
        try:
            cursor.executemany(statement, rows)
        except dbapi.Error as error:  # as SQLAlchemy raises it (a locked file, a constraint)
            raise DBAPIError.instance(statement, None, error, dbapi.Error) from error
        finally:
            cursor.close()
        return
    while batch := list(islice(rows, _SLICE)):
        if not connection.dialect.positional:
            batch = [dict(zip(names, row, strict=True)) for row in batch]
        connection.exec_driver_sql(statement, batch)


_SLICE = 2500  # rows sent at a time where the driver needs them as a list


def copy_large_inserts(engine: Engine) -> None:
    """Let ``engine`` (PostgreSQL) write large plain INSERT batches with COPY."""

    @event.listens_for(engine, "do_executemany")
    def _copy(cursor, statement, parameters, _context) -> bool | None:
        return True if copy_rows(cursor, statement, parameters) else None
