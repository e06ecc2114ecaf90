"""The merged chronology as a lazily loaded table: ids in order, rows fetched a page at a time.

Sorting and filtering happen in SQL (``query_entry_ids``); the model never builds 50,000 rows
of widgets or Python objects up front.
"""

from collections import OrderedDict

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont

from app.chronology.entries import EntryFilter, EntryRow, fetch_entries, query_entry_ids
from app.context import AppContext
from ui.theme import danger_colour, is_dark, muted_colour

PAGE_SIZE = 200
MAX_PAGES = 40  # pages kept in memory (8,000 rows); older ones are fetched again if needed
EntryIdRole = Qt.ItemDataRole.UserRole + 30
EntryRole = Qt.ItemDataRole.UserRole + 31

# (heading, sort key or None)
COLUMNS = [
    ("Date", "date"),
    ("Time", None),
    ("Agency", "agency"),
    ("Type", "type"),
    ("Event", None),
    ("Outcome", None),
    ("Practitioner", "practitioner"),
    ("Recorded", "recorded"),
]
DATE_COL, TIME_COL, AGENCY_COL, TYPE_COL, EVENT_COL, OUTCOME_COL, PRACT_COL, RECORDED_COL = range(8)


def one_line(text: str, limit: int = 240) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


class ChronologyModel(QAbstractTableModel):
    reloaded = Signal()

    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.review_id: int | None = None
        self.filter = EntryFilter()
        self.sort_key = "date"
        self.descending = False
        self.ids: list[int] = []
        self._pages: OrderedDict[int, list[EntryRow]] = OrderedDict()
        self._italic = QFont()
        self._italic.setItalic(True)

    # Loading -------------------------------------------------------------------------------
    def set_review(self, review_id: int | None) -> None:
        if review_id != self.review_id:
            self.filter = EntryFilter()
        self.review_id = review_id
        self.reload()

    def set_filter(self, flt: EntryFilter) -> None:
        self.filter = flt
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._pages.clear()
        self.ids = (
            query_entry_ids(self.ctx, self.review_id, self.filter, self.sort_key, self.descending)
            if self.review_id is not None
            else []
        )
        self.endResetModel()
        self.reloaded.emit()

    def refresh_rows(self) -> None:
        """Entries changed but the set did not: drop cached pages and repaint."""
        self._pages.clear()
        if self.ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.ids) - 1, len(COLUMNS) - 1))

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        key = COLUMNS[column][1] if 0 <= column < len(COLUMNS) else None
        descending = order == Qt.SortOrder.DescendingOrder
        if key is None or (key, descending) == (self.sort_key, self.descending):
            return  # the view asks twice when the sort indicator is set in code
        self.sort_key = key
        self.descending = descending
        # A reset, not a layout change: remapping 50,000 persistent indexes costs more than
        # the query. The tab restores the selection by entry id afterwards.
        self.reload()

    def entry_at(self, row: int) -> EntryRow | None:
        if not 0 <= row < len(self.ids):
            return None
        page = row // PAGE_SIZE
        rows = self._pages.get(page)
        if rows is None:
            start = page * PAGE_SIZE
            wanted = self.ids[start : start + PAGE_SIZE]
            fetched = {r.id: r for r in fetch_entries(self.ctx, wanted)}
            rows = [fetched.get(i) for i in wanted]
            self._pages[page] = rows
            if len(self._pages) > MAX_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page)
        return rows[row % PAGE_SIZE]

    def row_of(self, entry_id: int) -> int:
        try:
            return self.ids.index(entry_id)
        except ValueError:
            return -1

    # Qt model --------------------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.ids)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section][0]
        return str(section + 1)

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        entry = self.entry_at(index.row())
        if entry is None:
            return None
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(entry, col)
        if role == EntryIdRole:
            return entry.id
        if role == EntryRole:
            return entry
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(entry, col)
        if role == Qt.ItemDataRole.FontRole and col == DATE_COL and entry.precision != "day":
            return self._italic
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == DATE_COL and entry.flagged:
                return danger_colour()
            if col == RECORDED_COL:
                return muted_colour()
        if role == Qt.ItemDataRole.BackgroundRole and entry.flagged:
            return QColor(90, 40, 30) if is_dark() else QColor(253, 236, 234)
        return None

    def _text(self, entry: EntryRow, col: int) -> str:
        if col == DATE_COL:
            text = entry.shown_date
            return f"⚑ {text}" if entry.flagged else text
        if col == TIME_COL:
            return entry.time
        if col == AGENCY_COL:
            return entry.agency
        if col == TYPE_COL:
            return entry.type_label
        if col == EVENT_COL:
            return one_line(entry.event)
        if col == OUTCOME_COL:
            return one_line(entry.outcome)
        if col == PRACT_COL:
            return ", ".join(p for p in (entry.practitioner, entry.role) if p)
        if col == RECORDED_COL:
            return f"{entry.recorded:%d/%m/%Y}" if entry.recorded else entry.recorded_text
        return ""

    def _tooltip(self, entry: EntryRow, col: int) -> str | None:
        if col == DATE_COL and entry.flagged:
            return f"Flagged: {entry.flag_reason}"
        if col == DATE_COL and entry.precision != "day":
            return f"Date as written: {entry.date_text} ({entry.precision})"
        if col == DATE_COL and entry.date_text.strip() != entry.shown_date:
            return f"Date as the agency wrote it: {entry.date_text}"
        if col in (EVENT_COL, OUTCOME_COL):
            text = entry.event if col == EVENT_COL else entry.outcome
            return text if len(text) > 60 else None
        return None
