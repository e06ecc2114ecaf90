"""The ninth round's files (ninth_round_sheets.py, ninth_round_text.py) imported through the
command line with no options, every entry right and nothing the file holds lost; and each rule
they needed, on its own."""

from datetime import date

import pytest

from app.chronology.dates import parse_date
from app.chronology.reading import read_table
from tests.chronology import ninth_round_sheets, ninth_round_text
from tests.chronology.robust_files import DAYS, TEXTS, TYPES, WORKERS
from tests.chronology.round_checks import check_file_imports_fully_right, table_of
from tests.chronology.test_robust_files import (
    _entries,
    store_path,  # noqa: F401
)

FILES = {**ninth_round_sheets.FILES, **ninth_round_text.FILES}
DATES = [f"{d:%d/%m/%Y}" for d in DAYS]


def _all_text(rows) -> str:
    return "\n".join(str(v) for r in rows for v in vars(r).values() if isinstance(v, str))


@pytest.mark.parametrize("name", sorted(FILES))
def test_each_file_imports_fully_right_with_no_options(store_path, tmp_path, capsys, name):  # noqa: F811
    check_file_imports_fully_right(FILES, name, store_path, tmp_path, capsys)
    kept = _all_text(_entries(store_path))
    assert [t for t in ninth_round_sheets.KEPT.get(name, []) if t not in kept] == []


# --- each rule on its own -------------------------------------------------------------------


def test_a_wider_export_pasted_under_keeps_the_first_header_and_names_its_columns(tmp_path):
    from app.chronology.layout import OTHER_HEADINGS

    rows = [["Date", "Worker", "Note"]]
    rows += [[DATES[i], WORKERS[i % 4], TEXTS[i]] for i in range(3)]
    rows += [["Date", "Time", "Worker", "Contact Type", "Note", "Location"]]
    rows += [[DATES[i], "10:32", WORKERS[i % 4], TYPES[i % 4], TEXTS[i], "Clinic"]
             for i in range(3, 6)]  # fmt: skip
    table = table_of(tmp_path, rows)
    assert [n for n, _c in table.rows] == [2, 3, 4, 6, 7, 8]  # nothing above it lost
    assert table.left_out[0].reason.startswith(OTHER_HEADINGS)
    assert table.headers == ["Date", "Worker", "Note", "Time", "Contact Type", "Location"]
    assert table.rows[3][1] == [DATES[3], WORKERS[3], TEXTS[3], "10:32", TYPES[3], "Clinic"]
    assert table.rows[0][1][3:] == ["", "", ""]
    assert any("more columns" in n for n in table.notes)


def test_csv_rows_under_a_wider_header_are_not_joined_and_prose_cut_at_commas_is(tmp_path):
    path = tmp_path / "t.csv"
    lines = ["Date,Worker,Note", f"{DATES[0]},{WORKERS[0]},{TEXTS[0]}",
             f"{DATES[1]},{WORKERS[1]},{TEXTS[1]}", f"{DATES[2]},{WORKERS[2]},{TEXTS[2]}",
             "Date,Worker,Note,Risk Level,Review Date", f"{DATES[3]},{WORKERS[3]},x,High,{DATES[4]}"]  # fmt: skip
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    table = read_table(path)
    assert table.rows[0][1][2] == TEXTS[0] and not table.row_flags  # "present, flat cold, ..."
    assert table.rows[-1][1][:5] == [DATES[3], WORKERS[3], "x", "High", DATES[4]]
    # A name cut at its comma ("Ellery, Sam") moves the note: the row is flagged.
    path.write_text(f"Date,Worker,Note\n{DATES[0]},Ellery, Sam,{TEXTS[1]}\n" * 1
                    + f"{DATES[1]},{WORKERS[1]},{TEXTS[1]}\n" * 3, encoding="utf-8")  # fmt: skip
    assert read_table(path).row_flags


def test_dates_without_separators_month_first_when_the_days_show_it():
    from app.chronology.date_order import decide_order

    assert decide_order(["03142016", "04032016", "06212016"]).order == "mdy"
    assert decide_order([3142016, 4032016, 11282016.0]).order == "mdy"
    assert decide_order(["14032016", "04032016"]).order == "dmy"
    assert decide_order([20160314, "20160403"]).decided_by == "none"  # year first: no doubt
    assert parse_date("04032016", order="mdy").start == date(2016, 4, 3)
    assert parse_date(4032016, order="mdy").start == date(2016, 4, 3)
    assert parse_date(4032016).start == date(2016, 3, 4)  # day first unless the file shows


def test_sql_server_stamps_with_a_colon_before_the_milliseconds():
    for text, time in (("Mar 14 2016 10:32:00:000AM", "10:32"), ("Apr  3 2016  2:30PM", "14:30"),
                       ("14 Mar 2016 10:32:00:000", "10:32")):  # fmt: skip
        read = parse_date(text)
        assert (read.start, read.time) == ({"A": date(2016, 4, 3)}.get(text[0], DAYS[0]), time)


def test_moments_counted_from_1970():
    summer = parse_date("/Date(1466523900000)/")
    assert (summer.start, summer.time) == (date(2016, 6, 21), "16:45")  # UTC 15:45, UK BST
    assert parse_date("/Date(1457951520000+0000)/").time == "10:32"
    assert parse_date("1457951520").start == DAYS[0]
    assert parse_date(1457951520000).time == "10:32"
    assert not parse_date("4857773456").ok  # an NHS number is no moment
    assert not parse_date("0123456789").ok


def test_separators_that_slipped_while_typing():
    for text in ("14.03/2016", "14//03/2016", "14-03/2016", "14,03,2016", "14 /03/2016"):
        read = parse_date(text)
        assert read.start == DAYS[0] and not read.problem, text
    assert not parse_date("14,03").ok


def test_welsh_months_after_o_and_am_before_the_time():
    assert parse_date("14eg o Fawrth 2016").start == DAYS[0]
    assert parse_date("6ed o Fai 2016").start == date(2016, 5, 6)
    assert parse_date("28ain o Dachwedd 2016").start == date(2016, 11, 28)
    read = parse_date("21/06/2016 am 16:45")
    assert (read.start, read.time) == (date(2016, 6, 21), "16:45")
    assert parse_date("14/03/2016 am").time == ""  # the morning, as before


def test_welsh_headings_name_their_fields():
    from app.chronology.mapping import guess_mapping

    mapping = guess_mapping(["Dyddiad y cyswllt", "Amser", "Enw'r ymarferydd", "Math o gyswllt",
                             "Manylion y cyswllt", "Dadansoddiad", "Canlyniad"])  # fmt: skip
    assert mapping == {"date": 0, "time": 1, "practitioner": 2, "event_type": 3, "event": 4,
                       "significance": 5, "outcome": 6}  # fmt: skip


def test_who_keyed_the_record_in_gives_way_to_the_practitioner():
    from app.chronology.mapping import guess_mapping

    assert guess_mapping(["Date", "Entered by", "Originator", "Note"])["practitioner"] == 2
    assert guess_mapping(["Date", "Entered by", "Worker", "Note"])["practitioner"] == 2
    assert guess_mapping(["Date", "Entered by", "Note"])["practitioner"] == 1


def test_a_header_sorted_to_the_foot_of_its_rows(tmp_path):
    rows = [[DATES[i], WORKERS[i % 4], TEXTS[i]] for i in range(6)]
    rows.append(["Date", "Worker", "Event"])
    table = table_of(tmp_path, rows)
    assert table.headers == ["Date", "Worker", "Event"]
    assert [n for n, _c in table.rows] == [1, 2, 3, 4, 5, 6]  # each row keeps its number
    assert "under the entries" in table.notes[0]
    # A header with rows under it, or with undated rows above it, stays where it is.
    from app.chronology.layout import find_layout, header_sorted_down

    top = [["Date", "Worker", "Event"], *rows[:6]]
    assert header_sorted_down(top, find_layout(top)) is None
    notes = [["Note one", "", ""], ["Note two", "", ""], ["Note three", "", ""], rows[6]]
    assert header_sorted_down(notes, find_layout(notes)) is None


def test_each_wider_export_places_its_columns_under_those_named_before(tmp_path):
    rows = [["Date", "Entry"], [DATES[0], TEXTS[0]], [DATES[1], TEXTS[1]]]
    rows += [["Date", "Worker", "Entry"], [DATES[2], WORKERS[2], TEXTS[2]]]
    rows += [["Date", "Time", "Worker", "Entry", "Location"]]
    rows += [[DATES[3], "10:32", WORKERS[3], TEXTS[3], "Clinic"]]
    rows += [["Date", "Entry"], [DATES[4], TEXTS[4]]]  # the first export's headings again
    table = table_of(tmp_path, rows)
    assert table.headers == ["Date", "Entry", "Worker", "Time", "Location"]
    cells = {n: c for n, c in table.rows}
    assert cells[5] == [DATES[2], TEXTS[2], WORKERS[2], "", ""]
    assert cells[7] == [DATES[3], TEXTS[3], WORKERS[3], "10:32", "Clinic"]
    assert cells[9][:2] == [DATES[4], TEXTS[4]] and not any(cells[9][2:])
