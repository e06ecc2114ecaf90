"""What a screen reader would be told: the accessible name of every control that takes focus,
and the contrast of the palette's text colours."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QColor, QPalette
from PySide6.QtWidgets import QAbstractScrollArea, QScrollBar, QWidget

# Parts of compound widgets that are named through their owner.
_INNER = {"qt_spinbox_lineedit", "qt_calendar_calendarview", "qt_calendar_yearedit"}


def accessible_name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    if interface is None or not interface.isValid():
        return widget.accessibleName()
    return (interface.text(QAccessible.Text.Name) or "").strip()


def focusable(widget: QWidget) -> bool:
    return (
        bool(widget.focusPolicy().value & Qt.FocusPolicy.TabFocus.value)
        and widget.isVisible()
        and widget.isEnabled()
        and widget.focusProxy() is None
        and not isinstance(widget, QScrollBar)
        and widget.objectName() not in _INNER
    )


def nameless_controls(root: QWidget) -> list[QWidget]:
    """Every visible control under ``root`` a user can Tab to that has no accessible name."""
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not focusable(widget):
            continue
        if (
            isinstance(widget.parentWidget(), QAbstractScrollArea)
            and widget.parentWidget().viewport() is widget
        ):
            continue
        if not accessible_name(widget):
            found.append(widget)
    return found


def describe(widget: QWidget) -> str:
    parent = widget.parentWidget()
    return f"{type(widget).__name__}({widget.objectName()!r}) in {type(parent).__name__}({parent.objectName()!r})"


def luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def contrast(a: QColor, b: QColor) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


PAIRS = [
    ("text on base", QPalette.ColorRole.Text, QPalette.ColorRole.Base),
    ("text on alternate rows", QPalette.ColorRole.Text, QPalette.ColorRole.AlternateBase),
    ("window text", QPalette.ColorRole.WindowText, QPalette.ColorRole.Window),
    ("button text", QPalette.ColorRole.ButtonText, QPalette.ColorRole.Button),
    ("selection", QPalette.ColorRole.HighlightedText, QPalette.ColorRole.Highlight),
    ("links", QPalette.ColorRole.Link, QPalette.ColorRole.Base),
    ("visited links", QPalette.ColorRole.LinkVisited, QPalette.ColorRole.Base),
    ("placeholder", QPalette.ColorRole.PlaceholderText, QPalette.ColorRole.Base),
    ("tooltips", QPalette.ColorRole.ToolTipText, QPalette.ColorRole.ToolTipBase),
]


def low_contrast(palette: QPalette, minimum: float = 4.5) -> list[str]:
    problems = []
    groups = [
        ("", QPalette.ColorGroup.Active),
        ("inactive ", QPalette.ColorGroup.Inactive),
    ]
    for prefix, group in groups:
        for name, fg, bg in PAIRS:
            ratio = contrast(palette.color(group, fg), palette.color(group, bg))
            if ratio < minimum:
                problems.append(f"{prefix}{name}: {ratio:.2f}:1")
    return problems


def typical_dark_palette(base: QPalette) -> QPalette:
    """A typical dark palette, as a desktop might hand it over (links left at Qt's blue)."""
    palette = QPalette(base)
    for role, colour in (
        (QPalette.ColorRole.Window, "#2b2b2b"),
        (QPalette.ColorRole.WindowText, "#e8e8e8"),
        (QPalette.ColorRole.Base, "#1e1e1e"),
        (QPalette.ColorRole.AlternateBase, "#262626"),
        (QPalette.ColorRole.Text, "#e8e8e8"),
        (QPalette.ColorRole.Button, "#353535"),
        (QPalette.ColorRole.ButtonText, "#e8e8e8"),
        (QPalette.ColorRole.Highlight, "#3daee9"),
        (QPalette.ColorRole.HighlightedText, "#ffffff"),
        (QPalette.ColorRole.Link, "#0000ff"),
        (QPalette.ColorRole.PlaceholderText, "#5a5a5a"),
    ):
        palette.setColor(role, colour)
    return palette
