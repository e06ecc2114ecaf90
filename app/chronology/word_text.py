"""The text of a Word document as its author sees it, where python-docx's own `.text` and
`.tables` see less: a date picked in a content control (templates put one in each date cell),
a whole table inside a content control, insertions not yet accepted (tracked changes), the
result of a field. Deleted text (tracked) is left out, and text moved elsewhere is read once,
where it now stands."""

from collections.abc import Iterator

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_SKIP = {f"{_W}del", f"{_W}moveFrom", f"{_W}tbl", f"{_W}pPr", f"{_W}rPr", f"{_W}instrText"}
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


def body_paragraphs(document) -> Iterator[str]:
    """The text of the document's paragraphs outside tables, in order."""
    for block in _blocks(document.element.body):
        if block.tag == f"{_W}p":
            yield paragraph_text(block)
