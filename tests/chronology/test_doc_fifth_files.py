"""The fifth round of documents (doc_fifth_files.py: Word, OpenDocument, RTF and PDF kinds the
earlier rounds lacked) imported through the command line with no options, every entry right,
nothing the document holds lost, and nothing that is not an entry taken for one; and each rule
they needed, on its own."""

import pytest

from tests.chronology import doc_fifth_files as files
from tests.chronology.round_checks import (
    check_file_imports_fully_right,
    check_refused_saying,
    round_cases,
)
from tests.chronology.test_robust_files import _entries, _import, store_path  # noqa: F401

pytest.importorskip("pdfplumber")

FILES = {**files.FILES, **files.LATER}
# Files not yet imported fully right (marked so before the rules they need are written).
NOT_YET: set[str] = set()


@pytest.mark.parametrize("name", round_cases(FILES, NOT_YET))
def test_each_document_imports_fully_right_with_no_options(store_path, tmp_path, capsys, name):  # noqa: F811
    check_file_imports_fully_right(FILES, name, store_path, tmp_path, capsys, round_module=files)


@pytest.mark.parametrize("name", sorted(files.REFUSED))
def test_a_document_of_pictures_only_is_refused_saying_so_and_the_way_out(
    store_path,  # noqa: F811
    tmp_path,
    capsys,
    name,
):
    check_refused_saying(files.REFUSED[name], [], store_path, tmp_path, capsys)
    assert _entries(store_path) == []


# --- each rule on its own -------------------------------------------------------------------


def _docx(tmp_path, rows, name="t.docx"):
    import docx

    document = docx.Document()
    table = document.add_table(rows=0, cols=len(rows[0]))
    for values in rows:
        for cell, text in zip(table.add_row().cells, values, strict=True):
            cell.text = text
    path = tmp_path / name
    return document, table, path


_HEAD = ["Date", "Worker", "Details"]
_ROWS = [
    ["14/03/2016", "Sam Ellery", "Home visit, mother present and the flat cold."],
    ["03/04/2016", "Priya Nandakumar", "Call from the nursery about a late collection."],
    ["19/05/2016", "Tomos Pritchard", "Child not brought to the clinic appointment."],
]


def test_hidden_words_in_an_entry_are_left_out_of_it_and_said():
    """Words formatted as hidden inside a note (Font > Hidden) do not show or print: they are
    not part of the narrative, and the import quotes them so nothing goes unseen."""
    import tempfile
    from pathlib import Path

    from app.chronology.reading import read_table

    with tempfile.TemporaryDirectory() as folder:
        document, table, path = _docx(Path(folder), [_HEAD, *_ROWS])
        cell = table.rows[1].cells[2].paragraphs[0]
        cell.add_run(" Internal: check with duty manager.").font.hidden = True
        cell.add_run(" Advice given.")
        document.save(path)
        read = read_table(path)
    assert read.rows[0][1][2] == "Home visit, mother present and the flat cold. Advice given."
    said = " ".join(read.notes)
    assert "hidden in Word" in said and "Internal: check with duty manager." in said


def test_footnotes_are_numbered_in_the_order_they_stand_not_by_their_ids(tmp_path):
    """Word numbers footnotes as they stand in the text whatever ids the file gives them."""
    from app.chronology.reading import read_table
    from tests.chronology.doc_fifth_files import _add_footnotes, _footnote_mark

    document, table, path = _docx(tmp_path, [_HEAD, *_ROWS])
    _footnote_mark(table.rows[1].cells[2].paragraphs[0], 7)
    _footnote_mark(table.rows[3].cells[2].paragraphs[0], 2)
    document.save(path)
    _add_footnotes(path, {2: "Second note.", 7: "First note."})
    cells = [cells[2] for _n, cells in read_table(path).rows]
    assert cells[0].endswith("cold. (footnote 1: First note.)")
    assert cells[2].endswith("appointment. (footnote 2: Second note.)")


def test_a_frame_around_a_longer_table_is_opened_but_a_small_table_in_a_cell_stays(tmp_path):
    """A one-box layout table holding the chronology table is a frame: the chronology inside
    is read as the document's table. A table inside one of its cells with fewer rows (those
    present at a meeting) stays part of that entry."""
    import docx

    from app.chronology.reading import read_table

    document = docx.Document()
    frame = document.add_table(rows=1, cols=1)
    frame.cell(0, 0).text = "Section 3: Chronology"
    table = frame.cell(0, 0).add_table(rows=0, cols=3)
    for values in [_HEAD, *_ROWS]:
        for cell, text in zip(table.add_row().cells, values, strict=True):
            cell.text = text
    inner = table.rows[2].cells[2].add_table(rows=2, cols=2)
    for row, pair in zip(
        inner.rows, [("Nursery", "J. Carver"), ("Police", "PC Ellis")], strict=True
    ):
        row.cells[0].text, row.cells[1].text = pair
    path = tmp_path / "framed.docx"
    document.save(path)
    read = read_table(path)
    assert read.headers[:3] == _HEAD
    assert [cells[0] for _n, cells in read.rows] == [r[0] for r in _ROWS]
    assert "Nursery | J. Carver" in read.rows[1][1][2]


def test_a_first_line_of_short_fields_between_tabs_heads_the_text_under_it():
    """Notes whose first line is their date and short fields between tabs, their text in the
    lines under it, are read as columns (the text a column of its own); a date with one tab
    before a sentence, or fields that run to sentences, are dated paragraphs as before."""
    from app.chronology.word_tables import paragraphs_chronology

    texts = []
    for r in _ROWS:
        texts += [f"{r[0]} 10:32\tHome visit\t{r[1]}", r[2]]
    rows, notes = paragraphs_chronology(texts)
    assert rows == [[f"{r[0]} 10:32", "Home visit", r[1], r[2]] for r in _ROWS]
    assert "fields between tabs" in " ".join(notes)

    one_tab = [f"{r[0]}\t{r[2]}" for r in _ROWS] + ["More about the last one."]
    rows, notes = paragraphs_chronology(one_tab)
    assert "fields between tabs" not in " ".join(notes)
    assert rows[-1][-1].endswith("More about the last one.")

    long = "a sentence of many words that runs on and on well past the length of a field name"
    long_fields = []
    for r in _ROWS:
        long_fields += [f"{r[0]}\t{r[1]}\t{long}", "under"]
    _rows, notes = paragraphs_chronology(long_fields)
    assert "fields between tabs, their text" not in " ".join(notes)


def test_a_date_cut_by_a_narrow_column_and_the_page_break_is_joined_whole():
    """A row the page break split, whose date and time were themselves broken at the narrow
    column's edge ("26/04/202" at the foot of the page, "0" at the top of the next): one row
    with its whole date and time. A first row with a whole date of its own stays a row."""
    from app.chronology.layout import is_date_like
    from app.chronology.pdf_text import _join_over_page

    head = ["Date", "Time", "Details"]
    table = [head, ["26/04/202", "15:1", "Neighbour reported shouting"]]
    _join_over_page(table, [head, ["0", "4", "late at night."], ["02/05/2020", "16:31", "Seen."]],
                    is_date_like)  # fmt: skip
    assert table == [head, ["26/04/2020", "15:14", "Neighbour reported shouting late at night."],
                     ["02/05/2020", "16:31", "Seen."]]  # fmt: skip
    table = [head, ["26/04/2020", "15:14", "Neighbour reported shouting"]]
    _join_over_page(table, [["1", "", "Seen."]], is_date_like)
    assert len(table) == 3
