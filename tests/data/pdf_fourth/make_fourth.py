"""Makes the PDFs here, as LibreOffice prints them (Word documents and a workbook saved as
PDF). Run from the project folder with LibreOffice installed:

    python tests/data/pdf_fourth/make_fourth.py

- word_struck_saved.pdf: a Word chronology table (Date, Time, Worker, Details) with one entry
  struck through in every cell (made in error) and a few words of another struck (a
  correction), saved as PDF: LibreOffice draws each strike as a thin line through the words.
- unruled_marked_landscape.pdf: a Word table with no borders on landscape pages, its cells
  wrapping, its heading row repeated on every page, "OFFICIAL-SENSITIVE" in the page header and
  "Page 3 of 12" in the footer.
- over_then_down_short.pdf: a workbook wider than the page printed "over, then down" (page
  order), its heading row repeated: the first rows' columns on pages 1-2, the next rows' on
  3-4 ...; its last column (Manager's comment) filled on the first rows only, so the last
  row set's page of that column is empty and not printed.

Made after the reader's rules were written, to try them:

- over_then_down_middle.pdf: a workbook of seven columns printed "over, then down" (four
  pages of columns a row set), its manager's comments filled on a few rows of the first two
  row sets only, so the last row set lacks its comment page.
- word_double_struck.pdf: a Word table with one entry struck through twice (double
  strikethrough) and a few words of another struck twice, saved as PDF.

The rows are those of the functions below (tests/chronology/pdf_fourth_files.py reads them).
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
    "School reported Child Z hungry on arrival most mornings this week and wearing the same "
    "clothes; breakfast club place offered.",
]
STRUCK_WHOLE = 3  # every cell of this entry struck through
STRUCK_PART = 9  # these words of this entry struck through
STRUCK_WORDS = "although the television could be heard"


def struck_rows(count: int = 12) -> list[list[str]]:
    """Date, time, worker, details."""
    return [
        [f"{date(2018, 5, 2) + timedelta(days=9 * i):%d/%m/%Y}", f"{9 + i % 8:02d}:{(i * 13) % 60:02d}",
         WORKERS[i % 4], NOTES[(i + 3) % 7]]
        for i in range(count)
    ]  # fmt: skip


def landscape_rows(count: int = 30) -> list[list[str]]:
    """Date, time, contact type, worker, case note, outcome: the notes long enough to wrap."""
    return [
        [f"{date(2019, 10, 1) + timedelta(days=6 * i):%d/%m/%Y}", f"{8 + i % 9:02d}:{(i * 11) % 60:02d}",
         TYPES[i % 4], WORKERS[(i + 2) % 4], NOTES[i % 7] + " " + NOTES[(i + 2) % 7],
         f"Plan {i + 1} reviewed at supervision"]
        for i in range(count)
    ]  # fmt: skip


COMMENTS = {1: "Agreed; escalate if repeated", 4: "Discussed at supervision", 7: "Seen by manager"}


def over_rows(count: int = 44) -> list[list[str]]:
    """Date, worker, type, case note, manager's comment (on three of the first rows only)."""
    return [
        [f"{date(2020, 1, 6) + timedelta(days=3 * i):%d/%m/%Y}", WORKERS[i % 4], TYPES[i % 4],
         NOTES[i % 7], COMMENTS.get(i, "")]
        for i in range(count)
    ]  # fmt: skip


def _table(document, headings, rows, widths, *, grid: bool, repeat: bool):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    table = document.add_table(rows=1, cols=len(headings))
    if grid:
        table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, headings, strict=True):
        cell.text = text
        cell.paragraphs[0].runs[0].bold = True
    if repeat:
        header = table.rows[0]._tr.get_or_add_trPr()
        mark = OxmlElement("w:tblHeader")
        mark.set(qn("w:val"), "true")
        header.append(mark)
    for row in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = text
    table.autofit = False
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    table._tbl.tblPr.append(layout)
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width
    return table


def _field(paragraph, code: str) -> None:
    """A field (PAGE, NUMPAGES) in the paragraph."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    run = paragraph.add_run()
    for kind, text in (
        ("begin", None),
        (None, code),
        ("separate", None),
        (None, "1"),
        ("end", None),
    ):
        if kind:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
        elif text == code:
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = f" {code} "
            run._r.append(instr)
        else:
            t = OxmlElement("w:t")
            t.text = text
            run._r.append(t)


def make_struck(folder: Path) -> Path:
    import docx
    from docx.shared import Pt

    document = docx.Document()
    document.styles["Normal"].font.size = Pt(10)
    document.add_heading("Chronology of agency involvement", level=1)
    document.add_paragraph("Entries struck through were recorded in error and are kept for audit.")
    rows = struck_rows()
    table = _table(
        document, ["Date", "Time", "Worker", "Details"], rows,
        [Pt(66), Pt(40), Pt(92), Pt(300)], grid=True, repeat=True,
    )  # fmt: skip
    for cell in table.rows[STRUCK_WHOLE + 1].cells:
        for run in cell.paragraphs[0].runs:
            run.font.strike = True
    cell = table.rows[STRUCK_PART + 1].cells[3]
    text = cell.text
    before, after = text.split(STRUCK_WORDS)
    cell.paragraphs[0].runs[0].text = before
    cell.paragraphs[0].add_run(STRUCK_WORDS).font.strike = True
    cell.paragraphs[0].add_run(after)
    section = document.sections[0]
    section.page_width, section.page_height = Pt(595.3), Pt(841.9)
    section.left_margin = section.right_margin = Pt(45)
    section.footer.paragraphs[0].text = "Riverside Health - chronology for the review panel"
    path = folder / "word_struck_saved.docx"
    document.save(path)
    return path


def make_landscape(folder: Path) -> Path:
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.shared import Pt

    document = docx.Document()
    document.styles["Normal"].font.size = Pt(9)
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Pt(841.9), Pt(595.3)
    section.left_margin = section.right_margin = Pt(40)
    document.add_heading("Case note chronology - Child Z", level=2)
    _table(
        document, ["Date", "Time", "Contact type", "Worker", "Case note", "Outcome"],
        landscape_rows(), [Pt(70), Pt(42), Pt(80), Pt(90), Pt(350), Pt(130)],
        grid=False, repeat=True,
    )  # fmt: skip
    section.header.paragraphs[0].text = "OFFICIAL-SENSITIVE"
    footer = section.footer.paragraphs[0]
    footer.add_run("Northshire Children's Services    Page ")
    _field(footer, "PAGE")
    footer.add_run(" of ")
    _field(footer, "NUMPAGES")
    path = folder / "unruled_marked_landscape.docx"
    document.save(path)
    return path


def make_over(folder: Path) -> Path:
    import openpyxl
    from openpyxl.styles import Alignment

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Case notes"
    ws.append(["Date", "Worker", "Type", "Case note", "Manager's comment"])
    for row in over_rows():
        ws.append(row)
        ws.row_dimensions[ws.max_row].height = 30
    for col, width in zip("ABCDE", [14, 22, 20, 75, 60], strict=True):
        ws.column_dimensions[col].width = width
    for row in ws.iter_rows():
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.print_title_rows = "1:1"
    ws.page_setup.orientation = "portrait"
    ws.page_setup.pageOrder = "overThenDown"
    ws.sheet_properties.pageSetUpPr.fitToPage = False
    path = folder / "over_then_down_short.xlsx"
    wb.save(path)
    return path


MIDDLE = {20: "Agreed; escalate if repeated", 23: "Discussed at supervision", 27: "Seen by manager"}


def middle_rows(count: int = 48) -> list[list[str]]:
    """Date, time, worker, type, case note, outcome, manager's comment (on three rows)."""
    return [
        [f"{date(2021, 3, 1) + timedelta(days=2 * i):%d/%m/%Y}", f"{8 + i % 9:02d}:{(i * 7) % 60:02d}",
         WORKERS[i % 4], TYPES[(i + 1) % 4], NOTES[i % 7], f"Plan {i + 1} agreed", MIDDLE.get(i, "")]
        for i in range(count)
    ]  # fmt: skip


def make_middle(folder: Path) -> Path:
    import openpyxl
    from openpyxl.styles import Alignment

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Chronology"
    ws.append(["Date", "Time", "Worker", "Type", "Case note", "Outcome", "Manager's comment"])
    for row in middle_rows():
        ws.append(row)
        ws.row_dimensions[ws.max_row].height = 30
    for col, width in zip("ABCDEFG", [12, 7, 20, 18, 75, 40, 45], strict=True):
        ws.column_dimensions[col].width = width
    for row in ws.iter_rows():
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.print_title_rows = "1:1"
    ws.page_setup.orientation = "portrait"
    ws.page_setup.pageOrder = "overThenDown"
    ws.sheet_properties.pageSetUpPr.fitToPage = False
    path = folder / "over_then_down_middle.xlsx"
    wb.save(path)
    return path


DOUBLE_WHOLE = 4
DOUBLE_PART = 7
DOUBLE_WORDS = "explained as a spill from a kettle"


def make_double(folder: Path) -> Path:
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    def double(run) -> None:
        mark = OxmlElement("w:dstrike")
        mark.set(qn("w:val"), "true")
        run._r.get_or_add_rPr().append(mark)

    document = docx.Document()
    document.styles["Normal"].font.size = Pt(10)
    document.add_heading("Agency chronology", level=1)
    rows = struck_rows(10)
    table = _table(
        document, ["Date", "Time", "Worker", "Details"], rows,
        [Pt(66), Pt(40), Pt(92), Pt(300)], grid=True, repeat=True,
    )  # fmt: skip
    for cell in table.rows[DOUBLE_WHOLE + 1].cells:
        for run in cell.paragraphs[0].runs:
            double(run)
    cell = table.rows[DOUBLE_PART + 1].cells[3]
    before, after = cell.text.split(DOUBLE_WORDS)
    cell.paragraphs[0].runs[0].text = before
    double(cell.paragraphs[0].add_run(DOUBLE_WORDS))
    cell.paragraphs[0].add_run(after)
    path = folder / "word_double_struck.docx"
    document.save(path)
    return path


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as folder:
        makers = (make_struck, make_landscape, make_over, make_middle, make_double)
        # python make_fourth.py make_middle make_double: only those
        makers = [m for m in makers if not sys.argv[1:] or m.__name__ in sys.argv[1:]]
        made = [make(Path(folder)) for make in makers]
        subprocess.run(
            ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(HERE),
             *map(str, made)],
            check=True,
        )  # fmt: skip
    sys.exit(0)
