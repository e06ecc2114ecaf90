"""Starting the window: open the store (offering read-only if it is in use), then show it.

The window's frame is painted first, before the database layer and the review's tabs are
imported and the store is opened: the person sees ReviewDesk at once, then their reviews.
"""

from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings, QSize, Qt
from PySide6.QtGui import QIcon, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMessageBox, QWidget

from resources import resource_path
from ui.screen import fit_to_screen, keep_on_screen, list_beside, restore_list
from ui.theme import readable_palette, style_name, visible_frames

if TYPE_CHECKING:
    from db.store import Store
    from ui.main_window import MainWindow


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    QCoreApplication.setOrganizationName("ReviewDesk")
    QCoreApplication.setApplicationName("ReviewDesk")
    app.setApplicationDisplayName("ReviewDesk")
    app.setWindowIcon(QIcon(str(resource_path("icons", "reviewdesk.svg"))))
    follow_colour_scheme(app)
    app.styleHints().colorSchemeChanged.connect(lambda _s: follow_colour_scheme(app))
    return app


def follow_colour_scheme(app: QApplication) -> None:
    """Windows' classic style draws light whatever the system says; Fusion follows dark mode.
    Whatever the palette, its text colours are made readable (4.5:1) on their backgrounds, and
    Fusion's fields get edges that can be seen (3:1)."""
    hints = app.styleHints()
    if hints.colorScheme() == Qt.ColorScheme.Dark and style_name(app) == "windowsvista":
        app.setStyle("Fusion")
    visible_frames(app)
    app.setPalette(QPalette())  # the system's palette for the scheme now in use
    app.setPalette(readable_palette(app.palette()))


WRONG_PASSPHRASE_TRIES = 3


def open_for_window(path: Path, parent=None, ask=None, prechecked=None) -> Store | None:
    """Open the store, asking for its passphrase and what to do when it is locked; None if it
    cannot be opened. A plain store is offered encryption first.

    ``prechecked``: the store's quick check, if it was started early (see ``launch``).
    """
    from app.errors import UserError
    from app.store_access import env_passphrase, needs_passphrase, open_with_passphrase
    from db.location import is_server_url
    from db.store import PassphraseError, StoreError, StoreLockedError
    from ui.passphrase_dialog import dialog_asker

    try:
        if is_server_url(path):  # no passphrase: the login's password, when the server asks
            return open_with_passphrase(path, ask or dialog_asker(parent, "password"))
        ask = ask or dialog_asker(parent)
        if not path.exists() or path.stat().st_size == 0 or not needs_passphrase(path):
            return _offer_encryption(path, parent, ask) or open_with_passphrase(
                path, ask, prechecked=prechecked
            )
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
        return _open_or_read_only(path, None, parent, prechecked)
    except (StoreError, UserError) as exc:
        QMessageBox.critical(parent, "ReviewDesk cannot open the store", str(exc))
        return None


def _open_or_read_only(path: Path, passphrase: str | None, parent, prechecked=None) -> Store | None:
    from db.store import StoreError, StoreLockedError, open_store

    try:
        return open_store(path, passphrase=passphrase, prechecked=prechecked)
    except StoreLockedError as exc:
        box = QMessageBox(QMessageBox.Icon.Information, "Store in use", str(exc), parent=parent)
        read_only = box.addButton("Open read-only", QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is not read_only:
            return None
        try:
            return open_store(path, readonly=True, passphrase=passphrase, prechecked=prechecked)
        except StoreError as again:
            QMessageBox.critical(parent, "ReviewDesk", str(again))
            return None


def _offer_encryption(path: Path, parent, ask) -> Store | None:
    """A plain store is offered encryption; None when it stays as it is (or is new)."""
    from app.store_access import encrypt_store, unencrypted_allowed

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
    store: Store,
    actor: str | None = None,
    settings: QSettings | None = None,
    *,
    defer_load: bool = False,
    reviews: list | None = None,
) -> MainWindow:
    from app.config import actor_for
    from app.context import AppContext
    from ui.editing import Editor
    from ui.main_window import MainWindow

    ctx = AppContext(store, actor_for(store, actor))
    return MainWindow(Editor(ctx), settings, defer_load=defer_load, reviews=reviews)


class StartingWindow(QMainWindow):
    """The window's frame, where the main window will be, while the store opens: "Opening…",
    then the list of reviews when the store file can be read directly."""

    def __init__(self, path: Path, settings: QSettings):
        super().__init__()
        self.setObjectName("starting_window")
        from db.location import is_server_url, without_password  # light: no database layer

        name = without_password(path) if is_server_url(path) else path.name
        self.setWindowTitle(name)
        label = QLabel(f"Opening {name}…")
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.list_view = None
        self.reviews: list | None = None
        self.splitter = list_beside(QWidget(), label)  # the list's place, filled after painting
        self.setCentralWidget(self.splitter)
        self.menuBar().addMenu("&File")
        self.statusBar().showMessage(f"Store: {name}")
        geometry = settings.value("window/geometry")
        if geometry is not None and self.restoreGeometry(geometry):
            keep_on_screen(self)
        else:
            fit_to_screen(self, QSize(1360, 860), share=0.97)
        restore_list(self.splitter, settings)

    def show_reviews(self, reviews: list | None) -> None:
        """The reviews, in the list the main window will have, painted at once."""
        if not reviews:
            return
        from datetime import date

        from ui.review_list import ReviewListPanel

        panel = ReviewListPanel()
        panel.filter.setEnabled(False)
        panel.new_button.setEnabled(False)
        panel.setMinimumWidth(self.splitter.widget(0).minimumWidth())
        panel.model.set_reviews(reviews, date.today())
        self.splitter.replaceWidget(0, panel).deleteLater()
        self.panel, self.list_view, self.reviews = panel, panel.view, reviews
        self.repaint()  # now: an update would wait until the store is open


def _early_listing(path: Path):
    """The store's reviews read on a thread, for the frame (None: not a file to read so)."""
    from app.store_access import env_passphrase, needs_passphrase
    from db.location import is_server_url

    if is_server_url(path) or not path.is_file():
        return None
    passphrase = env_passphrase() if needs_passphrase(path) else None
    if needs_passphrase(path) and passphrase is None:
        return None  # asked for in a dialog: the reviews follow the opened store
    from datetime import date

    from app.review_listing import start_quick_listing

    return start_quick_listing(path, passphrase, date.today())


def launch(
    path: Path,
    actor: str | None = None,
    settings: QSettings | None = None,
    *,
    before_show: Callable[[QMainWindow], None] | None = None,
) -> MainWindow | None:
    """Paint the frame with the reviews, open the store, then show the main window in its
    place.

    ``before_show`` sees each window (the frame, then the main window) before it is shown.
    """
    from db.checks import start_quick_check  # light: SQLite only
    from db.location import is_server_url

    # SQLite checks the file, and reads its reviews, on threads while the database layer loads.
    pending = None if is_server_url(path) else start_quick_check(path)
    settings = settings or QSettings()
    shell = StartingWindow(path, settings)
    if before_show:
        before_show(shell)
    shell.show()
    QApplication.processEvents()  # painted now, before the slow part
    listing = _early_listing(path)
    if listing is not None:
        shell.show_reviews(listing.result())
    store = open_for_window(path, shell, prechecked=pending)
    if store is None:
        shell.close()
        return None
    window = build_window(store, actor, settings, defer_load=True, reviews=shell.reviews)
    window.owns_store = True
    window.setGeometry(shell.geometry())
    if before_show:
        before_show(window)
    window.show()
    shell.close()
    return window


def run(path: Path, actor: str | None = None) -> int:
    from app.leftovers import remove_leftovers

    os.umask(0o077)  # whatever ReviewDesk writes (exports, copies) is the user's alone
    remove_leftovers()  # parts of exports and copies of a ReviewDesk that was killed
    app = make_application()
    window = launch(path, actor)
    if window is None:
        return 1
    install_error_hook(lambda: window)
    from db.private import private_temp_folder

    try:
        with private_temp_folder(window.editor.ctx.store.path):
            return app.exec()
    finally:
        # A reading the user walked away from (a huge workbook, Cancel pressed) may still be
        # on its thread: stop it and let it end before the store and the interpreter go. (Here,
        # not at the top: this module loads before the database layer, for the first paint.)
        from ui.tasks import stop_all_jobs

        stop_all_jobs()
        window.editor.ctx.store.close()
