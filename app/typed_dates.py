"""A date as people type it, in the window and on the command line: one reader, one message."""

import calendar
import re
from datetime import date, datetime

_FORMATS = ("%d/%m/%Y", "%d/%m/%y", "%d.%m.%Y", "%d-%m-%Y", "%Y-%m-%d", "%d %b %Y", "%d %B %Y")
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4}|\d{2})")
_YEAR_MONTH_DAY = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


def read_typed_date(text: str) -> date | None:
    """15/03/2026, 15/3/26, 15.03.2026, 2026-03-15, 15 Mar 2026, 15 March 2026; None if empty.

    Raises ValueError with a message to show as it is: what is wrong, and how to type it."""
    text = " ".join(text.split())
    if not text:
        return None
    for fmt in _FORMATS:
        try:
            parsed = datetime.strptime(text, fmt).date()
        except ValueError:
            continue
        if parsed.year >= 1900:
            return parsed
    raise ValueError(_why_not(text))


def _why_not(text: str) -> str:
    example = "Type it as day/month/year, e.g. 31/03/2024."
    found = _DAY_MONTH_YEAR.fullmatch(text)
    if found:
        day, month, year = (int(part) for part in found.groups())
        if len(found[3]) == 2:
            year += 2000
    else:
        found = _YEAR_MONTH_DAY.fullmatch(text)
        if not found:
            return f"'{text}' is not a date. {example}"
        year, month, day = (int(part) for part in found.groups())
    if not 1 <= month <= 12:
        return f"'{text}' is not a date: there is no month {month}. {example}"
    if year < 1900:
        return f"'{text}' is not a date ReviewDesk keeps: the year {year} is before 1900."
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        name = calendar.month_name[month]
        return f"'{text}' is not a real date: {name} {year} has {last} days."
    return f"'{text}' is not a date. {example}"
