"""Starting the window: open the store (offering read-only if it is in use), then show it."""

import os
import sys
import traceback
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from app.config import display_name
from app.context import AppContext
from app.errors import UserError
from app.leftovers import remove_leftovers
from app.store_access import (
    encrypt_store,
    env_passphrase,
    needs_passphrase,
    open_with_passphrase,
    unencrypted_allowed,
)
from db.private import private_temp_folder
from db.store import PassphraseError, Store, StoreError, StoreLockedError, open_store
from resources import resource_path
from ui.editing import Editor
from ui.main_window import MainWindow
from ui.passphrase_dialog import dialog_asker


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    QCoreApplication.setOrganizationName("ReviewDesk")
    QCoreApplication.setApplicationName("ReviewDesk")
    app.setApplicationDisplayName("ReviewDesk")
    app.setWindowIcon(QIcon(str(resource_path("icons", "reviewdesk.svg"))))
    follow_colour_scheme(app)
    return app


def follow_colour_scheme(app: QApplication) -> None:
    """Windows' classic style draws light whatever the system says; Fusion follows dark mode."""
    hints = app.styleHints()
    if hints.colorScheme() == Qt.ColorScheme.Dark and app.style().name().lower() == "windowsvista":
        app.setStyle("Fusion")


WRONG_PASSPHRASE_TRIES = 3


def open_for_window(path: Path, parent=None, ask=None) -> Store | None:
    """Open the store, asking for its passphrase and what to do when it is locked; None if it
    cannot be opened. A plain store is offered encryption first."""
    ask = ask or dialog_asker(parent)
    try:
        if not path.exists() or path.stat().st_size == 0 or not needs_passphrase(path):
            return _offer_encryption(path, parent, ask) or open_with_passphrase(path, ask)
        for attempt in range(WRONG_PASSPHRASE_TRIES):
            passphrase = env_passphrase() if attempt == 0 else None
            passphrase = passphrase or ask(f"Passphrase for the store {path.name}", False)
            if not passphrase:
                return None
            try:
                return _open_or_read_only(path, passphrase, parent)
            except PassphraseError as exc:
                if attempt == WRONG_PASSPHRASE_TRIES - 1:
                    raise
                QMessageBox.warning(parent, "ReviewDesk", str(exc))
        return None
    except StoreLockedError:
        return _open_or_read_only(path, None, parent)
    except (StoreError, UserError) as exc:
        QMessageBox.critical(parent, "ReviewDesk cannot open the store", str(exc))
        return None


def _open_or_read_only(path: Path, passphrase: str | None, parent) -> Store | None:
    try:
        return open_store(path, passphrase=passphrase)
    except StoreLockedError as exc:
        box = QMessageBox(QMessageBox.Icon.Information, "Store in use", str(exc), parent=parent)
        read_only = box.addButton("Open read-only", QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is not read_only:
            return None
        try:
            return open_store(path, readonly=True, passphrase=passphrase)
        except StoreError as again:
            QMessageBox.critical(parent, "ReviewDesk", str(again))
            return None


def _offer_encryption(path: Path, parent, ask) -> Store | None:
    """A plain store is offered encryption; None when it stays as it is (or is new)."""
    if not path.exists() or path.stat().st_size == 0 or unencrypted_allowed():
        return None
    box = QMessageBox(
        QMessageBox.Icon.Question,
        "Protect this store",
        f"The store {path} is not encrypted: anyone who can read the file can read the case "
        "records in it. ReviewDesk can encrypt it now with a passphrase you choose (a "
        "verified encrypted copy replaces it, and the unencrypted file is removed).",
        parent=parent,
    )
    encrypt = box.addButton("Encrypt it now…", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("Not now", QMessageBox.ButtonRole.RejectRole)
    box.exec()
    if box.clickedButton() is not encrypt:
        return None
    passphrase = ask(f"Choose a passphrase for the store {path.name}", True)
    if not passphrase:
        return None
    encrypt_store(path, passphrase)
    return _open_or_read_only(path, passphrase, parent)


def install_error_hook(parent_getter) -> None:
    """Unexpected errors get a plain message; the details go to stderr for a bug report.

    Each edit is saved in its own transaction, so a failure part-way leaves the store as it
    was before that edit.
    """
    previous = sys.excepthook

    def hook(exc_type, exc, tb):
        previous(exc_type, exc, tb)
        if issubclass(exc_type, KeyboardInterrupt):
            return
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            "ReviewDesk",
            "Something went wrong and the last action did not complete. Everything saved "
            "before it is safe in the store.",
            parent=parent_getter(),
        )
        box.setDetailedText("".join(traceback.format_exception(exc_type, exc, tb)))
        box.exec()

    sys.excepthook = hook


def build_window(
    store: Store, actor: str | None = None, settings: QSettings | None = None
) -> MainWindow:
    ctx = AppContext(store, actor or display_name())
    return MainWindow(Editor(ctx), settings)


def run(path: Path, actor: str | None = None) -> int:
    os.umask(0o077)  # whatever ReviewDesk writes (exports, copies) is the user's alone
    remove_leftovers()  # parts of exports and copies of a ReviewDesk that was killed
    app = make_application()
    store = open_for_window(path)
    if store is None:
        return 1
    try:
        with private_temp_folder(store.path):
            window = build_window(store, actor)
            install_error_hook(lambda: window)
            window.show()
            return app.exec()
    finally:
        store.close()
