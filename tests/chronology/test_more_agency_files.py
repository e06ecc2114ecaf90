"""More agency files (tests/chronology/more_agency_files.py) imported through the command line
with no options, every entry right; and each rule they needed, on its own."""

from datetime import date

import pytest

from app.chronology.columns import plan_columns
from app.chronology.date_order import decide_order
from app.chronology.dates import parse_date
from app.chronology.labelled_cells import labelled_cells
from tests.chronology.more_agency_files import FILES
from tests.chronology.robust_files import TEXTS, differences
from tests.chronology.test_robust_files import _entries, _import, store_path  # noqa: F401


@pytest.mark.parametrize("name", sorted(FILES))
def test_each_file_imports_fully_right_with_no_options(store_path, tmp_path, capsys, name):  # noqa: F811
    path, truth = FILES[name](tmp_path)
    code, output = _import(store_path, path, capsys)
    assert code == 0, output
    assert differences(_entries(store_path), truth) == [], output


def _rows(*columns):
    return [(n + 2, list(cells)) for n, cells in enumerate(zip(*columns, strict=True))]


def test_a_time_heading_over_numbers_reads_them_as_the_24_hour_clock():
    days = [date(2016, 3, d) for d in range(1, 7)]
    plan = plan_columns(
        ["Date", "Time of call", "Summary"],
        _rows(days, [1032.0, 905.0, 1430, 2359, 815, 0], TEXTS[:6]),
    )
    assert plan.mapping["time"] == 1
    # Numbers that are no clock (a minute over 59) are not times, whatever the heading.
    plan = plan_columns(
        ["Date", "Time of call", "Summary"],
        _rows(days, [1075, 990, 3000, 1261, 4410, 999], TEXTS[:6]),
    )
    assert "time" not in plan.mapping


def test_names_with_their_role_in_brackets_are_the_practitioners():
    people = [f"{n} (Care Coordinator)" for n in ("Sam Ellery", "Priya Nandakumar", "Tomos Rees")]
    plan = plan_columns(
        ["Date", "Originator", "Progress note"],
        _rows(["14/03/2016", "03/04/2016", "06/05/2016"] * 2, people * 2, TEXTS[:6]),
    )
    assert plan.mapping["practitioner"] == 1


def test_a_practitioner_written_with_their_role_gives_the_name_and_the_role(
    store_path,  # noqa: F811
    tmp_path,
    capsys,
):
    import csv

    path = tmp_path / "roles.csv"
    rows = [
        ["Date", "Worker", "Role", "Note"],
        ["14/03/2016", "Sam Ellery (Social Worker)", "", TEXTS[0]],
        ["03/04/2016", "Priya Nandakumar (Health Visitor)", "", TEXTS[1]],
        ["06/05/2016", "Tomos Rees (Team Manager)", "Deputy manager", TEXTS[2]],
        ["07/05/2016", "Tomos Rees", "Deputy manager", TEXTS[3]],
        ["21/06/2016", "Duty Team (Brackenford)", "Duty worker", TEXTS[4]],
        ["22/06/2016", "Kerry Walsh (Early Help)", "", TEXTS[5]],
        ["23/06/2016", "MASH (Tier 2)", "Duty worker", TEXTS[6]],
        ["24/06/2016", "CAMHS (Tier 3)", "", TEXTS[7]],
    ]
    with open(path, "w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows(rows)
    assert _import(store_path, path, capsys)[0] == 0
    found = [(e.practitioner, e.role) for e in _entries(store_path)]
    assert found == [
        ("Sam Ellery", "Social Worker"),
        ("Priya Nandakumar", "Health Visitor"),
        # The file's own role wins; the practitioner is then kept as written.
        ("Tomos Rees (Team Manager)", "Deputy manager"),
        ("Tomos Rees", "Deputy manager"),
        ("Duty Team (Brackenford)", "Duty worker"),
        ("Kerry Walsh", "Early Help"),
        ("MASH (Tier 2)", "Duty worker"),
        ("CAMHS (Tier 3)", ""),  # a service, not a name
    ]


def test_kinds_of_contact_under_a_service_heading_are_the_type_but_agency_names_are_not():
    days = ["14/03/2016", "03/04/2016", "06/05/2016", "21/06/2016"] * 2
    kinds = ["Home visit", "Telephone call", "Strategy meeting", "Assessment"] * 2
    plan = plan_columns(["Date", "Service", "Note"], _rows(days, kinds, TEXTS))
    assert plan.mapping["event_type"] == 1
    agencies = ["Health Visiting", "School Nursing", "Police", "Assessment"] * 2
    plan = plan_columns(["Date", "Service", "Note"], _rows(days, agencies, TEXTS))
    assert "event_type" not in plan.mapping


def test_a_heading_saying_how_dates_are_written_decides_when_no_value_does():
    ambiguous = ["03/04/2016", "04/03/2016", "06/05/2016"]
    assert decide_order(ambiguous, headings=["Date (MM/DD/YYYY)"]).order == "mdy"
    assert decide_order(ambiguous, headings=["Date of contact dd/mm/yy"]).order == "dmy"
    assert decide_order(ambiguous, headings=["Date"]).decided_by == "default"
    # A value that can only be read one way outweighs the heading.
    assert decide_order([*ambiguous, "14/03/2016"], headings=["Date (MM/DD/YYYY)"]).order == "dmy"


def test_the_weekdays_written_before_the_dates_decide_their_order():
    # 03/04/2016: Sunday 3 April day first, Friday 4 March month first.
    assert decide_order(["Fri 03/04/2016", "Tue 08/02/2016"]).order == "mdy"
    assert decide_order(["Sun 03/04/2016", "Mon 08/02/2016"]).order == "dmy"
    # Weekdays fitting both readings in turn settle nothing.
    assert decide_order(["Fri 03/04/2016", "Mon 08/02/2016"]).decided_by == "default"


def test_a_weekday_that_is_not_the_dates_keeps_the_date_and_says_so():
    parsed = parse_date("Tuesday 14/03/2016")
    assert parsed.start == date(2016, 3, 14)
    assert "is a Monday, not a Tuesday" in parsed.problem
    assert parse_date("Mon 14/03/2016").problem == ""
    assert "not a Tuesday" in parse_date("14/03/2016 (Tue)").problem


def test_a_remark_in_brackets_after_a_date_keeps_the_date_as_written():
    parsed = parse_date("14/03/2016 10:32 (late entry)")
    assert (parsed.start, parsed.time, parsed.text) == (
        date(2016, 3, 14),
        "10:32",
        "14/03/2016 10:32 (late entry)",
    )
    assert not parse_date("14/03/2016 (or 15/03)").ok  # a remark with figures: never guessed
    about = parse_date("On or about 14/03/2016")
    assert (about.precision, about.start) == ("approximate", date(2016, 3, 14))


def test_labelled_lines_in_a_cell_become_columns_when_they_carry_fields_of_their_own():
    blocks = [
        f"Contact type: Office visit\nOutcome: Attended\nNotes: {TEXTS[i]}\ncontinued"
        for i in range(4)
    ]
    rows, headers, notes = labelled_cells(["Date", "Contact"], _rows(["14/03/2016"] * 4, blocks))
    assert headers == ["Date", "Contact", "Contact type", "Outcome", "Notes"]
    assert rows[0][1][1:] == [None, "Office visit", "Attended", f"{TEXTS[0]}\ncontinued"]
    assert notes and "Contact type:" in notes[0]
    # Parts of one narrative (History:, Plan:) stay whole in their cell.
    parts = [f"History: {TEXTS[i]}\nPlan: review in two weeks" for i in range(4)]
    given = _rows(["14/03/2016"] * 4, parts)
    assert labelled_cells(["Date", "Entry"], given) == (given, ["Date", "Entry"], [])


def test_a_span_written_without_spaces_round_its_dash_is_read_as_a_span():
    stay = parse_date("03/04/2016-06/04/2016")
    assert (stay.start, stay.end, stay.precision) == (date(2016, 4, 3), date(2016, 4, 6), "day")
    months = parse_date("June-July 2016")
    assert (months.start, months.end) == (date(2016, 6, 1), date(2016, 7, 31))
    assert parse_date("14-03-2016").start == date(2016, 3, 14)  # one date, dashes between
    assert not parse_date("06/04/2016-03/04/2016").ok  # ends before it starts


def test_a_date_headed_as_reported_gives_way_to_one_naming_when_it_happened():
    reported = ["15/03/2016 11:32", "04/04/2016 15:30", "07/05/2016 10:05"] * 2
    occurred = ["14/03/2016 10:32", "03/04/2016 14:30", "06/05/2016 09:05"] * 2
    headings = ["Date/Time Reported", "Occurred From", "Summary"]
    plan = plan_columns(headings, _rows(reported, occurred, TEXTS[:6]))
    assert (plan.mapping["date"], plan.mapping["recorded"]) == (1, 0)
    # Alone, it is the date of the entries; beside an identifier it keeps its place too.
    plan = plan_columns(["Date/Time Reported", "Summary"], _rows(reported, TEXTS[:6]))
    assert plan.mapping["date"] == 0
    plan = plan_columns(
        ["Case Note ID", "Date of Note", "Case Note"],
        _rows([48113.0 + n for n in range(6)], occurred, TEXTS[:6]),
    )
    assert plan.mapping["date"] == 1


def test_a_file_with_no_header_row_keeps_its_first_line_as_an_entry(store_path, tmp_path, capsys):  # noqa: F811
    path, _truth = FILES["no_header_row"](tmp_path)
    code, output = _import(store_path, path, capsys)
    assert code == 0, output
    assert "no header row" in output
    assert [e.source_row for e in _entries(store_path)] == list(range(1, 9))
    # A first line of headings is still the header, however few of them ReviewDesk knows.
    header = tmp_path / "headings.csv"
    header.write_text("When,Who,What,Story\n" + path.read_text(encoding="utf-8"), "utf-8")
    code, output = _import(store_path, header, capsys)
    assert code == 0 and "no header row" not in output, output
