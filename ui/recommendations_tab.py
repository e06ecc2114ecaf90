"""Recommendations and their action plan: what the review asks for, who must act, and whether
they have."""

from types import SimpleNamespace

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStyle,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.actions import (
    ActionRecord,
    RecommendationRecord,
    add_update,
    link_findings,
    list_recommendations,
    list_updates,
)
from app.findings import FindingRecord
from app.items import remove_item
from app.records import ReviewDetail
from app.vocab import ACTION_STATUSES, ADDRESSEES, BOARD_RESPONSES
from ui.editing import Editor
from ui.findings_tab import CheckList
from ui.item_table import Column, ItemTable
from ui.table_model import RecordTableModel
from ui.theme import danger_colour, muted_colour, scaled_font, status_colour
from ui.widgets import CommitLineEdit, CommitTextEdit

RecIdRole = Qt.ItemDataRole.UserRole + 40
NUMBER_COL, TEXT_COL, FROM_COL, ADDRESSEE_COL, RESPONSE_COL, ACTIONS_COL, CHECKS_COL = range(7)

# Board responses and action statuses in the colours of the IMR board.
RESPONSE_LOOK = {
    "": "not_requested",
    "accepted": "accepted",
    "accepted_in_part": "under_challenge",
}
ACTION_LOOK = {
    "not_started": "not_requested",
    "on_track": "requested",
    "at_risk": "under_challenge",
    "complete": "accepted",
    "not_accepted": "not_required",
}
NEEDS_REASON = {"not_accepted", "accepted_in_part"}
ACTION_COLUMNS = [
    Column("action", "Action", stretch=True),
    Column("lead_agency", "Lead agency"),
    Column("lead_officer", "Lead officer"),
    Column("target_date", "Target", is_date=True),
    Column("status", "Status", choices=ACTION_STATUSES),
    Column("completion_date", "Completed", is_date=True),
    Column("overdue_text", "Overdue", editable=False),
]
STATUS_ACTION_COL, OVERDUE_COL = 4, 6


def response_colour(response: str):
    return danger_colour() if response == "not_accepted" else status_colour(RESPONSE_LOOK[response])


def overdue_text(action: ActionRecord) -> str:
    if not action.overdue:
        return ""
    days = action.days_overdue
    return f"Overdue ({days} day{'s' if days != 1 else ''})"


def one_line(text: str) -> str:
    return " ".join(text.split())


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
            view = self.parent()
            if view is not None:
                return view.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
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


class RecommendationPanel(QWidget):
    """The selected recommendation, and the actions that answer it."""

    def __init__(self, editor: Editor, parent=None):
        super().__init__(parent)
        self.editor = editor
        self.rec: RecommendationRecord | None = None
        self.actions: list[ActionRecord] = []

        self.heading = QLabel()
        self.heading.setObjectName("recommendation_heading")
        self.heading.setFont(scaled_font(self.font(), 1.25, bold=True))
        self.warnings = QLabel()
        self.warnings.setObjectName("recommendation_warnings")
        self.warnings.setWordWrap(True)
        self.warnings.setTextFormat(Qt.TextFormat.PlainText)
        palette = self.warnings.palette()
        palette.setColor(self.warnings.foregroundRole(), status_colour("under_challenge"))
        self.warnings.setPalette(palette)

        self.pages = QTabWidget()
        self.pages.setObjectName("recommendation_pages")
        self.pages.addTab(self._recommendation_page(), "Recommendation")
        self.pages.addTab(self._actions_page(), "Action plan")
        self.pages.currentChanged.connect(lambda _i: self._fit_action_rows())
        self.empty = QLabel("Select a recommendation to see it and its action plan.")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.warnings)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.empty, 1)
        self.show_recommendation(None, [], [])

    # Pages ---------------------------------------------------------------------------------
    def _recommendation_page(self) -> QWidget:
        self.text = CommitTextEdit(placeholder="What the review recommends, and to whom.")
        self.text.setObjectName("recommendation_text")
        self.text.setMinimumHeight(70)
        self.text.setMaximumHeight(130)
        self.text.committed.connect(lambda t: self._save({"text": t}, "text"))
        self.addressee = QComboBox()
        self.addressee.setObjectName("recommendation_addressee")
        self.addressee.setEditable(True)
        self.addressee.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.addressee.lineEdit().setPlaceholderText("Who must act: the board, a subgroup, …")
        self.addressee.activated.connect(lambda _i: self._save_addressee())
        self.addressee.lineEdit().editingFinished.connect(self._save_addressee)
        self.response = QComboBox()
        self.response.setObjectName("recommendation_response")
        for key, label in BOARD_RESPONSES.items():
            self.response.addItem(label, key)
        self.response.activated.connect(
            lambda _i: self._save({"board_response": self.response.currentData()}, "response")
        )
        self.reason = CommitTextEdit()
        self.reason.setObjectName("recommendation_reason")
        self.reason.setMaximumHeight(70)
        self.reason.committed.connect(lambda t: self._save({"response_reason": t}, "reason"))
        self.reason_label = QLabel("Reason")
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.addRow("Recommendation", self.text)
        form.addRow("Addressed to", self.addressee)
        form.addRow("Board's response", self.response)
        form.addRow(self.reason_label, self.reason)

        self.findings = CheckList()
        self.findings.setObjectName("recommendation_findings")
        self.findings.setWordWrap(True)
        self.findings.setUniformItemSizes(False)
        self.findings.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.findings.checked_changed.connect(self._save_findings)
        right = QVBoxLayout()
        right.addWidget(QLabel("Answers the findings"))
        right.addWidget(self.findings, 1)
        left = QVBoxLayout()
        left.addLayout(form)
        left.addStretch(1)
        page = QWidget()
        layout = QHBoxLayout(page)
        layout.addLayout(left, 3)
        layout.addSpacing(12)
        layout.addLayout(right, 2)
        return page

    def _actions_page(self) -> QWidget:
        self.action_table = ItemTable(
            self.editor,
            "action",
            ACTION_COLUMNS,
            "action",
            {"action": "New action", "lead_agency": lambda: self.rec.agency if self.rec else ""},
        )
        self.action_table.table.setObjectName("action_table")
        header = self.action_table.table.horizontalHeader()
        width = self.fontMetrics().horizontalAdvance("M")
        header.resizeSection(1, width * 15)
        header.resizeSection(2, width * 12)
        header.resizeSection(OVERDUE_COL, width * 14)
        # Wrapped rows are measured at the widths of the moment: measure again when they change.
        header.sectionResized.connect(lambda *_: self.action_table.table.resizeRowsToContents())
        # Removing an action takes its progress updates with it, which undo cannot restore.
        self.action_table.remove_button.setText("Remove…")
        self.action_table.remove_button.clicked.disconnect()
        self.action_table.remove_button.clicked.connect(self.remove_action)
        self.action_table.selection_changed.connect(self._action_changed)

        self.evidence = CommitTextEdit(placeholder="What has changed because of this action?")
        self.evidence.setObjectName("action_evidence")
        self.evidence.committed.connect(lambda t: self._save_action("evidence", t))
        self.not_accepted = CommitLineEdit()
        self.not_accepted.setObjectName("action_not_accepted_reason")
        self.not_accepted.setPlaceholderText("Why the agency did not accept this action")
        self.not_accepted.committed.connect(lambda t: self._save_action("not_accepted_reason", t))
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.addRow("Evidence of impact", self.evidence)
        form.addRow("Reason not accepted", self.not_accepted)

        self.updates = QListWidget()
        self.updates.setObjectName("action_updates")
        self.updates.setWordWrap(True)
        self.updates.setSpacing(3)
        self.updates.setAlternatingRowColors(True)
        self.add_update_button = QPushButton("Add progress update…")
        self.add_update_button.clicked.connect(self.add_progress_update)
        updates = QVBoxLayout()
        updates.setContentsMargins(0, 0, 0, 0)
        updates.addWidget(QLabel("Progress updates, newest first"))
        updates.addWidget(self.updates, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.add_update_button)
        updates.addLayout(row)

        self.action_details = QWidget()
        details = QHBoxLayout(self.action_details)
        details.setContentsMargins(0, 0, 0, 0)
        details.addLayout(form, 1)
        details.addSpacing(8)
        details.addLayout(updates, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.action_table)
        splitter.addWidget(self.action_details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([230, 150])
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(splitter)
        return page

    # Loading -------------------------------------------------------------------------------
    def show_recommendation(
        self,
        rec: RecommendationRecord | None,
        findings: list[FindingRecord],
        addressees: list[str],
    ) -> None:
        self.rec = rec
        has = rec is not None
        for widget in (self.heading, self.warnings, self.pages):
            widget.setVisible(has)
        self.empty.setVisible(not has)
        if rec is None:
            self.action_table.show_items(None, [])
            return
        level = "single-agency, from the IMR of " + rec.agency if rec.agency else "multi-agency"
        self.heading.setText(f"Recommendation {rec.number} ({level})")
        self.warnings.setText("\n".join(f"⚠ {w}" for w in rec.warnings))
        self.warnings.setVisible(bool(rec.warnings))
        self.text.set_saved(rec.text)
        if [self.addressee.itemText(i) for i in range(self.addressee.count())] != addressees:
            self.addressee.clear()
            self.addressee.addItems(addressees)
        if not self.addressee.lineEdit().hasFocus():
            self.addressee.setCurrentIndex(self.addressee.findText(rec.addressee))
            self.addressee.setEditText(rec.addressee)
        self.response.setCurrentIndex(max(0, self.response.findData(rec.board_response)))
        self._show_reason(rec)
        self.findings.set_items(
            [(f.id, f"{f.number}. {f.title}") for f in findings], set(rec.finding_ids)
        )
        self.actions = list(rec.actions)
        self.action_table.show_items(rec.id, [self._action_row(a) for a in self.actions])
        self._colour_actions()
        self._fit_action_rows()
        overdue = sum(1 for a in self.actions if a.overdue)
        title = f"Action plan ({len(self.actions)}"
        self.pages.setTabText(1, title + (f", {overdue} overdue)" if overdue else ")"))
        writable = not self.editor.readonly
        for widget in (self.text, self.addressee, self.response, self.findings):
            widget.setEnabled(writable)
        self._action_changed()

    def _show_reason(self, rec: RecommendationRecord) -> None:
        needed = rec.board_response in NEEDS_REASON
        self.reason.set_saved(rec.response_reason)
        self.reason.setEnabled(not self.editor.readonly and (needed or bool(rec.response_reason)))
        font = self.reason_label.font()
        font.setBold(needed)
        self.reason_label.setFont(font)
        self.reason_label.setText("Reason (required)" if needed else "Reason")
        self.reason.setPlaceholderText(
            "The board must record why it did not accept this in full."
            if needed
            else "Only needed when the board does not accept it in full."
        )

    @staticmethod
    def _action_row(action: ActionRecord) -> SimpleNamespace:
        return SimpleNamespace(
            id=action.id,
            action=action.action,
            lead_agency=action.lead_agency,
            lead_officer=action.lead_officer,
            target_date=action.target_date,
            status=action.status,
            completion_date=action.completion_date,
            overdue_text=overdue_text(action),
        )

    def _fit_action_rows(self) -> None:
        # Rows laid out while the page was hidden were measured against a zero-width column.
        if self.action_table.isVisible():
            self.action_table.table.resizeRowsToContents()

    def _colour_actions(self) -> None:
        table = self.action_table.table
        bold = QFont(table.font())
        bold.setBold(True)
        table.blockSignals(True)  # colouring is not an edit
        for row, action in enumerate(self.actions):
            status = table.item(row, STATUS_ACTION_COL)
            status.setForeground(status_colour(ACTION_LOOK.get(action.status, "")))
            status.setFont(bold)
            if action.overdue:
                late = table.item(row, OVERDUE_COL)
                late.setForeground(danger_colour())
                late.setFont(bold)
                tip = (
                    f"The target date, {action.target_date:%d %B %Y}, has passed and the action "
                    "is not complete. Overdue follows from the target date; it is never typed."
                )
                for col in (OVERDUE_COL, STATUS_ACTION_COL):
                    table.item(row, col).setToolTip(tip)
        table.blockSignals(False)

    def selected_action(self) -> ActionRecord | None:
        chosen = self.action_table.selected_id()
        return next((a for a in self.actions if a.id == chosen), None)

    def _action_changed(self) -> None:
        action = self.selected_action()
        writable = not self.editor.readonly and action is not None
        self.evidence.set_saved(action.evidence if action else "")
        self.not_accepted.set_saved(action.not_accepted_reason if action else "")
        self.evidence.setEnabled(writable)
        self.not_accepted.setEnabled(
            writable and (action.status == "not_accepted" or bool(action.not_accepted_reason))
        )
        self.add_update_button.setEnabled(writable)
        self.updates.clear()
        if action is None:
            return
        for update in list_updates(self.editor.ctx, action.id):
            parts = [f"{update.on:%d/%m/%Y}", update.by]
            if update.status:
                parts.append(ACTION_STATUSES.get(update.status, update.status))
            if update.source and update.source != "app":
                parts.append(f"from {update.source}")
            self.updates.addItem(" · ".join(p for p in parts if p) + f"\n{update.note}")
        if not self.updates.count():
            self.updates.addItem("No updates yet.")

    # Saving --------------------------------------------------------------------------------
    def _save(self, values: dict, label: str) -> None:
        rec = self.rec
        if rec is None or all(getattr(rec, k, None) == v for k, v in values.items()):
            return
        self.editor.edit("recommendation", rec.id, values, f"Change recommendation {label}")

    def _save_addressee(self) -> None:
        if self.rec is not None and self.addressee.currentText().strip() != self.rec.addressee:
            self._save({"addressee": self.addressee.currentText().strip()}, "addressee")

    def _save_findings(self, finding_ids: list[int]) -> None:
        if self.rec is not None:
            self.editor.run(link_findings, self.rec.id, finding_ids, kind="recommendation")

    def _save_action(self, field: str, value: str) -> None:
        action = self.selected_action()
        if action is not None and getattr(action, field) != value:
            self.editor.edit("action", action.id, {field: value}, "Change action")

    def remove_action(self) -> None:
        action = self.selected_action()
        if action is None:
            return
        answer = QMessageBox.question(
            self,
            "Remove action",
            f"Remove the action “{one_line(action.action)[:80]}” and its progress updates?"
            "\n\nThis cannot be undone.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.editor.run(remove_item, "action", action.id, kind="action")

    def add_progress_update(self) -> None:
        action = self.selected_action()
        if action is None:
            return
        text, ok = QInputDialog.getMultiLineText(
            self,
            "Progress update",
            f"Progress on “{one_line(action.action)[:60]}”, "
            f"dated {self.editor.ctx.today():%d/%m/%Y}:",
        )
        if ok and text.strip():
            self.editor.run(add_update, action.id, text.strip(), kind="action")


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

        self.view = QTableView()
        self.view.setObjectName("recommendations_table")
        self.model = RecommendationListModel(self.view)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        self.view.setWordWrap(False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TEXT_COL, QHeaderView.ResizeMode.Stretch)
        # Agency names can be long: they get a fair share, elided, and the text keeps the rest.
        em = self.fontMetrics().horizontalAdvance("M")
        for col, ems in ((FROM_COL, 15), (ADDRESSEE_COL, 17)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(col, em * ems)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._row_changed())
        self.view.setAccessibleName("Recommendations")

        self.add_button = QPushButton("Add multi-agency recommendation")
        self.add_button.clicked.connect(self.add_recommendation)
        self.up_button = QPushButton("Move up")
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button = QPushButton("Move down")
        self.down_button.clicked.connect(lambda: self.move_selected(+1))
        self.remove_button = QPushButton("Remove…")
        self.remove_button.clicked.connect(self.remove_selected)
        note = QLabel("Single-agency recommendations are added on each agency's IMR.")
        palette = note.palette()
        palette.setColor(note.foregroundRole(), muted_colour())
        note.setPalette(palette)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addSpacing(12)
        buttons.addWidget(note)
        buttons.addStretch(1)
        buttons.addWidget(self.remove_button)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.summary)
        top_layout.addWidget(self.view, 1)
        top_layout.addLayout(buttons)

        self.panel = RecommendationPanel(editor)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("recommendations_splitter")
        self.splitter.addWidget(top)
        self.splitter.addWidget(self.panel)
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
