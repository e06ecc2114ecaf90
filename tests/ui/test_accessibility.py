"""Every control named for a screen reader, Tab moving between controls (not table cells),
and text colours readable against their backgrounds, in light and dark palettes."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QAbstractItemView, QApplication, QDialog, QTableView, QTabWidget

from app.demo import add_demo_reviews
from app.reviews import list_reviews
from tests.ui.accessibility import (
    describe,
    low_contrast,
    nameless_controls,
    typical_dark_palette,
)
from ui.chronology_actions import AddEntryDialog
from ui.finding_editor import CiteImrDialog
from ui.imr_board import AddAgencyDialog
from ui.main_window import NewReviewDialog
from ui.meetings_tab import DateRangeDialog, NewMeetingDialog
from ui.theme import readable_palette


@pytest.fixture
def demo_window(window, ctx):
    add_demo_reviews(ctx)
    window.refresh()
    window.select_review(list_reviews(ctx)[0].id)
    return window


def every_page(root):
    """Show every tab of every tab widget under ``root`` in turn, nested ones too: each tab's
    own tab widgets are walked while that tab is in front (a nested page is only on screen,
    and only read out, while every tab above it is current)."""
    seen = set()

    def walk(widget):
        for tabs in widget.findChildren(QTabWidget):
            if id(tabs) in seen or not tabs.isVisibleTo(root):
                continue
            seen.add(id(tabs))
            for index in range(tabs.count()):
                tabs.setCurrentIndex(index)
                QApplication.processEvents()
                yield f"{tabs.objectName() or type(tabs).__name__}: {tabs.tabText(index)}"
                yield from walk(tabs.widget(index))

    yield from walk(root)


def test_every_focusable_control_of_every_tab_has_a_name(demo_window):
    missing = {}
    for page in every_page(demo_window):
        for widget in nameless_controls(demo_window):
            missing.setdefault(describe(widget), page)
    assert missing == {}


@pytest.mark.parametrize(
    "make",
    [
        lambda: NewReviewDialog(),
        lambda: NewMeetingDialog(__import__("datetime").date(2026, 6, 15)),
        lambda: DateRangeDialog(),
        lambda: AddAgencyDialog(),
        lambda: AddEntryDialog(["Constabulary", "Health visiting"]),
        lambda: CiteImrDialog([]),
    ],
)
def test_every_dialog_control_has_a_name(qtbot, make):
    dialog: QDialog = make()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert [describe(w) for w in nameless_controls(dialog)] == []


def test_meeting_runner_controls_are_named_and_private_notes_say_so(demo_window, qtbot):
    meetings = demo_window.workspace.meetings
    demo_window.workspace.tabs.setCurrentWidget(meetings)
    runner = meetings.run_meeting()
    qtbot.waitExposed(runner)
    try:
        runner.open_action()
        assert [describe(w) for w in nameless_controls(runner)] == []
        assert "Private" in runner.private_notes.accessibleName()
        assert "minutes" in runner.notes.accessibleName().lower()
    finally:
        runner.close()


def test_tab_leaves_a_table_instead_of_walking_its_cells(demo_window, qtbot):
    tables = demo_window.findChildren(QTableView)
    assert tables
    assert [t.objectName() for t in tables if t.tabKeyNavigation()] == []
    chronology = demo_window.workspace.chronology
    demo_window.workspace.tabs.setCurrentWidget(chronology)
    chronology.view.setFocus()
    qtbot.keyClick(chronology.view, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not chronology.view


def test_every_table_offers_copy_on_right_click(demo_window):
    for view in demo_window.findChildren(QAbstractItemView):
        if not isinstance(view, QTableView):
            continue
        policy = view.contextMenuPolicy()
        if policy == Qt.ContextMenuPolicy.CustomContextMenu:
            continue  # the IMR board builds its own menu
        assert policy == Qt.ContextMenuPolicy.ActionsContextMenu, view.objectName()
        assert "Copy" in [a.text() for a in view.actions()], view.objectName()


@pytest.mark.parametrize("scheme", [Qt.ColorScheme.Light, Qt.ColorScheme.Dark])
def test_palette_text_reaches_4_5_to_1_including_selection_links_and_read_only(scheme, qapp):
    base = qapp.style().standardPalette()
    if scheme == Qt.ColorScheme.Dark:
        base = typical_dark_palette(base)
    palette = readable_palette(base)
    assert low_contrast(palette) == []
    # Read-only fields are drawn with the disabled colours on the window colour.
    disabled = QPalette.ColorGroup.Disabled
    from tests.ui.accessibility import contrast

    assert (
        contrast(
            palette.color(disabled, QPalette.ColorRole.Text),
            palette.color(disabled, QPalette.ColorRole.Base),
        )
        >= 4.5
    )


def test_tab_walks_the_chronology_filters_in_the_order_they_are_laid_out(demo_window, qtbot):
    demo_window.activateWindow()
    chronology = demo_window.workspace.chronology
    demo_window.workspace.tabs.setCurrentWidget(chronology)
    bar = chronology.filters
    expected = [
        bar.person,
        bar.agency,
        bar.event_type,
        bar.flagged,
        bar.date_from.edit,
        bar.date_to.edit,
        bar.theme,
        bar.episode,
        bar.clear_button,
    ]
    bar.text.setFocus()
    visited = []
    for _ in expected:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        visited.append(QApplication.focusWidget())
    assert [w.accessibleName() or w.text() for w in visited] == [
        w.accessibleName() or w.text() for w in expected
    ]


def test_tab_reaches_the_chronology_toolbar_in_the_order_it_is_laid_out(demo_window, qtbot):
    from PySide6.QtWidgets import QToolButton

    demo_window.activateWindow()
    chronology = demo_window.workspace.chronology
    demo_window.workspace.tabs.setCurrentWidget(chronology)
    chronology.view.selectRow(0)  # so that the commands on the selection are enabled
    QApplication.processEvents()
    toolbar = chronology.toolbar
    buttons = [
        b
        for b in toolbar.findChildren(QToolButton)
        if b.isVisible() and b.isEnabled() and b.focusPolicy() != Qt.FocusPolicy.NoFocus
    ]
    buttons.sort(key=lambda b: b.mapTo(toolbar, b.rect().topLeft()).x())
    laid_out = [b.defaultAction().text() if b.defaultAction() else "»" for b in buttons]
    assert laid_out[:3] == ["Import agency chronology…", "Add entry…", "Delete"]
    chronology.pages.tabBar().setFocus()  # just before the toolbar
    visited = []
    for _ in buttons:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        button = QApplication.focusWidget()
        visited.append(button.defaultAction().text() if button.defaultAction() else "»")
    assert visited == laid_out
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is chronology.filters.text  # then the filters
