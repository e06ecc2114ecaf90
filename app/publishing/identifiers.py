"""Personal identifiers found by their shape: NHS numbers (only when the check digit is
right), National Insurance numbers, postcodes, phone numbers, emails, case and crime
references, dates of birth written with a label."""

import re
from dataclasses import dataclass

DOB_REMOVED = "[date of birth removed]"

_MONTHS = (
    "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    "sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_DATE = (
    r"\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}|\d{4}-\d{2}-\d{2}|"
    rf"\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTHS})\.?,?\s+\d{{4}}|"
    rf"\d{{1,2}}[/.\-](?:{_MONTHS})[/.\-]\d{{2,4}}"
)
# What a person's number in a case system, a school or the police is labelled with.
_SYSTEMS = "mosaic|lcs|eclipse|carefirst|liquidlogic|paris|systmone|emis|rio|niche|athena|storm"
_LABELS = (
    "crime|case|incident|log|cad|urn|file|referral|ref(?:erence)?|occurrence|upn|uln|pnc|mrn|"
    "id|person|client|pupil|hospital|patient"
)
IDENTIFIERS: list[tuple[str, re.Pattern, str]] = [
    ("email", re.compile(r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+"), "[email removed]"),
    (
        "date of birth",
        re.compile(rf"\b(?:d\.?o\.?b\.?|date of birth|born(?: on)?)\s*[:\-]?\s*(?:{_DATE})", re.I),
        DOB_REMOVED,
    ),
    (
        # Ten digits in groups of three and four, however they are grouped ("943 476 5919",
        # "943 4765 919"); only a right check digit makes them an NHS number.
        "NHS number",
        re.compile(
            r"(?<![\d\w])(?=(?:\d[ \-]?){9}\d(?![\d\w]))\d{3}[ \-]?\d{3,4}[ \-]?\d{3,4}(?![\d\w])"
        ),
        "",
    ),
    (
        "National Insurance number",
        re.compile(r"\b[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b", re.I),
        "[NI number removed]",
    ),
    (
        "postcode",
        re.compile(r"\b(?:GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2})\b", re.I),
        "[postcode removed]",
    ),
    (
        "phone number",
        re.compile(
            r"(?<![\w+])(?:\+44[\s\-]?(?:\(0\)[\s\-]?)?\d{2,4}|\(?0\d{2,4}\)?)"
            r"[\s\-]?\d{3,4}[\s\-]?\d{3,4}(?![\d\w])"
        ),
        "[phone number removed]",
    ),
    (
        # A school's unique pupil number: a letter and twelve characters, all but the last
        # digits ("H801200001234").
        "unique pupil number",
        re.compile(r"\b[A-HJ-NP-Z]\d{11}[0-9A-HJ-NP-Z]\b"),
        "[UPN removed]",
    ),
    (
        "case or crime reference",
        re.compile(
            rf"\b(?:(?:{_SYSTEMS})\s+(?:(?:{_LABELS})\b\.?\s*)?|(?:{_LABELS})\.?\s*)"
            r"(?:no\.?|number|ref(?:erence)?\.?|id\b)?\s*[:#]?\s*"
            r"(?P<v>(?=[A-Z0-9/\-]{4,})(?=[A-Z0-9/\-]*\d)[A-Z0-9]+(?:[/\-][A-Z0-9]+)*)(?![\w/])"
            r"|\b[A-Z]{1,6}[/\-]?\d{2,}(?:[/\-][A-Z0-9]+)+\b|\b\d{2,4}/\d{4,}/\d{2,4}\b",
            re.I,
        ),
        "[reference removed]",
    ),
]
_HAS_DIGIT_OR_AT = re.compile(r"[\d@]")


def nhs_checksum_ok(digits: str) -> bool:
    """True when a 10-digit NHS number's last digit is its modulus 11 check digit."""
    if len(digits) != 10 or not digits.isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    check = 0 if check == 11 else check
    return check != 10 and check == int(digits[9])


@dataclass(frozen=True)
class Found:
    """Something found in a text: where, what, and why it must not be published."""

    start: int
    end: int
    text: str
    what: str  # "name", "NHS number", "postcode", …
    replacement: str


_EMAIL = IDENTIFIERS[0][1]  # searched only where there is an "@" (it is slow elsewhere)
_SHAPES = IDENTIFIERS[1:]
_KINDS = [(what, replacement or "[NHS number removed]") for what, _p, replacement in _SHAPES]
# One pass over the text: every other shape as a named alternative, in the order above.
_ANY_IDENTIFIER = re.compile(
    "|".join(
        f"(?P<k{i}>" + (f"(?i:{p.pattern})" if p.flags & re.I else p.pattern) + ")"
        for i, (_what, p, _r) in enumerate(_SHAPES)
    )
)


def find_identifiers(text: str, keep: frozenset[str] = frozenset()) -> list[Found]:
    """Every personal identifier in ``text`` (not overlapping), in order."""
    if not _HAS_DIGIT_OR_AT.search(text):
        return []
    found: list[Found] = []
    if "@" in text:
        found += [
            Found(m.start(), m.end(), m.group(0), "email", IDENTIFIERS[0][2])
            for m in _EMAIL.finditer(text)
        ]
    for m in _ANY_IDENTIFIER.finditer(text):
        what, replacement = _KINDS[int(m.lastgroup[1:])]
        start, end = m.span("v") if m.group("v") else m.span()
        value = text[start:end]
        if value in keep:
            continue
        if what == "NHS number" and not nhs_checksum_ok(re.sub(r"\D", "", value)):
            continue
        found.append(Found(start, end, value, what, replacement))
    return found
