"""Small line icons from resources/icons, drawn in the palette's text colour (light or dark)."""

from functools import cache

from PySide6.QtGui import QGuiApplication, QIcon, QPalette, QPixmap

from resources import resource_path

SIZES = (16, 24, 32, 48)


@cache
def _icon(name: str, colour: str) -> QIcon:
    try:
        svg = resource_path("icons", f"{name}.svg").read_text(encoding="utf-8")
    except FileNotFoundError:
        return QIcon()
    data = svg.replace("currentColor", colour)
    result = QIcon()
    for size in SIZES:
        sized = data.replace('width="24" height="24"', f'width="{size}" height="{size}"')
        pixmap = QPixmap()
        if pixmap.loadFromData(sized.encode("utf-8"), "SVG"):
            result.addPixmap(pixmap)
    return result


def icon(name: str) -> QIcon:
    """The named icon in the current text colour; an empty icon if it is missing."""
    app = QGuiApplication.instance()
    colour = (
        app.palette().color(QPalette.ColorRole.ButtonText).name() if app is not None else "#202020"
    )
    return _icon(name, colour)
