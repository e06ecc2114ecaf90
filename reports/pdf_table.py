"""A long table laid out in linear time and little memory: one small reportlab Table a page.

A reportlab LongTable of thousands of rows re-creates and re-measures the rest of itself at
every page break, which grows with the square of the length, and holds every cell in
memory. ``PagedTable`` makes and measures each row once, when layout reaches it, and at
each page break hands the frame a plain ``Table`` holding the header and exactly the rows
that fit (their heights given, so reportlab does not measure them again).

A row with a ``cutter`` is cut between lines where it does not fit: at the foot of a page
(rather than leaving the space empty) and where it is taller than a whole page. A row
taller than a page without one cannot be placed (reportlab raises LayoutError).
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

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


class _RowStream:
    """Rows made on demand from ``make_row(index)``; made but unplaced rows wait here."""

    def __init__(self, make_row: Callable[[int], PagedRow], count: int) -> None:
        self._make_row, self._count = make_row, count
        self._next = 0
        self.pending: list[PagedRow] = []

    def peek(self, position: int) -> PagedRow | None:
        """The row ``position`` places after the last one taken, or None past the end."""
        while len(self.pending) <= position and self._next < self._count:
            self.pending.append(self._make_row(self._next))
            self._next += 1
        return self.pending[position] if position < len(self.pending) else None

    def take(self, count: int) -> list[PagedRow]:
        taken, self.pending[:count] = self.pending[:count], []
        return taken

    @property
    def exhausted(self) -> bool:
        return not self.pending and self._next >= self._count


class PagedTable(Flowable):
    """A table that repeats its header row on every page, made and measured a page at a time.

    ``make_row(index)`` builds and measures row ``index`` of ``count`` (see ``measure_row``)
    when layout reaches it; rows already drawn are let go, so memory does not grow with
    the length of the table.
    """

    def __init__(
        self,
        header: list[Cell],
        make_row: Callable[[int], PagedRow],
        count: int,
        widths: Sequence[float],
        *,
        padding: Padding,
        commands: Sequence[tuple] = (),
        min_cut_room: float = 60,
        _stream: _RowStream | None = None,
    ):
        super().__init__()
        self.header, self.widths = header, list(widths)
        self.padding, self.commands = padding, list(commands)
        self.min_cut_room = min_cut_room  # less room than this at a page foot: no cut
        self.header_height = measure_row(header, widths, padding)
        self._stream = _stream or _RowStream(make_row, count)
        self._make_row, self._count = make_row, count
        self.width = sum(self.widths)
        self.hAlign = "LEFT"

    # Flowable protocol ------------------------------------------------------------------

    def wrap(self, availWidth, availHeight):
        # The true height when every remaining row fits, else just more than is available
        # (measuring the rest of a long table would cost the time this class saves).
        fitting, height = self._rows_fitting(availHeight)
        if self._stream.peek(fitting) is not None:
            height = max(height, availHeight) + 1
        self.height = height
        return self.width, height

    def split(self, availWidth, availHeight):
        count, height = self._rows_fitting(availHeight)
        if self._stream.peek(count) is not None:
            count += self._cut_row(count, availHeight - height)
        if count == 0:
            return []  # not even one row: the frame moves on to the next page
        first = self._page_table(self._stream.take(count))
        if self._stream.exhausted:
            return [first]
        rest = PagedTable(
            self.header,
            self._make_row,
            self._count,
            self.widths,
            padding=self.padding,
            commands=self.commands,
            min_cut_room=self.min_cut_room,
            _stream=self._stream,
        )
        return [first, rest]

    def draw(self):
        count, _ = self._rows_fitting(self.height)
        table = self._page_table(self._stream.take(count))
        table.wrapOn(self.canv, self.width, self.height)
        table.drawOn(self.canv, 0, 0)

    # ------------------------------------------------------------------------------------

    def _rows_fitting(self, available: float) -> tuple[int, float]:
        """How many of the next rows fit in ``available``, and their height with the header."""
        height, count = self.header_height, 0
        while (row := self._stream.peek(count)) is not None:
            if height + row.height > available + 1e-6:
                break
            height += row.height
            count += 1
        return count, height

    def _cut_row(self, position: int, room: float) -> int:
        """Cut the row at ``position`` to fill ``room`` if it allows; 1 if it was cut."""
        row = self._stream.pending[position]
        if row.cutter is None or room < self.min_cut_room:
            return 0
        parts = row.cutter(room)
        if not parts or parts[0].height > room:
            return 0
        self._stream.pending[position : position + 1] = parts
        return 1

    def _page_table(self, rows: list[PagedRow]) -> "PageOfRows":
        commands = [*self.padding.commands(), *self.commands]
        for offset, row in enumerate(rows, 1):
            for name, (c0, r0), (c1, r1), *args in row.commands:
                commands.append((name, (c0, r0 + offset), (c1, r1 + offset), *args))
        table = PageOfRows(
            [self.header, *(r.cells for r in rows)],
            colWidths=self.widths,
            rowHeights=[self.header_height, *(r.height for r in rows)],
            repeatRows=1,
            style=TableStyle(commands),
            hAlign="LEFT",
        )
        table.keys = [r.key for r in rows]
        return table


class PageOfRows(Table):
    """The part of a ``PagedTable`` placed on one page; ``keys`` are its rows' keys."""

    keys: list[int]
