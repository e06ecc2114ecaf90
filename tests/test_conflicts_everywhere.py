"""Every screen's edits are checked against what the screen showed: the record the services
hand the window is the ``seen`` of its edit, so another person's change since is shown, never
silently overwritten. Runs on both engines (tests/conftest.py)."""

from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest

from app.actions import get_action, link_findings, list_recommendations
from app.chronology.entries import add_entry, edit_entry, get_entry
from app.chronology.episodes import list_episodes
from app.conflicts import EditConflict, same, seen_of
from app.context import AppContext
from app.documents import ensure_report, get_report
from app.edits import FIELDS, apply_fields
from app.errors import NotFoundError
from app.findings import add_finding, get_finding, list_findings, set_lines, set_themes
from app.imrs import add_agency, get_imr, set_imr_status
from app.items import add_item, remove_item
from app.meetings import add_agenda_item, add_task, create_meeting, list_tasks, meeting_detail
from app.publishing.people import add_person, list_people, update_person
from app.review_corpus import load_reviews, set_review_themes
from app.reviews import create_review, get_review
from db.models import Imr
from db.store import open_store
from tests.conftest import TODAY


@pytest.fixture
def other(store):
    """A second person on the same store (their own connection on a shared one)."""
    if not store.shared:
        yield AppContext(store, "Sam Author", today_override=TODAY)
        return
    second = open_store(store.address)
    yield AppContext(second, "Sam Author", today_override=TODAY)
    second.close()


@dataclass
class Case:
    """One screen's edit: the record it shows, the field it changes, a value for each person."""

    kind: str
    shown: Any  # fn(ctx, ids) -> the record the screen displays
    field: str
    theirs: Any
    mine: Any


def _imr_id(ctx, review_id):
    with ctx.session() as session:
        return session.query(Imr.id).join(Imr.agency).filter_by(review_id=review_id).scalar()


@pytest.fixture
def ids(ctx):
    review = create_review(ctx, review_type="lcspr", reference="ALL-1", title="Child E")
    add_agency(ctx, review, "Police", "police")
    imr = _imr_id(ctx, review)
    agency_id = get_imr(ctx, imr).summary.agency_id
    meeting = create_meeting(ctx, review, date(2026, 6, 1))
    report = ensure_report(ctx, review, "overview")
    recommendation = add_item(ctx, "review_recommendation", review, {"text": "Train staff"})
    return {
        "review": review,
        "imr": imr,
        "line_of_enquiry": add_item(ctx, "line_of_enquiry", review, {"text": "Was Child E heard?"}),
        "panel_member": add_item(ctx, "panel_member", review, {"name": "Chair", "role": "chair"}),
        "challenge": add_item(ctx, "challenge", imr, {"question": "Why no referral?"}),
        "recommendation": recommendation,
        "finding": add_finding(ctx, review, "Risk was not shared"),
        "meeting": meeting,
        "agenda_item": add_agenda_item(ctx, meeting, "Findings"),
        "attendee": add_item(ctx, "attendee", meeting, {"name": "Author"}),
        "panel_task": add_task(ctx, review, "Ask health for records"),
        "key_episode": add_item(ctx, "key_episode", review, {"title": "Missing episodes"}),
        "report_section": get_report(ctx, report).sections[0].id,
        "chronology_entry": add_entry(ctx, review, agency_id, {"date": "01/02/2024"}),
        "action": add_item(ctx, "action", recommendation, {"action": "Run training"}),
    }


def _one(records, item_id):
    return next(r for r in records if r.id == item_id)


CASES = [
    Case("review", lambda c, i: get_review(c, i["review"]), "title", "Theirs", "Mine"),
    Case(
        "line_of_enquiry",
        lambda c, i: _one(get_review(c, i["review"]).lines_of_enquiry, i["line_of_enquiry"]),
        "text",
        "Was Child E's voice heard?",
        "How was Child E heard?",
    ),
    Case(
        "panel_member",
        lambda c, i: _one(get_review(c, i["review"]).panel, i["panel_member"]),
        "organisation",
        "Health",
        "Police",
    ),
    Case("imr", lambda c, i: get_imr(c, i["imr"]), "analysis", "Their analysis", "My analysis"),
    Case("imr", lambda c, i: get_imr(c, i["imr"]), "author_name", "A. Theirs", "A. Mine"),
    Case(
        "challenge",
        lambda c, i: _one(get_imr(c, i["imr"]).challenges, i["challenge"]),
        "answer",
        "Their answer",
        "My answer",
    ),
    Case(
        "recommendation",
        lambda c, i: _one(list_recommendations(c, i["review"]), i["recommendation"]),
        "addressee",
        "The board",
        "Every agency",
    ),
    Case(
        "finding",
        lambda c, i: _one(list_findings(c, i["review"]), i["finding"]),
        "narrative",
        "Their narrative",
        "My narrative",
    ),
    Case(
        "meeting", lambda c, i: meeting_detail(c, i["meeting"]).meeting, "place", "Room 1", "Hall"
    ),
    Case(
        "agenda_item",
        lambda c, i: _one(meeting_detail(c, i["meeting"]).items, i["agenda_item"]),
        "notes",
        "Their notes",
        "My notes",
    ),
    Case(
        "attendee",
        lambda c, i: _one(meeting_detail(c, i["meeting"]).attendees, i["attendee"]),
        "role",
        "Chair",
        "Author",
    ),
    Case(
        "panel_task",
        lambda c, i: _one(list_tasks(c, i["review"]), i["panel_task"]),
        "owner",
        "Sam",
        "Alex",
    ),
    Case(
        "key_episode",
        lambda c, i: _one(list_episodes(c, i["review"]), i["key_episode"]),
        "summary",
        "Their summary",
        "My summary",
    ),
    Case(
        "report_section",
        lambda c, i: _one(
            get_report(c, ensure_report(c, i["review"], "overview")).sections,
            i["report_section"],
        ),
        "text",
        "Their words",
        "My words",
    ),
    Case("action", lambda c, i: get_action(c, i["action"]), "lead_officer", "Sam", "Alex"),
    Case(
        "chronology_entry",
        lambda c, i: get_entry(c, i["chronology_entry"]),
        "event",
        "Their event",
        "My event",
    ),
]


def test_every_kind_of_editable_thing_has_a_screen_case():
    # Agencies are named when added (and removed whole); nothing edits them in place.
    assert {c.kind for c in CASES} == set(FIELDS) - {"agency"}


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c.kind}.{c.field}")
def test_each_screens_edit_meets_the_other_change_with_both_values(ctx, other, ids, case):
    shown = case.shown(ctx, ids)  # what the window shows this person
    seen = seen_of(shown)
    assert case.field in seen, f"the {case.kind} record shown does not carry {case.field}"
    apply_fields(other, case.kind, ids[case.kind], {case.field: case.theirs})
    with pytest.raises(EditConflict) as caught:
        apply_fields(ctx, case.kind, ids[case.kind], {case.field: case.mine}, seen=seen)
    conflict = caught.value
    assert conflict.theirs == {case.field: case.theirs}
    assert conflict.yours == {case.field: case.mine}
    assert conflict.conflicts[0].changed_by == "Sam Author"
    assert conflict.conflicts[0].label == FIELDS[case.kind][1][case.field][2]
    # Choosing "save mine over it" starts from theirs, knowingly.
    apply_fields(ctx, case.kind, ids[case.kind], {case.field: case.mine}, seen=conflict.theirs)
    assert seen_of(case.shown(other, ids))[case.field] == case.mine


# Things removed one by one (reviews, IMRs, meetings go with everything in them).
WHOLE = ("review", "imr", "meeting", "chronology_entry", "panel_task")
ITEMS = [c for c in CASES if c.kind not in WHOLE]


@pytest.mark.parametrize("case", ITEMS, ids=lambda c: f"{c.kind}.{c.field}")
def test_a_row_removed_meanwhile_gets_a_plain_message(ctx, other, ids, case):
    seen = seen_of(case.shown(ctx, ids))
    item_kind = "review_recommendation" if case.kind == "recommendation" else case.kind
    remove_item(other, item_kind, ids[case.kind])
    with pytest.raises(NotFoundError, match="no longer exists: someone else may have removed it"):
        apply_fields(ctx, case.kind, ids[case.kind], {case.field: case.mine}, seen=seen)


def test_an_entrys_new_date_conflicts_once_on_the_date_as_typed(ctx, other, ids):
    entry = ids["chronology_entry"]
    seen = seen_of(get_entry(ctx, entry))
    edit_entry(other, entry, {"date": "03/02/2024"})
    with pytest.raises(EditConflict) as caught:
        edit_entry(ctx, entry, {"date": "March 2024"}, seen=seen)
    # The parts worked out from the date (first and last day, order) are not asked again.
    assert [c.field for c in caught.value.conflicts] == ["date_text"]
    assert caught.value.theirs == {"date_text": "03/02/2024"}
    edit_entry(ctx, entry, {"date": "March 2024"}, seen=caught.value.theirs)
    assert get_entry(other, entry).date_start == date(2024, 3, 1)


def test_an_imr_status_change_meets_a_status_changed_meanwhile(ctx, other, ids):
    imr = ids["imr"]
    seen = seen_of(get_imr(ctx, imr))
    set_imr_status(other, imr, "requested")
    with pytest.raises(EditConflict) as caught:
        set_imr_status(ctx, imr, "not_required", seen=seen)
    assert caught.value.theirs == {"status": "requested"}
    assert get_imr(ctx, imr).summary.status == "requested"


def test_the_people_register_meets_a_change_made_meanwhile(ctx, other, ids):
    add_person(ctx, ids["review"], name="Kerry Marsh", descriptor="Mother", variants=["Kez"])
    [shown] = list_people(ctx, ids["review"])
    update_person(other, shown.id, variants=["Kez", "Kezza"])
    with pytest.raises(EditConflict) as caught:
        update_person(ctx, shown.id, seen=seen_of(shown), variants=["Kez", "K."])
    assert caught.value.conflicts[0].label == "other names"
    assert caught.value.conflicts[0].changed_by == "Sam Author"
    # Their change to another field is no conflict; nor is the same value.
    update_person(ctx, shown.id, seen=seen_of(shown), role="mother")
    change = update_person(
        ctx, shown.id, seen=caught.value.theirs, variants=["Kez", "K."], descriptor="Mum"
    )
    assert change.before["descriptor"] == "Mother" and change.after["descriptor"] == "Mum"
    [now] = list_people(other, ids["review"])
    assert (now.variants, now.role, now.descriptor) == (("Kez", "K."), "mother", "Mum")


def test_an_empty_text_is_the_same_as_nothing():
    assert same(None, "") and same("", None) and same(None, None)
    assert not same(None, "x") and not same(0, None) and not same(False, None)


def test_ticks_by_two_people_both_land(ctx, other, ids):
    """Themes, lines and linked findings are sets of ticks: each person's ticks and unticks
    apply to what is stored, so neither undoes the other's."""
    finding = ids["finding"]
    set_themes(ctx, finding, ["Information sharing", "Voice of the child"])
    shown = get_finding(ctx, finding).themes  # what my window shows
    set_themes(other, finding, [*get_finding(other, finding).themes, "Neglect"])
    # I untick "Voice of the child" and tick "Housing", from what I saw.
    set_themes(ctx, finding, ["Information sharing", "Housing"], seen=shown)
    assert set(get_finding(other, finding).themes) == {"Information sharing", "Housing", "Neglect"}

    line = ids["line_of_enquiry"]
    second = add_item(ctx, "line_of_enquiry", ids["review"], {"text": "Was risk shared?"})
    set_lines(other, finding, [line])
    set_lines(ctx, finding, [second], seen=[])
    assert set(get_finding(ctx, finding).line_ids) == {line, second}

    rec, other_finding = ids["recommendation"], add_finding(ctx, ids["review"], "Late referral")
    link_findings(other, rec, [finding])
    link_findings(ctx, rec, [other_finding], seen=[])
    [shown_rec] = [r for r in list_recommendations(ctx, ids["review"]) if r.id == rec]
    assert set(shown_rec.finding_ids) == {finding, other_finding}

    set_review_themes(other, ids["review"], ["Neglect"])
    set_review_themes(ctx, ids["review"], ["Housing"], seen=[])
    themes = {t for r in load_reviews(ctx) if r.id == ids["review"] for t in r.themes}
    assert themes == {"Neglect", "Housing"}
