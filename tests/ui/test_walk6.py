"""A chair by keyboard on a projector, an author on a laptop at 125%, in light, dark and high
contrast, sixth round: what the last walk left, and what this one found."""

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QApplication

from app.demo import add_demo_reviews
from app.imrs import add_agency, set_imr_status
from app.meetings import add_agenda_item, create_meeting, meeting_detail
from app.reviews import create_review, get_review
from tests.ui.screens import DARK, HIGH_CONTRAST, PROJECTOR, palette_with, read_through
from tests.ui.screens import settle as _settle


@pytest.fixture
def chair_meeting(ctx):
    review_id = create_review(ctx, review_type="lcspr", reference="LCSPR-2026-44", title="Child R")
    imr_id = add_agency(ctx, review_id, "Northmoor Police", "police")
    set_imr_status(ctx, imr_id, "requested")
    set_imr_status(ctx, imr_id, "received")
    meeting_id = create_meeting(ctx, review_id, date(2026, 7, 2), place="Room 4")
    add_agenda_item(ctx, meeting_id, "Welcome and declarations of interest", minutes=5)
    add_agenda_item(
        ctx, meeting_id, "IMR of Northmoor Police", minutes=15, ref_kind="imr", ref_id=imr_id
    )
    add_agenda_item(ctx, meeting_id, "Any other business", minutes=5)
    return review_id, imr_id, meeting_id


# The meeting runner by Tab -----------------------------------------------------------------
def test_a_chair_reaches_every_control_of_the_runner_by_tab(qtbot, editor, ctx, chair_meeting):
    from ui.meeting_runner import MeetingRunner

    review_id, imr_id, meeting_id = chair_meeting
    runner = MeetingRunner(editor, meeting_id)
    qtbot.addWidget(runner)
    runner.resize(1024, 728)
    runner.show()
    qtbot.waitExposed(runner)
    runner.activateWindow()
    qtbot.waitUntil(runner.isActiveWindow)
    assert runner.notes.hasFocus()  # it opens ready for the minutes
    runner.go_to(1)  # the IMR: Previous and Next are both enabled
    runner.setFocus()
    _settle()
    seen = []
    for _ in range(12):
        qtbot.keyClick(QApplication.focusWidget() or runner, Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    wanted = [
        runner.agenda,
        runner.prev_button,
        runner.next_button,
        runner.present_button,
        runner.reference,
        runner.notes,
        runner.captured,
        runner.private_notes,
    ]
    assert all(w in seen for w in wanted), [type(w).__name__ for w in seen]
    # In the order they are read, and round again to the agenda.
    first = seen.index(runner.agenda)
    assert seen[first : first + len(wanted)] == wanted
    assert seen[first + len(wanted)] is runner.agenda
    for widget in wanted:
        assert widget.accessibleName() or widget.text()

    # The agenda by arrow key moves to the item, as a click does; the shortcuts still work
    # wherever the focus is.
    runner.agenda.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(runner.agenda, Qt.Key.Key_Down)
    assert runner.title_label.text() == "Any other business"
    assert runner.agenda.hasFocus()
    qtbot.keyClick(runner.agenda, Qt.Key.Key_PageUp)
    assert runner.title_label.text() == "IMR of Northmoor Police"
    runner.captured.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(runner.captured, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    runner.next_button.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(runner.next_button, Qt.Key.Key_Space)
    assert runner.title_label.text() == "Any other business"
    qtbot.keyClick(runner.next_button, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert runner.notes.hasFocus()
    runner.close()
    imr = next(i for i in get_review(ctx, review_id).imrs if i.imr_id == imr_id)
    assert imr.status == "accepted"
    assert [d.kind for d in meeting_detail(ctx, meeting_id).items[1].decisions] == ["imr_accepted"]


# The focus ring whatever the style ----------------------------------------------------------
def _changed_pixels(before, after) -> int:
    """Pixels that the focus changed by 3:1 or more (WCAG's focus appearance)."""
    from PySide6.QtGui import QColor

    from ui.theme import contrast_ratio

    return sum(
        contrast_ratio(QColor(before.pixel(x, y)), QColor(after.pixel(x, y))) >= 3.0
        for x in range(after.width())
        for y in range(after.height())
    )


@pytest.mark.parametrize("style_name", ["Windows", "Fusion"])
@pytest.mark.parametrize(
    "colours", [None, DARK, HIGH_CONTRAST], ids=["light", "dark", "high contrast"]
)
def test_the_focus_ring_shows_whatever_the_style(qapp, qtbot, style_name, colours):
    from PySide6.QtWidgets import (
        QCheckBox,
        QComboBox,
        QLineEdit,
        QPlainTextEdit,
        QPushButton,
        QStyleFactory,
        QTabWidget,
        QVBoxLayout,
        QWidget,
    )

    from ui.theme import ring_focused_boxes, visible_frames

    palette = qapp.palette()
    try:
        qapp.setStyle(QStyleFactory.create(style_name))
        visible_frames(qapp)  # as the application's start does, whatever the system's style
        qapp.setPalette(palette_with(colours, qapp.style().standardPalette()))
        ring_focused_boxes(qapp)
        page = QWidget()
        qtbot.addWidget(page)
        layout = QVBoxLayout(page)
        layout.setSpacing(8)
        start = QPushButton("Start")
        combo = QComboBox()
        combo.addItems(["Panel meeting", "Practitioner event"])
        notes = QPlainTextEdit("Notes for the minutes")
        notes.setTabChangesFocus(True)
        tabs = QTabWidget()
        tabs.addTab(QWidget(), "Evidence (7)")
        tabs.addTab(QWidget(), "Themes")
        controls = (
            QPushButton("Run this meeting"),
            QLineEdit("Room 2"),
            combo,
            QCheckBox("Key episodes only"),
            notes,
        )
        layout.addWidget(start)
        for control in controls:
            layout.addWidget(control)
        layout.addWidget(tabs)
        page.resize(300, 420)
        page.show()
        qtbot.waitExposed(page)
        start.setFocus()
        _settle()
        for control in controls:
            before = page.grab().toImage()
            qtbot.keyClick(qapp.focusWidget(), Qt.Key.Key_Tab)  # a real Tab
            _settle()
            assert control.hasFocus()
            after = page.grab().toImage()
            if isinstance(control, QCheckBox):
                words = control.fontMetrics().boundingRect(control.text())
                least = 2 * 2 * (words.width() + words.height())
            else:
                least = 2 * 2 * (control.width() + control.height()) * 0.9
            changed = _changed_pixels(before, after)
            assert changed >= least, (type(control).__name__, changed, least)
        bar = tabs.tabBar()
        before = bar.grab().toImage()
        qtbot.keyClick(qapp.focusWidget(), Qt.Key.Key_Tab)
        _settle()
        assert bar.hasFocus()
        tab = bar.tabRect(0)
        least = 2 * 2 * (tab.width() + tab.height() - 8) * 0.8
        assert _changed_pixels(before, bar.grab().toImage()) >= least
    finally:
        qapp.setStyle(QStyleFactory.create("Fusion"))
        qapp.setPalette(palette)


# A projector's 1024 pixels: People's headings, the IMR board --------------------------------
def _heading_fits(header, column) -> bool:
    """Every line of the heading fits inside its column."""
    from PySide6.QtWidgets import QStyle

    text = header.model().headerData(column, Qt.Orientation.Horizontal)
    margin = 2 * header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin)
    widest = max(header.fontMetrics().horizontalAdvance(line) for line in text.split("\n"))
    return widest + margin <= header.sectionSize(column)


def test_the_people_register_headings_are_read_whole_on_a_projector(demo):
    from PySide6.QtWidgets import QTableWidget

    from ui.tab_names import TAB_NAMES

    demo.workspace.tabs.setCurrentIndex(TAB_NAMES.index("People"))
    _settle()
    table = demo.workspace.findChild(QTableWidget, "people_register")
    header = table.horizontalHeader()
    assert table.viewport().width() < 820  # a projector: the columns are narrow
    for column in range(table.columnCount()):
        assert _heading_fits(header, column), header.model().headerData(
            column, Qt.Orientation.Horizontal
        )
    last = table.horizontalHeaderItem(table.columnCount() - 1)
    assert last.text().replace("\n", " ") == "Identifiers and addresses"
    assert last.toolTip() == "Identifiers and addresses"
    # Wide again (a laptop, maximised): one line.
    demo.resize(1800, 900)
    _settle()
    assert "\n" not in last.text()


@pytest.mark.parametrize("size", [PROJECTOR, QSize(1093, 584)], ids=["1024", "1366 at 125%"])
def test_the_imr_board_fits_across_without_scrolling_sideways(demo, size):
    from PySide6.QtGui import QFont, QFontMetrics

    from ui.imr_board import AGENCY_COLUMN, AUTHOR_COLUMN
    from ui.tab_names import TAB_NAMES

    demo.resize(size)
    demo.workspace.tabs.setCurrentIndex(TAB_NAMES.index("Agencies and IMRs"))
    _settle()
    tab = demo.workspace.agencies
    view, header = tab.view, tab.view.horizontalHeader()
    _settle()
    assert not view.horizontalScrollBar().isVisible()
    shown = [c for c in range(header.count()) if not header.isSectionHidden(c)]
    assert sum(header.sectionSize(c) for c in shown) <= view.viewport().width()
    # Status, dates, questions and every author's name read whole; the agency has room to be
    # known by (its whole name is its tooltip).
    for column in shown:
        if column == AGENCY_COLUMN:
            continue
        font = QFont(view.font())
        font.setBold(column != AUTHOR_COLUMN)
        metrics = QFontMetrics(font)
        for row in range(view.model().rowCount()):
            text = view.model().index(row, column).data() or ""
            assert metrics.horizontalAdvance(text) <= header.sectionSize(column), (column, text)
    em = view.fontMetrics().horizontalAdvance("M")
    assert header.sectionSize(AGENCY_COLUMN) >= 16 * em


# The import dialog on a laptop at 125% ------------------------------------------------------
CHRONOLOGIES = Path(__file__).resolve().parents[1] / "data" / "chronologies"


def _rows_in_sight(table) -> int:
    viewport = table.viewport().rect()
    return sum(
        viewport.contains(table.visualRect(table.model().index(row, 0)))
        for row in range(table.rowCount())
    )


def test_the_import_dialog_keeps_its_fields_in_sight_on_a_laptop_at_125(qtbot, editor, ctx):
    from ui.import_dialog import ImportDialog

    review_id = create_review(ctx, review_type="lcspr", reference="LCSPR-2026-45", title="Child S")
    dialog = ImportDialog(
        editor, review_id, ["Northmoor Probation"], CHRONOLOGIES / "probation_chronology.xls"
    )
    qtbot.addWidget(dialog)
    read_through(qtbot, dialog)
    dialog.resize(1000, 555)  # 1366x768 at 125%, as the window fits it to the screen
    dialog.show()
    qtbot.waitExposed(dialog)
    _settle()
    # Every column of this file is a field: nothing to join, so no empty box for it.
    assert dialog.parts.count() == 0
    assert not dialog.parts.isVisible()
    assert _rows_in_sight(dialog.mapping) >= 5  # (two, beside an empty box, before)


def test_the_columns_to_join_are_as_tall_as_they_are(qtbot, editor, ctx, tmp_path):
    from ui.import_dialog import ImportDialog

    review_id = create_review(ctx, review_type="lcspr", reference="LCSPR-2026-46", title="Child U")
    path = tmp_path / "police.csv"
    path.write_text(
        "Date,Officer,Details,Summary,Notes\n"
        "01/03/2016,PC 1,First visit.,Seen at home,Dog in the house\n"
        "02/03/2016,PC 1,Second.,Not seen,Door not answered\n"
    )
    dialog = ImportDialog(editor, review_id, ["Police"], path)
    qtbot.addWidget(dialog)
    read_through(qtbot, dialog)
    dialog.resize(1000, 555)
    dialog.show()
    qtbot.waitExposed(dialog)
    _settle()
    count = dialog.parts.count()
    assert count >= 1
    assert dialog.parts.isVisible()
    row = dialog.parts.sizeHintForRow(0)
    assert dialog.parts.height() <= min(count, 4) * row + 2 * dialog.parts.frameWidth() + 4


# The release check by keyboard --------------------------------------------------------------
def test_the_release_check_tabs_from_the_findings_to_waive_then_close(demo, qtbot):
    from PySide6.QtWidgets import QDialogButtonBox

    from ui.tab_names import TAB_NAMES

    demo.workspace.tabs.setCurrentIndex(TAB_NAMES.index("Documents"))
    _settle()
    reports = demo.workspace.reports
    if reports.report is None:
        reports.start_document()
    dialog = reports.show_check()
    qtbot.addWidget(dialog)
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    tree = dialog.table
    tree.setFocus(Qt.FocusReason.TabFocusReason)
    tree.setCurrentItem(tree.topLevelItem(0))
    assert dialog.waive_button.isEnabled()
    close = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Close)
    # Waive sits left of Close: Tab reaches it first.
    assert dialog.waive_button.mapTo(dialog, dialog.waive_button.rect().topLeft()).x() < (
        close.mapTo(dialog, close.rect().topLeft()).x()
    )
    qtbot.keyClick(tree, Qt.Key.Key_Tab)
    assert dialog.waive_button.hasFocus()
    qtbot.keyClick(dialog.waive_button, Qt.Key.Key_Tab)
    assert close.hasFocus()
    dialog.close()


# The newsletter's reviews -------------------------------------------------------------------
def test_the_newsletter_picker_shows_whole_titles_and_says_what_comes_next(qtbot, editor, ctx):
    from PySide6.QtWidgets import QDialogButtonBox

    from ui.learning_exports import ReviewPicker

    add_demo_reviews(ctx)
    picker = ReviewPicker(editor)
    qtbot.addWidget(picker)
    picker.show()
    qtbot.waitExposed(picker)
    _settle()
    listed = picker.list
    assert not listed.horizontalScrollBar().isVisible()
    metrics = listed.fontMetrics()
    room = listed.viewport().width()
    widest = max(metrics.horizontalAdvance(listed.item(i).text()) for i in range(listed.count()))
    assert widest + 3 * metrics.horizontalAdvance("M") <= room  # every title whole on 1024
    ok = picker.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    assert ok.text() == "Save the newsletter…"
    assert not ok.isEnabled()  # nothing ticked: nothing to save
    listed.item(0).setCheckState(Qt.CheckState.Checked)
    assert ok.isEnabled()


# The first run ------------------------------------------------------------------------------
def test_on_an_empty_store_the_keyboard_starts_on_the_first_step(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    _settle()
    assert window.stack.currentWidget() is window.welcome
    # Not the search box of an empty list: Space starts a review.
    assert QApplication.focusWidget() is window.welcome.new_button
    qtbot.keyClick(window.welcome.new_button, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is window.welcome.demo_button


# The action plan by keyboard ----------------------------------------------------------------
def test_enter_opens_an_action_of_the_plan_in_its_review(demo, qtbot):
    plan = demo.show_action_plan()
    qtbot.waitExposed(plan)
    plan.activateWindow()
    qtbot.waitUntil(plan.isActiveWindow)
    assert plan.proxy.rowCount() > 1
    index = plan.proxy.index(1, 3)
    action = plan.model.rows[plan.proxy.mapToSource(index).row()]
    plan.view.setFocus(Qt.FocusReason.TabFocusReason)
    plan.view.setCurrentIndex(index)
    qtbot.keyClick(plan.view, Qt.Key.Key_Return)
    assert plan.isVisible()  # Enter opened the action; it did not press Close
    assert demo.workspace.review.id == action.review_id
    recs = demo.workspace.recommendations
    assert demo.workspace.tabs.currentWidget() is recs
    assert recs.panel.action_table.selected_id() == action.id
    assert plan.review.accessibleName() == "Review"
    assert plan.agency.accessibleName() == "Lead agency"
    plan.close()


# Names a screen reader says -----------------------------------------------------------------
def test_the_document_choice_and_the_learning_charts_have_names(
    qtbot, window, editor, chair_meeting
):
    from PySide6.QtWidgets import QScrollArea

    from ui.learning_window import LearningWindow

    window.refresh()
    window.select_review(chair_meeting[0])
    assert window.workspace.reports.kind.accessibleName() == "Document"
    learning = LearningWindow(editor, window)
    qtbot.addWidget(learning)
    areas = [
        area
        for area in learning.findChildren(QScrollArea)
        if area.focusPolicy() != Qt.FocusPolicy.NoFocus
    ]
    assert areas
    for area in areas:
        assert area.accessibleName()
    assert learning.query.accessibleName() == "Search every review"


def test_the_learning_search_table_runs_across_before_the_first_search(qtbot, editor):
    from ui.learning_window import LearningWindow

    learning = LearningWindow(editor)
    qtbot.addWidget(learning)
    learning.resize(936, 600)
    learning.show()
    qtbot.waitExposed(learning)
    learning.tabs.setCurrentIndex(learning.tabs.count() - 1)
    _settle()
    table = learning.results
    assert table.rowCount() == 0
    header = table.horizontalHeader()
    used = sum(header.sectionSize(c) for c in range(table.columnCount()))
    assert used >= table.viewport().width() - 2  # no blank band at the right
