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

from app.chronology.file_guard import _pieces, _sheet_parts, sheets_filtering

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


def _sheet_member(archive: zipfile.ZipFile, names: dict[str, str], sheet: str) -> str | None:
    """The archive part holding the sheet called ``sheet``, or None."""
    parts = _sheet_parts(archive, names, "xlsx")
    return next((m for m, name in parts.items() if name == sheet), None)


def partial_date_cells(path, sheet: str) -> dict[tuple[int, int], str]:
    """(row, column), both 0-based, -> "month" or "year" for the sheet's cells so formatted."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = {m.filename.lower(): m.filename for m in archive.infolist()}
            styles = _partial_styles(archive, names)
            if not styles:
                return {}
            member = _sheet_member(archive, names, sheet)
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


# Struck-through text -------------------------------------------------------------------------
# An author strikes an entry through to say it was made in error, or a word to correct it. The
# parser gives the text without its formatting; the fonts (xl/styles.xml), the styles naming
# them, and the runs of formatted text (xl/sharedStrings.xml) say which cells are struck.

_MAX_SHARED_TEXT = 64 * 1024 * 1024
_CELL_ELEMENT = re.compile(rb"<(?:\w+:)?c\s([^>]*?)(?:/>|>(.*?)</(?:\w+:)?c>)", re.S)
_ATTRIBUTE = re.compile(rb'\b([rst])\s*=\s*["\']([^"\']*)["\']')
_VALUE = re.compile(rb"<(?:\w+:)?v>\s*([0-9]+)\s*</(?:\w+:)?v>")
_REF = re.compile(rb"([A-Z]{1,3})([0-9]{1,7})")


def _struck(element) -> bool:
    """A run's or font's properties strike its text through (<strike/>, not val="0")."""
    for child in element:
        if _local(child.tag) in ("strike", "dstrike"):
            return child.get("val", "true").lower() not in ("0", "false", "none")
    return False


def _struck_styles(archive: zipfile.ZipFile, names: dict[str, str]) -> set[int]:
    """The cell style indices whose font is struck through."""
    styles = names.get("xl/styles.xml")
    if styles is None or archive.getinfo(styles).file_size > _MAX_STYLES:
        return set()
    data = archive.read(styles)
    if b"strike" not in data:
        return set()
    root = ElementTree.fromstring(data)
    struck_fonts: set[int] = set()
    for element in root.iter():
        if _local(element.tag) == "fonts":
            fonts = [f for f in element if _local(f.tag) == "font"]
            struck_fonts = {i for i, font in enumerate(fonts) if _struck(font)}
    found: set[int] = set()
    for element in root.iter():
        if _local(element.tag) != "cellXfs":
            continue
        for index, xf in enumerate(x for x in element if _local(x.tag) == "xf"):
            try:
                if int(xf.get("fontId", "0")) in struck_fonts:
                    found.add(index)
            except ValueError:
                continue
    return found


def _mentions(archive: zipfile.ZipFile, member: str, word: bytes) -> bool:
    """Whether the part holds ``word`` anywhere (read in chunks, never whole)."""
    tail = b""
    with archive.open(member) as stream:
        while chunk := stream.read(1024 * 1024):
            if word in tail + chunk[: len(word)] or word in chunk:
                return True
            tail = chunk[-len(word) :]
    return False


def _struck_texts(archive: zipfile.ZipFile, names: dict[str, str]) -> dict[int, str]:
    """Shared text index -> "whole" (every run of text struck) or "part" (some runs)."""
    member = names.get("xl/sharedstrings.xml")
    if member is None or archive.getinfo(member).file_size > _MAX_SHARED_TEXT:
        return {}
    if not _mentions(archive, member, b"strike"):
        return {}  # (most workbooks: no run of text is struck, nothing to parse)
    from defusedxml.ElementTree import iterparse

    found: dict[int, str] = {}
    index = -1
    runs: list[tuple[bool, str]] = []
    with archive.open(member) as stream:
        for event, element in iterparse(stream, events=("start", "end")):
            tag = _local(element.tag)
            if event == "start":
                if tag == "si":
                    index, runs = index + 1, []
                continue
            if tag == "r":
                properties = next((c for c in element if _local(c.tag) == "rPr"), None)
                text = "".join(t.text or "" for t in element if _local(t.tag) == "t")
                runs.append((properties is not None and _struck(properties), text))
            elif tag == "si":
                written = [struck for struck, text in runs if text.strip()]
                if any(written):
                    found[index] = "whole" if all(written) else "part"
                element.clear()
    return found


_RUN = re.compile(rb"<(?:\w+:)?r>(.*?)</(?:\w+:)?r>", re.S)
_RUN_TEXT = re.compile(rb"<(?:\w+:)?t(?:\s[^>]*)?>([^<]*)</(?:\w+:)?t>")
_RUN_STRIKE = re.compile(rb"<(?:\w+:)?d?strike(?:\s+val\s*=\s*[\"']([^\"']*)[\"'])?\s*/?>")


def _inline_runs_struck(body: bytes) -> str:
    """ "whole", "part" or "" for a cell's own runs of text (an inline string)."""
    written = []
    for run in _RUN.findall(body):
        if b"".join(_RUN_TEXT.findall(run)).strip():
            strike = _RUN_STRIKE.search(run)
            written.append(strike is not None and strike.group(1) not in (b"0", b"false", b"none"))
    if not any(written):
        return ""
    return "whole" if all(written) else "part"


def _whole_rows(archive: zipfile.ZipFile, member: zipfile.ZipInfo):
    """The sheet's XML in pieces that end after a row's tag, so that no cell is cut in two."""
    carry = b""
    with archive.open(member) as stream:
        while chunk := stream.read(1024 * 1024):
            buffer = carry + chunk
            cut = buffer.rfind(b"row>") + 4
            if cut == 3:
                if len(buffer) > 64 * 1024 * 1024:
                    raise ValueError("a row without end")
                carry = buffer
                continue
            carry = buffer[cut:]
            yield buffer[:cut]
    if carry:
        yield carry


def struck_cells(path, sheet: str) -> dict[tuple[int, int], str]:
    """(row, column), both 0-based, -> "whole" or "part" for the sheet's cells whose text is
    struck through (all of it, or some words); {} when no cell is, read only when some font or
    run strikes text. Called after `file_guard` has checked the archive."""
    from defusedxml import DefusedXmlException

    try:
        with zipfile.ZipFile(path) as archive:
            names = {m.filename.lower(): m.filename for m in archive.infolist()}
            styles = _struck_styles(archive, names)
            texts = _struck_texts(archive, names)
            if not styles and not texts:
                return {}
            member = _sheet_member(archive, names, sheet)
            if member is None:
                return {}
            cells: dict[tuple[int, int], str] = {}
            for piece in _whole_rows(archive, archive.getinfo(member)):
                for attributes, body in _CELL_ELEMENT.findall(piece):
                    found = dict(_ATTRIBUTE.findall(attributes))
                    ref = _REF.fullmatch(found.get(b"r", b""))
                    if ref is None or not body:
                        continue
                    how = ""
                    if found.get(b"t") == b"inlineStr" and b"strike" in body:
                        how = _inline_runs_struck(body)
                    elif found.get(b"t") == b"s" and texts:
                        value = _VALUE.search(body)
                        how = texts.get(int(value.group(1)), "") if value else ""
                    if found.get(b"s", b"").isdigit() and int(found[b"s"]) in styles:
                        how = "whole"
                    if how:
                        key = (int(ref.group(2)) - 1, _column_number(ref.group(1)) - 1)
                        cells[key] = how
            return cells
    except (
        zipfile.BadZipFile, KeyError, ValueError, ElementTree.ParseError, OSError,
        DefusedXmlException,
    ):  # fmt: skip
        return {}


# Formulas never calculated ----------------------------------------------------------------------
# A library writing a workbook (an export from a web system) may put formulas in without the
# values Excel would store beside them: the parser then sees empty cells. The simple ones an
# export writes are read from the formula itself: a link to the record, =HYPERLINK("url",
# "text") (the text shown); a date, =DATE(2016,3,14); a time, =TIME(10,32,0); both,
# =DATE(2016,3,14)+TIME(10,32,0); a string or a number, ="Sam Ellery".

_FORMULA = re.compile(rb"<(?:\w+:)?f(?:\s[^>]*)?>(.*?)</(?:\w+:)?f>", re.S)
_HAS_VALUE = re.compile(rb"<(?:\w+:)?(?:v>\s*[^<\s]|is>)")  # an empty <v></v> is no value
_STRING = r'"((?:[^"]|"")*)"'
_HYPERLINK = re.compile(rf"\s*HYPERLINK\(\s*{_STRING}\s*(?:,\s*{_STRING}\s*)?\)\s*", re.I)
_DATE_CALL = re.compile(r"\s*DATE\(\s*(\d{4})\s*,\s*(\d{1,2})\s*,\s*(\d{1,2})\s*\)\s*", re.I)
_TIME_CALL = re.compile(r"\s*TIME\(\s*(\d{1,2})\s*,\s*(\d{1,2})\s*,\s*(\d{1,2})\s*\)\s*", re.I)
_LITERAL = re.compile(rf"\s*(?:{_STRING}|(-?\d+(?:\.\d+)?))\s*")


def formula_value(formula: str):
    """The value of a simple formula (without its "="), or None for any other."""
    from datetime import date as _date
    from datetime import datetime
    from datetime import time as _time

    if m := _HYPERLINK.fullmatch(formula):
        shown = m[2] if m[2] is not None else m[1]
        return shown.replace('""', '"')
    if m := _DATE_CALL.fullmatch(formula):
        try:
            return _date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
    if m := _TIME_CALL.fullmatch(formula):
        try:
            return _time(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
    day, plus, clock = formula.partition("+")
    if plus and (m := _DATE_CALL.fullmatch(day)) and (t := _TIME_CALL.fullmatch(clock)):
        try:
            return datetime(int(m[1]), int(m[2]), int(m[3]), int(t[1]), int(t[2]), int(t[3]))
        except ValueError:
            return None
    if m := _LITERAL.fullmatch(formula):
        if m[1] is not None:
            return m[1].replace('""', '"')
        return float(m[2]) if "." in m[2] else int(m[2])
    return None


def uncalculated_formulas(path, sheet: str) -> dict[tuple[int, int], object]:
    """(row, column), both 0-based, -> the value read from the formula, for the sheet's
    formula cells stored without a value; a formula that cannot be read so gives None."""
    from html import unescape

    try:
        with zipfile.ZipFile(path) as archive:
            names = {m.filename.lower(): m.filename for m in archive.infolist()}
            member = _sheet_member(archive, names, sheet)
            if member is None:
                return {}
            cells: dict[tuple[int, int], object] = {}
            for piece in _whole_rows(archive, archive.getinfo(member)):
                if b"<f" not in piece and b":f" not in piece:
                    continue
                for attributes, body in _CELL_ELEMENT.findall(piece):
                    if not body or _HAS_VALUE.search(body):
                        continue
                    formula = _FORMULA.search(body)
                    ref = _REF.fullmatch(dict(_ATTRIBUTE.findall(attributes)).get(b"r", b""))
                    if formula is None or ref is None:
                        continue
                    text = unescape(formula[1].decode("utf-8", "replace"))
                    key = (int(ref[2]) - 1, _column_number(ref[1]) - 1)
                    cells[key] = formula_value(text)
            return cells
    except (zipfile.BadZipFile, KeyError, ValueError, OSError):
        return {}


# Hidden rows ------------------------------------------------------------------------------------
# Rows hidden by a filter (the sheet's AutoFilter or a table's) are still in the file, and part
# of what was sent; a filter may also have been set to hide other people's records, so they are
# named for the author to check, as are rows hidden by hand. Only a sheet that sets a filter or
# hides a row is read again for them.

_ROW_TAG = re.compile(rb"<(?:\w+:)?row\b([^>]*)>")
_ROW_NUMBER = re.compile(rb'\br\s*=\s*["\']\s*([0-9]{1,7})')
_ROW_HIDDEN = re.compile(rb'\bhidden\s*=\s*["\']\s*(?:1|true)\s*["\']')
_FILTERING = re.compile(rb"<(?:\w+:)?filterColumn\b")
_TABLE_PART = re.compile(rb"<(?:\w+:)?tablePart\b")


def hidden_rows(path, sheet: str) -> tuple[list[int], bool]:
    """The hidden rows (1-based, as numbered in the sheet) of a sheet that sets an AutoFilter,
    holds a table or hides rows, and whether a filter is set on it (else the rows were hidden
    by hand). ([], False) for a sheet hiding nothing, which is not read again (`file_guard`'s
    check saw its cells and what follows them)."""
    filtering = sheets_filtering(path)
    if filtering is not None and sheet not in filtering:
        return [], False
    try:
        with zipfile.ZipFile(path) as archive:
            names = {m.filename.lower(): m.filename for m in archive.infolist()}
            member = _sheet_member(archive, names, sheet)
            if member is None:
                return [], False
            hidden: list[int] = []
            filtered = tables = False
            row = 0
            for piece in _pieces(archive, archive.getinfo(member)):
                for attributes in _ROW_TAG.findall(piece):
                    number = _ROW_NUMBER.search(attributes)
                    row = int(number[1]) if number else row + 1
                    if _ROW_HIDDEN.search(attributes):
                        hidden.append(row)
                filtered = filtered or bool(_FILTERING.search(piece))
                tables = tables or bool(_TABLE_PART.search(piece))
            if hidden and not filtered and tables:
                # A table's filter is kept in its own part (xl/tables/): any set in this
                # workbook's tables counts (tables on other sheets rarely filter as well).
                filtered = any(
                    re.fullmatch(r"xl/tables/[^/]+\.xml", lower) is not None
                    and _mentions(archive, real, b"filterColumn")
                    for lower, real in names.items()
                )
            return hidden, filtered and bool(hidden)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError):
        return [], False


# Comments (notes) attached to cells ----------------------------------------------------------


def cell_comments(path, sheet: str) -> dict[tuple[int, int], tuple[str, str]]:
    """(row, column), both 0-based, -> (author, text) of the comments attached to the sheet's
    cells; {} when the workbook holds none (found from its parts' names alone)."""
    import posixpath

    from defusedxml import DefusedXmlException
    from defusedxml import ElementTree as SafeTree

    try:
        with zipfile.ZipFile(path) as archive:
            names = {m.filename.lower(): m.filename for m in archive.infolist()}
            if not any("comments" in n for n in names):
                return {}
            member = _sheet_member(archive, names, sheet)
            if member is None:
                return {}
            folder, base = posixpath.split(member)
            rels = names.get(posixpath.join(folder, "_rels", base + ".rels").lower())
            if rels is None:
                return {}
            found: dict[tuple[int, int], tuple[str, str]] = {}
            for rel in SafeTree.fromstring(archive.read(rels)).iter():
                if not rel.get("Type", "").endswith("/comments"):
                    continue
                target = rel.get("Target", "")
                target = target[1:] if target.startswith("/") else posixpath.join(folder, target)
                part = names.get(posixpath.normpath(target).lower())
                if part is None:
                    continue
                root = SafeTree.fromstring(archive.read(part))
                authors = [a.text or "" for a in root.iter() if a.tag.endswith("}author")]
                for comment in root.iter():
                    if not comment.tag.endswith("}comment"):
                        continue
                    ref = _REF.fullmatch(comment.get("ref", "").encode())
                    if ref is None:
                        continue
                    text = "".join(t.text or "" for t in comment.iter() if t.tag.endswith("}t"))
                    number = int(comment.get("authorId", "0") or 0)
                    author = authors[number] if 0 <= number < len(authors) else ""
                    key = (int(ref[2]) - 1, _column_number(ref[1]) - 1)
                    found[key] = (author, text.strip())
            return found
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, DefusedXmlException, SyntaxError):
        return {}
