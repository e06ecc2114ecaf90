"""Case notes printed to Word as forms: each note a small table of rows of a label and its value
("Date:", "14/03/2016 10:32"; "Recorded by:", ...; "Note:", ...), one table a note. Each form
is read as an entry, its labels as the columns."""

from typing import Any

from app.chronology.dates import parse_date

_MAX_LABEL = 40


def _pairs(grid: list[list[str]]) -> list[tuple[str, str]] | None:
    """The (label, value) rows of a form table, or None when it is not one."""
    pairs = []
    for row in grid:
        cells = [c for c in row if c]
        if not cells:
            continue
        if len(cells) > 2 or len(cells[0]) > _MAX_LABEL or "\n" in cells[0]:
            return None
        label = cells[0].strip().rstrip(":").strip()
        pairs.append((label, cells[1] if len(cells) == 2 else ""))
    return pairs if len(pairs) >= 2 else None


def form_rows(grids: list[list[list[str]]]) -> tuple[list[list[Any]], list[str]] | None:
    """(rows under a header of the forms' labels, notes) when at least three of the document's
    tables are forms sharing their labels, one of them a date in most of the forms; else None."""
    forms = [p for p in map(_pairs, grids) if p is not None]
    if len(forms) < 3:
        return None
    counts: dict[str, int] = {}
    for form in forms:
        for label in dict(form):
            counts[label] = counts.get(label, 0) + 1
    labels = [label for label, n in counts.items() if 5 * n >= 3 * len(forms)]
    dated = [
        label
        for label in labels
        if 5 * sum(1 for f in forms if parse_date(dict(f).get(label, "")).ok) >= 4 * len(forms)
    ]
    if not dated or len(labels) < 2:
        return None
    headings = list(counts)  # every label, so that nothing a form holds is lost
    rows: list[list[Any]] = [headings]
    for form in forms:
        values: dict[str, str] = {}
        for label, value in form:
            values[label] = f"{values[label]}\n{value}" if label in values else value
        rows.append([values.get(h, "") for h in headings])
    note = (
        f"The document holds {len(forms)} forms, one a note (tables of a label and its "
        f"value); each is read as an entry, its labels ({', '.join(headings[:8])}) as the "
        "columns."
    )
    return rows, [note]
