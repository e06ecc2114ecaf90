"""The twelfth round's files (twelfth_round_files.py) imported through the command line with
no options, every entry right, for the right agency, and nothing the file holds lost; and each
rule they needed, on its own."""

import pytest

from tests.chronology import twelfth_round_files
from tests.chronology.fourth_round_files import same_text_differences
from tests.chronology.round_checks import check_file_imports_fully_right
from tests.chronology.test_robust_files import (
    _entries,
    _import,
    store_path,  # noqa: F401
)

FILES = twelfth_round_files.FILES


@pytest.mark.parametrize("name", sorted(FILES))
def test_each_file_imports_fully_right_with_no_options(store_path, tmp_path, capsys, name):  # noqa: F811
    check_file_imports_fully_right(
        FILES, name, store_path, tmp_path, capsys, round_module=twelfth_round_files
    )


# --- each rule on its own -------------------------------------------------------------------


def _table(headers, rows):
    from app.chronology.types import SheetTable

    return SheetTable("f.xlsx", "Sheet1", 1, headers, [(n + 2, r) for n, r in enumerate(rows)])


def test_swim_lanes_are_found_by_their_headings_and_one_lane_a_row():
    from app.chronology.swim_lanes import AGENCY_HEADING, lane_columns, swim_lanes

    heads = ["Date", "Police", "Health (GP)", "School"]
    rows = [["14/03/2016", "Arrest of father.", None, None],
            ["03/04/2016", None, "Seen by GP.", None],
            ["06/05/2016", None, "Missed clinic.", "Absent."],
            ["21/06/2016", None, None, "Hungry on arrival."]]  # fmt: skip
    assert lane_columns(_table(heads, rows), set()) == [1, 2, 3]
    read = swim_lanes(_table(heads, rows), set(), "Agency")
    assert read.headers == ["Date", AGENCY_HEADING, "Entry"]
    assert [(n, c[1]) for n, c in read.rows][2:4] == [(4, "Health (GP)"), (4, "School")]
    assert "Row(s) 4 have entries in more than one lane" in read.notes[-1]
    # a review's own agency names a lane too
    named = ["Date", "Dyfed-Powys Police", "Hywel Dda Partneriaeth"]
    two = [["14/03/2016", "Visit.", None], ["03/04/2016", None, "Clinic."]]
    assert lane_columns(_table(named, two), set()) == []
    assert lane_columns(_table(named, two), {"dyfed-powys police", "hywel dda partneriaeth"}) == [
        1,
        2,
    ]
    # every row writing in several of the columns: an assessment grid, not lanes
    grid = [[r[0], "Fine.", "Seen.", "Attending."] for r in rows]
    assert lane_columns(_table(heads, grid), set()) == []
    # one agency's column among others, or headings that are not agencies
    assert lane_columns(_table(["Date", "Police", "Details"], two), set()) == []
    assert lane_columns(_table(["Date", "Worker", "Details"], two), set()) == []


def test_swim_lanes_with_one_agency_asked_are_joined_into_the_event(store_path, tmp_path, capsys):  # noqa: F811
    from app.cli import main

    path, truth = twelfth_round_files.word_swim_lanes_with_time(tmp_path)
    argv = ["import-chronology", "--db", str(store_path), "--review", "R-1", "--agency",
            "Multi-agency panel", "--one-agency", str(path)]  # fmt: skip
    assert main(argv) == 0, capsys.readouterr().out
    rows = _entries(store_path)
    assert same_text_differences(rows, truth) == []
    assert {r.agency for r in rows} == {"Multi-agency panel"}
    assert any(r.event.startswith("School: ") for r in rows)


def test_a_sheet_listing_the_other_sheets_is_not_a_chronology():
    from datetime import date

    from app.chronology.reading import lists_sheets

    names = ["Export Summary", "Chronology - Contacts"]
    summary = [["Export Summary"], [None, "Sheet Name", "Table Name"],
               ["Chronology - Contacts", "Chronology", "Contacts"]]  # fmt: skip
    assert lists_sheets(summary, names, "Export Summary")
    dated = [["Date", "Event"], [date(2016, 3, 14), "See Chronology - Contacts"]]
    assert not lists_sheets(dated, names, "Export Summary")
    typed = [["Sheet", "Date"], ["Chronology - Contacts", "14/03/2016"]]
    assert not lists_sheets(typed, names, "Export Summary")
    assert not lists_sheets(summary, ["Export Summary"], "Export Summary")


def test_rtf_tracked_changes_and_strike_through_are_marked_by_cell():
    from app.chronology.rtf_text import rtf_blocks

    data = (
        rb"{\rtf1\ansi\pard Intro {\deleted old words} kept\par"
        rb"\trowd\cellx1000\cellx2000\pard\intbl Date\cell Event\cell\row"
        rb"\trowd\cellx1000\cellx2000\pard\intbl 14/03/2016\cell Visit {\deleted\revauth1 gone}"
        rb"{\revised added}\cell\row"
        rb"\trowd\cellx1000\cellx2000\pard\intbl {\strike 03/04/2016}\cell {\striked1 Call}\cell\row"
        rb"\trowd\cellx1000\cellx2000\pard\intbl 06/05/2016\cell Seen \strike twice\strike0\cell"
        rb"\row}"
    )
    marks, gone = [], []
    blocks = rtf_blocks(data, marks, gone)
    assert blocks[0] == ("p", "Intro  kept")
    assert blocks[1][1][1] == ["14/03/2016", "Visit added"]
    assert marks == [{(1, 1): "tracked|gone", (2, 0): "whole", (2, 1): "whole", (3, 1): "part"}]
    assert gone == ["old words"]
    assert rtf_blocks(data) == blocks  # (nothing asked, nothing marked)


def test_more_code_pages_are_told_apart_by_their_letters():
    from app.chronology.csv_text import _baltic, _cyrillic

    russian = "Ольга Соколова, Андрей Попов, Татьяна Лебедева, Владимир Новиков, сказала мама"
    for codec in ("cp1251", "koi8_u", "iso8859_5", "cp866"):
        assert _cyrillic([russian.encode(codec)]) == codec
    ukrainian = "Олена Коваленко, Тарас Мельник, Ірина Бондаренко, Дмитро Шевчук, дякую і їх"
    for codec in ("cp1251", "koi8_u", "iso8859_5"):
        assert _cyrillic([ukrainian.encode(codec)]) == codec
    greek = "Ελένη Παπαδοπούλου, Άννα Γεωργίου, Μαρία Χριστοδούλου, Νίκος Ιωάννου"
    assert _cyrillic([greek.encode("iso8859_7")]) == "iso8859_7"
    assert _cyrillic([greek.encode("cp1253")]) == "cp1253"
    baltic = "Jūratė Kazlauskienė, Līga Bērziņa, Žydrūnas Šimkus, Andris Kalniņš"
    assert _baltic([baltic.encode("cp1257")]) == "cp1257"
    assert _baltic([(baltic + " „labas“").encode("iso8859_13")]) == "iso8859_13"
    icelandic = "Guðrún Sigurðardóttir, Þórður Jónsson, Hafþór Júlíus, Ýrr Ásgeirsdóttir"
    western = "Café; naïve; Zoë, Siân and Seán; ÉCOLE ÉTÉ; £5.50; Müller, Françoise, Søren"
    for text in (icelandic, western):
        assert _baltic([text.encode("cp1252")]) == ""
        assert _cyrillic([text.encode("cp1252")]) == ""
    assert _cyrillic([western.encode("cp850")]) == ""


def test_xls_notes_are_read_with_their_authors(tmp_path):
    from app.chronology.struck_text import cell_comments_xls
    from tests.chronology.robust_files import TEXTS, WORKERS
    from tests.chronology.test_struck_other_formats import _xls

    path, _truth = twelfth_round_files.xls_cell_notes(tmp_path)
    found = cell_comments_xls(path, "Chronology")
    assert found[2, 2] == (WORKERS[1], TEXTS[1])
    assert found[3, 1] == ("Team manager", "Checked against the case file: visit confirmed.")
    assert cell_comments_xls(path, "Another sheet") == {}
    assert cell_comments_xls(_xls(tmp_path / "plain.xls"), "Chronology") == {}


def test_tables_drawn_with_bars_at_both_ends():
    from app.chronology.csv_text import _boxed, _unbox

    markdown = "Hi,\n\n| Date | Event |\n|:---|:---|\n| 14/03/2016 | Visit;<br>seen |\n"
    assert _boxed(markdown)
    rows = [["Hi,"], ["", " Date ", " Event ", ""], ["", " 14/03/2016 ", " Visit;<br>seen ", ""]]
    _unbox(rows)
    assert rows == [["Hi,"], ["Date", "Event"], ["14/03/2016", "Visit;\nseen"]]
    psql = " event_date | worker\n------------+-------\n 2016-03-14 | Sam\n 2016-04-03 | Priya\n"
    assert not _boxed(psql)
    bare = "Notes, as discussed.\n\nDate | Event\n--- | ---\n14/03/2016 | Visit\n"
    assert _boxed(bare)
    rows = [["Notes", " as discussed."], ["Date ", " Event"], ["14/03/2016 ", " Visit"]]
    _unbox(rows)
    assert rows[1:] == [["Date", "Event"], ["14/03/2016", "Visit"]]
    assert not _boxed("Date | Event\n--- | --- | ---\n")  # a rule of other columns
    assert not _boxed("Date,Event\n14/03/2016,Said |yes| and |no|\n")
    assert not _boxed("|a|b|\n|c|d|\n")  # two lines are not a table


def test_who_created_a_list_item_gives_way_to_the_worker_named():
    from app.chronology.mapping import guess_mapping

    heads = ["Title", "Contact date", "Worker", "Details", "Created By", "Item Type"]
    mapping = guess_mapping(heads)
    assert mapping["practitioner"] == 2 and "event_type" not in mapping
    assert guess_mapping(["Date", "Note", "Created By"])["practitioner"] == 2


def test_swim_lanes_with_a_mapping_given(store_path, tmp_path):  # noqa: F811
    from datetime import date

    from app.chronology.importer import plan_imports
    from app.context import AppContext
    from db.store import open_store

    path, _truth = twelfth_round_files.swim_lanes_two_on_a_day(tmp_path)
    store = open_store(store_path)
    try:
        ctx = AppContext(store, "tester", today_override=date(2025, 3, 14))
        # the headings the plan shows (the lanes read as an agency and an entry): still split
        plans = plan_imports(ctx, 1, "Agency", path, mapping={"event": "Entry"})
        assert sorted(p.agency_name for p in plans) == sorted(twelfth_round_files.LANES)
        assert sum(len(p.entries) for p in plans) == 9
        # a lane named in the mapping: the table is read as it is, for the agency given
        plans = plan_imports(ctx, 1, "Agency", path, mapping={"event": ["Police", "Health"]})
        assert [p.agency_name for p in plans] == ["Agency"]
    finally:
        store.close()


def test_a_bar_escaped_inside_a_markdown_cell_stays_in_its_value(store_path, tmp_path, capsys):  # noqa: F811
    path = tmp_path / "escaped_bars.md"
    path.write_text(
        "| Date | Worker | Contact |\n"
        "|---|---|---|\n"
        "| 14/03/2016 | Sam Okafor | Home visit \\| mother and baby seen |\n"
        "| 02/04/2016 | Priya Nair | Phone call; school \\| nursery both informed |\n"
        "| 19/04/2016 | Sam Okafor | Case note: C:\\records\\visit.docx attached |\n",
        encoding="utf-8",
    )
    code, output = _import(store_path, path, capsys)
    assert code == 0, output
    rows = sorted(_entries(store_path), key=lambda r: r.date_text)
    assert [(r.practitioner, r.event) for r in rows] == [
        ("Priya Nair", "Phone call; school | nursery both informed"),
        ("Sam Okafor", "Home visit | mother and baby seen"),
        ("Sam Okafor", "Case note: C:\\records\\visit.docx attached"),
    ]


def test_swim_lanes_headed_by_the_agencies_own_names(store_path, tmp_path, capsys):  # noqa: F811
    from app.chronology.swim_lanes import lane_columns

    heads = ["Date", "Marchshire Police", "Oakfield Primary School", "Riverside Surgery",
             "Hywel Dda UHB", "Westbury Women's Aid"]  # fmt: skip
    texts = ["Father arrested after a call from a neighbour.", "Child arrived hungry, no coat.",
             "Mother seen with low mood; review booked.", "Seen in clinic for a burn.",
             "Mother attended the group for the first time."]  # fmt: skip
    rows = [[f"{10 + k}/03/2016", *[texts[k] if i == k else None for i in range(5)]]
            for k in range(5)]  # fmt: skip
    assert lane_columns(_table(heads, rows), set()) == [1, 2, 3, 4, 5]
    path = tmp_path / "named_lanes.csv"
    path.write_text(
        "\n".join(",".join(f'"{c or ""}"' for c in row) for row in [heads, *rows]) + "\n",
        encoding="utf-8",
    )
    code, output = _import(store_path, path, capsys)
    assert code == 0, output
    found = {(r.agency, r.event) for r in _entries(store_path)}
    assert found == {(heads[k + 1], texts[k]) for k in range(5)}


def test_columns_naming_a_place_for_each_row_are_not_swim_lanes():
    from app.chronology.swim_lanes import lane_columns

    rows = [[f"{10 + k}/03/2016", "Oakfield Primary" if k else None, "Oakfield Primary",
             "Riverside Surgery", f"Note {k}: seen and spoken to alone."] for k in range(6)]  # fmt: skip
    # named for what they hold about the child, not for an agency writing in them
    heads = ["Date", "Previous school", "Current school", "GP surgery", "Note"]
    assert lane_columns(_table(heads, rows), set()) == []
    # named like agencies, but each repeats one place row after row: not entries
    heads = ["Date", "Marchshire Police", "Oakfield Academy", "Riverside Surgery", "Note"]
    sparse = [[r[0], "Marchshire Police" if k % 3 == 0 else None,
               None if k % 3 == 0 else "Oakfield Academy", None, r[4]]
              for k, r in enumerate(rows)]  # fmt: skip
    assert lane_columns(_table(heads, sparse), set()) == []
