"""The panel's working documents (the integrated chronology, a meeting's minutes) as Word files
and web pages.

Their PDFs stay reportlab layouts made for print (a landscape chronology, compact minutes).
For DOCX and HTML the same data is turned into a ``ReviewDocument`` and written by the review
documents' writers, so there is one Word layout and one web layout for every document kind.
"""

from collections.abc import Callable
from pathlib import Path

from reports.chronology_data import (
    CHRONOLOGY_TITLE,
    DATES_NOTE,
    ChronologyDocument,
    ChronologyRow,
    day_text,
    shown_date,
)
from reports.minutes_pdf import MinutesDocument
from reports.review_document_data import (
    Block,
    Bullets,
    Note,
    Paragraphs,
    ReviewDocument,
    Section,
    Subheading,
    Table,
)

ProgressCallback = Callable[[int, int], None]


def _date_cell(row: ChronologyRow) -> str:
    text = shown_date(row.date_text, row.date_value, row.precision)
    if row.precision == "approximate":
        text += "\n(approximate)"
    elif row.precision == "unknown" and row.date_text.strip():
        text += "\n(date unclear)"
    return f"{text}\n{row.time}" if row.time else text


def _event_cell(row: ChronologyRow) -> str:
    parts = [row.event.strip()]
    if row.outcome.strip():
        parts.append(f"Outcome: {row.outcome.strip()}")
    if row.significance.strip():
        parts.append(f"Significance: {row.significance.strip()}")
    if row.flagged:
        parts.append(f"Flagged: {row.flag_reason.strip() or 'no reason given'}")
    return "\n".join(p for p in parts if p)


def chronology_review_document(doc: ChronologyDocument) -> ReviewDocument:
    """The integrated chronology as a document: a short introduction and the numbered table."""
    who = ", ".join(a for a in doc.agencies if a.strip())
    about = [
        f"{len(doc.rows):,} entries from {len(doc.agencies)} agencies, in date order"
        + (f": {who}." if who else "."),
        f"{DATES_NOTE}; exact dates are shown in one format whichever agency wrote them.",
    ]
    if doc.filters_note.strip():
        about.append(doc.filters_note.strip())
    table = Table(
        ("No.", "Date", "Agency", "Type", "Event and outcome", "Practitioner"),
        tuple(
            (
                str(number),
                _date_cell(row),
                row.agency,
                row.event_type,
                _event_cell(row),
                "\n".join(t for t in (row.practitioner.strip(), row.role.strip()) if t),
            )
            for number, row in enumerate(doc.rows, start=1)
        ),
        (1, 2, 2.5, 2, 8, 2.5),
        "Integrated chronology, by date",
    )
    body: tuple[Block, ...] = (table,) if doc.rows else (Note("The chronology has no entries."),)
    return ReviewDocument(
        kind="chronology",
        kind_label=CHRONOLOGY_TITLE,
        title=doc.review_title or doc.review_reference,
        review_reference=doc.review_reference,
        review_type="",
        subject=doc.subject,
        partnership=doc.partnership,
        author="",
        version_label=f"Exported {day_text(doc.generated_on)}",
        date_label=day_text(doc.generated_on),
        protective_marking=doc.protective_marking,
        draft=False,
        sections=(
            Section("About this chronology", (Paragraphs(tuple(about), numbered=False),)),
            Section("Entries", body),
        ),
        contents=False,
    )


def minutes_review_document(doc: MinutesDocument) -> ReviewDocument:
    """A meeting's minutes as a document: the meeting, attendance, and each agenda item."""
    details = [
        ("Date", day_text(doc.held_on)),
        ("Time", doc.time),
        ("Place", doc.place),
        ("Kind of meeting", doc.kind),
        ("Status", doc.status),
    ]
    attendance = tuple(
        (person.name, person.role, state)
        for state, people in (
            ("Present", doc.present),
            ("Apologies", doc.apologies),
            ("Absent", doc.absent),
            ("Not yet recorded", doc.expected),
        )
        for person in people
    )
    items: list[Block] = []
    for item in doc.items:
        items.append(Subheading(f"{item.number}. {item.title}"))
        if item.refers_to.strip():
            items.append(Note(f"About: {item.refers_to.strip()}"))
        notes = tuple(p for p in item.notes.split("\n\n") if p.strip())
        if notes:
            items.append(Paragraphs(notes, numbered=False))
        if item.decisions:
            items.append(Bullets(item.decisions, ("Decision",) * len(item.decisions)))
        if item.actions:
            items.append(
                Table(
                    ("Action", "Owner", "Due"),
                    tuple((a.text, a.owner, day_text(a.due)) for a in item.actions),
                    (6, 2, 1.5),
                    f"Actions from item {item.number}",
                )
            )
    return ReviewDocument(
        kind="minutes",
        kind_label="Minutes",
        title=doc.meeting_label,
        review_reference=doc.review_reference,
        review_type="",
        subject=doc.review_title,
        partnership="",
        author="",
        version_label=doc.status,
        date_label=day_text(doc.held_on),
        protective_marking=doc.protective_marking,
        draft=False,
        sections=(
            Section(
                "The meeting",
                (Bullets(tuple(v for _, v in details if v), tuple(k for k, v in details if v)),),
            ),
            Section(
                "Attendance",
                (Table(("Name", "Role", "Attendance"), attendance, (3, 3, 2)),)
                if attendance
                else (Note("No attendance has been recorded."),),
            ),
            Section("Items", tuple(items) or (Note("The agenda has no items."),)),
        ),
        contents=False,
    )


def write_chronology_docx(doc: ChronologyDocument, path: Path, on_progress=None) -> None:
    from reports.review_docx import write_review_docx

    write_review_docx(chronology_review_document(doc), path, on_progress)


def write_chronology_html(doc: ChronologyDocument, path: Path, on_progress=None) -> None:
    from reports.review_html import write_review_html

    write_review_html(chronology_review_document(doc), path, on_progress)


def write_minutes_docx(doc: MinutesDocument, path: Path, on_progress=None) -> None:
    from reports.review_docx import write_review_docx

    write_review_docx(minutes_review_document(doc), path, on_progress)


def write_minutes_html(doc: MinutesDocument, path: Path, on_progress=None) -> None:
    from reports.review_html import write_review_html

    write_review_html(minutes_review_document(doc), path, on_progress)
