"""The people register as plain data: who (or where) must never be named, and how to say them.

Kept apart from the store so that the anonymiser and the release check can be built and
tested from a list, and so that an issued version can keep the register it used (as JSON).
"""

import json
from dataclasses import asdict, dataclass, field
from datetime import date


@dataclass(frozen=True)
class RegisterEntry:
    name: str  # the real name, as people write it
    descriptor: str  # what publication says instead: "Child L", "Mother", "Primary School 1"
    kind: str = "person"  # "person" or "place"
    role: str = ""  # relationship or role: "mother's partner", "health visitor"
    variants: tuple[str, ...] = ()  # nicknames, other spellings, maiden names
    date_of_birth: date | None = None
    addresses: tuple[str, ...] = ()
    identifiers: tuple[str, ...] = ()  # NHS number, case reference, phone, email…
    id: int | None = field(default=None, compare=False)


def lines(text: str) -> tuple[str, ...]:
    """Stored one-per-line text as a tuple of its non-empty lines."""
    return tuple(line.strip() for line in (text or "").splitlines() if line.strip())


def register_json(entries: list[RegisterEntry]) -> str:
    """The register as JSON (kept with an issued version)."""
    data = []
    for entry in entries:
        item = asdict(entry)
        item.pop("id", None)
        item["date_of_birth"] = entry.date_of_birth.isoformat() if entry.date_of_birth else None
        data.append(item)
    return json.dumps(data, ensure_ascii=False)
