"""Dates as people write them, found in text and read as dates (to find a date of birth
however it is written: "03/04/2019", "3-4-19", "3rd April 2019", "April 3, 2019", "2019-04-03",
"3-Apr-2019").
"""

import re

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DAY = r"(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?"
DATE_IN_TEXT = re.compile(
    r"(?<![\w/.\-])(?P<d1>\d{1,2})\s?(?P<s>[/.\-])\s?(?P<m1>\d{1,2})\s?(?P=s)\s?(?P<y1>\d{4}|\d{2})"
    r"(?![\w/\-]|\.\d)"
    # Year first, as systems write it: "2019-03-07", "2019/03/07", "2019.3.7".
    r"|(?<![\w/.\-])(?P<y2>\d{4})(?P<u>[/.\-])(?P<m2>\d{1,2})(?P=u)(?P<d2>\d{1,2})(?![\w/\-]|\.\d)"
    # "7 Mar 2019", "7th of March 2019", "21 Aug 94", "21 Aug '94".
    rf"|(?<!\w)(?P<d3>{_DAY})\s+(?:of\s+)?(?P<m3>{_MONTH})\.?,?\s+(?P<y3>\d{{4}}|'?\d{{2}})(?!\w)"
    rf"|(?<!\w)(?P<m4>{_MONTH})\.?\s+(?P<d4>{_DAY}),?\s+(?P<y4>\d{{4}})(?!\w)"
    # As case systems and spreadsheets write them: "14-May-2021", "14/May/21", "14.May.2021".
    rf"|(?<![\w/.\-])(?P<d5>{_DAY})(?P<t>[/.\-])(?P<m5>{_MONTH})(?P=t)(?P<y5>\d{{4}}|\d{{2}})"
    r"(?![\w/\-]|\.\d)",
    re.I,
)


def _number(text: str) -> int:
    return int(re.sub(r"\D", "", text))


def dates_in(text: str) -> list[tuple[int, int, int, int, int]]:
    """(start, end, day, month, year) of every date written in ``text``; a two-digit year
    stays two digits (it can be any century)."""
    out = []
    for m in DATE_IN_TEXT.finditer(text):
        for n in "12345":
            if m.group(f"d{n}"):
                day, month = _number(m.group(f"d{n}")), m.group(f"m{n}")
                month = _number(month) if month.isdigit() else _MONTHS[month.lower()]
                out.append((m.start(), m.end(), day, month, _number(m.group(f"y{n}"))))
                break
    return out


def birth_keys(dates) -> frozenset[tuple[int, int, int]]:
    """(day, month, year) of each date as ``dates_in`` reads it: the year in four digits and in
    two (a two-digit year can be any century)."""
    keys = set()
    for value in dates:
        keys |= {(value.day, value.month, value.year), (value.day, value.month, value.year % 100)}
    return frozenset(keys)
