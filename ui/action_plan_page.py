"""The action plan of one recommendation: its actions in a table, and the selected action's
evidence of impact and progress updates."""

from types import SimpleNamespace

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QListWidget,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.actions import ActionRecord, RecommendationRecord, add_update, list_updates
from app.items import remove_item
from app.vocab import ACTION_STATUSES
from app.wording import plural
from ui.editing import Editor
from ui.item_table import Column, ItemTable
from ui.reason_prompt import ask_reason
from ui.theme import danger_colour, status_colour
from ui.widgets import CommitLineEdit, CommitTextEdit, label_for, set_editable

# Action statuses in the colours of the IMR board.
ACTION_LOOK = {
    "not_started": "not_requested",
    "on_track": "requested",
    "at_risk": "under_challenge",
    "complete": "accepted",
    "not_accepted": "not_required",
}
ACTION_COLUMNS = [
    Column("action", "Action", stretch=True),
    Column("lead_agency", "Lead agency"),
    Column("lead_officer", "Lead officer"),
    Column("target_date", "Target", is_date=True),
    Column("status", "Status", choices=ACTION_STATUSES),
    Column("completion_date", "Completed", is_date=True),
    Column("overdue_text", "Overdue", editable=False),
]
STATUS_ACTION_COL, OVERDUE_COL = 4, 6


def overdue_text(action: ActionRecord) -> str:
    if not action.overdue:
        return ""
    days = action.days_overdue
    return f"Overdue ({plural(days, 'day')})"


def one_line(text: str) -> str:
    return " ".join(text.split())


class ActionPlanPage(QWidget):
    """The actions that answer one recommendation, each saved as it is finished."""

    def __init__(self, editor: Editor, parent=None):
        super().__init__(parent)
        self.editor = editor
        self.rec: RecommendationRecord | None = None
        self.actions: list[ActionRecord] = []

        self.action_table = ItemTable(
            self.editor,
            "action",
            ACTION_COLUMNS,
            "action",
            {"action": "New action", "lead_agency": lambda: self.rec.agency if self.rec else ""},
        )
        self.action_table.table.setObjectName("action_table")
        self.action_table.complete_edit = self._with_reason
        header = self.action_table.table.horizontalHeader()
        width = self.fontMetrics().horizontalAdvance("M")
        header.resizeSection(1, width * 15)
        header.resizeSection(2, width * 12)
        header.resizeSection(OVERDUE_COL, width * 14)
        # Wrapped rows are measured at the widths of the moment: measure again when they change.
        header.sectionResized.connect(lambda *_: self.action_table.table.resizeRowsToContents())
        # Removing an action takes its progress updates with it, which undo cannot restore.
        self.action_table.remove_button.setText("Remove…")
        self.action_table.remove_button.clicked.disconnect()
        self.action_table.remove_button.clicked.connect(self.remove_action)
        self.action_table.selection_changed.connect(self._action_changed)

        self.evidence = CommitTextEdit(placeholder="What has changed because of this action?")
        self.evidence.setObjectName("action_evidence")
        self.evidence.committed.connect(lambda t: self._save_action("evidence", t))
        self.not_accepted = CommitLineEdit()
        self.not_accepted.setObjectName("action_not_accepted_reason")
        self.not_accepted.setPlaceholderText("Why the agency did not accept this action")
        self.not_accepted.committed.connect(lambda t: self._save_action("not_accepted_reason", t))
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.addRow("Evidence of impact", self.evidence)
        form.addRow("Reason not accepted", self.not_accepted)

        self.updates = QListWidget()
        self.updates.setObjectName("action_updates")
        self.updates.setWordWrap(True)
        self.updates.setSpacing(3)
        self.updates.setAlternatingRowColors(True)
        self.add_update_button = QPushButton("Add progress update…")
        self.add_update_button.clicked.connect(self.add_progress_update)
        updates = QVBoxLayout()
        updates.setContentsMargins(0, 0, 0, 0)
        updates.addWidget(label_for("Progress updates, newest first", self.updates))
        updates.addWidget(self.updates, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.add_update_button)
        updates.addLayout(row)

        self.action_details = QWidget()
        details = QHBoxLayout(self.action_details)
        details.setContentsMargins(0, 0, 0, 0)
        details.addLayout(form, 1)
        details.addSpacing(8)
        details.addLayout(updates, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.action_table)
        splitter.addWidget(self.action_details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([230, 150])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    # Loading -------------------------------------------------------------------------------
    def show_actions(self, rec: RecommendationRecord | None) -> None:
        self.rec = rec
        if rec is None:
            self.action_table.show_items(None, [])
            return
        self.actions = list(rec.actions)
        self.action_table.show_items(rec.id, [self._action_row(a) for a in self.actions])
        self._colour_actions()
        self.fit_rows()
        self._action_changed()

    @staticmethod
    def _action_row(action: ActionRecord) -> SimpleNamespace:
        return SimpleNamespace(
            id=action.id,
            action=action.action,
            lead_agency=action.lead_agency,
            lead_officer=action.lead_officer,
            target_date=action.target_date,
            status=action.status,
            completion_date=action.completion_date,
            overdue_text=overdue_text(action),
        )

    def fit_rows(self) -> None:
        # Rows laid out while the page was hidden were measured against a zero-width column.
        if self.action_table.isVisible():
            self.action_table.table.resizeRowsToContents()

    def _colour_actions(self) -> None:
        table = self.action_table.table
        bold = QFont(table.font())
        bold.setBold(True)
        table.blockSignals(True)  # colouring is not an edit
        for row, action in enumerate(self.actions):
            status = table.item(row, STATUS_ACTION_COL)
            status.setForeground(status_colour(ACTION_LOOK.get(action.status, "")))
            status.setFont(bold)
            if action.overdue:
                late = table.item(row, OVERDUE_COL)
                late.setForeground(danger_colour())
                late.setFont(bold)
                tip = (
                    f"The target date, {action.target_date:%d %B %Y}, has passed and the action "
                    "is not complete. Overdue follows from the target date; it is never typed."
                )
                for col in (OVERDUE_COL, STATUS_ACTION_COL):
                    table.item(row, col).setToolTip(tip)
        table.blockSignals(False)

    def selected_action(self) -> ActionRecord | None:
        chosen = self.action_table.selected_id()
        return next((a for a in self.actions if a.id == chosen), None)

    def _action_changed(self) -> None:
        action = self.selected_action()
        writable = not self.editor.readonly and action is not None
        self.evidence.set_saved(action.evidence if action else "")
        self.not_accepted.set_saved(action.not_accepted_reason if action else "")
        set_editable(self.evidence, writable, action is not None)
        relevant = action is not None and (
            action.status == "not_accepted" or bool(action.not_accepted_reason)
        )
        set_editable(self.not_accepted, writable and relevant, relevant)
        self.add_update_button.setEnabled(writable)
        self.updates.clear()
        if action is None:
            return
        for update in list_updates(self.editor.ctx, action.id):
            parts = [f"{update.on:%d/%m/%Y}", update.by]
            if update.status:
                parts.append(ACTION_STATUSES.get(update.status, update.status))
            if update.source and update.source != "app":
                parts.append(f"from {update.source}")
            self.updates.addItem(" · ".join(p for p in parts if p) + f"\n{update.note}")
        if not self.updates.count():
            self.updates.addItem("No updates yet.")

    # Saving --------------------------------------------------------------------------------
    def _with_reason(self, action_id: int, values: dict) -> dict | None:
        """Not accepted is saved together with its reason, asked for here."""
        action = next((a for a in self.actions if a.id == action_id), None)
        if values.get("status") != "not_accepted" or action is None:
            return values
        if action.not_accepted_reason.strip():
            return values
        reason = ask_reason(
            self,
            "Reason not accepted",
            f"Why was “{one_line(action.action)[:60]}” not accepted?\n"
            "The board's annual report must state the reason.",
        )
        return None if reason is None else {**values, "not_accepted_reason": reason}

    def _save_action(self, field: str, value: str) -> None:
        action = self.selected_action()
        if action is not None and getattr(action, field) != value:
            self.editor.edit("action", action.id, {field: value}, "Change action", shown=action)

    def remove_action(self) -> None:
        action = self.selected_action()
        if action is None:
            return
        answer = QMessageBox.question(
            self,
            "Remove action",
            f"Remove the action “{one_line(action.action)[:80]}” and its progress updates?"
            "\n\nThis cannot be undone.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.editor.run(remove_item, "action", action.id, kind="action")

    def add_progress_update(self) -> None:
        action = self.selected_action()
        if action is None:
            return
        text, ok = QInputDialog.getMultiLineText(
            self,
            "Progress update",
            f"Progress on “{one_line(action.action)[:60]}”, "
            f"dated {self.editor.ctx.today():%d/%m/%Y}:",
        )
        if ok and text.strip():
            self.editor.run(add_update, action.id, text.strip(), kind="action")
