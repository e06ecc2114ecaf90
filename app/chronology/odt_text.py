"""A chronology typed in LibreOffice Writer (or saved from Google Docs) as an OpenDocument text
(.odt): its tables and paragraphs in the order they stand, read as a Word document's.

content.xml is parsed with defusedxml after ``file_guard`` has checked the archive."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

from app.chronology.file_guard import ImportRefused
from app.chronology.word_tables import TRACKED, UPDATING

_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_DC = "{http://purl.org/dc/elements/1.1/}"

_STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"

# What is no part of the text where it stands: tracked deletions (kept apart, in
# text:tracked-changes), a comment (quoted in the notes). A footnote's or an endnote's words
# are the author's: kept after the word they hang on, "(footnote 1: ...)".
_SKIPPED = {f"{_TEXT}tracked-changes", f"{_OFFICE}annotation"}
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
    elif tag == f"{_TEXT}note":
        kind = element.get(f"{_TEXT}note-class", "footnote")
        mark = "".join(next(element.iter(f"{_TEXT}note-citation"), element).itertext()).strip()
        body = next(element.iter(f"{_TEXT}note-body"), None)
        words = " ".join(" ".join(p.itertext()) for p in body) if body is not None else ""
        words = " ".join(words.split())
        if words:
            out.append(f" ({kind} {mark}: {words})" if mark else f" ({kind}: {words})")
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


_STRUCK_STYLES: set[str] = set()  # the styles of the document being read that strike through


def _struck_styles(root) -> set[str]:
    """The names of the automatic styles whose text is struck through (a line-through style
    other than "none"), with the styles based on them."""
    styles = {}
    for style in root.iter(f"{_STYLE}style"):
        name = style.get(f"{_STYLE}name")
        line = None
        for props in style.iter(f"{_STYLE}text-properties"):
            line = props.get(f"{_STYLE}text-line-through-style") or line
        styles[name] = (line, style.get(f"{_STYLE}parent-style-name"))
    struck: set[str] = set()
    for name in styles:
        seen, at = set(), name
        while at in styles and at not in seen:
            seen.add(at)
            line, parent = styles[at]
            if line is not None:
                if line != "none":
                    struck.add(name)
                break
            at = parent
    return struck


def _struck_chars(element, striking: bool, counts: list[int]) -> None:
    """Adds to counts [all characters, struck characters] of an element's text."""
    if element.tag in _SKIPPED or element.tag == f"{_TEXT}note":
        if element.tail:
            counts[0] += len(element.tail.strip())
            counts[1] += len(element.tail.strip()) if striking else 0
        return
    name = element.get(f"{_TEXT}style-name") or element.get(f"{_TABLE}style-name")
    inner = striking or name in _STRUCK_STYLES
    if element.text and element.text.strip():
        counts[0] += len(element.text.strip())
        counts[1] += len(element.text.strip()) if inner else 0
    for child in element:
        _struck_chars(child, inner, counts)
    if element.tail and element.tail.strip() and element.tag not in (f"{_TEXT}p", f"{_TEXT}h"):
        counts[0] += len(element.tail.strip())
        counts[1] += len(element.tail.strip()) if striking else 0


def _struck(element) -> str:
    """ "whole", "part" or "" for the text of a cell or paragraph."""
    if not _STRUCK_STYLES:
        return ""
    counts = [0, 0]
    _struck_chars(element, False, counts)
    if not counts[1]:
        return ""
    return "whole" if counts[1] >= counts[0] else "part"


def _grid(table, comments: list[str], strikes: dict | None = None) -> list[list[Any]]:
    rows: list[list[Any]] = []
    for row in table.iter(f"{_TABLE}table-row"):
        if _owner_table(row, table) is False:
            continue
        cells: list[Any] = []
        for cell in row:
            if cell.tag not in (f"{_TABLE}table-cell", f"{_TABLE}covered-table-cell"):
                continue
            text = _cell_text(cell, comments) if cell.tag == f"{_TABLE}table-cell" else ""
            if strikes is not None and text and _FIELDS and _updating(cell):
                strikes[len(rows), len(cells)] = UPDATING
            elif strikes is not None and text and (how := _struck(cell)):
                strikes[len(rows), len(cells)] = how
            elif strikes is not None and _CHANGES and (how := _tracked(cell)):
                strikes[len(rows), len(cells)] = how
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


# Fields showing the day the document is opened, printed or last saved unless fixed
# (text:fixed="true"): LibreOffice's Insert > Field > More Fields > Date, not "(fixed)".
_DATE_FIELDS = tuple(
    f"{_TEXT}{name}"
    for name in ("date", "time", "print-date", "print-time", "modification-date",
                 "modification-time")
)  # fmt: skip
_FIELDS: list[bool] = []  # whether the document being read holds any such field at all


def _updating(cell) -> bool:
    """Whether a cell's text shows a date field that updates, not a date typed in."""
    return any(
        f.tag in _DATE_FIELDS and f.get(f"{_TEXT}fixed", "false") != "true" for f in cell.iter()
    )


# Changes tracked and not yet accepted (Edit > Track Changes > Record): each change's id to
# the words it deleted ("" for an insertion), from the body's text:tracked-changes.
_CHANGES: dict[str, str] = {}


def _tracked_changes(body) -> None:
    found = body.find(f"{_TEXT}tracked-changes") if body is not None else None
    if found is None:
        return
    for region in found.iter(f"{_TEXT}changed-region"):
        key = region.get(f"{_TEXT}id") or region.get("{http://www.w3.org/XML/1998/namespace}id")
        deletion = region.find(f"{_TEXT}deletion")
        words = ""
        if deletion is not None:
            words = " ".join(
                " ".join("".join(p.itertext()).split())
                for p in deletion
                if p.tag in (f"{_TEXT}p", f"{_TEXT}h")
            ).strip()
        _CHANGES[key or ""] = words


def _tracked(cell) -> str:
    """ "tracked" or "tracked|<the words deleted>" for a cell holding changes tracked and not
    yet accepted (read as if accepted, as Word's are); "" for one holding none."""
    marks = [
        m.get(f"{_TEXT}change-id", "")
        for m in cell.iter()
        if m.tag in (f"{_TEXT}change", f"{_TEXT}change-start")
    ]
    if not marks:
        return ""
    gone = " / ".join(_CHANGES[m] for m in marks if _CHANGES.get(m))
    return f"{TRACKED}|{gone}" if gone else TRACKED


def _owner_table(row, table) -> bool:
    """Whether ``row`` belongs to ``table`` itself, not to a table nested in one of its cells
    (whose rows `iter` also finds): found by the parent links built in `read_odt`."""
    parent = _PARENTS.get(id(row))
    while parent is not None and parent.tag != f"{_TABLE}table":
        parent = _PARENTS.get(id(parent))
    return parent is table


_PARENTS: dict[int, Any] = {}
_STRIKES: list[dict] = []  # a table's struck cells, one dict a table, in order
_STRUCK_PARAGRAPHS: list[tuple[str, str]] = []  # (text, "whole" or "part") outside tables
_FIELD_PARAGRAPHS: list[tuple[str, str]] = []  # (text, what its date field shows) outside tables


def _blocks_of(element, lines: list[str], blocks: list, comments: list[str], in_cell=False):
    tag = element.tag
    if tag in (f"{_TEXT}p", f"{_TEXT}h"):
        text = _paragraph(element, comments)
        if in_cell:
            lines.append(text)
        else:
            blocks.append(("h" if tag == f"{_TEXT}h" else "p", text))
            if how := _struck(element):
                _STRUCK_PARAGRAPHS.append((text, how))
            if _FIELDS:
                _FIELD_PARAGRAPHS.extend(
                    (text, "".join(f.itertext()).strip())
                    for f in element.iter()
                    if f.tag in _DATE_FIELDS and f.get(f"{_TEXT}fixed", "false") != "true"
                )
    elif tag == f"{_TABLE}table":
        strikes: dict = {}
        grid = _grid(element, comments, None if in_cell else strikes)
        if in_cell:  # a table inside a cell: its rows as lines of the cell
            lines += [" | ".join(c for c in row if c) for row in grid]
        else:
            blocks.append(("table", grid))
            _STRIKES.append(strikes)
    elif tag in _SKIPPED:
        return
    else:  # lists, sections, frames, text boxes: what they hold, in order
        for child in element:
            _blocks_of(child, lines, blocks, comments, in_cell)


def odt_blocks(
    data: bytes,
    strikes: list | None = None,
    struck_paragraphs: list | None = None,
    field_paragraphs: list | None = None,
) -> tuple[list[tuple[str, Any]], list[str]]:
    """The document body's paragraphs ("p", text) and tables ("table", rows of cell texts) in
    order, and the comments attached to the text (quoted in the notes). With ``strikes`` and
    ``struck_paragraphs`` (lists), each table's struck cells ((row, column) -> "whole" or
    "part") and the struck paragraphs outside tables ((text, how)) are put in them; with
    ``field_paragraphs``, the paragraphs outside tables holding a date field that updates
    ((text, what the field shows))."""
    from defusedxml.ElementTree import fromstring

    root = fromstring(data)
    _PARENTS.clear()
    _STRIKES.clear()
    _STRUCK_PARAGRAPHS.clear()
    _FIELD_PARAGRAPHS.clear()
    _STRUCK_STYLES.clear()
    _STRUCK_STYLES.update(_struck_styles(root))
    _FIELDS.clear()
    for parent in root.iter():
        for child in parent:
            _PARENTS[id(child)] = parent
        if parent.tag in _DATE_FIELDS and not _FIELDS:
            _FIELDS.append(True)
    try:
        body = root.find(f"{_OFFICE}body/{_OFFICE}text")
        _tracked_changes(body)
        blocks: list[tuple[str, Any]] = []
        comments: list[str] = []
        if body is not None:
            for child in body:
                _blocks_of(child, [], blocks, comments)
        if strikes is not None:
            strikes += _STRIKES
        if struck_paragraphs is not None:
            struck_paragraphs += _STRUCK_PARAGRAPHS
        if field_paragraphs is not None:
            field_paragraphs += _FIELD_PARAGRAPHS
        return blocks, comments
    finally:
        _PARENTS.clear()
        _STRIKES.clear()
        _STRUCK_PARAGRAPHS.clear()
        _FIELD_PARAGRAPHS.clear()
        _STRUCK_STYLES.clear()
        _FIELDS.clear()
        _CHANGES.clear()


def read_odt(
    path: Path, find_layout, struck: dict | None = None
) -> tuple[list[list[Any]], list[str]]:
    """(rows, notes) of an OpenDocument text's chronology: its tables read as a Word
    document's, the paragraphs outside them as a Word document's paragraphs. With ``struck``
    (a dict), the cells of the rows read whose text is struck through are put in it as
    chronology_grid does for Word."""
    from defusedxml import DefusedXmlException

    from app.chronology.word_tables import (
        _with_dated_paragraphs,
        grids_chronology,
        mark_field_paragraphs,
        mark_struck_paragraphs,
        paragraphs_chronology,
    )

    strikes: list[dict] = []
    struck_paragraphs: list[tuple[str, str]] = []
    fields: list[tuple[str, str]] = []
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
            content = archive.read(member)
            blocks, comments = odt_blocks(content, strikes, struck_paragraphs, fields)
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
    tables = [b for kind, b in blocks if kind == "table"]
    keep = [bool(b) and max(map(len, b)) > 1 for b in tables]
    grids = [b for b, k in zip(tables, keep, strict=True) if k]
    strikes = [m for m, k in zip(strikes, keep, strict=True) if k]
    if not grids:
        texts = [b for kind, b in blocks if kind != "table"]
        found = paragraphs_chronology(texts)
        if found is not None:
            if struck is not None:
                mark_struck_paragraphs(found[0], struck_paragraphs, struck)
                mark_field_paragraphs(found[0], fields, struck)
            return found[0], [note, *found[1]]
        if b"<draw:image" in content:
            from app.chronology.word_tables import pictures_refused

            raise pictures_refused(path.name, "an OpenDocument text")
        raise ImportRefused(
            f"{path.name} is an OpenDocument text with no table in it. ReviewDesk reads a "
            "chronology laid out as a table (one row per entry), or as paragraphs each starting "
            "with its date."
        )
    lines = [(kind, b if kind != "table" else "") for kind, b in blocks]
    rows, notes = grids_chronology(
        grids, path.name, find_layout, strikes if struck is not None else None, struck
    )
    rows, notes = _with_dated_paragraphs(rows, notes, lines)
    return rows, [note, *notes]
