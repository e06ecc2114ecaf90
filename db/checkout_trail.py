"""The trail's side of check-out and check-in: who acts, the offline trail entries appended
to the shared one with their keys as the shared store knows them, and the events of their own
(checked out, checked in, released)."""

import json

from sqlalchemy import Connection, insert, select

from db.audit import AUDIT_TABLE
from db.base import Base, utcnow
from db.review_rows import references

ENTITY_TABLES = {"document": "report"}  # trail entities not named after their table


def act_as(conn: Connection, actor: str) -> None:
    """Who the trail records for what this connection writes (until its transaction ends)."""
    if conn.dialect.name == "postgresql":
        from db.audit_postgres import set_actor

        set_actor(conn, actor)
    else:
        conn.exec_driver_sql(
            "UPDATE temp.audit_context SET actor = ?, enabled = 1", (actor or "unknown",)
        )


def append_trail(shared, local, local_review: int, mark: int, plan, maps) -> int:
    """The offline trail entries of the review, with their keys as the shared store knows
    them (a row added and removed offline has none there)."""
    trail = Base.metadata.tables[AUDIT_TABLE]
    columns = [c for c in trail.columns if c.name not in ("id", "hash")]
    events = local.execute(
        select(*columns).where(trail.c.id > mark, trail.c.review_id == local_review)
        .order_by(trail.c.id)
    ).mappings().all()  # fmt: skip
    moved = []
    for event in events:
        row = dict(event)
        row["review_id"] = plan.source_review_id
        name = ENTITY_TABLES.get(row["entity"], row["entity"])
        table = Base.metadata.tables.get(name)
        if table is not None:
            refs = references(table)
            first = list(table.primary_key.columns)[0].name
            if first in refs and row["entity_id"] is not None:
                row["entity_id"] = maps.get(refs[first], {}).get(row["entity_id"])
            if row["row_data"]:
                data = json.loads(row["row_data"])
                for key, target in refs.items():
                    if isinstance(data.get(key), int):
                        data[key] = maps.get(target, {}).get(data[key])
                row["row_data"] = json.dumps(data, ensure_ascii=False)
            if row["field"] in refs:
                for side in ("old_value", "new_value"):
                    if row[side] not in (None, ""):
                        found = maps.get(refs[row["field"]], {}).get(int(row[side]))
                        row[side] = None if found is None else str(found)
        moved.append(row)
    if moved:
        shared.execute(insert(trail), moved)
    return len(moved)


def record_event(conn: Connection, actor: str, review_id: int, action: str, label: str) -> None:
    conn.execute(
        insert(Base.metadata.tables[AUDIT_TABLE]).values(
            at=utcnow(), actor=actor or "unknown", review_id=review_id, action=action,
            entity="review", entity_id=review_id, label=label[:300],
        )
    )  # fmt: skip
