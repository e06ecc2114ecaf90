"""The fifteenth round's files (fifteenth_round_files.py) imported through the command line
with no options, every entry right, for the right agency, and nothing the file holds lost; and
each rule they needed, on its own."""

import pytest

from tests.chronology import fifteenth_round_files as files
from tests.chronology.round_checks import check_file_imports_fully_right, round_cases
from tests.chronology.test_robust_files import store_path  # noqa: F401

FILES = {**files.FILES, **files.LATER}
# Files not yet imported fully right (marked so before the rules they need are written).
NOT_YET: set[str] = set()


@pytest.mark.parametrize("name", round_cases(FILES, NOT_YET))
def test_each_file_imports_fully_right_with_no_options(store_path, tmp_path, capsys, name):  # noqa: F811
    check_file_imports_fully_right(FILES, name, store_path, tmp_path, capsys, round_module=files)


# --- each rule on its own -------------------------------------------------------------------


def test_a_calendars_appointments_are_rows_at_uk_clock_times(tmp_path):
    from app.chronology.reading import read_table

    path = tmp_path / "c.ics"
    path.write_bytes(
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nDTSTART:20160621T154500Z\r\n"
        b"SUMMARY:Home visit\r\nDESCRIPTION:Seen at home\\, mother present.\\nAdvice give\r\n"
        b' n.\r\nORGANIZER;CN="Sam Ellery":mailto:s@example.org\r\nDTSTAMP:20161205T091244Z'
        b'\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nDTSTART;TZID="GMT Standard Time":20160314T103200'
        b"\r\nSUMMARY:Call\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20161128\r\n"
        b"SUMMARY:Training day\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    table = read_table(path)
    assert table.headers == ["Start", "Subject", "Meeting Organizer", "Description"]
    assert [cells for _n, cells in table.rows] == [
        ["21/06/2016 16:45", "Home visit", "Sam Ellery", "Seen at home, mother present.\nAdvice given."],
        ["14/03/2016 10:32", "Call", "", ""],
        ["28/11/2016", "Training day", "", ""],
    ]  # fmt: skip


def test_a_decks_tables_are_read_in_the_order_of_its_slides(tmp_path):
    from app.chronology.reading import read_table

    head = ["Date", "Officer", "Summary"]
    slides = [("Two", [head, ["15/03/2016", "PC Ellis", "Second visit to the address."]]),
              ("One", [head, ["14/03/2016", "PC Ellis", "First visit to the address."]])]  # fmt: skip
    path = files._pptx(tmp_path / "d.pptx", [slides[1], slides[0]])
    table = read_table(path)
    assert [cells[0] for _n, cells in table.rows] == ["14/03/2016", "15/03/2016"]
    assert "PowerPoint presentation" in " ".join(table.notes)


def _zip(path, members: dict[str, str]):
    import zipfile

    with zipfile.ZipFile(path, "w") as archive:
        for name, text in members.items():
            archive.writestr(name, text)
    return path


def test_a_zip_holding_one_chronology_is_read_and_others_are_refused(tmp_path):
    from app.chronology.file_guard import ImportRefused
    from app.chronology.reading import read_table

    csv = "Date,Event\n14/03/2016,Home visit\n15/03/2016,Phone call\n"
    table = read_table(_zip(tmp_path / "a.zip", {"x/readme.txt": "About", "x/c.csv": csv}))
    assert len(table.rows) == 2 and table.file_name == "a.zip"
    assert "c.csv inside it was read" in table.notes[0] and "readme.txt" in table.notes[0]
    with pytest.raises(ImportRefused, match=r"holds 2 files .*a\.csv, b\.csv"):
        read_table(_zip(tmp_path / "b.zip", {"a.csv": csv, "b.csv": csv}))
    with pytest.raises(ImportRefused, match="zip archive, not a spreadsheet"):
        read_table(_zip(tmp_path / "c.xlsx", {"c.csv": csv}))  # named as a workbook: damaged


def test_flat_xml_documents_are_read_as_their_packages(tmp_path):
    from app.chronology.reading import read_table

    for name, build in (("fodt_flat_writer", files.fodt_flat_writer),
                        ("fods_flat_calc", files.fods_flat_calc),
                        ("word_flat_xml", files.word_flat_xml)):  # fmt: skip
        path, truth = build(tmp_path)
        table = read_table(path)
        assert len(table.rows) == len(truth), name
        assert table.file_name == path.name


def test_xml_records_grouped_under_their_days_take_the_days_values(tmp_path):
    from app.chronology.reading import read_table

    path = tmp_path / "g.xml"
    path.write_text(
        '<Export><Days><Day date="2016-03-14"><Contact time="10:32"><Note>A</Note></Contact>'
        '<Contact time="11:00"><Note>B</Note></Contact></Day><Day date="2016-03-15">'
        '<Contact time="09:05"><Note>C</Note></Contact></Day></Days></Export>',
        encoding="utf-8",
    )
    table = read_table(path)
    assert table.headers == ["date", "time", "Note"]
    assert [cells for _n, cells in table.rows] == [
        ["2016-03-14", "10:32", "A"], ["2016-03-14", "11:00", "B"], ["2016-03-15", "09:05", "C"]
    ]  # fmt: skip


def test_json_records_keyed_by_their_dates(tmp_path):
    import json

    from app.chronology.reading import read_table

    path = tmp_path / "k.json"
    path.write_text(json.dumps({"case": "X", "byDay": {
        "2016-03-14": [{"text": "A"}, {"text": "B"}], "2016-03-15": [{"text": "C"}]}}))  # fmt: skip
    table = read_table(path)
    assert [cells for _n, cells in table.rows] == [
        ["2016-03-14", "A"], ["2016-03-14", "B"], ["2016-03-15", "C"]]  # fmt: skip
    # keys that are not dates are not read so
    a = [{"date": "14/03/2016", "text": "Seen"}, {"date": "15/03/2016", "text": "Called"}]
    path.write_text(json.dumps({"a": a, "b": [{"date": "16/03/2016", "text": "Seen"}]}))
    assert len(read_table(path).rows) == 2  # keys that are not dates: the longest list


def test_only_the_latest_version_of_each_note_is_an_entry():
    from app.chronology.note_versions import latest_versions

    headers = ["Note ID", "Version", "Date", "Note"]
    rows = [(2, ["N1", "1", "14/03/2016", "draft"]), (3, ["N1", "2", "14/03/2016", "final"]),
            (4, ["N2", 1, "15/03/2016", "only"])]  # fmt: skip
    kept, left_out, notes = latest_versions(headers, rows)
    assert [n for n, _c in kept] == [3, 4]
    assert left_out[0].row == 2 and "earlier version (1) of Note ID N1" in left_out[0].reason
    assert notes
    # every record once, or no record number: nothing left out
    assert latest_versions(headers, [rows[0], rows[2]])[1] == []
    assert latest_versions(["Version", "Date", "Note"], [(2, r[1:]) for _n, r in rows])[1] == []


def test_a_date_cell_of_words_never_takes_the_day_above(tmp_path, store_path, capsys):  # noqa: F811
    from tests.chronology.eighth_round_text import _write
    from tests.chronology.test_robust_files import _entries, _import

    path = _write(tmp_path / "r.csv", [
        ["Date", "Time", "Details"], ["14/03/2016", "09:00", "Seen at home with mother."],
        ["", "11:00", "Call back later."], ["[REDACTED]", "12:00", "Call from a neighbour."]])  # fmt: skip
    assert _import(store_path, path, capsys)[0] == 0
    rows = {r.event: r for r in _entries(store_path)}
    assert (
        rows["Call from a neighbour."].flagged and rows["Call from a neighbour."].date_start is None
    )
    assert rows["Call back later."].date_start.isoformat() == "2016-03-14"


def test_an_android_chat_names_its_senders_and_leaves_out_the_apps_lines(tmp_path):
    from app.chronology.reading import read_table

    path = tmp_path / "chat.txt"
    path.write_text(
        "14/03/2016, 09:00 - Messages and calls are end-to-end encrypted. Tap to learn more.\n"
        "14/03/2016, 10:32 - Sam Ellery: Visit went well, mum was in.\n"
        "15/03/2016, 11:00 - Jo Ward: School rang, Z late again\nsecond line\n"
        "16/03/2016, 12:00 - Sam Ellery: Thanks, will call, mum later.\n",
        encoding="utf-8",
    )
    table = read_table(path)
    assert table.headers == ["Date", "Written by", "Entry"]
    assert [cells for _n, cells in table.rows][1] == [
        "15/03/2016, 11:00", "Jo Ward", "School rang, Z late again\nsecond line"]  # fmt: skip
    assert "end-to-end encrypted" in " ".join(table.notes)


def test_holidays_joined_days_and_midnight_are_read():
    from datetime import date

    from app.chronology.dates import parse_date

    def read(text):
        p = parse_date(text)
        return p.precision, p.start, p.end, p.time

    assert read("Christmas Day 2016") == ("day", date(2016, 12, 25), date(2016, 12, 25), "")
    assert read("Boxing Day, 2016")[1] == date(2016, 12, 26)
    assert read("Christmas 2016")[:3] == ("approximate", date(2016, 12, 24), date(2016, 12, 26))
    assert read("Easter 2017")[1:3] == (date(2017, 4, 14), date(2017, 4, 17))
    assert read("14/03/2016 & 15/03/2016") == ("day", date(2016, 3, 14), date(2016, 3, 15), "")
    assert read("14/03/2016 24:00") == ("day", date(2016, 3, 15), date(2016, 3, 15), "00:00")
    assert read("31/12/2016 2400hrs")[1] == date(2017, 1, 1)
    # days far apart are two entries' days, not one span; a bare half term needs its year
    assert parse_date("14/03/2016 & 14/05/2016").precision == "unknown"
    assert parse_date("half term").precision == "unknown"
    assert parse_date("14/03/2016 10:24:00").time == "10:24"
    assert parse_date("14/03/2016 2400").precision == "unknown"  # four figures alone


def test_a_printed_reports_page_titles_are_not_entries(tmp_path):
    from app.chronology.reading import read_table

    path, truth = files.printed_pages_txt(tmp_path)
    table = read_table(path)
    dated = [cells for _n, cells in table.rows if cells[0]]
    assert len(dated) == len(truth)
    assert "top of a page" in " ".join(table.notes)


def test_sheets_of_dated_entries_under_other_columns_are_imported_too(tmp_path):
    from app.chronology.reading import read_tables

    path, _truth = files.chronology_sheets_behind_cover(tmp_path)
    assert [t.sheet for t in read_tables(path)] == ["Contacts", "Meetings"]
    # a sheet of other columns without dated sentences (a list of people) is only named
    from openpyxl import load_workbook

    book = load_workbook(path)
    people = book["Meetings"]
    for row in people.iter_rows(min_row=2):
        row[3].value = "Yes"
    book.save(path)
    assert [t.sheet for t in read_tables(path)] == ["Contacts"]


def test_a_zip_with_one_spreadsheet_beside_documents_reads_the_spreadsheet(tmp_path):
    from app.chronology.reading import read_table

    csv = "Date,Event\n14/03/2016,Home visit\n15/03/2016,Phone call\n"
    path = _zip(tmp_path / "z.zip", {"c.csv": csv, "copy.pdf": "%PDF-1.4", "letter.txt": "Hi"})
    table = read_table(path)
    assert len(table.rows) == 2
    assert "Not read: copy.pdf, letter.txt" in table.notes[0]


def test_json_records_keyed_by_their_ids(tmp_path):
    import json

    from app.chronology.reading import read_table

    path = tmp_path / "i.json"
    notes = {f"N{n}": {"date": f"1{n}/03/2016", "text": f"Seen {n}"} for n in (4, 5, 6)}
    path.write_text(json.dumps({"person": {"id": 1}, "notes": notes}))
    table = read_table(path)
    assert [cells for _n, cells in table.rows][0] == ["N4", "14/03/2016", "Seen 4"]
    # objects with nothing in common are the file's details, not records
    path.write_text(json.dumps({"a": {"x": 1}, "b": {"y": 2}, "c": {"z": 3}, "list": [
        {"date": "14/03/2016", "text": "A"}, {"date": "15/03/2016", "text": "B"}]}))  # fmt: skip
    assert len(read_table(path).rows) == 2


def test_an_iphone_chats_own_lines_are_left_out(tmp_path):
    from app.chronology.reading import read_table

    path = tmp_path / "chat.txt"
    path.write_text(
        "[14/03/2016, 09:00:01] Kelly Z: \u200eMessages and calls are end-to-end encrypted.\n"
        "[14/03/2016, 10:32:07] Sam: Seen, all well\n[15/03/2016, 11:00:00] Kelly Z: Called\n"
        "[15/03/2016, 11:02:00] Kelly Z: \u200e<attached: 0001-PHOTO.jpg>\n"
        "[16/03/2016, 12:00:00] Sam: Letter sent\n",
        encoding="utf-8",
    )
    table = read_table(path)
    assert [cells[2] for _n, cells in table.rows] == ["Seen, all well", "Called", "Letter sent"]
    assert "<attached: 0001-PHOTO.jpg>" in " ".join(table.notes)
