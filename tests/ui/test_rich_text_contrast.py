"""Colours inside rich text (the tabs' summaries, the analysis, the meeting runner's and the
presenter's reference, help) read at 4.5:1 on the background they are drawn on, in a light
and a dark palette."""

import re

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel, QTextEdit, QWidget

from app.demo import add_demo_reviews
from app.meetings import list_meetings
from app.reviews import list_reviews
from app.vocab import IMR_STATUSES
from tests.ui.accessibility import contrast, typical_dark_palette
from tests.ui.test_accessibility import every_page
from ui.help import HelpDialog
from ui.meeting_runner import MeetingRunner
from ui.presenter import ItemReference, PresenterView, reference_html
from ui.theme import readable_palette

TEXT, GRAPHIC = 4.5, 3.0  # WCAG 2: text (1.4.3), and a symbol standing for something (1.4.11)
# color:#rrggbb, with what it colours up to the next tag ("■" alone is a legend's swatch).
COLOURED = re.compile(r"color\s*:\s*(#[0-9a-fA-F]{6})[^>]*>([^<]*)")


@pytest.fixture(params=["light", "dark", "grey dark"])
def scheme(request, qapp):
    before = QPalette(qapp.palette())
    palette = qapp.style().standardPalette()
    if request.param != "light":
        palette = typical_dark_palette(palette)
    if request.param == "grey dark":  # a lighter dark theme (as some IDE-like desktops use)
        palette.setColor(QPalette.ColorRole.Window, QColor("#3c3f41"))
        palette.setColor(QPalette.ColorRole.Base, QColor("#313335"))
    qapp.setPalette(readable_palette(palette))
    yield request.param
    qapp.setPalette(before)


def background(widget: QWidget) -> QColor:
    """What the widget's text is drawn on: a text view's base, else the nearest filled parent."""
    if isinstance(widget, QTextEdit):
        return widget.viewport().palette().color(QPalette.ColorRole.Base)
    while widget is not None:
        if widget.autoFillBackground() or widget.isWindow():
            return widget.palette().color(widget.backgroundRole())
        widget = widget.parentWidget()
    raise AssertionError("no background")


def coloured_text(widget: QWidget) -> str:
    if isinstance(widget, QTextEdit):
        return widget.toHtml()
    if isinstance(widget, QLabel) and widget.isVisible():
        return widget.text()
    return ""


def problems(widget: QWidget, where: str, checked: list) -> list[str]:
    found = []
    behind = background(widget)
    for colour, text in COLOURED.findall(coloured_text(widget)):
        if widget.objectName() != "presenter_body" and colour.lower() == "#000000" and not text:
            continue  # Qt's own default in toHtml(), not a colour chosen here
        minimum = GRAPHIC if text.strip() == "■" else TEXT
        ratio = contrast(QColor(colour), behind)
        checked.append(colour)
        if ratio < minimum:
            found.append(f"{where}: {colour} on {behind.name()} {ratio:.2f}:1 ({text.strip()!r})")
    return found


def test_rich_text_colours_of_every_tab_are_readable(scheme, window, ctx):
    add_demo_reviews(ctx)
    window.refresh()
    checked: list[str] = []
    found: list[str] = []
    for review in list_reviews(ctx)[:4]:  # overdue IMRs, agreed findings, an analysis...
        window.select_review(review.id)
        for page in every_page(window.workspace):
            for widget in window.workspace.findChildren(QWidget):
                if widget.isVisible():
                    found += problems(widget, f"{review.reference} {page}", checked)
    assert found == []
    assert len(checked) >= 20  # the summaries really are coloured: the test saw them


def test_meeting_runner_presenter_and_help_colours_are_readable(scheme, window, ctx, qtbot):
    add_demo_reviews(ctx)
    review = next(r for r in list_reviews(ctx) if list_meetings(ctx, r.id))
    runner = MeetingRunner(window.editor, list_meetings(ctx, review.id)[0].id)
    qtbot.addWidget(runner)
    runner.show()
    checked: list[str] = []
    found: list[str] = []
    for index in range(len(runner.detail.items)):
        runner.go_to(index)
        found += problems(runner.reference, f"runner item {index + 1}", checked)
    # Every IMR status, as the runner and the presenter colour them.
    statuses = tuple(IMR_STATUSES)
    ref = ItemReference(
        "IMRs", "Where the IMRs are", rows=tuple((s, "Agency", "") for s in statuses),
        colours=statuses,
    )  # fmt: skip
    presenter = PresenterView()
    qtbot.addWidget(presenter)
    presenter.body.setHtml(reference_html(ref, 26, presenter._fg))
    runner.reference.setHtml(reference_html(ref, 12))
    found += problems(presenter.body, "presenter", checked)
    found += problems(runner.reference, "runner", checked)
    help_dialog = HelpDialog("Chronology")
    qtbot.addWidget(help_dialog)
    found += problems(help_dialog.text, "help", checked)
    assert found == []
    assert len(checked) >= 2 * len(statuses)
