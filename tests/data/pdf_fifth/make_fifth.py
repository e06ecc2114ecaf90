"""Makes the files here as LibreOffice writes them (Word and OpenDocument documents saved as PDF,
as .odt and as .docx). Run from the project folder with LibreOffice installed:

    python tests/data/pdf_fifth/make_fifth.py

- word_heads_page_of.pdf: a Word chronology table (Date, Time, Worker, Contact, Details) with a
  shaded heading row repeated on every page, rows allowed to break across pages, a title in the
  page header and "Page 3 of 12" in the footer, saved as PDF.
- odt_over_pages.odt: a Word table of the same kind saved by LibreOffice as OpenDocument text:
  LibreOffice writes where each page broke inside the table (text:soft-page-break) and the
  heading row as repeated (table:table-header-rows).
- odt_over_pages.pdf: that document saved as PDF.
- word_narrow_dates.pdf: the same table with its Date and Time columns too narrow for their
  text, so that Word wraps each date's year ("26/02/202" over "0") and the heading "Time"
  ("Tim" over "e"), saved as PDF.
- libreoffice_saved.docx: an OpenDocument table (dates typed as date cells shown "14 Mar
  2016") saved as .docx by LibreOffice, with its own shapes of Word's XML.

Made after the reader's rules were written, to try them:

- word_heads_later.pdf: a Word table (Date, Worker, Type, Record) in landscape, the heading row
  repeated, "Page 2 of 4" at the top right, saved as PDF.

The rows are those of the functions below (tests/chronology/doc_fifth_files.py reads them).
"""

import importlib.util
import subprocess
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path
from xml.sax.saxutils import escape

HERE = Path(__file__).resolve().parent
WORKERS = ["Ffion Rhys-Morgan", "Dele Okonjo", "Harriet Vance", "Callum Baird"]
CONTACTS = ["Home visit", "Phone call", "Clinic", "Core group"]
NOTES = [
    "Seen at home with her older brother; the kitchen had little food and the boiler was off. "
    "Food bank voucher given and the landlord contacted about repairs.",
    "Father phoned to say the family would miss the review meeting because of work; he agreed "
    "a new date and asked for the letter to be sent by email.",
    "Weight check at the clinic: below the ninth centile for the second time. Referral to the "
    "dietitian and a follow-up booked in three weeks.",
    "Core group meeting: school attendance now 78%; actions carried forward for housing and "
    "the parenting course, which mother has not started.",
    "Neighbour reported shouting late at night and a child crying for over an hour; police "
    "attended, no offences recorded, information shared the next morning.",
    "Mother attended the drop-in with a bruise to her cheek, which she said was from a fall; "
    "domestic abuse questions asked and the helpline number given.",
    "Nursery noted the child arrived in the same clothes for three days and was very hungry at "
    "snack time; designated lead informed and a welfare call made.",
    "Joint visit with the health visitor: the home was tidier, a cot now in use and safe sleep "
    "advice understood. Next visit in ten days.",
    "School nurse saw the child after a fall in the playground; a graze only, but the child "
    "said she was scared to go home, and this was passed on the same day.",
]
LATER_NOTES = [
    "Duty call from the ward: the baby was discharged to the maternal grandmother's address "
    "and the discharge summary sent to the GP.",
    "Housing officer visited; damp in both bedrooms and a broken window. Emergency repair "
    "ordered and the family told it would be fixed within a week.",
    "Supervision: the worker raised drift in the plan; manager agreed to bring forward the "
    "review and to speak with the school about attendance.",
    "Telephone contact with father who is now living in another area; he wants contact with "
    "the children and was given the contact centre details.",
    "Child seen alone at school; said things at home were 'better now' and that mum's friend "
    "no longer stays over. Views recorded for the conference.",
]


def rows(count: int = 28) -> list[list[str]]:
    """Date, time, worker, contact, details."""
    return [
        [f"{date(2020, 1, 6) + timedelta(days=5 * i + i % 3):%d/%m/%Y}",
         f"{9 + i % 8:02d}:{(i * 17) % 60:02d}", WORKERS[i % 4], CONTACTS[i % 4],
         NOTES[i % 9] + (" " + NOTES[(i + 4) % 9] if i % 3 == 0 else "")]
        for i in range(count)
    ]  # fmt: skip


def odt_rows(count: int = 40) -> list[list[str]]:
    """Date, worker, contact, details (a longer table, over three pages)."""
    return [
        [f"{date(2021, 2, 1) + timedelta(days=4 * i):%d/%m/%Y}", WORKERS[(i + 1) % 4],
         CONTACTS[(i + 2) % 4], NOTES[(i + 5) % 9]]
        for i in range(count)
    ]  # fmt: skip


def saved_rows(count: int = 10) -> list[tuple[date, str, str]]:
    """Day, worker, details."""
    return [(date(2019, 7, 2) + timedelta(days=11 * i), WORKERS[(i + 3) % 4], NOTES[(i + 2) % 9])
            for i in range(count)]  # fmt: skip


def later_rows(count: int = 24) -> list[list[str]]:
    """Date, worker, type, record."""
    return [
        [f"{date(2022, 9, 12) + timedelta(days=3 * i):%d/%m/%Y}", WORKERS[(i + 2) % 4],
         CONTACTS[(i + 3) % 4], LATER_NOTES[i % 5] + " " + NOTES[(i + 1) % 9]]
        for i in range(count)
    ]  # fmt: skip


def _fourth():
    spec = importlib.util.spec_from_file_location(
        "make_fourth", HERE.parent / "pdf_fourth" / "make_fourth.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _shade(row, fill: str = "D9D9D9") -> None:
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    for cell in row.cells:
        cell._tc.get_or_add_tcPr().append(
            parse_xml(f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:fill="{fill}"/>')
        )


def _page_of(paragraph, before: str) -> None:
    fourth = _fourth()
    paragraph.add_run(before + "Page ")
    fourth._field(paragraph, "PAGE")
    paragraph.add_run(" of ")
    fourth._field(paragraph, "NUMPAGES")


def word_heads_docx(folder: Path) -> Path:
    import docx
    from docx.shared import Pt

    document = docx.Document()
    document.styles["Normal"].font.size = Pt(10)
    document.add_heading("Chronology of involvement - Child Q", level=1)
    document.add_paragraph("Prepared from the case record for the rapid review.")
    table = _fourth()._table(
        document, ["Date", "Time", "Worker", "Contact", "Details"], rows(),
        [Pt(74), Pt(44), Pt(96), Pt(66), Pt(230)], grid=True, repeat=True,
    )  # fmt: skip
    _shade(table.rows[0])
    section = document.sections[0]
    section.page_width, section.page_height = Pt(595.3), Pt(841.9)
    section.left_margin = section.right_margin = Pt(42)
    section.header.paragraphs[0].text = "Eastmoor Children's Services - Child Q"
    _page_of(section.footer.paragraphs[0], "")
    path = folder / "word_heads_page_of.docx"
    document.save(path)
    return path


def word_narrow_docx(folder: Path) -> Path:
    import docx
    from docx.shared import Pt

    document = docx.Document()
    document.styles["Normal"].font.size = Pt(10)
    _fourth()._table(
        document, ["Date", "Time", "Worker", "Contact", "Details"], rows(),
        [Pt(64), Pt(38), Pt(96), Pt(66), Pt(246)], grid=True, repeat=True,
    )  # fmt: skip
    section = document.sections[0]
    section.page_width, section.page_height = Pt(595.3), Pt(841.9)
    path = folder / "word_narrow_dates.docx"
    document.save(path)
    return path


def word_later_docx(folder: Path) -> Path:
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    document = docx.Document()
    document.styles["Normal"].font.size = Pt(9)
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Pt(841.9), Pt(595.3)
    section.left_margin = section.right_margin = Pt(36)
    document.add_heading("Agency chronology", level=2)
    table = _fourth()._table(
        document, ["Date", "Worker", "Type", "Record"], later_rows(),
        [Pt(70), Pt(110), Pt(80), Pt(500)], grid=True, repeat=True,
    )  # fmt: skip
    _shade(table.rows[0], "BFBFBF")
    header = section.header.paragraphs[0]
    header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _page_of(header, "")
    path = folder / "word_heads_later.docx"
    document.save(path)
    return path


def odt_source_docx(folder: Path) -> Path:
    import docx
    from docx.shared import Pt

    document = docx.Document()
    document.styles["Normal"].font.size = Pt(10)
    document.add_heading("Health visiting chronology", level=1)
    table = _fourth()._table(
        document, ["Date", "Worker", "Contact", "Details"], odt_rows(),
        [Pt(70), Pt(100), Pt(70), Pt(270)], grid=True, repeat=True,
    )  # fmt: skip
    _shade(table.rows[0])
    section = document.sections[0]
    section.page_width, section.page_height = Pt(595.3), Pt(841.9)
    _page_of(section.footer.paragraphs[0], "Westvale Community Health    ")
    path = folder / "odt_over_pages.docx"
    document.save(path)
    return path


_ODF = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text"'
)


def saved_fodt(folder: Path) -> Path:
    """A flat OpenDocument text whose date cells are typed dates shown "14 Mar 2016"."""
    styles = (
        '<office:automatic-styles><number:date-style style:name="N1">'
        '<number:day/><number:text> </number:text><number:month number:textual="true"/>'
        '<number:text> </number:text><number:year number:style="long"/></number:date-style>'
        '<style:style style:name="C1" style:family="table-cell" style:data-style-name="N1"/>'
        "</office:automatic-styles>"
    )

    def cell(text: str, day: date | None = None) -> str:
        if day is None:
            return f'<table:table-cell office:value-type="string"><text:p>{escape(text)}</text:p></table:table-cell>'
        return (f'<table:table-cell table:style-name="C1" office:value-type="date" '
                f'office:date-value="{day:%Y-%m-%d}"><text:p>{escape(text)}</text:p></table:table-cell>')  # fmt: skip

    head = "".join(cell(h) for h in ("Date", "Staff member", "Details"))
    body = "".join(
        f"<table:table-row>{cell(f'{d:%-d %b %Y}', d)}{cell(w)}{cell(n)}</table:table-row>"
        for d, w, n in saved_rows()
    )
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document {_ODF}>{styles}'
        '<office:body><office:text><text:h text:outline-level="1">Early help chronology</text:h>'
        '<table:table table:name="Chronology"><table:table-column table:number-columns-repeated="3"/>'
        f"<table:table-header-rows><table:table-row>{head}</table:table-row></table:table-header-rows>"
        f"{body}</table:table><text:p/></office:text></office:body></office:document>"
    )
    path = folder / "libreoffice_saved.fodt"
    path.write_text(content, encoding="utf-8")
    return path


def _convert(source: Path, to: str, out: Path) -> Path:
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            ["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
             "--convert-to", to, "--outdir", str(out), str(source)],
            check=True, capture_output=True, timeout=300,
        )  # fmt: skip
    return out / (source.stem + "." + to.split(":")[0])


def main() -> None:
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        _convert(word_heads_docx(work), "pdf", HERE)
        _convert(word_narrow_docx(work), "pdf", HERE)
        _convert(word_later_docx(work), "pdf", HERE)
        odt = _convert(odt_source_docx(work), "odt", HERE)
        _convert(odt, "pdf", HERE)
        _convert(saved_fodt(work), "docx:MS Word 2007 XML", HERE)


if __name__ == "__main__":
    sys.exit(main())
