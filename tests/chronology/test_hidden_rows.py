"""Rows hidden in a workbook (by a filter left on, by hand, under a closed group) are part of
what the agency sent: they are imported like the rest. On a sheet with a filter (an AutoFilter
or a table) and in a LibreOffice sheet they are also named in a note, so that the author can
check them (a filter may have been set to hide other people's records)."""

from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook
from openpyxl.worksheet.filters import AutoFilter
from openpyxl.worksheet.table import Table

from app.chronology.importer import import_chronology, plan_imports
from app.context import AppContext
from app.reviews import create_review
from db.store import open_store

ROWS = [
    (date(2016, 3, 14), "Child A", "Visit", "Home visit, Child A seen alone in her room.", "Plan"),
    (
        date(2016, 3, 15),
        "Lee family",
        "Visit",
        "Home visit to the Lee family on Mill Road.",
        "None",
    ),
    (date(2016, 3, 18), "Child A", "Call", "Mother rang about the rent arrears letter.", "Advice"),
    (date(2016, 4, 2), "Okafor family", "Call", "Neighbour dispute at number 12, not Child A.", ""),
    (date(2016, 4, 9), "Child A", "Visit", "Visit: no answer at the door; card left.", "Card"),
]
HEADINGS = ["Date", "Client", "Contact type", "Notes", "Outcome"]
HIDDEN = (3, 5)  # the sheet's rows of the Lee and Okafor families
OTHERS = ("Lee family", "Okafor family", "Mill Road", "number 12")


def _workbook(path: Path, how: str) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Contacts"
    ws.append(HEADINGS)
    for row in ROWS:
        ws.append(list(row))
    for cell in ws["A"][1:]:
        cell.number_format = "dd/mm/yyyy"
    if how in ("autofilter", "buttons only"):
        ws.auto_filter.ref = "A1:E6"
        if how == "autofilter":
            ws.auto_filter.add_filter_column(1, ["Child A"])
    elif how == "table filter":
        table = Table(displayName="Contacts", ref="A1:E6")
        table.autoFilter = AutoFilter(ref="A1:E6")
        table.autoFilter.add_filter_column(1, ["Child A"])
        ws.add_table(table)
    for number in HIDDEN:
        ws.row_dimensions[number].hidden = True
        if how == "grouped":
            ws.row_dimensions[number].outlineLevel = 1
    wb.save(path)
    return path


def _ods(path: Path, visibility: str) -> Path:
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table as OdsTable
    from odf.table import TableCell, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    sheet = OdsTable(name="Contacts")
    for n, values in enumerate([HEADINGS, *ROWS], start=1):
        row = TableRow()
        if n in HIDDEN:
            row.setAttribute("visibility", visibility)
        for value in values:
            if isinstance(value, date):
                cell = TableCell(valuetype="date", datevalue=f"{value:%Y-%m-%d}")
                cell.addElement(P(text=f"{value:%d/%m/%Y}"))
            else:
                cell = TableCell(valuetype="string")
                if value:
                    cell.addElement(P(text=value))
            row.addElement(cell)
        sheet.addElement(row)
    doc.spreadsheet.addElement(sheet)
    doc.save(str(path))
    return path


@pytest.fixture
def ctx(tmp_path):
    store = open_store(tmp_path / "store.db")
    yield AppContext(store, "tester")
    store.close()


def _texts(ctx, review_id):
    from app.chronology.entries import fetch_entries, query_entry_ids

    return fetch_entries(ctx, query_entry_ids(ctx, review_id))


HIDING = {
    "autofilter": (lambda folder: _workbook(folder / "autofilter.xlsx", "autofilter"), True),
    "table filter": (lambda folder: _workbook(folder / "table.xlsx", "table filter"), True),
    "ods filter": (lambda folder: _ods(folder / "filtered.ods", "filter"), True),
    # A filter's buttons shown, no filter set: rows hidden by hand beside them.
    "by hand": (lambda folder: _workbook(folder / "by_hand.xlsx", "buttons only"), False),
    "ods collapsed": (lambda folder: _ods(folder / "collapsed.ods", "collapse"), False),
}


@pytest.mark.parametrize("name", HIDING)
def test_hidden_rows_are_imported_unflagged_and_named_by_number(ctx, tmp_path, name):
    make, filtered = HIDING[name]
    path = make(tmp_path)
    review_id = create_review(ctx, review_type="lcspr", reference="R-1", title="T")
    [plan] = plan_imports(ctx, review_id, "Housing", path)
    assert plan.table.left_out == [] and plan.flagged == []
    [note] = [line for line in plan.report_lines() if "hidden" in line]
    how = "by the sheet's filter" if filtered else "in the workbook"
    assert f"2 rows hidden {how} (rows 3 and 5) were imported" in note
    # A filter may hide other people's records: the author is asked to check them.
    assert ("Check with the agency" in note) == filtered
    assert not any(other in note for other in OTHERS)  # named by number, never quoted
    assert import_chronology(ctx, review_id, "Housing", path).imported == 5
    entries = _texts(ctx, review_id)
    assert [e.event for e in entries] == [row[3] for row in ROWS]
    assert not any(e.flagged for e in entries)


@pytest.mark.parametrize("how", ["by hand", "grouped"])
def test_rows_hidden_on_a_sheet_without_a_filter_are_imported(ctx, tmp_path, how):
    # (not looked for: the sheet's cells would be read a second time for a note)
    path = _workbook(tmp_path / "hidden.xlsx", how)
    review_id = create_review(ctx, review_type="lcspr", reference="R-1", title="T")
    assert import_chronology(ctx, review_id, "Housing", path).imported == 5
    entries = _texts(ctx, review_id)
    assert [e.event for e in entries] == [row[3] for row in ROWS]
    assert not any(e.flagged for e in entries)


def test_a_workbook_hiding_nothing_says_nothing_of_hidden_rows(ctx, tmp_path):
    plain = Workbook()
    plain.active.append(HEADINGS)
    for row in ROWS:
        plain.active.append(list(row))
    plain.active.column_dimensions["B"].hidden = True  # a hidden column hides no row
    plain.save(tmp_path / "plain.xlsx")
    review_id = create_review(ctx, review_type="lcspr", reference="R-1", title="T")
    [plan] = plan_imports(ctx, review_id, "Housing", tmp_path / "plain.xlsx")
    assert plan.flagged == [] and plan.table.left_out == []
    assert not any("hidden" in line for line in plan.report_lines())
    assert import_chronology(ctx, review_id, "Housing", tmp_path / "plain.xlsx").imported == 5


@pytest.mark.parametrize("how", ["autofilter", "by hand"])
def test_the_command_line_leaves_hidden_rows_out_when_asked(tmp_path, capsys, how):
    """The window's choice to leave the hidden rows out, on the command line: without the option
    they are imported like the rest; with it they are listed in the report as left out."""
    from app.cli import main

    book = _workbook(tmp_path / "contacts.xlsx", how)
    counts = {}
    for option in ([], ["--leave-out-hidden-rows"]):
        db = tmp_path / f"store{len(option)}.db"
        create = ["create-review", "--db", str(db), "--type", "lcspr", "--reference", "R"]
        assert main([*create, "--title", "T"]) == 0
        argv = ["import-chronology", "--db", str(db), "--review", "R", "--agency", "Housing"]
        code = main([*argv, *option, str(book)])
        out, err = capsys.readouterr()
        assert code == 0, err
        counts[bool(option)] = out
    assert "Imported 5 entries" in counts[False]
    assert "Imported 3 entries" in counts[True]
    assert "rows 3 and 5" in counts[True] and "left out" in counts[True], counts[True]
