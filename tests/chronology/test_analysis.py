"""The chronology analysis on small hand-made chronologies whose answers are known."""

import calendar
import json
import random
import re
from datetime import date, timedelta

import pytest

from app.chronology.analysis import (
    ROLE_NOT_RECORDED,
    analyse,
    missing_episodes,
    oversight_gaps,
    practitioners,
    recording_delays,
    role_phrase,
    silences,
    split_practitioner,
)
from app.chronology.types import AnalysisEntry

CSC = "Children's Social Care"


def d(text: str) -> date:
    return date.fromisoformat(text)


def entry(
    id: int,
    agency: str,
    start: str | date | None,
    end: str | date | None = None,
    *,
    precision: str = "day",
    recorded: str | None = None,
    practitioner: str = "",
    role: str = "",
    event_type: str = "",
) -> AnalysisEntry:
    start = d(start) if isinstance(start, str) else start
    end = d(end) if isinstance(end, str) else end
    if start is not None and end is None:
        end = start
    return AnalysisEntry(
        id=id,
        agency=agency,
        start=start,
        end=end,
        precision=precision if start is not None else "unknown",
        recorded=d(recorded) if recorded else None,
        practitioner=practitioner,
        role=role,
        event_type=event_type,
        event_type_text=event_type.replace("_", " "),
        text="",
    )


def month(id: int, agency: str, year: int, mon: int, **kw) -> AnalysisEntry:
    last = calendar.monthrange(year, mon)[1]
    return entry(id, agency, date(year, mon, 1), date(year, mon, last), precision="month", **kw)


def year(id: int, agency: str, y: int, **kw) -> AnalysisEntry:
    return entry(id, agency, date(y, 1, 1), date(y, 12, 31), precision="year", **kw)


def undated(id: int, agency: str, **kw) -> AnalysisEntry:
    return entry(id, agency, None, precision="unknown", **kw)


# --- silences -------------------------------------------------------------------------------


def silence_chronology() -> list[AnalysisEntry]:
    return [
        entry(1, "Police", "2016-01-01"),
        month(2, "Health", 2016, 3),  # covers 1-31 March 2016
        entry(3, "Police", "2016-09-15"),
        year(4, "School", 2017),  # covers the whole of 2017
        entry(5, "Police", "2018-03-01"),
        undated(6, "Police"),
        undated(7, "Health"),
    ]


def test_silences_overall_count_month_and_year_ranges_as_covered_and_skip_undated():
    report = silences(silence_chronology(), gap_days=90)

    spans = [(s.start, s.end, s.days) for s in report.overall]
    # 2 Jan - 29 Feb 2016 (59 days) and 1 Jan - 28 Feb 2018 (59 days) are too short to report.
    assert spans == [
        (d("2016-04-01"), d("2016-09-14"), 167),
        (d("2016-09-16"), d("2016-12-31"), 107),
    ]
    assert report.scope_start == d("2016-01-01")
    assert report.scope_end == d("2018-03-01")
    assert report.dated == 5
    assert report.undated == 2


def test_silences_per_agency_between_its_own_entries():
    report = silences(silence_chronology(), gap_days=90)

    assert [(s.agency, s.start, s.end, s.days) for s in report.by_agency] == [
        ("Police", d("2016-01-02"), d("2016-09-14"), 257),
        ("Police", d("2016-09-16"), d("2018-02-28"), 531),
    ]


def test_silences_within_a_given_scope_can_open_and_close_it():
    report = silences(
        silence_chronology(), gap_days=90, scope_start=d("2015-10-01"), scope_end=d("2018-06-30")
    )

    spans = [(s.start, s.end, s.days) for s in report.overall]
    assert spans[0] == (d("2015-10-01"), d("2015-12-31"), 92)
    assert spans[-1] == (d("2018-03-02"), d("2018-06-30"), 121)
    assert len(spans) == 4


def test_a_silence_must_be_longer_than_gap_days():
    entries = [
        entry(1, "A", "2020-01-01"),
        entry(2, "A", "2020-04-01"),  # 2 Jan - 31 Mar 2020: 90 empty days (leap year)
        entry(3, "A", "2020-07-01"),  # 2 Apr - 30 Jun 2020: 90 empty days
        entry(4, "A", "2020-10-01"),  # 2 Jul - 30 Sep 2020: 91 empty days
    ]
    report = silences(entries, gap_days=90)

    assert [(s.start, s.end, s.days) for s in report.overall] == [
        (d("2020-07-02"), d("2020-09-30"), 91)
    ]
    assert [s.days for s in silences(entries, gap_days=89).overall] == [90, 90, 91]


def _covered_days(entries, lo: date, hi: date) -> set[date]:
    days = set()
    for e in entries:
        if e.start is None:
            continue
        day = max(e.start, lo)
        while day <= min(e.end, hi):
            days.add(day)
            day += timedelta(days=1)
    return days


@pytest.mark.parametrize("seed", range(40))
def test_silences_are_exactly_the_long_uncovered_runs(seed):
    """Property, against a day-by-day count: no silence touches a covered day, and every
    uncovered run longer than gap_days inside the scope is reported, whole."""
    rnd = random.Random(seed)
    base = date(2015, 1, 1)
    entries = []
    for i in range(rnd.randrange(1, 25)):
        kind = rnd.choice(["day", "day", "day", "month", "year", "unknown"])
        start = base + timedelta(days=rnd.randrange(0, 1500))
        if kind == "month":
            entries.append(month(i, f"A{i % 3}", start.year, start.month))
        elif kind == "year":
            entries.append(year(i, f"A{i % 3}", start.year))
        elif kind == "unknown":
            entries.append(undated(i, f"A{i % 3}"))
        else:
            entries.append(entry(i, f"A{i % 3}", start))
    gap = rnd.choice([10, 30, 90])
    lo = base + timedelta(days=rnd.randrange(-100, 400))
    hi = lo + timedelta(days=rnd.randrange(200, 1800))
    report = silences(entries, gap_days=gap, scope_start=lo, scope_end=hi)

    covered = _covered_days(entries, lo, hi)
    expected = []
    run_start = None
    day = lo
    while day <= hi + timedelta(days=1):
        empty = day <= hi and day not in covered
        if empty and run_start is None:
            run_start = day
        if not empty and run_start is not None:
            run_days = (day - run_start).days
            if run_days > gap:
                expected.append((run_start, day - timedelta(days=1), run_days))
            run_start = None
        day += timedelta(days=1)
    assert [(s.start, s.end, s.days) for s in report.overall] == expected
    for s in report.overall:
        assert not any(s.start + timedelta(days=k) in covered for k in range(s.days))
    assert report.undated == sum(1 for e in entries if e.start is None)


# --- practitioners --------------------------------------------------------------------------


def turnover_chronology() -> list[AnalysisEntry]:
    """Three years, six social workers and nine team managers (the Somerset review's count)."""
    plan = {
        2012: (["Rachel Dunmore", "Tomasz Kowalczyk"], ["Helen Price", "Mark Ellis", "Ann Cole"]),
        2013: (
            ["Tomasz Kowalczyk", "Priya Shah", "Owen Hughes"],
            ["Ann Cole", "Gareth Lloyd", "Sue Patel", "Ian Frost"],
        ),
        2014: (["Leah Moss", "Kwame Mensah"], ["Jo Bright", "Carl Webb", "Nadia Rahman"]),
    }
    entries = []
    n = 0
    for y, (workers, managers) in plan.items():
        for k, name in enumerate(workers):
            for visit in range(3):
                n += 1
                entries.append(
                    entry(
                        n,
                        CSC,
                        date(y, 1 + 4 * k + visit, 10),
                        practitioner=name,
                        role="Social worker",
                        event_type="home_visit",
                    )
                )
        for k, name in enumerate(managers):
            n += 1
            entries.append(
                entry(
                    n,
                    CSC,
                    date(y, 2 + 3 * k, 20),
                    practitioner=name,
                    role="Team manager",
                    event_type="supervision",
                )
            )
    # The same people written differently: still the same people.
    entries.append(
        entry(900, CSC, "2013-12-01", practitioner="  priya   SHAH ", role="social worker")
    )
    entries.append(entry(901, CSC, "2014-12-01", practitioner="Helen Price", role="TEAM MANAGER"))
    entries.append(entry(902, CSC, "2014-12-02", practitioner="", role="Team manager"))  # no name
    entries.append(undated(903, CSC, practitioner="Owen Hughes", role="Social worker"))
    return entries


def test_nine_team_managers_and_six_social_workers_in_three_years():
    report = practitioners(turnover_chronology())

    (csc,) = report.agencies
    assert csc.summary == "Children's Social Care: 6 social workers, 9 team managers"
    roles = {r.role: r for r in csc.roles}
    assert set(roles) == {"Social worker", "Team manager"}
    assert roles["Social worker"].count == 6
    assert roles["Team manager"].count == 9
    assert csc.practitioners == 15
    assert roles["Social worker"].names == (
        "Rachel Dunmore",
        "Tomasz Kowalczyk",
        "Priya Shah",
        "Owen Hughes",
        "Leah Moss",
        "Kwame Mensah",
    )


def test_practitioners_per_year():
    (csc,) = practitioners(turnover_chronology()).agencies
    roles = {r.role: r for r in csc.roles}

    sw = {y.year: (y.count, set(y.names)) for y in roles["Social worker"].by_year}
    assert sw == {
        2012: (2, {"Rachel Dunmore", "Tomasz Kowalczyk"}),
        2013: (3, {"Tomasz Kowalczyk", "Priya Shah", "Owen Hughes"}),
        2014: (2, {"Leah Moss", "Kwame Mensah"}),
    }
    tm = {y.year: y.count for y in roles["Team manager"].by_year}
    # 2014: three new managers and Helen Price again in December.
    assert tm == {2012: 3, 2013: 4, 2014: 4}


def test_practitioner_role_taken_from_a_trailing_bracket_when_the_role_column_is_empty():
    entries = [
        entry(1, "Health", "2014-01-28", practitioner="Zoë Harrington (Health visitor)"),
        entry(2, "Health", "2014-05-16", practitioner="Zoë  Harrington", role="Health visitor"),
        entry(3, "Health", "2014-01-17", practitioner="Nurse Siobhán Ní Bhriain (School nurse)"),
        entry(4, "Health", "2014-05-05", practitioner="Dr Łukasz Wiśniewski (GP)"),
        entry(5, "Health", "2014-06-05", practitioner="Dr Łukasz Wiśniewski", role="GP"),
        # The role column wins; the bracket still comes off the name.
        entry(6, "Health", "2014-07-05", practitioner="Dr Łukasz Wiśniewski (locum)", role="GP"),
        # Titles are kept: "Dr A Khan" and "A Khan" may be different people.
        entry(7, "Health", "2014-08-01", practitioner="A Khan", role="GP"),
        entry(8, "Health", "2014-08-02", practitioner="Dr A Khan", role="GP"),
        entry(9, "Health", "2014-08-03", practitioner="Pat Doe"),
    ]
    (health,) = practitioners(entries).agencies

    roles = {r.role: r.count for r in health.roles}
    assert roles == {"GP": 3, "Health visitor": 1, "School nurse": 1, ROLE_NOT_RECORDED: 1}
    assert health.summary == (
        "Health: 3 GPs, 1 health visitor, 1 school nurse, 1 practitioner with role not recorded"
    )
    assert split_practitioner("Zoë Harrington (Health visitor)", "") == (
        "Zoë Harrington",
        "Health visitor",
    )


def test_role_phrases_are_plain_english():
    assert role_phrase("Team manager", 9) == "9 team managers"
    assert role_phrase("Team manager", 1) == "1 team manager"
    assert role_phrase("IRO", 2) == "2 IROs"
    assert role_phrase("Head of Service", 2) == "2 heads of service"
    assert role_phrase("Family support worker (FSW)", 3) == "3 family support workers (FSW)"
    assert role_phrase("Police constable", 4) == "4 police constables"
    assert role_phrase("Duty", 2) == "2 duties"
    assert role_phrase(ROLE_NOT_RECORDED, 2) == "2 practitioners with role not recorded"


# --- recording delays -----------------------------------------------------------------------


def delay_chronology() -> list[AnalysisEntry]:
    event = d("2017-03-01")
    delays = {1: 0, 2: 2, 3: 5, 4: 7, 5: 8, 6: 30, 7: 61}
    entries = [
        entry(i, CSC, event + timedelta(days=i), recorded=str(event + timedelta(days=i + late)))
        for i, late in delays.items()
    ]
    entries += [
        entry(8, CSC, "2017-05-10", recorded="2017-05-07"),  # recorded 3 days before: an error
        month(9, CSC, 2017, 6, recorded="2017-09-30"),  # no exact day: left out
        entry(10, CSC, "2017-07-01"),  # no recorded date: left out
        entry(11, "Police", "2017-03-01", recorded="2017-03-02"),
        entry(12, "Police", "2017-03-05", recorded="2017-03-09"),
    ]
    return entries


def test_recording_delays_count_median_max_and_late_entries_longest_first():
    report = recording_delays(delay_chronology(), late_days=7)

    by_agency = {a.agency: a for a in report.agencies}
    csc = by_agency[CSC]
    assert csc.with_both == 8
    assert csc.late == 3
    assert csc.median_days == 7  # of 0, 2, 5, 7, 8, 30, 61
    assert csc.max_days == 61
    assert [(r.id, r.days_late) for r in csc.late_entries] == [(7, 61), (6, 30), (5, 8)]
    assert csc.late_entries[0].event_date == d("2017-03-08")
    assert csc.late_entries[0].recorded == d("2017-05-08")

    police = by_agency["Police"]
    assert (police.with_both, police.late, police.median_days, police.max_days) == (2, 0, 2.5, 4)


def test_recorded_before_the_event_is_listed_as_a_data_error():
    (csc,) = [a for a in recording_delays(delay_chronology()).agencies if a.agency == CSC]

    assert [(r.id, r.event_date, r.recorded, r.days_early) for r in csc.recorded_before_event] == [
        (8, d("2017-05-10"), d("2017-05-07"), 3)
    ]
    assert 8 not in [r.id for r in csc.late_entries]


def test_late_means_more_than_late_days():
    report = recording_delays(delay_chronology(), late_days=8)
    (csc,) = [a for a in report.agencies if a.agency == CSC]
    assert [r.id for r in csc.late_entries] == [7, 6]


# --- missing episodes -----------------------------------------------------------------------


def missing_chronology() -> list[AnalysisEntry]:
    M, R = "missing_episode", "return_home_interview"
    return [
        entry(1, "Police", "2017-03-01", event_type=M),
        entry(2, CSC, "2017-03-03", event_type=R),  # 2 days (48 h) after: counts
        entry(3, "Police", "2017-04-10", event_type=M),
        entry(4, CSC, "2017-04-13", event_type=R),  # 3 days (72 h) after: counts
        entry(5, "Police", "2017-05-20", event_type=M),
        entry(6, CSC, "2017-05-24", event_type=R),  # 4 days (96 h) after: does not
        entry(7, "Police", "2017-06-01", "2017-06-03", event_type=M),  # missing three days
        entry(8, CSC, "2017-06-02", event_type=R),  # while still missing: not a return interview
        entry(9, "Youth Offending", "2017-06-06", event_type=R),  # 3 days after the end: counts
        entry(10, CSC, "2018-01-10", event_type=M),
        entry(11, "Health", "2018-01-10", event_type=R),  # same day, another agency: counts
        entry(12, "Police", "2018-02-01", event_type=M),
        entry(13, "Police", "2018-02-02", event_type=M),
        entry(14, CSC, "2018-02-03", event_type=R),  # one interview for two episodes
        month(15, "Police", 2018, 6, event_type=M),  # "June 2018": cannot show 72 hours
        entry(16, CSC, "2018-07-01", event_type=R),
        undated(17, "Police", event_type=M),
        entry(18, "Police", "2018-08-01", event_type="police_incident"),
    ]


def test_missing_episodes_with_and_without_return_home_interviews():
    report = missing_episodes(missing_chronology())

    assert report.count == 8
    assert report.with_rhi == 5
    assert report.first == d("2017-03-01")
    assert report.last == d("2018-06-01")
    assert report.by_year == ((2017, 4), (2018, 4))
    assert report.undated_ids == (17,)
    rhi = {ep.id: (ep.rhi_id, ep.rhi_date) for ep in report.episodes}
    assert rhi == {
        1: (2, d("2017-03-03")),
        3: (4, d("2017-04-13")),
        5: (None, None),
        7: (9, d("2017-06-06")),
        10: (11, d("2018-01-10")),
        12: (14, d("2018-02-03")),
        13: (None, None),
        15: (None, None),
    }


@pytest.mark.parametrize(
    ("after_days", "counts"),
    [(0, True), (1, True), (2, True), (3, True), (4, False), (-1, False)],
)
def test_rhi_window_boundary_in_whole_days(after_days, counts):
    """Entries carry dates, not times: 71 h and 72 h both fall on the third day and count;
    73 h could also be on the third day (also counted) or the fourth (not counted)."""
    episode = entry(1, "Police", "2019-12-30", event_type="missing_episode")
    rhi_day = d("2019-12-30") + timedelta(days=after_days)
    rhi = entry(2, CSC, rhi_day, event_type="return_home_interview")

    report = missing_episodes([episode, rhi])

    assert report.with_rhi == (1 if counts else 0)
    assert report.episodes[0].rhi_date == (rhi_day if counts else None)


def test_by_year_includes_years_without_episodes():
    entries = [
        entry(1, "Police", "2015-05-01", event_type="missing_episode"),
        entry(2, "Police", "2017-05-01", event_type="missing_episode"),
    ]
    assert missing_episodes(entries).by_year == ((2015, 1), (2016, 0), (2017, 1))


# --- oversight gaps -------------------------------------------------------------------------


def oversight_chronology() -> list[AnalysisEntry]:
    """Children's social care: monthly supervision, none between June and November 2017 (the
    Child T review's finding), visits throughout."""
    entries = []
    n = 0
    sup_days = [
        "2017-01-10",
        "2017-02-14",
        "2017-03-14",
        "2017-04-11",
        "2017-05-16",
        "2017-06-13",
        # nothing until November: five months
        "2017-11-14",
        "2017-12-12",
        "2018-01-16",
        "2018-02-13",
    ]
    for day in sup_days:
        n += 1
        entries.append(entry(n, CSC, day, event_type="supervision", role="Team manager"))
    for k in range(18):
        n += 1
        entries.append(entry(n, CSC, date(2017 + k // 12, k % 12 + 1, 5), event_type="home_visit"))
    # Last CSC entry 2018-06-26: more than 90 days after the last supervision (2018-02-13).
    entries.append(entry(100, CSC, "2018-06-26", event_type="home_visit"))
    # Police: active for a year, never records supervision.
    entries.append(entry(200, "Police", "2017-02-01", event_type="police_incident"))
    entries.append(entry(201, "Police", "2018-02-01", event_type="arrest"))
    # School: no supervision either, but only active for 60 days.
    entries.append(entry(300, "School", "2017-09-05"))
    entries.append(entry(301, "School", "2017-11-04"))
    # Health: supervision recorded, but only after 100 days of activity.
    entries.append(entry(400, "Health", "2017-01-01", event_type="ed_attendance"))
    entries.append(entry(401, "Health", "2017-04-11", event_type="supervision"))
    entries.append(entry(402, "Health", "2017-05-01", event_type="health_appointment"))
    entries.append(undated(403, "Health", event_type="supervision"))
    return entries


def test_five_months_without_oversight_records_is_reported():
    report = oversight_gaps(oversight_chronology(), oversight_gap_days=90)

    csc = [g for g in report.gaps if g.agency == CSC]
    assert [(g.start, g.end, g.days) for g in csc] == [
        (d("2017-06-13"), d("2017-11-14"), 154),
        (d("2018-02-13"), d("2018-06-26"), 133),
    ]
    assert (csc[0].from_id, csc[0].to_id) == (6, 7)
    assert (csc[1].from_id, csc[1].to_id) == (10, None)


def test_gap_from_an_agency_first_entry_to_its_first_oversight_record():
    report = oversight_gaps(oversight_chronology(), oversight_gap_days=90)

    health = [(g.start, g.end, g.days, g.from_id, g.to_id) for g in report.gaps]
    assert (d("2017-01-01"), d("2017-04-11"), 100, None, 401) in health
    assert [g.agency for g in report.gaps] == [CSC, CSC, "Health"]


def test_agencies_without_any_oversight_record_are_listed_apart():
    report = oversight_gaps(oversight_chronology(), oversight_gap_days=90)

    assert [
        (a.agency, a.start, a.end, a.days, a.entries)
        for a in report.agencies_without_oversight_records
    ] == [("Police", d("2017-02-01"), d("2018-02-01"), 365, 2)]


def test_an_oversight_gap_must_be_longer_than_the_threshold():
    entries = [
        entry(1, CSC, "2017-01-01", event_type="supervision"),
        entry(2, CSC, "2017-04-01", event_type="supervision"),  # 90 days later
        entry(3, CSC, "2017-07-01", event_type="supervision"),  # 91 days later
    ]
    report = oversight_gaps(entries, oversight_gap_days=90)
    assert [(g.start, g.days) for g in report.gaps] == [(d("2017-04-01"), 91)]


# --- everything together --------------------------------------------------------------------

_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DATE_KEYS = {
    "start",
    "end",
    "first",
    "last",
    "event_date",
    "recorded",
    "rhi_date",
    "scope_start",
    "scope_end",
}


def _walk(value, key=None):
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _walk(v, k)
    elif isinstance(value, list):
        for v in value:
            yield from _walk(v, key)
    else:
        yield key, value


def test_analyse_json_has_the_five_parts_and_iso_dates():
    entries = (
        silence_chronology()
        + turnover_chronology()
        + delay_chronology()
        + missing_chronology()
        + oversight_chronology()
    )
    result = analyse(entries).to_json()

    assert list(result) == [
        "silences",
        "practitioners",
        "recording_delays",
        "missing_episodes",
        "oversight_gaps",
    ]
    assert json.loads(json.dumps(result)) == result
    dated = [(k, v) for k, v in _walk(result) if k in _DATE_KEYS]
    assert len(dated) > 50
    for k, v in dated:
        assert v is None or _ISO_DAY.match(v), (k, v)
    assert "2017-06-13" in {v for k, v in dated if k == "start"}


def test_analyse_matches_the_separate_parts_and_counts_undated():
    entries = missing_chronology() + oversight_chronology() + silence_chronology()
    result = analyse(
        entries,
        gap_days=30,
        late_days=3,
        oversight_gap_days=60,
        scope_start=d("2016-06-01"),
        scope_end=d("2018-12-31"),
    )

    assert result.entries == len(entries)
    assert result.undated == 4
    assert result.silences == silences(
        entries, gap_days=30, scope_start=d("2016-06-01"), scope_end=d("2018-12-31")
    )
    assert result.recording_delays == recording_delays(entries, late_days=3)
    assert result.oversight_gaps == oversight_gaps(entries, oversight_gap_days=60)
    assert result.missing_episodes == missing_episodes(entries)
    assert result.practitioners == practitioners(entries)
    assert result.to_json()["silences"]["undated"] == 4


def test_empty_chronology():
    result = analyse([]).to_json()
    assert result["silences"]["overall"] == []
    assert result["missing_episodes"]["count"] == 0
    assert result["missing_episodes"]["first"] is None
    assert result["practitioners"]["agencies"] == []
    only_undated = analyse([undated(1, "A", event_type="missing_episode")])
    assert only_undated.undated == 1
    assert only_undated.missing_episodes.undated_ids == (1,)


def test_an_interview_dated_only_to_the_month_is_not_matched():
    entries = [
        entry(1, "Police", "2019-03-30", event_type="missing_episode"),
        month(2, CSC, 2019, 4, event_type="return_home_interview"),  # 1-30 April 2019
    ]
    report = missing_episodes(entries)
    assert report.with_rhi == 0
    assert report.episodes[0].rhi_id is None


def test_precision_unknown_is_undated_even_with_a_start():
    odd = AnalysisEntry(
        1, "A", d("2019-01-01"), d("2019-01-01"), "unknown", None, "", "", "", "", ""
    )
    result = analyse([odd, entry(2, "A", "2019-06-01")])
    assert result.undated == 1
    assert result.silences.dated == 1
