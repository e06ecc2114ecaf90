"""The chronology timeline as one SVG picture with a text alternative, for every format.

The PDF places the SVG on a landscape page, the HTML inlines it, the DOCX gets it as a PNG
made from the same SVG. The layout comes from the app as plain data (duck-typed, never
imported): ``lanes`` (agency, index), ``markers`` (lane, x, x_end, category, approximate),
``episodes`` (title, x0, x1), ``silences`` (x0, x1, days), ``ticks`` (x, label, major),
``start``/``days``; every x a fraction 0..1 of the axis.

- Agency names are never cut: they wrap onto as many lines as they need in the label column.
- Markers are binned, one mark per lane per column of the plot (the most frequent category
  wins), so 50,000 entries draw as a few thousand rectangles.
- Over a span of five years or less, the quarter ticks between years are labelled with the
  month, so a short chronology is not marked with years alone.
- Colours are the categories' own (Okabe-Ito hues, 3:1 on white), and every category is in
  the legend; the text alternative says what the picture shows in words.
"""

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta
from xml.sax.saxutils import escape

from reports.text import one_line

WIDTH = 1000.0  # user units; the picture scales to the width it is given
LABEL_WIDTH = 170.0
RIGHT_PAD = 12.0
FONT = 12.0
LINE = 14.0
LANE_MIN = 24.0
TITLE_ROW = 15.0
MAX_TITLE_ROWS = 3
AXIS_HEIGHT = 26.0
LEGEND_ROW = 20.0
COLUMNS = 500  # marker bins across the plot

INK, MUTED, ACCENT = "#1A1A1A", "#4D4D4D", "#1F3A5F"
LANE_TINT, GRID = "#F4F5F7", "#DADDE2"
EPISODE_FILL, SILENCE_FILL, SILENCE_HATCH = "#C9D6E8", "#EFEFEF", "#A8A8A8"
FALLBACK_MARK = "#8A8A8A"


@dataclass(frozen=True)
class MarkBin:
    """The markers of one lane in one column (or, for spans, starting in one column)."""

    row: int
    col0: int
    col1: int  # last column covered (== col0 for one-day markers)
    category: str
    approximate: bool  # every marker in the bin has an approximate date
    count: int


@dataclass(frozen=True)
class TimelinePicture:
    svg: str  # a complete <svg> element
    width: float
    height: float
    alt: str  # one paragraph saying what the picture shows


def get(item, name: str):
    """A field of a layout item: an attribute, or a key of a mapping."""
    if isinstance(item, Mapping):
        return item.get(name)
    return getattr(item, name, None)


def bin_markers(markers, rows: Mapping[int, int], columns: int, order: Mapping[str, int]):
    """Markers aggregated to one ``MarkBin`` per (lane row, column, point or span)."""
    acc: dict[tuple[int, int, bool], list] = {}
    last = columns - 1
    for marker in markers:
        row = rows.get(get(marker, "lane"))
        x = get(marker, "x")
        if row is None or x is None:
            continue
        x_end = get(marker, "x_end")
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
        entry = acc.get((row, col0, span))
        if entry is None:
            entry = acc[(row, col0, span)] = [col1, {}, True, 0]
        entry[0] = max(entry[0], col1)
        category = str(get(marker, "category") or "other")
        entry[1][category] = entry[1].get(category, 0) + 1
        entry[2] = entry[2] and bool(get(marker, "approximate"))
        entry[3] += 1
    bins = []
    for (row, col0, _span), (col1, counts, approximate, count) in acc.items():
        category = max(counts, key=lambda c: (counts[c], -order.get(c, len(order))))
        bins.append(MarkBin(row, col0, col1, category, approximate, count))
    return bins


def _lane_parts(lane) -> tuple[object, object]:
    if isinstance(lane, tuple | list):
        return lane[0], lane[1]
    return get(lane, "agency"), get(lane, "index")


def _clip(x0, x1) -> tuple[float, float]:
    if x0 is None or x1 is None:
        return 0.0, 0.0
    return max(0.0, float(x0)), min(1.0, float(x1))


def _width(text: str, size: float, bold: bool = False) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from reports.fonts import SANS, register_fonts

    register_fonts()
    return stringWidth(text, SANS.bold if bold else SANS.regular, size)


def wrap(text: str, width: float, size: float = FONT) -> list[str]:
    """``text`` on as many lines as it needs, never cut inside a word."""
    lines: list[str] = []
    for word in text.split():
        if lines and _width(f"{lines[-1]} {word}", size) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines or [""]


def _t(x: float, y: float, text: str, *, size=FONT, fill=INK, anchor="start", bold=False) -> str:
    weight = ' font-weight="bold"' if bold else ""
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size:g}" fill="{fill}"'
        f' text-anchor="{anchor}"{weight}>{escape(text)}</text>'
    )


def timeline_picture(
    layout,
    colours: Mapping[str, str],
    labels: Mapping[str, str],
    title: str = "Timeline",
    *,
    lanes=None,
) -> TimelinePicture:
    """The timeline as SVG, with its text alternative; ``lanes``: only these agencies' rows."""
    lanes = tuple(get(layout, "lanes") or ()) if lanes is None else tuple(lanes)
    markers = tuple(get(layout, "markers") or ())
    episodes = tuple(get(layout, "episodes") or ())
    silences = tuple(get(layout, "silences") or ())
    plot_x, plot_w = LABEL_WIDTH, WIDTH - LABEL_WIDTH - RIGHT_PAD
    names = [
        wrap(one_line(_lane_parts(lane)[0]) or "(no agency)", LABEL_WIDTH - 10) for lane in lanes
    ]
    heights = [max(LANE_MIN, len(lines) * LINE + 8) for lines in names]
    titles = _title_rows(episodes, plot_w)
    key: list[tuple[float, float, str, str]] = []  # (x, y, number, text) below the legend
    if any(_fit(text, room, 10.5) != text for _r, _x, room, text in titles):
        # Too crowded for the titles: each episode is numbered on the picture, in the order
        # they happened, and named in full in a key under it.
        titles, key = _numbered_titles(layout, episodes, plot_w)
    title_rows = 1 + max((r for r, *_ in titles), default=-1)
    legend = _legend_rows(_legend(markers, episodes, silences, colours, labels))
    top = 6 + title_rows * TITLE_ROW + (4 if title_rows else 0)
    lanes_h = sum(heights)
    bottom = top + lanes_h
    key_top = bottom + AXIS_HEIGHT + len(legend) * LEGEND_ROW + 4
    key_h = (max((y for _x, y, *_ in key), default=0.0) + 12 + KEY_LINE + 8) if key else 0
    height = bottom + AXIS_HEIGHT + len(legend) * LEGEND_ROW + 6 + key_h
    alt = describe(layout, labels, lanes)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH:g} {height:.0f}"'
        f' width="{WIDTH:g}" height="{height:.0f}" role="img" aria-labelledby="tl-title tl-desc"'
        ' font-family="DejaVu Sans, Verdana, sans-serif">',
        f'<title id="tl-title">{escape(one_line(title))}</title>',
        f'<desc id="tl-desc">{escape(alt)}</desc>',
        '<defs><pattern id="tl-hatch" width="6" height="6" patternUnits="userSpaceOnUse"'
        f' patternTransform="rotate(45)"><rect width="6" height="6" fill="{SILENCE_FILL}"/>'
        f'<line x1="0" y1="0" x2="0" y2="6" stroke="{SILENCE_HATCH}" stroke-width="1"/>'
        "</pattern></defs>",
    ]
    y, lane_top = top, []
    for row, lines in enumerate(names):
        lane_top.append(y)
        if row % 2 == 0:
            out.append(
                f'<rect x="{plot_x}" y="{y:.1f}" width="{plot_w:.1f}" height="{heights[row]:.1f}"'
                f' fill="{LANE_TINT}"/>'
            )
        first = y + (heights[row] - len(lines) * LINE) / 2 + LINE - 3
        out += [_t(0, first + i * LINE, line) for i, line in enumerate(lines)]
        y += heights[row]
    for band in silences:
        x0, x1 = _clip(get(band, "x0"), get(band, "x1"))
        if x1 > x0:
            left, w = plot_x + x0 * plot_w, (x1 - x0) * plot_w
            out.append(
                f'<rect x="{left:.1f}" y="{top:.1f}" width="{w:.1f}" height="{lanes_h:.1f}"'
                ' fill="url(#tl-hatch)"/>'
            )
            days = get(band, "days")
            label = f"{days:,} days" if isinstance(days, int) else ""
            if label and _width(label, 10) + 6 < w:
                out.append(
                    _t(left + w / 2, bottom - 4, label, size=10, fill=MUTED, anchor="middle")
                )
    for ep in episodes:
        x0, x1 = _clip(get(ep, "x0"), get(ep, "x1"))
        if x1 > x0:
            out.append(
                f'<rect x="{plot_x + x0 * plot_w:.1f}" y="{top:.1f}"'
                f' width="{(x1 - x0) * plot_w:.1f}" height="{lanes_h:.1f}"'
                f' fill="{EPISODE_FILL}" fill-opacity="0.55"/>'
            )
    for row, x0, room, text in titles:
        ty = top - 4 - (title_rows - 1 - row) * TITLE_ROW
        out.append(
            f'<line x1="{plot_x + x0:.1f}" y1="{ty - 10:.1f}" x2="{plot_x + x0:.1f}"'
            f' y2="{top:.1f}" stroke="{ACCENT}" stroke-width="1"/>'
        )
        shown = _fit(text, room, 10.5)
        if shown:
            out.append(_t(plot_x + x0 + 3, ty, shown, size=10.5, fill=ACCENT, bold=True))
    out += _axis(layout, plot_x, plot_w, top, bottom)
    out += _marks(markers, lanes, lane_top, heights, colours, plot_x, plot_w)
    ly = bottom + AXIS_HEIGHT + 4
    for row in legend:
        for x, kind, colour, label in row:
            out.append(_swatch(x, ly, kind, colour))
            out.append(_t(x + 16, ly + 10, label, size=11))
        ly += LEGEND_ROW
    if key:
        out.append(_t(0, key_top + 12, "Key practice episodes", size=11, fill=ACCENT, bold=True))
        for x, y, number, text in key:
            if number:
                out.append(_t(x, key_top + 12 + KEY_LINE + y, number, size=11, fill=ACCENT))
            if text:
                out.append(_t(x + KEY_NUMBER, key_top + 12 + KEY_LINE + y, text, size=11))
    out.append("</svg>")
    return TimelinePicture("".join(out), WIDTH, height, alt)


KEY_LINE = 15.0
KEY_NUMBER = 24.0  # room for an episode's number before its title in the key


def _numbered_titles(layout, episodes, plot_w: float):
    """The episodes' numbers placed as titles on the picture (1, 2, ... in the order they
    happened) and the key naming each in full with its months: (titles, key lines)."""
    dated = sorted(
        (e for e in episodes if get(e, "x0") is not None and get(e, "x1") is not None),
        key=lambda e: (get(e, "x0"), get(e, "x1")),
    )
    placed = [
        {"title": str(n), "x0": get(e, "x0"), "x1": get(e, "x1")}
        for n, e in enumerate(dated, start=1)
    ]
    start, end = get(layout, "start"), get(layout, "end")
    days = (end - start).days + 1 if start is not None and end is not None else 0
    columns = 2 if len(dated) > 4 else 1
    width = WIDTH / columns - KEY_NUMBER - 16
    per_column = -(-len(dated) // columns)
    key, y, column = [], 0.0, 0
    for n, ep in enumerate(dated, start=1):
        if n > 1 and (n - 1) % per_column == 0:
            column, y = column + 1, 0.0
        text = one_line(get(ep, "title"))
        if days:
            first = start + timedelta(days=int(get(ep, "x0") * days))
            last = start + timedelta(days=max(int(round(get(ep, "x1") * days)) - 1, 0))
            months = f"{first:%b %Y}"
            if (first.year, first.month) != (last.year, last.month):
                months += f" to {last:%b %Y}"
            text = f"{text} ({months})"
        x = column * (WIDTH / columns)
        for i, line in enumerate(wrap(text, width, 11) or [""]):
            key.append((x, y, str(n) if i == 0 else "", line))
            y += KEY_LINE
    # The column that runs longest sets the key's height (y of its last line).
    return _title_rows(placed, plot_w), key


def _fit(text: str, room: float, size: float) -> str:
    """The text, shortened with an ellipsis to fit ``room``; nothing when under four
    characters would be left (a stub reads as noise)."""
    if _width(text, size, True) <= room:
        return text
    while text and _width(text + "…", size, True) > room:
        text = text[:-1]
    return text.rstrip() + "…" if len(text.strip()) >= 4 else ""


def _title_rows(episodes, plot_w: float) -> list[tuple[int, float, float, str]]:
    """(row, x, room, title) of each episode title, stacked greedily in up to 3 rows."""
    placed, row_ends = [], []
    for ep in sorted(
        (e for e in episodes if get(e, "x0") is not None and get(e, "x1") is not None),
        key=lambda e: get(e, "x0"),
    ):
        x0, x1 = (v * plot_w for v in _clip(get(ep, "x0"), get(ep, "x1")))
        if x1 <= x0:
            continue
        title = one_line(get(ep, "title"))
        free = [r for r, end in enumerate(row_ends) if end <= x0]
        if free:
            row = free[0]
        elif len(row_ends) < MAX_TITLE_ROWS:
            row = len(row_ends)
            row_ends.append(0.0)
        else:
            row = min(range(len(row_ends)), key=row_ends.__getitem__)
        text_w = _width(title, 10.5, True) + 8
        row_ends[row] = max(row_ends[row], x0 + text_w)
        placed.append((row, x0, title))
    # Each title has the room up to the next title in its row, or the next marker line coming
    # down from a row above (never over either): a crowded timeline shortens its titles (the
    # text alternative names them in full).
    out = []
    for row, x0, title in placed:
        after = [x for r, x, _t in placed if r <= row and x > x0]
        room = (min(after) - x0 - 6) if after else plot_w - x0 - 4
        out.append((row, x0, max(room, 0.0), title))
    return out


def _legend(markers, episodes, silences, colours, labels) -> list[tuple[str, str, str]]:
    present = {get(m, "category") or "other" for m in markers}
    items = [
        ("mark", colours.get(cat) or FALLBACK_MARK, labels.get(cat, cat))
        for cat in [*colours, *sorted(c for c in present if c not in colours)]
        if cat in present
    ]
    if any(get(m, "approximate") for m in markers):
        items.append(("approx", MUTED, "Approximate date (paler mark)"))
    if episodes:
        items.append(("episode", EPISODE_FILL, "Key practice episode"))
    if silences:
        items.append(("silence", SILENCE_FILL, "No agency contact recorded"))
    return [(kind, colour, one_line(label)) for kind, colour, label in items]


def _legend_rows(items) -> list[list[tuple[float, str, str, str]]]:
    rows, x = [[]], 0.0
    for kind, colour, label in items:
        item_w = 16 + _width(label, 11) + 18
        if x and x + item_w > WIDTH:
            rows.append([])
            x = 0.0
        rows[-1].append((x, kind, colour, label))
        x += item_w
    return [r for r in rows if r]


def _swatch(x: float, y: float, kind: str, colour: str) -> str:
    if kind in ("mark", "approx"):
        opacity = ' fill-opacity="0.4"' if kind == "approx" else ""
        return f'<rect x="{x + 4:.1f}" y="{y:.1f}" width="5" height="12" fill="{colour}"{opacity}/>'
    fill = "url(#tl-hatch)" if kind == "silence" else colour
    return f'<rect x="{x:.1f}" y="{y:.1f}" width="13" height="12" fill="{fill}"/>'


def _axis(layout, plot_x, plot_w, top, bottom) -> list[str]:
    out = [
        f'<line x1="{plot_x}" y1="{bottom:.1f}" x2="{plot_x + plot_w:.1f}" y2="{bottom:.1f}"'
        f' stroke="{MUTED}" stroke-width="1"/>'
    ]
    start, end, days = get(layout, "start"), get(layout, "end"), get(layout, "days")
    if days is None and start is not None and end is not None:
        days = (end - start).days + 1
    ticks = sorted(get(layout, "ticks") or (), key=lambda t: get(t, "x") or 0.0)
    years_only = all(len(one_line(get(t, "label"))) <= 4 for t in ticks)
    monthly = start is not None and days and days <= 5 * 366 and years_only
    last_right = -1e9
    for tick in ticks:
        x = get(tick, "x")
        if x is None or not 0.0 <= x <= 1.0:
            continue
        px, major = plot_x + x * plot_w, bool(get(tick, "major"))
        label = one_line(get(tick, "label"))
        if not label and monthly:
            label = (start + timedelta(days=int(round(x * days)))).strftime("%b")
        if major:
            out.append(
                f'<line x1="{px:.1f}" y1="{top:.1f}" x2="{px:.1f}" y2="{bottom:.1f}"'
                f' stroke="{GRID}" stroke-width="0.8"/>'
            )
        out.append(
            f'<line x1="{px:.1f}" y1="{bottom:.1f}" x2="{px:.1f}" y2="{bottom + (6 if major else 3):.1f}"'
            f' stroke="{MUTED}" stroke-width="1"/>'
        )
        if not label:
            continue
        size = 11 if major else 10
        half = _width(label, size, major) / 2
        centre = min(max(px, plot_x + half), plot_x + plot_w - half)
        if centre - half < last_right + 6:
            continue
        colour = INK if major else MUTED
        out.append(
            _t(centre, bottom + 18, label, size=size, fill=colour, anchor="middle", bold=major)
        )
        last_right = centre + half
    return out


def _marks(markers, lanes, lane_top, heights, colours, plot_x, plot_w) -> list[str]:
    rows = {_lane_parts(lane)[1]: row for row, lane in enumerate(lanes)}
    order = {c: i for i, c in enumerate(colours)}
    col_w = plot_w / COLUMNS
    groups: dict[tuple[str, bool], list[str]] = {}
    for b in bin_markers(markers, rows, COLUMNS, order):
        y, h = lane_top[b.row], heights[b.row]
        x = plot_x + b.col0 * col_w
        if b.col1 > b.col0:
            shape = f"M{x:.1f} {y + h * 0.42:.1f}h{(b.col1 - b.col0 + 1) * col_w:.1f}v{h * 0.16:.1f}H{x:.1f}z"
        else:
            shape = f"M{x:.1f} {y + h * 0.2:.1f}h{max(col_w, 1.6):.1f}v{h * 0.6:.1f}H{x:.1f}z"
        groups.setdefault((b.category, b.approximate), []).append(shape)
    out = []
    for (category, approximate), shapes in groups.items():
        opacity = ' fill-opacity="0.4"' if approximate else ""
        colour = colours.get(category) or FALLBACK_MARK
        out.append(f'<path fill="{colour}"{opacity} d="{"".join(shapes)}"/>')
    return out


def describe(layout, labels: Mapping[str, str], lanes=None) -> str:
    """The timeline in words: span, entries per agency, kinds of event, episodes, silences."""
    lanes = tuple(get(layout, "lanes") or ()) if lanes is None else tuple(lanes)
    shown = {_lane_parts(lane)[1] for lane in lanes}
    markers = tuple(m for m in get(layout, "markers") or () if get(m, "lane") in shown)
    start, end = get(layout, "start"), get(layout, "end")
    per_lane = Counter(get(m, "lane") for m in markers)
    kinds = Counter(get(m, "category") or "other" for m in markers)
    span = f" from {start:%B %Y} to {end:%B %Y}" if start and end else ""
    agencies = "; ".join(
        f"{one_line(_lane_parts(lane)[0])}: {per_lane.get(_lane_parts(lane)[1], 0):,}"
        for lane in lanes
    )
    text = (
        f"Timeline of {len(markers):,} dated chronology entries{span}, one row per agency. "
        f"Entries by agency: {agencies or 'none'}."
    )
    if kinds:
        common = ", ".join(
            f"{one_line(labels.get(k, k)).lower()} {n:,}" for k, n in kinds.most_common(4)
        )
        text += f" Most frequent kinds of event: {common}."
    episodes = [one_line(get(e, "title")) for e in get(layout, "episodes") or ()]
    if episodes:
        text += f" Key practice episodes shaded: {'; '.join(episodes)}."
    silences = [get(s, "days") for s in get(layout, "silences") or ()]
    if silences:
        longest = max((d for d in silences if isinstance(d, int)), default=0)
        text += (
            f" {len(silences)} period{'s' if len(silences) != 1 else ''} with no agency contact"
            f" recorded (hatched), the longest {longest:,} days."
        )
    return text
