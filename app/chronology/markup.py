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


_NULLS = frozenset({"NULL", "null", "(null)", "<null>", "#NULL!", "#N/A", "Null"})


def database_blanks(headers: list[str], rows: list[tuple[int, list[Any]]]) -> list[str]:
    """Empty each cell holding a database's word for "no value" (NULL, (null), #N/A), in the
    columns where one shows among the first rows. Returns a note naming the columns."""
    if not rows:
        return []
    width = len(rows[0][1])
    sample = rows[:_SAMPLE]
    columns = [i for i in range(width) if any(c[i] in _NULLS for _n, c in sample)]
    count = 0
    for _number, cells in rows if columns else ():
        for i in columns:
            if cells[i].__class__ is str and cells[i] in _NULLS:
                cells[i] = ""
                count += 1
    if not count:
        return []
    listed = ", ".join(headers[i] if i < len(headers) else f"Column {i + 1}" for i in columns)
    return [f"{count} cell(s) held NULL or #N/A, a database's or Excel's word for no value "
            f"({listed}): read as empty."]  # fmt: skip
