"""A date written over columns of their own: Day, Month, Year (or DD, MM, YYYY; or Month and
Year alone), as hand-built chronologies and some database extracts keep it; or largest first,
as a dashboard's date hierarchy is exported: Year, Quarter, Month, Day. The columns are read
as one date column, so that the year is never taken for the event's date on its own."""

import re
from typing import Any

from app.chronology.dates import _MONTHS

_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]  # fmt: skip

_DAY = {"day", "dd", "d"}
_MONTH = {"month", "mm", "mon", "mth", "m"}
_YEAR = {"year", "yyyy", "yy", "yr"}
_QUARTER = {"quarter", "qtr", "q"}
_LAST_WORD = re.compile(r"([a-z]+)\W*$")
_ORDINAL = re.compile(r"(\d{1,4})(?:st|nd|rd|th)?", re.I)


def _kind(heading: str) -> str:
    m = _LAST_WORD.search(heading.lower())
    word = m[1] if m else ""
    if word in _QUARTER:
        return "q"
    return "d" if word in _DAY else "m" if word in _MONTH else "y" if word in _YEAR else ""


def _number(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)) and float(value).is_integer():
        return int(value)
    if isinstance(value, str):
        m = _ORDINAL.fullmatch(value.strip())
        return int(m[1]) if m else None
    return None


def _month(value: Any) -> str | None:
    n = _number(value)
    if n is None and isinstance(value, str):
        n = _MONTHS.get(value.strip().rstrip(".").lower())
    return _NAMES[n - 1] if n is not None and 1 <= n <= 12 else None


def _year(value: Any) -> str | None:
    n = _number(value)
    if n is None or not (1900 <= n <= 2100 or (0 <= n <= 99 and len(str(value).strip()) == 2)):
        return None
    return str(value).strip() if n < 100 else str(n)


def _empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _date_text(cells: list[Any], columns: tuple[int, ...]) -> tuple[str, bool]:
    """The date the parts write ("3 April 2016", "April 2016") and whether they read as one."""
    values = [cells[i] for i in columns]
    if all(map(_empty, values)):
        return "", True
    *day, month, year = values
    parts = [_number(day[0]) if day else None, _month(month), _year(year)]
    good = (not day or parts[0] is not None and 1 <= parts[0] <= 31) and None not in parts[1:]
    if not good:
        return " ".join(str(v).strip() for v in values if not _empty(v)), False
    return " ".join(str(p) for p in parts if p is not None), True


# The shapes, longest first: the columns as written, and where in them the day, month and
# year are (a quarter between the year and the month says nothing the month does not).
_SHAPES = (("yqmd", (3, 2, 0)), ("dmy", (0, 1, 2)), ("ymd", (2, 1, 0)), ("yqm", (2, 0)),
           ("my", (0, 1)), ("ym", (1, 0)))  # fmt: skip


def _groups(headers: list[str]) -> list[tuple[tuple[int, ...], int, int]]:
    """Each group of date-part columns: its columns in the order day, month, year (month,
    year), and the first and last column it covers."""
    kinds = "".join(_kind(h) or "." for h in headers)
    if kinds.count(".") == len(kinds):
        return []
    found, i = [], 0
    while i < len(kinds):
        for shape, order in _SHAPES:
            if kinds.startswith(shape, i):
                found.append((tuple(i + k for k in order), i, i + len(shape) - 1))
                i += len(shape) - 1
                break
        i += 1
    return found


def joined_date_parts(
    headers: list[str], rows: list[tuple[int, list[Any]]]
) -> tuple[list[tuple[int, list[Any]]], list[str], list[str]]:
    """Rows and headers with each Day/Month/Year group of columns made one date column, when
    at least four in five of the rows holding them read as a date; and a note."""
    # Month and Year beside a column of dates are the dates' own month and year (a report's
    # columns for sorting), never a date of their own.
    dated = any("date" in h.lower() for h in headers)
    groups = [
        (g, first, last)
        for g, first, last in _groups(headers)
        if not (dated and len(g) == 2) and _readable(rows, g)
    ]
    if not groups:
        return rows, headers, []
    notes = []
    for group, first, last in reversed(groups):
        names = [headers[i] for i in range(first, last + 1)]
        heading = f"Date ({', '.join(names)})"
        rows = [
            (number, [*cells[:first], _date_text(cells, group)[0], *cells[last + 1 :]])
            for number, cells in rows
        ]
        headers = [*headers[:first], heading, *headers[last + 1 :]]
        notes.append(
            f"The date is written over the columns {', '.join(names)}; they are read together "
            f"as one date (column '{heading}')."
        )
    return rows, headers, notes[::-1]


def _readable(rows: list[tuple[int, list[Any]]], group: tuple[int, ...]) -> bool:
    filled = good = 0
    for _number, cells in rows:
        if len(cells) <= max(group):
            continue
        text, ok = _date_text(cells, group)
        if text:
            filled += 1
            good += ok
    return filled >= 2 and 5 * good >= 4 * filled
