"""The release check shown to the author: what blocks publication, where, and a way to waive
a finding with a reason (recorded in the audit trail)."""

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from app.publishing.release_check import CheckResult, check_publication, waive
from app.wording import plural
from ui.editing import Editor
from ui.theme import danger_colour, muted_colour, scaled_font

COLUMNS = ("Where", "What", "Found", "Why / what happens", "State")


class ReleaseCheckDialog(QDialog):
    go_to = Signal(str)  # a section's heading: the author wants to fix what was found there

    def __init__(self, editor: Editor, review_id: int, kind: str, result: CheckResult, parent=None):
        super().__init__(parent)
        self.editor, self.review_id, self.kind = editor, review_id, kind
        self.setWindowTitle("Release check")
        self.summary = QLabel()
        self.summary.setObjectName("release_summary")
        self.summary.setFont(scaled_font(self.font(), 1.15, bold=True))
        self.summary.setWordWrap(True)
        explain = QLabel(
            "Fix each finding in the text (double-click it to go to its section) or the people "
            "register, or waive it with a reason. A waived name still prints as its descriptor; "
            "the reason is kept in the audit trail."
        )
        explain.setWordWrap(True)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("release_hits")
        self.table.setAccessibleName("Release check findings")
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)
        self.table.cellDoubleClicked.connect(self._go_to)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((250, 230, 170, 300)):
            self.table.setColumnWidth(column, width)
        self.waive_button = QPushButton("Waive with a reason…")
        self.waive_button.setObjectName("waive_hit")
        self.waive_button.clicked.connect(self.waive_selected)
        self.waive_button.setEnabled(not editor.readonly)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.waive_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(explain)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(1180, 560)
        self.show_result(result)

    def show_result(self, result: CheckResult) -> None:
        self.result = result
        blocking = len(result.blocking)
        if blocking:
            self.summary.setText(
                f"{plural(blocking, 'thing')} must be fixed or waived before "
                "this document can be made final."
            )
        else:
            self.summary.setText("Clear: nothing blocks publication.")
        palette = self.summary.palette()
        colour = danger_colour() if blocking else self.palette().text().color()
        palette.setColor(self.summary.foregroundRole(), colour)
        self.summary.setPalette(palette)
        self.table.setRowCount(len(result.hits))
        for row, hit in enumerate(result.hits):
            state = f"Waived: {hit.waived}" if hit.waived else "Blocks"
            values = (hit.where, hit.label, hit.text, hit.detail, state)
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if hit.waived:
                    item.setForeground(QColor(muted_colour()))
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()

    def _go_to(self, row: int, _column: int) -> None:
        if 0 <= row < len(self.result.hits) and self.result.hits[row].section:
            self.go_to.emit(self.result.hits[row].section)
            self.accept()

    def waive_selected(self) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.result.hits):
            return
        hit = self.result.hits[row]
        reason, ok = QInputDialog.getText(
            self, "Waive", f"Why can this be published as it is?\n{hit.where}: {hit.label}"
        )
        if ok and self.editor.run(waive, self.review_id, self.kind, hit.id, reason) is not None:
            self.show_result(check_publication(self.editor.ctx, self.review_id, self.kind))
