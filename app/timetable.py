"""Each review's checklist of notifications and approvals, read from and marked in the store.

The rules and their due dates are worked out in ``app.statutory_steps``.
"""

from datetime import date

from sqlalchemy import delete, select

from app.context import AppContext
from app.errors import NotFoundError, ValidationError
from app.review_listing import review_checklists
from app.statutory_steps import (  # noqa: F401  (re-exported: the rules' callers use these names)
    ANCHORS,
    BASES,
    ChecklistItem,
    Rule,
    Source,
    all_sources,
    build_checklist,
    deadline_json,
    due_date,
    next_deadline,
    review_anchors,
    rules_for,
)
from db.learning_models import ReviewConversion, ReviewMilestone
from db.models import Review


def _done(session, review_id: int) -> dict[str, tuple[date, str]]:
    rows = session.scalars(select(ReviewMilestone).where(ReviewMilestone.review_id == review_id))
    return {m.key: (m.done_on, m.note) for m in rows}


def checklist(ctx: AppContext, review_id: int) -> list[ChecklistItem]:
    with ctx.session() as session:
        review = session.get(Review, review_id)
        if review is None:
            raise NotFoundError("That review no longer exists.")
        return build_checklist(
            review.review_type, review_anchors(review), _done(session, review_id), ctx.today()
        )


def checklists_by_review(ctx: AppContext) -> dict[int, list[ChecklistItem]]:
    """Every review's checklist, in two queries (for the list of reviews)."""
    with ctx.session() as session:
        milestones = [
            (m.review_id, m.key, m.done_on, m.note)
            for m in session.scalars(select(ReviewMilestone))
        ]
        return review_checklists(session.scalars(select(Review)), milestones, ctx.today())


def mark_done(
    ctx: AppContext, review_id: int, key: str, done_on: date | None, note: str = ""
) -> None:
    """Record a checklist item as done on a date, or (``done_on`` None) as not done."""
    with ctx.session() as session:
        review = session.get(Review, review_id)
        if review is None:
            raise NotFoundError("That review no longer exists.")
        if key not in {r.key for r in rules_for(review.review_type)}:
            raise ValidationError(f"'{key}' is not on the checklist of this kind of review.")
        existing = session.scalar(
            select(ReviewMilestone).where(
                ReviewMilestone.review_id == review_id, ReviewMilestone.key == key
            )
        )
        if done_on is None:
            if existing is not None:
                session.delete(existing)
            return
        if existing is None:
            session.add(ReviewMilestone(review_id=review_id, key=key, done_on=done_on, note=note))
        else:
            existing.done_on, existing.note = done_on, note


def link_conversion(ctx: AppContext, rapid_review_id: int, review_id: int | None) -> None:
    """Link a rapid review to the local review it became (None removes the link)."""
    with ctx.session() as session:
        rapid = session.get(Review, rapid_review_id)
        if rapid is None:
            raise NotFoundError("That review no longer exists.")
        if rapid.review_type != "rapid":
            raise ValidationError("Only a rapid review can be converted into a local review.")
        session.execute(
            delete(ReviewConversion).where(ReviewConversion.rapid_review_id == rapid_review_id)
        )
        if review_id is None:
            return
        target = session.get(Review, review_id)
        if target is None:
            raise NotFoundError("The local review to link no longer exists.")
        if target.id == rapid.id or target.review_type == "rapid":
            raise ValidationError("A rapid review converts into a local review, not a rapid one.")
        session.add(ReviewConversion(rapid_review_id=rapid_review_id, review_id=review_id))


def conversions(ctx: AppContext) -> dict[int, int]:
    """rapid review id -> the local review it became."""
    with ctx.session() as session:
        return dict(
            session.execute(
                select(ReviewConversion.rapid_review_id, ReviewConversion.review_id)
            ).all()
        )
