"""Publishing: people register, audiences per document, issued versions, release waivers,
and the template guidance kept apart from a section's text.

Revision ID: 0008
Revises: 0009 (the audit chain and the learning tables landed first)
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0009"
branch_labels = None
depends_on = None


def _review_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["review_id"], ["review.id"], name=op.f(f"fk_{table}_review_id_review"), ondelete="CASCADE"
    )


def _index(table: str) -> None:
    with op.batch_alter_table(table) as batch_op:
        batch_op.create_index(batch_op.f(f"ix_{table}_review_id"), ["review_id"], unique=False)


def upgrade() -> None:
    op.create_table(
        "person",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("review_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("descriptor", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=200), nullable=False),
        sa.Column("variants", sa.Text(), nullable=False),
        sa.Column("date_of_birth", sa.Date(), nullable=True),
        sa.Column("addresses", sa.Text(), nullable=False),
        sa.Column("identifiers", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        _review_fk("person"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person")),
    )
    _index("person")
    op.create_table(
        "document_setting",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("review_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("audience", sa.String(length=20), nullable=False),
        sa.Column("marking", sa.String(length=60), nullable=False),
        _review_fk("document_setting"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_document_setting")),
        sa.UniqueConstraint("review_id", "kind", name="uq_document_setting_review_kind"),
    )
    _index("document_setting")
    op.create_table(
        "issued_version",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("review_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("suffix", sa.String(length=10), nullable=False),
        sa.Column("audience", sa.String(length=20), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("register", sa.Text(), nullable=False),
        sa.Column("issued_at", sa.DateTime(), nullable=False),
        sa.Column("issued_by", sa.String(length=200), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        _review_fk("issued_version"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_issued_version")),
        sa.UniqueConstraint(
            "review_id", "kind", "version", "suffix", name="uq_issued_version_kind_version_suffix"
        ),
    )
    _index("issued_version")
    op.create_table(
        "release_waiver",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("review_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("key", sa.String(length=400), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("waived_by", sa.String(length=200), nullable=False),
        sa.Column("waived_at", sa.DateTime(), nullable=False),
        _review_fk("release_waiver"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_release_waiver")),
        sa.UniqueConstraint("review_id", "kind", "key", name="uq_release_waiver_key"),
    )
    _index("release_waiver")
    with op.batch_alter_table("report_section") as batch_op:
        batch_op.add_column(sa.Column("guidance", sa.Text(), nullable=False, server_default=""))
    with op.batch_alter_table("report_section") as batch_op:
        batch_op.alter_column("guidance", server_default=None)


def downgrade() -> None:
    with op.batch_alter_table("report_section") as batch_op:
        batch_op.drop_column("guidance")
    for table in ("release_waiver", "issued_version", "document_setting", "person"):
        op.drop_table(table)
