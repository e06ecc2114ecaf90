"""A version on the people register, document settings and the review checklist.

Revision ID: 0015
Revises: 0014
Create Date: 2026-11-30

These rows are edited by people too (a register entry's name, descriptor and other names; who
a document is for and its marking; a checklist item's date and note). Their version makes a
change saved from an outdated copy fail instead of overwriting someone else's, as the other
edited rows have since 0011.
"""

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

TABLES = ("person", "document_setting", "review_milestone")


def upgrade() -> None:
    # Plain ALTER TABLE on both engines (rows already there start at version 1).
    for table in TABLES:
        op.add_column(
            table, sa.Column("version", sa.Integer(), nullable=False, server_default=sa.text("1"))
        )


def downgrade() -> None:
    for table in TABLES:
        op.drop_column(table, "version")
