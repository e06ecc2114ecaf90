"""Columns a report server's export repeats on every row: the report's title or the parameters
it was run with (an SSRS report saved as CSV writes each text box of the page header into a
column of its own, the same text on every row). Such a column says nothing of any entry: it is
left out and named once in the import report, not stored with each entry.

A column is left out only when its text is the same on every row, says what the report is or
how it was run (Report, Chronology, Parameters, Printed, Generated, a range of dates...), and
its heading is not one ReviewDesk reads as a field: an agency's name, one worker or one child
written on every row is kept with each entry, as any column not mapped is."""

import re

from app.chronology.mapping import header_fields

# What a report's title or its parameters say.
_TITLE_WORDS = re.compile(
    r"\b(?:report|chronology|parameters?|printed|generated|exported|extract(?:ed)?"
    r"|run\s+(?:on|by|at|date)|date\s+range|reporting\s+period)\b"
    r"|\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}\s*(?:to|-|\u2013|until)\s*\d",
    re.I,
)
# Headings naming what a column of one value would rightly hold for every entry.
_KEPT_HEADINGS = re.compile(
    r"\b(?:agency|organisation|organization|service|team|worker|officer|client|child|person"
    r"|subject|name|address|location|site|school)\b",
    re.I,
)


def title_columns(headers: list[str], columns: list[list], used: set[int]) -> dict[int, str]:
    """Column -> its text, for the columns (not mapped) holding a report's title or parameters,
    the same on every row. Only a column whose first text says so is looked down."""
    found: dict[int, str] = {}
    for index, column in enumerate(columns):
        if index in used or len(column) < 2:
            continue
        first = column[0]
        if (
            first.__class__ is not str
            or not _TITLE_WORDS.search(first)
            or _KEPT_HEADINGS.search(headers[index])
            or header_fields(headers[index])
        ):
            continue
        if column.count(first) == len(column):
            found[index] = " ".join(first.split())
    return found


def left_out_reason(text: str) -> str:
    shown = text if len(text) <= 80 else f"{text[:79]}\u2026"
    return f"left out: the same text on every row: '{shown}'"
