"""The eighth round's workbooks: what people and systems do to a chronology sheet before it is
sent, not met in the earlier rounds (two exports pasted one under the other, a sign-off block
under the table, a row of column numbers under the headings, a template whose rows are two sheet
rows high, Excel's own "Column1" headings, a year typed into a date cell, a web grid pasted with
its sort arrows, agency banner rows, a chart sheet first, Strict Open XML...). Each builder
writes a file into a folder and returns (path, truth), as in robust_files.py. All names are
fictional."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from tests.chronology.robust_files import DAYS, TEXTS, TIMES, TYPES, WORKERS, Expected
from tests.chronology.seventh_round_sheets import AGENCIES, _book, _date_cells, _save, _t


def _hm(i: int) -> str:
    return f"{TIMES[i]:%H:%M}"


# --- 1. two exports pasted one under the other ------------------------------------------------


def stacked_exports(folder: Path):
    """Two systems' exports pasted into one sheet by business support: the first with its
    headings, a blank row, then the second with its own headings (other words, same order)."""
    rows = [["Date", "Worker", "Type", "Note"]]
    rows += [[DAYS[i], WORKERS[i % 4], TYPES[i % 4], TEXTS[i]] for i in range(4)]
    rows += [[None] * 4, ["Contact Date", "Recorded By", "Contact Type", "Details"]]
    rows += [[DAYS[i], WORKERS[i % 4], TYPES[i % 4], TEXTS[i]] for i in range(4, 8)]
    wb, ws = _book(rows)
    _date_cells(ws)
    truth = [_t(i, practitioner=WORKERS[i % 4], event_type=TYPES[i % 4]) for i in range(8)]
    return _save(wb, folder, "stacked_exports.xlsx"), truth


def stacked_exports_other_order(folder: Path):
    """Two exports pasted one under the other, the second's columns in another order and its
    dates typed as text with the time: the second header row says which column is which."""
    rows = [["Date", "Worker", "Note"]]
    rows += [[DAYS[i], WORKERS[i % 4], TEXTS[i]] for i in range(4)]
    rows += [[None] * 3, ["Details", "Event Date/Time", "Officer"]]
    rows += [[TEXTS[i], f"{DAYS[i]:%d/%m/%Y} {_hm(i)}", WORKERS[i % 4]] for i in range(4, 8)]
    wb, ws = _book(rows)
    _date_cells(ws)
    truth = [_t(i, practitioner=WORKERS[i % 4]) for i in range(4)]
    truth += [_t(i, practitioner=WORKERS[i % 4], time=_hm(i)) for i in range(4, 8)]
    return _save(wb, folder, "stacked_exports_other_order.xlsx"), truth


# --- 2. below the table: a sign-off block, notes and a key -----------------------------------


def sign_off_block_below(folder: Path):
    """The IMR author's sign-off under the table: who completed it and when, the manager who
    signed it off and when; those dates are not entries."""
    rows = [["Date", "Practitioner", "Event"]]
    rows += [[DAYS[i], WORKERS[i % 4], TEXTS[i]] for i in range(8)]
    rows += [[None] * 3, ["Completed by:", "Jo Castellan, IMR author", None],
             ["Date completed:", date(2017, 1, 12), None],
             ["Signed off by:", "Rhian Oduya, Head of Service", None],
             ["Date:", "20/01/2017", None]]  # fmt: skip
    wb, ws = _book(rows)
    _date_cells(ws)
    ws["B12"].number_format = "dd/mm/yyyy"
    truth = [_t(i, practitioner=WORKERS[i % 4]) for i in range(8)]
    return _save(wb, folder, "sign_off_block_below.xlsx"), truth


def notes_and_key_below(folder: Path):
    """Notes typed under the table in the first column, one naming a date ("Entries marked *
    were added from the health record on 05/01/2017"), and a key of abbreviations."""
    rows = [["Date", "Source", "Event"]]
    rows += [[DAYS[i], "Case file", TEXTS[i] + (" *" if i == 3 else "")] for i in range(8)]
    rows += [[None] * 3, ["Notes:"],
             ["1. Entries marked * were added from the health record on 05/01/2017."],
             ["2. Times are not recorded in the case file."], ["Key: SW = social worker; "
             "HV = health visitor; CIN = child in need"]]  # fmt: skip
    wb, ws = _book(rows)
    _date_cells(ws)
    return _save(wb, folder, "notes_and_key_below.xlsx"), [_t(i) for i in range(8)]


# --- 3. headings and the rows under them ------------------------------------------------------


def headings_with_stray_spaces(folder: Path):
    """Headings typed with trailing spaces and non-breaking spaces ("Date ", "\xa0Time",
    "Practitioner\xa0", "Event  ")."""
    rows = [["Date ", "\xa0Time", "Practitioner\xa0", "Type of contact ", "Event  "]]
    rows += [[DAYS[i], TIMES[i], WORKERS[i % 4], TYPES[i % 4], TEXTS[i]] for i in range(8)]
    wb, ws = _book(rows)
    _date_cells(ws)
    for cell in ws["B"][1:]:
        cell.number_format = "hh:mm"
    truth = [_t(i, time=_hm(i), practitioner=WORKERS[i % 4], event_type=TYPES[i % 4])
             for i in range(8)]  # fmt: skip
    return _save(wb, folder, "headings_with_stray_spaces.xlsx"), truth


def column_numbers_row(folder: Path):
    """A partnership workbook: under the headings a row numbering the columns 1 to 5 (real
    numbers), which the guidance refers to."""
    rows = [["Date", "Time", "Agency", "Practitioner", "Event"], [1, 2, 3, 4, 5]]
    rows += [[DAYS[i], _hm(i), AGENCIES[i % 4], WORKERS[i % 4], TEXTS[i]] for i in range(8)]
    wb, ws = _book(rows)
    _date_cells(ws)
    truth = [_t(i, time=_hm(i), practitioner=WORKERS[i % 4]) for i in range(8)]
    return _save(wb, folder, "column_numbers_row.xlsx"), truth


def column_letters_row(folder: Path):
    """Under the headings a row lettering the columns "(a)" to "(d)", as the template's
    guidance names them."""
    rows = [["Date of contact", "Who made the contact", "Type", "Summary of contact"],
            ["(a)", "(b)", "(c)", "(d)"]]  # fmt: skip
    rows += [[DAYS[i], WORKERS[i % 4], TYPES[i % 4], TEXTS[i]] for i in range(8)]
    wb, ws = _book(rows)
    _date_cells(ws)
    truth = [_t(i, practitioner=WORKERS[i % 4], event_type=TYPES[i % 4]) for i in range(8)]
    return _save(wb, folder, "column_letters_row.xlsx"), truth


def narrative_merged_two_rows(folder: Path):
    """A template whose entries are two sheet rows high: the date, the worker and the
    narrative each merged down over the two rows of the entry."""
    rows = [["Date", "Worker", "Narrative"]]
    for i in range(8):
        rows += [[DAYS[i], WORKERS[i % 4], TEXTS[i]], [None, None, None]]
    wb, ws = _book(rows)
    _date_cells(ws)
    for i in range(8):
        top = 2 + 2 * i
        for column in "ABC":
            ws.merge_cells(f"{column}{top}:{column}{top + 1}")
    truth = [_t(i, practitioner=WORKERS[i % 4]) for i in range(8)]
    return _save(wb, folder, "narrative_merged_two_rows.xlsx"), truth


def protected_frozen_sheet(folder: Path):
    """A sheet protected without a password, panes frozen under the headings and beside the
    date, the headings bold on a fill, a print area and print titles set."""
    from openpyxl.styles import Font, PatternFill

    rows = [["Date", "Time", "Worker", "Event"]]
    rows += [[DAYS[i], TIMES[i], WORKERS[i % 4], TEXTS[i]] for i in range(8)]
    wb, ws = _book(rows)
    _date_cells(ws)
    for cell in ws["B"][1:]:
        cell.number_format = "hh:mm"
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
    ws.freeze_panes = "B2"
    ws.protection.sheet = True
    ws.print_area = "A1:D9"
    ws.print_title_rows = "1:1"
    truth = [_t(i, time=_hm(i), practitioner=WORKERS[i % 4]) for i in range(8)]
    return _save(wb, folder, "protected_frozen_sheet.xlsx"), truth


def table_default_headings(folder: Path):
    """A range made into an Excel table without "My table has headers": Excel's own headings
    "Column1" to "Column4" over the rows, the entries start straight under them."""
    from openpyxl.worksheet.table import Table

    rows = [["Column1", "Column2", "Column3", "Column4"]]
    rows += [[DAYS[i], WORKERS[i % 4], TYPES[i % 4], TEXTS[i]] for i in range(8)]
    wb, ws = _book(rows)
    _date_cells(ws)
    ws.add_table(Table(displayName="Table1", ref="A1:D9"))
    truth = [_t(i, practitioner=WORKERS[i % 4], event_type=TYPES[i % 4]) for i in range(8)]
    return _save(wb, folder, "table_default_headings.xlsx"), truth


def web_grid_paste(folder: Path):
    """A case system's web grid copied and pasted into Excel: the headings keep their sort
    arrows ("Date ▼", "Type ⇅"), and the grid's "View" and "Edit" link columns come along."""
    rows = [["", "Date ▼", "Type ⇅", "Author ⇅", "Summary", "", ""]]
    rows += [["", f"{DAYS[i]:%d/%m/%Y}", TYPES[i % 4], WORKERS[i % 4], TEXTS[i], "View", "Edit"]
             for i in range(8)]  # fmt: skip
    wb, _ws = _book(rows)
    truth = [_t(i, practitioner=WORKERS[i % 4], event_type=TYPES[i % 4]) for i in range(8)]
    return _save(wb, folder, "web_grid_paste.xlsx"), truth


def agency_banner_rows(folder: Path):
    """A combined chronology laid out agency by agency: a merged, shaded row naming each
    agency ("POLICE") over its entries, so the dates start again under each banner."""
    from openpyxl.styles import PatternFill

    rows = [["Date", "Practitioner", "Event"]]
    banners = []
    for n, agency in enumerate(AGENCIES):
        rows.append([agency.upper()])
        banners.append(len(rows))
        rows += [[DAYS[i], WORKERS[i % 4], TEXTS[i]] for i in (n, n + 4)]
    wb, ws = _book(rows)
    _date_cells(ws)
    for row in banners:
        ws.merge_cells(f"A{row}:C{row}")
        ws[f"A{row}"].fill = PatternFill("solid", fgColor="FFE699")
    truth = [_t(i, practitioner=WORKERS[i % 4]) for n in range(4) for i in (n, n + 4)]
    return _save(wb, folder, "agency_banner_rows.xlsx"), truth


def grouped_rows_collapsed(folder: Path):
    """Rows grouped by quarter with Excel's outline and two groups left collapsed: the hidden
    rows are the agency's record and come in."""
    rows = [["Date", "Worker", "Event"]]
    rows += [[DAYS[i], WORKERS[i % 4], TEXTS[i]] for i in range(8)]
    wb, ws = _book(rows)
    _date_cells(ws)
    ws.row_dimensions.group(2, 4, outline_level=1, hidden=True)
    ws.row_dimensions.group(7, 8, outline_level=1, hidden=True)
    truth = [_t(i, practitioner=WORKERS[i % 4]) for i in range(8)]
    return _save(wb, folder, "grouped_rows_collapsed.xlsx"), truth


# --- 4. dates and times as cells hold them ------------------------------------------------------


def epoch_time_cells(folder: Path):
    """Rows pasted from a database client: the date cells at midnight, and the time column as
    date-time cells on the database's zero day, 01/01/1900 10:32 (shown with the date)."""
    rows = [["EventDate", "EventTime", "StaffName", "Notes"]]
    rows += [[DAYS[i], datetime.combine(date(1900, 1, 1), TIMES[i]), WORKERS[i % 4], TEXTS[i]]
             for i in range(8)]  # fmt: skip
    wb, ws = _book(rows)
    _date_cells(ws)
    for cell in ws["B"][1:]:
        cell.number_format = "dd/mm/yyyy hh:mm"
    truth = [_t(i, time=_hm(i), practitioner=WORKERS[i % 4]) for i in range(8)]
    return _save(wb, folder, "epoch_time_cells.xlsx"), truth


def locale_tagged_formats(folder: Path):
    """Date cells whose formats carry Excel's locale tags: "[$-809]dd mmmm yyyy;@" for whole
    days, "[$-F800]dddd, mmmm dd, yyyy" (the system's long date) and, for two rows known only
    to the month, "[$-809]mmm-yy;@" (the month, not the first of it)."""
    rows = [["Date", "Worker", "Event"]]
    rows += [[DAYS[i], WORKERS[i % 4], TEXTS[i]] for i in range(8)]
    wb, ws = _book(rows)
    months = {2, 5}
    for n, cell in enumerate(ws["A"][1:]):
        if n in months:
            cell.value = DAYS[n].replace(day=1)
            cell.number_format = "[$-809]mmm-yy;@"
        else:
            cell.number_format = ("[$-809]dd mmmm yyyy;@", "[$-F800]dddd, mmmm dd, yyyy")[n % 2]
    truth = []
    for i in range(8):
        if i in months:
            first = DAYS[i].replace(day=1)
            nxt = date(first.year + first.month // 12, first.month % 12 + 1, 1)
            truth.append(Expected(first, date.fromordinal(nxt.toordinal() - 1), event=TEXTS[i],
                                  practitioner=WORKERS[i % 4]))  # fmt: skip
        else:
            truth.append(_t(i, practitioner=WORKERS[i % 4]))
    return _save(wb, folder, "locale_tagged_formats.xlsx"), truth


def year_in_date_cell(folder: Path):
    """A year typed into a date-formatted cell: Excel keeps the number 2015 and shows it as
    07/07/1905. Another row known only to the year is a date cell formatted "yyyy". Neither
    may come in as a day: the year, or flagged."""
    rows = [["Date", "Event"], [2015, "Father's first conviction for assault (year only known)."]]
    rows.append([date(2015, 1, 1), "Family moved into the area from Cardiff (year only known)."])
    rows += [[DAYS[i], TEXTS[i]] for i in range(6)]
    wb, ws = _book(rows)
    for cell in ws["A"][1:]:
        cell.number_format = "dd/mm/yyyy"
    ws["A3"].number_format = "yyyy"
    year = dict(start=date(2015, 1, 1), end=date(2015, 12, 31))
    truth = [Expected(**year, event="first conviction", flag_ok=True),
             Expected(**year, event="moved into the area", flag_ok=True)]  # fmt: skip
    truth += [_t(i) for i in range(6)]
    return _save(wb, folder, "year_in_date_cell.xlsx"), truth


def alt_enter_date_time(folder: Path):
    """The date and the time typed into one cell on two lines (Alt+Enter): "14/03/2016\n10:32"."""
    rows = [["Date / time", "Worker", "Event"]]
    rows += [[f"{DAYS[i]:%d/%m/%Y}\n{_hm(i)}", WORKERS[i % 4], TEXTS[i]] for i in range(8)]
    wb, _ws = _book(rows)
    truth = [_t(i, time=_hm(i), practitioner=WORKERS[i % 4]) for i in range(8)]
    return _save(wb, folder, "alt_enter_date_time.xlsx"), truth


def zone_after_time(folder: Path):
    """An acute trust's clinical notes export: "Performed Date/Time" as text with the clock's
    zone after it, "14/03/2016 10:32 GMT", "21/06/2016 16:45 BST" (local time as shown)."""
    rows = [["Performed Date/Time", "Performed By", "Note Type", "Result Status", "Note Text"]]
    for i in range(8):
        zone = "BST" if date(2016, 3, 27) <= DAYS[i] < date(2016, 10, 30) else "GMT"
        rows.append([f"{DAYS[i]:%d/%m/%Y} {_hm(i)} {zone}", WORKERS[i % 4], TYPES[i % 4],
                     "Auth (Verified)", TEXTS[i]])  # fmt: skip
    wb, _ws = _book(rows, title="Clinical Notes")
    truth = [_t(i, time=_hm(i), practitioner=WORKERS[i % 4], event_type=TYPES[i % 4])
             for i in range(8)]  # fmt: skip
    return _save(wb, folder, "zone_after_time.xlsx"), truth


# --- 5. systems' own layouts ----------------------------------------------------------------


def talking_therapy_scores(folder: Path):
    """A talking therapies service's appointments: date, session number, type, attendance
    (Attended / DNA), the PHQ-9, GAD-7 and WSAS scores, the therapist and the session notes."""
    rows = [["Appointment Date", "Session No", "Appointment Type", "Attendance", "PHQ9", "GAD7",
             "WSAS", "Therapist", "Session Notes"]]  # fmt: skip
    for i in range(8):
        rows.append([DAYS[i], i + 1, ("Assessment", "Treatment")[i > 0],
                     ("Attended", "DNA")[i in (2, 5)], 18 - i, 15 - i, 22 - i,
                     WORKERS[i % 2], TEXTS[i]])  # fmt: skip
    wb, ws = _book(rows, title="Appointments")
    _date_cells(ws)
    truth = [_t(i, practitioner=WORKERS[i % 2]) for i in range(8)]
    return _save(wb, folder, "talking_therapy_scores.xlsx"), truth


HISTORY = ["Mother reports baby unsettled at night.", "Attends with cough for 3 days.",
           "Seen with mother, low mood since birth.", "Burn to right hand yesterday.",
           "Review of eczema.", "Rash on arms, itchy.", "Asthma review.", "Ear pain 2 days."]  # fmt: skip
EXAMS = ["Weight on 9th centile.", "Chest clear.", "Tearful, no thoughts of harm.",
         "Superficial burn 2 cm.", "Dry skin on flexures.", "Urticarial rash.",
         "Peak flow normal.", "Left drum red."]  # fmt: skip
PLANS = ["HV to review.", "Fluids, safety net.", "Refer to perinatal team.",
         "Dressing; safeguarding referral.", "Emollients.", "Antihistamine.",
         "Continue inhaler.", "Analgesia, review if worse."]  # fmt: skip


def gp_split_consultation(folder: Path):
    """A GP system's consultation extract: the record split into History, Examination and Plan
    columns; the entry is all three with their labels."""
    rows = [["Consultation Date", "Clinician", "Consultation Type", "History", "Examination",
             "Plan"]]  # fmt: skip
    rows += [[DAYS[i], WORKERS[i % 4], "Surgery consultation", HISTORY[i], EXAMS[i], PLANS[i]]
             for i in range(8)]  # fmt: skip
    wb, ws = _book(rows, title="Consultations")
    _date_cells(ws)
    truth = [Expected(DAYS[i], event=HISTORY[i], practitioner=WORKERS[i % 4]) for i in range(8)]
    return _save(wb, folder, "gp_split_consultation.xlsx"), truth


# --- 6. the workbook around the sheet -------------------------------------------------------


def summary_and_lists_sheets(folder: Path):
    """The chronology, then a "Summary" tab business support added (counts by agency, the
    first and last dates), and a hidden "Lists" sheet holding the drop-down values."""
    rows = [["Date", "Agency", "Type", "Event"]]
    rows += [[DAYS[i], AGENCIES[i % 4], TYPES[i % 4], TEXTS[i]] for i in range(8)]
    wb, ws = _book(rows)
    _date_cells(ws)
    summary = wb.create_sheet("Summary")
    for row in [["Agency", "Entries"], *[[a, 2] for a in AGENCIES], ["Total", 8], [],
                ["First entry", DAYS[0]], ["Last entry", DAYS[7]]]:  # fmt: skip
        summary.append(row)
    summary["B9"].number_format = summary["B10"].number_format = "dd/mm/yyyy"
    lists = wb.create_sheet("Lists")
    for n, value in enumerate(TYPES + ["Letter", "E-mail"], start=1):
        lists.cell(row=n, column=1, value=value)
    for n, value in enumerate(AGENCIES, start=1):
        lists.cell(row=n, column=2, value=value)
    lists.sheet_state = "hidden"
    truth = [_t(i, event_type=TYPES[i % 4]) for i in range(8)]
    return _save(wb, folder, "summary_and_lists_sheets.xlsx"), truth


def chart_sheet_first(folder: Path):
    """A workbook whose first sheet is a chart (contacts per month) business support added in
    front of the data sheet."""
    from openpyxl.chart import BarChart, Reference

    rows = [["Date", "Worker", "Event"]]
    rows += [[DAYS[i], WORKERS[i % 4], TEXTS[i]] for i in range(8)]
    wb, ws = _book(rows, title="Chronology")
    _date_cells(ws)
    counts = wb.create_sheet("Counts")
    for row in [["Month", "Contacts"], ["Mar", 1], ["Apr", 1], ["May", 1], ["Jun", 1]]:
        counts.append(row)
    chart = BarChart()
    chart.add_data(Reference(counts, min_col=2, min_row=1, max_row=5), titles_from_data=True)
    sheet = wb.create_chartsheet("Contacts per month", 0)
    sheet.add_chart(chart)
    truth = [_t(i, practitioner=WORKERS[i % 4]) for i in range(8)]
    return _save(wb, folder, "chart_sheet_first.xlsx"), truth


STRICT = {
    b"http://schemas.openxmlformats.org/spreadsheetml/2006/main":
        b"http://purl.oclc.org/ooxml/spreadsheetml/main",
    b"http://schemas.openxmlformats.org/officeDocument/2006/relationships":
        b"http://purl.oclc.org/ooxml/officeDocument/relationships",
}  # fmt: skip


def strict_open_xml(folder: Path):
    """Saved as "Strict Open XML Spreadsheet": the same parts as an .xlsx, in the strict
    namespaces (purl.oclc.org)."""
    import zipfile

    rows = [["Date", "Time", "Worker", "Event"]]
    rows += [[DAYS[i], _hm(i), WORKERS[i % 4], TEXTS[i]] for i in range(8)]
    wb, ws = _book(rows)
    _date_cells(ws)
    plain = _save(wb, folder, "strict_plain.xlsx")
    path = folder / "strict_open_xml.xlsx"
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename.endswith(".xml") and not item.filename.startswith("[Content"):
                for old, new in STRICT.items():
                    data = data.replace(old, new)
            target.writestr(item, data)
    plain.unlink()
    truth = [_t(i, time=_hm(i), practitioner=WORKERS[i % 4]) for i in range(8)]
    return path, truth


# --- 7. a note over Excel's cell limit, cut into rows ----------------------------------------

LIMIT = 32767


def long_note(words: int = 6400) -> str:
    """A long assessment note: numbered sentences, no two alike."""
    return " ".join(f"Observation {n}: the worker noted item {n * 7} at the home." for n in
                    range(words // 9))  # fmt: skip


def cut_at_limit_rows(i: int):
    """The note of entry ``i`` over 32,767 characters, as an export cuts it: the pieces, and
    the text either side of the first cut."""
    note = f"{TEXTS[i]} {long_note()}"
    assert len(note) > LIMIT
    pieces = [note[n : n + LIMIT] for n in range(0, len(note), LIMIT)]
    return pieces, note[LIMIT - 30 : LIMIT + 30]


def cell_limit_rows_xlsx(folder: Path):
    """An export to Excel of notes longer than a cell holds (32,767 characters): the rest of
    a note goes on the next row, with the date, time and worker repeated."""
    rows = [["Date", "Time", "Worker", "Case Note"]]
    truth = []
    for i in range(8):
        if i in (2, 5):
            pieces, across = cut_at_limit_rows(i)
            rows += [[DAYS[i], _hm(i), WORKERS[i % 4], p] for p in pieces]
            truth.append(Expected(DAYS[i], time=_hm(i), event=across, practitioner=WORKERS[i % 4]))
        else:
            rows.append([DAYS[i], _hm(i), WORKERS[i % 4], TEXTS[i]])
            truth.append(_t(i, time=_hm(i), practitioner=WORKERS[i % 4]))
    wb, ws = _book(rows)
    _date_cells(ws)
    return _save(wb, folder, "cell_limit_rows.xlsx"), truth


# --- 8. LibreOffice ----------------------------------------------------------------------------


def _ods(path: Path, rows, *, merges=()) -> None:
    """``rows`` written as a LibreOffice sheet; ``merges``: (row, columns) merged across."""
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import CoveredTableCell, Table, TableCell, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    table = Table(name="Chronology")
    for r, values in enumerate(rows):
        row = TableRow()
        span = dict(merges).get(r)
        for c, value in enumerate(values):
            if isinstance(value, date):
                cell = TableCell(valuetype="date", datevalue=f"{value:%Y-%m-%d}")
                cell.addElement(P(text=f"{value:%d/%m/%Y}"))
            elif isinstance(value, int):
                cell = TableCell(valuetype="float", value=str(value))
                cell.addElement(P(text=str(value)))
            else:
                cell = TableCell(valuetype="string")
                if value:
                    cell.addElement(P(text=value))
            if span and c == 0:
                cell.setAttribute("numbercolumnsspanned", str(span))
            row.addElement(cell)
            if span and c == 0:
                for _ in range(span - 1):
                    row.addElement(CoveredTableCell())
                break
        table.addElement(row)
    doc.spreadsheet.addElement(table)
    doc.save(str(path))


def ods_column_numbers(folder: Path):
    """A LibreOffice copy of the partnership template: a row of column numbers under the
    headings."""
    rows = [["Date", "Agency", "Practitioner", "Event"], [1, 2, 3, 4]]
    rows += [[DAYS[i], AGENCIES[i % 4], WORKERS[i % 4], TEXTS[i]] for i in range(8)]
    path = folder / "ods_column_numbers.ods"
    _ods(path, rows)
    return path, [_t(i, practitioner=WORKERS[i % 4]) for i in range(8)]


def ods_agency_banners(folder: Path):
    """A LibreOffice combined chronology: a merged row naming each agency over its entries."""
    rows = [["Date", "Practitioner", "Event"]]
    merges = []
    for n, agency in enumerate(AGENCIES):
        merges.append((len(rows), 3))
        rows.append([agency, "", ""])
        rows += [[DAYS[i], WORKERS[i % 4], TEXTS[i]] for i in (n, n + 4)]
    path = folder / "ods_agency_banners.ods"
    _ods(path, rows, merges=merges)
    truth = [_t(i, practitioner=WORKERS[i % 4]) for n in range(4) for i in (n, n + 4)]
    return path, truth


# --- 9. more of what is done to a sheet before it is sent -----------------------------------


def typed_without_year(folder: Path):
    """Two dates typed "14/3" without a year: Excel made them date cells of the year they were
    typed in (2017) formatted "d-mmm", so the sheet shows "14-Mar". Their year is not known:
    flagged, never dated 2017."""
    rows = [["Date", "Worker", "Event"]]
    rows += [[DAYS[i], WORKERS[i % 4], TEXTS[i]] for i in range(8)]
    wb, ws = _book(rows)
    _date_cells(ws)
    for n in (3, 6):
        cell = ws.cell(row=n + 2, column=1)
        cell.value = DAYS[n].replace(year=2017)
        cell.number_format = "d-mmm"
    truth = [_t(i, practitioner=WORKERS[i % 4], flagged=i in (3, 6)) for i in range(8)]
    return _save(wb, folder, "typed_without_year.xlsx"), truth


def typed_without_year_under_banner(folder: Path):
    """A year banner "2016" over date cells formatted "d-mmm" (the year shown once, above):
    the banner gives them their year."""
    rows = [["Date", "Event"], ["2016", None]]
    rows += [[DAYS[i], TEXTS[i]] for i in range(8)]
    wb, ws = _book(rows)
    for cell in ws["A"][2:]:
        cell.number_format = "d-mmm"
    return _save(wb, folder, "typed_without_year_under_banner.xlsx"), [_t(i) for i in range(8)]


def dates_without_separators(folder: Path):
    """Dates typed without their slashes, "14032016": Excel kept them as numbers, the leading
    nought of "03042016" lost (3042016); two typed as text with the nought kept."""
    rows = [["Date", "Worker", "Event"]]
    for i in range(8):
        typed = f"{DAYS[i]:%d%m%Y}"
        rows.append([typed if i in (2, 6) else int(typed), WORKERS[i % 4], TEXTS[i]])
    wb, _ws = _book(rows)
    truth = [_t(i, practitioner=WORKERS[i % 4]) for i in range(8)]
    return _save(wb, folder, "dates_without_separators.xlsx"), truth


def us_export_under_own_header(folder: Path):
    """A UK case system's export, then a US-made system's pasted under it with its own
    headings and its dates month first ("06/21/2016 4:45 PM"): each part read in its own
    order."""
    rows = [["Date", "Worker", "Note"]]
    rows += [[f"{DAYS[i]:%d/%m/%Y}", WORKERS[i % 4], TEXTS[i]] for i in range(4)]
    rows += [[None] * 3, ["Date", "User", "Comments"]]
    for i in range(4, 8):
        rows.append([f"{DAYS[i]:%m/%d/%Y} {TIMES[i]:%I:%M %p}".lstrip("0"), WORKERS[i % 4],
                     TEXTS[i]])  # fmt: skip
    wb, _ws = _book(rows)
    truth = [_t(i, practitioner=WORKERS[i % 4]) for i in range(4)]
    truth += [_t(i, practitioner=WORKERS[i % 4], time=_hm(i)) for i in range(4, 8)]
    return _save(wb, folder, "us_export_under_own_header.xlsx"), truth


def note_typed_under_narrative(folder: Path):
    """A note typed under the table in the narrative's column, after a blank row ("NB: police
    records for 2016 not yet received"): not part of the last entry."""
    rows = [["Date", "Worker", "Event"]]
    rows += [[DAYS[i], WORKERS[i % 4], TEXTS[i]] for i in range(8)]
    rows += [[None] * 3, [None, None, "NB: police records for 2016 not yet received."]]
    wb, ws = _book(rows)
    _date_cells(ws)
    truth = [_t(i, practitioner=WORKERS[i % 4]) for i in range(8)]
    return _save(wb, folder, "note_typed_under_narrative.xlsx"), truth


def month_typed_became_day(folder: Path):
    """ "Mar 16" typed for March 2016: Excel took 16 for the day and gave it the year it was
    typed in, a date cell shown "16-Mar". Its month is not the day it shows: flagged."""
    rows = [["Date", "Event"]]
    rows += [[DAYS[i], TEXTS[i]] for i in range(8)]
    wb, ws = _book(rows)
    _date_cells(ws)
    ws["A5"].value = date(2017, 6, 16)  # "Jun 16" typed in 2017, for June 2016
    ws["A5"].number_format = "d-mmm"
    truth = [_t(i, flagged=i == 3) for i in range(8)]
    return _save(wb, folder, "month_typed_became_day.xlsx"), truth


def created_chronology_export(folder: Path):
    """A social care system's worker-made chronology exported to Excel: a date range (start
    and end, the end blank for a day), the child's age then, a category, the source, the
    description and the worker's analysis."""
    rows = [["Start date", "End date", "Age", "Category", "Source", "Description", "Analysis"]]
    for i in range(8):
        end = DAYS[i].replace(day=DAYS[i].day + 2) if i in (1, 4) else None
        rows.append([DAYS[i], end, f"{i // 2 + 1}y {i % 12}m", TYPES[i % 4], "Case note",
                     TEXTS[i], "Seen and heard; plan followed." if i % 2 else ""])  # fmt: skip
    wb, ws = _book(rows, title="Chronology")
    _date_cells(ws)
    _date_cells(ws, "B")
    truth = []
    for i in range(8):
        end = DAYS[i].replace(day=DAYS[i].day + 2) if i in (1, 4) else None
        truth.append(Expected(DAYS[i], end, event=TEXTS[i], event_type=TYPES[i % 4]))
    return _save(wb, folder, "created_chronology_export.xlsx"), truth


FILES = {
    f.__name__: f
    for f in [
        stacked_exports, stacked_exports_other_order, sign_off_block_below, notes_and_key_below,
        headings_with_stray_spaces, column_numbers_row, column_letters_row,
        narrative_merged_two_rows, protected_frozen_sheet, table_default_headings,
        web_grid_paste, agency_banner_rows, grouped_rows_collapsed, epoch_time_cells,
        locale_tagged_formats, year_in_date_cell, alt_enter_date_time, zone_after_time,
        talking_therapy_scores, gp_split_consultation, summary_and_lists_sheets,
        chart_sheet_first, strict_open_xml, cell_limit_rows_xlsx, ods_column_numbers,
        ods_agency_banners, typed_without_year, typed_without_year_under_banner,
        dates_without_separators, us_export_under_own_header, note_typed_under_narrative,
        month_typed_became_day, created_chronology_export,
    ]
}  # fmt: skip
