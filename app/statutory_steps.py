"""Each review type's notifications and approvals, and their due dates, as plain data.

The rules (what is owed, to whom, counted from which date, and the source that says so) are
data in ``review_rules.json``. Nothing here reads the store (``app.timetable`` does), so the
command line's list of reviews can use it without loading the database layer.
"""

import json
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import Any

from app.timescales import add_months, add_working_days, is_working_day
from app.wording import plural
from resources import resource_path

ANCHORS = {
    "incident": "the incident",
    "aware": "the day the authority became aware",
    "notification": "the notification",
    "decision": "the decision to review",
    "sign_off": "sign-off",
    "publication": "publication",
}
BASES = ("statute", "statutory guidance", "national guidance", "practice")


@dataclass(frozen=True)
class Source:
    key: str
    title: str
    part: str
    url: str


@dataclass(frozen=True)
class Rule:
    key: str
    label: str
    to: str
    anchor: str
    basis: str
    sources: tuple[Source, ...]
    note: str
    working_days: int | None = None
    days: int | None = None
    months: int | None = None
    year_end: bool = False  # due on the 31 March closing the financial year of the anchor
    done_by: str = ""  # the date that shows the step done when entered (e.g. "notification")

    @property
    def timing(self) -> str:
        """When it is due, in words: "5 working days from the day the authority became aware"."""
        what = ANCHORS[self.anchor]
        if self.year_end:
            return f"by the end of the financial year of {what}"
        for amount, unit in (
            (self.working_days, "working day"),
            (self.days, "day"),
            (self.months, "month"),
        ):
            if amount is None:
                continue
            if amount == 0:
                return f"at {what}" if self.anchor == "publication" else f"on {what}"
            side = "before" if amount < 0 else "from"
            return f"{plural(abs(amount), unit)} {side} {what}"
        return f"at {what}"


@dataclass(frozen=True)
class ChecklistItem:
    rule: Rule
    due: date | None
    done_on: date | None
    note: str
    missing: str  # the date to enter when the due date cannot be worked out yet
    days_overdue: int  # 0 when done or not yet due

    @property
    def overdue(self) -> bool:
        return self.days_overdue > 0

    @property
    def state(self) -> str:
        if self.done_on is not None:
            late = self.due is not None and self.done_on > self.due
            return "Done late" if late else "Done"
        if self.overdue:
            return f"Overdue by {plural(self.days_overdue, 'day')}"
        if self.due is None:
            return f"Enter {self.missing}" if self.missing else "No date"
        return "Due"


@cache
def _rules_file() -> dict[str, Any]:
    return json.loads(resource_path("statutory", "review_rules.json").read_text("utf-8"))


def _rule(data: dict[str, Any], sources: dict[str, Any]) -> Rule:
    if data["anchor"] not in ANCHORS:
        raise ValueError(f"rule {data['key']}: unknown anchor {data['anchor']}")
    if data["basis"] not in BASES:
        raise ValueError(f"rule {data['key']}: unknown basis {data['basis']}")
    days = data.get("days")
    if data.get("before") and days is not None:
        days = -abs(days)
    return Rule(
        key=data["key"],
        label=data["label"],
        to=data.get("to", ""),
        anchor=data["anchor"],
        basis=data["basis"],
        sources=tuple(Source(k, **sources[k]) for k in data["sources"]),
        note=data.get("note", ""),
        working_days=data.get("working_days"),
        days=days,
        months=data.get("months"),
        year_end=bool(data.get("year_end")),
        done_by=data.get("done_by", ""),
    )


@cache
def rules_for(review_type: str) -> tuple[Rule, ...]:
    """The checklist rules of a review type (none for a type with no national steps)."""
    data = _rules_file()
    spec = data["types"].get(review_type, {})
    if "same_as" in spec:
        spec = data["types"][spec["same_as"]]
    return tuple(_rule(item, data["sources"]) for item in spec.get("items", ()))


def all_sources() -> dict[str, Source]:
    return {k: Source(k, **v) for k, v in _rules_file()["sources"].items()}


def _year_end(day: date) -> date:
    """31 March closing the financial year that holds ``day``."""
    return date(day.year + 1 if day.month > 3 else day.year, 3, 31)


def _subtract_working_days(start: date, days: int) -> date:
    current = start
    while days > 0:
        current -= timedelta(days=1)
        if is_working_day(current):
            days -= 1
    return current


def due_date(rule: Rule, anchors: dict[str, date | None]) -> date | None:
    start = anchors.get(rule.anchor)
    if start is None:
        return None
    if rule.year_end:
        return _year_end(start)
    if rule.working_days is not None:
        if rule.working_days < 0:
            return _subtract_working_days(start, -rule.working_days)
        return add_working_days(start, rule.working_days)
    if rule.months is not None:
        return add_months(start, rule.months)
    return start + timedelta(days=rule.days or 0)


def review_anchors(review) -> dict[str, date | None]:
    """The dates a review's steps count from (a review, or a row with the same names)."""
    return {
        "incident": review.incident_date,
        "aware": review.aware_date,
        "notification": review.notification_date,
        "decision": review.decision_date,
        "sign_off": review.sign_off_date,
        "publication": review.publication_date,
    }


def build_checklist(
    review_type: str,
    anchors: dict[str, date | None],
    done: dict[str, tuple[date, str]],
    today: date,
) -> list[ChecklistItem]:
    """The checklist of one review from its dates and what has been done."""
    items = []
    for rule in rules_for(review_type):
        due = due_date(rule, anchors)
        done_on, note = done.get(rule.key, (None, ""))
        shown_by = anchors.get(rule.done_by) if rule.done_by else None
        if done_on is None and shown_by is not None and shown_by <= today:
            done_on, note = shown_by, f"the date of {ANCHORS[rule.done_by]}"
        late = (today - due).days if due is not None and done_on is None else 0
        items.append(
            ChecklistItem(
                rule=rule,
                due=due,
                done_on=done_on,
                note=note,
                missing="" if due is not None else f"the date of {ANCHORS[rule.anchor]}",
                days_overdue=max(0, late),
            )
        )
    return items


def next_deadline(items: list[ChecklistItem]) -> ChecklistItem | None:
    """The earliest open item with a due date (overdue ones first, being earliest)."""
    open_items = [i for i in items if i.done_on is None and i.due is not None]
    return min(open_items, key=lambda i: i.due, default=None)


def deadline_json(items: list[ChecklistItem]) -> dict | None:
    """The next statutory deadline of a review, as plain data (None when nothing is due)."""
    item = next_deadline(items)
    if item is None:
        return None
    return {
        "key": item.rule.key,
        "what": item.rule.label,
        "to": item.rule.to,
        "due": item.due.isoformat(),
        "overdue": item.overdue,
        "days_overdue": item.days_overdue,
        "basis": item.rule.basis,
        "source": item.rule.sources[0].title if item.rule.sources else "",
    }
