"""Reading an agency's chronology file (xlsx, xlsm, xlsb, ods, xls, csv, a web page or Excel
2003 XML saved as a spreadsheet) into a SheetTable.

Files are recognised by their content, never by their extension alone, and pass the checks in
`file_guard` before any parser touches them: a workbook is a zip archive that can declare (or
secretly hold) gigabytes. Then the sheet holding the chronology is chosen and its header found.
"""

import codecs
import hashlib
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from python_calamine import CalamineWorkbook, PasswordError, SheetTypeEnum, SheetVisibleEnum

from app.chronology.choice_columns import choice_columns
from app.chronology.csv_text import SAVE_AS_XLSX as _SAVE_AS_XLSX
from app.chronology.csv_text import read_csv
from app.chronology.date_parts import joined_date_parts

# The two "as" imports keep names importable from here as before (the tests clear _CHECKED).
from app.chronology.file_guard import _CHECKED as _CHECKED
from app.chronology.file_guard import MAX_FILE_BYTES as MAX_FILE_BYTES
from app.chronology.file_guard import (
    SEND_AGAIN,
    ImportRefused,
    NothingToRead,
    check_archive,
    check_file_size,
    check_grid,
    check_links,
    check_ole,
    iwork_refused,
    password_protected,
)
from app.chronology.headed_dates import dates_from_headings
from app.chronology.label_blocks import label_blocks
from app.chronology.labelled_cells import labelled_cells
from app.chronology.layout import (
    HEADER_SCAN_ROWS,
    LeftOut,
    fill_merged_down,
    find_layout,
    header_sorted_down,
    is_an_entry,
    is_date_like,
    left_out_rows,
    name_columns_beyond,
)
from app.chronology.legacy_files import (
    DIF_START,
    SYLK_START,
    looks_like_dbase,
    read_dbase,
    read_dif,
    read_sylk,
)
from app.chronology.mapping import normalise_header
from app.chronology.markup import database_blanks, pivot_row_labels, plain_text_columns
from app.chronology.note_versions import latest_versions
from app.chronology.numbered_lines import join_numbered_lines
from app.chronology.planned_entries import cell_text, has_content
from app.chronology.record_files import (
    looks_like_calendar,
    looks_like_json,
    looks_like_xml,
    read_calendar,
    read_json_records,
    read_xml_records,
)
from app.chronology.row_pairs import join_rows_below, text_is_below
from app.chronology.sheet_choice import leave_out_examples_and_copies
from app.chronology.sheet_formats import (
    cell_comments_ods,
    hidden_rows_ods,
    merged_cells_ods,
    partial_date_cells_ods,
    partial_date_cells_xls,
)
from app.chronology.side_by_side import key_beside, tables_side_by_side
from app.chronology.sideways import entries_across
from app.chronology.struck_text import (
    cell_comments_xls,
    struck_cells_ods,
    struck_cells_xls,
    struck_cells_xlsb,
)
from app.chronology.types import SheetTable
from app.chronology.web_tables import read_html_table, read_html_text, read_web_archive
from app.chronology.word_tables import (
    TRACKED,
    UPDATING,
    chronology_grid,
    clear_prompts,
    split_leading_dates,
)
from app.chronology.wrapped_files import flat_kind, pptx_grids, unwrapped
from app.chronology.xlsx_formats import (
    cell_comments,
    hidden_rows,
    partial_date_cells,
    struck_cells,
    uncalculated_formulas,
)
from app.chronology.xml_workbook import read_xml_workbook
from app.wording import plural


def file_fingerprint(path: str | Path) -> str:
    """The sha256 (hex) of the file's bytes."""
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


_NOT_WORKBOOKS = ("csv", "docx", "html", "ics", "json", "mht", "odt", "pdf", "pptx", "rtf", "xml")


def list_sheets(path: str | Path) -> list[str]:
    """The names of the workbook's sheets, in workbook order ([] for a CSV or Word file)."""
    path = Path(path)
    kind = _recognise(path)
    if kind in ("zip", "flat", "msg"):
        with unwrapped(path, kind) as (inner, _note):
            return list_sheets(inner)
    if kind in _NOT_WORKBOOKS:
        return []
    with _workbook(path, kind) as workbook:
        return list(workbook.sheet_names)


def read_table(
    path: str | Path,
    sheet: str | None = None,
    *,
    header_row: int | None = None,
    max_rows: int = 200_000,
) -> SheetTable:
    """The chronology table in a file: the header row found, and every row under it."""
    sheets = [sheet] if sheet is not None else None
    return read_tables(path, sheets, header_row=header_row, max_rows=max_rows)[0]


def read_tables(
    path: str | Path,
    sheets: list[str] | None = None,
    *,
    all_sheets: bool = False,
    header_row: int | None = None,
    max_rows: int = 200_000,
    progress=None,
) -> list[SheetTable]:
    """The chronology tables in a file: the sheets named, or every sheet holding a chronology
    (``all_sheets``), or by default the sheet holding it and any sheet with the same columns.
    ``progress(page, pages)`` hears of each page of a PDF as it is read (see read_pdf), and
    ``progress(sheet, sheets)`` of each sheet of a workbook before it is read; between the
    stages of a sheet's reading it is called as ``progress(0, 0)``. What it raises stops the
    reading there (a window's Cancel): one sheet's read is the longest that cannot hear it."""
    path = Path(path)
    kind = _recognise(path)
    if kind in ("zip", "flat", "msg"):
        with unwrapped(path, kind) as (inner, note):
            tables = read_tables(
                inner, sheets, all_sheets=all_sheets, header_row=header_row,
                max_rows=max_rows, progress=progress,
            )  # fmt: skip
        return [replace(t, file_name=path.name, notes=[note, *t.notes]) for t in tables]
    if kind == "pptx":
        from app.chronology.word_tables import grids_chronology

        rows, notes = grids_chronology(pptx_grids(path), path.name, find_layout)
        notes = ["Read as a PowerPoint presentation: the tables on its slides.", *notes]
        table = _build_table(
            path.name, "", rows, 1, 1, notes, max_rows, sheets=[], header_row=header_row
        )
        return [table]
    if kind in ("sylk", "dif", "dbase"):
        flags: dict[int, str] = {}
        if kind == "dbase":
            rows, notes, flags = read_dbase(path)
        else:
            rows, notes = read_sylk(path) if kind == "sylk" else read_dif(path)
        return [_build_table(
            path.name, "", rows, 1, 1, notes, max_rows, sheets=[], header_row=header_row,
            row_flags=flags,
        )]  # fmt: skip
    if kind == "ics":
        rows, notes = read_calendar(path)
        return [_build_table(
            path.name, "", rows, 1, 1, notes, max_rows, sheets=[], header_row=header_row
        )]  # fmt: skip
    if kind in ("json", "xml"):
        read = read_json_records if kind == "json" else read_xml_records
        found = read(path)
        if found is not None:  # else a text file starting with a bracket: read as text
            return [_build_table(
                path.name, "", found[0], 1, 1, found[1], max_rows, sheets=[],
                header_row=header_row,
            )]  # fmt: skip
        kind = "csv"
    if kind == "csv":
        lines_of_rows: list[int] = []
        rows, notes, flags = read_csv(path, max_rows, lines_of_rows)
        table = _build_table(
            path.name,
            "",
            rows,
            1,
            1,
            notes,
            max_rows,
            sheets=[],
            header_row=header_row,
            row_flags=flags,
        )
        return [_numbered_by_lines(table, lines_of_rows) if lines_of_rows else table]
    if kind in ("html", "mht"):
        reader = read_html_table if kind == "html" else read_web_archive
        rows, merged, notes = reader(path)
        if said := clear_prompts(rows):
            notes = [*notes, said]
        if not merged:
            rows, notes = _by_agency_headings(rows, notes, {})
        table = _build_table(
            path.name, "", rows, 1, 1, notes, max_rows, sheets=[], header_row=header_row,
            merged=merged,
        )  # fmt: skip
        return [table]
    if kind == "rtf":
        from app.chronology.rtf_text import read_rtf

        struck = {}
        rows, notes = read_rtf(path, find_layout, struck)
        if said := clear_prompts(rows):
            notes = [*notes, said]
        rows, notes = _by_agency_headings(rows, notes, struck)
        table = _build_table(
            path.name, "", rows, 1, 1, notes, max_rows, sheets=[], header_row=header_row
        )
        return [_struck_through(table, struck, 1)]
    if kind == "odt":
        from app.chronology.odt_text import read_odt

        struck = {}
        rows, notes = read_odt(path, find_layout, struck)
        if said := clear_prompts(rows):
            notes = [*notes, said]
        rows, notes = _by_agency_headings(rows, notes, struck)
        table = _build_table(
            path.name, "", rows, 1, 1, notes, max_rows, sheets=[], header_row=header_row
        )
        return [_struck_through(table, struck, 1, program="LibreOffice")]
    if kind == "pdf":
        from app.chronology.pdf_text import read_pdf

        struck, words = {}, {}
        rows, notes = read_pdf(path, find_layout, struck, words, progress)
        if said := clear_prompts(rows):
            notes = [*notes, said]
        rows, notes = _by_agency_headings(rows, notes, struck, words)
        table = _build_table(
            path.name, "", rows, 1, 1, notes, max_rows, sheets=[], header_row=header_row
        )
        return [_struck_through(table, struck, 1, words)]
    if kind == "docx":
        from app.chronology.word_tables import alt_chunk_page

        if (page := alt_chunk_page(path)) is not None:
            rows, merged, notes = read_html_text(
                page, path.name, "a web page (HTML) brought whole into a Word document"
            )
            table = _build_table(
                path.name, "", rows, 1, 1, notes, max_rows, sheets=[], header_row=header_row,
                merged=merged,
            )  # fmt: skip
            return [table]
        struck: dict[tuple[int, int], str] = {}
        rows, notes = chronology_grid(path, find_layout, struck)
        # Word does not always mark a control still showing its prompt (w:showingPlcHdr):
        # the prompt's own words say it too.
        if said := clear_prompts(rows):
            notes = [*notes, said]
        rows, notes = _by_agency_headings(rows, notes, struck)
        table = _build_table(
            path.name, "", rows, 1, 1, notes, max_rows, sheets=[], header_row=header_row
        )
        return [_struck_through(table, struck, 1)]
    with _workbook(path, kind) as workbook:
        return _read_workbook(
            path, workbook, kind, sheets, all_sheets, header_row, max_rows, progress or _no_one
        )


def _by_agency_headings(rows, notes, struck, words=None):
    """A document's rows split into agencies by rows across the table naming each, with an
    Agency column in their place (agency_headings); the marks of the cells (struck) moved with
    their rows."""
    from app.chronology.agency_headings import agency_heading_rows

    found = agency_heading_rows(rows)
    if found is None:
        return rows, notes
    new_rows, said, placed = found
    for table in (struck, words):
        if table:
            moved = {(placed[r], c): v for (r, c), v in table.items() if r in placed}
            table.clear()
            table.update(moved)
    return new_rows, [*notes, said]


def _no_one(_done: int, _total: int) -> None:
    """No one to tell how far the reading is."""


# --- recognising the file ----------------------------------------------------------------------

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
_BINARY_MAGICS: tuple[tuple[bytes, str], ...] = (
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
# A web page, perhaps after an XML declaration and comments (XHTML, Excel's own web pages).
_HTML_START = re.compile(
    rb"\s*(?:<\?xml[^>]{0,200}>\s*)?(?:<!--.{0,2000}?-->\s*)*"
    rb"<(?:!doctype\s+html|html|table|head|body|meta|title|style)\b",
    re.I | re.S,
)
_MIME_START = re.compile(rb"\s*(?:mime-version|from|subject|date|content-type)\s*:", re.I)
# An e-mail saved as a file (.eml): its headers, then the body's parts.
_E_MAIL = re.compile(
    rb"^mime-version\s*:.*?^content-type\s*:\s*(?:multipart/(?:alternative|mixed)|text/(?:html|plain))",
    re.I | re.M | re.S,
)


def _recognise(path: Path) -> str:
    """ "xlsx", "xlsb", "ods", "xls", "xml2003" (Excel 2003 XML), "html" (a web page, as
    many systems' Excel exports are), "mht" (a web archive) or "csv" from the content; refuses
    anything else."""
    shown = path.name
    try:
        size = path.stat().st_size
        if path.is_dir():
            if path.suffix.lower() in (".numbers", ".pages", ".key"):  # a Mac's package
                raise iwork_refused(shown)
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
        return check_ole(path)
    for magic, what in _BINARY_MAGICS:
        if head.startswith(magic):
            raise ImportRefused(
                f"{shown} is {what}, not a spreadsheet. Ask the agency for the chronology "
                "as an Excel workbook (.xlsx) or a CSV file."
            )
    if head.lstrip().startswith(b"%PDF"):
        return "pdf"
    body = head[3:] if head.startswith(codecs.BOM_UTF8) else head
    check_links(shown, body)
    if head.startswith(b"{\\rtf"):
        return "rtf"  # Rich Text Format, often under a .doc name
    if _HTML_START.match(body) or _is_utf16_markup(head, rb"<(?:!doctype\s+html|html|table)\b"):
        return "html"  # a report's "Export to Excel" written as a web page
    if _MIME_START.match(body) and (b"multipart/related" in head.lower() or _E_MAIL.search(head)):
        return "mht"  # a web archive (the page and its pictures), or an e-mail saved as .eml
    if (
        body.lstrip().startswith(b"<?xml")
        and b"urn:schemas-microsoft-com:office:spreadsheet" in body
    ):
        return "xml2003"
    if SYLK_START.match(body):
        return "sylk"  # Excel's symbolic link format, as old systems export
    if DIF_START.match(body):
        return "dif"  # the Data Interchange Format
    if looks_like_dbase(head, size):
        return "dbase"
    if looks_like_calendar(body):
        return "ics"  # a calendar's appointments (iCalendar)
    if flat_kind(body):
        return "flat"  # LibreOffice's or Word's document written as one XML file
    if looks_like_json(body):
        return "json"
    if looks_like_xml(body):
        return "xml"
    return "csv"


def _is_utf16_markup(head: bytes, pattern: bytes) -> bool:
    """A web page saved as UTF-16 (Excel's "Unicode" web pages) starting with ``pattern``."""
    for bom, codec in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if head.startswith(bom):
            text = head[2:].decode(codec, errors="ignore").encode("utf-8", errors="ignore")
            return re.match(rb"\s*" + pattern, text, re.I) is not None
    return False


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
    if kind == "xml2003":
        workbook = read_xml_workbook(path)
        try:
            yield workbook
        finally:
            workbook.close()
        return
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
            return [], 1, 1, []
        height, width = sheet.height, sheet.width
        check_grid(name, shown, height, width)
        if height > max_rows + HEADER_SCAN_ROWS + 1:
            raise _too_many_rows(name, shown, height, max_rows)
        rows = sheet.to_python(skip_empty_area=True)
        merged = [
            ((r1 - start[0], c1 - start[1]), (r2 - start[0], c2 - start[1]))
            for (r1, c1), (r2, c2) in (sheet.merged_cell_ranges or [])
        ]
        return rows, start[0] + 1, start[1] + 1, merged


def _too_many_rows(sheet: str, shown: str, rows: int, max_rows: int) -> ImportRefused:
    where = f"Sheet '{sheet}' in {shown}" if sheet else shown
    return ImportRefused(
        f"{where} has {rows:,} rows, more than ReviewDesk reads at once ({max_rows:,}). "
        "Split the chronology into smaller files (for example one per year) and import each one."
    )


# Sheets that describe the workbook rather than continue its chronology: never suggested.
_ABOUT_SHEET = re.compile(
    r"^\s*(?:about|cover|front\s*(?:sheet|page)|instructions?|guidance|read\s*me|contents"
    r"|glossary|key|lookups?|lists?|settings|validation|drop\s*downs?)\b",
    re.I,
)
_NOT_CHRONOLOGY_SHEET = re.compile(
    r"\b(?:cover|front|instruction|guidance|guide|notes|contents|index|key|glossary|list|lookup"
    r"|readme|read me|summary|dropdown|drop down|validation|settings|info|about)",
    re.I,
)
# The review's own work beside the chronology (its action plan, recommendations, findings):
# never imported with it unasked.
_REVIEW_WORK_SHEET = re.compile(
    r"\b(?:action|plan|recommend|finding|learning|lesson|analys|episode|improvement"
    r"|terms of ref|genogram)",
    re.I,
)
# Headings of a plan's rows, not of what happened: "Target date", "Due by", "Recommendation".
_PLAN_HEADINGS = re.compile(
    r"\b(?:target|due|deadline|by when|timescale|recommendation|action(?:s)? (?:required|to be)"
    r"|lead officer|rag|status)\b",
    re.I,
)


def _empty_columns_under_headings(rows) -> bool:
    """Whether, in the sheet's first rows, a column holds one cell (a heading) and nothing
    under it while the rows beside it are filled: what formulas never calculated leave."""
    sample = rows[:20]
    if len(sample) < 4:
        return False
    for c in range(max(map(len, sample))):
        filled = [r for r, row in enumerate(sample) if c < len(row) and row[c] not in ("", None)]
        if len(filled) == 1 and filled[0] < len(sample) - 3:
            return True
    return False


_SEE_COMMENT = re.compile(
    r"\s*(?:\(?\s*(?:please\s+)?(?:see|refer\s+to|details\s+in)\s+(?:the\s+)?(?:attached\s+|cell\s+)?"
    r"(?:comments?|notes?)\s*\)?\.?)?\s*",
    re.I,
)


# Excel 365 keeps a threaded comment as an old note too, under its notice to older versions:
# "[Threaded comment]\n\nYour version of Excel allows you to read this threaded comment; ...
# Learn more: https://go.microsoft.com/fwlink/?linkid=870924\n\nComment:\n    …\nReply:\n    …".
_THREAD_PART = re.compile(r"^(Comment|Reply):\s*$", re.M)


def _threaded(text: str) -> tuple[str, list[str]]:
    """A comment's own words and its replies (Excel's notice to older versions left out)."""
    if not text.startswith("[Threaded comment]"):
        return text, []
    parts = _THREAD_PART.split(text)[1:]
    pairs = zip(parts[::2], parts[1::2], strict=True)
    said = [(kind, " ".join(words.split())) for kind, words in pairs]
    comments = [w for kind, w in said if kind == "Comment" and w]
    return " ".join(comments), [w for kind, w in said if kind == "Reply" and w]


def _comments(path: Path, kind: str, name: str, rows, row0: int, col0: int) -> list[str]:
    """Comments (notes) attached to cells are never lost: the text of a cell that is empty or
    only points to its comment ("See comment") is the comment's; every other comment is quoted
    in the notes with its cell and its author."""
    reader = {"ods": cell_comments_ods, "xls": cell_comments_xls}.get(kind, cell_comments)
    found = reader(path, name)
    if not found:
        return []
    taken, quoted = 0, []
    for (r, c), (author, text) in sorted(found.items()):
        text, replies = _threaded(text)
        if author.startswith("tc="):  # a threaded comment's id, not a person
            author = ""
        if not text:
            continue
        at_r, at_c = r - row0 + 1, c - col0 + 1
        if 0 <= at_r < len(rows) and 0 <= at_c < len(rows[at_r]):
            value = rows[at_r][at_c]
            if value is None or isinstance(value, str) and _SEE_COMMENT.fullmatch(value):
                rows[at_r][at_c] = text
                taken += 1
                if not replies:
                    continue
                text = ""
        text = " ".join([text, *(f"Reply: {reply}" for reply in replies)]).strip()
        who = f" ({author})" if author else ""
        quoted.append(
            f"row {r + 1}, column {c + 1}{who}: \u201c{' '.join(text.split())[:200]}\u201d"
        )
    notes = []
    if taken:
        notes.append(
            f"{taken} cell(s) empty or saying only \u201csee comment\u201d: the text of the "
            "comment attached to each is read as the cell's."
        )
    if quoted:
        notes.append(
            f"{len(quoted)} comment(s) attached to cells, not part of the entries: "
            + "; ".join(quoted[:20])
            + ("; …" if len(quoted) > 20 else ".")
        )
    return notes


def _uncalculated(path: Path, name: str, rows, row0: int, col0: int) -> list[str]:
    """Formula cells stored without their value (a library wrote the workbook and nothing
    calculated it) filled with the value read from a simple formula; the others said."""
    cells = uncalculated_formulas(path, name)
    read = unread = 0
    for (r, c), value in cells.items():
        r, c = r - row0 + 1, c - col0 + 1
        if 0 <= r < len(rows) and 0 <= c < len(rows[r]) and rows[r][c] in ("", None):
            if value is None:
                unread += 1
            else:
                rows[r][c] = value
                read += 1
    notes = []
    if read:
        notes.append(
            f"{read} cell(s) hold formulas the program that wrote the file never calculated (no "
            "value stored with them): read from the formula (the text a HYPERLINK shows, a "
            "DATE, a quoted text)."
        )
    if unread:
        notes.append(
            f"{unread} cell(s) hold formulas never calculated that ReviewDesk cannot read: they "
            "are empty here. Open the file in Excel and save it to store their values."
        )
    return notes


def _partial_dates(path: Path, kind: str, name: str, rows, row0: int, col0: int) -> list[str]:
    """Date cells formatted to show only a month (or a year) become that month as text, with
    month precision, instead of the first day the parser gives for them."""
    reader = {"xlsx": partial_date_cells, "xls": partial_date_cells_xls,
              "ods": partial_date_cells_ods}.get(kind)  # fmt: skip
    if reader is None:
        return []
    cells = reader(path, name)
    changed = no_year = 0
    for (r, c), precision in cells.items():
        r, c = r - row0 + 1, c - col0 + 1
        if 0 <= r < len(rows) and 0 <= c < len(rows[r]):
            value = rows[r][c]
            if isinstance(value, date):
                if precision == "no year":
                    # As the cell shows it, "14 Mar": a year banner above can give its year;
                    # otherwise it is flagged, never dated with a year nobody wrote.
                    rows[r][c] = f"{value.day} {value:%b}"
                    no_year += 1
                    continue
                rows[r][c] = f"{value:%b %Y}" if precision == "month" else f"{value:%Y}"
                changed += 1
    notes = []
    if changed:
        notes.append(
            f"{changed} date cell(s) show only a month and year (or a year): read at that "
            "precision, not as the first day."
        )
    if no_year:
        notes.append(
            f"{no_year} date cell(s) show a day and month with no year (a date typed without "
            "its year takes the year it was typed in): read as they show."
        )
    return notes


_STRUCK_READERS = {
    "xlsx": struck_cells,
    "ods": struck_cells_ods,
    "xls": struck_cells_xls,
    "xlsb": struck_cells_xlsb,
}


def _struck_over_merged(struck: dict, merged, row0: int, col0: int) -> dict:
    """The struck cells, each cell merged with a struck one struck as it is (its value is
    filled down into the rows the merged cell covers)."""
    if not struck or not merged:
        return struck
    spread = dict(struck)
    for (r1, c1), (r2, c2) in merged:
        how = struck.get((r1 + row0 - 1, c1 + col0 - 1))
        if how:
            for r in range(r1, r2 + 1):
                for c in range(c1, c2 + 1):
                    spread.setdefault((r + row0 - 1, c + col0 - 1), how)
    return spread


def _with_hidden_rows(table: SheetTable, hidden: list[int], filtered: bool) -> SheetTable:
    """Rows hidden in the workbook (by a filter left on, by hand, under a closed group) are
    part of what the agency sent: imported like any other, and named in a note, so that the
    author can check them (a filter may have been set to hide other people's records)."""
    if not hidden:
        return table
    wanted = set(hidden)
    here = [number for number, _cells in table.rows if number in wanted]
    if not here:
        return table
    return replace(
        table,
        notes=[*table.notes, hidden_note(here, filtered)],
        hidden_rows=here,
        hidden_by_filter=filtered,
    )


def hidden_note(rows: list[int], filtered: bool, left_out: bool = False) -> str:
    """What the report says of the rows hidden in the workbook, imported or left out."""
    how = "by the sheet's filter" if filtered else "in the workbook"
    were = "was" if len(rows) == 1 else "were"
    if left_out:
        return (
            f"{plural(len(rows), 'row')} hidden {how} ({_numbers_shown(rows)}) {were} left out, "
            "as chosen: they are listed with the rows left out."
        )
    note = (
        f"{plural(len(rows), 'row')} hidden {how} ({_numbers_shown(rows)}) {were} imported "
        "like the rest: hidden rows are still part of what was sent."
    )
    if filtered:
        note += " Check with the agency that they belong to this review."
    return note


def without_hidden_rows(table: SheetTable) -> SheetTable:
    """The table with its rows hidden in the workbook left out (listed with why), as the
    author chose; a table hiding none as it is."""
    if not table.hidden_rows:
        return table
    hidden = set(table.hidden_rows)
    how = "hidden by the sheet's filter" if table.hidden_by_filter else "hidden in the workbook"
    left = [
        LeftOut(number, f"{how}: left out, as chosen", " | ".join(
            " ".join(cell_text(c).split()) for c in cells if c not in (None, "")
        )[:200])
        for number, cells in table.rows
        if number in hidden
    ]  # fmt: skip
    imported = hidden_note(table.hidden_rows, table.hidden_by_filter)
    notes = [
        hidden_note(table.hidden_rows, table.hidden_by_filter, left_out=True)
        if note == imported
        else note
        for note in table.notes
    ]
    return replace(
        table,
        rows=[(n, cells) for n, cells in table.rows if n not in hidden],
        notes=notes,
        left_out=sorted([*table.left_out, *left], key=lambda note: note.row),
    )


def _numbers_shown(numbers: list[int]) -> str:
    """'row 6', 'rows 6-9 and 14', the first few runs only."""
    runs: list[list[int]] = []
    for n in numbers:
        if runs and n == runs[-1][1] + 1:
            runs[-1][1] = n
        else:
            runs.append([n, n])
    parts = [f"{a}" if a == b else f"{a}-{b}" for a, b in runs[:8]]
    if len(runs) > 8:
        parts.append(f"{len(runs) - 8} more")
    text = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    return ("row " if len(numbers) == 1 else "rows ") + text


def _struck_through(
    table: SheetTable,
    struck: dict[tuple[int, int], str],
    col0: int,
    words: dict[tuple[int, int], list[str]] | None = None,
    program: str = "Word",
):
    """Rows with text struck through in the file (an entry made in error, a word corrected)
    imported as written and flagged, saying which cells: the panel decides what stands.
    ``struck``: (row, column), both 0-based in the sheet, -> "whole" or "part"; or "tracked"
    for a Word cell holding changes tracked and not yet accepted (read as if accepted).
    ``words``: the same cells' struck words, quoted in the flag (a PDF's, where the text read
    has no formatting to show)."""
    if not struck:
        return table
    by_row: dict[int, dict[int, str]] = {}
    for (r, c), how in struck.items():
        by_row.setdefault(r + 1, {})[c - col0 + 1] = how
    quoted: dict[int, list[str]] = {}
    for (r, _c), said in sorted((words or {}).items()):
        for text in said:
            if text not in quoted.setdefault(r + 1, []):
                quoted[r + 1].append(text)
    flags = dict(table.row_flags)
    marked = fielded = 0
    # Word (and LibreOffice) update every date field at once, so fields showing the day the
    # file was last opened or saved all show one day; fields showing different days have not
    # been updated since they were put in (each the day it was put in): read as shown.
    shown_days = {
        " ".join(str(cells[i]).split())
        for number, cells in table.rows
        for i, how in by_row.get(number, {}).items()
        if how == UPDATING and i < len(cells) and has_content(cells[i])
    }
    stale = len(shown_days) == 1
    tracked: list[int] = []  # rows holding tracked changes: said once, not flagged each
    for number, cells in table.rows:
        found = by_row.get(number)
        if not found:
            continue
        filled = [i for i, value in enumerate(cells) if has_content(value)]
        updating = [i for i in filled if found.get(i) == UPDATING] if stale else []
        struck_here = [
            i for i in filled if not found.get(i, TRACKED).startswith((TRACKED, UPDATING))
        ]
        changed_here = [i for i in filled if found.get(i, "").startswith(TRACKED)]
        reasons = []
        if updating:
            shown = ", ".join(f"\u201c{str(cells[i])[:40]}\u201d" for i in updating)
            reasons.append(
                f"{_cells_named(table, updating)} ({shown}) is a date field Word updates to the "
                "day the document is opened or saved (all such fields show that one day), not a "
                "date typed in: the day of this entry is not known, check it with the agency"
            )
        if struck_here and all(found.get(i) == "whole" for i in filled):
            reasons.append(
                "struck through in the file (often an entry made in error): imported as "
                "written, check with the agency what stands"
            )
        elif struck_here:
            some = "the" if all(found[i] == "whole" for i in struck_here) else "some of the"
            reasons.append(
                f"{some} text of {_cells_named(table, struck_here)} is struck through in the "
                "file: imported as written, check with the agency what stands"
            )
        if changed_here:
            tracked.append(number)
        if not reasons:
            continue
        if quoted.get(number):
            shown = ", ".join(f"\u201c{t[:80]}\u201d" for t in quoted[number][:6])
            reasons[-1] = reasons[-1].replace(" is struck through", f" is struck through ({shown})")
            if reasons[-1].startswith("struck through in the file"):
                reasons[-1] = reasons[-1].replace(
                    "struck through in", f"struck through ({shown}) in", 1
                )
        why = "; ".join(reasons)
        flags[number] = f"{flags[number]}; {why}" if number in flags else why
        if struck_here:
            marked += 1
        else:
            fielded += 1
    notes = list(table.notes)
    if fielded:
        notes.append(
            f"{fielded} row{'s' if fielded != 1 else ''} show{'s' if fielded == 1 else ''} a "
            "date field (Insert > Date and Time, updated automatically) where the date should "
            "be, every one showing the same day: Word shows the day the document is opened "
            "there, so those rows are flagged."
        )
    elif len(shown_days) > 1:
        notes.append(
            f"{len(shown_days)} dates are date fields (Insert > Date and Time, updated "
            "automatically) showing different days, so not updated since they were put in: "
            "read as shown."
        )
    if marked:
        notes.append(
            f"{marked} row{'s' if marked != 1 else ''} with text struck through in the file: imported as "
            "written and flagged, so the panel can see what the agency crossed out."
        )
    if tracked:
        # An IMR typed with tracking on holds changes in every row: one note, not a flag each.
        shown = ", ".join(map(str, tracked[:8])) + (", …" if len(tracked) > 8 else "")
        notes.append(
            f"{len(tracked)} row{'s' if len(tracked) != 1 else ''} "
            f"(row{'s' if len(tracked) != 1 else ''} {shown}) "
            f"{'hold' if len(tracked) != 1 else 'holds'} changes tracked in {program} and not yet "
            "accepted: read as if accepted (deleted words left out, inserted words kept); ask "
            "the agency for its final version if they may not all stand."
        )
    notes += _tracked_deletions(table, by_row, program)
    if not (marked or fielded or tracked or len(notes) > len(table.notes)):
        return table
    return replace(table, row_flags=flags, notes=notes)


def _tracked_deletions(
    table: SheetTable, by_row: dict[int, dict[int, str]], program: str = "Word"
) -> list[str]:
    """What was deleted with changes tracked in Word (not yet accepted), said in the notes so
    nothing the agency wrote goes unseen: the rows deleted whole (left out), and the words
    deleted in the rows imported."""
    imported = {number for number, _cells in table.rows}
    whole, words = [], []
    for number in sorted(by_row):
        gone = [how.split("|", 1)[1] for _c, how in sorted(by_row[number].items())
                if how.startswith(f"{TRACKED}|")]  # fmt: skip
        if not gone:
            continue
        shown = " | ".join(gone)
        shown = shown if len(shown) <= 200 else shown[:199] + "…"
        (words if number in imported else whole).append(f'row {number}: "{shown}"')
    notes = []
    if whole:
        notes.append(
            f"{len(whole)} row{'s' if len(whole) != 1 else ''} deleted in {program} with changes "
            f"tracked (not yet accepted) {'are' if len(whole) != 1 else 'is'} left out; what "
            f"{'they' if len(whole) != 1 else 'it'} held: "
            + "; ".join(whole[:20])
            + ("; …" if len(whole) > 20 else ".")
        )
    if words:
        notes.append(
            f"Words deleted in {program} with changes tracked (not yet accepted), left out of the "
            "entries: " + "; ".join(words[:20]) + ("; …" if len(words) > 20 else ".")
        )
    return notes


def _cells_named(table: SheetTable, columns: list[int]) -> str:
    named = [table.headers[i] for i in columns if i < len(table.headers)]
    return ", ".join(f"'{h}'" for h in named if h) or "some cells"


def _read_workbook(
    path: Path,
    workbook: CalamineWorkbook,
    kind: str,
    sheets: list[str] | None,
    all_sheets: bool,
    header_row: int | None,
    max_rows: int,
    progress=_no_one,
) -> list[SheetTable]:
    shown = path.name
    names = list(workbook.sheet_names)

    loaded: dict[str, tuple] = {}

    def build(name: str, notes: list[str]) -> SheetTable:
        rows, row0, col0, merged = loaded.pop(name, None) or _sheet_rows(
            workbook, name, shown, kind, max_rows
        )
        progress(0, 0)
        notes = notes + _partial_dates(path, kind, name, rows, row0, col0)
        if kind == "xlsx" and _empty_columns_under_headings(rows):
            notes = notes + _uncalculated(path, name, rows, row0, col0)
        progress(0, 0)
        if kind in ("xlsx", "ods", "xls"):
            notes = notes + _comments(path, kind, name, rows, row0, col0)
        if kind == "ods" and not merged:
            merged = merged_cells_ods(path, name, row0 - 1, col0 - 1)
        table = _build_table(
            shown,
            name,
            rows,
            row0,
            col0,
            notes,
            max_rows,
            sheets=names,
            header_row=header_row,
            merged=merged,
        )
        progress(0, 0)
        if kind in ("xlsx", "ods"):
            reader = hidden_rows if kind == "xlsx" else hidden_rows_ods
            table = _with_hidden_rows(table, *reader(path, name))
        reader = _STRUCK_READERS.get(kind)
        if reader is None:
            return table
        progress(0, 0)
        struck = _struck_over_merged(reader(path, name), merged, row0, col0)
        return _struck_through(table, struck, col0)

    if sheets:
        for sheet in sheets:
            if sheet not in names:
                listed = ", ".join(f"'{n}'" for n in names)
                raise ImportRefused(
                    f"{shown} has no sheet called '{sheet}'. Its sheets are: {listed}."
                )
        wanted = list(dict.fromkeys(sheets))
        tables = []
        for number, sheet in enumerate(wanted, 1):
            progress(number, len(wanted))
            tables.append(build(sheet, []))
        return tables

    metadata = workbook.sheets_metadata
    hidden = {m.name for m in metadata if m.visible != SheetVisibleEnum.Visible}
    grids = {m.name for m in metadata if m.typ == SheetTypeEnum.WorkSheet} or set(names)
    visible = [n for n in names if n not in hidden and n in grids]
    looked: dict[str, tuple[tuple, tuple]] = {}  # name -> (rank, headings key)
    non_empty: list[str] = []
    headless: dict[str, int] = {}  # sheet -> its rows holding a date, when it has no header
    looking = visible or [n for n in names if n in grids]
    for number, name in enumerate(looking, 1):
        progress(number, len(looking))
        sheet_rows = _sheet_rows(workbook, name, shown, kind, max_rows)
        rows = sheet_rows[0]
        if not rows or all(map(_is_blank, rows)):
            continue
        non_empty.append(name)
        layout = find_layout(rows)
        if layout is None:
            # no header row: kept in case no sheet has one (a cover sheet in front of rows of
            # dated paragraphs or of case-note blocks), ranked by its dated rows
            headless[name] = sum(any(map(_leads_with_date, r[:12])) for r in rows[:500])
            continue
        chronology = layout.score >= 2 and len(rows) > layout.header_index + 1
        rank = (
            chronology,
            "chronolog" in name.lower(),
            not _NOT_CHRONOLOGY_SHEET.search(name),
            layout.score,
            len(rows),
        )
        key = tuple(sorted(normalise_header(h) for h in layout.headings if h))
        looked[name] = (rank, key)
        if chronology or not loaded:
            loaded[name] = sheet_rows
    if not looked:
        if not non_empty:
            raise NothingToRead(f"{shown} holds no chronology rows: every sheet is empty.")
        # (the sheet most like a chronology; the first when none holds dates: it says why
        # no table was found there)
        best = max(non_empty, key=lambda n: headless.get(n, 0))
        return [build(best, [])]
    best = max(looked, key=lambda n: looked[n][0])
    chosen = [best]
    if all_sheets:
        chosen = [n for n in looked if looked[n][0][0]] or [best]
    elif looked[best][0][0]:
        # Sheets with the same columns continue the same chronology (one sheet a year...).
        chosen = [n for n in looked if looked[n][0][0] and looked[n][1] == looked[best][1]]
    notes = []
    if len(chosen) > 1:
        chosen, notes = leave_out_examples_and_copies(chosen, best, lambda n: loaded[n][0])
    others = [n for n in looked if n not in chosen and looked[n][0][0]]
    others = [
        n
        for n in others
        if not any(f"'{n}'" in note for note in notes)
        and not _ABOUT_SHEET.search(n)
        and not lists_sheets(loaded[n][0], names, n)
    ]
    if len(chosen) > 1:
        listed = ", ".join(f"'{n}'" for n in chosen)
        notes.append(f"Sheets {listed} have the same columns: all of them are imported.")
    # Sheets of dated entries under headings of their own (a workbook's contacts sheet and its
    # meetings sheet): more of the chronology, imported with it, each under its own headings.
    also = [n for n in others if not _NOT_CHRONOLOGY_SHEET.search(n)
            and not _REVIEW_WORK_SHEET.search(n)
            and _dated_entries(loaded[n][0])] if looked[best][0][0] else []  # fmt: skip
    if also:
        chosen = chosen + also
        others = [n for n in others if n not in also]
        listed = ", ".join(f"'{n}'" for n in also)
        notes.append(
            f"{listed} also hold dated entries, under other columns: imported too, each with "
            "its own columns."
        )
    if others:
        listed = ", ".join(f"'{n}'" for n in others)
        notes.append(
            f"{listed} may hold more of the chronology with other columns: import them too "
            "with --all-sheets (or --sheet NAME), or tick them in the import window."
        )
    for name in list(loaded):
        if name not in chosen:
            del loaded[name]
    return [build(name, notes if name == chosen[0] else []) for name in chosen]


_TEXT_DATE = re.compile(r"\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}")


def _leads_with_date(value: Any) -> bool:
    """Whether a cell is a date or text starting with one ("14/03/2016 - Home visit")."""
    if value.__class__ is str:
        return _TEXT_DATE.match(value.lstrip()) is not None or is_date_like(value)
    return isinstance(value, date)


def _dated_entries(rows: list[list[Any]]) -> bool:
    """Whether a sheet's rows under its header are entries: one column of days (date cells or
    dates written out) in nearly every row, another of text a sentence long."""
    from app.chronology.dates import parse_date

    layout = find_layout(rows)
    if layout is None:
        return False
    if any(isinstance(h, str) and _PLAN_HEADINGS.search(h) for h in layout.headings):
        return False  # an action plan's rows, each with its target date
    data = [r for r in rows[layout.header_index + 1 :][:60] if not _is_blank(r)]
    if len(data) < 2:
        return False
    width = max(map(len, data))
    dated = texts = False
    for at in range(width):
        cells = [r[at] for r in data if at < len(r) and r[at] not in (None, "")]
        if len(cells) < 0.8 * len(data):
            continue
        days = sum(
            isinstance(v, date) or (isinstance(v, str) and parse_date(v).precision == "day")
            for v in cells
        )
        dated = dated or days >= 0.8 * len(data)
        words = [v for v in cells if isinstance(v, str) and len(v.split()) >= 6]
        texts = texts or len(words) >= 0.6 * len(data)
    return dated and texts


def lists_sheets(rows: list[list[Any]], names: list[str], own: str) -> bool:
    """Whether a sheet is the workbook's contents or export summary (Apple Numbers writes an
    "Export Summary" sheet listing each sheet and table): its cells name at least half of the
    workbook's other sheets, and it holds no dates."""
    others = {" ".join(n.split()).casefold() for n in names if n != own}
    if not others:
        return False
    named: set[str] = set()
    for cells in rows:
        for value in cells:
            if isinstance(value, date | datetime):
                return False
            if isinstance(value, str):
                text = " ".join(value.split()).casefold()
                if text in others:
                    named.add(text)
                elif _TEXT_DATE.search(text):
                    return False
    return bool(named) and 2 * len(named) >= len(others)


def sheets_holding_chronology(path: str | Path, progress=None) -> list[str]:
    """The sheets of a workbook that look like they hold a chronology ([] for CSV or Word).
    ``progress(sheet, sheets)`` hears of each sheet before it is read (see read_tables)."""
    path = Path(path)
    kind = _recognise(path)
    if kind in ("zip", "flat", "msg"):
        with unwrapped(path, kind) as (inner, _note):
            return sheets_holding_chronology(inner)
    if kind in _NOT_WORKBOOKS:
        return []
    with _workbook(path, kind) as workbook:
        found = []
        names = list(workbook.sheet_names)
        for number, name in enumerate(names, 1):
            if progress is not None:
                progress(number, len(names))
            rows, _r, _c, _m = _sheet_rows(workbook, name, path.name, kind, 10**9)
            layout = find_layout(rows[: HEADER_SCAN_ROWS + 20]) if rows else None
            if layout is not None and layout.score >= 2 and not lists_sheets(rows, names, name):
                found.append(name)
        return found


# --- the table ---------------------------------------------------------------------------------


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


def _rows_under_header(
    data: list[list[Any]], header_row: int, width: int
) -> tuple[list[tuple[int, list[Any]]], list[int], list[int]]:
    """(row number, cells as wide as the table) of each row that is not blank, how many cells
    of each hold something (the readers give "" for an empty cell), and the blank rows."""
    empties = [row.count("") for row in data]
    if set(map(len, data)) == {width}:  # as the readers give a sheet: every row as wide
        half = width / 2
        if max(empties, default=0) < half or not any(
            e == width or (e >= half and _only_spaces(row))
            for row, e in zip(data, empties, strict=True)
        ):
            numbers = range(header_row + 1, header_row + 1 + len(data))
            return list(zip(numbers, data, strict=True)), [width - e for e in empties], []
    table_rows: list[tuple[int, list[Any]]] = []
    filled_counts: list[int] = []
    blank: list[int] = []
    append = table_rows.append
    number = header_row
    for row, empty in zip(data, empties, strict=True):
        number += 1
        length = len(row)
        if empty == length or (2 * empty >= length and _only_spaces(row)):
            blank.append(number)
            continue
        if length > width:
            row = row[:width]
            empty = row.count("")
            length = width
        elif length < width:  # a short CSV line: the padding holds nothing
            row = row + [""] * (width - length)
        filled_counts.append(length - empty)
        append((number, row))
    return table_rows, filled_counts, blank


def _numbered_by_lines(table: SheetTable, lines: list[int]) -> SheetTable:
    """``table`` with each row numbered by the line of the file it starts on (``lines``, by
    row number from 1): a row holding a line break written as an escape runs over two lines,
    and the rows after it are reported by the lines a text editor shows them on."""

    def line(n: int) -> int:
        return lines[n - 1] if 0 < n <= len(lines) else n

    return replace(
        table,
        header_row=line(table.header_row),
        rows=[(line(n), cells) for n, cells in table.rows],
        left_out=[replace(n, row=line(n.row)) for n in table.left_out],
        row_flags={line(n): why for n, why in table.row_flags.items()},
    )


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
    header_row: int | None = None,
    merged: list | None = None,
    row_flags: dict[int, str] | None = None,
) -> SheetTable:
    where = f"Sheet '{sheet}' in {shown}" if sheet else shown
    if all(map(_is_blank, rows)):
        raise NothingToRead(f"{where} holds no chronology rows: it is empty.")
    fallback = headerless = False
    sorted_header = 0
    blocks = label_blocks(rows) if header_row is None else None
    if blocks is not None:
        rows, block_rows, block_left_out, block_note = blocks
        layout, merged, notes = find_layout(rows, 0), None, [*notes, block_note]
    elif header_row is not None:
        index = header_row - row0
        if not 0 <= index < len(rows) or _is_blank(rows[index]):
            raise ImportRefused(
                f"{where} has nothing on row {header_row} to use as the header. "
                "Choose the row naming the columns (--header-row N)."
            )
        layout = find_layout(rows, index)
    else:
        layout = find_layout(rows)
        moved = header_sorted_down(rows, layout) if layout is not None else None
        if moved is not None:
            # The header moved back over the entries; each row keeps its own number.
            sorted_header, rows, row0 = row0 + layout.header_index, moved, row0 - 1
            layout = find_layout(rows, 0)
        turned = entries_across(rows, layout.score if layout else 0) if len(rows) <= 40 else None
        if turned is not None:
            rows, layout = turned, find_layout(turned)
            notes = [*notes, "The sheet is laid out sideways: the labels down its first column "
                     "are the headings and each column after it an entry (its column number "
                     "is given as its row)."]  # fmt: skip
        split = split_leading_dates(rows) if layout is None or layout.score < 1 else None
        if split is not None:
            if all(r[0] != "Date" for r in split):  # every line dated: head them here
                split, row0 = [["Date", "Entry"], *split], row0 - 1
            rows, layout = split, find_layout(split)
            notes = [*notes, "Each cell starts with its date: the date and the text after it are "
                     "read as two columns."]  # fmt: skip
        if layout is None or layout.score < 1:
            index = next(
                (
                    i
                    for i, row in enumerate(rows[:HEADER_SCAN_ROWS])
                    if sum(1 for v in row if isinstance(v, str) and v.strip()) >= 2
                ),
                -1,
            )
            if index < 0 and layout is None:
                raise ImportRefused(
                    f"{where} has no header row ReviewDesk can find (a row naming the columns, "
                    "such as Date, Event, Outcome). Add one above the first entry and import "
                    "again, or choose the header row (--header-row N)."
                )
            if (
                index >= 0
                and is_an_entry(rows[index])
                and len(rows) > index + 1
                and is_an_entry(rows[index + 1])
            ):
                # No header at all: the first line of values is already an entry, as are those
                # under it (a title may stand above them).
                rows, row0 = [[None] * len(rows[index]), *rows[index:]], row0 + index - 1
                headerless, layout = True, find_layout(rows, 0)
            elif index >= 0:
                layout = find_layout(rows, index)
                fallback = True
    first_header = row0 + layout.header_rows[0]
    header_row = row0 + layout.header_index
    data = rows[layout.header_index + 1 :]
    if len(data) > max_rows:
        raise _too_many_rows(sheet, shown, len(data) + header_row, max_rows)
    if merged:
        notes = notes + fill_merged_down(rows, merged, layout.header_index + 1)

    # The table is as wide as its header, or wider when cells beyond it hold something.
    header_cells = layout.headings
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

    table_rows, filled_counts, blank = _rows_under_header(data, header_row, width)
    texts = [_header_text(c) if c is not None else "" for c in header_cells[:width]]
    first = next((t for t in texts if t), "")
    across = tables_side_by_side(texts, table_rows) if first and texts.count(first) > 1 else None
    if across is not None:
        table_rows, width, across_note = across
        headers, notes = headers[:width], [*notes, across_note]
        filled_counts = [width - cells.count("") for _n, cells in table_rows]
    elif (key := key_beside(texts, table_rows) if "" in texts else None) is not None:
        width, key_note = key
        cut = [(n, cells[:width]) for n, cells in table_rows]
        table_rows = [(n, cells) for n, cells in cut if cells.count("") < width]
        headers, notes = headers[:width], [*notes, key_note]
        filled_counts = [width - cells.count("") for _n, cells in table_rows]
    pairs = text_is_below(table_rows, filled_counts)
    table_rows, left_out = left_out_rows(
        table_rows, layout, filled_counts, group_headings=not pairs
    )
    if layout.pasted_headings:
        notes = notes + name_columns_beyond(headers, header_width, layout, table_rows)
    table_rows, headed_out, headed_notes = dates_from_headings(table_rows, filled_counts)
    if headed_out:
        left_out = sorted(left_out + headed_out, key=lambda n: n.row)
        notes = notes + headed_notes
    if pairs:
        table_rows, headers, joined_notes = join_rows_below(table_rows, headers)
        notes = notes + joined_notes
    notes = notes + pivot_row_labels(headers, table_rows) + plain_text_columns(headers, table_rows)
    notes = notes + database_blanks(headers, table_rows)
    table_rows, headers, labelled_notes = labelled_cells(headers, table_rows)
    table_rows, headers, part_notes = joined_date_parts(headers, table_rows)
    if len(layout.header_cells) == 2:
        table_rows, headers, choice_notes = choice_columns(layout.header_cells, headers, table_rows)
        part_notes = part_notes + choice_notes
    table_rows, line_notes = join_numbered_lines(headers, table_rows)
    table_rows, earlier, version_notes = latest_versions(headers, table_rows)
    if earlier:
        left_out = sorted(left_out + earlier, key=lambda n: n.row)
    part_notes = part_notes + line_notes + version_notes
    notes = notes + labelled_notes + part_notes
    if blocks is not None:  # each block numbered by its first line in the sheet
        header_row = first_header = row0 + block_rows[0]
        table_rows = [(row0 + block_rows[n - row0], cells) for n, cells in table_rows]
        left_out = sorted(
            [LeftOut(row0 + n.row, n.reason, n.text) for n in block_left_out]
            + [LeftOut(row0 + block_rows[n.row - row0], n.reason, n.text) for n in left_out],
            key=lambda n: n.row,
        )
    if not table_rows:
        raise NothingToRead(
            f"{where} holds no chronology rows: there is nothing under the header on row "
            f"{header_row}."
        )

    if headerless:
        found = "the file has no header row: its columns are named by their place"
        beyond = []
    elif blocks is not None:
        found = f"the entries are blocks of labelled lines from row {row0 + block_rows[1]}"
    elif sorted_header:
        found = (
            f"the header is on row {sorted_header}, under the entries (the rows were sorted "
            "with it): the rows above it are the entries"
        )
    elif first_header != header_row:
        found = f"the header is on rows {first_header}-{header_row} (headings over sub-headings)"
    else:
        found = f"the header is on row {header_row}"
    if sheet:
        notes = [f"Used sheet '{sheet}'; {found}.", *notes]
    else:
        notes = [f"{found[0].upper()}{found[1:]}.", *notes]
    if fallback:
        notes.append(
            f"No row looked like a chronology header (Date, Event, Outcome...); row {header_row} "
            "was used as the header. Check the columns, or choose the header row."
        )
    beyond = [name for name in beyond if name in headers]  # (a key beside the table is cut)
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
        left_out=left_out,
        row_flags=row_flags or {},
    )
