"""Which column of an agency's table holds what, decided by what the cells hold, with the
headings confirming: the narrative is the long free text (never an identifier, a number or a
yes/no column), dates are the column whose cells read as dates, types are short repeated
values. When a system splits the narrative over several columns (History / Examination / Plan;
Case Note Title / Case Note), the parts are joined into the entry with their headings.

Every decision comes with its reason in plain words, so the user can see and change it.
"""

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any

from app.chronology.date_forms import compact_day, compact_day_first, compact_month_first
from app.chronology.dates import parse_date, parse_time, says_no_time
from app.chronology.event_types import names_a_type
from app.chronology.mapping import header_fields, normalise_header
from app.chronology.note_pieces import numbered_pieces, one_text_in_pieces
from app.chronology.types import MAPPABLE_FIELDS

PROFILE_ROWS = 400
_FEW_VALUES = 40  # distinct values a column of types holds at most

_YES_NO = frozenset("y n yes no true false x n/a na none nil ✓ ✔ tick unknown".split())
_IDENTIFIER = re.compile(r"[A-Z]{0,8}[\s/\-_#:.]?\d[\dA-Z/\-_.]{2,24}", re.I)
_NUMBER = re.compile(r"[-+]?\d[\d,]*(?:\.\d+)?")
# A police officer as police systems write one: rank and collar or warrant number, perhaps a
# surname ("PC 1234", "DS 22 Khan", "A/Sgt 4410"): a person, not a reference number.
_OFFICER = re.compile(
    r"(?i:(?:A/|T/|Acting\s+)?(?:PC|PS|DC|DS|DI|DCI|DSI|TDC|SC|PCSO|Sgt|Insp|Ch\.?\s?Insp|Supt"
    r"|Ch\.?\s?Supt|Det\.?\s?(?:Con|Sgt|Insp))\.?)\s*\d{1,7}(?:\s+[A-Z][A-Za-z'\-]+){0,2}"
)
# A word of a name: capitalised, its letters those of English, of the Latin alphabets of Europe
# ("Siân", "Seán", "Łukasz Wiśniewski", "Dąbrowski"), Greek or Cyrillic ("Олена Коваленко").
_UPPER = "A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u017f\u0386-\u03ab\u0400-\u042f\u0490"
_LETTER = "a-zA-Z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u017f\u0386-\u03ce\u0400-\u045f\u0490\u0491"
_NAME_WORD = re.compile(
    rf"(?:[{_UPPER}][{_LETTER}'\-]*\.?|[A-Z]\.|\d{{2,6}}|\([^)]{{1,30}}\)|&|and|of|de|van)$"
)
# Headings that name something other than the narrative, even when the cells hold text.
_NOT_NARRATIVE = re.compile(
    r"\b(?:address|location|venue|place|postcode|school|team|service|ward|establishment|site"
    r"|area|nhs|ref|reference|id|number|no|dob|birth|agency|organisation|status|priority|rag"
    r"|risk level|category|outcome code|code|ethnicity|gender|age|telephone|phone|email|flag)\b",
    re.I,
)
_DURATION = re.compile(
    r"\b(?:duration|length|spent|taken|travel\w*|elapsed|total|minutes|mins|hours|hrs|active"
    r"|talk|wait\w*|response)\b",
    re.I,
)
_BIRTH = re.compile(r"\b(?:dob|d\.o\.b|birth)\b", re.I)
_IDENTIFYING = re.compile(r"\b(?:id|ref|reference|number|no|code|urn|crn|nhs)\b", re.I)


def _dates_carry_times(rows: list[tuple[int, list[Any]]], column: int | None) -> bool:
    """Most of the date column's cells carry their own time ("14/03/2016 10:32"): no other
    column is taken as the time for its cells alone."""
    if column is None:
        return False
    values = [c[column] for _n, c in rows[:PROFILE_ROWS] if column < len(c) and c[column]]
    timed = sum(
        1
        for v in values
        if isinstance(v, datetime)
        and (v.hour or v.minute)
        or (v.__class__ is str and parse_date(v).time)
    )
    return bool(values) and timed >= 0.8 * len(values)


def _day_and_time(value: Any) -> tuple[date, str] | None:
    if isinstance(value, datetime):
        return value.date(), f"{value:%H:%M}"
    if value.__class__ is str and any(c.isdigit() for c in value):
        parsed = parse_date(value)
        if parsed.precision == "day" and parsed.start:
            return parsed.start, parsed.time
    return None


def _stamps_of_other_days(rows: list[tuple[int, list[Any]]], column: int, dated: int) -> str:
    """Why a column headed as a time is not the entries' time (or ""): its cells are dates
    with times on other days than the entries' (a form's "Start time", when it was filled in,
    days later). A database's day nought (1899, 1900) under a time is a time alone."""
    both = other = 0
    for _n, cells in rows[:PROFILE_ROWS]:
        if max(column, dated) >= len(cells):
            continue
        stamp, day = _day_and_time(cells[column]), _day_and_time(cells[dated])
        # (a stamp is a day with its time: "10.32.00", a mainframe's time, reads as a day only)
        if stamp and stamp[1] and day and stamp[0].year > 1900:
            both += 1
            other += stamp[0] != day[0]
    if both and other >= 0.8 * both:
        return (
            "its cells are dates and times of other days than the entries' (the record's own "
            "stamps, not when things happened)"
        )
    return ""


def _form_stamps(headings: list[str], column: int) -> bool:
    """Microsoft Forms' "Start time" beside its "Completion time": when the form was filled
    in, never when the thing it reports happened."""
    if normalise_header(headings[column]) != "start time":
        return False
    return any(normalise_header(h) == "completion time" for h in headings)


# A form's or a survey's own stamps: when the person filling it in started and finished
# ("Start Date" and "End Date" to the second, minutes apart).
_STARTED = re.compile(r"start(?:ed)?\b", re.I)
_FINISHED = re.compile(r"(?:end(?:ed)?|finish(?:ed)?|complet(?:ed|ion)|submit(?:ted)?)\b", re.I)


def _moment(value: Any) -> tuple[date, str] | None:
    """(day, time) of a stamp, day first or, where only that reads, month first."""
    if value.__class__ is str and any(c.isdigit() for c in value):
        for order in ("dmy", "mdy"):
            parsed = parse_date(value, order=order)
            if parsed.precision == "day" and parsed.start:
                return parsed.start, parsed.time
        return None
    return _day_and_time(value)


def _one_bare_figure(rows: list[tuple[int, list[Any]]], column: int) -> bool:
    """The same bare figure on every row ("100", a survey's progress): a count or a score,
    not the time of each entry."""
    values = {c[column] for _n, c in rows[:PROFILE_ROWS] if column < len(c) and c[column] != ""}
    if len(values) != 1 or len(rows) < 3:
        return False
    value = next(iter(values))
    return isinstance(value, int | float) or (value.__class__ is str and value.strip().isdigit())


_PEOPLE_AND_KINDS = frozenset({"practitioner", "role", "subjects", "event_type"})


def _form_started(
    headings: list[str], rows: list[tuple[int, list[Any]]], column: int, scores
) -> int | None:
    """A "Start Date" whose every cell is a moment with its time, beside a "... End Date" or
    "Submitted" of moments the same day, where another column's heading plainly names the
    event's date: the form's own stamps, not when the thing it reports happened. The column
    of the end stamp (None when the start is not such a stamp)."""
    if not any(
        scores[i].get("date", 0) >= 1000 and not _STARTED.match(h)
        for i, h in enumerate(headings)
        if i != column
    ):
        return None
    for other, heading in enumerate(headings):
        if other == column or not _FINISHED.match(heading):
            continue
        pairs = [(_moment(c[column]), _moment(c[other]))
                 for _n, c in rows[:PROFILE_ROWS] if max(column, other) < len(c)]  # fmt: skip
        both = [(a, b) for a, b in pairs if a and b and a[1] and b[1]]  # each with its time
        if both and len(both) >= 0.8 * len(pairs) and all(a[0] == b[0] for a, b in both):
            return other
    return None


# Headings of narrative parts (joined into the event with their label).
_NARRATIVE_PART = re.compile(
    r"\b(?:title|summary|subject|history|examination|exam|plan|presenting|presentation"
    r"|assessment|note|notes|narrative|details|description|comment|comments|observations"
    r"|findings|discussion|reason|concern|concerns|rationale|analysis of need|what happened)\b",
    re.I,
)
_NO_EVENT_REASON = "Headings found: {headings}. Choose the event column with --map event={example}."


@dataclass
class ColumnProfile:
    index: int
    heading: str
    filled: int = 0
    dates: int = 0
    times: int = 0
    numbers: int = 0
    identifiers: int = 0
    yes_no: int = 0
    names: int = 0
    one_word_names: int = 0  # of the names, those of one word ("Telephone", "Clinic")
    multiline: int = 0
    length: int = 0
    words: int = 0
    distinct: int = 0
    no_time: int = 0  # "AM", "N/K", "-": a time cell saying there is no time to give
    clock_numbers: int = 0  # whole numbers that read as a 24-hour clock (1032, 905 for 09:05)
    type_names: int = 0  # distinct values that are event types' names (when few are distinct)
    sessions: bool = False  # every value a register's session, "AM" or "PM"
    pages: bool = False  # every value a printed report's page number ("Page 1 of 3")
    named_roles: int = 0  # names with a role after them in brackets ("Sam Ellery (HV)")
    ordinary_words: bool = False  # single words that are ordinary words, not names (labels)

    def share(self, count: int) -> float:
        return count / self.filled if self.filled else 0.0

    @property
    def mean_length(self) -> float:
        return self.length / self.filled if self.filled else 0.0

    @property
    def mean_words(self) -> float:
        return self.words / self.filled if self.filled else 0.0

    @property
    def distinct_ratio(self) -> float:
        return self.distinct / self.filled if self.filled else 0.0

    def holds_short_labels(self) -> bool:
        """Short values (a few words), mostly not flags, numbers, references, dates or names:
        what a column of types holds."""
        flags = self.share(self.yes_no) + self.share(self.numbers) + self.share(self.identifiers)
        names = self.names
        if self.distinct_ratio <= 0.5:
            # a few capitalised words repeated down the column ("Telephone", "Clinic") are
            # labels sooner than people, who are named with two words or more
            names -= self.one_word_names
        return (
            self.mean_words <= 4
            and flags < 0.5
            and self.share(self.dates) + self.share(names) < 0.5
        )

    def not_narrative_because(self, named: bool = False) -> str:
        """Why this column can never be the event ("" when it can). A column whose heading
        names the event is refused only for hard evidence (dates, flags, numbers)."""
        if not self.filled:
            return "it is empty"
        if self.share(self.dates) >= 0.6:
            return "its cells are dates"
        if self.share(self.times) >= 0.6:
            return "its cells are times of day"
        if self.share(self.yes_no) >= 0.6:
            return "yes/no answers"
        if self.share(self.identifiers) >= 0.6:
            return "reference numbers"
        if self.share(self.numbers) >= 0.6:
            return "numbers"
        if named:
            return ""
        if self.mean_words < 1.5:
            return "single words or codes, not sentences"
        if self.mean_words < 2.5 and self.distinct_ratio < 0.5:
            return "short values repeated down the column (a type or category)"
        if self.share(self.names) >= 0.6 and self.mean_words <= 4:
            return "names of people"
        return ""


# Where the order of day and month can matter: three numbers close together (14/03/2016,
# "14 /03/ 2016", "12,09,2016") or eight figures (14032016).
_ORDER_MATTERS = re.compile(r"\d{1,2}\D{1,3}\d{1,2}\D{1,3}\d{2}|\d{8}")


def _reads_as_date(text: str) -> bool:
    if parse_date(text).ok:
        return True
    # Read month first only where that could read what day first could not.
    return (not text.isascii() or _ORDER_MATTERS.search(text) is not None) and parse_date(
        text, order="mdy"
    ).ok


# A role after a name in brackets ("Sam Ellery (Care Coordinator)"): one word of the name.
_BRACKETED = re.compile(r"\(([^()\s]+(?: [^()\s]+){0,2})\)")


_INITIALS_THEN_TEAM = re.compile(r"([A-Z]{2,4})\s+[-\u2013]\s+\w[\w &/]{1,30}")


def _is_name(text: str) -> bool:
    if len(text) <= 40 and " " in text and _INITIALS_THEN_TEAM.fullmatch(text):
        return True  # initials, then the team after a dash: "PN - Assessment"
    if "(" in text:
        text = _BRACKETED.sub(lambda m: "(" + m[1].replace(" ", "_") + ")", text)
    words = text.replace(",", " ").split()
    return 1 <= len(words) <= 6 and len(text) <= 50 and all(map(_NAME_WORD.match, words))


def _kind_of(text: str) -> str:
    """What a text cell holds: the ColumnProfile count it adds to ("" for free text)."""
    if text.casefold() in _YES_NO:
        return "yes_no"
    # A browser's "Mon Mar 14 2016 10:32:00 GMT+0000 (Greenwich Mean Time)" is a date too.
    if (
        (len(text) <= 40 or len(text) <= 64 and text.count(" ") <= 8)
        and any(c.isdigit() for c in text)
        and _reads_as_date(text)
    ):
        return "dates"
    if len(text) <= 20 and parse_time(text):
        return "times"
    if len(text) <= 20 and says_no_time(text):
        return "no_time"
    if _NUMBER.fullmatch(text):
        return "numbers"
    if _OFFICER.fullmatch(text):
        return "names"
    if _IDENTIFIER.fullmatch(text) and sum(c.isdigit() for c in text) >= 3:
        return "identifiers"
    if _is_name(text):
        return "names"
    return ""


def profile_columns(headings: list[str], rows: list[tuple[int, list[Any]]]) -> list[ColumnProfile]:
    """What the cells of each column hold, from the first rows of the table."""
    profiles = [ColumnProfile(i, h) for i, h in enumerate(headings)]
    seen: list[set] = [set() for _ in headings]
    kinds: dict[str, str] = {}  # a text repeated down a column is looked at once
    for _number, cells in rows[:PROFILE_ROWS]:
        for p, value, values in zip(profiles, cells, seen, strict=False):
            if value.__class__ is str:  # (most cells: straight to the text)
                text = value.strip()
                if not text:
                    continue
            elif value is None:
                continue
            elif isinstance(value, datetime | date):
                p.filled += 1
                p.dates += 1
                values.add(value)
                continue
            elif isinstance(value, time):
                p.filled += 1
                p.times += 1
                continue
            elif isinstance(value, bool):
                p.filled += 1
                p.yes_no += 1
                values.add(value)
                continue
            elif isinstance(value, int | float):
                p.filled += 1
                p.numbers += 1
                values.add(value)
                if 0 <= value <= 2359 and value % 100 < 60 and value == int(value):
                    p.clock_numbers += 1
                elif 0 < value < 1:
                    p.clock_numbers += 1  # a time cell that lost its format: 0.4388 is 10:32
                if 20000 < value < 80000 or (
                    1011900 <= value <= 31122100
                    and value == int(value)
                    and (
                        compact_day(str(int(value)))
                        or compact_day_first(str(int(value)))
                        or compact_month_first(str(int(value)))
                    )
                ):
                    p.dates += 1  # an Excel serial or 20160314 written as a number
                continue
            else:
                text = value.strip() if isinstance(value, str) else str(value)
                if not text:
                    continue
            p.filled += 1
            values.add(text)
            p.length += len(text)
            p.words += len(text.split())
            if "\n" in text:
                p.multiline += 1
            kind = kinds.get(text)
            if kind is None:
                kind = kinds[text] = _kind_of(text)
            if kind:
                setattr(p, kind, getattr(p, kind) + 1)
                if kind == "names":
                    if text[-1] == ")":
                        p.named_roles += 1
                    elif " " not in text:
                        p.one_word_names += 1
    for p, values in zip(profiles, seen, strict=True):
        p.distinct = len(values)
        if p.distinct <= _FEW_VALUES:
            if values and all(
                isinstance(v, str) and v.casefold().replace(".", "") in _SESSIONS for v in values
            ):
                p.sessions = True  # a register's half-days ("AM", "PM"): not a type, no time
                continue
            if values and page_numbers(values):
                p.pages = True  # "Page 1 of 3": where the row was printed, nothing of it
                continue
            p.type_names = sum(1 for v in values if names_a_type(v))
    for p, values in zip(profiles, seen, strict=True):
        if (
            p.distinct >= 3
            and p.names >= 0.6 * p.filled
            and p.one_word_names >= 0.8 * p.names
            and _ordinary_words(values, p.index, rows)
        ):
            # "Telephone", "Visit", "Clinic": labels, which one-word names of people are not
            p.names -= p.one_word_names
            p.ordinary_words = True
    return profiles


# A printed report's page number, which a report saved from its printed layout repeats on
# each row printed on the page ("Page 1 of 3", "Pg 2/3").
PAGE_NUMBER = re.compile(r"\s*(?:page|pg\.?)\s*\d{1,4}\s*(?:of|/)\s*(?P<of>\d{1,4})\s*", re.I)


def page_numbers(values) -> bool:
    """Whether ``values`` are all a printed report's "Page 1 of 3", of one number of pages (a
    page cited alone, "p. 12", is a reference to a record, kept)."""
    totals = set()
    for value in values:
        m = PAGE_NUMBER.fullmatch(value) if value.__class__ is str else None
        if m is None:
            return False
        totals.add(m["of"])
    return len(totals) == 1


# The sessions a school register is kept by: a half-day, not a kind of contact.
_SESSIONS = frozenset({"am", "pm", "morning", "afternoon"})
_LOWER_WORD = re.compile(r"(?<![\w'\-])[a-z]{3,}(?![\w'\-])")


def _ordinary_words(values: set, index: int, rows: list[tuple[int, list[Any]]]) -> bool:
    """Whether a column's single capitalised words are ordinary words, not people's names: at
    least half of them (two or more) are names of event types, or are written in lower case in
    the other cells of the rows (a name is capitalised wherever it is written: "visit" and
    "letter" in the notes, never "ellery"). Looked at only for a column of single words."""
    words = [v for v in values if v.__class__ is str and v.isalpha()]
    if len(words) < 3:
        return False
    ordinary = {w for w in words if names_a_type(w)}
    needed = max(2, len(words) / 2)
    if len(ordinary) >= needed:
        return True
    written: set[str] = set()
    for _number, cells in rows[:PROFILE_ROWS]:
        for i, cell in enumerate(cells):
            if i != index and cell.__class__ is str and " " in cell:
                written.update(_LOWER_WORD.findall(cell))
    ordinary.update(w for w in words if w.lower() in written)
    return len(ordinary) >= needed


@dataclass
class ColumnPlan:
    mapping: dict[str, int]  # field -> column
    parts: list[int]  # columns joined into the event, in order (the event column among them)
    reasons: dict[int, str] = field(default_factory=dict)  # column -> what was decided, why
    problems: list[str] = field(default_factory=list)


def _heading_scores(headings: list[str]) -> list[dict[str, int]]:
    return [header_fields(h) if h and not h.startswith("Column ") else {} for h in headings]


def _narrative_weight(p: ColumnProfile, rows: int, heading_score: int) -> float:
    weight = p.mean_length * (p.filled / max(rows, 1)) * (1 + p.share(p.multiline))
    if heading_score >= 1000:
        weight *= 1.5
    return weight


_SYSTEMS_OWN = re.compile(r"\s*\(do not modify\)", re.I)


def plan_columns(
    headings: list[str],
    rows: list[tuple[int, list[Any]]],
    given: dict[str, list[int]] | None = None,
) -> ColumnPlan:
    """Decide field by field, from content and headings; ``given`` (field -> columns) wins."""
    from app.chronology.column_content import (
        finer_type,
        known_types,
        practitioner_by_names,
        type_by_values,
    )

    given = given or {}
    # A field given no column (the author chose "not in this file") is not guessed either.
    refused = {name for name, columns in given.items() if not columns}
    profiles = profile_columns(headings, rows)
    scores = _heading_scores(headings)
    total = min(len(rows), PROFILE_ROWS)
    mapping: dict[str, int] = {}
    reasons: dict[int, str] = {}
    taken: set[int] = set()

    def take(name: str, column: int, why: str) -> None:
        if name in refused:
            return
        mapping[name] = column
        taken.add(column)
        reasons[column] = f"{MAPPABLE_FIELDS[name]}: {why}"

    for p in profiles:
        if p.pages and not any(p.index in c for c in given.values()):
            taken.add(p.index)  # (left out by title_columns, named once)
            reasons[p.index] = "a printed report's page numbers"
            continue
        if _SYSTEMS_OWN.match(p.heading) and not any(p.index in c for c in given.values()):
            # A CRM's "Export to Excel" keeps its own columns for re-import, hidden: the
            # record's id, a checksum, when the row last changed. None is the entry's.
            taken.add(p.index)
            reasons[p.index] = "kept with each entry as imported (the system's own column)"

    parts_given = given.get("event", [])
    for name, columns in given.items():
        if columns and name != "event":
            take(name, columns[0], "as chosen")
    if parts_given:
        take("event", parts_given[0], "as chosen")
        for column in parts_given[1:]:
            taken.add(column)
            reasons[column] = "joined to the event with its heading, as chosen"

    form_stamps: set[int] = set()  # a form's own "Start Date" and "End Date"
    # Dates: the column whose cells read as dates; the heading says which date it is.
    if "date" not in mapping:
        candidates = []
        # A column of dates whose heading plainly names the event's date ("Occurred From").
        named = any(
            scores[p.index].get("date", 0) >= 1000 and p.share(p.dates) >= 0.5
            for p in profiles
            if p.index not in taken
        )
        for p in profiles:
            if p.index in taken or not p.filled:
                continue
            s = scores[p.index]
            # A column headed as the date recorded or the end date is the event's date only
            # when no other column holds dates; one headed more as the date recorded than as
            # the event's ("Date/Time Reported") gives way to one plainly naming the event's.
            other_date = any(k in s for k in ("recorded", "end_date")) and (
                "date" not in s or named and s["date"] < 1000 < s.get("recorded", 0)
            )
            share = p.share(p.dates)
            # An identifier (an incident number 201603140001 reads as a compact date and time)
            # gives way to any other column of dates.
            own = not (_IDENTIFYING.search(p.heading) and "date" not in s)
            # A date of birth, or one same date on every row (a report's run date) under a
            # heading not plainly naming the event's date, gives way to dates that change
            # from entry to entry.
            constant = p.distinct == 1 and p.filled >= 5 and s.get("date", 0) < 1000
            own = own and not constant and not _BIRTH.search(p.heading)
            if own and named and _STARTED.match(p.heading):
                partner = _form_started(headings, rows, p.index, scores)
                if partner is not None:
                    own = False
                    form_stamps.update((p.index, partner))
            # Dates repeated down the column (the case's referral date beside each of its
            # notes; the day a workflow step started beside the notes of the step) give way
            # to dates that change with the entries: more so the more they repeat.
            many = p.filled >= 8
            varies = (
                2 - (many and p.distinct * 4 <= p.filled) - (many and p.distinct * 2 <= p.filled)
            )
            if share >= 0.5 and p.filled >= 0.3 * total:
                candidates.append(
                    (not other_date, own, "date" in s, share >= 0.8, varies, -p.index, p)
                )
            elif "date" in s and s["date"] >= 1000:
                candidates.append((True, True, False, False, 2, -1000 - p.index, p))
        if not candidates:
            # Dates as people remember them ("Approximate date": "pre 2010", "Unknown"): under
            # a heading naming the date, a quarter read as dates is enough; the rest are flagged.
            candidates = [
                (True, True, True, False, 2, -p.index, p)
                for p in profiles
                if p.index not in taken
                and "date" in scores[p.index]
                and not any(k in scores[p.index] for k in ("recorded", "end_date"))
                and p.share(p.dates) >= 0.25
            ]
        if candidates:
            best = max(candidates, key=lambda c: c[:6])[6]
            share = best.share(best.dates)
            why = f"{share:.0%} of its cells are dates"
            if "date" in scores[best.index]:
                why += f"; its heading '{best.heading}' says so"
            take("date", best.index, why)

    # Two columns headed as the type (Entry Type, Sub Type): the finer one is the type.
    typed = [p.index for p in profiles if "event_type" in scores[p.index] and p.filled]
    if len(typed) >= 2 and "event_type" not in mapping:
        fine = finer_type(rows, typed)
        if fine is not None:
            top = max(scores[i]["event_type"] for i in typed)
            scores[fine] = {**scores[fine], "event_type": top + 1}

    # Other fields named by their heading, unless the cells say otherwise.
    candidates = sorted(
        (-score, p.index, name)
        for p in profiles
        for name, score in scores[p.index].items()
        if name not in ("date", "event")
    )
    for _score, column, name in candidates:
        if name in mapping or column in taken:
            continue
        p = profiles[column]
        veto = _veto(name, p)
        if not veto and column in form_stamps:
            veto = "the form's own stamp (when it was filled in), not the event's"
        if (
            not veto
            and name in ("outcome", "significance")
            and _score > -1000  # named by a word of the heading only ("Response Type")
            and p.distinct == 1
            and p.filled >= 5
        ):
            veto = "the same value on every row, nothing of each entry"
        if (
            not veto
            and not p.filled
            and total >= 3
            and name in _PEOPLE_AND_KINDS
            and not any(column < len(c) and c[column] not in ("", None) for _n, c in rows)
        ):
            veto = "its cells are all empty"
        if not veto and name == "time" and "date" in mapping and p.dates:
            veto = _stamps_of_other_days(rows, column, mapping["date"])
        if (
            not veto
            and name == "time"
            and _score > -1000  # a time named by a word beside "time" ("Triage Time")
            and "date" in mapping
            and "time" in headings[mapping["date"]].casefold()
            and _dates_carry_times(rows, mapping["date"])
        ):
            veto = "the time of another step: the date column carries the event's own time"
        if not veto and name == "time" and _form_stamps(headings, column):
            veto = "a form's own stamp (when it was filled in), beside its 'Completion time'"
        if veto:
            reasons.setdefault(column, f"not {MAPPABLE_FIELDS[name]}: {veto}")
            continue
        take(name, column, f"its heading '{p.heading}'")

    if "time" not in mapping and not _dates_carry_times(rows, mapping.get("date")):
        for p in profiles:
            if _DURATION.search(p.heading) or _IDENTIFYING.search(p.heading):
                continue  # "Duration" 00:45 is how long, not when; "ID" 001200 is no time
            if (
                p.index not in taken
                and p.filled
                and p.share(p.times) >= 0.8
                and not _one_bare_figure(rows, p.index)
            ):
                take("time", p.index, f"{p.share(p.times):.0%} of its cells are times of day")
                break

    column = mapping.get("subjects")
    if (
        column is not None
        and "practitioner" not in mapping
        and "practitioner" not in refused
        and "subjects" not in given
        and _BARE_PERSON.fullmatch(headings[column])
    ):
        states = _task_states(profiles, rows, column)
        if states:  # a task list's "Person": who each item is assigned to
            del mapping["subjects"]
            taken.discard(column)
            take(
                "practitioner",
                column,
                f"'{headings[column]}' of a task list (its status column says {states}): "
                "whom each item is assigned to",
            )

    if "practitioner" not in mapping:
        dated = profiles[mapping["date"]].filled if "date" in mapping else None
        practitioner_by_names(profiles, scores, total, take, dated)

    # The event: the longest free text, never an identifier, number, flag or date column.
    problems: list[str] = []
    if "event" not in mapping:
        best, best_weight = None, 0.0
        for p in profiles:
            if p.index in taken:
                continue
            why_not = p.not_narrative_because(scores[p.index].get("event", 0) >= 1000)
            if why_not:
                if "event" in scores[p.index]:
                    reasons[p.index] = f"not the event: {why_not}"
                continue
            weight = _narrative_weight(p, total, scores[p.index].get("event", 0))
            if _NOT_NARRATIVE.search(p.heading) and not _NARRATIVE_PART.search(p.heading):
                weight *= 0.25  # "Source reference", "Flag": long text, but not what happened
            if weight > best_weight:
                best, best_weight = p, weight
        if best is None or best.holds_short_labels():
            # The only free text was taken by its heading (Comments, Action): it is the event,
            # not a column of a few words (an "Activity" of Home visit, Telephone call).
            for name in ("significance", "outcome"):
                column = mapping.get(name)
                if column is None or profiles[column].not_narrative_because():
                    continue
                if best is None or profiles[column].mean_length >= max(40, 3 * best.mean_length):
                    del mapping[name]
                    taken.discard(column)
                    reasons.pop(column, None)
                    best = profiles[column]
                    break
        if best is not None:
            multi = best.share(best.multiline)
            why = f"the longest free text (on average {best.mean_length:.0f} characters"
            why += f", {multi:.0%} over several lines)" if multi >= 0.05 else ")"
            take("event", best.index, why)
    if "event_type" not in mapping and "event_type" not in given:
        for p in profiles:
            # A column headed as the event that holds a few values repeated is its type.
            if (
                p.index not in taken
                and p.filled
                and "event" in scores[p.index]
                and p.holds_short_labels()
                and (p.distinct_ratio < 0.5 or known_types(rows, p.index) >= 0.6)
            ):
                take("event_type", p.index, "short values repeated down the column (a type)")
                break
    if "event_type" not in mapping and "event_type" not in given:
        for p in profiles:
            # Whatever its heading (Service, Activity, Category): a few short values repeated
            # down the column, some of them names of event types (Daily log, Behaviour,
            # Missing episode).
            if (
                p.index not in taken
                and p.type_names
                and p.filled >= 5
                and p.holds_short_labels()
                # few values for the rows, or most of them names of event types
                and (
                    p.distinct_ratio < 0.2
                    or p.distinct_ratio <= 0.5
                    and p.type_names >= 2
                    and 2 * p.type_names >= p.distinct
                )
            ):
                take("event_type", p.index, "a few short values repeated, event types among them")
                break
    if "event_type" not in mapping and "event_type" not in given:
        type_by_values(profiles, scores, rows, total, taken, take)
    column = mapping.get("outcome")
    if (
        "event_type" not in mapping
        and "event_type" not in given
        and "outcome" not in given
        and column is not None
        and profiles[column].holds_short_labels()
        and profiles[column].distinct >= 2
        and known_types(rows, column) >= 0.75
    ):
        # A housing system's "Action" (Home visit, Telephone call): what was done, named as
        # kinds of contact, is the entry's type, not its outcome.
        del mapping["outcome"]
        reasons.pop(column, None)
        take(
            "event_type",
            column,
            f"kinds of contact ReviewDesk knows under '{profiles[column].heading}'",
        )
    parts = list(parts_given)
    if "event" in mapping and not parts_given:
        parts = _narrative_parts(profiles, scores, mapping["event"], taken, reasons)
    if "event" not in mapping:
        longest = sorted(
            (p for p in profiles if p.index not in taken and p.share(p.dates) < 0.5),
            key=lambda p: -p.mean_length,
        )
        problems.append(_no_event(headings, longest[0].heading if longest else ""))
    return ColumnPlan(
        mapping={n: mapping[n] for n in MAPPABLE_FIELDS if n in mapping},
        parts=parts,
        reasons=reasons,
        problems=problems,
    )


# A bare "Person" or "People" heading names whom an entry is about, except in a task list
# (a work board exported from a work-management tool), whose "Person" is the item's owner.
_BARE_PERSON = re.compile(r"\s*(?:person|people|persons|person\(s\))\s*", re.I)
# The states a task list's status column holds; one of the first kind says it is a task list.
_TASK_LIST_STATES = frozenset(
    "done|working on it|stuck|not started|in progress|to do|todo|on hold|blocked".split("|")
)
_TASK_STATES = _TASK_LIST_STATES | frozenset(
    "complete|completed|closed|open|pending|waiting|cancelled|canceled|overdue|in review"
    "|review|new|resolved|deferred|future steps|ready".split("|")
)
# Words naming a member of the family or the child, whom a "Person" column of entries is about.
_FAMILY_WORDS = re.compile(
    r"\b(?:mother|mum|mom|father|dad|child|children|baby|sibling|brother|sister|grand\w*|aunt"
    r"|uncle|partner|step\w*|carer|parents?|son|daughter|family|young\s+person|yp|victim"
    r"|perpetrator|cyp|infant|unborn)\b",
    re.I,
)


def _task_states(profiles: list[ColumnProfile], rows: list[tuple[int, list[Any]]], column: int):
    """The states of a task list's status column beside ``column`` (a "Person" column of
    names of people, none a member of the family), as text; "" when there is none."""
    person = profiles[column]
    if not person.filled or person.share(person.names) < 0.6:
        return ""
    sample = rows[:PROFILE_ROWS]
    names = {str(cells[column]) for _n, cells in sample if column < len(cells) and cells[column]}
    if any(_FAMILY_WORDS.search(n) for n in names):
        return ""
    for p in profiles:
        if p.index == column or not p.filled or p.distinct > 12:
            continue
        values = {
            " ".join(str(cells[p.index]).split()).casefold()
            for _n, cells in sample
            if p.index < len(cells) and cells[p.index] not in (None, "")
        }
        if values <= _TASK_STATES and values & _TASK_LIST_STATES:
            return ", ".join(sorted(values))
    return ""


def _veto(name: str, p: ColumnProfile) -> str:
    """Why the cells of this column cannot be the field its heading suggests ("" if they can)."""
    if not p.filled:
        return ""
    if name in ("recorded", "end_date") and p.share(p.dates) < 0.5:
        return "its cells are not dates"
    # Under a heading naming the time, numbers such as 1032 (and 905, its 0 lost in Excel)
    # are the 24-hour clock ambulance and police systems write.
    if name == "time" and p.times + p.dates + p.clock_numbers < 0.5 * max(p.filled - p.no_time, 1):
        return "its cells are not times of day"
    if name == "time" and _DURATION.search(p.heading):
        return "its heading says how long, not when"
    long_text = p.mean_length > 60 or p.share(p.multiline) > 0.2
    if name in ("source", "practitioner", "role", "subjects", "event_type") and long_text:
        return "its cells hold long free text"
    sentences = p.mean_words >= 3 and p.distinct_ratio >= 0.7 and p.share(p.names) < 0.3
    if name in ("role", "subjects", "event_type", "source") and sentences:
        return "free text that differs row to row, not a list of values"
    # "Action Code" over ASB1, TV01: codes standing for words, not the outcome written out.
    if (
        name in ("outcome", "significance")
        and _IDENTIFYING.search(p.heading)
        and p.mean_words < 1.5
    ):
        return "codes, not words"
    # "Subject" over e-mail subject lines: short phrases differing row to row, no names.
    if (
        name == "subjects"
        and p.distinct >= 3
        and p.distinct_ratio >= 0.7
        and p.share(p.names) < 0.2
    ):
        return "short phrases that differ row to row, not names of people"
    # "Subject" of a diary's appointments: kinds of contact (Home visit), not people.
    if name == "subjects" and p.type_names and 2 * p.type_names >= p.distinct and not p.names:
        return "kinds of contact, not names of people"
    # "Practitioner / role" over "Sam Ellery (HV)": people, their roles in brackets.
    if name == "role" and p.share(p.named_roles) >= 0.6:
        return "names of people with their role in brackets"
    # "Title" of a list's items over Home visit, Phone call: kinds of contact, not job titles.
    if name == "role" and p.type_names and 2 * p.type_names >= p.distinct and not p.names:
        return "kinds of contact, not roles"
    if name == "role" and p.distinct >= 6 and p.distinct_ratio >= 0.9 and p.share(p.names) < 0.5:
        return "a different value on every row (a title of each entry), not a list of roles"
    # "Name" of a board's or a database's items ("Entry 1", "Home visit (2)"): each row's title.
    if (
        name == "practitioner"
        and p.heading.strip().casefold() == "name"
        and p.distinct >= 3
        and p.distinct_ratio >= 0.7
        and p.share(p.names) < 0.3
    ):
        return "a title for each row, not names of people"
    if name in ("practitioner", "role", "subjects", "outcome") and p.share(p.yes_no) >= 0.6:
        return "yes/no answers"
    if name in ("practitioner", "subjects", "outcome", "significance") and (
        p.share(p.identifiers) + p.share(p.numbers) >= 0.6
    ):
        return "reference numbers"
    return ""


def _narrative_parts(
    profiles: list[ColumnProfile],
    scores: list[dict[str, int]],
    event: int,
    taken: set[int],
    reasons: dict[int, str],
) -> list[int]:
    """The event column and the other columns holding parts of the same narrative."""
    parts = [event]
    for p in profiles:
        if p.index in taken or not p.filled or p.not_narrative_because():
            continue
        heading = p.heading if not p.heading.startswith("Column ") else ""
        if heading and _NOT_NARRATIVE.search(heading) and not _NARRATIVE_PART.search(heading):
            continue
        named = bool(heading and (_NARRATIVE_PART.search(heading) or "event" in scores[p.index]))
        free_text = p.mean_words >= 3 and p.distinct_ratio >= 0.6 and p.mean_length >= 15
        if named and p.mean_words >= 2 and p.mean_length >= 12 or free_text and p.mean_length >= 40:
            parts.append(p.index)
            taken.add(p.index)
            reasons[p.index] = "joined to the event with its heading (part of the narrative)"
    parts += numbered_pieces([p.heading for p in profiles], event, taken | set(parts))
    taken.update(parts)
    parts.sort()
    if len(parts) > 1 and one_text_in_pieces([profiles[i].heading for i in parts]):
        for index in parts:
            if index != event:
                reasons[index] = "the event's text continued (one note cut into numbered columns)"
        reasons[event] = reasons[event] + "; its numbered columns are one text with it"
    elif len(parts) > 1:
        reasons[event] = reasons[event] + "; the other narrative columns are joined to it"
    return parts


def _no_event(headings: list[str], example: str) -> str:
    shown = [h for h in headings if h and not h.startswith("Column ")] or headings
    example = example or next(
        (h for h in shown if normalise_header(h) and not header_fields(h).get("date")), "Details"
    )
    if " " in example or "," in example:
        example = f'"{example}"'
    return "No column holds the events (what happened). " + _NO_EVENT_REASON.format(
        headings=", ".join(shown[:20]), example=example
    )
