"""Importing an agency's chronology: plan first (nothing written), then commit in one go.

Nothing typed by an agency is dropped: a row whose date cannot be read is imported and flagged;
an undated row under a dated one is a continuation and its text joins the entry above; rows
that are not entries (guidance, repeated headings, footers) are listed with their number; every
cell of every row is kept as imported, with its file, sheet and row number.
"""

import json
import re
from dataclasses import dataclass, field
from dataclasses import replace as changed
from pathlib import Path
from typing import Any

from sqlalchemy import select

from app.agency_names import agency_key
from app.chronology.agency_rows import (
    agency_column,
    plans_by_agency,
    sheets_named_for_agencies,
    sheets_note,
)
from app.chronology.cell_limit import join_cut_notes
from app.chronology.columns import ColumnPlan, plan_columns
from app.chronology.date_order import ORDER_NAMES, DateOrder, column_orders, pasted_orders
from app.chronology.import_store import (
    ImportResult,
    Replacement,
    commit_imports,
    find_duplicate,
    find_replacement,
    parts_left_behind,
    without_gc,
)
from app.chronology.mapping import mapping_problems, normalise_header
from app.chronology.planned_entries import PlannedEntries, RowNote, build_entries, cell_text
from app.chronology.reading import (
    ImportRefused,
    file_fingerprint,
    read_tables,
    without_hidden_rows,
)
from app.chronology.swim_lanes import lane_columns, swim_lanes
from app.chronology.title_columns import left_out_reason, title_columns
from app.chronology.types import MAPPABLE_FIELDS, SheetTable
from app.chronology.week_days import week_days
from app.context import AppContext
from app.errors import NotFoundError
from app.imrs import find_agency
from app.wording import plural, possessive
from db.chronology_models import ColumnMapping
from db.models import Agency, Review

__all__ = [
    "ImportPlan",
    "ImportResult",
    "Replacement",
    "RowNote",
    "cell_text",
    "commit_import",
    "commit_imports",
    "import_chronology",
    "plan_import",
    "plan_imports",
]

_SCHOOL = re.compile(r"\b(?:school|academy|college|education|nursery|primary|secondary)\b", re.I)


@dataclass
class ImportPlan:
    review_id: int
    agency_name: str
    agency_id: int | None  # None: the agency is added to the review on commit
    path: Path
    sha256: str
    table: SheetTable
    mapping: dict[str, int]  # field -> column index
    mapping_source: str  # "given", "remembered" or "guessed"
    parts: list[int] = field(default_factory=list)  # columns joined into the event
    reasons: dict[int, str] = field(default_factory=dict)  # column -> where it went and why
    date_order: DateOrder = field(default_factory=lambda: DateOrder("dmy", "", "none"))
    column_orders: dict[str, str] = field(default_factory=dict)  # field -> its own date order
    # row -> the date order of the rows of another export pasted under the table, when their
    # own dates settle an order other than the file's
    row_orders: dict[int, str] = field(default_factory=dict)
    year_kind: str = "financial"
    actor: str = ""
    entries: PlannedEntries = field(default_factory=PlannedEntries)
    flagged: list[RowNote] = field(default_factory=list)
    continuations: list[RowNote] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # block the import until fixed
    replaces: Replacement | None = None
    agency_column: int | None = None  # the column naming each row's agency, when it splits
    agency_from_sheet: bool = False  # one sheet per agency: this sheet's name is its agency
    # column -> its text: a report's title or parameters on every row, left out (title_columns)
    left_out_columns: dict[int, str] = field(default_factory=dict)

    @property
    def can_commit(self) -> bool:
        return not self.problems

    @property
    def file_label(self) -> str:
        return (
            f"{self.path.name}, sheet '{self.table.sheet}'" if self.table.sheet else self.path.name
        )

    @property
    def source_label(self) -> str:
        """The file and sheet, and the agency when the sheet's rows go to several."""
        label = self.file_label
        return label if self.agency_column is None else f"{label}: {self.agency_name}"

    def mapping_by_header(self) -> dict[str, str]:
        return {f: self.table.headers[i] for f, i in self.mapping.items()}

    def saved_mapping(self) -> dict[str, Any]:
        saved: dict[str, Any] = dict(self.mapping_by_header())
        if len(self.parts) > 1:
            saved["event_parts"] = [self.table.headers[i] for i in self.parts]
        return saved

    def column_lines(self) -> list[str]:
        """Which column went where, and why: one line per column."""
        lines = []
        for index, heading in enumerate(self.table.headers):
            why = self.reasons.get(index)
            if index == self.agency_column:
                why = "the agency each row goes to (kept with each entry as imported too)"
            elif index in self.left_out_columns:
                pass  # (the reason says it is left out, and its text)
            elif why is None:
                why = "kept with each entry as imported (not mapped)"
            elif not any(index == i for i in self.mapping.values()) and index not in self.parts:
                why = f"kept with each entry as imported ({why})"
            lines.append(f"{heading} → {why}")
        return lines

    def report_lines(self) -> list[str]:
        lines = list(self.table.notes)
        lines += [f"Column {line}" for line in self.column_lines()]
        if self.date_order.reason:
            lines.append(self.date_order.reason)
        lines.append(
            f"{plural(len(self.entries), 'entry')} from {plural(len(self.table.rows), 'row')}."
        )
        lines += [
            f"Row {n.row} left out: {n.reason}" + (f" ({n.text})" if n.text else "")
            for n in self.table.left_out
        ]
        lines += [f"Row {n.row}: {n.reason}" for n in self.continuations]
        lines += [f"Row {n.row}: flagged: {n.reason}" for n in self.flagged]
        return lines

    def to_json(self) -> dict[str, Any]:
        headers = self.table.headers
        return {
            "file": self.path.name,
            "sheet": self.table.sheet,
            "agency": self.agency_name,
            "agency_column": None if self.agency_column is None else headers[self.agency_column],
            "header_row": self.table.header_row,
            "columns": [
                {
                    "heading": h,
                    "field": next((f for f, i in self.mapping.items() if i == index), None),
                    "joined_to_event": index in self.parts and len(self.parts) > 1,
                    "why": self.reasons.get(index, "kept with each entry as imported"),
                }
                for index, h in enumerate(headers)
            ],
            "date_order": self.date_order.order,
            "date_order_reason": self.date_order.reason,
            "entries": len(self.entries),
            "rows": len(self.table.rows),
            "notes": list(self.table.notes),
            "left_out": [
                {"row": n.row, "reason": n.reason, "text": n.text} for n in self.table.left_out
            ],
            "continuations": [{"row": n.row, "reason": n.reason} for n in self.continuations],
            "flagged": [{"row": n.row, "reason": n.reason} for n in self.flagged],
            "problems": list(self.problems),
            "replaces": None
            if self.replaces is None
            else {
                "file": self.replaces.file_name,
                "sheet": self.replaces.sheet,
                "imported_at": self.replaces.imported_at.isoformat(timespec="seconds"),
                "entries": self.replaces.old_count,
                "unchanged": self.replaces.unchanged,
                "added": self.replaces.added,
                "removed": self.replaces.removed,
                "removed_examples": list(self.replaces.removed_examples),
            },
        }


# Mapping ---------------------------------------------------------------------------------


def remembered_mapping(ctx: AppContext, agency_name: str) -> dict[str, Any] | None:
    with ctx.session() as session:
        saved = session.scalar(
            select(ColumnMapping.mapping)
            .where(ColumnMapping.agency_key.in_(_mapping_keys(agency_name)))
            # (the name as it is matched now first; a store's older key, the name in lower case)
            .order_by((ColumnMapping.agency_key == agency_key(agency_name)[:200]).desc())
            .limit(1)
        )
    return json.loads(saved) if saved else None


def _mapping_keys(agency_name: str) -> set[str]:
    """The keys an agency's remembered columns may be under: its name as agencies are matched,
    and the name in lower case (as stores made before kept them)."""
    return {agency_key(agency_name)[:200], agency_name.strip().casefold()[:200]}


def _columns_for(
    headers: list[str], by_header: dict[str, Any]
) -> tuple[dict[str, list[int]], list]:
    """Field -> columns for a field -> heading(s) mapping, and the headings not found."""
    positions = {normalise_header(h): i for i, h in enumerate(headers)}
    positions.update({h.casefold(): i for i, h in enumerate(headers)})
    result: dict[str, list[int]] = {}
    missing = []
    for name, wanted in by_header.items():
        if name == "event_parts":
            name = "event"
        if name not in MAPPABLE_FIELDS:
            continue
        if not wanted:  # given as not in the file: not guessed either
            result.setdefault(name, [])
            continue
        for heading in [wanted] if isinstance(wanted, str) else list(wanted):
            if not heading:
                continue
            index = positions.get(heading.casefold(), positions.get(normalise_header(heading)))
            if index is None:
                missing.append((name, heading))
            elif index not in result.setdefault(name, []):
                result[name].append(index)
    return result, missing


def _choose_columns(
    ctx: AppContext, agency_name: str, table: SheetTable, given: dict[str, Any] | None
) -> tuple[ColumnPlan, str]:
    if given:
        columns, missing = _columns_for(table.headers, given)
        plan = plan_columns(table.headers, table.rows, columns)
        found = ", ".join(h for h in table.headers if not h.startswith("Column "))
        for name, heading in missing:
            plan.problems.append(
                f"No column is headed '{heading}' (given for {MAPPABLE_FIELDS[name]}). "
                f"Headings found: {found}."
            )
        return plan, "given"
    saved = remembered_mapping(ctx, agency_name)
    if saved:
        columns, missing = _columns_for(table.headers, saved)
        if columns and not missing:
            plan = plan_columns(table.headers, table.rows, columns)
            for index, why in list(plan.reasons.items()):
                plan.reasons[index] = why.replace(
                    "as chosen", f"as used for {possessive(agency_name)} last file"
                )
            return plan, "remembered"
    lanes = lane_columns(table, set())  # swim lanes not split by agency: every lane is narrative
    if lanes:
        plan = plan_columns(table.headers, table.rows, {"event": lanes})
        for index in lanes:
            plan.reasons[index] = "a swim lane: joined to the event with its heading"
        return plan, "guessed"
    return plan_columns(table.headers, table.rows), "guessed"


def _year_kind(ctx: AppContext, agency_id: int | None, agency_name: str) -> str:
    """How this agency writes "2016/17": a school means its academic year."""
    sector = ""
    if agency_id is not None:
        with ctx.session() as session:
            agency = session.get(Agency, agency_id)
            sector = agency.sector if agency is not None else ""
    return "academic" if sector == "education" or _SCHOOL.search(agency_name) else "financial"


# Planning --------------------------------------------------------------------------------


def plan_imports(
    ctx: AppContext,
    review_id: int,
    agency_name: str,
    path: Path | str,
    *,
    sheets: list[str] | None = None,
    all_sheets: bool = False,
    mapping: dict[str, Any] | None = None,
    header_row: int | None = None,
    date_order: str | None = None,
    by_agency: bool = True,
    progress=None,
    tables: list[SheetTable] | None = None,
    leave_out_hidden: bool = False,
) -> list[ImportPlan]:
    """Read the file and work out what importing it would do, one plan per sheet read (and,
    when a sheet has a column naming several agencies and ``by_agency``, one per agency).
    Writes nothing. Raises ``ImportRefused`` for a file that cannot or must not be read.

    ``mapping`` (field -> heading, or a list of headings for the event's parts) fixes those
    fields; the others are decided from the file. ``progress(page, pages)`` hears of each page
    of a PDF as it is read, ``progress(sheet, sheets)`` of each sheet of a workbook, and
    ``progress(0, 0)`` of each stage after the reading; what it raises stops the planning there
    (nothing is written).

    ``tables``: what ``read_tables`` gave for the same file, sheets and header row (a window
    planning again with other columns or another agency): the file is not read again.
    ``leave_out_hidden``: the rows hidden in the workbook are left out (listed with why)
    rather than imported with the rest.
    """
    path = Path(path)
    agency_name = agency_name.strip()
    if not agency_name:
        raise ImportRefused("Give the name of the agency this chronology comes from.")
    if date_order not in (None, "dmy", "mdy"):
        raise ImportRefused("The date order is dmy (day first) or mdy (month first).")
    with ctx.session() as session:
        if session.get(Review, review_id) is None:
            raise NotFoundError("That review no longer exists.")
        # The review's agencies (id, name), looked up once for the agency named, the swim
        # lanes and the sheets named after agencies.
        agencies = [
            tuple(row)
            for row in session.execute(
                select(Agency.id, Agency.name).where(Agency.review_id == review_id)
            )
        ]
    with without_gc():  # (see without_gc: the plan makes tens of thousands of objects)
        if tables is None:
            tables = read_tables(
                path, sheets, all_sheets=all_sheets, header_row=header_row, progress=progress
            )
        if leave_out_hidden:
            tables = [without_hidden_rows(t) for t in tables]
        given = _headings_given(mapping)
        tables = [
            t
            if given & {" ".join(h.split()).casefold() for h in t.headers}
            else week_days(t, date_order)
            for t in tables
        ]
        stage = progress or (lambda _done, _total: None)
        stage(0, 0)  # stopped while the file was read: the store is not looked at
        sha256 = file_fingerprint(path)
        wanted = agency_key(agency_name)
        agency_id = next((aid for aid, name in agencies if agency_key(name) == wanted), None)
        year_kind = _year_kind(ctx, agency_id, agency_name)
        named = _sheet_agencies(tables, agencies) if by_agency else None
        if by_agency and named is None:
            known = {agency_key(name) for _aid, name in agencies}
            tables = [swim_lanes(t, known, agency_name, _headings_given(mapping)) for t in tables]
        plans = []
        for position, table in enumerate(tables):
            stage(0, 0)
            own_name, own_id, own_kind = agency_name, agency_id, year_kind
            if named is not None:  # one sheet per agency
                own_id, own_name = named[position]
                own_kind = _year_kind(ctx, own_id, own_name)
                if position == 0:
                    note = sheets_note([t.sheet for t in tables], named, agency_name)
                    table = changed(table, notes=[*table.notes, note])
            columns, source = _choose_columns(ctx, own_name, table, mapping)
            plan = ImportPlan(
                review_id=review_id,
                agency_name=own_name,
                agency_id=own_id,
                path=path,
                sha256=sha256,
                table=table,
                mapping=columns.mapping,
                mapping_source=source,
                parts=columns.parts,
                reasons=columns.reasons,
                year_kind=own_kind,
                actor=ctx.actor,
                agency_from_sheet=named is not None,
            )
            plan.problems = _problems(table, columns)
            if plan.problems:
                plans.append(plan)
                continue
            event = columns.mapping.get("event")
            if event is not None:
                rows, note = join_cut_notes(table.rows, event, table.columns[event])
                if note:
                    table = plan.table = changed(table, rows=rows, notes=[*table.notes, note])
            # Every column of dates is evidence of the file's order: a recorded date of
            # 25/03/2017 settles that the event dates beside it are day first too.
            fields = [f for f in ("date", "recorded", "end_date") if f in columns.mapping]
            in_columns = [table.columns[columns.mapping[f]] for f in fields]
            plan.date_order, orders = column_orders(
                in_columns, date_order, [table.headers[columns.mapping[f]] for f in fields]
            )
            plan.column_orders = dict(zip(fields, orders, strict=True))
            if plan.date_order.contradicted and not date_order:
                plan.row_orders, note = pasted_orders(table, in_columns[0], plan.date_order)
                if note:
                    plan.date_order = changed(
                        plan.date_order, reason=f"{plan.date_order.reason} {note}"
                    )
            used = {*columns.mapping.values(), *columns.parts}
            plan.left_out_columns = title_columns(table.headers, table.columns, used)
            for index, text in plan.left_out_columns.items():
                plan.reasons[index] = left_out_reason(text)
            used |= set(plan.left_out_columns)
            split = agency_column(table, used) if by_agency else None
            for part in [plan] if split is None else _by_agency(ctx, plan, split):
                build_entries(part, ctx.today())
                duplicate = find_duplicate(ctx, part)
                if duplicate:
                    part.problems.append(duplicate)
                part.replaces = find_replacement(ctx, part)
                plans.append(part)
        return plans


def _sheet_agencies(
    tables: list[SheetTable], agencies: list[tuple[int, str]]
) -> list[tuple[int, str]] | None:
    """The agency each sheet is named after, when the sheets are one per agency."""
    if len({t.sheet for t in tables}) < 2:
        return None
    return sheets_named_for_agencies([t.sheet for t in tables], agencies)


def _headings_given(mapping: dict[str, Any] | None) -> set[str]:
    """The headings a given mapping names, in lower case."""
    named: set[str] = set()
    for value in (mapping or {}).values():
        for heading in value if isinstance(value, list) else [value]:
            if isinstance(heading, str):
                named.add(" ".join(heading.split()).casefold())
    return named


def _by_agency(ctx: AppContext, plan: ImportPlan, index: int) -> list[ImportPlan]:
    def lookup(name: str) -> tuple[int | None, str]:
        agency_id = find_agency(ctx, plan.review_id, name)
        return agency_id, _year_kind(ctx, agency_id, name)

    parts = plans_by_agency(plan, index, lookup)
    parts[0].table.notes.extend(parts_left_behind(ctx, parts))
    return parts


def plan_import(
    ctx: AppContext,
    review_id: int,
    agency_name: str,
    path: Path | str,
    *,
    sheet: str | None = None,
    mapping: dict[str, Any] | None = None,
    header_row: int | None = None,
    date_order: str | None = None,
) -> ImportPlan:
    """The plan for one sheet (the one named, or the one holding the chronology)."""
    return plan_imports(
        ctx,
        review_id,
        agency_name,
        path,
        sheets=[sheet] if sheet else None,
        mapping=mapping,
        header_row=header_row,
        date_order=date_order,
    )[0]


def _problems(table: SheetTable, columns: ColumnPlan) -> list[str]:
    """What stops the import, each naming the headings found and the option that fixes it."""
    problems = [
        p
        for p in mapping_problems(columns.mapping)
        if "date of the event" not in p and "event or contact" not in p
    ]
    if "date" not in columns.mapping:
        found = ", ".join(h for h in table.headers if not h.startswith("Column "))
        problems.append(
            "No column holds the dates of the events. "
            f"Headings found: {found}. Choose the date column with --map date=HEADING."
        )
    return problems + columns.problems


# Committing ------------------------------------------------------------------------------


def commit_import(ctx: AppContext, plan: ImportPlan, *, replace: bool = True) -> ImportResult:
    """Write the planned entries in one transaction (replacing the same source's earlier
    import if asked)."""
    return commit_imports(ctx, [plan], replace=replace)[0]


def unconfirmed_replacements(
    plans: list[ImportPlan], fix: str = "run the command again with --replace", listed: bool = True
) -> list[str]:
    """A refusal for each sheet that would replace an earlier import of the same source,
    saying what would go; ``fix`` says how to confirm."""
    refusals = []
    for plan in plans:
        r = plan.replaces
        if r is None or plan.problems:
            continue
        refusals.append(
            f"{plan.source_label} was imported for {plan.agency_name} on "
            f"{r.imported_at:%d/%m/%Y} ({plural(r.old_count, 'entry')}). Importing it again replaces that "
            f"import: {r.unchanged} unchanged, {r.added} new, {r.removed} no longer in the file"
            f"{' (listed above)' if listed else ''}. Nothing was imported. To replace it, {fix}."
        )
    return refusals


def import_chronology(
    ctx: AppContext,
    review_id: int,
    agency_name: str,
    path: Path | str,
    *,
    sheet: str | None = None,
    mapping: dict[str, Any] | None = None,
    replace: bool = False,
) -> ImportResult:
    """Plan and commit in one call (every sheet read is imported; the first result).

    Importing the same source (file name and sheet) again is refused unless ``replace``:
    it would remove the earlier import's entries."""
    plans = plan_imports(
        ctx, review_id, agency_name, path, sheets=[sheet] if sheet else None, mapping=mapping
    )
    refusals = [] if replace else unconfirmed_replacements(plans, "pass replace=True", listed=False)
    if refusals:
        raise ImportRefused(" ".join(refusals))
    return commit_imports(ctx, plans)[0]


def describe_order(order: str) -> str:
    return ORDER_NAMES[order]
