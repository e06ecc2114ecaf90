"""File-menu actions about the store itself: its passphrase, and deleted reviews' trails."""

from pathlib import Path

from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableView,
    QVBoxLayout,
)

from app.audit_export import COLUMNS, deleted_reviews, export_trail, review_trail
from app.errors import UserError
from app.store_access import change_open_store_passphrase
from ui.passphrase_dialog import PassphraseDialog

SHOWN_COLUMNS = COLUMNS[:8]  # the whole row and the hash go in the exported file


def change_passphrase(window) -> None:
    store = window.editor.ctx.store
    what = "a new passphrase for the store" if store.encrypted else "a passphrase to encrypt"
    dialog = PassphraseDialog(f"Choose {what} {store.path.name}.", True, window)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    try:
        change_open_store_passphrase(store, dialog.passphrase())
    except UserError as exc:
        window.show_error(str(exc))
        return
    window.statusBar().showMessage("The store is encrypted with the new passphrase.", 10000)


class DeletedTrailDialog(QDialog):
    """The audit trail of a review that was deleted: read it, or save it for an auditor."""

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle("Audit trail of a deleted review")
        self.setObjectName("deleted_trail_dialog")
        layout = QVBoxLayout(self)
        self.reviews = deleted_reviews(ctx)
        intro = QLabel(
            "A deleted review's audit trail stays in the store, with what was deleted."
            if self.reviews
            else "No review has been deleted from this store."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.choice = QComboBox()
        self.choice.setAccessibleName("Deleted review")
        for review_id, reference, when in self.reviews:
            self.choice.addItem(f"{reference} (deleted {when})", review_id)
        layout.addWidget(self.choice)
        self.model = QStandardItemModel(0, len(SHOWN_COLUMNS), self)
        headings = [c.capitalize() for c in SHOWN_COLUMNS]
        headings[0] = "When (UTC)"
        self.model.setHorizontalHeaderLabels(headings)
        self.table = QTableView()
        self.table.setObjectName("deleted_trail_table")
        self.table.setAccessibleName("Audit trail of the deleted review")
        self.table.setModel(self.model)
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.save = buttons.addButton("Save as…", QDialogButtonBox.ButtonRole.ActionRole)
        self.save.setEnabled(bool(self.reviews) and not ctx.readonly)
        if ctx.readonly:  # every export is recorded, and the trail cannot be written here
            self.save.setToolTip(
                "Saving a copy is recorded in the audit trail, which cannot be written while "
                "the store is open read-only."
            )
        self.save.clicked.connect(self.save_as)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.choice.currentIndexChanged.connect(self.show_trail)
        self.resize(980, 560)
        self.show_trail()

    def _deleted_id(self) -> int | None:
        return self.choice.currentData() if self.reviews else None

    def show_trail(self) -> None:
        self.model.removeRows(0, self.model.rowCount())
        if self._deleted_id() is None:
            return
        for row in review_trail(self.ctx, "", deleted_id=self._deleted_id()).rows:
            values = [getattr(row, name) for name in SHOWN_COLUMNS]
            self.model.appendRow([QStandardItem(str(v)) for v in values])
        self.table.resizeColumnsToContents()
        for column in range(self.model.columnCount()):  # long values wrap instead
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), 320))

    def save_as(self) -> None:
        target, _ = QFileDialog.getSaveFileName(
            self, "Save the audit trail", "audit-trail.xlsx",
            "Workbook (*.xlsx);;CSV (*.csv);;JSON (*.json)",
        )  # fmt: skip
        if not target:
            return
        try:
            export_trail(self.ctx, "", Path(target), deleted_id=self._deleted_id())
        except UserError as exc:
            QMessageBox.warning(self, "ReviewDesk", str(exc))


def add_store_actions(window, menu) -> None:
    """Add the store's own actions to ``menu`` of the main window."""
    store = window.editor.ctx.store
    label = "Change the &passphrase…" if store.encrypted else "&Encrypt the store…"
    action = window._action(menu, label, lambda: change_passphrase(window), None, "passphrase")
    action.setEnabled(not store.readonly)
    window._action(
        menu,
        "Audit trail of a &deleted review…",
        lambda: DeletedTrailDialog(window.editor.ctx, window).exec(),
        None,
        "deleted_trail",
    )
