"""What every table in the window does the same way: Tab leaves the table, Ctrl+C copies the
selected rows, a right-click offers the table's actions, and the focused table shows it."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from ui.icons import icon

# Set on each view, never on the application: an application style sheet stops fonts set on
# a window (the meeting runner's large type) reaching the widgets inside it.
# Views only: a header is a scroll area too, and a border would clip its labels.
FOCUS_STYLE = (
    "QTableView, QListView, QTreeView { border: 2px solid transparent; }"
    " QTableView:focus, QListView:focus, QTreeView:focus"
    " { border: 2px solid palette(highlight); }"
)


SortRole = Qt.ItemDataRole.UserRole + 70


class SortableItem(QTableWidgetItem):
    """A cell that sorts by a key of its own (a date as ISO text, a number), not its label."""

    def __init__(self, text: str, key=None):
        super().__init__(text)
        self.setData(SortRole, text.casefold() if key is None else key)

    def __lt__(self, other) -> bool:
        mine, theirs = self.data(SortRole), other.data(SortRole)
        try:
            return mine < theirs
        except TypeError:
            return str(mine) < str(theirs)


def selected_rows_text(view: QAbstractItemView) -> str:
    """The selected rows as tab-separated text (what a spreadsheet pastes as cells)."""
    model = view.model()
    selection = view.selectionModel()
    if model is None or selection is None:
        return ""
    rows = sorted({index.row() for index in selection.selectedIndexes()})
    if not rows and view.currentIndex().isValid():
        rows = [view.currentIndex().row()]
    header = view.horizontalHeader() if isinstance(view, QTableView) else None
    columns = [
        c for c in range(model.columnCount()) if header is None or not header.isSectionHidden(c)
    ]
    lines = []
    for row in rows:
        cells = []
        for column in columns:
            value = model.index(row, column).data(Qt.ItemDataRole.DisplayRole)
            cells.append(" ".join(str(value).split()) if value is not None else "")
        lines.append("\t".join(cells))
    return "\n".join(lines)


def copy_rows(view: QAbstractItemView) -> None:
    text = selected_rows_text(view)
    if text:
        QGuiApplication.clipboard().setText(text)


def view_action(view: QWidget, text: str, slot, shortcut=None, icon_name: str = "") -> QAction:
    """An action of the table: in its right-click menu, with a key that works in the table."""
    action = QAction(text, view)
    if icon_name:
        action.setIcon(icon(icon_name))
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    action.triggered.connect(lambda _checked=False: slot())
    view.addAction(action)
    return action


def separator(view: QWidget) -> None:
    action = QAction(view)
    action.setSeparator(True)
    view.addAction(action)


def polish_table(view: QAbstractItemView) -> None:
    """The house behaviour for one table (safe to call more than once)."""
    if view.property("polished_table"):
        return
    view.setProperty("polished_table", True)
    show_focus(view)
    view.setTabKeyNavigation(False)  # Tab moves to the next control; arrows move in the table
    if view.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu:
        return  # the table builds its own menu
    if view.actions():
        separator(view)
    view_action(view, "Copy", lambda: copy_rows(view), QKeySequence.StandardKey.Copy, "copy")
    view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    if not view.accessibleName():
        view.setAccessibleName(view.objectName().replace("_", " ").strip() or "Table")


def show_focus(view: QAbstractItemView) -> None:
    """A clear frame in the selection colour while the view has the keyboard focus."""
    if not view.styleSheet():
        view.setStyleSheet(FOCUS_STYLE)


def polish_tables(root: QWidget) -> None:
    for view in root.findChildren(QAbstractItemView):
        if isinstance(view, QTableView):
            polish_table(view)


def reachable_by_tab(toolbar) -> None:
    """A toolbar's buttons, then its » for the ones folded away, join the Tab chain in the
    order they are laid out; a click still leaves the focus where it was. Call it once the
    widgets after the toolbar exist (Qt leaves an order alone that only wraps around)."""
    from PySide6.QtWidgets import QToolButton

    laid_out = [toolbar.widgetForAction(a) for a in toolbar.actions() if not a.isSeparator()]
    buttons = [b for b in laid_out if b is not None]
    # The » button is the toolbar's own child, made before any action's button.
    more = [b for b in toolbar.findChildren(QToolButton) if b not in buttons]
    for button in more:
        button.setAccessibleName("More commands")
        button.setToolTip("More commands")
    buttons += more
    for button in buttons:
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
    for before, after in zip(buttons, buttons[1:], strict=False):
        QWidget.setTabOrder(before, after)


def read_only_table(columns: tuple[str, ...], name: str) -> QTableWidget:
    """A table of rows to read and pick from (not typed into): whole rows selected, text
    wrapped, no row numbers."""
    table = QTableWidget(0, len(columns))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(columns)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setWordWrap(True)
    table.verticalHeader().setVisible(False)
    return table


def wrap_headings(table: QTableWidget) -> None:
    """A heading wider than its column goes onto two lines (or more) at its spaces, instead of
    being cut at both ends; it is put back on one line when the column is wide enough again.
    The whole heading stays its item's tooltip and accessible name."""
    header = table.horizontalHeader()
    words = {}
    for column in range(table.columnCount()):
        item = table.horizontalHeaderItem(column)
        if item is not None:
            words[column] = item.text()
            item.setToolTip(item.text())

    def rewrap(*_args) -> None:
        metrics = header.fontMetrics()
        # The header's own margins, on each side, and room for a sort arrow.
        margin = 2 * header.style().pixelMetric(header.style().PixelMetric.PM_HeaderMargin)
        margin += header.style().pixelMetric(header.style().PixelMetric.PM_HeaderMarkSize)
        for column, text in words.items():
            item = table.horizontalHeaderItem(column)
            room = header.sectionSize(column) - margin
            lines: list[str] = []
            for word in text.split(" "):
                if lines and metrics.horizontalAdvance(f"{lines[-1]} {word}") <= room:
                    lines[-1] = f"{lines[-1]} {word}"
                else:
                    lines.append(word)
            wrapped = "\n".join(lines)
            if item.text() != wrapped:
                item.setText(wrapped)

    header.sectionResized.connect(rewrap)
    rewrap()
