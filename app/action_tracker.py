"""The action plan tracker: exported for agencies and the board, read back when they return it.

A returned tracker is matched to the store by its Action ID column, never by row position
(people insert rows and sort). Planning reads the file and writes nothing; applying writes
every accepted change in one transaction, with a progress update per action changed. A row
whose action was changed in ReviewDesk after the export is a conflict: it is reported, never
applied over the newer change.
"""

import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
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
from db.models import AuditEvent, Recommendation, Review
from reports.action_tracker_xlsx import (
    ALL_REVIEWS,
    COLUMNS,
    EXPORT_SHEET,
    TRACKER_SHEET,
    VALUES_SHEET,
    ActionTrackerDocument,
    ActionTrackerRow,
)
from reports.chronology_xlsx import clean_text

# The stored fields a returned tracker may change, in the order they are reported.
TRACKER_FIELDS = ("lead_officer", "target_date", "status", "completion_date", "evidence")
_DATE_FIELDS = {"target_date", "completion_date"}
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
    tables = _read_tracker(path)
    first = tables[0][0]
    plan = TrackerPlan(path.name, first.sheet, review_id, _exported_at(path, first))
    exported = _exported_values(path, first)
    scope_reference = None
    if review_id is not None:
        with ctx.session() as session:
            scope_reference = session.scalar(select(Review.reference).where(Review.id == review_id))
        if scope_reference is None:
            raise NotFoundError("That review no longer exists.")

    today = ctx.today()
    entries: list[_Entry] = []
    for table, headers, rows in tables:
        columns = _columns(headers)
        month_first = _month_first_columns(rows, columns)
        read = {columns[c.key] for c in COLUMNS if c.key in columns and (c.editable or c.key in (
            "action_id", "last_changed"))}  # fmt: skip
        uncached = uncached_formula_cells(path, table.sheet, read) if rows else {}
        for number, cells in rows:
            if all(_blank(value) for value in cells):
                continue
            entry = _Entry(table.sheet, number, cells, columns, month_first)
            action_id, reason = _action_id(_cell(cells, columns["action_id"]))
            if action_id is None and _blank(_cell(cells, columns["action_id"])):
                action_id, reason, remark = _recover_id(ctx, cells, columns, review_id)
                if remark:
                    entry.remarks.append(remark)
            if number in uncached:
                reason = (
                    f"cell {', '.join(uncached[number])} holds a formula with no saved value, so "
                    "what it says cannot be read: type the value in (or open and save the file "
                    "in Excel) and import it again; nothing in this row was changed"
                )
            entry.action_id, entry.reason = action_id, reason
            entries.append(entry)

    stored = _stored_actions(
        ctx, sorted({e.action_id for e in entries if e.action_id is not None}), path.name
    )
    _values_at_baseline(ctx, entries, stored, exported, plan.exported_at)
    for entry in entries:
        if entry.reason is None:
            _evaluate(
                entry, stored.get(entry.action_id), exported, review_id, scope_reference, today
            )

    by_action: dict[int, list[_Entry]] = {}
    for entry in entries:
        if entry.action_id is not None and entry.reason is None:
            by_action.setdefault(entry.action_id, []).append(entry)
    for action_id, group in by_action.items():
        if len(group) < 2:
            continue
        # Rows of one action on one sheet must agree (a row pasted twice counts once). Across
        # sheets, a copy of the sheet left as exported changes nothing and is set aside.
        sheets = {e.sheet for e in group}
        if len(sheets) == 1:
            doing = group
        else:
            doing = [e for e in group if e.changes or e.note] or group
        if len({(tuple(e.changes), e.note) for e in doing}) <= 1:
            for extra in group:
                extra.duplicate = extra is not doing[0]
            continue
        listed = ", ".join(_where(e, sheets) for e in doing)
        for e in doing:
            e.reason = (
                f"action {action_id} is on more than one row ({listed}): keep one row per action"
            )

    for entry in entries:
        if entry.reason:
            plan.rejected.append(RejectedRow(entry.sheet, entry.row, entry.reason))
            continue
        if entry.duplicate:
            continue
        current = stored[entry.action_id]
        note = entry.note
        if note and note in current.notes:
            note = ""  # this progress update was already imported from this file
        if not entry.changes and not note:
            plan.unchanged += 1
            continue
        baseline, reason = _baseline(entry.cells, entry.columns, plan.exported_at)
        if reason:
            plan.rejected.append(RejectedRow(entry.sheet, entry.row, reason))
            continue
        changes = entry.changes
        names = tuple(name for name, _old, _new in changes) + (("progress",) if note else ())
        if current.updated_at > baseline:
            plan.conflicts.append(TrackerConflict(entry.sheet, entry.row, entry.action_id, names))
            continue
        plan.changes.append(
            ActionChange(
                action_id=entry.action_id,
                sheet=entry.sheet,
                row=entry.row,
                review_reference=current.review_reference,
                action=current.action,
                changes=tuple(changes),
                note=note,
                remarks=tuple(
                    entry.remarks + _remarks(current, dict((n, new) for n, _o, new in changes))
                ),
                seen_updated_at=current.updated_at,
            )
        )
    plan.rejected.sort(key=lambda r: (r.row, r.sheet))
    plan.conflicts.sort(key=lambda c: (c.row, c.sheet))
    return plan


@dataclass
class _Entry:
    """One row of the returned tracker, as it is judged."""

    sheet: str
    row: int
    cells: list[Any]
    columns: dict[str, int]
    month_first: set[str]
    action_id: int | None = None
    reason: str | None = None
    changes: list[tuple[str, Any, Any]] = field(default_factory=list)
    note: str = ""
    remarks: list[str] = field(default_factory=list)
    duplicate: bool = False
    exported: dict[str, Any] | None = None  # the fields as exported, worked out from the trail


# Trail events this close after a row's Last changed time may be the change it shows itself
# (the trail stamps a change as it is written, a moment after the action's own time).
_TRAIL_MARGIN = timedelta(milliseconds=200)


def _values_at_baseline(ctx, entries, stored, exported, exported_at) -> None:
    """For rows of a file that kept no exported values (a CSV, an older tracker) whose action
    was changed in ReviewDesk since: the fields as they were at the export, from the audit
    trail, so that cells the agency left alone are not taken for changes. When in doubt the
    row stays a conflict."""
    waiting: dict[int, list[tuple[_Entry, datetime]]] = {}
    for entry in entries:
        current = stored.get(entry.action_id)
        if entry.reason or current is None or entry.action_id in exported:
            continue
        baseline, reason = _baseline(entry.cells, entry.columns, exported_at)
        if reason is None and current.updated_at > baseline:
            waiting.setdefault(entry.action_id, []).append((entry, baseline))
    if not waiting:
        return
    earliest = min(b for rows in waiting.values() for _e, b in rows)
    with ctx.session() as session:
        events = session.execute(
            select(AuditEvent.entity_id, AuditEvent.field, AuditEvent.old_value, AuditEvent.at)
            .where(
                AuditEvent.entity == ActionItem.__tablename__,
                AuditEvent.entity_id.in_(list(waiting)),
                AuditEvent.field.in_(TRACKER_FIELDS),
                AuditEvent.at > earliest + _TRAIL_MARGIN,
            )
            .order_by(AuditEvent.at, AuditEvent.id)
        ).all()
    for action_id, rows in waiting.items():
        for entry, baseline in rows:
            values = dict(stored[action_id].values)
            seen = set()
            for event_id, name, old, at in events:
                if event_id == action_id and at > baseline + _TRAIL_MARGIN and name not in seen:
                    seen.add(name)
                    values[name] = old or ""
            entry.exported = {
                name: ACTION_STATUSES.get(v, v) if name == "status" else ("" if v is None else v)
                for name, v in values.items()
            }


def _where(entry: _Entry, sheets: set[str]) -> str:
    if len(sheets) > 1:
        return f"sheet '{entry.sheet}' row {entry.row}"
    return str(entry.row)


def _evaluate(entry: _Entry, current, exported, review_id, scope_reference, today) -> None:
    """Fill in the row's changes, or the reason it is rejected."""
    action_id = entry.action_id
    if current is None:
        entry.reason = (
            f"there is no action {action_id} in ReviewDesk (it may have been deleted since "
            "the tracker was exported, or the row was copied from another file)"
        )
        return
    if review_id is not None and current.review_id != review_id:
        entry.reason = (
            f"action {action_id} belongs to review {current.review_reference}, not "
            f"{scope_reference}: import this row with that review"
        )
        return
    if "action" in entry.columns:
        typed = _cell_text(_cell(entry.cells, entry.columns["action"]))
        if typed.strip() and not _same_text(current.action, typed):
            entry.reason = (
                f"the Action ID {action_id} is the action '{_one_line(current.action, 60)}', "
                f"but this row's action reads '{_one_line(typed, 60)}': the rows may have been "
                "sorted without the Action ID column. Put the IDs back as exported; nothing in "
                "this row was changed"
            )
            return
    outcome = _row_changes(entry, current, today, entry.exported or exported.get(action_id))
    if isinstance(outcome, str):
        entry.reason = outcome
        return
    entry.changes, entry.note = outcome
    new_status = dict((n, new) for n, _o, new in entry.changes).get("status")
    if new_status == "not_accepted" and not current.not_accepted_reason.strip():
        entry.reason = (
            "marked Not accepted, but no reason is recorded: record the reason in "
            "ReviewDesk first (the board must be able to say why)"
        )


def _recover_id(ctx: AppContext, cells, columns, review_id):
    """(action id, reason, remark) for a row whose Action ID cell is empty: the action is found
    by its text only when exactly one action of the review reads so."""
    empty = "the Action ID is empty: ReviewDesk cannot tell which action this row updates"
    if "action" not in columns:
        return None, empty, None
    text = _cell_text(_cell(cells, columns["action"])).strip()
    if not text:
        return None, empty, None
    reference = _cell_text(_cell(cells, columns["review"])).strip() if "review" in columns else ""
    query = (
        select(ActionItem.id, ActionItem.action, Review.reference)
        .join(Recommendation, Recommendation.id == ActionItem.recommendation_id)
        .join(Review, Review.id == Recommendation.review_id)
    )
    if review_id is not None:
        query = query.where(Review.id == review_id)
    with ctx.session() as session:
        found = [
            action_id
            for action_id, action, ref in session.execute(query)
            if _same_text(action, text)
            and (not reference or ref.casefold() == reference.casefold())
        ]
    shown = _one_line(text, 60)
    if len(found) == 1:
        return (
            found[0],
            None,
            f"the Action ID was empty: the row was matched by its action '{shown}'",
        )
    if found:
        return (
            None,
            (
                f"the Action ID is empty and {len(found)} actions read '{shown}': type the Action ID "
                "that was exported for this row"
            ),
            None,
        )
    return (
        None,
        (
            f"this row has no Action ID and its action '{shown}' is not in ReviewDesk: if it is a "
            "new action the agency proposes, add it to the action plan in ReviewDesk (rows "
            "without an Action ID are never added)"
        ),
        None,
    )


# --- reading the file --------------------------------------------------------------------------


def _heading_text(value: Any) -> str:
    """A heading as compared: case, spaces and punctuation left out ("Target date " and
    "TARGET DATE" are one heading, "Evidence / impact" reads "evidence impact")."""
    if not isinstance(value, str):
        return ""
    return " ".join(re.sub(r"[^\w]+", " ", value.casefold()).split())


# What people rename the tracker's headings to, by meaning. A heading is matched whole, never
# by a word inside it ("Comments 2" and "RAG" are no tracker column and are left alone).
_HEADING_SYNONYMS = {
    "action_id": ("action id", "actionid", "id", "action no", "action number", "action ref id"),
    "lead_officer": (
        "lead officer",
        "lead",
        "named lead",
        "responsible officer",
        "action owner",
        "owner",
        "officer",
    ),
    "target_date": (
        "target date",
        "target",
        "due date",
        "date due",
        "due",
        "deadline",
        "target completion date",
        "completion target",
    ),
    "status": ("status", "current status", "action status", "progress status"),
    "completion_date": (
        "completion date",
        "date completed",
        "completed date",
        "date of completion",
        "completed on",
        "actual completion date",
        "date complete",
    ),
    "evidence": ("evidence of impact", "evidence", "impact", "evidence impact"),
    "progress": (
        "progress update new",
        "progress update",
        "progress",
        "update",
        "latest update",
        "progress notes",
        "progress to date",
        "new progress update",
    ),
}
_HEADINGS = {_heading_text(c.heading): c.key for c in COLUMNS} | {
    name: key for key, names in _HEADING_SYNONYMS.items() for name in names
}


def _columns(headers: list[Any]) -> dict[str, int]:
    """Tracker field -> column index, by the headings' meaning (the first column wins)."""
    columns: dict[str, int] = {}
    for index, heading in enumerate(headers):
        key = _HEADINGS.get(_heading_text(heading))
        if key is not None and key not in columns:
            columns[key] = index
    return columns


def _is_tracker_header(cells: list[Any]) -> bool:
    """An Action ID column and at least one column the tracker is updated through."""
    found = _columns(cells)
    if "action_id" not in found:
        return False
    if _heading_text(cells[found["action_id"]]) != "action id" and "action" not in found:
        # A bare "ID" column is the tracker's only when the Action column is there to check
        # each row's action against its ID (another system's "ID, Status" list is not ours).
        return False
    return any(key in found for key in ("status", "target_date", "completion_date", "lead_officer"))


def _not_a_tracker(name: str) -> ImportRefused:
    return ImportRefused(
        f"{name} is not a ReviewDesk action tracker: it has no 'Action ID' column. Export the "
        "tracker from ReviewDesk, fill it in and import that file."
    )


def _read_tracker(path: Path) -> list[tuple[SheetTable, list[Any], list[tuple[int, list[Any]]]]]:
    """Every table holding the tracker (a copied sheet is one too), with header and rows."""
    sheets = list_sheets(path)  # checks the file (content, size, archive) before anything else
    if not sheets:
        try:
            table = read_table(path, None)
        except NothingToRead:
            raise ImportRefused(
                f"{path.name} holds no actions: the tracker is empty. Export the tracker from "
                "ReviewDesk, fill it in and import that file."
            ) from None
        found = _tracker_rows(table)
        if found is None:
            raise _not_a_tracker(path.name)
        return [found]
    ordered = [TRACKER_SHEET] if TRACKER_SHEET in sheets else []
    ordered += [n for n in sheets if n not in (TRACKER_SHEET, EXPORT_SHEET, VALUES_SHEET)]
    tables = []
    empty = False
    for name in ordered:
        try:
            table = read_table(path, name)
        except NothingToRead:
            empty = empty or name == TRACKER_SHEET
            continue
        except ImportRefused:
            continue  # an empty or unusable sheet is not the tracker
        found = _tracker_rows(table)
        if found is not None:
            tables.append(found)
    if tables:
        return tables
    if empty:
        raise ImportRefused(
            f"{path.name} holds no actions: the tracker is empty. Export the tracker from "
            "ReviewDesk, fill it in and import that file."
        )
    raise _not_a_tracker(path.name)


def _tracker_rows(table: SheetTable):
    """(table, header cells, rows) with the header that names the Action ID, or None."""
    if _is_tracker_header(table.headers):
        return table, table.headers, table.rows
    # The reader chose another row as the header (rows were added above it): find ours.
    for index, (_number, cells) in enumerate(table.rows[:_HEADER_SEARCH_ROWS]):
        if _is_tracker_header(cells):
            return table, cells, table.rows[index + 1 :]
    return None


def _exported_values(path: Path, table: SheetTable) -> dict[int, dict[str, Any]]:
    """Action id -> the editable values as exported (from the hidden sheet), when kept."""
    if VALUES_SHEET not in table.sheets:
        return {}
    try:
        hidden = read_table(path, VALUES_SHEET)
    except ImportRefused:
        return {}
    columns = _columns(hidden.headers)
    if "action_id" not in columns:
        return {}
    found: dict[int, dict[str, Any]] = {}
    for _number, cells in hidden.rows:
        action_id, reason = _action_id(_cell(cells, columns["action_id"]))
        if reason is None:
            found[action_id] = {
                key: _cell(cells, index) for key, index in columns.items() if key != "action_id"
            }
    return found


_SLASHED = re.compile(r"\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})\s*")


def _month_first_columns(rows, columns: dict[str, int]) -> set[str]:
    """The date columns whose typed dates are written month first (04/30/2027) and never day
    first (30/04/2027): there, a date such as 05/06/2027 cannot be read safely either way. A
    column with no telling date follows the rest of the file (a file saved on a US computer
    writes every date month first)."""
    evidence: dict[str, tuple[bool, bool]] = {}
    for key in _DATE_FIELDS & set(columns):
        day_first = month_first = False
        for _number, cells in rows:
            value = _cell(cells, columns[key])
            match = _SLASHED.fullmatch(value) if isinstance(value, str) else None
            if not match:
                continue
            first, second = int(match.group(1)), int(match.group(2))
            day_first = day_first or (first > 12 >= second)
            month_first = month_first or (second > 12 >= first)
        evidence[key] = (day_first, month_first)
    file_day_first = any(d for d, _m in evidence.values())
    file_month_first = any(m for _d, m in evidence.values())
    found = set()
    for key, (day_first, month_first) in evidence.items():
        if month_first and not day_first:
            found.add(key)
        elif not day_first and not month_first and file_month_first and not file_day_first:
            found.add(key)
    return found


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
    if isinstance(value, str) and re.fullmatch(r"\s*\d+(\.0*)?\s*", value):
        number = int(value.strip().split(".")[0])  # "12.0": a number saved as text
        if number > 0:
            return number, None
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


def _read_date(
    value: Any, label: str, today: date, name: str = "", month_first: bool = False
) -> tuple[date | None, str | None, str | None]:
    """(date, reason it is rejected, remark) for a date cell."""
    if _blank(value):
        return None, None, None
    shown = _cell_text(value).strip()
    if month_first and isinstance(value, str):
        match = _SLASHED.fullmatch(value)
        first, second = (int(match.group(1)), int(match.group(2))) if match else (0, 0)
        if match and first != second and first <= 12 and second <= 12:
            return (
                None,
                (
                    f"the {label} '{shown}' could be read two ways: other dates in this column are "
                    "written month first (as in the US), so it is not known which is the day and "
                    "which the month. Type it as day/month/year, for example 05/03/2027"
                ),
                None,
            )
        if match and first <= 12 < second:
            # The column is written month first and this date can be read no other way.
            year = int(match.group(3))
            try:
                day = date(year + 2000 if year < 100 else year, first, second)
            except ValueError:
                day = None
            if day is not None:
                return (
                    day,
                    None,
                    (
                        f"the {label} '{shown}' was read month first ({day.strftime('%d/%m/%Y')}), "
                        "as the other dates in its column are written"
                    ),
                )
    parsed = parse_date(value.strip() if isinstance(value, str) else value, today=today)
    if not parsed.ok:
        problem = parsed.problem
        if month_first:
            problem += "; it looks written month first, as in the US"
        return (
            None,
            (
                f"the {label} '{shown}' cannot be read as a date ({problem}): "
                "type it as day/month/year, for example 05/03/2027"
            ),
            None,
        )
    if parsed.precision == "day":
        return parsed.start, None, None
    if name == "target_date" and parsed.precision == "month":
        # "March 2027" as a target means by the end of March.
        return (
            parsed.end,
            None,
            (
                f"the target date '{shown}' was read as the last day of that month "
                f"({parsed.end.strftime('%d/%m/%Y')})"
            ),
        )
    return (
        None,
        (
            f"the {label} '{shown}' is not an exact day (it covers "
            f"{parsed.start.strftime('%d/%m/%Y')} to {parsed.end.strftime('%d/%m/%Y')}): type it "
            "as day/month/year, for example 05/03/2027"
        ),
        None,
    )


# What people type for a status instead of choosing it from the list, matched whole.
_STATUS_SYNONYMS = {
    "completed": "complete",
    "done": "complete",
    "finished": "complete",
    "achieved": "complete",
    "closed complete": "complete",
    "complete closed": "complete",
    "in progress": "on_track",
    "underway": "on_track",
    "under way": "on_track",
    "started": "on_track",
    "ontrack": "on_track",
    "on target": "on_track",
    "not started yet": "not_started",
    "not yet started": "not_started",
    "not begun": "not_started",
    "not commenced": "not_started",
    "to do": "not_started",
    "delayed": "at_risk",
    "behind": "at_risk",
    "behind schedule": "at_risk",
    "atrisk": "at_risk",
    "not agreed": "not_accepted",
    "declined": "not_accepted",
    "rejected": "not_accepted",
}
_RAG = {"red", "amber", "green", "blue", "rag", "r", "a", "g", "b"}


def _status_words(text: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", text.casefold()).split())


def _read_status(value: Any) -> tuple[str | None, str | None, str | None]:
    """(status key, reason it is rejected, remark)."""
    labels = ", ".join(ACTION_STATUSES.values())
    if _blank(value):
        return None, f"the Status is empty: choose one from the list ({labels})", None
    text = " ".join(_cell_text(value).split())
    words = _status_words(text)
    if words == OVERDUE_LABEL.casefold():
        return (
            None,
            (
                "'Overdue' is not a status you can set: ReviewDesk works it out from the target "
                f"date (an open action past its target date is overdue). Choose one of: {labels}"
            ),
            None,
        )
    try:
        return parse_choice(text, ACTION_STATUSES, what="status"), None, None
    except ValueError:
        pass
    for key, label in ACTION_STATUSES.items():
        if words in (_status_words(key), _status_words(label)):
            return key, None, None
    if words in _STATUS_SYNONYMS:
        key = _STATUS_SYNONYMS[words]
        return key, None, f"the status '{text}' was read as {ACTION_STATUSES[key]}"
    if set(words.split()) & _RAG and set(words.split()) <= _RAG | {"status"}:
        return (
            None,
            (
                f"the Status '{text}' is a RAG colour, not a status: what a colour means differs "
                f"from one tracker to another. Choose one of {labels}"
            ),
            None,
        )
    return None, f"the Status '{text}' is not in the list: choose one of {labels}", None


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


def _row_changes(entry, current: _Stored, today: date, exported: dict[str, Any] | None):
    """([(field, old, new)], progress note) for one row, or the reason it is rejected.

    A cell that still says what was exported is no change, even when ReviewDesk has changed
    the field since (the agency did not touch it: another return may have updated it)."""
    cells, columns = entry.cells, entry.columns
    changes: list[tuple[str, Any, Any]] = []
    for name in TRACKER_FIELDS:
        if name not in columns:
            continue  # the column is gone from the file: nothing to say about this field
        value = _cell(cells, columns[name])
        old = current.values[name]
        was = exported.get(name) if exported and name in exported else _MISSING
        if name in _DATE_FIELDS:
            swapped = _swapped(value)
            exported_day = _as_date(was) if was is not _MISSING else old
            if name in entry.month_first and swapped is not None and swapped == exported_day:
                continue  # written month first, as the rest of the file: the date exported
            new, reason, remark = _read_date(
                value, field_label(name), today, name, name in entry.month_first
            )
            if reason:
                return reason
            if was is not _MISSING and new == exported_day:
                continue
            if new != old and swapped is not None and swapped == exported_day:
                return (
                    f"the {field_label(name)} '{_cell_text(value).strip()}' read day first is "
                    f"{new.strftime('%d/%m/%Y')}, but read month first it is the date that was "
                    "exported: the file may have been saved with dates month first. Type it as "
                    "day/month/year with the month in words, for example 5 March 2027"
                )
            if new != old:
                changes.append((name, old, new))
                if remark:
                    entry.remarks.append(remark)
        elif name == "status":
            new, reason, remark = _read_status(value)
            if reason:
                return reason
            if was is not _MISSING and new == _read_status(was)[0]:
                continue
            if new != old:
                changes.append((name, old, new))
                if remark:
                    entry.remarks.append(remark)
        else:
            new = _cell_text(value)
            if was is not _MISSING and _same_text(_cell_text(was), new):
                continue
            if not _same_text(old or "", new):
                changes.append((name, old, _clean_lines(new)))
    note = (
        _clean_lines(_cell_text(_cell(cells, columns["progress"]))) if "progress" in columns else ""
    )
    return changes, note


_MISSING = object()


def _swapped(value: Any) -> date | None:
    """A typed d/m/y date read the other way round (month first), when that is a date."""
    match = _SLASHED.fullmatch(value) if isinstance(value, str) else None
    if not match:
        return None
    year = int(match.group(3))
    try:
        return date(year + 2000 if year < 100 else year, int(match.group(1)), int(match.group(2)))
    except ValueError:
        return None


def _as_date(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if _blank(value):
        return None
    parsed = parse_date(value.strip() if isinstance(value, str) else value)
    return parsed.start if parsed.ok and parsed.precision == "day" else None


def _clean_lines(text: str) -> str:
    """Typed text with its line ends made one kind and no spaces trailing a line."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join(line.rstrip() for line in lines).strip()


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
