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
    r"(?P<n>christmas\s+eve|christmas\s+day|christmas|xmas|boxing\s+day|new\s+year'?s\s+eve"
    r"|new\s+year'?s\s+day|new\s+year|good\s+friday|easter\s+sunday|easter\s+monday|easter"
    r"|hallowe'?en|bonfire\s+night|guy\s+fawkes'?\s+night|valentine'?s\s+day"
    r"|st\.?\s+david'?s\s+day|mothering\s+sunday|mother'?s\s+day|father'?s\s+day"
    r"|remembrance\s+sunday|shrove\s+tuesday|pancake\s+day|ash\s+wednesday"
    r"|(?P<bank>(?:early\s+may|may\s+day|late\s+may|spring|whit(?:sun)?|may|august|summer)"
    r"\s+bank\s+holiday(?:\s+monday)?)"
    r"|(?P<half>oct(?:ober)?|feb(?:ruary)?|may|june?|whit(?:sun)?)\.?\s+half[\s-]*term"
    r"(?:\s+(?:holiday|break|week))?"
    r"|half[\s-]*term\s*\(\s*(?P<half2>oct(?:ober)?|feb(?:ruary)?|may|june?|whit(?:sun)?)\.?\s*\)"
    r"|(?P<hols>easter|summer|christmas|xmas|winter)\s+(?:school\s+)?"
    r"(?:holidays?|hols|break|vacation)"
    r"|whit(?:sun(?:tide)?|\s+week))"
    r"(?:\s+(?:of|in))?\s*,?\s*(?P<y>\d{4})(?:\s*[/\-]\s*(?P<n2>\d{4}|\d{2}))?",
    re.I,
)
_FIXED_DAYS = {"christmas eve": (12, 24), "christmas day": (12, 25), "boxing day": (12, 26),
               "new years eve": (12, 31), "new years day": (1, 1), "halloween": (10, 31),
               "bonfire night": (11, 5), "guy fawkes night": (11, 5), "valentines day": (2, 14),
               "st davids day": (3, 1), "st. davids day": (3, 1)}  # fmt: skip
# From Easter Sunday (the UK's Mothering Sunday is three weeks before it, not in May).
_FROM_EASTER = {"good friday": -2, "easter sunday": 0, "easter monday": 1, "shrove tuesday": -47,
                "pancake day": -47, "ash wednesday": -46, "mothering sunday": -21,
                "mothers day": -21}  # fmt: skip
# School holidays in England and Wales: each authority sets its own dates, which move by a week
# or two from year to year; the spans below hold every one of them (month, day).
_HALF_TERM_BREAKS = {"oct": ((10, 16), (11, 6)), "feb": ((2, 7), (3, 3)),
                     "may": ((5, 20), (6, 8)), "jun": ((5, 20), (6, 8)),
                     "whi": ((5, 20), (6, 8))}  # fmt: skip
# Bank holidays moved from their usual Monday (a jubilee, VE Day's anniversary).
_MOVED_BANK_HOLIDAYS = {("early", 1995): date(1995, 5, 8), ("early", 2020): date(2020, 5, 8),
                        ("spring", 2002): date(2002, 6, 4), ("spring", 2012): date(2012, 6, 4),
                        ("spring", 2022): date(2022, 6, 2)}  # fmt: skip


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


def _monday(year: int, month: int, last: bool) -> date:
    """The first (or last) Monday of a month."""
    if last:
        day = date(year, month + 1, 1) - timedelta(days=1)
        return day - timedelta(days=day.weekday())
    day = date(year, month, 1)
    return day + timedelta(days=(7 - day.weekday()) % 7)


def _bank_holiday(name: str, year: int) -> tuple[date, date, bool]:
    """A bank holiday of England and Wales by its name; "May bank holiday" may be either May's."""
    if name.startswith(("early", "may day")):
        day = _MOVED_BANK_HOLIDAYS.get(("early", year), _monday(year, 5, False))
        return day, day, True
    if name.startswith(("august", "summer")):
        day = _monday(year, 8, True)
        return day, day, True
    late = _MOVED_BANK_HOLIDAYS.get(("spring", year), _monday(year, 5, True))
    if name.startswith("may "):
        early = _MOVED_BANK_HOLIDAYS.get(("early", year), _monday(year, 5, False))
        return early, late, False
    return late, late, True


def _holidays(kind: str, year: int) -> tuple[date, date, bool]:
    """A school holiday (some days in it, not known exactly)."""
    if kind in ("christmas", "xmas", "winter"):
        return date(year, 12, 15), date(year + 1, 1, 8), False
    if kind == "summer":
        return date(year, 7, 14), date(year, 9, 7), False
    sunday = _easter(year)  # Easter: a fortnight around it, or the first half of April
    first = min(sunday - timedelta(days=16), date(year, 4, 1))
    return first, max(sunday + timedelta(days=16), date(year, 4, 16)), False


def named_day(s: str) -> tuple[date, date, bool] | None:
    """(first day, last day, whether it is one day exactly) of a day or a holiday written by
    its name and year; "Christmas 2016" is Christmas Eve to Boxing Day, "Easter 2016" Good
    Friday to Easter Monday, "October half term 2016" and "summer holidays 2016" the days any
    school's holiday could have been (some day then, not known exactly); None for anything
    else."""
    m = _NAMED_DAY.fullmatch(s)
    if m is None:
        return None
    name = " ".join(m["n"].lower().replace("'", "").split())
    year = int(m["y"])
    if not 1900 <= year <= 2100:
        return None
    if m["n2"] is not None and (
        int(m["n2"]) % 100 != (year + 1) % 100
        or (m["hols"] or "").lower() not in ("christmas", "xmas", "winter")
    ):
        return None  # only the Christmas holidays run into the next year: "2016/17"
    if m["bank"]:
        return _bank_holiday(name, year)
    half = m["half"] or m["half2"]
    if half:
        (m1, d1), (m2, d2) = _HALF_TERM_BREAKS[half[:3].lower()]
        return date(year, m1, d1), date(year, m2, d2), False
    if m["hols"]:
        return _holidays(m["hols"].lower(), year)
    if name in _FIXED_DAYS:
        day = date(year, *_FIXED_DAYS[name])
        return day, day, True
    if name in ("christmas", "xmas"):
        return date(year, 12, 24), date(year, 12, 26), False
    if name == "new year":  # around the night the year began
        return date(year - 1, 12, 31), date(year, 1, 1), False
    if name == "fathers day":  # the third Sunday of June
        first = date(year, 6, 1)
        day = first + timedelta(days=(6 - first.weekday()) % 7 + 14)
        return day, day, True
    if name == "remembrance sunday":  # the second Sunday of November
        first = date(year, 11, 1)
        day = first + timedelta(days=(6 - first.weekday()) % 7 + 7)
        return day, day, True
    sunday = _easter(year)
    if name == "easter":
        return sunday - timedelta(days=2), sunday + timedelta(days=1), False
    if name.startswith("whit"):  # Whitsun: Whit week, or the late May holiday now kept then
        whit = sunday + timedelta(days=49)
        return (
            min(whit - timedelta(days=7), date(year, 5, 20)),
            max(whit + timedelta(days=8), date(year, 6, 8)),
            False,
        )
    day = sunday + timedelta(days=_FROM_EASTER[name])
    return day, day, True


# Two days joined ("14/03/2016 & 15/03/2016", "14/03/2016 and 16/03/2016").
_JOINED = re.compile(r"(?P<a>[^&+]*\d[^&+]*?)\s*(?:&|\+|\band\b)\s*(?P<b>[^&+]*\d[^&+]*)", re.I)


def joined_days(s: str) -> tuple[str, str] | None:
    """The two dates of two days written joined by "&" or "and"."""
    m = _JOINED.fullmatch(s)
    return (m["a"], m["b"]) if m else None
