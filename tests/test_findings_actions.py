"""Findings, recommendations and the action plan against a real store."""

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from app.actions import (
    add_update,
    freeze_numbers,
    link_findings,
    list_actions,
    list_recommendations,
    list_updates,
)
from app.audit_log import list_audit
from app.chronology.entries import query_entry_ids
from app.chronology.importer import import_chronology
from app.edits import apply_fields
from app.errors import NotFoundError, ValidationError
from app.findings import (
    add_evidence,
    add_finding,
    coverage,
    findings_citing_entry,
    list_findings,
    remove_evidence,
    set_lines,
)
from app.imrs import add_agency, remove_agency
from app.items import add_item, move_item, remove_item
from app.reviews import create_review, delete_review, get_review
from db.findings_models import ActionItem, FindingEvidence
from tests.support import orphan_rows
from tests.test_chronology_import import SAMPLES


@pytest.fixture
def review_id(ctx):
    return create_review(
        ctx,
        review_type="lcspr",
        reference="LCSPR-2026-20",
        title="Child M",
        lines_of_enquiry=["Information sharing?", "Voice of the child?", "Supervision?"],
    )


def _multi(ctx, review_id, text):
    return add_item(ctx, "review_recommendation", review_id, {"text": text})


def test_findings_are_numbered_in_order_and_renumbered_on_moves(ctx, review_id):
    ids = [add_finding(ctx, review_id, title) for title in ("First", "Second", "Third")]
    assert [(f.number, f.title) for f in list_findings(ctx, review_id)] == [
        (1, "First"),
        (2, "Second"),
        (3, "Third"),
    ]
    move_item(ctx, "finding", ids[2], 1)
    assert [f.title for f in list_findings(ctx, review_id)] == ["Third", "First", "Second"]
    with pytest.raises(ValidationError):
        apply_fields(ctx, "finding", ids[0], {"kind": "opinion"})
    apply_fields(
        ctx,
        "finding",
        ids[0],
        {"kind": "good_practice", "status": "agreed", "agreed_on": date(2026, 6, 1)},
    )
    first = next(f for f in list_findings(ctx, review_id) if f.id == ids[0])
    assert (first.kind_label, first.status_label) == ("Good practice", "Agreed by panel")


def test_coverage_shows_lines_nothing_answers(ctx, review_id):
    lines = get_review(ctx, review_id).lines_of_enquiry
    a = add_finding(ctx, review_id, "Agencies did not share")
    b = add_finding(ctx, review_id, "Nobody spoke to the child")
    set_lines(ctx, a, [lines[0].id])
    set_lines(ctx, b, [lines[0].id, lines[1].id])
    result = coverage(ctx, review_id)
    assert result.answered == {(lines[0].id, a), (lines[0].id, b), (lines[1].id, b)}
    assert [line[2] for line in result.unanswered] == ["Supervision?"]
    set_lines(ctx, a, [])
    assert (lines[0].id, a) not in coverage(ctx, review_id).answered


def test_lines_of_another_review_are_ignored(ctx, review_id):
    other = create_review(
        ctx, review_type="sar", reference="SAR-1", title="Mr X", lines_of_enquiry=["Elsewhere?"]
    )
    stray = get_review(ctx, other).lines_of_enquiry[0].id
    finding = add_finding(ctx, review_id, "A finding")
    set_lines(ctx, finding, [stray])
    assert list_findings(ctx, review_id)[0].line_ids == ()


def test_evidence_from_entries_episodes_and_imr_sections(ctx, review_id):
    import_chronology(ctx, review_id, "Police", SAMPLES / "police_chronology.xlsx")
    entries = query_entry_ids(ctx, review_id)[:3]
    finding = add_finding(ctx, review_id, "Domestic abuse was not linked to the child")
    assert add_evidence(ctx, finding, entry_ids=entries) == 3
    assert add_evidence(ctx, finding, entry_ids=entries[:2]) == 0  # already cited
    episode = add_item(ctx, "key_episode", review_id, {"title": "Spring 2014"})
    imr = get_review(ctx, review_id).imrs[0].imr_id
    add_evidence(ctx, finding, episode_id=episode)
    add_evidence(ctx, finding, imr_id=imr, section="analysis")
    with pytest.raises(ValidationError):
        add_evidence(ctx, finding, imr_id=imr, section="gossip")
    kinds = [e.kind for e in list_findings(ctx, review_id)[0].evidence]
    assert kinds == ["entry", "entry", "entry", "episode", "imr"]
    assert findings_citing_entry(ctx, entries[0]) == [
        (finding, 1, "Domestic abuse was not linked to the child")
    ]
    remove_evidence(ctx, list_findings(ctx, review_id)[0].evidence[0].id)
    assert findings_citing_entry(ctx, entries[0]) == []


def test_evidence_of_another_review_is_refused(ctx, review_id):
    other = create_review(ctx, review_type="dhr", reference="DHR-1", title="Ms Y")
    import_chronology(ctx, other, "Police", SAMPLES / "police_chronology.xlsx")
    foreign = query_entry_ids(ctx, other)[:2]
    finding = add_finding(ctx, review_id, "Mine")
    assert add_evidence(ctx, finding, entry_ids=foreign) == 0
    foreign_episode = add_item(ctx, "key_episode", other, {"title": "Theirs"})
    with pytest.raises(NotFoundError):
        add_evidence(ctx, finding, episode_id=foreign_episode)


def test_recommendation_numbers_and_freezing(ctx, review_id):
    police = add_agency(ctx, review_id, "Police", "police")
    health = add_agency(ctx, review_id, "Health", "health")
    add_item(ctx, "recommendation", health, {"text": "Health one"})
    add_item(ctx, "recommendation", police, {"text": "Police one"})
    a = _multi(ctx, review_id, "Board A")
    b = _multi(ctx, review_id, "Board B")
    numbers = {r.text: r.number for r in list_recommendations(ctx, review_id)}
    # Multi-agency 1..n; single-agency numbered across IMRs in the agencies' order.
    assert numbers == {"Board A": "1", "Board B": "2", "Police one": "IMR 1", "Health one": "IMR 2"}

    assert freeze_numbers(ctx, review_id) == 4
    move_item(ctx, "review_recommendation", b, 1)
    later = _multi(ctx, review_id, "Board C")
    numbers = {r.text: (r.number, r.frozen) for r in list_recommendations(ctx, review_id)}
    assert numbers["Board A"] == ("1", True) and numbers["Board B"] == ("2", True)
    assert numbers["Board C"] == ("3", False)
    assert freeze_numbers(ctx, review_id) == 1
    remove_item(ctx, "review_recommendation", a)
    assert {r.text: r.number for r in list_recommendations(ctx, review_id)}["Board C"] == "3"
    assert later


def test_warnings_never_block_and_follow_what_is_missing(ctx, review_id):
    rec = _multi(ctx, review_id, "All agencies should ...")
    [record] = list_recommendations(ctx, review_id)
    assert len(record.warnings) == 3
    apply_fields(ctx, "recommendation", rec, {"addressee": "All agencies"})
    link_findings(ctx, rec, [add_finding(ctx, review_id, "Why")])
    add_item(ctx, "action", rec, {"action": "Audit", "lead_agency": "Police"})
    assert list_recommendations(ctx, review_id)[0].warnings == []
    with pytest.raises(ValidationError, match="needs the reason"):
        apply_fields(ctx, "recommendation", rec, {"board_response": "not_accepted"})
    assert list_recommendations(ctx, review_id)[0].board_response == ""


def test_overdue_is_computed_from_the_target_date(ctx, review_id):
    rec = _multi(ctx, review_id, "Train staff")
    past = ctx.today() - timedelta(days=10)
    open_late = add_item(ctx, "action", rec, {"action": "A", "target_date": past})
    closed_late = add_item(ctx, "action", rec, {"action": "B", "target_date": past})
    apply_fields(ctx, "action", closed_late, {"status": "complete", "completion_date": past})
    future = add_item(ctx, "action", rec, {"action": "C", "target_date": ctx.today()})
    by_id = {a.id: a for a in list_actions(ctx, review_id=review_id)}
    assert (by_id[open_late].overdue, by_id[open_late].days_overdue) == (True, 10)
    assert by_id[open_late].status_label == "Overdue"
    assert not by_id[closed_late].overdue and not by_id[future].overdue
    with pytest.raises(ValidationError):
        apply_fields(ctx, "action", future, {"status": "overdue"})  # never typed
    assert [a.id for a in list_actions(ctx, overdue_only=True)] == [open_late]


def test_board_view_spans_reviews_and_filters_by_agency(ctx, review_id):
    other = create_review(ctx, review_type="sar", reference="SAR-2026-01", title="Mr R")
    for rid, agency in ((review_id, "Police"), (other, "Housing"), (other, "police")):
        rec = _multi(ctx, rid, f"For {agency}")
        add_item(ctx, "action", rec, {"action": "Act", "lead_agency": agency})
    everything = list_actions(ctx)
    assert {a.review_reference for a in everything} == {"LCSPR-2026-20", "SAR-2026-01"}
    assert len(list_actions(ctx, agency="POLICE")) == 2
    assert [a.review_reference for a in list_actions(ctx, review_id=other)] == ["SAR-2026-01"] * 2


def test_progress_updates_are_dated_and_audited(ctx, review_id):
    rec = _multi(ctx, review_id, "Improve")
    action = add_item(ctx, "action", rec, {"action": "Write guidance"})
    add_update(ctx, action, "Draft circulated", on=date(2026, 5, 1))
    add_update(ctx, action, "Agreed by the group", status="complete")
    updates = list_updates(ctx, action)
    assert [u.note for u in updates] == ["Agreed by the group", "Draft circulated"]
    assert updates[0].on == ctx.today() and updates[0].by == "Tester"
    apply_fields(ctx, "action", action, {"status": "on_track"})
    changed = [r for r in list_audit(ctx, review_id) if r.entity == "action_item"]
    assert any(r.field == "status" and r.new_value == "On track" for r in changed)


def test_deleting_a_review_or_agency_takes_findings_and_actions_with_it(ctx, review_id):
    import_chronology(ctx, review_id, "Police", SAMPLES / "police_chronology.xlsx")
    finding = add_finding(ctx, review_id, "F")
    add_evidence(ctx, finding, entry_ids=query_entry_ids(ctx, review_id)[:5])
    police = get_review(ctx, review_id).imrs[0]
    single = add_item(ctx, "recommendation", police.imr_id, {"text": "Police to ..."})
    add_item(ctx, "action", single, {"action": "Do"})
    remove_agency(ctx, police.agency_id)
    with ctx.session() as session:
        assert session.scalar(select(func.count()).select_from(FindingEvidence)) == 0
        assert session.scalar(select(func.count()).select_from(ActionItem)) == 0
    delete_review(ctx, review_id)
    assert list_findings(ctx, review_id) == []
    assert orphan_rows(ctx.store.engine) == []


def test_evidence_shows_an_entry_s_day_as_every_working_view_does(ctx, review_id, tmp_path):
    """A provider's US-dated file writes 2/1/2025 for 1 February: cited, it reads 01/02/2025,
    never as the 2 January a UK reader would take it for."""
    path = tmp_path / "provider.csv"
    path.write_text(
        "Date of Service,Staff,Progress Note\n"
        + "".join(
            f"{m}/{d}/2025,Key worker,Shift note {m}-{d}: went out and came back late.\n"
            for m, d in ((1, 19), (2, 1), (3, 28))
        )  # fmt: skip
    )
    import_chronology(ctx, review_id, "Provider", path)
    finding = add_finding(ctx, review_id, "Late returns were not followed up")
    entries = query_entry_ids(ctx, review_id)
    add_evidence(ctx, finding, entry_ids=entries)
    [record] = [f for f in list_findings(ctx, review_id) if f.id == finding]
    days = sorted(e.description.split(",")[0] for e in record.evidence)
    assert days == ["01/02/2025", "19/01/2025", "28/03/2025"]
