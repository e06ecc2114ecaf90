"""Starting the window: open the store (offering read-only if it is in use), then show it."""

import sys
import traceback
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtGui import QIcon, QPalette
from PySide6.QtWidgets import QApplication, QMessageBox

from app.config import display_name
from app.context import AppContext
from db.store import Store, StoreError, StoreLockedError, open_store
from resources import resource_path
from ui.editing import Editor
from ui.main_window import MainWindow
from ui.table_tools import FOCUS_STYLE
from ui.theme import readable_palette


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    QCoreApplication.setOrganizationName("ReviewDesk")
    QCoreApplication.setApplicationName("ReviewDesk")
    app.setApplicationDisplayName("ReviewDesk")
    app.setWindowIcon(QIcon(str(resource_path("icons", "reviewdesk.svg"))))
    follow_colour_scheme(app)
    app.styleHints().colorSchemeChanged.connect(lambda _s: follow_colour_scheme(app))
    app.setStyleSheet(FOCUS_STYLE)
    return app


def follow_colour_scheme(app: QApplication) -> None:
    """Windows' classic style draws light whatever the system says; Fusion follows dark mode.
    Whatever the palette, its text colours are made readable (4.5:1) on their backgrounds."""
    hints = app.styleHints()
    if hints.colorScheme() == Qt.ColorScheme.Dark and app.style().name().lower() == "windowsvista":
        app.setStyle("Fusion")
    app.setPalette(QPalette())  # the system's palette for the scheme now in use
    app.setPalette(readable_palette(app.palette()))


def open_for_window(path: Path, parent=None) -> Store | None:
    """Open the store, asking the user what to do when it is locked; None if it cannot be."""
    try:
        return open_store(path)
    except StoreLockedError as exc:
        box = QMessageBox(QMessageBox.Icon.Information, "Store in use", str(exc), parent=parent)
        read_only = box.addButton("Open read-only", QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is not read_only:
            return None
        try:
            return open_store(path, readonly=True)
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
    ctx = AppContext(store, actor or display_name())
    return MainWindow(Editor(ctx), settings, defer_load=defer_load)


def run(path: Path, actor: str | None = None) -> int:
    app = make_application()
    store = open_for_window(path)
    if store is None:
        return 1
    try:
        window = build_window(store, actor, defer_load=True)
        install_error_hook(lambda: window)
        window.show()
        return app.exec()
    finally:
        store.close()
