"""The finding editor: every field of the selected finding, with its evidence, themes and the
key lines of enquiry it answers on sub-tabs, saved as each is finished."""

from PySide6.QtCore import QMargins, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.chronology.episodes import list_episodes
from app.coding import national_codes_text
from app.findings import FindingRecord, add_evidence, remove_evidence, set_lines, set_themes
from app.imrs import IMR_SECTIONS
from app.records import ImrSummary, LineOfEnquiryRecord
from app.vocab import FINDING_KINDS, FINDING_STATUSES
from ui.editing import Editor
from ui.fitting_tabs import FittingTabs
from ui.theme import muted_colour, scaled_font
from ui.widgets import (
    CommitLineEdit,
    CommitTextEdit,
    DateField,
    FormDialog,
    named,
    set_editable,
    squeezable,
)

KeyRole = Qt.ItemDataRole.UserRole + 30
LINES_PAGE = "Key lines of enquiry answered"
LINES_PAGE_SHORT = "Lines answered"
CitedRole = Qt.ItemDataRole.UserRole + 31  # what a citation points at: (kind, target id)
PAGE_MARGINS = QMargins(4, 4, 4, 4)  # inside the pages' own frame


def _short_page_name(full: str) -> str:
    """A finding's page name as it reads in less room: "Lines answered (1 of 6)"."""
    if full.startswith(LINES_PAGE):
        return LINES_PAGE_SHORT + full[len(LINES_PAGE) :]
    return full


class CheckList(QListWidget):
    """A short list to tick; ``checked_changed(keys)`` when the user ticks or unticks one."""

    checked_changed = Signal(list)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._loading = False
        self.shown_checked: set = set()  # the ticks as last shown: what a change started from
        self.setUniformItemSizes(True)
        self.setSpacing(2)
        self.itemChanged.connect(self._item_changed)

    def set_items(self, items: list[tuple[object, str]], checked) -> None:
        """Show ``(key, text)`` items; rebuilt only when the keys change, so a reload after a
        tick keeps the list where the user had scrolled it."""
        self._loading = True
        keys = [self.item(i).data(KeyRole) for i in range(self.count())]
        if keys != [key for key, _text in items]:
            self.clear()
            for key, _text in items:
                item = QListWidgetItem()
                item.setData(KeyRole, key)
                item.setFlags(
                    Qt.ItemFlag.ItemIsUserCheckable
                    | Qt.ItemFlag.ItemIsEnabled
                    | Qt.ItemFlag.ItemIsSelectable
                )
                self.addItem(item)
        for row, (key, text) in enumerate(items):
            item = self.item(row)
            item.setText(text)
            item.setToolTip(text)
            item.setCheckState(Qt.CheckState.Checked if key in checked else Qt.CheckState.Unchecked)
        self.shown_checked = {key for key, _text in items if key in checked}
        self._loading = False

    def checked_keys(self) -> list:
        return [
            self.item(i).data(KeyRole)
            for i in range(self.count())
            if self.item(i).checkState() == Qt.CheckState.Checked
        ]

    def set_checked(self, key, checked: bool = True) -> None:
        """Tick or untick as the user would (emits ``checked_changed``)."""
        for i in range(self.count()):
            if self.item(i).data(KeyRole) == key:
                state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
                self.item(i).setCheckState(state)
                return

    def _item_changed(self, _item) -> None:
        if not self._loading:
            self.checked_changed.emit(self.checked_keys())


class CiteImrDialog(FormDialog):
    """Choose an agency's IMR and, optionally, one of its sections."""

    def __init__(self, imrs: list[ImrSummary], parent=None):
        super().__init__("Cite an IMR section", "Cite", parent)
        self.agency = QComboBox()
        for imr in imrs:
            self.agency.addItem(imr.agency, imr.imr_id)
        self.section = QComboBox()
        self.section.addItem("The IMR as a whole", "")
        for key, label in IMR_SECTIONS.items():
            self.section.addItem(label, key)
        self.form.addRow("Agency's IMR", self.agency)
        self.form.addRow("Section", self.section)
        self.finish_form()


class FindingPanel(QWidget):
    """Every field of one finding, saved as each is finished."""

    show_entry = Signal(int)  # a cited chronology entry to show

    def __init__(self, editor: Editor, parent=None):
        super().__init__(parent)
        self.editor = editor
        self.finding: FindingRecord | None = None
        self.imrs: list[ImrSummary] = []
        self.review_id: int | None = None

        self.heading = QLabel()
        self.heading.setObjectName("finding_heading")
        self.heading.setFont(scaled_font(self.font(), 1.25, bold=True))
        self.heading.setWordWrap(True)

        self.title = CommitLineEdit()
        self.title.setObjectName("finding_title")
        self.title.committed.connect(lambda t: self._save("title", t, "title"))
        self.kind = self._combo(FINDING_KINDS, "kind")
        self.status = self._combo(FINDING_STATUSES, "status")
        self.agreed_on = DateField(name="Agreed by the panel on")
        self.agreed_on.setObjectName("finding_agreed_on")
        self.agreed_on.committed.connect(lambda v: self._save("agreed_on", v, "date agreed"))
        self.agreed_at = CommitLineEdit()
        self.agreed_at.setObjectName("finding_agreed_at")
        self.agreed_at.setAccessibleName("Agreed at (meeting)")
        self.agreed_at.setPlaceholderText("Panel meeting of …")
        self.agreed_at.committed.connect(lambda t: self._save("agreed_at", t, "meeting"))
        kind_row = QHBoxLayout()
        kind_row.addWidget(self.kind)
        kind_row.addSpacing(12)
        kind_row.addWidget(QLabel("Status"))
        kind_row.addWidget(self.status)
        kind_row.addStretch(1)
        agreed_row = QHBoxLayout()
        agreed_row.addWidget(self.agreed_on)
        agreed_row.addSpacing(12)
        agreed_row.addWidget(QLabel("at"))
        agreed_row.addWidget(self.agreed_at, 1)
        self.narrative = CommitTextEdit(
            placeholder="What the review found, why it matters, and what it rests on."
        )
        self.narrative.setObjectName("finding_narrative")
        self.narrative.setAccessibleName("Finding narrative")
        # Four lines at the least: on a laptop at 125% the finding's pages stay in sight below
        # it, and it grows with the window.
        self.narrative.setMinimumHeight(
            4 * self.narrative.fontMetrics().lineSpacing()
            + 2 * self.narrative.frameWidth()
            + int(2 * self.narrative.document().documentMargin())
        )
        self.narrative.committed.connect(lambda t: self._save("narrative", t, "narrative"))

        # Beside the findings list on a projector the three pages' names do not fit whole: the
        # third shortens (its count kept) rather than going behind scroll arrows.
        self.pages = FittingTabs(_short_page_name)
        self.pages.setObjectName("finding_pages")
        self.pages.addTab(self._evidence_page(), "Evidence")
        self.pages.addTab(self._themes_page(), "Themes")
        self.pages.addTab(self._lines_page(), LINES_PAGE)

        self.empty = QLabel("Add the review's first finding with “Add finding”.")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        # One grid: the narrative is a field like the others (its label beside it, not a line
        # above, which the pages keep on a short screen), and when the room is short the
        # narrative and the pages give up height alike.
        self.body = QWidget()
        body = QGridLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        rows = (
            ("Title", self.title),
            ("Kind", kind_row),
            ("Agreed on", agreed_row),
            ("Narrative", self.narrative),
        )
        for row, (text, field) in enumerate(rows):
            label = QLabel(text)
            top = Qt.AlignmentFlag.AlignTop if field is self.narrative else Qt.AlignmentFlag(0)
            body.addWidget(label, row, 0, Qt.AlignmentFlag.AlignLeft | top)
            if isinstance(field, QWidget):
                label.setBuddy(field)
                body.addWidget(field, row, 1)
            else:
                label.setBuddy(field.itemAt(0).widget())
                body.addLayout(field, row, 1)
        body.addWidget(squeezable(self.pages), len(rows), 0, 1, 2)
        body.setRowStretch(len(rows) - 1, 2)
        body.setRowStretch(len(rows), 3)
        body.setColumnStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.empty, 1)
        self.show_finding(None, [], [])

    def _combo(self, choices: dict[str, str], field: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(f"finding_{field}")
        for key, label in choices.items():
            combo.addItem(label, key)
        combo.activated.connect(lambda _i, c=combo: self._save(field, c.currentData(), field))
        return combo

    def _evidence_page(self) -> QWidget:
        self.evidence = QListWidget()
        self.evidence.setObjectName("finding_evidence")
        self.evidence.setAccessibleName("Evidence cited")
        self.evidence.setWordWrap(True)
        self.evidence.setSpacing(2)
        self.evidence.itemDoubleClicked.connect(self._evidence_opened)
        self.evidence.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.cite_episode_button = QPushButton("Cite a key episode…")
        self.cite_episode_button.clicked.connect(self.cite_episode)
        self.cite_imr_button = QPushButton("Cite an IMR section…")
        self.cite_imr_button.clicked.connect(self.cite_imr)
        self.show_entry_button = QPushButton("Show in chronology")
        self.show_entry_button.clicked.connect(
            lambda: self._evidence_opened(self.evidence.currentItem())
        )
        self.remove_evidence_button = QPushButton("Remove citation")
        self.remove_evidence_button.clicked.connect(self.remove_citation)
        # Two rows of two: the page stays narrow enough to sit beside the findings on a projector.
        cite, act = QHBoxLayout(), QHBoxLayout()
        cite.addWidget(self.cite_episode_button)
        cite.addWidget(self.cite_imr_button)
        cite.addStretch(1)
        act.addWidget(self.show_entry_button)
        act.addStretch(1)
        act.addWidget(self.remove_evidence_button)
        buttons = QVBoxLayout()
        buttons.addLayout(cite)
        buttons.addLayout(act)
        note = QLabel(
            "Chronology entries are cited from the Chronology tab (“Cite in finding…”); "
            "double-click one here to see it there."
        )
        note.setWordWrap(True)
        _mute(note)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(PAGE_MARGINS)
        layout.addWidget(self.evidence, 1)
        layout.addLayout(buttons)
        layout.addWidget(note)
        return page

    def _themes_page(self) -> QWidget:
        self.themes = CheckList()
        self.themes.setObjectName("finding_themes")
        named(self.themes, "Themes", "Tick each theme this finding is about")
        self.themes.checked_changed.connect(self._save_themes)
        self.add_theme_button = QPushButton("Another theme…")
        self.add_theme_button.clicked.connect(self.add_theme)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.add_theme_button)
        # The same finding in the national coding schemes, through the crosswalk.
        self.national_codes = QLabel()
        self.national_codes.setObjectName("finding_national_codes")
        self.national_codes.setWordWrap(True)
        _mute(self.national_codes)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(PAGE_MARGINS)
        layout.addWidget(self.themes, 1)
        layout.addWidget(self.national_codes)
        layout.addLayout(row)
        return page

    def _lines_page(self) -> QWidget:
        self.lines = CheckList()
        self.lines.setObjectName("finding_lines")
        named(self.lines, "Key lines of enquiry", "Tick each line of enquiry this finding answers")
        self.lines.setWordWrap(True)
        self.lines.setUniformItemSizes(False)
        self.lines.checked_changed.connect(self._save_lines)
        self.no_lines = QLabel(
            "The review has no key lines of enquiry yet: add them on the Terms of reference tab."
        )
        self.no_lines.setWordWrap(True)
        _mute(self.no_lines)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(PAGE_MARGINS)
        layout.addWidget(self.lines, 1)
        layout.addWidget(self.no_lines)
        return page

    # Loading -------------------------------------------------------------------------------
    def show_finding(
        self,
        finding: FindingRecord | None,
        lines: list[LineOfEnquiryRecord],
        themes: list[str],
    ) -> None:
        self.finding = finding
        has = finding is not None
        self.body.setVisible(has)
        self.heading.setVisible(has)
        self.empty.setVisible(not has)
        if finding is None:
            return
        self.heading.setText(f"{finding.kind_label} {finding.number}")
        self.title.set_saved(finding.title)
        self.kind.setCurrentIndex(max(0, self.kind.findData(finding.kind)))
        self.status.setCurrentIndex(max(0, self.status.findData(finding.status)))
        self.agreed_on.set_saved(finding.agreed_on)
        self.agreed_at.set_saved(finding.agreed_at)
        self.narrative.set_saved(finding.narrative)
        self.themes.set_items([(t, t) for t in themes], set(finding.themes))
        self.national_codes.setText(national_codes_text(finding.themes))
        self.lines.set_items(
            [(line.id, f"{n}. {line.text}") for n, line in enumerate(lines, start=1)],
            set(finding.line_ids),
        )
        self.no_lines.setVisible(not lines)
        self._show_evidence(finding)
        self.pages.setTabText(0, f"Evidence ({len(finding.evidence)})")
        self.pages.setTabText(1, f"Themes ({len(finding.themes)})")
        self.pages.setTabText(2, f"{LINES_PAGE} ({len(finding.line_ids)} of {len(lines)})")
        writable = not self.editor.readonly
        for widget in (
            self.title,
            self.kind,
            self.status,
            self.agreed_on,
            self.agreed_at,
            self.narrative,
            self.themes,
            self.lines,
        ):
            set_editable(widget, writable)
        self._update_buttons()

    def _show_evidence(self, finding: FindingRecord) -> None:
        current = self.evidence.currentItem()
        current_id = current.data(KeyRole) if current else None
        self.evidence.clear()
        for ev in finding.evidence:
            text = f"Chronology: {ev.description}" if ev.kind == "entry" else ev.description
            item = QListWidgetItem(text)
            item.setData(KeyRole, ev.id)
            item.setData(CitedRole, (ev.kind, ev.target_id))
            if ev.kind == "entry":
                item.setToolTip(f"{ev.description}\n\nDouble-click to show it in the chronology.")
            else:
                item.setToolTip(ev.description)
            self.evidence.addItem(item)
            if ev.id == current_id:
                self.evidence.setCurrentItem(item)
        if not finding.evidence:
            item = QListWidgetItem("Nothing cited yet.")
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.evidence.addItem(item)

    def _update_buttons(self) -> None:
        writable = not self.editor.readonly and self.finding is not None
        chosen = self._chosen_evidence()
        self.cite_episode_button.setEnabled(writable)
        self.cite_imr_button.setEnabled(writable and bool(self.imrs))
        self.add_theme_button.setEnabled(writable)
        self.remove_evidence_button.setEnabled(writable and chosen is not None)
        self.show_entry_button.setEnabled(chosen is not None and chosen[1][0] == "entry")

    def _chosen_evidence(self) -> tuple[int, tuple[str, int]] | None:
        item = self.evidence.currentItem()
        if item is None or item.data(KeyRole) is None:
            return None
        return item.data(KeyRole), item.data(CitedRole)

    # Saving --------------------------------------------------------------------------------
    def _save(self, field: str, value, label: str) -> None:
        finding = self.finding
        if finding is None or getattr(finding, field) == value:
            return
        self.editor.edit(
            "finding",
            finding.id,
            {field: value},
            f"Change finding {finding.number} {label}",
            shown=finding,
        )

    def _save_themes(self, themes: list[str]) -> None:
        if self.finding is not None:
            seen = self.themes.shown_checked
            self.editor.run(set_themes, self.finding.id, themes, seen=seen, kind="finding")

    def _save_lines(self, line_ids: list[int]) -> None:
        if self.finding is not None:
            seen = self.lines.shown_checked
            self.editor.run(set_lines, self.finding.id, line_ids, seen=seen, kind="finding")

    def add_theme(self) -> None:
        if self.finding is None:
            return
        theme, ok = QInputDialog.getText(self, "Another theme", "Theme for this finding:")
        if ok and theme.strip():
            themes = sorted({*self.finding.themes, theme.strip()})
            seen = self.finding.themes
            self.editor.run(set_themes, self.finding.id, themes, seen=seen, kind="finding")

    def cite_episode(self) -> None:
        if self.finding is None or self.review_id is None:
            return
        episodes = list_episodes(self.editor.ctx, self.review_id)
        if not episodes:
            self.editor.failed.emit(
                "There are no key practice episodes yet. Add them on the Chronology tab, "
                "on the 'Key practice episodes' page."
            )
            return
        titles = [e.title for e in episodes]
        title, ok = QInputDialog.getItem(
            self, "Cite a key episode", "Key practice episode:", titles, 0, False
        )
        if ok and title in titles:
            episode = episodes[titles.index(title)]
            self.editor.run(add_evidence, self.finding.id, episode_id=episode.id, kind="finding")

    def cite_imr(self) -> None:
        if self.finding is None or not self.imrs:
            return
        dialog = CiteImrDialog(self.imrs, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.editor.run(
                add_evidence,
                self.finding.id,
                imr_id=dialog.agency.currentData(),
                section=dialog.section.currentData(),
                kind="finding",
            )

    def remove_citation(self) -> None:
        chosen = self._chosen_evidence()
        if chosen is not None:
            self.editor.run(remove_evidence, chosen[0], kind="finding")

    def _evidence_opened(self, item: QListWidgetItem | None) -> None:
        target = item.data(CitedRole) if item is not None else None
        if target and target[0] == "entry":
            self.show_entry.emit(target[1])


def _mute(label: QLabel) -> None:
    palette = label.palette()
    palette.setColor(label.foregroundRole(), muted_colour())
    label.setPalette(palette)
