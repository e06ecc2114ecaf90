"""Chronology files laid out as agencies' case systems and templates export them (all fictional):
a social care case-note report, a GP consultation extract, a police occurrence log, a school
safeguarding system, a probation contact log, CAMHS progress notes, an ambulance summary (.xls) and a patient contact report printed to PDF,
housing tenancy notes (.ods), a US-dated provider CSV, the IMR Word template, early help notes
with merged and multi-line cells, a partnership template with a guidance row, and others.

The demonstration reviews import their chronologies from these files through the real importer.
Writers import their libraries when called (openpyxl, xlwt, odfpy, python-docx, reportlab).
"""

import csv
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path


@dataclass(frozen=True)
class AgencyEvent:
    day: date
    time: str  # "HH:MM" or ""
    worker: str
    role: str
    kind: str  # short type, as the system names it
    summary: str  # one line
    text: str  # the narrative (may run over several lines)
    outcome: str = ""
    recorded_after: int = 0  # days between the event and its recording
    struck: bool = False  # crossed out by the agency (a duplicate, or made in error)


def _at(event: AgencyEvent) -> datetime:
    hours, _, minutes = (event.time or "00:00").partition(":")
    return datetime.combine(event.day, time(int(hours), int(minutes)))


def _xlsx(path: Path, rows: list[list], *, widths: dict[str, int] | None = None, style=None):
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Report"
    for row in rows:
        sheet.append(row)
    for column, width in (widths or {}).items():
        sheet.column_dimensions[column].width = width
    if style is not None:
        style(workbook, sheet)
    workbook.save(path)
    return path


def social_care_case_notes(path: Path, events: list[AgencyEvent], subject: str) -> Path:
    """A case-note report: title rows, ID, note date with time, type, title, note, author,
    date created (often days later), and a total at the foot."""
    rows: list[list] = [
        ["Case Note Report"],
        [f"Person: {subject}", None, None, "Printed on 02/03/2024 by Business Support"],
        [],
        ["Case Note ID", "Date of Note", "Case Note Type", "Case Note Title", "Case Note",
         "Created By", "Date Created"],
    ]  # fmt: skip
    for number, e in enumerate(events, 48113):
        rows.append(
            [number, _at(e), e.kind, e.summary, e.text, f"{e.worker} ({e.role})",
             e.day + timedelta(days=e.recorded_after)]
        )  # fmt: skip
    rows += [[], [f"Total number of case notes: {len(events)}"]]
    return _xlsx(path, rows, widths={"E": 80})


def gp_consultations(path: Path, events: list[AgencyEvent], subject: str) -> Path:
    """A GP system's consultation extract (CSV): the narrative split over History,
    Examination and Plan."""
    with open(path, "w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(["Consultation Date", "Time", "Clinician", "Consultation Type", "History",
                      "Examination", "Plan"])  # fmt: skip
        for e in events:
            history, _, rest = e.text.partition(" Examination: ")
            examination, _, plan = rest.partition(" Plan: ")
            out.writerow([f"{e.day:%d-%b-%Y}", e.time, e.worker, e.kind, history, examination,
                          plan or e.outcome])  # fmt: skip
    return path


def police_occurrences(path: Path, events: list[AgencyEvent], subject: str) -> Path:
    """A police occurrence log: reference numbers, date and time as text, a one-line summary
    beside the full details, Y/N flags, and the page header repeated every 20 rows."""
    title = ["Occurrence enquiry log - restricted"]
    header = ["Occurrence No", "Date/Time Reported", "Occurrence Type", "Officer", "Summary",
              "Details", "DA Flag", "Child Present"]  # fmt: skip
    rows: list[list] = [title, header]
    struck: list[int] = []  # the sheet's numbers of the rows crossed out
    for index, e in enumerate(events):
        if index and index % 20 == 0:
            rows += [["OFFICIAL-SENSITIVE"], title, header]
        if e.struck:
            struck.append(len(rows) + 1)
        rows.append(
            [f"MP/{e.day:%y}/{4400 + index:06d}", f"{e.day:%d/%m/%Y} {e.time or '12:00'}", e.kind,
             e.worker, e.summary, e.text, "Y" if "domestic" in e.text.lower() else "N",
             "Y" if index % 3 == 0 else "N"]
        )  # fmt: skip
    rows.append(["OFFICIAL-SENSITIVE"])
    return _xlsx(path, rows, style=_strike_rows(struck) if struck else None)


def _strike_rows(numbers: list[int]):
    """A style that strikes through the given rows, as an officer crosses out an entry."""

    def style(_workbook, sheet) -> None:
        from openpyxl.styles import Font

        for number in numbers:
            for cell in sheet[number]:
                cell.font = Font(strike=True)

    return style


def school_safeguarding_system(path: Path, events: list[AgencyEvent], subject: str) -> Path:
    """A school safeguarding system's incident export (CSV): the pupil, the incident text,
    categories, date and time, who reported it, the action taken."""
    with open(path, "w", newline="", encoding="utf-8-sig") as handle:
        out = csv.writer(handle)
        out.writerow(["Student", "Incident", "Categories", "Date/Time", "Reported By",
                      "Action Taken", "Status"])  # fmt: skip
        for e in events:
            out.writerow([subject, e.text, e.kind, f"{e.day:%d/%m/%Y} {e.time or '09:00'}",
                          e.worker, e.outcome, "Closed"])  # fmt: skip
    return path


def school_chronology(path: Path, events: list[AgencyEvent], subject: str) -> Path:
    """A school's own chronology: some dates as terms or weeks, as staff remember them."""
    rows: list[list] = [[f"{subject} - school chronology"], ["Date", "Concern / event", "Action",
                                                              "Staff member"]]  # fmt: skip
    for index, e in enumerate(events):
        if index % 7 == 3:
            written = f"w/c {e.day:%d/%m/%Y}"
        elif index % 11 == 5:
            term = {9: "Autumn", 10: "Autumn", 11: "Autumn", 12: "Autumn", 1: "Spring",
                    2: "Spring", 3: "Spring", 4: "Summer", 5: "Summer", 6: "Summer",
                    7: "Summer"}.get(e.day.month, "Summer")  # fmt: skip
            written = f"{term} term {e.day.year}"
        else:
            written = f"{e.day:%d/%m/%Y}"
        rows.append([written, e.text, e.outcome, e.worker])
    return _xlsx(path, rows)


def probation_contacts(path: Path, events: list[AgencyEvent], subject: str) -> Path:
    """A probation contact log with a group heading over sub-headings."""
    rows: list[list] = [
        [f"Contact log: {subject}"],
        ["Contact", None, None, "Contact details", "Enforcement"],
        ["Date", "Type", "Officer", None, "Acceptable absence"],
    ]
    for e in events:
        rows.append([e.day, e.kind, e.worker, e.text, "N/A"])

    def merge(_workbook, sheet):
        sheet.merge_cells("A2:C2")
        sheet.merge_cells("D2:D3")

    return _xlsx(path, rows, style=merge)


def camhs_progress_notes(path: Path, events: list[AgencyEvent], subject: str) -> Path:
    """CAMHS progress notes: compact dates (20160314), who the contact was with, the note."""
    rows: list[list] = [["Note Date", "Clinician", "Note Type", "Contact With", "Progress Note"]]
    for e in events:
        rows.append([f"{e.day:%Y%m%d}", e.worker, e.kind, "Mother; young person", e.text])
    return _xlsx(path, rows)


def ambulance_xls(path: Path, events: list[AgencyEvent], subject: str) -> Path:
    """An ambulance trust's summary as a legacy .xls: incident numbers, real date cells."""
    import xlwt

    book = xlwt.Workbook()
    sheet = book.add_sheet("Incidents")
    day_style = xlwt.easyxf(num_format_str="dd/mm/yyyy")
    header = ["Incident Number", "Incident Date", "Time of Call", "Chief Complaint",
              "Clinical Narrative", "Conveyed"]  # fmt: skip
    sheet.write(0, 0, "Patient Report Summary")
    for column, heading in enumerate(header):
        sheet.write(2, column, heading)
    for row, e in enumerate(events, 3):
        sheet.write(row, 0, 1_204_500 + row)
        sheet.write(row, 1, e.day, day_style)
        sheet.write(row, 2, e.time or "12:00")
        sheet.write(row, 3, e.summary)
        sheet.write(row, 4, e.text)
        sheet.write(row, 5, "Y" if row % 2 else "N")
    book.save(str(path))
    return path


def housing_ods(path: Path, events: list[AgencyEvent], subject: str) -> Path:
    """Housing tenancy notes as OpenDocument: dates written with the weekday."""
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    document = OpenDocumentSpreadsheet()
    table = Table(name="Tenancy notes")

    def add(values: list[str]) -> None:
        row = TableRow()
        for value in values:
            cell = TableCell(valuetype="string")
            for line in value.split("\n"):
                cell.addElement(P(text=line))
            row.addElement(cell)
        table.addElement(row)

    add(["Date", "Officer", "Note type", "Notes"])
    for e in events:
        add([f"{e.day:%A %d %B %Y}", e.worker, e.kind, e.text])
    document.spreadsheet.addElement(table)
    document.save(str(path))
    return path


def us_provider_csv(path: Path, events: list[AgencyEvent], subject: str) -> Path:
    """A private provider's CSV with US month-first dates."""
    with open(path, "w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(["Date of Service", "Staff", "Service", "Progress Note"])
        for e in events:
            out.writerow([f"{e.day.month}/{e.day.day}/{e.day.year}", e.worker, e.kind, e.text])
    return path


def imr_word_template(path: Path, events: list[AgencyEvent], subject: str) -> Path:
    """The IMR Word template: a cover table, then the chronology table continued over pages
    (a second table repeating the heading row)."""
    from docx import Document

    document = Document()
    document.add_heading(f"Individual Management Review: {subject}", 1)
    cover = document.add_table(rows=3, cols=2)
    for row, (key, value) in enumerate(
        [("Agency", "Community health"), ("IMR author", "Named nurse"), ("Date", "01/02/2024")]
    ):
        cover.cell(row, 0).text, cover.cell(row, 1).text = key, value
    document.add_heading("Chronology", 2)
    header = ["Date", "Source", "Event / contact", "Action / outcome", "Significance"]
    half = len(events) // 2
    for chunk in (events[:half], events[half:]):
        table = document.add_table(rows=1, cols=len(header))
        for column, heading in enumerate(header):
            table.cell(0, column).text = heading
        for e in chunk:
            cells = table.add_row().cells
            values = [f"{e.day:%d.%m.%Y}", e.kind, e.text, e.outcome, ""]
            for cell, value in zip(cells, values, strict=True):
                cell.text = value
        document.add_page_break()
    document.save(str(path))
    return path


def early_help_merged(path: Path, events: list[AgencyEvent], subject: str) -> Path:
    """Early help notes: a date cell merged over the entries of one day, multi-line cells."""
    rows: list[list] = [
        ["Early Help Assessment - chronology"],
        ["Date", "Lead Professional", "What happened", "Next steps"],
    ]
    merges = []
    previous = None
    for e in events:
        if previous is not None and e.day == previous:
            rows.append([None, e.worker, e.text, e.outcome])
            merges.append(len(rows))
        else:
            rows.append([e.day, e.worker, e.text, e.outcome])
        previous = e.day

    def merge(_workbook, sheet):
        for row in merges:
            sheet.merge_cells(start_row=row - 1, start_column=1, end_row=row, end_column=1)

    return _xlsx(path, rows, style=merge)


def partnership_template(path: Path, events: list[AgencyEvent], subject: str) -> Path:
    """The partnership's chronology template, returned with its guidance row still in."""
    rows: list[list] = [
        ["Multi-agency chronology template", None, None, None, None],
        ["Agency:", "Adult social care"],
        ["Date of event", "Source of information", "Details of event", "Action taken",
         "Name and role of practitioner"],
        ["dd/mm/yyyy", "Enter the record the information comes from",
         "Describe what happened, who was present and what was said",
         "Record the action taken as a result", "e.g. J Smith, social worker"],
    ]  # fmt: skip
    for e in events:
        rows.append([f"{e.day:%d/%m/%Y}", e.kind, e.text, e.outcome, f"{e.worker}, {e.role}"])
    rows.append(["Chronology completed by the IMR author. Printed from the case system."])
    return _xlsx(path, rows)


def month_formatted(path: Path, events: list[AgencyEvent], subject: str) -> Path:
    """An adults' team workbook where early entries are only known to the month (Excel cells
    formatted mmm-yy) and the rest are whole dates."""
    rows: list[list] = [["Date", "Worker", "Details"]]
    for e in events:
        rows.append([e.day, e.worker, e.text])
    early = max(1, len(events) // 4)

    def formats(_workbook, sheet):
        for row in range(2, len(events) + 2):
            sheet.cell(row, 1).number_format = "mmm-yy" if row <= early + 1 else "dd/mm/yyyy"

    return _xlsx(path, rows, style=formats)


def domestic_abuse_csv(path: Path, events: list[AgencyEvent], subject: str) -> Path:
    """A domestic abuse service's CSV saved from an older system in Windows-1252."""
    with open(path, "w", newline="", encoding="cp1252", errors="replace") as handle:
        out = csv.writer(handle)
        out.writerow(["Date", "Worker", "Contact type", "Notes", "Risk level"])
        for e in events:
            out.writerow([f"{e.day:%d/%m/%Y}", e.worker, e.kind, e.text, "Medium"])
    return path


def yearly_sheets(path: Path, events: list[AgencyEvent], subject: str) -> Path:
    """One sheet per year, each with the same columns."""
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.remove(workbook.active)
    for year in sorted({e.day.year for e in events}):
        sheet = workbook.create_sheet(str(year))
        sheet.append(["Contact date", "Worker", "Contact type", "Details", "Outcome"])
        for e in events:
            if e.day.year == year:
                sheet.append([e.day, e.worker, e.kind, e.text, e.outcome])
    workbook.save(path)
    return path


def web_page_report(path: Path, events: list[AgencyEvent], subject: str) -> Path:
    """A case system's "Export to Excel" that is a web page named .xls: a layout table with the
    report's title and criteria, then the data table with its own header, each note's
    paragraphs as <br> line breaks, and a footer row spanning the table."""
    from html import escape

    def cell(value: object) -> str:
        return "<br>".join(escape(str(line)) for line in str(value).split("\n"))

    rows = []
    for number, e in enumerate(events, 30177):
        rows.append(
            "<tr>"
            + "".join(
                f"<td>{cell(v)}</td>"
                for v in (f"{_at(e):%d/%m/%Y %H:%M}", number, e.kind, e.text, e.outcome,
                          f"{e.worker}, {e.role}")
            )
            + "</tr>"
        )  # fmt: skip
    page = (
        '<html xmlns:x="urn:schemas-microsoft-com:office:excel">\n<head><meta '
        'http-equiv="Content-Type" content="text/html; charset=windows-1252">\n'
        "<style>td { mso-number-format:\\@; }</style></head>\n<body>\n"
        f"<table><tr><td><b>Contact Records for {escape(subject)}</b></td></tr>\n"
        "<tr><td>Report run: 04/03/2024 09:12</td><td>Criteria: all contacts</td></tr></table>\n"
        '<table border="1">\n<tr><th>Contact Date</th><th>Record ID</th><th>Contact Type</th>'
        "<th>Contact Details</th><th>Outcome</th><th>Recorded By</th></tr>\n"
        + "\n".join(rows)
        + f'\n<tr><td colspan="6">{len(events)} records</td></tr>\n</table>\n</body></html>\n'
    )
    path.write_bytes(page.encode("cp1252", errors="xmlcharrefreplace"))
    return path


def ambulance_pdf(path: Path, events: list[AgencyEvent], subject: str) -> Path:
    """An ambulance service's patient contact report printed to PDF: a title, a ruled table
    whose heading row repeats on every page, long notes wrapping inside their cells, and a
    protective marking and page number on every page."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    regular, bold = "Helvetica", "Helvetica-Bold"  # as the case system prints
    body = ParagraphStyle("cell", fontName=regular, fontSize=8.5, leading=10.5)
    head = ParagraphStyle("head", parent=body, fontName=bold)
    title = ParagraphStyle("title", parent=body, fontName=bold, fontSize=13, leading=16)

    def text(value: str, style=body) -> Paragraph:
        escaped = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        return Paragraph(escaped.replace("\n", "<br/>"), style)

    rows = [
        [text(h, head) for h in ("Incident date", "Time", "Crew", "Category", "Clinical notes")]
    ]
    for e in events:
        notes = e.text if not e.outcome else f"{e.text}\nOutcome: {e.outcome}"
        rows.append([text(f"{e.day:%d/%m/%Y}"), text(e.time), text(e.worker), text(e.kind),
                     text(notes)])  # fmt: skip
    table = Table(rows, colWidths=[26 * mm, 14 * mm, 40 * mm, 36 * mm, None], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dde4ee")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )

    def furniture(canvas, document) -> None:
        canvas.saveState()
        canvas.setFont(regular, 8)
        width, height = document.pagesize
        canvas.drawCentredString(width / 2, height - 10 * mm, "OFFICIAL-SENSITIVE")
        canvas.drawString(15 * mm, 8 * mm, "Patient contact report, printed 04/03/2024")
        canvas.drawRightString(width - 15 * mm, 8 * mm, f"Page {document.page}")
        canvas.restoreState()

    document = SimpleDocTemplate(str(path), pagesize=landscape(A4), title="Patient contact report",
                                 leftMargin=15 * mm, rightMargin=15 * mm, topMargin=16 * mm,
                                 bottomMargin=14 * mm)  # fmt: skip
    story = [text(f"Patient contact report: {subject}", title), Spacer(1, 4 * mm), table]
    document.build(story, onFirstPage=furniture, onLaterPages=furniture)
    return path


Writer = Callable[[Path, list[AgencyEvent], str], Path]
LAYOUTS: dict[str, tuple[str, Writer]] = {
    "social_care_case_notes": (".xlsx", social_care_case_notes),
    "gp_consultations": (".csv", gp_consultations),
    "police_occurrences": (".xlsx", police_occurrences),
    "school_safeguarding_system": (".csv", school_safeguarding_system),
    "school_chronology": (".xlsx", school_chronology),
    "probation_contacts": (".xlsx", probation_contacts),
    "camhs_progress_notes": (".xlsx", camhs_progress_notes),
    "ambulance_xls": (".xls", ambulance_xls),
    "housing_ods": (".ods", housing_ods),
    "us_provider_csv": (".csv", us_provider_csv),
    "imr_word_template": (".docx", imr_word_template),
    "early_help_merged": (".xlsx", early_help_merged),
    "partnership_template": (".xlsx", partnership_template),
    "month_formatted": (".xlsx", month_formatted),
    "domestic_abuse_csv": (".csv", domestic_abuse_csv),
    "yearly_sheets": (".xlsx", yearly_sheets),
    "web_page_report": (".xls", web_page_report),
    "ambulance_pdf": (".pdf", ambulance_pdf),
}


def write_export(folder: Path, stem: str, layout: str, events: list[AgencyEvent], subject: str):
    """Write ``events`` in the named layout; returns the file's path."""
    suffix, writer = LAYOUTS[layout]
    return writer(folder / f"{stem}{suffix}", events, subject)
