"""The window shows what this login may do on the review in front of it.

Fields stay readable (read-only, not greyed: ``set_editable``); every action that would change
the review and is therefore disabled says why in its tooltip; a small badge in the review's
header names the role. One watcher covers every tab, including controls made later.
"""

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QAbstractButton, QComboBox, QHBoxLayout, QLabel, QWidget

from app.review_rights import ReviewRights
from ui.theme import muted_colour

_ORIGINAL = "rights_original_tip"


class RightsTips(QObject):
    """Disabled controls under ``root`` explain, while the review is read-only for this login,
    that the role is why; their own tooltips come back when the review can be changed."""

    def __init__(self, root: QWidget):
        super().__init__(root)
        self.root = root
        self.reason = ""

    def show_rights(self, rights: ReviewRights | None) -> None:
        self.reason = "" if rights is None or rights.can_write else rights.reason
        for widget in self.root.findChildren(QAbstractButton) + self.root.findChildren(QComboBox):
            if widget.property(_ORIGINAL) is None:
                widget.setProperty(_ORIGINAL, widget.toolTip())
                widget.installEventFilter(self)
            self._explain(widget)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.EnabledChange:
            self._explain(watched)
        return False

    def _explain(self, widget: QWidget) -> None:
        original = widget.property(_ORIGINAL) or ""
        why = self.reason if self.reason and not widget.isEnabled() else ""
        tip = f"{original}\n\n{why}" if why and original else (why or original)
        if widget.toolTip() != tip:
            widget.setToolTip(tip)


class RoleBadge(QWidget):
    """The login's role on this review as a small badge ("Panel member · read only"), and
    when it cannot change the review, why, in a quiet line beside it."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.badge = QLabel()
        self.badge.setObjectName("review_role")
        self.note = QLabel()
        self.note.setObjectName("review_role_note")
        self.note.setWordWrap(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 0)
        layout.addWidget(self.badge, 0)
        layout.addWidget(self.note, 1)
        layout.addStretch(0)  # keeps the badge its own size when no note stands beside it
        self.hide()

    def text(self) -> str:
        return self.badge.text()

    def show_rights(self, rights: ReviewRights | None, shared: bool) -> None:
        # A store file has one owner: the badge only appears where roles differ or it is
        # read-only, so a laptop's window looks as it always did.
        if rights is None or (not shared and rights.can_write):
            self.hide()
            return
        self.badge.setText(rights.label)
        self.badge.setToolTip(rights.description)
        self.badge.setStyleSheet(_badge_style(rights.can_write))
        self.note.setText("" if rights.can_write else rights.reason)
        self.note.setStyleSheet(f"color: {muted_colour().name()};")
        self.note.setVisible(not rights.can_write)
        self.setAccessibleName(f"Your role on this review: {rights.label}")
        self.setAccessibleDescription(rights.description)
        self.show()


def _badge_style(can_write: bool) -> str:
    border = "palette(mid)" if can_write else "palette(highlight)"
    return (
        f"QLabel#review_role {{ border: 1px solid {border}; border-radius: 9px; "
        "padding: 1px 8px; }"
    )
