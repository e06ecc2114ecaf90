"""A sixth round of agency files: CSV, text, web-page and XML exports in forms the earlier rounds
(robust_files.py, more_agency_files.py, fourth_round_*.py, fifth_round_*.py) did not cover, each
written as the system writes it, with the truth every entry must come in as (the conventions of
robust_files.py). All names are fictional."""

from __future__ import annotations

import codecs
import csv
import html
import io
from datetime import date, datetime, timedelta
from pathlib import Path

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


def _text(rows, delimiter=",", lineterminator="\r\n") -> str:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator=lineterminator).writerows(rows)
    return out.getvalue()


def _rows(heads, cells):
    return [heads, *(cells(i) for i in range(8))]


def _ordinal(day: int) -> str:
    return f"{day}" + {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd", 31: "st"}.get(
        day, "th"
    )


def _twelve(i: int, am="AM", pm="PM", zero=False) -> str:
    stamp = _dt(i)
    hour = stamp.hour % 12 or 12
    return (
        f"{hour:02d}:{stamp:%M}" if zero else f"{hour}:{stamp:%M}" + (am if stamp.hour < 12 else pm)
    )


# --- 1. a report server's "Excel" export that is an HTML table -------------------------------


def html_table_xls(folder: Path):
    """A case system's report exported "to Excel": an HTML page with a .xls name, a title row
    spanning the table, the headings in <th>, notes with <br> and entities, a footer row."""
    cells = []
    for i in range(8):
        note = html.escape(TEXTS[i]).replace(": ", ":<br>", 1)
        cells.append(
            f"<tr><td>{_dt(i):%d/%m/%Y %H:%M}</td><td>{TYPES[i % 4]}</td>"
            f"<td>{WORKERS[i % 4]}</td><td>{note}</td></tr>"
        )
    page = (
        '<html xmlns:x="urn:schemas-microsoft-com:office:excel">\r\n<head><meta http-equiv='
        '"Content-Type" content="text/html; charset=utf-8"><style>td {mso-number-format:\\@;}'
        "</style></head>\r\n<body>\r\n<table border=1>\r\n"
        '<tr><td colspan="4"><b>Case Notes Report &ndash; Child Z</b></td></tr>\r\n'
        "<tr><th>Date/Time</th><th>Case Note Type</th><th>Worker</th><th>Case Note</th></tr>\r\n"
        + "\r\n".join(cells)
        + '\r\n<tr><td colspan="4">Printed on 02/12/2016 by Report Server</td></tr>\r\n'
        "</table>\r\n</body>\r\n</html>\r\n"
    )
    path = folder / "html_table_xls.xls"
    path.write_text(page, encoding="utf-8")
    return path, _truth()


# --- 2. Excel 2003 XML (SpreadsheetML) ---------------------------------------------------------


def spreadsheet_2003_xml(folder: Path):
    """A reporting tool's "Excel 2003 XML" export: <Workbook> of <Row>s and <Cell>s, dates as
    ss:Type="DateTime" values, an empty cell skipped with ss:Index."""
    rows = []
    for i in range(8):
        rows.append(
            "<Row>"
            f'<Cell ss:StyleID="d"><Data ss:Type="DateTime">{_dt(i):%Y-%m-%dT%H:%M}:00.000</Data>'
            f'</Cell><Cell ss:Index="3"><Data ss:Type="String">{WORKERS[i % 4]}</Data></Cell>'
            f'<Cell><Data ss:Type="String">{TYPES[i % 4]}</Data></Cell>'
            f'<Cell><Data ss:Type="String">{html.escape(TEXTS[i])}</Data></Cell></Row>'
        )
    text = (
        '<?xml version="1.0"?>\r\n<?mso-application progid="Excel.Sheet"?>\r\n'
        '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
        'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">\r\n'
        '<Styles><Style ss:ID="d"><NumberFormat ss:Format="dd/mm/yyyy hh:mm"/></Style></Styles>\r\n'
        '<Worksheet ss:Name="Contacts"><Table>\r\n'
        '<Row><Cell><Data ss:Type="String">Contact Date</Data></Cell>'
        '<Cell><Data ss:Type="String">Team</Data></Cell>'
        '<Cell><Data ss:Type="String">Worker</Data></Cell>'
        '<Cell><Data ss:Type="String">Contact Type</Data></Cell>'
        '<Cell><Data ss:Type="String">Notes</Data></Cell></Row>\r\n'
        + "\r\n".join(rows)
        + "\r\n</Table></Worksheet></Workbook>\r\n"
    )
    path = folder / "spreadsheet_2003_xml.xml"
    path.write_text(text, encoding="utf-8")
    return path, _truth()


# --- 3. CSV lines ending "\r\r\n" (written in text mode on Windows) ---------------------------


def double_carriage_returns(folder: Path):
    """A script's CSV written on Windows in text mode: every line ends CR CR LF."""
    rows = _rows(["Date", "Time", "Worker", "Type", "Note"],
                 lambda i: [f"{DAYS[i]:%d/%m/%Y}", f"{TIMES[i]:%H:%M}", WORKERS[i % 4],
                            TYPES[i % 4], TEXTS[i]])  # fmt: skip
    path = folder / "double_carriage_returns.csv"
    path.write_bytes(_text(rows, lineterminator="\r\r\n").encode("utf-8"))
    return path, _truth()


# --- 4. UTF-16 big-endian, tab separated ------------------------------------------------------


def utf16_big_endian(folder: Path):
    """A mainframe reporting tool's text export: UTF-16 big-endian with its BOM, tabs."""
    rows = _rows(["Event Date", "Event Time", "Officer", "Event Type", "Synopsis"],
                 lambda i: [f"{DAYS[i]:%d/%m/%Y}", f"{TIMES[i]:%H:%M}", WORKERS[i % 4],
                            TYPES[i % 4], TEXTS[i]])  # fmt: skip
    path = folder / "utf16_big_endian.txt"
    path.write_bytes(codecs.BOM_UTF16_BE + _text(rows, "\t").encode("utf-16-be"))
    return path, _truth()


# --- 5. Windows-1252 with curly quotes, dashes and a pound sign --------------------------------


def windows_1252_punctuation(folder: Path):
    """A CSV saved by Excel on Windows ("CSV (Comma delimited)"): Windows-1252, curly quotes,
    en dashes and "£" in the notes."""
    extra = " Mum said \u201cwe\u2019re fine\u201d \u2013 \u00a310 for the meter."
    rows = _rows(["Date", "Worker", "Type", "Details"],
                 lambda i: [f"{DAYS[i]:%d/%m/%Y}", WORKERS[i % 4], TYPES[i % 4],
                            TEXTS[i] + extra])  # fmt: skip
    path = folder / "windows_1252_punctuation.csv"
    path.write_bytes(_text(rows).encode("cp1252"))
    truth = [Expected(e.start, event=e.event + extra, practitioner=e.practitioner,
                      event_type=e.event_type) for e in _truth(times=False)]  # fmt: skip
    return path, truth


# --- 6. tab-separated text saved with a .xls name -----------------------------------------------


def tab_text_named_xls(folder: Path):
    """A web system's "Export to Excel" that writes tab-separated text under a .xls name."""
    rows = _rows(["Date", "Time", "Recorded By", "Activity", "Description"],
                 lambda i: [f"{DAYS[i]:%d/%m/%Y}", f"{TIMES[i]:%H:%M}", WORKERS[i % 4],
                            TYPES[i % 4], TEXTS[i]])  # fmt: skip
    path = folder / "tab_text_named_xls.xls"
    path.write_text(_text(rows, "\t"), encoding="utf-8")
    return path, _truth()


# --- 7. a control room's log as plain lines ------------------------------------------------------


def command_log_lines(folder: Path):
    """A command-and-control incident log saved as text: one line an entry, each starting with
    its date and time, then the operator's remark."""
    lines = [f"{_dt(i):%d/%m/%Y %H:%M} {TEXTS[i]}" for i in range(8)]
    path = folder / "command_log_lines.txt"
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    return path, _truth(worker=False, types=False)


# --- 8. Excel's "14-Mar" (day and month, no year) --------------------------------------------


def day_month_without_year(folder: Path):
    """A CSV saved from a sheet whose date cells were formatted "d-mmm": "14-Mar", no year.
    No year can be given to them: every entry is flagged, never dated this year."""
    rows = _rows(["Date", "Worker", "Type", "Note"],
                 lambda i: [f"{DAYS[i].day}-{DAYS[i]:%b}", WORKERS[i % 4], TYPES[i % 4],
                            TEXTS[i]])  # fmt: skip
    path = folder / "day_month_without_year.csv"
    path.write_text(_text(rows), encoding="utf-8")
    truth = [Expected(e.start, event=e.event, flagged=True) for e in _truth(times=False)]
    return path, truth


# --- 9. SAS date-times: "14MAR2016:10:32:00" ---------------------------------------------------


def sas_datetimes(folder: Path):
    """An analyst's extract from a data warehouse in SAS formats: "14MAR2016:10:32:00"."""
    rows = _rows(["EVENT_DTTM", "STAFF_NAME", "EVENT_TYPE", "EVENT_TEXT"],
                 lambda i: [f"{_dt(i):%d%b%Y:%H:%M:%S}".upper(), WORKERS[i % 4], TYPES[i % 4],
                            TEXTS[i]])  # fmt: skip
    path = folder / "sas_datetimes.csv"
    path.write_text(_text(rows), encoding="utf-8")
    return path, _truth()


# --- 10. "2016/03/14 10:32" --------------------------------------------------------------------


def year_first_slashes(folder: Path):
    """A hosted system's export: "2016/03/14 10:32", year first with slashes."""
    rows = _rows(["Date", "User", "Category", "Entry"],
                 lambda i: [f"{_dt(i):%Y/%m/%d %H:%M}", WORKERS[i % 4], TYPES[i % 4],
                            TEXTS[i]])  # fmt: skip
    path = folder / "year_first_slashes.csv"
    path.write_text(_text(rows), encoding="utf-8")
    return path, _truth()


# --- 11. "Monday 14th of March 2016" -------------------------------------------------------------


def ordinal_of_dates(folder: Path):
    """A family support worker's typed log: "Monday 14th of March 2016", "the 3rd of April"."""

    def said(d: date) -> str:
        suffix = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd"}.get(d.day, "th")
        return f"{d:%A} {d.day}{suffix} of {d:%B %Y}"

    rows = _rows(["Date", "Worker", "What happened"],
                 lambda i: [said(DAYS[i]), WORKERS[i % 4], TEXTS[i]])  # fmt: skip
    path = folder / "ordinal_of_dates.csv"
    path.write_text(_text(rows), encoding="utf-8")
    return path, _truth(times=False, types=False)


# --- 12. "March 14th, 2016" ----------------------------------------------------------------------


def month_first_ordinals(folder: Path):
    """A US-made hosted system's export: "March 14th, 2016 at 10:32 AM"."""

    def said(i: int) -> str:
        d = DAYS[i]
        suffix = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd"}.get(d.day, "th")
        return f"{d:%B} {d.day}{suffix}, {d.year} at {_twelve(i, ' AM', ' PM')}"

    rows = _rows(["Date", "Staff", "Type", "Note"],
                 lambda i: [said(i), WORKERS[i % 4], TYPES[i % 4], TEXTS[i]])  # fmt: skip
    path = folder / "month_first_ordinals.csv"
    path.write_text(_text(rows), encoding="utf-8")
    return path, _truth()


# --- 13. dates not known: "Unknown", "TBC", "N/K" ---------------------------------------------


def unknown_dates(folder: Path):
    """A hand-typed chronology: most rows dated, three with "Unknown", "TBC" and "N/K" in the
    date cell. Those are imported and flagged; the others come in as written."""
    unknown = {2: "Unknown", 4: "TBC", 6: "N/K"}
    rows = _rows(["Date", "Source", "Event"],
                 lambda i: [unknown.get(i, f"{DAYS[i]:%d/%m/%Y}"), WORKERS[i % 4],
                            TEXTS[i]])  # fmt: skip
    path = folder / "unknown_dates.csv"
    path.write_text(_text(rows), encoding="utf-8")
    # "Source" is where the information came from (kept as the source, not the practitioner).
    truth = [Expected(e.start, event=e.event, flagged=i in unknown)
             for i, e in enumerate(_truth(times=False, types=False))]  # fmt: skip
    return path, truth


# --- 14. "Between 14/03/2016 and 03/04/2016" ------------------------------------------------------


def between_dates(folder: Path):
    """A family history: some events happened between two dates ("Between 14/03/2016 and
    03/04/2016"); the entry spans them."""
    rows = [["Date", "Event"]]
    truth = []
    for i in range(8):
        if i % 2 == 0:
            rows.append([f"Between {DAYS[i]:%d/%m/%Y} and {DAYS[i + 1]:%d/%m/%Y}", TEXTS[i]])
            truth.append(Expected(DAYS[i], DAYS[i + 1], event=TEXTS[i]))
        else:
            rows.append([f"{DAYS[i]:%d/%m/%Y}", TEXTS[i]])
            truth.append(Expected(DAYS[i], event=TEXTS[i]))
    path = folder / "between_dates.csv"
    path.write_text(_text(rows), encoding="utf-8")
    return path, truth


# --- 15. "14th-18th March 2016" ------------------------------------------------------------------


def ordinal_day_ranges(folder: Path):
    """A respite provider's stays: "14th-18th March 2016", "3rd - 5th April 2016"."""
    rows = [["Dates", "Carer", "Notes"]]
    truth = []
    for i in range(8):
        d = DAYS[i]
        suffix = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd"}.get(d.day, "th")
        end = d.day + 2
        rows.append([f"{d.day}{suffix} - {_ordinal(end)} {d:%B %Y}", WORKERS[i % 4], TEXTS[i]])
        truth.append(Expected(d, d.replace(day=end), event=TEXTS[i],
                              practitioner=WORKERS[i % 4]))  # fmt: skip
    path = folder / "ordinal_day_ranges.csv"
    path.write_text(_text(rows), encoding="utf-8")
    return path, truth


# --- 16. Welsh ordinals: "14eg Mawrth 2016" -------------------------------------------------------

_WELSH_ORDINALS = {3: "3ydd", 14: "14eg", 6: "6ed", 21: "21ain", 2: "2il", 12: "12fed",
                   5: "5ed", 28: "28ain"}  # fmt: skip
_WELSH_MONTHS = ["Ionawr", "Chwefror", "Mawrth", "Ebrill", "Mai", "Mehefin", "Gorffennaf",
                 "Awst", "Medi", "Hydref", "Tachwedd", "Rhagfyr"]  # fmt: skip


def welsh_ordinal_dates(folder: Path):
    """A Welsh-medium service's log: "14eg Mawrth 2016", "3ydd Ebrill 2016", "21ain Mehefin"."""
    rows = _rows(["Dyddiad", "Gweithiwr", "Digwyddiad"],
                 lambda i: [f"{_WELSH_ORDINALS[DAYS[i].day]} {_WELSH_MONTHS[DAYS[i].month - 1]} "
                            f"{DAYS[i].year}", WORKERS[i % 4], TEXTS[i]])  # fmt: skip
    path = folder / "welsh_ordinal_dates.csv"
    path.write_text(_text(rows), encoding="utf-8")
    return path, _truth(times=False, types=False)


# --- 17. Welsh 12-hour times: "10:32yb", "2:30yh" -------------------------------------------


def welsh_twelve_hour(folder: Path):
    """A Welsh council's contact log: the time written "10:32yb" (y bore) and "2:30yh"."""
    rows = _rows(["Dyddiad", "Amser", "Gweithiwr", "Math", "Nodiadau"],
                 lambda i: [f"{DAYS[i]:%d/%m/%Y}", _twelve(i, "yb", "yh"), WORKERS[i % 4],
                            TYPES[i % 4], TEXTS[i]])  # fmt: skip
    path = folder / "welsh_twelve_hour.csv"
    path.write_text(_text(rows), encoding="utf-8")
    return path, _truth()


# --- 18. SQL Server's time(7): "10:32:00.0000000" --------------------------------------------


def sql_time_seven(folder: Path):
    """A database extract: a date column "2016-03-14 00:00:00.0000000" (datetime2) and the time
    in a column of its own "10:32:00.0000000" (time(7))."""
    rows = _rows(["ContactDate", "ContactTime", "StaffName", "ContactType", "Narrative"],
                 lambda i: [f"{DAYS[i]:%Y-%m-%d} 00:00:00.0000000",
                            f"{TIMES[i]:%H:%M}:00.0000000", WORKERS[i % 4], TYPES[i % 4],
                            TEXTS[i]])  # fmt: skip
    path = folder / "sql_time_seven.csv"
    path.write_text(_text(rows), encoding="utf-8")
    return path, _truth()


# --- 19. e-mail stamps: "Mon, 14 Mar 2016 10:32:00 +0000" ---------------------------------


def email_header_stamps(folder: Path):
    """A correspondence log exported from a mailbox: "Mon, 14 Mar 2016 10:32:00 +0000" (the
    internet mail form), the sender and the message."""
    from zoneinfo import ZoneInfo

    def stamp(i):
        utc = _dt(i).replace(tzinfo=ZoneInfo("Europe/London")).astimezone(ZoneInfo("UTC"))
        return f"{utc:%a, %d %b %Y %H:%M:%S} +0000"

    rows = _rows(["Sent", "From", "Body"],
                 lambda i: [stamp(i), WORKERS[i % 4], TEXTS[i]])  # fmt: skip
    path = folder / "email_header_stamps.csv"
    path.write_text(_text(rows), encoding="utf-8")
    return path, _truth(types=False)


# --- 20. a calendar exported from Outlook --------------------------------------------------------


def outlook_calendar(folder: Path):
    """A worker's diary exported from Outlook: Subject, Start Date, Start Time, End Date, End
    Time, All day event, the Description, Location; times "10:32:00 AM"."""
    rows = [["Subject", "Start Date", "Start Time", "End Date", "End Time", "All day event",
             "Description", "Location"]]  # fmt: skip
    for i in range(8):
        rows.append([TYPES[i % 4], f"{DAYS[i]:%d/%m/%Y}", _twelve(i, ":00 AM", ":00 PM"),
                     f"{DAYS[i]:%d/%m/%Y}", _twelve(i, ":00 AM", ":00 PM"), "False", TEXTS[i], "Family home"])  # fmt: skip
    path = folder / "outlook_calendar.csv"
    path.write_text(_text(rows), encoding="utf-8")
    return path, _truth(worker=False)


# --- 21. Excel day numbers with their time as text: "42443.43888" ------------------------------


def serial_fractions_in_text(folder: Path):
    """A tool that wrote the cells' values, not their text: date-times as Excel day numbers with
    the time as the fraction, "42443.438888889"."""

    def serial(i):
        delta = _dt(i) - datetime(1899, 12, 30)
        return f"{delta.days + delta.seconds / 86400:.9f}"

    rows = _rows(["DateTime", "Worker", "Type", "Details"],
                 lambda i: [serial(i), WORKERS[i % 4], TYPES[i % 4], TEXTS[i]])  # fmt: skip
    path = folder / "serial_fractions_in_text.csv"
    path.write_text(_text(rows), encoding="utf-8")
    return path, _truth()


# --- 22. a 111 / out-of-hours case list: "14-Mar-2016 10:32:15" ---------------------------------


def out_of_hours_cases(folder: Path):
    """An out-of-hours service's case list: case number, "Call Received" with seconds, priority,
    the clinician, the case type and the consultation notes; the active time as "00:12:30"."""
    rows = _rows(["Case No", "Call Received", "Priority", "Active Time", "Clinician", "Case Type",
                  "Consultation Notes"],
                 lambda i: [f"OOH{40211 + i}", f"{_dt(i):%d-%b-%Y %H:%M}:15", "Urgent",
                            "00:12:30", WORKERS[i % 4], TYPES[i % 4], TEXTS[i]])  # fmt: skip
    path = folder / "out_of_hours_cases.csv"
    path.write_text(_text(rows), encoding="utf-8")
    return path, _truth()


# --- 23. early, mid and late in a month --------------------------------------------------------


def parts_of_months(folder: Path):
    """A parent's history: "Early March 2016", "Mid April 2016", "Late May 2016", "End of June
    2016": a third of the month (1-10, 11-20, 21 to the end), no day guessed."""
    words = ["Early", "Mid", "Late", "End of", "Beginning of", "Mid-", "Late", "Early"]
    thirds = {"Early": 0, "Beginning of": 0, "Mid": 1, "Mid-": 1, "Late": 2, "End of": 2}
    rows = [["When", "What happened"]]
    truth = []
    for i in range(8):
        d = DAYS[i]
        rows.append([f"{words[i]}{'' if words[i].endswith('-') else ' '}{d:%B %Y}", TEXTS[i]])
        next_month = (d.replace(day=28) + timedelta(days=4)).replace(day=1)
        third = thirds[words[i]]
        start = d.replace(day=1 + 10 * third)
        end = next_month - timedelta(days=1) if third == 2 else d.replace(day=10 + 10 * third)
        truth.append(Expected(start, end, event=TEXTS[i]))
    path = folder / "parts_of_months.csv"
    path.write_text(_text(rows), encoding="utf-8")
    return path, truth


FILES = {
    fn.__name__: fn
    for fn in (
        html_table_xls,
        spreadsheet_2003_xml,
        double_carriage_returns,
        utf16_big_endian,
        windows_1252_punctuation,
        tab_text_named_xls,
        command_log_lines,
        day_month_without_year,
        sas_datetimes,
        year_first_slashes,
        ordinal_of_dates,
        month_first_ordinals,
        unknown_dates,
        between_dates,
        ordinal_day_ranges,
        welsh_ordinal_dates,
        welsh_twelve_hour,
        sql_time_seven,
        email_header_stamps,
        outlook_calendar,
        serial_fractions_in_text,
        out_of_hours_cases,
        parts_of_months,
    )
}
