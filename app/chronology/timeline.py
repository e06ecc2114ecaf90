"""Timeline layout: where every entry, episode and silence goes, as fractions of the axis.

Pure data, no Qt and no reportlab: the timeline widget and the PDF drawing both render a
`TimelineLayout`. x is a fraction 0..1 of the axis; a day occupies the slice
[(day - start) / n, (day - start + 1) / n] of an axis of n days, and a one-day thing sits in
the middle of its slice (`x_of`). Bands (episodes, silences) run from the left edge of their
first day to the right edge of their last; ticks sit on the left edge of their day.
"""

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from operator import itemgetter
from typing import Any

from app.chronology.analysis.prepared import gc_paused
from app.chronology.types import AnalysisEntry

# Categories, in the order a crowded pixel shows them (most significant for a review first).
CATEGORIES = (
    "missing/exploitation",
    "child protection",
    "police/justice",
    "referral/assessment",
    "health",
    "education",
    "oversight",
    "visit/contact",
    "other",
)
CATEGORY_LABELS = {
    "missing/exploitation": "Missing / exploitation",
    "child protection": "Child protection and court",
    "police/justice": "Police / justice",
    "referral/assessment": "Referral / assessment",
    "health": "Health",
    "education": "Education",
    "oversight": "Oversight / supervision",
    "visit/contact": "Visit / contact",
    "other": "Other",
}
# (on a light background, on a dark background). Okabe-Ito hues; the light set is darkened where
# needed so every colour has at least 3:1 contrast on white, and the dark set has at least 3:1 on
# #1E1E1E. Both stay apart under simulated protanopia and deuteranopia (see the tests).
CATEGORY_COLOURS: dict[str, tuple[str, str]] = {
    "missing/exploitation": ("#E06200", "#E8702A"),  # vermillion
    "child protection": ("#B8488A", "#CC79A7"),  # reddish purple
    "police/justice": ("#0072B2", "#3D8FD9"),  # blue
    "referral/assessment": ("#8A5C00", "#E69F00"),  # orange
    "health": ("#00805C", "#009E73"),  # bluish green
    "education": ("#3F8FCC", "#56B4E9"),  # sky blue
    "oversight": ("#4F4C00", "#F0E442"),  # yellow
    "visit/contact": ("#000000", "#FFFFFF"),
    "other": ("#8A8A8A", "#B8B8B8"),
}

# Event type keys by category (keys from the event type vocabulary, and likely variants).
_GROUPS = {
    "visit/contact": (
        "home_visit statutory_visit visit office_visit school_visit contact telephone_contact "
        "phone_call email letter correspondence direct_work appointment placement_change "
        "placement family_contact did_not_attend no_access_visit unannounced_visit text_message "
        "other_contact"
    ).split(),
    "referral/assessment": (
        "referral referral_received referral_made mash mash_enquiry assessment "
        "single_assessment child_and_family_assessment core_assessment initial_assessment "
        "early_help early_help_assessment caf threshold_decision information_sharing "
        "information_request nfa case_closure case_closed case_allocation allocation transfer "
        "disclosure safeguarding_concern"
    ).split(),
    "child protection": (
        "cp_conference strategy_discussion strategy_meeting section_47 s47_enquiry "
        "child_protection_conference initial_child_protection_conference "
        "review_child_protection_conference review_conference core_group core_group_meeting "
        "child_in_need_meeting cin_meeting child_protection_plan looked_after_review lac_review "
        "cla_review iro_review multi_agency_meeting professionals_meeting "
        "legal_planning_meeting pre_proceedings care_proceedings court court_hearing section_20 "
        "accommodation marac"
    ).split(),
    "oversight": (
        "supervision management_oversight management_decision case_audit manager_review escalation"
    ).split(),
    "missing/exploitation": (
        "missing_episode missing absent return_home_interview exploitation_concern cse_concern "
        "cce_concern child_sexual_exploitation child_criminal_exploitation county_lines "
        "nrm_referral exploitation_meeting mace_meeting runaway"
    ).split(),
    "police/justice": (
        "police_incident domestic_incident domestic_abuse_incident arrest charge intelligence "
        "police_intelligence crime_report investigation police_protection youth_offending "
        "yos_contact sentence custody remand release antisocial_behaviour mappa caution offence"
    ).split(),
    "health": (
        "health_appointment gp_appointment gp_contact ed_attendance emergency_department "
        "a_and_e hospital_admission admission discharge health_visitor_contact health_visit "
        "school_nurse midwife_contact midwifery antenatal missed_appointment was_not_brought "
        "camhs_referral camhs mental_health health_assessment initial_health_assessment "
        "review_health_assessment medical child_protection_medical overdose self_harm "
        "substance_misuse sexual_health paediatric_appointment immunisation dental"
    ).split(),
    "education": (
        "school_exclusion school_attendance attendance_concern attendance exclusion "
        "fixed_term_exclusion permanent_exclusion school_concern education_welfare "
        "elective_home_education children_missing_education school_move sen ehcp pep "
        "personal_education_plan"
    ).split(),
}
# Event type key -> category. Unknown or empty keys are "other" (see category_of).
CATEGORY_OF: dict[str, str] = {key: cat for cat, keys in _GROUPS.items() for key in keys}


def category_of(event_type: str) -> str:
    return CATEGORY_OF.get(event_type or "", "other")


@dataclass(frozen=True, slots=True)
class Lane:
    agency: str
    index: int


@dataclass(frozen=True, slots=True)
class Marker:
    entry_id: int
    lane: int
    x: float  # the middle of the entry's first day
    x_end: float | None  # the middle of its last day, for entries longer than a day
    category: str
    approximate: bool  # precision "approximate" ("?22 May 2016", "summer 2007")


@dataclass(frozen=True, slots=True)
class EpisodeBand:
    id: Any
    title: str
    x0: float
    x1: float


@dataclass(frozen=True, slots=True)
class SilenceBand:
    x0: float
    x1: float
    days: int  # the whole silence, even when the view shows only part of it


@dataclass(frozen=True, slots=True)
class Tick:
    x: float
    label: str  # "" for an unlabelled minor tick
    major: bool


@dataclass(frozen=True, slots=True)
class MarkerBin:
    """The markers of one lane that fall in one pixel column."""

    lane: int
    column: int
    x0: float  # left edge of the column
    x1: float  # right edge of the column, or further when a member spans further
    count: int
    category: str  # the most frequent; ties go to the category listed first in CATEGORIES
    ids: tuple[int, ...]  # the first few entry ids, by date
    categories: tuple[tuple[str, int], ...]  # (category, count), most frequent first


MAX_BIN_IDS = 5


class _Source:
    """What a layout was built from, kept so `zoomed` does not sort again."""

    __slots__ = ("spans", "episodes", "silences")

    def __init__(self, spans, episodes, silences):
        self.spans = spans  # (start ordinal, end ordinal, entry), by date
        self.episodes = episodes  # (id, title, start ordinal, end ordinal)
        self.silences = silences  # (start ordinal, end ordinal)


@dataclass(frozen=True)
class TimelineLayout:
    start: date  # first day on the axis
    end: date  # last day on the axis
    lanes: tuple[Lane, ...]
    markers: tuple[Marker, ...]  # by date
    episodes: tuple[EpisodeBand, ...]
    silences: tuple[SilenceBand, ...]
    ticks: tuple[Tick, ...]
    undated: int  # entries with no usable date (not drawn)
    _source: _Source = field(repr=False, compare=False)

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def x_of(self, day: date) -> float:
        """The middle of `day` as a fraction of the axis (outside 0..1 off the axis)."""
        return (day.toordinal() - self.start.toordinal() + 0.5) / self.days

    def day_of(self, x: float) -> date:
        """The day at fraction x of the axis, clamped to the axis."""
        n = self.days
        offset = min(max(math.floor(x * n), 0), n - 1)
        return self.start + timedelta(days=offset)

    def zoomed(self, start: date, end: date) -> "TimelineLayout":
        """The same timeline over start..end (no padding), with the same lanes."""
        lanes = [lane.agency for lane in self.lanes]
        with gc_paused():
            return _layout(self._source, lanes, start, end, self.undated)


def _episode_parts(ep) -> tuple[Any, str, date | None, date | None]:
    if isinstance(ep, tuple | list):
        return ep[0], ep[1], ep[2], ep[3]
    return ep.id, ep.title, ep.start, ep.end


def layout_timeline(
    entries: Iterable[AnalysisEntry],
    *,
    episodes: Iterable[Any] = (),
    silences: Iterable[Any] = (),
    agencies: Sequence[str] | None = None,
    start: date | None = None,
    end: date | None = None,
) -> TimelineLayout:
    """Lay out a chronology on a date axis, one lane per agency.

    episodes: objects with id, title, start, end (or such 4-tuples); without dates they are left
    out, a missing end is the start. silences: (start, end) pairs or objects with start/end
    (analysis.Silence). agencies: the lanes in order, default the order of first appearance by
    date; when given, entries of agencies not listed are left out. start/end: the axis range,
    by default the data's range padded by 2% (at least a day) each side; when given, only what
    overlaps it is laid out, and spans are clipped to the axis.
    """
    with gc_paused():
        return _layout_timeline(entries, episodes, silences, agencies, start, end)


def _layout_timeline(entries, episodes, silences, agencies, start, end) -> TimelineLayout:
    spans = []
    undated = 0
    for e in entries:
        if e.start is None or e.precision == "unknown":
            undated += 1
            continue
        s = e.start.toordinal()
        last = e.end.toordinal() if e.end is not None else s
        spans.append((s, last if last >= s else s, e))
    spans.sort(key=itemgetter(0, 1))
    eps = []
    for ep in episodes:
        ep_id, title, s, last = _episode_parts(ep)
        s = s or last
        if s is None:
            continue
        last = last or s
        eps.append((ep_id, title, s.toordinal(), max(s, last).toordinal()))
    sils = []
    for sil in silences:
        s, last = (sil.start, sil.end) if hasattr(sil, "start") else (sil[0], sil[1])
        sils.append((s.toordinal(), max(s, last).toordinal()))
    if agencies is None:
        lanes = list(dict.fromkeys(sp[2].agency for sp in spans))
    else:
        lanes = list(agencies)
    return _layout(_Source(spans, eps, sils), lanes, start, end, undated)


def _axis(source: _Source, start: date | None, end: date | None) -> tuple[int, int]:
    if start is not None and end is not None:
        lo, hi = start.toordinal(), end.toordinal()
    else:
        firsts = [sp[0] for sp in source.spans[:1]]
        firsts += [e[2] for e in source.episodes] + [s[0] for s in source.silences]
        lasts = [max((sp[1] for sp in source.spans), default=None)]
        lasts += [e[3] for e in source.episodes] + [s[1] for s in source.silences]
        lasts = [v for v in lasts if v is not None]
        if not firsts:
            today = date.today().toordinal()
            firsts, lasts = [today], [today]
        lo, hi = min(firsts), max(lasts)
        pad = max(1, (hi - lo) // 50)
        lo, hi = (start.toordinal() if start else lo - pad), (end.toordinal() if end else hi + pad)
    if hi < lo:
        raise ValueError("The timeline's end is before its start.")
    return lo, hi


def _layout(source: _Source, lanes: list[str], start, end, undated: int) -> TimelineLayout:
    lo, hi = _axis(source, start, end)
    n = hi - lo + 1
    lane_of = {agency: i for i, agency in enumerate(lanes)}
    categories = CATEGORY_OF
    markers = []
    for s, last, e in source.spans:
        if s > hi or last < lo:
            continue
        lane = lane_of.get(e.agency)
        if lane is None:
            continue
        x = (s - lo + 0.5) / n
        x_end = None
        if last > s:
            x_end = (last - lo + 0.5) / n
            x = max(x, 0.0)
            x_end = min(x_end, 1.0)
        markers.append(
            Marker(
                e.id,
                lane,
                x,
                x_end,
                categories.get(e.event_type, "other"),
                e.precision == "approximate",
            )
        )
    bands = tuple(
        EpisodeBand(ep_id, title, max(s - lo, 0) / n, min(last - lo + 1, n) / n)
        for ep_id, title, s, last in source.episodes
        if s <= hi and last >= lo
    )
    quiet = tuple(
        SilenceBand(max(s - lo, 0) / n, min(last - lo + 1, n) / n, last - s + 1)
        for s, last in source.silences
        if s <= hi and last >= lo
    )
    return TimelineLayout(
        start=date.fromordinal(lo),
        end=date.fromordinal(hi),
        lanes=tuple(Lane(agency, i) for i, agency in enumerate(lanes)),
        markers=tuple(markers),
        episodes=bands,
        silences=quiet,
        ticks=tuple(_ticks(lo, hi)),
        undated=undated,
        _source=source,
    )


# --- ticks ----------------------------------------------------------------------------------


def _month_starts(lo: int, hi: int, step: int):
    d = date.fromordinal(lo)
    y, m = d.year, d.month
    if d.day != 1:
        y, m = (y, m + 1) if m < 12 else (y + 1, 1)
    while True:
        first = date(y, m, 1)
        if first.toordinal() > hi:
            return
        if (m - 1) % step == 0:
            yield first
        y, m = (y, m + 1) if m < 12 else (y + 1, 1)


def _ticks(lo: int, hi: int) -> list[Tick]:
    """Years with quarter minor ticks over long ranges, months over a year or two, weeks over a
    few months, days over a couple of weeks."""
    n = hi - lo + 1
    ticks: list[Tick] = []

    def add(day: date, label: str, major: bool) -> None:
        ticks.append(Tick((day.toordinal() - lo) / n, label, major))

    if n > 800:  # more than about two years: years
        years = n / 365.25
        step = next((s for s in (1, 2, 5, 10, 20, 50) if years / s <= 20), 100)
        for first in _month_starts(lo, hi, 3 if step == 1 else 12):
            if first.month == 1 and first.year % step == 0:
                add(first, str(first.year), True)
            else:
                add(first, "", False)
    elif n > 120:  # months; past about 13 months only quarters are labelled
        every = 3 if n > 400 else 1
        for first in _month_starts(lo, hi, 1):
            major = (first.month - 1) % every == 0
            add(first, first.strftime("%b %Y") if major else "", major)
    elif n > 21:  # weeks, starting on Mondays, days as minor ticks
        for o in range(lo, hi + 1):
            d = date.fromordinal(o)
            if d.weekday() == 0:
                add(d, f"{d.day} {d.strftime('%b')}", True)
            else:
                add(d, "", False)
    else:
        for o in range(lo, hi + 1):
            d = date.fromordinal(o)
            add(d, f"{d.day} {d.strftime('%b')}", True)
    return ticks


# --- binning --------------------------------------------------------------------------------


def bin_markers(layout: TimelineLayout, pixel_width: int) -> list[MarkerBin]:
    """Group the markers per lane and pixel column, so a renderer draws at most
    lanes x pixel_width items. A marker belongs to the column of its start; a bin reaches as far
    right as its furthest-reaching member. Bins come by lane, then column."""
    if pixel_width < 1:
        raise ValueError("pixel_width must be at least 1")
    with gc_paused():
        return _bin_markers(layout.markers, pixel_width)


def _bin_markers(markers: Sequence[Marker], width: int) -> list[MarkerBin]:
    last_col = width - 1
    # lane * width + column for every marker (a marker's x is inside 0..1: its day is on the axis)
    keys = [m.lane * width + min(int(m.x * width), last_col) for m in markers]
    counts = Counter(keys)
    per_category = Counter(zip(keys, [m.category for m in markers], strict=True))
    reach: dict[int, float] = {}
    for key, x_end in [(k, m.x_end) for k, m in zip(keys, markers, strict=True) if m.x_end]:
        if x_end > reach.get(key, 0.0):
            reach[key] = x_end
    ids: dict[int, list[int]] = {key: [] for key in counts}
    for key, entry_id in zip(keys, [m.entry_id for m in markers], strict=True):
        first = ids[key]
        if len(first) < MAX_BIN_IDS:
            first.append(entry_id)
    rank = {c: i for i, c in enumerate(CATEGORIES)}
    cats: dict[int, list[tuple[str, int]]] = {}
    for (key, category), n in per_category.items():
        cats.setdefault(key, []).append((category, n))
    bins = []
    for key in sorted(counts):
        lane, col = divmod(key, width)
        ranked = cats[key]
        if len(ranked) > 1:
            ranked.sort(key=lambda kv: (-kv[1], rank.get(kv[0], 99)))
        x1 = (col + 1) / width
        bins.append(
            MarkerBin(
                lane=lane,
                column=col,
                x0=col / width,
                x1=max(x1, reach[key]) if key in reach else x1,
                count=counts[key],
                category=ranked[0][0],
                ids=tuple(ids[key]),
                categories=tuple(ranked),
            )
        )
    return bins
