"""The integrated chronology of a review: filters, the merged table, the selected entry."""

from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.chronology.entries import (
    EntryFilter,
    add_entry,
    count_entries,
    move_entry,
    remove_entry,
    restore_entry,
    review_themes,
    set_themes,
)
from app.chronology.episodes import link_entries, list_episodes
from app.chronology.event_types import EVENT_TYPES
from app.chronology.export import export_chronology
from app.findings import add_evidence, list_findings
from app.records import ImrSummary
from app.vocab import DEFAULT_THEMES
from ui.analysis_page import AnalysisPage
from ui.chronology_model import EVENT_COL, ChronologyModel, EntryIdRole
from ui.editing import Editor
from ui.entry_editor import EntryEditor
from ui.episodes_page import EpisodesPage
from ui.import_dialog import ImportDialog, import_summary
from ui.tasks import run_task
from ui.timeline_widget import TimelinePage
from ui.widgets import DateField

ALL = None

CHRONOLOGY_FORMATS = {
    ".xlsx": "Excel workbook (*.xlsx)",
    ".pdf": "PDF document (*.pdf)",
    ".docx": "Word document (*.docx)",
    ".html": "Accessible web page (*.html)",
}


class FilterBar(QWidget):
    """Agency, dates, type, person, theme, key episode, flagged, and free text."""

    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.agency = QComboBox()
        self.agency.setObjectName("filter_agency")
        self.event_type = QComboBox()
        self.event_type.setObjectName("filter_type")
        self.theme = QComboBox()
        self.theme.setObjectName("filter_theme")
        self.episode = QComboBox()
        self.episode.setObjectName("filter_episode")
        self.date_from = DateField()
        self.date_from.setObjectName("filter_from")
        self.date_to = DateField()
        self.date_to.setObjectName("filter_to")
        self.person = QLineEdit()
        self.person.setObjectName("filter_person")
        self.person.setPlaceholderText("Practitioner or person")
        self.person.setClearButtonEnabled(True)
        self.text = QLineEdit()
        self.text.setObjectName("filter_text")
        self.text.setPlaceholderText("Search the text (Ctrl+Shift+F)")
        self.text.setClearButtonEnabled(True)
        self.flagged = QCheckBox("Flagged only")
        self.flagged.setObjectName("filter_flagged")
        self.clear_button = QPushButton("Clear filters")
        self.clear_button.clicked.connect(self.clear)

        # Typing waits for a pause before filtering, so each keystroke does not query.
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(150)
        self._typing.timeout.connect(self.changed)
        for edit in (self.person, self.text):
            edit.textChanged.connect(lambda _t: self._typing.start())
        for combo in (self.agency, self.event_type, self.theme, self.episode):
            combo.activated.connect(lambda _i: self.changed.emit())
        for field in (self.date_from, self.date_to):
            field.committed.connect(self._date_committed)
        self.flagged.toggled.connect(lambda _c: self.changed.emit())

        row1 = QHBoxLayout()
        row1.addWidget(self.text, 3)
        row1.addWidget(self.agency, 2)
        row1.addWidget(self.event_type, 2)
        row1.addWidget(self.person, 2)
        row2 = QHBoxLayout()
        row2.addWidget(QLabel("From"))
        row2.addWidget(self.date_from)
        row2.addWidget(QLabel("to"))
        row2.addWidget(self.date_to)
        row2.addWidget(self.theme, 2)
        row2.addWidget(self.episode, 2)
        row2.addWidget(self.flagged)
        row2.addStretch(1)
        row2.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row1)
        layout.addLayout(row2)
        self._fill(self.event_type, "All event types", [(k, v) for k, v in EVENT_TYPES.items()])
        self.event_type.addItem("Type not recognised", "")

    def _date_committed(self, value) -> None:
        sender = self.sender()
        sender.set_saved(value)
        self.changed.emit()

    @staticmethod
    def _fill(combo: QComboBox, all_label: str, items: list[tuple]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(all_label, ALL)
        for key, label in items:
            combo.addItem(label, key)
        index = combo.findData(current)
        combo.setCurrentIndex(index if index >= 0 else 0)
        combo.blockSignals(False)

    def set_options(self, agencies: list[ImrSummary], themes: list[str], episodes) -> None:
        self._fill(self.agency, "All agencies", [(a.agency_id, a.agency) for a in agencies])
        self._fill(self.theme, "All themes", [(t, t) for t in themes])
        self._fill(self.episode, "All key episodes", [(e.id, e.title) for e in episodes])

    def current(self) -> EntryFilter:
        agency = self.agency.currentData()
        event_type = self.event_type.currentData()
        episode = self.episode.currentData()
        return EntryFilter(
            agency_ids=(agency,) if agency is not ALL else (),
            date_from=self.date_from.value(),
            date_to=self.date_to.value(),
            event_types=(event_type,) if event_type is not ALL else (),
            person=self.person.text(),
            theme=self.theme.currentData() or "",
            episode_id=episode,
            flagged_only=self.flagged.isChecked(),
            text=self.text.text(),
        )

    def describe(self) -> str:
        flt = self.current()
        parts = []
        if flt.agency_ids:
            parts.append(f"agency {self.agency.currentText()}")
        if flt.date_from or flt.date_to:
            start = f"{flt.date_from:%d/%m/%Y}" if flt.date_from else "the start"
            end = f"{flt.date_to:%d/%m/%Y}" if flt.date_to else "the end"
            parts.append(f"from {start} to {end}")
        if flt.event_types:
            parts.append(f"type {self.event_type.currentText()}")
        if flt.person.strip():
            parts.append(f"person '{flt.person.strip()}'")
        if flt.theme:
            parts.append(f"theme {flt.theme}")
        if flt.episode_id is not None:
            parts.append(f"key episode {self.episode.currentText()}")
        if flt.flagged_only:
            parts.append("flagged entries only")
        if flt.text.strip():
            parts.append(f"text '{flt.text.strip()}'")
        return ("Filtered: " + "; ".join(parts)) if parts else ""

    def clear(self) -> None:
        widgets = (self.person, self.text, self.agency, self.event_type, self.theme, self.episode)
        for widget in widgets:
            widget.blockSignals(True)
        self.person.clear()
        self.text.clear()
        for combo in (self.agency, self.event_type, self.theme, self.episode):
            combo.setCurrentIndex(0)
        for widget in widgets:
            widget.blockSignals(False)
        self.date_from.set_saved(None)
        self.date_to.set_saved(None)
        self.flagged.setChecked(False)
        self.changed.emit()


class ChronologyTab(QWidget):
    def __init__(self, editor: Editor, parent=None):
        super().__init__(parent)
        self.editor = editor
        self.review_id: int | None = None
        self.agencies: list[ImrSummary] = []
        self._last_entry: int | None = None

        self.import_button = QPushButton("Import agency chronology…")
        self.import_button.clicked.connect(self.choose_import)
        self.add_button = QPushButton("Add entry…")
        self.add_button.clicked.connect(self.add_entry)
        self.delete_button = QPushButton("Delete")
        self.delete_button.clicked.connect(self.delete_selected)
        self.earlier_button = QPushButton("Earlier")
        self.earlier_button.setToolTip("Move before the entry above it on the same date")
        self.earlier_button.clicked.connect(lambda: self.move_selected(-1))
        self.later_button = QPushButton("Later")
        self.later_button.setToolTip("Move after the entry below it on the same date")
        self.later_button.clicked.connect(lambda: self.move_selected(+1))
        self.tag_button = QPushButton("Tag theme…")
        self.tag_button.clicked.connect(self.tag_selected)
        self.link_button = QPushButton("Link to key episode…")
        self.link_button.clicked.connect(self.link_selected)
        self.cite_button = QPushButton("Cite in finding…")
        self.cite_button.setToolTip("Cite the selected entries as evidence for a finding")
        self.cite_button.clicked.connect(self.cite_selected)
        self.export_button = QPushButton("Export…")
        self.export_button.clicked.connect(self.choose_export)
        self.count = QLabel()
        self.count.setObjectName("chronology_count")
        actions = QHBoxLayout()
        for button in (
            self.import_button,
            self.add_button,
            self.delete_button,
            self.earlier_button,
            self.later_button,
            self.tag_button,
            self.link_button,
            self.cite_button,
        ):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.count)
        actions.addWidget(self.export_button)

        self.filters = FilterBar()
        self.filters.changed.connect(self.apply_filter)
        self.model = ChronologyModel(editor.ctx, self)
        self.view = QTableView()
        self.view.setObjectName("chronology_table")
        self.view.setModel(self.model)
        self.view.setSortingEnabled(True)
        self.view.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.view.horizontalHeader().sortIndicatorChanged.connect(self._sorted)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setWordWrap(False)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        header = self.view.horizontalHeader()
        widths = [110, 55, 170, 150, 420, 260, 180, 90]
        for column, width in enumerate(widths):
            header.resizeSection(column, width)
        header.setSectionResizeMode(EVENT_COL, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.entry_editor = EntryEditor(editor)

        splitter = QSplitter()
        splitter.setObjectName("chronology_splitter")
        splitter.addWidget(self.view)
        splitter.addWidget(self.entry_editor)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([900, 360])
        self.entries_page = QWidget()
        layout = QVBoxLayout(self.entries_page)
        layout.addLayout(actions)
        layout.addWidget(self.filters)
        layout.addWidget(splitter, 1)
        self.model.reloaded.connect(self._update_count)

        self.episodes_page = EpisodesPage(editor)
        self.analysis_page = AnalysisPage(editor)
        self.timeline_page = TimelinePage(editor)
        self.pages = QTabWidget()
        self.pages.setObjectName("chronology_pages")
        self.pages.setDocumentMode(True)
        self.pages.addTab(self.entries_page, "Entries")
        self.pages.addTab(self.episodes_page, "Key practice episodes")
        self.pages.addTab(self.analysis_page, "Analysis")
        self.pages.addTab(self.timeline_page, "Timeline")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.pages)
        self.episodes_page.show_entries.connect(self.show_episode_entries)
        self.analysis_page.show_entry.connect(lambda i: self.show_entries([i]))
        self.analysis_page.show_period.connect(self.show_period)
        self.timeline_page.entries_clicked.connect(self.show_entries)

    # Loading -------------------------------------------------------------------------------
    def show_review(self, review_id: int, agencies: list[ImrSummary]) -> None:
        changed_review = review_id != self.review_id
        self.review_id = review_id
        self.agencies = agencies
        self.filters.set_options(
            agencies,
            sorted(set(DEFAULT_THEMES) | set(review_themes(self.editor.ctx, review_id))),
            list_episodes(self.editor.ctx, review_id),
        )
        if changed_review:
            if self.filters.current().active:
                self.filters.clear()
            self.model.set_review(review_id)
            self.entry_editor.show_entry(None)
        self.episodes_page.show_review(review_id)
        self.analysis_page.show_review(review_id)
        self.timeline_page.show_review(review_id)
        self._update_buttons()

    def data_changed(self) -> None:
        """Entries were added, changed or removed: reload, keeping the selection."""
        current = self.current_entry_id()
        self.model.reload()
        if current is not None:
            self.select_entry(current)
        self.entry_editor.show_entry(self.current_entry_id())
        if self.review_id is not None:
            self.filters.set_options(
                self.agencies,
                sorted(set(DEFAULT_THEMES) | set(review_themes(self.editor.ctx, self.review_id))),
                list_episodes(self.editor.ctx, self.review_id),
            )
            self.episodes_page.show_review(self.review_id)
            self.analysis_page.show_review(self.review_id)
            self.timeline_page.show_review(self.review_id)

    # Click-through from the other pages ----------------------------------------------------
    def show_entries(self, entry_ids: list[int]) -> None:
        """Show these entries in the table (clearing filters that would hide them)."""
        if not entry_ids:
            return
        self.pages.setCurrentWidget(self.entries_page)
        if any(self.model.row_of(i) < 0 for i in entry_ids):
            self.filters.clear()
        self.select_entry(entry_ids[0])
        selection = self.view.selectionModel()
        for entry_id in entry_ids[1:]:
            row = self.model.row_of(entry_id)
            if row >= 0:
                selection.select(
                    self.model.index(row, 0),
                    QItemSelectionModel.SelectionFlag.Select
                    | QItemSelectionModel.SelectionFlag.Rows,
                )

    def show_period(self, start, end) -> None:
        self.pages.setCurrentWidget(self.entries_page)
        self.filters.clear()
        self.filters.date_from.set_saved(start - timedelta(days=30))
        self.filters.date_to.set_saved(end + timedelta(days=30))
        self.apply_filter()

    def show_episode_entries(self, episode_id: int) -> None:
        self.pages.setCurrentWidget(self.entries_page)
        self.filters.clear()
        self.filters.episode.setCurrentIndex(max(0, self.filters.episode.findData(episode_id)))
        self.apply_filter()

    def apply_filter(self) -> None:
        current = self.current_entry_id()
        self.model.set_filter(self.filters.current())
        if current is not None:
            self.select_entry(current)

    def _sorted(self, *_args) -> None:
        """After a sort (a model reset), keep the entry that was selected in view."""
        if self._last_entry is not None:
            self.select_entry(self._last_entry)

    def _update_count(self) -> None:
        shown = len(self.model.ids)
        total = count_entries(self.editor.ctx, self.review_id) if self.review_id else 0
        if self.model.filter.active:
            self.count.setText(f"{shown:,} of {total:,} entries")
        else:
            self.count.setText(f"{total:,} entries")

    def current_entry_id(self) -> int | None:
        index = self.view.currentIndex()
        return index.siblingAtColumn(0).data(EntryIdRole) if index.isValid() else None

    def selected_entry_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        return [self.model.ids[r] for r in rows if r < len(self.model.ids)]

    def select_entry(self, entry_id: int) -> bool:
        row = self.model.row_of(entry_id)
        if row < 0:
            return False
        index = self.model.index(row, 0)
        self.view.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.view.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        return True

    def _current_changed(self, *_args) -> None:
        current = self.current_entry_id()
        if current is not None:
            self._last_entry = current
        shown = self.entry_editor.entry.id if self.entry_editor.entry else None
        if current != shown:  # a re-sort reselects the same entry: nothing to reload
            self.entry_editor.show_entry(current)
        self._update_buttons()

    def _update_buttons(self) -> None:
        writable = not self.editor.readonly and self.review_id is not None
        selected = bool(self.view.selectionModel().selectedRows())
        self.import_button.setEnabled(writable)
        self.add_button.setEnabled(writable and bool(self.agencies))
        for button in (
            self.delete_button,
            self.earlier_button,
            self.later_button,
            self.tag_button,
            self.link_button,
            self.cite_button,
        ):
            button.setEnabled(writable and selected)
        self.export_button.setEnabled(self.review_id is not None)

    # Actions -------------------------------------------------------------------------------
    def choose_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            "Import an agency chronology",
            "",
            "Chronologies (*.xlsx *.xlsm *.xls *.ods *.csv *.txt *.docx);;All files (*)",
        )
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> None:
        dialog = ImportDialog(
            self.editor, self.review_id, [a.agency for a in self.agencies], path, self
        )
        if dialog.exec() and dialog.result is not None:
            self.window().statusBar().showMessage(import_summary(dialog.result, path.name), 15000)

    def add_entry(self) -> None:
        names = [a.agency for a in self.agencies]
        agency, ok = QInputDialog.getItem(self, "Add entry", "Agency:", names, 0, False)
        if not ok:
            return
        date_text, ok = QInputDialog.getText(
            self, "Add entry", "Date of the event (e.g. 02/01/2008, June 2016, c. 2017):"
        )
        if not ok or not date_text.strip():
            return
        agency_id = self.agencies[names.index(agency)].agency_id
        entry_id = self.editor.call(add_entry, self.review_id, agency_id, {"date": date_text})
        if entry_id is not None:
            self.editor.added(
                "chronology_entry", entry_id, "Add entry", remove_entry, restore_entry
            )
            self.select_entry(entry_id)
            self.entry_editor.texts["event"].setFocus()

    def delete_selected(self) -> None:
        ids = self.selected_entry_ids()
        if not ids:
            return
        if len(ids) > 1:
            answer = QMessageBox.question(
                self,
                "Delete entries",
                f"Delete {len(ids)} entries? Undo (Ctrl+Z) puts them back.",
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.editor.undo_stack.beginMacro(f"Delete {len(ids)} entries")
        for entry_id in ids:
            self.editor.remove(
                "chronology_entry",
                lambda ctx, i=entry_id: remove_entry(ctx, i),
                restore_entry,
                "Delete entry",
            )
        self.editor.undo_stack.endMacro()

    def move_selected(self, step: int) -> None:
        entry_id = self.current_entry_id()
        if entry_id is None:
            return
        change = self.editor.call(move_entry, entry_id, step)
        if change is None:
            self.window().statusBar().showMessage(
                "The entry is already the " + ("first" if step < 0 else "last") + " on its date.",
                5000,
            )
            return
        self.editor.record_change(change, "Move entry")
        self.select_entry(entry_id)

    def tag_selected(self) -> None:
        ids = self.selected_entry_ids()
        if not ids:
            return
        themes = sorted(set(DEFAULT_THEMES) | set(review_themes(self.editor.ctx, self.review_id)))
        theme, ok = QInputDialog.getItem(
            self, "Tag theme", f"Theme for {len(ids)} entries:", themes, 0, True
        )
        if ok and theme.strip():
            self.editor.run(set_themes, ids, theme, True, kind="chronology_entry")

    def link_selected(self) -> None:
        ids = self.selected_entry_ids()
        episodes = list_episodes(self.editor.ctx, self.review_id)
        if not ids:
            return
        if not episodes:
            self.editor.failed.emit(
                "There are no key practice episodes yet. Add one on the 'Key practice episodes' page."
            )
            return
        titles = [e.title for e in episodes]
        title, ok = QInputDialog.getItem(
            self,
            "Link to key episode",
            f"Key practice episode for {len(ids)} entries:",
            titles,
            0,
            False,
        )
        if ok:
            episode = episodes[titles.index(title)]
            self.editor.run(link_entries, episode.id, ids, kind="key_episode")

    def cite_selected(self) -> None:
        ids = self.selected_entry_ids()
        if not ids:
            return
        findings = list_findings(self.editor.ctx, self.review_id)
        if not findings:
            self.editor.failed.emit("There are no findings yet. Add one on the Findings tab.")
            return
        titles = [f"{f.number}. {f.title}" for f in findings]
        title, ok = QInputDialog.getItem(
            self, "Cite in finding", f"Finding to cite {len(ids)} entries in:", titles, 0, False
        )
        if not ok or title not in titles:
            return
        finding = findings[titles.index(title)]
        added = self.editor.run(add_evidence, finding.id, entry_ids=ids, kind="finding")
        if added is not None:
            already = len(ids) - added
            note = f" ({already} already cited there)" if already else ""
            self.window().statusBar().showMessage(
                f"Cited {added} entr{'y' if added == 1 else 'ies'} in finding {finding.number}"
                f"{note}.",
                8000,
            )

    def choose_export(self) -> None:
        path, chosen = QFileDialog.getSaveFileName(
            self,
            "Export the chronology",
            "chronology.xlsx",
            ";;".join(CHRONOLOGY_FORMATS.values()),
        )
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() not in CHRONOLOGY_FORMATS:
            suffix = next((k for k, v in CHRONOLOGY_FORMATS.items() if v == chosen), ".xlsx")
            target = target.with_suffix(suffix)
        flt = self.model.filter
        note = self.filters.describe()
        ctx, review_id = self.editor.ctx, self.review_id
        run_task(
            self,
            f"Exporting the chronology to {target.name}…",
            lambda _progress: export_chronology(ctx, review_id, target, flt, note),
            lambda count: (
                self.window()
                .statusBar()
                .showMessage(f"Exported {count:,} entries to {target}", 15000)
            ),
            self.editor.failed.emit,
        )
