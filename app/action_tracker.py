"""The action plan tracker: exported for agencies and the board, read back when they return it.

A returned tracker is matched to the store by its Action ID column, never by row position
(people insert rows and sort). Planning reads the file and writes nothing; applying writes
every accepted change in one transaction, with a progress update per action changed. A row
whose action was changed in ReviewDesk after the export is a conflict: it is reported, never
applied over the newer change.
"""

import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select

from app.actions import list_recommendations
from app.chronology.dates import parse_date
from app.chronology.reading import ImportRefused, NothingToRead, list_sheets, read_table
from app.chronology.types import SheetTable
from app.context import AppContext
from app.edits import FIELDS, clean_value
from app.errors import NotFoundError, UserError
from app.tracker_formulas import uncached_formula_cells
from app.vocab import ACTION_STATUSES, OVERDUE_LABEL, PROTECTIVE_MARKINGS, parse_choice
from db.base import utcnow
from db.findings_models import ActionItem, ActionUpdate
from db.models import Recommendation, Review
from reports.action_tracker_xlsx import (
    ALL_REVIEWS,
    COLUMNS,
    EXPORT_SHEET,
    TRACKER_SHEET,
    ActionTrackerDocument,
    ActionTrackerRow,
)
from reports.chronology_xlsx import clean_text

# The stored fields a returned tracker may change, in the order they are reported.
TRACKER_FIELDS = ("lead_officer", "target_date", "status", "completion_date", "evidence")
_DATE_FIELDS = {"target_date", "completion_date"}
_HEADINGS = {" ".join(c.heading.split()).casefold(): c.key for c in COLUMNS}
_ID_HEADING = "action id"
_HEADER_SEARCH_ROWS = 30
_SOURCE_LENGTH = 300  # ActionUpdate.source


def field_label(name: str) -> str:
    """How a tracker field is named to people ("target date")."""
    if name == "progress":
        return "progress update"
    return FIELDS["action"][1][name][2]


# --- export ------------------------------------------------------------------------------------


def tracker_document(ctx: AppContext, review_id: int | None = None) -> ActionTrackerDocument:
    """The tracker of one review, or of every review in the store (the board's tracker)."""
    query = select(Review.id, Review.reference, Review.title, Review.protective_marking)
    if review_id is not None:
        query = query.where(Review.id == review_id)
    with ctx.session() as session:
        reviews = session.execute(query.order_by(Review.reference, Review.id)).all()
    if review_id is not None and not reviews:
        raise NotFoundError("That review no longer exists.")
    exported_at = utcnow()
    rows: list[ActionTrackerRow] = []
    markings: list[str] = []
    for rid, _reference, _title, marking in reviews:
        before = len(rows)
        for rec in list_recommendations(ctx, rid):
            for action in rec.actions:
                rows.append(
                    ActionTrackerRow(
                        action_id=action.id,
                        review_reference=action.review_reference,
                        recommendation_number=rec.number,
                        recommendation_text=rec.text,
                        addressed_to=rec.addressee,
                        action=action.action,
                        lead_agency=action.lead_agency,
                        lead_officer=action.lead_officer,
                        target_date=action.target_date,
                        status=ACTION_STATUSES.get(action.status, action.status),
                        completion_date=action.completion_date,
                        evidence=action.evidence,
                        last_changed=action.updated_at.isoformat(),
                        overdue=action.overdue,
                    )
                )
        if len(rows) > before or review_id is not None:
            markings.append(marking)
    if review_id is not None:
        _rid, reference, title, marking = reviews[0]
        scope_reference, scope_title = reference, title
    else:
        scope_reference, scope_title = "", ALL_REVIEWS
        markings = markings or [r.protective_marking for r in reviews]
    return ActionTrackerDocument(
        review_reference=scope_reference,
        review_title=scope_title,
        protective_marking=_strictest(markings),
        exported_at=exported_at,
        status_labels=tuple(ACTION_STATUSES.values()),
        rows=tuple(rows),
    )


def _strictest(markings: list[str]) -> str:
    """The marking a document holding all these reviews must carry."""
    known = {m.casefold(): rank for rank, m in enumerate(PROTECTIVE_MARKINGS)}
    present = {m.strip() for m in markings if m and m.strip()}
    if not present:
        return PROTECTIVE_MARKINGS[0]
    # A marking ReviewDesk does not know was set deliberately: it is kept, as the stricter.
    return min(present, key=lambda m: (known.get(m.casefold(), -1), m))


def export_tracker(ctx: AppContext, path: Path | str, review_id: int | None = None) -> int:
    """Write the tracker workbook (through the publishing pipeline); returns the action count."""
    from app.publishing.pipeline import publish

    return publish(ctx, "action_tracker", path, review_id=review_id).items


# --- the plan ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ActionChange:
    """What one row of the returned tracker changes on one action."""

    action_id: int
    sheet: str
    row: int
    review_reference: str
    action: str
    changes: tuple[tuple[str, Any, Any], ...]  # (field, value in the store, value in the file)
    note: str  # the progress update typed in the row ("" when none)
    remarks: tuple[str, ...]  # accepted, but worth a look
    seen_updated_at: datetime  # the action's last change when the plan was made

    @property
    def fields(self) -> tuple[str, ...]:
        return tuple(name for name, _old, _new in self.changes)


@dataclass(frozen=True)
class RejectedRow:
    sheet: str
    row: int
    reason: str


@dataclass(frozen=True)
class TrackerConflict:
    """A row that would change an action someone changed in ReviewDesk after the export."""

    sheet: str
    row: int
    action_id: int
    fields: tuple[str, ...]


@dataclass
class TrackerPlan:
    file_name: str
    sheet: str
    review_id: int | None
    exported_at: datetime | None
    changes: list[ActionChange] = field(default_factory=list)
    rejected: list[RejectedRow] = field(default_factory=list)
    conflicts: list[TrackerConflict] = field(default_factory=list)
    unchanged: int = 0

    def report_lines(self) -> list[str]:
        """The plan in words, one line per change, rejected row and conflict."""
        lines = []
        for change in self.changes:
            lines.append(f"Row {change.row}: action {change.action_id} ({change.review_reference})")
            for name, old, new in change.changes:
                lines.append(f"  {field_label(name)}: {_shown(name, old)} -> {_shown(name, new)}")
            if change.note:
                lines.append(f"  progress update: {_one_line(change.note)}")
            lines.extend(f"  note: {remark}" for remark in change.remarks)
        for rejected in self.rejected:
            lines.append(
                f"Rejected: sheet '{rejected.sheet}' row {rejected.row}: {rejected.reason}"
            )
        for conflict in self.conflicts:
            names = ", ".join(field_label(name) for name in conflict.fields)
            lines.append(
                f"Conflict: sheet '{conflict.sheet}' row {conflict.row}: action "
                f"{conflict.action_id} was changed in ReviewDesk after the tracker was exported; "
                f"its {names} were not changed. Export a new tracker and make the change there."
            )
        return lines


def _shown(name: str, value: Any) -> str:
    if value is None or value == "":
        return "(empty)"
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if name == "status":
        return ACTION_STATUSES.get(value, value)
    return _one_line(str(value))


def _one_line(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def plan_tracker_import(
    ctx: AppContext, path: Path | str, review_id: int | None = None
) -> TrackerPlan:
    """What a returned tracker would change (nothing is written); refuses a non-tracker."""
    path = Path(path)
    table, headers, rows = _read_tracker(path)
    plan = TrackerPlan(path.name, table.sheet, review_id, _exported_at(path, table))
    columns: dict[str, int] = {}
    for index, heading in enumerate(headers):
        key = _HEADINGS.get(_heading_text(heading))
        if key is not None and key not in columns:
            columns[key] = index

    today = ctx.today()
    wanted: dict[int, list[int]] = {}  # action id -> row numbers
    parsed: list[tuple[int, list[Any], int]] = []
    for number, cells in rows:
        action_id, reason = _action_id(_cell(cells, columns["action_id"]))
        if reason:
            plan.rejected.append(RejectedRow(table.sheet, number, reason))
            continue
        wanted.setdefault(action_id, []).append(number)
        parsed.append((number, cells, action_id))

    stored = _stored_actions(ctx, list(wanted), path.name)
    scope_reference = None
    if review_id is not None:
        with ctx.session() as session:
            scope_reference = session.scalar(select(Review.reference).where(Review.id == review_id))
        if scope_reference is None:
            raise NotFoundError("That review no longer exists.")

    read = {columns[c.key] for c in COLUMNS if c.key in columns and (c.editable or c.key in (
        "action_id", "last_changed"))}  # fmt: skip
    uncached = uncached_formula_cells(path, table.sheet, read) if parsed else {}
    for number, cells, action_id in parsed:
        reason = None
        current = stored.get(action_id)
        if number in uncached:
            reason = (
                f"cell {', '.join(uncached[number])} holds a formula with no saved value, so "
                "what it says cannot be read: type the value in (or open and save the file in "
                "Excel) and import it again; nothing in this row was changed"
            )
        elif len(wanted[action_id]) > 1:
            listed = ", ".join(map(str, wanted[action_id]))
            reason = (
                f"action {action_id} is on more than one row ({listed}): keep one row per action"
            )
        elif current is None:
            reason = (
                f"there is no action {action_id} in ReviewDesk (it may have been deleted since "
                "the tracker was exported, or the row was copied from another file)"
            )
        elif review_id is not None and current.review_id != review_id:
            reason = (
                f"action {action_id} belongs to review {current.review_reference}, not "
                f"{scope_reference}: import this row with that review"
            )
        if reason:
            plan.rejected.append(RejectedRow(table.sheet, number, reason))
            continue
        outcome = _row_changes(cells, columns, current, today)
        if isinstance(outcome, str):
            plan.rejected.append(RejectedRow(table.sheet, number, outcome))
            continue
        changes, note = outcome
        new_status = dict((n, new) for n, _o, new in changes).get("status")
        if new_status == "not_accepted" and not current.not_accepted_reason.strip():
            plan.rejected.append(
                RejectedRow(
                    table.sheet,
                    number,
                    "marked Not accepted, but no reason is recorded: record the reason in "
                    "ReviewDesk first (the board must be able to say why)",
                )
            )
            continue
        if note and note in current.notes:
            note = ""  # this progress update was already imported from this file
        if not changes and not note:
            plan.unchanged += 1
            continue
        baseline, reason = _baseline(cells, columns, plan.exported_at)
        if reason:
            plan.rejected.append(RejectedRow(table.sheet, number, reason))
            continue
        names = tuple(name for name, _old, _new in changes) + (("progress",) if note else ())
        if current.updated_at > baseline:
            plan.conflicts.append(TrackerConflict(table.sheet, number, action_id, names))
            continue
        plan.changes.append(
            ActionChange(
                action_id=action_id,
                sheet=table.sheet,
                row=number,
                review_reference=current.review_reference,
                action=current.action,
                changes=tuple(changes),
                note=note,
                remarks=tuple(_remarks(current, dict((n, new) for n, _o, new in changes))),
                seen_updated_at=current.updated_at,
            )
        )
    plan.rejected.sort(key=lambda r: r.row)
    plan.conflicts.sort(key=lambda c: c.row)
    return plan


# --- reading the file --------------------------------------------------------------------------


def _heading_text(value: Any) -> str:
    return " ".join(str(value).split()).casefold() if isinstance(value, str) else ""


def _not_a_tracker(name: str) -> ImportRefused:
    return ImportRefused(
        f"{name} is not a ReviewDesk action tracker: it has no 'Action ID' column. Export the "
        "tracker from ReviewDesk, fill it in and import that file."
    )


def _read_tracker(path: Path) -> tuple[SheetTable, list[Any], list[tuple[int, list[Any]]]]:
    """The table holding the tracker, its header cells and the rows under the header."""
    sheets = list_sheets(path)  # checks the file (content, size, archive) before anything else
    if TRACKER_SHEET in sheets or not sheets:
        try:
            table = read_table(path, TRACKER_SHEET if sheets else None)
        except NothingToRead:
            raise ImportRefused(
                f"{path.name} holds no actions: the tracker is empty. Export the tracker from "
                "ReviewDesk, fill it in and import that file."
            ) from None
        found = _tracker_rows(table)
        if found is None:
            raise _not_a_tracker(path.name)
        return found
    # The sheet was renamed: look for the Action ID column in the other sheets.
    for name in sheets:
        if name == EXPORT_SHEET:
            continue
        try:
            table = read_table(path, name)
        except ImportRefused:
            continue  # an empty or unusable sheet is not the tracker
        found = _tracker_rows(table)
        if found is not None:
            return found
    raise _not_a_tracker(path.name)


def _tracker_rows(table: SheetTable):
    """(table, header cells, rows) with the header that names the Action ID, or None."""
    if _ID_HEADING in map(_heading_text, table.headers):
        return table, table.headers, table.rows
    # The reader chose another row as the header (rows were added above it): find ours.
    for index, (_number, cells) in enumerate(table.rows[:_HEADER_SEARCH_ROWS]):
        if _ID_HEADING in map(_heading_text, cells):
            return table, cells, table.rows[index + 1 :]
    return None


def _exported_at(path: Path, table: SheetTable) -> datetime | None:
    """The export time kept in the hidden sheet, when the file still has it."""
    if EXPORT_SHEET not in table.sheets:
        return None
    try:
        hidden = read_table(path, EXPORT_SHEET)
    except ImportRefused:
        return None
    if "Exported at" not in hidden.headers or not hidden.rows:
        return None
    return _timestamp(hidden.rows[0][1][hidden.headers.index("Exported at")])


def _timestamp(value: Any) -> datetime | None:
    if isinstance(value, datetime):
        return value
    if isinstance(value, str) and value.strip():
        try:
            stamp = datetime.fromisoformat(value.strip())
        except ValueError:
            return None
        return stamp.replace(tzinfo=None) if stamp.tzinfo is None else None
    return None


def _cell(cells: list[Any], index: int) -> Any:
    return cells[index] if index < len(cells) else ""


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _action_id(value: Any) -> tuple[int | None, str | None]:
    if _blank(value):
        return None, (
            "the Action ID is empty: ReviewDesk cannot tell which action this row updates"
        )
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return value, None
    if isinstance(value, float) and value.is_integer() and value > 0:
        return int(value), None
    if isinstance(value, str) and re.fullmatch(r"\s*\d+\s*", value) and int(value) > 0:
        return int(value), None
    return None, (
        f"the Action ID '{_cell_text(value)}' is not one ReviewDesk gave: put back the number "
        "that was exported in that column"
    )


def _cell_text(value: Any) -> str:
    """A cell as text, the way it shows in the sheet."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return str(value).upper()
    if isinstance(value, datetime):
        if value.hour or value.minute:
            return value.strftime("%d/%m/%Y %H:%M")
        return value.strftime("%d/%m/%Y")
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _same_text(stored: str, typed: str) -> bool:
    """Whether the cell still says what was exported (spaces, line ends, unwritable characters)."""

    def norm(text: str) -> str:
        return text.replace("\r\n", "\n").replace("\r", "\n").strip()

    return norm(typed) in (norm(stored), norm(clean_text(stored)))


def _read_date(value: Any, label: str, today: date) -> tuple[date | None, str | None]:
    if _blank(value):
        return None, None
    parsed = parse_date(value.strip() if isinstance(value, str) else value, today=today)
    shown = _cell_text(value).strip()
    if not parsed.ok:
        return None, (
            f"the {label} '{shown}' cannot be read as a date ({parsed.problem}): "
            "type it as day/month/year, for example 05/03/2027"
        )
    if parsed.precision != "day":
        return None, (
            f"the {label} '{shown}' is not an exact day: type it as day/month/year, "
            "for example 05/03/2027"
        )
    return parsed.start, None


def _read_status(value: Any) -> tuple[str | None, str | None]:
    labels = ", ".join(ACTION_STATUSES.values())
    if _blank(value):
        return None, f"the Status is empty: choose one from the list ({labels})"
    text = " ".join(_cell_text(value).split())
    if text.casefold() == OVERDUE_LABEL.casefold():
        return None, (
            "'Overdue' is not a status you can set: ReviewDesk works it out from the target "
            f"date (an open action past its target date is overdue). Choose one of: {labels}"
        )
    try:
        return parse_choice(text, ACTION_STATUSES, what="status"), None
    except ValueError:
        return None, f"the Status '{text}' is not in the list: choose one of {labels}"


@dataclass(frozen=True)
class _Stored:
    id: int
    review_id: int
    review_reference: str
    action: str
    values: dict[str, Any]
    not_accepted_reason: str
    updated_at: datetime
    notes: frozenset[str]  # progress updates already imported from a file of this name


def _stored_actions(ctx: AppContext, ids: list[int], source: str) -> dict[int, _Stored]:
    found: dict[int, _Stored] = {}
    notes: dict[int, set[str]] = {}
    with ctx.session() as session:
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            for action_id, note in session.execute(
                select(ActionUpdate.action_id, ActionUpdate.note).where(
                    ActionUpdate.action_id.in_(chunk),
                    ActionUpdate.source == source[:_SOURCE_LENGTH],
                )
            ):
                notes.setdefault(action_id, set()).add(note)
            for item, review_id, reference in session.execute(
                select(ActionItem, Recommendation.review_id, Review.reference)
                .join(Recommendation, Recommendation.id == ActionItem.recommendation_id)
                .join(Review, Review.id == Recommendation.review_id)
                .where(ActionItem.id.in_(chunk))
            ):
                found[item.id] = _Stored(
                    id=item.id,
                    review_id=review_id,
                    review_reference=reference,
                    action=item.action,
                    values={name: getattr(item, name) for name in TRACKER_FIELDS},
                    not_accepted_reason=item.not_accepted_reason,
                    updated_at=item.updated_at,
                    notes=frozenset(),
                )
    return {
        action_id: replace(stored, notes=frozenset(notes.get(action_id, ())))
        for action_id, stored in found.items()
    }


def _row_changes(cells: list[Any], columns: dict[str, int], current: _Stored, today: date):
    """([(field, old, new)], progress note) for one row, or the reason it is rejected."""
    changes: list[tuple[str, Any, Any]] = []
    for name in TRACKER_FIELDS:
        if name not in columns:
            continue  # the column is gone from the file: nothing to say about this field
        value = _cell(cells, columns[name])
        old = current.values[name]
        if name in _DATE_FIELDS:
            new, reason = _read_date(value, field_label(name), today)
            if reason:
                return reason
            if new != old:
                changes.append((name, old, new))
        elif name == "status":
            new, reason = _read_status(value)
            if reason:
                return reason
            if new != old:
                changes.append((name, old, new))
        else:
            new = _cell_text(value)
            if not _same_text(old or "", new):
                changes.append((name, old, new.strip()))
    note = _cell_text(_cell(cells, columns["progress"])).strip() if "progress" in columns else ""
    return changes, note


def _baseline(
    cells: list[Any], columns: dict[str, int], exported_at: datetime | None
) -> tuple[datetime | None, str | None]:
    """When the row's action was last changed as the export saw it."""
    stamp = _timestamp(_cell(cells, columns["last_changed"])) if "last_changed" in columns else None
    stamp = stamp or exported_at
    if stamp is None:
        return None, (
            "the Last changed cell is empty or unreadable, so ReviewDesk cannot tell whether "
            "the action was changed after the export: export a new tracker and use that"
        )
    return stamp, None


def _remarks(current: _Stored, new: dict[str, Any]) -> list[str]:
    status = new.get("status", current.values["status"])
    completed = new.get("completion_date", current.values["completion_date"])
    remarks = []
    if status == "complete" and completed is None:
        remarks.append("marked Complete, but no completion date is given")
    return remarks


# --- applying ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class TrackerResult:
    applied: int  # actions changed
    rejected: list[RejectedRow]
    conflicts: list[TrackerConflict]


def apply_tracker(ctx: AppContext, plan: TrackerPlan) -> TrackerResult:
    """Write every accepted change of the plan in one transaction, with a progress update each."""
    if ctx.readonly:
        raise UserError("The store is open read-only: the tracker cannot be imported now.")
    # Validated before anything is written: a bad value stops the whole import.
    values = [
        {name: clean_value("action", name, new) for name, _old, new in change.changes}
        for change in plan.changes
    ]
    source = plan.file_name[:_SOURCE_LENGTH]
    rejected = list(plan.rejected)
    conflicts = list(plan.conflicts)
    applied = 0
    today = ctx.today()
    with ctx.session() as session:
        for change, cleaned in zip(plan.changes, values, strict=True):
            item = session.get(ActionItem, change.action_id)
            if item is None:
                rejected.append(
                    RejectedRow(
                        change.sheet,
                        change.row,
                        f"action {change.action_id} was deleted after the file was checked",
                    )
                )
                continue
            if item.updated_at != change.seen_updated_at:
                conflicts.append(
                    TrackerConflict(
                        change.sheet,
                        change.row,
                        change.action_id,
                        change.fields + (("progress",) if change.note else ()),
                    )
                )
                continue
            note = change.note
            if note and session.scalar(
                select(ActionUpdate.id).where(
                    ActionUpdate.action_id == item.id,
                    ActionUpdate.source == source,
                    ActionUpdate.note == note,
                )
            ):
                note = ""  # the same file was applied already
            if not cleaned and not note:
                continue
            for name, value in cleaned.items():
                setattr(item, name, value)
            session.add(
                ActionUpdate(
                    action_id=item.id,
                    on=today,
                    by=ctx.actor,
                    status=cleaned.get("status", ""),
                    note=note or f"Updated from {plan.file_name}",
                    source=source,
                )
            )
            applied += 1
    rejected.sort(key=lambda r: r.row)
    conflicts.sort(key=lambda c: c.row)
    return TrackerResult(applied, rejected, conflicts)
