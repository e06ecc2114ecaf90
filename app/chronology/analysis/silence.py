"""Silences: periods in which no agency, or one agency, recorded anything."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from app.chronology.analysis.prepared import Prepared, agency_key, day, iso, run_part
from app.chronology.types import AnalysisEntry


@dataclass(frozen=True)
class Silence:
    """A period (both days included) in which no agency recorded anything."""

    start: date
    end: date
    days: int

    def to_json(self) -> dict[str, Any]:
        return {"start": iso(self.start), "end": iso(self.end), "days": self.days}


@dataclass(frozen=True)
class AgencySilence:
    """A period between one agency's own entries in which that agency recorded nothing."""

    agency: str
    start: date
    end: date
    days: int

    def to_json(self) -> dict[str, Any]:
        return {
            "agency": self.agency,
            "start": iso(self.start),
            "end": iso(self.end),
            "days": self.days,
        }


@dataclass(frozen=True)
class SilenceReport:
    gap_days: int
    scope_start: date | None  # the scope actually used (given, else first covered day)
    scope_end: date | None
    dated: int
    undated: int
    overall: tuple[Silence, ...]
    by_agency: tuple[AgencySilence, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "gap_days": self.gap_days,
            "scope_start": iso(self.scope_start),
            "scope_end": iso(self.scope_end),
            "dated": self.dated,
            "undated": self.undated,
            "overall": [s.to_json() for s in self.overall],
            "by_agency": [s.to_json() for s in self.by_agency],
        }


def _gaps(spans, lo: int, hi: int, longer_than: int) -> list[tuple[int, int]]:
    """Uncovered runs of days in lo..hi longer than `longer_than`, from spans sorted by start."""
    found = []
    covered = lo - 1  # last day known to be covered
    for s, e, _ in spans:
        if e < lo or s > hi:
            continue
        if s - covered - 1 > longer_than:
            found.append((covered + 1, s - 1))
        if e > covered:
            covered = e
            if covered >= hi:
                break
    if hi - covered > longer_than:
        found.append((covered + 1, hi))
    return found


def silences_of(
    prep: Prepared, gap_days: int, scope_start: date | None, scope_end: date | None
) -> SilenceReport:
    spans = prep.spans
    if spans:
        lo = scope_start.toordinal() if scope_start else spans[0][0]
        hi = scope_end.toordinal() if scope_end else max(s[1] for s in spans)
    elif scope_start and scope_end:
        lo, hi = scope_start.toordinal(), scope_end.toordinal()
    else:
        lo = hi = None
    overall: list[Silence] = []
    by_agency: list[AgencySilence] = []
    if lo is not None and hi is not None and lo <= hi:
        overall = [Silence(day(a), day(b), b - a + 1) for a, b in _gaps(spans, lo, hi, gap_days)]
        for agency in sorted(prep.by_agency, key=agency_key):
            own = prep.by_agency[agency]
            a_lo = max(lo, own[0][0])
            a_hi = min(hi, max(s[1] for s in own))
            if a_lo > a_hi:
                continue
            by_agency.extend(
                AgencySilence(agency, day(a), day(b), b - a + 1)
                for a, b in _gaps(own, a_lo, a_hi, gap_days)
            )
    return SilenceReport(
        gap_days=gap_days,
        scope_start=day(lo) if lo is not None else None,
        scope_end=day(hi) if hi is not None else None,
        dated=len(spans),
        undated=len(prep.undated),
        overall=tuple(overall),
        by_agency=tuple(by_agency),
    )


def silences(
    entries: Iterable[AnalysisEntry],
    *,
    gap_days: int = 90,
    scope_start: date | None = None,
    scope_end: date | None = None,
) -> SilenceReport:
    """Periods longer than `gap_days` with no entry from any agency, and per agency.

    Overall: within scope_start..scope_end when given (so a silence can open or close the
    scope), else from the first to the last covered day. Per agency: between that agency's own
    first and last entry (clipped to the scope). A silence runs from the day after the last
    covered day to the day before the next covered day; `days` counts both ends. Every day of a
    month-, year- or approximate entry's range counts as covered.
    """
    return run_part(silences_of, entries, gap_days, scope_start, scope_end)
