"""The review's details and key dates, saved as soon as each field is finished."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.records import ReviewDetail
from app.vocab import PROTECTIVE_MARKINGS, REVIEW_STATUSES, REVIEW_TYPES
from ui.checklist_panel import ChecklistPanel
from ui.editing import Editor
from ui.theme import muted_colour
from ui.widgets import CommitLineEdit, DateField, set_editable, tab_order_by_rows

TEXT_FIELDS = [
    ("reference", "Reference"),
    ("title", "Title"),
    ("subject_pseudonym", "Subject (pseudonym)"),
    ("partnership", "Safeguarding partnership"),
]
DATE_FIELDS = [
    ("incident_date", "Incident"),
    ("aware_date", "Authority became aware"),
    ("notification_date", "Notified to the national panel"),
    ("decision_date", "Decision to review"),
    ("sign_off_date", "Signed off"),
    ("publication_date", "Publication (planned or actual)"),
    ("scope_start", "Scope starts"),
    ("scope_end", "Scope ends"),
    ("target_override", "Target date (override)"),
]


class DetailsTab(QWidget):
    def __init__(self, editor: Editor, parent=None):
        super().__init__(parent)
        self.editor = editor
        self.review: ReviewDetail | None = None
        self.texts: dict[str, CommitLineEdit] = {}
        self.dates: dict[str, DateField] = {}

        about = QGroupBox("The review")
        form = QFormLayout(about)
        for field, label in TEXT_FIELDS:
            edit = CommitLineEdit()
            edit.setObjectName(field)
            edit.committed.connect(lambda text, f=field, lab=label: self._save(f, text, lab))
            self.texts[field] = edit
            form.addRow(label, edit)
        self.type_combo = self._combo(
            {k: t.label for k, t in REVIEW_TYPES.items()}, "review_type", "Review type"
        )
        form.insertRow(2, "Type", self.type_combo)
        self.status_combo = self._combo(REVIEW_STATUSES, "status", "Status")
        form.addRow("Status", self.status_combo)
        self.marking = QComboBox()
        self.marking.setEditable(True)
        self.marking.addItems(PROTECTIVE_MARKINGS)
        self.marking.setObjectName("protective_marking")
        self.marking.lineEdit().editingFinished.connect(self._save_marking)
        self.marking.activated.connect(lambda _i: self._save_marking())
        form.addRow("Protective marking", self.marking)
        tab_order_by_rows(form)  # Type, inserted as the third row, is reached third

        dates = QGroupBox("Key dates")
        date_form = self.date_form = QFormLayout(dates)
        for field, label in DATE_FIELDS:
            widget = DateField()
            widget.setObjectName(field)
            widget.committed.connect(lambda value, f=field, lab=label: self._save(f, value, lab))
            self.dates[field] = widget
            date_form.addRow(label, widget)
        self.notification_due = QLabel()
        self.target_info = QLabel()
        self.target_info.setWordWrap(True)
        self.notification_due.setWordWrap(True)
        for label in (self.notification_due, self.target_info):
            palette = label.palette()
            palette.setColor(label.foregroundRole(), muted_colour())
            label.setPalette(palette)
        date_form.insertRow(2, "", self.notification_due)
        date_form.addRow("", self.target_info)

        # Long choices ("Local Child Safeguarding Practice Review") are elided in a narrow
        # window rather than setting the page's width (it would scroll sideways on a projector).
        for combo in (self.type_combo, self.status_combo, self.marking):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(14)
        row = QHBoxLayout()
        row.addWidget(about, 3)
        row.addWidget(dates, 2)
        inner = QWidget()
        outer = QVBoxLayout(inner)
        outer.addLayout(row)
        self.checklist = ChecklistPanel(editor)
        outer.addWidget(self.checklist)
        outer.addStretch(1)
        scroll = QScrollArea()
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(inner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        self._show_writable()

    def _show_writable(self) -> None:
        for widget in [
            *self.texts.values(),
            *self.dates.values(),
            self.type_combo,
            self.status_combo,
            self.marking,
        ]:
            set_editable(widget, not self.editor.readonly)

    def _combo(self, choices: dict[str, str], field: str, label: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(field)
        for key, text in choices.items():
            combo.addItem(text, key)
        combo.activated.connect(
            lambda _i, c=combo: (
                self._save(field, c.currentData(), label)
                if self.review and getattr(self.review, field) != c.currentData()
                else None
            )
        )
        return combo

    def _save_marking(self) -> None:
        text = self.marking.currentText()
        if self.review and text.strip() != self.review.protective_marking:
            self._save("protective_marking", text.strip(), "Protective marking")

    def _save(self, field: str, value, label: str) -> None:
        if self.review is None:
            return
        seen = {field: getattr(self.review, field)} if hasattr(self.review, field) else None
        self.editor.edit(
            "review", self.review.id, {field: value}, f"Change {label.lower()}", seen=seen
        )

    def show_review(self, review: ReviewDetail) -> None:
        self.review = review
        self._show_writable()  # this login's rights on this review
        self.checklist.show_review(review)
        for field, edit in self.texts.items():
            edit.set_saved(getattr(review, field))
        for field, widget in self.dates.items():
            widget.set_saved(getattr(review, field))
        for combo, value in (
            (self.type_combo, review.review_type),
            (self.status_combo, review.status),
        ):
            combo.setCurrentIndex(max(0, combo.findData(value)))
        self.marking.setCurrentText(review.protective_marking)
        due = review.notification_due
        self.notification_due.setText(
            f"Notification due by {due:%d %B %Y} (5 working days from becoming aware)"
            if due
            else ""
        )
        self.date_form.setRowVisible(self.notification_due, due is not None)
        target = review.target_date
        if target and not review.target_override:
            self.target_info.setText(f"Target {target:%d %B %Y}: {review.target_basis}.")
        elif target:
            self.target_info.setText(f"Target {target:%d %B %Y}, set by the panel.")
        else:
            self.target_info.setText(f"No target yet: {review.target_basis}.")
