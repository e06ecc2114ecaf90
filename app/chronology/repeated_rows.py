"""Rows written twice by an export that fetches its records a page at a time: a web system
paging by offset may start each page with the record the page before ended on, so that record
arrives twice, one row straight after the other, the same in every cell.

Such a row is the same record again, not a second event: it is left out and listed with the
row it repeats. Only a row whose note is long enough that two events could not have been
written alike is taken so; short notes ("Text sent", "DNA") may truly happen twice."""

from __future__ import annotations

from itertools import islice
from typing import Any

from app.chronology.layout import LeftOut

# A note this long, the same word for word with the same date, worker and every other cell,
# is the same record.
LONG_NOTE = 40


def repeated_rows(
    rows: list[tuple[int, list[Any]]], event_column
) -> tuple[list[tuple[int, list[Any]]], list[LeftOut]]:
    """``rows`` without each row that is the row just before it again (every cell the same,
    its note long), and those rows as left out. ``event_column``: the note column's cells, to
    see at once that no note follows one the same (the plain sheet's case)."""
    if not any(
        a == b and a.__class__ is str and len(a) >= LONG_NOTE
        for a, b in zip(event_column, islice(event_column, 1, None), strict=False)
    ):
        return rows, []
    out: list[tuple[int, list[Any]]] = []
    dropped: list[LeftOut] = []
    for number, cells in rows:
        if out and _same(out[-1][1], cells):
            shown = " | ".join(str(c) for c in cells if c not in (None, ""))[:200]
            dropped.append(LeftOut(number, f"the same in every cell as row {out[-1][0]} just "
                                   "before it (an export's pages overlapping)", shown))  # fmt: skip
            continue
        out.append((number, cells))
    return out, dropped


def _same(first: list[Any], cells: list[Any]) -> bool:
    width = max(len(first), len(cells))
    a = [*first, *[None] * (width - len(first))]
    b = [*cells, *[None] * (width - len(cells))]
    return a == b and any(c.__class__ is str and len(c) >= LONG_NOTE for c in a)
