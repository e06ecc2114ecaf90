"""Ordered child items (lines of enquiry, panel members, challenge questions, recommendations).

Adding, removing, restoring and moving work the same for all of them; a removal returns a
snapshot that ``restore_item`` puts back exactly (same id, same place), which is what undo uses.
"""

from typing import Any

from sqlalchemy import func, inspect, select

from app.context import AppContext
from app.edits import check_reasons, clean_value
from app.errors import NotFoundError, ValidationError
from app.publishing.frozen import refuse_if_issued
from db.chronology_models import KeyEpisode
from db.findings_models import ActionItem, Finding
from db.meeting_models import AgendaItem, Meeting, MeetingAttendee
from db.models import ChallengeQuestion, Imr, LineOfEnquiry, PanelMember, Recommendation, Review
from db.report_models import Report, ReportSection
from db.rows import dependents, restore_dependents

# kind -> (model, parent column, parent model)
ITEM_KINDS: dict[str, tuple[type, str, type]] = {
    "line_of_enquiry": (LineOfEnquiry, "review_id", Review),
    "panel_member": (PanelMember, "review_id", Review),
    "challenge": (ChallengeQuestion, "imr_id", Imr),
    "recommendation": (Recommendation, "imr_id", Imr),
    # Multi-agency recommendations: the review's own, ordered apart from the IMRs' ones.
    "review_recommendation": (Recommendation, "review_id", Review),
    "key_episode": (KeyEpisode, "review_id", Review),
    "finding": (Finding, "review_id", Review),
    "action": (ActionItem, "recommendation_id", Recommendation),
    "report_section": (ReportSection, "report_id", Report),
    "agenda_item": (AgendaItem, "meeting_id", Meeting),
    "attendee": (MeetingAttendee, "meeting_id", Meeting),
}


# Item kinds whose fields are those of another kind.
FIELD_KIND = {"review_recommendation": "recommendation"}


def _spec(kind: str) -> tuple[type, str, type]:
    try:
        return ITEM_KINDS[kind]
    except KeyError:
        raise ValidationError(f"Unknown kind of item: {kind}.") from None


def _siblings(session, model, parent_col: str, parent_id: int) -> list:
    column = getattr(model, parent_col)
    where = [column == parent_id]
    if model is Recommendation and parent_col == "review_id":
        where.append(Recommendation.imr_id.is_(None))
    return list(session.scalars(select(model).where(*where).order_by(model.position, model.id)))


def _renumber(items: list) -> None:
    for index, item in enumerate(items, start=1):
        if item.position != index:
            item.position = index


def add_item(
    ctx: AppContext, kind: str, parent_id: int, values: dict[str, Any], position: int | None = None
) -> int:
    """Add an item at ``position`` (1-based; default last). Returns its id."""
    model, parent_col, parent_model = _spec(kind)
    field_kind = FIELD_KIND.get(kind, kind)
    cleaned = {f: clean_value(field_kind, f, v) for f, v in values.items()}
    with ctx.session() as session:
        parent = session.get(parent_model, parent_id)
        if parent is None:
            raise NotFoundError("The record this belongs to no longer exists.")
        siblings = _siblings(session, model, parent_col, parent_id)
        item = model(**{parent_col: parent_id}, **cleaned)
        check_reasons(field_kind, item)
        if kind == "recommendation":
            item.review_id = parent.agency.review_id
            item.level = "single_agency"
        elif kind == "review_recommendation":
            item.level = "multi_agency"
        index = len(siblings) if position is None else max(0, min(position - 1, len(siblings)))
        siblings.insert(index, item)
        session.add(item)
        item.position = 0
        _renumber(siblings)
        session.flush()
        return item.id


def remove_item(ctx: AppContext, kind: str, item_id: int) -> dict[str, Any]:
    """Delete an item; returns a snapshot for ``restore_item``."""
    model, parent_col, _ = _spec(kind)
    with ctx.session() as session:
        item = session.get(model, item_id)
        if item is None:
            raise NotFoundError(f"That {kind.replace('_', ' ')} no longer exists.")
        snapshot = {c.key: getattr(item, c.key) for c in inspect(model).column_attrs}
        # Links, citations and tags that go with the item, put back by an undo.
        snapshot["_rows"] = dependents(session, model.__table__, snapshot)
        parent_id = getattr(item, parent_col)
        session.delete(item)
        session.flush()
        _renumber(_siblings(session, model, parent_col, parent_id))
        return snapshot


def restore_item(ctx: AppContext, kind: str, snapshot: dict[str, Any]) -> int:
    """Put back a removed item with its old id and place."""
    model, parent_col, parent_model = _spec(kind)
    with ctx.session() as session:
        if session.get(parent_model, snapshot[parent_col]) is None:
            raise NotFoundError("The record this belonged to no longer exists.")
        siblings = _siblings(session, model, parent_col, snapshot[parent_col])
        item = model(**{k: v for k, v in snapshot.items() if not k.startswith("_")})
        index = max(0, min(snapshot["position"] - 1, len(siblings)))
        siblings.insert(index, item)
        session.add(item)
        _renumber(siblings)
        session.flush()
        restore_dependents(session, snapshot.get("_rows", []))
        return item.id


def move_item(ctx: AppContext, kind: str, item_id: int, new_position: int) -> int:
    """Move an item to a 1-based position; returns its old position."""
    model, parent_col, _ = _spec(kind)
    with ctx.session() as session:
        item = session.get(model, item_id)
        if item is None:
            raise NotFoundError(f"That {kind.replace('_', ' ')} no longer exists.")
        refuse_if_issued(session, item)
        siblings = _siblings(session, model, parent_col, getattr(item, parent_col))
        old = siblings.index(item) + 1
        siblings.remove(item)
        siblings.insert(max(0, min(new_position - 1, len(siblings))), item)
        _renumber(siblings)
        return old


def count_items(ctx: AppContext, kind: str, parent_id: int) -> int:
    model, parent_col, _ = _spec(kind)
    with ctx.session() as session:
        return session.scalar(
            select(func.count()).select_from(model).where(getattr(model, parent_col) == parent_id)
        )
