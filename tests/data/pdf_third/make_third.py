"""Makes the PDFs here, as LibreOffice prints them (a Word document and two workbooks saved as
PDF). Run from the project folder with LibreOffice installed:

    python tests/data/pdf_third/make_third.py

- imr_template_saved.pdf: an IMR author's chronology typed in a Word table (Date, Time,
  Source, Event / contact, Outcome, Practitioner) saved as PDF: its heading row repeated on
  every page, a long row split by the page break.
- print_titles_columns.pdf: a chronology workbook wider than the page printed with column A
  (Date) repeated at the left of every page ("columns to repeat at left") and the heading row
  repeated at the top, no fit-to-page: two page sets, the date printed on both.
- print_titles_ruled.pdf: the same with a border round every cell and columns A and B
  (date, time) repeated (made after the reader's rules were written, to try them).
- spilled_sparse.pdf: a workbook wider than the page, its last column (Manager's comment)
  filled on a few rows only, printed over two page sets with its heading row repeated.

The rows are those of the functions below (tests/chronology/pdf_third_files.py reads them).
"""

import subprocess
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
TYPES = ["Home visit", "Telephone call", "Office visit", "Strategy meeting"]
WORKERS = ["Sam Ellery", "Priya Nandakumar", "Tomos Pritchard", "Grace Adeyemi"]
NOTES = [
    "Home visit: mother present, flat cold, baby settled in a Moses basket. Safe sleep advice "
    "repeated and a heater arranged through the housing officer.",
    "Call from the nursery: Child Z collected late for the third time by an adult who seemed "
    "unsteady; the nursery manager will write to mother.",
    "Child Z not brought to the paediatric appointment; letter sent to the GP and a new "
    "appointment booked for four weeks' time.",
    "Attended A&E with a burn to the right hand, explained as a spill from a kettle; referral "
    "made to children's social care as a precaution.",
    "Strategy discussion with police and health: section 47 enquiry agreed and a joint visit "
    "planned for the next morning.",
    "Unannounced visit: no answer at the flat although the television could be heard; a card "
    "was left asking mother to call.",
]


def imr_rows(count: int = 14) -> list[list[str]]:
    """The IMR table's rows: date, time, source, event, outcome, practitioner. Entry 6's event
    is long enough to be split by a page break."""
    rows = []
    for i in range(count):
        event = NOTES[i % 6]
        if i == 6:
            event = " ".join([NOTES[(i + k) % 6] for k in range(6)] * 2)
        rows.append([
            f"{date(2019, 1, 7) + timedelta(days=11 * i):%d/%m/%Y}", f"{9 + i % 8:02d}:{(i * 7) % 60:02d}",
            "Electronic patient record", event, f"Outcome: plan {i + 1} agreed",
            WORKERS[i % 4],
        ])  # fmt: skip
    return rows


def titled_rows(count: int = 40) -> list[list[str]]:
    """The print-titles workbook's rows: date, time, type, worker, case note, outcome."""
    return [
        [f"{date(2021, 2, 1) + timedelta(days=5 * i):%d/%m/%Y}", f"{8 + i % 9:02d}:15",
         TYPES[i % 4], WORKERS[(i + 1) % 4], NOTES[i % 6], f"Action {i + 1}: review at supervision"]
        for i in range(count)
    ]  # fmt: skip


SPARSE_AT = {2: "Agreed; escalate if repeated", 9: "Discussed at supervision", 17: "Case closed"}


def sparse_rows(count: int = 24) -> list[list[str]]:
    """The sparse workbook's rows: date, worker, type, case note, manager's comment (on three
    rows only)."""
    return [
        [f"{date(2020, 9, 3) + timedelta(days=4 * i):%d/%m/%Y}", WORKERS[i % 4], TYPES[i % 4],
         NOTES[i % 6], SPARSE_AT.get(i, "")]
        for i in range(count)
    ]  # fmt: skip


def _wrapped(ws) -> None:
    from openpyxl.styles import Alignment

    for row in ws.iter_rows():
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")


def make_imr(folder: Path) -> Path:
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    document = docx.Document()
    document.styles["Normal"].font.size = Pt(10)
    document.add_heading("Section 3: Chronology of involvement", level=1)
    document.add_paragraph(
        "This section sets out the agency's contact with the family, taken from the electronic "
        "patient record. Entries are in date order."
    )
    headings = ["Date", "Time", "Source", "Event / contact", "Outcome", "Practitioner"]
    table = document.add_table(rows=1, cols=len(headings))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, headings, strict=True):
        cell.text = text
        cell.paragraphs[0].runs[0].bold = True
    header = table.rows[0]._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    header.append(repeat)
    for row in imr_rows():
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = text
    table.autofit = False
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    table._tbl.tblPr.append(layout)
    widths = [Pt(66), Pt(38), Pt(64), Pt(176), Pt(78), Pt(86)]
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width
    section = document.sections[0]
    section.page_width, section.page_height = Pt(595.3), Pt(841.9)
    section.left_margin = section.right_margin = Pt(40)
    section.header.paragraphs[0].text = "Individual Management Review - Riverside Health"
    section.footer.paragraphs[0].text = "OFFICIAL - SENSITIVE"
    path = folder / "imr_template_saved.docx"
    document.save(path)
    return path


def make_titled(folder: Path) -> Path:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Chronology"
    ws.append(["Date", "Time", "Contact type", "Worker", "Case note", "Outcome"])
    for row in titled_rows():
        ws.append(row)
        ws.row_dimensions[ws.max_row].height = 30
    for col, width in zip("ABCDEF", [14, 8, 20, 22, 70, 60], strict=True):
        ws.column_dimensions[col].width = width
    _wrapped(ws)
    ws.print_title_cols = "A:A"
    ws.print_title_rows = "1:1"
    ws.page_setup.orientation = "portrait"
    ws.page_setup.pageOrder = "downThenOver"
    ws.sheet_properties.pageSetUpPr.fitToPage = False
    path = folder / "print_titles_columns.xlsx"
    wb.save(path)
    return path


def make_titled_ruled(folder: Path) -> Path:
    """The print-titles workbook with a border round every cell and columns A and B (date and
    time) repeated at the left (made after the reader's rules, to try them)."""
    import openpyxl
    from openpyxl.styles import Border, Side

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Chronology"
    ws.append(["Date", "Time", "Contact type", "Worker", "Case note", "Outcome"])
    for row in titled_rows(30):
        ws.append(row)
        ws.row_dimensions[ws.max_row].height = 30
    for col, width in zip("ABCDEF", [14, 8, 20, 22, 70, 60], strict=True):
        ws.column_dimensions[col].width = width
    _wrapped(ws)
    side = Side(style="thin")
    for row in ws.iter_rows():
        for cell in row:
            cell.border = Border(left=side, right=side, top=side, bottom=side)
    ws.print_title_cols = "A:B"
    ws.print_title_rows = "1:1"
    ws.page_setup.orientation = "portrait"
    ws.page_setup.pageOrder = "downThenOver"
    ws.sheet_properties.pageSetUpPr.fitToPage = False
    path = folder / "print_titles_ruled.xlsx"
    wb.save(path)
    return path


def make_sparse(folder: Path) -> Path:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Case notes"
    ws.append(["Date", "Worker", "Type", "Case note", "Manager's comment"])
    for row in sparse_rows():
        ws.append(row)
        ws.row_dimensions[ws.max_row].height = 30
    for col, width in zip("ABCDE", [14, 22, 20, 75, 60], strict=True):
        ws.column_dimensions[col].width = width
    _wrapped(ws)
    ws.print_title_rows = "1:1"
    ws.page_setup.orientation = "portrait"
    ws.page_setup.pageOrder = "downThenOver"
    ws.sheet_properties.pageSetUpPr.fitToPage = False
    path = folder / "spilled_sparse.xlsx"
    wb.save(path)
    return path


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as folder:
        made = [
            make(Path(folder)) for make in (make_imr, make_titled, make_sparse, make_titled_ruled)
        ]
        subprocess.run(
            ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(HERE),
             *map(str, made)],
            check=True,
        )  # fmt: skip
    sys.exit(0)
