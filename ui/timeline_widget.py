"""The chronology as agency swimlanes over time: markers coloured by kind of event, key
episodes shaded, silences hatched. Wheel to zoom, drag to pan, click to open entries.

The layout (positions as fractions of the axis) comes from app.chronology.timeline; this
widget only paints it, so a PDF can draw the same picture.
"""

from datetime import date, timedelta

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QToolTip, QVBoxLayout, QWidget

from app.chronology.entries import count_entries
from app.chronology.export import review_timeline
from app.chronology.timeline import (
    CATEGORIES,
    CATEGORY_COLOURS,
    CATEGORY_LABELS,
    TimelineLayout,
    bin_markers,
)
from ui.editing import Editor
from ui.tasks import Job, start_job
from ui.theme import is_dark, muted_colour

MIN_LANE_HEIGHT, MAX_LANE_HEIGHT = 26, 64
AXIS_HEIGHT = 34
LABEL_WIDTH = 200
MIN_DAYS = 14


def category_colour(category: str) -> QColor:
    light, dark = CATEGORY_COLOURS.get(category, CATEGORY_COLOURS["other"])
    return QColor(dark if is_dark() else light)


class TimelineCanvas(QWidget):
    entries_clicked = Signal(list)  # entry ids under the click
    range_changed = Signal(object, object)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.full: TimelineLayout | None = None
        self.layout_: TimelineLayout | None = None
        self._bins = []
        self._drag_from: QPointF | None = None
        self._drag_range: tuple[date, date] | None = None
        self.setMouseTracking(True)
        self.setMinimumHeight(160)
        self.setAccessibleName("Timeline of the chronology")

    # Data ----------------------------------------------------------------------------------
    def set_layout(self, layout: TimelineLayout | None) -> None:
        self.full = layout
        self.layout_ = layout
        self._rebin()
        lanes = len(layout.lanes) if layout else 0
        self.setMinimumHeight(AXIS_HEIGHT + max(lanes, 3) * MIN_LANE_HEIGHT + 8)
        self.update()

    @property
    def lane_height(self) -> float:
        """Lanes share the height there is, within limits, so a few agencies fill the view."""
        lanes = len(self.layout_.lanes) if self.layout_ and self.layout_.lanes else 1
        available = (self.height() - AXIS_HEIGHT - 8) / lanes
        return max(MIN_LANE_HEIGHT, min(MAX_LANE_HEIGHT, available))

    def show_range(self, start: date, end: date) -> None:
        if self.full is None:
            return
        if (end - start).days < MIN_DAYS:
            middle = start + (end - start) / 2
            start, end = (
                middle - timedelta(days=MIN_DAYS // 2),
                middle + timedelta(days=MIN_DAYS // 2),
            )
        self.layout_ = self.full.zoomed(start, end)
        self._rebin()
        self.range_changed.emit(self.layout_.start, self.layout_.end)
        self.update()

    def reset_zoom(self) -> None:
        self.layout_ = self.full
        self._rebin()
        if self.full:
            self.range_changed.emit(self.full.start, self.full.end)
        self.update()

    def _plot_width(self) -> int:
        return max(10, self.width() - LABEL_WIDTH - 12)

    def _rebin(self) -> None:
        self._bins = bin_markers(self.layout_, self._plot_width()) if self.layout_ else []

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._rebin()

    # Geometry ------------------------------------------------------------------------------
    def _x(self, fraction: float) -> float:
        return LABEL_WIDTH + fraction * self._plot_width()

    def _fraction(self, x: float) -> float:
        return (x - LABEL_WIDTH) / self._plot_width()

    def _lane_top(self, lane: int) -> float:
        return AXIS_HEIGHT + lane * self.lane_height

    # Painting ------------------------------------------------------------------------------
    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.base())
        layout = self.layout_
        if layout is None or not layout.lanes:
            painter.setPen(muted_colour())
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, "No dated entries yet.")
            return
        bottom = self._lane_top(len(layout.lanes))
        text = palette.text().color()
        grid = QColor(text)
        grid.setAlpha(40)
        # Lane shading first, so bands and markers are drawn over it.
        for lane in layout.lanes:
            if lane.index % 2:
                top = self._lane_top(lane.index)
                painter.fillRect(
                    QRectF(0, top, self.width(), self.lane_height), palette.alternateBase()
                )
        # Key practice episodes: shaded bands with their titles.
        episode_fill = QColor(palette.highlight().color())
        episode_fill.setAlpha(38)
        for band in layout.episodes:
            rect = QRectF(
                self._x(band.x0),
                AXIS_HEIGHT,
                max(2.0, self._x(band.x1) - self._x(band.x0)),
                bottom - AXIS_HEIGHT,
            )
            painter.fillRect(rect, episode_fill)
            painter.setPen(palette.highlight().color())
            metrics = QFontMetrics(self.font())
            painter.drawText(
                rect.adjusted(4, 2, -4, 0),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                metrics.elidedText(band.title, Qt.TextElideMode.ElideRight, int(rect.width()) - 8),
            )
        # Silences: hatched, so they read without colour.
        hatch = QBrush(
            QColor(text.red(), text.green(), text.blue(), 55), Qt.BrushStyle.BDiagPattern
        )
        for band in layout.silences:
            rect = QRectF(
                self._x(band.x0),
                AXIS_HEIGHT,
                max(2.0, self._x(band.x1) - self._x(band.x0)),
                bottom - AXIS_HEIGHT,
            )
            painter.fillRect(rect, hatch)
        # Axis and grid.
        painter.setPen(QPen(grid, 1))
        for tick in layout.ticks:
            x = self._x(tick.x)
            painter.drawLine(
                QPointF(x, AXIS_HEIGHT - (8 if tick.major else 4)),
                QPointF(x, bottom if tick.major else AXIS_HEIGHT),
            )
        painter.setPen(text)
        for tick in layout.ticks:
            if tick.label:
                painter.drawText(
                    QRectF(self._x(tick.x) + 3, 4, 90, AXIS_HEIGHT - 12),
                    Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom,
                    tick.label,
                )
        # Agency names.
        metrics = QFontMetrics(self.font())
        painter.setPen(text)
        for lane in layout.lanes:
            painter.drawText(
                QRectF(8, self._lane_top(lane.index), LABEL_WIDTH - 16, self.lane_height),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                metrics.elidedText(lane.agency, Qt.TextElideMode.ElideRight, LABEL_WIDTH - 16),
            )
        # Markers, binned to at most one item per lane and pixel column.
        for marker_bin in self._bins:
            top = self._lane_top(marker_bin.lane)
            colour = category_colour(marker_bin.category)
            x0, x1 = self._x(marker_bin.x0), self._x(marker_bin.x1)
            lane = self.lane_height
            height = min(lane - 12, 18) if marker_bin.count == 1 else min(lane - 6, 26)
            rect = QRectF(x0, top + (self.lane_height - height) / 2, max(3.0, x1 - x0), height)
            painter.fillRect(rect, colour)
        painter.setPen(QPen(grid, 1))
        painter.drawLine(QPointF(LABEL_WIDTH, AXIS_HEIGHT), QPointF(self.width(), AXIS_HEIGHT))

    # Interaction ---------------------------------------------------------------------------
    def _bin_at(self, pos: QPointF):
        lane = int((pos.y() - AXIS_HEIGHT) // self.lane_height)
        fraction = self._fraction(pos.x())
        slack = 3 / self._plot_width()
        hits = [
            b for b in self._bins if b.lane == lane and b.x0 - slack <= fraction <= b.x1 + slack
        ]
        return hits[0] if hits else None

    def wheelEvent(self, event) -> None:
        layout = self.layout_
        if layout is None or event.position().x() < LABEL_WIDTH:
            return
        anchor = layout.day_of(min(1.0, max(0.0, self._fraction(event.position().x()))))
        factor = 0.8 if event.angleDelta().y() > 0 else 1.25
        span = (layout.end - layout.start).days * factor
        left = (anchor - layout.start).days * factor
        start = anchor - timedelta(days=left)
        self.show_range(start, start + timedelta(days=max(span, MIN_DAYS)))

    def mousePressEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.layout_ is not None:
            self._drag_from = event.position()
            self._drag_range = (self.layout_.start, self.layout_.end)

    def mouseMoveEvent(self, event) -> None:
        if self._drag_from is not None and self._drag_range is not None:
            moved = event.position().x() - self._drag_from.x()
            if abs(moved) > 3:
                start, end = self._drag_range
                shift = timedelta(days=-moved / self._plot_width() * (end - start).days)
                self.show_range(start + shift, end + shift)
            return
        hit = self._bin_at(event.position())
        if hit is None:
            QToolTip.hideText()
            return
        kinds = ", ".join(f"{CATEGORY_LABELS.get(c, c)} {n}" for c, n in hit.categories)
        QToolTip.showText(
            event.globalPosition().toPoint(),
            f"{hit.count} entr{'y' if hit.count == 1 else 'ies'}: {kinds}\nClick to see them.",
            self,
        )

    def mouseReleaseEvent(self, event) -> None:
        start = self._drag_from
        self._drag_from = None
        if start is None or abs(event.position().x() - start.x()) > 3:
            return
        hit = self._bin_at(event.position())
        if hit is not None:
            self.entries_clicked.emit(list(hit.ids))


# Up to this many entries the timeline is laid out at once; above it, off the window's thread
# (as the analysis page does), so the window never freezes on a review of years of involvement.
AT_ONCE = 5_000


class TimelinePage(QWidget):
    entries_clicked = Signal(list)

    def __init__(self, editor: Editor, parent=None):
        super().__init__(parent)
        self.editor = editor
        self.review_id: int | None = None
        self.canvas = TimelineCanvas()
        self.canvas.entries_clicked.connect(self.entries_clicked)
        self.canvas.range_changed.connect(self._range_changed)
        self.range_label = QLabel()
        reset = QPushButton("Show everything")
        reset.clicked.connect(self.canvas.reset_zoom)
        legend = QLabel(
            "  ".join(
                f"<span style='color:{category_colour(c).name()}'>■</span> {CATEGORY_LABELS[c]}"
                for c in CATEGORIES
            )
            + "  <span>▨ silence</span>"
        )
        legend.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.range_label)
        top.addStretch(1)
        top.addWidget(QLabel("Wheel to zoom, drag to move, click to see entries."))
        top.addWidget(reset)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.canvas, 1)
        layout.addWidget(legend)
        self._stale = True
        self.job: Job | None = None  # the timeline being laid out, for a large chronology

    def show_review(self, review_id: int) -> None:
        self._stop()
        self.review_id = review_id
        self._stale = True
        if self.isVisible():
            self.refresh()

    def is_working(self) -> bool:
        """Whether the timeline of a large chronology is being laid out."""
        return self.job is not None

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale and self.job is None:
            self.refresh()

    def refresh(self) -> None:
        """The timeline: laid out at once for a chronology of a few thousand entries; for a
        larger one, off the window's thread, the page saying so meanwhile."""
        self._stop()
        if self.review_id is None:
            return
        self._stale = False
        ctx, review_id = self.editor.ctx, self.review_id

        def work(_progress=None) -> TimelineLayout:
            return review_timeline(ctx, review_id)

        entries = count_entries(ctx, review_id)
        if entries <= AT_ONCE:
            self._show(work())
            return
        self.canvas.set_layout(None)
        self.range_label.setText(
            f"Drawing the timeline of {entries:,} entries… The other tabs can be used meanwhile."
        )
        self.canvas.setAccessibleDescription("Drawing the timeline")

        def done(layout: TimelineLayout) -> None:
            self.job = None
            self._show(layout)

        def failed(message: str) -> None:
            self.job = None
            self.range_label.setText(f"The timeline could not be drawn. {message}")

        self.job = start_job(self, work, done, failed)

    def _show(self, layout: TimelineLayout) -> None:
        self.canvas.set_layout(layout)
        self.canvas.setAccessibleDescription("")
        if self.canvas.full:
            self._range_changed(self.canvas.full.start, self.canvas.full.end)
        else:
            self.range_label.setText("")

    def _stop(self) -> None:
        if self.job is not None:
            self.job.stop()  # its late result is dropped
            self.job = None

    def _range_changed(self, start: date, end: date) -> None:
        self.range_label.setText(f"{start:%d %b %Y} to {end:%d %b %Y}")
