"""The chronology's references checked once per statement on the shared store (PostgreSQL).

Revision ID: 0014
Revises: 0013
Create Date: 2026-11-30

A foreign key checks every new row on its own: for an import of 10,000 entries, 10,000 look-ups
of the same review, the same agency and the same import, and 10,000 more for their search
rows (a third of what the import costs the server). Here the four references that every
imported row carries (an entry's review, agency and import; a search row's entry) are kept by
triggers that do the same work once per statement, over all of its rows at once:

- a new or changed row whose parent is missing is refused (SQLSTATE 23503, foreign key
  violation, with the constraint's own name and the server's own wording); the parents found
  are locked FOR KEY SHARE, as a foreign key does, so none can go before the writer commits;
- deleting a parent deletes its rows (ON DELETE CASCADE);
- a parent's id cannot change, nor its table be emptied by TRUNCATE, while rows point at it.

Run with the owner's rights (SECURITY DEFINER), as a foreign key's own checks are: whatever a
login may see under row-level security, the references hold. SQLite keeps its foreign keys
(its checks cost little): nothing changes there.
"""

from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

# child table -> [(column, parent table)]; every parent's key is "id", every delete cascades.
# Frozen here: the models keep declaring these foreign keys (SQLite creates them).
REFERENCES = {
    "chronology_entry": [
        ("review_id", "review"),
        ("agency_id", "agency"),
        ("import_id", "chronology_import"),
    ],
    "chronology_search": [("entry_id", "chronology_entry")],
}


def constraint_name(child: str, column: str, parent: str) -> str:
    return f"fk_{child}_{column}_{parent}"


def _definer(name: str, body: str, declare: str = "") -> str:
    return (
        f"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql "
        f"SECURITY DEFINER SET search_path = public AS $$ {declare}BEGIN {body} "
        "RETURN NULL; END $$"
    )


def _child_function(child: str, references: list[tuple[str, str]]) -> str:
    """Each referenced id once (the statement's rows read once), its parent locked FOR KEY
    SHARE (a parent made by this very transaction is seen by no one else: no lock needed),
    and the first id without a parent refused."""
    declare = "".join(f"k_{column} integer[]; " for column, _ in references)
    gather = (
        "SELECT "
        + ", ".join(f"array_agg(DISTINCT n.{column})" for column, _ in references)
        + " INTO "
        + ", ".join(f"k_{column}" for column, _ in references)
        + " FROM new_rows n; "
    )
    checks = ""
    for column, parent in references:
        constraint = constraint_name(child, column, parent)
        checks += (
            f"PERFORM 1 FROM {parent} p WHERE p.id = ANY(k_{column}) "
            "AND p.xmin <> pg_current_xact_id()::xid FOR KEY SHARE; "
            f"SELECT x::text INTO missing FROM unnest(k_{column}) x WHERE x IS NOT NULL "
            f"AND NOT EXISTS (SELECT 1 FROM {parent} p WHERE p.id = x) LIMIT 1; "
            "IF FOUND THEN RAISE EXCEPTION USING ERRCODE = 'foreign_key_violation', "
            f'MESSAGE = \'insert or update on table "{child}" violates foreign key '
            f"constraint \"{constraint}\"', DETAIL = format('Key ({column})=(%s) is not "
            f"present in table \"{parent}\".', missing), TABLE = '{child}', "
            f"CONSTRAINT = '{constraint}'; END IF; "
        )
    return _definer(f"reviewdesk_refs_{child}", gather + checks, f"DECLARE {declare}missing text; ")


def _parent_sql(parent: str, children: list[tuple[str, str]]) -> list[str]:
    cascade = " ".join(
        f"DELETE FROM {child} WHERE {column} IN (SELECT id FROM old_rows);"
        for child, column in children
    )
    kept = " ".join(
        f"IF EXISTS (SELECT 1 FROM {child} WHERE {column} = OLD.id) THEN RAISE EXCEPTION "
        f"USING ERRCODE = 'foreign_key_violation', MESSAGE = 'update on table \"{parent}\" "
        f'violates foreign key constraint "{constraint_name(child, column, parent)}" on '
        f'table "{child}"\'; END IF;'
        for child, column in children
    )
    emptied = " ".join(
        f"IF EXISTS (SELECT 1 FROM {child}) THEN RAISE EXCEPTION USING "
        "ERRCODE = 'feature_not_supported', MESSAGE = 'cannot truncate a table referenced in a "
        f'foreign key constraint\', DETAIL = \'Table "{child}" references "{parent}".\'; '
        "END IF;"
        for child, column in children
    )
    return [
        _definer(f"reviewdesk_cascade_{parent}", cascade),
        f"CREATE TRIGGER reviewdesk_cascade AFTER DELETE ON {parent} "
        "REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT "
        f"EXECUTE FUNCTION reviewdesk_cascade_{parent}()",
        # Row by row, but only for a row whose id changes (never, in ReviewDesk itself).
        f"CREATE OR REPLACE FUNCTION reviewdesk_key_kept_{parent}() RETURNS trigger "
        "LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$ BEGIN "
        f"{kept} RETURN NEW; END $$",
        f"CREATE TRIGGER reviewdesk_key_kept BEFORE UPDATE OF id ON {parent} FOR EACH ROW "
        f"WHEN (OLD.id IS DISTINCT FROM NEW.id) EXECUTE FUNCTION reviewdesk_key_kept_{parent}()",
        _definer(f"reviewdesk_not_emptied_{parent}", emptied),
        f"CREATE TRIGGER reviewdesk_not_emptied BEFORE TRUNCATE ON {parent} "
        f"FOR EACH STATEMENT EXECUTE FUNCTION reviewdesk_not_emptied_{parent}()",
    ]


def _parents() -> dict[str, list[tuple[str, str]]]:
    found: dict[str, list[tuple[str, str]]] = {}
    for child, references in REFERENCES.items():
        for column, parent in references:
            found.setdefault(parent, []).append((child, column))
    return found


def upgrade_sql() -> list[str]:
    statements = []
    for child, references in REFERENCES.items():
        statements.append(_child_function(child, references))
        # One trigger per event: a trigger with transition tables has a single event.
        for event in ("INSERT", "UPDATE"):
            statements.append(
                f"CREATE TRIGGER reviewdesk_refs_{event.lower()} AFTER {event} ON {child} "
                "REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT "
                f"EXECUTE FUNCTION reviewdesk_refs_{child}()"
            )
        for column, parent in references:
            statements.append(
                f"ALTER TABLE {child} DROP CONSTRAINT {constraint_name(child, column, parent)}"
            )
    for parent, children in _parents().items():
        statements += _parent_sql(parent, children)
    return statements


def downgrade_sql() -> list[str]:
    statements = []
    for parent in _parents():
        for trigger, function in (
            ("reviewdesk_cascade", "reviewdesk_cascade"),
            ("reviewdesk_key_kept", "reviewdesk_key_kept"),
            ("reviewdesk_not_emptied", "reviewdesk_not_emptied"),
        ):
            statements.append(f"DROP TRIGGER IF EXISTS {trigger} ON {parent}")
            statements.append(f"DROP FUNCTION IF EXISTS {function}_{parent}()")
    for child, references in REFERENCES.items():
        for event in ("insert", "update"):
            statements.append(f"DROP TRIGGER IF EXISTS reviewdesk_refs_{event} ON {child}")
        statements.append(f"DROP FUNCTION IF EXISTS reviewdesk_refs_{child}()")
        for column, parent in references:
            statements.append(
                f"ALTER TABLE {child} ADD CONSTRAINT {constraint_name(child, column, parent)} "
                f"FOREIGN KEY ({column}) REFERENCES {parent} (id) ON DELETE CASCADE"
            )
    return statements


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for statement in upgrade_sql():
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for statement in downgrade_sql():
        op.execute(statement)
