"""File › Offline work: check the review shown out to a laptop store, check an offline copy
back in, release a check-out, and see which reviews are checked out.

The work itself is app/checkout.py's, as on the command line; copying a review and comparing
it with the shared copy run off the window's thread. Each action is disabled where it cannot
apply, with the reason in its tooltip.
"""

import json
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QFileDialog, QMenu, QMessageBox

from app.context import AppContext
from app.errors import UserError
from app.store_access import address_with_password, address_without_password
from app.wording import plural
from db.location import is_server_url
from db.store import StoreError
from ui.reason_prompt import ask_reason
from ui.tasks import run_task

# Where each shared store was reached from this computer (its address without a password),
# by the location a copy records: a check-in then offers the address the check-out used.
ADDRESSES_KEY = "offline/shared_addresses"
MAY_CHECK_OUT = ("owner", "manager", "chair", "author")
MAY_RELEASE = ("owner", "manager", "chair")
MENU_PATH = "File › Offline work"
NOTHING_LOST = "Nothing was checked in: your offline work is still in this laptop store."


def _checkout():
    """The check-out services (loaded with the first review shown, not with the window)."""
    import app.checkout

    return app.checkout


class OfflineWork(QObject):
    """The Offline work menu of one main window, kept in step with the review shown."""

    def __init__(self, window, menu: QMenu):
        super().__init__(window)
        self.window = window
        self.menu = menu.addMenu("Offline &work")
        self.menu.setObjectName("offline_menu")
        self.menu.setToolTipsVisible(True)  # a disabled action says why
        self.check_out_action = window._action(
            self.menu, "Check &out to a laptop store…", self.check_out, None, "check_out"
        )
        self.check_in_action = window._action(
            self.menu, "Check &in to the shared store…", self.check_in, None, "check_in"
        )
        self.release_action = window._action(
            self.menu, "&Release the check-out…", self.release, None, "release_checkout"
        )
        self.menu.addSeparator()
        window._action(self.menu, "Reviews &checked out…", self.show_checkouts, None, "checkouts")
        self.review_shown(None)

    @property
    def ctx(self) -> AppContext:
        return self.window.editor.ctx

    # Which actions apply to the review shown -----------------------------------------------
    def review_shown(self, review_id: int | None) -> None:
        """Enable what applies to the review now shown; say why where it does not."""
        out = copy = None
        try:
            if review_id is not None:
                out = _checkout().checkout_of(self.ctx, review_id)
                copy = (
                    None if self.ctx.store.shared else _checkout().copy_source(self.ctx, review_id)
                )
        except (UserError, StoreError):
            review_id = None  # (the window says what went wrong when it reloads)
        role = self.window.editor.rights.role if self.window.editor.rights else "owner"
        self._set(self.check_out_action, self._why_not_out(review_id, out, role),
                  "Copy this review into a store file on your laptop to work on it offline; "
                  "the shared copy stays read-only until you check it back in.")  # fmt: skip
        self._set(self.check_in_action, self._why_not_in(review_id, copy),
                  f"Put what you changed offline back into {copy}: you see what will change "
                  "first.")  # fmt: skip
        self._set(self.release_action, self._why_not_release(review_id, out, role),
                  "End the check-out without its offline changes, giving the reason (kept in "
                  "the audit trail): for a lost laptop, or someone away.")  # fmt: skip

    @staticmethod
    def _set(action, why_not: str, what: str) -> None:
        action.setEnabled(not why_not)
        action.setToolTip(why_not or what)
        action.setStatusTip(why_not or what)

    def _why_not_out(self, review_id, out, role) -> str:
        if not self.ctx.store.shared:
            return (
                "Reviews are checked out of the partnership's shared store (PostgreSQL); this "
                "store is a file on this computer, already at hand offline."
            )
        if review_id is None:
            return "Choose the review to check out first."
        if self.ctx.readonly:
            return "The shared store is open read-only, so nothing can be checked out of it."
        if out is not None:
            return (
                f"Already checked out to {out.holder} since {out.taken_at:%d/%m/%Y %H:%M} UTC "
                f"({out.destination})."
            )
        if role not in MAY_CHECK_OUT:
            return (
                "Only the review's chair, its authors or the business manager can check it out; "
                "your role on it does not allow changes."
            )
        return ""

    def _why_not_in(self, review_id, copy) -> str:
        if self.ctx.store.shared:
            return (
                "Check in from the laptop store that holds the offline copy: open it with "
                "File › Open another store."
            )
        if review_id is None:
            return "Choose the offline copy to check in first."
        if copy is None:
            return (
                "This review is not an offline copy of a shared review, so there is nothing "
                "to check in."
            )
        if self.ctx.readonly:
            return "This store is open read-only: the copy cannot be removed after check-in."
        return ""

    def _why_not_release(self, review_id, out, role) -> str:
        if review_id is None:
            return "Choose a checked-out review first."
        if out is None:
            return "This review is not checked out of this store."
        if self.ctx.readonly:
            return "The store is open read-only."
        if role not in MAY_RELEASE:
            return "Only the review's chair or the business manager can release a check-out."
        return ""

    # Check out -----------------------------------------------------------------------------
    def check_out(self) -> None:
        from ui.main import open_for_window

        review = self.window.workspace.review
        if review is None or not self.check_out_action.isEnabled():
            return
        target, _ = QFileDialog.getSaveFileName(
            self.window,
            f"Check {review.reference} out to a laptop store (new or existing)",
            str(Path.home() / "reviews-offline.db"),
            "ReviewDesk store (*.db)",
            options=QFileDialog.Option.DontConfirmOverwrite,  # a review is added to it
        )
        if not target:
            return
        laptop = open_for_window(Path(target), self.window)  # (asks for its passphrase)
        if laptop is None:
            return
        shared = self.ctx
        self._remember(shared.store.location, address_without_password(shared.store.address))
        local = AppContext(laptop, shared.actor)

        def done(result) -> None:
            self.window.refresh()  # the review is read-only here now
            answer = QMessageBox.question(
                self.window,
                "Checked out",
                f"{result.reference} is checked out: {plural(result.rows, 'row')} copied to the "
                f"laptop store {result.target}.\n\nThe shared copy of {result.reference} is now "
                "read-only for everyone until you check it back in from the laptop store "
                f"({MENU_PATH} › Check in to the shared store). Other reviews are not "
                "affected.\n\nOpen the laptop store now, to work on the review offline?",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.Yes,
            )
            if answer == QMessageBox.StandardButton.Yes:
                self._switch_to(laptop, result.reference)
            else:
                laptop.close()

        def failed(message: str) -> None:
            laptop.close()
            self.window.refresh()
            self.window.show_error(message)

        run_task(
            self.window,
            f"Checking {review.reference} out to {laptop.path.name}…",
            lambda _progress: _checkout().check_out(shared, local, review.reference),
            done,
            failed,
        )

    def _switch_to(self, store, reference: str) -> None:
        """The window moves to the laptop store, on the offline copy (as File › Open does)."""
        from app.reviews import find_review_id
        from ui.main import build_window

        window = build_window(store, self.ctx.actor, self.window.settings)
        window.owns_store = True
        window.select_review(find_review_id(window.editor.ctx, reference))
        window.show()
        self.laptop_window = window
        self.window.close()

    def _remember(self, location: str, address: str) -> None:
        known = self._addresses()
        known[location] = address
        self.window.settings.setValue(ADDRESSES_KEY, json.dumps(known))

    def _addresses(self) -> dict[str, str]:
        try:
            known = json.loads(self.window.settings.value(ADDRESSES_KEY, "{}") or "{}")
        except (TypeError, ValueError):
            return {}
        return known if isinstance(known, dict) else {}

    # Check in ------------------------------------------------------------------------------
    def check_in(self, _checked: bool = False, problem: str = "", address: str = "") -> None:
        review = self.window.workspace.review
        if review is None or not self.check_in_action.isEnabled():
            return
        source = _checkout().copy_source(self.ctx, review.id)
        address = address or self._addresses().get(source, source)
        from ui.offline_dialogs import SharedStoreDialog

        dialog = SharedStoreDialog(review.reference, source, address, problem, self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        address, password = dialog.values()
        if not is_server_url(address):  # a team store kept in a file: opened here (passphrase)
            from ui.main import open_for_window

            store = open_for_window(Path(address).expanduser(), self.window)
            if store is not None:
                self._compare(store, review.reference)
            return
        run_task(
            self.window,
            f"Connecting to {source}…",
            lambda _progress: _open_shared(address_with_password(address, password)),
            lambda store: self._compare(store, review.reference),
            lambda message: self.check_in(problem=message, address=address),  # ask again
        )

    def _compare(self, store, reference: str) -> None:
        """What checking in would change (the dry run), on the worker thread."""
        laptop, shared = self.ctx, AppContext(store, self.ctx.actor)

        def refused(message: str) -> None:
            store.close()
            self.window.show_error(f"{message}\n\n{NOTHING_LOST}")

        run_task(
            self.window,
            f"Comparing {reference} with the shared store…",
            lambda _progress: _checkout().check_in(laptop, shared, reference),
            lambda report: self._confirm(store, report),
            refused,
        )

    def _confirm(self, store, report) -> None:
        from ui.offline_dialogs import CheckInDialog

        dialog = CheckInDialog(report, self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            store.close()
            return
        laptop, shared = self.ctx, AppContext(store, self.ctx.actor)

        def done(result) -> None:
            store.close()
            self.window.refresh()  # the copy is gone from this store
            QMessageBox.information(
                self.window,
                "Checked in",
                f"{result.reference} is checked in to {result.target}: "
                f"{plural(len(result.changes), 'change')} applied in one transaction, and "
                f"{plural(result.trail_entries, 'offline audit entry', 'offline audit entries')} "
                "added to the shared trail.\n\nThe review can be changed in the shared store "
                "again. The copy in this laptop store was removed; its audit trail keeps the "
                "record.",
            )

        def failed(message: str) -> None:
            store.close()
            self.window.refresh()
            self.window.show_error(f"{message}\n\n{NOTHING_LOST}")

        run_task(
            self.window,
            f"Checking {report.reference} in…",
            lambda _progress: _checkout().check_in(laptop, shared, report.reference, apply=True),
            done,
            failed,
        )

    # Release, and the list -------------------------------------------------------------------
    def release(self) -> None:
        review = self.window.workspace.review
        if review is None or not self.release_action.isEnabled():
            return
        out = _checkout().checkout_of(self.ctx, review.id)
        if out is None:
            return
        reason = ask_reason(
            self.window,
            f"Release {review.reference}",
            f"{review.reference} is checked out to {out.holder} since "
            f"{out.taken_at:%d/%m/%Y %H:%M} UTC ({out.destination}).\n\n"
            "Releasing it makes the review changeable here again, without the offline "
            "changes. The laptop copy can still be checked in only if nothing is changed here "
            "first.\n\nWhy is it released? (kept in the audit trail)",
        )
        if reason is None:
            return
        held = self.window.editor.call(_checkout().release_checkout, review.reference, reason)
        if held is None:
            return
        self.window.refresh()
        self.window.statusBar().showMessage(
            f"Released the check-out of {review.reference} to {held.holder}: the review can be "
            "changed here again.",
            15000,
        )

    def show_checkouts(self) -> None:
        try:
            held = _checkout().list_checkouts(self.ctx)
        except (UserError, StoreError) as exc:
            self.window.show_error(str(exc))
            return
        from ui.offline_dialogs import CheckoutsDialog

        self.checkouts = CheckoutsDialog(held, self.window)
        self.checkouts.exec()


def _open_shared(address: str):
    from db.store import open_store

    return open_store(address)
