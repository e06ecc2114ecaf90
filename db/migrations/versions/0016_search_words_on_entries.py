"""The shared store's search words kept on each chronology entry (PostgreSQL).

Revision ID: 0016
Revises: 0015
Create Date: 2026-11-30

Until now the shared store kept a second row for every entry, in ``chronology_search``: the
entry's searchable text (written by the importer, by an ORM event for an entry added alone, and
by a trigger for a changed one) and its words (a tsvector) with a GIN index. Writing those rows
cost an import of 10,000 entries more than the entries themselves.

Here the words become a stored generated column of the entry itself, indexed with GIN: the
server computes them as the entry is written or changed, whoever writes it, so nothing can
forget them, and ``chronology_search`` becomes a view over the entries with the same columns
(entry_id, review_id, text, words). The view runs with the rights of whoever reads it
(``security_invoker``, PostgreSQL 15 and later), so each login still sees only the entries of
its own reviews.

New words go first to the index's pending list (GIN's fast update) and are merged into the index
by autovacuum, or by an insert once the list holds 64 MB: an import does not wait for the merge,
and a search reads the pending list as well (15 ms for 50,000 unmerged entries).

SQLite is unchanged: its search table, trigger and ORM event stay as they are.
"""

import importlib.util
from pathlib import Path

from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

FIELDS = (
    "event", "outcome", "significance", "source", "practitioner", "role", "subjects",
    "event_type_text", "date_text",
)  # fmt: skip
CONFIG = "simple"  # as db/search.py queries it
PENDING_LIST_KB = 65536


def _text(prefix: str = "") -> str:
    """The entry's searchable text, as ``search_text`` in db/chronology_models.py joins it."""
    return " || chr(10) || ".join(f"coalesce({prefix}{name}, '')" for name in FIELDS)


def _reference_migration():
    """Migration 0014, frozen: its triggers for the search rows are put back on downgrade."""
    path = Path(__file__).with_name("0014_set_references.py")
    spec = importlib.util.spec_from_file_location("reviewdesk_migration_0014", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    version = bind.exec_driver_sql("SHOW server_version_num").scalar()
    if int(version) < 150000:
        raise RuntimeError(
            "This shared store is on PostgreSQL older than 15, which ReviewDesk no longer "
            "supports: upgrade the server to PostgreSQL 15 or later, then open the store again."
        )
    for statement in (
        # The search rows' trigger (0011) and their references (0014) go with the table.
        "DROP TRIGGER IF EXISTS chronology_search_update ON chronology_entry",
        "DROP FUNCTION IF EXISTS chronology_search_update()",
        "DROP TRIGGER IF EXISTS reviewdesk_cascade ON chronology_entry",
        "DROP FUNCTION IF EXISTS reviewdesk_cascade_chronology_entry()",
        "DROP TRIGGER IF EXISTS reviewdesk_key_kept ON chronology_entry",
        "DROP FUNCTION IF EXISTS reviewdesk_key_kept_chronology_entry()",
        "DROP TRIGGER IF EXISTS reviewdesk_not_emptied ON chronology_entry",
        "DROP FUNCTION IF EXISTS reviewdesk_not_emptied_chronology_entry()",
        "DROP TABLE chronology_search",
        "DROP FUNCTION IF EXISTS reviewdesk_refs_chronology_search()",
        "ALTER TABLE chronology_entry ADD COLUMN search_words tsvector GENERATED ALWAYS AS "
        f"(to_tsvector('{CONFIG}'::regconfig, {_text()})) STORED",
        "CREATE INDEX ix_chronology_entry_search_words ON chronology_entry USING gin "
        f"(search_words) WITH (gin_pending_list_limit = {PENDING_LIST_KB})",
        "CREATE VIEW chronology_search WITH (security_invoker = true) AS SELECT id AS entry_id, "
        f"review_id, {_text()} AS text, search_words AS words FROM chronology_entry",
    ):
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    references = _reference_migration()
    statements = [
        "DROP VIEW chronology_search",
        "CREATE TABLE chronology_search (entry_id integer NOT NULL, review_id integer NOT NULL, "
        "text text NOT NULL, CONSTRAINT pk_chronology_search PRIMARY KEY (entry_id))",
        "INSERT INTO chronology_search (entry_id, review_id, text) "
        f"SELECT id, review_id, {_text()} FROM chronology_entry",
        "DROP INDEX ix_chronology_entry_search_words",
        "ALTER TABLE chronology_entry DROP COLUMN search_words",
        # As 0011 made them.
        "CREATE FUNCTION chronology_search_update() RETURNS trigger LANGUAGE plpgsql AS $$ "
        f"BEGIN UPDATE chronology_search SET text = {_text('NEW.')} WHERE entry_id = NEW.id; "
        "RETURN NULL; END $$",
        "CREATE TRIGGER chronology_search_update AFTER UPDATE OF "
        + ", ".join(FIELDS)
        + " ON chronology_entry FOR EACH ROW EXECUTE FUNCTION chronology_search_update()",
        "ALTER TABLE chronology_search ADD COLUMN words tsvector "
        f"GENERATED ALWAYS AS (to_tsvector('{CONFIG}', text)) STORED",
        "CREATE INDEX ix_chronology_search_words ON chronology_search USING gin (words)",
        "CREATE INDEX ix_chronology_search_review_id ON chronology_search (review_id)",
        # As 0014 made them: the search row's entry, checked once per statement.
        references._child_function("chronology_search", [("entry_id", "chronology_entry")]),
        *(
            f"CREATE TRIGGER reviewdesk_refs_{event.lower()} AFTER {event} ON chronology_search "
            "REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT "
            "EXECUTE FUNCTION reviewdesk_refs_chronology_search()"
            for event in ("INSERT", "UPDATE")
        ),
        *references._parent_sql("chronology_entry", [("chronology_search", "entry_id")]),
    ]
    for statement in statements:
        op.execute(statement)
