"""A divider between two panes that the keyboard can move as well as the mouse: it takes the
focus in the tab order, says what it divides, and the arrow keys move it (Page Up and Page
Down by more, Home and End to either end)."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter, QPen
from PySide6.QtWidgets import QSplitter, QSplitterHandle

STEP = 24  # pixels an arrow key moves the divider; Page Up/Down move it four times as far


class _Handle(QSplitterHandle):
    def __init__(self, orientation: Qt.Orientation, parent: QSplitter):
        super().__init__(orientation, parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        splitter = self.splitter()
        key = event.key()
        vertical = self.orientation() == Qt.Orientation.Vertical
        back = (Qt.Key.Key_Up,) if vertical else (Qt.Key.Key_Left,)
        on = (Qt.Key.Key_Down,) if vertical else (Qt.Key.Key_Right,)
        index = splitter.indexOf(self)
        sizes = splitter.sizes()
        if index <= 0 or index >= len(sizes):
            super().keyPressEvent(event)
            return
        if key in back or key == Qt.Key.Key_PageUp:
            move = -STEP * (4 if key == Qt.Key.Key_PageUp else 1)
        elif key in on or key == Qt.Key.Key_PageDown:
            move = STEP * (4 if key == Qt.Key.Key_PageDown else 1)
        elif key == Qt.Key.Key_Home:
            move = -sizes[index - 1]
        elif key == Qt.Key.Key_End:
            move = sizes[index]
        else:
            super().keyPressEvent(event)
            return
        position = sum(sizes[:index]) + splitter.handleWidth() * (index - 1) + move
        splitter.moveSplitter(max(0, position), index)
        splitter.splitterMoved.emit(splitter.sizes()[index - 1], index)
        event.accept()

    def focusInEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().focusOutEvent(event)
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().paintEvent(event)
        painter = QPainter(self)
        colour = self.palette().color(
            self.palette().ColorRole.Highlight if self.hasFocus() else self.palette().ColorRole.Mid
        )
        pen = QPen(colour, 2 if self.hasFocus() else 1)
        painter.setPen(pen)
        rect = self.rect()
        if self.orientation() == Qt.Orientation.Vertical:  # a horizontal bar: panes above/below
            middle = rect.center().y()
            reach = rect.width() // 2 if self.hasFocus() else 24
            centre = rect.center().x()
            painter.drawLine(centre - reach, middle, centre + reach, middle)
        else:
            middle = rect.center().x()
            reach = rect.height() // 2 if self.hasFocus() else 24
            centre = rect.center().y()
            painter.drawLine(middle, centre - reach, middle, centre + reach)
        painter.end()


class KeyboardSplitter(QSplitter):
    """A QSplitter whose dividers are reached by Tab and moved by the arrow keys. ``name``
    says what the divider divides (read by a screen reader)."""

    def __init__(self, orientation: Qt.Orientation, name: str, parent=None):
        super().__init__(orientation, parent)
        self.setChildrenCollapsible(False)
        self._name = name

    def createHandle(self) -> QSplitterHandle:  # noqa: N802 - Qt's name
        handle = _Handle(self.orientation(), self)
        keys = "Up and Down" if self.orientation() == Qt.Orientation.Vertical else "Left and Right"
        handle.setAccessibleName(self._name)
        handle.setAccessibleDescription(f"{keys} arrow keys move it")
        handle.setToolTip(f"Drag, or press Tab to reach it and the {keys} arrow keys, to move it")
        return handle


__all__ = ["KeyboardSplitter"]
