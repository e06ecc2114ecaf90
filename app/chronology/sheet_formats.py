"""Which date cells of a legacy .xls or an OpenDocument .ods sheet show only a month and year
("Jun-09") or only a year, as ``xlsx_formats`` finds them for .xlsx.

The spreadsheet parser gives such a cell as the first day of the month. For .xls, xlrd reads
the workbook's formats (only to learn each date cell's format; the values come from the
parser as before). For .ods, the date styles and the cells naming them are read from
content.xml and styles.xml with defusedxml, a row at a time, after ``file_guard`` has checked
the archive.
"""

import struct
import zipfile
from pathlib import Path

from app.chronology.xlsx_formats import format_precision

_MAX_REPEAT = 10_000  # repeated cells or columns expanded one by one (more are blank padding)


def partial_date_cells_xls(path: Path, sheet: str) -> dict[tuple[int, int], str]:
    """(row, column), both 0-based, -> "month" or "year" for a .xls sheet's date cells."""
    import xlrd

    try:
        book = xlrd.open_workbook(str(path), formatting_info=True, on_demand=True, logfile=_Quiet())
    except (xlrd.XLRDError, xlrd.compdoc.CompDocError, OSError, ValueError, struct.error):
        return {}
    try:
        partial = {
            key: precision
            for key, fmt in book.format_map.items()
            if (precision := format_precision(fmt.format_str or ""))
        }
        styles = {
            i: partial[xf.format_key]
            for i, xf in enumerate(book.xf_list)
            if xf.format_key in partial
        }
        if not styles or sheet not in book.sheet_names():
            return {}
        grid = book.sheet_by_name(sheet)
        cells = {}
        for r in range(grid.nrows):
            for c, kind in enumerate(grid.row_types(r)):
                if kind == xlrd.XL_CELL_DATE:
                    precision = styles.get(grid.cell_xf_index(r, c))
                    if precision:
                        cells[r, c] = precision
        return cells
    except (xlrd.XLRDError, KeyError, IndexError, ValueError, struct.error):
        return {}
    finally:
        book.release_resources()


class _Quiet:
    """xlrd's log, not shown to anyone."""

    def write(self, _text: str) -> None:
        pass


# --- OpenDocument ------------------------------------------------------------------------------

_NS = {
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "number": "urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0",
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
}


def _q(prefix: str, name: str) -> str:
    return f"{{{_NS[prefix]}}}{name}"


_DATE_STYLE = _q("number", "date-style")
_STYLE = _q("style", "style")
_TABLE = _q("table", "table")
_ROW = _q("table", "table-row")
_CELLS = (_q("table", "table-cell"), _q("table", "covered-table-cell"))
_COLUMN = _q("table", "table-column")
_NAME = _q("style", "name")
_DATA_STYLE = _q("style", "data-style-name")
_PARENT = _q("style", "parent-style-name")
_CELL_STYLE = _q("table", "style-name")
_DEFAULT_STYLE = _q("table", "default-cell-style-name")
_ROWS_REPEATED = _q("table", "number-rows-repeated")
_COLUMNS_REPEATED = _q("table", "number-columns-repeated")
_VALUE_TYPE = _q("office", "value-type")
_TABLE_NAME = _q("table", "name")
_BODY = _q("office", "body")


def _date_style_precision(element) -> str:
    """ "month" for a date style showing month and year only, "year" for a year only."""
    parts = {child.tag.rsplit("}", 1)[-1] for child in element}
    if parts & {"day", "day-of-week", "hours", "minutes", "seconds", "quarter", "week-of-year"}:
        return ""
    if "year" not in parts:
        return ""
    return "month" if "month" in parts else "year"


class _OdsStyles:
    """Date styles and the cell styles naming them, as they are met in the documents."""

    def __init__(self) -> None:
        self.dates: dict[str, str] = {}  # data style name -> precision
        self.cells: dict[str, tuple[str, str]] = {}  # cell style -> (data style, parent)

    def take(self, element) -> None:
        if element.tag == _DATE_STYLE:
            precision = _date_style_precision(element)
            if precision:
                self.dates[element.get(_NAME, "")] = precision
        elif element.tag == _STYLE and element.get(_q("style", "family")) == "table-cell":
            self.cells[element.get(_NAME, "")] = (
                element.get(_DATA_STYLE, ""),
                element.get(_PARENT, ""),
            )

    def precision(self, cell_style: str) -> str:
        for _ in range(5):  # a style may take its number format from its parent
            data, parent = self.cells.get(cell_style, ("", ""))
            if data:
                return self.dates.get(data, "")
            if not parent:
                return ""
            cell_style = parent
        return ""


def _repeat(element, attribute: str) -> int:
    try:
        return max(1, int(element.get(attribute, "1")))
    except ValueError:
        return 1


def partial_date_cells_ods(path: Path, sheet: str) -> dict[tuple[int, int], str]:
    """(row, column), both 0-based, -> "month" or "year" for an .ods sheet's date cells."""
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import iterparse

    styles = _OdsStyles()
    cells: dict[tuple[int, int], str] = {}
    try:
        with zipfile.ZipFile(path) as archive:
            names = {m.filename.lower(): m.filename for m in archive.infolist()}
            if "styles.xml" in names:
                with archive.open(names["styles.xml"]) as stream:
                    for _event, element in iterparse(stream, events=("end",)):
                        styles.take(element)
            with archive.open(names["content.xml"]) as stream:
                _read_content(iterparse(stream, events=("start", "end")), styles, sheet, cells)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, SyntaxError, DefusedXmlException):
        return {}  # (SyntaxError: ElementTree's ParseError) the parser reports a damaged file
    return cells


def ods_sheet_cells(events, sheet: str, take_style, style_tags, stop=None):
    """One sheet's cells in an .ods content.xml's parse events, with the style each shows.

    Yields ("cell", row, column, repeat, element, style) at the end of each cell (``repeat``:
    the columns it fills, at most _MAX_REPEAT; ``style``: its own, else its row's, else its
    column's default) and ("row", row, 0, repeat, None, None) at the end of each row, all
    0-based. Style elements (``style_tags``) go to ``take_style`` wherever they stand;
    ``stop(element)``, asked at each element's start, ends the walk early when true."""
    in_sheet = False
    columns: list[str] = []  # default cell style of each column
    row = column = 0
    row_style = ""
    for event, element in events:
        tag = element.tag
        if event == "start":
            if stop is not None and stop(element):
                return
            if tag == _TABLE:
                in_sheet = element.get(_TABLE_NAME) == sheet
                columns, row = [], 0
            elif in_sheet and tag == _ROW:
                column, row_style = 0, element.get(_DEFAULT_STYLE, "")
            continue
        if tag in style_tags:
            take_style(element)
            continue
        if not in_sheet:
            if tag == _TABLE or tag == _ROW:
                element.clear()
            continue
        if tag == _COLUMN:
            repeat = min(_repeat(element, _COLUMNS_REPEATED), _MAX_REPEAT)
            columns += [element.get(_DEFAULT_STYLE, "")] * repeat
        elif tag in _CELLS:
            repeat = _repeat(element, _COLUMNS_REPEATED)
            style = element.get(_CELL_STYLE) or row_style
            if not style and column < len(columns):
                style = columns[column]
            yield "cell", row, column, min(repeat, _MAX_REPEAT), element, style
            column += repeat
            element.clear()
        elif tag == _ROW:
            repeat = _repeat(element, _ROWS_REPEATED)
            yield "row", row, 0, repeat, None, None
            row += repeat
            element.clear()
        elif tag == _TABLE:
            return  # the sheet is read


def _read_content(events, styles: _OdsStyles, sheet: str, cells: dict) -> None:
    def nothing_to_look_for(element) -> bool:
        return element.tag == _BODY and not styles.dates  # no style shows less than a day

    walk = ods_sheet_cells(events, sheet, styles.take, (_DATE_STYLE, _STYLE), nothing_to_look_for)
    for kind, row, column, repeat, element, style in walk:
        if kind == "cell" and element.get(_VALUE_TYPE) == "date":
            precision = styles.precision(style) if style else ""
            if precision:
                for c in range(column, column + repeat):
                    cells[row, c] = precision


_ROWS_SPANNED = _q("table", "number-rows-spanned")
_COLUMNS_SPANNED = _q("table", "number-columns-spanned")


def _content_mentions(archive: zipfile.ZipFile, names: dict[str, str], word: bytes) -> bool:
    """Whether an .ods file's content.xml holds ``word`` anywhere (read in chunks, never
    whole): what each reader below looks for before it parses the sheet."""
    with archive.open(names["content.xml"]) as stream:
        tail = b""
        while chunk := stream.read(1 << 20):
            if word in tail + chunk:
                return True
            tail = chunk[-len(word) :]
    return False


def merged_cells_ods(path: Path, sheet: str, row0: int, col0: int) -> list:
    """The cells of an .ods sheet merged over several rows, as ((first row, first column),
    (last row, last column)) counted from (row0, col0), both 0-based (the parser gives none for
    .ods). Read only when content.xml spans a cell over rows at all."""
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import iterparse

    found: list = []
    try:
        with zipfile.ZipFile(path) as archive:
            names = {m.filename.lower(): m.filename for m in archive.infolist()}
            if not _content_mentions(archive, names, b"number-rows-spanned"):
                return []
            with archive.open(names["content.xml"]) as stream:
                in_sheet, row, column = False, 0, 0
                for event, element in iterparse(stream, events=("start", "end")):
                    tag = element.tag
                    if event == "start":
                        if tag == _TABLE:
                            in_sheet, row = element.get(_TABLE_NAME) == sheet, 0
                        elif tag == _ROW:
                            column = 0
                        continue
                    if tag in _CELLS and in_sheet:
                        down = _repeat(element, _ROWS_SPANNED)
                        if down > 1:
                            across = _repeat(element, _COLUMNS_SPANNED)
                            found.append(((row - row0, column - col0),
                                          (row + down - 1 - row0, column + across - 1 - col0)))  # fmt: skip
                        column += _repeat(element, _COLUMNS_REPEATED)
                        element.clear()
                    elif tag == _ROW:
                        row += _repeat(element, _ROWS_REPEATED)
                        element.clear()
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, SyntaxError, DefusedXmlException):
        return []
    return found


_VISIBILITY = _q("table", "visibility")
_MAX_HIDDEN = 1_048_576  # rows a sheet can have: a hidden run to the sheet's end is cut there


def hidden_rows_ods(path: Path, sheet: str) -> tuple[list[int], bool]:
    """The .ods sheet's hidden rows (1-based) and whether a filter hides them (a row's
    visibility "filter"; "collapse" is a row hidden by hand or under a closed group). Read only
    when content.xml sets any row's visibility (its bytes scanned first, in chunks)."""
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import iterparse

    hidden: list[int] = []
    filtered = False
    try:
        with zipfile.ZipFile(path) as archive:
            names = {m.filename.lower(): m.filename for m in archive.infolist()}
            if not _content_mentions(archive, names, b"table:visibility"):
                return [], False
            with archive.open(names["content.xml"]) as stream:
                in_sheet, row = False, 0
                for event, element in iterparse(stream, events=("start", "end")):
                    if event == "start":
                        if element.tag == _TABLE:
                            in_sheet, row = element.get(_TABLE_NAME) == sheet, 0
                        continue
                    if element.tag == _ROW:
                        count = _repeat(element, _ROWS_REPEATED)
                        how = element.get(_VISIBILITY, "visible")
                        if in_sheet and how in ("filter", "collapse"):
                            filtered = filtered or how == "filter"
                            hidden.extend(range(row + 1, min(row + count, _MAX_HIDDEN) + 1))
                        row += count
                        element.clear()
                    elif element.tag in _CELLS:
                        element.clear()
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, SyntaxError, DefusedXmlException):
        return [], False
    return hidden, filtered


_ANNOTATION = _q("office", "annotation")
_CREATOR = "{http://purl.org/dc/elements/1.1/}creator"
_TEXT_P = _q("text", "p")


def cell_comments_ods(path: Path, sheet: str) -> dict[tuple[int, int], tuple[str, str]]:
    """(row, column), both 0-based, -> (author, text) of the comments (annotations) attached to
    an .ods sheet's cells; {} when content.xml holds none (its bytes scanned first, in
    chunks)."""
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import iterparse

    found: dict[tuple[int, int], tuple[str, str]] = {}
    try:
        with zipfile.ZipFile(path) as archive:
            names = {m.filename.lower(): m.filename for m in archive.infolist()}
            if not _content_mentions(archive, names, b"office:annotation"):
                return {}
            with archive.open(names["content.xml"]) as stream:
                events = iterparse(stream, events=("start", "end"))
                for kind, row, column, _n, cell, _style in ods_sheet_cells(
                    events, sheet, lambda _e: None, ()
                ):
                    if kind != "cell":
                        continue
                    for note in cell.iter(_ANNOTATION):
                        author = "".join(a.text or "" for a in note.iter(_CREATOR)).strip()
                        lines = ["".join(p.itertext()) for p in note.iter(_TEXT_P)]
                        text = "\n".join(lines).strip()
                        if text:
                            found[row, column] = (author, text)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, SyntaxError, DefusedXmlException):
        return {}
    return found
