"""The integrated chronology as an Excel workbook (streamed: 50,000 rows in little memory).

Every piece of text is written as a string cell, never a formula ("=SUM(A1)" stays text),
and characters a workbook cannot hold (C0 controls) become U+FFFD, visibly. Exact dates
are real Excel dates (dd/mm/yyyy); dates known only to a month, a year or approximately
are the text the agency wrote, with a real "Date for sorting" beside them.
"""

import re
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from reports.chronology_data import CHRONOLOGY_TITLE, DATES_NOTE, ChronologyDocument

DATE_FORMAT = "dd/mm/yyyy"
# openpyxl refuses C0 controls (its ILLEGAL_CHARACTERS_RE); XML cannot hold lone
# surrogates or U+FFFE/U+FFFF either. All of them are shown as U+FFFD.
_UNWRITABLE_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
MAX_CELL_TEXT = 32_767  # Excel's limit for one cell
# Strings Excel would turn into a formula if someone re-entered the cell: marked as text.
_FORMULA_START = ("=", "+", "-", "@")

# (heading, column width)
COLUMNS = (
    ("Date", 14),
    ("Time", 7),
    ("Agency", 22),
    ("Event type", 20),
    ("Event", 60),
    ("Outcome", 40),
    ("Practitioner", 22),
    ("Role", 18),
    ("Recorded", 12),
    ("Significance", 40),
    ("Themes", 24),
    ("Key episodes", 24),
    ("Flag", 30),
    ("Source", 24),
    ("Source reference", 36),
    ("Date precision", 12),
    ("Date for sorting", 14),
)
HEADER_FILL = PatternFill("solid", fgColor="1F3A5F")
FLAG_FILL = PatternFill("solid", fgColor="FFF1CC")


def clean_text(value: str) -> str:
    """Text a worksheet can hold: unwritable characters as U+FFFD, overlong text marked."""
    if _UNWRITABLE_RE.search(value):
        value = _UNWRITABLE_RE.sub("\ufffd", value)
    if len(value) > MAX_CELL_TEXT:
        # Excel would refuse the file; say so in the cell rather than cut silently.
        template = " … [{:,} more characters do not fit in one Excel cell; see the PDF]"
        keep = MAX_CELL_TEXT - len(template.format(len(value)))
        value = value[:keep] + template.format(len(value) - keep)
    return value


class _CellMaker:
    """Cells sharing one style array per look, so no style lookup happens per cell."""

    def __init__(self, ws) -> None:
        self.ws = ws
        self.text_style = self._style(alignment=Alignment(vertical="top", wrap_text=True))
        self.literal_style = self._style(
            alignment=Alignment(vertical="top", wrap_text=True), quote_prefix=True
        )
        self.date_style = self._style(
            alignment=Alignment(vertical="top", horizontal="left"), number_format=DATE_FORMAT
        )
        self.flag_style = self._style(
            alignment=Alignment(vertical="top", wrap_text=True),
            font=Font(bold=True, color="6B3F00"),
            fill=FLAG_FILL,
        )
        self.header_style = self._style(
            alignment=Alignment(vertical="center", wrap_text=True),
            font=Font(bold=True, color="FFFFFF"),
            fill=HEADER_FILL,
        )

    def _style(self, *, alignment, font=None, fill=None, number_format=None, quote_prefix=False):
        template = WriteOnlyCell(self.ws)
        template.alignment = alignment
        if font is not None:
            template.font = font
        if fill is not None:
            template.fill = fill
        if number_format is not None:
            template.number_format = number_format
        if quote_prefix:
            template.quotePrefix = True
        return template._style

    def text(self, value: str, style=None) -> Cell | None:
        """A string cell (never a formula or an error code), or None for empty text."""
        if not value:
            return None
        value = clean_text(value)
        if style is None:
            style = self.literal_style if value.startswith(_FORMULA_START) else self.text_style
        cell = Cell(self.ws, row=1, column=1, style_array=style)
        cell.value = value
        cell.data_type = "s"  # "=..." would otherwise be written as a formula
        return cell

    def date(self, value) -> Cell | None:
        if value is None:
            return None
        return Cell(self.ws, row=1, column=1, value=value, style_array=self.date_style)


def write_chronology_xlsx(doc: ChronologyDocument, path: Path) -> None:
    """Write the chronology and an About sheet to an .xlsx file at ``path``."""
    wb = Workbook(write_only=True)
    _set_properties(wb, doc)
    ws = wb.create_sheet("Chronology")
    make = _CellMaker(ws)
    _prepare_chronology_sheet(ws, doc, len(doc.rows))
    ws.append([make.text(h, make.header_style) for h, _ in COLUMNS])

    text, date_cell = make.text, make.date
    for row in doc.rows:
        if row.date_value is not None:
            when = date_cell(row.date_value)
        else:
            when = text(row.date_text)
        if row.flagged:
            reason = row.flag_reason.strip()
            flag = text(f"Flagged: {reason}" if reason else "Flagged", make.flag_style)
        else:
            flag = None
        ws.append(
            [
                when,
                text(row.time),
                text(row.agency),
                text(row.event_type),
                text(row.event),
                text(row.outcome),
                text(row.practitioner),
                text(row.role),
                date_cell(row.recorded),
                text(row.significance),
                text(row.themes),
                text(row.episodes),
                flag,
                text(row.source),
                text(row.source_ref),
                text(row.precision),
                date_cell(row.sort_date),
            ]
        )

    _write_about_sheet(wb.create_sheet("About"), doc)
    wb.save(str(path))


def _set_properties(wb: Workbook, doc: ChronologyDocument) -> None:
    props = wb.properties
    props.title = clean_text(f"{CHRONOLOGY_TITLE}: {doc.review_reference} {doc.review_title}")
    props.subject = clean_text(f"{CHRONOLOGY_TITLE} for {doc.subject}".strip())
    props.keywords = clean_text(
        "; ".join(k for k in (doc.protective_marking, doc.review_reference, "chronology") if k)
    )
    props.creator = "ReviewDesk"
    props.category = clean_text(doc.protective_marking)


def _header_footer_text(text: str) -> str:
    # "&" starts a code in Excel's header/footer language; a literal one is "&&".
    return clean_text(" ".join(text.split())).replace("&", "&&")[:100]


def _print_setup(ws: Worksheet, doc: ChronologyDocument) -> None:
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages tall as needed
    marking = _header_footer_text(doc.protective_marking)
    ws.oddHeader.left.text = marking
    ws.oddHeader.right.text = _header_footer_text(doc.review_reference)
    ws.oddFooter.left.text = marking
    ws.oddFooter.center.text = "Page &P of &N"


def _prepare_chronology_sheet(ws, doc: ChronologyDocument, count: int) -> None:
    # Everything but the cells must be set before the first row is streamed.
    for index, (_, width) in enumerate(COLUMNS, 1):
        ws.column_dimensions[get_column_letter(index)].width = width
    ws.freeze_panes = "A2"
    last = get_column_letter(len(COLUMNS))
    ws.auto_filter.ref = f"A1:{last}{count + 1}"
    ws.print_title_rows = "1:1"
    _print_setup(ws, doc)


def _write_about_sheet(ws, doc: ChronologyDocument) -> None:
    make = _CellMaker(ws)
    ws.column_dimensions["A"].width = 22
    ws.column_dimensions["B"].width = 90
    _print_setup(ws, doc)
    label_style = make._style(alignment=Alignment(vertical="top"), font=Font(bold=True))
    lines: list[tuple[str, object]] = [
        ("Document", CHRONOLOGY_TITLE),
        ("Review reference", doc.review_reference),
        ("Review title", doc.review_title),
        ("Subject", doc.subject),
        ("Partnership", doc.partnership),
        ("Protective marking", doc.protective_marking or "None"),
        ("Generated", doc.generated_on),
        ("Number of entries", len(doc.rows)),
        ("Agencies", "\n".join(doc.agencies) if doc.agencies else "None"),
        ("Filters", doc.filters_note or "None: every entry of the chronology"),
        ("Dates", DATES_NOTE),
        ("Date for sorting", "The date used to order the entries (first day of a month etc.)"),
        ("Date precision", "day, month, year, approximate or unknown"),
        ("Produced by", "ReviewDesk"),
    ]
    for label, value in lines:
        if isinstance(value, str):
            cell = make.text(value)
        elif hasattr(value, "year"):
            cell = make.date(value)
        else:
            cell = Cell(ws, row=1, column=1, value=value, style_array=make.text_style)
        ws.append([make.text(label, label_style), cell])
