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
        return pages
    finally:
        pdf.close()


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
    if drawing:
        _snap_drawing(page)
        # A row split by the page break is open at the foot of the page (and the top of the
        # next): the ends of the column rules close it.
        ends = sorted(
            {round(e[k], 1) for e in page.edges if e["orientation"] == "v"
             and e["bottom"] - e["top"] > 4 for k in ("top", "bottom")}
        )  # fmt: skip
        settings = {"explicit_horizontal_lines": ends[:200]}
        for table in page.find_tables(settings):
            rows = [[_tidy(c or "") for c in row] for row in table.extract()]
            rows = [r for r in rows if any(r)]
            if len(rows) < 2 or max(len(r) for r in rows) < 2:
                continue  # a frame round the page, or a box round a title: its words are text
            boxes.append(table.bbox)
            tables.append((table.bbox[1], table.bbox[3], rows))
    words = [
        piece
        for word in page.extract_words(extra_attrs=["size", "fontname"], return_chars=True)
        for piece in _apart(word)
    ]
    for word in words:
        word["text"] = word["text"].translate(_PLAIN)
    words = [w for w in words if w["text"].strip()]
    words = [w for w in words if not any(_inside(w, box) for box in boxes)]
    return _Page(number, page.height, page.width, _lines(words, number), tables, len(page.images))


def _apart(word: dict) -> list[dict]:
    """A "word" that is two cells' values standing closer than a space (a date right-aligned in
    its cell, the time left-aligned in the next: "02/03/2022" 1.6 pt from "10:00"), cut where
    the gap between two letters stands out from the word's own: letters of one word touch, or
    are spaced evenly."""
    chars = word.pop("chars")
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
        pieces.append({
            **word,
            "text": "".join(c["text"] for c in part),
            "x0": part[0]["x0"],
            "x1": part[-1]["x1"],
            "top": min(c["top"] for c in part),
            "bottom": max(c["bottom"] for c in part),
        })  # fmt: skip
    return pieces


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
    left: list[str] = []
    for page in pages:
        keep = []
        outer = {id(line) for line in page.lines[:1] + page.lines[-2:]}
        for line in page.lines:
            text = line.text
            if in_band(page, line) and (
                key(text) in repeated
                or _PAGE_NUMBER.match(text)
                or _MARKING.match(text)
                or (id(line) in outer and _STAMP.search(text))
            ):
                segments = _segments(line)
                # a table's heading line printed again at the top of each page is not furniture
                if len(segments) < 2 or header_score([_words(s) for s in segments]) < 2:
                    if key(text) not in {key(t) for t in left}:
                        left.append(text)
                    continue
            keep.append(line)
        page.lines = keep
    return left


# --- a table printed without lines -------------------------------------------------------------


def _segments(line: _Line) -> list[list[dict]]:
    """The line's words in runs standing apart (a wider gap than a space between them)."""
    runs: list[list[dict]] = []
    for word in line.words:
        gap = max(4.0, 0.6 * float(word.get("size") or line.size))
        if runs and word["x0"] - runs[-1][-1]["x1"] <= gap:
            runs[-1].append(word)
        else:
            runs.append([word])
    return runs


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
    if any(len(t) > 40 or is_date_like(t) for t in texts) or header_score(texts) < 2:
        return None
    if not any("date" in header_fields(t) for t in texts):
        return None
    return [(r[0]["x0"], t) for r, t in zip(runs, texts, strict=True)]


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
        if heading is None:
            n += 1
            continue
        starts = [s for s, _t in heading]
        headings = [t for _s, t in heading]
        key = " ".join(lines[n].text.lower().split())
        date_at = _date_column(headings)
        rows: list[list[str]] = []
        start = n
        last = lines[n]
        pitch = last.size * 1.25
        n += 1
        # the headings wrapped onto the line under them ("Case note" / "text")
        while n < len(lines) and lines[n].page == last.page:
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
        if keys and keys[-1] == key:
            for earlier in reversed(found):
                if earlier[2] is not None:
                    going_on = earlier[2]
                    break
        if going_on is not None:
            rows = going_on[1:]
        count = len(rows)
        running = False  # the entry's note is printed full width under its line
        wide = going_on is not None and len(going_on[0]) > len(headings)
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
                rows.append(cells + ([""] if wide else []))
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
        if rows:
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
_LAST_READ: dict[str, tuple[list[list[Any]], list[str]]] = {}


def read_pdf(path: Path, find_layout, progress=None) -> tuple[list[list[Any]], list[str]]:
    """(rows, notes) of a PDF document's chronology: its tables (ruled, or aligned without
    lines) read as a Word document's, its paragraphs as a Word document's paragraphs. The same
    file read again (the same bytes) is not parsed again.

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
    rows, notes = _LAST_READ[key]
    return [list(row) for row in rows], list(notes)


def _read_pdf(path: Path, find_layout) -> tuple[list[list[Any]], list[str]]:
    from app.chronology.word_tables import (
        _with_dated_paragraphs,
        dated_paragraphs,
        grids_chronology,
        labelled_paragraphs,
        tabbed_paragraphs,
    )

    shown = path.name
    pages = _pages(path)
    if not any(page.lines or page.tables for page in pages):
        if any(page.pictures for page in pages):
            raise ImportRefused(
                f"{shown} is a PDF document that holds no text: its pages are pictures (it was "
                "scanned, or printed as images), which ReviewDesk cannot read. " + _ASK
            )
        raise ImportRefused(f"{shown} is a PDF document that holds no text. " + _ASK)
    furniture = _furniture(pages)
    blocks, how = _blocks(pages)
    grids = [b for kind, b in blocks if kind == "table"]
    lines = [(kind, b if kind != "table" else "") for kind, b in blocks]
    notes = [f"Read as a PDF document ({len(pages)} page{'s' if len(pages) != 1 else ''}){how}."]
    if furniture:
        quoted = "; ".join(f"\u201c{t[:80]}\u201d" for t in furniture[:12])
        notes.append(
            "Printed on every page and left out (running headings and footings, page numbers): "
            f"{quoted}{'; …' if len(furniture) > 12 else '.'}"
        )
    scans = [page.number for page in pages if page.pictures and not page.lines and not page.tables]
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
    found = tabbed_paragraphs(texts) or dated_paragraphs(texts) or labelled_paragraphs(texts)
    if found is not None:
        return found[0], [*notes, *found[1]]
    raise ImportRefused(
        f"{shown} is a PDF document with no chronology found in it: no table (a row naming "
        "the columns, such as Date, Event, above the entries) and no paragraphs starting "
        "with a date. " + _ASK
    )


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


def _join_over_page(table: list[list[str]], rows: list[list[str]], is_date_like) -> None:
    """A ruled table going on at the top of the next page: its heading row printed again is
    left out, and a first row with no date (the rest of a row the page break split) joins the
    row above."""
    rows = [list(r) for r in rows]
    if rows and [_key(c) for c in rows[0]] == [_key(c) for c in table[0]]:
        rows = rows[1:]
    if rows and len(table) > 1:
        date_at = _date_column([str(c) for c in table[0]])
        first, last = rows[0], table[-1]
        if (
            date_at < len(first)
            and not first[date_at].strip()
            and date_at < len(last)
            and is_date_like(last[date_at])
        ):
            for i, cell in enumerate(first):
                if cell and i < len(last):
                    last[i] = _wrapped(last[i], cell)
            rows = rows[1:]
    table.extend(rows)


def _key(cell: Any) -> str:
    return " ".join(str(cell or "").lower().split())
