"""A new overview author by keyboard on a laptop and a chair on a projector, seventh round: a long
PDF chronology read off the window's thread, what the last walk left, and what this one found.
All names are fictional."""

import threading
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.chronology import pdf_text
from app.chronology.entries import query_entry_ids
from app.imrs import add_agency
from app.reviews import create_review
from tests.ui.screens import read_through
from tests.ui.screens import settle as _settle

pytest.importorskip("pdfplumber")


# A long PDF chronology ------------------------------------------------------------------------
def _long_pdf(path: Path, rows: int) -> Path:
    """A case system's ruled table over many pages, its heading repeated on each (reportlab)."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    style = getSampleStyleSheet()["BodyText"]
    lines = [["Date", "Practitioner", "Event"]]
    day = date(2016, 1, 4)
    for i in range(rows):
        lines.append([
            f"{day:%d/%m/%Y}",
            f"Worker {i % 7}",
            Paragraph(
                f"Home visit {i + 1}: mother and Child Q seen; the flat was warm and tidy. Next "
                "visit booked in two weeks with the health visitor.",
                style,
            ),
        ])  # fmt: skip
        day += timedelta(days=3)
    table = Table(lines, colWidths=[70, 90, 330], repeatRows=1)
    table.setStyle(
        TableStyle(
            [("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")]
        )
    )
    SimpleDocTemplate(str(path), pagesize=A4).build([table])
    return path


def _pages(path: Path) -> int:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return len(pdf.pages)


@pytest.fixture
def review_id(ctx):
    review_id = create_review(ctx, review_type="lcspr", reference="LCSPR-2026-71", title="Child Q")
    add_agency(ctx, review_id, "Eastmoor Children's Services", "childrens_social_care")
    return review_id


@pytest.fixture
def held_at_page(monkeypatch):
    """The reading waits before a given page until the test lets it go on (no timing): what
    the dialog shows meanwhile is what a user sees while a long PDF is read."""
    monkeypatch.setattr(pdf_text, "_LAST_READ", {})  # read it, never from the last reading
    real = pdf_text._read_page
    state = {"page": 0, "read": [], "gate": threading.Event()}

    def read_page(page, shown):
        state["read"].append(page.page_number)
        if page.page_number == state["page"]:
            state["gate"].wait(20)
        return real(page, shown)

    monkeypatch.setattr(pdf_text, "_read_page", read_page)
    yield state
    state["gate"].set()  # never leave a reading waiting


def _store_counts(ctx, review_id) -> tuple[int, int]:
    from sqlalchemy import func, select

    from db.chronology_models import ChronologyImport

    with ctx.session() as session:
        imports = session.scalar(select(func.count()).select_from(ChronologyImport))
    return len(query_entry_ids(ctx, review_id)), imports


def test_a_long_pdf_is_read_page_by_page_and_cancel_stops_it(
    qtbot, editor, ctx, review_id, tmp_path, held_at_page
):
    from ui.import_dialog import ImportDialog
    from ui.tasks import jobs_running as readings_running

    path = _long_pdf(tmp_path / "eastmoor_chronology.pdf", 630)
    pages = _pages(path)
    assert pages >= 25
    before = _store_counts(ctx, review_id)
    held_at_page["page"] = 3
    dialog = ImportDialog(editor, review_id, ["Eastmoor Children's Services"], path)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    # The dialog is up and answering while the file is read, and says how far the reading is.
    qtbot.waitUntil(lambda: dialog.reading_words.text() == f"Reading page 3 of {pages}…")
    assert dialog.reading_row.isVisible() and dialog.is_reading()
    assert dialog.reading_bar.maximum() == pages and dialog.reading_bar.value() == 2
    assert not dialog.import_button.isEnabled()
    # Nothing half-made meanwhile: no columns to choose from yet, no empty box to join them.
    assert not any(combo.isEnabled() for combo in dialog.mapping_combos.values())
    assert dialog.parts.isHidden() and dialog.parts_label.isHidden()
    qtbot.keyClicks(dialog.agency.lineEdit(), " (East)")  # typing goes on meanwhile
    assert dialog.agency.currentText().endswith("(East)")

    dialog.activateWindow()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # Cancel, by the keyboard
    assert not dialog.isVisible() and not dialog.is_reading()
    held_at_page["gate"].set()
    qtbot.waitUntil(lambda: readings_running() == 0, timeout=60_000)
    # It really stopped: page 4 onwards were never read, and nothing reached the store.
    assert max(held_at_page["read"]) == 3
    assert dialog.plans == [] and dialog.result is None
    assert _store_counts(ctx, review_id) == before


def test_a_long_pdf_read_to_the_end_is_imported_once(
    qtbot, editor, ctx, review_id, tmp_path, held_at_page
):
    from ui.import_dialog import ImportDialog

    path = _long_pdf(tmp_path / "eastmoor_chronology.pdf", 130)
    pages = _pages(path)
    held_at_page["page"] = pages
    dialog = ImportDialog(editor, review_id, ["Eastmoor Children's Services"], path)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.reading_words.text() == f"Reading page {pages} of {pages}…")
    assert dialog.plan is None and not dialog.import_button.isEnabled()
    held_at_page["gate"].set()
    read_through(qtbot, dialog)
    assert dialog.reading_row.isHidden() and not dialog.summary.isHidden()
    assert held_at_page["read"] == list(range(1, pages + 1))  # each page read once
    assert len(dialog.plan.entries) == 130 and dialog.import_button.isEnabled()
    assert "<b>130</b> entries" in dialog.summary.text()
    before = _store_counts(ctx, review_id)
    dialog.import_button.click()
    dialog.import_button.click()  # a second press (a double click) imports nothing more
    dialog.do_import()
    assert dialog.result is not None and dialog.result.imported == 130
    entries, imports = _store_counts(ctx, review_id)
    assert (entries, imports) == (before[0] + 130, before[1] + 1)


def test_a_choice_changed_while_reading_drops_the_first_reading(
    qtbot, editor, ctx, review_id, tmp_path, held_at_page
):
    from ui.import_dialog import ImportDialog

    path = _long_pdf(tmp_path / "eastmoor_chronology.pdf", 60)
    held_at_page["page"] = 2
    dialog = ImportDialog(editor, review_id, ["Eastmoor Children's Services"], path)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.reading_words.text().startswith("Reading page 2 of"))
    first = dialog._reading
    dialog.date_order.setCurrentIndex(1)  # day first, chosen while the file is read
    dialog.date_order.activated.emit(1)
    assert first.stopped and dialog._reading is not first
    held_at_page["page"] = 0
    held_at_page["gate"].set()
    read_through(qtbot, dialog)
    assert dialog.plan.date_order.order == "dmy" and "as chosen" in dialog.date_reason.text()
    assert len(dialog.plan.entries) == 60


def test_a_file_that_breaks_the_reader_is_said_in_plain_words(
    qtbot, editor, ctx, review_id, tmp_path, monkeypatch, capsys
):
    from ui import import_dialog
    from ui.import_dialog import ImportDialog

    def broken(*_args, **_kwargs):
        raise KeyError("xref")

    monkeypatch.setattr(import_dialog, "plan_imports", broken)
    path = _long_pdf(tmp_path / "eastmoor_chronology.pdf", 5)
    dialog = ImportDialog(editor, review_id, ["Eastmoor Children's Services"], path)
    qtbot.addWidget(dialog)
    read_through(qtbot, dialog)
    said = dialog.problems.text()
    assert "eastmoor_chronology.pdf" in said and "nothing was imported" in said
    assert "Traceback" not in said and "KeyError" not in said and "xref" not in said
    assert not dialog.import_button.isEnabled() and dialog.reading_row.isHidden()
    assert "KeyError" in capsys.readouterr().err  # the details are kept for a bug report


# People on a laptop at 125% ------------------------------------------------------------------
def _rows_in_sight(table) -> int:
    viewport = table.viewport().rect()
    return sum(
        viewport.contains(table.visualRect(table.model().index(row, 0)))
        for row in range(table.rowCount())
    )


def test_the_people_register_keeps_its_rows_on_a_laptop_at_125(demo, qtbot):
    from PySide6.QtCore import QSize
    from PySide6.QtWidgets import QApplication, QPushButton, QTableWidget

    from ui.tab_names import TAB_NAMES

    demo.resize(QSize(1093, 584))  # 1366x768 at 125%, less the title bar
    demo.workspace.tabs.setCurrentIndex(TAB_NAMES.index("People"))
    _settle()
    page = demo.workspace.tabs.currentWidget()
    table = demo.workspace.findChild(QTableWidget, "people_register")
    assert table.rowCount() >= 8
    assert _rows_in_sight(table) >= 6  # (three, above the form, before)
    toggle = page.findChild(QPushButton, "people_form_toggle")
    assert toggle.isVisible() and not page.form_box.isVisible()
    # The keyboard opens the form and goes straight into it.
    toggle.setFocus()
    qtbot.keyClick(toggle, Qt.Key.Key_Space)
    _settle()
    assert page.form_box.isVisible() and page.candidates.isVisible()
    assert QApplication.focusWidget() is page.name
    qtbot.keyClick(toggle, Qt.Key.Key_Space)
    _settle()
    assert not page.form_box.isVisible() and _rows_in_sight(table) >= 6
    # Enter on an entry changes it, as a double-click does: the form opens, filled.
    table.setFocus()
    table.setCurrentCell(1, 0)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    _settle()
    assert page.form_box.isVisible() and page.editing == page.people[1].id
    assert page.name.text() == page.people[1].name and QApplication.focusWidget() is page.name
    # A tall window has room for both: the form is always there, no button.
    demo.resize(QSize(1600, 1000))
    _settle()
    assert page.form_box.isVisible() and toggle.isHidden()


# The action plan on a projector -----------------------------------------------------------------
def test_the_action_plan_shows_each_action_whole_on_a_projector(demo):
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QFontMetrics

    from tests.ui.screens import PROJECTOR
    from ui.board_view import ACTION_COL

    plan = demo.show_action_plan()
    plan.resize(PROJECTOR)
    _settle()
    view = plan.view
    width = view.columnWidth(ACTION_COL)
    metrics = QFontMetrics(view.font())
    cut = 0
    for row in range(view.model().rowCount()):
        text = view.model().index(row, ACTION_COL).data()
        if metrics.horizontalAdvance(text) > width - 8:
            cut += 1  # wider than its column: on more lines, the row as tall as they are
        lines = metrics.boundingRect(
            QRect(0, 0, width - 8, 10_000), Qt.TextFlag.TextWordWrap, text
        ).height()
        assert lines + 4 <= view.rowHeight(row), text  # and off the grid above and below
    assert cut >= 1  # (the demo's longer actions do not fit on one line at this width)
    plan.close()


# The meeting runner's keys ----------------------------------------------------------------------
def test_the_runner_s_key_list_says_tab_and_the_agenda_s_arrows(qtbot, editor, ctx):
    from PySide6.QtWidgets import QLabel

    from app.meetings import add_agenda_item, create_meeting
    from ui.meeting_runner import MeetingRunner

    review_id = create_review(ctx, review_type="lcspr", reference="LCSPR-2026-72", title="Child V")
    meeting_id = create_meeting(ctx, review_id, date(2026, 7, 9), place="Room 2")
    add_agenda_item(ctx, meeting_id, "Welcome and declarations of interest", minutes=5)
    runner = MeetingRunner(editor, meeting_id)
    qtbot.addWidget(runner)
    keys = runner.findChild(QLabel, "runner_keys").text()
    assert "Tab / Shift+Tab" in keys and "↑ / ↓ in the agenda" in keys
    # Every key the runner answers to is in the list (the list and the keys agree).
    for key in ("Page Down", "Ctrl+N", "Ctrl+D", "Ctrl+T", "Ctrl+G", "Ctrl+A", "F5", "Ctrl+W"):
        assert key in keys


def test_return_in_the_agency_imports_once_the_file_is_read_again(
    qtbot, editor, ctx, review_id, tmp_path
):
    from ui.import_dialog import ImportDialog

    path = tmp_path / "school.csv"
    path.write_text("Date,Staff,Details\n01/03/2016,Head,Late again.\n02/03/2016,Head,Absent.\n")
    dialog = ImportDialog(editor, review_id, ["Eastmoor Children's Services"], path)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    read_through(qtbot, dialog)
    assert dialog.agency.currentText() == ""  # no agency's name in the file's
    before = _store_counts(ctx, review_id)
    line = dialog.agency.lineEdit()
    line.setFocus()
    qtbot.keyClicks(line, "Eastmoor Academy")
    qtbot.keyClick(line, Qt.Key.Key_Return)  # as the dialog's default button, once read again
    read_through(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.result is not None)
    assert dialog.result.imported == 2 and not dialog.isVisible()
    assert _store_counts(ctx, review_id) == (before[0] + 2, before[1] + 1)


# The chronology's entry editor with nothing chosen ------------------------------------------------
def test_the_entry_editor_shows_no_example_values_with_no_entry_chosen(window, ctx, review_id):
    from app.chronology.importer import import_chronology

    path = Path(__file__).parents[1] / "data" / "chronologies" / "police_chronology.xlsx"
    import_chronology(ctx, review_id, "Eastmoor Children's Services", path)
    window.refresh()
    window.select_review(review_id)
    editor_panel = window.workspace.chronology.entry_editor
    editor_panel.show_entry(None)
    assert editor_panel.type_combo.currentText() == ""  # not "Home visit", as if it were one
    assert all(edit.placeholderText() == "" for edit in editor_panel.lines.values())
    # An entry open: its own values, and the examples for what it leaves empty.
    entry_id = query_entry_ids(ctx, review_id)[0]
    editor_panel.show_entry(entry_id)
    assert editor_panel.lines["time"].placeholderText() == "14:30"
    assert editor_panel.lines["date"].text() != ""
