"""Columns a report server's export repeats on every row: the report's title or the parameters
it was run with (an SSRS report saved as CSV writes each text box of the page header into a
column of its own, the same text on every row). Such a column says nothing of any entry: it is
left out and named once in the import report, not stored with each entry.

A column is left out only when its text is the same on every row, says what the report is or
how it was run (Report, Chronology, Parameters, Printed, Generated, a range of dates...) or how
it is to be handled (a protective marking: OFFICIAL-SENSITIVE, Confidential), and its heading
is not one ReviewDesk reads as a field: an agency's name, one worker or one child written on
every row is kept with each entry, as any column not mapped is.

A column whose heading is only the name a report designer gives a text box or label it was not
told to name ("Textbox7", "Text12", "Label3") is report furniture whatever it holds: the same
value on every row of it (the date the report was run, the child it was run for) is left out
and named once too, when the rows are 3 or more."""

import re

from app.chronology.columns import PAGE_NUMBER, page_numbers
from app.chronology.mapping import header_fields
from app.chronology.planned_entries import cell_text

# What a report's title or its parameters say.
_TITLE_WORDS = re.compile(
    r"\b(?:report|chronology|parameters?|printed|generated|exported|extract(?:ed)?"
    r"|run\s+(?:on|by|at|date)|date\s+range|reporting\s+period"
    r"|official(?:[\s\-]*sensitive)?|confidential|(?:not\s+)?protectively\s+marked)\b"
    r"|\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}\s*(?:to|-|\u2013|until)\s*\d",
    re.I,
)
# Headings naming what a column of one value would rightly hold for every entry.
_KEPT_HEADINGS = re.compile(
    r"\b(?:agency|organisation|organization|service|team|worker|officer|client|child|person"
    r"|subject|name|address|location|site|school)\b",
    re.I,
)


# The names report designers give a text box, label or field left unnamed: SSRS "Textbox7",
# Crystal Reports and Access "Text12", "Label3", "Field4".
_DESIGNER_NAME = re.compile(r"\s*(?:text\s*box|text|txt|label|lbl|field)[\s_]*\d+\s*", re.I)


def title_columns(headers: list[str], columns: list[list], used: set[int]) -> dict[int, str]:
    """Column -> its text, for the columns (not mapped) holding a report's title or parameters,
    the same on every row. Only a column whose first text says so, or whose heading is a text
    box's own name, is looked down."""
    found: dict[int, str] = {}
    for index, column in enumerate(columns):
        if index in used or len(column) < 2:
            continue
        first = column[0]
        if (
            len(column) >= 3
            and first is not None
            and first != ""
            and _DESIGNER_NAME.fullmatch(str(headers[index]))
            and column.count(first) == len(column)
        ):
            found[index] = " ".join(cell_text(first).split())
            continue
        if (
            first.__class__ is not str
            or not _TITLE_WORDS.search(first)
            or _KEPT_HEADINGS.search(headers[index])
            or header_fields(headers[index])
        ):
            continue
        if column.count(first) == len(column):
            found[index] = " ".join(first.split())
    for index, column in enumerate(columns):
        first = column[0] if column else None
        if index in used or index in found or first.__class__ is not str:
            continue
        if PAGE_NUMBER.fullmatch(first) and page_numbers(column):
            # "Page 1 of 3" down the column: where each row was printed
            last = next(v for v in reversed(column) if v)
            found[index] = f"{_PAGES_SAID}{' '.join(first.split())} to {' '.join(last.split())}"
    return found


_PAGES_SAID = "\x00pages "


def left_out_reason(text: str) -> str:
    if text.startswith(_PAGES_SAID):
        return f"left out: the printed report's page numbers ({text[len(_PAGES_SAID) :]})"
    shown = text if len(text) <= 80 else f"{text[:79]}\u2026"
    return f"left out: the same text on every row: '{shown}'"
