"""Chronologies sent as documents, of kinds the earlier rounds do not have: an IMR template's
chronology table inside the template's layout table; table rows each wrapped in a repeating
section's content control; a date cell merged down three rows; a landscape section between
portrait ones; a numbered list with each date in bold; one text box an entry; a table broken
into pieces each headed by a shaded "(continued)" row; footnotes hung on entries; comments in
the margin; hidden guidance and a hidden example row; a document saved by Google Docs and one
saved by LibreOffice; an .odt table over pages as LibreOffice saves it; an RTF case-note print;
PDFs printed by LibreOffice from Word and from an .odt (heading row repeated, "Page 3 of 12");
a case system's PDF with grey heading bands and notes wrapping under the date; a PDF whose
text is written out of its reading order; a scan with a text layer under the picture.

Each builder takes a folder and returns (path, truth); the LibreOffice files are committed in
tests/data/pdf_fifth with the script that made them. All names are fictional."""

from __future__ import annotations

import re
import zipfile
from datetime import date, datetime, timedelta
from pathlib import Path
from xml.sax.saxutils import escape

from tests.chronology.pdf_files import MARGIN, PAGE_H, PAGE_W, _wrap
from tests.chronology.pdf_third_files import copy_from, load_maker
from tests.chronology.robust_files import Expected

DATA = Path(__file__).resolve().parents[1] / "data" / "pdf_fifth"
_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _made():
    return load_maker(DATA, "make_fifth")


WORKERS = ["Ffion Rhys-Morgan", "Dele Okonjo", "Harriet Vance", "Callum Baird"]
CONTACTS = ["Home visit", "Phone call", "Clinic", "Core group"]


def _notes():
    return _made().NOTES


def _day(i: int) -> date:
    return date(2017, 1, 9) + timedelta(days=13 * i + (i * i) % 5)


def _time(i: int) -> str:
    return f"{8 + (i * 5) % 10:02d}:{(i * 23) % 60:02d}"


def _t(i: int, *, time=True, worker=True, kind=True, note=None) -> Expected:
    return Expected(
        start=_day(i), time=_time(i) if time else "", event=note or _notes()[i % 9],
        practitioner=WORKERS[i % 4] if worker else "", event_type=CONTACTS[i % 4] if kind else "",
    )  # fmt: skip


def _dmy(text: str) -> date:
    return datetime.strptime(text, "%d/%m/%Y").date()


# texts no field of any entry may hold; texts an entry's narrative must hold; words the import
# must say
KEY_TEXTS: dict[str, list[str]] = {}
KEPT: dict[str, list[list[str]]] = {}
SAID: dict[str, list[str]] = {}


def _fill(row, values) -> None:
    for cell, text in zip(row.cells, values, strict=True):
        cell.text = text


def _table(document, heads, rows, style="Table Grid"):
    table = document.add_table(rows=1, cols=len(heads))
    if style:
        table.style = style
    _fill(table.rows[0], heads)
    for values in rows:
        _fill(table.add_row(), values)
    return table


def _five(i: int) -> list[str]:
    return [f"{_day(i):%d/%m/%Y}", _time(i), WORKERS[i % 4], CONTACTS[i % 4], _notes()[i % 9]]


HEADS5 = ["Date", "Time", "Practitioner", "Contact type", "Details"]


# --- Word ---------------------------------------------------------------------------------------


def word_table_in_layout_table(folder: Path):
    """An IMR template laid out as one big table (a box per section): the agency's details in
    the first box, guidance in the second, the chronology table nested in the third box's cell
    under the words "Section 3: Chronology"."""
    import docx

    document = docx.Document()
    document.add_heading("Individual Management Review - Agency Report", level=1)
    frame = document.add_table(rows=3, cols=1)
    frame.style = "Table Grid"
    frame.cell(0, 0).text = "Agency: Northfield Community Health Trust. Author: Ruth Penhallow."
    frame.cell(1, 0).text = ("Section 2: Scope. The review covers contact between January and "
                             "December 2017 inclusive.")  # fmt: skip
    box = frame.cell(2, 0)
    box.text = "Section 3: Chronology"
    inner = box.add_table(rows=1, cols=5)
    inner.style = "Table Grid"
    _fill(inner.rows[0], HEADS5)
    for i in range(9):
        _fill(inner.add_row(), _five(i))
    box.add_paragraph("End of chronology.")
    path = folder / "word_table_in_layout_table.docx"
    document.save(path)
    return path, [_t(i) for i in range(9)]


def word_rows_in_repeating_section(folder: Path):
    """A template whose chronology rows are a repeating section content control (Word's "add
    another row" button): each row wrapped in its own w:sdt, the heading row outside."""
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    document.add_paragraph("Chronology of significant events (use + to add a row)")
    table = _table(document, HEADS5, [_five(i) for i in range(8)])
    section = parse_xml(
        f'<w:sdt {_W} xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml">'
        '<w:sdtPr><w:alias w:val="Chronology rows"/><w15:repeatingSection/></w:sdtPr>'
        "<w:sdtContent/></w:sdt>"
    )
    rows = [row._tr for row in table.rows[1:]]
    rows[0].addprevious(section)
    for tr in rows:
        item = parse_xml(
            f'<w:sdt {_W} xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml">'
            "<w:sdtPr><w15:repeatingSectionItem/></w:sdtPr><w:sdtContent/></w:sdt>"
        )
        section[1].append(item)
        item[1].append(tr)
    path = folder / "word_rows_in_repeating_section.docx"
    document.save(path)
    return path, [_t(i) for i in range(8)]


def word_date_merged_three_rows(folder: Path):
    """A Word table where one day's three contacts share a date cell merged down three rows
    (and another day's two), each row its own time, worker and note."""
    import docx

    days = [0, 0, 0, 1, 2, 2, 3, 4]
    document = docx.Document()
    table = _table(document, HEADS5, [])
    rows = []
    for n, d in enumerate(days):
        row = table.add_row()
        _fill(row, [f"{_day(d):%d/%m/%Y}" if n == 0 or days[n - 1] != d else "", _time(n),
                    WORKERS[n % 4], CONTACTS[n % 4], _notes()[n]])  # fmt: skip
        rows.append(row)
    merged = rows[0].cells[0].merge(rows[2].cells[0])
    merged.text = f"{_day(0):%d/%m/%Y}"
    merged = rows[4].cells[0].merge(rows[5].cells[0])
    merged.text = f"{_day(2):%d/%m/%Y}"
    path = folder / "word_date_merged_three_rows.docx"
    document.save(path)
    truth = [
        Expected(start=_day(d), time=_time(n), practitioner=WORKERS[n % 4],
                 event_type=CONTACTS[n % 4], event=_notes()[n])
        for n, d in enumerate(days)
    ]  # fmt: skip
    return path, truth


def word_landscape_section(folder: Path):
    """A portrait report whose chronology table sits in a landscape section of its own, the
    report's conclusions in a portrait section after it (with a dated sentence that is prose,
    not an entry)."""
    import docx
    from docx.enum.section import WD_ORIENT, WD_SECTION

    document = docx.Document()
    document.add_heading("Agency report to the review panel", level=1)
    document.add_paragraph("This report sets out the agency's involvement with the family.")
    section = document.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    document.add_heading("Appendix A: Chronology", level=2)
    _table(document, HEADS5, [_five(i) for i in range(8)])
    back = document.add_section(WD_SECTION.NEW_PAGE)
    back.orientation = WD_ORIENT.PORTRAIT
    back.page_width, back.page_height = section.page_height, section.page_width
    document.add_heading("Conclusions", level=2)
    document.add_paragraph("Learning was shared with the safeguarding team at its meeting on "
                           "4 April 2018 and the action plan agreed.")  # fmt: skip
    path = folder / "word_landscape_section.docx"
    document.save(path)
    KEY_TEXTS["word_landscape_section"] = ["the action plan agreed"]
    return path, [_t(i) for i in range(8)]


def word_numbered_bold_dates(folder: Path):
    """A chronology written as a numbered list (1., 2., ...), each item starting with its date in
    bold ("9 January 2017") and a dash, the note after it; a paragraph between items that
    carries on the note above."""
    import docx

    document = docx.Document()
    document.add_heading("Chronology", level=1)
    truth = []
    for i in range(9):
        p = document.add_paragraph(style="List Number")
        p.add_run(f"{_day(i):%-d %B %Y}").bold = True
        p.add_run(" – " + _notes()[i])
        if i == 4:
            more = "Mother was told the outcome by letter the same week."
            document.add_paragraph(more)
            truth.append(Expected(start=_day(i), event=_notes()[i] + " " + more))
        else:
            truth.append(Expected(start=_day(i), event=_notes()[i]))
    path = folder / "word_numbered_bold_dates.docx"
    document.save(path)
    return path, truth


def _box(text_paragraphs: list[str], n: int) -> str:
    paras = "".join(f"<w:p><w:r><w:t xml:space=\"preserve\">{escape(t)}</w:t></w:r></w:p>"
                    for t in text_paragraphs)  # fmt: skip
    return (
        '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
        f'<wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" '
        f'relativeHeight="{n + 2}" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
        '<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0'
        '</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0'
        '</wp:posOffset></wp:positionV><wp:extent cx="5400000" cy="900000"/>'
        '<wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapTopAndBottom/>'
        f'<wp:docPr id="{n + 10}" name="Text Box {n + 1}"/><wp:cNvGraphicFramePr/>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/'
        'wordprocessingShape"><wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" '
        'y="0"/><a:ext cx="5400000" cy="900000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/>'
        f"</a:prstGeom></wps:spPr><wps:txbx><w:txbxContent>{paras}</w:txbxContent></wps:txbx>"
        "<wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>"
        '</mc:Choice><mc:Fallback><w:pict><v:shape id="Box' + str(n) + '" type="#_x0000_t202" '
        'style="width:425pt;height:71pt"><v:textbox><w:txbxContent>' + paras +
        "</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    )  # fmt: skip


def word_text_boxes(folder: Path):
    """A chronology drawn as a column of text boxes (a timeline graphic), one box an entry: its
    first line "9 January 2017, 10:00 - Home visit - Ffion Rhys-Morgan", its note below; each
    box written twice as Word writes it (the shape and an older reader's copy)."""
    import docx
    from docx.oxml import parse_xml

    ns = (f'{_W} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
          'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
          'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
          'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
          'xmlns:v="urn:schemas-microsoft-com:vml"')  # fmt: skip
    document = docx.Document()
    document.add_heading("Timeline of events", level=1)
    for i in range(7):
        head = f"{_day(i):%-d %B %Y}, {_time(i)} - {CONTACTS[i % 4]} - {WORKERS[i % 4]}"
        p = parse_xml(f"<w:p {ns}>{_box([head, _notes()[i]], i)}</w:p>")
        document.element.body.insert(len(document.element.body) - 1, p)
    path = folder / "word_text_boxes.docx"
    document.save(path)
    return path, [_t(i) for i in range(7)]


def word_continued_tables(folder: Path):
    """A chronology pasted page by page as three tables, each under a shaded title row merged
    across ("Chronology - Dyfed Health Board", then "... (continued)") and its own heading row."""
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    document.add_paragraph("Report to the panel")
    for part, span in enumerate([range(0, 4), range(4, 7), range(7, 10)]):
        table = document.add_table(rows=2, cols=5)
        table.style = "Table Grid"
        title = table.rows[0].cells[0].merge(table.rows[0].cells[4])
        title.text = "Chronology - Dyfed Health Board" + (" (continued)" if part else "")
        title._tc.get_or_add_tcPr().append(
            parse_xml(f'<w:shd {_W} w:val="clear" w:color="auto" w:fill="A6A6A6"/>')
        )
        _fill(table.rows[1], HEADS5)
        for i in span:
            _fill(table.add_row(), _five(i))
        document.add_page_break()
    path = folder / "word_continued_tables.docx"
    document.save(path)
    KEY_TEXTS["word_continued_tables"] = ["Dyfed Health Board"]
    return path, [_t(i) for i in range(10)]


FOOTNOTES = {
    1: "Recorded from the duty log; the original note could not be found.",
    5: "Mother later told the school nurse the bruise was from her partner.",
}


def _add_footnotes(path: Path, notes: dict[int, str]) -> None:
    """Adds a footnotes part holding ``notes`` (by footnote id) to the .docx at ``path``."""
    foot = "".join(
        f'<w:footnote w:id="{n}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr><w:r><w:rPr>'
        '<w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r><w:r><w:t xml:space="'
        f'preserve"> {escape(text)}</w:t></w:r></w:p></w:footnote>'
        for n, text in notes.items()
    )
    xml = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes {_W}>'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
        f"</w:r></w:p></w:footnote>{foot}</w:footnotes>"
    )
    with zipfile.ZipFile(path) as z:
        parts = {name: z.read(name) for name in z.namelist()}
    parts["word/footnotes.xml"] = xml.encode()
    rels = parts["word/_rels/document.xml.rels"].decode()
    rels = rels.replace("</Relationships>", '<Relationship Id="rIdFoot" Type="http://schemas.'
                        'openxmlformats.org/officeDocument/2006/relationships/footnotes" '
                        'Target="footnotes.xml"/></Relationships>')  # fmt: skip
    parts["word/_rels/document.xml.rels"] = rels.encode()
    types = parts["[Content_Types].xml"].decode()
    types = types.replace("</Types>", '<Override PartName="/word/footnotes.xml" ContentType="'
                          'application/vnd.openxmlformats-officedocument.wordprocessingml.'
                          'footnotes+xml"/></Types>')  # fmt: skip
    parts["[Content_Types].xml"] = types.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)


def _footnote_mark(paragraph, number: int) -> None:
    from docx.oxml import parse_xml

    paragraph._p.append(parse_xml(
        f'<w:r {_W}><w:rPr><w:rStyle w:val="FootnoteReference"/><w:vertAlign '
        f'w:val="superscript"/></w:rPr><w:footnoteReference w:id="{number}"/></w:r>'
    ))  # fmt: skip


def word_footnotes(folder: Path):
    """An IMR chronology table two of whose entries carry a footnote (References > Insert
    Footnote): the author's words at the foot of the page must come in with their entries, and
    the footnote's number must not stick to the note's last word."""
    import docx

    document = docx.Document()
    table = _table(document, HEADS5, [_five(i) for i in range(8)])
    for n in FOOTNOTES:
        _footnote_mark(table.rows[n + 1].cells[4].paragraphs[0], n)
    path = folder / "word_footnotes.docx"
    document.save(path)
    _add_footnotes(path, FOOTNOTES)
    numbers = {i: k for k, i in enumerate(sorted(FOOTNOTES), start=1)}
    KEPT["word_footnotes"] = [
        [f"(footnote {numbers[i]}: {FOOTNOTES[i]})"] if i in FOOTNOTES else [] for i in range(8)
    ]
    return path, [_t(i) for i in range(8)]


COMMENTS = ["Please check this date against the GP record - RP",
            "Was a referral made? Panel will ask.", "Add the outcome of the visit."]  # fmt: skip


def word_margin_comments(folder: Path):
    """A chronology table reviewed with comments in the margin (Review > New Comment) on three
    entries; one comment starts with a date. The comments are the reviewers', not entries."""
    import docx

    document = docx.Document()
    table = _table(document, HEADS5, [_five(i) for i in range(8)])
    for n, text in zip((1, 3, 6), COMMENTS, strict=True):
        runs = table.rows[n + 1].cells[4].paragraphs[0].runs
        document.add_comment(runs, text=text, author="Ruth Penhallow", initials="RP")
    dated = table.rows[2].cells[0].paragraphs[0].runs
    document.add_comment(dated, text="12/03/2017 - date queried with the ward", author="Reviewer")
    path = folder / "word_margin_comments.docx"
    document.save(path)
    KEY_TEXTS["word_margin_comments"] = [*COMMENTS, "date queried with the ward"]
    return path, [_t(i) for i in range(8)]


GUIDANCE = "Guidance: one row per contact; delete this text before sending."


def _hide(paragraph) -> None:
    for run in paragraph.runs:
        run.font.hidden = True


def word_hidden_guidance(folder: Path):
    """A template whose guidance is hidden text (Font > Hidden): a hidden paragraph above the
    table and a hidden example row with a made-up date inside it. Hidden text neither shows nor
    prints; the example row is not an entry."""
    import docx

    document = docx.Document()
    _hide(document.add_paragraph(GUIDANCE))
    table = _table(document, HEADS5, [["01/01/2000", "09:00", "A. Worker", "Home visit",
                                       "Example entry - describe the contact here."]])  # fmt: skip
    for cell in table.rows[1].cells:
        _hide(cell.paragraphs[0])
    for i in range(8):
        _fill(table.add_row(), _five(i))
    path = folder / "word_hidden_guidance.docx"
    document.save(path)
    KEY_TEXTS["word_hidden_guidance"] = ["Example entry", "delete this text"]
    SAID["word_hidden_guidance"] = ["hidden in Word (it neither shows nor prints) is left out"]
    return path, [_t(i) for i in range(8)]


def word_google_docs(folder: Path):
    """A chronology typed in Google Docs and downloaded as .docx: no table style, every cell's
    text cut into many runs (a date "09/0" + "1/2017"), bookmarks ("kix." ids) in the cells,
    the heading row's words bold runs of their own, a blank first row Google keeps."""
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    document.add_paragraph("CHRONOLOGY – CHILD Q")
    table = _table(document, HEADS5, [["", "", "", "", ""]] + [_five(i) for i in range(8)], None)
    mark = 0
    for r, row in enumerate(table.rows):
        for cell in row.cells:
            p = cell.paragraphs[0]
            text = p.text
            for run in list(p.runs):
                p._p.remove(run._r)
            for k in range(0, len(text), 4):
                p.add_run(text[k : k + 4]).bold = r == 0
            mark += 1
            p._p.insert(
                1, parse_xml(f'<w:bookmarkStart {_W} w:id="{mark}" w:name="kix.{mark:x}q"/>')
            )
            p._p.append(parse_xml(f'<w:bookmarkEnd {_W} w:id="{mark}"/>'))
    path = folder / "word_google_docs.docx"
    document.save(path)
    return path, [_t(i) for i in range(8)]


def libreoffice_saved(folder: Path):
    """An OpenDocument table (dates typed as date cells shown "2 Jul 2019") saved as .docx by
    LibreOffice: its own shapes of Word's XML (empty run properties, a zero cell margin, the
    heading row marked to repeat). Made by tests/data/pdf_fifth/make_fifth.py."""
    rows = _made().saved_rows()
    truth = [Expected(start=d, practitioner=w, event=n) for d, w, n in rows]
    return copy_from(DATA, folder, "libreoffice_saved.docx"), truth


def odt_over_pages(folder: Path):
    """A Word table (Date, Worker, Contact, Details) saved by LibreOffice as .odt: the heading
    row repeated (table:table-header-rows) and a soft page break written between the rows where
    each page ended."""
    rows = _made().odt_rows()
    truth = [
        Expected(start=_dmy(r[0]), practitioner=r[1], event_type=r[2], event=r[3]) for r in rows
    ]
    return copy_from(DATA, folder, "odt_over_pages.odt"), truth


def rtf_case_notes(folder: Path):
    """A case system's case-note print saved as RTF: the client's details, then each note a
    bold line "09/01/2017 10:00  Home visit  Ffion Rhys-Morgan" (tab separated) and the note's
    paragraphs under it (\\par), a blank paragraph between notes; a curly apostrophe as \\'92."""

    def rtf(text: str) -> str:
        return (text.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}")
                .replace("’", "\\'92").replace("'", "\\'92"))  # fmt: skip

    parts = [r"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0\fswiss Arial;}}",
             r"\pard\plain\f0\fs20{\b Case notes report}\par",
             r"Client: Child Q   ID: 204417   Printed: 03/05/2018\par\par"]  # fmt: skip
    truth = []
    for i in range(8):
        note = _notes()[i]
        first, _, rest = note.partition("; ")
        parts.append(r"\pard{\b " + f"{_day(i):%d/%m/%Y} {_time(i)}" + r"\tab " + CONTACTS[i % 4]
                     + r"\tab " + rtf(WORKERS[i % 4]) + r"}\par")  # fmt: skip
        parts.append(rtf(first + (";" if rest else "")) + r"\par")
        if rest:
            parts.append(rtf(rest) + r"\par")
        parts.append(r"\par")
        truth.append(_t(i, note=first))
    parts.append(r"End of report\par}")
    path = folder / "rtf_case_notes.rtf"
    path.write_text("\r\n".join(parts), encoding="ascii")
    KEPT["rtf_case_notes"] = [[_notes()[i].partition("; ")[2]] if "; " in _notes()[i] else []
                              for i in range(8)]  # fmt: skip
    return path, truth


# --- PDF ------------------------------------------------------------------------------------------


def word_heads_page_of(folder: Path):
    """A Word chronology table (Date, Time, Worker, Contact, Details) saved as PDF by
    LibreOffice: a shaded heading row repeated on every page, rows broken across pages, the
    service's name in the page header and "Page 2 of 3" in the footer."""
    rows = _made().rows()
    truth = [
        Expected(start=_dmy(r[0]), time=r[1], practitioner=r[2], event_type=r[3], event=r[4])
        for r in rows
    ]
    KEY_TEXTS["word_heads_page_of"] = ["Eastmoor Children", "Page 2 of 3"]
    return copy_from(DATA, folder, "word_heads_page_of.pdf"), truth


def word_narrow_dates(folder: Path):
    """That Word table with its Date and Time columns too narrow for their text, saved as PDF
    by LibreOffice: each date's year wraps onto a second line ("26/02/202" over "0"), the
    heading "Time" too ("Tim" over "e"). No date may come in cut short."""
    rows = _made().rows()
    truth = [
        Expected(start=_dmy(r[0]), time=r[1], practitioner=r[2], event_type=r[3], event=r[4])
        for r in rows
    ]
    return copy_from(DATA, folder, "word_narrow_dates.pdf"), truth


def odt_over_pages_pdf(folder: Path):
    """That .odt saved as PDF by LibreOffice: the heading row on every page, the service's name
    and "Page 2 of 3" in the footer."""
    path, truth = odt_over_pages(folder)
    KEY_TEXTS["odt_over_pages_pdf"] = ["Westvale", "Page 2 of 3"]
    return copy_from(DATA, folder, "odt_over_pages.pdf"), truth


def _grey_band_pages(path: Path, entries, *, date_w=92, band="Case notes"):
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H))
    width = PAGE_W - 2 * MARGIN
    page = 1

    def furniture():
        c.setFillGray(0.55)
        c.rect(MARGIN, PAGE_H - 70, width, 18, stroke=0, fill=1)
        c.setFillGray(1)
        c.setFont("Helvetica-Bold", 9)
        c.drawString(MARGIN + 4, PAGE_H - 65, "Date / time")
        c.drawString(MARGIN + date_w, PAGE_H - 65, band)
        c.setFillGray(0)
        c.setFont("Helvetica", 7)
        c.drawString(MARGIN, 30, "Printed 03/05/2018 14:12 by ruth.penhallow")
        c.drawRightString(PAGE_W - MARGIN, 30, f"Page {page}")

    furniture()
    y = PAGE_H - 88
    for stamp, head, note in entries:
        lines_first = _wrap(note, width - date_w, 9)
        first, rest = lines_first[0], " ".join(lines_first[1:])
        later = _wrap(rest, width, 9) if rest else []
        need = 14 * (2 + len(later)) + 10
        if y - need < 50:
            c.showPage()
            page += 1
            furniture()
            y = PAGE_H - 88
        c.setFillGray(0.88)
        c.rect(MARGIN, y - 4, width, 14, stroke=0, fill=1)
        c.setFillGray(0)
        c.setFont("Helvetica-Bold", 9)
        c.drawString(MARGIN + 2, y, stamp)
        c.drawString(MARGIN + date_w, y, head)
        y -= 14
        c.setFont("Helvetica", 9)
        c.drawString(MARGIN + date_w, y, first)
        for line in later:
            y -= 12
            c.drawString(MARGIN, y, line)
        y -= 22
    c.showPage()
    c.save()
    return path


def pdf_grey_bands(folder: Path):
    """A case system's case-note print: a grey band heading each page (Date / time, Case notes),
    each note's stamp and "Type - Worker" in a pale grey band, the note's first line beside the
    date and the rest wrapping back under the date column to the left margin; "Printed ..."
    and the page number at the foot."""
    notes = [_notes()[i % 9] + " " + _notes()[(i + 3) % 9] for i in range(14)]
    entries = [(f"{_day(i):%d/%m/%Y} {_time(i)}", f"{CONTACTS[i % 4]} - {WORKERS[i % 4]}",
                notes[i]) for i in range(14)]  # fmt: skip
    path = _grey_band_pages(folder / "pdf_grey_bands.pdf", entries)
    KEY_TEXTS["pdf_grey_bands"] = ["ruth.penhallow"]
    truth = [Expected(start=_day(i), time=_time(i), event=notes[i]) for i in range(14)]
    return path, truth


def pdf_out_of_order(folder: Path):
    """A ruled table (Date, Worker, Details) whose PDF writes its text out of reading order, as
    some report writers do: the page's notes column first from the bottom row up, then the
    workers, then the dates; the heading last."""
    from reportlab.pdfgen import canvas

    path = folder / "pdf_out_of_order.pdf"
    c = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H))
    xs, widths = [MARGIN, MARGIN + 70, MARGIN + 170], [70, 100, PAGE_W - 2 * MARGIN - 170]
    rows = [(f"{_day(i):%d/%m/%Y}", WORKERS[i % 4], _notes()[i]) for i in range(9)]
    top = PAGE_H - 80
    heights = [14 * len(_wrap(r[2], widths[2] - 8, 9)) + 6 for r in rows]
    tops = [top - 18 - sum(heights[:n]) for n in range(len(rows))]
    c.setLineWidth(0.5)
    bottom = tops[-1] - heights[-1]
    for y in [top, top - 18, *[t - h for t, h in zip(tops, heights, strict=True)]]:
        c.line(MARGIN, y, PAGE_W - MARGIN, y)
    for x in [*xs, PAGE_W - MARGIN]:
        c.line(x, top, x, bottom)
    c.setFont("Helvetica", 9)
    for column in (2, 1, 0):
        for n in reversed(range(len(rows))):
            lines = _wrap(rows[n][2], widths[2] - 8, 9) if column == 2 else [rows[n][column]]
            for k, line in enumerate(lines):
                c.drawString(xs[column] + 4, tops[n] - 12 - 14 * k, line)
    c.setFont("Helvetica-Bold", 9)
    for x, head in zip(xs, ("Date", "Worker", "Details"), strict=True):
        c.drawString(x + 4, top - 13, head)
    c.drawString(MARGIN, PAGE_H - 50, "Chronology: Child Q")
    c.showPage()
    c.save()
    truth = [
        Expected(start=_day(i), practitioner=WORKERS[i % 4], event=_notes()[i]) for i in range(9)
    ]
    return path, truth


def _page_image(draw_lines, size=(1240, 1754)):
    from PIL import Image, ImageDraw

    image = Image.new("L", size, 255)
    pen = ImageDraw.Draw(image)
    draw_lines(pen)
    return image


def pdf_scan_with_text_layer(folder: Path):
    """A scanned chronology that the scanner's software read (OCR): each page a picture, with
    the words it read written invisibly over the picture where they stand. It is read from that
    text layer like any other PDF."""
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    path = folder / "pdf_scan_with_text_layer.pdf"
    c = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H))
    scale = 1240 / PAGE_W
    rows = [("Date", "Worker", "Details")] + [
        (f"{_day(i):%d/%m/%Y}", WORKERS[i % 4], _notes()[i]) for i in range(8)
    ]
    xs = [MARGIN, MARGIN + 72, MARGIN + 172]
    placed = []
    y = PAGE_H - 80
    for row in rows:
        lines = _wrap(row[2], PAGE_W - 2 * MARGIN - 180, 9)
        for x, text in ((xs[0], row[0]), (xs[1], row[1])):
            placed.append((x, y, text))
        for k, line in enumerate(lines):
            placed.append((xs[2], y - 12 * k, line))
        y -= 12 * len(lines) + 10

    def draw(pen):
        for x, yy, text in placed:
            pen.text((x * scale, (PAGE_H - yy - 9) * scale), text, fill=0)

    c.drawImage(ImageReader(_page_image(draw)), 0, 0, PAGE_W, PAGE_H)
    for x, yy, text in placed:
        t = c.beginText(x, yy)
        t.setTextRenderMode(3)
        t.setFont("Helvetica", 9)
        t.textOut(text)
        c.drawText(t)
    c.showPage()
    c.save()
    truth = [
        Expected(start=_day(i), practitioner=WORKERS[i % 4], event=_notes()[i]) for i in range(8)
    ]
    return path, truth


def word_strict_open_xml(folder: Path):
    """A chronology table saved by Word as a "Strict Open XML Document": the same parts under
    the ISO vocabularies (purl.oclc.org/ooxml/...), the document marked strict, alignments
    written "start" and widths as percentages."""
    import docx

    document = docx.Document()
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    document.add_paragraph("Chronology of involvement").alignment = WD_ALIGN_PARAGRAPH.LEFT
    _table(document, HEADS5, [_five(i) for i in range(8)])
    plain = folder / "plain.docx"
    document.save(plain)
    path = folder / "word_strict_open_xml.docx"
    usual = b"http://schemas.openxmlformats.org/"
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for name in source.namelist():
            data = source.read(name)
            if name.endswith((".xml", ".rels")) and name != "[Content_Types].xml":
                for kind in (b"wordprocessingml", b"drawingml", b"officeDocument"):
                    data = data.replace(
                        usual + kind + b"/2006/", b"http://purl.oclc.org/ooxml/" + kind + b"/"
                    )
            if name == "word/document.xml":
                data = data.replace(b"<w:document ", b'<w:document w:conformance="strict" ', 1)
                data = re.sub(rb"<w:tblW [^>]*/>", b'<w:tblW w:type="pct" w:w="100%"/>', data)
                data = data.replace(b'<w:jc w:val="left"/>', b'<w:jc w:val="start"/>')
            out.writestr(name, data)
    plain.unlink()
    return path, [_t(i) for i in range(8)]


def word_alt_chunk_page(folder: Path):
    """A case system's print made as a Word document whose body is only a web page brought in
    whole (w:altChunk, the page a part of the package): Word shows the page's chronology table
    as the document, and nothing else is in the body."""
    import docx
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import parse_xml

    rows = "".join(
        f"<tr><td>{_day(i):%d/%m/%Y} {_time(i)}</td><td>{CONTACTS[i % 4]}</td>"
        f"<td>{WORKERS[i % 4]}</td><td>{escape(_notes()[i])}</td></tr>"
        for i in range(8)
    )
    page = (
        '<html><head><meta charset="utf-8"><title>Case notes</title></head><body>'
        '<h2>Case notes - Child Q</h2><table border="1"><tr><th>Date and time</th>'
        f"<th>Type</th><th>Author</th><th>Note</th></tr>{rows}</table></body></html>"
    )
    document = docx.Document()
    part = Part(PackURI("/word/afchunk.htm"), "text/html", page.encode(), document.part.package)
    rid = document.part.relate_to(
        part, "http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk"
    )
    document.element.body.insert(0, parse_xml(
        f'<w:altChunk {_W} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
        f'relationships" r:id="{rid}"/>'
    ))  # fmt: skip
    path = folder / "word_alt_chunk_page.docx"
    document.save(path)
    return path, [_t(i) for i in range(8)]


FILES = {
    fn.__name__: fn
    for fn in (
        word_strict_open_xml,
        word_alt_chunk_page,
        word_table_in_layout_table,
        word_rows_in_repeating_section,
        word_date_merged_three_rows,
        word_landscape_section,
        word_numbered_bold_dates,
        word_text_boxes,
        word_continued_tables,
        word_footnotes,
        word_margin_comments,
        word_hidden_guidance,
        word_google_docs,
        libreoffice_saved,
        odt_over_pages,
        rtf_case_notes,
        word_heads_page_of,
        word_narrow_dates,
        odt_over_pages_pdf,
        pdf_grey_bands,
        pdf_out_of_order,
        pdf_scan_with_text_layer,
    )
}


# --- made after the rules were written, to try them ------------------------------------------


def word_frame_label_and_box(folder: Path):
    """A safeguarding partnership's template laid out as a two-column table of labels and
    boxes ("Agency", "Author", "Chronology"), the chronology table (Date/time, Staff, What
    happened) typed into the box beside "Chronology", a note under it in the same box."""
    import docx

    document = docx.Document()
    document.add_paragraph("Rapid review - agency information return")
    frame = document.add_table(rows=4, cols=2)
    frame.style = "Table Grid"
    for n, (label, value) in enumerate([("Agency", "Harbourside Ambulance Service"),
                                        ("Author", "Tegan Morrow, Safeguarding Lead"),
                                        ("Period", "June 2018 to March 2019")]):  # fmt: skip
        frame.cell(n, 0).text = label
        frame.cell(n, 1).text = value
    frame.cell(3, 0).text = "Chronology"
    box = frame.cell(3, 1)
    box.text = "Contacts with the family in date order:"
    inner = box.add_table(rows=1, cols=3)
    inner.style = "Table Grid"
    _fill(inner.rows[0], ["Date/time", "Staff", "What happened"])
    days = [date(2018, 6, 4) + timedelta(days=17 * i) for i in range(7)]
    for i, day in enumerate(days):
        _fill(inner.add_row(), [f"{day:%d/%m/%Y} {_time(i + 3)}", WORKERS[(i + 1) % 4],
                                _notes()[(i + 2) % 9]])  # fmt: skip
    box.add_paragraph("No further contact after March 2019.")
    path = folder / "word_frame_label_and_box.docx"
    document.save(path)
    truth = [Expected(start=day, time=_time(i + 3), practitioner=WORKERS[(i + 1) % 4],
                      event=_notes()[(i + 2) % 9]) for i, day in enumerate(days)]  # fmt: skip
    return path, truth


def word_cell_controls_in_rows(folder: Path):
    """A template whose rows are items of a repeating section and whose every cell is a plain
    text content control of its own (a cell-level w:sdt), the date typed as "3 Feb 2018"."""
    import docx
    from docx.oxml import parse_xml

    days = [date(2018, 2, 3) + timedelta(days=9 * i) for i in range(6)]
    document = docx.Document()
    heads = ["Date", "Worker", "Type", "Summary"]
    table = _table(document, heads, [[f"{d:%-d %b %Y}", WORKERS[i % 4], CONTACTS[(i + 1) % 4],
                                      _notes()[(i + 6) % 9]] for i, d in enumerate(days)])  # fmt: skip
    ns = f'{_W} xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml"'
    section = parse_xml(
        f"<w:sdt {ns}><w:sdtPr><w15:repeatingSection/></w:sdtPr><w:sdtContent/></w:sdt>"
    )
    rows = [row._tr for row in table.rows[1:]]
    rows[0].addprevious(section)
    for tr in rows:
        item = parse_xml(
            f"<w:sdt {ns}><w:sdtPr><w15:repeatingSectionItem/></w:sdtPr><w:sdtContent/></w:sdt>"
        )
        section[1].append(item)
        item[1].append(tr)
        for tc in [c for c in tr if c.tag.endswith("}tc")]:
            wrap = parse_xml(f"<w:sdt {ns}><w:sdtPr><w:text/></w:sdtPr><w:sdtContent/></w:sdt>")
            tc.addprevious(wrap)
            wrap[1].append(tc)
    path = folder / "word_cell_controls_in_rows.docx"
    document.save(path)
    truth = [Expected(start=d, practitioner=WORKERS[i % 4], event_type=CONTACTS[(i + 1) % 4],
                      event=_notes()[(i + 6) % 9]) for i, d in enumerate(days)]  # fmt: skip
    return path, truth


def rtf_notes_time_apart(folder: Path):
    """A health record's case notes saved as RTF: each note's first line its date, time, type
    and author in tab-separated fields ("04 Sep 2018<tab>13:05<tab>Clinic<tab>Dele Okonjo"), the
    note's lines under it (\\line breaks within), "-- End of case notes --" at the end."""
    days = [date(2018, 9, 4) + timedelta(days=6 * i) for i in range(7)]
    parts = [r"{\rtf1\ansi\deff0{\fonttbl{\f0 Times New Roman;}}\f0\fs22",
             r"\pard Patient: Child Q (NHS 000 000 0000)\par", r"\pard\par"]  # fmt: skip
    for i, d in enumerate(days):
        note = _notes()[(i + 4) % 9]
        first, _, rest = note.partition(". ")
        parts.append(f"\\pard {d:%d %b %Y}\\tab {_time(i)}\\tab {CONTACTS[i % 4]}\\tab "
                     f"{WORKERS[(i + 2) % 4]}\\par")  # fmt: skip
        parts.append(f"\\pard\\li360 {first}." + (f"\\line {rest}" if rest else "") + r"\par")
    parts.append(r"\pard -- End of case notes --\par}")
    path = folder / "rtf_notes_time_apart.rtf"
    path.write_text("\r\n".join(parts), encoding="ascii")
    truth = [Expected(start=d, time=_time(i), event_type=CONTACTS[i % 4],
                      practitioner=WORKERS[(i + 2) % 4], event=_notes()[(i + 4) % 9].partition(". ")[0])
             for i, d in enumerate(days)]  # fmt: skip
    KEY_TEXTS["rtf_notes_time_apart"] = ["End of case notes", "NHS 000"]
    return path, truth


def word_endnotes_paragraphs(folder: Path):
    """A chronology written as dated paragraphs ("12/03/2018 - ...") two of which carry an
    endnote (References > Insert Endnote), the endnotes' words at the end of the document."""
    import docx
    from docx.oxml import parse_xml

    notes = {2: "The hospital's discharge letter gives a different ward.",
             4: "Confirmed with the school on 30/04/2018."}  # fmt: skip
    days = [date(2018, 3, 12) + timedelta(days=8 * i) for i in range(7)]
    document = docx.Document()
    document.add_heading("Chronology", level=1)
    for i, d in enumerate(days):
        p = document.add_paragraph(f"{d:%d/%m/%Y} - {_notes()[(i + 7) % 9]}")
        if i in notes:
            p._p.append(parse_xml(f'<w:r {_W}><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
                                  f'<w:endnoteReference w:id="{i}"/></w:r>'))  # fmt: skip
    path = folder / "word_endnotes_paragraphs.docx"
    document.save(path)
    xml = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:endnotes {_W}>'
        '<w:endnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:endnote>'
        '<w:endnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
        "</w:r></w:p></w:endnote>"
        + "".join(f'<w:endnote w:id="{n}"><w:p><w:r><w:endnoteRef/></w:r><w:r><w:t xml:space='
                  f'"preserve"> {escape(t)}</w:t></w:r></w:p></w:endnote>' for n, t in notes.items())
        + "</w:endnotes>"
    )  # fmt: skip
    with zipfile.ZipFile(path) as z:
        parts = {name: z.read(name) for name in z.namelist()}
    parts["word/endnotes.xml"] = xml.encode()
    rels = parts["word/_rels/document.xml.rels"].decode()
    parts["word/_rels/document.xml.rels"] = rels.replace(
        "</Relationships>", '<Relationship Id="rIdEnd" Type="http://schemas.openxmlformats.org/'
        'officeDocument/2006/relationships/endnotes" Target="endnotes.xml"/></Relationships>'
    ).encode()  # fmt: skip
    types = parts["[Content_Types].xml"].decode()
    parts["[Content_Types].xml"] = types.replace(
        "</Types>", '<Override PartName="/word/endnotes.xml" ContentType="application/vnd.'
        'openxmlformats-officedocument.wordprocessingml.endnotes+xml"/></Types>'
    ).encode()  # fmt: skip
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    KEPT["word_endnotes_paragraphs"] = [[notes[i]] if i in notes else [] for i in range(7)]
    return path, [Expected(start=d, event=_notes()[(i + 7) % 9]) for i, d in enumerate(days)]


def word_heads_later(folder: Path):
    """A Word table (Date, Worker, Type, Record) in landscape saved as PDF by LibreOffice: a
    darker shaded heading row repeated on each page, "Page 1 of 2" at the top right."""
    rows = _made().later_rows()
    truth = [
        Expected(start=_dmy(r[0]), practitioner=r[1], event_type=r[2], event=r[3]) for r in rows
    ]
    KEY_TEXTS["word_heads_later"] = ["Page 1 of 2", "Page 2 of 2"]
    return copy_from(DATA, folder, "word_heads_later.pdf"), truth


LATER = {
    fn.__name__: fn
    for fn in (
        word_frame_label_and_box,
        word_cell_controls_in_rows,
        rtf_notes_time_apart,
        word_endnotes_paragraphs,
        word_heads_later,
    )
}


# --- refused: what cannot be read, said so with the way out -----------------------------------


def word_pasted_scans(folder: Path):
    """Scanned pages of a chronology pasted into a Word document as pictures, a title above
    them: no text of the chronology in it."""
    import io

    import docx
    from docx.shared import Pt

    document = docx.Document()
    document.add_paragraph("Chronology (scanned copy attached)")
    for _page in range(2):
        image = _page_image(
            lambda pen: [
                pen.text((80, 120 + 40 * n), f"{_day(n):%d/%m/%Y}  visit", fill=0)
                for n in range(20)
            ]  # fmt: skip
        )
        data = io.BytesIO()
        image.save(data, format="PNG")
        data.seek(0)
        document.add_picture(data, width=Pt(450))
    path = folder / "word_pasted_scans.docx"
    document.save(path)
    return path, ["pictures", "no text", "OCR"]


def odt_pasted_scans(folder: Path):
    """Scanned pages of a chronology placed in a LibreOffice Writer document (.odt) as
    pictures under a title: no text of the chronology in it."""
    import io

    from tests.chronology.fourteenth_round_files import _ODF_NS, _zip

    image = _page_image(lambda pen: pen.text((80, 120), f"{_day(0):%d/%m/%Y}  visit", fill=0))
    data = io.BytesIO()
    image.save(data, format="PNG")
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_ODF_NS} '
        'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
        'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
        'xmlns:xlink="http://www.w3.org/1999/xlink"><office:body><office:text>'
        "<text:p>Chronology - scanned</text:p><text:p>"
        '<draw:frame draw:name="Image1" svg:width="17cm" svg:height="24cm" text:anchor-type="'
        'paragraph"><draw:image xlink:href="Pictures/page1.png" xlink:type="simple"/>'
        "</draw:frame></text:p></office:text></office:body></office:document-content>"
    )
    path = _zip(folder / "odt_pasted_scans.odt", "application/vnd.oasis.opendocument.text", content)
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr("Pictures/page1.png", data.getvalue())
    return path, ["pictures", "no text", "OCR"]


REFUSED = {"word_pasted_scans": word_pasted_scans, "odt_pasted_scans": odt_pasted_scans}
