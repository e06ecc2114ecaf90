"""What reviews could not establish from chronologies, computed from plain entries.

Five parts, each its own function and all of them together in `analyse`: silences (periods with
no contact), practitioner continuity, recording delays, missing episodes with return home
interviews, and gaps in management oversight. Pure Python over `AnalysisEntry`: no database, no
Qt. Dates are handled as day ordinals after one sort, so 50,000 entries take a fraction of a
second.

Date rule used throughout: an entry covers `start`..`end` (both set for day, month, year and
approximate precision; `end` missing is read as `start`). Entries with precision "unknown" (or no
start) are left out of everything date-based and counted as `undated`.
"""

import gc
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from operator import itemgetter
from statistics import median
from typing import Any

from app.chronology.types import AnalysisEntry

MISSING_EPISODE = "missing_episode"
RETURN_HOME_INTERVIEW = "return_home_interview"
# Event types that count as a record of management oversight.
OVERSIGHT_TYPES = frozenset({"supervision", "management_oversight"})
RHI_WINDOW_DAYS = 3  # 72 hours, in whole days: entries carry dates, not times
ROLE_NOT_RECORDED = "Role not recorded"


@contextmanager
def _gc_paused() -> Iterator[None]:
    """No cyclic garbage collection while building many small objects that hold no cycles:
    otherwise collections triggered by the allocations walk the whole heap again and again."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d is not None else None


def _day(ordinal: int) -> date:
    return date.fromordinal(ordinal)


# --- preparation: one pass and one sort shared by every part --------------------------------


class _Prepared:
    """Dated entries as (start ordinal, end ordinal, entry) sorted by date, grouped by agency."""

    def __init__(self, entries: Iterable[AnalysisEntry]):
        spans: list[tuple[int, int, AnalysisEntry]] = []
        undated: list[AnalysisEntry] = []
        for e in entries:
            if e.start is None or e.precision == "unknown":
                undated.append(e)
                continue
            s = e.start.toordinal()
            end = e.end.toordinal() if e.end is not None else s
            spans.append((s, end if end >= s else s, e))
        spans.sort(key=itemgetter(0, 1))  # stable: same-day entries keep their given order
        self.spans = spans
        self.undated = undated
        self.by_agency: dict[str, list[tuple[int, int, AnalysisEntry]]] = {}
        for span in spans:
            self.by_agency.setdefault(span[2].agency, []).append(span)


def _agency_key(name: str) -> tuple[str, str]:
    return (name.casefold(), name)


# --- silences -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Silence:
    """A period (both days included) in which no agency recorded anything."""

    start: date
    end: date
    days: int

    def to_json(self) -> dict[str, Any]:
        return {"start": _iso(self.start), "end": _iso(self.end), "days": self.days}


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
            "start": _iso(self.start),
            "end": _iso(self.end),
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
            "scope_start": _iso(self.scope_start),
            "scope_end": _iso(self.scope_end),
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


def _silences(
    prep: _Prepared, gap_days: int, scope_start: date | None, scope_end: date | None
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
        overall = [Silence(_day(a), _day(b), b - a + 1) for a, b in _gaps(spans, lo, hi, gap_days)]
        for agency in sorted(prep.by_agency, key=_agency_key):
            own = prep.by_agency[agency]
            a_lo = max(lo, own[0][0])
            a_hi = min(hi, max(s[1] for s in own))
            if a_lo > a_hi:
                continue
            by_agency.extend(
                AgencySilence(agency, _day(a), _day(b), b - a + 1)
                for a, b in _gaps(own, a_lo, a_hi, gap_days)
            )
    return SilenceReport(
        gap_days=gap_days,
        scope_start=_day(lo) if lo is not None else None,
        scope_end=_day(hi) if hi is not None else None,
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
    with _gc_paused():
        return _silences(_Prepared(entries), gap_days, scope_start, scope_end)


# --- practitioners --------------------------------------------------------------------------


@dataclass(frozen=True)
class YearCount:
    year: int
    count: int
    names: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {"year": self.year, "count": self.count, "names": list(self.names)}


@dataclass(frozen=True)
class RoleCount:
    role: str
    count: int
    names: tuple[str, ...]  # in order of first appearance
    by_year: tuple[YearCount, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "role": self.role,
            "count": self.count,
            "names": list(self.names),
            "by_year": [y.to_json() for y in self.by_year],
        }


@dataclass(frozen=True)
class AgencyPractitioners:
    agency: str
    practitioners: int  # distinct people whatever their role
    roles: tuple[RoleCount, ...]  # alphabetical, "Role not recorded" last
    summary: str

    def to_json(self) -> dict[str, Any]:
        return {
            "agency": self.agency,
            "summary": self.summary,
            "practitioners": self.practitioners,
            "roles": [r.to_json() for r in self.roles],
        }


@dataclass(frozen=True)
class PractitionerReport:
    agencies: tuple[AgencyPractitioners, ...]

    def to_json(self) -> dict[str, Any]:
        return {"agencies": [a.to_json() for a in self.agencies]}


_TRAILING_PARENS = re.compile(r"^(.*?)\s*\(([^()]*)\)$")


def split_practitioner(practitioner: str, role: str) -> tuple[str, str]:
    """(name, role) with whitespace collapsed and a trailing "(role)" taken off the name.

    "Zoë Harrington (Health visitor)" gives ("Zoë Harrington", "Health visitor") when the role
    column is empty; when it is not, the column wins and the bracket is only taken off the name.
    """
    name = " ".join((practitioner or "").split())
    role = " ".join((role or "").split())
    m = _TRAILING_PARENS.match(name)
    if m:
        name = m.group(1)
        if not role:
            role = " ".join(m.group(2).split())
    return name, role


def _plural_word(word: str) -> str:
    if len(word) > 1 and word.isupper():
        return word + "s"  # GP -> GPs, IRO -> IROs
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def role_phrase(role: str, count: int) -> str:
    """ "6 social workers", "1 GP", "2 heads of service", "3 practitioners with role not
    recorded": lower case except acronyms, the head noun pluralised."""
    if role == ROLE_NOT_RECORDED:
        return f"{count} practitioner{'' if count == 1 else 's'} with role not recorded"
    words = [w if len(w) > 1 and w.isupper() else w.lower() for w in role.split()]
    if count != 1 and words:
        if "of" in words[1:]:
            head = words.index("of", 1) - 1
        else:
            head = max((i for i, w in enumerate(words) if not w.startswith("(")), default=0)
        words[head] = _plural_word(words[head])
    return f"{count} {' '.join(words)}"


def _practitioners(prep: _Prepared) -> PractitionerReport:
    # Distinct (agency, practitioner, role, year) as written, in order of first appearance, so
    # that names are split and normalised once per distinct spelling, not once per entry.
    written = dict.fromkeys(
        (e.agency, e.practitioner, e.role, e.start.year) for _, _, e in prep.spans
    )
    written.update(dict.fromkeys((e.agency, e.practitioner, e.role, None) for e in prep.undated))
    # agency -> role key -> [role label, {name key: name}, {year: {name key: name}}]
    agencies: dict[str, dict[str, list]] = {}
    people: dict[str, dict[str, None]] = {}
    split: dict[tuple[str, str], tuple[str, str, str, str]] = {}
    for agency, practitioner, role, year in written:
        roles = agencies.setdefault(agency, {})
        known = people.setdefault(agency, {})
        parts = split.get((practitioner, role))
        if parts is None:
            name, label = split_practitioner(practitioner, role)
            label = label or ROLE_NOT_RECORDED
            parts = split[practitioner, role] = (name, name.casefold(), label, label.casefold())
        name, name_key, role, role_key = parts
        if not name:
            continue
        known[name_key] = None
        slot = roles.get(role_key)
        if slot is None:
            slot = roles[role_key] = [role, {}, {}]
        slot[1].setdefault(name_key, name)
        if year is not None:
            slot[2].setdefault(year, {}).setdefault(name_key, name)
    result = []
    for agency in sorted(agencies, key=_agency_key):
        roles = agencies[agency]
        keys = sorted(roles, key=lambda k: (k == ROLE_NOT_RECORDED.casefold(), k))
        counts = []
        for k in keys:
            label, names, years = roles[k]
            by_year = tuple(
                YearCount(y, len(years[y]), tuple(years[y].values())) for y in sorted(years)
            )
            counts.append(RoleCount(label, len(names), tuple(names.values()), by_year))
        phrases = ", ".join(role_phrase(r.role, r.count) for r in counts)
        summary = f"{agency}: {phrases or 'no practitioners named'}"
        result.append(AgencyPractitioners(agency, len(people[agency]), tuple(counts), summary))
    return PractitionerReport(tuple(result))


def practitioners(entries: Iterable[AnalysisEntry]) -> PractitionerReport:
    """Distinct practitioners per agency and role, over the whole chronology and per year.

    Names are counted after casefolding and collapsing spaces only: titles (Mr, Dr, PC...) are
    kept, since taking them off could merge different people. A trailing "(role)" on the name
    is taken off and used as the role when the role column is empty (see split_practitioner).
    Entries with no practitioner are ignored; an empty role is "Role not recorded". Undated
    entries count towards the whole chronology but not towards any year; an entry counts in
    the year of its start. Names are listed in order of first appearance.
    """
    with _gc_paused():
        return _practitioners(_Prepared(entries))


# --- recording delays -----------------------------------------------------------------------


@dataclass(frozen=True)
class LateRecord:
    id: int
    event_date: date
    recorded: date
    days_late: int  # days from the event to its recording

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "event_date": _iso(self.event_date),
            "recorded": _iso(self.recorded),
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
            "event_date": _iso(self.event_date),
            "recorded": _iso(self.recorded),
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


def _recording_delays(prep: _Prepared, late_days: int) -> RecordingDelayReport:
    per_agency: dict[str, list[tuple[int, AnalysisEntry]]] = {}
    for s, _, e in prep.spans:
        if e.recorded is not None and e.precision == "day":
            per_agency.setdefault(e.agency, []).append((e.recorded.toordinal() - s, e))
    result = []
    for agency in sorted(per_agency, key=_agency_key):
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
    with _gc_paused():
        return _recording_delays(_Prepared(entries), late_days)


# --- missing episodes -----------------------------------------------------------------------


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
            "start": _iso(self.start),
            "end": _iso(self.end),
            "precision": self.precision,
            "rhi_id": self.rhi_id,
            "rhi_date": _iso(self.rhi_date),
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
            "first": _iso(self.first),
            "last": _iso(self.last),
            "by_year": [{"year": y, "count": n} for y, n in self.by_year],
            "episodes": [ep.to_json() for ep in self.episodes],
            "undated": len(self.undated_ids),
            "undated_ids": list(self.undated_ids),
        }


def _missing_episodes(prep: _Prepared) -> MissingEpisodeReport:
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
                _day(s),
                _day(end),
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
    with _gc_paused():
        return _missing_episodes(_Prepared(entries))


# --- oversight gaps -------------------------------------------------------------------------


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
            "start": _iso(self.start),
            "end": _iso(self.end),
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
            "start": _iso(self.start),
            "end": _iso(self.end),
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


def _oversight_gaps(prep: _Prepared, gap_days: int) -> OversightReport:
    gaps: list[OversightGap] = []
    without: list[ActivePeriod] = []
    for agency in sorted(prep.by_agency, key=_agency_key):
        own = prep.by_agency[agency]
        first = own[0][0]
        last = max(sp[1] for sp in own)
        records = [sp for sp in own if sp[2].event_type in OVERSIGHT_TYPES]
        if not records:
            if last - first > gap_days:
                without.append(
                    ActivePeriod(agency, _day(first), _day(last), last - first, len(own))
                )
            continue
        point, point_id = first, None
        for s, e, entry in records:
            if s - point > gap_days:
                gaps.append(
                    OversightGap(agency, _day(point), _day(s), s - point, point_id, entry.id)
                )
            if e >= point:
                point, point_id = e, entry.id
        if last - point > gap_days:
            gaps.append(OversightGap(agency, _day(point), _day(last), last - point, point_id, None))
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
    with _gc_paused():
        return _oversight_gaps(_Prepared(entries), oversight_gap_days)


# --- everything together --------------------------------------------------------------------


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
    with _gc_paused():
        return _analyse(entries, gap_days, late_days, oversight_gap_days, scope_start, scope_end)


def _analyse(entries, gap_days, late_days, oversight_gap_days, scope_start, scope_end):
    prep = _Prepared(entries)
    return ChronologyAnalysis(
        entries=len(prep.spans) + len(prep.undated),
        undated=len(prep.undated),
        silences=_silences(prep, gap_days, scope_start, scope_end),
        practitioners=_practitioners(prep),
        recording_delays=_recording_delays(prep, late_days),
        missing_episodes=_missing_episodes(prep),
        oversight_gaps=_oversight_gaps(prep, oversight_gap_days),
    )
