"""The release check shown to the author: what blocks publication, where, and a way to waive
a finding with a reason (recorded in the audit trail).

One row per thing found: a name repeated through a section is one row (fixed or waived once),
with its places under it, opened on demand (a chronology appendix can repeat a registered place
in thousands of rows)."""

import os

from PySide6.QtCore import QEvent, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QStyledItemDelegate,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.publishing.release_check import CheckResult, HitGroup, check_publication, waive
from ui.editing import Editor
from ui.screen import fit_to_screen
from ui.theme import danger_colour, muted_colour, scaled_font

COLUMNS = ("Where", "What", "Found", "Why / what happens", "State")
_GROUP = Qt.ItemDataRole.UserRole  # a row's position in the result's groups


class _Wrapping(QStyledItemDelegate):
    """Rows as tall as their text wrapped to the column's width (a tree sizes a row by one
    line of text otherwise, and cuts the rest)."""

    def __init__(self, view: QTreeWidget) -> None:
        super().__init__(view)
        self.view = view

    def sizeHint(self, option, index):  # noqa: N802 - Qt's name
        size = super().sizeHint(option, index)
        width = self.view.columnWidth(index.column()) - 10
        if index.column() == 0:  # the tree's indentation and its branch mark
            depth = 2 if index.parent().isValid() else 1
            width -= self.view.indentation() * depth
            if index.parent().isValid():  # a place spans the whole row
                return size
        text = index.data() or ""
        bound = QRect(0, 0, max(width, 40), 100_000)
        wrapped = option.fontMetrics.boundingRect(bound, Qt.TextFlag.TextWordWrap, text)
        size.setHeight(max(size.height(), wrapped.height() + 6))
        return size


class ReleaseCheckDialog(QDialog):
    go_to = Signal(str)  # a section's heading: the author wants to fix what was found there

    def __init__(self, editor: Editor, review_id: int, kind: str, result: CheckResult, parent=None):
        super().__init__(parent)
        self.editor, self.review_id, self.kind = editor, review_id, kind
        self.setWindowTitle("Release check")
        self.summary = QLabel()
        self.summary.setObjectName("release_summary")
        self.summary.setFont(scaled_font(self.font(), 1.15, bold=True))
        self.summary.setWordWrap(True)
        explain = QLabel(
            "Fix each finding in the text (double-click it to go to its section) or the people "
            "register, or waive it with a reason. A finding repeated in a section is listed "
            "once: open it to see every place, and one waiver covers them all. A waived name "
            "still prints as its descriptor; the reason is kept in the audit trail."
        )
        explain.setWordWrap(True)
        self.table = QTreeWidget()
        self.table.setObjectName("release_hits")
        self.table.setAccessibleName("Release check findings")
        self.table.setColumnCount(len(COLUMNS))
        self.table.setHeaderLabels(COLUMNS)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        self.table.setUniformRowHeights(False)
        self.table.setItemDelegate(_Wrapping(self.table))
        # Rows grow to their wrapped text again when a column is widened or narrowed.
        self.table.header().sectionResized.connect(lambda *_: self.table.doItemsLayout())
        self.table.setAlternatingRowColors(True)
        self.table.itemDoubleClicked.connect(self._go_to)
        self.table.itemExpanded.connect(self._show_places)
        self.table.currentItemChanged.connect(self._selection_changed)
        header = self.table.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)  # the state is given what is left (its words)
        self._fitting = self._refit = False
        self._fit_columns()
        self.table.viewport().installEventFilter(self)
        self.table.verticalScrollBar().installEventFilter(self)
        self.waive_button = QPushButton("Waive with a reason…")
        self.waive_button.setObjectName("waive_hit")
        self.waive_button.clicked.connect(self.waive_selected)
        self.waive_button.setEnabled(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.waive_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(explain)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        # Tab as the eye reads: the findings, then Waive (left), then Close.
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        QWidget.setTabOrder(self.table, self.waive_button)
        QWidget.setTabOrder(self.waive_button, close)
        fit_to_screen(self, QSize(1180, 560))  # a projector's 1024 pixels included
        self.show_result(result)

    # Shares of what the state leaves: where, what, found, why (the places run longest).
    _SHARES = (0.34, 0.2, 0.16, 0.3)
    STATE_MAX_EM = 16  # a waiver's reason wraps beyond this

    def _state_width(self) -> int:
        """As wide as the widest state ("Blocks", "Waived: …") and the heading, up to
        ``STATE_MAX_EM``: one word needs no more than its own width."""
        metrics = self.table.fontMetrics()
        texts = [COLUMNS[-1], "Blocks"]
        texts += [self.table.topLevelItem(i).text(4) for i in range(self.table.topLevelItemCount())]
        em = metrics.horizontalAdvance("M")
        widest = max(metrics.horizontalAdvance(text) for text in texts) + em  # its margins
        return min(widest, em * self.STATE_MAX_EM)

    def _fit_columns(self) -> None:
        """Columns in proportion to the table's width, so that nothing runs off to the right
        on a projector's 1024 pixels (the rows grow to their wrapped text instead); the state
        first takes what its words need, the rest share what it leaves."""
        if self._fitting:  # the table's scroll bar came or went while the columns were set
            self._refit = True
            return
        self._fitting = True
        try:
            for _ in range(3):
                self._refit = False
                width = max(self.table.viewport().width(), 600)
                rest = width - self._state_width()
                widths = [int(rest * share) for share in self._SHARES]
                widths.append(width - sum(widths))  # the state: what is left
                for column, column_width in enumerate(widths):
                    self.table.setColumnWidth(column, column_width)
                if not self._refit:
                    break
        finally:
            self._fitting = False

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        # The table's own width, once it has it (the dialog's resize comes before); and again
        # once its scroll bar has come or gone, which takes or gives back the bar's width.
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_columns()
        elif watched is self.table.verticalScrollBar() and event.type() in (
            QEvent.Type.Show,
            QEvent.Type.Hide,
        ):
            QTimer.singleShot(0, self, self._fit_columns)
        return super().eventFilter(watched, event)

    def show_result(self, result: CheckResult) -> None:
        self.result = result
        self.groups: list[HitGroup] = result.groups
        blocking = len(result.blocking_groups)
        self.summary.setText(result.summary())
        palette = self.summary.palette()
        colour = danger_colour() if blocking else self.palette().text().color()
        palette.setColor(self.summary.foregroundRole(), colour)
        self.summary.setPalette(palette)
        self.table.clear()
        muted = QColor(muted_colour())
        for position, group in enumerate(self.groups):
            state = f"Waived: {group.waived}" if group.waived else "Blocks"
            item = QTreeWidgetItem([group.where, group.label, group.text, group.detail, state])
            item.setData(0, _GROUP, position)
            places = len(group.places)
            if places > 1:
                item.setToolTip(0, f"Found in {places:,} places: open the row to see them.")
                # The places are added when the row is opened (there may be thousands).
                item.setChildIndicatorPolicy(QTreeWidgetItem.ChildIndicatorPolicy.ShowIndicator)
            for column in range(len(COLUMNS)):
                if group.waived:
                    item.setForeground(column, muted)
                elif column == 4:
                    item.setForeground(column, danger_colour())
            self.table.addTopLevelItem(item)
        self._fit_columns()  # the state's words may be longer (or shorter) than they were
        self._selection_changed(None, None)

    def _show_places(self, item: QTreeWidgetItem) -> None:
        if item.parent() is not None or item.childCount():
            return
        group = self.groups[item.data(0, _GROUP)]
        places = group.places
        # Every place is in the same section: under its row, each says only where in it.
        common = os.path.commonprefix(places)
        cut = common.rfind(", ") + 2 if ", " in common else 0
        children = []
        for where in places:
            child = QTreeWidgetItem([where[cut:] or where])
            child.setData(0, _GROUP, item.data(0, _GROUP))
            child.setToolTip(0, where)
            children.append(child)
        item.addChildren(children)
        for child in children:
            child.setFirstColumnSpanned(True)

    def _group_of(self, item: QTreeWidgetItem | None) -> HitGroup | None:
        if item is None:
            return None
        position = item.data(0, _GROUP)
        return self.groups[position] if position is not None else None

    def selected_group(self) -> HitGroup | None:
        return self._group_of(self.table.currentItem())

    def _selection_changed(self, current, _previous) -> None:
        group = self._group_of(current)
        self.waive_button.setEnabled(
            not self.editor.readonly and group is not None and not group.waived
        )

    def _go_to(self, item: QTreeWidgetItem, _column: int) -> None:
        group = self._group_of(item)
        if group is not None and group.section:
            self.go_to.emit(group.section)
            self.accept()

    def waive_selected(self) -> None:
        group = self.selected_group()
        if group is None:
            return
        places = len(group.places)
        where = group.places[0] + (f" (and {places - 1:,} more places)" if places > 1 else "")
        reason, ok = QInputDialog.getText(
            self, "Waive", f"Why can this be published as it is?\n{where}: {group.label}"
        )
        if ok and self.editor.run(waive, self.review_id, self.kind, group.id, reason) is not None:
            self.show_result(check_publication(self.editor.ctx, self.review_id, self.kind))
