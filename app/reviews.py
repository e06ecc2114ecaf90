"""Reviews: create, find, list with IMR progress, full detail, delete."""

from datetime import date

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import selectinload

from app.context import AppContext
from app.edits import clean_value
from app.errors import NotFoundError, ValidationError
from app.records import (
    ImrSummary,
    LineOfEnquiryRecord,
    PanelMemberRecord,
    ReviewDetail,
    ReviewSummary,
    days_overdue,
)
from app.review_listing import review_summaries
from app.timescales import notification_due, review_target
from app.vocab import (
    REVIEW_TYPE_ALIASES,
    REVIEW_TYPES,
    parse_choice,
)
from db.models import (
    Agency,
    Attachment,
    ChallengeQuestion,
    Imr,
    LineOfEnquiry,
    Recommendation,
    Review,
)
from db.search import same_text

OPTIONAL_REVIEW_FIELDS = (
    "subject_pseudonym",
    "partnership",
    "protective_marking",
    "status",
    "incident_date",
    "aware_date",
    "notification_date",
    "decision_date",
    "sign_off_date",
    "publication_date",
    "scope_start",
    "scope_end",
    "target_override",
)


def parse_review_type(text: str) -> str:
    try:
        return parse_choice(text, REVIEW_TYPES, REVIEW_TYPE_ALIASES, "review type")
    except ValueError as exc:
        raise ValidationError(str(exc)) from None


def create_review(
    ctx: AppContext,
    *,
    review_type: str,
    reference: str,
    title: str,
    lines_of_enquiry: list[str] | None = None,
    **optional,
) -> int:
    """Create a review and return its id."""
    unknown = set(optional) - set(OPTIONAL_REVIEW_FIELDS)
    if unknown:
        raise ValidationError(f"Unknown review fields: {', '.join(sorted(unknown))}.")
    values = {
        "review_type": clean_value("review", "review_type", review_type),
        "reference": clean_value("review", "reference", reference),
        "title": clean_value("review", "title", title),
    }
    values.update({k: clean_value("review", k, v) for k, v in optional.items()})
    try:
        with ctx.session() as session:
            # The index folds ASCII letters only; Python's casefold covers Ŵ and ŵ as well.
            wanted = values["reference"].casefold()
            if any(r.casefold() == wanted for r in session.scalars(select(Review.reference))):
                raise IntegrityError("reference", None, ValueError("taken"))
            review = Review(**values)
            session.add(review)
            session.flush()
            for position, text in enumerate(lines_of_enquiry or [], start=1):
                review.lines_of_enquiry.append(LineOfEnquiry(text=text, position=position))
            session.flush()
            return review.id
    except IntegrityError as exc:
        raise ValidationError(
            f"Another review already uses the reference '{values['reference']}'."
        ) from exc


def find_review_id(ctx: AppContext, ref: str | int) -> int:
    """A review's id from its reference (exactly, then without regard to case) or its id.

    A reference always wins over an id ("7" is the review whose reference is 7, if there is
    one); a reference matching several reviews is refused rather than guessed.
    """
    with ctx.session() as session:
        text = str(ref).strip()
        exact = same_text(Review.reference, text)  # (case included, on either engine)
        review_id = session.scalar(select(Review.id).where(exact))
        if review_id is None:
            # casefold in Python: SQLite's lower() folds ASCII letters only (not Ŵ or Ł).
            wanted = text.casefold()
            matches = [
                (rid, reference)
                for rid, reference in session.execute(select(Review.id, Review.reference))
                if reference.casefold() == wanted
            ]
            if len(matches) > 1:
                raise ValidationError(
                    f"'{text}' matches the references of several reviews ("
                    + ", ".join(r for _, r in matches)
                    + "): give one exactly as it is written."
                )
            review_id = matches[0][0] if matches else None
        if review_id is None and text.isdigit():
            review_id = session.scalar(select(Review.id).where(Review.id == int(text)))
        if review_id is None:
            raise NotFoundError(f"There is no review with the reference or id '{text}'.")
        return review_id


def _target(review: Review):
    return review_target(
        review.review_type, review.decision_date, review.notification_date, review.target_override
    )


def list_reviews(ctx: AppContext) -> list[ReviewSummary]:
    """Every review, with its IMR counts by status and how many IMRs are overdue."""
    with ctx.session() as session:
        reviews = session.scalars(
            select(Review).order_by(Review.created_at.desc(), Review.id.desc())
        ).all()
        rows = session.execute(
            select(Agency.review_id, Imr.status, Imr.date_due).join(Imr, Imr.agency_id == Agency.id)
        )
        return review_summaries(reviews, rows, ctx.today())


def imr_summaries(session, review_id: int, today: date) -> list[ImrSummary]:
    """IMR board rows of one review, in the agencies' order."""
    open_challenges = dict(
        session.execute(
            select(ChallengeQuestion.imr_id, func.count())
            .join(Imr, Imr.id == ChallengeQuestion.imr_id)
            .join(Agency, Agency.id == Imr.agency_id)
            .where(Agency.review_id == review_id, func.trim(ChallengeQuestion.answer) == "")
            .group_by(ChallengeQuestion.imr_id)
        ).all()
    )
    recs = dict(
        session.execute(
            select(Recommendation.imr_id, func.count())
            .where(Recommendation.review_id == review_id, Recommendation.imr_id.is_not(None))
            .group_by(Recommendation.imr_id)
        ).all()
    )
    attachments = dict(
        session.execute(
            select(Attachment.imr_id, func.count())
            .join(Imr, Imr.id == Attachment.imr_id)
            .join(Agency, Agency.id == Imr.agency_id)
            .where(Agency.review_id == review_id)
            .group_by(Attachment.imr_id)
        ).all()
    )
    rows = session.execute(
        select(Agency, Imr)
        .join(Imr, Imr.agency_id == Agency.id)
        .where(Agency.review_id == review_id)
        .order_by(Agency.position, Agency.id)
    )
    return [
        imr_summary(agency, imr, today, open_challenges, recs, attachments) for agency, imr in rows
    ]


def imr_summary(agency, imr, today, open_challenges, recs, attachments) -> ImrSummary:
    return ImrSummary(
        imr_id=imr.id,
        agency_id=agency.id,
        agency=agency.name,
        sector=agency.sector,
        status=imr.status,
        author_name=imr.author_name,
        author_role=imr.author_role,
        date_requested=imr.date_requested,
        date_due=imr.date_due,
        date_received=imr.date_received,
        date_accepted=imr.date_accepted,
        open_challenges=open_challenges.get(imr.id, 0),
        recommendations=recs.get(imr.id, 0),
        attachments=attachments.get(imr.id, 0),
        days_overdue=days_overdue(imr.status, imr.date_due, today),
    )


def get_review(ctx: AppContext, review_id: int) -> ReviewDetail:
    today = ctx.today()
    with ctx.session() as session:
        review = session.scalar(
            select(Review)
            .where(Review.id == review_id)
            .options(selectinload(Review.lines_of_enquiry), selectinload(Review.panel_members))
        )
        if review is None:
            raise NotFoundError("That review no longer exists.")
        target = _target(review)
        return ReviewDetail(
            id=review.id,
            reference=review.reference,
            title=review.title,
            review_type=review.review_type,
            subject_pseudonym=review.subject_pseudonym,
            partnership=review.partnership,
            protective_marking=review.protective_marking,
            status=review.status,
            incident_date=review.incident_date,
            notification_date=review.notification_date,
            decision_date=review.decision_date,
            scope_start=review.scope_start,
            scope_end=review.scope_end,
            target_override=review.target_override,
            target_date=target.due,
            target_basis=target.basis,
            notification_due=notification_due(review.aware_date),
            aware_date=review.aware_date,
            sign_off_date=review.sign_off_date,
            publication_date=review.publication_date,
            lines_of_enquiry=[
                LineOfEnquiryRecord(x.id, x.position, x.text) for x in review.lines_of_enquiry
            ],
            panel=[
                PanelMemberRecord(m.id, m.position, m.name, m.role, m.organisation)
                for m in review.panel_members
            ],
            imrs=imr_summaries(session, review.id, today),
        )


def delete_review(ctx: AppContext, review_id: int) -> None:
    """Delete a review and everything in it (the audit trail keeps the record of it)."""
    with ctx.session() as session:
        review = session.get(Review, review_id)
        if review is None:
            raise NotFoundError("That review no longer exists.")
        session.delete(review)
