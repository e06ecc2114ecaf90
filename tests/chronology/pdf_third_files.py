"""More chronologies sent as PDF, from producers and layouts the first PDF files do not have:
an IMR chronology typed in a Word table and saved as PDF by LibreOffice (narrow date and time
columns, the heading row repeated, a long row split over pages); workbooks printed wider than
the page by LibreOffice, one with column A (Date) repeated on every page, one whose last
column is filled on a few rows only (its empty pages never printed); a case system's report of
one block per entry with labelled fields between rules; a browser's print of a web case-note
page; a police log set in a typewriter font; dated paragraphs set in two columns on the page;
a ruled table over portrait and landscape pages; footers joining the marking, a reference and
"Page x of y"; and scans, with a typed cover sheet or a scanner's stamp, refused.

Each builder takes a folder and returns (path, truth) (REFUSED: (path, words the refusal must
say)); None when the producer is not installed. All names are fictional."""

from __future__ import annotations

import importlib.util
import shutil
from datetime import datetime
from pathlib import Path
from xml.sax.saxutils import escape

from tests.chronology.pdf_files import (
    ALL_DAYS,
    ALL_TEXTS,
    ALL_TIMES,
    MARGIN,
    PAGE_H,
    PAGE_W,
    _page_furniture,
    _truth,
    _two,
    _wrap,
)
from tests.chronology.robust_files import TYPES, WORKERS, Expected

DATA = Path(__file__).resolve().parents[1] / "data" / "pdf_third"


def load_maker(data: Path, stem: str):
    """The script in ``data`` that made its committed PDFs (``stem``.py), loaded as a module."""
    spec = importlib.util.spec_from_file_location(stem, data / f"{stem}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def copy_from(data: Path, folder: Path, name: str) -> Path:
    """A committed PDF copied from ``data`` into ``folder``."""
    path = folder / name
    shutil.copyfile(data / name, path)
    return path


def _made():
    return load_maker(DATA, "make_third")


def _copy(folder: Path, name: str) -> Path:
    return copy_from(DATA, folder, name)


def _day(text: str):
    return datetime.strptime(text, "%d/%m/%Y").date()


# --- LibreOffice's prints (tests/data/pdf_third) ---------------------------------------------


def imr_template_saved(folder: Path):
    """The IMR template's chronology table typed in Word and saved as PDF (LibreOffice): the
    date and time columns so narrow that "07/01/2019" breaks as "07/01/201" / "9" and "09:00"
    as "09:0" / "0", the heading row repeated on each page, a long row split by the page
    breaks, the document's own heading and footer."""
    rows = _made().imr_rows()
    truth = [Expected(start=_day(r[0]), time=r[1], event=r[3], practitioner=r[5]) for r in rows]
    return _copy(folder, "imr_template_saved.pdf"), truth


def print_titles_columns(folder: Path):
    """A chronology workbook printed (LibreOffice) wider than the page with column A (Date)
    repeated at the left of every page and the heading row at the top of every page: the
    first columns on pages 1-2, the case note on 3-4, the outcome on 5-6, each page led by the
    dates."""
    rows = _made().titled_rows()
    truth = [
        Expected(start=_day(r[0]), time=r[1], event_type=r[2], practitioner=r[3], event=r[4])
        for r in rows
    ]
    return _copy(folder, "print_titles_columns.pdf"), truth


def spilled_sparse(folder: Path):
    """A case-note workbook printed (LibreOffice) wider than the page, its heading row on every
    page: dates, workers and types on pages 1-2, the case notes on 3-4, the manager's comment
    (three rows of 24, all on the first page set) on page 5; the empty sixth page not printed."""
    rows = _made().sparse_rows()
    truth = [
        Expected(start=_day(r[0]), practitioner=r[1], event_type=r[2], event=r[3]) for r in rows
    ]
    return _copy(folder, "spilled_sparse.pdf"), truth


# The texts the entries' narratives must hold as well (the sparse column's comments).
KEPT = {
    "spilled_sparse": [[_made().SPARSE_AT[i]] if i in _made().SPARSE_AT else [] for i in range(24)],
}


# --- reportlab's prints ----------------------------------------------------------------------


def _canvas_pages(path: Path, pages, size=(PAGE_W, PAGE_H), footer=None):
    """Draws pages of (kind, ...) items: ("text", x, y, text, font, size), ("rule", x1, y, x2),
    ("box", x, y, w, h); ``footer(canvas, number, total, width, height)`` on each."""
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=size)
    total = len(pages)
    for number, (page_size, items) in enumerate(pages, start=1):
        c.setPageSize(page_size or size)
        width, height = page_size or size
        if footer:
            footer(c, number, total, width, height)
        for item in items:
            if item[0] == "text":
                _k, x, y, text, font, font_size = item
                c.setFont(font, font_size)
                c.drawString(x, y, text)
            elif item[0] == "rule":
                _k, x1, y, x2 = item
                c.setLineWidth(0.5)
                c.line(x1, y, x2, y)
            elif item[0] == "box":
                _k, x, y, w, h = item
                c.setLineWidth(0.5)
                c.rect(x, y, w, h, stroke=1, fill=0)
        c.showPage()
    c.save()
    return path


def _standard_footer(heading: str, stamp: str):
    def footer(c, number, total, width, height) -> None:
        c.setFont("Helvetica", 8)
        c.drawString(MARGIN, height - 40, heading)
        c.drawString(MARGIN, 30, stamp)
        c.drawRightString(width - MARGIN, 30, f"Page {number} of {total}")

    return footer


def blocks_between_rules(folder: Path):
    """A case system's case-note report (as Liquidlogic or Mosaic print one) to PDF: one block
    per note, its labelled fields ("Date:", "Worker:", "Type:", "Note:") on lines of their own,
    the labels bold at the left, the note wrapping under its value; a rule drawn across the
    page between blocks; the report's title and the person's details at the top."""
    size, leading = 9, 11.5
    x_label, x_value = MARGIN, MARGIN + 70
    pages: list = [(None, [])]
    y = PAGE_H - 80
    items = pages[-1][1]
    items.append(("text", MARGIN, y, "Case Notes Report", "Helvetica-Bold", 13))
    y -= 18
    items.append(("text", MARGIN, y, "Subject: Child Z    Person ID: 2088231", "Helvetica", 9))
    y -= 14
    items.append(("rule", MARGIN, y, PAGE_W - MARGIN))
    y -= 16
    for i in range(12):
        note = _wrap(_two(i), PAGE_W - MARGIN - x_value, size)
        need = (len(note) + 4) * leading + 16
        if y - need < 60:
            pages.append((None, []))
            items = pages[-1][1]
            y = PAGE_H - 70
        fields = [
            ("Date:", f"{ALL_DAYS[i]:%d/%m/%Y} {ALL_TIMES[i]:%H:%M}"),
            ("Worker:", WORKERS[i % 4]),
            ("Type:", TYPES[i % 4]),
        ]
        for label, value in fields:
            items.append(("text", x_label, y, label, "Helvetica-Bold", size))
            items.append(("text", x_value, y, value, "Helvetica", size))
            y -= leading
        items.append(("text", x_label, y, "Note:", "Helvetica-Bold", size))
        for line in note:
            items.append(("text", x_value, y, line, "Helvetica", size))
            y -= leading
        y -= 4
        items.append(("rule", MARGIN, y, PAGE_W - MARGIN))
        y -= 14
    footer = _standard_footer("Case Notes Report - Child Z", "Printed 02/04/2017 by Report Server")
    path = _canvas_pages(folder / "blocks_between_rules.pdf", pages, footer=footer)
    return path, _truth(12, types=True, times=True, text=_two)


def browser_case_note_page(folder: Path):
    """A web case system's case-note page (no table: each note a heading line "14/03/2016
    10:32 - Home visit - Sam Ellery" over its text) printed to PDF by Chromium, with the
    browser's date, title and address on every page. None without Chromium."""
    import subprocess
    import tempfile

    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        return None
    notes = "".join(
        f"<div class='note'><h3>{ALL_DAYS[i]:%d/%m/%Y} {ALL_TIMES[i]:%H:%M} &ndash; "
        f"{TYPES[i % 4]} &ndash; {WORKERS[i % 4]}</h3><p>{escape(_two(i))}</p></div>"
        for i in range(12)
    )
    page = (
        "<html><head><meta charset='utf-8'><title>Case notes - Child Z</title><style>"
        "body{font-family:sans-serif;font-size:12px} h3{font-size:12px;margin:14px 0 2px 0}"
        "p{margin:0 0 6px 0} .note{border-bottom:1px solid #ccc}</style></head><body>"
        "<h1>Case notes</h1><p>Child Z (ID 2088231)</p>"
        f"{notes}<p>12 case notes shown</p></body></html>"
    )
    html = folder / "browser_case_note_page.html"
    html.write_text(page, encoding="utf-8")
    path = folder / "browser_case_note_page.pdf"
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             f"--user-data-dir={profile}", f"--print-to-pdf={path}", html.as_uri()],
            capture_output=True, timeout=120, check=True,
        )  # fmt: skip
    return path, _truth(12, types=True, times=True, text=_two)


def police_log_typewriter(folder: Path):
    """A police force's occurrence log printed from its terminal system to PDF in Courier:
    fixed-width columns one or two spaces apart ("DATE       TIME  OFFICER          DETAILS"),
    a line of dashes under the heading line, the details wrapping under themselves."""
    size, leading = 8.5, 10.5
    date_w, time_w, officer_w = 11, 6, 20
    width = 56
    pages: list = [(None, [])]
    items = pages[-1][1]
    y = PAGE_H - 80
    items.append(("text", MARGIN, y, "OCCURRENCE LOG  REF 44/17/2088", "Courier-Bold", 10))
    y -= 24

    def heading():
        nonlocal y
        line = "DATE".ljust(date_w) + "TIME".ljust(time_w) + "OFFICER".ljust(officer_w) + "DETAILS"
        items.append(("text", MARGIN, y, line, "Courier-Bold", size))
        y -= leading
        items.append(
            ("text", MARGIN, y, "-" * (date_w + time_w + officer_w + width), "Courier", size)
        )
        y -= leading

    heading()
    officers = ["PC 2231 ELLERY", "DC 1180 NANDAKUMAR", "PS 904 PRITCHARD", "PC 3117 ADEYEMI"]
    for i in range(12):
        import textwrap

        lines = textwrap.wrap(_two(i).upper(), width)
        if y - len(lines) * leading < 60:
            pages.append((None, []))
            items = pages[-1][1]
            y = PAGE_H - 70
            heading()
        for n, text in enumerate(lines):
            left = " " * (date_w + time_w + officer_w)
            if n == 0:
                left = (
                    f"{ALL_DAYS[i]:%d/%m/%Y}".ljust(date_w)
                    + f"{ALL_TIMES[i]:%H:%M}".ljust(time_w)
                    + officers[i % 4].ljust(officer_w)
                )
            items.append(("text", MARGIN, y, left + text, "Courier", size))
            y -= leading
    footer = _standard_footer("OFFICIAL-SENSITIVE", "Printed 03/04/2017 PPU terminal 7")
    path = _canvas_pages(folder / "police_log_typewriter.pdf", pages, footer=footer)
    truth = [
        Expected(start=ALL_DAYS[i], time=f"{ALL_TIMES[i]:%H:%M}", event=_two(i).upper(),
                 practitioner=officers[i % 4])
        for i in range(12)
    ]  # fmt: skip
    return path, truth


def two_column_paragraphs(folder: Path):
    """An author's chronology saved as PDF with the page set in two columns (as a newsletter
    is): dated paragraphs ("14/03/2016 - ...") running down the left column, then the right,
    then the next page; a title across the top."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph

    styles = getSampleStyleSheet()
    body = styles["BodyText"]
    path = folder / "two_column_paragraphs.pdf"
    gap = 18
    column = (PAGE_W - 2 * MARGIN - gap) / 2
    frames = [
        Frame(MARGIN, 60, column, PAGE_H - 130, id="left"),
        Frame(MARGIN + column + gap, 60, column, PAGE_H - 130, id="right"),
    ]
    furniture = _page_furniture(
        ("centre", PAGE_W / 2, PAGE_H - 36, "OFFICIAL"),
        ("right", PAGE_W - MARGIN, 30, "Page {page}"),
    )
    doc = BaseDocTemplate(str(path), pagesize=A4)
    doc.addPageTemplates([PageTemplate(frames=frames, onPage=furniture)])
    story = [Paragraph("Chronology of police contact", styles["Heading2"])]
    for i in range(12):
        story.append(Paragraph(escape(f"{ALL_DAYS[i]:%d/%m/%Y} - {_two(i)}"), body))
    doc.build(story)
    return path, _truth(12, worker=False, text=_two)


def portrait_and_landscape(folder: Path):
    """A chronology PDF whose pages change shape: a portrait cover page with the child's
    details, the ruled chronology table on landscape pages (its heading row on each), then a
    portrait page of sign-off text."""
    size, leading, pad = 9, 11, 3
    land = (PAGE_H, PAGE_W)
    widths = [70, 60, 110, 520]
    heads = ["Date", "Time", "Worker", "Details"]
    pages: list = [((PAGE_W, PAGE_H), [
        ("text", MARGIN, PAGE_H - 100, "Multi-agency chronology: Child Z", "Helvetica-Bold", 16),
        ("text", MARGIN, PAGE_H - 130, "Prepared for the safeguarding practice review panel.",
         "Helvetica", 10),
    ])]  # fmt: skip
    xs = [MARGIN]
    for w in widths:
        xs.append(xs[-1] + w)

    def row(items, y, cells, font):
        lines = [_wrap(c, w - 2 * pad, size) for c, w in zip(cells, widths, strict=True)]
        height = max(map(len, lines)) * leading + 2 * pad
        for x, texts in zip(xs, lines, strict=False):
            ty = y - pad - size
            for t in texts:
                items.append(("text", x + pad, ty, t, font, size))
                ty -= leading
        items.append(("rule", xs[0], y, xs[-1]))
        items.append(("rule", xs[0], y - height, xs[-1]))
        for x in xs:
            items.append(("vrule", x, y, y - height))
        return y - height

    y = 0.0
    for i in range(12):
        cells = [f"{ALL_DAYS[i]:%d/%m/%Y}", f"{ALL_TIMES[i]:%H:%M}", WORKERS[i % 4], _two(i)]
        if i % 6 == 0:
            pages.append((land, []))
            y = row(pages[-1][1], land[1] - 70, heads, "Helvetica-Bold")
        y = row(pages[-1][1], y, cells, "Helvetica")
    pages.append(((PAGE_W, PAGE_H), [
        ("text", MARGIN, PAGE_H - 100, "Signed off by the agency's safeguarding lead on "
         "03/04/2017.", "Helvetica", 10),
    ]))  # fmt: skip
    from reportlab.pdfgen import canvas

    path = folder / "portrait_and_landscape.pdf"
    c = canvas.Canvas(str(path))
    for number, (page_size, items) in enumerate(pages, start=1):
        c.setPageSize(page_size)
        width, height = page_size
        c.setFont("Helvetica", 8)
        c.drawCentredString(width / 2, height - 30, "OFFICIAL-SENSITIVE")
        c.drawRightString(width - MARGIN, 26, f"Page {number} of {len(pages)}")
        for item in items:
            if item[0] == "text":
                c.setFont(item[4], item[5])
                c.drawString(item[1], item[2], item[3])
            elif item[0] == "rule":
                c.setLineWidth(0.5)
                c.line(item[1], item[2], item[3], item[2])
            else:
                c.setLineWidth(0.5)
                c.line(item[1], item[2], item[1], item[3])
        c.showPage()
    c.save()
    return path, _truth(12, times=True, text=_two)


def marked_footers(folder: Path):
    """A school safeguarding system's concern log printed to PDF, columns aligned without
    lines: "OFFICIAL – SENSITIVE: PERSONAL" (an en dash, a descriptor) at the top, and at the
    foot one line holding the marking, the reference and "Page 1 of 3" apart; each page's
    heading line repeated."""
    size, leading = 9, 11.25
    xs = [MARGIN, MARGIN + 80, MARGIN + 185, MARGIN + 270]
    heads = ["Date", "Recorded by", "Category", "Concern"]
    pages: list = [(None, [])]
    items = pages[-1][1]
    y = PAGE_H - 80

    def heading():
        nonlocal y
        for x, h in zip(xs, heads, strict=True):
            items.append(("text", x, y, h, "Helvetica-Bold", size))
        y -= leading * 1.5

    items.append(
        ("text", MARGIN, y, "Safeguarding concerns: Child Z (Year 2)", "Helvetica-Bold", 12)
    )
    y -= 24
    heading()
    for i in range(12):
        lines = _wrap(_two(i), PAGE_W - MARGIN - xs[3], size)
        if y - len(lines) * leading < 70:
            pages.append((None, []))
            items = pages[-1][1]
            y = PAGE_H - 70
            heading()
        for n, text in enumerate(lines):
            if n == 0:
                items.append(("text", xs[0], y, f"{ALL_DAYS[i]:%d/%m/%Y}", "Helvetica", size))
                items.append(("text", xs[1], y, WORKERS[i % 4], "Helvetica", size))
                items.append(("text", xs[2], y, TYPES[i % 4], "Helvetica", size))
            items.append(("text", xs[3], y, text, "Helvetica", size))
            y -= leading
        y -= 4

    def footer(c, number, total, width, height) -> None:
        c.setFont("Helvetica", 8)
        c.drawCentredString(width / 2, height - 30, "OFFICIAL \u2013 SENSITIVE: PERSONAL")
        c.drawString(MARGIN, 30, "OFFICIAL \u2013 SENSITIVE: PERSONAL")
        c.drawCentredString(width / 2, 30, "Ref: SCH/2088231")
        c.drawRightString(width - MARGIN, 30, f"Page {number} of {total}")

    path = _canvas_pages(folder / "marked_footers.pdf", pages, footer=footer)
    return path, _truth(12, types=True, text=_two)


FILES = {
    "imr_template_saved": imr_template_saved,
    "print_titles_columns": print_titles_columns,
    "spilled_sparse": spilled_sparse,
    "blocks_between_rules": blocks_between_rules,
    "police_log_typewriter": police_log_typewriter,
    "two_column_paragraphs": two_column_paragraphs,
    "portrait_and_landscape": portrait_and_landscape,
    "marked_footers": marked_footers,
}

PRINTED_BY_A_BROWSER = {"browser_case_note_page": browser_case_note_page}


# --- scans ------------------------------------------------------------------------------------


def _scan_image():
    from PIL import Image, ImageDraw

    image = Image.new("L", (600, 840), 255)
    draw = ImageDraw.Draw(image)
    for n in range(30):
        draw.line((40, 60 + 24 * n, 560, 60 + 24 * n), fill=0)
        draw.text((44, 64 + 24 * n), f"{ALL_DAYS[n % 12]:%d/%m/%Y}  home visit", fill=0)
    return image


def scanned_with_cover(folder: Path):
    """A chronology printed and scanned, sent behind a typed cover sheet (the agency's name,
    the child's, "Chronology attached"): the cover has text, the chronology's pages are
    pictures."""
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    path = folder / "scanned_with_cover.pdf"
    c = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H))
    c.setFont("Helvetica-Bold", 14)
    c.drawString(MARGIN, PAGE_H - 100, "Riverside Primary School")
    c.setFont("Helvetica", 11)
    c.drawString(MARGIN, PAGE_H - 130, "Child Z - safeguarding chronology attached (3 pages).")
    c.drawString(MARGIN, PAGE_H - 150, "Sent 04/04/2017 by the designated safeguarding lead.")
    c.showPage()
    for _page in range(3):
        c.drawImage(ImageReader(_scan_image()), 0, 0, PAGE_W, PAGE_H)
        c.showPage()
    c.save()
    return path, ["pictures", "2, 3, 4", "spreadsheet or Word file"]


def scanned_with_stamp(folder: Path):
    """A chronology scanned on an office copier that prints its own line of text at the top
    of each page ("Scanned 04/04/2017 10:12 MFD-2 Page 1"): every page a picture under that
    line."""
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    path = folder / "scanned_with_stamp.pdf"
    c = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H))
    for page in range(1, 4):
        c.drawImage(ImageReader(_scan_image()), 0, 0, PAGE_W, PAGE_H - 20)
        c.setFont("Helvetica", 7)
        c.drawString(20, PAGE_H - 12, f"Scanned 04/04/2017 10:12  MFD-2  Page {page}")
        c.showPage()
    c.save()
    return path, ["pictures", "spreadsheet or Word file"]


REFUSED = {"scanned_with_cover": scanned_with_cover, "scanned_with_stamp": scanned_with_stamp}


# --- files made after the reader's rules were written, to try them -----------------------------


def print_titles_ruled(folder: Path):
    """The print-titles workbook printed (LibreOffice) with a border round every cell and
    columns A and B (date, time) repeated at the left of every page: ruled tables."""
    rows = _made().titled_rows(30)
    truth = [
        Expected(start=_day(r[0]), time=r[1], event_type=r[2], practitioner=r[3], event=r[4])
        for r in rows
    ]
    return _copy(folder, "print_titles_ruled.pdf"), truth


def two_columns_over_pages(folder: Path):
    """Dated paragraphs set in two columns over two pages, under a title set across both
    columns at the top of the first page ("14 March 2016: ..." openings)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import (
        BaseDocTemplate,
        Frame,
        NextPageTemplate,
        PageTemplate,
        Paragraph,
    )

    styles = getSampleStyleSheet()
    body = styles["BodyText"]
    path = folder / "two_columns_over_pages.pdf"
    gap = 20
    column = (PAGE_W - 2 * MARGIN - gap) / 2

    def frames(top):
        return [
            Frame(MARGIN, 60, column, top - 60, id="left"),
            Frame(MARGIN + column + gap, 60, column, top - 60, id="right"),
        ]

    def title(canvas, doc):
        canvas.saveState()
        canvas.setFont("Helvetica-Bold", 14)
        canvas.drawString(MARGIN, PAGE_H - 60, "Multi-agency chronology of contact with the family")
        canvas.setFont("Helvetica", 8)
        canvas.drawRightString(PAGE_W - MARGIN, 30, f"Page {doc.page}")
        canvas.restoreState()

    def later(canvas, doc):
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawRightString(PAGE_W - MARGIN, 30, f"Page {doc.page}")
        canvas.restoreState()

    doc = BaseDocTemplate(str(path), pagesize=A4)
    doc.addPageTemplates([
        PageTemplate(id="first", frames=frames(PAGE_H - 80), onPage=title),
        PageTemplate(id="later", frames=frames(PAGE_H - 50), onPage=later),
    ])  # fmt: skip
    story = [NextPageTemplate("later")]
    texts = [_two(i) + " " + _two((i + 4) % 12) for i in range(12)]
    for i in range(12):
        story.append(Paragraph(escape(f"{ALL_DAYS[i].day} {ALL_DAYS[i]:%B %Y}: {texts[i]}"), body))
    doc.build(story)
    return path, _truth(12, worker=False, text=lambda i: texts[i])


def typewriter_one_space(folder: Path):
    """A terminal system's log in Courier whose columns stand one space apart (each column as
    wide as its longest value), no line of dashes, the heading in capitals."""
    size, leading = 8.5, 10.5
    items = []
    y = PAGE_H - 90
    officers = ["PC 2231 ELLERY", "DC 1180 NANDAKUMAR", "PS 904 PRITCHARD", "PC 3117 ADEYEMI"]
    heading = "DATE".ljust(10) + " " + "TIME".ljust(5) + " " + "OFFICER".ljust(18) + " DETAILS"
    items.append(("text", MARGIN, y, heading, "Courier-Bold", size))
    y -= leading * 1.5
    import textwrap

    for i in range(8):
        lines = textwrap.wrap(ALL_TEXTS[i].upper(), 50)
        for n, text in enumerate(lines):
            left = " " * 36
            if n == 0:
                left = f"{ALL_DAYS[i]:%d/%m/%Y} {ALL_TIMES[i]:%H:%M} {officers[i % 4].ljust(18)} "
            items.append(("text", MARGIN, y, left + text, "Courier", size))
            y -= leading
    footer = _standard_footer("OFFICIAL", "Printed 03/04/2017")
    path = _canvas_pages(folder / "typewriter_one_space.pdf", [(None, items)], footer=footer)
    truth = [
        Expected(start=ALL_DAYS[i], time=f"{ALL_TIMES[i]:%H:%M}", event=ALL_TEXTS[i].upper(),
                 practitioner=officers[i % 4])
        for i in range(8)
    ]  # fmt: skip
    return path, truth


AFTER = {
    "print_titles_ruled": print_titles_ruled,
    "two_columns_over_pages": two_columns_over_pages,
    "typewriter_one_space": typewriter_one_space,
}
