"""The chronology timeline drawn as vector graphics in a review document (a platypus Flowable).

The layout comes from the app as plain data (duck-typed, never imported): ``lanes`` (agency,
index), ``markers`` (lane, x, x_end, category, approximate), ``episodes`` (title, x0, x1),
``silences`` (x0, x1, days) and ``ticks`` (x, label, major), every x a fraction 0..1 of
the axis.

Size: markers are binned before drawing, at most one mark per lane per column of about one
point (the most frequent category wins, ties to the category listed first in ``colours``),
so 50,000 entries draw as a few thousand rectangles. A timeline with more lanes than fit on
the rest of a page is split between lanes; each part repeats the axis and the legend.
"""

import math
from collections.abc import Mapping
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from reports.fonts import SANS
from reports.pdf_common import ACCENT, INK, MUTED, fit_text, one_line

LABEL_WIDTH = 96  # lane labels, left of the plot
LANE_HEIGHT = 16
MIN_LANE_HEIGHT = 9
TITLE_ROW = 9  # one row of episode titles above the lanes
MAX_TITLE_ROWS = 3
AXIS_HEIGHT = 18
LEGEND_ROW = 12
COLUMN = 1.0  # points per marker bin
FONT_SIZE = 7.5

LANE_TINT = colors.HexColor("#F4F5F7")
GRID = colors.HexColor("#DADDE2")
EPISODE_FILL = colors.HexColor("#C9D6E8")
SILENCE_FILL = colors.HexColor("#EFEFEF")
SILENCE_HATCH = colors.HexColor("#A8A8A8")
FALLBACK_MARK = colors.HexColor("#8A8A8A")


@dataclass(frozen=True)
class MarkBin:
    """The markers of one lane in one column (or, for spans, starting in one column)."""

    row: int
    col0: int
    col1: int  # last column covered (== col0 for one-day markers)
    category: str
    approximate: bool  # every marker in the bin has an approximate date
    count: int


def bin_markers(markers, rows: Mapping[int, int], columns: int, order: Mapping[str, int]):
    """Markers aggregated to one ``MarkBin`` per (lane row, column, point or span)."""
    acc: dict[tuple[int, int, bool], list] = {}
    last = columns - 1
    for marker in markers:
        row = rows.get(_get(marker, "lane"))
        x = _get(marker, "x")
        if row is None or x is None:
            continue
        x_end = _get(marker, "x_end")
        if x_end is None or x_end <= x:
            if not 0.0 <= x <= 1.0:
                continue
            col0 = col1 = min(last, int(x * columns))
            span = False
        else:
            if x_end < 0.0 or x > 1.0:
                continue
            col0 = min(last, max(0, int(x * columns)))
            col1 = min(last, max(col0, int(x_end * columns)))
            span = col1 > col0
        key = (row, col0, span)
        entry = acc.get(key)
        if entry is None:
            entry = acc[key] = [col1, {}, True, 0]
        entry[0] = max(entry[0], col1)
        category = str(_get(marker, "category") or "other")
        entry[1][category] = entry[1].get(category, 0) + 1
        entry[2] = entry[2] and bool(_get(marker, "approximate"))
        entry[3] += 1
    bins = []
    for (row, col0, _span), (col1, counts, approximate, count) in acc.items():
        category = max(counts, key=lambda c: (counts[c], -order.get(c, len(order))))
        bins.append(MarkBin(row, col0, col1, category, approximate, count))
    return bins


def _get(item, name: str):
    """A field of a layout item: an attribute, or a key of a mapping."""
    if isinstance(item, Mapping):
        return item.get(name)
    return getattr(item, name, None)


class TimelineFlowable(Flowable):
    """The timeline across the width it is given; splits between lanes over pages."""

    def __init__(
        self,
        layout,
        colours: Mapping[str, str],
        labels: Mapping[str, str],
        *,
        lanes: tuple | None = None,
    ):
        super().__init__()
        self.layout, self.colours, self.labels = layout, dict(colours), dict(labels)
        all_lanes = tuple(getattr(layout, "lanes", ()) or ())
        self.lanes = all_lanes if lanes is None else lanes
        self.lane_height = max(MIN_LANE_HEIGHT, min(LANE_HEIGHT, 420 / max(1, len(all_lanes))))
        self.markers = tuple(getattr(layout, "markers", ()) or ())
        self.episodes = tuple(getattr(layout, "episodes", ()) or ())
        self.silences = tuple(getattr(layout, "silences", ()) or ())
        self.ticks = tuple(getattr(layout, "ticks", ()) or ())
        self._cache: dict = {}
        self.width = self.height = 0

    # ---- measurements ------------------------------------------------------------------

    def _title_rows(self, plot_w: float) -> list[tuple[int, float, float, str]]:
        """(row, x, width, title) of each episode title, stacked greedily in up to 3 rows."""
        placed, row_ends = [], []
        order = sorted(
            (e for e in self.episodes if _get(e, "x1") is not None and _get(e, "x0") is not None),
            key=lambda e: _get(e, "x0"),
        )
        for ep in order:
            x0 = max(0.0, _get(ep, "x0")) * plot_w
            x1 = min(1.0, _get(ep, "x1")) * plot_w
            if x1 <= x0:
                continue
            title = one_line(_get(ep, "title"))
            free = [r for r, end in enumerate(row_ends) if end <= x0]
            if free:
                row = free[0]
            elif len(row_ends) < MAX_TITLE_ROWS:
                row = len(row_ends)
                row_ends.append(0.0)
            else:
                row = min(range(len(row_ends)), key=row_ends.__getitem__)
            text_w = stringWidth(title, SANS.bold, FONT_SIZE - 0.5) + 4
            row_ends[row] = max(row_ends[row], x0 + max(x1 - x0, min(text_w, 90)))
            placed.append((row, x0, x1, title))
        return placed

    def _legend(self) -> list[tuple[str, object, str]]:
        """(swatch kind, colour, label) of each legend item, categories in ``colours`` order."""
        present = {_get(m, "category") or "other" for m in self.markers}
        items = [
            ("mark", _colour(self.colours.get(cat)), self.labels.get(cat, cat))
            for cat in [*self.colours, *sorted(c for c in present if c not in self.colours)]
            if cat in present
        ]
        if any(_get(m, "approximate") for m in self.markers):
            items.append(("approx", MUTED, "Approximate date (paler mark)"))
        if self.episodes:
            items.append(("episode", EPISODE_FILL, "Key practice episode"))
        if self.silences:
            items.append(("silence", SILENCE_FILL, "No agency contact recorded"))
        return [(kind, colour, one_line(label)) for kind, colour, label in items]

    def _legend_rows(self, width: float) -> list[list[tuple[float, str, object, str]]]:
        rows, x = [[]], 0.0
        for kind, colour, label in self._legend():
            item_w = 12 + stringWidth(label, SANS.regular, FONT_SIZE) + 12
            if x and x + item_w > width:
                rows.append([])
                x = 0.0
            rows[-1].append((x, kind, colour, label))
            x += item_w
        return [r for r in rows if r]

    def _chrome(self, width: float) -> float:
        """Everything but the lanes: episode titles, axis and legend."""
        plot_w = width - LABEL_WIDTH
        title_rows = 1 + max((r for r, *_ in self._title_rows(plot_w)), default=-1)
        return title_rows * TITLE_ROW + 4 + AXIS_HEIGHT + len(self._legend_rows(width)) * LEGEND_ROW

    def wrap(self, availWidth, availHeight):
        self.width = availWidth
        self.height = self._chrome(availWidth) + len(self.lanes) * self.lane_height
        return self.width, self.height

    @property
    def min_lead(self) -> float:
        """The room the start of this timeline needs (a heading keeps with it)."""
        return self._chrome(self.width) + min(len(self.lanes), 3) * self.lane_height

    def split(self, availWidth, availHeight):
        fit = int((availHeight - self._chrome(availWidth)) // self.lane_height)
        if fit >= len(self.lanes):
            return [self]
        if fit < min(3, len(self.lanes)):
            return []  # too little room: start on the next page
        return [
            TimelineFlowable(self.layout, self.colours, self.labels, lanes=self.lanes[:fit]),
            TimelineFlowable(self.layout, self.colours, self.labels, lanes=self.lanes[fit:]),
        ]

    # ---- drawing ------------------------------------------------------------------------

    def draw(self):
        canv, width = self.canv, self.width
        plot_x, plot_w = LABEL_WIDTH, width - LABEL_WIDTH
        legend_rows = self._legend_rows(width)
        lanes_bottom = len(legend_rows) * LEGEND_ROW + AXIS_HEIGHT
        lanes_top = lanes_bottom + len(self.lanes) * self.lane_height
        canv.saveState()
        self._draw_lanes(plot_x, plot_w, lanes_bottom)
        self._draw_bands(plot_x, plot_w, lanes_bottom, lanes_top)
        self._draw_axis(plot_x, plot_w, lanes_bottom, lanes_top)
        self._draw_markers(plot_x, plot_w, lanes_bottom)
        self._draw_legend(legend_rows)
        canv.restoreState()

    def _lane_y(self, row: int, bottom: float) -> float:
        """The bottom of lane ``row`` (row 0 at the top)."""
        return bottom + (len(self.lanes) - 1 - row) * self.lane_height

    def _draw_lanes(self, plot_x: float, plot_w: float, bottom: float) -> None:
        canv, size = self.canv, FONT_SIZE if self.lane_height >= 11 else 6.5
        canv.setFont(SANS.regular, size)
        for row, lane in enumerate(self.lanes):
            y = self._lane_y(row, bottom)
            if row % 2 == 0:
                canv.setFillColor(LANE_TINT)
                canv.rect(plot_x, y, plot_w, self.lane_height, stroke=0, fill=1)
            agency = one_line(_lane_parts(lane)[0])
            canv.setFillColor(INK)
            text = fit_text(agency or "(no agency)", SANS.regular, size, LABEL_WIDTH - 6)
            canv.drawString(0, y + (self.lane_height - size) / 2 + 1, text)

    def _draw_bands(self, plot_x, plot_w, bottom, top) -> None:
        canv = self.canv
        for band in self.silences:
            x0, x1 = _clip(_get(band, "x0"), _get(band, "x1"))
            if x1 <= x0:
                continue
            left, w = plot_x + x0 * plot_w, (x1 - x0) * plot_w
            canv.saveState()
            canv.setFillColor(SILENCE_FILL)
            canv.rect(left, bottom, w, top - bottom, stroke=0, fill=1)
            path = canv.beginPath()
            path.rect(left, bottom, w, top - bottom)
            canv.clipPath(path, stroke=0, fill=0)
            canv.setStrokeColor(SILENCE_HATCH)
            canv.setLineWidth(0.35)
            step, height = 4.0, top - bottom
            x = left - height
            while x < left + w:
                canv.line(x, bottom, x + height, top)
                x += step
            canv.restoreState()
            days = _get(band, "days")
            label = f"{days:,} days" if isinstance(days, int) else ""
            if label and stringWidth(label, SANS.regular, 6.5) + 4 < w:
                canv.setFillColor(colors.white)
                lw = stringWidth(label, SANS.regular, 6.5) + 3
                canv.rect(left + (w - lw) / 2, bottom + 1, lw, 8, stroke=0, fill=1)
                canv.setFillColor(MUTED)
                canv.setFont(SANS.regular, 6.5)
                canv.drawCentredString(left + w / 2, bottom + 3, label)
        canv.saveState()
        canv.setFillColor(EPISODE_FILL)
        canv.setFillAlpha(0.55)
        for ep in self.episodes:
            x0, x1 = _clip(_get(ep, "x0"), _get(ep, "x1"))
            if x1 > x0:
                canv.rect(plot_x + x0 * plot_w, bottom, (x1 - x0) * plot_w, top - bottom, 0, 1)
        canv.restoreState()
        titles = self._title_rows(plot_w)
        canv.setFont(SANS.bold, FONT_SIZE - 0.5)
        for row, x0, _x1, title in titles:
            ends = [x for r, x, _, _ in titles if r == row and x > x0]
            room = (min(ends) if ends else plot_w) - x0 - 3
            text = fit_text(title, SANS.bold, FONT_SIZE - 0.5, max(room, 8))
            y = top + 4 + row * TITLE_ROW
            canv.setStrokeColor(ACCENT)
            canv.setLineWidth(0.8)
            canv.line(plot_x + x0, y - 2, plot_x + x0, top)
            canv.setFillColor(ACCENT)
            canv.drawString(plot_x + x0 + 2, y, text)

    def _draw_axis(self, plot_x, plot_w, bottom, top) -> None:
        canv = self.canv
        canv.setLineWidth(0.6)
        canv.setStrokeColor(MUTED)
        canv.line(plot_x, bottom, plot_x + plot_w, bottom)
        canv.setFont(SANS.regular, FONT_SIZE - 0.5)
        last_right = -math.inf
        for tick in sorted(self.ticks, key=lambda t: _get(t, "x") or 0.0):
            x = _get(tick, "x")
            if x is None or not 0.0 <= x <= 1.0:
                continue
            px = plot_x + x * plot_w
            major = bool(_get(tick, "major"))
            if major:
                canv.setStrokeColor(GRID)
                canv.setLineWidth(0.4)
                canv.line(px, bottom, px, top)
            canv.setStrokeColor(MUTED)
            canv.setLineWidth(0.6)
            canv.line(px, bottom, px, bottom - (4 if major else 2))
            label = one_line(_get(tick, "label"))
            if not label:
                continue
            half = stringWidth(label, SANS.regular, FONT_SIZE - 0.5) / 2
            centre = min(max(px, plot_x + half), plot_x + plot_w - half)
            if centre - half < last_right + 4:
                continue  # would overlap the previous label
            canv.setFillColor(INK)
            canv.drawCentredString(centre, bottom - 11, label)
            last_right = centre + half

    def _draw_markers(self, plot_x, plot_w, bottom) -> None:
        canv, lane_h = self.canv, self.lane_height
        rows = {_lane_parts(lane)[1]: row for row, lane in enumerate(self.lanes)}
        columns = max(1, int(plot_w / COLUMN))
        key = (columns, tuple(rows.items()))
        if key not in self._cache:
            order = {c: i for i, c in enumerate(self.colours)}
            self._cache = {key: bin_markers(self.markers, rows, columns, order)}
        col_w = plot_w / columns
        mark_w = max(col_w, 1.4)
        groups: dict[tuple[str, bool], list[MarkBin]] = {}
        for b in self._cache[key]:
            groups.setdefault((b.category, b.approximate), []).append(b)
        for (category, approximate), bins in groups.items():
            canv.setFillColor(_colour(self.colours.get(category)))
            canv.setFillAlpha(0.4 if approximate else 1.0)
            for b in bins:
                y = self._lane_y(b.row, bottom)
                x = plot_x + b.col0 * col_w
                if b.col1 > b.col0:  # an entry over several days: a bar
                    canv.rect(
                        x, y + lane_h * 0.42, (b.col1 - b.col0 + 1) * col_w, lane_h * 0.16, 0, 1
                    )
                else:
                    canv.rect(
                        x + (col_w - mark_w) / 2, y + lane_h * 0.2, mark_w, lane_h * 0.6, 0, 1
                    )
        canv.setFillAlpha(1.0)

    def _draw_legend(self, rows) -> None:
        canv = self.canv
        canv.setFont(SANS.regular, FONT_SIZE)
        for number, row in enumerate(rows):
            y = (len(rows) - 1 - number) * LEGEND_ROW + 2
            for x, kind, colour, label in row:
                canv.saveState()
                canv.setFillColor(colour)
                if kind == "approx":
                    canv.setFillAlpha(0.4)
                    canv.rect(x + 3, y, 3, 8, stroke=0, fill=1)
                elif kind == "mark":
                    canv.rect(x + 3, y, 3, 8, stroke=0, fill=1)
                else:
                    canv.rect(x, y, 9, 8, stroke=0, fill=1)
                    if kind == "silence":
                        canv.setStrokeColor(SILENCE_HATCH)
                        canv.setLineWidth(0.35)
                        for dx in (0, 3, 6):
                            canv.line(x + dx, y, x + dx + 3, y + 8)
                canv.restoreState()
                canv.setFillColor(INK)
                canv.drawString(x + 12, y + 1, label)


def _lane_parts(lane) -> tuple[object, object]:
    """(agency, index) of a lane object or an (agency, index) pair."""
    if isinstance(lane, tuple | list):
        return lane[0], lane[1]
    return _get(lane, "agency"), _get(lane, "index")


def _clip(x0, x1) -> tuple[float, float]:
    if x0 is None or x1 is None:
        return 0.0, 0.0
    return max(0.0, float(x0)), min(1.0, float(x1))


def _colour(value: str | None):
    try:
        return colors.HexColor(value) if value else FALLBACK_MARK
    except (ValueError, TypeError):
        return FALLBACK_MARK
