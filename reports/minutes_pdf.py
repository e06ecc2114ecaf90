"""The minutes of a panel meeting as a PDF (A4 portrait, marked pages).

Receives plain data only: the private notes an author keeps on an agenda item are never
part of ``MinutesDocument``, so they cannot reach the page.
"""

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    ListFlowable,
    ListItem,
    Paragraph,
    Table,
    TableStyle,
)

from reports.pdf_common import (
    ACCENT,
    INK,
    MUTED,
    RULE,
    DocumentInfo,
    PageFurniture,
    ReviewDocTemplate,
    para,
    style,
)

MINUTES_TITLE = "Minutes"
HEADER_TEXT = colors.white
ROW_RULE = colors.HexColor("#C4C4C4")


@dataclass(frozen=True)
class MinutesAttendee:
    name: str
    role: str = ""


@dataclass(frozen=True)
class MinutesAction:
    text: str
    owner: str = ""
    due: date | None = None


@dataclass(frozen=True)
class MinutesItem:
    number: int
    title: str
    refers_to: str = ""  # what the item is about, in words ("" for a general item)
    notes: str = ""  # paragraphs separated by blank lines
    decisions: tuple[str, ...] = ()
    actions: tuple[MinutesAction, ...] = ()


@dataclass(frozen=True)
class MinutesDocument:
    review_reference: str
    review_title: str
    protective_marking: str
    meeting_label: str  # e.g. "Panel meeting of 12 March 2026"
    held_on: date
    time: str = ""
    place: str = ""
    kind: str = ""  # the kind of meeting, in words
    status: str = ""  # "Held" or "Planned", in words
    present: tuple[MinutesAttendee, ...] = ()
    apologies: tuple[MinutesAttendee, ...] = ()
    absent: tuple[MinutesAttendee, ...] = ()
    expected: tuple[MinutesAttendee, ...] = ()  # attendance not yet recorded
    items: tuple[MinutesItem, ...] = field(default_factory=tuple)
    generated_on: date | None = None


class _Styles:
    def __init__(self) -> None:
        self.kicker = style("MinKicker", 10, color=MUTED, spaceAfter=2)
        self.title = style("MinTitle", 18, bold=True, color=ACCENT, leading=22, spaceAfter=3)
        self.subtitle = style("MinSubtitle", 11, color=INK, spaceAfter=8)
        self.label = style("MinLabel", 9.5, bold=True, color=INK)
        self.value = style("MinValue", 9.5, color=INK)
        self.section = style(
            "MinSection", 12, bold=True, color=ACCENT, spaceBefore=10, spaceAfter=4
        )
        self.item = style("MinItem", 12, bold=True, color=ACCENT, spaceBefore=12, spaceAfter=2)
        self.refers = style("MinRefers", 9, italic=True, color=MUTED, spaceAfter=4)
        self.body = style("MinBody", 10, leading=13.5, spaceAfter=5)
        self.subhead = style("MinSubhead", 10, bold=True, color=INK, spaceBefore=4, spaceAfter=2)
        self.bullet = style("MinBullet", 10, leading=13.5)
        self.cell = style("MinCell", 9, leading=11.5)
        self.header = style("MinHeader", 9, bold=True, color=HEADER_TEXT, leading=11.5)
        self.muted = style("MinMuted", 9.5, italic=True, color=MUTED)


def uk_date(value: date | None) -> str:
    return f"{value.day} {value:%B %Y}" if value else ""


def write_minutes(doc: MinutesDocument, path: Path | str, on_progress=None) -> int:
    """Write the minutes as a PDF at ``path`` and return its page count."""
    styles = _Styles()
    heading = " – ".join(t for t in (doc.review_reference, doc.review_title) if t.strip())
    furniture = PageFurniture(
        marking=doc.protective_marking,
        header_left=f"{MINUTES_TITLE}: {doc.meeting_label}",
        header_right=doc.review_reference,
        footer_left=doc.review_reference,
    )
    template = ReviewDocTemplate(
        path,
        furniture=furniture,
        info=DocumentInfo(
            title=f"{MINUTES_TITLE}: {doc.meeting_label} – {heading}".strip(" –"),
            subject=f"{MINUTES_TITLE} of the review panel, {doc.review_reference}".strip(", "),
            keywords=(doc.protective_marking, doc.review_reference, "minutes"),
        ),
    )
    story: list[Flowable] = [
        Paragraph(para(heading or "Untitled review"), styles.kicker),
        Paragraph(para(f"{MINUTES_TITLE}: {doc.meeting_label}"), styles.title),
        _details(doc, styles, template.width),
        *_attendance(doc, styles, template.width),
    ]
    if doc.items:
        story.append(Paragraph("Agenda and minutes", styles.section))
        for item in doc.items:
            story.extend(_item(item, styles, template.width))
    else:
        story.append(Paragraph("No agenda items were recorded.", styles.muted))
    return template.build_furnished(story)


def _details(doc: MinutesDocument, styles: _Styles, width: float) -> Table:
    rows = [
        ("Meeting", doc.kind),
        ("Date", uk_date(doc.held_on)),
        ("Time", doc.time),
        ("Place", doc.place),
        ("Status", doc.status),
    ]
    if doc.protective_marking:
        rows.append(("Marking", doc.protective_marking))
    table = Table(
        [
            [Paragraph(para(k), styles.label), Paragraph(para(v), styles.value)]
            for k, v in rows
            if str(v).strip()
        ],
        colWidths=[28 * mm, width - 28 * mm],
        hAlign="LEFT",
        style=TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ]
        ),
    )
    return table


def _people(people: tuple[MinutesAttendee, ...], styles: _Styles, width: float) -> Table:
    rows = [
        [Paragraph(para(p.name), styles.value), Paragraph(para(p.role), styles.muted)]
        for p in people
    ]
    return Table(
        rows,
        colWidths=[70 * mm, width - 70 * mm],
        hAlign="LEFT",
        style=TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ]
        ),
    )


def _attendance(doc: MinutesDocument, styles: _Styles, width: float) -> list[Flowable]:
    out: list[Flowable] = []
    groups = [("Present", doc.present), ("Apologies", doc.apologies), ("Absent", doc.absent)]
    if doc.expected:
        groups.append(("Invited (attendance not recorded)", doc.expected))
    for heading, people in groups:
        if heading != "Present" and not people:
            continue
        body: Flowable = (
            _people(people, styles, width)
            if people
            else Paragraph("No attendance recorded.", styles.muted)
        )
        out.append(KeepTogether([Paragraph(para(heading), styles.section), body]))
    return out


def _paragraphs(text: str) -> list[str]:
    chunks = [c.strip() for c in text.replace("\r\n", "\n").split("\n\n")]
    return [c for c in chunks if c]


def _says_the_same(title: str, refers_to: str) -> bool:
    """Whether the heading already names what the item refers to ("IMR: X" and "IMR of X")."""
    subject = refers_to.split(": ", 1)[-1].removeprefix("IMR of ").strip().casefold()
    return bool(subject) and subject in title.casefold()


def _item(item: MinutesItem, styles: _Styles, width: float) -> list[Flowable]:
    head: list[Flowable] = [Paragraph(para(f"{item.number}. {item.title}"), styles.item)]
    if item.refers_to.strip() and not _says_the_same(item.title, item.refers_to):
        head.append(Paragraph(para(f"Refers to: {item.refers_to}"), styles.refers))
    body: list[Flowable] = [Paragraph(para(p), styles.body) for p in _paragraphs(item.notes)]
    if not body and not item.decisions and not item.actions:
        body.append(Paragraph("Nothing was minuted under this item.", styles.muted))
    # Keep the heading with the first thing under it, so no heading ends a page.
    out: list[Flowable] = [KeepTogether(head + body[:1]), *body[1:]]
    if item.decisions:
        bullets = ListFlowable(
            [ListItem(Paragraph(para(d), styles.bullet), leftIndent=12) for d in item.decisions],
            bulletType="bullet",
            start="•",
            leftIndent=12,
            bulletFontSize=9,
        )
        out.append(KeepTogether([Paragraph("Decisions", styles.subhead), bullets]))
    if item.actions:
        out.append(
            KeepTogether(
                [Paragraph("Actions", styles.subhead), _actions(item.actions, styles, width)]
            )
        )
    return out


def _actions(actions: tuple[MinutesAction, ...], styles: _Styles, width: float) -> Table:
    from reports.chronology_data import day_text
    from reports.table_widths import column_widths

    columns = ("Action", "Owner", "Due")
    cells = [(a.text, a.owner or "Not assigned", day_text(a.due) or "—") for a in actions]
    rows = [[Paragraph(h, styles.header) for h in columns]]
    rows += [[Paragraph(para(value), styles.cell) for value in row] for row in cells]
    return Table(
        rows,
        colWidths=column_widths(columns, cells, width, size=9, padding=8, hint=(6, 2.5, 1)),
        repeatRows=1,
        hAlign="LEFT",
        style=TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BACKGROUND", (0, 0), (-1, 0), ACCENT),
                ("LINEBELOW", (0, 1), (-1, -1), 0.4, ROW_RULE),
                ("BOX", (0, 0), (-1, -1), 0.4, RULE),
                ("LEFTPADDING", (0, 0), (-1, -1), 4),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        ),
    )
