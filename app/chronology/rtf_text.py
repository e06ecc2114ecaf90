"""A document in Rich Text Format (RTF): what case systems' "Print to Word" writes, often saved
under a .doc name. Read into the same pieces as a Word document: its tables (rows of cells) and
its paragraphs outside them, in order, so that the chronology is found the same way."""

from __future__ import annotations

import re
from typing import Any

from app.chronology.file_guard import ImportRefused
from app.chronology.word_tables import UPDATING

MAX_RTF_BYTES = 64_000_000  # far beyond any chronology's text; pictures make RTF large

_TOKEN = re.compile(
    rb"\\([a-zA-Z]{1,32})(-?\d{1,10})? ?|\\'([0-9a-fA-F]{2})|\\([^a-zA-Z])|([{}])|[\r\n]+"
    rb"|([^\\{}\r\n]+)"
)
# Destinations whose text is not the document's (tables of fonts and colours, metadata, field
# codes, pictures, headers and footers).
_SKIP = frozenset(
    b"fonttbl colortbl stylesheet info pict object header headerl headerr headerf footer "
    b"footerl footerr footerf listtable listoverridetable rsidtbl generator xmlnstbl themedata "
    b"colorschememapping datastore latentstyles pgdsctbl fldinst revtbl footnote annotation "
    b"atnid atnauthor filetbl nonshppict private userprops docvar".split()
)
_SYMBOLS = {
    b"emdash": "\u2014", b"endash": "\u2013", b"lquote": "\u2018", b"rquote": "\u2019",
    b"ldblquote": "\u201c", b"rdblquote": "\u201d", b"bullet": "\u2022", b"tab": "\t",
    b"line": "\n", b"emspace": " ", b"enspace": " ", b"qmspace": " ",
}  # fmt: skip
# Character formatting that says what stands: struck through (single or double), deleted or
# inserted with changes tracked; \plain ends them all.
_CHANGES = frozenset((b"strike", b"striked", b"deleted", b"revised", b"plain"))
# A field whose result Word replaces with the day the document is opened, saved or printed
# (Insert > Date and Time, "Update automatically"): its code just after \fldinst.
_UPDATING = re.compile(rb"[\s{}]*(?:DATE|TIME|SAVEDATE|PRINTDATE)\b", re.IGNORECASE)


def rtf_blocks(
    data: bytes,
    marks: list | None = None,
    gone_outside: list | None = None,
    struck_paragraphs: list | None = None,
    field_paragraphs: list | None = None,
) -> list[tuple[str, Any]]:
    """The document's blocks in order: ("p", text) for a paragraph outside tables and
    ("table", rows) for a table, each row a list of cell texts.

    Text deleted with changes tracked (\\deleted) is left out and text inserted (\\revised)
    kept: read as if accepted, as Word's tracked changes are. With ``marks`` (a list), each
    table's cells holding struck text or tracked changes are added to it, one dict a table:
    (row, column) -> "whole" or "part" (struck through, \\strike or \\striked), "tracked" or
    "tracked|<the words deleted>", or "updating" (a date field that updates). With
    ``gone_outside``, the words deleted outside tables;
    with ``struck_paragraphs``, (text, "whole" or "part") of each paragraph outside tables
    holding struck text; with ``field_paragraphs``, (text, what the field shows) of each
    paragraph outside tables holding a date field that updates."""
    blocks: list[tuple[str, Any]] = []
    codepage = "cp1252"
    skip = False
    uc = 1
    struck = deleted = revised = False
    stack: list[tuple[bool, int, bool, bool, bool]] = []
    pending = 0  # characters to skip after \uN (its stand-in for readers without Unicode)
    text: list[str] = []  # the paragraph (or cell) being read
    raw = bytearray()  # \'hh bytes not yet decoded
    cell_lines: list[str] = []
    row: list[str] = []
    table: list[list[str]] | None = None
    in_table = False
    star = False
    # Of the cell being read: characters struck and not, words deleted, words inserted.
    seen = {"struck": 0, "plain": 0, "revised": 0, "updating": 0}
    gone: list[str] = []
    row_marks: dict[int, str] = {}
    table_marks: dict[tuple[int, int], str] = {}
    outside_gone: list[str] = []
    # A date field that updates: its code seen, then where its result starts (the text's
    # length, the group's depth), then what it shows, for the paragraph it stands in.
    field_code = False
    field_at: tuple[int, int] | None = None
    shown_fields: list[str] = []

    def emit(piece: str) -> None:
        if deleted:
            (gone if in_table else outside_gone).append(piece)
            return
        text.append(piece)
        letters = len(piece) - piece.count(" ")
        seen["struck" if struck else "plain"] += letters
        if revised:
            seen["revised"] += letters

    def flush_raw() -> None:
        if raw:
            emit(raw.decode(codepage, "replace"))
            raw.clear()

    def end_paragraph() -> str:
        flush_raw()
        done = "".join(text)
        text.clear()
        return done

    def outside(done: str) -> None:
        """A paragraph outside any table."""
        if seen["struck"] and struck_paragraphs is not None and done.strip():
            struck_paragraphs.append((done, "whole" if not seen["plain"] else "part"))
        seen.update(struck=0, plain=0, revised=0, updating=0)
        if shown_fields and field_paragraphs is not None and done.strip():
            field_paragraphs.extend((done, shown) for shown in shown_fields)
        shown_fields.clear()
        blocks.append(("p", done))

    def end_cell() -> None:
        words = " ".join("".join(gone).split())
        if seen["updating"]:
            row_marks[len(row)] = UPDATING
        elif seen["struck"]:
            row_marks[len(row)] = "whole" if not seen["plain"] else "part"
        elif words or seen["revised"]:
            row_marks[len(row)] = f"tracked|{words}" if words else "tracked"
        gone.clear()
        shown_fields.clear()
        seen.update(struck=0, plain=0, revised=0, updating=0)

    for m in _TOKEN.finditer(data):
        word, param, hexa, symbol, brace, plain = m.groups()
        if brace is not None:
            flush_raw()
            if brace == b"{":
                stack.append((skip, uc, struck, deleted, revised))
                star = False
            elif stack:
                skip, uc, struck, deleted, revised = stack.pop()
                if field_at is not None and len(stack) < field_at[1]:
                    shown_fields.append("".join(text)[field_at[0] :].strip())
                    field_at = None
            continue
        if word is not None:
            if word != b"bin" and pending and word == b"u":
                pending = 0
            if skip:
                continue
            if star or word in _SKIP:
                skip, star = True, False
                if word == b"fldinst" and _UPDATING.match(data, m.end(), m.end() + 40):
                    seen["updating"] = 1
                    field_code = True
                continue
            if word == b"fldrslt" and field_code:
                flush_raw()
                field_code = False
                field_at = (sum(map(len, text)), len(stack))
            if word == b"u" and param is not None:
                flush_raw()
                emit(chr(int(param) % 65536))
                pending = uc
            elif word == b"uc" and param is not None:
                uc = int(param)
            elif word in _CHANGES:
                flush_raw()
                on = param is None or param != b"0"
                if word == b"deleted":
                    deleted = on
                elif word == b"revised":
                    revised = on
                elif word == b"plain":
                    struck = deleted = revised = False
                else:
                    struck = on
            elif word == b"ansicpg" and param is not None:
                codepage = f"cp{int(param)}"
                try:
                    b"".decode(codepage)
                except LookupError:
                    codepage = "cp1252"
            elif word == b"par" or word == b"sect" or word == b"page":
                done = end_paragraph()
                if in_table:
                    cell_lines.append(done)
                else:
                    table = None
                    outside(done)
            elif word == b"pard":
                in_table = False
            elif word == b"intbl":
                in_table = True
            elif word == b"cell" or word == b"nestcell":
                cell_lines.append(end_paragraph())
                end_cell()
                row.append("\n".join(line for line in cell_lines if line.strip()).strip())
                cell_lines = []
                in_table = True
            elif word == b"row" or word == b"nestrow":
                if table is None:
                    table = []
                    blocks.append(("table", table))
                    table_marks = {}
                    if marks is not None:
                        marks.append(table_marks)
                if row:
                    for column, how in row_marks.items():
                        if row[column] or how.startswith("tracked|"):
                            table_marks[len(table), column] = how
                    table.append(row)
                row = []
                row_marks = {}
                in_table = False
            elif word in _SYMBOLS:
                flush_raw()
                emit(_SYMBOLS[word])
            continue
        if skip:
            continue
        if hexa is not None:
            if pending:
                pending -= 1
                continue
            raw.append(int(hexa, 16))
            continue
        if symbol is not None:
            if symbol == b"*":
                star = True
                continue
            if pending:
                pending -= 1
                continue
            flush_raw()
            if symbol in (b"\\", b"{", b"}"):
                emit(symbol.decode())
            elif symbol == b"~":
                emit("\u00a0")
            elif symbol == b"_":
                emit("\u2011")
            elif symbol in (b"\n", b"\r"):
                done = end_paragraph()
                if in_table:
                    cell_lines.append(done)
                else:
                    outside(done)
            continue
        if plain is not None:
            chunk = plain
            if pending:
                cut = min(pending, len(chunk))
                chunk, pending = chunk[cut:], pending - cut
            flush_raw()
            raw.extend(chunk)
    done = end_paragraph()
    if done.strip():
        outside(done)
    words = " ".join("".join(outside_gone).split())
    if gone_outside is not None and words:
        gone_outside.append(words)
    return blocks


def read_rtf(path, find_layout, struck: dict | None = None) -> tuple[list[list[Any]], list[str]]:
    """(rows, notes) of an RTF document's chronology: its tables read as a Word document's,
    the paragraphs outside them as a Word document's paragraphs. With ``struck`` (a dict), the
    cells of the rows read whose text is struck through or holds tracked changes are put in it
    as chronology_grid does for Word."""
    from app.chronology.word_tables import (
        _with_dated_paragraphs,
        grids_chronology,
        mark_field_paragraphs,
        mark_struck_paragraphs,
        paragraphs_chronology,
    )

    with open(path, "rb") as handle:
        data = handle.read(MAX_RTF_BYTES + 1)
    if len(data) > MAX_RTF_BYTES:
        raise ImportRefused(
            f"{path.name} is an RTF document too large to read. Open it in Word, copy the "
            "chronology table into Excel, save it as .xlsx and import that."
        )
    from app.chronology.rtf_html import is_html_in_rtf

    if is_html_in_rtf(data):  # an HTML e-mail saved as RTF: its page, tables and all
        return _page_in_rtf(path, data)
    marks: list[dict] = []
    gone: list[str] = []
    struck_paragraphs: list[tuple[str, str]] = []
    fields: list[tuple[str, str]] = []
    blocks = rtf_blocks(data, marks, gone, struck_paragraphs, fields)
    tables = [b for kind, b in blocks if kind == "table"]
    keep = [bool(b) and max(map(len, b)) > 1 for b in tables]
    grids = [b for b, k in zip(tables, keep, strict=True) if k]
    strikes = [m for m, k in zip(marks, keep, strict=True) if k]
    lines = [(kind, b if kind == "p" else "") for kind, b in blocks]
    named = ", named .doc" if path.suffix.lower() == ".doc" else ""
    note = f"Read as an RTF document (Rich Text Format{named})."
    if gone:
        shown = gone[0] if len(gone[0]) <= 200 else gone[0][:199] + "…"
        note += (
            " Words deleted with changes tracked (not yet accepted) outside the table are left "
            f"out: \u201c{shown}\u201d."
        )
    if not grids:
        texts = [t for kind, b in blocks if kind != "table" for t in _texts(kind, b)]
        found = paragraphs_chronology(texts)
        if found is not None:
            if struck is not None:
                mark_struck_paragraphs(found[0], struck_paragraphs, struck)
                mark_field_paragraphs(found[0], fields, struck)
            return found[0], [note, *found[1]]
        raise ImportRefused(
            f"{path.name} is an RTF document with no table in it. ReviewDesk reads a chronology "
            "laid out as a table (one row per entry)."
        )
    if struck is None:
        strikes = None
    rows, notes = grids_chronology(grids, path.name, find_layout, strikes, struck)
    rows, notes = _with_dated_paragraphs(rows, notes, lines)
    return rows, [note, *notes]


def _page_in_rtf(path, data: bytes) -> tuple[list[list[Any]], list[str]]:
    import codecs
    import re

    from app.chronology.rtf_html import html_of_rtf
    from app.chronology.web_tables import read_html_text

    page = re.search(rb"\\ansicpg(\d+)", data[:1024])
    codepage = f"cp{int(page[1])}" if page else "cp1252"
    try:
        codecs.lookup(codepage)
    except LookupError:
        codepage = "cp1252"
    rows, _merged, notes = read_html_text(
        html_of_rtf(data, codepage),
        path.name,
        "an RTF document written from an HTML e-mail (the e-mail's web page, kept inside it)",
    )
    return rows, notes


def _texts(kind: str, block) -> list[str]:
    if kind == "p":
        return [block]
    return [line for row in block for cell in row for line in cell.split("\n")]
