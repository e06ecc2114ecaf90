"""What reviews could not establish from chronologies, computed from plain entries.

Five parts, each its own module and function, all of them together in `analyse`: silences
(periods with no contact), practitioner continuity, recording delays, missing episodes with
return home interviews, and gaps in management oversight. Pure Python over `AnalysisEntry`: no
database, no Qt. Dates are handled as day ordinals after one sort (`prepared`), so 50,000 entries
take a fraction of a second.

Date rule used throughout: an entry covers `start`..`end` (both set for day, month, year and
approximate precision; `end` missing is read as `start`). Entries with precision "unknown" (or no
start) are left out of everything date-based and counted as `undated`.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from app.chronology.analysis.continuity import (
    ROLE_NOT_RECORDED,
    AgencyPractitioners,
    PractitionerReport,
    RoleCount,
    YearCount,
    practitioners,
    practitioners_of,
    role_phrase,
    split_practitioner,
)
from app.chronology.analysis.missing import (
    MISSING_EPISODE,
    RETURN_HOME_INTERVIEW,
    RHI_WINDOW_DAYS,
    MissingEpisode,
    MissingEpisodeReport,
    missing_episodes,
    missing_episodes_of,
)
from app.chronology.analysis.oversight import (
    OVERSIGHT_TYPES,
    ActivePeriod,
    OversightGap,
    OversightReport,
    oversight_gaps,
    oversight_gaps_of,
)
from app.chronology.analysis.prepared import Prepared, run_part
from app.chronology.analysis.recording import (
    AgencyRecordingDelays,
    LateRecord,
    RecordedBeforeEvent,
    RecordingDelayReport,
    recording_delays,
    recording_delays_of,
)
from app.chronology.analysis.silence import (
    AgencySilence,
    Silence,
    SilenceReport,
    silences,
    silences_of,
)
from app.chronology.types import AnalysisEntry

__all__ = [
    "MISSING_EPISODE",
    "OVERSIGHT_TYPES",
    "RETURN_HOME_INTERVIEW",
    "RHI_WINDOW_DAYS",
    "ROLE_NOT_RECORDED",
    "ActivePeriod",
    "AgencyPractitioners",
    "AgencyRecordingDelays",
    "AgencySilence",
    "ChronologyAnalysis",
    "LateRecord",
    "MissingEpisode",
    "MissingEpisodeReport",
    "OversightGap",
    "OversightReport",
    "PractitionerReport",
    "RecordedBeforeEvent",
    "RecordingDelayReport",
    "RoleCount",
    "Silence",
    "SilenceReport",
    "YearCount",
    "analyse",
    "missing_episodes",
    "oversight_gaps",
    "practitioners",
    "recording_delays",
    "role_phrase",
    "silences",
    "split_practitioner",
]


@dataclass(frozen=True)
class ChronologyAnalysis:
    entries: int
    undated: int
    silences: SilenceReport
    practitioners: PractitionerReport
    recording_delays: RecordingDelayReport
    missing_episodes: MissingEpisodeReport
    oversight_gaps: OversightReport

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict; every date as YYYY-MM-DD."""
        return {
            "silences": self.silences.to_json(),
            "practitioners": self.practitioners.to_json(),
            "recording_delays": self.recording_delays.to_json(),
            "missing_episodes": self.missing_episodes.to_json(),
            "oversight_gaps": self.oversight_gaps.to_json(),
        }


def analyse(
    entries: Iterable[AnalysisEntry],
    *,
    gap_days: int = 90,
    late_days: int = 7,
    oversight_gap_days: int = 90,
    scope_start: date | None = None,
    scope_end: date | None = None,
) -> ChronologyAnalysis:
    """All five analyses over one chronology (entries in any order)."""
    return run_part(
        _analyse, entries, gap_days, late_days, oversight_gap_days, scope_start, scope_end
    )


def _analyse(prep: Prepared, gap_days, late_days, oversight_gap_days, scope_start, scope_end):
    return ChronologyAnalysis(
        entries=len(prep.spans) + len(prep.undated),
        undated=len(prep.undated),
        silences=silences_of(prep, gap_days, scope_start, scope_end),
        practitioners=practitioners_of(prep),
        recording_delays=recording_delays_of(prep, late_days),
        missing_episodes=missing_episodes_of(prep),
        oversight_gaps=oversight_gaps_of(prep, oversight_gap_days),
    )
