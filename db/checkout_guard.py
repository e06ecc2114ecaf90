"""A checked-out review refuses writes in the store it was taken from, whoever writes.

Made from the models, as the audit trail's triggers are: every table whose rows belong to a
review (found through its foreign keys) gets a trigger that refuses an insert, update or
delete of a row whose review has a ``review_checkout`` row. On SQLite they are TEMP triggers
created on each connection ReviewDesk opens; on PostgreSQL they live in the database, so a
SQL client is refused as well, with a message naming who has the review and since when.
"""

from datetime import datetime

from sqlalchemy import Connection, Table, text

from db.base import Base
from db.driver import table_names

# Not a review's content: the trail, who may work on it, the check-out's own bookkeeping,
# and the link between two reviews (a copy carries one review only).
EXEMPT = {
    "audit_event", "review_member", "review_checkout", "review_copy", "review_copy_row",
    "review_conversion",
}  # fmt: skip
REFUSAL = "is checked out"  # in every refusal, on both engines
SQLITE_REFUSAL = "ReviewDesk: this review is checked out for offline work and is read-only here"


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def review_of(table: Table, ref: str, depth: int = 0) -> str | None:
    """SQL for the review a row of ``table`` (named ``ref``) belongs to, through each of its
    foreign keys in turn (an evidence row may hang off an entry, an episode or an IMR)."""
    if table.name == "review":
        return f"{ref}.id"
    if "review_id" in table.c:
        return f"{ref}.review_id"
    if depth > 4:
        return None
    paths = []
    single = [fk for fk in table.foreign_key_constraints if len(fk.columns) == 1]
    for fk in sorted(single, key=lambda f: (list(f.columns)[0].nullable, f.referred_table.name)):
        parent = fk.referred_table
        alias = f"g{depth}"
        inner = review_of(parent, alias, depth + 1)
        if inner is None:
            continue
        (column,) = fk.columns
        (element,) = fk.elements
        paths.append(
            f"(SELECT {inner} FROM {_q(parent.name)} {alias} "
            f"WHERE {alias}.{_q(element.column.name)} = {ref}.{_q(column.name)})"
        )
    if not paths:
        return None
    return paths[0] if len(paths) == 1 else f"COALESCE({', '.join(paths)})"


def guarded_tables() -> list[Table]:
    """The tables holding a review's content, parents before children."""
    return [
        t
        for t in Base.metadata.sorted_tables
        if t.name not in EXEMPT and not t.info.get("derived") and review_of(t, "x") is not None
    ]


# --- SQLite ------------------------------------------------------------------------------


def sqlite_trigger_sql(table: Table) -> list[str]:
    name = table.name
    held = "EXISTS (SELECT 1 FROM main.review_checkout)"

    def locked(ref: str) -> str:
        return (
            f"EXISTS (SELECT 1 FROM main.review_checkout WHERE review_id = {review_of(table, ref)})"
        )

    raise_ = f"BEGIN SELECT RAISE(ABORT, '{SQLITE_REFUSAL}'); END"
    return [
        f"CREATE TEMP TRIGGER IF NOT EXISTS checkout_{name}_insert BEFORE INSERT ON "
        f"main.{_q(name)} WHEN {held} AND {locked('NEW')} {raise_}",
        f"CREATE TEMP TRIGGER IF NOT EXISTS checkout_{name}_update BEFORE UPDATE ON "
        f"main.{_q(name)} WHEN {held} AND ({locked('OLD')} OR {locked('NEW')}) {raise_}",
        f"CREATE TEMP TRIGGER IF NOT EXISTS checkout_{name}_delete BEFORE DELETE ON "
        f"main.{_q(name)} WHEN {held} AND {locked('OLD')} {raise_}",
    ]


def install_sqlite_guards(dbapi_connection) -> None:
    """Create the refusing triggers on a new writable connection (a connect hook)."""
    present = table_names(dbapi_connection)
    cursor = dbapi_connection.cursor()
    try:
        if "review_checkout" not in present:
            return  # a store before check-outs: the triggers come after its upgrade
        for table in guarded_tables():
            if table.name in present:
                for sql in sqlite_trigger_sql(table):
                    cursor.execute(sql)
    finally:
        cursor.close()


# --- PostgreSQL --------------------------------------------------------------------------

# Who has the review and since when (run with the owner's rights: the message is the same
# whatever the writer may see of the check-outs).
HOLDER_FUNCTION = (
    "CREATE OR REPLACE FUNCTION reviewdesk_checked_out(rid integer) RETURNS text "
    "LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$ "
    "SELECT format('The review %s is checked out to %s since %s UTC (%s): the shared copy is "
    "read-only until it is checked back in.', r.reference, c.holder, "
    "to_char(c.taken_at, 'DD/MM/YYYY HH24:MI'), c.destination) "
    "FROM review_checkout c JOIN review r ON r.id = c.review_id WHERE c.review_id = rid $$"
)


# Writers of a review hold this lock (shared) until they commit; a check-out takes it alone,
# so it waits for every write already under way before the review is marked and copied.
GUARD_LOCK_KEY = 0x52444348  # "RDCH", with the review's id as the second key


def _check(rid: str) -> str:
    # (The plain lookup first: the function naming the holder runs only for a refusal.)
    return (
        f"PERFORM pg_advisory_xact_lock_shared({GUARD_LOCK_KEY}, COALESCE({rid}, 0)); "
        f"IF EXISTS (SELECT 1 FROM review_checkout WHERE review_id = {rid}) THEN "
        f"held := reviewdesk_checked_out({rid}); END IF; "
    )


_REFUSE = "IF held IS NOT NULL THEN RAISE EXCEPTION '%', held USING ERRCODE = 'RDCKO'; END IF; "


def trigger_names(table: Table) -> tuple[str, str]:
    """The guard's two triggers on ``table``: row by row for changes and deletes, once per
    statement for new rows."""
    return f"checkout_guard_{table.name}", f"checkout_guard_insert_{table.name}"


def postgres_function_sql(table: Table) -> list[str]:
    """A changed or deleted row is checked on its own (BEFORE, row by row); new rows once per
    statement, each review they belong to once (an import of 10,000 entries: one look-up, not
    10,000), with the same lock and the same refusal, before the statement ends."""
    name = table.name
    function = f"checkout_guard_{name}"
    old, new = review_of(table, "OLD"), review_of(table, "NEW")
    row_trigger, insert_trigger = trigger_names(table)
    return [
        f"CREATE OR REPLACE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS $$ "
        "DECLARE rid integer; held text; BEGIN "
        f"rid := {old}; {_check('rid')}"
        f"IF held IS NULL AND TG_OP = 'UPDATE' THEN rid := {new}; {_check('rid')}END IF; "
        f"{_REFUSE}"
        "IF TG_OP = 'DELETE' THEN RETURN OLD; END IF; RETURN NEW; END $$",
        f"CREATE OR REPLACE TRIGGER {row_trigger} BEFORE UPDATE OR DELETE "
        f"ON {_q(name)} FOR EACH ROW EXECUTE FUNCTION {function}()",
        f"CREATE OR REPLACE FUNCTION {function}_insert() RETURNS trigger LANGUAGE plpgsql AS $$ "
        "DECLARE rid integer; held text; BEGIN "
        f"FOR rid IN SELECT DISTINCT {review_of(table, 'n')} FROM new_rows n LOOP "
        f"{_check('rid')}{_REFUSE}END LOOP; RETURN NULL; END $$",
        f"CREATE OR REPLACE TRIGGER {insert_trigger} AFTER INSERT ON {_q(name)} "
        f"REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "
        f"{function}_insert()",
    ]


def wait_for_writers(conn: Connection, review_id: int) -> None:
    """On PostgreSQL: wait until every transaction writing to the review has ended."""
    if conn.dialect.name == "postgresql":
        conn.execute(
            text(f"SELECT pg_advisory_xact_lock({GUARD_LOCK_KEY}, :rid)"), {"rid": review_id}
        )


def install_postgres_guards(conn: Connection) -> None:
    conn.execute(text(HOLDER_FUNCTION))
    for table in guarded_tables():
        for statement in postgres_function_sql(table):
            conn.execute(text(statement))


def tables_without_guard(conn: Connection) -> list[str]:
    present = {
        (table, trigger)
        for table, trigger in conn.execute(
            text(
                "SELECT tgrelid::regclass::text, tgname FROM pg_trigger "
                "WHERE tgname LIKE 'checkout\\_guard\\_%'"
            )
        )
    }
    return [
        t.name
        for t in guarded_tables()
        if any((t.name, trigger) not in present for trigger in trigger_names(t))
    ]


def is_checkout_refusal(exc: Exception) -> bool:
    return REFUSAL in str(getattr(exc, "orig", exc))


def holder_message(reference: str, holder: str, taken_at, destination: str) -> str:
    """The same words as the server's ``reviewdesk_checked_out``."""
    return (
        f"The review {reference} is checked out to {holder} since "
        f"{taken_at:%d/%m/%Y %H:%M} UTC ({destination}): the shared copy is read-only until it "
        "is checked back in."
    )


def refusal_message(exc: Exception, engine) -> str:
    """The server's words (naming the review, who has it and since when); on SQLite, whose
    trigger cannot name them, the same words made from the store's check-outs."""
    lines = str(getattr(exc, "orig", exc)).strip().splitlines()
    if engine.dialect.name == "postgresql" and lines:
        return lines[0]
    try:
        with engine.connect() as conn:
            held = conn.execute(
                text(
                    "SELECT r.reference, c.holder, c.taken_at, c.destination FROM review_checkout "
                    "c JOIN review r ON r.id = c.review_id ORDER BY r.reference"
                )
            ).all()
    except Exception:  # noqa: BLE001 - the refusal itself is what matters
        held = []
    return (
        " ".join(
            holder_message(
                ref, who, at if isinstance(at, datetime) else datetime.fromisoformat(at), to
            )
            for ref, who, at, to in held
        )
        or SQLITE_REFUSAL + "."
    )
