"""How far the sheets of a binary workbook (.xlsb, and the legacy .xls) reach, read from their
records before the parser lays each out as one dense grid (as it does for .xlsx: a cell at
XFD1048576 would ask for 17 billion cells, and a binary cell's column can be any 32-bit number).

An .xlsb sheet is a run of records: a type (1 or 2 bytes, 7 bits each), a length (1 to 4 bytes,
7 bits each), then the data. A row header (type 0) gives the row of the cells after it; a cell
record (types 2 to 11) starts with its column. The parser reads them between the start and the
end of the sheet's data, and stops at a row past the last one a sheet can have.

An .xls workbook is one stream of records (a type and a length of 2 bytes each) inside an OLE
compound file: the workbook's own records list where each sheet starts; a sheet's cells give
their row and column, and its dimensions record tells the parser how much room to set aside
before reading any cell. The parser reads every sheet when it opens the file."""

import struct
import zipfile
from pathlib import Path

_ROW = 0x0000
_CELLS = range(0x0002, 0x000C)  # number, error, boolean, real, string, shared string, formulas
_BEGIN_DATA, _END_DATA = 0x0091, 0x0092
_LAST_ROW = 0x0010_0000  # the parser stops reading past it
_CHUNK = 1024 * 1024


class Damaged(ValueError):
    """A record too short to hold what it must (a real file never writes one)."""


def _u32(data: bytes, at: int) -> int:
    return int.from_bytes(data[at : at + 4], "little")


def xlsb_extent(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> tuple[int, int]:
    """(rows, columns) the sheet's cells span, as the parser will place them."""
    max_row = max_col = row = 0
    in_data = False
    buffer = b""
    with archive.open(member) as stream:
        while True:
            chunk = stream.read(_CHUNK)
            buffer += chunk
            at, end = 0, len(buffer)
            while True:
                start = at
                if at >= end:
                    break
                first = buffer[at]
                kind, at = first & 0x7F, at + 1
                if first & 0x80:
                    if at >= end:
                        at = start
                        break
                    kind, at = kind + ((buffer[at] & 0x7F) << 7), at + 1
                size = shift = 0
                complete = False
                for _ in range(4):
                    if at >= end:
                        break
                    byte, at = buffer[at], at + 1
                    size += (byte & 0x7F) << shift
                    shift += 7
                    if not byte & 0x80:
                        complete = True
                        break
                else:
                    complete = True  # a fourth length byte ends the length whatever its top bit
                if not complete or at + size > end:
                    at = start
                    break
                if kind == _BEGIN_DATA:
                    in_data = True
                elif kind == _END_DATA and in_data:
                    return max_row, max_col
                elif in_data and (kind == _ROW or kind in _CELLS):
                    if size < 4:
                        raise Damaged(member.filename)
                    value = _u32(buffer, at)
                    if kind == _ROW:
                        if value > _LAST_ROW:
                            return max_row, max_col
                        row = value
                    else:
                        max_row, max_col = max(max_row, row + 1), max(max_col, value + 1)
                at += size
            buffer = buffer[at:]
            if not chunk:
                if buffer:
                    raise Damaged(member.filename)  # a record cut off at the end
                return max_row, max_col


# --- .xls --------------------------------------------------------------------------------------

_XLS_CELLS = {0x0203, 0x0204, 0x00D6, 0x0205, 0x027E, 0x00FD, 0x0006}  # each: row, column
_XLS_MULRK, _XLS_DIMENSIONS, _XLS_BOUNDSHEET = 0x00BD, 0x0200, 0x0085
_XLS_BOF, _XLS_EOF = 0x0809, 0x000A
_XLS_FONT, _XLS_STRUCK_OUT = 0x0031, 0x0008  # a font record, its option bit for struck text

# Whether a legacy workbook has a font striking its text through, noted as its records are
# walked here, so that the reader of struck text need not open the file again to know there
# is nothing struck: (path, size, modified) -> bool.
STRIKING_FONTS: dict[tuple[str, int, int], bool] = {}
# Likewise whether a sheet of it holds a note (a cell's comment): (path, size, modified) -> bool.
HOLDS_NOTES: dict[tuple[str, int, int], bool] = {}
_XLS_NOTE = 0x001C


def file_key(path: Path) -> tuple[str, int, int]:
    """(the file's full path, its size, when it was last modified)."""
    stat = Path(path).stat()
    return str(Path(path).resolve()), stat.st_size, stat.st_mtime_ns


_PAIR = struct.Struct("<HH")


def _xls_records(stream: bytes, at: int):
    """(type, where its data starts, its length) from ``at`` to the end of the stream."""
    end = len(stream)
    while at + 4 <= end:
        kind, size = _PAIR.unpack_from(stream, at)
        at += 4
        if at + size > end:
            raise Damaged("a record runs past the end of the workbook")
        yield kind, at, size
        at += size


def _room_set_aside(data: bytes) -> int:
    """The cells a dimensions record makes the parser set aside room for, as it computes them."""
    if len(data) == 10:
        first_row, last_row, first_col, last_col = struct.unpack("<HHHH", data[:8])
    elif len(data) == 14:
        first_row, last_row, first_col, last_col = struct.unpack("<IIHH", data[:12])
    else:
        return 0  # the parser refuses the record
    if first_col > 0xFF or last_col < first_col:
        first_col = 0
    if last_row >= 1 and last_col >= 1:
        end_row, end_col = last_row - 1, last_col - 1
    else:
        end_row, end_col = first_row, first_col
    rows = ((end_row - first_row) & 0xFFFF_FFFF) + 1
    cols = ((end_col - first_col) & 0xFFFF_FFFF) + 1
    return rows * cols


def xls_extents(path: Path) -> list[tuple[int, int, int]]:
    """For each sheet: (rows, columns) its cells span, and the cells its dimensions record
    asks the parser to set room aside for. Empty for an OLE file holding no workbook."""
    import olefile

    try:
        with olefile.OleFileIO(str(path)) as ole:
            name = next((n for n in ("Workbook", "Book") if ole.exists(n)), None)
            if name is None:
                return []
            stream = ole.openstream(name).read()
    except (OSError, ValueError, struct.error, IndexError, KeyError) as error:
        raise Damaged(str(error)) from None
    starts = []
    striking = False
    for kind, at, size in _xls_records(stream, 0):
        if kind == _XLS_BOUNDSHEET and size >= 4:
            starts.append(int.from_bytes(stream[at : at + 4], "little"))
        elif kind == _XLS_FONT and size >= 4:
            striking = striking or bool(stream[at + 2] & _XLS_STRUCK_OUT)
        elif kind == _XLS_EOF:
            break
    sheets = [_xls_sheet(stream, start) for start in starts if start < len(stream)]
    if len(STRIKING_FONTS) > 64:
        STRIKING_FONTS.clear()
        HOLDS_NOTES.clear()
    key = file_key(path)
    STRIKING_FONTS[key] = striking
    HOLDS_NOTES[key] = any(notes for *_extent, notes in sheets)
    return [(rows, columns, room) for rows, columns, room, _notes in sheets]


def _xls_sheet(stream: bytes, start: int) -> tuple[int, int, int, bool]:
    """(rows, columns, room set aside, whether it holds a note) of the sheet at ``start``."""
    max_row = max_col = room = 0
    notes = False
    depth, seen_bof = 0, False
    unpack, end, at = _PAIR.unpack_from, len(stream), start
    cells = _XLS_CELLS
    while at + 4 <= end:  # the records, as _xls_records gives them (inline: a sheet has many)
        kind, size = unpack(stream, at)
        at += 4
        if at + size > end:
            raise Damaged("a record runs past the end of the workbook")
        if depth:  # a chart or another substream inside the sheet: the parser skips it
            depth += (kind == _XLS_BOF) - (kind == _XLS_EOF)
        elif kind in cells or kind == _XLS_MULRK:
            if size >= 4:  # (a shorter one the parser refuses)
                row, col = unpack(stream, at)
                if kind == _XLS_MULRK:
                    col += max((size - 6) // 6, 1) - 1
                if row >= max_row:
                    max_row = row + 1
                if col >= max_col:
                    max_col = col + 1
        elif kind == _XLS_BOF:
            depth, seen_bof = (depth + 1, seen_bof) if seen_bof else (depth, True)
        elif kind == _XLS_DIMENSIONS:
            room = max(room, _room_set_aside(stream[at : at + size]))
        elif kind == _XLS_EOF:
            break
        elif kind == _XLS_NOTE:
            notes = True
        at += size
    return max_row, max_col, room, notes
