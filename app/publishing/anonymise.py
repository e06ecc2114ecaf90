"""Anonymisation for publication: the one place names and identifiers are taken out of text.

Names come from the people register: the full name, its variants, each part alone (first or
last name), hyphenated and double-barrelled forms written either way, whatever the case, with
or without accents ("Zoe" finds "Zoë" and the other way round), possessives kept ("Lennon's"
becomes "Child L's"), and initials when no one else in the register shares them. Identifiers
are found by shape: NHS numbers (only when the check digit is right), National Insurance
numbers, postcodes, phone numbers, emails, case and crime references, dates of birth.

Speed: the text is folded once (accents off, dashes and apostrophes made plain, one character
for one character so positions still match the original), then one compiled regular
expression built as a trie of every name form runs over it. Nothing loops over names, so a
megabyte of text takes a few hundredths of a second whatever the size of the register.
"""

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from app.publishing.register import RegisterEntry

NAME_REMOVED = "[name removed]"
DOB_REMOVED = "[date of birth removed]"
ADDRESS_REMOVED = "[address removed]"
ID_REMOVED = "[identifier removed]"

# Words that are also first names: as a part of a name, found only when written with a
# capital, so "she may attend" keeps its "may".
COMMON_WORDS = frozenset(
    """may will rose mark grace hope joy faith bill frank dawn summer april june august
    holly ivy jack lily ruby sky river rich rob pat sue sunny amber autumn heather iris
    jade pearl violet victor earl baker carter cook fisher hunter mason porter taylor turner
    walker ward young white green brown black long little bell hall hill wood king""".split()
)
TITLES = frozenset("mr mrs ms miss dr prof sir dame rev mx master".split())
# Parts of names that are never a name alone ("Ní" of "Zoë Ní Bhriain", "van" of "van Dijk").
PARTICLES = frozenset(
    "de da di du del della der den la le van von ni nic mac mc bin ibn al el ap ab y st".split()
)
_SEPARATOR = r"[\s\-]+"


def _fold_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for code in range(0xC0, 0x250):
        char = chr(code)
        base = unicodedata.normalize("NFD", char)[0]
        if base != char and base.isascii() and base.isalpha():
            table[code] = base
    extra = {"ß": "s", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "æ": "a"}
    extra |= {"Æ": "A", "œ": "o", "Œ": "O", "ı": "i", "\u00a0": " ", "\u202f": " "}
    extra |= {"’": "'", "‘": "'", "ʼ": "'", "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-"}
    table.update({ord(k): v for k, v in extra.items()})
    return table


FOLD = _fold_table()


def fold(text: str) -> str:
    """Accents off, dashes and apostrophes plain; the same length as ``text``."""
    return text.translate(FOLD)


def _tokens(name: str) -> list[str]:
    return [t for t in re.split(r"[\s\-]+", fold(name).strip().lower()) if t]


# ---- identifiers --------------------------------------------------------------------------

_MONTHS = (
    "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    "sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_DATE = (
    r"\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}|\d{4}-\d{2}-\d{2}|"
    rf"\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTHS})\.?,?\s+\d{{4}}"
)
IDENTIFIERS: list[tuple[str, re.Pattern, str]] = [
    ("email", re.compile(r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+"), "[email removed]"),
    (
        "date of birth",
        re.compile(rf"\b(?:d\.?o\.?b\.?|date of birth|born(?: on)?)\s*[:\-]?\s*(?:{_DATE})", re.I),
        DOB_REMOVED,
    ),
    ("NHS number", re.compile(r"(?<![\d\w])\d{3}[ \-]?\d{3}[ \-]?\d{4}(?![\d\w])"), ""),
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
        "case or crime reference",
        re.compile(
            r"\b(?:crime|case|incident|log|cad|urn|file|referral|ref(?:erence)?)\.?\s*"
            r"(?:no\.?|number|ref(?:erence)?\.?)?\s*[:#]?\s*"
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


# ---- names ----------------------------------------------------------------------------------


class _Trie:
    def __init__(self) -> None:
        self.root: dict = {}

    def add(self, tokens: list[str]) -> None:
        node = self.root
        for i, token in enumerate(tokens):
            if i:
                node = node.setdefault(" ", {})
            for char in token:
                node = node.setdefault(char, {})
        node[""] = True

    def pattern(self) -> str:
        return self._node(self.root)

    def _node(self, node: dict) -> str:
        ends = "" in node
        branches = []
        for key in sorted(k for k in node if k):
            piece = _SEPARATOR if key == " " else re.escape(key)
            branches.append(piece + self._node(node[key]))
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        # Greedy: the longest form wins ("Kerry Marsh" before "Kerry").
        return f"(?:{body})?" if ends else body


def _date_forms(value) -> list[str]:
    return [
        value.strftime("%d/%m/%Y"),
        f"{value.day}/{value.month}/{value.year}",
        value.strftime("%d.%m.%Y"),
        value.isoformat(),
        f"{value.day} {value:%B %Y}",
        f"{value.day} {value:%b %Y}",
        value.strftime("%d/%m/%y"),
    ]


class Anonymiser:
    """Built once from the register; ``apply`` replaces, ``find`` reports."""

    def __init__(self, entries: Iterable[RegisterEntry], keep: Iterable[str] = ()) -> None:
        self.entries = [e for e in entries if e.name.strip()]
        self.keep = frozenset(k for k in keep if k)
        forms: dict[str, set[str]] = {}  # folded lower form -> descriptors
        restricted: set[str] = set()
        literal: dict[str, str] = {}  # addresses, identifiers, dates: folded lower -> text
        for entry in self.entries:
            descriptor = entry.descriptor.strip() or NAME_REMOVED
            names = [entry.name, *entry.variants]
            for name in names:
                tokens = _tokens(name)
                if not tokens:
                    continue
                forms.setdefault(" ".join(tokens), set()).add(descriptor)
                if entry.kind == "place":
                    continue
                # Runs of parts: "Smith Jones" of "Zoë Smith-Jones", written either way.
                for size in range(2, len(tokens)):
                    for first in range(len(tokens) - size + 1):
                        run = " ".join(tokens[first : first + size])
                        forms.setdefault(run, set()).add(descriptor)
                for token in tokens:
                    if token in TITLES or token in PARTICLES or len(token) < 2:
                        continue
                    forms.setdefault(token, set()).add(descriptor)
                    if token in COMMON_WORDS:
                        restricted.add(token)
            for texts, removed in (
                (entry.addresses, ADDRESS_REMOVED),
                (entry.identifiers, ID_REMOVED),
            ):
                for text in texts:
                    tokens = _tokens(text.replace(",", " "))
                    if tokens:
                        forms.setdefault(" ".join(tokens), set()).add(removed)
            if entry.date_of_birth:
                for form in _date_forms(entry.date_of_birth):
                    literal[fold(form).lower()] = DOB_REMOVED
        self._replacement = {
            form: (next(iter(d)) if len(d) == 1 else NAME_REMOVED) for form, d in forms.items()
        }
        self._restricted = restricted
        trie = _Trie()
        for form in forms:
            trie.add(form.split(" "))
        self._names = (
            re.compile(r"(?<![\w'])(?:" + trie.pattern() + r")(?!\w)", re.I) if forms else None
        )
        self._literals = (
            re.compile("|".join(re.escape(k) for k in sorted(literal, key=len, reverse=True)), re.I)
            if literal
            else None
        )
        self._initials = self._initials_pattern()

    def _initials_pattern(self) -> re.Pattern | None:
        by_initials: dict[str, list[RegisterEntry]] = {}
        for entry in self.entries:
            tokens = [t for t in _tokens(entry.name) if t not in TITLES]
            if entry.kind != "person" or len(tokens) < 2:
                continue
            by_initials.setdefault("".join(t[0] for t in tokens).upper(), []).append(entry)
        self._initial_of = {k: v[0].descriptor for k, v in by_initials.items() if len(v) == 1}
        if not self._initial_of:
            return None
        shapes = [r"\.?\s?".join(re.escape(c) for c in k) + r"\.?" for k in self._initial_of]
        return re.compile(r"(?<![\w.])(?:" + "|".join(shapes) + r")(?![\w])")

    def _descriptor(self, matched: str) -> str | None:
        key = " ".join(_tokens(matched))
        if key in self._restricted and not matched[:1].isupper():
            return None
        return self._replacement.get(key)

    def find(self, text: str) -> list[Found]:
        """Every register name, register detail and identifier in ``text``."""
        if not text:
            return []
        found: list[Found] = []
        folded = fold(text)
        if self._names is not None:
            for m in self._names.finditer(folded):
                descriptor = self._descriptor(m.group(0))
                if descriptor in (ID_REMOVED, ADDRESS_REMOVED):
                    what = "identifier in the register" if descriptor == ID_REMOVED else "address"
                    found.append(
                        Found(m.start(), m.end(), text[m.start() : m.end()], what, descriptor)
                    )
                elif descriptor is not None:
                    found.append(
                        Found(m.start(), m.end(), text[m.start() : m.end()], "name", descriptor)
                    )
        if self._initials is not None:
            for m in self._initials.finditer(text):
                key = re.sub(r"[\s.]", "", m.group(0))
                found.append(
                    Found(m.start(), m.end(), m.group(0), "initials", self._initial_of[key])
                )
        if self._literals is not None:
            for m in self._literals.finditer(folded):
                found.append(
                    Found(
                        m.start(), m.end(), text[m.start() : m.end()], "date of birth", DOB_REMOVED
                    )
                )
        found += find_identifiers(text, self.keep)
        return _without_overlaps(found)

    def apply(self, text: str) -> str:
        """``text`` as it may be published."""
        if not text:
            return text
        hits = self.find(text)
        if not hits:
            return text
        out, last = [], 0
        for hit in hits:
            before = text[last : hit.start]
            if hit.what == "name" and (folded := _appositive(before, text, hit)) is not None:
                # "his mother, Kerry Marsh, said" reads "his mother said", not "his mother,
                # Mother, said": the name only repeated what the words around it say.
                kept, last = folded
                out.append(kept)
                continue
            out.append(before)
            out.append(_cased(hit.replacement, text, hit.start))
            last = hit.end
        out.append(text[last:])
        return "".join(out)


def _without_overlaps(found: list[Found]) -> list[Found]:
    found.sort(key=lambda f: (f.start, -(f.end - f.start)))
    kept: list[Found] = []
    end = -1
    for f in found:
        if f.start >= end:
            kept.append(f)
            end = f.end
    return kept


_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.I)
_OWNER = r"(?:(?:his|her|their|the)\s+)?"


def _appositive(before: str, text: str, hit: Found) -> tuple[str, int] | None:
    """When a name stands beside words that already describe the person, the text without it.

    Returns what to write for ``before`` and where to go on in ``text``; None when the name is
    not beside its own description.
    """
    core = _ARTICLE.sub("", hit.replacement.strip())
    if not core or core.startswith("["):
        return None
    words = r"\s+".join(re.escape(w) for w in core.split())
    # Described first: "his mother, NAME," / "her mother (NAME)" / "Mother NAME".
    m = re.search(r"(?<!\w)" + words + r"(\s*,\s*|\s*\(\s*|\s+)$", before, re.I)
    if m:
        rest = hit.end
        closing = re.match(r"\s*\)" if "(" in m.group(1) else r"\s*,", text[rest:])
        if closing and ("(" in m.group(1) or "," in m.group(1)):
            rest += closing.end()
        elif "(" in m.group(1):
            return None
        return before[: m.start(1)], rest
    # Named first: "NAME, his mother, said" / "I met NAME, her mother."
    m = re.match(
        r"\s*,\s*(" + _OWNER + words + r")(?:\s*,|(?=\s*[.;:!?)]|\s*$))", text[hit.end :], re.I
    )
    if m:
        phrase = m.group(1)
        return before + _cased(phrase, text, hit.start), hit.end + m.end()
    return None


_SENTENCE_START = re.compile(r"(?:[.!?:]\s+|\n\s*)$")


def _cased(replacement: str, text: str, start: int) -> str:
    """A descriptor starting lower case ("the health visitor") capitalised at a sentence start."""
    at_start = start == 0 or _SENTENCE_START.search(text[max(0, start - 4) : start])
    if replacement[:1].islower() and at_start:
        return replacement[:1].upper() + replacement[1:]
    return replacement
