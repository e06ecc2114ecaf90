"""The fifth round's Word documents, .ods and .xls workbooks, and workbooks with odd cells (see
fifth_round_files.py for the conventions). All names are fictional."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from tests.chronology.more_agency_files import _sheet
from tests.chronology.robust_files import (
    DAYS,
    TEXTS,
    TIMES,
    TYPES,
    WORKERS,
    Expected,
    _dt,
    _truth,
)


def _table(document, heads, rows):
    table = document.add_table(rows=0, cols=len(heads))
    for values in [heads, *rows]:
        for cell, text in zip(table.add_row().cells, values, strict=True):
            cell.text = text
    return table


# --- 1. the date and the author in one Word cell ------------------------------------------------


def word_date_and_author(folder: Path):
    """An IMR table whose first column holds the date and, on the next line, who recorded it:
    "14/03/2016\\nSam Ellery, Social Worker"."""
    import docx

    document = docx.Document()
    document.add_paragraph("Agency chronology")
    rows = [[f"{DAYS[i]:%d/%m/%Y}\n{WORKERS[i % 4]}, Social Worker", TYPES[i % 4], TEXTS[i]]
            for i in range(8)]  # fmt: skip
    _table(document, ["Date and author", "Contact", "Event"], rows)
    path = folder / "word_date_and_author.docx"
    document.save(path)
    return path, _truth(times=False, worker=False)


# --- 2. a row of column numbers under the headings ------------------------------------------------


def word_numbered_columns(folder: Path):
    """A partnership's Word template: headings, then a row numbering the columns 1 to 5, as
    the guidance refers to them by number."""
    import docx

    document = docx.Document()
    rows = [["1", "2", "3", "4", "5"]]
    rows += [[f"{DAYS[i]:%d.%m.%Y}", f"{TIMES[i]:%H:%M}hrs", WORKERS[i % 4], TYPES[i % 4],
              TEXTS[i]] for i in range(8)]  # fmt: skip
    _table(document, ["Date", "Time", "Practitioner", "Type of contact", "Event"], rows)
    path = folder / "word_numbered_columns.docx"
    document.save(path)
    return path, _truth()


# --- 3. a chronology in paragraphs under date headings --------------------------------------------


def word_date_headings(folder: Path):
    """A chronology written as a report: each date a heading of its own ("14 March 2016"), the
    entry in the paragraphs under it."""
    import docx

    document = docx.Document()
    document.add_heading("Chronology of contact", level=1)
    for i in range(8):
        document.add_heading(f"{DAYS[i].day} {DAYS[i]:%B %Y}", level=2)
        first, _, rest = TEXTS[i].partition(". ")
        document.add_paragraph(first + ("." if rest else ""))
        if rest:
            document.add_paragraph(rest)
    path = folder / "word_date_headings.docx"
    document.save(path)
    return path, _truth(times=False, worker=False, types=False)


# --- 4. bullet points inside the event cell -----------------------------------------------------


def word_bullets_in_cells(folder: Path):
    """An IMR table whose event cells hold a sentence and then bullet points in the List Bullet
    style."""
    import docx

    document = docx.Document()
    table = document.add_table(rows=1, cols=4)
    for cell, head in zip(table.rows[0].cells, ["Date", "Worker", "Type", "Event"], strict=True):
        cell.text = head
    for i in range(8):
        cells = table.add_row().cells
        cells[0].text, cells[1].text, cells[2].text = (
            f"{DAYS[i]:%d/%m/%Y}",
            WORKERS[i % 4],
            TYPES[i % 4],
        )
        first, _, rest = TEXTS[i].partition(". ")
        cells[3].text = first + ("." if rest else "")
        for piece in filter(None, rest.split("; ")):
            cells[3].add_paragraph(piece, style="List Bullet")
    path = folder / "word_bullets_in_cells.docx"
    document.save(path)
    truth = [Expected(e.start, event=TEXTS[i].partition(". ")[0], practitioner=e.practitioner,
                      event_type=e.event_type) for i, e in enumerate(_truth(times=False))]  # fmt: skip
    return path, truth


# --- 5. .ods with date cells, time cells and a hidden row -----------------------------------------


def ods_hidden_row_and_times(folder: Path):
    """A LibreOffice chronology: date cells, time cells (PT10H32M00S), and a row hidden."""
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.style import Style, TableRowProperties
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    hidden = Style(name="hiddenrow", family="table-row")
    hidden.addElement(TableRowProperties(rowheight="0.45cm"))
    doc.automaticstyles.addElement(hidden)
    table = Table(name="Chronology")

    def text(value):
        cell = TableCell(valuetype="string")
        cell.addElement(P(text=value))
        return cell

    head = TableRow()
    for value in ["Date", "Time", "Worker", "Type", "Entry"]:
        head.addElement(text(value))
    table.addElement(head)
    for i in range(8):
        row = TableRow(visibility="collapse") if i == 3 else TableRow()
        day = TableCell(valuetype="date", datevalue=f"{DAYS[i]:%Y-%m-%d}")
        day.addElement(P(text=f"{DAYS[i]:%d/%m/%Y}"))
        row.addElement(day)
        when = TableCell(valuetype="time", timevalue=f"PT{TIMES[i]:%H}H{TIMES[i]:%M}M00S")
        when.addElement(P(text=f"{TIMES[i]:%H:%M}"))
        row.addElement(when)
        for value in (WORKERS[i % 4], TYPES[i % 4], TEXTS[i]):
            row.addElement(text(value))
        table.addElement(row)
    doc.spreadsheet.addElement(table)
    path = folder / "ods_hidden_row_and_times.ods"
    doc.save(str(path))
    return path, _truth()


# --- 6. .xls: a cover sheet, then the chronology with date-time cells --------------------------


def xls_cover_then_log(folder: Path):
    """A legacy .xls: a cover sheet with the case's details and dates, then the log with
    date-time cells."""
    import xlwt

    book = xlwt.Workbook()
    cover = book.add_sheet("Front sheet")
    for row, (label, value) in enumerate([("Case", "Child Z"), ("Period", "2016"),
                                          ("Prepared", "01/12/2016")]):  # fmt: skip
        cover.write(row, 0, label)
        cover.write(row, 1, value)
    log = book.add_sheet("Log")
    stamp = xlwt.easyxf(num_format_str="dd/mm/yyyy hh:mm")
    for col, head in enumerate(["Date/Time", "Staff", "Type", "Entry"]):
        log.write(0, col, head)
    for i in range(8):
        log.write(i + 1, 0, _dt(i), stamp)
        for col, value in enumerate([WORKERS[i % 4], TYPES[i % 4], TEXTS[i]], start=1):
            log.write(i + 1, col, value)
    path = folder / "xls_cover_then_log.xls"
    book.save(str(path))
    return path, _truth()


# --- 7. dates pasted from a web page: non-breaking and zero-width spaces -----------------------


def pasted_spaces(folder: Path):
    """A chronology pasted from a web viewer: dates as text with non-breaking spaces around them
    and a zero-width space here and there, "14\\xa0Mar\\xa02016"."""
    rows = [["Date", "Worker", "Type", "Record"]]
    for i in range(8):
        written = (
            f"\xa0{DAYS[i].day}\xa0{DAYS[i]:%b}\xa0{DAYS[i]:%Y}\u200b"
            if i % 2
            else (f"{DAYS[i]:%d/%m/%Y}\xa0")
        )
        rows.append([written, f"{WORKERS[i % 4]}\xa0", TYPES[i % 4], TEXTS[i]])
    wb, _ws = _sheet(rows)
    path = folder / "pasted_spaces.xlsx"
    wb.save(path)
    return path, _truth(times=False)


# --- 8. rich text cells ---------------------------------------------------------------------------


def rich_text_cells(folder: Path):
    """A typed chronology with part of each event in bold (rich text runs in one cell)."""
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont

    wb, ws = _sheet([["Date", "Worker", "Type", "Event"]])
    for i in range(8):
        first, _, rest = TEXTS[i].partition(". ")
        text = CellRichText(TextBlock(InlineFont(b=True), first + ". "), rest)
        ws.append([DAYS[i], WORKERS[i % 4], TYPES[i % 4], text])
    path = folder / "rich_text_cells.xlsx"
    wb.save(path)
    truth = [Expected(e.start, event=TEXTS[i].strip(), practitioner=e.practitioner,
                      event_type=e.event_type) for i, e in enumerate(_truth(times=False))]  # fmt: skip
    return path, truth


# --- 9. a weekday and a 12-hour time in the same text cell ---------------------------------------


def weekday_twelve_hour(folder: Path):
    """A hosted diary's export: "Mon 14/03/2016 10:32 AM" as text."""
    rows = [["Appointment", "Staff", "Type", "Summary"]]
    for i in range(8):
        t = datetime.combine(DAYS[i], TIMES[i])
        hour = t.hour % 12 or 12
        rows.append([f"{t:%a %d/%m/%Y} {hour}:{t:%M} {t:%p}", WORKERS[i % 4], TYPES[i % 4],
                     TEXTS[i]])  # fmt: skip
    wb, _ws = _sheet(rows)
    path = folder / "weekday_twelve_hour.xlsx"
    wb.save(path)
    return path, _truth()


FILES = {
    fn.__name__: fn
    for fn in (
        word_date_and_author,
        word_numbered_columns,
        word_date_headings,
        word_bullets_in_cells,
        ods_hidden_row_and_times,
        xls_cover_then_log,
        pasted_spaces,
        rich_text_cells,
        weekday_twelve_hour,
    )
}
