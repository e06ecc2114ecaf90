"""A complete audit trail: whole rows of creates and deletes, a hash chain; references unique
without regard to case.

Revision ID: 0009
Revises: 0010
Create Date: 2026-11-30
"""

from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

from db.chronology_models import SEARCH_TRIGGERS

revision = "0009"
down_revision = "0010"
branch_labels = None
depends_on = None


def _utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _separate_duplicate_references() -> None:
    """References that differ only in case get a suffix, so the unique index can be made.

    Nothing is lost: the later review keeps its reference with " (2)", " (3)" … added, and the
    change is recorded in the audit trail.
    """
    conn = op.get_bind()
    taken: set[str] = set()
    rows = conn.exec_driver_sql("SELECT id, reference FROM review ORDER BY id").fetchall()
    for _id, reference in rows:
        taken.add(reference.casefold())
    seen: set[str] = set()
    for review_id, reference in rows:
        key = reference.casefold()
        if key not in seen:
            seen.add(key)
            continue
        n = 2
        while f"{reference} ({n})".casefold() in taken:
            n += 1
        renamed = f"{reference} ({n})"
        taken.add(renamed.casefold())
        conn.execute(
            sa.text("UPDATE review SET reference = :ref WHERE id = :id"),
            {"ref": renamed, "id": review_id},
        )
        conn.execute(
            sa.text(
                "INSERT INTO audit_event (at, actor, review_id, action, entity, entity_id, "
                "label, field, old_value, new_value) VALUES (:at, 'ReviewDesk upgrade', :id, "
                "'update', 'review', :id, :label, 'reference', :old, :new)"
            ),
            {"at": _utcnow(), "id": review_id, "label": f"Review {renamed}", "old": reference,
             "new": renamed},
        )  # fmt: skip


def upgrade() -> None:
    with op.batch_alter_table("audit_event") as batch:
        batch.add_column(sa.Column("row_data", sa.Text(), nullable=True))
        batch.add_column(sa.Column("hash", sa.String(length=64), nullable=True))
        batch.create_index("ix_audit_event_entity", ["entity", "entity_id"])
    _separate_duplicate_references()
    if op.get_bind().dialect.name == "postgresql":
        # No NOCASE collation there: citext compares (and keeps unique) without case. Ids come
        # from sequences, never reused, so nothing is rebuilt.
        op.execute("CREATE EXTENSION IF NOT EXISTS citext")
        op.execute("ALTER TABLE review ALTER COLUMN reference TYPE citext")
        op.execute(
            "ALTER TABLE review ADD CONSTRAINT ck_review_reference_length "
            "CHECK (char_length(reference) <= 60)"
        )
        from db.audit import seal_chain

        seal_chain(op.get_bind())
        return
    # AUTOINCREMENT: the id of a deleted review (and so its audit trail) is never reused.
    with op.batch_alter_table(
        "review", recreate="always", table_kwargs={"sqlite_autoincrement": True}
    ) as batch:
        batch.alter_column(
            "reference",
            existing_type=sa.String(length=60),
            type_=sa.String(length=60, collation="NOCASE"),
            existing_nullable=False,
        )
    # The same for chronology entries, which imports write in bulk; the rebuild drops the
    # search trigger, which is made again.
    with op.batch_alter_table(
        "chronology_entry", recreate="always", table_kwargs={"sqlite_autoincrement": True}
    ):
        pass
    for ddl in SEARCH_TRIGGERS.values():
        op.execute(ddl)
    from db.audit import seal_chain

    seal_chain(op.get_bind())


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ALTER TABLE review DROP CONSTRAINT ck_review_reference_length")
        op.execute("ALTER TABLE review ALTER COLUMN reference TYPE varchar(60)")
        with op.batch_alter_table("audit_event") as batch:
            batch.drop_index("ix_audit_event_entity")
            batch.drop_column("hash")
            batch.drop_column("row_data")
        return
    with op.batch_alter_table(
        "chronology_entry", recreate="always", table_kwargs={"sqlite_autoincrement": False}
    ):
        pass
    for ddl in SEARCH_TRIGGERS.values():
        op.execute(ddl)
    with op.batch_alter_table(
        "review", recreate="always", table_kwargs={"sqlite_autoincrement": False}
    ) as batch:
        batch.alter_column(
            "reference",
            existing_type=sa.String(length=60, collation="NOCASE"),
            type_=sa.String(length=60),
            existing_nullable=False,
        )
    with op.batch_alter_table("audit_event") as batch:
        batch.drop_index("ix_audit_event_entity")
        batch.drop_column("hash")
        batch.drop_column("row_data")
