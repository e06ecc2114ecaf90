"""Old exchange formats that case systems still write when asked for "a spreadsheet": SYLK
(Excel's symbolic link format, .slk), DIF (the Data Interchange Format, .dif) and dBase tables
(.dbf). Each is read into rows of cells as a workbook's would be: text, numbers, and dates
where the file says a value is one."""

from __future__ import annotations

import re
import struct
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from app.chronology.file_guard import ImportRefused

_EPOCH = datetime(1899, 12, 30)
_MAX_CELLS = 5_000_000


def _text(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _grid(cells: dict[tuple[int, int], Any]) -> list[list[Any]]:
    if not cells:
        return []
    rows = max(r for r, _c in cells) + 1
    width = max(c for _r, c in cells) + 1
    if rows * width > _MAX_CELLS:
        raise ImportRefused("The file places its cells too far apart to be a chronology.")
    grid: list[list[Any]] = [[""] * width for _ in range(rows)]
    for (r, c), value in cells.items():
        grid[r][c] = value
    return grid


# --- SYLK --------------------------------------------------------------------------------------

SYLK_START = re.compile(rb"\s*ID;P", re.I)
_DATE_PICTURE = re.compile(r"[dy]", re.I)
_TIME_PICTURE = re.compile(r"h", re.I)


def _fields(record: str) -> list[str]:
    """A SYLK record's fields: parted by ";", a doubled ";;" being a semicolon in a value."""
    return [f.replace("\0", ";") for f in record.replace(";;", "\0").split(";")]


def _number(text: str) -> float | int | None:
    try:
        value = float(text)
    except ValueError:
        return None
    return int(value) if value.is_integer() and abs(value) < 1e15 else value


def _as_formatted(value: float | int, picture: str) -> Any:
    """A number shown under a picture format: a date, a date and time, or a time of day."""
    has_date, has_time = bool(_DATE_PICTURE.search(picture)), bool(_TIME_PICTURE.search(picture))
    if not (has_date or has_time) or not 0 <= value < 2_958_466:
        return value
    moment = _EPOCH + timedelta(days=float(value))
    moment = moment.replace(microsecond=0)
    if moment.second >= 30 or (moment.second and not has_date):
        moment = moment.replace(second=0) + timedelta(minutes=1 if moment.second >= 30 else 0)
    if has_date and has_time:
        return moment
    if has_date:
        return moment.date()
    return time(moment.hour, moment.minute)


def read_sylk(path: Path) -> tuple[list[list[Any]], list[str]]:
    """(rows, notes) of a SYLK file: its C records' values placed at their rows (Y) and
    columns (X), the last row and column carrying on when a record leaves them out; numbers
    under a date or time picture format (P and F records) read as dates and times."""
    pictures: list[str] = []
    cells: dict[tuple[int, int], Any] = {}
    formats: dict[tuple[int, int], str] = {}
    column_formats: dict[int, str] = {}
    y = x = 1
    for line in _text(path.read_bytes()).splitlines():
        if not line:
            continue
        fields = _fields(line)
        kind = fields[0]
        if kind == "P":
            picture = next((f[1:] for f in fields[1:] if f[:1] == "P"), "")
            pictures.append(picture)
            continue
        if kind not in ("C", "F"):
            if kind == "E":
                break
            continue
        value = picture = None
        columns = None
        for field in fields[1:]:
            key, rest = field[:1], field[1:]
            if key == "Y" and rest.isdigit():
                y = int(rest)
            elif key == "X" and rest.isdigit():
                x = int(rest)
            elif key == "K" and kind == "C":
                value = rest
            elif key == "P" and kind == "F" and rest.isdigit() and int(rest) < len(pictures):
                picture = pictures[int(rest)]
            elif key == "C" and kind == "F" and rest.isdigit():
                columns = int(rest)
        if kind == "F":
            if picture is not None and columns is not None and "Y" not in line:
                column_formats[columns] = picture
            elif picture is not None:
                formats[(y, x)] = picture
            continue
        if value is None:
            continue
        if value.startswith('"'):
            cells[(y - 1, x - 1)] = value[1 : -1 if value.endswith('"') else None].replace(
                '""', '"'
            )
            continue
        number = _number(value)
        if number is None:
            cells[(y - 1, x - 1)] = value
            continue
        picture = formats.get((y, x)) or column_formats.get(x, "")
        cells[(y - 1, x - 1)] = _as_formatted(number, picture) if picture else number
    notes = ["Read as a SYLK file (Excel's symbolic link format, .slk)."]
    return _grid(cells), notes


# --- DIF ---------------------------------------------------------------------------------------

DIF_START = re.compile(rb'\s*TABLE\s*\r?\n\s*0\s*,\s*1\s*\r?\n\s*"', re.I)


def read_dif(path: Path) -> tuple[list[list[Any]], list[str]]:
    """(rows, notes) of a DIF file: after its header (to DATA), each row opens with "-1,0"
    and BOT, each value is two lines, "0,number" and V (or TRUE, FALSE, NA, ERROR), or "1,0"
    and its text in quotes; EOD ends it. The numbers are kept as numbers (DIF says nothing of
    dates: a date column's day numbers are read as such later)."""
    lines = _text(path.read_bytes()).splitlines()
    n = next((k for k, line in enumerate(lines) if line.strip().upper() == "DATA"), None)
    if n is None:
        raise ImportRefused(f"{path.name} is a DIF file with no data in it.")
    rows: list[list[Any]] = []
    k = n + 3  # DATA, "0,0", '""'
    while k + 1 < len(lines):
        head, value = lines[k].strip(), lines[k + 1].strip()
        k += 2
        kind, _sep, number = head.partition(",")
        if kind == "-1":
            if value.upper() == "BOT":
                rows.append([])
            elif value.upper() == "EOD":
                break
        elif kind == "0" and rows:
            word = value.upper()
            if word == "V":
                parsed = _number(number)
                rows[-1].append(parsed if parsed is not None else number)
            else:
                rows[-1].append("" if word in ("NA", "ERROR") else word)
        elif kind == "1" and rows:
            if value.startswith('"'):
                value = value[1 : -1 if value.endswith('"') else None].replace('""', '"')
            rows[-1].append(value)
    width = max((len(r) for r in rows), default=0)
    rows = [r + [""] * (width - len(r)) for r in rows]
    return rows, ["Read as a DIF file (the Data Interchange Format, .dif)."]


# --- dBase -------------------------------------------------------------------------------------

_DBF_VERSIONS = frozenset({0x02, 0x03, 0x30, 0x31, 0x32, 0x43, 0x63, 0x83, 0x8B, 0xCB, 0xF5, 0xFB})
# The code page a table's language driver byte names (the common ones); Windows ANSI otherwise.
_DBF_CODE_PAGES = {0x01: "cp437", 0x02: "cp850", 0x03: "cp1252", 0x57: "cp1252", 0x64: "cp852",
                   0x65: "cp866", 0xC8: "cp1250", 0xC9: "cp1251", 0xCB: "cp1253"}  # fmt: skip


def looks_like_dbase(head: bytes, size: int) -> bool:
    """Whether a file's first bytes are a dBase table's header that agrees with its size."""
    if len(head) < 65 or head[0] not in _DBF_VERSIONS:
        return False
    _v, _y, month, day, count, header, length = struct.unpack("<BBBBIHH", head[:12])
    if not (1 <= month <= 12 and 1 <= day <= 31 and header >= 65 and length >= 2):
        return False
    body = size - header
    return count * length <= body <= count * length + 1


def read_dbase(path: Path) -> tuple[list[list[Any]], list[str], dict[int, str]]:
    """(rows, notes, flags) of a dBase table: its field names the headings, each record a row;
    date fields (D) as dates, numbers (N, F) as numbers, text trimmed; records marked deleted
    left out, as the system that wrote the table had removed them. A record is whole: an empty
    date field is a date no one entered, flagged (row number -> why), never the day above."""
    data = path.read_bytes()
    _v, _y, _m, _d, count, header, length = struct.unpack("<BBBBIHH", data[:12])
    codec = _DBF_CODE_PAGES.get(data[29], "cp1252")
    fields = []
    offset = 32
    while offset + 32 <= header and data[offset] != 0x0D:
        raw = data[offset : offset + 32]
        name = raw[:11].split(b"\0", 1)[0].decode("ascii", errors="replace").strip()
        fields.append((name, chr(raw[11]), raw[16]))
        offset += 32
    rows: list[list[Any]] = [[name for name, _k, _s in fields]]
    deleted = memo = 0
    flags: dict[int, str] = {}
    for n in range(count):
        record = data[header + n * length : header + (n + 1) * length]
        if len(record) < length:
            break
        if record[:1] == b"*":
            deleted += 1
            continue
        at, cells = 1, []
        for _name, kind, size in fields:
            raw = record[at : at + size]
            at += size
            cells.append(_dbase_value(raw, kind, codec))
            memo += kind == "M" and bool(raw.strip(b" \0"))
        rows.append(cells)
        if any(v == "" for v, (_n, kind, _s) in zip(cells, fields, strict=True) if kind == "D"):
            flags[len(rows)] = "its date field is empty in the table: no date was entered"
    notes = ["Read as a dBase table (.dbf)."]
    if deleted:
        notes.append(
            f"{deleted} record(s) marked deleted in the table were left out: the system that "
            "wrote it had removed them."
        )
    if memo:
        notes.append(
            "Some fields are memos kept in a file beside the table (.dbt or .fpt), which was "
            "not read: ask the agency for the table as .xlsx or .csv if the memos are needed."
        )
    return rows, notes, flags


def _dbase_value(raw: bytes, kind: str, codec: str) -> Any:
    text = raw.decode(codec, errors="replace").strip(" \0")
    if kind == "D":
        if len(text) == 8 and text.isdigit():
            try:
                return date(int(text[:4]), int(text[4:6]), int(text[6:]))
            except ValueError:
                return text
        return text
    if kind in ("N", "F"):
        number = _number(text)
        return number if number is not None else text
    if kind == "L":
        return {"T": "Yes", "Y": "Yes", "F": "No", "N": "No"}.get(text.upper(), "")
    if kind == "M":
        return ""
    return text
