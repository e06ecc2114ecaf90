"""The audit trail on the shared store: the same records as SQLite's triggers, made by
PostgreSQL triggers generated from the same metadata (db.audit builds the parts).

Who acted, and whether rows are recorded, are transaction-local settings
(``reviewdesk.actor``, ``reviewdesk.audit``). The trail is a hash chain in id order, so a
transaction that records anything first takes an advisory lock held until it commits: trail
rows are then numbered and sealed in commit order, whoever writes at the same time.
"""

from sqlalchemy import Connection, Table, text
from sqlalchemy.types import Boolean, DateTime, Float, LargeBinary

AUDIT_LOCK_KEY = 0x41554454  # "AUDT"
ACTOR = "COALESCE(NULLIF(current_setting('reviewdesk.actor', true), ''), session_user::text)"
# Every row of the trail names the login that wrote it, whatever the client said its name was:
# a name given without the login ("Sam Author", set by a SQL client or in a row inserted by
# hand) gets it added ("Sam Author (eve.client)"); ReviewDesk's own names already end with it.
# The store's owner is trusted as it is trusted with the schema.
ACTOR_LOGIN = (
    "CREATE OR REPLACE FUNCTION reviewdesk_trail_login() RETURNS trigger LANGUAGE plpgsql AS $$ "
    "DECLARE login text := session_user::text; "
    # The store's owner (its upgrades, a store copied in whole with its trail) writes as is.
    "BEGIN IF pg_has_role(session_user, (SELECT relowner FROM pg_class WHERE oid = TG_RELID), "
    "'MEMBER') THEN RETURN NEW; END IF; "
    "IF NEW.actor IS NULL OR NEW.actor = '' THEN NEW.actor := login; "
    "ELSIF NEW.actor <> login AND right(NEW.actor, length(login) + 3) <> ' (' || login || ')' "
    "THEN NEW.actor := left(NEW.actor, 195 - length(login)) || ' (' || login || ')'; "
    "END IF; RETURN NEW; END $$",
    "CREATE OR REPLACE TRIGGER reviewdesk_trail_login BEFORE INSERT ON audit_event "
    "FOR EACH ROW EXECUTE FUNCTION reviewdesk_trail_login()",
)
ENABLED = "COALESCE(NULLIF(current_setting('reviewdesk.audit', true), ''), 'on') <> 'off'"
NOW = "(clock_timestamp() AT TIME ZONE 'utc')"


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _value(column, ref: str, *, whole: bool) -> str:
    """A column's value as SQLite's trail holds it, so that a trail moved between the engines
    reads the same (timestamps with six decimals, 1/0 for yes/no, 5.0 for a whole float)."""
    col = f"{ref}.{_q(column.name)}"
    kind = column.type
    if isinstance(kind, LargeBinary):
        return f"encode({col}, 'hex')" if whole else f"length({col})"
    if isinstance(kind, DateTime):
        return f"to_char({col}, 'YYYY-MM-DD HH24:MI:SS.US')"
    if isinstance(kind, Boolean):
        return f"CAST({col} AS integer)"
    if isinstance(kind, Float):
        return (
            f"(CASE WHEN {col} = trunc({col}) AND abs({col}) < 1e15 "
            f"THEN to_json(CAST(CAST({col} AS bigint) AS text) || '.0') ELSE to_json({col}) END)"
        )
    return col


def _text(column, ref: str) -> str:
    value = _value(column, ref, whole=False)
    if isinstance(column.type, Float):  # the JSON form above, as plain text
        value = f"(CASE WHEN {ref}.{_q(column.name)} IS NULL THEN NULL ELSE trim(both '\"' from {value}::text) END)"
    return f"CAST({value} AS TEXT)"


def _row_json(table: Table, ref: str, *, whole: bool) -> str:
    pairs = ", ".join(f"'{c.name}', {_value(c, ref, whole=whole)}" for c in table.columns)
    return f"json_build_object({pairs})::text"


def _insert(table, ref, action, *, field="NULL", old="NULL", new="NULL", data="NULL") -> str:
    from db.audit import AUDIT_TABLE, _entity_id, _label_expr, _review_expr

    label = _label_expr(table, ref).replace("char(10)", "chr(10)").replace("char(13)", "chr(13)")
    return (
        f"INSERT INTO {AUDIT_TABLE} (at, actor, review_id, action, entity, entity_id, label, "
        f"field, old_value, new_value, row_data) SELECT {NOW}, {ACTOR}, "
        f"{_review_expr(table, ref)}, '{action}', '{table.name}', {_entity_id(table, ref)}, "
        f"{label}, {field}, {old}, {new}, {data}"
    )


def function_sql(table: Table) -> list[str]:
    """The trigger function and trigger that record changes to ``table``."""
    from db.audit import SKIPPED_UPDATE_COLUMNS

    name = table.name
    created = _insert(table, "NEW", "create", data=_row_json(table, "NEW", whole=False))
    deleted = _insert(table, "OLD", "delete", data=_row_json(table, "OLD", whole=True))
    changes = [
        _insert(
            table,
            "NEW",
            "update",
            field=f"'{column.name}'",
            old=_text(column, "OLD"),
            new=_text(column, "NEW"),
        )
        + f" WHERE OLD.{_q(column.name)} IS DISTINCT FROM NEW.{_q(column.name)}"
        for column in table.columns
        if column.name not in SKIPPED_UPDATE_COLUMNS and not column.primary_key
    ]
    updated = "; ".join(changes) or "NULL"
    function = f"audit_{name}"
    return [
        f"CREATE OR REPLACE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS $$ "
        f"BEGIN IF NOT ({ENABLED}) THEN RETURN NULL; END IF; "
        f"PERFORM pg_advisory_xact_lock({AUDIT_LOCK_KEY}); "
        f"IF TG_OP = 'INSERT' THEN {created}; "
        f"ELSIF TG_OP = 'UPDATE' THEN {updated}; "
        f"ELSE {deleted}; END IF; RETURN NULL; END $$",
        # (The same test in WHEN: a bulk write recorded as one event of its own, an import,
        # queues nothing row by row.)
        f"CREATE OR REPLACE TRIGGER audit_{name} AFTER INSERT OR UPDATE OR DELETE ON {_q(name)} "
        f"FOR EACH ROW WHEN ({ENABLED}) EXECUTE FUNCTION {function}()",
    ]


# Where the chain ends, for sealing by a login that sees only its own reviews' trail: an id and
# a hash, nothing of what any row says (run with the owner's rights).
CHAIN_TAIL = (
    "CREATE OR REPLACE FUNCTION reviewdesk_chain_tail(OUT id integer, OUT hash text) "
    "LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$ "
    "SELECT id, hash FROM audit_event WHERE hash IS NOT NULL ORDER BY id DESC LIMIT 1 $$"
)


def chain_tail(connection: Connection) -> tuple[int, str]:
    installed = connection.execute(
        text("SELECT to_regprocedure('reviewdesk_chain_tail()') IS NOT NULL")
    ).scalar_one()
    source = (
        "reviewdesk_chain_tail()"
        if installed
        # (during the upgrade making it)
        else (
            "(SELECT id, hash FROM audit_event WHERE hash IS NOT NULL ORDER BY id DESC LIMIT 1) t"
        )
    )
    row = connection.execute(text(f"SELECT id, hash FROM {source}")).first()
    return (row[0], row[1]) if row is not None and row[0] is not None else (0, "")


def install_triggers(conn: Connection) -> None:
    from db.audit import audited_tables

    conn.execute(text(CHAIN_TAIL))
    for statement in ACTOR_LOGIN:
        conn.execute(text(statement))
    for table in audited_tables():
        for statement in function_sql(table):
            conn.execute(text(statement))


def set_actor(connection: Connection, actor: str) -> None:
    connection.execute(
        text("SELECT set_config('reviewdesk.actor', :actor, true), "
             "set_config('reviewdesk.audit', 'on', true)"),
        {"actor": actor or "unknown"},
    )  # fmt: skip


def set_recording(connection: Connection, on: bool) -> None:
    connection.execute(
        text("SELECT set_config('reviewdesk.audit', :value, true)"),
        {"value": "on" if on else "off"},
    )


def transaction_wrote(connection: Connection) -> bool:
    """Whether this transaction has written anything (a writer is given a transaction id)."""
    return connection.exec_driver_sql(
        "SELECT pg_current_xact_id_if_assigned() IS NOT NULL"
    ).scalar_one()


def lock_for_sealing(connection: Connection) -> None:
    """Seal in commit order: wait for any other transaction still writing to the trail."""
    connection.execute(text(f"SELECT pg_advisory_xact_lock({AUDIT_LOCK_KEY})"))


def tables_without_audit(conn: Connection) -> list[str]:
    from db.audit import audited_tables

    present = set(
        conn.execute(
            text("SELECT tgrelid::regclass::text FROM pg_trigger WHERE tgname LIKE 'audit\\_%'")
        ).scalars()
    )
    missing = [t.name for t in audited_tables() if t.name not in present]
    login = conn.execute(
        text("SELECT count(*) FROM pg_trigger WHERE tgname = 'reviewdesk_trail_login'")
    ).scalar_one()
    return missing if login else ["audit_event", *missing]
