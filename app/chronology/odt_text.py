"""A chronology typed in LibreOffice Writer (or saved from Google Docs) as an OpenDocument text
(.odt): its tables and paragraphs in the order they stand, read as a Word document's.

content.xml is parsed with defusedxml after ``file_guard`` has checked the archive."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

from app.chronology.file_guard import ImportRefused

_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_DC = "{http://purl.org/dc/elements/1.1/}"

# What is no part of the text where it stands: tracked deletions (kept apart, in
# text:tracked-changes), a footnote's number and body, a comment (quoted in the notes).
_SKIPPED = {f"{_TEXT}tracked-changes", f"{_TEXT}note", f"{_OFFICE}annotation"}
_REPEAT_LIMIT = 64  # empty cells or rows repeated to the edge of a table
MAX_CONTENT_BYTES = 60_000_000


def _inline(element, out: list[str], comments: list[str]) -> None:
    """The text of a paragraph's element, its spaces, tabs and line breaks as written."""
    tag = element.tag
    if tag == f"{_OFFICE}annotation":
        words = " ".join(
            "".join(p.itertext()) for p in element.iter(f"{_TEXT}p")
        )  # (its author and date are in dc: elements, not text:p)
        author = next((a.text or "" for a in element.iter(f"{_DC}creator")), "")
        comments.append(f"{' '.join(words.split())}" + (f" ({author})" if author else ""))
    elif tag in _SKIPPED:
        pass
    elif tag == f"{_TEXT}s":
        out.append(" " * min(int(element.get(f"{_TEXT}c", "1") or 1), 100))
    elif tag == f"{_TEXT}tab":
        out.append("\t")
    elif tag == f"{_TEXT}line-break":
        out.append("\n")
    else:
        if element.text:
            out.append(element.text)
        for child in element:
            _inline(child, out, comments)
    if element.tail and tag != f"{_TEXT}p" and tag != f"{_TEXT}h":
        out.append(element.tail)


def _paragraph(element, comments: list[str]) -> str:
    out: list[str] = []
    if element.text:
        out.append(element.text)
    for child in element:
        _inline(child, out, comments)
    return "".join(out)


def _cell_text(cell, comments: list[str]) -> str:
    lines: list[str] = []
    for element in cell:
        _blocks_of(element, lines, [], comments, in_cell=True)
    return "\n".join(line for line in lines).strip()


def _grid(table, comments: list[str]) -> list[list[Any]]:
    rows: list[list[Any]] = []
    for row in table.iter(f"{_TABLE}table-row"):
        if _owner_table(row, table) is False:
            continue
        cells: list[Any] = []
        for cell in row:
            if cell.tag not in (f"{_TABLE}table-cell", f"{_TABLE}covered-table-cell"):
                continue
            text = _cell_text(cell, comments) if cell.tag == f"{_TABLE}table-cell" else ""
            repeat = int(cell.get(f"{_TABLE}number-columns-repeated", "1") or 1)
            cells += [text] * (min(repeat, _REPEAT_LIMIT) if not text else min(repeat, 1000))
        while cells and cells[-1] == "":
            cells.pop()
        repeat = int(row.get(f"{_TABLE}number-rows-repeated", "1") or 1)
        rows += [list(cells) for _ in range(min(repeat, _REPEAT_LIMIT if not cells else 1000))]
    while rows and not rows[-1]:
        rows.pop()
    width = max(map(len, rows), default=0)
    return [r + [""] * (width - len(r)) for r in rows]


def _owner_table(row, table) -> bool:
    """Whether ``row`` belongs to ``table`` itself, not to a table nested in one of its cells
    (whose rows `iter` also finds): found by the parent links built in `read_odt`."""
    parent = _PARENTS.get(id(row))
    while parent is not None and parent.tag != f"{_TABLE}table":
        parent = _PARENTS.get(id(parent))
    return parent is table


_PARENTS: dict[int, Any] = {}


def _blocks_of(element, lines: list[str], blocks: list, comments: list[str], in_cell=False):
    tag = element.tag
    if tag in (f"{_TEXT}p", f"{_TEXT}h"):
        text = _paragraph(element, comments)
        if in_cell:
            lines.append(text)
        else:
            blocks.append(("h" if tag == f"{_TEXT}h" else "p", text))
    elif tag == f"{_TABLE}table":
        grid = _grid(element, comments)
        if in_cell:  # a table inside a cell: its rows as lines of the cell
            lines += [" | ".join(c for c in row if c) for row in grid]
        else:
            blocks.append(("table", grid))
    elif tag in _SKIPPED:
        return
    else:  # lists, sections, frames, text boxes: what they hold, in order
        for child in element:
            _blocks_of(child, lines, blocks, comments, in_cell)


def odt_blocks(data: bytes) -> tuple[list[tuple[str, Any]], list[str]]:
    """The document body's paragraphs ("p", text) and tables ("table", rows of cell texts) in
    order, and the comments attached to the text (quoted in the notes)."""
    from defusedxml.ElementTree import fromstring

    root = fromstring(data)
    _PARENTS.clear()
    for parent in root.iter():
        for child in parent:
            _PARENTS[id(child)] = parent
    try:
        body = root.find(f"{_OFFICE}body/{_OFFICE}text")
        blocks: list[tuple[str, Any]] = []
        comments: list[str] = []
        if body is not None:
            for child in body:
                _blocks_of(child, [], blocks, comments)
        return blocks, comments
    finally:
        _PARENTS.clear()


def read_odt(path: Path, find_layout) -> tuple[list[list[Any]], list[str]]:
    """(rows, notes) of an OpenDocument text's chronology: its tables read as a Word
    document's, the paragraphs outside them as a Word document's paragraphs."""
    from defusedxml import DefusedXmlException

    from app.chronology.word_tables import (
        _with_dated_paragraphs,
        grids_chronology,
        paragraphs_chronology,
    )

    try:
        with zipfile.ZipFile(path) as archive:
            names = {m.filename.lower(): m for m in archive.infolist()}
            member = names["content.xml"]
            if member.file_size > MAX_CONTENT_BYTES:
                raise ImportRefused(
                    f"{path.name} is an OpenDocument text too large to read. Open it in "
                    "LibreOffice, copy the chronology table into a spreadsheet, save it as "
                    ".xlsx or .ods and import that."
                )
            blocks, comments = odt_blocks(archive.read(member))
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, SyntaxError, DefusedXmlException):
        raise ImportRefused(
            f"{path.name} cannot be read as an OpenDocument text: it is damaged. Ask the agency "
            "to send it again."
        ) from None
    note = "Read as an OpenDocument text (LibreOffice Writer, .odt)."
    if comments:
        note += (
            f" {len(comments)} comment(s) in the margin, not part of the entries: "
            + "; ".join(f"\u201c{c[:200]}\u201d" for c in comments[:20])
            + "."
        )
    grids = [b for kind, b in blocks if kind == "table" and b and max(map(len, b)) > 1]
    if not grids:
        texts = [b for kind, b in blocks if kind != "table"]
        found = paragraphs_chronology(texts)
        if found is not None:
            return found[0], [note, *found[1]]
        raise ImportRefused(
            f"{path.name} is an OpenDocument text with no table in it. ReviewDesk reads a "
            "chronology laid out as a table (one row per entry), or as paragraphs each starting "
            "with its date."
        )
    lines = [(kind, b if kind != "table" else "") for kind, b in blocks]
    rows, notes = grids_chronology(grids, path.name, find_layout)
    rows, notes = _with_dated_paragraphs(rows, notes, lines)
    return rows, [note, *notes]
