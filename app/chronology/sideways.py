"""A sheet laid out sideways, as some hand-made templates are: the labels (Date, Time, Worker,
Event) down the first column and each entry a column of its own. Read turned a quarter: the
labels as the header row and each column an entry."""

from typing import Any

from app.chronology.layout import filled, find_layout, is_date_like

_MAX_LABELS = 40  # more rows than that down the first column is a table, not labels


def entries_across(rows: list[list[Any]], upright_score: int) -> list[list[Any]] | None:
    """The rows turned (each column a row) when the first column holds the headings of a
    chronology better than any row does (``upright_score``), else None."""
    if not 3 <= len(rows) <= _MAX_LABELS:
        return None
    labels = [row[0] for row in rows if row and filled(row[0])]
    if len(labels) < 3 or any(
        v.__class__ is not str or len(v) > 40 or any(ch.isdigit() for ch in v) for v in labels
    ):
        return None
    if len({" ".join(v.lower().split()) for v in labels}) < len(labels):
        return None  # a value repeated down the column (a name on every row): not labels
    width = max(map(len, rows))
    if width < 4:
        return None
    # One label's row holds the dates of the entries across.
    if not any(
        sum(1 for v in row[1:] if filled(v) and is_date_like(v)) >= 0.6 * (width - 1)
        for row in rows
    ):
        return None
    turned = [[row[c] if c < len(row) else "" for row in rows] for c in range(width)]
    layout = find_layout(turned)
    if layout is None or layout.header_index != 0 or layout.score < 3:
        return None
    return turned if layout.score > upright_score else None
