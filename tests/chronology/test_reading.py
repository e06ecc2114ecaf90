"""Reading agency chronology files: real samples, awkward layouts, and hostile files."""

import codecs
import hashlib
import os
import random
import shutil
import struct
import zipfile
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from app.chronology import file_guard, reading
from app.chronology.dates import parse_date
from app.chronology.mapping import guess_mapping
from app.chronology.reading import (
    ImportRefused,
    file_fingerprint,
    list_sheets,
    read_table,
    read_tables,
)
from app.errors import UserError

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "chronologies"
ADVICE = ("Ask", "Open", "Remove", "Check", "Split", "Delete", "Add", "extract", "copy", "Choose")


@pytest.fixture(autouse=True)
def _fresh_archive_checks():
    reading._CHECKED.clear()
    yield
    reading._CHECKED.clear()


@pytest.fixture
def no_calamine(monkeypatch):
    """Fail the test if the spreadsheet parser is asked to open anything."""
    calls = []

    class Forbidden:
        @staticmethod
        def from_path(*args, **_kwargs):
            calls.append(args)
            raise RuntimeError("calamine must not be called")

        from_filelike = from_path
        from_object = from_path

    monkeypatch.setattr(reading, "CalamineWorkbook", Forbidden)
    yield calls
    # Checked here, not by raising inside the parser call: the reader turns any parser failure
    # into a polite refusal, which would hide the call.
    assert calls == [], "calamine was asked to open a file that should have been refused"


def refused(path, **kwargs) -> str:
    """The message of the ImportRefused that reading the file raises."""
    with pytest.raises(ImportRefused) as caught:
        read_table(path, **kwargs)
    message = str(caught.value)
    assert isinstance(caught.value, UserError)
    assert Path(path).name in message
    assert "Traceback" not in message
    return message


def save_xlsx(path: Path, sheets: dict[str, list[list]], hidden: tuple[str, ...] = ()) -> Path:
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(row)
        if name in hidden:
            sheet.sheet_state = "hidden"
    workbook.save(path)
    return path


def rows_by_openpyxl(path: Path, sheet: str) -> list[tuple[int, list]]:
    """Every non-blank row of a sheet with its row number, read independently of the code."""
    workbook = openpyxl.load_workbook(path, read_only=True)
    found = []
    for number, row in enumerate(workbook[sheet].iter_rows(values_only=True), start=1):
        if any(v not in (None, "") for v in row):
            found.append((number, list(row)))
    workbook.close()
    return found


# --- the four agency samples -------------------------------------------------------------------


def test_police_sample_title_rows_above_the_header():
    path = SAMPLES / "police_chronology.xlsx"
    table = read_table(path)
    assert table.file_name == "police_chronology.xlsx"
    assert table.sheet == "IMR Chronology"
    assert table.header_row == 4
    assert table.headers == ["Date", "Time", "Source", "Event", "Action / Outcome", "Officer"]
    expected = [(n, row) for n, row in rows_by_openpyxl(path, "IMR Chronology") if n > 4]
    assert [n for n, _ in table.rows] == [n for n, _ in expected]
    assert len(table.rows) == 120
    assert table.rows[0][0] == 5
    assert table.rows[0][1][0] == date(2014, 1, 11)
    assert table.rows[2][1][1].strftime("%H:%M") == "11:15"  # a real time cell
    assert "Used sheet 'IMR Chronology'; the header is on row 4." in table.notes


def test_health_sample_text_dates_and_a_blank_row():
    path = SAMPLES / "health_chronology.xlsx"
    table = read_table(path)
    assert (table.sheet, table.header_row) == ("Chronology", 1)
    expected = rows_by_openpyxl(path, "Chronology")[1:]
    assert [n for n, _ in table.rows] == [n for n, _ in expected]
    assert len(table.rows) == 90
    assert 43 not in [n for n, _ in table.rows]
    assert any("1 blank row was skipped (row 43)" in note for note in table.notes)
    first = parse_date(table.rows[0][1][0])
    assert table.rows[0][1][0] == "Jan 2014"
    assert (first.precision, first.start, first.end) == (
        "month",
        date(2014, 1, 1),
        date(2014, 1, 31),
    )
    parsed = [parse_date(row[0]) for _, row in table.rows]
    assert all(p.ok for p in parsed)
    assert sum(p.precision == "month" for p in parsed) == sum(
        1 for _, row in table.rows if len(row[0]) == 8
    )


def test_social_care_sample_skips_the_cover_sheet():
    path = SAMPLES / "social_care_chronology.xlsx"
    table = read_table(path)
    assert table.sheet == "Chronology"
    assert table.sheets == ["Cover", "Chronology"]
    assert table.header_row == 1
    assert table.headers[:2] == ["Event date", "Date recorded"]
    assert len(table.rows) == len(rows_by_openpyxl(path, "Chronology")) - 1 == 150
    assert all(isinstance(row[0], date) for _, row in table.rows)
    assert list_sheets(path) == ["Cover", "Chronology"]


def test_school_csv_with_a_byte_order_mark():
    path = SAMPLES / "school_chronology.csv"
    table = read_table(path)
    assert table.sheet == ""
    assert table.sheets == []
    assert table.headers == ["Date", "Staff member", "Concern", "Action taken"]
    assert table.header_row == 1
    assert len(table.rows) == 40
    assert table.rows[0] == (
        2,
        [
            "19/03/2014",
            "Mrs J. Adeyemi",
            "Disclosure - Child told teaching assistant there was no food at home over the "
            "weekend.",
            "DSL informed; referral made to children's social care.",
        ],
    )
    assert any("UTF-8" in note and "commas" in note for note in table.notes)
    assert list_sheets(path) == []


def test_legacy_xls_is_read():
    table = read_table(SAMPLES / "probation_chronology.xls")
    assert table.sheet == "Chronology"
    assert table.sheets == ["Front sheet", "Chronology"]
    assert table.header_row == 3
    assert table.headers == ["Date", "Time", "Officer", "Contact type", "Details", "Outcome"]
    assert [n for n, _ in table.rows] == [4, 5, 6]
    assert table.rows[0][1][0] == date(2015, 3, 2)
    assert table.rows[2][1][0] == "?May 2015"
    assert table.rows[2][1][2] == "Senior probation officer Zoë Grant"


def test_file_fingerprint_is_the_sha256_of_the_bytes(tmp_path):
    path = tmp_path / "abc.csv"
    path.write_bytes(b"abc")
    assert file_fingerprint(path) == (
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    )
    sample = SAMPLES / "police_chronology.xlsx"
    assert file_fingerprint(sample) == hashlib.sha256(sample.read_bytes()).hexdigest()


# --- awkward but honest layouts ----------------------------------------------------------------


def test_title_rows_and_an_offset_table(tmp_path):
    path = tmp_path / "offset.xlsx"
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Chronology"
    sheet["C1"] = "Ambulance Service - chronology of involvement with Child B"
    sheet["C2"] = "Prepared for the LCSPR panel"
    for column, header in zip("CDEF", ["Date", "Crew", "Call details", "Outcome"], strict=True):
        sheet[f"{column}6"] = header
    sheet.append([])
    sheet["C7"], sheet["D7"], sheet["E7"], sheet["F7"] = "03/04/2015", "A12", "Fall", "Conveyed"
    sheet["C8"], sheet["E8"] = "04/04/2015", "Second call"
    workbook.save(path)
    table = read_table(path)
    assert table.header_row == 6
    assert table.headers == ["Date", "Crew", "Call details", "Outcome"]
    assert table.rows == [
        (7, ["03/04/2015", "A12", "Fall", "Conveyed"]),
        (8, ["04/04/2015", "", "Second call", ""]),
    ]
    assert guess_mapping(table.headers) == {
        "date": 0,
        "practitioner": 1,
        "event": 2,
        "outcome": 3,
    }


def test_the_chronology_sheet_is_found_among_others(tmp_path):
    path = save_xlsx(
        tmp_path / "several.xlsx",
        {
            "Guidance": [["How to complete this chronology"], ["Use one row per contact."]],
            "Lists": [["Home visit"], ["Phone call"], ["Referral"]],
            "Data": [
                ["Agency chronology"],
                ["Date", "Practitioner", "Details", "Outcome"],
                ["01/02/2016", "SW1", "Visit", "Seen"],
                ["02/02/2016", "SW1", "Call", "No answer"],
            ],
        },
    )
    table = read_table(path)
    assert table.sheet == "Data"
    assert table.header_row == 2
    assert table.sheets == ["Guidance", "Lists", "Data"]
    assert [n for n, _ in table.rows] == [3, 4]
    assert table.notes[0] == "Used sheet 'Data'; the header is on row 2."


def test_sheets_with_the_same_columns_are_all_read(tmp_path):
    rows = [["Date", "Event"], ["01/01/2015", "a"], ["02/01/2015", "b"]]
    later = [["Date", "Event"], ["01/01/2016", "c"], ["02/01/2016", "d"]]
    path = save_xlsx(tmp_path / "two.xlsx", {"2015": rows, "Chronology 2016": later})
    tables = read_tables(path)
    assert [t.sheet for t in tables] == ["2015", "Chronology 2016"]
    assert any("all of them are imported" in note for note in tables[0].notes)


def test_a_sheet_with_other_columns_is_mentioned_and_read_with_all_sheets(tmp_path):
    rows = [["Date", "Event"], ["01/01/2015", "a"], ["02/01/2015", "b"]]
    other = [["Date", "Worker", "Details"], ["01/01/2016", "SW", "c"], ["02/01/2016", "SW", "d"]]
    path = save_xlsx(tmp_path / "two.xlsx", {"Chronology": rows, "Contacts": other})
    tables = read_tables(path)
    assert [t.sheet for t in tables] == ["Chronology"]
    assert any("'Contacts'" in n and "--all-sheets" in n for n in tables[0].notes)
    assert [t.sheet for t in read_tables(path, all_sheets=True)] == ["Chronology", "Contacts"]


def test_chart_sheets_are_passed_over(tmp_path):
    path = tmp_path / "chart.xlsx"
    workbook = openpyxl.Workbook()
    data = workbook.active
    data.title = "Data"
    for row in (["Date", "Event"], ["01/01/2015", "a"], ["02/01/2015", "b"]):
        data.append(row)
    chart = openpyxl.chart.BarChart()
    chart.add_data(openpyxl.chart.Reference(data, min_col=2, min_row=1, max_row=3))
    workbook.create_chartsheet("Chart", 0).add_chart(chart)
    workbook.save(path)
    table = read_table(path)
    assert table.sheets == ["Chart", "Data"]
    assert table.sheet == "Data"
    assert table.notes == ["Used sheet 'Data'; the header is on row 1."]


def test_hidden_sheets_are_not_chosen(tmp_path):
    big = [["Date", "Event", "Outcome"]] + [["01/01/2015", "x", "y"]] * 20
    path = save_xlsx(
        tmp_path / "hidden.xlsx",
        {"Old chronology": big, "Entries": [["Date", "Event"], ["05/05/2016", "Visit"]]},
        hidden=("Old chronology",),
    )
    table = read_table(path)
    assert table.sheet == "Entries"
    assert table.rows == [(2, ["05/05/2016", "Visit"])]


def test_a_named_sheet_is_read_even_without_a_known_header(tmp_path):
    table = read_table(SAMPLES / "social_care_chronology.xlsx", sheet="Cover")
    assert table.sheet == "Cover"
    assert table.rows and table.rows[-1][1] == ["Date records secured", date(2018, 8, 2)]


def test_a_missing_sheet_is_refused_with_the_sheets_listed():
    message = refused(SAMPLES / "social_care_chronology.xlsx", sheet="Chronology 2019")
    assert "'Chronology 2019'" in message
    assert "'Cover', 'Chronology'" in message


def test_blank_rows_in_the_middle_are_dropped_and_counted(tmp_path):
    path = save_xlsx(
        tmp_path / "gaps.xlsx",
        {
            "Chronology": [
                ["Date", "Event"],
                ["01/01/2015", "a"],
                [None, None],
                ["", "   "],
                ["02/01/2015", "b"],
                [None, None],
                [None, "continuation of b"],
            ]
        },
    )
    table = read_table(path)
    assert [n for n, _ in table.rows] == [2, 5, 7]
    assert table.rows[2][1] == ["", "continuation of b"]
    assert any("3 blank rows were skipped (row 3, 4, 6)" in note for note in table.notes)


def test_ragged_csv_rows_are_padded_and_an_overflow_joined_back_and_flagged(tmp_path):
    # A row with one value more than the others has a comma inside its text (unquoted): it
    # goes back into the last column, and the row is flagged for checking.
    path = tmp_path / "ragged.csv"
    path.write_text(
        "Date,Event,Outcome\n01/01/2015,a\n02/01/2015,b,c,extra\n03/01/2015,d,e\n",
        encoding="utf-8",
    )
    table = read_table(path)
    assert table.headers == ["Date", "Event", "Outcome"]
    assert table.rows == [
        (2, ["01/01/2015", "a", ""]),
        (3, ["02/01/2015", "b", "c,extra"]),
        (4, ["03/01/2015", "d", "e"]),
    ]
    assert "separator is inside its text" in table.row_flags[3]
    assert any("joined into the last column" in note for note in table.notes)


def test_a_column_every_row_has_beyond_the_header_is_kept_as_its_own(tmp_path):
    path = tmp_path / "unnamed.csv"
    path.write_text(
        "Date,Event,Outcome\n01/01/2015,a,x,note 1\n02/01/2015,b,c,note 2\n03/01/2015,d,e,n3\n",
        encoding="utf-8",
    )
    table = read_table(path)
    assert table.headers == ["Date", "Event", "Outcome", "Column 4"]
    assert table.rows[1] == (3, ["02/01/2015", "b", "c", "note 2"])
    assert not table.row_flags


def test_content_beyond_the_header_gets_its_own_columns(tmp_path):
    path = save_xlsx(
        tmp_path / "beyond.xlsx",
        {
            "Chronology": [
                ["Date", None, "Event"],
                ["01/01/2015", "x", "a"],
                ["02/01/2015", None, "b", None, "note in E"],
            ]
        },
    )
    table = read_table(path)
    assert table.headers == ["Date", "Column 2", "Event", "Column 4", "Column 5"]
    assert table.rows[0] == (2, ["01/01/2015", "x", "a", "", ""])
    assert table.rows[1] == (3, ["02/01/2015", "", "b", "", "note in E"])


def test_duplicate_headers_are_told_apart(tmp_path):
    path = tmp_path / "dup.csv"
    path.write_text("Date,Event,Date\n01/01/2015,a,02/01/2015\n", encoding="utf-8")
    assert read_table(path).headers == ["Date", "Event", "Date (2)"]


def test_a_header_without_rows_is_refused(tmp_path):
    path = save_xlsx(tmp_path / "header_only.xlsx", {"Chronology": [["Date", "Event"]]})
    message = refused(path)
    assert "holds no chronology rows" in message
    assert "row 1" in message


def test_an_empty_workbook_is_refused(tmp_path):
    path = save_xlsx(tmp_path / "empty_sheet.xlsx", {"Sheet1": []})
    assert "holds no chronology rows" in refused(path)


def test_a_sheet_without_any_header_is_refused(tmp_path):
    path = save_xlsx(tmp_path / "numbers.xlsx", {"Sheet1": [[1, 2], [3, 4]]})
    assert "no header row" in refused(path)


def test_too_many_rows_are_refused(tmp_path):
    rows = [["Date", "Event"]] + [["01/01/2015", f"e{i}"] for i in range(50)]
    path = save_xlsx(tmp_path / "long.xlsx", {"Chronology": rows})
    assert len(read_table(path).rows) == 50
    reading._CHECKED.clear()
    assert "more than ReviewDesk reads at once (10)" in refused(path, max_rows=10)


def test_semicolon_csv_in_windows_1252(tmp_path):
    path = tmp_path / "cp1252.csv"
    text = "Date;Détails;Résultat\r\n02/01/2008;Visite à domicile;Réunion prévue\r\n"
    path.write_bytes(text.encode("cp1252"))
    table = read_table(path)
    assert table.headers == ["Date", "Détails", "Résultat"]
    assert table.rows == [(2, ["02/01/2008", "Visite à domicile", "Réunion prévue"])]
    assert any("Windows-1252" in note and "semicolons" in note for note in table.notes)


def test_utf16_csv_with_and_without_a_byte_order_mark(tmp_path):
    text = "Date\tEvent\tPractitioner\r\n02/01/2008\tHome visit\tZoë Ní Bhriain\r\n"
    with_bom = tmp_path / "unicode.csv"
    with_bom.write_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    no_bom = tmp_path / "unicode_no_bom.txt"
    no_bom.write_bytes(text.encode("utf-16-le"))
    for path in (with_bom, no_bom):
        table = read_table(path)
        assert table.headers == ["Date", "Event", "Practitioner"]
        assert table.rows == [(2, ["02/01/2008", "Home visit", "Zoë Ní Bhriain"])]
        assert any("UTF-16" in note and "tabs" in note for note in table.notes)


def test_csv_with_quoted_newlines(tmp_path):
    path = tmp_path / "quoted.csv"
    path.write_text(
        'Date,Event,Outcome\n01/01/2015,"Visit.\nMother said ""fine"".",Seen\n'
        '02/01/2015,"Call, no answer",None\n',
        encoding="utf-8",
    )
    table = read_table(path)
    assert table.rows == [
        (2, ["01/01/2015", 'Visit.\nMother said "fine".', "Seen"]),
        (3, ["02/01/2015", "Call, no answer", "None"]),
    ]


def test_excel_sep_line_is_honoured(tmp_path):
    path = tmp_path / "sep.csv"
    path.write_text("sep=|\nDate|Event\n01/01/2015|a, b; c\n", encoding="utf-8")
    table = read_table(path)
    assert table.header_row == 2
    assert table.rows == [(3, ["01/01/2015", "a, b; c"])]


def test_text_dates_in_every_spelling_survive_reading(tmp_path):
    from tests.chronology.test_dates import READABLE, TODAY

    rows = [["Date", "Event"]] + [
        [written, f"event {i}"] for i, (written, *_) in enumerate(READABLE)
    ]
    table = read_table(save_xlsx(tmp_path / "spellings.xlsx", {"Chronology": rows}))
    assert len(table.rows) == len(READABLE)
    for (_number, row), (written, precision, _g, iso, start, end) in zip(
        table.rows, READABLE, strict=True
    ):
        parsed = parse_date(row[0], today=TODAY)
        assert row[0] == written
        assert (parsed.precision, parsed.iso(), parsed.start, parsed.end) == (
            precision,
            iso,
            start,
            end,
        )


def test_excel_serial_numbers_and_impossible_dates_in_a_sheet(tmp_path):
    path = save_xlsx(
        tmp_path / "serials.xlsx",
        {
            "Chronology": [
                ["Date", "Event"],
                [39449, "serial"],
                [39449.75, "serial with time"],
                ["31/02/2016", "impossible"],
                [datetime(2016, 5, 22, 9, 30), "real date and time"],
            ]
        },
    )
    table = read_table(path)
    parsed = [parse_date(row[0]) for _, row in table.rows]
    assert [p.start for p in parsed] == [
        date(2008, 1, 2),
        date(2008, 1, 2),
        None,
        date(2016, 5, 22),
    ]
    assert [p.time for p in parsed] == ["", "18:00", "", "09:30"]
    assert parsed[2].problem == "31/02/2016 is not a real date: February 2016 has 29 days"
    assert [n for n, _ in table.rows] == [2, 3, 4, 5]  # the impossible date's row is kept


def _ods(path: Path, content_rows: str) -> Path:
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        '<office:body><office:spreadsheet><table:table table:name="Chronology">'
        f"{content_rows}</table:table></office:spreadsheet></office:body>"
        "</office:document-content>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "mimetype",
            "application/vnd.oasis.opendocument.spreadsheet",
            compress_type=zipfile.ZIP_STORED,
        )
        archive.writestr("content.xml", content)
        archive.writestr(
            "META-INF/manifest.xml",
            '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
            '<manifest:file-entry manifest:full-path="/" '
            'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
            "</manifest:manifest>",
        )
    return path


def _ods_row(*cells: str, repeat: int = 1, cell_repeat: int = 1) -> str:
    attrs = f' table:number-rows-repeated="{repeat}"' if repeat > 1 else ""
    cell_attrs = f' table:number-columns-repeated="{cell_repeat}"' if cell_repeat > 1 else ""
    body = "".join(
        f'<table:table-cell office:value-type="string"{cell_attrs}><text:p>{c}</text:p>'
        "</table:table-cell>"
        for c in cells
    )
    return f"<table:table-row{attrs}>{body}</table:table-row>"


def test_an_ods_file_is_read(tmp_path):
    rows = (
        _ods_row("Chronology from the GP practice")
        + '<table:table-row table:number-rows-repeated="2"><table:table-cell/></table:table-row>'
        + _ods_row("Date", "Event")
        + _ods_row("01/03/2015", "GP appointment")
        + '<table:table-row table:number-rows-repeated="1048570">'
        '<table:table-cell table:number-columns-repeated="1024"/></table:table-row>'
    )
    table = read_table(_ods(tmp_path / "gp.ods", rows))
    assert (table.sheet, table.header_row) == ("Chronology", 4)
    assert table.rows == [(5, ["01/03/2015", "GP appointment"])]


def test_content_decides_the_format_not_the_extension(tmp_path):
    xlsx_as_csv = tmp_path / "really_xlsx.csv"
    shutil.copy(SAMPLES / "health_chronology.xlsx", xlsx_as_csv)
    assert read_table(xlsx_as_csv).headers[0] == "Date of contact"
    xls_as_xlsx = tmp_path / "really_xls.xlsx"
    shutil.copy(SAMPLES / "probation_chronology.xls", xls_as_xlsx)
    assert read_table(xls_as_xlsx).sheet == "Chronology"
    csv_as_xlsx = tmp_path / "really_csv.xlsx"
    shutil.copy(SAMPLES / "school_chronology.csv", csv_as_xlsx)
    assert len(read_table(csv_as_xlsx).rows) == 40


# --- hostile and broken files ------------------------------------------------------------------

_WORKBOOK_XML = (
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Chronology" sheetId="1" r:id="rId1"/></sheets></workbook>'
)


def test_zip_bomb_is_refused_before_parsing(tmp_path, no_calamine):
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", _WORKBOOK_XML)
        with archive.open("xl/worksheets/sheet1.xml", "w") as member:
            zeros = bytes(1024 * 1024)
            for _ in range(300):
                member.write(zeros)
    assert path.stat().st_size < 2 * 1024 * 1024
    message = refused(path)
    assert "expands" in message and "fold" in message
    assert "Ask the agency" in message


def _patch_declared_size(path: Path, member: str, declared: int) -> None:
    """Make the archive declare another uncompressed size for a member (local and central)."""
    data = bytearray(path.read_bytes())
    end = data.rfind(b"PK\x05\x06")
    entries, central = (
        struct.unpack_from("<H", data, end + 10)[0],
        struct.unpack_from("<I", data, end + 16)[0],
    )
    for _ in range(entries):
        assert data[central : central + 4] == b"PK\x01\x02"
        name_length, extra_length, comment_length = struct.unpack_from("<HHH", data, central + 28)
        if data[central + 46 : central + 46 + name_length] == member.encode():
            struct.pack_into("<I", data, central + 24, declared)
            local = struct.unpack_from("<I", data, central + 42)[0]
            struct.pack_into("<I", data, local + 22, declared)
        central += 46 + name_length + extra_length + comment_length
    path.write_bytes(bytes(data))


def _small_workbook(path: Path, sheet_xml: bytes) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", _WORKBOOK_XML)
        archive.writestr(
            "xl/_rels/workbook.xml.rels",
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Target="worksheets/sheet1.xml" Type="x/worksheet"/>'
            "</Relationships>",
        )
        archive.writestr("xl/worksheets/sheet1.xml", sheet_xml)
    return path


def test_a_declared_gigabyte_is_refused_before_anything_is_inflated(tmp_path, no_calamine):
    path = _small_workbook(tmp_path / "declares_1gb.xlsx", b"<worksheet/>" * 90_000)
    assert path.stat().st_size < 1024 * 1024
    _patch_declared_size(path, "xl/worksheets/sheet1.xml", 1024**3)
    assert zipfile.ZipFile(path).getinfo("xl/worksheets/sheet1.xml").file_size == 1024**3
    assert "expand to 1,024 MB" in refused(path)


def test_a_part_that_hides_its_real_size_is_refused(tmp_path, no_calamine):
    path = _small_workbook(tmp_path / "liar.xlsx", bytes(40 * 1024 * 1024))
    compressed = zipfile.ZipFile(path).getinfo("xl/worksheets/sheet1.xml").compress_size
    _patch_declared_size(path, "xl/worksheets/sheet1.xml", compressed * 100)  # looks 100:1
    assert "damaged or incomplete" in refused(path)


def test_a_tiny_sheet_reaching_cell_xfd1048576_is_refused(tmp_path, no_calamine):
    path = tmp_path / "far_cell.xlsx"
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Date", "Event"])
    sheet.append(["01/01/2015", "a"])
    sheet.cell(row=1_048_576, column=16_384, value="far away")
    workbook.save(path)
    assert path.stat().st_size < 10_000
    message = refused(path)
    assert "row 1,048,576 and column 16,384" in message
    assert "Delete the empty rows and columns" in message


def test_far_cells_written_with_a_prefix_under_a_default_namespace_are_refused(
    tmp_path, no_calamine
):
    # The sheet declares its namespace as the default and binds a prefix to it as well; the
    # cells are written with the prefix (<x:c>), which the parser reads like any other cell.
    sheet = (
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        b'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>'
        b'<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>Date</x:t></x:is></x:c></x:row>'
        b'<x:row r="2"><x:c r="A2" t="inlineStr"><x:is><x:t>01/01/2015</x:t></x:is></x:c>'
        b'<x:c r="XFD1048576" t="inlineStr"><x:is><x:t>far</x:t></x:is></x:c></x:row>'
        b"</x:sheetData></worksheet>"
    )
    message = refused(_small_workbook(tmp_path / "prefixed_far_cell.xlsx", sheet))
    assert "row 1,048,576 and column 16,384" in message


def test_far_cells_without_values_do_not_count(tmp_path):
    path = tmp_path / "styled.xlsx"
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Date", "Event"])
    sheet.append(["01/01/2015", "a"])
    sheet.cell(row=1_048_576, column=16_384).font = openpyxl.styles.Font(bold=True)
    workbook.save(path)
    assert read_table(path).rows == [(2, ["01/01/2015", "a"])]


def test_cells_without_references_are_placed_as_the_parser_would(tmp_path, no_calamine):
    sheet = (
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b'<sheetData><row r="1"><c t="inlineStr"><is><t>Date</t></is></c></row>'
        b'<row r="900000">' + b"<c><v>1</v></c>" * 30 + b"</row></sheetData></worksheet>"
    )
    message = refused(_small_workbook(tmp_path / "no_refs.xlsx", sheet))
    assert "row 900,000 and column 30" in message


def test_ods_repeats_that_would_fill_millions_of_cells_are_refused(tmp_path, no_calamine):
    rows = _ods_row("Date", "Event") + _ods_row("x", repeat=100_000, cell_repeat=1_000)
    message = refused(_ods(tmp_path / "repeats.ods", rows))
    assert "100,000,000 cells" in message or "100,001,000 cells" in message


def test_an_absurd_number_of_parts_is_refused(tmp_path, no_calamine, monkeypatch):
    path = _small_workbook(tmp_path / "many_parts.xlsx", b"<worksheet/>")
    with zipfile.ZipFile(path, "a") as archive:
        for i in range(8):
            archive.writestr(f"xl/media/part{i}.bin", b"x")
    monkeypatch.setattr(file_guard, "MAX_ARCHIVE_MEMBERS", 10)
    assert "it holds 12 parts" in refused(path)


def test_a_zip_that_is_not_a_workbook(tmp_path, no_calamine):
    path = tmp_path / "photos.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("holiday.txt", "not a workbook")
    assert "zip archive, not a spreadsheet" in refused(path)
    docx = tmp_path / "chronology.docx"
    with zipfile.ZipFile(docx, "w") as archive:
        archive.writestr("word/document.xml", "<document/>")
    assert "Word document" in refused(docx)


def test_truncated_xlsx(tmp_path, no_calamine):
    data = (SAMPLES / "police_chronology.xlsx").read_bytes()
    path = tmp_path / "half.xlsx"
    path.write_bytes(data[: len(data) // 2])
    assert "damaged or incomplete" in refused(path)


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("report.xlsx", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "a PDF document"),
        ("scan.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(50), "an image"),
        ("noise.xlsx", random.Random(3).randbytes(4096), "not a spreadsheet"),
        ("noise.csv", b"Date,Event\n" + bytes(range(256)) * 8, "not a spreadsheet"),
        ("export.xls", b"<html><body><p>The report could not be run.</p></body>", "web page"),
        ("empty.xlsx", b"", "is empty"),
    ],
)
def test_files_that_are_not_spreadsheets(tmp_path, no_calamine, name, content, words):
    path = tmp_path / name
    path.write_bytes(content)
    message = refused(path)
    assert words in message
    assert any(advice in message for advice in ADVICE)


def test_a_real_password_protected_workbook(tmp_path, no_calamine):
    # Made with msoffcrypto-tool (password "panel"): an OLE file holding an encrypted package.
    message = refused(SAMPLES / "password_protected.xlsx")
    assert message == (
        "password_protected.xlsx is password-protected. Remove the password in Excel "
        "(File › Info › Protect Workbook), save it, and import it again."
    )


def test_an_unreadable_legacy_xls(tmp_path):
    path = tmp_path / "old.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600) + b"rubbish" * 100)
    message = refused(path)
    assert "cannot be read as a spreadsheet" in message
    assert "save it as .xlsx" in message


def test_a_file_over_the_size_limit_is_refused_unread(tmp_path, no_calamine, monkeypatch):
    path = tmp_path / "huge.csv"
    with open(path, "wb") as handle:
        handle.write(b"Date,Event\n")
        handle.truncate(reading.MAX_FILE_BYTES + 1)  # sparse: no disk space used
    monkeypatch.setattr(reading, "read_csv", lambda *_: pytest.fail("the file was read"))
    assert "Split the chronology" in refused(path)


def test_missing_file(tmp_path):
    assert "could not be found" in refused(tmp_path / "gone.xlsx")


def test_refusals_carry_no_parser_traceback(tmp_path):
    path = tmp_path / "half.xlsx"
    data = (SAMPLES / "social_care_chronology.xlsx").read_bytes()
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(ImportRefused) as caught:
        read_table(path)
    assert caught.value.__cause__ is None
    assert caught.value.__suppress_context__


# --- speed -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def health_10k(tmp_path_factory) -> Path:
    source = openpyxl.load_workbook(SAMPLES / "health_chronology.xlsx", read_only=True)
    rows = [list(r) for r in source["Chronology"].iter_rows(values_only=True)]
    source.close()
    header, data = rows[0], [r for r in rows[1:] if any(r)]
    path = tmp_path_factory.mktemp("bench") / "health_10k.xlsx"
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("Chronology")
    sheet.append(header)
    for i in range(10_000):
        sheet.append(data[i % len(data)])
    workbook.save(path)
    return path


def test_ten_thousand_rows_are_read_with_every_date(health_10k):
    # How fast, against python-calamine alone, is benchmarks/chronology_bench.py's to say.
    reading._CHECKED.clear()
    table = read_table(health_10k)
    column = guess_mapping(table.headers)["date"]
    parsed = [parse_date(row[column]) for _, row in table.rows]
    assert len(parsed) == 10_000 and all(p.ok for p in parsed)


def test_checked_archives_are_remembered(tmp_path):
    path = tmp_path / "copy.xlsx"
    shutil.copy(SAMPLES / "police_chronology.xlsx", path)
    read_table(path)
    assert len(reading._CHECKED) == 1
    os.utime(path, ns=(1, 1))  # a changed file is checked again
    read_table(path)
    assert len(reading._CHECKED) == 2


def test_a_csv_with_a_title_and_header_but_no_rows_is_refused(tmp_path):
    path = tmp_path / "title_only.csv"
    path.write_bytes(b"Chronology\nDate,Event\n")
    assert "holds no chronology rows" in refused(path)


def _members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {
            info.filename: b"".join(file_guard.inflated(archive, info))
            for info in archive.infolist()
        }


def test_the_guard_inflates_each_part_as_zipfile_does(tmp_path):
    path = tmp_path / "parts.zip"
    text = "".join(f"<row r='{n}'><c><v>{n * 7}</v></c></row>" for n in range(60_000)).encode()
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("deflated.xml", text, zipfile.ZIP_DEFLATED)
        archive.writestr("stored.xml", text[:5000], zipfile.ZIP_STORED)
        archive.writestr("empty.xml", b"", zipfile.ZIP_DEFLATED)
    with zipfile.ZipFile(path) as archive:
        expected = {name: archive.read(name) for name in archive.namelist()}
    assert len(expected["deflated.xml"]) > 2 * 1024 * 1024  # more than one chunk
    assert _members(path) == expected


def test_a_sheet_of_a_few_megabytes_is_looked_through_in_pieces_ending_at_a_tag(tmp_path):
    path = tmp_path / "pieces.zip"
    text = "".join(f"<row r='{n}'><c><v>{n * 7}</v></c></row>" for n in range(60_000)).encode()
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("deflated.xml", text, zipfile.ZIP_DEFLATED)
        archive.writestr("stored.xml", text[:5000], zipfile.ZIP_STORED)
    with zipfile.ZipFile(path) as archive:
        whole = archive.read("deflated.xml")
        pieces = list(file_guard._pieces(archive, archive.getinfo("deflated.xml")))
        assert len(pieces) > 1 and b"".join(pieces) == whole  # (nothing lost or repeated)
        assert all(piece.endswith(b">") for piece in pieces)
        assert max(map(len, pieces)) <= 2 * file_guard._CHUNK
        small = archive.getinfo("stored.xml")
        assert list(file_guard._pieces(archive, small)) == [archive.read("stored.xml")]


@pytest.mark.parametrize("where", [1_000, 4_369, 30_000, 59_998])
def test_a_far_cell_anywhere_in_a_large_sheet_is_found(tmp_path, no_calamine, where):
    # Rows of about sixty bytes: the sheet spans many pieces, and the far cell falls at the
    # start, across, or at the end of one wherever it is.
    rows = [f'<row r="{n}"><c r="A{n}"><v>{n * 7}</v></c></row>' for n in range(1, 60_000)]
    rows[where] = (
        f'<row r="{where + 1}"><c r="A{where + 1}"><v>1</v></c>'
        '<c r="XFD1048576" t="inlineStr"><is><t>far</t></is></c></row>'
    )
    sheet = ("<worksheet><sheetData>" + "".join(rows) + "</sheetData></worksheet>").encode()
    message = refused(_small_workbook(tmp_path / f"far_{where}.xlsx", sheet))
    assert "row 1,048,576 and column 16,384" in message


def test_a_small_part_that_holds_more_than_it_declares_is_refused(tmp_path, no_calamine):
    rows = "".join(f'<row r="{n}"><c r="A{n}"><v>{n * 7}</v></c></row>' for n in range(1, 60_000))
    path = _small_workbook(tmp_path / "small_liar.xlsx", f"<worksheet>{rows}</worksheet>".encode())
    real = zipfile.ZipFile(path).getinfo("xl/worksheets/sheet1.xml").file_size
    _patch_declared_size(path, "xl/worksheets/sheet1.xml", real // 2)
    assert "damaged or incomplete" in refused(path)


def test_a_part_whose_bytes_do_not_match_its_crc_is_refused_as_damaged(tmp_path, no_calamine):
    path = _small_workbook(
        tmp_path / "crc.xlsx", b"<worksheet>" + b"<row/>" * 20_000 + b"</worksheet>"
    )
    data = bytearray(path.read_bytes())
    end = data.rfind(b"PK\x05\x06")
    central = struct.unpack_from("<I", data, end + 16)[0]
    while data[central : central + 4] == b"PK\x01\x02":
        name_length, extra_length, comment_length = struct.unpack_from("<HHH", data, central + 28)
        if data[central + 46 : central + 46 + name_length] == b"xl/worksheets/sheet1.xml":
            crc = struct.unpack_from("<I", data, central + 16)[0] ^ 1
            struct.pack_into("<I", data, central + 16, crc)
            local = struct.unpack_from("<I", data, central + 42)[0]
            struct.pack_into("<I", data, local + 14, crc)
        central += 46 + name_length + extra_length + comment_length
    path.write_bytes(bytes(data))
    assert "damaged or incomplete" in refused(path)


def test_a_part_whose_compressed_bytes_are_broken_is_refused_as_damaged(tmp_path, no_calamine):
    path = _small_workbook(
        tmp_path / "broken.xlsx", b"<worksheet>" + b"<row/>" * 20_000 + b"</worksheet>"
    )
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("xl/worksheets/sheet1.xml")
    data = bytearray(path.read_bytes())
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    data[start : start + 8] = b"\xff" * 8  # not a deflate block
    path.write_bytes(bytes(data))
    assert "damaged or incomplete" in refused(path)
