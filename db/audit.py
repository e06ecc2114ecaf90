"""Audit trail: every ORM flush records who changed what, in the same transaction.

The actor is taken from ``session.info["actor"]``. Rows are written with a Core insert from
``after_flush`` (ids of new rows are known there and the pending changes are still visible),
so a change and its audit record commit or roll back together.
"""

from datetime import date, datetime

from sqlalchemy import event, insert, inspect
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import get_history

from db.base import utcnow
from db.models import AuditEvent

_SKIPPED_FIELDS = {"id", "created_at", "updated_at", "content", "version"}


def _text(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, bytes):
        return f"<{len(value)} bytes>"
    return str(value)


def _audited(obj) -> bool:
    # Checked on the class: evaluating the property here could fail and hide the change.
    return hasattr(type(obj), "audit_label") and not isinstance(obj, AuditEvent)


def _base_row(session: Session, obj, action: str, at: datetime) -> dict:
    try:
        review_id = obj.audit_review_id
        label = obj.audit_label
    except Exception:  # noqa: BLE001 - a half-detached parent must never block a save
        review_id, label = None, type(obj).__name__
    return {
        "at": at,
        "actor": session.info.get("actor") or "unknown",
        "review_id": review_id,
        "action": action,
        "entity": type(obj).__tablename__,
        "entity_id": getattr(obj, "id", None),
        "label": label[:300],
        "field": None,
        "old_value": None,
        "new_value": None,
    }


def _column_keys(obj) -> list[str]:
    return [c.key for c in inspect(type(obj)).column_attrs if c.key not in _SKIPPED_FIELDS]


def _rows_for_flush(session: Session) -> list[dict]:
    at = utcnow()
    rows: list[dict] = []
    for obj in session.new:
        if _audited(obj):
            rows.append(_base_row(session, obj, "create", at))
    for obj in session.dirty:
        if not _audited(obj) or not session.is_modified(obj, include_collections=False):
            continue
        for key in _column_keys(obj):
            hist = get_history(obj, key)
            if not hist.has_changes():
                continue
            old = hist.deleted[0] if hist.deleted else None
            new = hist.added[0] if hist.added else None
            if old == new:
                continue
            row = _base_row(session, obj, "update", at)
            row.update(field=key, old_value=_text(old), new_value=_text(new))
            rows.append(row)
    for obj in session.deleted:
        if _audited(obj):
            rows.append(_base_row(session, obj, "delete", at))
    return rows


def install_audit(session_factory) -> None:
    """Attach the audit listener to a sessionmaker (or Session class)."""

    @event.listens_for(session_factory, "after_flush")
    def _record(session: Session, _flush_context) -> None:
        rows = _rows_for_flush(session)
        if rows:
            session.connection().execute(insert(AuditEvent), rows)
