"""An independent overview author on a laptop, a panel chair on a projector and a keyboard-only
user, ninth round: the import window says what it is reading while it reads, stops between
sheets, never holds a closing window up, and lays out a hard file's rows left out and flagged
where they can be read. All names are fictional."""

import threading
from datetime import date, timedelta
from pathlib import Path

import pytest
from openpyxl import Workbook
from openpyxl.styles import Font
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.chronology import reading
from app.chronology.entries import query_entry_ids
from app.imrs import add_agency
from app.reviews import create_review
from tests.ui.screens import read_through, settle

AGENCY = "Northgate Children's Services"
HEADINGS = ["Date", "Time", "Practitioner", "Role", "Event / contact", "Outcome / action"]


@pytest.fixture
def review_id(ctx):
    review_id = create_review(ctx, review_type="lcspr", reference="LCSPR-2026-90", title="Child T")
    add_agency(ctx, review_id, AGENCY, "childrens_social_care")
    return review_id


def _hard_workbook(path: Path, sheets=("2019", "2020"), rows: int = 24) -> Path:
    """A cover sheet, chronology sheets with the same columns (a title over the header, a row
    joined to the one above, a date to be confirmed, an impossible date, a row struck through,
    the headings repeated, a footer and a key), then a key sheet."""
    wb = Workbook()
    cover = wb.active
    cover.title = "Cover"
    cover.append([f"{AGENCY}: chronology for the review panel (Child T)"])
    cover.append(["Prepared by: J. Amberley, Head of Service"])
    for title in sheets:
        ws = wb.create_sheet(title)
        ws.append([f"{AGENCY} chronology"])
        ws.append([])
        ws.append(HEADINGS)
        day = date(int(title), 1, 7)
        for i in range(rows):
            ws.append([f"{day:%d/%m/%Y}", "10:30", f"Worker {i % 4}", "Social worker",
                       f"Home visit {i + 1}: mother and Child T seen; the flat was cold.",
                       "Next visit booked"])  # fmt: skip
            if i == 4:
                ws.append([None, None, None, None, "(continued) No money for the meter.", None])
            if i == 9:
                ws.append(["TBC", None, "Worker 2", "Social worker", "Strategy discussion", ""])
            if i == 14:
                ws.append(HEADINGS)
            if i == 19:
                ws.append([f"31/02/{title}", None, "Worker 1", "Team manager", "Supervision", ""])
                ws.append([f"{day:%d/%m/%Y}", None, "Worker 3", "Social worker", "In error", ""])
                for cell in ws[ws.max_row]:
                    cell.font = Font(strike=True)
            day += timedelta(days=9)
        ws.append([])
        ws.append([f"Total contacts: {rows}"])
    wb.create_sheet("Key").append(["Abbreviation", "Meaning"])
    wb.save(path)
    return path


@pytest.fixture
def held_sheets(monkeypatch):
    """Reading a sheet waits until the test lets it go on, as python-calamine does on a huge
    sheet: one call that cannot hear a stop. Records each sheet read off the window's thread."""
    real = reading._sheet_rows
    state = {"read": [], "gate": threading.Event(), "inside": threading.Event()}

    def sheet_rows(workbook, name, *args, **kwargs):
        if threading.current_thread() is not threading.main_thread():
            state["read"].append(name)
            state["inside"].set()
            state["gate"].wait(20)
        return real(workbook, name, *args, **kwargs)

    monkeypatch.setattr(reading, "_sheet_rows", sheet_rows)
    yield state
    state["gate"].set()


def _counts(ctx, review_id) -> tuple[int, int]:
    from sqlalchemy import func, select

    from db.chronology_models import ChronologyImport

    with ctx.session() as session:
        imports = session.scalar(select(func.count()).select_from(ChronologyImport))
    return len(query_entry_ids(ctx, review_id)), imports


def _dialog(qtbot, editor, review_id, path, size=(1180, 670)):
    from ui.import_dialog import ImportDialog
    from ui.table_tools import polish_tables

    dialog = ImportDialog(editor, review_id, [AGENCY], path)
    qtbot.addWidget(dialog)
    polish_tables(dialog)  # as the chronology tab opens it
    dialog.resize(*size)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


# 1. What the window shows while the file is read ----------------------------------------------
def test_while_a_workbook_is_read_the_window_says_which_sheet_and_cancel_stops_it(
    qtbot, editor, ctx, review_id, tmp_path, held_sheets
):
    from ui.tasks import jobs_running

    path = _hard_workbook(tmp_path / "northgate.xlsx")
    before = _counts(ctx, review_id)
    dialog = _dialog(qtbot, editor, review_id, path)
    # Not an empty table: the file's name, the sheet being looked at, and what Cancel does.
    assert dialog.preview_pages.currentWidget() is dialog.reading_row
    assert dialog.reading_row.isVisible() and not dialog.preview.isVisible()
    assert dialog.reading_title.text() == "Reading northgate.xlsx…"
    assert held_sheets["inside"].wait(20)
    qtbot.waitUntil(lambda: "sheet 1 of 4" in dialog.reading_words.text())
    assert dialog.reading_words.text().startswith("Looking through its sheets")
    assert dialog.reading_bar.maximum() == 4 and dialog.reading_bar.value() == 0
    note = dialog.findChild(type(dialog.reading_title), "import_reading_note")
    assert note.isVisible() and "Cancel (Esc) stops the reading" in note.text()
    assert not dialog.import_button.isEnabled()

    dialog.activateWindow()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and not dialog.is_reading()
    held_sheets["gate"].set()
    qtbot.waitUntil(lambda: jobs_running() == 0, timeout=60_000)
    # The stop is heard before the next sheet: only the sheet being read when Cancel was
    # pressed was read; nothing planned, nothing imported.
    assert held_sheets["read"] == ["Cover"]
    assert dialog.plans == [] and _counts(ctx, review_id) == before


def test_once_read_the_reading_words_give_way_to_the_first_rows(
    qtbot, editor, review_id, tmp_path, held_sheets
):
    path = _hard_workbook(tmp_path / "northgate.xlsx")
    dialog = _dialog(qtbot, editor, review_id, path)
    held_sheets["gate"].set()
    read_through(qtbot, dialog)
    assert dialog.preview_pages.currentWidget() is dialog.preview and dialog.preview.isVisible()
    assert dialog.reading_row.isHidden() and not dialog.summary.isHidden()
    assert dialog.sheets.ticked() == ["2019", "2020"]
    # Tabbing through the header row re-reads nothing; a new header row does.
    dialog.header_row.setFocus()
    qtbot.keyClick(dialog.header_row, Qt.Key.Key_Tab)
    assert not dialog.is_reading() and dialog.import_button.isEnabled()
    dialog.header_row.setFocus()
    dialog.header_row.setValue(3)
    qtbot.keyClick(dialog.header_row, Qt.Key.Key_Tab)
    assert dialog.is_reading()
    read_through(qtbot, dialog)
    assert dialog.import_button.isEnabled()


def test_a_workbook_s_reading_hears_a_stop_between_its_sheets(tmp_path):
    class Stop(BaseException):
        pass

    path = _hard_workbook(tmp_path / "northgate.xlsx", sheets=("2019", "2020", "2021"))
    for read in (
        lambda progress: reading.sheets_holding_chronology(path, progress),
        lambda progress: reading.read_tables(path, progress=progress),
        lambda progress: reading.read_tables(path, ["2019", "2020"], progress=progress),
    ):
        said = []

        def progress(done, total, said=said):
            said.append((done, total))
            if done == 2:
                raise Stop

        with pytest.raises(Stop):
            read(progress)
        counted = [s for s in said if s[1]]
        assert counted == [(1, counted[0][1]), (2, counted[0][1])]
    # Nothing to tell: read as before.
    assert len(reading.read_tables(path)) == 3


def test_the_planning_looks_for_a_stop_before_it_reads_the_store(
    ctx, review_id, tmp_path, monkeypatch
):
    from app.chronology import importer

    class Stop(BaseException):
        pass

    state = {"read": False, "store": []}
    real_read, real_find = importer.read_tables, importer.find_agency

    def read_tables(*args, **kwargs):
        tables = real_read(*args, **kwargs)
        state["read"] = True  # Cancel pressed as the last sheet was read
        return tables

    monkeypatch.setattr(importer, "read_tables", read_tables)
    monkeypatch.setattr(
        importer, "find_agency", lambda *a: (state["store"].append(a), real_find(*a))[1]
    )

    def progress(_done, _total):
        if state["read"]:
            raise Stop

    with pytest.raises(Stop):
        importer.plan_imports(
            ctx, review_id, AGENCY, _hard_workbook(tmp_path / "n.xlsx"), progress=progress
        )
    assert state["store"] == []


# 2. A closing window never waits for a reading ------------------------------------------------
def test_a_window_closes_at_once_while_a_reading_is_inside_a_call_that_cannot_stop(
    window, qtbot, monkeypatch
):
    from ui.tasks import Job, JobBridge, jobs_running

    order = []
    reader_gate, writer_gate = threading.Event(), threading.Event()
    monkeypatch.setattr(window.editor.ctx.store, "close", lambda: order.append("store closed"))
    window.owns_store = True

    def read(progress):
        reader_gate.wait(20)  # a huge sheet read whole: it cannot hear a stop
        order.append("reading left its call")
        progress(0, 0)  # stopped: it goes no further, and never reaches the store
        order.append("reading went on")

    def write(_progress):
        writer_gate.wait(20)
        order.append("write ended")

    reader = Job(read, reads_only=True)
    JobBridge(window, reader, lambda _r: order.append("result used"), order.append)
    reader.start()
    writer = Job(write)
    JobBridge(window, writer, lambda _r: None, order.append)
    writer.start()
    threading.Timer(0.2, writer_gate.set).start()
    window.close()
    # The window waited for the write, not for the reading: it is gone, the store still open.
    assert not window.isVisible()
    assert order == ["write ended"] and not reader_gate.is_set()
    assert reader.stopped and jobs_running() == 1
    reader_gate.set()
    qtbot.waitUntil(lambda: "store closed" in order, timeout=60_000)
    assert order == ["write ended", "reading left its call", "store closed"]
    assert jobs_running() == 0


def test_closing_the_window_with_an_import_reading_does_not_wait_for_it(
    window, ctx, qtbot, review_id, tmp_path, held_sheets, monkeypatch
):
    from ui.import_dialog import ImportDialog
    from ui.tasks import jobs_running

    closed = []
    monkeypatch.setattr(window.editor.ctx.store, "close", lambda: closed.append(True))
    window.owns_store = True
    dialog = ImportDialog(window.editor, review_id, [AGENCY], _hard_workbook(tmp_path / "n.xlsx"))
    qtbot.addWidget(dialog)
    assert held_sheets["inside"].wait(20)
    window.close()
    assert not window.isVisible() and closed == [] and jobs_running() == 1
    held_sheets["gate"].set()
    qtbot.waitUntil(lambda: closed == [True], timeout=60_000)
    assert held_sheets["read"] == ["Cover"] and dialog.plans == []


# 3. A hard file, read and laid out at 1366x768 ------------------------------------------------
def test_a_hard_workbook_s_rows_left_out_flagged_and_joined_each_read_in_a_table(
    qtbot, editor, review_id, tmp_path
):
    dialog = _dialog(qtbot, editor, review_id, _hard_workbook(tmp_path / "northgate.xlsx"))
    read_through(qtbot, dialog)
    tabs = dialog.report_tabs
    names = [tabs.tabText(i).replace("&", "") for i in range(tabs.count())]
    assert names == [
        "What ReviewDesk decided",
        "Rows left out (4)",
        "Flagged for checking (6)",
        "Joined to the entry above (2)",
    ]
    assert all(tabs.isTabVisible(i) for i in range(4))
    left_out = dialog.left_out_table
    assert left_out.rowCount() == 4 and not left_out.isColumnHidden(0)  # two sheets: named
    rows = {(left_out.item(r, 0).text(), left_out.item(r, 1).text()) for r in range(4)}
    assert ("2019", "21") in rows and ("2020", "21") in rows
    why = [left_out.item(r, 2).text() for r in range(4)]
    assert any("headings repeated" in w for w in why)
    assert any("footer" in w for w in why)
    flagged = dialog.flagged_table
    reasons = " ".join(flagged.item(r, 2).text() for r in range(flagged.rowCount()))
    assert "'TBC' is not a date" in reasons and "struck through" in reasons
    events = {flagged.item(r, 3).text() for r in range(flagged.rowCount())}
    assert "Strategy discussion" in events and "In error" in events
    # The summary points to them; the first rows mark the row joined to the one above.
    assert "see Rows left out, below" in dialog.summary.text()
    labels = [dialog.preview.verticalHeaderItem(r).text() for r in range(dialog.preview.rowCount())]
    assert "9 ↑" in labels
    # Alt+L opens the rows left out; the reason column has room beside the row's text.
    dialog.activateWindow()
    qtbot.keyClick(dialog, Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)
    assert tabs.currentWidget() is left_out
    settle()
    assert left_out.columnWidth(2) >= left_out.fontMetrics().averageCharWidth() * 24
    assert left_out.columnWidth(2) < left_out.viewport().width()


def test_a_file_with_nothing_left_out_shows_no_empty_tabs(qtbot, editor, review_id, tmp_path):
    path = tmp_path / "northgate.csv"
    path.write_text(
        "Date,Practitioner,Event\n"
        + "".join(f"0{d}/03/2016,Worker {d},Home visit {d}: Child T seen.\n" for d in range(1, 9))
    )
    dialog = _dialog(qtbot, editor, review_id, path)
    read_through(qtbot, dialog)
    assert [dialog.report_tabs.isTabVisible(i) for i in range(4)] == [True, False, False, False]
    assert dialog.left_out_table.isColumnHidden(0)  # no sheets: no sheet column


def test_a_refused_file_says_why_where_the_rows_would_be(qtbot, editor, review_id, tmp_path):
    path = tmp_path / "northgate.xlsx"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    dialog = _dialog(qtbot, editor, review_id, path)
    read_through(qtbot, dialog)
    assert dialog.preview_pages.currentIndex() == 2 and dialog.refusal_words.isVisible()
    assert dialog.refusal_title.text() == "northgate.xlsx cannot be imported as it is"
    assert "is an image, not a spreadsheet" in dialog.refusal_words.text()
    assert not dialog.problems.isVisible()  # said once, in the middle, not again at the foot
    assert not dialog.import_button.isEnabled()


def test_the_import_window_is_reached_whole_by_tab_and_its_shortcuts(
    qtbot, editor, review_id, tmp_path
):
    dialog = _dialog(qtbot, editor, review_id, _hard_workbook(tmp_path / "northgate.xlsx"))
    read_through(qtbot, dialog)
    dialog.activateWindow()
    dialog.agency.setFocus()
    seen = []
    for _ in range(40):
        widget = QApplication.focusWidget()
        seen.append(widget.objectName() or widget.text())
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
        if QApplication.focusWidget() in (dialog.agency, dialog.agency.lineEdit()):
            break
    wanted = ["import_header_row", "import_date_order", "import_sheets", "import_shown_sheet",
              "import_mapping", "map_date", "map_end_date", "import_preview",
              "qt_tabwidget_tabbar", "import_report", "Import", "Cancel"]  # fmt: skip
    assert [w for w in seen if w in wanted] == wanted
    assert not dialog.is_reading()  # passing through the fields read nothing again
    # Every caption's letter is its own (Sheets and the sheet shown no longer share S).
    from PySide6.QtWidgets import QGroupBox, QLabel

    letters = []
    for widget in [*dialog.findChildren(QLabel), *dialog.findChildren(QGroupBox)]:
        text = widget.text() if isinstance(widget, QLabel) else widget.title()
        if "&" in text and widget.isVisibleTo(dialog):
            letters.append(text[text.index("&") + 1].lower())
    tabs = dialog.report_tabs
    letters += [
        tabs.tabText(i)[tabs.tabText(i).index("&") + 1].lower()
        for i in range(tabs.count())
        if "&" in tabs.tabText(i)
    ]
    assert len(letters) == len(set(letters)), sorted(letters)


# 4. Dark and high contrast: a document not started is read, not greyed ---------------------------
def test_a_document_not_started_lists_its_sections_in_the_text_s_colour(window, ctx):
    from ui.workspace import TAB_REPORTS

    review_id = create_review(ctx, review_type="lcspr", reference="LCSPR-2026-92", title="Child V")
    window.refresh()
    window.select_review(review_id)
    window.workspace.tabs.setCurrentIndex(TAB_REPORTS)
    settle()
    reports = window.workspace.reports
    assert reports.report is None and reports.sections.count() > 5
    # Enabled, so drawn in the text's colour (a disabled list is greyed below 4.5:1 on a dark
    # palette), but nothing in it can be chosen before the document is started.
    assert reports.sections.isEnabled()
    item = reports.sections.item(0)
    assert item.flags() & Qt.ItemFlag.ItemIsEnabled
    assert not item.flags() & (Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable)


# 5. The walk by keyboard: the commands on chosen entries have keys ------------------------------
def _back_to(window, qtbot) -> None:
    """The window active again once a box has closed (the window manager's part)."""
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


_ANSWERED: list = []  # the boxes answered already (one may linger a moment once closed)


def _answer(text: str | None = None) -> None:
    """Answer the next question box by the keyboard: type (if asked to) and press Return."""
    from PySide6.QtCore import QTimer
    from PySide6.QtTest import QTest

    def answer():
        box = QApplication.activeModalWidget()
        if box is None or box in _ANSWERED or not box.isVisible():
            QTimer.singleShot(20, answer)
            return
        _ANSWERED.append(box)
        if text is not None:
            box.setTextValue(text)
        QTest.keyClick(box, Qt.Key.Key_Return)

    QTimer.singleShot(0, answer)


def test_tag_link_and_cite_have_keys_from_the_chronology_table(window, ctx, review_id, qtbot):
    from app.chronology.entries import add_entry, get_entry
    from app.chronology.episodes import list_episodes
    from app.findings import add_finding, list_findings
    from app.items import add_item
    from ui.workspace import TAB_CHRONOLOGY

    window.refresh()
    window.select_review(review_id)
    window.workspace.tabs.setCurrentIndex(TAB_CHRONOLOGY)
    settle()
    tab = window.workspace.chronology
    agency_id = tab.agencies[0].agency_id
    ids = [
        add_entry(ctx, review_id, agency_id, {"date": f"0{d}/03/2019", "event": f"Visit {d}."})
        for d in (1, 2, 3)
    ]
    add_item(ctx, "key_episode", review_id, {"title": "Winter 2019"})
    add_finding(ctx, review_id, "Escalation was not considered")
    tab.data_changed()
    window.refresh()
    settle()
    assert "(Ctrl+T)" in tab.tag_action.toolTip() and "(Ctrl+K)" in tab.link_action.toolTip()
    assert "(Ctrl+E)" in tab.cite_action.toolTip()
    window.activateWindow()
    tab.view.setFocus()
    tab.view.selectRow(0)
    qtbot.keyClick(tab.view, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert len(tab.selected_entry_ids()) == 2
    chosen = set(tab.selected_entry_ids())
    _answer("Neglect")
    qtbot.keyClick(tab.view, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert all("Neglect" in get_entry(ctx, i).themes for i in chosen)
    assert set(tab.selected_entry_ids()) == chosen  # still chosen, for the next command
    _back_to(window, qtbot)  # as the window manager does once the box has closed
    tab.view.setFocus()
    said = []
    window.editor.failed.connect(said.append)
    _answer()
    qtbot.keyClick(tab.view, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert said == [], said
    assert list_episodes(ctx, review_id)[0].entries == 2
    # From the filters too: the focus on the "Flagged only" box.
    _back_to(window, qtbot)
    tab.filters.flagged.setFocus()
    _answer()
    qtbot.keyClick(tab.filters.flagged, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    cited = {e.target_id for e in list_findings(ctx, review_id)[0].evidence if e.kind == "entry"}
    assert cited == chosen and set(ids) > chosen


def test_with_no_finding_cite_says_where_to_add_one(window, ctx, review_id, messages):
    from app.chronology.entries import add_entry
    from ui.workspace import TAB_CHRONOLOGY

    window.refresh()
    window.select_review(review_id)
    window.workspace.tabs.setCurrentIndex(TAB_CHRONOLOGY)
    settle()
    tab = window.workspace.chronology
    add_entry(ctx, review_id, tab.agencies[0].agency_id, {"date": "01/03/2019", "event": "Visit."})
    tab.data_changed()
    settle()
    tab.view.selectRow(0)
    said = []
    window.editor.failed.connect(said.append)
    tab.cite_selected()
    tab.link_selected()
    assert any("Findings tab (Ctrl+6)" in s for s in said)
    assert any("(Ctrl+Tab from the entries)" in s for s in said)


def test_an_entry_filtered_out_is_no_longer_shown_in_the_editor(window, ctx, review_id):
    from app.chronology.entries import add_entry
    from ui.workspace import TAB_CHRONOLOGY

    window.refresh()
    window.select_review(review_id)
    window.workspace.tabs.setCurrentIndex(TAB_CHRONOLOGY)
    settle()
    tab = window.workspace.chronology
    agency_id = tab.agencies[0].agency_id
    home = add_entry(ctx, review_id, agency_id, {"date": "01/03/2019", "event": "Home visit."})
    add_entry(ctx, review_id, agency_id, {"date": "02/03/2019", "event": "Strategy discussion."})
    tab.data_changed()
    tab.select_entry(home)
    settle()
    assert tab.entry_editor.entry.id == home
    tab.filters.text.setText("Strategy")
    tab.apply_filter()
    settle()
    assert tab.model.rowCount() == 1
    shown = tab.entry_editor.entry
    assert shown is None or shown.id == tab.current_entry_id() != home
