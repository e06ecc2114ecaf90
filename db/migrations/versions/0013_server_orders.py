"""The chronology's orders read straight off indexes on the shared store (PostgreSQL only).

Revision ID: 0013
Revises: 0012
Create Date: 2026-11-30

Each order the merged view offers (date, agency, type, practitioner, date recorded) gets an
index holding every column of the order and the entry's id, so the ids come back in order
from the index alone, without sorting 50,000 rows. Type and practitioner are free text of any
length: the index holds their first 100 characters, kept in a stored column (an index entry
must stay small, and PostgreSQL reads an index alone only for plain columns). The date and
agency indexes of the models gain the id. SQLite is left as it is: its indexes hold the id
already (the row id), and every index more would slow its imports.
"""

from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

# Frozen here (the models may change later): see db/ordering.py for the live names.
_PREFIX = 100
_ORDER_COLUMNS = {"type_order": "event_type_text", "practitioner_order": "practitioner"}
_TAIL = "sort_date, sequence, id"
_INDEXES = {
    "ix_chronology_entry_order": f"review_id, {_TAIL}",
    "ix_chronology_entry_agency": f"review_id, agency_id, {_TAIL}",
    "ix_chronology_entry_type_order": f"review_id, type_order, {_TAIL}",
    "ix_chronology_entry_practitioner_order": f"review_id, practitioner_order, {_TAIL}",
    "ix_chronology_entry_recorded_order": f"review_id, (recorded IS NULL), recorded, {_TAIL}",
}
_MODEL_INDEXES = {
    "ix_chronology_entry_order": "review_id, sort_date, sequence",
    "ix_chronology_entry_agency": "review_id, agency_id, sort_date, sequence",
}


def _on_server() -> bool:
    return op.get_bind().dialect.name == "postgresql"


def upgrade() -> None:
    if not _on_server():
        return
    for name, source in _ORDER_COLUMNS.items():
        op.execute(
            f"ALTER TABLE chronology_entry ADD COLUMN {name} text "
            f"GENERATED ALWAYS AS (substr({source}, 1, {_PREFIX})) STORED"
        )
    for name, columns in _INDEXES.items():
        op.execute(f"DROP INDEX IF EXISTS {name}")
        op.execute(f"CREATE INDEX {name} ON chronology_entry ({columns})")


def downgrade() -> None:
    if not _on_server():
        return
    for name in _INDEXES:
        op.execute(f"DROP INDEX IF EXISTS {name}")
    for name, columns in _MODEL_INDEXES.items():
        op.execute(f"CREATE INDEX {name} ON chronology_entry ({columns})")
    for name in _ORDER_COLUMNS:
        op.execute(f"ALTER TABLE chronology_entry DROP COLUMN IF EXISTS {name}")
