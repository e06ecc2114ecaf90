"""Other people's changes to a shared store appear in the open window within a second or two.

The store's change notices arrive on a socket watched by the event loop (a timer also looks
every two seconds, in case the driver has already read them). What changed decides what
reloads: the chronology alone, or the review's other tabs.
"""

from PySide6.QtCore import QObject, QSocketNotifier, QTimer
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from db.changes import listener_for
from ui.editing import Editor

# Tables whose changes the window need not show (the trail, remembered column mappings).
UNSEEN = {"audit_event", "column_mapping"}
CHRONOLOGY_TABLES = {
    "chronology_entry", "chronology_search", "chronology_entry_theme", "chronology_import",
    "key_episode", "key_episode_entry",
}  # fmt: skip
POLL_MS = 2000
SETTLE_MS = 250  # one reload for a burst of notices (an import sends several)


def kind_for(tables: set[str]) -> str | None:
    """What the window reloads for changes to ``tables``: None for nothing to show,
    "chronology_entry" for the chronology alone, "" for the whole review."""
    shown = tables - UNSEEN
    if not shown:
        return None
    return "chronology_entry" if shown <= CHRONOLOGY_TABLES else ""


def typing_in(widget: QWidget | None) -> bool:
    """Someone is part-way through typing there: a reload now would replace what they see
    (and what their edit is checked against) before their change is saved."""
    for _ in range(3):  # the field itself, or the date field holding its line edit
        if widget is None:
            return False
        part_way = getattr(widget, "part_way", None)
        if part_way is not None:
            return part_way()
        if isinstance(widget, QLineEdit) and widget.isModified() and not widget.isReadOnly():
            return True
        widget = widget.parentWidget()
    return False


class LiveUpdates(QObject):
    def __init__(self, editor: Editor, parent: QObject | None = None):
        super().__init__(parent)
        self.editor = editor
        self.listener = listener_for(editor.ctx.store)
        self._pending: set[str] = set()
        if self.listener is None:
            return
        self.notifier = QSocketNotifier(self.listener.fileno(), QSocketNotifier.Type.Read, self)
        self.notifier.activated.connect(self.check)
        self.timer = QTimer(self, interval=POLL_MS, timeout=self.check)
        self.timer.start()
        self.settle = QTimer(self, singleShot=True, interval=SETTLE_MS, timeout=self._reload)

    @property
    def active(self) -> bool:
        return self.listener is not None

    def check(self, *_args) -> None:
        try:
            self._pending |= self.listener.poll()
        except Exception:  # noqa: BLE001 - a dropped connection must not take the window down
            return
        if self._pending and not self.settle.isActive():
            self.settle.start()

    def _reload(self) -> None:
        if typing_in(QApplication.focusWidget()):
            # Shown once they are done: their save meets the other change first (and asks).
            self.settle.start()
            return
        kind, self._pending = kind_for(self._pending), set()
        if kind is not None:
            self.editor.changed.emit(kind)

    def close(self) -> None:
        if self.listener is not None:
            self.timer.stop()
            self.notifier.setEnabled(False)
            self.listener.close()
            self.listener = None
