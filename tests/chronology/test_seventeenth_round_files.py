"""The seventeenth round's files (seventeenth_round_files.py) imported through the command line
with no options, every entry right and nothing the file holds lost; and each rule they needed,
on its own."""

from datetime import date

import pytest

from tests.chronology import seventeenth_round_files as files
from tests.chronology.round_checks import check_file_imports_fully_right, round_cases
from tests.chronology.test_robust_files import _entries, _import, store_path  # noqa: F401

FILES = {**files.FILES, **getattr(files, "LATER", {})}
# Files not yet imported fully right (marked so before the rules they need are written).
NOT_YET: set[str] = set()


@pytest.mark.parametrize("name", round_cases(FILES, NOT_YET))
def test_each_file_imports_fully_right_with_no_options(store_path, tmp_path, capsys, name):  # noqa: F811
    check_file_imports_fully_right(FILES, name, store_path, tmp_path, capsys, round_module=files)


def test_rough_dates_are_approximate_spans_never_an_exact_day(store_path, tmp_path, capsys):  # noqa: F811
    path, truth = files.rough_dates_in_words(tmp_path)
    code, output = _import(store_path, path, capsys)
    assert code == 0, output
    rows = _entries(store_path)
    assert {r.precision for r in rows} == {"approximate"}
    assert [r.flag_reason for r in rows if r.flagged] == []
    written = {r.date_text for r in rows}  # what the file said is kept beside the span
    assert {said for said, _s, _e in files.ROUGH} <= written


# --- each rule on its own -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "start", "end"),
    [
        ("Late 1990s", date(1997, 1, 1), date(1999, 12, 31)),
        ("the early 2000s", date(2000, 1, 1), date(2003, 12, 31)),
        ("mid-1980s", date(1983, 1, 1), date(1987, 12, 31)),
        ("end of the 1990s", date(1997, 1, 1), date(1999, 12, 31)),
        ("first half of 2016", date(2016, 1, 1), date(2016, 6, 30)),
        ("H2 2016", date(2016, 7, 1), date(2016, 12, 31)),
        ("the second half of 2015", date(2015, 7, 1), date(2015, 12, 31)),
        ("late March/early April 2016", date(2016, 3, 21), date(2016, 4, 10)),
        ("late March - early April 2016", date(2016, 3, 21), date(2016, 4, 10)),
        ("late Nov/Dec 2016", date(2016, 11, 21), date(2016, 12, 31)),
        ("late 2015/early 2016", date(2015, 9, 1), date(2016, 4, 30)),
        ("spring/early summer 2016", date(2016, 3, 1), date(2016, 6, 30)),
        ("Christmas/New Year 2015/16", date(2015, 12, 24), date(2016, 1, 1)),
        ("Xmas/New Year 2016/17", date(2016, 12, 24), date(2017, 1, 1)),
        ("early-mid 2016", date(2016, 1, 1), date(2016, 8, 31)),
        ("mid to late March 2016", date(2016, 3, 11), date(2016, 3, 31)),
        ("end of Q3 2016/17", date(2016, 12, 2), date(2016, 12, 31)),
        ("late summer 2016", date(2016, 8, 2), date(2016, 8, 31)),
        ("Dec/Jan 2016/17", date(2016, 12, 1), date(2017, 1, 31)),
        ("approx. end of Q4 2016/17", date(2017, 3, 2), date(2017, 3, 31)),
        ("c. late 1990s", date(1997, 1, 1), date(1999, 12, 31)),
        ("the early part of 2016", date(2016, 1, 1), date(2016, 4, 30)),
        ("latter part of 2015", date(2015, 9, 1), date(2015, 12, 31)),
        ("the last quarter of 2016", date(2016, 10, 1), date(2016, 12, 31)),
        ("second quarter of 2016", date(2016, 4, 1), date(2016, 6, 30)),
        ("late '90s", date(1997, 1, 1), date(1999, 12, 31)),
        ("the mid 90s", date(1993, 1, 1), date(1997, 12, 31)),
    ],
)
def test_rough_dates_in_words_are_read_as_the_span_they_cover(written, start, end):
    from app.chronology.dates import parse_date

    parsed = parse_date(written)
    assert (parsed.precision, parsed.start, parsed.end, parsed.problem) == (
        "approximate", start, end, "")  # fmt: skip


@pytest.mark.parametrize(
    "written",
    [
        "Home visit/Call 2016",
        "N/A",
        "late 1890s",
        "early-late",
        "end of 14/03/2016",
        "early part of the week",
        "fifth quarter of 2016",
        "before 2010",
        "Monday - Friday 2016",
        "around Christmas 2015",
        "Christmas/New Year 2016",
        "Dec/Jan 2017",
        "Mon/Tue 2016",
    ],  # fmt: skip
)
def test_words_no_span_is_drawn_from_stay_flagged(written):
    """Not dates at all, days of some week, open before, or a rough time round a named day whose
    reach no one can say ("around Christmas 2015": the earlier rounds keep it flagged)."""
    from app.chronology.dates import parse_date

    assert not parse_date(written).ok


def test_day_numbers_and_fractions_of_a_day_with_a_decimal_comma_are_read():
    from app.chronology.dates import parse_date, parse_time

    assert parse_time("0,4375") == "10:30"
    assert parse_time("0,438888888888889") == "10:32"
    parsed = parse_date("42443,4388888889")
    assert (parsed.start, parsed.time) == (date(2016, 3, 14), "10:32")
    assert parse_time("0,5,1") == ""  # not a number at all


def test_a_date_hierarchys_year_quarter_month_and_day_are_one_date():
    from app.chronology.date_parts import joined_date_parts

    headers = ["Year", "Quarter", "Month", "Day", "Note"]
    rows = [(2, [2016, "Qtr 1", "March", 14, "Seen"]), (3, [2016, "Qtr 2", "April", 3, "Call"])]
    rows, headers, notes = joined_date_parts(headers, rows)
    assert headers == ["Date (Year, Quarter, Month, Day)", "Note"]
    assert [cells for _n, cells in rows] == [["14 March 2016", "Seen"], ["3 April 2016", "Call"]]
    assert "Year, Quarter, Month, Day" in notes[0]
    # largest first without the quarter, and year and month alone, are read too
    _rows, headers, _notes = joined_date_parts(
        ["Yr", "Mth", "Dd", "Note"], [(2, [2016, 3, 14, "a"]), (3, [2016, 4, 3, "b"])]
    )
    assert headers[0] == "Date (Yr, Mth, Dd)"
    rows, headers, _notes = joined_date_parts(
        ["Year", "Month", "Note"], [(2, [2016, "Mar", "a"]), (3, [2016, "Apr", "b"])]
    )
    assert [cells[0] for _n, cells in rows] == ["March 2016", "April 2016"]


def test_an_rtf_document_written_from_an_html_email_is_read_from_its_page(tmp_path):
    from app.chronology.reading import read_table
    from app.chronology.rtf_html import html_of_rtf

    data = (
        rb"{\rtf1\ansi\ansicpg1252\fromhtml1 {\fonttbl{\f0 Arial;}}{\*\htmltag64 <td>}"
        rb"\htmlrtf {\htmlrtf0 Caf\'e9 & 5 < 6\htmlrtf\par}\htmlrtf0{\*\htmltag72 </td>}"
        rb"\htmlrtf {\b only for RTF}\htmlrtf0 }"
    )
    assert html_of_rtf(data) == "<td>Caf\u00e9 &amp; 5 &lt; 6</td>"
    path, _truth = files.html_email_as_rtf(tmp_path)
    table = read_table(path)
    assert table.headers == ["Date", "Health visitor", "Contact", "Summary"]
    assert len(table.rows) == 8
    assert "HTML e-mail" in " ".join(table.notes)


def test_a_page_header_of_the_title_and_its_page_number_is_left_out(tmp_path):
    from openpyxl import Workbook

    from app.chronology.reading import read_table

    wb = Workbook()
    ws = wb.active
    for row in [["Contacts Report", "Page 1 of 2"], ["Date", "Note"], ["14/03/2016", "Seen"],
                ["Contacts Report", "Page 2 of 2"], ["15/03/2016", "Called"],
                ["Contacts Report", "Not a page"]]:  # fmt: skip
        ws.append(row)
    wb.save(tmp_path / "r.xlsx")
    table = read_table(tmp_path / "r.xlsx")
    assert [cells for _n, cells in table.rows] == [
        ["14/03/2016", "Seen"], ["15/03/2016", "Called"], ["Contacts Report", "Not a page"]]  # fmt: skip
    assert [(o.row, o.reason) for o in table.left_out] == [
        (4, "the report's title repeated (a page header)")]  # fmt: skip


def test_a_page_header_of_print_line_title_and_page_number_is_left_out(tmp_path):
    from openpyxl import Workbook

    from app.chronology.reading import read_table

    wb = Workbook()
    ws = wb.active
    for row in [["Printed 01/12/2026", "Contacts Report", "Page 1 of 2"], ["Date", "Who", "Note"],
                ["14/03/2016", "Jo", "Seen"],
                ["Printed 01/12/2026", "Contacts Report", "Page 2 of 2"],
                ["15/03/2016", "Jo", "Called"],
                ["Printed 01/12/2026", "Jo", "Letter to the GP"]]:  # fmt: skip
        ws.append(row)
    wb.save(tmp_path / "r.xlsx")
    table = read_table(tmp_path / "r.xlsx")
    assert [o.row for o in table.left_out] == [4]
    # a row with the print line but not the title is no page header: kept, to be flagged
    assert [n for n, _cells in table.rows] == [3, 5, 6]


def test_a_web_archive_brought_into_a_word_document_is_read(tmp_path):
    from app.chronology.reading import read_table

    path, _truth = files.mht_inside_docx(tmp_path)
    table = read_table(path)
    assert table.headers[:3] == ["Date", "Time", "Author"]
    assert len(table.rows) == 8


def test_when_a_concern_was_logged_is_never_the_date_of_the_concern(tmp_path):
    from app.chronology.columns import plan_columns
    from tests.chronology.round_checks import table_of

    rows = [["Date Logged", "Concern Date", "Summary"],
            ["15/03/2016", "14/03/2016", "Bruise seen on the arm at PE."],
            ["04/04/2016", "03/04/2016", "Collected late again by an adult."],
            ["07/05/2016", "06/05/2016", "Hungry on arrival; no breakfast."]]  # fmt: skip
    table = table_of(tmp_path, rows)
    plan = plan_columns(table.headers, table.rows)
    assert (plan.mapping["date"], plan.mapping["recorded"]) == (1, 0)
    # a file whose only date is when each line was logged is dated by it
    table = table_of(tmp_path, [[r[0], r[2]] for r in rows])
    assert plan_columns(table.headers, table.rows).mapping["date"] == 0
