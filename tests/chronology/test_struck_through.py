"""Text struck through in an agency's workbook: an entry the author crossed out (made in error)
or words corrected. Nothing is dropped: the rows are imported as written and flagged, saying
which cells, so the panel sees what the agency crossed out."""

import re
import zipfile
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.styles import Font

from app.chronology.reading import read_tables
from app.chronology.xlsx_formats import struck_cells
from tests.chronology.test_robust_files import _entries, _import, store_path  # noqa: F401

EVENTS = [
    "Home visit: mother and baby seen, home warm and tidy.",
    "Telephone call from the school about lateness.",
    "Strategy discussion held with the police.",
    "Child seen alone at school; no concerns raised.",
    "Missed health appointment; letter sent to the family.",
]
HEADERS = ["Date", "Worker", "Details"]


def _book(rows) -> tuple[Workbook, object]:
    wb = Workbook()
    ws = wb.active
    ws.title = "Chronology"
    ws.append(HEADERS)
    for row in rows:
        ws.append(row)
    return wb, ws


def _rows():
    return [[date(2016, 3, 1 + 3 * i), "Sam Ellery", text] for i, text in enumerate(EVENTS)]


def _as_shared_strings(path: Path) -> Path:
    """The workbook as Excel saves it: every text in the shared list, rich runs kept."""
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    texts: list[str] = []

    def shared(match: re.Match) -> str:
        texts.append(match.group(2))
        return f'<c{match.group(1)} t="s"><v>{len(texts) - 1}</v></c>'

    sheet = re.sub(r'<c([^>]*?) t="inlineStr"><is>(.*?)</is></c>', shared, sheet)
    parts["xl/worksheets/sheet1.xml"] = sheet.encode()
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    items = "".join(f"<si>{t}</si>" for t in texts)
    parts["xl/sharedStrings.xml"] = (
        f'<sst xmlns="{main}" count="{len(texts)}" uniqueCount="{len(texts)}">{items}</sst>'
    ).encode()
    kind = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
    parts["[Content_Types].xml"] = (
        parts["[Content_Types].xml"]
        .decode()
        .replace(
            "</Types>",
            f'<Override PartName="/xl/sharedStrings.xml" ContentType="{kind}"/></Types>',
        )
        .encode()
    )
    relation = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"
    parts["xl/_rels/workbook.xml.rels"] = (
        parts["xl/_rels/workbook.xml.rels"]
        .decode()
        .replace(
            "</Relationships>",
            f'<Relationship Id="rIdShared" Type="{relation}" Target="sharedStrings.xml"/>'
            "</Relationships>",
        )
        .encode()
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)
    return path


def test_rows_struck_through_are_imported_and_flagged(tmp_path, capsys, store_path):  # noqa: F811
    wb, ws = _book(_rows())
    for cell in ws[3]:  # the second entry, crossed out whole
        cell.font = Font(strike=True)
    ws["B5"].font = Font(strike=True, bold=True)  # only the worker's name on the fourth
    path = tmp_path / "children's services chronology.xlsx"
    wb.save(path)
    [table] = read_tables(path)
    assert set(table.row_flags) == {3, 5}
    assert table.row_flags[3].startswith("struck through in the file")
    assert "'Worker'" in table.row_flags[5] and "'Details'" not in table.row_flags[5]
    assert any("2 rows with text struck through" in note for note in table.notes)

    code, output = _import(store_path, path, capsys)
    assert code == 0, output
    entries = _entries(store_path)
    assert [e.event for e in entries] == EVENTS  # nothing dropped
    assert [e.flagged for e in entries] == [False, True, False, True, False]
    assert "struck through" in output


def test_words_struck_inside_a_cell_flag_the_entry(tmp_path):
    """Excel keeps a few words struck as runs of text in its shared list."""
    rows = _rows()
    rows[2][2] = CellRichText(
        ["Strategy discussion held with ", TextBlock(InlineFont(strike=True), "health"),
         " the police."]
    )  # fmt: skip
    rows[4][2] = CellRichText([TextBlock(InlineFont(strike=True), EVENTS[4])])
    wb, _ws = _book(rows)
    path = tmp_path / "police.xlsx"
    wb.save(path)
    _as_shared_strings(path)
    assert struck_cells(path, "Chronology") == {(3, 2): "part", (5, 2): "whole"}
    [table] = read_tables(path)
    assert "some of the text of 'Details'" in table.row_flags[4]
    # A row is crossed out only when all its text is: the date and worker are not struck.
    assert table.row_flags[6].startswith("the text of 'Details' is struck through")
    assert set(table.row_flags) == {4, 6}


def test_no_flag_where_nothing_written_is_struck(tmp_path):
    wb, ws = _book(_rows())
    ws["D3"].font = Font(strike=True)  # an empty cell
    ws["A1"].font = Font(strike=False, bold=True)
    path = tmp_path / "gp.xlsx"
    wb.save(path)
    [table] = read_tables(path)
    assert table.row_flags == {}
    assert not any("struck" in note for note in table.notes)


def test_a_damaged_style_part_never_stops_the_import(tmp_path):
    wb, ws = _book(_rows())
    ws["C2"].font = Font(strike=True)
    path = tmp_path / "school.xlsx"
    wb.save(path)
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    parts["xl/styles.xml"] = parts["xl/styles.xml"].replace(b"</styleSheet>", b"<strike")
    with zipfile.ZipFile(path, "w") as target:
        for name, data in parts.items():
            target.writestr(name, data)
    assert struck_cells(path, "Chronology") == {}
