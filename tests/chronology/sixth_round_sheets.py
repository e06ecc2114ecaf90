"""The sixth round's workbooks (.xlsx, .ods, .xls), in layouts the earlier rounds did not cover
(see sixth_round_text.py for the conventions). All names are fictional."""

from __future__ import annotations

import zipfile
from datetime import datetime, timedelta
from pathlib import Path
from xml.sax.saxutils import escape

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

# --- 1. a report server's Excel rendering: cells merged across columns, spacer columns ----------


def report_server_merged(folder: Path):
    """A report server's Excel rendering of a case-note report: the title merged across the
    page, each heading and each value merged over two or three narrow columns, an empty spacer
    column between fields, and the run date in the page footer row."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "CaseNotes"
    ws["B2"] = "Case Note Report"
    ws.merge_cells("B2:L2")
    ws["B3"] = "Child Z (2088231)"
    ws.merge_cells("B3:L3")
    spans = [("B", "C"), ("E", "E"), ("G", "H"), ("J", "L")]
    heads = ["Note Date", "Note Type", "Author", "Note"]
    for (first, last), head in zip(spans, heads, strict=True):
        ws[f"{first}5"] = head
        if first != last:
            ws.merge_cells(f"{first}5:{last}5")
    for i in range(8):
        row = 6 + i
        values = [_dt(i), TYPES[i % 4], WORKERS[i % 4], TEXTS[i]]
        for (first, last), value in zip(spans, values, strict=True):
            ws[f"{first}{row}"] = value
            if first != last:
                ws.merge_cells(f"{first}{row}:{last}{row}")
        ws[f"B{row}"].number_format = "dd/mm/yyyy hh:mm"
    ws["B15"] = "Run on 02/12/2016 09:14"
    ws.merge_cells("B15:L15")
    path = folder / "report_server_merged.xlsx"
    wb.save(path)
    return path, _truth()


# --- 2. a report's group headers: "Worker: Sam Ellery" over each worker's notes ----------------


def worker_group_headers(folder: Path):
    """A report written to Excel with its groups: a row "Worker: Sam Ellery" over that worker's
    notes, then the notes (date, type, note) with no worker column, and a count under each
    group. The group rows are not entries."""
    rows = [["Case Notes by Worker"], [], ["Date", "Type", "Note"]]
    truth = []
    for w in range(2):
        rows.append([f"Worker: {WORKERS[w]}"])
        for i in range(w * 4, w * 4 + 4):
            rows.append([DAYS[i], TYPES[i % 4], TEXTS[i]])
            truth.append(Expected(DAYS[i], event=TEXTS[i], event_type=TYPES[i % 4]))
        rows.append(["Notes for this worker: 4"])
    wb, ws = _sheet(rows, title="Report")
    for row in ws.iter_rows(min_row=4):
        if isinstance(row[0].value, datetime):
            row[0].number_format = "dd/mm/yyyy"
    path = folder / "worker_group_headers.xlsx"
    wb.save(path)
    return path, truth


# --- 3. an .xlsx written with inline strings and no styles -------------------------------------


def inline_strings_xlsx(folder: Path):
    """An .xlsx written by a web system's own code: every text an inline string (t="inlineStr"),
    no shared strings, no styles part, the dates as text."""

    def cell(ref, text):
        return f'<c r="{ref}" t="inlineStr"><is><t>{escape(text)}</t></is></c>'

    rows = [["Date", "Time", "Practitioner", "Type", "Narrative"]]
    rows += [[f"{DAYS[i]:%d/%m/%Y}", f"{TIMES[i]:%H:%M}", WORKERS[i % 4], TYPES[i % 4], TEXTS[i]]
             for i in range(8)]  # fmt: skip
    body = "".join(
        f'<row r="{r}">'
        + "".join(cell(f"{'ABCDE'[c]}{r}", v) for c, v in enumerate(row))
        + "</row>"
        for r, row in enumerate(rows, start=1)
    )
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    parts = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org'
            '/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.'
            'openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType='
            '"application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName='
            '"/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.spreadsheetml.worksheet+xml"/></Types>'
        ),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
            'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="'
            f'{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
        ),
        "xl/workbook.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{main}" xmlns:r="{rel}">'
            '<sheets><sheet name="Export" sheetId="1" r:id="rId1"/></sheets></workbook>'
        ),
        "xl/_rels/workbook.xml.rels": (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
            'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="'
            f'{rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
        ),
        "xl/worksheets/sheet1.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{main}"><sheetData>{body}'
            "</sheetData></worksheet>"
        ),
    }
    path = folder / "inline_strings_xlsx.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return path, _truth()


# --- 4. date cells and typed dates in one column -------------------------------------------------


def cells_and_typed_dates(folder: Path):
    """A hand-kept sheet: most dates are date cells, two were typed in forms Excel kept as text
    ("3rd April 2016", "21/06/16")."""
    typed = {1: "3rd April 2016", 3: "21/06/16"}
    rows = [["Date", "Worker", "Type", "Event"]]
    rows += [[typed.get(i, DAYS[i]), WORKERS[i % 4], TYPES[i % 4], TEXTS[i]] for i in range(8)]
    wb, ws = _sheet(rows, title="Chronology")
    for row in ws.iter_rows(min_row=2):
        row[0].number_format = "dd/mm/yyyy"
    path = folder / "cells_and_typed_dates.xlsx"
    wb.save(path)
    return path, _truth(times=False)


# --- 5. entries across the columns -------------------------------------------------------------


def entries_across_columns(folder: Path):
    """A hand-made template laid out sideways: the labels (Date, Time, Worker, Type, Event) down
    column A, each entry a column of its own."""
    labels = ["Date", "Time", "Worker", "Type", "Event"]
    values = [DAYS, [f"{t:%H:%M}" for t in TIMES], [WORKERS[i % 4] for i in range(8)],
              [TYPES[i % 4] for i in range(8)], TEXTS]  # fmt: skip
    rows = [[label, *vals] for label, vals in zip(labels, values, strict=True)]
    wb, ws = _sheet(rows, title="Chronology")
    for cell in ws[1][1:]:
        cell.number_format = "dd/mm/yyyy"
    path = folder / "entries_across_columns.xlsx"
    wb.save(path)
    return path, _truth()


# --- 6. .ods date-time cells ------------------------------------------------------------------


def ods_datetime_cells(folder: Path):
    """A LibreOffice log: each entry's date and time in one date cell
    (office:date-value="2016-03-14T10:32:00"), shown "14/03/16 10:32"."""
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    table = Table(name="Log")

    def text(value):
        cell = TableCell(valuetype="string")
        cell.addElement(P(text=value))
        return cell

    head = TableRow()
    for value in ["When", "Staff", "Type", "Log entry"]:
        head.addElement(text(value))
    table.addElement(head)
    for i in range(8):
        row = TableRow()
        when = TableCell(valuetype="date", datevalue=f"{_dt(i):%Y-%m-%dT%H:%M:%S}")
        when.addElement(P(text=f"{_dt(i):%d/%m/%y %H:%M}"))
        row.addElement(when)
        for value in (WORKERS[i % 4], TYPES[i % 4], TEXTS[i]):
            row.addElement(text(value))
        table.addElement(row)
    doc.spreadsheet.addElement(table)
    path = folder / "ods_datetime_cells.ods"
    doc.save(str(path))
    return path, _truth()


# --- 7. .xls with date cells and time cells ---------------------------------------------------


def xls_date_and_time_cells(folder: Path):
    """A legacy .xls: a date column of date cells, a time column of time cells (hh:mm)."""
    import xlwt

    book = xlwt.Workbook()
    sheet = book.add_sheet("Contacts")
    as_date = xlwt.easyxf(num_format_str="dd/mm/yyyy")
    as_time = xlwt.easyxf(num_format_str="hh:mm")
    for c, head in enumerate(["Date", "Time", "Officer", "Contact", "Notes"]):
        sheet.write(0, c, head)
    for i in range(8):
        sheet.write(i + 1, 0, DAYS[i], as_date)
        fraction = (TIMES[i].hour * 60 + TIMES[i].minute) / 1440
        sheet.write(i + 1, 1, fraction, as_time)
        for c, value in enumerate([WORKERS[i % 4], TYPES[i % 4], TEXTS[i]], start=2):
            sheet.write(i + 1, c, value)
    path = folder / "xls_date_and_time_cells.xls"
    book.save(str(path))
    return path, _truth()


# --- 8. a school's concern log: the concern's date, and the day it was closed --------------------


def concerns_with_closed_dates(folder: Path):
    """A school safeguarding system's concern list: Concern ID, Date of Concern, Time, Reported
    By, Category, Summary, Status and "Date Closed" (a later day, blank while open)."""
    rows = [["Concern ID", "Date of Concern", "Time", "Reported By", "Category", "Summary",
             "Status", "Date Closed"]]  # fmt: skip
    for i in range(8):
        closed = DAYS[i] + timedelta(days=9) if i % 3 else None
        rows.append([f"C-{1180 + i}", DAYS[i], f"{TIMES[i]:%H:%M}", WORKERS[i % 4], TYPES[i % 4],
                     TEXTS[i], "Closed" if closed else "Open", closed])  # fmt: skip
    wb, ws = _sheet(rows, title="Concerns")
    for row in ws.iter_rows(min_row=2):
        row[1].number_format = row[7].number_format = "dd/mm/yyyy"
    path = folder / "concerns_with_closed_dates.xlsx"
    wb.save(path)
    return path, _truth()


# --- 9. a substance misuse service: the session and the next appointment -------------------------


def sessions_and_next_appointment(folder: Path):
    """A drug and alcohol service's key-work sessions: the session date, its number, the key
    worker, the intervention, whether an outcomes form was done (Y/N), the notes, and the date
    of the next appointment (the entry's date is the session's)."""
    rows = [["Session Date", "Session No.", "Keyworker", "Intervention", "TOP Completed",
             "Session Notes", "Next Appointment"]]  # fmt: skip
    for i in range(8):
        rows.append([f"{DAYS[i]:%d/%m/%Y}", str(i + 1), WORKERS[i % 4], TYPES[i % 4],
                     "Y" if i % 2 else "N", TEXTS[i],
                     f"{DAYS[i] + timedelta(days=14):%d/%m/%Y}"])  # fmt: skip
    wb, _ws = _sheet(rows, title="Sessions")
    path = folder / "sessions_and_next_appointment.xlsx"
    wb.save(path)
    return path, _truth(times=False)


# --- 10. a health visiting list whose dates are typed day first with dots and a two-digit year --


def ambulance_record_columns(folder: Path):
    """An ambulance service's patient care record list: Incident Date (date cells), Time of Call
    (time text with seconds), Call Sign, Chief Complaint, Clinician, Clinical Narrative."""
    rows = [["Incident Date", "Time of Call", "Call Sign", "Chief Complaint", "Clinician",
             "Clinical Narrative"]]  # fmt: skip
    for i in range(8):
        rows.append([DAYS[i], f"{TIMES[i]:%H:%M}:00", f"DR{31 + i}", TYPES[i % 4],
                     WORKERS[i % 4], TEXTS[i]])  # fmt: skip
    wb, ws = _sheet(rows, title="ePCR")
    for row in ws.iter_rows(min_row=2):
        row[0].number_format = "dd/mm/yyyy"
    path = folder / "ambulance_record_columns.xlsx"
    wb.save(path)
    return path, _truth()


FILES = {
    fn.__name__: fn
    for fn in (
        report_server_merged,
        worker_group_headers,
        inline_strings_xlsx,
        cells_and_typed_dates,
        entries_across_columns,
        ods_datetime_cells,
        xls_date_and_time_cells,
        concerns_with_closed_dates,
        sessions_and_next_appointment,
        ambulance_record_columns,
    )
}
