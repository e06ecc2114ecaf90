"""The eighth round's files (eighth_round_sheets.py, eighth_round_text.py) imported through the
command line with no options, every entry right; and each rule they needed, on its own."""

from datetime import date, datetime

import pytest

from app.chronology.cell_limit import CELL_LIMIT, join_cut_notes
from app.chronology.columns import plan_columns
from app.chronology.dates import from_day, parse_date, parse_time
from app.chronology.layout import fill_merged_down
from tests.chronology import eighth_round_sheets, eighth_round_text
from tests.chronology.robust_files import DAYS, TEXTS, TYPES, WORKERS
from tests.chronology.round_checks import check_file_imports_fully_right, table_of
from tests.chronology.round_checks import rows_of as _rows
from tests.chronology.test_robust_files import store_path  # noqa: F401

FILES = {**eighth_round_sheets.FILES, **eighth_round_text.FILES}
DATES = [f"{d:%d/%m/%Y}" for d in DAYS]


@pytest.mark.parametrize("name", sorted(FILES))
def test_each_file_imports_fully_right_with_no_options(store_path, tmp_path, capsys, name):  # noqa: F811
    check_file_imports_fully_right(FILES, name, store_path, tmp_path, capsys)


def test_full_names_are_the_practitioners_before_single_words():
    attended = ["Attended", "DNA"] * 4
    people = [WORKERS[i % 2] for i in range(8)]
    plan = plan_columns(["Date", "Attendance", "Clinic lead", "Notes"],
                        _rows(DATES, attended, people, TEXTS))  # fmt: skip
    assert plan.mapping.get("practitioner") == 2
    # A heading asking who, even with a word that hints at the event ("contact").
    plan = plan_columns(["Date", "Who made the contact", "Summary"],
                        _rows(DATES, [WORKERS[i % 4] for i in range(8)], TEXTS))  # fmt: skip
    assert plan.mapping.get("practitioner") == 1


def test_comments_are_the_event_when_the_other_text_is_a_few_words():
    kinds = [TYPES[i % 4] for i in range(8)]
    plan = plan_columns(["Date", "Activity", "Comments"], _rows(DATES, kinds, TEXTS))
    assert plan.mapping["event"] == 2 and plan.mapping.get("event_type") == 1
    # An event written in a sentence keeps the event; the comments stay beside it.
    short = [t.split(":")[0][:60] + " seen today" for t in TEXTS]
    plan = plan_columns(["Date", "Event", "Comments"], _rows(DATES, short, TEXTS))
    assert plan.mapping["event"] == 1


def test_values_padded_to_their_field_length_are_trimmed(tmp_path):
    from app.chronology.planned_entries import _trimmed

    assert _trimmed(["HOME VISIT   ", "CALL ", "HOME VISIT   "]) == [
        "HOME VISIT",
        "CALL",
        "HOME VISIT",
    ]
    values = ["Home visit", "Call"]
    assert _trimmed(values) is values


def test_a_time_on_a_databases_day_nought_is_the_time():
    assert parse_time("30/12/1899 10:32:00") == "10:32"
    assert parse_time("1900-01-01 14:30:00.000") == "14:30"
    assert parse_time("31/12/1899 09:05") == "09:05"
    assert parse_time("14/03/2016 10:32:00") == ""  # a real day is not a time field


def test_a_browsers_date_string():
    summer = parse_date("Tue Jun 21 2016 16:45:00 GMT+0100 (British Summer Time)")
    assert (summer.start, summer.time) == (date(2016, 6, 21), "16:45")
    winter = parse_date("Mon Mar 14 2016 10:32:00 GMT+0000 (Greenwich Mean Time)")
    assert (winter.start, winter.time) == (date(2016, 3, 14), "10:32")
    # Another zone is turned to the clock in the UK.
    away = parse_date("Mon Mar 14 2016 05:32:00 GMT-0500 (Eastern Standard Time)")
    assert (away.start, away.time) == (date(2016, 3, 14), "10:32")


def test_a_year_typed_into_a_date_cell_is_that_year_flagged():
    read = from_day(date(1905, 7, 7))  # 2015 days after Excel's day nought
    assert (read.start, read.end, read.precision) == (date(2015, 1, 1), date(2015, 12, 31), "year")
    assert "typed into a cell formatted as a date" in read.problem
    assert parse_date(datetime(1905, 7, 7)).precision == "year"
    assert from_day(date(1906, 1, 1)).precision == "day"  # a day no year becomes
    assert not from_day(DAYS[0]).problem


def test_rows_merged_two_high_are_one_entry():
    rows = [["Date", "Event"], [DAYS[0], TEXTS[0]], ["", ""], [DAYS[1], TEXTS[1]], ["", ""]]
    merged = [((1, 0), (2, 0)), ((1, 1), (2, 1)), ((3, 0), (4, 0)), ((3, 1), (4, 1))]
    assert fill_merged_down(rows, merged, 1) == []
    assert rows[2] == ["", ""] and rows[4] == ["", ""]
    # A date merged over two entries of one day still dates both.
    rows = [["Date", "Event"], [DAYS[0], TEXTS[0]], ["", TEXTS[1]]]
    assert fill_merged_down(rows, [((1, 0), (2, 0))], 1)
    assert rows[2][0] == DAYS[0]


def test_the_authors_sign_off_under_the_table_is_left_out(tmp_path):
    rows = [["Date", "Source", "Event"]]
    rows += [[d, "Case file", t] for d, t in zip(DATES, TEXTS, strict=True)]
    rows += [["Completed by", "Jo Castellan", "IMR author"], ["Date completed", "12/01/2017", ""]]
    table = table_of(tmp_path, rows)
    assert len(table.rows) == 8
    assert [n.row for n in table.left_out] == [10, 11]


def test_another_exports_headings_under_the_table(tmp_path):
    rows = [["Date", "Worker", "Note"]]
    rows += [[DATES[i], WORKERS[i % 4], TEXTS[i]] for i in range(3)]
    rows += [["Details", "Contact Date", "Recorded By"]]
    rows += [[TEXTS[i], DATES[i], WORKERS[i % 4]] for i in range(3, 6)]
    table = table_of(tmp_path, rows)
    assert len(table.rows) == 6 and [n.row for n in table.left_out] == [5]
    assert "another table" in table.left_out[0].reason
    assert [c[:3] for _n, c in table.rows[3:]] == [
        [DATES[i], WORKERS[i % 4], TEXTS[i]] for i in range(3, 6)
    ]
    # Same fields in the same places: only the heading row is left out.
    rows[4] = ["Contact Date", "Recorded By", "Details"]
    rows[5:] = [[DATES[i], WORKERS[i % 4], TEXTS[i]] for i in range(3, 6)]
    table = table_of(tmp_path, rows)
    assert len(table.rows) == 6 and table.rows[3][1][0] == DATES[3]


def test_a_note_cut_at_the_cell_limit_is_joined():
    first, rest = "x" * CELL_LIMIT, "the rest of the note"
    rows = [(2, [DATES[0], WORKERS[0], first]), (3, [DATES[0], WORKERS[0], rest]),
            (4, [DATES[1], WORKERS[1], TEXTS[1]])]  # fmt: skip
    out, note = join_cut_notes(rows, 2, [c[2] for _n, c in rows])
    assert [n for n, _c in out] == [2, 4] and out[0][1][2] == first + rest
    assert "32,767" in note
    # The next row differs beside the note (another day): a note of its own.
    rows[1] = (3, [DATES[1], WORKERS[0], rest])
    out, note = join_cut_notes(rows, 2, [c[2] for _n, c in rows])
    assert len(out) == 3 and not note


def test_dates_typed_without_their_slashes():
    assert parse_date("14032016").start == date(2016, 3, 14)
    assert parse_date("20160314").start == date(2016, 3, 14)  # year first, as before
    assert parse_date(14032016).start == date(2016, 3, 14)
    assert parse_date(3042016).start == date(2016, 4, 3)  # Excel lost its leading nought
    assert not parse_date(1002231).start  # a case number, no date
    assert not parse_date("13142016").start


def test_a_date_cell_showing_no_year_is_read_as_it_shows():
    from app.chronology.xlsx_formats import format_precision

    assert format_precision("d-mmm") == "no year"
    assert format_precision("[$-809]dd mmmm;@") == "no year"
    assert format_precision("dd/mm/yyyy") == ""
    assert format_precision("hh:mm") == ""
    assert format_precision("[$-809]mmm-yy;@") == "month"


def test_another_export_under_its_own_headings_keeps_its_own_date_order(tmp_path):
    from app.chronology.date_order import decide_order, pasted_orders

    rows = [["Date", "Worker", "Note"]]
    rows += [[DATES[i], WORKERS[i % 4], TEXTS[i]] for i in range(4)]
    rows += [["Date", "User", "Comments"]]
    us = [f"{d:%m/%d/%Y}" for d in DAYS]
    rows += [[us[i], WORKERS[i % 4], TEXTS[i]] for i in range(4, 8)]
    table = table_of(tmp_path, rows)
    dates = [c[0] for _n, c in table.rows]
    whole = decide_order(dates)
    assert whole.contradicted
    orders, note = pasted_orders(table, dates, whole)
    assert orders == {7: "mdy", 8: "mdy", 9: "mdy", 10: "mdy"} and "month first" in note
    # A part whose dates settle nothing follows the file.
    rows[6:] = [[DATES[i], WORKERS[i % 4], TEXTS[i]] for i in range(4, 8)]
    table = table_of(tmp_path, rows)
    dates = [c[0] for _n, c in table.rows]
    assert pasted_orders(table, dates, decide_order(dates)) == ({}, "")


def test_word_tables_each_under_a_date_heading(tmp_path):
    from app.chronology.reading import read_table

    path, _truth = eighth_round_text.word_tables_under_date_headings(tmp_path)
    table = read_table(path)
    assert table.headers[:2] == ["Date", "Time"] and len(table.rows) == 8
    assert table.rows[0][1][0] == "14 March 2016"
