"""Where the table is in a sheet: the header row (or two rows: a group heading over
sub-headings), and the rows inside it that are not entries: guidance rows under the header,
page headers repeated down the table, page and report footers, protective marking lines.

Rows left out are listed with their number and why; nothing is left out silently.
"""

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from operator import itemgetter
from typing import Any

from app.chronology.dates import parse_date
from app.chronology.mapping import header_score, normalise_header

HEADER_SCAN_ROWS = 30
_LONG_HEADING = 80


@dataclass(frozen=True)
class LeftOut:
    row: int  # 1-based row number in the sheet
    reason: str
    text: str  # what the row held, so the report shows it


@dataclass
class Layout:
    header_index: int  # index in the rows given of the (lower) header row
    header_rows: list[int]  # indices of every row making up the header
    headings: list[str]
    score: int  # how many cells were recognised as chronology headings
    titles: list[str] = field(default_factory=list)  # text of rows above the header
    header_cells: list[list[Any]] = field(default_factory=list)  # the header rows as found
    notes: list[str] = field(default_factory=list)
    # set by left_out_rows: the headings of the table's columns, then of those another export
    # pasted under it adds ([] when no export is pasted under it)
    pasted_headings: list[str] = field(default_factory=list)


def filled(value: Any) -> bool:
    return value is not None and value != "" and not (value.__class__ is str and not value.strip())


def is_an_entry(row: list[Any]) -> bool:
    """A row holding a date and a sentence: an entry, never a row of headings."""
    return any(map(is_date_like, row)) and any(
        v.__class__ is str and len(v.split()) >= 6 for v in row
    )


def is_date_like(value: Any) -> bool:
    if isinstance(value, date | datetime):
        return True
    if value.__class__ is str:
        s = value.strip()
        return (
            # up to 64 characters in a few words: "Mon Mar 14 2016 10:32:00 GMT+0000 (Greenw..."
            (4 <= len(s) <= 40 or len(s) <= 64 and s.count(" ") <= 8)
            and any(c.isdigit() for c in s)
            and (parse_date(s).ok or parse_date(s, order="mdy").ok)
        )
    return False


def _text(value: Any) -> str:
    if value.__class__ is str:
        return " ".join(value.split())
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value)


def _heading_like(row: list[Any]) -> bool:
    """Short text cells only: no dates, no long text."""
    cells = [v for v in row if filled(v)]
    return bool(cells) and all(
        v.__class__ is str and len(v) <= _LONG_HEADING and not is_date_like(v) for v in cells
    )


def _date_support(rows: list[list[Any]], start: int) -> float:
    """The largest share of the next rows holding a date in one same column."""
    below = [r for r in rows[start : start + 15] if any(map(filled, r))]
    if not below:
        return 0.0
    share = _dated_share(below)
    if share < 0.4:
        # Another export's headings pasted under a short table (and more rows under those):
        # the share is of this table's own rows, those above the other headings.
        end = next(
            (
                k
                for k, r in enumerate(below[2:], 2)
                if _heading_like(r) and header_score(r) >= 2 and not any(map(is_date_like, r))
            ),
            0,
        )
        if end:
            share = _dated_share(below[:end])
    return share


def _dated_share(below: list[list[Any]]) -> float:
    width = max(map(len, below))
    best = 0
    for column in range(min(width, 60)):
        count = sum(1 for r in below if column < len(r) and is_date_like(r[column]))
        best = max(best, count)
    return best / len(below)


def find_layout(rows: list[list[Any]], header_index: int | None = None) -> Layout | None:
    """The header of the table among the first rows (or the row given), None when none."""
    if header_index is None:
        best, best_key = None, (0, 0)
        first_table = None  # the first header naming a date and an event, dated rows under it
        for index, row in enumerate(rows[:HEADER_SCAN_ROWS]):
            cells = [v for v in row if filled(v)]
            if len(cells) < 2 or not _heading_like(row):
                continue
            if any(_text(v).endswith(":") for v in cells) and len(cells) <= 3:
                continue  # "Child:", "Child A": details about the report, not headings
            known = header_score(row)
            support = _date_support(rows, index + 1) >= 0.4
            key = (3 * known + min(len(cells), 8) + (6 if support else 0), -index)
            if key > best_key:
                best, best_key = index, key
            if first_table is None and support and known >= 2 and _names_date_and_event(row):
                first_table = index
        if best is None:
            return None
        # A second export pasted under the first with more columns names more of them: the
        # first table's header still heads the sheet (the other's is left out inside it, and
        # its columns kept), so that the entries above the second header are not lost.
        if (
            first_table is not None
            and first_table < best
            and _names_date_and_event(rows[best])
            and any(is_date_like(v) for r in rows[first_table + 1 : best] for v in r[:12])
        ):
            best = first_table
        header_index = best
    header_rows = [header_index]
    above = header_index - 1
    below = header_index + 1
    if _is_second_header_row(rows, below, header_index):
        header_rows.append(below)
    elif _is_second_header_row(rows, above, header_index, group=True):
        header_rows.insert(0, above)
    headings = _combine_headings([rows[i] for i in header_rows])
    titles = [
        _text(v) for r in rows[: header_rows[0]] for v in r if filled(v) and len(_text(v)) > 2
    ]
    layout = Layout(
        header_index=header_rows[-1],
        header_rows=header_rows,
        headings=headings,
        score=max(header_score(headings), header_score(rows[header_index])),
        titles=titles,
        header_cells=[rows[i] for i in header_rows],
    )
    return layout


def header_sorted_down(rows: list[list[Any]], layout: Layout) -> list[list[Any]] | None:
    """A header row found at the foot of the sheet, under rows most of which are dated: the
    whole range was sorted with its header row in it. The rows with the header back on top
    (None when that is not so)."""
    index = layout.header_index
    if index < 2 or len(layout.header_rows) != 1 or any(map(filled, rows[index + 1 :])):
        return None
    above = [r for r in rows[:index] if any(map(filled, r))]
    dated = sum(1 for r in above if any(is_date_like(v) for v in r[:12]))
    if dated < 2 or 2 * dated < len(above) or layout.score < 2:
        return None
    return [rows[index], *rows[:index]]


def _names_date_and_event(row: list[Any]) -> bool:
    from app.chronology.mapping import guess_mapping

    mapping = guess_mapping([_text(v) for v in row])
    return "date" in mapping and "event" in mapping


def _is_second_header_row(
    rows: list[list[Any]], index: int, header: int, *, group: bool = False
) -> bool:
    """A row of sub-headings under the header, or of group headings over it."""
    if not 0 <= index < len(rows) or not _heading_like(rows[index]):
        return False
    row, main = rows[index], rows[header]
    cells = [v for v in row if filled(v)]
    if any(_text(v).endswith(":") for v in cells) or is_guidance(row):
        return False
    if group and len(cells) < 2:
        return False  # a single cell above the header is a title
    # Some column is named only in this row: the two rows share the naming of the columns.
    only_here = any(
        filled(v) and (i >= len(main) or not filled(main[i])) for i, v in enumerate(row)
    )
    return only_here and (group or header_score(row) >= 1 or len(cells) >= 2)


def _combine_headings(header_rows: list[list[Any]]) -> list[str]:
    width = max(map(len, header_rows))
    parts: list[list[str]] = [[] for _ in range(width)]
    markers = _answer_markers(header_rows) if len(header_rows) == 2 else ()
    for position, row in enumerate(header_rows):
        group = ""
        for i in range(width):
            text = _text(row[i]) if i < len(row) else ""
            if position < len(header_rows) - 1 and len(header_rows) > 1:
                # A group heading stretches over the sub-headings to its right.
                lower = header_rows[-1]
                if text:
                    group = text
                elif group and i < len(lower) and filled(lower[i]):
                    text = group
                else:
                    group = ""
            if text and text not in parts[i] and (i, text) not in markers:
                parts[i].append(text)
    return [" ".join(p) for p in parts]


def _answer_markers(header_rows: list[list[Any]]) -> set[tuple[int, str]]:
    """The sub-headings that say nothing of their column, as a survey tool writes "Response"
    or "Open-Ended Response" under each question: the same words under two or more different
    headings that each head one column only. (column, words) of each."""
    top, lower = header_rows
    width = min(len(top), len(lower))
    single: dict[str, list[int]] = {}
    for i in range(width):
        if not (filled(top[i]) and filled(lower[i])):
            continue
        alone = i + 1 >= width or filled(top[i + 1]) or not filled(lower[i + 1])
        if alone:
            single.setdefault(_text(lower[i]), []).append(i)
    return {
        (i, text)
        for text, columns in single.items()
        if len(columns) >= 2 and len({_text(top[i]) for i in columns}) >= 2
        for i in columns
    }


# --- rows inside the table that are not entries -------------------------------------------------

_GUIDANCE = re.compile(
    r"(?:d{1,2}\s*[/.\-]\s*m{1,2}\s*[/.\-]\s*y{2,4}|m{1,2}\s*[/.\-]\s*d{1,2}\s*[/.\-]\s*y{2,4}"
    r"|hh\s*[:.]\s*mm|\(?(?:e\.?g\b|for example|example:|enter|please|include|describe|insert"
    r"|provide|select|choose|use this|free text|give (?:the|a|details)|state (?:the|who|what)"
    r"|list (?:the|any|all)|record (?:the|what|who|any)|what (?:happened|was)|who (?:was|did)"
    r"|brief (?:summary|description|details)|summarise|optional|mandatory|required field"
    r"|name of (?:the )?(?:worker|practitioner|person|agency)|date of (?:the )?(?:event|contact)"
    r"|\[|<))",
    re.I,
)
_FOOTER = re.compile(
    r"(?:total(?:\s+number)?(?:\s+of)?\b|grand total|number of (?:records|entries|contacts|rows"
    r"|events|notes)|count of\b|\d+ (?:records?|entries|rows|contacts|notes) (?:found|returned"
    r"|listed|shown|printed)|printed\b|print date|report (?:run|generated|produced|printed|created"
    r"|date)|generated (?:on|by|from|at)|run (?:on|by|date)|produced (?:on|by|from)|exported"
    r"|extracted (?:on|by|from)|end of (?:report|chronology|document|records?|extract)"
    r"|\*+\s*end\b|\(\d[\d,]* rows?(?: affected)?\)|[-\s]*page \d+(?:\s*of\s*\d+)?[-\s]*$|\d+\s+of\s+\d+$|-\s*\d+\s*-$"
    r"|(?:official(?:[\s\-]+sensitive)?|confidential|restricted|protect(?:ed)?|secret"
    r"|not protectively marked|protective marking|classification)\b"
    r"|this (?:document|report|chronology|information) (?:is|contains|must|should)"
    r"|do not (?:copy|disclose|share|forward))",
    re.I,
)
_FOOTER_WORDS = re.compile(
    r"\b(?:printed|completed by|compiled by|generated|produced by|end of (?:report|chronology)"
    r"|total number|signed|page \d+ of \d+)",
    re.I,
)
_COUNT_LINE = re.compile(r"\d[\d,]*\s+[a-z][a-z ()]{2,40}(?:\s+(?:found|listed|shown))?\.?", re.I)
_MARKING_OR_PAGE = re.compile(
    r"(?:[-\s]*page \d+(?:\s*of\s*\d+)?[-\s]*$|\d+\s+of\s+\d+$|-\s*\d+\s*-$|printed\b"
    r"|(?:official(?:[\s\-]+sensitive)?|confidential|restricted|not protectively marked)"
    r"(?:\s*[-:(].*)?$)",
    re.I,
)


def _title_and_page(texts: list[str], titles: set[str]) -> bool:
    """Cells holding the report's title and a page number, print line or marking, in any
    order."""
    keys = [normalise_header(t) in titles for t in texts]
    return any(keys) and all(
        k or _MARKING_OR_PAGE.match(t) for k, t in zip(keys, texts, strict=True)
    )


# A mask showing how to write a value, in any language's letters: dd/mm/yyyy, jj/mm/aaaa,
# dd/mm/bbbb (Welsh), DD.MM.JJJJ, hh:mm.
_MASK = re.compile(
    r"(?:([a-z])\1?\s*([/.\-])\s*([a-z])\3?\s*\2\s*([a-z])\4{1,3}|([a-z])\5\s*[:.]\s*([a-z])\6)$",
    re.I,
)
_BILINGUAL = re.compile(r"\s+/\s+|\s*\n\s*")


def _guidance_cell(text: str) -> bool:
    """Guidance, or in a bilingual template ("Disgrifiwch y digwyddiad / Describe the event")
    guidance in one of its languages."""
    return any(
        _GUIDANCE.match(part) or _MASK.match(part) for part in _BILINGUAL.split(text) if part
    )


def noise_line(text: str) -> str:
    """Why a line alone is a page or report line (page number, marking, print or end line), or
    "" when it may be text."""
    if _MARKING_OR_PAGE.match(text):
        return "a page header or footer (page number, marking or print line)"
    if len(text) <= 60 and _FOOTER.match(text) and not text.endswith("."):
        return "the report's footer"
    return ""


def is_guidance(row: list[Any]) -> bool:
    cells = [_text(v) for v in row if filled(v)]
    if not cells or any(is_date_like(v) for v in row):
        return False
    hits = sum(1 for c in cells if _guidance_cell(c))
    return 2 * hits >= len(cells) and hits >= 1


def _short_cells(row: list[Any]) -> list[str]:
    return [_text(v) for v in row if filled(v)]


def left_out_rows(
    rows: list[tuple[int, list[Any]]],
    layout: Layout,
    filled_counts: list[int] | None = None,
    *,
    group_headings: bool = True,
) -> tuple[list[tuple[int, list[Any]]], list[LeftOut]]:
    """The rows that are entries, and those left out (with why). ``filled_counts``: how many
    cells of each row hold something, when the caller has counted them already.
    ``group_headings``: a lone line of text across the table, in a column of dates or short
    values, heads the rows under it (false when such lines are too many to be headings)."""
    short_columns: dict[int, bool] = {}
    header_keys = [normalise_header(h) for h in layout.headings]
    header_keys += [normalise_header(_text(v)) for r in layout.header_cells for v in r if filled(v)]
    titles = {normalise_header(t) for t in layout.titles if t}
    # A repeated header repeats its first heading where it was: checking that one cell is
    # enough to pass over an entry (the whole row is compared only then).
    probe_at = next((i for i, h in enumerate(layout.headings) if h), 0)
    probe = {layout.headings[probe_at].casefold()} if layout.headings else set()
    probe |= {_text(r[probe_at]).casefold() for r in layout.header_cells if probe_at < len(r)}
    kept: list[tuple[int, list[Any]]] = []
    out: list[LeftOut] = []
    seen_date = False
    last_dated = next(
        (
            len(rows) - 1 - i
            for i, (_n, cells) in enumerate(reversed(rows))
            if any(is_date_like(v) for v in cells[:12])
        ),
        -1,
    )
    heading_like: dict[str, bool] = {}  # first cells seen, and whether they repeat a heading

    # A first cell starting with a figure (a date, a time, a number) repeats a heading only
    # where a heading starts with one: most first cells are dates, looked at no further.
    figure_led = any(p.lstrip()[:1].isdigit() for p in probe)

    def repeats_heading(first: str) -> bool:
        if first[:1].isdigit() and not figure_led:
            return False
        return (
            " ".join(first.split()).casefold() in probe
            or (
                # another table's headings pasted under this one ("Contact Date" over the
                # rows of a second export): its first heading is a heading ReviewDesk knows
                first[:1].isalpha() and not first[-1:].isdigit() and header_score([first]) == 1
            )
            or (
                # a page header: the print line or page number, the title beside it
                bool(titles) and first[:1].isalpha() and _MARKING_OR_PAGE.match(first) is not None
            )
        )

    moves: list[tuple[int, list[int]]] = []  # (first row kept under another header, its order)
    # The table's headings, and after them those of columns another export pasted under it
    # adds (a wider export): each later export's columns are placed under these.
    named = layout.headings[: max((i + 1 for i, h in enumerate(layout.headings) if h), default=0)]
    named = [_text(h) for h in named]
    criteria_from, criteria_to = _criteria_block(rows)
    breaks: list[int] | None = None  # once a date is seen: the rows that are not plain entries
    upcoming = 0  # the first of ``breaks`` not passed yet
    position, total = 0, len(rows)
    while position < total:
        if seen_date:
            if breaks is None:
                breaks = _not_plain(
                    rows, position, filled_counts, probe_at, heading_like, repeats_heading
                )
                breaks = sorted({*breaks, *range(criteria_from, criteria_to)})
            # The plain entries up to the next row that is not one, kept as they are.
            while upcoming < len(breaks) and breaks[upcoming] < position:
                upcoming += 1
            stop = breaks[upcoming] if upcoming < len(breaks) else total
            if stop > position:
                kept.extend(rows[position:stop])
                position = stop
                if position == total:
                    break
        here, row = position, rows[position]
        position += 1
        number, cells = row
        if criteria_from <= here < criteria_to:
            out.append(LeftOut(number, _CRITERIA, " | ".join(_short_cells(cells))[:200]))
            continue
        if filled_counts is None:
            count = len(cells) - cells.count("") - cells.count(None)
        else:
            count = filled_counts[here]
        reason = ""
        if count > 2 and seen_date:
            first = cells[probe_at] if probe_at < len(cells) else None
            if first.__class__ is not str:
                kept.append(row)
                continue
            repeated = heading_like.get(first)
            if repeated is None:
                repeated = heading_like[first] = repeats_heading(first)
            if not repeated:
                kept.append(row)
                continue
        texts = _short_cells(cells)
        if not seen_date and is_guidance(cells):
            reason = "guidance for whoever fills in the template"
        elif texts and texts[0][:1] in _RULE and all(not t.strip(_RULE) for t in texts):
            reason = "a line ruled under the headings (a query tool's output)"
        elif here == 0 and _headings_again(cells, layout, rows[1:50]):
            reason = "a second row of headings (the headings in another language)"
        elif len(texts) >= 2 and _repeats_header(cells, header_keys):
            reason = REPEATED_HEADER
            if seen_date and (moves or len(texts) > len(named) - named.count("")):
                # the headings again with more columns (a wider export of the same system)
                order, added = _placing(named, cells)
                named += added
                moves.append((len(kept), order))
        elif here == 0 and _numbers_the_columns(texts):
            reason = "the columns numbered under the headings (part of the header)"
        elif not seen_date and len(texts) >= 2 and all(map(_object_text, texts)):
            reason = "the export's own ids for the columns (part of the header)"
        elif seen_date and _other_headings(cells, texts):
            reason = OTHER_HEADINGS
            order, added = _placing(named, cells)
            named += added
            moves.append((len(kept), order))
            if order[: len(named) - len(added)] != list(range(len(named) - len(added))):
                reason += " (its columns put in this table's order)"
        elif 2 < len(texts) <= 4 and titles and _title_and_page(texts, titles):
            reason = "the report's title repeated (a page header)"
        elif len(texts) <= 2 and all(len(t) <= 150 for t in texts):
            joined = " ".join(texts)
            key = normalise_header(joined)
            if key and key in titles:
                reason = "the report's title repeated (a page header)"
            elif len(texts) == 2 and titles and _title_and_page(texts, titles):
                # the title with the page's number beside it ("Page 2 of 2") in its own cell
                reason = "the report's title repeated (a page header)"
            elif _MARKING_OR_PAGE.match(joined):
                reason = "a page header or footer (page number, marking or print line)"
            elif here > last_dated and (
                _FOOTER.match(joined)
                or len(texts) == 1
                and (_FOOTER_WORDS.search(joined) or _COUNT_LINE.fullmatch(joined))
            ):
                reason = "the report's footer"
            elif group_headings and _group_heading(cells, rows, short_columns):
                reason = "a heading over the rows under it, not an entry"
        if reason:
            out.append(LeftOut(number, reason, " | ".join(texts)[:200]))
            continue
        if not seen_date and any(is_date_like(v) for v in cells):
            seen_date = True
        kept.append(row)
    layout.pasted_headings = named if len(named) > len(layout.headings) or moves else []
    for n, (start, order) in enumerate(moves):
        end = moves[n + 1][0] if n + 1 < len(moves) else len(kept)
        if order == list(range(len(order))):
            continue
        for k in range(start, end):
            number, cells = kept[k]
            kept[k] = (number, [cells[i] if 0 <= i < len(cells) else None for i in order])
    return kept, out


_RULE = "-=_+|: "  # what a query tool's output rules its headings off with


def _object_text(text: str) -> bool:
    """A cell written as an object of the export's own ({"ImportId":"QID1"}), as a survey
    tool writes a row of ids for its columns under their headings."""
    return text[:2] == '{"' and text[-1:] == "}" and '":' in text


def _other_headings(cells: list[Any], texts: list[str]) -> bool:
    """A row of headings inside the table, other words than its own ("Contact Date",
    "Recorded By" under "Date", "Worker"): short cells, no date among them, most of them
    headings ReviewDesk knows. Two exports pasted one under the other."""
    return (
        len(texts) >= 2
        and all(len(t) <= 40 for t in texts)
        and not any(is_date_like(v) for v in cells)
        and header_score(texts) * 10 >= len(texts) * 6
    )


def _placing(named: list[str], cells: list[Any]) -> tuple[list[int], list[str]]:
    """Where this table's columns are under another header row: for each of the ``named``
    columns (the table's own, then those earlier exports added), the column of the other
    table holding its field or its heading (-1: none); then the other table's columns with no
    place here, kept after them (nothing lost). Returns the order and the headings added."""
    from app.chronology.mapping import guess_mapping

    texts = [_text(v) for v in cells]
    ours = guess_mapping(named)
    theirs = guess_mapping(texts)
    field_of = {column: name for name, column in ours.items()}
    keys = {normalise_header(t): i for i, t in reversed(list(enumerate(texts))) if t}
    order = []
    for column, heading in enumerate(named):
        name = field_of.get(column, "")
        source = theirs.get(name, -1) if name else -1
        if source < 0 and heading:
            source = keys.get(normalise_header(heading), -1)
        order.append(source)
    used = set(order)
    for column in range(len(order)):
        if order[column] < 0 and column not in used and column < len(cells):
            order[column] = column  # a column the headers name differently keeps its place
            used.add(column)
    extra = [c for c in range(len(cells)) if c not in used and filled(cells[c])]
    return order + extra, [texts[c] for c in extra]


def name_columns_beyond(
    headers: list[str], header_width: int, layout: Layout, rows: list[tuple[int, list[Any]]]
) -> list[str]:
    """Columns beyond the header that another export pasted under the table names (a second
    export with more columns than the first): they take the names its headings give them, so
    that a Time or a Contact Type is read as one and nothing else is lost. ``rows`` (the
    table's) are made as wide as the named columns. Returns notes."""
    named = layout.pasted_headings
    if len(named) <= header_width:
        return []
    for column in range(len(headers), len(named)):
        headers.append(f"Column {column + 1}")
    width = len(headers)
    for k, (number, cells) in enumerate(rows):
        if len(cells) < width:
            rows[k] = (number, cells + [""] * (width - len(cells)))
    added = []
    taken = {h.casefold() for h in headers}
    for column in range(header_width, len(named)):
        text = named[column]
        if text and headers[column].startswith("Column ") and text.casefold() not in taken:
            headers[column] = text
            taken.add(text.casefold())
            added.append(text)
    if not added:
        return []
    return [
        "Another export pasted under the table has more columns than it; they are named by "
        f"its headings ({', '.join(added)}) and read with its rows."
    ]


_CRITERIA = "the report's criteria under the table (lines of a label and its value)"
OTHER_HEADINGS = "the headings of another table pasted under this one"
REPEATED_HEADER = "the column headings repeated (a page header)"
_LABEL = re.compile(r"[^\W\d][^:]{0,38}:")
# The author's sign-off typed into the table's last rows, with or without a colon: "Completed
# by", "Date completed", "Signed off by", "Date signed", "Checked by", "Name of author".
_SIGN_OFF = re.compile(
    r"(?:(?:date\s+)?(?:completed|compiled|prepared|signed(?:\s+off)?|checked|approved"
    r"|authori[sz]ed|quality\s+assured|countersigned|verified|submitted|agreed)(?:\s+by)?"
    r"|(?:name|signature|role|job\s+title|position|designation)(?:\s+of\s+(?:imr\s+)?author|\s+of"
    r"\s+manager)?|(?:imr\s+)?author|manager|signature|date(?:\s+of\s+(?:completion|sign[\s-]?off"
    r"|signing|submission))?)\s*:?",
    re.I,
)


def _not_plain(
    rows: list[tuple[int, list[Any]]],
    start: int,
    filled_counts: list[int] | None,
    probe_at: int,
    heading_like: dict[str, bool],
    repeats_heading,
) -> list[int]:
    """The rows from ``start`` that are not plain entries once a date has been seen: those with
    two cells or fewer filled, and those whose first cell may repeat a heading (the rest are
    kept as they are). ``heading_like`` is given each first cell looked at."""
    cells_from = list(map(itemgetter(1), rows[start:]))
    if filled_counts is None:
        counts = [len(c) - c.count("") - c.count(None) for c in cells_from]
    else:
        counts = filled_counts[start:]
    firsts = [c[probe_at] if probe_at < len(c) else None for c in cells_from]
    for first in set(firsts):
        if first.__class__ is str and first not in heading_like:
            heading_like[first] = repeats_heading(first)
    return [
        start + k
        for k, (count, first) in enumerate(zip(counts, firsts, strict=True))
        if count <= 2 or first.__class__ is str and heading_like[first]
    ]


def _criteria_block(rows: list[tuple[int, list[Any]]]) -> tuple[int, int]:
    """Where the lines of a label and its value ("Date from:", "01/03/2016"; "Run by:",
    "Report Server") that end the table begin and end, when there are at least two of them:
    the criteria a report was run with, or the author's sign-off ("Completed by", "Jo
    Castellan", "IMR author"; "Date completed", "12/01/2017"), never entries. Only a footer
    (a count, a print line, a page number or marking) may follow them. (len(rows), len(rows))
    when there are none."""
    end = len(rows)
    while end > 0 and _footer_line(_short_cells(rows[end - 1][1])):
        end -= 1
    start = end
    while start > 0:
        texts = _short_cells(rows[start - 1][1])
        if not 1 <= len(texts) <= 3 or not (
            len(texts) <= 2
            and _LABEL.fullmatch(texts[0].strip())
            or _SIGN_OFF.fullmatch(texts[0].strip())
            and all(len(t) <= 60 for t in texts)
        ):
            break
        start -= 1
    return (start, end) if end - start >= 2 else (len(rows), len(rows))


def _footer_line(texts: list[str]) -> bool:
    """A line alone under a table that only a report's footer or a page's margin holds."""
    if len(texts) != 1 or len(texts[0]) > 150:
        return False
    text = texts[0]
    return bool(
        _MARKING_OR_PAGE.match(text)
        or _FOOTER.match(text)
        or _FOOTER_WORDS.search(text)
        or _COUNT_LINE.fullmatch(text)
    )


def _numbers_the_columns(texts: list[str]) -> bool:
    """1, 2, 3... under the headings: the columns numbered, as templates' guidance names them."""
    return len(texts) >= 3 and texts == [str(n) for n in range(1, len(texts) + 1)]


def _group_heading(
    cells: list[Any], rows: list[tuple[int, list[Any]]], short_columns: dict[int, bool]
) -> bool:
    """One text cell alone on its row ("Period 2: June – September 2016", a merged line across
    the table), in a column whose cells in the entries are dates or short values: it names the
    rows under it. Text alone in the narrative's column continues the entry above instead."""
    lone = [(i, v) for i, v in enumerate(cells) if filled(v)]
    if len(lone) != 1 or lone[0][1].__class__ is not str or is_date_like(lone[0][1]):
        return False
    return short_column(lone[0][0], rows, short_columns)


def short_column(column: int, rows: list[tuple[int, list[Any]]], cache: dict[int, bool]) -> bool:
    """The column holds dates or short values (a few words) in the rows that are entries (rows
    with more than two cells filled): never the narrative."""
    if column not in cache:
        values = []
        for _number, other in rows:
            if column < len(other) and sum(1 for v in other if filled(v)) > 2:
                values.append(other[column])
                if len(values) >= 200:
                    break
        short = sum(
            1 for v in values if is_date_like(v) or filled(v) and len(_text(v).split()) <= 4
        )
        cache[column] = bool(values) and short >= 0.8 * len(values)
    return cache[column]


def _headings_again(cells: list[Any], layout: Layout, below: list[tuple[int, list[Any]]]) -> bool:
    """The row under the header names the same columns again, in other words ("Dyddiad" under
    "Date" in a bilingual template): short words without digits in exactly those columns,
    none of them met again down its column (as an entry's agency or type would be), over
    entries with dates."""
    under = [i for i, v in enumerate(cells) if filled(v)]
    named = [i for i, h in enumerate(layout.headings) if h]
    again = any(i < len(r) and r[i] == cells[i] for _n, r in below for i in under)
    dated_below = any(is_date_like(v) for _n, r in below[:10] for v in r)
    return (
        dated_below
        and not again
        and len(under) >= 2
        and under == named[: len(under)]
        and len(under) == len(named)
        and all(
            v.__class__ is str and len(v) <= 40 and len(v.split()) <= 4
            and not any(c.isdigit() for c in v)
            for v in (cells[i] for i in under)
        )
    )  # fmt: skip


def _repeats_header(cells: list[Any], header_keys: list[str]) -> bool:
    same = total = 0
    for i, value in enumerate(cells):
        if not filled(value):
            continue
        total += 1
        text = normalise_header(_text(value))
        if i < len(header_keys) and text and text in header_keys[i].split(" ") + [header_keys[i]]:
            same += 1
        elif text in header_keys:
            same += 1
    return total >= 2 and same * 10 >= total * 6


def fill_merged_down(
    rows: list[list[Any]], merged: list[tuple[tuple[int, int], tuple[int, int]]], first_data: int
) -> list[str]:
    """Copy the value of each cell merged over several rows into every row it covers (a date
    merged over three entries dates all three). Returns notes."""
    notes = []
    down = [m for m in merged if m[1][0] > m[0][0] >= first_data and m[0][0] < len(rows)]
    # A row holding nothing of its own under merged cells is the lower part of an entry two
    # rows high (a template whose every cell is merged down over two rows): not filled, it
    # stays blank and is passed over rather than made a copy of the entry.
    empty = {
        r
        for (r1, _c1), (r2, _c2) in down
        for r in range(r1 + 1, min(r2, len(rows) - 1) + 1)
        if not any(filled(v) for v in rows[r])
    }
    for (r1, c1), (r2, c2) in down:
        value = rows[r1][c1] if c1 < len(rows[r1]) else ""
        if not filled(value):
            continue
        lower = [r for r in range(r1 + 1, min(r2, len(rows) - 1) + 1) if r not in empty]
        for r in lower:
            row = rows[r]
            for c in range(c1, min(c2 + 1, len(row))):  # never past the row's own cells
                if not filled(row[c]):
                    row[c] = value
        if lower:
            notes.append((r1, r2, c1))
    return [f"{len(notes)} merged cell(s) spanning several rows were filled down."] if notes else []
