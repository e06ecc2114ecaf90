"""The screens the window is tried at, and letting Qt finish what a change set off."""

from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

# A panel chair's projector, less a title bar; a 1366x768 laptop at 125% is wider (1093).
PROJECTOR = QSize(1024, 768 - 40)


def settle() -> None:
    """Let the layouts, resizes and deferred calls a change set off run."""
    for _ in range(3):
        QApplication.processEvents()


# The dark and high-contrast palettes the window is tried in (Windows' high-contrast black).
HIGH_CONTRAST = {
    "Window": "#000000",
    "WindowText": "#ffffff",
    "Base": "#000000",
    "AlternateBase": "#000000",
    "Text": "#ffffff",
    "Button": "#000000",
    "ButtonText": "#ffff00",
    "Highlight": "#1aebff",
    "HighlightedText": "#000000",
}
DARK = {
    "Window": "#2b2b2b",
    "WindowText": "#e8e8e8",
    "Base": "#1e1e1e",
    "AlternateBase": "#262626",
    "Text": "#e8e8e8",
    "Button": "#353535",
    "ButtonText": "#e8e8e8",
    "Highlight": "#3d6fb4",
    "HighlightedText": "#ffffff",
}


def palette_with(colours: dict[str, str] | None, base: QPalette | None = None) -> QPalette:
    """``base`` (Qt's default palette when None) with ``colours`` (role name -> colour) set."""
    made = QPalette(base) if base is not None else QPalette()
    for role, colour in (colours or {}).items():
        made.setColor(getattr(QPalette.ColorRole, role), QColor(colour))
    return made


def read_through(qtbot, dialog, timeout: int = 60_000) -> None:
    """Wait until the import dialog has read and planned its file (it does so off the window's
    thread, so the window stays responsive while a long file is read)."""
    qtbot.waitUntil(lambda: not dialog.is_reading(), timeout=timeout)
