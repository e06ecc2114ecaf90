"""Orders of the chronology that PostgreSQL reads straight off an index (migration 0013).

``text_order(column)``: a free-text column as the merged view sorts it. SQLite sorts the column
itself; PostgreSQL sorts its first 100 characters, kept in a stored column beside it and
indexed with the rest of the order (two texts that differ only after that many characters
are then ordered by date).
"""

from sqlalchemy import Text
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.expression import ColumnElement

# Free-text column -> its stored, indexed beginning on PostgreSQL.
SERVER_ORDER_COLUMNS = {"event_type_text": "type_order", "practitioner": "practitioner_order"}
# Indexes PostgreSQL has that the models do not describe (or describe with fewer columns).
SERVER_ORDER_INDEXES = {
    "ix_chronology_entry_order",
    "ix_chronology_entry_agency",
    "ix_chronology_entry_type_order",
    "ix_chronology_entry_practitioner_order",
    "ix_chronology_entry_recorded_order",
}


class text_order(ColumnElement):  # noqa: N801 - used like a SQL function
    type = Text()
    inherit_cache = False

    def __init__(self, column):
        self.column = column


@compiles(text_order)
def _the_column(element, compiler, **kw):
    return compiler.process(element.column, **kw)


@compiles(text_order, "postgresql")
def _its_stored_beginning(element, compiler, **kw):
    column = element.column
    table = compiler.preparer.format_table(column.table)
    return f"{table}.{SERVER_ORDER_COLUMNS[column.name]}"
