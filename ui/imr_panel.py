"""One agency's IMR: author and dates, its sections, the panel's challenge, recommendations,
and the original documents kept in the store."""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.imrs import IMR_SECTIONS, attach_document, get_imr, remove_attachment, save_attachment
from app.records import ImrDetail
from ui.editing import Editor
from ui.item_table import Column, ItemTable
from ui.theme import danger_colour, scaled_font, status_colour
from ui.widgets import CommitLineEdit, CommitTextEdit, DateField, named, set_editable

DATE_FIELDS = [
    ("date_requested", "Requested"),
    ("date_due", "Due"),
    ("date_received", "Received"),
    ("date_accepted", "Accepted"),
    ("date_records_secured", "Records secured"),
]


def _size(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB" if n >= 1024 * 1024 else f"{max(1, n // 1024)} KB"


class ImrPanel(QWidget):
    def __init__(self, editor: Editor, parent=None):
        super().__init__(parent)
        self.editor = editor
        self.imr: ImrDetail | None = None

        self.heading = QLabel()
        self.heading.setObjectName("imr_heading")
        self.heading.setFont(scaled_font(self.font(), 1.25, bold=True))
        self.status_label = QLabel()
        self.status_label.setObjectName("imr_status")
        self.status_label.setFont(scaled_font(self.font(), 1.0, bold=True))
        head = QHBoxLayout()
        head.addWidget(self.heading)
        head.addStretch(1)
        head.addWidget(self.status_label)

        self.tabs = QTabWidget()
        self.tabs.addTab(self._details_page(), "Author and dates")
        self.tabs.addTab(self._sections_page(), "IMR text")
        self.challenges = ItemTable(
            editor,
            "challenge",
            [
                Column("question", "Question from the panel", stretch=True),
                Column("raised_on", "Raised", is_date=True),
                Column("answer", "Agency's answer", stretch=True),
                Column("answered_on", "Answered", is_date=True),
            ],
            "question",
            {"question": "New question", "raised_on": lambda: self.editor.ctx.today()},
        )
        self.tabs.addTab(self.challenges, "Panel challenge")
        self.recommendations = ItemTable(
            editor,
            "recommendation",
            [Column("text", "Single-agency recommendation", stretch=True)],
            "recommendation",
            {"text": "New recommendation"},
        )
        self.tabs.addTab(self.recommendations, "Recommendations")
        self.tabs.addTab(self._documents_page(), "Documents")

        self.empty = QLabel("Select an agency to see its IMR.")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(head)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.empty, 1)
        self.show_imr(None)

    # Pages ---------------------------------------------------------------------------------
    def _details_page(self) -> QWidget:
        # The dates in pairs, read (and tabbed) across: the page fits the pane under the
        # board on a projector without scrolling.
        page = QWidget()
        form = QGridLayout(page)
        form.setColumnStretch(1, 1)
        form.setColumnStretch(3, 1)

        def row(label: str, widget: QWidget, at: int, column: int = 0, span: int = 1) -> None:
            text = QLabel(label)
            text.setBuddy(widget)
            form.addWidget(text, at, column)
            form.addWidget(widget, at, column + 1, 1, span)

        self.author = CommitLineEdit()
        self.author.setObjectName("author_name")
        self.author.committed.connect(lambda t: self._save("author_name", t, "IMR author"))
        self.author_role = CommitLineEdit()
        self.author_role.setObjectName("author_role")
        self.author_role.committed.connect(lambda t: self._save("author_role", t, "author's role"))
        row("IMR author", self.author, 0, span=3)
        row("Author's role", self.author_role, 1, span=3)
        self.dates: dict[str, DateField] = {}
        for number, (field, label) in enumerate(DATE_FIELDS):
            widget = DateField()
            widget.setObjectName(field)
            widget.committed.connect(lambda v, f=field, lab=label: self._save(f, v, lab.lower()))
            self.dates[field] = widget
            row(label, widget, 2 + number // 2, (number % 2) * 2)
        self.not_required = CommitLineEdit()
        self.not_required.setObjectName("not_required_reason")
        self.not_required.setPlaceholderText("Why no IMR is needed from this agency")
        self.not_required.committed.connect(
            lambda t: self._save("not_required_reason", t, "reason not required")
        )
        row("Not required because", self.not_required, 3 + len(DATE_FIELDS) // 2, span=3)
        form.setRowStretch(4 + len(DATE_FIELDS) // 2, 1)
        return page

    def _sections_page(self) -> QWidget:
        inner = QWidget()
        form = QFormLayout(inner)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.sections: dict[str, CommitTextEdit] = {}
        for key, label in IMR_SECTIONS.items():
            edit = CommitTextEdit(placeholder=f"{label} from the agency's IMR")
            edit.setObjectName(key)
            edit.setMinimumHeight(90)
            edit.committed.connect(lambda t, k=key, lab=label: self._save(k, t, lab.lower()))
            self.sections[key] = edit
            form.addRow(label, edit)
        scroll = QScrollArea()
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        return scroll

    def _documents_page(self) -> QWidget:
        page = QWidget()
        self.documents = QListWidget()
        self.documents.setObjectName("documents")
        named(self.documents, "Documents attached to this IMR")
        self.attach_button = QPushButton("Attach document…")
        self.attach_button.clicked.connect(self.attach)
        self.save_button = QPushButton("Save a copy…")
        self.save_button.clicked.connect(self.save_copy)
        self.remove_doc_button = QPushButton("Remove…")
        self.remove_doc_button.clicked.connect(self.remove_document)
        buttons = QHBoxLayout()
        for b in (self.attach_button, self.save_button, self.remove_doc_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        note = QLabel(
            "Documents are kept inside the store, so they travel with it and are covered by "
            "its backups."
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.addWidget(note)
        layout.addWidget(self.documents, 1)
        layout.addLayout(buttons)
        return page

    # Loading -------------------------------------------------------------------------------
    def show_imr(self, imr_id: int | None) -> None:
        self.imr = None
        if imr_id is not None:
            try:
                self.imr = get_imr(self.editor.ctx, imr_id)
            except UserError:
                self.imr = None
        has = self.imr is not None
        self.tabs.setVisible(has)
        self.heading.setVisible(has)
        self.status_label.setVisible(has)
        self.empty.setVisible(not has)
        if not has:
            return
        imr = self.imr
        s = imr.summary
        self.heading.setText(f"{s.agency}: IMR")
        self.status_label.setText(
            s.status_label + (f" · overdue {s.days_overdue} days" if s.overdue else "")
        )
        palette = self.status_label.palette()
        palette.setColor(
            self.status_label.foregroundRole(),
            danger_colour() if s.overdue else status_colour(s.status),
        )
        self.status_label.setPalette(palette)
        self.author.set_saved(s.author_name)
        self.author_role.set_saved(s.author_role)
        values = {
            "date_requested": s.date_requested,
            "date_due": s.date_due,
            "date_received": s.date_received,
            "date_accepted": s.date_accepted,
            "date_records_secured": imr.date_records_secured,
        }
        for field, widget in self.dates.items():
            widget.set_saved(values[field])
        self.not_required.set_saved(imr.not_required_reason)
        for key, edit in self.sections.items():
            edit.set_saved(imr.sections[key])
        self.challenges.show_items(s.imr_id, imr.challenges)
        self.recommendations.show_items(s.imr_id, imr.recommendations)
        self.documents.clear()
        for doc in imr.attachments:
            item = QListWidgetItem(
                f"{doc.filename}   ·   {_size(doc.size)}   ·   added {doc.added_at:%d/%m/%Y} by {doc.added_by}"
            )
            item.setData(Qt.ItemDataRole.UserRole, doc.id)
            item.setData(Qt.ItemDataRole.UserRole + 1, doc.filename)
            self.documents.addItem(item)
        writable = not self.editor.readonly
        for widget in [
            self.author,
            self.author_role,
            self.not_required,
            *self.dates.values(),
            *self.sections.values(),
        ]:
            set_editable(widget, writable)
        self.attach_button.setEnabled(writable)
        self.remove_doc_button.setEnabled(writable)

    def _save(self, field: str, value, label: str) -> None:
        if self.imr is None:
            return
        agency = self.imr.summary.agency
        self.editor.edit(
            "imr",
            self.imr.summary.imr_id,
            {field: value},
            f"Change {agency} {label}",
            shown=self.imr,
        )

    # Documents -----------------------------------------------------------------------------
    def attach(self) -> None:
        if self.imr is None:
            return
        path, _ = QFileDialog.getOpenFileName(
            self,
            "Attach a document",
            "",
            "Documents (*.docx *.doc *.pdf *.odt *.rtf *.txt);;All files (*)",
        )
        if path:
            self.editor.run(attach_document, self.imr.summary.imr_id, Path(path), kind="imr")

    def _selected_document(self) -> tuple[int, str] | None:
        item = self.documents.currentItem()
        if item is None:
            return None
        return item.data(Qt.ItemDataRole.UserRole), item.data(Qt.ItemDataRole.UserRole + 1)

    def save_copy(self) -> None:
        chosen = self._selected_document()
        if chosen is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, "Save a copy", chosen[1])
        if path:
            try:
                save_attachment(self.editor.ctx, chosen[0], Path(path))
            except UserError as exc:
                self.editor.failed.emit(str(exc))

    def remove_document(self) -> None:
        chosen = self._selected_document()
        if chosen is None:
            return
        answer = QMessageBox.question(
            self,
            "Remove document",
            f"Remove {chosen[1]} from the store? This cannot be undone.",
            QMessageBox.StandardButton.Cancel | QMessageBox.StandardButton.Discard,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Discard:
            self.editor.run(remove_attachment, chosen[0], kind="imr")
