"""The choice shown when someone else changed what this person was changing."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.conflicts import EditConflict, shown, when_saved
from ui.theme import muted_colour, scaled_font


def _value_box(text: str, name: str) -> QPlainTextEdit:
    box = QPlainTextEdit(text)
    box.setReadOnly(True)
    box.setAccessibleName(name)
    lines = max(1, min(6, text.count("\n") + 1 + len(text) // 60))
    box.setFixedHeight(box.fontMetrics().lineSpacing() * (lines + 1) + 12)
    return box


class ConflictDialog(QDialog):
    """Both values side by side; the person keeps theirs or saves their own over it."""

    def __init__(self, conflict: EditConflict, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Changed by someone else")
        self.setAccessibleName("Changed by someone else")
        layout = QVBoxLayout(self)
        who = conflict.changed_by or "Someone else"
        what = conflict.what or "this"
        if not what.split()[0].isupper():  # "IMR Police" stays; "Chronology entry …" reads on
            what = what[:1].lower() + what[1:]
        heading = QLabel(f"{who} changed {what} while you were editing it")
        heading.setObjectName("conflict_heading")
        heading.setFont(scaled_font(self.font(), 1.15, bold=True))
        heading.setWordWrap(True)
        layout.addWidget(heading)
        intro = QLabel("Nothing of yours has been saved yet. Choose which to keep.")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addSpacing(4)
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        for column, text in ((1, "Their change"), (2, "Yours")):
            title = QLabel(f"<b>{text}</b>")
            grid.addWidget(title, 0, column)
        for row, c in enumerate(conflict.conflicts, start=1):
            label = QLabel(c.label[:1].upper() + c.label[1:])
            label.setWordWrap(True)
            grid.addWidget(label, row * 2 - 1, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(_value_box(shown(c.theirs), f"Their {c.label}"), row * 2 - 1, 1)
            grid.addWidget(_value_box(shown(c.yours), f"Your {c.label}"), row * 2 - 1, 2)
            saver = c.changed_by or "someone else"
            saved = QLabel(f"Saved by {saver}{when_saved(c.changed_at)}.")
            started = QLabel(f"You started from: {shown(c.seen)}")
            for column, note in ((1, saved), (2, started)):
                note.setWordWrap(True)
                # Quieter than the values, but never the low contrast of a disabled label.
                note.setStyleSheet(f"color: {muted_colour().name()};")
                grid.addWidget(note, row * 2, column)
        layout.addLayout(grid)
        buttons = QDialogButtonBox()
        self.keep_theirs = buttons.addButton(
            "Keep their change", QDialogButtonBox.ButtonRole.RejectRole
        )
        self.save_mine = buttons.addButton(
            "Save mine over it", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.keep_theirs.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(700, self.sizeHint().height())


def choose_mine(conflict: EditConflict, parent: QWidget | None = None) -> bool:
    """Ask; True when the person chooses to save their value over the other change."""
    return ConflictDialog(conflict, parent).exec() == QDialog.DialogCode.Accepted
