"""The review list beside the review: dragged narrower, folded away and brought back (from the
View menu, its shortcut or a button), remembered with the window, and out of the tabs' way on a
projector."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction

from app.reviews import create_review
from tests.ui.screens import settle as _settle
from ui.main_window import MainWindow
from ui.screen import LIST_MIN_EM, LIST_WIDTH_EM, SMALL_SCREEN_WIDTH, available_area


def _reviews(ctx):
    return [
        create_review(ctx, review_type="lcspr", reference=f"LCSPR-2026-0{n}", title=title)
        for n, title in enumerate(("Child N: a long title about the review", "Baby O"), start=1)
    ]


def _action(window) -> QAction:
    return window.findChild(QAction, "show_review_list")


def test_the_view_menu_hides_and_shows_the_list_and_the_window_remembers(
    qtbot, editor, settings, ctx, messages
):
    first, _second = _reviews(ctx)
    window = MainWindow(editor, settings)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    window.splitter.set_list_shown(True)
    window.select_review(first)
    _settle()
    action = _action(window)
    assert action.isCheckable() and action.isChecked()
    assert action.shortcut().toString() == "Ctrl+Shift+R"
    assert action in window.menuBar().actions()[2].menu().actions()  # under View
    window.list_view.setFocus()

    action.trigger()
    _settle()
    assert not window.splitter.list_shown and window.splitter.sizes()[0] == 0
    assert not action.isChecked()
    assert window.workspace.list_button.isVisible()  # a visible way back
    assert not window.list_panel.isAncestorOf(window.focusWidget())  # focus not left behind
    window.close()

    again = MainWindow(editor, settings)
    qtbot.addWidget(again)
    again.show()
    _settle()
    assert not again.splitter.list_shown and not _action(again).isChecked()
    again.workspace.list_button.click()  # the button beside the review's title
    _settle()
    assert again.splitter.list_shown and _action(again).isChecked()
    assert again.splitter.sizes()[0] >= again.list_panel.minimumWidth()
    assert not again.workspace.list_button.isVisible()
    assert again.focusWidget() is again.list_view  # a keyboard user is back in the list
    _action(again).trigger()  # and hidden again by the same key
    assert not again.splitter.list_shown
    # Ctrl+F (Find a review) brings the list back with the cursor in its filter.
    find = next(a for a in again.findChildren(QAction) if a.text() == "&Find a review")
    find.trigger()
    assert again.splitter.list_shown and again.focusWidget() is again.filter
    again.close()

    third = MainWindow(editor, settings)
    qtbot.addWidget(third)
    assert third.splitter.list_shown and _action(third).isChecked()


def test_the_list_drags_narrow_still_works_and_folds_when_dragged_past(window, ctx):
    first, second = _reviews(ctx)
    window.refresh()
    window.select_review(first)
    window.resize(1280, 800)
    _settle()
    splitter = window.splitter
    em = window.list_panel.fontMetrics().horizontalAdvance("M")
    assert splitter.sizes()[0] >= em * LIST_WIDTH_EM - 1  # room for every countdown

    splitter.moveSplitter(em * LIST_MIN_EM, 1)  # the handle dragged to the list's minimum
    _settle()
    narrow = splitter.sizes()[0]
    assert em * LIST_MIN_EM <= narrow < em * (LIST_MIN_EM + 2)
    assert window.list_view.width() > em * 8
    # Still a list to use: the filter finds, a row is chosen, each row says all in its tooltip.
    window.filter.setText("Baby")
    assert window.proxy.rowCount() == 1
    window.list_view.setCurrentIndex(window.proxy.index(0, 0))
    assert window.current_review_id() == second
    tip = window.proxy.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "LCSPR-2026-02" in tip and "Baby O" in tip and "IMRs" in tip
    window.filter.clear()
    # The narrow width is the list's own now: kept as the window grows.
    window.resize(1600, 800)
    _settle()
    assert splitter.sizes()[0] == narrow

    splitter.moveSplitter(em * 2, 1)  # dragged past its minimum: folded away
    _settle()
    assert splitter.sizes()[0] == 0 and not splitter.list_shown
    assert not _action(window).isChecked()
    _action(window).trigger()
    _settle()
    assert splitter.sizes()[0] == narrow  # back at the width it had


def test_a_first_start_on_a_small_screen_gives_the_review_its_tabs(
    qtbot, editor, settings, ctx, messages
):
    """A small screen (the tests' 800x600 one), the first time, a review open: the tabs'
    labels would not read beside the list, so it starts folded away; what the user then
    chooses is kept."""
    _reviews(ctx)
    window = MainWindow(editor, settings)
    qtbot.addWidget(window)
    assert available_area(window).width() < SMALL_SCREEN_WIDTH
    window.show()
    _settle()
    assert not window.splitter.list_shown and window.workspace.list_button.isVisible()
    assert window.splitter.sizes()[0] == 0  # the window's whole width for the tabs
    window.show_list(True)
    window.close()
    again = MainWindow(editor, settings)
    qtbot.addWidget(again)
    assert again.splitter.list_shown  # the user's choice, not the first start's
