"""The dialogs of offline work: the shared store to check in to, what the check-in will change,
and which reviews are checked out."""

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from app.wording import plural
from ui.theme import danger_colour, scaled_font

if TYPE_CHECKING:
    from app.checkout import CheckedOut, CheckInReport

SHOWN_PER_KIND = 500  # a kind with more changes lists the first ones and says how many more


def _wrapped(text: str, name: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if name:
        label.setObjectName(name)
    return label


def _location(text: str, name: str) -> QLineEdit:
    """A file's path or a server's address: one line, read-only, selectable, scrollable."""
    field = QLineEdit(text)
    field.setObjectName(name)
    field.setReadOnly(True)
    field.setFrame(False)
    field.setCursorPosition(0)
    field.setToolTip(text)
    field.setStyleSheet("background: transparent;")
    return field


def _view_height(header, lines: int, least: int, most: int) -> int:
    """Pixels for a list's header and ``lines`` lines of rows (between ``least`` and ``most``)."""
    line = header.fontMetrics().lineSpacing() + 6
    return header.sizeHint().height() + line * min(max(lines, least), most) + 4


def _fields(names: tuple[str, ...]) -> str:
    return ", ".join(name.replace("_", " ") for name in names)


def _in_danger_colour(label: QLabel) -> QLabel:
    palette = label.palette()
    palette.setColor(label.foregroundRole(), danger_colour())
    label.setPalette(palette)
    return label


def _em(widget) -> int:
    return widget.fontMetrics().horizontalAdvance("M")


class SharedStoreDialog(QDialog):
    """Where the shared store is, and the login's password, to check an offline copy in."""

    def __init__(self, reference: str, source: str, address: str, problem: str = "", parent=None):
        super().__init__(parent)
        self.setObjectName("shared_store_dialog")
        self.setWindowTitle(f"Check in {reference}")
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(
            _wrapped(
                f"{reference} was checked out of {source}. Connect to it with the login that "
                "checked the review out. Nothing is changed until you have seen what will be "
                "checked in."
            )
        )
        self.address = QLineEdit(address)
        self.address.setObjectName("shared_address")
        self.address.setAccessibleName("Shared store address")
        self.address.setPlaceholderText("postgresql://login@server/database")
        self.address.setCursorPosition(0)
        self.password = QLineEdit()
        self.password.setObjectName("shared_password")
        self.password.setAccessibleName("Password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText("empty if this computer keeps it (a .pgpass file)")
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow("Shared &store:", self.address)
        form.addRow("&Password:", self.password)
        layout.addLayout(form)
        self.problem = _in_danger_colour(_wrapped(problem, "shared_problem"))
        self.problem.setVisible(bool(problem))
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Connect")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(_em(self) * 48)
        self.adjustSize()
        (self.password if address else self.address).setFocus()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt naming
        super().showEvent(event)
        # The wrapped text's height is known once the width is: no spare height left over.
        self.resize(self.width(), self.layout().totalHeightForWidth(self.width()))

    def values(self) -> tuple[str, str]:
        return self.address.text().strip(), self.password.text()


class CheckInDialog(QDialog):
    """What checking in will change, kind by kind and row by row; Cancel is the default."""

    def __init__(self, report: "CheckInReport", parent=None):
        super().__init__(parent)
        self.setObjectName("check_in_dialog")
        self.setWindowTitle(f"Check in {report.reference}")
        changes = len(report.changes)
        heading = _wrapped(
            f"{plural(changes, 'change')} made offline to {report.reference}"
            if changes
            else f"Nothing was changed offline in {report.reference}",
            "check_in_heading",
        )
        heading.setFont(scaled_font(self.font(), 1.2, bold=True))
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(heading)
        layout.addWidget(
            _wrapped("Nothing has been changed yet. Read what will change, then choose.")
        )
        where = QFormLayout()
        where.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        where.addRow("From this laptop:", _location(report.source, "check_in_source"))
        where.addRow("To the shared store:", _location(report.target, "check_in_target"))
        layout.addLayout(where)
        if report.released:
            layout.addWidget(
                _in_danger_colour(
                    _wrapped(
                        "The check-out was released in the shared store (by the review's chair "
                        "or the business manager). Nothing has been changed there since, so "
                        "your offline work can still be checked in.",
                        "check_in_released",
                    )
                )
            )
        self.tree = QTreeWidget()
        self.tree.setObjectName("check_in_changes")
        self.tree.setAccessibleName("Changes to check in")
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels(["What changed", "Fields changed"])
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setWordWrap(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._fill(report)
        if changes:
            layout.addWidget(self.tree, 1)
        else:
            self.tree.hide()
        layout.addWidget(
            _wrapped(
                "Check in puts these changes into the shared store in one transaction and adds "
                "the offline audit trail to the shared one. The review can then be changed "
                "there again, and the copy in this laptop store is removed. If anything fails, "
                "both stores stay as they are."
            )
        )
        buttons = QDialogButtonBox()
        self.check_in_button = buttons.addButton("Check in", QDialogButtonBox.ButtonRole.AcceptRole)
        self.check_in_button.setObjectName("check_in_apply")
        self.cancel_button = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.check_in_button.setAutoDefault(False)
        self.cancel_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(_em(self) * 46)
        shown_rows = self.tree.topLevelItemCount() + sum(
            self.tree.topLevelItem(i).childCount() for i in range(self.tree.topLevelItemCount())
        )
        fits = _view_height(self.tree.header(), shown_rows, 4, 22)
        self.tree.setMinimumHeight(_view_height(self.tree.header(), shown_rows, 4, 8))
        rest = self.sizeHint().height() - self.tree.sizeHint().height()
        self.resize(_em(self) * 66, rest + (fits if changes else 0))
        self.cancel_button.setFocus()

    def _fill(self, report: "CheckInReport") -> None:
        bold = scaled_font(self.tree.font(), 1.0, bold=True)
        by_table: dict[str, list] = {}  # in the order of the summary's lines
        for change in report.changes:
            by_table.setdefault(change.table, []).append(change)
        for line, rows in zip(report.summary(), by_table.values(), strict=True):
            kind = QTreeWidgetItem(self.tree, [line, ""])
            kind.setFont(0, bold)
            kind.setFirstColumnSpanned(True)
            for change in rows[:SHOWN_PER_KIND]:
                what = f"{change.action.capitalize()}: {change.label}"
                row = QTreeWidgetItem(kind, [what, _fields(change.fields)])
                row.setToolTip(0, what)
            if len(rows) > SHOWN_PER_KIND:
                QTreeWidgetItem(kind, [f"… and {len(rows) - SHOWN_PER_KIND} more", ""])
        self.tree.expandAll()
        header = self.tree.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.tree.setColumnWidth(0, _em(self) * 40)

    def text(self) -> str:
        """Everything the dialog says, as plain text (for reading it back)."""
        lines = [label.text() for label in self.findChildren(QLabel)]
        for i in range(self.tree.topLevelItemCount()):
            kind = self.tree.topLevelItem(i)
            lines.append(kind.text(0))
            for j in range(kind.childCount()):
                row = kind.child(j)
                lines.append(f"  {row.text(0)}  [{row.text(1)}]" if row.text(1) else row.text(0))
        return "\n".join(lines)


class CheckoutsDialog(QDialog):
    """The reviews of this store checked out for offline work: who has each, since when."""

    COLUMNS = ("Review", "Checked out to", "Since (UTC)", "Where")

    def __init__(self, held: "list[CheckedOut]", parent=None):
        super().__init__(parent)
        self.setObjectName("checkouts_dialog")
        self.setWindowTitle("Reviews checked out")
        layout = QVBoxLayout(self)
        layout.addWidget(
            _wrapped(
                "These reviews are checked out of this store for offline work. Each is "
                "read-only here until it is checked back in, or released by its chair or the "
                "business manager."
                if held
                else "No review is checked out of this store.",
                "checkouts_intro",
            )
        )
        self.table = QTableWidget(len(held), len(self.COLUMNS))
        self.table.setObjectName("checkouts_table")
        self.table.setAccessibleName("Reviews checked out")
        self.table.setHorizontalHeaderLabels(self.COLUMNS)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)
        for row, item in enumerate(held):
            values = (item.reference, item.holder, f"{item.taken_at:%d/%m/%Y %H:%M}",
                      item.destination)  # fmt: skip
            for column, value in enumerate(values):
                cell = QTableWidgetItem(value)
                cell.setToolTip(value)
                self.table.setItem(row, column, cell)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # a long path keeps its end
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(len(self.COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setVisible(bool(held))
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(_em(self) * 56)
        self.table.resizeRowsToContents()
        rows = _view_height(self.table.horizontalHeader(), 2 * len(held), 2, 24) if held else 0
        rest = self.sizeHint().height() - (self.table.sizeHint().height() if held else 0)
        self.resize(_em(self) * 72, rest + rows)
