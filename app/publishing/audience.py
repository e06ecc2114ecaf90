"""Who each document is for, and the marking it carries.

Internal documents carry real names and the review's protective marking; documents for
publication are anonymised and carry the marking chosen for publication (none by default).
The Overview Report, Executive Summary and learning brief are for publication unless the
author says otherwise; the chronology, minutes, action tracker and panel tasks are internal.
"""

from dataclasses import dataclass

from sqlalchemy import select

from app.context import AppContext
from app.errors import ValidationError
from app.review_rights import require_change
from db.models import Review
from db.publishing_models import DocumentSetting

AUDIENCES = {"internal": "Internal (real names)", "publication": "For publication (anonymised)"}
PUBLISHED_BY_DEFAULT = frozenset({"overview", "summary", "brief"})
KIND_LABELS = {
    "overview": "Overview Report",
    "summary": "Executive Summary",
    "brief": "Learning brief",
    "chronology": "Integrated chronology",
    "minutes": "Minutes",
    "action_tracker": "Action plan tracker",
    "panel_tasks": "Panel tasks",
}


@dataclass(frozen=True)
class Audience:
    audience: str  # "internal" or "publication"
    marking: str  # as printed on every page ("" prints none)

    @property
    def published(self) -> bool:
        return self.audience == "publication"


def audience_of(ctx: AppContext, review_id: int | None, kind: str) -> Audience:
    """The audience and marking a document of this kind is exported with."""
    if review_id is None:
        return Audience("internal", "")
    with ctx.session() as session:
        setting = session.scalar(
            select(DocumentSetting).where(
                DocumentSetting.review_id == review_id, DocumentSetting.kind == kind
            )
        )
        review_marking = session.scalar(
            select(Review.protective_marking).where(Review.id == review_id)
        )
    if setting is not None:
        marking = setting.marking if setting.audience == "publication" else review_marking
        return Audience(setting.audience, marking or "")
    if kind in PUBLISHED_BY_DEFAULT:
        return Audience("publication", "")
    return Audience("internal", review_marking or "")


def set_audience(
    ctx: AppContext, review_id: int, kind: str, audience: str, marking: str = ""
) -> None:
    """Choose who a document is for (and, for publication, the marking it carries)."""
    if audience not in AUDIENCES:
        raise ValidationError(f"'{audience}' is not an audience (internal or publication).")
    if kind not in KIND_LABELS:
        raise ValidationError(f"'{kind}' is not a document ReviewDesk exports.")
    marking = " ".join(marking.split())
    if len(marking) > 60:
        raise ValidationError("The marking is too long (60 characters at most).")
    require_change(ctx, review_id)
    with ctx.session() as session:
        setting = session.scalar(
            select(DocumentSetting).where(
                DocumentSetting.review_id == review_id, DocumentSetting.kind == kind
            )
        )
        if setting is None:
            setting = DocumentSetting(review_id=review_id, kind=kind)
            session.add(setting)
        setting.audience = audience
        setting.marking = marking
