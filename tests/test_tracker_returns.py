"""Returned trackers as agencies really edit them: each reading rule, then every kind of
return end to end through `import-actions --json` (see tests/tracker_returns.py)."""

from datetime import date
from pathlib import Path

import openpyxl
import pytest

from app.action_tracker import (
    _action_id,
    _clean_lines,
    _columns,
    _is_tracker_header,
    _month_first_columns,
    _read_date,
    _read_status,
    _recover_id,
    export_tracker,
    plan_tracker_import,
)
from app.edits import apply_fields
from app.items import add_item
from app.reviews import create_review
from app.tracker_formulas import uncached_formula_cells
from tests.tracker_returns import CASES, run_case

TODAY = date(2026, 12, 1)


@pytest.fixture(autouse=True)
def isolated_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("REVIEWDESK_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("REVIEWDESK_USER", "Tracker Tester")
    monkeypatch.delenv("REVIEWDESK_DB", raising=False)


def test_headings_are_matched_by_meaning_and_other_columns_left_alone():
    headers = ["Action Id", "RAG", "Due Date", "STATUS ", "Date completed", "Comments 2"]
    headers += ["Progress update", "Evidence / impact", "Lead agency", "Target date"]
    assert _columns(headers) == {
        "action_id": 0,
        "target_date": 2,  # the first column meaning the target date wins
        "status": 3,
        "completion_date": 4,
        "progress": 6,
        "evidence": 7,
        "lead_agency": 8,
    }


def test_a_bare_id_column_is_the_trackers_only_beside_the_action_column():
    assert _is_tracker_header(["Action ID", "Status"])
    assert _is_tracker_header(["ID", "Action", "Due date"])
    assert not _is_tracker_header(["ID", "Status", "Owner"])  # another system's list
    assert not _is_tracker_header(["Action ID", "Comments"])  # nothing it could update


@pytest.mark.parametrize(
    ("typed", "key", "remark"),
    [
        ("Complete", "complete", None),
        ("COMPLETE ", "complete", None),
        ("On Track  ", "on_track", None),
        ("on-track", "on_track", None),
        ("completed", "complete", "the status 'completed' was read as Complete"),
        ("Done", "complete", "the status 'Done' was read as Complete"),
        ("In progress", "on_track", "the status 'In progress' was read as On track"),
        ("Not started yet", "not_started", "the status 'Not started yet' was read as Not started"),
    ],
)
def test_a_typed_status_is_read_with_a_note_when_it_is_not_the_label(typed, key, remark):
    assert _read_status(typed) == (key, None, remark)


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("RAG: Green", "RAG colour"),
        ("Amber", "RAG colour"),
        ("Overdue", "works it out from the target date"),
        ("Ongoing?", "is not in the list"),
        ("", "the Status is empty"),
    ],
)
def test_a_colour_overdue_or_unknown_word_is_not_a_status(typed, words):
    key, reason, _remark = _read_status(typed)
    assert key is None
    assert words in reason
    assert not typed or f"'{typed}'" in reason


def test_a_month_as_target_is_its_last_day_and_other_periods_are_rejected():
    assert _read_date("March 2027", "target date", TODAY, "target_date") == (
        date(2027, 3, 31),
        None,
        "the target date 'March 2027' was read as the last day of that month (31/03/2027)",
    )
    # A completion is a day that happened: a month is not enough.
    _day, reason, _ = _read_date("March 2027", "completion date", TODAY, "completion_date")
    assert "'March 2027' is not an exact day" in reason
    _day, reason, _ = _read_date("Q1 2027/28", "target date", TODAY, "target_date")
    assert "'Q1 2027/28' is not an exact day (it covers 01/04/2027 to 30/06/2027)" in reason
    for typed in ("TBC", "ongoing"):
        _day, reason, _ = _read_date(typed, "target date", TODAY, "target_date")
        assert f"'{typed}' cannot be read as a date" in reason
    assert _read_date("31/03/2027", "target date", TODAY, "target_date") == (
        date(2027, 3, 31),
        None,
        None,
    )


def test_a_column_written_month_first_makes_its_two_way_dates_unreadable():
    columns = {"target_date": 0, "completion_date": 1}
    us = [(2, ["04/30/2027", ""]), (3, ["05/06/2027", "01/02/2027"])]
    # The completion date column tells nothing itself: it follows the rest of the file.
    assert _month_first_columns(us, columns) == {"target_date", "completion_date"}
    _day, reason, _ = _read_date("05/06/2027", "target date", TODAY, "target_date", True)
    assert "could be read two ways" in reason
    assert _read_date("04/30/2027", "target date", TODAY, "target_date", True) == (
        date(2027, 4, 30),
        None,
        "the target date '04/30/2027' was read month first (30/04/2027), as the other dates "
        "in its column are written",
    )
    _day, reason, _ = _read_date("02/30/2027", "target date", TODAY, "target_date", True)
    assert "'02/30/2027' cannot be read as a date" in reason
    assert _read_date("06/06/2027", "target date", TODAY, "target_date", True)[0] == date(
        2027, 6, 6
    )
    # A column that also holds day-first dates (30/04/2027) is read day first, as always.
    mixed = [(2, ["04/30/2027", ""]), (3, ["30/04/2027", ""])]
    assert _month_first_columns(mixed, columns) == set()


def test_a_column_without_telling_dates_follows_a_file_written_month_first():
    columns = {"target_date": 0, "completion_date": 1}
    us = [(2, ["3/31/2027", "10/1/2026"]), (3, ["6/30/2027", ""])]
    assert _month_first_columns(us, columns) == {"target_date", "completion_date"}
    uk = [(2, ["31/3/2027", "10/1/2026"])]
    assert _month_first_columns(uk, columns) == set()


def test_a_date_that_is_the_exported_one_read_month_first_is_never_taken_day_first(
    ctx, small_plan, tmp_path
):
    review, first, _second = small_plan
    apply_fields(ctx, "action", first, {"status": "complete", "completion_date": date(2026, 10, 1)})
    exported = tmp_path / "tracker.xlsx"
    export_tracker(ctx, exported, review)

    def retyped(wb):
        ws = wb["Action plan"]
        ws.cell(row=_row_of(ws, first), column=11).value = "10/1/2026"  # 1 October, US order

    plan = plan_tracker_import(ctx, _returned(exported, tmp_path / "us.xlsx", retyped), review)
    assert plan.changes == []
    (rejected,) = plan.rejected
    assert "read day first is 10/01/2026, but read month first it is the date" in rejected.reason


@pytest.mark.parametrize(
    ("cell", "expected"),
    [(12, 12), (12.0, 12), (" 12 ", 12), ("12.0", 12), ("12.", 12), ("12.5", None), ("0", None)],
)
def test_an_action_id_saved_as_text_or_a_float_is_still_the_id(cell, expected):
    assert _action_id(cell)[0] == expected


def test_line_ends_of_a_typed_note_are_made_one_kind():
    typed = "• Training delivered  \r\n• Next: audit\r- on file\n"
    assert _clean_lines(typed) == "• Training delivered\n• Next: audit\n- on file"


def test_formula_cells_are_looked_for_in_xlsx_files_only(tmp_path):
    for name in ("tracker.xls", "tracker.ods", "tracker.csv"):
        path = tmp_path / name
        path.write_bytes(b"not a workbook")
        assert uncached_formula_cells(path, "Action plan", {0, 1}) == {}


def test_an_emptied_action_id_is_found_only_when_one_action_reads_so(ctx):
    review = create_review(ctx, review_type="lcspr", reference="LCSPR-T", title="Child T")
    rec = add_item(ctx, "review_recommendation", review, {"text": "Share"})
    values = {"lead_agency": "Police", "target_date": None}
    unique = add_item(ctx, "action", rec, {"action": "Train staff", **values})
    for _ in range(2):
        add_item(ctx, "action", rec, {"action": "Audit files", **values})
    columns = {"action_id": 0, "review": 1, "action": 2}

    found, reason, remark = _recover_id(ctx, ["", "LCSPR-T", " Train staff "], columns, review)
    assert (found, reason) == (unique, None)
    assert "matched by its action 'Train staff'" in remark
    found, reason, _ = _recover_id(ctx, ["", "LCSPR-T", "Audit files"], columns, review)
    assert found is None and "2 actions read 'Audit files'" in reason
    found, reason, _ = _recover_id(ctx, ["", "LCSPR-T", "Run a workshop"], columns, review)
    assert found is None and "new action the agency proposes" in reason
    found, reason, _ = _recover_id(ctx, ["", "SAR-X", "Train staff"], columns, None)
    assert found is None  # another review's row is never matched to this one
    found, reason, _ = _recover_id(ctx, ["", "LCSPR-T", ""], columns, review)
    assert found is None and "the Action ID is empty" in reason


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_a_returned_tracker_round_trip(case, tmp_path: Path):
    measure = run_case(case, tmp_path / "case")
    assert measure.tracebacks == 0, measure.notes
    assert measure.wrong == 0, measure.notes
    assert measure.missed == 0, measure.notes
    assert measure.missing_reports == 0, measure.notes
    assert measure.over_rejected == 0, measure.notes


# --- rules that need a store ---------------------------------------------------------------------


@pytest.fixture
def small_plan(ctx):
    review = create_review(ctx, review_type="lcspr", reference="LCSPR-U", title="Child U")
    rec = add_item(ctx, "review_recommendation", review, {"text": "Share"})
    values = {"lead_agency": "Police", "target_date": date(2027, 3, 31)}
    first = add_item(ctx, "action", rec, {"action": "Train staff", **values})
    second = add_item(ctx, "action", rec, {"action": "Audit files", **values})
    return review, first, second


def _returned(path, target, edit):
    wb = openpyxl.load_workbook(path)
    edit(wb)
    wb.save(target)
    return target


def _row_of(ws, action_id):
    return next(n for n in range(2, ws.max_row + 1) if ws.cell(row=n, column=1).value == action_id)


def test_a_cell_left_as_exported_is_no_change_even_when_the_app_changed_it(
    ctx, small_plan, tmp_path
):
    review, first, second = small_plan
    exported = tmp_path / "tracker.xlsx"
    export_tracker(ctx, exported, review)
    apply_fields(ctx, "action", first, {"status": "on_track"})  # another return, say

    def edit(wb):
        ws = wb["Action plan"]
        ws.cell(row=_row_of(ws, second), column=10).value = "At risk"

    plan = plan_tracker_import(ctx, _returned(exported, tmp_path / "back.xlsx", edit), review)
    assert plan.conflicts == [] and plan.rejected == []
    assert [(c.action_id, c.changes) for c in plan.changes] == [
        (second, (("status", "not_started", "at_risk"),))
    ]


def test_an_untouched_copy_of_the_sheet_is_set_aside_but_two_edited_copies_disagree(
    ctx, small_plan, tmp_path
):
    review, first, _second = small_plan
    exported = tmp_path / "tracker.xlsx"
    export_tracker(ctx, exported, review)

    def one_copy(wb):
        copy = wb.copy_worksheet(wb["Action plan"])
        copy.title = "Copy of Tracker"
        copy.cell(row=_row_of(copy, first), column=10).value = "Complete"

    plan = plan_tracker_import(ctx, _returned(exported, tmp_path / "one.xlsx", one_copy), review)
    assert [(c.sheet, c.action_id) for c in plan.changes] == [("Copy of Tracker", first)]

    def both(wb):
        one_copy(wb)
        ws = wb["Action plan"]
        ws.cell(row=_row_of(ws, first), column=10).value = "At risk"

    plan = plan_tracker_import(ctx, _returned(exported, tmp_path / "two.xlsx", both), review)
    assert plan.changes == []
    assert {r.sheet for r in plan.rejected} == {"Action plan", "Copy of Tracker"}
    assert all("is on more than one row" in r.reason for r in plan.rejected)


def test_an_id_whose_action_text_differs_is_rejected(ctx, small_plan, tmp_path):
    review, first, second = small_plan
    exported = tmp_path / "tracker.xlsx"
    export_tracker(ctx, exported, review)

    def swap(wb):
        ws = wb["Action plan"]
        a, b = _row_of(ws, first), _row_of(ws, second)
        ws.cell(row=a, column=1).value, ws.cell(row=b, column=1).value = second, first
        ws.cell(row=a, column=10).value = "Complete"

    plan = plan_tracker_import(ctx, _returned(exported, tmp_path / "swapped.xlsx", swap), review)
    assert plan.changes == []
    assert len(plan.rejected) == 2
    assert all("sorted without the Action ID column" in r.reason for r in plan.rejected)
