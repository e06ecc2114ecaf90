"""Checking one review out of a store into another, and its changes back in.

Out: the review's rows are copied with new keys into the other store (one transaction each
side); the store it came from gets a ``review_checkout`` row, which makes the review read-only
there (db/checkout_guard.py); the copy remembers each row's key there and a digest of it.

In: the copy is compared with what it was when taken (added, changed, removed per table);
applied to the store it came from in one transaction, new rows with new keys there; the
offline trail entries are appended to that store's trail with their keys translated, then
sealed into its hash chain; the check-out row goes; every row of the review is compared with
the copy before anything is committed.
"""

import uuid
from dataclasses import dataclass, field

from sqlalchemy import Connection, Integer, and_, delete, func, insert, select, text, update

from db.audit import AUDIT_TABLE, LABEL_COLUMNS, seal_chain, set_recording
from db.base import Base, utcnow
from db.checkout_guard import guarded_tables, wait_for_writers
from db.checkout_models import ReviewCheckout, ReviewCopy, ReviewCopyRow
from db.checkout_trail import act_as, append_trail, record_event
from db.chronology_models import (
    ChronologySearch,
    ColumnMapping,
    search_rows_written,
    search_text,
)
from db.review_rows import (
    digest,
    key_of,
    own_id,
    read_review,
    resolve,
    review_summary,
    translate,
)

SKIPPED_FIELDS = {"version", "updated_at"}


class CheckoutError(Exception):
    """What was asked cannot be done; both stores are as they were."""


@dataclass(frozen=True)
class Holder:
    holder: str
    taken_at: object
    destination: str
    token: str


@dataclass(frozen=True)
class RowChange:
    table: str
    action: str  # added, changed, removed
    label: str
    fields: tuple[str, ...] = ()


@dataclass
class CheckInPlan:
    source_review_id: int
    token: str
    still_held: bool  # the check-out is still in force there (not released)
    changes: list[RowChange] = field(default_factory=list)
    rows: dict[str, list[tuple[str, dict]]] = field(default_factory=dict, repr=False)
    removed: dict[str, list[str]] = field(default_factory=dict, repr=False)
    maps: dict[str, dict[int, int]] = field(default_factory=dict, repr=False)


def _table(name: str):
    return Base.metadata.tables[name]


def _label(table, row: dict, index: dict, depth: int = 0) -> str:
    """How people know the row: its name or text, else what it belongs to ("IMR of Agency
    Police")."""
    human = table.name.replace("_", " ").capitalize().replace("Imr", "IMR")
    for name in LABEL_COLUMNS:
        value = row.get(name)
        if isinstance(value, str) and value.strip():
            return f"{human} {' '.join(value.split())[:80]}"
    if depth < 2:
        for fk in sorted(table.foreign_keys, key=lambda f: (f.parent.nullable, f.parent.name)):
            parent = index.get(fk.column.table.name, {}).get(row.get(fk.parent.name))
            if parent is not None:
                return f"{human} of {_label(fk.column.table, parent, index, depth + 1)}"
    return human


def _index(rows: dict[str, list[dict]]) -> dict[str, dict[int, dict]]:
    """Rows by table and id, to name a row after its parent."""
    found = {}
    for name, table_rows in rows.items():
        column = own_id(_table(name))
        if column is not None:
            found[name] = {row[column.name]: row for row in table_rows}
    return found


def holder_of(conn: Connection, review_id: int) -> Holder | None:
    table = ReviewCheckout.__table__
    c = conn.execute(select(table).where(table.c.review_id == review_id)).mappings().first()
    if c is None:
        return None
    return Holder(c["holder"], c["taken_at"], c["destination"], c["token"])


def _insert_rows(conn: Connection, table, rows: list[dict]) -> list[int] | None:
    """Insert rows, letting the store give each its own id; returns the ids in order."""
    if not rows:
        return []
    column = own_id(table)
    if column is None:
        conn.execute(insert(table), rows)
        return None
    stripped = [{k: v for k, v in row.items() if k != column.name} for row in rows]
    stmt = insert(table).returning(column, sort_by_parameter_order=True)
    return list(conn.execute(stmt, stripped).scalars())


def _search_rows(conn: Connection, rows: list[dict], ids: list[int], review_id: int) -> None:
    if rows and search_rows_written(conn):
        conn.execute(
            insert(ChronologySearch.__table__),
            [
                {"entry_id": new_id, "review_id": review_id, "text": search_text(row)}
                for row, new_id in zip(rows, ids, strict=True)
            ],
        )


def copy_out(src: Connection, dst: Connection, review_id: int) -> tuple[int, int, list[dict]]:
    """Copy the review's rows from ``src`` into ``dst`` with new keys; remember each row.
    Returns the review's id in ``dst`` and how many rows were copied."""
    maps: dict[str, dict[int, int]] = {}
    remembered: list[dict] = []
    copied = 0
    local_review = None
    for name, rows in read_review(src, review_id).items():
        if not rows:
            continue
        table = _table(name)
        local = [translate(table, row, maps, strict=True, own=False) for row in rows]
        ids = _insert_rows(dst, table, local)
        column = own_id(table)
        if column is not None:
            maps[name] = {row[column.name]: new for row, new in zip(rows, ids, strict=True)}
            local = [{**row, column.name: new} for row, new in zip(local, ids, strict=True)]
        if name == "review":
            local_review = ids[0]
        if name == "chronology_entry":
            _search_rows(dst, rows, ids, local_review)
        remembered += [
            {"entity": name, "local_key": key_of(table, mine), "source_key": key_of(table, theirs),
             "digest": digest(table, theirs)}
            for mine, theirs in zip(local, rows, strict=True)
        ]  # fmt: skip
        copied += len(rows)
    return local_review, copied, remembered


def carry_mappings(src: Connection, dst: Connection, review_id: int) -> int:
    """The column mappings ``src`` remembers for the agencies of its review ``review_id``, into
    ``dst`` where it has none for that agency or an older one (a mapping is shared by every
    review, keyed by the agency's name); returns how many were carried."""
    agency = Base.metadata.tables["agency"]
    names = src.execute(select(agency.c.name).where(agency.c.review_id == review_id)).scalars()
    keys = {name.casefold()[:200] for name in names}
    if not keys:
        return 0
    table = ColumnMapping.__table__
    wanted = table.c.agency_key.in_(keys)
    theirs = {row.agency_key: row for row in src.execute(select(table).where(wanted))}
    ours = {row.agency_key: row for row in dst.execute(select(table).where(wanted))}
    carried = 0
    for key, row in theirs.items():
        mine = ours.get(key)
        if mine is None:
            dst.execute(
                insert(table).values(agency_key=key, mapping=row.mapping, updated_at=row.updated_at)
            )
        elif mine.updated_at < row.updated_at and mine.mapping != row.mapping:
            dst.execute(
                update(table)
                .where(table.c.id == mine.id)
                .values(mapping=row.mapping, updated_at=row.updated_at)
            )
        else:
            continue
        carried += 1
    return carried


def _login(conn: Connection) -> str:
    """The database login of a shared store's connection ("" for a store file)."""
    if conn.dialect.name != "postgresql":
        return ""
    return conn.scalar(text("SELECT current_user"))


def start_checkout(src: Connection, review_id: int, holder: str, destination: str) -> str:
    """Mark the review checked out in ``src`` (refused if it already is); returns the token."""
    wait_for_writers(src, review_id)
    held = holder_of(src, review_id)
    if held is not None:
        raise CheckoutError(
            f"This review is already checked out to {held.holder} since "
            f"{held.taken_at:%d/%m/%Y %H:%M} UTC ({held.destination})."
        )
    token = str(uuid.uuid4())
    src.execute(
        insert(ReviewCheckout.__table__).values(
            review_id=review_id, token=token, holder=holder, taken_at=utcnow(),
            destination=destination[:500], login=_login(src),
        )
    )  # fmt: skip
    return token


def record_copy(dst: Connection, local_review: int, remembered, **copy) -> None:
    dst.execute(insert(ReviewCopy.__table__).values(review_id=local_review, **copy))
    for row in remembered:
        row["review_id"] = local_review
    if remembered:
        dst.execute(insert(ReviewCopyRow.__table__), remembered)


def trail_end(conn: Connection) -> int:
    return conn.scalar(select(func.max(Base.metadata.tables[AUDIT_TABLE].c.id))) or 0


# --- check-in --------------------------------------------------------------------------


def copy_of(conn: Connection, local_review: int):
    return (
        conn.execute(select(ReviewCopy.__table__).where(ReviewCopy.review_id == local_review))
        .mappings()
        .first()
    )


def plan_check_in(local: Connection, shared: Connection, local_review: int) -> CheckInPlan:
    """What the copy changed since it was taken, and whether it may go back."""
    copy = copy_of(local, local_review)
    base: dict[str, dict[str, tuple[str, str]]] = {}
    for entity, lkey, skey, dig in local.execute(
        select(ReviewCopyRow.entity, ReviewCopyRow.local_key, ReviewCopyRow.source_key,
               ReviewCopyRow.digest).where(ReviewCopyRow.review_id == local_review)
    ):  # fmt: skip
        base.setdefault(entity, {})[lkey] = (skey, dig)
    maps = {
        name: {int(lkey): int(skey) for lkey, (skey, _d) in keys.items()}
        for name, keys in base.items()
        if own_id(_table(name)) is not None
    }
    held = holder_of(shared, copy["source_review_id"])
    still_held = held is not None and held.token == copy["token"]
    if held is not None and not still_held:
        raise CheckoutError(
            f"The review was released and is now checked out to {held.holder} since "
            f"{held.taken_at:%d/%m/%Y %H:%M} UTC ({held.destination}). Your offline changes "
            "stay in this store; nothing was checked in."
        )
    if not still_held:
        taken = {(e, skey, dig) for e, keys in base.items() for skey, dig in keys.values()}
        if review_summary(shared, copy["source_review_id"]) != taken:
            raise CheckoutError(
                "The check-out was released and the review has been changed in the shared "
                "store since, so your offline changes cannot be checked in over them. They stay "
                "in this store; nothing was checked in. Check the review out again and make "
                "your changes on the new copy."
            )
    plan = CheckInPlan(copy["source_review_id"], copy["token"], still_held, maps=maps)
    theirs = read_review(shared, copy["source_review_id"])
    ours = read_review(local, local_review)
    ours_by_id, theirs_by_id = _index(ours), _index(theirs)
    for name, rows in ours.items():
        table = _table(name)
        known = base.get(name, {})
        current = {key_of(table, r): r for r in theirs.get(name, [])}
        seen = set()
        for row in rows:
            lkey = key_of(table, row)
            seen.add(lkey)
            there = translate(table, row, maps, strict=False)
            if lkey not in known:
                plan.rows.setdefault(name, []).append(("added", there))
                plan.changes.append(RowChange(name, "added", _label(table, row, ours_by_id)))
            elif digest(table, there) != known[lkey][1]:
                plan.rows.setdefault(name, []).append(("changed", there))
                before = current.get(known[lkey][0], {})
                fields = tuple(
                    c.name for c in table.columns
                    if c.name not in SKIPPED_FIELDS and before.get(c.name) != there[c.name]
                )  # fmt: skip
                label = _label(table, row, ours_by_id)
                plan.changes.append(RowChange(name, "changed", label, fields))
        for lkey, (skey, _dig) in known.items():
            if lkey not in seen:
                plan.removed.setdefault(name, []).append(skey)
                gone = _label(table, current.get(skey, {}), theirs_by_id)
                plan.changes.append(RowChange(name, "removed", gone))
    return plan


def _where_key(table, key: str):
    parts = key.split("/")
    clauses = []
    for column, part in zip(table.primary_key.columns, parts, strict=True):
        value = int(part) if isinstance(column.type, Integer) else part
        clauses.append(column == value)
    return and_(*clauses)


def apply_check_in(shared: Connection, local: Connection, local_review: int, plan, actor):
    """Apply the plan to ``shared`` (inside its caller's transaction) and verify it."""
    act_as(shared, actor)
    if plan.still_held:  # (a released check-out has no row left to end)
        _end(shared, plan.source_review_id, "check it back in")
    set_recording(shared, False)  # the offline trail, appended below, records the changes
    new_keys: dict[str, dict[int, int]] = {}
    for table in guarded_tables():
        added = [row for action, row in plan.rows.get(table.name, []) if action == "added"]
        if not added:
            continue
        column = own_id(table)
        local_ids = [row[column.name].local_id for row in added] if column is not None else []
        own = column.name if column is not None else None
        ready = [resolve({k: v for k, v in row.items() if k != own}, new_keys) for row in added]
        ids = _insert_rows(shared, table, ready)
        if column is not None:
            new_keys[table.name] = dict(zip(local_ids, ids, strict=True))
        if table.name == "chronology_entry":
            _search_rows(shared, ready, ids, plan.source_review_id)
    for table in guarded_tables():
        pk = {c.name for c in table.primary_key.columns}
        for action, row in plan.rows.get(table.name, []):
            if action == "changed":
                ready = resolve(row, new_keys)
                values = {k: v for k, v in ready.items() if k not in pk}
                shared.execute(update(table).where(_where_key(table, key_of(table, ready)))
                               .values(**values))  # fmt: skip
    for table in reversed(guarded_tables()):
        for key in plan.removed.get(table.name, []):
            shared.execute(delete(table).where(_where_key(table, key)))
    set_recording(shared, True)
    maps = {name: {**plan.maps.get(name, {}), **new_keys.get(name, {})}
            for name in {*plan.maps, *new_keys}}  # fmt: skip
    _verify(shared, local, local_review, plan.source_review_id, maps)
    copy = copy_of(local, local_review)
    appended = append_trail(shared, local, local_review, copy["trail_mark"], plan, maps)
    seal_chain(shared)
    return appended


def _verify(shared, local, local_review: int, source_review: int, maps) -> None:
    theirs = review_summary(shared, source_review)
    ours = set()
    for name, rows in read_review(local, local_review).items():
        table = _table(name)
        for row in rows:
            moved = translate(table, row, maps, strict=True)
            ours.add((name, key_of(table, moved), digest(table, moved)))
    if theirs != ours:
        kinds = sorted({name for name, *_ in theirs ^ ours})
        raise CheckoutError(
            "The shared copy did not match the laptop's after applying the changes ("
            + ", ".join(k.replace("_", " ") for k in kinds)
            + "). Nothing was checked in."
        )


def _end(conn: Connection, review_id: int, what: str) -> None:
    """Remove the check-out row; the shared store's row-level security lets only the login
    that took it, the review's chair or the business manager do so (a row it hides is not
    removed, and nothing else may then change)."""
    gone = conn.execute(
        delete(ReviewCheckout.__table__).where(ReviewCheckout.review_id == review_id)
    ).rowcount
    if gone != 1:
        raise CheckoutError(
            f"Only the person who checked this review out, its chair or the business manager "
            f"may {what}; nothing was changed."
        )


def release(conn: Connection, review_id: int, actor: str, reason: str) -> Holder:
    """End a check-out without its changes (recorded with the reason)."""
    held = holder_of(conn, review_id)
    if held is None:
        raise CheckoutError("This review is not checked out.")
    act_as(conn, actor)
    _end(conn, review_id, "release it")
    record_event(
        conn, actor, review_id, "release",
        f"Check-out to {held.holder} released: {reason}",
    )  # fmt: skip
    return held
