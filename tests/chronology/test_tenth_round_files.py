"""The tenth round's files (tenth_round_files.py) imported through the command line with no
options, every entry right and nothing the file holds lost; and each rule they needed, on its
own."""

from datetime import date

import pytest

from tests.chronology import tenth_round_files
from tests.chronology.fourth_round_files import same_text_differences
from tests.chronology.robust_files import DAYS, TEXTS, WORKERS
from tests.chronology.test_robust_files import (
    _entries,
    _import,
    store_path,  # noqa: F401
)

FILES = tenth_round_files.FILES
DATES = [f"{d:%d/%m/%Y}" for d in DAYS]


@pytest.mark.parametrize("name", sorted(FILES))
def test_each_file_imports_fully_right_with_no_options(store_path, tmp_path, capsys, name):  # noqa: F811
    path, truth = FILES[name](tmp_path)
    code, output = _import(store_path, path, capsys)
    assert code == 0, output
    assert same_text_differences(_entries(store_path), truth) == [], output
    said = tenth_round_files.SAID.get(name, [])
    assert [t for t in said if t not in " ".join(output.split())] == [], output


# --- each rule on its own -------------------------------------------------------------------


def test_paragraphs_starting_with_on_a_date_or_a_typed_number_are_entries():
    from app.chronology.word_tables import dated_lines

    rows, before = dated_lines([
        "Chronology", "On 14 March 2016 the nurse visited the family at home.",
        "1. 03/04/2016 – Call from the nursery about a late collection.",
        "(3) 06/05/2016 - Child Z not brought to clinic.",
        "On Tuesday 21 June 2016 at 16:45 mother attended the surgery.",
    ])  # fmt: skip
    assert before == 1
    assert [r[0] for r in rows[1:]] == [
        "14 March 2016", "03/04/2016", "06/05/2016", "Tuesday 21 June 2016 at 16:45"]  # fmt: skip
    assert rows[1][1].startswith("the nurse visited")


def test_paragraphs_starting_with_a_date_known_only_so_far_are_entries_of_their_own():
    from app.chronology.word_tables import dated_lines

    rows, _before = dated_lines([
        "14/03/2016 – Home visit, mother present and the baby settled.",
        "March 2016 – Family moved to a flat on the estate.",
        "w/c 04/04/2016: Two calls from the nursery about collection.",
        "Section 3: Analysis of the above",  # no date: it continues the entry above
    ])  # fmt: skip
    assert [r[0] for r in rows[1:]] == ["14/03/2016", "March 2016", "w/c 04/04/2016"]
    assert rows[-1][1].endswith("Section 3: Analysis of the above")


def _document_with(tmp_path, build):
    import docx

    document = docx.Document()
    build(document)
    path = tmp_path / "d.docx"
    document.save(path)
    return path


def test_dated_paragraphs_beside_a_table_are_read_with_it_and_a_period_line_is_not(tmp_path):
    from app.chronology.reading import read_table
    from tests.chronology.seventh_round_more import _fill, _word_table

    def build(document):
        document.add_paragraph("14/03/2016 to 28/11/2016: the period under review.")
        table = _word_table(document, ["Date", "Worker", "Event"])
        for i in range(3):
            _fill(table.add_row(), [DATES[i], WORKERS[i], TEXTS[i]])
        document.add_heading("Added later", level=2)
        document.add_paragraph(f"{DATES[5]} – {TEXTS[5]}")
        document.add_paragraph("The rest of that day's note.")
        document.add_heading("Analysis", level=1)
        document.add_paragraph("Not part of any entry.")

    table = read_table(_document_with(tmp_path, build))
    assert [n for n, _c in table.rows] == [2, 3, 4, 6]
    last = table.rows[-1][1]
    assert last[0] == DATES[5] and last[2] == f"{TEXTS[5]}\nThe rest of that day's note."
    assert any("outside the table start with a date" in n for n in table.notes)


def test_a_one_column_box_is_read_as_paragraphs_and_a_table_without_headings_by_place(tmp_path):
    from app.chronology.reading import read_table

    def box(document):
        cell = document.add_table(rows=1, cols=1).rows[0].cells[0]
        for i in range(4):
            cell.add_paragraph(f"{DATES[i]} - {TEXTS[i]}")

    table = read_table(_document_with(tmp_path, box))
    assert [c[0] for _n, c in table.rows] == DATES[:4]

    def bare(document):
        grid = document.add_table(rows=0, cols=2)
        for i in range(4):
            cells = grid.add_row().cells
            cells[0].text, cells[1].text = DATES[i], TEXTS[i]

    table = read_table(_document_with(tmp_path, bare))
    assert [c[:2] for _n, c in table.rows] == [[DATES[i], TEXTS[i]] for i in range(4)]


def test_a_text_box_is_read_once_line_by_line(tmp_path):
    from docx.oxml import parse_xml

    from app.chronology.reading import read_table
    from tests.chronology.tenth_round_files import _text_box

    def build(document):
        anchor = document.add_paragraph("Chronology:")
        anchor._p.append(parse_xml(_text_box([f"{DATES[i]} - {TEXTS[i]}" for i in range(3)])))

    table = read_table(_document_with(tmp_path, build))
    assert [c[1] for _n, c in table.rows] == TEXTS[:3]  # not twice (the fallback copy)


def test_what_tracked_deletions_removed_is_quoted_in_the_notes(tmp_path):
    from app.chronology.reading import read_table
    from tests.chronology.seventh_round_more import _fill, _word_table
    from tests.chronology.tenth_round_files import _track_row

    def build(document):
        table = _word_table(document, ["Date", "Worker", "Event"])
        for i in range(3):
            _fill(table.add_row(), [DATES[i], WORKERS[i], TEXTS[i]])
        gone = table.add_row()
        _fill(gone, ["07/05/2016", "Sam Ellery", "Entry about another child."])
        _track_row(gone, "del", 7)

    table = read_table(_document_with(tmp_path, build))
    assert len(table.rows) == 3
    assert any("row 5" in n and "Entry about another child." in n for n in table.notes)
    path, _truth = tenth_round_files.word_tracked_rows(tmp_path)
    assert "wrong case" in " ".join(read_table(path).notes)


def test_simple_formulas_never_calculated_are_read_from_the_formula(tmp_path):
    from openpyxl import Workbook

    from app.chronology.reading import read_table
    from app.chronology.xlsx_formats import formula_value

    assert formula_value('HYPERLINK("https://x.example/1","CN7001")') == "CN7001"
    assert formula_value('HYPERLINK("https://x.example/1")') == "https://x.example/1"
    assert formula_value("DATE(2016,3,14)") == date(2016, 3, 14)
    assert formula_value('"Say ""no"""') == 'Say "no"'
    assert formula_value("DATE(2016,2,30)") is None
    assert formula_value("VLOOKUP(A2,Lists!A:B,2,FALSE)") is None
    wb = Workbook()
    ws = wb.active
    ws.append(["Date", "Worker", "Note", "Team"])
    for i in range(4):
        ws.append([f'=HYPERLINK("https://x.example/{i}","{DATES[i]}")', WORKERS[i], TEXTS[i],
                   "=VLOOKUP(B2,Lists!A:B,2,FALSE)"])  # fmt: skip
    wb.save(tmp_path / "f.xlsx")
    table = read_table(tmp_path / "f.xlsx")
    assert [c[0] for _n, c in table.rows] == DATES[:4]
    assert any("cannot read" in n for n in table.notes)  # the lookups: said, left empty


def test_text_written_as_dated_paragraphs_but_not_a_double_spaced_csv(tmp_path):
    from app.chronology.csv_text import dated_prose
    from app.chronology.reading import read_table

    path, _truth = tenth_round_files.wrapped_email_text(tmp_path)
    table = read_table(path)
    assert len(table.rows) == 8 and "Kind regards" not in table.rows[-1][1][1]
    csv_rows = "\n\n".join(f"{DATES[i]},{WORKERS[i % 4]},note {i}" for i in range(6))
    assert dated_prose("Date,Worker,Note\n\n" + csv_rows + "\n") is None


def test_query_tool_outputs_rule_lines_and_row_counts(tmp_path):
    from app.chronology.fixed_width import _ruled_starts, cut
    from app.chronology.reading import read_table

    assert _ruled_starts("---------- -------- ----") == [0, 11, 20]
    assert _ruled_starts("Date Time Worker") is None
    assert cut("(8 rows affected)", [0, 11, 20]) == ["(8 rows affected)", "", ""]
    for build in (tenth_round_files.sqlcmd_output, tenth_round_files.psql_output):
        table = read_table(build(tmp_path)[0])
        assert len(table.rows) == 8
        reasons = [o.reason for o in table.left_out]
        assert any("ruled under the headings" in r for r in reasons)
        assert any("footer" in r for r in reasons)
        assert all(c == c.strip() for _n, cells in table.rows for c in cells)


def test_struck_cells_of_a_binary_workbook_are_found_through_its_styles(tmp_path):
    from app.chronology.struck_text import struck_cells_xlsb
    from tests.chronology.xlsb_files import write_xlsb

    path, _truth = tenth_round_files.xlsb_struck_rows(tmp_path)
    struck = struck_cells_xlsb(path, "Chronology")
    assert sorted(struck) == [(r, c) for r in (3, 6) for c in range(3)]
    assert struck_cells_xlsb(path, "Other") == {}
    plain = write_xlsb(tmp_path / "plain.xlsb", [["Date", "Event"], [DATES[0], TEXTS[0]]])
    assert struck_cells_xlsb(plain, "Chronology") == {}  # no styles part: nothing struck


def test_lines_starting_with_a_time_under_a_date_heading_are_entries_of_that_day():
    from app.chronology.word_tables import dated_lines

    rows, _before = dated_lines([
        "Monday 14 March 2016", "10:32 – Home visit, mother present.",
        "14.30 - Call from the nursery.", "It went on: the rest of the call.",
        "03/04/2016 – Letter sent.", "16:45 – a time after a dated line is text, not an entry",
    ])  # fmt: skip
    assert [r[0] for r in rows[1:]] == [
        "Monday 14 March 2016 10:32", "Monday 14 March 2016 14.30", "03/04/2016"]  # fmt: skip
    assert rows[2][1] == "Call from the nursery.\nIt went on: the rest of the call."


def test_a_cells_comment_is_its_text_when_it_points_to_it_and_is_quoted_otherwise(tmp_path):
    from app.chronology.reading import read_table

    path, _truth = tenth_round_files.comment_details(tmp_path)
    table = read_table(path)
    assert [c[2] for _n, c in table.rows] == TEXTS
    quoted = [n for n in table.notes if "comment(s) attached to cells" in n]
    assert quoted and "Checked against the case file 1" in quoted[0]
    assert "(Team manager)" in quoted[0]


def test_windows_1250_text_is_told_from_windows_1252_and_accented_names_are_names():
    from app.chronology.columns import _is_name
    from app.chronology.csv_text import _central_european

    polish = ["Łukasz Wiśniewski, Paweł Dąbrowski, Małgorzata Żółkowska".encode("cp1250")]
    assert _central_european(polish)
    english = ["Fare £5.50 paid; café visit; naïve; Zoë and Siân attended".encode("cp1252")]
    assert not _central_european(english)
    assert all(map(_is_name, ["Łukasz Wiśniewski", "Siân Llywelyn", "Seán Ó Briain"]))


def test_beside_a_table_a_paragraph_with_a_month_is_an_entry_when_others_have_days(tmp_path):
    from app.chronology.reading import read_table
    from tests.chronology.seventh_round_more import _fill, _word_table

    def build(document, with_day=True):
        table = _word_table(document, ["Date", "Worker", "Event"])
        for i in range(3):
            _fill(table.add_row(), [DATES[i], WORKERS[i], TEXTS[i]])
        document.add_paragraph(f"June 2016 – {TEXTS[3]}")
        if with_day:
            document.add_paragraph(f"{DATES[4]} – {TEXTS[4]}")

    rows = read_table(_document_with(tmp_path, build)).rows
    assert [c[0] for _n, c in rows[3:]] == ["June 2016", DATES[4]]
    rows = read_table(_document_with(tmp_path, lambda d: build(d, with_day=False))).rows
    assert len(rows) == 3  # a lone month line beside a table: not taken for an entry
