"""A diary kept a week to a row (the week's date, then a column for each day of the week):
each day's text an entry of its own, dated that day, through the command line with no options."""

import csv
from datetime import date, datetime

import openpyxl
import pytest

from tests.chronology.test_robust_files import _entries, _import, store_path  # noqa: F401

NOTES = [
    "Home visit: the children were at school; the flat was warm and the fridge stocked.",
    "Telephone call from the school: Child Z arrived late and hungry for the second day.",
    "Contact at the family centre went well; mother arrived on time and stayed throughout.",
    "Child Z said at bedtime that she did not want to go home at the weekend; recorded.",
]


def _csv(path, rows):
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)
    return path


def _imported(store_path, path, capsys):  # noqa: F811
    code, output = _import(store_path, path, capsys)
    assert code == 0, output
    entries = sorted(_entries(store_path), key=lambda e: (e.date_start, e.event))
    return [(e.date_start, e.event, e.flagged) for e in entries], output


def test_each_day_of_a_week_commencing_row_is_dated_that_day(store_path, tmp_path, capsys):  # noqa: F811
    days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    rows = [
        ["Carer", "Week commencing", *days],
        ["Aled Pryce", "14/03/2016", NOTES[0], "", NOTES[1], "", "", "", NOTES[3]],
        ["Aled Pryce", "21/03/2016", "", "", "", "", NOTES[2], "", ""],
    ]
    got, output = _imported(store_path, _csv(tmp_path / "diary.csv", rows), capsys)
    assert got == [
        (date(2016, 3, 14), NOTES[0], False),
        (date(2016, 3, 16), NOTES[1], False),
        (date(2016, 3, 20), NOTES[3], False),
        (date(2016, 3, 25), NOTES[2], False),
    ]
    assert "a week to a row" in output
    for entry in _entries(store_path):  # the carer's column goes with every day's entry
        assert "Aled Pryce" in f"{entry.practitioner} {entry.source_values}"


def test_short_day_names_a_week_ending_and_date_cells(store_path, tmp_path, capsys):  # noqa: F811
    wb = openpyxl.Workbook()
    sheet = wb.active
    sheet.append(["W/E", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"])
    sheet.append([datetime(2016, 3, 20), "", NOTES[0], "", "", "", NOTES[1], ""])  # a Sunday
    sheet.append([datetime(2016, 3, 27), "", "", "", "", NOTES[2], "", ""])
    path = tmp_path / "weekly.xlsx"
    wb.save(path)
    got, _output = _imported(store_path, path, capsys)
    assert got == [
        (date(2016, 3, 15), NOTES[0], False),
        (date(2016, 3, 19), NOTES[1], False),
        (date(2016, 3, 25), NOTES[2], False),
    ]


def test_weeks_starting_on_a_sunday_and_written_month_first(store_path, tmp_path, capsys):  # noqa: F811
    days = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
    rows = [
        ["Week beginning", *days],
        ["03/13/2016", NOTES[0], "", "", "", "", "", NOTES[1]],  # Sunday 13 March 2016
        ["03/20/2016", "", "", NOTES[2], "", "", "", ""],
    ]
    got, output = _imported(store_path, _csv(tmp_path / "us_diary.csv", rows), capsys)
    assert got == [
        (date(2016, 3, 13), NOTES[0], False),
        (date(2016, 3, 19), NOTES[1], False),
        (date(2016, 3, 22), NOTES[2], False),
    ]


def test_a_week_not_written_as_a_day_keeps_its_text_and_names_the_day(
    store_path,  # noqa: F811
    tmp_path,
    capsys,
):
    days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
    rows = [
        ["Week commencing", *days],
        ["14/03/2016", NOTES[0], "", "", "", ""],
        ["March 2016", "", "", NOTES[1], "", ""],
    ]
    got, output = _imported(store_path, _csv(tmp_path / "rough.csv", rows), capsys)
    assert got[0] == (date(2016, 3, 1), f"Wednesday: {NOTES[1]}", got[0][2])
    assert got[1] == (date(2016, 3, 14), NOTES[0], False)
    entry = next(e for e in _entries(store_path) if e.event.startswith("Wednesday"))
    assert entry.date_text == "March 2016" and entry.precision != "day"
    assert "could not be read as a day" in output


@pytest.mark.parametrize("heading", ["Date", "Contact date"])
def test_day_columns_without_a_week_are_left_as_they_are(store_path, tmp_path, capsys, heading):  # noqa: F811
    rows = [
        [heading, "Monday", "Tuesday", "Wednesday", "Thursday", "Friday"],
        ["14/03/2016", NOTES[0], "", "", "", ""],
    ]
    _got, output = _imported(store_path, _csv(tmp_path / "days.csv", rows), capsys)
    assert "a week to a row" not in output
