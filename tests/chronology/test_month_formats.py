"""Date cells formatted to show only a month and year (or only a year) keep that precision in
legacy .xls workbooks and OpenDocument .ods spreadsheets, as they do in .xlsx."""

from datetime import date

from app.chronology.dates import parse_date
from app.chronology.reading import read_table
from app.chronology.sheet_formats import partial_date_cells_ods, partial_date_cells_xls

ROWS = [
    (date(2009, 6, 1), "mmm-yy", "Moved into the area."),
    (date(2010, 1, 1), "yyyy", "Registered with the GP."),
    (date(2011, 9, 1), "mmmm yyyy", "Started at the primary school."),
    (date(2016, 3, 14), "dd/mm/yyyy", "Home visit: mother and Child A seen."),
]


def _xls(path):
    import xlwt

    book = xlwt.Workbook()
    sheet = book.add_sheet("Chronology")
    sheet.write(0, 0, "Chronology of involvement")
    sheet.write(2, 0, "Date")
    sheet.write(2, 1, "Details")
    for row, (day, fmt, text) in enumerate(ROWS, 3):
        sheet.write(row, 0, day, xlwt.easyxf(num_format_str=fmt))
        sheet.write(row, 1, text)
    book.save(str(path))
    return path


def _ods(path, *, column_default: bool = False):
    """An .ods written with odfpy: date styles showing month and year, a year, or the day.
    With ``column_default`` the month style comes from the column, not the cell."""
    from odf.number import DateStyle, Day, Month, Text, Year
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.style import Style
    from odf.table import Table, TableCell, TableColumn, TableRow
    from odf.text import P

    document = OpenDocumentSpreadsheet()
    month_year = DateStyle(name="MonthYear")
    month_year.addElement(Month(style="short", textual="true"))
    month_year.addElement(Text(text="-"))
    month_year.addElement(Year(style="short"))
    year_only = DateStyle(name="YearOnly")
    year_only.addElement(Year(style="long"))
    long_month = DateStyle(name="LongMonth")
    long_month.addElement(Month(style="long", textual="true"))
    long_month.addElement(Text(text=" "))
    long_month.addElement(Year(style="long"))
    whole_day = DateStyle(name="WholeDay")
    for part in (Day(style="long"), Text(text="/"), Month(style="long"), Text(text="/"),
                 Year(style="long")):  # fmt: skip
        whole_day.addElement(part)
    styles = {}
    for fmt, data in (("mmm-yy", month_year), ("yyyy", year_only), ("mmmm yyyy", long_month),
                      ("dd/mm/yyyy", whole_day)):  # fmt: skip
        document.automaticstyles.addElement(data)
        styles[fmt] = Style(name=f"ce-{data.getAttribute('name')}", family="table-cell",
                            datastylename=data.getAttribute("name"))  # fmt: skip
        document.automaticstyles.addElement(styles[fmt])
    table = Table(name="Housing notes")
    if column_default:
        table.addElement(TableColumn(defaultcellstylename=styles["mmm-yy"]))
        table.addElement(TableColumn())
    else:
        table.addElement(TableColumn(numbercolumnsrepeated=2))

    def add(cells):
        row = TableRow()
        for cell in cells:
            row.addElement(cell)
        table.addElement(row)

    def text(value):
        cell = TableCell(valuetype="string")
        cell.addElement(P(text=value))
        return cell

    add([text("Housing tenancy notes")])
    add([TableCell(numbercolumnsrepeated=2)])
    add([text("Date"), text("Details")])
    for day, fmt, note in ROWS:
        style = {} if column_default and fmt == "mmm-yy" else {"stylename": styles[fmt]}
        cell = TableCell(valuetype="date", datevalue=day.isoformat(), **style)
        cell.addElement(P(text=str(day)))
        add([cell, text(note)])
    document.spreadsheet.addElement(table)
    document.save(str(path))
    return path


def _read_back(path):
    table = read_table(path)
    values = [cells[0] for _n, cells in table.rows]
    assert [cells[1] for _n, cells in table.rows] == [text for _d, _f, text in ROWS]
    assert values[:3] == ["Jun 2009", "2010", "Sep 2011"]
    assert [parse_date(v).precision for v in values] == ["month", "year", "month", "day"]
    assert parse_date(values[3]).start == date(2016, 3, 14)
    assert any("3 date cell(s) show only a month" in note for note in table.notes)


def test_xls_month_and_year_formats_keep_their_precision(tmp_path):
    path = _xls(tmp_path / "ambulance.xls")
    assert partial_date_cells_xls(path, "Chronology") == {
        (3, 0): "month", (4, 0): "year", (5, 0): "month"
    }  # fmt: skip
    _read_back(path)


def test_ods_month_and_year_styles_keep_their_precision(tmp_path):
    path = _ods(tmp_path / "housing.ods")
    assert partial_date_cells_ods(path, "Housing notes") == {
        (3, 0): "month", (4, 0): "year", (5, 0): "month"
    }  # fmt: skip
    assert partial_date_cells_ods(path, "Another sheet") == {}
    _read_back(path)


def test_ods_cell_taking_its_style_from_the_column(tmp_path):
    path = _ods(tmp_path / "housing.ods", column_default=True)
    assert partial_date_cells_ods(path, "Housing notes")[3, 0] == "month"
    _read_back(path)


def test_files_without_month_formats_read_as_before(tmp_path):
    import xlwt

    book = xlwt.Workbook()
    sheet = book.add_sheet("Chronology")
    sheet.write(0, 0, "Date")
    sheet.write(0, 1, "Details")
    sheet.write(1, 0, date(2009, 6, 1), xlwt.easyxf(num_format_str="dd/mm/yyyy"))
    sheet.write(1, 1, "Visit.")
    book.save(str(tmp_path / "plain.xls"))
    assert partial_date_cells_xls(tmp_path / "plain.xls", "Chronology") == {}
    table = read_table(tmp_path / "plain.xls")
    assert table.rows[0][1][0] == date(2009, 6, 1)
    (tmp_path / "broken.ods").write_bytes(b"PK\x03\x04 not really a zip")
    assert partial_date_cells_ods(tmp_path / "broken.ods", "Sheet1") == {}
