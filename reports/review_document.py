"""The review's documents (Overview Report, Executive Summary, learning brief) as A4 PDFs.

Layout: a cover page, a contents page (when ``doc.contents``), then the sections. Sections
are numbered 1, 2, 3…, appendices lettered (Appendix A) and each starts a new page. Section
numbers and paragraph numbers ("3.1", "3.2"…) hang in a left gutter so the text column has
one clean left edge; tables and the timeline sit in that text column too. Paragraph numbers
run through a whole section (several Paragraphs blocks, across Subheadings); appendix
paragraphs are unnumbered.

Text: everything from ``doc`` is user text and shows literally (escaped, never markup).
A newline in a ``Paragraphs`` text starts a new paragraph, which gets its own number (blank
lines are skipped), so a pasted multi-paragraph text numbers like typed paragraphs. Within
bullets, notes and table cells a newline is a line break; in headings and on the cover's
one-line fields it is a space.

Contents: page numbers come from a first pass into memory that records where each heading
falls; the second pass writes the file (a third only if the numbers moved, which fixed
width page-number cells prevent). Every pass lays the story out afresh: a ``PagedTable``
is consumed as it is laid out, so a story cannot be reused as ``multiBuild`` would.

Headings keep with what follows by needing room for themselves and the start of the next
block (three lines, a table's header and first rows, a timeline's first lanes), not the
whole block as reportlab's KeepTogether would: that pushes a heading before a long table
onto a fresh page and leaves the rest of the page empty.

Limitations: as in the chronology PDF, Arabic and other joining scripts are drawn unjoined
in logical order (searchable, in the text layer); characters DejaVu Sans lacks show as
boxes. The PDF is not tagged (reportlab cannot), but has an outline, a language and a title.
"""

from collections.abc import Callable
from dataclasses import dataclass, replace
from io import BytesIO
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    HRFlowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.doctemplate import FrameBreak

from reports.fonts import SANS, SANS_CONDENSED
from reports.pdf_common import (
    ACCENT,
    MUTED,
    RULE,
    DocumentInfo,
    PageFurniture,
    ReviewDocTemplate,
    one_line,
    para,
    paragraphs,
    plain,
    style,
)
from reports.pdf_table import Padding, PagedRow, PagedTable, measure_row, split_cell
from reports.review_document_data import (
    Bullets,
    Note,
    Paragraphs,
    ReviewDocument,
    Section,
    Subheading,
    Timeline,
)
from reports.review_document_data import (
    Table as TableBlock,
)
from reports.timeline_drawing import TimelineFlowable

ProgressCallback = Callable[[int, int], None]

SIDE_MARGIN = 20 * mm
GUTTER = 13 * mm  # section and paragraph numbers hang here
BODY_SIZE = 10.5
BODY_LEADING = round(BODY_SIZE * 1.35, 2)
LEAD_ROOM = 3 * BODY_LEADING + 4  # a heading needs this much of what follows below it
TABLE_LEAD = 64  # a caption needs the table header and a row or two below it
PAGE_COLUMN = 16 * mm  # page numbers on the contents page
MAX_PASSES = 4
CELL_PADDING = Padding(left=4, right=4, top=3, bottom=4)
CONTINUED = "(continued…)"

_TABLE_COMMANDS = (
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ("BACKGROUND", (0, 0), (-1, 0), ACCENT),
    ("LINEBELOW", (0, 1), (-1, -1), 0.4, RULE),
)


class _Styles:
    def __init__(self) -> None:
        column = dict(leftIndent=GUTTER)  # the text column, right of the numbers
        prose = dict(leading=BODY_LEADING, allowWidows=0)
        heading = dict(bold=True, color=ACCENT, keepWithNext=1)
        hang = dict(bulletIndent=0, bulletFontName=SANS.bold)
        body = dict(spaceAfter=7, **column, **prose)
        self.body = style("RdBody", BODY_SIZE, **body)
        self.numbered = style("RdNumbered", BODY_SIZE, bulletFontSize=BODY_SIZE, **hang, **body)
        bullet_at = dict(leftIndent=GUTTER + 5 * mm, bulletIndent=GUTTER + 1 * mm)
        self.bullet = style("RdBullet", BODY_SIZE, spaceAfter=3, **bullet_at, **prose)
        note = dict(italic=True, color=MUTED, spaceBefore=2, spaceAfter=8)
        self.note = style("RdNote", BODY_SIZE - 0.5, **note, **column, **prose)
        h1 = dict(leading=19, spaceBefore=20, spaceAfter=9, bulletFontSize=15)
        self.h1 = style("RdH1", 15, **h1, **hang, **heading, **column)
        self.appendix = style("RdAppendix", 15, leading=19, spaceBefore=4, spaceAfter=12, **heading)
        self.h2 = style("RdH2", 12, leading=15.5, spaceBefore=12, spaceAfter=5, **heading, **column)
        caption = dict(leading=12.5, keepWithNext=1, **column)
        self.caption = style("RdCaption", 9.5, bold=True, spaceBefore=6, spaceAfter=5, **caption)
        self.figure_note = style("RdFigure", 9.5, color=MUTED, spaceAfter=8, **caption)
        self.cell = style("RdCell", 9, leading=11.5)
        self.cell_condensed = style("RdCellC", 9, leading=11.5, family=SANS_CONDENSED)
        self.cell_header = style("RdCellH", 9, bold=True, color=colors.white, leading=11.5)
        self.cell_marker = style("RdCellM", 8, italic=True, color=MUTED, leading=10)
        self.contents_title = style("RdContents", 17, leading=21, spaceAfter=14, **heading)
        self.toc0 = style("RdToc0", BODY_SIZE, bold=True, leading=13.5)
        self.toc1 = style("RdToc1", 9.5, leading=12, leftIndent=5 * mm, color=MUTED)
        self.toc_page = style("RdTocPage", BODY_SIZE, leading=13.5, alignment=TA_RIGHT)
        self.cover_kicker = style("RdCoverKicker", 11, color=MUTED, leading=15)
        self.cover_kind = style("RdCoverKind", 13, leading=17, spaceAfter=8, **heading)
        self.cover_title = style("RdCoverTitle", 25, leading=31, spaceAfter=8, **heading)
        self.cover_subject = style("RdCoverSubject", 15, leading=20)
        self.cover_label = style("RdCoverLabel", 9.5, color=MUTED, leading=13)
        self.cover_value = style("RdCoverValue", BODY_SIZE, leading=13.5)


# ---- headings: numbering, outline, contents ----------------------------------------------


@dataclass(frozen=True)
class _Heading:
    key: str  # the bookmark's name
    level: int  # 0 section, 1 subheading
    label: str  # "3" or "Appendix A" for sections, "" for subheadings
    title: str

    @property
    def outline_title(self) -> str:
        if self.label.startswith("Appendix"):
            return f"{self.label}: {self.title}"
        return f"{self.label} {self.title}".strip()


def _letters(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    text = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        text = chr(65 + rest) + text
    return text


def _section_labels(sections: tuple[Section, ...]) -> list[str]:
    labels, numbered, lettered = [], 0, 0
    for section in sections:
        if section.appendix:
            labels.append(f"Appendix {_letters(lettered)}")
            lettered += 1
        else:
            numbered += 1
            labels.append(str(numbered))
    return labels


def _headings(doc: ReviewDocument) -> list[_Heading]:
    """Every heading of the document in order, with its bookmark key."""
    found = []
    for i, (section, label) in enumerate(
        zip(doc.sections, _section_labels(doc.sections), strict=True)
    ):
        found.append(_Heading(f"s{i}", 0, label, one_line(section.title) or "Untitled section"))
        subs = (b for b in section.blocks if isinstance(b, Subheading))
        for j, sub in enumerate(subs):
            found.append(_Heading(f"s{i}.{j}", 1, "", one_line(sub.text) or "Untitled"))
    return found


class _Anchor(Flowable):
    """Marks where a heading starts (zero height): the template bookmarks it and notes the page."""

    def __init__(self, heading: _Heading):
        super().__init__()
        self.heading, self.top = heading, 0.0
        self.keepWithNext = 1  # stays in the heading's keep-with-next group

    def wrap(self, availWidth, availHeight):
        return 0, 0

    def draw(self):
        self.top = self.canv.absolutePosition(0, 0)[1]


class _KeepWithNext(KeepTogether):
    """keepWithNext that needs room for the headings and only the start of what follows."""

    def wrap(self, aW, aH):
        # KeepTogether measures its content at unlimited height, which would make every row
        # of a long PagedTable at once; measure in split, against the room there is.
        self._wrapInfo = aW, aH
        return aW, 0xFFFFFF  # never fits whole: the frame asks for a split

    def split(self, aW, aH):
        *heads, last = content = list(self._content)
        need = 0.0
        for item in heads:
            need += item.wrapOn(self.canv, aW, aH)[1] + item.getSpaceBefore()
            need += item.getSpaceAfter()
        height = last.wrapOn(self.canv, aW, aH)[1]
        lead = getattr(last, "min_lead", None)
        need += last.getSpaceBefore() + min(height, lead if lead is not None else LEAD_ROOM)
        frame = self._doctemplateAttr("frame")
        if need > aH and not getattr(frame, "_atTop", True):
            return [FrameBreak(), *content]
        return content


class _Indented(Flowable):
    """Another flowable moved right by ``left`` (into the text column), split alike."""

    def __init__(self, inner: Flowable, left: float):
        super().__init__()
        self.inner, self.left = inner, left

    @property
    def min_lead(self) -> float | None:
        return getattr(self.inner, "min_lead", TABLE_LEAD)

    def wrap(self, availWidth, availHeight):
        width, self.height = self.inner.wrapOn(self.canv, availWidth - self.left, availHeight)
        self.width = width + self.left
        return self.width, self.height

    def split(self, availWidth, availHeight):
        parts = self.inner.splitOn(self.canv, availWidth - self.left, availHeight)
        return [_Indented(part, self.left) for part in parts]

    def draw(self):
        self.inner.drawOn(self.canv, self.left, 0)

    def getSpaceBefore(self):
        return self.inner.getSpaceBefore()

    def getSpaceAfter(self):
        return self.inner.getSpaceAfter()


# ---- the template and the passes ---------------------------------------------------------


class _Progress:
    def __init__(self, callback: ProgressCallback | None, total: int) -> None:
        self.callback, self.total, self.done = callback, total, -1

    def report(self, done: int) -> None:
        done = min(max(done, self.done), self.total)
        if done != self.done and self.callback is not None:
            self.callback(done, self.total)
        self.done = done


class _SectionSteps:
    """Reports one step of progress per section laid out in a pass."""

    def __init__(self, progress: _Progress, base: int, sections: int) -> None:
        self.progress, self.done, self.last = progress, base, base + sections

    def __call__(self) -> None:
        self.done = min(self.done + 1, self.last)
        self.progress.report(self.done)


class _CoverlessHeader(PageFurniture):
    """The furniture without the running header on the cover (marking and page stay)."""

    def draw(self, canvas, page, pages, width, height):
        if page == 1:
            plain_cover = replace(self, header_left="", header_right="", footer_left="")
            return PageFurniture.draw(plain_cover, canvas, page, pages, width, height)
        return super().draw(canvas, page, pages, width, height)


class _HeadingsPlaced(Exception):
    """Ends a measuring pass early: every heading's page is known."""


class _ReviewTemplate(ReviewDocTemplate):
    """Bookmarks each heading, adds it to the outline, and notes its page."""

    def __init__(self, target, *, furniture, info, on_section: Callable[[], None], measuring=0):
        super().__init__(
            target if isinstance(target, str | Path) else "review.pdf",
            furniture=furniture,
            info=info,
            pagesize=A4,
            keepTogetherClass=_KeepWithNext,
        )
        if not isinstance(target, str | Path):
            self.filename = target  # the measuring pass writes into memory
        self.heading_pages: dict[str, int] = {}
        self.on_section = on_section
        self.measuring = measuring  # a measuring pass stops once this many headings are placed

    def handle_documentBegin(self):
        super().handle_documentBegin()
        self.canv.showOutline()  # open with the outline (bookmarks) pane showing

    def afterFlowable(self, flowable):
        if not isinstance(flowable, _Anchor):
            return
        heading, canv = flowable.heading, self.canv
        canv.bookmarkPage(heading.key, fit="XYZ", left=0, top=flowable.top + 4)
        canv.addOutlineEntry(heading.outline_title, heading.key, level=heading.level)
        self.heading_pages[heading.key] = canv.getPageNumber()
        if heading.level == 0:
            self.on_section()
        if self.measuring and len(self.heading_pages) == self.measuring:
            raise _HeadingsPlaced  # nothing after the last heading moves a page number


def write_review_document(
    doc: ReviewDocument, path: Path, *, on_progress: ProgressCallback | None = None
) -> int:
    """Write ``doc`` as an A4 PDF at ``path`` and return its page count.

    ``on_progress(done, total)`` is called from (0, total) to (total, total) as the
    sections are laid out in each pass.
    """
    styles = _Styles()
    headings = _headings(doc)
    sections = max(1, len(doc.sections))
    progress = _Progress(on_progress, sections * (2 if doc.contents else 1))
    progress.report(0)
    pages: dict[str, int] | None = None if doc.contents else {}
    for attempt in range(MAX_PASSES):
        # The first pass of a document with contents only measures (into memory, and only
        # as far as the last heading); the next writes the file with the page numbers.
        measuring = pages is None
        base = min(attempt, 1) * sections
        template = _ReviewTemplate(
            BytesIO() if measuring else path,
            furniture=_furniture(doc),
            info=_info(doc),
            on_section=_SectionSteps(progress, base, sections),
            measuring=len(headings) if measuring else 0,
        )
        story = _story(doc, styles, headings, pages, template.width)
        try:
            count = template.build_furnished(story)
        except _HeadingsPlaced:
            pass
        progress.report(base + sections)
        if not measuring and (
            not doc.contents or template.heading_pages == pages or attempt == MAX_PASSES - 1
        ):
            break
        pages = template.heading_pages
    progress.report(progress.total)
    return count


def _furniture(doc: ReviewDocument) -> PageFurniture:
    subject = one_line(doc.subject)
    return _CoverlessHeader(
        marking=doc.protective_marking,
        header_left=f"{doc.kind_label}: {subject}" if subject else doc.kind_label,
        header_right=doc.review_reference,
        footer_left=" · ".join(t for t in (doc.review_reference, doc.version_label) if t),
        watermark="DRAFT" if doc.draft else "",
        side_margin=SIDE_MARGIN,
        header_baseline=13 * mm,
        footer_baseline=11 * mm,
    )


def _info(doc: ReviewDocument) -> DocumentInfo:
    title = " ".join(one_line(t) for t in (doc.review_reference, doc.title) if one_line(t))
    about = " – ".join(one_line(t) for t in (doc.review_type, doc.subject) if one_line(t))
    return DocumentInfo(
        title=f"{doc.kind_label}: {title}" if title else doc.kind_label,
        subject=f"{doc.kind_label}: {about}" if about else doc.kind_label,
        keywords=(doc.protective_marking, doc.review_reference, doc.kind_label),
        lang=doc.language or "en-GB",
    )


# ---- the story ---------------------------------------------------------------------------


def _story(doc, styles: _Styles, headings: list[_Heading], pages, width: float) -> list:
    story = [*_cover(doc, styles), PageBreak()]
    if doc.contents:
        story += [*_contents(headings, pages, styles, width), PageBreak()]
    by_key = {h.key: h for h in headings}
    for i, section in enumerate(doc.sections):
        if section.appendix and not isinstance(story[-1], PageBreak):
            story.append(PageBreak())
        story += _section(i, section, by_key, styles, width)
    return story


def _cover(doc: ReviewDocument, st: _Styles) -> list[Flowable]:
    details = [
        ("Review type", doc.review_type),
        ("Reference", doc.review_reference),
        ("Version", doc.version_label),
        ("Date", doc.date_label),
        ("Author", doc.author),
        ("Protective marking", doc.protective_marking),
        *doc.extra_info.items(),
    ]
    rows = [
        [Paragraph(para(one_line(k)), st.cover_label), Paragraph(para(v), st.cover_value)]
        for k, v in details
        if plain(v).strip()
    ]
    story: list[Flowable] = [Spacer(1, 22 * mm)]
    if one_line(doc.partnership):
        story.append(Paragraph(para(one_line(doc.partnership)), st.cover_kicker))
    story += [
        Spacer(1, 30 * mm),
        Paragraph(para(one_line(doc.kind_label)), st.cover_kind),
        Paragraph(para(one_line(doc.title)) or "Untitled review", st.cover_title),
    ]
    if one_line(doc.subject):
        story.append(Paragraph(para(one_line(doc.subject)), st.cover_subject))
    story.append(
        HRFlowable(
            width=32 * mm, thickness=2.2, color=ACCENT, hAlign="LEFT", spaceBefore=14, spaceAfter=26
        )
    )
    if rows:
        story.append(
            Table(
                rows,
                colWidths=[42 * mm, 110 * mm],
                hAlign="LEFT",
                style=TableStyle(
                    [
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                        ("LEFTPADDING", (0, 0), (-1, -1), 0),
                        ("TOPPADDING", (0, 0), (-1, -1), 3.5),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
                        ("LINEBELOW", (0, 0), (-1, -2), 0.4, RULE),
                    ]
                ),
            )
        )
    return story


def _contents(headings, pages, st: _Styles, width: float) -> list[Flowable]:
    story: list[Flowable] = [Paragraph("Contents", st.contents_title)]
    if not headings:
        return [*story, Paragraph("This document has no sections yet.", st.note)]
    rows, commands = (
        [],
        [
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 1.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
        ],
    )
    for row, h in enumerate(headings):
        # The first pass has no page numbers yet; a fixed-width cell keeps the layout equal.
        page = str(pages.get(h.key, "")) if pages is not None else "0"
        link = f'<a href="#{h.key}">'
        title = Paragraph(f"{link}{para(h.title)}</a>", st.toc1 if h.level else st.toc0)
        number = Paragraph(para(h.label), st.toc0)
        if h.level == 0 and h.label.startswith("Appendix"):
            number = Paragraph(f"{link}{para(h.outline_title)}</a>", st.toc0)
            commands.append(("SPAN", (0, row), (1, row)))
        elif h.level == 0:
            number = Paragraph(f"{link}{para(h.label)}</a>", st.toc0)
        rows.append([number, title, Paragraph(f"{link}{page}</a>", st.toc_page)])
        if h.level == 0 and row:
            commands.append(("TOPPADDING", (0, row), (-1, row), 9))
    widths = [GUTTER, width - GUTTER - PAGE_COLUMN, PAGE_COLUMN]
    story.append(Table(rows, colWidths=widths, hAlign="LEFT", style=TableStyle(commands)))
    return story


def _section(i: int, section: Section, by_key, st: _Styles, width: float) -> list[Flowable]:
    heading = by_key[f"s{i}"]
    if section.appendix:
        shown = Paragraph(para(heading.outline_title), st.appendix)
    else:
        shown = Paragraph(para(heading.title), st.h1, bulletText=heading.label)
    story: list[Flowable] = [_Anchor(heading), shown]
    number, subheading = 0, 0
    text_width = width - GUTTER
    for block in section.blocks:
        if isinstance(block, Paragraphs):
            for text in block.texts:
                for line in plain(text).split("\n"):
                    if not line.strip():
                        continue
                    if block.numbered and not section.appendix:
                        number += 1
                        label = f"{heading.label}.{number}"
                        story.append(Paragraph(para(line), st.numbered, bulletText=label))
                    else:
                        story.append(Paragraph(para(line), st.body))
        elif isinstance(block, Subheading):
            sub = by_key[f"s{i}.{subheading}"]
            subheading += 1
            story += [_Anchor(sub), Paragraph(para(sub.title), st.h2)]
        elif isinstance(block, Bullets):
            story += [
                Paragraph(para(item), st.bullet, bulletText="•")
                for item in block.items
                if plain(item).strip()
            ]
            story.append(Spacer(1, 4))
        elif isinstance(block, Note):
            story.append(Paragraph(para(block.text), st.note))
        elif isinstance(block, TableBlock):
            if plain(block.caption).strip():
                story.append(Paragraph(para(block.caption), st.caption))
            story += [_Indented(_paged_table(block, st, text_width), GUTTER), Spacer(1, 10)]
        elif isinstance(block, Timeline):
            if plain(block.caption).strip():
                story.append(Paragraph(para(block.caption), st.figure_note))
            drawing = TimelineFlowable(block.layout, block.colours, block.labels)
            story += [_Indented(drawing, GUTTER), Spacer(1, 10)]
    return story


# ---- tables ------------------------------------------------------------------------------


def _paged_table(block: TableBlock, st: _Styles, width: float) -> PagedTable:
    columns = list(block.columns) or [""] * max((len(r) for r in block.rows), default=1)
    count = len(columns)
    weights = [float(w) for w in block.widths] if len(block.widths) == count else []
    if not weights or min(weights) <= 0:
        weights = [1.0] * count
    widths = [width * w / sum(weights) for w in weights]
    cell_style = st.cell_condensed if count >= 5 else st.cell
    header = [[Paragraph(para(one_line(c)), st.cell_header)] for c in columns]
    inner = [w - CELL_PADDING.left - CELL_PADDING.right for w in widths]
    marker_h = Paragraph(CONTINUED, st.cell_marker).wrap(max(inner), 1000)[1]
    cut_from = 0.2 * (A4[1] - 40 * mm)

    def make_row(index: int) -> PagedRow:
        values = [plain(v) for v in block.rows[index]]
        if len(values) > count:  # more cells than columns: keep them, in the last column
            values[count - 1 :] = ["\n".join(values[count - 1 :])]
        values += [""] * (count - len(values))
        return row([paragraphs(v, cell_style) for v in values], index)

    def row(cells, index: int) -> PagedRow:
        made = PagedRow(cells, measure_row(cells, widths, CELL_PADDING), index)
        if made.height > cut_from:
            made.cutter = lambda room: cut(cells, index, room)
        return made

    def cut(cells, index: int, room: float):
        halves = [split_cell(c, w, room - marker_h - 8) for c, w in zip(cells, inner, strict=True)]
        if not any(r for _, r in halves) or not any(f for f, _ in halves):
            return None
        marker = Paragraph(CONTINUED, st.cell_marker)
        first = [f + [marker] if r else f for f, r in halves]
        return row(first, index), row([list(r) for _, r in halves], index)

    return PagedTable(
        header,
        make_row,
        len(block.rows),
        widths,
        padding=CELL_PADDING,
        commands=_TABLE_COMMANDS,
        min_cut_room=4 * 11.5,
    )
