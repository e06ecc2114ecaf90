"""A multiple-choice question a survey or form tool exports as one column per choice: the
question's heading over the first of them, each choice named in the row of sub-headings, and a
cell filled (with the choice's name, or a tick) where that choice was made. Read as one column
holding the choices made."""

from __future__ import annotations

from typing import Any

from app.chronology.layout import filled

_TICKS = frozenset({"1", "x", "yes", "y", "true", "\u2713", "\u2714", "ticked", "selected"})


def _text(value: Any) -> str:
    return " ".join(str(value).split()) if filled(value) else ""


def _groups(top: list[Any], lower: list[Any], width: int) -> list[tuple[int, int]]:
    """(first, last) column of each heading standing over two or more named sub-columns."""
    groups = []
    i = 0
    while i < width:
        if filled(top[i]) and filled(lower[i]):
            j = i + 1
            while j < width and not filled(top[j]) and filled(lower[j]):
                j += 1
            if j - i >= 2:
                groups.append((i, j - 1))
            i = j
        else:
            i += 1
    return groups


def _chosen(cell: Any, choice: str) -> bool | None:
    """Whether the cell says the choice was made (None: it says something else)."""
    if not filled(cell):
        return False
    text = _text(cell).casefold()
    return True if text == choice.casefold() or text in _TICKS else None


def choice_columns(
    header_cells: list[list[Any]], headers: list[str], rows: list[tuple[int, list[Any]]]
) -> tuple[list[tuple[int, list[Any]]], list[str], list[str]]:
    """Rows and headers with each question's choice columns made one column; and a note."""
    if len(header_cells) != 2:
        return rows, headers, []
    top, lower = header_cells
    width = min(len(top), len(lower), len(headers))
    notes = []
    for first, last in reversed(_groups(top, lower, width)):
        choices = [_text(lower[i]) for i in range(first, last + 1)]
        made = 0
        for _number, cells in rows:
            said = [_chosen(cells[i] if i < len(cells) else "", c) for i, c in
                    zip(range(first, last + 1), choices, strict=True)]  # fmt: skip
            if None in said:
                break
            made += any(said)
        else:
            if not made:
                continue
            question = _text(top[first])
            merged = []
            for number, cells in rows:
                picked = [c for i, c in zip(range(first, last + 1), choices, strict=True)
                          if i < len(cells) and filled(cells[i])]  # fmt: skip
                merged.append((number, [*cells[:first], "; ".join(picked), *cells[last + 1 :]]))
            rows = merged
            headers = [*headers[:first], question, *headers[last + 1 :]]
            notes.append(
                f"The choices of '{question}' ({', '.join(choices)}) are exported in a column "
                "each; they are read as one column holding the choice made."
            )
    return rows, headers, notes[::-1]
