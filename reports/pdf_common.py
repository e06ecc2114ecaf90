"""Pieces every ReviewDesk PDF shares: safe paragraph text, styles, page furniture, the template.

- ``para(text)`` turns user text into Paragraph markup that shows it literally.
- ``PageFurniture`` draws the protective marking (top and bottom centre), running header,
  reference and "Page X of Y" on every page, plus an optional watermark (e.g. DRAFT).
- ``FurnishedCanvas`` draws that furniture once the page count is known, without holding
  pages back, so bookmarks, outlines and internal links keep pointing at the right pages.
- ``ReviewDocTemplate`` is a one-frame document with the furniture, metadata and en-GB
  language; ``build_furnished()`` returns the page count. Subclass it (``afterFlowable``)
  for bookmarks or a table of contents; ``multiBuild`` works with the same canvas.
"""

from dataclasses import dataclass
from functools import partial
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph

from reports.fonts import SANS, register_fonts
from reports.text import one_line, plain

# Text colours chosen for contrast on white (all above 7:1) and on the header fill.
INK = colors.HexColor("#1A1A1A")
MUTED = colors.HexColor("#4D4D4D")
RULE = colors.HexColor("#9A9A9A")
ACCENT = colors.HexColor("#1F3A5F")  # dark blue: table header fill, headings
WATERMARK = colors.HexColor("#D0D0D0")


# C0 controls (bar tab/newlines) and DEL have no glyph; show them as U+FFFD, never drop them.
def para(text: object) -> str:
    """User text as Paragraph markup that renders literally: escaped, newlines as <br/>."""
    return escape(plain(text)).replace("\n", "<br/>")


PIECE = 3000  # characters of text per Paragraph when a long text is laid out


class LongTextParagraph(Paragraph):
    """A Paragraph that remembers its size at the last width it was wrapped to.

    A long table cell is measured again on every page it continues onto; with the text in
    pieces of this class each piece is broken into lines once, so a megabyte entry takes
    time in proportion to its length, not to its square.
    """

    _size_at: tuple[float, tuple[float, float]] | None = None

    def wrap(self, availWidth, availHeight):
        if self._size_at is not None and self._size_at[0] == availWidth and "blPara" in vars(self):
            return self._size_at[1]
        size = super().wrap(availWidth, availHeight)
        self._size_at = (availWidth, size)
        return size

    def split(self, availWidth, availHeight):
        parts = super().split(availWidth, availHeight)
        for part in parts:  # the halves of a cut piece remember their size too
            if type(part) is Paragraph:
                part.__class__ = LongTextParagraph
        return parts


def text_pieces(text: object, limit: int = PIECE) -> list[str]:
    """Plain text in pieces of about ``limit`` characters, cut at line ends, else at spaces."""
    text = plain(text)
    if len(text) <= limit:
        return [text]
    pieces: list[str] = []
    current: list[str] = []
    size = 0
    for line in text.split("\n"):
        while len(line) > limit:  # one very long line: cut at the last space before the limit
            cut = line.rfind(" ", 0, limit)
            cut = cut if cut > limit // 2 else limit
            if current:
                pieces.append("\n".join(current))
                current, size = [], 0
            pieces.append(line[:cut])
            line = line[cut:].lstrip(" ")
        if size + len(line) > limit and current:
            pieces.append("\n".join(current))
            current, size = [], 0
        current.append(line)
        size += len(line) + 1
    if current:
        pieces.append("\n".join(current))
    return pieces


def paragraphs(text: object, style, prefix: str = "") -> list[Paragraph]:
    """User text as one Paragraph, or several when it is long (``prefix``: markup before it)."""
    pieces = text_pieces(text)
    if len(pieces) == 1:
        return [Paragraph(prefix + para(pieces[0]), style)]
    rest = _continued(style)
    made = [LongTextParagraph(para(piece), rest) for piece in pieces]
    made[0] = LongTextParagraph(prefix + para(pieces[0]), style)
    return made


_CONTINUED: dict[int, ParagraphStyle] = {}


def _continued(base: ParagraphStyle) -> ParagraphStyle:
    """The style for the pieces after the first: no space before, so the text runs on."""
    made = _CONTINUED.get(id(base))
    if made is None or made.parent is not base:
        made = ParagraphStyle(f"{base.name}Continued", parent=base, spaceBefore=0)
        _CONTINUED[id(base)] = made
    return made


def fit_text(text: str, font: str, size: float, width: float) -> str:
    """``text`` shortened with an ellipsis so it is no wider than ``width``."""
    if stringWidth(text, font, size) <= width:
        return text
    low, high = 0, len(text)  # the longest prefix that fits with the ellipsis
    while low < high:
        middle = (low + high + 1) // 2
        if stringWidth(text[:middle] + "…", font, size) <= width:
            low = middle
        else:
            high = middle - 1
    return text[:low].rstrip() + "…"


def style(
    name: str,
    size: float,
    *,
    bold: bool = False,
    italic: bool = False,
    leading: float | None = None,
    color=INK,
    family=SANS,
    **kwargs,
) -> ParagraphStyle:
    """A ParagraphStyle in one of the shipped families (registered on first use)."""
    register_fonts()
    face = {
        (False, False): family.regular,
        (True, False): family.bold,
        (False, True): family.italic,
        (True, True): family.bold_italic,
    }[(bold, italic)]
    return ParagraphStyle(
        name,
        fontName=face,
        fontSize=size,
        leading=leading if leading is not None else round(size * 1.25, 1),
        textColor=color,
        alignment=kwargs.pop("alignment", TA_LEFT),
        **kwargs,
    )


@dataclass(frozen=True)
class PageFurniture:
    """What is printed around the body of every page.

    ``draw`` runs when the page count is known and must use opaque colours only (it is
    added to finished pages); ``draw_underlay`` runs as each page starts, beneath the body.
    """

    marking: str = ""  # protective marking, e.g. OFFICIAL-SENSITIVE; "" prints none
    header_left: str = ""  # e.g. the document's name and subject
    header_right: str = ""
    footer_left: str = ""  # e.g. the review reference
    watermark: str = ""  # e.g. DRAFT, drawn diagonally beneath the body
    side_margin: float = 15 * mm
    header_baseline: float = 10 * mm  # from the top edge
    footer_baseline: float = 8 * mm  # from the bottom edge
    font_size: float = 8

    # Space the body frame must leave free at the top and bottom of the page.
    @property
    def top_band(self) -> float:
        return self.header_baseline + 6 * mm

    @property
    def bottom_band(self) -> float:
        return self.footer_baseline + 7 * mm

    def draw(self, canvas: Canvas, page: int, pages: int, width: float, height: float) -> None:
        """Header and footer of one page (``page`` of ``pages``)."""
        size = self.font_size
        left, right = self.side_margin, width - self.side_margin
        top_y, bottom_y = height - self.header_baseline, self.footer_baseline
        marking = one_line(self.marking).upper()
        marking_w = stringWidth(marking, SANS.bold, size + 1) if marking else 0
        # Left and right texts get what the centred marking leaves free.
        side_w = (right - left - marking_w) / 2 - 4 * mm

        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(left, top_y - 2.2 * mm, right, top_y - 2.2 * mm)
        canvas.line(left, bottom_y + 3.6 * mm, right, bottom_y + 3.6 * mm)

        canvas.setFillColor(MUTED)
        canvas.setFont(SANS.regular, size)
        if self.header_left:
            canvas.drawString(left, top_y, self._fit(self.header_left, side_w))
        if self.header_right:
            canvas.drawRightString(right, top_y, self._fit(self.header_right, side_w))
        if self.footer_left:
            canvas.drawString(left, bottom_y, self._fit(self.footer_left, side_w))
        canvas.drawRightString(right, bottom_y, f"Page {page} of {pages}")

        if marking:
            canvas.setFillColor(INK)
            canvas.setFont(SANS.bold, size + 1)
            canvas.drawCentredString(width / 2, top_y, marking)
            canvas.drawCentredString(width / 2, bottom_y, marking)

    def draw_underlay(self, canvas: Canvas, width: float, height: float) -> None:
        """The watermark, if any, beneath the page's body."""
        if not self.watermark:
            return
        text = one_line(self.watermark).upper()
        canvas.saveState()
        canvas.setFillColor(WATERMARK)
        canvas.setFillAlpha(0.5)
        canvas.translate(width / 2, height / 2)
        canvas.rotate(35)
        size = min(120.0, 0.9 * (width**2 + height**2) ** 0.5 / max(1, len(text)) / 0.7)
        canvas.setFont(SANS.bold, size)
        canvas.drawCentredString(0, -size / 3, text)
        canvas.restoreState()

    def _fit(self, text: str, width: float) -> str:
        return fit_text(one_line(text), SANS.regular, self.font_size, max(width, 10 * mm))


class FurnishedCanvas(Canvas):
    """A canvas that adds ``PageFurniture`` to every page when the document is saved.

    Each finished page goes into the document at once (so bookmarks and links resolve to
    the right page); on save, when "Page X of Y" can be known, the furniture's drawing
    operators are put in front of each page's content stream.
    """

    def __init__(self, *args, furniture: PageFurniture, **kwargs):
        super().__init__(*args, **kwargs)
        self._furniture = furniture
        self._finished_pages: list = []
        self.page_count = 0

    def showPage(self):
        super().showPage()
        self._finished_pages.append(self._doc.Pages.pages[-1])

    def save(self):
        if len(self._code):
            self.showPage()
        self._furnish()
        super().save()

    def _furnish(self) -> None:
        pages = self._finished_pages
        self.page_count = len(pages)
        for number, page in enumerate(pages, 1):
            # Draw from a fresh graphics state into an empty code list, then splice it in.
            self._code = []
            self.init_graphics_state()
            self.state_stack = []
            self.saveState()
            self._furniture.draw(self, number, len(pages), page.pagewidth, page.pageheight)
            self.restoreState()
            # Opening the page stream, the graphics state is the PDF default, and the
            # furniture restores it (q ... Q), so the page's own code runs as before.
            page.stream = "\n".join(self._code) + "\n" + page.stream
        self._code = []
        self.init_graphics_state()
        self.state_stack = []


def furnished_canvas(furniture: PageFurniture):
    """A ``canvasmaker`` for ``build``/``multiBuild`` that adds ``furniture`` to each page."""
    return partial(FurnishedCanvas, furniture=furniture)


@dataclass(frozen=True)
class DocumentInfo:
    """PDF metadata (what a reader's File > Properties shows)."""

    title: str
    subject: str = ""
    keywords: tuple[str, ...] = ()
    author: str = "ReviewDesk"
    lang: str = "en-GB"


class ReviewDocTemplate(BaseDocTemplate):
    """One body frame between the furniture bands, with metadata and the document language."""

    def __init__(
        self,
        path: Path | str,
        *,
        furniture: PageFurniture,
        info: DocumentInfo,
        pagesize=A4,
        **kwargs,
    ):
        register_fonts()
        super().__init__(
            str(path),
            pagesize=pagesize,
            leftMargin=furniture.side_margin,
            rightMargin=furniture.side_margin,
            topMargin=furniture.top_band,
            bottomMargin=furniture.bottom_band,
            title=one_line(info.title),
            author=one_line(info.author),
            subject=one_line(info.subject),
            creator="ReviewDesk",
            keywords=[one_line(k) for k in info.keywords if k],
            lang=info.lang,
            displayDocTitle=True,
            initialFontName=SANS.regular,
            **kwargs,
        )
        self.furniture = furniture
        body = Frame(
            self.leftMargin,
            self.bottomMargin,
            self.width,
            self.height,
            id="body",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        self.addPageTemplates(
            [PageTemplate(id="body", frames=[body], onPage=self._underlay, pagesize=pagesize)]
        )

    def _underlay(self, canvas: Canvas, doc) -> None:
        self.furniture.draw_underlay(canvas, *self.pagesize)

    def build_furnished(self, flowables: list, *, passes: int = 1) -> int:
        """Lay out ``flowables`` with the furniture on every page; return the page count.

        ``passes`` > 1 uses ``multiBuild`` (up to that many passes), which a table of
        contents or cross-references need.
        """
        canvasmaker = furnished_canvas(self.furniture)
        if passes > 1:
            self.multiBuild(flowables, maxPasses=passes, canvasmaker=canvasmaker)
        else:
            self.build(flowables, canvasmaker=canvasmaker)
        return self.canv.page_count
