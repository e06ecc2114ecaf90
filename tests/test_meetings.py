"""Panel meetings through the services, on a real temporary store."""

from datetime import date, timedelta

import pytest

from app.errors import NotFoundError, ValidationError
from app.findings import add_finding, get_finding
from app.imrs import add_agency, get_imr, set_imr_status
from app.items import add_item, remove_item
from app.meetings import (
    add_agenda_item,
    add_task,
    add_tasks_to_agenda,
    agree_finding,
    complete_task,
    create_meeting,
    find_meeting_id,
    imr_decision,
    list_meetings,
    list_tasks,
    meeting_detail,
    record_decision,
)
from app.reviews import create_review, delete_review, get_review
from tests.conftest import TODAY


@pytest.fixture
def review_id(ctx):
    rid = create_review(ctx, review_type="lcspr", reference="T-1", title="Child Q")
    for name, org in (("Margaret Ellison", "Independent chair"), ("Siobhán Kavanagh", "Police")):
        add_item(ctx, "panel_member", rid, {"name": name, "role": "member", "organisation": org})
    return rid


def _received_imr(ctx, review_id):
    add_agency(ctx, review_id, "Marchshire Police", "police")
    imr_id = get_review(ctx, review_id).imrs[0].imr_id
    set_imr_status(ctx, imr_id, "requested", on=TODAY - timedelta(days=60))
    set_imr_status(ctx, imr_id, "received", on=TODAY - timedelta(days=20))
    return imr_id


def test_create_meeting_lists_the_panel_as_expected(ctx, review_id):
    meeting = create_meeting(ctx, review_id, TODAY, time="10:00", place="Room 2")
    detail = meeting_detail(ctx, meeting)
    assert [a.name for a in detail.attendees] == ["Margaret Ellison", "Siobhán Kavanagh"]
    assert [a.role for a in detail.attendees] == ["Independent chair", "Police"]
    assert {a.attendance_label for a in detail.attendees} == {"Expected"}
    assert detail.meeting.label == "Panel meeting of 15 June 2026"
    assert detail.meeting.number == 1
    with pytest.raises(ValidationError):
        create_meeting(ctx, review_id, "2026-06-15")


def test_agenda_references_resolve_to_labels(ctx, review_id):
    imr_id = _received_imr(ctx, review_id)
    finding = add_finding(ctx, review_id, "Nobody asked who else lived there")
    meeting = create_meeting(ctx, review_id, TODAY)
    add_agenda_item(ctx, meeting, "General item")
    add_agenda_item(ctx, meeting, "The police IMR", ref_kind="imr", ref_id=imr_id)
    add_agenda_item(ctx, meeting, "A finding", ref_kind="finding", ref_id=finding)
    add_agenda_item(
        ctx,
        meeting,
        "Chronology",
        ref_kind="chronology",
        ref_from=date(2025, 1, 1),
        ref_to=date(2025, 3, 31),
    )
    labels = [i.ref_label for i in meeting_detail(ctx, meeting).items]
    assert labels == [
        "",
        "IMR of Marchshire Police",
        "Finding: Nobody asked who else lived there",
        "Chronology from 01/01/2025 to 31/03/2025",
    ]


def test_agree_finding_marks_it_agreed_and_records_a_decision(ctx, review_id):
    finding = add_finding(ctx, review_id, "Nobody asked who else lived there")
    held_on = TODAY - timedelta(days=3)
    meeting = create_meeting(ctx, review_id, held_on)
    item = add_agenda_item(ctx, meeting, "Findings", ref_kind="finding", ref_id=finding)
    agree_finding(ctx, item, finding)
    record = get_finding(ctx, finding)
    assert record.status == "agreed"
    assert record.agreed_on == held_on
    assert record.agreed_at == "Panel meeting of 12 June 2026"
    decisions = meeting_detail(ctx, meeting).items[0].decisions
    assert [(d.kind, d.text) for d in decisions] == [
        ("finding_agreed", "Finding agreed by the panel: Nobody asked who else lived there")
    ]


def test_agree_finding_refuses_another_reviews_finding(ctx, review_id):
    other = create_review(ctx, review_type="lcspr", reference="T-2", title="Other")
    finding = add_finding(ctx, other, "Elsewhere")
    item = add_agenda_item(ctx, create_meeting(ctx, review_id, TODAY), "Findings")
    with pytest.raises(NotFoundError):
        agree_finding(ctx, item, finding)


def test_imr_decision_moves_the_imr_along(ctx, review_id):
    imr_id = _received_imr(ctx, review_id)
    meeting = create_meeting(ctx, review_id, TODAY - timedelta(days=2))
    item = add_agenda_item(ctx, meeting, "IMR", ref_kind="imr", ref_id=imr_id)
    imr_decision(ctx, item, imr_id, "under_challenge")
    assert get_imr(ctx, imr_id).summary.status == "under_challenge"
    imr_decision(ctx, item, imr_id, "accepted")
    summary = get_imr(ctx, imr_id).summary
    assert summary.status == "accepted"
    assert summary.date_accepted == TODAY - timedelta(days=2)
    kinds = [d.kind for d in meeting_detail(ctx, meeting).items[0].decisions]
    assert kinds == ["imr_under_challenge", "imr_accepted"]
    with pytest.raises(ValidationError):
        imr_decision(ctx, item, imr_id, "requested")


def test_imr_decision_refuses_an_imr_not_yet_received(ctx, review_id):
    add_agency(ctx, review_id, "Housing", "housing")
    imr_id = get_review(ctx, review_id).imrs[0].imr_id
    item = add_agenda_item(ctx, create_meeting(ctx, review_id, TODAY), "IMR")
    with pytest.raises(ValidationError):
        imr_decision(ctx, item, imr_id, "accepted")
    assert get_imr(ctx, imr_id).summary.status == "not_requested"
    assert meeting_detail(ctx, _meeting_of(ctx, review_id)).items[0].decisions == ()


def _meeting_of(ctx, review_id):
    return list_meetings(ctx, review_id)[0].id


def test_tasks_overdue_completion_and_agenda(ctx, review_id):
    meeting = create_meeting(ctx, review_id, TODAY - timedelta(days=10))
    item = add_agenda_item(ctx, meeting, "Chronology")
    late = add_task(ctx, review_id, "Chase", owner="Łukasz", due=TODAY - timedelta(days=4))
    one = add_task(ctx, review_id, "One day", due=TODAY - timedelta(days=1), item_id=item)
    later = add_task(ctx, review_id, "Later", due=TODAY + timedelta(days=4))
    done = add_task(ctx, review_id, "Done", due=TODAY - timedelta(days=9), meeting_id=meeting)
    complete_task(ctx, done, on=TODAY - timedelta(days=8))

    tasks = {t.id: t for t in list_tasks(ctx, review_id)}
    assert tasks[late].days_overdue == 4 and tasks[late].status_label == "Overdue by 4 days"
    assert tasks[one].status_label == "Overdue by 1 day"
    assert tasks[later].days_overdue == 0 and tasks[later].status_label == "Open"
    assert tasks[done].status == "done" and tasks[done].days_overdue == 0
    assert tasks[done].done_on == TODAY - timedelta(days=8)
    assert tasks[done].status_label == "Done"
    assert [t.id for t in list_tasks(ctx, review_id, open_only=True)] == [late, one, later]
    assert [t.id for t in meeting_detail(ctx, meeting).items[0].tasks] == [one]

    upcoming = create_meeting(ctx, review_id, TODAY + timedelta(days=10))
    added = add_tasks_to_agenda(ctx, upcoming, [late, done, later])
    assert len(added) == 2
    items = meeting_detail(ctx, upcoming).items
    assert [i.title for i in items] == ["Action: Chase (Łukasz)", "Action: Later"]
    assert [i.ref_label for i in items] == ["Panel task: Chase", "Panel task: Later"]


def test_find_meeting_id_by_number_and_date(ctx, review_id):
    later = create_meeting(ctx, review_id, date(2026, 5, 20))
    earlier = create_meeting(ctx, review_id, date(2026, 3, 12))
    assert [m.number for m in list_meetings(ctx, review_id)] == [1, 2]
    assert find_meeting_id(ctx, review_id, 1) == earlier
    assert find_meeting_id(ctx, review_id, "2") == later
    assert find_meeting_id(ctx, review_id, "2026-05-20") == later
    assert meeting_detail(ctx, later).meeting.number == 2
    with pytest.raises(NotFoundError, match="no meeting '3'"):
        find_meeting_id(ctx, review_id, "3")


def test_record_decision_needs_text(ctx, review_id):
    item = add_agenda_item(ctx, create_meeting(ctx, review_id, TODAY), "Any other business")
    with pytest.raises(ValidationError):
        record_decision(ctx, item, "   ")


def test_deleting_a_review_removes_its_meetings(ctx, review_id):
    meeting = create_meeting(ctx, review_id, TODAY)
    item = add_agenda_item(ctx, meeting, "Item")
    record_decision(ctx, item, "Agreed")
    add_task(ctx, review_id, "Task", meeting_id=meeting, item_id=item)
    delete_review(ctx, review_id)
    with pytest.raises(NotFoundError):
        meeting_detail(ctx, meeting)
    assert list_meetings(ctx, review_id) == []
    assert list_tasks(ctx, review_id) == []


def test_removing_a_panel_member_keeps_the_name_in_past_meetings(ctx, review_id):
    meeting = create_meeting(ctx, review_id, TODAY - timedelta(days=7))
    member = get_review(ctx, review_id).panel[1].id
    remove_item(ctx, "panel_member", member)
    names = [a.name for a in meeting_detail(ctx, meeting).attendees]
    assert names == ["Margaret Ellison", "Siobhán Kavanagh"]
    later = create_meeting(ctx, review_id, TODAY + timedelta(days=7))
    assert [a.name for a in meeting_detail(ctx, later).attendees] == ["Margaret Ellison"]
