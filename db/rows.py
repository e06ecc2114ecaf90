"""What a delete takes with it, read from the model's foreign keys, and how to put it back.

Deleting a row removes every row that depends on it (ON DELETE CASCADE: an entry's theme tags,
episode links, the findings' citations of it) and clears links to it (ON DELETE SET NULL).
``dependents`` records all of that before the delete; ``restore_dependents`` puts it back after
the row itself is restored. Both walk the metadata, so a table added later is covered.
"""

from typing import Any

from sqlalchemy import Table, and_, insert, select, update
from sqlalchemy.orm import Session

from db.base import Base

Snapshot = list[dict[str, Any]]


def _table(name: str) -> Table:
    return Base.metadata.tables[name]


def _children(table: Table):
    for child in Base.metadata.sorted_tables:
        for fk in child.foreign_keys:
            if fk.column.table is table:
                yield child, fk


def dependents(session: Session, table: Table, row: dict[str, Any]) -> Snapshot:
    """Rows a delete of ``row`` would remove or unlink, parents before their children."""
    found: Snapshot = []
    seen: set[tuple] = set()

    def walk(parent: Table, values: dict[str, Any]) -> None:
        for child, fk in _children(parent):
            key = values.get(fk.column.name)
            if key is None:
                continue
            rows = session.execute(select(child).where(child.c[fk.parent.name] == key))
            for child_row in rows.mappings():
                data = dict(child_row)
                ident = (child.name, tuple(data[c.name] for c in child.primary_key.columns))
                if (ondelete := (fk.ondelete or "").upper()) == "SET NULL":
                    found.append({"table": child.name, "relink": fk.parent.name, "row": data})
                    continue
                if ident in seen or ondelete not in ("CASCADE", ""):
                    continue
                seen.add(ident)
                found.append({"table": child.name, "row": data})
                walk(child, data)

    walk(table, row)
    return found


def _parents_exist(session: Session, table: Table, data: dict[str, Any]) -> bool:
    for fk in table.foreign_keys:
        value = data.get(fk.parent.name)
        if value is None:
            continue
        parent = fk.column.table
        if session.execute(select(1).where(fk.column == value).select_from(parent)).first() is None:
            return False
    return True


def restore_dependents(session: Session, snapshot: Snapshot) -> int:
    """Put back what ``dependents`` recorded; rows whose other parent is gone meanwhile are
    left out (a citation of a finding deleted since). Returns how many rows came back."""
    restored = 0
    for item in snapshot:
        table = _table(item["table"])
        data = item["row"]
        if not _parents_exist(session, table, data):
            continue
        pk = and_(*(c == data[c.name] for c in table.primary_key.columns))
        if "relink" in item:
            column = item["relink"]
            session.execute(update(table).where(pk).values({column: data[column]}))
            restored += 1
            continue
        if session.execute(select(1).select_from(table).where(pk)).first() is None:
            session.execute(insert(table).values(data))
            restored += 1
    return restored
