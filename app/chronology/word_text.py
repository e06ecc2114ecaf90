"""The text of a Word document as its author sees it, where python-docx's own `.text` and
`.tables` see less: a date picked in a content control (templates put one in each date cell),
a whole table inside a content control, insertions not yet accepted (tracked changes), the
result of a field. Deleted text (tracked) is left out, and text moved elsewhere is read once,
where it now stands."""

from collections.abc import Iterator

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
# A text box's paragraphs are read as lines of their own (box_paragraphs), and Word's copy of
# a shape for older readers (mc:Fallback) is not read a second time.
_SKIP = {f"{_W}del", f"{_W}moveFrom", f"{_W}tbl", f"{_W}pPr", f"{_W}rPr", f"{_W}instrText",
         f"{_W}txbxContent", f"{_MC}Fallback"}  # fmt: skip
_BREAKS = {f"{_W}tab": "\t", f"{_W}br": "\n", f"{_W}cr": "\n", f"{_W}noBreakHyphen": "-"}


def _runs_text(element, out: list[str]) -> None:
    for child in element:
        tag = child.tag
        if tag in _SKIP:
            continue
        if tag == f"{_W}t":
            out.append(child.text or "")
        elif tag in _BREAKS:
            out.append(_BREAKS[tag])
        else:
            _runs_text(child, out)


def paragraph_text(p) -> str:
    """A paragraph's text (``p`` a w:p element), tracked insertions and content controls in."""
    out: list[str] = []
    _runs_text(p, out)
    return "".join(out)


def box_paragraphs(element) -> list[str]:
    """The text of the paragraphs typed into text boxes anchored in ``element`` (the shape's
    own copy, not the fallback's), each box's paragraphs in order."""
    found = []
    for box in element.iter(f"{_W}txbxContent"):
        if any(a.tag == f"{_MC}Fallback" for a in box.iterancestors()):
            continue
        for block in _blocks(box):
            if block.tag == f"{_W}p":
                found.append(paragraph_text(block))
    return found


def _blocks(element) -> Iterator:
    """The paragraphs and tables of a body or cell, those inside content controls too."""
    for child in element:
        if child.tag in (f"{_W}p", f"{_W}tbl"):
            yield child
        elif child.tag in (f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml", f"{_W}ins"):
            yield from _blocks(child)


def cell_text(tc) -> str:
    """A table cell's text: its paragraphs line by line, a table inside it row by row with its
    cells separated by " | " (a list of those present, say)."""
    lines = []
    for block in _blocks(tc):
        if block.tag == f"{_W}p":
            lines.append(paragraph_text(block))
            if _has_box(block):
                lines.extend(box_paragraphs(block))
        else:
            for tr in block.iter(f"{_W}tr"):
                cells = [cell_text(c) for c in tr if c.tag == f"{_W}tc"]
                lines.append(" | ".join(c for c in cells if c))
    return "\n".join(lines)


def body_tables(document) -> list:
    """The document's top-level tables (python-docx Table objects), those inside content
    controls too, in the order they stand."""
    from docx.table import Table

    body = document.element.body
    return [Table(t, document._body) for t in _blocks(body) if t.tag == f"{_W}tbl"]


def _has_box(p) -> bool:
    return next(p.iter(f"{_W}txbxContent"), None) is not None


def _style(p) -> str:
    style = p.find(f"{_W}pPr/{_W}pStyle")
    return style.get(f"{_W}val", "") if style is not None else ""


def _is_box(tbl) -> bool:
    """A table of one column (every row one cell): a bordered box that text was typed into."""
    rows = [tr for tr in tbl if tr.tag == f"{_W}tr"]
    return bool(rows) and all(sum(1 for c in tr if c.tag == f"{_W}tc") == 1 for tr in rows)


def body_lines(document) -> Iterator[tuple[str, str]]:
    """The document's paragraphs outside tables, in order, the text typed into one-column
    tables (boxes) among them line by line: (kind, text), kind "p" for a paragraph, "h" for a
    heading or title, "box" for a line in a box, "table" (text empty) where a table stands."""
    for block in _blocks(document.element.body):
        if block.tag == f"{_W}p":
            style = _style(block).lower()
            kind = "h" if style.startswith(("heading", "title")) else "p"
            yield kind, paragraph_text(block)
            if _has_box(block):
                for text in box_paragraphs(block):
                    yield "box", text
        elif _is_box(block):
            for tc in block.iter(f"{_W}tc"):
                for line in cell_text(tc).split("\n"):
                    yield "box", line
        else:
            yield "table", ""


def deleted_text(tc) -> str:
    """The words of a table cell deleted with changes tracked (not yet accepted), each
    deletion's words together, the deletions of its paragraphs apart."""
    pieces = []
    for p in tc.iter(f"{_W}p"):
        words = "".join(t.text or "" for d in p.iter(f"{_W}del") for t in d.iter(f"{_W}delText"))
        if words.strip():
            pieces.append(" ".join(words.split()))
    return " / ".join(pieces)
