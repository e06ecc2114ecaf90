"""The timeline layout: fractions, ticks, bands, zoom, binning, categories and colours."""

import itertools
import math
import random
import re
from datetime import date, timedelta
from types import SimpleNamespace

import pytest

from app.chronology.analysis import Silence
from app.chronology.timeline import (
    CATEGORIES,
    CATEGORY_COLOURS,
    CATEGORY_LABELS,
    CATEGORY_OF,
    bin_markers,
    category_of,
    layout_timeline,
)
from tests.chronology.test_analysis import d, entry, month, undated, year

# The event type vocabulary's keys (app/chronology/event_types.py), written out on purpose.
VOCABULARY = (
    "home_visit contact referral assessment strategy_discussion cp_conference core_group "
    "supervision missing_episode return_home_interview police_incident arrest "
    "health_appointment missed_appointment ed_attendance school_exclusion placement_change "
    "court"
).split()


def year_of_entries() -> list:
    entries = [
        entry(1, "Police", "2016-01-01", event_type="police_incident"),
        entry(2, "Health", "2016-02-10", event_type="ed_attendance"),
        month(3, "Children's Social Care", 2016, 3, event_type="home_visit"),
        entry(4, "Police", "2016-06-30", event_type="missing_episode"),
        entry(
            5,
            "Health",
            "2016-08-15",
            precision="approximate",
            event_type="health_appointment",
        ),
        entry(6, "School", "2016-12-31", event_type="school_exclusion"),
        undated(7, "Police"),
    ]
    random.Random(3).shuffle(entries)
    return entries


def test_markers_run_from_about_0_to_about_1_in_date_order():
    layout = layout_timeline(year_of_entries())

    xs = [m.x for m in layout.markers]
    assert [m.entry_id for m in layout.markers] == [1, 2, 3, 4, 5, 6]
    assert xs == sorted(xs)
    assert 0 < xs[0] < 0.03
    assert 0.97 < xs[-1] < 1
    assert layout.start < d("2016-01-01") and layout.end > d("2016-12-31")
    assert layout.undated == 1


def test_lanes_default_to_order_of_first_appearance_by_date():
    layout = layout_timeline(year_of_entries())

    assert [(lane.agency, lane.index) for lane in layout.lanes] == [
        ("Police", 0),
        ("Health", 1),
        ("Children's Social Care", 2),
        ("School", 3),
    ]
    lane_of = {m.entry_id: m.lane for m in layout.markers}
    assert lane_of == {1: 0, 2: 1, 3: 2, 4: 0, 5: 1, 6: 3}


def test_given_lane_order_is_kept_and_unlisted_agencies_left_out():
    layout = layout_timeline(year_of_entries(), agencies=["School", "Police", "Education"])

    assert [lane.agency for lane in layout.lanes] == ["School", "Police", "Education"]
    assert sorted((m.entry_id, m.lane) for m in layout.markers) == [(1, 1), (4, 1), (6, 0)]


def test_spans_categories_and_approximate_flags():
    layout = layout_timeline(year_of_entries())
    by_id = {m.entry_id: m for m in layout.markers}

    march = by_id[3]
    assert march.x == pytest.approx(layout.x_of(d("2016-03-01")))
    assert march.x_end == pytest.approx(layout.x_of(d("2016-03-31")))
    assert by_id[1].x_end is None
    assert by_id[5].approximate and not by_id[1].approximate and not march.approximate
    assert {i: m.category for i, m in by_id.items()} == {
        1: "police/justice",
        2: "health",
        3: "visit/contact",
        4: "missing/exploitation",
        5: "health",
        6: "education",
    }


@pytest.mark.parametrize(
    ("start", "end"),
    [("2016-01-01", "2016-12-31"), ("2009-01-01", "2023-12-31"), ("2020-02-27", "2020-03-02")],
)
def test_day_of_x_of_is_the_same_day(start, end):
    layout = layout_timeline([], start=d(start), end=d(end))
    day = layout.start
    while day <= layout.end:
        assert layout.day_of(layout.x_of(day)) == day
        day += timedelta(days=1)
    assert layout.day_of(-0.5) == layout.start
    assert layout.day_of(1.5) == layout.end
    assert layout.x_of(layout.start) == pytest.approx(0.5 / layout.days)


def _labels(layout, major=True):
    return [t.label for t in layout.ticks if t.major == major]


def test_ticks_for_fifteen_years_are_years_with_quarters():
    layout = layout_timeline([], start=d("2009-01-01"), end=d("2023-12-31"))

    assert _labels(layout) == [str(y) for y in range(2009, 2024)]
    minors = [t for t in layout.ticks if not t.major]
    assert len(minors) == 15 * 3  # April, July and October of every year
    assert all(t.label == "" for t in minors)
    tick_2016 = next(t for t in layout.ticks if t.label == "2016")
    assert tick_2016.x == pytest.approx((d("2016-01-01") - layout.start).days / layout.days)
    assert layout.day_of(tick_2016.x + 1e-9) == d("2016-01-01")


def test_ticks_for_three_years_are_years_too():
    layout = layout_timeline([], start=d("2014-01-01"), end=d("2016-12-31"))
    assert _labels(layout) == ["2014", "2015", "2016"]
    assert len(_labels(layout, major=False)) == 9


def test_ticks_for_fifteen_years_of_entries_with_default_padding():
    entries = [entry(i, "A", date(2009 + i, 6, 1)) for i in range(15)]
    layout = layout_timeline(entries)
    assert _labels(layout) == [str(y) for y in range(2010, 2024)]


def test_ticks_for_one_year_are_months():
    layout = layout_timeline([], start=d("2016-01-01"), end=d("2016-12-31"))

    assert _labels(layout) == [
        f"{m} 2016" for m in "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
    ]


def test_ticks_for_two_years_label_quarters():
    layout = layout_timeline([], start=d("2016-01-01"), end=d("2017-12-31"))
    assert _labels(layout) == [
        f"{m} {y}" for y in (2016, 2017) for m in ("Jan", "Apr", "Jul", "Oct")
    ]
    assert len(_labels(layout, major=False)) == 16


def test_ticks_for_two_months_are_weeks():
    layout = layout_timeline([], start=d("2016-03-01"), end=d("2016-04-30"))

    majors = [t for t in layout.ticks if t.major]
    assert [t.label for t in majors] == [
        "7 Mar",
        "14 Mar",
        "21 Mar",
        "28 Mar",
        "4 Apr",
        "11 Apr",
        "18 Apr",
        "25 Apr",
    ]
    assert all(layout.day_of(t.x + 1e-9).weekday() == 0 for t in majors)
    assert len(layout.ticks) == 61  # a tick a day, Mondays labelled


def test_zoom_keeps_lanes_and_only_what_overlaps():
    entries = year_of_entries() + [
        year(8, "School", 2016),
        month(9, "Health", 2016, 2),
        entry(10, "Police", "2016-03-15"),
    ]
    full = layout_timeline(entries)
    march = full.zoomed(d("2016-03-01"), d("2016-03-31"))

    assert (march.start, march.end) == (d("2016-03-01"), d("2016-03-31"))
    assert march.lanes == full.lanes
    assert sorted(m.entry_id for m in march.markers) == [3, 8, 10]
    by_id = {m.entry_id: m for m in march.markers}
    assert by_id[10].x == pytest.approx(14.5 / 31)
    assert (by_id[8].x, by_id[8].x_end) == (0.0, 1.0)  # the year 2016, clipped to March
    assert by_id[3].x == pytest.approx(0.5 / 31) and by_id[3].x_end == pytest.approx(30.5 / 31)
    direct = layout_timeline(
        entries,
        agencies=[lane.agency for lane in full.lanes],
        start=d("2016-03-01"),
        end=d("2016-03-31"),
    )
    assert direct.markers == march.markers
    assert march.undated == 1


def test_episode_and_silence_bands():
    episodes = [
        (1, "Referral and assessment", d("2016-02-01"), d("2016-02-29")),
        SimpleNamespace(id=2, title="Undated", start=None, end=None),
        SimpleNamespace(id=3, title="One day", start=d("2016-06-30"), end=None),
    ]
    silences = [
        Silence(d("2016-07-01"), d("2016-12-30"), 183),
        (d("2015-01-01"), d("2015-06-30")),
    ]
    layout = layout_timeline(
        year_of_entries(),
        episodes=episodes,
        silences=silences,
        start=d("2016-01-01"),
        end=d("2016-12-31"),
    )

    n = 366
    assert [(b.id, b.title) for b in layout.episodes] == [
        (1, "Referral and assessment"),
        (3, "One day"),
    ]
    assert layout.episodes[0].x0 == pytest.approx(31 / n)
    assert layout.episodes[0].x1 == pytest.approx(60 / n)
    assert layout.episodes[1].x1 - layout.episodes[1].x0 == pytest.approx(1 / n)
    (quiet,) = layout.silences  # the 2015 one is off the axis
    assert quiet.days == 183
    assert (quiet.x0, quiet.x1) == (pytest.approx(182 / n), pytest.approx(365 / n))


def test_default_axis_takes_in_episodes_and_silences():
    layout = layout_timeline(
        [entry(1, "A", "2016-06-01")],
        episodes=[(1, "Before", d("2015-01-01"), d("2015-02-01"))],
        silences=[(d("2016-07-01"), d("2017-12-31"))],
    )
    assert layout.start < d("2015-01-01") and layout.end > d("2017-12-31")
    assert 0 < layout.episodes[0].x0 < 0.05 and 0.95 < layout.silences[0].x1 < 1


def test_empty_and_inverted_ranges():
    assert layout_timeline([]).markers == ()
    assert layout_timeline([undated(1, "A")]).undated == 1
    with pytest.raises(ValueError):
        layout_timeline([], start=d("2016-02-01"), end=d("2016-01-01"))


# --- binning --------------------------------------------------------------------------------


def many_entries(n: int, agencies: int, seed: int = 7) -> list:
    rnd = random.Random(seed)
    kinds = VOCABULARY + ["", "unheard_of"]
    out = []
    for i in range(n):
        day = date(2010, 1, 1) + timedelta(days=rnd.randrange(3650))
        if rnd.random() < 0.05:
            out.append(month(i, f"Agency {i % agencies}", day.year, day.month))
        else:
            out.append(entry(i, f"Agency {i % agencies}", day, event_type=rnd.choice(kinds)))
    return out


@pytest.mark.parametrize("width", [1, 7, 300, 2000])
def test_bins_are_bounded_by_lanes_times_pixels_and_lose_nothing(width):
    layout = layout_timeline(many_entries(3000, 6))
    bins = bin_markers(layout, width)

    assert len(bins) <= len(layout.lanes) * width
    assert sum(b.count for b in bins) == len(layout.markers)
    assert len({(b.lane, b.column) for b in bins}) == len(bins)
    assert [(b.lane, b.column) for b in bins] == sorted((b.lane, b.column) for b in bins)
    by_column = {}
    for m in layout.markers:
        by_column.setdefault((m.lane, int(m.x * width)), []).append(m)
    for b in bins:
        members = by_column[(b.lane, b.column)]
        assert b.count == len(members)
        assert b.ids == tuple(m.entry_id for m in members[:5])
        assert sum(n for _, n in b.categories) == b.count
        assert b.x0 == pytest.approx(b.column / width)
        reach = max([m.x_end or m.x for m in members] + [(b.column + 1) / width])
        assert b.x1 == pytest.approx(reach)
    if width == 1:
        assert len(bins) == len(layout.lanes)


def test_bin_category_is_the_most_frequent_and_ties_go_to_the_more_significant():
    day = "2016-05-05"
    crowded = [entry(i, "A", day, event_type="home_visit") for i in range(3)]
    crowded.append(entry(3, "A", day, event_type="missing_episode"))
    tie = [entry(10, "B", day, event_type="home_visit")]
    tie.append(entry(11, "B", day, event_type="missing_episode"))
    layout = layout_timeline(crowded + tie, start=d("2016-01-01"), end=d("2016-12-31"))

    a, b = bin_markers(layout, 100)
    assert (a.category, a.count) == ("visit/contact", 4)
    assert a.categories == (("visit/contact", 3), ("missing/exploitation", 1))
    assert (b.category, b.count) == ("missing/exploitation", 2)
    with pytest.raises(ValueError):
        bin_markers(layout, 0)


# --- categories and colours -----------------------------------------------------------------


def test_every_vocabulary_key_has_a_category_and_unknown_is_other():
    for key in VOCABULARY:
        assert category_of(key) != "other", key
    assert category_of("") == "other"
    assert category_of("other") == "other"
    assert category_of("not_a_type") == "other"
    assert category_of("supervision") == "oversight"
    assert category_of("return_home_interview") == "missing/exploitation"
    assert set(CATEGORY_OF.values()) <= set(CATEGORIES)
    assert 7 <= len(CATEGORIES) <= 10
    assert set(CATEGORY_COLOURS) == set(CATEGORIES) == set(CATEGORY_LABELS)


def _linear(hex_colour: str) -> list[float]:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    return [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]


def _luminance(rgb: list[float]) -> float:
    return 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2]


def _contrast(a: str, b: str) -> float:
    la, lb = _luminance(_linear(a)), _luminance(_linear(b))
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)


# Machado, Oliveira and Fernandes (2009), severity 1.0, on linear RGB.
_SIMULATIONS = {
    "normal": None,
    "protanopia": [
        [0.152286, 1.052583, -0.204868],
        [0.114503, 0.786281, 0.099216],
        [-0.003882, -0.048116, 1.051998],
    ],
    "deuteranopia": [
        [0.367322, 0.860646, -0.227968],
        [0.280085, 0.672501, 0.047413],
        [-0.011820, 0.042940, 0.968881],
    ],
}


def _lab(rgb: list[float]) -> tuple[float, float, float]:
    r, g, b = rgb
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t):
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


@pytest.mark.parametrize(("theme", "background"), [(0, "#FFFFFF"), (1, "#1E1E1E")])
def test_category_colours_read_on_their_background_and_stay_apart(theme, background):
    colours = {c: CATEGORY_COLOURS[c][theme] for c in CATEGORIES}
    for category, colour in colours.items():
        assert re.fullmatch(r"#[0-9A-F]{6}", colour)
        assert _contrast(colour, background) >= 3.0, category
    for vision, matrix in _SIMULATIONS.items():
        labs = {}
        for category, colour in colours.items():
            rgb = _linear(colour)
            if matrix:
                rgb = [min(1, max(0, sum(row[k] * rgb[k] for k in range(3)))) for row in matrix]
            labs[category] = _lab(rgb)
        for a, b in itertools.combinations(labs, 2):
            assert math.dist(labs[a], labs[b]) >= 10, (vision, a, b)
