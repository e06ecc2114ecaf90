"""A projector, a small laptop at 125%, dark and high contrast, fourth round: what the last walk
through the real window left, and what this one found."""

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QApplication, QToolButton

from tests.ui.screens import DARK, HIGH_CONTRAST, PROJECTOR, palette_with
from tests.ui.screens import settle as _settle
from ui.tab_names import TAB_CHRONOLOGY

WORDS = Qt.ToolButtonStyle.ToolButtonTextBesideIcon


def test_a_chronology_button_keeps_its_words_where_they_fit(demo):
    demo.workspace.tabs.setCurrentIndex(TAB_CHRONOLOGY)
    _settle()
    tab = demo.workspace.chronology
    bar, words = tab.toolbar, tab.toolbar_words
    more = bar.findChild(QToolButton, "qt_toolbar_ext_button")
    buttons = [bar.widgetForAction(a) for a in bar.actions() if not a.isSeparator()]
    # The narrowest the bar can be with every word shown and nothing behind "»", found by
    # laying it out, with the buttons left as they are told.
    bar.removeEventFilter(words)
    for button in buttons:
        button.setToolButtonStyle(WORDS)
    fits = None
    for width in range(1400, 300, -1):
        bar.setFixedWidth(width)
        QApplication.processEvents()
        if more is not None and more.isVisible():
            break
        fits = width
    assert fits is not None and fits < 1400
    bar.installEventFilter(words)
    bar.setFixedWidth(fits)
    words.fit()
    _settle()
    assert not more.isVisible()
    assert [b.toolButtonStyle() for b in buttons] == [WORDS] * len(buttons)  # every word kept
    bar.setFixedWidth(fits - 1)  # a pixel less: the first to give way is an icon, none folds
    words.fit()
    _settle()
    assert not more.isVisible()
    assert tab.delete_button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly
    assert tab.link_button.toolButtonStyle() == WORDS


def _edge_contrast(widget) -> float:
    """The best contrast, against the window, of the pixels on the field's left edge."""
    from PySide6.QtGui import QColor

    from ui.theme import contrast_ratio

    image = widget.grab().toImage()
    window = widget.palette().color(widget.palette().ColorRole.Window)
    middle = image.height() // 2
    return max(contrast_ratio(QColor(image.pixel(x, middle)), window) for x in range(3))


@pytest.mark.parametrize("colours", [HIGH_CONTRAST, DARK], ids=["high contrast", "dark"])
def test_fields_show_their_edges_in_high_contrast_and_dark(qtbot, colours):
    from PySide6.QtWidgets import (
        QCheckBox,
        QComboBox,
        QLineEdit,
        QPlainTextEdit,
        QPushButton,
        QSpinBox,
        QStyleFactory,
        QVBoxLayout,
        QWidget,
    )

    from ui.theme import VisibleFrames

    page = QWidget()
    qtbot.addWidget(page)
    page.setStyle(VisibleFrames(QStyleFactory.create("Fusion")))
    page.setPalette(palette_with(colours))
    layout = QVBoxLayout(page)
    line, text, combo, spin = (
        QLineEdit("Child T"),
        QPlainTextEdit("A note"),
        QComboBox(),
        QSpinBox(),
    )
    combo.addItems(["Analysis", "Drafting"])
    fields = (line, text, combo, spin, QPushButton("Add finding"), QCheckBox("Flagged only"))
    for field in fields:
        field.setStyle(page.style())
        layout.addWidget(field)
    page.resize(300, 260)
    page.show()
    qtbot.waitExposed(page)
    for field in fields:
        assert _edge_contrast(field) >= 3.0, type(field).__name__


def test_the_window_draws_fields_with_edges_that_can_be_seen(qapp):
    from PySide6.QtWidgets import QStyleFactory

    from ui.main import follow_colour_scheme
    from ui.theme import VisibleFrames

    palette = qapp.palette()
    try:
        qapp.setStyle(QStyleFactory.create("Fusion"))
        follow_colour_scheme(qapp)
        assert isinstance(qapp.style(), VisibleFrames)
        follow_colour_scheme(qapp)  # again, as when the system's scheme changes: still once
        assert isinstance(qapp.style(), VisibleFrames)
        assert not isinstance(qapp.style().baseStyle(), VisibleFrames)
    finally:
        qapp.setStyle(QStyleFactory.create("Fusion"))
        qapp.setPalette(palette)


def test_the_release_checks_state_gives_its_room_to_where_on_a_projector(demo, ctx, qtbot):
    from PySide6.QtCore import QRect

    from app.publishing.release_check import check_publication
    from ui.release_check_dialog import ReleaseCheckDialog
    from ui.tab_names import TAB_REPORTS

    demo.workspace.tabs.setCurrentIndex(TAB_REPORTS)
    reports = demo.workspace.reports
    if reports.report is None:
        reports.start_document()
    result = check_publication(ctx, demo.current_review_id(), reports.report.kind)
    dialog = ReleaseCheckDialog(demo.editor, demo.current_review_id(), reports.report.kind, result)
    qtbot.addWidget(dialog)
    dialog.resize(PROJECTOR)
    dialog.show()
    qtbot.waitExposed(dialog)
    _settle()
    table = dialog.table
    metrics = table.fontMetrics()
    em = metrics.horizontalAdvance("M")
    states = [table.topLevelItem(i).text(4) for i in range(table.topLevelItemCount())]
    assert "Blocks" in states
    widest = max(metrics.horizontalAdvance(text) for text in [*states, "State"])
    assert widest <= table.columnWidth(4) <= widest + 2 * em  # one word: its own width
    where = table.columnWidth(0) - 10 - 2 * table.indentation()
    for row in range(table.topLevelItemCount()):
        text = table.topLevelItem(row).text(0)
        lines = metrics.boundingRect(QRect(0, 0, where, 10_000), Qt.TextFlag.TextWordWrap, text)
        assert lines.height() <= 3 * metrics.lineSpacing(), text  # no place in four lines
    _settle()
    right = sum(table.columnWidth(c) for c in range(5))
    assert right <= table.viewport().width() + 1  # nothing off to the right


LAPTOP_125 = QSize(1093, 614 - 30)  # 1366x768 at 125%, less a title bar


def test_a_findings_pages_are_in_sight_on_a_laptop_at_125_percent(demo):
    from PySide6.QtWidgets import QScrollArea

    from ui.tab_names import TAB_FINDINGS

    demo.resize(LAPTOP_125)
    demo.workspace.tabs.setCurrentIndex(TAB_FINDINGS)
    findings = demo.workspace.findings
    findings.select_finding(findings.findings[0].id)
    _settle()
    panel = findings.panel
    area = panel.parentWidget()
    while not isinstance(area, QScrollArea):
        area = area.parentWidget()
    assert not area.verticalScrollBar().isVisible()  # nothing to scroll to
    viewport = area.viewport()
    for widget in (panel.pages.tabBar(), panel.evidence, panel.remove_evidence_button):
        corner = widget.mapTo(viewport, widget.rect().bottomRight())
        assert viewport.rect().contains(corner), widget.objectName() or widget.text()
    narrative = panel.narrative
    lines = narrative.fontMetrics().lineSpacing()
    assert narrative.height() >= 4 * lines  # still four lines to write in
    demo.resize(PROJECTOR)  # more height: the narrative takes its share of it
    _settle()
    assert narrative.height() >= 8 * lines
    assert not area.verticalScrollBar().isVisible()


def test_tab_into_a_page_scrolled_down_brings_its_first_field_into_sight(demo):
    from PySide6.QtWidgets import QScrollArea

    demo.resize(LAPTOP_125)
    demo.workspace.tabs.setCurrentIndex(0)
    _settle()
    details = demo.workspace.details
    area = details.findChild(QScrollArea)
    bar = area.verticalScrollBar()
    assert bar.maximum() > 0  # the page scrolls at this size
    bar.setValue(bar.maximum())
    _settle()
    field = details.texts["reference"]
    field.setFocus(Qt.FocusReason.TabFocusReason)  # as Tab from the tab bar gives it
    _settle()
    corner = field.mapTo(area.viewport(), field.rect().topLeft())
    assert area.viewport().rect().contains(corner)
    assert area.viewport().rect().contains(corner + field.rect().bottomRight())


def test_a_long_value_shows_its_start_again_once_tabbed_past(demo):
    details = demo.workspace.details
    demo.workspace.tabs.setCurrentIndex(0)
    _settle()
    title = details.texts["title"]
    assert title.fontMetrics().horizontalAdvance(title.text()) > title.width()  # a long value
    title.setFocus(Qt.FocusReason.TabFocusReason)
    title.selectAll()  # as Tab leaves it: all chosen, the cursor at the end
    title.end(False)
    _settle()
    assert title.cursorPosition() == len(title.text())
    details.texts["subject_pseudonym"].setFocus(Qt.FocusReason.TabFocusReason)
    _settle()
    assert title.cursorPosition() == 0


@pytest.mark.parametrize("colours", [HIGH_CONTRAST, DARK], ids=["high contrast", "dark"])
def test_a_dialogs_buttons_carry_no_icon_drawn_for_light_windows_on_a_dark_one(qtbot, colours):
    from PySide6.QtWidgets import QDialogButtonBox, QProxyStyle, QStyle, QStyleFactory

    from ui.theme import VisibleFrames

    class WithIcons(QProxyStyle):  # a desktop that puts icons on dialog buttons (GNOME, KDE)
        def styleHint(self, hint, option=None, widget=None, returnData=None):  # noqa: N802, N803
            if hint == QStyle.StyleHint.SH_DialogButtonBox_ButtonsHaveIcons:
                return 1
            return super().styleHint(hint, option, widget, returnData)

    style = VisibleFrames(WithIcons(QStyleFactory.create("Fusion")))
    boxes = {}
    for name, palette in (("light", None), ("dark", palette_with(colours))):
        box = boxes[name] = QDialogButtonBox()
        qtbot.addWidget(box)
        box.setStyle(style)
        if palette is not None:
            box.setPalette(palette)
        box.addButton(QDialogButtonBox.StandardButton.Close)
    close = QDialogButtonBox.StandardButton.Close
    assert not boxes["light"].button(close).icon().isNull()  # on a light window, as it was
    assert boxes["dark"].button(close).icon().isNull()  # in words: its grey cross was not seen
    assert boxes["dark"].button(close).text()


LAPTOP = QSize(1366, 768 - 40)


@pytest.mark.parametrize("size", [PROJECTOR, LAPTOP], ids=["1024", "1366"])
def test_the_people_register_fits_across_and_shows_its_rows(demo, size):
    from PySide6.QtWidgets import QHeaderView

    from ui.tab_names import TAB_PEOPLE

    demo.resize(size)
    demo.workspace.tabs.setCurrentIndex(TAB_PEOPLE)
    _settle()
    register = demo.workspace.people.register
    assert register.rowCount() >= 6
    header = register.horizontalHeader()
    assert not register.horizontalScrollBar().isVisible()
    right = sum(header.sectionSize(c) for c in range(register.columnCount()))
    assert right <= register.viewport().width() + 1  # nothing off to the right
    shown = register.viewport().height() // register.rowHeight(0)
    assert shown >= (8 if size == LAPTOP else 6), shown
    # Each column keeps room for a few letters; the born date is whole.
    assert min(header.sectionSize(c) for c in range(register.columnCount())) >= 40
    assert header.sectionResizeMode(4) == QHeaderView.ResizeMode.ResizeToContents


def test_an_imr_fits_its_pane_under_the_board_on_a_projector(demo):
    from PySide6.QtWidgets import QScrollArea

    from ui.tab_names import TAB_AGENCIES

    demo.workspace.tabs.setCurrentIndex(TAB_AGENCIES)
    _settle()
    agencies = demo.workspace.agencies
    panel = agencies.panel
    assert panel.imr is not None  # the first agency's IMR is shown
    holder = panel.parentWidget()
    while not isinstance(holder, QScrollArea):
        holder = holder.parentWidget()
    assert not holder.verticalScrollBar().isVisible()
    assert panel.minimumSizeHint().height() <= holder.viewport().height()
    # Every date is in sight, and the reason an IMR is not needed.
    for field in (*panel.dates.values(), panel.not_required):
        top_left = field.mapTo(holder.viewport(), field.rect().topLeft())
        assert 0 <= top_left.y() and top_left.y() + field.height() <= holder.viewport().height()


def test_an_agenda_line_has_one_space_before_its_minutes(window, ctx, qtbot):
    from app.meetings import add_agenda_item, create_meeting
    from app.reviews import create_review
    from ui.meeting_runner import MeetingRunner

    review_id = create_review(ctx, review_type="lcspr", reference="LCSPR-2026-40", title="Child Q")
    meeting_id = create_meeting(ctx, review_id, ctx.today(), place="Room 1")
    add_agenda_item(ctx, meeting_id, "Declarations of interest", minutes=10)
    runner = MeetingRunner(window.editor, meeting_id)
    qtbot.addWidget(runner)
    assert runner.agenda.item(0).text() == "1. Declarations of interest (10 min)"


def test_the_meetings_details_have_names_of_their_own(window, ctx):
    from app.meetings import create_meeting
    from app.reviews import create_review
    from ui.meetings_tab import NewMeetingDialog
    from ui.tab_names import TAB_MEETINGS

    review_id = create_review(ctx, review_type="lcspr", reference="LCSPR-2026-41", title="Child R")
    create_meeting(ctx, review_id, ctx.today(), place="Room 1")
    window.refresh()
    window.select_review(review_id)
    window.workspace.tabs.setCurrentIndex(TAB_MEETINGS)
    _settle()
    tab = window.workspace.meetings
    names = {
        tab.held_on.edit: "Date of the meeting",
        tab.time: "Time of the meeting",
        tab.place: "Place of the meeting",
        tab.kind: "Kind of meeting",
        tab.status: "Status of the meeting",
    }
    for widget, name in names.items():
        assert widget.accessibleName() == name  # its own, not only its label's one word
    dialog = NewMeetingDialog(ctx.today())
    assert [w.accessibleName() for w in (dialog.kind, dialog.time, dialog.place)] == [
        "Kind of meeting",
        "Time of the meeting",
        "Place of the meeting",
    ]


LIGHT = {
    "Window": "#efefef",
    "WindowText": "#000000",
    "Base": "#ffffff",
    "AlternateBase": "#f7f7f7",
    "Text": "#000000",
    "Button": "#efefef",
    "ButtonText": "#000000",
    "Highlight": "#308cc6",
    "HighlightedText": "#ffffff",
}


def _changed_pixels(before, after) -> int:
    """Pixels that the focus changed by 3:1 or more (WCAG's focus appearance)."""
    from PySide6.QtGui import QColor

    from ui.theme import contrast_ratio

    return sum(
        contrast_ratio(QColor(before.pixel(x, y)), QColor(after.pixel(x, y))) >= 3.0
        for x in range(after.width())
        for y in range(after.height())
    )


@pytest.mark.parametrize(
    "colours", [LIGHT, DARK, HIGH_CONTRAST], ids=["light", "dark", "high contrast"]
)
def test_keyboard_focus_is_a_ring_that_can_be_seen_on_every_control(qtbot, colours):
    from PySide6.QtWidgets import (
        QCheckBox,
        QComboBox,
        QLineEdit,
        QPushButton,
        QSpinBox,
        QStyleFactory,
        QToolButton,
        QVBoxLayout,
        QWidget,
    )

    from ui.theme import VisibleFrames

    page = QWidget()
    qtbot.addWidget(page)
    page.setStyle(VisibleFrames(QStyleFactory.create("Fusion")))
    page.setPalette(palette_with(colours))
    layout = QVBoxLayout(page)
    combo = QComboBox()
    combo.addItems(["Panel meeting", "Practitioner event"])
    tool = QToolButton()
    tool.setText("Filter")
    tool.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    controls = (
        QPushButton("Run this meeting"),
        QLineEdit("Room 2"),
        combo,
        QSpinBox(),
        tool,
        QCheckBox("Key episodes only"),
    )
    for control in controls:
        control.setStyle(page.style())
        layout.addWidget(control)
    elsewhere = QPushButton("Elsewhere")
    layout.insertWidget(0, elsewhere)  # first in the Tab order
    page.resize(320, 300)
    page.show()
    qtbot.waitExposed(page)
    elsewhere.setFocus()
    _settle()
    before = [control.grab().toImage() for control in controls]
    for control, unfocused in zip(controls, before, strict=True):
        qtbot.keyClick(page.focusWidget(), Qt.Key.Key_Tab)  # a real Tab, as from the keyboard
        _settle()
        assert control.hasFocus()
        after = control.grab().toImage()
        if isinstance(control, QCheckBox):
            # The ring goes round the words: a 2 px edge round them, at the least.
            words = control.fontMetrics().boundingRect(control.text())
            least = 2 * 2 * (words.width() + words.height())
        else:
            least = 2 * 2 * (control.width() + control.height()) * 0.9
        assert _changed_pixels(unfocused, after) >= least, type(control).__name__


@pytest.mark.parametrize(
    "colours", [LIGHT, DARK, HIGH_CONTRAST], ids=["light", "dark", "high contrast"]
)
def test_a_focused_text_box_list_or_tab_wears_the_ring_too(qapp, qtbot, colours):
    from PySide6.QtWidgets import (
        QListWidget,
        QPlainTextEdit,
        QPushButton,
        QStyleFactory,
        QTabWidget,
        QVBoxLayout,
        QWidget,
    )

    from ui.theme import VisibleFrames, ring_focused_boxes

    palette = qapp.palette()
    try:
        qapp.setStyle(VisibleFrames(QStyleFactory.create("Fusion")))
        qapp.setPalette(palette_with(colours))
        ring_focused_boxes(qapp)
        page = QWidget()
        qtbot.addWidget(page)
        layout = QVBoxLayout(page)
        layout.setSpacing(8)
        start = QPushButton("Before")
        notes = QPlainTextEdit("Notes for the minutes")
        notes.setTabChangesFocus(True)
        agenda = QListWidget()
        agenda.addItems(["1. Welcome", "2. Actions"])
        tabs = QTabWidget()
        tabs.addTab(QWidget(), "Evidence (7)")
        tabs.addTab(QWidget(), "Themes")
        for widget in (start, notes, agenda, tabs):
            layout.addWidget(widget)
        page.resize(300, 400)
        page.show()
        qtbot.waitExposed(page)
        start.setFocus()
        _settle()
        for box in (notes, agenda):
            before = page.grab().toImage()
            qtbot.keyClick(qapp.focusWidget(), Qt.Key.Key_Tab)
            _settle()
            assert box.hasFocus()
            ring = 2 * 2 * (box.width() + box.height())  # 2 px round it
            assert _changed_pixels(before, page.grab().toImage()) >= ring, type(box).__name__
        bar = tabs.tabBar()
        before = bar.grab().toImage()
        qtbot.keyClick(qapp.focusWidget(), Qt.Key.Key_Tab)
        _settle()
        assert bar.hasFocus()
        tab = bar.tabRect(0)
        ring = 2 * 2 * (tab.width() + tab.height() - 8) * 0.8
        assert _changed_pixels(before, bar.grab().toImage()) >= ring
    finally:
        qapp.setStyle(QStyleFactory.create("Fusion"))
        qapp.setPalette(palette)


def test_an_entry_from_a_long_file_name_keeps_its_fields_in_sight_on_a_projector(demo):
    from PySide6.QtWidgets import QScrollArea

    from ui.entry_editor import EntryEditor

    demo.workspace.tabs.setCurrentIndex(TAB_CHRONOLOGY)
    _settle()
    tab = demo.workspace.chronology
    tab.view.selectRow(0)
    _settle()
    editor = tab.findChild(EntryEditor)
    scroll = editor.findChild(QScrollArea)
    assert editor.entry is not None
    assert len(editor.entry.source_ref) > 30  # a long file name with no spaces in it
    _settle()
    assert scroll.widget().width() <= scroll.viewport().width()  # nothing cut off at the right
    assert "xlsx" in editor.origin.text().replace("\u200b", "")
