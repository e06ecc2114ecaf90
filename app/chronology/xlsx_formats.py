"""Which date cells of an xlsx sheet show only a month and year ("Jun-09"), only a year, or a
day and month with no year ("14-Mar").

The spreadsheet parser gives such a cell as the exact day 01/06/2009, but the agency wrote, and
sees, a month. The number formats live in xl/styles.xml; the sheet's cells name their style by
index. Both are read here with the standard library, only when some style is a month or year
format, and only after `file_guard` has checked the archive.
"""

import re
import zipfile
from xml.etree import ElementTree

from app.chronology.file_guard import _pieces, _sheet_parts

_MAX_STYLES = 5 * 1024 * 1024
# Built-in number formats: 16 is "d-mmm", 17 is "mmm-yy".
_BUILTIN = {16: "d-mmm", 17: "mmm-yy"}
_QUOTED = re.compile(r'"[^"]*"|\[[^\]]*\]|\\.')
_CELL = re.compile(rb'<(?:\w+:)?c\s+r="([A-Z]{1,3})([0-9]{1,7})"[^>]*?\ss="([0-9]+)"')


def format_precision(code: str) -> str:
    """ "month" for a format showing month and year only, "year" for a year only, "no year"
    for a day and month with no year ("d-mmm", "dd/mm": Excel gives a date typed without its
    year the year it was typed in), else ""."""
    code = _QUOTED.sub("", code.split(";")[0]).lower()
    if "y" not in code:
        return "no year" if "d" in code and "m" in code and not any(c in code for c in "hs") else ""
    if any(c in code for c in "dhs"):
        return ""
    return "month" if "m" in code else "year"


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _partial_styles(archive: zipfile.ZipFile, names: dict[str, str]) -> dict[int, str]:
    """Style index -> "month" or "year" for every cell style showing less than a day."""
    styles = names.get("xl/styles.xml")
    if styles is None or archive.getinfo(styles).file_size > _MAX_STYLES:
        return {}
    root = ElementTree.fromstring(archive.read(styles))
    codes = dict(_BUILTIN)
    for element in root.iter():
        if _local(element.tag) == "numFmt":
            try:
                codes[int(element.get("numFmtId", ""))] = element.get("formatCode", "")
            except ValueError:
                continue
    found: dict[int, str] = {}
    for element in root.iter():
        if _local(element.tag) != "cellXfs":
            continue
        for index, xf in enumerate(x for x in element if _local(x.tag) == "xf"):
            try:
                precision = format_precision(codes.get(int(xf.get("numFmtId", "0")), ""))
            except ValueError:
                continue
            if precision:
                found[index] = precision
    return found


def _column_number(letters: bytes) -> int:
    number = 0
    for byte in letters:
        number = number * 26 + byte - 64
    return number


def partial_date_cells(path, sheet: str) -> dict[tuple[int, int], str]:
    """(row, column), both 0-based, -> "month" or "year" for the sheet's cells so formatted."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = {m.filename.lower(): m.filename for m in archive.infolist()}
            styles = _partial_styles(archive, names)
            if not styles:
                return {}
            parts = _sheet_parts(archive, names, "xlsx")
            member = next((m for m, name in parts.items() if name == sheet), None)
            if member is None:
                return {}
            wanted = {str(i).encode() for i in styles}
            cells: dict[tuple[int, int], str] = {}
            for piece in _pieces(archive, archive.getinfo(member)):
                for letters, row, style in _CELL.findall(piece):
                    if style in wanted:
                        key = (int(row) - 1, _column_number(letters) - 1)
                        cells[key] = styles[int(style)]
            return cells
    except (zipfile.BadZipFile, KeyError, ValueError, ElementTree.ParseError, OSError):
        return {}
