"""The recommendation editor: the selected recommendation's text, addressee, the findings it
answers and the board's response, with its action plan on a second page."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.actions import RecommendationRecord, link_findings
from app.findings import FindingRecord
from app.vocab import BOARD_RESPONSES
from ui.action_plan_page import ActionPlanPage
from ui.editing import Editor
from ui.finding_editor import CheckList
from ui.reason_prompt import ask_reason
from ui.theme import scaled_font, status_colour
from ui.widgets import CommitTextEdit, set_editable

NEEDS_REASON = {"not_accepted", "accepted_in_part"}


class RecommendationPanel(QWidget):
    """The selected recommendation, and the actions that answer it."""

    def __init__(self, editor: Editor, parent=None):
        super().__init__(parent)
        self.editor = editor
        self.rec: RecommendationRecord | None = None

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
        self.action_plan = ActionPlanPage(editor)
        self.pages.addTab(self.action_plan, "Action plan")
        # The action plan's widgets, where the tab (and its tests) have always reached them.
        self.action_table = self.action_plan.action_table
        self.evidence = self.action_plan.evidence
        self.updates = self.action_plan.updates
        self.add_update_button = self.action_plan.add_update_button
        self.pages.currentChanged.connect(lambda _i: self.action_plan.fit_rows())
        self.empty = QLabel("Select a recommendation to see it and its action plan.")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.warnings)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.empty, 1)
        self.show_recommendation(None, [], [])

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
        self.response.activated.connect(lambda _i: self._save_response())
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
        self.findings.setAccessibleName("Answers the findings")
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
            self.action_plan.show_actions(None)
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
        self.action_plan.show_actions(rec)
        overdue = sum(1 for a in rec.actions if a.overdue)
        title = f"Action plan ({len(rec.actions)}"
        self.pages.setTabText(1, title + (f", {overdue} overdue)" if overdue else ")"))
        writable = not self.editor.readonly
        for widget in (self.text, self.addressee, self.response, self.findings):
            set_editable(widget, writable)

    def _show_reason(self, rec: RecommendationRecord) -> None:
        needed = rec.board_response in NEEDS_REASON
        self.reason.set_saved(rec.response_reason)
        relevant = needed or bool(rec.response_reason)
        set_editable(self.reason, not self.editor.readonly and relevant, relevant)
        font = self.reason_label.font()
        font.setBold(needed)
        self.reason_label.setFont(font)
        self.reason_label.setText("Reason (required)" if needed else "Reason")
        self.reason.setPlaceholderText(
            "The board must record why it did not accept this in full."
            if needed
            else "Only needed when the board does not accept it in full."
        )

    # Saving --------------------------------------------------------------------------------
    def _save(self, values: dict, label: str) -> None:
        rec = self.rec
        if rec is None or all(getattr(rec, k, None) == v for k, v in values.items()):
            return
        self.editor.edit(
            "recommendation", rec.id, values, f"Change recommendation {label}", shown=rec
        )

    def _save_response(self) -> None:
        """A response that is not a full yes is saved together with its reason."""
        rec = self.rec
        if rec is None:
            return
        values = {"board_response": self.response.currentData()}
        if values["board_response"] in NEEDS_REASON and not rec.response_reason.strip():
            reason = ask_reason(
                self,
                "Reason for the board's response",
                "Why does the board not accept this recommendation in full?\n"
                "The annual report must state the reason.",
            )
            if reason is None:
                self.response.setCurrentIndex(max(0, self.response.findData(rec.board_response)))
                return
            values["response_reason"] = reason
        self._save(values, "response")

    def _save_addressee(self) -> None:
        if self.rec is not None and self.addressee.currentText().strip() != self.rec.addressee:
            self._save({"addressee": self.addressee.currentText().strip()}, "addressee")

    def _save_findings(self, finding_ids: list[int]) -> None:
        if self.rec is not None:
            self.editor.run(
                link_findings,
                self.rec.id,
                finding_ids,
                seen=self.findings.shown_checked,
                kind="recommendation",
            )
