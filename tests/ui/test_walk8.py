"""A new overview author by keyboard on a laptop, eighth round: one stoppable background job for
the window's slow work, a workbook's sheets listed off the window's thread, Cancel that returns
at once, and what the last walk left. All names are fictional."""

import subprocess
import sys
import threading
from datetime import date, timedelta
from pathlib import Path

import pytest
from openpyxl import Workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from app.chronology import reading
from app.chronology.entries import query_entry_ids
from app.imrs import add_agency
from app.reviews import create_review
from tests.ui.screens import read_through


@pytest.fixture
def review_id(ctx):
    review_id = create_review(ctx, review_type="lcspr", reference="LCSPR-2026-81", title="Child R")
    add_agency(ctx, review_id, "Westholm Police", "police")
    return review_id


def _workbook(path: Path, rows: int = 40) -> Path:
    wb = Workbook()
    cover = wb.active
    cover.title = "Cover"
    cover.append(["Chronology for the review panel"])
    sheet = wb.create_sheet("Contacts")
    sheet.append(["Date", "Worker", "Contact"])
    day = date(2016, 1, 4)
    for i in range(rows):
        sheet.append([f"{day:%d/%m/%Y}", f"PC {i % 5}", f"Call {i + 1}: shouting reported."])
        day += timedelta(days=2)
    wb.save(path)
    return path


@pytest.fixture
def held_workbook(monkeypatch):
    """Reading a sheet waits until the test lets it go on, as python-calamine does on a huge
    workbook: one call that cannot hear a stop. Records the threads that read."""
    real = reading._sheet_rows
    state = {"threads": [], "gate": threading.Event(), "inside": threading.Event()}

    def sheet_rows(*args, **kwargs):
        state["threads"].append(threading.current_thread() is threading.main_thread())
        if not state["threads"][-1]:  # never hold the window's own thread
            state["inside"].set()
            state["gate"].wait(20)
        return real(*args, **kwargs)

    monkeypatch.setattr(reading, "_sheet_rows", sheet_rows)
    yield state
    state["gate"].set()


def _counts(ctx, review_id) -> tuple[int, int]:
    from sqlalchemy import func, select

    from db.chronology_models import ChronologyImport

    with ctx.session() as session:
        imports = session.scalar(select(func.count()).select_from(ChronologyImport))
    return len(query_entry_ids(ctx, review_id)), imports


def test_a_workbook_s_sheets_are_listed_off_the_window_s_thread(
    qtbot, editor, review_id, tmp_path, held_workbook
):
    from ui.import_dialog import ImportDialog

    path = _workbook(tmp_path / "westholm.xlsx")
    held_workbook["gate"].set()
    dialog = ImportDialog(editor, review_id, ["Westholm Police"], path)
    qtbot.addWidget(dialog)
    read_through(qtbot, dialog)
    assert held_workbook["threads"] and not any(held_workbook["threads"])
    labels = [dialog.sheets.item(i).text() for i in range(dialog.sheets.count())]
    assert labels == ["Cover (no chronology found)", "Contacts"]
    assert dialog.sheets.isVisibleTo(dialog) and dialog.sheets.isEnabled()
    assert dialog.sheets.ticked() == ["Contacts"] and len(dialog.plan.entries) == 40


def test_cancel_returns_at_once_while_a_large_workbook_is_read(
    qtbot, editor, ctx, review_id, tmp_path, held_workbook, monkeypatch
):
    import ui.import_dialog
    from ui.import_dialog import ImportDialog
    from ui.tasks import jobs_running

    path = _workbook(tmp_path / "westholm.xlsx")
    before = _counts(ctx, review_id)
    planned = []
    real_plan = ui.import_dialog.plan_imports
    monkeypatch.setattr(
        ui.import_dialog,
        "plan_imports",
        lambda *a, **k: (planned.append(a[3]), real_plan(*a, **k))[1],
    )
    dialog = ImportDialog(editor, review_id, ["Westholm Police"], path)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert held_workbook["inside"].wait(20)  # the workbook is being read, off the thread
    assert dialog.is_reading() and not dialog.import_button.isEnabled()
    dialog.activateWindow()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    # Control is back at once: the dialog is closed while the workbook is still being read.
    assert not dialog.isVisible() and not dialog.is_reading()
    assert not held_workbook["gate"].is_set() and jobs_running() >= 1
    held_workbook["gate"].set()
    qtbot.waitUntil(lambda: jobs_running() == 0, timeout=60_000)
    # The late result is dropped: no sheets listed, no plans, nothing imported.
    assert dialog.plans == [] and dialog.result is None and dialog.sheets.count() == 0
    assert planned == []  # stopped between listing the sheets and planning: no more reading
    assert _counts(ctx, review_id) == before


def test_the_window_s_slow_work_and_the_import_share_one_stoppable_job():
    import ui.tasks

    assert not Path(ui.tasks.__file__).with_name("import_reading.py").exists()
    assert {"Job", "JobStopped", "start_job", "run_task", "stop_all_jobs"} <= set(ui.tasks.__all__)


def test_quitting_while_a_job_is_still_on_its_thread_ends_cleanly(tmp_path):
    script = tmp_path / "quit.py"
    script.write_text(
        "import threading\n"
        "from PySide6.QtCore import QTimer\n"
        "from PySide6.QtWidgets import QApplication, QWidget\n"
        "from ui.tasks import start_job, stop_all_jobs\n"
        "app = QApplication([])\n"
        "w = QWidget()\n"
        "w.show()\n"
        "gate = threading.Event()\n"
        "def work(progress):\n"
        "    gate.wait(3)  # a workbook being read: it cannot hear a stop\n"
        "    return [object()] * 1000\n"
        "start_job(w, work, print, print)\n"
        "QTimer.singleShot(100, app.quit)\n"
        "app.exec()\n"
        "w.deleteLater()\n"
        "print('ended' if stop_all_jobs() else 'still running')\n"
    )
    root = Path(__file__).resolve().parents[2]
    env = {"QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(root), "PATH": "/usr/bin:/bin"}
    done = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "ended"


def test_a_window_closing_its_store_first_waits_for_a_job_still_reading_it(window, monkeypatch):
    from ui.tasks import jobs_running, start_job

    order = []
    gate = threading.Event()
    monkeypatch.setattr(window.editor.ctx.store, "close", lambda: order.append("store closed"))
    window.owns_store = True

    def work(_progress):
        gate.wait(20)  # a workbook still being read: it cannot hear a stop
        order.append("reading ended")

    start_job(window, work, lambda _r: None, lambda _m: None)
    threading.Timer(0.3, gate.set).start()
    window.close()
    assert order == ["reading ended", "store closed"] and jobs_running() == 0


# What the last walk left in the window ---------------------------------------------------------
def _new_author(ctx, window, with_agency: bool = True) -> int:
    from tests.ui.screens import PROJECTOR, settle

    review_id = create_review(
        ctx, review_type="lcspr", reference="LCSPR-2026-80", title="Child Q: neglect of a baby"
    )
    if with_agency:
        add_agency(ctx, review_id, "Eastmoor Children's Services", "childrens_social_care")
    window.resize(PROJECTOR)
    window.refresh()
    window.select_review(review_id)
    settle()
    return review_id


def test_an_empty_chronology_says_what_to_do_with_a_way_to_import(window, ctx, qtbot, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from app.chronology.entries import add_entry
    from tests.ui.screens import settle
    from ui.workspace import TAB_CHRONOLOGY

    review_id = _new_author(ctx, window)
    window.workspace.tabs.setCurrentIndex(TAB_CHRONOLOGY)
    settle()
    tab = window.workspace.chronology
    hint = tab.findChild(QWidget, "chronology_empty")
    assert hint is not None and hint.isVisible()
    words = hint.findChild(QLabel, "chronology_empty_words").text()
    assert "Import" in words and "add an entry" in words
    import_button = hint.findChild(QPushButton, "chronology_empty_import")
    assert import_button.isVisible() and import_button.isEnabled()
    assert hint.findChild(QPushButton, "chronology_empty_add").isVisible()
    # The words and buttons lie inside the table's empty rows, whole.
    assert tab.view.viewport().rect().contains(hint.geometry())
    asked = []
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda *a, **k: (asked.append(a[1]), ("", ""))[1]
    )
    qtbot.mouseClick(import_button, Qt.MouseButton.LeftButton)
    assert asked == ["Import an agency chronology"]
    # Once there is an entry, the table shows it and the hint goes.
    agency_id = tab.agencies[0].agency_id
    add_entry(ctx, review_id, agency_id, {"date": "04/01/2016", "event": "Home visit."})
    tab.data_changed()
    settle()
    assert not hint.isVisible()
    tab.filters.text.setText("nothing like this")
    tab.apply_filter()
    settle()
    assert hint.isVisible() and "No entry matches the filters" in hint.words.text()
    assert not hint.import_button.isVisible()


def test_an_empty_chronology_with_no_agency_says_where_to_add_one(window, ctx):
    from tests.ui.screens import settle
    from ui.workspace import TAB_CHRONOLOGY

    _new_author(ctx, window, with_agency=False)
    window.workspace.tabs.setCurrentIndex(TAB_CHRONOLOGY)
    settle()
    hint = window.workspace.chronology.empty_hint
    assert hint.isVisible() and "under IMRs (Ctrl+4)" in hint.words.text()
    assert hint.import_button.isVisible() and not hint.add_button.isVisible()


def test_the_review_list_shows_a_reference_whole_at_1024(window, ctx):
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtWidgets import QStyleOptionViewItem

    from tests.ui.screens import settle

    _new_author(ctx, window)
    # The list at its narrowest, as the window gives way to the tabs at 1024.
    window.splitter.moveSplitter(window.list_panel.minimumWidth(), 1)
    settle()
    view = window.list_panel.view
    index = view.model().index(0, 0)
    drawn = []

    class Recorder(QPainter):
        def drawText(self, *args):  # noqa: N802 - Qt naming
            drawn.append(args[-1])
            return super().drawText(*args)

    rect = view.visualRect(index)
    image = QImage(rect.right() + 10, rect.bottom() + 10, QImage.Format.Format_ARGB32)
    painter = Recorder(image)
    option = QStyleOptionViewItem()
    option.rect = rect
    option.font = view.font()
    option.palette = view.palette()
    option.widget = view
    view.itemDelegate().paint(painter, option, index)
    painter.end()
    assert "LCSPR-2026-80" in drawn, drawn
    assert "LCSPR-2026-80" in index.data(Qt.ItemDataRole.ToolTipRole)


def test_a_review_with_no_target_date_keeps_its_type_and_status_whole_at_1024(window, ctx, qtbot):
    from tests.ui.screens import settle
    from ui.workspace import TAB_DETAILS

    _new_author(ctx, window)
    workspace = window.workspace
    subtitle = workspace.subtitle
    assert "Local Child Safeguarding Practice Review" in subtitle.text()
    room = subtitle.contentsRect().width()
    assert subtitle.fontMetrics().horizontalAdvance(subtitle.text()) <= room, subtitle.text()
    target = workspace.target
    # One short line; the rule is in the tooltip, and the link goes to the date to enter.
    assert target.text().count("<a ") == 1 and "decision" in target.text()
    assert "6 months of the decision to review" in target.toolTip()
    assert target.sizeHint().height() <= target.fontMetrics().lineSpacing() + 6
    workspace.tabs.setCurrentIndex(TAB_DETAILS - 1 if TAB_DETAILS else 1)
    target.linkActivated.emit("decision_date")
    settle()
    assert workspace.tabs.currentIndex() == TAB_DETAILS
    focused = window.focusWidget()
    field = workspace.details.dates["decision_date"]
    assert focused is field or field.isAncestorOf(focused)


def test_with_no_entry_chosen_tab_does_not_stop_in_the_editor_s_empty_boxes(window, ctx):
    from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

    from tests.ui.screens import settle
    from ui.workspace import TAB_CHRONOLOGY

    _new_author(ctx, window)
    window.workspace.tabs.setCurrentIndex(TAB_CHRONOLOGY)
    settle()
    editor = window.workspace.chronology.entry_editor
    boxes = [
        w
        for w in editor.findChildren(QLineEdit) + editor.findChildren(QPlainTextEdit)
        if w.isVisibleTo(editor)
    ]
    assert boxes
    stops = [w.objectName() or w.accessibleName() for w in boxes if w.isEnabled()]
    assert stops == [], stops


def test_the_header_s_link_reads_in_the_dark_palette(qapp):
    from PySide6.QtGui import QColor, QPalette

    from tests.ui.screens import DARK, palette_with
    from ui.theme import contrast_ratio, readable_palette

    dark = palette_with(DARK)
    dark.setColor(QPalette.ColorRole.Link, QColor("#3b78d8"))  # a dark theme's usual blue
    palette = readable_palette(dark)
    link, window_colour = (
        palette.color(QPalette.ColorRole.Link),
        palette.color(QPalette.ColorRole.Window),
    )
    assert contrast_ratio(link, window_colour) >= 4.5
    assert contrast_ratio(link, palette.color(QPalette.ColorRole.Base)) >= 4.5
