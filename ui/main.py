"""Starting the window: open the store (offering read-only if it is in use), then show it.

The window's frame is painted first, before the database layer and the review's tabs are
imported and the store is opened: the person sees ReviewDesk at once, then their reviews.
"""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings, QSize, Qt
from PySide6.QtGui import QIcon, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMessageBox

from resources import resource_path
from ui.screen import fit_to_screen, keep_on_screen
from ui.theme import readable_palette

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
    Whatever the palette, its text colours are made readable (4.5:1) on their backgrounds."""
    hints = app.styleHints()
    if hints.colorScheme() == Qt.ColorScheme.Dark and app.style().name().lower() == "windowsvista":
        app.setStyle("Fusion")
    app.setPalette(QPalette())  # the system's palette for the scheme now in use
    app.setPalette(readable_palette(app.palette()))


def open_for_window(path: Path, parent=None, prechecked=None) -> Store | None:
    """Open the store, asking the user what to do when it is locked; None if it cannot be.

    ``prechecked``: the store's quick check, if it was started early (see ``launch``).
    """
    from db.store import StoreError, StoreLockedError, open_store

    try:
        return open_store(path, prechecked=prechecked)
    except StoreLockedError as exc:
        box = QMessageBox(QMessageBox.Icon.Information, "Store in use", str(exc), parent=parent)
        read_only = box.addButton("Open read-only", QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is not read_only:
            return None
        try:
            return open_store(path, readonly=True, prechecked=prechecked)
        except StoreError as again:
            QMessageBox.critical(parent, "ReviewDesk", str(again))
            return None
    except StoreError as exc:
        QMessageBox.critical(parent, "ReviewDesk cannot open the store", str(exc))
        return None


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
) -> MainWindow:
    from app.config import display_name
    from app.context import AppContext
    from ui.editing import Editor
    from ui.main_window import MainWindow

    ctx = AppContext(store, actor or display_name())
    return MainWindow(Editor(ctx), settings, defer_load=defer_load)


class StartingWindow(QMainWindow):
    """The window's frame, where the main window will be, while the store opens."""

    def __init__(self, path: Path, settings: QSettings):
        super().__init__()
        self.setObjectName("starting_window")
        self.setWindowTitle(path.name)
        label = QLabel(f"Opening {path.name}…")
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setCentralWidget(label)
        self.menuBar().addMenu("&File")
        self.statusBar().showMessage(f"Store: {path}")
        geometry = settings.value("window/geometry")
        if geometry is not None and self.restoreGeometry(geometry):
            keep_on_screen(self)
        else:
            fit_to_screen(self, QSize(1360, 860), share=0.97)


def launch(
    path: Path,
    actor: str | None = None,
    settings: QSettings | None = None,
    *,
    before_show: Callable[[QMainWindow], None] | None = None,
) -> MainWindow | None:
    """Paint the frame, open the store, then show the main window in its place.

    ``before_show`` sees each window (the frame, then the main window) before it is shown.
    """
    from db.checks import start_quick_check  # light: SQLite only

    # SQLite checks the file on its own thread while the database layer loads.
    pending = start_quick_check(path)
    settings = settings or QSettings()
    shell = StartingWindow(path, settings)
    if before_show:
        before_show(shell)
    shell.show()
    QApplication.processEvents()  # painted now, before the slow part
    store = open_for_window(path, shell, pending)
    if store is None:
        shell.close()
        return None
    window = build_window(store, actor, settings, defer_load=True)
    window.owns_store = True
    window.setGeometry(shell.geometry())
    if before_show:
        before_show(window)
    window.show()
    shell.close()
    return window


def run(path: Path, actor: str | None = None) -> int:
    app = make_application()
    window = launch(path, actor)
    if window is None:
        return 1
    install_error_hook(lambda: window)
    return app.exec()
