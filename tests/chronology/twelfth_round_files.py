"""The twelfth round's files: swim-lane chronologies whose lanes are agencies (each lane's
entries going to its own agency), an RTF with tracked changes and struck rows, CSVs and text
in more code pages (ISO-8859-5, DOS 866, ISO-8859-7, Windows-1257), an .xls whose details are in
cell notes, and kinds not seen before: a Markdown table pasted into an e-mail, a MySQL client's
boxed output, a workbook with a sheet for each month, a Microsoft Lists export. Each builder
writes a file into a folder and returns (path, truth). All names are fictional."""

from __future__ import annotations

import struct
from pathlib import Path

from tests.chronology.eighth_round_text import _write
from tests.chronology.eleventh_round_files import _rtf_text
from tests.chronology.robust_files import DAYS, TEXTS, TIMES, TYPES, WORKERS, Expected
from tests.chronology.seventh_round_more import _fill, _word_table
from tests.chronology.seventh_round_sheets import _t

# What the importer is expected to say beyond the entries (file name: texts that must appear in
# the import's output), and what it must not say.
SAID: dict[str, list[str]] = {}
NOT_SAID: dict[str, list[str]] = {}
# The agency each truth entry must be imported for, when the file holds several agencies.
AGENCIES: dict[str, list[str]] = {}


# --- 1. swim lanes: a column per agency -----------------------------------------------------

LANES = ["Police", "Health", "Children's Social Care", "Education"]
EXTRA = "Strategy discussion: police and health agreed a joint visit; school to be told."


def swim_lanes_two_on_a_day(folder: Path):
    """A combined chronology in swim lanes (Date, Police, Health, Children's Social Care,
    Education): each entry typed in its agency's lane; on one day two agencies both have an
    entry, side by side on the one row. Each lane's entries go to that agency."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Combined chronology"
    ws.append(["Date", *LANES])
    agencies = []
    truth = []
    for i in range(8):
        row = [DAYS[i], None, None, None, None]
        lane = (i * 3) % 4
        row[1 + lane] = TEXTS[i]
        truth.append(_t(i))
        agencies.append(LANES[lane])
        if i == 4:
            other = (lane + 1) % 4
            row[1 + other] = EXTRA
            truth.append(Expected(DAYS[i], event=EXTRA))
            agencies.append(LANES[other])
        ws.append(row)
        ws.cell(i + 2, 1).number_format = "dd/mm/yyyy"
    path = folder / "swim_lanes_two_on_a_day.xlsx"
    wb.save(path)
    AGENCIES["swim_lanes_two_on_a_day"] = agencies
    SAID["swim_lanes_two_on_a_day"] = ["each row goes to its own agency"]
    return path, truth


WORD_LANES = ["Police", "Health Visiting", "School", "Housing"]


def word_swim_lanes_with_time(folder: Path):
    """A Word swim-lane chronology (Date, Time, then Police, Health Visiting, School, Housing),
    each row's entry in its agency's lane."""
    import docx

    document = docx.Document()
    document.add_heading("Multi-agency chronology – Child Z", level=1)
    table = _word_table(document, ["Date", "Time", *WORD_LANES])
    agencies = []
    for i in range(8):
        row = [f"{DAYS[i]:%d/%m/%Y}", f"{TIMES[i]:%H:%M}", "", "", "", ""]
        lane = (i * 3) % 4
        row[2 + lane] = TEXTS[i]
        agencies.append(WORD_LANES[lane])
        _fill(table.add_row(), row)
    path = folder / "word_swim_lanes_with_time.docx"
    document.save(path)
    AGENCIES["word_swim_lanes_with_time"] = agencies
    return path, [_t(i, time=f"{TIMES[i]:%H:%M}") for i in range(8)]


# --- 2. Apple Numbers with two tables ----------------------------------------------------------


def numbers_export_with_notes_table(folder: Path):
    """An Apple Numbers export ("Include a summary worksheet"): the Export Summary sheet lists
    the sheets and tables, then the chronology's sheet. The summary is not offered as more of
    the chronology."""
    from openpyxl import Workbook

    wb = Workbook()
    summary = wb.active
    summary.title = "Export Summary"
    summary.append(["Export Summary"])
    summary.append([None, "Sheet Name", "Table Name"])
    summary.append(["Chronology - Contacts", "Chronology", "Contacts"])
    summary.append([None])
    summary.append(["This document was exported from Numbers. Each table was converted to an "
                    "Excel worksheet. All other objects on each Numbers sheet were placed on "
                    "separate worksheets. Please be aware that formula calculations may differ "
                    "in Excel."])  # fmt: skip
    ws = wb.create_sheet("Chronology - Contacts")
    ws.append(["Contacts"])
    ws.append(["Date", "Worker", "Type", "Event"])
    for i in range(8):
        ws.append([DAYS[i], WORKERS[i % 4], TYPES[i % 4], TEXTS[i]])
        ws.cell(i + 3, 1).number_format = "d mmm yyyy"
    path = folder / "numbers_export_with_notes_table.xlsx"
    wb.save(path)
    NOT_SAID["numbers_export_with_notes_table"] = ["Export Summary' may hold"]
    truth = [_t(i, practitioner=WORKERS[i % 4], event_type=TYPES[i % 4]) for i in range(8)]
    return path, truth


# --- 3. RTF with tracked changes and strike-through ---------------------------------------------

DELETED = "and told the worker she wanted no further contact"


def rtf_tracked_changes(folder: Path):
    """Word's RTF of an IMR table reviewed with tracked changes on: words deleted inside an
    entry (\\deleted), words inserted (\\revised), and one row struck through (\\strike) by the
    author to mark it withdrawn. The deleted words are quoted in the notes, not in the entry;
    the struck row is flagged."""
    parts = [
        r"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0\fswiss Arial;}}",
        r"{\*\revtbl {Unknown;}{Dafydd Morgan;}}",
        r"\pard\plain\f0\fs24\b Individual Management Review \endash  chronology\b0\par",
    ]
    rows = [["Date", "Worker", "Event"]]
    rows += [[f"{DAYS[i]:%d/%m/%Y}", WORKERS[i % 4], TEXTS[i]] for i in range(8)]
    for n, row in enumerate(rows):
        parts.append(r"\trowd\trgaph108\trleft0\cellx1800\cellx3800\cellx9000")
        cells = []
        for c, value in enumerate(row):
            body = _rtf_text(value)
            if n == 3 and c == 2:  # entry 2: words deleted, words inserted
                body += r" {\deleted\revauth1\revdttm1 " + _rtf_text(DELETED) + "}"
                body += r"{\revised\revauth1 (checked with the case file)}"
            if n == 6:  # entry 5: the whole row struck through
                body = r"{\strike " + body + r"\strike0}"
            cells.append(r"\pard\intbl{\f0\fs20 " + body + r"}\cell ")
        parts.append("".join(cells) + r"\row")
    parts.append(r"\pard\par}")
    path = folder / "rtf_tracked_changes.rtf"
    path.write_text("\r\n".join(parts), encoding="ascii")
    truth = [_t(i, practitioner=WORKERS[i % 4], flagged=(i == 5)) for i in range(8)]
    truth[2] = Expected(
        DAYS[2], event=f"{TEXTS[2]} (checked with the case file)", practitioner=WORKERS[2]
    )
    SAID["rtf_tracked_changes"] = [DELETED]
    return path, truth


# --- 4. more code pages ----------------------------------------------------------------------


def iso8859_5_csv(folder: Path):
    """A Unix tool's CSV in ISO-8859-5 (the ISO Cyrillic code page: capitals at B0-CF, small
    letters at D0-EF), a Russian-speaking family support service's workers in Cyrillic."""
    workers = ["Ольга Соколова", "Андрей Попов", "Татьяна Лебедева", "Владимир Новиков"]
    rows = [["Date", "Worker", "Notes"]]
    rows += [[f"{DAYS[i]:%d/%m/%Y}", workers[i % 4], TEXTS[i]] for i in range(8)]
    path = _write(folder / "iso8859_5_csv.csv", rows, encoding="iso8859_5")
    return path, [_t(i, practitioner=workers[i % 4]) for i in range(8)]


def dos_866_text(folder: Path):
    """An old DOS program's tab-separated export in code page 866 (DOS Cyrillic), the
    interpreters' names in Cyrillic and a note quoting the father in Russian."""
    workers = ["Елена Морозова", "Игорь Павлов", "Светлана Фёдорова", "Николай Егоров"]
    rows = [["Date", "Interpreter", "Notes"]]
    rows += [[f"{DAYS[i]:%d/%m/%Y}", workers[i % 4], f"{TEXTS[i]} Father said: 'спасибо'."]
             for i in range(8)]  # fmt: skip
    path = _write(folder / "dos_866_text.txt", rows, encoding="cp866", delimiter="\t")
    return path, [_t(i, practitioner=workers[i % 4]) for i in range(8)]


def iso8859_7_csv(folder: Path):
    """A CSV in ISO-8859-7 (ISO Greek, written by a web form's back end), the workers' names in
    Greek ("Κατερίνα Αντωνίου")."""
    workers = ["Κατερίνα Αντωνίου", "Γιώργος Δημητρίου", "Σοφία Κωνσταντίνου", "Πέτρος Λαμπράκης"]
    rows = [["Date", "Worker", "Notes"]]
    rows += [[f"{DAYS[i]:%d/%m/%Y}", workers[i % 4], TEXTS[i]] for i in range(8)]
    path = _write(folder / "iso8859_7_csv.csv", rows, encoding="iso8859_7")
    return path, [_t(i, practitioner=workers[i % 4]) for i in range(8)]


def baltic_csv(folder: Path):
    """A CSV saved by Excel on a PC set up for Lithuanian (a community interpreting service):
    Windows-1257, the Baltic code page, Lithuanian and Latvian names ("Jūratė Kazlauskienė",
    "Līga Bērziņa")."""
    workers = ["Jūratė Kazlauskienė", "Līga Bērziņa", "Žydrūnas Šimkus", "Andris Kalniņš"]
    rows = [["Date", "Interpreter", "Notes"]]
    rows += [[f"{DAYS[i]:%d/%m/%Y}", workers[i % 4], TEXTS[i]] for i in range(8)]
    path = _write(folder / "baltic_csv.csv", rows, encoding="cp1257")
    return path, [_t(i, practitioner=workers[i % 4]) for i in range(8)]


# --- 5. .xls cell notes ---------------------------------------------------------------------


def _biff(code: int, data: bytes) -> bytes:
    return struct.pack("<HH", code, len(data)) + data


def _note_records(notes: list[tuple[int, int, str, str]]) -> bytes:
    """OBJ (a note's common object data), TXO and its CONTINUE (the text), then the NOTE records
    naming each note's cell and author: what Excel 97-2003 writes for a cell's comment (without
    the drawing records, which only place the note's box)."""
    out = b""
    for number, (_r, _c, _author, text) in enumerate(notes, start=1):
        cmo = struct.pack("<HHHHH", 0x15, 18, 0x19, number, 0x4011) + b"\0" * 12
        out += _biff(0x5D, cmo + b"\0" * 4)
        encoded = text.encode("latin-1")
        txo = struct.pack("<HH6sHHH", 0x0212, 0, b"\0" * 6, len(encoded), 0, 0) + b"\0" * 4
        out += _biff(0x1B6, txo) + _biff(0x3C, b"\0" + encoded)
    for number, (r, c, author, _text) in enumerate(notes, start=1):
        name = author.encode("latin-1")
        out += _biff(0x1C, struct.pack("<4HHB", r, c, 0, number, len(name), 0) + name + b"\0")
    return out


def xls_cell_notes(folder: Path):
    """An Excel 97-2003 workbook whose details column says "See comment" on three rows, the
    details typed into each cell's note; on another row a manager's note on the worker's cell.
    The notes' text is read as the .xlsx and .ods notes are."""
    import xlwt
    from xlwt import Worksheet  # the class

    notes = []
    book = xlwt.Workbook()
    sheet = book.add_sheet("Chronology")
    dated = xlwt.easyxf("", num_format_str="DD/MM/YYYY")
    for c, heading in enumerate(("Date", "Worker", "Details")):
        sheet.write(0, c, heading)
    for i in range(8):
        sheet.write(i + 1, 0, DAYS[i], dated)
        sheet.write(i + 1, 1, WORKERS[i % 4])
        if i in (1, 4, 6):
            sheet.write(i + 1, 2, "See comment")
            notes.append((i + 1, 2, WORKERS[i % 4], TEXTS[i]))
        else:
            sheet.write(i + 1, 2, TEXTS[i])
    notes.append((3, 1, "Team manager", "Checked against the case file: visit confirmed."))
    original = Worksheet.get_biff_data

    def with_notes(self):
        data = original(self)
        eof = _biff(0x0A, b"")
        assert data.endswith(eof)
        return data[: -len(eof)] + _note_records(notes) + eof

    Worksheet.get_biff_data = with_notes
    try:
        path = folder / "xls_cell_notes.xls"
        book.save(str(path))
    finally:
        Worksheet.get_biff_data = original
    SAID["xls_cell_notes"] = ["Checked against the case file: visit confirmed."]
    return path, [_t(i, practitioner=WORKERS[i % 4]) for i in range(8)]


# --- 6. kinds not seen before ---------------------------------------------------------------


def markdown_table_email(folder: Path):
    """A chronology pasted into an e-mail as a Markdown table (as chat tools and some e-mail
    clients copy a table) and saved as .txt: a greeting, the table with its alignment row
    ("|:---|"), a line break inside a cell written "<br>", and a sign-off."""
    lines = ["Hi Dafydd,", "", "As requested, our contacts with the family are below.", ""]
    lines.append("| Date | Time | Worker | Contact |")
    lines.append("|:-----------|:-----:|:--------------|:------------------------------|")
    truth = []
    for i in range(8):
        text = TEXTS[i].replace("|", "/")
        if i == 3:
            text = text.replace("; ", ";<br>", 1)
        lines.append(f"| {DAYS[i]:%d/%m/%Y} | {TIMES[i]:%H:%M} | {WORKERS[i % 4]} | {text} |")
        truth.append(_t(i, time=f"{TIMES[i]:%H:%M}", practitioner=WORKERS[i % 4]))
    lines += ["", "Kind regards,", "Grace Adeyemi", "Safeguarding Lead"]
    path = folder / "markdown_table_email.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path, truth


def mysql_boxed_output(folder: Path):
    """A MySQL client's query output saved as .txt by a records officer: "+-----+" rule lines
    above and below the headings and at the end, "| " between columns, the columns padded, and
    "8 rows in set (0.01 sec)" under the table."""
    heads = ["contact_date", "staff_name", "contact_type", "notes"]
    rows = [[f"{DAYS[i]:%Y-%m-%d}", WORKERS[i % 4], TYPES[i % 4], TEXTS[i]] for i in range(8)]
    widths = [max(len(r[c]) for r in [heads, *rows]) for c in range(4)]
    rule = "+" + "+".join("-" * (w + 2) for w in widths) + "+"

    def line(cells):
        return "|" + "|".join(f" {v:<{w}} " for v, w in zip(cells, widths, strict=True)) + "|"

    text = [
        "mysql> SELECT contact_date, staff_name, contact_type, notes FROM contacts;",
        rule, line(heads), rule, *[line(r) for r in rows], rule,
        "8 rows in set (0.01 sec)", "", "mysql> exit", "Bye",
    ]  # fmt: skip
    path = folder / "mysql_boxed_output.txt"
    path.write_text("\n".join(text) + "\n", encoding="utf-8")
    truth = [_t(i, practitioner=WORKERS[i % 4], event_type=TYPES[i % 4]) for i in range(8)]
    return path, truth


def month_sheets(folder: Path):
    """A workbook kept a sheet a month ("Mar 2016" ... "Nov 2016"), the same headings on each,
    the full date typed on every row, a month with no contacts left with its headings only."""
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    by_month: dict[str, list[int]] = {}
    for i in range(8):
        by_month.setdefault(f"{DAYS[i]:%b %Y}", []).append(i)
    for month in ["Mar 2016", "Apr 2016", "May 2016", "Jun 2016", "Jul 2016", "Aug 2016",
                  "Sep 2016", "Oct 2016", "Nov 2016"]:  # fmt: skip
        ws = wb.create_sheet(month)
        ws.append(["Date", "Worker", "Type", "Details"])
        for n, i in enumerate(by_month.get(month, [])):
            ws.append([DAYS[i], WORKERS[i % 4], TYPES[i % 4], TEXTS[i]])
            ws.cell(n + 2, 1).number_format = "dd/mm/yyyy"
    path = folder / "month_sheets.xlsx"
    wb.save(path)
    truth = [_t(i, practitioner=WORKERS[i % 4], event_type=TYPES[i % 4]) for i in range(8)]
    return path, truth


def microsoft_lists_csv(folder: Path):
    """A team's log kept in Microsoft Lists (SharePoint) and exported to CSV: "Title" (the
    contact's short summary), the contact's date, the worker, the details, then the columns the
    list adds itself: Created, Created By, Modified, Modified By, Item Type, Path. The contact's
    date is the entry's date, not when the item was created."""
    rows = [["Title", "Contact date", "Worker", "Details", "Created", "Created By", "Modified",
             "Modified By", "Item Type", "Path"]]  # fmt: skip
    for i in range(8):
        made = f"{DAYS[i].day:02d}/{(DAYS[i].month % 12) + 1:02d}/2016 09:{10 + i:02d}"
        rows.append([TYPES[i % 4], f"{DAYS[i]:%d/%m/%Y}", WORKERS[i % 4], TEXTS[i], made,
                     "Grace Adeyemi", made, "Grace Adeyemi", "Item",
                     "sites/EarlyHelp/Lists/Contact log"])  # fmt: skip
    path = _write(folder / "microsoft_lists_csv.csv", rows, encoding="utf-8-sig")
    return path, [_t(i, practitioner=WORKERS[i % 4], event_type=TYPES[i % 4]) for i in range(8)]


# --- written after the first rules (measured on the original code as well) ---------------------


def markdown_without_outer_bars(folder: Path):
    """A Markdown table typed without bars at the ends of its lines (as GitHub and Teams allow):
    "Date | Worker | Event", a "--- | --- | ---" line under the headings, a note above it."""
    lines = ["Chronology for Child Z (health visiting), as discussed.", ""]
    lines += ["Date | Worker | Event", "--- | --- | ---"]
    lines += [f"{DAYS[i]:%d/%m/%Y} | {WORKERS[i % 4]} | {TEXTS[i]}" for i in range(8)]
    path = folder / "markdown_without_outer_bars.md.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path, [_t(i, practitioner=WORKERS[i % 4]) for i in range(8)]


CSV_LANES = ["GP", "School", "Police", "Children's Services"]


def swim_lanes_csv(folder: Path):
    """A multi-agency chronology kept as a CSV with a lane for each agency (GP, School, Police,
    Children's Services) and a "Source document" column at the end, filled on every row."""
    rows = [["Date", *CSV_LANES, "Source document"]]
    agencies = []
    for i in range(8):
        row = [f"{DAYS[i]:%d/%m/%Y}", "", "", "", "", f"Return {i % 3 + 1}"]
        lane = (i * 5 + 1) % 4
        row[1 + lane] = TEXTS[i]
        agencies.append(CSV_LANES[lane])
        rows.append(row)
    path = _write(folder / "swim_lanes_csv.csv", rows)
    AGENCIES["swim_lanes_csv"] = agencies
    return path, [_t(i) for i in range(8)]


def ods_swim_lanes(folder: Path):
    """A LibreOffice swim-lane chronology: Date, Time, then Police, Health, Education lanes;
    two entries on one row (Police and Health the same evening)."""
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    table = Table(name="Chronology")
    lanes = ["Police", "Health", "Education"]

    def add(values):
        row = TableRow()
        for value in values:
            cell = TableCell(valuetype="string") if value else TableCell()
            if value:
                cell.addElement(P(text=value))
            row.addElement(cell)
        table.addElement(row)

    add(["Date", "Time", *lanes])
    truth, agencies = [], []
    for i in range(8):
        row = [f"{DAYS[i]:%d/%m/%Y}", f"{TIMES[i]:%H:%M}", "", "", ""]
        lane = i % 3
        row[2 + lane] = TEXTS[i]
        truth.append(_t(i, time=f"{TIMES[i]:%H:%M}"))
        agencies.append(lanes[lane])
        if i == 6:
            row[2 + (lane + 1) % 3] = EXTRA
            truth.append(Expected(DAYS[i], time=f"{TIMES[i]:%H:%M}", event=EXTRA))
            agencies.append(lanes[(lane + 1) % 3])
        add(row)
    doc.spreadsheet.addElement(table)
    path = folder / "ods_swim_lanes.ods"
    doc.save(str(path))
    AGENCIES["ods_swim_lanes"] = agencies
    return path, truth


FIRST = [
    swim_lanes_two_on_a_day,
    word_swim_lanes_with_time,
    numbers_export_with_notes_table,
    rtf_tracked_changes,
    iso8859_5_csv,
    dos_866_text,
    iso8859_7_csv,
    baltic_csv,
    xls_cell_notes,
    markdown_table_email,
    mysql_boxed_output,
    month_sheets,
    microsoft_lists_csv,
]
LATER = [markdown_without_outer_bars, swim_lanes_csv, ods_swim_lanes]
FILES = {fn.__name__: fn for fn in FIRST + LATER}
