"""The fifth round's agency files (fifth_round_files.py, fifth_round_text.py,
fifth_round_other.py) imported through the command line with no options, every entry right; and
each rule they needed, on its own."""

from datetime import date

import pytest

from app.chronology.columns import plan_columns
from app.chronology.dates import parse_date
from app.chronology.file_guard import ImportRefused
from app.chronology.reading import read_table
from app.chronology.word_tables import split_leading_dates
from tests.chronology import (
    fifth_round_cells,
    fifth_round_files,
    fifth_round_more,
    fifth_round_other,
    fifth_round_text,
)
from tests.chronology.robust_files import DAYS, TEXTS, TYPES, WORKERS
from tests.chronology.round_checks import check_file_imports_fully_right
from tests.chronology.round_checks import rows_of as _rows
from tests.chronology.round_checks import table_of as _table
from tests.chronology.test_robust_files import store_path  # noqa: F401

FILES = {
    **fifth_round_files.FILES,
    **fifth_round_text.FILES,
    **fifth_round_other.FILES,
    **fifth_round_more.FILES,
    **fifth_round_cells.FILES,
}


@pytest.mark.parametrize("name", sorted(FILES))
def test_each_file_imports_fully_right_with_no_options(store_path, tmp_path, capsys, name):  # noqa: F811
    check_file_imports_fully_right(FILES, name, store_path, tmp_path, capsys)


def test_a_date_over_day_month_and_year_columns_is_read_as_one_date(tmp_path):
    rows = [["Day", "Month", "Year", "Worker", "Event"]]
    rows += [
        [str(d.day), f"{d:%b}", str(d.year), "Sam Ellery", t]
        for d, t in zip(DAYS, TEXTS, strict=True)
    ]
    table = _table(tmp_path, rows)
    assert table.headers[0] == "Date (Day, Month, Year)" and len(table.headers) == 3
    assert [parse_date(c[0]).start for _n, c in table.rows] == DAYS
    assert any("read together as one date" in n for n in table.notes)
    # Month and Year alone make a month; numbers serve as well as names.
    rows = [["MM", "YYYY", "Event"]] + [[f"{d.month:02d}", str(d.year), "x"] for d in DAYS]
    assert parse_date(_table(tmp_path, rows).rows[0][1][0]).precision == "month"
    # Month and Year beside a column of dates are its own, for sorting: left as they are.
    rows = [["Month", "Year", "Date", "Event"]]
    rows += [[f"{d:%B}", str(d.year), f"{d:%d/%m/%Y}", "x"] for d in DAYS]
    assert _table(tmp_path, rows).headers == ["Month", "Year", "Date", "Event"]
    # A "Day" column of weekdays is no part of a date.
    rows = [["Day", "Month", "Year", "Event"]] + [[f"{d:%A}", f"{d:%B}", "2016", "x"] for d in DAYS]
    assert _table(tmp_path, rows).headers[:3] == ["Day", "Month", "Year"]


def test_a_date_cell_with_its_author_on_the_next_line_gives_the_date():
    parsed = parse_date("14/03/2016\nSam Ellery, Social Worker")
    assert (parsed.start, parsed.problem) == (date(2016, 3, 14), "")
    assert parsed.text == "14/03/2016\nSam Ellery, Social Worker"  # kept as written
    # Two dates in one cell are still not guessed.
    assert not parse_date("14/03/2016\n15/03/2016").ok


def test_pasted_dates_and_shortened_half_terms_are_read():
    assert parse_date("\xa03\xa0Apr\xa02016\u200b").start == date(2016, 4, 3)
    assert (parse_date("Aut 2 2016").start, parse_date("Aut 2 2016").end) == (
        date(2016, 11, 1),
        date(2016, 12, 31),
    )
    assert parse_date("Spr. 1 2016").start == date(2016, 1, 1)
    assert not parse_date("Wk 3 Sum 1").ok  # a week of a half-term, no year: never guessed
    assert not parse_date("Sum 2016").ok  # "sum" alone is no season


def test_the_day_a_step_started_gives_way_to_the_dates_of_its_notes():
    started = ["01/03/2016", "20/03/2016", "20/03/2016", "02/05/2016"] * 2
    days = [f"{d:%d/%m/%Y}" for d in DAYS]
    headings = ["Step Start Date", "Case Note Date", "Case Note"]
    plan = plan_columns(headings, _rows(started, days, TEXTS))
    assert plan.mapping["date"] == 1
    # Dates differing from row to row in both columns: the first still wins.
    plan = plan_columns(headings, _rows(days, days[::-1], TEXTS))
    assert plan.mapping["date"] == 0


def test_a_word_chronology_with_each_date_a_heading_of_its_own(tmp_path):
    path, _truth = fifth_round_other.word_date_headings(tmp_path)
    table = read_table(path)
    assert [parse_date(c[0]).start for _n, c in table.rows] == DAYS
    assert table.rows[0][1][1].startswith("Home visit: mother present")


def test_a_reports_criteria_under_the_table_and_numbered_columns_are_left_out(tmp_path):
    rows = [["Date", "Worker", "Notes"], ["1", "2", "3"]]
    rows += [[f"{d:%d/%m/%Y}", "Sam Ellery", t] for d, t in zip(DAYS, TEXTS, strict=True)]
    rows += [["Date from:", "01/03/2016"], ["Date to:", "30/11/2016"], ["Run by:", "Server"]]
    table = _table(tmp_path, rows)
    assert len(table.rows) == 8
    reasons = {n.row: n.reason for n in table.left_out}
    assert "numbered" in reasons[2] and "criteria" in reasons[11] and "criteria" in reasons[13]
    # One line of a label at the end may be an entry's own: it stays.
    rows = [["Date", "Notes"]] + [[f"{d:%d/%m/%Y}", t] for d, t in zip(DAYS, TEXTS, strict=True)]
    rows += [["Note:", "see file"]]
    assert len(_table(tmp_path, rows).rows) == 9


def test_the_finer_of_two_type_columns_is_the_type():
    broad = ["Contact", "Contact", "Contact", "Meeting"] * 2
    fine = TYPES * 2
    plan = plan_columns(["Date", "Entry Type", "Sub Type", "Details"],
                        _rows(DAYS, broad, fine, TEXTS))  # fmt: skip
    assert plan.mapping["event_type"] == 2
    # Two type columns that do not refine each other: the heading decides, as before.
    mixed = ["Contact", "Meeting"] * 4
    plan = plan_columns(["Date", "Entry Type", "Sub Type", "Details"],
                        _rows(DAYS, fine, mixed, TEXTS))  # fmt: skip
    assert plan.mapping["event_type"] == 1


def test_initials_with_their_team_after_a_dash_are_the_practitioners():
    written = ["SE (Duty)", "PN - Assessment", "TP (Duty)", "GA - CIN Team 2"] * 2
    plan = plan_columns(["Date", "Wkr", "Notes"], _rows(DAYS, written, TEXTS))
    assert plan.mapping["practitioner"] == 1


def test_a_note_running_on_over_an_unquoted_line_break_joins_the_note_above(tmp_path):
    path, _truth = fifth_round_text.unquoted_line_breaks(tmp_path)
    table = read_table(path)
    assert table.headers == ["Date", "Worker", "Type", "Note"]
    assert [" ".join(c[3].split()) for _n, c in table.rows] == TEXTS
    # Short titles on the dated rows, the note on the row below: still a column of its own.
    rows = [["Date", "Type", "Author"]]
    for d, t in zip(DAYS, TEXTS, strict=True):
        rows += [[f"{d:%d/%m/%Y}", "Home visit", "Sam Ellery"], [t]]
    assert _table(tmp_path, rows).headers[-1] == "Text on the row below"


def test_dates_without_their_year_take_it_from_the_heading_row_above(tmp_path):
    rows = [["Date", "Worker", "Entry"], ["2016", "", ""]]
    rows += [[f"{d.day} {d:%b}", WORKERS[0], t] for d, t in zip(DAYS, TEXTS, strict=True)]
    table = _table(tmp_path, rows)
    assert [parse_date(c[0]).start for _n, c in table.rows] == DAYS
    assert [n.row for n in table.left_out] == [2]
    # A year on a row of its own over whole dates of that year only groups them (a banner in
    # a hand-made chronology): it is left out and listed, like a month heading.
    rows = [["Date", "Worker", "Entry"], ["2016", "", ""]]
    rows += [[f"{d:%d/%m/%Y}", WORKERS[0], t] for d, t in zip(DAYS, TEXTS, strict=True)]
    table = _table(tmp_path, rows)
    assert len(table.rows) == 8 and [n.row for n in table.left_out] == [2]
    # Over dates of other years it is still an entry of that year.
    rows[1] = ["2015", "", ""]
    assert len(_table(tmp_path, rows).rows) == 9


def test_a_macro_enabled_word_template_is_read_like_a_document(tmp_path):
    path, _truth = fifth_round_more.word_macro_template(tmp_path)
    table = read_table(path)
    assert table.headers == ["Date", "Practitioner", "Type", "Event"] and len(table.rows) == 8
    # Saved as a template (.dotx), the same.
    template = tmp_path / "template.dotx"
    fifth_round_more._macro_enabled(
        path,
        "application/vnd.ms-word.document.macroEnabled.main+xml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    )
    path.rename(template)
    assert len(read_table(template).rows) == 8


def test_case_notes_printed_as_one_form_a_note_are_read_as_entries(tmp_path):
    import docx

    from app.chronology.reading import ImportRefused

    path, _truth = fifth_round_more.word_form_per_note(tmp_path)
    table = read_table(path)
    assert table.headers == ["Date", "Recorded by", "Type", "Note"]
    assert [c[3] for _n, c in table.rows] == TEXTS
    # Two small tables of labels are no chronology: refused as before.
    document = docx.Document()
    for _ in range(2):
        form = document.add_table(rows=0, cols=2)
        for label, value in (("Date:", "14/03/2016"), ("Note:", "Seen")):
            cells = form.add_row().cells
            cells[0].text, cells[1].text = label, value
    document.save(tmp_path / "two.docx")
    with pytest.raises(ImportRefused):
        read_table(tmp_path / "two.docx")


def test_excels_text_marker_before_figures_in_a_csv_is_not_part_of_the_value(tmp_path):
    rows = [["Date", "Time", "Ref", "Notes"]]
    rows += [[f"'{d:%d/%m/%Y}", "'10:32", "'001200", t] for d, t in zip(DAYS, TEXTS, strict=True)]
    rows[1][3] = "'Mum's friend' called"  # an apostrophe in words is text as written
    rows[2][3] = "'92 was the year they moved"
    table = _table(tmp_path, rows)
    assert table.rows[0][1][:3] == [f"{DAYS[0]:%d/%m/%Y}", "10:32", "001200"]
    assert table.rows[0][1][3] == "'Mum's friend' called"
    assert table.rows[1][1][3] == "'92 was the year they moved"


def test_cells_merged_down_in_an_ods_sheet_date_every_row_they_cover(tmp_path):
    path, truth = fifth_round_cells.ods_merged_dates(tmp_path)
    table = read_table(path)
    assert [parse_date(c[0]).start for _n, c in table.rows] == [t.start for t in truth]
    assert any("merged" in n for n in table.notes)


def test_a_sheet_of_one_column_whose_cells_start_with_their_dates(tmp_path):
    path, _truth = fifth_round_cells.date_leads_the_text(tmp_path)
    table = read_table(path)
    assert table.headers == ["Date", "Chronology"]
    assert [parse_date(c[0]).start for _n, c in table.rows] == DAYS
    assert [c[1] for _n, c in table.rows] == TEXTS
    # One column of text without dates at its start is not taken apart (a CSV of it, its
    # semicolons the sentences' own, has no dates to import: it is refused).
    rows = [["Notes"]] + [[t] for t in TEXTS]
    assert split_leading_dates(rows) is None
    with pytest.raises(ImportRefused):
        _table(tmp_path, rows)


def test_an_agency_worker_is_a_person_and_an_agency_name_is_not():
    from app.chronology.mapping import header_fields

    for heading in ("Agency worker", "Agency practitioner", "Agency and practitioner"):
        assert "practitioner" in header_fields(heading), heading
    for heading in ("Agency name", "Organisation name", "Name of agency"):
        assert "practitioner" not in header_fields(heading), heading
