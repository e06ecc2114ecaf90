"""Recording delays: how long after the event each agency wrote its entries up."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from statistics import median
from typing import Any

from app.chronology.analysis.prepared import Prepared, agency_key, iso, run_part
from app.chronology.types import AnalysisEntry


@dataclass(frozen=True)
class LateRecord:
    id: int
    event_date: date
    recorded: date
    days_late: int  # days from the event to its recording

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "event_date": iso(self.event_date),
            "recorded": iso(self.recorded),
            "days_late": self.days_late,
        }


@dataclass(frozen=True)
class RecordedBeforeEvent:
    id: int
    event_date: date
    recorded: date
    days_early: int  # how many days before the event the record is dated

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "event_date": iso(self.event_date),
            "recorded": iso(self.recorded),
            "days_early": self.days_early,
        }


@dataclass(frozen=True)
class AgencyRecordingDelays:
    agency: str
    with_both: int  # entries with an exact event day and a recorded date
    late: int  # recorded more than late_days after the event
    median_days: float | None  # over with_both minus the recorded-before-event errors
    max_days: int | None
    late_entries: tuple[LateRecord, ...]  # longest delay first
    recorded_before_event: tuple[RecordedBeforeEvent, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "agency": self.agency,
            "with_both": self.with_both,
            "late": self.late,
            "median_days": self.median_days,
            "max_days": self.max_days,
            "late_entries": [r.to_json() for r in self.late_entries],
            "recorded_before_event": [r.to_json() for r in self.recorded_before_event],
        }


@dataclass(frozen=True)
class RecordingDelayReport:
    late_days: int
    agencies: tuple[AgencyRecordingDelays, ...]

    def to_json(self) -> dict[str, Any]:
        return {"late_days": self.late_days, "agencies": [a.to_json() for a in self.agencies]}


def recording_delays_of(prep: Prepared, late_days: int) -> RecordingDelayReport:
    per_agency: dict[str, list[tuple[int, AnalysisEntry]]] = {}
    for s, _, e in prep.spans:
        if e.recorded is not None and e.precision == "day":
            per_agency.setdefault(e.agency, []).append((e.recorded.toordinal() - s, e))
    result = []
    for agency in sorted(per_agency, key=agency_key):
        pairs = per_agency[agency]
        valid = sorted(d for d, _ in pairs if d >= 0)
        late = [LateRecord(e.id, e.start, e.recorded, d) for d, e in pairs if d > late_days]
        late.sort(key=lambda r: (-r.days_late, r.event_date, r.id))
        errors = [RecordedBeforeEvent(e.id, e.start, e.recorded, -d) for d, e in pairs if d < 0]
        errors.sort(key=lambda r: (-r.days_early, r.event_date, r.id))
        result.append(
            AgencyRecordingDelays(
                agency=agency,
                with_both=len(pairs),
                late=len(late),
                median_days=float(median(valid)) if valid else None,
                max_days=valid[-1] if valid else None,
                late_entries=tuple(late),
                recorded_before_event=tuple(errors),
            )
        )
    return RecordingDelayReport(late_days, tuple(result))


def recording_delays(
    entries: Iterable[AnalysisEntry], *, late_days: int = 7
) -> RecordingDelayReport:
    """Per agency, how long after the event entries were written up.

    Only entries with an exact-day event date (precision "day") and a recorded date count.
    Late: recorded more than `late_days` days after the event. An entry recorded before its
    event is a data error: it is listed under recorded_before_event and left out of the median
    and maximum (which are over the remaining entries), but still counted in with_both.
    """
    return run_part(recording_delays_of, entries, late_days)
