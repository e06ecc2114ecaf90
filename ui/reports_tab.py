"""The review's documents: choose one, edit its sections, export it as PDF, Word or HTML."""

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.documents import (
    DOCUMENT_KINDS,
    GENERATED,
    ReportRecord,
    SectionRecord,
    ensure_report,
    export_document,
    finalise,
    find_report,
    get_report,
    new_draft,
)
from ui.editing import Editor
from ui.tasks import run_task
from ui.theme import muted_colour, scaled_font
from ui.widgets import CommitLineEdit, CommitTextEdit

# The formats a document can be exported in, by suffix, as the save dialog lists them.
FORMATS = {
    ".pdf": "Tagged PDF, for publishing and print (*.pdf)",
    ".docx": "Word document (*.docx)",
    ".html": "Accessible web page (*.html)",
}

SectionIdRole = Qt.ItemDataRole.UserRole + 50


class ReportsTab(QWidget):
    def __init__(self, editor: Editor, parent=None):
        super().__init__(parent)
        self.editor = editor
        self.review_id: int | None = None
        self.report: ReportRecord | None = None
        self._loading = False
        self._stale = True

        self.kind = QComboBox()
        self.kind.setObjectName("report_kind")
        for key, label in DOCUMENT_KINDS.items():
            self.kind.addItem(label, key)
        self.kind.activated.connect(lambda _i: self._load())
        self.version = QLabel()
        self.version.setObjectName("report_version")
        self.version.setFont(scaled_font(self.font(), 1.05, bold=True))
        self.export_button = QPushButton("Export…")
        self.export_button.clicked.connect(self.choose_export)
        self.final_button = QPushButton("Make final…")
        self.final_button.clicked.connect(self.make_final)
        self.draft_button = QPushButton("Start a new draft")
        self.draft_button.clicked.connect(self.start_draft)
        top = QHBoxLayout()
        top.addWidget(QLabel("Document"))
        top.addWidget(self.kind)
        top.addSpacing(12)
        top.addWidget(self.version)
        top.addStretch(1)
        for button in (self.draft_button, self.final_button, self.export_button):
            top.addWidget(button)

        self.sections = QListWidget()
        self.sections.setObjectName("report_sections")
        self.sections.currentRowChanged.connect(lambda _r: self._show_section())
        self.sections.itemChanged.connect(self._included_changed)
        self.up_button = QPushButton("Move up")
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button = QPushButton("Move down")
        self.down_button.clicked.connect(lambda: self._move(+1))
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        hint = QLabel("Untick a section to leave it out of the document.")
        hint.setWordWrap(True)
        left_layout.addWidget(hint)
        left_layout.addWidget(self.sections, 1)
        moves = QHBoxLayout()
        moves.addWidget(self.up_button)
        moves.addWidget(self.down_button)
        moves.addStretch(1)
        left_layout.addLayout(moves)

        self.heading = CommitLineEdit()
        self.heading.setObjectName("section_heading")
        self.heading.committed.connect(lambda text: self._save({"title": text}, "heading"))
        self.source_note = QLabel()
        self.source_note.setWordWrap(True)
        palette = self.source_note.palette()
        palette.setColor(self.source_note.foregroundRole(), muted_colour())
        self.source_note.setPalette(palette)
        self.text = CommitTextEdit(
            placeholder="Write this section. A blank line starts a new "
            "paragraph; paragraphs are numbered in the document."
        )
        self.text.setObjectName("section_text")
        self.text.committed.connect(lambda text: self._save({"text": text}, "text"))
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(QLabel("Heading"))
        right_layout.addWidget(self.heading)
        right_layout.addWidget(self.source_note)
        right_layout.addWidget(self.text, 1)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([380, 760])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

    # Loading -------------------------------------------------------------------------------
    def show_review(self, review_id: int) -> None:
        self.review_id = review_id
        self._stale = True
        if self.isVisible():
            self._load()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if getattr(self, "_stale", True):
            self._load()

    def _load(self) -> None:
        """Load the chosen document; it is started from its template the first time the tab
        shows it (never in a read-only window)."""
        if self.review_id is None:
            return
        self._stale = False
        kind = self.kind.currentData()
        if self.editor.readonly:
            report_id = find_report(self.editor.ctx, self.review_id, kind)
        else:
            report_id = ensure_report(self.editor.ctx, self.review_id, kind)
        self.report = get_report(self.editor.ctx, report_id) if report_id else None
        current = self.selected_section()
        self._loading = True
        self.sections.clear()
        for section in self.report.sections if self.report else []:
            label = section.title + ("" if not section.generated else "   (from the review)")
            item = QListWidgetItem(label)
            item.setData(SectionIdRole, section.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if section.included else Qt.CheckState.Unchecked
            )
            if section.appendix:
                item.setToolTip("An appendix")
            self.sections.addItem(item)
        self._loading = False
        row = next(
            (
                i
                for i, s in enumerate(self.report.sections if self.report else [])
                if current and s.id == current.id
            ),
            0,
        )
        self.sections.setCurrentRow(row if self.sections.count() else -1)
        self.version.setText(self.report.version_label if self.report else "")
        writable = not self.editor.readonly and self.report is not None
        for widget in (self.final_button, self.draft_button, self.up_button, self.down_button):
            widget.setEnabled(writable)
        self.final_button.setEnabled(writable and not self.report.final)
        self._show_section()

    def selected_section(self) -> SectionRecord | None:
        if self.report is None:
            return None
        row = self.sections.currentRow()
        return self.report.sections[row] if 0 <= row < len(self.report.sections) else None

    def _show_section(self) -> None:
        section = self.selected_section()
        has = section is not None
        self.heading.setEnabled(has and not self.editor.readonly)
        self.heading.set_saved(section.title if section else "")
        if not has:
            self.text.set_saved("")
            self.text.setEnabled(False)
            self.source_note.setText("")
            return
        editable_text = not section.generated or section.source == "glossary"
        self.text.setEnabled(editable_text and not self.editor.readonly)
        self.text.setVisible(editable_text)
        self.text.set_saved(section.text)
        if section.generated:
            self.source_note.setText(
                f"Made from the review's data when the document is exported: "
                f"{GENERATED.get(section.source, section.source)}."
            )
        else:
            self.source_note.setText("The author's own words.")

    # Editing -------------------------------------------------------------------------------
    def _save(self, values: dict, label: str) -> None:
        section = self.selected_section()
        if section is not None:
            self.editor.edit("report_section", section.id, values, f"Change section {label}")

    def _included_changed(self, item: QListWidgetItem) -> None:
        if self._loading:
            return
        included = item.checkState() == Qt.CheckState.Checked
        self.editor.edit(
            "report_section",
            item.data(SectionIdRole),
            {"included": included},
            "Include section" if included else "Leave section out",
        )

    def _move(self, step: int) -> None:
        section = self.selected_section()
        if section is None:
            return
        row = self.sections.currentRow()
        self.editor.move_item("report_section", section.id, row + 1 + step, "Move section")
        self.sections.setCurrentRow(max(0, min(row + step, self.sections.count() - 1)))

    def make_final(self) -> None:
        if self.report is None:
            return
        answer = QMessageBox.question(
            self,
            "Make final",
            f"Make the {self.report.kind_label} final? It will be exported without the DRAFT "
            "watermark, and the recommendations keep the numbers they have now, even if they "
            "are reordered later.",
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.editor.run(finalise, self.report.id, kind="report_section")

    def start_draft(self) -> None:
        if self.report is not None:
            self.editor.run(new_draft, self.report.id, kind="report_section")

    def choose_export(self) -> None:
        if self.report is None:
            return
        name = f"{self.report.kind_label} {self.report.version_label}.pdf"
        filters = ";;".join(FORMATS.values())
        path, chosen = QFileDialog.getSaveFileName(self, "Export", name, filters)
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() not in FORMATS:  # no suffix typed: the chosen format's
            suffix = next((k for k, v in FORMATS.items() if v == chosen), ".pdf")
            target = Path(path + suffix)
        ctx, review_id, kind = self.editor.ctx, self.review_id, self.report.kind
        run_task(
            self,
            f"Writing {target.name}…",
            lambda progress: export_document(ctx, review_id, kind, target, on_progress=progress),
            lambda pages: self._exported(target, pages),
            self.editor.failed.emit,
        )

    def _exported(self, target: Path, pages: int | None) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Information,
            "Exported",
            f"{target.name} is ready ({pages} pages)." if pages else f"{target.name} is ready.",
            parent=self,
        )
        open_button = box.addButton("Open it", QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Close)
        box.exec()
        if box.clickedButton() is open_button:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))
