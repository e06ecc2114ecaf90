"""Entries printed as blocks of labelled lines, one block an entry, as case-note prints and
some reports lay them out:

    Date:    14/03/2016 10:32
    Worker:  Sam Ellery
    Note:    Home visit...

The labels become the table's headings and each block one row, so that the columns are then
recognised as for any table. A line without a label inside a block continues the line above
(a note over several lines); page and report lines between blocks are left out and listed."""

from typing import Any

from app.chronology.layout import LeftOut, filled, is_date_like, noise_line

_MAX_LABEL = 40


def _label(cells: list[Any]) -> tuple[str, str] | None:
    """(label, value) when the row is a labelled line: a short text ending with ":" and at most
    one value after it."""
    values = [v for v in cells if filled(v)]
    if not values or len(values) > 2 or values[0].__class__ is not str:
        return None
    label = " ".join(values[0].split())
    if not label.endswith(":") or len(label) > _MAX_LABEL or any(c.isdigit() for c in label):
        return None
    value = values[1] if len(values) == 2 else ""
    return label[:-1].strip(), value


_NOTE = "Note (not labelled)"
# Fields whose value is short and never runs on into sentences: a line of prose under one is
# the block's note, not more of that value.
_SHORT_FIELDS = frozenset({"date", "time", "practitioner", "role", "event_type", "subjects"})


def _note_under(label: str, above: str, line: str) -> bool:
    """Whether ``line`` (no label) is the block's note rather than more of the labelled value
    above it: a sentence of eight words or more under a short value (40 characters at most)
    of a field that never runs on (a date, a time, a name, a kind of contact)."""
    if not above or len(above) > 40 or len(line.split()) < 8 or "\n" in above:
        return False
    from app.chronology.mapping import guess_mapping

    return bool(set(guess_mapping([label])) & _SHORT_FIELDS)


def label_blocks(
    rows: list[list[Any]],
) -> tuple[list[list[Any]], list[int], list[LeftOut], str] | None:
    """(the table: headings then one row per block; the index in ``rows`` of each of its rows;
    rows left out; a note), or None when the rows are not laid out as labelled blocks."""
    if sum(1 for r in rows[:60] if _label(r)) < 6:  # labelled lines from the start, or none
        return None
    labelled = [_label(r) for r in rows]
    counts: dict[str, int] = {}
    for found in labelled:
        if found:
            counts[found[0]] = counts.get(found[0], 0) + 1
    repeated = {label for label, n in counts.items() if n >= 3}
    lines = sum(1 for r in rows if any(map(filled, r)))
    in_blocks = sum(1 for f in labelled if f and f[0] in repeated)
    if len(repeated) < 2 or 2 * in_blocks < lines:
        return None
    dated = [
        label
        for label in repeated
        if sum(1 for f in labelled if f and f[0] == label and is_date_like(f[1]))
        >= 0.6 * counts[label]
    ]
    if not dated:
        return None
    headings: list[str] = []
    blocks: list[dict[str, Any]] = []
    starts: list[int] = []
    left_out: list[LeftOut] = []
    last = ""
    for index, (cells, found) in enumerate(zip(rows, labelled, strict=True)):
        if found and found[0] in repeated:
            label, value = found
            if not blocks or label in blocks[-1]:
                blocks.append({})
                starts.append(index)
            if label not in headings:
                headings.append(label)
            blocks[-1][label] = value
            last = label
            continue
        texts = [" ".join(str(v).split()) for v in cells if filled(v)]
        if not texts:
            continue
        reason = noise_line(" ".join(texts)) if len(texts) <= 2 else ""
        if not blocks or reason:
            reason = reason or "a title or the report's details, above the first entry"
            left_out.append(LeftOut(index, reason, " | ".join(texts)[:200]))
            continue
        above = blocks[-1].get(last, "")
        line = " ".join(texts)
        if _note_under(last, above, line):
            # the block's note, unlabelled, under a short labelled value (a name, a time)
            if _NOTE not in headings:
                headings.append(_NOTE)
            kept = blocks[-1].get(_NOTE, "")
            blocks[-1][_NOTE] = f"{kept}\n{line}" if kept else line
            continue
        blocks[-1][last] = f"{above}\n{line}" if above != "" else line
    table = [list(headings)] + [[block.get(h, "") for h in headings] for block in blocks]
    shown = ", ".join(f"{h}:" for h in headings[:6])
    note = (
        f"Each entry is a block of labelled lines ({shown}); the labels are read as the "
        f"columns and each of the {len(blocks)} blocks as one entry, numbered by its first line."
    )
    return table, [max(starts[0] - 1, 0), *starts], left_out, note
