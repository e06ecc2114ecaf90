"""The less common ways agencies write when something happened: school terms, week commencing,
quarters, academic and financial years, and compact forms such as 20160314.

Each reader takes the text (already tidied) and returns (start, end, precision, granularity) or
None when the text is not in its form; `dates` turns that into a ParsedDate.
"""

import re
from datetime import date, datetime, timedelta, tzinfo

_I = re.IGNORECASE

# A weekday before the date, in English or in Welsh ("Dydd Llun 14 Mawrth 2016": "Dydd Mawrth"
# is Tuesday, while "Mawrth" alone is March, so a Welsh weekday is read only with "Dydd").
WEEKDAY_PREFIX = re.compile(
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    r"|mon|tues?|wed|weds|thu|thur|thurs|fri|sat|sun"
    r"|dydd\s+(?:llun|mawrth|mercher|iau|gwener|sadwrn|sul))\.?,?\s+(?=\d|[a-z]{3})"
    # Welsh weekdays shortened ("Llun", "Maw"), only before a date in figures: "Maw" alone
    # could be March.
    r"|(?:llun|maw|mer|iau|gwe|sad|sul)\.?,?\s+(?=\d{1,2}[/.\-]\d)",
    _I,
)
_WEEKDAY_STEMS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_WELSH_WEEKDAYS = ("llun", "mawrth", "mercher", "iau", "gwener", "sadwrn", "sul")
_WELSH_SHORT = ("llun", "maw", "mer", "iau", "gwe", "sad", "sul")


def weekday_named(text: str) -> int:
    """The weekday (Monday 0) that ``text`` begins with ("Fri", "Tuesday", "Dydd Llun"), or -1."""
    words = text.lower().replace(".", " ").replace(",", " ").split()
    if not words:
        return -1
    if words[0] == "dydd" and len(words) > 1:
        return _WELSH_WEEKDAYS.index(words[1]) if words[1] in _WELSH_WEEKDAYS else -1
    if words[0] in _WELSH_SHORT and (len(words) == 1 or words[1][:1].isdigit()):
        return _WELSH_SHORT.index(words[0])
    stem = words[0][:3]
    return _WEEKDAY_STEMS.index(stem) if stem in _WEEKDAY_STEMS else -1


WEEK_PREFIX = re.compile(
    r"(?:w\s*/\s*[cb]|w\.[cb]\.?|wc|wb|wk\s+comm?\.?|week\s+(?:commencing|beginning|starting|of))"
    r"\s*:?\s*",
    _I,
)
WEEK_ENDING_PREFIX = re.compile(
    r"(?:w\s*/\s*e|w\.e\.?|wk\s+end(?:ing)?|week\s+ending)\s*:?\s*",
    _I,
)
COMPACT_DAY = re.compile(r"(?P<y>(?:19|20)\d{2})(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])")
# The compact stamp hospital interfaces (HL7) and data warehouses write: 201603141032,
# 20160314103200, 20160314T103200.
COMPACT_STAMP = re.compile(
    COMPACT_DAY.pattern + r"T?(?P<h>[01]\d|2[0-3])(?P<mi>[0-5]\d)(?:[0-5]\d)?", _I
)

_YEAR_SPAN = r"(?P<y>\d{4})(?:\s*[/\-]\s*(?P<n>\d{4}|\d{2}))?"
_TERM = re.compile(
    r"(?P<term>aut(?:umn)?|spr(?:ing)?|sum(?:mer)?)\.?(?:\s*(?P<half>[12])|\s+half)?\s*(?:term)?"
    r"(?:\s*(?P<half2>[12]))?\s*(?:of\s+)?(?:academic\s+year\s+)?" + _YEAR_SPAN,
    _I,
)
_QUARTER = re.compile(
    r"(?:q(?:tr|uarter)?\s*(?P<q>[1-4])|(?P<q2>[1-4])(?:st|nd|rd|th)\s+quarter)\s*(?:of\s+)?"
    r"(?P<fy>fy|financial\s+year\s+)?\s*" + _YEAR_SPAN,
    _I,
)
_YEAR_QUARTER = re.compile(r"(?P<y>\d{4})\s*[\-/ ]?\s*q(?P<q>[1-4])", _I)
_ACADEMIC = re.compile(
    r"(?:academic\s+year|school\s+year|ay)\s*:?\s*(?P<y>\d{4})\s*[/\-]\s*(?P<n>\d{4}|\d{2})"
    r"|(?P<y2>\d{4})\s*[/\-]\s*(?P<n2>\d{4}|\d{2})\s+(?:academic|school)\s+year",
    _I,
)
_FINANCIAL = re.compile(
    r"(?:financial\s+year|fin\.?\s+year|fy)\s*:?\s*(?P<y>\d{4})\s*[/\-]\s*(?P<n>\d{4}|\d{2})"
    r"|(?P<y2>\d{4})\s*[/\-]\s*(?P<n2>\d{4}|\d{2})\s+financial\s+year",
    _I,
)

# Terms and half terms of the school year in England and Wales (dates vary by a week or two
# between authorities and years; the span below covers them).
_TERMS = {"autumn": ((9, 1), (12, 31)), "spring": ((1, 1), (4, 30)), "summer": ((4, 1), (7, 31))}
_TERM_NAMES = {"aut": "autumn", "spr": "spring", "sum": "summer"}
_HALF_TERMS = {
    ("autumn", "1"): ((9, 1), (10, 31)),
    ("autumn", "2"): ((11, 1), (12, 31)),
    ("spring", "1"): ((1, 1), (2, 28)),
    ("spring", "2"): ((2, 15), (4, 30)),
    ("summer", "1"): ((4, 1), (5, 31)),
    ("summer", "2"): ((6, 1), (7, 31)),
}

Span = tuple[date, date, str, str]  # start, end, precision, granularity


def _following(year: int, n: str | None) -> bool:
    """True when n (2 or 4 digits) is the year after ``year``, as in 2016/17."""
    if n is None:
        return False
    return int(n) == (year + 1 if len(n) == 4 else (year + 1) % 100)


def _end_of(year: int, month: int, day: int) -> date:
    if month == 2 and day > 28:
        day = 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return date(year, month, day)


def school_term(s: str) -> Span | None:
    """ "Spring term 2016", "Autumn 2 2015", "Summer term 2016/17" (the academic year's summer)."""
    m = _TERM.fullmatch(s)
    if not m or not ("term" in s.lower() or m["half"] or m["half2"] or m["n"]):
        return None  # plain "Spring 2016" is a season, read elsewhere
    term = _TERM_NAMES[m["term"][:3].lower()]  # "Aut 2 2016", "Spr 1 2016" as schools shorten them
    year = int(m["y"])
    if m["n"] is not None:
        if not _following(year, m["n"]):
            return None
        if term != "autumn":
            year += 1  # spring and summer of 2016/17 fall in 2017
    half = m["half"] or m["half2"]
    (m1, d1), (m2, d2) = _HALF_TERMS[(term, half)] if half else _TERMS[term]
    return date(year, m1, d1), _end_of(year, m2, d2), "approximate", "season"


def week_commencing(inner_start: date) -> Span:
    return inner_start, inner_start + timedelta(days=6), "approximate", "day"


def week_ending(last: date) -> Span:
    """ "w/e 20/03/2016": some day of the seven ending that day."""
    return last - timedelta(days=6), last, "approximate", "day"


_DECADE = re.compile(r"(?:the\s+)?(?P<y>1[89]\d|20\d)0'?s", _I)


def decade(s: str) -> Span | None:
    """ "1990s", "the 2000s": some time in those ten years."""
    m = _DECADE.fullmatch(s)
    if m is None:
        return None
    first = int(m["y"]) * 10
    return date(first, 1, 1), date(first + 9, 12, 31), "approximate", "year"


def quarter(s: str, financial: bool) -> Span | None:
    """ "Q1 2016" (January to March), "Q1 2016/17" or "Q1 FY 2016" (April to June 2016)."""
    m = _QUARTER.fullmatch(s)
    if m:
        q = int(m["q"] or m["q2"])
        year = int(m["y"])
        if m["n"] is not None and not _following(year, m["n"]):
            return None
        financial = financial or m["n"] is not None or m["fy"] is not None
    else:
        m = _YEAR_QUARTER.fullmatch(s)
        if not m:
            return None
        q, year = int(m["q"]), int(m["y"])
    first = 3 * (q - 1) + 1
    if financial:
        first += 3
        if first > 12:
            first, year = first - 12, year + 1
    last_month = first + 2
    start = date(year, first, 1)
    end = _end_of(year, last_month, 31 if last_month in (1, 3, 5, 7, 8, 10, 12) else 30)
    return start, end, "approximate", "season"


def academic_or_financial_year(s: str, year_kind: str) -> Span | None:
    """ "2016/17": a school's academic year (September to July) or otherwise a financial year
    (April to March); "academic year 2016/17" and "FY 2016/17" say which themselves."""
    m = _ACADEMIC.fullmatch(s)
    if m:
        kind, year, n = "academic", int(m["y"] or m["y2"]), m["n"] or m["n2"]
    else:
        m = _FINANCIAL.fullmatch(s)
        if m:
            kind = "financial"
            year, n = int(m["y"] or m["y2"]), m["n"] or m["n2"]
        else:
            m = re.fullmatch(r"(?P<y>\d{4})\s*(?P<sep>[/\-])\s*(?P<n>\d{4}|\d{2})", s)
            if not m:
                return None
            kind, year, n = year_kind, int(m["y"]), m["n"]
            if m["sep"] == "-" and len(n) == 4 and _following(year, n):
                # "2015-2016" is as often the two years as one year of the agency's: the two
                # years hold either (the slash, "2015/2016", is the agency's year).
                return date(year, 1, 1), date(year + 1, 12, 31), "approximate", "year"
    if not _following(year, n):
        return None
    if kind == "academic":
        return date(year, 9, 1), date(year + 1, 7, 31), "approximate", "year"
    return date(year, 4, 1), date(year + 1, 3, 31), "approximate", "year"


def _figures_day(pattern: re.Pattern, s: str) -> date | None:
    """The day of figures ``pattern`` names d, m and y in; None if they do not make one."""
    m = pattern.fullmatch(s)
    if not m:
        return None
    try:
        return date(int(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:
        return None


def compact_day(s: str) -> date | None:
    """20160314 (as case systems export a date with no separators)."""
    return _figures_day(COMPACT_DAY, s)


_COMPACT_DAY_FIRST = re.compile(
    r"(?P<d>0[1-9]|[12]\d|3[01])(?P<m>0[1-9]|1[0-2])(?P<y>(?:19|20)\d{2})"
)


def compact_day_first(s: str) -> date | None:
    """14032016 (a date typed without its slashes, day first as in the UK); as a number Excel
    keeps it without its leading nought, 3042016 for 03/04/2016."""
    return _figures_day(_COMPACT_DAY_FIRST, "0" + s if len(s) == 7 else s)


_COMPACT_MONTH_FIRST = re.compile(
    r"(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])(?P<y>(?:19|20)\d{2})"
)


def compact_month_first(s: str) -> date | None:
    """03142016 (a date written without separators by a system that writes the month first);
    as a number, 3142016."""
    return _figures_day(_COMPACT_MONTH_FIRST, "0" + s if len(s) == 7 else s)


def compact_pairs(s: str) -> tuple[int, int, int] | None:
    """The two leading pairs of figures and the year of a date written without separators,
    "03142016" -> (3, 14, 2016), when it is not year first; None otherwise."""
    if len(s) == 7:
        s = "0" + s
    if len(s) != 8 or not s.isdigit() or compact_day(s) is not None:
        return None
    year = int(s[4:])
    if not 1900 <= year <= 2100:
        return None
    return int(s[:2]), int(s[2:4]), year


def compact_stamp(s: str) -> tuple[date, str] | None:
    """(day, "HH:MM") of 201603141032 or 20160314103200, or None."""
    m = COMPACT_STAMP.fullmatch(s)
    if not m:
        return None
    try:
        return date(int(m["y"]), int(m["m"]), int(m["d"])), f"{m['h']}:{m['mi']}"
    except ValueError:
        return None


def uk_clock(day: date, hour: int, minute: int, zone: str) -> tuple[date, tuple[int, int]]:
    """A time written with its zone ("Z", "UTC", "+01:00", "GMT+0100") as the clock in the UK
    showed it (GMT or British Summer Time): the day can change, as 23:30Z on a summer night is
    00:30."""
    from datetime import timezone

    zone = zone.casefold()
    if zone.startswith("gmt") and len(zone) > 3:  # "GMT+0100 (British Summer Time)"
        zone = zone[3:8]
    if zone in ("gmt", "bst"):
        return day, (hour, minute)  # the UK's own clock, as written
    if zone in ("z", "utc"):
        offset = timedelta(0)
    else:
        sign = -1 if zone[0] == "-" else 1
        digits = zone[1:].replace(":", "")
        offset = sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:] or 0))
    moment = datetime(day.year, day.month, day.day, hour, minute, tzinfo=timezone(offset))
    local = moment.astimezone(_london())
    return local.date(), (local.hour, local.minute)


def _london():
    try:
        from zoneinfo import ZoneInfo

        return ZoneInfo("Europe/London")
    except Exception:  # no time zone data on this computer: the rule in force since 1996
        return _UkRule()


class _UkRule(tzinfo):
    """GMT, and BST from 01:00 UTC on the last Sunday in March to 01:00 UTC on the last Sunday
    in October."""

    def _summer(self, moment: datetime) -> bool:
        def last_sunday(month: int) -> datetime:
            day = date(moment.year, month, 31)
            return datetime(day.year, month, day.day - (day.weekday() + 1) % 7, 1)

        return last_sunday(3) <= moment.replace(tzinfo=None) < last_sunday(10)

    def utcoffset(self, moment):
        return timedelta(hours=1) if self._summer(moment) else timedelta(0)

    def dst(self, moment):
        return self.utcoffset(moment)

    def fromutc(self, moment):
        return moment + self.utcoffset(moment)


# A date cell saying the entry is on the day of the one above: '"', "ditto", "as above", "see
# above", and the clerk's "do" (ditto) alone in the cell.
_AS_ABOVE = re.compile(
    r"(?:[\"\u201c\u201d\u3003]+|''|ditto\.?|do\.?|-do-|(?:see|as per|as) above"
    r"|same(?: day| date)?(?: as (?:above|previous))?)",
    _I,
)


def says_as_above(value: object) -> bool:
    """Whether a date cell holds a ditto mark or says "as above" (the date of the entry above)."""
    return value.__class__ is str and bool(_AS_ABOVE.fullmatch(value.strip()))


# Moments counted from 1 January 1970 (UTC), as web services and .NET's JSON write them:
# "/Date(1457951520000)/", "/Date(1457951520000+0000)/", or bare seconds or milliseconds.
# Bare figures are read only between 2000 and 2050 (an NHS number, 400 000 0000 and over, is
# never one).
_DOTNET_DATE = re.compile(r"/?\\?/?date\((?P<ms>-?\d{1,15})(?:[+-]\d{4})?\)\\?/?", re.I)
EPOCH_SECONDS = (946_684_800, 2_524_608_000)  # 2000-01-01 to 2050-01-01


def epoch_moment(s: str) -> tuple[date, str] | None:
    """(day, "HH:MM" on the UK clock) of "/Date(1457951520000)/", or of bare figures counting
    seconds (10 figures) or milliseconds (13) since 1970 within 2000-2050; None otherwise."""
    m = _DOTNET_DATE.fullmatch(s)
    if m:
        seconds = int(m["ms"]) / 1000
    elif s.isdigit() and len(s) in (10, 13):
        seconds = int(s) / (1000 if len(s) == 13 else 1)
        if not EPOCH_SECONDS[0] <= seconds < EPOCH_SECONDS[1]:
            return None
    elif len(s) > 11 and s[10] == "." and _EPOCH_FRACTION.fullmatch(s):
        # Seconds with their fraction, as a team chat's export stamps each message
        # ("1466523900.000200"): the whole seconds are the moment.
        seconds = int(s[:10])
        if not EPOCH_SECONDS[0] <= seconds < EPOCH_SECONDS[1]:
            return None
    else:
        return None
    try:
        moment = datetime.fromtimestamp(seconds, tz=_london())
    except (OverflowError, OSError, ValueError):
        return None
    return moment.date(), f"{moment:%H:%M}"


_EPOCH_FRACTION = re.compile(r"\d{10}\.\d{1,6}")


# Stamps systems write that the date patterns do not take as they stand, each put into a form
# they do:
# - a Java system's default date text and the Unix clock's, the zone between the time and
#   the year: "Tue Jun 21 16:45:00 BST 2016", "Tue 21 Jun 16:45:00 BST 2016";
# - the full style phones and Macs write, the zone named in words: "Tuesday, 21 June 2016 at
#   16:45:00 British Summer Time";
# - the standard's compact form, as calendars and warehouses write it: "20160621T154500Z".
_ZONE_BEFORE_YEAR = re.compile(
    r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
    r"(?:(?P<mon>[a-z]{3,9})\.?\s+(?P<d>\d{1,2})|(?P<d2>\d{1,2})\s+(?P<mon2>[a-z]{3,9})\.?)"
    r",?\s+(?P<t>\d{1,2}:\d{2}(?::\d{2})?)\s+(?P<z>gmt|bst|utc)\s+(?P<y>\d{4})",
    re.I,
)
_ZONE_IN_WORDS = re.compile(
    r"(?P<a>.+?\d)\s+(?P<z>british summer time|greenwich mean time|coordinated universal time)",
    re.I,
)
_ZONE_WORDS = {"british summer time": "BST", "greenwich mean time": "GMT",
               "coordinated universal time": "UTC"}  # fmt: skip
_COMPACT_STAMP = re.compile(
    r"(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})t(?P<h>\d{2})(?P<mi>\d{2})(?P<se>\d{2})?(?:[.,]\d+)?"
    r"(?P<z>z|[+-]\d{2}:?\d{2})?",
    re.I,
)
# Hyphens and slashes that are not the keyboard's: Word's non-breaking and plain hyphens, the
# figure dash, the minus sign, the division and fraction slashes, the full-width ones.
_OTHER_SEPARATORS = str.maketrans(
    {
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2212": "-",
        "\uff0d": "-",
        "\u2215": "/",
        "\u2044": "/",
        "\uff0f": "/",
    }  # fmt: skip
)


def system_stamp(s: str) -> str | None:
    """A stamp in a form the date patterns take ("21 Jun 2016 16:45:00 BST",
    "2016-06-21T15:45:00Z", "14-03-2016"), or None when ``s`` is none of the forms above."""
    if not s.isascii():
        fixed = s.translate(_OTHER_SEPARATORS)
        return fixed if fixed != s else None
    if len(s) > 64:
        return None
    m = _ZONE_BEFORE_YEAR.fullmatch(s)
    if m:
        return f"{m['d'] or m['d2']} {m['mon'] or m['mon2']} {m['y']} {m['t']} {m['z']}"
    m = _ZONE_IN_WORDS.fullmatch(s)
    if m:
        return f"{m['a']} {_ZONE_WORDS[m['z'].lower()]}"
    m = _COMPACT_STAMP.fullmatch(s) if s[:1].isdigit() else None
    if m:
        return f"{m['y']}-{m['m']}-{m['d']}T{m['h']}:{m['mi']}:{m['se'] or '00'}{m['z'] or ''}"
    return None


# Figures of a date whose separators slipped while typing: "14.03/2016", "03/04//2016",
# "12,09,2016" (the same separator twice, or two different ones): read as day/month/year.
_SLIPPED = re.compile(
    r"(?P<d>\d{1,2})\s*[/.\-,]{1,2}\s*(?P<m>\d{1,2})\s*[/.\-,]{1,2}\s*(?P<y>\d{4}|\d{2})"
    r"(?P<rest>\s.*)?"
)


def slipped_separators(s: str) -> str | None:
    """The date with its separators put right ("14/03/2016"), or None."""
    m = _SLIPPED.fullmatch(s)
    if not m:
        return None
    return f"{m['d']}/{m['m']}/{m['y']}{m['rest'] or ''}"
