"""A projector, a small laptop at 125%, dark and high contrast, fourth round: what the last walk
through the real window left, and what this one found."""

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QApplication, QToolButton

from app.demo import add_demo_reviews
from app.reviews import list_reviews
from ui.tab_names import TAB_CHRONOLOGY

PROJECTOR = QSize(1024, 768 - 40)
WORDS = Qt.ToolButtonStyle.ToolButtonTextBesideIcon


@pytest.fixture
def demo(ctx, window):
    add_demo_reviews(ctx)
    window.refresh()
    window.select_review(next(r.id for r in list_reviews(ctx) if r.reference == "DEMO-LCSPR-T"))
    window.resize(PROJECTOR)
    _settle()
    return window


def _settle():
    for _ in range(3):
        QApplication.processEvents()


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
