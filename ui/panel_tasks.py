"""The panel's tasks, from every meeting: added, edited in place and marked done in the tab."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.meetings import add_task, complete_task, list_tasks
from ui.editing import Editor
from ui.icons import icon
from ui.table_tools import SortableItem, polish_table, view_action
from ui.theme import danger_colour, scaled_font
from ui.widgets import format_date, parse_date_text

IdRole = Qt.ItemDataRole.UserRole + 12
FIELDS = ["text", "owner", "due"]  # editable columns, in order; the status column is not
STATUS_COL = 3


class PanelTasks(QWidget):
    def __init__(self, editor: Editor, parent=None):
        super().__init__(parent)
        self.editor = editor
        self.review_id: int | None = None
        self._loading = False
        self.shown: dict = {}  # task id -> the task as its row showed it
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("panel_tasks_table")
        self.table.setAccessibleName("Panel tasks")
        self.table.setHorizontalHeaderLabels(["Task", "Owner", "Due", "Status"])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSortIndicator(2, Qt.SortOrder.AscendingOrder)  # by due
        self.table.itemChanged.connect(self._cell_changed)
        self.table.itemSelectionChanged.connect(self._update_buttons)

        self.add_button = QPushButton(icon("add"), "Add task")
        self.add_button.setObjectName("task_add")
        self.add_button.clicked.connect(self.add_task)
        self.done_button = QPushButton(icon("done"), "Mark done")
        self.done_button.setObjectName("task_done")
        self.done_button.clicked.connect(self.mark_done)
        view_action(self.table, "Mark done", self.mark_done, None, "done")
        polish_table(self.table)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.done_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self._update_buttons()

    def show_review(self, review_id: int | None) -> None:
        self.review_id = review_id
        selected = self.selected_id()
        tasks = list_tasks(self.editor.ctx, review_id) if review_id is not None else []
        self.shown = {task.id: task for task in tasks}  # what each row showed, for its edits
        self._loading = True
        self.table.setSortingEnabled(False)  # rows stay put while they are filled
        self.table.setRowCount(len(tasks))
        for row, task in enumerate(tasks):
            values = [
                (task.text, None),
                (task.owner, None),
                (format_date(task.due), task.due.isoformat() if task.due else "9999"),
                (task.status_label, (task.status, -task.days_overdue)),
            ]
            for col, (text, key) in enumerate(values):
                item = SortableItem(text, key)
                item.setData(IdRole, task.id)
                if col == STATUS_COL:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                    if task.days_overdue:
                        item.setForeground(danger_colour())
                        item.setFont(scaled_font(self.font(), 1.0, bold=True))
                self.table.setItem(row, col, item)
        self.table.setSortingEnabled(True)
        self._loading = False
        if selected is not None:
            self.select_id(selected)
        self._update_buttons()

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.table.item(rows[0].row(), 0).data(IdRole) if rows else None

    def select_id(self, task_id: int) -> None:
        for row in range(self.table.rowCount()):
            if self.table.item(row, 0).data(IdRole) == task_id:
                self.table.selectRow(row)

    def _update_buttons(self) -> None:
        writable = not self.editor.readonly and self.review_id is not None
        row = self.table.currentRow() if self.selected_id() is not None else -1
        open_task = row >= 0 and self.table.item(row, STATUS_COL).text() != "Done"
        self.add_button.setEnabled(writable)
        self.done_button.setEnabled(writable and open_task)

    def _cell_changed(self, item: QTableWidgetItem) -> None:
        if self._loading or item.column() >= len(FIELDS):
            return
        field = FIELDS[item.column()]
        value = item.text()
        if field == "due":
            try:
                value = parse_date_text(value)
            except ValueError as exc:
                self.editor.failed.emit(str(exc))
                self.editor.changed.emit("panel_task")
                return
        task_id = item.data(IdRole)
        shown = self.shown.get(task_id)
        self.editor.edit("panel_task", task_id, {field: value}, "Edit task", shown=shown)

    def add_task(self) -> None:
        if self.review_id is None:
            return
        task_id = self.editor.run(add_task, self.review_id, "New task", kind="panel_task")
        if task_id is not None:
            self.select_id(task_id)
            self.table.setFocus()
            self.table.editItem(self.table.item(self.table.currentRow(), 0))

    def mark_done(self) -> None:
        task_id = self.selected_id()
        if task_id is not None and self.done_button.isEnabled():
            self.editor.run(complete_task, task_id, kind="panel_task")
