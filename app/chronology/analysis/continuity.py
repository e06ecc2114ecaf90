"""Practitioner continuity: how many people, in which roles, each agency had over the years."""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from app.chronology.analysis.prepared import Prepared, agency_key, run_part
from app.chronology.types import AnalysisEntry

ROLE_NOT_RECORDED = "Role not recorded"


@dataclass(frozen=True)
class YearCount:
    year: int
    count: int
    names: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {"year": self.year, "count": self.count, "names": list(self.names)}


@dataclass(frozen=True)
class RoleCount:
    role: str
    count: int
    names: tuple[str, ...]  # in order of first appearance
    by_year: tuple[YearCount, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "role": self.role,
            "count": self.count,
            "names": list(self.names),
            "by_year": [y.to_json() for y in self.by_year],
        }


@dataclass(frozen=True)
class AgencyPractitioners:
    agency: str
    practitioners: int  # distinct people whatever their role
    roles: tuple[RoleCount, ...]  # alphabetical, "Role not recorded" last
    summary: str

    def to_json(self) -> dict[str, Any]:
        return {
            "agency": self.agency,
            "summary": self.summary,
            "practitioners": self.practitioners,
            "roles": [r.to_json() for r in self.roles],
        }


@dataclass(frozen=True)
class PractitionerReport:
    agencies: tuple[AgencyPractitioners, ...]

    def to_json(self) -> dict[str, Any]:
        return {"agencies": [a.to_json() for a in self.agencies]}


_TRAILING_PARENS = re.compile(r"^(.*?)\s*\(([^()]*)\)$")


def split_practitioner(practitioner: str, role: str) -> tuple[str, str]:
    """(name, role) with whitespace collapsed and a trailing "(role)" taken off the name.

    "Zoë Harrington (Health visitor)" gives ("Zoë Harrington", "Health visitor") when the role
    column is empty; when it is not, the column wins and the bracket is only taken off the name.
    """
    name = " ".join((practitioner or "").split())
    role = " ".join((role or "").split())
    m = _TRAILING_PARENS.match(name)
    if m:
        name = m.group(1)
        if not role:
            role = " ".join(m.group(2).split())
    return name, role


def _plural_word(word: str) -> str:
    if len(word) > 1 and word.isupper():
        return word + "s"  # GP -> GPs, IRO -> IROs
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


_QUALIFIERS = frozenset({"of", "for", "in", "with", "to", "at", "on"})


def role_phrase(role: str, count: int) -> str:
    """ "6 social workers", "1 GP", "2 heads of service", "3 practitioners with role not
    recorded": lower case except acronyms, the head noun pluralised."""
    if role == ROLE_NOT_RECORDED:
        return f"{count} practitioner{'' if count == 1 else 's'} with role not recorded"
    words = [w if len(w) > 1 and w.isupper() else w.lower() for w in role.split()]
    if count != 1 and words:
        # The head noun ends the first phrase: before "of"/"for"/... ("heads of service",
        # "named GPs for safeguarding children") or a comma ("named nurses, safeguarding
        # children"), else the last word outside brackets.
        head = next(
            (i - 1 for i, w in enumerate(words) if i and w in _QUALIFIERS),
            None,
        )
        comma = next((i for i, w in enumerate(words) if w.endswith(",")), None)
        if comma is not None and (head is None or comma < head):
            head = comma
        if head is None:
            head = max((i for i, w in enumerate(words) if not w.startswith("(")), default=0)
        word = words[head]
        words[head] = _plural_word(word[:-1]) + "," if word.endswith(",") else _plural_word(word)
    return f"{count} {' '.join(words)}"


def practitioners_of(prep: Prepared) -> PractitionerReport:
    # Distinct (agency, practitioner, role, year) as written, in order of first appearance, so
    # that names are split and normalised once per distinct spelling, not once per entry.
    written = dict.fromkeys(
        (e.agency, e.practitioner, e.role, e.start.year) for _, _, e in prep.spans
    )
    written.update(dict.fromkeys((e.agency, e.practitioner, e.role, None) for e in prep.undated))
    # agency -> role key -> [role label, {name key: name}, {year: {name key: name}}]
    agencies: dict[str, dict[str, list]] = {}
    people: dict[str, dict[str, None]] = {}
    split: dict[tuple[str, str], tuple[str, str, str, str]] = {}
    for agency, practitioner, role, year in written:
        roles = agencies.setdefault(agency, {})
        known = people.setdefault(agency, {})
        parts = split.get((practitioner, role))
        if parts is None:
            name, label = split_practitioner(practitioner, role)
            label = label or ROLE_NOT_RECORDED
            parts = split[practitioner, role] = (name, name.casefold(), label, label.casefold())
        name, name_key, role, role_key = parts
        if not name:
            continue
        known[name_key] = None
        slot = roles.get(role_key)
        if slot is None:
            slot = roles[role_key] = [role, {}, {}]
        slot[1].setdefault(name_key, name)
        if year is not None:
            slot[2].setdefault(year, {}).setdefault(name_key, name)
    result = []
    for agency in sorted(agencies, key=agency_key):
        roles = agencies[agency]
        keys = sorted(roles, key=lambda k: (k == ROLE_NOT_RECORDED.casefold(), k))
        counts = []
        for k in keys:
            label, names, years = roles[k]
            by_year = tuple(
                YearCount(y, len(years[y]), tuple(years[y].values())) for y in sorted(years)
            )
            counts.append(RoleCount(label, len(names), tuple(names.values()), by_year))
        phrases = ", ".join(role_phrase(r.role, r.count) for r in counts)
        summary = f"{agency}: {phrases or 'no practitioners named'}"
        result.append(AgencyPractitioners(agency, len(people[agency]), tuple(counts), summary))
    return PractitionerReport(tuple(result))


def practitioners(entries: Iterable[AnalysisEntry]) -> PractitionerReport:
    """Distinct practitioners per agency and role, over the whole chronology and per year.

    Names are counted after casefolding and collapsing spaces only: titles (Mr, Dr, PC...) are
    kept, since taking them off could merge different people. A trailing "(role)" on the name
    is taken off and used as the role when the role column is empty (see split_practitioner).
    Entries with no practitioner are ignored; an empty role is "Role not recorded". Undated
    entries count towards the whole chronology but not towards any year; an entry counts in
    the year of its start. Names are listed in order of first appearance.
    """
    return run_part(practitioners_of, entries)
