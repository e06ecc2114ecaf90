"""The first run, the menus and help, and a window that fits a laptop screen."""

from datetime import timedelta

import pytest
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QLabel, QPushButton

from app.chronology.entries import add_entry
from app.imrs import add_agency
from app.reviews import create_review, get_review, list_reviews
from ui.help import HelpDialog
from ui.main_window import NewReviewDialog
from ui.meeting_runner import MeetingRunner
from ui.screen import fitted_size
from ui.workspace import TAB_AUDIT, TAB_CHRONOLOGY, TAB_NAMES, TAB_SHORT_NAMES

# A council laptop (1366x768 less a 40-pixel taskbar) and a 1080p screen at 150% (1280x720
# logical pixels less the taskbar), each less the window's title bar.
LAPTOP = QSize(1366, 768 - 40 - 30)
HD_AT_150 = QSize(1280, 720 - 32 - 30)


def test_empty_store_shows_the_first_steps_and_adds_the_demo_from_the_window(window, ctx, qtbot):
    welcome = window.welcome
    assert window.stack.currentWidget() is welcome
    assert welcome.heading.text() == "Welcome to ReviewDesk"
    buttons = [b.text() for b in welcome.findChildren(QPushButton) if b.isVisible()]
    assert "Create a review" in buttons and "Import an agency chronology…" in buttons
    welcome.demo_button.click()  # made in the background, behind a progress dialog
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.workspace, timeout=60_000)
    assert len(list_reviews(ctx)) >= 3
    assert window.stack.currentWidget() is window.workspace
    assert "demonstration" in window.statusBar().currentMessage()


def test_import_from_the_welcome_page_asks_for_a_review_first(window, ctx, monkeypatch):
    def fill(dialog):
        intro = dialog.findChild(QLabel, "new_review_intro")
        said.append(intro.text() if intro is not None else "")
        dialog.reference.setText("LCSPR-2026-09")
        dialog.title_edit.setText("Child J")
        return QDialog.DialogCode.Accepted

    said: list[str] = []
    monkeypatch.setattr(NewReviewDialog, "exec", fill)
    asked: list[str] = []
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda *a, **k: asked.append(a[1]) or ("", "")
    )
    window.welcome.import_button.click()
    assert [r.reference for r in list_reviews(ctx)] == ["LCSPR-2026-09"]
    assert asked == ["Import an agency chronology"]
    assert window.workspace.tabs.currentIndex() == TAB_CHRONOLOGY
    assert "Create the review first" in said[0]  # the dialog says why it comes first


def test_menus_hold_import_export_open_check_and_help(window):
    names = {a.objectName() for a in window.findChildren(type(window.delete_action))}
    for name in (
        "open_store",
        "import_chronology",
        "export_chronology",
        "export_document",
        "check_store",
        "help",
        "backup",
        "new_review",
    ):
        assert name in names
    help_action = next(
        a for a in window.findChildren(type(window.delete_action)) if a.objectName() == "help"
    )
    assert help_action.shortcut().toString() == "F1"
    assert not help_action.icon().isNull()


def test_help_opens_on_the_current_tab_and_lists_the_keys(window, ctx, monkeypatch):
    review_id = create_review(ctx, review_type="lcspr", reference="LCSPR-1", title="Child H")
    window.refresh()
    window.select_review(review_id)
    window.workspace.tabs.setCurrentIndex(TAB_CHRONOLOGY)
    shown: list[str] = []
    monkeypatch.setattr(HelpDialog, "exec", lambda d: shown.append(d.text.toPlainText()) or 0)
    window.show_help()
    [text] = shown
    assert text.index("Chronology") < text.index("The tabs")  # the current tab comes first
    for key in ("Ctrl+Shift+F", "Delete", "Alt+Down", "F1", "Ctrl+Shift+R"):
        assert key in text
    assert all(name in text for name in TAB_NAMES)


def test_title_names_the_review_and_store_once(window, ctx):
    review_id = create_review(ctx, review_type="lcspr", reference="LCSPR-5", title="Child T")
    window.refresh()
    window.select_review(review_id)
    title = window.windowTitle()
    assert title == f"LCSPR-5 · {ctx.store.path.name}"
    assert "ReviewDesk" not in title  # the desktop adds the application's name itself


def test_audit_trail_filters_and_sorts(window, ctx):
    review_id = create_review(ctx, review_type="lcspr", reference="LCSPR-6", title="Child A")
    add_agency(ctx, review_id, "Constabulary", "police")
    window.refresh()
    window.select_review(review_id)
    window.workspace.tabs.setCurrentIndex(TAB_AUDIT)
    audit = window.workspace.audit
    total = audit.proxy.rowCount()
    assert total >= 2
    audit.filter.setText("constabulary")
    assert 0 < audit.proxy.rowCount() < total
    assert "of" in audit.count.text()
    audit.filter.clear()
    audit.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    first = audit.proxy.index(0, 2).data()
    assert first.startswith("LCSPR-6") or "Child A" in first or first


def test_chronology_delete_key_says_how_to_undo(window, ctx, qtbot):
    review_id = create_review(ctx, review_type="lcspr", reference="LCSPR-7", title="Child D")
    add_agency(ctx, review_id, "Constabulary", "police")
    agency_id = get_review(ctx, review_id).imrs[0].agency_id
    ids = [
        add_entry(ctx, review_id, agency_id, {"date": f"0{day}/02/2020", "event": "Visit"})
        for day in (1, 2, 3)
    ]
    window.refresh()
    window.select_review(review_id)
    window.workspace.tabs.setCurrentIndex(TAB_CHRONOLOGY)
    chronology = window.workspace.chronology
    chronology.select_entry(ids[0])
    chronology.view.setFocus()
    qtbot.keyClick(chronology.view, Qt.Key.Key_Delete)
    assert len(chronology.model.ids) == 2
    assert window.statusBar().currentMessage() == "Deleted 1 entry: Ctrl+Z to undo"
    window.editor.undo_stack.undo()
    assert len(chronology.model.ids) == 3


def test_ctrl_shift_f_goes_to_the_chronology_search(window, ctx, qtbot):
    review_id = create_review(ctx, review_type="lcspr", reference="LCSPR-8", title="Child F")
    window.refresh()
    window.select_review(review_id)
    window.workspace.tabs.setCurrentIndex(TAB_CHRONOLOGY)
    chronology = window.workspace.chronology
    chronology.pages.setCurrentWidget(chronology.timeline_page)
    qtbot.keyClick(
        window,
        Qt.Key.Key_F,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert chronology.pages.currentWidget() is chronology.entries_page
    assert (
        QApplication.focusWidget() is chronology.filters.text
        or chronology.filters.text.hasFocus()
        or not window.isActiveWindow()
    )


@pytest.mark.parametrize("screen", [LAPTOP, HD_AT_150], ids=["1366x768", "1920x1080@150%"])
def test_main_window_fits_and_keeps_the_review_list(window, ctx, screen, qtbot):
    from app.demo import add_demo_reviews

    add_demo_reviews(ctx)
    window.refresh()
    window.select_review(list_reviews(ctx)[0].id)
    widths = set()
    for index in range(window.workspace.tabs.count()):
        window.workspace.tabs.setCurrentIndex(index)
        QApplication.processEvents()
        minimum = window.minimumSizeHint().expandedTo(window.minimumSize())
        assert minimum.width() <= screen.width(), TAB_NAMES[index]
        assert minimum.height() <= screen.height(), TAB_NAMES[index]
        window.resize(screen)
        QApplication.processEvents()
        widths.add(window.list_view.width())
        # The last button and the status bar are inside the window, not cut off below it.
        bottom = window.new_button.mapTo(window, window.new_button.rect().bottomLeft()).y()
        assert bottom < window.statusBar().y() <= window.height()
    assert len(widths) == 1  # no jump between tabs
    [width] = widths
    # The countdown is drawn whole (the reference is what gets shortened), beside a
    # recognisable part of the reference, with the row's padding; nothing scrolls sideways.
    bold = QFont(window.list_view.font())
    bold.setBold(True)
    needed = QFontMetrics(bold).horizontalAdvance("DEMO-LCSPR  Overdue by 28 days") + 20
    assert width >= needed
    assert window.list_view.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff


@pytest.mark.parametrize("screen", [LAPTOP, HD_AT_150], ids=["1366x768", "1920x1080@150%"])
def test_the_selected_imr_has_room_under_the_board(window, ctx, screen, qtbot):
    from ui.workspace import TAB_AGENCIES

    review_id = create_review(ctx, review_type="lcspr", reference="LCSPR-8", title="Child S")
    for name in ("Police", "Health", "School", "Children's social care", "Housing", "GP"):
        add_agency(ctx, review_id, name, "other")
    window.resize(screen)
    window.refresh()
    window.select_review(review_id)
    window.workspace.tabs.setCurrentIndex(TAB_AGENCIES)
    QApplication.processEvents()
    board = window.workspace.agencies
    table, panel = board.splitter.sizes()
    # Every agency's row is in sight, and the IMR's own fields get at least a third.
    assert panel >= (table + panel) // 3, (table, panel)
    view = board.view
    last = view.visualRect(view.model().index(view.model().rowCount() - 1, 0))
    assert last.bottom() <= view.viewport().height()
    board.splitter.splitterMoved.emit(10, 1)  # a height the user chose is kept
    board.splitter.setSizes([panel, table])
    board.show_imrs(review_id, board.model.rows, ctx.today())
    assert board.splitter.sizes()[0] == panel


def test_windows_are_sized_from_the_screen():
    area = QRect(0, 0, 1366, 728)
    assert fitted_size(QSize(1360, 860), area) == QSize(1256, 669)
    assert fitted_size(QSize(800, 600), area) == QSize(800, 600)


@pytest.mark.parametrize("screen", [LAPTOP, HD_AT_150], ids=["1366x768", "1920x1080@150%"])
def test_meeting_runner_fits_with_its_timer_and_buttons(window, ctx, screen, qtbot):
    from app.meetings import add_agenda_item, create_meeting

    review_id = create_review(ctx, review_type="lcspr", reference="LCSPR-9", title="Child R")
    meeting_id = create_meeting(ctx, review_id, ctx.today() + timedelta(days=1))
    add_agenda_item(ctx, meeting_id, "Welcome and apologies", minutes=5)
    runner = MeetingRunner(window.editor, meeting_id)
    qtbot.addWidget(runner)
    minimum = runner.minimumSizeHint()
    assert minimum.width() <= screen.width() and minimum.height() <= screen.height()
    runner.resize(screen)
    runner.show()
    qtbot.waitExposed(runner)
    for widget in (runner.timer_label, runner.next_button, runner.prev_button):
        corner = widget.mapTo(runner, widget.rect().bottomRight())
        assert widget.isVisible() and corner.x() <= runner.width() and corner.y() <= runner.height()
    runner.close()


def _hidden_tabs(tabs) -> list[str]:
    """Tabs not wholly in sight (behind the tab bar's scroll arrows)."""
    bar = tabs.tabBar()
    return [
        tabs.full_text(i)
        for i in range(tabs.count())
        if not bar.rect().contains(bar.tabRect(i)) or bar.tabRect(i).right() > tabs.width()
    ]


@pytest.mark.parametrize("screen", [LAPTOP, HD_AT_150], ids=["1366x768", "1920x1080@150%"])
@pytest.mark.parametrize("larger", [0, 1], ids=["usual text", "text one point larger"])
def test_every_tab_is_in_sight_with_its_full_name_for_screen_readers(window, ctx, screen, larger):
    review_id = create_review(ctx, review_type="lcspr", reference="LCSPR-12", title="Child W")
    window.refresh()
    window.select_review(review_id)
    font = QFont(window.font())
    font.setPointSizeF(font.pointSizeF() + larger)
    window.setFont(font)
    window.resize(screen)
    window.show()
    QApplication.processEvents()
    tabs = window.workspace.tabs
    bar = tabs.tabBar()
    assert tabs.count() == len(TAB_NAMES) == 11
    assert _hidden_tabs(tabs) == []
    assert window.width() <= screen.width()  # the window is no wider than the screen
    # Larger text leaves no room for the full names at these sizes, nor does 1280 pixels (the
    # review list beside the tabs) with the usual text: the short ones are shown.
    assert tabs.shortened == (bool(larger) or screen == HD_AT_150)
    for index, name in enumerate(TAB_NAMES):
        assert bar.accessibleTabName(index) == name
        shown = bar.tabText(index)
        assert shown == (TAB_SHORT_NAMES.get(name, name) if tabs.shortened else name)
        assert bar.tabToolTip(index) == (name if name in TAB_SHORT_NAMES else "")
    # A wide window has room for the full names again.
    window.resize(QSize(1900, screen.height()))
    QApplication.processEvents()
    assert not tabs.shortened and [bar.tabText(i) for i in range(tabs.count())] == TAB_NAMES
    window.resize(screen)
    QApplication.processEvents()
    assert _hidden_tabs(tabs) == []


def test_the_weekly_check_does_not_run_once_the_window_has_closed(window, monkeypatch):
    """Opening schedules the full check a few seconds later: a window closed meanwhile (its
    store closed with it) does not check a store it no longer holds."""
    checked: list[int] = []
    monkeypatch.setattr(type(window), "check_store", lambda self: checked.append(1))
    window.check_if_due(days=0)
    assert checked == [1]
    window.close()
    window.check_if_due(days=0)
    assert checked == [1]
