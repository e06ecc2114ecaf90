"""Agencies in a review, their IMRs, the IMR workflow, and attached original documents."""

import hashlib
import mimetypes
from datetime import date
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from app.agency_names import agency_key
from app.context import AppContext
from app.edits import FieldChange, apply_fields, clean_value
from app.errors import NotFoundError, UserError, ValidationError
from app.records import (
    AttachmentRecord,
    ChallengeRecord,
    ImrDetail,
    ImrSummary,
    RecommendationRecord,
)
from app.reviews import imr_summary
from app.vocab import IMR_STATUSES, IMR_TRANSITIONS, SECTORS, parse_choice
from db.models import Agency, Attachment, Imr, Review

MAX_ATTACHMENT_BYTES = 200 * 1024 * 1024
IMR_SECTIONS = {
    "summary": "Summary",
    "context": "Contextual information",
    "analysis": "Analysis of involvement",
    "good_practice": "Good practice",
    "lessons": "Lessons learned",
}
# The date a status change stamps, when that date is still empty.
STATUS_DATE = {
    "requested": "date_requested",
    "received": "date_received",
    "accepted": "date_accepted",
}
# How far along the workflow a status is. Stepping back clears the dates of the steps undone
# (accepted -> under challenge clears "accepted"; received -> requested clears "received").
STATUS_RANK = {
    "not_requested": 0,
    "requested": 1,
    "received": 2,
    "under_challenge": 3,
    "accepted": 4,
}


def parse_sector(text: str) -> str:
    try:
        return parse_choice(text, SECTORS, what="sector")
    except ValueError as exc:
        raise ValidationError(str(exc)) from None


def add_agency(ctx: AppContext, review_id: int, name: str, sector: str = "other") -> int:
    """Add an agency (and its IMR record, not yet requested) to a review; returns the IMR id."""
    name = clean_value("agency", "name", name)
    sector = clean_value("agency", "sector", sector)
    try:
        with ctx.session() as session:
            wanted = agency_key(name)
            names = session.scalars(select(Agency.name).where(Agency.review_id == review_id))
            same = next((found for found in names if agency_key(found) == wanted), None)
            if same is not None:
                raise ValidationError(
                    f"This review already has an agency called '{same}' (the same name "
                    "written differently)."
                    if same != name
                    else f"This review already has an agency called '{name}'."
                )
            return new_agency(session, review_id, name, sector).imr.id
    except IntegrityError as exc:
        raise ValidationError(f"This review already has an agency called '{name}'.") from exc


def new_agency(session, review_id: int, name: str, sector: str = "other") -> Agency:
    """Add an agency and its IMR within the caller's transaction (so that a failure later in
    it, an import say, leaves no agency behind)."""
    if session.get(Review, review_id) is None:
        raise NotFoundError("That review no longer exists.")
    position = 1 + (
        session.scalar(select(func.max(Agency.position)).where(Agency.review_id == review_id)) or 0
    )
    agency = Agency(review_id=review_id, name=name, sector=sector, position=position)
    agency.imr = Imr()
    session.add(agency)
    session.flush()
    return agency


def agency_for_import(session, review_id: int, name: str) -> int:
    """A new agency for an import, or the one of that name that someone else's import has
    just made (two people importing returns for the same new agency at once: both land)."""
    try:
        with session.begin_nested():
            return new_agency(session, review_id, name).id
    except IntegrityError:
        made = session.scalar(
            select(Agency.id).where(Agency.review_id == review_id, Agency.name == name)
        )
        if made is None:
            raise
        return made


def remove_agency(ctx: AppContext, agency_id: int) -> None:
    """Remove an agency with its IMR, questions, recommendations and documents."""
    with ctx.session() as session:
        agency = session.get(Agency, agency_id)
        if agency is None:
            raise NotFoundError("That agency no longer exists.")
        session.delete(agency)


def find_agency(ctx: AppContext, review_id: int, name: str) -> int | None:
    """The agency id for a name in a review (case, spacing and accents aside), or None."""
    wanted = agency_key(name)
    with ctx.session() as session:
        rows = session.execute(select(Agency.id, Agency.name).where(Agency.review_id == review_id))
        return next((aid for aid, found in rows if agency_key(found) == wanted), None)


def allowed_statuses(current: str) -> tuple[str, ...]:
    return IMR_TRANSITIONS.get(current, ())


def set_imr_status(
    ctx: AppContext,
    imr_id: int,
    status: str,
    on: date | None = None,
    *,
    seen: dict | None = None,
) -> FieldChange:
    """Move an IMR along the workflow, stamping the matching date if it is empty."""
    if status not in IMR_STATUSES:
        raise ValidationError(f"'{status}' is not an IMR status.")
    with ctx.session() as session:
        imr = session.get(Imr, imr_id)
        if imr is None:
            raise NotFoundError("That IMR no longer exists.")
        current = imr.status
        stamp_field = STATUS_DATE.get(status)
        needs_stamp = stamp_field is not None and getattr(imr, stamp_field) is None
        rank = STATUS_RANK.get(status)
        undone = [
            field
            for step, field in STATUS_DATE.items()
            if rank is not None and STATUS_RANK[step] > rank and getattr(imr, field) is not None
        ]
    if status == current:
        return FieldChange("imr", imr_id, {}, {})
    if status not in allowed_statuses(current):
        raise ValidationError(
            f"An IMR that is '{IMR_STATUSES[current]}' cannot become '{IMR_STATUSES[status]}'."
        )
    values: dict = {"status": status}
    values.update(dict.fromkeys(undone))
    if needs_stamp:
        values[stamp_field] = on or ctx.today()
    return apply_fields(ctx, "imr", imr_id, values, seen=seen)


def get_imr(ctx: AppContext, imr_id: int) -> ImrDetail:
    today = ctx.today()
    with ctx.session() as session:
        imr = session.get(Imr, imr_id)
        if imr is None:
            raise NotFoundError("That IMR no longer exists.")
        agency = imr.agency
        challenges = [
            ChallengeRecord(c.id, c.position, c.question, c.raised_on, c.answer, c.answered_on)
            for c in imr.challenges
        ]
        recs = [RecommendationRecord(r.id, r.position, r.text) for r in imr.recommendations]
        attachments = [
            AttachmentRecord(
                a.id, a.filename, a.media_type, a.size, a.sha256, a.added_at, a.added_by
            )
            for a in imr.attachments
        ]
        summary: ImrSummary = imr_summary(
            agency,
            imr,
            today,
            {imr.id: sum(1 for c in challenges if c.open)},
            {imr.id: len(recs)},
            {imr.id: len(attachments)},
        )
        return ImrDetail(
            summary=summary,
            review_id=agency.review_id,
            date_records_secured=imr.date_records_secured,
            not_required_reason=imr.not_required_reason,
            sections={key: getattr(imr, key) for key in IMR_SECTIONS},
            challenges=challenges,
            recommendations=recs,
            attachments=attachments,
        )


def attach_document(ctx: AppContext, imr_id: int, path: Path | str) -> AttachmentRecord:
    """Copy a file (the IMR as docx or pdf, say) into the store."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise UserError(f"{path.name} is not a file.")
        if size > MAX_ATTACHMENT_BYTES:
            raise UserError(
                f"{path.name} is {size // (1024 * 1024)} MB; documents of up to "
                f"{MAX_ATTACHMENT_BYTES // (1024 * 1024)} MB can be attached."
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise UserError(f"The file {path} does not exist.") from None
    except PermissionError:
        raise UserError(f"ReviewDesk is not allowed to read {path}.") from None
    media_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    with ctx.session() as session:
        if session.get(Imr, imr_id) is None:
            raise NotFoundError("That IMR no longer exists.")
        attachment = Attachment(
            imr_id=imr_id,
            filename=path.name[:260],
            media_type=media_type,
            size=len(data),
            sha256=hashlib.sha256(data).hexdigest(),
            added_by=ctx.actor,
            content=data,
        )
        session.add(attachment)
        session.flush()
        return AttachmentRecord(
            attachment.id,
            attachment.filename,
            attachment.media_type,
            attachment.size,
            attachment.sha256,
            attachment.added_at,
            attachment.added_by,
        )


def save_attachment(ctx: AppContext, attachment_id: int, destination: Path | str) -> Path:
    """Write an attached document back out to a file."""
    destination = Path(destination)
    with ctx.session() as session:
        attachment = session.get(Attachment, attachment_id)
        if attachment is None:
            raise NotFoundError("That document is no longer attached.")
        data = attachment.content
    try:
        destination.write_bytes(data)
    except OSError as exc:
        raise UserError(
            f"The document could not be saved to {destination}: {exc.strerror}."
        ) from None
    return destination


def remove_attachment(ctx: AppContext, attachment_id: int) -> None:
    with ctx.session() as session:
        attachment = session.get(Attachment, attachment_id)
        if attachment is None:
            raise NotFoundError("That document is no longer attached.")
        session.delete(attachment)
