"""Findings, the coverage of the terms of reference, recommendations and the action plan, driven
through the window as a panel would."""

from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QMessageBox

from app.actions import list_actions, list_recommendations, list_updates
from app.chronology.importer import import_chronology
from app.edits import apply_fields
from app.findings import add_finding, get_finding, list_findings
from app.imrs import add_agency
from app.items import add_item
from app.reviews import create_review, get_review
from ui.findings_tab import NOT_ANSWERED, CiteImrDialog
from ui.recommendations_tab import OVERDUE_COL
from ui.theme import danger_colour
from ui.workspace import TAB_CHRONOLOGY, TAB_FINDINGS, TAB_RECOMMENDATIONS

SAMPLES = Path(__file__).parents[1] / "data" / "chronologies"
LINES = [
    "How were the risks of the out-of-area placement assessed?",
    "Was the pattern of missing episodes recognised?",
    "How was Child T's voice heard?",
]


@pytest.fixture
def review_id(ctx):
    review_id = create_review(ctx, review_type="lcspr", reference="LCSPR-2026-20", title="Child T")
    for text in LINES:
        add_item(ctx, "line_of_enquiry", review_id, {"text": text})
    add_agency(ctx, review_id, "Police", "police")
    add_agency(ctx, review_id, "Health", "health")
    return review_id


def _open(window, review_id, tab):
    window.refresh()
    window.select_review(review_id)
    window.workspace.tabs.setCurrentIndex(tab)
    assert window.workspace.review.id == review_id
    return window.workspace.tabs.currentWidget()


def _line_ids(window):
    return [line.id for line in window.workspace.review.lines_of_enquiry]


def _answer_questions(monkeypatch, answer=QMessageBox.StandardButton.Yes):
    asked: list[str] = []

    def question(_parent, _title, text, *args, **kwargs):
        asked.append(text)
        return answer

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    return asked


# Findings ----------------------------------------------------------------------------------
def test_add_a_finding_and_edit_it_with_the_keyboard(qtbot, window, ctx, review_id):
    tab = _open(window, review_id, TAB_FINDINGS)
    assert tab is window.workspace.findings
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    [finding] = list_findings(ctx, review_id)
    assert tab.selected_id() == finding.id
    panel = tab.panel

    panel.title.setFocus()
    panel.title.selectAll()
    qtbot.keyClicks(panel.title, "Information was not shared across the border")
    qtbot.keyClick(panel.title, Qt.Key.Key_Return)
    # Kinds are finding, learning point, good practice: two steps down is good practice.
    qtbot.keyClick(panel.kind, Qt.Key.Key_Down)
    qtbot.keyClick(panel.kind, Qt.Key.Key_Down)
    qtbot.keyClick(panel.status, Qt.Key.Key_End)
    panel.agreed_on.set_value(date(2026, 6, 10))
    qtbot.keyClicks(panel.agreed_at, "Panel meeting of 10 June 2026")
    qtbot.keyClick(panel.agreed_at, Qt.Key.Key_Return)
    panel.narrative.setFocus()
    qtbot.keyClicks(panel.narrative, "The placing authority told no one.")
    panel.narrative.commit()

    stored = get_finding(ctx, finding.id)
    assert stored.title == "Information was not shared across the border"
    assert (stored.kind, stored.status) == ("good_practice", "agreed")
    assert stored.agreed_on == date(2026, 6, 10)
    assert stored.agreed_at == "Panel meeting of 10 June 2026"
    assert stored.narrative == "The placing authority told no one."
    assert panel.heading.text() == "Good practice 1"
    shown = tab.model.index(0, 0)
    assert shown.data() == "1. Information was not shared across the border"
    assert "Good practice" in shown.data(Qt.ItemDataRole.AccessibleTextRole)

    window.editor.undo_stack.undo()
    assert get_finding(ctx, finding.id).narrative == ""
    assert panel.narrative.toPlainText() == ""


def test_move_and_remove_findings(qtbot, window, ctx, review_id, monkeypatch):
    first = add_finding(ctx, review_id, "First")
    second = add_finding(ctx, review_id, "Second")
    tab = _open(window, review_id, TAB_FINDINGS)
    tab.select_finding(second)
    assert not tab.down_button.isEnabled()
    qtbot.mouseClick(tab.up_button, Qt.MouseButton.LeftButton)
    assert [f.id for f in list_findings(ctx, review_id)] == [second, first]
    assert tab.selected_id() == second and tab.model.index(0, 0).data() == "1. Second"
    window.editor.undo_stack.undo()
    assert [f.id for f in list_findings(ctx, review_id)] == [first, second]

    asked = _answer_questions(monkeypatch, QMessageBox.StandardButton.Cancel)
    tab.select_finding(first)
    qtbot.mouseClick(tab.remove_button, Qt.MouseButton.LeftButton)
    assert len(list_findings(ctx, review_id)) == 2 and "cannot be undone" in asked[0]
    _answer_questions(monkeypatch)
    qtbot.mouseClick(tab.remove_button, Qt.MouseButton.LeftButton)
    assert [f.id for f in list_findings(ctx, review_id)] == [second]
    assert tab.model.rowCount() == 1


def test_ticking_lines_and_themes_updates_the_coverage(qtbot, window, ctx, review_id):
    placement = add_finding(ctx, review_id, "The placement was not assessed")
    missing = add_finding(ctx, review_id, "Missing episodes were not connected")
    tab = _open(window, review_id, TAB_FINDINGS)
    lines = _line_ids(window)
    coverage = tab.coverage.model
    assert coverage.rowCount() == 3 and coverage.columnCount() == 4
    assert all(coverage.index(r, 3).data() == NOT_ANSWERED for r in range(3))

    tab.select_finding(placement)
    tab.panel.lines.set_checked(lines[0])
    tab.panel.themes.set_checked("Information sharing")
    tab.select_finding(missing)
    tab.panel.lines.set_checked(lines[1])

    assert get_finding(ctx, placement).line_ids == (lines[0],)
    assert get_finding(ctx, placement).themes == ("Information sharing",)
    assert get_finding(ctx, missing).line_ids == (lines[1],)
    assert coverage.index(0, 1).data() == "✓" and coverage.index(0, 2).data() == ""
    assert coverage.index(1, 2).data() == "✓"
    assert coverage.index(0, 3).data() == "Finding 1"
    # The line nothing answers says so in words, and in the danger colour.
    unanswered = coverage.index(2, 3)
    assert unanswered.data() == NOT_ANSWERED
    assert unanswered.data(Qt.ItemDataRole.ForegroundRole) == danger_colour()
    assert "1 not answered yet" in tab.coverage.summary.text()
    assert coverage.headerData(2, Qt.Orientation.Horizontal) == "2"
    assert "Missing episodes" in coverage.headerData(
        2, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole
    )
    assert tab.panel.pages.tabText(2).endswith("(1 of 3)")

    # Clicking a tick opens that finding.
    tab.pages.setCurrentWidget(tab.coverage)
    view = tab.coverage.view
    rect = view.visualRect(coverage.index(0, 1))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert tab.pages.currentWidget() is tab.findings_page
    assert tab.selected_id() == placement


def test_a_custom_theme_joins_the_list(window, ctx, review_id, monkeypatch):
    finding = add_finding(ctx, review_id, "Fathers were not seen")
    tab = _open(window, review_id, TAB_FINDINGS)
    monkeypatch.setattr(
        QInputDialog, "getText", staticmethod(lambda *a, **k: ("Invisible fathers", True))
    )
    tab.panel.add_theme_button.click()
    assert get_finding(ctx, finding).themes == ("Invisible fathers",)
    assert "Invisible fathers" in tab.panel.themes.checked_keys()


def test_cite_an_imr_section_and_remove_the_citation(window, ctx, review_id, monkeypatch):
    finding = add_finding(ctx, review_id, "Health did not share the referral")
    tab = _open(window, review_id, TAB_FINDINGS)

    def choose(dialog):
        dialog.agency.setCurrentIndex(dialog.agency.findText("Health"))
        dialog.section.setCurrentIndex(dialog.section.findData("analysis"))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(CiteImrDialog, "exec", choose)
    tab.panel.cite_imr_button.click()
    [evidence] = get_finding(ctx, finding).evidence
    assert evidence.description == "IMR of Health: Analysis of involvement"
    assert tab.panel.evidence.item(0).text() == evidence.description

    tab.panel.evidence.setCurrentRow(0)
    tab.panel.remove_evidence_button.click()
    assert get_finding(ctx, finding).evidence == ()


# Citing from the chronology ----------------------------------------------------------------
@pytest.fixture
def imported(ctx, review_id):
    import_chronology(ctx, review_id, "Police", SAMPLES / "police_chronology.xlsx")
    return review_id


def test_cite_chronology_entries_and_jump_back_to_them(qtbot, window, ctx, imported, monkeypatch):
    add_finding(ctx, imported, "Placement risks")
    finding = add_finding(ctx, imported, "Missing episodes were not connected")
    chronology = _open(window, imported, TAB_CHRONOLOGY)
    assert not chronology.cite_button.isEnabled()
    chronology.view.selectRow(3)
    chronology.view.selectionModel().select(
        chronology.model.index(5, 0),
        QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
    )
    ids = chronology.selected_entry_ids()
    assert len(ids) == 2 and chronology.cite_button.isEnabled()

    offered: list[list[str]] = []

    def get_item(_parent, _title, _label, items, *args, **kwargs):
        offered.append(list(items))
        return items[1], True

    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(get_item))
    qtbot.mouseClick(chronology.cite_button, Qt.MouseButton.LeftButton)

    assert offered == [["1. Placement risks", "2. Missing episodes were not connected"]]
    assert [e.target_id for e in get_finding(ctx, finding).evidence] == ids
    assert "Cited 2 entries in finding 2" in window.statusBar().currentMessage()
    cited = chronology.entry_editor.cited
    assert cited.isVisibleTo(chronology.entry_editor)
    assert "Cited in findings" in cited.text()
    assert "2. Missing episodes were not connected" in cited.text()

    # Citing the same entries again adds nothing twice.
    qtbot.mouseClick(chronology.cite_button, Qt.MouseButton.LeftButton)
    assert len(get_finding(ctx, finding).evidence) == 2

    findings = window.workspace.findings
    window.workspace.tabs.setCurrentWidget(findings)
    findings.select_finding(finding)
    evidence = findings.panel.evidence
    assert evidence.count() == 2
    assert all(evidence.item(i).text().startswith("Chronology: ") for i in range(2))
    assert findings.panel.pages.tabText(0) == "Evidence (2)"

    # A filter that hides the entry is cleared so the jump can show it.
    chronology.filters.flagged.setChecked(True)
    centre = evidence.visualItemRect(evidence.item(1)).center()
    qtbot.mouseClick(evidence.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseDClick(evidence.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert window.workspace.tabs.currentWidget() is chronology
    assert chronology.current_entry_id() == ids[1]
    assert chronology.entry_editor.entry.id == ids[1]


def test_citing_needs_a_finding_first(qtbot, window, ctx, imported, messages):
    chronology = _open(window, imported, TAB_CHRONOLOGY)
    chronology.view.selectRow(0)
    qtbot.mouseClick(chronology.cite_button, Qt.MouseButton.LeftButton)
    assert any("no findings yet" in m for m in messages)


# Recommendations and the action plan -------------------------------------------------------
def test_recommendation_warnings_shrink_as_it_is_completed(
    qtbot, window, ctx, review_id, monkeypatch
):
    finding = add_finding(ctx, review_id, "Information was not shared")
    tab = _open(window, review_id, TAB_RECOMMENDATIONS)
    assert tab is window.workspace.recommendations
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    [rec] = list_recommendations(ctx, review_id)
    assert (rec.number, rec.level, rec.text) == ("1", "multi_agency", "New recommendation")
    panel = tab.panel
    assert tab.selected_id() == rec.id
    assert len(rec.warnings) == 3
    for warning in rec.warnings:
        assert warning in panel.warnings.text()
    checks = tab.model.index(0, 6)
    assert checks.data() == "3 to check"
    assert "not linked to any finding" in checks.data(Qt.ItemDataRole.ToolTipRole)
    assert checks.data(Qt.ItemDataRole.DecorationRole) is not None

    panel.text.setFocus()
    panel.text.selectAll()
    qtbot.keyClicks(panel.text, "The board to agree a cross-border protocol.")
    panel.text.commit()
    edit = panel.addressee.lineEdit()
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, "Learning and Improvement Group")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    panel.findings.set_checked(finding)
    [rec] = list_recommendations(ctx, review_id)
    assert rec.text == "The board to agree a cross-border protocol."
    assert rec.addressee == "Learning and Improvement Group"
    assert rec.finding_ids == (finding,)
    assert rec.warnings == ["It has no action in the action plan yet."]
    assert panel.warnings.text() == "⚠ It has no action in the action plan yet."

    panel.pages.setCurrentIndex(1)
    qtbot.mouseClick(panel.action_table.add_button, Qt.MouseButton.LeftButton)
    table = panel.action_table.table
    assert table.rowCount() == 1
    target = ctx.today() - timedelta(days=30)
    table.item(0, 3).setText(target.strftime("%d/%m/%Y"))
    table.item(0, 1).setText("Police")

    [action] = list_actions(ctx, review_id=review_id)
    assert action.target_date == target and action.lead_agency == "Police"
    assert action.status == "not_started"  # overdue is worked out, never stored
    assert action.overdue and action.status_label == "Overdue"
    overdue = table.item(0, OVERDUE_COL)
    assert overdue.text() == "Overdue (30 days)"
    assert overdue.foreground().color() == danger_colour()
    assert table.item(0, 4).text() == "Not started"
    assert not panel.warnings.isVisibleTo(panel)
    assert tab.model.index(0, 6).data() == ""
    assert tab.model.index(0, 5).data() == "1 · 1 overdue"
    assert panel.pages.tabText(1) == "Action plan (1, 1 overdue)"

    # Completing it ends the overdue.
    table.item(0, 4).setText("Complete")
    assert not list_actions(ctx, review_id=review_id)[0].overdue
    assert table.item(0, OVERDUE_COL).text() == ""

    table.selectRow(0)
    monkeypatch.setattr(
        QInputDialog,
        "getMultiLineText",
        staticmethod(lambda *a, **k: ("Protocol signed by both partnerships.", True)),
    )
    qtbot.mouseClick(panel.add_update_button, Qt.MouseButton.LeftButton)
    [update] = list_updates(ctx, action.id)
    assert update.note == "Protocol signed by both partnerships." and update.on == ctx.today()
    assert "Protocol signed" in panel.updates.item(0).text()

    panel.evidence.setFocus()
    qtbot.keyClicks(panel.evidence, "Three placements notified in advance since July.")
    panel.evidence.commit()
    assert list_actions(ctx, review_id=review_id)[0].evidence.startswith("Three placements")


def test_a_response_not_accepted_asks_for_a_reason(window, ctx, review_id, monkeypatch):
    import ui.recommendation_editor as editor_module

    rec_id = add_item(ctx, "review_recommendation", review_id, {"text": "Audit all plans"})
    tab = _open(window, review_id, TAB_RECOMMENDATIONS)
    tab.select_recommendation(rec_id)
    panel = tab.panel
    assert not panel.reason.isEnabled()
    # Cancelling the question leaves the response as it was: no "no" without a reason.
    monkeypatch.setattr(editor_module, "ask_reason", lambda *_a, **_k: None)
    panel.response.setCurrentIndex(panel.response.findData("not_accepted"))
    panel.response.activated.emit(panel.response.currentIndex())
    assert list_recommendations(ctx, review_id)[0].board_response == ""
    assert panel.response.currentData() == ""
    monkeypatch.setattr(
        editor_module, "ask_reason", lambda *_a, **_k: "An audit is already under way."
    )
    panel.response.setCurrentIndex(panel.response.findData("not_accepted"))
    panel.response.activated.emit(panel.response.currentIndex())
    [rec] = list_recommendations(ctx, review_id)
    assert (rec.board_response, rec.response_reason) == (
        "not_accepted",
        "An audit is already under way.",
    )
    assert panel.reason.isEnabled() and panel.reason_label.text() == "Reason (required)"
    assert not any("reason" in w for w in rec.warnings)
    assert "reason" not in panel.warnings.text()


def test_single_agency_recommendations_follow_and_move_within_their_imr(
    qtbot, window, ctx, review_id, monkeypatch
):
    police = next(i.imr_id for i in get_review(ctx, review_id).imrs if i.agency == "Police")
    multi = add_item(ctx, "review_recommendation", review_id, {"text": "All agencies to…"})
    first = add_item(ctx, "recommendation", police, {"text": "Flag children placed here"})
    second = add_item(ctx, "recommendation", police, {"text": "Train officers on the NRM"})
    tab = _open(window, review_id, TAB_RECOMMENDATIONS)
    assert [tab.model.index(r, 0).data() for r in range(3)] == ["1", "IMR 1", "IMR 2"]
    assert tab.model.index(1, 2).data() == "Police"
    assert tab.model.index(1, 3).data() == "Police"  # addressed to its own agency

    tab.select_recommendation(multi)
    assert not tab.up_button.isEnabled() and not tab.down_button.isEnabled()
    tab.select_recommendation(second)
    assert tab.up_button.isEnabled() and not tab.down_button.isEnabled()
    qtbot.mouseClick(tab.up_button, Qt.MouseButton.LeftButton)
    numbers = {r.id: r.number for r in list_recommendations(ctx, review_id)}
    assert (numbers[second], numbers[first]) == ("IMR 1", "IMR 2")
    assert tab.selected_id() == second

    _answer_questions(monkeypatch)
    qtbot.mouseClick(tab.remove_button, Qt.MouseButton.LeftButton)
    assert [r.id for r in list_recommendations(ctx, review_id)] == [multi, first]


def test_removing_an_action_asks_first(qtbot, window, ctx, review_id, monkeypatch):
    rec_id = add_item(ctx, "review_recommendation", review_id, {"text": "Audit all plans"})
    add_item(ctx, "action", rec_id, {"action": "Run the audit", "lead_agency": "Health"})
    tab = _open(window, review_id, TAB_RECOMMENDATIONS)
    tab.select_recommendation(rec_id)
    tab.panel.pages.setCurrentIndex(1)
    tab.panel.action_table.table.selectRow(0)
    asked = _answer_questions(monkeypatch)
    qtbot.mouseClick(tab.panel.action_table.remove_button, Qt.MouseButton.LeftButton)
    assert "Run the audit" in asked[0]
    assert list_actions(ctx, review_id=review_id) == []


# The board's view across reviews -----------------------------------------------------------
@pytest.fixture
def two_plans(ctx, review_id):
    other = create_review(ctx, review_type="sar", reference="SAR-2026-02", title="Mr R")
    today = ctx.today()
    late = add_item(ctx, "review_recommendation", review_id, {"text": "Share placements"})
    late_action = add_item(
        ctx,
        "action",
        late,
        {
            "action": "Agree the protocol",
            "lead_agency": "Police",
            "target_date": today - timedelta(days=12),
        },
    )
    on_time = add_item(ctx, "review_recommendation", other, {"text": "Hoarding guidance"})
    add_item(
        ctx,
        "action",
        on_time,
        {
            "action": "Write guidance",
            "lead_agency": "Health",
            "target_date": today + timedelta(days=40),
        },
    )
    done = add_item(
        ctx,
        "action",
        on_time,
        {
            "action": "Train staff",
            "lead_agency": "Health",
            "target_date": today - timedelta(days=5),
        },
    )
    apply_fields(ctx, "action", done, {"status": "complete"})
    return review_id, other, late, late_action


def test_board_view_lists_actions_across_reviews_and_filters_them(qtbot, window, ctx, two_plans):
    review_id, other, late_rec, late_action = two_plans
    window.refresh()
    window.findChild(QAction, "action_plan").trigger()
    plan = window.action_plan
    qtbot.waitExposed(plan)
    assert not plan.isModal()
    model = plan.model
    # Open only by default: the completed action is left out.
    assert model.rowCount() == 2
    assert {model.index(r, 0).data() for r in range(2)} == {"LCSPR-2026-20", "SAR-2026-02"}
    late_row = next(r for r in range(2) if model.rows[r].id == late_action)
    assert model.index(late_row, 6).data() == "Overdue"
    assert model.index(late_row, 7).data() == "12 days"
    assert model.index(late_row, 6).data(Qt.ItemDataRole.ForegroundRole) == danger_colour()
    summary = plan.summary.text()
    assert "<b>2</b> open actions" in summary and "1 overdue" in summary
    assert "Police 1" in summary and "Health 1" in summary

    plan.overdue_only.setChecked(True)
    assert model.rowCount() == 1 and model.rows[0].id == late_action
    plan.overdue_only.setChecked(False)
    plan.open_only.setChecked(False)
    assert model.rowCount() == 3
    agencies = [plan.agency.itemText(i) for i in range(plan.agency.count())]
    assert agencies == ["All agencies", "Health", "Police"]
    plan.agency.setCurrentIndex(plan.agency.findText("Health"))
    plan.agency.activated.emit(plan.agency.currentIndex())
    assert model.rowCount() == 2
    plan.agency.setCurrentIndex(0)
    plan.review.setCurrentIndex(plan.review.findData(review_id))
    plan.review.activated.emit(plan.review.currentIndex())
    assert [a.id for a in model.rows] == [late_action]

    # Double-click opens the action in its review.
    index = plan.proxy.index(0, 3)
    plan.view.doubleClicked.emit(index)
    assert window.workspace.review.id == review_id
    recs = window.workspace.recommendations
    assert window.workspace.tabs.currentWidget() is recs
    assert recs.selected_id() == late_rec
    assert recs.panel.action_table.selected_id() == late_action

    # The window follows changes made in the main window.
    apply_fields_via_editor = window.editor.edit
    apply_fields_via_editor("action", late_action, {"status": "complete"}, "Complete")
    assert model.rowCount() == 1  # still listed (closed) only when open-only is off
    plan.open_only.setChecked(True)
    assert model.rowCount() == 0


def test_board_view_exports_the_tracker(qtbot, window, ctx, two_plans, tmp_path, monkeypatch):
    target = tmp_path / "tracker.xlsx"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    told: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "information", staticmethod(lambda _p, _t, text, *a, **k: told.append(text))
    )
    plan = window.show_action_plan()
    plan.export_button.click()
    qtbot.waitUntil(lambda: bool(told), timeout=10000)
    assert target.exists() and str(target) in told[0]


# Models ------------------------------------------------------------------------------------
def test_models_pass_the_model_tester(qtmodeltester, window, ctx, review_id, two_plans):
    finding = add_finding(ctx, review_id, "Placement risks")
    add_finding(ctx, review_id, "Good record keeping", "good_practice")
    tab = _open(window, review_id, TAB_FINDINGS)
    tab.select_finding(finding)
    tab.panel.lines.set_checked(_line_ids(window)[0])
    qtmodeltester.check(tab.coverage.model)
    qtmodeltester.check(tab.model)
    qtmodeltester.check(window.workspace.recommendations.model)
    plan = window.show_action_plan()
    plan.open_only.setChecked(False)
    qtmodeltester.check(plan.model)
    qtmodeltester.check(plan.proxy)
