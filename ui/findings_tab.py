"""Findings: the numbered list, the selected finding with its evidence, and the coverage of the
terms of reference (which key lines of enquiry the findings answer)."""

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.chronology.episodes import list_episodes
from app.findings import (
    Coverage,
    FindingRecord,
    add_evidence,
    remove_evidence,
    set_lines,
    set_themes,
)
from app.imrs import IMR_SECTIONS
from app.items import remove_item
from app.records import ImrSummary, LineOfEnquiryRecord, ReviewDetail
from app.vocab import DEFAULT_THEMES, FINDING_KINDS, FINDING_STATUSES
from ui.editing import Editor
from ui.table_model import RecordTableModel
from ui.theme import danger_colour, muted_colour, scaled_font, status_colour
from ui.widgets import CommitLineEdit, CommitTextEdit, DateField

KeyRole = Qt.ItemDataRole.UserRole + 30
FindingIdRole = Qt.ItemDataRole.UserRole + 31
NOT_ANSWERED = "Not answered yet"

# Finding statuses and kinds drawn in the status colours the IMR board already uses.
STATUS_LOOK = {"draft": "not_requested", "for_discussion": "under_challenge", "agreed": "accepted"}
KIND_LOOK = {"good_practice": "accepted", "learning_point": "requested"}


def kind_text(kind: str) -> str:
    label = FINDING_KINDS.get(kind, kind)
    return f"★ {label}" if kind == "good_practice" else label


def _bold() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


class CheckList(QListWidget):
    """A short list to tick; ``checked_changed(keys)`` when the user ticks or unticks one."""

    checked_changed = Signal(list)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._loading = False
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


# The list of findings -----------------------------------------------------------------------
FindingRole = Qt.ItemDataRole.UserRole + 32


def evidence_text(finding: FindingRecord) -> str:
    n = len(finding.evidence)
    return f"{n} citation{'s' if n != 1 else ''}" if n else "nothing cited yet"


class FindingListModel(RecordTableModel):
    """One row a finding; the delegate draws its number, title, kind, status and evidence."""

    columns = ["Finding"]

    def cell(self, finding: FindingRecord, col: int, role):
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{finding.number}. {finding.title}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return (
                f"{finding.kind_label} {finding.number}: {finding.title}. "
                f"{finding.status_label}. {evidence_text(finding).capitalize()}."
            )
        if role in (FindingIdRole, FindingRole):
            return finding.id if role == FindingIdRole else finding
        if role == Qt.ItemDataRole.ToolTipRole:
            cited = "\n".join(f"• {e.description}" for e in finding.evidence)
            return finding.title + (f"\n\nEvidence:\n{cited}" if cited else "")
        return None


def wrap_lines(metrics: QFontMetrics, text: str, width: int, most: int) -> list[str]:
    """Word-wrap ``text`` into at most ``most`` lines, the last one elided if it overflows."""
    lines: list[str] = []
    words = text.split()
    while words and len(lines) < most:
        line = words.pop(0)
        while words and metrics.horizontalAdvance(f"{line} {words[0]}") <= width:
            line += " " + words.pop(0)
        lines.append(line)
    if words:
        rest = " ".join([lines[-1], *words])
        lines[-1] = metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width)
    return lines or [""]


class FindingItemDelegate(QStyledItemDelegate):
    """Number and title (up to two lines); under them kind, status and evidence in small type.
    Good practice has a ★, its kind in the 'accepted' colour, and a bar down its left edge."""

    PAD = 8

    def sizeHint(self, option, index) -> QSize:  # noqa: N802 - Qt naming
        fm = QFontMetrics(option.font)
        return QSize(240, self.PAD * 2 + (fm.height() + 2) * 3 + 2)

    def paint(self, painter, option, index) -> None:
        finding: FindingRecord = index.data(FindingRole)
        self.initStyleOption(option, index)
        option.text = ""
        style = option.widget.style() if option.widget else None
        if style:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        base = option.palette.color(role)
        good = finding.kind == "good_practice"
        painter.save()
        if good and not selected:
            bar = option.rect.adjusted(0, 3, 0, -3)
            bar.setWidth(4)
            painter.fillRect(bar, status_colour("accepted"))
        rect = option.rect.adjusted(self.PAD + 6, self.PAD, -self.PAD, -self.PAD)
        fm = QFontMetrics(option.font)
        line = fm.height() + 2
        bold = scaled_font(option.font, 1.0, bold=True)
        number = f"{finding.number}."
        number_width = QFontMetrics(bold).horizontalAdvance("00.") + 6
        painter.setPen(base)
        painter.setFont(bold)
        painter.drawText(
            QRect(rect.left(), rect.top(), number_width, line),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            number,
        )
        title_font = QFont(option.font)
        title_font.setItalic(good)
        painter.setFont(title_font)
        left = rect.left() + number_width
        width = rect.right() - left
        title_lines = wrap_lines(QFontMetrics(title_font), finding.title, width, 2)
        for i, text in enumerate(title_lines):
            painter.drawText(
                QRect(left, rect.top() + i * line, width, line),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                text,
            )
        small = scaled_font(option.font, 0.92)
        small_bold = scaled_font(option.font, 0.92, bold=True)
        parts = [
            (kind_text(finding.kind), small_bold if good else small, KIND_LOOK.get(finding.kind)),
            (finding.status_label, small_bold, STATUS_LOOK.get(finding.status, "")),
            (evidence_text(finding), small, None if finding.evidence else "muted"),
        ]
        x, y = left, rect.top() + len(title_lines) * line
        for i, (text, font, look) in enumerate(parts):
            if i:
                text = "  ·  " + text
            painter.setFont(font)
            if selected or look is None:
                painter.setPen(base)
            else:
                painter.setPen(muted_colour() if look == "muted" else status_colour(look))
            advance = QFontMetrics(font).horizontalAdvance(text)
            painter.drawText(
                QRect(x, y, max(0, rect.right() - x), line),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                text,
            )
            x += advance
        painter.restore()


# The selected finding ----------------------------------------------------------------------
class CiteImrDialog(QDialog):
    """Choose an agency's IMR and, optionally, one of its sections."""

    def __init__(self, imrs: list[ImrSummary], parent=None):
        super().__init__(parent)
        self.setWindowTitle("Cite an IMR section")
        self.agency = QComboBox()
        for imr in imrs:
            self.agency.addItem(imr.agency, imr.imr_id)
        self.section = QComboBox()
        self.section.addItem("The IMR as a whole", "")
        for key, label in IMR_SECTIONS.items():
            self.section.addItem(label, key)
        form = QFormLayout(self)
        form.addRow("Agency's IMR", self.agency)
        form.addRow("Section", self.section)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Cite")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.setMinimumWidth(420)


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
        self.agreed_on = DateField()
        self.agreed_on.setObjectName("finding_agreed_on")
        self.agreed_on.committed.connect(lambda v: self._save("agreed_on", v, "date agreed"))
        self.agreed_at = CommitLineEdit()
        self.agreed_at.setObjectName("finding_agreed_at")
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
        form = QFormLayout()
        form.addRow("Title", self.title)
        form.addRow("Kind", kind_row)
        form.addRow("Agreed on", agreed_row)

        self.narrative = CommitTextEdit(
            placeholder="What the review found, why it matters, and what it rests on."
        )
        self.narrative.setObjectName("finding_narrative")
        self.narrative.setMinimumHeight(120)
        self.narrative.committed.connect(lambda t: self._save("narrative", t, "narrative"))

        self.pages = QTabWidget()
        self.pages.setObjectName("finding_pages")
        self.pages.addTab(self._evidence_page(), "Evidence")
        self.pages.addTab(self._themes_page(), "Themes")
        self.pages.addTab(self._lines_page(), "Key lines of enquiry answered")

        self.empty = QLabel("Add the review's first finding with “Add finding”.")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.body = QWidget()
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.addLayout(form)
        body.addWidget(QLabel("Narrative"))
        body.addWidget(self.narrative, 2)
        body.addWidget(self.pages, 3)
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
        buttons = QHBoxLayout()
        for button in (self.cite_episode_button, self.cite_imr_button, self.show_entry_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.remove_evidence_button)
        note = QLabel(
            "To cite chronology entries, select them on the Chronology tab and choose "
            "“Cite in finding…”. Double-click an entry here to see it there."
        )
        note.setWordWrap(True)
        _mute(note)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(self.evidence, 1)
        layout.addLayout(buttons)
        layout.addWidget(note)
        return page

    def _themes_page(self) -> QWidget:
        self.themes = CheckList()
        self.themes.setObjectName("finding_themes")
        self.themes.checked_changed.connect(self._save_themes)
        self.add_theme_button = QPushButton("Another theme…")
        self.add_theme_button.clicked.connect(self.add_theme)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.add_theme_button)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(self.themes, 1)
        layout.addLayout(row)
        return page

    def _lines_page(self) -> QWidget:
        self.lines = CheckList()
        self.lines.setObjectName("finding_lines")
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
        self.lines.set_items(
            [(line.id, f"{n}. {line.text}") for n, line in enumerate(lines, start=1)],
            set(finding.line_ids),
        )
        self.no_lines.setVisible(not lines)
        self._show_evidence(finding)
        self.pages.setTabText(0, f"Evidence ({len(finding.evidence)})")
        self.pages.setTabText(1, f"Themes ({len(finding.themes)})")
        self.pages.setTabText(
            2, f"Key lines of enquiry answered ({len(finding.line_ids)} of {len(lines)})"
        )
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
            widget.setEnabled(writable)
        self._update_buttons()

    def _show_evidence(self, finding: FindingRecord) -> None:
        current = self.evidence.currentItem()
        current_id = current.data(KeyRole) if current else None
        self.evidence.clear()
        for ev in finding.evidence:
            text = f"Chronology: {ev.description}" if ev.kind == "entry" else ev.description
            item = QListWidgetItem(text)
            item.setData(KeyRole, ev.id)
            item.setData(FindingIdRole, (ev.kind, ev.target_id))
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
        return item.data(KeyRole), item.data(FindingIdRole)

    # Saving --------------------------------------------------------------------------------
    def _save(self, field: str, value, label: str) -> None:
        finding = self.finding
        if finding is None or getattr(finding, field) == value:
            return
        self.editor.edit(
            "finding", finding.id, {field: value}, f"Change finding {finding.number} {label}"
        )

    def _save_themes(self, themes: list[str]) -> None:
        if self.finding is not None:
            self.editor.run(set_themes, self.finding.id, themes, kind="finding")

    def _save_lines(self, line_ids: list[int]) -> None:
        if self.finding is not None:
            self.editor.run(set_lines, self.finding.id, line_ids, kind="finding")

    def add_theme(self) -> None:
        if self.finding is None:
            return
        theme, ok = QInputDialog.getText(self, "Another theme", "Theme for this finding:")
        if ok and theme.strip():
            themes = sorted({*self.finding.themes, theme.strip()})
            self.editor.run(set_themes, self.finding.id, themes, kind="finding")

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
        target = item.data(FindingIdRole) if item is not None else None
        if target and target[0] == "entry":
            self.show_entry.emit(target[1])


# Coverage of the terms of reference --------------------------------------------------------
class CoverageModel(QAbstractTableModel):
    """Key lines of enquiry (rows) against findings (columns), and whether each is answered."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.coverage = Coverage([], [], set())
        self._unanswered: set[int] = set()

    def set_coverage(self, coverage: Coverage) -> None:
        self.beginResetModel()
        self.coverage = coverage
        self._unanswered = {line[0] for line in coverage.unanswered}
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt naming
        return 0 if parent.isValid() else len(self.coverage.lines)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt naming
        return 0 if parent.isValid() else len(self.coverage.findings) + 2

    @property
    def last_column(self) -> int:
        return len(self.coverage.findings) + 1

    def finding_at(self, column: int) -> tuple[int, int, str] | None:
        if 1 <= column <= len(self.coverage.findings):
            return self.coverage.findings[column - 1]
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Vertical:
            if role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self.coverage.lines):
                return str(self.coverage.lines[section][1])
            return None
        finding = self.finding_at(section)
        if role == Qt.ItemDataRole.DisplayRole:
            if section == 0:
                return "Key line of enquiry"
            if section == self.last_column:
                return "Answered by"
            return str(finding[1]) if finding else None
        if role == Qt.ItemDataRole.ToolTipRole and finding:
            return f"Finding {finding[1]}: {finding[2]}"
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.coverage.lines):
            return None
        line_id, number, text = self.coverage.lines[index.row()]
        col = index.column()
        finding = self.finding_at(col)
        unanswered = line_id in self._unanswered
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return text
            if finding:
                return "✓" if (line_id, finding[0]) in self.coverage.answered else ""
            if col == self.last_column:
                return NOT_ANSWERED if unanswered else self._answered_by(line_id)
        if role == Qt.ItemDataRole.AccessibleTextRole and finding:
            answered = (line_id, finding[0]) in self.coverage.answered
            return (
                f"Finding {finding[1]} {'answers' if answered else 'does not answer'} line {number}"
            )
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == 0:
                return f"{number}. {text}"
            if finding:
                return f"Finding {finding[1]}: {finding[2]}\nClick to open the finding."
        if role == FindingIdRole and finding:
            return finding[0]
        if role == Qt.ItemDataRole.TextAlignmentRole and finding:
            return Qt.AlignmentFlag.AlignCenter
        if role == Qt.ItemDataRole.ForegroundRole and unanswered and col in (0, self.last_column):
            return danger_colour()
        if role == Qt.ItemDataRole.FontRole and (
            finding or (unanswered and col == self.last_column)
        ):
            return _bold()
        return None

    def _answered_by(self, line_id: int) -> str:
        numbers = [
            str(n)
            for fid, n, _t in self.coverage.findings
            if (line_id, fid) in self.coverage.answered
        ]
        return ("Finding " if len(numbers) == 1 else "Findings ") + ", ".join(numbers)


class CoveragePage(QWidget):
    finding_chosen = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.summary = QLabel()
        self.summary.setObjectName("coverage_summary")
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setWordWrap(True)
        self.view = QTableView()
        self.view.setObjectName("coverage_table")
        self.model = CoverageModel(self.view)
        self.view.setModel(self.model)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(True)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.verticalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self.view.clicked.connect(self._clicked)
        self.view.activated.connect(self._clicked)
        self.view.setAccessibleName("Coverage of the key lines of enquiry by the findings")
        note = QLabel(
            "Which key lines of enquiry the findings answer. Tick the lines a finding answers "
            "on the finding itself; click a ✓ column to open that finding."
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)

    def show_coverage(self, coverage: Coverage) -> None:
        self.model.set_coverage(coverage)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in range(1, self.model.columnCount()):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.summary.setText(coverage_summary(coverage))

    def _clicked(self, index: QModelIndex) -> None:
        finding_id = index.data(FindingIdRole)
        if finding_id is not None:
            self.finding_chosen.emit(finding_id)


def coverage_summary(coverage: Coverage) -> str:
    if not coverage.lines:
        return (
            "No key lines of enquiry yet: add them on the Terms of reference tab to see which "
            "findings answer them."
        )
    total, missing = len(coverage.lines), coverage.unanswered
    text = f"<b>{total}</b> key line{'s' if total != 1 else ''} of enquiry: "
    text += f"<b>{total - len(missing)}</b> answered"
    if missing:
        numbers = ", ".join(str(n) for _i, n, _t in missing)
        colour = danger_colour().name()
        text += (
            f" &nbsp;·&nbsp; <span style='color:{colour}'><b>{len(missing)} not answered yet</b>"
            f" (line{'s' if len(missing) != 1 else ''} {numbers})</span>"
        )
    return text


# The tab -----------------------------------------------------------------------------------
class FindingsTab(QWidget):
    show_entry = Signal(int)  # a chronology entry to show on the Chronology tab

    def __init__(self, editor: Editor, parent=None):
        super().__init__(parent)
        self.editor = editor
        self.review_id: int | None = None
        self.lines: list[LineOfEnquiryRecord] = []
        self.findings: list[FindingRecord] = []

        self.view = QListView()
        self.view.setObjectName("findings_list")
        self.model = FindingListModel(self.view)
        self.view.setModel(self.model)
        self.view.setItemDelegate(FindingItemDelegate(self.view))
        self.view.setUniformItemSizes(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setAlternatingRowColors(True)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._row_changed())
        self.view.setAccessibleName("Findings")

        self.add_button = QPushButton("Add finding")
        self.add_button.clicked.connect(self.add_finding)
        self.remove_button = QPushButton("Remove…")
        self.remove_button.clicked.connect(self.remove_selected)
        self.up_button = QPushButton("Move up")
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button = QPushButton("Move down")
        self.down_button.clicked.connect(lambda: self.move_selected(+1))
        buttons = QHBoxLayout()
        for button in (self.add_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.remove_button)
        self.count = QLabel()
        self.count.setObjectName("findings_count")
        self.count.setTextFormat(Qt.TextFormat.RichText)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.count)
        left_layout.addWidget(self.view, 1)
        left_layout.addLayout(buttons)

        self.panel = FindingPanel(editor)
        self.panel.show_entry.connect(self.show_entry)
        splitter = QSplitter()
        splitter.setObjectName("findings_splitter")
        splitter.addWidget(left)
        splitter.addWidget(self.panel)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([440, 620])
        self.findings_page = QWidget()
        page_layout = QVBoxLayout(self.findings_page)
        page_layout.addWidget(splitter)

        self.coverage = CoveragePage()
        self.coverage.finding_chosen.connect(self.open_finding)
        self.pages = QTabWidget()
        self.pages.setObjectName("findings_pages")
        self.pages.setDocumentMode(True)
        self.pages.addTab(self.findings_page, "Findings")
        self.pages.addTab(self.coverage, "Coverage of the terms of reference")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)
        self._update_buttons()

    # Loading -------------------------------------------------------------------------------
    def show_review(self, review: ReviewDetail, findings: list[FindingRecord]) -> None:
        current = self.selected_id() if review.id == self.review_id else None
        self.review_id = review.id
        self.lines = review.lines_of_enquiry
        self.findings = findings
        self.panel.review_id = review.id
        self.panel.imrs = [imr for imr in review.imrs if imr.status != "not_required"]
        self.model.set_rows(findings)
        row = next((i for i, f in enumerate(findings) if f.id == current), 0 if findings else -1)
        if row >= 0:
            self.view.setCurrentIndex(self.model.index(row, 0))
        self._row_changed()
        self.count.setText(findings_summary(findings))
        self.coverage.show_coverage(
            Coverage(
                lines=[(line.id, n, line.text) for n, line in enumerate(self.lines, start=1)],
                findings=[(f.id, f.number, f.title) for f in findings],
                answered={(line_id, f.id) for f in findings for line_id in f.line_ids},
            )
        )

    def themes(self) -> list[str]:
        """The default themes, then any others this review's findings use."""
        used = {t for f in self.findings for t in f.themes}
        return DEFAULT_THEMES + sorted(used - set(DEFAULT_THEMES))

    def selected_id(self) -> int | None:
        index = self.view.currentIndex()
        return index.data(FindingIdRole) if index.isValid() else None

    def selected(self) -> FindingRecord | None:
        chosen = self.selected_id()
        return next((f for f in self.findings if f.id == chosen), None)

    def select_finding(self, finding_id: int) -> bool:
        row = next((i for i, f in enumerate(self.findings) if f.id == finding_id), -1)
        if row >= 0:
            self.view.setCurrentIndex(self.model.index(row, 0))
        return row >= 0

    def open_finding(self, finding_id: int) -> None:
        if self.select_finding(finding_id):
            self.pages.setCurrentWidget(self.findings_page)

    def _row_changed(self) -> None:
        self.panel.show_finding(self.selected(), self.lines, self.themes())
        self._update_buttons()

    def _update_buttons(self) -> None:
        writable = not self.editor.readonly and self.review_id is not None
        row = self.view.currentIndex().row() if self.selected_id() is not None else -1
        self.add_button.setEnabled(writable)
        self.remove_button.setEnabled(writable and row >= 0)
        self.up_button.setEnabled(writable and row > 0)
        self.down_button.setEnabled(writable and 0 <= row < len(self.findings) - 1)

    # Actions -------------------------------------------------------------------------------
    def add_finding(self) -> None:
        if self.review_id is None:
            return
        finding_id = self.editor.add_item(
            "finding", self.review_id, {"title": "New finding"}, "Add finding"
        )
        if finding_id is not None:
            self.pages.setCurrentWidget(self.findings_page)
            self.select_finding(finding_id)
            self.panel.title.setFocus()
            self.panel.title.selectAll()

    def remove_selected(self) -> None:
        finding = self.selected()
        if finding is None:
            return
        answer = QMessageBox.question(
            self,
            "Remove finding",
            f"Remove finding {finding.number} ({finding.title})?\n\nIts citations, themes and "
            "links to recommendations go with it. This cannot be undone.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.editor.run(remove_item, "finding", finding.id, kind="finding")

    def move_selected(self, step: int) -> None:
        finding = self.selected()
        if finding is None:
            return
        self.editor.move_item(
            "finding", finding.id, finding.number + step, f"Move finding {finding.number}"
        )
        self.select_finding(finding.id)


def findings_summary(findings: list[FindingRecord]) -> str:
    if not findings:
        return "No findings yet."
    counts = {kind: sum(1 for f in findings if f.kind == kind) for kind in FINDING_KINDS}
    parts = []
    for kind, label in (
        ("finding", "finding"),
        ("learning_point", "learning point"),
        ("good_practice", "good practice"),
    ):
        n = counts[kind]
        if n:
            plural = "s" if n != 1 and kind != "good_practice" else ""
            parts.append(f"<b>{n}</b> {label}{plural}")
    agreed = sum(1 for f in findings if f.status == "agreed")
    colour = status_colour("accepted").name()
    parts.append(f"<span style='color:{colour}'><b>{agreed}</b> agreed by the panel</span>")
    return " &nbsp;·&nbsp; ".join(parts)


def _mute(label: QLabel) -> None:
    palette = label.palette()
    palette.setColor(label.foregroundRole(), muted_colour())
    label.setPalette(palette)
