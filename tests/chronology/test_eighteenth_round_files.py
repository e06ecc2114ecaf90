"""The eighteenth round's files (eighteenth_round_files.py) imported through the command line
with no options, every entry right and nothing the file holds lost; and each rule they needed,
on its own."""

from datetime import date

import pytest

from tests.chronology import eighteenth_round_files as files
from tests.chronology.round_checks import check_file_imports_fully_right, round_cases
from tests.chronology.test_robust_files import _entries, _import, store_path  # noqa: F401

FILES = {**files.FILES, **getattr(files, "LATER", {})}
# Files not yet imported fully right (marked so before the rules they need are written).
NOT_YET: set[str] = set()


@pytest.mark.parametrize("name", round_cases(FILES, NOT_YET))
def test_each_file_imports_fully_right_with_no_options(store_path, tmp_path, capsys, name):  # noqa: F811
    check_file_imports_fully_right(FILES, name, store_path, tmp_path, capsys, round_module=files)


# --- each rule on its own -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "start", "end", "time"),
    [
        ("April 3, 2016 2:30 PM \u2192 April 5, 2016", date(2016, 4, 3), date(2016, 4, 5), "14:30"),
        ("March 14, 2016 \u2192 March 16, 2016", date(2016, 3, 14), date(2016, 3, 16), ""),
        ("2016-03-14 - 2016-03-16", date(2016, 3, 14), date(2016, 3, 16), ""),
        ("2016-03-14 -> 2016-03-16", date(2016, 3, 14), date(2016, 3, 16), ""),
        ("Tue, 21 Jun 2016 15:45:00 GMT", date(2016, 6, 21), date(2016, 6, 21), "16:45"),
        ("Mon, 14 Mar 2016 10:32:00 GMT", date(2016, 3, 14), date(2016, 3, 14), "10:32"),
        ("Sat, 31 Dec 2016 23:30:00 GMT", date(2016, 12, 31), date(2016, 12, 31), "23:30"),
        ("14-MAR-16 10.32.00.000000000 AM", date(2016, 3, 14), date(2016, 3, 14), "10:32"),
        ("21-JUN-16 04.45.00.000000000 PM", date(2016, 6, 21), date(2016, 6, 21), "16:45"),
    ],
)
def test_ranges_http_dates_and_database_timestamps_are_read(written, start, end, time):
    from app.chronology.dates import parse_date

    parsed = parse_date(written)
    assert (parsed.start, parsed.end, parsed.time, parsed.problem) == (start, end, time, "")


def test_a_gmt_time_typed_without_seconds_stays_as_the_uk_clock_showed_it():
    """Only a system's stamp to the second is UTC; "15:45 GMT" typed by a person is left as
    written (as before)."""
    from app.chronology.dates import parse_date

    assert parse_date("21/06/2016 15:45 GMT").time == "15:45"


def test_words_either_side_of_a_spaced_dash_that_are_not_dates_stay_flagged():
    from app.chronology.dates import parse_date

    assert not parse_date("Monday - Friday 2016").ok
    assert not parse_date("Home visit - 2016-03-14 note").ok


def test_a_register_session_column_is_not_the_type(tmp_path):
    from app.chronology.columns import plan_columns
    from app.chronology.reading import read_table

    path, _truth = files.welfare_log_sessions(tmp_path)
    table = read_table(path)
    plan = plan_columns(table.headers, table.rows)
    assert plan.mapping.get("event_type") == table.headers.index("Action")
    assert table.headers.index("Session") not in plan.mapping.values()


def test_utf8_read_as_windows_1252_and_saved_again_is_put_back(tmp_path):
    from app.chronology.csv_text import read_csv

    text = 'Date,Worker,Note\r\n14/03/2016,Siân Prydderch,"mum’s partner — “no” said"\r\n'
    text += "03/04/2016,Dafydd Llŷr,café visit\r\n"
    garbled = "".join(bytes([b]).decode("cp1252", "ignore") or chr(b) for b in text.encode())
    path = tmp_path / "m.csv"
    path.write_text(garbled, encoding="utf-8", newline="")
    rows, notes, _problems = read_csv(path, 100)
    assert rows[1] == ["14/03/2016", "Siân Prydderch", "mum’s partner — “no” said"]
    assert rows[2][1] == "Dafydd Llŷr"
    assert "misread as Windows-1252" in notes[0]


def test_plain_utf8_with_a_capital_a_tilde_is_left_alone(tmp_path):
    from app.chronology.csv_text import read_csv

    path = tmp_path / "p.csv"
    path.write_text("Date,Note\r\n14/03/2016,São Paulo visit; Ã¢ once\r\n", encoding="utf-8")
    rows, _notes, _problems = read_csv(path, 100)
    assert rows[1][1] == "São Paulo visit; Ã¢ once"


def test_a_name_column_titling_each_row_is_not_the_practitioner():
    from app.chronology.columns import plan_columns
    from tests.chronology.round_checks import rows_of

    rows = rows_of([f"Entry {n}" for n in range(1, 7)],
                   ["14/03/2016", "03/04/2016", "06/05/2016", "21/06/2016", "02/08/2016",
                    "12/09/2016"], [f"A note long enough to be the narrative {n}" for n in range(6)])  # fmt: skip
    plan = plan_columns(["Name", "Date", "Details"], rows)
    assert "practitioner" not in plan.mapping


def test_a_steps_own_time_gives_way_to_the_time_in_the_date_and_time_column():
    from app.chronology.columns import plan_columns
    from tests.chronology.round_checks import rows_of

    rows = rows_of(["14/03/2016 10:32", "03/04/2016 14:30", "06/05/2016 09:05"],
                   ["10:44", "14:42", "09:17"], ["Note long enough one", "Note long enough two",
                                                  "Note long enough three"])  # fmt: skip
    plan = plan_columns(["Arrival Date/Time", "Triage Time", "Notes"], rows)
    assert "time" not in plan.mapping
    plain = plan_columns(["Date", "Triage Time", "Notes"],
                         rows_of(["14/03/2016", "03/04/2016", "06/05/2016"], ["10:44", "14:42", "09:17"],
                                 ["Note long enough one", "Note long enough two", "Note three x"]))  # fmt: skip
    assert plain.mapping.get("time") == 1  # with a date alone, the step's time is still read


def test_select_into_outfile_escapes_are_read_back(tmp_path):
    from app.chronology.csv_text import read_csv

    path = tmp_path / "dump.txt"
    path.write_text(
        "when\twho\tnote\n"
        "2016-03-14 10:32:00\t\\N\tFirst line.\\\nSecond line\\twith a tab; C:\\\\temp\n"
        "2016-04-03 14:30:00\tSam Ellery\tOne line\n",
        encoding="utf-8",
        newline="",
    )
    rows, notes, _problems = read_csv(path, 100)
    assert rows[1] == ["2016-03-14 10:32:00", "", "First line.\nSecond line\twith a tab; C:\\temp"]
    assert rows[2] == ["2016-04-03 14:30:00", "Sam Ellery", "One line"]
    assert any("INTO OUTFILE" in n for n in notes)


def test_a_tab_separated_file_with_a_windows_path_is_left_as_written(tmp_path):
    from app.chronology.csv_text import read_csv

    path = tmp_path / "plain.txt"
    path.write_text("when\tnote\n14/03/2016\tSaved to C:\\temp\\notes\n", encoding="utf-8")
    rows, _notes, _problems = read_csv(path, 100)
    assert rows[1] == ["14/03/2016", "Saved to C:\\temp\\notes"]
