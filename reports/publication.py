"""A review document made ready to publish, once, for every format (PDF, DOCX, HTML).

``prepare(doc)`` does what does not depend on the format: section numbers and appendix
letters, paragraph numbers ("3.1", "3.2"… through a section, none in appendices), the
document's title and running header, the details block, table column widths from content,
and the timeline as SVG with its text alternative. The result is plain JSON-ready data, so the
PDF layout (a typst template) reads it as data: no user text is ever read as markup.

Rules kept from the earlier PDF: a newline in a ``Paragraphs`` text starts a new numbered
paragraph (blank lines skipped); in headings and one-line fields it is a space; in bullets,
notes and table cells it is a line break. Lines written as a list ("- ", "• ", "1.", "a)")
become a real list (numbered when the first item is), one level of nesting kept from the
indent or a change of marker, so every format tags it as a list rather than paragraphs;
rows typed with "|" between cells become a table with column headings.
"""

import re
from typing import Any

from reports.review_document_data import (
    Bullets,
    Callout,
    Note,
    Paragraphs,
    ReviewDocument,
    Section,
    Subheading,
    Table,
    Timeline,
)
from reports.text import one_line, plain

TEXT_WIDTH = 453.5  # points: A4 portrait less 20 mm margins and the 13 mm number gutter
CELL_SIZE = 9.0
DENSE_COLUMNS = 5  # tables this wide use the condensed face
LANES_PER_PICTURE = 16  # agencies in one timeline picture (a landscape page)
SHORT_BRIEF = 12_000  # characters: a brief shorter than this gets a title block, not a cover


def letters(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    text = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        text = chr(65 + rest) + text
    return text


def section_labels(sections: tuple[Section, ...]) -> list[str]:
    labels, numbered, lettered = [], 0, 0
    for section in sections:
        if section.appendix:
            labels.append(f"Appendix {letters(lettered)}")
            lettered += 1
        else:
            numbered += 1
            labels.append(str(numbered))
    return labels


def document_title(doc: ReviewDocument) -> str:
    """What a viewer's title bar shows: "Overview Report: LCSPR-2024-03 The review's title"."""
    title = " ".join(one_line(t) for t in (doc.review_reference, doc.title) if one_line(t))
    return f"{doc.kind_label}: {title}" if title else doc.kind_label


def details(doc: ReviewDocument) -> list[list[str]]:
    """(label, value) pairs of the cover or title block, empty ones left out."""
    pairs = [
        ("Review type", doc.review_type),
        ("Reference", doc.review_reference),
        ("Version", doc.version_label),
        ("Date", doc.date_label),
        ("Author", doc.author),
        ("Protective marking", doc.protective_marking),
        *doc.extra_info.items(),
    ]
    return [[one_line(k), one_line(v)] for k, v in pairs if one_line(v)]


def prepare(doc: ReviewDocument, *, timeline: bool = True) -> dict[str, Any]:
    """The document as plain data every writer lays out (see the module's docstring).

    ``timeline``: draw timelines as SVG (False leaves them out, for writers that make their
    own picture from ``Timeline`` blocks).
    """
    subject = one_line(doc.subject)
    sections = []
    size = 0
    for section, label in zip(doc.sections, section_labels(doc.sections), strict=True):
        title = one_line(section.title) or "Untitled section"
        heading = f"{label}: {title}" if section.appendix else f"{label} {title}"
        blocks = list(_blocks(section, label, timeline))
        size += sum(len(b.get("text", "")) for b in blocks)
        sections.append(
            {
                "label": label,
                "title": title,
                "heading": heading,
                "appendix": section.appendix,
                "blocks": blocks,
            }
        )
    about = " – ".join(one_line(t) for t in (doc.review_type, doc.subject) if one_line(t))
    # A title block instead of a cover page: short briefs, and working documents.
    compact = doc.kind in ("chronology", "minutes") or (
        doc.kind == "brief" and not doc.contents and size < SHORT_BRIEF
    )
    return {
        "kind": doc.kind,
        "kind_label": one_line(doc.kind_label),
        "title": one_line(doc.title) or "Untitled review",
        "document_title": document_title(doc),
        "subject": subject,
        "description": f"{doc.kind_label}: {about}" if about else doc.kind_label,
        "keywords": ", ".join(
            k
            for k in map(one_line, (doc.protective_marking, doc.review_reference, doc.kind_label))
            if k
        ),
        "partnership": one_line(doc.partnership),
        # The publisher, never a person: the document's metadata travels with every copy.
        "author": one_line(doc.partnership) or "ReviewDesk",
        "reference": one_line(doc.review_reference),
        "version": one_line(doc.version_label),
        "date": one_line(doc.date_label),
        "marking": one_line(doc.protective_marking).upper(),
        "draft": bool(doc.draft),
        "lang": doc.language or "en-GB",
        "header_left": f"{doc.kind_label}: {subject}" if subject else one_line(doc.kind_label),
        "footer_left": " · ".join(
            t for t in (one_line(doc.review_reference), one_line(doc.version_label)) if t
        ),
        "details": details(doc),
        "cover": "title block" if compact else "page",
        "contents": bool(doc.contents),
        "sections": sections,
    }


_ITEM = re.compile(r"^(\s*)(?:([•·▪◦*\-–—])|\(?(\d{1,2}|[a-z]|[ivx]{1,4})[.)])\s+(?=\S)")


def _marker(line: str) -> tuple[int, str, str] | None:
    """(indent, kind, text) of a line written as a list item: kind "b" bullet, "n" number."""
    found = _ITEM.match(line)
    if not found:
        return None
    indent = len(found.group(1).expandtabs(4))
    number = found.group(3) or ""
    style = "b" if found.group(2) else ("1" if number.isdigit() else "a")
    return indent, style, line[found.end() :].strip()


_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")


def _cells(line: str) -> list[str]:
    """The cells of a line written as a table row ("a | b | c"), or [] for any other line."""
    if "|" not in line:
        return []
    cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
    return cells if len(cells) >= 2 else []


def _grid(lines: list[str], start: int) -> tuple[list[list[str]], int]:
    """Rows of a table written with "|" between cells from ``start`` (a header and at least
    one row, all with the same number of cells; a "---|---" rule skipped), and the next line."""
    width = len(_cells(lines[start]))
    rows, i = [], start
    while i < len(lines) and (
        len(_cells(lines[i])) == width or (i == start + 1 and _RULE.match(lines[i]))
    ):
        if not _RULE.match(lines[i]):
            rows.append(_cells(lines[i]))
        i += 1
    return (rows, i) if width and len(rows) >= 2 else ([], start)


def _runs(lines: list[str], *, tables: bool = True):
    """Lines as ("p", text) paragraphs and ("ul", block) lists: a run of list-marked lines
        (two or more, or one after a line ending in a colon) is a list; an item indented more than
        the first, or lettered under numbers ("a)" after "1."), is nested under the one before; a
        different marker at the same indent starts another list. Lines with "|" between the same
    number of cells (two rows or more) are a table."""
    out: list[tuple[str, Any]] = []
    i = 0
    while i < len(lines):
        rows, after = _grid(lines, i) if tables else ([], i)
        if rows:  # a table typed as text is a table, its first row the column headings
            out.append(("table", table(Table(tuple(rows[0]), tuple(map(tuple, rows[1:]))))))
            i = after
            continue
        first = _marker(lines[i])
        following = _marker(lines[i + 1]) if i + 1 < len(lines) else None
        introduced = bool(out) and out[-1][0] == "p" and out[-1][1].rstrip().endswith(":")
        if first is None or not (following or introduced):
            out.append(("p", lines[i].strip()))
            i += 1
            continue
        base, kind = first[0], first[1]
        items: list[dict[str, Any]] = []
        while i < len(lines) and (marked := _marker(lines[i])):
            indent, this, text = marked
            nested = bool(items) and (indent > base + 1 or (kind == "1" and this == "a"))
            if not nested and this != kind:
                break
            if nested:
                sub = items[-1].setdefault("sub", {"numbered": this != "b", "items": []})
                sub["items"].append({"lead": "", "text": text})
            else:
                items.append({"lead": "", "text": text})
            i += 1
        out.append(("ul", {"t": "ul", "items": items, "numbered": kind != "b"}))
    return out


def paragraphs(block: Paragraphs) -> list[str]:
    """The block's paragraphs: every non-blank line of every text is one."""
    return [
        line.rstrip() for text in block.texts for line in plain(text).split("\n") if line.strip()
    ]


def _blocks(section: Section, label: str, timeline: bool):
    number = 0
    for block in section.blocks:
        if isinstance(block, Paragraphs):
            for what, line in _runs(paragraphs(block)):
                if what in ("ul", "table"):
                    yield line
                elif block.numbered and not section.appendix:
                    number += 1
                    yield {"t": "p", "n": f"{label}.{number}", "text": line}
                else:
                    yield {"t": "p", "n": "", "text": line}
        elif isinstance(block, Subheading):
            yield {"t": "h2", "text": one_line(block.text) or "Untitled"}
        elif isinstance(block, Bullets):
            leads = list(block.lead) if len(block.lead) == len(block.items) else []
            items = [
                {"lead": one_line(leads[i]) if leads else "", "text": plain(item).strip()}
                for i, item in enumerate(block.items)
                if plain(item).strip() or (leads and one_line(leads[i]))
            ]
            if items:
                yield {"t": "ul", "items": items, "numbered": block.numbered}
        elif isinstance(block, Note):
            if plain(block.text).strip():
                yield {"t": "note", "text": plain(block.text).strip()}
        elif isinstance(block, Callout):
            lines = [line.rstrip() for t in block.texts for line in plain(t).split("\n")]
            parts = [
                part if what == "ul" else {"t": "p", "text": part}
                for what, part in _runs([line for line in lines if line.strip()], tables=False)
            ]
            yield {"t": "callout", "title": one_line(block.title), "parts": parts}
        elif isinstance(block, Table):
            yield table(block)
        elif isinstance(block, Timeline) and timeline:
            yield from timeline_blocks(block)


def table(block: Table) -> dict[str, Any]:
    """A table block: header, rows as strings, and widths in points for the text column."""
    from reports.table_widths import column_widths

    columns = [one_line(c) for c in block.columns]
    if not columns:
        columns = [""] * max((len(r) for r in block.rows), default=1)
    count = len(columns)
    rows = []
    for raw in block.rows:
        values = [plain(v) for v in raw]
        if len(values) > count:  # more cells than columns: keep them, in the last column
            values[count - 1 :] = ["\n".join(values[count - 1 :])]
        rows.append(values + [""] * (count - len(values)))
    dense = count >= DENSE_COLUMNS or len(rows) > 200
    widths = column_widths(
        columns, rows, TEXT_WIDTH, size=CELL_SIZE, condensed=dense, hint=block.widths
    )
    return {
        "t": "table",
        "columns": columns,
        "rows": rows,
        "widths": [round(w / TEXT_WIDTH, 4) for w in widths],
        "caption": one_line(block.caption),
        "dense": dense,
    }


def timeline_blocks(block: Timeline):
    """The timeline as one picture, or one per group of ``LANES_PER_PICTURE`` agencies (each
    with its own axis and legend) when there are more agencies than fit one page."""
    from reports.timeline_svg import get, timeline_picture

    lanes = tuple(get(block.layout, "lanes") or ())
    groups = [lanes[i : i + LANES_PER_PICTURE] for i in range(0, len(lanes), LANES_PER_PICTURE)]
    caption = one_line(block.caption)
    for number, group in enumerate(groups or [()], start=1):
        part = f" (part {number} of {len(groups)})" if len(groups) > 1 else ""
        picture = timeline_picture(
            block.layout,
            block.colours,
            block.labels,
            (caption or "Timeline") + part,
            lanes=group if len(groups) > 1 else None,
        )
        yield {
            "t": "timeline",
            "svg": picture.svg,
            "alt": picture.alt,
            "caption": caption + part,
            "aspect": round(picture.height / picture.width, 4),
        }
