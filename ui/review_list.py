"""The list of reviews on the left of the main window."""

from datetime import date

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QRect,
    QSize,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QFont, QFontMetrics, QPalette
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QListView,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.records import ReviewSummary
from app.timescales import countdown
from app.vocab import FINISHED_REVIEW_STATUSES
from ui.icons import icon
from ui.table_tools import show_focus
from ui.theme import danger_colour, muted_colour, scaled_font

SummaryRole = Qt.ItemDataRole.UserRole + 1
TodayRole = Qt.ItemDataRole.UserRole + 2
SharedRole = Qt.ItemDataRole.UserRole + 3  # the start every listed reference shares
SEPARATORS = "-/_. "


def shared_start(references: list[str]) -> str:
    """The start that every reference shares, up to a separator ("DEMO-" of DEMO-LCSPR-T and
    DEMO-SAR-F, "BSCP-2026-" of BSCP-2026-003 and BSCP-2026-014): it tells one review from
    another nothing, so a narrow list drops it first. Never a whole reference."""
    if len(references) < 2:
        return ""
    first, last = min(references), max(references)
    common = 0
    while common < min(len(first), len(last)) and first[common] == last[common]:
        common += 1
    start = first[:common]
    cut = max(start.rfind(sep) for sep in SEPARATORS) + 1
    start = start[:cut]
    return start if all(len(ref) > len(start) for ref in references) else ""


def narrow_reference(reference: str, shared: str, width: int, metrics: QFontMetrics) -> str:
    """The reference as it reads in ``width``: whole if it fits; else without the start every
    reference shares ("…LCSPR-T"); else shortened in the middle as well (references differ at
    their ends: LCSPR-2026-03, LCSPR-2026-04)."""
    if metrics.horizontalAdvance(reference) <= width:
        return reference
    if shared and reference.startswith(shared):
        rest = reference[len(shared) :]
        shortened = "…" + rest
        if metrics.horizontalAdvance(shortened) <= width:
            return shortened
        return "…" + metrics.elidedText(
            rest, Qt.TextElideMode.ElideMiddle, width - metrics.horizontalAdvance("…")
        ).lstrip("…")
    return metrics.elidedText(reference, Qt.TextElideMode.ElideMiddle, width)


class ReviewListModel(QAbstractListModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._reviews: list[ReviewSummary] = []
        self.today = date.today()
        self.shared = ""

    def set_reviews(self, reviews: list[ReviewSummary], today: date) -> None:
        self.beginResetModel()
        self._reviews = list(reviews)
        self.today = today
        self.shared = shared_start([review.reference for review in self._reviews])
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt naming
        return 0 if parent.isValid() else len(self._reviews)

    def review_at(self, row: int) -> ReviewSummary:
        return self._reviews[row]

    def row_of(self, review_id: int) -> int:
        for row, review in enumerate(self._reviews):
            if review.id == review_id:
                return row
        return -1

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._reviews):
            return None
        review = self._reviews[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{review.reference}: {review.title}"
        if role == SummaryRole:
            return review
        if role == TodayRole:
            return self.today
        if role == SharedRole:
            return self.shared
        if role == Qt.ItemDataRole.ToolTipRole:  # all of it, for a narrow list
            when, _ = countdown(
                review.target_date, self.today, review.status in FINISHED_REVIEW_STATUSES
            )
            progress = progress_text(review)
            if review.overdue_imrs:
                progress += f" · {review.overdue_imrs} overdue"
            return (
                f"{review.reference} · {review.type_label}\n{review.title}\n"
                f"{review.status_label} · {when}\n{progress}"
            )
        if role == Qt.ItemDataRole.AccessibleTextRole:
            text, _ = countdown(
                review.target_date, self.today, review.status in FINISHED_REVIEW_STATUSES
            )
            return f"{review.reference}, {review.title}, {review.status_label}, {text}"
        return None


def progress_text(review: ReviewSummary) -> str:
    counts = review.imr_counts
    expected = sum(counts.values()) - counts.get("not_required", 0)
    if not expected:
        return "No IMRs yet"
    return f"IMRs: {counts.get('accepted', 0)} of {expected} accepted"


def whole_reference(reference: str, shared: str, width: int, bold: QFont) -> tuple[QFont, str]:
    """The font and text of a reference heading a narrow list's row: the reference whole, in
    bold, else in the list's own weight, else a little smaller (the title below gives way, not
    the reference); only where none of these fits is it shortened (``narrow_reference``)."""
    for size, weight in ((1.0, True), (1.0, False), (0.92, True), (0.92, False), (0.85, False)):
        font = scaled_font(bold, size, weight)
        if QFontMetrics(font).horizontalAdvance(reference) <= width:
            return font, reference
    return bold, narrow_reference(reference, shared, width, QFontMetrics(bold))


class ReviewItemDelegate(QStyledItemDelegate):
    """Three lines: reference and time left; title; IMR progress and overdue IMRs. In a narrow
    list (a projector): reference; title; time left, with the rest in the tooltip."""

    PAD = 10
    NARROW_EM = 20  # below this, the countdown takes the third line

    def sizeHint(self, option, index) -> QSize:  # noqa: N802 - Qt naming
        fm = QFontMetrics(option.font)
        return QSize(0, self.PAD * 2 + fm.height() * 3 + 8)  # the list's width decides

    def paint(self, painter, option, index) -> None:
        review: ReviewSummary = index.data(SummaryRole)
        self.initStyleOption(option, index)
        option.text = ""
        style = option.widget.style() if option.widget else None
        if style:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        base_colour = option.palette.color(text_role)
        fm = QFontMetrics(option.font)
        narrow = option.rect.width() < fm.horizontalAdvance("M") * self.NARROW_EM
        side = self.PAD // 2 if narrow else self.PAD  # a narrow list keeps room for the text
        rect = option.rect.adjusted(side, self.PAD - 2, -side, -self.PAD)
        line = fm.height() + 2

        painter.save()
        finished = review.status in FINISHED_REVIEW_STATUSES
        when, days = countdown(review.target_date, index.data(TodayRole), finished)
        late = days is not None and days < 0 and not finished
        small = scaled_font(option.font, 0.92)
        if narrow:
            shown = (when, days, late)
            shared = index.data(SharedRole) or ""
            self._paint_narrow(painter, option, review, rect, line, shown, base_colour, shared)
            painter.restore()
            return
        painter.setFont(small)
        painter.setPen(danger_colour() if late and not selected else base_colour)
        when_width = QFontMetrics(small).horizontalAdvance(when) + 4
        painter.drawText(
            QRect(rect.right() - when_width, rect.top(), when_width, line),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            when,
        )
        bold = scaled_font(option.font, 1.0, bold=True)
        painter.setFont(bold)
        painter.setPen(base_colour)
        head_rect = QRect(rect.left(), rect.top(), rect.width() - when_width - 8, line)
        painter.drawText(
            head_rect,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            self.head_text(review, index.data(SharedRole) or "", head_rect.width(), bold),
        )
        painter.setFont(option.font)
        title_rect = QRect(rect.left(), rect.top() + line, rect.width(), line)
        painter.drawText(
            title_rect,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            fm.elidedText(review.title, Qt.TextElideMode.ElideRight, title_rect.width()),
        )
        painter.setFont(small)
        progress = progress_text(review)
        painter.setPen(base_colour if selected else muted_colour())
        progress_rect = QRect(rect.left(), rect.top() + 2 * line, rect.width(), line)
        if review.overdue_imrs:
            progress += "  ·  "
        painter.drawText(
            progress_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, progress
        )
        if review.overdue_imrs:
            offset = QFontMetrics(small).horizontalAdvance(progress)
            painter.setPen(base_colour if selected else danger_colour())
            overdue = f"{review.overdue_imrs} overdue"
            painter.drawText(
                progress_rect.adjusted(offset, 0, 0, 0),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                overdue,
            )
        painter.restore()

    @staticmethod
    def head_text(review: ReviewSummary, shared: str, width: int, font) -> str:
        """The first line beside the countdown: reference and type ("DEMO-LCSPR-T · LCSPR");
        the type shortened, then left off, before the reference is ("DEMO-LCSPR-T", never
        "DEMO-LCS…": references differ at their ends), and then as in a narrow list."""
        metrics = QFontMetrics(font)
        head = f"{review.reference} · {review.type_label}"
        if metrics.horizontalAdvance(head) <= width:
            return head
        shortened = metrics.elidedText(head, Qt.TextElideMode.ElideRight, width)
        if len(shortened) >= len(review.reference) + 6:  # the reference whole, "· Rap…" after
            return shortened
        return narrow_reference(review.reference, shared, width, metrics)

    def _paint_narrow(self, painter, option, review, rect, line, shown, colour, shared) -> None:
        when, days, late = shown
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        bold = scaled_font(option.font, 1.0, bold=True)
        small = scaled_font(option.font, 0.92)
        if late:  # the same, shorter, for a narrow list (the colour says it is late)
            for shorter in (f"{-days} days overdue", f"{-days} days late"):
                if QFontMetrics(small).horizontalAdvance(when) > rect.width():
                    when = shorter
        reference_font, reference = whole_reference(review.reference, shared, rect.width(), bold)
        right = Qt.TextElideMode.ElideRight
        lines = (
            (reference_font, colour, reference),
            (option.font, colour, review.title),
            (small, danger_colour() if late and not selected else colour, when),
        )
        for number, (font, pen, text) in enumerate(lines):
            painter.setFont(font)
            painter.setPen(pen)
            box = QRect(rect.left(), rect.top() + number * line, rect.width(), line)
            shown = QFontMetrics(font).elidedText(text, right, box.width())
            painter.drawText(box, left, shown)


class ReviewListView(QListView):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setItemDelegate(ReviewItemDelegate(self))
        self.setUniformItemSizes(True)
        self.setSelectionMode(QListView.SelectionMode.SingleSelection)
        self.setAccessibleName("Reviews")
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)


FILTER_HINTS = ("Find a review (Ctrl+F)", "Find a review", "Find…")


class ReviewListPanel(QWidget):
    """The left of the main window: a filter, the list of reviews and "New review…".

    The window's frame shows one too while the store opens, filled from the store file
    directly (``app.review_listing.quick_listing``), so the reviews are there at once.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self.model = ReviewListModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filter = QLineEdit()
        self.filter.setObjectName("review_filter")
        self.filter.setAccessibleName("Find a review")
        self.filter.setPlaceholderText(FILTER_HINTS[0])
        self.filter.installEventFilter(self)  # the hint shortens with the list
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.view = ReviewListView()
        self.view.setObjectName("review_list")
        self.view.setModel(self.proxy)
        show_focus(self.view)
        self.new_button = QPushButton("New review…")
        self.new_button.setIcon(icon("add"))
        # Never wider than the list at its narrowest (its whole text fits there all the same).
        self.new_button.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 9)
        # Folds the list away, for the review's tabs (View › Show review list brings it back).
        self.hide_button = QToolButton()
        self.hide_button.setObjectName("hide_review_list")
        self.hide_button.setIcon(icon("sidebar"))
        self.hide_button.setAutoRaise(True)
        self.hide_button.setToolTip("Hide the review list (Ctrl+Shift+R)")
        self.hide_button.setAccessibleName("Hide the review list")
        top = QHBoxLayout()
        top.setSpacing(2)
        top.addWidget(self.filter, 1)
        top.addWidget(self.hide_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 0, 8)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.new_button)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt naming
        if watched is self.filter and event.type() == QEvent.Type.Resize:
            self._fit_hint()
        return super().eventFilter(watched, event)

    def _fit_hint(self) -> None:
        """The filter's hint as long as the field shows whole: never "Find a revie…"."""
        field = self.filter
        # The text's room: the field less its frame, margins and the clear button's place.
        room = field.width() - field.height() - 8
        metrics = field.fontMetrics()
        hint = next(
            (h for h in FILTER_HINTS if metrics.horizontalAdvance(h) <= room), FILTER_HINTS[-1]
        )
        if field.placeholderText() != hint:
            field.setPlaceholderText(hint)
