"""The sixth round's agency files (sixth_round_text.py, sixth_round_sheets.py,
sixth_round_word.py, sixth_round_more.py) imported through the command line with no options, every entry right; and
each rule they needed, on its own."""

from datetime import date

import pytest

from app.chronology.columns import plan_columns
from app.chronology.csv_text import LINES, sniff_delimiter
from app.chronology.dates import parse_date, parse_time
from app.chronology.reading import read_table
from tests.chronology import (
    sixth_round_more,
    sixth_round_sheets,
    sixth_round_text,
    sixth_round_word,
)
from tests.chronology.robust_files import DAYS, TEXTS, TYPES, WORKERS
from tests.chronology.round_checks import check_file_imports_fully_right
from tests.chronology.round_checks import rows_of as _rows
from tests.chronology.round_checks import table_of as _table
from tests.chronology.test_robust_files import store_path  # noqa: F401

FILES = {
    **sixth_round_text.FILES,
    **sixth_round_sheets.FILES,
    **sixth_round_word.FILES,
    **sixth_round_more.FILES,
}


@pytest.mark.parametrize("name", sorted(FILES))
def test_each_file_imports_fully_right_with_no_options(store_path, tmp_path, capsys, name):  # noqa: F811
    check_file_imports_fully_right(FILES, name, store_path, tmp_path, capsys)


def test_welsh_ordinal_days_are_read():
    assert parse_date("21ain Mehefin 2016").start == date(2016, 6, 21)
    assert parse_date("2ail Awst 2016").start == date(2016, 8, 2)
    assert parse_date("3ydd Ebrill 2016").start == date(2016, 4, 3)
    assert not parse_date("21ain").ok  # a day alone is no date
    # Ranges of days with Welsh ordinals, as with English ones.
    parsed = parse_date("14eg - 16eg Mawrth 2016")
    assert (parsed.start, parsed.end) == (date(2016, 3, 14), date(2016, 3, 16))
    assert parse_date("3ydd-5ed Ebrill 2016").end == date(2016, 4, 5)


def test_welsh_morning_and_afternoon_times():
    assert parse_time("10:32yb") == "10:32"
    assert parse_time("2:30yh") == "14:30"
    assert parse_time("4:45 y.h.") == "16:45"
    assert parse_time("12:10yb") == "00:10"
    assert parse_time("13:20yh") == ""  # no 13 o'clock on a 12-hour clock


def test_a_date_and_time_joined_by_a_colon_as_sas_writes_them():
    parsed = parse_date("14MAR2016:10:32:00")
    assert (parsed.start, parsed.time) == (date(2016, 3, 14), "10:32")
    assert parse_date("14MAR2016").start == date(2016, 3, 14)
    assert not parse_date("2016:10").ok


def test_a_length_of_time_under_any_qualifier_is_never_the_time_of_day():
    stamps = [f"{d:%d/%m/%Y} 10:{n:02d}" for n, d in enumerate(DAYS)]
    for heading in ("Active Time", "Talk time", "Waiting Time", "Response time"):
        plan = plan_columns(["Received", heading, "Notes"], _rows(stamps, ["00:12:30"] * 8, TEXTS))
        assert "time" not in plan.mapping, heading
    plan = plan_columns(["Date", "Time", "Notes"], _rows(stamps, ["10:32"] * 8, TEXTS))
    assert plan.mapping["time"] == 1


def test_kinds_of_contact_under_subject_are_the_type_not_the_people():
    days = [f"{d:%d/%m/%Y}" for d in DAYS]
    types = [TYPES[i % 4] for i in range(8)]
    plan = plan_columns(["Subject", "Start Date", "Description"], _rows(types, days, TEXTS))
    assert plan.mapping.get("event_type") == 0 and "subjects" not in plan.mapping
    # Names under "Subject" are still the people concerned.
    names = [WORKERS[i % 4] for i in range(8)]
    plan = plan_columns(["Subject", "Date", "Description"], _rows(names, days, TEXTS))
    assert plan.mapping.get("subjects") == 0


def test_a_month_heading_over_whole_dates_of_that_month_is_left_out(tmp_path):
    rows = [["Date", "Worker", "Entry"]]
    for i, (d, t) in enumerate(zip(DAYS, TEXTS, strict=True)):
        if i == 0 or d.month != DAYS[i - 1].month:
            rows.append([f"{d:%B %Y}", "", ""])
        rows.append([f"{d:%d/%m/%Y}", WORKERS[0], t])
    table = _table(tmp_path, rows)
    assert len(table.rows) == 8
    assert all("month or year" in n.reason for n in table.left_out)
    # A month row over dates of other months is an entry of that month.
    rows = [["Date", "Worker", "Entry"], ["January 2016", "", ""]]
    rows += [[f"{d:%d/%m/%Y}", WORKERS[0], t] for d, t in zip(DAYS, TEXTS, strict=True)]
    assert len(_table(tmp_path, rows).rows) == 9


def test_a_web_page_saved_as_a_spreadsheet_is_read_as_its_largest_table(tmp_path):
    path, _truth = sixth_round_text.html_table_xls(tmp_path)
    table = read_table(path)
    assert table.headers == ["Date/Time", "Case Note Type", "Worker", "Case Note"]
    assert len(table.rows) == 8 and table.rows[0][1][3].startswith("Home visit:\nmother present")
    assert any("web page" in note for note in table.notes)
    reasons = [n.reason for n in table.left_out]
    assert reasons and any("footer" in r or "report" in r for r in reasons), reasons
    # A date cell over two rows (rowspan) dates both; a cell over two columns leaves one empty.
    page = (
        "<html><body><table><tr><th>Date</th><th colspan=2>Worker</th><th>Event</th></tr>"
        f"<tr><td rowspan=2>14/03/2016</td><td>{WORKERS[0]}</td><td></td><td>{TEXTS[0]}</td></tr>"
        f"<tr><td>{WORKERS[1]}</td><td></td><td>{TEXTS[1]}</td></tr>"
        f"<tr><td>03/04/2016</td><td>{WORKERS[2]}</td><td></td><td>{TEXTS[2]}</td></tr>"
        "</table></body></html>"
    )
    path = tmp_path / "spans.xls"
    path.write_text(page, encoding="utf-8")
    table = read_table(path)
    assert [parse_date(c[0]).start for _n, c in table.rows] == [DAYS[0], DAYS[0], DAYS[1]]
    assert [c[3] for _n, c in table.rows] == TEXTS[:3]
    # The data table inside a report's layout tables is the one read.
    inner = "".join(
        f"<tr><td>{d:%d/%m/%Y}<td>{w}<td>{t}"
        for d, w, t in zip(DAYS, WORKERS * 2, TEXTS, strict=True)
    )
    page = (
        "<html><body><table><tr><td>Contact report</td></tr><tr><td><table>"
        f"<tr><td>Date<td>Worker<td>Note{inner}</table></td></tr></table></body></html>"
    )
    path.write_text(page, encoding="utf-8")
    table = read_table(path)
    assert table.headers == ["Date", "Worker", "Note"] and len(table.rows) == 8
    assert table.rows[7][1][2] == TEXTS[7]


def test_an_excel_2003_xml_spreadsheet_is_read_with_its_cells_in_place(tmp_path):
    path, _truth = sixth_round_text.spreadsheet_2003_xml(tmp_path)
    table = read_table(path)
    assert table.sheet == "Contacts"
    assert table.headers == ["Contact Date", "Team", "Worker", "Contact Type", "Notes"]
    first = table.rows[0][1]
    assert first[0].year == 2016 and first[1] == "" and first[2] == WORKERS[0]
    # XML that is not safe to parse (entities declared) is refused, not read.
    bomb = tmp_path / "bomb.xml"
    bomb.write_text(
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><Workbook xmlns='
        '"urn:schemas-microsoft-com:office:spreadsheet"><Worksheet/>&a;</Workbook>'
    )
    from app.chronology.file_guard import ImportRefused

    with pytest.raises(ImportRefused):
        read_table(bomb)


def test_a_text_log_of_dated_lines_is_one_line_a_row():
    lines = [f"{d:%d/%m/%Y} 10:32 {t}" for d, t in zip(DAYS, TEXTS, strict=True)]
    assert sniff_delimiter("\n".join(lines) + "\n") == LINES
    # A CSV whose quoted notes hold the same sentences keeps its commas as separators.
    rows = [f'{d:%d/%m/%Y},Sam Ellery,"{t}"' for d, t in zip(DAYS, TEXTS, strict=True)]
    assert sniff_delimiter("Date,Worker,Note\n" + "\n".join(rows) + "\n") == ","
    # Undated lines of prose are read as before.
    assert sniff_delimiter("Notes\n" + "\n".join(TEXTS) + "\n") != LINES


def test_word_paragraphs_with_tabs_between_fields_are_columns(tmp_path):
    path, _truth = sixth_round_word.tabbed_paragraphs(tmp_path)
    table = read_table(path)
    assert table.headers == ["Date", "Time", "Worker", "Event"]
    assert table.rows[0][1][:3] == ["14/03/2016", "10:32", WORKERS[0]]


def test_word_paragraphs_of_labelled_lines_are_read_as_blocks(tmp_path):
    path, _truth = sixth_round_word.label_paragraphs(tmp_path)
    table = read_table(path)
    assert [h.lower() for h in table.headers[:5]] == ["date", "time", "worker", "type", "note"]
    assert len(table.rows) == 8


def test_a_sheet_laid_out_sideways_is_turned(tmp_path):
    path, _truth = sixth_round_sheets.entries_across_columns(tmp_path)
    table = read_table(path)
    assert table.headers == ["Date", "Time", "Worker", "Type", "Event"]
    assert len(table.rows) == 8 and any("sideways" in n for n in table.notes)
    # An upright table whose first column is labels of another kind stays upright.
    rows = [["Date", "Worker", "Event"]]
    rows += [[f"{d:%d/%m/%Y}", WORKERS[0], t] for d, t in zip(DAYS, TEXTS, strict=True)]
    assert _table(tmp_path, rows).headers == ["Date", "Worker", "Event"]


def test_a_web_page_with_a_table_a_page_is_read_as_one_table(tmp_path):
    path, _truth = sixth_round_more.html_page_tables(tmp_path)
    table = read_table(path)
    assert len(table.rows) == 8
    assert any("3 tables headed the same" in n for n in table.notes)
    assert [n.row for n in table.left_out] == [5, 9]  # the headings again, as a page header


def test_a_web_archive_is_read_by_its_page(tmp_path):
    path, _truth = sixth_round_more.web_archive_mht(tmp_path)
    table = read_table(path)
    assert table.headers == ["Date", "Worker", "Type", "Note"] and len(table.rows) == 8
    assert table.rows[0][1][3] == TEXTS[0]  # quoted-printable decoded, entities too


def test_excel_2003_xml_sheets_with_the_same_columns_are_imported_together(tmp_path):
    from app.chronology.reading import read_tables

    path, _truth = sixth_round_more.xml_sheet_a_year(tmp_path)
    tables = read_tables(path)
    assert [t.sheet for t in tables] == ["2016 Jan-Jun", "2016 Jul-Dec"]
    assert sum(len(t.rows) for t in tables) == 8
    assert len(read_tables(path, ["2016 Jul-Dec"])) == 1


def test_welsh_weekdays_shortened_before_a_date_in_figures():
    assert parse_date("Llun 14/03/2016").start == date(2016, 3, 14)
    assert parse_date("Llun 14/03/2016").problem == ""
    assert "not a Tuesday" in parse_date("Maw 14/03/2016").problem
    # "Maw" before a year alone is March, as before.
    assert parse_date("Maw 2016").precision == "month"


def test_a_note_cut_into_numbered_rows_is_joined_back():
    from app.chronology.numbered_lines import join_numbered_lines

    head = ["Date", "Worker", "Line", "Text"]
    rows = [(2, ["14/03/2016", "Sam", "1", "Home vis"]), (3, ["14/03/2016", "Sam", "2", "it: ok"]),
            (4, ["03/04/2016", "Sam", "1", "Call"])]  # fmt: skip
    out, notes = join_numbered_lines(head, rows)
    assert [cells[3] for _n, cells in out] == ["Home visit: ok", "Call"]
    assert "joined" in notes[0] and "row 3" in notes[0]
    # Pieces cut at words (of differing lengths) are joined with a space.
    rows = [(2, ["14/03/2016", "Sam", "1", "Home visit"]), (3, ["14/03/2016", "Sam", "2", "ok"]),
            (4, ["14/03/2016", "Sam", "3", "then left"])]  # fmt: skip
    assert join_numbered_lines(head, rows)[0][0][1][3] == "Home visit ok then left"
    # A second line of another day (the date differs and the text) is an entry of its own.
    rows = [(2, ["14/03/2016", "Sam", "1", "A"]), (3, ["15/03/2016", "Sam", "2", "B"])]
    assert len(join_numbered_lines(head, rows)[0]) == 2
    # No heading numbering lines: nothing joined.
    assert join_numbered_lines(["Date", "Worker", "No", "Text"], rows)[1] == []


def test_a_printout_in_fixed_width_columns_is_cut_where_its_headings_start(tmp_path):
    from app.chronology.fixed_width import cut, fixed_columns

    lines = ["TITLE", f"{'DATE':<12}{'TIME':<7}{'OFFICER':<20}DETAILS"]
    lines += [
        f"{d:%d/%m/%Y}  10:32  {'Sam Ellery':<20}{t}" for d, t in zip(DAYS, TEXTS, strict=True)
    ]
    found = fixed_columns(lines)
    assert found == (1, [0, 12, 19, 39])
    assert cut(lines[2], found[1]) == ["14/03/2016", "10:32", "Sam Ellery", TEXTS[0]]
    # Lines whose spaces do not line up under the headings are not columns.
    assert fixed_columns(["Date  Worker  Note", *TEXTS]) is None
    # Read from a text file, with the lines above the heading line kept out.
    path = tmp_path / "print.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    table = read_table(path)
    assert table.headers == ["DATE", "TIME", "OFFICER", "DETAILS"] and len(table.rows) == 8
    assert any("fixed-width" in n for n in table.notes)


def test_a_text_log_with_title_lines_above_its_dated_lines_keeps_them_out(tmp_path):
    path = tmp_path / "log.txt"
    lines = ["Incident log", ""] + [f"{d:%d/%m/%Y} {t}" for d, t in zip(DAYS, TEXTS, strict=True)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    table = read_table(path)
    assert len(table.rows) == 8
    assert [parse_date(c[0]).start for _n, c in table.rows] == DAYS
