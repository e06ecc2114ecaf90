"""Binary workbooks (.xlsb) are read, and a workbook whose few bytes would make the parser ask
for gigabytes at once (a cell at the far corner of a binary sheet, a column number beyond any
sheet, a list of texts claiming billions) is refused before the parser sees it: the parser
would otherwise end the whole program without a word."""

import struct
import zipfile

import pytest

from app.chronology.binary_sheets import xls_extents
from app.chronology.file_guard import ImportRefused, check_archive
from app.chronology.reading import read_tables
from tests.chronology.xlsb_files import record, sheet_records, u32, write_xlsb

ROWS = [["Date", "Event"], ["14/03/2016", "Home visit: mother and baby seen."]]
ROWS += [["15/03/2016", "Telephone call to the GP."]]


def test_a_binary_workbook_is_read(tmp_path):
    table = read_tables(write_xlsb(tmp_path / "ambulance.xlsb", ROWS))[0]
    assert table.headers == ["Date", "Event"]
    assert [cells for _n, cells in table.rows] == ROWS[1:]


@pytest.mark.parametrize(
    ("row", "column", "words"),
    [
        (1_048_575, 16_383, "would take 17,179,869,184 cells"),
        (1, 0xFFFF_FFF0, "beyond the last row or column a sheet can have"),
        (5_000, 3_000, "row 5,001 and column 3,001, so reading it would take 15,008,001 cells"),
    ],
)
def test_a_binary_sheet_reaching_too_far_is_refused(tmp_path, row, column, words):
    sheet = sheet_records(ROWS, [(row, column, "x")])
    path = write_xlsb(tmp_path / "far.xlsb", ROWS, sheet=sheet)
    with pytest.raises(ImportRefused, match=words):
        check_archive(path, path.stat().st_size)


def test_cells_after_the_sheets_data_or_past_its_last_row_are_not_counted(tmp_path):
    after_end = sheet_records(ROWS)[: -len(record(0x0082))]
    after_end += record(0x0000, u32(900_000) + bytes(13))
    after_end += record(0x0006, u32(16_000) + bytes(4) + u32(1) + "x".encode("utf-16-le"))
    path = write_xlsb(tmp_path / "tail.xlsb", ROWS, sheet=after_end + record(0x0082))
    check_archive(path, path.stat().st_size)  # the parser stops at the end of the data
    assert len(read_tables(path)[0].rows) == 2


def test_a_binary_sheet_cut_short_is_damaged(tmp_path):
    whole = sheet_records(ROWS)
    end = record(0x0092) + record(0x0082)
    short_cell = whole[: -len(end)] + record(0x0006, b"\x01\x00") + end  # no room for a column
    for sheet in (whole[:-9], short_cell):
        path = write_xlsb(tmp_path / "cut.xlsb", ROWS, sheet=sheet)
        with pytest.raises(ImportRefused, match="damaged or incomplete"):
            check_archive(path, path.stat().st_size)


def test_a_list_of_texts_claiming_billions_is_refused(tmp_path):
    parts = {
        "[Content_Types].xml": '<Types xmlns="http://schemas.openxmlformats.org/package/2006/'
        'content-types"/>',
        "_rels/.rels": '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
        'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
        'officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
        "</Relationships>",
        "xl/workbook.xml": '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/'
        'main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<sheets><sheet name="Chronology" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<Relationships xmlns="http://schemas.openxmlformats.org/'
        'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.'
        'org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
        "xl/worksheets/sheet1.xml": '<worksheet xmlns="http://schemas.openxmlformats.org/'
        'spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c>'
        '<c r="B1" t="s"><v>1</v></c></row><row r="2"><c r="A2" t="s"><v>2</v></c>'
        '<c r="B2" t="s"><v>3</v></c></row></sheetData></worksheet>',
    }
    texts = (
        "<si><t>Date</t></si><si><t>Event</t></si><si><t>14/03/2016</t></si><si><t>Visit</t></si>"
    )

    def workbook(name: str, count: int):
        path = tmp_path / name
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            for part, text in parts.items():
                archive.writestr(part, text)
            archive.writestr(
                "xl/sharedStrings.xml",
                '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                f'count="{count}" uniqueCount="{count}">{texts}</sst>',
            )
        return path

    fine = workbook("fine.xlsx", 4)
    assert [cells for _n, cells in read_tables(fine)[0].rows] == [["14/03/2016", "Visit"]]
    bomb = workbook("texts.xlsx", 4_294_967_295)
    with pytest.raises(ImportRefused, match="says it holds 4,294,967,295 different texts"):
        read_tables(bomb)


def _xls(path, rows=ROWS):
    import xlwt

    workbook = xlwt.Workbook()
    sheet = workbook.add_sheet("Chronology")
    for r, cells in enumerate(rows):
        for c, value in enumerate(cells):
            sheet.write(r, c, value)
    workbook.save(str(path))
    return bytearray(path.read_bytes())


def _patch(data: bytearray, record: bytes, offset: int, fmt: str, *values) -> None:
    """Overwrite the values of the first record starting with ``record``."""
    at = data.find(record)
    assert at > 0, "record not found"
    struct.pack_into(fmt, data, at + offset, *values)


def test_a_legacy_workbook_is_checked_sheet_by_sheet_before_it_is_read(tmp_path):
    fine = tmp_path / "probation.xls"
    _xls(fine)
    assert [cells for _n, cells in read_tables(fine)[0].rows] == ROWS[1:]
    assert xls_extents(fine) == [(3, 2, 6)]

    # A text cell moved to the last row and column an .xls cell can name: the reader would
    # lay out 4 billion cells.
    far = _xls(tmp_path / "far.xls")
    _patch(far, struct.pack("<HHHH", 0x00FD, 10, 2, 1), 4, "<HH", 65535, 255)
    (tmp_path / "far.xls").write_bytes(far)
    with pytest.raises(ImportRefused, match="spans 65,536 rows and 256 columns"):
        read_tables(tmp_path / "far.xls")

    # Its dimensions claiming 200 million rows: room for them before any cell is read.
    room = _xls(tmp_path / "room.xls")
    _patch(room, struct.pack("<HH", 0x0200, 14), 8, "<I", 200_000_000)
    (tmp_path / "room.xls").write_bytes(room)
    with pytest.raises(ImportRefused, match="asks for room for 400,000,000 cells"):
        read_tables(tmp_path / "room.xls")


def test_a_legacy_workbook_cut_short_is_damaged(tmp_path):
    whole = _xls(tmp_path / "whole.xls")
    (tmp_path / "cut.xls").write_bytes(whole[: len(whole) // 2])
    with pytest.raises(ImportRefused, match="damaged|cannot be read"):
        read_tables(tmp_path / "cut.xls")


def test_a_word_table_cell_spanning_millions_of_columns_is_refused(tmp_path):
    from docx import Document

    document = Document()
    table = document.add_table(rows=3, cols=2)
    for row, cells in zip(table.rows, ROWS, strict=True):
        for cell, text in zip(row.cells, cells, strict=True):
            cell.text = text
    document.save(tmp_path / "fine.docx")
    assert [cells for _n, cells in read_tables(tmp_path / "fine.docx")[0].rows] == ROWS[1:]

    with zipfile.ZipFile(tmp_path / "fine.docx") as source:
        parts = {info.filename: source.read(info) for info in source.infolist()}
    parts["word/document.xml"] = parts["word/document.xml"].replace(
        b"<w:tcPr>", b'<w:tcPr><w:gridSpan w:val="200000000"/>', 1
    )
    with zipfile.ZipFile(tmp_path / "span.docx", "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)
    with pytest.raises(ImportRefused, match="spans 200,000,001 columns"):
        read_tables(tmp_path / "span.docx")
