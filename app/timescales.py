"""Review timescales: calendar months, and working days without England & Wales bank holidays."""

from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from dateutil.relativedelta import relativedelta

from app.vocab import REVIEW_TYPES
from app.wording import plural

NOTIFICATION_WORKING_DAYS = 5


@cache
def _bank_holidays(year: int) -> frozenset[date]:
    import holidays  # loaded on first use: it is not needed to start the app

    # England and Wales share their bank holidays (one-off days such as jubilees included).
    return frozenset(holidays.country_holidays("GB", subdiv="ENG", years=year).keys())


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in _bank_holidays(day.year)


def add_working_days(start: date, days: int) -> date:
    """The date ``days`` working days after ``start`` (the start day itself not counted)."""
    current = start
    remaining = days
    while remaining > 0:
        current += timedelta(days=1)
        if is_working_day(current):
            remaining -= 1
    return current


def add_months(start: date, months: int) -> date:
    """Calendar months, clamped to the month's end (31 Aug + 6 months = 28/29 Feb)."""
    return start + relativedelta(months=months)


@dataclass(frozen=True)
class Target:
    due: date | None
    basis: str  # how it was worked out, in words
    overridden: bool = False


def review_target(
    review_type: str,
    decision_date: date | None,
    notification_date: date | None,
    override: date | None = None,
) -> Target:
    """Target completion date from the type's usual timescale, unless overridden."""
    if override is not None:
        return Target(override, "set by the panel", overridden=True)
    kind = REVIEW_TYPES.get(review_type)
    if kind is None:
        return Target(None, "unknown review type")
    if kind.working_days is not None:
        if notification_date is None:
            return Target(None, f"{kind.timescale_note}: enter the notification date")
        due = add_working_days(notification_date, kind.working_days)
        return Target(due, kind.timescale_note)
    if kind.months is not None:
        if decision_date is None:
            return Target(None, f"{kind.timescale_note}: enter the date of the decision")
        return Target(add_months(decision_date, kind.months), kind.timescale_note)
    return Target(None, kind.timescale_note)


def notification_due(aware_date: date | None) -> date | None:
    """The national Panel is notified within 5 working days of the local authority becoming
    aware of the incident (Working Together 2023, chapter 5), not of the incident itself."""
    if aware_date is None:
        return None
    return add_working_days(aware_date, NOTIFICATION_WORKING_DAYS)


def countdown(due: date | None, today: date, finished: bool = False) -> tuple[str, int | None]:
    """A short phrase for the time left, and the days left (negative when late)."""
    if due is None:
        return ("No target date", None)
    days = (due - today).days
    if finished:
        return ("Completed", days)
    if days > 1:
        return (f"{days} days left", days)
    if days == 1:
        return ("Due tomorrow", days)
    if days == 0:
        return ("Due today", days)
    late = -days
    return (f"Overdue by {plural(late, 'day')}", days)
