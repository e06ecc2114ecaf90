"""The integrated chronology: imports, entries, theme tags, key practice episodes, mappings.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-21
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

# Frozen here as they were at this revision (a migration never imports live model code).
# SQLite only: the shared store's search is set up by its own revision.
SEARCH_TRIGGERS = {
    "chronology_search_update": (
        "CREATE TRIGGER chronology_search_update AFTER UPDATE OF event, outcome, significance, "
        "source, practitioner, role, subjects, event_type_text, date_text ON chronology_entry "
        "BEGIN UPDATE chronology_search SET text = new.event || char(10) || new.outcome || "
        "char(10) || new.significance || char(10) || new.source || char(10) || "
        "new.practitioner || char(10) || new.role || char(10) || new.subjects || char(10) || "
        "new.event_type_text || char(10) || new.date_text WHERE entry_id = new.id; END"
    ),
}


def upgrade() -> None:
    op.create_table(
        "column_mapping",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agency_key", sa.String(length=200), nullable=False),
        sa.Column("mapping", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_column_mapping")),
        sa.UniqueConstraint("agency_key", name=op.f("uq_column_mapping_agency_key")),
    )
    op.create_table(
        "key_episode",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("review_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("start", sa.Date(), nullable=True),
        sa.Column("end", sa.Date(), nullable=True),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["review_id"],
            ["review.id"],
            name=op.f("fk_key_episode_review_id_review"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_key_episode")),
    )
    with op.batch_alter_table("key_episode") as batch_op:
        batch_op.create_index(batch_op.f("ix_key_episode_review_id"), ["review_id"], unique=False)

    op.create_table(
        "chronology_import",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("review_id", sa.Integer(), nullable=False),
        sa.Column("agency_id", sa.Integer(), nullable=False),
        sa.Column("file_name", sa.String(length=260), nullable=False),
        sa.Column("sheet", sa.String(length=200), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("header_row", sa.Integer(), nullable=False),
        sa.Column("mapping", sa.Text(), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.Column("imported_by", sa.String(length=200), nullable=False),
        sa.Column("row_count", sa.Integer(), nullable=False),
        sa.Column("flagged_count", sa.Integer(), nullable=False),
        sa.Column("report", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agency_id"],
            ["agency.id"],
            name=op.f("fk_chronology_import_agency_id_agency"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["review_id"],
            ["review.id"],
            name=op.f("fk_chronology_import_review_id_review"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_chronology_import")),
    )
    with op.batch_alter_table("chronology_import") as batch_op:
        batch_op.create_index(
            batch_op.f("ix_chronology_import_agency_id"), ["agency_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_chronology_import_review_id"), ["review_id"], unique=False
        )

    op.create_table(
        "chronology_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("review_id", sa.Integer(), nullable=False),
        sa.Column("agency_id", sa.Integer(), nullable=False),
        sa.Column("import_id", sa.Integer(), nullable=True),
        sa.Column("date_text", sa.String(length=200), nullable=False),
        sa.Column("precision", sa.String(length=20), nullable=False),
        sa.Column("granularity", sa.String(length=20), nullable=False),
        sa.Column("date_start", sa.Date(), nullable=True),
        sa.Column("date_end", sa.Date(), nullable=True),
        sa.Column("time", sa.String(length=5), nullable=False),
        sa.Column("sort_date", sa.Date(), nullable=True),
        sa.Column("sequence", sa.Float(), nullable=False),
        sa.Column("recorded", sa.Date(), nullable=True),
        sa.Column("recorded_text", sa.String(length=200), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("practitioner", sa.Text(), nullable=False),
        sa.Column("role", sa.Text(), nullable=False),
        sa.Column("subjects", sa.Text(), nullable=False),
        sa.Column("event_type", sa.String(length=40), nullable=False),
        sa.Column("event_type_text", sa.Text(), nullable=False),
        sa.Column("event", sa.Text(), nullable=False),
        sa.Column("outcome", sa.Text(), nullable=False),
        sa.Column("significance", sa.Text(), nullable=False),
        sa.Column("flagged", sa.Boolean(), nullable=False),
        sa.Column("flag_reason", sa.Text(), nullable=False),
        sa.Column("source_row", sa.Integer(), nullable=True),
        sa.Column("source_values", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agency_id"],
            ["agency.id"],
            name=op.f("fk_chronology_entry_agency_id_agency"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["import_id"],
            ["chronology_import.id"],
            name=op.f("fk_chronology_entry_import_id_chronology_import"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["review_id"],
            ["review.id"],
            name=op.f("fk_chronology_entry_review_id_review"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_chronology_entry")),
    )
    with op.batch_alter_table("chronology_entry") as batch_op:
        batch_op.create_index(
            "ix_chronology_entry_agency",
            ["review_id", "agency_id", "sort_date", "sequence"],
            unique=False,
        )
        batch_op.create_index(
            "ix_chronology_entry_order", ["review_id", "sort_date", "sequence"], unique=False
        )

    op.create_table(
        "chronology_entry_theme",
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("theme", sa.String(length=120), nullable=False),
        sa.ForeignKeyConstraint(
            ["entry_id"],
            ["chronology_entry.id"],
            name=op.f("fk_chronology_entry_theme_entry_id_chronology_entry"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("entry_id", "theme", name=op.f("pk_chronology_entry_theme")),
    )
    with op.batch_alter_table("chronology_entry_theme") as batch_op:
        batch_op.create_index(
            batch_op.f("ix_chronology_entry_theme_theme"), ["theme"], unique=False
        )

    op.create_table(
        "key_episode_entry",
        sa.Column("episode_id", sa.Integer(), nullable=False),
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["entry_id"],
            ["chronology_entry.id"],
            name=op.f("fk_key_episode_entry_entry_id_chronology_entry"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["episode_id"],
            ["key_episode.id"],
            name=op.f("fk_key_episode_entry_episode_id_key_episode"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("episode_id", "entry_id", name=op.f("pk_key_episode_entry")),
    )
    with op.batch_alter_table("key_episode_entry") as batch_op:
        batch_op.create_index(
            batch_op.f("ix_key_episode_entry_entry_id"), ["entry_id"], unique=False
        )
    op.create_table(
        "chronology_search",
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("review_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["entry_id"],
            ["chronology_entry.id"],
            name=op.f("fk_chronology_search_entry_id_chronology_entry"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("entry_id", name=op.f("pk_chronology_search")),
    )
    if op.get_bind().dialect.name == "sqlite":
        for ddl in SEARCH_TRIGGERS.values():
            op.execute(ddl)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for trigger in SEARCH_TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    for table in (
        "chronology_search",
        "key_episode_entry",
        "chronology_entry_theme",
        "chronology_entry",
        "chronology_import",
        "key_episode",
        "column_mapping",
    ):
        op.drop_table(table)
