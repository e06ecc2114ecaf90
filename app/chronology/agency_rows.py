"""A chronology already merged across agencies (a rapid review's combined chronology, or one
handed on from another review): a column naming each row's agency sends each row to that
agency's chronology, rather than all of them to the one agency the file was imported for."""

import re
from dataclasses import replace
from typing import Any

from app.agency_names import agency_key
from app.chronology.mapping import normalise_header
from app.chronology.types import SheetTable
from app.wording import plural

# Headings as normalise_header gives them: "Agency", "Partner agency", "Agency / organisation",
# "Organisation name", "Name of agency", "Source agency", "Agency involved".
_HEADING = re.compile(
    r"(?:name of (?:the )?)?(?:(?:partner|source|contributing|reporting|lead|responsible|involved) )?"
    r"(?:agency|organisation|organization|asiantaeth|sefydliad)"
    r"(?: (?:or |and )?(?:organisation|organization|service))?"
    r"(?: (?:name|involved|swim lane|lane))?"
)
MAX_AGENCIES = 40  # more distinct values than agencies ever take part in one review
_LONGEST_NAME = 100


def _name(value: Any) -> str:
    return " ".join(value.split()) if value.__class__ is str else ""


def agency_column(table: SheetTable, used: set[int]) -> int | None:
    """The column naming each row's agency, when the file holds several agencies' rows: its
    heading says agency or organisation, and it names 2 to 40 of them (text, never a date or
    a number). None for a single agency's file."""
    for index, heading in enumerate(table.headers):
        if index in used or not _HEADING.fullmatch(normalise_header(heading)):
            continue
        column = table.columns[index]
        written = [v for v in column if v is not None and v != ""]
        if not written or any(v.__class__ is not str for v in written):
            continue
        names = {agency_key(_name(v)) for v in written} - {""}
        if 2 <= len(names) <= MAX_AGENCIES and all(
            len(n) <= _LONGEST_NAME and any(c.isalpha() for c in n) for n in names
        ):
            return index
    return None


def rows_by_agency(table: SheetTable, index: int, given: str) -> list[tuple[str, SheetTable]]:
    """Each agency the column names (as first written, in the order the file first names
    them), with a table of its own rows. A row with no agency is the row above's (a merged
    cell, or a line continuing an entry); rows before any agency is named are ``given``'s.
    The table's notes and rows left out go with the first part only."""
    current = given
    names: dict[str, str] = {}
    rows: dict[str, list[tuple[int, list[Any]]]] = {}
    for number, cells in table.rows:
        written = _name(cells[index]) if index < len(cells) else ""
        current = written or current
        key = agency_key(current)
        names.setdefault(key, current)
        rows.setdefault(key, []).append((number, cells))
    heading = table.headers[index]
    # "Police: 2 rows, Children's Social Care: 2, Health visiting: 1"
    listed = ", ".join(
        f"{names[k]}: {plural(len(rows[k]), 'row') if n == 0 else len(rows[k])}"
        for n, k in enumerate(names)
    )
    parts = []
    for position, key in enumerate(names):
        own = rows[key]
        numbers = {number for number, _cells in own}
        split = (
            f"The '{heading}' column names {len(names)} agencies, so each row goes to its own "
            f"agency's chronology ({listed}). These rows are for {names[key]}."
            if position == 0
            else f"The '{heading}' column names this agency: these rows are for {names[key]}."
        )
        parts.append(
            (
                names[key],
                replace(
                    table,
                    rows=own,
                    notes=[*table.notes, split] if position == 0 else [split],
                    left_out=list(table.left_out) if position == 0 else [],
                    row_flags={n: f for n, f in table.row_flags.items() if n in numbers},
                ),
            )
        )
    return parts


def plans_by_agency(plan, index: int, lookup) -> list:
    """One plan per agency the column names, each with its own rows; ``lookup(name)`` gives
    the agency's id in the review (None: added on import) and how it writes its years."""
    parts = []
    for name, table in rows_by_agency(plan.table, index, plan.agency_name):
        agency_id, year_kind = lookup(name)
        parts.append(
            replace(
                plan,
                agency_name=name,
                agency_id=agency_id,
                year_kind=year_kind,
                table=table,
                agency_column=index,
                entries=type(plan.entries)(),
                flagged=[],
                continuations=[],
                problems=[],
            )
        )
    return parts


_SHEET_NAME_LONGEST = 31  # Excel cuts a sheet's name there


def sheets_named_for_agencies(
    sheets: list[str], agencies: list[tuple[int, str]]
) -> list[tuple[int, str]] | None:
    """A workbook with one sheet per agency (the returns a rapid review collects): when every
    sheet read is named after an agency of the review, and they are at least two agencies, the
    agency (id, name) of each sheet, in order; else None (the sheets are one agency's).

    Only the review's own agencies count: a sheet called "Health Visiting" or "2016" may as well
    be a part of one agency's return. A name Excel cut at 31 characters matches the agency it
    begins."""
    by_name = {agency_key(name): (agency_id, name) for agency_id, name in agencies}
    found = []
    for sheet in sheets:
        key = agency_key(sheet)
        match = by_name.get(key)
        if match is None and len(sheet) >= _SHEET_NAME_LONGEST:
            starting = [v for k, v in by_name.items() if k.startswith(key)]
            match = starting[0] if len(starting) == 1 else None
        if match is None:
            return None
        found.append(match)
    return found if len({agency_id for agency_id, _name in found}) >= 2 else None


def sheets_note(sheets: list[str], named: list[tuple[int, str]], given: str) -> str:
    """The report's line saying where the sheets went."""
    listed = ", ".join(f"'{s}'" for s in sheets)
    return (
        f"Sheets {listed} are named after {len({a for a, _n in named})} of the review's agencies, "
        f"so each sheet goes to its own agency's chronology (not {given}'s)."
    )
