"""Dates that set statutory deadlines, the review's checklist, review themes and conversions.

Revision ID: 0010
Revises: 0006
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Added columns only: SQLite adds them in place, the review table is not rebuilt.
    with op.batch_alter_table("review") as batch_op:
        batch_op.add_column(sa.Column("aware_date", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("sign_off_date", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("publication_date", sa.Date(), nullable=True))

    op.create_table(
        "review_milestone",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("review_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=60), nullable=False),
        sa.Column("done_on", sa.Date(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["review_id"],
            ["review.id"],
            name=op.f("fk_review_milestone_review_id_review"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_review_milestone")),
        sa.UniqueConstraint("review_id", "key", name="uq_review_milestone_key"),
    )
    with op.batch_alter_table("review_milestone") as batch_op:
        batch_op.create_index(
            batch_op.f("ix_review_milestone_review_id"), ["review_id"], unique=False
        )

    op.create_table(
        "review_theme",
        sa.Column("review_id", sa.Integer(), nullable=False),
        sa.Column("theme", sa.String(length=120), nullable=False),
        sa.ForeignKeyConstraint(
            ["review_id"],
            ["review.id"],
            name=op.f("fk_review_theme_review_id_review"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("review_id", "theme", name=op.f("pk_review_theme")),
    )

    op.create_table(
        "review_conversion",
        sa.Column("rapid_review_id", sa.Integer(), nullable=False),
        sa.Column("review_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["rapid_review_id"],
            ["review.id"],
            name=op.f("fk_review_conversion_rapid_review_id_review"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["review_id"],
            ["review.id"],
            name=op.f("fk_review_conversion_review_id_review"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("rapid_review_id", name=op.f("pk_review_conversion")),
    )
    with op.batch_alter_table("review_conversion") as batch_op:
        batch_op.create_index(
            batch_op.f("ix_review_conversion_review_id"), ["review_id"], unique=False
        )


def downgrade() -> None:
    op.drop_table("review_conversion")
    op.drop_table("review_theme")
    op.drop_table("review_milestone")
    with op.batch_alter_table("review") as batch_op:
        batch_op.drop_column("publication_date")
        batch_op.drop_column("sign_off_date")
        batch_op.drop_column("aware_date")
