"""Meeting minutes (PDF, DOCX, HTML) and the panel's task list (xlsx), from the meeting services.

The author's private notes on an agenda item are left out here, before any writer sees them
(and the publishing pipeline empties any private field again, whatever the model).
"""

from pathlib import Path

from app.context import AppContext
from app.meetings import list_meetings, list_tasks, meeting_detail
from app.reviews import get_review
from app.vocab import MEETING_STATUSES
from reports.minutes_pdf import (
    MinutesAction,
    MinutesAttendee,
    MinutesDocument,
    MinutesItem,
)
from reports.panel_tasks_xlsx import PanelTaskRow, PanelTasksDocument


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


def export_minutes(ctx: AppContext, meeting_id: int, path: Path) -> int | None:
    """Write a meeting's minutes (.pdf, .docx or .html, by the suffix) through the publishing
    pipeline; returns the page count of a PDF (None for the others)."""
    from app.publishing.pipeline import publish

    meeting = meeting_detail(ctx, meeting_id).meeting
    return publish(ctx, "minutes", path, review_id=meeting.review_id, meeting_id=meeting_id).pages


def tasks_document(ctx: AppContext, review_id: int) -> PanelTasksDocument:
    """The review's panel tasks as plain data."""
    review = get_review(ctx, review_id)
    meetings = {m.id: m.label for m in list_meetings(ctx, review_id)}
    rows = tuple(
        PanelTaskRow(
            text=t.text,
            owner=t.owner,
            due=t.due,
            status=t.status_label,
            meeting=meetings.get(t.meeting_id, "") if t.meeting_id else "",
            done_on=t.done_on,
            overdue=bool(t.days_overdue),
        )
        for t in list_tasks(ctx, review_id)
    )
    return PanelTasksDocument(
        title=f"Panel tasks: {review.reference} {review.title}".strip(),
        review_reference=review.reference,
        protective_marking=review.protective_marking,
        rows=rows,
    )


def export_tasks(ctx: AppContext, review_id: int, path: Path) -> int:
    """Write the review's panel tasks as a workbook; returns the number of tasks."""
    from app.publishing.pipeline import publish

    return publish(ctx, "panel_tasks", path, review_id=review_id).items
