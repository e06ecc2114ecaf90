"""Many rows written at once to the shared store go through COPY, PostgreSQL's bulk path.

An executemany of a plain ``INSERT INTO t (a, b) VALUES (%(a)s, %(b)s)`` sends one INSERT per
row; for an import of 10,000 chronology entries that costs three times what SQLite takes. COPY
writes the same rows, with the same defaults, constraints and triggers (the audit trail's, the
change notices), in one stream. This module swaps one for the other inside the engine, so the
importer keeps a single engine-neutral code path.

Left as INSERTs: small batches (not worth a round trip more), any statement with more than
bound values (expressions, RETURNING, ON CONFLICT), and tables under row-level security for the
login (a panel member's own login: PostgreSQL refuses COPY there).
"""

import re

from sqlalchemy import Engine, event

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
    cursor.execute("SELECT row_security_active(%s)", (table,))
    if cursor.fetchone()[0]:
        return False
    with cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
        for row in parameters:
            copy.write_row([row[name] for name in names])
    return True


def copy_large_inserts(engine: Engine) -> None:
    """Let ``engine`` (PostgreSQL) write large plain INSERT batches with COPY."""

    @event.listens_for(engine, "do_executemany")
    def _copy(cursor, statement, parameters, _context) -> bool | None:
        return True if copy_rows(cursor, statement, parameters) else None
