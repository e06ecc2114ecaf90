"""Reading an agency's chronology file (xlsx, xlsm, xlsb, ods, xls, csv) into a SheetTable.

Files are recognised by their content, never by their extension alone, and checked before any
parser touches them: a workbook is a zip archive that can declare (or secretly hold) gigabytes.
"""

import codecs
import csv
import hashlib
import io
import posixpath
import re
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from python_calamine import CalamineWorkbook, PasswordError, SheetTypeEnum, SheetVisibleEnum

from app.chronology.mapping import header_score
from app.chronology.types import SheetTable
from app.errors import UserError

MAX_FILE_BYTES = 150 * 1024 * 1024
MAX_UNCOMPRESSED_BYTES = 500 * 1024 * 1024
MAX_COMPRESSION_RATIO = 200  # for archive members over RATIO_CHECK_BYTES
RATIO_CHECK_BYTES = 1024 * 1024
MAX_ARCHIVE_MEMBERS = 10_000
MAX_SHEET_CELLS = 10_000_000  # rows x columns a sheet may span (a parser fills every one)
HEADER_SCAN_ROWS = 30

_CHUNK = 1024 * 1024
_MAX_INDEX_XML = 10 * 1024 * 1024  # workbook.xml and its relationships

_SAVE_AS_XLSX = (
    "Open it in Excel and save it as .xlsx (File › Save As › Excel Workbook), then import that."
)
_SEND_AGAIN = (
    "Ask the agency to send it again, or open it in Excel, save it again as .xlsx and import that."
)


class ImportRefused(UserError):
    """The file cannot be imported; the message says why and what to do, in plain words."""


def file_fingerprint(path: str | Path) -> str:
    """The sha256 (hex) of the file's bytes."""
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def list_sheets(path: str | Path) -> list[str]:
    """The names of the workbook's sheets, in workbook order ([] for a CSV file)."""
    path = Path(path)
    kind = _recognise(path)
    if kind == "csv":
        return []
    with _workbook(path, kind) as workbook:
        return list(workbook.sheet_names)


def read_table(
    path: str | Path, sheet: str | None = None, *, max_rows: int = 200_000
) -> SheetTable:
    """The chronology table in a file: the header row found, and every non-blank row under it."""
    path = Path(path)
    kind = _recognise(path)
    if kind == "csv":
        rows, notes = _read_csv(path)
        return _build_table(path.name, "", rows, 1, 1, notes, max_rows, sheets=[])
    with _workbook(path, kind) as workbook:
        return _read_workbook(path.name, workbook, kind, sheet, max_rows)


# --- recognising the file ----------------------------------------------------------------------

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
_BINARY_MAGICS: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "an image"),
    (b"\xff\xd8\xff", "an image"),
    (b"GIF8", "an image"),
    (b"II*\x00", "an image"),
    (b"MM\x00*", "an image"),
    (b"\x7fELF", "a program"),
    (b"Rar!", "a compressed archive"),
    (b"7z\xbc\xaf", "a compressed archive"),
    (b"\x1f\x8b", "a compressed archive"),
)
_HTML_START = re.compile(rb"\s*<(?:!doctype\s+html|html|table|head|body|meta)\b", re.I)


def _recognise(path: Path) -> str:
    """ "xlsx", "xlsb", "ods", "xls" or "csv" from the content; refuses anything else."""
    shown = path.name
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise ImportRefused(f"{shown} is a folder, not a file. Choose the chronology file.")
        with open(path, "rb") as handle:
            head = handle.read(8192)
    except FileNotFoundError:
        raise ImportRefused(
            f"{shown} could not be found. Check the file is still where it was."
        ) from None
    except OSError as error:
        raise ImportRefused(
            f"{shown} could not be opened ({error.strerror or error}). "
            "Close it in any other program and try again."
        ) from None
    if size == 0:
        raise ImportRefused(f"{shown} is empty (0 bytes). Ask the agency to send it again.")
    if size > MAX_FILE_BYTES:
        raise ImportRefused(
            f"{shown} is {size / 1024 / 1024:,.0f} MB, more than ReviewDesk reads "
            f"({MAX_FILE_BYTES // 1024 // 1024} MB). Split the chronology into smaller files "
            "(for example one per year) and import each one."
        )
    if head.startswith(_ZIP_MAGICS):
        return _check_archive(path, size)
    if head.startswith(_OLE_MAGIC):
        _check_ole(path)
        return "xls"
    for magic, what in _BINARY_MAGICS:
        if head.startswith(magic):
            raise ImportRefused(
                f"{shown} is {what}, not a spreadsheet. Ask the agency for the chronology "
                "as an Excel workbook (.xlsx) or a CSV file."
            )
    body = head[3:] if head.startswith(codecs.BOM_UTF8) else head
    if head.startswith(b"{\\rtf"):
        raise ImportRefused(
            f"{shown} is a Word (RTF) document, not a spreadsheet. If the chronology is a table, "
            "copy it into Excel, save it as .xlsx and import that."
        )
    if _HTML_START.match(body):
        raise ImportRefused(
            f"{shown} is a web page (HTML) saved with a spreadsheet name. " + _SAVE_AS_XLSX
        )
    if body.lstrip().startswith(b"<?xml") and b"urn:schemas-microsoft-com:office:spreadsheet" in (
        body
    ):
        raise ImportRefused(
            f"{shown} is an Excel 2003 XML spreadsheet, which ReviewDesk cannot read. "
            + _SAVE_AS_XLSX
        )
    return "csv"


# --- zip workbooks: checked before calamine sees them -------------------------------------------

# Files already checked in this session: (path, size, mtime) -> kind.
_CHECKED: dict[tuple[str, int, int], str] = {}


def _damaged(shown: str) -> ImportRefused:
    return ImportRefused(
        f"{shown} is damaged or incomplete (it may not have finished copying or downloading). "
        + _SEND_AGAIN
    )


def _harmful(shown: str, why: str) -> ImportRefused:
    return ImportRefused(
        f"{shown} is refused: {why}, which a real spreadsheet never does (the file is damaged "
        "or made to harm the computer that opens it). Ask the agency to send the chronology "
        "again, saved from Excel as .xlsx."
    )


def _check_archive(path: Path, size: int) -> str:
    """Refuse zip bombs and zips that are not workbooks, before any parser inflates anything."""
    shown = path.name
    stat = path.stat()
    key = (str(path.resolve()), size, stat.st_mtime_ns)
    if key in _CHECKED:
        return _CHECKED[key]
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError):
        raise _damaged(shown) from None
    with archive:
        members = archive.infolist()
        if len(members) > MAX_ARCHIVE_MEMBERS:
            raise _harmful(shown, f"it holds {len(members):,} parts")
        total = sum(member.file_size for member in members)
        if total > MAX_UNCOMPRESSED_BYTES:
            raise _harmful(shown, f"it would expand to {total / 1024 / 1024:,.0f} MB when opened")
        for member in members:
            if (
                member.file_size > RATIO_CHECK_BYTES
                and member.file_size > MAX_COMPRESSION_RATIO * max(member.compress_size, 1)
            ):
                ratio = member.file_size // max(member.compress_size, 1)
                raise _harmful(shown, f"one part of it expands {ratio:,}-fold when opened")
        names = {member.filename.lower(): member.filename for member in members}
        kind = _archive_kind(archive, names, shown)
        if any(member.flag_bits & 0x1 for member in members):
            raise _password_protected(shown)
        sheets = _sheet_parts(archive, names, kind)
        # Inflate every part once: zipfile stops at the declared size and checks the CRC, so a
        # part that lies about its size is caught here, not inside the parser.
        try:
            for member in members:
                if member.filename in sheets:
                    _check_extent(archive, member, sheets[member.filename], shown, kind)
                else:
                    with archive.open(member) as stream:
                        while stream.read(_CHUNK):
                            pass
        except (zipfile.BadZipFile, EOFError, ValueError, NotImplementedError, OSError):
            raise _damaged(shown) from None
        except RuntimeError:  # a part encrypted with a zip password
            raise _password_protected(shown) from None
    if len(_CHECKED) > 64:
        _CHECKED.clear()
    _CHECKED[key] = kind
    return kind


def _password_protected(shown: str) -> ImportRefused:
    return ImportRefused(
        f"{shown} is password-protected. Remove the password in Excel (File › Info › Protect "
        "Workbook), save it, and import it again."
    )


def _archive_kind(archive: zipfile.ZipFile, names: dict[str, str], shown: str) -> str:
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "xl/workbook.bin" in names:
        return "xlsb"
    if "content.xml" in names:
        mimetype = b""
        if "mimetype" in names and archive.getinfo(names["mimetype"]).file_size < 200:
            mimetype = archive.read(names["mimetype"]).strip()
        if mimetype in (b"", b"application/vnd.oasis.opendocument.spreadsheet"):
            manifest = names.get("meta-inf/manifest.xml")
            if manifest and archive.getinfo(manifest).file_size < _MAX_INDEX_XML:
                if b"encryption-data" in archive.read(manifest):
                    raise _password_protected(shown)
            return "ods"
        raise ImportRefused(
            f"{shown} is an OpenDocument file but not a spreadsheet. If the chronology is a "
            "table, copy it into a spreadsheet, save it as .xlsx or .ods and import that."
        )
    if "word/document.xml" in names:
        raise ImportRefused(
            f"{shown} is a Word document, not a spreadsheet. If the chronology is a table in "
            "Word, copy the table into Excel, save it as .xlsx and import that."
        )
    if "ppt/presentation.xml" in names:
        raise ImportRefused(f"{shown} is a PowerPoint presentation, not a spreadsheet.")
    raise ImportRefused(
        f"{shown} is a zip archive, not a spreadsheet. If the chronology is inside it, extract "
        "it first and import the spreadsheet itself."
    )


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _sheet_parts(archive: zipfile.ZipFile, names: dict[str, str], kind: str) -> dict[str, str]:
    """Archive member -> sheet name for every part the parser may lay out as a grid."""
    if kind == "ods":
        return {names["content.xml"]: ""}
    if kind != "xlsx":
        return {}  # xlsb: binary records; covered by the grid check after loading
    parts: dict[str, str] = {}
    for lower, real in names.items():
        if re.fullmatch(r"xl/(?:worksheets|macrosheets|dialogsheets)/[^/]+\.xml", lower):
            parts[real] = ""
    try:
        workbook = _small_xml(archive, names["xl/workbook.xml"])
        rels_name = names.get("xl/_rels/workbook.xml.rels")
        rels = _small_xml(archive, rels_name) if rels_name else None
    except (ElementTree.ParseError, ValueError):
        return parts
    if rels is None:
        return parts
    targets = {}
    for rel in rels.iter():
        if _local(rel.tag) == "Relationship" and rel.get("Target"):
            target = rel.get("Target", "")
            target = target[1:] if target.startswith("/") else posixpath.join("xl", target)
            targets[rel.get("Id")] = posixpath.normpath(target).lower()
    for element in workbook.iter():
        if _local(element.tag) != "sheet":
            continue
        rel_id = next((v for k, v in element.attrib.items() if _local(k) == "id"), None)
        target = targets.get(rel_id)
        if target in names:
            parts[names[target]] = element.get("name", "")
    return parts


def _small_xml(archive: zipfile.ZipFile, name: str) -> ElementTree.Element:
    if archive.getinfo(name).file_size > _MAX_INDEX_XML:
        raise ValueError(name)
    return ElementTree.fromstring(archive.read(name))


# A worksheet's cells: the parser lays the sheet out as one dense grid from A1 to the furthest
# cell, so a few bytes naming cell XFD1048576 would ask for 17 billion cells.
# A cell tag that is not simply <c r="A1"> .. <c r="Z99999">.
_XLSX_UNUSUAL_CELL = rb'c(?=[\s/>])(?! r="[A-Z][0-9]{1,5}")'
_COLUMN_LETTERS = re.compile(r"([A-Z]{1,3})([0-9]{1,7})")


def _column_number(letters: bytes) -> int:
    number = 0
    for byte in letters:
        number = number * 26 + byte - 64
    return number


def _check_extent(
    archive: zipfile.ZipFile, member: zipfile.ZipInfo, sheet: str, shown: str, kind: str
) -> None:
    scan = _ods_extent if kind == "ods" else _xlsx_extent
    rows, columns = scan(archive, member, exact=False)
    if rows * columns > MAX_SHEET_CELLS:
        rows, columns = scan(archive, member, exact=True)
    if rows * columns > MAX_SHEET_CELLS:
        where = f"Sheet '{sheet}' in {shown}" if sheet else shown
        raise ImportRefused(
            f"{where} stretches to row {rows:,} and column {columns:,}, so reading it would "
            f"take {rows * columns:,} cells. Delete the empty rows and columns beyond the "
            "chronology (or copy the chronology into a new workbook), save it and import again."
        )


def _pieces(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> Iterator[bytes]:
    """The member's bytes in chunks that end at a tag boundary (">")."""
    carry = b""
    with archive.open(member) as stream:
        while True:
            chunk = stream.read(_CHUNK)
            if not chunk:
                break
            buffer = carry + chunk
            cut = buffer.rfind(b">") + 1
            if cut == 0 and len(buffer) > 64 * _CHUNK:
                raise ValueError("no tag boundary")
            carry = buffer[cut:]
            if cut:
                yield buffer[:cut]
    if carry.strip():
        yield carry


def _xlsx_extent(archive: zipfile.ZipFile, member: zipfile.ZipInfo, exact: bool) -> tuple[int, int]:
    """(rows, columns) a worksheet spans; a safe upper bound unless exact."""
    max_row = max_col = 0
    prefix = None
    state = [0, 0]  # (current row, current column) for cells written without a reference
    for piece in _pieces(archive, member):
        if prefix is None:
            found = re.search(rb"<([A-Za-z_][\w.-]*:)?worksheet\b", piece)
            prefix = re.escape(found.group(1)) if found and found.group(1) else b""
            cell_tag = re.compile(rb"<" + prefix + rb"c[\s/>]")
            unusual = re.compile(rb"<" + prefix + _XLSX_UNUSUAL_CELL)
            with_ref = re.compile(rb"<" + prefix + rb'c r="([A-Z]{1,3})([0-9]{1,7})"')
            tokens = re.compile(rb"<" + prefix + rb"(row|c)(?=[\s/>])([^>]*)>")
        if not exact and not unusual.search(piece):
            # Every cell is within A1:Z99999: bounded, no need to look closer.
            max_row, max_col = max(max_row, 99_999), max(max_col, 26)
            continue
        cells = len(cell_tag.findall(piece))
        refs = with_ref.findall(piece) if not exact else []
        if refs and len(refs) == cells:
            max_col = max(max_col, max(map(_column_number, {c for c, _ in refs})))
            max_row = max(max_row, max(map(int, {r for _, r in refs})))
            state[0] = max(state[0], max_row)
            continue
        rows, cols = _simulate_xlsx(tokens.findall(piece), state)
        max_row, max_col = max(max_row, rows), max(max_col, cols)
    return max_row, max_col


_REF_ATTR = re.compile(rb'\br\s*=\s*["\']([^"\']*)["\']')


def _simulate_xlsx(tokens: list[tuple[bytes, bytes]], state: list[int]) -> tuple[int, int]:
    """Place each cell as the parser would (a reference, or next to the previous cell)."""
    max_row = max_col = 0
    row, col = state
    for name, attrs in tokens:
        ref = _REF_ATTR.search(attrs)
        if name == b"row":
            row = int(ref.group(1)) if ref and ref.group(1).isdigit() else row + 1
            col = 0
            continue
        match = _COLUMN_LETTERS.fullmatch(ref.group(1).decode("ascii", "replace")) if ref else None
        if match:
            col = _column_number(match.group(1).encode())
            cell_row = int(match.group(2))
        else:
            col, cell_row = col + 1, max(row, 1)
        if not attrs.endswith(b"/"):  # a self-closed cell holds no value
            max_row, max_col = max(max_row, cell_row), max(max_col, col)
    state[0], state[1] = row, col
    return max_row, max_col


_ODS_TOKEN = re.compile(
    rb"<(/?)(?:[\w.-]+:)?(table-row|table-cell|covered-table-cell|table)(?=[\s/>])([^>]*)>"
)
_ODS_REPEAT = re.compile(rb'number-(?:rows|columns)-repeated\s*=\s*["\'](\d+)["\']')


def _ods_extent(archive: zipfile.ZipFile, member: zipfile.ZipInfo, exact: bool) -> tuple[int, int]:
    """(rows, columns) the largest table spans, repeats included."""
    del exact  # always exact: repeated rows and columns are the whole danger here
    largest = (0, 0)
    rows = cols = row = col = row_repeat = row_end = 0
    for piece in _pieces(archive, member):
        for closing, name, attrs in _ODS_TOKEN.findall(piece):
            if closing:
                continue
            repeat = _ODS_REPEAT.search(attrs)
            count = min(int(repeat.group(1)), 1 << 31) if repeat else 1
            if name == b"table":
                if rows * cols > largest[0] * largest[1]:
                    largest = (rows, cols)
                rows = cols = row = col = row_end = 0
                row_repeat = 1
            elif name == b"table-row":
                row, col, row_repeat = row + row_repeat if row_end else row, 0, count
                row_end = 1
            else:
                filled = b"value-type" in attrs or not attrs.endswith(b"/")
                if filled:
                    rows = max(rows, row + row_repeat)
                    cols = max(cols, col + count)
                col += count
    if rows * cols > largest[0] * largest[1]:
        largest = (rows, cols)
    return largest


# --- legacy .xls (OLE compound files) ----------------------------------------------------------

_OLE_NAMES = {
    "EncryptedPackage".encode("utf-16-le"): "encrypted",
    "EncryptionInfo".encode("utf-16-le"): "encrypted",
    "WordDocument".encode("utf-16-le"): "word",
    "PowerPoint Document".encode("utf-16-le"): "powerpoint",
}


def _check_ole(path: Path) -> None:
    """Refuse OLE files that hold an encrypted workbook, or a Word or PowerPoint document."""
    shown = path.name
    found = set()
    overlap = max(len(name) for name in _OLE_NAMES)
    with open(path, "rb") as handle:
        tail = b""
        while chunk := handle.read(8 * _CHUNK):
            window = tail + chunk
            found.update(kind for name, kind in _OLE_NAMES.items() if name in window)
            tail = window[-overlap:]
    if "encrypted" in found:
        raise _password_protected(shown)
    if "word" in found:
        raise ImportRefused(
            f"{shown} is a Word document, not a spreadsheet. If the chronology is a table in "
            "Word, copy the table into Excel, save it as .xlsx and import that."
        )
    if "powerpoint" in found:
        raise ImportRefused(f"{shown} is a PowerPoint presentation, not a spreadsheet.")


# --- calamine ----------------------------------------------------------------------------------

_EXTENSIONS = {
    "xlsx": {".xlsx", ".xlsm", ".xltx", ".xltm", ".xlam"},
    "xlsb": {".xlsb"},
    "ods": {".ods"},
    "xls": {".xls", ".xla"},
}


def _unreadable(shown: str, kind: str) -> ImportRefused:
    if kind == "xls":
        return ImportRefused(f"{shown} cannot be read as a spreadsheet. " + _SAVE_AS_XLSX)
    return ImportRefused(f"{shown} cannot be read as a spreadsheet: it is damaged. " + _SEND_AGAIN)


@contextmanager
def _calamine_errors(shown: str, kind: str) -> Iterator[None]:
    try:
        yield
    except ImportRefused:
        raise
    except PasswordError:
        raise _password_protected(shown) from None
    except (KeyboardInterrupt, SystemExit, GeneratorExit):
        raise
    except MemoryError:
        raise ImportRefused(
            f"{shown} is too large to read on this computer. Split the chronology into smaller "
            "files and import each one."
        ) from None
    # calamine reports bad files as its own errors, ValueError, or (for a Rust panic) an
    # exception outside the Exception tree; none of them may reach the user as a traceback.
    except BaseException:
        raise _unreadable(shown, kind) from None


@contextmanager
def _workbook(path: Path, kind: str) -> Iterator[CalamineWorkbook]:
    shown = path.name
    with _calamine_errors(shown, kind):
        if path.suffix.lower() in _EXTENSIONS[kind]:
            workbook = CalamineWorkbook.from_path(str(path))
            handle = None
        else:  # the extension does not say what the file is: let calamine look at the content
            handle = open(path, "rb")  # closed in the finally below
            workbook = CalamineWorkbook.from_filelike(handle)
    try:
        yield workbook
    finally:
        workbook.close()
        if handle is not None:
            handle.close()


def _sheet_rows(workbook: CalamineWorkbook, name: str, shown: str, kind: str, max_rows: int):
    """(rows, first row number, first column number) of one sheet, within the limits."""
    with _calamine_errors(shown, kind):
        sheet = workbook.get_sheet_by_name(name)
        start = sheet.start
        if start is None:
            return [], 1, 1
        height, width = sheet.height, sheet.width
        if height * width > MAX_SHEET_CELLS:
            raise ImportRefused(
                f"Sheet '{name}' in {shown} spans {height:,} rows and {width:,} columns, so "
                f"reading it would take {height * width:,} cells. Delete the empty rows and "
                "columns beyond the chronology, save it and import again."
            )
        if height > max_rows + HEADER_SCAN_ROWS + 1:
            raise _too_many_rows(name, shown, height, max_rows)
        return sheet.to_python(skip_empty_area=True), start[0] + 1, start[1] + 1


def _too_many_rows(sheet: str, shown: str, rows: int, max_rows: int) -> ImportRefused:
    where = f"Sheet '{sheet}' in {shown}" if sheet else shown
    return ImportRefused(
        f"{where} has {rows:,} rows, more than ReviewDesk reads at once ({max_rows:,}). "
        "Split the chronology into smaller files (for example one per year) and import each one."
    )


_NOT_CHRONOLOGY_SHEET = re.compile(
    r"\b(?:cover|front|instruction|guidance|guide|notes|contents|index|key|glossary|list|lookup"
    r"|readme|read me|summary|dropdown|drop down|validation|settings|info)",
    re.I,
)


def _read_workbook(
    shown: str, workbook: CalamineWorkbook, kind: str, sheet: str | None, max_rows: int
) -> SheetTable:
    names = list(workbook.sheet_names)
    if sheet is not None:
        if sheet not in names:
            listed = ", ".join(f"'{n}'" for n in names)
            raise ImportRefused(f"{shown} has no sheet called '{sheet}'. Its sheets are: {listed}.")
        rows, row0, col0 = _sheet_rows(workbook, sheet, shown, kind, max_rows)
        return _build_table(shown, sheet, rows, row0, col0, [], max_rows, sheets=names)

    metadata = workbook.sheets_metadata
    hidden = {m.name for m in metadata if m.visible != SheetVisibleEnum.Visible}
    grids = {m.name for m in metadata if m.typ == SheetTypeEnum.WorkSheet} or set(names)
    visible = [n for n in names if n not in hidden and n in grids]
    # Sheets named as the chronology first; cover, guidance and list sheets last.
    order = sorted(
        visible,
        key=lambda n: (
            "chronolog" not in n.lower(),
            bool(_NOT_CHRONOLOGY_SHEET.search(n)),
            names.index(n),
        ),
    ) + [n for n in names if n in hidden and n in grids]
    best = None
    looked: list[tuple[str, int, int]] = []  # (name, header score, rows)
    seen = set()
    for position, name in enumerate(order):
        if name in hidden and best is not None:
            break
        rows, row0, col0 = _sheet_rows(workbook, name, shown, kind, max_rows)
        seen.add(name)
        if not rows:
            continue
        score = _find_header(rows)[1]
        rank = (score >= 2, "chronolog" in name.lower(), score, len(rows))
        looked.append((name, score, len(rows)))
        if best is None or rank > best[0]:
            best = (rank, name, rows, row0, col0)
        if position == 0 and rank[0] and rank[1]:
            break  # a sheet named as the chronology, with a chronology header: look no further
    if best is None:
        raise ImportRefused(f"{shown} holds no chronology rows: every sheet is empty.")
    _rank, name, rows, row0, col0 = best
    notes = []
    others = [n for n, score, count in looked if n != name and score >= 2 and count > 1]
    others += [n for n in visible if n not in seen and not _NOT_CHRONOLOGY_SHEET.search(n)]
    if others:
        listed = ", ".join(f"'{n}'" for n in others)
        notes.append(
            f"Only sheet '{name}' was read; {listed} may hold more of the chronology: import "
            "them separately if so."
        )
    if name in hidden:
        notes.append(f"Sheet '{name}' is hidden in the workbook.")
    return _build_table(shown, name, rows, row0, col0, notes, max_rows, sheets=names)


# --- CSV and text ------------------------------------------------------------------------------

_DELIMITERS = {",": "commas", ";": "semicolons", "\t": "tabs", "|": "vertical bars"}


def _decode(raw: bytes, shown: str) -> tuple[str, str]:
    """(text, encoding name shown to people)."""
    for bom, codec, label in (
        (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),
        (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
        (codecs.BOM_UTF8, "utf-8-sig", "UTF-8"),
        (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
        (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
    ):
        if raw.startswith(bom):
            try:
                return raw.decode(codec), label
            except UnicodeDecodeError:
                raise _not_a_spreadsheet(shown) from None
    sample = raw[:65536]
    if b"\x00" in sample:
        # UTF-16 without a byte order mark: every other byte of plain text is zero.
        even, odd = sample[0::2].count(0), sample[1::2].count(0)
        half = len(sample) / 2
        for zeros, other, codec in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
            if zeros > 0.4 * half and other < 0.05 * half:
                try:
                    return raw.decode(codec), "UTF-16"
                except UnicodeDecodeError:
                    break
        raise _not_a_spreadsheet(shown)
    try:
        return raw.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError:
        return raw.decode("latin-1"), "Latin-1"


def _not_a_spreadsheet(shown: str) -> ImportRefused:
    return ImportRefused(
        f"{shown} is not a spreadsheet or a CSV file ReviewDesk can read. Check you chose the "
        "right file, or ask the agency for the chronology as .xlsx or .csv."
    )


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def _sniff_delimiter(sample: str) -> str:
    """The separator that splits the sample into the most rows of one same width."""
    best, best_key = ",", (-1, -1)
    for delimiter in _DELIMITERS:
        if delimiter not in sample:
            continue
        try:
            widths = [
                len(r) for r in csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter)
            ]
        except csv.Error:
            continue
        widths = [w for w in widths[:-1] or widths if w > 1]  # the last line may be cut short
        if not widths:
            continue
        common = max(set(widths), key=widths.count)
        key = (widths.count(common), common)
        if key > best_key:
            best, best_key = delimiter, key
    return best


def _read_csv(path: Path) -> tuple[list[list[str]], list[str]]:
    shown = path.name
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise ImportRefused(
            f"{shown} could not be opened ({error.strerror or error}). "
            "Close it in any other program and try again."
        ) from None
    text, encoding = _decode(raw, shown)
    sample = text[:65536]
    if len(_CONTROL.findall(sample)) > max(2, len(sample) // 100):
        raise _not_a_spreadsheet(shown)
    notes = []
    first_line, _, rest = text.partition("\n")
    sep = re.fullmatch(r'"?sep=(.)"?\s*', first_line)  # Excel's "sep=;" line
    if sep:
        delimiter = sep.group(1)
        text = rest
    else:
        delimiter = _sniff_delimiter(sample.rsplit("\n", 1)[0] if len(text) > 65536 else sample)
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as error:
        raise ImportRefused(
            f"{shown} could not be read as a CSV file ({error}). " + _SAVE_AS_XLSX
        ) from None
    if sep:
        rows.insert(0, [])  # keep row numbers as the file shows them
    named = _DELIMITERS.get(delimiter, f"'{delimiter}'")
    notes.append(f"Read as a CSV file ({encoding} text, values separated by {named}).")
    return rows, notes


# --- the table ---------------------------------------------------------------------------------


def _find_header(rows: list[list[Any]]) -> tuple[int, int]:
    """(index, score) of the row among the first few that looks most like a header."""
    best, best_score = -1, 0
    for index, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        score = header_score(row)
        if score > best_score:
            best, best_score = index, score
    return best, best_score


def _header_text(value: Any) -> str:
    if isinstance(value, str):
        return " ".join(value.split())
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _only_spaces(row: list[Any]) -> bool:
    return all(isinstance(v, str) and not v.strip() for v in row)


def _is_blank(row: list[Any]) -> bool:
    return row.count("") == len(row) or _only_spaces(row)


def _last_filled(cells: list[Any]) -> int:
    """1 + the index of the last cell with content (0 when none)."""
    for index in range(len(cells) - 1, -1, -1):
        value = cells[index]
        if value is not None and (not isinstance(value, str) or value.strip()):
            return index + 1
    return 0


def _build_table(
    shown: str,
    sheet: str,
    rows: list[list[Any]],
    row0: int,
    col0: int,
    notes: list[str],
    max_rows: int,
    *,
    sheets: list[str],
) -> SheetTable:
    where = f"Sheet '{sheet}' in {shown}" if sheet else shown
    if all(map(_is_blank, rows)):
        raise ImportRefused(f"{where} holds no chronology rows: it is empty.")
    index, score = _find_header(rows)
    fallback = False
    if score < 2:
        index = next(
            (
                i
                for i, row in enumerate(rows[:HEADER_SCAN_ROWS])
                if sum(1 for v in row if isinstance(v, str) and v.strip()) >= 2
            ),
            -1,
        )
        if index < 0:
            raise ImportRefused(
                f"{where} has no header row ReviewDesk can find (a row naming the columns, "
                "such as Date, Event, Outcome). Add one above the first entry and import again."
            )
        fallback = True
    header_row = row0 + index
    header_cells = rows[index]
    data = rows[index + 1 :]
    if len(data) > max_rows:
        raise _too_many_rows(sheet, shown, len(data) + header_row, max_rows)

    # The table is as wide as its header, or wider when cells beyond it hold something.
    width = header_width = _last_filled(header_cells)
    widest = max(map(len, data), default=0)
    if widest > width:
        for row in data:
            if len(row) > width:
                width = max(width, _last_filled(row[width:]) + width)
    headers = []
    seen: dict[str, int] = {}
    beyond = []
    for i in range(width):
        text = _header_text(header_cells[i]) if i < len(header_cells) else ""
        if not text:
            text = f"Column {col0 + i}"
            if i >= header_width:
                beyond.append(text)
        if text.lower() in seen:
            seen[text.lower()] += 1
            text = f"{text} ({seen[text.lower()]})"
        seen.setdefault(text.lower(), 1)
        headers.append(text)

    table_rows: list[tuple[int, list[Any]]] = []
    blank: list[int] = []
    append = table_rows.append
    number = header_row
    for row in data:
        number += 1
        length = len(row)
        empty = row.count("")
        if empty == length or (2 * empty >= length and _only_spaces(row)):
            blank.append(number)
            continue
        if length > width:
            row = row[:width]
        elif length < width:
            row = row + [""] * (width - length)
        append((number, row))
    if not table_rows:
        raise ImportRefused(
            f"{where} holds no chronology rows: there is nothing under the header on row "
            f"{header_row}."
        )

    if sheet:
        notes = [f"Used sheet '{sheet}'; the header is on row {header_row}.", *notes]
    else:
        notes = [f"The header is on row {header_row}.", *notes]
    if fallback:
        notes.append(
            f"No row looked like a chronology header (Date, Event, Outcome...); row {header_row} "
            "was used as the header. Check the column mapping."
        )
    if beyond:
        notes.append(
            f"Cells beyond the header hold text; their columns are named {', '.join(beyond)}."
        )
    if blank:
        listed = ", ".join(map(str, blank[:10])) + (", ..." if len(blank) > 10 else "")
        plural = "row was" if len(blank) == 1 else "rows were"
        notes.append(f"{len(blank)} blank {plural} skipped (row {listed}).")
    return SheetTable(
        file_name=shown,
        sheet=sheet,
        header_row=header_row,
        headers=headers,
        rows=table_rows,
        sheets=sheets,
        notes=notes,
    )
