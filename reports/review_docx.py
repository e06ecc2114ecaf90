"""The review's documents as Word files (.docx), for boards and authors who edit in Word.

Word's own styles carry the structure: Title, Heading 1 for sections, Heading 2 for findings,
List Bullet, Caption; so the navigation pane and a contents field work. Paragraph numbers
("3.1") hang in the left margin of a numbered paragraph; tables have their header row marked
to repeat on every page and column widths from their content; the marking is in every header
and footer with "Page X of Y"; document properties and the en-GB language are set; the
timeline is a picture (drawn from the same SVG as the PDF's) with alternative text, on a
landscape page.

A partnership's own Word template (.dotx or .docx: styles, logo, header) is used when one is
given: the path in ``REVIEWDESK_WORD_TEMPLATE``, or the first ``.dotx``/``.docx`` in
``resources/templates/word/``. Its body is cleared; its styles, page set-up and headers'
pictures are kept, and the marking and page numbers are added to its headers and footers.

Large tables are written as WordprocessingML directly (one parse for all rows): python-docx's
row-by-row API takes minutes for a 50,000-entry chronology.
"""

import os
import uuid
import zipfile
from collections.abc import Callable
from io import BytesIO
from pathlib import Path
from xml.sax.saxutils import escape

from reports.publication import prepare
from reports.review_document_data import ReviewDocument
from resources import resource_path

ProgressCallback = Callable[[int, int], None]
TEMPLATE_ENV = "REVIEWDESK_WORD_TEMPLATE"
ACCENT = "1F3A5F"
CELL_STYLE = "ReviewDeskTableText"
CELL_MARGIN = 80  # twips left and right in a table cell (4 pt)
NUMBER_INDENT_CM = 1.3
_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_DOTX = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
_DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


class WordTemplateError(ValueError):
    """The partnership's Word template cannot be used."""


def word_template() -> Path | None:
    """The partnership's Word template, if one is given (see the module's docstring)."""
    given = os.environ.get(TEMPLATE_ENV, "").strip()
    if given:
        path = Path(given).expanduser()
        if not path.is_file():
            raise WordTemplateError(f"The Word template {path} (from {TEMPLATE_ENV}) is missing.")
        return path
    folder = resource_path("templates", "word")
    if folder.is_dir():
        found = sorted(p for p in folder.iterdir() if p.suffix.lower() in (".dotx", ".docx"))
        return found[0] if found else None
    return None


def _open(template: Path | None):
    from docx import Document

    if template is None:
        return Document()
    try:
        data = template.read_bytes()
        if template.suffix.lower() == ".dotx":  # python-docx opens documents, not templates
            data = _as_document(data)
        return Document(BytesIO(data))
    except (OSError, ValueError, KeyError, zipfile.BadZipFile) as exc:
        raise WordTemplateError(f"The Word template {template.name} cannot be used: {exc}") from exc


def _as_document(data: bytes) -> bytes:
    out = BytesIO()
    with (
        zipfile.ZipFile(BytesIO(data)) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for item in src.infolist():
            content = src.read(item.filename)
            if item.filename == "[Content_Types].xml":
                content = content.replace(_DOTX.encode(), _DOCX.encode())
            dst.writestr(item, content)
    return out.getvalue()


def write_review_docx(
    doc: ReviewDocument, path: Path, on_progress: ProgressCallback | None = None
) -> None:
    """Write ``doc`` as a Word document at ``path``."""
    from docx.enum.section import WD_ORIENT, WD_SECTION
    from docx.shared import Cm

    data = prepare(doc)
    total = len(data["sections"]) + 2
    if on_progress:
        on_progress(0, total)
    template = word_template()
    word = _open(template)
    body = word.element.body
    for child in list(body):
        if not child.tag.endswith("}sectPr"):
            body.remove(child)
    section = word.sections[0]
    if template is None:
        section.page_width, section.page_height = Cm(21), Cm(29.7)
        for side in ("left_margin", "right_margin"):
            setattr(section, side, Cm(2))
        section.top_margin, section.bottom_margin = Cm(2.2), Cm(2)
        _house_styles(word)
    _language(word, data["lang"])
    _properties(word, data)
    _furniture(word, section, data)
    _cover(word, data)
    tables = _Tables()
    if data["contents"]:
        word.add_paragraph("Contents", style=_style(word, "TOC Heading", "Heading 1"))
        _field(
            word.add_paragraph(), 'TOC \\o "1-2" \\h \\z \\u', "Right-click to update the contents."
        )
        _update_fields_on_open(word)
        word.add_page_break()
    for number, sec in enumerate(data["sections"], start=1):
        landscape = any(b["t"] == "timeline" for b in sec["blocks"])
        if landscape:
            new = word.add_section(WD_SECTION.NEW_PAGE)
            new.orientation = WD_ORIENT.LANDSCAPE
            new.page_width, new.page_height = section.page_height, section.page_width
        elif sec["appendix"] and number > 1:
            word.add_page_break()
        _section(word, sec, tables)
        if landscape:
            back = word.add_section(WD_SECTION.NEW_PAGE)
            back.orientation = WD_ORIENT.PORTRAIT
            back.page_width, back.page_height = section.page_width, section.page_height
        if on_progress:
            on_progress(number, total)
    tables.save(word, path)
    if on_progress:
        on_progress(total, total)


# ---- styles, properties, page furniture ----------------------------------------------------


def _style(word, name: str, fallback: str = "Normal"):
    try:
        return word.styles[name]
    except KeyError:
        return word.styles[fallback]


def _house_styles(word) -> None:
    """The look of ReviewDesk's own documents (a partnership's template keeps its own)."""
    from docx.shared import Pt, RGBColor

    normal = word.styles["Normal"]
    normal.font.name, normal.font.size = "Arial", Pt(11)
    normal.paragraph_format.space_after = Pt(6)
    for name, size in (("Title", 24), ("Heading 1", 15), ("Heading 2", 12.5), ("Heading 3", 11)):
        style = word.styles[name]
        style.font.name, style.font.size = "Arial", Pt(size)
        style.font.color.rgb = RGBColor.from_string(ACCENT)
        style.font.bold = True


def _language(word, lang: str) -> None:
    """en-GB for spelling and screen readers: the default run language of every style."""
    from docx.oxml import parse_xml

    styles = word.styles.element
    defaults = styles.find(_q("docDefaults"))
    if defaults is None:
        defaults = parse_xml(f"<w:docDefaults {_W}/>")
        styles.insert(0, defaults)
    rpr_default = defaults.find(_q("rPrDefault"))
    if rpr_default is None:
        rpr_default = parse_xml(f"<w:rPrDefault {_W}><w:rPr/></w:rPrDefault>")
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(_q("rPr"))
    for old in rpr.findall(_q("lang")):
        rpr.remove(old)
    rpr.append(parse_xml(f'<w:lang {_W} w:val="{lang}" w:eastAsia="{lang}" w:bidi="ar-SA"/>'))


def _q(tag: str) -> str:
    return f"{{http://schemas.openxmlformats.org/wordprocessingml/2006/main}}{tag}"


PROPERTY_LIMIT = 255  # characters: Word's core properties hold no more


def _fit(text: str) -> str:
    """A property value Word can hold: cut at a word before the limit, with an ellipsis."""
    if len(text) <= PROPERTY_LIMIT:
        return text
    cut = text[: PROPERTY_LIMIT - 1].rsplit(" ", 1)[0].rstrip(" ,;:-–")
    return cut + "…"


def _properties(word, data) -> None:
    props = word.core_properties
    props.title = _fit(data["document_title"])
    props.subject = _fit(data["description"])
    props.author = _fit(data["author"])
    props.last_modified_by = _fit(data["author"])
    props.keywords = _fit(data["keywords"])
    props.category = _fit(data["kind_label"])
    props.language = data["lang"]
    props.content_status = "Draft" if data["draft"] else "Final"
    props.comments = _fit(f"Protective marking: {data['marking']}" if data["marking"] else "")


def _furniture(word, section, data) -> None:
    from docx.enum.text import WD_TAB_ALIGNMENT
    from docx.shared import Pt

    width = section.page_width - section.left_margin - section.right_margin
    marking = " · ".join(m for m in (data["marking"], "DRAFT" if data["draft"] else "") if m)
    for part, left, right in (
        (section.header, data["header_left"], data["reference"]),
        (section.footer, data["footer_left"], None),
    ):
        paragraph = part.add_paragraph() if part.paragraphs[0].text else part.paragraphs[0]
        paragraph.style = word.styles["Normal"]  # no tab stops of its own
        paragraph.paragraph_format.space_after = Pt(0)
        stops = paragraph.paragraph_format.tab_stops
        stops.add_tab_stop(width // 2, WD_TAB_ALIGNMENT.CENTER)
        stops.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT)
        paragraph.add_run(left)
        paragraph.add_run("\t")
        paragraph.add_run(marking).bold = True
        paragraph.add_run("\t")
        if right is not None:
            paragraph.add_run(right)
        else:
            paragraph.add_run("Page ")
            _field(paragraph, "PAGE", "1")
            paragraph.add_run(" of ")
            _field(paragraph, "NUMPAGES", "1")
        for run in paragraph.runs:
            run.font.size = Pt(8)
    if data["draft"]:
        _watermark(section.header.paragraphs[0], "DRAFT")


_VML = (
    'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
    + _W
)
# Word's own text-watermark shape type (WordArt "plain text"), as Word writes it.
_TEXT_SHAPE = (
    '<v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136" adj="10800" '
    'path="m@7,l@8,m@5,21600l@6,21600e"><v:formulas>'
    + "".join(
        f'<v:f eqn="{eqn}"/>'
        for eqn in (
            "sum #0 0 10800",
            "prod #0 2 1",
            "sum 21600 0 @1",
            "sum 0 0 @2",
            "sum 21600 0 @3",
            "if @0 @3 0",
            "if @0 21600 @1",
            "if @0 0 @2",
            "if @0 @4 21600",
            "mid @5 @6",
            "mid @8 @5",
            "mid @7 @8",
            "mid @6 @7",
            "sum @6 0 @5",
        )
    )  # fmt: skip
    + '</v:formulas><v:path textpathok="t" o:connecttype="custom" '
    'o:connectlocs="@9,0;@10,10800;@11,21600;@12,10800" o:connectangles="270,180,90,0"/>'
    '<v:textpath on="t" fitshape="t"/><o:lock v:ext="edit" text="t" shapetype="t"/>'
    "</v:shapetype>"
)


def _watermark(paragraph, text: str) -> None:
    """A diagonal, pale text watermark behind every page's body, anchored in the header as
    Word's own Design > Watermark does, so Word and LibreOffice both draw it on every page."""
    from docx.oxml import parse_xml

    paragraph._p.append(
        parse_xml(
            f"<w:r {_VML}><w:pict>{_TEXT_SHAPE}"
            '<v:shape id="ReviewDeskWatermark" o:spid="_x0000_s2049" type="#_x0000_t136" '
            'style="position:absolute;margin-left:0;margin-top:0;width:470pt;height:150pt;'
            "rotation:315;z-index:-251657216;mso-position-horizontal:center;"
            "mso-position-horizontal-relative:margin;mso-position-vertical:center;"
            'mso-position-vertical-relative:margin" o:allowincell="f" fillcolor="#c8c8c8" '
            'stroked="f"><v:fill opacity=".45"/>'
            f'<v:textpath style="font-family:&quot;Liberation Sans&quot;;font-size:1pt" '
            f'string="{escape(text)}"/></v:shape></w:pict></w:r>'
        )
    )


def _field(paragraph, code: str, shown: str) -> None:
    """A Word field (PAGE, NUMPAGES, TOC) that Word fills in."""
    from docx.oxml import parse_xml

    for xml in (
        f'<w:r {_W}><w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r>',
        f'<w:r {_W}><w:instrText xml:space="preserve"> {escape(code)} </w:instrText></w:r>',
        f'<w:r {_W}><w:fldChar w:fldCharType="separate"/></w:r>',
        f"<w:r {_W}><w:t>{escape(shown)}</w:t></w:r>",
        f'<w:r {_W}><w:fldChar w:fldCharType="end"/></w:r>',
    ):
        paragraph._p.append(parse_xml(xml))


def _update_fields_on_open(word) -> None:
    from docx.oxml import parse_xml

    settings = word.settings.element
    if settings.find(_q("updateFields")) is None:
        settings.append(parse_xml(f'<w:updateFields {_W} w:val="true"/>'))


# ---- content --------------------------------------------------------------------------------


def _cover(word, data) -> None:
    from docx.shared import Pt

    if data["partnership"]:
        word.add_paragraph(data["partnership"])
    kind = word.add_paragraph(style=_style(word, "Subtitle"))
    kind.add_run(data["kind_label"]).bold = True
    word.add_paragraph(data["title"], style=_style(word, "Title"))
    if data["subject"]:
        word.add_paragraph(data["subject"], style=_style(word, "Subtitle"))
    for label, value in data["details"]:
        line = word.add_paragraph()
        line.paragraph_format.space_after = Pt(2)
        line.add_run(f"{label}: ").bold = True
        line.add_run(value)
    if data["cover"] == "page":
        word.add_page_break()


def _section(word, sec, tables: "_Tables") -> None:
    from docx.shared import Cm, Pt

    word.add_paragraph(sec["heading"], style=_style(word, "Heading 1"))
    for block in sec["blocks"]:
        kind = block["t"]
        if kind == "p":
            paragraph = word.add_paragraph()
            if block["n"]:
                fmt = paragraph.paragraph_format
                fmt.left_indent, fmt.first_line_indent = Cm(NUMBER_INDENT_CM), Cm(-NUMBER_INDENT_CM)
                fmt.tab_stops.add_tab_stop(Cm(NUMBER_INDENT_CM))
                paragraph.add_run(block["n"] + "\t").bold = True
            paragraph.add_run(block["text"])
        elif kind == "h2":
            word.add_paragraph(block["text"], style=_style(word, "Heading 2"))
        elif kind == "ul":
            _list(word, block)
        elif kind == "note":
            _text(word.add_paragraph(), block["text"], italic=True)
        elif kind == "callout":
            if block["title"]:
                word.add_paragraph(block["title"], style=_style(word, "Heading 2"))
            for part in block["parts"]:
                if part["t"] == "ul":
                    _list(word, part)
                else:
                    paragraph = word.add_paragraph(style=_style(word, "Intense Quote", "Quote"))
                    paragraph.add_run(part["text"])
        elif kind == "table":
            if block["caption"]:
                word.add_paragraph(block["caption"], style=_style(word, "Caption"))
            tables.add(word, block)
            word.add_paragraph().paragraph_format.space_after = Pt(2)
        elif kind == "timeline":
            _timeline(word, block)


def _list(word, block) -> None:
    """A list in Word's list styles (level 2 for a nested list); each numbered list starts
    again at 1 in Word, rather than carrying on from the list before."""
    style = "List Number" if block.get("numbered") else "List Bullet"
    restart = _fresh_numbering(word, style) if block.get("numbered") else None
    for item in block["items"]:
        paragraph = word.add_paragraph(style=_style(word, style))
        _number_with(paragraph, restart)
        if item["lead"]:
            paragraph.add_run(item["lead"] + (": " if item["text"] else "")).bold = True
        _text(paragraph, item["text"])
        sub = item.get("sub") or {}
        level = "List Number 2" if sub.get("numbered") else "List Bullet 2"
        inner_restart = _fresh_numbering(word, level) if sub.get("numbered") else None
        for inner in sub.get("items", ()):
            inner_paragraph = word.add_paragraph(style=_style(word, level, style))
            _number_with(inner_paragraph, inner_restart)
            _text(inner_paragraph, inner["text"])


def _fresh_numbering(word, style_name: str) -> int | None:
    """A new numbering instance of the style's own list, restarting at 1 (None when the
    style, a partnership's say, has no numbering of its own)."""
    try:
        element = word.styles[style_name].element
        numbering = word.part.numbering_part.element
    except (KeyError, NotImplementedError):
        return None
    ppr = element.pPr
    if ppr is None or ppr.numPr is None or ppr.numPr.numId is None:
        return None
    num = numbering.num_having_numId(ppr.numPr.numId.val)
    fresh = numbering.add_num(num.abstractNumId.val)
    level = ppr.numPr.ilvl.val if ppr.numPr.ilvl is not None else 0
    fresh.add_lvlOverride(ilvl=level).add_startOverride(1)
    return fresh.numId


def _number_with(paragraph, num_id: int | None) -> None:
    if num_id is not None:
        paragraph._p.get_or_add_pPr().get_or_add_numPr().get_or_add_numId().val = num_id


def _text(paragraph, text: str, *, italic: bool = False) -> None:
    """Text whose newlines are line breaks, in one paragraph."""
    for i, line in enumerate(text.split("\n")):
        run = paragraph.add_run(line)
        run.italic = italic or None
        if i:
            run._r.insert(0, run._r.makeelement(_q("br"), {}))


def _cell_xml(text: str, rpr: str = "", fill: str = "") -> str:
    """One table cell: its lines as runs with line breaks between them."""
    runs = "<w:r><w:br/></w:r>".join(
        f'<w:r>{rpr}<w:t xml:space="preserve">{escape(line)}</w:t></w:r>'
        for line in text.split("\n")
    )
    shade = (
        f'<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{fill}"/></w:tcPr>' if fill else ""
    )
    return f'<w:tc>{shade}<w:p><w:pPr><w:pStyle w:val="{CELL_STYLE}"/></w:pPr>{runs}</w:p></w:tc>'


def _cell_style(word, size: float) -> None:
    """The paragraph style of table cells (no spacing, small type), added once."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.shared import Pt

    if any(s.style_id == CELL_STYLE for s in word.styles):
        return
    style = word.styles.add_style("Table text", WD_STYLE_TYPE.PARAGRAPH)
    style.element.set(_q("styleId"), CELL_STYLE)
    style.base_style = word.styles["Normal"]
    style.font.size = Pt(size)
    fmt = style.paragraph_format
    fmt.space_before, fmt.space_after, fmt.line_spacing = Pt(0), Pt(1), 1.0


class _Tables:
    """Tables written as WordprocessingML text and put in place of a marker paragraph when the
    file is saved: python-docx's own table API, or parsing the XML into its tree, takes minutes
    and gigabytes for a 50,000-entry chronology."""

    def __init__(self) -> None:
        self.token = uuid.uuid4().hex
        self.xml: list[str] = []

    def add(self, word, block) -> None:
        from reports.table_widths import column_widths

        section = word.sections[-1]
        room = (section.page_width - section.left_margin - section.right_margin) / 12700  # pt
        size = 16 if block["dense"] else 17  # half-points
        # Measured again for Word's own type (the PDF's condensed face is not there), with
        # DejaVu Sans's metrics: wider than Word's usual faces, so a date always fits.
        points = column_widths(
            block["columns"], block["rows"], room, size=size / 2, padding=2 * CELL_MARGIN / 20
        )
        widths = [max(200, int(w * 20)) for w in points]
        _cell_style(word, 8.5)
        grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
        bold = f'<w:rPr><w:b/><w:color w:val="FFFFFF"/><w:sz w:val="{size}"/></w:rPr>'
        plain = f'<w:rPr><w:sz w:val="{size}"/></w:rPr>' if block["dense"] else ""
        header = "".join(_cell_xml(c, bold, ACCENT) for c in block["columns"])
        style = ""
        if any(s.style_id == "TableGrid" for s in word.styles):
            style = '<w:tblStyle w:val="TableGrid"/>'
        caption = escape(block["caption"] or "Table", {'"': "&quot;"})
        parts = [
            f'<w:tbl><w:tblPr>{style}<w:tblW w:w="{sum(widths)}" w:type="dxa"/>'
            f'<w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="{CELL_MARGIN}" w:type="dxa"/>'
            f'<w:right w:w="{CELL_MARGIN}" w:type="dxa"/></w:tblCellMar>'
            f'<w:tblCaption w:val="{caption}"/></w:tblPr>'
            f"<w:tblGrid>{grid}</w:tblGrid>"
            f"<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>{header}</w:tr>"
        ]
        parts += [
            "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
            + "".join(_cell_xml(v, plain) for v in row)
            + "</w:tr>"
            for row in block["rows"]
        ]
        parts.append("</w:tbl>")
        word.add_paragraph(self.marker(len(self.xml)))
        self.xml.append("".join(parts))

    def marker(self, number: int) -> str:
        return f"{self.token}-{number}"

    def save(self, word, path: Path) -> None:
        buffer = BytesIO()
        word.save(buffer)
        with (
            zipfile.ZipFile(buffer) as src,
            zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=5) as dst,
        ):
            for item in src.infolist():
                data = src.read(item.filename)
                if item.filename == "word/document.xml" and self.xml:
                    data = self._fill(data.decode("utf-8")).encode("utf-8")
                dst.writestr(item, data, compress_type=zipfile.ZIP_DEFLATED)

    def _fill(self, xml: str) -> str:
        pieces, rest = [], xml
        for number, table in enumerate(self.xml):
            marker = f"<w:p><w:r><w:t>{self.marker(number)}</w:t></w:r></w:p>"
            before, found, rest = rest.partition(marker)
            if not found:
                raise RuntimeError("A table's place in the Word document was lost.")
            pieces += [before, table]
        pieces.append(rest)
        return "".join(pieces)


def _timeline(word, block) -> None:
    from docx.shared import Cm

    from reports.review_pdf import compile_typst

    if block["caption"]:
        word.add_paragraph(block["caption"], style=_style(word, "Caption"))
    png = compile_typst(
        resource_path("typst", "picture.typ"), {"svg": block["svg"]}, fmt="png", ppi=200
    )
    section = word.sections[-1]
    width = section.page_width - section.left_margin - section.right_margin
    room = section.page_height - section.top_margin - section.bottom_margin - Cm(3)
    if width * block["aspect"] > room:
        width = int(room / block["aspect"])
    word.add_picture(BytesIO(png if isinstance(png, bytes) else png[0]), width=width)
    inline = word.paragraphs[-1]._p.xpath(".//wp:docPr")[0]
    inline.set("descr", block["alt"])
    inline.set("title", block["caption"] or "Timeline")
