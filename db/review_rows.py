"""The rows of one review, table by table, with their keys as another store knows them.

A review checked out to another store gets new keys there (that store has reviews of its
own); every key and foreign key is translated through a map per table, both ways.
"""

import hashlib
from dataclasses import dataclass

from sqlalchemy import Connection, Integer, Table, select, text

from db.checkout_guard import _q, guarded_tables, review_of
from db.transfer import _value


@dataclass(frozen=True)
class NewRow:
    """A row that has no key in the other store yet (added offline): its local key."""

    table: str
    local_id: int


def own_id(table: Table):
    """The table's own integer id column, or None (a table keyed by its parents)."""
    key = list(table.primary_key.columns)
    if len(key) == 1 and isinstance(key[0].type, Integer) and not key[0].foreign_keys:
        return key[0]
    return None


def references(table: Table) -> dict[str, str]:
    """Column name -> the table its ids belong to (its own id, and each foreign key)."""
    found = {fk.parent.name: fk.column.table.name for fk in table.foreign_keys}
    column = own_id(table)
    if column is not None:
        found[column.name] = table.name
    return found


def key_of(table: Table, row: dict) -> str:
    return "/".join(str(row[c.name]) for c in table.primary_key.columns)


def digest(table: Table, row: dict) -> str:
    values = "\x1f".join(_value(row[c.name]) for c in table.columns)
    return hashlib.sha256(values.encode("utf-8")).hexdigest()


def read_rows(conn: Connection, table: Table, review_id: int) -> list[dict]:
    where = text(f"{review_of(table, _q(table.name))} = :rid").bindparams(rid=review_id)
    query = select(table).where(where).order_by(*table.primary_key.columns)
    return [dict(row) for row in conn.execute(query).mappings()]


def read_review(conn: Connection, review_id: int) -> dict[str, list[dict]]:
    """Every row of the review, by table, parents before children."""
    return {t.name: read_rows(conn, t, review_id) for t in guarded_tables()}


def translate(table: Table, row: dict, maps, *, strict: bool, own: bool = True) -> dict:
    """The row with its ids as the other store knows them (its own id too, unless ``own`` is
    false). An id with no counterpart becomes a ``NewRow`` (or raises KeyError if ``strict``)."""
    out = dict(row)
    column = own_id(table)
    for name, target in references(table).items():
        if not own and column is not None and name == column.name:
            continue
        value = row[name]
        if value is None:
            continue
        mapped = maps.get(target, {}).get(value)
        if mapped is None:
            if strict:
                raise KeyError(f"{target} {value}")
            mapped = NewRow(target, value)
        out[name] = mapped
    return out


def resolve(row: dict, maps_new: dict[str, dict[int, int]]) -> dict:
    """Replace each ``NewRow`` by the key it was just given."""
    return {
        name: maps_new[value.table][value.local_id] if isinstance(value, NewRow) else value
        for name, value in row.items()
    }


def review_summary(conn: Connection, review_id: int) -> set[tuple[str, str, str]]:
    """(table, key, digest) of every row of the review: what a check-in compares."""
    return {
        (t.name, key_of(t, row), digest(t, row))
        for t in guarded_tables()
        for row in read_rows(conn, t, review_id)
    }
