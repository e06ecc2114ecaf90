"""Key practice episodes: title, period and summary, and a way to see their entries."""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from app.chronology.episodes import list_episodes
from ui.editing import Editor
from ui.item_table import Column, ItemTable
from ui.widgets import CommitTextEdit, set_editable


class EpisodesPage(QWidget):
    show_entries = Signal(int)  # episode id: show its entries in the chronology

    def __init__(self, editor: Editor, parent=None):
        super().__init__(parent)
        self.editor = editor
        self.review_id: int | None = None
        self.episodes = []
        self.table = ItemTable(
            editor,
            "key_episode",
            [
                Column("title", "Key practice episode", stretch=True),
                Column("start", "From", is_date=True),
                Column("end", "To", is_date=True),
                Column("entries", "Entries", editable=False),
            ],
            "key episode",
            {"title": "New key practice episode"},
        )
        self.table.selection_changed.connect(self._selection_changed)
        self.summary = CommitTextEdit(
            placeholder="What happened in this period, and why it matters"
        )
        self.summary.setObjectName("episode_summary")
        self.summary.committed.connect(self._save_summary)
        self.show_button = QPushButton("Show its entries in the chronology")
        self.show_button.clicked.connect(self._show_entries)
        note = QLabel(
            "Group the chronology into the periods the review analyses. Link entries from the "
            "chronology table with 'Link to key episode…' (Ctrl+K)."
        )
        note.setWordWrap(True)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(QLabel("Summary"))
        right_layout.addWidget(self.summary, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.show_button)
        buttons.addStretch(1)
        right_layout.addLayout(buttons)
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(right)
        splitter.setSizes([700, 400])
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(splitter, 1)
        self._selection_changed()

    def show_review(self, review_id: int) -> None:
        self.review_id = review_id
        self.episodes = list_episodes(self.editor.ctx, review_id)
        self.table.show_items(review_id, self.episodes)
        self._selection_changed()

    def selected(self):
        chosen = self.table.selected_id()
        return next((e for e in self.episodes if e.id == chosen), None)

    def _selection_changed(self) -> None:
        episode = self.selected()
        set_editable(self.summary, not self.editor.readonly, episode is not None)
        self.summary.set_saved(episode.summary if episode else "")
        self.show_button.setEnabled(episode is not None)

    def _save_summary(self, text: str) -> None:
        episode = self.selected()
        if episode is not None:
            self.editor.edit(
                "key_episode",
                episode.id,
                {"summary": text},
                "Change episode summary",
                shown=episode,
            )

    def _show_entries(self) -> None:
        episode = self.selected()
        if episode is not None:
            self.show_entries.emit(episode.id)
