"""The integrated chronology as a printable PDF (A4 landscape, one table, marked pages).

Long entries: a long entry that does not fit at the foot of a page, or is taller than a
page, is cut into several table rows between lines; each cut row ends "(continued…)" and
the next repeats the date and agency with "(…continued)", so no text is ever dropped or
truncated (and reportlab never meets a row taller than a page, which it refuses with
LayoutError). reportlab's own ``splitInRow`` is not used: with a long table it repeats the
header row in the middle of pages.

Limitations: reportlab does not shape complex scripts, so Arabic (and other joining or
right-to-left scripts) is drawn with unjoined letters in logical order; the characters
are in the text layer and searchable. Characters DejaVu Sans lacks (e.g. Chinese) appear
as empty boxes.
"""

from collections.abc import Callable
from datetime import date
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from reports.chronology_data import (
    CHRONOLOGY_TITLE,
    DATES_NOTE,
    ChronologyDocument,
    ChronologyRow,
    shown_date,
)
from reports.fonts import SANS_CONDENSED
from reports.pdf_common import (
    ACCENT,
    INK,
    MUTED,
    DocumentInfo,
    PageFurniture,
    ReviewDocTemplate,
    para,
    paragraphs,
    style,
)
from reports.pdf_table import Padding, PagedRow, PagedTable, PageOfRows, measure_row, split_cell

ProgressCallback = Callable[[int, int], None]

PAGE_SIZE = landscape(A4)
CELL_FAMILY = SANS_CONDENSED
CELL_SIZE = 8.5
HEADER_SIZE = CELL_SIZE + 0.5  # the header row's words, bold
CELL_LEADING = 10.5
PADDING = Padding(left=4, right=4, top=3, bottom=4)
FLAG_TINT = colors.HexColor("#FFF1CC")  # light amber behind a flagged entry
FLAG_BAR = colors.HexColor("#C98A00")
FLAG_INK = colors.HexColor("#6B3F00")  # dark amber-brown text, > 7:1 on the tint
ROW_RULE = colors.HexColor("#C4C4C4")
HEADER_TEXT = colors.white

# (heading, width in points); "Event and outcome" takes what is left of the frame.
COLUMNS = (
    ("Date", 66),
    ("Agency", 104),
    ("Type", 92),
    ("Event and outcome", None),
    ("Practitioner", 122),
)
# An entry taller than this share of the body frame may be cut between lines, at the foot
# of a page with MIN_CUT_ROOM points left or where it is taller than a page.
CUT_FROM = 0.2
MIN_CUT_ROOM = 5 * CELL_LEADING

CONTINUED_AFTER = "(continued…)"
CONTINUED_BEFORE = "(…continued)"

_TABLE_COMMANDS = (
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ("BACKGROUND", (0, 0), (-1, 0), ACCENT),
    ("LINEBELOW", (0, 1), (-1, -1), 0.4, ROW_RULE),
)
# Per row (row 0 = the row itself): a tint and a bar down the left edge.
_FLAG_COMMANDS = (
    ("BACKGROUND", (0, 0), (-1, 0), FLAG_TINT),
    ("LINEBEFORE", (0, 0), (0, 0), 3, FLAG_BAR),
)


class _Styles:
    def __init__(self) -> None:
        cell = dict(family=CELL_FAMILY, leading=CELL_LEADING)
        self.cell = style("ChronCell", CELL_SIZE, **cell)
        self.outcome = style("ChronOutcome", CELL_SIZE, spaceBefore=3, **cell)
        self.significance = style(
            "ChronSignificance", CELL_SIZE, italic=True, color=MUTED, spaceBefore=3, **cell
        )
        self.flag = style("ChronFlag", CELL_SIZE, bold=True, color=FLAG_INK, spaceBefore=3, **cell)
        self.marker = style("ChronMarker", CELL_SIZE - 0.5, italic=True, color=MUTED, **cell)
        self.header = style("ChronHeader", HEADER_SIZE, bold=True, color=HEADER_TEXT, **cell)
        self.kicker = style("ChronKicker", 10, color=MUTED, spaceAfter=2)
        self.title = style("ChronTitle", 17, bold=True, color=ACCENT, leading=21, spaceAfter=8)
        self.label = style("ChronLabel", 9, bold=True, color=INK)
        self.value = style("ChronValue", 9, color=INK)
        self.note = style("ChronNote", 8.5, italic=True, color=MUTED, spaceBefore=6)


def write_chronology_pdf(
    doc: ChronologyDocument, path: Path, *, on_progress: ProgressCallback | None = None
) -> int:
    """Write the chronology as a PDF at ``path`` and return its page count.

    ``on_progress(done, total)`` is called as pages fill: ``done`` of the ``total``
    entries are laid out (it starts at 0 and ends with ``done == total``).
    """
    styles = _Styles()
    furniture = PageFurniture(
        marking=doc.protective_marking,
        header_left=f"{CHRONOLOGY_TITLE}: {doc.subject}" if doc.subject else CHRONOLOGY_TITLE,
        header_right=doc.review_reference,
        footer_left=f"{doc.review_reference} · generated {_uk_date(doc.generated_on)}",
    )
    template = _ChronologyTemplate(
        path,
        furniture=furniture,
        info=DocumentInfo(
            title=f"{CHRONOLOGY_TITLE}: {doc.review_reference} {doc.review_title}".strip(),
            subject=f"{CHRONOLOGY_TITLE} for {doc.subject}" if doc.subject else CHRONOLOGY_TITLE,
            keywords=(doc.protective_marking, doc.review_reference, "chronology"),
        ),
        pagesize=PAGE_SIZE,
    )
    template.progress = progress = _Progress(on_progress, len(doc.rows))
    progress.report(0)
    story = [*_title_block(doc, styles), _entries_table(doc.rows, template, styles)]
    pages = template.build_furnished(story)
    progress.report(progress.total)
    return pages


class _Progress:
    def __init__(self, callback: ProgressCallback | None, total: int) -> None:
        self.callback, self.total, self.done = callback, total, 0

    def report(self, done: int) -> None:
        done = min(max(done, self.done), self.total)
        self.done = done
        if self.callback is not None:
            self.callback(done, self.total)


class _ChronologyTemplate(ReviewDocTemplate):
    """Reports progress as the entries are placed on pages."""

    progress: _Progress

    def afterFlowable(self, flowable):
        if isinstance(flowable, PageOfRows) and flowable.keys:
            self.progress.report(flowable.keys[-1] + 1)
        elif isinstance(flowable, PagedTable):  # the last rows, drawn in one piece
            self.progress.report(self.progress.total)


def _uk_date(value: date) -> str:
    return f"{value.day} {value:%B %Y}"


def _title_block(doc: ChronologyDocument, styles: _Styles) -> list[Flowable]:
    heading = " – ".join(t for t in (doc.review_reference, doc.review_title) if t.strip())
    details = [
        ("Subject", doc.subject),
        ("Partnership", doc.partnership),
        ("Generated", _uk_date(doc.generated_on)),
        ("Entries", f"{len(doc.rows):,}"),
        ("Agencies", ", ".join(doc.agencies) if doc.agencies else "None"),
    ]
    if doc.filters_note:
        details.append(("View", doc.filters_note))
    if doc.protective_marking:
        details.append(("Marking", doc.protective_marking))
    table = Table(
        [[Paragraph(para(k), styles.label), Paragraph(para(v), styles.value)] for k, v in details],
        colWidths=[28 * mm, 200 * mm],
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
    note = f"{DATES_NOTE}, in italics. Flagged entries are shaded and marked ⚑."
    return [
        Paragraph(para(CHRONOLOGY_TITLE), styles.kicker),
        Paragraph(para(heading or "Untitled review"), styles.title),
        table,
        Paragraph(para(note), styles.note),
        Spacer(1, 5 * mm),
    ]


# ---- the entries table --------------------------------------------------------------


def _column_widths(entries: list[ChronologyRow], frame_width: float) -> list[float]:
    """Widths from the content (no word or date broken inside), the ``COLUMNS`` widths as
    the weights between the long columns."""
    from reports.table_widths import column_widths

    cells = [
        (
            shown_date(e.date_text, e.date_value, e.precision),
            e.agency,
            e.event_type,
            f"{e.event} {e.outcome}",
            f"{e.practitioner} {e.role}",
        )
        for e in entries
    ]
    # What the table itself adds: the markers of a cut entry, the date's notes.
    cells.append((CONTINUED_BEFORE + " (approx.)", CONTINUED_BEFORE, "", CONTINUED_AFTER, ""))
    fixed = sum(w for _, w in COLUMNS if w)
    hint = [w if w else frame_width - fixed for _, w in COLUMNS]
    padding = PADDING.left + PADDING.right
    return column_widths(
        [h for h, _ in COLUMNS],
        cells,
        frame_width,
        size=CELL_SIZE,
        padding=padding,
        condensed=True,
        hint=hint,
        header_size=HEADER_SIZE,
    )


def _date_markup(row: ChronologyRow) -> str:
    exact = row.precision == "day" and row.date_value is not None
    text = para(
        shown_date(row.date_text, row.date_value, row.precision) if exact else row.date_text
    )
    if row.precision == "approximate":
        shown = f"<i>{text}</i><br/><i>(approx.)</i>" if text else "<i>(approx.)</i>"
    elif row.precision == "unknown" or not text:
        shown = f"<i>{text}</i><br/><i>(date unclear)</i>" if text else "<i>Date not known</i>"
    else:
        shown = text
    if row.time:
        shown += f'<br/><font color="#4D4D4D">{para(row.time)}</font>'
    return shown


def _cells(row: ChronologyRow, styles: _Styles) -> list[list[Flowable]]:
    event = paragraphs(row.event, styles.cell)
    if row.outcome.strip():
        event += paragraphs(row.outcome, styles.outcome, "<b>Outcome:</b> ")
    if row.significance.strip():
        event += paragraphs(row.significance, styles.significance, "Significance: ")
    if row.flagged:
        reason = para(row.flag_reason) if row.flag_reason.strip() else "no reason given"
        event.append(Paragraph("⚑ Flagged: " + reason, styles.flag))
    who = para(row.practitioner)
    if row.role.strip():
        role = f'<font color="#4D4D4D">{para(row.role)}</font>'
        who = f"{who}<br/>{role}" if who else role
    return [
        [Paragraph(_date_markup(row), styles.cell)],
        [Paragraph(para(row.agency), styles.cell)],
        [Paragraph(para(row.event_type), styles.cell)],
        event,
        [Paragraph(who, styles.cell)],
    ]


class _EntryRows:
    """Turns entries into measured table rows that can be cut between lines.

    Any entry taller than ``cut_from`` is cut where it does not fit: at the foot of a page
    (so a long entry starts where the previous one ended instead of leaving the rest of
    the page empty) and wherever it is taller than a whole page.
    """

    def __init__(self, widths: list[float], styles: _Styles, cut_from: float):
        self.widths, self.styles, self.cut_from = widths, styles, cut_from
        self.inner = [w - PADDING.left - PADDING.right for w in widths]
        marker_height = Paragraph(CONTINUED_AFTER, styles.marker).wrap(self.inner[3], 1000)[1]
        self.chrome = PADDING.top + PADDING.bottom + marker_height

    def row(self, index: int, entry: ChronologyRow) -> PagedRow:
        return self._row(index, entry, _cells(entry, self.styles))

    def _row(self, index: int, entry: ChronologyRow, cells: list[list[Flowable]]) -> PagedRow:
        commands = _FLAG_COMMANDS if entry.flagged else ()
        height = measure_row(cells, self.widths, PADDING)
        row = PagedRow(cells, height, index, commands)
        if height > self.cut_from:
            row.cutter = lambda room: self._cut(index, entry, cells, room)
        return row

    def _marker(self, markup: str) -> Paragraph:
        marker = Paragraph(markup, self.styles.marker)
        marker.is_marker = True
        return marker

    def _cut(self, index: int, entry: ChronologyRow, cells, room: float):
        """(the part of the row that fits in ``room``, the rest), or None."""
        halves = [
            split_cell(c, w, room - self.chrome) for c, w in zip(cells, self.inner, strict=True)
        ]
        continuing = [(f, r) for f, r in halves if r]
        if not continuing or not any(f for f, _ in continuing):
            return None  # it fits after all, or nothing of what continues fits
        if all(getattr(item, "is_marker", False) for _, r in continuing for item in r):
            return None  # only a "(continued…)" would move on

        first = [f + [self._marker(CONTINUED_AFTER)] if r else f for f, r in halves]
        rest = [list(r) for _, r in halves]
        # Repeat the date and agency (muted) so each piece can be read on its own.
        if not rest[0]:
            rest[0] = [self._marker(_date_markup(entry))]
        rest[0].append(self._marker(CONTINUED_BEFORE))
        if not rest[1]:
            rest[1] = [self._marker(para(entry.agency))]
        return self._row(index, entry, first), self._row(index, entry, rest)


def _entries_table(
    entries: list[ChronologyRow], template: _ChronologyTemplate, styles: _Styles
) -> PagedTable:
    widths = _column_widths(entries, template.width)
    header = [[Paragraph(para(h), styles.header)] for h, _ in COLUMNS]
    maker = _EntryRows(widths, styles, cut_from=CUT_FROM * template.height)
    return PagedTable(
        header,
        lambda index: maker.row(index, entries[index]),
        len(entries),
        widths,
        padding=PADDING,
        commands=_TABLE_COMMANDS,
        min_cut_room=MIN_CUT_ROOM,
    )
