"""Forms of agency files the chronology import left alone (tests/chronology/leftover_files_20.py
builds them), imported through the command line with no options as a user would."""

from datetime import date

import pytest

from tests.chronology import leftover_files_20 as files
from tests.chronology.test_robust_files import _entries, _import
from tests.chronology.test_robust_files import store_path as _store_path

store_path = _store_path  # the store with one review that the tests import into


# --- a time column of its own headed as UTC ---------------------------------------------------


@pytest.mark.parametrize("heading", ["Time (UTC)", "time_utc", "Contact time UTC", "UTC time"])
@pytest.mark.parametrize("build", [files.utc_time_column_sheet, files.utc_time_column_csv])
def test_times_in_a_column_headed_as_utc_are_put_on_the_uk_clock_with_their_day(
    store_path, tmp_path, capsys, build, heading
):
    path, truth = build(tmp_path, heading)
    code, output = _import(store_path, path, capsys)
    assert code == 0, output
    rows = {r.event: r for r in _entries(store_path)}
    assert len(rows) == len(truth), output
    for note, day, clock in truth:
        assert (rows[note].date_start, rows[note].time) == (day, clock), note
    said = " ".join(output.split())
    assert f"The times in '{heading}' are UTC" in said, said
    assert "3 time(s) moved" in said, said


@pytest.mark.parametrize("heading", ["Time", "Time (BST)", "Time (UTC+1)"])
def test_times_in_a_column_not_headed_as_utc_are_left_as_written(
    store_path, tmp_path, capsys, heading
):
    path, _truth = files.utc_time_column_sheet(tmp_path, heading)
    code, output = _import(store_path, path, capsys)
    assert code == 0, output
    got = sorted((r.date_start, r.time) for r in _entries(store_path))
    assert got[2] == (date(2016, 6, 21), "23:30"), got
    assert "UTC" not in output.replace(heading, ""), output


# --- a note ending "continued below", its rest on the next row without a date -----------------


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_a_note_ending_continued_below_takes_the_undated_row_under_it(
    store_path, tmp_path, capsys, kind
):
    path, whole, marks = files.notes_continued_below(tmp_path, kind)
    code, output = _import(store_path, path, capsys)
    assert code == 0, output
    rows = _entries(store_path)
    assert sorted(r.event for r in rows) == sorted(whole), output
    assert not any(r.flagged for r in rows), [r.flag_reason for r in rows if r.flagged]
    said = " ".join(output.split())
    for mark in marks:
        shown = mark.strip(" -")
        assert f"ends '{shown}', so this row's text was added to it" in said, (mark, said)


def test_a_row_under_a_note_ending_continued_below_with_a_worker_of_its_own_stays_apart(
    store_path, tmp_path, capsys
):
    from tests.chronology.robust_files import _csv

    path = tmp_path / "apart.csv"
    _csv(path, [["Date", "Worker", "Notes"],
                ["03/05/2017", "Dafydd Rees", "Visit to the family; notes continued below"],
                ["", "Siân Hughes", "Separate call from the health visitor, date not given."],
                ["05/05/2017", "Dafydd Rees", "Call with the school."]])  # fmt: skip
    code, output = _import(store_path, path, capsys)
    assert code == 0, output
    rows = {r.event: r for r in _entries(store_path)}
    assert len(rows) == 3, output
    assert rows["Separate call from the health visitor, date not given."].flagged
    assert "Visit to the family; notes continued below" in rows


@pytest.mark.parametrize(
    "text",
    ["Strategy meeting; work continued below the threshold for a while.",
     "Mother said contact with father continued.", "Plan continued below; see the minutes."],
)  # fmt: skip
def test_a_mark_not_at_the_end_of_a_note_is_no_mark(text):
    from app.chronology.planned_entries import _ends_continued

    assert _ends_continued(["Home visit.", text, "Call with the school."]) == set()
