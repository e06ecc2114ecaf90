"""The people registers of the demonstration reviews (every name fictional): the family and the
places the demonstration text would otherwise give away, and the practitioners the review's
chronologies name, taken from the candidates the register offers."""

import re
from collections import Counter, defaultdict

from sqlalchemy import func, select

from app.context import AppContext
from app.publishing.people import add_person, candidates, list_people
from db.chronology_models import ChronologyEntry
from db.models import Agency

# (name, descriptor, kind, role, variants, identifiers) for each review, family first.
FAMILY = {
    "DEMO-LCSPR-L": (
        ("Lily-Mae Farrow", "Child L", "person", "subject of the review", ("Lily", "Lily Mae"),
         ("NHS 943 476 5919",)),
        ("Kerry Farrow", "Mother", "person", "mother", ("Kez",), ()),
        ("Dean Whitlock", "Mother's partner", "person", "mother's partner",
         ("Dean Whitlocke", "Deano"), ()),
        ("Little Acorns Day Nursery", "the nursery", "place", "nursery", ("Little Acorns",), ()),
    ),
    "DEMO-LCSPR-T": (
        ("Tyler Ashdown", "Child T", "person", "subject of the review", ("Ty", "TJ"),
         ("NHS 401 023 2137",)),
        ("Sharon Ashdown", "Mother", "person", "mother", ("Shaz",), ()),
        ("Jordan Kell", "Adult 1", "person", "older male linked to the county line",
         ("J-Dog",), ()),
        ("Harbourside House", "Children's Home 1", "place", "children's home",
         ("Harbourside",), ()),
        ("St Anselm's Primary School", "Primary School 1", "place", "primary school",
         ("St Anselm's",), ()),
    ),
    "DEMO-SCR-M": (
        ("Mason Greaves", "Baby M", "person", "subject of the review", ("Mase",),
         ("NHS 450 557 7104",)),
        ("Chantelle Greaves", "Mother", "person", "mother", ("Chan",), ()),
        ("Ryan Tolley", "Mother's partner", "person", "mother's partner", ("Ry",), ()),
        ("Marsh Lane Surgery", "the GP practice", "place", "GP practice", (), ()),
    ),
}  # fmt: skip

# What a practitioner is called in publication, by their agency's sector or their title.
_SECTORS = {"childrens_social_care": "Social Worker", "police": "Police Officer",
            "health": "Health Practitioner", "education": "Education Practitioner",
            "housing": "Housing Officer", "probation": "Probation Officer",
            "voluntary": "Support Worker", "local_authority": "Council Officer",
            "adult_social_care": "Adult Social Care Practitioner"}  # fmt: skip
_NAME = re.compile(r"^[A-Z][\w'-]+(?: [A-Z][\w'-]+)+$")
_TITLE = re.compile(r"^(?:PC|DC|DS|Dr|Mr|Mrs|Ms|Miss)\s+")


def add_demo_registers(ctx: AppContext, review_id: int, reference: str) -> None:
    """Register the review's family, places and chronology practitioners."""
    for name, descriptor, kind, role, variants, identifiers in FAMILY.get(reference, ()):
        add_person(
            ctx,
            review_id,
            name=name,
            descriptor=descriptor,
            kind=kind,
            role=role,
            variants=variants,
            identifiers=identifiers,
        )
    forms: dict[str, list[str]] = defaultdict(list)
    for candidate in candidates(ctx, review_id):
        if candidate.found_in.startswith("chronology"):
            base = _TITLE.sub("", candidate.name.split("(")[0]).strip()
            if _NAME.match(base):  # a name, not "Practitioner" or "Return interview worker"
                forms[base].append(candidate.name)
    numbers: Counter[str] = Counter()
    for base in sorted(forms, key=lambda n: n.split()[::-1]):
        role = _role(ctx, review_id, base, forms[base])
        numbers[role] += 1
        titled = [f for f in forms[base] if f != base]
        add_person(
            ctx,
            review_id,
            name=base,
            descriptor=f"{role} {numbers[role]}",
            role=role.lower(),
            variants=titled,
        )


def _role(ctx: AppContext, review_id: int, name: str, forms: list[str]) -> str:
    with ctx.session() as session:
        sector = session.scalar(
            select(Agency.sector)
            .join(ChronologyEntry, ChronologyEntry.agency_id == Agency.id)
            .where(Agency.review_id == review_id, ChronologyEntry.practitioner.contains(name))
            .group_by(Agency.sector)
            .order_by(func.count().desc())
        )
    if any(f.startswith("Dr ") for f in forms):
        return "Doctor"
    if any(f.startswith("PC ") for f in forms):
        return "Police Officer"
    return _SECTORS.get(sector or "", "Practitioner")


def registered(ctx: AppContext, review_id: int) -> list[str]:
    """Every real name and variant in the register (what must never be published)."""
    return [n for p in list_people(ctx, review_id) for n in (p.name, *p.variants)]
