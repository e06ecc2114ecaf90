"""The seventh round's hand-made chronologies (seventh_round_sheets.py, seventh_round_more.py)
imported through the command line with no options, every entry right; and each rule they
needed, on its own."""

from datetime import date, datetime, timedelta

import pytest

from app.chronology.columns import plan_columns
from app.chronology.date_forms import says_as_above
from app.chronology.dates import parse_date
from app.chronology.reading import read_table
from tests.chronology import seventh_round_more, seventh_round_sheets
from tests.chronology.robust_files import DAYS, TEXTS, WORKERS, _csv
from tests.chronology.round_checks import check_file_imports_fully_right
from tests.chronology.round_checks import rows_of as _rows
from tests.chronology.test_robust_files import store_path  # noqa: F401

FILES = {**seventh_round_sheets.FILES, **seventh_round_more.FILES}


@pytest.mark.parametrize("name", sorted(FILES))
def test_each_file_imports_fully_right_with_no_options(store_path, tmp_path, capsys, name):  # noqa: F811
    check_file_imports_fully_right(FILES, name, store_path, tmp_path, capsys)


def test_a_year_row_over_whole_dates_of_that_year_is_left_out(tmp_path):
    rows = [["Date", "Worker", "Entry"], ["2015", "", ""], ["02/11/2015", WORKERS[0], TEXTS[0]],
            ["", "", ""], ["2016", "", ""]]  # fmt: skip
    rows += [[f"{d:%d/%m/%Y}", WORKERS[1], t] for d, t in zip(DAYS[1:4], TEXTS[1:4], strict=True)]
    rows.append(["ditto", WORKERS[1], TEXTS[4]])
    path = tmp_path / "t.csv"
    _csv(path, rows)
    table = read_table(path)
    assert len(table.rows) == 5
    assert [n.text for n in table.left_out if "month or year" in n.reason] == ["2015", "2016"]
    # A year row over dates of other years is still an entry of that year.
    rows = [["Date", "Worker", "Entry"], ["2014", "", ""]]
    rows += [[f"{d:%d/%m/%Y}", WORKERS[0], t] for d, t in zip(DAYS, TEXTS, strict=True)]
    _csv(path, rows)
    assert len(read_table(path).rows) == 9


def test_see_above_and_the_clerks_do_are_ditto_marks():
    for mark in ("see above", "See above", "do", "Do.", "ditto.", "as per above", "same as above"):
        assert says_as_above(mark), mark
    for text in ("done", "do not know", "above", "see notes"):
        assert not says_as_above(text), text


def test_a_range_of_days_in_figures():
    parsed = parse_date("3-5/4/2016")
    assert (parsed.start, parsed.end) == (date(2016, 4, 3), date(2016, 4, 5))
    assert parse_date("20-21/06/16").end == date(2016, 6, 21)
    assert not parse_date("5-3/4/2016").ok  # backwards: not read as a span
    assert parse_date("14-03-16").start == date(2016, 3, 14)  # a date with dashes, as before


def test_names_with_their_role_in_brackets_under_a_practitioner_and_role_heading():
    days = [f"{d:%d/%m/%Y}" for d in DAYS]
    people = [f"{WORKERS[i % 4]} (HV)" for i in range(8)]
    plan = plan_columns(["Date", "Practitioner / role", "Event"], _rows(days, people, TEXTS))
    assert plan.mapping.get("practitioner") == 1 and "role" not in plan.mapping
    # Roles alone stay the role.
    roles = ["Health Visitor", "Social Worker", "School Nurse", "GP"] * 2
    plan = plan_columns(["Date", "Practitioner / role", "Event"], _rows(days, roles, TEXTS))
    assert plan.mapping.get("role") == 1


def test_a_few_rows_recorded_before_they_happened_are_flagged():
    from app.chronology.planned_entries import _recorded_before

    starts = list(DAYS)
    recorded = [d + timedelta(days=2) for d in DAYS]
    recorded[2], recorded[5] = DAYS[2] - timedelta(days=3), datetime(2016, 9, 1, 10, 0)
    assert _recorded_before(recorded, starts) == [2, 5]
    # Most rows recorded first (appointments booked ahead): the column means something else.
    booked = [d - timedelta(days=7) for d in DAYS]
    assert _recorded_before(booked, starts) == []
    assert _recorded_before([None] * 8, starts) == []


def test_tables_side_by_side_are_read_in_turn():
    from app.chronology.side_by_side import table_width, tables_side_by_side

    assert table_width(["Date", "Event", "", "Date", "Event"]) == (2, 3)
    assert table_width(["Date", "Event", "Date", "Event"]) == (2, 2)
    assert table_width(["Date", "Event", "", "Date", "Notes"]) is None
    assert table_width(["Date", "Worker", "Event", "Date recorded"]) is None
    rows = [(2, [DAYS[0], TEXTS[0], "", DAYS[2], TEXTS[2]]),
            (3, [DAYS[1], TEXTS[1], "", "", ""])]  # fmt: skip
    out, width, note = tables_side_by_side(["Date", "Event", "", "Date", "Event"], rows)
    assert width == 2 and [n for n, _c in out] == [2, 3, 2]
    assert [c[1] for _n, c in out] == [TEXTS[0], TEXTS[1], TEXTS[2]] and "side by side" in note
    # Something in the column between them: not two tables.
    rows[1][1][2] = "x"
    assert tables_side_by_side(["Date", "Event", "", "Date", "Event"], rows) is None
