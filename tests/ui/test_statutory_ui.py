"""The review's checklist of national steps, and "not accepted" asked with its reason."""

from datetime import date

from app.actions import list_actions
from app.items import add_item
from app.review_corpus import load_reviews
from app.reviews import create_review
from app.timetable import checklist, conversions
from ui.theme import danger_colour
from ui.workspace import TAB_DETAILS, TAB_RECOMMENDATIONS


def _open(window, review_id, tab):
    window.refresh()
    window.select_review(review_id)
    window.workspace.tabs.setCurrentIndex(tab)
    return window.workspace.tabs.currentWidget()


def test_checklist_shows_overdue_steps_and_records_them_done(window, ctx):
    rid = create_review(
        ctx, review_type="rapid", reference="RR-1", title="Child Y", aware_date=date(2026, 6, 1)
    )
    local = create_review(ctx, review_type="lcspr", reference="L-1", title="Child Y")
    panel = _open(window, rid, TAB_DETAILS).checklist
    table = panel.table
    assert table.item(0, 0).text().startswith("Notify the Child Safeguarding Practice Review")
    assert table.item(0, 2).text() == "08/06/2026"
    assert table.item(0, 4).text().startswith("Overdue by")
    assert table.item(0, 4).foreground().color() == danger_colour()
    assert "Children Act 2004, section 16C" in table.item(0, 0).toolTip()
    table.selectRow(0)
    panel.mark_selected_done(date(2026, 6, 5))
    panel = window.workspace.details.checklist
    assert panel.table.item(0, 4).text() == "Done"
    assert checklist(ctx, rid)[0].done_on == date(2026, 6, 5)
    # The rapid review became a local review.
    panel.converted.setCurrentIndex(panel.converted.findData(local))
    panel.converted.activated.emit(panel.converted.currentIndex())
    assert conversions(ctx) == {rid: local}
    # The review as a whole is coded with themes.
    panel = window.workspace.details.checklist
    row = next(i for i in range(panel.themes.count()) if panel.themes.item(i).text() == "Neglect")
    from PySide6.QtCore import Qt

    panel.themes.item(row).setCheckState(Qt.CheckState.Checked)
    assert load_reviews(ctx, [rid])[0].themes == ("Neglect",)


def test_an_action_not_accepted_is_saved_with_its_reason(window, ctx, monkeypatch):
    import ui.action_plan_page as page_module

    rid = create_review(ctx, review_type="lcspr", reference="L-2", title="Child X")
    rec = add_item(ctx, "review_recommendation", rid, {"text": "Audit plans"})
    add_item(ctx, "action", rec, {"action": "Run the audit", "lead_agency": "Health"})
    tab = _open(window, rid, TAB_RECOMMENDATIONS)
    tab.select_recommendation(rec)
    tab.panel.pages.setCurrentIndex(1)
    monkeypatch.setattr(page_module, "ask_reason", lambda *_a, **_k: None)
    tab.panel.action_table.table.item(0, 4).setText("Not accepted")
    assert list_actions(ctx, review_id=rid)[0].status == "not_started"
    monkeypatch.setattr(page_module, "ask_reason", lambda *_a, **_k: "Already in the plan")
    window.workspace.recommendations.panel.action_table.table.item(0, 4).setText("Not accepted")
    [action] = list_actions(ctx, review_id=rid)
    assert (action.status, action.not_accepted_reason) == ("not_accepted", "Already in the plan")
