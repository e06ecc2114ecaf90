"""The screens the window is tried at, and letting Qt finish what a change set off."""

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication

# A panel chair's projector, less a title bar; a 1366x768 laptop at 125% is wider (1093).
PROJECTOR = QSize(1024, 768 - 40)


def settle() -> None:
    """Let the layouts, resizes and deferred calls a change set off run."""
    for _ in range(3):
        QApplication.processEvents()
