"""Checking a review out to a laptop store and back in.

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-30

Three new tables, nothing else changes: ``review_checkout`` (a review taken out of this
store), ``review_copy`` and ``review_copy_row`` (a review here that is a copy taken from
another store). The triggers refusing writes to a checked-out review are made from the models
when a store is opened (db/checkout_guard.py), as the audit trail's are.
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "review_checkout",
        sa.Column("review_id", sa.Integer(), nullable=False),
        sa.Column("token", sa.String(length=36), nullable=False),
        sa.Column("holder", sa.String(length=200), nullable=False),
        sa.Column("taken_at", sa.DateTime(), nullable=False),
        sa.Column("destination", sa.String(length=500), nullable=False),
        # The database login that took it (on a shared store): it, the review's chair or the
        # business manager may end the check-out, whatever a SQL client tries.
        sa.Column("login", sa.String(length=200), nullable=False, server_default=""),
        sa.ForeignKeyConstraint(
            ["review_id"],
            ["review.id"],
            name=op.f("fk_review_checkout_review_id_review"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("review_id", name=op.f("pk_review_checkout")),
        sa.UniqueConstraint("token", name=op.f("uq_review_checkout_token")),
    )
    op.create_table(
        "review_copy",
        sa.Column("review_id", sa.Integer(), nullable=False),
        sa.Column("token", sa.String(length=36), nullable=False),
        sa.Column("source", sa.String(length=500), nullable=False),
        sa.Column("source_review_id", sa.Integer(), nullable=False),
        sa.Column("holder", sa.String(length=200), nullable=False),
        sa.Column("taken_at", sa.DateTime(), nullable=False),
        sa.Column("trail_mark", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["review_id"],
            ["review.id"],
            name=op.f("fk_review_copy_review_id_review"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("review_id", name=op.f("pk_review_copy")),
        sa.UniqueConstraint("token", name=op.f("uq_review_copy_token")),
    )
    op.create_table(
        "review_copy_row",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("review_id", sa.Integer(), nullable=False),
        sa.Column("entity", sa.String(length=60), nullable=False),
        sa.Column("local_key", sa.String(length=100), nullable=False),
        sa.Column("source_key", sa.String(length=100), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["review_id"],
            ["review_copy.review_id"],
            name=op.f("fk_review_copy_row_review_id_review_copy"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_review_copy_row")),
    )
    op.create_index(
        "ix_review_copy_row_review_id", "review_copy_row", ["review_id", "entity"], unique=False
    )


def downgrade() -> None:
    op.drop_index("ix_review_copy_row_review_id", table_name="review_copy_row")
    op.drop_table("review_copy_row")
    op.drop_table("review_copy")
    op.drop_table("review_checkout")
