"""Reading one column of many rows quickly, the way each engine's driver does it best."""

from datetime import date
from typing import Any

from sqlalchemy import Boolean, Connection, Integer, any_, bindparam
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.expression import ColumnElement, select


def first_column(conn: Connection, stmt) -> list:
    """The first column of every row, in one fetchall on the driver's cursor: SQLAlchemy's
    row-by-row results cost as much as the query itself for 50,000 ids."""
    return first_columns(conn, [stmt])


def first_columns(conn: Connection, stmts: list) -> list:
    """The first column of every row of each statement, one after the other.

    PostgreSQL answers all of them in one round trip, each as one array in binary form
    (``SELECT ARRAY(…), ARRAY(…)``): no row-by-row protocol for 50,000 ids.
    """
    if not stmts:
        return []
    if conn.dialect.name == "postgresql":
        arrays = _run(conn, select(*(_array_of(stmt) for stmt in stmts)), binary=True)
        return [value for array in arrays[0] for value in array]
    return [row[0] for stmt in stmts for row in _run(conn, stmt)]


def _run(conn: Connection, stmt, *, binary: bool = False) -> list:
    compiled = stmt.compile(dialect=conn.dialect, compile_kwargs={"render_postcompile": True})
    if compiled.positional:
        params: Any = [_sqlite_value(compiled.params[name]) for name in compiled.positiontup]
    else:
        params = compiled.params  # psycopg adapts dates itself
    options = {"binary": True} if binary else {}
    cursor = conn.connection.dbapi_connection.cursor()
    try:
        cursor.execute(str(compiled), params, **options)
        return cursor.fetchall()
    finally:
        cursor.close()


class _array_of(ColumnElement):  # noqa: N801 - used like a SQL function
    """``ARRAY(subquery)``: the subquery's first column as one array value."""

    type = ARRAY(Integer)
    inherit_cache = False

    def __init__(self, stmt):
        self.subquery = stmt.scalar_subquery()


@compiles(_array_of, "postgresql")
def _array_subquery(element, compiler, **kw):
    return f"ARRAY{compiler.process(element.subquery, **kw)}"


def _sqlite_value(value: Any) -> Any:
    # Dates as SQLAlchemy stores them in SQLite (ISO text); everything else as it is.
    return value.isoformat() if isinstance(value, date) else value


def one_of(conn: Connection, column, ids):
    """``column IN (ids)``; on PostgreSQL ``column = ANY(array)``: one value for all the ids
    instead of a placeholder each (a page of 200 ids is parsed and planned once). SQLite keeps
    SQLAlchemy's own IN, whose compiled form is cached."""
    if conn.dialect.name == "postgresql":
        return _any_of(column, ids)
    return column.in_(ids)


class _any_of(ColumnElement):  # noqa: N801 - used like a SQL function
    type = Boolean()
    inherit_cache = False

    def __init__(self, column, ids):
        self.column = column
        self.ids = list(ids)


@compiles(_any_of, "postgresql")
def _any_of_array(element, compiler, **kw):
    array = bindparam(None, element.ids, type_=ARRAY(element.column.type))
    return compiler.process(element.column == any_(array), **kw)
