"""The sixth round's Word documents, in layouts the earlier rounds did not cover (see
sixth_round_text.py for the conventions). All names are fictional."""

from __future__ import annotations

from pathlib import Path

from tests.chronology.robust_files import (
    DAYS,
    TEXTS,
    TIMES,
    TYPES,
    WORKERS,
    Expected,
    _truth,
)


def _fill(row, values) -> None:
    for cell, text in zip(row.cells, values, strict=True):
        cell.text = text


def _table(document, heads):
    table = document.add_table(rows=1, cols=len(heads))
    table.style = "Table Grid"
    _fill(table.rows[0], heads)
    return table


# --- 1. case notes printed as labelled paragraphs -------------------------------------------------


def label_paragraphs(folder: Path):
    """Case notes printed to Word as paragraphs, not tables: "Date: 14/03/2016", "Time: 10:32",
    "Worker: ...", "Type: ...", "Note: ...", an empty paragraph between notes."""
    import docx

    document = docx.Document()
    document.add_heading("Case notes – Child Z", level=1)
    for i in range(8):
        document.add_paragraph(f"Date: {DAYS[i]:%d/%m/%Y}")
        document.add_paragraph(f"Time: {TIMES[i]:%H:%M}")
        document.add_paragraph(f"Worker: {WORKERS[i % 4]}")
        document.add_paragraph(f"Type: {TYPES[i % 4]}")
        document.add_paragraph(f"Note: {TEXTS[i]}")
        document.add_paragraph("")
    path = folder / "label_paragraphs.docx"
    document.save(path)
    return path, _truth()


# --- 2. a date inserted as a field, a hyperlink in the text --------------------------------------


def _field(paragraph, instruction: str, result: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def run_with(child):
        run = OxmlElement("w:r")
        run.append(child)
        paragraph._p.append(run)

    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    run_with(begin)
    code = OxmlElement("w:instrText")
    code.set(qn("xml:space"), "preserve")
    code.text = f" {instruction} "
    run_with(code)
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    run_with(separate)
    text = OxmlElement("w:t")
    text.text = result
    run_with(text)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run_with(end)


def _hyperlink(paragraph, text: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    link = OxmlElement("w:hyperlink")
    link.set(qn("w:anchor"), "policy")
    run = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.set(qn("xml:space"), "preserve")
    t.text = text
    run.append(t)
    link.append(run)
    paragraph._p.append(link)


def field_dates_and_links(folder: Path):
    """An IMR table whose dates were put in with Insert > Date and Time (a DATE field whose
    shown result is the date) and whose events end with a hyperlink to the policy."""
    import docx

    document = docx.Document()
    table = _table(document, ["Date", "Practitioner", "Type", "Event"])
    for i in range(8):
        row = table.add_row()
        _field(row.cells[0].paragraphs[0], 'DATE \\@ "dd/MM/yyyy"', f"{DAYS[i]:%d/%m/%Y}")
        row.cells[1].text, row.cells[2].text = WORKERS[i % 4], TYPES[i % 4]
        row.cells[3].text = TEXTS[i]
        _hyperlink(row.cells[3].paragraphs[0], " (see procedures)")
    path = folder / "field_dates_and_links.docx"
    document.save(path)
    return path, _truth(times=False)


# --- 3. a row for each month merged across the table ---------------------------------------------


def month_rows_merged(folder: Path):
    """An IMR table with a row for each month ("March 2016") merged across every column above
    that month's entries, whose dates are written in full."""
    import docx

    document = docx.Document()
    table = _table(document, ["Date", "Time", "Practitioner", "Type", "Event"])
    month = None
    for i in range(8):
        if (DAYS[i].year, DAYS[i].month) != month:
            month = (DAYS[i].year, DAYS[i].month)
            row = table.add_row()
            merged = row.cells[0].merge(row.cells[4])
            merged.text = f"{DAYS[i]:%B %Y}"
        row = table.add_row()
        _fill(row, [f"{DAYS[i]:%d/%m/%Y}", f"{TIMES[i]:%H:%M}", WORKERS[i % 4], TYPES[i % 4],
                    TEXTS[i]])  # fmt: skip
    path = folder / "month_rows_merged.docx"
    document.save(path)
    return path, _truth()


# --- 4. two rows an entry: the details, then the narrative merged across ------------------------


def word_two_row_entries(folder: Path):
    """A case-note print in a Word table: a row with the date, time, worker and type, and under it
    the note in one cell merged across the table."""
    import docx

    document = docx.Document()
    table = _table(document, ["Date", "Time", "Worker", "Type"])
    for i in range(8):
        _fill(table.add_row(), [f"{DAYS[i]:%d/%m/%Y}", f"{TIMES[i]:%H:%M}", WORKERS[i % 4],
                                TYPES[i % 4]])  # fmt: skip
        row = table.add_row()
        merged = row.cells[0].merge(row.cells[3])
        merged.text = TEXTS[i]
    path = folder / "word_two_row_entries.docx"
    document.save(path)
    return path, _truth()


# --- 5. a long table pasted page by page: the header again, page numbers -------------------------


def pasted_pages_table(folder: Path):
    """A chronology pasted into Word from a printed report page by page: the header row again
    at the top of each page, and a "Page 1 of 3" row at the foot of each."""
    import docx

    document = docx.Document()
    heads = ["Date", "Time", "Worker", "Type", "Details"]
    table = _table(document, heads)
    for i in range(8):
        if i and i % 3 == 0:
            row = table.add_row()
            merged = row.cells[0].merge(row.cells[4])
            merged.text = f"Page {i // 3} of 3"
            _fill(table.add_row(), heads)
        _fill(table.add_row(), [f"{DAYS[i]:%d/%m/%Y}", f"{TIMES[i]:%H:%M}", WORKERS[i % 4],
                                TYPES[i % 4], TEXTS[i]])  # fmt: skip
    path = folder / "pasted_pages_table.docx"
    document.save(path)
    return path, _truth()


# --- 6. the date, time and type in one cell, on lines broken within a paragraph -----------------


def line_breaks_in_first_cell(folder: Path):
    """An IMR table whose first cell holds the date and the time on lines broken with
    Shift+Enter (one paragraph, a line break), the worker and the event beside it."""
    import docx

    document = docx.Document()
    table = _table(document, ["Date / time", "Practitioner", "Type", "Event"])
    for i in range(8):
        row = table.add_row()
        run = row.cells[0].paragraphs[0].add_run(f"{DAYS[i]:%d/%m/%Y}")
        run.add_break()
        run.add_text(f"{TIMES[i]:%H:%M}")
        row.cells[1].text, row.cells[2].text, row.cells[3].text = (
            WORKERS[i % 4], TYPES[i % 4], TEXTS[i])  # fmt: skip
    path = folder / "line_breaks_in_first_cell.docx"
    document.save(path)
    return path, _truth()


# --- 7. a chronology typed with tabs between the fields ------------------------------------------


def tabbed_paragraphs(folder: Path):
    """A chronology typed in Word with tabs for columns: a heading line "Date<tab>Time<tab>
    Worker<tab>Event", then each entry a paragraph of fields between tabs."""
    import docx

    document = docx.Document()
    document.add_heading("Chronology", level=1)
    document.add_paragraph("Date\tTime\tWorker\tEvent")
    for i in range(8):
        document.add_paragraph(f"{DAYS[i]:%d/%m/%Y}\t{TIMES[i]:%H:%M}\t{WORKERS[i % 4]}\t"
                               f"{TEXTS[i]}")  # fmt: skip
    path = folder / "tabbed_paragraphs.docx"
    document.save(path)
    return path, _truth(types=False)


# --- 8. a bulleted chronology -------------------------------------------------------------------


def bulleted_dates(folder: Path):
    """A chronology written as a bulleted list (List Bullet style), each bullet "14 March 2016:
    ..." under a heading and an introduction."""
    import docx

    document = docx.Document()
    document.add_heading("Summary of involvement", level=1)
    document.add_paragraph("The following contacts are recorded on the file:")
    for i in range(8):
        document.add_paragraph(f"{DAYS[i]:%d %B %Y}: {TEXTS[i]}", style="List Bullet")
    path = folder / "bulleted_dates.docx"
    document.save(path)
    return path, [Expected(DAYS[i], event=TEXTS[i]) for i in range(8)]


FILES = {
    fn.__name__: fn
    for fn in (
        label_paragraphs,
        field_dates_and_links,
        month_rows_merged,
        word_two_row_entries,
        pasted_pages_table,
        line_breaks_in_first_cell,
        tabbed_paragraphs,
        bulleted_dates,
    )
}
