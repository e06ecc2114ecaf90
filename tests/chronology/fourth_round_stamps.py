"""The fourth round's files on dates and times as systems stamp them (see fourth_round_files.py
for the conventions). All names are fictional."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from tests.chronology.more_agency_files import _sheet
from tests.chronology.robust_files import (
    DAYS,
    TEXTS,
    TIMES,
    TYPES,
    WORKERS,
    Expected,
    _csv,
    _dt,
    _truth,
)

# --- 16-18. times as people write them ----------------------------------------------------------

WRITTEN_TIMES = ["10.32", "2.30pm", "0905hrs", "4.45 pm", "11am", "08.15 hrs", "1320hrs",
                 "3.55 p.m."]  # fmt: skip


def written_times(folder: Path):
    """A support service's log: "10.32", "2.30pm", "0905hrs", "4.45 pm", "11am", "3.55 p.m."."""
    rows = [["Date", "Time", "Worker", "Type", "Summary"]]
    for i in range(8):
        rows.append([f"{DAYS[i]:%d/%m/%Y}", WRITTEN_TIMES[i], WORKERS[i % 4], TYPES[i % 4],
                     TEXTS[i]])  # fmt: skip
    path = folder / "written_times.csv"
    _csv(path, rows)
    return path, _truth()


def date_at_time(folder: Path):
    """A police statement log: "14/03/2016 at 10.32" in one cell."""
    rows = [["When", "Officer", "Type", "Account"]]
    for i in range(8):
        rows.append([f"{DAYS[i]:%d/%m/%Y} at {TIMES[i]:%H.%M}", WORKERS[i % 4], TYPES[i % 4],
                     TEXTS[i]])  # fmt: skip
    path = folder / "date_at_time.csv"
    _csv(path, rows)
    return path, _truth()


def oracle_timestamps(folder: Path):
    """A probation system's report from an Oracle database: "14-MAR-16 10.32.00.000000 AM"."""
    rows = [["Contact Date", "Contact Type", "Officer", "Notes"]]
    for i in range(8):
        stamp = _dt(i)
        hour = stamp.hour % 12 or 12
        shown = (
            f"{stamp:%d}-{stamp:%b}".upper()
            + f"-{stamp:%y} {hour:02d}.{stamp:%M}.00.000000 {stamp:%p}"
        )
        rows.append([shown, TYPES[i % 4], WORKERS[i % 4], TEXTS[i]])
    path = folder / "oracle_timestamps.csv"
    _csv(path, rows)
    return path, _truth()


# --- 19. a workbook on the 1904 date system ---------------------------------------------------


def mac_1904_dates(folder: Path):
    """A workbook from an old Mac Excel: real date cells on the 1904 date system."""
    from openpyxl import Workbook
    from openpyxl.utils.datetime import CALENDAR_MAC_1904

    wb = Workbook()
    wb.epoch = CALENDAR_MAC_1904
    ws = wb.active
    ws.append(["Date", "Worker", "Type", "Notes"])
    for i in range(8):
        ws.append([_dt(i), WORKERS[i % 4], TYPES[i % 4], TEXTS[i]])
        ws.cell(row=i + 2, column=1).number_format = "dd/mm/yyyy hh:mm"
    path = folder / "mac_1904_dates.xlsx"
    wb.save(path)
    return path, _truth()


# --- 20. a start and an end date in columns of their own --------------------------------------

LENGTHS = [0, 3, None, 10, 1, None, 6, 0]


def date_from_and_to(folder: Path):
    """A short-break and placement record: "Date From" and "Date To", the end blank for a day."""
    rows = [["Date From", "Date To", "Worker", "Service", "Notes"]]
    truth = []
    for i in range(8):
        length = LENGTHS[i]
        end = DAYS[i] + timedelta(days=length) if length is not None else None
        rows.append([DAYS[i], end, WORKERS[i % 4], TYPES[i % 4], TEXTS[i]])
        truth.append(Expected(DAYS[i], end, "", TEXTS[i], WORKERS[i % 4], "", TYPES[i % 4]))
    wb, ws = _sheet(rows)
    for row in range(2, 10):
        for col in (1, 2):
            ws.cell(row=row, column=col).number_format = "dd/mm/yyyy"
    path = folder / "date_from_and_to.xlsx"
    wb.save(path)
    return path, truth


# --- 21. the date of birth beside the event date ----------------------------------------------


def birth_date_beside(folder: Path):
    """A child health extract: NHS number and date of birth on every row, then the event's date,
    time, clinician, type and details."""
    rows = [["NHS Number", "Date of Birth", "Event Date", "Event Time", "Clinician", "Event Type",
             "Details"]]  # fmt: skip
    for i in range(8):
        rows.append(["943 476 5919", "01/02/2014", f"{DAYS[i]:%d/%m/%Y}", f"{TIMES[i]:%H:%M}",
                     WORKERS[i % 4], TYPES[i % 4], TEXTS[i]])  # fmt: skip
    path = folder / "birth_date_beside.csv"
    _csv(path, rows)
    return path, _truth()


# --- 22. a housing system's actions: a code, a short description and the notes -----------------


def housing_actions(folder: Path):
    """A housing management system's action history: the action date, code ("ASB1"), its short
    description, the officer and the notes."""
    codes = [("ASB1", "ASB complaint received"), ("TV01", "Tenancy visit"),
             ("ARR2", "Arrears letter 2"), ("REP1", "Repair reported")]  # fmt: skip
    rows = [["Action Date", "Action Code", "Action Description", "Officer", "Notes"]]
    for i in range(8):
        code, described = codes[i % 4]
        rows.append([DAYS[i], code, described, WORKERS[i % 4], TEXTS[i]])
    wb, ws = _sheet(rows, title="Actions")
    for row in range(2, 10):
        ws.cell(row=row, column=1).number_format = "dd/mm/yyyy"
    path = folder / "housing_actions.xlsx"
    wb.save(path)
    return path, _truth(times=False, types=False)


# --- 23. an ambulance patient record: several stamps with seconds ------------------------------


def ambulance_stamps(folder: Path):
    """An ambulance service's patient record list: "Call Received", "At Scene" and "Left Scene"
    stamps with seconds; the call is the entry's time."""
    rows = [["Incident Number", "Call Received", "At Scene", "Left Scene", "Clinician",
             "Call Category", "Clinical Narrative"]]  # fmt: skip
    for i in range(8):
        call = _dt(i) + timedelta(seconds=17)
        rows.append([f"{160314 + i * 11}-{i + 1}", f"{call:%d/%m/%Y %H:%M:%S}",
                     f"{call + timedelta(minutes=17, seconds=4):%d/%m/%Y %H:%M:%S}",
                     f"{call + timedelta(minutes=55):%d/%m/%Y %H:%M:%S}", WORKERS[i % 4],
                     TYPES[i % 4], TEXTS[i]])  # fmt: skip
    path = folder / "ambulance_stamps.csv"
    _csv(path, rows)
    return path, _truth()


# --- 24. clinicians as "SURNAME, Forename (Title)" ----------------------------------------------


def surname_first_clinicians(folder: Path):
    """An acute trust's clinical notes: the author written "ELLERY, Sam (Dr)"."""
    names = [f"{w.split()[1].upper()}, {w.split()[0]}" for w in WORKERS]
    titles = ["Dr", "Nurse", "Dr", "Ms"]
    rows = [["Note Date", "Note Time", "Author", "Note Type", "Clinical Note"]]
    for i in range(8):
        rows.append([f"{DAYS[i]:%d/%m/%Y}", f"{TIMES[i]:%H:%M}", f"{names[i % 4]} ({titles[i % 4]})",
                     TYPES[i % 4], TEXTS[i]])  # fmt: skip
    path = folder / "surname_first_clinicians.csv"
    _csv(path, rows)
    truth = [Expected(e.start, e.end, e.time, e.event, names[i % 4], "", e.event_type)
             for i, e in enumerate(_truth())]  # fmt: skip
    return path, truth


# --- 25-26. long dates ------------------------------------------------------------------------


def long_dates_with_weekday(folder: Path):
    """A domestic abuse service's log typed in Word's long form: "Monday, 14 March 2016"."""
    rows = [["Date", "Time", "Support worker", "Contact", "Summary"]]
    for i in range(8):
        rows.append([f"{DAYS[i]:%A}, {DAYS[i].day} {DAYS[i]:%B %Y}", f"{TIMES[i]:%H:%M}",
                     WORKERS[i % 4], TYPES[i % 4], TEXTS[i]])  # fmt: skip
    wb, _ws = _sheet(rows)
    path = folder / "long_dates_with_weekday.xlsx"
    wb.save(path)
    return path, _truth()


def us_long_datetime(folder: Path):
    """A hosted case system's CSV: "Mar 14, 2016 10:32 AM"."""
    rows = [["Created Date", "Created By", "Activity Type", "Comments"]]
    for i in range(8):
        stamp = _dt(i)
        hour = stamp.hour % 12 or 12
        rows.append([f"{stamp:%b} {stamp.day}, {stamp.year} {hour}:{stamp:%M} {stamp:%p}",
                     WORKERS[i % 4], TYPES[i % 4], TEXTS[i]])  # fmt: skip
    path = folder / "us_long_datetime.csv"
    _csv(path, rows)
    return path, _truth()


# --- 27. an .ods with typed date and time cells -------------------------------------------------


def ods_typed_cells(folder: Path):
    """A spreadsheet saved as .ods by LibreOffice: real date cells and real time cells."""
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    table = Table(name="Contacts")

    def add(cells):
        row = TableRow()
        for cell in cells:
            row.addElement(cell)
        table.addElement(row)

    def text(value):
        cell = TableCell(valuetype="string")
        cell.addElement(P(text=value))
        return cell

    add([text(h) for h in ("Date", "Time", "Worker", "Type", "Notes")])
    for i in range(8):
        day = TableCell(valuetype="date", datevalue=f"{DAYS[i]:%Y-%m-%d}")
        day.addElement(P(text=f"{DAYS[i]:%d/%m/%Y}"))
        clock = TableCell(valuetype="time", timevalue=f"PT{TIMES[i]:%H}H{TIMES[i]:%M}M00S")
        clock.addElement(P(text=f"{TIMES[i]:%H:%M}"))
        add([day, clock, text(WORKERS[i % 4]), text(TYPES[i % 4]), text(TEXTS[i])])
    doc.spreadsheet.addElement(table)
    path = folder / "ods_typed_cells.ods"
    doc.save(str(path))
    return path, _truth()


# --- 28. pipe-delimited text from a database ----------------------------------------------------


def pipe_delimited(folder: Path):
    """A database extract as a .txt with "|" between the fields."""
    lines = ["ContactDate|ContactTime|Worker|ContactType|Notes"]
    for i in range(8):
        lines.append(f"{DAYS[i]:%d/%m/%Y}|{TIMES[i]:%H:%M}|{WORKERS[i % 4]}|{TYPES[i % 4]}|"
                     f"{TEXTS[i]}")  # fmt: skip
    path = folder / "pipe_delimited.txt"
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    return path, _truth()


# --- 29. an .xls with dotted dates and two-digit years -------------------------------------------


def xls_dotted_short_years(folder: Path):
    """A legacy .xls typed by hand: dates as text "14.03.16", the time in a column of its own."""
    import xlwt

    book = xlwt.Workbook()
    sheet = book.add_sheet("Log")
    for col, head in enumerate(["Date", "Time", "Staff", "Type", "Entry"]):
        sheet.write(0, col, head)
    for i in range(8):
        for col, value in enumerate([f"{DAYS[i]:%d.%m.%y}", f"{TIMES[i]:%H:%M}", WORKERS[i % 4],
                                     TYPES[i % 4], TEXTS[i]]):  # fmt: skip
            sheet.write(i + 1, col, value)
    path = folder / "xls_dotted_short_years.xls"
    book.save(str(path))
    return path, _truth()


# --- 30. impossible dates: never put right by a guess --------------------------------------------

IMPOSSIBLE = {2: "31/02/2016", 5: "00/09/2016", 6: "32/10/2016"}


def impossible_dates(folder: Path):
    """A typed chronology with slips no calendar has: "31/02/2016", "00/09/2016", "32/10/2016".
    Those entries are imported and flagged; the others come in as written."""
    rows = [["Date", "Practitioner", "Type", "Event"]]
    for i in range(8):
        rows.append([IMPOSSIBLE.get(i, f"{DAYS[i]:%d/%m/%Y}"), WORKERS[i % 4], TYPES[i % 4],
                     TEXTS[i]])  # fmt: skip
    path = folder / "impossible_dates.csv"
    _csv(path, rows)
    truth = [Expected(**{**vars(e), "flagged": i in IMPOSSIBLE})
             for i, e in enumerate(_truth(times=False))]  # fmt: skip
    return path, truth


# --- 31. a UK file opened in Excel set to US dates, then saved ---------------------------------


def us_locale_resaved(folder: Path):
    """A UK chronology opened in an Excel set to US dates and saved as .xlsx: the dates Excel
    could read month first (03/04/2016) became date cells with day and month swapped (4 March);
    those it could not (14/03/2016) stayed text. The date cells are read day first again and
    flagged so that someone checks them; the text dates come in as written."""
    rows = [["Date", "Worker", "Type", "Note"]]
    swapped = []
    for i in range(8):
        if DAYS[i].day <= 12:
            rows.append([date(DAYS[i].year, DAYS[i].day, DAYS[i].month), WORKERS[i % 4],
                         TYPES[i % 4], TEXTS[i]])  # fmt: skip
            swapped.append(i)
        else:
            rows.append([f"{DAYS[i]:%d/%m/%Y}", WORKERS[i % 4], TYPES[i % 4], TEXTS[i]])
    wb, ws = _sheet(rows)
    for i in swapped:
        ws.cell(row=i + 2, column=1).number_format = "m/d/yyyy"
    path = folder / "us_locale_resaved.xlsx"
    wb.save(path)
    truth = [Expected(**{**vars(e), "flagged": i in swapped})
             for i, e in enumerate(_truth(times=False))]  # fmt: skip
    return path, truth


# --- 32. a note split over several columns by an old export ------------------------------------


def _pieces(text: str, size: int = 60) -> list[str]:
    return [text[n : n + size] for n in range(0, 180, size)]


def note_split_over_columns(folder: Path):
    """An old system's export that cuts each note into columns of a fixed width, "Note 1",
    "Note 2", "Note 3", wherever the cut falls (mid-word too): the note is the three joined."""
    rows = [["Date", "Worker", "Type", "Note 1", "Note 2", "Note 3"]]
    for i in range(8):
        rows.append([f"{DAYS[i]:%d/%m/%Y}", WORKERS[i % 4], TYPES[i % 4], *_pieces(TEXTS[i])])
    path = folder / "note_split_over_columns.csv"
    _csv(path, rows)
    return path, _truth(times=False)


# --- 33. compact stamps from a hospital interface -----------------------------------------------


def compact_stamps(folder: Path):
    """A hospital data warehouse's extract: the event stamp in the interface's compact form,
    "201603141032" (year, month, day, hours, minutes), and the discharge stamp beside it."""
    rows = [["EVENT_DTTM", "END_DTTM", "CLINICIAN", "EVENT_TYPE", "NOTE_TEXT"]]
    for i in range(8):
        end = _dt(i) + timedelta(minutes=40)
        rows.append([f"{_dt(i):%Y%m%d%H%M}", f"{end:%Y%m%d%H%M%S}", WORKERS[i % 4], TYPES[i % 4],
                     TEXTS[i]])  # fmt: skip
    path = folder / "compact_stamps.csv"
    _csv(path, rows)
    return path, _truth()


# --- 34. a control room log: the 24-hour time in four figures before the date ------------------


def four_figure_time_first(folder: Path):
    """A control room's incident list: "1032 14/03/16", the time in four figures first."""
    rows = [["Time Date", "Call Taker", "Incident Type", "Remarks"]]
    for i in range(8):
        rows.append([f"{TIMES[i]:%H%M} {DAYS[i]:%d/%m/%y}", WORKERS[i % 4], TYPES[i % 4],
                     TEXTS[i]])  # fmt: skip
    path = folder / "four_figure_time_first.csv"
    _csv(path, rows)
    return path, _truth()
