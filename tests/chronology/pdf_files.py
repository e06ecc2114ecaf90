"""Chronologies sent as PDF documents, each written here as the system (or the author's word
processor) would print it: a case system's ruled table continued over pages with its heading row
repeated and a row split across a page break, an IMR chronology table saved from Word as PDF
(two tables), a case-note report printed with its columns aligned but no lines drawn, an
author's prose ("On 14 March 2016 ..."), a GP log with the time and the date in one column;
every page with a running heading, a page number and a printed-on stamp. And the PDFs that
cannot be read: a scan (a picture of each page, no text), one locked with a password, one cut
short.

Each builder takes a folder and returns (path, truth); the refused ones return (path, words the
refusal must say). All names are fictional."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

from tests.chronology.robust_files import DAYS, TEXTS, TIMES, TYPES, WORKERS, Expected

PAGE_W, PAGE_H = 595.27, 841.89  # A4 in points
MARGIN = 50

# Entries beyond the shared eight: a longer chronology, so that tables run over pages.
MORE_DAYS = [date(2016, 12, 9), date(2017, 1, 17), date(2017, 2, 3), date(2017, 3, 22)]
MORE_TEXTS = [
    "Child protection conference: Child Z made subject of a child protection plan under the "
    "category of neglect. Core group to meet within ten working days; mother agreed to attend "
    "a parenting course and to keep every health appointment for the baby.",
    "Core group meeting: mother attended with her sister. Home conditions improved, the "
    "bedroom now heated; the baby's weight is back on the expected centile line. Actions "
    "reviewed one by one and the plan updated.",
    "Police attended a report of a disturbance at the address at night; mother's former "
    "partner had been asked to leave and had gone before officers arrived. Child Z asleep "
    "upstairs and seen by officers. Notification sent to children's social care.",
    "Review conference: the plan continues. Mother has finished the parenting course and "
    "engages well; concerns remain about the former partner's visits. Next review in six "
    "months.",
]
ALL_DAYS = [*DAYS, *MORE_DAYS]
ALL_TEXTS = [*TEXTS, *MORE_TEXTS]
ALL_TIMES = [*TIMES, *TIMES[:4]]


def _two(i: int) -> str:
    """Entry i's text with the next one's after it: a long note."""
    return ALL_TEXTS[i] + " " + ALL_TEXTS[(i + 1) % 12]


def _truth(count: int, *, worker=True, types=False, times=False, text=None) -> list[Expected]:
    """The first ``count`` entries as written; ``text(i)``: entry i's text (ALL_TEXTS[i])."""
    return [
        Expected(
            start=ALL_DAYS[i],
            time=f"{ALL_TIMES[i]:%H:%M}" if times else "",
            event=text(i) if text else ALL_TEXTS[i],
            practitioner=WORKERS[i % 4] if worker else "",
            event_type=TYPES[i % 4] if types else "",
        )
        for i in range(count)
    ]


class _Printer:
    """A report printed page by page onto a canvas: the running heading, the printed-on stamp
    and "Page n of N" on every page, text placed where the caller says, a new page when the
    space left runs out."""

    def __init__(self, path: Path, heading: str, stamp: str, font_size: float = 9.0):
        from reportlab.pdfgen import canvas

        self.path = path
        self.heading = heading
        self.stamp = stamp
        self.size = font_size
        self.leading = font_size * 1.25
        self.pages: list[list[tuple]] = [[]]
        self.y = PAGE_H - MARGIN - 30
        self._canvas = canvas

    def text(self, x: float, text: str, *, bold=False, size=None) -> None:
        self.pages[-1].append(("text", x, self.y, text, bold, size or self.size))

    def line(self, x1, y1, x2, y2) -> None:
        self.pages[-1].append(("line", x1, y1, x2, y2))

    def down(self, by: float | None = None) -> None:
        self.y -= self.leading if by is None else by

    def room(self) -> float:
        return self.y - (MARGIN + 30)

    def new_page(self) -> None:
        self.pages.append([])
        self.y = PAGE_H - MARGIN - 30

    def save(self) -> Path:
        c = self._canvas.Canvas(str(self.path), pagesize=(PAGE_W, PAGE_H))
        total = len(self.pages)
        for number, page in enumerate(self.pages, start=1):
            c.setFont("Helvetica-Bold", 8)
            c.drawCentredString(PAGE_W / 2, PAGE_H - 30, "OFFICIAL-SENSITIVE")
            c.setFont("Helvetica", 8)
            c.drawString(MARGIN, PAGE_H - 44, self.heading)
            c.drawString(MARGIN, 34, self.stamp)
            c.drawRightString(PAGE_W - MARGIN, 34, f"Page {number} of {total}")
            c.drawCentredString(PAGE_W / 2, 22, "OFFICIAL-SENSITIVE")
            for item in page:
                if item[0] == "text":
                    _k, x, y, text, bold, size = item
                    c.setFont("Helvetica-Bold" if bold else "Helvetica", size)
                    c.drawString(x, y, text)
                elif item[0] == "bar":  # a thin filled box, as Word prints a strike
                    _k, x, y, width, height = item
                    c.rect(x, y, width, height, stroke=0, fill=1)
                else:
                    _k, x1, y1, x2, y2 = item
                    c.setLineWidth(0.6)
                    c.line(x1, y1, x2, y2)
            c.showPage()
        c.save()
        return self.path


def _page_furniture(*items: tuple[str, float, float, str]):
    """A platypus page callback printing the running headings and footings on every page:
    each item (alignment "left", "right" or "centre", x, y, text) in 8-point Helvetica,
    "{page}" in its text the page's number."""
    draw = {"left": "drawString", "right": "drawRightString", "centre": "drawCentredString"}

    def furniture(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        for align, x, y, text in items:
            getattr(canvas, draw[align])(x, y, text.format(page=doc.page))
        canvas.restoreState()

    return furniture


def _wrap(text: str, width: float, size: float, bold=False) -> list[str]:
    from reportlab.lib.utils import simpleSplit

    return simpleSplit(text, "Helvetica-Bold" if bold else "Helvetica", size, width) or [""]


def _ruled_table(printer: _Printer, widths, headings, rows, *, split_rows=True) -> None:
    """A table with a line round every cell, its heading row drawn again on each page; a row
    too tall for the page left is split, its lines going on at the top of the next page under
    the heading row (the other cells empty there)."""
    pad = 3
    xs = [MARGIN]
    for w in widths:
        xs.append(xs[-1] + w)
    size = printer.size

    def draw_row(cells_lines, bold=False) -> None:
        top = printer.y + size
        height = max(len(lines) for lines in cells_lines) * printer.leading + 2 * pad
        for x, lines in zip(xs, cells_lines, strict=False):
            y = top - pad - size
            for line in lines:
                printer.pages[-1].append(("text", x + pad, y, line, bold, size))
                y -= printer.leading
        bottom = top - height
        printer.line(xs[0], top, xs[-1], top)
        printer.line(xs[0], bottom, xs[-1], bottom)
        for x in xs:
            printer.line(x, top, x, bottom)
        printer.y = bottom - size

    head = [_wrap(h, w - 2 * pad, size, True) for h, w in zip(headings, widths, strict=True)]
    draw_row(head, bold=True)
    for row in rows:
        cells = [_wrap(str(v), w - 2 * pad, size) for v, w in zip(row, widths, strict=True)]
        while True:
            fits = int((printer.room() - 2 * pad) // printer.leading)
            tallest = max(len(c) for c in cells)
            if tallest <= fits:
                draw_row(cells)
                break
            if split_rows and fits >= 2:
                draw_row([c[:fits] for c in cells])
                cells = [c[fits:] for c in cells]
            printer.new_page()
            draw_row(head, bold=True)


# --- 1. a case system's chronology printed to PDF: one ruled table over three pages ---------


def ruled_table_over_pages(folder: Path):
    """A children's case system's "Print chronology" to PDF: a title and the child's details
    above a ruled table (Date, Worker, Event Type, Details) running over pages with its heading
    row repeated on each; rows too tall for the page are split, the rest of the text going on
    at the top of the next page with the date cell empty."""
    printer = _Printer(
        folder / "ruled_table_over_pages.pdf",
        "Chronology of significant events - Child Z (ID 2088231)",
        "Printed 02/04/2017 09:14 by Report Server",
        font_size=10,
    )
    printer.text(MARGIN, "Chronology of significant events", bold=True, size=14)
    printer.down(20)
    printer.text(MARGIN, "Child: Child Z    Date of birth: 01/11/2015    Case ID: 2088231")
    printer.down(24)
    rows = [[f"{ALL_DAYS[i]:%d/%m/%Y}", WORKERS[i % 4], TYPES[i % 4], _two(i)] for i in range(12)]
    _ruled_table(printer, [70, 90, 80, 255], ["Date", "Worker", "Event Type", "Details"], rows)
    path = printer.save()
    truth = _truth(12, types=True, text=_two)
    return path, truth


# --- 2. an IMR chronology table saved from Word as PDF: two tables, repeated heading row ----


def word_imr_tables(folder: Path):
    """An IMR author's chronology typed in Word and saved as PDF (reportlab's tables stand in
    for Word's): a heading and an introduction, the first table (Date, Time, Source, Event,
    Practitioner) over two pages with its heading row repeated, a heading, then a second table
    with the same columns for the later period."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    styles = getSampleStyleSheet()
    body = styles["BodyText"]
    path = folder / "word_imr_tables.pdf"

    furniture = _page_furniture(
        ("left", MARGIN, PAGE_H - 36, "Individual Management Review - Community Health"),
        ("right", PAGE_W - MARGIN, 30, "Page {page}"),
        ("left", MARGIN, 30, "OFFICIAL-SENSITIVE"),
    )

    def table(indices):
        data = [["Date", "Time", "Source", "Event", "Practitioner"]]
        for i in indices:
            data.append([
                f"{ALL_DAYS[i]:%d/%m/%Y}", f"{ALL_TIMES[i]:%H:%M}", "Case record",
                Paragraph(escape(ALL_TEXTS[i] + " " + ALL_TEXTS[(i + 3) % 12]), body),
                Paragraph(WORKERS[i % 4], body),
            ])  # fmt: skip
        t = Table(data, colWidths=[62, 38, 62, 243, 90], repeatRows=1)
        t.setStyle(TableStyle([
            ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
            ("BACKGROUND", (0, 0), (-1, 0), colors.lightgrey),
            ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ]))  # fmt: skip
        return t

    story = [
        Paragraph("Section 3: Chronology of involvement", styles["Heading1"]),
        Paragraph(
            "This section sets out the agency's contact with the family, taken from the "
            "electronic patient record.",
            body,
        ),  # fmt: skip
        Spacer(1, 8),
        table(range(8)),
        Spacer(1, 12),
        Paragraph("Contacts after the child protection plan was made", styles["Heading2"]),
        table(range(8, 12)),
    ]
    doc = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN)
    doc.build(story, onFirstPage=furniture, onLaterPages=furniture)
    truth = _truth(12, times=True, text=lambda i: ALL_TEXTS[i] + " " + ALL_TEXTS[(i + 3) % 12])
    return path, truth


# --- 3. a case-note report printed with its columns aligned, no lines -----------------------


def unruled_case_notes(folder: Path, total: bool = False):
    """A case system's case-note report printed to PDF: a summary block, then columns aligned
    but no lines drawn (Date / Time, Case Note Type, Worker, Case Note), the note wrapping onto
    the lines under it with the date column empty, the heading line printed again on each page,
    a note split across a page break; "End of report" under the last entry (``total``: first,
    straight under it, as close as the entries are to each other, the count of notes)."""
    printer = _Printer(
        folder / f"unruled_case_notes{'_total' if total else ''}.pdf",
        "Case Notes Report - Child Z (ID 2088231)",
        "Run on 02/04/2017 09:14 by Report Server",
    )
    printer.text(MARGIN, "Case Notes Report", bold=True, size=14)
    printer.down(22)
    for label, value in [("Person:", "Child Z (ID 2088231)"),
                         ("Date range:", "01/03/2016 to 31/03/2017")]:  # fmt: skip
        printer.text(MARGIN, label, bold=True)
        printer.text(MARGIN + 70, value)
        printer.down()
    printer.down(10)
    xs = [MARGIN, MARGIN + 85, MARGIN + 170, MARGIN + 260]
    heads = ["Date / Time", "Case Note Type", "Worker", "Case Note"]
    note_width = PAGE_W - MARGIN - xs[3]

    def heading() -> None:
        for x, h in zip(xs, heads, strict=True):
            printer.text(x, h, bold=True)
        printer.down(printer.leading * 1.6)

    heading()
    for i in range(12):
        lines = _wrap(_two(i), note_width, printer.size)
        first = True
        for line in lines:
            if printer.room() < printer.leading:
                printer.new_page()
                heading()
            if first:
                printer.text(xs[0], f"{ALL_DAYS[i]:%d/%m/%Y} {ALL_TIMES[i]:%H:%M}")
                printer.text(xs[1], TYPES[i % 4])
                printer.text(xs[2], WORKERS[i % 4])
                first = False
            printer.text(xs[3], line)
            printer.down()
        printer.down(printer.leading * 0.6)
    if total:
        printer.text(MARGIN, "Total number of case notes: 12")
        printer.down()
    printer.down(printer.leading)
    printer.text(MARGIN, "End of report")
    path = printer.save()
    truth = _truth(12, types=True, times=True, text=_two)
    return path, truth


# --- 4. a GP practice's consultation log: unruled, the time under the date ------------------


def gp_log_unruled(folder: Path):
    """A GP practice's consultation log printed to PDF: columns aligned, no lines (Date,
    Clinician, Consultation), the time printed on the line under the date, the consultation
    text wrapping beside them; wrapped headings ("Consultation" / "notes" on two lines)."""
    printer = _Printer(
        folder / "gp_log_unruled.pdf", "Riverside Medical Practice - Patient record extract",
        "Printed by: Dr A Rowe 03/04/2017", font_size=9,
    )  # fmt: skip
    printer.text(MARGIN, "Consultations: Child Z", bold=True, size=12)
    printer.down(26)
    xs = [MARGIN, MARGIN + 80, MARGIN + 180]
    printer.text(xs[0], "Date", bold=True)
    printer.text(xs[1], "Clinician", bold=True)
    printer.text(xs[2], "Consultation", bold=True)
    printer.down()
    printer.text(xs[2], "notes", bold=True)
    printer.down(printer.leading * 1.5)
    width = PAGE_W - MARGIN - xs[2]
    for i in range(8):
        lines = _wrap(TEXTS[i], width, printer.size)
        left = [f"{DAYS[i]:%d-%b-%Y}", f"{TIMES[i]:%H:%M}"]
        for n in range(max(len(lines), 2)):
            if n < 2:
                printer.text(xs[0], left[n])
            if n == 0:
                printer.text(xs[1], WORKERS[i % 4])
            if n < len(lines):
                printer.text(xs[2], lines[n])
            printer.down()
        printer.down(printer.leading * 0.5)
    path = printer.save()
    truth = _truth(8, times=True)  # the first eight, as in the shared files
    return path, truth


# --- 5. an author's chronology written as prose ---------------------------------------------


def prose_chronology(folder: Path):
    """A police author's chronology written as prose and saved as PDF: a heading, an
    introduction, each entry a paragraph "On 14 March 2016 ..." or "On the 14th March 2016"
    (the ordinal's letters raised) wrapping over lines, a paragraph of analysis at the end."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    styles = getSampleStyleSheet()
    body = styles["BodyText"]
    path = folder / "prose_chronology.pdf"

    furniture = _page_furniture(
        ("centre", PAGE_W / 2, PAGE_H - 30, "OFFICIAL-SENSITIVE"),
        ("right", PAGE_W - MARGIN, 30, "Page {page} of 2"),
    )

    story = [
        Paragraph("Police chronology of involvement", styles["Heading1"]),
        Paragraph(
            "This chronology sets out police contact with the family between March 2016 and "
            "March 2017, taken from the force's incident and crime records.",
            body,
        ),  # fmt: skip
    ]
    for i in range(12):
        day = ALL_DAYS[i].day
        if i % 3 == 0:  # Word raises the ordinal's letters: "On the 14<sup>th</sup> March"
            suffix = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd", 31: "st"}
            opening = f"On the {day}<super>{suffix.get(day, 'th')}</super> {ALL_DAYS[i]:%B %Y} "
        else:
            opening = f"On {day} {ALL_DAYS[i]:%B %Y} "
        story.append(Paragraph(opening + escape(_lower(i)), body))
    story.append(Paragraph("Analysis", styles["Heading2"]))
    story.append(Paragraph(
        "Taken together the contacts show a pattern of neglect that grew over the year and was "
        "seen by each agency only in part.", body,
    ))  # fmt: skip
    doc = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN)
    doc.build(story, onFirstPage=furniture, onLaterPages=furniture)
    truth = _truth(12, worker=False, text=_lower)
    return path, truth


def _lower(i: int) -> str:
    text = ALL_TEXTS[i] + " " + ALL_TEXTS[(i + 5) % 12]
    return text[0].lower() + text[1:]


# --- 6. a case-note print: each note's line, its text full width under it ------------------


def case_note_blocks(folder: Path):
    """A case system's case-note print: a heading line (Date / Time, Contact Type, Worker) and
    under each note's line its text printed full width across the page, wrapping; the heading
    line printed again on each page, a note's text going on over the page break."""
    printer = _Printer(
        folder / "case_note_blocks.pdf",
        "Contact history - Child Z (ID 2088231)",
        "Printed 02/04/2017 09:14 by Report Server",
    )
    printer.text(MARGIN, "Contact history", bold=True, size=14)
    printer.down(28)
    xs = [MARGIN, MARGIN + 110, MARGIN + 240]
    heads = ["Date / Time", "Contact Type", "Worker"]

    def heading() -> None:
        for x, h in zip(xs, heads, strict=True):
            printer.text(x, h, bold=True)
        printer.down(printer.leading * 1.6)

    heading()
    for i in range(12):
        if printer.room() < 3 * printer.leading:
            printer.new_page()
            heading()
        printer.text(xs[0], f"{ALL_DAYS[i]:%d/%m/%Y} {ALL_TIMES[i]:%H:%M}", bold=True)
        printer.text(xs[1], TYPES[i % 4], bold=True)
        printer.text(xs[2], WORKERS[i % 4], bold=True)
        printer.down()
        for line in _wrap(_two(i), PAGE_W - 2 * MARGIN, printer.size):
            if printer.room() < printer.leading:
                printer.new_page()
                heading()
            printer.text(MARGIN, line)
            printer.down()
        printer.down(printer.leading * 0.8)
    path = printer.save()
    truth = _truth(12, types=True, times=True, text=_two)
    return path, truth


# --- 7. a table with a line under each row only, its heading row not repeated ----------------


def lines_under_rows(folder: Path):
    """A health trust's chronology saved as PDF from its reporting tool: a line under each row
    but none between the columns, the heading row on the first page only, rows never split."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    styles = getSampleStyleSheet()
    body = styles["BodyText"]
    path = folder / "lines_under_rows.pdf"

    furniture = _page_furniture(
        ("left", MARGIN, 30, "Riverside NHS Trust - chronology extract"),
        ("right", PAGE_W - MARGIN, 30, "{page}"),
    )

    data = [["Date", "Staff member", "Entry"]]
    for i in range(12):
        data.append([
            f"{ALL_DAYS[i]:%d %b %Y}", Paragraph(WORKERS[i % 4], body),
            Paragraph(escape(_two(i)), body),
        ])  # fmt: skip
    table = Table(data, colWidths=[80, 100, 315])
    table.setStyle(TableStyle([
        ("LINEBELOW", (0, 0), (-1, -1), 0.5, colors.grey),
        ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]))  # fmt: skip
    story = [Paragraph("Chronology", styles["Heading1"]), Spacer(1, 6), table]
    doc = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN)
    doc.build(story, onFirstPage=furniture, onLaterPages=furniture)
    truth = _truth(12, text=_two)
    return path, truth


# --- 8. a ruled table split inside its rows, its heading row on the first page only ---------


def grid_rows_split(folder: Path):
    """A chronology table saved as PDF with lines round every cell, its heading row on the
    first page only, long rows split by the page break (the rest of the text at the top of the
    next page, the other cells empty there); Date and Time in one column ("14/03/2016 10:32")."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    styles = getSampleStyleSheet()
    body = styles["BodyText"]
    path = folder / "grid_rows_split.pdf"

    furniture = _page_furniture(
        ("centre", PAGE_W / 2, 30, "- {page} -"),
        ("centre", PAGE_W / 2, PAGE_H - 30, "OFFICIAL"),
    )

    def text(i: int) -> str:
        return " ".join([ALL_TEXTS[i], ALL_TEXTS[(i + 1) % 12], ALL_TEXTS[(i + 2) % 12]])

    data = [["Date and time", "Agency / worker", "What happened"]]
    for i in range(12):
        data.append([
            f"{ALL_DAYS[i]:%d/%m/%Y} {ALL_TIMES[i]:%H:%M}", Paragraph(WORKERS[i % 4], body),
            Paragraph(escape(text(i)), body),
        ])  # fmt: skip
    table = Table(data, colWidths=[95, 100, 300], splitInRow=1)
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]))  # fmt: skip
    doc = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN)
    doc.build([table], onFirstPage=furniture, onLaterPages=furniture)
    truth = _truth(12, times=True, text=text)
    return path, truth


# --- 9. a log with no heading line: the date at the left, the text wrapping beside it -----


def dated_log_no_heading(folder: Path):
    """A police log printed to PDF with no heading line: each entry's date at the left
    margin, its text beside it wrapping under itself (a hanging indent), no space between
    entries; "Page n of N" and the marking on each page."""
    printer = _Printer(
        folder / "dated_log_no_heading.pdf", "Police log extract - Child Z",
        "Produced 03/04/2017 by Public Protection Unit", font_size=9,
    )  # fmt: skip
    printer.text(MARGIN, "Incident log", bold=True, size=12)
    printer.down(24)
    x = MARGIN + 70
    for i in range(12):
        for n, line in enumerate(_wrap(_two(i), PAGE_W - MARGIN - x, printer.size)):
            if printer.room() < printer.leading:
                printer.new_page()
            if n == 0:
                printer.text(MARGIN, f"{ALL_DAYS[i]:%d/%m/%Y}")
            printer.text(x, line)
            printer.down()
    path = printer.save()
    return path, _truth(12, worker=False, text=_two)


# --- 10. prose with no space between paragraphs, justified -----------------------------------


def prose_packed(folder: Path):
    """An author's chronology as prose saved as PDF with no space between paragraphs, the text
    justified, each paragraph's first line indented; "14.03.2016: ..." openings."""
    from reportlab.lib.enums import TA_JUSTIFY
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    styles = getSampleStyleSheet()
    packed = ParagraphStyle(
        "packed", parent=styles["Normal"], alignment=TA_JUSTIFY, spaceBefore=0, spaceAfter=0,
        firstLineIndent=18,
    )  # fmt: skip
    path = folder / "prose_packed.pdf"

    furniture = _page_furniture(
        ("right", PAGE_W - MARGIN, 30, "Page {page}"),
    )

    story = [Paragraph("Chronology", styles["Heading1"])]
    for i in range(12):
        text = f"{ALL_DAYS[i]:%d.%m.%Y}: " + _two(i)
        story.append(Paragraph(escape(text), packed))
    doc = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN)
    doc.build(story, onFirstPage=furniture, onLaterPages=furniture)
    return path, _truth(12, worker=False, text=_two)


# --- 11. columns without lines, their headings centred over them ----------------------------


def centred_headings(folder: Path):
    """A school's safeguarding log printed to PDF: no lines, each heading centred over its
    column (Date, Time, Staff, Details), the details wrapping under themselves."""
    printer = _Printer(
        folder / "centred_headings.pdf", "Safeguarding log - Child Z - Riverside Primary",
        "Printed 03/04/2017", font_size=9,
    )  # fmt: skip
    printer.text(MARGIN, "Safeguarding concerns log", bold=True, size=12)
    printer.down(26)
    xs = [MARGIN, MARGIN + 65, MARGIN + 105, MARGIN + 200]
    widths = [60, 35, 90, PAGE_W - MARGIN - xs[3]]
    from reportlab.pdfbase.pdfmetrics import stringWidth

    def heading() -> None:
        for x, w, h in zip(xs, widths, ["Date", "Time", "Staff", "Details"], strict=True):
            printer.text(x + (w - stringWidth(h, "Helvetica-Bold", 9)) / 2, h, bold=True)
        printer.down(printer.leading * 1.5)

    heading()
    for i in range(12):
        lines = _wrap(_two(i), widths[3], printer.size)
        for n, line in enumerate(lines):
            if printer.room() < printer.leading:
                printer.new_page()
                heading()
            if n == 0:
                printer.text(xs[0], f"{ALL_DAYS[i]:%d/%m/%Y}")
                printer.text(xs[1], f"{ALL_TIMES[i]:%H:%M}")
                printer.text(xs[2], WORKERS[i % 4])
            printer.text(xs[3], line)
            printer.down()
        printer.down(printer.leading * 0.5)
    path = printer.save()
    truth = _truth(12, times=True, text=_two)
    return path, truth


# --- 12. a PDF with its editing restricted (an owner password, none to open it) -------------


def restricted_editing(folder: Path):
    """A chronology PDF whose author restricted editing and copying (an owner password), that
    anyone can open: read as any other."""
    from pypdf import PdfReader, PdfWriter

    plain, truth = unruled_case_notes(folder)
    writer = PdfWriter()
    for page in PdfReader(plain).pages:
        writer.add_page(page)
    writer.encrypt(user_password="", owner_password="Riverside2017", permissions_flag=-3904)
    path = folder / "restricted_editing.pdf"
    with open(path, "wb") as handle:
        writer.write(handle)
    return path, truth


# --- 13. case notes printed as blocks of labelled lines -------------------------------------


def labelled_blocks(folder: Path):
    """A case system's "print case notes" to PDF: each note a block of labelled lines (Date:,
    Type:, Author:, Note:), the note wrapping under its label's value, a space between
    blocks, no table."""
    printer = _Printer(
        folder / "labelled_blocks.pdf", "Case notes - Child Z (ID 2088231)",
        "Printed 02/04/2017 09:14", font_size=9,
    )  # fmt: skip
    printer.text(MARGIN, "Case notes", bold=True, size=13)
    printer.down(26)
    x = MARGIN + 60
    for i in range(12):
        note = _wrap(_two(i), PAGE_W - MARGIN - x, printer.size)
        if printer.room() < (len(note) + 4) * printer.leading:
            printer.new_page()
        for label, value in [
            ("Date:", f"{ALL_DAYS[i]:%d/%m/%Y} {ALL_TIMES[i]:%H:%M}"),
            ("Type:", TYPES[i % 4]),
            ("Author:", WORKERS[i % 4]),
        ]:
            printer.text(MARGIN, label, bold=True)
            printer.text(x, value)
            printer.down()
        printer.text(MARGIN, "Note:", bold=True)
        for line in note:
            printer.text(x, line)
            printer.down()
        printer.down(printer.leading)
    path = printer.save()
    truth = _truth(12, types=True, times=True, text=_two)
    return path, truth


# --- 14. prose under a box of the child's particulars ----------------------------------------


def prose_under_particulars(folder: Path):
    """A police author's prose chronology saved as PDF under a ruled box of the child's
    particulars (Name, Date of birth, Address: two columns, no entries)."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    styles = getSampleStyleSheet()
    body = styles["BodyText"]
    path = folder / "prose_under_particulars.pdf"
    box = Table(
        [["Name", "Child Z"], ["Date of birth", "01/11/2015"], ["Address", "Flat 3, Riverside"]],
        colWidths=[120, 300],
    )
    box.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
    story = [Paragraph("Police chronology", styles["Heading1"]), box, Spacer(1, 10)]
    for i in range(8):
        opening = f"On {ALL_DAYS[i].day} {ALL_DAYS[i]:%B %Y} "
        story.append(Paragraph(escape(opening + _lower(i)), body))

    furniture = _page_furniture(
        ("centre", PAGE_W / 2, PAGE_H - 30, "OFFICIAL"),
        ("right", PAGE_W - MARGIN, 30, "Page {page} of 1"),
    )

    doc = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN)
    doc.build(story, onFirstPage=furniture, onLaterPages=furniture)
    return path, _truth(8, worker=False, text=_lower)


def landscape_report(folder: Path):
    """An ambulance service's patient contact report printed landscape (the demo's writer): a
    ruled table with a shaded heading row repeated on each page, notes with an outcome line."""
    from app.agency_exports import AgencyEvent, ambulance_pdf

    events = [
        AgencyEvent(ALL_DAYS[i], f"{ALL_TIMES[i]:%H:%M}", WORKERS[i % 4], "Paramedic",
                    TYPES[i % 4], "", _two(i))
        for i in range(12)
    ]  # fmt: skip
    path = ambulance_pdf(folder / "landscape_report.pdf", events, "Child Z")
    return path, _truth(12, types=True, times=True, text=_two)


def spreadsheet_printed(folder: Path):
    """A workbook printed to PDF without gridlines: the dates right-aligned in their cells, so
    that each ends 1.6 pt from its time, left-aligned in the next cell (closer than a space:
    text tools read "02/03/202210:00" as one word)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    printer = _Printer(folder / "spreadsheet_printed.pdf", "Chronology", "Printed 03/04/2017")
    columns = (
        MARGIN,
        112.0,
        150.0,
        240.0,
    )  # Date (its text ending at the next), Time, Worker, Note
    for x, heading in zip(columns, ("Date", "Time", "Worker", "Case note"), strict=True):
        printer.text(x, heading, bold=True)
    printer.down(printer.leading * 1.4)
    for i in range(8):
        day = f"{ALL_DAYS[i]:%d/%m/%Y}"
        printer.text(columns[1] - 1.6 - stringWidth(day, "Helvetica", printer.size), day)
        printer.text(columns[1], f"{ALL_TIMES[i]:%H:%M}")
        printer.text(columns[2], WORKERS[i % 4])
        for line in _wrap(ALL_TEXTS[i], PAGE_W - MARGIN - columns[3], printer.size):
            printer.text(columns[3], line)
            printer.down()
        printer.down(printer.leading * 0.4)
    return printer.save(), _truth(8, times=True)


def browser_printed(folder: Path, borders: bool):
    """A web case system's case-note report printed to PDF by Chromium (as a worker saves the
    page from the browser): a title, the person's line, a table whose heading row repeats on each
    page (with or without cell borders), the browser's own date and address at the top and foot
    of every page, and "Total number of case notes" under the table. None without Chromium."""
    import shutil
    import subprocess
    import tempfile

    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        return None
    cell = "border:1px solid #999;" if borders else ""
    rows = "".join(
        f"<tr><td>{ALL_DAYS[i]:%d/%m/%Y}</td><td>{ALL_TIMES[i]:%H:%M}</td><td>{TYPES[i % 4]}</td>"
        f"<td>{WORKERS[i % 4]}</td><td>{escape(_two(i))}</td></tr>"
        for i in range(12)
    )
    page = (
        "<html><head><meta charset='utf-8'><title>Case Notes - Child Z</title><style>"
        "body{font-family:sans-serif;font-size:11px} table{border-collapse:collapse;width:100%}"
        f"th,td{{{cell}padding:4px;vertical-align:top;text-align:left}}"
        "thead{display:table-header-group}</style></head><body><h2>Case Notes Report</h2>"
        "<p>Person: Child Z (ID 2088231)</p><table><thead><tr><th>Date</th><th>Time</th>"
        "<th>Case Note Type</th><th>Author</th><th>Case Note</th></tr></thead>"
        f"<tbody>{rows}</tbody></table><p>Total number of case notes: 12</p></body></html>"
    )
    name = f"browser_printed{'_borders' if borders else ''}"
    html = folder / f"{name}.html"
    html.write_text(page, encoding="utf-8")
    path = folder / f"{name}.pdf"
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             f"--user-data-dir={profile}", f"--print-to-pdf={path}", html.as_uri()],
            capture_output=True, timeout=120, check=True,
        )  # fmt: skip
    return path, _truth(12, types=True, times=True, text=_two)


FILES = {
    "spreadsheet_printed": spreadsheet_printed,
    "landscape_report": landscape_report,
    "ruled_table_over_pages": ruled_table_over_pages,
    "word_imr_tables": word_imr_tables,
    "unruled_case_notes": unruled_case_notes,
    "unruled_case_notes_total": lambda folder: unruled_case_notes(folder, total=True),
    "gp_log_unruled": gp_log_unruled,
    "prose_chronology": prose_chronology,
    "case_note_blocks": case_note_blocks,
    "lines_under_rows": lines_under_rows,
    "grid_rows_split": grid_rows_split,
    "dated_log_no_heading": dated_log_no_heading,
    "prose_packed": prose_packed,
    "centred_headings": centred_headings,
    "restricted_editing": restricted_editing,
    "labelled_blocks": labelled_blocks,
    "prose_under_particulars": prose_under_particulars,
}


def _turned(builder, degrees: int):
    """``builder``'s PDF as a printer turning a landscape page saves it: the page drawn turned
    on its sheet and marked (/Rotate) to be shown turned back, so that it reads the same."""

    def build(folder: Path):
        from pypdf import PdfWriter

        path, truth = builder(folder)
        writer = PdfWriter(clone_from=str(path))
        for page in writer.pages:
            page.rotate(degrees)
            page.transfer_rotation_to_content()
            page.rotate(-degrees % 360)
        turned = folder / f"{path.stem}_turned_{degrees}.pdf"
        writer.write(turned)
        return turned, truth

    build.__doc__ = f"{builder.__name__}, its pages drawn turned {degrees}° and shown upright."
    return build


PRINTED_BY_A_BROWSER = {
    "browser_printed_borders": lambda folder: browser_printed(folder, True),
    "browser_printed": lambda folder: browser_printed(folder, False),
}

TURNED = {
    "landscape_report_turned": _turned(landscape_report, 90),
    "ruled_table_over_pages_turned": _turned(ruled_table_over_pages, 90),
    "unruled_case_notes_turned": _turned(unruled_case_notes, 270),
    "prose_chronology_turned": _turned(prose_chronology, 90),
}


# --- text struck through, underlined --------------------------------------------------------


def _mark(printer: _Printer, words: str, how: str, rows=None) -> None:
    """Draw through (or under) ``words`` wherever a line of text on the printer's pages holds
    them (within ``rows``: (page, highest y, lowest y)): "line" a line through their middle (as
    LibreOffice prints a strike), "bar" a thin filled box there (as Word does), "under" a line
    under them."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    for number, page in enumerate(printer.pages):
        for item in list(page):
            if item[0] != "text" or words not in item[3]:
                continue
            if rows and not (rows[0] == number and rows[2] < item[2] <= rows[1]):
                continue
            _k, x, y, text, bold, size = item
            font = "Helvetica-Bold" if bold else "Helvetica"
            x0 = x + stringWidth(text[: text.index(words)], font, size)
            x1 = x0 + stringWidth(words, font, size)
            if how == "line":
                page.append(("line", x0, y + 0.3 * size, x1, y + 0.3 * size))
            elif how == "bar":
                page.append(("bar", x0, y + 0.28 * size, x1 - x0, 0.06 * size))
            else:
                page.append(("line", x0, y - 0.15 * size, x1, y - 0.15 * size))


STRUCK_WHOLE = 2  # every cell of this entry struck through (an entry made in error)
STRUCK_PART = 9  # a few words of this entry's text struck through (a correction)
STRUCK_WORDS = "the baby's weight"


def struck_table(folder: Path, how: str = "line"):
    """A case system's ruled chronology printed to PDF with an entry struck through, cell by
    cell, line by line (made in error), and a few words of another entry's text struck; other
    entries' words and a date underlined (not struck)."""
    printer = _Printer(
        folder / f"struck_table_{how}.pdf", "Chronology - Child Z (ID 2088231)",
        "Printed 02/04/2017 09:14 by Report Server", font_size=10,
    )  # fmt: skip
    printer.text(MARGIN, "Chronology of significant events", bold=True, size=14)
    printer.down(24)
    texts = ALL_TEXTS
    rows = [[f"{ALL_DAYS[i]:%d/%m/%Y}", WORKERS[i % 4], texts[i]] for i in range(12)]
    _ruled_table(printer, [70, 110, 315], ["Date", "Worker", "Details"], rows)
    widths = [70, 110, 315]
    dates = [
        (n, item[2])
        for n, page in enumerate(printer.pages)
        for item in page
        if item[0] == "text" and item[3] in (rows[STRUCK_WHOLE][0], rows[STRUCK_WHOLE + 1][0])
    ]
    (page, top), (_page, below) = dates
    for cell, width in zip(rows[STRUCK_WHOLE], widths, strict=True):
        for line in _wrap(cell, width - 6, printer.size):
            _mark(printer, line, how, (page, top, below))
    _mark(printer, STRUCK_WORDS, "bar" if how == "line" else "line")
    _mark(printer, "Home conditions improved", "under")
    _mark(printer, f"{ALL_DAYS[7]:%d/%m/%Y}", "under")
    path = printer.save()
    truth = [
        Expected(
            start=ALL_DAYS[i],
            event=texts[i],
            practitioner=WORKERS[i % 4],
            flagged=i in (STRUCK_WHOLE, STRUCK_PART),
        )  # fmt: skip
        for i in range(12)
    ]
    return path, truth


def struck_paragraphs(folder: Path):
    """An author's dated paragraphs saved as PDF, one entry's opening words struck through."""
    printer = _Printer(
        folder / "struck_paragraphs.pdf", "Police chronology - Child Z",
        "Produced 03/04/2017 by Public Protection Unit", font_size=10,
    )  # fmt: skip
    printer.text(MARGIN, "Chronology", bold=True, size=14)
    printer.down(24)
    for i in range(8):
        for line in _wrap(f"{ALL_DAYS[i]:%d/%m/%Y} " + ALL_TEXTS[i], 480, printer.size):
            printer.text(MARGIN, line)
            printer.down()
        printer.down(6)
    first = _wrap(f"{ALL_DAYS[4]:%d/%m/%Y} " + ALL_TEXTS[4], 480, printer.size)[0]
    struck = " ".join(first.split()[1:4])
    _mark(printer, struck, "bar")
    path = printer.save()
    truth = [Expected(start=ALL_DAYS[i], event=ALL_TEXTS[i]) for i in range(8)]
    return path, truth, struck


STRUCK = {
    "struck_table_line": lambda folder: struck_table(folder, "line"),
    "struck_table_bar": lambda folder: struck_table(folder, "bar"),
}


# --- columns without lines, no heading naming the date (or no heading line at all) ------------


def unruled_other_heading(
    folder: Path,
    heads: list[str] | None,
    name: str,
    under: list[str] | None = None,
    font_size: float = 9.0,
):
    """A log printed to PDF with its columns aligned and no lines, whose heading line names no
    date column ("Logged | Category | Officer | Incident") or which has no heading line at all:
    the date and time at the left of each entry's first line, the note wrapping under itself,
    the heading (if any) printed again on each page, ``under`` its words wrapped onto a second
    line ("Type" under "Contact")."""
    printer = _Printer(
        folder / f"{name}.pdf", "Incident log - Child Z", "Produced 03/04/2017 by the log",
        font_size=font_size,
    )  # fmt: skip
    printer.text(MARGIN, "Incident log", bold=True, size=14)
    printer.down(28)
    xs = [MARGIN + x * font_size / 9 for x in (0, 85, 170, 260)]
    note_width = PAGE_W - MARGIN - xs[3]

    def heading() -> None:
        if under and len(printer.pages) > 1:
            printer.y += 24  # at the top of the page, among the running headings
        if heads:
            for x, h in zip(xs, heads, strict=True):
                printer.text(x, h, bold=True)
            if under:
                printer.down()
                for x, h in zip(xs, under, strict=True):
                    printer.text(x, h, bold=True)
            printer.down(printer.leading * 1.6)

    heading()
    for i in range(12):
        for n, line in enumerate(_wrap(_two(i), note_width, printer.size)):
            if printer.room() < printer.leading:
                printer.new_page()
                heading()
            if n == 0:
                printer.text(xs[0], f"{ALL_DAYS[i]:%d/%m/%Y} {ALL_TIMES[i]:%H:%M}")
                printer.text(xs[1], TYPES[i % 4])
                printer.text(xs[2], WORKERS[i % 4])
            printer.text(xs[3], line)
            printer.down()
        printer.down(printer.leading * 0.6)
    path = printer.save()
    return path, _truth(12, types=True, times=True, text=_two)


UNNAMED_DATES = {
    "logged_category_officer": lambda folder: unruled_other_heading(
        folder, ["Logged", "Category", "Officer", "Incident"], "logged_category_officer"
    ),
    "day_kind_by_summary": lambda folder: unruled_other_heading(
        folder, ["Day", "Kind", "By", "Summary"], "day_kind_by_summary"
    ),
    "no_heading_line": lambda folder: unruled_other_heading(folder, None, "no_heading_line"),
}
FILES.update(UNNAMED_DATES)


def wrapped_heading(folder: Path):
    """Case notes printed without lines, a heading word wrapped onto a second line ("Type"
    under "Contact"), both lines printed again at the top of every page."""
    return unruled_other_heading(
        folder, ["Date / Time", "Contact", "Worker", "Case Note"], "wrapped_heading",
        under=["", "Type", "", ""], font_size=11,
    )  # fmt: skip


FILES["wrapped_heading"] = wrapped_heading


# --- paragraphs inside a ruled table's cell --------------------------------------------------

# Each entry's details as its paragraphs, and how the next paragraph is set apart: "" nothing
# but the line before it ending short, "indent" its first line indented, "gap" a wider space.
CELL_PARAGRAPHS = [
    ([ALL_TEXTS[0] + " Seen alone.", "Outcome: no further action."], ""),
    ([ALL_TEXTS[1] + " " + ALL_TEXTS[2]], ""),
    ([ALL_TEXTS[3], "Plan: review in a week by the health visitor with the GP practice."], "indent"),
    (["Referral received from the school about the child's attendance and hunger today", "Strategy discussion booked."], "gap"),
    ([ALL_TEXTS[4], "Actions:", "1. Visit again.", "2. Write to mother."], ""),
    ([ALL_TEXTS[5]], ""),
]  # fmt: skip


def cell_paragraphs(folder: Path):
    """An IMR table saved from Word as PDF whose details cells hold several paragraphs (an
    outcome under the note, a numbered list), set apart by a short last line, an indent or a
    wider space; the long ones wrap at the cell's width."""
    printer = _Printer(
        folder / "cell_paragraphs.pdf", "Individual Management Review - Child Z",
        "Printed 02/04/2017 by Report Server", font_size=10,
    )  # fmt: skip
    pad, size, leading = 4, printer.size, printer.leading
    xs = [MARGIN, MARGIN + 75, MARGIN + 175, MARGIN + 495]
    inner = xs[3] - xs[2] - 2 * pad

    def row(cells: list[list[tuple[float, float, str]]], bold=False) -> None:
        top = printer.y + size
        y_end = top
        for x, lines in zip(xs, cells, strict=False):
            y = top - pad - size
            for indent, extra, text in lines:
                y -= extra
                printer.pages[-1].append(("text", x + pad + indent, y, text, bold, size))
                y -= leading
            y_end = min(y_end, y)
        bottom = y_end + leading - size - pad
        for y in (top, bottom):
            printer.line(xs[0], y, xs[-1], y)
        for x in xs:
            printer.line(x, top, x, bottom)
        printer.y = bottom - size

    row([[(0, 0, "Date")], [(0, 0, "Practitioner")], [(0, 0, "Details")]], bold=True)
    for i, (paragraphs, how) in enumerate(CELL_PARAGRAPHS):
        lines = []
        for n, paragraph in enumerate(paragraphs):
            indent = 14 if how == "indent" and n else 0
            for k, line in enumerate(_wrap(paragraph, inner - indent, size)):
                extra = 5 if how == "gap" and n and not k else 0
                lines.append((indent if not k else 0, extra, line))
        row([[(0, 0, f"{ALL_DAYS[i]:%d/%m/%Y}")], [(0, 0, WORKERS[i % 4])], lines])
    path = printer.save()
    truth = [
        Expected(start=ALL_DAYS[i], event=" ".join(p), practitioner=WORKERS[i % 4])
        for i, (p, _how) in enumerate(CELL_PARAGRAPHS)
    ]
    return path, truth


FILES["cell_paragraphs"] = cell_paragraphs
TURNED.update({
    "wrapped_heading_turned_90": _turned(wrapped_heading, 90),
    "wrapped_heading_turned_270": _turned(wrapped_heading, 270),
    "cell_paragraphs_turned_270": _turned(cell_paragraphs, 270),
    "struck_table_turned_90": _turned(STRUCK["struck_table_bar"], 90),
    "struck_table_turned_270": _turned(STRUCK["struck_table_line"], 270),
})  # fmt: skip


# --- PDFs that cannot be read ---------------------------------------------------------------


def scanned(folder: Path):
    """A chronology printed, then scanned: each page a picture, no text in it."""
    from PIL import Image, ImageDraw
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    image = Image.new("L", (600, 840), 255)
    draw = ImageDraw.Draw(image)
    for n in range(30):
        draw.line((40, 60 + 24 * n, 560, 60 + 24 * n), fill=0)
        draw.text((44, 64 + 24 * n), f"{DAYS[n % 8]:%d/%m/%Y}  visit", fill=0)
    path = folder / "scanned.pdf"
    c = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H))
    for _page in range(2):
        c.drawImage(ImageReader(image), 0, 0, PAGE_W, PAGE_H)
        c.showPage()
    c.save()
    return path, ["no text", "scanned"]


def password_locked(folder: Path):
    """A chronology PDF sent with a password to open it."""
    from pypdf import PdfReader, PdfWriter

    plain, _truth = ruled_table_over_pages(folder)
    writer = PdfWriter()
    for page in PdfReader(plain).pages:
        writer.add_page(page)
    writer.encrypt(user_password="Riverside2017", owner_password="owner", algorithm="AES-128")
    path = folder / "password_locked.pdf"
    with open(path, "wb") as handle:
        writer.write(handle)
    return path, ["password"]


def cut_short(folder: Path):
    """A PDF that did not finish downloading: its first few hundred bytes only."""
    plain, _truth = prose_chronology(folder)
    path = folder / "cut_short.pdf"
    path.write_bytes(plain.read_bytes()[:700])
    return path, ["cannot be read"]


REFUSED = {"scanned": scanned, "password_locked": password_locked, "cut_short": cut_short}
