"""Text struck through in the other files agencies send: a LibreOffice sheet (.ods), an old
Excel workbook (.xls), a Word chronology table (.docx), and an Excel cell of formatted runs
kept in the cell itself. As for .xlsx, nothing is dropped: the rows are imported as written and
flagged, saying which cells were crossed out; files with nothing struck get no flag."""

from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.styles import Font

from app.chronology.reading import read_tables
from app.chronology.struck_text import struck_cells_ods, struck_cells_xls
from app.chronology.xlsx_formats import struck_cells
from tests.chronology.test_robust_files import _entries, _import, store_path  # noqa: F401

EVENTS = [
    "Home visit: mother and baby seen, home warm and tidy.",
    "Telephone call from the school about lateness.",
    "Strategy discussion held with the police.",
    "Child seen alone at school; no concerns raised.",
    "Missed health appointment; letter sent to the family.",
]
WORKERS = ["Sam Ellery", "Jo Marsh", "Sam Ellery", "Priya Holt", "Jo Marsh"]
DAYS = [date(2016, 3, 1), date(2016, 3, 4), date(2016, 3, 4), date(2016, 3, 10), date(2016, 3, 15)]


# --- LibreOffice ----------------------------------------------------------------------------


def _ods(path: Path, *, strike: bool = True) -> Path:
    """A title, a blank row, the headings on row 3, then the entries: the second crossed out
    by its cells' style, a word of the fourth struck in a span, the third's date merged down
    from the second's (struck with it), the fifth's worker struck by a paragraph style."""
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.style import Style, TextProperties
    from odf.table import CoveredTableCell, Table, TableCell, TableRow
    from odf.text import P, Span

    doc = OpenDocumentSpreadsheet()
    line = {"textlinethroughstyle": "solid", "textlinethroughtype": "single"}
    if not strike:
        line = {"textlinethroughstyle": "none"}
    crossed = Style(name="ce1", family="table-cell")
    crossed.addElement(TextProperties(**line))
    word = Style(name="T1", family="text")
    word.addElement(TextProperties(**line))
    paragraph = Style(name="P1", family="paragraph")
    paragraph.addElement(TextProperties(**line))
    plain = Style(name="ce2", family="table-cell")
    plain.addElement(TextProperties(fontweight="bold"))
    for style in (crossed, word, paragraph, plain):
        doc.automaticstyles.addElement(style)

    def cell(text: str = "", style: str | None = None, **extra) -> TableCell:
        made = TableCell(valuetype="string", **({"stylename": style} if style else {}), **extra)
        if text:
            made.addElement(P(text=text))
        return made

    table = Table(name="Chronology")
    rows = [[cell("Children's services chronology", "ce2")], [], []]
    rows[2] = [cell(h, "ce2") for h in ("Date", "Worker", "Details")]
    for i in range(5):
        style = "ce1" if i == 1 else None
        if i == 1:
            first = cell(f"{DAYS[i]:%d/%m/%Y}", style, numberrowsspanned=2)
        elif i == 2:
            first = CoveredTableCell()
        else:
            first = cell(f"{DAYS[i]:%d/%m/%Y}")
        worker = cell(WORKERS[i], style)
        if i == 4:
            worker = TableCell(valuetype="string")
            worker.addElement(P(stylename="P1", text=WORKERS[i]))
        details = cell(EVENTS[i], style)
        if i == 3:
            details = TableCell(valuetype="string")
            text = P(text="Child seen alone at ")
            text.addElement(Span(stylename="T1", text="home"))
            text.addText(" school; no concerns raised.")
            details.addElement(text)
        rows.append([first, worker, details])
    for cells in rows:
        row = TableRow()
        for made in cells:
            row.addElement(made)
        table.addElement(row)
    doc.spreadsheet.addElement(table)
    doc.save(str(path))
    return path


def test_ods_rows_and_words_struck_are_flagged(tmp_path, capsys, store_path):  # noqa: F811
    path = _ods(tmp_path / "housing chronology.ods")
    assert struck_cells_ods(path, "Chronology") == {
        (4, 0): "whole", (4, 1): "whole", (4, 2): "whole", (6, 2): "part", (7, 1): "whole",
    }  # fmt: skip
    [table] = read_tables(path)
    assert table.header_row == 3
    assert set(table.row_flags) == {5, 6, 7, 8}
    assert table.row_flags[5].startswith("struck through in the file")
    # The date merged down from the crossed-out entry is struck in the row under it too.
    assert table.row_flags[6].startswith("the text of 'Date' is struck through")
    assert "some of the text of 'Details'" in table.row_flags[7]
    assert table.row_flags[8].startswith("the text of 'Worker' is struck through")
    assert any("4 rows with text struck through" in note for note in table.notes)

    code, output = _import(store_path, path, capsys)
    assert code == 0, output
    entries = _entries(store_path)
    assert len(entries) == 5  # nothing dropped
    assert [e.flagged for e in sorted(entries, key=lambda e: e.source_row)] == [
        False, True, True, True, True,
    ]  # fmt: skip
    assert "struck through" in output


def test_ods_with_nothing_struck_gets_no_flag(tmp_path, capsys, store_path):  # noqa: F811
    path = _ods(tmp_path / "housing.ods", strike=False)
    assert struck_cells_ods(path, "Chronology") == {}
    [table] = read_tables(path)
    assert table.row_flags == {}
    assert not any("struck" in note for note in table.notes)
    code, output = _import(store_path, path, capsys)
    assert code == 0, output
    assert not any(e.flagged for e in _entries(store_path))


# --- Excel 97-2003 ---------------------------------------------------------------------------


def _xls(path: Path, *, strike: bool = True) -> Path:
    import xlwt

    book = xlwt.Workbook()
    sheet = book.add_sheet("Chronology")
    crossed = xlwt.easyxf(f"font: struck_out {'on' if strike else 'off'}")
    sheet.write(0, 0, "Police chronology")
    for c, heading in enumerate(("Date", "Worker", "Details")):
        sheet.write(2, c, heading)
    dated = xlwt.easyxf("", num_format_str="DD/MM/YYYY")
    dated_crossed = xlwt.easyxf(
        f"font: struck_out {'on' if strike else 'off'}", num_format_str="DD/MM/YYYY"
    )
    struck_font = xlwt.Font()
    struck_font.struck_out = strike
    for i in range(5):
        r = 3 + i
        style = crossed if i == 1 else xlwt.Style.default_style
        sheet.write(r, 0, DAYS[i], dated_crossed if i == 1 else dated)
        sheet.write(r, 1, WORKERS[i], style)
        if i == 3:
            sheet.write_rich_text(
                r, 2, ["Child seen alone at ", ("home", struck_font), " school; no concerns."]
            )
        else:
            sheet.write(r, 2, EVENTS[i], style)
    sheet.write(9, 4, "", crossed)  # a struck font on an empty cell: nothing written is struck
    book.save(str(path))
    return path


def test_xls_rows_and_words_struck_are_flagged(tmp_path, capsys, store_path):  # noqa: F811
    path = _xls(tmp_path / "police.xls")
    assert struck_cells_xls(path, "Chronology") == {
        (4, 0): "whole", (4, 1): "whole", (4, 2): "whole", (6, 2): "part",
    }  # fmt: skip
    [table] = read_tables(path)
    assert set(table.row_flags) == {5, 7}
    assert table.row_flags[5].startswith("struck through in the file")
    assert "some of the text of 'Details'" in table.row_flags[7]

    code, output = _import(store_path, path, capsys)
    assert code == 0, output
    entries = sorted(_entries(store_path), key=lambda e: e.source_row)
    assert [e.flagged for e in entries] == [False, True, False, True, False]


def test_xls_with_nothing_struck_gets_no_flag(tmp_path):
    path = _xls(tmp_path / "police.xls", strike=False)
    assert struck_cells_xls(path, "Chronology") == {}
    [table] = read_tables(path)
    assert table.row_flags == {}
    assert not any("struck" in note for note in table.notes)


# --- Word ------------------------------------------------------------------------------------


def _docx(path: Path, *, strike: bool = True, tables: int = 2) -> Path:
    """The chronology table continued on a second page as a second table with its heading row
    repeated, a table of contacts before it; struck: a whole entry (direct formatting), a word
    (a character style that strikes), a worker (double strike), a date merged down over two
    entries."""
    import docx
    from docx.enum.style import WD_STYLE_TYPE
    from docx.oxml.ns import qn
    from docx.oxml.parser import OxmlElement

    document = docx.Document()
    style = document.styles.add_style("Crossed out", WD_STYLE_TYPE.CHARACTER)
    style.font.strike = strike
    document.add_paragraph("Education chronology")
    contacts = document.add_table(rows=2, cols=2)
    contacts.cell(0, 0).text, contacts.cell(0, 1).text = "School", "Head teacher"
    contacts.cell(1, 0).text, contacts.cell(1, 1).text = "Hillside Primary", "Ann Croft"
    per_table = [[0, 1, 2], [3, 4]] if tables == 2 else [[0, 1, 2, 3, 4]]
    for numbers in per_table:
        document.add_paragraph("")
        table = document.add_table(rows=1 + len(numbers), cols=3)
        for c, heading in enumerate(("Date", "Worker", "Details")):
            table.cell(0, c).text = heading
        for r, i in enumerate(numbers, start=1):
            for c, value in enumerate((f"{DAYS[i]:%d/%m/%Y}", WORKERS[i], EVENTS[i])):
                paragraph = table.cell(r, c).paragraphs[0]
                if i == 3 and c == 2:
                    paragraph.add_run("Child seen alone at ")
                    paragraph.add_run("home", style="Crossed out")
                    paragraph.add_run(" school; no concerns raised.")
                    continue
                run = paragraph.add_run(value)
                if i == 1 and strike:
                    run.font.strike = True
                if i == 4 and c == 1 and strike:
                    run.font.double_strike = True
        if 2 in numbers:  # the date of the second entry merged down over the third
            above, below = table.cell(2, 0)._tc, table.cell(3, 0)._tc
            for tc, how in ((above, "restart"), (below, "continue")):
                merge = OxmlElement("w:vMerge")
                merge.set(qn("w:val"), how)
                tc.get_or_add_tcPr().append(merge)
            for p in list(below)[1:]:
                below.remove(p)
            below.append(OxmlElement("w:p"))
    document.save(str(path))
    return path


def test_word_table_struck_rows_and_words_are_flagged(tmp_path, capsys, store_path):  # noqa: F811
    path = _docx(tmp_path / "education chronology.docx")
    [table] = read_tables(path)
    rows = {number: cells for number, cells in table.rows}
    assert rows[3][2] == EVENTS[1]
    assert table.row_flags[3].startswith("struck through in the file")
    # The merged date, given in both rows it covers, is struck in both.
    assert table.row_flags[4].startswith("the text of 'Date' is struck through")
    number_4th = next(n for n, cells in table.rows if cells[1] == WORKERS[3])
    number_5th = next(n for n, cells in table.rows if cells[2] == EVENTS[4])
    assert "some of the text of 'Details'" in table.row_flags[number_4th]
    assert table.row_flags[number_5th].startswith("the text of 'Worker' is struck through")
    assert set(table.row_flags) == {3, 4, number_4th, number_5th}

    code, output = _import(store_path, path, capsys)
    assert code == 0, output
    entries = sorted(_entries(store_path), key=lambda e: e.source_row)
    assert [e.event for e in entries][1] == EVENTS[1]  # imported as written
    assert [e.flagged for e in entries] == [False, True, True, True, True]


def test_word_tables_under_date_headings_keep_their_struck_cells(tmp_path):
    import docx

    document = docx.Document()
    for day, (worker, event) in zip(DAYS[:2], zip(WORKERS, EVENTS, strict=False), strict=False):
        document.add_paragraph(f"{day:%d %B %Y}")
        table = document.add_table(rows=2, cols=3)
        for c, heading in enumerate(("Time", "Practitioner", "Event")):
            table.cell(0, c).text = heading
        for c, value in enumerate(("10:30", worker, event)):
            run = table.cell(1, c).paragraphs[0].add_run(value)
            run.font.strike = day == DAYS[1] and c == 2
    path = tmp_path / "health.docx"
    document.save(str(path))
    [table] = read_tables(path)
    assert len(table.rows) == 2
    number = table.rows[1][0]
    assert set(table.row_flags) == {number}
    assert "'Event'" in table.row_flags[number]


@pytest.mark.parametrize("tables", [1, 2])
def test_word_table_with_nothing_struck_gets_no_flag(tmp_path, tables):
    path = _docx(tmp_path / "education.docx", strike=False, tables=tables)
    [table] = read_tables(path)
    assert len(table.rows) == 5
    assert table.row_flags == {}
    assert not any("struck" in note for note in table.notes)


# --- Excel: formatted runs kept in the cell itself --------------------------------------------


def test_inline_runs_struck_in_an_xlsx_cell(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.title = "Chronology"
    ws.append(["Date", "Worker", "Details"])
    for i in range(5):
        ws.append([DAYS[i], WORKERS[i], EVENTS[i]])
    ws["C3"] = CellRichText(
        ["Telephone call from the ", TextBlock(InlineFont(strike=True), "nursery"), " school."]
    )
    ws["C5"] = CellRichText([TextBlock(InlineFont(strike=True), EVENTS[3])])
    ws.merge_cells("A3:A4")  # one date over two entries, struck: both rows flagged
    ws["A3"].font = Font(strike=True)
    path = tmp_path / "school.xlsx"
    wb.save(path)
    assert b"inlineStr" in __import__("zipfile").ZipFile(path).read("xl/worksheets/sheet1.xml")
    assert struck_cells(path, "Chronology") == {(2, 2): "part", (4, 2): "whole", (2, 0): "whole"}
    [table] = read_tables(path)
    assert set(table.row_flags) == {3, 4, 5}
    assert "some of the text of 'Date', 'Details'" in table.row_flags[3]
    assert table.row_flags[4].startswith("the text of 'Date' is struck through")
    assert table.row_flags[5].startswith("the text of 'Details' is struck through")


def test_word_tables_with_other_columns_keep_their_struck_cells(tmp_path):
    """A second table heading its columns otherwise (an Agency column added): each cell is
    read under its own heading, and a struck cell is named by it."""
    import docx

    document = docx.Document()
    layouts = [("Date", "Worker", "Details"), ("Date", "Worker", "Agency", "Details")]
    for n, headings in enumerate(layouts):
        document.add_paragraph(f"Part {n + 1}")
        table = document.add_table(rows=3, cols=len(headings))
        for c, heading in enumerate(headings):
            table.cell(0, c).text = heading
        for r in (1, 2):
            i = 2 * n + r - 1
            values = {"Date": f"{DAYS[i]:%d/%m/%Y}", "Worker": WORKERS[i], "Agency": "Police",
                      "Details": EVENTS[i]}  # fmt: skip
            for c, heading in enumerate(headings):
                run = table.cell(r, c).paragraphs[0].add_run(values[heading])
                run.font.strike = n == 1 and r == 2 and heading == "Details"
    path = tmp_path / "police.docx"
    document.save(str(path))
    [table] = read_tables(path)
    assert "Agency" in table.headers
    [number] = table.row_flags
    cells = dict(table.rows)[number]
    assert cells[table.headers.index("Details")] == EVENTS[3]
    assert table.row_flags[number].startswith("the text of 'Details' is struck through")


def test_case_notes_printed_as_forms_keep_their_struck_values(tmp_path):
    """Case notes printed to Word, each a small table of a label and its value."""
    import docx

    document = docx.Document()
    for i in range(4):
        document.add_paragraph(f"Case note {i + 1}")
        table = document.add_table(rows=3, cols=2)
        values = (f"{DAYS[i]:%d/%m/%Y}", WORKERS[i], EVENTS[i])
        for r, (label, value) in enumerate(
            zip(("Date:", "Recorded by:", "Note:"), values, strict=True)
        ):
            table.cell(r, 0).text = label
            run = table.cell(r, 1).paragraphs[0].add_run(value)
            run.font.strike = i == 2 and r == 2
    path = tmp_path / "gp notes.docx"
    document.save(str(path))
    [table] = read_tables(path)
    assert len(table.rows) == 4
    [number] = table.row_flags
    assert dict(table.rows)[number][table.headers.index("Note")] == EVENTS[2]
    assert table.row_flags[number].startswith("the text of 'Note' is struck through")


def test_ods_cell_style_struck_by_the_named_style_it_is_based_on(tmp_path):
    """LibreOffice keeps a named cell style ("Crossed out") in styles.xml; the cells' own
    automatic style takes its strike from it."""
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.style import Style, TextProperties
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    named = Style(name="Crossed_20_out", displayname="Crossed out", family="table-cell")
    named.addElement(TextProperties(textlinethroughstyle="solid"))
    doc.styles.addElement(named)
    own = Style(name="ce1", family="table-cell", parentstylename="Crossed_20_out")
    own.addElement(TextProperties(fontweight="bold"))
    doc.automaticstyles.addElement(own)
    table = Table(name="Log")
    rows = [("Date", "Worker", "Details")] + [
        (f"{DAYS[i]:%d/%m/%Y}", WORKERS[i], EVENTS[i]) for i in range(5)
    ]
    for r, values in enumerate(rows):
        row = TableRow()
        for value in values:
            cell = TableCell(valuetype="string", **({"stylename": "ce1"} if r == 5 else {}))
            cell.addElement(P(text=value))
            row.addElement(cell)
        table.addElement(row)
    doc.spreadsheet.addElement(table)
    path = tmp_path / "youth justice.ods"
    doc.save(str(path))
    [table] = read_tables(path)
    assert set(table.row_flags) == {6}
    assert table.row_flags[6].startswith("struck through in the file")


def test_word_paragraph_style_that_strikes(tmp_path):
    """A paragraph style striking its text (an agency's "Withdrawn" style); a character style
    that strikes too, inside it, shows its words plain (strike toggles between styles)."""
    import docx
    from docx.enum.style import WD_STYLE_TYPE

    document = docx.Document()
    document.styles.add_style("Withdrawn", WD_STYLE_TYPE.PARAGRAPH).font.strike = True
    document.styles.add_style("Crossed out", WD_STYLE_TYPE.CHARACTER).font.strike = True
    table = document.add_table(rows=6, cols=3)
    for c, heading in enumerate(("Date", "Worker", "Details")):
        table.cell(0, c).text = heading
    for i in range(5):
        for c, value in enumerate((f"{DAYS[i]:%d/%m/%Y}", WORKERS[i], EVENTS[i])):
            paragraph = table.cell(i + 1, c).paragraphs[0]
            if i == 2 and c == 2:
                paragraph.style = "Withdrawn"
                paragraph.add_run("Strategy discussion held with ")
                paragraph.add_run("the police.", style="Crossed out")
            else:
                if i == 0:
                    paragraph.style = "Withdrawn"
                paragraph.add_run(value)
    path = tmp_path / "probation.docx"
    document.save(str(path))
    [table] = read_tables(path)
    assert set(table.row_flags) == {2, 4}
    assert table.row_flags[2].startswith("struck through in the file")
    assert "some of the text of 'Details'" in table.row_flags[4]


# --- chronologies written as paragraphs, no table -----------------------------------------------


def _paragraph_entries() -> list[tuple[str, list[tuple[str, bool]]]]:
    """Dated paragraphs as (date, runs of (text, struck)): the second entry crossed out whole
    (its date too), a word of the fourth struck, the others plain."""
    return [
        (f"{DAYS[i]:%d/%m/%Y}", runs)
        for i, runs in enumerate(
            [
                [(EVENTS[0], False)],
                [(EVENTS[1], True)],
                [(EVENTS[2], False)],
                [("Child seen alone at ", False), ("home", True), (" school; no concerns.", False)],
                [(EVENTS[4], False)],
            ]
        )
    ]


def _paragraph_flags(table) -> dict[str, str]:
    """The flags of the rows read, by the first words of each row's entry."""
    return {
        str(cells[1])[:12]: table.row_flags[number]
        for number, cells in table.rows
        if number in table.row_flags
    }


def test_word_paragraphs_struck_through_are_flagged(tmp_path, capsys, store_path):  # noqa: F811
    import docx

    document = docx.Document()
    document.add_paragraph("Health visiting chronology: Child M")
    for day, runs in _paragraph_entries():
        paragraph = document.add_paragraph()
        paragraph.add_run(f"{day} ").font.strike = all(struck for _text, struck in runs)
        for text, struck in runs:
            paragraph.add_run(text).font.strike = struck
    path = tmp_path / "health visiting notes.docx"
    document.save(str(path))
    [table] = read_tables(path)
    flags = _paragraph_flags(table)
    assert flags.keys() == {EVENTS[1][:12], "Child seen a"}, flags
    assert flags[EVENTS[1][:12]].startswith("struck through in the file")
    assert "some of the text of 'Entry' is struck through" in flags["Child seen a"]

    code, output = _import(store_path, path, capsys)
    assert code == 0, output
    entries = sorted(_entries(store_path), key=lambda e: e.source_row)
    assert [e.flagged for e in entries] == [False, True, False, True, False]
    assert EVENTS[1] in entries[1].event  # imported as written


def test_rtf_paragraphs_struck_through_are_flagged(tmp_path):
    lines = [r"{\rtf1\ansi\ansicpg1252 {\b Police chronology}\par"]
    for day, runs in _paragraph_entries():
        pieces = "".join((r"{\strike " + text + "}") if struck else text for text, struck in runs)
        crossed = all(struck for _text, struck in runs)
        lines.append(r"{\strike " + f"{day} }}{pieces}\\par" if crossed else f"{day} {pieces}\\par")
    path = tmp_path / "police log.rtf"
    path.write_text("\n".join(lines) + "}", encoding="cp1252")
    [table] = read_tables(path)
    flags = _paragraph_flags(table)
    assert flags.keys() == {EVENTS[1][:12], "Child seen a"}, flags
    assert flags[EVENTS[1][:12]].startswith("struck through in the file")
    assert "some of the text of 'Entry' is struck through" in flags["Child seen a"]
