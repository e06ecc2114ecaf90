"""The panel's own task list as a formatted workbook (plain rows in, an .xlsx out)."""

from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from reports.chronology_xlsx import clean_text

TASK_COLUMNS = (
    ("Task", 60),
    ("Owner", 28),
    ("Due", 12),
    ("Status", 20),
    ("From meeting", 34),
    ("Done on", 12),
)
DATE_FORMAT = "dd/mm/yyyy"


def write_tasks_xlsx(rows: list[tuple], title: str, path: Path) -> None:
    """Rows: (task, owner, due date, status label, meeting, done on, overdue?)."""
    wb = Workbook(write_only=True)
    wb.properties.title = clean_text(title)[:255]
    wb.properties.creator = "ReviewDesk"
    ws = wb.create_sheet("Panel tasks")
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
    for text, owner, due, status, meeting, done_on, overdue in rows:
        ws.append(
            [
                text_cell(text),
                text_cell(owner),
                date_cell(due),
                text_cell(status, font=overdue_font if overdue else None, alignment=top),
                text_cell(meeting),
                date_cell(done_on),
            ]
        )
    wb.save(path)
