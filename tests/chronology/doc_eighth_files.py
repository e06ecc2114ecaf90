"""Chronologies sent as documents, of kinds the earlier rounds do not have: an IMR template
filled in on a Welsh-language install of Word, whose unused rows still show Word's prompts in
Welsh and where Word did not keep the mark saying so (only the prompt's style and its building
block show it); a worker's log written as paragraphs whose dates on three days are date fields
that update, all showing the day the file was last saved; a narrow-columned table printed to
PDF by LibreOffice, long words broken over two lines with no hyphen; a multi-agency chronology
whose one table is split into agencies by heading rows across it; a chronology written as
minutes (an "Item" line of date and contact over each note, a "Recorded by:" line); a
LibreOffice log sent with its changes tracked and not accepted; a Google Docs chronology
downloaded as a web page (HTML); a web case system's case notes printed as headed blocks of
labelled details.

Made after the first rules (LATER): date fields in an OpenDocument log written as paragraphs
(one fixed) and over the notes of an RTF log as date lines; prompts of a German-language
Word known only by their style; a web page's combined chronology split into agencies.

Each builder takes a folder and returns (path, truth). The PDFs (LibreOffice) are committed in
tests/data/pdf_eighth with the script that made them. All names are fictional."""

from __future__ import annotations

import zipfile
from dataclasses import replace
from pathlib import Path
from xml.sax.saxutils import escape

from tests.chronology.doc_sixth_files import CONTACTS, NOTES, WORKERS, _day, _t, _time
from tests.chronology.pdf_third_files import copy_from
from tests.chronology.robust_files import Expected

DATA = Path(__file__).resolve().parents[1] / "data" / "pdf_eighth"

_NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"'
)
KEY_TEXTS: dict[str, list[str]] = {}
KEPT: dict[str, list[list[str]]] = {}
SAID: dict[str, list[str]] = {}
AGENCIES: dict[str, list[str]] = {}

# Word's prompts as a Welsh-language install shows them (the wording plays no part in reading
# them: the control's building block and the prompt's style say what they are).
WELSH_TEXT = "Cliciwch neu tapiwch yma i roi testun."
WELSH_DATE = "Cliciwch neu tapiwch i roi dyddiad."
WELSH_CHOICE = "Dewiswch eitem."
# Word's own building blocks for the prompts of a new control, named the same in every language.
_PART = {
    WELSH_TEXT: "DefaultPlaceholder_-1854013440",
    WELSH_DATE: "DefaultPlaceholder_-1854013437",
    WELSH_CHOICE: "DefaultPlaceholder_-1854013438",
}
# A Welsh install's own name for the style of the prompts (Word names a built-in style's
# identifier in the install's language; its w:name stays "Placeholder Text").
_STYLE_ID = "Testundalfan"


def _control(cell, text: str, *, prompt: bool = False, marked: bool = True) -> None:
    """A content control in ``cell`` holding ``text``; ``prompt``: it still shows Word's
    prompt (its building block named in w:placeholder, the prompt's style on the run), with
    Word's mark that it does (w:showingPlcHdr) only when ``marked``."""
    from docx.oxml import parse_xml

    part = _PART.get(text, "DefaultPlaceholder_-1854013440")
    props = f'<w:placeholder><w:docPart w:val="{part}"/></w:placeholder>'
    if prompt and marked:
        props += "<w:showingPlcHdr/>"
    style = f'<w:rPr><w:rStyle w:val="{_STYLE_ID}"/></w:rPr>' if prompt else ""
    cell.paragraphs[0]._p.append(
        parse_xml(
            f"<w:sdt {_NS}><w:sdtPr>{props}<w:text/></w:sdtPr><w:sdtContent>"
            f"<w:r>{style}<w:t>{escape(text)}</w:t></w:r></w:sdtContent></w:sdt>"
        )
    )


def _with_glossary(path: Path) -> None:
    """The document's glossary of building blocks (Word's prompts, in Welsh) and the prompts'
    style, as a Welsh install of Word saves them."""
    from tests.chronology.doc_sixth_files import _rewrite

    with zipfile.ZipFile(path) as z:
        rels = z.read("word/_rels/document.xml.rels").decode()
        types = z.read("[Content_Types].xml").decode()
        styles = z.read("word/styles.xml").decode()
    parts = "".join(
        f'<w:docPart><w:docPartPr><w:name w:val="{name}"/><w:category><w:name w:val="General"/>'
        '<w:gallery w:val="placeholder"/></w:category><w:types><w:type w:val="bbPlcHdr"/>'
        f"</w:types></w:docPartPr><w:docPartBody><w:p><w:r><w:rPr><w:rStyle "
        f'w:val="{_STYLE_ID}"/></w:rPr><w:t>{escape(text)}</w:t></w:r></w:p></w:docPartBody>'
        "</w:docPart>"
        for text, name in _PART.items()
    )
    glossary = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:glossaryDocument {_NS}>'
        f"<w:docParts>{parts}</w:docParts></w:glossaryDocument>"
    )
    rels = rels.replace(
        "</Relationships>",
        '<Relationship Id="rIdGloss" Type="http://schemas.openxmlformats.org/officeDocument/'
        '2006/relationships/glossaryDocument" Target="glossary/document.xml"/></Relationships>',
    )
    types = types.replace(
        "</Types>",
        '<Override PartName="/word/glossary/document.xml" ContentType="application/vnd.'
        'openxmlformats-officedocument.wordprocessingml.document.glossary+xml"/></Types>',
    )
    styles = styles.replace(
        "</w:styles>",
        f'<w:style w:type="character" w:styleId="{_STYLE_ID}"><w:name w:val="Placeholder Text"/>'
        '<w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/><w:semiHidden/>'
        '<w:rPr><w:color w:val="808080"/></w:rPr></w:style></w:styles>',
    )
    _rewrite(
        path,
        {
            "word/_rels/document.xml.rels": rels,
            "[Content_Types].xml": types,
            "word/styles.xml": styles,
            "word/glossary/document.xml": glossary,
        },
    )


# --- Word ---------------------------------------------------------------------------------------


def word_welsh_template_prompts(folder: Path):
    """A bilingual IMR template ("Dyddiad / Date") filled in on a Welsh-language install of
    Word: eight rows filled, the worker of one left with its prompt, three unused rows still
    showing Word's prompts in Welsh. Word kept its mark that a control shows its prompt on
    some of them only; the rest show it by the prompt's style and building block alone."""
    import docx

    document = docx.Document()
    document.add_heading("Cronoleg yr asiantaeth / Agency chronology", level=1)
    table = document.add_table(rows=1, cols=5)
    table.style = "Table Grid"
    for cell, text in zip(
        table.rows[0].cells,
        ["Dyddiad / Date", "Amser / Time", "Ymarferydd / Practitioner",
         "Math o gyswllt / Contact type", "Manylion / Details"],
        strict=True,
    ):  # fmt: skip
        cell.text = text
    truth = []
    for i in range(8):
        cells = table.add_row().cells
        _control(cells[0], f"{_day(i):%d/%m/%Y}")
        cells[1].text = _time(i)
        if i == 3:
            _control(cells[2], WELSH_TEXT, prompt=True, marked=False)
        else:
            _control(cells[2], WORKERS[i % 4])
        _control(cells[3], CONTACTS[i % 4])
        _control(cells[4], NOTES[i])
        truth.append(_t(i, worker=i != 3))
    for n in range(3):
        cells = table.add_row().cells
        _control(cells[0], WELSH_DATE, prompt=True, marked=n == 0)
        _control(cells[2], WELSH_TEXT, prompt=True, marked=False)
        _control(cells[3], WELSH_CHOICE, prompt=True, marked=n == 0)
        _control(cells[4], WELSH_TEXT, prompt=True, marked=False)
    path = folder / "word_welsh_template_prompts.docx"
    document.save(path)
    _with_glossary(path)
    KEY_TEXTS["word_welsh_template_prompts"] = ["Cliciwch", "Dewiswch"]
    SAID["word_welsh_template_prompts"] = ["13 content controls of a Word template still show"]
    return path, truth


def _date_field(paragraph, shown: str, *, simple: bool = False) -> None:
    """A DATE field (Insert > Date and Time, "Update automatically") showing ``shown``."""
    from docx.oxml import parse_xml

    code = ' DATE \\@ "dd/MM/yyyy" '
    if simple:
        paragraph._p.append(parse_xml(
            f'<w:fldSimple {_NS} w:instr="{escape(code, {chr(34): "&quot;"})}"><w:r>'
            f"<w:t>{shown}</w:t></w:r></w:fldSimple>"
        ))  # fmt: skip
        return
    for piece in (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
        f'<w:r><w:instrText xml:space="preserve">{escape(code)}</w:instrText></w:r>',
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>',
        f"<w:r><w:t>{shown}</w:t></w:r>",
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
    ):
        paragraph._p.append(parse_xml(piece.replace("<w:r>", f"<w:r {_NS}>", 1)))


def word_date_field_paragraphs(folder: Path):
    """A worker's log written as paragraphs, each starting with its date ("14/03/2016 – Visited
    ..."); on three days the date was put in with Insert > Date and Time, "Update
    automatically" ticked, so each shows the day the file was last saved (04/10/2016)."""
    import docx

    document = docx.Document()
    document.add_heading("Family support worker: running record", level=1)
    document.add_paragraph("Record kept by the family support worker for the review panel.")
    truth = []
    for i in range(9):
        paragraph = document.add_paragraph()
        if i in (2, 5, 6):
            _date_field(paragraph, "04/10/2016", simple=i == 5)
            truth.append(Expected(start=_day(i), event=NOTES[i], flagged=True))
        else:
            paragraph.add_run(f"{_day(i):%d/%m/%Y}")
            truth.append(_t(i, time=False, worker=False, kind=False))
        paragraph.add_run(f" \u2013 {NOTES[i]}")
    path = folder / "word_date_field_paragraphs.docx"
    document.save(path)
    SAID["word_date_field_paragraphs"] = ["date field"]
    return path, truth


_AGENCY_ROWS = {0: "Health visiting service", 3: "Police", 6: "Children's social care"}


def word_agency_heading_rows(folder: Path):
    """A combined chronology from a multi-agency review: one table, split into agencies by a
    row across the table (merged cells, shaded) naming the agency above its entries."""
    import docx

    document = docx.Document()
    document.add_heading("Combined multi-agency chronology", level=1)
    table = document.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    for cell, text in zip(
        table.rows[0].cells, ["Date", "Practitioner", "Contact", "Summary"], strict=True
    ):
        cell.text = text
    truth, agencies = [], []
    agency = ""
    for i in range(9):
        if i in _AGENCY_ROWS:
            agency = _AGENCY_ROWS[i]
            cells = table.add_row().cells
            merged = cells[0].merge(cells[-1])
            merged.text = agency
            merged.paragraphs[0].runs[0].bold = True
        values = [f"{_day(i):%d/%m/%Y}", WORKERS[i % 4], CONTACTS[i % 4], NOTES[i]]
        for cell, text in zip(table.add_row().cells, values, strict=True):
            cell.text = text
        truth.append(_t(i, time=False))
        agencies.append(agency)
    path = folder / "word_agency_heading_rows.docx"
    document.save(path)
    AGENCIES["word_agency_heading_rows"] = agencies
    return path, truth


def word_minutes_items(folder: Path):
    """A chronology written as minutes: each entry a bold "Item" line giving its date, time
    and kind of contact ("Item 4 – 14/03/2016, 10:05 – Home visit"), a "Recorded by:" line
    naming the worker, and the note as a paragraph under them."""
    import docx

    document = docx.Document()
    document.add_heading("Chronology of contact (minutes style)", level=1)
    for i in range(8):
        run = document.add_paragraph().add_run(
            f"Item {i + 1} \u2013 {_day(i):%d/%m/%Y}, {_time(i)} \u2013 {CONTACTS[i % 4]}"
        )
        run.bold = True
        document.add_paragraph(f"Recorded by: {WORKERS[i % 4]}")
        document.add_paragraph(NOTES[i])
    path = folder / "word_minutes_items.docx"
    document.save(path)
    return path, [_t(i) for i in range(8)]


def odt_tracked_changes(folder: Path):
    """A log kept in LibreOffice Writer with Edit > Track Changes > Record on, sent before the
    changes were accepted: one entry's date corrected (the old date deleted, the new one
    inserted), a sentence deleted from another's note, words inserted in a third. Read as if
    accepted, as Word's are, and what was deleted said."""
    from tests.chronology.fourteenth_round_files import _ODF_NS, _zip

    info = ('<office:change-info><dc:creator>Imogen Trask</dc:creator>'
            "<dc:date>2016-10-03T11:20:00</dc:date></office:change-info>")  # fmt: skip
    regions = (
        f'<text:changed-region text:id="ct1"><text:deletion>{info}<text:p>12/04/2016</text:p>'
        "</text:deletion></text:changed-region>"
        f'<text:changed-region text:id="ct2"><text:insertion>{info}</text:insertion>'
        "</text:changed-region>"
        f'<text:changed-region text:id="ct3"><text:deletion>{info}<text:p> The family were '
        "not at home when the worker called back.</text:p></text:deletion></text:changed-region>"
        f'<text:changed-region text:id="ct4"><text:insertion>{info}</text:insertion>'
        "</text:changed-region>"
    )

    def cell(inner: str) -> str:
        return f'<table:table-cell office:value-type="string"><text:p>{inner}</text:p></table:table-cell>'

    rows = [cell("Date") + cell("Worker") + cell("Type") + cell("Details")]
    truth = []
    for i in range(8):
        when = f"{_day(i):%d/%m/%Y}"
        note = escape(NOTES[i])
        if i == 3:
            when = ('<text:change text:change-id="ct1"/><text:change-start text:change-id="ct2"/>'
                    f'{when}<text:change-end text:change-id="ct2"/>')  # fmt: skip
        if i == 5:
            note += '<text:change text:change-id="ct3"/>'
        if i == 6:
            head, tail = note.split(" though ", 1)
            note = (f'{head}<text:change-start text:change-id="ct4"/> though<text:change-end '
                    f'text:change-id="ct4"/> {tail}')  # fmt: skip
        rows.append(cell(when) + cell(WORKERS[i % 4]) + cell(CONTACTS[i % 4]) + cell(note))
        truth.append(_t(i, time=False))
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_ODF_NS} '
        'xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f"<office:body><office:text><text:tracked-changes>{regions}</text:tracked-changes>"
        '<text:h text:outline-level="1">Contact log</text:h>'
        '<table:table table:name="Log"><table:table-column table:number-columns-repeated="4"/>'
        + "".join(f"<table:table-row>{r}</table:table-row>" for r in rows)
        + "</table:table><text:p/></office:text></office:body></office:document-content>"
    )
    path = _zip(
        folder / "odt_tracked_changes.odt", "application/vnd.oasis.opendocument.text", content
    )
    KEY_TEXTS["odt_tracked_changes"] = ["12/04/2016", "not at home when the worker called back"]
    SAID["odt_tracked_changes"] = ["changes tracked", "not at home when the worker called back"]
    return path, truth


# --- web pages ----------------------------------------------------------------------------------


def html_google_docs_export(folder: Path):
    """A chronology kept in Google Docs and downloaded as a web page (File > Download > Web
    page): every cell's text inside a paragraph and a span with generated class names, the
    styles in the head, empty spans between paragraphs, a comment's anchor in one cell and the
    comment itself at the foot of the page."""
    cls = ["c3", "c7", "c1", "c9", "c5"]

    def cell(text: str, n: int) -> str:
        return (f'<td class="c{n + 10}" colspan="1" rowspan="1"><p class="c2"><span class="'
                f'{cls[n]}">{escape(text)}</span></p></td>')  # fmt: skip

    heads = ["Date", "Time", "Worker", "Type", "Notes"]
    rows = ['<tr class="c4">' + "".join(cell(h, n) for n, h in enumerate(heads)) + "</tr>"]
    for i in range(9):
        values = [f"{_day(i):%d/%m/%Y}", _time(i), WORKERS[i % 4], CONTACTS[i % 4], NOTES[i]]
        row = "".join(cell(v, n) for n, v in enumerate(values))
        if i == 4:  # the comment's anchor, after the note's words
            mark = '<sup><a href="#cmnt1" id="cmnt_ref1">[a]</a></sup>'
            row = row.replace(f"{escape(NOTES[i])}</span>", f"{escape(NOTES[i])}</span>{mark}")
        rows.append(f'<tr class="c8">{row}</tr>')
    page = (
        '<html><head><meta content="text/html; charset=UTF-8" http-equiv="content-type">'
        '<style type="text/css">.c2{padding-top:0pt;padding-bottom:0pt;line-height:1.0}'
        '.c3{color:#000000;font-weight:400}.lst-kix_x-0>li:before{content:"\\0025cf  "}'
        '</style></head><body class="c6 doc-content">'
        '<p class="c0 title" id="h.gjdgxs"><span class="c5">Chronology: school nursing</span></p>'
        '<p class="c2 c12"><span class="c3"></span></p>'
        '<table class="c13">' + "".join(rows) + "</table>"
        '<p class="c2 c12"><span class="c3"></span></p>'
        '<div class="c10"><p class="c2"><a href="#cmnt_ref1" id="cmnt1">[a]</a><span class="c3">'
        "Check this date with the clinic records before it goes to the panel</span></p></div>"
        "</body></html>"
    )
    path = folder / "html_google_docs_export.html"
    path.write_text(page, encoding="utf-8")
    KEY_TEXTS["html_google_docs_export"] = ["[a]"]
    return path, [_t(i) for i in range(9)]


def html_case_note_blocks(folder: Path):
    """A web case system's case notes printout saved as a web page: no table; each note a
    block with a heading line ("Case note: Home visit"), a line of labelled details
    ("Date: 14/03/2016  Time: 10:05  Recorded by: ..."), and the note's text."""
    blocks = []
    for i in range(9):
        blocks.append(
            '<div class="note"><h3>Case note: ' + escape(CONTACTS[i % 4]) + "</h3>"
            f'<div class="meta"><span><b>Date:</b> {_day(i):%d/%m/%Y}</span> '
            f"<span><b>Time:</b> {_time(i)}</span> "
            f"<span><b>Recorded by:</b> {escape(WORKERS[i % 4])}</span></div>"
            f'<div class="text"><p>{escape(NOTES[i])}</p></div></div>'
        )
    page = (
        "<!DOCTYPE html><html><head><title>Case notes print</title></head><body>"
        "<h1>Case notes: Child Z</h1><p>Printed 04/10/2016 by the case system.</p>"
        + "".join(blocks)
        + "</body></html>"
    )
    path = folder / "html_case_note_blocks.html"
    path.write_text(page, encoding="utf-8")
    return path, [_t(i) for i in range(9)]


# --- PDF ----------------------------------------------------------------------------------------

# The notes of pdf_words_broken_in_cells: long words in a narrow column (tests/data/pdf_eighth).
BROKEN_NOTES = [
    "Safeguarding supervision: practitioner concerned about neglect; referral to MASH agreed.",
    "Unannounced visit; grandmother answered and said mother was at the hospital appointment.",
    "Multi-agency strategy discussion; the older child to be interviewed at school tomorrow.",
    "Photographed the bruising with consent; paediatrician asked to examine the same afternoon.",
    "Telephone call to the housing association about the overcrowding and the damp bedroom.",
    "Accommodation offered under section twenty declined; mother understood and agreed support.",
    "Immunisations outstanding; appointment rebooked and the practice nurse told of the missed one.",
    "Disclosure to the teacher about arguments at home; designated lead spoke with the father.",
]


def pdf_words_broken_in_cells(folder: Path):
    """A log whose notes column is narrow, printed to PDF by LibreOffice: words too long for
    the column broken with no hyphen where the column ends ("Safeguardi" / "ng"), the rest of
    each note wrapped between words as usual (tests/data/pdf_eighth/make_eighth.py)."""
    return copy_from(DATA, folder, "words_broken_in_cells.pdf"), [
        replace(_t(i, kind=False), event=BROKEN_NOTES[i]) for i in range(8)
    ]


FILES = {
    fn.__name__: fn
    for fn in (
        word_welsh_template_prompts,
        word_date_field_paragraphs,
        word_agency_heading_rows,
        word_minutes_items,
        odt_tracked_changes,
        html_google_docs_export,
        html_case_note_blocks,
        pdf_words_broken_in_cells,
    )
}

# --- made after the rules, to try them (LATER) --------------------------------------------------


def odt_date_field_paragraphs(folder: Path):
    """A log written as paragraphs in LibreOffice Writer, each starting with its date; on
    three days the date is a date field that updates (not fixed), each showing the day the
    file was last saved; one a fixed date field, its day the entry's own."""
    from tests.chronology.fourteenth_round_files import _ODF_NS, _zip

    paragraphs, truth = [], []
    for i in range(8):
        if i in (1, 4, 5):
            when = ('<text:date style:data-style-name="N37" '
                    'text:date-value="2016-10-04T09:12:41.33">04/10/2016</text:date>')  # fmt: skip
            truth.append(Expected(start=_day(i), event=NOTES[i], flagged=True))
        elif i == 7:
            when = (f'<text:date style:data-style-name="N37" text:fixed="true" '
                    f'text:date-value="{_day(i):%Y-%m-%d}">{_day(i):%d/%m/%Y}</text:date>')  # fmt: skip
            truth.append(_t(i, time=False, worker=False, kind=False))
        else:
            when = f"{_day(i):%d/%m/%Y}"
            truth.append(_t(i, time=False, worker=False, kind=False))
        paragraphs.append(f"<text:p>{when}: {escape(NOTES[i])}</text:p>")
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_ODF_NS}>'
        '<office:body><office:text><text:h text:outline-level="1">School nurse record</text:h>'
        + "".join(paragraphs)
        + "</office:text></office:body></office:document-content>"
    )
    path = _zip(
        folder / "odt_date_field_paragraphs.odt", "application/vnd.oasis.opendocument.text", content
    )
    return path, truth


def rtf_date_field_headings(folder: Path):
    r"""An RTF log saved by Word: each day's date a bold line of its own over that day's note;
    two of the dates are DATE fields and one a SAVEDATE field ({\field{\*\fldinst DATE ...}
    {\fldrslt 04/10/2016}}), all showing the day the file was last saved."""
    out = ["{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0 Arial;}}\\f0\\fs20\n",
           "\\pard\\b Youth offending service: contact record\\b0\\par\n"]  # fmt: skip
    truth = []
    for i in range(8):
        if i in (2, 3, 6):
            code = "SAVEDATE" if i == 6 else "DATE"
            when = (f'{{\\field{{\\*\\fldinst {{ {code} \\\\@ "dd/MM/yyyy" }}}}'
                    "{\\fldrslt {04/10/2016}}}")  # fmt: skip
            truth.append(Expected(start=_day(i), event=NOTES[i], flagged=True))
        else:
            when = f"{_day(i):%d/%m/%Y}"
            truth.append(_t(i, time=False, worker=False, kind=False))
        note = NOTES[i].replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}")
        out.append(f"\\pard\\b {when}\\b0\\par\n\\pard {note}\\par\n")
    out.append("}")
    path = folder / "rtf_date_field_headings.rtf"
    path.write_text("".join(out), encoding="ascii")
    return path, truth


def word_other_language_prompts(folder: Path):
    """An IMR template filled in on a German-language install of Word (an agency's shared
    computer): no building blocks kept and Word's mark kept on none of its prompts; the prompts
    show only by their style (named in the install's language, "Platzhaltertext")."""
    import docx
    from docx.oxml import parse_xml

    prompt = "Klicken oder tippen Sie hier, um Text einzugeben."

    def control(cell, text: str, style: bool) -> None:
        rpr = '<w:rPr><w:rStyle w:val="Platzhaltertext"/></w:rPr>' if style else ""
        cell.paragraphs[0]._p.append(parse_xml(
            f"<w:sdt {_NS}><w:sdtPr><w:text/></w:sdtPr><w:sdtContent><w:r>{rpr}"
            f"<w:t>{escape(text)}</w:t></w:r></w:sdtContent></w:sdt>"
        ))  # fmt: skip

    document = docx.Document()
    document.add_heading("Chronology of involvement", level=1)
    table = document.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ["Date", "Worker", "Contact", "Notes"], strict=True):
        cell.text = text
    truth = []
    for i in range(7):
        cells = table.add_row().cells
        control(cells[0], f"{_day(i):%d/%m/%Y}", False)
        control(cells[1], WORKERS[i % 4] if i != 2 else prompt, i == 2)
        control(cells[2], CONTACTS[i % 4], False)
        control(cells[3], NOTES[i], False)
        truth.append(_t(i, time=False, worker=i != 2))
    for _ in range(2):
        cells = table.add_row().cells
        for cell in cells:
            control(cell, prompt, True)
    path = folder / "word_other_language_prompts.docx"
    document.save(path)
    with zipfile.ZipFile(path) as z:
        styles = z.read("word/styles.xml").decode()
    from tests.chronology.doc_sixth_files import _rewrite

    _rewrite(path, {"word/styles.xml": styles.replace(
        "</w:styles>",
        '<w:style w:type="character" w:styleId="Platzhaltertext"><w:name w:val="Placeholder '
        'Text"/><w:rPr><w:color w:val="808080"/></w:rPr></w:style></w:styles>',
    )})  # fmt: skip
    KEY_TEXTS["word_other_language_prompts"] = ["Klicken oder tippen"]
    return path, truth


def html_agency_heading_rows(folder: Path):
    """A combined chronology from a rapid review's shared workspace, saved as a web page: one
    table, each agency's entries under a row across the table (one cell spanning all the
    columns) naming it ("Education – Ysgol Gynradd", "Ambulance service")."""
    heads = ["Date", "Time", "Name and role", "What happened"]
    names = {0: "Education \u2013 Ysgol Gynradd", 4: "Ambulance service"}
    rows = ["<tr>" + "".join(f"<th>{h}</th>" for h in heads) + "</tr>"]
    truth, agencies = [], []
    agency = ""
    for i in range(8):
        if i in names:
            agency = names[i]
            rows.append(f'<tr><td colspan="4"><strong>{escape(agency)}</strong></td></tr>')
        values = [f"{_day(i):%d/%m/%Y}", _time(i), WORKERS[i % 4], NOTES[i]]
        rows.append("<tr>" + "".join(f"<td>{escape(v)}</td>" for v in values) + "</tr>")
        truth.append(_t(i, kind=False))
        agencies.append(agency)
    page = ("<html><head><title>Combined chronology</title></head><body><h1>Combined "
            "chronology</h1><table border='1'>" + "".join(rows) + "</table></body></html>")  # fmt: skip
    path = folder / "html_agency_heading_rows.html"
    path.write_text(page, encoding="utf-8")
    AGENCIES["html_agency_heading_rows"] = agencies
    return path, truth


LATER = {
    fn.__name__: fn
    for fn in (
        odt_date_field_paragraphs,
        rtf_date_field_headings,
        word_other_language_prompts,
        html_agency_heading_rows,
    )
}
REFUSED: dict = {}  # none this round: every kind here can be read
