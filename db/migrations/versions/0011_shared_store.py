"""The shared store: a version on every row people edit, who works on which review (roles
enforced by PostgreSQL), PostgreSQL's own full-text search.

Revision ID: 0011
Revises: 0008
Create Date: 2026-11-30

The version makes a change from an outdated copy fail instead of overwriting someone else's.
On SQLite the search table stays as it is (kept by the trigger of 0003); the columns are added
with ALTER TABLE, which keeps that trigger.
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0008"
branch_labels = None
depends_on = None

_SEARCH_FIELDS = (
    "event", "outcome", "significance", "source", "practitioner", "role", "subjects",
    "event_type_text", "date_text",
)  # fmt: skip


def _postgresql_search() -> list[str]:
    joined = " || chr(10) || ".join(f"NEW.{name}" for name in _SEARCH_FIELDS)
    return [
        "CREATE FUNCTION chronology_search_update() RETURNS trigger LANGUAGE plpgsql AS $$ "
        f"BEGIN UPDATE chronology_search SET text = {joined} WHERE entry_id = NEW.id; "
        "RETURN NULL; END $$",
        "CREATE TRIGGER chronology_search_update AFTER UPDATE OF "
        + ", ".join(_SEARCH_FIELDS)
        + " ON chronology_entry FOR EACH ROW EXECUTE FUNCTION chronology_search_update()",
        # The words of each entry kept ready (a search's recheck then reads them instead of
        # parsing the text of every candidate row again), indexed with GIN.
        "ALTER TABLE chronology_search ADD COLUMN words tsvector "
        "GENERATED ALWAYS AS (to_tsvector('simple', text)) STORED",
        "CREATE INDEX ix_chronology_search_words ON chronology_search USING gin (words)",
        "CREATE INDEX ix_chronology_search_review_id ON chronology_search (review_id)",
    ]


VERSIONED_TABLES = (
    "review", "line_of_enquiry", "panel_member", "agency", "imr", "challenge_question",
    "recommendation", "finding", "action_item", "meeting", "meeting_attendee", "agenda_item",
    "panel_task", "report_section", "chronology_entry", "key_episode",
)  # fmt: skip


def upgrade() -> None:
    # Plain ALTER TABLE on both engines: a batch rebuild would drop SQLite's search trigger.
    for table in VERSIONED_TABLES:
        op.add_column(
            table, sa.Column("version", sa.Integer(), nullable=False, server_default=sa.text("1"))
        )
    op.create_table(
        "review_member",
        sa.Column("review_id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=63), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.ForeignKeyConstraint(
            ["review_id"],
            ["review.id"],
            name=op.f("fk_review_member_review_id_review"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("review_id", "username", name=op.f("pk_review_member")),
    )
    if op.get_bind().dialect.name == "postgresql":
        for ddl in _postgresql_search():
            op.execute(ddl)


def downgrade() -> None:
    op.drop_table("review_member")
    for table in VERSIONED_TABLES:
        op.drop_column(table, "version")  # ALTER TABLE DROP COLUMN (SQLite 3.35 and later)
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_chronology_search_review_id")
        op.execute("DROP INDEX IF EXISTS ix_chronology_search_words")
        op.execute("ALTER TABLE chronology_search DROP COLUMN IF EXISTS words")
        op.execute("DROP TRIGGER IF EXISTS chronology_search_update ON chronology_entry")
        op.execute("DROP FUNCTION IF EXISTS chronology_search_update()")
