"""Guessing which agency column holds which chronology field."""

from pathlib import Path

import pytest

from app.chronology.mapping import (
    FIELD_SYNONYMS,
    guess_mapping,
    header_score,
    mapping_problems,
    normalise_header,
)
from app.chronology.reading import read_table
from app.chronology.types import MAPPABLE_FIELDS

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "chronologies"


def test_every_mappable_field_has_synonyms():
    assert set(FIELD_SYNONYMS) == set(MAPPABLE_FIELDS)
    assert all(FIELD_SYNONYMS[name] for name in MAPPABLE_FIELDS)


@pytest.mark.parametrize(
    ("sample", "expected"),
    [
        (
            "police_chronology.xlsx",
            {
                "Date": "date",
                "Time": "time",
                "Source": "source",
                "Event": "event",
                "Action / Outcome": "outcome",
                "Officer": "practitioner",
            },
        ),
        (
            "health_chronology.xlsx",
            {
                "Date of contact": "date",
                "Contact type": "event_type",
                "Practitioner": "practitioner",
                "Details of contact": "event",
                "Analysis / significance": "significance",
            },
        ),
        (
            "social_care_chronology.xlsx",
            {
                "Event date": "date",
                "Date recorded": "recorded",
                "Worker": "practitioner",
                "Role": "role",
                "Event type": "event_type",
                "Event": "event",
                "Outcome": "outcome",
                "Significance": "significance",
            },
        ),
        (
            "school_chronology.csv",
            {
                "Date": "date",
                "Staff member": "practitioner",
                "Concern": "event",
                "Action taken": "outcome",
            },
        ),
        (
            "probation_chronology.xls",
            {
                "Date": "date",
                "Time": "time",
                "Officer": "practitioner",
                "Contact type": "event_type",
                "Details": "event",
                "Outcome": "outcome",
            },
        ),
    ],
)
def test_samples_map_sensibly(sample, expected):
    table = read_table(SAMPLES / sample)
    mapping = guess_mapping(table.headers)
    by_header = {table.headers[column]: name for name, column in mapping.items()}
    assert by_header == expected
    assert mapping_problems(mapping) == []


def test_date_never_steals_date_recorded():
    headers = ["Date recorded", "Details", "Date"]
    assert guess_mapping(headers) == {"date": 2, "recorded": 0, "event": 1}
    # Even with no plain date column, "Date recorded" is the recording date, not the event date.
    only_recorded = guess_mapping(["Date recorded", "Details"])
    assert only_recorded == {"recorded": 0, "event": 1}
    assert "date of the event" in mapping_problems(only_recorded)[0]


def test_exact_synonyms_beat_partial_ones():
    headers = ["Event details (what happened)", "Event", "Event date"]
    mapping = guess_mapping(headers)
    assert mapping["event"] == 1
    assert mapping["date"] == 2


def test_partial_headers_are_recognised():
    headers = ["Date of contact (dd/mm/yyyy)", "Name of worker", "Details of contact / event"]
    assert guess_mapping(headers) == {"date": 0, "practitioner": 1, "event": 2}


def test_each_column_and_field_used_once():
    headers = ["Date", "Date", "Event", "Event"]
    mapping = guess_mapping(headers)
    assert mapping == {"date": 0, "event": 2}


def test_date_of_birth_is_not_the_event_date():
    mapping = guess_mapping(["Date of birth", "Child's name", "Event"])
    assert "date" not in mapping
    assert mapping["subjects"] == 1
    assert mapping["event"] == 2


def test_headers_are_normalised():
    assert normalise_header("  Action & Outcome ") == "action and outcome"
    assert normalise_header("Author's  comment") == "authors comment"
    assert normalise_header("Date/Time") == "date time"
    assert guess_mapping(["DATE/TIME", "ACTION & OUTCOME", "what happened?"]) == {
        "date": 0,
        "outcome": 1,
        "event": 2,
    }


def test_header_score_counts_recognisable_cells():
    assert header_score(["Date", "Time", "Source", "Event", "Action / Outcome", "Officer"]) == 6
    title = "Constabulary Individual Management Review - Chronology of Involvement"
    assert header_score([title, "", "", ""]) == 0
    assert header_score(["Subject: Child T (DOB withheld). Period: Jan 2014 - Jul 2018"]) == 0
    assert header_score([None, 3.5, "", "Date"]) == 1


def test_mapping_problems_name_what_is_missing():
    problems = mapping_problems({})
    assert len(problems) == 2
    assert "date of the event" in problems[0] and "required" in problems[0]
    assert "event" in problems[1] and "required" in problems[1]
    assert mapping_problems({"date": 0, "event": 1}) == []


def test_mapping_problems_catch_one_column_for_two_fields():
    problems = mapping_problems({"date": 0, "event": 0})
    assert problems == ["Column 1 is mapped to both Date of event and Event / contact: choose one."]
    assert "not a chronology field" in mapping_problems({"date": 0, "event": 1, "colour": 2})[0]


def test_headings_a_system_runs_together_are_read_as_words():
    assert normalise_header("EventDate") == "event date"
    assert normalise_header("Event_Description") == "event description"
    assert normalise_header("NHS Number") == "nhs number"  # capitals alone are not split
    assert guess_mapping(["EventDate", "EventTime", "EventDescription"]) == {
        "date": 0,
        "time": 1,
        "event": 2,
    }
