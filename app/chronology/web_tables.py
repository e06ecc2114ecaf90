"""Spreadsheets that are really web pages: a report's "Export to Excel" written as an HTML table
(often under a .xls name), or saved as a web archive (.mht). Read into rows of cells as a sheet
would give them: each table row a row, a cell spanning columns followed by empty cells, and the
cells spanning rows given as merged ranges. A cell's text is what a person sees: runs of spaces
and the page source's own line breaks are one space; <br> and paragraphs are new lines. (Excel
2003 XML spreadsheets are read in xml_workbook.py.)"""

import codecs
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from app.chronology.file_guard import ImportRefused, check_grid

_SOURCE_SPACES = re.compile(r"[ \t\r\n\f]+")  # (a no-break space is kept, then cleaned)
_MAX_SPAN = 1000  # a colspan or rowspan past this is a broken page, not a layout
# The link of a comment's mark to the comment (Google Docs: "#cmnt1"; Word's web page: "#_msocom_1").
_COMMENT_MARK = re.compile(r"#(?:cmnt\d|_msocom_\d)")


def _decode(data: bytes) -> tuple[str, str]:
    """The text and the encoding it was read in: a BOM, the page's own charset, UTF-8, or
    Windows-1252 (what Excel-minded report tools write)."""
    for bom, name in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                      (codecs.BOM_UTF16_BE, "utf-16-be")):  # fmt: skip
        if data.startswith(bom):
            return data[len(bom) :].decode(name, errors="replace"), name
    declared = re.search(rb"""charset\s*=\s*["']?([\w.:-]+)""", data[:4096], re.I)
    if declared:
        try:
            name = codecs.lookup(declared.group(1).decode("ascii")).name
            return data.decode(name, errors="replace"), name
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "cp1252"


def _span(value: str | None, add: int = 0) -> int:
    try:
        return max(1, min(int(value or 0) + add if add else int(value or 1), _MAX_SPAN))
    except ValueError:
        return 1


class _Tables(HTMLParser):
    """Every <table> of a page as rows of (text, colspan, rowspan) cells; a table inside a
    cell (a report's layout tables around its data) is a table of its own, its text not the
    outer cell's."""

    _BREAKS = frozenset({"br", "p", "div", "li", "tr"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[list[list[tuple[str, int, int]]]] = []
        self._open: list[tuple[list, list[str] | None, tuple[int, int]]] = []
        self._skip = 0  # inside <style>, <script> or <head>'s <title>
        self._mark = False  # inside a comment's mark in the text ("[a]" of a Google Docs page)
        self.comments = 0  # comments' marks left out

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a" and _COMMENT_MARK.match(dict(attrs).get("href") or ""):
            # A comment's mark in the text (Google Docs' web page puts "[a]" where a comment
            # is anchored, the comment at the page's foot): not the author's words.
            self._mark = True
            self.comments += 1
            self._skip += 1
        elif tag in ("style", "script", "title"):
            self._skip += 1
        elif tag == "table":
            self._open.append(([], None, (1, 1)))
        elif not self._open:
            return
        elif tag == "tr":
            self._close_cell()
            self._open[-1][0].append([])
        elif tag in ("td", "th"):
            self._close_cell()
            rows, _cell, _spans = self._open[-1]
            if not rows:
                rows.append([])
            found = dict(attrs)
            spans = (_span(found.get("colspan")), _span(found.get("rowspan")))
            self._open[-1] = (rows, [], spans)
        elif tag in self._BREAKS:
            self._text("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._mark:
            self._mark = False
            self._skip = max(0, self._skip - 1)
        elif tag in ("style", "script", "title"):
            self._skip = max(0, self._skip - 1)
        elif tag == "table" and self._open:
            self._close_cell()
            rows, _cell, _spans = self._open.pop()
            self.tables.append(rows)
        elif tag in ("td", "th"):
            self._close_cell()
        elif tag in ("p", "div", "li") and self._open:
            self._text("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self._text(_SOURCE_SPACES.sub(" ", data))

    def _text(self, data: str) -> None:
        for _rows, cell, _spans in reversed(self._open):
            if cell is not None:
                cell.append(data)
                return

    def _close_cell(self) -> None:
        if not self._open:
            return
        rows, cell, spans = self._open[-1]
        if cell is not None:
            rows[-1].append(("".join(cell), *spans))
            self._open[-1] = (rows, None, (1, 1))


def _clean(text: str) -> str:
    lines = (" ".join(line.replace("\xa0", " ").split()) for line in text.split("\n"))
    return "\n".join(line for line in lines if line).strip()


def _grid(rows: list[list[tuple[Any, int, int]]], shown: str) -> tuple[list[list[Any]], list]:
    """Cells placed as a sheet holds them (spans leave empty cells), and the merged ranges."""
    grid: list[list[Any]] = []
    merged = []
    taken: set[tuple[int, int]] = set()
    for r, row in enumerate(rows):
        line: list[Any] = []
        c = 0
        for value, across, down in row:
            while (r, c) in taken:
                line.append("")
                c += 1
            line.append(value)
            line.extend([""] * (across - 1))
            if down > 1:
                merged.append(((r, c), (r + down - 1, c + across - 1)))
                taken.update((r + i, c + j) for i in range(1, down) for j in range(across))
            c += across
        grid.append(line)
        check_grid("", shown, len(grid), len(line))
    width = max(map(len, grid), default=0)
    return [line + [""] * (width - len(line)) for line in grid], merged


class _Blocks(HTMLParser):
    """A page's text as its paragraphs: each block (a heading, paragraph, list item, division,
    a line broken with <br>) a paragraph of its own, inline elements joined into it."""

    _BLOCKS = frozenset({"p", "div", "li", "br", "tr", "h1", "h2", "h3", "h4", "h5", "h6",
                         "dt", "dd", "section", "article", "header", "footer", "blockquote",
                         "pre", "hr"})  # fmt: skip

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self._now: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in ("style", "script", "title", "head"):
            self._skip += 1
        elif tag in self._BLOCKS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "script", "title", "head"):
            self._skip = max(0, self._skip - 1)
        elif tag in self._BLOCKS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self._now.append(data)

    def _flush(self) -> None:
        text = " ".join("".join(self._now).replace("\xa0", " ").split())
        if text:
            self.paragraphs.append(text)
        self._now = []


def _page_paragraphs(text: str, what: str) -> tuple[list[list[Any]], list[str]] | None:
    """(rows, notes) of a web page with no table whose paragraphs are a chronology (each
    entry a block starting with its date, or labelled lines), read as a Word document's
    paragraphs are; None when they are not."""
    from app.chronology.csv_text import sign_off_at
    from app.chronology.word_tables import paragraphs_chronology

    parser = _Blocks()
    parser.feed(text)
    parser.close()
    parser._flush()
    paragraphs = parser.paragraphs
    end = sign_off_at(paragraphs)
    found = paragraphs_chronology(paragraphs[:end])
    if found is None:
        return None
    rows, notes = found
    notes = [f"Read as {what} with no table: its paragraphs were read.", *notes]
    if end < len(paragraphs):
        notes.append(
            f"Left out: {len(paragraphs) - end} paragraph(s) from \u201c{paragraphs[end][:30]}"
            "\u201d on (the sign-off)."
        )
    return rows, notes


def read_html_table(path: Path) -> tuple[list[list[Any]], list, list[str]]:
    """(rows, merged ranges, notes) of the chronology of a web page saved as a spreadsheet: its
    largest table, and the tables headed the same (a table a printed page) in their order."""
    text, encoding = _decode(path.read_bytes())
    return read_html_text(text, path.name, f"a web page (HTML, {encoding})")


def read_html_text(text: str, shown: str, what: str) -> tuple[list[list[Any]], list, list[str]]:
    """As `read_html_table`, of the page's text; ``what`` names the file's kind in the note."""
    from app.chronology.layout import find_layout

    parser = _Tables()
    parser.feed(text)
    parser.close()
    tables = [t for t in parser.tables if any(t)]
    if not tables and (written := _page_paragraphs(text, what)) is not None:
        return written[0], [], written[1]
    if not tables:
        raise ImportRefused(
            f"{shown} is a web page (HTML) with no table in it. Ask the agency for the "
            "chronology as an Excel workbook (.xlsx) or a CSV file."
        )
    grids = [
        _grid([[(_clean(v), a, d) for v, a, d in row] for row in table], shown) for table in tables
    ]
    best = max(range(len(grids)), key=lambda i: sum(map(len, grids[i][0])))
    layout = find_layout(grids[best][0])
    chosen = [best]
    if layout is not None and layout.score >= 2:
        width = len(grids[best][0][0])
        for index, (rows, _merged) in enumerate(grids):
            other = find_layout(rows) if index != best and rows and len(rows[0]) == width else None
            if other is not None and other.headings == layout.headings:
                chosen.append(index)
        chosen.sort()
    rows: list[list[Any]] = []
    merged = []
    for index in chosen:
        part, spans = grids[index]
        merged += [((r1 + len(rows), c1), (r2 + len(rows), c2)) for (r1, c1), (r2, c2) in spans]
        rows += part
    named = shown.lower().endswith(
        (".htm", ".html", ".xhtml", ".mht", ".mhtml", ".eml", ".docx", ".rtf")
    )
    note = f"Read as {what}: " if named else f"Read as {what} saved with a spreadsheet name: "
    note += (
        f"its {len(chosen)} tables headed the same, one after another ({len(rows)} rows)."
        if len(chosen) > 1
        else f"its table of {len(rows)} rows."
    )
    notes = [note]
    if parser.comments:
        notes.append(
            f"{parser.comments} comment mark{'s' if parser.comments != 1 else ''} in the text "
            "(\u201c[a]\u201d, a comment made on the document) left out of the entries; the "
            "comments themselves stand at the foot of the page."
        )
    # Tables with a chronology header of their own, other columns: said, not silently passed.
    others = [
        index + 1
        for index, (table_rows, _merged) in enumerate(grids)
        if index not in chosen
        and (other := find_layout(table_rows)) is not None
        and other.score >= 2
        and len(table_rows) > other.header_index + 1
    ]
    if others:
        many = len(others) > 1
        notes.append(
            f"{'Tables' if many else 'Table'} {', '.join(map(str, others))} of the page "
            f"{'look' if many else 'looks'} like a chronology too, with other columns, and "
            f"{'were' if many else 'was'} not imported: open the page in Excel, save it as "
            ".xlsx and import those rows from there."
        )
    return rows, merged, notes


def _attachments(message) -> list[str]:
    return [
        part.get_filename() or ""
        for part in message.walk()
        if part.get_content_disposition() == "attachment"
    ]


def _written_in_text(message, shown: str) -> tuple[list[list[Any]], list[str]] | None:
    """(rows, notes) of a chronology typed as an e-mail's plain text: three or more paragraphs
    each starting with a date (as a .txt of the same words is read), or None."""
    from app.chronology.csv_text import _paragraphs, _prose_rows

    for part in message.walk():
        if (
            part.get_content_type() != "text/plain"
            or part.get_content_disposition() == "attachment"
        ):
            continue
        try:
            text = part.get_content()
        except (LookupError, ValueError):
            text = (part.get_payload(decode=True) or b"").decode("utf-8", errors="replace")
        if not isinstance(text, str):
            continue
        from app.chronology.word_tables import dated_lines

        rows, _before = dated_lines(" ".join(p) for p in _paragraphs(text))
        if len(rows) < 4:
            continue
        rows, notes = _prose_rows(text.splitlines(keepends=True), "the e-mail's text", 0)[:2]
        if len(rows) >= 4:
            notes[0] = notes[0].replace("Read as text (the e-mail's text)",
                                        f"{shown} is an e-mail: its text was read")  # fmt: skip
            return rows, notes
    return None


def read_web_archive(path: Path) -> tuple[list[list[Any]], list, list[str]]:
    """As `read_html_table`, of a web archive (.mht, a report's "MHTML" export) or an e-mail
    saved as a file (.eml): the page is the message's HTML part."""
    import email
    from email import policy

    message = email.message_from_bytes(path.read_bytes(), policy=policy.default)
    mail = message.get_content_type() != "multipart/related" and bool(message["subject"])
    what = "an e-mail's body (HTML)" if mail else "a web archive (MHTML)"
    attached = [name for name in _attachments(message) if name] if mail else []
    for part in message.walk():
        if part.get_content_disposition() == "attachment":
            continue
        if part.get_content_type() == "text/html":
            try:
                text = part.get_content()
            except (LookupError, ValueError):
                text = (part.get_payload(decode=True) or b"").decode("utf-8", errors="replace")
            try:
                return read_html_text(text, path.name, what)
            except ImportRefused:
                if not attached:
                    raise
    if mail:
        written = _written_in_text(message, path.name)
        if written is not None:
            return written[0], [], written[1]
        if attached:
            raise ImportRefused(
                f"{path.name} is an e-mail whose chronology is attached to it "
                f"({', '.join(attached[:5])}): save the attachment from the e-mail and import it."
            )
        raise ImportRefused(
            f"{path.name} is an e-mail with no table in it. If the chronology is written in the "
            "e-mail's text, save the e-mail as text (.txt) and import that."
        )
    raise ImportRefused(
        f"{path.name} is a web archive with no web page in it. Ask the agency for the "
        "chronology as an Excel workbook (.xlsx) or a CSV file."
    )
