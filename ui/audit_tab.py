"""The review's audit trail: who changed what, when, from what to what."""

from datetime import UTC

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.audit_log import field_label
from app.records import AuditRecord
from ui.table_model import RecordTableModel
from ui.widgets import plural

COLUMNS = ["When", "Who", "What", "Change"]
SortRole = Qt.ItemDataRole.UserRole + 60
_ACTIONS = {"create": "Added", "delete": "Removed"}
_EVENTS = {"export": "File written", "waive": "Waived, because"}  # from app.publishing


def _short(value: str | None, limit: int = 80) -> str:
    if value is None or value == "":
        return "(empty)"
    value = " ".join(value.split())
    return value if len(value) <= limit else value[: limit - 1] + "…"


def describe_change(record: AuditRecord) -> str:
    if record.action in _ACTIONS:
        return _ACTIONS[record.action]
    if record.action in _EVENTS:
        return f"{_EVENTS[record.action]}: {_short(record.new_value, 120)}"
    label = field_label(record.entity, record.field)
    return f"{label}: {_short(record.old_value)} → {_short(record.new_value)}"


class AuditModel(RecordTableModel):
    columns = COLUMNS

    def cell(self, record: AuditRecord, column: int, role):
        if role == Qt.ItemDataRole.DisplayRole:
            local = record.at.replace(tzinfo=UTC).astimezone()
            return [
                local.strftime("%d/%m/%Y %H:%M"),
                record.actor,
                record.label,
                describe_change(record),
            ][column]
        if role == SortRole:
            if column == 0:
                return record.at.isoformat()
            return self.cell(record, column, Qt.ItemDataRole.DisplayRole).casefold()
        if role == Qt.ItemDataRole.ToolTipRole and column == 3 and record.action == "update":
            before, after = record.old_value or "(empty)", record.new_value or "(empty)"
            return f"Before:\n{before}\n\nAfter:\n{after}"
        return None


class AuditTab(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.view = QTableView()
        self.view.setObjectName("audit_table")
        self.view.setAccessibleName("Audit trail")
        self.model = AuditModel(self.view)
        # Sorted by any column (newest first to start with) and filtered by what is typed.
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SortRole)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.filter = QLineEdit()
        self.filter.setObjectName("audit_filter")
        self.filter.setAccessibleName("Filter the audit trail")
        self.filter.setPlaceholderText("Filter: a name, a field, a word that changed")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._filter)
        self.count = QLabel()
        self.count.setObjectName("audit_count")
        self.view.verticalHeader().hide()
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(False)  # one line a change; the tooltip holds the full text
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        note = QLabel("Every change to this review, newest first. The trail cannot be edited.")
        note.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.filter, 1)
        top.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)

    def show_records(self, records: list[AuditRecord]) -> None:
        self.model.set_rows(records)
        self._count()

    def _filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        self._count()

    def _count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count.setText(
            f"{shown:,} of {plural(total, 'change')}" if shown != total else plural(total, "change")
        )
