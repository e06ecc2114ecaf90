"""Dates written inside something: brackets or a marker around them ("(14/03/2016)",
"*14/03/2016"), spaces around their separators ("14 /03/ 2016"), or an open span ("Since
14/03/2016", "14/03/2016 to date", "From March 2016 (ongoing)"), which is dated when it began;
and ISO weeks ("2016-W11", a week from its Monday)."""

import re
from datetime import date, timedelta

from app.chronology.date_forms import Span

_WRAPPED = re.compile(
    r"\(\s*(?P<a>[^()]*\d[^()]*?)\s*\)|\[\s*(?P<b>[^\[\]]*\d[^\[\]]*?)\s*\]"
    r"|\*+\s*(?P<c>[^*]*\d[^*]*?)\s*\**"
)
_SPACED = re.compile(r"\d{1,2}\s*([/.\-])\s*\d{1,2}\s*\1\s*(?:\d{4}|\d{2})")
_OPEN_START = re.compile(
    r"(?:since|from|ongoing\s+(?:from|since)|starting|commencing|beginning)\s+(?P<a>.*\d.*?)"
    r"(?:\s*(?:[(\-\u2013,]\s*)?(?:and\s+)?(?:ongoing|onwards?|to\s+date|to\s+present|present"
    r"|current)\s*\)?)?",
    re.I,
)
_OPEN_END = re.compile(
    r"(?P<a>.*\d.*?)\s*(?:[(\-\u2013,]\s*|to\s+|and\s+)?"
    r"(?:ongoing|onwards?|to\s+date|present|current|still\s+open)\s*\)?",
    re.I,
)
_ISO_WEEK = re.compile(r"(?P<y>\d{4})-?W(?P<w>\d{1,2})(?:-?(?P<d>[1-7]))?", re.I)


def inner_date(s: str) -> str | None:
    """The date inside ``s`` (one line, spaces collapsed), or None when nothing is around it."""
    for pattern in (_WRAPPED, _OPEN_START, _OPEN_END):
        found = pattern.fullmatch(s)
        if found:
            inner = next(v for v in found.groupdict().values() if v is not None)
            return inner.strip(" ,.;")
    if _SPACED.fullmatch(s) and " " in s:
        return "".join(s.split())
    return None


def iso_week(s: str) -> Span | None:
    """An ISO week ("2016-W11": 14 to 20 March 2016), or its day ("2016-W11-1")."""
    found = _ISO_WEEK.fullmatch(s)
    if not found:
        return None
    try:
        monday = date.fromisocalendar(int(found["y"]), int(found["w"]), 1)
    except ValueError:
        return None
    if found["d"]:
        day = monday + timedelta(days=int(found["d"]) - 1)
        return day, day, "day", "day"
    return monday, monday + timedelta(days=6), "approximate", "day"


# Days known by their names in England and Wales ("Christmas Day 2016", "Boxing Day 2016",
# "Easter 2016"): the day itself, or for a season's name the days it is kept.
_NAMED_DAY = re.compile(
    r"(?P<n>christmas\s+eve|christmas\s+day|christmas|boxing\s+day|new\s+year'?s\s+eve"
    r"|new\s+year'?s\s+day|good\s+friday|easter\s+sunday|easter\s+monday|easter)"
    r"(?:\s+(?:of|in))?\s*,?\s*(?P<y>\d{4})",
    re.I,
)
_FIXED_DAYS = {"christmas eve": (12, 24), "christmas day": (12, 25), "boxing day": (12, 26),
               "new years eve": (12, 31), "new years day": (1, 1)}  # fmt: skip


def _easter(year: int) -> date:
    """Easter Sunday (the Gregorian calendar's computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    f = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * f) // 451
    month, day = divmod(h + f - 7 * m + 114, 31)
    return date(year, month, day + 1)


def named_day(s: str) -> tuple[date, date, bool] | None:
    """(first day, last day, whether it is one day exactly) of a day written by its name and
    year; "Christmas 2016" is Christmas Eve to Boxing Day, "Easter 2016" Good Friday to Easter
    Monday (some day then, not known exactly); None for anything else."""
    m = _NAMED_DAY.fullmatch(s)
    if m is None:
        return None
    name = " ".join(m["n"].lower().replace("'", "").split())
    year = int(m["y"])
    if name in _FIXED_DAYS:
        day = date(year, *_FIXED_DAYS[name])
        return day, day, True
    if name == "christmas":
        return date(year, 12, 24), date(year, 12, 26), False
    sunday = _easter(year)
    if name == "easter":
        return sunday - timedelta(days=2), sunday + timedelta(days=1), False
    day = sunday + timedelta(days={"good friday": -2, "easter sunday": 0, "easter monday": 1}[name])
    return day, day, True


# Two days joined ("14/03/2016 & 15/03/2016", "14/03/2016 and 16/03/2016").
_JOINED = re.compile(r"(?P<a>[^&+]*\d[^&+]*?)\s*(?:&|\+|\band\b)\s*(?P<b>[^&+]*\d[^&+]*)", re.I)


def joined_days(s: str) -> tuple[str, str] | None:
    """The two dates of two days written joined by "&" or "and"."""
    m = _JOINED.fullmatch(s)
    return (m["a"], m["b"]) if m else None
