"""The action plan tracker: exported, edited the way people edit it, and read back."""

import zipfile
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import openpyxl
import pytest

from app.action_tracker import (
    TrackerConflict,
    apply_tracker,
    export_tracker,
    plan_tracker_import,
    tracker_document,
)
from app.actions import list_actions, list_recommendations, list_updates
from app.audit_log import list_audit
from app.chronology.reading import ImportRefused
from app.edits import apply_fields
from app.errors import UserError
from app.imrs import add_agency
from app.items import add_item
from app.reviews import create_review
from app.vocab import ACTION_STATUSES
from reports.action_tracker_xlsx import COLUMNS, INSTRUCTIONS

SHEET = "Action plan"
HEADINGS = [c.heading for c in COLUMNS]
EDITABLE = {
    "Lead officer",
    "Target date",
    "Status",
    "Completion date",
    "Evidence of impact",
    "Progress update (new)",
}


@dataclass
class Plan:
    """Two reviews with recommendations and actions; ids by short names."""

    review: int
    other_review: int
    actions: dict[str, int]


def _action(ctx, rec_id, text, agency, target, **more):
    return add_item(
        ctx,
        "action",
        rec_id,
        {"action": text, "lead_agency": agency, "target_date": target, **more},
    )


@pytest.fixture
def plan(ctx):
    review = create_review(ctx, review_type="lcspr", reference="LCSPR-2026-30", title="Child P")
    police_imr = add_agency(ctx, review, "Police", "police")  # returns the IMR's id
    add_agency(ctx, review, "Health visiting", "health")
    multi = add_item(
        ctx,
        "review_recommendation",
        review,
        {"text": "=1+1 agencies must share information", "addressee": "All agencies"},
    )
    single = add_item(ctx, "recommendation", police_imr, {"text": "Supervise every case"})
    actions = {
        "train": _action(ctx, multi, "Train staff in sharing", "Police", date(2026, 9, 30)),
        "audit": _action(
            ctx, multi, "@x audit records\x07 twice", "Health visiting", date(2026, 3, 31)
        ),
        "policy": _action(ctx, multi, "Rewrite the policy", "Children's social care", None),
        "supervise": _action(ctx, single, "Monthly supervision audit", "Police", date(2027, 1, 31)),
        "escalate": _action(ctx, single, "Escalation training", "Police", date(2026, 12, 1)),
        "voice": _action(ctx, single, "Record the child's voice", "Police", date(2026, 11, 1)),
        "leaflet": _action(ctx, single, "Publish a leaflet", "Police", date(2026, 10, 1)),
        "done": _action(
            ctx,
            single,
            "Old training",
            "Police",
            date(2026, 1, 31),
            status="complete",
            completion_date=date(2026, 1, 20),
        ),
    }
    other = create_review(ctx, review_type="sar", reference="SAR-2026-02", title="Adult Q")
    other_rec = add_item(ctx, "review_recommendation", other, {"text": "Adult safeguarding"})
    actions["other"] = _action(ctx, other_rec, "Adult training", "Adult social care", None)
    return Plan(review, other, actions)


def _dump(ctx, review_ids):
    """Everything the tracker could touch, to compare before and after."""
    recs = [
        (r.id, r.number, r.text, r.addressee, r.board_response)
        for rid in review_ids
        for r in list_recommendations(ctx, rid)
    ]
    actions = {a.id: a for a in list_actions(ctx)}
    updates = {a: list_updates(ctx, a) for a in actions}
    return recs, actions, updates


def _rows(ws) -> dict[int, int]:
    """Action id -> row number in the sheet."""
    return {
        ws.cell(row=n, column=1).value: n
        for n in range(2, ws.max_row + 1)
        if isinstance(ws.cell(row=n, column=1).value, int)
    }


def _col(heading: str) -> int:
    return HEADINGS.index(heading) + 1


def _edit(path, target, edit):
    """Open the exported tracker, let ``edit(ws, rows)`` change it, save it as ``target``."""
    wb = openpyxl.load_workbook(path)
    ws = wb[SHEET]
    edit(ws, _rows(ws))
    wb.save(target)
    return target


def _set(ws, row: int, heading: str, value) -> None:
    ws.cell(row=row, column=_col(heading)).value = value


# --- export -------------------------------------------------------------------------------------


def test_export_writes_a_protected_tracker_with_a_status_list_and_real_dates(ctx, plan, tmp_path):
    target = tmp_path / "tracker.xlsx"
    assert export_tracker(ctx, target, plan.review) == 8
    assert not (tmp_path / "tracker.xlsx.part").exists()

    wb = openpyxl.load_workbook(target)
    assert wb.sheetnames == ["Action plan", "About", "_export", "_values"]
    assert wb["_export"].sheet_state == "hidden"
    assert wb["_values"].sheet_state == "hidden"  # the editable values as exported
    assert wb["Action plan"].sheet_state == "visible"
    ws = wb[SHEET]
    assert [c.value for c in ws[1]] == HEADINGS
    assert ws.freeze_panes == "B2"
    assert ws.auto_filter.ref == "A1:O9"

    rows = _rows(ws)
    assert sorted(rows) == sorted(v for k, v in plan.actions.items() if k != "other")
    assert ws.protection.sheet is True
    for n in rows.values():
        for heading in HEADINGS:
            cell = ws.cell(row=n, column=_col(heading))
            assert cell.protection.locked is (heading not in EDITABLE), heading
            if heading in EDITABLE and heading != "Status":
                assert cell.fill.fgColor.rgb.endswith("FFFFFF"), heading
            elif heading not in EDITABLE and heading != "Overdue":
                assert cell.fill.fgColor.rgb.endswith("E7E6E6"), heading
    assert ws.cell(row=rows[plan.actions["train"]], column=1).protection.locked

    lists = [dv for dv in ws.data_validations.dataValidation if dv.type == "list"]
    assert len(lists) == 1
    assert str(lists[0].sqref) == "J2:J9"
    assert lists[0].formula1 == '"' + ",".join(ACTION_STATUSES.values()) + '"'
    assert lists[0].showErrorMessage

    train = rows[plan.actions["train"]]
    target_cell = ws.cell(row=train, column=_col("Target date"))
    assert target_cell.is_date and target_cell.value == datetime(2026, 9, 30)
    assert target_cell.number_format == "dd/mm/yyyy"
    done = rows[plan.actions["done"]]
    assert ws.cell(row=done, column=_col("Completion date")).value == datetime(2026, 1, 20)
    assert ws.cell(row=done, column=_col("Status")).value == "Complete"
    assert ws.cell(row=train, column=_col("Status")).value == "Not started"
    assert ws.cell(row=train, column=_col("Lead agency")).value == "Police"
    assert ws.cell(row=train, column=_col("Recommendation")).value == "1"
    assert ws.cell(row=rows[plan.actions["supervise"]], column=3).value == "IMR 1"

    # Formula-looking text stays text; control characters are replaced, visibly.
    rec_text = ws.cell(row=train, column=_col("Recommendation text"))
    assert rec_text.value == "=1+1 agencies must share information"
    assert rec_text.data_type == "s"
    audit = rows[plan.actions["audit"]]
    action_text = ws.cell(row=audit, column=_col("Action"))
    assert action_text.value == "@x audit records\ufffd twice"
    assert action_text.data_type == "s"
    with zipfile.ZipFile(target) as archive:
        assert "<f>" not in archive.read("xl/worksheets/sheet1.xml").decode()

    # The overdue action is marked: a fill on its status and the word in the Overdue column.
    assert ws.cell(row=audit, column=_col("Overdue")).value == "Overdue"
    assert ws.cell(row=audit, column=_col("Status")).value == "Not started"
    assert not ws.cell(row=audit, column=_col("Status")).fill.fgColor.rgb.endswith("FFFFFF")
    assert ws.cell(row=train, column=_col("Overdue")).value is None
    assert ws.cell(row=done, column=_col("Overdue")).value is None  # past target, complete

    about = {r[0]: r[1] for r in wb["About"].iter_rows(values_only=True)}
    assert about["Review reference"] == "LCSPR-2026-30"
    assert about["Review title"] == "Child P"
    assert about["Protective marking"] == "OFFICIAL-SENSITIVE"
    assert about["Instructions"] == INSTRUCTIONS
    hidden = list(wb["_export"].iter_rows(values_only=True))
    assert hidden[0][0] == "Exported at"
    assert datetime.fromisoformat(hidden[1][0])


def test_board_export_holds_every_review(ctx, plan, tmp_path):
    target = tmp_path / "board.xlsx"
    assert export_tracker(ctx, target) == 9
    wb = openpyxl.load_workbook(target)
    ws = wb[SHEET]
    reviews = {ws.cell(row=n, column=2).value for n in _rows(ws).values()}
    assert reviews == {"LCSPR-2026-30", "SAR-2026-02"}
    about = {r[0]: r[1] for r in wb["About"].iter_rows(values_only=True)}
    assert about["Reviews"] == "All reviews"
    assert tracker_document(ctx).review_title == "All reviews"


def test_export_refuses_other_file_types(ctx, plan, tmp_path):
    with pytest.raises(UserError, match=r"\.xlsx"):
        export_tracker(ctx, tmp_path / "tracker.pdf", plan.review)
    assert not any(p.suffix in (".pdf", ".part") for p in tmp_path.iterdir())


# --- round trip ---------------------------------------------------------------------------------


def test_round_trip_previews_exactly_the_edits_then_applies_them(ctx, plan, tmp_path):
    exported = tmp_path / "tracker.xlsx"
    export_tracker(ctx, exported, plan.review)
    a = plan.actions

    def edit(ws, rows):
        _set(ws, rows[a["train"]], "Status", "Complete")
        _set(ws, rows[a["train"]], "Completion date", datetime(2026, 6, 10))
        _set(ws, rows[a["policy"]], "Completion date", "05/03/2027")
        _set(ws, rows[a["policy"]], "Status", "at risk")
        _set(ws, rows[a["supervise"]], "Progress update (new)", "Audit started in May")
        _set(ws, rows[a["audit"]], "Evidence of impact", "Records now audited monthly")
        _set(ws, rows[a["audit"]], "Lead officer", "DS Jones")

    returned = _edit(exported, tmp_path / "returned police.xlsx", edit)
    before = _dump(ctx, [plan.review, plan.other_review])

    preview = plan_tracker_import(ctx, returned, plan.review)
    assert _dump(ctx, [plan.review, plan.other_review]) == before  # planning writes nothing
    assert preview.rejected == [] and preview.conflicts == []
    assert preview.unchanged == 4
    found = {c.action_id: (set(c.changes), c.note) for c in preview.changes}
    assert found == {
        a["train"]: (
            {("status", "not_started", "complete"), ("completion_date", None, date(2026, 6, 10))},
            "",
        ),
        a["policy"]: (
            {("status", "not_started", "at_risk"), ("completion_date", None, date(2027, 3, 5))},
            "",
        ),
        a["supervise"]: (set(), "Audit started in May"),
        a["audit"]: (
            {("evidence", "", "Records now audited monthly"), ("lead_officer", "", "DS Jones")},
            "",
        ),
    }
    assert any("completion date" in line for line in preview.report_lines())

    result = apply_tracker(ctx, preview)
    assert (result.applied, result.rejected, result.conflicts) == (4, [], [])

    after = {x.id: x for x in list_actions(ctx)}
    assert (after[a["train"]].status, after[a["train"]].completion_date) == (
        "complete",
        date(2026, 6, 10),
    )
    assert (after[a["policy"]].status, after[a["policy"]].completion_date) == (
        "at_risk",
        date(2027, 3, 5),
    )
    assert after[a["audit"]].evidence == "Records now audited monthly"
    assert after[a["audit"]].lead_officer == "DS Jones"
    for key in ("escalate", "voice", "leaflet", "done", "other"):
        assert after[a[key]] == before[1][a[key]], key

    (update,) = list_updates(ctx, a["supervise"])
    assert (update.note, update.source, update.by, update.on, update.status) == (
        "Audit started in May",
        "returned police.xlsx",
        "Tester",
        date(2026, 6, 15),
        "",
    )
    (update,) = list_updates(ctx, a["train"])
    assert (update.note, update.status, update.source) == (
        "Updated from returned police.xlsx",
        "complete",
        "returned police.xlsx",
    )
    assert list_updates(ctx, a["escalate"]) == []

    trail = {
        (e.field, e.old_value, e.new_value)
        for e in list_audit(ctx, plan.review)
        if e.entity == "action_item" and e.action == "update"
    }
    assert ("status", "Not started", "Complete") in trail
    assert ("completion_date", None, "10/06/2026") in trail
    assert ("completion_date", None, "05/03/2027") in trail
    assert ("status", "Not started", "At risk") in trail
    assert ("lead_officer", "", "DS Jones") in trail
    assert all(e.actor == "Tester" for e in list_audit(ctx, plan.review) if e.action == "update")

    # The same file again changes nothing and adds no second progress update.
    again = plan_tracker_import(ctx, returned, plan.review)
    assert again.changes == [] and again.conflicts == [] and again.rejected == []
    assert apply_tracker(ctx, again).applied == 0
    assert len(list_updates(ctx, a["supervise"])) == 1


def test_a_renamed_sheet_is_still_found_by_its_action_id_column(ctx, plan, tmp_path):
    exported = tmp_path / "tracker.xlsx"
    export_tracker(ctx, exported, plan.review)
    wb = openpyxl.load_workbook(exported)
    ws = wb[SHEET]
    ws.title = "Police return"
    _set(ws, _rows(ws)[plan.actions["voice"]], "Status", "On track")
    wb.save(tmp_path / "renamed.xlsx")
    preview = plan_tracker_import(ctx, tmp_path / "renamed.xlsx", plan.review)
    assert [(c.sheet, c.action_id, c.fields) for c in preview.changes] == [
        ("Police return", plan.actions["voice"], ("status",))
    ]


# --- a hand-edited tracker ----------------------------------------------------------------------


def test_bad_rows_are_rejected_with_their_row_and_good_rows_apply(ctx, plan, tmp_path):
    exported = tmp_path / "board.xlsx"
    export_tracker(ctx, exported)  # the board's tracker: it holds the other review's action too
    a = plan.actions
    serial = 46387  # an Excel serial number typed into a cell formatted as General
    serial_date = date(1899, 12, 30) + timedelta(days=serial)
    placed: dict[str, int] = {}

    def edit(ws, rows):
        width = len(HEADINGS)
        values = {
            action_id: [ws.cell(row=n, column=c).value for c in range(1, width + 1)]
            for action_id, n in rows.items()
        }
        for n in range(2, ws.max_row + 1):
            for c in range(1, width + 1):
                ws.cell(row=n, column=c).value = None
        # Sorted another way (by action id, descending), shifted by inserted blank rows.
        order = sorted(values, reverse=True)
        n = 4
        for index, action_id in enumerate(order):
            if index == 3:
                n += 2  # two blank rows inserted in the middle
            for c, value in enumerate(values[action_id], start=1):
                ws.cell(row=n, column=c).value = value
            key = next(k for k, v in a.items() if v == action_id)
            placed[key] = n
            n += 1
        placed["unknown"] = n
        for c, value in enumerate(values[a["leaflet"]], start=1):
            ws.cell(row=n, column=c).value = value
        _set(ws, n, "Action ID", 99999)
        _set(ws, n, "Status", "At risk")

        _set(ws, placed["train"], "Status", "Done-ish")
        _set(ws, placed["audit"], "Status", "Overdue")
        _set(ws, placed["policy"], "Action ID", None)
        _set(ws, placed["policy"], "Lead officer", "Someone")
        _set(ws, placed["other"], "Status", "Complete")
        _set(ws, placed["supervise"], "Completion date", "next week")
        _set(ws, placed["escalate"], "Target date", "31/02/2027")
        # Good rows.
        _set(ws, placed["voice"], "Status", "ON TRACK")
        _set(ws, placed["voice"], "Lead officer", "DS Patel")
        cell = ws.cell(row=placed["voice"], column=_col("Target date"))
        cell.value, cell.number_format = serial, "General"
        _set(ws, placed["leaflet"], "Status", "complete")  # no completion date: noted
        _set(ws, placed["leaflet"], "Progress update (new)", "Leaflet printed")

    returned = _edit(exported, tmp_path / "hand edited.xlsx", edit)
    before = _dump(ctx, [plan.review, plan.other_review])
    preview = plan_tracker_import(ctx, returned, plan.review)

    rejected = {(r.sheet, r.row): r.reason for r in preview.rejected}
    assert set(rejected) == {
        (SHEET, placed[k]) for k in ("train", "audit", "other", "supervise", "escalate", "unknown")
    }
    assert "'Done-ish' is not in the list" in rejected[(SHEET, placed["train"])]
    assert "works it out from the target date" in rejected[(SHEET, placed["audit"])]
    assert "no action 99999" in rejected[(SHEET, placed["unknown"])]
    assert "belongs to review SAR-2026-02" in rejected[(SHEET, placed["other"])]
    assert "'next week'" in rejected[(SHEET, placed["supervise"])]
    assert "completion date" in rejected[(SHEET, placed["supervise"])]
    assert "February 2027 has 28 days" in rejected[(SHEET, placed["escalate"])]
    assert preview.conflicts == []
    assert preview.unchanged == 1  # "done"
    changes = {c.action_id: c for c in preview.changes}
    # The emptied Action ID is found again: one action of the review reads "Rewrite the policy".
    assert set(changes) == {a["voice"], a["leaflet"], a["policy"]}
    assert changes[a["policy"]].changes == (("lead_officer", "", "Someone"),)
    assert changes[a["policy"]].remarks == (
        "the Action ID was empty: the row was matched by its action 'Rewrite the policy'",
    )
    assert set(changes[a["voice"]].changes) == {
        ("status", "not_started", "on_track"),
        ("lead_officer", "", "DS Patel"),
        ("target_date", date(2026, 11, 1), serial_date),
    }
    assert changes[a["voice"]].row == placed["voice"]
    assert changes[a["leaflet"]].remarks == ("marked Complete, but no completion date is given",)
    assert changes[a["leaflet"]].note == "Leaflet printed"

    result = apply_tracker(ctx, preview)
    assert result.applied == 3
    assert result.rejected == preview.rejected
    recs, actions, updates = _dump(ctx, [plan.review, plan.other_review])
    assert recs == before[0]
    for key, action_id in a.items():
        if key in ("voice", "leaflet", "policy"):
            continue
        assert actions[action_id] == before[1][action_id], key
        assert updates[action_id] == [], key
    assert actions[a["voice"]].target_date == serial_date
    assert actions[a["policy"]].lead_officer == "Someone"
    assert actions[a["voice"]].lead_officer == "DS Patel"
    assert actions[a["leaflet"]].status == "complete"
    assert actions[a["leaflet"]].completion_date is None
    assert [u.note for u in updates[a["leaflet"]]] == ["Leaflet printed"]


def test_a_change_made_in_the_app_after_export_is_a_conflict(ctx, plan, tmp_path):
    exported = tmp_path / "tracker.xlsx"
    export_tracker(ctx, exported, plan.review)
    a = plan.actions
    apply_fields(ctx, "action", a["train"], {"lead_officer": "Changed in the app"})

    def edit(ws, rows):
        _set(ws, rows[a["train"]], "Status", "At risk")
        _set(ws, rows[a["escalate"]], "Status", "Complete")
        _set(ws, rows[a["escalate"]], "Completion date", date(2026, 6, 1))

    returned = _edit(exported, tmp_path / "late.xlsx", edit)
    preview = plan_tracker_import(ctx, returned, plan.review)
    row = _rows(openpyxl.load_workbook(returned)[SHEET])[a["train"]]
    assert preview.conflicts == [
        # Only what the file changes is named: its lead officer cell was left as exported.
        TrackerConflict(SHEET, row, a["train"], ("status",))
    ]
    assert [c.action_id for c in preview.changes] == [a["escalate"]]
    assert any(line.startswith("Conflict:") for line in preview.report_lines())

    result = apply_tracker(ctx, preview)
    assert result.applied == 1 and len(result.conflicts) == 1
    actions = {x.id: x for x in list_actions(ctx)}
    assert actions[a["train"]].status == "not_started"
    assert actions[a["train"]].lead_officer == "Changed in the app"
    assert actions[a["escalate"]].status == "complete"
    assert list_updates(ctx, a["train"]) == []


def test_a_change_between_planning_and_applying_is_a_conflict_too(ctx, plan, tmp_path):
    exported = tmp_path / "tracker.xlsx"
    export_tracker(ctx, exported, plan.review)
    a = plan.actions
    returned = _edit(
        exported,
        tmp_path / "r.xlsx",
        lambda ws, rows: _set(ws, rows[a["voice"]], "Status", "At risk"),
    )
    preview = plan_tracker_import(ctx, returned, plan.review)
    assert len(preview.changes) == 1
    apply_fields(ctx, "action", a["voice"], {"evidence": "typed meanwhile"})
    result = apply_tracker(ctx, preview)
    assert result.applied == 0 and [c.action_id for c in result.conflicts] == [a["voice"]]
    assert {x.id: x for x in list_actions(ctx)}[a["voice"]].status == "not_started"


# --- refusals -----------------------------------------------------------------------------------


def test_a_pdf_renamed_xlsx_is_refused_and_nothing_changes(ctx, plan, tmp_path):
    fake = tmp_path / "tracker.xlsx"
    fake.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n%%EOF\n")
    before = _dump(ctx, [plan.review, plan.other_review])
    with pytest.raises(ImportRefused, match="PDF"):
        plan_tracker_import(ctx, fake, plan.review)
    assert _dump(ctx, [plan.review, plan.other_review]) == before


def test_a_workbook_without_an_action_id_column_is_refused(ctx, plan, tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = SHEET
    ws.append(["Action", "Lead agency", "Status", "Target date"])
    ws.append(["Train staff in sharing", "Police", "Complete", date(2026, 9, 30)])
    path = tmp_path / "not a tracker.xlsx"
    wb.save(path)
    before = _dump(ctx, [plan.review, plan.other_review])
    with pytest.raises(ImportRefused, match="Action ID"):
        plan_tracker_import(ctx, path, plan.review)
    assert _dump(ctx, [plan.review, plan.other_review]) == before


def test_an_empty_tracker_says_it_holds_no_actions(ctx, plan, tmp_path):
    wb = openpyxl.Workbook()
    wb.active.title = SHEET
    path = tmp_path / "tracker returned empty.xlsx"
    wb.save(path)
    with pytest.raises(ImportRefused) as refused:
        plan_tracker_import(ctx, path, plan.review)
    assert "holds no actions" in str(refused.value)
    assert "chronology" not in str(refused.value)


def test_a_copied_row_is_rejected_and_a_month_as_target_is_its_last_day(ctx, plan, tmp_path):
    exported = tmp_path / "tracker.xlsx"
    export_tracker(ctx, exported, plan.review)
    a = plan.actions
    placed: dict[str, int] = {}

    def edit(ws, rows):
        placed["voice"], placed["copy"], placed["leaflet"] = (
            rows[a["voice"]],
            ws.max_row + 1,
            rows[a["leaflet"]],
        )
        for c in range(1, len(HEADINGS) + 1):
            value = ws.cell(row=placed["voice"], column=c).value
            ws.cell(row=placed["copy"], column=c).value = value
        _set(ws, placed["copy"], "Status", "Complete")
        _set(ws, placed["leaflet"], "Target date", "03/2027")

    returned = _edit(exported, tmp_path / "copied.xlsx", edit)
    preview = plan_tracker_import(ctx, returned, plan.review)
    reasons = {r.row: r.reason for r in preview.rejected}
    assert set(reasons) == {placed["voice"], placed["copy"]}
    for key in ("voice", "copy"):
        assert (
            f"is on more than one row ({placed['voice']}, {placed['copy']})" in reasons[placed[key]]
        )
    # A month as a target date means by the end of that month, said in the preview.
    assert placed["leaflet"] not in reasons
    (change,) = preview.changes
    assert change.changes == (("target_date", date(2026, 10, 1), date(2027, 3, 31)),)
    assert change.remarks == (
        "the target date '03/2027' was read as the last day of that month (31/03/2027)",
    )
