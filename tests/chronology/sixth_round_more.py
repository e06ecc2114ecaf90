"""More of the sixth round's files: logs writing the date once a day, notes cut into rows, web
and XML exports over several tables or sheets, a web archive (see sixth_round_text.py for the
conventions). All names are fictional."""

from __future__ import annotations

import html
import quopri
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

# --- 1. a log writing the date once a day ----------------------------------------------------------


def date_once_a_day(folder: Path):
    """A duty log that writes the date on the day's first entry only: the day's later entries
    have their own time, worker and text and an empty date cell."""
    rows = [["Date", "Time", "Officer", "Log"]]
    truth = []
    for i in range(8):
        day = DAYS[i - i % 2]  # two entries a day, the second three hours after the first
        when = TIMES[i - i % 2].replace(hour=TIMES[i - i % 2].hour + 3 * (i % 2))
        rows.append([f"{day:%d/%m/%Y}" if i % 2 == 0 else "", f"{when:%H:%M}",
                     WORKERS[i % 4], TEXTS[i]])  # fmt: skip
        truth.append(Expected(day, time=f"{when:%H:%M}", event=TEXTS[i],
                              practitioner=WORKERS[i % 4]))  # fmt: skip
    path = folder / "date_once_a_day.csv"
    _csv(path, rows)
    return path, truth


# --- 2. notes cut into rows of 255 characters, numbered ------------------------------------------


def note_split_over_rows(folder: Path):
    """A legacy system's case-note extract: each note cut into pieces of at most 80 characters,
    one row a piece, the note's date, time and worker repeated on each and its line number
    ("Line") counting 1, 2, 3."""
    rows = [["Note Date", "Note Time", "Worker", "Line", "Note Text"]]
    for i in range(8):
        text = TEXTS[i]
        pieces = [text[n : n + 80] for n in range(0, len(text), 80)]
        for line, piece in enumerate(pieces, start=1):
            rows.append([f"{DAYS[i]:%d/%m/%Y}", f"{TIMES[i]:%H:%M}", WORKERS[i % 4], str(line),
                         piece])  # fmt: skip
    path = folder / "note_split_over_rows.csv"
    _csv(path, rows)
    truth = [Expected(e.start, time=e.time, event=e.event, practitioner=e.practitioner)
             for e in _truth(types=False)]  # fmt: skip
    return path, truth


# --- 3. a web page holding a table a printed page ------------------------------------------------


def html_page_tables(folder: Path):
    """A report exported to a web page page by page: a table for each printed page, each with
    the same headings, "Page n of 3" between them, under a .xls name."""
    tables = []
    for page, chunk in enumerate((range(0, 3), range(3, 6), range(6, 8)), start=1):
        cells = "".join(
            f"<tr><td>{DAYS[i]:%d/%m/%Y}</td><td>{TIMES[i]:%H:%M}</td><td>{WORKERS[i % 4]}</td>"
            f"<td>{TYPES[i % 4]}</td><td>{html.escape(TEXTS[i])}</td></tr>"
            for i in chunk
        )
        tables.append(
            "<table border=1><tr><th>Date</th><th>Time</th><th>Worker</th><th>Type</th>"
            f"<th>Details</th></tr>{cells}</table><p>Page {page} of 3</p>"
        )
    page = "<html><body><h1>Contact history</h1>" + "".join(tables) + "</body></html>"
    path = folder / "html_page_tables.xls"
    path.write_text(page, encoding="utf-8")
    return path, _truth()


# --- 4. Excel 2003 XML with a sheet a year -------------------------------------------------------


def xml_sheet_a_year(folder: Path):
    """An Excel 2003 XML export with a worksheet a year ("2016 Jan-Jun", "2016 Jul-Dec"), the
    same columns on each; dates as text."""

    def sheet(name, chunk):
        rows = "".join(
            "<Row>"
            + "".join(
                f'<Cell><Data ss:Type="String">{html.escape(v)}</Data></Cell>'
                for v in (f"{DAYS[i]:%d/%m/%Y}", WORKERS[i % 4], TYPES[i % 4], TEXTS[i])
            )
            + "</Row>"
            for i in chunk
        )
        head = "".join(
            f'<Cell><Data ss:Type="String">{h}</Data></Cell>'
            for h in ("Date", "Worker", "Type", "Entry")
        )
        return f'<Worksheet ss:Name="{name}"><Table><Row>{head}</Row>{rows}</Table></Worksheet>'

    text = (
        '<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
        'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">'
        + sheet("2016 Jan-Jun", range(0, 4))
        + sheet("2016 Jul-Dec", range(4, 8))
        + "</Workbook>"
    )
    path = folder / "xml_sheet_a_year.xls"
    path.write_text(text, encoding="utf-8")
    return path, _truth(times=False)


# --- 5. a report saved as a web archive (.mht) ----------------------------------------------------


def web_archive_mht(folder: Path):
    """A report server's "MHTML (web archive)" export: a MIME message whose HTML part (quoted-
    printable) holds the table."""
    cells = "".join(
        f"<tr><td>{_dt(i):%d/%m/%Y %H:%M}</td><td>{WORKERS[i % 4]}</td><td>{TYPES[i % 4]}</td>"
        f"<td>{html.escape(TEXTS[i])}</td></tr>"
        for i in range(8)
    )
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head>'
        "<body><table><tr><td>Date</td><td>Worker</td><td>Type</td><td>Note</td></tr>"
        f"{cells}</table></body></html>"
    )
    body = quopri.encodestring(page.encode("utf-8")).decode("ascii")
    message = (
        "MIME-Version: 1.0\r\n"
        'Content-Type: multipart/related; boundary="----=_NextPart_01"; type="text/html"\r\n\r\n'
        "This is a multi-part message in MIME format.\r\n\r\n------=_NextPart_01\r\n"
        'Content-Type: text/html; charset="utf-8"\r\nContent-Transfer-Encoding: '
        "quoted-printable\r\nContent-Location: file:///C:/report.htm\r\n\r\n"
        + body.replace("\n", "\r\n")
        + "\r\n------=_NextPart_01--\r\n"
    )
    path = folder / "web_archive_mht.mht"
    path.write_text(message, encoding="ascii")
    return path, _truth()


# --- 6. Welsh weekdays shortened: "Llun 14/03/2016" ----------------------------------------------

_WELSH_SHORT = ["Llun", "Maw", "Mer", "Iau", "Gwe", "Sad", "Sul"]


def welsh_short_weekdays(folder: Path):
    """A Welsh-medium diary export: the weekday shortened before the date, "Llun 14/03/2016",
    "Maw 21/06/2016"."""
    rows = [["Dyddiad", "Gweithiwr", "Math", "Manylion"]]
    rows += [[f"{_WELSH_SHORT[DAYS[i].weekday()]} {DAYS[i]:%d/%m/%Y}", WORKERS[i % 4],
              TYPES[i % 4], TEXTS[i]] for i in range(8)]  # fmt: skip
    path = folder / "welsh_short_weekdays.csv"
    _csv(path, rows)
    return path, _truth(times=False)


# --- 7. the family's table above the chronology on one sheet --------------------------------------


def family_table_above(folder: Path):
    """An agency return on one sheet: a table of the family (name, relationship, date of birth)
    at the top, a blank row, then the chronology's own header and entries."""
    rows = [["Family members"], ["Name", "Relationship", "Date of birth"],
            ["Child Z", "Subject", "01/02/2014"], ["Alex Z", "Mother", "12/09/1994"],
            ["Robin Z", "Father", "30/05/1990"], [],
            ["Date", "Time", "Practitioner", "Contact type", "Details"]]  # fmt: skip
    rows += [[DAYS[i], f"{TIMES[i]:%H:%M}", WORKERS[i % 4], TYPES[i % 4], TEXTS[i]]
             for i in range(8)]  # fmt: skip
    wb, ws = _sheet(rows, title="Return")
    for row in ws.iter_rows(min_row=8):
        row[0].number_format = "dd/mm/yyyy"
    path = folder / "family_table_above.xlsx"
    wb.save(path)
    return path, _truth()


# --- 8. Welsh day ranges: "14eg - 16eg Mawrth 2016" ---------------------------------------------

_WELSH_MONTHS = ["Ionawr", "Chwefror", "Mawrth", "Ebrill", "Mai", "Mehefin", "Gorffennaf",
                 "Awst", "Medi", "Hydref", "Tachwedd", "Rhagfyr"]  # fmt: skip


def _welsh_ordinal(day: int) -> str:
    ends = {1: "af", 2: "il", 3: "ydd", 4: "ydd", 5: "ed", 6: "ed", 7: "fed", 8: "fed", 9: "fed",
            10: "fed", 11: "eg", 12: "fed", 13: "eg", 14: "eg", 15: "fed", 16: "eg", 17: "eg",
            18: "fed", 19: "eg", 20: "fed"}  # fmt: skip
    return f"{day}{ends.get(day, 'ain')}"


def welsh_day_ranges(folder: Path):
    """A Welsh respite service's stays: "14eg - 16eg Mawrth 2016", "3ydd-5ed Ebrill 2016"."""
    rows = [["Dyddiadau", "Gofalwr", "Nodiadau"]]
    truth = []
    for i in range(8):
        d = DAYS[i]
        rows.append([f"{_welsh_ordinal(d.day)}{' - ' if i % 2 else '-'}"
                     f"{_welsh_ordinal(d.day + 2)} {_WELSH_MONTHS[d.month - 1]} {d.year}",
                     WORKERS[i % 4], TEXTS[i]])  # fmt: skip
        truth.append(Expected(d, d.replace(day=d.day + 2), event=TEXTS[i],
                              practitioner=WORKERS[i % 4]))  # fmt: skip
    path = folder / "welsh_day_ranges.csv"
    _csv(path, rows)
    return path, truth


# --- 9. a printout in fixed-width columns --------------------------------------------------------


def fixed_width_print(folder: Path):
    """A police records system's printout saved as text: a title, then fixed-width columns
    under a heading line (DATE, TIME, OFFICER, DETAILS), each entry one line."""
    lines = ["RECORDS PRINT", "SUBJECT: CHILD Z (PERSON 20-4471)", "PRINTED BY: SYSTEM",
             "PRINTED ON: 02/12/2016 09:14", "PERIOD: 01/03/2016 TO 30/11/2016", "",
             f"{'DATE':<12}{'TIME':<7}{'OFFICER':<20}DETAILS"]  # fmt: skip
    for i in range(8):
        lines.append(f"{DAYS[i]:%d/%m/%Y}  {TIMES[i]:%H:%M}  {WORKERS[i % 4]:<20}{TEXTS[i]}")
    path = folder / "fixed_width_print.txt"
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    return path, _truth(types=False)


# --- 10. an Excel "Save as Web Page" -------------------------------------------------------------


def excel_web_page(folder: Path):
    """A workbook saved by Excel as a web page (.htm): Windows-1252, Office's conditional
    comments and XML settings in the head, cells carrying x:num and class attributes."""
    cells = "".join(
        f'<tr height=20><td class=xl65 x:num="{42443 + i}">{DAYS[i]:%d/%m/%Y}</td>'
        f"<td>{WORKERS[i % 4]}</td><td>{TYPES[i % 4]}</td>"
        f"<td class=xl66 width=400>{html.escape(TEXTS[i])} Mum\x92s view noted.</td></tr>"
        for i in range(8)
    )
    page = (
        '<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-'
        'microsoft-com:office:excel"><head><meta http-equiv=Content-Type content="text/html; '
        'charset=windows-1252"><!--[if gte mso 9]><xml><x:ExcelWorkbook><x:ExcelWorksheets>'
        "<x:ExcelWorksheet><x:Name>Chronology</x:Name></x:ExcelWorksheet></x:ExcelWorksheets>"
        '</x:ExcelWorkbook></xml><![endif]--><style>.xl65 {mso-number-format:"dd\\/mm\\/yyyy'
        '";}</style></head><body link=blue><table border=0 cellpadding=0 cellspacing=0 '
        'width=800 style="border-collapse:collapse"><col width=80><tr height=20><td>Date</td>'
        f"<td>Practitioner</td><td>Type</td><td>Event</td></tr>{cells}</table></body></html>"
    )
    path = folder / "excel_web_page.htm"
    path.write_bytes(page.encode("latin-1"))
    truth = [Expected(e.start, event=e.event + " Mum\u2019s view noted.",
                      practitioner=e.practitioner, event_type=e.event_type)
             for e in _truth(times=False)]  # fmt: skip
    return path, truth


FILES = {
    fn.__name__: fn
    for fn in (
        date_once_a_day,
        note_split_over_rows,
        html_page_tables,
        xml_sheet_a_year,
        web_archive_mht,
        welsh_short_weekdays,
        family_table_above,
        welsh_day_ranges,
        fixed_width_print,
        excel_web_page,
    )
}
