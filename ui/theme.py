"""Colours and fonts that follow the system's light or dark palette."""

import shiboken6
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QIcon, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QFocusFrame,
    QFrame,
    QProxyStyle,
    QStyle,
    QStyleFactory,
)

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
    """The light or dark colour of a pair, made readable on the palette in use: rich text
    puts it on the window's colour (labels) or the base colour (text views), and a desktop's
    palette may differ from the ones the pairs were chosen for."""
    colour = QColor(pair[1] if is_dark() else pair[0])
    app = QGuiApplication.instance()
    if app is None:
        return colour
    palette = app.palette()
    for _ in range(2):  # twice: moving away from one background may bring it nearer the other
        for role in (QPalette.ColorRole.Base, QPalette.ColorRole.Window):
            background = palette.color(role)
            if contrast_ratio(colour, background) < MIN_CONTRAST:
                colour = _push(colour, background, MIN_CONTRAST)
    return colour


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


# Readable text ------------------------------------------------------------------------------
MIN_CONTRAST = 4.5  # WCAG 2 AA for body text

_G = QPalette.ColorGroup
_R = QPalette.ColorRole
# (foreground, background, which to change): the text moves, except on a selection, where the
# selection colour itself darkens (or lightens) so white (or black) text stays readable on it.
_PAIRS = [
    (_R.Text, _R.Base, "fg"),
    (_R.Text, _R.AlternateBase, "fg"),
    (_R.WindowText, _R.Window, "fg"),
    (_R.ButtonText, _R.Button, "fg"),
    (_R.HighlightedText, _R.Highlight, "bg"),
    (_R.Link, _R.Base, "fg"),
    (_R.LinkVisited, _R.Base, "fg"),
    (_R.Link, _R.Window, "fg"),  # a link in a label (the header's "Enter the decision date")
    (_R.LinkVisited, _R.Window, "fg"),
    (_R.PlaceholderText, _R.Base, "fg"),
    (_R.ToolTipText, _R.ToolTipBase, "fg"),
]


def _luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def contrast_ratio(a: QColor, b: QColor) -> float:
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _push(colour: QColor, against: QColor, minimum: float) -> QColor:
    """``colour`` moved away from ``against`` (darker or lighter) until it reads at ``minimum``."""
    towards_white = _luminance(against) < 0.18
    result = QColor(colour)
    for _ in range(40):
        if contrast_ratio(result, against) >= minimum:
            return result
        h, s, v, a = result.getHsvF()
        if towards_white:
            result.setHsvF(h, max(0.0, s - 0.04), min(1.0, v + 0.04), a)
            if v >= 1.0:
                result.setHsvF(h, max(0.0, s - 0.1), 1.0, a)
        else:
            result.setHsvF(h, s, max(0.0, v - 0.04), a)
    return QColor("#ffffff") if towards_white else QColor("#000000")


def readable_palette(palette: QPalette, minimum: float = MIN_CONTRAST) -> QPalette:
    """The palette with every text colour at ``minimum`` contrast or better against its
    background, including the selection, links (often too dark in dark mode) and the muted
    text of read-only and disabled fields. Colours that already pass are left alone."""
    result = QPalette(palette)
    for group in (_G.Active, _G.Inactive, _G.Disabled):
        for fg_role, bg_role, move in _PAIRS:
            fg, bg = result.color(group, fg_role), result.color(group, bg_role)
            if contrast_ratio(fg, bg) >= minimum:
                continue
            if move == "fg":
                result.setColor(group, fg_role, _push(fg, bg, minimum))
            else:
                result.setColor(group, bg_role, _push(bg, fg, minimum))
    return result


# Visible frames ------------------------------------------------------------------------------
MIN_FRAME_CONTRAST = 3.0  # WCAG 2 AA for the edges of controls (1.4.11, non-text contrast)


def frame_colour(palette: QPalette) -> QColor | None:
    """The colour an input's edge needs to be seen on ``palette``, or None where Fusion's own
    edge already reads (3:1 against the window and the field). Fusion draws it a shade darker
    than the window: on a black window (high contrast) that is black, and on a dark one it is
    as dark as the field inside it, so a line edit or text box shows no edge at all."""
    window, base = palette.color(_R.Window), palette.color(_R.Base)
    fusion = window.darker(140)
    if min(contrast_ratio(fusion, window), contrast_ratio(fusion, base)) >= MIN_FRAME_CONTRAST:
        return None
    text = palette.color(_R.WindowText)
    share = 0.45  # of the text's colour: an edge, quieter than the words
    colour = QColor.fromRgbF(
        window.redF() + (text.redF() - window.redF()) * share,
        window.greenF() + (text.greenF() - window.greenF()) * share,
        window.blueF() + (text.blueF() - window.blueF()) * share,
    )
    for _ in range(2):
        for background in (window, base):
            if contrast_ratio(colour, background) < MIN_FRAME_CONTRAST:
                colour = _push(colour, background, MIN_FRAME_CONTRAST)
    return colour


FOCUS_RING = 2.0  # px: a keyboard focus that is seen from the back of the room, not heavy


def focus_colour(palette: QPalette) -> QColor:
    """The keyboard focus ring's colour: the palette's highlight, taken darker or lighter where
    it would read at less than 3:1 against the window, a button's face (as Fusion lights it)
    or a field."""
    colour = QColor(palette.color(_R.Highlight))
    button = palette.color(_R.Button)
    # Fusion lights a button's face and its inner line up to this, on a dark palette.
    backgrounds = (palette.color(_R.Window), palette.color(_R.Base), button, button.lighter(170))
    for _ in range(2):
        for background in backgrounds:
            if contrast_ratio(colour, background) < MIN_FRAME_CONTRAST:
                colour = _push(colour, background, MIN_FRAME_CONTRAST)
    return colour


class VisibleFrames(QProxyStyle):
    """Fusion, with the edges of line edits, text boxes, lists, combo and spin boxes, buttons,
    tick boxes and radio buttons drawn where its own would not be seen (high contrast, a dark
    palette): a field is a box to type in, not words floating on the window. On a dark
    palette a dialog's buttons carry no icons (drawn for light windows). The control with
    the keyboard focus wears a 2 px ring in the highlight colour (3:1 against what is round
    it), where Fusion draws a 1 px line, half transparent on tick boxes, tabs and cells.

    Over another style (Windows' own, say) only the ring is added: the style's edges are its
    own, and its dotted focus rectangle becomes the ring."""

    def __init__(self, base=None):
        super().__init__(base)
        self._over_fusion = _base_name(self) == "fusion"

    def drawPrimitive(self, element, option, painter, widget=None):  # noqa: N802 - Qt's name
        if element == QStyle.PrimitiveElement.PE_FrameFocusRect:
            # Tick boxes, radio buttons, tabs, a list's or table's current cell.
            if option.state & QStyle.StateFlag.State_KeyboardFocusChange:
                self._ring(option, painter, inset=0)
            return
        super().drawPrimitive(element, option, painter, widget)
        focused = bool(option.state & QStyle.StateFlag.State_HasFocus)
        if element == QStyle.PrimitiveElement.PE_FrameLineEdit:
            if focused:
                self._ring(option, painter)
            else:
                self._edge(option, painter, 2.0)
        elif not self._over_fusion:
            if element == QStyle.PrimitiveElement.PE_PanelButtonCommand and focused:
                self._ring(option, painter)
        elif element in (
            QStyle.PrimitiveElement.PE_Frame,
            QStyle.PrimitiveElement.PE_IndicatorCheckBox,
        ):
            self._edge(option, painter, 0.0)
        elif element == QStyle.PrimitiveElement.PE_PanelButtonCommand:
            if focused:
                self._ring(option, painter)
            else:
                self._edge(option, painter, 2.0)
        elif element == QStyle.PrimitiveElement.PE_IndicatorRadioButton:
            self._edge(option, painter, -1.0)

    def drawComplexControl(self, control, option, painter, widget=None):  # noqa: N802
        super().drawComplexControl(control, option, painter, widget)
        focused = bool(option.state & QStyle.StateFlag.State_HasFocus)
        if control in (QStyle.ComplexControl.CC_ComboBox, QStyle.ComplexControl.CC_SpinBox):
            if focused:
                self._ring(option, painter)
            elif self._over_fusion:
                self._edge(option, painter, 2.0)
        elif control == QStyle.ComplexControl.CC_ToolButton and focused:
            self._ring(option, painter)

    def drawControl(self, element, option, painter, widget=None):  # noqa: N802 - Qt's name
        if element == QStyle.ControlElement.CE_FocusFrame:
            # Round a focused text box, list or table (see ring_focused_boxes): outside its
            # edge, where its contents cannot cover it.
            self._ring(option, painter, inset=0)
            return
        super().drawControl(element, option, painter, widget)
        if (
            element == QStyle.ControlElement.CE_TabBarTabShape
            and option.state & QStyle.StateFlag.State_HasFocus
            and option.state & QStyle.StateFlag.State_KeyboardFocusChange
        ):
            # Fusion shades a focused tab a pale blue, hardly seen on a projector.
            self._ring(option, painter, inset=2)

    def styleHint(self, hint, option=None, widget=None, returnData=None):  # noqa: N802, N803
        # The icons Qt puts on a dialog's buttons are drawn for a light window: on a dark one
        # Close's grey cross is not seen at all. There the buttons say it in words alone.
        if hint == QStyle.StyleHint.SH_DialogButtonBox_ButtonsHaveIcons:
            palette = widget.palette() if widget is not None else QApplication.palette()
            if palette.color(_R.Window).lightness() < 128:
                return 0
        return super().styleHint(hint, option, widget, returnData)

    @staticmethod
    def _ring(option, painter, inset: int = 1) -> None:
        # Inside the control's own edge (inset 1): the ring then differs from the unfocused
        # control at every one of its pixels, not only where it covers the face.
        if option.rect.width() < 8 or option.rect.height() < 8:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        pen = QPen(focus_colour(option.palette), FOCUS_RING)
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        half = FOCUS_RING / 2
        rect = QRectF(option.rect).adjusted(
            inset + half, inset + half, -inset - half, -inset - half
        )
        painter.drawRect(rect)
        painter.restore()

    def _edge(self, option, painter, radius: float) -> None:
        if not self._over_fusion:
            return  # another style's edges are drawn by it, for its own look
        colour = frame_colour(option.palette)
        if colour is None or option.rect.width() < 4 or option.rect.height() < 4:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, radius != 0)
        painter.setPen(QPen(colour, 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        rect = QRectF(option.rect).adjusted(0.5, 0.5, -0.5, -0.5)
        if radius < 0:
            painter.drawEllipse(rect)
        elif radius:
            painter.drawRoundedRect(rect, radius, radius)
        else:
            painter.drawRect(rect)
        painter.restore()


def _base_name(style: QStyle) -> str:
    """The name of the style under any proxies ("fusion", "windows", "windowsvista")."""
    while isinstance(style, QProxyStyle) and style.baseStyle() is not None:
        style = style.baseStyle()
    return style.name().lower()


def style_name(app: QApplication) -> str:
    return _base_name(app.style())


def visible_frames(app: QApplication) -> None:
    """Whatever the style, the control with the keyboard focus wears the ring; Fusion's
    fields also get edges that can be seen whatever the palette (other styles, such as
    Windows' own, draw theirs)."""
    style = app.style()
    if isinstance(style, VisibleFrames):
        return
    base = QStyleFactory.create(style_name(app))
    if base is None:
        return  # a style made otherwise than by name: left as it is
    app.setStyle(VisibleFrames(base))


def ring_focused_boxes(app: QApplication) -> None:
    """Text boxes, lists and tables draw no focus of their own beyond a caret or a current
    row: the one with the keyboard focus gets the ring outside its edge (a QFocusFrame, drawn
    by ``VisibleFrames``). Once per application."""
    if app.property("rings_focused_boxes"):
        return
    app.setProperty("rings_focused_boxes", True)
    held: list[QFocusFrame] = []

    def follow(_old, new) -> None:
        frame = held[0] if held and shiboken6.isValid(held[0]) else None
        boxed = (
            isinstance(new, QAbstractScrollArea)
            and new.frameShape() != QFrame.Shape.NoFrame
            and isinstance(new.style(), VisibleFrames)
        )
        if boxed:
            if frame is None:
                frame = QFocusFrame(new)
                held[:] = [frame]
            frame.setWidget(new)
        elif frame is not None:
            frame.setWidget(None)

    app.focusChanged.connect(follow)
