"""Earlier rounds' table files, changed as another agency's copy of the same export would be: a
title over the table and an empty first column, a count and a marking under it, the workbook
saved as CSV (or the CSV saved as a workbook). None of that may change an entry: the same
entries come in, as each file's truth says. And the two rules such copies needed, on their own.
"""

import csv
from datetime import date, datetime, time

import pytest
from openpyxl import Workbook
from python_calamine import CalamineWorkbook

from app.chronology.layout import find_layout, left_out_rows
from app.chronology.row_pairs import text_is_below
from app.chronology.word_tables import split_leading_dates
from tests.chronology import (
    eighth_round_sheets,
    fifth_round_cells,
    fifth_round_files,
    fourth_round_word,
    more_agency_files,
    ninth_round_sheets,
    ninth_round_text,
    robust_files,
    seventh_round_more,
    seventh_round_sheets,
    sixth_round_sheets,
)
from tests.chronology.fourth_round_files import same_text_differences
from tests.chronology.robust_files import DAYS, TEXTS, WORKERS
from tests.chronology.test_robust_files import (
    _entries,
    _import,
    store_path,  # noqa: F401
)

# Plain tables of several kinds, each with a header ReviewDesk must find on its own.
SAMPLE = {
    "agency_banner_rows": eighth_round_sheets.FILES,
    "sign_off_block_below": eighth_round_sheets.FILES,
    "notes_and_key_below": eighth_round_sheets.FILES,
    "date_leads_the_text": fifth_round_cells.FILES,
    "long_narratives": fourth_round_word.FILES,
    "no_header_row": more_agency_files.FILES,
}
for _module in (robust_files, more_agency_files, fifth_round_files, sixth_round_sheets,
                ninth_round_sheets):  # fmt: skip
    for _name in sorted(_module.FILES)[:3]:
        if _name != "header_sorted_to_bottom":  # (its header is its last row)
            SAMPLE.setdefault(_name, _module.FILES)


def _grid(path) -> list[list]:
    if path.suffix == ".csv":
        with open(path, newline="", encoding="utf-8-sig") as handle:
            return [list(row) for row in csv.reader(handle)]
    book = CalamineWorkbook.from_path(str(path))
    return book.get_sheet_by_name(book.sheet_names[0]).to_python()


def _shown(value) -> str:
    if isinstance(value, datetime):
        return f"{value:%d/%m/%Y %H:%M}" if value.hour or value.minute else f"{value:%d/%m/%Y}"
    if isinstance(value, date):
        return f"{value:%d/%m/%Y}"
    if isinstance(value, time):
        return f"{value:%H:%M}"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value)


def _write(grid, path):
    if path.suffix == ".csv":
        with open(path, "w", newline="", encoding="utf-8") as handle:
            csv.writer(handle).writerows([[_shown(v) for v in row] for row in grid])
        return path
    book = Workbook()
    for row in grid:
        book.active.append([None if v == "" else v for v in row])
    book.save(path)
    return path


def _titled(grid):
    return [["Chronology of agency involvement"], [""], *[["", *row] for row in grid]]


def _footed(grid):
    return [*grid, [""], [f"Total number of records: {len(grid)}"], ["OFFICIAL-SENSITIVE"]]


@pytest.mark.parametrize("change", [_titled, _footed], ids=["title", "footer"])
@pytest.mark.parametrize("name", sorted(SAMPLE))
def test_a_copy_with_a_title_or_a_footer_imports_the_same_entries(
    store_path,  # noqa: F811
    tmp_path,
    capsys,
    name,
    change,
):
    path, truth = SAMPLE[name][name](tmp_path)
    if path.suffix not in (".csv", ".xlsx"):
        pytest.skip("not a table file")
    other = ".csv" if path.suffix == ".xlsx" else ".xlsx"
    copy = _write(change(_grid(path)), tmp_path / f"copy_of_{path.stem}{other}")
    code, output = _import(store_path, copy, capsys)
    assert code == 0, output
    assert same_text_differences(_entries(store_path), truth) == [], output


# Sheets with no header row ReviewDesk can name (dated paragraphs, rows with no headings,
# case-note blocks), saved behind a cover sheet.
BEHIND_A_COVER = {
    "date_leads_the_text": fifth_round_cells.FILES,
    "no_header_row": more_agency_files.FILES,
    "case_note_blocks": robust_files.FILES,
}


def _behind_a_cover(grid, path):
    book = Workbook()
    book.active.title = "Cover"
    for line in ("Chronology of agency involvement", "Prepared for the review panel"):
        book.active.append([line])
    sheet = book.create_sheet("Entries")
    for row in grid:
        sheet.append([None if v == "" else v for v in row])
    book.save(path)
    return path


@pytest.mark.parametrize("name", sorted(BEHIND_A_COVER))
def test_a_copy_behind_a_cover_sheet_imports_the_same_entries(
    store_path,  # noqa: F811
    tmp_path,
    capsys,
    name,
):
    path, truth = BEHIND_A_COVER[name][name](tmp_path)
    copy = _behind_a_cover(_grid(path), tmp_path / f"copy_of_{path.stem}.xlsx")
    code, output = _import(store_path, copy, capsys)
    assert code == 0, output
    assert same_text_differences(_entries(store_path), truth) == [], output


def test_a_cover_sheet_is_passed_over_for_the_sheet_of_dated_rows(tmp_path):
    from app.chronology.reading import read_tables

    rows = [[f"{DAYS[i]:%d/%m/%Y} - {TEXTS[i]}"] for i in range(4)]
    table = read_tables(_behind_a_cover(rows, tmp_path / "c.xlsx"), None)[0]
    assert table.sheet == "Entries"
    # A workbook with no dates anywhere still says why its first sheet holds no table.
    with pytest.raises(Exception, match="Cover"):
        read_tables(_behind_a_cover([["Notes"], ["None yet"]], tmp_path / "d.xlsx"), None)


def _gapped(grid):
    """An empty column inserted in the middle of the table."""
    at = max(map(len, grid)) // 2
    return [[*row[:at], "", *row[at:]] for row in grid]


# Copies of tables laid out in other ways (exports stacked one under another, a sheet laid out
# sideways, tables side by side), with the change each is met with.
LAID_OUT = [
    ("three_exports_stacked", ninth_round_text.FILES, _titled),
    ("stacked_exports_other_order", eighth_round_sheets.FILES, _footed),
    ("entries_across_columns", sixth_round_sheets.FILES, _titled),
    ("entries_across_columns", sixth_round_sheets.FILES, _footed),
    ("tables_side_by_side", seventh_round_sheets.FILES, _titled),
    ("tables_side_by_side", seventh_round_sheets.FILES, _footed),
    ("three_tables_across", seventh_round_more.FILES, _titled),
]


@pytest.mark.parametrize(
    ("name", "files", "change"),
    LAID_OUT,
    ids=[f"{name}-{change.__name__.strip('_')}" for name, _files, change in LAID_OUT],
)
def test_a_copy_of_a_table_laid_out_otherwise_imports_the_same_entries(
    store_path,  # noqa: F811
    tmp_path,
    capsys,
    name,
    files,
    change,
):
    path, truth = files[name](tmp_path)
    other = ".csv" if path.suffix == ".xlsx" else ".xlsx"
    copy = _write(change(_grid(path)), tmp_path / f"copy_of_{path.stem}{other}")
    code, output = _import(store_path, copy, capsys)
    assert code == 0, output
    assert same_text_differences(_entries(store_path), truth) == [], output


def test_an_empty_column_between_columns_adds_nothing_to_the_narratives(
    store_path,  # noqa: F811
    tmp_path,
    capsys,
):
    # An Excel table's default headings (Column1..Column4), an empty column put in among them.
    path, truth = eighth_round_sheets.table_default_headings(tmp_path)
    copy = _write(_gapped(_grid(path)), tmp_path / f"copy_of_{path.stem}.xlsx")
    code, output = _import(store_path, copy, capsys)
    assert code == 0, output
    rows = _entries(store_path)
    assert same_text_differences(rows, truth) == [], output
    assert sorted(r.event for r in rows) == sorted(t.event for t in truth)


def _unicode_text_with_a_note(grid, path):
    """The sheet saved as "Unicode text" (UTF-16, tabs between the values), with the lines of
    a covering note typed over the table."""
    note = ["Dear panel,", "", "As requested, our contacts with the family are below.", ""]
    with open(path, "w", newline="", encoding="utf-16") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\r\n")
        writer.writerows([[line] if line else [] for line in note])
        writer.writerows([[_shown(v) for v in row] for row in grid])
    return path


@pytest.mark.parametrize("name", ["agency_banner_rows"])
def test_a_copy_saved_as_unicode_text_under_a_note_imports_the_same_entries(
    store_path,  # noqa: F811
    tmp_path,
    capsys,
    name,
):
    path, truth = SAMPLE[name][name](tmp_path)
    copy = _unicode_text_with_a_note(_grid(path), tmp_path / f"copy_of_{path.stem}.txt")
    code, output = _import(store_path, copy, capsys)
    assert code == 0, output
    assert same_text_differences(_entries(store_path), truth) == [], output


def _rows(*lines):
    return [(n + 2, list(cells)) for n, cells in enumerate(lines)]


def test_lines_alone_between_runs_of_entries_head_them_even_with_a_footer():
    # Agencies' names over their entries, two each, and a count under the table: the names are
    # not notes written under the dated rows above them.
    lines = []
    for agency in ("POLICE", "HEALTH", "EDUCATION", "HOUSING"):
        lines += [[agency, "", ""]]
        lines += [[f"{DAYS[i]:%d/%m/%Y}", WORKERS[i % 4], TEXTS[i]] for i in range(2)]
    lines += [["Total number of records: 12", "", ""]]
    rows = _rows(*lines)
    filled = [3 - cells.count("") for _n, cells in rows]
    assert not text_is_below(rows, filled)
    # Notes under each dated row (long lines alone) still are.
    notes = []
    for i in range(4):
        notes += [[f"{DAYS[i]:%d/%m/%Y}", WORKERS[i % 4], "Home visit"], [TEXTS[i], "", ""]]
    rows = _rows(*notes)
    assert text_is_below(rows, [3 - cells.count("") for _n, cells in rows])


def test_exports_stacked_behind_an_empty_first_column_keep_their_columns():
    # Each export pasted under the one above is wider than it; the copy has an empty column
    # before them all. The second export's Worker is its own column, not the narrative's.
    lines = [["", f"{DAYS[i]:%d/%m/%Y}", TEXTS[i], ""] for i in range(2)]
    lines += [["", "Date", "Worker", "Entry"]]
    lines += [["", f"{DAYS[i]:%d/%m/%Y}", WORKERS[i % 4], TEXTS[i]] for i in range(2, 4)]
    layout = find_layout([["", "Date", "Entry"], *lines])
    kept, out = left_out_rows(_rows(*lines), layout)
    assert [o.row for o in out] == [4]
    assert layout.pasted_headings[1:] == ["Date", "Entry", "Worker"]
    assert [cells[1:4] for _n, cells in kept[2:]] == [
        [f"{DAYS[i]:%d/%m/%Y}", TEXTS[i], WORKERS[i % 4]] for i in range(2, 4)
    ]


def test_the_first_of_two_stacked_exports_heads_the_table_above_a_footer():
    # Four dated rows, the second export's headings and rows (its dates in another column),
    # then a count and a marking: the first header is the table's, whatever lies below.
    rows = [["Date", "Worker", "Note"]]
    rows += [[DAYS[i], WORKERS[i % 4], TEXTS[i]] for i in range(4)]
    rows += [["", "", ""], ["Details", "Event Date/Time", "Officer"]]
    rows += [[TEXTS[i], f"{DAYS[i]:%d/%m/%Y} 10:00", WORKERS[i % 4]] for i in range(4, 8)]
    rows += [[""], ["Total number of records: 8"], ["OFFICIAL-SENSITIVE"]]
    assert find_layout(rows).header_index == 0
    # A title and a line about the report over a table: still the table's header.
    rows = [["Chronology"], ["Agency", "Northshire"], ["Date", "Worker", "Note"]]
    rows += [[DAYS[i], WORKERS[i % 4], TEXTS[i]] for i in range(8)]
    assert find_layout(rows).header_index == 2


def test_a_sideways_sheet_under_a_title_and_over_a_count_is_turned():
    from app.chronology.sideways import entries_across

    labels = [["Date", *DAYS[:4]], ["Worker", *WORKERS], ["Event", *TEXTS[:4]]]
    rows = [["Chronology of agency involvement"], [""], *[["", *r] for r in labels]]
    rows += [[""], ["Total number of records: 4"], ["OFFICIAL-SENSITIVE"]]
    turned = entries_across(rows, 0)
    assert turned is not None
    # Column A (empty) turns into a blank row: each entry keeps its column's number.
    assert turned[0] == ["", "", ""] and turned[1] == ["Date", "Worker", "Event"]
    assert turned[2] == [DAYS[0], WORKERS[0], TEXTS[0]]
    # A second table beside or under it (more than a line of one cell) is no such sheet.
    rows[-1] = ["OFFICIAL-SENSITIVE", "Page 1"]
    assert entries_across(rows, 0) is None


def test_tables_side_by_side_behind_an_empty_column_and_over_a_count():
    from app.chronology.side_by_side import tables_side_by_side

    headings = ["", "Date", "Event", "", "Date", "Event"]
    rows = [(n + 4, ["", DAYS[n], TEXTS[n], "", DAYS[n + 4], TEXTS[n + 4]]) for n in range(4)]
    rows += [(8, ["", "", "", "", "", ""]), (9, ["", "Total number of records: 8"])]
    found = tables_side_by_side(headings, rows)
    assert found is not None
    out, width, _note = found
    # The empty column stays first; the left table's rows, the right's, then the count.
    assert width == 3
    assert [n for n, _cells in out] == [4, 5, 6, 7, 4, 5, 6, 7, 9]
    assert [cells[1] for _n, cells in out[:8]] == DAYS[:8]
    assert out[-1][1] == ["", "Total number of records: 8", ""]
    # Something in the empty column: not tables side by side.
    rows[0][1][0] = "x"
    assert tables_side_by_side(headings, rows) is None


def test_a_spreadsheet_s_default_column_names_are_not_pieces_of_one_note():
    from app.chronology.note_pieces import numbered_pieces

    # An Excel table's "Column1".."Column4", and a blank heading ReviewDesk named "Column 3".
    assert numbered_pieces(["Column1", "Column2", "Column 3", "Column4"], 3, {0, 1}) == []
    assert numbered_pieces(["Column1", "Column2", "Column3", "Column4"], 3, {0, 1}) == []
    # A note cut into numbered columns still is one.
    assert numbered_pieces(["Date", "Note 1", "Note 2", "Note 3"], 1, {0}) == [2, 3]


def test_a_sign_off_block_is_found_above_a_count_and_a_marking():
    lines = [[f"{DAYS[i]:%d/%m/%Y}", WORKERS[i % 4], TEXTS[i]] for i in range(4)]
    # (blank rows are passed over before: the table's rows are those holding something)
    lines += [["Completed by:", "Jo Castellan, IMR author", ""],
              ["Date completed:", "12/01/2017", ""],
              ["Total number of records: 4", "", ""], ["OFFICIAL-SENSITIVE", "", ""]]  # fmt: skip
    layout = find_layout([["Date", "Practitioner", "Event"], *lines])
    kept, out = left_out_rows(_rows(*lines), layout)
    assert [n for n, _cells in kept] == [2, 3, 4, 5]
    reasons = {o.row: o.reason for o in out}
    assert "criteria" in reasons[6] and "criteria" in reasons[7]
    assert "footer" in reasons[8] and "footer" in reasons[9]


def test_cells_starting_with_their_date_under_a_title_in_another_column():
    rows = [["Chronology of agency involvement", ""], ["", ""], ["", "Chronology"]]
    rows += [["", f"{DAYS[i]:%d/%m/%Y} \u2013 {TEXTS[i]}"] for i in range(4)]
    split = split_leading_dates(rows)
    assert split is not None
    assert split[2] == ["Date", "Chronology"]
    assert split[3] == [f"{DAYS[0]:%d/%m/%Y}", TEXTS[0]]
    # Dated cells in two columns are no such sheet.
    rows[4] = [rows[4][1], ""]
    assert split_leading_dates(rows) is None


def test_a_one_column_csv_of_prose_is_read_as_one_column():
    from app.chronology.csv_text import LINES, sniff_delimiter

    # A sheet of dated paragraphs saved as CSV: cells with commas quoted, semicolons left in
    # the sentences (no heading is split by them).
    lines = ["Chronology"]
    for i in range(6):
        text = f"{DAYS[i]:%d/%m/%Y} - {TEXTS[i]}"
        lines.append(f'"{text}"' if "," in text else text)
    assert sniff_delimiter("\n".join(lines) + "\n") == ","
    # The same lines typed as plain text, commas unquoted: read line by line.
    plain = "\n".join(["Chronology", *(f"{DAYS[i]:%d/%m/%Y} - {TEXTS[i]}" for i in range(6))])
    assert sniff_delimiter(plain + "\n") == LINES
    # A semicolon-separated export still is one.
    rows = ["Date;Worker;Note", *(f"{DAYS[i]:%d/%m/%Y};{WORKERS[i % 4]};Seen" for i in range(6))]
    assert sniff_delimiter("\n".join(rows) + "\n") == ";"
    # A title line over a CSV whose long notes hold tabs: the commas still part the values.
    notes = [f'"{DAYS[i]:%d/%m/%Y}","{WORKERS[i % 4]}","Seen:\n\t- {TEXTS[i]}\n\t- done"'
             for i in range(4)]  # fmt: skip
    sample = "Chronology of agency involvement\n\nDate,Worker,Notes\n" + "\n".join(notes)
    assert sniff_delimiter(sample + "\n") == ","
    # A note over a table parted by tabs, its sentences with commas: the tabs part the values.
    rows = [f"{DAYS[i]:%d/%m/%Y}\t{WORKERS[i % 4]}\t{TEXTS[i]}" for i in range(6)]
    sample = "Dear panel,\n\nAs requested, our contacts are below.\n\nDate\tWorker\tNote\n"
    assert sniff_delimiter(sample + "\n".join(rows) + "\n") == "\t"


def test_a_title_over_rows_with_no_header_loses_no_entry(tmp_path):
    from app.chronology.reading import read_table

    rows = [["Chronology of agency involvement", "", ""], ["", "", ""]]
    rows += [[f"{DAYS[i]:%d/%m/%Y}", WORKERS[i % 4], TEXTS[i]] for i in range(4)]
    path = tmp_path / "t.csv"
    with open(path, "w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)
    table = read_table(path)
    # Every line under the title is an entry, numbered as the file numbers it.
    assert [n for n, _cells in table.rows] == [3, 4, 5, 6]
    assert [cells[2] for _n, cells in table.rows] == TEXTS[:4]
