"""Entries written on two rows: a line with the date, type and author, then the note's text on
the row under it, alone (often merged across the table). Case-note prints and some reports lay
notes out this way. The text is joined to the row above as a column of its own, so that the
columns are recognised as for any other table, and the report says so."""

from typing import Any

from app.chronology.layout import filled, is_date_like, short_column

TEXT_BELOW = "Text on the row below"


def text_is_below(rows: list[tuple[int, list[Any]]], filled_counts: list[int]) -> bool:
    """Most rows with a date have text alone on the row under them, in a column that holds
    dates or short values in the dated rows (text under the narrative's own column continues
    the entry above instead)."""
    if 3 * filled_counts.count(1) < len(filled_counts):  # a third of the rows at least
        return False
    shape = _shapes(rows, {})
    dated = shape.count("dated")
    followed = sum(
        1 for i, kind in enumerate(shape[:-1]) if kind == "dated" and shape[i + 1] == "text"
    )
    if dated < 2:
        return False
    # A note under half of the dated rows is enough when the lines alone read as notes; short
    # lines alone ("POLICE", a footer) under half of them are group headings between runs of
    # entries, so two thirds of the dated rows must have one.
    alone = [
        len(next(str(v) for v in cells if filled(v)))
        for (_n, cells), kind in zip(rows, shape, strict=True)
        if kind == "text"
    ]
    share = 2 if sum(alone) >= 25 * len(alone) else 3 / 2
    return share * followed >= dated


def _shapes(rows: list[tuple[int, list[Any]]], short: dict[int, bool]) -> list[str]:
    shape = []  # "dated", "text" or "" for each row
    for _number, cells in rows:
        values = [(i, v) for i, v in enumerate(cells) if filled(v)]
        if (
            len(values) == 1
            and values[0][1].__class__ is str
            and not is_date_like(values[0][1])
            and short_column(values[0][0], rows, short)
        ):
            shape.append("text")
        elif len(values) >= 2 and any(is_date_like(v) for _i, v in values):
            shape.append("dated")
        else:
            shape.append("")
    return shape


def join_rows_below(
    rows: list[tuple[int, list[Any]]], headers: list[str]
) -> tuple[list[tuple[int, list[Any]]], list[str], list[str]]:
    """Each row's text alone on the row(s) under it is added to it as one more column.
    Returns the rows, the headers and a note."""
    shape = _shapes(rows, {})
    runs_on = _notes_run_on(rows, shape)
    joined: list[tuple[int, list[Any]]] = []
    moved: list[int] = []
    width = len(headers)
    for (number, cells), kind in zip(rows, shape, strict=True):
        if kind == "text" and joined:
            text = next(str(v).strip() for v in cells if filled(v))
            above = joined[-1][1]
            at = _last_filled(above) if runs_on else width
            above[at] = f"{above[at]}\n{text}" if above[at] else text
            moved.append(number)
            continue
        joined.append((number, cells if runs_on else [*cells, ""]))
    listed = ", ".join(map(str, moved[:10])) + (", ..." if len(moved) > 10 else "")
    if runs_on:
        note = (
            f"Notes run on over the next line ({len(moved)} rows: {listed}), as when an export "
            "leaves the line breaks inside a note unquoted; each is joined to the note above."
        )
        return joined, headers, [note]
    note = (
        f"Each entry's text is on the row under its date ({len(moved)} rows: {listed}); "
        f"it is read as the column '{TEXT_BELOW}' of the row above."
    )
    return joined, [*headers, TEXT_BELOW], [note]


def _last_filled(cells: list[Any]) -> int:
    return max(i for i, v in enumerate(cells) if filled(v))


def _notes_run_on(rows: list[tuple[int, list[Any]]], shape: list[str]) -> bool:
    """The dated rows already end in a note of their own (50 characters on average): the text
    alone on the line under one is the rest of that note, not a note of its own."""
    lengths = [
        len(str(cells[_last_filled(cells)]))
        for (_n, cells), kind in zip(rows, shape, strict=True)
        if kind == "dated"
    ]
    return bool(lengths) and sum(lengths) >= 50 * len(lengths)
