"""The nineteenth round's files (nineteenth_round_files.py) imported through the command line
with no options, every entry right and nothing the file holds lost; and each rule they needed,
on its own."""

import json
from datetime import date, datetime

import pytest

from tests.chronology import nineteenth_round_files as files
from tests.chronology.round_checks import check_file_imports_fully_right, round_cases, rows_of
from tests.chronology.test_robust_files import _entries, _import, store_path  # noqa: F401

FILES = {**files.FILES, **getattr(files, "LATER", {})}
# Files not yet imported fully right (marked so before the rules they need are written).
NOT_YET: set[str] = set()


@pytest.mark.parametrize("name", round_cases(FILES, NOT_YET))
def test_each_file_imports_fully_right_with_no_options(store_path, tmp_path, capsys, name):  # noqa: F811
    check_file_imports_fully_right(FILES, name, store_path, tmp_path, capsys, round_module=files)


# --- each rule on its own -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "day", "time"),
    [
        ("Tue Jun 21 16:45:00 BST 2016", date(2016, 6, 21), "16:45"),
        ("Mon Mar 14 10:32:00 GMT 2016", date(2016, 3, 14), "10:32"),
        ("Tue Jun 21 15:45:00 UTC 2016", date(2016, 6, 21), "16:45"),
        ("Tue 21 Jun 16:45:00 BST 2016", date(2016, 6, 21), "16:45"),
        ("Tuesday, 21 June 2016 at 16:45:00 British Summer Time", date(2016, 6, 21), "16:45"),
        ("Monday, 14 March 2016 at 10:32:00 Greenwich Mean Time", date(2016, 3, 14), "10:32"),
        ("21 June 2016 at 15:45:00 Coordinated Universal Time", date(2016, 6, 21), "16:45"),
        ("20160621T154500Z", date(2016, 6, 21), "16:45"),
        ("20161128T235500Z", date(2016, 11, 28), "23:55"),
        ("20160314T103200", date(2016, 3, 14), "10:32"),
        ("14\u201103\u20112016", date(2016, 3, 14), ""),
        ("2016\u201003\u201014 10:32", date(2016, 3, 14), "10:32"),
        ("14\u221503\u22152016", date(2016, 3, 14), ""),
        ("1466523900.000200", date(2016, 6, 21), "16:45"),
    ],
)
def test_system_stamps_zones_in_words_and_other_hyphens_are_read(written, day, time):
    from app.chronology.dates import parse_date

    parsed = parse_date(written)
    assert (parsed.start, parsed.end, parsed.time, parsed.problem) == (day, day, time, "")


def test_a_zone_the_uk_clock_cannot_be_told_from_and_ranges_stay_as_before():
    from app.chronology.dates import parse_date, parse_time

    assert not parse_date("Tue Jun 21 16:45:00 EST 2016").ok  # another country's clock
    ranged = parse_date("21\u201324 Jun 2016")  # an en dash is still a range, not a hyphen
    assert (ranged.start, ranged.end) == (date(2016, 6, 21), date(2016, 6, 24))
    assert parse_time("1466523900.000200") == ""  # seconds since 1970 are no time of day
    assert parse_time("42443.4388888889") == "10:32"  # a day number's fraction still is


def _import_rows(store_path, tmp_path, capsys, rows, name="u.csv"):  # noqa: F811
    from tests.chronology.robust_files import _csv

    path = tmp_path / name
    _csv(path, rows)
    code, output = _import(store_path, path, capsys)
    assert code == 0, output
    return sorted(_entries(store_path), key=lambda r: r.date_start), " ".join(output.split())


def test_times_under_a_heading_saying_utc_are_put_on_the_uk_clock(store_path, tmp_path, capsys):  # noqa: F811
    rows = [["created_utc", "Worker", "Notes"],
            ["2016-06-21 23:30:00", "Sam Ellery", "Late call from the family about the move"],
            ["2016-03-14 10:32:00", "Sam Ellery", "Home visit made; mother and baby present"],
            ["2016-08-02T10:00:00Z", "Sam Ellery", "Stamp written with its own zone already"]]  # fmt: skip
    entries, said = _import_rows(store_path, tmp_path, capsys, rows)
    got = [(r.date_start, r.time) for r in entries]
    assert got == [(date(2016, 3, 14), "10:32"), (date(2016, 6, 22), "00:30"),
                   (date(2016, 8, 2), "11:00")]  # fmt: skip
    assert "are UTC, as its heading says" in said


def test_times_under_a_plain_heading_are_left_as_written(store_path, tmp_path, capsys):  # noqa: F811
    rows = [["Date", "Worker", "Notes"],
            ["2016-06-21 23:30:00", "Sam Ellery", "Late call from the family about the move"],
            ["2016-03-14 10:32:00", "Sam Ellery", "Home visit made; mother and baby present"]]  # fmt: skip
    entries, said = _import_rows(store_path, tmp_path, capsys, rows)
    assert [(r.date_start, r.time) for r in entries] == [
        (date(2016, 3, 14), "10:32"),
        (date(2016, 6, 21), "23:30"),
    ]
    assert "UTC" not in said


def test_a_chat_services_own_messages_in_a_json_export_are_left_out(tmp_path):
    from app.chronology.record_files import read_json_records

    messages = [{"messageType": "message", "createdDateTime": f"2016-03-1{n}T10:00:00Z",
                 "from": "Sam Ellery", "body": f"Message {n} about the visit"} for n in range(4)]  # fmt: skip
    messages.insert(2, {"messageType": "systemEventMessage", "createdDateTime":
                        "2016-03-12T09:00:00Z", "from": "", "body": "Grace was added"})  # fmt: skip
    path = tmp_path / "chat.json"
    path.write_text(json.dumps({"value": messages}), encoding="utf-8")
    rows, notes = read_json_records(path)
    assert len(rows) == 5 and all("added" not in " ".join(map(str, r)) for r in rows)
    assert any("Grace was added" in n for n in notes)


def test_records_that_are_mostly_of_one_kind_named_like_a_system_are_all_kept(tmp_path):
    """When most records carry the kind, it is the records' own (not a chat service's)."""
    from app.chronology.record_files import read_json_records

    records = [{"subtype": "System note", "date": f"2016-03-1{n}", "text": f"Note {n} text"}
               for n in range(4)]  # fmt: skip
    path = tmp_path / "notes.json"
    path.write_text(json.dumps(records), encoding="utf-8")
    rows, _notes = read_json_records(path)
    assert len(rows) == 5


def test_a_sub_heading_under_every_question_says_nothing_of_its_column():
    from app.chronology.layout import _combine_headings

    top = ["Date of contact", "Your name", "What happened?"]
    lower = ["Open-Ended Response", "Open-Ended Response", "Open-Ended Response"]
    assert _combine_headings([top, lower]) == top


def test_sub_headings_under_groups_of_columns_are_kept():
    from app.chronology.layout import _combine_headings

    top = ["Referral", "", "Assessment", "", "Notes"]
    lower = ["Date", "Time", "Date", "Time", ""]
    assert _combine_headings([top, lower]) == [
        "Referral Date", "Referral Time", "Assessment Date", "Assessment Time", "Notes"
    ]  # fmt: skip


def test_one_column_per_choice_is_read_as_the_choice_made():
    from app.chronology.choice_columns import choice_columns

    top = ["Date", "Contact type", "", "", "Notes"]
    lower = ["", "Visit", "Call", "Letter", ""]
    headers = ["Date", "Contact type Visit", "Contact type Call", "Contact type Letter", "Notes"]
    rows = rows_of(["14/03/2016", "03/04/2016", "06/05/2016"], ["1", "", ""], ["", "Call", ""],
                   ["", "", "\u2713"], ["a", "b", "c"])  # fmt: skip
    out, heads, notes = choice_columns([top, lower], headers, rows)
    assert heads == ["Date", "Contact type", "Notes"]
    assert [cells[1] for _n, cells in out] == ["Visit", "Call", "Letter"]
    assert "in a column each" in notes[0]


def test_columns_under_a_group_holding_their_own_values_are_left_alone():
    from app.chronology.choice_columns import choice_columns

    top = ["Date", "Referral", "", "Notes"]
    lower = ["", "Date", "Time", ""]
    headers = ["Date", "Referral Date", "Referral Time", "Notes"]
    rows = rows_of(["14/03/2016", "03/04/2016"], ["01/03/2016", "02/03/2016"],
                   ["10:32", "14:30"], ["a", "b"])  # fmt: skip
    assert choice_columns([top, lower], headers, rows) == (rows, headers, [])


def _stamp(day: int, hour: int) -> str:
    return f"03/{day:02d}/2016 {hour:02d}:{day:02d}:00 AM"


def test_a_forms_own_start_and_end_stamps_give_way_to_the_date_its_question_names():
    from app.chronology.columns import plan_columns

    rows = rows_of([_stamp(15, 10), _stamp(16, 9), _stamp(18, 11)],
                   [_stamp(15, 11), _stamp(16, 10), _stamp(18, 11)],
                   ["14/03/2016", "15/03/2016", "17/03/2016"],
                   ["Sam Ellery", "Sam Ellery", "Grace Adeyemi"],
                   ["Visit made, all well", "Call to school about it", "Meeting held today"])  # fmt: skip
    plan = plan_columns(["Start Date", "End Date", "Date of visit", "Worker", "Notes"], rows)
    assert plan.mapping["date"] == 2
    assert "end_date" not in plan.mapping


def test_an_appointments_start_and_end_dates_are_still_its_dates():
    from app.chronology.columns import plan_columns

    rows = rows_of([_stamp(15, 10), _stamp(16, 9), _stamp(18, 11)],
                   [_stamp(15, 11), _stamp(16, 10), _stamp(18, 11)],
                   ["Sam Ellery", "Sam Ellery", "Grace Adeyemi"],
                   ["Visit made, all well", "Call to school about it", "Meeting held today"])  # fmt: skip
    plan = plan_columns(["Start Date", "End Date", "Worker", "Notes"], rows)
    assert plan.mapping["date"] == 0


def test_an_empty_column_is_no_ones_practitioner():
    from app.chronology.columns import plan_columns

    rows = rows_of(["14/03/2016", "03/04/2016", "06/05/2016"], ["", "", ""],
                   ["Sam Ellery", "Priya Nandakumar", "Sam Ellery"],
                   ["Visit made, all well", "Call to school about it", "Meeting held today"])  # fmt: skip
    plan = plan_columns(["Date", "First Name", "Your name", "Notes"], rows)
    assert plan.mapping.get("practitioner") == 2


def test_a_date_cell_under_a_utc_heading_is_moved_too(store_path, tmp_path, capsys):  # noqa: F811
    from tests.chronology.seventh_round_sheets import _book, _save

    wb, _ws = _book([["Created (UTC)", "Worker", "Notes"],
                     [datetime(2016, 6, 21, 15, 45), "Sam Ellery", "Visit to the family home"],
                     [datetime(2016, 3, 14, 10, 32), "Sam Ellery", "Call to the school nurse"]])  # fmt: skip
    path = _save(wb, tmp_path, "cells.xlsx")
    code, output = _import(store_path, path, capsys)
    assert code == 0, output
    got = sorted((r.date_start, r.time) for r in _entries(store_path))
    assert got == [(date(2016, 3, 14), "10:32"), (date(2016, 6, 21), "16:45")]


def test_a_row_of_the_exports_own_column_ids_under_the_headings_is_left_out(
    store_path,  # noqa: F811
    tmp_path,
    capsys,
):
    rows = [["Date of visit", "Worker", "Notes"],
            ['{"ImportId":"QID1"}', '{"ImportId":"QID2"}', '{"ImportId":"QID3"}'],
            ["14/03/2016", "Sam Ellery", "Home visit made; mother and baby present"],
            ["03/04/2016", "Sam Ellery", "Call to the school nurse about the bruise"]]  # fmt: skip
    entries, said = _import_rows(store_path, tmp_path, capsys, rows)
    assert len(entries) == 2 and not any(r.flagged for r in entries)
    assert "the export's own ids for the columns" in said


def test_the_same_bare_figure_on_every_row_is_not_the_time():
    from app.chronology.columns import plan_columns

    rows = rows_of(["14/03/2016", "03/04/2016", "06/05/2016", "21/06/2016"], ["100"] * 4,
                   ["Visit made, all well", "Call to school about it", "Meeting held today",
                    "Letter sent to the GP"])  # fmt: skip
    assert "time" not in plan_columns(["Date", "Progress", "Notes"], rows).mapping
    timed = rows_of(["14/03/2016", "03/04/2016", "06/05/2016", "21/06/2016"],
                    ["1032", "1430", "0905", "1645"], ["Visit made, all well",
                    "Call to school about it", "Meeting held today", "Letter sent to the GP"])  # fmt: skip
    assert plan_columns(["Date", "Logged", "Notes"], timed).mapping.get("time") == 1


def test_a_zip_keeping_a_json_file_for_each_day_is_read_day_after_day(
    store_path,  # noqa: F811
    tmp_path,
    capsys,
):
    import zipfile

    path = tmp_path / "export.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("users.json", json.dumps([{"id": "U1", "real_name": "Sam Ellery"}]))
        for day, text in (("2016-03-14", "First visit to the family"),
                          ("2016-04-03", "Second visit to the family")):  # fmt: skip
            archive.writestr(f"general/{day}.json", json.dumps(
                [{"when": f"{day} 10:32", "who": "Sam Ellery", "text": text}]))  # fmt: skip
    code, output = _import(store_path, path, capsys)
    assert code == 0, output
    assert sorted(r.date_start for r in _entries(store_path)) == [date(2016, 3, 14),
                                                                   date(2016, 4, 3)]  # fmt: skip
    assert "a file for each day" in " ".join(output.split())


def test_a_zip_of_day_files_in_two_folders_is_still_refused(store_path, tmp_path, capsys):  # noqa: F811
    import zipfile

    from tests.chronology.round_checks import check_refused_saying

    def build(folder):
        path = folder / "two.zip"
        with zipfile.ZipFile(path, "w") as archive:
            for where in ("a", "b"):
                for day in ("2016-03-14", "2016-04-03"):
                    archive.writestr(f"{where}/{day}.json", json.dumps([{"when": day}]))
        return path, []

    check_refused_saying(build, ["Extract the chronology"], store_path, tmp_path, capsys)


@pytest.mark.parametrize(
    ("heading", "utc"),
    [("Received (UTC)", True), ("created at utc", True), ("Submit Date (UTC)", True),
     ("Date (UTC+1)", False), ("Date", False), ("Outcome", False)],
)  # fmt: skip
def test_which_headings_say_their_times_are_utc(heading, utc):
    from app.chronology.planned_entries import _UTC_HEADING

    assert bool(_UTC_HEADING.search(heading)) is utc


def test_the_same_value_on_every_row_under_a_heading_only_like_the_outcome_is_not_it():
    from app.chronology.columns import plan_columns

    days = ["14/03/2016", "03/04/2016", "06/05/2016", "21/06/2016", "02/08/2016"]
    notes = ["Visit made, all well", "Call to school about it", "Meeting held today",
             "Letter sent to the GP", "Home visit, nobody in"]  # fmt: skip
    plan = plan_columns(
        ["Date", "Response Type", "Notes"], rows_of(days, ["IP Address"] * 5, notes)
    )
    assert "outcome" not in plan.mapping
    named = plan_columns(["Date", "Outcome", "Notes"], rows_of(days, ["NFA"] * 5, notes))
    assert named.mapping.get("outcome") == 1  # a heading plainly naming it is still read
