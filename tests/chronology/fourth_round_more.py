"""More of the fourth round's agency files (see fourth_round_files.py): what report servers,
other spreadsheet programs and older Macs write. All names are fictional."""

from __future__ import annotations

from datetime import time, timedelta
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


def report_server_csv(folder: Path):
    """A report server's CSV export of a case-note report: its columns named after the report's
    text boxes ("Textbox12"), the report's title and run date repeated on every row beside the
    entries' own date."""
    rows = [["Textbox1", "Textbox4", "Textbox7", "Textbox14", "Textbox16", "Textbox18",
             "Textbox20"]]  # fmt: skip
    for i in range(8):
        rows.append(["Case Notes Report", "02/12/2016 09:14", "Child Z",
                     f"{_dt(i):%d/%m/%Y %H:%M}", TYPES[i % 4], WORKERS[i % 4], TEXTS[i]])  # fmt: skip
    path = folder / "report_server_csv.csv"
    _csv(path, rows)
    return path, _truth()


def repeated_entries(folder: Path):
    """A log where the same thing happened twice on one day and was recorded twice in the same
    words (two letters sent): both entries come in."""
    rows = [["Date", "Worker", "Type", "Notes"]]
    truth = []
    for i in range(8):
        rows.append([f"{DAYS[i]:%d/%m/%Y}", WORKERS[i % 4], TYPES[i % 4], TEXTS[i]])
        truth.append(Expected(DAYS[i], None, "", TEXTS[i], WORKERS[i % 4], "", TYPES[i % 4]))
        if i in (2, 5):
            rows.append(rows[-1])
            truth.append(truth[-1])
    path = folder / "repeated_entries.csv"
    _csv(path, rows)
    return path, truth


def ods_repeated_rows(folder: Path):
    """An .ods written by LibreOffice: two identical rows stored once with
    number-rows-repeated="2", identical cells side by side with number-columns-repeated."""
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    table = Table(name="Log")

    def add(values, repeated=1):
        row = TableRow(numberrowsrepeated=repeated) if repeated > 1 else TableRow()
        n = 0
        while n < len(values):
            same = 1
            while n + same < len(values) and values[n + same] == values[n]:
                same += 1
            cell = TableCell(valuetype="string", numbercolumnsrepeated=same) if same > 1 else (
                TableCell(valuetype="string"))  # fmt: skip
            cell.addElement(P(text=values[n]))
            row.addElement(cell)
            n += same
        table.addElement(row)

    add(["Date", "Type", "Outcome", "Worker", "Notes"])
    truth = []
    for i in range(8):
        values = [f"{DAYS[i]:%d/%m/%Y}", TYPES[i % 4], TYPES[i % 4], WORKERS[i % 4], TEXTS[i]]
        twice = i in (1, 6)
        add(values, 2 if twice else 1)
        entry = Expected(DAYS[i], None, "", TEXTS[i], WORKERS[i % 4], "", TYPES[i % 4])
        truth += [entry, entry] if twice else [entry]
    doc.spreadsheet.addElement(table)
    path = folder / "ods_repeated_rows.ods"
    doc.save(str(path))
    return path, truth


def iso_date_cells(folder: Path):
    """A workbook written by a program that stores dates as ISO 8601 date cells (t="d")."""
    from openpyxl import Workbook

    wb = Workbook(iso_dates=True)
    ws = wb.active
    ws.append(["Date", "Worker", "Type", "Notes"])
    for i in range(8):
        ws.append([_dt(i), WORKERS[i % 4], TYPES[i % 4], TEXTS[i]])
        ws.cell(row=i + 2, column=1).number_format = "dd/mm/yyyy hh:mm"
    path = folder / "iso_date_cells.xlsx"
    wb.save(path)
    return path, _truth()


def carriage_returns_in_cells(folder: Path):
    """Notes pasted into Excel from Windows text: the line ends kept as CR LF inside the cells."""
    rows = [["Date", "Worker", "Type", "Notes"]]
    for i in range(8):
        rows.append([DAYS[i], WORKERS[i % 4], TYPES[i % 4], TEXTS[i].replace(". ", ".\r\n")])
    wb, ws = _sheet(rows)
    for row in range(2, 10):
        ws.cell(row=row, column=1).number_format = "dd/mm/yyyy"
    path = folder / "carriage_returns_in_cells.xlsx"
    wb.save(path)
    return path, _truth(times=False)


def times_as_day_fractions(folder: Path):
    """A sheet whose time column lost its format: Excel's fractions of a day, 0.438888...,
    under "Time", real dates beside them."""
    rows = [["Date", "Time", "Worker", "Type", "Notes"]]
    for i in range(8):
        fraction = (TIMES[i].hour * 60 + TIMES[i].minute) / 1440
        rows.append([DAYS[i], fraction, WORKERS[i % 4], TYPES[i % 4], TEXTS[i]])
    wb, ws = _sheet(rows)
    for row in range(2, 10):
        ws.cell(row=row, column=1).number_format = "dd/mm/yyyy"
    path = folder / "times_as_day_fractions.xlsx"
    wb.save(path)
    return path, _truth()


def time_cells(folder: Path):
    """A sheet with real date cells and real time cells side by side (times typed into cells
    formatted hh:mm)."""
    rows = [["Date", "Time", "Worker", "Type", "Notes"]]
    for i in range(8):
        rows.append([DAYS[i], time(TIMES[i].hour, TIMES[i].minute), WORKERS[i % 4],
                     TYPES[i % 4], TEXTS[i]])  # fmt: skip
    wb, ws = _sheet(rows)
    for row in range(2, 10):
        ws.cell(row=row, column=1).number_format = "dd/mm/yyyy"
        ws.cell(row=row, column=2).number_format = "hh:mm"
    path = folder / "time_cells.xlsx"
    wb.save(path)
    return path, _truth()


MAC_NAMES = ["Siobhán Ó Briain", "Zoë Pritchard", "Dafydd Ŵyn", "Renée Adeyemi"]


def mac_roman_csv(folder: Path):
    """A CSV saved by an old Mac Excel ("CSV (Macintosh)"): Mac Roman text, CR line ends."""
    rows = [["Date", "Worker", "Type", "Notes"]]
    names = ["Siobhán Ellery", "Zoë Nandakumar", "Renée Pritchard", "Hélène Adeyemi"]
    for i in range(8):
        rows.append([f"{DAYS[i]:%d/%m/%Y}", names[i % 4], TYPES[i % 4], TEXTS[i]])
    path = folder / "mac_roman_csv.csv"
    text = "\r".join(",".join(f'"{v}"' if "," in v else v for v in row) for row in rows) + "\r"
    path.write_bytes(text.encode("mac_roman"))
    truth = [Expected(**{**vars(e), "practitioner": names[i % 4]})
             for i, e in enumerate(_truth(times=False))]  # fmt: skip
    return path, truth


def us_time_with_seconds(folder: Path):
    """A CSV from a US-set Excel: the date day first as the UK agency typed it, the time
    "10:32:00 AM" in a column of its own."""
    rows = [["Date", "Time", "Worker", "Type", "Notes"]]
    for i in range(8):
        stamp = _dt(i)
        hour = stamp.hour % 12 or 12
        rows.append([f"{DAYS[i]:%d/%m/%Y}", f"{hour}:{stamp:%M}:00 {stamp:%p}", WORKERS[i % 4],
                     TYPES[i % 4], TEXTS[i]])  # fmt: skip
    path = folder / "us_time_with_seconds.csv"
    _csv(path, rows)
    return path, _truth()


def wide_case_extract(folder: Path):
    """A case management system's wide extract: the person's details on every row, the case's
    referral date (two referrals over the period), each case note's date, type, author,
    created date and text, and the team."""
    rows = [["Person ID", "Forename", "Surname", "DOB", "Gender", "Referral Date",
             "Case Note Date", "Case Note Type", "Case Note Author", "Created Date",
             "Case Note Text", "Team"]]  # fmt: skip
    for i in range(8):
        referral = "01/02/2016" if i < 4 else "01/08/2016"
        created = DAYS[i] + timedelta(days=2)
        rows.append(["1002231", "Child", "Z", "01/02/2014", "Female", referral,
                     f"{DAYS[i]:%d/%m/%Y}", TYPES[i % 4], WORKERS[i % 4],
                     f"{created:%d/%m/%Y} 17:05", TEXTS[i], "Assessment Team"])  # fmt: skip
    path = folder / "wide_case_extract.csv"
    _csv(path, rows)
    return path, _truth(times=False)


def template_with_example_sheet(folder: Path):
    """A partnership's chronology workbook: an "Instructions" sheet, an "Example" sheet showing
    how to fill it in (dated example rows), then the agency's "Chronology" sheet. Only the
    agency's entries come in."""
    from openpyxl import Workbook

    wb = Workbook()
    guide = wb.active
    guide.title = "Instructions"
    guide.append(["How to complete this chronology"])
    guide.append(["Enter one row per contact, oldest first. Use dd/mm/yyyy for dates."])
    example = wb.create_sheet("Example")
    heads = ["Date", "Practitioner", "Type", "Event"]
    example.append(heads)
    example.append(["01/01/2020", "A Worker", "Home visit",
                    "Example: home visit completed; mother and child seen together; no concerns."])  # fmt: skip
    example.append(["02/01/2020", "A Worker", "Telephone call",
                    "Example: call to the school to check attendance; attendance is 92%."])  # fmt: skip
    example.append(["03/01/2020", "B Worker", "Strategy meeting",
                    "Example: strategy discussion held with police and health; s47 agreed."])  # fmt: skip
    sheet = wb.create_sheet("Chronology")
    sheet.append(heads)
    for i in range(8):
        sheet.append([f"{DAYS[i]:%d/%m/%Y}", WORKERS[i % 4], TYPES[i % 4], TEXTS[i]])
    path = folder / "template_with_example_sheet.xlsx"
    wb.save(path)
    return path, _truth(times=False)


def copied_sheet(folder: Path):
    """A workbook whose author kept a copy of the chronology sheet before editing it
    ("Chronology (2)", the same rows): the entries come in once."""
    from openpyxl import Workbook

    wb = Workbook()
    sheet = wb.active
    sheet.title = "Chronology"
    sheet.append(["Date", "Worker", "Type", "Notes"])
    for i in range(8):
        sheet.append([f"{DAYS[i]:%d/%m/%Y}", WORKERS[i % 4], TYPES[i % 4], TEXTS[i]])
    copy = wb.copy_worksheet(sheet)
    copy.title = "Chronology (2)"
    path = folder / "copied_sheet.xlsx"
    wb.save(path)
    return path, _truth(times=False)


def us_stamps_beside_uk_dates(folder: Path):
    """A hosted case system made in the US: the date of contact typed by UK staff, day first,
    and the system's own "Created" stamp written month first with a 12-hour clock
    ("3/27/2016 5:05:00 PM"). Each column is read in its own order."""
    rows = [["Contact Date", "Created", "Staff", "Contact Type", "Notes"]]
    for i in range(8):
        created = _dt(i) + timedelta(days=13, hours=2)
        hour = created.hour % 12 or 12
        stamp = f"{created.month}/{created.day}/{created.year} {hour}:{created:%M}:00 {created:%p}"
        rows.append([f"{DAYS[i]:%d/%m/%Y}", stamp, WORKERS[i % 4], TYPES[i % 4], TEXTS[i]])
    path = folder / "us_stamps_beside_uk_dates.csv"
    _csv(path, rows)
    return path, _truth(times=False)


DITTO = {1: '"', 3: "as above", 6: "Same day"}


def ditto_dates(folder: Path):
    """A hand-typed IMR chronology: a second entry on the same day has '"', "as above" or
    "Same day" in its date cell; it comes in on the day of the entry above."""
    rows = [["Date", "Practitioner", "Type", "Event"]]
    days = [DAYS[0], DAYS[0], DAYS[1], DAYS[1], DAYS[2], DAYS[3], DAYS[3], DAYS[4]]
    for i in range(8):
        rows.append([DITTO.get(i, f"{days[i]:%d/%m/%Y}"), WORKERS[i % 4], TYPES[i % 4], TEXTS[i]])
    wb, _ws = _sheet(rows, title="Chronology")
    path = folder / "ditto_dates.xlsx"
    wb.save(path)
    return path, [Expected(days[i], None, "", TEXTS[i], WORKERS[i % 4], "", TYPES[i % 4])
                  for i in range(8)]  # fmt: skip


def year_slips(folder: Path):
    """A typed chronology with a year slipped ("03/04/2061" for 2016): the date is after the
    day of import, so the entry comes in flagged to be checked, its date as written."""
    rows = [["Date", "Practitioner", "Type", "Event"]]
    for i in range(8):
        rows.append([f"{DAYS[i]:%d/%m/}{2061 if i == 1 else 2016}", WORKERS[i % 4], TYPES[i % 4],
                     TEXTS[i]])  # fmt: skip
    path = folder / "year_slips.csv"
    _csv(path, rows)
    return path, [Expected(**{**vars(e), "flagged": i == 1})
                  for i, e in enumerate(_truth(times=False))]  # fmt: skip


FILES = {
    fn.__name__: fn
    for fn in (
        report_server_csv,
        repeated_entries,
        ods_repeated_rows,
        iso_date_cells,
        carriage_returns_in_cells,
        times_as_day_fractions,
        time_cells,
        mac_roman_csv,
        us_time_with_seconds,
        wide_case_extract,
        template_with_example_sheet,
        copied_sheet,
        us_stamps_beside_uk_dates,
        ditto_dates,
        year_slips,
    )
}
