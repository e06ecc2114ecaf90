"""The coverage of the terms of reference: which key lines of enquiry the findings answer, as a
table of lines against findings with a summary of those not answered yet."""

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.findings import Coverage
from ui.theme import danger_colour

# The id of the finding a cell stands for; the findings list tags its rows with it too.
FindingIdRole = Qt.ItemDataRole.UserRole + 31
NOT_ANSWERED = "Not answered yet"


def _bold() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


class CoverageModel(QAbstractTableModel):
    """Key lines of enquiry (rows) against findings (columns), and whether each is answered."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.coverage = Coverage([], [], set())
        self._unanswered: set[int] = set()

    def set_coverage(self, coverage: Coverage) -> None:
        self.beginResetModel()
        self.coverage = coverage
        self._unanswered = {line[0] for line in coverage.unanswered}
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt naming
        return 0 if parent.isValid() else len(self.coverage.lines)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt naming
        return 0 if parent.isValid() else len(self.coverage.findings) + 2

    @property
    def last_column(self) -> int:
        return len(self.coverage.findings) + 1

    def finding_at(self, column: int) -> tuple[int, int, str] | None:
        if 1 <= column <= len(self.coverage.findings):
            return self.coverage.findings[column - 1]
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Vertical:
            if role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self.coverage.lines):
                return str(self.coverage.lines[section][1])
            return None
        finding = self.finding_at(section)
        if role == Qt.ItemDataRole.DisplayRole:
            if section == 0:
                return "Key line of enquiry"
            if section == self.last_column:
                return "Answered by"
            return str(finding[1]) if finding else None
        if role == Qt.ItemDataRole.ToolTipRole and finding:
            return f"Finding {finding[1]}: {finding[2]}"
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.coverage.lines):
            return None
        line_id, number, text = self.coverage.lines[index.row()]
        col = index.column()
        finding = self.finding_at(col)
        unanswered = line_id in self._unanswered
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return text
            if finding:
                return "✓" if (line_id, finding[0]) in self.coverage.answered else ""
            if col == self.last_column:
                return NOT_ANSWERED if unanswered else self._answered_by(line_id)
        if role == Qt.ItemDataRole.AccessibleTextRole and finding:
            answered = (line_id, finding[0]) in self.coverage.answered
            return (
                f"Finding {finding[1]} {'answers' if answered else 'does not answer'} line {number}"
            )
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == 0:
                return f"{number}. {text}"
            if finding:
                return f"Finding {finding[1]}: {finding[2]}\nClick to open the finding."
        if role == FindingIdRole and finding:
            return finding[0]
        if role == Qt.ItemDataRole.TextAlignmentRole and finding:
            return Qt.AlignmentFlag.AlignCenter
        if role == Qt.ItemDataRole.ForegroundRole and unanswered and col in (0, self.last_column):
            return danger_colour()
        if role == Qt.ItemDataRole.FontRole and (
            finding or (unanswered and col == self.last_column)
        ):
            return _bold()
        return None

    def _answered_by(self, line_id: int) -> str:
        numbers = [
            str(n)
            for fid, n, _t in self.coverage.findings
            if (line_id, fid) in self.coverage.answered
        ]
        return ("Finding " if len(numbers) == 1 else "Findings ") + ", ".join(numbers)


class CoveragePage(QWidget):
    finding_chosen = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.summary = QLabel()
        self.summary.setObjectName("coverage_summary")
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setWordWrap(True)
        self.view = QTableView()
        self.view.setObjectName("coverage_table")
        self.model = CoverageModel(self.view)
        self.view.setModel(self.model)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(True)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.verticalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self.view.clicked.connect(self._clicked)
        self.view.activated.connect(self._clicked)
        self.view.setAccessibleName("Coverage of the key lines of enquiry by the findings")
        note = QLabel(
            "Which key lines of enquiry the findings answer. Tick the lines a finding answers "
            "on the finding itself; click a ✓ column to open that finding."
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)

    def show_coverage(self, coverage: Coverage) -> None:
        self.model.set_coverage(coverage)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in range(1, self.model.columnCount()):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.summary.setText(coverage_summary(coverage))

    def _clicked(self, index: QModelIndex) -> None:
        finding_id = index.data(FindingIdRole)
        if finding_id is not None:
            self.finding_chosen.emit(finding_id)


def coverage_summary(coverage: Coverage) -> str:
    if not coverage.lines:
        return (
            "No key lines of enquiry yet: add them on the Terms of reference tab to see which "
            "findings answer them."
        )
    total, missing = len(coverage.lines), coverage.unanswered
    text = f"<b>{total}</b> key line{'s' if total != 1 else ''} of enquiry: "
    text += f"<b>{total - len(missing)}</b> answered"
    if missing:
        numbers = ", ".join(str(n) for _i, n, _t in missing)
        colour = danger_colour().name()
        text += (
            f" &nbsp;·&nbsp; <span style='color:{colour}'><b>{len(missing)} not answered yet</b>"
            f" (line{'s' if len(missing) != 1 else ''} {numbers})</span>"
        )
    return text
