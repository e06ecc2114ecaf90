"""Chronologies sent as PDF, of kinds the earlier PDF files do not have: a Word table with an
entry struck through saved as PDF by LibreOffice (its strikes drawn as thin lines) and a web
page's table with struck rows printed by Chromium; a Word table without borders on landscape
pages, its heading row repeated, the marking at the top and "Page 3 of 12" at the foot; a
workbook printed "over, then down" whose later row sets lack the page of a column empty
there; dated paragraphs set in three columns; a table printed glyph by glyph (as Microsoft
Print to PDF writes it: every letter placed on its own, no spaces); a chronology typed into a
PDF form's fields; a PDF locked with AES-256 (an owner password only: it opens; a password to
open it: refused); a PDF whose chronology is a workbook attached to it.

Each builder takes a folder and returns (path, truth) (REFUSED: (path, words the refusal must
say)); None when the producer is not installed. All names are fictional."""

from __future__ import annotations

import shutil
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
from tests.chronology.pdf_third_files import _day, copy_from, load_maker
from tests.chronology.robust_files import TYPES, WORKERS, Expected

DATA = Path(__file__).resolve().parents[1] / "data" / "pdf_fourth"


def _made():
    return load_maker(DATA, "make_fourth")


def _copy(folder: Path, name: str) -> Path:
    return copy_from(DATA, folder, name)


# --- LibreOffice's prints (tests/data/pdf_fourth) --------------------------------------------


def word_struck_saved(folder: Path):
    """A Word chronology table (Date, Time, Worker, Details) saved as PDF by LibreOffice, one
    entry struck through in every cell (made in error), a few words of another struck: each
    strike a thin line LibreOffice draws through the words. Both entries flagged."""
    made = _made()
    rows = made.struck_rows()
    truth = [
        Expected(start=_day(r[0]), time=r[1], practitioner=r[2], event=r[3],
                 flagged=n in (made.STRUCK_WHOLE, made.STRUCK_PART))
        for n, r in enumerate(rows)
    ]  # fmt: skip
    return _copy(folder, "word_struck_saved.pdf"), truth


def unruled_marked_landscape(folder: Path):
    """A Word table with no borders on landscape pages (Date, Time, Contact type, Worker, Case
    note, Outcome), its cells wrapping, its heading row repeated on every page, rows split by
    the page breaks, "OFFICIAL-SENSITIVE" in the page header and "Page 3 of 5" in the footer
    (LibreOffice)."""
    rows = _made().landscape_rows()
    truth = [
        Expected(start=_day(r[0]), time=r[1], event_type=r[2], practitioner=r[3], event=r[4])
        for r in rows
    ]
    return _copy(folder, "unruled_marked_landscape.pdf"), truth


def over_then_down_short(folder: Path):
    """A case-note workbook wider than the page printed "over, then down" (LibreOffice), its
    heading row on every page: rows 1-14's date, worker and type on page 1, their notes on
    page 2, their manager's comments on page 3; the later row sets have no comment page (those
    cells are empty, the page not printed): 7 pages."""
    rows = _made().over_rows()
    truth = [
        Expected(start=_day(r[0]), practitioner=r[1], event_type=r[2], event=r[3]) for r in rows
    ]
    return _copy(folder, "over_then_down_short.pdf"), truth


# the manager's comments must be kept (in any text field)
KEPT = {
    "over_then_down_short": [
        [c] if (c := _made().COMMENTS.get(n)) else [] for n in range(len(_made().over_rows()))
    ]
}


# --- made here ---------------------------------------------------------------------------------


def three_column_paragraphs(folder: Path):
    """An author's chronology set in three columns (as a bulletin is): dated paragraphs
    ("14/03/2016: ...") down the left column, then the middle, then the right, over two pages;
    a title across the top of the first page."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import BaseDocTemplate, Frame, NextPageTemplate, PageTemplate, Paragraph

    styles = getSampleStyleSheet()
    body = styles["BodyText"]
    path = folder / "three_column_paragraphs.pdf"
    gap = 14
    column = (PAGE_W - 2 * MARGIN - 2 * gap) / 3

    def frames(top):
        return [
            Frame(MARGIN + n * (column + gap), 60, column, top - 60, id=f"c{n}") for n in range(3)
        ]

    def title(canvas, doc):
        canvas.saveState()
        canvas.setFont("Helvetica-Bold", 14)
        canvas.drawString(MARGIN, PAGE_H - 60, "Chronology of health contact - Child Z")
        canvas.setFont("Helvetica", 8)
        canvas.drawRightString(PAGE_W - MARGIN, 30, f"Page {doc.page}")
        canvas.restoreState()

    later = _page_furniture(("right", PAGE_W - MARGIN, 30, "Page {page}"))
    doc = BaseDocTemplate(str(path), pagesize=A4)
    doc.addPageTemplates([
        PageTemplate(id="first", frames=frames(PAGE_H - 80), onPage=title),
        PageTemplate(id="later", frames=frames(PAGE_H - 50), onPage=later),
    ])  # fmt: skip
    story = [NextPageTemplate("later")]
    texts = [_two(i) + " " + _two((i + 5) % 12) for i in range(12)]
    for i in range(12):
        story.append(Paragraph(escape(f"{ALL_DAYS[i]:%d/%m/%Y}: {texts[i]}"), body))
    doc.build(story)
    truth = [Expected(start=ALL_DAYS[i], event=texts[i]) for i in range(12)]
    return path, truth


def glyph_runs(folder: Path):
    """A case-note report printed through Microsoft Print to PDF: every letter placed on its own
    (its own text object and position, no space characters: the gaps between words are only
    gaps), columns aligned without lines (Date, Time, Type, Worker, Note), the note wrapping
    under itself."""
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    size, leading = 9, 11.5
    xs = [MARGIN, MARGIN + 62, MARGIN + 100, MARGIN + 190, MARGIN + 290]
    note_w = PAGE_W - MARGIN - xs[4]
    path = folder / "glyph_runs.pdf"
    c = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H))

    def glyphs(x, y, text, font="Helvetica"):
        for ch in text:
            width = stringWidth(ch, font, size)
            if ch != " ":
                t = c.beginText(x, y)
                t.setFont(font, size)
                t.textOut(ch)
                c.drawText(t)
            x += width

    def head(y):
        for x, h in zip(xs, ["Date", "Time", "Type", "Worker", "Note"], strict=True):
            glyphs(x, y, h, "Helvetica-Bold")
        return y - leading * 1.5

    number = 1
    y = PAGE_H - 70
    glyphs(MARGIN, y, "Case notes report  Child Z  (2088231)", "Helvetica-Bold")
    y = head(y - 24)
    for i in range(12):
        lines = _wrap(_two(i), note_w, size)
        if y - len(lines) * leading < 60:
            glyphs(PAGE_W - MARGIN - 40, 30, f"Page {number}")
            c.showPage()
            number += 1
            y = head(PAGE_H - 60)
        cells = [f"{ALL_DAYS[i]:%d/%m/%Y}", f"{ALL_TIMES[i]:%H:%M}", TYPES[i % 4], WORKERS[i % 4]]
        for x, cell in zip(xs, cells, strict=False):
            glyphs(x, y, cell)
        for line in lines:
            glyphs(xs[4], y, line)
            y -= leading
        y -= 4
    glyphs(PAGE_W - MARGIN - 40, 30, f"Page {number}")
    c.showPage()
    c.save()
    return path, _truth(12, types=True, times=True, text=_two)


def form_fields(folder: Path):
    """A chronology typed into a PDF form (the agency's fillable template): a printed heading
    row (Date, Time, Worker, Details) over rows of text fields, each field holding its value
    (the page's own text has only the headings and the title)."""
    from reportlab.pdfgen import canvas

    path = folder / "form_fields.pdf"
    c = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H))
    xs, widths = [MARGIN, MARGIN + 70, MARGIN + 115, MARGIN + 220], [66, 41, 101, 290]
    rows_a_page, height = 8, 70
    for page in range(2):
        c.setFont("Helvetica-Bold", 13)
        c.drawString(MARGIN, PAGE_H - 60, "Agency chronology return (form)")
        c.setFont("Helvetica-Bold", 9)
        for x, h in zip(xs, ["Date", "Time", "Worker", "Details"], strict=True):
            c.drawString(x + 2, PAGE_H - 90, h)
        form = c.acroForm
        for r in range(rows_a_page):
            i = page * rows_a_page + r
            if i >= 12:
                break
            top = PAGE_H - 96 - r * (height + 4)
            values = [f"{ALL_DAYS[i]:%d/%m/%Y}", f"{ALL_TIMES[i]:%H:%M}", WORKERS[i % 4], _two(i)]
            for col, (x, w, value) in enumerate(zip(xs, widths, values, strict=True)):
                form.textfield(
                    name=f"row{i + 1}_{['date', 'time', 'worker', 'details'][col]}",
                    value=value, x=x, y=top - height, width=w, height=height,
                    fontName="Helvetica", fontSize=8, borderWidth=0.5,
                    fieldFlags="multiline" if col == 3 else "",
                )  # fmt: skip
        c.setFont("Helvetica", 8)
        c.drawRightString(PAGE_W - MARGIN, 30, f"Page {page + 1} of 2")
        c.showPage()
    c.save()
    return path, _truth(12, times=True, text=_two)


def _aes(folder: Path, name: str, user: str):
    import pikepdf

    from tests.chronology.pdf_files import unruled_case_notes

    plain, truth = unruled_case_notes(folder)
    path = folder / name
    with pikepdf.open(plain) as pdf:
        pdf.save(
            path,
            encryption=pikepdf.Encryption(
                owner="Northshire-2019", user=user, R=6,
                allow=pikepdf.Permissions(extract=False, modify_other=False),
            ),
        )  # fmt: skip
    return path, truth


def aes256_owner_only(folder: Path):
    """A chronology PDF locked with AES-256 against copying and editing (an owner password
    only): anyone opens it, so it is read as any other."""
    return _aes(folder, "aes256_owner_only.pdf", "")


def attached_workbook(folder: Path):
    """A PDF whose page only says the chronology is attached, the workbook (.xlsx) attached
    to it (an attachment, as a PDF portfolio holds its files): refused, naming the attached
    file and saying to save it from the PDF and import it."""
    import openpyxl
    import pikepdf
    from reportlab.pdfgen import canvas

    book = folder / "Chronology Child Z.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Date", "Worker", "Event"])
    for i in range(8):
        ws.append([f"{ALL_DAYS[i]:%d/%m/%Y}", WORKERS[i % 4], ALL_TEXTS[i]])
    wb.save(book)
    cover = folder / "cover.pdf"
    c = canvas.Canvas(str(cover), pagesize=(PAGE_W, PAGE_H))
    c.setFont("Helvetica-Bold", 14)
    c.drawString(MARGIN, PAGE_H - 80, "Northshire Children's Services")
    c.setFont("Helvetica", 10)
    c.drawString(
        MARGIN, PAGE_H - 110, "The agency chronology for Child Z is attached to this file."
    )
    c.drawString(MARGIN, PAGE_H - 124, "Open the attachments pane to see it.")
    c.showPage()
    c.save()
    path = folder / "attached_workbook.pdf"
    with pikepdf.open(cover) as pdf:
        pdf.attachments[book.name] = pikepdf.AttachedFileSpec.from_filepath(pdf, book)
        pdf.save(path)
    book.unlink()
    return path, ["attached", "Chronology Child Z.xlsx", "Save the attached file"]


def aes256_user_password(folder: Path):
    """A chronology PDF locked with AES-256 and a password to open it: refused, saying to ask
    for a copy without the password."""
    path, _truth_rows = _aes(folder, "aes256_user_password.pdf", "Child-Z-2019")
    return path, ["password"]


FILES = {
    "word_struck_saved": word_struck_saved,
    "unruled_marked_landscape": unruled_marked_landscape,
    "over_then_down_short": over_then_down_short,
    "three_column_paragraphs": three_column_paragraphs,
    "glyph_runs": glyph_runs,
    "form_fields": form_fields,
    "aes256_owner_only": aes256_owner_only,
}


def browser_struck_rows(folder: Path):
    """A web case system's chronology table printed to PDF by Chromium, one row struck through
    (<s> in every cell: an entry made in error) and a few words of another's note struck
    (<del>): Chromium draws each strike as a thin filled box through the words. Both entries
    flagged. None without Chromium."""
    import subprocess
    import tempfile

    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        return None
    whole, part, words = 4, 9, "mother attended with her sister"
    rows = []
    for i in range(12):
        cells = [f"{ALL_DAYS[i]:%d/%m/%Y}", f"{ALL_TIMES[i]:%H:%M}", WORKERS[i % 4], ALL_TEXTS[i]]
        cells = [escape(c) for c in cells]
        if i == whole:
            cells = [f"<s>{c}</s>" for c in cells]
        if i == part:
            assert words in ALL_TEXTS[i], ALL_TEXTS[i]
            cells[3] = cells[3].replace(words, f"<del>{words}</del>", 1)
        rows.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    page = (
        "<html><head><meta charset='utf-8'><title>Chronology - Child Z</title><style>"
        "body{font-family:sans-serif;font-size:12px} table{border-collapse:collapse;width:100%}"
        "td,th{border:1px solid #999;padding:3px;vertical-align:top;text-align:left}"
        "</style></head><body><h2>Chronology</h2><table><thead><tr><th>Date</th><th>Time</th>"
        f"<th>Worker</th><th>Details</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
        "</body></html>"
    )
    html = folder / "browser_struck_rows.html"
    html.write_text(page, encoding="utf-8")
    path = folder / "browser_struck_rows.pdf"
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             f"--user-data-dir={profile}", f"--print-to-pdf={path}", html.as_uri()],
            capture_output=True, timeout=120, check=True,
        )  # fmt: skip
    truth = [
        Expected(start=ALL_DAYS[i], time=f"{ALL_TIMES[i]:%H:%M}", practitioner=WORKERS[i % 4],
                 event=ALL_TEXTS[i], flagged=i in (whole, part))
        for i in range(12)
    ]  # fmt: skip
    return path, truth


PRINTED_BY_A_BROWSER = {"browser_struck_rows": browser_struck_rows}

REFUSED = {
    "aes256_user_password": aes256_user_password,
    "attached_workbook": attached_workbook,
}


# --- made after the reading rules were written, to try them -----------------------------------


def over_then_down_middle(folder: Path):
    """A workbook of seven columns printed "over, then down" (LibreOffice): date, time, worker
    and type, then the case note, the outcome and the manager's comment each on its own page
    (four pages a row set); the comments on three rows of the first two row sets only, so the
    last row set has no comment page: 11 pages."""
    made = _made()
    rows = made.middle_rows()
    truth = [
        Expected(start=_day(r[0]), time=r[1], practitioner=r[2], event_type=r[3], event=r[4])
        for r in rows
    ]
    return _copy(folder, "over_then_down_middle.pdf"), truth


def word_double_struck(folder: Path):
    """A Word table (Date, Time, Worker, Details) saved as PDF by LibreOffice with one entry
    struck through twice (double strikethrough: two lines through each line of words) and a
    few words of another struck twice: both entries flagged."""
    made = _made()
    rows = made.struck_rows(10)
    truth = [
        Expected(start=_day(r[0]), time=r[1], practitioner=r[2], event=r[3],
                 flagged=n in (made.DOUBLE_WHOLE, made.DOUBLE_PART))
        for n, r in enumerate(rows)
    ]  # fmt: skip
    return _copy(folder, "word_double_struck.pdf"), truth


def three_columns_landscape(folder: Path):
    """A bulletin-style chronology on landscape pages in three columns, each entry a bold
    date line ("Monday 14 March 2016") over its paragraph, the title across the top, the
    marking and "Page n of 2" at the foot."""
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph

    styles = getSampleStyleSheet()
    body = styles["BodyText"]
    land = (PAGE_H, PAGE_W)
    path = folder / "three_columns_landscape.pdf"
    gap = 20
    column = (land[0] - 2 * MARGIN - 2 * gap) / 3

    def furniture(canvas, doc):
        canvas.saveState()
        canvas.setFont("Helvetica-Bold", 13)
        canvas.drawString(MARGIN, land[1] - 45, "Education welfare chronology: Child Z")
        canvas.setFont("Helvetica", 8)
        canvas.drawCentredString(land[0] / 2, 22, "OFFICIAL-SENSITIVE")
        canvas.drawRightString(land[0] - MARGIN, 22, f"Page {doc.page} of 2")
        canvas.restoreState()

    frames = [
        Frame(MARGIN + n * (column + gap), 40, column, land[1] - 100, id=f"c{n}") for n in range(3)
    ]
    doc = BaseDocTemplate(str(path), pagesize=land)
    doc.addPageTemplates([PageTemplate(frames=frames, onPage=furniture)])
    texts = [_two(i) + " " + ALL_TEXTS[(i + 6) % 12] for i in range(12)]
    story = []
    for i in range(12):
        story.append(Paragraph(f"<b>{ALL_DAYS[i]:%A %d %B %Y}</b>", body))
        story.append(Paragraph(escape(texts[i]), body))
    doc.build(story)
    truth = [Expected(start=ALL_DAYS[i], event=texts[i]) for i in range(12)]
    return path, truth


def browser_notes_pipes(folder: Path):
    """A web case system's notes page printed by Chromium over pages: each note a bold line
    "14/03/2016 10:32 | Telephone call | Priya Nandakumar (Social Worker)" over one or two
    paragraphs. None without Chromium."""
    import subprocess
    import tempfile

    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        return None
    roles = ["Social Worker", "Health Visitor", "Family Support Worker", "Team Manager"]
    notes = "".join(
        f"<p><b>{ALL_DAYS[i]:%d/%m/%Y} {ALL_TIMES[i]:%H:%M} | {TYPES[i % 4]} | "
        f"{WORKERS[i % 4]} ({roles[i % 4]})</b></p><p>{escape(ALL_TEXTS[i])}</p>"
        f"<p>{escape(ALL_TEXTS[(i + 1) % 12])}</p>"
        for i in range(12)
    )
    page = (
        "<html><head><meta charset='utf-8'><title>Notes - Child Z</title><style>"
        "body{font-family:serif;font-size:13px} p{margin:0 0 5px 0}</style></head><body>"
        f"<h2>Case notes for Child Z</h2>{notes}</body></html>"
    )
    html = folder / "browser_notes_pipes.html"
    html.write_text(page, encoding="utf-8")
    path = folder / "browser_notes_pipes.pdf"
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             f"--user-data-dir={profile}", f"--print-to-pdf={path}", html.as_uri()],
            capture_output=True, timeout=120, check=True,
        )  # fmt: skip
    truth = [
        Expected(start=ALL_DAYS[i], time=f"{ALL_TIMES[i]:%H:%M}", event_type=TYPES[i % 4],
                 practitioner=WORKERS[i % 4], event=ALL_TEXTS[i] + " " + ALL_TEXTS[(i + 1) % 12])
        for i in range(12)
    ]  # fmt: skip
    return path, truth


AFTER = {
    "over_then_down_middle": over_then_down_middle,
    "word_double_struck": word_double_struck,
    "three_columns_landscape": three_columns_landscape,
    "browser_notes_pipes": browser_notes_pipes,
}

KEPT["over_then_down_middle"] = [
    [c] if (c := _made().MIDDLE.get(n)) else [] for n in range(len(_made().middle_rows()))
]
