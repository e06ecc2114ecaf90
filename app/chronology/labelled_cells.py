"""Cells written as labelled lines, as probation and some case systems export each contact:

    Contact type: Office visit
    Outcome: Attended - complied
    Notes: Seen in the office...

When most cells of a column hold the same labels, and some of those labels name a field of
their own (a type, an outcome, a worker, a date), each label becomes a column of its own so
that the columns are then recognised as for any table. A line without a label continues the
line above. Cells whose labels are only parts of one narrative (History:, Plan:) stay whole."""

import re
from typing import Any

from app.chronology.mapping import header_fields

_SAMPLE = 60
_LABEL = re.compile(r"([A-Za-z][A-Za-z /&'()-]{0,30}?)\s*:[ \t]*(.*)")


def _lines(text: str) -> list[tuple[str, str]]:
    """(label, value) per labelled line; a line without a label joins the one above."""
    found: list[tuple[str, str]] = []
    for line in text.splitlines():
        m = _LABEL.fullmatch(line.strip())
        if m and not m[1][-1:].isspace():
            found.append((" ".join(m[1].split()), m[2].strip()))
        elif found:
            label, value = found[-1]
            found[-1] = (label, f"{value}\n{line.strip()}" if value else line.strip())
        elif line.strip():
            found.append(("", line.strip()))
    return found


def _labels_of(column: list[Any]) -> list[str]:
    """The labels most of the column's cells hold, in the order met ([] when the cells are not
    labelled lines carrying a field of their own)."""
    texts = [v for v in column if v.__class__ is str and v.strip()]
    if len(texts) < 3 or sum(1 for t in texts if "\n" in t and ":" in t) < 0.8 * len(texts):
        return []
    counts: dict[str, int] = {}
    for text in texts:
        for label in {label.casefold(): label for label, _v in _lines(text) if label}.values():
            counts[label] = counts.get(label, 0) + 1
    labels = [label for label, n in counts.items() if n >= 0.6 * len(texts)]
    if len(labels) < 2:
        return []
    fields = [next(iter(header_fields(label)), "") for label in labels]
    if not any(f and f != "event" for f in fields):
        return []
    return labels


def labelled_cells(
    headers: list[str], rows: list[tuple[int, list[Any]]]
) -> tuple[list[tuple[int, list[Any]]], list[str], list[str]]:
    """The rows and headings with each column of labelled-line cells split into a column per
    label, and notes naming them (the rows as given when no column is)."""
    sample = rows[:_SAMPLE]
    split: dict[int, list[str]] = {}
    for index in range(len(headers)):
        column = [cells[index] for _n, cells in sample if index < len(cells)]
        if sum(1 for v in column if v.__class__ is str and "\n" in v) < 3:
            continue  # the cheap look: no cells over several lines, no labelled lines
        labels = _labels_of(column)
        if labels:
            split[index] = labels
    if not split:
        return rows, headers, []
    new_headers: list[str] = []
    taken = {h.casefold() for h in headers}
    for index, heading in enumerate(headers):
        if index not in split:
            new_headers.append(heading)
            continue
        new_headers.append(heading)  # what no label holds stays under the column's heading
        for label in split[index]:
            name = label if label.casefold() not in taken else f"{heading} {label}"
            taken.add(name.casefold())
            new_headers.append(name)
    new_rows = []
    for number, cells in rows:
        out: list[Any] = []
        for index, value in enumerate(cells):
            labels = split.get(index)
            if labels is None:
                out.append(value)
                continue
            if value.__class__ is not str:
                out.extend([value] + [None] * len(labels))
                continue
            by_label: dict[str, str] = {}
            rest: list[str] = []
            wanted = {label.casefold(): label for label in labels}
            for label, text in _lines(value):
                key = wanted.get(label.casefold())
                if key is None or key in by_label:
                    rest.append(f"{label}: {text}" if label else text)
                else:
                    by_label[key] = text
            out.append("\n".join(rest) or None)
            out.extend(by_label.get(label) or None for label in labels)
        new_rows.append((number, out))
    notes = [
        f"Column {headers[index]} holds labelled lines in each cell "
        f"({', '.join(f'{label}:' for label in labels)}); each label was read as a column."
        for index, labels in split.items()
    ]
    return new_rows, new_headers, notes
