"""A chronology exported as a web page: many case systems' "Export to Excel" writes an HTML
table and names the file .xls (Excel opens it with a warning); others send .htm or .html. The
page's tables are read as a Word document's are (word_tables.grids_chronology): the cells as a
person sees them, line breaks kept, a cell spanning columns given once, a cell spanning rows
given on each row it covers (like a merged date filled down)."""

from __future__ import annotations

import codecs
import re
from pathlib import Path
from typing import Any

from app.chronology.file_guard import ImportRefused

MAX_PAGE_BYTES = 40 * 1024 * 1024  # a 10,000-entry export is some 5 MB
_MOST_COLUMNS = 512
_MOST_SPAN = 1000  # rows a cell may span; more is a damaged page
_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.I)
_BLOCKS = frozenset(
    "p div li ul ol h1 h2 h3 h4 h5 h6 pre blockquote address section article header footer".split()
)
_DECLARATION = re.compile(r"^\s*<\?xml[^>]{0,200}>")
_SPACES = re.compile(r"[ \t\n\r\f\v\u00a0]+")


def _text_of(raw: bytes) -> str:
    """The page's text, in the encoding it declares (a byte order mark, a meta charset), else
    UTF-8 when it is valid, else Windows-1252 (the commonest single-byte text in the UK)."""
    for bom, codec in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if raw.startswith(bom):
            return raw.decode(codec, errors="replace")
    declared = _CHARSET.search(raw[:4096])
    if declared:
        name = declared.group(1).decode("ascii").lower()
        try:
            codec = codecs.lookup(name).name
        except LookupError:
            codec = ""
        if codec and "utf-16" not in codec and "utf-32" not in codec:
            if codec in ("latin-1", "iso8859-1", "ascii"):
                codec = "cp1252"  # as browsers read them
            try:
                return raw.decode(codec)
            except UnicodeDecodeError:
                pass
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def _cell_text(cell) -> str:
    """What a person sees in the cell: runs of spaces and source line breaks as one space,
    a line break for <br> and between paragraphs or list items."""
    parts: list[str] = []

    def walk(element) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        tag = tag.lower()
        if tag == "br":
            parts.append("\n")
        elif tag in ("script", "style"):
            pass
        else:
            block = tag in _BLOCKS
            if block:
                parts.append("\n")
            if element.text:
                parts.append(_SPACES.sub(" ", element.text))
            for child in element:
                walk(child)
            if block:
                parts.append("\n")
        if element.tail and element is not cell:
            parts.append(_SPACES.sub(" ", element.tail))

    walk(cell)
    lines = (line.strip() for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _span(cell, name: str, most: int) -> int:
    try:
        return max(1, min(int(str(cell.get(name, "1")).strip() or 1), most))
    except ValueError:
        return 1


def _own_rows(table) -> list:
    """The table's rows, not those of tables nested in its cells."""
    return table.xpath("./tr | ./thead/tr | ./tbody/tr | ./tfoot/tr")


def _fill_from_above(cells: list[Any], below: dict[int, tuple[int, str]]) -> None:
    """Give the next columns the cells spanning down into this row from above."""
    while len(cells) in below:
        at = len(cells)
        left, text = below[at]
        cells.append(text)
        if left <= 1:
            del below[at]
        else:
            below[at] = (left - 1, text)


def _grid(table, shown: str) -> list[list[Any]]:
    grid: list[list[Any]] = []
    below: dict[int, tuple[int, str]] = {}  # column -> (rows still covered, text)
    for tr in _own_rows(table):
        cells: list[Any] = []
        for td in tr.xpath("./td | ./th"):
            _fill_from_above(cells, below)
            text = _cell_text(td)
            across = _span(td, "colspan", _MOST_COLUMNS)
            down = _span(td, "rowspan", _MOST_SPAN)
            for offset in range(across):
                if down > 1:
                    below[len(cells)] = (down - 1, text if offset == 0 else "")
                cells.append(text if offset == 0 else "")
            if len(cells) > _MOST_COLUMNS:
                raise ImportRefused(
                    f"{shown} is refused: a row of one of its tables spans more than "
                    f"{_MOST_COLUMNS} columns, which a real export never does. Ask the agency "
                    "to send the chronology again."
                )
        _fill_from_above(cells, below)
        grid.append(cells)
    width = max((len(r) for r in grid), default=0)
    return [r + [""] * (width - len(r)) for r in grid if any(c != "" for c in r)]


def page_grids(path: Path) -> list[list[list[Any]]]:
    """Every table of the page that holds no other table, as rows of cell texts."""
    from lxml import etree, html

    shown = path.name
    raw = path.read_bytes()
    if len(raw) > MAX_PAGE_BYTES:
        raise ImportRefused(
            f"{shown} is a web page of {len(raw) / 1024 / 1024:,.0f} MB, more than ReviewDesk "
            "reads as a web page. Open it in Excel and save it as .xlsx (File › Save As › Excel "
            "Workbook), then import that."
        )
    parser = html.HTMLParser(
        remove_comments=True, remove_pis=True, no_network=True, recover=True, huge_tree=False
    )
    try:
        # (lxml takes no XML declaration on text already decoded)
        text = _DECLARATION.sub("", _text_of(raw), count=1)
        root = html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError):
        root = None
    if root is None:
        raise ImportRefused(
            f"{shown} cannot be read as a web page: it is damaged. Ask the agency to send it again."
        )
    grids = []
    for table in root.iter("table"):
        if table.xpath(".//table"):
            continue  # a table laying out the page around the tables that hold the data
        grid = _grid(table, shown)
        if grid:
            grids.append(grid)
    return grids


def page_chronology(path: Path, find_layout) -> tuple[list[list[Any]], list[str]]:
    """The rows of the page's chronology, and notes (as for a Word document)."""
    from app.chronology.word_tables import grids_chronology

    grids = page_grids(path)
    if not grids:
        raise ImportRefused(
            f"{path.name} is a web page with no table in it. ReviewDesk reads a chronology laid "
            "out as a table (one row per entry). Check the report was run for the right person "
            "and dates, or ask the agency for the chronology as an Excel workbook (.xlsx)."
        )
    rows, notes = grids_chronology(grids, path.name, find_layout)
    what = (
        "a web page saved with a spreadsheet name, as many case systems export to Excel"
        if path.suffix.lower() in (".xls", ".xlsx", ".xlsm", ".csv", ".txt")
        else "a web page"
    )
    return rows, [f"{path.name} is {what}: its tables were read.", *notes]
