"""Text struck through in an OpenDocument sheet (.ods), a legacy workbook (.xls) or a Word
table (.docx), found as ``xlsx_formats.struck_cells`` finds it in an .xlsx: an author strikes
an entry through to say it was made in error, or a word to correct it, and the parsers give the
text without its formatting.

Each reader gives (row, column) -> "whole" (all the cell's text struck) or "part" (some of its
words), and looks at a cell only when the file strikes some text at all, found first with a
cheap look: a scan of the bytes (.ods), the fonts at the head of the workbook stream (.xls), a
search of the parsed document's tree (.docx). A file nothing strikes costs no more.
"""

import re
import struct
import zipfile
from collections.abc import Iterable
from pathlib import Path

from app.chronology.sheet_formats import _MAX_REPEAT, _q, _Quiet, ods_sheet_cells


def _how(segments: Iterable[tuple[bool, str]]) -> str:
    """ "whole" when every piece of written text is struck, "part" when some is, else ""."""
    written = [struck for struck, text in segments if text.strip()]
    if not any(written):
        return ""
    return "whole" if all(written) else "part"


# --- OpenDocument ------------------------------------------------------------------------------

_STRIKING = re.compile(rb"text-line-through-(?:style|type)\s*=\s*[\"'](?!none[\"'])")
_STYLE = _q("style", "style")
_FAMILY = _q("style", "family")
_NAME = _q("style", "name")
_PARENT = _q("style", "parent-style-name")
_TEXT_PROPERTIES = _q("style", "text-properties")
_LINE_STYLE = _q("style", "text-line-through-style")
_LINE_TYPE = _q("style", "text-line-through-type")
_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_TEXT_STYLE = f"{{{_TEXT}}}style-name"
_SPACE, _TAB, _BREAK = f"{{{_TEXT}}}s", f"{{{_TEXT}}}tab", f"{{{_TEXT}}}line-break"
_NOTE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}annotation"


def _mentions_strike(archive: zipfile.ZipFile, member: str) -> bool:
    """Whether a style in the part strikes text: its bytes scanned in chunks, never whole, and
    only up to the body (every style a cell or a span names is declared above it)."""
    tail = b""
    with archive.open(member) as stream:
        while chunk := stream.read(1 << 16):
            window = tail + chunk
            body = window.find(b"office:body")
            if body >= 0:
                window = window[:body]
            at = window.find(b"line-through-")
            while at >= 0:
                if at >= 5 and _STRIKING.match(window, at - 5):
                    return True
                at = window.find(b"line-through-", at + 1)
            if body >= 0:
                return False
            tail = window[-64:]
    return False


class _Strikes:
    """The styles that say whether text is struck, and their parents, as they are met."""

    def __init__(self) -> None:
        self.styles: dict[tuple[str, str], tuple[bool | None, str]] = {}

    def take(self, element) -> None:
        family = element.get(_FAMILY, "")
        if family not in ("table-cell", "paragraph", "text"):
            return
        struck = None
        for child in element:
            if child.tag == _TEXT_PROPERTIES:
                line = child.get(_LINE_STYLE) or child.get(_LINE_TYPE)
                if line:
                    struck = line != "none"
        self.styles[family, element.get(_NAME, "")] = (struck, element.get(_PARENT, ""))

    def struck(self, family: str, name: str) -> bool | None:
        """True or False when the style (or one it is based on) says, else None."""
        for _ in range(8):
            struck, parent = self.styles.get((family, name), (None, ""))
            if struck is not None or not parent:
                return struck
            name = parent
        return None


def _ods_cell(cell, base: bool, styles: _Strikes) -> str:
    segments: list[tuple[bool, str]] = []

    def walk(element, struck: bool) -> None:
        if element.text:
            segments.append((struck, element.text))
        for child in element:
            if child.tag == _NOTE:  # a comment on the cell, not its text
                pass
            elif child.tag in (_SPACE, _TAB, _BREAK):
                segments.append((struck, " "))
            else:
                name = child.get(_TEXT_STYLE)
                inner = struck
                if name:
                    family = "text" if child.tag.endswith("}span") else "paragraph"
                    said = styles.struck(family, name)
                    inner = struck if said is None else said
                walk(child, inner)
            if child.tail:
                segments.append((struck, child.tail))

    walk(cell, base)
    return _how(segments)


def struck_cells_ods(path: Path, sheet: str) -> dict[tuple[int, int], str]:
    """(row, column), both 0-based, -> "whole" or "part" for an .ods sheet's cells whose text
    is struck through; {} unless some style in the file strikes text. Called after
    `file_guard` has checked the archive."""
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import iterparse

    cells: dict[tuple[int, int], str] = {}
    try:
        with zipfile.ZipFile(path) as archive:
            names = {m.filename.lower(): m.filename for m in archive.infolist()}
            content, common = names["content.xml"], names.get("styles.xml")
            if not _mentions_strike(archive, content) and not (
                common and _mentions_strike(archive, common)
            ):
                return {}  # (most files: no style strikes text, nothing to parse)
            styles = _Strikes()
            if common:
                with archive.open(common) as stream:
                    for _event, element in iterparse(stream, events=("end",)):
                        if element.tag == _STYLE:
                            styles.take(element)
            with archive.open(content) as stream:
                _ods_content(iterparse(stream, events=("start", "end")), styles, sheet, cells)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, SyntaxError, DefusedXmlException):
        return {}  # (SyntaxError: ElementTree's ParseError) the parser reports a damaged file
    return cells


def _ods_content(events, styles: _Strikes, sheet: str, cells: dict) -> None:
    in_row: dict[int, str] = {}  # the struck cells of the row being read
    for kind, row, column, repeat, element, style in ods_sheet_cells(
        events, sheet, styles.take, (_STYLE,)
    ):
        if kind == "cell":
            if len(element):  # the cell holds text
                base = bool(style and styles.struck("table-cell", style))
                how = _ods_cell(element, base, styles)
                if how:
                    for c in range(column, column + repeat):
                        in_row[c] = how
            continue
        for r in range(row, row + min(repeat, _MAX_REPEAT)):
            for c, how in in_row.items():
                cells[r, c] = how
        in_row = {}


# --- legacy .xls -------------------------------------------------------------------------------

_FONT, _XF, _EOF = 0x0031, 0x00E0, 0x000A
_STRUCK_OUT = 0x0008  # the FONT record's option bit for struck-out text


def _xls_strikes_a_font(path: Path) -> bool:
    """Whether a font of the workbook strikes its text: the FONT records near the head of the
    workbook stream (they all come before the first cell format), read without the parser;
    known already when `file_guard` has checked the file."""
    import olefile

    from app.chronology.binary_sheets import STRIKING_FONTS, file_key

    try:
        known = STRIKING_FONTS.get(file_key(path))
        if known is not None:
            return known
        with olefile.OleFileIO(str(path)) as ole:
            name = next((n for n in ("Workbook", "Book") if ole.exists(n)), None)
            if name is None:
                return False
            stream = ole.openstream(name)
            data, at = b"", 0
            while True:
                while at + 4 > len(data) or at + 4 + data[at + 2] + 256 * data[at + 3] > len(data):
                    more = stream.read(64 * 1024)
                    if not more:
                        return False
                    data += more
                kind, size = struct.unpack_from("<HH", data, at)
                at += 4
                if kind == _FONT and size >= 4 and data[at + 2] & _STRUCK_OUT:
                    return True
                if kind in (_XF, _EOF):  # past the fonts
                    return False
                at += size
    except (OSError, ValueError, struct.error, IndexError, KeyError):
        return False


def struck_cells_xls(path: Path, sheet: str) -> dict[tuple[int, int], str]:
    """(row, column), both 0-based, -> "whole" or "part" for a .xls sheet's cells whose text
    is struck through (the cell's font, or the fonts of runs of its text); {} unless some font
    strikes. The fonts are read with xlrd, the values still come from the parser."""
    if not _xls_strikes_a_font(path):
        return {}
    import xlrd

    try:
        book = xlrd.open_workbook(str(path), formatting_info=True, on_demand=True, logfile=_Quiet())
    except (xlrd.XLRDError, xlrd.compdoc.CompDocError, OSError, ValueError, struct.error):
        return {}
    try:
        struck_fonts = {i for i, font in enumerate(book.font_list) if font.struck_out}
        if not struck_fonts or sheet not in book.sheet_names():
            return {}
        fonts = [xf.font_index for xf in book.xf_list]
        grid = book.sheet_by_name(sheet)
        runs = grid.rich_text_runlist_map
        cells = {}
        for r in range(grid.nrows):
            for c, value in enumerate(grid.row_values(r)):
                if value in ("", None):
                    continue
                xf = grid.cell_xf_index(r, c)
                font = fonts[xf] if 0 <= xf < len(fonts) else 0
                text = value if isinstance(value, str) else str(value)
                pieces = [(0, font), *runs.get((r, c), ())]
                segments = [
                    (f in struck_fonts, text[start:end])
                    for (start, f), (end, _n) in zip(
                        pieces, [*pieces[1:], (len(text), 0)], strict=True
                    )
                ]
                how = _how(segments)
                if how:
                    cells[r, c] = how
        return cells
    except (xlrd.XLRDError, KeyError, IndexError, ValueError, struct.error):
        return {}
    finally:
        book.release_resources()


def cell_comments_xls(path: Path, sheet: str) -> dict[tuple[int, int], tuple[str, str]]:
    """(row, column), both 0-based, -> (author, text) of the notes (comments) on a .xls sheet's
    cells; {} when the workbook holds none (known without the parser when `file_guard` has
    walked its records)."""
    from app.chronology.binary_sheets import HOLDS_NOTES, file_key

    try:
        if HOLDS_NOTES.get(file_key(path)) is False:
            return {}
    except OSError:
        return {}
    import xlrd

    try:
        book = xlrd.open_workbook(str(path), on_demand=True, logfile=_Quiet())
    except (xlrd.XLRDError, xlrd.compdoc.CompDocError, OSError, ValueError, struct.error):
        return {}
    try:
        if sheet not in book.sheet_names():
            return {}
        notes = book.sheet_by_name(sheet).cell_note_map
        return {
            (r, c): (" ".join((note.author or "").split()), (note.text or "").strip())
            for (r, c), note in notes.items()
        }
    except (xlrd.XLRDError, KeyError, IndexError, ValueError, AssertionError, struct.error):
        return {}
    finally:
        book.release_resources()


# --- Word tables -------------------------------------------------------------------------------

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_STRIKES = (f"{_W}strike", f"{_W}dstrike")
_LEFT = {f"{_W}del", f"{_W}moveFrom", f"{_W}pPr", f"{_W}rPr", f"{_W}instrText"}


def _says_struck(properties) -> bool | None:
    """True or False when run properties (w:rPr) say whether text is struck, else None."""
    if properties is None:
        return None
    said = None
    for child in properties:
        if child.tag in _STRIKES:
            value = child.get(f"{_W}val", "true").lower() not in ("0", "false", "off", "none")
            said = value or bool(said)
    return said


class WordStrikes:
    """The document's styles that strike text, for the runs of its tables' cells."""

    def __init__(self, document) -> None:
        self.styles: dict[str, tuple[bool | None, str]] = {}
        self.default_paragraph = ""
        styles = document.part._styles_part.element if _has_styles(document) else None
        if styles is None:
            return
        for style in styles.iter(f"{_W}style"):
            style_id = style.get(f"{_W}styleId", "")
            based = style.find(f"{_W}basedOn")
            self.styles[style_id] = (
                _says_struck(style.find(f"{_W}rPr")),
                based.get(f"{_W}val", "") if based is not None else "",
            )
            if style.get(f"{_W}type") == "paragraph" and style.get(f"{_W}default") in ("1", "true"):
                self.default_paragraph = style_id

    def style_struck(self, style_id: str) -> bool | None:
        for _ in range(8):
            struck, based = self.styles.get(style_id, (None, ""))
            if struck is not None or not based:
                return struck
            style_id = based
        return None

    def cell(self, tc) -> str:
        """ "whole", "part" or "" for a table cell (a w:tc element)."""
        segments: list[tuple[bool, str]] = []
        self._walk(tc, False, segments)
        return _how(segments)

    def _walk(self, element, paragraph: bool, segments: list) -> None:
        for child in element:
            tag = child.tag
            if tag in _LEFT:
                continue
            if tag == f"{_W}p":
                style = child.find(f"{_W}pPr/{_W}pStyle")
                style_id = style.get(f"{_W}val", "") if style is not None else ""
                struck = self.style_struck(style_id or self.default_paragraph)
                self._walk(child, bool(struck), segments)
            elif tag == f"{_W}r":
                properties = child.find(f"{_W}rPr")
                struck = _says_struck(properties)
                if struck is None:
                    # Strike toggles: a character style striking text in a paragraph whose
                    # style strikes it too shows it plain (direct formatting says outright).
                    struck = paragraph
                    style = properties.find(f"{_W}rStyle") if properties is not None else None
                    if style is not None:
                        struck = paragraph != bool(self.style_struck(style.get(f"{_W}val", "")))
                text = "".join(t.text or "" for t in child.iter(f"{_W}t"))
                segments.append((struck, text))
            else:
                self._walk(child, paragraph, segments)


def _has_styles(document) -> bool:
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    try:
        document.part.part_related_by(RT.STYLES)
    except KeyError:
        return False
    return True


# Changes tracked in Word and not yet accepted or rejected: a deletion, an insertion, a move.
_TRACKED = (f"{_W}del", f"{_W}ins", f"{_W}moveFrom", f"{_W}moveTo")


def word_tracked(document) -> bool:
    """Whether the document's body holds changes tracked and not yet accepted."""
    return next(document.element.body.iter(*_TRACKED), None) is not None


def cell_tracked(tc) -> bool:
    """Whether a table cell (a w:tc element) holds a tracked change."""
    return next(tc.iter(*_TRACKED), None) is not None


def word_strikes(document) -> WordStrikes | None:
    """The reader of struck text in the document's table cells, or None when nothing in its
    body or styles strikes text (most documents: then no cell is looked at)."""
    body = document.element.body
    if next(body.iter(*_STRIKES), None) is None:
        if not _has_styles(document):
            return None
        styles = document.part._styles_part.element
        if next(styles.iter(*_STRIKES), None) is None:
            return None
    return WordStrikes(document)


# Binary workbooks (.xlsb) -------------------------------------------------------------------
# The styles part (xl/styles.bin) holds the fonts (BrtFont, a flag for struck-out text) and the
# cell formats (BrtXF, each naming its font); each cell record of a sheet names its format.

_XLSB_FONT, _XLSB_XF = 0x002B, 0x002F
_BEGIN_CELL_XFS, _END_CELL_XFS = 0x0269, 0x026A
_XLSB_ROW = 0x0000
_XLSB_CELLS = range(0x0001, 0x000C)  # blank, number, error, boolean, real, strings, formulas


def _xlsb_records(data: bytes):
    """(kind, payload) of each record of a binary part."""
    at, end = 0, len(data)
    while at < end:
        first = data[at]
        kind, at = first & 0x7F, at + 1
        if first & 0x80:
            if at >= end:
                return
            kind, at = kind + ((data[at] & 0x7F) << 7), at + 1
        size = shift = 0
        for _ in range(4):
            if at >= end:
                return
            byte, at = data[at], at + 1
            size += (byte & 0x7F) << shift
            shift += 7
            if not byte & 0x80:
                break
        yield kind, data[at : at + size]
        at += size


def _xlsb_struck_formats(archive, names: dict[str, str]) -> set[int]:
    """The cell formats (their numbers) whose font strikes text out; empty when none does."""
    member = names.get("xl/styles.bin")
    if member is None:
        return set()
    data = archive.read(member)
    struck_fonts: set[int] = set()
    fonts = 0
    formats: set[int] = set()
    in_cell_xfs = False
    xf = 0
    for kind, payload in _xlsb_records(data):
        if kind == _XLSB_FONT:
            if len(payload) >= 4 and int.from_bytes(payload[2:4], "little") & 0x0008:
                struck_fonts.add(fonts)
            fonts += 1
        elif kind == _BEGIN_CELL_XFS:
            in_cell_xfs = True
        elif kind == _END_CELL_XFS:
            in_cell_xfs = False
        elif kind == _XLSB_XF and in_cell_xfs:
            if len(payload) >= 6 and int.from_bytes(payload[4:6], "little") in struck_fonts:
                formats.add(xf)
            xf += 1
    return formats


def _xlsb_sheet_part(archive, names: dict[str, str], sheet: str) -> str | None:
    """The part holding the sheet called ``sheet``: its relationship id in the binary workbook
    (BrtBundleSh), the part in the workbook's relationships."""
    import posixpath

    from defusedxml import ElementTree

    workbook = names.get("xl/workbook.bin")
    rels = names.get("xl/_rels/workbook.bin.rels")
    if workbook is None or rels is None:
        return None
    rel_id = None
    for kind, payload in _xlsb_records(archive.read(workbook)):
        if kind == 0x009C and len(payload) >= 12:
            count = int.from_bytes(payload[8:12], "little")
            rid = payload[12 : 12 + 2 * count].decode("utf-16-le", "replace")
            at = 12 + 2 * count
            length = int.from_bytes(payload[at : at + 4], "little")
            name = payload[at + 4 : at + 4 + 2 * length].decode("utf-16-le", "replace")
            if name == sheet:
                rel_id = rid
                break
    if rel_id is None:
        return None
    for rel in ElementTree.fromstring(archive.read(rels)).iter():
        if rel.get("Id") == rel_id and rel.get("Target"):
            target = rel.get("Target", "")
            target = target[1:] if target.startswith("/") else posixpath.join("xl", target)
            return names.get(posixpath.normpath(target).lower())
    return None


def struck_cells_xlsb(path: Path, sheet: str) -> dict[tuple[int, int], str]:
    """(row, column), both 0-based, -> "whole" for an .xlsb sheet's cells whose format's font
    strikes their text out; {} when no format does (the sheet is then not read again)."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = {m.filename.lower(): m.filename for m in archive.infolist()}
            formats = _xlsb_struck_formats(archive, names)
            if not formats:
                return {}
            member = _xlsb_sheet_part(archive, names, sheet)
            if member is None:
                return {}
            cells: dict[tuple[int, int], str] = {}
            row = 0
            for kind, payload in _xlsb_records(archive.read(member)):
                if kind == _XLSB_ROW and len(payload) >= 4:
                    row = int.from_bytes(payload[:4], "little")
                elif kind in _XLSB_CELLS and len(payload) >= 7:
                    if int.from_bytes(payload[4:7], "little") in formats:
                        cells[row, int.from_bytes(payload[:4], "little")] = "whole"
            return cells
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, SyntaxError):
        return {}
