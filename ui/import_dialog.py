"""Importing an agency chronology: confirm the agency, the sheet and the column mapping, see
what the import will do, then import."""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from app.chronology.importer import ImportPlan, ImportResult, cell_text, commit_import, plan_import
from app.chronology.reading import ImportRefused, list_sheets
from app.chronology.types import MAPPABLE_FIELDS
from app.errors import UserError
from ui.editing import Editor
from ui.theme import danger_colour

NOT_MAPPED = "(not in this file)"
PREVIEW_ROWS = 12


def guess_agency(path: Path, agencies: list[str]) -> str:
    """An agency of the review whose name shares a word with the file name, if any."""
    stem = path.stem.casefold().replace("_", " ").replace("-", " ")
    words = {w for w in stem.split() if len(w) > 3 and w not in {"chronology", "final", "draft"}}
    for agency in agencies:
        if words & {w.casefold() for w in agency.replace("'", " ").split()}:
            return agency
    return ""


class ImportDialog(QDialog):
    def __init__(
        self, editor: Editor, review_id: int, agencies: list[str], path: Path, parent=None
    ):
        super().__init__(parent)
        self.editor = editor
        self.review_id = review_id
        self.path = path
        self.plan: ImportPlan | None = None
        self.result: ImportResult | None = None
        self._mapping_override: dict[str, str] | None = None
        self._updating = False
        self.setWindowTitle(f"Import chronology: {path.name}")

        self.agency = QComboBox()
        self.agency.setObjectName("import_agency")
        self.agency.setEditable(True)
        self.agency.addItems(agencies)
        self.agency.setEditText(guess_agency(path, agencies))
        self.agency.lineEdit().setPlaceholderText("Which agency sent this file?")
        self.agency.lineEdit().editingFinished.connect(self._agency_changed)
        self.agency.activated.connect(lambda _i: self._agency_changed())
        self.sheet = QComboBox()
        self.sheet.setObjectName("import_sheet")
        try:
            sheets = list_sheets(path)
        except UserError:
            sheets = []
        self.sheet.addItem("(the sheet holding the chronology)", None)
        for name in sheets:
            self.sheet.addItem(name, name)
        self.sheet.setEnabled(len(sheets) > 1)
        self.sheet.activated.connect(lambda _i: self.replan())
        top = QFormLayout()
        top.addRow("Agency", self.agency)
        top.addRow("Sheet", self.sheet)

        self.mapping = QTableWidget(len(MAPPABLE_FIELDS), 2)
        self.mapping.setObjectName("import_mapping")
        self.mapping.setHorizontalHeaderLabels(["ReviewDesk field", "Column in the file"])
        self.mapping.verticalHeader().hide()
        self.mapping.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.mapping.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.mapping_combos: dict[str, QComboBox] = {}
        for row, (field, label) in enumerate(MAPPABLE_FIELDS.items()):
            self.mapping.setItem(row, 0, QTableWidgetItem(label))
            combo = QComboBox()
            combo.setObjectName(f"map_{field}")
            combo.activated.connect(lambda _i: self._mapping_changed())
            self.mapping.setCellWidget(row, 1, combo)
            self.mapping_combos[field] = combo
        mapping_box = QGroupBox("Columns")
        QVBoxLayout(mapping_box).addWidget(self.mapping)

        self.preview = QTableWidget()
        self.preview.setObjectName("import_preview")
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview.setWordWrap(False)
        preview_box = QGroupBox("The file (first rows)")
        QVBoxLayout(preview_box).addWidget(self.preview)

        self.summary = QLabel()
        self.summary.setObjectName("import_summary")
        self.summary.setWordWrap(True)
        self.problems = QLabel()
        self.problems.setObjectName("import_problems")
        self.problems.setWordWrap(True)
        palette = self.problems.palette()
        palette.setColor(self.problems.foregroundRole(), danger_colour())
        self.problems.setPalette(palette)
        self.report = QPlainTextEdit()
        self.report.setObjectName("import_report")
        self.report.setReadOnly(True)
        self.report.setMaximumHeight(140)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(mapping_box)
        splitter.addWidget(preview_box)
        splitter.setSizes([380, 640])
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.import_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.import_button.setText("Import")
        self.buttons.accepted.connect(self.do_import)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.problems)
        layout.addWidget(QLabel("What the import will do with particular rows:"))
        layout.addWidget(self.report)
        layout.addWidget(self.buttons)
        self.resize(1080, 720)
        self.replan()

    # Planning ----------------------------------------------------------------------------
    def _agency_changed(self) -> None:
        self._mapping_override = None  # each agency has its own remembered mapping
        self.replan()

    def _mapping_changed(self) -> None:
        if self._updating:
            return
        self._mapping_override = {
            field: combo.currentText()
            for field, combo in self.mapping_combos.items()
            if combo.currentText() and combo.currentText() != NOT_MAPPED
        }
        self.replan()

    def replan(self) -> None:
        agency = self.agency.currentText().strip()
        self.plan = None
        try:
            self.plan = plan_import(
                self.editor.ctx,
                self.review_id,
                agency or "(agency)",
                self.path,
                sheet=self.sheet.currentData(),
                mapping=self._mapping_override,
            )
        except ImportRefused as exc:
            self._show_refusal(str(exc))
            return
        except UserError as exc:
            self._show_refusal(str(exc))
            return
        self._show_plan(self.plan, agency)

    def _show_refusal(self, message: str) -> None:
        self.problems.setText(message)
        self.summary.setText("")
        self.report.clear()
        self.import_button.setEnabled(False)
        for combo in self.mapping_combos.values():
            combo.clear()
            combo.setEnabled(False)

    def _show_plan(self, plan: ImportPlan, agency: str) -> None:
        self._updating = True
        headers = plan.table.headers
        for field, combo in self.mapping_combos.items():
            combo.clear()
            combo.setEnabled(True)
            combo.addItem(NOT_MAPPED)
            combo.addItems(headers)
            index = plan.mapping.get(field)
            combo.setCurrentIndex(0 if index is None else index + 1)
        self._updating = False
        self._fill_preview(plan)
        problems = list(plan.problems)
        if not agency:
            problems.insert(0, "Choose the agency this chronology comes from.")
        self.problems.setText("\n".join(problems))
        self.problems.setVisible(bool(problems))
        source = {
            "remembered": f"the columns used for {agency}'s last file",
            "guessed": "columns recognised from their headings",
            "given": "the columns you chose",
        }[plan.mapping_source]
        parts = [
            f"<b>{len(plan.entries)}</b> entries from {len(plan.table.rows)} rows, using {source}.",
        ]
        if plan.flagged:
            parts.append(f"<b>{len(plan.flagged)}</b> will be flagged for checking.")
        if plan.continuations:
            parts.append(f"{len(plan.continuations)} undated rows join the entry above them.")
        if plan.replaces:
            r = plan.replaces
            parts.append(
                f"This replaces <b>{r.file_name}</b> imported {r.imported_at:%d/%m/%Y}: "
                f"{r.unchanged} entries unchanged, {r.added} new, {r.removed} no longer there. "
                "Theme tags and key episode links of unchanged entries are kept."
            )
        self.summary.setText(" ".join(parts))
        self.report.setPlainText("\n".join(plan.report_lines()))
        self.import_button.setEnabled(plan.can_commit and bool(agency) and not self.editor.readonly)

    def _fill_preview(self, plan: ImportPlan) -> None:
        headers = plan.table.headers
        mapped = {i: MAPPABLE_FIELDS[f] for f, i in plan.mapping.items()}
        self.preview.setColumnCount(len(headers))
        self.preview.setHorizontalHeaderLabels(
            [
                f"{h}\n→ {mapped[i]}" if i in mapped else f"{h}\n(kept, not mapped)"
                for i, h in enumerate(headers)
            ]
        )
        rows = plan.table.rows[:PREVIEW_ROWS]
        self.preview.setRowCount(len(rows))
        self.preview.setVerticalHeaderLabels([str(n) for n, _ in rows])
        for r, (_n, cells) in enumerate(rows):
            for c, value in enumerate(cells[: len(headers)]):
                self.preview.setItem(
                    r, c, QTableWidgetItem(" ".join(cell_text(value).split())[:120])
                )
        self.preview.resizeColumnsToContents()
        for c in range(len(headers)):
            self.preview.setColumnWidth(c, min(self.preview.columnWidth(c), 260))

    # Importing ---------------------------------------------------------------------------
    def do_import(self) -> None:
        if self.plan is None or not self.plan.can_commit:
            return
        agency = self.agency.currentText().strip()
        if self.plan.agency_name != agency:
            self.replan()
            if self.plan is None:
                return
        self.result = self.editor.call(commit_import, self.plan)
        if self.result is not None:
            self.editor.changed.emit("chronology_entry")
            self.accept()


def import_summary(result: ImportResult, file_name: str) -> str:
    text = f"Imported {result.imported} entries from {file_name}"
    if result.replaced:
        text += f", replacing {result.replaced} from the earlier import"
    if result.flagged:
        text += f"; {len(result.flagged)} flagged for checking"
    return text + "."
