"""Forms of agency files an earlier round left alone (tests/chronology/leftover_files_19.py
builds them), imported through the command line with no options as a user would."""

import json
from datetime import date

import pytest

from app.chronology.dates import parse_date
from tests.chronology import leftover_files_19 as files
from tests.chronology.test_robust_files import _entries, _import
from tests.chronology.test_robust_files import store_path as _store_path

store_path = _store_path  # the store with one review that the round's tests import into


# --- months over the turn of a year ----------------------------------------------------------


def test_months_over_the_turn_of_a_year_with_one_year_are_kept_as_written_and_flagged(
    store_path, tmp_path, capsys
):
    path, truth = files.year_end_months(tmp_path)
    code, output = _import(store_path, path, capsys)
    assert code == 0, output
    rows = {r.event: r for r in _entries(store_path)}
    assert len(rows) == len(truth), output
    for note, written, start, end in truth:
        row = rows[note]
        assert row.date_text == written, row
        if start is None:  # nothing made up: kept as written, flagged, the years to choose
            assert row.flagged and row.date_start is None, (written, row.date_start)
            assert "2016/17 or 2017/18" in row.flag_reason, row.flag_reason
        else:
            assert not row.flagged, (written, row.flag_reason)
            assert (row.date_start, row.date_end) == (date(*start), date(*end)), written


@pytest.mark.parametrize(
    "written",
    ["Dec/Jan 2017", "December/January 2017", "Dec-Jan 2017", "Dec - Jan 2017",
     "December to January 2017", "between December and January 2017", "Nov-Feb 2017",
     "Sept-Jan 2017", "Dec./Jan. 2017"],
)  # fmt: skip
def test_a_month_pair_over_the_turn_of_a_year_with_one_year_is_flagged(written):
    parsed = parse_date(written)
    assert not parsed.ok and "2016/17 or 2017/18" in parsed.problem, parsed


@pytest.mark.parametrize(
    ("written", "start", "end"),
    [
        ("Dec/Jan 2016/17", date(2016, 12, 1), date(2017, 1, 31)),
        ("Nov-Feb 2016/17", date(2016, 11, 1), date(2017, 2, 28)),
        ("Dec-Jan 2016-17", date(2016, 12, 1), date(2017, 1, 31)),
        ("Dec/Jan 16/17", date(2016, 12, 1), date(2017, 1, 31)),
        ("December to January 2016/17", date(2016, 12, 1), date(2017, 1, 31)),
        ("Dec 2016 - Jan 2017", date(2016, 12, 1), date(2017, 1, 31)),
        ("28 Dec - 2 Jan 2017", date(2016, 12, 28), date(2017, 1, 2)),
        ("28/12 - 02/01/2017", date(2016, 12, 28), date(2017, 1, 2)),
        ("winter/spring 2017", date(2016, 12, 1), date(2017, 5, 31)),
        ("March/April 2016", date(2016, 3, 1), date(2016, 4, 30)),
        ("April to March 2016/17", date(2016, 4, 1), date(2017, 3, 31)),
    ],
)
def test_spans_over_the_turn_of_a_year_that_say_both_years_or_days_are_read(written, start, end):
    parsed = parse_date(written)
    assert parsed.ok and (parsed.start, parsed.end) == (start, end), parsed


@pytest.mark.parametrize("written", ["March to April 2016/17", "Mar-Apr 2016/17"])
def test_two_months_of_one_year_given_two_years_are_not_read_as_thirteen_months(written):
    parsed = parse_date(written)
    assert not parsed.ok and parsed.start is None, parsed


# --- continuation marks written short -------------------------------------------------------


def test_rows_marked_as_continued_in_short_join_the_entry_above(store_path, tmp_path, capsys):
    path, notes = files.short_continued_rows(tmp_path)
    code, output = _import(store_path, path, capsys)
    assert code == 0, output
    rows = _entries(store_path)
    assert [r.event for r in rows] == notes, output
    assert not any(r.flagged for r in rows), output
    said = " ".join(output.split())
    assert "Row 3: '(cont)' at the start of its text: the rest of the entry above (row 2)" in said
    assert "Row 5: '(cont)' in the Worker column" in said
    assert "Row 9: 'Jo Barker cont.' in the Worker column" in said
    assert "Row 13: 'cont/d' in the Worker column" in said
    for row in (15, 17, 19):  # a finished note above, or another day: entries of their own
        assert f"Row {row}:" not in said, said


# --- a report's text boxes on every row ------------------------------------------------------


def test_a_report_text_box_on_every_row_is_left_out_and_named_once(store_path, tmp_path, capsys):
    code, output = _import(store_path, files.text_boxes_csv(tmp_path), capsys)
    assert code == 0, output
    said = " ".join(output.split())
    assert f"Column Textbox7 → left out: the same text on every row: '{files.RUN_AT}'" in said
    assert f"Column Textbox9 → left out: the same text on every row: '{files.CHILD}'" in said
    assert "Column Classification → left out: the same text on every row: 'OFFICIAL" in said
    rows = _entries(store_path)
    assert len(rows) == 4 and {r.practitioner for r in rows} == {"Sam Ellery"}
    for row in rows:
        kept = json.dumps(json.loads(row.source_values), ensure_ascii=False)
        assert files.CHILD not in kept and files.RUN_AT not in kept, kept
        assert "OFFICIAL" not in kept and "Northshire" in kept, kept


def test_a_desktop_database_report_text_box_and_label_are_left_out(store_path, tmp_path, capsys):
    code, output = _import(store_path, files.text_boxes_xlsx(tmp_path), capsys)
    assert code == 0, output
    said = " ".join(output.split())
    assert "Column Text12 → left out: the same text on every row: '21/07/2017 09:14'" in said
    assert f"Column Label3 → left out: the same text on every row: '{files.CHILD}'" in said
    rows = _entries(store_path)
    assert [r.date_start for r in rows] == [date(2016, 3, 14 + i) for i in range(5)]
    assert all(files.CHILD not in r.source_values for r in rows)


def test_a_child_named_on_every_row_under_its_own_heading_is_kept(store_path, tmp_path, capsys):
    code, output = _import(store_path, files.child_named_once(tmp_path), capsys)
    assert code == 0, output
    assert "left out" not in output, output
    rows = _entries(store_path)
    assert len(rows) == 4
    assert all(files.CHILD in (r.subjects + r.source_values) for r in rows), output


# --- a task list's "Person" ------------------------------------------------------------------


@pytest.mark.parametrize("heading", ["Person", "People"])
def test_a_task_lists_person_column_is_who_the_task_is_assigned_to(
    store_path, tmp_path, capsys, heading
):
    path, workers = files.task_list_people(tmp_path, heading)
    code, output = _import(store_path, path, capsys)
    assert code == 0, output
    rows = _entries(store_path)
    assert [r.practitioner for r in rows] == workers, output
    assert not any(r.subjects for r in rows), output
    assert f"Column {heading} → Practitioner" in output


@pytest.mark.parametrize("with_names", [False, True])
def test_a_person_column_of_a_chronology_stays_whom_the_entry_is_about(
    store_path, tmp_path, capsys, with_names
):
    path, who = files.person_is_the_subject(tmp_path, with_names)
    code, output = _import(store_path, path, capsys)
    assert code == 0, output
    rows = _entries(store_path)
    assert [r.subjects for r in rows] == who, output
    assert {r.practitioner for r in rows} == set(files.STAFF[:2]), output


def test_a_task_lists_person_naming_the_family_stays_whom_it_is_about(store_path, tmp_path, capsys):
    path, who = files.board_person_is_the_subject(tmp_path)
    code, output = _import(store_path, path, capsys)
    assert code == 0, output
    rows = _entries(store_path)
    assert [r.subjects for r in rows] == who, output


# --- an Outlook message ----------------------------------------------------------------------


def test_an_outlook_message_with_the_chronology_in_its_text_is_read(store_path, tmp_path, capsys):
    code, output = _import(store_path, files.outlook_message(tmp_path), capsys)
    assert code == 0, output
    rows = _entries(store_path)
    assert [r.event for r in rows] == files.NARRATIVES[:4], output
    assert [r.date_start for r in rows] == [date(2016, 3, 14 + i) for i in range(4)]
    assert "is an Outlook message: the text of the message was read" in " ".join(output.split())


def test_an_outlook_message_with_the_chronology_attached_reads_the_attachment(
    store_path, tmp_path, capsys
):
    code, output = _import(store_path, files.outlook_message_with_attachment(tmp_path), capsys)
    assert code == 0, output
    rows = _entries(store_path)
    assert [r.event for r in rows] == files.NARRATIVES[:5], output
    assert {r.practitioner for r in rows} == {"Pat Norris"}
    said = " ".join(output.split())
    assert "Chronology - Child Z.csv attached to it was read. Not read: logo.png." in said


def test_an_outlook_message_with_two_chronologies_attached_says_what_to_save(
    store_path, tmp_path, capsys
):
    path = files.outlook_message_with_attachment(tmp_path, second=True)
    code, output = _import(store_path, path, capsys)
    assert code != 0 and _entries(store_path) == []
    said = " ".join(output.split())
    assert "Outlook message (.msg) with 2 files attached" in said, said
    assert "save the attachment" in said and "as .eml" in said and "Excel" not in said, said


# --- a database dump whose notes run over lines -----------------------------------------------


def test_a_database_dumps_rows_are_reported_by_the_lines_they_start_on(
    store_path, tmp_path, capsys
):
    path, line = files.outfile_dump_lines(tmp_path)
    code, output = _import(store_path, path, capsys)
    assert code == 0, output
    said = " ".join(output.split())
    assert f"Row {line}: flagged: 'sometime in April'" in said, said
    rows = _entries(store_path)
    assert len(rows) == 5
    assert rows[1].event == (
        "Call from the health visitor.\nMissed appointments for the baby.\nLetter to follow."
    )
    assert sorted(r.source_row for r in rows) == [2, 4, 7, 8, 9]


@pytest.mark.parametrize("heading", ["Textbox20", "Page"])
def test_a_printed_reports_page_numbers_are_left_out_and_named_once(
    store_path, tmp_path, capsys, heading
):
    code, output = _import(store_path, files.printed_pages_csv(tmp_path, heading), capsys)
    assert code == 0, output
    said = " ".join(output.split())
    assert (
        f"Column {heading} → left out: the printed report's page numbers (Page 1 of 2 to Page 2"
        " of 2)" in said
    ), said
    rows = _entries(store_path)
    assert len(rows) == 6 and all("Page" not in r.source_values for r in rows)
    assert [r.event for r in rows] == files.NARRATIVES


def test_pages_of_a_record_cited_for_each_entry_are_kept(store_path, tmp_path, capsys):
    code, output = _import(store_path, files.cited_pages_csv(tmp_path), capsys)
    assert code == 0, output
    assert "left out" not in output, output
    rows = _entries(store_path)
    assert [r.source for r in rows] == [f"p. {12 + 3 * i}" for i in range(6)], output
