"""The Findings tab: the numbered list of findings beside the editor for the selected one, and
the coverage of the terms of reference on a second page."""

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.findings import Coverage, FindingRecord
from app.items import remove_item
from app.records import LineOfEnquiryRecord, ReviewDetail
from app.vocab import DEFAULT_THEMES, FINDING_KINDS
from app.wording import plural
from ui.coverage_view import (
    NOT_ANSWERED,
    CoverageModel,
    CoveragePage,
    FindingIdRole,
    coverage_summary,
)
from ui.editing import Editor
from ui.finding_editor import CheckList, CiteImrDialog, FindingPanel, KeyRole
from ui.icons import icon
from ui.table_model import RecordTableModel
from ui.theme import muted_colour, scaled_font, status_colour
from ui.widgets import scrolling

# Names other modules and the tests import from here.
__all__ = [
    "NOT_ANSWERED",
    "CheckList",
    "CiteImrDialog",
    "CoverageModel",
    "CoveragePage",
    "FindingIdRole",
    "FindingPanel",
    "FindingsTab",
    "KeyRole",
    "coverage_summary",
    "findings_summary",
]

# Finding statuses and kinds drawn in the status colours the IMR board already uses.
STATUS_LOOK = {"draft": "not_requested", "for_discussion": "under_challenge", "agreed": "accepted"}
KIND_LOOK = {"good_practice": "accepted", "learning_point": "requested"}


def kind_text(kind: str) -> str:
    label = FINDING_KINDS.get(kind, kind)
    return f"★ {label}" if kind == "good_practice" else label


# The list of findings -----------------------------------------------------------------------
FindingRole = Qt.ItemDataRole.UserRole + 32


def evidence_text(finding: FindingRecord) -> str:
    n = len(finding.evidence)
    return f"{plural(n, 'citation')}" if n else "nothing cited yet"


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

        self.add_button = QPushButton(icon("add"), "Add finding")
        self.add_button.clicked.connect(self.add_finding)
        self.remove_button = QPushButton(icon("delete"), "Remove…")
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
        splitter.addWidget(scrolling(self.panel, squeeze=True))
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
