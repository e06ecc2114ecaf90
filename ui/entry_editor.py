"""The selected chronology entry: every field editable, and where it came from."""

import re
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.chronology.entries import EntryRow, edit_entry, get_entry
from app.chronology.event_types import EVENT_TYPES
from app.errors import UserError
from app.findings import findings_citing_entry
from ui.editing import Editor
from ui.theme import danger_colour, muted_colour, scaled_font
from ui.widgets import CommitLineEdit, CommitTextEdit, set_editable, tab_order_by_rows

LINE_FIELDS = [
    ("date", "Date", "As the agency wrote it: 02/01/2008, June 2016, c. March 2017, summer 2007"),
    ("time", "Time", "14:30"),
    ("recorded", "Date recorded", "When it was written up"),
    ("practitioner", "Practitioner", ""),
    ("role", "Role", ""),
    ("subjects", "Person(s)", "Who the entry is about"),
    ("source", "Source / record", ""),
]
TEXT_FIELDS = [
    ("event", "Event"),
    ("outcome", "Action / outcome"),
    ("significance", "Significance"),
]


_BREAK_AFTER = re.compile(r"([_./\\-])(?=\S)")


def breakable(text: str, longest: int = 16) -> str:
    """``text`` with a zero-width space after the underscores, dots, slashes and hyphens of
    its long words (file names), so a word-wrapped label can break them anywhere there."""
    return re.sub(
        rf"\S{{{longest + 1},}}",
        lambda word: _BREAK_AFTER.sub("\\1\u200b", word.group(0)),
        text,
    )


class EntryEditor(QWidget):
    """Edits go through ``Editor.call`` so they are saved at once and can be undone."""

    changed = Signal()

    def __init__(self, editor: Editor, parent=None):
        super().__init__(parent)
        self.editor = editor
        self.entry: EntryRow | None = None

        self.heading = QLabel("Select an entry")
        self.heading.setObjectName("entry_heading")
        self.heading.setFont(scaled_font(self.font(), 1.15, bold=True))
        self.heading.setWordWrap(True)
        self.flag_note = QLabel()
        self.flag_note.setWordWrap(True)
        palette = self.flag_note.palette()
        palette.setColor(self.flag_note.foregroundRole(), danger_colour())
        self.flag_note.setPalette(palette)

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.lines: dict[str, CommitLineEdit] = {}
        for field, label, hint in LINE_FIELDS:
            edit = CommitLineEdit()
            edit.setObjectName(f"entry_{field}")
            edit.setPlaceholderText(hint)
            edit.committed.connect(lambda text, f=field, lab=label: self._save({f: text}, lab))
            self.lines[field] = edit
            form.addRow(label, edit)
        self.type_combo = QComboBox()
        self.type_combo.setObjectName("entry_type")
        self.type_combo.setEditable(True)
        self.type_combo.addItems(list(EVENT_TYPES.values()))
        self.type_combo.lineEdit().editingFinished.connect(self._save_type)
        self.type_combo.activated.connect(lambda _i: self._save_type())
        form.insertRow(3, "Event type", self.type_combo)
        self.texts: dict[str, CommitTextEdit] = {}
        for field, label in TEXT_FIELDS:
            edit = CommitTextEdit()
            edit.setObjectName(f"entry_{field}")
            edit.setMinimumHeight(70)
            edit.committed.connect(lambda text, f=field, lab=label: self._save({f: text}, lab))
            self.texts[field] = edit
            form.addRow(label, edit)
        self.flagged = QCheckBox("Flagged for checking")
        self.flagged.setObjectName("entry_flagged")
        self.flagged.clicked.connect(
            lambda checked: self._save(
                {"flagged": checked, "flag_reason": "flagged by hand" if checked else ""}, "flag"
            )
        )
        form.addRow("", self.flagged)
        self.origin = QLabel()
        self.origin.setWordWrap(True)
        # A file's long name must not hold the panel wider than the pane (cut off at the right).
        self.origin.setMinimumWidth(1)
        self.origin.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        palette = self.origin.palette()
        palette.setColor(self.origin.foregroundRole(), muted_colour())
        self.origin.setPalette(palette)
        self.cited = QLabel()
        self.cited.setObjectName("entry_cited")
        self.cited.setTextFormat(Qt.TextFormat.RichText)
        self.cited.setWordWrap(True)
        self.cited.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.original = QPlainTextEdit()
        self.original.setObjectName("entry_original")
        self.original.setAccessibleName("Original row as the agency sent it")
        self.original.setReadOnly(True)
        self.original.setMaximumHeight(120)

        inner = QWidget()
        layout = QVBoxLayout(inner)
        layout.addWidget(self.heading)
        layout.addWidget(self.flag_note)
        layout.addLayout(form)
        tab_order_by_rows(form)  # Event type, inserted as the fourth row, is reached fourth
        layout.addWidget(QLabel("As imported"))
        layout.addWidget(self.origin)
        layout.addWidget(self.cited)
        layout.addWidget(self.original)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.show_entry(None)
        # Never narrower than its fields (a projector's 1024 pixels cut them off at the right):
        # it scrolls up and down only.
        bar = scroll.verticalScrollBar().sizeHint().width()
        self.setMinimumWidth(inner.minimumSizeHint().width() + bar + 2 * scroll.frameWidth())
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def show_entry(self, entry_id: int | None) -> None:
        self.entry = None
        if entry_id is not None:
            try:
                self.entry = get_entry(self.editor.ctx, entry_id)
            except UserError:
                self.entry = None
        entry = self.entry
        has = entry is not None
        for widget in [*self.lines.values(), *self.texts.values(), self.type_combo, self.flagged]:
            set_editable(widget, has and not self.editor.readonly, has)
        self.original.setEnabled(has)  # with no entry, Tab does not stop in an empty box
        # The examples in the fields ("14:30") only while an entry is open: on an empty editor
        # they read as an entry's values, and so would the first event type.
        for field, _label, hint in LINE_FIELDS:
            self.lines[field].setPlaceholderText(hint if has else "")
        if not has:
            self.type_combo.setEditText("")
            self.heading.setText("Select an entry to see and edit it.")
            self.flag_note.hide()
            self.origin.clear()
            self.show_citations()
            self.original.clear()
            for edit in self.lines.values():
                edit.set_saved("")
            for edit in self.texts.values():
                edit.set_saved("")
            return
        self.heading.setText(f"{entry.agency}: {entry.date_text or 'no date'}")
        self.flag_note.setVisible(entry.flagged)
        self.flag_note.setText(f"⚑ {entry.flag_reason}" if entry.flagged else "")
        values = {
            "date": entry.date_text,
            "time": entry.time,
            "recorded": entry.recorded.strftime("%d/%m/%Y")
            if entry.recorded
            else entry.recorded_text,
            "practitioner": entry.practitioner,
            "role": entry.role,
            "subjects": entry.subjects,
            "source": entry.source,
        }
        for field, edit in self.lines.items():
            edit.set_saved(values[field])
        for field, edit in self.texts.items():
            edit.set_saved(getattr(entry, field))
        self.type_combo.setEditText(entry.event_type_text or entry.type_label)
        self.flagged.setChecked(entry.flagged)
        tags = []
        if entry.themes:
            tags.append("Themes: " + ", ".join(entry.themes))
        if entry.episodes:
            tags.append("Key episodes: " + ", ".join(entry.episodes))
        self.origin.setText(breakable("\n".join([f"From {entry.source_ref}", *tags])))
        self.show_citations()
        lines = []
        for original in entry.original_cells():
            lines.append(f"Row {original.get('row')}:")
            for header, value in (original.get("values") or {}).items():
                if value not in (None, ""):
                    lines.append(f"  {header}: {value}")
        if not lines:
            lines.append(
                "Every column of the imported row is shown in the fields above."
                if entry.source_file
                else "Entered by hand."
            )
        self.original.setPlainText("\n".join(lines))

    def show_citations(self) -> None:
        """The findings that cite this entry (they change on the Findings tab, not here)."""
        cited = findings_citing_entry(self.editor.ctx, self.entry.id) if self.entry else []
        text = "; ".join(f"{number}. {escape(title)}" for _id, number, title in cited)
        self.cited.setText(f"<b>Cited in findings:</b> {text}" if cited else "")
        self.cited.setVisible(bool(cited))

    def _save_type(self) -> None:
        if self.entry is None:
            return
        text = self.type_combo.currentText()
        if text != (self.entry.event_type_text or self.entry.type_label):
            self._save({"event_type": text}, "event type")

    def _save(self, changes: dict, label: str) -> None:
        if self.entry is None:
            return
        saved = self.editor.save(
            edit_entry,
            self.entry.id,
            changes,
            text=f"Change entry {label.lower()}",
            shown=self.entry,
        )
        if not saved:
            self.show_entry(self.entry.id)  # refused or theirs kept: show what is stored
            return
        self.changed.emit()
