"""A diary kept a week to a row: the day the week begins (or ends) in one column ("Week
commencing", "w/c", "Week beginning", "Week ending"), then a column for each day of the week
("Monday" ... "Sunday", "Mon" ... "Sun") holding what happened that day. Read as it stands,
every entry would take the week's first day. Each day's text is made an entry of its own,
dated that day; only the headings are looked at to decide, so other tables cost nothing."""

import re
from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import Any

from app.chronology.date_order import column_orders
from app.chronology.dates import parse_date
from app.chronology.types import SheetTable

# The week's column, by its heading (as written, spaces and case aside).
_WEEK_START = re.compile(
    r"(?:(?:the\s+)?week\s*(?:commencing|beginning|starting|start|from)|w\s*/\s*c|w\.?\s*c\.?|"
    r"wk\s*(?:comm?|beg|commencing|beginning|starting))(?:\s+(?:date|on|monday))?",
    re.I,
)
_WEEK_END = re.compile(
    r"(?:(?:the\s+)?week\s*(?:ending|ended|end|to)|w\s*/\s*e|w\.?\s*e\.?|wk\s*(?:end|ending))"
    r"(?:\s+(?:date|on|sunday|friday))?",
    re.I,
)
_DAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tues": 1, "tue": 1, "wednesday": 2, "wed": 2,
    "weds": 2, "thursday": 3, "thurs": 3, "thur": 3, "thu": 3, "friday": 4, "fri": 4,
    "saturday": 5, "sat": 5, "sunday": 6, "sun": 6,
    # Welsh, with the word for day before it, as a bilingual diary heads its columns
    "dydd llun": 0, "dydd mawrth": 1, "dydd mercher": 2, "dydd iau": 3, "dydd gwener": 4,
    "dydd sadwrn": 5, "dydd sul": 6,
}  # fmt: skip
DATE_HEADING = "Date (the day of the week)"
ENTRY_HEADING = "Entry (the day's column)"


def _key(heading: str) -> str:
    return " ".join(str(heading).replace(".", " ").split()).casefold()


def _written(value: Any) -> bool:
    return value is not None and (value.__class__ is not str or bool(value.strip()))


def _day_columns(headers: list[str]) -> dict[int, int]:
    """The columns headed by a day of the week (column -> 0 for Monday ... 6 for Sunday)."""
    found = {}
    for index, heading in enumerate(headers):
        day = _DAYS.get(_key(heading))
        if day is not None:
            found[index] = day
    return found


def week_days(table: SheetTable, date_order: str | None = None) -> SheetTable:
    """``table`` with a row for each day written when it is a diary kept a week to a row (see
    the module); else ``table`` itself. ``date_order``: the order the user chose, if any."""
    days = _day_columns(table.headers)
    if len(set(days.values())) < 5:
        return table
    week = next(
        (
            (i, _WEEK_END.fullmatch(_key(h)) is not None)
            for i, h in enumerate(table.headers)
            if i not in days and (_WEEK_START.fullmatch(_key(h)) or _WEEK_END.fullmatch(_key(h)))
        ),
        None,
    )
    if week is None:
        return table
    column, ends = week
    width = len(table.headers)
    values = [cells[column] if column < len(cells) else None for _n, cells in table.rows]
    order, _orders = column_orders([values], date_order, [table.headers[column]])
    first = min(days)
    keep = [i for i in range(width) if i not in days and i != column]
    before = [i for i in keep if i < first]
    after = [i for i in keep if i > first]
    headers = [
        *[table.headers[i] for i in before],
        DATE_HEADING,
        ENTRY_HEADING,
        *[table.headers[i] for i in after],
    ]
    rows: list[tuple[int, list[Any]]] = []
    unread: list[int] = []
    for (number, cells), written in zip(table.rows, values, strict=True):
        padded = [*cells, *[None] * (width - len(cells))]
        head = [padded[i] for i in before]
        tail = [padded[i] for i in after]
        read = parse_date(written, order=order.order) if _written(written) else None
        bound = read.start if read is not None and read.ok else None
        if bound is not None and (read.precision != "day" or read.start != read.end):
            bound = None
        if isinstance(bound, datetime):
            bound = bound.date()
        filled = [i for i in sorted(days) if _written(padded[i])]
        if not filled:  # nothing that week: the row as it is, for the usual checks
            rows.append((number, [*head, written, None, *tail]))
            continue
        for i in filled:
            day = days[i]
            if bound is None:  # the week not read as a day: its text, the day named
                unread.append(number)
                text = f"{' '.join(str(table.headers[i]).split())}: {padded[i]}"
                rows.append((number, [*head, written, text, *tail]))
                continue
            rows.append((number, [*head, _in_week(bound, day, ends), padded[i], *tail]))
    heading = " ".join(str(table.headers[column]).split())
    named = ", ".join(" ".join(str(table.headers[i]).split()) for i in sorted(days))
    note = (
        f"A diary kept a week to a row: '{heading}', then a column for each day ({named}). "
        "Each day's text is an entry of its own, dated that day."
    )
    if unread:
        shown = ", ".join(map(str, sorted(set(unread))[:10]))
        note += (
            f" Row(s) {shown}: the week's date could not be read as a day, so their entries "
            "keep the week as written, with the day's name before their text."
        )
    return replace(table, headers=headers, rows=rows, notes=[*table.notes, note])


def _in_week(bound: date, day: int, ends: bool) -> date:
    """The date of ``day`` (0 for Monday) in the week beginning (or, ``ends``, ending) on
    ``bound``."""
    if ends:
        return bound - timedelta(days=(bound.weekday() - day) % 7)
    return bound + timedelta(days=(day - bound.weekday()) % 7)
