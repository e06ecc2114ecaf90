"""Agency files in layouts and with quirks met in real exports, each written here as the system
(or the person filling in a template) would write it, with the truth every entry must come in as.

Each builder takes a folder and returns (path, truth). A truth is a list of Expected entries in
file order; a file is right when every entry's date, time, narrative, practitioner, person(s) and
type arrive as written here, nothing is lost and the noise rows are left out.

All names are fictional."""

from __future__ import annotations

import codecs
import csv
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

CHILD = "Child Z"
WORKERS = ["Sam Ellery", "Priya Nandakumar", "Tomos Pritchard", "Grace Adeyemi"]
TYPES = ["Home visit", "Telephone call", "Office visit", "Strategy meeting"]
TEXTS = [
    "Home visit: mother present, flat cold, baby settled in a Moses basket. Safe sleep advice "
    "repeated; agreed to see again within two weeks.",
    "Call from the nursery: Child Z collected late for the third time by an adult who seemed "
    "unwell. Manager asked for a strategy discussion.",
    "Child Z not brought to the paediatric appointment. Letter sent to the GP and the health "
    "visitor; mother says she had no bus fare.",
    "Attended A&E with a burn to the right hand; the explanation given (a hot tap) fits the "
    "injury. Referral to children's social care made as a precaution.",
    "Strategy discussion with police and health: threshold for a section 47 enquiry met; "
    "joint visit planned for the next morning.",
    "Unannounced visit: nobody answered. Neighbour said the family had gone to a relative's "
    "for the weekend. Card left.",
    "School reports Child Z hungry on arrival most mornings this week; breakfast club offered "
    "and accepted by mother.",
    "Supervision: case discussed; manager agreed a child in need plan and a review in six weeks.",
]
# Days chosen so that several read both ways (03/04) and some only one way (14/03).
DAYS = [date(2016, 3, 14), date(2016, 4, 3), date(2016, 5, 6), date(2016, 6, 21),
        date(2016, 8, 2), date(2016, 9, 12), date(2016, 10, 5), date(2016, 11, 28)]  # fmt: skip
TIMES = [time(10, 32), time(14, 30), time(9, 5), time(16, 45), time(11, 0), time(8, 15),
         time(13, 20), time(15, 55)]  # fmt: skip


@dataclass(frozen=True)
class Expected:
    start: date
    end: date | None = None  # None: the same as start
    time: str = ""  # "HH:MM"
    event: str = ""  # the narrative must contain this
    practitioner: str = ""
    subjects: str = ""
    event_type: str = ""  # as written in the file
    flagged: bool = False  # it must be flagged (a value that cannot be read safely)
    flag_ok: bool = False  # being flagged is right too (a value a reader could take either way)


def _truth(count=8, *, times=True, worker=True, subjects=False, types=True, texts=TEXTS):
    return [
        Expected(
            start=DAYS[i],
            time=f"{TIMES[i]:%H:%M}" if times else "",
            event=texts[i],
            practitioner=WORKERS[i % 4] if worker else "",
            subjects=CHILD if subjects else "",
            event_type=TYPES[i % 4] if types else "",
        )
        for i in range(count)
    ]


def _dt(i: int) -> datetime:
    return datetime.combine(DAYS[i], TIMES[i])


def _csv(path: Path, rows, *, encoding="utf-8", delimiter=",") -> None:
    with open(path, "w", newline="", encoding=encoding) as handle:
        csv.writer(handle, delimiter=delimiter).writerows(rows)


# --- 1. a case-note report: summary block, header on row 7, blank columns, one-cell date time ---


def case_notes_report(folder: Path):
    """A case management system's case-note report: a summary block above the table, the header
    on row 7 beginning in column B with a blank column between, "14 Mar 2016 10:32" in one cell,
    and "End of report" and "Page 1 of 1" under the table."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Case Notes"
    ws["B1"] = "Case Notes Report"
    ws["B2"], ws["C2"] = "Person:", f"{CHILD} (ID 2088231)"
    ws["B3"], ws["C3"] = "Date range:", "01/03/2016 to 30/11/2016"
    ws["B4"], ws["C4"] = "Run by:", "Report Server"
    ws["B5"], ws["C5"] = "Run on:", "02/12/2016 09:14"
    heads = ["Date / Time", None, "Case Note Type", "Worker", "Case Note"]
    for col, head in enumerate(heads, start=2):
        ws.cell(row=7, column=col, value=head)
    for i in range(8):
        row = [f"{_dt(i):%d %b %Y %H:%M}", None, TYPES[i % 4], WORKERS[i % 4], TEXTS[i]]
        for col, value in enumerate(row, start=2):
            ws.cell(row=8 + i, column=col, value=value)
    ws.cell(row=17, column=2, value="End of report")
    ws.cell(row=18, column=2, value="Page 1 of 1")
    path = folder / "case_notes_report.xlsx"
    wb.save(path)
    return path, _truth()


# --- 2. a US provider's CSV: "3/14/2016 2:30 PM" in one column --------------------------------


def us_datetime_ampm(folder: Path):
    """A private provider's CSV from a US-made system: month first with a 12-hour clock."""
    rows = [["Date/Time", "Staff Member", "Service Type", "Progress Note"]]
    for i in range(8):
        stamp = _dt(i)
        hour = stamp.hour % 12 or 12
        shown = f"{stamp.month}/{stamp.day}/{stamp.year} {hour}:{stamp:%M} {stamp:%p}"
        rows.append([shown, WORKERS[i % 4], TYPES[i % 4], TEXTS[i]])
    path = folder / "us_datetime_ampm.csv"
    _csv(path, rows)
    return path, _truth()


# --- 3. ISO 8601 date-times with a zone, UTF-8 with a byte-order mark ----------------------------


def iso_timestamps_bom(folder: Path):
    """A web-based service's export: ISO 8601 stamps in UTC ("2016-06-21T15:45:00Z" for 16:45
    in the UK), a BOM, run-together headings."""
    from zoneinfo import ZoneInfo

    rows = [["created_at", "author", "note_type", "body", "client"]]
    for i in range(8):
        utc = _dt(i).replace(tzinfo=ZoneInfo("Europe/London")).astimezone(ZoneInfo("UTC"))
        rows.append([f"{utc:%Y-%m-%dT%H:%M:%S}Z", WORKERS[i % 4], TYPES[i % 4], TEXTS[i], CHILD])
    path = folder / "iso_timestamps_bom.csv"
    _csv(path, rows, encoding="utf-8-sig")
    return path, _truth(subjects=True)


# --- 4. Excel day numbers stored as text, date and time in one serial -------------------------


def text_serials(folder: Path):
    """A workbook written by another program: dates as Excel day numbers stored as text, the
    time as the serial's fraction ("42443.4388889")."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["Contact Date", "Contact Type", "Recorded By", "Contact Details"])
    for i in range(8):
        delta = _dt(i) - datetime(1899, 12, 30)
        serial = delta.days + delta.seconds / 86400
        ws.append([f"{serial:.7f}", TYPES[i % 4], WORKERS[i % 4], TEXTS[i]])
    path = folder / "text_serials.xlsx"
    wb.save(path)
    return path, _truth()


# --- 5. narrative first, date last, hidden columns, styled empty trailing columns ---------------


def narrative_first(folder: Path):
    """A hand-made sheet: the narrative in the first column and the date in the last, a hidden
    column of system ids and a hidden "last modified" date, and formatted but empty columns to Z."""
    from openpyxl import Workbook
    from openpyxl.styles import Border, Side

    wb = Workbook()
    ws = wb.active
    ws.append(["What happened", "Record id", "Last modified", "By whom", "Type of contact",
               "Date"])  # fmt: skip
    for i in range(8):
        ws.append([TEXTS[i], f"CN{771200 + i}", datetime(2016, 12, 1, 9, i), WORKERS[i % 4],
                   TYPES[i % 4], DAYS[i]])  # fmt: skip
    ws.column_dimensions["B"].hidden = True
    ws.column_dimensions["C"].hidden = True
    thin = Side(style="thin")
    for row in range(1, 10):
        for col in range(7, 27):
            ws.cell(row=row, column=col).border = Border(top=thin, bottom=thin)
    path = folder / "narrative_first.xlsx"
    wb.save(path)
    return path, _truth(times=False)


# --- 6. a Welsh/English template in Word -------------------------------------------------------


def welsh_bilingual(folder: Path):
    """A Welsh partnership's bilingual chronology template: headings "Dyddiad / Date",
    "Asiantaeth / Agency", ..., a bilingual title and guidance row."""
    import docx

    document = docx.Document()
    document.add_paragraph("Cronoleg Amlasiantaethol / Multi-agency Chronology")
    heads = ["Dyddiad / Date", "Amser / Time", "Asiantaeth / Agency", "Ymarferydd / Practitioner",
             "Math o gyswllt / Type of contact", "Digwyddiad / Event",
             "Canlyniad / Outcome"]  # fmt: skip
    table = document.add_table(rows=1, cols=len(heads))
    for cell, head in zip(table.rows[0].cells, heads, strict=True):
        cell.text = head
    guidance = ["dd/mm/bbbb / dd/mm/yyyy", "hh:mm", "", "Enw a rôl / Name and role", "",
                "Disgrifiwch y digwyddiad / Describe the event", ""]  # fmt: skip
    for cell, text in zip(table.add_row().cells, guidance, strict=True):
        cell.text = text
    for i in range(8):
        values = [f"{DAYS[i]:%d/%m/%Y}", f"{TIMES[i]:%H:%M}", "Gwasanaethau Plant",
                  WORKERS[i % 4], TYPES[i % 4], TEXTS[i], "Dim camau pellach / No further action"]  # fmt: skip
        for cell, text in zip(table.add_row().cells, values, strict=True):
            cell.text = text
    path = folder / "welsh_bilingual.docx"
    document.save(path)
    return path, _truth()


# --- 7. each entry on two rows: a header line, then the body under it --------------------------


def two_row_entries(folder: Path):
    """A case-note print layout: each note's date, type and author on one row and its text on
    the row below, in the first column."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["Date", "Note Type", "Author"])
    for i in range(8):
        ws.append([DAYS[i], TYPES[i % 4], WORKERS[i % 4]])
        ws.append([TEXTS[i]])
    path = folder / "two_row_entries.xlsx"
    wb.save(path)
    return path, _truth(times=False)


# --- 8. a CSV report with a summary block, totals and page footers inside ---------------------


def report_with_footers(folder: Path):
    """A printed-report CSV: summary lines above, the page header and "Page 1 of 2" between the
    pages, and totals at the end."""
    heads = ["Contact Date", "Time", "Officer", "Contact Type", "Notes"]
    rows = [["Probation Contact Log"], ["Case:", f"{CHILD}'s father (CRN X123456)"],
            ["Printed:", "03/12/2016"], [], heads]  # fmt: skip
    for i in range(8):
        rows.append([f"{DAYS[i]:%d/%m/%Y}", f"{TIMES[i]:%H:%M}", WORKERS[i % 4], TYPES[i % 4],
                     TEXTS[i]])  # fmt: skip
        if i == 3:
            rows += [[], ["Page 1 of 2"], ["Probation Contact Log"], heads]
    rows += [[], ["Total contacts:", "8"], ["Page 2 of 2"], ["*** End of Report ***"]]
    path = folder / "report_with_footers.csv"
    _csv(path, rows)
    return path, _truth()


# --- 9. merged group headings between the rows --------------------------------------------------


def merged_groups(folder: Path):
    """A chronology grouped by period: a merged row "April 2016 – July 2016: family moved to
    Flat 3" over the entries of each period."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["Date", "Source", "Practitioner", "Event", "Outcome"])
    groups = {0: "Period 1: March 2016 – May 2016 (at the grandparents' address)",
              3: "Period 2: June 2016 – September 2016 (family moved to a flat)",
              6: "Period 3: October 2016 onwards (child in need plan)"}  # fmt: skip
    for i in range(8):
        if i in groups:
            ws.append([groups[i]])
            ws.merge_cells(start_row=ws.max_row, start_column=1, end_row=ws.max_row, end_column=5)
        ws.append([DAYS[i], TYPES[i % 4], WORKERS[i % 4], TEXTS[i], "Case remains open"])
    path = folder / "merged_groups.xlsx"
    wb.save(path)
    return path, _truth(times=False, types=False)


# --- 10. housing notes in .ods with the date and time as text in one cell ----------------------


def housing_ods(folder: Path):
    """A housing management system's tenancy notes saved as .ods: "14/03/2016 10:32" as text,
    a tenancy reference and a category code."""
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    table = Table(name="Notes")

    def add(values):
        row = TableRow()
        for value in values:
            cell = TableCell(valuetype="string")
            cell.addElement(P(text=str(value)))
            row.addElement(cell)
        table.addElement(row)

    add(["Tenancy Ref", "Note Date", "Category", "Officer", "Tenant", "Note Text"])
    for i in range(8):
        add([f"T/0{4411 + i}", f"{_dt(i):%d/%m/%Y %H:%M}", TYPES[i % 4], WORKERS[i % 4],
             "Ms Y Example", TEXTS[i]])  # fmt: skip
    doc.spreadsheet.addElement(table)
    path = folder / "housing_notes.ods"
    doc.save(str(path))
    truth = [
        Expected(e.start, e.end, e.time, e.event, e.practitioner, "Ms Y Example", e.event_type)
        for e in _truth()
    ]
    return path, truth


# --- 11. Excel's "Unicode Text": UTF-16, tab-separated, .txt ----------------------------------


def unicode_text_txt(folder: Path):
    """What Excel's "Save as Unicode Text" writes: UTF-16 with a BOM, tabs, a .txt name."""
    lines = ["Date\tTime\tWorker\tType\tDetails"]
    for i in range(8):
        lines.append(f"{DAYS[i]:%d/%m/%Y}\t{TIMES[i]:%H:%M}\t{WORKERS[i % 4]}\t{TYPES[i % 4]}\t"
                     f"{TEXTS[i]}")  # fmt: skip
    path = folder / "unicode_text.txt"
    path.write_bytes(codecs.BOM_UTF16_LE + ("\r\n".join(lines) + "\r\n").encode("utf-16-le"))
    return path, _truth()


def tab_separated_txt(folder: Path):
    """A plain tab-separated .txt in UTF-8, dates as "14-Mar-2016"."""
    lines = ["Event Date\tEvent Time\tClinician\tConsultation Type\tConsultation Text"]
    for i in range(8):
        lines.append(f"{DAYS[i]:%d-%b-%Y}\t{TIMES[i]:%H:%M}\t{WORKERS[i % 4]}\t{TYPES[i % 4]}\t"
                     f"{TEXTS[i]}")  # fmt: skip
    path = folder / "tab_separated.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path, _truth()


# --- 12. semicolons and decimal commas ---------------------------------------------------------


def semicolon_decimal_commas(folder: Path):
    """A CSV from a European-locale Excel: semicolons, "14.03.2016 10:32", a duration "1,5"."""
    rows = [["Datum Zeit / Date time", "Dauer (Std) / Hours", "Mitarbeiter / Worker",
             "Art / Type", "Beschreibung / Description"]]  # fmt: skip
    for i in range(8):
        rows.append([f"{_dt(i):%d.%m.%Y %H:%M}", f"{1 + i % 3},5", WORKERS[i % 4], TYPES[i % 4],
                     TEXTS[i]])  # fmt: skip
    path = folder / "semicolon_decimal_commas.csv"
    _csv(path, rows, delimiter=";")
    return path, _truth()


# --- 13. free-text dates ------------------------------------------------------------------------

FREE_DATES = [
    ("approx. March 2016", date(2016, 3, 1), date(2016, 3, 31)),
    ("mid-2016", date(2016, 5, 1), date(2016, 8, 31)),
    ("late 2015", date(2015, 9, 1), date(2015, 12, 31)),
    ("early 2017", date(2017, 1, 1), date(2017, 4, 30)),
    ("c. 2014", date(2014, 1, 1), date(2014, 12, 31)),
    ("Summer 2016", date(2016, 6, 1), date(2016, 8, 31)),
    ("end of April 2016", date(2016, 4, 21), date(2016, 4, 30)),
    ("beginning of May 2016", date(2016, 5, 1), date(2016, 5, 10)),
]


def free_text_dates(folder: Path):
    """A practitioner's hand-written history: dates as they are remembered."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["Date", "Information source", "Significant event"])
    for i, (shown, _start, _end) in enumerate(FREE_DATES):
        ws.append([shown, "Mother's account", TEXTS[i]])
    path = folder / "free_text_dates.xlsx"
    wb.save(path)
    truth = [Expected(start, end, event=TEXTS[i]) for i, (_s, start, end) in enumerate(FREE_DATES)]
    return path, truth


# --- 14. a Word chronology in several tables with paragraphs between --------------------------


def several_tables_docx(folder: Path):
    """An IMR author's Word document: a heading and paragraph, then a table per period, each
    with its own header row, and a paragraph of commentary between the tables."""
    import docx

    document = docx.Document()
    document.add_heading("Individual Management Review: chronology", level=1)
    document.add_paragraph("This chronology covers the agency's contact with the family.")
    heads = ["Date", "Time", "Worker", "Type", "Details of contact"]
    for part, rows in enumerate((range(0, 3), range(3, 6), range(6, 8))):
        document.add_heading(f"Part {part + 1}", level=2)
        if part:
            document.add_paragraph(
                "Commentary: during this period the family moved and the case was transferred "
                "to another team; there was no contact for five weeks."
            )
        table = document.add_table(rows=1, cols=len(heads))
        for cell, head in zip(table.rows[0].cells, heads, strict=True):
            cell.text = head
        for i in rows:
            values = [f"{DAYS[i]:%d/%m/%Y}", f"{TIMES[i]:%H:%M}", WORKERS[i % 4], TYPES[i % 4],
                      TEXTS[i]]  # fmt: skip
            for cell, text in zip(table.add_row().cells, values, strict=True):
                cell.text = text
    path = folder / "several_tables.docx"
    document.save(path)
    return path, _truth()


# --- 15. a Welsh-language chronology: Welsh headings and Welsh month names ---------------------

_WELSH_MONTHS = ["Ionawr", "Chwefror", "Mawrth", "Ebrill", "Mai", "Mehefin", "Gorffennaf", "Awst",
                 "Medi", "Hydref", "Tachwedd", "Rhagfyr"]  # fmt: skip


def welsh_language(folder: Path):
    """A Welsh-medium school's chronology, in Welsh: "14 Mawrth 2016", headings Dyddiad, Amser,
    Aelod o staff, Math, Disgrifiad."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["Dyddiad", "Amser", "Aelod o staff", "Math", "Disgrifiad"])
    for i in range(8):
        day = DAYS[i]
        ws.append([f"{day.day} {_WELSH_MONTHS[day.month - 1]} {day.year}", f"{TIMES[i]:%H:%M}",
                   WORKERS[i % 4], TYPES[i % 4], TEXTS[i]])  # fmt: skip
    path = folder / "welsh_language.xlsx"
    wb.save(path)
    return path, _truth()


# --- 16. a police log: time before the date, zone letters, time spans ----------------------------


def police_time_first(folder: Path):
    """A police command-and-control log: "10:32 14/03/2016" (time first), the officer by rank and
    number, an incident number, and a closing line."""
    rows = [["Incident No", "Time/Date", "Officer", "Incident Type", "Log Entry"]]
    for i in range(8):
        rows.append([f"INC-{20160000 + 311 * i}", f"{TIMES[i]:%H:%M} {DAYS[i]:%d/%m/%Y}",
                     f"PC {4400 + i} {WORKERS[i % 4].split()[1]}", TYPES[i % 4], TEXTS[i]])  # fmt: skip
    rows.append(["8 incidents listed"])
    path = folder / "police_time_first.csv"
    _csv(path, rows)
    truth = [
        Expected(e.start, e.end, e.time, e.event, WORKERS[i % 4].split()[1], "", e.event_type)
        for i, e in enumerate(_truth())
    ]
    return path, truth


def ambulance_four_figure_times(folder: Path):
    """An ambulance service's incident list: "14/03/16 1032" (two-digit year, 24-hour time in
    four figures), a call sign, a category."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["Incident Date Time", "Call Sign", "Category", "Crew", "Clinical Summary"])
    for i in range(8):
        ws.append([f"{_dt(i):%d/%m/%y %H%M}", f"RX{301 + i}", TYPES[i % 4], WORKERS[i % 4],
                   TEXTS[i]])  # fmt: skip
    path = folder / "ambulance_four_figure_times.xlsx"
    wb.save(path)
    return path, _truth()


def contact_time_spans(folder: Path):
    """A family support service's contact log: "14/03/2016 10:32 - 11:15" (a contact with its start
    and end time) and "03/05/2016 - 05/05/2016" (a stay of several days)."""
    rows = [["When", "Support Worker", "Contact", "Notes"]]
    truth = []
    for i in range(8):
        if i == 2:
            shown, end = f"{DAYS[i]:%d/%m/%Y} - {DAYS[i] + timedelta(days=2):%d/%m/%Y}", 2
        else:
            finish = (_dt(i) + timedelta(minutes=45)).time()
            shown, end = f"{_dt(i):%d/%m/%Y %H:%M} - {finish:%H:%M}", 0
        rows.append([shown, WORKERS[i % 4], TYPES[i % 4], TEXTS[i]])
        truth.append(Expected(DAYS[i], DAYS[i] + timedelta(days=end),
                              "" if end else f"{TIMES[i]:%H:%M}", TEXTS[i], WORKERS[i % 4], "",
                              TYPES[i % 4]))  # fmt: skip
    path = folder / "contact_time_spans.csv"
    _csv(path, rows)
    return path, truth


# --- 17. dates as people remember them, some that cannot be placed --------------------------------

REMEMBERED = [
    ("2016 (exact date unknown)", date(2016, 1, 1), date(2016, 12, 31), False),
    ("Unknown", None, None, True),
    ("pre 2010", None, None, True),
    ("Between 3 and 5 May 2016", date(2016, 5, 3), date(2016, 5, 5), False),
    ("around Christmas 2015", date(2015, 12, 18), date(2015, 12, 31), "ok"),
    ("May - June 2016", date(2016, 5, 1), date(2016, 6, 30), False),
    ("Sept 2016 (approx)", date(2016, 9, 1), date(2016, 9, 30), False),
    ("3rd-5th June 2016", date(2016, 6, 3), date(2016, 6, 5), False),
]


def remembered_dates(folder: Path):
    """A family history taken from a parent: dates as remembered. Those that cannot be placed
    must be imported and flagged, never dropped or guessed."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["Approximate date", "Source of information", "Event"])
    for i, (shown, *_rest) in enumerate(REMEMBERED):
        ws.append([shown, "Mother", TEXTS[i]])
    path = folder / "remembered_dates.xlsx"
    wb.save(path)
    truth = [
        Expected(
            start or date(1900, 1, 1),
            end,
            event=TEXTS[i],
            flagged=flag is True,
            flag_ok=flag == "ok",
        )  # fmt: skip
        for i, (_s, start, end, flag) in enumerate(REMEMBERED)
    ]
    return path, truth


# --- 18. a case-note export with the title and note split, and flags ----------------------------


def case_note_title_and_note(folder: Path):
    """A children's case system's case-note CSV: contact date, note type, a title, the note, a
    significant-event Y/N, a status, the worker and team; CRLF line ends, notes over lines."""
    rows = [["Contact Date", "Note Type", "Title", "Note Details", "Significant Event", "Status",
             "Worker", "Team"]]  # fmt: skip
    for i in range(8):
        body = TEXTS[i].replace("; ", ";\n", 1)
        rows.append([f"{DAYS[i]:%d/%m/%Y}", TYPES[i % 4], f"Contact {i + 1}", body,
                     "Y" if i % 3 == 0 else "N", "Complete", WORKERS[i % 4], "Assessment Team"])  # fmt: skip
    path = folder / "case_note_title_and_note.csv"
    with open(path, "w", newline="", encoding="utf-8") as handle:
        csv.writer(handle, lineterminator="\r\n").writerows(rows)
    truth = [
        Expected(
            e.start,
            event=e.event.split(";")[0],
            practitioner=e.practitioner,
            event_type=e.event_type,
        )  # fmt: skip
        for e in _truth(times=False)
    ]
    return path, truth


# --- 19. a contact log with how long each contact took, and the child's age at the time --------


def durations_and_ages(folder: Path):
    """A family centre's log: a row number, the date, the child's age then ("3y 4m"), how long
    the contact took ("00:45") and the time spent travelling; neither is a time of day, and an
    age is not a person."""
    rows = [["No.", "Date", "Age of child", "Duration", "Travel time", "Key worker", "Details"]]
    for i in range(8):
        rows.append([str(i + 1), f"{DAYS[i]:%d/%m/%Y}", f"{3 + i // 4}y {i % 12}m", "00:45",
                     "0:20", WORKERS[i % 4], TEXTS[i]])  # fmt: skip
    path = folder / "durations_and_ages.csv"
    _csv(path, rows)
    return path, _truth(times=False, types=False)


# --- 20. a case-note print: each note a block of labelled lines ----------------------------------


def case_note_blocks(folder: Path):
    """A case-note print saved to Excel: a title and the child's details, then each note as
    "Date:", "Worker:", "Type:", "Note:" lines (a long note runs on to the next line), a page
    line between notes and an end line."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["Case Note Print"])
    ws.append(["Child:", CHILD])
    ws.append([])
    for i in range(8):
        first, _sep, rest = TEXTS[i].partition(". ")
        ws.append(["Date:", f"{_dt(i):%d/%m/%Y %H:%M}"])
        ws.append(["Worker:", WORKERS[i % 4]])
        ws.append(["Type:", TYPES[i % 4]])
        ws.append(["Note:", f"{first}." if rest else first])
        if rest:
            ws.append([None, rest])
        ws.append([])
        if i == 3:
            ws.append(["Page 1 of 2"])
    ws.append(["End of report"])
    path = folder / "case_note_blocks.xlsx"
    wb.save(path)
    truth = [
        Expected(
            e.start,
            e.end,
            e.time,
            e.event.partition(". ")[2] or e.event,
            e.practitioner,
            "",
            e.event_type,
        )  # fmt: skip
        for e in _truth()
    ]
    return path, truth


# --- 21. a Word chronology written as paragraphs, not a table -----------------------------------


def paragraphs_docx(folder: Path):
    """An author's chronology typed as paragraphs: a heading and an introduction, then each
    entry starting with its date ("14/03/2016 – ..."), some running on to a second paragraph."""
    import docx

    document = docx.Document()
    document.add_heading("Chronology of agency involvement", level=1)
    document.add_paragraph("The entries below are taken from the case file.")
    forms = ["{:%d/%m/%Y} – ", "{:%d %B %Y}: ", "{:%d.%m.%Y}\t"]
    for i in range(8):
        first, _sep, rest = TEXTS[i].partition(". ")
        document.add_paragraph(forms[i % 3].format(DAYS[i]) + (f"{first}." if rest else first))
        if rest:
            document.add_paragraph(rest)
    path = folder / "paragraphs.docx"
    document.save(path)
    truth = [Expected(DAYS[i], event=TEXTS[i].partition(". ")[2] or TEXTS[i]) for i in range(8)]
    return path, truth


# --- 22. a web-based system's case notes: editor markup in the notes, values as ="..." ----------


def web_case_notes(folder: Path):
    """A web-based case system's CSV: the note with its editor's markup (<p>, <br />, &amp;,
    &nbsp;), the id and the date written as ="..." so that Excel keeps them as text."""
    from html import escape

    rows = [["Case Note ID", "Contact Date", "Title", "Note", "Created By"]]
    for i in range(8):
        first, _sep, rest = TEXTS[i].partition(". ")
        note = f"<p>{escape(first)}.</p><p>{escape(rest)}&nbsp;</p>" if rest else escape(first)
        rows.append([f'="{1200 + i:06d}"', f'="{_dt(i):%d/%m/%Y %H:%M}"', f"Contact {i + 1}",
                     note.replace("; ", ";<br />", 1), WORKERS[i % 4]])  # fmt: skip
    path = folder / "web_case_notes.csv"
    with open(path, "w", newline="", encoding="utf-8") as handle:
        for row in rows:  # written as such systems write it: ="..." left unquoted
            handle.write(",".join(v if v.startswith("=") else '"' + v.replace('"', '""') + '"'
                                  for v in row) + "\r\n")  # fmt: skip
    truth = [
        Expected(
            e.start, e.end, e.time, e.event.partition(". ")[0].split("; ")[0], e.practitioner
        )  # fmt: skip
        for e in _truth()
    ]
    return path, truth


# --- 23. a school's behaviour and welfare log: the session after the date ------------------------


def school_sessions(folder: Path):
    """A school's log noting the session, not the time: "14/03/2016 AM", "03/04/2016 PM"."""
    rows = [["Date / session", "Reported by", "Concern type", "What was seen or said"]]
    for i in range(8):
        rows.append([f"{DAYS[i]:%d/%m/%Y} {'AM' if i % 2 else 'PM'}", WORKERS[i % 4],
                     TYPES[i % 4], TEXTS[i]])  # fmt: skip
    path = folder / "school_sessions.csv"
    _csv(path, rows)
    return path, _truth(times=False)


# --- 24. a bilingual template with the Welsh headings on a row of their own ---------------------


def bilingual_header_rows(folder: Path):
    """English headings, and the Welsh ones on the row under them."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["Date", "Agency", "Practitioner", "Type", "Event"])
    ws.append(["Dyddiad", "Asiantaeth", "Ymarferydd", "Math", "Digwyddiad"])
    for i in range(8):
        ws.append([DAYS[i], "Health", WORKERS[i % 4], TYPES[i % 4], TEXTS[i]])
    path = folder / "bilingual_header_rows.xlsx"
    wb.save(path)
    return path, _truth(times=False)


# --- 25. a database query saved as CSV: NULLs and midnight placeholders --------------------------


def sql_export(folder: Path):
    """A query's output: "2016-03-14 00:00:00" for a date with no time, the time in a column of
    its own or NULL, NULL for a missing worker and an empty closed date."""
    rows = [["ContactDate", "ContactTime", "StaffName", "ContactType", "Notes", "ClosedDate"]]
    truth = []
    for i in range(8):
        timed, named = i % 2 == 0, i % 3 != 1
        rows.append([f"{DAYS[i]:%Y-%m-%d} 00:00:00", f"{TIMES[i]:%H:%M}" if timed else "NULL",
                     WORKERS[i % 4] if named else "NULL", TYPES[i % 4], TEXTS[i], "NULL"])  # fmt: skip
        truth.append(Expected(DAYS[i], time=f"{TIMES[i]:%H:%M}" if timed else "", event=TEXTS[i],
                              practitioner=WORKERS[i % 4] if named else "",
                              event_type=TYPES[i % 4]))  # fmt: skip
    path = folder / "sql_export.csv"
    _csv(path, rows)
    return path, truth


# --- 26. a Word chronology whose tables head their columns differently ---------------------------


def word_tables_differ(folder: Path):
    """One table per period; the later one gains a Time and an Analysis column, its columns in
    another order, and runs on into a third table without a header."""
    import docx

    document = docx.Document()
    layouts = [(["Date", "Worker", "Type", "Details"], range(0, 3)),
               (["Date", "Time", "Type", "Worker", "Details", "Analysis"], range(3, 6)),
               (None, range(6, 8))]  # fmt: skip
    heads: list[str] = []
    for part, (own, rows) in enumerate(layouts):
        document.add_paragraph(f"Period {part + 1}")
        heads = own or heads
        table = document.add_table(rows=0 if own is None else 1, cols=len(heads))
        if own is not None:
            for cell, head in zip(table.rows[0].cells, heads, strict=True):
                cell.text = head
        for i in rows:
            values = {"Date": f"{DAYS[i]:%d/%m/%Y}", "Time": f"{TIMES[i]:%H:%M}",
                      "Worker": WORKERS[i % 4], "Type": TYPES[i % 4], "Details": TEXTS[i],
                      "Analysis": "A pattern of missed appointments."}  # fmt: skip
            for cell, head in zip(table.add_row().cells, heads, strict=True):
                cell.text = values[head]
    path = folder / "word_tables_differ.docx"
    document.save(path)
    truth = [Expected(e.start, e.end, e.time if i >= 3 else "", e.event, e.practitioner, "",
                      e.event_type) for i, e in enumerate(_truth())]  # fmt: skip
    return path, truth


# --- 27. a time column as people fill it in: spans, sessions, not known ---------------------------


TIME_CELLS = ["10:32 - 11:15", "PM", "09:05-09:40", "N/K", "approx 11:00", "AM", "13:20 to 14:00",
              "-"]  # fmt: skip


def time_column_as_written(folder: Path):
    """A support service's log whose Time column says what people wrote: a span ("10:32 - 11:15"
    starts at 10:32), a session ("AM"), "N/K", "approx 11:00", "-"."""
    rows = [["Date", "Time", "Support worker", "Contact type", "Summary of contact"]]
    for i in range(8):
        rows.append([f"{DAYS[i]:%d/%m/%Y}", TIME_CELLS[i], WORKERS[i % 4], TYPES[i % 4],
                     TEXTS[i]])  # fmt: skip
    path = folder / "time_column_as_written.csv"
    _csv(path, rows)
    times = ["10:32", "", "09:05", "", "11:00", "", "13:20", ""]
    truth = [Expected(e.start, e.end, times[i], e.event, e.practitioner, "", e.event_type)
             for i, e in enumerate(_truth())]  # fmt: skip
    return path, truth


FILES = {
    "case_notes_report": case_notes_report,
    "us_datetime_ampm": us_datetime_ampm,
    "iso_timestamps_bom": iso_timestamps_bom,
    "text_serials": text_serials,
    "narrative_first": narrative_first,
    "welsh_bilingual": welsh_bilingual,
    "two_row_entries": two_row_entries,
    "report_with_footers": report_with_footers,
    "merged_groups": merged_groups,
    "housing_ods": housing_ods,
    "unicode_text_txt": unicode_text_txt,
    "tab_separated_txt": tab_separated_txt,
    "semicolon_decimal_commas": semicolon_decimal_commas,
    "free_text_dates": free_text_dates,
    "several_tables_docx": several_tables_docx,
    "welsh_language": welsh_language,
    "police_time_first": police_time_first,
    "ambulance_four_figure_times": ambulance_four_figure_times,
    "contact_time_spans": contact_time_spans,
    "remembered_dates": remembered_dates,
    "case_note_title_and_note": case_note_title_and_note,
    "durations_and_ages": durations_and_ages,
    "case_note_blocks": case_note_blocks,
    "paragraphs_docx": paragraphs_docx,
    "web_case_notes": web_case_notes,
    "school_sessions": school_sessions,
    "bilingual_header_rows": bilingual_header_rows,
    "sql_export": sql_export,
    "word_tables_differ": word_tables_differ,
    "time_column_as_written": time_column_as_written,
}


def differences(rows, truth: list[Expected]) -> list[str]:
    """What is wrong in the imported entries (EntryRow) against the truth, in plain words."""
    wrong: list[str] = []
    if len(rows) != len(truth):
        wrong.append(f"{len(rows)} entries, expected {len(truth)}")
    unmatched = list(rows)
    for number, want in enumerate(truth):
        found = next((r for r in unmatched if want.event in (r.event or "")), None)
        if found is None:
            wrong.append(f"entry {number}: narrative not found ({want.event[:40]!r})")
            continue
        unmatched.remove(found)
        end = want.end or want.start
        got = (found.date_start, found.date_end or found.date_start)
        if want.flagged or (want.flag_ok and found.flagged):
            if not found.flagged:
                wrong.append(f"entry {number}: not flagged")
            continue
        if got != (want.start, end):
            wrong.append(f"entry {number}: date {got} ({found.date_text!r}), expected "
                         f"{(want.start, end)}")  # fmt: skip
        if found.time != want.time:
            wrong.append(f"entry {number}: time {found.time!r}, expected {want.time!r}")
        if want.practitioner and want.practitioner not in (found.practitioner or ""):
            wrong.append(f"entry {number}: practitioner {found.practitioner!r}")
        if want.subjects and want.subjects not in (found.subjects or ""):
            wrong.append(f"entry {number}: person(s) {found.subjects!r}")
        if want.event_type and (found.event_type_text or "") != want.event_type:
            wrong.append(f"entry {number}: type {found.event_type_text!r}")
        if found.flagged:
            wrong.append(f"entry {number}: flagged ({found.flag_reason})")
    for extra in unmatched:
        wrong.append(f"extra entry from row {extra.source_row}: {extra.event[:50]!r}")
    return wrong
