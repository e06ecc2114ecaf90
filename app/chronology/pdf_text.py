"""A chronology sent as a PDF document: a case system's "print to PDF" of its chronology or
case-note report, an IMR table saved from Word as PDF, a GP or police log printed to PDF.

PDF holds no tables, only words placed on pages, so the chronology is found from where they
stand (pdfplumber reads them, with their positions):

- a table with lines drawn round its cells is read by its lines, cell by cell; the same table
  going on at the top of the next page (its heading row repeated or not) is one table, and a
  row split by the page break joins its entry;
- a table printed without lines (columns aligned, as case-note reports are) is read from the
  heading line: each word below it goes in the column whose heading it stands under, and a
  line whose date column is empty continues the entry above (the note wrapping);
- paragraphs, each entry starting with its date, are read as a Word document's are.

The running headings and footings printed on every page (the protective marking, "Page 3 of 12",
"Printed on ... by ...") are left out and named in a note. A scan (pictures, no text), a PDF
locked with a password and a damaged one are refused with a message saying what to ask for.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.chronology.file_guard import ImportRefused

MAX_PDF_PAGES = 300  # a chronology runs to tens of pages; pdfminer takes a while on each
MAX_PAGE_CHARS = 30_000  # a page of 8-point text holds about 8,000
MAX_TEXT_CHARS = 600_000  # the whole document's: about 200 pages of dense text
MAX_PAGE_STREAM_BYTES = 4_000_000  # a page's drawing instructions, as stored (compressed)
MAX_PAGE_DECODED_BYTES = 40_000_000  # the same unpacked (a page of text: tens of kilobytes)
MAX_PAGE_DRAWING = 20_000  # lines and boxes on a page (a table's cells draw a few each)

_ASK = (
    "Ask the agency for the chronology as the original spreadsheet or Word file (or a PDF "
    "saved from it, with its text)."
)
# A PDF of pictures of pages (scanned) has no text to read: the agency holds the file it was
# printed from, or text recognition (OCR) can make the text from the pictures.
_ASK_SCANNED = (
    "Ask the agency to send the original file the chronology was printed from (the spreadsheet "
    "or Word file), or run text recognition (OCR) on this PDF (many scanners and PDF "
    "programs can) and import the copy with text that it makes."
)


@dataclass
class _Line:
    page: int
    top: float
    bottom: float
    x0: float
    x1: float
    size: float
    bold: bool
    words: list[dict] = field(default_factory=list)
    base: float = 0.0  # the baseline of its first word (its bottom)

    @property
    def text(self) -> str:
        return _joined(self.words)


def _joined(words: list[dict]) -> str:
    """The words' text, a space between two words unless they touch (a raised "th" after
    "14", a word half in bold)."""
    out: list[str] = []
    previous = None
    for word in words:
        if previous is not None and word["x0"] - previous["x1"] > 0.6:
            out.append(" ")
        out.append(word["text"])
        previous = word
    return "".join(out)


@dataclass
class _Page:
    number: int
    height: float
    width: float
    lines: list[_Line]
    tables: list[tuple[float, float, list[list[str]]]]  # (top, bottom, rows)
    pictures: int
    # words struck through: (their text, the text of the run of words they stand in, where
    # they start in it, counting letters and digits only)
    struck: list[tuple[str, str, int]] = field(default_factory=list)
    row_tops: list[list[float]] = field(default_factory=list)  # each ruled table's rows' tops
    attached: list[str] = field(default_factory=list)  # files attached to the PDF (page 1 only)


# --- opening the document ----------------------------------------------------------------------


def _refuse_unreadable(shown: str, error: BaseException) -> ImportRefused:
    cause = error.args[0] if error.args and isinstance(error.args[0], BaseException) else error
    name = type(cause).__name__
    if "Password" in name or "Encrypt" in name or "password" in str(cause).lower():
        return ImportRefused(
            f"{shown} is a PDF document locked with a password, which ReviewDesk cannot open. "
            "Ask the agency to send it without the password (or the chronology as the original "
            "spreadsheet or Word file)."
        )
    return ImportRefused(
        f"{shown} is a PDF document that cannot be read: it is damaged or incomplete (it may "
        "not have finished copying or downloading). Ask the agency to send it again."
    )


# Progress: who hears of each page as it is read (read_pdf's ``progress``; this thread's own).
_PROGRESS: ContextVar[Callable[[int, int], None] | None] = ContextVar("pdf_progress", default=None)


def _report_page(page: int, pages: int) -> None:
    """Tell the reading's ``progress`` that page ``page`` of ``pages`` is read next. Called
    outside the page's own try: what ``progress`` raises stops the reading as it is, never
    taken for a page that cannot be read."""
    progress = _PROGRESS.get()
    if progress is not None:
        progress(page, pages)


def _pages(path: Path) -> list[_Page]:
    """Every page's lines of words (outside ruled tables) and ruled tables, within the caps."""
    import pdfplumber

    shown = path.name
    try:
        pdf = pdfplumber.open(path)
    except (KeyboardInterrupt, SystemExit, MemoryError):
        raise
    except Exception as error:  # pdfminer's own errors, wrapped or not, and bad values
        raise _refuse_unreadable(shown, error) from None
    try:
        try:
            count = len(pdf.pages)
        except (KeyboardInterrupt, SystemExit, MemoryError):
            raise
        except Exception as error:
            raise _refuse_unreadable(shown, error) from None
        if count > MAX_PDF_PAGES:
            raise ImportRefused(
                f"{shown} is a PDF document of {count:,} pages, more than ReviewDesk reads "
                f"({MAX_PDF_PAGES}). Ask the agency for the chronology as a spreadsheet, or "
                "split the PDF into smaller files and import each one."
            )
        pages = []
        read = 0
        for page in pdf.pages:
            _report_page(page.page_number, count)
            _quick_chars(page)
            try:
                _check_stream(page, shown)
                pages.append(_read_page(page, shown))
                read += sum(len(w["text"]) for line in pages[-1].lines for w in line.words)
                read += sum(len(c) for _t, _b, rows in pages[-1].tables for r in rows for c in r)
                if read > MAX_TEXT_CHARS:
                    raise ImportRefused(
                        f"{shown} holds more text than ReviewDesk reads from a PDF (over "
                        f"{MAX_TEXT_CHARS:,} characters by page {page.page_number}). Ask the "
                        "agency for the chronology as a spreadsheet, or split the PDF into "
                        "smaller files and import each one."
                    )
            except ImportRefused:
                raise
            except (KeyboardInterrupt, SystemExit, MemoryError):
                raise
            except Exception as error:
                raise _refuse_unreadable(shown, error) from None
            finally:
                page.close()
        if pages:
            pages[0].attached = _attached(pdf.doc)
        return pages
    finally:
        pdf.close()


_PLAIN_VALUE = (int, float, str, bool, type(None))


def _attached(doc) -> list[str]:
    """The names of the files attached to the PDF (its EmbeddedFiles name tree, as a PDF
    portfolio holds its files), at most 50; [] when none or when the tree cannot be read."""
    from pdfminer.pdftypes import resolve1

    names: list[str] = []

    def text(value) -> str:
        value = resolve1(value)
        if isinstance(value, bytes):
            if value[:2] in (b"\xfe\xff", b"\xff\xfe"):
                return value.decode("utf-16", "replace")
            return value.decode("latin-1")
        return str(value) if value is not None else ""

    def walk(node, depth: int) -> None:
        node = resolve1(node)
        if not isinstance(node, dict) or depth > 8 or len(names) >= 50:
            return
        pairs = resolve1(node.get("Names")) or []
        for at in range(0, len(pairs) - 1, 2):
            spec = resolve1(pairs[at + 1])
            name = text(spec.get("UF") or spec.get("F")) if isinstance(spec, dict) else ""
            names.append(name or text(pairs[at]))
        for kid in resolve1(node.get("Kids")) or []:
            walk(kid, depth + 1)

    try:
        tree = resolve1(resolve1(doc.catalog.get("Names") or {}).get("EmbeddedFiles"))
        walk(tree, 0)
    except (KeyboardInterrupt, SystemExit, MemoryError):
        raise
    except Exception:  # a broken name tree: no attachments named
        return []
    return [n for n in names if n][:50]


def _refuse_attached(shown: str, attached: list[str]) -> ImportRefused:
    quoted = ", ".join(f"\u201c{n}\u201d" for n in attached[:5])
    many = len(attached) != 1
    return ImportRefused(
        f"{shown} is a PDF document whose pages hold no chronology, with "
        f"{'files' if many else 'a file'} attached to it ({quoted}{', …' if len(attached) > 5 else ''}): "
        "the chronology is likely in the attached file. Save the attached file from the PDF "
        "(the attachments pane of a PDF reader) and import that file."
    )


def _quick_chars(page) -> None:
    """Let the page turn each letter pdfminer lays out into pdfplumber's dict without
    resolving every one of its values as an object of the file: a letter's values are plain
    numbers, a name and a matrix (resolving them is most of the reading's time after pdfminer's
    own). The dict is pdfplumber's own, key for key; anything else (lines, boxes, pictures, or
    a letter with a value that is not plain) goes through pdfplumber's way."""
    try:  # (pdfplumber's own names: should a release move them, its own way is used)
        from pdfminer.layout import LTChar
        from pdfplumber.page import ALL_ATTRS
        from pdfplumber.utils.pdfinternals import resolve_and_decode

        slow = page.process_object
        height, mb_x0, mb_top = page.height, page.mediabox[0], page.mediabox[1]
        doctop, number = page.initial_doctop, page.page_number
        if page.pdf.unicode_norm is not None:
            return
    except (ImportError, AttributeError, IndexError, TypeError):
        return
    names: dict[int, Any] = {}

    def process_object(obj):
        if type(obj) is not LTChar:
            return slow(obj)
        attr = {}
        for key, value in obj.__dict__.items():
            if key in ALL_ATTRS:
                if not isinstance(value, _PLAIN_VALUE) and not (
                    type(value) is tuple and all(isinstance(v, _PLAIN_VALUE) for v in value)
                ):
                    return slow(obj)
                attr[key] = value
        if isinstance(attr.get("fontname"), bytes):
            return slow(obj)
        attr["object_type"] = "char"
        attr["page_number"] = number
        ncs = obj.ncs
        key = id(ncs)
        if key not in names:
            names[key] = (ncs, resolve_and_decode(ncs.name))
        attr["ncs"] = names[key][1]
        attr["text"] = obj.get_text()
        gs = obj.graphicstate
        attr["stroking_color"] = gs.scolor if isinstance(gs.scolor, tuple) else (gs.scolor,)
        attr["non_stroking_color"] = gs.ncolor if isinstance(gs.ncolor, tuple) else (gs.ncolor,)
        if "y0" in attr:
            attr["top"] = (height - attr["y1"]) + mb_top
            attr["bottom"] = (height - attr["y0"]) + mb_top
            attr["doctop"] = doctop + attr["top"]
        if "x0" in attr and mb_x0 != 0:
            attr["x0"] = attr["x0"] + mb_x0
            attr["x1"] = attr["x1"] + mb_x0
        return attr

    page.process_object = process_object


def _check_stream(page, shown: str) -> None:
    """Refuse a page whose drawing instructions are far larger than a page of text needs
    (reading them would take minutes), before they are read."""
    from pdfminer.pdftypes import PDFStream, resolve1

    contents = resolve1(page.page_obj.attrs.get("Contents"))
    streams = contents if isinstance(contents, list) else [contents]
    size = 0
    unpacked = 0
    for stream in streams[:1000]:
        stream = resolve1(stream)
        if isinstance(stream, PDFStream):
            size += len(stream.rawdata or b"")
            unpacked += _unpacked_size(stream, MAX_PAGE_DECODED_BYTES - unpacked)
    if unpacked > MAX_PAGE_DECODED_BYTES:
        raise ImportRefused(
            f"{shown} is refused: page {page.page_number} unpacks to far more than any page "
            "of text (the file is damaged or made to harm the computer that opens it). " + _ASK
        )
    if size > MAX_PAGE_STREAM_BYTES or len(streams) > 1000:
        raise ImportRefused(
            f"{shown}: page {page.page_number} holds far more drawing than a page of text "
            f"({size / 1e6:,.0f} MB), too much to read. " + _ASK
        )


def _unpacked_size(stream, limit: int) -> int:
    """How large a content stream unpacks to, counted no further than just past ``limit`` (a
    few bytes can unpack to gigabytes); 0 when its packing is not one counted here."""
    import zlib

    from pdfminer.ascii85 import ascii85decode
    from pdfminer.pdftypes import LITERALS_ASCII85_DECODE, LITERALS_FLATE_DECODE

    data = stream.rawdata
    if data is None:
        return 0
    try:
        for name, _params in stream.get_filters():
            if name in LITERALS_ASCII85_DECODE:
                data = ascii85decode(data)
            elif name in LITERALS_FLATE_DECODE:
                return len(zlib.decompressobj().decompress(data, max(limit, 0) + 1))
            else:
                return 0
    except (ValueError, TypeError, zlib.error):
        return 0  # the parser says what is wrong with it
    return len(data)


def _snap_drawing(page) -> None:
    """The drawing's coordinates to a thousandth of a point. On a page turned by its /Rotate
    (a landscape report printed to PDF), the turn leaves a level rule's two ends 1e-14 apart,
    and the table finder, which compares them exactly, takes it for an upright one: the table's
    rows are lost and its columns read as one row each."""
    for kind in ("line", "rect", "curve"):
        for drawn in page.objects.get(kind, []):
            for key in ("x0", "x1", "top", "bottom", "y0", "y1"):
                if key in drawn:
                    drawn[key] = round(drawn[key], 3)
            if "pts" in drawn:
                drawn["pts"] = [(round(x, 3), round(y, 3)) for x, y in drawn["pts"]]


def _read_page(page, shown: str) -> _Page:
    number = page.page_number
    if len(page.chars) > MAX_PAGE_CHARS:
        raise ImportRefused(
            f"{shown}: page {number} holds {len(page.chars):,} characters, far more than a "
            f"page of text ({MAX_PAGE_CHARS:,} at most is read). " + _ASK
        )
    drawing = len(page.lines) + len(page.rects) + len(page.curves)
    tables: list[tuple[float, float, list[list[str]]]] = []
    boxes = []
    if drawing > MAX_PAGE_DRAWING:
        raise ImportRefused(
            f"{shown}: page {number} holds {drawing:,} lines and boxes, far more than a table "
            "draws. " + _ASK
        )
    strokes = _strike_lines(page) if drawing else {}
    if drawing:
        _snap_drawing(page)
        # A row split by the page break is open at the foot of the page (and the top of the
        # next): the ends of the column rules close it.
        ends = sorted(
            {round(e[k], 1) for e in page.edges if e["orientation"] == "v"
             and e["bottom"] - e["top"] > 4 for k in ("top", "bottom")}
        )  # fmt: skip
        found_tables = page.find_tables({"explicit_horizontal_lines": ends[:200]})
    else:
        found_tables = []
    # the page's words, read once: the tables' cells are filled from them
    words = [
        piece
        for word in page.extract_words(extra_attrs=["size", "fontname"], return_chars=True)
        for piece in _apart(word, strokes)
    ]
    words += _field_words(page)
    for word in words:
        word["text"] = word["text"].translate(_PLAIN)
    words = [w for w in words if w["text"].strip()]
    struck = _struck_runs(words, number) if strokes else []
    row_tops: list[list[float]] = []
    for table in found_tables:
        read = _table_rows(table, words, number)
        tops = [row.bbox[1] for row, cells in zip(table.rows, read, strict=True) if any(cells)]
        rows = [r for r in read if any(r)]
        if len(rows) < 2 or max(len(r) for r in rows) < 2:
            continue  # a frame round the page, or a box round a title: its words are text
        boxes.append(table.bbox)
        tables.append((table.bbox[1], table.bbox[3], rows))
        row_tops.append(tops)
    words = [w for w in words if not any(_inside(w, box) for box in boxes)]
    lines = [line for line in _lines(words, number) if not _RULE_TEXT.fullmatch(line.text)]
    found = _Page(number, page.height, page.width, lines, tables, len(page.images))
    found.struck = struck
    found.row_tops = row_tops
    return found


# --- a form's fields ---------------------------------------------------------------------------

_FIELD_SIZE = re.compile(rb"/[^\s/]+\s+([\d.]+)\s+Tf")


def _field_words(page) -> list[dict]:
    """The values typed into a PDF form's text fields (or chosen in its lists) on the page, as
    words standing where the fields stand (a value is no text of the page's own: a reader draws it from the field):
    each value wrapped at its field's width in its field's font size, from the field's top (a
    one-line field's text in its middle). A field whose value the page also prints (the form
    flattened, or printed with its fields) is not read twice: only fields with no text of the
    page inside them give words."""
    from pdfminer.pdftypes import resolve1
    from reportlab.pdfbase.pdfmetrics import stringWidth

    found: list[dict] = []
    try:
        annots = page.annots
    except (KeyboardInterrupt, SystemExit, MemoryError):
        raise
    except Exception:
        return []
    for annot in annots[:2000]:
        data = annot.get("data") or {}
        kind, value, look = data.get("FT"), data.get("V"), data.get("DA")
        parent = resolve1(data.get("Parent"))
        if isinstance(parent, dict):
            kind = kind or parent.get("FT")
            value = value if value is not None else parent.get("V")
            look = look or parent.get("DA")
        value = resolve1(value)
        # a text field, or a list or drop-down of choices (its value the one chosen)
        if getattr(resolve1(kind), "name", "") not in ("Tx", "Ch"):
            continue
        if isinstance(value, list) and len(value) == 1:
            value = resolve1(value[0])
        if not isinstance(value, bytes | str):
            continue
        if isinstance(value, bytes):
            if value[:2] in (b"\xfe\xff", b"\xff\xfe"):
                value = value.decode("utf-16", "replace")
            else:
                value = value.decode("latin-1")
        value = value.replace("\r\n", "\n").replace("\r", "\n").strip()
        if not value:
            continue
        x0, top, x1, bottom = annot["x0"], annot["top"], annot["x1"], annot["bottom"]
        if any(
            x0 <= (c["x0"] + c["x1"]) / 2 <= x1 and top <= (c["top"] + c["bottom"]) / 2 <= bottom
            for c in page.chars
        ):
            continue
        m = _FIELD_SIZE.search(look) if isinstance(look, bytes) else None
        size = float(m[1]) if m and float(m[1]) > 0 else 10.0
        size = min(size, max(4.0, bottom - top - 2))
        width = max(x1 - x0 - 4, size)
        lines: list[list[str]] = []
        for paragraph in value.split("\n"):
            line: list[str] = []
            for word in paragraph.split():
                if line and stringWidth(" ".join([*line, word]), "Helvetica", size) > width:
                    lines.append(line)
                    line = []
                line.append(word)
            lines.append(line)
        leading = size * 1.16
        y = top + 2 if bottom - top >= 2 * leading + 4 else (top + bottom - size) / 2
        space = stringWidth(" ", "Helvetica", size)
        for line in lines:
            x = x0 + 2
            for word in line:
                w = stringWidth(word, "Helvetica", size)
                chars, cx = [], x
                for ch in word:
                    cw = stringWidth(ch, "Helvetica", size)
                    chars.append({"text": ch, "x0": cx, "x1": cx + cw, "top": y,
                                  "bottom": y + size, "size": size, "fontname": "Helvetica"})  # fmt: skip
                    cx += cw
                found.append({"text": word, "x0": x, "x1": x + w, "top": y, "bottom": y + size,
                              "size": size, "fontname": "Helvetica", "upright": True,
                              "_chars": chars})  # fmt: skip
                x += w + space
            y += leading
    return found


# --- text struck through -----------------------------------------------------------------------


def _strike_lines(page) -> dict[int, bool]:
    """The letters a line is drawn through (text struck through, as Word, LibreOffice and a
    browser print it: a thin line or filled bar across the letters' middle, above their
    baseline), by the id of each letter: an underline (at or under the baseline) and a table's
    rules (between the rows, longer than the words) are not. The lines found are taken off the
    page's drawing, so they are never taken for a table's rules."""
    bars = []
    for kind in ("line", "rect", "curve"):
        for drawn in page.objects.get(kind, []):
            thick = drawn["bottom"] - drawn["top"]
            if thick <= 2.5 and drawn["x1"] - drawn["x0"] >= 2:
                bars.append((kind, drawn))
    if not bars:
        return {}
    chars = [c for c in page.chars if c["text"].strip()]
    if not chars:
        return {}
    rows: dict[int, list[dict]] = {}
    for char in chars:
        rows.setdefault(int(char["bottom"] // 4), []).append(char)
    struck: dict[int, bool] = {}
    used = []
    for kind, bar in bars:
        middle = (bar["top"] + bar["bottom"]) / 2
        near = [
            c
            for key in range(int((middle - 2) // 4), int((middle + 30) // 4) + 1)
            for c in rows.get(key, [])
            if c["top"] < middle < c["bottom"]
            and bar["x0"] - 1 <= (c["x0"] + c["x1"]) / 2 <= bar["x1"] + 1
        ]
        hit = [c for c in near if 0.12 <= (_baseline(c) - middle) / max(c["size"], 1) <= 0.6]
        if not hit:
            continue
        covered = sum(c["x1"] - c["x0"] for c in hit)
        size = max(c["size"] for c in hit)
        reach = max(c["x1"] for c in hit) - min(c["x0"] for c in hit)
        # drawn across these letters, not a rule running on past them
        if covered < 0.5 * (bar["x1"] - bar["x0"]) or bar["x1"] - bar["x0"] > reach + 2 * size:
            continue
        for char in hit:
            struck[id(char)] = True
        used.append((kind, bar))
    for kind, bar in used:
        objects = page.objects.get(kind, [])
        objects[:] = [o for o in objects if o is not bar]
    return struck


def _baseline(char: dict) -> float:
    """Where the letter stands (its baseline), down the page: from its drawing matrix when it
    is set upright, else a fifth of its height above its foot."""
    a, b, c, d, _e, f = char.get("matrix") or (0, 1, 1, 0, 0, 0)
    if abs(b) < 1e-6 and abs(c) < 1e-6 and a > 0 and d > 0 and "y0" in char:
        return char["bottom"] - (f - char["y0"])
    return char["bottom"] - 0.2 * (char["bottom"] - char["top"])


def _struck_runs(words: list[dict], page: int) -> list[tuple[str, str]]:
    """The words struck through, as runs of words side by side, each with the run of words
    it stands in (its cell's line, or the paragraph's line)."""
    if not any(w.get("struck") for w in words):
        return []
    runs: list[tuple[str, str]] = []
    for line in _lines(words, page):
        for segment in _segments(line):
            context = _joined(segment)
            at = 0
            while at < len(segment):
                if not segment[at].get("struck"):
                    at += 1
                    continue
                end = at
                while end < len(segment) and segment[end].get("struck"):
                    end += 1
                before = _letters("".join(w["text"] for w in segment[:at]))
                runs.append((_joined(segment[at:end]), context, len(before)))
                at = end
    return runs


def _letters(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.lower())


def _locate_struck(
    rows: list[list[Any]], runs: list[tuple[str, str, int]]
) -> tuple[dict[tuple[int, int], str], dict[tuple[int, int], list[str]]]:
    """Which cells of the rows read hold the words struck through: (row, column) -> "whole"
    or "part", and the struck words of each. The runs are found in the rows in the order
    they were printed, by the line of words they stood in (a cell's line, a paragraph's line
    split into date and text), letters and digits compared."""
    keys = [[_letters(str(c or "")) for c in row] for row in rows]
    joined = ["".join(k) for k in keys]
    covered: dict[tuple[int, int], set[int]] = {}
    words: dict[tuple[int, int], list[str]] = {}
    cursor = 0
    order = list(range(len(rows)))
    for text, context, offset in runs:
        run = _letters(text)
        if not run:
            continue
        hit = None
        for wanted, shift in ((_letters(context), offset), (run, 0)):
            for r in order[cursor:] + order[:cursor]:
                at = joined[r].find(wanted)
                if at >= 0:
                    hit = (r, at + shift)
                    break
            if hit:
                break
        if hit is None:
            continue
        r, start = hit
        cursor = r
        end = start + len(run)
        at = 0
        for c, key in enumerate(keys[r]):
            first, last = at, at + len(key)
            at = last
            if key and first < end and start < last:
                covered.setdefault((r, c), set()).update(range(max(first, start), min(last, end)))
                if text not in words.setdefault((r, c), []):
                    words[(r, c)].append(text)
    struck = {
        (r, c): "whole" if len(spots) >= len(keys[r][c]) else "part"
        for (r, c), spots in covered.items()
    }
    return struck, words


def _table_rows(table, words: list[dict], page: int) -> list[list[str]]:
    """A ruled table's rows of cells, each cell's text from the page's words standing in it
    (its middle inside the cell), its lines joined where the text wrapped and kept apart
    where a paragraph ends (see ``_cell_text``)."""
    x0, top, x1, bottom = table.bbox
    inside = [
        w for w in words
        if x0 <= (w["x0"] + w["x1"]) / 2 < x1 and top <= (w["top"] + w["bottom"]) / 2 < bottom
    ]  # fmt: skip
    grid: list[list[tuple | None]] = [list(row.cells) for row in table.rows]
    held: dict[tuple[int, int], list[dict]] = {}
    for word in inside:
        for piece in _cut_at_cells(word, grid):
            middle_x = (piece["x0"] + piece["x1"]) / 2
            middle_y = (piece["top"] + piece["bottom"]) / 2
            for r, cells in enumerate(grid):
                for c, cell in enumerate(cells):
                    if cell and cell[0] <= middle_x < cell[2] and cell[1] <= middle_y < cell[3]:
                        held.setdefault((r, c), []).append(piece)
                        break
                else:
                    continue
                break
    lines_of = {at: _lines(found, page) for at, found in held.items()}
    gaps = [
        b.top - a.bottom
        for lines in lines_of.values()
        for a, b in zip(lines, lines[1:], strict=False)
        if b.top - a.bottom >= 0
    ]
    usual = min(gaps) if gaps else None
    rows = []
    for r, cells in enumerate(grid):
        texts = [
            _cell_text(lines_of.get((r, c), []), cell, usual) if cell else ""
            for c, cell in enumerate(cells)
        ]
        rows.append(texts)
    if rows:
        from app.chronology.mapping import header_score

        if header_score([" ".join(t.split()) for t in rows[0]]) >= 2:
            # a heading wrapped in its cell, or broken at a narrow cell's edge ("Tim" / "e")
            rows[0] = [_unbroken_heading(" ".join(t.split())) for t in rows[0]]
    return rows


def _unbroken_heading(text: str) -> str:
    """A heading with two of its pieces joined where only that makes it a heading ReviewDesk
    knows ("Tim e" is "Time", "Practitio ner" is "Practitioner"): a word too wide for its
    cell, broken at the cell's edge. Else as it is."""
    from app.chronology.mapping import header_fields

    pieces = text.split()
    if len(pieces) < 2 or header_fields(text):
        return text
    for at in range(len(pieces) - 1):
        joined = " ".join([*pieces[:at], pieces[at] + pieces[at + 1], *pieces[at + 2 :]])
        if header_fields(joined):
            return joined
    return text


def _cut_at_cells(word: dict, grid: list[list[tuple | None]]) -> list[dict]:
    """The word, or its pieces either side of a cell's edge it runs over (two cells' values
    printed with no gap between them)."""
    chars = word.get("_chars")
    if not chars or len(chars) < 2:
        return [word]
    edges = {
        cell[2] for cells in grid for cell in cells
        if cell and word["x0"] + 1 < cell[2] < word["x1"] - 1
        and cell[1] <= (word["top"] + word["bottom"]) / 2 < cell[3]
    }  # fmt: skip
    if not edges:
        return [word]
    pieces: list[list[dict]] = [[]]
    for char in chars:
        if pieces[-1] and any(pieces[-1][-1]["x1"] <= edge + 1 and char["x0"] >= edge - 1
                              and (char["x0"] + char["x1"]) / 2 > edge for edge in edges):  # fmt: skip
            pieces.append([])
        pieces[-1].append(char)
    return [
        {**word, "text": "".join(c["text"] for c in part).translate(_PLAIN),
         "x0": part[0]["x0"], "x1": part[-1]["x1"]}
        for part in pieces if part
    ]  # fmt: skip


def _cell_text(lines: list[_Line], cell: tuple, usual: float | None) -> str:
    """A ruled cell's lines as its text: joined with a space where the text wrapped at the
    cell's width, on a new line where a paragraph ended (the line stops well before the
    cell's right edge, short of the room the next line's first word needed; the next line
    is indented, or stands further below than the lines of a paragraph do); a line ending
    with a hyphen goes on ("safe-" / "guarding")."""
    if not lines:
        return ""
    left = min(line.x0 for line in lines)
    right = cell[2] - max(left - cell[0], 1.0)  # the text's right edge: the cell's padding in
    text = lines[0].text
    for a, b in zip(lines, lines[1:], strict=False):
        size = max(a.size, b.size)
        first = b.words[0]
        room = right - a.x1
        fitted = room > 0.3 * size + (first["x1"] - first["x0"]) + max(1.0, 0.2 * size)
        indented = b.x0 > left + 0.8 * size
        gap = b.top - a.bottom
        apart = usual is not None and gap > max(2 * usual, usual + 0.4 * size)
        if _broken_number(a, b) or _broken_word(a, b, right):
            # "07/01/201" / "9": a date broken at a narrow cell's edge; "Photograph" / "ed":
            # a word too long for the cell broken where the cell ends, with no hyphen
            text = text + b.text
        elif (fitted or indented or apart) and not a.text.endswith(("-", "/")):
            text = f"{text}\n{b.text}"
        else:
            text = _wrapped(text, b.text)
    return "\n".join(" ".join(part.split()) for part in text.split("\n"))


# The pieces a word too long for its cell leaves on the next line when broken where the cell
# ends (no hyphen) that are never words of their own: an ending ("ed", "tion"), letters with
# no vowel ("d", "ng"), or the word's closing punctuation. Short forms without a vowel that are
# words ("mg", "pm") are not such pieces.
_ENDINGS = frozenset(
    "ed es ing ings ion ions ons tion tions sion sions ation ations ment ments ness ly ity ies "
    "ied ised ized ising izing ician icians ance ances ence ences ous ive ives ful".split()
)
_SHORT_FORMS = frozenset("mg ml kg km cm mm pm hr hrs st nd rd th wk wks ft lb lbs".split())
_PIECE = re.compile(r"([a-z]+)[.,;:!?)]*")


def _broken_word(a: _Line, b: _Line, right: float) -> bool:
    """Whether a word too long for its cell was broken where the cell ends, with no hyphen:
    the line holds that one word, filled to the cell's edge (the next letter would not have
    fitted), and the next line starts with a piece that is never a word of its own (an
    ending such as "ed" or "tion", letters with no vowel, or punctuation alone). A line wrapped
    between two words ("appointment" / "as") is never joined: both are words."""
    if len(a.words) != 1 or not b.words or not a.words[0]["text"][-1:].isalpha():
        return False
    first = b.words[0]
    piece = first["text"]
    if piece.strip(".,;:!?)") == "":
        return len(piece) <= 2 and right - a.x1 < 0.6 * a.size
    letters = _PIECE.fullmatch(piece)
    if letters is None:
        return False
    head = letters.group(1)
    if head not in _ENDINGS and (head in _SHORT_FORMS or any(v in head for v in "aeiouy")):
        return False
    width = (first["x1"] - first["x0"]) / max(len(piece), 1)
    return right - a.x1 < max(1.6 * width, 0.5 * a.size)


# A date or a time written whole ("07/01/2019", "7.1.2019", "09:00", "09:00:15").
_WHOLE_DATE = re.compile(r"\d{1,2}([/.-])\d{1,2}\1\d{4}|\d{1,2}:\d{2}(?::\d{2})?")


def _broken_number(a: _Line, b: _Line) -> bool:
    """Whether a date or time too wide for its cell was broken by the cell's edge: the line
    holds one word, of digits and a date's or time's marks, the next line starts with digits,
    and the two make a whole date with its four-figure year or a whole time
    ("07/01/201" / "9", "07/01/20" / "19", "09:0" / "0"), the first part alone not."""
    if len(a.words) != 1 or not b.words:
        return False
    return _completes(a.words[0]["text"], b.words[0]["text"])


def _completes(head: str, tail: str) -> bool:
    """Whether ``tail`` (digits) is the rest of the date or time ``head`` began, broken by a
    narrow cell's edge ("07/01/201" + "9", "09:0" + "0"), ``head`` alone not whole."""
    if not re.fullmatch(r"\d[\d/.:-]*", head) or not re.fullmatch(r"\d+", tail):
        return False
    if _WHOLE_DATE.fullmatch(head):
        return False
    return _WHOLE_DATE.fullmatch(head + tail) is not None


def _apart(word: dict, strokes: dict[int, bool] | None = None) -> list[dict]:
    """A "word" that is two cells' values standing closer than a space (a date right-aligned in
    its cell, the time left-aligned in the next: "02/03/2022" 1.6 pt from "10:00"), cut where
    the gap between two letters stands out from the word's own: letters of one word touch, or
    are spaced evenly."""
    chars = word.pop("chars")
    word["_chars"] = chars
    if strokes:
        _mark_struck(word, chars, strokes)
    gaps = [b["x0"] - a["x1"] for a, b in zip(chars, chars[1:], strict=False)]
    if not gaps:
        return [word]
    usual = sorted(gaps)[len(gaps) // 2]
    size = float(word.get("size") or 10)
    cuts = [n + 1 for n, gap in enumerate(gaps) if gap >= 0.12 * size and gap > 3 * usual + 0.5]
    if not cuts:
        return [word]
    pieces = []
    for first, end in zip([0, *cuts], [*cuts, len(chars)], strict=True):
        part = chars[first:end]
        piece = {
            **word,
            "text": "".join(c["text"] for c in part),
            "x0": part[0]["x0"],
            "x1": part[-1]["x1"],
            "top": min(c["top"] for c in part),
            "bottom": max(c["bottom"] for c in part),
            "_chars": part,
        }  # fmt: skip
        if strokes:
            _mark_struck(piece, part, strokes)
        pieces.append(piece)
    return pieces


def _mark_struck(word: dict, chars: list[dict], strokes: dict[int, bool]) -> None:
    """The word is struck through when most of its letters are."""
    letters = [c for c in chars if c["text"].strip()]
    hit = sum(1 for c in letters if id(c) in strokes)
    word["struck"] = bool(letters) and hit * 2 > len(letters)


# A line drawn with characters ("--------", "=======", "________"), as typewriter-font logs
# rule off their heading line or their entries: not text.
_RULE_TEXT = re.compile(r"[-=_~*\u2500\u2550]{4,}")


# Ligatures a word processor set as one glyph ("ﬁ"), a soft hyphen, a non-breaking space.
_PLAIN = str.maketrans({
    "\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
    "\ufb05": "st", "\ufb06": "st", "\u00ad": "", "\u00a0": " ",
})  # fmt: skip


def _tidy(cell: str) -> str:
    """A cell's text on one line: a PDF's lines in a cell are where the text wrapped."""
    return " ".join(_BROKEN_WORD.sub("-", cell.translate(_PLAIN)).split())


# A word broken at a hyphen over two lines ("safe-" / "guarding", "follow-" / "up"): joined
# with its hyphen kept (a hyphen of the word's own is never lost; one added by the wrap stays).
_BROKEN_WORD = re.compile(r"(?<=[^\W\d_])-[ \t]*\n\s*(?=[^\W\d_])")


def _wrapped(first: str, then: str) -> str:
    """Two lines of one text, joined where the text wrapped."""
    if not first:
        return then
    if first.endswith("-") and first[-2:-1].isalpha() and then[:1].isalpha():
        return first + then
    return f"{first} {then}"


def _inside(word: dict, box) -> bool:
    x0, top, x1, bottom = box
    mid_x = (word["x0"] + word["x1"]) / 2
    mid_y = (word["top"] + word["bottom"]) / 2
    return x0 - 1 <= mid_x <= x1 + 1 and top - 1 <= mid_y <= bottom + 1


def _lines(words: list[dict], page: int) -> list[_Line]:
    """The words in lines (the same baseline, give or take), top to bottom, left to right."""
    lines: list[_Line] = []
    for word in sorted(words, key=lambda w: (round(w["bottom"], 1), w["x0"])):
        size = float(word.get("size") or 10)
        bold = "bold" in str(word.get("fontname", "")).lower()
        middle = (word["top"] + word["bottom"]) / 2
        if lines and (
            abs(lines[-1].base - word["bottom"]) <= max(2.0, 0.25 * size)
            # a raised or lowered smaller word ("14th" in Word) stands within the line
            or lines[-1].top - 0.5 <= middle <= lines[-1].bottom + 0.5
            or word["top"] - 0.5 <= (lines[-1].top + lines[-1].bottom) / 2 <= word["bottom"] + 0.5
        ):
            line = lines[-1]
            line.words.append(word)
            line.top = min(line.top, word["top"])
            line.bottom = max(line.bottom, word["bottom"])
            line.x0, line.x1 = min(line.x0, word["x0"]), max(line.x1, word["x1"])
            line.size = max(line.size, size)
            line.bold = line.bold and bold
        else:
            lines.append(
                _Line(
                    page,
                    word["top"],
                    word["bottom"],
                    word["x0"],
                    word["x1"],
                    size,
                    bold,
                    [word],
                    word["bottom"],
                )  # fmt: skip
            )
    for line in lines:
        line.words.sort(key=lambda w: w["x0"])
    return lines


# --- page furniture ----------------------------------------------------------------------------

_PAGE_NUMBER = re.compile(
    r"^(?:-\s*)?(?:page\s*)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?(?:\s*-)?$", re.I
)
_MARKING = re.compile(
    r"^(?:official(?:[\s-]+sensitive)?|restricted|confidential|protect|not protectively marked"
    r"|secret|in confidence)$",
    re.I,
)
# A line at the very top or foot of a page saying which page it is or when it was printed.
_STAMP = re.compile(
    r"\bpage\s+\d{1,4}\s*(?:of|/)\s*\d{1,4}\b|^(?:printed|produced|generated|run on|run by"
    r"|report run|date printed|print date)\b.*\d",
    re.I,
)
# A browser's print: the page's address at its foot ("file:///…/notes.html 1/2",
# "https://…  3/12"), and at its top the time it was printed, then the page's title
# ("12/2/26, 2:16 AM Case notes - Child Z").
_BROWSER_FOOT = re.compile(r"^\S*[a-z][a-z0-9+.-]*://\S+(?:\s+\d{1,4}\s*/\s*\d{1,4})?$", re.I)
_BROWSER_HEAD = re.compile(
    r"^\d{1,2}/\d{1,2}/\d{2,4},\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AP]M)?\s", re.I
)
_DATE_LABEL = re.compile(r"\s*date(?:\s*(?:/|and)\s*time)?(?: of [a-z]+)?\s*:\s*\d", re.I)
_BAND = 0.11  # the part of the page, top and bottom, where running headings and footings stand


def _furniture(pages: list[_Page]) -> list[str]:
    """Take the running headings and footings off every page's lines: the same text (numbers
    aside) in the top or bottom band of two pages or more, a page number, a protective marking.
    Returns the texts left out (each once)."""
    from app.chronology.mapping import header_score

    def key(text: str) -> str:
        return re.sub(r"\d+", "#", " ".join(text.lower().split()))

    def in_band(page: _Page, line: _Line) -> bool:
        return line.bottom < page.height * _BAND or line.top > page.height * (1 - _BAND)

    seen: dict[str, set[int]] = {}
    for page in pages:
        for line in page.lines:
            if in_band(page, line):
                seen.setdefault(key(line.text), set()).add(page.number)
    repeated = {k for k, on in seen.items() if len(on) >= 2}
    # a labelled date line ("Date: 14/03/2016 09:05") opening a note at the top of each page is
    # the note's own, not a running heading, when its date differs from page to page
    texts: dict[str, set[str]] = {}
    for page in pages:
        for line in page.lines:
            if in_band(page, line) and _DATE_LABEL.match(line.text):
                texts.setdefault(key(line.text), set()).add(" ".join(line.text.split()))
    repeated -= {k for k, found in texts.items() if len(found) >= 2}
    # where a table's heading line stands at the top of its pages: a page of later columns of
    # a sheet printed wider than the page prints its own headings at that height
    heading_tops = [
        line.top
        for page in pages
        for line in page.lines[:8]
        if in_band(page, line) and _is_heading_line(line, header_score)
    ]
    browser = any(
        in_band(page, line) and _BROWSER_FOOT.match(line.text)
        for page in pages
        for line in page.lines[-2:]
    )
    left: list[str] = []
    for page in pages:
        keep = []
        outer = {id(line) for line in page.lines[:1] + page.lines[-2:]}
        heading: _Line | None = None  # the last table heading line kept, in the band
        rows = _dated_lines(page)
        for line in page.lines:
            text = line.text
            if (
                in_band(page, line)
                and not _among_rows(line, rows)
                and (
                    key(text) in repeated
                    or _PAGE_NUMBER.match(text)
                    or _MARKING.match(text)
                    or (id(line) in outer and _STAMP.search(text))
                    or (id(line) in outer and _BROWSER_FOOT.match(text))
                    or (browser and line is page.lines[0] and _BROWSER_HEAD.match(text))
                )
            ):
                segments = _segments(line)
                # a table's heading line printed again at the top of each page is not furniture
                if len(segments) >= 2 and header_score([_words(s) for s in segments]) >= 2:
                    heading = line
                # nor are its headings' words wrapped onto the line under it ("Contact" /
                # "Type"): standing close under it, each under one of its headings; nor a
                # page of later columns' headings, level with the table's heading line
                elif not (heading is not None and _wraps_heading(heading, line)) and not (
                    not _dated_lines(page)
                    and any(abs(line.top - top) <= 1.0 for top in heading_tops)
                    and header_score([_words(s) for s in segments]) >= 1
                ):
                    if key(text) not in {key(t) for t in left}:
                        left.append(text)
                    continue
            elif in_band(page, line):
                segments = _segments(line)
                if len(segments) >= 2 and header_score([_words(s) for s in segments]) >= 2:
                    heading = line
            keep.append(line)
        page.lines = keep
    return left


def _among_rows(line: _Line, rows: dict[float, list[list[dict]]]) -> bool:
    """Whether ``line`` is one of a table's entries: led by a printed date standing where the
    page's other entries' dates stand, within a few lines of one of them (the first rows of a
    sheet printed over pages whose dated lines repeat the same words, not a footer)."""
    runs = rows.get(line.top)
    if runs is None:
        return False
    x = runs[0][0]["x0"]
    pitch = 3 * max(line.bottom - line.top, line.size)
    return any(
        top != line.top and abs(other[0][0]["x0"] - x) <= 1.0 and abs(top - line.top) <= pitch
        for top, other in rows.items()
    )


def _is_heading_line(line: _Line, header_score) -> bool:
    segments = _segments(line)
    return len(segments) >= 2 and header_score([_words(s) for s in segments]) >= 2


def _wraps_heading(heading: _Line, line: _Line) -> bool:
    """Whether ``line`` holds the heading line's headings wrapped (close under it, short, each
    run of its words starting under one of the heading's runs)."""
    if line.top - heading.bottom > 1.2 * max(line.size, heading.size) or len(line.text) > 60:
        return False
    runs = _segments(heading)
    spans = [(r[0]["x0"], r[-1]["x1"]) for r in runs]
    return all(
        any(a - 0.6 * line.size <= part[0]["x0"] <= b for a, b in spans) for part in _segments(line)
    )


# --- a table printed without lines -------------------------------------------------------------


def _segments(line: _Line) -> list[list[dict]]:
    """The line's words in runs standing apart (a wider gap than a space between them)."""
    runs: list[list[dict]] = []
    for word in line.words:
        gap = max(4.0, 0.6 * float(word.get("size") or line.size), 1.5 * _fixed_pitch(word))
        if runs and word["x0"] - runs[-1][-1]["x1"] <= gap:
            runs[-1].append(word)
        else:
            runs.append([word])
    return runs


def _fixed_pitch(word: dict) -> float:
    """The width of each letter of a word set in a typewriter font (every letter as wide as
    the others: Courier, as terminal systems print), where a space is as wide as a letter and
    two spaces, not one, stand between columns; 0 for a word in any other font."""
    chars = word.get("_chars") or []
    if len(chars) < 3:
        return 0.0
    widths = [c["x1"] - c["x0"] for c in chars]
    if max(widths) - min(widths) > 0.02 * max(widths):
        return 0.0
    font = str(word.get("fontname", "")).lower()
    # letters as wide as an "i" or a colon would be in any other font
    if "courier" in font or "mono" in font or any(c["text"] in "iIl.,:;!'" for c in chars):
        return widths[0]
    return 0.0


def _words(run: list[dict]) -> str:
    return _joined(run)


def _heading_line(line: _Line) -> list[tuple[float, str]] | None:
    """(where each column starts, its heading) when the line names a chronology's columns,
    a date among them."""
    from app.chronology.layout import is_date_like
    from app.chronology.mapping import header_fields, header_score

    runs = _segments(line)
    if len(runs) < 2 or len(runs) > 20:
        return None
    texts = [_words(r) for r in runs]
    if any(len(t) > 40 or is_date_like(t) for t in texts):
        return None
    score = header_score(texts)
    named = any("date" in header_fields(t) for t in texts)
    if score < 2 and not (score >= 1 and not named):
        return None
    return [(r[0]["x0"], t) for r, t in zip(runs, texts, strict=True)]


def _printed_date(text: str) -> bool:
    """A date as printed ("14/03/2016", "14 Mar 2016"), not a bare number (a case note's
    ID, which could be taken for a spreadsheet's day count)."""
    from app.chronology.layout import is_date_like

    return not text.strip().isdigit() and is_date_like(text)


def _names_a_date(headings: list[str]) -> bool:
    from app.chronology.mapping import header_fields

    return any("date" in header_fields(t) for t in headings)


def _dated_column(lines: list[_Line], at: int, starts: list[float]) -> int | None:
    """The column holding dates on most of the entries' first lines (the lines filling two
    columns or more) under a heading line that names no date column ("When | Who | What
    happened" read as such, "Logged | Officer | Incident"): the leftmost such, or None."""

    firsts = []
    for line in lines[at : at + 80]:
        if _heading_line(line) is not None:
            break
        cells = _cells(line, starts)
        if sum(1 for c in cells if c) >= 2:
            firsts.append(cells)
    if len(firsts) < 2:
        return None
    for column in range(len(starts)):
        dated = sum(1 for cells in firsts if _printed_date(cells[column]))
        if dated >= 2 and dated >= 0.6 * len(firsts):
            return column
    return None


def _date_led_starts(lines: list[_Line], at: int) -> list[float] | None:
    """Where the columns start in a table printed with no heading line at all, its entries'
    first lines each led by a date standing apart from the cells beside it, at the same place
    on the page; the other columns start where most of those lines start a cell. None when
    the lines from ``at`` are not such a table."""

    def led(line: _Line) -> list[list[dict]] | None:
        runs = _segments(line)
        if len(runs) >= 2 and _printed_date(_words(runs[0])):
            return runs
        return None

    first = led(lines[at])
    if first is None:
        return None
    left = first[0][0]["x0"]
    size = lines[at].size
    seen: list[list[float]] = []
    for line in lines[at : at + 60]:
        runs = led(line)
        if runs is not None and abs(runs[0][0]["x0"] - left) <= 0.6 * size:
            seen.append([r[0]["x0"] for r in runs])
        if len(seen) >= 20:
            break
    if len(seen) < 3:
        return None
    # the cells' starts met on most of the dated lines, within a letter's width
    found: list[list[float]] = []
    for x in sorted(x for xs in seen for x in xs[1:]):
        if found and x - found[-1][-1] <= 0.6 * size:
            found[-1].append(x)
        else:
            found.append([x])
    starts = [min(xs) for xs in found if len(xs) >= 0.5 * len(seen)]
    if not starts or starts[0] <= left + size:
        return None
    # every dated line's cells start at one of these (else it is prose, justified)
    fits = sum(
        1 for xs in seen if all(any(abs(x - s) <= 0.6 * size for s in starts) for x in xs[1:])
    )
    if fits < 0.8 * len(seen):
        return None
    # a line of running text under an entry's first line starting where the dates stand: the
    # entries are paragraphs opening with their date (read as such), not columns
    for line in lines[at : at + 60]:
        runs = _segments(line)
        if (
            led(line) is None
            and abs(line.x0 - left) <= 0.6 * size
            and len(runs) == 1
            and line.x1 > starts[0]
        ):
            return None
    return [left, *starts]


def _date_column(headings: list[str]) -> int:
    from app.chronology.mapping import guess_mapping

    return guess_mapping(headings).get("date", 0)


def _cells(line: _Line, starts: list[float]) -> list[str]:
    cells: list[list[dict]] = [[] for _ in starts]
    for word in line.words:
        column = 0
        for n, start in enumerate(starts):
            if word["x0"] >= start - 4:
                column = n
        cells[column].append(word)
    return [_joined(c) for c in cells]


def _spans_columns(line: _Line, starts: list[float]) -> bool:
    """A line of running text across the columns (a note printed full width under its entry's
    line), not cells standing apart."""
    runs = _segments(line)
    if len(runs) != 1 or len(line.words) < 4:
        return False
    pitch = _fixed_pitch(line.words[0])
    if pitch and _printed_date(line.words[0]["text"]):
        # a typewriter font's columns one space apart: its words start at the columns' own
        # starts (the heading's), letter for letter
        on = sum(1 for s in starts[1:] if any(abs(w["x0"] - s) <= 0.3 * pitch for w in line.words))
        if on >= min(2, len(starts) - 1):
            return False
    cells = _cells(line, starts)
    return sum(1 for c in cells if c) >= 2


def _data_starts(lines: list[_Line], at: int, starts: list[float], date_at: int) -> list[float]:
    """Where the columns start, from the entries' first lines under the heading line when they
    stand in as many runs as there are headings: a heading centred over its column starts to
    the right of the column's text."""
    from app.chronology.layout import is_date_like

    seen: list[list[float]] = []
    for line in lines[at : at + 200]:
        runs = _segments(line)
        if len(runs) == len(starts) and is_date_like(_words(runs[date_at])):
            seen.append([r[0]["x0"] for r in runs])
    if len(seen) < 2:
        return starts
    found = []
    for i, start in enumerate(starts):
        xs = sorted(s[i] for s in seen)
        found.append(min(start, xs[len(xs) // 2]))
    if any(b <= a for a, b in zip(found, found[1:], strict=False)):
        return starts
    return found


def _aligned_tables(lines: list[_Line]):
    """The tables printed without lines among the document's lines (outside ruled tables):
    [(index of the heading line, index after the last line, rows)], the rows a heading row
    then one row an entry, each cell's lines joined; rows None where the lines go on with
    the table above (its heading printed again after text that is not the table's)."""
    from app.chronology.layout import is_date_like, noise_line
    from app.chronology.mapping import guess_mapping

    found: list[tuple[int, int, list[list[str]] | None]] = []
    keys: list[str] = []
    n = 0
    while n < len(lines):
        heading = _heading_line(lines[n])
        headless = heading is None
        if heading is None:
            led = _date_led_starts(lines, n)
            if led is None:
                n += 1
                continue
            starts, headings, key, date_at = led, [""] * len(led), None, 0
        else:
            starts = [s for s, _t in heading]
            headings = [t for _s, t in heading]
            key = " ".join(lines[n].text.lower().split())
            date_at = _date_column(headings) if _names_a_date(headings) else None
            if date_at is None:
                date_at = _dated_column(lines, n + 1, starts)
                if date_at is None:
                    n += 1
                    continue
        rows: list[list[str]] = []
        start = n
        last = lines[n]
        pitch = last.size * 1.25
        if not headless:
            n += 1
        # the headings wrapped onto the line under them ("Case note" / "text")
        while not headless and n < len(lines) and lines[n].page == last.page:
            below = lines[n]
            cells = _cells(below, starts)
            if below.top - last.bottom > pitch or is_date_like(cells[date_at]):
                break
            if any(len(c) > 40 for c in cells) or not any(cells):
                break
            if _spans_columns(below, starts):
                break
            headings = [f"{h} {c}".strip() for h, c in zip(headings, cells, strict=True)]
            last = below
            n += 1
        heading_below = [" ".join(line.text.lower().split()) for line in lines[start + 1 : n]]
        starts = _data_starts(lines, n, starts, date_at)
        event_at = guess_mapping(headings).get("event")
        going_on = None  # the rows of the table above with the same heading, to go on with
        if keys and key is not None and keys[-1] == key:
            for earlier in reversed(found):
                if earlier[2] is not None:
                    going_on = earlier[2]
                    break
        if going_on is not None:
            rows = going_on[1:]
        count = len(rows)
        running = False  # the entry's note is printed full width under its line
        wide = going_on is not None and len(going_on[0]) > len(headings)
        row_page = lines[n - 1].page if n else 0  # the page the last row started on
        while n < len(lines):
            line = lines[n]
            if " ".join(line.text.lower().split()) == key:  # the heading line again (a new page)
                last = line
                n += 1
                # and the headings' words wrapped under it ("Note Type" under "Case")
                for wrapped in heading_below:
                    if n < len(lines) and " ".join(lines[n].text.lower().split()) == wrapped:
                        last = lines[n]
                        n += 1
                continue
            cells = _cells(line, starts)
            if is_date_like(cells[date_at]) and not _spans_columns(line, starts):
                if rows and line.page != row_page and _goes_on(rows[-1], cells, date_at, event_at):
                    # the row the page break split, its date printed again over the rest
                    _go_on(rows[-1], cells, event_at)
                    row_page = line.page
                    last = line
                    n += 1
                    continue
                rows.append(cells + ([""] if wide else []))
                row_page = line.page
                running = False
            elif not rows:
                break
            elif (
                cells[date_at]
                and noise_line(" ".join(line.text.split()))
                and not any(
                    is_date_like(_cells(later, starts)[date_at]) for later in lines[n + 1 :]
                )
            ):
                break  # the report's footer under the last entry ("Total number of notes: 40")
            else:
                gap = line.top - last.bottom if line.page == last.page else 0
                # a note printed full width under its entry's line, its last line too
                spans = _spans_columns(line, starts) or running and cells[date_at] != ""
                if gap > 1.5 * pitch and cells[date_at] and not spans:
                    break  # text under the table ("End of report")
                if gap > 4 * pitch:
                    break
                if spans:
                    running = True
                    if event_at is None and not wide:
                        wide = True
                        for row in rows:
                            row.append("")
                    at = event_at if event_at is not None else len(rows[-1]) - 1
                    cells = [""] * len(rows[-1])
                    cells[at] = line.text
                for i, cell in enumerate(cells):
                    if cell:
                        rows[-1][i] = _wrapped(rows[-1][i], cell)
            pitch = max(min(line.size * 1.25, pitch * 1.5), line.bottom - line.top)
            last = line
            n += 1
        if going_on is not None:
            if len(rows) > count or n > start + 1:
                going_on[1:] = rows
                if wide and len(going_on[0]) < len(rows[0]):
                    going_on[0].append("Note")
                found.append((start, n, None))
                keys.append(key)
                continue
        if rows and headless:
            found.append((start, n, rows))  # no heading row: the columns are known by content
            keys.append("")
        elif rows:
            if wide:
                headings = [*headings, "Note"]
            found.append((start, n, [headings, *rows]))
            keys.append(key)
        else:
            n = start + 1
    return found


# --- paragraphs --------------------------------------------------------------------------------


def _paragraphs(lines: list[_Line]) -> list[tuple[str, str]]:
    """The lines as paragraphs: a new one after a wider gap than between a paragraph's lines,
    after a line ending short of the text's right edge, at a change of size; (kind, text),
    kind "h" for a heading (larger or bold, short), "p" for a paragraph."""
    if not lines:
        return []
    sizes = sorted(line.size for line in lines)
    body = sizes[len(sizes) // 2]
    right = max(line.x1 for line in lines)
    left = min(line.x0 for line in lines)
    width = max(right - left, 1.0)
    gaps = sorted(
        b.top - a.bottom
        for a, b in zip(lines, lines[1:], strict=False)
        if a.page == b.page and 0 <= b.top - a.bottom < 3 * body
    )
    usual = gaps[len(gaps) // 4] if gaps else body * 0.3
    found: list[list[Any]] = []
    previous: _Line | None = None
    for line in lines:
        heading = (line.size > body * 1.12 or line.bold) and len(line.text) <= 100
        kind = "h" if heading else "p"
        new = (
            previous is None
            or kind == "h"
            or found[-1][0] == "h"
            or (line.page == previous.page and line.top - previous.bottom > usual + 0.4 * body)
            or previous.x1 < right - 0.2 * width
            or line.x0 < previous.x0 - body  # a hanging indent: the entry's date stands out
            or abs(line.size - previous.size) > 0.5
        )
        if new:
            found.append([kind, line.text])
        else:
            found[-1][1] = _wrapped(found[-1][1], line.text)
        previous = line
    return [(kind, text) for kind, text in found]


# --- the document ------------------------------------------------------------------------------


# The last PDF read, by its bytes' sha256: reading one takes about a sixth of a second a page,
# and the import window plans the import again at each choice the user makes.
_LAST_READ: dict[str, tuple[list[list[Any]], list[str], list]] = {}


def read_pdf(
    path: Path,
    find_layout,
    struck: dict | None = None,
    struck_words: dict | None = None,
    progress=None,
) -> tuple[list[list[Any]], list[str]]:
    """(rows, notes) of a PDF document's chronology: its tables (ruled, or aligned without
    lines) read as a Word document's, its paragraphs as a Word document's paragraphs. The same
    file read again (the same bytes) is not parsed again. With ``struck`` (a dict), the cells
    holding words struck through are put in it, (row, column) -> "whole" or "part", and their
    struck words in ``struck_words``.

    ``progress(page, pages)``, if given, is called once per page before the page is read (not
    at all when the file was read just before); what it raises stops the reading and is raised
    as it is, so a caller can stop a long read between two pages."""
    with open(path, "rb") as handle:
        key = hashlib.file_digest(handle, "sha256").hexdigest()
    if key not in _LAST_READ:
        hearing = _PROGRESS.set(progress)
        try:
            read = _read_pdf(path, find_layout)
        finally:
            _PROGRESS.reset(hearing)
        _LAST_READ.clear()
        _LAST_READ[key] = read
    rows, notes, runs = _LAST_READ[key]
    if runs and struck is not None:
        found, words = _locate_struck(rows, runs)
        struck.update(found)
        if struck_words is not None:
            struck_words.update(words)
    return [list(row) for row in rows], list(notes)


def _read_pdf(path: Path, find_layout) -> tuple[list[list[Any]], list[str], list]:
    """(rows, notes, the runs of words struck through in print order)."""
    pages = _pages(path)
    rows, notes = _chronology(path.name, pages, find_layout)
    return rows, notes, [run for page in pages for run in page.struck]


def _chronology(shown: str, pages: list[_Page], find_layout) -> tuple[list[list[Any]], list[str]]:
    from app.chronology.word_tables import (
        _with_dated_paragraphs,
        dated_paragraphs,
        grids_chronology,
        paragraphs_chronology,
    )

    attached = pages[0].attached if pages else []
    if not any(page.lines or page.tables for page in pages):
        if attached:
            raise _refuse_attached(shown, attached)
        if any(page.pictures for page in pages):
            raise ImportRefused(
                f"{shown} is a PDF document that holds no text: its pages are pictures (it was "
                "scanned, or printed as images), which ReviewDesk cannot read. " + _ASK_SCANNED
            )
        raise ImportRefused(f"{shown} is a PDF document that holds no text. " + _ASK)
    printed = len(pages)
    furniture = _furniture(pages)
    scans = [page.number for page in pages if page.pictures and not page.lines and not page.tables]
    if scans and not any(page.lines or page.tables for page in pages):
        # only a scanner's or copier's stamp printed on each picture ("Scanned ... Page 1")
        raise ImportRefused(
            f"{shown} is a PDF document whose pages are pictures (it was scanned, or printed as "
            "images): no text of the chronology is in it, which ReviewDesk cannot read. "
            + _ASK_SCANNED
        )
    unfolded = [(page.number, n) for page in pages if (n := _unfold_columns(page))]
    pages, spilled = _join_spilled(pages, shown)
    blocks, how = _blocks(pages)
    grids = [b for kind, b in blocks if kind == "table"]
    lines = [(kind, b if kind != "table" else "") for kind, b in blocks]
    notes = [f"Read as a PDF document ({printed} page{'s' if printed != 1 else ''}){how}."]
    if spilled:
        notes.append(spilled)
    if attached:
        quoted = ", ".join(f"\u201c{n}\u201d" for n in attached[:5])
        notes.append(
            f"Attached to the PDF and not read: {quoted}{', …' if len(attached) > 5 else ''}."
        )
    if unfolded:
        which = ", ".join(str(number) for number, _n in unfolded)
        many = {n for _number, n in unfolded}
        how = "two" if many == {2} else "three" if many == {3} else "two or three"
        notes.append(
            f"Page{'s' if len(unfolded) != 1 else ''} {which} of the PDF "
            f"{'are' if len(unfolded) != 1 else 'is'} set in {how} columns of text: the left "
            "column is read first, then the next."
        )
    if furniture:
        quoted = "; ".join(f"\u201c{t[:80]}\u201d" for t in furniture[:12])
        notes.append(
            "Printed on every page and left out (running headings and footings, page numbers): "
            f"{quoted}{'; …' if len(furniture) > 12 else '.'}"
        )
    if scans:
        which = ", ".join(map(str, scans))
        notes.append(
            f"Page {which} of the PDF: a picture (scanned), with no text; nothing on it is read."
        )
    texts = [t for kind, t in lines if kind != "table"]
    if grids and not any(_holds_entries(g, find_layout) for g in grids):
        # the tables are boxes of details (the child's particulars, a form): the chronology
        # is in the paragraphs, when there
        found = dated_paragraphs(texts)
        if found is not None:
            boxes = "; ".join(" | ".join(c for c in g[0] if c)[:60] for g in grids[:5])
            note = f"The PDF's tables hold no entries and are left out ({boxes})."
            return found[0], [*notes, note, *found[1]]
    if grids:
        rows, more = grids_chronology(grids, shown, find_layout)
        rows, more = _with_dated_paragraphs(rows, more, lines)
        return rows, [*notes, *(m.replace("in the document", "in the PDF") for m in more)]
    found = paragraphs_chronology(texts)
    if found is not None:
        return found[0], [*notes, *found[1]]
    if scans:
        which = ", ".join(map(str, scans))
        raise ImportRefused(
            f"{shown} is a PDF document with no chronology in its text: page"
            f"{'s' if len(scans) != 1 else ''} {which} of it {'are' if len(scans) != 1 else 'is a'} "
            f"picture{'s' if len(scans) != 1 else ''} (scanned, or printed as images), with no "
            "text, which ReviewDesk cannot read. " + _ASK_SCANNED
        )
    if attached:
        raise _refuse_attached(shown, attached)
    raise ImportRefused(
        f"{shown} is a PDF document with no chronology found in it: no table (a row naming "
        "the columns, such as Date, Event, above the entries) and no paragraphs starting "
        "with a date. " + _ASK
    )


# --- a page set in two columns of text -------------------------------------------------------


def _part_of_line(line: _Line, words: list[dict]) -> _Line:
    """The line made of some of ``line``'s words (its part in one column, say): its size and
    boldness its own words' (a bold heading in one column is level with text in another)."""
    size = max(float(w.get("size") or line.size) for w in words)
    bold = all("bold" in str(w.get("fontname", "")).lower() for w in words)
    return _Line(line.page, min(w["top"] for w in words), max(w["bottom"] for w in words),
                 words[0]["x0"], max(w["x1"] for w in words), size, bold, words,
                 line.base)  # fmt: skip


def _unfold_columns(page: _Page) -> int:
    """A page set in two or three columns of running text (a report laid out as a newsletter
    or a bulletin is): its lines hold words either side of clear gutters (near the page's
    middle; near its thirds), each column one run of text, every column wide. The later
    columns' lines are moved under the first column's, in turn, as one column, so the text
    reads in order. A table printed without lines (several runs a line, narrow columns) is
    not. The number of columns unfolded (0 when none)."""
    lines = page.lines
    if len(lines) < 8 or page.tables:
        return 0
    size = sorted(line.size for line in lines)[len(lines) // 2]
    # how many lines have a word over each point across the page (x a whole number of pt)
    crossing = [0] * (int(page.width) + 2)
    for line in lines:
        marked: set[int] = set()
        for w in line.words:
            low = max(0, math.floor(w["x0"] - 0.6 * size) + 1)
            high = min(len(crossing) - 1, math.ceil(w["x1"] + 0.6 * size) - 1)
            marked.update(range(low, high + 1))
        for at in marked:
            crossing[at] += 1
    for count in (2, 3):
        if _unfold(page, count, size, crossing):
            return count
    return 0


def _unfold(page: _Page, count: int, size: float, crossing: list[int]) -> bool:
    lines = page.lines
    width = page.width

    def covers(line: _Line, x: float) -> bool:
        return any(w["x0"] - 0.6 * size < x < w["x1"] + 0.6 * size for w in line.words)

    spans = [(0.3, 0.7)] if count == 2 else [(0.2, 0.45), (0.55, 0.8)]
    gutters: list[float] = []
    for low, high in spans:
        best = None
        for step in range(int(low * width), int(high * width), 2):
            crossed = crossing[step]
            if best is None or crossed < best[0]:
                best = (crossed, float(step))
        if best is None or best[0] > 0.1 * len(lines):
            return False
        gutters.append(best[1])
    edges = [-1.0, *gutters, float("inf")]

    def split(line: _Line) -> list[list[dict]]:
        return [
            [w for w in line.words if low <= (w["x0"] + w["x1"]) / 2 < high]
            for low, high in zip(edges, edges[1:], strict=False)
        ]

    crossed = [line for line in lines if any(covers(line, g) for g in gutters)]
    apart = [split(line) for line in lines if not any(covers(line, g) for g in gutters)]
    parts = [[side[j] for side in apart if side[j]] for j in range(count)]
    # every column but the last holds six lines or more; of three, the last (where the text
    # ends) may be short or empty
    if any(len(p) < 6 for p in parts[:-1]) or 0 < len(parts[-1]) < 2:
        return False
    if count == 2 and len(parts[-1]) < 6:
        return False
    for side in parts:
        if not side:
            continue
        one_run = sum(1 for p in side if len(_segments(_Line(0, 0, 0, 0, 0, size, False, p))) == 1)
        wide = sorted(p[-1]["x1"] - p[0]["x0"] for p in side)[len(side) // 2]
        if one_run < 0.8 * len(side) or wide < 0.5 / count * width:
            return False
    columns: list[list[_Line]] = [[] for _ in range(count)]
    kept: list[_Line] = []
    for line in lines:
        if line in crossed:
            kept.append(line)
            continue
        for j, words in enumerate(split(line)):
            if words:
                columns[j].append(_part_of_line(line, words))
    placed = [line for column in columns for line in column]
    if kept and max(line.top for line in kept) > min(line.top for line in placed):
        return False  # text across a gutter among the columns' lines: not columns
    first = columns[0]
    gaps = sorted(b.top - a.bottom for a, b in zip(first, first[1:], strict=False))
    usual = gaps[len(gaps) // 4] if gaps else 0.3 * size
    top = min(line.top for line in placed)
    left_x = min(line.x0 for line in first)
    below = max(line.bottom for line in first) + max(usual, 0.0)
    for column in columns[1:]:
        if not column:
            continue
        shift_x = left_x - min(line.x0 for line in column)
        down = below - top
        for line in column:
            for w in line.words:
                w["x0"] += shift_x
                w["x1"] += shift_x
                w["top"] += down
                w["bottom"] += down
            line.x0 += shift_x
            line.x1 += shift_x
            line.top += down
            line.bottom += down
            line.base += down
        below = max(line.bottom for line in column) + max(usual, 0.0)
    page.lines = [*kept, *placed]
    page.height = max(page.height, max(line.bottom for line in placed) + 1)
    return True


# --- a sheet printed wider than the page ----------------------------------------------------


def _dated_rows(page: _Page) -> list[float]:
    """Where the page's entries start: the tops of its lines led by a date (standing apart
    from the words beside it), or of its ruled tables' rows whose first cell is a date."""

    tops = []
    for line in page.lines:
        runs = _segments(line)
        if len(runs) >= 2 and _printed_date(_words(runs[0])):
            tops.append(line.top)
    for (_top, _bottom, rows), row_tops in zip(page.tables, page.row_tops, strict=False):
        tops.extend(t for t, row in zip(row_tops, rows, strict=False) if _printed_date(row[0]))
    return tops


def _same_rows(lead: _Page, other: _Page) -> bool:
    """Whether ``other`` holds more columns of the rows on ``lead`` (a sheet's columns printed
    over, the rows at the same heights): its ruled tables as many and as tall, or its lines
    standing level with most of the lead's entries' first lines, none below its last."""
    if not other.lines and not other.tables:
        return False
    if len(lead.tables) == 1 and not other.tables and not lead.lines:
        # one column of ruled cells is read as lines: each line within a row of the table
        spans = _row_spans(lead)
        starts = set(_dated_rows(lead))
        inside = [any(a - 1 <= line.top < b for a, b in spans) for line in other.lines]
        # each dated row's text set from its top (or, aligned to the foot, from its foot)
        held = [[m for m in other.lines if a - 1 <= m.top < b] for a, b in spans if a in starts]
        above_foot = [
            b - cell[-1].bottom
            for cell, (a, b) in zip(held, [s for s in spans if s[0] in starts], strict=True)
            if cell
        ]
        under_top = [
            cell[0].top - a
            for cell, (a, b) in zip(held, [s for s in spans if s[0] in starts], strict=True)
            if cell
        ]
        return all(inside) and (_level(under_top, len(starts)) or _level(above_foot, len(starts)))
    if len(lead.tables) != len(other.tables):
        return False
    for (top, bottom, rows), (top2, bottom2, rows2) in zip(lead.tables, other.tables, strict=True):
        if len(rows) != len(rows2) or abs(top - top2) > 1.5 or abs(bottom - bottom2) > 1.5:
            return False
    starts = [line.top for line in lead.lines if line.top in set(_dated_rows(lead))]
    if not starts:
        return bool(lead.tables) and not other.lines
    tops = [line.top for line in other.lines]
    near = 0.4 * min(line.size for line in lead.lines)  # a cell set a little higher or lower
    off = [min((t - top for t in tops if abs(top - t) <= near), key=abs, default=None)
           for top in starts]  # fmt: skip
    lowest = max(line.bottom for line in lead.lines)
    pitch = max(line.bottom - line.top for line in lead.lines)
    return _level(off, len(starts)) and max(tops) <= lowest + 2 * pitch


def _level(offsets: list[float | None], count: int) -> bool:
    """Whether most rows (six in ten) have a line standing at the same height from their
    start as the others do (give or take a point): a sheet's columns printed over, not a page
    of running text whose lines happen to stand near the rows'."""
    found = sorted(o for o in offsets if o is not None)
    if not found or not count:
        return False
    middle = found[len(found) // 2]
    return sum(1 for o in found if abs(o - middle) <= 1.0) >= 0.6 * count


def _join_spilled(pages: list[_Page], shown: str) -> tuple[list[_Page], str]:
    """A sheet printed wider than the page (no "fit all columns on one page"): its first
    columns on some pages, the columns beyond them on later pages, either "down, then over"
    (pages 1-2 the first columns of all rows, pages 3-4 the next columns) or "over, then down"
    (page 1 the first columns of the first rows, page 2 the next columns of the same rows).
    Each page of later columns is joined to the page of the same rows, side by side, when its
    rows stand at the same heights; refused in plain words when they cannot be matched."""
    kinds = [bool(_dated_rows(page)) if page.lines or page.tables else None for page in pages]
    pages = list(pages)
    repeats = _repeated_columns(pages)
    for n, page in repeats.items():
        pages[n] = page
        kinds[n] = False
    used = [n for n, kind in enumerate(kinds) if kind is not None]
    leads = [n for n in used if kinds[n]]
    rest = [n for n in used if not kinds[n]]
    if not rest or not leads:
        return pages, ""
    count, per = len(used), len(leads)
    groups = None
    if count % per == 0 and count > per:
        sets = count // per
        if [used[n] for n in range(per)] == leads:  # down, then over
            groups = [[used[j + s * per] for s in range(sets)] for j in range(per)]
        elif [used[n] for n in range(0, count, sets)] == leads:  # over, then down
            groups = [[used[j * sets + s] for s in range(sets)] for j in range(per)]
    elif count > per and [used[n] for n in range(per)] == leads:
        groups = _last_set_short(pages, used[per:], leads)
    elif count > per and used[0] == leads[0]:
        groups = _row_sets_short(pages, used, leads)
    if groups is not None and all(
        n is None
        or _same_rows(pages[group[0]], pages[n])
        or _sparse_level(pages[group[0]], pages[n])
        for group in groups
        for n in group[1:]
    ):
        for group in groups:  # a page left unprinted (its columns empty on those rows)
            for at, n in enumerate(group):
                if n is None:
                    group[at] = len(pages)
                    pages.append(_standin(pages, groups, at))
        joined = [
            _side_by_side([pages[n] for n in group], at) for at, group in enumerate(groups, 1)
        ]
        kept = [page for n, page in enumerate(pages[: len(kinds)]) if kinds[n] is None]
        first = ", ".join(str(pages[n].number) for n in leads)
        note = (
            f"The sheet was printed wider than the page: the columns on page{'s' if len(rest) != 1 else ''} "
            f"{', '.join(str(pages[n].number) for n in rest)} are joined to the rows they "
            f"belong to (on page{'s' if per != 1 else ''} {first})."
        )
        return [*joined, *kept], note
    # pages of columns standing level with the rows of a page of dates, not matched up
    if any(_same_rows(pages[lead], pages[n]) for n in rest for lead in leads) and any(
        _heading_line(pages[n].lines[0]) is not None or len(_segments(pages[n].lines[0])) == 1
        for n in rest
        if pages[n].lines
    ):
        raise ImportRefused(
            f"{shown} is a spreadsheet printed wider than the page: some of its columns went "
            "onto later pages, and ReviewDesk cannot match them to their rows safely. Ask the "
            'agency to print it again with "fit all columns on one page" (Page Setup, '
            "Scaling), or to send the spreadsheet itself."
        )
    return pages, ""


def _last_set_short(pages: list[_Page], rest: list[int], leads: list[int]):
    """The groups of a sheet printed "down, then over" whose last set of pages is short: its
    columns empty on some rows' pages, which the spreadsheet does not print. Every set but the
    last is whole; each page of the last set is matched to the one page of dates its few lines
    stand level with (in order); the pages not printed are None. None when it is not so."""
    per = len(leads)
    whole = len(rest) // per * per
    short = rest[whole:]
    if not short or not whole:
        return None
    groups: list[list[int | None]] = [
        [lead, *(rest[j + s * per] for s in range(whole // per))] for j, lead in enumerate(leads)
    ]
    for group in groups:
        group.append(None)
    at = 0
    for n in short:
        fits = [j for j in range(at, per) if _sparse_level(pages[leads[j]], pages[n])]
        if len(fits) != 1 and not (fits and fits[0] == at):
            return None  # no page of dates, or more than one, could hold these lines
        groups[fits[0]][-1] = n
        at = fits[0] + 1
    return groups


def _row_sets_short(pages: list[_Page], used: list[int], leads: list[int]):
    """The groups of a sheet printed "over, then down" with pages missing: each page of dates
    followed by the pages of its rows' later columns, some sets with fewer pages than others
    (a page whose columns are empty on those rows is not printed). Each later page is placed
    by its heading line, the same text as one page's in every whole set at that place; the
    places no page fills are None. None when it is not so (no whole set, a heading unknown or
    twice in a set, headings not in the whole sets' order)."""
    sets: list[list[int]] = []
    for n in used:
        if n in leads:
            sets.append([n])
        else:
            sets[-1].append(n)
    size = max(len(group) for group in sets)

    def heading(n: int) -> str:
        lines = pages[n].lines
        return re.sub(r"\d+", "#", " ".join(lines[0].text.lower().split())) if lines else ""

    whole = [group for group in sets if len(group) == size]
    if size < 2 or not whole or len(whole) == len(sets):
        return None
    places = [heading(n) for n in whole[0][1:]]
    if "" in places or len(set(places)) != len(places):
        return None
    if any([heading(n) for n in group[1:]] != places for group in whole):
        return None
    groups: list[list[int | None]] = []
    for group in sets:
        found: list[int | None] = [group[0], *([None] * (size - 1))]
        at = 0
        for n in group[1:]:
            text = heading(n)
            if text not in places or places.index(text) < at:
                return None
            at = places.index(text)
            found[at + 1] = n
            at += 1
        groups.append(found)
    return groups


def _sparse_level(lead: _Page, other: _Page) -> bool:
    """Whether ``other`` holds a column of ``lead``'s rows that is empty on most of them: its
    first line, a heading, level with the lead's first line; each other line level with one of
    the lead's entries' first lines, at one steady offset, none below the lead's last line."""
    if other.tables or lead.tables or len(other.lines) < 2 or not lead.lines:
        return False
    heading, below = other.lines[0], other.lines[1:]
    if abs(heading.top - lead.lines[0].top) > 1.0 or _printed_date(heading.text):
        return False
    if any(len(_words(run)) > 40 for run in _segments(heading)):
        return False
    starts = sorted(_dated_rows(lead))
    if not starts:
        return False
    lowest = max(line.bottom for line in lead.lines)
    offsets = []
    for line in below:
        if line.top > lowest:
            return False
        near = [line.top - t for t in starts if -1.0 <= line.top - t <= 0.4 * line.size + 1]
        if not near:
            offsets.append(None)
            continue
        offsets.append(min(near, key=abs))
    found = [o for o in offsets if o is not None]
    if not found:
        return False
    middle = sorted(found)[len(found) // 2]
    # a row's lines: its first level with the row, the rest (wrapped) under it
    firsts = [o for o in found if abs(o - middle) <= 1.0]
    return len(firsts) >= 1 and all(
        o is not None
        and abs(o - middle) <= 1.0
        or any(0 < line.top - f.bottom <= 1.5 * line.size for f in below[:k])
        for k, (o, line) in enumerate(zip(offsets, below, strict=True))
    )


def _standin(pages: list[_Page], groups, at: int) -> _Page:
    """A page the spreadsheet did not print (its columns empty on those rows): the heading
    line the other pages of its set print at their top, so that the rows' columns stay in
    line; nothing else."""
    for group in groups:
        n = group[at]
        if n is not None and n < len(pages) and pages[n].lines:
            page = pages[n]
            first = page.lines[0]
            copy = _Line(first.page, first.top, first.bottom, first.x0, first.x1, first.size,
                         first.bold, list(first.words), first.base)  # fmt: skip
            return _Page(page.number, page.height, page.width, [copy], [], 0)
    return _Page(0, pages[0].height, pages[0].width, [], [], 0)


def _dated_lines(page: _Page) -> dict[float, list[list[dict]]]:
    """The page's lines led by a printed date standing apart: their tops -> their runs."""
    found = {}
    for line in page.lines:
        runs = _segments(line)
        if len(runs) >= 2 and _printed_date(_words(runs[0])):
            found[line.top] = runs
    return found


def _repeated_columns(pages: list[_Page]) -> dict[int, _Page]:
    """The pages of a sheet printed wider than the page with its first columns printed again
    on every page ("columns to repeat at left", most often the date): a page whose dated lines
    are an earlier page's, word for word and at the same heights, holds more columns of that
    page's rows. Each such page, by its index, with the repeated columns taken off (and the
    heading over them), so that it reads as a page of later columns."""
    dated = [_dated_lines(page) for page in pages]
    found: dict[int, _Page] = {}
    for n, page in enumerate(pages):
        if page.tables:
            stripped = _repeated_cells(pages, n, found)
            if stripped is not None:
                found[n] = stripped
            continue
        mine = dated[n]
        if len(mine) < 2 or page.tables:
            continue
        for m in range(n):
            theirs = dated[m]
            if m in found or len(theirs) != len(mine):
                continue
            pairs = [
                (runs, next((r for t, r in theirs.items() if abs(t - top) <= 1.0), None))
                for top, runs in mine.items()
            ]
            if any(other is None or _words(other[0]) != _words(runs[0]) for runs, other in pairs):
                continue
            if all(
                [_words(r) for r in runs] == [_words(r) for r in other] for runs, other in pairs
            ):
                continue  # the same page printed twice, not more columns
            cuts = []
            for runs, other in pairs:
                same = 0
                while (
                    same < min(len(runs), len(other)) - 1
                    and _words(runs[same]) == _words(other[same])
                    and abs(runs[same][0]["x0"] - other[same][0]["x0"]) <= 1.0
                ):
                    same += 1
                cuts.append(runs[same][0]["x0"])
            cut = min(cuts) - 0.5
            lines = []
            for line in page.lines:
                words = [w for w in line.words if w["x0"] >= cut]
                if words:
                    lines.append(_part_of_line(line, words))
            stripped = _Page(page.number, page.height, page.width, lines, [], page.pictures)
            stripped.struck = page.struck
            found[n] = stripped
            break
    return found


def _repeated_cells(pages: list[_Page], n: int, found: dict[int, _Page]) -> _Page | None:
    """``_repeated_columns`` for ruled tables: the page's tables as many, as tall and with as
    many rows as an earlier page's, their first cells (the dates) the same row for row, the
    cells beyond them not: that page's rows' later columns, the repeated ones taken off."""
    page = pages[n]
    for m in range(n):
        lead = pages[m]
        if (
            m in found
            or len(lead.tables) != len(page.tables)
            or page.lines != []
            and lead.lines == []
        ):
            continue
        cuts = []
        for (top, bottom, rows), (top2, bottom2, rows2) in zip(
            lead.tables, page.tables, strict=True
        ):
            if len(rows) != len(rows2) or abs(top - top2) > 1.5 or abs(bottom - bottom2) > 1.5:
                break
            if not any(_printed_date(r[0]) for r in rows) or any(
                a[0] != b[0] for a, b in zip(rows, rows2, strict=True)
            ):
                break
            same = 1
            while all(
                same < min(len(a), len(b)) - 1 and a[same] == b[same]
                for a, b in zip(rows, rows2, strict=True)
            ):
                same += 1
            if all(a == b for a, b in zip(rows, rows2, strict=True)):
                break  # the same page printed twice
            cuts.append(same)
        else:
            tables = [
                (top, bottom, [row[cut:] for row in rows])
                for (top, bottom, rows), cut in zip(page.tables, cuts, strict=True)
            ]
            stripped = _Page(
                page.number, page.height, page.width, page.lines, tables, page.pictures
            )
            stripped.struck = page.struck
            stripped.row_tops = page.row_tops
            return stripped
    return None


def _row_spans(page: _Page) -> list[tuple[float, float]]:
    """The heights each row of the page's one ruled table spans."""
    top, bottom, _rows = page.tables[0]
    tops = page.row_tops[0]
    return list(zip(tops, [*tops[1:], bottom], strict=True))


def _side_by_side(pages: list[_Page], number: int) -> _Page:
    """Pages holding the same rows' columns as one wide page: each next page's words to the
    right of the page before, a line level with a line joining it; ruled tables' rows joined."""
    lead = pages[0]
    lines = [
        _Line(number, line.top, line.bottom, line.x0, line.x1, line.size, line.bold,
              list(line.words), line.base)
        for line in lead.lines
    ]  # fmt: skip
    tables = [(top, bottom, [list(r) for r in rows]) for top, bottom, rows in lead.tables]
    right = max([line.x1 for line in lead.lines] + [0.0])
    for other in pages[1:]:
        left = min([line.x0 for line in other.lines] + [0.0])
        shift = right + 24 - left
        column = bool(tables) and not other.tables and not lead.lines
        for line in [] if column else other.lines:
            words = [{**w, "x0": w["x0"] + shift, "x1": w["x1"] + shift} for w in line.words]
            level = next((m for m in lines if abs(m.top - line.top) <= 0.4 * line.size), None)
            if level is None:
                lines.append(
                    _Line(number, line.top, line.bottom, line.x0 + shift, line.x1 + shift,
                          line.size, line.bold, words, line.base)
                )  # fmt: skip
            else:
                level.words.extend(words)
                level.x1 = max(level.x1, line.x1 + shift)
                level.bottom = max(level.bottom, line.bottom)
                level.size = max(level.size, line.size)
        if column:
            # a column of ruled cells read as lines: each row's lines as one more cell
            added = [""] * len(tables[0][2])
            for line in other.lines:
                for r, (a, b) in enumerate(_row_spans(lead)):
                    if a - 1 <= line.top < b:
                        added[r] = _wrapped(added[r], line.text)
                        break
            for row, cell in zip(tables[0][2], added, strict=True):
                row.append(cell)
            continue
        for (_t, _b, rows), (_t2, _b2, more) in zip(tables, other.tables, strict=True):
            for row, extra in zip(rows, more, strict=True):
                row.extend(extra)
        right = max([line.x1 for line in lines] + [right])
    lines.sort(key=lambda line: line.top)
    for line in lines:
        line.words.sort(key=lambda w: w["x0"])
    joined = _Page(number, lead.height, right + 50, lines, tables, lead.pictures)
    joined.struck = [run for page in pages for run in page.struck]
    joined.row_tops = lead.row_tops
    return joined


def _holds_entries(grid: list[list[str]], find_layout) -> bool:
    """A table with a chronology's heading row, or rows that are entries (a date and a
    sentence), not a box of details."""
    from app.chronology.layout import is_an_entry, is_date_like
    from app.chronology.mapping import guess_mapping

    if sum(map(is_an_entry, grid)) >= 2:
        return True
    layout = find_layout(grid)
    if layout is None or layout.score < 2:
        return False
    at = guess_mapping(layout.headings).get("date")
    below = grid[layout.header_index + 1 :]
    return at is not None and any(at < len(r) and is_date_like(r[at]) for r in below)


def _blocks(pages: list[_Page]) -> tuple[list[tuple[str, Any]], str]:
    """The document in order: ("table", rows) for each table (a ruled table going on over the
    page break joined into one), ("p", text) or ("h", text) for each paragraph; and how the
    tables were read, for the note."""
    from app.chronology.layout import is_date_like

    items: list[tuple[int, float, str, Any]] = []  # (page, top, kind, content)
    ruled = 0
    for page in pages:
        for top, _bottom, rows in page.tables:
            items.append((page.number, top, "ruled", rows))
            ruled += 1
        for line in page.lines:
            items.append((page.number, line.top, "line", line))
    items.sort(key=lambda i: (i[0], i[1]))
    blocks: list[tuple[str, Any]] = []
    pending: list[_Line] = []
    aligned = 0

    def flush() -> None:
        nonlocal aligned
        if not pending:
            return
        at = 0
        for start, end, rows in _aligned_tables(pending):
            blocks.extend(_paragraphs(pending[at:start]))
            if rows is not None:
                blocks.append(("table", rows))
                aligned += 1
            at = end
        blocks.extend(_paragraphs(pending[at:]))
        pending.clear()

    previous_table: list[list[str]] | None = None
    previous_page = 0
    for page_number, _top, kind, content in items:
        if kind == "line":
            pending.append(content)
            previous_table = None
            continue
        rows = content
        if (
            previous_table is not None
            and not pending
            and page_number == previous_page + 1
            and max(map(len, rows)) == max(map(len, previous_table))
        ):
            _join_over_page(previous_table, rows, is_date_like)
            previous_page = page_number
            continue
        flush()
        table = [list(r) for r in rows]
        blocks.append(("table", table))
        previous_table, previous_page = table, page_number
    flush()
    how = []
    if ruled:
        how.append("tables read by the lines drawn round their cells")
    if aligned:
        how.append("columns printed without lines found from the heading line's words")
    return blocks, (": " + "; ".join(how)) if how else ""


# What a case system prints before the rest of a note the page break split, its date (and
# worker) printed again: "(continued)", "Cont'd:", "continued from previous page".
_GOES_ON = re.compile(
    r"\s*[(\[]?\s*(?:continued|cont(?:'|\u2019)?d|cont\.)\s*"
    r"(?:from\s+(?:the\s+)?(?:previous|last|page)(?:\s+page|\s+\d+)?)?\s*[)\]]?\s*[:.\-\u2013]?\s*",
    re.I,
)


def _goes_on(last: list[str], first: list[str], date_at: int, event_at: int | None) -> bool:
    """Whether ``first``, the first row of a new page, is the rest of ``last`` (the row the
    page break split) printed again with its date: the same date, every other cell it fills
    the same as the row above's, and either a "(continued)" before its note, or a cell the
    row above fills left empty while that row's note stops mid-sentence."""
    if date_at >= len(first) or date_at >= len(last) or _key(first[date_at]) != _key(last[date_at]):
        return False
    event = event_at if event_at is not None else _longest(last)
    if event is None or event >= len(first) or not first[event]:
        return False
    for i, cell in enumerate(first):
        if i not in (event, date_at) and cell and (i >= len(last) or _key(cell) != _key(last[i])):
            return False
    marked = _GOES_ON.match(first[event]) is not None
    blanked = any(last[i] and not first[i] for i in range(min(len(first), len(last))) if i != event)
    return marked or blanked and not str(last[event]).rstrip().endswith((".", "!", "?", '"'))


def _go_on(last: list[str], first: list[str], event_at: int | None) -> None:
    event = event_at if event_at is not None else _longest(last)
    rest = str(first[event])
    marked = _GOES_ON.match(rest)
    last[event] = _wrapped(last[event], rest[marked.end() :] if marked else rest)


def _longest(cells: list[str]) -> int | None:
    sizes = [len(str(c or "")) for c in cells]
    return max(range(len(sizes)), key=sizes.__getitem__) if any(sizes) else None


_TIME_ALONE = re.compile(r"\s*\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:am|pm|hrs?))?\s*", re.I)


def _join_over_page(table: list[list[str]], rows: list[list[str]], is_date_like) -> None:
    """A ruled table going on at the top of the next page: its heading row printed again is
    left out, and a first row with no date (the rest of a row the page break split), or with
    its date printed again over the rest of its note, joins the row above."""
    rows = [list(r) for r in rows]
    if rows and [_key(c) for c in rows[0]] == [_key(c) for c in table[0]]:
        rows = rows[1:]
    if rows and len(table) > 1:
        date_at = _date_column([str(c) for c in table[0]])
        first, last = rows[0], table[-1]
        if _goes_on(last, first, date_at, None):
            _go_on(last, first, None)
            table.extend(rows[1:])
            return

        def tail_of(i: int) -> bool:  # the rest of a date or time the page break cut off
            head = str(last[i]).rsplit("\n", 1)[-1].strip()
            return bool(first[i]) and _completes(head, str(first[i]).split("\n", 1)[0].strip())

        if (
            date_at < len(first)
            and date_at < len(last)
            and (
                not first[date_at].strip()
                and is_date_like(last[date_at])
                # "26/04/202" at the foot of the page, "0" at the top of the next
                or first[date_at].strip()
                and tail_of(date_at)
                # a date over its time in one cell, the time on the next page
                or _TIME_ALONE.fullmatch(first[date_at])
                and is_date_like(last[date_at])
                and ":" not in last[date_at]
            )
        ):
            for i, cell in enumerate(first):
                if cell and i < len(last):
                    last[i] = last[i] + cell if tail_of(i) else _wrapped(last[i], cell)
            rows = rows[1:]
    table.extend(rows)


def _key(cell: Any) -> str:
    return " ".join(str(cell or "").lower().split())
