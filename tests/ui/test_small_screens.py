"""A projector's 1024x768 and a laptop at 125%: every tab, dialog and the chair's runner fit."""

from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QApplication, QLabel, QScrollArea

from app.demo import add_demo_reviews
from app.meetings import list_meetings
from app.publishing.release_check import check_publication
from app.reviews import list_reviews
from tests.ui.screens import PROJECTOR, read_through
from tests.ui.screens import settle as _settle
from ui.import_dialog import ImportDialog
from ui.meeting_runner import RIGHT_COLUMN_EM, MeetingRunner
from ui.release_check_dialog import ReleaseCheckDialog
from ui.screen import available_area
from ui.tab_names import TAB_NAMES, TAB_REPORTS

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "chronologies" / "police_chronology.xlsx"


@pytest.fixture
def demo(ctx, window):
    add_demo_reviews(ctx)
    window.refresh()
    # A review under way: meetings held, a document begun.
    window.select_review(next(r.id for r in list_reviews(ctx) if r.reference == "DEMO-LCSPR-T"))
    QApplication.processEvents()
    return window


@pytest.mark.parametrize("review", [0, 1, 2])
def test_every_tab_of_a_demo_review_fits_a_projector(demo, ctx, review):
    reviews = list_reviews(ctx)
    demo.select_review(reviews[review].id)
    too_wide = {}
    for index, name in enumerate(TAB_NAMES):
        demo.workspace.tabs.setCurrentIndex(index)
        _settle()
        needed = demo.minimumSizeHint()
        if needed.width() > PROJECTOR.width() or needed.height() > PROJECTOR.height():
            too_wide[name] = (needed.width(), needed.height())
    assert too_wide == {}


def _fits(dialog) -> None:
    needed = dialog.minimumSizeHint()
    assert needed.width() <= PROJECTOR.width() and needed.height() <= PROJECTOR.height()
    area = available_area(dialog)
    assert dialog.width() <= area.width() and dialog.height() <= area.height()


def test_the_import_dialog_fits_the_screen_it_opens_on(demo, qtbot):
    dialog = ImportDialog(demo.editor, demo.current_review_id(), ["Police"], SAMPLE, demo)
    qtbot.addWidget(dialog)
    read_through(qtbot, dialog)
    _fits(dialog)


def test_the_release_check_fits_and_its_words_wrap(demo, ctx, qtbot):
    demo.workspace.tabs.setCurrentIndex(TAB_REPORTS)
    reports = demo.workspace.reports
    if reports.report is None:
        reports.start_document()
    result = check_publication(ctx, demo.current_review_id(), reports.report.kind)
    dialog = ReleaseCheckDialog(demo.editor, demo.current_review_id(), reports.report.kind, result)
    qtbot.addWidget(dialog)
    _fits(dialog)
    dialog.resize(PROJECTOR)
    dialog.show()
    qtbot.waitExposed(dialog)
    for label in dialog.findChildren(QLabel):
        if label.isVisible():
            assert label.geometry().right() <= dialog.width(), label.text()[:40]


def test_the_chairs_runner_keeps_the_private_notes_readable_on_a_projector(demo, ctx, qtbot):
    meetings = list_meetings(ctx, demo.current_review_id())
    runner = MeetingRunner(demo.editor, meetings[0].id)
    qtbot.addWidget(runner)
    _fits(runner)
    runner.resize(PROJECTOR)
    runner.show()
    qtbot.waitExposed(runner)
    em = runner.fontMetrics().horizontalAdvance("M")
    assert runner.private_notes.parentWidget().width() >= em * RIGHT_COLUMN_EM - 1
    for widget in (runner.prev_button, runner.next_button, runner.present_button):
        corner = widget.mapTo(runner, widget.rect().bottomRight())
        assert corner.x() <= runner.width() and corner.y() <= runner.height()
        assert widget.width() >= widget.sizeHint().width()  # its words in full
    runner.close()


def _shown_characters(bar, index: int) -> int:
    """How many characters of a tab's label are painted (the bar elides to the tab's width)."""
    text, metrics = bar.tabText(index), bar.fontMetrics()
    hint, room = bar.tabSizeHint(index).width(), bar.tabRect(index).width()
    if room >= hint:
        return len(text)
    padding = hint - metrics.horizontalAdvance(text)
    return len(metrics.elidedText(text, Qt.TextElideMode.ElideRight, room - padding).rstrip("…"))


def test_on_a_projector_the_list_gives_way_and_the_tabs_read(demo):
    demo.resize(PROJECTOR)
    demo.show()
    _settle()
    assert demo.width() <= PROJECTOR.width()
    assert demo.splitter.list_shown  # narrower, still there
    assert demo.splitter.sizes()[0] >= demo.list_panel.minimumWidth()
    bar = demo.workspace.tabs.tabBar()
    for index, name in enumerate(TAB_NAMES):
        assert _shown_characters(bar, index) >= min(6, len(bar.tabText(index))), name
        assert bar.rect().contains(bar.tabRect(index)), name


def test_on_a_projector_a_wide_list_elides_the_tabs_with_their_full_names(demo):
    demo.resize(PROJECTOR)
    demo.show()
    _settle()
    em = demo.list_panel.fontMetrics().horizontalAdvance("M")
    demo.splitter.moveSplitter(em * 26, 1)  # the user wants the whole list beside the tabs
    _settle()
    tabs = demo.workspace.tabs
    bar = tabs.tabBar()
    assert tabs.elided and not tabs.usesScrollButtons()
    for index, name in enumerate(TAB_NAMES):
        rect = bar.tabRect(index)
        assert bar.rect().contains(rect) and rect.right() <= tabs.width(), name
        assert bar.tabToolTip(index) == name and bar.accessibleTabName(index) == name
    demo.resize(QSize(1900, PROJECTOR.height()))  # room again: whole names, no tooltips needed
    _settle()
    assert not tabs.elided and [bar.tabText(i) for i in range(tabs.count())] == TAB_NAMES


def test_the_reviews_subtitle_is_elided_with_its_whole_text_in_the_tooltip(demo):
    subtitle = demo.workspace.subtitle
    demo.resize(PROJECTOR)
    demo.show()
    _settle()
    whole = subtitle.text()
    assert "OFFICIAL" in whole
    assert subtitle.width() <= subtitle.parentWidget().width()
    if subtitle.fontMetrics().horizontalAdvance(whole) > subtitle.contentsRect().width():
        assert subtitle.toolTip() == whole
    demo.resize(QSize(1900, PROJECTOR.height()))
    _settle()
    assert subtitle.toolTip() == ""  # shown whole


def test_on_a_projector_no_column_or_form_is_squeezed_or_cut_off(demo):
    from ui.imr_board import AUTHOR_COLUMN
    from ui.tab_names import TAB_AGENCIES, TAB_CHRONOLOGY, TAB_FINDINGS

    demo.resize(PROJECTOR)
    demo.show()
    em = demo.fontMetrics().horizontalAdvance("M")
    tabs = demo.workspace.tabs
    tabs.setCurrentIndex(0)
    _settle()
    details = demo.workspace.details.findChild(QScrollArea)
    assert not details.horizontalScrollBar().isVisible()  # the page never scrolls sideways
    tabs.setCurrentIndex(TAB_AGENCIES)
    _settle()
    header = demo.workspace.agencies.view.horizontalHeader()
    assert header.sectionSize(AUTHOR_COLUMN) >= em * 8  # a name, not a letter
    tabs.setCurrentIndex(TAB_FINDINGS)
    _settle()
    finding = demo.workspace.findings.panel.parentWidget()
    while not isinstance(finding, QScrollArea):  # its scroll area
        finding = finding.parentWidget()
    assert not finding.horizontalScrollBar().isVisible()  # the finding's form whole
    tabs.setCurrentIndex(TAB_CHRONOLOGY)
    _settle()
    entry = demo.workspace.chronology.entry_editor
    assert entry.width() >= entry.minimumWidth() > em * 20  # its fields whole, beside the table
    tabs.setCurrentIndex(TAB_REPORTS)
    _settle()
    reports = demo.workspace.reports
    if reports.report is None:
        reports.start_document()
    sections = reports.sections
    assert sections.count() > 3
    for row in range(sections.count()):
        rect = sections.visualItemRect(sections.item(row))
        assert rect.right() <= sections.viewport().width(), sections.item(row).text()
        assert sections.item(row).toolTip().startswith(sections.item(row).text())
