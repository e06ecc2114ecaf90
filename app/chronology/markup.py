"""What systems put in cells that a person would not write: the markup of a web editor in the
narratives of web-based case systems ("<p>Home visit&nbsp;...</p><br />"), read as the plain
text a person sees, paragraphs and line breaks kept as new lines; and a database's word for an
empty value ("NULL"), read as empty."""

import re
from html import unescape
from typing import Any

_TAG = re.compile(
    r"</?(?:p|br|div|span|strong|b|em|i|u|ul|ol|li|font|table|tr|td|h[1-6])\b[^<>]{0,200}>", re.I
)
_BREAK = re.compile(r"<br\s*/?>|</(?:p|div|li|tr|h[1-6])\s*>", re.I)
_ANY_TAG = re.compile(r"<[^<>]{1,200}>")
_SAMPLE = 200


def _plain(text: str) -> str:
    text = _BREAK.sub("\n", text)
    text = unescape(_ANY_TAG.sub("", text)).replace("\xa0", " ")
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return "\n".join(line for line in lines if line)


def plain_text_columns(headers: list[str], rows: list[tuple[int, list[Any]]]) -> list[str]:
    """Turn each column whose cells hold editor markup into plain text, in place. A column is
    turned when a third of its filled text cells among the first rows hold tags. Returns
    notes naming the columns."""
    if not rows:
        return []
    width = len(rows[0][1])
    sample = rows[:_SAMPLE]
    changed = []
    for column in range(width):
        texts = [c[column] for _n, c in sample if c[column].__class__ is str and c[column]]
        tagged = sum(1 for t in texts if "<" in t and _TAG.search(t))
        if not tagged or 3 * tagged < len(texts):
            continue
        for _number, cells in rows:
            value = cells[column]
            if value.__class__ is str and "<" in value or value.__class__ is str and "&" in value:
                cells[column] = _plain(value)
        changed.append(headers[column] if column < len(headers) else f"Column {column + 1}")
    if not changed:
        return []
    listed = ", ".join(changed)
    return [f"{listed} held the markup of a web page editor (<p>, <br>...): read as plain text."]


# A database's, Excel's or a statistics tool's word for "no value": R writes NA, a pivot table
# shows (blank) where its rows had nothing.
_NULLS = frozenset({"NULL", "null", "(null)", "<null>", "#NULL!", "#N/A", "Null", "NA", "(blank)"})


def database_blanks(headers: list[str], rows: list[tuple[int, list[Any]]]) -> list[str]:
    """Empty each cell holding a database's word for "no value" (NULL, (null), #N/A, NA), in the
    columns where one shows among the first rows. Returns a note naming the columns."""
    if not rows:
        return []
    width = len(rows[0][1])
    sample = rows[:_SAMPLE]
    columns = [i for i in range(width) if any(c[i] in _NULLS for _n, c in sample)]
    columns = [i for i in columns if not _initials_column(sample, i)]
    count = 0
    for _number, cells in rows if columns else ():
        for i in columns:
            if cells[i].__class__ is str and cells[i] in _NULLS:
                cells[i] = ""
                count += 1
    if not count:
        return []
    listed = ", ".join(headers[i] if i < len(headers) else f"Column {i + 1}" for i in columns)
    return [f"{count} cell(s) held NULL, NA, (blank) or #N/A, words for no value "
            f"({listed}): read as empty."]  # fmt: skip


_INITIALS = re.compile(r"[A-Z]{2,3}")


def _initials_column(sample: list[tuple[int, list[Any]]], index: int) -> bool:
    """Whether a column holding "NA" is one of initials (SE, PN, NA), where NA is someone."""
    values = [c[index] for _n, c in sample if c[index].__class__ is str and c[index].strip()]
    if not any(v == "NA" for v in values):
        return False
    others = [v for v in values if v not in _NULLS]
    return bool(others) and sum(1 for v in others if _INITIALS.fullmatch(v)) >= 0.5 * len(others)


# A pivot table's value field is headed by its summary and its field ("Count of Contact ID",
# "Sum of Minutes"); its row fields stand to the left of the first value field.
_PIVOT_VALUE = re.compile(
    r"(?i)(?:count|sum|average|max|min|product|stddev|var|distinct count) of \S"
)


def pivot_row_labels(headers: list[str], rows: list[tuple[int, list[Any]]]) -> list[str]:
    """In a pivot table pasted as values (a value field headed "Count of ..."), fill each empty
    cell of its row fields with the label above: a pivot in tabular form shows a label once
    for its group and writes "(blank)" where there was nothing. Returns a note."""
    first = next((i for i, h in enumerate(headers) if _PIVOT_VALUE.match(h or "")), None)
    if not first or not rows:
        return []

    def has_content(value: Any) -> bool:
        return value is not None and (value.__class__ is not str or value.strip() != "")

    filled = 0
    above: list[Any] = [""] * first
    for _number, cells in rows:
        if not any(has_content(cells[i]) for i in range(first, len(cells))):
            above = [""] * first  # a row of labels only (a subtotal's heading): start again
        for i in range(first):
            if has_content(cells[i]):
                if cells[i] != above[i]:  # a new group: the labels inside it start again
                    above[i + 1 :] = [""] * (first - i - 1)
                above[i] = cells[i]
            elif has_content(above[i]) and any(has_content(c) for c in cells[i + 1 : first]):
                cells[i] = above[i]
                filled += 1
    if not filled:
        return []
    return [f"A pivot table's rows (its values headed {headers[first]!r}): {filled} empty "
            "label cell(s) took the label above, as the pivot shows a label once for its "
            "group."]  # fmt: skip
