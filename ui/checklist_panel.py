"""The review's national steps (notifications and approvals) with due dates, what is overdue,
the rule's source; the review's own themes; and a rapid review's link to its local review."""

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from app.errors import UserError
from app.records import ReviewDetail
from app.review_corpus import load_reviews, set_review_themes
from app.reviews import list_reviews
from app.timetable import ChecklistItem, checklist, conversions, link_conversion, mark_done
from app.vocab import DEFAULT_THEMES
from db.store import StoreError
from ui.editing import Editor
from ui.finding_editor import CheckList
from ui.item_table import format_date, parse_date_text
from ui.theme import danger_colour, muted_colour

COLUMNS = ("Step", "To", "Due", "Done on", "State")


def describe(item: ChecklistItem) -> str:
    """The tooltip: when it is due, how binding the rule is, and where it comes from."""
    sources = "\n".join(f"• {s.title}: {s.part}" for s in item.rule.sources)
    return (
        f"Due {item.rule.timing}.\nBasis: {item.rule.basis}.\n{item.rule.note}\n\n"
        f"Sources:\n{sources}"
    )


class ChecklistPanel(QGroupBox):
    def __init__(self, editor: Editor, parent=None):
        super().__init__("Notifications and approvals", parent)
        self.editor = editor
        self.review: ReviewDetail | None = None
        self.items: list[ChecklistItem] = []

        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("checklist_table")
        self.table.setAccessibleName("Notifications and approvals the review owes")
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for col in (2, 3, 4):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.sectionResized.connect(lambda *_: self.table.resizeRowsToContents())
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.currentCellChanged.connect(lambda *_: self._show_rule())
        # The tooltip's help for keyboard users: the current step's rule and source, shown
        # under the table and given to screen readers as the table's description.
        self.rule = QLabel()
        self.rule.setObjectName("checklist_rule")
        self.rule.setWordWrap(True)
        self.rule.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByKeyboard
            | Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self.rule.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.rule.setAccessibleName("Rule and source of the current step")
        self.rule.setVisible(False)
        self.empty = QLabel("This kind of review owes no national notification or approval.")
        palette = self.empty.palette()
        palette.setColor(self.empty.foregroundRole(), muted_colour())
        self.empty.setPalette(palette)

        self.done_button = QPushButton("Mark done…")
        self.done_button.clicked.connect(self.mark_selected_done)
        self.undone_button = QPushButton("Not done")
        self.undone_button.clicked.connect(self.mark_selected_undone)
        buttons = QHBoxLayout()
        buttons.addWidget(QLabel("Hover over or move to a step for its rule and source."))
        buttons.addStretch(1)
        buttons.addWidget(self.done_button)
        buttons.addWidget(self.undone_button)

        self.converted = QComboBox()
        self.converted.setObjectName("converted_into")
        self.converted.setAccessibleName("The local review this rapid review became")
        self.converted.activated.connect(lambda _i: self._save_conversion())
        self.themes = CheckList()
        self.themes.setObjectName("review_themes")
        self.themes.setAccessibleName("Themes of the review as a whole")
        self.themes.setMaximumHeight(150)
        self.themes.checked_changed.connect(self._save_themes)
        form = QFormLayout()
        form.addRow("Became the local review", self.converted)
        form.addRow("Themes of the review", self.themes)
        self.form = form

        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.rule)
        layout.addWidget(self.empty)
        layout.addLayout(buttons)
        layout.addLayout(form)

    # Showing -----------------------------------------------------------------------------
    def show_review(self, review: ReviewDetail) -> None:
        self.review = review
        ctx = self.editor.ctx
        try:
            self.items = checklist(ctx, review.id)
            linked = conversions(ctx).get(review.id)
            others = [
                r for r in list_reviews(ctx) if r.id != review.id and r.review_type != "rapid"
            ]
            [doc] = load_reviews(ctx, [review.id])
        except (UserError, StoreError) as exc:
            self.editor.failed.emit(str(exc))
            return
        self._fill_table()
        self.converted.clear()
        self.converted.addItem("Not converted", None)
        for r in sorted(others, key=lambda r: r.reference.casefold()):
            self.converted.addItem(f"{r.reference}: {r.title}", r.id)
        self.converted.setCurrentIndex(max(0, self.converted.findData(linked)))
        self.form.setRowVisible(self.converted, review.review_type == "rapid")
        themes = list(dict.fromkeys([*DEFAULT_THEMES, *doc.themes]))
        self.themes.set_items([(t, t) for t in themes], set(doc.themes))
        self._update_buttons()

    def _fill_table(self) -> None:
        self.table.setRowCount(len(self.items))
        bold = QFont(self.font())
        bold.setBold(True)
        for row, item in enumerate(self.items):
            cells = (
                item.rule.label,
                item.rule.to,
                format_date(item.due) if item.due else "",
                format_date(item.done_on) if item.done_on else "",
                item.state,
            )
            tip = describe(item)
            for col, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setToolTip(tip)
                cell.setData(Qt.ItemDataRole.AccessibleDescriptionRole, tip)
                if col == 4 and item.overdue:
                    cell.setForeground(danger_colour())
                    cell.setFont(bold)
                self.table.setItem(row, col, cell)
        self.table.resizeRowsToContents()
        rows = sum(self.table.rowHeight(r) for r in range(self.table.rowCount()))
        frame = 2 * self.table.frameWidth() + self.table.horizontalHeader().height() + 4
        self.table.setFixedHeight(rows + frame)
        self.table.setVisible(bool(self.items))
        self.empty.setVisible(not self.items)
        self._show_rule()

    def _show_rule(self) -> None:
        row = self.table.currentRow()
        tip = describe(self.items[row]) if 0 <= row < len(self.items) else ""
        self.rule.setText(tip)
        self.rule.setVisible(bool(tip))
        self.table.setAccessibleDescription(
            tip or "Move to a step to hear when it is due and where the rule comes from."
        )

    def selected(self) -> ChecklistItem | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.items[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        item = self.selected()
        writable = not self.editor.readonly
        self.done_button.setEnabled(writable and item is not None)
        self.undone_button.setEnabled(writable and item is not None and item.done_on is not None)
        self.themes.setEnabled(writable)
        self.converted.setEnabled(writable)

    # Saving ------------------------------------------------------------------------------
    def mark_selected_done(self, on: date | None = None) -> None:
        item = self.selected()
        if item is None or self.review is None:
            return
        if on is None:
            text, ok = QInputDialog.getText(
                self,
                "Mark done",
                f"{item.rule.label}\n\nDone on (dd/mm/yyyy):",
                text=format_date(self.editor.ctx.today()),
            )
            if not ok:
                return
            try:
                on = parse_date_text(text)
            except ValueError as exc:
                self.editor.failed.emit(str(exc))
                return
            if on is None:
                return
        self.editor.run(mark_done, self.review.id, item.rule.key, on, kind="review")

    def mark_selected_undone(self) -> None:
        item = self.selected()
        if item is not None and self.review is not None:
            self.editor.run(mark_done, self.review.id, item.rule.key, None, kind="review")

    def _save_conversion(self) -> None:
        if self.review is not None:
            target = self.converted.currentData()
            self.editor.run(link_conversion, self.review.id, target, kind="review")

    def _save_themes(self, themes: list) -> None:
        if self.review is not None:
            seen = self.themes.shown_checked
            self.editor.run(set_review_themes, self.review.id, themes, seen=seen, kind="review")
