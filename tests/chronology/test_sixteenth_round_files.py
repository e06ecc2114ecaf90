"""The sixteenth round's files (sixteenth_round_files.py) imported through the command line
with no options, every entry right, for the right agency, and nothing the file holds lost;
the files no one can read here refused with the way to get one that can; and each rule they
needed, on its own."""

import pytest

from tests.chronology import sixteenth_round_files as files
from tests.chronology.round_checks import (
    check_file_imports_fully_right,
    check_refused_saying,
    round_cases,
)
from tests.chronology.test_robust_files import _entries, _import, store_path  # noqa: F401

FILES = {**files.FILES, **getattr(files, "LATER", {})}
# Files not yet imported fully right (marked so before the rules they need are written).
NOT_YET: set[str] = set()
NOT_YET_REFUSED: set[str] = set()


@pytest.mark.parametrize("name", round_cases(FILES, NOT_YET))
def test_each_file_imports_fully_right_with_no_options(store_path, tmp_path, capsys, name):  # noqa: F811
    check_file_imports_fully_right(FILES, name, store_path, tmp_path, capsys, round_module=files)
    named = [
        (r.event[:40], r.practitioner)
        for r in _entries(store_path)
        for text in files.NO_PRACTITIONER.get(name, [])
        if text in " ".join(r.event.split()) and r.practitioner
    ]
    assert named == []


@pytest.mark.parametrize("name", round_cases(files.REFUSALS, NOT_YET_REFUSED))
def test_each_unreadable_file_is_refused_naming_the_way_to_a_readable_one(
    store_path,  # noqa: F811
    tmp_path,
    capsys,
    name,
):
    check_refused_saying(files.REFUSALS[name], [], store_path, tmp_path, capsys)


# --- each rule on its own -------------------------------------------------------------------


def test_a_sylk_files_cells_are_placed_and_its_date_and_time_formats_read(tmp_path):
    from datetime import date, time

    from app.chronology.reading import read_table

    path = tmp_path / "s.slk"
    path.write_text(
        'ID;PWXL;N;E\nP;PGeneral\nP;Pdd/mm/yyyy\nP;Phh:mm\nC;Y1;X1;K"Date"\nC;X2;K"Time"\n'
        'C;X3;K"Note"\nF;P1;FG0G;Y2;X1\nC;K42443\nF;P2;FG0G;X2\nC;K0.438888888888889\n'
        'C;X3;K"Seen;; all ""well"""\nC;Y3;X1;K42444\nC;X3;K"Called"\nE\n',
        encoding="utf-8",
    )
    table = read_table(path)
    assert table.headers == ["Date", "Time", "Note"]
    assert [cells for _n, cells in table.rows][0] == [
        date(2016, 3, 14), time(10, 32), 'Seen; all "well"']  # fmt: skip
    assert table.rows[1][1][0] == 42444  # no date format given to it: the number as written


def test_a_dif_files_values_are_read_row_by_row(tmp_path):
    from app.chronology.reading import read_table

    path = tmp_path / "d.dif"
    path.write_text(
        'TABLE\n0,1\n"EXCEL"\nVECTORS\n0,2\n""\nTUPLES\n0,3\n""\nDATA\n0,0\n""\n-1,0\nBOT\n'
        '1,0\n"Date"\n1,0\n"Note"\n-1,0\nBOT\n0,42443\nV\n1,0\n"Seen ""at home"""\n-1,0\nBOT\n'
        '1,0\n"15/03/2016"\n1,0\n"Called"\n-1,0\nEOD\n',
        encoding="utf-8",
    )
    table = read_table(path)
    assert table.headers == ["Date", "Note"]
    assert [cells for _n, cells in table.rows] == [
        [42443, 'Seen "at home"'], ["15/03/2016", "Called"]]  # fmt: skip


def test_a_dbase_tables_deleted_records_are_left_out_and_said(tmp_path):
    from datetime import date

    from app.chronology.reading import read_table

    fields = [("WHEN", "D", 8), ("NOTE", "C", 20)]
    records = [[date(2016, 3, 14), "Seen"], [date(2016, 3, 15), "Wrong person"],
               [date(2016, 3, 16), "Called"]]  # fmt: skip
    path = tmp_path / "t.dbf"
    path.write_bytes(files._dbf(fields, records, deleted={1}))
    table = read_table(path)
    assert [cells for _n, cells in table.rows] == [
        [date(2016, 3, 14), "Seen"], [date(2016, 3, 16), "Called"]]  # fmt: skip
    assert "1 record(s) marked deleted" in " ".join(table.notes)
    # a file whose header does not agree with its size is no table: read as text, not so
    path.write_bytes(files._dbf(fields, records)[:-30])
    from app.chronology.legacy_files import looks_like_dbase

    assert not looks_like_dbase(path.read_bytes()[:8192], path.stat().st_size)


def test_a_pivot_tables_labels_shown_once_are_filled_down():
    from app.chronology.markup import database_blanks, pivot_row_labels

    headers = ["Contact Date", "Worker", "Notes", "Count of Contact ID"]
    rows = [(4, ["14/03/2016", "Sam Ellery", "Seen", 1]), (5, ["", "Jo Ward", "Called", 1]),
            (6, ["", "(blank)", "Letter", 1]), (7, ["15/03/2016", "", "Visit", 1])]  # fmt: skip
    notes = pivot_row_labels(headers, rows) + database_blanks(headers, rows)
    assert [cells[:2] for _n, cells in rows] == [
        ["14/03/2016", "Sam Ellery"], ["14/03/2016", "Jo Ward"], ["14/03/2016", ""],
        ["15/03/2016", ""]]  # fmt: skip
    assert "Count of Contact ID" in notes[0]
    # without a value field headed "Count of ...", an empty date stays empty
    plain = [(4, ["14/03/2016", "Sam", "Seen"]), (5, ["", "Jo", "Called"])]
    assert pivot_row_labels(["Date", "Worker", "Notes"], plain) == []
    assert plain[1][1][0] == ""


def test_r_and_pivot_words_for_no_value_are_empty():
    from app.chronology.markup import database_blanks

    rows = [(2, ["14/03/2016", "NA", "Seen"]), (3, ["15/03/2016", "Sam Ellery", "NA"])]
    assert database_blanks(["Date", "Worker", "Note"], rows)
    assert rows[0][1][1] == "" and rows[1][1][2] == ""
    # in a column of initials, NA is someone's
    rows = [(2, ["14/03/2016", "SE", "Seen"]), (3, ["15/03/2016", "NA", "Called"])]
    database_blanks(["Date", "Worker", "Note"], rows)
    assert rows[1][1][1] == "NA"


def test_the_owner_of_a_record_is_its_practitioner(tmp_path):
    from app.chronology.columns import plan_columns
    from tests.chronology.round_checks import table_of

    rows = [["Date", "Contact Owner", "Comments"], ["14/03/2016", "Sam Ellery", "Seen at home."],
            ["15/03/2016", "Jo Ward", "Called the school."], ["16/03/2016", "Sam Ellery", "Letter."]]  # fmt: skip
    table = table_of(tmp_path, rows)
    plan = plan_columns(table.headers, table.rows)
    assert plan.mapping["practitioner"] == 1


def test_an_action_column_of_kinds_of_contact_is_the_type(tmp_path):
    from app.chronology.columns import plan_columns
    from tests.chronology.round_checks import table_of

    kinds = ["Home visit", "Telephone call", "Office visit", "Home visit", "Letter"]
    rows = [["Date", "Action", "Details"]] + [
        [f"1{n}/03/2016", kind, f"Tenant seen about the rent, visit number {n}."]
        for n, kind in enumerate(kinds)
    ]
    table = table_of(tmp_path, rows)
    plan = plan_columns(table.headers, table.rows)
    assert plan.mapping["event_type"] == 1 and "outcome" not in plan.mapping
    # an Action column of sentences stays the outcome
    rows = [["Date", "Action", "Details"]] + [
        [f"1{n}/03/2016", f"Letter to be sent to the tenant by {n} April.", "Rent arrears."]
        for n in range(5)
    ]
    table = table_of(tmp_path, rows)
    assert plan_columns(table.headers, table.rows).mapping.get("event_type") != 1


def test_a_printed_journals_author_and_role_after_the_date_are_who_wrote_it(tmp_path):
    from app.chronology.reading import read_table

    path = tmp_path / "j.txt"
    path.write_text(
        "Journal\n\n14 Mar 2016 10:32  Sam Ellery (Health Visitor)  Clinic\n    Seen at home.\n"
        "    Advice given.\n\n15 Mar 2016 09:00  Dr Jo Ward (GP)\n    Reviewed.\n    Plan made.\n\n"
        "16 Mar 2016 11:00  Sam Ellery (Health Visitor)  Clinic\n    Called.\n    No answer.\n",
        encoding="utf-8",
    )
    table = read_table(path)
    assert table.headers == ["Date", "Written by", "Entry"]
    assert [cells[1] for _n, cells in table.rows] == [
        "Sam Ellery (Health Visitor)", "Dr Jo Ward (GP)", "Sam Ellery (Health Visitor)"]  # fmt: skip
    assert table.rows[0][1][2] == "Clinic Seen at home. Advice given."


def test_other_apps_own_files_and_shortcuts_are_refused_with_the_export_to_use(tmp_path):
    import json

    from app.chronology.file_guard import ImportRefused
    from app.chronology.reading import read_table

    path = tmp_path / "Notes.gdoc"
    path.write_text(json.dumps({"doc_id": "1x", "url": "https://docs.google.com/document/d/1x"}))
    with pytest.raises(ImportRefused, match=r"Google Docs.*Microsoft Word \(\.docx\)"):
        read_table(path)
    pages, _words = files.numbers_document(tmp_path)
    path = pages.rename(tmp_path / "Letter.pages")
    with pytest.raises(ImportRefused, match=r"Apple Pages file.*Export To › Word"):
        read_table(path)
    package = tmp_path / "Log.numbers"
    package.mkdir()
    with pytest.raises(ImportRefused, match="Apple Numbers file"):
        read_table(package)


def test_a_crms_own_columns_and_when_a_row_was_modified_are_never_the_events_date(tmp_path):
    from app.chronology.columns import plan_columns
    from tests.chronology.round_checks import table_of

    rows = [["(Do Not Modify) Modified On", "Actual Start", "Description"],
            ["14/04/2016 10:00", "14/03/2016 10:32", "Seen at home with mother."],
            ["04/05/2016 10:00", "03/04/2016 14:30", "Called the school."],
            ["06/06/2016 10:00", "06/05/2016 09:05", "Letter sent to the family."]]  # fmt: skip
    table = table_of(tmp_path, rows)
    plan = plan_columns(table.headers, table.rows)
    assert plan.mapping["date"] == 1
    assert "system's own column" in plan.reasons[0]
    rows = [["Modified", "When", "Description"]] + [[r[0], r[1], r[2]] for r in rows[1:]]
    table = table_of(tmp_path, rows)
    assert plan_columns(table.headers, table.rows).mapping["date"] == 1


def test_a_nurse_column_of_names_is_the_practitioner(tmp_path):
    from app.chronology.columns import plan_columns
    from tests.chronology.round_checks import table_of

    rows = [["Date", "School nurse", "School", "Notes"],
            ["14/03/2016", "Sam Ellery", "Brookfield Primary", "Seen in the medical room."],
            ["15/03/2016", "Jo Ward", "Brookfield Primary", "Follow-up with the class teacher."],
            ["16/03/2016", "Sam Ellery", "Brookfield Primary", "Letter to the parents."]]  # fmt: skip
    table = table_of(tmp_path, rows)
    assert plan_columns(table.headers, table.rows).mapping["practitioner"] == 1


def test_a_dbase_records_empty_date_is_flagged_not_taken_from_above(tmp_path):
    from app.chronology.reading import read_table

    fields = [("WHEN", "D", 8), ("AT", "C", 5), ("NOTE", "C", 20)]
    records = [[files.DAYS[0], "09:00", "Seen"], [None, "11:00", "Called"]]
    path = tmp_path / "t.dbf"
    path.write_bytes(files._dbf(fields, records))
    table = read_table(path)
    assert table.row_flags == {3: "its date field is empty in the table: no date was entered"}
