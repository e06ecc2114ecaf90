"""Forms of agency files an earlier round left alone (tests/chronology/leftover_files.py builds
them), imported through the command line with no options as a user would."""

from datetime import date

import pytest

from app.chronology.dates import parse_date
from tests.chronology import leftover_files as files
from tests.chronology.test_robust_files import _entries, _import
from tests.chronology.test_robust_files import store_path as _store_path

store_path = _store_path  # the store with one review that the round's tests import into


def test_dates_whose_day_or_year_is_in_doubt_are_kept_as_written_and_flagged(
    store_path, tmp_path, capsys
):
    code, output = _import(store_path, files.rough_year_dates(tmp_path), capsys)
    assert code == 0, output
    rows = {r.event: r for r in _entries(store_path)}
    assert len(rows) == 5
    for n in (1, 2, 4):  # the holiday spans and the weekdays: kept, flagged, nothing made up
        row = rows[files.NARRATIVES[n]]
        assert row.flagged and row.date_start is None and row.precision == "unknown", row
    holiday = rows[files.NARRATIVES[1]]
    assert holiday.date_text == "Christmas/New Year 2016"
    assert "2015/16 or 2016/17" in holiday.flag_reason
    assert "2016/17 or 2017/18" in rows[files.NARRATIVES[4]].flag_reason
    assert "day of the week" in rows[files.NARRATIVES[2]].flag_reason
    assert not rows[files.NARRATIVES[0]].flagged and rows[files.NARRATIVES[0]].date_start == date(
        2016, 3, 14
    )


@pytest.mark.parametrize(
    "written",
    ["Christmas/New Year 2016", "Xmas to New Year 2016", "late December/early January 2016"],
)
def test_a_rough_span_over_the_turn_of_a_year_with_one_year_is_flagged(written):
    parsed = parse_date(written)
    assert not parsed.ok and "2015/16 or 2016/17" in parsed.problem


@pytest.mark.parametrize(
    "written", ["Mon/Tue 2016", "Sat/Sun 2016", "Fri 2016", "Monday March 2016", "Wed 03/2016"]
)
def test_days_of_the_week_with_only_a_month_or_year_are_flagged(written):
    parsed = parse_date(written)
    assert not parsed.ok and "day of the week" in parsed.problem


@pytest.mark.parametrize(
    ("written", "start", "end"),
    [
        ("Monday 14/03/2016", date(2016, 3, 14), date(2016, 3, 14)),
        ("Christmas/New Year 2015/16", date(2015, 12, 24), date(2016, 1, 1)),
        ("late March/early April 2016", date(2016, 3, 21), date(2016, 4, 10)),
        ("Sunday Christmas 2016", date(2016, 12, 24), date(2016, 12, 26)),
    ],
)
def test_weekdays_with_a_day_and_spans_within_one_year_are_still_read(written, start, end):
    parsed = parse_date(written)
    assert parsed.ok and (parsed.start, parsed.end) == (start, end)


@pytest.mark.parametrize("builder", ["plain", "scanned_with_cover", "scanned_with_stamp"])
def test_a_scanned_pdf_is_refused_saying_to_ask_for_the_original_or_run_text_recognition(
    store_path, tmp_path, capsys, builder
):
    from tests.chronology import pdf_third_files

    if builder == "plain":
        path = files.scanned_pages(tmp_path)
    else:
        path, _words = pdf_third_files.REFUSED[builder](tmp_path)
    code, output = _import(store_path, path, capsys)
    assert code != 0 and _entries(store_path) == []
    said = " ".join(output.split())
    assert "pictures" in said and "original file" in said, said
    assert "text recognition (OCR)" in said, said


def test_rows_marked_as_continued_in_the_note_or_the_worker_cell_join_the_entry_above(
    store_path, tmp_path, capsys
):
    path, notes = files.continued_rows(tmp_path)
    code, output = _import(store_path, path, capsys)
    assert code == 0, output
    rows = _entries(store_path)
    assert [r.event for r in rows] == notes, output
    assert [r.practitioner for r in rows] == [
        "Sam Ellery", "Pat Norris", "Sam Ellery", "Sam Ellery", "Jo Barker"]  # fmt: skip
    assert not any(r.flagged for r in rows)
    said = " ".join(output.split())
    assert "Row 3: 'Continued' at the start of its text: the rest of the entry above (row 2)" in (
        said
    )
    assert "'(continued)' in the Worker column" in said


@pytest.mark.parametrize("rows", [20, 24, 60])
def test_a_column_of_many_one_word_kinds_of_contact_is_the_type_not_the_worker(
    store_path, tmp_path, capsys, rows
):
    path, truth = files.one_word_types(tmp_path, rows)
    code, output = _import(store_path, path, capsys)
    assert code == 0, output
    entries = _entries(store_path)
    assert [(r.event_type_text, r.event) for r in entries] == truth, output
    assert not any(r.practitioner for r in entries), output
    assert "Column Mode → Event type" in output


def test_a_column_of_many_surnames_alone_is_still_the_practitioner(store_path, tmp_path, capsys):
    path, workers = files.one_word_workers(tmp_path)
    code, output = _import(store_path, path, capsys)
    assert code == 0, output
    assert [r.practitioner for r in _entries(store_path)] == workers, output


def test_a_report_title_on_every_row_is_left_out_and_named_once(store_path, tmp_path, capsys):
    """The title and parameters a report server repeats on every row are left out, named in the
    report with their text; the agency on every row and the one worker are kept."""
    import json

    path, title, agency = files.report_server_csv(tmp_path)
    code, output = _import(store_path, path, capsys)
    assert code == 0, output
    said = " ".join(output.split())
    assert f"Column Textbox1 → left out: the same text on every row: '{title}'" in said
    assert "Column Textbox4 → left out: the same text on every row: 'Report parameters" in said
    rows = _entries(store_path)
    assert len(rows) == 4 and {r.practitioner for r in rows} == {"Sam Ellery"}
    for row in rows:
        kept = json.dumps(json.loads(row.source_values), ensure_ascii=False)
        assert title not in kept and "Report parameters" not in kept, kept
        assert agency in kept, kept
