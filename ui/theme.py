"""Colours and fonts that follow the system's light or dark palette."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QIcon, QPalette
from PySide6.QtWidgets import QApplication, QStyle

# (light, dark) pairs chosen for contrast on the matching window background.
_STATUS = {
    "not_requested": ("#5f6368", "#b0b4b9"),
    "requested": ("#1a5fb4", "#8ab4f8"),
    "received": ("#6a3d9a", "#c5a3ff"),
    "under_challenge": ("#a15c00", "#ffb74d"),
    "accepted": ("#1e7b34", "#81c995"),
    "not_required": ("#5f6368", "#9aa0a6"),
}
_DANGER = ("#b3261e", "#f28b82")
_MUTED = ("#5f6368", "#a8adb3")


def is_dark() -> bool:
    app = QGuiApplication.instance()
    if app is None:
        return False
    hints = app.styleHints()
    scheme = getattr(hints, "colorScheme", None)
    if scheme is not None and scheme() != Qt.ColorScheme.Unknown:
        return scheme() == Qt.ColorScheme.Dark
    return app.palette().color(QPalette.ColorRole.Window).lightness() < 128


def _pick(pair: tuple[str, str]) -> QColor:
    return QColor(pair[1] if is_dark() else pair[0])


def status_colour(status: str) -> QColor:
    return _pick(_STATUS.get(status, _MUTED))


def danger_colour() -> QColor:
    return _pick(_DANGER)


def muted_colour() -> QColor:
    return _pick(_MUTED)


def scaled_font(base: QFont, factor: float, bold: bool = False) -> QFont:
    font = QFont(base)
    if font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * factor)
    font.setBold(bold)
    return font


_WARNING_ICON: QIcon | None = None


def warning_icon() -> QIcon:
    """The style's warning icon, made once: a model's data() asks for it on every repaint and a
    new QIcon each time kept adding to memory."""
    global _WARNING_ICON
    if _WARNING_ICON is None:
        _WARNING_ICON = QApplication.style().standardIcon(
            QStyle.StandardPixmap.SP_MessageBoxWarning
        )
    return _WARNING_ICON
