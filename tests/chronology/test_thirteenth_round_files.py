"""The thirteenth round's files (thirteenth_round_files.py) imported through the command line
with no options, every entry right, for the right agency, and nothing the file holds lost; and
each rule they needed, on its own."""

import pytest

from tests.chronology import thirteenth_round_files as files
from tests.chronology.round_checks import check_file_imports_fully_right
from tests.chronology.test_robust_files import store_path  # noqa: F401

FILES = files.FILES


@pytest.mark.parametrize("name", sorted(FILES))
def test_each_file_imports_fully_right_with_no_options(store_path, tmp_path, capsys, name):  # noqa: F811
    check_file_imports_fully_right(FILES, name, store_path, tmp_path, capsys, round_module=files)


# --- each rule on its own -------------------------------------------------------------------


def test_a_session_written_with_its_end_time_starts_on_its_own_day():
    from datetime import date

    from app.chronology.dates import parse_date

    for written, start, hhmm in [("14/03/2016 10:00-11:30", date(2016, 3, 14), "10:00"),
                                 ("21/06/2016 22:00-23:30", date(2016, 6, 21), "22:00"),
                                 ("2016-03-14 09:00 -17:00", date(2016, 3, 14), "09:00"),
                                 # a zone after seconds or ISO's "T" is still a zone
                                 ("2016-03-14T10:32-05:00", date(2016, 3, 14), "15:32"),
                                 ("2016-03-14 10:32:00-05:00", date(2016, 3, 14), "15:32"),
                                 ("2016-06-21T16:45:00+01:00", date(2016, 6, 21), "16:45"),
                                 # with seconds, but no zone is 11 hours and a quarter behind
                                 ("2016-03-14 10:32:00-11:15", date(2016, 3, 14), "10:32"),
                                 ("2016-03-14T10:32:00-03:30", date(2016, 3, 14), "14:02")]:  # fmt: skip
        parsed = parse_date(written)
        assert (parsed.start, parsed.end, parsed.time) == (start, start, hhmm), written


def test_times_typed_as_people_say_them():
    from datetime import date

    from app.chronology.dates import parse_date, parse_time

    said = {"12 noon": "12:00", "12noon": "12:00", "12 midnight": "00:00",
            "approx. 3pm": "15:00", "about 7pm": "19:00", "22:00 approx": "22:00",
            "21:15 (approx)": "21:15", "3pm-4pm": "15:00", "~15:00": "15:00",
            "at around 9.30am": "09:30"}  # fmt: skip
    assert {t: parse_time(t) for t in said} == said
    for nothing in ("after 3pm", "early hours", "12mn", "approx", "14"):
        assert parse_time(nothing) == ""
    for written, hhmm in [("14/03/2016 approx. 3pm", "15:00"), ("14/03/2016 12 noon", "12:00"),
                          ("14 March 2016 at approximately 3pm", "15:00"),
                          ("14/03/2016 (approx 15:00)", "15:00"),
                          ("14/03/2016 10:32 (approx)", "10:32")]:  # fmt: skip
        parsed = parse_date(written)
        assert (parsed.start, parsed.time) == (date(2016, 3, 14), hhmm), written
    assert parse_date("14/03/2016 (approx)").precision == "approximate"
    assert parse_date("14/03/2016 midnight").start is None  # which midnight: left to check


def test_spans_and_weeks_written_loosely():
    from datetime import date

    from app.chronology.dates import parse_date

    for written, start, end in [
        ("14 Mar – 2 Apr 2016", date(2016, 3, 14), date(2016, 4, 2)),
        ("28/10 - 02/11/2016", date(2016, 10, 28), date(2016, 11, 2)),
        ("28/12 - 02/01/2017", date(2016, 12, 28), date(2017, 1, 2)),
        ("March/April 2016", date(2016, 3, 1), date(2016, 4, 30)),
        ("14/15 May 2016", date(2016, 5, 14), date(2016, 5, 15)),
        ("first week of June 2016", date(2016, 6, 1), date(2016, 6, 7)),
        ("2nd week in May 2016", date(2016, 5, 8), date(2016, 5, 14)),
        ("last week of July 2016", date(2016, 7, 25), date(2016, 7, 31)),
        ("end Sept 2016", date(2016, 9, 21), date(2016, 9, 30)),
    ]:
        parsed = parse_date(written)
        assert (parsed.start, parsed.end) == (start, end), written
    for unread in ("14 Mar - 2 Apr", "fifth week of June 2016", "Sam/Jo 2016"):
        assert parse_date(unread).start is None, unread


def test_a_forms_qualifier_is_no_part_of_a_heading():
    from app.chronology.mapping import guess_mapping, normalise_header

    assert normalise_header("Time of concern (if known)") == "time of concern"
    assert normalise_header("Date of birth (optional)") == "date of birth"
    heads = ["ID", "Start time", "Completion time", "Email", "Name", "Date of concern",
             "Time of concern (if known)", "Type of concern", "What happened?"]  # fmt: skip
    assert guess_mapping(heads)["time"] == 6
    assert guess_mapping(["Date", "Start time", "Notes"])["time"] == 1


def test_a_byte_order_mark_inside_a_csv_is_left_out(tmp_path):
    from app.chronology.csv_text import read_csv

    path = tmp_path / "joined.csv"
    path.write_bytes(b"\xef\xbb\xbfDate,Event\r\n14/03/2016,Visit\r\n"
                     b"\xef\xbb\xbfDate,Event\n03/04/2016,Call\n")  # fmt: skip
    rows, notes, _flags = read_csv(path, 100)
    assert rows == [["Date", "Event"], ["14/03/2016", "Visit"], ["Date", "Event"],
                    ["03/04/2016", "Call"]]  # fmt: skip
    assert any("Row(s) 3 start with the mark" in n for n in notes)


def test_threaded_comments_are_their_own_words():
    from app.chronology.reading import _threaded

    text = files.THREADED.format("Seen at home.") + files.REPLY.format("Agreed.")
    assert _threaded(text) == ("Seen at home.", ["Agreed."])
    assert _threaded("A plain note.\nComment: kept") == ("A plain note.\nComment: kept", [])


def test_under_a_date_line_a_sentence_opening_with_its_time_gives_the_time():
    from app.chronology.word_tables import dated_lines

    rows, before = dated_lines(["Chronology", "Monday 14 March 2016", "At 10:32 the nurse came.",
                                "She stayed an hour.", "Sunday 3 April 2016", "At about 3pm, a call.",
                                "Friday 6 May 2016", "Atkins rang."])  # fmt: skip
    assert before == 1
    assert rows[1:] == [["Monday 14 March 2016 10:32", "At 10:32 the nurse came.\nShe stayed an hour."],
                        ["Sunday 3 April 2016 3pm", "At about 3pm, a call."],
                        ["Friday 6 May 2016", "Atkins rang."]]  # fmt: skip


def test_a_key_beside_the_table_is_no_part_of_it():
    from app.chronology.side_by_side import key_beside

    heads = ["Date", "Worker", "Event", "", "Key", ""]
    rows = [(n + 2, ["14/03/2016", "SE", "Visit.", "", "SE" if n == 0 else "", ""])
            for n in range(4)]  # fmt: skip
    rows[0][1][5] = "Sam Ellery"
    width, note = key_beside(heads, rows)
    assert width == 3 and "under 'Key' (rows 2-2)" in note and "SE \u2013 Sam Ellery" in note
    # a column with something in the blank column, a key on most rows, another heading: no key
    assert key_beside(["Date", "Worker", "Event", "", "Notes", ""], rows) is None
    full = [(n, [*cells[:4], "x", "y"]) for n, cells in rows]
    assert key_beside(heads, full) is None
    filled_gap = [(n, [*cells[:3], "z", *cells[4:]]) for n, cells in rows]
    assert key_beside(heads, filled_gap) is None


def _eml(path, parts):
    body = "".join(f"--b\r\n{p}\r\n" for p in parts)
    path.write_text("From: a@example.org\r\nSubject: Chronology\r\nMIME-Version: 1.0\r\n"
                    'Content-Type: multipart/mixed; boundary="b"\r\n\r\n' + body + "--b--\r\n")  # fmt: skip
    return path


def test_an_email_saved_as_a_file_is_read_from_its_body(tmp_path):
    from app.chronology.file_guard import ImportRefused
    from app.chronology.reading import read_table

    table = ("Content-Type: text/html; charset=utf-8\r\n\r\n<p>Hi</p><table><tr><td>Date</td>"
             "<td>Event</td></tr><tr><td>14/03/2016</td><td>Home visit</td></tr><tr><td>"
             "03/04/2016</td><td>Call</td></tr></table>")  # fmt: skip
    read = read_table(_eml(tmp_path / "a.eml", [table]))
    assert read.headers == ["Date", "Event"] and len(read.rows) == 2
    assert any("e-mail" in n for n in read.notes)
    plain = "Content-Type: text/plain\r\n\r\n14/03/2016 Home visit"
    attached = ("Content-Type: application/vnd.ms-excel\r\nContent-Disposition: attachment; "
                'filename="chronology.xlsx"\r\nContent-Transfer-Encoding: base64\r\n\r\nAAAA')  # fmt: skip
    with pytest.raises(ImportRefused, match="chronology.xlsx.*save the attachment"):
        read_table(_eml(tmp_path / "b.eml", [plain, attached]))
    with pytest.raises(ImportRefused, match=r"no table in it.*save the e-mail as text"):
        read_table(_eml(tmp_path / "c.eml", [plain]))


def test_a_writer_document_is_read_as_a_word_document():
    from app.chronology.odt_text import odt_blocks

    t, tb, o = ("urn:oasis:names:tc:opendocument:xmlns:text:1.0",
                "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
                "urn:oasis:names:tc:opendocument:xmlns:office:1.0")  # fmt: skip
    content = (
        f'<office:document-content xmlns:office="{o}" xmlns:text="{t}" xmlns:table="{tb}">'
        "<office:body><office:text><text:tracked-changes><text:changed-region><text:deletion>"
        "<text:p>gone</text:p></text:deletion></text:changed-region></text:tracked-changes>"
        "<text:h>Chronology</text:h><text:p>Intro<text:s text:c='2'/>text"
        "<office:annotation><text:p>Check this</text:p></office:annotation></text:p>"
        "<table:table><table:table-row><table:table-cell><text:p>Date</text:p></table:table-cell>"
        "<table:table-cell><text:p>Event</text:p></table:table-cell></table:table-row>"
        "<table:table-row><table:table-cell><text:p>14/03/2016</text:p></table:table-cell>"
        "<table:table-cell><text:p>Visit</text:p><text:p>Seen</text:p><table:table>"
        "<table:table-row><table:table-cell><text:p>inner</text:p></table:table-cell>"
        "</table:table-row></table:table></table:table-cell><table:table-cell "
        "table:number-columns-repeated='900'/></table:table-row></table:table>"
        "</office:text></office:body></office:document-content>"
    )
    blocks, comments = odt_blocks(content.encode())
    assert blocks == [("h", "Chronology"), ("p", "Intro  text"),
                      ("table", [["Date", "Event"], ["14/03/2016", "Visit\nSeen\ninner"]])]  # fmt: skip
    assert comments == ["Check this"]


def test_a_sheet_printed_over_two_page_sets_is_read_side_by_side(tmp_path):
    from app.chronology.layout import find_layout
    from app.chronology.pdf_text import read_pdf

    path, _truth = files.pdf_columns_over_pages(tmp_path)
    rows, notes = read_pdf(path, find_layout)
    assert rows[0] == ["Date", "Time", "Worker", "Type", "Event"]
    assert rows[1][:2] == ["14/03/2016", "10:32"] and rows[1][4].startswith("Home visit")
    assert any("printed wider than the page" in n for n in notes)


def test_a_time_heading_over_stamps_of_other_days_is_not_the_entries_time():
    from datetime import datetime, time

    from app.chronology.columns import plan_columns

    heads = ["Start time", "When did this happen?", "What happened?"]
    rows = [(n + 2, [datetime(2016, 3, 16 + n, 9, n), datetime(2016, 3, 14 + n, 10, 32),
                     f"Entry {n}: the child was seen at home with her mother."])
            for n in range(6)]  # fmt: skip
    assert "time" not in plan_columns(heads, rows).mapping
    # on the entries' own days, or on a database's day nought, they are its time
    same = [(n, [c[1].replace(hour=11), c[1], c[2]]) for n, c in rows]
    assert plan_columns(heads, same).mapping["time"] == 0
    nought = [(n, [datetime.combine(datetime(1899, 12, 30), time(10, 32)), c[1], c[2]])
              for n, c in rows]  # fmt: skip
    assert plan_columns(heads, nought).mapping["time"] == 0
    # a mainframe's time "10.32.00" reads as a day (10/03/2000) but carries no time: a time
    dotted = [(n, [f"{10 + n}.32.00", c[1], c[2]]) for n, c in rows]
    assert plan_columns(heads, dotted).mapping["time"] == 0
    # Microsoft Forms' own stamps, even on the entries' day, are when the form was filled in
    forms = ["Start time", "Completion time", "Date of concern", "What happened?"]
    filled = [(n, [c[1].replace(hour=15), c[1].replace(hour=15, minute=9), c[1].date(), c[2]])
              for n, c in rows]  # fmt: skip
    assert "time" not in plan_columns(forms, filled).mapping


def test_a_span_of_times_with_am_or_pm_after_its_end_starts_in_that_half_of_the_day():
    from datetime import date

    from app.chronology.dates import parse_date, parse_time

    said = {"2.30-3.30pm": "14:30", "2-3pm": "14:00", "10-11am": "10:00", "12-1pm": "12:00",
            "11.30-12.30pm": "11:30", "1.15 - 2pm": "13:15", "11am-1pm": "11:00",
            "14:00hrs-15:00hrs": "14:00", "10:32 - 11:15": "10:32"}  # fmt: skip
    assert {t: parse_time(t) for t in said} == said
    assert parse_time("3-5") == parse_time("11-12.30") == ""  # figures alone: no times
    parsed = parse_date("14/03/2016 2.30-3.30pm")
    assert (parsed.start, parsed.time) == (date(2016, 3, 14), "14:30")
    assert parse_date("3-5/4/2016").end == date(2016, 4, 5)


def test_an_outlook_message_is_refused_with_the_way_to_save_it(tmp_path):
    from app.chronology.file_guard import ImportRefused
    from app.chronology.reading import read_table

    path = tmp_path / "RE Chronology.msg"
    streams = "".join(f"__substg1.0_{n}\0" for n in ("0037001F", "1000001F"))
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504
                     + (streams + "__properties_version1.0").encode("utf-16-le") + b"\0" * 2048)  # fmt: skip
    with pytest.raises(ImportRefused, match=r"Outlook message \(.msg\).*as \.eml.*Text Only"):
        read_table(path)
