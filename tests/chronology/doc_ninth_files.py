"""Chronologies sent as documents, of kinds the earlier rounds do not have: a Word table whose
right-hand cell holds a nested table of the note's details; Word cells wrapped whole in content
controls; a Word chronology split over sections whose tables put the columns in other orders;
entries in Word text boxes; numbered paragraphs with dotted dates and a dash; a web case
system's export as definition lists; an RTF table with the date and the time in columns of
their own; a PDF of notes each labelled "Date:", "Worker:", "Note:" on lines of their own; a PDF
of case notes printed two columns to a page; a PDF whose page header gives the day and whose
page holds several timed notes of that day.

Each builder takes a folder and returns (path, truth). All names are fictional."""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from tests.chronology.doc_sixth_files import CONTACTS, NOTES, WORKERS, _day, _t, _time

KEY_TEXTS: dict[str, list[str]] = {}
KEPT: dict[str, list[list[str]]] = {}
SAID: dict[str, list[str]] = {}

_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


# --- Word ---------------------------------------------------------------------------------------


def word_nested_detail_tables(folder: Path):
    """A two-column IMR table: the date on the left, and on the right a nested table of three
    labelled rows (Practitioner, Contact, Details)."""
    import docx

    document = docx.Document()
    document.add_heading("Chronology of involvement", level=1)
    table = document.add_table(rows=1, cols=2)
    table.style = "Table Grid"
    table.rows[0].cells[0].text = "Date"
    table.rows[0].cells[1].text = "Involvement"
    for i in range(8):
        cells = table.add_row().cells
        cells[0].text = f"{_day(i):%d/%m/%Y}"
        inner = cells[1].add_table(rows=3, cols=2)
        for row, (label, value) in zip(
            inner.rows,
            [("Practitioner", WORKERS[i % 4]), ("Contact", CONTACTS[i % 4]), ("Details", NOTES[i])],
            strict=True,
        ):
            row.cells[0].text = label
            row.cells[1].text = value
    path = folder / "word_nested_detail_tables.docx"
    document.save(path)
    return path, [_t(i, time=False) for i in range(8)]


def word_cell_content_controls(folder: Path):
    """A template table whose every body cell is wrapped whole in a content control (w:sdt
    around the w:tc, as a "repeating section" template leaves it)."""
    rows = []
    head = ["Date", "Time", "Practitioner", "Contact", "Details"]
    rows.append("".join(f"<w:tc><w:p><w:r><w:t>{h}</w:t></w:r></w:p></w:tc>" for h in head))
    for i in range(8):
        values = [f"{_day(i):%d/%m/%Y}", _time(i), WORKERS[i % 4], CONTACTS[i % 4], NOTES[i]]
        rows.append(
            "".join(
                f'<w:sdt><w:sdtPr><w:tag w:val="c{n}"/></w:sdtPr><w:sdtContent><w:tc><w:p><w:r>'
                f"<w:t>{escape(v)}</w:t></w:r></w:p></w:tc></w:sdtContent></w:sdt>"
                for n, v in enumerate(values)
            )
        )
    body = "".join(f"<w:tr>{r}</w:tr>" for r in rows)
    path = folder / "word_cell_content_controls.docx"
    _docx_with_body(
        path,
        "<w:p><w:r><w:t>Chronology</w:t></w:r></w:p>"
        f'<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>{body}</w:tbl><w:p/>',
    )
    return path, [_t(i) for i in range(8)]


def word_sections_other_column_orders(folder: Path):
    """A chronology over two sections (portrait, then landscape), each with its own table
    whose header puts the columns in another order."""
    import docx
    from docx.enum.section import WD_ORIENT, WD_SECTION

    document = docx.Document()
    document.add_heading("Chronology", level=1)
    orders = [
        ["Date", "Practitioner", "Contact", "Details"],
        ["Details", "Date", "Contact", "Practitioner"],
    ]
    for part, order in enumerate(orders):
        if part:
            section = document.add_section(WD_SECTION.NEW_PAGE)
            section.orientation = WD_ORIENT.LANDSCAPE
            section.page_width, section.page_height = section.page_height, section.page_width
        table = document.add_table(rows=1, cols=4)
        table.style = "Table Grid"
        for cell, text in zip(table.rows[0].cells, order, strict=True):
            cell.text = text
        for i in range(part * 4, part * 4 + 4):
            value = {"Date": f"{_day(i):%d/%m/%Y}", "Practitioner": WORKERS[i % 4],
                     "Contact": CONTACTS[i % 4], "Details": NOTES[i]}  # fmt: skip
            for cell, name in zip(table.add_row().cells, order, strict=True):
                cell.text = value[name]
    path = folder / "word_sections_other_column_orders.docx"
    document.save(path)
    return path, [_t(i, time=False) for i in range(8)]


def word_text_boxes(folder: Path):
    """Each entry a text box (drawn shape) holding a date line, a worker line and the note."""
    parts = ["<w:p><w:r><w:t>Case chronology</w:t></w:r></w:p>"]
    for i in range(7):
        inner = "".join(
            f'<w:p><w:r><w:t xml:space="preserve">{escape(t)}</w:t></w:r></w:p>'
            for t in [
                f"{_day(i):%d/%m/%Y} {_time(i)} {CONTACTS[i % 4]}",
                f"Worker: {WORKERS[i % 4]}",
                NOTES[i],
            ]  # fmt: skip
        )
        parts.append(
            '<w:p><w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml" '
            'style="width:450pt;height:90pt"><v:textbox><w:txbxContent>'
            f"{inner}</w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>"
        )
    path = folder / "word_text_boxes.docx"
    _docx_with_body(path, "".join(parts))
    return path, [_t(i) for i in range(7)]


def word_dotted_date_numbered(folder: Path):
    """Numbered paragraphs, each "1. 14.03.2016 – Home visit (Aled Prosser): note"."""
    import docx

    document = docx.Document()
    document.add_heading("Chronology of key events", level=1)
    for i in range(9):
        document.add_paragraph(
            f"{i + 1}. {_day(i):%d.%m.%Y} \u2013 {CONTACTS[i % 4]} ({WORKERS[i % 4]}): {NOTES[i]}"
        )
    path = folder / "word_dotted_date_numbered.docx"
    document.save(path)
    return path, [_t(i, time=False) for i in range(9)]


def _docx_with_body(path: Path, body: str) -> None:
    import docx

    from tests.chronology.doc_sixth_files import _rewrite

    docx.Document().save(path)
    xml = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {_W}>'
        f"<w:body>{body}<w:sectPr/></w:body></w:document>"
    )
    _rewrite(path, {"word/document.xml": xml})


# --- web page and RTF ---------------------------------------------------------------------------


def html_definition_lists(folder: Path):
    """A case system's export: each note a <dl> of labelled details (Date, Time, Worker,
    Contact type, Note)."""
    blocks = []
    for i in range(8):
        items = [("Date", f"{_day(i):%d/%m/%Y}"), ("Time", _time(i)), ("Worker", WORKERS[i % 4]),
                 ("Contact type", CONTACTS[i % 4]), ("Note", NOTES[i])]  # fmt: skip
        inner = "".join(f"<dt>{k}</dt><dd>{escape(v)}</dd>" for k, v in items)
        blocks.append(f"<h3>Case note {1200 + i}</h3><dl>{inner}</dl>")
    path = folder / "html_definition_lists.html"
    path.write_text(
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Case notes</title></head>"
        f"<body><h1>Case notes export</h1>{''.join(blocks)}</body></html>",
        encoding="utf-8",
    )
    return path, [_t(i) for i in range(8)]


def _rtf(text: str) -> str:
    return "".join(c if ord(c) < 128 else f"\\u{ord(c)}?" for c in text)


def rtf_table_date_time_columns(folder: Path):
    """An RTF chronology table (as Word saves it) with a header row and the date and the time
    in columns of their own."""
    widths = [1400, 2200, 3400, 5200, 9800]

    def row(values):
        cells = "".join(f"\\cellx{w}" for w in widths)
        text = "".join(f"\\pard\\intbl {_rtf(v)}\\cell " for v in values)
        return f"\\trowd\\trgaph108{cells}{text}\\row\n"

    body = row(["Date", "Time", "Worker", "Contact", "Note"])
    for i in range(8):
        body += row([f"{_day(i):%d/%m/%Y}", _time(i), WORKERS[i % 4], CONTACTS[i % 4], NOTES[i]])
    path = folder / "rtf_table_date_time_columns.rtf"
    path.write_text(
        "{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Calibri;}}\\pard Chronology\\par\n"
        + body
        + "\\pard\\par}",
        encoding="ascii",
    )
    return path, [_t(i) for i in range(8)]


# --- PDF ----------------------------------------------------------------------------------------


def _pdf(path: Path, draw) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4)
    draw(c, A4)
    c.save()


def _wrap(text: str, width: int) -> list[str]:
    import textwrap

    return textwrap.wrap(text, width)


def pdf_labels_on_own_lines(folder: Path):
    """Case notes printed one after another, each with "Date:", "Worker:", "Contact:" and
    "Note:" labels on lines of their own, the note wrapped under its label."""

    def draw(c, size):
        y = size[1] - 60
        c.setFont("Helvetica-Bold", 13)
        c.drawString(50, y, "Case notes")
        y -= 30
        for i in range(8):
            lines = [("Date:", f"{_day(i):%d/%m/%Y} {_time(i)}"), ("Worker:", WORKERS[i % 4]),
                     ("Contact:", CONTACTS[i % 4]), ("Note:", "")]  # fmt: skip
            need = 14 * (len(lines) + len(_wrap(NOTES[i], 90))) + 16
            if y - need < 50:
                c.showPage()
                y = size[1] - 60
            for label, value in lines:
                c.setFont("Helvetica-Bold", 10)
                c.drawString(50, y, label)
                c.setFont("Helvetica", 10)
                c.drawString(110, y, value)
                y -= 14
            for line in _wrap(NOTES[i], 90):
                c.drawString(50, y, line)
                y -= 14
            y -= 16

    path = folder / "pdf_labels_on_own_lines.pdf"
    _pdf(path, draw)
    return path, [_t(i) for i in range(8)]


def pdf_two_text_columns(folder: Path):
    """Case notes printed two columns to a page: each note a bold line of date, time and
    worker, its text wrapped under it in a narrow column."""

    def draw(c, size):
        columns = [(50, 280), (310, 545)]
        col, y = 0, size[1] - 60
        for i in range(8):
            lines = _wrap(NOTES[i], 44)
            need = 13 * (len(lines) + 1) + 12
            if y - need < 50:
                col, y = col + 1, size[1] - 60
                if col == 2:
                    c.showPage()
                    col = 0
            x = columns[col][0]
            c.setFont("Helvetica-Bold", 9)
            c.drawString(
                x, y, f"{_day(i):%d/%m/%Y} {_time(i)} {CONTACTS[i % 4]} - {WORKERS[i % 4]}"
            )
            y -= 13
            c.setFont("Helvetica", 9)
            for line in lines:
                c.drawString(x, y, line)
                y -= 13
            y -= 12

    path = folder / "pdf_two_text_columns.pdf"
    _pdf(path, draw)
    return path, [_t(i) for i in range(8)]


def pdf_day_in_page_header(folder: Path):
    """One page a day: the page header gives the day ("Case notes for Monday 14 March 2016"),
    the page holds that day's notes, each a line of time, worker and contact over its text."""
    days = [[0, 1], [2], [3, 4, 5]]
    truth = []

    def draw(c, size):
        for page, group in enumerate(days):
            day = _day(group[0])
            c.setFont("Helvetica", 8)
            c.drawString(
                50, size[1] - 30, f"Children's services - case notes for {day:%A %-d %B %Y}"
            )
            c.drawRightString(545, 30, f"Page {page + 1} of {len(days)}")
            y = size[1] - 70
            for i in group:
                c.setFont("Helvetica-Bold", 10)
                c.drawString(50, y, f"{_time(i)} {CONTACTS[i % 4]} - {WORKERS[i % 4]}")
                y -= 14
                c.setFont("Helvetica", 10)
                for line in _wrap(NOTES[i], 90):
                    c.drawString(50, y, line)
                    y -= 14
                y -= 14
                t = _t(i)
                from dataclasses import replace

                truth.append(replace(t, start=day))
            c.showPage()

    path = folder / "pdf_day_in_page_header.pdf"
    _pdf(path, draw)
    return path, truth


FILES = {
    "word_nested_detail_tables": word_nested_detail_tables,
    "word_cell_content_controls": word_cell_content_controls,
    "word_sections_other_column_orders": word_sections_other_column_orders,
    "word_text_boxes": word_text_boxes,
    "word_dotted_date_numbered": word_dotted_date_numbered,
    "html_definition_lists": html_definition_lists,
    "rtf_table_date_time_columns": rtf_table_date_time_columns,
    "pdf_labels_on_own_lines": pdf_labels_on_own_lines,
    "pdf_two_text_columns": pdf_two_text_columns,
    "pdf_day_in_page_header": pdf_day_in_page_header,
}
