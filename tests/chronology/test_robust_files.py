"""Files in layouts met in real exports (tests/chronology/robust_files.py builds them), imported
through the command line with no options: every entry's date, time, narrative, practitioner,
person(s) and type as written, nothing lost, noise rows left out and listed. And the rules each
file needed, each on its own."""

from datetime import UTC, date

import pytest

from app.chronology.dates import parse_date
from app.chronology.entries import fetch_entries, query_entry_ids
from app.chronology.importer import plan_imports
from app.cli import main
from app.context import AppContext
from app.reviews import create_review
from db.store import open_store
from tests.chronology.robust_files import (
    CHILD,
    DAYS,
    FILES,
    TEXTS,
    TIMES,
    TYPES,
    WORKERS,
    differences,
)


@pytest.fixture
def store_path(tmp_path):
    path = tmp_path / "s.db"
    store = open_store(path)
    ctx = AppContext(store, "tester", today_override=date(2025, 3, 14))
    create_review(ctx, review_type="lcspr", reference="R-1", title="Child Z")
    store.close()
    return path


def _entries(store_path):
    store = open_store(store_path)
    try:
        ctx = AppContext(store, "tester", today_override=date(2025, 3, 14))
        return fetch_entries(ctx, query_entry_ids(ctx, 1))
    finally:
        store.close()


def _import(store_path, path, capsys):
    argv = ["import-chronology", "--db", str(store_path), "--review", "R-1", "--agency", "Agency"]
    code = main([*argv, str(path)])
    out, err = capsys.readouterr()
    return code, out + err


@pytest.mark.parametrize("name", sorted(FILES))
def test_each_file_imports_fully_right_with_no_options(store_path, tmp_path, capsys, name):
    path, truth = FILES[name](tmp_path)
    code, output = _import(store_path, path, capsys)
    assert code == 0, output
    assert differences(_entries(store_path), truth) == [], output


def _plan_file(path):
    """The import plan of ``path`` (its first sheet), in a store of its own beside it."""
    store = open_store(path.with_suffix(".db"))
    try:
        ctx = AppContext(store, "tester", today_override=date(2025, 3, 14))
        review = create_review(ctx, review_type="lcspr", reference="P-1", title="Child Z")
        return plan_imports(ctx, review, "Agency", path)[0]
    finally:
        store.close()


def _plan(tmp_path, name):
    path, _truth = FILES[name](tmp_path)
    return _plan_file(path)


def test_rows_shorter_than_the_header_are_counted_as_they_are(tmp_path):
    """A CSV line holding only "Page 1 of 2" or "Total contacts:,8" is a footer, even in the
    middle of the table: its padding to the table's width is not counted as filled cells."""
    plan = _plan(tmp_path, "report_with_footers")
    left = {n.text: n.reason for n in plan.table.left_out}
    assert "page header or footer" in left["Page 1 of 2"]
    assert "title repeated" in left["Probation Contact Log"]
    assert "footer" in left["Total contacts: | 8"]
    assert "footer" in left["*** End of Report ***"]
    assert not plan.flagged


def test_a_lone_line_over_a_group_of_rows_is_left_out_as_a_heading(tmp_path):
    plan = _plan(tmp_path, "merged_groups")
    headings = [n for n in plan.table.left_out if "heading over the rows" in n.reason]
    assert [n.row for n in headings] == [2, 6, 10]
    assert headings[0].text.startswith("Period 1")
    assert len(plan.entries) == 8 and not plan.flagged


def test_text_alone_in_the_narrative_column_still_continues_the_entry_above(tmp_path):
    """The group-heading rule never takes a line of the narrative itself: text alone in the
    column of long text is the entry above going on."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["Date", "Worker", "Details"])
    for i in range(4):
        ws.append([DAYS[i], "Sam Ellery", TEXTS[i]])
        if i == 1:
            ws.append([None, None, "Continued: mother agreed to the plan."])
    wb.save(tmp_path / "cont.xlsx")
    plan = _plan_file(tmp_path / "cont.xlsx")
    assert not plan.table.left_out
    assert len(plan.entries) == 4
    assert plan.entries[1]["event"].endswith("Continued: mother agreed to the plan.")


def test_each_entrys_text_on_the_row_below_is_joined_to_it(tmp_path):
    plan = _plan(tmp_path, "two_row_entries")
    assert [e["event"] for e in plan.entries] == TEXTS
    assert any("on the row under its date" in note for note in plan.table.notes)


def test_a_bilingual_guidance_row_and_a_date_mask_in_any_language_are_left_out(tmp_path):
    plan = _plan(tmp_path, "welsh_bilingual")
    assert [n.row for n in plan.table.left_out] == [2]
    assert "guidance" in plan.table.left_out[0].reason
    assert not plan.flagged


def test_a_time_with_its_zone_is_given_as_the_uk_clock_showed_it():
    winter = parse_date("2016-03-14T10:32:00Z")
    assert (winter.start, winter.time) == (date(2016, 3, 14), "10:32")
    summer = parse_date("2016-06-21T15:45:00Z")
    assert (summer.start, summer.time) == (date(2016, 6, 21), "16:45")
    late = parse_date("2016-06-21T23:30:00.000Z")
    assert (late.start, late.time) == (date(2016, 6, 22), "00:30")
    offset = parse_date("2016-06-21 10:00:00-04:00")
    assert (offset.start, offset.time) == (date(2016, 6, 21), "15:00")
    assert parse_date("21/06/2016 10:00 UTC").time == "11:00"


def test_the_uk_rule_without_time_zone_data_gives_the_same_clock():
    from datetime import datetime

    from app.chronology.date_forms import _london, _UkRule

    for moment in [datetime(2016, m, d, h, tzinfo=UTC)
                   for m, d in [(3, 26), (3, 27), (6, 21), (10, 29), (10, 30), (12, 1)]
                   for h in (0, 1, 23)]:  # fmt: skip
        rule, zone = moment.astimezone(_UkRule()), moment.astimezone(_london())
        assert (rule.date(), rule.hour) == (zone.date(), zone.hour), moment


def test_names_under_a_heading_asking_who_are_the_practitioners(tmp_path):
    plan = _plan(tmp_path, "narrative_first")
    column = plan.mapping["practitioner"]
    assert plan.table.headers[column] == "By whom"
    assert "names of people" in plan.reasons[column]


def test_a_column_of_places_is_never_taken_for_the_practitioner(tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["Date", "Location", "Details"])
    for i in range(6):
        ws.append([DAYS[i], ["Oakfield Primary", "Riverside Clinic"][i % 2], TEXTS[i]])
    wb.save(tmp_path / "places.xlsx")
    plan = _plan_file(tmp_path / "places.xlsx")
    assert "practitioner" not in plan.mapping


# (written, start, end, time): forms the files above use, each read as written
FORMS = [
    ("14 Mawrth 2016", date(2016, 3, 14), date(2016, 3, 14), ""),
    ("3ydd Ebrill 2016", date(2016, 4, 3), date(2016, 4, 3), ""),
    ("Medi 2016", date(2016, 9, 1), date(2016, 9, 30), ""),
    ("10:32 14/03/2016", date(2016, 3, 14), date(2016, 3, 14), "10:32"),
    ("1032hrs 14/03/2016", date(2016, 3, 14), date(2016, 3, 14), "10:32"),
    ("14/03/16 1432", date(2016, 3, 14), date(2016, 3, 14), "14:32"),
    ("14/03/2016 - 10:32", date(2016, 3, 14), date(2016, 3, 14), "10:32"),
    ("21/06/2016 10:32 BST", date(2016, 6, 21), date(2016, 6, 21), "10:32"),
    ("14/03/2016 10:00 - 11:30", date(2016, 3, 14), date(2016, 3, 14), "10:00"),
    ("03/05/2016 - 05/05/2016", date(2016, 5, 3), date(2016, 5, 5), ""),
    ("Between 3 and 5 May 2016", date(2016, 5, 3), date(2016, 5, 5), ""),
    ("3rd-5th June 2016", date(2016, 6, 3), date(2016, 6, 5), ""),
    ("May - June 2016", date(2016, 5, 1), date(2016, 6, 30), ""),
    ("2016 (exact date unknown)", date(2016, 1, 1), date(2016, 12, 31), ""),
    ("14/03/2016 AM", date(2016, 3, 14), date(2016, 3, 14), ""),
    ("14/03/16 pm", date(2016, 3, 14), date(2016, 3, 14), ""),
    ("14 March 2016 (evening)", date(2016, 3, 14), date(2016, 3, 14), ""),
    ("14/03/2016 noon", date(2016, 3, 14), date(2016, 3, 14), "12:00"),
]

# (written in a time cell, the time read, whether it says there is no time)
TIME_CELLS = [("10:32 - 11:15", "10:32", False), ("1032hrs-1115hrs", "10:32", False),
              ("approx 11:00", "11:00", False), ("10:32 BST", "10:32", False),
              ("AM", "", True), ("Morning", "", True), ("N/K", "", True), ("-", "", True),
              ("1032-1115", "", False), ("2016-0412", "", False), ("Lunch", "", False)]  # fmt: skip


@pytest.mark.parametrize(("written", "clock", "none"), TIME_CELLS, ids=[t[0] for t in TIME_CELLS])
def test_time_cells_as_people_write_them(written, clock, none):
    from app.chronology.dates import parse_time, says_no_time

    assert (parse_time(written), says_no_time(written)) == (clock, none)


@pytest.mark.parametrize(("written", "start", "end", "clock"), FORMS, ids=[f[0] for f in FORMS])
def test_forms_agencies_write_are_read_as_written(written, start, end, clock):
    parsed = parse_date(written)
    assert (parsed.start, parsed.end, parsed.time) == (start, end, clock), parsed.problem
    assert parsed.text == written


@pytest.mark.parametrize(
    ("written", "words"),
    [
        ("05/05/2016 - 03/05/2016", "ends before it starts"),
        ("Monday - Friday 2016", "not a date"),
        ("14/03/2016 2400", "not a date"),
        ("pre 2010", "not a date"),
    ],  # fmt: skip
)
def test_what_cannot_be_placed_says_why(written, words):
    parsed = parse_date(written)
    assert not parsed.ok and words in parsed.problem


@pytest.mark.parametrize("name", ["welsh_language", "contact_time_spans"])
def test_kinds_of_contact_are_the_type_whatever_the_heading(tmp_path, name):
    """ "Math" (Welsh) is no heading ReviewDesk knows; "Contact" reads as the event: the cells,
    kinds of contact ReviewDesk knows, make either the event type, not a part of the narrative."""
    plan = _plan(tmp_path, name)
    column = plan.mapping["event_type"]
    assert plan.table.headers[column] in ("Math", "Contact")
    assert column not in plan.parts
    assert plan.entries[0]["event"] == TEXTS[0]


def test_remembered_dates_under_a_date_heading_are_imported_and_the_rest_flagged(tmp_path):
    plan = _plan(tmp_path, "remembered_dates")
    assert plan.table.headers[plan.mapping["date"]] == "Approximate date"
    assert len(plan.entries) == 8
    flagged = {n.row for n in plan.flagged}
    assert {3, 4} <= flagged  # "Unknown", "pre 2010": kept, flagged, never dropped


def test_a_length_of_time_is_never_the_time_of_day_and_an_age_never_a_person(tmp_path):
    plan = _plan(tmp_path, "durations_and_ages")
    mapped = {plan.table.headers[i]: field for field, i in plan.mapping.items()}
    assert "Duration" not in mapped and "Travel time" not in mapped
    assert "Age of child" not in mapped
    assert all(not e["time"] for e in plan.entries)
    assert all(not e["subjects"] for e in plan.entries)


def test_blocks_of_labelled_lines_are_read_one_entry_a_block(tmp_path):
    plan = _plan(tmp_path, "case_note_blocks")
    assert plan.table.headers == ["Date", "Worker", "Type", "Note"]
    assert [n for n, _ in plan.table.rows][:2] == [4, 10]  # each block's first line
    assert plan.entries[0]["event"] == TEXTS[0].replace(". ", ".\n", 1)
    assert plan.entries[0]["time"] == "10:32"
    left = {n.row: n.reason for n in plan.table.left_out}
    assert "above the first entry" in left[1] and "above the first entry" in left[2]
    assert "page" in left[28] and "footer" in left[50]
    assert not plan.flagged


def test_a_table_with_a_details_block_above_is_not_read_as_blocks(tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    for key, value in [("Child:", CHILD), ("Agency:", "Health"), ("Worker:", "Sam Ellery")]:
        ws.append([key, value])
    ws.append(["Date", "Worker", "Type", "Details"])
    for i in range(6):
        ws.append([DAYS[i], WORKERS[i % 4], TYPES[i % 4], TEXTS[i]])
    wb.save(tmp_path / "details.xlsx")
    from app.chronology.reading import read_table

    table = read_table(tmp_path / "details.xlsx")
    assert table.header_row == 4 and len(table.rows) == 6


def test_a_word_chronology_in_paragraphs_is_read_one_entry_a_dated_paragraph(tmp_path):
    plan = _plan(tmp_path, "paragraphs_docx")
    assert [e["date_start"] for e in plan.entries] == DAYS
    assert plan.entries[0]["event"] == TEXTS[0].replace(". ", ".\n", 1)
    assert "no table" in plan.table.notes[1] and "2 paragraph(s) above" in plan.table.notes[1]


def test_a_word_document_with_neither_table_nor_dated_paragraphs_is_refused(tmp_path):
    import docx

    from app.chronology.reading import ImportRefused, read_table

    document = docx.Document()
    document.add_paragraph("14/03/2016 – the only dated line.")
    document.add_paragraph("A letter about the family, not a chronology.")
    document.save(tmp_path / "letter.docx")
    with pytest.raises(ImportRefused, match="no table"):
        read_table(tmp_path / "letter.docx")


def test_a_web_systems_markup_and_excel_text_formulas_are_read_as_the_text(tmp_path):
    plan = _plan(tmp_path, "web_case_notes")
    notes = " ".join(plan.table.notes)
    assert '="..."' in notes and "markup of a web page editor" in notes
    event = plan.entries[3]["event"]
    assert "A&E" in event and "<" not in event and "&amp;" not in event and "\xa0" not in event
    assert "right hand;\nthe explanation" in event  # <br /> and </p> are new lines
    mapped = {plan.table.headers[i]: field for field, i in plan.mapping.items()}
    assert mapped.get("Case Note ID") is None  # 001200 is an id, never a time of day
    assert mapped.get("Title") != "role"  # a title that differs on every row is no role
    assert [e["time"] for e in plan.entries][:2] == ["10:32", "14:30"]


def test_no_column_is_taken_as_the_time_when_the_dates_carry_their_own(tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["Date", "Seq", "Details"])
    for i in range(6):
        ws.append([f"{DAYS[i]:%d/%m/%Y} {TIMES[i]:%H:%M}", f"{1000 + i}", TEXTS[i]])
    wb.save(tmp_path / "seq.xlsx")
    plan = _plan_file(tmp_path / "seq.xlsx")
    assert "time" not in plan.mapping
    assert [e["time"] for e in plan.entries] == [f"{t:%H:%M}" for t in TIMES[:6]]


def test_a_second_row_of_headings_in_another_language_is_left_out(tmp_path):
    plan = _plan(tmp_path, "bilingual_header_rows")
    assert [(n.row, n.text.split(" | ")[0]) for n in plan.table.left_out] == [(2, "Dyddiad")]
    assert len(plan.entries) == 8 and not plan.flagged


def test_a_first_entry_of_short_words_is_never_taken_for_headings(tmp_path):
    """An undated first entry with a short narrative is kept (and flagged), because its agency
    is met again down the column."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["Date", "Agency", "Event"])
    ws.append(["Unknown", "Police", "Concern raised"])
    for i in range(4):
        ws.append([DAYS[i], "Police", TEXTS[i]])
    wb.save(tmp_path / "short.xlsx")
    plan = _plan_file(tmp_path / "short.xlsx")
    assert not plan.table.left_out and len(plan.entries) == 5
    assert [n.row for n in plan.flagged] == [2]


def test_nulls_are_empty_and_midnight_placeholders_are_no_time(tmp_path):
    plan = _plan(tmp_path, "sql_export")
    assert not any(e["practitioner"] == "NULL" for e in plan.entries)
    assert [e["time"] for e in plan.entries][:2] == ["10:32", ""]
    assert any("NULL" in note for note in plan.table.notes)
    assert not plan.flagged


def test_word_tables_heading_their_columns_otherwise_are_all_read(tmp_path):
    """Nothing is lost: a later table with other columns is read under its own headings."""
    plan = _plan(tmp_path, "word_tables_differ")
    assert plan.table.headers == ["Date", "Worker", "Type", "Details", "Time", "Analysis"]
    assert [e["event"] for e in plan.entries] == TEXTS
    assert [e["time"] for e in plan.entries][2:4] == ["", "16:45"]
    assert "each table's cells are read under their own headings" in plan.table.notes[1]
