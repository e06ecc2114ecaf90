"""Reading one column of many rows quickly, the way each engine's driver does it best."""

from datetime import date
from typing import Any

from sqlalchemy import Connection


def first_column(conn: Connection, stmt) -> list:
    """The first column of every row, in one fetchall on the driver's cursor: SQLAlchemy's
    row-by-row results cost as much as the query itself for 50,000 ids."""
    compiled = stmt.compile(dialect=conn.dialect, compile_kwargs={"render_postcompile": True})
    if compiled.positional:
        params: Any = [_sqlite_value(compiled.params[name]) for name in compiled.positiontup]
    else:
        params = compiled.params  # psycopg adapts dates itself
    cursor = conn.connection.dbapi_connection.cursor()
    try:
        cursor.execute(str(compiled), params)
        return [row[0] for row in cursor.fetchall()]
    finally:
        cursor.close()


def _sqlite_value(value: Any) -> Any:
    # Dates as SQLAlchemy stores them in SQLite (ISO text); everything else as it is.
    return value.isoformat() if isinstance(value, date) else value
