"""Icons are drawn in the palette's text colour when painted, so they follow light and dark."""

import gc

from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QIcon, QPalette
from PySide6.QtWidgets import QApplication, QPushButton

from ui.icons import icon


def _ink(pixmap) -> QColor:
    image = pixmap.toImage()
    for y in range(image.height()):
        for x in range(image.width()):
            colour = image.pixelColor(x, y)
            if colour.alpha() > 200:
                return colour
    raise AssertionError("the icon drew nothing")


def test_icons_follow_the_palette_and_look_disabled(qapp):
    original = QPalette(qapp.palette())
    add = icon("add")
    gc.collect()  # the icon keeps its engine alive on its own
    assert not add.isNull() and icon("no-such-icon").isNull()
    try:
        light = QPalette(original)
        light.setColor(QPalette.ColorRole.ButtonText, QColor("#101010"))
        light.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, "#808080")
        qapp.setPalette(light)
        assert _ink(add.pixmap(QSize(24, 24))).name() == "#101010"
        disabled = add.pixmap(QSize(24, 24), QIcon.Mode.Disabled)
        assert _ink(disabled).name() == "#808080"
        dark = QPalette(light)
        dark.setColor(QPalette.ColorRole.ButtonText, QColor("#f0f0f0"))
        qapp.setPalette(dark)
        assert _ink(add.pixmap(QSize(24, 24))).name() == "#f0f0f0"  # the same icon, redrawn
        button = QPushButton(add, "Add")
        button.grab()  # painting through the engine works
        button.deleteLater()
    finally:
        qapp.setPalette(original)
        QApplication.processEvents()
