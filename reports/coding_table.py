"""A coding export (reviews and findings coded in one national scheme) as .xlsx or .csv."""

import csv
from pathlib import Path

from reports.chronology_xlsx import clean_text

WIDTHS = (18, 30, 7, 14, 5, 60, 50, 60)


def write_coding_xlsx(table, path: Path, on_progress=None) -> None:
    """``table``: app.coding.CodingTable (scheme label, source, columns, rows)."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    wb = Workbook(write_only=True)
    wb.properties.title = clean_text(table.scheme_label)[:255]
    wb.properties.creator = "ReviewDesk"
    ws = wb.create_sheet("Coding")
    for index, width in enumerate(WIDTHS[: len(table.columns)], start=1):
        ws.column_dimensions[get_column_letter(index)].width = width
    ws.freeze_panes = "A3"
    wrap = Alignment(wrap_text=True, vertical="top")

    def cell(value: str, font=None, fill=None):
        c = WriteOnlyCell(ws)
        c.value = clean_text(value or "")
        c.data_type = "s"  # never a formula, whatever the text starts with
        c.alignment = wrap
        if font is not None:
            c.font = font
        if fill is not None:
            c.fill = fill
        return c

    ws.append([cell(f"{table.scheme_label}. {table.source}", font=Font(italic=True))])
    header_font = Font(bold=True, color="FFFFFF")
    header_fill = PatternFill("solid", fgColor="1F3A5F")
    ws.append([cell(c, header_font, header_fill) for c in table.columns])
    for number, row in enumerate(table.rows, start=1):
        ws.append([cell(v) for v in row])
        if on_progress is not None and number % 500 == 0:
            on_progress(number, len(table.rows))
    wb.save(path)


def _safe(value: str) -> str:
    # A spreadsheet opening the CSV must not take a cell for a formula.
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value


def write_coding_csv(table, path: Path, on_progress=None) -> None:
    with path.open("w", newline="", encoding="utf-8-sig") as handle:
        writer = csv.writer(handle)
        writer.writerow(table.columns)
        for row in table.rows:
            writer.writerow([_safe(v) for v in row])
