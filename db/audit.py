"""The audit trail: every change to every table, recorded by SQLite itself, in a hash chain.

Triggers are generated from the model metadata for every table (a table added later is
covered without anyone listing it) and created as TEMP triggers on each connection the app
opens, so the schema stays plain and the triggers always match the running code. Each insert,
each changed column of an update, and each delete becomes a row of ``audit_event``; creates and
deletes keep the whole row (``row_data``, JSON), so what was deleted can be read and restored.
Cascaded deletes (an agency's entries, links, tags) are recorded as well, by the same triggers.

Who acted is set per transaction in a one-row TEMP table. At each commit the new rows are
sealed: ``hash`` = SHA-256 of the previous row's hash and this row, so an edit, insertion or
deletion in the middle of the trail made outside ReviewDesk breaks the chain (``verify_chain``).
"""

import hashlib
import json
from contextlib import contextmanager
from datetime import datetime

from sqlalchemy import String, Table, event, func, literal, text
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session
from sqlalchemy.sql.expression import ColumnElement
from sqlalchemy.types import LargeBinary

from db.base import Base
from db.driver import table_names

AUDIT_TABLE = "audit_event"
SKIPPED_UPDATE_COLUMNS = {"updated_at", "version"}
LABEL_COLUMNS = (
    "reference", "name", "title", "file_name", "filename", "label", "theme", "question",
    "text", "event", "date_text", "summary",
)  # fmt: skip
_NOW = "strftime('%Y-%m-%d %H:%M:%S','now') || '.' || substr(strftime('%f','now'), 4) || '000'"
_ACTOR = "(SELECT actor FROM temp.audit_context)"
_ENABLED = "(SELECT enabled FROM temp.audit_context)"
_CHAIN_COLUMNS = (
    "id", "at", "actor", "review_id", "action", "entity", "entity_id", "label", "field",
    "old_value", "new_value", "row_data",
)  # fmt: skip


def audited_tables() -> list[Table]:
    """Every table of the model except the trail itself and tables derived from others."""
    return [
        t
        for t in Base.metadata.sorted_tables
        if t.name != AUDIT_TABLE and not t.info.get("derived")
    ]


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _review_expr(table: Table, ref: str, depth: int = 0) -> str:
    """SQL giving the review a row belongs to, following foreign keys from the metadata.

    A parent already deleted (a cascade) is found in the trail, where its delete was just
    recorded with its review.
    """
    if table.name == "review":
        return f"{ref}.id"
    if "review_id" in table.c:
        return f"{ref}.review_id"
    if depth > 3:
        return "NULL"
    for fk in sorted(table.foreign_keys, key=lambda f: f.parent.name):
        parent = fk.column.table
        key = f"{ref}.{_q(fk.parent.name)}"
        alias = f"p{depth}"
        live = (
            f"(SELECT {_review_expr(parent, alias, depth + 1)} FROM {_q(parent.name)} AS {alias} "
            f"WHERE {alias}.{_q(fk.column.name)} = {key})"
        )
        recorded = (
            f"(SELECT review_id FROM {AUDIT_TABLE} WHERE entity = '{parent.name}' "
            f"AND entity_id = {key} AND review_id IS NOT NULL ORDER BY id DESC LIMIT 1)"
        )
        return f"COALESCE({live}, {recorded})"
    return "NULL"


def _label_expr(table: Table, ref: str) -> str:
    human = table.name.replace("_", " ").capitalize().replace("'", "''")
    for name in LABEL_COLUMNS:
        if name in table.c and not isinstance(table.c[name].type, LargeBinary):
            value = f"replace(replace(CAST({ref}.{_q(name)} AS TEXT), char(10), ' '), char(13), '')"
            return f"'{human} ' || substr(COALESCE({value}, ''), 1, 120)"
    return f"'{human}'"


def _entity_id(table: Table, ref: str) -> str:
    first = list(table.primary_key.columns)[0]
    return f"{ref}.{_q(first.name)}"


def _value(column, ref: str, *, whole: bool) -> str:
    if isinstance(column.type, LargeBinary):
        # Whole documents are kept when deleted (hex), otherwise only their size.
        return f"hex({ref}.{_q(column.name)})" if whole else f"length({ref}.{_q(column.name)})"
    return f"{ref}.{_q(column.name)}"


def _row_json(table: Table, ref: str, *, whole: bool) -> str:
    pairs = ", ".join(f"'{c.name}', {_value(c, ref, whole=whole)}" for c in table.columns)
    return f"json_object({pairs})"


def _insert_event(table, ref, action, *, field="NULL", old="NULL", new="NULL", data="NULL"):
    return (
        f"INSERT INTO {AUDIT_TABLE} (at, actor, review_id, action, entity, entity_id, label, "
        f"field, old_value, new_value, row_data) SELECT {_NOW}, {_ACTOR}, "
        f"{_review_expr(table, ref)}, '{action}', '{table.name}', {_entity_id(table, ref)}, "
        f"{_label_expr(table, ref)}, {field}, {old}, {new}, {data}"
    )


def trigger_sql(table: Table) -> list[str]:
    """The three TEMP triggers that record changes to ``table``."""
    name = table.name
    created = _insert_event(table, "NEW", "create", data=_row_json(table, "NEW", whole=False))
    deleted = _insert_event(table, "OLD", "delete", data=_row_json(table, "OLD", whole=True))
    changes = []
    for column in table.columns:
        if column.name in SKIPPED_UPDATE_COLUMNS or column.primary_key:
            continue
        old, new = _value(column, "OLD", whole=False), _value(column, "NEW", whole=False)
        changes.append(
            _insert_event(
                table,
                "NEW",
                "update",
                field=f"'{column.name}'",
                old=f"CAST({old} AS TEXT)",
                new=f"CAST({new} AS TEXT)",
            )
            + f" WHERE OLD.{_q(column.name)} IS NOT NEW.{_q(column.name)}"
        )
    body = "; ".join(changes) or "SELECT 1"
    when = f"WHEN {_ENABLED}"
    return [
        f"CREATE TEMP TRIGGER IF NOT EXISTS audit_{name}_insert AFTER INSERT ON main.{_q(name)} "
        f"{when} BEGIN {created}; END",
        f"CREATE TEMP TRIGGER IF NOT EXISTS audit_{name}_update AFTER UPDATE ON main.{_q(name)} "
        f"{when} BEGIN {body}; END",
        f"CREATE TEMP TRIGGER IF NOT EXISTS audit_{name}_delete AFTER DELETE ON main.{_q(name)} "
        f"{when} BEGIN {deleted}; END",
    ]


def install_triggers(dbapi_connection) -> None:
    """Create the audit context and triggers on a new writable connection (a connect hook)."""
    tables = table_names(dbapi_connection)
    cursor = dbapi_connection.cursor()
    try:
        if AUDIT_TABLE not in tables:
            return  # a store being created: the triggers come with the next connection
        cursor.execute(
            "CREATE TEMP TABLE IF NOT EXISTS audit_context "
            "(id INTEGER PRIMARY KEY CHECK (id = 1), actor TEXT NOT NULL, enabled INTEGER)"
        )
        cursor.execute("INSERT OR IGNORE INTO temp.audit_context VALUES (1, 'unknown', 1)")
        for table in audited_tables():
            if table.name in tables:
                for sql in trigger_sql(table):
                    cursor.execute(sql)
    finally:
        cursor.close()


def set_actor(session: Session, actor: str) -> None:
    if session.get_bind().dialect.name == "postgresql":
        from db.audit_postgres import set_actor as set_server_actor

        set_server_actor(session.connection(), actor)
        return
    session.execute(
        text("UPDATE temp.audit_context SET actor = :actor, enabled = 1"),
        {"actor": actor or "unknown"},
    )


@contextmanager
def rows_not_recorded(session: Session):
    """For a bulk write recorded as one event of its own (an import: file, hash, counts)."""
    if session.get_bind().dialect.name == "postgresql":
        from db.audit_postgres import set_recording

        set_recording(session.connection(), False)
        try:
            yield
        finally:
            set_recording(session.connection(), True)
        return
    session.execute(text("UPDATE temp.audit_context SET enabled = 0"))
    try:
        yield
    finally:
        session.execute(text("UPDATE temp.audit_context SET enabled = 1"))


def set_recording(connection, on: bool) -> None:
    """Whether what this connection writes is recorded, until its transaction ends (off for a
    whole-store copy, whose rows bring their own trail)."""
    if connection.dialect.name == "postgresql":
        from db.audit_postgres import set_recording as set_server_recording

        set_server_recording(connection, on)
        return
    found = connection.exec_driver_sql(
        "SELECT 1 FROM sqlite_temp_master WHERE name = 'audit_context'"
    ).first()
    if found:
        connection.exec_driver_sql(f"UPDATE temp.audit_context SET enabled = {int(on)}")


def _as_stored(value) -> str:
    """Values as SQLite holds them as text, so a trail reads the same on either engine."""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S.%f")
    return str(value)


def _digest(previous: str, row) -> str:
    canonical = json.dumps([previous, *row], ensure_ascii=False, default=_as_stored)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def seal_chain(connection) -> int:
    """Give every unsealed trail row its hash; returns how many were sealed."""
    columns = ", ".join(_CHAIN_COLUMNS)
    if connection.dialect.name == "postgresql":
        from db.audit_postgres import chain_tail, lock_for_sealing

        lock_for_sealing(connection)
        last_id, previous = chain_tail(connection)
    else:
        # The newest sealed row, found from the end (rows are sealed in id order).
        last = connection.exec_driver_sql(
            f"SELECT id, hash FROM {AUDIT_TABLE} WHERE hash IS NOT NULL ORDER BY id DESC LIMIT 1"
        ).fetchone()
        last_id, previous = (last[0], last[1]) if last else (0, "")
    pending = connection.execute(
        text(f"SELECT {columns} FROM {AUDIT_TABLE} WHERE id > :last ORDER BY id"),
        {"last": last_id},
    ).fetchall()
    updates = []
    for row in pending:
        previous = _digest(previous, tuple(row))
        updates.append({"hash": previous, "id": row[0]})
    if updates:
        connection.execute(text(f"UPDATE {AUDIT_TABLE} SET hash = :hash WHERE id = :id"), updates)
    return len(updates)


def verify_chain(connection, *, unsealed_tail_ok: bool = False) -> list[str]:
    """Where the trail no longer matches its hash chain (empty when intact).

    ``unsealed_tail_ok``: rows after the last sealed one are not a fault (a shared store: a SQL
    client's change is recorded by the server but sealed only by ReviewDesk's next write, and
    the server has named its login on each of them)."""
    columns = ", ".join(_CHAIN_COLUMNS)
    previous = ""
    result = connection.exec_driver_sql(f"SELECT {columns}, hash FROM {AUDIT_TABLE} ORDER BY id")
    for row in result:
        *values, stored = tuple(row)
        if stored is None:
            if unsealed_tail_ok and _only_unsealed_after(connection, values[0]):
                return []
            return [f"audit trail: entry {values[0]} and after are not sealed"]
        expected = _digest(previous, tuple(values))
        if stored != expected:
            return [
                f"audit trail: entry {values[0]} ({values[1]}) was changed, inserted or an "
                "entry before it removed outside ReviewDesk"
            ]
        previous = stored
    return []


def _only_unsealed_after(connection, first_id: int) -> bool:
    """Whether no row after ``first_id`` (an unsealed one) is sealed."""
    found = connection.execute(
        text(f"SELECT 1 FROM {AUDIT_TABLE} WHERE id > :id AND hash IS NOT NULL LIMIT 1"),
        {"id": first_id},
    ).first()
    return found is None


def install_audit(session_factory) -> None:
    """Seal the trail at every commit of a session made by ``session_factory``."""

    # before_commit comes before the commit's own flush, hence after_flush as well.
    @event.listens_for(session_factory, "before_commit")
    def _seal(session: Session) -> None:
        if session.info.get("writable") and _may_have_written(session.connection()):
            seal_chain(session.connection())

    @event.listens_for(session_factory, "after_flush")
    def _seal_flushed(session: Session, _context) -> None:
        if session.info.get("writable"):
            _relabel(session)
            seal_chain(session.connection())


def _may_have_written(connection) -> bool:
    """False when this transaction surely wrote nothing (PostgreSQL knows: it has no
    transaction id yet), so that reading takes no turn at the trail's lock."""
    if connection.dialect.name != "postgresql":
        return True
    from db.audit_postgres import transaction_wrote

    return transaction_wrote(connection)


def _relabel(session: Session) -> None:
    """Models that name themselves for people (``audit_label``) replace the generic label of
    the rows just recorded for them (the triggers only know the table's columns)."""
    updates = []
    for obj in (*session.new, *session.dirty, *session.deleted):
        if not hasattr(type(obj), "audit_label") or getattr(obj, "id", None) is None:
            continue
        try:
            label = obj.audit_label
        except Exception:  # noqa: BLE001 - a half-detached parent must never block a save
            continue
        updates.append({"label": label[:300], "entity": obj.__tablename__, "entity_id": obj.id})
    if updates:
        session.connection().execute(
            text(
                f"UPDATE {AUDIT_TABLE} SET label = :label WHERE entity = :entity "
                f"AND entity_id = :entity_id AND hash IS NULL"
            ),
            updates,
        )


def _as_text(value) -> str | None:
    """A value as the trail holds it (SQLite's CAST(... AS TEXT))."""
    if value is None:
        return None
    if isinstance(value, bool):
        return str(int(value))
    if isinstance(value, float) and value.is_integer():
        return repr(value)
    return str(value)


def _differences(connection):
    """(table, key, what the trail says, what the row holds) wherever the two disagree.

    Rows the trail never saw whole (before it kept whole rows, or written by a bulk import
    recorded as one event) are not judged.
    """
    for table in audited_tables():
        pk = [c.name for c in table.primary_key.columns]
        columns = [c.name for c in table.columns if c.name not in SKIPPED_UPDATE_COLUMNS]
        expected: dict[tuple, dict | None] = {}
        events = connection.execute(
            text(
                f"SELECT action, entity_id, field, new_value, row_data FROM {AUDIT_TABLE} "
                "WHERE entity = :entity AND action IN ('create', 'update', 'delete') ORDER BY id"
            ),
            {"entity": table.name},
        )
        for action, entity_id, field, new_value, row_data in events:
            if action in ("create", "delete") and row_data:
                data = json.loads(row_data)
                key = tuple(_as_text(data.get(name)) for name in pk)
                expected[key] = (
                    {c: _as_text(data.get(c)) for c in columns} if action == "create" else None
                )
            elif action == "update" and len(pk) == 1:
                row = expected.get((_as_text(entity_id),))
                if row is not None and field in row:
                    row[field] = new_value
        if not expected:
            continue
        blobs = {c.name for c in table.columns if isinstance(c.type, LargeBinary)}
        select_list = ", ".join(
            f"CAST(length({_q(c)}) AS TEXT)" if c in blobs else f"CAST({_q(c)} AS TEXT)"
            for c in columns
        )
        live = {}
        for values in connection.exec_driver_sql(f"SELECT {select_list} FROM {_q(table.name)}"):
            row = dict(zip(columns, values, strict=True))
            live[tuple(row[name] for name in pk)] = row
        for key, want in expected.items():
            have = live.get(key)
            if want != have:
                yield table, key, want, have


def verify_rows(connection, limit: int = 20) -> list[str]:
    """Rows whose content differs from what the trail says they hold: changed, removed or
    put back outside ReviewDesk."""
    problems: list[str] = []
    for table, key, want, have in _differences(connection):
        shown = f"{table.name} {'/'.join(str(k) for k in key)}"
        if want is None:
            problems.append(f"audit trail: {shown} was deleted, but is back")
        elif have is None:
            problems.append(f"audit trail: {shown} is gone without a recorded delete")
        else:
            changed = sorted(c for c in want if have.get(c) != want.get(c))
            problems.append(
                f"audit trail: {shown} differs from its trail ({', '.join(changed)}): "
                "changed outside ReviewDesk"
            )
        if len(problems) >= limit:
            break
    return problems


def reconcile(connection, actor: str, why: str) -> int:
    """Record in the trail whatever the rows hold that it does not know of (after a salvage:
    rows lost to the damage, values recovered as they were). Returns how many were recorded."""
    recorded = 0
    for table, key, want, have in list(_differences(connection)):
        entity_id = key[0]
        action = "delete" if have is None else "create"
        data = want if have is None else have
        connection.exec_driver_sql(
            f"INSERT INTO {AUDIT_TABLE} (at, actor, action, entity, entity_id, label, row_data) "
            f"VALUES ({_NOW}, ?, ?, ?, ?, ?, ?)",
            (actor, action, table.name, entity_id, f"{table.name.replace('_', ' ')}: {why}"[:300],
             json.dumps(data, ensure_ascii=False)),
        )  # fmt: skip
        recorded += 1
    return recorded


class json_text(ColumnElement):  # noqa: N801 - used like a SQL function
    """One field of a JSON text column (a trail row's ``row_data``), as text, on either
    engine: SQLite's json_extract, PostgreSQL's ->>."""

    type = String()
    inherit_cache = False

    def __init__(self, column, key: str):
        self.column = column
        self.key = key


@compiles(json_text)
def _json_extract(element, compiler, **kw):
    path = literal(f"$.{element.key}")
    return compiler.process(func.json_extract(element.column, path), **kw)


@compiles(json_text, "postgresql")
def _json_arrow(element, compiler, **kw):
    column = compiler.process(element.column, **kw)
    key = compiler.process(literal(element.key), **kw)
    return f"(CAST({column} AS json) ->> {key})"
