"""A projector's 1024x768, third round: what a walk through the real window found cut, hidden
behind scroll arrows, off the screen or out of order."""

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QMainWindow, QStyle, QStyleOptionComboBox

from app.meetings import list_meetings
from tests.ui.screens import PROJECTOR
from tests.ui.screens import settle as _settle
from ui.meeting_runner import MeetingRunner
from ui.review_list import SharedRole, SummaryRole, narrow_reference, shared_start
from ui.screen import available_area, fit_to_screen, keep_on_screen
from ui.tab_names import TAB_FINDINGS, TAB_REPORTS
from ui.theme import scaled_font


def test_a_findings_pages_all_show_beside_the_findings_on_a_projector(demo):
    demo.workspace.tabs.setCurrentIndex(TAB_FINDINGS)
    findings = demo.workspace.findings
    findings.select_finding(findings.findings[0].id)
    _settle()
    pages = findings.panel.pages
    bar = pages.tabBar()
    assert bar.width() <= pages.width()
    for index in range(pages.count()):
        rect = bar.tabRect(index)
        # In sight, none behind scroll arrows, and none squeezed to a letter or two.
        assert bar.rect().contains(rect), bar.tabText(index)
        metrics = bar.fontMetrics()
        assert rect.width() >= metrics.horizontalAdvance(bar.tabText(index)), bar.tabText(index)
    lines = bar.tabText(2)
    assert lines.startswith("Lines answered (") and lines.endswith(" of 6)")  # the count kept
    assert bar.tabToolTip(2).startswith("Key lines of enquiry answered (")
    assert bar.accessibleTabName(2) == bar.tabToolTip(2)
    demo.resize(QSize(1900, PROJECTOR.height()))  # room again: the whole name
    _settle()
    assert bar.tabText(2).startswith("Key lines of enquiry answered (")


def _edit_field_width(combo) -> int:
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    field = combo.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
    )
    return field.width()


def test_the_documents_audience_and_kind_read_whole_on_a_projector(demo):
    demo.workspace.tabs.setCurrentIndex(TAB_REPORTS)
    reports = demo.workspace.reports
    if reports.report is None:
        reports.start_document()
    _settle()
    for combo in (reports.audience, reports.kind):
        for row in range(combo.count()):
            combo.setCurrentIndex(row)
            _settle()
            text = combo.currentText()
            assert combo.fontMetrics().horizontalAdvance(text) <= _edit_field_width(combo), text
    assert demo.minimumSizeHint().width() <= PROJECTOR.width()  # and the tab still fits


def test_references_in_a_narrow_list_keep_what_tells_them_apart(demo):
    assert shared_start(["DEMO-LCSPR-T", "DEMO-SAR-F"]) == "DEMO-"
    assert shared_start(["BSCP-2026-003", "BSCP-2026-014"]) == "BSCP-2026-"
    assert shared_start(["SAR-2025-01", "LCSPR-2026-03"]) == ""
    assert shared_start(["DEMO-", "DEMO-A"]) == ""  # never a whole reference
    assert shared_start(["LCSPR-7"]) == ""
    view = demo.list_panel.view
    em = view.fontMetrics().horizontalAdvance("M")
    demo.splitter.moveSplitter(demo.list_panel.minimumWidth(), 1)  # the list at its narrowest
    _settle()
    assert demo.splitter.sizes()[0] < em * 20  # narrow rows
    bold = QFontMetrics(scaled_font(view.font(), 1.0, bold=True))
    room = view.viewport().width() - 10  # the row less its narrow padding
    shown = []
    for row in range(view.model().rowCount()):
        index = view.model().index(row, 0)
        reference = index.data(Qt.ItemDataRole.DisplayRole).split(":")[0]
        assert index.data(SharedRole) == "DEMO-"
        text = narrow_reference(reference, "DEMO-", room, bold)
        assert bold.horizontalAdvance(text) <= room
        # The end of the reference, where references differ, reads whole ("…LCSPR-T").
        assert text == reference or text == "…" + reference.removeprefix("DEMO-"), text
        shown.append(text)
    assert len(set(shown)) == len(shown)  # every review told apart by its reference


def test_the_find_hint_is_never_cut_off_in_a_narrow_list(demo):
    field = demo.list_panel.filter
    demo.splitter.moveSplitter(demo.list_panel.minimumWidth(), 1)
    _settle()
    hint = field.placeholderText()
    assert field.fontMetrics().horizontalAdvance(hint) < field.width() - field.height()
    assert field.accessibleName() == "Find a review"
    demo.splitter.moveSplitter(demo.fontMetrics().horizontalAdvance("M") * 30, 1)
    demo.resize(QSize(1900, PROJECTOR.height()))
    _settle()
    assert field.placeholderText() == "Find a review (Ctrl+F)"


def _title_bar_room(window) -> None:
    """Placed before it is shown (where its frame will start), the window leaves room for the
    window manager's title bar above it: its bottom (status bar, buttons) stays on the screen."""
    area = available_area(window)
    title_bar = window.fontMetrics().height() * 2
    assert window.pos().y() >= area.top()
    assert window.pos().y() + title_bar + window.height() <= area.bottom() + 1


def test_windows_sized_to_the_screen_leave_room_for_their_title_bar(demo, ctx, qtbot):
    window = QMainWindow()
    qtbot.addWidget(window)
    fit_to_screen(window, QSize(5000, 5000), share=0.97)  # the main window's first size
    _title_bar_room(window)
    meeting = list_meetings(ctx, demo.current_review_id())[0]
    runner = MeetingRunner(demo.editor, meeting.id)
    qtbot.addWidget(runner)
    _title_bar_room(runner)


def _assert_tab_order(order) -> None:
    for before, after in zip(order, order[1:], strict=False):
        widget = before.nextInFocusChain()
        # Past a field's own parts (an editable combo's line) and what Tab never stops at.
        while before.isAncestorOf(widget) or not widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            widget = widget.nextInFocusChain()
        assert widget is after, (before.objectName(), widget.objectName())


def test_tab_goes_down_the_reviews_fields_as_they_read(demo):
    details = demo.workspace.details
    texts = details.texts
    _assert_tab_order(
        [
            texts["reference"],
            texts["title"],
            details.type_combo,
            texts["subject_pseudonym"],
            texts["partnership"],
            details.status_combo,
            details.marking,
        ]
    )


def test_tab_goes_down_a_chronology_entrys_fields_as_they_read(demo):
    entry = demo.workspace.chronology.entry_editor
    lines, texts = entry.lines, entry.texts
    _assert_tab_order(
        [
            lines["date"],
            lines["time"],
            lines["recorded"],
            entry.type_combo,
            lines["practitioner"],
            lines["role"],
            lines["subjects"],
            lines["source"],
            texts["event"],
        ]
    )


def test_a_restored_window_a_title_bar_too_tall_moves_up_and_keeps_its_width(qtbot):
    window = QMainWindow()
    qtbot.addWidget(window)
    area = available_area(window)
    # As saved by a window placed without room for its title bar: its bottom off the screen.
    window.setGeometry(area.left() + 15, area.top() + 40, area.width() - 30, area.height() - 24)
    width = window.width()
    keep_on_screen(window)
    assert window.width() == width  # not shrunk on every side
    _title_bar_room(window)


def test_a_wide_lists_first_line_keeps_the_whole_reference(demo):
    from ui.review_list import ReviewItemDelegate

    view = demo.list_panel.view
    bold = scaled_font(view.font(), 1.0, bold=True)
    metrics = QFontMetrics(bold)
    for row in range(view.model().rowCount()):
        review = view.model().index(row, 0).data(SummaryRole)
        head = f"{review.reference} · {review.type_label}"
        # Room for the reference and a little: the type gives way, never the reference's end.
        for room in (metrics.horizontalAdvance(head), metrics.horizontalAdvance(review.reference)):
            text = ReviewItemDelegate.head_text(review, "DEMO-", room, bold)
            assert text.startswith(review.reference), text
            assert metrics.horizontalAdvance(text) <= room


def test_a_dialog_sized_to_the_screen_opens_over_its_window(qtbot):
    from PySide6.QtWidgets import QDialog

    from ui.screen import frame_margins

    owner = QMainWindow()
    qtbot.addWidget(owner)
    area = available_area(owner)
    owner.setGeometry(area.left() + 10, area.top() + 40, area.width() // 2, area.height() // 2)
    owner.show()
    qtbot.waitExposed(owner)
    dialog = QDialog(owner)
    fit_to_screen(dialog, QSize(area.width() // 3, area.height() // 3))
    frame = dialog.geometry().marginsAdded(frame_margins(dialog))
    frame.moveTopLeft(dialog.pos())
    centre, wanted = frame.center(), owner.frameGeometry().center()
    assert abs(centre.x() - wanted.x()) <= 2 and abs(centre.y() - wanted.y()) <= 2
    assert area.contains(frame)
    # Too near the screen's edge to centre on it: moved in, never partly off the screen.
    owner.move(area.right() - owner.width() // 3, area.top())
    fit_to_screen(dialog, QSize(area.width() // 2, area.height() // 2))
    frame = dialog.geometry().marginsAdded(frame_margins(dialog))
    frame.moveTopLeft(dialog.pos())
    assert area.contains(frame)


def test_the_meetings_list_shows_every_meetings_status_on_a_projector(demo):
    from ui.meetings_tab import MEETING_KIND_COLUMN
    from ui.tab_names import TAB_NAMES

    demo.workspace.tabs.setCurrentIndex(TAB_NAMES.index("Meetings"))
    _settle()
    table = demo.workspace.meetings.meetings
    assert table.rowCount() >= 2
    assert not table.horizontalScrollBar().isVisible()  # nothing off to the right
    header = table.horizontalHeader()
    last = table.columnCount() - 1
    assert header.sectionViewportPosition(last) + header.sectionSize(last) <= (
        table.viewport().width()
    )
    metrics = table.fontMetrics()
    for row in range(table.rowCount()):
        status = table.item(row, last).text()
        assert metrics.horizontalAdvance(status) <= header.sectionSize(last), status
        kind = table.item(row, MEETING_KIND_COLUMN)
        assert kind.toolTip() == kind.text()  # whole, however narrow the column


def test_the_imr_status_buttons_arrow_has_a_place_of_its_own(demo):
    from PySide6.QtWidgets import QPushButton

    from ui.tab_names import TAB_AGENCIES

    demo.workspace.tabs.setCurrentIndex(TAB_AGENCIES)
    _settle()
    board = demo.workspace.agencies
    button = board.status_button
    assert isinstance(button, QPushButton) and button.menu() is board.status_menu
    arrow = button.style().pixelMetric(QStyle.PixelMetric.PM_MenuButtonIndicator, None, button)
    text = button.fontMetrics().horizontalAdvance(button.text())
    assert button.width() >= text + arrow  # the text is not drawn under the arrow


def test_on_a_laptop_the_meetings_list_shows_every_column_whole(demo):
    from ui.meetings_tab import MEETING_KIND_COLUMN
    from ui.tab_names import TAB_NAMES

    demo.resize(QSize(1366, 728))
    demo.workspace.tabs.setCurrentIndex(TAB_NAMES.index("Meetings"))
    _settle()
    table = demo.workspace.meetings.meetings
    assert not table.horizontalScrollBar().isVisible()
    header, metrics = table.horizontalHeader(), table.fontMetrics()
    for row in range(table.rowCount()):
        for column in range(table.columnCount()):
            text = table.item(row, column).text()
            assert metrics.horizontalAdvance(text) < header.sectionSize(column), text
    assert table.item(0, MEETING_KIND_COLUMN).text() == "Panel meeting"


def test_a_dialog_wider_than_asked_is_centred_at_the_size_it_opens_at(qtbot):
    from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget

    from ui.screen import frame_margins

    owner = QMainWindow()
    qtbot.addWidget(owner)
    area = available_area(owner)
    owner.setGeometry(area.left() + 20, area.top() + 40, area.width() - 60, area.height() - 80)
    owner.show()
    qtbot.waitExposed(owner)
    dialog = QDialog(owner)
    wide = QWidget()
    wide.setMinimumWidth(area.width() // 2)  # its filled lists need this much
    QVBoxLayout(dialog).addWidget(wide)
    fit_to_screen(dialog, QSize(area.width() // 4, area.height() // 4))
    assert dialog.width() >= area.width() // 2  # the size it will have once shown
    frame = dialog.geometry().marginsAdded(frame_margins(dialog))
    frame.moveTopLeft(dialog.pos())
    assert abs(frame.center().x() - owner.frameGeometry().center().x()) <= 2


def test_every_chronology_command_stays_on_its_bar_on_a_projector(demo):
    from PySide6.QtWidgets import QToolButton

    from ui.tab_names import TAB_CHRONOLOGY

    demo.workspace.tabs.setCurrentIndex(TAB_CHRONOLOGY)
    _settle()
    bar = demo.workspace.chronology.toolbar
    more = bar.findChild(QToolButton, "qt_toolbar_ext_button")
    assert more is None or not more.isVisible()  # nothing folded behind "»"
    for action in bar.actions():
        if action.isSeparator():
            continue
        button = bar.widgetForAction(action)
        assert button.isVisible() and bar.rect().contains(button.geometry()), action.text()
        assert button.toolTip() or button.text()  # what it does, even as an icon alone
    demo.resize(QSize(1900, PROJECTOR.height()))  # room: every button with its words
    _settle()
    for action in bar.actions():
        if not action.isSeparator():
            style = bar.widgetForAction(action).toolButtonStyle()
            assert style == Qt.ToolButtonStyle.ToolButtonTextBesideIcon, action.text()
