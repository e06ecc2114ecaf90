"""A sheet laid out sideways, as some hand-made templates are: the labels (Date, Time, Worker,
Event) down the first column and each entry a column of its own. Read turned a quarter: the
labels as the header row and each column an entry."""

from typing import Any

from app.chronology.layout import filled, find_layout, is_date_like

_MAX_LABELS = 40  # more rows than that down the first column is a table, not labels


def entries_across(rows: list[list[Any]], upright_score: int) -> list[list[Any]] | None:
    """The rows turned (each column a row) when the first column holding anything holds the
    headings of a chronology better than any row does (``upright_score``), else None. A title
    over the labels and a count or marking under them (lines of one cell) are passed over; the
    columns before the labels turn into blank rows (each entry keeps its column's number)."""
    if not 3 <= len(rows) <= _MAX_LABELS:
        return None
    counts = [sum(map(filled, row)) for row in rows]
    wide = [i for i, count in enumerate(counts) if count >= 2]
    if not wide or any(count > 1 for count in counts[: wide[0]] + counts[wide[-1] + 1 :]):
        return None
    block = rows[wide[0] : wide[-1] + 1]
    if len(block) < 3:
        return None
    first = min(next(c for c, v in enumerate(row) if filled(v)) for row in block if any(
        map(filled, row)))  # fmt: skip
    labels = [row[first] for row in block if first < len(row) and filled(row[first])]
    if len(labels) < 3 or any(
        v.__class__ is not str or len(v) > 40 or any(ch.isdigit() for ch in v) for v in labels
    ):
        return None
    if len({" ".join(v.lower().split()) for v in labels}) < len(labels):
        return None  # a value repeated down the column (a name on every row): not labels
    width = max(map(len, block))
    if width - first < 4:
        return None
    # One label's row holds the dates of the entries across.
    if not any(
        sum(1 for v in row[first + 1 :] if filled(v) and is_date_like(v))
        >= 0.6 * (width - first - 1)
        for row in block
    ):
        return None
    turned = [[row[c] if c < len(row) else "" for row in block] for c in range(width)]
    layout = find_layout(turned)
    if layout is None or layout.header_index != first or layout.score < 3:
        return None
    return turned if layout.score > upright_score else None
