"""The timeline picture shared by every format: whole agency names, month ticks over a short
span, the categories' own colours, a text alternative, and the binning that keeps it small."""

import re
from datetime import date
from types import SimpleNamespace as NS
from xml.etree import ElementTree

from app.chronology.timeline import CATEGORY_COLOURS, CATEGORY_LABELS, layout_timeline
from reports.timeline_svg import timeline_picture, wrap
from tests.reports.builders import TIMELINE_COLOURS, TIMELINE_LABELS, timeline_layout

SVG = "{http://www.w3.org/2000/svg}"


def texts(svg: str) -> list[str]:
    return [t.text or "" for t in ElementTree.fromstring(svg).iter(f"{SVG}text")]


def test_long_agency_names_are_wrapped_whole_never_cut():
    names = ["Brackenford Council Children's Social Care", "Brackenford Council Housing Options"]
    picture = timeline_picture(timeline_layout(300, names), TIMELINE_COLOURS, TIMELINE_LABELS)
    shown = texts(picture.svg)
    assert not any("…" in t for t in shown)
    for name in names:
        lines = wrap(name, 160)
        assert len(lines) > 1 and " ".join(lines) == name
        assert all(line in shown for line in lines)


def test_a_short_span_is_marked_with_months_not_years_alone():
    entries = [
        NS(id=i, agency="Police", start=date(2025, 1 + i % 12, 1 + i % 27), end=None,
           precision="day", event_type="home_visit")
        for i in range(60)
    ]  # fmt: skip
    layout = layout_timeline(entries)
    labels = texts(timeline_picture(layout, {}, {}).svg)
    assert (
        sum(
            bool(re.fullmatch(r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)( \d{4})?", t))
            for t in labels
        )
        >= 3
    )


def test_a_few_years_get_the_quarters_labelled_between_the_years():
    labels = texts(timeline_picture(timeline_layout(300), {}, {}).svg)  # 2014-2018
    assert "2016" in labels
    assert {"Apr", "Jul", "Oct"} & set(labels)


def test_marks_use_the_categories_accessible_colours_and_the_legend_names_them():
    light = {k: v for k, (v, _dark) in CATEGORY_COLOURS.items()}
    picture = timeline_picture(timeline_layout(500), light, CATEGORY_LABELS)
    fills = set(re.findall(r'<path fill="(#[0-9A-F]{6})"', picture.svg))
    assert fills and fills <= set(light.values())
    assert "Police / justice" in texts(picture.svg)


def test_a_title_description_and_text_alternative_in_words():
    picture = timeline_picture(timeline_layout(200), TIMELINE_COLOURS, TIMELINE_LABELS, "Lanes")
    root = ElementTree.fromstring(picture.svg)
    assert root.get("role") == "img" and root.find(f"{SVG}title").text == "Lanes"
    assert root.find(f"{SVG}desc").text == picture.alt
    assert "Police: " in picture.alt and "219 days" in picture.alt
    assert "Child protection plan & <core group>" in picture.alt  # kept literally, escaped in SVG


def test_fifty_thousand_markers_stay_a_small_picture():
    picture = timeline_picture(timeline_layout(50_000), TIMELINE_COLOURS, TIMELINE_LABELS)
    assert len(picture.svg) < 400_000
