"""Case notes printed to Word as forms: each note a small table of rows of a label and its value
("Date:", "14/03/2016 10:32"; "Recorded by:", ...; "Note:", ...), one table a note. Each form
is read as an entry, its labels as the columns."""

from typing import Any

from app.chronology.dates import parse_date

_MAX_LABEL = 40


def _pairs(grid: list[list[str]], where: list | None = None) -> list[tuple[str, str]] | None:
    """The (label, value) rows of a form table, or None when it is not one. ``where``, a list,
    is given the (row, column) of each value in the table ((row, -1) when it has none)."""
    pairs = []
    for r, row in enumerate(grid):
        cells = [c for c in row if c]
        if not cells:
            continue
        if len(cells) > 2 or len(cells[0]) > _MAX_LABEL or "\n" in cells[0]:
            return None
        label = cells[0].strip().rstrip(":").strip()
        pairs.append((label, cells[1] if len(cells) == 2 else ""))
        if where is not None:
            filled = [c for c, value in enumerate(row) if value]
            where.append((r, filled[1] if len(filled) == 2 else -1))
    return pairs if len(pairs) >= 2 else None


def form_rows(
    grids: list[list[list[str]]], strikes=None, struck=None
) -> tuple[list[list[Any]], list[str]] | None:
    """(rows under a header of the forms' labels, notes) when at least three of the document's
    tables are forms sharing their labels, one of them a date in most of the forms; else None.
    With ``strikes`` (each table's struck cells), the struck values are put in ``struck`` at
    their place in the rows."""
    places: list[list] = []
    forms = []
    for index, grid in enumerate(grids):
        where: list = []
        pairs = _pairs(grid, where)
        if pairs is not None:
            forms.append(pairs)
            places.append([(index, *w) for w in where])
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
    for form, where in zip(forms, places, strict=True):
        values: dict[str, str] = {}
        hows: dict[str, list[str]] = {}
        for (label, value), (table, r, c) in zip(form, where, strict=True):
            values[label] = f"{values[label]}\n{value}" if label in values else value
            if strikes and value:
                hows.setdefault(label, []).append(strikes[table].get((r, c), ""))
        for label, found in hows.items():
            if any(found) and struck is not None:
                whole = all(how == "whole" for how in found)
                struck[len(rows), headings.index(label)] = "whole" if whole else "part"
        rows.append([values.get(h, "") for h in headings])
    note = (
        f"The document holds {len(forms)} forms, one a note (tables of a label and its "
        f"value); each is read as an entry, its labels ({', '.join(headings[:8])}) as the "
        "columns."
    )
    return rows, [note]
