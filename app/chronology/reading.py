"""Reading an agency's chronology file (xlsx, xlsm, xlsb, ods, xls, csv) into a SheetTable.

Files are recognised by their content, never by their extension alone, and pass the checks in
`file_guard` before any parser touches them: a workbook is a zip archive that can declare (or
secretly hold) gigabytes. Then the sheet holding the chronology is chosen and its header found.
"""

import codecs
import csv
import hashlib
import io
import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import Any

from python_calamine import CalamineWorkbook, PasswordError, SheetTypeEnum, SheetVisibleEnum

# The two "as" imports keep names importable from here as before (the tests clear _CHECKED).
from app.chronology.file_guard import _CHECKED as _CHECKED
from app.chronology.file_guard import MAX_FILE_BYTES as MAX_FILE_BYTES
from app.chronology.file_guard import (
    SEND_AGAIN,
    ImportRefused,
    check_archive,
    check_file_size,
    check_grid,
    check_ole,
    password_protected,
)
from app.chronology.mapping import header_score
from app.chronology.types import SheetTable

HEADER_SCAN_ROWS = 30

_SAVE_AS_XLSX = (
    "Open it in Excel and save it as .xlsx (File › Save As › Excel Workbook), then import that."
)


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
        if not path.is_file():  # a pipe or a device: reading it could wait for ever
            raise ImportRefused(f"{shown} is not an ordinary file. Choose the chronology file.")
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
    check_file_size(shown, size)
    if head.startswith(_ZIP_MAGICS):
        return check_archive(path, size)
    if head.startswith(_OLE_MAGIC):
        check_ole(path)
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
    return ImportRefused(f"{shown} cannot be read as a spreadsheet: it is damaged. " + SEND_AGAIN)


@contextmanager
def _calamine_errors(shown: str, kind: str) -> Iterator[None]:
    try:
        yield
    except ImportRefused:
        raise
    except PasswordError:
        raise password_protected(shown) from None
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
        check_grid(name, shown, height, width)
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
