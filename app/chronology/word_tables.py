"""Chronology tables in a Word document (.docx): the IMR template's chronology table, a table
continued over pages with its heading row repeated, several tables in one document."""

import io
import re
import zipfile
from pathlib import Path
from typing import Any

from app.chronology.file_guard import SEND_AGAIN, ImportRefused

_WORD = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# A cell holding changes tracked in Word, not yet accepted: beside "whole" and "part" (struck).
TRACKED = "tracked"
UPDATING = "updating"  # a cell showing a date field's last result, not a date typed in


def _document(path: Path):
    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError

    from app.chronology.word_text import mark_prompts, notes_in_place, unwrap_table_controls

    try:
        try:
            document = Document(str(path))
        except ValueError:
            document = Document(_as_plain_document(path))
    except (PackageNotFoundError, KeyError, ValueError, OSError, zipfile.BadZipFile):
        document = _strict_document(path)
        if document is None:
            raise ImportRefused(
                f"{path.name} cannot be read as a Word document: it is damaged. " + SEND_AGAIN
            ) from None
    unwrap_table_controls(document.element.body)
    notes_in_place(document)
    mark_prompts(document)
    return document


# Word's "Strict Open XML Document" names its parts' vocabularies under purl.oclc.org where a
# usual .docx has schemas.openxmlformats.org (".../wordprocessingml/main" for
# ".../wordprocessingml/2006/main"); the words are the same.
_STRICT = re.compile(
    rb"http://purl\.oclc\.org/ooxml/(wordprocessingml|drawingml|officeDocument|spreadsheetml"
    rb"|presentationml)/"
)


def _strict_document(path: Path):
    """A Strict Open XML document read with its vocabularies renamed to the usual ones; None
    when the file is not one (or cannot be read so)."""
    from docx import Document

    try:
        with zipfile.ZipFile(path) as source:
            if not _STRICT.search(source.read("_rels/.rels")):
                return None
            out = io.BytesIO()
            with zipfile.ZipFile(out, "w") as target:
                for info in source.infolist():
                    data = source.read(info)
                    if info.filename.endswith((".xml", ".rels")):
                        data = _STRICT.sub(rb"http://schemas.openxmlformats.org/\1/2006/", data)
                    target.writestr(info, data)
        out.seek(0)
        return Document(out)
    except Exception:  # noqa: BLE001 - any failure: the file is refused as damaged
        return None


# The main part of a Word template or macro-enabled document (.dotx, .docm, .dotm), which
# python-docx opens only as a document; the text is the same.
_WORD_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_OTHER_MAINS = (
    b"application/vnd.ms-word.document.macroEnabled.main+xml",
    b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    b"application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
)


def _as_plain_document(path: Path) -> io.BytesIO:
    """The document's package in memory with its main part declared a plain document (the
    macros, never run, stay in it unread)."""
    out = io.BytesIO()
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "[Content_Types].xml":
                for other in _OTHER_MAINS:
                    data = data.replace(other, _WORD_MAIN.encode())
            target.writestr(info, data)
    out.seek(0)
    return out


# Word gives a table at most 63 columns; a cell claiming to span millions would be laid out
# once for each of them.
_MOST_COLUMNS = 63


def _check_width(table, shown: str) -> None:
    for tr in table._tbl.tr_lst:
        width = 0
        for tc in tr.tc_lst:
            try:
                width += tc.grid_span
            except (ValueError, TypeError):
                width += 1  # an unreadable span: python-docx reads it as one column
        if width > _MOST_COLUMNS:
            raise ImportRefused(
                f"{shown} is refused: a row of one of its tables spans {width:,} columns, which a "
                "real Word document never does (the file is damaged or made to harm the computer "
                "that opens it). Ask the agency to send the chronology again."
            )


def table_grids(path: Path, document=None, strikes=None) -> list[list[list[str]]]:
    """Every top-level table of the document as rows of cell texts (merged cells once). With
    ``strikes`` (a list), each table's cells whose text is struck through are added to it, one
    {(row, column): "whole" or "part"} a table (empty unless something strikes text)."""
    from app.chronology.word_text import (
        body_tables,
        cell_text,
        deleted_text,
        has_updating_dates,
        updating_date_in,
    )

    document = document or _document(path)
    reader = None
    tracked = False
    fields = strikes is not None and has_updating_dates(document.element.body)
    if strikes is not None:
        from app.chronology.struck_text import cell_tracked, word_strikes, word_tracked

        reader = word_strikes(document)
        tracked = word_tracked(document)
    grids = []
    for table in body_tables(document):
        _check_width(table, path.name)
        grid = []
        struck: dict[tuple[int, int], str] = {}
        if strikes is not None:
            strikes.append(struck)
        spans: list[tuple[int, int]] = []  # (first column, columns) of each merged heading
        for row in table.rows:
            # A row may start further along the table's grid (w:gridBefore, as other word
            # processors indent rows): its cells stand where the grid puts them.
            cells: list[str] = [""] * _cols_before(row)
            previous = None
            for cell in row.cells:
                # A cell merged across columns is given once per column it covers.
                if cell._tc is previous:
                    cells.append("")
                    if not grid:
                        first, count = spans[-1]
                        spans[-1] = (first, count + 1)
                    continue
                if not grid:
                    spans.append((len(cells), 1))
                previous = cell._tc
                cells.append(cell_text(cell._tc).strip())
                if fields and cells[-1] and updating_date_in(cell._tc):
                    struck[len(grid), len(cells) - 1] = UPDATING
                elif reader is not None and cells[-1] and (how := reader.cell(cell._tc)):
                    struck[len(grid), len(cells) - 1] = how
                elif tracked and cell_tracked(cell._tc):
                    # Read as if accepted (deletions out, insertions in), and said so, with
                    # the words deleted ("tracked|words").
                    gone = deleted_text(cell._tc)
                    if cells[-1] or gone:
                        struck[len(grid), len(cells) - 1] = f"{TRACKED}|{gone}" if gone else TRACKED
            grid.append(cells)
        _heading_over_its_data(grid, spans)
        grids.append(grid)
    return grids


# The prompts Word's content controls show until something is entered (its templates' grey
# "Click or tap to enter a date."), printed or saved as plain words by other programs.
_PROMPT = re.compile(
    r"(?:click (?:or tap )?(?:here )?to enter (?:text|a date)|choose an item|"
    r"choose a building block)\.?",
    re.IGNORECASE,
)


def clear_prompts(rows: list[list[Any]]) -> str | None:
    """Cells holding nothing but a Word template's prompt emptied in place (nothing was
    entered in them); what to say of it, or None when no cell held one."""
    cleared = 0
    shown = ""
    for row in rows:
        for i, value in enumerate(row):
            if not isinstance(value, str) or ("lick" not in value and "hoose" not in value):
                continue
            flat = " ".join(value.split())
            if _PROMPT.fullmatch(flat):
                row[i] = ""
                cleared += 1
                shown = shown or flat
    if not cleared:
        return None
    return (
        f"{cleared} cell{'s' if cleared != 1 else ''} still showing a Word template's prompt "
        f"(such as \u201c{shown}\u201d): nothing was entered there, read as empty."
    )


def _cols_before(row) -> int:
    try:
        return max(0, min(int(row.grid_cols_before), _MOST_COLUMNS))
    except (ValueError, TypeError):
        return 0


def _heading_over_its_data(grid: list[list[str]], spans: list[tuple[int, int]]) -> None:
    """A heading cell merged across columns of which only one holds anything in the rows under
    it (the others the grid's room for indented rows): the heading is that column's."""
    for first, count in spans:
        if count < 2 or not grid or not grid[0][first]:
            continue
        filled = {
            c for row in grid[1:] for c in range(first, first + count) if c < len(row) and row[c]
        }
        if len(filled) == 1 and (column := filled.pop()) != first:
            grid[0][column], grid[0][first] = grid[0][first], ""


def chronology_grid(
    path: Path, find_layout, struck: dict | None = None
) -> tuple[list[list[Any]], list[str]]:
    """The rows of the document's chronology: the first table that has a chronology header,
    followed by the tables continuing it (same columns). Returns (rows, notes). With
    ``struck`` (a dict), the cells of those rows whose text is struck through are put in it,
    (row, column) -> "whole" or "part", both counted from 0 in the rows returned."""
    from app.chronology.word_text import hidden_words, prompts_shown

    document = _document(path)
    rows, notes = _chronology_grid(path, document, find_layout, struck)
    if shown := prompts_shown(document):
        notes.append(
            f"{shown} content control{'s' if shown != 1 else ''} of a Word template still "
            f"show{'s' if shown == 1 else ''} the template's prompt (its grey "
            "text): nothing was entered there, read as empty."
        )
    hidden = hidden_words(document)
    if hidden:
        notes.append(
            "Text formatted as hidden in Word (it neither shows nor prints) is left out: "
            f"\u201c{hidden[:200]}\u201d."
        )
    return rows, notes


def _chronology_grid(path: Path, document, find_layout, struck: dict | None):
    strikes: list[dict] | None = [] if struck is not None else None
    every = table_grids(path, document, strikes)
    found = _tables_under_date_headings(every, _captions(document), find_layout, strikes, struck)
    if found is not None:
        return found
    # A table of one column is a box text was typed into, not a table of entries.
    keep = [bool(g) and max(map(len, g)) > 1 for g in every]
    grids = [g for g, k in zip(every, keep, strict=True) if k]
    if strikes is not None:
        strikes = [s for k, s in zip(keep, strikes, strict=True) if k]
    from app.chronology.word_text import body_lines

    lines = list(body_lines(document))
    if not grids:
        texts = [text for kind, text in lines if kind != "table"]
        found = paragraphs_chronology(texts)
        if found is not None:
            if struck is not None:
                mark_struck_paragraphs(found[0], _struck_paragraphs(document), struck)
                from app.chronology.word_text import updating_paragraphs

                mark_field_paragraphs(found[0], updating_paragraphs(document), struck)
            if len(every) > len(grids):
                found[1][:] = [n.replace("has no table:", "has no table of entries:")
                               for n in found[1]]  # fmt: skip
                found[1].append("The text typed into a one-column table (a box) is read as "
                                "paragraphs.")  # fmt: skip
            return found
        if has_pictures(document.element.body):
            raise pictures_refused(path.name, "a Word document")
        raise ImportRefused(
            f"{path.name} is a Word document with no table in it. ReviewDesk reads a chronology "
            "laid out as a table (one row per entry)."
        )
    rows, notes = grids_chronology(grids, path.name, find_layout, strikes, struck)
    return _with_dated_paragraphs(rows, notes, lines)


def alt_chunk_page(path: Path) -> str | None:
    """The web page a Word document was made from when its body is only that page brought in
    whole (w:altChunk, as some case systems write their prints; Word shows the page as the
    document): the pages' text, joined, or None when the document is not so (it has a table
    of its own, or no such page)."""
    try:
        with zipfile.ZipFile(path) as archive:
            # the small list of the body's parts first: most documents bring none in
            if b"/aFChunk" not in archive.read("word/_rels/document.xml.rels"):
                return None
            body = archive.read("word/document.xml")
    except (KeyError, OSError, zipfile.BadZipFile):
        return None
    if b"altChunk" not in body or b"<w:tbl>" in body or b"<w:tbl " in body:
        return None
    from app.chronology.web_tables import _decode

    document = _document(path)
    pages = []
    for chunk in document.element.body.iter(f"{_WORD}altChunk"):
        rid = chunk.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")
        rel = document.part.rels.get(rid)
        if rel is None or rel.is_external:
            continue
        part = rel.target_part
        name = part.partname.lower()
        if "html" in part.content_type or name.endswith((".htm", ".html")):
            pages.append(_decode(part.blob)[0])
        elif part.content_type == "message/rfc822" or name.endswith((".mht", ".mhtml")):
            page = _page_of_web_archive(part.blob)  # the page as a web archive (MHTML)
            if page is not None:
                pages.append(page)
    return "\n".join(pages) if pages else None


def _page_of_web_archive(blob: bytes) -> str | None:
    """The web page (HTML part) of a web archive brought into a Word document."""
    import email
    from email import policy

    message = email.message_from_bytes(blob, policy=policy.default)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            try:
                return part.get_content()
            except (LookupError, ValueError):
                return (part.get_payload(decode=True) or b"").decode("utf-8", errors="replace")
    return None


_PICTURES = (
    "{http://schemas.openxmlformats.org/drawingml/2006/main}blip",
    "{urn:schemas-microsoft-com:vml}imagedata",
)


def has_pictures(body) -> bool:
    """Whether the Word document's body holds a picture (pasted, or a scanned page)."""
    return next(body.iter(*_PICTURES), None) is not None


def pictures_refused(shown: str, kind: str) -> ImportRefused:
    """The refusal of a document whose chronology is only pictures (scanned pages pasted in):
    there is no text to read, and what to ask for."""
    return ImportRefused(
        f"{shown} is {kind} that holds no text of a chronology, only pictures (scanned pages "
        "pasted in, say): ReviewDesk reads text, not pictures of it. Ask the agency for the "
        "chronology as the original spreadsheet or Word file, or have the pictures read by text "
        "recognition (OCR) and import what that makes."
    )


def _struck_paragraphs(document) -> list[tuple[str, str]]:
    """(text, "whole" or "part") of each paragraph of the body holding struck text."""
    from app.chronology.struck_text import word_strikes
    from app.chronology.word_text import paragraph_text

    strikes = word_strikes(document)
    if strikes is None:
        return []
    found = []
    for paragraph in document.element.body.iter(f"{_WORD}p"):
        how = strikes.cell([paragraph])
        if how:
            found.append((paragraph_text(paragraph), how))
    return found


def _flat(value: Any) -> str:
    return "" if value is None else " ".join(str(value).split()).casefold()


def mark_struck_paragraphs(
    rows: list[list[Any]], paragraphs: list[tuple[str, str]], struck: dict
) -> None:
    """Into ``struck``, as for a table's cells, the cells of the entries read from paragraphs
    (``rows``, headings first) that hold a struck paragraph (``paragraphs``: text, "whole" or
    "part"): every cell of an entry that is all one wholly struck paragraph (an entry crossed
    out), else the cell holding it, "part" unless the cell is all struck."""
    for text, how in paragraphs:
        words = _flat(text)
        if len(words) < 3:
            continue
        for r in range(1, len(rows)):
            cells = [_flat(v) for v in rows[r]]
            filled = [c for c, v in enumerate(cells) if v]
            if (
                not filled
                or words not in " ".join(cells[c] for c in filled)
                and not any(cells[c] in words for c in filled if len(cells[c]) >= 12)
            ):
                continue
            if how == "whole" and all(cells[c] in words for c in filled):
                for c in filled:
                    struck[r, c] = "whole"
                break
            longest = max(filled, key=lambda c: len(cells[c]))
            struck[r, longest] = "whole" if how == "whole" and cells[longest] == words else "part"
            break


def mark_field_paragraphs(
    rows: list[list[Any]], fields: list[tuple[str, str]], struck: dict
) -> None:
    """Into ``struck``, as for a table's cells, the date cell of each entry read from a
    paragraph (``rows``, headings first) whose date is a date field that updates (``fields``:
    the paragraph's text and what the field shows, in order), marked UPDATING: the first
    entry after the last one marked whose cell is what the field shows and whose text is the
    paragraph's (or, for a date on a line of its own, the next such entry)."""
    at = 1
    for text, shown in fields:
        want = _flat(shown)
        rest = _flat(text).replace(want, " ", 1).strip(" \u2013\u2014-:;,.")
        rest = " ".join(rest.split())
        for r in range(at, len(rows)):
            cells = [_flat(v) for v in rows[r]]
            hit = [c for c, v in enumerate(cells) if v == want or v.startswith(want + " ")]
            if not hit:
                continue
            joined = " ".join(cells)
            if len(rest) >= 12 and rest[:60] not in joined:
                continue
            struck[r, hit[0]] = UPDATING
            at = r + 1
            break


def _entry_start(text: str) -> tuple[str, str, bool] | None:
    """(date, text, whether the date is a day's) of a paragraph that starts with a date and
    goes on with a sentence of four words or more (not another date, as "14/03/2016 to
    28/11/2016: the period ..."); a date known only so far ("March 2016 – ...") counts when
    a dash, a colon or a tab follows it."""
    from app.chronology.dates import parse_date

    m = _LEADING_DATE.match(text)
    day = m is not None and parse_date(m["date"]).precision == "day"
    if not day:
        m = _LEADING_WORDS.match(text)
        if m is None or not any(c.isdigit() for c in m["date"]) or not parse_date(m["date"]).ok:
            return None
    rest = m["text"].strip()
    words = rest.split()
    if len(words) < 4 or words[0].lower() in ("to", "until", "and") or rest[0].isdigit():
        return None
    return m["date"], rest, day


def _with_dated_paragraphs(rows, notes, lines):
    """The table's rows, and under them the entries typed as paragraphs outside the tables
    (each starting with its date; the paragraphs under one, up to the next heading or table,
    continue it), placed under a Date and an Entry heading of their own. Paragraphs starting
    with a date known only so far are taken when some start with a day's date, or when two or
    more stand below a table and none starts with a day's. Every other paragraph outside the
    tables (an introduction, an analysis) is quoted in a note as left out."""
    found: list[list] = []
    others: list[str] = []
    open_entry = below = False
    for kind, text in lines:
        text = text.strip()
        if kind in ("h", "table"):
            open_entry = False
            below = below or kind == "table"
            continue
        if not text:
            continue
        start = _entry_start(text)
        if start is not None:
            found.append([*start, below])
            open_entry = True
        elif open_entry:
            found[-1][1] = f"{found[-1][1]}\n{text}"
        else:
            others.append(text)
    taken = any(day for _d, _t, day, _b in found) or (
        len(found) >= 2 and all(b for _d, _t, _day, b in found)
    )
    if not taken:
        others = [t for kind, t in lines if kind not in ("h", "table") and t.strip()]
        return rows, [*notes, *_left_out(others)]
    width = max(len(rows[0]), 2) if rows else 2
    pad = [""] * (width - 2)
    first = len(rows) + 2
    note = (
        f"{len(found)} paragraph(s) outside the table start with a date: each is read as an "
        f"entry, with the paragraphs under it (rows {first}-{first + len(found) - 1}, under the "
        f"headings Date and Entry on row {first - 1})."
    )
    signed = _cut_sign_off(found[-1], 1)
    added = [["Date", "Entry", *pad], *([d, t, *pad] for d, t, _day, _b in found)]
    return [*rows, *added], [*notes, note, *signed, *_left_out(others)]


def _left_out(texts: list[str]) -> list[str]:
    """A note quoting the paragraphs outside the tables that are not entries (the first 20,
    100 characters each), so that nothing the author wrote goes unseen."""
    if not texts:
        return []
    quoted = []
    for text in texts[:20]:
        text = " ".join(text.split())
        quoted.append(f"\u201c{text[:100]}{'…' if len(text) > 100 else ''}\u201d")
    more = "; …" if len(texts) > 20 else "."
    return [
        f"{len(texts)} paragraph(s) outside the table are not entries (no date starts them) and "
        f"are left out: {'; '.join(quoted)}{more}"
    ]


def _carry(struck, strikes, table: int, first: int, at: int, places=None, shift=0) -> None:
    """Into ``struck``, table ``table``'s struck cells from its row ``first`` on, that row
    now row ``at`` of the rows read, each column at its place (``places``, or ``shift``
    columns to the right)."""
    if struck is None or not strikes:
        return
    for (r, c), how in strikes[table].items():
        if r < first:
            continue
        c += shift
        if places is not None:
            if c >= len(places):
                continue
            c = places[c]
        struck[at + r - first, c] = how


def _captions(document) -> list[str]:
    """For each top-level table, the last paragraph with text above it ("" when none)."""
    from app.chronology.word_text import _W, _body_blocks, paragraph_text

    captions = []
    last = ""
    for block in _body_blocks(document.element.body):
        if block.tag == f"{_W}p":
            text = paragraph_text(block).strip()
            if text:
                last = text
        elif block.tag == f"{_W}tbl":
            captions.append(last)
            last = ""
    return captions


def _tables_under_date_headings(grids, captions: list[str], find_layout, strikes=None, struck=None):
    """A table per day, each under a heading giving its date ("14 March 2016") and with no date
    column of its own (Time, Practitioner, Event): the rows of them all, each with the date of
    the heading above its table in a Date column. None unless every table with a chronology
    header is so, and there are at least two."""
    from app.chronology.dates import parse_date
    from app.chronology.mapping import header_fields

    if len(grids) < 2 or len(captions) != len(grids):
        return None
    headings = None
    rows: list[list[Any]] = []
    used = 0
    found: dict = {}
    for table, (grid, caption) in enumerate(zip(grids, captions, strict=True)):
        layout = find_layout(grid) if grid else None
        if layout is None or layout.score < 2:
            continue
        if any("date" in header_fields(h) for h in layout.headings if h):
            return None
        read = parse_date(caption) if caption and len(caption) <= 60 else None
        if read is None or not read.start or read.problem:
            return None
        if headings is None:
            headings = layout.headings
            rows.append(["Date", *headings])
        elif [_key(h) for h in layout.headings] != [_key(h) for h in headings]:
            return None
        _carry(found, strikes, table, layout.header_index + 1, len(rows), shift=1)
        for cells in grid[layout.header_index + 1 :]:
            rows.append([caption, *cells])
        used += 1
    if used < 2:
        return None
    if struck is not None:
        struck.update(found)
    return rows, [
        f"The document holds a table for each day, each under a heading giving its date: the "
        f"{used} tables are read as one, each row dated by the heading above its table."
    ]


def grids_chronology(
    grids: list[list[list[Any]]], shown: str, find_layout, strikes=None, struck=None
) -> tuple[list[list[Any]], list[str]]:
    """Of a document's tables (a Word document's, a web page's), the chronology's rows: the
    first table with a chronology header and the tables continuing it. (rows, notes). With
    ``strikes`` (each table's struck cells), those of the rows read are put in ``struck``."""
    scored = []
    for index, grid in enumerate(grids):
        layout = find_layout(grid)
        scored.append((layout.score if layout else 0, index, layout))
    best_score, first, layout = max(scored, key=lambda s: (s[0] >= 2, len(grids[s[1]]) > 2, s[0]))
    if layout is None or best_score < 2:
        from app.chronology.word_forms import form_rows

        found = form_rows(grids, strikes, struck)
        if found is not None:
            return found
    if layout is None:
        headless = _headless_table(grids)
        if headless is not None:
            return headless
        raise ImportRefused(
            f"{shown} has no table that looks like a chronology (a row naming the columns, "
            "such as Date, Event, Outcome, above the entries)."
        )
    del best_score
    width = len(layout.headings)
    rows = list(grids[first])
    used = [first + 1]
    starts = []
    found: dict = {}
    _carry(found, strikes, first, 0, 0)
    for index in range(first + 1, len(grids)):
        grid = grids[index]
        same_width = max(map(len, grid)) == width
        other = find_layout(grid)
        continues = other is None or other.headings == layout.headings
        if same_width and continues:
            starts.append((index + 1, len(rows) + 1))
            _carry(found, strikes, index, 0, len(rows))
            rows.extend(grid)
            used.append(index + 1)
    others = _other_chronology_tables(grids, first, layout, find_layout, used)
    if others:
        tables = sorted([*used, *others])
        return _under_shared_headings(grids, tables, find_layout, others, strikes, struck)
    if struck is not None:
        struck.update(found)
    notes = []
    if len(grids) > 1:
        which = ", ".join(map(str, used))
        notes.append(
            f"Read table {which} of the {len(grids)} tables in the document"
            + (
                "; rows are numbered through them ("
                + ", ".join(f"table {t} starts at row {r}" for t, r in starts)
                + ")."
                if starts
                else "."
            )
        )
    return rows, notes


def _headless_table(grids) -> tuple[list[list[Any]], list[str]] | None:
    """A table with no heading row, its first rows already entries (a date and a sentence), and
    the tables of its width under it: their rows, to be read with the columns named by their
    place. None when no table is so."""
    from app.chronology.layout import is_an_entry

    for index, grid in enumerate(grids):
        if len(grid) >= 2 and is_an_entry(grid[0]) and is_an_entry(grid[1]):
            width = max(map(len, grid))
            rows = list(grid)
            used = [index + 1]
            for later in range(index + 1, len(grids)):
                if max(map(len, grids[later])) == width and is_an_entry(grids[later][0]):
                    rows.extend(grids[later])
                    used.append(later + 1)
            notes = []
            if len(grids) > 1:
                which = ", ".join(map(str, used))
                notes.append(f"Read table {which} of the {len(grids)} tables in the document.")
            return rows, notes
    return None


def _key(heading: str) -> str:
    from app.chronology.mapping import normalise_header

    return normalise_header(heading)


def _other_chronology_tables(grids, first: int, layout, find_layout, used: list[int]) -> list[int]:
    """Tables (numbered from 1) not read with the chronology's first table that have their own
    chronology header with other columns but the same date heading and another in common: the
    same chronology laid out otherwise for a period (a column added, or dropped)."""
    mine = {_key(h) for h in layout.headings if h}
    date_keys = {_key(h) for h in layout.headings if h and "date" in _key(h).split()}
    found = []
    for index, grid in enumerate(grids):
        if index + 1 in used or index == first:
            continue
        other = find_layout(grid)
        if other is None or other.score < 2 or len(grid) <= other.header_index + 1:
            continue
        theirs = {_key(h) for h in other.headings if h}
        if date_keys & theirs and len(mine & theirs) >= 2:
            found.append(index + 1)
    return found


def _under_shared_headings(
    grids, tables: list[int], find_layout, others: list[int], strikes=None, struck=None
):
    """The entries of every table given, each cell under the heading of its own table: the
    columns are the headings of all of them, in the order first met. Returns (rows, notes)."""
    headings: list[str] = []
    keys: list[str] = []
    pieces = []
    for number in tables:
        grid = grids[number - 1]
        layout = find_layout(grid)
        if layout is None:  # a table continuing the one above, without a header of its own
            places = pieces[-1][3] if pieces else list(range(len(grid[0])))
            pieces.append((number, grid, 0, places))
            continue
        places = []
        for heading in layout.headings:
            key = _key(heading) if heading else ""
            if key and key in keys:
                places.append(keys.index(key))
            else:
                keys.append(key or f"column {len(keys) + 1}")
                headings.append(heading)
                places.append(len(headings) - 1)
        pieces.append((number, grid[layout.header_index + 1 :], layout.header_index + 1, places))
    rows: list[list[Any]] = [list(headings)]
    starts = []
    for number, body, first, places in pieces:
        starts.append(f"table {number} from row {len(rows) + 1}")
        _carry(struck, strikes, number - 1, first, len(rows), places)
        for cells in body:
            row = [""] * len(headings)
            for value, place in zip(cells, places, strict=False):
                row[place] = value
            rows.append(row)
    added = ", ".join(str(n) for n in others)
    note = (
        f"Read tables {', '.join(map(str, tables))} of the {len(grids)} tables in the "
        f"document; table {added} heads its columns otherwise, so each table's cells are read "
        f"under their own headings, the headings of all of them on row 1 ({'; '.join(starts)})."
    )
    return rows, [note]


# A date at the start of a paragraph, then a dash, colon, comma, tab or space before the text:
# "14/03/2016 – Home visit...", "14 March 2016: ...", "2016-03-14 10:32 ...", perhaps after the
# entry's typed number ("1. 14/03/2016 ...") or as prose ("On 14 March 2016 the nurse ...").
_LEADING_DATE = re.compile(
    # an entry's number typed before it ("1. ", "2) ", "(3) ", a report's "2.14 "), or prose's
    # "On (the)", or both ("2.3 On 14 March 2016 the ...")
    # or an item's number as minutes give it ("Item 4 – ", "Entry 12: ")
    r"\s*(?:(?:\(?\d{1,3}(?:\.\d{1,3}){0,3}[.)]?\)?\s+"
    r"|(?:[Ii]tem|ITEM|[Ee]ntry|ENTRY)\s+\d{1,4}\s*[-\u2013\u2014:.]?\s+)?(?:[Oo]n\s+(?:the\s+)?)?"
    r"|\[(?=[^\]\n]{6,30}\]))"
    # a chat's stamp, "14/03/2016, 10:32 - ", "[14/03/2016 10:32:07]": the time is the entry's
    r"(?P<date>\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}"
    r"(?:,?\s*(?:at\s+)?\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s?[AaPp]\.?[Mm]\.?(?!\w))?)?"
    r"|\d{4}-\d{2}-\d{2}(?:[ T]\d{1,2}:\d{2})?"
    r"|(?:[A-Za-z]{3,9},?\s+)?\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]{3,9}\.?,?\s+\d{4}"
    r"(?:,?\s*(?:at\s+)?\d{1,2}[:.]\d{2})?)"
    r"\]?\s*(?:[-\u2013\u2014:,]\s*|\t+|\s+)(?P<text>\S.*)",
    re.S,
)


_LEADING_WORDS = re.compile(
    r"\s*(?P<date>[^\t:\u2013\u2014\n]{3,40}?)\s*(?:\s[-\u2013\u2014]\s+|:\s+|\t+)(?P<text>\S.*)",
    re.S,
)


_LEADING_TIME = re.compile(
    r"(?P<time>\d{1,2}[:.]\d{2}(?:\s*(?:am|pm|hrs?))?)\s*(?:[-\u2013\u2014:]\s*|\t+)(?P<text>\S.*)",
    re.I | re.S,
)


# A sentence opening with its time: "At 10:32 the nurse ...", "At about 3pm, ...".
_AT_TIME = re.compile(
    r"at\s+(?:approx\.?\s+|approximately\s+|about\s+|around\s+)?"
    r"(?P<time>\d{1,2}[:.]\d{2}(?:\s*(?:am|pm|hrs?))?|\d{1,2}\s*(?:am|pm))[,:]?\s+\S",
    re.I,
)


def dated_lines(texts, after: list[str] | None = None) -> tuple[list[list[Any]], int]:
    """Rows under a Date and an Entry heading from lines each entry starts with its date (or
    a date on a line of its own heads the lines under it); a line without a date continues the
    entry above. Returns the rows and how many lines came before the first entry. With
    ``after`` (a list), entries numbered within a report's section ("2.3 On 14 March 2016
    ...") end where the next numbered section starts, its lines and all after them added to
    ``after``."""
    from app.chronology.dates import parse_date

    rows: list[list[Any]] = [["Date", "Entry"]]
    before = 0
    heading = ""  # a date on a line of its own, over the day's entries
    section = None  # the section number of numbered entries ("2" of "2.3 On 14 March ...")
    texts = list(texts) if after is not None else texts
    for n, line in enumerate(texts):
        text = line.strip()
        if not text:
            continue
        if (
            section is not None
            and (number := _SECTION.match(text))
            and number[1] != section
            and not _LEADING_DATE.match(text)
        ):
            # a report's next numbered section after its numbered entries ("3. Analysis",
            # "3.1 ..."): the entries end there
            after.extend(t.strip() for t in texts[n:] if t.strip())
            break
        if heading and (t := _LEADING_TIME.match(text)):
            # under a date heading, a line starting with its time is an entry of that day
            if rows[-1][0] == heading and not rows[-1][1]:
                rows.pop()
            rows.append([f"{heading} {t['time']}", t["text"].strip()])
            continue
        if heading and (t := _AT_TIME.match(text)):
            # under a date heading, a sentence opening with its time ("At 10:32 the nurse ...")
            if rows[-1][0] == heading and not rows[-1][1]:
                rows.pop()
            rows.append([f"{heading} {t['time']}", text])
            continue
        m = _LEADING_DATE.match(text)
        if m is None or not parse_date(m["date"]).ok:
            # a date known only so far before a dash, a colon or a tab: "March 2016 – ...",
            # "w/c 04/04/2016 – ...", "Early May 2016: ..."
            m = _LEADING_WORDS.match(text)
            if m and not (any(c.isdigit() for c in m["date"]) and parse_date(m["date"]).ok):
                m = None
        if m:
            rows.append([m["date"], m["text"].strip()])
            heading = ""
            if after is not None:
                number = _SECTION.match(text)
                numbered = number and number[2] and number.end() - 1 <= m.start("date")
                section = number[1] if numbered else None
        elif len(text) <= 40 and parse_date(text).precision == "day":
            rows.append([text, ""])  # a date on a line of its own (a heading): text under it
            heading = text
        elif len(rows) > 1:
            rows[-1][1] = f"{rows[-1][1]}\n{text}" if rows[-1][1] else text
        else:
            before += 1
    return rows, before


# A paragraph's number in a report numbered by section: its section, then the paragraph's own
# number when it has one ("3.", "3.1", "3.1.2").
_SECTION = re.compile(r"\s*(\d{1,3})(?:\.(\d{1,3}))?(?:\.\d{1,3}){0,2}[.)]?\s+\S")


def paragraphs_chronology(texts: list[str]) -> tuple[list[list[Any]], list[str]] | None:
    """(rows, notes) of a chronology written as paragraphs, in the first of the ways such
    documents are written that fits (tab-parted, dated, labelled blocks), or None."""
    return tabbed_paragraphs(texts) or dated_paragraphs(texts) or labelled_paragraphs(texts)


def dated_paragraphs(texts: list[str]) -> tuple[list[list[Any]], list[str]] | None:
    """A chronology written as paragraphs, each entry starting with its date: (rows with a
    Date and an Entry heading, notes), or None when fewer than three paragraphs start so.
    A paragraph without a date continues the entry above; those above the first entry are
    the document's title and introduction."""
    after: list[str] = []
    rows, before = dated_lines(texts, after)
    if len(rows) < 4:
        return None
    note = (
        f"The document has no table: each of the {len(rows) - 1} paragraphs starting with a "
        "date is read as an entry (rows are counted from 2, one an entry), with the paragraphs "
        "under it as its text"
    )
    note += f"; {before} paragraph(s) above the first entry were left out." if before else "."
    from app.chronology.note_headings import split_note_headings

    cut = _cut_sign_off(rows[-1], 1)
    rows, headed = split_note_headings(rows)
    if after:
        cut.append(
            f"The entries are numbered within a section of the report; the {len(after)} "
            "paragraph(s) from the next numbered section on are not entries and are left out: "
            + "; ".join(f"\u201c{' '.join(t.split())[:100]}\u201d" for t in after[:10])
            + ("; …" if len(after) > 10 else ".")
        )
    return rows, [note, *([headed] if headed else []), *cut]


# The author's sign-off in a paragraph under the last entry: "Prepared by Jo Castellan, ...",
# "Completed by ...", "Signed off by ...".
_SIGNED = re.compile(
    r"(?:completed|compiled|prepared|written|signed(?:\s+off)?|approved|authori[sz]ed"
    r"|countersigned|verified|submitted|quality\s+assured)\s+by\b",
    re.I,
)


def _cut_sign_off(entry: list, place: int) -> list[str]:
    """The last entry's text (``entry[place]``) cut before a paragraph under it that signs the
    document off; a note quoting what was cut ([] when nothing is)."""
    lines = str(entry[place]).split("\n")
    at = next((n for n in range(1, len(lines)) if _SIGNED.match(lines[n].strip())), None)
    if at is None:
        return []
    entry[place] = "\n".join(lines[:at])
    cut = " / ".join(" ".join(line.split()) for line in lines[at:] if line.strip())
    return [
        f"The author's sign-off under the last entry is left out of it: \u201c{cut[:200]}\u201d."
    ]


def tabbed_paragraphs(texts: list[str]) -> tuple[list[list[Any]], list[str]] | None:
    """A chronology typed with tabs for columns: a heading line ("Date<tab>Time<tab>Event")
    and entries whose fields stand between the same number of tabs, each starting with its
    date. (rows, notes), or None when the paragraphs are not so. A line without those tabs
    under an entry continues its last field."""
    from app.chronology.dates import parse_date

    lines = [t.strip() for t in texts if t.strip()]
    counts = [line.count("\t") for line in lines]
    dated = [
        (i, n) for i, (line, n) in enumerate(zip(lines, counts, strict=True))
        if n and parse_date(line.split("\t", 1)[0]).ok
    ]  # fmt: skip
    if len(dated) < 3:
        return None
    tabs = max({n for _i, n in dated}, key=lambda n: sum(1 for _i, c in dated if c == n))
    first = dated[0][0]
    if sum(1 for _i, n in dated if n == tabs) < 0.8 * len(dated):
        return None
    header = next((i for i in range(first - 1, -1, -1) if counts[i] == tabs), None)
    if header is None:
        return _headless_tabbed(lines[first:], counts[first:], tabs, first)
    rows: list[list[Any]] = [[c.strip() for c in lines[header].split("\t")]]
    for line, n in zip(lines[first:], counts[first:], strict=True):
        if n == tabs:
            rows.append([c.strip() for c in line.split("\t")])
        else:
            rows[-1][-1] = f"{rows[-1][-1]}\n{line}" if rows[-1][-1] else line
    note = (
        f"The document has no table: its {len(rows) - 1} entries are paragraphs with their "
        "fields between tabs, under the heading line (rows are counted from 2, one an entry)"
    )
    note += f"; {header} paragraph(s) above the heading line were left out." if header else "."
    return rows, [note]


# The print's last line saying it ends: "End of report", "-- End of case notes --".
_END_LINE = re.compile(
    r"[\W_]*end\s+of\s+(?:the\s+)?(?:report|document|case\s+notes|chronology|"
    r"records?|print(?:out)?)[\W_]*",
    re.I,
)


def _headless_tabbed(lines: list[str], counts: list[int], tabs: int, before: int):
    """A case system's notes printed as paragraphs with no heading line: each note's first line
    its date and short fields between tabs ("14/03/2016 10:32<tab>Home visit<tab>Sam Ellery"),
    its text in the paragraphs under it. (rows with no heading row, to be read with the columns named by their
    place, the text under the lines in a column of its own after them; notes), or None when the lines are not so
    (fewer than three fields, or fields too long to be a note's heading line)."""
    if tabs < 2:
        return None
    entries: list[tuple[list[str], list[str]]] = []
    for line, n in zip(lines, counts, strict=True):
        if n == tabs:
            entries.append(([c.strip() for c in line.split("\t")], []))
        else:
            entries[-1][1].append(line)
    if entries[-1][1] and _END_LINE.fullmatch(entries[-1][1][-1]):
        entries[-1][1].pop()
    fields = [f for head, _more in entries for f in head[1:]]
    if (
        not fields
        or max(map(len, fields)) > 60
        or sum(1 for _h, m in entries if m) < 0.5 * len(entries)
    ):
        return None
    rows: list[list[Any]] = [[*head, "\n".join(more)] for head, more in entries]
    note = (
        f"The document has no table: its {len(entries)} entries each start with a line of their "
        "date and fields between tabs, their text in the paragraphs under it (rows are counted "
        "from 1, one an entry)"
    )
    note += f"; {before} paragraph(s) above the first entry were left out." if before else "."
    return rows, [note]


_LABELLED_LINE = re.compile(r"\s*(?P<label>[^:\d\t\n]{1,39}):\s*(?P<value>.*)", re.S)


# A label after a labelled value on the same line: "... Time: 10:05".
_NEXT_LABEL = re.compile(r"\s(?P<label>[A-Z][A-Za-z'/ ]{1,24}?):\s+(?=\S)")


def _known_label(label: str) -> bool:
    from app.chronology.mapping import header_score

    return header_score([label.strip()]) > 0


def labelled_paragraphs(texts: list[str]) -> tuple[list[list[Any]], list[str]] | None:
    """Case notes printed as paragraphs of labelled lines ("Date: 14/03/2016", "Worker: ...",
    "Note: ..."): each line as a label and its value, to be read as blocks of labelled lines.
    (rows, notes), or None when the paragraphs are not so."""
    from app.chronology.label_blocks import label_blocks

    rows: list[list[Any]] = []
    for text in texts:
        m = _LABELLED_LINE.match(text)
        if m is None:
            rows.append([text.strip(), ""])
            continue
        pairs = [(m["label"].strip(), m["value"].strip())]
        # several labelled values on one line ("Date: 14/03/2016  Time: 10:05  Recorded by:
        # ..."), each label one a chronology's columns are named by
        while (more := _NEXT_LABEL.search(pairs[-1][1])) and _known_label(more["label"]):
            label, value = pairs[-1]
            pairs[-1] = (label, value[: more.start()].strip())
            pairs.append((more["label"].strip(), value[more.end() :].strip()))
        rows += [[f"{label}:", value] for label, value in pairs]
    if label_blocks(rows) is None:
        return None
    note = "The document has no table: its paragraphs are labelled lines, read as blocks."
    return rows, [note]


def split_leading_dates(rows: list[list[Any]]) -> list[list[Any]] | None:
    """A sheet of one column whose cells start with their date ("14/03/2016 – Home visit...",
    Word paragraphs pasted into a sheet): the rows as two columns, the date and the text, the
    line above the first dated one headed "Date" beside its own heading (no heading when the
    first line is dated already). None when the sheet is not so (more than one column from the
    first dated cell on, or fewer than three cells starting with a date)."""
    from app.chronology.dates import parse_date

    column = None
    split: list[list[Any]] = []
    first = None
    for n, row in enumerate(rows):
        filled = [(i, v) for i, v in enumerate(row) if v not in (None, "")]
        if not filled:
            split.append(["", ""])
            continue
        if len(filled) > 1:
            return None
        at, value = filled[0]
        m = _LEADING_DATE.match(str(value)) if isinstance(value, str) else None
        dated = bool(m and parse_date(m["date"]).ok)
        if dated or first is not None:  # (a title above may stand in another column)
            if column not in (None, at):
                return None
            column = at
        if dated:
            split.append([m["date"], m["text"].strip()])
            first = n if first is None else first
        else:
            split.append(["", value])
    if first is None or sum(1 for r in split if r[0]) < 3:
        return None
    if first == 0:  # a log of dated lines with no line above them: the caller heads them
        return split
    heading = next(n for n in range(first - 1, -1, -1) if split[n][1] != "")
    split[heading] = ["Date", split[heading][1]]
    return split
