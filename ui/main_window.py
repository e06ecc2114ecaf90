"""The main window: reviews on the left, the selected review's workspace on the right."""

from pathlib import Path

from PySide6.QtCore import QSettings, QSortFilterProxyModel, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app import __version__
from app.backups import backup_store
from app.config import save_display_name
from app.errors import UserError
from app.reviews import create_review, delete_review, list_reviews
from app.vocab import REVIEW_TYPES
from db.store import StoreError
from ui.board_view import ActionPlanWindow
from ui.editing import Editor
from ui.live_updates import LiveUpdates
from ui.review_list import ReviewListModel, ReviewListView
from ui.store_actions import add_store_actions
from ui.widgets import DateField
from ui.workspace import CHRONOLOGY_KINDS, TAB_NAMES, ReviewWorkspace

# What a login to the shared store may do, as the status bar says it.
STANDINGS = {
    "manager": "Business manager: every review",
    "member": "Your reviews only (chair and author change them, panel members read them)",
    "readonly": "Read-only: every review",
}


class NewReviewDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle("New review")
        self.review_type = QComboBox()
        for key, kind in REVIEW_TYPES.items():
            self.review_type.addItem(kind.label, key)
        self.reference = QLineEdit()
        self.reference.setPlaceholderText("e.g. LCSPR-2024-03")
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText("e.g. Child A: review of multi-agency practice")
        self.subject = QLineEdit()
        self.subject.setPlaceholderText("e.g. Child A")
        self.decision = DateField()
        self.notification = DateField()
        form = QFormLayout(self)
        form.addRow("Type of review", self.review_type)
        form.addRow("Reference", self.reference)
        form.addRow("Title", self.title_edit)
        form.addRow("Subject (pseudonym)", self.subject)
        form.addRow("Decision to review", self.decision)
        form.addRow("Notification date", self.notification)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Create review")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.setMinimumWidth(480)

    def values(self) -> dict:
        values = {
            "review_type": self.review_type.currentData(),
            "reference": self.reference.text(),
            "title": self.title_edit.text(),
            "subject_pseudonym": self.subject.text().strip(),
        }
        if self.decision.value():
            values["decision_date"] = self.decision.value()
        if self.notification.value():
            values["notification_date"] = self.notification.value()
        return values


class MainWindow(QMainWindow):
    def __init__(self, editor: Editor, settings: QSettings | None = None):
        super().__init__()
        self.editor = editor
        self.settings = settings or QSettings()
        self.action_plan: ActionPlanWindow | None = None
        self.learning = None  # the learning window, made when first asked for
        self.setWindowTitle(f"ReviewDesk: {editor.ctx.store.label}")
        self.setObjectName("main_window")

        self.list_model = ReviewListModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.list_model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filter = QLineEdit()
        self.filter.setObjectName("review_filter")
        self.filter.setPlaceholderText("Find a review (Ctrl+F)")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.list_view = ReviewListView()
        self.list_view.setObjectName("review_list")
        self.list_view.setModel(self.proxy)
        self.list_view.selectionModel().currentChanged.connect(self._review_chosen)
        self.new_button = QPushButton("New review…")
        self.new_button.clicked.connect(self.new_review)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(8, 8, 0, 8)
        left_layout.addWidget(self.filter)
        left_layout.addWidget(self.list_view, 1)
        left_layout.addWidget(self.new_button)

        self.workspace = ReviewWorkspace(editor)
        self.welcome = QLabel()
        self.welcome.setObjectName("welcome")
        self.welcome.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.welcome.setWordWrap(True)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.welcome)
        self.stack.addWidget(self.workspace)

        self.splitter = QSplitter()
        self.splitter.setObjectName("main_splitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([320, 960])
        container = QWidget()
        outer = QVBoxLayout(container)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        if editor.readonly:
            reason = editor.ctx.store.readonly_reason or (
                "This store is open in another ReviewDesk window."
            )
            banner = QLabel(
                f"Read-only. {reason} You can look, but nothing you change here can be saved."
            )
            banner.setObjectName("readonly_banner")
            banner.setWordWrap(True)
            banner.setStyleSheet(
                "padding: 8px; background: palette(highlight); color: palette(highlighted-text);"
            )
            outer.addWidget(banner)
        outer.addWidget(self.splitter, 1)
        self.setCentralWidget(container)

        self._build_menus()
        self.statusBar().showMessage(
            f"Store: {editor.ctx.store.location}    ·    Recorded as: {editor.ctx.actor}"
            + (
                f"    ·    {STANDINGS[editor.ctx.store.standing]}"
                if editor.ctx.store.standing
                else ""
            )
            + ("    ·    READ-ONLY" if editor.readonly else "")
        )
        if editor.ctx.store.upgraded_from:
            self.statusBar().showMessage(
                f"The store was upgraded; the previous copy was kept as "
                f"{editor.ctx.store.backup_path.name}.",
                15000,
            )
        editor.changed.connect(self.refresh)
        self.live_updates = LiveUpdates(editor, self)  # others' changes to a shared store
        # Status colours are chosen for the palette in use: redraw when the system switches.
        QGuiApplication.styleHints().colorSchemeChanged.connect(lambda _s: self.refresh())
        editor.failed.connect(self.show_error)
        self.new_button.setEnabled(not editor.readonly)
        self.refresh()
        self._restore_state()

    # Menus ---------------------------------------------------------------------------------
    def _action(self, menu, text: str, slot, shortcut=None, name: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if name:
            action.setObjectName(name)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        self._action(
            file_menu, "&New review…", self.new_review, QKeySequence.StandardKey.New, "new_review"
        )
        self._action(file_menu, "&Back up the store…", self.backup, "Ctrl+Shift+B", "backup")
        add_store_actions(self, file_menu)
        file_menu.addSeparator()
        self.delete_action = self._action(
            file_menu, "&Delete this review…", self.delete_review, None, "delete_review"
        )
        file_menu.addSeparator()
        self._action(file_menu, "&Quit", self.close, QKeySequence.StandardKey.Quit)

        edit_menu = bar.addMenu("&Edit")
        undo = self.editor.undo_stack.createUndoAction(self, "&Undo")
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.editor.undo_stack.createRedoAction(self, "&Redo")
        redo.setShortcuts([QKeySequence.StandardKey.Redo, QKeySequence("Ctrl+Shift+Z")])
        edit_menu.addAction(undo)
        edit_menu.addAction(redo)
        edit_menu.addSeparator()
        self._action(
            edit_menu, "&Find a review", self.filter.setFocus, QKeySequence.StandardKey.Find
        )
        self._action(edit_menu, "Your &name in the audit trail…", self.change_name)

        view_menu = bar.addMenu("&View")
        for index, name in enumerate(TAB_NAMES):
            self._action(
                view_menu,
                name,
                lambda _c=False, i=index: self.workspace.tabs.setCurrentIndex(i),
                f"Ctrl+{(index + 1) % 10}" if index < 10 else None,
            )
        view_menu.addSeparator()
        self._action(
            view_menu,
            "&Action plan across reviews…",
            self.show_action_plan,
            "Ctrl+Shift+A",
            "action_plan",
        )
        self._action(
            view_menu, "&Learning across reviews…", self.show_learning, "Ctrl+Shift+L", "learning"
        )
        self._action(view_menu, "&Reload", self.refresh, QKeySequence.StandardKey.Refresh)

        help_menu = bar.addMenu("&Help")
        self._action(help_menu, "&About ReviewDesk", self.about)
        for action in (undo, redo):
            action.setEnabled(action.isEnabled() and not self.editor.readonly)

    # Data ----------------------------------------------------------------------------------
    def current_review_id(self) -> int | None:
        index = self.list_view.currentIndex()
        if not index.isValid():
            return None
        return self.list_model.review_at(self.proxy.mapToSource(index).row()).id

    def select_review(self, review_id: int) -> None:
        row = self.list_model.row_of(review_id)
        if row >= 0:
            self.list_view.setCurrentIndex(self.proxy.mapFromSource(self.list_model.index(row)))

    def refresh(self, kind: str = "") -> None:
        current = self.current_review_id()
        try:
            reviews = list_reviews(self.editor.ctx)
        except (UserError, StoreError) as exc:
            self.show_error(str(exc))
            return
        self.list_model.set_reviews(reviews, self.editor.ctx.today())
        if current is not None and self.list_model.row_of(current) >= 0:
            self.list_view.blockSignals(True)
            self.select_review(current)
            self.list_view.blockSignals(False)
        if kind in CHRONOLOGY_KINDS and self.workspace.review is not None:
            # Only the chronology side changed: reload it, not every tab.
            self.workspace.chronology_changed()
        else:
            self._show(self.current_review_id())
        if not reviews:
            self.welcome.setText(
                "<h2>No reviews yet</h2><p>Create the first one with <b>File › New review</b> "
                "(Ctrl+N).</p><p>To explore with fictional examples, run <code>reviewdesk demo</code>.</p>"
            )
        else:
            self.welcome.setText("<h2>Choose a review</h2><p>Select a review on the left.</p>")

    def _review_chosen(self, *_args) -> None:
        self._show(self.current_review_id())

    def _show(self, review_id: int | None) -> None:
        shown = self.workspace.show_review(review_id)
        self.stack.setCurrentWidget(self.workspace if shown else self.welcome)
        self.delete_action.setEnabled(shown and not self.editor.readonly)

    # Commands ------------------------------------------------------------------------------
    def new_review(self) -> None:
        if self.editor.readonly:
            return
        dialog = NewReviewDialog(self)
        while dialog.exec() == QDialog.DialogCode.Accepted:
            review_id = self.editor.run(create_review, kind="review", **dialog.values())
            if review_id is not None:
                self.select_review(review_id)
                self.workspace.tabs.setCurrentIndex(0)
                return

    def delete_review(self) -> None:
        review = self.workspace.review
        if review is None:
            return
        answer = QMessageBox.warning(
            self,
            "Delete review",
            f"Delete {review.reference} ({review.title}) and everything in it: terms of "
            "reference, panel, agencies, IMRs, questions, recommendations and documents?\n\n"
            "This cannot be undone. Consider backing up the store first.",
            QMessageBox.StandardButton.Cancel | QMessageBox.StandardButton.Discard,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Discard:
            self.editor.run(delete_review, review.id, kind="review")

    def show_action_plan(self) -> ActionPlanWindow:
        """The board's view of every review's actions, in its own window beside this one."""
        if self.action_plan is None:
            self.action_plan = ActionPlanWindow(self.editor, self)
            self.action_plan.open_action.connect(self._open_action)
        self.action_plan.show()
        self.action_plan.raise_()
        self.action_plan.activateWindow()
        return self.action_plan

    def show_learning(self):
        """Learning across every review, in its own window beside this one."""
        from ui.learning_window import LearningWindow

        if self.learning is None:
            self.learning = LearningWindow(self.editor, self)
        self.learning.show()
        self.learning.raise_()
        return self.learning

    def _open_action(self, review_id: int, recommendation_id: int, action_id: int) -> None:
        self.filter.clear()  # the review may be filtered out of the list
        self.select_review(review_id)
        self.workspace.show_action(recommendation_id, action_id)
        self.activateWindow()

    def backup(self) -> None:
        store = self.editor.ctx.store
        folder = Path.home() if store.shared else store.path.parent
        suggestion = str(folder / f"{store.path.stem}-backup.db")
        target, _ = QFileDialog.getSaveFileName(
            self, "Back up the store", suggestion, "ReviewDesk store (*.db)"
        )
        if not target:
            return
        try:
            # The file dialog has already asked before replacing an existing file.
            result = backup_store(
                store.address, Path(target), overwrite=True, passphrase=store.passphrase
            )
        except (UserError, StoreError) as exc:
            self.show_error(str(exc))
            return
        path = result.target
        self.statusBar().showMessage(f"Backed up to {path}", 10000)

    def change_name(self) -> None:
        name, ok = QInputDialog.getText(
            self,
            "Your name",
            "Name recorded in the audit trail for your changes:",
            text=self.editor.ctx.actor,
        )
        if ok and name.strip():
            self.editor.ctx.actor = name.strip()
            try:
                save_display_name(name)
            except OSError:
                pass
            self.statusBar().showMessage(f"Your changes are now recorded as {name.strip()}.", 8000)

    def about(self) -> None:
        QMessageBox.about(
            self,
            "About ReviewDesk",
            f"<h3>ReviewDesk {__version__}</h3><p>Safeguarding practice reviews, from IMRs to "
            f"the overview report. Works offline; your data stays in the store file.</p>"
            f"<p>Store: {self.editor.ctx.store.location}</p>",
        )

    def show_error(self, message: str) -> None:
        QMessageBox.warning(self, "ReviewDesk", message)

    # Window state --------------------------------------------------------------------------
    def _restore_state(self) -> None:
        geometry = self.settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1360, 860)
        splitter = self.settings.value("window/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)
        tab = self.settings.value("window/tab", 0, type=int)
        last = self.settings.value("window/review", 0, type=int)
        if last and self.list_model.row_of(last) >= 0:
            self.select_review(last)
        elif self.list_model.rowCount():
            self.list_view.setCurrentIndex(self.proxy.index(0, 0))
        self.workspace.tabs.setCurrentIndex(tab)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt naming
        focused = self.focusWidget()
        if focused is not None:
            focused.clearFocus()  # commits a field still being edited
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/splitter", self.splitter.saveState())
        self.settings.setValue("window/tab", self.workspace.tabs.currentIndex())
        self.settings.setValue("window/review", self.current_review_id() or 0)
        self.live_updates.close()
        super().closeEvent(event)
