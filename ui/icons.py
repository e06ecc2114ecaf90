"""Small line icons from resources/icons, drawn in the palette's text colour at paint time: they
follow a switch between light and dark, and look disabled when their button is."""

from functools import cache

from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtGui import QGuiApplication, QIcon, QIconEngine, QPalette, QPixmap

from resources import resource_path


@cache
def _svg(name: str) -> str | None:
    try:
        return resource_path("icons", f"{name}.svg").read_text(encoding="utf-8")
    except FileNotFoundError:
        return None


@cache
def _pixmap(name: str, colour: str, size: int) -> QPixmap:
    data = (_svg(name) or "").replace("currentColor", colour)
    data = data.replace('width="24" height="24"', f'width="{size}" height="{size}"')
    pixmap = QPixmap()
    pixmap.loadFromData(data.encode("utf-8"), "SVG")
    return pixmap


def _colour(mode: QIcon.Mode) -> str:
    app = QGuiApplication.instance()
    if app is None:
        return "#202020"
    group = (
        QPalette.ColorGroup.Disabled if mode == QIcon.Mode.Disabled else QPalette.ColorGroup.Active
    )
    return app.palette().color(group, QPalette.ColorRole.ButtonText).name()


class _PaletteIconEngine(QIconEngine):
    def __init__(self, name: str):
        super().__init__()
        self.name = name

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        side = max(1, min(size.width(), size.height()))
        return _pixmap(self.name, _colour(mode), side)

    def paint(self, painter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        ratio = painter.device().devicePixelRatioF() if painter.device() else 1.0
        side = max(1, round(min(rect.width(), rect.height()) * ratio))
        pixmap = QPixmap(_pixmap(self.name, _colour(mode), side))
        pixmap.setDevicePixelRatio(ratio)
        logical = side / ratio
        offset = QPoint(
            rect.x() + round((rect.width() - logical) / 2),
            rect.y() + round((rect.height() - logical) / 2),
        )
        painter.drawPixmap(offset, pixmap)

    def clone(self) -> QIconEngine:
        return _PaletteIconEngine(self.name)

    def iconName(self) -> str:  # noqa: N802 - Qt naming
        return self.name

    def isNull(self) -> bool:  # noqa: N802 - Qt naming
        return _svg(self.name) is None

    def actualSize(self, size: QSize, mode, state) -> QSize:  # noqa: N802 - Qt naming
        side = min(size.width(), size.height())
        return QSize(side, side)


def icon(name: str) -> QIcon:
    """The named icon, in the palette's text colour; an empty icon if it is missing."""
    if _svg(name) is None:
        return QIcon()
    return QIcon(_PaletteIconEngine(name))
