"""Notes an export cut into rows: each piece a row of its own, the note's date, time and worker
repeated on it, and a column numbering the pieces ("Line" 1, 2, 3), as legacy systems that
store text in fixed-length fields write them. The pieces are joined back into the note's first
row, as written: run together when every piece but the last was cut at the same length
(mid-word), with a space between them otherwise."""

import re
from typing import Any

from app.chronology.layout import is_date_like

_LINE_HEADING = re.compile(
    r"\s*(?:line|seq(?:uence)?|part|segment|piece|chunk|text\s*line|note\s*line)"
    r"\s*(?:no\.?|number|num|#)?\s*",
    re.I,
)


def _number(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)) and value == int(value):
        return int(value)
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None


def _joined(pieces: list[str]) -> str:
    cut = {len(p) for p in pieces[:-1]}
    return ("" if len(cut) == 1 else " ").join(pieces)


def join_numbered_lines(
    headers: list[str], rows: list[tuple[int, list[Any]]]
) -> tuple[list[tuple[int, list[Any]]], list[str]]:
    """The rows with each note's later pieces joined to its first, and a note (or none)."""
    column = next((i for i, h in enumerate(headers) if _LINE_HEADING.fullmatch(h)), None)
    if column is None or len(rows) < 2:
        return rows, []
    numbers = [_number(cells[column]) for _n, cells in rows]
    if sum(n is not None for n in numbers) < 0.9 * len(rows) or 2 not in numbers:
        return rows, []
    out: list[tuple[int, list[Any]]] = []
    pieces: dict[int, dict[int, list[str]]] = {}  # index in out -> column -> pieces
    joined: list[int] = []
    previous = None
    for (number, cells), line in zip(rows, numbers, strict=True):
        if out and line is not None and previous is not None and line == previous + 1:
            first = out[-1][1]
            differ = [i for i, (a, b) in enumerate(zip(first, cells, strict=True))
                      if i != column and a != b]  # fmt: skip
            if (
                1 <= len(differ) <= 2
                and all(isinstance(cells[i], str) for i in differ)
                and not any(is_date_like(first[i]) or is_date_like(cells[i]) for i in differ)
            ):
                held = pieces.setdefault(len(out) - 1, {})
                for i in differ:
                    held.setdefault(i, [first[i]] if isinstance(first[i], str) else []).append(
                        cells[i]
                    )
                joined.append(number)
                previous = line
                continue
        out.append((number, list(cells)))
        previous = line
    if not joined:
        return rows, []
    for index, held in pieces.items():
        for i, parts in held.items():
            out[index][1][i] = _joined(parts)
    listed = ", ".join(map(str, joined[:10])) + (", ..." if len(joined) > 10 else "")
    return out, [
        f"{len(joined)} row(s) continue the note above them, numbered in '{headers[column]}' "
        f"(row {listed}): each was joined to the note it continues."
    ]
