"""Chronology tables in a Word document (.docx): the IMR template's chronology table, a table
continued over pages with its heading row repeated, several tables in one document."""

from pathlib import Path
from typing import Any

from app.chronology.file_guard import SEND_AGAIN, ImportRefused


def table_grids(path: Path) -> list[list[list[str]]]:
    """Every top-level table of the document as rows of cell texts (merged cells once)."""
    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError, OSError):
        raise ImportRefused(
            f"{path.name} cannot be read as a Word document: it is damaged. " + SEND_AGAIN
        ) from None
    grids = []
    for table in document.tables:
        grid = []
        for row in table.rows:
            cells: list[str] = []
            previous = None
            for cell in row.cells:
                # A cell merged across columns is given once per column it covers.
                if cell._tc is previous:
                    cells.append("")
                    continue
                previous = cell._tc
                cells.append(cell.text.strip())
            grid.append(cells)
        grids.append(grid)
    return grids


def chronology_grid(path: Path, find_layout) -> tuple[list[list[Any]], list[str]]:
    """The rows of the document's chronology: the first table that has a chronology header,
    followed by the tables continuing it (same columns). Returns (rows, notes)."""
    grids = [g for g in table_grids(path) if g]
    if not grids:
        raise ImportRefused(
            f"{path.name} is a Word document with no table in it. ReviewDesk reads a chronology "
            "laid out as a table (one row per entry)."
        )
    scored = []
    for index, grid in enumerate(grids):
        layout = find_layout(grid)
        scored.append((layout.score if layout else 0, index, layout))
    best_score, first, layout = max(scored, key=lambda s: (s[0] >= 2, len(grids[s[1]]) > 2, s[0]))
    if layout is None:
        raise ImportRefused(
            f"{path.name} has no table that looks like a chronology (a row naming the columns, "
            "such as Date, Event, Outcome, above the entries)."
        )
    del best_score
    width = len(layout.headings)
    rows = list(grids[first])
    used = [first + 1]
    starts = []
    for index in range(first + 1, len(grids)):
        grid = grids[index]
        same_width = max(map(len, grid)) == width
        other = find_layout(grid)
        continues = other is None or other.headings == layout.headings
        if same_width and continues:
            starts.append((index + 1, len(rows) + 1))
            rows.extend(grid)
            used.append(index + 1)
    notes = []
    if len(grids) > 1:
        which = ", ".join(map(str, used))
        notes.append(
            f"Read table {which} of the {len(grids)} tables in the document"
            + (
                "; rows are numbered through them ("
                + ", ".join(f"table {t} starts at row {r}" for t, r in starts)
                + ")."
                if starts
                else "."
            )
        )
    return rows, notes
