"""Plain input for the chronology exports: what the app layer hands to the writers."""

from dataclasses import dataclass
from datetime import date

# How exactly an entry's date is known (the same words as app.chronology.types.PRECISIONS).
PRECISIONS = ("day", "month", "year", "approximate", "unknown")


@dataclass(frozen=True)
class ChronologyRow:
    """One entry of the integrated chronology, every field ready to show."""

    date_text: str  # as shown to people: "02/01/2008", "May 2016", "c. March 2017", "" if unknown
    date_value: date | None  # a real date when the precision is an exact day (else None)
    precision: str  # "day" | "month" | "year" | "approximate" | "unknown"
    sort_date: date | None  # the date used for ordering (may be the first day of a month etc.)
    time: str  # "HH:MM" or ""
    agency: str
    event_type: str  # a label such as "Home visit" or the text as written
    event: str
    outcome: str
    practitioner: str
    role: str
    recorded: date | None  # date recorded / written up
    significance: str
    source: str
    themes: str  # "Neglect; Voice of the child"
    episodes: str  # key practice episode titles, "; "-joined
    flagged: bool
    flag_reason: str
    source_ref: str  # "police.xlsx, sheet IMR Chronology, row 12"


@dataclass(frozen=True)
class ChronologyDocument:
    """An integrated chronology as exported: the review's particulars and the rows in order."""

    review_reference: str  # "LCSPR-2024-03"
    review_title: str
    subject: str  # pseudonym, "Child L"
    partnership: str
    protective_marking: str  # "OFFICIAL-SENSITIVE"
    generated_on: date
    rows: list[ChronologyRow]
    agencies: list[str]  # in the order to list them
    filters_note: str = ""  # e.g. "Filtered: agency Police; 2016-2017" for a filtered view


# Shown wherever dates are listed: approximate dates are never silently "corrected".
DATES_NOTE = "Dates marked approximate or unknown are shown as the agency wrote them"
CHRONOLOGY_TITLE = "Integrated multi-agency chronology"


NBSP = "\u00a0"


def day_text(value: date | None) -> str:
    """An exact day in the one format published documents use, never split: "2 Aug 2026"."""
    return f"{value.day}{NBSP}{value:%b}{NBSP}{value.year}" if value else ""


def shown_date(date_text: str, date_value: date | None, precision: str) -> str:
    """The date as a document shows it: exact days in one format whichever agency wrote them
    ("02/08/2026", "2.8.26" and "2nd August 2026" all read "2 Aug 2026"); months, years and
    approximate dates as the agency wrote them; "No date" when there is none."""
    if precision == "day" and date_value is not None:
        return day_text(date_value)
    return date_text.strip() or "No date"
