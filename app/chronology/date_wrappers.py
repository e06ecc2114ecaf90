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
