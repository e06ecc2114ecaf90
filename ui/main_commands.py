"""What the main window's menus and first-run page do: new review, demo, import, export,
open another store, check, back up, help."""

from pathlib import Path

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
)

from app import __version__
from app.backups import backup_store
from app.config import actor_for, save_display_name
from app.errors import UserError
from app.reviews import create_review, delete_review
from app.vocab import REVIEW_TYPES
from db.store import StoreError
from ui.help import HelpDialog
from ui.passphrase_dialog import dialog_asker
from ui.screen import fit_to_screen
from ui.tab_names import TAB_CHRONOLOGY, TAB_NAMES, TAB_REPORTS
from ui.tasks import run_task
from ui.widgets import DateField, FormDialog


class NewReviewDialog(FormDialog):
    def __init__(self, parent=None, intro: str = ""):
        super().__init__("New review", "Create review", parent)
        if intro:
            note = QLabel(intro)
            note.setObjectName("new_review_intro")
            note.setWordWrap(True)
            self.form.addRow(note)
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
        form = self.form
        form.addRow("Type of review", self.review_type)
        form.addRow("Reference", self.reference)
        form.addRow("Title", self.title_edit)
        form.addRow("Subject (pseudonym)", self.subject)
        form.addRow("Decision to review", self.decision)
        form.addRow("Notification date", self.notification)
        self.finish_form(40)

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


class WindowCommands:
    """The main window's commands (mixed into it: they use its list, workspace and editor)."""

    # Commands ------------------------------------------------------------------------------
    def new_review(self, intro: str = "") -> None:
        if not self.can_start_reviews:
            return
        dialog = NewReviewDialog(self, intro)
        while dialog.exec() == QDialog.DialogCode.Accepted:
            review_id = self.editor.run(create_review, kind="review", **dialog.values())
            if review_id is not None:
                self.select_review(review_id)
                self.workspace.tabs.setCurrentIndex(0)
                return

    def add_demo_reviews(self) -> None:
        """The demonstration reviews, made in the background (they import their agencies' files
        and issue their published documents: several seconds) behind a progress dialog."""
        from app.demo import add_demo_reviews

        if self.editor.ctx.readonly:
            self.editor.failed.emit("This store is open read-only; changes cannot be saved.")
            return
        ctx = self.editor.ctx

        def done(result) -> None:
            added, _skipped = result
            self.editor.changed.emit("review")
            self.statusBar().showMessage(
                f"Added {len(added)} fictional demonstration reviews.", 10000
            )
            if self.list_model.rowCount():
                self.list_view.setCurrentIndex(self.proxy.index(0, 0))

        def failed(message: str) -> None:
            self.editor.changed.emit("review")  # all or nothing: show the store as it is
            self.editor.failed.emit(message)

        run_task(
            self,
            "Adding the demonstration reviews…\nTheir agencies' chronologies are imported and "
            "their documents issued:\nthis takes a few seconds.",
            lambda _progress: add_demo_reviews(ctx),
            done,
            failed,
        )

    def import_chronology(self) -> None:
        if self.current_review_id() is None:
            self.new_review(  # a chronology belongs to a review: make one first
                "An agency's chronology goes into a review. Create the review first; the "
                "agency's file is chosen next."
            )
        if self.current_review_id() is None:
            return
        self.workspace.tabs.setCurrentIndex(TAB_CHRONOLOGY)
        self.workspace.chronology.choose_import()

    def export_chronology(self) -> None:
        if self.current_review_id() is not None:
            self.workspace.tabs.setCurrentIndex(TAB_CHRONOLOGY)
            self.workspace.chronology.choose_export()

    def export_document(self) -> None:
        if self.current_review_id() is not None:
            self.workspace.tabs.setCurrentIndex(TAB_REPORTS)
            self.workspace.reports.choose_export()

    def open_other_store(self) -> None:
        from ui.main import open_for_window

        store = self.editor.ctx.store
        folder = str(Path.home() if store.shared else store.path.parent)
        path, _ = QFileDialog.getOpenFileName(
            self, "Open another store", folder, "ReviewDesk store (*.db);;All files (*)"
        )
        if not path or (not store.shared and Path(path).resolve() == store.path.resolve()):
            return
        self._switch_to(open_for_window(Path(path), self))

    def open_shared_store(self) -> None:
        """The partnership's shared store, by its server, database and login."""
        from PySide6.QtWidgets import QDialog

        from ui.main import open_for_window
        from ui.shared_store_dialog import SharedStoreDialog

        dialog = SharedStoreDialog(self.settings, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self._switch_to(open_for_window(dialog.address(), self))

    def _switch_to(self, store) -> None:
        """A window of its own for ``store`` (when it opened) in place of this one."""
        from ui.main import build_window

        if store is None:
            return
        window = build_window(store, self.editor.ctx.actor, self.settings)
        window.owns_store = True
        window.show()
        self.close()

    def check_store(self) -> None:
        from db.store import check_store

        path, passphrase = self.editor.ctx.store.address, self.editor.ctx.store.passphrase
        run_task(
            self,
            "Checking the whole store…",
            lambda _progress: check_store(path, passphrase=passphrase),
            self._checked,
            self.show_error,
        )

    def check_if_due(self, days: int = 7) -> None:
        """The full check, once a week (opening runs only the quick one); not once the window
        has closed (its store is closed with it)."""
        if not self.isVisible():
            return
        last = self.settings.value("store/last_full_check")
        if isinstance(last, QDateTime) and last.addDays(days) > QDateTime.currentDateTime():
            return
        self.check_store()

    def _checked(self, health) -> None:
        self.settings.setValue("store/last_full_check", QDateTime.currentDateTime())
        if health.healthy:
            self.statusBar().showMessage("The store passed its full check.", 10000)
        else:
            self.show_error(
                "The store failed its full check: "
                + "; ".join(health.problems[:5])
                + ". Restore it from a backup, or run 'reviewdesk check'."
            )

    def show_help(self) -> None:
        tab = None
        if self._workspace is not None and self.stack.currentWidget() is self._workspace:
            tab = TAB_NAMES[self._workspace.tabs.currentIndex()]
        HelpDialog(tab, self).exec()

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

    def show_learning(self):
        """Learning across every review, in its own window beside this one."""
        from ui.learning_window import LearningWindow

        if self.learning is None:
            self.learning = LearningWindow(self.editor, self)
            fit_to_screen(self.learning, self.learning.size())
        self.learning.show()
        self.learning.raise_()
        return self.learning

    def show_action_plan(self):
        """The board's view of every review's actions, in its own window beside this one."""
        if self.action_plan is None:
            from ui.board_view import ActionPlanWindow

            self.action_plan = ActionPlanWindow(self.editor, self)
            self.action_plan.open_action.connect(self._open_action)
        self.action_plan.show()
        self.action_plan.raise_()
        self.action_plan.activateWindow()
        return self.action_plan

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
                store.address,
                Path(target),
                overwrite=True,
                passphrase=store.passphrase,
                ask=dialog_asker(self),  # a shared store's backup is a new, encrypted file
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
            store = self.editor.ctx.store
            self.editor.ctx.actor = actor_for(store, name)  # a shared store adds the login
            name = name.strip().removesuffix(f" ({store.login})")
            try:
                save_display_name(name)
            except OSError:
                pass
            shown = self.editor.ctx.actor
            self.statusBar().showMessage(f"Your changes are now recorded as {shown}.", 8000)

    def about(self) -> None:
        QMessageBox.about(
            self,
            "About ReviewDesk",
            f"<h3>ReviewDesk {__version__}</h3><p>Safeguarding practice reviews, from IMRs to "
            f"the overview report. Works offline; your data stays in the store file.</p>"
            f"<p>Store: {self.editor.ctx.store.location}</p>",
        )
