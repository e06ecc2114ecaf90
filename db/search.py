"""Text matching that each engine does its own way, behind two small SQL constructs.

``contains_text(column, text)``: the column contains the text, ignoring case (SQLite's LIKE
ignores case already; PostgreSQL needs ILIKE).

``matches_words(column, text)``: the free-text search of the chronology. SQLite scans the narrow
search table with LIKE; PostgreSQL uses its full-text index (``to_tsvector('simple', text)``
kept in a stored column with GIN, made by migration 0011), each word of the query matching a
word of the entry that starts with it, in the order typed.
"""

import re

from sqlalchemy import Boolean, Text, cast, literal, literal_column
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.expression import ColumnElement

TEXT_SEARCH_CONFIG = "simple"  # no stemming or stop words: names and agency words stay whole
_WORD = re.compile(r"\w+", re.UNICODE)


def like_pattern(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def prefix_query(text: str) -> str:
    """A tsquery for ``text``: every word as a prefix, the words in the order typed."""
    return " <-> ".join(f"{word.lower()}:*" for word in _WORD.findall(text))


class contains_text(ColumnElement):  # noqa: N801 - used like a SQL function
    type = Boolean()
    inherit_cache = False

    def __init__(self, column, text: str):
        self.column = column
        self.pattern = literal(like_pattern(text))


@compiles(contains_text)
def _contains_like(element, compiler, **kw):
    return compiler.process(element.column.like(element.pattern, escape="\\"), **kw)


@compiles(contains_text, "postgresql")
def _contains_ilike(element, compiler, **kw):
    return compiler.process(element.column.ilike(element.pattern, escape="\\"), **kw)


class matches_words(ColumnElement):  # noqa: N801 - used like a SQL function
    type = Boolean()
    inherit_cache = False

    def __init__(self, column, text: str):
        self.column = column
        self.text = text


@compiles(matches_words)
def _words_like(element, compiler, **kw):
    clause = element.column.like(literal(like_pattern(element.text)), escape="\\")
    return compiler.process(clause, **kw)


@compiles(matches_words, "postgresql")
def _words_tsquery(element, compiler, **kw):
    query = prefix_query(element.text)
    if not query:  # nothing but punctuation: look for it as it was typed
        return compiler.process(element.column.ilike(literal(like_pattern(element.text))), **kw)
    # The table's stored ``words`` (migration 0011), beside the text column searched.
    words = compiler.process(literal_column(f'"{element.column.table.name}".words'), **kw)
    bound = compiler.process(literal(query), **kw)
    return f"{words} @@ to_tsquery('{TEXT_SEARCH_CONFIG}', {bound})"


class same_text(ColumnElement):  # noqa: N801 - used like a SQL function
    """The column holds exactly this text, case included (whatever the column's own rule:
    SQLite's NOCASE collation, PostgreSQL's citext)."""

    type = Boolean()
    inherit_cache = False

    def __init__(self, column, text: str):
        self.column = column
        self.value = literal(text)


@compiles(same_text)
def _same_binary(element, compiler, **kw):
    return compiler.process(element.column.collate("BINARY") == element.value, **kw)


@compiles(same_text, "postgresql")
def _same_as_text(element, compiler, **kw):
    return compiler.process(cast(element.column, Text) == element.value, **kw)
