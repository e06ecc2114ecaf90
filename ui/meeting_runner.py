"""Running a meeting: the agenda item by item, a timer, and capture by keyboard alone.

Keys: Tab / Shift+Tab walk the window as it reads (the arrow keys in the agenda go to another
item); Page Down / Page Up (or Ctrl+Right / Ctrl+Left) next and previous item; Ctrl+N notes;
Ctrl+D a decision; Ctrl+T an action (text, Tab, owner, Tab, due date); Ctrl+G agree the
finding; Ctrl+A accept the IMR, Ctrl+C put it under challenge; F5 presents the item full
screen. Everything is saved as it is captured.
"""

from html import escape

from PySide6.QtCore import QElapsedTimer, QSize, Qt, QTimer
from PySide6.QtGui import QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.edits import apply_fields
from app.errors import UserError
from app.meetings import (
    AgendaRecord,
    MeetingDetail,
    add_task,
    agree_finding,
    imr_decision,
    meeting_detail,
    record_decision,
)
from ui.editing import Editor
from ui.presenter import PresenterView, describe_reference, public_item, reference_html
from ui.screen import fit_to_screen
from ui.theme import danger_colour, muted_colour
from ui.widgets import CommitTextEdit, DateField, scrolling

BASE_PT = 14  # the runner is read from a laptop at arm's length, or over a shoulder
PRIVATE_LABEL = "Private notes (never shown when presenting, never in the minutes)"


def format_clock(seconds: int) -> str:
    return f"{seconds // 60:02d}:{seconds % 60:02d}"


RIGHT_COLUMN_EM = 13  # the private notes' column, in widths of "M" of the runner's font


class MeetingRunner(QWidget):
    """A window that walks a meeting's agenda; keeps its place by agenda item id."""

    def __init__(self, editor: Editor, meeting_id: int, parent=None):
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("meeting_runner")
        self.editor = editor
        self.meeting_id = meeting_id
        self.detail: MeetingDetail | None = None
        self.index = 0
        self._base_seconds = 0  # the item's time saved before it was opened this time
        self._clock = QElapsedTimer()
        self._reloading = False
        self._showing = False  # the agenda's current row is being set to the item shown
        font = self.font()
        font.setPointSize(BASE_PT)
        self.setFont(font)

        # Header: the meeting, where we are, and the clock.
        self.meeting_label = QLabel()
        self.meeting_label.setObjectName("runner_meeting")
        self.meeting_label.setFont(_pt(self.font(), BASE_PT + 2, bold=True))
        self.position_label = QLabel()
        self.position_label.setObjectName("runner_position")
        self.timer_label = QLabel("00:00")
        self.timer_label.setObjectName("runner_timer")
        self.timer_label.setFont(_pt(self.font(), 40, bold=True))
        self.timer_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.planned_label = QLabel()
        self.planned_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        self._timer_fg = self.timer_label.palette().color(QPalette.ColorRole.WindowText)
        heading = QVBoxLayout()
        heading.addWidget(self.meeting_label)
        heading.addWidget(self.position_label)
        clock = QVBoxLayout()
        clock.addWidget(self.timer_label)
        clock.addWidget(self.planned_label)
        header = QHBoxLayout()
        header.addLayout(heading, 1)
        header.addLayout(clock)

        # Left: the agenda.
        self.agenda = QListWidget()
        self.agenda.setObjectName("runner_agenda")
        self.agenda.setWordWrap(True)
        self.agenda.setAccessibleName("Agenda")
        # Reached by Tab like everything else; the arrow keys in it move to another item, as a
        # click does.
        self.agenda.currentRowChanged.connect(self._agenda_moved)
        # The keys are in the tooltips and the key list: the agenda column stays narrow on a
        # projector's 1024 pixels, leaving room for the item and the private notes.
        self.prev_button = QPushButton("◀ Previous")
        self.prev_button.setToolTip("The previous item (Page Up)")
        self.next_button = QPushButton("Next ▶")
        self.next_button.setToolTip("The next item (Page Down)")
        self.present_button = QPushButton("Present (F5)")
        self.present_button.setObjectName("runner_present")
        self.prev_button.clicked.connect(self.previous_item)
        self.next_button.clicked.connect(self.next_item)
        self.present_button.clicked.connect(self.toggle_presenting)
        left = QVBoxLayout()
        left.addWidget(_section("Agenda"))
        left.addWidget(self.agenda, 1)
        nav = QHBoxLayout()
        nav.addWidget(self.prev_button)
        nav.addWidget(self.next_button)
        left.addLayout(nav)
        left.addWidget(self.present_button)

        # Centre: the item, its reference, and what is captured.
        self.title_label = QLabel()
        self.title_label.setObjectName("runner_title")
        self.title_label.setFont(_pt(self.font(), 24, bold=True))
        self.title_label.setWordWrap(True)
        self.ref_label = QLabel()
        self.ref_label.setObjectName("runner_ref")
        self.ref_label.setFont(_pt(self.font(), BASE_PT + 2, bold=True))
        self.ref_label.setWordWrap(True)
        self.reference = QTextBrowser()
        self.reference.setObjectName("runner_reference")
        self.reference.setOpenLinks(False)
        self.reference.setAccessibleName("The item's reference")
        self.quick_label = QLabel()
        self.quick_label.setObjectName("runner_quick")
        self.quick_label.setWordWrap(True)
        _set_fg(self.quick_label, muted_colour())

        self.notes = CommitTextEdit(placeholder="Notes for the minutes (Ctrl+N)")
        self.notes.setObjectName("runner_notes")
        self.notes.setAccessibleName("Notes for the minutes")
        self.notes.committed.connect(lambda text: self._save_text("notes", text, "Edit notes"))

        self.decision_edit = QLineEdit()
        self.decision_edit.setObjectName("runner_decision")
        self.decision_edit.setAccessibleName("Decision")
        self.decision_edit.setPlaceholderText("The decision, then Enter (Esc to cancel)")
        self.decision_edit.returnPressed.connect(self.record_decision)
        self.decision_row = _row("Decision", self.decision_edit)

        self.action_text = QLineEdit()
        self.action_text.setObjectName("runner_action_text")
        self.action_text.setAccessibleName("Action: what is to be done")
        self.action_text.setPlaceholderText("What is to be done")
        self.action_owner = QLineEdit()
        self.action_owner.setObjectName("runner_action_owner")
        self.action_owner.setAccessibleName("Who will do the action")
        self.action_owner.setPlaceholderText("Who")
        self.action_due = DateField(name="Due date of the action")
        self.action_due.setObjectName("runner_action_due")
        self.action_due.edit.setPlaceholderText("Due")
        for field in (self.action_text, self.action_owner, self.action_due.edit):
            field.returnPressed.connect(self.record_action)
        self.action_row = QWidget()
        action_layout = QHBoxLayout(self.action_row)
        action_layout.setContentsMargins(0, 0, 0, 0)
        action_layout.addWidget(QLabel("Action"))
        action_layout.addWidget(self.action_text, 3)
        action_layout.addWidget(self.action_owner, 1)
        action_layout.addWidget(self.action_due, 1)
        for row in (self.decision_row, self.action_row):
            row.hide()

        self.captured = QListWidget()
        self.captured.setObjectName("runner_captured")
        self.captured.setWordWrap(True)
        self.captured.setAccessibleName("Decided and actions on this item")

        centre = QVBoxLayout()
        centre.addWidget(self.title_label)
        centre.addWidget(self.ref_label)
        centre.addWidget(self.reference, 3)
        centre.addWidget(self.quick_label)
        centre.addWidget(_section("Notes for the minutes"))
        centre.addWidget(self.notes, 2)
        centre.addWidget(self.decision_row)
        centre.addWidget(self.action_row)
        centre.addWidget(_section("Decided and actions on this item"))
        centre.addWidget(self.captured, 2)

        # Right: the author's private notes and the keys.
        private_title = QLabel(PRIVATE_LABEL)
        private_title.setObjectName("runner_private_label")
        private_title.setWordWrap(True)
        private_title.setFont(_pt(self.font(), BASE_PT, bold=True))
        _set_fg(private_title, danger_colour())
        self.private_notes = CommitTextEdit(placeholder="Only you see these.")
        self.private_notes.setObjectName("runner_private_notes")
        self.private_notes.setAccessibleName(PRIVATE_LABEL)
        self.private_notes.committed.connect(
            lambda text: self._save_text("private_notes", text, "Edit private notes")
        )
        private_frame = QFrame()
        private_frame.setFrameShape(QFrame.Shape.StyledPanel)
        private_layout = QVBoxLayout(private_frame)
        private_layout.addWidget(private_title)
        private_layout.addWidget(self.private_notes, 1)
        keys = QLabel(
            "<b>Keys</b><br/>Tab / Shift+Tab: the next / last control<br/>"
            "↑ / ↓ in the agenda: another item<br/>"
            "Page Down / Page Up: next / previous<br/>Ctrl+N: notes<br/>"
            "Ctrl+D: decision<br/>Ctrl+T: action (Tab between fields)<br/>"
            "Ctrl+G: agree the finding<br/>Ctrl+A / Ctrl+C: accept the IMR / challenge it<br/>"
            "F5: present full screen<br/>Ctrl+W: close"
        )
        keys.setObjectName("runner_keys")
        keys.setWordWrap(True)
        keys.setFont(_pt(self.font(), BASE_PT - 3))
        # On a short screen the list scrolls rather than running off the bottom of the window.
        keys_area = scrolling(keys)
        right = QVBoxLayout()
        right.addWidget(private_frame, 3)
        right.addWidget(keys_area, 2)

        body = QGridLayout()
        body.setHorizontalSpacing(24)
        body.addLayout(left, 0, 0)
        body.addLayout(centre, 0, 1)
        body.addLayout(right, 0, 2)
        body.setColumnStretch(0, 2)
        body.setColumnStretch(1, 5)
        body.setColumnStretch(2, 2)
        # The private notes and the keys are read at a glance: never squeezed to a word a line.
        body.setColumnMinimumWidth(2, self.fontMetrics().horizontalAdvance("M") * RIGHT_COLUMN_EM)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.setSpacing(12)
        layout.addLayout(header)
        layout.addLayout(body, 1)

        self.presenter = PresenterView()
        self.presenter.closed.connect(self.toggle_presenting)
        self.presenter.next_requested.connect(self.next_item)
        self.presenter.previous_requested.connect(self.previous_item)

        self._shortcuts = {}
        for key, slot in (
            ("PgDown", self.next_item),
            ("Ctrl+Right", self.next_item),
            ("PgUp", self.previous_item),
            ("Ctrl+Left", self.previous_item),
            ("Ctrl+N", self.focus_notes),
            ("Ctrl+D", self.open_decision),
            ("Ctrl+T", self.open_action),
            ("Ctrl+G", self.agree_finding),
            ("Ctrl+A", lambda: self.decide_imr("accepted")),
            ("Ctrl+C", lambda: self.decide_imr("under_challenge")),
            ("F5", self.toggle_presenting),
            ("Esc", self.cancel_entry),
            ("Ctrl+W", self.close),
        ):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.activated.connect(slot)
            self._shortcuts[key] = shortcut

        # Tab walks the window as it reads: the agenda and its buttons, the item, what is
        # captured on it, then the private notes.
        chain = [
            self.agenda,
            self.prev_button,
            self.next_button,
            self.present_button,
            self.reference,
            self.notes,
            self.decision_edit,
            self.action_text,
            self.action_owner,
            self.action_due.edit,
            self.captured,
            self.private_notes,
        ]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)
        # It opens ready for the minutes, not in the agenda (where a key would change item).
        self.notes.setFocus(Qt.FocusReason.OtherFocusReason)

        self.ticker = QTimer(self)
        self.ticker.setInterval(500)
        self.ticker.timeout.connect(self.update_clock)
        self.editor.changed.connect(self._store_changed)
        self.setWindowTitle("Run the meeting")
        fit_to_screen(self, QSize(1400, 900), share=0.96)
        self.reload()
        self._open_item()

    # Data ----------------------------------------------------------------------------------
    def reload(self) -> bool:
        """Read the meeting again, keeping the current item; False when it has gone."""
        current = self.current_item()
        try:
            self.detail = meeting_detail(self.editor.ctx, self.meeting_id)
        except UserError:
            self.detail = None
            return False
        items = self.detail.items
        if current is not None:
            ids = [i.id for i in items]
            self.index = ids.index(current.id) if current.id in ids else min(self.index, len(ids))
        self.index = max(0, min(self.index, len(items) - 1))
        self.meeting_label.setText(self.detail.meeting.label)
        lines = [f"{n}. {item.title} ({item.minutes} min)" for n, item in enumerate(items, 1)]
        self.agenda.blockSignals(True)
        if self.agenda.count() == len(lines):
            # The same items: their words change in place, so a key moving through the agenda
            # is never answered by emptying the list under it.
            for row, line in enumerate(lines):
                self.agenda.item(row).setText(line)
        else:
            self.agenda.clear()
            for line in lines:
                self.agenda.addItem(QListWidgetItem(line))
        self.agenda.blockSignals(False)
        self._show_item()
        return True

    def _store_changed(self, _kind: str) -> None:
        if self._reloading or not self.isVisible():
            return
        self._reloading = True
        try:
            self.reload()
        finally:
            self._reloading = False

    def current_item(self) -> AgendaRecord | None:
        if self.detail is None or not self.detail.items:
            return None
        return self.detail.items[min(self.index, len(self.detail.items) - 1)]

    def seconds_on_item(self) -> int:
        running = self._clock.elapsed() // 1000 if self._clock.isValid() else 0
        return self._base_seconds + running

    # Navigation ----------------------------------------------------------------------------
    def next_item(self) -> None:
        self.go_to(self.index + 1)

    def previous_item(self) -> None:
        self.go_to(self.index - 1)

    def _agenda_moved(self, row: int) -> None:
        if row >= 0 and not self._showing:
            self.go_to(row)

    def go_to(self, index: int) -> None:
        if self.detail is None or not 0 <= index < len(self.detail.items) or index == self.index:
            self._show_item()  # keep the agenda's highlight on the current item
            return
        self._leave_item()
        self.index = index
        self.reload()
        self._open_item()

    def _open_item(self) -> None:
        item = self.current_item()
        self._base_seconds = item.seconds_used if item else 0
        self._clock.start()
        self.ticker.start()
        self.update_clock()

    def _leave_item(self) -> None:
        """Save what was typed and the time spent before moving on (or closing)."""
        item = self.current_item()
        if item is None:
            return
        self.notes.commit()
        self.private_notes.commit()
        seconds = self.seconds_on_item()
        self._clock.invalidate()
        self._base_seconds = seconds
        if seconds != item.seconds_used:
            # Kept, but not an edit to undo: Ctrl+Z should undo what the panel captured.
            self.editor.run(
                apply_fields, "agenda_item", item.id, {"seconds_used": seconds}, kind="agenda_item"
            )

    def _show_item(self) -> None:
        item = self.current_item()
        count = len(self.detail.items) if self.detail else 0
        self._showing = True
        try:
            self.agenda.setCurrentRow(self.index if item else -1)
        finally:
            self._showing = False
        self.prev_button.setEnabled(item is not None and self.index > 0)
        self.next_button.setEnabled(item is not None and self.index < count - 1)
        if item is None:
            self.position_label.setText("The agenda is empty: add items on the Meetings tab.")
            self.title_label.setText("")
            self.ref_label.setText("")
            self.reference.setHtml("")
            self.quick_label.setText("")
            self.notes.set_saved("")
            self.private_notes.set_saved("")
            self.captured.clear()
            self.presenter.show_item(None)
            return
        self.position_label.setText(f"Item {self.index + 1} of {count}")
        self.title_label.setText(item.title)
        self.planned_label.setText(f"of {item.minutes} min planned")
        ref = describe_reference(self.editor.ctx, self.detail.meeting.review_id, item)
        self.ref_label.setText(ref.heading)
        self.ref_label.setVisible(bool(ref.heading))
        self.reference.setHtml(reference_html(ref, BASE_PT + 1, item_title=item.title))
        self.reference.setVisible(bool(ref.title or ref.paragraphs or ref.rows or ref.footnote))
        quick = {
            "finding": "Ctrl+G: agree this finding",
            "imr": "Ctrl+A: accept this IMR   ·   Ctrl+C: put it under challenge",
        }.get(item.ref_kind, "")
        self.quick_label.setText(quick)
        self.quick_label.setVisible(bool(quick))
        self.notes.set_saved(item.notes)
        self.private_notes.set_saved(item.private_notes)
        self.captured.clear()
        for decision in item.decisions:
            self.captured.addItem(f"Decided: {decision.text}")
        for task in item.tasks:
            parts = [task.owner, f"due {task.due:%d/%m/%Y}" if task.due else ""]
            extra = ", ".join(p for p in parts if p)
            self.captured.addItem(f"Action: {task.text}" + (f" ({extra})" if extra else ""))
        self.presenter.show_item(public_item(item, self.index + 1, count, ref))

    def update_clock(self) -> None:
        item = self.current_item()
        seconds = self.seconds_on_item() if item else 0
        self.timer_label.setText(format_clock(seconds))
        over = item is not None and seconds > item.minutes * 60
        _set_fg(self.timer_label, danger_colour() if over else self._timer_fg)
        self.timer_label.setProperty("over_time", over)

    # Capture -------------------------------------------------------------------------------
    def focus_notes(self) -> None:
        self.cancel_entry()
        self.notes.setFocus()
        self.notes.moveCursor(self.notes.textCursor().MoveOperation.End)

    def open_decision(self) -> None:
        if self.current_item() is None:
            return
        self.action_row.hide()
        self.decision_row.show()
        self.decision_edit.clear()
        self.decision_edit.setFocus()

    def open_action(self) -> None:
        if self.current_item() is None:
            return
        self.decision_row.hide()
        for field in (self.action_text, self.action_owner):
            field.clear()
        self.action_due.set_saved(None)
        self.action_row.show()
        self.action_text.setFocus()

    def cancel_entry(self) -> None:
        if self.decision_row.isVisible() or self.action_row.isVisible():
            self.decision_row.hide()
            self.action_row.hide()
            self._park_focus()

    def record_decision(self) -> None:
        item = self.current_item()
        text = self.decision_edit.text().strip()
        if item is None or not text:
            return
        if self.editor.run(record_decision, item.id, text, kind="meeting_decision") is not None:
            self.decision_edit.clear()
            self.decision_row.hide()
            self._park_focus()

    def record_action(self) -> None:
        item = self.current_item()
        text = self.action_text.text().strip()
        if item is None or self.detail is None:
            return
        if not text:
            self.action_text.setFocus()
            return
        problem = self.action_due.problem()
        if problem:
            self.editor.failed.emit(problem)
            self.action_due.setFocus()
            return
        due = self.action_due.value()
        task_id = self.editor.run(
            add_task,
            self.detail.meeting.review_id,
            text,
            owner=self.action_owner.text(),
            due=due,
            meeting_id=self.meeting_id,
            item_id=item.id,
            kind="panel_task",
        )
        if task_id is not None:
            self.action_row.hide()
            self._park_focus()

    def agree_finding(self) -> None:
        item = self.current_item()
        if item is None or item.ref_kind != "finding" or item.ref_id is None:
            return
        self.editor.run(agree_finding, item.id, item.ref_id, kind="finding")

    def decide_imr(self, status: str) -> None:
        item = self.current_item()
        if item is None or item.ref_kind != "imr" or item.ref_id is None:
            return
        self.editor.run(imr_decision, item.id, item.ref_id, status, kind="imr")

    def _save_text(self, field: str, text: str, label: str) -> None:
        item = self.current_item()
        if item is not None:
            self.editor.edit("agenda_item", item.id, {field: text}, label, shown=item)

    def _park_focus(self) -> None:
        """Back to the item, so the next key is a command and not text."""
        self.setFocus()

    # Presenting ----------------------------------------------------------------------------
    @property
    def presenting(self) -> bool:
        return self.presenter.isVisible()

    def toggle_presenting(self) -> None:
        if self.presenting:
            self.presenter.hide()
            self.activateWindow()
            self._park_focus()
        else:
            self.notes.commit()
            self.private_notes.commit()
            self.presenter.present()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt naming
        self._leave_item()
        self.ticker.stop()
        self.presenter.close()
        self.editor.changed.disconnect(self._store_changed)
        super().closeEvent(event)


def _pt(base, points: int, bold: bool = False):
    font = type(base)(base)
    font.setPointSize(points)
    font.setBold(bold)
    return font


def _set_fg(label: QLabel, colour) -> None:
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, colour)
    label.setPalette(palette)


def _section(text: str) -> QLabel:
    label = QLabel(text)
    label.setFont(_pt(label.font(), BASE_PT + 1, bold=True))
    return label


def _row(label: str, field: QWidget) -> QWidget:
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(QLabel(escape(label)))
    layout.addWidget(field, 1)
    return row
