"""Safety checks on a chronology file before any parser touches it.

A workbook is a zip archive that can declare (or secretly hold) gigabytes, and a few bytes naming
a far cell can make a parser lay out billions of empty ones. Each check here refuses such a file
with a plain message, before it is parsed, reading it a chunk at a time.
"""

import posixpath
import re
import struct
import zipfile
from collections.abc import Iterator
from pathlib import Path
from xml.etree import ElementTree

from app.chronology.binary_sheets import Damaged, xls_extents, xlsb_extent
from app.errors import UserError

try:  # ISA-L's inflate, zlib's interface
    from isal import isal_zlib as _zlib
except ImportError:  # pragma: no cover - python-isal has wheels wherever ReviewDesk runs
    import zlib as _zlib

MAX_FILE_BYTES = 150 * 1024 * 1024
MAX_UNCOMPRESSED_BYTES = 500 * 1024 * 1024
MAX_COMPRESSION_RATIO = 200  # for archive members over RATIO_CHECK_BYTES
RATIO_CHECK_BYTES = 1024 * 1024
MAX_ARCHIVE_MEMBERS = 10_000
MAX_SHEET_CELLS = 10_000_000  # rows x columns a sheet may span (a parser fills every one)
_EXCEL_ROWS, _EXCEL_COLUMNS = 1_048_576, 16_384  # the grid of a sheet (XFD1048576)

# A sheet is inflated and looked through a quarter of a megabyte at a time: each piece is looked
# through while it is still in the processor's cache, and never the whole sheet (five megabytes
# for 10,000 rows) held at once; a little more work than one piece, but less memory traffic.
_CHUNK = 256 * 1024
_ONE_PIECE = _CHUNK
_MAX_INDEX_XML = 10 * 1024 * 1024  # workbook.xml and its relationships

SEND_AGAIN = (
    "Ask the agency to send it again, or open it in Excel, save it again as .xlsx and import that."
)


class ImportRefused(UserError):
    """The file cannot be imported; the message says why and what to do, in plain words."""


class NothingToRead(ImportRefused):
    """The file, or the sheet, holds no rows at all (or none under its header)."""


# --- the file as a whole -----------------------------------------------------------------------


def check_file_size(shown: str, size: int) -> None:
    """Refuse an empty file, and one larger than ReviewDesk reads."""
    if size == 0:
        raise ImportRefused(f"{shown} is empty (0 bytes). Ask the agency to send it again.")
    if size > MAX_FILE_BYTES:
        raise ImportRefused(
            f"{shown} is {size / 1024 / 1024:,.0f} MB, more than ReviewDesk reads "
            f"({MAX_FILE_BYTES // 1024 // 1024} MB). Split the chronology into smaller files "
            "(for example one per year) and import each one."
        )


# --- zip workbooks: checked before calamine sees them -------------------------------------------

# Files already checked in this session: (path, size, mtime) -> kind.
_CHECKED: dict[tuple[str, int, int], str] = {}
# For the same files, the names of the sheets that set a filter (an AutoFilter, or a table,
# which carries one) or hide a row by hand: seen while the check inflates each sheet's XML
# anyway, so that only those sheets are read again for their hidden rows
# (xlsx_formats.hidden_rows).
_FILTERING: dict[tuple[str, int, int], frozenset[str]] = {}


def _key(path: Path, stat) -> tuple[str, int, int]:
    return (str(path.resolve()), stat.st_size, stat.st_mtime_ns)


def sheets_filtering(path: Path) -> frozenset[str] | None:
    """The sheets of a workbook already checked that set a filter (an AutoFilter or a table)
    or hide a row; None when the file has not been checked as it now is."""
    try:
        return _FILTERING.get(_key(Path(path), Path(path).stat()))
    except OSError:
        return None


def _damaged(shown: str) -> ImportRefused:
    return ImportRefused(
        f"{shown} is damaged or incomplete (it may not have finished copying or downloading). "
        + SEND_AGAIN
    )


def _harmful(shown: str, why: str) -> ImportRefused:
    return ImportRefused(
        f"{shown} is refused: {why}, which a real spreadsheet never does (the file is damaged "
        "or made to harm the computer that opens it). Ask the agency to send the chronology "
        "again, saved from Excel as .xlsx."
    )


def check_archive(path: Path, size: int) -> str:
    """Refuse zip bombs and zips that are not workbooks, before any parser inflates anything."""
    shown = path.name
    stat = path.stat()
    key = (str(path.resolve()), size, stat.st_mtime_ns)
    if key in _CHECKED:
        return _CHECKED[key]
    filtering: set[str] = set()
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
            raise password_protected(shown)
        sheets = _sheet_parts(archive, names, kind)
        # Inflate every part once: zipfile stops at the declared size and checks the CRC, so a
        # part that lies about its size is caught here, not inside the parser.
        try:
            for member in members:
                if member.filename in sheets:
                    if _check_extent(archive, member, sheets[member.filename], shown, kind):
                        filtering.add(sheets[member.filename])
                else:
                    chunks = inflated(archive, member)
                    first = next(chunks, b"")
                    if member.filename.lower().endswith("sharedstrings.xml"):
                        _check_text_count(first, shown)
                    for _chunk in chunks:
                        pass
        except (zipfile.BadZipFile, EOFError, ValueError, NotImplementedError, OSError):
            raise _damaged(shown) from None
        except RuntimeError:  # a part encrypted with a zip password
            raise password_protected(shown) from None
    if len(_CHECKED) > 64:
        _CHECKED.clear()
        _FILTERING.clear()
    _CHECKED[key] = kind
    _FILTERING[key] = frozenset(filtering)
    return kind


# Where a document's password to open is removed, by the name the file goes by (the locked
# container is the same whichever Office application wrote it); a workbook otherwise.
_UNLOCK = (
    (re.compile(r"(?i)\.(?:docx?|docm|dotx|dotm|rtf)$"), "Word", "File › Info › Protect Document"),
    (re.compile(r"(?i)\.(?:odt|ott|fodt)$"), "LibreOffice Writer",
     "File › Save As, with “Save with password” unticked"),
    (re.compile(r"(?i)\.(?:ods|ots|fods)$"), "LibreOffice Calc",
     "File › Save As, with “Save with password” unticked"),
    (re.compile(r"(?i)\.(?:pptx?|pptm)$"), "PowerPoint", "File › Info › Protect Presentation"),
)  # fmt: skip


def password_protected(shown: str) -> ImportRefused:
    """The refusal for a workbook or document locked with a password."""
    for name, app, menu in _UNLOCK:
        if name.search(shown):
            return ImportRefused(
                f"{shown} is password-protected. Remove the password in {app} ({menu}), save "
                "it, and import it again; or ask the agency to send it without the password."
            )
    return ImportRefused(
        f"{shown} is password-protected. Remove the password in Excel (File › Info › Protect "
        "Workbook), save it, and import it again."
    )


def _xps_refused(shown: str) -> ImportRefused:
    """The refusal for an XPS or OpenXPS print: a fixed page layout that is not a chronology's
    text in any order ReviewDesk can read."""
    return ImportRefused(
        f"{shown} is an XPS document (a print made with Microsoft XPS Document Writer), which "
        "ReviewDesk cannot read. Ask the agency for the original Word or Excel file, or to "
        "print the chronology again choosing “Microsoft Print to PDF”, and import that PDF."
    )


# A name an Office or LibreOffice file goes by: a zip under such a name that is none of them is
# a damaged or wrongly named file, not an archive sent on purpose.
_OFFICE_NAME = re.compile(r"(?i)\.(?:xl[st][xmb]?|xlam|docx?|docm|dotx|dotm|odt|ods|ott|ots)$")


def _archive_kind(archive: zipfile.ZipFile, names: dict[str, str], shown: str) -> str:
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "xl/workbook.bin" in names:
        return "xlsb"
    if "content.xml" in names:
        mimetype = b""
        if "mimetype" in names and archive.getinfo(names["mimetype"]).file_size < 200:
            mimetype = archive.read(names["mimetype"]).strip()
        text = mimetype.startswith(b"application/vnd.oasis.opendocument.text")
        if text or mimetype in (b"", b"application/vnd.oasis.opendocument.spreadsheet"):
            manifest = names.get("meta-inf/manifest.xml")
            if manifest and archive.getinfo(manifest).file_size < _MAX_INDEX_XML:
                if b"encryption-data" in archive.read(manifest):
                    raise password_protected(shown)
            return "odt" if text else "ods"  # (a Writer document, or its template)
        raise ImportRefused(
            f"{shown} is an OpenDocument file but not a spreadsheet. If the chronology is a "
            "table, copy it into a spreadsheet, save it as .xlsx or .ods and import that."
        )
    if "word/document.xml" in names:
        return "docx"
    if "ppt/presentation.xml" in names:
        return "pptx"  # its tables are read (wrapped_files.pptx_grids)
    if _is_xps(archive, names):
        raise _xps_refused(shown)
    if "index/document.iwa" in names:  # Apple's iWork: Numbers, Pages or Keynote
        raise iwork_refused(shown, any(n.startswith("index/tables/") for n in names))
    if not _OFFICE_NAME.search(shown):  # a .zip holding an export: the file inside is read
        return "zip"
    raise ImportRefused(
        f"{shown} is a zip archive, not a spreadsheet. If the chronology is inside it, extract "
        "it first and import the spreadsheet itself."
    )


def _is_xps(archive: zipfile.ZipFile, names: dict[str, str]) -> bool:
    """An XPS or OpenXPS package: its parts are fixed pages (.fpage) in fixed documents, or its
    package relationships name XPS's fixed representation."""
    if any(n.endswith((".fpage", ".fdseq", ".fdoc")) for n in names):
        return True
    rels = names.get("_rels/.rels")
    if rels and archive.getinfo(rels).file_size < _MAX_INDEX_XML:
        text = archive.read(rels)
        return b"/fixedrepresentation" in text or b"openxps.org" in text
    return False


_IWORK = {
    ".numbers": ("Numbers", "File › Export To › Excel", "Excel workbook (.xlsx)"),
    ".pages": ("Pages", "File › Export To › Word", "Word document (.docx)"),
    ".key": ("Keynote", "File › Export To › PDF", "PDF"),
}


def iwork_refused(shown: str, tables: bool = True) -> ImportRefused:
    """The refusal for a file of Apple's Numbers, Pages or Keynote (their own compressed
    format, which only those apps read), naming the export that gives a readable copy."""
    suffix = Path(shown).suffix.lower()
    app, menu, kind = _IWORK.get(suffix, _IWORK[".numbers" if tables else ".pages"])
    return ImportRefused(
        f"{shown} is an Apple {app} file, which only {app} can read. Ask the agency to open it "
        f"in {app} and use {menu}, and to send the {kind}; then import that."
    )


# An Excel web query (.iqy), as SharePoint's "Export to Excel" of a list gives: "WEB", its
# version, then the address Excel fetches the rows from.
_WEB_QUERY = re.compile(rb"\s*WEB\s*\r?\n\s*\d+\s*\r?\n\s*https?://", re.I)
# A Google Drive for desktop shortcut (.gsheet, .gdoc): a line of JSON naming the document.
_GOOGLE_SHORTCUT = re.compile(
    rb'"doc_id"\s*:.{0,400}?docs\.google\.com/(spreadsheets|document|presentation)/', re.S
)
_GOOGLE = {
    b"spreadsheets": ("Google Sheets", "Microsoft Excel (.xlsx)"),
    b"document": ("Google Docs", "Microsoft Word (.docx)"),
    b"presentation": ("Google Slides", "PDF document (.pdf)"),
}


def check_links(shown: str, head: bytes) -> None:
    """Refuse a file that only points at the chronology somewhere else (an Excel web query, a
    Google Drive shortcut), saying how to get the chronology itself."""
    if _WEB_QUERY.match(head):
        raise ImportRefused(
            f'{shown} is an Excel web query (.iqy), as SharePoint\'s "Export to Excel" gives: '
            "it holds only the list's address, not its rows. Open it in Excel while signed in "
            "to SharePoint, save what Excel shows as an Excel Workbook (.xlsx) and import "
            'that, or use the list\'s "Export to CSV".'
        )
    found = _GOOGLE_SHORTCUT.search(head) if b'"doc_id"' in head else None
    if found:
        app, kind = _GOOGLE[found[1]]
        raise ImportRefused(
            f"{shown} is a Google Drive shortcut to a {app} file, not the file itself (the "
            f"file stays online). Open it in {app}, use File › Download › {kind} and import "
            "the downloaded file."
        )


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _sheet_parts(archive: zipfile.ZipFile, names: dict[str, str], kind: str) -> dict[str, str]:
    """Archive member -> sheet name for every part the parser may lay out as a grid."""
    if kind == "ods":
        return {names["content.xml"]: ""}
    if kind == "xlsb":  # binary records: the sheets' names are in the binary workbook
        return {
            real: ""
            for lower, real in names.items()
            if re.fullmatch(r"xl/(?:worksheets|macrosheets|dialogsheets)/[^/]+\.bin", lower)
        }
    if kind != "xlsx":
        return {}
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
_XLSX_UNUSUAL_CELL = rb'c(?! r="[A-Z][0-9]{1,5}")[\s/>]'  # (one look ahead: a tenth quicker)
_COLUMN_LETTERS = re.compile(r"([A-Z]{1,3})([0-9]{1,7})")


def _column_number(letters: bytes) -> int:
    number = 0
    for byte in letters:
        number = number * 26 + byte - 64
    return number


def _check_extent(
    archive: zipfile.ZipFile, member: zipfile.ZipInfo, sheet: str, shown: str, kind: str
) -> bool:
    """Refuse a sheet spanning too many cells; True when an .xlsx sheet sets a filter or hides
    a row."""
    filtering: list[bool] = []
    if kind in ("ods", "xlsb"):
        scan = {"ods": _ods_extent, "xlsb": _xlsb_extent}[kind]
    else:

        def scan(archive, member, exact):
            return _xlsx_extent(archive, member, exact, filtering)

    rows, columns = scan(archive, member, exact=False)
    if rows * columns > MAX_SHEET_CELLS:
        rows, columns = scan(archive, member, exact=True)
    if rows > _EXCEL_ROWS or columns > _EXCEL_COLUMNS:
        raise _harmful(shown, "it places a cell beyond the last row or column a sheet can have")
    if rows * columns > MAX_SHEET_CELLS:
        where = f"Sheet '{sheet}' in {shown}" if sheet else shown
        raise ImportRefused(
            f"{where} stretches to row {rows:,} and column {columns:,}, so reading it would "
            f"take {rows * columns:,} cells. Delete the empty rows and columns beyond the "
            "chronology (or copy the chronology into a new workbook), save it and import again."
        )
    return bool(filtering)


def check_grid(sheet: str, shown: str, height: int, width: int) -> None:
    """Refuse a sheet whose grid is too large to fill: one scanned in a legacy .xls before the
    parser opens it, or one the parser has loaded."""
    if height * width > MAX_SHEET_CELLS:
        where = f"Sheet '{sheet}' in {shown}" if sheet else shown
        raise ImportRefused(
            f"{where} spans {height:,} rows and {width:,} columns, so "
            f"reading it would take {height * width:,} cells. Delete the empty rows and "
            "columns beyond the chronology, save it and import again."
        )


def _xlsb_extent(archive: zipfile.ZipFile, member: zipfile.ZipInfo, exact: bool) -> tuple[int, int]:
    return xlsb_extent(archive, member)  # always exact


# The parser sets aside room for as many texts as the shared text list says it holds, before
# reading any: a list claiming four billion would ask for 100 GB at once.
_TEXT_COUNT = re.compile(rb"<(?:[\w.-]+:)?sst\b[^>]*?\suniqueCount\s*=\s*[\"']\s*(\d+)")


def _check_text_count(start: bytes, shown: str) -> None:
    found = _TEXT_COUNT.search(start, 0, 64 * 1024)
    if found and int(found[1]) > MAX_SHEET_CELLS:
        raise _harmful(shown, f"its list of texts says it holds {int(found[1]):,} different texts")


_LOCAL_HEADER = struct.Struct("<4s2B4HL2L2H")  # a member's local header, before its data
_READ = 256 * 1024  # compressed bytes read at a time


def inflated(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> Iterator[bytes]:
    """The member's bytes, inflated a chunk (at most ``_CHUNK``) at a time, never more than
    it declares; its size and CRC are checked at the end (zipfile.BadZipFile when they differ).

    What ``archive.open`` does, with ISA-L's inflate (python-isal) where it is installed: five
    times quicker than zlib's on a large sheet, and every workbook is inflated here once before
    its parser inflates it again. Members neither stored nor deflated go through zipfile.
    """
    if (
        member.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)
        or member.flag_bits & 1
    ):
        with archive.open(member) as stream:
            while chunk := stream.read(_CHUNK):
                yield chunk
        return
    source = _member_data(archive, member)
    inflater = _zlib.decompressobj(-15) if member.compress_type == zipfile.ZIP_DEFLATED else None
    crc = size = 0
    for chunk in _member_output(source, member.compress_size, inflater):
        size += len(chunk)
        if size > member.file_size:
            raise zipfile.BadZipFile("a member holds more than it declares")
        crc = _zlib.crc32(chunk, crc)
        if chunk:
            yield chunk
    if size != member.file_size or crc != member.CRC:
        raise zipfile.BadZipFile("a member's size or CRC is not what it declares")


def _member_data(archive: zipfile.ZipFile, member: zipfile.ZipInfo):
    """The archive's file, at the start of ``member``'s data (after its local header)."""
    source = archive.fp
    if source is None:
        raise ValueError("the archive is closed")
    source.seek(member.header_offset)
    header = source.read(_LOCAL_HEADER.size)
    if len(header) != _LOCAL_HEADER.size or header[:4] != b"PK\x03\x04":
        raise zipfile.BadZipFile("bad local header")
    fields = _LOCAL_HEADER.unpack(header)
    source.seek(fields[-2] + fields[-1], 1)  # the name and extra field
    return source


def _member_output(source, left: int, inflater) -> Iterator[bytes]:
    """What a member's ``left`` bytes from ``source``'s position give: the bytes themselves
    (stored), or what ``inflater`` makes of them, at most ``_CHUNK`` at a time."""
    position = source.tell()
    try:
        while left > 0 or inflater is not None and inflater.unconsumed_tail:
            if inflater is not None and inflater.unconsumed_tail:
                data = inflater.unconsumed_tail
            else:
                source.seek(position)  # (the archive's file is shared: another read may move it)
                data = source.read(min(_READ, left))
                if not data:
                    raise EOFError("the archive ends inside a member")
                left -= len(data)
                position += len(data)
            yield data if inflater is None else inflater.decompress(data, _CHUNK)
        if inflater is not None:
            yield inflater.flush()
    except _zlib.error as error:
        raise zipfile.BadZipFile(f"a member cannot be inflated: {error}") from None


def _whole(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> bytes:
    """A member of a few megabytes, inflated in one call (never past the size it declares,
    its size and CRC checked as ``inflated`` does): no chunks to copy into one piece after."""
    if member.compress_type != zipfile.ZIP_DEFLATED or member.flag_bits & 1:
        return b"".join(inflated(archive, member))
    source = _member_data(archive, member)
    inflater = _zlib.decompressobj(-15)
    try:
        whole = inflater.decompress(source.read(member.compress_size), member.file_size + 1)
    except _zlib.error as error:
        raise zipfile.BadZipFile(f"a member cannot be inflated: {error}") from None
    if len(whole) > member.file_size or inflater.unconsumed_tail:
        raise zipfile.BadZipFile("a member holds more than it declares")
    if len(whole) != member.file_size or _zlib.crc32(whole) != member.CRC:
        raise zipfile.BadZipFile("a member's size or CRC is not what it declares")
    return whole


def _pieces(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> Iterator[bytes]:
    """The member's bytes in chunks that end at a tag boundary (">"); a member no larger than a
    chunk in one piece."""
    if member.file_size <= _ONE_PIECE:
        whole = _whole(archive, member)
        if whole.strip():
            yield whole
        return
    carry = b""
    for chunk in inflated(archive, member):
        buffer = carry + chunk
        cut = buffer.rfind(b">") + 1
        if cut == 0 and len(buffer) > 64 * _CHUNK:
            raise ValueError("no tag boundary")
        carry = buffer[cut:]
        if cut:
            yield buffer[:cut]
    if carry.strip():
        yield carry


def _xlsx_extent(
    archive: zipfile.ZipFile, member: zipfile.ZipInfo, exact: bool, filtering: list | None = None
) -> tuple[int, int]:
    """(rows, columns) a worksheet spans; a safe upper bound unless exact. ``filtering`` is
    given True when the sheet sets a filter (looked for only after its cells, where an
    AutoFilter or a table is named: the cells are not read twice) or hides a row."""
    last: list[bytes] = []  # the last two pieces: what follows the cells is in them
    extent = _xlsx_cells_extent(archive, member, exact, last, filtering)
    if filtering is not None and last and _sets_filter(last):
        filtering.append(True)
    return extent


def _sets_filter(last: list[bytes]) -> bool:
    """Whether what follows a sheet's cells (in its last pieces) sets an AutoFilter or a table."""
    after = last[-1]
    end = after.rfind(b"sheetData>")
    if end >= 0:
        after = after[end:]
    elif len(last) > 1 and (end := last[-2].rfind(b"sheetData>")) >= 0:
        after = last[-2][end:] + after
    return b"autoFilter" in after or b"tablePart" in after


# A row hidden by hand (or under a closed group): <row r="5" hidden="1">.
_HIDDEN = re.compile(rb"hidden")  # (the pattern's search for the word: quicker than ``in``)
_HIDDEN_ROW = re.compile(rb"<(?:\w+:)?row\b[^>]*\bhidden\s*=\s*[\"']\s*(?:1|true)\b")
_SHEET_DATA = re.compile(rb"<([A-Za-z_][\w.-]*:)?sheetData\b")
_WORKSHEET = re.compile(rb"<([A-Za-z_][\w.-]*:)?worksheet\b")


def _xlsx_cells_extent(
    archive: zipfile.ZipFile,
    member: zipfile.ZipInfo,
    exact: bool,
    last: list[bytes],
    hiding: list | None = None,
) -> tuple[int, int]:
    max_row = max_col = 0
    prefix = None
    state = [0, 0]  # (current row, current column) for cells written without a reference
    for piece in _pieces(archive, member):
        last[:] = [last[-1], piece] if last else [piece]
        if prefix is None:
            # The cells' prefix is that of the table holding them (a sheet may declare the
            # namespace as its default and still write <x:sheetData><x:row><x:c ...>).
            found = _SHEET_DATA.search(piece) or _WORKSHEET.search(piece)
            prefix = re.escape(found.group(1)) if found and found.group(1) else b""
            cell_tag = re.compile(rb"<" + prefix + rb"c[\s/>]")
            unusual = re.compile(rb"<" + prefix + _XLSX_UNUSUAL_CELL)
            with_ref = re.compile(rb"<" + prefix + rb'c r="([A-Z]{1,3})([0-9]{1,7})"')
            tokens = re.compile(rb"<" + prefix + rb"(row|c)(?=[\s/>])([^>]*)>")
            # <c r="XFD1048576" s="1"></c>: a styled cell holding nothing, as a self-closed one.
            empty_cell = re.compile(rb"<" + prefix + rb"c(\s[^>]*)?(?<!/)>\s*</" + prefix + rb"c>")
        # A hidden row: one look for the word in each piece, the pattern only where it is.
        if (
            hiding is not None
            and not hiding
            and _HIDDEN.search(piece)
            and _HIDDEN_ROW.search(piece)
        ):
            hiding.append(True)
        if not exact and not unusual.search(piece):
            # Every cell is within A1:Z99999: bounded, no need to look closer.
            max_row, max_col = max(max_row, 99_999), max(max_col, 26)
            continue
        piece = empty_cell.sub(b"", piece)
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
    "__properties_version1.0".encode("utf-16-le"): "outlook",  # an Outlook message's streams
}


def outlook_refused(shown: str, why: str) -> ImportRefused:
    """An Outlook message (.msg) holding no one chronology ReviewDesk can read: what to save
    from it instead."""
    return ImportRefused(
        f"{shown} is an Outlook message (.msg) {why}. If the chronology is attached to it, "
        "save the attachment and import that. If it is in the message itself, save the "
        "message as .eml (the new Outlook or Outlook on the web: Download) or as text or HTML "
        "(Outlook: File › Save As, then Text Only (.txt) or HTML), then import that."
    )


def check_ole(path: Path) -> str:
    """Refuse OLE files that hold an encrypted workbook or a Word or PowerPoint document;
    "msg" for an Outlook message (read as the file attached to it or its text), else "xls"."""
    shown = path.name
    found = set()
    overlap = max(len(name) for name in _OLE_NAMES)
    with open(path, "rb") as handle:
        tail = b""
        while chunk := handle.read(32 * _CHUNK):
            window = tail + chunk
            found.update(kind for name, kind in _OLE_NAMES.items() if name in window)
            tail = window[-overlap:]
    if "outlook" in found:  # (first: a file attached to it holds streams of its own)
        return "msg"
    if "encrypted" in found:
        raise password_protected(shown)
    if "word" in found:
        raise ImportRefused(
            f"{shown} is a Word 97-2003 document (.doc), which ReviewDesk cannot read. Open it "
            "in Word and save it as .docx (File › Save As › Word Document), then import that."
        )
    if "powerpoint" in found:
        raise ImportRefused(f"{shown} is a PowerPoint presentation, not a spreadsheet.")
    try:
        sheets = xls_extents(path)
    except Damaged:
        raise ImportRefused(
            f"{shown} cannot be read as a spreadsheet. Open it in Excel and save it as .xlsx "
            "(File › Save As › Excel Workbook), then import that."
        ) from None
    for rows, columns, room in sheets:
        if rows > 65_536 or columns > 256:  # the grid of an .xls sheet (IV65536)
            raise _harmful(shown, "it places a cell beyond the last row or column a sheet can have")
        check_grid("", shown, rows, columns)
        if room > MAX_SHEET_CELLS:  # far more than its cells fill
            raise _harmful(shown, f"it asks for room for {room:,} cells before reading any")
    return "xls"
