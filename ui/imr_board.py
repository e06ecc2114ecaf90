"""Agencies and IMRs: the status board, with overdue IMRs obvious at a glance."""

from datetime import date

from PySide6.QtCore import QEvent, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QAction, QFont, QFontMetrics, QTextDocumentFragment
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.imrs import add_agency, allowed_statuses, remove_agency
from app.records import ImrSummary
from app.vocab import IMR_STATUSES, SECTORS
from app.wording import plural
from ui.editing import Editor
from ui.icons import icon
from ui.imr_panel import ImrPanel
from ui.item_table import format_date
from ui.table_model import RecordTableModel
from ui.table_tools import copy_rows
from ui.theme import danger_colour, status_colour, warning_icon
from ui.widgets import FormDialog, scrolling

COLUMNS = [
    "Agency",
    "IMR status",
    "Author",
    "Requested",
    "Due",
    "Received",
    "Accepted",
    "Questions",
]
AGENCY_COLUMN, STATUS_COLUMN, AUTHOR_COLUMN, REQUESTED_COLUMN, DUE_COLUMN = 0, 1, 2, 3, 4
ImrIdRole = Qt.ItemDataRole.UserRole + 20
SortRole = Qt.ItemDataRole.UserRole + 21
_STATUS_ORDER = {key: n for n, key in enumerate(IMR_STATUSES)}


def due_text(imr: ImrSummary) -> str:
    if imr.overdue:
        days = imr.days_overdue
        return f"{format_date(imr.date_due)}  ({plural(days, 'day')} late)"
    return format_date(imr.date_due)


class ImrBoardModel(RecordTableModel):
    columns = COLUMNS

    def __init__(self, parent=None):
        super().__init__(parent)
        self._bold = QFont()
        self._bold.setBold(True)

    def cell(self, imr: ImrSummary, col: int, role):
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(imr, col)
        if role == ImrIdRole:
            return imr.imr_id
        if role == SortRole:
            return self._sort_key(imr, col)
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == STATUS_COLUMN:
                return status_colour(imr.status)
            if col == DUE_COLUMN and imr.overdue:
                return danger_colour()
        if role == Qt.ItemDataRole.FontRole and (
            col == STATUS_COLUMN or (col == DUE_COLUMN and imr.overdue) or col == 0
        ):
            return self._bold
        if role == Qt.ItemDataRole.DecorationRole and col == DUE_COLUMN and imr.overdue:
            return warning_icon()
        if role == Qt.ItemDataRole.ToolTipRole:
            if imr.overdue:
                return f"The IMR was due on {imr.date_due:%d %B %Y} and has not been received."
            if col == AUTHOR_COLUMN and imr.author_name:
                if imr.author_role:
                    return f"{imr.author_name}, {imr.author_role}"
                return imr.author_name
            if col == AGENCY_COLUMN:
                return f"{imr.agency} ({imr.sector_label})"
            if col == len(COLUMNS) - 1 and imr.open_challenges:
                return "Questions from the panel still waiting for an answer"
        return None

    def _sort_key(self, imr: ImrSummary, col: int):
        """Dates as dates, statuses in workflow order, questions as numbers."""
        dates = {3: imr.date_requested, 4: imr.date_due, 5: imr.date_received, 6: imr.date_accepted}
        if col in dates:
            return dates[col].isoformat() if dates[col] else "9999"
        if col == STATUS_COLUMN:
            return _STATUS_ORDER.get(imr.status, len(_STATUS_ORDER))
        if col == len(COLUMNS) - 1:
            return imr.open_challenges
        return self._text(imr, col).casefold()

    def _text(self, imr: ImrSummary, col: int) -> str:
        return [
            imr.agency,
            imr.status_label,
            imr.author_name,
            format_date(imr.date_requested),
            due_text(imr),
            format_date(imr.date_received),
            format_date(imr.date_accepted),
            str(imr.open_challenges) if imr.open_challenges else "",
        ][col]


class AddAgencyDialog(FormDialog):
    def __init__(self, parent=None):
        super().__init__("Add agency", "Add agency", parent)
        self.name = QLineEdit()
        self.name.setPlaceholderText("e.g. Metropolitan Police Service")
        self.sector = QComboBox()
        for key, label in SECTORS.items():
            self.sector.addItem(label, key)
        self.form.addRow("Agency name", self.name)
        self.form.addRow("Sector", self.sector)
        self.finish_form()


class AgenciesTab(QWidget):
    """The board on the left, the selected IMR on the right."""

    imr_selected = Signal(int)

    def __init__(self, editor: Editor, parent=None):
        super().__init__(parent)
        self.editor = editor
        self.review_id: int | None = None
        self.summary = QLabel()
        self.summary.setObjectName("imr_summary")
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setAccessibleName("IMR summary")
        self.summary.setWordWrap(True)  # nine agencies and their states wrap on a projector

        self.view = QTableView()
        self.view.setObjectName("imr_board")
        self.model = ImrBoardModel(self.view)
        # Sortable by any column (as entered, to begin with); rows are found through the proxy.
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SortRole)
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # The board never scrolls sideways: the status, dates and questions are as wide as
        # their words, and the agency and the author share what is left (see _fit_columns),
        # ending in "…" when they must, with the whole name in the tooltip.
        header.setSectionResizeMode(AGENCY_COLUMN, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(AUTHOR_COLUMN, QHeaderView.ResizeMode.Fixed)
        header.setMinimumSectionSize(self.view.fontMetrics().horizontalAdvance("M") * 3)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.viewport().installEventFilter(self)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.view.selectionModel().currentRowChanged.connect(self._row_changed)
        self.view.setAccessibleName("IMR status board")

        self.add_button = QPushButton(icon("add"), "Add agency…")
        self.add_button.clicked.connect(self.add_agency)
        # A push button with a menu, like its neighbours: its arrow has a place of its own (a
        # tool button's arrow is drawn over the end of its text).
        self.status_button = QPushButton("Change IMR status")
        self.status_button.setObjectName("change_imr_status")
        self.status_menu = QMenu(self.status_button)
        self.status_menu.aboutToShow.connect(self._fill_status_menu)
        self.status_button.setMenu(self.status_menu)
        self.remove_button = QPushButton(icon("delete"), "Remove agency…")
        self.remove_button.clicked.connect(self.remove_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.status_button)
        buttons.addStretch(1)
        buttons.addWidget(self.remove_button)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.summary)
        left_layout.addWidget(self.view, 1)
        left_layout.addLayout(buttons)

        self.panel = ImrPanel(editor)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("agencies_splitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(scrolling(self.panel))
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self._sized_by_user = False
        self.splitter.splitterMoved.connect(self._user_sized)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self._update_buttons()

    # Loading -------------------------------------------------------------------------------
    def show_imrs(self, review_id: int, imrs: list[ImrSummary], today: date) -> None:
        current = self.selected_imr_id()
        self.review_id = review_id
        self.model.set_rows(imrs)
        self._size_agency_column()
        self.summary.setText(board_summary(imrs))
        self.summary.setAccessibleDescription(
            QTextDocumentFragment.fromHtml(self.summary.text()).toPlainText()
        )
        row = next((i for i, imr in enumerate(imrs) if imr.imr_id == current), 0 if imrs else -1)
        if row >= 0:
            self._select_source_row(row if current is not None else -1)
        self.panel.show_imr(self.selected_imr_id())
        self._update_buttons()
        self._fit_board()

    def _user_sized(self, *_args) -> None:
        self._sized_by_user = True

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._fit_board()

    def _fit_board(self) -> None:
        """The board as tall as its rows need (at most half the height): the rest is the
        selected IMR's, whose texts are what people read. A height the user dragged stays."""
        total = sum(self.splitter.sizes())
        if self._sized_by_user or total <= 0:
            return
        view = self.view
        rows = max(3, self.model.rowCount())
        wanted = (
            self.summary.sizeHint().height()
            + view.horizontalHeader().height()
            + rows * view.verticalHeader().defaultSectionSize()
            + 2 * view.frameWidth()
            + self.add_button.sizeHint().height()
            + 4 * self.splitter.handleWidth()
        )
        board = max(min(wanted, total // 2), total // 4)
        self.splitter.setSizes([board, total - board])

    def _size_agency_column(self) -> None:
        self._fit_columns()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if watched is self.view.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_columns()
        return super().eventFilter(watched, event)

    def _fit_columns(self) -> None:
        """The agency and the author share the width the other columns leave: each as wide
        as its longest name if there is room. Where there is not (a projector's 1024 pixels),
        the date requested (the same for every agency, as a rule, and in the IMR's own page
        below) gives up its place first; then the agency gives way, to 16 em, the author to 8 em."""
        metrics = self.view.fontMetrics()
        em = metrics.horizontalAdvance("M")
        header = self.view.horizontalHeader()
        bold = QFont(self.view.font())
        bold.setBold(True)
        agencies = [r.agency for r in self.model.rows]
        wanted_agency = max(
            max((QFontMetrics(bold).horizontalAdvance(a) for a in agencies), default=0) + 2 * em,
            header.sectionSizeHint(AGENCY_COLUMN),
        )
        authors = [r.author_name or "" for r in self.model.rows]
        wanted_author = max(
            max((metrics.horizontalAdvance(a) for a in authors), default=0) + 2 * em,
            header.sectionSizeHint(AUTHOR_COLUMN),
        )
        widths = {
            c: max(self.view.sizeHintForColumn(c), header.sectionSizeHint(c))
            for c in range(self.model.columnCount())
            if c not in (AGENCY_COLUMN, AUTHOR_COLUMN)
        }
        room = max(0, self.view.viewport().width() - sum(widths.values()))
        short = room < min(wanted_agency, 18 * em) + min(wanted_author, 14 * em)
        header.setSectionHidden(REQUESTED_COLUMN, short)
        if short:
            room += widths[REQUESTED_COLUMN]
        # An author's name is short and read whole; an agency's is long and known by its start.
        author = min(wanted_author, max(8 * em, room - 16 * em))
        agency = room - author  # any room to spare goes to the agency
        if agency < 8 * em:
            agency = max(4 * em, room // 2)
            author = max(4 * em, room - agency)
        header.resizeSection(AUTHOR_COLUMN, author)
        header.resizeSection(AGENCY_COLUMN, agency)

    def selected_imr_id(self) -> int | None:
        index = self.view.currentIndex()
        return index.data(ImrIdRole) if index.isValid() else None

    def selected_summary(self) -> ImrSummary | None:
        index = self.view.currentIndex()
        return self.model.rows[self.proxy.mapToSource(index).row()] if index.isValid() else None

    def _select_source_row(self, row: int) -> None:
        """Select a row of the model (-1: the first row shown)."""
        if row < 0:
            self.view.selectRow(0)
            return
        self.view.selectRow(self.proxy.mapFromSource(self.model.index(row, 0)).row())

    def select_agency(self, name: str) -> None:
        for row, imr in enumerate(self.model.rows):
            if imr.agency == name:
                self._select_source_row(row)
                return

    def _row_changed(self, *_args) -> None:
        self.panel.show_imr(self.selected_imr_id())
        self._update_buttons()

    def _update_buttons(self) -> None:
        writable = not self.editor.readonly and self.review_id is not None
        selected = self.selected_summary() is not None
        self.add_button.setEnabled(writable)
        self.remove_button.setEnabled(writable and selected)
        self.status_button.setEnabled(writable and selected)

    # Actions -------------------------------------------------------------------------------
    def status_actions(self, menu: QMenu) -> None:
        imr = self.selected_summary()
        if imr is None:
            return
        for status in allowed_statuses(imr.status):
            action = QAction(f"Mark as {IMR_STATUSES[status].lower()}", menu)
            action.setObjectName(f"status_{status}")
            action.triggered.connect(lambda _c=False, s=status: self.change_status(s))
            menu.addAction(action)

    def _fill_status_menu(self) -> None:
        self.status_menu.clear()
        self.status_actions(self.status_menu)

    def _context_menu(self, pos) -> None:
        if self.selected_summary() is None:
            return
        menu = QMenu(self)
        if not self.editor.readonly:
            self.status_actions(menu)
            menu.addSeparator()
        menu.addAction(icon("copy"), "Copy", lambda: copy_rows(self.view))
        menu.exec(self.view.viewport().mapToGlobal(pos))

    def change_status(self, status: str) -> None:
        imr = self.selected_summary()
        if imr is None:
            return
        self.editor.set_imr_status(
            imr.imr_id,
            status,
            f"Mark {imr.agency} IMR as {IMR_STATUSES[status].lower()}",
            shown=imr,
        )

    def add_agency(self) -> None:
        if self.review_id is None:
            return
        dialog = AddAgencyDialog(self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        name = dialog.name.text()
        if self.editor.run(
            add_agency, self.review_id, name, dialog.sector.currentData(), kind="agency"
        ):
            self.select_agency(name.strip())

    def remove_selected(self) -> None:
        imr = self.selected_summary()
        if imr is None:
            return
        answer = QMessageBox.warning(
            self,
            "Remove agency",
            f"Remove {imr.agency} from this review, with its IMR, the panel's questions, its "
            f"recommendations and its attached documents?\n\nThis cannot be undone.",
            QMessageBox.StandardButton.Cancel | QMessageBox.StandardButton.Discard,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Discard:
            self.editor.run(remove_agency, imr.agency_id, kind="agency")


def board_summary(imrs: list[ImrSummary]) -> str:
    if not imrs:
        return "No agencies yet. Add the agencies involved to track their IMRs."
    counts: dict[str, int] = {}
    for imr in imrs:
        counts[imr.status] = counts.get(imr.status, 0) + 1
    parts = [f"<b>{len(imrs)}</b> agenc{'y' if len(imrs) == 1 else 'ies'}"]
    for status, label in IMR_STATUSES.items():
        if counts.get(status):
            colour = status_colour(status).name()
            parts.append(
                f"<span style='color:{colour}'><b>{counts[status]}</b> {label.lower()}</span>"
            )
    overdue = sum(1 for imr in imrs if imr.overdue)
    if overdue:
        parts.append(
            f"<span style='color:{danger_colour().name()}'><b>{overdue} overdue</b></span>"
        )
    return " &nbsp;·&nbsp; ".join(parts)
