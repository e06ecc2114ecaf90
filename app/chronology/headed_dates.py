"""Dates written without their year (or month and year) under a heading row giving them: a row
"2016" over rows dated "14 Mar", "3 Apr"; a row "March 2016" over rows dated "Mon 14th". Diaries
and histories typed by hand are laid out so. The heading is left out and each date under it is
read with what the heading gives; a date that is whole already is read as written. A month
heading over whole dates of that month ("March 2016" over "14/03/2016"), or a year row over
whole dates of that year (a banner "2016" a hand-made chronology puts between its years), is
left out too: it only groups them. A year row over dates of other years stays an entry."""

from typing import Any

from app.chronology.date_forms import says_as_above
from app.chronology.dates import parse_date
from app.chronology.layout import LeftOut, filled

REASON = "a heading giving the month or year of the dates under it"


def _heading(cells: list[Any]) -> tuple[int, str, str] | None:
    """(column, text, precision) of a row holding only a month and year or a year."""
    lone = [(i, v) for i, v in enumerate(cells) if filled(v)]
    if len(lone) != 1:
        return None
    column, value = lone[0]
    if isinstance(value, float) and value.is_integer():
        value = str(int(value))
    if value.__class__ is not str or len(value) > 20:
        return None
    precision = parse_date(value).precision
    return (column, value.strip(), precision) if precision in ("month", "year") else None


def _completed(value: Any, heading: str, precision: str) -> str:
    """The date with the heading's month and year (or year) added, or "" when that does not
    make a day, or when it is a whole date already."""
    if value.__class__ is not str or not value.strip() or parse_date(value).ok:
        return ""
    text = value.strip()
    tries = [f"{text} {heading}"] + ([f"{text}/{heading}"] if precision == "year" else [])
    return next((t for t in tries if parse_date(t).precision == "day"), "")


def _within(value: Any, period) -> bool:
    """The value is a whole date inside the heading's period."""
    parsed = parse_date(value)
    return parsed.precision == "day" and period.start <= parsed.start <= period.end


def dates_from_headings(
    rows: list[tuple[int, list[Any]]], filled_counts: list[int]
) -> tuple[list[tuple[int, list[Any]]], list[LeftOut], list[str]]:
    """The rows with the headings left out and the dates under them completed, the headings
    left out, and a note."""
    if 1 not in filled_counts:
        return rows, [], []
    heads = [(i, h) for i, (_n, cells) in enumerate(rows) if (h := _heading(cells))]
    if not heads:
        return rows, [], []
    changed: dict[int, list[Any]] = {}
    dropped: list[LeftOut] = []
    bounds = [i for i, _h in heads] + [len(rows)]
    for (start, (column, heading, precision)), end in zip(heads, bounds[1:], strict=True):
        under = [(i, rows[i][1]) for i in range(start + 1, end) if column < len(rows[i][1])]
        done = {i: _completed(cells[column], heading, precision) for i, cells in under}
        dated = [
            i for i, cells in under if filled(cells[column]) and not says_as_above(cells[column])
        ]
        completed = sum(1 for t in done.values() if t)
        if dated and 2 * completed < len(dated):
            period = parse_date(heading)
            inside = sum(1 for i, cells in under if not done[i] and _within(cells[column], period))
            if completed + inside < len(dated):
                continue
        if not dated:
            continue
        dropped.append(LeftOut(rows[start][0], REASON, heading))
        for i, text in done.items():
            if text:
                cells = list(rows[i][1])
                cells[column] = text
                changed[i] = cells
        changed[start] = []
    if not dropped:
        return rows, [], []
    kept = [
        (number, changed.get(i, cells))
        for i, (number, cells) in enumerate(rows)
        if changed.get(i) != []
    ]
    note = (
        f"{len(dropped)} heading row(s) give the month or year of the dates under them "
        f"(row {', '.join(str(d.row) for d in dropped[:10])}); those dates are read with it."
    )
    return kept, dropped, [note]
