"""An editable, ordered table of short child items: lines of enquiry, panel members, questions.

Each cell saves on commit through the ``Editor``; rows can be added, removed and moved, and all
of it can be undone.
"""

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QPushButton,
    QStyledItemDelegate,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.editing import Editor
from ui.flow_rows import FlowRow
from ui.icons import icon
from ui.widgets import format_date, parse_date_text  # noqa: F401 (used by other tabs)

IdRole = Qt.ItemDataRole.UserRole + 10


@dataclass(frozen=True)
class Column:
    field: str
    label: str
    choices: dict[str, str] | None = None  # stored key -> label
    is_date: bool = False
    stretch: bool = False
    editable: bool = True


class _ChoiceDelegate(QStyledItemDelegate):
    def __init__(self, choices: dict[str, str], parent=None):
        super().__init__(parent)
        self.choices = choices

    def createEditor(self, parent, option, index):  # noqa: N802 - Qt naming
        combo = QComboBox(parent)
        for key, label in self.choices.items():
            combo.addItem(label, key)
        return combo

    def setEditorData(self, editor, index):  # noqa: N802 - Qt naming
        editor.setCurrentIndex(max(0, editor.findText(index.data())))

    def setModelData(self, editor, model, index):  # noqa: N802 - Qt naming
        model.setData(index, editor.currentText())


class ItemTable(QWidget):
    """Rows are records (dataclasses with ``id`` and the column fields)."""

    selection_changed = Signal()

    def __init__(
        self,
        editor: Editor,
        kind: str,
        columns: list[Column],
        noun: str,
        new_values: dict,
        parent=None,
    ):
        super().__init__(parent)
        self.editor = editor
        self.kind = kind
        self.columns = columns
        self.noun = noun
        self.new_values = new_values
        self.parent_id: int | None = None
        self.shown: dict = {}  # record id -> the record as its row showed it
        self._loading = False
        # Optional: complete or veto an edit, fn(item_id, values) -> values or None (cancel).
        self.complete_edit = None

        self.table = QTableWidget(0, len(columns))
        self.table.setObjectName(f"{kind}_table")
        self.table.setHorizontalHeaderLabels([c.label for c in columns])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        header = self.table.horizontalHeader()
        for i, column in enumerate(columns):
            if column.stretch:
                mode = QHeaderView.ResizeMode.Stretch
            elif column.choices or column.is_date:
                mode = QHeaderView.ResizeMode.ResizeToContents
            else:
                mode = QHeaderView.ResizeMode.Interactive
            header.setSectionResizeMode(i, mode)
            if column.choices:
                self.table.setItemDelegateForColumn(i, _ChoiceDelegate(column.choices, self.table))
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemChanged.connect(self._cell_changed)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemSelectionChanged.connect(self.selection_changed)

        self.add_button = QPushButton(icon("add"), f"Add {noun}")
        self.add_button.setShortcut(QKeySequence("Ctrl+Shift+N"))
        self.remove_button = QPushButton(icon("delete"), "Remove")
        self.up_button = QPushButton("Move up")
        self.down_button = QPushButton("Move down")
        self.add_button.clicked.connect(self.add_row)
        self.remove_button.clicked.connect(self.remove_selected)
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button.clicked.connect(lambda: self.move_selected(+1))
        buttons = FlowRow(
            None, self.add_button, self.remove_button, self.up_button, self.down_button
        )

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self._update_buttons()

    # Loading -------------------------------------------------------------------------------
    def show_items(self, parent_id: int | None, records: list) -> None:
        selected = self.selected_id()
        self.parent_id = parent_id
        self.shown = {record.id: record for record in records}  # what each row showed
        self._loading = True
        self.table.setRowCount(len(records))
        for row, record in enumerate(records):
            for col, column in enumerate(self.columns):
                value = getattr(record, column.field)
                if column.is_date:
                    text = format_date(value)
                elif column.choices:
                    text = column.choices.get(value, value)
                else:
                    text = "" if value is None else str(value)
                item = QTableWidgetItem(text)
                item.setData(IdRole, record.id)
                if not column.editable:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(row, col, item)
        self._loading = False
        if selected is not None:
            self.select_id(selected)
        self._update_buttons()

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows:
            return None
        item = self.table.item(rows[0].row(), 0)
        return item.data(IdRole) if item else None

    def select_id(self, item_id: int) -> None:
        for row in range(self.table.rowCount()):
            if self.table.item(row, 0).data(IdRole) == item_id:
                self.table.selectRow(row)
                return

    def _update_buttons(self) -> None:
        writable = not self.editor.readonly and self.parent_id is not None
        row = self.table.currentRow() if self.selected_id() is not None else -1
        self.add_button.setEnabled(writable)
        self.remove_button.setEnabled(writable and row >= 0)
        self.up_button.setEnabled(writable and row > 0)
        self.down_button.setEnabled(writable and 0 <= row < self.table.rowCount() - 1)
        triggers = (
            self.table.editTriggers() if writable else QAbstractItemView.EditTrigger.NoEditTriggers
        )
        self.table.setEditTriggers(triggers)

    # Editing -------------------------------------------------------------------------------
    def _cell_changed(self, item: QTableWidgetItem) -> None:
        if self._loading:
            return
        column = self.columns[item.column()]
        text = item.text()
        try:
            if column.is_date:
                value = parse_date_text(text)
            elif column.choices:
                value = next((k for k, v in column.choices.items() if v == text), text)
            else:
                value = text
        except ValueError as exc:
            self.editor.failed.emit(str(exc))
            self.editor.changed.emit(self.kind)
            return
        values = {column.field: value}
        if self.complete_edit is not None:
            values = self.complete_edit(item.data(IdRole), values)
            if values is None:
                self.editor.changed.emit(self.kind)  # show the stored value again
                return
        item_id = item.data(IdRole)
        self.editor.edit(
            self.kind, item_id, values, f"Edit {self.noun}", shown=self.shown.get(item_id)
        )

    def add_row(self) -> None:
        if self.parent_id is None:
            return
        values = {k: (v() if callable(v) else v) for k, v in self.new_values.items()}
        item_id = self.editor.add_item(self.kind, self.parent_id, values, f"Add {self.noun}")
        if item_id is not None:
            self.select_id(item_id)
            row = self.table.currentRow()
            self.table.setFocus()
            self.table.editItem(self.table.item(row, 0))

    def remove_selected(self) -> None:
        item_id = self.selected_id()
        if item_id is not None:
            self.editor.remove_item(self.kind, item_id, f"Remove {self.noun}")

    def move_selected(self, step: int) -> None:
        item_id = self.selected_id()
        if item_id is None:
            return
        new_position = self.table.currentRow() + 1 + step
        self.editor.move_item(self.kind, item_id, new_position, f"Move {self.noun}")
        self.select_id(item_id)
