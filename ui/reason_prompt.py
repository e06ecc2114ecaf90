"""Asking for the reason when something is not accepted: it is never stored without one."""

from PySide6.QtWidgets import QInputDialog, QWidget


def ask_reason(parent: QWidget, title: str, prompt: str, current: str = "") -> str | None:
    """The reason typed, or None when the user cancels or leaves it empty."""
    text, ok = QInputDialog.getMultiLineText(parent, title, prompt, current)
    return text.strip() if ok and text.strip() else None
