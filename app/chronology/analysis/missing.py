"""Missing episodes, and whether a return home interview followed each within 72 hours."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from app.chronology.analysis.prepared import Prepared, day, iso, run_part
from app.chronology.types import AnalysisEntry

MISSING_EPISODE = "missing_episode"
RETURN_HOME_INTERVIEW = "return_home_interview"
RHI_WINDOW_DAYS = 3  # 72 hours, in whole days: entries carry dates, not times


@dataclass(frozen=True)
class MissingEpisode:
    id: int
    agency: str
    start: date
    end: date
    precision: str
    rhi_id: int | None
    rhi_date: date | None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "agency": self.agency,
            "start": iso(self.start),
            "end": iso(self.end),
            "precision": self.precision,
            "rhi_id": self.rhi_id,
            "rhi_date": iso(self.rhi_date),
        }


@dataclass(frozen=True)
class MissingEpisodeReport:
    count: int  # dated missing episodes
    with_rhi: int  # of which with a return home interview within 72 hours
    first: date | None
    last: date | None
    by_year: tuple[tuple[int, int], ...]  # (year, episodes), every year from first to last
    episodes: tuple[MissingEpisode, ...]
    undated_ids: tuple[int, ...]  # missing-episode entries with no usable date

    def to_json(self) -> dict[str, Any]:
        return {
            "count": self.count,
            "with_rhi_within_72h": self.with_rhi,
            "without_rhi_within_72h": self.count - self.with_rhi,
            "first": iso(self.first),
            "last": iso(self.last),
            "by_year": [{"year": y, "count": n} for y, n in self.by_year],
            "episodes": [ep.to_json() for ep in self.episodes],
            "undated": len(self.undated_ids),
            "undated_ids": list(self.undated_ids),
        }


def missing_episodes_of(prep: Prepared) -> MissingEpisodeReport:
    episodes = [sp for sp in prep.spans if sp[2].event_type == MISSING_EPISODE]
    rhis = [
        (s, e)
        for s, _, e in prep.spans
        if e.event_type == RETURN_HOME_INTERVIEW and e.precision == "day"
    ]
    matched: dict[int, AnalysisEntry] = {}  # episode's index in `episodes` -> interview
    # Windows [end, end + 3] all have the same length, so taking them in order of end and giving
    # each the earliest unused interview in its window matches as many episodes as possible.
    exact = sorted(
        (i for i, sp in enumerate(episodes) if sp[2].precision == "day"),
        key=lambda i: (episodes[i][1], episodes[i][0]),
    )
    j = 0
    for i in exact:
        end = episodes[i][1]
        while j < len(rhis) and rhis[j][0] < end:
            j += 1
        if j < len(rhis) and rhis[j][0] <= end + RHI_WINDOW_DAYS:
            matched[i] = rhis[j][1]
            j += 1
    listed = []
    per_year: dict[int, int] = {}
    for i, (s, end, ep) in enumerate(episodes):
        rhi = matched.get(i)
        listed.append(
            MissingEpisode(
                ep.id,
                ep.agency,
                day(s),
                day(end),
                ep.precision,
                rhi.id if rhi else None,
                rhi.start if rhi else None,
            )
        )
        per_year[ep.start.year] = per_year.get(ep.start.year, 0) + 1
    by_year = ()
    if per_year:
        by_year = tuple((y, per_year.get(y, 0)) for y in range(min(per_year), max(per_year) + 1))
    return MissingEpisodeReport(
        count=len(listed),
        with_rhi=len(matched),
        first=listed[0].start if listed else None,
        last=listed[-1].start if listed else None,
        by_year=by_year,
        episodes=tuple(listed),
        undated_ids=tuple(e.id for e in prep.undated if e.event_type == MISSING_EPISODE),
    )


def missing_episodes(entries: Iterable[AnalysisEntry]) -> MissingEpisodeReport:
    """Missing episodes (event type "missing_episode") and their return home interviews.

    Rule for "RHI within 72 hours": an entry of type "return_home_interview" from any agency,
    dated to the day, whose date is 0 to 3 days after the episode's end (its start when it has
    no end): same day, 24 h, 48 h and 72 h count, 4 days later does not. Entries carry dates,
    not times, so an interview on the third day counts however late on that day it happened.
    Only episodes dated to the day can be matched (a "June 2016" episode cannot show 72 hours).
    Each interview is matched to at most one episode (each episode needs its own), choosing the
    earliest one left in its window. `first` and `last` are episode start dates; episodes count
    in the year they start. Undated missing episodes are counted separately.
    """
    return run_part(missing_episodes_of, entries)
