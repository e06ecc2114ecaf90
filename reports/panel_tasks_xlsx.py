"""The panel's own task list as a formatted workbook (plain rows in, an .xlsx out)."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from reports.chronology_xlsx import _header_footer_text, clean_text

TASK_COLUMNS = (
    ("Task", 60),
    ("Owner", 28),
    ("Due", 12),
    ("Status", 20),
    ("From meeting", 34),
    ("Done on", 12),
)
DATE_FORMAT = "dd/mm/yyyy"


@dataclass(frozen=True)
class PanelTaskRow:
    text: str
    owner: str
    due: date | None
    status: str  # the label people read
    meeting: str  # the meeting it came from, in words ("" when none)
    done_on: date | None
    overdue: bool


@dataclass(frozen=True)
class PanelTasksDocument:
    title: str  # "Panel tasks: LCSPR-2024-03 …"
    review_reference: str
    protective_marking: str
    rows: tuple[PanelTaskRow, ...]


def write_tasks_xlsx(
    doc: PanelTasksDocument, path: Path, on_progress: Callable[[int, int], None] | None = None
) -> None:
    """The task list as one sheet, marked in its header and footer."""
    rows = doc.rows
    wb = Workbook(write_only=True)
    wb.properties.title = clean_text(doc.title)[:255]
    wb.properties.creator = "ReviewDesk"
    wb.properties.category = clean_text(doc.protective_marking)
    wb.properties.keywords = clean_text(doc.protective_marking)
    ws = wb.create_sheet("Panel tasks")
    marking = _header_footer_text(doc.protective_marking)
    ws.oddHeader.left.text = marking
    ws.oddHeader.right.text = _header_footer_text(doc.review_reference)
    ws.oddFooter.left.text = marking
    ws.oddFooter.center.text = "Page &P of &N"
    for index, (_, width) in enumerate(TASK_COLUMNS, start=1):
        ws.column_dimensions[get_column_letter(index)].width = width
    ws.freeze_panes = "A2"
    last = get_column_letter(len(TASK_COLUMNS))
    ws.auto_filter.ref = f"A1:{last}{len(rows) + 1}"

    header_font = Font(bold=True, color="FFFFFF")
    header_fill = PatternFill("solid", fgColor="1F3A5F")
    wrap = Alignment(wrap_text=True, vertical="top")
    top = Alignment(vertical="top")
    overdue_font = Font(bold=True, color="9C0006")

    def text_cell(value: str, *, font=None, alignment=wrap):
        cell = WriteOnlyCell(ws)
        cell.value = clean_text(value or "")
        cell.data_type = "s"  # never a formula, whatever the text starts with
        cell.alignment = alignment
        if font is not None:
            cell.font = font
        return cell

    def date_cell(value: date | None):
        cell = WriteOnlyCell(ws, value=value)
        cell.number_format = DATE_FORMAT
        cell.alignment = top
        return cell

    header = []
    for heading, _ in TASK_COLUMNS:
        cell = text_cell(heading, font=header_font, alignment=top)
        cell.fill = header_fill
        header.append(cell)
    ws.append(header)
    for row in rows:
        ws.append(
            [
                text_cell(row.text),
                text_cell(row.owner),
                date_cell(row.due),
                text_cell(row.status, font=overdue_font if row.overdue else None, alignment=top),
                text_cell(row.meeting),
                date_cell(row.done_on),
            ]
        )
    wb.save(path)
    if on_progress:
        on_progress(len(rows), len(rows))
