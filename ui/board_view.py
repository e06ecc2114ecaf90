"""The board's view: every action of every review's action plan, with what is overdue."""

from datetime import date
from pathlib import Path

from PySide6.QtCore import QSize, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
)

from app.actions import ActionRecord, list_actions
from app.errors import UserError
from app.reviews import list_reviews
from app.vocab import ACTION_CLOSED
from app.wording import plural
from db.store import StoreError
from ui.editing import Editor
from ui.files import suggested_path
from ui.flow_rows import FlowRow
from ui.item_table import format_date
from ui.recommendations_tab import ACTION_LOOK
from ui.screen import fit_to_screen
from ui.table_model import RecordTableModel, set_up_record_view
from ui.table_tools import polish_tables
from ui.tasks import run_task
from ui.theme import danger_colour, muted_colour, status_colour
from ui.widgets import label_for

SortRole = Qt.ItemDataRole.UserRole + 50
ActionIdRole = Qt.ItemDataRole.UserRole + 51
COLUMNS = ["Review", "Rec.", "Lead agency", "Action", "Lead officer", "Target", "Status", "Overdue"]
ACTION_COL, TARGET_COL, STATUS_COL, OVERDUE_COL = 3, 5, 6, 7


class ActionPlanModel(RecordTableModel):
    columns = COLUMNS

    def __init__(self, parent=None):
        super().__init__(parent)
        self._bold = QFont()
        self._bold.setBold(True)

    def cell(self, action: ActionRecord, col: int, role):
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(action, col)
        if role == SortRole:
            return self._sort_key(action, col)
        if role == ActionIdRole:
            return action.id
        if role == Qt.ItemDataRole.ForegroundRole:
            if action.overdue and col in (STATUS_COL, OVERDUE_COL):
                return danger_colour()
            if col == STATUS_COL:
                return status_colour(ACTION_LOOK.get(action.status, ""))
            if col == 2 and not action.lead_agency:
                return muted_colour()
        if role == Qt.ItemDataRole.FontRole and (
            col == STATUS_COL or (col == OVERDUE_COL and action.overdue)
        ):
            return self._bold
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == ACTION_COL:
                return action.action
            if col in (2, 4):
                return self._text(action, col)
            if action.overdue and col in (STATUS_COL, OVERDUE_COL):
                return (
                    f"Target {action.target_date:%d %B %Y}; not complete. Overdue follows from "
                    "the target date."
                )
        return None

    @staticmethod
    def _text(action: ActionRecord, col: int) -> str:
        days = action.days_overdue
        return [
            action.review_reference,
            action.recommendation_number,
            action.lead_agency or "Not named",
            " ".join(action.action.split()),
            action.lead_officer,
            format_date(action.target_date),
            action.status_label,
            f"{plural(days, 'day')}" if days else "",
        ][col]

    @staticmethod
    def _sort_key(action: ActionRecord, col: int):
        number = action.recommendation_number
        # Multi-agency recommendations ("3") before single-agency ones ("IMR 12"), by number.
        rec = (number.startswith("IMR"), int("".join(c for c in number if c.isdigit()) or 0))
        if col == 0:
            return (action.review_reference.casefold(), rec, action.position)
        if col == 1:
            return (rec, action.review_reference.casefold(), action.position)
        if col == TARGET_COL:
            return action.target_date or date.max
        if col == OVERDUE_COL:
            return action.days_overdue
        return ActionPlanModel._text(action, col).casefold()


class _RoomyRows(QStyledItemDelegate):
    """A row of wrapped lines keeps a few pixels above and below them, off the grid."""

    def sizeHint(self, option, index):  # noqa: N802 - Qt naming
        hint = super().sizeHint(option, index)
        return QSize(hint.width(), hint.height() + ROW_PADDING)


ROW_PADDING = 8


class _SortProxy(QSortFilterProxyModel):
    def lessThan(self, left, right) -> bool:  # noqa: N802 - Qt naming
        a, b = left.data(SortRole), right.data(SortRole)
        try:
            return a < b
        except TypeError:
            return str(a) < str(b)


class ActionPlanWindow(QDialog):
    """Not modal: it stays open beside the main window and follows its changes."""

    open_action = Signal(int, int, int)  # review id, recommendation id, action id

    def __init__(self, editor: Editor, parent=None):
        super().__init__(parent)
        self.editor = editor
        self.setWindowTitle("Action plan across all reviews")
        self.setObjectName("action_plan_window")
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.setModal(False)

        self.review = QComboBox()
        self.review.setObjectName("plan_review")
        self.agency = QComboBox()
        self.agency.setObjectName("plan_agency")
        self.open_only = QCheckBox("Open only")
        self.open_only.setObjectName("plan_open_only")
        self.open_only.setChecked(True)
        self.overdue_only = QCheckBox("Overdue only")
        self.overdue_only.setObjectName("plan_overdue_only")
        for combo, length in ((self.review, 34), (self.agency, 26)):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(length)
            combo.activated.connect(lambda _i: self.reload())
        for box in (self.open_only, self.overdue_only):
            box.toggled.connect(lambda _c: self.reload())
        self.review.setAccessibleName("Review")
        self.agency.setAccessibleName("Lead agency")
        # On one line where there is room; on a projector at a large font, on two.
        filters = FlowRow()
        filters.setSpacing(16)
        for text, combo in (("&Review", self.review), ("Lead &agency", self.agency)):
            filters.addWidget(FlowRow.pair(label_for(text, combo), combo))
        filters.addWidget(self.open_only)
        filters.addWidget(self.overdue_only)

        self.summary = QLabel()
        self.summary.setObjectName("plan_summary")
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setWordWrap(True)

        self.view = QTableView()
        self.view.setObjectName("plan_table")
        self.model = ActionPlanModel(self.view)
        self.proxy = _SortProxy(self)
        self.proxy.setSourceModel(self.model)
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        set_up_record_view(self.view, ACTION_COL, {2: 20, 4: 15})
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # The action is what the board reads: on as many lines as it needs, never cut (the
        # lead agency and officer wrap too); each row as tall as its cells, at every width.
        self.view.setWordWrap(True)
        self.view.setItemDelegate(_RoomyRows(self.view))
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.doubleClicked.connect(self._opened)
        for key in ("Return", "Enter"):  # the keyboard's double-click
            shortcut = QShortcut(QKeySequence(key), self.view)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(lambda: self._opened(self.view.currentIndex()))
        self.view.setAccessibleName("Actions across all reviews")

        self.export_button = QPushButton("Export…")
        self.export_button.setToolTip("Write the tracker as a spreadsheet to send to agencies")
        self.export_button.clicked.connect(self.choose_export)
        close = QPushButton("Close")
        close.clicked.connect(self.close)
        hint = QLabel("Double-click an action, or press Enter on it, to open it in its review.")
        palette = hint.palette()
        palette.setColor(hint.foregroundRole(), muted_colour())
        hint.setPalette(palette)
        buttons = QHBoxLayout()
        buttons.addWidget(hint)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        polish_tables(self)
        editor.changed.connect(self._store_changed)
        self.reload_options()
        self.reload()
        # Sized once filled: the lead agencies' names set its minimum width.
        fit_to_screen(self, QSize(1180, 640))

    # Loading -------------------------------------------------------------------------------
    def reload_options(self) -> None:
        """The reviews and agencies to filter by, from what the store holds now."""
        ctx = self.editor.ctx
        try:
            reviews = list_reviews(ctx)
            agencies = {a.lead_agency.strip() for a in list_actions(ctx) if a.lead_agency.strip()}
        except (UserError, StoreError) as exc:
            self.editor.failed.emit(str(exc))
            return
        _fill(
            self.review,
            "All reviews",
            [
                (r.id, f"{r.reference}: {r.title}")
                for r in sorted(reviews, key=lambda r: r.reference)
            ],
        )
        by_name = {a.casefold(): a for a in sorted(agencies)}
        _fill(self.agency, "All agencies", [(a, a) for a in by_name.values()])

    def reload(self) -> None:
        try:
            actions = list_actions(
                self.editor.ctx,
                review_id=self.review.currentData(),
                agency=self.agency.currentData(),
                open_only=self.open_only.isChecked(),
                overdue_only=self.overdue_only.isChecked(),
            )
        except (UserError, StoreError) as exc:
            self.editor.failed.emit(str(exc))
            return
        self.model.set_rows(actions)
        self.summary.setText(plan_summary(actions))

    def _store_changed(self, _kind: str) -> None:
        if self.isVisible():
            self.reload_options()
            self.reload()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt naming
        self.reload_options()
        self.reload()
        super().showEvent(event)

    def _opened(self, index) -> None:
        if not index.isValid():
            return
        row = self.proxy.mapToSource(index).row()
        if 0 <= row < len(self.model.rows):
            action = self.model.rows[row]
            self.open_action.emit(action.review_id, action.recommendation_id, action.id)

    # Export --------------------------------------------------------------------------------
    def choose_export(self) -> None:
        from app.action_tracker import export_tracker

        path, _ = QFileDialog.getSaveFileName(
            self,
            "Export the action tracker",
            suggested_path(None, "action tracker", ".xlsx"),
            "Excel workbook (*.xlsx)",
        )
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() != ".xlsx":
            target = target.with_suffix(".xlsx")
        ctx, review_id = self.editor.ctx, self.review.currentData()
        run_task(
            self,
            f"Exporting the action tracker to {target.name}…",
            lambda _progress: export_tracker(ctx, target, review_id=review_id),
            lambda count: QMessageBox.information(
                self,
                "Export the action tracker",
                f"Exported {plural(count, 'action')} to {target}."
                if isinstance(count, int)
                else f"The action tracker was saved to {target}.",
            ),
            lambda message: QMessageBox.warning(self, "Export the action tracker", message),
        )


def plan_summary(actions: list[ActionRecord]) -> str:
    """'N open actions, M overdue', then 'By lead agency: Police 3 (1 overdue), …', over the
    actions shown."""
    open_actions = [a for a in actions if a.status not in ACTION_CLOSED]
    overdue = sum(1 for a in open_actions if a.overdue)
    danger = danger_colour().name()
    n = len(open_actions)
    text = f"<b>{n}</b> open action{'s' if n != 1 else ''}, "
    text += (
        f"<span style='color:{danger}'><b>{overdue} overdue</b></span>" if overdue else "0 overdue"
    )
    by_agency: dict[str, list[ActionRecord]] = {}
    for action in open_actions:
        by_agency.setdefault(action.lead_agency.strip() or "No lead agency", []).append(action)
    if by_agency:
        parts = []
        for agency, items in sorted(by_agency.items(), key=lambda kv: (-len(kv[1]), kv[0])):
            late = sum(1 for a in items if a.overdue)
            part = f"{agency} {len(items)}"
            if late:
                part += f" <span style='color:{danger}'>({late} overdue)</span>"
            parts.append(part)
        text += "<br>By lead agency: " + ", ".join(parts)
    closed = len(actions) - n
    if closed:
        text += f" &nbsp;·&nbsp; {closed} closed shown"
    return text


def _fill(combo: QComboBox, all_label: str, items: list[tuple]) -> None:
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(all_label, None)
    for key, label in items:
        combo.addItem(label, key)
    index = combo.findData(current)
    combo.setCurrentIndex(index if index >= 0 else 0)
    combo.blockSignals(False)
