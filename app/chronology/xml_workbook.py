"""An Excel 2003 XML spreadsheet (SpreadsheetML): what older report writers and some case
systems still export, often named .xls. Read with a parser that refuses entity tricks
(defusedxml), streamed so that the file's tree is never held whole, into a workbook that the
reader (reading.py) uses as it uses python-calamine's: sheet names, visibility, each sheet's
rows (dates as dates, numbers as numbers) and its merged cells.

A date cell whose number format shows only a month and year (or a year) is given as that
month as text ("Jun 2009"), as for .xlsx, so that it is read at that precision."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from python_calamine import SheetTypeEnum, SheetVisibleEnum

from app.chronology.file_guard import (
    _EXCEL_COLUMNS,
    _EXCEL_ROWS,
    MAX_SHEET_CELLS,
    SEND_AGAIN,
    ImportRefused,
)
from app.chronology.xlsx_formats import format_precision

SS = "urn:schemas-microsoft-com:office:spreadsheet"
_X = "urn:schemas-microsoft-com:office:excel"
# As for the other workbooks: beyond these, refused before it is held.
MAX_CELLS = MAX_SHEET_CELLS
_MOST_COLUMNS, _MOST_ROWS = _EXCEL_COLUMNS, _EXCEL_ROWS
_LARGEST_MERGE = 100_000  # cells one merged cell may cover
_NAMED_FORMATS = {  # Excel's named formats, as SpreadsheetML writes them
    "short date": "dd/mm/yyyy",
    "medium date": "dd-mmm-yy",
    "long date": "dddd, mmmm dd, yyyy",
    "general date": "dd/mm/yyyy hh:mm",
}


def _q(name: str) -> str:
    return f"{{{SS}}}{name}"


class _Meta:
    """A sheet's name, visibility and type, as python-calamine's metadata gives them."""

    def __init__(self, name: str, visible: Any):
        self.name, self.visible, self.typ = name, visible, SheetTypeEnum.WorkSheet


@dataclass
class XmlSheet:
    name: str
    rows: list[list[Any]] = field(default_factory=list)
    merged: list[tuple[tuple[int, int], tuple[int, int]]] = field(default_factory=list)

    @property
    def start(self) -> tuple[int, int] | None:
        return (0, 0) if any(any(c != "" for c in r) for r in self.rows) else None

    @property
    def height(self) -> int:
        return len(self.rows)

    @property
    def width(self) -> int:
        return max((len(r) for r in self.rows), default=0)

    @property
    def merged_cell_ranges(self) -> list:
        return self.merged

    def to_python(self, skip_empty_area: bool = True) -> list[list[Any]]:
        width = self.width
        return [r + [""] * (width - len(r)) for r in self.rows]


class XmlWorkbook:
    """The workbook's sheets, in order, with the interface reading.py uses."""

    def __init__(self, sheets: list[XmlSheet], hidden: set[str]):
        self._sheets = {s.name: s for s in sheets}
        self.sheet_names = [s.name for s in sheets]
        self.sheets_metadata = [
            _Meta(s.name, SheetVisibleEnum.Hidden if s.name in hidden else SheetVisibleEnum.Visible)
            for s in sheets
        ]

    def get_sheet_by_name(self, name: str) -> XmlSheet:
        return self._sheets[name]

    def close(self) -> None:
        self._sheets.clear()


def _value(kind: str, text: str, precision: str) -> Any:
    text = text or ""
    if kind == "Number":
        try:
            number = float(text)
        except ValueError:
            return text
        return int(number) if number.is_integer() and abs(number) < 2**53 else number
    if kind == "DateTime":
        try:
            when = datetime.fromisoformat(text.strip()[:19])
        except ValueError:
            return text
        if precision == "month":
            return f"{when:%b %Y}"
        if precision == "year":
            return f"{when:%Y}"
        return when if (when.hour, when.minute, when.second) != (0, 0, 0) else when.date()
    if kind == "Boolean":
        return text.strip() in ("1", "true", "TRUE")
    return text


def _beyond(shown: str, sheet: str) -> ImportRefused:
    return ImportRefused(
        f"{shown} is refused: a cell of sheet '{sheet}' reaches beyond the last column or row a "
        "sheet can have, or covers more cells than any chronology (the file is damaged or made "
        "to harm the computer that opens it). " + SEND_AGAIN
    )


def read_xml_workbook(path: Path) -> XmlWorkbook:
    """The workbook in an Excel 2003 XML file; refuses a damaged one in plain words."""
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import iterparse

    shown = path.name
    precisions: dict[str, str] = {}  # style id -> "month" / "year" for partial date formats
    style_id = ""
    sheets: list[XmlSheet] = []
    hidden: set[str] = set()
    sheet: XmlSheet | None = None
    row: list[Any] = []
    row_index = 0
    column = 0
    cells = 0
    covered: dict[tuple[int, int], bool] = {}  # cells a merged cell above covers
    try:
        for event, element in iterparse(str(path), events=("start", "end")):
            tag = element.tag
            if event == "start":
                if tag == _q("Worksheet"):
                    name = element.get(_q("Name")) or f"Sheet{len(sheets) + 1}"
                    sheet = XmlSheet(name)
                    sheets.append(sheet)
                    row_index, covered = -1, {}
                elif tag == _q("Style"):
                    style_id = element.get(_q("ID"), "")
                elif tag == _q("Row") and sheet is not None:
                    index = element.get(_q("Index"))
                    row_index = int(index) - 1 if index else row_index + 1
                    if not 0 <= row_index < _MOST_ROWS:
                        raise _beyond(shown, sheet.name)
                    while len(sheet.rows) < row_index:
                        sheet.rows.append([])
                    row, column = [], 0
                continue
            # end of an element
            if tag == _q("NumberFormat"):
                code = element.get(_q("Format"), "")
                code = _NAMED_FORMATS.get(code.lower(), code)
                precision = format_precision(code)
                if precision in ("month", "year"):
                    precisions[style_id] = precision
            elif tag == _q("Cell") and sheet is not None:
                index = element.get(_q("Index"))
                column = int(index) - 1 if index else column
                while (row_index, column) in covered:
                    column += 1
                data = element.find(_q("Data"))
                value: Any = ""
                if data is not None:
                    text = "".join(data.itertext())
                    precision = precisions.get(element.get(_q("StyleID"), ""), "")
                    value = _value(data.get(_q("Type"), "String"), text, precision)
                across = int(element.get(_q("MergeAcross"), "0") or 0)
                down = int(element.get(_q("MergeDown"), "0") or 0)
                if (
                    not 0 <= column <= column + across < _MOST_COLUMNS
                    or not 0 <= down
                    or row_index + down >= _MOST_ROWS
                    or (across + 1) * (down + 1) > _LARGEST_MERGE
                ):
                    raise _beyond(shown, sheet.name)
                while len(row) < column:
                    row.append("")
                row.append(value)
                if across or down:
                    sheet.merged.append(((row_index, column), (row_index + down, column + across)))
                    for r in range(row_index, row_index + down + 1):
                        for c in range(column, column + across + 1):
                            if r != row_index:
                                covered[(r, c)] = True
                    row.extend([""] * across)
                column += across + 1
                element.clear()
            elif tag == _q("Row") and sheet is not None:
                for c in sorted(c for r, c in covered if r == row_index):
                    while len(row) <= c:
                        row.append("")
                while len(sheet.rows) <= row_index:
                    sheet.rows.append([])
                sheet.rows[row_index] = row
                cells += len(row)
                if cells > MAX_CELLS:
                    raise ImportRefused(
                        f"{shown} holds more than {MAX_CELLS:,} cells, more than ReviewDesk reads "
                        "at once. Split the chronology into smaller files and import each one."
                    )
                element.clear()
            elif tag == f"{{{_X}}}Visible" and sheet is not None:
                if (element.text or "").strip() in ("SheetHidden", "SheetVeryHidden"):
                    hidden.add(sheet.name)
            elif tag == _q("Worksheet"):
                sheet = None
                element.clear()
    except ImportRefused:
        raise
    except DefusedXmlException:
        raise ImportRefused(
            f"{shown} is refused: it declares entities or a document type, which an Excel "
            "spreadsheet never does (the file may be made to harm the computer that opens it). "
            + SEND_AGAIN
        ) from None
    except (SyntaxError, ValueError) as error:  # ParseError is a SyntaxError
        raise ImportRefused(
            f"{shown} cannot be read as an Excel 2003 XML spreadsheet: it is damaged ({error}). "
            + SEND_AGAIN
        ) from None
    if not sheets:
        raise ImportRefused(f"{shown} is an Excel 2003 XML spreadsheet with no sheet in it.")
    return XmlWorkbook(sheets, hidden)
