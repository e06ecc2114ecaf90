"""A chronology laid out as tables side by side on one sheet: the same headings written again
to the right ("Date", "Event", blank, "Date", "Event"), the later entries in the second table,
so that it prints on one page. Each table's rows are read in turn, the first table's first;
each row keeps its row number in the sheet."""

import re
from typing import Any


def _blank(value: Any) -> bool:
    return value is None or (value.__class__ is str and not value.strip())


def table_width(headings: list[str]) -> tuple[int, int] | None:
    """(width of one table, step to the next) when the headings are one table's written two or
    more times across, with blank columns between them or none; None otherwise."""
    last = max((i for i, h in enumerate(headings) if h), default=-1) + 1
    first_heading = headings[0].casefold() if headings else ""
    width = next(
        (i for i, h in enumerate(headings) if not h or (i and h.casefold() == first_heading)),
        last,
    )
    if width < 2:
        return None
    first = [h.casefold() for h in headings[:width]]
    step = next(
        (s for s in range(width, last) if headings[s] and headings[s].casefold() == first[0]),
        0,
    )
    if not step or any(headings[width:step]):
        return None
    for start in range(0, last, step):
        block = [h.casefold() for h in headings[start : start + width]]
        if block != first or any(headings[start + width : start + step]):
            return None
    return width, step


def _part(cells: list[Any], start: int, width: int) -> list[Any] | None:
    """One table's cells of a row, None when they are all blank."""
    part = list(cells[start : start + width])
    if all(map(_blank, part)):
        return None
    return part + [""] * (width - len(part))


def tables_side_by_side(
    headings: list[str], rows: list[tuple[int, list[Any]]]
) -> tuple[list[tuple[int, list[Any]]], int, str] | None:
    """The rows of each table in turn, the width of one table and a note; None when the sheet
    is not laid out so or its blank columns between the tables hold something. Empty columns
    before the tables are kept before each row's cells; lines of one cell under the tables (a
    count, a marking) come after all the tables' rows."""
    lead = next((i for i, h in enumerate(headings) if h), 0)
    found = table_width(headings[lead:])
    if found is None:
        return None
    width, step = found
    starts = range(lead, len(headings), step)
    gaps = [i for s in starts for i in range(s + width, s + step)] + list(range(lead))
    if any(not _blank(cells[i]) for _n, cells in rows for i in gaps if i < len(cells)):
        return None
    end = len(rows)  # (lines written in the first column alone, at the foot: not entries)
    while end and all(map(_blank, rows[end - 1][1][lead + 1 :])):
        end -= 1
    pad = [""] * lead
    out: list[tuple[int, list[Any]]] = []
    for start in starts:
        for number, cells in rows[:end]:
            part = _part(cells, start, width)
            if part is not None:
                out.append((number, pad + part))
    for number, cells in rows[end:]:
        part = _part(cells, lead, width)
        if part is not None:
            out.append((number, pad + part))
    note = (
        f"The sheet holds {len(starts)} tables side by side under the same headings: each "
        "table's rows are read in turn (the table on the left first), with their row numbers."
    )
    return out, lead + width, note


# A key the author typed beside the table: "Key", "Abbreviations", "Legend", "Initials".
_KEY_HEADING = re.compile(
    r"(?:key|legend|glossary|abbreviations?|initials|key\s+to\s+[a-z ]{3,30}"
    r"|(?:staff|worker|practitioner)s?\s+key)\s*:?",
    re.I,
)


def key_beside(headings: list[str], rows: list[tuple[int, list[Any]]]) -> tuple[int, str] | None:
    """(the table's width, a note quoting the key) when a key stands beside the table: after a
    blank column, a heading naming a key ("Key", "Abbreviations") over a few rows of values
    ("SE" beside "Sam Ellery, Social Worker"), filled on half of the table's rows or fewer.
    The key explains the entries; it is no part of them. None when the sheet is not so."""
    at = next((i for i, h in enumerate(headings) if i > 1 and _KEY_HEADING.fullmatch(h or "")), 0)
    if not at or any(headings[at + 1 :]) or not _blank(headings[at - 1]):
        return None
    if any(not _blank(cells[at - 1]) for _n, cells in rows if at - 1 < len(cells)):
        return None
    filled = [(n, cells[at:]) for n, cells in rows if any(not _blank(c) for c in cells[at:])]
    if not filled or 2 * len(filled) > len(rows):
        return None
    said = "; ".join(
        " \u2013 ".join(str(c).strip() for c in part if not _blank(c)) for _n, part in filled
    )
    note = (
        f"Beside the table, under '{headings[at]}' (rows {filled[0][0]}-{filled[-1][0]}): a key "
        f"to the entries, not part of them: \u201c{said[:300]}\u201d."
    )
    return at - 1, note
