"""The action plan as a tracker workbook that agencies fill in and send back.

One sheet "Action plan" (one row per action, with an agency column a board can filter on),
an "About" sheet with plain instructions, and a hidden "_export" sheet with the export time.
The sheet is protected so that the Action ID (what a returned row is matched by) and the
reference columns cannot be changed by accident; the columns agencies update are unlocked.
Every piece of text is a string cell, never a formula; dates are real dates.
"""

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from reports.chronology_xlsx import (
    _FORMULA_START,
    DATE_FORMAT,
    HEADER_FILL,
    _header_footer_text,
    clean_text,
)

TRACKER_TITLE = "Action plan tracker"
TRACKER_SHEET = "Action plan"
ABOUT_SHEET = "About"
EXPORT_SHEET = "_export"
VALUES_SHEET = "_values"  # hidden: what each row said when exported, to tell what was edited
VALUE_KEYS = ("action_id", "lead_officer", "target_date", "status", "completion_date", "evidence")
TRACKER_FORMAT = "ReviewDesk action tracker 1"
INSTRUCTIONS = (
    "Change only the white columns. Do not change or delete the Action ID. "
    "Choose a status from the list. Type dates as day/month/year."
)
ALL_REVIEWS = "All reviews"


@dataclass(frozen=True)
class TrackerColumn:
    key: str
    heading: str
    width: int
    editable: bool = False


COLUMNS: tuple[TrackerColumn, ...] = (
    TrackerColumn("action_id", "Action ID", 10),
    TrackerColumn("review", "Review", 16),
    TrackerColumn("recommendation", "Recommendation", 15),
    TrackerColumn("recommendation_text", "Recommendation text", 45),
    TrackerColumn("addressed_to", "Addressed to", 22),
    TrackerColumn("action", "Action", 45),
    TrackerColumn("lead_agency", "Lead agency", 22),
    TrackerColumn("lead_officer", "Lead officer", 22, editable=True),
    TrackerColumn("target_date", "Target date", 13, editable=True),
    TrackerColumn("status", "Status", 15, editable=True),
    TrackerColumn("completion_date", "Completion date", 13, editable=True),
    TrackerColumn("evidence", "Evidence of impact", 45, editable=True),
    TrackerColumn("progress", "Progress update (new)", 45, editable=True),
    TrackerColumn("last_changed", "Last changed", 20),
    TrackerColumn("overdue", "Overdue", 10),
)
COLUMN_INDEX = {c.key: i for i, c in enumerate(COLUMNS, start=1)}  # 1-based, as in a sheet

READ_ONLY_FILL = PatternFill("solid", fgColor="E7E6E6")
EDITABLE_FILL = PatternFill("solid", fgColor="FFFFFF")
OVERDUE_FILL = PatternFill("solid", fgColor="F4C7C3")
OVERDUE_FONT = Font(bold=True, color="9C0006")


@dataclass(frozen=True)
class ActionTrackerRow:
    action_id: int
    review_reference: str
    recommendation_number: str  # "3" or "IMR 12"
    recommendation_text: str
    addressed_to: str
    action: str
    lead_agency: str
    lead_officer: str
    target_date: date | None
    status: str  # the label people read ("On track"); never "Overdue"
    completion_date: date | None
    evidence: str
    last_changed: str  # the action's last change in the store, ISO timestamp (UTC)
    overdue: bool


@dataclass(frozen=True)
class ActionTrackerDocument:
    review_reference: str  # "" for the whole store (the board's tracker)
    review_title: str  # "All reviews" for the whole store
    protective_marking: str
    exported_at: datetime  # naive UTC
    status_labels: tuple[str, ...]  # what the Status drop-down offers
    rows: tuple[ActionTrackerRow, ...] = field(default=())


def write_action_tracker(data: ActionTrackerDocument, path: Path | str, on_progress=None) -> None:
    """Write the tracker workbook (Action plan, About, hidden _export) to ``path``."""
    wb = Workbook()
    _set_properties(wb, data)
    ws = wb.active
    ws.title = TRACKER_SHEET
    _write_plan_sheet(ws, data)
    _write_about_sheet(wb.create_sheet(ABOUT_SHEET), data)
    hidden = wb.create_sheet(EXPORT_SHEET)
    hidden.sheet_state = "hidden"
    for column, (heading, value) in enumerate(
        (
            ("Exported at", data.exported_at.isoformat()),
            ("Scope", data.review_reference or ALL_REVIEWS),
            ("Format", TRACKER_FORMAT),
        ),
        start=1,
    ):
        _put_text(hidden.cell(row=1, column=column), heading)
        _put_text(hidden.cell(row=2, column=column), value)
    _write_values_sheet(wb.create_sheet(VALUES_SHEET), data)
    wb.active = 0
    wb.save(str(path))


def _write_values_sheet(ws: Worksheet, data: ActionTrackerDocument) -> None:
    """The editable values as exported, hidden, so that a returned row's untouched cells are
    told apart from the ones the agency changed."""
    ws.sheet_state = "hidden"
    headings = {c.key: c.heading for c in COLUMNS}
    for column, key in enumerate(VALUE_KEYS, start=1):
        _put_text(ws.cell(row=1, column=column), headings[key])
    for number, row in enumerate(data.rows, start=2):
        for column, key in enumerate(VALUE_KEYS, start=1):
            cell = ws.cell(row=number, column=column)
            value = getattr(row, key)
            if key == "action_id":
                cell.value = value
            elif key in ("target_date", "completion_date"):
                _put_date(cell, value)
            else:
                _put_text(cell, value)


def _put_text(cell, text: str) -> None:
    """A string cell: never a formula ("=...") or an error code ("#N/A"), whatever the text."""
    text = clean_text(text or "")
    cell._value = text  # assigning .value would re-type the text as a formula
    cell.data_type = "s"
    if text.startswith(_FORMULA_START):
        cell.quotePrefix = True  # Excel keeps it as text even when the cell is re-entered


def _put_date(cell, value: date | None) -> None:
    if value is not None:
        cell.value = value
    cell.number_format = DATE_FORMAT


def _write_plan_sheet(ws: Worksheet, data: ActionTrackerDocument) -> None:
    header_font = Font(bold=True, color="FFFFFF")
    header_alignment = Alignment(vertical="center", wrap_text=True)
    for column in COLUMNS:
        index = COLUMN_INDEX[column.key]
        ws.column_dimensions[get_column_letter(index)].width = column.width
        cell = ws.cell(row=1, column=index)
        _put_text(cell, column.heading)
        cell.fill, cell.font, cell.alignment = HEADER_FILL, header_font, header_alignment
    ws.row_dimensions[1].height = 30

    wrap_top = Alignment(vertical="top", wrap_text=True)
    date_alignment = Alignment(vertical="top", horizontal="left")
    unlocked, locked = Protection(locked=False), Protection(locked=True)
    for number, row in enumerate(data.rows, start=2):
        values = {
            "review": row.review_reference,
            "recommendation": row.recommendation_number,
            "recommendation_text": row.recommendation_text,
            "addressed_to": row.addressed_to,
            "action": row.action,
            "lead_agency": row.lead_agency,
            "lead_officer": row.lead_officer,
            "status": row.status,
            "evidence": row.evidence,
            "progress": "",
            "last_changed": row.last_changed,
            "overdue": "Overdue" if row.overdue else "",
        }
        for column in COLUMNS:
            cell = ws.cell(row=number, column=COLUMN_INDEX[column.key])
            if column.key == "action_id":
                cell.value = row.action_id
                cell.alignment = Alignment(vertical="top", horizontal="left")
            elif column.key in ("target_date", "completion_date"):
                _put_date(cell, getattr(row, column.key))
                cell.alignment = date_alignment
            else:
                _put_text(cell, values[column.key])
                cell.alignment = wrap_top
            cell.fill = EDITABLE_FILL if column.editable else READ_ONLY_FILL
            cell.protection = unlocked if column.editable else locked
        if row.overdue:
            ws.cell(row=number, column=COLUMN_INDEX["status"]).fill = OVERDUE_FILL
            flag = ws.cell(row=number, column=COLUMN_INDEX["overdue"])
            flag.fill, flag.font = OVERDUE_FILL, OVERDUE_FONT

    last_row = max(len(data.rows) + 1, 2)
    status_letter = get_column_letter(COLUMN_INDEX["status"])
    statuses = DataValidation(
        type="list",
        formula1='"' + ",".join(data.status_labels) + '"',
        allow_blank=False,
        showDropDown=False,  # openpyxl's name is backwards: False shows the arrow
        showErrorMessage=True,
        errorTitle="Status",
        error="Choose a status from the list. Overdue is worked out from the target date.",
        promptTitle="Status",
        prompt="Choose a status from the list.",
        showInputMessage=True,
    )
    statuses.add(f"{status_letter}2:{status_letter}{last_row}")
    ws.add_data_validation(statuses)
    for key in ("target_date", "completion_date"):
        letter = get_column_letter(COLUMN_INDEX[key])
        dates = DataValidation(
            type="date",
            operator="greaterThan",
            formula1="1",
            allow_blank=True,
            showErrorMessage=True,
            errorTitle="Date",
            error="Type the date as day/month/year, for example 05/03/2027.",
        )
        dates.add(f"{letter}2:{letter}{last_row}")
        ws.add_data_validation(dates)

    ws.freeze_panes = "B2"  # the header and the Action ID stay in view
    last_letter = get_column_letter(len(COLUMNS))
    ws.auto_filter.ref = f"A1:{last_letter}{last_row}"
    ws.print_title_rows = "1:1"
    _print_setup(ws, data)
    # Protection without a password: it prevents slips, it is not a security control.
    protection = ws.protection
    protection.sheet = True
    protection.autoFilter = False  # filtering by agency or status stays possible
    protection.sort = False
    protection.formatColumns = False
    protection.formatRows = False


def _print_setup(ws: Worksheet, data: ActionTrackerDocument) -> None:
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    marking = _header_footer_text(data.protective_marking)
    ws.oddHeader.left.text = marking
    ws.oddHeader.right.text = _header_footer_text(data.review_reference or ALL_REVIEWS)
    ws.oddFooter.left.text = marking
    ws.oddFooter.center.text = "Page &P of &N"


def _write_about_sheet(ws: Worksheet, data: ActionTrackerDocument) -> None:
    ws.column_dimensions["A"].width = 22
    ws.column_dimensions["B"].width = 90
    _print_setup(ws, data)
    if data.review_reference:
        scope = [("Review reference", data.review_reference), ("Review title", data.review_title)]
    else:
        scope = [("Reviews", data.review_title or ALL_REVIEWS)]
    lines = [
        ("Document", TRACKER_TITLE),
        *scope,
        ("Protective marking", data.protective_marking or "None"),
        ("Exported at", data.exported_at.strftime("%d/%m/%Y %H:%M") + " (UTC)"),
        ("Number of actions", str(len(data.rows))),
        ("Instructions", INSTRUCTIONS),
        ("Statuses", ", ".join(data.status_labels)),
        (
            "Overdue",
            "Not a status you choose: an action that is not complete (or not accepted) after "
            "its target date is overdue. Such rows are marked in the Overdue column.",
        ),
        (
            "Progress update (new)",
            "Write what has happened since the last update; it is added to the action's "
            "history when the tracker is imported.",
        ),
        ("Produced by", "ReviewDesk"),
    ]
    bold = Font(bold=True)
    wrap_top = Alignment(vertical="top", wrap_text=True)
    for number, (label, value) in enumerate(lines, start=1):
        label_cell = ws.cell(row=number, column=1)
        _put_text(label_cell, label)
        label_cell.font, label_cell.alignment = bold, Alignment(vertical="top")
        value_cell = ws.cell(row=number, column=2)
        _put_text(value_cell, value)
        value_cell.alignment = wrap_top


def _set_properties(wb: Workbook, data: ActionTrackerDocument) -> None:
    props = wb.properties
    scope = (
        f"{data.review_reference} {data.review_title}".strip()
        if data.review_reference
        else data.review_title or ALL_REVIEWS
    )
    props.title = clean_text(f"{TRACKER_TITLE}: {scope}")
    props.keywords = clean_text(
        "; ".join(k for k in (data.protective_marking, data.review_reference, "action plan") if k)
    )
    props.creator = "ReviewDesk"
    props.category = clean_text(data.protective_marking)
