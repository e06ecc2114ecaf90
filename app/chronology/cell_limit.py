"""Notes longer than a spreadsheet cell holds (32,767 characters): an export made for Excel
cuts such a note and writes the rest on the next row, with the rest of the row (date, time,
worker) repeated. The pieces are joined back into the note's first row, run together as they
were cut (mid-word)."""

from typing import Any

CELL_LIMIT = 32767


def _longest(column) -> int:
    try:
        return max(map(len, column), default=0)
    except TypeError:  # a cell that is no text (None, a number)
        return max((len(v) for v in column if v.__class__ is str), default=0)


def join_cut_notes(
    rows: list[tuple[int, list[Any]]], column: int, event_column
) -> tuple[list[tuple[int, list[Any]]], str]:
    """``rows`` with each piece of a note cut at the cell limit joined to the piece before it,
    and a note (or ""). ``event_column``: the column's cells, to see at once that none is cut."""
    if _longest(event_column) < CELL_LIMIT:
        return rows, ""
    out: list[tuple[int, list[Any]]] = []
    joined: list[int] = []
    for number, cells in rows:
        if out:
            first = out[-1][1]
            text = first[column] if column < len(first) else None
            if (
                text.__class__ is str
                and len(text) % CELL_LIMIT == 0
                and column < len(cells)
                and cells[column].__class__ is str
                and all(
                    a == b
                    for i, (a, b) in enumerate(zip(first, cells, strict=False))
                    if i != column
                )
            ):
                first[column] = text + cells[column]
                joined.append(number)
                continue
        out.append((number, list(cells)))
    if not joined:
        return rows, ""
    listed = ", ".join(map(str, joined[:10])) + (", ..." if len(joined) > 10 else "")
    return out, (
        f"{len(joined)} row(s) continue a note cut at {CELL_LIMIT:,} characters, the most a "
        f"spreadsheet cell holds (row {listed}): each was joined to the note it continues."
    )
