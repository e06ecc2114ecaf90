"""The fourteenth round's files (fourteenth_round_files.py) imported through the command line
with no options, every entry right, for the right agency, and nothing the file holds lost; and
each rule they needed, on its own."""

import pytest

from tests.chronology import fourteenth_round_files as files
from tests.chronology.round_checks import check_file_imports_fully_right
from tests.chronology.test_robust_files import store_path  # noqa: F401

FILES = {**files.FILES, **files.LATER}


@pytest.mark.parametrize("name", sorted(FILES))
def test_each_file_imports_fully_right_with_no_options(store_path, tmp_path, capsys, name):  # noqa: F811
    check_file_imports_fully_right(FILES, name, store_path, tmp_path, capsys, round_module=files)


# --- each rule on its own -------------------------------------------------------------------


def test_a_chat_stamp_gives_the_entry_its_time():
    from app.chronology.dates import parse_date
    from app.chronology.word_tables import dated_lines

    rows, before = dated_lines(
        ["Messages exported from the phone", "14/03/2016, 10:32 - Ngozi Okafor: Z came home quiet",
         "[03/04/2016, 14:30:07] Sam Ellery: Thanks, I will visit", "[06/05/2016 09:05] Jo Ward",
         "School rang about lateness", "21/06/2016 4:45 pm - Ngozi Okafor: GP at 5"]
    )  # fmt: skip
    assert before == 1
    assert [(parse_date(r[0]).start.isoformat(), parse_date(r[0]).time) for r in rows[1:]] == [
        ("2016-03-14", "10:32"), ("2016-04-03", "14:30"), ("2016-05-06", "09:05"),
        ("2016-06-21", "16:45")]  # fmt: skip
    assert rows[1][1] == "Ngozi Okafor: Z came home quiet"
    assert rows[3][1] == "Jo Ward\nSchool rang about lateness"
    # a bracketed number or a bracket that does not close round a stamp is no stamp
    assert dated_lines(["[see note] 14/03/2016 visit"])[0] == [["Date", "Entry"]]


def _eml(tmp_path, body: str, content_type: str = "text/plain") -> object:
    import quopri

    qp = quopri.encodestring(body.encode("utf-8")).decode("ascii")
    path = tmp_path / "m.eml"
    path.write_bytes(
        (f"From: A <a@example.org>\r\nSubject: chronology\r\nMIME-Version: 1.0\r\n"
         f"Content-Type: {content_type}; charset=utf-8\r\n"
         f"Content-Transfer-Encoding: quoted-printable\r\n\r\n{qp}").encode("ascii")
    )  # fmt: skip
    return path


def test_an_e_mail_written_as_dated_paragraphs_is_read_from_its_text(tmp_path):
    from app.chronology.reading import read_table

    long = "Home visit, mother present and the flat cold; advice given about heating " * 2
    body = (
        "Dear all,\n\n"
        + "".join(f"{d}/03/2016 - {long}entry {d}.\n\n" for d in (14, 15, 16))
        + "Kind regards,\nJo"
    )
    table = read_table(_eml(tmp_path, body))
    assert table.headers == ["Date", "Entry"]
    assert [cells[0] for _n, cells in table.rows] == ["14/03/2016", "15/03/2016", "16/03/2016"]
    assert table.rows[0][1][1] == f"{long}entry 14.".strip()  # the soft line breaks undone
    assert "is an e-mail: its text was read" in " ".join(table.notes)


def test_an_e_mail_with_text_but_no_dated_paragraphs_is_still_refused(tmp_path):
    from app.chronology.file_guard import ImportRefused
    from app.chronology.reading import read_table

    with pytest.raises(ImportRefused, match="save the e-mail as text"):
        read_table(_eml(tmp_path, "Dear all,\n\nThe chronology will follow next week.\n\nJo"))


def test_a_web_page_without_a_table_is_read_by_its_paragraphs(tmp_path):
    from app.chronology.reading import read_table

    notes = "".join(
        f"<div><div><b>{d}/03/2016 10:{d}</b> &ndash; Progress note</div><p>Seen at home, "
        f"day {d}.</p></div>"
        for d in (14, 15, 16)
    )
    path = tmp_path / "p.html"
    path.write_text(f"<html><head><title>14/03/2016</title></head><body><h1>Notes</h1>{notes}"
                    "</body></html>", encoding="utf-8")  # fmt: skip
    table = read_table(path)
    assert [cells[0] for _n, cells in table.rows] == [
        "14/03/2016 10:14", "15/03/2016 10:15", "16/03/2016 10:16"]  # fmt: skip
    assert table.rows[1][1][1] == "Progress note\nSeen at home, day 15."
    page = tmp_path / "q.html"
    page.write_text("<html><body><p>No chronology here.</p></body></html>", encoding="utf-8")
    from app.chronology.file_guard import ImportRefused

    with pytest.raises(ImportRefused, match="no table in it"):
        read_table(page)


def test_json_records_are_rows_their_nested_fields_columns(tmp_path):
    import json

    from app.chronology.reading import read_table

    data = {"exportedAt": "2016-12-05T09:12:44Z", "meta": {"count": 3},
            "notes": [{"when": "2016-03-14T10:32:00", "author": {"name": "Sam Ellery"},
                       "tags": ["visit", "home"], "text": "Seen at home.", "done": True},
                      {"when": "2016-03-15T11:00:00", "author": None, "text": "Phoned."},
                      {"when": "2016-03-16T12:00:00", "author": {"name": "Jo Ward"},
                       "text": "Letter sent.", "private": None}]}  # fmt: skip
    path = tmp_path / "n.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    table = read_table(path)
    assert table.headers == ["when", "author name", "tags", "text", "done"]
    assert table.rows[0][1] == ["2016-03-14T10:32:00", "Sam Ellery", "visit; home",
                                "Seen at home.", "Yes"]  # fmt: skip
    assert table.rows[1][1][1] == ""
    assert "exportedAt, meta" in " ".join(table.notes)
    # a list at the top, and a text file starting with a bracket is still read as text
    path.write_text(json.dumps(data["notes"]), encoding="utf-8")
    assert len(read_table(path).rows) == 3
    chat = tmp_path / "c.txt"
    chat.write_text("[14/03/2016 10:32] Sam\nSeen at home today with mum.\n\n[15/03/2016 11:00] "
                    "Jo\nPhoned the school about Z.\n\n[16/03/2016 12:00] Sam\nLetter sent to "
                    "mum about the meeting.\n", encoding="utf-8")  # fmt: skip
    assert len(read_table(chat).rows) == 3


def test_xml_records_are_the_element_repeated_most(tmp_path):
    from app.chronology.reading import read_table

    path = tmp_path / "r.xml"
    path.write_text(
        '<?xml version="1.0"?><Report xmlns="R" Textbox1="Case notes" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="x">'
        "<Filters><Filter>A</Filter><Filter>B</Filter></Filters><Notes>"
        '<Note Date="2016-03-14T10:32:00"><Author><Name>Sam Ellery</Name></Author>'
        "<Text>Seen at home.</Text></Note>"
        '<Note Date="2016-03-15T11:00:00"><Text>Phoned.</Text></Note>'
        '<Note Date="2016-03-16T12:00:00"><Author><Name>Jo Ward</Name></Author>'
        "<Text>Letter sent.</Text></Note></Notes></Report>",
        encoding="utf-8",
    )
    table = read_table(path)
    assert table.headers == ["Date", "Author Name", "Text"]
    assert [cells for _n, cells in table.rows][1] == ["2016-03-15T11:00:00", "", "Phoned."]
    assert "3 \u201cNote\u201d records" in " ".join(table.notes)


def test_markdown_headings_and_marks_read_as_paragraphs(tmp_path):
    from app.chronology.reading import read_table

    path = tmp_path / "c.md"
    path.write_text(
        "# Chronology\n\nFrom the team's wiki.\n\n## 14 March 2016\n\n**10:32** - Home visit, "
        "[mum](http://x/1) seen.\n\n## Tuesday 15 March 2016\n\n- 11:00 - Call to school\n\n"
        "### 16/03/2016\n\n12:00 - Letter __sent__\n",
        encoding="utf-8",
    )
    table = read_table(path)
    assert [cells for _n, cells in table.rows] == [
        ["14 March 2016 10:32", "Home visit, mum seen."],
        ["Tuesday 15 March 2016 11:00", "Call to school"],
        ["16/03/2016 12:00", "Letter sent"],
    ]
    # a CSV with one comment line starting "# " is still a CSV
    csv = tmp_path / "c.csv"
    csv.write_text("# exported\nDate,Event\n14/03/2016,Home visit\n15/03/2016,Call\n")
    assert read_table(csv).headers == ["Date", "Event"]


def test_opendocument_struck_text_and_footnotes(tmp_path):
    from app.chronology.odt_text import odt_blocks

    ns = files._ODF_NS
    content = (
        f'<?xml version="1.0"?><office:document-content {ns}><office:automatic-styles>'
        '<style:style style:name="S" style:family="text"><style:text-properties '
        'style:text-line-through-style="solid"/></style:style>'
        '<style:style style:name="P2" style:family="paragraph" style:parent-style-name="S"/>'
        '<style:style style:name="N" style:family="text"><style:text-properties '
        'style:text-line-through-style="none"/></style:style></office:automatic-styles>'
        "<office:body><office:text><table:table><table:table-row>"
        '<table:table-cell><text:p><text:span text:style-name="S">14/03/2016</text:span>'
        "</text:p></table:table-cell>"
        '<table:table-cell><text:p>Seen <text:span text:style-name="S">at home</text:span>'
        '<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation>'
        "<text:note-body><text:p>From the diary.</text:p></text:note-body></text:note>"
        '</text:p></table:table-cell><table:table-cell><text:p text:style-name="N">Plain'
        "</text:p></table:table-cell></table:table-row></table:table>"
        '<text:p text:style-name="P2">15/03/2016 - crossed out entry</text:p>'
        "</office:text></office:body></office:document-content>"
    )
    strikes, paragraphs = [], []
    blocks, _comments = odt_blocks(content.encode(), strikes, paragraphs)
    assert blocks[0] == ("table", [["14/03/2016", "Seen at home (footnote 1: From the diary.)",
                                    "Plain"]])  # fmt: skip
    assert strikes == [{(0, 0): "whole", (0, 1): "part"}]
    assert paragraphs == [("15/03/2016 - crossed out entry", "whole")]


def test_a_date_written_with_its_month_in_welsh_and_english_is_one_day():
    from datetime import date

    from app.chronology.dates import parse_date

    for written, start, end in [
        ("14 Mawrth / March 2016", date(2016, 3, 14), date(2016, 3, 14)),
        ("21 June/Mehefin 2016", date(2016, 6, 21), date(2016, 6, 21)),
        ("Tach / Nov 2016", date(2016, 11, 1), date(2016, 11, 30)),
        ("March/April 2016", date(2016, 3, 1), date(2016, 4, 30)),  # two months: a span
        ("14 Mawrth / March 2016 - 3 Ebrill / April 2016", date(2016, 3, 14), date(2016, 4, 3)),
    ]:
        parsed = parse_date(written)
        assert (parsed.start, parsed.end) == (start, end), written


def test_a_letter_s_closing_under_dated_paragraphs_is_left_out(tmp_path):
    from app.chronology.csv_text import sign_off_at
    from app.chronology.reading import read_table

    paragraphs = ["Thanks for asking.", "14/03/2016 - Seen at home.", "15/03/2016 - Phoned.",
                  "Best wishes,", "Owain Prys"]  # fmt: skip
    assert sign_off_at(paragraphs) == 3  # "Thanks" above the first entry is no closing
    assert sign_off_at(["Kind regards"]) == 1
    page = tmp_path / "p.html"
    page.write_text("<html><p>Hello</p>" + "".join(f"<p>{d}/03/2016: visit {d} to the family home</p>"
                    for d in (14, 15, 16)) + "<p>Warmest wishes,</p><p>Jo, Housing</p>",
                    encoding="utf-8")  # fmt: skip
    table = read_table(page)
    assert [cells[1] for _n, cells in table.rows][-1] == "visit 16 to the family home"


def test_a_chat_of_bracketed_stamps_is_read_a_message_a_line(tmp_path):
    from app.chronology.reading import read_table

    path = tmp_path / "chat.txt"
    path.write_text("[14/03/2016, 10:32:07] Sam: Seen, all well\n[15/03/2016, 11:00:00] Jo: "
                    "Called, no answer\nTried again later\n[16/03/2016, 9:05:30 pm] Sam: "
                    "Letter sent, copy on file\n", encoding="utf-8")  # fmt: skip
    table = read_table(path)
    # (each message's sender is who wrote it: a column of its own)
    assert [cells for _n, cells in table.rows] == [
        ["14/03/2016, 10:32:07", "Sam", "Seen, all well"],
        ["15/03/2016, 11:00:00", "Jo", "Called, no answer\nTried again later"],
        ["16/03/2016, 9:05:30 pm", "Sam", "Letter sent, copy on file"],
    ]
    # a CSV whose rows start with a date is still a CSV
    csv = tmp_path / "c.csv"
    csv.write_text("Date,Event\n14/03/2016 10:32,Seen, all well\n15/03/2016 11:00,Called\n"
                   "16/03/2016 09:05,Letter\n", encoding="utf-8")  # fmt: skip
    assert read_table(csv).headers[:2] == ["Date", "Event"]


def test_xml_fields_named_by_an_attribute_are_columns_of_that_name(tmp_path):
    from app.chronology.reading import read_table

    def record(day: int, who: str) -> str:
        return (f'<Details><Section><Field Name="NoteDate1"><FormattedValue>{day}/03/2016'
                f"</FormattedValue><Value>2016-03-{day}T00:00:00</Value></Field>"
                f'<Field Name="Author1"><Value>{who}</Value></Field><Field Name="Text1">'
                f"Seen on day {day}</Field></Section></Details>")  # fmt: skip

    path = tmp_path / "c.xml"
    path.write_text(f"<Report>{record(14, 'Sam')}{record(15, 'Jo')}{record(16, 'Sam')}</Report>",
                    encoding="utf-8")  # fmt: skip
    table = read_table(path)
    assert table.headers == ["Note Date", "Author", "Text"]
    assert [cells for _n, cells in table.rows][0] == ["14/03/2016", "Sam", "Seen on day 14"]


def test_json_or_xml_too_large_to_hold_is_refused(tmp_path, monkeypatch):
    from app.chronology import record_files
    from app.chronology.file_guard import ImportRefused
    from app.chronology.reading import read_table

    monkeypatch.setattr(record_files, "MAX_RECORD_BYTES", 100)
    for name, text in [("a.json", '[{"date": "14/03/2016", "note": "' + "x" * 200 + '"}]'),
                       ("a.xml", "<r><n>14/03/2016</n><n>" + "x" * 200 + "</n></r>")]:  # fmt: skip
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        with pytest.raises(ImportRefused, match="too large to read"):
            read_table(path)


def test_lanes_headed_by_people_are_read_as_who_recorded_each_entry(tmp_path):
    from app.chronology.swim_lanes import PERSON_HEADING, as_person_rows, person_lane_columns
    from tests.chronology.round_checks import rows_of, table_of

    days = ["14/03/2016", "15/03/2016", "16/03/2016", "17/03/2016"]
    khan = ["Visited mother at home, seen alone", "", "Strategy discussion attended", ""]
    ellis = ["", "Called the school about Z's absence", "", "PNC checks completed on partner"]
    table = table_of(tmp_path, [["Date", "DS Khan", "PC 2206 Ellis"], *(
        c for _n, c in rows_of(days, khan, ellis))])  # fmt: skip
    assert person_lane_columns(table) == [1, 2]
    read = as_person_rows(table, [1, 2])
    assert read.headers == ["Date", PERSON_HEADING, "Entry"]
    assert [c for _n, c in read.rows][1] == ["15/03/2016", "PC 2206 Ellis", ellis[1]]
    # never an ordinary table: people's columns of ticks, the same words, or no titles
    for heads, a, b in [
        (["Date", "Mr Jones", "Mrs Jones"], ["Y", "", "Y", ""], ["", "Y", "", "Y"]),
        (["Date", "Dr Shah", "Nurse Pryce"], ["Seen in clinic"] * 2 + ["", ""],
         ["", "", "Seen in clinic", "Seen in clinic"]),
        (["Date", "Sam Ellery", "Jo Ward"], khan, ellis),
        (["Date", "Mother", "Father"], khan, ellis),
    ]:  # fmt: skip
        other = table_of(tmp_path, [heads, *(c for _n, c in rows_of(days, a, b))])
        assert person_lane_columns(other) == [], heads
    # both written on most rows: a table of two people's views, not lanes
    both = table_of(tmp_path, [["Date", "DS Khan", "PC Ellis"],
                               *(c for _n, c in rows_of(days, [k or "Agreed" * 4 for k in khan],
                                                        [e or "Noted it" * 3 for e in ellis]))])  # fmt: skip
    assert person_lane_columns(both) == []


def test_json_lines_are_records_a_line(tmp_path):
    import json

    from app.chronology.reading import read_table

    path = tmp_path / "n.jsonl"
    path.write_text("\n".join(json.dumps({"date": f"{d}/03/2016", "note": f"Seen on {d}"})
                              for d in (14, 15, 16)) + "\n", encoding="utf-8")  # fmt: skip
    table = read_table(path)
    assert table.headers == ["date", "note"]
    assert [c for _n, c in table.rows][2] == ["16/03/2016", "Seen on 16"]
    # a line that is not an object: read as text
    from app.chronology.record_files import read_json_records

    path.write_text('{"date": "14/03/2016"}\n[14/03/2016 10:32] Sam\n', encoding="utf-8")
    assert read_json_records(path) is None
