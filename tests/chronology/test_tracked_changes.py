"""A Word chronology with changes tracked and not yet accepted (an IMR goes back and forth
between its author and a manager with tracking on): read as if accepted, deleted words left
out and inserted words kept, and the rows holding changes named once in the import's notes
(not a flag on each: a table typed with tracking on holds changes in every row). Nothing is
dropped; a table with no tracked change gets no such note."""

from datetime import date
from pathlib import Path

from app.chronology.reading import read_tables
from tests.chronology.test_robust_files import _entries, _import, store_path  # noqa: F401

ROWS = [
    (date(2019, 5, 2), "Kim Lowe", "Home visit; mother and baby seen together."),
    (date(2019, 5, 9), "Kim Lowe", "Telephone call to the GP about the baby's weight."),
    (date(2019, 5, 20), "Raj Patel", "Strategy discussion with the police."),
    (date(2019, 6, 1), "Raj Patel", "Case closed to children's social care."),
]


def _tracked_run(tag: str, text: str, change_id: int):
    """A run inside a tracked insertion (w:ins) or deletion (w:del) by a reviewer."""
    from docx.oxml.ns import qn
    from docx.oxml.parser import OxmlElement

    change = OxmlElement(f"w:{tag}")
    change.set(qn("w:id"), str(change_id))
    change.set(qn("w:author"), "Team manager")
    change.set(qn("w:date"), "2019-07-01T09:00:00Z")
    run = OxmlElement("w:r")
    piece = OxmlElement("w:delText" if tag == "del" else "w:t")
    piece.set(qn("xml:space"), "preserve")
    piece.text = text
    run.append(piece)
    change.append(run)
    return change


def _docx(path: Path, *, tracked: bool = True) -> Path:
    """The IMR template's chronology table: the second entry's details with a word deleted and
    a word inserted by the manager, the third entry's worker inserted; the rest untouched."""
    import docx

    document = docx.Document()
    document.add_paragraph("Individual Management Review: chronology")
    table = document.add_table(rows=1 + len(ROWS), cols=3)
    for c, heading in enumerate(("Date", "Practitioner", "Details")):
        table.cell(0, c).text = heading
    for r, (day, worker, event) in enumerate(ROWS, start=1):
        table.cell(r, 0).text = f"{day:%d/%m/%Y}"
        if tracked and r == 2:
            paragraph = table.cell(r, 2).paragraphs[0]
            paragraph.add_run("Telephone call to the ")
            paragraph._p.append(_tracked_run("del", "health visitor", 1))
            paragraph._p.append(_tracked_run("ins", "GP", 2))
            paragraph.add_run(" about the baby's weight.")
        else:
            table.cell(r, 2).text = event
        if tracked and r == 3:
            table.cell(r, 1).paragraphs[0]._p.append(_tracked_run("ins", worker, 3))
        else:
            table.cell(r, 1).text = worker
    document.save(str(path))
    return path


def test_rows_with_tracked_changes_are_read_as_accepted_and_named(
    tmp_path,
    capsys,
    store_path,  # noqa: F811
):
    path = _docx(tmp_path / "health visiting IMR.docx")
    [table] = read_tables(path)
    rows = {cells[2]: number for number, cells in table.rows}
    assert list(rows) == [event for _d, _w, event in ROWS]  # deleted words out, inserted in
    second, third = rows[ROWS[1][2]], rows[ROWS[2][2]]
    assert table.row_flags == {}
    assert any(
        note.startswith(f"2 rows (rows {second}, {third}) hold changes tracked in Word")
        for note in table.notes
    ), table.notes

    code, output = _import(store_path, path, capsys)
    assert code == 0, output
    assert "tracked in Word" in output
    entries = sorted(_entries(store_path), key=lambda e: e.source_row)
    assert [e.event for e in entries] == [event for _d, _w, event in ROWS]
    assert [e.practitioner for e in entries] == [worker for _d, worker, _e in ROWS]
    assert not any(e.flagged for e in entries)


def test_a_table_with_no_tracked_change_gets_no_flag(tmp_path):
    [table] = read_tables(_docx(tmp_path / "IMR.docx", tracked=False))
    assert len(table.rows) == len(ROWS)
    assert table.row_flags == {}
    assert not any("tracked" in note for note in table.notes)
