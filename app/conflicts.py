"""When two people change the same thing: the second sees both values and chooses.

An edit carries the values its author started from (``seen``). If the stored value has moved
on since, nothing is written and ``EditConflict`` says who changed it, to what, and what this
person meant to write; they then keep the other change or write theirs over it knowingly.
The rows' version numbers (db.base.Versioned) catch the same race inside the save itself.
"""

from collections.abc import Iterable
from dataclasses import dataclass, fields, is_dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import UserError
from db.models import AuditEvent


@dataclass(frozen=True)
class FieldConflict:
    field: str
    label: str
    seen: Any  # what this person started from
    theirs: Any  # what is stored now
    yours: Any  # what this person meant to write
    changed_by: str = ""
    changed_at: datetime | None = None


def shown(value: Any) -> str:
    if value is None or value == "" or value == () or value == []:
        return "(empty)"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, list | tuple | set | frozenset):
        return ", ".join(shown(v) for v in value)
    return str(value)


def same(a: Any, b: Any) -> bool:
    """Equal as a person reads them: an empty text is no different from nothing."""
    if a in (None, "") and b in (None, ""):
        return True
    return a == b


def merged(stored: Iterable, wanted: Iterable, seen: Iterable | None) -> set:
    """A set of ticks (themes, lines, linked findings) changed from ``seen`` to ``wanted``,
    applied to what is stored now: what this person ticked or unticked changes, and what
    someone else ticked or unticked meanwhile stays (both land; nothing to choose)."""
    if seen is None:
        return set(wanted)
    seen, wanted = set(seen), set(wanted)
    return (set(stored) | (wanted - seen)) - (seen - wanted)


def seen_of(shown_record: Any) -> dict[str, Any]:
    """What a screen showed, as ``seen`` for an edit: every plain value of the record it
    displayed (a dataclass from the services, its nested summary and its dict of texts)."""
    if shown_record is None:
        return {}
    if isinstance(shown_record, dict):
        return dict(shown_record)
    values: dict[str, Any] = {}
    nested: dict[str, Any] = {}
    if is_dataclass(shown_record):
        shown_values = [(f.name, getattr(shown_record, f.name)) for f in fields(shown_record)]
    else:  # a plain row object (SimpleNamespace) made for a table
        shown_values = list(vars(shown_record).items())
    for name, value in shown_values:
        if is_dataclass(value):
            nested.update(seen_of(value))
        elif isinstance(value, dict):
            nested.update({k: v for k, v in value.items() if not isinstance(v, dict | list)})
        elif not isinstance(value, list):
            values[name] = value
    return {**nested, **values}


def when_saved(at: datetime | None) -> str:
    """ " at 14:05 on 02/03/2026" in this computer's time (the trail keeps UTC); "" if unknown."""
    if at is None:
        return ""
    local = at.replace(tzinfo=UTC).astimezone() if at.tzinfo is None else at.astimezone()
    return f" at {local:%H:%M on %d/%m/%Y}"


class EditConflict(UserError):
    """Someone else changed what this edit would overwrite; nothing was saved."""

    def __init__(self, kind: str, obj_id: int, conflicts: list[FieldConflict], what: str = ""):
        self.kind = kind
        self.obj_id = obj_id
        self.conflicts = conflicts
        self.what = what  # the thing, as the audit trail names it ("IMR Police")
        super().__init__(self.describe())

    @property
    def changed_by(self) -> str:
        """Who saved the other change, when one person saved every field of it."""
        people = {c.changed_by for c in self.conflicts}
        return people.pop() if len(people) == 1 else ""

    def describe(self) -> str:
        lines = []
        for c in self.conflicts:
            who = f" by {c.changed_by}" if c.changed_by else ""
            when = when_saved(c.changed_at)
            lines.append(
                f"The {c.label} was changed{who}{when} since you opened it. "
                f"Theirs: {shown(c.theirs)}. Yours: {shown(c.yours)}."
            )
        return " ".join(lines) + " Nothing was saved: keep theirs, or save yours over it."

    @property
    def theirs(self) -> dict[str, Any]:
        """The stored values, to start again from (``seen``) when writing over them."""
        return {c.field: c.theirs for c in self.conflicts}

    @property
    def yours(self) -> dict[str, Any]:
        return {c.field: c.yours for c in self.conflicts}


def find_conflicts(
    session: Session, kind: str, obj, cleaned: dict, seen: dict, labels: dict
) -> list[FieldConflict]:
    """Fields whose stored value is neither what was seen nor what is being written."""
    found = []
    for name, value in cleaned.items():
        if name not in seen:
            continue
        stored = getattr(obj, name)
        if same(stored, seen[name]) or same(stored, value):
            continue
        who, when = _last_change(session, obj, name)
        found.append(FieldConflict(name, labels[name], seen[name], stored, value, who, when))
    return found


def _last_change(session: Session, obj, name: str) -> tuple[str, datetime | None]:
    row = session.execute(
        select(AuditEvent.actor, AuditEvent.at)
        .where(
            AuditEvent.entity == type(obj).__tablename__,
            AuditEvent.entity_id == obj.id,
            AuditEvent.field == name,
        )
        .order_by(AuditEvent.id.desc())
        .limit(1)
    ).first()
    return (row.actor, row.at) if row else ("", None)
