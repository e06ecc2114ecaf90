"""The integrated chronology as an Excel workbook (streamed: 50,000 rows in little memory).

Every piece of text is written as a string cell, never a formula ("=SUM(A1)" stays text),
and characters a workbook cannot hold (C0 controls) become U+FFFD, visibly. Exact dates
are real Excel dates (dd/mm/yyyy); dates known only to a month, a year or approximately
are the text the agency wrote, with a real "Date for sorting" beside them.
"""

import re
from datetime import date
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
# Strings Excel would read as a formula if someone re-entered the cell get quotePrefix.
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
FLAG_COLUMN = 12  # 0-based
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


def write_chronology_xlsx(doc: ChronologyDocument, path: Path, on_progress=None) -> None:
    """Write the chronology and an About sheet to an .xlsx file at ``path``."""
    wb = Workbook(write_only=True)
    _set_properties(wb, doc)
    ws = wb.create_sheet("Chronology")
    styles = _Styles(ws)
    _prepare_chronology_sheet(ws, doc, len(doc.rows))
    ws.append([_string_cell(ws, styles.header, heading) for heading, _ in COLUMNS])

    cells = _RowCells(ws, styles, len(COLUMNS))
    text, date_cell = cells.text, cells.date
    for row in doc.rows:
        if row.flagged:
            reason = row.flag_reason.strip()
            flag = cells.flag(FLAG_COLUMN, f"Flagged: {reason}" if reason else "Flagged")
        else:
            flag = None
        ws.append(
            [
                date_cell(0, row.date_value)
                if row.date_value is not None
                else text(0, row.date_text),
                text(1, row.time),
                text(2, row.agency),
                text(3, row.event_type),
                text(4, row.event),
                text(5, row.outcome),
                text(6, row.practitioner),
                text(7, row.role),
                date_cell(8, row.recorded),
                text(9, row.significance),
                text(10, row.themes),
                text(11, row.episodes),
                flag,
                text(13, row.source),
                text(14, row.source_ref),
                text(15, row.precision),
                date_cell(16, row.sort_date),
            ]
        )

    _write_about_sheet(wb.create_sheet("About"), doc)
    wb.save(str(path))


class _Styles:
    """One style array per look, made once; cells copy it instead of looking styles up."""

    def __init__(self, ws) -> None:
        wrap_top = Alignment(vertical="top", wrap_text=True)
        self.text = self._make(ws, alignment=wrap_top)
        self.literal = self._make(ws, alignment=wrap_top, quote_prefix=True)
        self.date = self._make(
            ws, alignment=Alignment(vertical="top", horizontal="left"), number_format=DATE_FORMAT
        )
        self.flag = self._make(
            ws, alignment=wrap_top, font=Font(bold=True, color="6B3F00"), fill=FLAG_FILL
        )
        self.header = self._make(
            ws,
            alignment=Alignment(vertical="center", wrap_text=True),
            font=Font(bold=True, color="FFFFFF"),
            fill=HEADER_FILL,
        )
        self.label = self._make(ws, alignment=Alignment(vertical="top"), font=Font(bold=True))

    @staticmethod
    def _make(ws, *, alignment, font=None, fill=None, number_format=None, quote_prefix=False):
        template = WriteOnlyCell(ws)
        template.alignment = alignment
        if font is not None:
            template.font = font
        if fill is not None:
            template.fill = fill
        if number_format is not None:
            template.number_format = number_format
        if quote_prefix:
            template.quotePrefix = True  # Excel keeps "=..." as text even when re-entered
        return template._style


def _string_cell(ws, style, text: str | None = None, column: int = 1) -> Cell:
    """A cell that always holds a string: never a formula ("=...") or error code ("#N/A")."""
    cell = Cell(ws, row=1, column=column, style_array=style)
    cell.data_type = "s"
    if text is not None:
        # Set as openpyxl's own readers do: assigning .value would re-type the text.
        cell._value = clean_text(text)
    return cell


def _date_cell(ws, style, value: date | None = None, column: int = 1) -> Cell:
    cell = Cell(ws, row=1, column=column, style_array=style)
    cell.data_type = "d"
    cell._value = value
    return cell


class _RowCells:
    """One reusable cell per column and look.

    A write-only sheet serialises a row inside ``append``, so the same cell objects can
    carry the next row's values: no cell or style is created per value.
    """

    def __init__(self, ws, styles: _Styles, columns: int) -> None:
        numbers = range(1, columns + 1)
        self._text = [_string_cell(ws, styles.text, column=n) for n in numbers]
        self._literal = [_string_cell(ws, styles.literal, column=n) for n in numbers]
        self._date = [_date_cell(ws, styles.date, column=n) for n in numbers]
        self._flag = [_string_cell(ws, styles.flag, column=n) for n in numbers]

    def text(self, column: int, value: str) -> Cell | None:
        """A string cell for ``value`` (None for empty text: nothing is written)."""
        if not value:
            return None
        if _UNWRITABLE_RE.search(value) or len(value) > MAX_CELL_TEXT:
            value = clean_text(value)
        cell = (self._literal if value.startswith(_FORMULA_START) else self._text)[column]
        cell._value = value  # data_type stays "s" (see _string_cell)
        return cell

    def flag(self, column: int, value: str) -> Cell:
        cell = self._flag[column]
        cell._value = clean_text(value)
        return cell

    def date(self, column: int, value: date | None) -> Cell | None:
        if value is None:
            return None
        cell = self._date[column]
        cell._value = value
        return cell


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


def _print_setup(ws, doc: ChronologyDocument) -> None:
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
    # A write-only sheet needs everything but its cells before the first row is streamed.
    for index, (_, width) in enumerate(COLUMNS, 1):
        ws.column_dimensions[get_column_letter(index)].width = width
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{count + 1}"
    ws.print_title_rows = "1:1"
    _print_setup(ws, doc)


def _write_about_sheet(ws, doc: ChronologyDocument) -> None:
    styles = _Styles(ws)
    ws.column_dimensions["A"].width = 22
    ws.column_dimensions["B"].width = 90
    _print_setup(ws, doc)
    lines: list[tuple[str, str | date | int]] = [
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
            cell = _string_cell(ws, styles.text, value)
        elif isinstance(value, date):
            cell = _date_cell(ws, styles.date, value)
        else:
            cell = Cell(ws, row=1, column=1, value=value, style_array=styles.text)
        ws.append([_string_cell(ws, styles.label, label), cell])
