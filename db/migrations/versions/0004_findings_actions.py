"""Findings with their evidence and lines of enquiry, recommendations' addressees and the
board's response, and the action plan with dated progress updates.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "finding",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("review_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("narrative", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("status", sa.String(length=30), nullable=False),
        sa.Column("agreed_on", sa.Date(), nullable=True),
        sa.Column("agreed_at", sa.String(length=200), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["review_id"],
            ["review.id"],
            name=op.f("fk_finding_review_id_review"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_finding")),
    )
    with op.batch_alter_table("finding") as batch_op:
        batch_op.create_index(batch_op.f("ix_finding_review_id"), ["review_id"], unique=False)

    op.create_table(
        "finding_line",
        sa.Column("finding_id", sa.Integer(), nullable=False),
        sa.Column("line_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["finding_id"],
            ["finding.id"],
            name=op.f("fk_finding_line_finding_id_finding"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["line_id"],
            ["line_of_enquiry.id"],
            name=op.f("fk_finding_line_line_id_line_of_enquiry"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("finding_id", "line_id", name=op.f("pk_finding_line")),
    )
    with op.batch_alter_table("finding_line") as batch_op:
        batch_op.create_index(batch_op.f("ix_finding_line_line_id"), ["line_id"], unique=False)

    op.create_table(
        "finding_theme",
        sa.Column("finding_id", sa.Integer(), nullable=False),
        sa.Column("theme", sa.String(length=120), nullable=False),
        sa.ForeignKeyConstraint(
            ["finding_id"],
            ["finding.id"],
            name=op.f("fk_finding_theme_finding_id_finding"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("finding_id", "theme", name=op.f("pk_finding_theme")),
    )
    op.create_table(
        "action_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("recommendation_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("action", sa.Text(), nullable=False),
        sa.Column("lead_agency", sa.String(length=200), nullable=False),
        sa.Column("lead_officer", sa.String(length=200), nullable=False),
        sa.Column("target_date", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=30), nullable=False),
        sa.Column("completion_date", sa.Date(), nullable=True),
        sa.Column("evidence", sa.Text(), nullable=False),
        sa.Column("not_accepted_reason", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["recommendation_id"],
            ["recommendation.id"],
            name=op.f("fk_action_item_recommendation_id_recommendation"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_action_item")),
    )
    with op.batch_alter_table("action_item") as batch_op:
        batch_op.create_index(
            batch_op.f("ix_action_item_recommendation_id"), ["recommendation_id"], unique=False
        )

    op.create_table(
        "finding_evidence",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("finding_id", sa.Integer(), nullable=False),
        sa.Column("entry_id", sa.Integer(), nullable=True),
        sa.Column("episode_id", sa.Integer(), nullable=True),
        sa.Column("imr_id", sa.Integer(), nullable=True),
        sa.Column("section", sa.String(length=40), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["entry_id"],
            ["chronology_entry.id"],
            name=op.f("fk_finding_evidence_entry_id_chronology_entry"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["episode_id"],
            ["key_episode.id"],
            name=op.f("fk_finding_evidence_episode_id_key_episode"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["finding_id"],
            ["finding.id"],
            name=op.f("fk_finding_evidence_finding_id_finding"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["imr_id"], ["imr.id"], name=op.f("fk_finding_evidence_imr_id_imr"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_finding_evidence")),
    )
    with op.batch_alter_table("finding_evidence") as batch_op:
        batch_op.create_index(
            batch_op.f("ix_finding_evidence_entry_id"), ["entry_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_finding_evidence_episode_id"), ["episode_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_finding_evidence_finding_id"), ["finding_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_finding_evidence_imr_id"), ["imr_id"], unique=False)

    op.create_table(
        "recommendation_finding",
        sa.Column("recommendation_id", sa.Integer(), nullable=False),
        sa.Column("finding_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["finding_id"],
            ["finding.id"],
            name=op.f("fk_recommendation_finding_finding_id_finding"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["recommendation_id"],
            ["recommendation.id"],
            name=op.f("fk_recommendation_finding_recommendation_id_recommendation"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "recommendation_id", "finding_id", name=op.f("pk_recommendation_finding")
        ),
    )
    with op.batch_alter_table("recommendation_finding") as batch_op:
        batch_op.create_index(
            batch_op.f("ix_recommendation_finding_finding_id"), ["finding_id"], unique=False
        )

    op.create_table(
        "action_update",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("action_id", sa.Integer(), nullable=False),
        sa.Column("on", sa.Date(), nullable=False),
        sa.Column("by", sa.String(length=200), nullable=False),
        sa.Column("status", sa.String(length=30), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("source", sa.String(length=300), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["action_id"],
            ["action_item.id"],
            name=op.f("fk_action_update_action_id_action_item"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_action_update")),
    )
    with op.batch_alter_table("action_update") as batch_op:
        batch_op.create_index(batch_op.f("ix_action_update_action_id"), ["action_id"], unique=False)

    with op.batch_alter_table("recommendation") as batch_op:
        batch_op.add_column(
            sa.Column("level", sa.String(length=20), nullable=False, server_default="single_agency")
        )
        batch_op.add_column(
            sa.Column("addressee", sa.String(length=200), nullable=False, server_default="")
        )
        batch_op.add_column(
            sa.Column("board_response", sa.String(length=30), nullable=False, server_default="")
        )
        batch_op.add_column(
            sa.Column("response_reason", sa.Text(), nullable=False, server_default="")
        )
        batch_op.add_column(sa.Column("final_number", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("recommendation") as batch_op:
        for column in ("final_number", "response_reason", "board_response", "addressee", "level"):
            batch_op.drop_column(column)
    for table in (
        "action_update",
        "action_item",
        "recommendation_finding",
        "finding_evidence",
        "finding_line",
        "finding_theme",
        "finding",
    ):
        op.drop_table(table)
