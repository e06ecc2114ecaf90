"""Meeting minutes (PDF, DOCX, HTML) and the panel's task list (xlsx), built from the meeting services.

The author's private notes on an agenda item are left out here, before any writer sees them.
"""

from pathlib import Path

from app.context import AppContext
from app.errors import UserError
from app.leftovers import note_unfinished
from app.meetings import list_meetings, list_tasks, meeting_detail
from app.reviews import get_review
from app.vocab import MEETING_STATUSES
from reports.minutes_pdf import (
    MinutesAction,
    MinutesAttendee,
    MinutesDocument,
    MinutesItem,
)
from reports.panel_tasks_xlsx import write_tasks_xlsx


def minutes_document(ctx: AppContext, meeting_id: int) -> MinutesDocument:
    """The plain data of a meeting's minutes (never the private notes)."""
    detail = meeting_detail(ctx, meeting_id)
    meeting = detail.meeting
    review = get_review(ctx, meeting.review_id)
    groups: dict[str, list[MinutesAttendee]] = {
        "present": [],
        "apologies": [],
        "absent": [],
        "expected": [],
    }
    for person in detail.attendees:
        groups.setdefault(person.attendance, groups["expected"]).append(
            MinutesAttendee(person.name, person.role)
        )
    items = tuple(
        MinutesItem(
            number=number,
            title=item.title,
            refers_to=item.ref_label,
            notes=item.notes,
            decisions=tuple(d.text for d in item.decisions),
            actions=tuple(MinutesAction(t.text, t.owner, t.due) for t in item.tasks),
        )
        for number, item in enumerate(detail.items, start=1)
    )
    return MinutesDocument(
        review_reference=review.reference,
        review_title=review.title,
        protective_marking=review.protective_marking,
        meeting_label=meeting.label,
        held_on=meeting.held_on,
        time=meeting.time,
        place=meeting.place,
        kind=meeting.kind_label,
        status=MEETING_STATUSES.get(meeting.status, meeting.status),
        present=tuple(groups["present"]),
        apologies=tuple(groups["apologies"]),
        absent=tuple(groups["absent"]),
        expected=tuple(groups["expected"]),
        items=items,
        generated_on=ctx.today(),
    )


def _require_suffix(path: Path, suffix: str) -> None:
    if path.suffix.lower() != suffix:
        raise UserError(f"Choose a file ending in {suffix} (not '{path.name}').")


def _write_atomically(path: Path, write) -> object:
    """Write to ``path.part`` and rename it over ``path`` only once complete."""
    part = path.with_name(path.name + ".part")
    note_unfinished(part)  # removed at the next start if this process is killed
    try:
        result = write(part)
        part.replace(path)
    except OSError as exc:
        raise UserError(f"The file could not be written to {path}: {exc.strerror}.") from None
    finally:
        part.unlink(missing_ok=True)
    return result


def export_minutes(ctx: AppContext, meeting_id: int, path: Path) -> int | None:
    """Write a meeting's minutes as .pdf, .docx or .html (by the suffix); returns the page
    count of a PDF (None for the others)."""
    from reports.writers import UnsupportedFormat, writer_for

    path = Path(path)
    try:
        write = writer_for("minutes", path.suffix)
    except UnsupportedFormat as exc:
        raise UserError(str(exc)) from None
    doc = minutes_document(ctx, meeting_id)
    return _write_atomically(path, lambda part: write(doc, part))


def export_tasks(ctx: AppContext, review_id: int, path: Path) -> int:
    """Write the review's panel tasks as a formatted workbook; returns the number of tasks."""
    path = Path(path)
    _require_suffix(path, ".xlsx")
    review = get_review(ctx, review_id)
    tasks = list_tasks(ctx, review_id)
    meetings = {m.id: m.label for m in list_meetings(ctx, review_id)}
    rows = [
        (
            t.text,
            t.owner,
            t.due,
            t.status_label,
            meetings.get(t.meeting_id, "") if t.meeting_id else "",
            t.done_on,
            bool(t.days_overdue),
        )
        for t in tasks
    ]
    title = f"Panel tasks: {review.reference} {review.title}".strip()
    _write_atomically(path, lambda part: write_tasks_xlsx(rows, title, part))
    return len(rows)
