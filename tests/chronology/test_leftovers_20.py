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
