"""The integrated chronology of a review: filters, the merged table, the selected entry."""

from datetime import timedelta

from PySide6.QtCore import QEvent, QItemSelection, QItemSelectionModel, QSize, Qt
from PySide6.QtGui import QAction, QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from app.chronology.entries import (
    count_entries,
    review_themes,
)
from app.chronology.episodes import list_episodes
from app.records import ImrSummary
from app.vocab import DEFAULT_THEMES
from ui.analysis_page import AnalysisPage
from ui.chronology_actions import CHRONOLOGY_FORMATS, EntryCommands  # noqa: F401
from ui.chronology_columns import ChronologyColumns
from ui.chronology_filters import FilterBar
from ui.chronology_model import ChronologyModel, EntryIdRole
from ui.editing import Editor
from ui.entry_editor import EntryEditor
from ui.episodes_page import EpisodesPage
from ui.icons import icon
from ui.table_tools import copy_rows, polish_table, reachable_by_tab, separator, view_action
from ui.timeline_widget import TimelinePage
from ui.widgets import WordsWhileTheyFit


class EmptyHint(QWidget):
    """Over the table's empty rows: what to do, and buttons to do it (Import, Add entry)."""

    def __init__(self, view: QTableView, on_import, on_add):
        super().__init__(view.viewport())
        self.setObjectName("chronology_empty")
        self.words = QLabel()
        self.words.setObjectName("chronology_empty_words")
        self.words.setWordWrap(True)
        self.words.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.import_button = QPushButton(icon("import"), "Import agency chronology…")
        self.import_button.setObjectName("chronology_empty_import")
        self.import_button.clicked.connect(lambda _checked=False: on_import())
        self.add_button = QPushButton(icon("add"), "Add an entry…")
        self.add_button.setObjectName("chronology_empty_add")
        self.add_button.clicked.connect(lambda _checked=False: on_add())
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.addStretch(1)
        layout.addWidget(self.words)
        layout.addLayout(buttons)
        layout.addStretch(2)
        view.viewport().installEventFilter(self)
        self.setGeometry(view.viewport().rect())
        self.hide()

    def say(self, words: str, can_import: bool = False, can_add: bool = False) -> None:
        self.words.setText(words)
        self.import_button.setVisible(can_import)
        self.add_button.setVisible(can_add)
        self.setGeometry(self.parentWidget().rect())
        self.show()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.Resize:
            self.setGeometry(watched.rect())
        return False


class ChronologyTab(EntryCommands, QWidget):
    def __init__(self, editor: Editor, parent=None):
        super().__init__(parent)
        self.editor = editor
        self.review_id: int | None = None
        self.agencies: list[ImrSummary] = []
        self._last_entry: int | None = None

        # The entries' commands: on the toolbar, in the table's right-click menu, and by key.
        self.toolbar = QToolBar("Chronology")
        self.toolbar.setObjectName("chronology_toolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toolbar.setIconSize(QSize(16, 16))
        self.import_action = self._command(
            "Import agency chronology…", self.choose_import, "import"
        )
        self.add_action = self._command("Add entry…", self.add_entry, "add")
        self.delete_action = self._command("Delete", self.delete_selected, "delete")
        self.toolbar.addSeparator()
        self.tag_action = self._command(
            "Tag theme…", self.tag_selected, "tag", "Tag the selected entries with a theme (Ctrl+T)"
        )
        self.link_action = self._command(
            "Link to key episode…",
            self.link_selected,
            "link",
            "Link the selected entries to a key practice episode (Ctrl+K)",
        )
        self.cite_action = self._command(
            "Cite in finding…",
            self.cite_selected,
            "cite",
            "Cite the selected entries as evidence for a finding (Ctrl+E)",
        )
        self.entries_page_keys: list[QAction] = []
        self.export_action = self._command("Export…", self.choose_export, "export")
        # Last on the bar (they fold away first on a narrow window); also Alt+Up / Alt+Down.
        self.toolbar.addSeparator()
        self.earlier_action = self._command(
            "Earlier",
            lambda: self.move_selected(-1),
            tip="Move before the entry above it on the same date (Alt+Up)",
        )
        self.later_action = self._command(
            "Later",
            lambda: self.move_selected(+1),
            tip="Move after the entry below it on the same date (Alt+Down)",
        )
        self.count = QLabel()
        self.count.setObjectName("chronology_count")
        (
            self.import_button,
            self.add_button,
            self.delete_button,
            self.earlier_button,
            self.later_button,
            self.tag_button,
            self.link_button,
            self.cite_button,
            self.export_button,
        ) = (
            self.toolbar.widgetForAction(a)
            for a in (
                self.import_action,
                self.add_action,
                self.delete_action,
                self.earlier_action,
                self.later_action,
                self.tag_action,
                self.link_action,
                self.cite_action,
                self.export_action,
            )
        )
        # On a projector the buttons give up their words, least needed first, before any
        # command folds away behind "»" (each keeps its icon and its tooltip).
        self.toolbar_words = WordsWhileTheyFit(
            self.toolbar,
            [
                self.delete_action,
                self.tag_action,
                self.link_action,
                self.export_action,
                self.import_action,
                self.cite_action,
                self.add_action,
            ],
        )
        actions = QHBoxLayout()
        actions.addWidget(self.toolbar, 1)
        actions.addWidget(self.count)

        self.filters = FilterBar()
        self.filters.changed.connect(self.apply_filter)
        self.model = ChronologyModel(editor.ctx, self)
        self.view = QTableView()
        self.view.setObjectName("chronology_table")
        self.view.setAccessibleName("Chronology entries")
        self.view.setModel(self.model)
        self.view.setSortingEnabled(True)
        self.view.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.view.horizontalHeader().sortIndicatorChanged.connect(self._sorted)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setAlternatingRowColors(True)
        # Two lines of text a row, the last elided; the whole text is in the tooltip and the
        # editor. Every row the same height, so 50,000 rows cost nothing to lay out.
        self.view.setWordWrap(True)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        rows = self.view.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().lineSpacing() * 2 + 10)
        rows.hide()
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.columns = ChronologyColumns(self.view)
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.copy_action = view_action(
            self.view, "Copy", lambda: copy_rows(self.view), QKeySequence.StandardKey.Copy, "copy"
        )
        # The commands on the chosen entries have keys of their own, from the table or the
        # filters (the page's other fields), as the toolbar's tooltips say.
        for action, key in (
            (self.tag_action, "Ctrl+T"),
            (self.cite_action, "Ctrl+E"),
            (self.link_action, "Ctrl+K"),
        ):
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.view.addAction(action)
            self.entries_page_keys.append(action)
        for action, key in ((self.earlier_action, "Alt+Up"), (self.later_action, "Alt+Down")):
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            self.view.addAction(action)
        self.source_action = view_action(
            self.view, "Where it came from…", self.show_source, None, "open"
        )
        separator(self.view)
        self.view.addAction(self.delete_action)
        self.delete_action.setShortcuts(
            [QKeySequence.StandardKey.Delete, QKeySequence("Backspace")]
        )
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        polish_table(self.view)
        find = QShortcut(QKeySequence("Ctrl+Shift+F"), self)
        find.setContext(Qt.ShortcutContext.WindowShortcut)
        find.activated.connect(self.focus_search)
        self.entry_editor = EntryEditor(editor)
        # An empty chronology says what to do, with the two ways to begin one.
        self.empty_hint = EmptyHint(self.view, self.choose_import, self.add_entry)

        splitter = QSplitter()
        splitter.setObjectName("chronology_splitter")
        splitter.addWidget(self.view)
        splitter.addWidget(self.entry_editor)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([900, 360])
        self.entries_page = QWidget()
        # Ctrl+T / Ctrl+K / Ctrl+E wherever the focus is on the page (the filters, the table).
        self.entries_page.addActions(self.entries_page_keys)
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
        reachable_by_tab(self.toolbar)

    def _command(self, text: str, slot, icon_name: str = "", tip: str = "") -> QAction:
        action = self.toolbar.addAction(icon(icon_name) if icon_name else QIcon(), text)
        action.triggered.connect(lambda _checked=False: slot())
        if tip:
            action.setToolTip(tip)
        return action

    def focus_search(self) -> None:
        """Ctrl+Shift+F: the entries, with the cursor in the text search."""
        self.pages.setCurrentWidget(self.entries_page)
        self.filters.text.setFocus()
        self.filters.text.selectAll()

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
        chosen = self.selected_entry_ids()
        self.model.reload()
        if current is not None:
            self.select_entry(current)
        # The entries chosen stay chosen (tagged, then linked, then cited, by the keyboard).
        self._also_select([i for i in chosen if i != current])
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

    def _also_select(self, entry_ids: list[int]) -> None:
        """Add these entries' rows to the selection, in runs of rows (one call, however
        many)."""
        rows = sorted(r for r in map(self.model.row_of, entry_ids) if r >= 0)
        if not rows:
            return
        selection = QItemSelection()
        last = self.model.columnCount() - 1
        start = previous = rows[0]
        for row in [*rows[1:], None]:
            if row is not None and row == previous + 1:
                previous = row
                continue
            selection.select(self.model.index(start, 0), self.model.index(previous, last))
            if row is not None:
                start = previous = row
        self.view.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.Select)

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
        if current is not None and not self.select_entry(current):
            # The entry being edited is filtered out: the editor no longer shows an entry the
            # table does not (it says to select one).
            self.entry_editor.show_entry(self.current_entry_id())

    def _sorted(self, *_args) -> None:
        """After a sort (a model reset), keep the entry that was selected in view."""
        if self._last_entry is not None:
            self.select_entry(self._last_entry)

    def _update_count(self) -> None:
        shown = len(self.model.ids)
        self._update_hint()
        if not self.model.filter.active:  # every entry is shown: no need to count them again
            self.count.setText(f"{shown:,} entries")
            return
        total = count_entries(self.editor.ctx, self.review_id) if self.review_id else 0
        self.count.setText(f"{shown:,} of {total:,} entries")

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

    def _update_hint(self) -> None:
        """Words over an empty table: how to begin a chronology, or that the filters hide
        every entry."""
        if self.review_id is None or self.model.ids:
            self.empty_hint.hide()
            return
        if self.model.filter.active:
            self.empty_hint.say("No entry matches the filters. Clear filters shows them all.")
        elif self.editor.readonly:
            self.empty_hint.say("No chronology entries yet.")
        else:
            can_add = self.add_action.isEnabled()
            by_hand = (
                "or add an entry by hand."
                if can_add
                else "or add the agency under IMRs (Ctrl+4) to add entries by hand."
            )
            self.empty_hint.say(
                "No chronology entries yet. Import the chronology an agency sent (Ctrl+I: a "
                f"spreadsheet, Word, PDF or CSV file), {by_hand}",
                can_import=self.import_action.isEnabled(),
                can_add=can_add,
            )

    def _update_buttons(self) -> None:
        writable = not self.editor.readonly and self.review_id is not None
        selected = bool(self.view.selectionModel().selectedRows())
        self.import_action.setEnabled(writable)
        self.add_action.setEnabled(writable and bool(self.agencies))
        for action in (
            self.delete_action,
            self.earlier_action,
            self.later_action,
            self.tag_action,
            self.link_action,
            self.cite_action,
        ):
            action.setEnabled(writable and selected)
        self.source_action.setEnabled(selected)
        refusal = self.editor.export_refusal
        self.export_action.setEnabled(self.review_id is not None and not refusal)
        self.export_action.setToolTip(refusal or "Export the chronology")
        self._update_hint()
