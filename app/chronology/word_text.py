"""The text of a Word document as its author sees it, where python-docx's own `.text` and
`.tables` see less: a date picked in a content control (templates put one in each date cell),
a whole table inside a content control, insertions not yet accepted (tracked changes), the
result of a field. Deleted text (tracked) is left out, and text moved elsewhere is read once,
where it now stands."""

import re
from collections.abc import Iterator

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
# A text box's paragraphs are read as lines of their own (box_paragraphs), and Word's copy of
# a shape for older readers (mc:Fallback) is not read a second time.
_SKIP = {f"{_W}del", f"{_W}moveFrom", f"{_W}tbl", f"{_W}pPr", f"{_W}rPr", f"{_W}instrText",
         f"{_W}txbxContent", f"{_MC}Fallback"}  # fmt: skip
_BREAKS = {f"{_W}tab": "\t", f"{_W}br": "\n", f"{_W}cr": "\n", f"{_W}noBreakHyphen": "-"}


def _hidden(run) -> bool:
    """A run formatted as hidden text (Font > Hidden): it neither shows nor prints."""
    vanish = run.find(f"{_W}rPr/{_W}vanish")
    return vanish is not None and vanish.get(f"{_W}val", "true") not in ("false", "0", "off")


def hidden_words(document) -> str:
    """The words of the body formatted as hidden, each run of them apart (" / "); "" when
    none is (the common case: one look for the mark)."""
    body = document.element.body
    if next(body.iter(f"{_W}vanish"), None) is None:
        return ""
    pieces = []
    for p in body.iter(f"{_W}p"):
        words = "".join(
            t.text or "" for r in p.iter(f"{_W}r") if _hidden(r) for t in r.iter(f"{_W}t")
        )
        if words.strip():
            pieces.append(" ".join(words.split()))
    return " / ".join(pieces)


def _prompt(sdt) -> bool:
    """A content control still showing its template's prompt ("Click or tap to enter a
    date."): nothing was entered in it."""
    return sdt.find(f"{_W}sdtPr/{_W}showingPlcHdr") is not None


def mark_prompts(document) -> int:
    """Content controls still showing their template's prompt that Word did not mark so
    (w:showingPlcHdr is not always kept) marked, in any language of Word: the control's text is
    its prompt's building block's text (w:placeholder names it in the glossary), or every word
    of it stands in the prompt's style (the style Word names "Placeholder Text", whatever the
    install calls its identifier). How many were marked; nothing looked at when the body holds
    no control (the common case: one look)."""
    body = document.element.body
    controls = [
        sdt for sdt in body.iter(f"{_W}sdt") if sdt.find(f"{_W}sdtPr/{_W}showingPlcHdr") is None
    ]
    if not controls:
        return 0
    styles = _prompt_styles(document)
    prompts: dict[str, str] | None = None
    marked = 0
    for sdt in controls:
        content = sdt.find(f"{_W}sdtContent")
        props = sdt.find(f"{_W}sdtPr")
        if content is None or props is None:
            continue
        runs = [r for r in content.iter(f"{_W}r") if any(t.text for t in r.iter(f"{_W}t"))]
        if not runs:
            continue
        text = " ".join("".join(t.text or "" for t in content.iter(f"{_W}t")).split())
        part = props.find(f"{_W}placeholder/{_W}docPart")
        same = False
        if part is not None:
            if prompts is None:
                prompts = _glossary_prompts(document)
            same = prompts.get(part.get(f"{_W}val", "")) == text
        if same or all(_run_style(r) in styles for r in runs):
            from lxml import etree

            props.append(etree.Element(f"{_W}showingPlcHdr"))
            marked += 1
    return marked


def prompts_shown(document) -> int:
    """How many content controls of the body still show their template's prompt (marked so by
    Word or found by `mark_prompts`)."""
    return sum(
        1
        for mark in document.element.body.iter(f"{_W}showingPlcHdr")
        if (sdt := mark.getparent().getparent()) is not None
        and any(t.text for t in sdt.iter(f"{_W}t"))
    )


def _run_style(run) -> str:
    style = run.find(f"{_W}rPr/{_W}rStyle")
    return style.get(f"{_W}val", "") if style is not None else ""


def _prompt_styles(document) -> set[str]:
    """The identifiers of the style of a template's prompts: Word's "Placeholder Text" by its
    name (an install in another language names the identifier in its own words)."""
    found = {"PlaceholderText"}
    try:
        root = document.styles.element
    except (AttributeError, KeyError, ValueError):
        return found
    for style in root.iter(f"{_W}style"):
        name = style.find(f"{_W}name")
        if name is not None and name.get(f"{_W}val", "").casefold() == "placeholder text":
            found.add(style.get(f"{_W}styleId", ""))
    return found


def _glossary_prompts(document) -> dict[str, str]:
    """The text of each building block in the document's glossary, by its name: the prompts a
    template's controls show until something is entered."""
    from lxml import etree

    found: dict[str, str] = {}
    for rel in document.part.rels.values():
        if rel.is_external or not rel.reltype.endswith("/glossaryDocument"):
            continue
        try:
            part = rel.target_part
            root = getattr(part, "element", None)
            if root is None:
                root = etree.fromstring(part.blob, etree.XMLParser(resolve_entities=False))
        except (etree.XMLSyntaxError, KeyError, ValueError):
            continue
        for block in root.iter(f"{_W}docPart"):
            name = block.find(f"{_W}docPartPr/{_W}name")
            body = block.find(f"{_W}docPartBody")
            if name is not None and body is not None:
                text = "".join(t.text or "" for t in body.iter(f"{_W}t"))
                found[name.get(f"{_W}val", "")] = " ".join(text.split())
    return found


def _runs_text(element, out: list[str]) -> None:
    for child in element:
        tag = child.tag
        if tag in _SKIP:
            continue
        if tag == f"{_W}r" and _hidden(child):
            continue
        if tag == f"{_W}sdt" and _prompt(child):
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


_WRAPPERS = (f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml", f"{_W}ins")


def _blocks(element) -> Iterator:
    """The paragraphs and tables of a body or cell, those inside content controls too."""
    for child in element:
        if child.tag in (f"{_W}p", f"{_W}tbl"):
            yield child
        elif child.tag == f"{_W}sdt" and _prompt(child):
            continue  # a template's prompt, nothing entered
        elif child.tag in _WRAPPERS:
            yield from _blocks(child)


def _rows(tbl) -> list:
    return [tr for tr in tbl if tr.tag == f"{_W}tr"]


def _nested(tbl) -> list:
    """The tables typed inside ``tbl``'s cells (one level down)."""
    return [inner for tc in tbl.iter(f"{_W}tc") for inner in _blocks(tc) if inner.tag == f"{_W}tbl"]


def _is_frame(tbl) -> bool:
    """A table used to lay a form out (a template's boxes, one a section) rather than a table
    of entries: a cell of it holds a table of two columns or more with more rows than the
    frame has. Its own text is read as paragraphs and the tables in it as tables."""
    rows = len(_rows(tbl))
    for inner in _nested(tbl):
        inner_rows = _rows(inner)
        width = max((sum(1 for c in tr if c.tag == f"{_W}tc") for tr in inner_rows), default=0)
        if width >= 2 and len(inner_rows) > rows:
            return True
    return False


def _body_blocks(element) -> Iterator:
    """The body's paragraphs and tables as `_blocks` gives them, a layout frame's cells opened
    in their place (their paragraphs and tables in order), and a table drawn inside a text box
    just after the paragraph the box is anchored in."""
    for block in _blocks(element):
        if block.tag == f"{_W}tbl" and _is_frame(block):
            for tr in _rows(block):
                for tc in tr:
                    if tc.tag == f"{_W}tc":
                        yield from _body_blocks(tc)
        else:
            yield block
            if block.tag == f"{_W}p" and _has_box(block):
                yield from _box_tables(block)


def _box_tables(p) -> Iterator:
    """The tables inside the text boxes anchored in paragraph ``p`` (the shape's own copy,
    not the fallback's)."""
    for box in p.iter(f"{_W}txbxContent"):
        if any(a.tag == f"{_MC}Fallback" for a in box.iterancestors()):
            continue
        for inner in _body_blocks(box):
            if inner.tag == f"{_W}tbl":
                yield inner


def unwrap_table_controls(body) -> None:
    """Rows and cells wrapped in content controls (a template's repeating section, Word's "add
    another row") or custom XML moved out of the wrapper into the table in their place, so
    that they are read as the table's rows and cells."""
    for wrapper in [
        w for w in body.iter(f"{_W}sdt", f"{_W}customXml")
        if w.getparent() is not None and w.getparent().tag in (f"{_W}tbl", f"{_W}tr")
    ]:  # fmt: skip
        parent = wrapper.getparent()
        if parent is None:
            continue
        content = wrapper.find(f"{_W}sdtContent") if wrapper.tag == f"{_W}sdt" else wrapper
        inside = list(content) if content is not None else []
        # a wrapper inside this one (an item of a repeating section) is opened too
        moved = []
        while inside:
            child = inside.pop(0)
            if child.tag in (f"{_W}sdt", f"{_W}customXml"):
                inner = child.find(f"{_W}sdtContent") if child.tag == f"{_W}sdt" else child
                inside[:0] = list(inner) if inner is not None else []
            elif child.tag in (f"{_W}tr", f"{_W}tc"):
                moved.append(child)
        for child in moved:
            wrapper.addprevious(child)
        parent.remove(wrapper)


def notes_in_place(document) -> None:
    """Each footnote's and endnote's words put in the text where its number stands,
    "(footnote 1: ...)", as the author's words of that entry (numbered in the order they
    stand, as Word numbers them)."""
    body = document.element.body
    marks = {
        "footnote": list(body.iter(f"{_W}footnoteReference")),
        "endnote": list(body.iter(f"{_W}endnoteReference")),
    }
    if not marks["footnote"] and not marks["endnote"]:
        return
    from lxml import etree

    for kind, found in marks.items():
        if not found:
            continue
        texts = {}
        for rel in document.part.rels.values():
            if rel.is_external or not rel.reltype.endswith(f"/{kind}s"):
                continue
            part = rel.target_part
            root = getattr(part, "element", None)
            if root is None:
                root = etree.fromstring(part.blob)
            for note in root.iter(f"{_W}{kind}"):
                words = " ".join(paragraph_text(p) for p in note.iter(f"{_W}p"))
                texts[note.get(f"{_W}id")] = " ".join(words.split())
        for number, mark in enumerate(found, start=1):
            words = texts.get(mark.get(f"{_W}id"), "")
            text = etree.SubElement(mark.getparent(), f"{_W}t")
            text.text = f" ({kind} {number}: {words})" if words else ""
            mark.addprevious(text)
            mark.getparent().remove(mark)


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
    return [Table(t, document._body) for t in _body_blocks(body) if t.tag == f"{_W}tbl"]


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
    for block in _body_blocks(document.element.body):
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


# Fields whose result Word replaces when the document is opened, saved or printed: a date put
# in with Insert > Date and Time, "Update automatically" ticked, is one of them.
_UPDATING = re.compile(r"^\s*(?:DATE|TIME|SAVEDATE|PRINTDATE)\b", re.IGNORECASE)


def has_updating_dates(body) -> bool:
    """Whether the body holds a field that shows the day the document is opened, saved or
    printed (one look for a field, the common case none)."""
    return any(_UPDATING.match(code) for code in _field_codes(body))


def _field_codes(element) -> Iterator[str]:
    for field in element.iter(f"{_W}fldSimple", f"{_W}instrText"):
        yield (field.get(f"{_W}instr") or "") if field.tag == f"{_W}fldSimple" else field.text or ""


def updating_paragraphs(document) -> list[tuple[str, str]]:
    """(the paragraph's text, what its field shows) of each paragraph outside tables holding a
    date field that updates, in order; [] when the body holds none (one look)."""
    body = document.element.body
    if not has_updating_dates(body):
        return []
    found = []
    for block in _body_blocks(body):
        if block.tag != f"{_W}p":
            continue
        for shown in _updating_results(block):
            found.append((paragraph_text(block), shown))
    return found


def _updating_results(p) -> list[str]:
    """What each date field that updates in paragraph ``p`` shows (its last result)."""
    results = [
        paragraph_text(simple)
        for simple in p.iter(f"{_W}fldSimple")
        if _UPDATING.match(simple.get(f"{_W}instr") or "")
    ]
    state, code, shown = "", "", []
    for element in p.iter(f"{_W}fldChar", f"{_W}instrText", f"{_W}t"):
        if element.tag == f"{_W}fldChar":
            kind = element.get(f"{_W}fldCharType")
            if kind == "begin":
                state, code, shown = "code", "", []
            elif kind == "separate" and state == "code":
                state = "result"
            elif kind == "end" and state:
                if _UPDATING.match(code) and "".join(shown).strip():
                    results.append("".join(shown).strip())
                state = ""
        elif element.tag == f"{_W}instrText" and state == "code":
            code += element.text or ""
        elif element.tag == f"{_W}t" and state == "result":
            shown.append(element.text or "")
    return results


def updating_date_in(tc) -> bool:
    """Whether a table cell's text shows a date field's result (the day the document was last
    opened or saved), not a date typed in."""
    return any(_UPDATING.match(code) for code in _field_codes(tc))


def deleted_text(tc) -> str:
    """The words of a table cell deleted with changes tracked (not yet accepted), each
    deletion's words together, the deletions of its paragraphs apart."""
    pieces = []
    for p in tc.iter(f"{_W}p"):
        words = "".join(t.text or "" for d in p.iter(f"{_W}del") for t in d.iter(f"{_W}delText"))
        if words.strip():
            pieces.append(" ".join(words.split()))
    return " / ".join(pieces)
