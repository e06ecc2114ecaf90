"""The Recommendations tab: the review's recommendations in a table, and the selected one with
its action plan below."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.actions import RecommendationRecord, list_recommendations
from app.findings import FindingRecord
from app.items import remove_item
from app.records import ReviewDetail
from app.vocab import ADDRESSEES
from ui.action_plan_page import (
    ACTION_COLUMNS,
    ACTION_LOOK,
    OVERDUE_COL,
    STATUS_ACTION_COL,
    ActionPlanPage,
    one_line,
    overdue_text,
)
from ui.editing import Editor
from ui.flow_rows import FlowRow
from ui.icons import icon
from ui.recommendation_editor import NEEDS_REASON, RecommendationPanel
from ui.table_model import RecordTableModel, set_up_record_view
from ui.theme import danger_colour, muted_colour, status_colour, warning_icon
from ui.widgets import scrolling

# Names other modules and the tests import from here.
__all__ = [
    "ACTION_COLUMNS",
    "ACTION_LOOK",
    "NEEDS_REASON",
    "OVERDUE_COL",
    "STATUS_ACTION_COL",
    "ActionPlanPage",
    "RecommendationPanel",
    "RecommendationsTab",
    "overdue_text",
    "recommendations_summary",
]

RecIdRole = Qt.ItemDataRole.UserRole + 40
NUMBER_COL, TEXT_COL, FROM_COL, ADDRESSEE_COL, RESPONSE_COL, ACTIONS_COL, CHECKS_COL = range(7)

# Board responses in the colours of the IMR board.
RESPONSE_LOOK = {
    "": "not_requested",
    "accepted": "accepted",
    "accepted_in_part": "under_challenge",
}


def response_colour(response: str):
    return danger_colour() if response == "not_accepted" else status_colour(RESPONSE_LOOK[response])


class RecommendationListModel(RecordTableModel):
    columns = [
        "No.",
        "Recommendation",
        "From",
        "Addressed to",
        "Board response",
        "Actions",
        "Checks",
    ]

    def __init__(self, parent=None):
        super().__init__(parent)
        self._bold = QFont()
        self._bold.setBold(True)

    def cell(self, rec: RecommendationRecord, col: int, role):
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(rec, col)
        if role == RecIdRole:
            return rec.id
        overdue = sum(1 for a in rec.actions if a.overdue)
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == RESPONSE_COL:
                return response_colour(rec.board_response)
            if col == ACTIONS_COL and overdue:
                return danger_colour()
            if col == ADDRESSEE_COL and not rec.addressee:
                return muted_colour()
            if col == CHECKS_COL and rec.warnings:
                return status_colour("under_challenge")
        if role == Qt.ItemDataRole.FontRole and (
            col in (NUMBER_COL, RESPONSE_COL) or (col == ACTIONS_COL and overdue)
        ):
            return self._bold
        if role == Qt.ItemDataRole.DecorationRole and col == CHECKS_COL and rec.warnings:
            return warning_icon()
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == TEXT_COL:
                return rec.text
            if col == FROM_COL and rec.agency:
                return f"From the IMR of {rec.agency}"
            if col == ADDRESSEE_COL:
                return rec.addressee
            if col == RESPONSE_COL:
                return rec.response_label
            if col == CHECKS_COL and rec.warnings:
                return "\n".join(f"• {w}" for w in rec.warnings)
            if col == ACTIONS_COL and overdue:
                return f"{overdue} action{'s are' if overdue != 1 else ' is'} past the target date."
        return None

    def _text(self, rec: RecommendationRecord, col: int) -> str:
        overdue = sum(1 for a in rec.actions if a.overdue)
        if col == NUMBER_COL:
            return rec.number
        if col == TEXT_COL:
            return one_line(rec.text)
        if col == FROM_COL:
            return rec.agency if rec.level == "single_agency" else "Multi-agency"
        if col == ADDRESSEE_COL:
            return rec.addressee or "Not named yet"
        if col == RESPONSE_COL:
            return rec.response_label if rec.board_response else "Awaiting"
        if col == ACTIONS_COL:
            count = str(len(rec.actions)) if rec.actions else "None"
            return f"{count} · {overdue} overdue" if overdue else count
        n = len(rec.warnings)
        return f"{n} to check" if n else ""


class RecommendationsTab(QWidget):
    """The recommendations on top; the selected one, with its action plan, below."""

    def __init__(self, editor: Editor, parent=None):
        super().__init__(parent)
        self.editor = editor
        self.review_id: int | None = None
        self.recs: list[RecommendationRecord] = []
        self.summary = QLabel()
        self.summary.setObjectName("recommendations_summary")
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setWordWrap(True)  # never wider than the window, at any font

        self.view = QTableView()
        self.view.setObjectName("recommendations_table")
        self.model = RecommendationListModel(self.view)
        self.view.setModel(self.model)
        # Agency names can be long: they get a fair share, elided, and the text keeps the rest.
        set_up_record_view(self.view, TEXT_COL, {FROM_COL: 15, ADDRESSEE_COL: 17})
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._row_changed())
        self.view.setAccessibleName("Recommendations")

        self.add_button = QPushButton(icon("add"), "Add multi-agency recommendation")
        self.add_button.clicked.connect(self.add_recommendation)
        self.up_button = QPushButton("Move up")
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button = QPushButton("Move down")
        self.down_button.clicked.connect(lambda: self.move_selected(+1))
        self.remove_button = QPushButton(icon("delete"), "Remove…")
        self.remove_button.clicked.connect(self.remove_selected)
        note = QLabel("Single-agency recommendations are added on each agency's IMR.")
        palette = note.palette()
        palette.setColor(note.foregroundRole(), muted_colour())
        note.setPalette(palette)
        note.setWordWrap(True)
        buttons = FlowRow(
            None, self.add_button, self.up_button, self.down_button, self.remove_button
        )
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.summary)
        top_layout.addWidget(self.view, 1)
        top_layout.addLayout(buttons)
        top_layout.addWidget(note)

        self.panel = RecommendationPanel(editor)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("recommendations_splitter")
        self.splitter.addWidget(top)
        self.splitter.addWidget(scrolling(self.panel))
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([250, 450])
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)
        self.findings: list[FindingRecord] = []
        self.addressees: list[str] = list(ADDRESSEES)
        self._update_buttons()

    # Loading -------------------------------------------------------------------------------
    def show_review(self, review: ReviewDetail, findings: list[FindingRecord]) -> None:
        current = self.selected_id() if review.id == self.review_id else None
        self.review_id = review.id
        self.findings = findings
        agencies = [imr.agency for imr in review.imrs if imr.agency not in ADDRESSEES]
        self.addressees = [*ADDRESSEES, *agencies]
        self.recs = list_recommendations(self.editor.ctx, review.id)
        self.model.set_rows(self.recs)
        row = next((i for i, r in enumerate(self.recs) if r.id == current), 0 if self.recs else -1)
        if row >= 0:
            self.view.selectRow(row)
        self._row_changed()
        self.summary.setText(recommendations_summary(self.recs))

    def selected_id(self) -> int | None:
        index = self.view.currentIndex()
        return index.siblingAtColumn(0).data(RecIdRole) if index.isValid() else None

    def selected(self) -> RecommendationRecord | None:
        chosen = self.selected_id()
        return next((r for r in self.recs if r.id == chosen), None)

    def select_recommendation(self, rec_id: int) -> bool:
        row = next((i for i, r in enumerate(self.recs) if r.id == rec_id), -1)
        if row >= 0:
            self.view.selectRow(row)
        return row >= 0

    def show_action(self, rec_id: int, action_id: int | None = None) -> None:
        if self.select_recommendation(rec_id):
            self.panel.pages.setCurrentIndex(1)
            if action_id is not None:
                self.panel.action_table.select_id(action_id)

    def _row_changed(self) -> None:
        self.panel.show_recommendation(self.selected(), self.findings, self.addressees)
        self._update_buttons()

    def _siblings(self, rec: RecommendationRecord) -> list[RecommendationRecord]:
        """The recommendations it is ordered among: the multi-agency ones, or its IMR's."""
        return [r for r in self.recs if r.level == rec.level and r.agency == rec.agency]

    def _update_buttons(self) -> None:
        writable = not self.editor.readonly and self.review_id is not None
        rec = self.selected()
        self.add_button.setEnabled(writable)
        self.remove_button.setEnabled(writable and rec is not None)
        siblings = self._siblings(rec) if rec else []
        index = siblings.index(rec) if rec else -1
        movable = writable and rec is not None and not rec.frozen
        self.up_button.setEnabled(movable and index > 0)
        self.down_button.setEnabled(movable and 0 <= index < len(siblings) - 1)
        tip = "Numbers are fixed: the report has been made final." if rec and rec.frozen else ""
        for button in (self.up_button, self.down_button):
            button.setToolTip(tip)

    # Actions -------------------------------------------------------------------------------
    def add_recommendation(self) -> None:
        if self.review_id is None:
            return
        rec_id = self.editor.add_item(
            "review_recommendation",
            self.review_id,
            {"text": "New recommendation"},
            "Add recommendation",
        )
        if rec_id is not None:
            self.select_recommendation(rec_id)
            self.panel.pages.setCurrentIndex(0)
            self.panel.text.setFocus()
            self.panel.text.selectAll()

    @staticmethod
    def _item_kind(rec: RecommendationRecord) -> str:
        return "review_recommendation" if rec.level == "multi_agency" else "recommendation"

    def remove_selected(self) -> None:
        rec = self.selected()
        if rec is None:
            return
        answer = QMessageBox.question(
            self,
            "Remove recommendation",
            f"Remove recommendation {rec.number} with its {len(rec.actions)} action(s) and "
            "their progress updates?\n\nThis cannot be undone.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.editor.run(remove_item, self._item_kind(rec), rec.id, kind="recommendation")

    def move_selected(self, step: int) -> None:
        rec = self.selected()
        if rec is None:
            return
        position = self._siblings(rec).index(rec) + 1
        self.editor.move_item(
            self._item_kind(rec), rec.id, position + step, f"Move recommendation {rec.number}"
        )
        self.select_recommendation(rec.id)


def recommendations_summary(recs: list[RecommendationRecord]) -> str:
    if not recs:
        return "No recommendations yet."
    multi = sum(1 for r in recs if r.level == "multi_agency")
    parts = [f"<b>{multi}</b> multi-agency", f"<b>{len(recs) - multi}</b> single-agency"]
    actions = [a for r in recs for a in r.actions]
    parts.append(f"<b>{len(actions)}</b> action{'s' if len(actions) != 1 else ''}")
    overdue = sum(1 for a in actions if a.overdue)
    if overdue:
        parts.append(
            f"<span style='color:{danger_colour().name()}'><b>{overdue} overdue</b></span>"
        )
    to_check = sum(1 for r in recs if r.warnings)
    if to_check:
        colour = status_colour("under_challenge").name()
        parts.append(
            f"<span style='color:{colour}'><b>{to_check}</b> with something to check</span>"
        )
    return " &nbsp;·&nbsp; ".join(parts)
