"""The fourth round's agency files (fourth_round_files.py, fourth_round_word.py) imported through
the command line with no options, every entry right; and each rule they needed, on its own."""

from datetime import date, datetime

import pytest

from app.chronology.columns import plan_columns
from app.chronology.csv_text import sniff_delimiter
from app.chronology.dates import parse_date
from app.chronology.word_tables import table_grids
from tests.chronology.fourth_round_files import same_text_differences
from tests.chronology.fourth_round_word import FILES
from tests.chronology.robust_files import DAYS, TEXTS
from tests.chronology.test_robust_files import _entries, _import, store_path  # noqa: F401


@pytest.mark.parametrize("name", sorted(FILES))
def test_each_file_imports_fully_right_with_no_options(store_path, tmp_path, capsys, name):  # noqa: F811
    path, truth = FILES[name](tmp_path)
    code, output = _import(store_path, path, capsys)
    assert code == 0, output
    assert same_text_differences(_entries(store_path), truth) == [], output


def _rows(*columns):
    return [(n + 2, list(cells)) for n, cells in enumerate(zip(*columns, strict=True))]


DAYS6 = ["14/03/2016", "03/04/2016", "06/05/2016", "21/06/2016", "02/08/2016", "12/09/2016"]


def test_a_separator_inside_quoted_notes_does_not_outvote_the_one_splitting_the_header():
    note = '"Discussed:\n\t• point one\n\t• point two\n\t• point three\n\t• point four"'
    sample = "Date,Worker,Notes\n" + "".join(f"14/03/2016,Sam Ellery,{note}\n" for _ in range(3))
    assert sniff_delimiter(sample) == ","
    # A title line above the header still leaves the choice to the rows.
    assert sniff_delimiter("Case log\nDate;Worker;Notes\n14/03/2016;Sam;Seen\n") == ";"


def test_a_welsh_weekday_before_the_date_is_read_and_checked():
    parsed = parse_date("Dydd Llun 14 Mawrth 2016")
    assert (parsed.start, parsed.problem) == (date(2016, 3, 14), "")
    # "Dydd Mawrth" is Tuesday ("Mawrth" alone is March): 14 March 2016 was a Monday.
    assert "is a Monday, not a Tuesday" in parse_date("Dydd Mawrth 14 Mawrth 2016").problem


def test_names_on_the_first_row_of_each_wrapped_entry_are_the_practitioners():
    dates, names, lines = [], [], []
    for n, day in enumerate(DAYS6):
        dates += [day, "", ""]
        names += [["Sam Ellery", "Priya Nandakumar", "Tomos Rees"][n % 3], "", ""]
        lines += ["Call received from the nursery about", "the child, who was collected", "late."]
    plan = plan_columns(["Date/Time", "Operator", "Log Text"], _rows(dates, names, lines))
    assert plan.mapping["practitioner"] == 1


def test_subject_lines_are_part_of_the_entry_not_the_people_it_is_about():
    subjects = ["Home visit today", "Nursery collection", "Missed appointment",
                "A&E attendance", "Strategy discussion", "Breakfast club"]  # fmt: skip
    plan = plan_columns(["Received", "Subject", "Body"], _rows(DAYS6, subjects, TEXTS[:6]))
    assert "subjects" not in plan.mapping and plan.parts == [1, 2]
    # Under the same heading, names of people are still the people concerned.
    people = ["Child Z", "Child Z, Mother", "Child Z", "Mother", "Child Z", "Child Z"]
    plan = plan_columns(["Date", "Subject", "Body"], _rows(DAYS6, people, TEXTS[:6]))
    assert plan.mapping["subjects"] == 1


def test_codes_under_a_heading_naming_a_code_are_not_the_outcome():
    codes = ["ASB1", "TV01", "ARR2", "REP1", "ASB1", "TV01"]
    plan = plan_columns(["Action Date", "Action Code", "Notes"], _rows(DAYS6, codes, TEXTS[:6]))
    assert "outcome" not in plan.mapping
    said = ["No further action", "Referred to CSC", "Advice given"] * 2
    plan = plan_columns(["Date", "Outcome", "Notes"], _rows(DAYS6, said, TEXTS[:6]))
    assert plan.mapping["outcome"] == 1


def test_compact_stamps_and_four_figure_times_before_dates_are_read():
    for text in ("201603141032", "20160314103200", "20160314T103200", "1032 14/03/16"):
        parsed = parse_date(text)
        assert (parsed.start, parsed.time) == (date(2016, 3, 14), "10:32"), text
    assert not parse_date("201613141032").ok  # no month 13
    # An incident number written the same way gives way to the column of dates.
    numbers = [f"2016031400{n:02d}" for n in range(6)]
    plan = plan_columns(["Incident Number", "When", "Summary"], _rows(numbers, DAYS6, TEXTS[:6]))
    assert plan.mapping["date"] == 1


def test_a_note_cut_into_numbered_columns_is_joined_as_written():
    from app.chronology.note_pieces import one_text_in_pieces

    assert one_text_in_pieces(["Note 1", "Note 2", "Note 3"])
    assert one_text_in_pieces(["Notes", "Notes (2)"])
    assert one_text_in_pieces(["CASE_NOTE_TEXT_1", "CASE_NOTE_TEXT_2"])
    assert not one_text_in_pieces(["Note 1", "Note 3"])
    assert not one_text_in_pieces(["Title", "Note"])
    assert not one_text_in_pieces(["Column 3", "Column 4"])  # a file without headings
    pieces = [(t[:50], t[50:100], t[100:]) for t in TEXTS[:6]]
    plan = plan_columns(
        ["Date", "Note 1", "Note 2", "Note 3"], _rows(DAYS6, *zip(*pieces, strict=True))
    )
    assert plan.parts == [1, 2, 3]


def test_date_cells_excel_turned_month_first_are_read_day_first_and_flagged():
    from app.chronology.excel_locale import swapped_by_excel

    cells = [datetime(2016, 3, 4), "14/03/2016", datetime(2016, 5, 6, 9, 5), "21/06/2016"]
    found = swapped_by_excel(cells, set(map(type, cells)))
    assert {k: v[0] for k, v in found.items()} == {0: datetime(2016, 4, 3),
                                                   2: datetime(2016, 6, 5, 9, 5)}  # fmt: skip
    assert "turns 03/04/2016 into 4 March 2016" in found[0][1]
    # A cell whose day is over 12, or a typed date Excel would have turned, shows no swap.
    for other in (datetime(2016, 3, 14), "03/04/2016"):
        mixed = [*cells, other]
        assert swapped_by_excel(mixed, set(map(type, mixed))) == {}


def test_word_text_keeps_inserted_and_picked_words_and_leaves_deleted_ones(tmp_path):
    import docx

    path, _truth = FILES["tracked_changes"](tmp_path)
    grid = table_grids(path, docx.Document(str(path)))[0]
    assert grid[1][3] == TEXTS[0] and "wrong child" not in " ".join(map(" ".join, grid))
    path, _truth = FILES["content_controls"](tmp_path)
    grid = table_grids(path, docx.Document(str(path)))[0]
    assert [row[0] for row in grid[1:3]] == ["14/03/2016", "03/04/2016"]


def test_a_report_run_date_on_every_row_is_not_the_entries_date(store_path, tmp_path, capsys):  # noqa: F811
    """A report server's CSV names its columns after text boxes; its run date, repeated on every
    row, gives way to the dates changing from entry to entry, and nothing else joins the text."""
    path, _truth = FILES["report_server_csv"](tmp_path)
    code, output = _import(store_path, path, capsys)
    assert code == 0, output
    entries = _entries(store_path)
    assert [e.date_start for e in entries] == DAYS
    assert [e.event for e in entries] == TEXTS
    # A date of birth is never the entry's date, whatever the order of the columns.
    plan = plan_columns(
        ["DOB", "When", "Summary"],
        _rows(["01/02/2014", "03/02/2014", "01/02/2015"] * 2, DAYS6, TEXTS[:6]),
    )
    assert plan.mapping["date"] == 1


def test_a_time_column_that_lost_its_format_reads_excels_fractions_of_a_day():
    fractions = [0.43888888, 0.60416666, 0.37847222, 0.69791666, 0.45833333, 0.34375]
    plan = plan_columns(["Date", "Time", "Notes"], _rows(DAYS6, fractions, TEXTS[:6]))
    assert plan.mapping["time"] == 1
    # Under a heading saying how long, the same numbers are no time of day.
    plan = plan_columns(["Date", "Time spent (hrs)", "Notes"], _rows(DAYS6, fractions, TEXTS[:6]))
    assert "time" not in plan.mapping


def test_dates_repeated_down_a_column_give_way_to_dates_changing_with_the_entries():
    days = [*DAYS6, "05/10/2016", "28/11/2016"]
    referral = ["01/02/2016"] * 4 + ["01/08/2016"] * 4
    headings = ["Referral Date", "Case Note Date", "Case Note Text"]
    plan = plan_columns(headings, _rows(referral, days, [*TEXTS[:8]]))
    assert plan.mapping["date"] == 1
    # A short file, or one whose dates all change, keeps the first column of dates.
    plan = plan_columns(headings, _rows(referral[:6], DAYS6, TEXTS[:6]))
    assert plan.mapping["date"] == 0


def test_an_example_sheet_and_a_copied_sheet_are_not_imported_as_more_entries():
    from app.chronology.sheet_choice import leave_out_examples_and_copies

    rows = {"2016": [["a"]], "2017": [["b"]], "Example": [["c"]], "2016 (2)": [["a"]]}
    kept, notes = leave_out_examples_and_copies(list(rows), "2016", rows.__getitem__)
    assert kept == ["2016", "2017"]
    assert "'Example'" in notes[0] and "--sheet" in notes[0]
    assert "same rows as sheet '2016'" in notes[1]
    # The sheet found best is imported whatever its name.
    kept, _notes = leave_out_examples_and_copies(["Template", "2017"], "Template", rows.get)
    assert kept == ["Template", "2017"]


def test_each_column_of_dates_settling_its_own_order_is_read_in_it():
    from app.chronology.date_order import column_orders

    typed = ["14/03/2016", "03/04/2016", "06/05/2016", "21/06/2016"]
    stamped = ["3/27/2016 5:05:00 PM", "4/16/2016 4:30:00 PM", "5/19/2016", "7/4/2016"]
    order, orders = column_orders([typed, stamped], None, ["Contact Date", "Created"])
    assert (order.order, orders) == ("dmy", ["dmy", "mdy"])
    assert "'Created' is read month first" in order.reason
    # A column that settles nothing takes the order the others show.
    undecided = ["03/04/2016", "06/05/2016", "02/08/2016", "12/09/2016"]
    order, orders = column_orders([undecided, stamped], None, ["Date", "Created"])
    assert (order.order, orders) == ("mdy", ["mdy", "mdy"])


def test_a_ditto_mark_in_the_date_column_takes_the_date_of_the_entry_above():
    from app.chronology.date_forms import says_as_above

    for mark in ('"', "ditto", "As above", "same day", "Same date as above", "\u3003"):
        assert says_as_above(mark), mark
    for other in ("", "Unknown", "above the shop", "14/03/2016", None):
        assert not says_as_above(other), other


def test_a_date_after_the_day_of_import_is_flagged_with_its_date_kept(store_path, tmp_path, capsys):  # noqa: F811
    path, _truth = FILES["year_slips"](tmp_path)
    code, output = _import(store_path, path, capsys)
    assert code == 0, output
    slipped = next(e for e in _entries(store_path) if e.source_row == 3)
    assert slipped.date_start == date(2061, 4, 3) and slipped.flagged
    assert "03/04/2061 is after the day of import" in slipped.flag_reason
    assert sum(e.flagged for e in _entries(store_path)) == 1
