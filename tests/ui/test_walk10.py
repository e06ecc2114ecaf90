"""An overview author on a laptop at a large font and a keyboard-only user, tenth round of the
chronology import window: the divider between the columns and the rows left out is reached and
moved by the keyboard, and leaves the rows left out room to be read; stepping through the
column choices reads nothing again; rows hidden by hand in a workbook are named, and can be
left out. All names are fictional."""

import threading
from datetime import date, timedelta
from pathlib import Path

import pytest
from openpyxl import Workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.chronology import reading
from app.chronology.entries import fetch_entries, query_entry_ids
from app.imrs import add_agency
from app.reviews import create_review
from tests.ui.screens import read_through, settle
from tests.ui.test_walk9 import _hard_workbook

AGENCY = "Eastmoor Early Help"
HEADINGS = ["Date", "Worker", "Contact type", "Notes", "Outcome"]


@pytest.fixture
def review_id(ctx):
    review_id = create_review(ctx, review_type="lcspr", reference="LCSPR-2026-101", title="Child W")
    add_agency(ctx, review_id, AGENCY, "childrens_social_care")
    return review_id


@pytest.fixture
def large_font():
    """The application's font at 14 pt, as a user who has set a larger font sees it."""
    app = QApplication.instance()
    before = app.font()
    font = app.font()
    font.setPointSizeF(14)
    app.setFont(font)
    yield
    app.setFont(before)


@pytest.fixture
def sheets_read(monkeypatch):
    """Each sheet read off the window's thread, by name."""
    real = reading._sheet_rows
    read: list[str] = []

    def sheet_rows(workbook, name, *args, **kwargs):
        if threading.current_thread() is not threading.main_thread():
            read.append(name)
        return real(workbook, name, *args, **kwargs)

    monkeypatch.setattr(reading, "_sheet_rows", sheet_rows)
    return read


def _contacts(path: Path, rows: int = 12, hidden: tuple[int, ...] = ()) -> Path:
    """A plain contacts sheet; ``hidden``: sheet rows hidden by hand (no filter on the sheet)."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Contacts"
    ws.append(HEADINGS)
    day = date(2021, 2, 1)
    for i in range(rows):
        ws.append([day + timedelta(days=3 * i), f"Worker {i % 3}", "Visit",
                   f"Visit {i + 1}: Child W seen at home with her mother.", "Plan kept"])  # fmt: skip
        ws.cell(ws.max_row, 1).number_format = "dd/mm/yyyy"
    for number in hidden:
        ws.row_dimensions[number].hidden = True
    wb.save(path)
    return path


def _dialog(qtbot, editor, review_id, path, size=(1366, 728)):
    from ui.import_dialog import ImportDialog
    from ui.table_tools import polish_tables

    dialog = ImportDialog(editor, review_id, [AGENCY], path)
    qtbot.addWidget(dialog)
    polish_tables(dialog)  # as the chronology tab opens it
    dialog.resize(*size)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _rows_shown(table) -> float:
    """How many of the table's rows its viewport shows (the first ones)."""
    height, shown = table.viewport().height(), 0.0
    for r in range(table.rowCount()):
        row = table.rowHeight(r)
        if height >= row:
            shown, height = shown + 1, height - row
        else:
            return shown + height / row
    return shown + height / max(table.rowHeight(0), 1)


# 1. The divider between the columns and the rows left out ---------------------------------------
def test_at_14_point_on_a_laptop_five_rows_left_out_show_below_the_columns(
    qtbot, editor, review_id, tmp_path, large_font
):
    dialog = _dialog(qtbot, editor, review_id, _hard_workbook(tmp_path / "eastmoor.xlsx"))
    read_through(qtbot, dialog)
    dialog.report_tabs.setCurrentWidget(dialog.left_out_table)
    settle()
    assert _rows_shown(dialog.left_out_table) >= 4.5
    # The columns and the first rows keep room too: the divider is not at the top.
    assert dialog.vertical.sizes()[0] >= dialog.vertical.sizes()[1]
    assert dialog.preview.viewport().height() >= 2 * dialog.preview.rowHeight(0)


def test_the_divider_is_reached_by_tab_named_and_moved_by_the_arrow_keys(
    qtbot, editor, review_id, tmp_path
):
    dialog = _dialog(qtbot, editor, review_id, _hard_workbook(tmp_path / "eastmoor.xlsx"))
    read_through(qtbot, dialog)
    handle = dialog.vertical.handle(1)
    assert handle.focusPolicy() & Qt.FocusPolicy.TabFocus
    assert "Divider" in handle.accessibleName()
    assert "arrow keys" in handle.accessibleDescription()
    # Reached by Tab from the first rows, before the report's tabs.
    dialog.activateWindow()
    dialog.preview.setFocus()
    qtbot.keyClick(dialog.preview, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is handle
    before = dialog.vertical.sizes()
    qtbot.keyClick(handle, Qt.Key.Key_Up)
    qtbot.keyClick(handle, Qt.Key.Key_Up)
    after = dialog.vertical.sizes()
    assert after[1] > before[1] + 20 and after[0] < before[0]
    qtbot.keyClick(handle, Qt.Key.Key_PageDown)
    assert dialog.vertical.sizes()[1] < after[1]
    # Once moved, a resize keeps the user's share rather than the window's own.
    moved = dialog.vertical.sizes()
    dialog.resize(1300, 700)
    settle()
    share = dialog.vertical.sizes()[1] / sum(dialog.vertical.sizes())
    assert abs(share - moved[1] / sum(moved)) < 0.06
    # The divider between the columns and the first rows moves by Left and Right.
    side = dialog.splitter.handle(1)
    assert side.focusPolicy() & Qt.FocusPolicy.TabFocus
    widths = dialog.splitter.sizes()
    side.setFocus()
    qtbot.keyClick(side, Qt.Key.Key_Right)
    assert dialog.splitter.sizes()[0] > widths[0]


# 2. Stepping through the column choices -------------------------------------------------------
def test_stepping_through_a_column_choice_by_the_arrow_keys_reads_the_file_no_more(
    qtbot, editor, review_id, tmp_path, sheets_read
):
    dialog = _dialog(qtbot, editor, review_id, _contacts(tmp_path / "eastmoor.xlsx"))
    read_through(qtbot, dialog)
    assert sheets_read == ["Contacts"]
    combo = dialog.mapping_combos["outcome"]
    assert combo.currentText() == "Outcome"
    dialog.activateWindow()
    combo.setFocus()
    for _ in range(3):  # (not in this file), Date, Worker, Contact type...: back up the list
        qtbot.keyClick(combo, Qt.Key.Key_Up)
    assert combo.currentText() == "Worker"
    # Nothing is planned while the keys step; once they pause, the choice is planned.
    assert not dialog.is_reading()

    def planned() -> str:
        plan = dialog.plan
        return (
            plan.table.headers[plan.mapping["outcome"]] if plan and not dialog.is_reading() else ""
        )

    qtbot.waitUntil(lambda: planned() == "Worker", timeout=5000)
    assert combo.currentText() == "Worker"
    # Planned again from the rows already read: the file was not read again.
    assert sheets_read == ["Contacts"]
    # Another date order, another agency: planned again, still without reading the file.
    for choice in (dialog.date_order, dialog.agency):
        before = dialog.plan
        if choice is dialog.date_order:
            choice.setCurrentIndex(2)
            choice.activated.emit(2)
        else:
            choice.setEditText("Eastmoor Family Support")
            choice.lineEdit().editingFinished.emit()
        read_through(qtbot, dialog)
        assert dialog.plan is not before and sheets_read == ["Contacts"]
    assert dialog.plan.agency_name == "Eastmoor Family Support"
    # Another header row is another reading.
    dialog.header_row.setValue(1)
    dialog.header_row.editingFinished.emit()
    read_through(qtbot, dialog)
    assert sheets_read == ["Contacts", "Contacts"]


def test_return_on_a_column_just_stepped_to_imports_with_that_column(
    qtbot, editor, ctx, review_id, tmp_path
):
    dialog = _dialog(qtbot, editor, review_id, _contacts(tmp_path / "eastmoor.xlsx"))
    read_through(qtbot, dialog)
    combo = dialog.mapping_combos["outcome"]
    dialog.activateWindow()
    combo.setFocus()
    while combo.currentIndex() > 0:  # up to "(not in this file)"
        qtbot.keyClick(combo, Qt.Key.Key_Up)
    qtbot.keyClick(combo, Qt.Key.Key_Return)  # at once, before the pause
    qtbot.waitUntil(lambda: bool(dialog.results), timeout=10_000)
    entries = fetch_entries(ctx, query_entry_ids(ctx, review_id))
    assert len(entries) == 12 and {e.outcome for e in entries} == {""}


# 3. Rows hidden by hand -------------------------------------------------------------------------
def test_rows_hidden_by_hand_are_named_and_can_be_left_out(qtbot, editor, ctx, review_id, tmp_path):
    path = _contacts(tmp_path / "eastmoor.xlsx", hidden=(4, 7))
    dialog = _dialog(qtbot, editor, review_id, path)
    read_through(qtbot, dialog)
    report = dialog.report.toPlainText()
    assert "2 rows hidden in the workbook (rows 4 and 7) were imported like the rest" in report
    choice = dialog.hidden_choice
    assert choice.isVisible() and choice.isChecked()
    assert choice.text() == "Import the 2 rows hidden in the workbook (rows 4, 7) with the rest"
    assert sum(len(p.entries) for p in dialog.plans) == 12
    # Unticked (by the keyboard): the rows are left out, each listed with why.
    dialog.activateWindow()
    choice.setFocus()
    qtbot.keyClick(choice, Qt.Key.Key_Space)
    read_through(qtbot, dialog)
    assert sum(len(p.entries) for p in dialog.plans) == 10
    table = dialog.left_out_table
    assert dialog.report_tabs.isTabVisible(dialog.report_tabs.indexOf(table))
    listed = {table.item(r, 1).text(): table.item(r, 2).text() for r in range(table.rowCount())}
    assert listed == {
        "4": "hidden in the workbook: left out, as chosen",
        "7": "hidden in the workbook: left out, as chosen",
    }
    assert "Visit 3: Child W seen" in table.item(0, 3).text()
    assert "left out, as chosen" in dialog.report.toPlainText()
    assert choice.isVisible() and not choice.isChecked()  # the choice stays to be undone
    dialog.do_import()
    events = [e.event for e in fetch_entries(ctx, query_entry_ids(ctx, review_id))]
    assert len(events) == 10 and not any(e.startswith(("Visit 3:", "Visit 6:")) for e in events)


def test_a_workbook_hiding_no_row_offers_no_choice(qtbot, editor, review_id, tmp_path):
    dialog = _dialog(qtbot, editor, review_id, _contacts(tmp_path / "eastmoor.xlsx"))
    read_through(qtbot, dialog)
    assert not dialog.hidden_choice.isVisible()
    assert "hidden" not in dialog.report.toPlainText()


# 4. A column set to "not in this file" --------------------------------------------------------
def test_a_column_set_to_not_in_this_file_stays_so(qtbot, editor, ctx, review_id, tmp_path):
    from ui.import_dialog import NOT_MAPPED

    dialog = _dialog(qtbot, editor, review_id, _contacts(tmp_path / "eastmoor.xlsx"))
    dialog.agency.setEditText(AGENCY)
    read_through(qtbot, dialog)
    combo = dialog.mapping_combos["outcome"]
    assert combo.currentText() == "Outcome"
    combo.setCurrentIndex(0)
    combo.activated.emit(0)
    qtbot.waitUntil(
        lambda: dialog.plan is not None and "outcome" not in dialog.plan.mapping, timeout=5000
    )
    assert combo.currentText() == NOT_MAPPED  # not guessed back again
    dialog.do_import()
    entries = fetch_entries(ctx, query_entry_ids(ctx, review_id))
    assert len(entries) == 12 and {e.outcome for e in entries} == {""}


# 5. A store held by another program while the import is saved ----------------------------------
def test_a_store_held_by_another_program_is_said_plainly_and_the_import_can_be_tried_again(
    qtbot, editor, ctx, review_id, tmp_path
):
    import subprocess
    import sys

    dialog = _dialog(qtbot, editor, review_id, _contacts(tmp_path / "eastmoor.xlsx"))
    dialog.agency.setEditText(AGENCY)
    read_through(qtbot, dialog)
    failed: list[str] = []
    editor.failed.connect(failed.append)
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sqlite3, sys, time\n"
         f"c = sqlite3.connect({str(ctx.store.path)!r}, isolation_level=None)\n"
         "c.execute('BEGIN EXCLUSIVE'); print('held', flush=True); sys.stdin.readline()"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout.readline().strip() == "held"
        dialog.do_import()
    finally:
        holder.communicate("\n", timeout=30)
    assert len(failed) == 1
    assert "in use by another program" in failed[0] and "nothing was saved" in failed[0]
    assert "Traceback" not in failed[0] and "sqlite" not in failed[0].casefold()
    assert dialog.isVisible() and dialog.results == [] and dialog.import_button.isEnabled()
    assert query_entry_ids(ctx, review_id) == []
    dialog.do_import()  # the other program gone: the same plan imports
    assert dialog.results and len(query_entry_ids(ctx, review_id)) == 12


# 6. The words of a refused file and of a second file --------------------------------------------
def test_a_file_without_a_header_row_says_the_fix_in_the_window_s_own_words(
    qtbot, editor, review_id, tmp_path
):
    path = tmp_path / "eastmoor.csv"
    path.write_text("hello there\nnothing to see\n")
    dialog = _dialog(qtbot, editor, review_id, path)
    read_through(qtbot, dialog)
    words = dialog.refusal_words.text()
    assert "has no header row" in words and "in Header row, above" in words
    assert "--" not in words
    # No empty line where the date order would be said.
    assert not dialog.date_reason.isVisible()
    # The focus goes to why (a screen reader says it), and the words are there to select.
    assert QApplication.focusWidget() is dialog.refusal_words
    assert dialog.refusal_words.accessibleName() == "Why the file cannot be imported"


def test_the_summary_is_reached_by_tab_after_the_report_and_each_column_says_why(
    qtbot, editor, review_id, tmp_path
):
    dialog = _dialog(qtbot, editor, review_id, _contacts(tmp_path / "contacts.xlsx"))
    read_through(qtbot, dialog)
    dialog.activateWindow()
    dialog.report.setFocus()
    qtbot.keyClick(dialog.report, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.summary
    assert dialog.summary.accessibleName() == "What the import will do, in short"
    qtbot.keyClick(dialog.summary, Qt.Key.Key_Tab)
    # "Choose the agency…" stops the import: said next, before the buttons.
    assert QApplication.focusWidget() is dialog.problems
    assert "Choose the agency" in dialog.problems.text()
    qtbot.keyClick(dialog.problems, Qt.Key.Key_Tab)
    assert (
        QApplication.focusWidget() is dialog.import_button or not dialog.import_button.isEnabled()
    )
    # A screen reader hears why each column was chosen, not only what was chosen.
    assert "Date of event" in dialog.mapping_combos["date"].accessibleDescription()


def test_a_second_file_for_the_same_agency_adds_to_the_first(
    qtbot, editor, ctx, review_id, tmp_path
):
    from app.chronology.importer import import_chronology

    first = tmp_path / "first"
    first.mkdir()
    import_chronology(ctx, review_id, AGENCY, _contacts(first / "eastmoor_2021.xlsx"))
    dialog = _dialog(qtbot, editor, review_id, _contacts(tmp_path / "eastmoor_2022.xlsx", rows=5))
    dialog.agency.setEditText(AGENCY)
    read_through(qtbot, dialog)
    summary = dialog.summary.text()
    assert "the columns used for Eastmoor Early Help's last file" in summary
    assert "It adds to what the agency has sent before; nothing is replaced." in summary
    dialog.do_import()
    assert len(query_entry_ids(ctx, review_id)) == 17


def test_an_agency_name_ending_in_s_takes_the_apostrophe_alone(qtbot, editor, ctx, tmp_path):
    from app.chronology.importer import import_chronology

    review_id = create_review(ctx, review_type="lcspr", reference="LCSPR-2026-102", title="X")
    services = "Westbrook Children's Services"
    add_agency(ctx, review_id, services, "childrens_social_care")
    first = tmp_path / "first"
    first.mkdir()
    import_chronology(ctx, review_id, services, _contacts(first / "westbrook_2021.xlsx"))
    from ui.import_dialog import ImportDialog

    dialog = ImportDialog(editor, review_id, [services], _contacts(tmp_path / "westbrook.xlsx"))
    qtbot.addWidget(dialog)
    dialog.agency.setEditText(services)
    dialog.show()
    read_through(qtbot, dialog)
    assert "the columns used for Westbrook Children's Services' last file" in dialog.summary.text()
    assert "Services's" not in dialog.report.toPlainText()
