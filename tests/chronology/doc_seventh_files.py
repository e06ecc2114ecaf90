"""Chronologies sent as documents, of kinds the earlier rounds do not have: an IMR template
whose unused rows still show the template's prompts ("Click or tap to enter a date."); date
pickers set to the American format (4/3/2016) in a template made on a computer set to English
(United States); a document control table (versions and their dates) before the chronology
table and a sign-off table after it; the column headings typed in the page header (so that
they print on every page) over a body table of entries only; the chronology table drawn inside
a text box; a web case system's striped rows (no lines, every other row shaded) saved as a PDF
by the browser; a worker's log whose dates were put in as date fields that update (Insert >
Date and Time, "Update automatically"), all showing the day the file was last saved.

Made after the rules (LATER): the same date fields in an .odt (one of them fixed) and in an RTF
log; a paragraph chronology made from a template whose unused entries still show its prompts;
the prompt-filled IMR template printed to PDF by LibreOffice.

Each builder takes a folder and returns (path, truth). The PDFs (Chromium, LibreOffice) are
committed in tests/data/pdf_seventh with the script that made them. All names are fictional."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

from tests.chronology.doc_sixth_files import CONTACTS, NOTES, WORKERS, _day, _t, _time
from tests.chronology.pdf_third_files import copy_from
from tests.chronology.robust_files import Expected

DATA = Path(__file__).resolve().parents[1] / "data" / "pdf_seventh"

_NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"'
)
KEY_TEXTS: dict[str, list[str]] = {}
KEPT: dict[str, list[list[str]]] = {}
SAID: dict[str, list[str]] = {}

DATE_PROMPT = "Click or tap to enter a date."
TEXT_PROMPT = "Click or tap here to enter text."
CHOICE_PROMPT = "Choose an item."


def _control(cell, text: str, *, when: date | None = None, fmt: str = "dd/MM/yyyy",
             lang: str = "en-GB", prompt: bool = False, choices=()) -> None:  # fmt: skip
    """A content control in ``cell`` holding ``text``: a date picker when ``when`` is given
    (or a date prompt), a drop-down list when ``choices`` are, else plain text; ``prompt``: it
    still shows the template's placeholder (nothing entered)."""
    from docx.oxml import parse_xml

    props = "<w:showingPlcHdr/>" if prompt else ""
    if when is not None or (prompt and text == DATE_PROMPT):
        full = f' w:fullDate="{when:%Y-%m-%d}T00:00:00Z"' if when is not None else ""
        props += (
            f'<w:date{full}><w:dateFormat w:val="{fmt}"/><w:lid w:val="{lang}"/>'
            '<w:storeMappedDataAs w:val="dateTime"/><w:calendar w:val="gregorian"/></w:date>'
        )
    elif choices:
        items = "".join(f'<w:listItem w:displayText="{c}" w:value="{c}"/>' for c in choices)
        props += f"<w:dropDownList>{items}</w:dropDownList>"
    else:
        props += "<w:text/>"
    style = '<w:rPr><w:rStyle w:val="PlaceholderText"/></w:rPr>' if prompt else ""
    cell.paragraphs[0]._p.append(
        parse_xml(
            f"<w:sdt {_NS}><w:sdtPr>{props}</w:sdtPr><w:sdtContent>"
            f"<w:r>{style}<w:t>{escape(text)}</w:t></w:r></w:sdtContent></w:sdt>"
        )
    )


# --- Word ---------------------------------------------------------------------------------------


def word_placeholder_rows(folder: Path):
    """A council's IMR template: a date picker, a drop-down of contact types and text boxes
    for the rest in every row. The author filled eight rows; the template's last four rows,
    and the worker of one filled row, still show the template's grey prompts ("Click or tap to
    enter a date.", "Choose an item.", "Click or tap here to enter text.")."""
    import docx

    document = docx.Document()
    document.add_heading("Agency chronology of involvement", level=1)
    document.add_paragraph("Complete one row for each contact. Add rows as needed.")
    table = document.add_table(rows=1, cols=5)
    table.style = "Table Grid"
    for cell, text in zip(
        table.rows[0].cells, ["Date", "Time", "Practitioner", "Contact type", "Details"],
        strict=True,
    ):  # fmt: skip
        cell.text = text
    truth = []
    for i in range(8):
        cells = table.add_row().cells
        _control(cells[0], f"{_day(i):%d/%m/%Y}", when=_day(i))
        cells[1].text = _time(i)
        if i == 5:
            _control(cells[2], TEXT_PROMPT, prompt=True)
        else:
            _control(cells[2], WORKERS[i % 4])
        _control(cells[3], CONTACTS[i % 4], choices=CONTACTS)
        _control(cells[4], NOTES[i])
        truth.append(_t(i, worker=i != 5))
    for _ in range(4):
        cells = table.add_row().cells
        _control(cells[0], DATE_PROMPT, prompt=True)
        _control(cells[2], TEXT_PROMPT, prompt=True)
        _control(cells[3], CHOICE_PROMPT, prompt=True, choices=CONTACTS)
        _control(cells[4], TEXT_PROMPT, prompt=True)
    path = folder / "word_placeholder_rows.docx"
    document.save(path)
    KEY_TEXTS["word_placeholder_rows"] = ["Click or tap", "Choose an item"]
    return path, truth


# Days of the month no larger than twelve: read the wrong way round, each is another real date.
_US_DAYS = [date(2016, 3, 4), date(2016, 3, 11), date(2016, 4, 2), date(2016, 5, 9),
            date(2016, 6, 1), date(2016, 7, 12), date(2016, 8, 5), date(2016, 10, 3)]  # fmt: skip


def word_us_date_pickers(folder: Path):
    """An IMR template made on a computer set to English (United States): each date was
    picked from the date picker's calendar, which shows it month first ("3/4/2016" for 4 March
    2016); every day of the month in it is twelve or less."""
    import docx

    document = docx.Document()
    document.add_heading("Chronology of agency involvement", level=1)
    table = document.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    for cell, text in zip(
        table.rows[0].cells, ["Date", "Worker", "Type of contact", "Summary"], strict=True
    ):
        cell.text = text
    truth = []
    for i, day in enumerate(_US_DAYS):
        cells = table.add_row().cells
        _control(cells[0], f"{day.month}/{day.day}/{day.year}", when=day, fmt="M/d/yyyy",
                 lang="en-US")  # fmt: skip
        for cell, text in zip(cells[1:], [WORKERS[i % 4], CONTACTS[i % 4], NOTES[i]], strict=True):
            cell.text = text
        truth.append(
            Expected(
                start=day, event=NOTES[i], practitioner=WORKERS[i % 4], event_type=CONTACTS[i % 4]
            )  # fmt: skip
        )
    path = folder / "word_us_date_pickers.docx"
    document.save(path)
    return path, truth


def word_document_control_first(folder: Path):
    """An IMR as agencies send it: a document control table (version, date, author, changes)
    and a distribution list before the chronology table; a sign-off table (name, role, date
    signed) after it."""
    import docx

    document = docx.Document()
    document.add_heading("Individual Management Review", level=1)
    document.add_paragraph("Document control")
    control = document.add_table(rows=1, cols=4)
    control.style = "Table Grid"
    for values in [
        ["Version", "Date", "Author", "Summary of changes"],
        ["0.1", "02/09/2016", "Ines Marchetti", "First draft for the panel"],
        ["0.2", "19/09/2016", "Ines Marchetti", "Comments from the legal team added"],
        ["1.0", "04/10/2016", "Dorothea Quayle", "Signed off for submission"],
    ]:
        for cell, text in zip(
            control.rows[-1].cells if values[0] == "Version" else control.add_row().cells,
            values, strict=True,
        ):  # fmt: skip
            cell.text = text
    document.add_paragraph("Distribution")
    sent = document.add_table(rows=1, cols=3)
    sent.style = "Table Grid"
    for cell, text in zip(sent.rows[0].cells, ["Name", "Role", "Date sent"], strict=True):
        cell.text = text
    for cell, text in zip(
        sent.add_row().cells, ["Review panel", "Chair", "05/10/2016"], strict=True
    ):
        cell.text = text
    document.add_heading("3. Chronology of involvement", level=2)
    table = document.add_table(rows=1, cols=5)
    table.style = "Table Grid"
    for cell, text in zip(
        table.rows[0].cells, ["Date", "Time", "Practitioner", "Contact", "Details"], strict=True
    ):
        cell.text = text
    for i in range(9):
        values = [f"{_day(i):%d/%m/%Y}", _time(i), WORKERS[i % 4], CONTACTS[i % 4], NOTES[i]]
        for cell, text in zip(table.add_row().cells, values, strict=True):
            cell.text = text
    document.add_heading("Sign-off", level=2)
    sign = document.add_table(rows=2, cols=3)
    sign.style = "Table Grid"
    for row, values in zip(
        sign.rows, [["Name", "Role", "Date"],
                    ["Dorothea Quayle", "Head of Safeguarding", "04/10/2016"]], strict=True
    ):  # fmt: skip
        for cell, text in zip(row.cells, values, strict=True):
            cell.text = text
    path = folder / "word_document_control_first.docx"
    document.save(path)
    KEY_TEXTS["word_document_control_first"] = [
        "First draft for the panel", "Signed off for submission", "Head of Safeguarding",
        "Review panel",
    ]  # fmt: skip
    return path, [_t(i) for i in range(9)]


def word_headings_in_page_header(folder: Path):
    """The column headings typed as a one-row table in the page header, so that Word prints
    them on every page, over a body table of entries only (the same column widths)."""
    import docx
    from docx.shared import Cm

    widths = [Cm(2.5), Cm(1.5), Cm(3.5), Cm(3), Cm(7)]
    document = docx.Document()
    header = document.sections[0].header
    header.paragraphs[0].text = "Health visiting service: chronology for the review panel"
    heads = header.add_table(rows=1, cols=5, width=sum(widths, Cm(0)))
    heads.style = "Table Grid"
    for cell, text, width in zip(
        heads.rows[0].cells, ["Date", "Time", "Name of practitioner", "Contact", "Outcome"],
        widths, strict=True,
    ):  # fmt: skip
        cell.text = text
        cell.width = width
    table = document.add_table(rows=0, cols=5)
    table.style = "Table Grid"
    for i in range(10):
        values = [f"{_day(i):%d/%m/%Y}", _time(i), WORKERS[i % 4], CONTACTS[i % 4], NOTES[i % 9]]
        for cell, text, width in zip(table.add_row().cells, values, widths, strict=True):
            cell.text = text
            cell.width = width
    path = folder / "word_headings_in_page_header.docx"
    document.save(path)
    return path, [_t(i) for i in range(10)]


def word_table_in_text_box(folder: Path):
    """A chronology pasted from a desktop publishing program: a title, a line about the
    author, and the whole table inside a text box anchored in the first paragraph (the
    shape's own copy and, for older readers, the same table again in a VML fallback)."""
    import docx
    from docx.oxml import parse_xml

    def cell(text: str) -> str:
        return (
            '<w:tc><w:tcPr><w:tcW w:w="1800" w:type="dxa"/></w:tcPr>'
            f"<w:p><w:r><w:t>{escape(text)}</w:t></w:r></w:p></w:tc>"
        )

    rows = [["Date", "Time", "Worker", "Contact", "What happened"]] + [
        [f"{_day(i):%d/%m/%Y}", _time(i), WORKERS[i % 4], CONTACTS[i % 4], NOTES[i]]
        for i in range(8)
    ]
    table = (
        '<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="9000" w:type="dxa"/>'
        "</w:tblPr><w:tblGrid>" + '<w:gridCol w:w="1800"/>' * 5 + "</w:tblGrid>"
        + "".join("<w:tr>" + "".join(cell(v) for v in r) + "</w:tr>" for r in rows)
        + "</w:tbl><w:p/>"
    )  # fmt: skip
    ns = (
        f'{_NS} xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"'
        ' xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
        ' xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
        ' xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
        ' xmlns:v="urn:schemas-microsoft-com:vml"'
    )
    run = (
        f'<w:r {ns}><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
        '<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1" '
        'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
        '<wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH>'
        '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
        '<wp:extent cx="5760000" cy="7200000"/><wp:wrapTopAndBottom/>'
        '<wp:docPr id="1" name="Text Box 1"/><a:graphic><a:graphicData '
        'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp>'
        '<wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/>'
        '<a:ext cx="5760000" cy="7200000"/></a:xfrm><a:prstGeom prst="rect"/></wps:spPr>'
        f"<wps:txbx><w:txbxContent>{table}</w:txbxContent></wps:txbx><wps:bodyPr/>"
        "</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
        '<mc:Fallback><w:pict><v:shape style="width:453pt;height:567pt"><v:textbox>'
        f"<w:txbxContent>{table}</w:txbxContent></v:textbox></v:shape></w:pict>"
        "</mc:Fallback></mc:AlternateContent></w:r>"
    )
    document = docx.Document()
    document.add_heading("Chronology: Early Help service", level=1)
    document.add_paragraph("Prepared by the Early Help co-ordinator for the review.")
    anchor = document.add_paragraph()
    anchor._p.append(parse_xml(run))
    path = folder / "word_table_in_text_box.docx"
    document.save(path)
    return path, [_t(i) for i in range(8)]


def _date_field(cell, shown: str, *, simple: bool = False, kind: str = "DATE") -> None:
    """Word's Insert > Date and Time with "Update automatically" ticked: a DATE field (its
    last result, the day the document was last saved, stored after the code)."""
    from docx.oxml import parse_xml

    code = f' {kind} \\@ "dd/MM/yyyy" '
    if simple:
        xml = (f'<w:fldSimple {_NS} w:instr="{escape(code, {chr(34): "&quot;"})}"><w:r>'
               f"<w:t>{shown}</w:t></w:r></w:fldSimple>")  # fmt: skip
        cell.paragraphs[0]._p.append(parse_xml(xml))
        return
    for piece in (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
        f'<w:r><w:instrText xml:space="preserve">{escape(code)}</w:instrText></w:r>',
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>',
        f"<w:r><w:t>{shown}</w:t></w:r>",
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
    ):
        cell.paragraphs[0]._p.append(parse_xml(piece.replace("<w:r>", f"<w:r {_NS}>", 1)))


def word_date_fields(folder: Path):
    """A worker's running log kept in a Word table: most dates typed, but on three days the
    date was put in with Insert > Date and Time, "Update automatically" ticked, so that cell
    holds a DATE field that shows the day the document is opened; the file keeps the day it
    was last saved (04/10/2016) in all three. Those three entries' dates are not known."""
    import docx

    document = docx.Document()
    document.add_heading("Family support worker's log", level=1)
    table = document.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ["Date", "Time", "Contact", "Notes"], strict=True):
        cell.text = text
    truth = []
    for i in range(9):
        cells = table.add_row().cells
        if i in (3, 4, 7):
            _date_field(cells[0], "04/10/2016", simple=i == 4)
        else:
            cells[0].text = f"{_day(i):%d/%m/%Y}"
        for cell, text in zip(cells[1:], [_time(i), CONTACTS[i % 4], NOTES[i]], strict=True):
            cell.text = text
        truth.append(_t(i, worker=False) if i not in (3, 4, 7) else
                     Expected(start=_day(i), event=NOTES[i], flagged=True))  # fmt: skip
    path = folder / "word_date_fields.docx"
    document.save(path)
    return path, truth


# --- PDF ----------------------------------------------------------------------------------------


def pdf_striped_rows_browser(folder: Path):
    """A web case system's case notes printed to PDF by the browser (Chromium, "Save as
    PDF"): the rows laid out as boxes (no table, no lines), every other row shaded grey, the
    browser's date and page title at the top of each page and the address and "1/2" at the
    foot (tests/data/pdf_seventh/make_seventh.py)."""
    return copy_from(DATA, folder, "striped_rows_browser.pdf"), [
        Expected(
            start=_day(i),
            time=_time(i),
            event=NOTES[i % 9],
            practitioner=WORKERS[i % 4],
            event_type=CONTACTS[i % 4],
        )  # fmt: skip
        for i in range(24)
    ]


FILES = {
    fn.__name__: fn
    for fn in (
        word_placeholder_rows,
        word_us_date_pickers,
        word_document_control_first,
        word_headings_in_page_header,
        word_table_in_text_box,
        word_date_fields,
        pdf_striped_rows_browser,
    )
}

# --- made after the rules, to try them (LATER) --------------------------------------------------


def odt_date_fields(folder: Path):
    """A log kept in LibreOffice Writer (.odt table): most dates typed, three put in as date
    fields that update (Insert > Field > More Fields > Date, not fixed: no text:fixed="true"),
    each showing the day the file was last saved; one put in as a fixed date field, whose day
    is the entry's own."""
    from tests.chronology.fourteenth_round_files import _ODF_NS, _zip

    def cell(inner: str) -> str:
        return f'<table:table-cell office:value-type="string"><text:p>{inner}</text:p></table:table-cell>'

    rows = [cell("Date") + cell("Time") + cell("Worker") + cell("Details")]
    truth = []
    for i in range(9):
        if i in (2, 5, 6):
            when = ('<text:date style:data-style-name="N37" '
                    'text:date-value="2016-10-04T09:12:41.33">04/10/2016</text:date>')  # fmt: skip
            truth.append(Expected(start=_day(i), event=NOTES[i], flagged=True))
        elif i == 8:
            when = (f'<text:date style:data-style-name="N37" text:fixed="true" '
                    f'text:date-value="{_day(i):%Y-%m-%d}">{_day(i):%d/%m/%Y}</text:date>')  # fmt: skip
            truth.append(_t(i, kind=False))
        else:
            when = f"{_day(i):%d/%m/%Y}"
            truth.append(_t(i, kind=False))
        rows.append(cell(when) + cell(_time(i)) + cell(WORKERS[i % 4]) + cell(escape(NOTES[i])))
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_ODF_NS} '
        'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0">'
        '<office:body><office:text><text:h text:outline-level="1">Contact log</text:h>'
        '<table:table table:name="Log"><table:table-column table:number-columns-repeated="4"/>'
        + "".join(f"<table:table-row>{r}</table:table-row>" for r in rows)
        + "</table:table><text:p/></office:text></office:body></office:document-content>"
    )
    path = _zip(folder / "odt_date_fields.odt", "application/vnd.oasis.opendocument.text", content)
    return path, truth


def rtf_date_fields(folder: Path):
    r"""The same kind of log saved by Word as RTF: two dates are DATE fields ({\field{\*\fldinst
    DATE \@ "dd/MM/yyyy"}{\fldrslt 04/10/2016}}), one a SAVEDATE field; the rest typed."""
    edges = [1500, 2400, 4400, 10200]

    def row(cells):
        defs = "".join(f"\\clbrdrt\\brdrs\\clbrdrl\\brdrs\\clbrdrb\\brdrs\\clbrdrr\\brdrs\\cellx{e}"
                       for e in edges)  # fmt: skip
        body = "".join(f"\\pard\\intbl {c}\\cell " for c in cells)
        return f"\\trowd\\trgaph108\\trleft-108{defs}{body}\\row\n"

    def text(t: str) -> str:
        return t.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}")

    out = ["{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0 Arial;}}\\f0\\fs20\n",
           "\\pard\\b Early help contact log\\b0\\par\n", row(["Date", "Time", "Worker", "Notes"])]  # fmt: skip
    truth = []
    for i in range(8):
        if i in (1, 4, 6):
            code = "SAVEDATE" if i == 6 else "DATE"
            when = (f'{{\\field{{\\*\\fldinst {{ {code} \\\\@ "dd/MM/yyyy" }}}}'
                    "{\\fldrslt {04/10/2016}}}")  # fmt: skip
            truth.append(Expected(start=_day(i), event=NOTES[i], flagged=True))
        else:
            when = f"{_day(i):%d/%m/%Y}"
            truth.append(_t(i, kind=False))
        out.append(row([when, _time(i), text(WORKERS[i % 4]), text(NOTES[i])]))
    out.append("\\pard\\par}")
    path = folder / "rtf_date_fields.rtf"
    path.write_text("".join(out), encoding="ascii")
    return path, truth


def word_placeholder_paragraphs(folder: Path):
    """A chronology written as paragraphs from a template: each entry a date picker on a
    line of its own and a rich-text content control under it for the notes; the template's
    last two entries never filled, their prompts still showing, and an instruction paragraph
    of the template (a content control showing "Click or tap here to enter text.") left in."""
    import docx
    from docx.oxml import parse_xml

    def block(inner: str, *, prompt: bool, date_picker: bool = False) -> None:
        props = "<w:showingPlcHdr/>" if prompt else ""
        props += ('<w:date><w:dateFormat w:val="d MMMM yyyy"/><w:lid w:val="en-GB"/></w:date>'
                  if date_picker else "<w:richText/>")  # fmt: skip
        style = '<w:rPr><w:rStyle w:val="PlaceholderText"/></w:rPr>' if prompt else ""
        bold = "<w:rPr><w:b/></w:rPr>" if date_picker and not prompt else style
        document.element.body.insert(
            len(document.element.body) - 1,
            parse_xml(f"<w:sdt {_NS}><w:sdtPr>{props}</w:sdtPr><w:sdtContent><w:p><w:r>{bold}"
                      f"<w:t>{escape(inner)}</w:t></w:r></w:p></w:sdtContent></w:sdt>"),
        )  # fmt: skip

    document = docx.Document()
    document.add_heading("Chronology of the school's involvement", level=1)
    block(TEXT_PROMPT, prompt=True)
    truth = []
    for i in range(6):
        block(f"{_day(i):%-d %B %Y}", prompt=False, date_picker=True)
        block(NOTES[i], prompt=False)
        truth.append(_t(i, time=False, worker=False, kind=False))
    for _ in range(2):
        block(DATE_PROMPT, prompt=True, date_picker=True)
        block(TEXT_PROMPT, prompt=True)
    document.add_paragraph("Completed by the designated safeguarding lead.")
    path = folder / "word_placeholder_paragraphs.docx"
    document.save(path)
    KEY_TEXTS["word_placeholder_paragraphs"] = ["Click or tap"]
    return path, truth


def pdf_placeholder_rows(folder: Path):
    """The template of word_placeholder_rows (eight rows filled, four left with Word's grey
    prompts, one filled row's worker a prompt) printed to PDF by LibreOffice, so the prompts
    are printed words like any other (tests/data/pdf_seventh/make_seventh.py).

    LibreOffice made the notes column narrow and broke two words too long for it with no
    hyphen ("Photographe" / "d", "Unannounce" / "d"): read whole again, as the notes were
    written."""
    KEY_TEXTS["pdf_placeholder_rows"] = ["Click or tap", "Choose an item"]
    truth = [_t(i, worker=i != 5) for i in range(8)]
    return copy_from(DATA, folder, "placeholder_rows.pdf"), truth


LATER = {
    fn.__name__: fn
    for fn in (odt_date_fields, rtf_date_fields, word_placeholder_paragraphs, pdf_placeholder_rows)
}
REFUSED: dict = {}  # none this round: every kind here can be read
