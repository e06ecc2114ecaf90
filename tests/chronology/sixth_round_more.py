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
    )
}
