"""Small editors that commit once, when the user has finished (not at every keystroke)."""

from datetime import date

from PySide6.QtCore import QDate, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QToolButton,
    QWidget,
)

_UNSET = QDate(1900, 1, 1)


class CommitLineEdit(QLineEdit):
    """A line edit that emits ``committed(text)`` when editing ends and the text changed."""

    committed = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._saved = ""
        self.editingFinished.connect(self._finish)

    def set_saved(self, text: str) -> None:
        """Show the stored value, unless the user is part-way through typing a new one."""
        self._saved = text
        if not (self.hasFocus() and self.isModified()):
            self.setText(text)
            self.setCursorPosition(0)  # show the start of a long value, not its end

    def _finish(self) -> None:
        self.setModified(False)
        if self.text() != self._saved:
            self.committed.emit(self.text())

    def revert(self) -> None:
        self.setText(self._saved)


class CommitTextEdit(QPlainTextEdit):
    """Multi-line text committed when the editor loses focus."""

    committed = Signal(str)

    def __init__(self, parent=None, placeholder: str = ""):
        super().__init__(parent)
        self._saved = ""
        self.setPlaceholderText(placeholder)
        self.setTabChangesFocus(True)

    def set_saved(self, text: str) -> None:
        self._saved = text
        if self.toPlainText() != text:
            self.setPlainText(text)

    def commit(self) -> None:
        if self.toPlainText() != self._saved:
            self.committed.emit(self.toPlainText())

    def focusOutEvent(self, event) -> None:  # noqa: N802 - Qt naming
        self.commit()
        super().focusOutEvent(event)


class DateField(QWidget):
    """An optional date: a calendar-popup date edit with a button to clear it."""

    committed = Signal(object)  # datetime.date or None

    def __init__(self, parent=None):
        super().__init__(parent)
        self.edit = QDateEdit(self)
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("dd/MM/yyyy")
        self.edit.setMinimumDate(_UNSET)
        self.edit.setSpecialValueText("Not set")
        self.edit.setDate(_UNSET)
        self.edit.installEventFilter(self)
        self.clear_button = QToolButton(self)
        self.clear_button.setText("Clear")
        self.clear_button.setToolTip("Clear this date")
        self.clear_button.setAutoRaise(True)
        self.clear_button.clicked.connect(lambda: self._emit(None))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.clear_button)
        self._saved: date | None = None
        self.edit.editingFinished.connect(self._finish)
        self.edit.calendarWidget().clicked.connect(lambda _d: self._finish())
        self.setFocusProxy(self.edit)
        self.edit.setMinimumWidth(self.edit.fontMetrics().horizontalAdvance("00/00/00000") + 48)
        self.setMaximumWidth(self.edit.minimumWidth() + self.clear_button.sizeHint().width() + 24)

    def value(self) -> date | None:
        qd = self.edit.date()
        return None if qd == _UNSET else date(qd.year(), qd.month(), qd.day())

    def set_saved(self, value: date | None) -> None:
        self._saved = value
        self.edit.blockSignals(True)
        self.edit.setDate(_UNSET if value is None else QDate(value.year, value.month, value.day))
        self.edit.blockSignals(False)
        self.clear_button.setEnabled(value is not None and self.isEnabled())

    def set_value(self, value: date | None) -> None:
        """Set as if the user had chosen it (used by keyboard-free tests and shortcuts)."""
        self.edit.setDate(_UNSET if value is None else QDate(value.year, value.month, value.day))
        self._finish()

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt naming
        # Delete or Backspace on an empty-looking field clears the date.
        if obj is self.edit and event.type() == QEvent.Type.KeyPress:
            if (
                event.key() in (Qt.Key.Key_Delete,)
                and event.modifiers() == Qt.KeyboardModifier.ControlModifier
            ):
                self._emit(None)
                return True
        return super().eventFilter(obj, event)

    def _finish(self) -> None:
        self._emit(self.value())

    def _emit(self, value: date | None) -> None:
        if value != self._saved:
            self.committed.emit(value)


def section_label(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.1)
    label.setFont(font)
    return label
