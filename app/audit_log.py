"""Reading the audit trail of a review, newest first, in words people use."""

from datetime import date

from sqlalchemy import select

from app.context import AppContext
from app.edits import FIELDS
from app.records import AuditRecord
from db.models import AuditEvent

ENTITY_KINDS = {
    "review": "review",
    "line_of_enquiry": "line_of_enquiry",
    "panel_member": "panel_member",
    "agency": "agency",
    "imr": "imr",
    "challenge_question": "challenge",
    "recommendation": "recommendation",
    "chronology_entry": "chronology_entry",
    "key_episode": "key_episode",
    "finding": "finding",
    "action_item": "action",
    "report_section": "report_section",
    "meeting": "meeting",
    "meeting_attendee": "attendee",
    "agenda_item": "agenda_item",
    "panel_task": "panel_task",
}


def field_label(entity: str, field: str | None) -> str:
    """The readable name of a stored field ("date_due" -> "date due")."""
    if not field:
        return ""
    kind = ENTITY_KINDS.get(entity)
    if kind and field in FIELDS[kind][1]:
        return FIELDS[kind][1][field][2]
    return field.replace("_", " ")


def value_label(entity: str, field: str | None, value: str | None) -> str | None:
    """A stored value as people read it: a status label rather than its key, UK dates."""
    kind = ENTITY_KINDS.get(entity)
    if value is None or not kind or not field or field not in FIELDS[kind][1]:
        return value
    ftype, choices, _label = FIELDS[kind][1][field]
    if choices and value in choices:
        choice = choices[value]
        return getattr(choice, "label", choice)
    if ftype == "date":
        try:
            return date.fromisoformat(value).strftime("%d/%m/%Y")
        except ValueError:
            return value
    return value


def list_audit(ctx: AppContext, review_id: int, limit: int = 5000) -> list[AuditRecord]:
    with ctx.session() as session:
        rows = session.scalars(
            select(AuditEvent)
            .where(AuditEvent.review_id == review_id)
            .order_by(AuditEvent.at.desc(), AuditEvent.id.desc())
            .limit(limit)
        )
        return [
            AuditRecord(
                e.at,
                e.actor,
                e.action,
                e.entity,
                e.label,
                e.field,
                value_label(e.entity, e.field, e.old_value),
                value_label(e.entity, e.field, e.new_value),
            )
            for e in rows
        ]
