"""Window sizes taken from the screen the window is on, never fixed pixels."""

from collections.abc import Callable

from PySide6.QtCore import QMargins, QRect, QSize, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QSplitter, QWidget

LIST_WIDTH_EM = 26  # the review list's usual width, in widths of "M": room for every countdown
LIST_MIN_EM = 12  # its narrowest: a reference and the start of a title still read
SMALL_SCREEN_WIDTH = 1200  # narrower (a projector, a laptop at 125%): the list starts narrow


def available_area(widget: QWidget | None = None) -> QRect:
    """The part of the widget's screen (else the primary one) not taken by panels and docks."""
    screen = widget.screen() if widget is not None else None
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1366, 728)


def fitted_size(preferred: QSize, area: QRect, share: float = 0.92) -> QSize:
    """``preferred``, made smaller where the area (times ``share``) is smaller."""
    return QSize(
        min(preferred.width(), int(area.width() * share)),
        min(preferred.height(), int(area.height() * share)),
    )


def frame_margins(window: QWidget) -> QMargins:
    """What the window manager adds around a top-level window (its title bar and borders): the
    real ones once the window has been shown framed, else an allowance of two lines of text
    for the title bar and a few pixels for the borders, so that a window sized before it is
    shown does not end up with its bottom (the status bar, the dialog's buttons) off screen."""
    frame, inside = window.frameGeometry(), window.geometry()
    if window.isVisible() and frame != inside:
        return QMargins(
            inside.left() - frame.left(),
            inside.top() - frame.top(),
            frame.right() - inside.right(),
            frame.bottom() - inside.bottom(),
        )
    border = 4
    return QMargins(border, window.fontMetrics().height() * 2, border, border)


def fit_to_screen(window: QWidget, preferred: QSize, share: float = 0.92) -> None:
    """Size a top-level window to ``preferred`` or what the screen allows, and centre it, its
    title bar and borders counted in."""
    area = available_area(window.parentWidget() or window)
    margins = frame_margins(window)
    size = fitted_size(preferred, area.marginsRemoved(margins), share)
    # What its layout needs, as the window will be once shown (so that it is centred as it
    # will be), as far as the screen allows.
    room = area.marginsRemoved(margins).size()
    size = size.expandedTo(window.minimumSizeHint().boundedTo(room))
    size = size.expandedTo(window.minimumSize())
    window.resize(size)
    frame = QRect(0, 0, size.width(), size.height()).marginsAdded(margins)
    # A dialog opens over the window it belongs to, wherever that is; a window on the screen.
    parent = window.parentWidget()
    owner = parent.window() if parent is not None else None
    if owner is not None and owner.isVisible():
        frame.moveCenter(owner.frameGeometry().center())
    else:
        frame.moveCenter(area.center())
    # Inside the screen; never above or left of it, whatever the window's minimum size.
    frame.moveLeft(max(area.left(), min(frame.left(), area.right() + 1 - frame.width())))
    frame.moveTop(max(area.top(), min(frame.top(), area.bottom() + 1 - frame.height())))
    window.move(frame.topLeft())


def keep_on_screen(window: QWidget) -> None:
    """After restoring a saved geometry (perhaps from a larger monitor), bring it back in: moved
    onto the screen, and made smaller only where it is larger than the screen (a window a
    title bar too tall is moved up, not shrunk on every side)."""
    if window.isMaximized() or window.isFullScreen():
        return  # the window manager fits it
    area = available_area(window)
    margins = frame_margins(window)
    frame = window.geometry().marginsAdded(margins)
    if area.contains(frame):
        return
    size = window.size().boundedTo(area.marginsRemoved(margins).size())
    size = size.expandedTo(window.minimumSize())
    window.resize(size)
    frame.setSize(size.grownBy(margins))
    frame.moveLeft(max(area.left(), min(frame.left(), area.right() + 1 - frame.width())))
    frame.moveTop(max(area.top(), min(frame.top(), area.bottom() + 1 - frame.height())))
    window.move(frame.topLeft())


def small_screen(widget: QWidget | None = None) -> bool:
    """A projector's 1024 pixels or a laptop at 125% (1093), in logical pixels."""
    return available_area(widget).width() < SMALL_SCREEN_WIDTH


class ListSplitter(QSplitter):
    """The review list (``left``) beside the review (``right``).

    The list keeps the width it was given (its handle dragged, else 26 "M"s: room for every
    countdown) as the window grows. Where the window is too narrow for that and for what the
    right side asks of ``room_wanted`` (the tabs' labels whole), the list gives way, down to
    its minimum. Dragged past its minimum, or by View › Show review list, it folds away
    entirely; the right side can never be folded."""

    list_shown_changed = Signal(bool)

    def __init__(self, left: QWidget, right: QWidget, room_wanted: Callable[[], int]):
        super().__init__()
        self.setObjectName("main_splitter")
        self.room_wanted = room_wanted
        self.em = left.fontMetrics().horizontalAdvance("M")
        left.setMinimumWidth(self.em * LIST_MIN_EM)
        self.preferred = self.em * LIST_WIDTH_EM
        self._shown = True
        self.addWidget(left)
        self.addWidget(right)
        self.setStretchFactor(0, 0)
        self.setStretchFactor(1, 1)
        self.setCollapsible(0, True)
        self.setCollapsible(1, False)
        self.handle(1).setToolTip("Drag to make the review list narrower or wider, or to hide it")
        self.setSizes([self.preferred, self.em * 80])
        self.splitterMoved.connect(self._moved)

    @property
    def list_shown(self) -> bool:
        return self._shown

    @property
    def list_width(self) -> int:
        """The list's width now (0 when hidden)."""
        return self.sizes()[0] if self._shown else 0

    def set_list_shown(self, shown: bool) -> None:
        if shown == self._shown:
            return
        self._shown = shown
        self.updateGeometry()  # the window's least width changes with it
        self.fit()
        self.list_shown_changed.emit(shown)

    def set_preferred_width(self, width: int) -> None:
        self.preferred = max(width, self.widget(0).minimumWidth())
        self.fit()

    def fit(self) -> None:
        """Give the list its width, less what the right side needs (never below the list's
        minimum), or nothing when it is hidden."""
        total = max(0, self.width() - self.handleWidth())
        if not self._shown:
            self.setSizes([0, total])
            return
        minimum = self.widget(0).minimumWidth()
        width = self.preferred
        wanted = self.room_wanted()
        if wanted and total:
            width = min(width, max(minimum, total - wanted))
        self.setSizes([width, max(0, total - width)])

    def would_fit(self, total: int) -> bool:
        """Whether, ``total`` pixels wide, the right side gets what it wants beside the list at
        its narrowest."""
        return total - self.handleWidth() - self.widget(0).minimumWidth() >= self.room_wanted()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt naming
        """Folded away, the list asks for no room: the window can then be as narrow as the
        review alone (a projector's 1024 pixels at a large font)."""
        hint = super().minimumSizeHint()
        if self._shown:
            return hint
        left = self.widget(0)
        return QSize(
            max(0, hint.width() - max(left.minimumWidth(), left.minimumSizeHint().width())),
            hint.height(),
        )

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt naming
        super().resizeEvent(event)
        self.fit()

    def _moved(self, _pos: int, _index: int) -> None:
        width = self.sizes()[0]
        shown = width > 0
        if shown:
            self.preferred = width  # the user's width, kept as the window grows
        if shown != self._shown:
            self._shown = shown
            self.updateGeometry()
            self.list_shown_changed.emit(shown)


def list_beside(left: QWidget, right: QWidget, room_wanted: Callable[[], int] = lambda: 0):
    """The review list (``left``) beside ``right``, narrowable and foldable (``ListSplitter``)."""
    return ListSplitter(left, right, room_wanted)


def save_list(splitter: ListSplitter, settings) -> None:
    settings.setValue("window/list_width", splitter.preferred)
    settings.setValue("window/review_list", splitter.list_shown)


def restore_list(splitter: ListSplitter, settings) -> bool:
    """The list's width and whether it is shown, as last left; False when nothing was saved."""
    width = settings.value("window/list_width", 0, type=int)
    if not width:
        state = settings.value("window/splitter")  # saved before the list could be folded
        if state is None or not splitter.restoreState(state):
            return False
        width = splitter.sizes()[0]
    if width > 0:
        splitter.set_preferred_width(width)
    splitter.set_list_shown(settings.value("window/review_list", True, type=bool))
    return True
