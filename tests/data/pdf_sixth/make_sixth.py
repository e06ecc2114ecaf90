"""Makes the PDFs here as LibreOffice writes them from Word documents. Run from the project
folder with LibreOffice installed:

    python tests/data/pdf_sixth/make_sixth.py

- word_landscape_imr.pdf: an IMR report in portrait whose chronology table stands in a
  landscape section of its own: its first column headed "Date/Time", each date and time in that
  one cell with a line break between them, the heading row repeated on each page, rows allowed
  to break across pages, "Page 2 of 5" in the footer; the conclusions in portrait after it
  with a dated sentence that is prose.
- word_bold_dates.pdf: a chronology written as paragraphs, each day a bold line with its date
  written out ("Monday 14 March 2016") and the day's notes as paragraphs under it.

Made after the reader's rules were written, to try them:

- numbered_report.pdf: an agency report in numbered paragraphs, its entries "4.3. On
  19/10/2017 at 11:15 the ..." in section 4 (one with a paragraph of its own under it), a
  section of background before and of findings after.
- continued_rows.pdf: a Word table where long notes go on in a second row whose date cell
  reads "02/11/2017 (cont.)" (or "cont'd"), worker and type empty.

The rows are those of the functions below (tests/chronology/doc_sixth_files.py reads them).
"""

import importlib.util
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
WORKERS = ["Rhiannon Keel", "Obi Mensah-Hart", "Pippa Lowther", "Tariq Hollins"]
CONTACTS = ["Home visit", "Telephone", "Clinic", "Multi-agency meeting"]
NOTES = [
    "Midwife booking visit at home; partner present and declined to leave the room when asked. "
    "Routine enquiry about domestic abuse could not be made and was recorded as not asked.",
    "Telephone call to mother to rearrange the missed scan; she said she had no money for the "
    "bus. Travel warrant posted the same day.",
    "Antenatal clinic: blood pressure raised, urine clear; mother tearful and said she was not "
    "sleeping. Perinatal mental health referral discussed and agreed.",
    "Multi-agency meeting about the unborn baby: housing, police and health present; pre-birth "
    "assessment to start and a named worker allocated.",
    "Home visit with the family support worker. Cot assembled, but the flat smelled strongly of "
    "cannabis; advice given on safe sleep and smoke-free rooms.",
    "Mother phoned the duty line at 22:10 saying her partner had taken her phone and keys; "
    "police called, partner left before they arrived.",
    "Postnatal check in clinic: baby's weight on the 25th centile, feeding well. Mother said her "
    "partner had moved out and she felt safer.",
    "Core group meeting held; partner attended for the first time and agreed to a referral to "
    "a perpetrator programme. Next meeting in four weeks.",
]


def day(i: int) -> date:
    return date(2019, 2, 4) + timedelta(days=9 * i + (i * i) % 6)


def time(i: int) -> str:
    return f"{8 + (i * 7) % 11:02d}:{(i * 19 + 10) % 60:02d}"


def imr_rows(count: int = 22) -> list[list[str]]:
    """(date, time, worker, contact, note) of each row of the IMR table."""
    return [[f"{day(i):%d/%m/%Y}", time(i), WORKERS[i % 4], CONTACTS[i % 4], NOTES[i % 8]]
            for i in range(count)]  # fmt: skip


def bold_days(count: int = 12) -> list[tuple[date, list[str]]]:
    """Each day's date and its paragraphs, some days two."""
    return [
        (day(i), [NOTES[i % 8]] + ([NOTES[(i + 3) % 8]] if i % 4 == 2 else []))
        for i in range(count)
    ]


def _fifth():
    spec = importlib.util.spec_from_file_location(
        "make_fifth", HERE.parent / "pdf_fifth" / "make_fifth.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def word_landscape_imr_docx(folder: Path) -> Path:
    import docx
    from docx.enum.section import WD_ORIENT, WD_SECTION
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls
    from docx.shared import Pt

    fifth = _fifth()
    document = docx.Document()
    document.styles["Normal"].font.size = Pt(10)
    document.add_heading("Individual Management Review: Eastbrook Maternity Services", level=1)
    document.add_paragraph("1. Introduction. This review covers the agency's contact with the "
                           "mother from booking to the baby's sixth week.")  # fmt: skip
    _page = document.sections[0].footer.paragraphs[0]
    fifth._page_of(_page, "")
    land = document.add_section(WD_SECTION.NEW_PAGE)
    land.orientation = WD_ORIENT.LANDSCAPE
    land.page_width, land.page_height = land.page_height, land.page_width
    document.add_heading("2. Chronology of contact", level=2)
    table = document.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    head = table.rows[0]
    head.cells[0].paragraphs[0].add_run("Date/").add_break()
    head.cells[0].paragraphs[0].add_run("Time")
    for cell, text in zip(head.cells[1:], ["Practitioner", "Contact", "Details"], strict=True):
        cell.text = text
    head._tr.get_or_add_trPr().append(parse_xml(f"<w:tblHeader {nsdecls('w')}/>"))
    fifth._shade(head)
    for d, t, worker, contact, note in imr_rows():
        cells = table.add_row().cells
        run = cells[0].paragraphs[0].add_run(d)
        run.add_break()
        cells[0].paragraphs[0].add_run(t)
        cells[1].text, cells[2].text, cells[3].text = worker, contact, note
    widths = [Pt(70), Pt(110), Pt(110), Pt(420)]
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width
    back = document.add_section(WD_SECTION.NEW_PAGE)
    back.orientation = WD_ORIENT.PORTRAIT
    back.page_width, back.page_height = land.page_height, land.page_width
    document.add_heading("3. Conclusions", level=2)
    document.add_paragraph("The learning from this review was presented to the maternity "
                           "governance group on 9 March 2020 and accepted in full.")  # fmt: skip
    path = folder / "word_landscape_imr.docx"
    document.save(path)
    return path


def word_bold_dates_docx(folder: Path) -> Path:
    import docx

    document = docx.Document()
    document.add_heading("Chronology - health visiting records", level=1)
    document.add_paragraph("Summary of the records held, prepared for the panel.")
    for d, paragraphs in bold_days():
        document.add_paragraph().add_run(f"{d:%A} {d.day} {d:%B %Y}").bold = True
        for text in paragraphs:
            document.add_paragraph(text)
    path = folder / "word_bold_dates.docx"
    document.save(path)
    return path


LATER_NOTES = [
    "the allocated social worker visited and found the children alone for an hour",
    "the school nurse saw the younger child who had head lice for the third time",
    "police shared a notification of a domestic incident at the address overnight",
    "the GP practice recorded that the mother missed her depot injection again",
    "a strategy meeting agreed that the threshold for section 47 enquiries was met",
    "the health visitor made an unannounced visit and the home was cleaner",
    "the father was arrested for breaching his bail conditions near the school",
]


def later_day(i: int) -> date:
    return date(2017, 10, 2) + timedelta(days=17 * i)


def numbered_report_docx(folder: Path) -> Path:
    import docx

    document = docx.Document()
    document.add_paragraph("3. Background")
    document.add_paragraph("3.1 The family had been known to the council since 2014.")
    document.add_paragraph("4. Agency involvement")
    for i, note in enumerate(LATER_NOTES):
        document.add_paragraph(f"4.{i + 1}. On {later_day(i):%d/%m/%Y} at {9 + i}:15 {note}.")
        if i == 2:
            document.add_paragraph("The notification was graded medium risk.")
    document.add_paragraph("5. Findings")
    document.add_paragraph("5.1 Information was shared promptly but not acted on.")
    path = folder / "numbered_report.docx"
    document.save(path)
    return path


def continued_rows() -> list[list[str]]:
    """(date cell, worker, type, details) of each row, a note's second row marked."""
    rows = []
    for i, note in enumerate(NOTES):
        d = f"{day(i):%d/%m/%Y}"
        if i % 3 == 1:
            cut = note.index(" ", len(note) // 2)
            rows.append([d, WORKERS[i % 4], CONTACTS[i % 4], note[:cut]])
            rows.append([f"{d} {['(cont.)', 'cont' + chr(39) + 'd'][i % 2]}", "", "",
                         note[cut + 1 :]])  # fmt: skip
        else:
            rows.append([d, WORKERS[i % 4], CONTACTS[i % 4], note])
    return rows


def continued_rows_docx(folder: Path) -> Path:
    import docx

    document = docx.Document()
    table = document.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ["Date", "Worker", "Contact", "Details"],
                          strict=True):  # fmt: skip
        cell.text = text
    for values in continued_rows():
        for cell, text in zip(table.add_row().cells, values, strict=True):
            cell.text = text
    path = folder / "continued_rows.docx"
    document.save(path)
    return path


def main() -> None:
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        _convert = _fifth()._convert  # (LibreOffice's conversion, as the fifth round runs it)
        _convert(word_landscape_imr_docx(work), "pdf", HERE)
        _convert(word_bold_dates_docx(work), "pdf", HERE)
        _convert(numbered_report_docx(work), "pdf", HERE)
        _convert(continued_rows_docx(work), "pdf", HERE)


if __name__ == "__main__":
    sys.exit(main())
