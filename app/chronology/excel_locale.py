"""A UK chronology opened in an Excel set to US dates and saved again: every date Excel could
read month first (03/04/2016) became a date cell with its day and month swapped (4 March);
those it could not (14/03/2016) stayed text. A date column holding only such text dates (the
first number over 12) beside date cells whose day is never over 12 shows it: the date cells
are read day first again, and flagged so that someone checks them."""

import re
from datetime import date, datetime

_TYPED = re.compile(r"\s*(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})\b")


def swapped_by_excel(raw_dates: list, kinds: set[type]) -> dict[int, tuple[date, str]]:
    """Row index -> (the date as written, why it is in doubt) for the date cells of a column
    that Excel turned month first; empty when the column does not show it."""
    if str not in kinds or not kinds & {date, datetime}:
        return {}
    cells, typed = [], 0
    for k, value in enumerate(raw_dates):
        if isinstance(value, date):
            if value.day > 12:
                return {}  # a day Excel could not have swapped: the cells are as typed
            if value.day != value.month:
                cells.append(k)
        elif value.__class__ is str:
            m = _TYPED.match(value)
            if m:
                if int(m[1]) <= 12:
                    return {}  # a date Excel would have turned into a cell stayed text
                typed += 1
    if len(cells) < 2 or not typed:
        return {}
    found = {}
    for k in cells:
        cell = raw_dates[k]
        try:
            written = cell.replace(month=cell.day, day=cell.month)
        except ValueError:
            return {}
        found[k] = (
            written,
            f"this date cell holds {_long(cell)}, but the column's typed dates are day first, "
            f"and an Excel set to US dates turns {written:%d/%m/%Y} into {_long(cell)}: read "
            f"as {_long(written)}; check the date",
        )
    return found


def _long(day: date) -> str:
    return f"{day.day} {day:%B %Y}"
