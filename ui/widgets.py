"""Small editors that commit once, when the user has finished (not at every keystroke)."""

from datetime import date, timedelta

from PySide6.QtCore import QDate, QEvent, QObject, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QCalendarWidget,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QPlainTextEdit,
    QScrollArea,
    QStyledItemDelegate,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from app.typed_dates import read_typed_date as parse_date_text  # noqa: F401  (one reader)
from app.wording import plural  # noqa: F401  (counted as the command line counts)
from ui.icons import icon
from ui.theme import danger_colour


def format_date(value: date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


class CommitLineEdit(QLineEdit):
    """A line edit that emits ``committed(text)`` when editing ends and the text changed."""

    committed = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._saved = ""
        self.editingFinished.connect(self._finish)

    def set_saved(self, text: str) -> None:
        """Show the stored value, unless the user is part-way through typing a new one."""
        self._saved = text
        if not (self.hasFocus() and self.isModified()):
            self.setText(text)
            self.setCursorPosition(0)  # show the start of a long value, not its end

    def _finish(self) -> None:
        self.setModified(False)
        if self.text() != self._saved:
            self.committed.emit(self.text())

    def focusOutEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().focusOutEvent(event)
        # Tabbing through leaves a long value showing its start again, as it was shown, not
        # its last words; a menu or another window for a moment leaves it as it was.
        if event.reason() not in (
            Qt.FocusReason.PopupFocusReason,
            Qt.FocusReason.ActiveWindowFocusReason,
        ):
            self.setCursorPosition(0)

    def revert(self) -> None:
        self.setText(self._saved)


class CommitTextEdit(QPlainTextEdit):
    """Multi-line text committed when the editor loses focus."""

    committed = Signal(str)

    def __init__(self, parent=None, placeholder: str = ""):
        super().__init__(parent)
        self._saved = ""
        self.setPlaceholderText(placeholder)
        self.setTabChangesFocus(True)

    def set_saved(self, text: str) -> None:
        self._saved = text
        if self.toPlainText() != text:
            self.setPlainText(text)

    def commit(self) -> None:
        if self.toPlainText() != self._saved:
            self.committed.emit(self.toPlainText())

    def part_way(self) -> bool:
        """Typed but not yet saved."""
        return not self.isReadOnly() and self.toPlainText() != self._saved

    def focusOutEvent(self, event) -> None:  # noqa: N802 - Qt naming
        self.commit()
        super().focusOutEvent(event)


class DateField(QWidget):
    """An optional date typed as day/month/year or picked from a calendar; "Not set" when empty.

    Typing works from an empty field; the calendar opens on the date shown, or on today.
    Up and Down move a day, Alt+Down opens the calendar, Ctrl+Delete clears.
    """

    committed = Signal(object)  # datetime.date or None

    def __init__(self, parent=None, name: str = ""):
        super().__init__(parent)
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText("Not set")
        self.edit.setClearButtonEnabled(True)
        self.edit.setToolTip("Type a date as day/month/year, e.g. 15/03/2026")
        self.edit.installEventFilter(self)
        self.calendar_button = QToolButton(self)
        self.calendar_button.setIcon(icon("calendar"))
        self.calendar_button.setText("Calendar")
        self.calendar_button.setToolTip("Choose from a calendar (Alt+Down)")
        self.calendar_button.setAutoRaise(True)
        self.calendar_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Alt+Down from the field
        self.calendar_button.clicked.connect(self.open_calendar)
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(False)
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.calendar.clicked.connect(self._picked)
        self.calendar.activated.connect(self._picked)
        self.popup = QMenu(self)
        holder = QWidgetAction(self.popup)
        holder.setDefaultWidget(self.calendar)
        self.popup.addAction(holder)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.calendar_button)
        self._saved: date | None = None
        self._problem = ""
        self.edit.editingFinished.connect(self._finish)
        self.edit.textEdited.connect(lambda _t: self._show_problem(""))
        self.setFocusProxy(self.edit)
        self.edit.setMinimumWidth(self.edit.fontMetrics().horizontalAdvance("00/00/00000") + 36)
        self.setMaximumWidth(self.edit.minimumWidth() * 2)
        if name:
            self.set_name(name)

    def set_name(self, name: str) -> None:
        """What a screen reader says for the field and its calendar button."""
        self.edit.setAccessibleName(name)
        self.calendar_button.setAccessibleName(f"Choose {name.lower()} from a calendar")
        self.calendar.setAccessibleName(f"Calendar for {name.lower()}")

    def showEvent(self, event) -> None:  # noqa: N802 - Qt naming
        # In a form the row's label is this field's buddy: it names the typing box too.
        if not self.edit.accessibleName() and self.parentWidget() is not None:
            for label in self.parentWidget().findChildren(QLabel):
                if label.buddy() is self and label.text():
                    self.set_name(label.text().replace("&", ""))
                    break
        super().showEvent(event)

    # Values --------------------------------------------------------------------------------
    def value(self) -> date | None:
        """The date shown; None when empty (or not yet a date: see ``problem``)."""
        try:
            return parse_date_text(self.edit.text())
        except ValueError:
            return self._saved

    def problem(self) -> str:
        """Why the typed text is not a date, or "" when it is (or the field is empty)."""
        try:
            parse_date_text(self.edit.text())
        except ValueError as exc:
            return str(exc)
        return ""

    def set_saved(self, value: date | None) -> None:
        """Show the stored value, unless the user is part-way through typing a new one."""
        self._saved = value
        if not (self.edit.hasFocus() and self.edit.isModified()):
            self.edit.setText(format_date(value))
            self.edit.setModified(False)
            self._show_problem("")

    def set_value(self, value: date | None) -> None:
        """Set as if the user had chosen it (used by keyboard-free tests and shortcuts)."""
        self.edit.setText(format_date(value))
        self._finish()

    # Calendar ------------------------------------------------------------------------------
    def open_calendar(self) -> None:
        shown = self.value()
        start = shown or date.today()
        self.calendar.setSelectedDate(QDate(start.year, start.month, start.day))
        self.calendar.setCurrentPage(start.year, start.month)
        self.popup.popup(self.edit.mapToGlobal(self.edit.rect().bottomLeft()))
        self.calendar.setFocus()

    def _picked(self, qdate: QDate) -> None:
        self.popup.hide()
        self.edit.setText(format_date(date(qdate.year(), qdate.month(), qdate.day())))
        self.edit.setFocus()
        self._finish()

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt naming
        if obj is self.edit and event.type() == QEvent.Type.KeyPress:
            key, mods = event.key(), event.modifiers()
            if key == Qt.Key.Key_Delete and mods == Qt.KeyboardModifier.ControlModifier:
                self.set_value(None)
                return True
            if key == Qt.Key.Key_Down and mods == Qt.KeyboardModifier.AltModifier:
                self.open_calendar()
                return True
            if key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and not mods:
                current = self.value() or date.today()
                step = 1 if key == Qt.Key.Key_Up else -1
                self.edit.setText(format_date(current + timedelta(days=step)))
                self.edit.setModified(True)
                return True
        return super().eventFilter(obj, event)

    # Saving --------------------------------------------------------------------------------
    def _finish(self) -> None:
        problem = self.problem()
        self._show_problem(problem)
        if problem:
            return  # kept as typed, marked, and not saved until it reads as a date
        value = self.value()
        self.edit.setText(format_date(value))
        self.edit.setModified(False)
        if value != self._saved:
            self.committed.emit(value)

    def _show_problem(self, problem: str) -> None:
        if problem == self._problem:
            return
        self._problem = problem
        self.edit.setToolTip(problem or "Type a date as day/month/year, e.g. 15/03/2026")
        self.edit.setAccessibleDescription(problem)
        self.edit.setStyleSheet(
            f"QLineEdit {{ border: 2px solid {danger_colour().name()}; }}" if problem else ""
        )


def invalid_date_field(root: QWidget) -> "DateField | None":
    """The first date field under ``root`` whose text is not a date (focused, with a reason)."""
    for field in root.findChildren(DateField):
        if field.problem():
            field._show_problem(field.problem())
            field.edit.setFocus()
            return field
    return None


class FormDialog(QDialog):
    """A short form with the house buttons: the action named by its verb, then Cancel.

    A date typed that is not a date keeps the dialog open, with the field marked.
    """

    def __init__(self, title: str, ok_text: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout(self)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(ok_text)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def finish_form(self, min_ems: int = 34) -> None:
        """Add the buttons under the rows, and a width that suits the form's font."""
        self.form.addRow(self.buttons)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * min_ems)

    def accept(self) -> None:
        if invalid_date_field(self) is None:
            super().accept()


class _ChoiceLock(QObject):
    """Keeps a choice from being changed while leaving it readable (and reachable with Tab):
    clicks, the wheel and keys other than Tab do nothing."""

    PASS_KEYS = (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
    BLOCKED = (
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.Wheel,
    )

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt naming
        if event.type() in self.BLOCKED:
            return True
        if event.type() == QEvent.Type.KeyPress:
            return event.key() not in self.PASS_KEYS
        return False


def _lock_choice(combo: QComboBox, locked: bool) -> None:
    lock = combo.findChild(_ChoiceLock)
    if lock is None:
        lock = _ChoiceLock(combo)
    targets = [combo, combo.lineEdit()] if combo.lineEdit() is not None else [combo]
    for target in targets:
        target.removeEventFilter(lock)
        if locked:
            target.installEventFilter(lock)
    if combo.lineEdit() is not None:
        combo.lineEdit().setReadOnly(locked)
    combo.setAccessibleDescription("Read-only" if locked else "")


def set_editable(widget: QWidget, editable: bool, present: bool = True) -> None:
    """Text stays readable (and selectable) when it cannot be changed: read-only, not greyed;
    a choice stays readable too, locked instead of disabled. Only what has nothing to show
    (``present`` False) or is an action (a button) is disabled."""
    if isinstance(widget, QComboBox):
        widget.setEnabled(present)
        _lock_choice(widget, not editable)
    elif isinstance(widget, DateField):
        widget.setEnabled(present)
        widget.edit.setReadOnly(not editable)
        widget.edit.setClearButtonEnabled(editable)
        widget.calendar_button.setEnabled(editable)
    elif isinstance(widget, QLineEdit | QPlainTextEdit):
        widget.setEnabled(present)
        widget.setReadOnly(not editable)
        if isinstance(widget, QPlainTextEdit):
            # An empty read-only text says so, instead of inviting typing.
            if widget.property("placeholder_when_editable") is None:
                widget.setProperty("placeholder_when_editable", widget.placeholderText())
            editable_hint = widget.property("placeholder_when_editable")
            widget.setPlaceholderText(editable_hint if editable else "Nothing written yet.")
    else:
        widget.setEnabled(present and editable)


class _AtLeastItsMinimum(QVBoxLayout):
    """A layout that does not tell what holds it how tall its words would like to be at a
    width (Qt then takes that height as the least it may have): it is squeezed down to its
    minimum height like any other widget, and lays its words out in what it is given."""

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt's name
        return False


def squeezable(widget: QWidget) -> QWidget:
    """The widget in a holder that gives up height down to the widget's minimum alongside its
    neighbours. A widget with wrapped words in it otherwise claims its *preferred* height as its
    least (a height for its width), and a text box beside it is squeezed to its minimum."""
    holder = QWidget()
    layout = _AtLeastItsMinimum(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(widget)
    return holder


def scrolling(widget: QWidget, squeeze: bool = False) -> QScrollArea:
    """The widget in a frameless scroll area: on a short screen it scrolls instead of forcing
    the window taller than the screen.

    ``squeeze``: the widget is fitted to the area's height down to its minimum before the area
    scrolls. Without it a widget holding wrapped words (whose height depends on their width)
    is held at its *preferred* height: its text boxes and lists at their full height, and the
    whole scrolling, on a screen that has room for it all at the text boxes' minimum."""
    area = QScrollArea()
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a Tab stop only for what it holds
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setWidget(squeezable(widget) if squeeze else widget)
    return area


def _show_focused(_old: QWidget | None, new: QWidget | None) -> None:
    if new is None:
        return
    inner, parent = new, new.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea) and parent.widget() is not None:
            parent.ensureWidgetVisible(inner)  # with room round it: its label, its heading
            inner = parent
        parent = parent.parentWidget()


def keep_focus_in_sight(app: QApplication) -> None:
    """Whatever takes the keyboard focus is scrolled into sight in the scroll areas holding it.
    A scroll area does so itself only for Tab pressed inside it: Tab from outside (the tab bar)
    into a page scrolled down left its first field focused above the top, out of sight."""
    if not app.property("reviewdesk_focus_in_sight"):
        app.setProperty("reviewdesk_focus_in_sight", True)
        app.focusChanged.connect(_show_focused)


def section_label(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.1)
    label.setFont(font)
    return label


def wrap_long_rows(root: QWidget) -> None:
    """Every form under ``root`` puts a field under its label, instead of beside it, where the
    two will not fit side by side (a projector at a large font): the page then never scrolls
    sideways to reach the end of a field or the buttons under it. With room, nothing moves."""
    for form in root.findChildren(QFormLayout):
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)


def label_for(text: str, control: QWidget) -> QLabel:
    """The label shown beside ``control``, tied to it: a screen reader announces the control by
    this text, and an "&" in it gives the Alt key that moves the focus there."""
    label = QLabel(text)
    label.setBuddy(control)
    return label


def named(control: QWidget, name: str, description: str = "") -> QWidget:
    """``control`` as a screen reader announces it, when no label beside it says what it is (a
    list that fills its page, say); ``description`` is read after the name."""
    control.setAccessibleName(name)
    if description:
        control.setAccessibleDescription(description)
    return control


def problem_label(name: str) -> QLabel:
    """Where a dialog says, in its own words, what stops it from going on (empty until then)."""
    label = QLabel("")
    label.setObjectName(name)
    label.setStyleSheet("color: palette(link);")
    label.setWordWrap(True)
    return label


class ElidedLabel(QLabel):
    """One line of plain text that ends in "…" where the room runs out, never widening its
    window; the whole text is then its tooltip (and always its accessible name)."""

    MIN_EM = 8  # the least it shrinks to, in widths of "M"

    def __init__(self, text: str = "", parent=None):
        super().__init__(parent)
        self._full = ""
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setText(text)

    def text(self) -> str:
        return self._full

    def setText(self, text: str) -> None:  # noqa: N802 - Qt naming
        self._full = text
        self.setAccessibleName(text)
        self._elide()
        self.updateGeometry()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt naming
        hint = super().sizeHint()
        margins = self.contentsMargins()
        width = self.fontMetrics().horizontalAdvance(self._full) + margins.left() + margins.right()
        return QSize(width + 2, hint.height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt naming
        hint = super().minimumSizeHint()
        return QSize(self.fontMetrics().horizontalAdvance("M") * self.MIN_EM, hint.height())

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt naming
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        room = self.contentsRect().width()
        shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, room)
        if super().text() != shown:
            super().setText(shown)
        self.setToolTip(self._full if shown != self._full else "")


class _ViewWidthDelegate(QStyledItemDelegate):
    """Rows as wide as the list, not as their text: the style elides what does not fit."""

    def sizeHint(self, option, index) -> QSize:  # noqa: N802 - Qt naming
        return QSize(0, super().sizeHint(option, index).height())


def elide_to_width(view: QListView) -> None:
    """A list whose long rows are elided (their whole text in the tooltip, set by the caller)
    instead of scrolling sideways when the list is narrow (a projector)."""
    view.setItemDelegate(_ViewWidthDelegate(view))
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)


COMBO_MOST_CHARACTERS = 32  # a choice longer than this does not set its row's width


def whole_choices(combo: QComboBox, most: int = COMBO_MOST_CHARACTERS) -> None:
    """A combo as wide as its longest choice, so the chosen one reads whole (Qt clips a combo's
    text, it does not elide it); where a choice is longer than ``most`` characters the combo
    stays ``most`` wide, so one long name cannot widen the window past a projector's width,
    and the open list shows every choice whole."""
    longest = max((len(combo.itemText(i)) for i in range(combo.count())), default=0)
    if longest <= most:
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    else:
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(most)
    combo.view().setMinimumWidth(combo.sizeHint().width())


def tab_order_by_rows(form: QFormLayout) -> None:
    """Tab moves down the form's rows as they read, whatever order their fields were made in
    (a row inserted above others would otherwise be reached last). The form must already be
    on its widget: Qt orders only widgets in one window."""
    fields = []
    for row in range(form.rowCount()):
        item = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
        widget = item.widget() if item is not None else None
        if widget is not None and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            fields.append(widget)
    for before, after in zip(fields, fields[1:], strict=False):
        QWidget.setTabOrder(before, after)


class WordsWhileTheyFit(QObject):
    """A tool bar whose buttons lose their words (keeping icon and tooltip), one by one in the
    order given, where the bar is too narrow for them all: every command stays in sight,
    rather than the last ones folding behind the bar's "»" (a projector's 1024 pixels)."""

    def __init__(self, toolbar: QToolBar, actions: list) -> None:
        super().__init__(toolbar)
        self.toolbar = toolbar
        self.buttons = [toolbar.widgetForAction(a) for a in actions]
        self._widths: dict[int, tuple[int, int]] = {}
        toolbar.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt naming
        if watched is self.toolbar and event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def _button_widths(self, button: QToolButton) -> tuple[int, int]:
        """The button's width with its words, and as an icon alone."""
        key = id(button)
        if key not in self._widths:
            shown = button.toolButtonStyle()
            widths = []
            for style in (
                Qt.ToolButtonStyle.ToolButtonTextBesideIcon,
                Qt.ToolButtonStyle.ToolButtonIconOnly,
            ):
                button.setToolButtonStyle(style)
                widths.append(button.sizeHint().width())
            button.setToolButtonStyle(shown)
            self._widths[key] = (widths[0], widths[1])
        return self._widths[key]

    def width_with_words(self) -> int:
        """The bar's width with every button's words shown: its layout's own measure (margins,
        handle, separators and spacing as the bar lays them out), with the words of the buttons
        now showing an icon alone added back. An estimate of our own came out a few pixels
        wide, and a button lost its words where they would have fitted."""
        bar = self.toolbar
        layout = bar.layout()
        layout.invalidate()  # the buttons' sizes may have changed since it last measured
        total = layout.sizeHint().width()
        for button in self.buttons:
            if button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly:
                words, alone = self._button_widths(button)
                total += words - alone
        return total

    def fit(self) -> None:
        needed, room = self.width_with_words(), self.toolbar.width()
        for button in self.buttons:
            words, alone = self._button_widths(button)
            if needed > room:
                style = Qt.ToolButtonStyle.ToolButtonIconOnly
                needed -= words - alone
            else:
                style = Qt.ToolButtonStyle.ToolButtonTextBesideIcon
            if button.toolButtonStyle() != style:
                button.setToolButtonStyle(style)
