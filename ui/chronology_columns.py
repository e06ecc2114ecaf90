"""The chronology table's columns: the event takes the free width; narrow windows drop the
columns that matter least (the reader can put any back from the header's menu)."""

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHeaderView, QTableView

from ui.chronology_model import (
    AGENCY_COL,
    COLUMNS,
    DATE_COL,
    EVENT_COL,
    OUTCOME_COL,
    PRACT_COL,
    RECORDED_COL,
    TIME_COL,
    TYPE_COL,
)

# Width in ems of the columns that do not stretch.
WIDTHS = {
    DATE_COL: 8,
    TIME_COL: 4,
    AGENCY_COL: 10,
    TYPE_COL: 9,
    OUTCOME_COL: 16,
    PRACT_COL: 11,
    RECORDED_COL: 7,
}
# Shown only when the table is at least this many ems wide (unless the reader chose).
SHOWN_FROM = {TIME_COL: 125, RECORDED_COL: 135, OUTCOME_COL: 85, PRACT_COL: 68}


class ChronologyColumns(QObject):
    def __init__(self, view: QTableView):
        super().__init__(view)
        self.view = view
        self.chosen: dict[int, bool] = {}  # columns the reader showed or hid
        header = view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setHighlightSections(False)
        self.em = view.fontMetrics().horizontalAdvance("M")
        for column, ems in WIDTHS.items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, self.em * ems)
        header.setSectionResizeMode(EVENT_COL, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(self.em * 3)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.toggles: dict[int, QAction] = {}
        for column in SHOWN_FROM:
            action = QAction(f"Show {COLUMNS[column][0].lower()}", header)
            action.setCheckable(True)
            action.toggled.connect(lambda on, c=column: self._chosen(c, on))
            header.addAction(action)
            self.toggles[column] = action
        view.installEventFilter(self)
        self.fit()

    def _chosen(self, column: int, shown: bool) -> None:
        if self.view.horizontalHeader().isSectionHidden(column) == (not shown):
            return
        self.chosen[column] = shown
        self.fit()

    def fit(self) -> None:
        width_in_ems = self.view.viewport().width() / max(1, self.em)
        header = self.view.horizontalHeader()
        for column, needed in SHOWN_FROM.items():
            shown = self.chosen.get(column, width_in_ems >= needed)
            header.setSectionHidden(column, not shown)
            action = self.toggles[column]
            action.blockSignals(True)
            action.setChecked(shown)
            action.blockSignals(False)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt naming
        if obj is self.view and event.type() == QEvent.Type.Resize:
            self.fit()
        return False
