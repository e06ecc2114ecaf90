"""The people register of a review: who and what must never be named, and what to say instead.

Candidates are offered from what the review already holds (the chronology's practitioner and
person columns, the panel, the IMR authors); nothing goes into the register until the author
confirms it with a descriptor.
"""

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from app.conflicts import EditConflict, find_conflicts
from app.context import AppContext
from app.edits import FieldChange
from app.errors import NotFoundError, ValidationError
from app.publishing.register import RegisterEntry, lines
from app.vocab import PANEL_ROLES
from db.chronology_models import ChronologyEntry
from db.models import Agency, Imr, PanelMember
from db.publishing_models import Person

KINDS = {"person": "Person", "place": "Place"}
_SPLIT = re.compile(r"\s*(?:[;,/\n]|\band\b|&)\s*")
# A role written after a name: "Owen Hart (Social worker)".
_ROLE_AFTER = re.compile(r"\s*\([^()]*\)?\s*$")
# What person columns hold that is nobody's name.
_GENERIC = frozenset(
    "child children baby mother father mum dad parent parents family siblings sibling unknown "
    "none n/a na all household carer carers self".split()
)


@dataclass(frozen=True)
class Candidate:
    name: str
    found_in: str  # "chronology: practitioner (12 entries)", "panel: chair"
    role: str = ""


def _entry(p: Person) -> RegisterEntry:
    return RegisterEntry(
        name=p.name,
        descriptor=p.descriptor,
        kind=p.kind,
        role=p.role,
        variants=lines(p.variants),
        date_of_birth=p.date_of_birth,
        addresses=lines(p.addresses),
        identifiers=lines(p.identifiers),
        id=p.id,
    )


def list_people(ctx: AppContext, review_id: int) -> list[RegisterEntry]:
    """The register, in its order."""
    with ctx.session() as session:
        rows = session.scalars(
            select(Person).where(Person.review_id == review_id).order_by(Person.position, Person.id)
        )
        return [_entry(p) for p in rows]


def other_registers(ctx: AppContext, review_ids: list[int | None]) -> list[RegisterEntry]:
    """The register entries of every review in the store but these: a review's text may name
    someone only another review registered."""
    with ctx.session() as session:
        rows = session.scalars(
            select(Person)
            .where(Person.review_id.not_in([r for r in review_ids if r is not None]))
            .order_by(Person.review_id, Person.position, Person.id)
        )
        return [_entry(p) for p in rows]


def add_person(
    ctx: AppContext,
    review_id: int,
    *,
    name: str,
    descriptor: str,
    kind: str = "person",
    role: str = "",
    variants: list[str] | tuple[str, ...] = (),
    date_of_birth: date | None = None,
    addresses: list[str] | tuple[str, ...] = (),
    identifiers: list[str] | tuple[str, ...] = (),
) -> int:
    """Add someone (or somewhere) to the register; returns the new entry's id."""
    name, descriptor = " ".join(name.split()), " ".join(descriptor.split())
    if not name:
        raise ValidationError("Give the real name (it is never published).")
    if not descriptor:
        raise ValidationError(
            f"Say how publication refers to {name}: a descriptor such as 'Child L', 'Mother' "
            "or 'the health visitor'."
        )
    if kind not in KINDS:
        raise ValidationError(f"'{kind}' is not a kind of register entry (person or place).")
    if descriptor.casefold() == name.casefold():
        raise ValidationError("The descriptor must not be the real name.")
    with ctx.session() as session:
        taken = session.scalar(
            select(Person.id).where(
                Person.review_id == review_id, func.lower(Person.name) == name.lower()
            )
        )
        if taken is not None:
            raise ValidationError(f"{name} is already in the register.")
        position = (
            session.scalar(select(func.max(Person.position)).where(Person.review_id == review_id))
            or 0
        )
        person = Person(
            review_id=review_id,
            position=position + 1,
            kind=kind,
            name=name,
            descriptor=descriptor,
            role=role.strip(),
            variants="\n".join(v.strip() for v in variants if v.strip()),
            date_of_birth=date_of_birth,
            addresses="\n".join(a.strip() for a in addresses if a.strip()),
            identifiers="\n".join(i.strip() for i in identifiers if i.strip()),
        )
        session.add(person)
        session.flush()
        return person.id


_LABELS = {
    "name": "name",
    "descriptor": "descriptor",
    "kind": "kind",
    "role": "role",
    "variants": "other names",
    "date_of_birth": "date of birth",
    "addresses": "addresses",
    "identifiers": "identifiers",
}


def _as_stored(key: str, value):
    if key in ("variants", "addresses", "identifiers") and not isinstance(value, str):
        return "\n".join(v.strip() for v in value if v.strip())
    return value


def update_person(
    ctx: AppContext, person_id: int, *, seen: dict | None = None, **values
) -> FieldChange:
    """Change fields of a register entry (lists for variants, addresses, identifiers);
    ``seen``: the entry as the person saw it (see ``apply_fields``)."""
    with ctx.session() as session:
        person = session.get(Person, person_id)
        if person is None:
            raise NotFoundError(
                "That register entry no longer exists: someone else may have removed it. "
                "Nothing was saved."
            )
        stored = {k: _as_stored(k, v) for k, v in values.items()}
        if seen:
            was = {k: _as_stored(k, v) for k, v in seen.items() if k in _LABELS}
            conflicts = find_conflicts(session, "person", person, stored, was, _LABELS)
            if conflicts:
                raise EditConflict("person", person_id, conflicts, person.audit_label)
        before = {k: getattr(person, k) for k in stored}
        for key, value in stored.items():
            if key in ("name", "descriptor"):
                value = " ".join(str(value).split())
                if not value:
                    raise ValidationError(f"The {key} cannot be empty.")
            if key == "kind" and value not in KINDS:
                raise ValidationError(f"'{value}' is not a kind of register entry.")
            setattr(person, key, value)
        if person.descriptor.casefold() == person.name.casefold():
            raise ValidationError("The descriptor must not be the real name.")
        return FieldChange("person", person_id, before, {k: getattr(person, k) for k in stored})


def remove_person(ctx: AppContext, person_id: int) -> None:
    with ctx.session() as session:
        person = session.get(Person, person_id)
        if person is None:
            raise NotFoundError("That register entry no longer exists.")
        session.delete(person)


def candidates(ctx: AppContext, review_id: int) -> list[Candidate]:
    """Names the review holds that are not in the register yet, most frequent first."""
    people = list_people(ctx, review_id)
    known = {p.name.casefold() for p in people}
    known |= {v.casefold() for p in people for v in p.variants}
    # What the register already writes in a name's place ("Child T") names no one new.
    known |= {p.descriptor.casefold() for p in people if p.descriptor}
    found: dict[str, Candidate] = {}
    with ctx.session() as session:
        for column, label in (
            (ChronologyEntry.practitioner, "practitioner"),
            (ChronologyEntry.subjects, "person"),
        ):
            counts: Counter[str] = Counter()
            roles: dict[str, str] = {}
            rows = session.execute(
                select(column, ChronologyEntry.role, func.count())
                .join(Agency, Agency.id == ChronologyEntry.agency_id)
                .where(Agency.review_id == review_id, column != "")
                .group_by(column, ChronologyEntry.role)
            )
            for value, role, count in rows:
                for name in _names(value):
                    counts[name] += count
                    if label == "practitioner" and role:
                        roles.setdefault(name, role)
            for name, count in counts.most_common():
                entries = "entry" if count == 1 else "entries"
                found.setdefault(
                    name.casefold(),
                    Candidate(
                        name, f"chronology: {label} ({count} {entries})", roles.get(name, "")
                    ),
                )
        for name, role, org in session.execute(
            select(PanelMember.name, PanelMember.role, PanelMember.organisation).where(
                PanelMember.review_id == review_id
            )
        ):
            for n in _names(name):
                label = PANEL_ROLES.get(role, role).lower()
                found.setdefault(n.casefold(), Candidate(n, f"panel: {label}", org))
        for author, role in session.execute(
            select(Imr.author_name, Imr.author_role)
            .join(Agency, Agency.id == Imr.agency_id)
            .where(Agency.review_id == review_id)
        ):
            for n in _names(author):
                found.setdefault(n.casefold(), Candidate(n, "IMR author", role))
    return [c for key, c in found.items() if key not in known]


def _names(value: str) -> list[str]:
    """The names in a cell ("Kerry Marsh and Dean", "SW: J. Okafor") that look like names."""
    out = []
    for part in _SPLIT.split(value or ""):
        part = _ROLE_AFTER.sub("", part.split(":", 1)[-1]).strip(" .()-")
        if part.casefold() in _GENERIC:
            continue
        if part and any(c.isupper() for c in part[:1]) and len(part) <= 80:
            out.append(" ".join(part.split()))
    return out
