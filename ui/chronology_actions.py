"""What can be done to the chronology's entries: add, delete, move, tag, link, cite, export."""

from pathlib import Path

from PySide6.QtWidgets import QComboBox, QFileDialog, QInputDialog, QLineEdit, QMessageBox

from app.chronology.entries import (
    add_entry,
    move_entry,
    remove_entry,
    restore_entry,
    review_themes,
    set_themes,
)
from app.chronology.episodes import link_entries, list_episodes
from app.chronology.export import export_chronology
from app.findings import add_evidence, list_findings
from app.vocab import DEFAULT_THEMES
from ui.chronology_model import EntryRole
from ui.files import suggested_path
from ui.import_dialog import ImportDialog, import_summary
from ui.screen import fit_to_screen
from ui.table_tools import polish_tables
from ui.tasks import run_task
from ui.widgets import FormDialog, plural

# The formats the chronology can be exported in, by suffix, as the save dialog lists them.
CHRONOLOGY_FORMATS = {
    ".xlsx": "Excel workbook (*.xlsx)",
    ".pdf": "PDF document (*.pdf)",
    ".docx": "Word document (*.docx)",
    ".html": "Accessible web page (*.html)",
}

CONFIRM_DELETE_OVER = 50  # more than this asks first, even though undo puts them back


class AddEntryDialog(FormDialog):
    """A new entry: its agency, its date as the agency wrote it, and what happened."""

    def __init__(self, agencies: list[str], parent=None):
        super().__init__("Add entry", "Add entry", parent)
        self.agency = QComboBox()
        self.agency.addItems(agencies)
        self.date_text = QLineEdit()
        self.date_text.setPlaceholderText("e.g. 02/01/2008, June 2016, c. 2017")
        self.event = QLineEdit()
        self.event.setPlaceholderText("What happened (can be written later)")
        self.form.addRow("Agency", self.agency)
        self.form.addRow("Date of the event", self.date_text)
        self.form.addRow("Event", self.event)
        self.finish_form(40)

    def accept(self) -> None:
        if not self.date_text.text().strip():
            self.date_text.setFocus()
            self.date_text.setPlaceholderText("A date is needed, as the agency wrote it")
            return
        super().accept()


class EntryCommands:
    """The commands of the chronology tab (mixed into it: they use its table and editor)."""

    # Actions -------------------------------------------------------------------------------
    def choose_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            "Import an agency chronology",
            "",
            "Chronologies (*.xlsx *.xlsm *.xlsb *.xls *.ods *.csv *.tsv *.txt *.md *.xml *.json *.jsonl "
            "*.htm *.html *.mht *.mhtml *.eml *.msg *.docx *.docm *.dotx *.dotm *.rtf *.odt *.pdf "
            "*.fodt *.fods *.ics *.pptx *.zip);;"
            "All files (*)",
        )
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> None:
        dialog = ImportDialog(
            self.editor, self.review_id, [a.agency for a in self.agencies], path, self
        )
        fit_to_screen(dialog, dialog.size())
        polish_tables(dialog)
        if dialog.exec() and dialog.result is not None:
            agencies = len({r.agency_id for r in dialog.results})
            self.window().statusBar().showMessage(
                import_summary(dialog.result, path.name, agencies), 15000
            )

    def add_entry(self) -> None:
        dialog = AddEntryDialog([a.agency for a in self.agencies], self)
        if dialog.exec() != AddEntryDialog.DialogCode.Accepted:
            return
        agency_id = self.agencies[dialog.agency.currentIndex()].agency_id
        values = {"date": dialog.date_text.text()}
        if dialog.event.text().strip():
            values["event"] = dialog.event.text().strip()
        entry_id = self.editor.call(add_entry, self.review_id, agency_id, values)
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
        if len(ids) > CONFIRM_DELETE_OVER:
            answer = QMessageBox.question(
                self,
                "Delete entries",
                f"Delete {len(ids):,} entries? Undo (Ctrl+Z) puts them back.",
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        row = min(self.model.row_of(ids[0]), max(0, len(self.model.ids) - len(ids) - 1))
        what = plural(len(ids), "entry", "entries")
        self.editor.undo_stack.beginMacro(f"Delete {what}")
        deleted = 0
        for entry_id in ids:
            deleted += self.editor.remove(
                "chronology_entry",
                lambda ctx, i=entry_id: remove_entry(ctx, i),
                restore_entry,
                "Delete entry",
            )
        self.editor.undo_stack.endMacro()
        if deleted:
            self.window().statusBar().showMessage(
                f"Deleted {plural(deleted, 'entry', 'entries')}: Ctrl+Z to undo", 10000
            )
            if 0 <= row < len(self.model.ids):
                self.select_entry(self.model.ids[row])  # the next entry, ready for the next key

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
            self, "Tag theme", f"Theme for {plural(len(ids), 'entry', 'entries')}:", themes, 0, True
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
                "There are no key practice episodes yet. Add one on the 'Key practice episodes' "
                "page (Ctrl+Tab from the entries), then link the entries to it."
            )
            return
        titles = [e.title for e in episodes]
        title, ok = QInputDialog.getItem(
            self,
            "Link to key episode",
            f"Key practice episode for {plural(len(ids), 'entry', 'entries')}:",
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
            self.editor.failed.emit(
                "There are no findings yet. Add one on the Findings tab (Ctrl+6), then cite the "
                "entries in it."
            )
            return
        titles = [f"{f.number}. {f.title}" for f in findings]
        title, ok = QInputDialog.getItem(
            self,
            "Cite in finding",
            f"Finding to cite {plural(len(ids), 'entry', 'entries')} in:",
            titles,
            0,
            False,
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

    def reference(self) -> str | None:
        review = getattr(self.window(), "workspace", None)
        review = getattr(review, "review", None)
        return review.reference if review is not None and review.id == self.review_id else None

    def show_source(self) -> None:
        """Where the current entry came from: file, sheet and row, and the cells not mapped."""
        index = self.view.currentIndex()
        entry = index.siblingAtColumn(0).data(EntryRole) if index.isValid() else None
        if entry is None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Information,
            "Where the entry came from",
            f"From {entry.source_ref}.",
            QMessageBox.StandardButton.Close,
            self,
        )
        if entry.source_values:
            box.setDetailedText(entry.source_values)
            box.setInformativeText("The cells of that row not used in the chronology are below.")
        box.exec()

    def choose_export(self) -> None:
        if self.editor.export_refusal:  # (from the Export menu: said before a file is chosen)
            self.editor.failed.emit(self.editor.export_refusal)
            return
        path, chosen = QFileDialog.getSaveFileName(
            self,
            "Export the chronology",
            suggested_path(self.reference(), "chronology", ".xlsx"),
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
                .showMessage(f"Exported {plural(count, 'entry', 'entries')} to {target}", 15000)
            ),
            self.editor.failed.emit,
        )
