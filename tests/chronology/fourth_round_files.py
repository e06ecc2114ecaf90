"""A fourth round of agency files, in forms the earlier rounds (robust_files.py,
more_agency_files.py) did not cover, each written the way the system or template writes it, with
the truth every entry must come in as (the conventions of robust_files.py). All names are
fictional; the Word documents are in fourth_round_word.py."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from types import SimpleNamespace

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
    differences,
)


def same_text_differences(rows, truth: list[Expected]) -> list[str]:
    """`differences`, reading each narrative with its white space run together: a narrative
    wrapped over several lines or rows is right when its words arrive in order."""
    flat = [SimpleNamespace(**{**vars(r), "event": " ".join((r.event or "").split())})
            for r in rows]  # fmt: skip
    return differences(flat, truth)


# --- 1. a case system's case-note report: "14/03/2016 10:32:00" as text -----------------------


def seconds_in_text(folder: Path):
    """A children's case system's case-note report saved from its web viewer: the date and time
    in one text cell with seconds, "14/03/2016 10:32:00"."""
    rows = [["Case Note Date", "Case Note Type", "Author", "Case Note Text"]]
    for i in range(8):
        rows.append([f"{_dt(i):%d/%m/%Y %H:%M:%S}", TYPES[i % 4], WORKERS[i % 4], TEXTS[i]])
    wb, _ws = _sheet(rows, title="Case Notes")
    path = folder / "seconds_in_text.xlsx"
    wb.save(path)
    return path, _truth()


# --- 2. ISO 8601 with a "T" and the UK offset -------------------------------------------------


def iso_with_offset(folder: Path):
    """A web service's export: "2016-06-21T16:45:00+01:00", local time with its offset."""
    from zoneinfo import ZoneInfo

    rows = [["timestamp", "staff", "category", "description"]]
    for i in range(8):
        local = _dt(i).replace(tzinfo=ZoneInfo("Europe/London"))
        rows.append([local.isoformat(), WORKERS[i % 4], TYPES[i % 4], TEXTS[i]])
    path = folder / "iso_with_offset.csv"
    _csv(path, rows)
    return path, _truth()


# --- 3. a data warehouse extract: EVENT_DATE, CASE_NOTE_TEXT, milliseconds ----------------------


def warehouse_capitals(folder: Path):
    """A reporting database's extract: headings in capitals with underscores, the date and time
    "2016-03-14 10:32:00.000", a record id and a person id."""
    rows = [["RECORD_ID", "PERSON_ID", "EVENT_DATE", "EVENT_TYPE", "STAFF_NAME",
             "CASE_NOTE_TEXT"]]  # fmt: skip
    for i in range(8):
        rows.append([str(880120 + i * 7), "1002231", f"{_dt(i):%Y-%m-%d %H:%M:%S}.000",
                     TYPES[i % 4], WORKERS[i % 4], TEXTS[i]])  # fmt: skip
    path = folder / "warehouse_capitals.csv"
    _csv(path, rows)
    return path, _truth()


# --- 4. e-mails kept as case records: Subject and Body --------------------------------------


SUBJECTS = ["Home visit today", "Nursery collection", "Missed appointment", "A&E attendance",
            "Strategy discussion", "No answer at the flat", "Breakfast club",
            "Supervision notes"]  # fmt: skip


def subject_and_body(folder: Path):
    """Correspondence kept on the case: when received, from whom, the subject and the body;
    the entry is the subject with the body."""
    rows = [["Received", "From", "Subject", "Body"]]
    for i in range(8):
        rows.append([_dt(i), WORKERS[i % 4], SUBJECTS[i], TEXTS[i]])
    wb, ws = _sheet(rows, title="Emails")
    for row in range(2, 10):
        ws.cell(row=row, column=1).number_format = "dd/mm/yyyy hh:mm"
    path = folder / "subject_and_body.xlsx"
    wb.save(path)
    truth = [Expected(**{**vars(e), "event": f"Subject: {SUBJECTS[i]} Body: {e.event}"})
             for i, e in enumerate(_truth(types=False))]  # fmt: skip
    return path, truth


# --- 5. a command-and-control log: each entry over several rows, wrapped line by line ----------


def _wrap(text: str, width: int = 48) -> list[str]:
    import textwrap

    return textwrap.wrap(text, width)


def wrapped_log_rows(folder: Path):
    """A police incident log printed to a spreadsheet: the stamp, operator and type on the first
    row of each entry, the log text wrapped over the rows under it, line by line."""
    rows = [["Date/Time", "Operator", "Type", "Log Text"]]
    for i in range(8):
        lines = _wrap(TEXTS[i])
        rows.append([f"{_dt(i):%d/%m/%Y %H:%M}", WORKERS[i % 4], TYPES[i % 4], lines[0]])
        rows += [["", "", "", line] for line in lines[1:]]
    path = folder / "wrapped_log_rows.csv"
    _csv(path, rows)
    return path, _truth()


# --- 6. one column per agency ---------------------------------------------------------------

AGENCY_COLUMNS = ["Children's Social Care", "Health", "Police", "Education"]


def column_per_agency(folder: Path):
    """A panel's working grid: the date, then one column per agency, each row's event written
    under the agency concerned."""
    rows = [["Date", *AGENCY_COLUMNS]]
    for i in range(8):
        cells = [""] * 4
        cells[i % 4] = TEXTS[i]
        rows.append([DAYS[i], *cells])
    wb, ws = _sheet(rows, title="Grid")
    for row in range(2, 10):
        ws.cell(row=row, column=1).number_format = "dd/mm/yyyy"
    path = folder / "column_per_agency.xlsx"
    wb.save(path)
    return path, _truth(times=False, worker=False, types=False)


# --- 7. a second sheet with the columns in another order --------------------------------------


def sheets_in_other_orders(folder: Path):
    """A workbook with a sheet per half-year, the second sheet's columns in another order."""
    from openpyxl import Workbook

    wb = Workbook()
    first = wb.active
    first.title = "Jan-Jun 2016"
    second = wb.create_sheet("Jul-Dec 2016")
    first.append(["Date", "Worker", "Type", "Details"])
    second.append(["Details", "Type", "Date", "Worker"])
    for i in range(8):
        if DAYS[i].month <= 6:
            first.append([f"{DAYS[i]:%d/%m/%Y}", WORKERS[i % 4], TYPES[i % 4], TEXTS[i]])
        else:
            second.append([TEXTS[i], TYPES[i % 4], f"{DAYS[i]:%d/%m/%Y}", WORKERS[i % 4]])
    path = folder / "sheets_in_other_orders.xlsx"
    wb.save(path)
    return path, _truth(times=False)


# --- 8. a summary sheet before the chronology -------------------------------------------------


def summary_sheet_first(folder: Path):
    """An agency's return: a "Summary" sheet (labels and values, a date range, counts) before the
    "Chronology" sheet. Only the chronology's entries come in."""
    from openpyxl import Workbook

    wb = Workbook()
    summary = wb.active
    summary.title = "Summary"
    for row in (["Agency return: chronology"], ["Subject:", "Child Z"],
                ["Period covered:", "01/03/2016 to 30/11/2016"], ["Entries:", 8],
                ["Completed by:", WORKERS[0]], ["Date completed:", date(2016, 12, 5)]):  # fmt: skip
        summary.append(row)
    sheet = wb.create_sheet("Chronology")
    sheet.append(["Date", "Time", "Practitioner", "Type", "Event"])
    for i in range(8):
        sheet.append([DAYS[i], f"{TIMES[i]:%H:%M}", WORKERS[i % 4], TYPES[i % 4], TEXTS[i]])
        sheet.cell(row=i + 2, column=1).number_format = "dd/mm/yyyy"
    path = folder / "summary_sheet_first.xlsx"
    wb.save(path)
    return path, _truth()


# --- 9. a template with styled empty rows and a gap-in-days column ----------------------------


def styled_template_rows(folder: Path):
    """An IMR workbook template: a title, the headings, the entries, a "Days since previous
    contact" column of numbers, and 400 bordered empty rows with drop-down lists below."""
    from openpyxl import Workbook
    from openpyxl.styles import Border, Side
    from openpyxl.worksheet.datavalidation import DataValidation

    wb = Workbook()
    ws = wb.active
    ws.append(["Agency chronology: Child Z"])
    ws.append(["Date", "Days since previous contact", "Practitioner", "Type of contact",
               "Description of contact"])  # fmt: skip
    for i in range(8):
        gap = (DAYS[i] - DAYS[i - 1]).days if i else None
        ws.append([DAYS[i], gap, WORKERS[i % 4], TYPES[i % 4], TEXTS[i]])
        ws.cell(row=i + 3, column=1).number_format = "dd/mm/yyyy"
    thin = Side(style="thin")
    for row in range(11, 411):
        for col in range(1, 6):
            ws.cell(row=row, column=col).border = Border(left=thin, right=thin, bottom=thin)
    choice = DataValidation(type="list", formula1='"Home visit,Telephone call,Office visit"')
    ws.add_data_validation(choice)
    choice.add("D3:D410")
    path = folder / "styled_template_rows.xlsx"
    wb.save(path)
    return path, _truth(times=False)


# --- 10. dates shown as Excel day numbers in a General column ---------------------------------


def day_numbers_general(folder: Path):
    """A sheet whose date column lost its format: real numbers 42443, 42463 ... under "Date"."""
    rows = [["Date", "Time", "Officer", "Contact type", "Notes"]]
    for i in range(8):
        serial = (DAYS[i] - date(1899, 12, 30)).days
        rows.append([serial, f"{TIMES[i]:%H:%M}", WORKERS[i % 4], TYPES[i % 4], TEXTS[i]])
    wb, _ws = _sheet(rows)
    path = folder / "day_numbers_general.xlsx"
    wb.save(path)
    return path, _truth()


# --- 11. two-digit years across 1999/2000 -----------------------------------------------------

HISTORY_DAYS = [date(1987, 5, 12), date(1992, 11, 3), date(1999, 12, 24), date(2000, 1, 6),
                date(2003, 4, 3), date(2008, 9, 12), date(2014, 2, 1), date(2016, 3, 14)]  # fmt: skip


def short_years_across_2000(folder: Path):
    """A family history from an old system: "12/05/87", "24/12/99", "06/01/00"."""
    rows = [["Date", "Source", "Event"]]
    for i in range(8):
        rows.append([f"{HISTORY_DAYS[i]:%d/%m/%y}", "Records", TEXTS[i]])
    path = folder / "short_years_across_2000.csv"
    _csv(path, rows)
    return path, [Expected(HISTORY_DAYS[i], event=TEXTS[i]) for i in range(8)]


# --- 12. months abbreviated with stops and "Sept" ---------------------------------------------

ABBREVIATED = ["14 Mar. 2016", "3 Apr. 2016", "6 May 2016", "21 June 2016", "2 Aug. 2016",
               "12 Sept 2016", "5 Oct. 2016", "28 Nov. 2016"]  # fmt: skip


def month_stops_and_sept(folder: Path):
    """A probation officer's typed log: "14 Mar. 2016", "12 Sept 2016", "21 June 2016"."""
    rows = [["Date", "Officer", "Contact", "Record"]]
    for i in range(8):
        rows.append([ABBREVIATED[i], WORKERS[i % 4], TYPES[i % 4], TEXTS[i]])
    path = folder / "month_stops_and_sept.csv"
    _csv(path, rows)
    return path, _truth(times=False)


# --- 13. Welsh weekday and month: "Dydd Llun 14 Mawrth 2016" -----------------------------------

WELSH_DAYS = ["Dydd Llun", "Dydd Mawrth", "Dydd Mercher", "Dydd Iau", "Dydd Gwener",
              "Dydd Sadwrn", "Dydd Sul"]  # fmt: skip
WELSH_MONTHS = ["Ionawr", "Chwefror", "Mawrth", "Ebrill", "Mai", "Mehefin", "Gorffennaf", "Awst",
                "Medi", "Hydref", "Tachwedd", "Rhagfyr"]  # fmt: skip


def welsh_weekday_dates(folder: Path):
    """A Welsh-medium service's log: "Dydd Llun 14 Mawrth 2016" ("Dydd Mawrth" is Tuesday,
    "Mawrth" alone is March)."""
    rows = [["Dyddiad", "Amser", "Gweithiwr", "Math o gyswllt", "Nodiadau"]]
    for i in range(8):
        day = DAYS[i]
        shown = f"{WELSH_DAYS[day.weekday()]} {day.day} {WELSH_MONTHS[day.month - 1]} {day.year}"
        rows.append([shown, f"{TIMES[i]:%H:%M}", WORKERS[i % 4], TYPES[i % 4], TEXTS[i]])
    wb, _ws = _sheet(rows, title="Cronoleg")
    path = folder / "welsh_weekday_dates.xlsx"
    wb.save(path)
    return path, _truth()


# --- 14. very long narratives with tabs and bullets -------------------------------------------


def _long_text(i: int) -> str:
    parts = [TEXTS[i], "Discussed:"]
    for n in range(70):
        parts.append(f"\t• point {n + 1}: {TEXTS[(i + n) % 8]}")
    return "\n".join(parts)


def long_narratives(folder: Path):
    """An assessment log whose entries run past 10,000 characters, with tabs and bullets."""
    rows = [["Date", "Worker", "Type", "Assessment notes"]]
    for i in range(8):
        rows.append([f"{DAYS[i]:%d/%m/%Y}", WORKERS[i % 4], TYPES[i % 4], _long_text(i)])
    path = folder / "long_narratives.csv"
    _csv(path, rows)
    truth = [Expected(e.start, e.end, "", " ".join(_long_text(i).split()), e.practitioner, "",
                      e.event_type) for i, e in enumerate(_truth(times=False))]  # fmt: skip
    return path, truth


# --- 15. web-editor remnants in a workbook ----------------------------------------------------


def _marked_up(text: str) -> str:
    escaped = text.replace("&", "&amp;").replace("'", "&#39;")
    first, _sep, rest = escaped.partition(". ")
    return f"<P>{first}.</P><BR>{rest}" if rest else first


def html_in_workbook(folder: Path):
    """A web case system's export to .xlsx: the notes keep the editor's tags (<P>, <BR>) and
    entities (&#39;, &amp;)."""
    rows = [["Date", "Worker", "Type", "Note"]]
    for i in range(8):
        rows.append([f"{DAYS[i]:%d/%m/%Y}", WORKERS[i % 4], TYPES[i % 4], _marked_up(TEXTS[i])])
    wb, _ws = _sheet(rows, title="Notes")
    path = folder / "html_in_workbook.xlsx"
    wb.save(path)
    return path, _truth(times=False)
