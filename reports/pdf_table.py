"""A long table laid out in linear time: one small reportlab Table per page.

A reportlab LongTable of thousands of rows re-creates and re-measures the rest of itself at
every page break, which grows with the square of the length. ``PagedTable`` measures every
row once (``measure_row``), keeps running totals of the heights, and at each page break
hands the frame a plain ``Table`` holding the header and exactly the rows that fit (with
their heights given, so reportlab does not measure them again).

Rows must be no taller than a page: cut tall ones first (``cut_cell``). A row with a
``cutter`` is also cut at the foot of a page when it does not fit there whole, rather than
leaving the space empty.
"""

from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import accumulate

from reportlab.platypus import Flowable, Table, TableStyle

Cell = list[Flowable]


@dataclass(frozen=True)
class Padding:
    left: float = 4
    right: float = 4
    top: float = 3
    bottom: float = 4

    def commands(self) -> list[tuple]:
        return [
            ("LEFTPADDING", (0, 0), (-1, -1), self.left),
            ("RIGHTPADDING", (0, 0), (-1, -1), self.right),
            ("TOPPADDING", (0, 0), (-1, -1), self.top),
            ("BOTTOMPADDING", (0, 0), (-1, -1), self.bottom),
        ]


@dataclass
class PagedRow:
    """One table row with its measured height.

    ``key`` is the caller's own number for the row (e.g. which entry it shows); ``commands``
    are TableStyle commands for this row alone, written with row 0 meaning this row.
    ``cutter(height)``, if given, may cut the row in two when it does not fit at the foot
    of a page: it returns (a first row no taller than ``height``, the rest) or None.
    """

    cells: list[Cell]
    height: float
    key: int = 0
    commands: tuple = field(default=())
    cutter: Callable[[float], "tuple[PagedRow, PagedRow] | None"] | None = None


def cell_height(cell: Cell, inner_width: float) -> float:
    """The height reportlab's Table gives a cell holding these flowables (padding aside)."""
    total, first_space, last_after = 0.0, None, 0.0
    for item in cell:
        _, height = item.wrap(inner_width, 0x7FFFFFF)
        before, after = item.getSpaceBefore(), item.getSpaceAfter()
        total += height + before + after
        if first_space is None:
            first_space = before
        last_after = after
    return total - (first_space or 0.0) - last_after if cell else 0.0


def measure_row(cells: Sequence[Cell], widths: Sequence[float], padding: Padding) -> float:
    """The row's height as reportlab's Table would compute it."""
    inner = [w - padding.left - padding.right for w in widths]
    tallest = max((cell_height(c, w) for c, w in zip(cells, inner, strict=True)), default=0.0)
    return tallest + padding.top + padding.bottom


def split_cell(cell: Cell, inner_width: float, height: float) -> tuple[Cell, Cell]:
    """The cell's flowables that fit in ``height`` and the rest, cut between lines.

    Paragraphs are cut with reportlab's own ``Paragraph.split``, so nothing is dropped.
    """
    first: Cell = []
    room = height
    rest = list(cell)
    while rest:
        item = rest[0]
        space = item.getSpaceBefore() if first else 0.0
        _, item_height = item.wrap(inner_width, height)
        if space + item_height <= room:
            first.append(rest.pop(0))
            room -= space + item_height
            continue
        if room - space > 0:
            parts = item.split(inner_width, room - space)
            if len(parts) >= 2:
                first.append(parts[0])
                rest[0:1] = parts[1:]
        break
    return first, rest


def cut_cell(cell: Cell, inner_width: float, budget: float) -> list[Cell]:
    """Share a cell's flowables out over pieces no taller than ``budget``, cutting at lines.

    A flowable that cannot be cut to fit is kept whole in a piece of its own.
    """
    pieces: list[Cell] = []
    rest = list(cell)
    while True:
        first, rest = split_cell(rest, inner_width, budget)
        if not first and rest:
            first, rest = [rest[0]], rest[1:]
        pieces.append(first)
        if not rest:
            return pieces


class PagedTable(Flowable):
    """A table of measured rows that repeats its header row on every page it spans."""

    def __init__(
        self,
        header: list[Cell],
        rows: list[PagedRow],
        widths: Sequence[float],
        *,
        padding: Padding,
        commands: Sequence[tuple] = (),
        min_cut_room: float = 60,
        _start: int = 0,
        _shared: dict | None = None,
    ):
        super().__init__()
        if _shared is None:
            _shared = {
                "header_height": measure_row(header, widths, padding),
                # totals[i] = height of rows[:i]
                "totals": [0.0, *accumulate(r.height for r in rows)],
            }
        self.header, self.rows, self.widths = header, rows, list(widths)
        self.padding, self.commands = padding, list(commands)
        self.min_cut_room = min_cut_room  # less room than this at a page foot: no cut
        self._start, self._shared = _start, _shared
        self.width = sum(self.widths)
        self.hAlign = "LEFT"

    # Flowable protocol ------------------------------------------------------------------

    def wrap(self, availWidth, availHeight):
        totals = self._shared["totals"]
        self.height = self._shared["header_height"] + totals[-1] - totals[self._start]
        return self.width, self.height

    def split(self, availWidth, availHeight):
        end = self._rows_fitting(availHeight)
        if end < len(self.rows):
            end = self._cut_row(end, availHeight)
        if end == self._start:
            return []  # not even one row: the frame moves on to the next page
        first = self.page_table(self._start, end)
        if end == len(self.rows):
            return [first]
        rest = PagedTable(
            self.header,
            self.rows,
            self.widths,
            padding=self.padding,
            commands=self.commands,
            min_cut_room=self.min_cut_room,
            _start=end,
            _shared=self._shared,
        )
        return [first, rest]

    def draw(self):
        table = self.page_table(self._start, len(self.rows))
        table.wrapOn(self.canv, self.width, self.height)
        table.drawOn(self.canv, 0, 0)

    # ------------------------------------------------------------------------------------

    @property
    def placed_rows(self) -> range:
        return range(self._start, len(self.rows))

    def _rows_fitting(self, available: float) -> int:
        totals = self._shared["totals"]
        room = available - self._shared["header_height"] + totals[self._start] + 1e-6
        return max(self._start, min(len(self.rows), bisect_right(totals, room) - 1))

    def _cut_row(self, end: int, available: float) -> int:
        """Cut row ``end`` to fill the page's foot if it allows; return the new end."""
        row, totals = self.rows[end], self._shared["totals"]
        room = available - self._shared["header_height"] - (totals[end] - totals[self._start])
        if row.cutter is None or room < self.min_cut_room:
            return end
        parts = row.cutter(room)
        if not parts or parts[0].height > room:
            return end
        # rows and totals are shared with the pieces already split off: update in place
        self.rows[end : end + 1] = parts
        totals[end + 1 :] = list(accumulate((r.height for r in self.rows[end:]), initial=totals[end]))[1:]
        return end + 1

    def page_table(self, start: int, end: int) -> "PageOfRows":
        rows = self.rows[start:end]
        commands = [*self.padding.commands(), *self.commands]
        for offset, row in enumerate(rows, 1):
            for name, (c0, r0), (c1, r1), *args in row.commands:
                commands.append((name, (c0, r0 + offset), (c1, r1 + offset), *args))
        table = PageOfRows(
            [self.header, *(r.cells for r in rows)],
            colWidths=self.widths,
            rowHeights=[self._shared["header_height"], *(r.height for r in rows)],
            repeatRows=1,
            style=TableStyle(commands),
            hAlign="LEFT",
        )
        table.keys = [r.key for r in rows]
        return table


class PageOfRows(Table):
    """The part of a ``PagedTable`` placed on one page; ``keys`` are its rows' keys."""

    keys: list[int]
