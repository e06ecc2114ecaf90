"""Gaps in management oversight: long periods in which an agency recorded no supervision."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from app.chronology.analysis.prepared import Prepared, agency_key, day, iso, run_part
from app.chronology.types import AnalysisEntry

# Event types that count as a record of management oversight.
OVERSIGHT_TYPES = frozenset({"supervision", "management_oversight"})


@dataclass(frozen=True)
class OversightGap:
    """From one oversight record (or the agency's first entry) to the next (or its last)."""

    agency: str
    start: date
    end: date
    days: int  # end - start
    from_id: int | None  # the oversight entry the gap starts at, None for the first entry
    to_id: int | None  # the oversight entry that ends it, None for the last entry

    def to_json(self) -> dict[str, Any]:
        return {
            "agency": self.agency,
            "start": iso(self.start),
            "end": iso(self.end),
            "days": self.days,
            "from_id": self.from_id,
            "to_id": self.to_id,
        }


@dataclass(frozen=True)
class ActivePeriod:
    agency: str
    start: date  # first day of the agency's first entry
    end: date  # last day of the agency's last entry
    days: int  # end - start
    entries: int

    def to_json(self) -> dict[str, Any]:
        return {
            "agency": self.agency,
            "start": iso(self.start),
            "end": iso(self.end),
            "days": self.days,
            "entries": self.entries,
        }


@dataclass(frozen=True)
class OversightReport:
    oversight_gap_days: int
    gaps: tuple[OversightGap, ...]
    agencies_without_oversight_records: tuple[ActivePeriod, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "oversight_gap_days": self.oversight_gap_days,
            "oversight_types": sorted(OVERSIGHT_TYPES),
            "gaps": [g.to_json() for g in self.gaps],
            "agencies_without_oversight_records": [
                a.to_json() for a in self.agencies_without_oversight_records
            ],
        }


def oversight_gaps_of(prep: Prepared, gap_days: int) -> OversightReport:
    gaps: list[OversightGap] = []
    without: list[ActivePeriod] = []
    for agency in sorted(prep.by_agency, key=agency_key):
        own = prep.by_agency[agency]
        first = own[0][0]
        last = max(sp[1] for sp in own)
        records = [sp for sp in own if sp[2].event_type in OVERSIGHT_TYPES]
        if not records:
            if last - first > gap_days:
                without.append(ActivePeriod(agency, day(first), day(last), last - first, len(own)))
            continue
        point, point_id = first, None
        for s, e, entry in records:
            if s - point > gap_days:
                gaps.append(OversightGap(agency, day(point), day(s), s - point, point_id, entry.id))
            if e >= point:
                point, point_id = e, entry.id
        if last - point > gap_days:
            gaps.append(OversightGap(agency, day(point), day(last), last - point, point_id, None))
    return OversightReport(gap_days, tuple(gaps), tuple(without))


def oversight_gaps(
    entries: Iterable[AnalysisEntry], *, oversight_gap_days: int = 90
) -> OversightReport:
    """Per agency, periods longer than `oversight_gap_days` with no record of oversight.

    An oversight record is an entry whose event type is in OVERSIGHT_TYPES ("supervision",
    "management_oversight"). Measured while the agency was active (its first entry's start to
    its last entry's end): a gap runs from an oversight record (its last day), or the agency's
    first entry, to the next oversight record, or the agency's last entry; `days` is end minus
    start. Agencies active for more than oversight_gap_days with no oversight record at all are
    listed apart, with their active period: many agencies never put supervision in their
    chronology, which is not the same finding as supervision stopping.
    """
    return run_part(oversight_gaps_of, entries, oversight_gap_days)
