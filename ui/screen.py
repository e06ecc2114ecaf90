"""Window sizes taken from the screen the window is on, never fixed pixels."""

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QSplitter, QWidget

LIST_WIDTH_EM = 26  # the review list's width, in widths of "M": room for every countdown


def available_area(widget: QWidget | None = None) -> QRect:
    """The part of the widget's screen (else the primary one) not taken by panels and docks."""
    screen = widget.screen() if widget is not None else None
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1366, 728)


def fitted_size(preferred: QSize, area: QRect, share: float = 0.92) -> QSize:
    """``preferred``, made smaller where the area (times ``share``) is smaller."""
    return QSize(
        min(preferred.width(), int(area.width() * share)),
        min(preferred.height(), int(area.height() * share)),
    )


def fit_to_screen(window: QWidget, preferred: QSize, share: float = 0.92) -> None:
    """Size a top-level window to ``preferred`` or what the screen allows, and centre it."""
    area = available_area(window.parentWidget() or window)
    size = fitted_size(preferred, area, share)
    size = size.expandedTo(window.minimumSize())
    window.resize(size)
    frame = QRect(0, 0, size.width(), size.height())
    frame.moveCenter(area.center())
    window.move(frame.topLeft())


def keep_on_screen(window: QWidget) -> None:
    """After restoring a saved geometry (perhaps from a larger monitor), bring it back in."""
    area = available_area(window)
    if area.contains(window.frameGeometry()):
        return
    fit_to_screen(window, window.size())


def list_beside(left: QWidget, right: QWidget) -> QSplitter:
    """The review list (``left``) beside ``right``; the list keeps its width as the window
    grows, and neither side can be collapsed."""
    em = left.fontMetrics().horizontalAdvance("M")
    left.setMinimumWidth(em * LIST_WIDTH_EM)
    splitter = QSplitter()
    splitter.setObjectName("main_splitter")
    splitter.addWidget(left)
    splitter.addWidget(right)
    splitter.setStretchFactor(0, 0)
    splitter.setStretchFactor(1, 1)
    splitter.setCollapsible(0, False)
    splitter.setCollapsible(1, False)
    splitter.setSizes([em * LIST_WIDTH_EM, em * 80])
    return splitter
