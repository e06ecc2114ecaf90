"""Reading the dates agencies write in chronologies: UK day-first, exact or approximate."""

import calendar
import math
import re
from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from time import monotonic

from app.chronology import date_forms, date_wrappers
from app.chronology.types import ParsedDate

MIN_YEAR = 1900
MAX_YEAR = 2100

_EXCEL_EPOCH = date(1899, 12, 30)  # serial 61 and later (Excel's fictitious 29/02/1900 is 60)
_MAX_SERIAL = (date(MAX_YEAR, 12, 31) - _EXCEL_EPOCH).days

_MONTHS = {
    "jan": 1,
    "january": 1,
    "feb": 2,
    "february": 2,
    "mar": 3,
    "march": 3,
    "apr": 4,
    "april": 4,
    "may": 5,
    "jun": 6,
    "june": 6,
    "jul": 7,
    "july": 7,
    "aug": 8,
    "august": 8,
    "sep": 9,
    "sept": 9,
    "september": 9,
    "oct": 10,
    "october": 10,
    "nov": 11,
    "november": 11,
    "dec": 12,
    "december": 12,
}
# Welsh (a Welsh-language chronology writes "14 Mawrth 2016"), with the usual abbreviations.
_MONTHS.update(
    {
        name: number
        for number, names in enumerate(
            [
                ("ionawr", "ion"),
                ("chwefror", "chwef"),
                ("mawrth", "maw", "fawrth"),
                ("ebrill", "ebr"),
                ("mai", "fai"),
                ("mehefin", "meh", "fehefin"),
                ("gorffennaf", "gorff", "orffennaf"),
                ("awst",),
                ("medi", "fedi"),
                ("hydref", "hyd"),
                ("tachwedd", "tach", "dachwedd"),
                ("rhagfyr", "rhag", "ragfyr"),
            ],  # fmt: skip
            start=1,
        )
        for name in names
    }
)
_MONTH_NAMES = [""] + [calendar.month_name[i] for i in range(1, 13)]
_DAYS_IN_MONTH = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _days_in(year: int, month: int) -> int:
    if month == 2 and year % 4 == 0 and (year % 100 != 0 or year % 400 == 0):
        return 29
    return _DAYS_IN_MONTH[month]


_MON = (
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
    r"|ion(?:awr)?|chwef(?:ror)?|maw(?:rth)?|ebr(?:ill)?|mai|meh(?:efin)?|gorff(?:ennaf)?|awst"
    r"|medi|hyd(?:ref)?|tach(?:wedd)?|rhag(?:fyr)?"
    # after "o" ("14eg o Fawrth 2016") a Welsh month is softened
    r"|fawrth|fai|fehefin|orffennaf|fedi|dachwedd|ragfyr)\.?"
)
_WEEKDAY = (
    r"(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    r"|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\.?,?\s+)?"
)
# 1st; in Welsh 1af, 2il or 2ail, 3ydd, 5ed, 7fed, 11eg, 21ain.
_ORDINAL = r"(?:st|nd|rd|th|af|ail|il|ydd|ed|fed|eg|ain)?"
_DAY = r"(?P<d>\d{1,2})" + _ORDINAL
_YEAR = r"(?P<y>\d{4}|'?\d{2})"
# An optional time after a date: "14:30", "14.30", "14:30:00", "2.30pm", "2pm", "at 14:30".
# "14/03/2016 - 10:32" and a 24-hour time in four figures ("14/03/16 1432", "1432hrs").
_TIME = (
    r"(?:\s*(?:,|\bat\b|@|(?P<iso>t)|-|\u2013|:(?=\d)|\bam(?=\s+\d))?\s*"
    r"(?:(?P<h>\d{1,2})[:.](?P<mi>\d{2})(?:[:.](?P<se>\d{2})(?:[.:]\d{1,9})?)?"
    r"|(?P<h2>\d{1,2})(?=\s*[ap])|(?<=\s)(?P<h3>[01]\d|2[0-3])(?P<mi3>[0-5]\d)(?=\s*h|\s*$))"
    r"\s*(?P<ap>[ap]\.?m\.?)?(?:\s*hrs?)?"
    # A zone after the time, as systems that keep UTC write it: "Z", "UTC", "+01:00", "BST",
    # and as a browser prints a date: "GMT+0100 (British Summer Time)".
    r"(?:\s*(?P<z>gmt[+-]\d{4}(?:\s*\([a-z .]{2,40}\))?|z|utc|gmt|bst|[+-]\d{2}(?::?\d{2})?))?)?"
)

_I = re.IGNORECASE
# The common exact forms first: 02/01/2008, 2/1/08, 02-01-2008, 02.01.2008 (+ a time).
_DMY = re.compile(r"(?P<d>\d{1,2})([/.\-])(?P<m>\d{1,2})\2(?P<y>\d{4}|\d{2})" + _TIME, _I)
_YMD = re.compile(r"(?P<y>\d{4})([/.\-])(?P<m>\d{1,2})\2(?P<d>\d{1,2})" + _TIME, _I)
_D_MON_Y = re.compile(
    _WEEKDAY + _DAY + r"(?:\s+of|\s+o)?[\s\-/.]*" + _MON + r"[\s\-/.,]*" + _YEAR + _TIME, _I
)
_MON_D_Y = re.compile(_WEEKDAY + _MON + r"\s*" + _DAY + r",?\s+(?P<y>\d{4})" + _TIME, _I)
_D_MON = re.compile(_WEEKDAY + _DAY + r"(?:\s+of|\s+o)?[\s\-/.]*" + _MON, _I)
_MON_Y = re.compile(_MON + r"(?:[\s,\-/.']*(?P<y>\d{4})|[\s\-']+(?P<yy>\d{2}))", _I)
_M_Y = re.compile(r"(?P<m>\d{1,2})[/.\-](?P<y>\d{4})")
_UNKNOWN_DAY = re.compile(r"(?:\?{1,2}|x{1,2})[/.\-](?P<m>\d{1,2})[/.\-](?P<y>\d{4}|\d{2})", _I)
_RANGE = re.compile(
    r"(?:between\s+|from\s+)?(?P<a>.+?)(?:\s+(?:-|\u2013|to|until|and)\s+"
    r"|(?<=[\da-z])[-\u2013](?=[\da-z]))(?P<b>.+)",  # "14/03/2016-18/03/2016", "March-April"
    _I,
)
# Two whole dates either side of an arrow (as work-management tools write a date range) or of a
# spaced dash, split there first: "2016-03-14 - 2016-03-16" has dashes inside its dates too.
_SPACED_RANGE = re.compile(r"(?P<a>\S.*?)\s*(?:\u2192|->|\s[-\u2013]\s)\s*(?P<b>\S.+)")
# "3-5 May 2016", "between 3rd and 5th May 2016", "14/15 May 2016": days of one month.
_DAY_RANGE = re.compile(
    r"(?:between\s+|from\s+)?(?P<d1>\d{1,2})" + _ORDINAL + r"\s*(?:-|\u2013|to|and|&|/)\s*"
    r"(?P<d2>\d{1,2})" + _ORDINAL + r"\s+(?P<rest>[a-z]+\.?,?\s+\d{4})",
    _I,
)
# "3-5/4/2016", "20-21/06/16": days of one month in figures, the month and year after the last.
_DAY_RANGE_FIGURES = re.compile(
    r"(?P<d1>\d{1,2})\s*(?:-|\u2013|&)\s*(?P<d2>\d{1,2})(?P<rest>([/.])\d{1,2}\4(?:\d{4}|\d{2}))"
)
# One month or another: "March/April 2016", "Mar/Apr 2016".
_MONTHS_OR = re.compile(r"(?P<a>[a-z]{3,9}\.?)\s*/\s*(?P<b>[a-z]{3,9}\.?)\s+(?P<y>\d{4})", _I)
# Two months over the turn of a year with both years: "Nov-Feb 2016/17", "Dec/Jan 16/17".
_MONTHS_ACROSS = re.compile(
    r"(?P<a>[a-z]{3,9})\.?\s*(?:/|-|\u2013|\s(?:to|and|or)\s)\s*(?P<b>[a-z]{3,9})\.?\s+"
    r"(?P<y>\d{4}|\d{2})\s*[/\-\u2013]\s*(?P<n>\d{4}|\d{2})",
    _I,
)
# A week of a month: "first week of June 2016", "2nd week in May 2016", "last week of July".
_WEEK_NUMBERS = {"first": 0, "1st": 0, "second": 1, "2nd": 1, "third": 2, "3rd": 2,
                 "fourth": 3, "4th": 3, "last": -1, "final": -1}  # fmt: skip
_WEEK_OF_MONTH = re.compile(
    r"(?:the\s+)?(?P<n>first|1st|second|2nd|third|3rd|fourth|4th|last|final)\s+week\s+(?:of|in)"
    r"\s+(?P<rest>[a-z]+\.?\s+\d{4})",
    _I,
)
# A day with a time span: "14/03/2016 10:00 - 11:30" starts at 10:00.
_TIME_SPAN = re.compile(
    r"(?P<a>.+?\d[:.]\d{2}\s*(?:[ap]\.?m\.?)?)\s*(?:-|\u2013|to|until)\s*"
    r"\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s*hrs?)?",
    _I,
)
# Times from ... to ...: "2.30-3.30pm", "2-3pm", "10-11am", "11.30am - 12.30pm", "14:00hrs-15:00hrs".
_CLOCK_SPAN = re.compile(
    r"(?P<h1>\d{1,2})(?:[:.](?P<m1>\d{2}))?\s*(?P<ap1>[ap]\.?m\.?)?\s*(?:hrs?)?\s*"
    r"(?:-|\u2013|to|until)\s*(?P<h2>\d{1,2})(?:[:.](?P<m2>\d{2}))?\s*(?P<ap2>[ap]\.?m\.?)?"
    r"\s*(?:hrs?)?",
    _I,
)
# A day, then times from ... to ...: "14/03/2016 2.30-3.30pm", "14/03/2016, 2-3pm".
_DAY_CLOCK_SPAN = re.compile(
    r"(?P<a>.+?)[\s,]+(?:at\s+|from\s+|@\s*)?(?P<t>\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?\s*"
    r"(?:hrs?)?\s*(?:-|\u2013|to|until)\s*\d.*)",
    _I,
)


def _span_start(text: str) -> str:
    """The start of a span of times, "" when ``text`` is none. Written without am or pm, the
    start is in the half of the day of the end when that keeps it before the end ("2.30-3.30pm"
    starts at 14:30, "11.30-12.30pm" at 11:30); two figures alone ("3-5") are no times."""
    m = _CLOCK_SPAN.fullmatch(text.strip())
    if m is None or not (m["ap1"] or m["ap2"] or (m["m1"] and m["m2"])):
        return ""
    h1, m1, h2, m2 = int(m["h1"]), int(m["m1"] or 0), int(m["h2"]), int(m["m2"] or 0)
    if m["ap1"] or not m["ap2"]:
        if m["ap1"]:
            if not 1 <= h1 <= 12:
                return ""
            h1 = h1 % 12 + (12 if m["ap1"][0].lower() == "p" else 0)
        return _hhmm(h1, m1)
    if not (1 <= h1 <= 12 and 1 <= h2 <= 12):
        return ""
    half = 12 if m["ap2"][0].lower() == "p" else 0
    end = (h2 % 12 + half) * 60 + m2
    start = (h1 % 12 + half) * 60 + m1
    if start > end:
        start -= 12 * 60 if half else -12 * 60
    return _hhmm(start // 60, start % 60) if 0 <= start < 1440 else ""


# A part of the day after the date: "14/03/2016 am", "14/03/2016 (evening)", "... noon", "...
# at 12 noon" (noon gives the time, the others none; "midnight" after a date is left unread:
# the midnight that starts the day or the one that ends it?).
_PART_OF_DAY = re.compile(
    r"(?P<a>.+?)[\s,\-]+\(?\s*(?:at\s+)?(?P<part>a\.?m\.?|p\.?m\.?|morning|afternoon|evening"
    r"|night|overnight|(?:12\s*)?(?:noon|midday)|lunch\s*time)\s*\)?",
    _I,
)
# A time said to be rough after a date: "approx. 3pm", "at about 7pm", "10:32 (approx)".
_ROUGH_TIME_AFTER = re.compile(
    r"(?P<a>.+?)[\s,]+(?:at\s+|@\s*)?(?P<t>\(?\s*(?:approx\.?|approximately|about|around"
    r"|roughly|c\.|ca\.?|circa|~)\s*\d[^/]*|\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?\s*"
    r"\(?\s*(?:approx\.?|approximately|ish|est\.?)\s*\)?)",
    _I,
)
# A time before the date, as some logs write it: "10:32 14/03/2016", "1032hrs 14/03/2016".
_TIME_FIRST = re.compile(
    r"(?P<t>\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?|(?:[01]\d|2[0-3])[0-5]\d\s*hrs?"
    # Four figures before a date written with separators: a control room's "1032 14/03/16".
    r"|(?:[01]\d|2[0-3])[0-5]\d(?=\s+\d{1,2}(?P<sep>[/.\-])\d{1,2}(?P=sep)\d{2,4}$))"
    r"\s*(?:,|on|-|\u2013)?\s+(?P<rest>\d.+|[a-z]+\.?,?\s+\d.+)",
    _I,
)
_Y_M_OR_FY = re.compile(
    r"(?:fy|financial\s+year)?\s*(?P<y>\d{4})\s*(?P<sep>[/\-])\s*(?P<n>\d{4}|\d{1,2})"
    r"(?:\s+financial\s+year)?",
    _I,
)
_Y = re.compile(r"(?P<y>\d{4})")
# The year and the day of the year (ISO 8601's ordinal date, as older mainframe systems keep
# dates): "2016-074" is 14 March 2016.
_Y_DAY_OF_YEAR = re.compile(r"(?P<y>\d{4})-(?P<n>[0-3]\d\d)" + _TIME, _I)
# A day number as text; a European re-save writes its fraction with a comma ("42445,4375").
_SERIAL_TEXT = re.compile(r"\d{5}(?:[.,]\d+)?")
_PART = re.compile(
    r"(?P<part>early|beginning(?:\s+of)?|start(?:\s+of)?|mid|middle(?:\s+of)?|late"
    r"|end(?:\s+of)?)"
    r"[\s\-]*(?:(?P<mon>[a-z]+)\.?\s+)?(?P<y>\d{4})",
    _I,
)
_SEASON = re.compile(
    r"(?P<season>spring|summer|autumn|fall|winter)\s+(?:of\s+)?(?P<y>\d{4})"
    r"(?:\s*[/\-]\s*(?P<n>\d{2}|\d{4}))?",
    _I,
)
_APPROX_PREFIX = re.compile(
    r"(?:\?+|~|c\.|c(?=\s|\d)|ca\.?(?=\s|\d)|circa\b|approx(?:imately|\.)?|(?:on\s+or\s+)?about\b"
    r"|(?:on\s+or\s+)?around\b"
    r"|abt\.?|est(?:imated|\.)?(?=\s)|roughly\b|some\s*time\s+in\b|possibly\b|probably\b"
    # "Date unknown - 2016", "Unknown date in March 2016", "Not known (2016)"
    r"|(?:exact\s+)?(?:date\s+)?(?:unknown|not\s+known)(?:\s+date)?\s*(?:in\b|[\-\u2013,:(]))\s*",
    _I,
)
_APPROX_SUFFIX = re.compile(
    r"\s*(?:\?+|\(\s*(?:\?|approx\w*\.?|est\w*\.?|circa)\s*\)|\bapprox\w*\.?|\bestimated"
    # "2016 (exact date unknown)", "March 2016 - day not known"
    r"|[(\-\u2013,]\s*(?:exact\s+)?(?:date|day|month)\s+(?:unknown|not\s+known|uncertain)\s*\)?)$",
    _I,
)

# Words before a date that say no more than the date itself ("Date: 12/01/2017", "Dated ...",
# "as at ..." are left alone: a sign-off's or a report's own date, never an entry's).
_SAME_PREFIX = re.compile(r"(?:in|during|throughout|on|the)\s+", _I)
_WEEKEND = re.compile(r"(?:the\s+)?weekend\s+(?:of|beginning|starting|commencing)\s+(?P<a>.+)", _I)
_WEEKEND_DAYS = {4: (0, 2), 5: (0, 1), 6: (-1, 0), 0: (-2, 0)}  # weekday: days before, after


def _weekend(day: date) -> tuple[date, date] | None:
    """The weekend a day names (a Tuesday to a Thursday names none)."""
    if day.weekday() not in _WEEKEND_DAYS:
        return None
    before, after = _WEEKEND_DAYS[day.weekday()]
    return day + timedelta(days=before), day + timedelta(days=after)


_SEASON_MONTHS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11)}
_YEAR_PARTS = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}
_MONTH_PARTS = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}


_new = object.__new__


def _parsed(
    text: str,
    precision: str,
    start: date | None = None,
    end: date | None = None,
    granularity: str = "day",
    time: str = "",
    problem: str = "",
) -> ParsedDate:
    """ParsedDate(...) without the frozen dataclass's __init__, which costs more than reading
    the date itself (an import parses tens of thousands); the result is the same object."""
    parsed = _new(ParsedDate)
    parsed.__dict__.update(
        text=text,
        precision=precision,
        start=start,
        end=end,
        granularity=granularity,
        time=time,
        problem=problem,
    )
    return parsed


def _part_key(part: str) -> str:
    part = part.lower()
    if part.startswith(("early", "beginning", "start", "first")):
        return "early"
    if part.startswith("mid"):
        return "mid"
    return "late"


def _unknown(text: str, problem: str) -> ParsedDate:
    return _parsed(text=text, precision="unknown", problem=problem)


def _month_end(year: int, month: int) -> date:
    return date(year, month, _days_in(year, month))


def _expand_year(digits: str, pivot: int) -> int:
    """A year as written: four digits as they are; two digits 00..pivot are 2000s, else 1900s."""
    digits = digits.lstrip("'")
    year = int(digits)
    if len(digits) == 2:
        year += 2000 if year <= pivot else 1900
    return year


def _span_end(m: re.Match) -> bool:
    """A time followed by "-11:30" is a span's start and end ("14/03/2016 10:00-11:30", as
    booking systems write a session), not a zone eleven and a half hours behind: systems write
    an offset after a time with its seconds or after ISO's "T" ("2016-03-14T10:32:00-05:00"),
    and only the offsets clocks keep."""
    zone = m.group("z")
    if zone[:1] in "+-" and not _REAL_OFFSET.fullmatch(zone):
        return True  # "10:32:00-11:15": no zone is eleven hours and a quarter behind
    return zone.startswith("-") and not (m.group("se") or m.group("iso"))


# The offsets clocks keep: whole hours to -12 and +14, and the half and three-quarter hours in
# use (-09:30, -03:30, -02:30; +03:30 ... +12:45).
_REAL_OFFSET = re.compile(
    r"-(?:0\d|1[0-2])(?::?00)?|-0[239]:?30|\+(?:0\d|1[0-4])(?::?(?:00|30|45))?"
)


def _clock(m: re.Match) -> tuple[int, int] | None:
    """(hour, minute) from a _TIME match; None when there was no time; (-1, -1) when invalid."""
    h, h2, h3 = m.group("h"), m.group("h2"), m.group("h3")
    if h is None and h2 is None and h3 is None:
        return None
    if h3 is not None:
        if m.group("ap"):
            return (-1, -1)  # "1432 pm"
        return (int(h3), int(m.group("mi3")))
    hour = int(h if h is not None else h2)
    minute = int(m.group("mi")) if h is not None else 0
    ap = (m.group("ap") or "").lower()
    if ap:
        if not 1 <= hour <= 12:
            return (-1, -1)
        hour = hour % 12 + (12 if ap.startswith("p") else 0)
    if hour > 23 or minute > 59:
        return (-1, -1)
    return (hour, minute)


def _out_of_range(text: str, year: int) -> ParsedDate:
    return _unknown(
        text,
        f"'{text.strip()}' is outside the years ReviewDesk accepts ({MIN_YEAR}-{MAX_YEAR}): "
        f"check the year ({year})",
    )


def _day(
    raw: str, day: int, month: int, year: int, m: re.Match | None, order: str = "dmy"
) -> ParsedDate:
    """An exact day, checked, with the time of day when one was written."""
    if not 1 <= month <= 12:
        shown = raw.strip()
        if order == "mdy":
            return _unknown(
                raw,
                f"'{shown}' is not a month/day/year date: there is no month {month} "
                "(this file's dates are read month first)",
            )
        return _unknown(
            raw,
            f"'{shown}' is not a day/month/year date: there is no month {month} "
            "(ReviewDesk reads dates day first, as written in the UK)",
        )
    if not MIN_YEAR <= year <= MAX_YEAR:
        return _out_of_range(raw, year)
    last = _days_in(year, month)
    if day == 0:
        return _unknown(raw, f"{raw.strip()} is not a real date: there is no day 0")
    if day > last:
        return _unknown(
            raw,
            f"{raw.strip()} is not a real date: {_MONTH_NAMES[month]} {year} has {last} days",
        )
    when = date(year, month, day)
    # Without a time the last group a pattern matched is the year ("y").
    hour_minute = _clock(m) if m is not None and m.lastgroup != "y" else None
    if hour_minute == (-1, -1):
        return _unknown(raw, f"'{raw.strip()}' has a time of day that does not exist")
    if hour_minute and m.group("z") and not _span_end(m):
        zone = m.group("z")
        if m.group("se") and zone.casefold() == "gmt":
            zone = "utc"  # to the second: a system's clock ("Tue, 21 Jun 2016 15:45:00 GMT")
        when, hour_minute = date_forms.uk_clock(when, *hour_minute, zone)
    hhmm = f"{hour_minute[0]:02d}:{hour_minute[1]:02d}" if hour_minute else ""
    return _parsed(text=raw, precision="day", start=when, end=when, time=hhmm)


def _month(raw: str, month: int, year: int) -> ParsedDate:
    if not 1 <= month <= 12:
        return _unknown(raw, f"'{raw.strip()}' is not a month/year date: there is no month {month}")
    if not MIN_YEAR <= year <= MAX_YEAR:
        return _out_of_range(raw, year)
    return _parsed(
        text=raw,
        precision="month",
        start=date(year, month, 1),
        end=_month_end(year, month),
        granularity="month",
    )


def _year(raw: str, year: int) -> ParsedDate:
    if not MIN_YEAR <= year <= MAX_YEAR:
        return _out_of_range(raw, year)
    return _parsed(
        text=raw,
        precision="year",
        start=date(year, 1, 1),
        end=date(year, 12, 31),
        granularity="year",
    )


def _approximate(raw: str, start: date, end: date, granularity: str) -> ParsedDate:
    return _parsed(text=raw, precision="approximate", start=start, end=end, granularity=granularity)


def _span(raw: str, span: date_forms.Span) -> ParsedDate:
    start, end, precision, granularity = span
    if not (MIN_YEAR <= start.year and end.year <= MAX_YEAR):
        return _out_of_range(raw, start.year)
    return _parsed(text=raw, precision=precision, start=start, end=end, granularity=granularity)


def _exact(raw: str, s: str, pivot: int, order: str, year_kind: str) -> ParsedDate | None:
    """A date without any approximation marker, or None when s is no form ReviewDesk knows."""
    m = _DMY.fullmatch(s)
    if m:  # the commonest form by far: kept lean
        d, _sep, mo, y = m.group(1, 2, 3, 4)
        year = int(y)
        if len(y) == 2:
            year += 2000 if year <= pivot else 1900
        if order == "mdy":
            d, mo = mo, d
        return _day(raw, int(d), int(mo), year, m, order)
    m = _YMD.fullmatch(s)
    if m:
        return _day(raw, int(m["d"]), int(m["m"]), int(m["y"]), m)
    m = _D_MON_Y.fullmatch(s)
    if m:
        month = _MONTHS[m["mon"].lower()]
        return _day(raw, int(m["d"]), month, _expand_year(m["y"], pivot), m)
    m = _MON_D_Y.fullmatch(s)
    if m:
        return _day(raw, int(m["d"]), _MONTHS[m["mon"].lower()], int(m["y"]), m)
    m = _MON_Y.fullmatch(s)
    if m:
        year = int(m["y"]) if m["y"] else _expand_year(m["yy"], pivot)
        return _month(raw, _MONTHS[m["mon"].lower()], year)
    m = _M_Y.fullmatch(s)
    if m:
        return _month(raw, int(m["m"]), int(m["y"]))
    m = _UNKNOWN_DAY.fullmatch(s)
    if m:  # "??/05/2016": the day was not known
        month = _month(raw, int(m["m"]), _expand_year(m["y"], pivot))
        if not month.ok:
            return month
        return _approximate(raw, month.start, month.end, "month")
    # "2016/17" and "2016-17": a school's academic year or otherwise a UK financial year (a
    # wider reading than a month, so an ambiguous "2008-09" never places the event outside
    # what was meant).
    span = date_forms.academic_or_financial_year(s, year_kind)
    if span is not None:
        return _span(raw, span)
    m = _Y_DAY_OF_YEAR.fullmatch(s) if len(s) >= 8 and s[4:5] == "-" else None
    if m:
        year, n = int(m["y"]), int(m["n"])
        if not 1 <= n <= (366 if _days_in(year, 2) == 29 else 365):
            return _unknown(raw, f"{raw} has no day {n} in its year")
        when = date(year, 1, 1) + timedelta(days=n - 1)
        return _day(raw, when.day, when.month, year, m)
    m = _Y_M_OR_FY.fullmatch(s)
    if m:
        year, n = int(m["y"]), m["n"]
        if len(n) <= 2:
            return _month(raw, int(n), year)
        return None
    when = date_forms.compact_day(s)
    if when is None and len(s) == 8 and s.isdigit():
        when = (date_forms.compact_month_first if order == "mdy" else date_forms.compact_day_first)(
            s
        )
    if when is not None:
        return _day(raw, when.day, when.month, when.year, None)
    stamp = date_forms.compact_stamp(s) if len(s) >= 12 and s[:1] in "12" else None
    if stamp is not None:
        day = stamp[0]
        return _parsed(text=raw, precision="day", start=day, end=day, time=stamp[1])
    m = _Y.fullmatch(s)
    if m:
        return _year(raw, int(m["y"]))
    m = _SERIAL_TEXT.fullmatch(s)
    if m:
        parsed = _from_number(float(s.replace(",", ".")))
        return _parsed(
            text=raw,
            precision=parsed.precision,
            start=parsed.start,
            end=parsed.end,
            granularity=parsed.granularity,
            time=parsed.time,
            problem=parsed.problem,
        )
    m = _PART.fullmatch(s)
    if m:
        return _part_of(raw, m)
    span = date_forms.school_term(s)
    if span is not None:
        return _span(raw, span)
    m = _SEASON.fullmatch(s)
    if m:
        return _season(raw, m)
    span = date_forms.quarter(s, False) or date_forms.decade(s)
    if span is not None:
        return _span(raw, span)
    return None


def _part_of(raw: str, m: re.Match) -> ParsedDate | None:
    year = int(m["y"])
    if not MIN_YEAR <= year <= MAX_YEAR:
        return _out_of_range(raw, year)
    part = _part_key(m["part"])
    if m["mon"]:
        month = _MONTHS.get(m["mon"].lower())
        if month is None:
            return None
        first, last = _MONTH_PARTS[part]
        last = min(last, _days_in(year, month))
        return _approximate(raw, date(year, month, first), date(year, month, last), "month")
    first, last = _YEAR_PARTS[part]
    return _approximate(raw, date(year, first, 1), _month_end(year, last), "season")


def _season(raw: str, m: re.Match) -> ParsedDate:
    year = int(m["y"])
    if not MIN_YEAR <= year < MAX_YEAR:
        return _out_of_range(raw, year)
    season = m["season"].lower()
    if m["n"] is not None:
        following = year + 1 if len(m["n"]) == 4 else (year + 1) % 100
        if season != "winter" or int(m["n"]) != following:
            return _unknown(raw, f"'{raw.strip()}' is not a date ReviewDesk can read")
    if season == "winter":
        return _approximate(raw, date(year, 12, 1), _month_end(year + 1, 2), "season")
    first, last = _SEASON_MONTHS[season]
    return _approximate(raw, date(year, first, 1), _month_end(year, last), "season")


_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u200e\u200f"))


# A bilingual template's date, the month in Welsh and in English: "14 Mawrth / March 2016",
# "Mar/Maw 2016" is one month (two months, "March/April 2016", are a span).
_BILINGUAL_MONTH = re.compile(
    r"(?<![A-Za-z])(?P<first>[A-Za-z]{3,10})\.?\s*/\s*(?P<second>[A-Za-z]{3,10})\b"
)


def _one_month(found: re.Match) -> bool:
    first, second = found["first"].lower(), found["second"].lower()
    return first != second and _MONTHS.get(first, 0) == _MONTHS.get(second, -1)


# The days databases and spreadsheets write for "no date": day nought of desktop databases
# (30/12/1899), of Excel (shown 00/01/1900) and of SQL servers and Excel's day 1 (01/01/1900).
# No chronology's entry happened on one of them.
# A day written in figures and nothing else, day first or month first as the file is read
# (what ``_DMY`` reads without a time).
_PLAIN_DAY = re.compile(r"(\d{1,2})([/.\-])(\d{1,2})\2(\d{4})")
ZERO_DAYS = frozenset({date(1899, 12, 30), date(1899, 12, 31), date(1900, 1, 1)})


def _no_date_written(parsed: ParsedDate) -> ParsedDate:
    return _unknown(
        parsed.text,
        f"{parsed.text} is the day a database or spreadsheet writes when it has no date",
    )


@lru_cache(maxsize=32768)
def _parse_text(
    raw: str, pivot: int, order: str = "dmy", year_kind: str = "financial"
) -> ParsedDate:
    plain = _PLAIN_DAY.fullmatch(raw)
    if plain is not None:  # "14/03/2016", by far the commonest text: nothing else to look at
        first, second, year = int(plain[1]), int(plain[3]), int(plain[4])
        day, month = (second, first) if order == "mdy" else (first, second)
        if 1 <= month <= 12 and MIN_YEAR < year <= MAX_YEAR and 1 <= day <= _days_in(year, month):
            when = date(year, month, day)
            return _parsed(text=raw, precision="day", start=when, end=when)
    parsed = _read_text(raw, pivot, order, year_kind)
    if parsed.start in ZERO_DAYS and parsed.end == parsed.start and parsed.time in ("", "00:00"):
        return _no_date_written(parsed)
    return parsed


def plain_days(texts: Iterable[str], order: str = "dmy") -> dict[str, ParsedDate]:
    """Those of ``texts`` (distinct) that are a plain day ("14/03/2016", "14.03.2016"), each read
    as ``parse_date`` reads it, made in one pass: a column of thousands of dates typed as text is
    mostly these. Any other text is left out, for ``parse_date``."""
    read, days = [], []
    match, days_in = _PLAIN_DAY.fullmatch, _days_in
    month_first = order == "mdy"
    for raw in texts:
        plain = match(raw)
        if plain is None:
            continue
        first, second, year = int(plain[1]), int(plain[3]), int(plain[4])
        day, month = (second, first) if month_first else (first, second)
        if 1 <= month <= 12 and MIN_YEAR < year <= MAX_YEAR and 1 <= day <= days_in(year, month):
            read.append(raw)
            days.append(date(year, month, day))
    return _plain_days_read({}, read, read, days)


def _plain_days_read(known: dict, keys: list, texts: list[str], days: list[date]) -> dict:
    """``known`` given, for each key, the ParsedDate of a plain day (its text, its day), made
    without the frozen dataclass's __init__ (see ``_parsed``)."""
    new, cls, fields = _new, ParsedDate, _A_DAY
    for key, text, day in zip(keys, texts, days, strict=True):
        parsed = known[key] = new(cls)
        values = parsed.__dict__
        values.update(fields)
        values["text"] = text
        values["start"] = values["end"] = day
    return known


# A day of the week written with only a month, a season or a year names some day in it that
# nothing says: kept as written and flagged, never read as the whole month or year.
_WEEKDAY_NO_DAY = "'{}' gives a day of the week, not a date: write the day, e.g. 14/03/2016"
# Two rough dates running over the turn of a year with the year written once ("Christmas/New
# Year 2016", "late December/early January 2016"): that year may be the one the span ends in or
# the one it starts in, so it is flagged, as "New Year 2016/17" with a year too many is.
_OVER_YEAR_END = (
    "'{}' runs over the turn of a year but gives one year: check whether {}/{:02d} or {}/{:02d} "
    "was meant and write it so"
)


# Two rough dates given a year each ("March to April 2016/17") that would then be more than a
# year apart: both lie in one of the years, which the text does not say.
_TWO_YEARS_TOO_FAR = (
    "'{}' gives two years, but its two parts lie more than a year apart read so: check which "
    "year was meant and write it so"
)


def _over_year_end(raw: str, year: int) -> ParsedDate:
    """Two months or rough dates over the turn of a year with only ``year`` written: kept as
    written, flagged (the year may be the one the span starts in or the one it ends in)."""
    return _unknown(
        raw, _OVER_YEAR_END.format(raw.strip(), year - 1, year % 100, year, (year + 1) % 100)
    )


def _read_text(raw: str, pivot: int, order: str, year_kind: str) -> ParsedDate:
    s = " ".join(raw.split()).rstrip(".,; ")
    if not s.isascii():  # text pasted from a web page: zero-width spaces between the figures
        s = s.translate(_INVISIBLE).strip()
    if not s:
        return _unknown(raw, "no date given")
    if "/" in s and _BILINGUAL_MONTH.search(s):  # "14 Mawrth / March 2016": one month
        s = _BILINGUAL_MONTH.sub(lambda m: m["second"] if _one_month(m) else m[0], s)
    midnight = _END_OF_DAY.search(s) if "24" in s else None
    if midnight is not None:  # "21/06/2016 24:00": the end of that day, 00:00 the next
        parsed = _parse_text(s[: midnight.start()] + s[midnight.end() :], pivot, order, year_kind)
        if parsed.precision == "day" and parsed.start == parsed.end and not parsed.time:
            after = parsed.start + timedelta(days=1)
            return _parsed(text=raw, precision="day", start=after, end=after, time="00:00")
    parsed = _exact(raw, s, pivot, order, year_kind)
    if parsed is not None and (parsed.ok or not _PART_OF_DAY.fullmatch(s)):
        return parsed  # ("14/03/2016 am" is no 16 o'clock of 14/03/20: a part of the day)
    if "\n" in raw.strip():
        # A date cell holding the date, then on lines of their own words with no figures (who
        # recorded it: "14/03/2016\nSam Ellery, Social Worker"): the date, the words kept as
        # written with it.
        first, rest = raw.strip().split("\n", 1)
        if not any(c.isdigit() for c in rest):
            parsed = _parse_text(first, pivot, order, year_kind)
            if parsed.ok:
                return _parsed(**{**parsed.__dict__, "text": raw})
    m = date_forms.WEEKDAY_PREFIX.match(s)
    if m:  # "Monday 14/03/2016", "Tues. 3 May 2016"
        parsed = _parse_text(s[m.end() :], pivot, order, year_kind)
        if parsed.ok and parsed.granularity != "day":  # "Fri 2016", "Mon/Tue 2016": no day
            return _unknown(raw, _WEEKDAY_NO_DAY.format(raw.strip()))
        if parsed.ok:
            return _with_weekday(raw, parsed, s[: m.end()])
    m = date_forms.WEEK_PREFIX.match(s)
    if m and m.end() < len(s):  # "w/c 14/03/2016": some day of that week
        parsed = _parse_text(s[m.end() :], pivot, order, year_kind)
        if parsed.precision == "day":
            return _span(raw, date_forms.week_commencing(parsed.start))
    m = date_forms.WEEK_ENDING_PREFIX.match(s)
    if m and m.end() < len(s):  # "w/e 20/03/2016": some day of the week ending then
        parsed = _parse_text(s[m.end() :], pivot, order, year_kind)
        if parsed.precision == "day":
            return _span(raw, date_forms.week_ending(parsed.start))
    # Approximate: a marker before ("?", "c.", "circa", "about"...) or after ("?", "(approx)").
    inner, approx = s, False
    m = _APPROX_SUFFIX.search(inner)
    if m:
        inner, approx = inner[: m.start()], True
    m = _APPROX_PREFIX.match(inner)
    if m and m.end() > 0:
        inner, approx = inner[m.end() :], True
    inner = inner.strip().rstrip(".,; ")
    if inner.endswith(")") and "(" not in inner:  # "Not known (2016)"
        inner = inner[:-1].rstrip()
    if approx and inner:
        parsed = _exact(raw, inner, pivot, order, year_kind)
        if parsed is not None:
            if not parsed.ok or parsed.precision == "approximate":
                return parsed
            if parsed.time:  # "14/03/2016 10:32 (approx)": the time is the rough part
                return _parsed(**{**parsed.__dict__, "text": raw})
            return _approximate(raw, parsed.start, parsed.end, parsed.granularity)
        if parsed is None and inner[:1].isalpha():  # "approx. end of Q4 2016/17"
            rough = _rough_span(raw, inner, pivot, order, year_kind)
            if rough is not None:
                return rough
    if _D_MON.fullmatch(s):
        return _unknown(raw, f"'{raw.strip()}' has no year: write it as, e.g., 2 January 2008")
    m = _TIME_FIRST.fullmatch(s)
    if m:
        parsed = _parse_text(m["rest"], pivot, order, year_kind)
        clock = parse_time(m["t"])
        if parsed.precision == "day" and not parsed.time and clock:
            return _parsed(**{**parsed.__dict__, "text": raw, "time": clock})
    m = _PART_OF_DAY.fullmatch(s)
    if m:  # the day is exact; only noon says the time
        parsed = _parse_text(m["a"], pivot, order, year_kind)
        if parsed.precision == "day" and not parsed.time:
            named = _NAMED_TIMES.get(m["part"].lower().removeprefix("12").strip(), "")
            return _parsed(**{**parsed.__dict__, "text": raw, "time": named})
    m = _ROUGH_TIME_AFTER.fullmatch(s)
    if m:  # "14/03/2016 approx. 3pm", "14 March 2016 at about 7pm", "14/03/2016 10:32 (approx)"
        clock = parse_time(m["t"].strip("() "))
        parsed = _parse_text(m["a"], pivot, order, year_kind) if clock else None
        if parsed and parsed.precision == "day" and not parsed.time:
            return _parsed(**{**parsed.__dict__, "text": raw, "time": clock})
    m = _DAY_CLOCK_SPAN.fullmatch(s)
    if m and (clock := _span_start(m["t"])):  # "14/03/2016 2.30-3.30pm" starts at 14:30
        parsed = _parse_text(m["a"], pivot, order, year_kind)
        if parsed.precision == "day" and not parsed.time:
            return _parsed(**{**parsed.__dict__, "text": raw, "time": clock})
    m = _TIME_SPAN.fullmatch(s)
    if m:
        parsed = _parse_text(m["a"], pivot, order, year_kind)
        if parsed.precision == "day" and parsed.time:
            return _parsed(**{**parsed.__dict__, "text": raw})
    m = _DAY_RANGE.fullmatch(s)
    if m:
        first = _parse_text(f"{m['d1']} {m['rest']}", pivot, order, year_kind)
        last = _parse_text(f"{m['d2']} {m['rest']}", pivot, order, year_kind)
        if first.precision == "day" and last.precision == "day":
            return _between(raw, first, last)
    m = _DAY_RANGE_FIGURES.fullmatch(s) if order == "dmy" else None
    if m and int(m["d1"]) < int(m["d2"]):
        first = _parse_text(m["d1"] + m["rest"], pivot, order, year_kind)
        last = _parse_text(m["d2"] + m["rest"], pivot, order, year_kind)
        if first.precision == "day" and last.precision == "day":
            return _between(raw, first, last)
    m = _SPACED_RANGE.fullmatch(s) if ("\u2192" in s or " - " in s or "->" in s) else None
    if m:  # "2016-03-14 - 2016-03-16", "April 3, 2016 2:30 PM \u2192 April 5, 2016"
        first = _parse_text(m["a"], pivot, order, year_kind)
        last = _parse_text(m["b"], pivot, order, year_kind)
        if first.precision == last.precision == "day":
            return _between(raw, first, last)
    m = _RANGE.fullmatch(s)
    if m:
        first = _parse_text(m["a"], pivot, order, year_kind)
        last = _parse_text(m["b"], pivot, order, year_kind)
        year = re.search(r"\b\d{4}$", m["b"])
        bare = m["a"].strip(" .")
        if (not first.ok and last.ok and year
                and (any(c.isdigit() for c in bare) or bare.lower() in _MONTHS)):  # fmt: skip
            first = _with_year_of(bare, last, int(year.group()), pivot, order, year_kind)
            if first.ok and last.precision != "day" and first.start.year < int(year.group()):
                return _over_year_end(raw, int(year.group()))  # "Dec-Jan 2017"
        if first.ok and last.ok:
            return _between(raw, first, last)
    m = _MONTHS_OR.fullmatch(s)
    if m:  # "March/April 2016": one month or the other
        first = _parse_text(f"{m['a']} {m['y']}", pivot, order, year_kind)
        last = _parse_text(f"{m['b']} {m['y']}", pivot, order, year_kind)
        if first.ok and last.ok and first.start > last.end:
            if first.granularity == "month":  # "Dec/Jan 2017": which December and January?
                return _over_year_end(raw, int(m["y"]))
            first = _with_year_of(m["a"], last, int(m["y"]), pivot, order, year_kind)
        if first.ok and last.ok and first.precision == last.precision != "day":
            return _between(raw, first, last)
    m = _MONTHS_ACROSS.fullmatch(s) if s[-1:].isdigit() else None
    if m and _MONTHS.get(m["a"].lower(), 0) > _MONTHS.get(m["b"].lower(), 13):
        year, then = _expand_year(m["y"], pivot), m["n"]  # "Nov-Feb 2016/17", "Dec/Jan 16/17"
        if int(then) == (year + 1 if len(then) == 4 else (year + 1) % 100) and (
            len(m["y"]) == 4 or len(then) == 2
        ):
            first = _parse_text(f"{m['a']} {year}", pivot, order, year_kind)
            last = _parse_text(f"{m['b']} {year + 1}", pivot, order, year_kind)
            if first.ok and last.ok and first.granularity == last.granularity == "month":
                return _between(raw, first, last)
    m = _WEEK_OF_MONTH.fullmatch(s)
    if m:  # "first week of June 2016": 1-7 June; "last week of July 2016": 25-31 July
        month = _parse_text(m["rest"], pivot, order, year_kind)
        if month.ok and month.granularity == "month":
            n = _WEEK_NUMBERS[m["n"].lower()]
            start = month.start + timedelta(days=7 * n) if n >= 0 else month.end - timedelta(6)
            end = min(start + timedelta(days=6), month.end)
            return _approximate(raw, start, end, "day")
    m = _REMARK.fullmatch(s)
    if m:  # "14/03/2016 (late entry)": the date, the remark kept as written
        parsed = _parse_text(m["a"], pivot, order, year_kind)
        if parsed.ok:
            remark = m["r"].strip(" .")
            if date_forms.WEEKDAY_PREFIX.match(f"{remark} 1"):  # "14/03/2016 (Mon)"
                return _with_weekday(raw, parsed, remark)
            return _parsed(**{**parsed.__dict__, "text": raw})
    m = _SAME_PREFIX.match(s)
    if m and m.end() < len(s):  # "In March 2016", "On 14/03/2016", "the 14th of March 2016"
        parsed = _parse_text(s[m.end() :], pivot, order, year_kind)
        if parsed.ok:
            return _parsed(**{**parsed.__dict__, "text": raw})
    m = _WEEKEND.fullmatch(s)
    if m:  # "weekend of 12/03/2016": the Saturday and Sunday (a Friday or Monday with them)
        parsed = _parse_text(m["a"], pivot, order, year_kind)
        weekend = _weekend(parsed.start) if parsed.precision == "day" else None
        if weekend is not None:
            return _approximate(raw, *weekend, "day")
    inner = date_wrappers.inner_date(s)
    if inner is not None and inner != s:  # "(14/03/2016)", "Since 14/03/2016", "14 /03/ 2016"
        parsed = _parse_text(inner, pivot, order, year_kind)
        if parsed.ok:
            return _parsed(**{**parsed.__dict__, "text": raw})
    week = date_wrappers.iso_week(s)
    if week is not None:
        return _span(raw, week)
    named = date_wrappers.named_day(s) if s[:1].isalpha() and s[-1:].isdigit() else None
    if named is not None:  # "Christmas Day 2016", "Easter 2016"
        first_day, last_day, exact = named
        if exact:
            return _parsed(text=raw, precision="day", start=first_day, end=last_day)
        return _approximate(raw, first_day, last_day, "day")
    joined = date_wrappers.joined_days(s) if "&" in s or "+" in s or " and " in s else None
    if joined is not None:  # "14/03/2016 & 15/03/2016": the days, when they are close
        first = _parse_text(joined[0], pivot, order, year_kind)
        last = _parse_text(joined[1], pivot, order, year_kind)
        if (
            first.precision == last.precision == "day"
            and 0 < (last.start - first.start).days <= _JOINED_DAYS_APART
        ):
            return _between(raw, first, last)
    stamp = date_forms.system_stamp(s) if s[-1:].isalnum() else None
    if (
        stamp is not None
    ):  # "Tue Jun 21 16:45:00 BST 2016", "20160621T154500Z", "14\u201103\u20112016"
        parsed = _parse_text(stamp, pivot, order, year_kind)
        if parsed.ok:
            return _parsed(**{**parsed.__dict__, "text": raw})
    if len(s) >= 10 and s[-1:] in "/)0123456789":
        moment = date_forms.epoch_moment(s)  # "/Date(1457951520000)/", seconds since 1970
        if moment is not None:
            day, hhmm = moment
            return _parsed(text=raw, precision="day", start=day, end=day, time=hhmm)
    if s[:1].isdigit():
        fixed = date_forms.slipped_separators(s)  # "14.03/2016", "03/04//2016", "12,09,2016"
        if fixed is not None and fixed != s:
            parsed = _parse_text(fixed, pivot, order, year_kind)
            if parsed.ok:
                return _parsed(**{**parsed.__dict__, "text": raw})
    rough = _rough_span(raw, s, pivot, order, year_kind) if s[:1].isalpha() else None
    if rough is not None:
        return rough
    return _unknown(raw, f"'{raw.strip()}' is not a date ReviewDesk can read")


# Rough dates people write when no record gives the day, each read as the span it covers,
# approximate: a part of a decade ("late 1990s", "the early 2000s"), a half of a year ("first
# half of 2016", "H2 2016"), a part of a longer span ("end of Q3 2016/17", "late summer 2016")
# and two rough dates joined ("late March/early April 2016", "late 2015/early 2016",
# "Christmas/New Year 2015/16", "early-mid 2016").
_PART_WORDS = r"early|beginning(?:\s+of)?|start(?:\s+of)?|mid|middle(?:\s+of)?|late|end(?:\s+of)?"
_DECADE_PART = re.compile(
    rf"(?:the\s+)?(?P<part>{_PART_WORDS})[\s\-]*(?:the\s+)?(?:(?P<y>\d{{3}}0)|'?(?P<yy>\d0))'?s",
    _I,
)
_DECADE_YEARS = {"early": (0, 3), "mid": (3, 7), "late": (7, 9)}
_HALF = re.compile(
    r"(?:the\s+)?(?:(?P<n>first|1st|second|2nd|last)\s+half\s+(?:of\s+)?|h(?P<h>[12])\s+)"
    r"(?P<y>\d{4})",
    _I,
)
# "the first quarter of 2016", "last quarter of 2016": the calendar year's quarters.
_QUARTER_OF = re.compile(
    r"(?:the\s+)?(?P<n>first|1st|second|2nd|third|3rd|fourth|4th|last|final)\s+quarter\s+of"
    r"\s+(?P<y>\d{4})",
    _I,
)
_PART_OF_SPAN = re.compile(rf"(?:the\s+)?(?P<part>{_PART_WORDS})[\s\-]+(?P<rest>[a-z].*)", _I)
_PARTS_JOINED = re.compile(
    r"(?P<a>early|mid|late)\s*(?:-|\u2013|/|to)\s*(?P<b>early|mid|late|end)\b\s*(?P<rest>.+)", _I
)
_ROUGH_JOIN = re.compile(r"\s*(?:/|\s(?:-|\u2013|to|or|into)\s)\s*(?=[a-z])", _I)
_YEAR_AT_END = re.compile(r"(?P<y>\d{4})(?:\s*/\s*(?P<n>\d{2}|\d{4}))?$")


_PART_OF = re.compile(r"(?:the\s+)?(?P<w>early|earlier|first|later|latter|last)\s+part\s+of\s+", _I)


def _rough_span(raw: str, s: str, pivot: int, order: str, year_kind: str) -> ParsedDate | None:
    m = _PART_OF.match(s)
    if m:  # "the early part of 2016" is early 2016, "the latter part of 2015" late 2015
        key = "early" if _part_key(m["w"]) == "early" else "late"
        parsed = _parse_text(f"{key} {s[m.end() :]}", pivot, order, year_kind)
        return _parsed(**{**parsed.__dict__, "text": raw}) if parsed.ok else None
    m = _DECADE_PART.fullmatch(s)
    if m:  # "late 1990s", "the mid '90s"
        decade = int(m["y"]) if m["y"] else _expand_year(m["yy"], pivot)
        if not MIN_YEAR <= decade <= MAX_YEAR - 10:
            return _out_of_range(raw, decade)
        first, last = _DECADE_YEARS[_part_key(m["part"])]
        return _approximate(raw, date(decade + first, 1, 1), date(decade + last, 12, 31), "year")
    m = _HALF.fullmatch(s)
    if m:
        year = int(m["y"])
        if not MIN_YEAR <= year <= MAX_YEAR:
            return _out_of_range(raw, year)
        second = m["h"] == "2" or (m["n"] or "").lower() in ("second", "2nd", "last")
        months = (7, 12) if second else (1, 6)
        return _approximate(raw, date(year, months[0], 1), _month_end(year, months[1]), "season")
    m = _QUARTER_OF.fullmatch(s)
    if m:
        year = int(m["y"])
        if not MIN_YEAR <= year <= MAX_YEAR:
            return _out_of_range(raw, year)
        n = _WEEK_NUMBERS[m["n"].lower()]
        first_month = 10 if n < 0 else 3 * n + 1
        return _approximate(
            raw, date(year, first_month, 1), _month_end(year, first_month + 2), "season"
        )
    m = _PARTS_JOINED.fullmatch(s)
    if m:  # "early-mid 2016", "mid to late March 2016"
        first = _parse_text(f"{m['a']} {m['rest']}", pivot, order, year_kind)
        last = _parse_text(f"{m['b']} {m['rest']}", pivot, order, year_kind)
        if first.ok and last.ok and first.precision != "day" != last.precision:
            return _between(raw, first, last)
        return None
    joined = _ROUGH_JOIN.search(s)
    if joined is not None and any(c.isalpha() for c in s[: joined.start()]):
        return _joined_rough(raw, s[: joined.start()], s[joined.end() :], pivot, order, year_kind)
    m = _PART_OF_SPAN.fullmatch(s)
    if m:  # "end of Q3 2016/17", "late summer 2016": that third of the span
        whole = _parse_text(m["rest"], pivot, order, year_kind)
        if not whole.ok or whole.precision == "day" or whole.start is None:
            return None
        days = (whole.end - whole.start).days + 1
        if days < 28:
            return None
        third = timedelta(days=days // 3)
        part = _part_key(m["part"])
        if part == "early":
            start, end = whole.start, whole.start + third - timedelta(days=1)
        elif part == "mid":
            start, end = whole.start + third, whole.end - third
        else:
            start, end = whole.end - third + timedelta(days=1), whole.end
        return _approximate(raw, start, end, "month" if days <= 130 else whole.granularity)
    return None


def _joined_rough(
    raw: str, a: str, b: str, pivot: int, order: str, year_kind: str
) -> ParsedDate | None:
    """Two rough dates joined, the year written once at the end: the span from the start of
    the first to the end of the last, approximate. Exact days are left to the ranges' rules."""
    last = _parse_text(b, pivot, order, year_kind)
    if not last.ok and last.problem == _WEEKDAY_NO_DAY.format(b.strip()):  # "Mon/Tue 2016"
        return _unknown(raw, _WEEKDAY_NO_DAY.format(raw.strip()))
    first = _parse_text(a, pivot, order, year_kind)
    years = _YEAR_AT_END.search(b)
    if not last.ok and years and years["n"]:  # "Christmas/New Year 2015/16": one year each
        following = str(int(years["y"]) + 1)
        last = _parse_text(f"{b[: years.start()]}{following}", pivot, order, year_kind)
        if not first.ok:
            first = _parse_text(f"{a} {years['y']}", pivot, order, year_kind)
        if first.ok and last.ok and (last.end - first.start).days > 366:
            return _unknown(raw, _TWO_YEARS_TOO_FAR.format(raw.strip()))  # "March to April 2016/17"
    elif not first.ok and years and not years["n"]:  # "late March/early April 2016"
        year = int(years["y"])
        first = _with_year_of(a, last, year, pivot, order, year_kind) if last.ok else first
        if first.ok and first.start is not None and first.start.year < year:
            return _over_year_end(raw, year)
    if not (first.ok and last.ok) or "day" == first.precision == last.precision:
        return None
    if date_forms.WEEKDAY_PREFIX.match(a) or date_forms.WEEKDAY_PREFIX.match(b):
        return None  # "Monday - Friday 2016": days of some week, not a span of the year
    if first.start is None or last.end is None:
        return None
    return _approximate(
        raw, min(first.start, last.start), max(first.end, last.end), first.granularity
    )


# Two days joined by "&" are read as the span between them when a week or less apart; further
# apart they are two separate days, which one entry cannot date: flagged.
_JOINED_DAYS_APART = 7
# ("2400" alone stays unread: four figures with nothing saying they are a time)
_END_OF_DAY = re.compile(
    r"(?<![\d:.])\s*(?:at\s+)?24(?:[:.]00(?:[:.]00)?(?:\s*(?:hrs?|hours))?|00\s*(?:hrs?|hours))$",
    re.I,
)


def _with_year_of(
    first: str, last: ParsedDate, year: int, pivot: int, order: str, year_kind: str
) -> ParsedDate:
    """The first date of a span written without its year ("14 Mar – 2 Apr 2016", "28/10 -
    02/11/2016", "May - June 2016"), in the year of the last, or the year before when that
    would put it after the last ("28/12 - 02/01/2017")."""
    first = first.strip(" .")
    figures = re.fullmatch(r"\d{1,2}([/.\-])\d{1,2}", first)
    joined = f"{first}{figures.group(1)}{{}}" if figures else f"{first} {{}}"
    parsed = _parse_text(joined.format(year), pivot, order, year_kind)
    if parsed.ok and parsed.start > last.end:
        parsed = _parse_text(joined.format(year - 1), pivot, order, year_kind)
    return parsed


def _with_weekday(raw: str, parsed: ParsedDate, weekday: str) -> ParsedDate:
    """``parsed`` as written in ``raw``; when the weekday written with it is not the day's,
    the date is kept as read and its problem says so (the entry is flagged for checking)."""
    said = date_forms.weekday_named(weekday)
    if parsed.precision == "day" and said >= 0 and parsed.start.weekday() != said:
        problem = (
            f"{parsed.start:%d/%m/%Y} is a {parsed.start:%A}, not a "
            f"{calendar.day_name[said]} as written: check the date"
        )
        return _parsed(**{**parsed.__dict__, "text": raw, "problem": problem})
    return _parsed(**{**parsed.__dict__, "text": raw})


# A remark in brackets after a date, without figures ("(late entry)", "(retrospective)").
_REMARK = re.compile(r"(?P<a>[^()]*\d[^()]*?)\s*\((?P<r>[^()\d]{2,40})\)")


def _between(raw: str, first: ParsedDate, last: ParsedDate) -> ParsedDate:
    """A span written as two dates ("03/05/2016 - 05/05/2016", "May - June 2016"): from the
    first's start to the second's end, exact to the day when both are days."""
    if last.end < first.start:
        return _unknown(raw, f"'{raw.strip()}' ends before it starts: check the two dates")
    if first.precision == last.precision == "day":
        return _parsed(text=raw, precision="day", start=first.start, end=last.end, time=first.time)
    return _approximate(raw, first.start, last.end, first.granularity)


@lru_cache(maxsize=8192)
def day_text(value: date) -> str:
    """A day as the chronology shows it: 14/03/2016."""
    return f"{value.day:02d}/{value.month:02d}/{value.year:04d}"


# A year typed into a cell formatted as a date is kept as that many days from Excel's day
# nought: 2015 shows as 07/07/1905. The days that years 1900 to 2100 become, and no others.
YEAR_AS_DAY = (_EXCEL_EPOCH + timedelta(days=MIN_YEAR), _EXCEL_EPOCH + timedelta(days=MAX_YEAR))


def from_day(value: date) -> ParsedDate:
    """A date cell: its day, read as it is (a year typed into it, 07/07/1905 for 2015, is that
    year, flagged)."""
    if YEAR_AS_DAY[0] <= value <= YEAR_AS_DAY[1]:
        return _year_typed_as_day(value)
    if value in ZERO_DAYS:
        return _no_date_written(_parsed(text=day_text(value), precision="day"))
    return _parsed(text=day_text(value), precision="day", start=value, end=value)


_A_DAY = {"precision": "day", "granularity": "day", "time": "", "problem": ""}


def from_days(
    days: Iterable[date], iso: dict | None = None, texts: dict | None = None
) -> dict[date, ParsedDate]:
    """``from_day`` of each of ``days`` (distinct date cells), made in one pass: an import
    reads thousands, and most are plain days with nothing to check. ``iso`` is given each plain
    day's ISO text as well (what the store writes), and ``texts`` its text (14/03/2016)."""
    iso = {} if iso is None else iso
    texts = {} if texts is None else texts
    low, high = YEAR_AS_DAY
    known: dict[date, ParsedDate] = {}
    plain = days = days if isinstance(days, list) else list(days)
    if days and min(days) <= high:  # (the days Excel's nought and a typed year become)
        plain = []
        for day in days:
            if low <= day <= high or day in ZERO_DAYS:
                known[day] = from_day(day)
            else:
                plain.append(day)
    # The texts made a column at a time (date.isoformat in C: a third of the cost of
    # formatting the day), then one object for each day.
    made = list(map(date.isoformat, plain))
    iso.update(zip(plain, made, strict=True))
    made = [f"{text[8:]}/{text[5:7]}/{text[:4]}" for text in made]
    texts.update(zip(plain, made, strict=True))
    return _plain_days_read(known, plain, made, plain)


def days_text(
    days: Iterable[date], iso: dict | None = None, texts: dict | None = None
) -> dict[date, str]:
    """``day_text`` of each of ``days`` (distinct dates); ``iso`` is given their ISO texts.
    ``texts``: the texts of days already made (``from_days``), added to and returned."""
    days = list(days) if not texts else [day for day in days if day not in texts]
    made = dict(zip(days, map(date.isoformat, days), strict=True))
    if iso is not None:
        iso.update(made)
    made = {day: f"{text[8:]}/{text[5:7]}/{text[:4]}" for day, text in made.items()}
    if texts is None:
        return made
    texts.update(made)
    return texts


def _year_typed_as_day(value: date) -> ParsedDate:
    year = (value - _EXCEL_EPOCH).days
    return _parsed(
        text=str(year),
        precision="year",
        start=date(year, 1, 1),
        end=date(year, 12, 31),
        granularity="year",
        problem=f"{year} was typed into a cell formatted as a date, which shows it as "
        f"{day_text(value)}: read as the year {year}; check the date",
    )


@lru_cache(maxsize=8192)
def _from_datetime(value: datetime) -> ParsedDate:
    day = value.date()
    if YEAR_AS_DAY[0] <= day <= YEAR_AS_DAY[1] and not (value.hour or value.minute):
        return _year_typed_as_day(day)
    text = f"{value.day:02d}/{value.month:02d}/{value.year:04d}"
    if day in ZERO_DAYS and not (value.hour or value.minute):
        return _no_date_written(_parsed(text=text, precision="day"))
    hhmm = ""
    if value.hour or value.minute:
        hhmm = f"{value.hour:02d}:{value.minute:02d}"
        text = f"{text} {hhmm}"
    return _parsed(text=text, precision="day", start=day, end=day, time=hhmm)


def _from_number(value: float, order: str = "dmy") -> ParsedDate:
    """An Excel serial number (1900 date system); a whole number 1900-2100 is a year."""
    if not math.isfinite(value):
        return _unknown(str(value), f"{value} is not a date")
    if value == int(value) and MIN_YEAR <= value <= MAX_YEAR:
        return _year(str(int(value)), int(value))
    if value == int(value) and 1011900 <= value <= 31122100:
        # 20160314, or 14032016 typed without its slashes (3042016: its leading nought lost)
        figures = str(int(value))
        when = date_forms.compact_day(figures) or (
            date_forms.compact_month_first if order == "mdy" else date_forms.compact_day_first
        )(figures)
        if when is not None:
            return _day(str(int(value)), when.day, when.month, when.year, None)
    if value == int(value) and 190001010000 <= value <= 21001231235959:
        return _parse_text(str(int(value)), 0)  # 201603141032, a compact stamp
    if value == int(value) and date_forms.EPOCH_SECONDS[0] <= value < date_forms.EPOCH_SECONDS[1]:
        return _parse_text(str(int(value)), 0)  # seconds since 1970, as web services count
    text = f"{value:g}"
    if not 1 <= value < _MAX_SERIAL + 1:
        return _unknown(text, f"the number {text} is not a date (nor an Excel date serial number)")
    days = int(value)
    if days == 60:
        return _unknown(text, "Excel's day 60 is 29/02/1900, which is not a real date")
    minutes = round((value - days) * 1440)
    if minutes >= 1440:
        days, minutes = days + 1, 0
    when = _EXCEL_EPOCH + timedelta(days=days if days > 60 else days + 1)
    return _from_datetime(datetime(when.year, when.month, when.day, minutes // 60, minutes % 60))


_TODAY = [date.min, -1.0]  # today's date, and until when (monotonic clock) it holds


def _today() -> date:
    """date.today(), asked of the system at most once a minute (it is called per cell)."""
    now = monotonic()
    if now > _TODAY[1]:
        _TODAY[0], _TODAY[1] = date.today(), now + 60
    return _TODAY[0]


def parse_date(
    value: object,
    *,
    today: date | None = None,
    order: str = "dmy",
    year_kind: str = "financial",
) -> ParsedDate:
    """Read one date as an agency wrote it; never raises.

    ``order``: "dmy" (UK, the default) or "mdy" for numeric dates such as 03/14/2016.
    ``year_kind``: how "2016/17" is read: "financial" (April to March) or "academic"
    (September to July, as schools write it).
    """
    if value is None:
        return _unknown("", "no date given")
    if isinstance(value, str):
        try:
            return _parse_text(value, (today or _today()).year % 100 + 1, order, year_kind)
        except RecursionError:  # words wrapping a date hundreds of times over ("in in in ...")
            return _unknown(value, "this is not a date ReviewDesk can read")
    if isinstance(value, datetime):
        return _from_datetime(value)
    if isinstance(value, date):
        return from_day(value)
    if isinstance(value, bool):
        return _unknown(str(value).upper(), f"{str(value).upper()} is not a date")
    if isinstance(value, (int, float)):
        return _from_number(float(value), order)
    if isinstance(value, time):
        return _unknown(
            value.strftime("%H:%M"),
            f"{value.strftime('%H:%M')} is a time of day with no date",
        )
    if isinstance(value, timedelta):
        return _unknown(str(value), f"{value} is a length of time, not a date")
    return parse_date(str(value), today=today, order=order, year_kind=year_kind)


# --- times -------------------------------------------------------------------------------------

_CLOCK = re.compile(
    r"(?P<h>\d{1,2})(?:\s*[:.]\s*(?P<mi>\d{2})(?:[:.]\d{2}(?:\.\d+)?)?)?"
    # Welsh writes "yb" (y bore, morning) and "yh" (yr hwyr, after noon) for am and pm.
    r"\s*(?P<ap>[ap]\.?\s*m\.?|y\.?\s*[bh]\.?)?(?:\s*(?:hrs?|hours|h))?",
    _I,
)
_HHMM = re.compile(r"(?P<h>\d{2})(?P<mi>\d{2})(?:\s*(?:hrs?|hours|h))?", _I)
_NAMED_TIMES = {"noon": "12:00", "midday": "12:00", "midnight": "00:00"}


def _hhmm(hour: int, minute: int) -> str:
    if 0 <= hour <= 23 and 0 <= minute <= 59:
        return f"{hour:02d}:{minute:02d}"
    return ""


def _fraction_time(fraction: float) -> str:
    minutes = round(fraction * 1440)
    if not 0 <= minutes < 1440:
        return ""
    return _hhmm(minutes // 60, minutes % 60)


@lru_cache(maxsize=4096)
def _parse_time_text(text: str) -> str:
    s = " ".join(text.split()).rstrip(".").lower()
    if not s:
        return ""
    if s in _NAMED_TIMES:
        return _NAMED_TIMES[s]
    m = _HHMM.fullmatch(s)
    if m:
        return _hhmm(int(m["h"]), int(m["mi"]))
    m = _CLOCK.fullmatch(s)
    if m:
        if m["mi"] is None and m["ap"] is None:
            return ""  # a bare number such as "14" is not a time anyone writes
        hour, minute = int(m["h"]), int(m["mi"] or 0)
        if m["ap"]:
            if not 1 <= hour <= 12:
                return ""
            after_noon = m["ap"].startswith("p") or m["ap"].endswith(("h", "h."))
            hour = hour % 12 + (12 if after_noon else 0)
        return _hhmm(hour, minute)
    spanned = _span_start(s)
    if spanned:  # "2.30-3.30pm" starts at 14:30, "2-3pm" at 14:00
        return spanned
    m = _TIME_LOOSE.fullmatch(s)
    if m:  # "10:32 - 11:15" starts at 10:32; "approx 10:30", "10:32 BST"
        named = _NAMED_TIMES.get(m["t"].removeprefix("12").strip(), "")
        return named or ("" if m["t"] == s else _parse_time_text(m["t"]))
    m = _ZERO_DAY.match(s)
    if m:  # a time field written on a database's day nought: "30/12/1899 10:32:00"
        return _parse_time_text(s[m.end() :])
    if s[:2] == "0," and s[2:].isdigit():  # a fraction of a day with a decimal comma: "0,4375"
        s = "0." + s[2:]
    try:
        number = float(s)
    except ValueError:
        return ""
    return _time_from_number(number)


# The day nought of desktop databases and of SQL servers, which write a time field as a date
# and time on that day ("30/12/1899 10:32:00", "1900-01-01 10:32:00.000"): the time alone.
_ZERO_DAY = re.compile(r"(?:30/12/1899|31/12/1899|0?1/0?1/1900|1899-12-3[01]|1900-01-01)[ t]")
# A time with words around it: a span's start ("10:32 - 11:15", "3pm-4pm"), an approximation
# before or after it ("approx. 3pm", "about 7pm", "22:00 approx", "21:15 (approx)", "~15:00"),
# the UK's zone; noon and midnight as people write them ("12 noon", "12noon", "12 midnight").
_CLOCK_WORDS = (
    r"\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?|(?:[01]\d|2[0-3])[0-5]\d\s*hrs?"
    r"|\d{1,2}\s*[ap]\.?m\.?|(?:12\s*)?(?:noon|midday|midnight)"
)
_ROUGHLY = r"approx\.?|approximately|about|around|roughly|c\.|c|ca\.?|circa|~|at"
_TIME_LOOSE = re.compile(
    rf"(?:(?:{_ROUGHLY})\s*)*(?P<t>{_CLOCK_WORDS})"
    rf"\s*(?:(?:-|\u2013|to|until)\s*(?:{_CLOCK_WORDS})|gmt|bst|hrs?)?"
    r"\s*(?:\(?\s*(?:approx\.?|approximately|roughly|ish|est\.?|estimated)\s*\)?|\?)?",
    re.I,
)
# What a time cell holds when there is no time to give: a part of the day, or not known.
_NO_TIME = re.compile(
    r"\(?\s*(?:a\.?m\.?|p\.?m\.?|morning|afternoon|evening|night|overnight|lunch\s*time"
    r"|after school|before school|all day|various|n/?k|not known|unknown|tbc|tba|n/?a|none"
    r"|not recorded|-+|\?+)\s*\)?",
    re.I,
)


def says_no_time(value: object) -> bool:
    """The time cell says there is no time to give ("AM", "Morning", "N/K", "-"): the entry
    has its day and no time, and nothing is wrong with it."""
    return value.__class__ is str and bool(_NO_TIME.fullmatch(value.strip()))


def _time_from_number(number: float) -> str:
    if not math.isfinite(number) or number < 0:
        return ""
    if number < 1:
        return _fraction_time(number)
    if number == int(number):
        if number <= 2359 and number % 100 < 60:  # 1430 typed into a number cell
            return _hhmm(int(number) // 100, int(number) % 100)
        return ""
    if number > _MAX_SERIAL:  # no day's serial: seconds since 1970 with a fraction, say
        return ""
    return _fraction_time(number - int(number))  # a date-and-time serial: keep its time


def parse_time(value: object) -> str:
    """A time of day as "HH:MM", or "" when the value holds none; never raises."""
    try:
        if value is None or isinstance(value, bool):
            return ""
        if isinstance(value, str):
            return _parse_time_text(value)
        if isinstance(value, datetime):
            return f"{value.hour:02d}:{value.minute:02d}"
        if isinstance(value, time):
            return f"{value.hour:02d}:{value.minute:02d}"
        if isinstance(value, timedelta):
            seconds = value.total_seconds()
            return _fraction_time(seconds / 86400) if 0 <= seconds < 86400 else ""
        if isinstance(value, (int, float)):
            return _time_from_number(float(value))
    except (ValueError, OverflowError, TypeError):
        return ""
    return ""
