"""The review's documents: choose one, edit its sections, choose who it is for, run the
release check, export it (PDF, Word, HTML: every registered format), and issue the final
version (which is then frozen)."""

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
    find_report,
    get_report,
    new_draft,
    template,
)
from app.publishing.audience import AUDIENCES, audience_of, set_audience
from app.publishing.builders import formats as export_formats
from app.publishing.pipeline import issued_versions
from app.publishing.release_check import check_publication
from ui.editing import Editor
from ui.files import suggested_path
from ui.icons import icon
from ui.release_check_dialog import ReleaseCheckDialog
from ui.tasks import run_task
from ui.theme import muted_colour, scaled_font
from ui.widgets import (
    CommitLineEdit,
    CommitTextEdit,
    elide_to_width,
    set_editable,
    whole_choices,
)

# The formats a document can be exported in, by suffix, as the save dialog lists them.
FORMATS = {
    ".pdf": "Tagged PDF, for publishing and print (*.pdf)",
    ".docx": "Word document (*.docx)",
    ".html": "Accessible web page (*.html)",
}

SectionIdRole = Qt.ItemDataRole.UserRole + 50


UNTICK_HINT = "Untick a section to leave it out of the document."


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
        self.start_button = QPushButton(icon("add"), "Start the document")
        self.start_button.setObjectName("start_document")
        self.start_button.clicked.connect(self.start_document)
        self.draft_button = QPushButton("Start a new draft")
        self.draft_button.clicked.connect(self.start_draft)
        top = QHBoxLayout()
        self.kind.setAccessibleName("Document")
        top.addWidget(QLabel("Document"))
        top.addWidget(self.kind)
        top.addSpacing(12)
        top.addWidget(self.version)
        top.addStretch(1)
        self.export_button.setIcon(icon("export"))
        for button in (self.draft_button, self.final_button, self.export_button):
            top.addWidget(button)
        # On a row of its own: it names the whole document (a long name for some reviews), which
        # would otherwise set the tab's width; it is the only thing to do before there is one.
        start_row = QHBoxLayout()
        start_row.addWidget(self.start_button)
        start_row.addStretch(1)

        self.audience = QComboBox()
        self.audience.setObjectName("report_audience")
        self.audience.setAccessibleName("Who the document is for")
        for key, label in AUDIENCES.items():
            self.audience.addItem(label, key)
        self.audience.activated.connect(lambda _i: self._audience_changed())
        self.marking = CommitLineEdit()
        self.marking.setObjectName("report_marking")
        self.marking.setAccessibleName("Marking printed when published")
        self.marking.setPlaceholderText("none")
        self.marking.committed.connect(lambda _t: self._audience_changed())
        self.check_button = QPushButton("Check for publication…")
        self.check_button.setObjectName("check_publication")
        self.check_button.clicked.connect(self.show_check)
        # The chosen document and audience read whole ("For publication (anonymised)"); a very
        # long name still could not set the tab's width (a projector's 1024 pixels).
        for combo in (self.kind, self.audience):
            whole_choices(combo)
        second = QHBoxLayout()
        second.addWidget(QLabel("For"))
        second.addWidget(self.audience)
        self.marking_label = QLabel("Marking when published")
        second.addWidget(self.marking_label)
        second.addWidget(self.marking)
        second.addStretch(1)
        second.addWidget(self.check_button)

        self.sections = QListWidget()
        self.sections.setObjectName("report_sections")
        self.sections.setAccessibleName("Sections of the document")
        elide_to_width(self.sections)  # long headings elided, whole in their tooltips
        self.sections.currentRowChanged.connect(lambda _r: self._show_section())
        self.sections.itemChanged.connect(self._included_changed)
        self.up_button = QPushButton("Move up")
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button = QPushButton("Move down")
        self.down_button.clicked.connect(lambda: self._move(+1))
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.sections_hint = hint = QLabel(UNTICK_HINT)
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
        self.heading.setAccessibleName("Section heading")
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
        self.text.setAccessibleName("Section text")
        self.text.committed.connect(lambda text: self._save({"text": text}, "text"))
        self.default_placeholder = self.text.placeholderText()

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
        layout.addLayout(start_row)
        layout.addLayout(second)
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
        """Load the chosen document. Looking changes nothing: a document not yet started shows
        its template's sections and a button to start it (which the audit trail records)."""
        if self.review_id is None:
            return
        self._stale = False
        kind = self.kind.currentData()
        report_id = find_report(self.editor.ctx, self.review_id, kind)
        self.report = get_report(self.editor.ctx, report_id) if report_id else None
        self.start_button.setText(f"Start the {self.kind.currentText()}")
        self.start_button.setVisible(self.report is None)
        self.start_button.setEnabled(not self.editor.readonly)
        refusal = self.editor.export_refusal
        self.export_button.setEnabled(self.report is not None and not refusal)
        self.export_button.setToolTip(refusal)
        current = self.selected_section()
        self._loading = True
        self.sections.clear()
        # An issued version, or a store only read here, is still read section by section: its
        # sections stay chosen, but whether one is in the document cannot be changed.
        changeable = not self.editor.readonly and not (self.report and self.report.final)
        for section in self.report.sections if self.report else []:
            label = section.title + ("" if not section.generated else "   (from the review)")
            item = QListWidgetItem(label)
            item.setData(SectionIdRole, section.id)
            if changeable:
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            else:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if section.included else Qt.CheckState.Unchecked
            )
            item.setToolTip(label + ("\nAn appendix" if section.appendix else ""))
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
        if self.report is None:
            for section in template(kind)["sections"]:
                item = QListWidgetItem(section["title"])
                item.setToolTip(section["title"])
                # Shown to be read (in the text's own colour, not greyed), not chosen:
                # nothing to edit yet.
                item.setFlags(Qt.ItemFlag.ItemIsEnabled)
                self.sections.addItem(item)
        self.sections.setCurrentRow(row if self.report and self.sections.count() else -1)
        issued = self.report is not None and self.report.final
        label = self.report.version_label if self.report else ""
        self.version.setText(f"{label} (issued: read-only)" if issued else label)
        self.version.setToolTip("")
        if issued:
            files = issued_versions(self.editor.ctx, self.review_id, kind)
            self.version.setToolTip(
                "\n".join(
                    f"Version {v.version} issued {v.issued_at:%d/%m/%Y} by {v.issued_by} as "
                    f"{v.suffix}: SHA-256 {v.sha256}"
                    for v in files
                )
            )
        writable = not self.editor.readonly and self.report is not None
        for widget in (self.final_button, self.draft_button, self.audience, self.marking):
            widget.setEnabled(writable)
        self.final_button.setEnabled(writable and not issued)
        self.draft_button.setEnabled(writable and issued)
        for widget in (self.up_button, self.down_button):
            widget.setEnabled(writable and not issued)
        self.sections.setEnabled(True)  # a document not started lists its sections to be read
        self.sections_hint.setText(
            UNTICK_HINT
            if writable and not issued
            else "The issued version's sections (start a new draft to change them)."
            if issued
            else "The document's sections."
        )
        self.check_button.setEnabled(self.report is not None)
        if self.report is not None:
            setting = audience_of(self.editor.ctx, self.review_id, kind)
            self.audience.setCurrentIndex(self.audience.findData(setting.audience))
            self.marking.set_saved(setting.marking if setting.published else "")
            self.marking.setVisible(setting.published)
            self.marking_label.setVisible(setting.published)
        self._show_section()

    def selected_section(self) -> SectionRecord | None:
        if self.report is None:
            return None
        row = self.sections.currentRow()
        return self.report.sections[row] if 0 <= row < len(self.report.sections) else None

    def _show_section(self) -> None:
        section = self.selected_section()
        has = section is not None
        set_editable(self.heading, has and not self.editor.readonly, has)
        self.heading.set_saved(section.title if section else "")
        if not has:
            self.text.set_saved("")
            self.text.setEnabled(False)
            self.source_note.setText(
                ""
                if self.report is not None
                else "Not started yet. Start it to write its sections from the template; "
                "the sections it will have are listed on the left."
            )
            return
        editable_text = not section.generated or section.source == "glossary"
        issued = self.report is not None and self.report.final
        set_editable(self.heading, not self.editor.readonly and not issued)
        set_editable(self.text, editable_text and not self.editor.readonly and not issued)
        self.text.setVisible(editable_text)
        # Guidance shows greyed where the author writes: never stored as the section's words,
        # never printed.
        self.text.setPlaceholderText(section.guidance or self.default_placeholder)
        self.text.set_saved(section.written if not section.generated else section.text)
        if section.generated:
            self.source_note.setText(
                f"Made from the review's data when the document is exported: "
                f"{GENERATED.get(section.source, section.source)}."
            )
        elif section.guidance and not section.written.strip():
            self.source_note.setText(
                "The author's own words. The grey text is the template's guidance: it goes "
                "when you start writing and is never printed."
            )
        else:
            self.source_note.setText("The author's own words.")

    # Editing -------------------------------------------------------------------------------
    def _save(self, values: dict, label: str) -> None:
        section = self.selected_section()
        if section is not None:
            self.editor.edit(
                "report_section", section.id, values, f"Change section {label}", shown=section
            )

    def _included_changed(self, item: QListWidgetItem) -> None:
        if self._loading:
            return
        included = item.checkState() == Qt.CheckState.Checked
        section_id = item.data(SectionIdRole)
        sections = self.report.sections if self.report is not None else []
        self.editor.edit(
            "report_section",
            section_id,
            {"included": included},
            "Include section" if included else "Leave section out",
            shown=next((s for s in sections if s.id == section_id), None),
        )

    def _move(self, step: int) -> None:
        section = self.selected_section()
        if section is None:
            return
        row = self.sections.currentRow()
        self.editor.move_item("report_section", section.id, row + 1 + step, "Move section")
        self.sections.setCurrentRow(max(0, min(row + step, self.sections.count() - 1)))

    def _audience_changed(self) -> None:
        if self.report is None or self.review_id is None:
            return
        self.editor.run(
            set_audience,
            self.review_id,
            self.report.kind,
            self.audience.currentData(),
            self.marking.text(),
            kind="document_setting",
        )
        self._load()

    def show_check(self) -> ReleaseCheckDialog | None:
        """Run the release check and show what it found."""
        if self.report is None:
            return None
        result = check_publication(self.editor.ctx, self.review_id, self.report.kind)
        dialog = ReleaseCheckDialog(self.editor, self.review_id, self.report.kind, result, self)
        dialog.go_to.connect(self.select_section)
        dialog.open()
        return dialog

    def select_section(self, title: str) -> None:
        """Show the section with this heading, to fix what the release check found there."""
        for row, section in enumerate(self.report.sections if self.report else []):
            if section.title == title:
                self.sections.setCurrentRow(row)
                self.text.setFocus()
                return

    def make_final(self) -> None:
        """Issue the final version: the release check first, then the file, then the state."""
        if self.report is None:
            return
        setting = audience_of(self.editor.ctx, self.review_id, self.report.kind)
        if setting.published:
            result = check_publication(self.editor.ctx, self.review_id, self.report.kind)
            if result.blocking:
                self.show_check()
                return
        answer = QMessageBox.question(
            self,
            "Make final",
            f"Issue the final {self.report.kind_label}? The file is written first and kept in "
            "the store; from then on this version cannot be changed (further work starts a new "
            "draft) and the recommendations keep the numbers they have now.",
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.choose_export(final=True)

    def start_document(self) -> None:
        if self.review_id is None or self.report is not None:
            return
        if self.editor.run(
            ensure_report, self.review_id, self.kind.currentData(), kind="report_section"
        ):
            self._load()

    def start_draft(self) -> None:
        if self.report is not None:
            self.editor.run(new_draft, self.report.id, kind="report_section")

    def choose_export(self, final: bool = False) -> None:
        if self.report is None:
            return
        if self.editor.export_refusal:  # (from the Export menu: said before a file is chosen)
            self.editor.failed.emit(self.editor.export_refusal)
            return
        label = "Final" if final else self.report.version_label
        # Every format a writer is registered for: a new writer shows here, nothing else.
        formats = sorted(export_formats(self.report.kind), key=lambda f: f != ".pdf")
        workspace = getattr(self.window(), "workspace", None)
        review = getattr(workspace, "review", None)
        reference = review.reference if review is not None else None
        name = suggested_path(reference, f"{self.report.kind_label} {label}", formats[0])
        filters = ";;".join(FORMATS.get(f, f"{f[1:].upper()} (*{f})") for f in formats)
        path, chosen = QFileDialog.getSaveFileName(self, "Export", name, filters)
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() not in formats:
            wanted = next((f for f in formats if f"*{f})" in chosen), formats[0])
            target = Path(path + wanted)
        ctx, review_id, kind = self.editor.ctx, self.review_id, self.report.kind
        run_task(
            self,
            f"Writing {target.name}…",
            lambda progress: export_document(
                ctx, review_id, kind, target, final=final, on_progress=progress
            ),
            lambda published: self._exported(target, published.pages, final),
            self.editor.failed.emit,
        )

    def _exported(self, target: Path, pages: int | None, final: bool = False) -> None:
        if final:
            self.editor.changed.emit("report_section")
            self._load()
        size = f" ({pages} pages)" if pages else ""
        box = QMessageBox(
            QMessageBox.Icon.Information,
            "Exported",
            f"{target.name} is ready{size}." + (" This version is now issued." if final else ""),
            parent=self,
        )
        open_button = box.addButton("Open it", QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Close)
        box.exec()
        if box.clickedButton() is open_button:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))
