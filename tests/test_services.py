"""The services in app/: reviews, timescales, edits, the IMR workflow, items, documents, audit."""

import hashlib
import random
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import event, inspect, text

from app.audit_log import list_audit
from app.context import AppContext
from app.edits import apply_fields
from app.errors import NotFoundError, UserError, ValidationError
from app.imrs import (
    add_agency,
    attach_document,
    find_agency,
    get_imr,
    remove_agency,
    save_attachment,
    set_imr_status,
)
from app.items import add_item, count_items, move_item, remove_item, restore_item
from app.reviews import create_review, delete_review, find_review_id, get_review, list_reviews
from app.vocab import IMR_STATUSES, IMR_TRANSITIONS, REVIEW_STATUSES, REVIEW_TYPES
from db.models import Attachment, Recommendation
from db.store import verify
from tests.conftest import TODAY
from tests.support import months_later

REFERENCE = "LCSPR-2026-01"


@pytest.fixture
def review_id(ctx):
    return create_review(ctx, review_type="lcspr", reference=REFERENCE, title="Child A")


@pytest.fixture
def imr_id(ctx, review_id):
    return add_agency(ctx, review_id, "North Wales Police", "police")


def on_day(store, day: date) -> AppContext:
    return AppContext(store, "Panel chair", today_override=day)


def count_rows(store, table: str, where: str = "1 = 1", **params) -> int:
    with store.engine.connect() as conn:
        return conn.execute(text(f"SELECT count(*) FROM {table} WHERE {where}"), params).scalar()


def audit_count(store) -> int:
    return count_rows(store, "audit_event")


# --- timescales -------------------------------------------------------------------------------

# England and Wales bank holidays 2022-2024 (gov.uk), written out here as the test's own record.
BANK_HOLIDAYS = frozenset(
    date.fromisoformat(d)
    for d in (
        "2022-01-03 2022-04-15 2022-04-18 2022-05-02 2022-06-02 2022-06-03 2022-08-29 "
        "2022-09-19 2022-12-26 2022-12-27 "
        "2023-01-02 2023-04-07 2023-04-10 2023-05-01 2023-05-08 2023-05-29 2023-08-28 "
        "2023-12-25 2023-12-26 "
        "2024-01-01 2024-03-29 2024-04-01 2024-05-06 2024-05-27 2024-08-26 2024-12-25 2024-12-26"
    ).split()
)


def working_days_after(start: date, count: int, holidays=BANK_HOLIDAYS) -> date:
    day = start
    while count:
        day += timedelta(days=1)
        if day.weekday() < 5 and day not in holidays:
            count -= 1
    return day


NOTIFICATIONS_NEAR_BANK_HOLIDAYS = {
    "platinum jubilee 2022": date(2022, 5, 25),
    "state funeral 2022": date(2022, 9, 12),
    "christmas 2022": date(2022, 12, 15),
    "easter 2023": date(2023, 3, 31),
    "coronation 2023": date(2023, 4, 25),
    "easter 2024": date(2024, 3, 20),
}


@pytest.mark.parametrize(
    "notified",
    NOTIFICATIONS_NEAR_BANK_HOLIDAYS.values(),
    ids=NOTIFICATIONS_NEAR_BANK_HOLIDAYS.keys(),
)
def test_rapid_review_target_is_15_working_days_after_notification(ctx, notified):
    expected = working_days_after(notified, 15)
    assert expected != working_days_after(notified, 15, holidays=()), "no bank holiday in range"
    rid = create_review(
        ctx, review_type="rapid", reference="RR-1", title="Rapid", notification_date=notified
    )
    assert get_review(ctx, rid).target_date == expected


def test_national_panel_notification_is_due_5_working_days_after_becoming_aware(ctx):
    """Working Together 2023, chapter 5: counted from becoming aware, not from the incident."""
    incident = date(2023, 4, 20)
    aware = date(2023, 5, 3)  # the coronation bank holiday falls within the five days
    rid = create_review(
        ctx,
        review_type="rapid",
        reference="RR-2",
        title="R",
        incident_date=incident,
        aware_date=aware,
    )
    assert get_review(ctx, rid).notification_due == working_days_after(aware, 5)
    only_incident = create_review(
        ctx, review_type="rapid", reference="RR-3", title="R", incident_date=incident
    )
    assert get_review(ctx, only_incident).notification_due is None


@pytest.mark.parametrize(
    "decided",
    [date(2023, 8, 31), date(2024, 8, 31), date(2024, 3, 31), date(2024, 1, 15), date(2025, 7, 1)],
    ids=str,
)
@pytest.mark.parametrize("review_type", ["lcspr", "dhr"])
def test_six_month_target_counts_calendar_months_clamped_to_month_end(ctx, review_type, decided):
    rid = create_review(
        ctx, review_type=review_type, reference="M-1", title="Six months", decision_date=decided
    )
    assert get_review(ctx, rid).target_date == months_later(decided, 6)


@pytest.mark.parametrize("review_type", REVIEW_TYPES)
def test_a_target_override_wins(ctx, review_type):
    override = date(2027, 1, 29)
    rid = create_review(
        ctx,
        review_type=review_type,
        reference="OV-1",
        title="Overridden",
        decision_date=date(2026, 1, 5),
        notification_date=date(2026, 1, 5),
        target_override=override,
    )
    assert get_review(ctx, rid).target_date == override


@pytest.mark.parametrize("review_type", ["audit", "learning"])
def test_local_review_types_have_no_target_unless_overridden(ctx, review_type):
    rid = create_review(
        ctx,
        review_type=review_type,
        reference="LOC-1",
        title="Local",
        decision_date=date(2026, 1, 5),
        notification_date=date(2026, 1, 5),
    )
    assert get_review(ctx, rid).target_date is None
    apply_fields(ctx, "review", rid, {"target_override": date(2026, 9, 30)})
    assert get_review(ctx, rid).target_date == date(2026, 9, 30)


# --- creating and finding reviews --------------------------------------------------------------


def test_duplicate_reference_is_refused_by_name(ctx, review_id):
    with pytest.raises(ValidationError, match=REFERENCE):
        create_review(ctx, review_type="sar", reference=REFERENCE, title="Someone else")
    assert [r.id for r in list_reviews(ctx)] == [review_id]


@pytest.mark.parametrize(
    "changes",
    [
        {"title": ""},
        {"title": "   "},
        {"reference": " "},
        {"reference": "R" * 61},
        {"review_type": "inquest"},
        {"colour": "red"},
        {"decision_date": "31/08/2023"},
    ],
    ids=["empty title", "blank title", "blank ref", "long ref", "bad type", "unknown", "text date"],
)
def test_invalid_new_review_is_refused_and_nothing_is_stored(ctx, store, changes):
    values = {"review_type": "lcspr", "reference": "NEW-1", "title": "Valid"} | changes
    with pytest.raises(ValidationError):
        create_review(ctx, **values)
    assert count_rows(store, "review") == 0
    assert audit_count(store) == 0


@pytest.mark.parametrize(
    "lookup",
    [
        lambda rid: rid,
        lambda rid: str(rid),
        lambda rid: REFERENCE,
        lambda rid: REFERENCE.lower(),
        lambda rid: f"  {REFERENCE.swapcase()} ",
    ],
    ids=["id", "id as text", "reference", "lower case", "swapped case, padded"],
)
def test_find_review_id(ctx, review_id, lookup):
    create_review(ctx, review_type="sar", reference="SAR-OTHER", title="Decoy")
    assert find_review_id(ctx, lookup(review_id)) == review_id


def test_find_review_id_of_unknown_reference_says_which(ctx, review_id):
    with pytest.raises(NotFoundError, match="NOPE-9"):
        find_review_id(ctx, "NOPE-9")


def test_find_review_id_ignores_case_of_non_ascii_letters(ctx):
    rid = create_review(ctx, review_type="lcspr", reference="ADOLYGIAD-ŴYR-Ł1", title="Welsh")
    assert find_review_id(ctx, "adolygiad-ŵyr-ł1") == rid


# --- editing fields -----------------------------------------------------------------------------


@pytest.fixture
def records(ctx, review_id, imr_id):
    return {"review": review_id, "imr": imr_id, "agency": get_imr(ctx, imr_id).summary.agency_id}


INVALID_EDITS = {
    "unknown field": ("review", {"colour": "red"}),
    "bad choice": ("review", {"status": "finished"}),
    "text for a date": ("review", {"decision_date": "2024-01-31"}),
    "number for text": ("review", {"title": 42}),
    "empty required": ("review", {"title": "  "}),
    "scope ends before it starts": (
        "review",
        {"scope_start": date(2024, 5, 1), "scope_end": date(2024, 4, 30)},
    ),
    "valid with invalid": ("review", {"title": "Renamed", "status": "finished"}),
    "IMR received before requested": (
        "imr",
        {"date_requested": date(2026, 5, 2), "date_received": date(2026, 5, 1)},
    ),
    "IMR accepted before received": (
        "imr",
        {"date_received": date(2026, 5, 2), "date_accepted": date(2026, 5, 1)},
    ),
    "bad IMR status": ("imr", {"status": "lost"}),
    "bad sector": ("agency", {"sector": "army"}),
    "unknown kind": ("inquest", {"title": "x"}),
}


@pytest.mark.parametrize(("kind", "values"), INVALID_EDITS.values(), ids=INVALID_EDITS.keys())
def test_invalid_edit_is_refused_and_changes_nothing(ctx, store, records, kind, values):
    review_before = get_review(ctx, records["review"])
    imr_before = get_imr(ctx, records["imr"])
    audit_before = audit_count(store)
    with pytest.raises(ValidationError):
        apply_fields(ctx, kind, records.get(kind, 1), values)
    assert get_review(ctx, records["review"]) == review_before
    assert get_imr(ctx, records["imr"]) == imr_before
    assert audit_count(store) == audit_before


@pytest.mark.parametrize(
    ("kind", "stored", "edit"),
    [
        ("review", {"scope_start": date(2024, 5, 1)}, {"scope_end": date(2024, 4, 30)}),
        ("imr", {"date_requested": date(2026, 5, 2)}, {"date_received": date(2026, 5, 1)}),
    ],
    ids=["scope", "IMR"],
)
def test_date_order_is_checked_against_stored_dates(ctx, records, kind, stored, edit):
    apply_fields(ctx, kind, records[kind], stored)
    with pytest.raises(ValidationError):
        apply_fields(ctx, kind, records[kind], edit)
    detail = (
        get_review(ctx, records["review"]) if kind == "review" else get_imr(ctx, records["imr"])
    )
    holder = detail if kind == "review" else detail.summary
    ((field, _),) = edit.items()
    assert getattr(holder, field) is None


@pytest.mark.parametrize("stored_end", [None, date(2024, 3, 1)], ids=["alone", "with end"])
def test_a_datetime_is_not_accepted_as_a_date(ctx, review_id, stored_end):
    apply_fields(ctx, "review", review_id, {"scope_end": stored_end})
    before = get_review(ctx, review_id)
    with pytest.raises(ValidationError):
        apply_fields(ctx, "review", review_id, {"scope_start": datetime(2024, 1, 1, 10, 30)})
    assert get_review(ctx, review_id) == before


def test_renaming_a_reference_is_held_to_the_same_length_limit(ctx, review_id):
    with pytest.raises(ValidationError):
        apply_fields(ctx, "review", review_id, {"reference": "R" * 61})
    assert get_review(ctx, review_id).reference == REFERENCE


def test_apply_fields_returns_before_and_after_and_saves(ctx, review_id):
    change = apply_fields(
        ctx, "review", review_id, {"title": "Child A (renamed)", "status": "analysis"}
    )
    assert change.before == {"title": "Child A", "status": "commissioned"}
    assert change.after == {"title": "Child A (renamed)", "status": "analysis"}
    assert change.changed
    detail = get_review(ctx, review_id)
    assert (detail.title, detail.status) == ("Child A (renamed)", "analysis")


def test_editing_something_that_is_gone_says_so(ctx):
    with pytest.raises(NotFoundError):
        apply_fields(ctx, "review", 999, {"title": "Ghost"})


# --- agencies and the IMR workflow --------------------------------------------------------------


def test_duplicate_agency_name_is_refused_by_name(ctx, review_id, imr_id):
    with pytest.raises(ValidationError, match="North Wales Police"):
        add_agency(ctx, review_id, "North Wales Police", "health")
    assert [i.imr_id for i in get_review(ctx, review_id).imrs] == [imr_id]


def test_same_agency_name_is_fine_in_another_review(ctx, imr_id):
    other = create_review(ctx, review_type="sar", reference="SAR-1", title="Adult B")
    other_imr = add_agency(ctx, other, "North Wales Police", "police")
    assert [i.imr_id for i in get_review(ctx, other).imrs] == [other_imr]


def test_agency_for_a_missing_review_is_refused(ctx):
    with pytest.raises(NotFoundError):
        add_agency(ctx, 999, "Police")


def test_find_agency_ignores_case_including_non_ascii(ctx, review_id):
    agency_imr = add_agency(ctx, review_id, "Heddlu Gogledd Cymru – Ŵyr")
    agency_id = get_imr(ctx, agency_imr).summary.agency_id
    assert find_agency(ctx, review_id, "  HEDDLU GOGLEDD CYMRU – ŵYR ") == agency_id
    assert find_agency(ctx, review_id, "Heddlu") is None


WORKFLOW = [  # (status, the day the panel records it)
    ("requested", date(2026, 3, 2)),
    ("received", date(2026, 4, 1)),
    ("under_challenge", date(2026, 4, 8)),
    ("received", date(2026, 4, 20)),
    ("accepted", date(2026, 5, 5)),
]


def test_imr_workflow_stamps_each_date_the_first_time_only(store, imr_id):
    first_reached: dict[str, date] = {}
    for status, day in WORKFLOW:
        set_imr_status(on_day(store, day), imr_id, status)
        first_reached.setdefault(status, day)
        summary = get_imr(on_day(store, day), imr_id).summary
        assert summary.status == status
        assert (summary.date_requested, summary.date_received, summary.date_accepted) == (
            first_reached.get("requested"),
            first_reached.get("received"),
            first_reached.get("accepted"),
        )


STEP_BACK_CASES = {  # statuses in order -> which step's day each date should hold, or None
    "accepted back to under challenge": (
        ["requested", "received", "accepted", "under_challenge"],
        (0, 1, None),
    ),
    "re-accepted after a challenge": (
        ["requested", "received", "accepted", "under_challenge", "accepted"],
        (0, 1, 4),
    ),
    "received back to requested": (["requested", "received", "requested"], (0, None, None)),
    "received again": (["requested", "received", "requested", "received"], (0, 3, None)),
    "requested back to not requested": (["requested", "not_requested"], (None, None, None)),
}


@pytest.mark.parametrize(
    ("steps", "expected"), STEP_BACK_CASES.values(), ids=STEP_BACK_CASES.keys()
)
def test_stepping_an_imr_back_clears_the_dates_of_undone_steps(store, imr_id, steps, expected):
    days = [date(2026, 3, 2) + timedelta(weeks=n) for n in range(len(steps))]
    for status, day in zip(steps, days, strict=True):
        set_imr_status(on_day(store, day), imr_id, status)
    summary = get_imr(on_day(store, days[-1]), imr_id).summary
    assert summary.status == steps[-1]
    assert (summary.date_requested, summary.date_received, summary.date_accepted) == tuple(
        None if step is None else days[step] for step in expected
    )


def test_explicit_date_is_stamped_instead_of_today(ctx, imr_id):
    set_imr_status(ctx, imr_id, "requested", on=date(2026, 1, 9))
    assert get_imr(ctx, imr_id).summary.date_requested == date(2026, 1, 9)


@pytest.mark.parametrize(
    "target",
    sorted(set(IMR_STATUSES) - set(IMR_TRANSITIONS["not_requested"]) - {"not_requested"}),
)
def test_illegal_jump_from_not_requested_is_refused(ctx, imr_id, target):
    before = get_imr(ctx, imr_id)
    with pytest.raises(ValidationError):
        set_imr_status(ctx, imr_id, target)
    assert get_imr(ctx, imr_id) == before


def test_unknown_imr_status_is_refused(ctx, imr_id):
    with pytest.raises(ValidationError, match="lost"):
        set_imr_status(ctx, imr_id, "lost")


@pytest.mark.parametrize("days_late", [1, 30])
def test_requested_imr_past_its_due_date_is_overdue_until_received(ctx, review_id, days_late):
    late = add_agency(ctx, review_id, "Children's social care", "childrens_social_care")
    due_today = add_agency(ctx, review_id, "Health visiting", "health")
    for imr, due in ((late, TODAY - timedelta(days=days_late)), (due_today, TODAY)):
        set_imr_status(ctx, imr, "requested", on=TODAY - timedelta(days=60))
        apply_fields(ctx, "imr", imr, {"date_due": due})

    def overdue_by_imr():
        return {i.imr_id: i.days_overdue for i in get_review(ctx, review_id).imrs}

    def overdue_in_list():
        return {r.id: r.overdue_imrs for r in list_reviews(ctx)}[review_id]

    assert overdue_by_imr()[late] == (ctx.today() - (TODAY - timedelta(days=days_late))).days
    assert overdue_by_imr()[due_today] == 0
    assert overdue_in_list() == 1

    set_imr_status(ctx, late, "received")
    assert overdue_by_imr()[late] == 0
    assert overdue_in_list() == 0


def test_list_reviews_puts_the_most_urgent_first(ctx):
    reviews = {  # reference -> fields; TODAY is 15 June 2026
        "A-LATER": {"review_type": "lcspr", "decision_date": date(2026, 3, 1)},
        "E-SOON": {"review_type": "sar", "target_override": date(2026, 7, 1)},
        "B-SOON": {"review_type": "dhr", "target_override": date(2026, 7, 1)},
        "C-NO-TARGET": {"review_type": "audit"},
        "D-PUBLISHED": {"review_type": "sar", "target_override": date(2026, 6, 20)},
    }
    for reference, fields in reviews.items():
        create_review(ctx, reference=reference, title=reference, **fields)
    apply_fields(ctx, "review", find_review_id(ctx, "D-PUBLISHED"), {"status": "published"})
    # open reviews by target date (ties by reference), then no target, then finished ones
    assert [r.reference for r in list_reviews(ctx)] == [
        "B-SOON",
        "E-SOON",
        "A-LATER",
        "C-NO-TARGET",
        "D-PUBLISHED",
    ]


def test_list_reviews_counts_imrs_by_status(ctx, review_id, imr_id):
    paths = {  # agency -> statuses it is moved through, in order
        "Health": ["requested"],
        "Education": ["requested", "received"],
        "Housing": ["not_required"],
        "Probation": ["requested", "received", "accepted"],
        "Voluntary sector": ["requested", "received", "under_challenge"],
    }
    for name, steps in paths.items():
        imr = add_agency(ctx, review_id, name)
        for status in steps:
            set_imr_status(ctx, imr, status)
    expected = Counter(steps[-1] for steps in paths.values())
    expected["not_requested"] += 1  # the imr_id fixture's agency
    other = create_review(ctx, review_type="sar", reference="SAR-2", title="No agencies")

    counts = {r.id: r.imr_counts for r in list_reviews(ctx)}
    assert counts[review_id] == {status: expected[status] for status in IMR_STATUSES}
    assert counts[other] == dict.fromkeys(IMR_STATUSES, 0)


# --- ordered items --------------------------------------------------------------------------------

ITEM_TEXT_FIELD = {
    "line_of_enquiry": "text",
    "panel_member": "name",
    "challenge": "question",
    "recommendation": "text",
}


@dataclass
class ItemList:
    ctx: AppContext
    kind: str
    parent_id: int

    def add(self, words: str, position: int | None = None) -> int:
        values = {ITEM_TEXT_FIELD[self.kind]: words}
        return add_item(self.ctx, self.kind, self.parent_id, values, position)

    def rows(self) -> list[tuple[int, int, str]]:
        """(id, position, text) in the order the services give them."""
        if self.kind in ("line_of_enquiry", "panel_member"):
            review = get_review(self.ctx, self.parent_id)
            if self.kind == "line_of_enquiry":
                return [(x.id, x.position, x.text) for x in review.lines_of_enquiry]
            return [(x.id, x.position, x.name) for x in review.panel]
        imr = get_imr(self.ctx, self.parent_id)
        if self.kind == "challenge":
            return [(x.id, x.position, x.question) for x in imr.challenges]
        return [(x.id, x.position, x.text) for x in imr.recommendations]

    def texts(self) -> list[str]:
        rows = self.rows()
        assert [position for _, position, _ in rows] == list(range(1, len(rows) + 1))
        assert count_items(self.ctx, self.kind, self.parent_id) == len(rows)
        return [words for _, _, words in rows]


@pytest.fixture(params=ITEM_TEXT_FIELD)
def item_list(request, ctx, review_id, imr_id):
    parent = review_id if request.param in ("line_of_enquiry", "panel_member") else imr_id
    return ItemList(ctx, request.param, parent)


def test_items_are_added_at_the_end_or_at_a_position(item_list):
    for words in ("first", "second", "third"):
        item_list.add(words)
    item_list.add("at the top", position=1)
    item_list.add("second place", position=2)
    item_list.add("far beyond the end", position=99)
    assert item_list.texts() == [
        "at the top",
        "second place",
        "first",
        "second",
        "third",
        "far beyond the end",
    ]


def test_removed_item_is_restored_with_same_id_and_place(item_list):
    ids = {words: item_list.add(words) for words in ("first", "second", "third", "fourth")}
    rows_before = item_list.rows()

    snapshot = remove_item(item_list.ctx, item_list.kind, ids["second"])
    assert item_list.texts() == ["first", "third", "fourth"]

    assert restore_item(item_list.ctx, item_list.kind, snapshot) == ids["second"]
    assert item_list.rows() == rows_before


def test_moved_item_keeps_positions_consecutive(item_list):
    ids = {words: item_list.add(words) for words in ("first", "second", "third", "fourth")}
    assert move_item(item_list.ctx, item_list.kind, ids["first"], 3) == 1
    assert item_list.texts() == ["second", "third", "first", "fourth"]
    assert move_item(item_list.ctx, item_list.kind, ids["fourth"], 1) == 4
    assert item_list.texts() == ["fourth", "second", "third", "first"]


# --- attached documents -------------------------------------------------------------------------


@pytest.fixture
def document(tmp_path):
    path = tmp_path / "IMR – Heddlu (Łukasz).docx"
    path.write_bytes(random.Random(5).randbytes(300_000))
    return path


def test_attached_document_round_trips_byte_for_byte(ctx, imr_id, document, tmp_path):
    data = document.read_bytes()
    record = attach_document(ctx, imr_id, document)
    assert record.sha256 == hashlib.sha256(data).hexdigest()
    assert (record.size, record.filename, record.added_by) == (len(data), document.name, "Tester")

    saved = save_attachment(ctx, record.id, tmp_path / "copy.docx")
    assert saved.read_bytes() == data

    detail = get_imr(ctx, imr_id)
    assert [a.id for a in detail.attachments] == [record.id]
    assert detail.summary.attachments == 1


def test_saving_into_a_missing_folder_is_a_user_error(ctx, imr_id, document, tmp_path):
    record = attach_document(ctx, imr_id, document)
    with pytest.raises(UserError, match="could not be saved"):
        save_attachment(ctx, record.id, tmp_path / "no-such-folder" / "copy.docx")


@pytest.mark.parametrize("missing", ["no-such-file.pdf", "a-folder"])
def test_attaching_what_is_not_a_file_is_refused(ctx, store, imr_id, tmp_path, missing):
    path = tmp_path / missing
    if missing == "a-folder":
        path.mkdir()
    with pytest.raises(UserError, match=missing):
        attach_document(ctx, imr_id, path)
    assert count_rows(store, "attachment") == 0


def test_attachment_content_is_not_loaded_by_get_imr(ctx, store, imr_id, document):
    record = attach_document(ctx, imr_id, document)
    statements: list[str] = []

    def remember(_conn, _cursor, statement, *_args):
        statements.append(statement)

    event.listen(store.engine, "before_cursor_execute", remember)
    try:
        detail = get_imr(ctx, imr_id)
    finally:
        event.remove(store.engine, "before_cursor_execute", remember)
    assert any("FROM attachment" in s for s in statements)
    assert not any("attachment.content" in s for s in statements)
    assert detail.attachments[0].size == document.stat().st_size

    with store.session() as session:
        assert "content" in inspect(session.get(Attachment, record.id)).unloaded


# --- the audit trail ------------------------------------------------------------------------------


def test_field_change_is_audited_with_actor_field_and_values(ctx, review_id):
    apply_fields(ctx, "review", review_id, {"title": "Child A: Łukasz"})
    latest = list_audit(ctx, review_id)[0]
    assert (latest.actor, latest.action, latest.entity) == ("Tester", "update", "review")
    assert (latest.field, latest.old_value, latest.new_value) == (
        "title",
        "Child A",
        "Child A: Łukasz",
    )


def test_date_change_is_stored_as_iso_and_listed_in_uk_order(ctx, store, review_id):
    apply_fields(ctx, "review", review_id, {"decision_date": date(2026, 2, 3)})
    where = "field = 'decision_date' AND review_id = :r"
    with store.engine.connect() as conn:
        stored = conn.execute(
            text(f"SELECT old_value, new_value FROM audit_event WHERE {where}"), {"r": review_id}
        ).all()
    assert stored == [(None, "2026-02-03")]
    latest = list_audit(ctx, review_id)[0]
    assert (latest.field, latest.old_value, latest.new_value) == (
        "decision_date",
        None,
        "03/02/2026",
    )


def test_choice_change_is_listed_with_its_labels(ctx, review_id):
    apply_fields(ctx, "review", review_id, {"status": "analysis"})
    latest = list_audit(ctx, review_id)[0]
    assert (latest.field, latest.old_value, latest.new_value) == (
        "status",
        REVIEW_STATUSES["commissioned"],
        REVIEW_STATUSES["analysis"],
    )


def test_creation_is_audited(ctx, review_id):
    events = [(e.action, e.entity, e.label) for e in list_audit(ctx, review_id)]
    assert ("create", "review", f"Review {REFERENCE}") in events


def test_audit_of_a_removed_agency_keeps_its_review(ctx, store, review_id, imr_id):
    agency_id = get_imr(ctx, imr_id).summary.agency_id
    remove_agency(ctx, agency_id)
    events = {(e.action, e.entity) for e in list_audit(ctx, review_id)}
    assert {("create", "agency"), ("delete", "agency"), ("delete", "imr")} <= events
    stray = "entity IN ('agency', 'imr') AND (review_id IS NULL OR review_id != :r)"
    assert count_rows(store, "audit_event", stray, r=review_id) == 0


def create_line_of_enquiry(ctx, review_id, imr_id, tmp_path):
    add_item(ctx, "line_of_enquiry", review_id, {"text": "Voice of the child"})


def create_recommendation(ctx, review_id, imr_id, tmp_path):
    add_item(ctx, "recommendation", imr_id, {"text": "Train staff"})


def create_challenge(ctx, review_id, imr_id, tmp_path):
    add_item(ctx, "challenge", imr_id, {"question": "Why was the visit not recorded?"})


def create_attachment(ctx, review_id, imr_id, tmp_path):
    path = tmp_path / "imr.pdf"
    path.write_bytes(b"%PDF-1.4 test")
    attach_document(ctx, imr_id, path)


@pytest.mark.parametrize(
    ("create", "entity", "label"),
    [
        (create_line_of_enquiry, "line_of_enquiry", "Line of enquiry"),
        (create_recommendation, "recommendation", "Recommendation (North Wales Police)"),
        (create_challenge, "challenge_question", "Challenge to North Wales Police"),
        (create_attachment, "attachment", "Attachment imr.pdf"),
    ],
    ids=["line_of_enquiry", "recommendation", "challenge", "attachment"],
)
def test_creating_child_records_shows_in_the_review_audit_trail(
    ctx, store, review_id, imr_id, tmp_path, create, entity, label
):
    create(ctx, review_id, imr_id, tmp_path)
    events = {(e.action, e.entity, e.label) for e in list_audit(ctx, review_id)}
    assert ("create", entity, label) in events
    assert count_rows(store, "audit_event", "review_id IS NULL") == 0


# --- removing agencies and reviews ------------------------------------------------------------------


@dataclass
class Populated:
    review_id: int
    other_review_id: int
    imr_ids: list[int]
    agency_ids: list[int]


CHILD_TABLES = ("challenge_question", "recommendation", "attachment")


@pytest.fixture
def populated(ctx, store, tmp_path):
    """Two reviews; the first with two agencies whose IMRs have questions, recs and documents."""
    doc = tmp_path / "imr.docx"
    doc.write_bytes(b"PK\x03\x04 not really a docx")
    review_id = create_review(
        ctx, review_type="lcspr", reference="POP-1", title="Populated", lines_of_enquiry=["LoE"]
    )
    other = create_review(ctx, review_type="sar", reference="POP-2", title="Bystander")
    imr_ids = []
    for rid, name in ((review_id, "Police"), (review_id, "Health"), (other, "Police")):
        imr = add_agency(ctx, rid, name)
        for n in range(2):
            add_item(ctx, "challenge", imr, {"question": f"Question {n}"})
            add_item(ctx, "recommendation", imr, {"text": f"Recommendation {n}"})
        attach_document(ctx, imr, doc)
        imr_ids.append(imr)
    with store.session("Tester") as session:  # a multi-agency recommendation, of no IMR
        session.add(Recommendation(review_id=review_id, imr_id=None, position=1, text="All"))
    agency_ids = [get_imr(ctx, imr).summary.agency_id for imr in imr_ids]
    return Populated(review_id, other, imr_ids, agency_ids)


def rows_of_imr(store, imr_id) -> dict[str, int]:
    return {t: count_rows(store, t, "imr_id = :i", i=imr_id) for t in CHILD_TABLES}


def test_remove_agency_removes_its_imr_and_everything_in_it(ctx, store, populated):
    gone_imr, kept_imr, other_imr = populated.imr_ids
    kept_before = rows_of_imr(store, kept_imr)
    other_before = rows_of_imr(store, other_imr)

    remove_agency(ctx, populated.agency_ids[0])

    assert count_rows(store, "agency", "id = :i", i=populated.agency_ids[0]) == 0
    assert count_rows(store, "imr", "id = :i", i=gone_imr) == 0
    assert rows_of_imr(store, gone_imr) == dict.fromkeys(CHILD_TABLES, 0)
    assert rows_of_imr(store, kept_imr) == kept_before
    assert rows_of_imr(store, other_imr) == other_before
    assert [i.imr_id for i in get_review(ctx, populated.review_id).imrs] == [kept_imr]
    assert verify(store.engine) == []


def test_delete_review_removes_everything_in_it_and_nothing_else(ctx, store, populated):
    other = get_review(ctx, populated.other_review_id)
    other_imr = get_imr(ctx, populated.imr_ids[2])

    delete_review(ctx, populated.review_id)

    for table in ("agency", "line_of_enquiry", "panel_member", "recommendation"):
        assert count_rows(store, table, "review_id = :r", r=populated.review_id) == 0
    for imr in populated.imr_ids[:2]:
        assert count_rows(store, "imr", "id = :i", i=imr) == 0
        assert rows_of_imr(store, imr) == dict.fromkeys(CHILD_TABLES, 0)
    with pytest.raises(NotFoundError):
        get_review(ctx, populated.review_id)
    assert get_review(ctx, populated.other_review_id) == other
    assert get_imr(ctx, populated.imr_ids[2]) == other_imr
    assert verify(store.engine) == []
    deleted = {(e.action, e.entity) for e in list_audit(ctx, populated.review_id)}
    assert ("delete", "review") in deleted
