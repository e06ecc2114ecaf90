"""The review types of 2026 and their statutory timetable: each rule checked with its source."""

from datetime import date

import pytest

from app.actions import list_recommendations
from app.edits import apply_fields
from app.errors import ValidationError
from app.items import add_item
from app.reviews import create_review, parse_review_type
from app.timescales import add_months, add_working_days
from app.timetable import (
    checklist,
    conversions,
    link_conversion,
    mark_done,
    next_deadline,
    rules_for,
)
from app.vocab import REVIEW_TYPES

TODAY = date(2026, 6, 15)  # conftest's pinned day


@pytest.fixture
def review_id(ctx):
    return create_review(ctx, review_type="lcspr", reference="LCSPR-1", title="Child A")


def _items(ctx, review_id):
    return {item.rule.key: item for item in checklist(ctx, review_id)}


def _sources(item) -> set[str]:
    return {s.key for s in item.rule.sources}


def test_every_type_has_rules_with_known_sources_and_an_honest_basis():
    for key in REVIEW_TYPES:
        for rule in rules_for(key):
            assert rule.sources, rule.key
            assert rule.basis in ("statute", "statutory guidance", "national guidance", "practice")
            assert all(s.title and s.url.startswith("https://") for s in rule.sources)
    # A timescale the law does not set is marked as practice, not passed off as a duty.
    sar = {r.key: r for r in rules_for("sar")}
    assert sar["report_completed"].basis == "practice"
    assert sar["annual_report"].basis == "statute"


def test_new_types_and_their_names():
    assert parse_review_type("DARDR") == "dardr"
    assert parse_review_type("Domestic Abuse Related Death Review") == "dardr"
    assert parse_review_type("single unified safeguarding review") == "susr"
    assert parse_review_type("Learning Review (children)") == "lr_child"
    assert parse_review_type("adult learning review") == "lr_adult"
    with pytest.raises(ValidationError):
        parse_review_type("darrd")  # the old misspelling is not a name of anything
    assert REVIEW_TYPES["susr"].nation == "Wales"
    assert REVIEW_TYPES["lr_child"].nation == REVIEW_TYPES["lr_adult"].nation == "Scotland"


def test_panel_notification_counts_5_working_days_from_becoming_aware(ctx):
    """Children Act 2004 s16C; Working Together 2023 ch. 5: from awareness, not the incident."""
    aware = date(2026, 5, 21)  # the late May bank holiday (25 May) falls inside the five days
    rid = create_review(
        ctx,
        review_type="rapid",
        reference="RR-1",
        title="Rapid",
        incident_date=date(2026, 5, 1),
        aware_date=aware,
    )
    item = _items(ctx, rid)["panel_notification"]
    assert item.due == date(2026, 5, 29) == add_working_days(aware, 5)
    assert {"ca2004_16c", "wt2023"} <= _sources(item)
    assert item.rule.basis == "statute"
    assert item.overdue and item.days_overdue == (TODAY - item.due).days
    assert item.state.startswith("Overdue by")
    mark_done(ctx, rid, "panel_notification", date(2026, 5, 28))
    item = _items(ctx, rid)["panel_notification"]
    assert not item.overdue and item.state == "Done"
    mark_done(ctx, rid, "panel_notification", date(2026, 6, 1))
    assert _items(ctx, rid)["panel_notification"].state == "Done late"
    mark_done(ctx, rid, "panel_notification", None)
    assert _items(ctx, rid)["panel_notification"].done_on is None


def test_entering_the_date_that_shows_a_step_done_marks_it_done(ctx):
    """The notification date is the Panel notification; the decision date is the decision."""
    rid = create_review(
        ctx,
        review_type="rapid",
        reference="RR-8",
        title="R",
        aware_date=date(2026, 5, 1),
        notification_date=date(2026, 5, 6),
    )
    item = _items(ctx, rid)["panel_notification"]
    assert item.done_on == date(2026, 5, 6) and item.state == "Done"
    dhr = create_review(
        ctx,
        review_type="dhr",
        reference="D-8",
        title="D",
        notification_date=date(2026, 1, 5),
        decision_date=date(2026, 3, 1),  # later than the month the guidance gives
    )
    assert _items(ctx, dhr)["decision_made"].state == "Done late"
    future = create_review(
        ctx,
        review_type="lcspr",
        reference="L-8",
        title="L",
        decision_date=date(2026, 1, 2),
        publication_date=date(2026, 12, 1),  # planned, not yet happened
    )
    assert _items(ctx, future)["published"].done_on is None


def test_no_awareness_date_means_no_due_date_yet(ctx):
    rid = create_review(ctx, review_type="rapid", reference="RR-2", title="Rapid")
    item = _items(ctx, rid)["panel_notification"]
    assert item.due is None and not item.overdue
    assert item.state == "Enter the date of the day the authority became aware"


def test_rapid_review_goes_to_the_panel_15_working_days_after_notification(ctx):
    """Working Together 2023 ch. 5."""
    notified = date(2026, 12, 18)  # Christmas and Boxing Day (moved to the 28th) inside
    rid = create_review(
        ctx, review_type="rapid", reference="RR-3", title="R", notification_date=notified
    )
    item = _items(ctx, rid)["rapid_review_sent"]
    assert item.due == add_working_days(notified, 15) == date(2027, 1, 13)
    assert _sources(item) == {"wt2023"}


def test_local_review_report_reaches_the_panel_7_working_days_before_publication(ctx):
    """Working Together 2023 ch. 5; the 2018 regulations."""
    rid = create_review(
        ctx,
        review_type="lcspr",
        reference="L-1",
        title="L",
        decision_date=date(2026, 1, 30),
        publication_date=date(2026, 9, 1),  # Monday: 7 working days back skips a bank holiday
    )
    items = _items(ctx, rid)
    assert items["report_to_panel"].due == date(2026, 8, 20)
    assert items["published"].due == add_months(date(2026, 1, 30), 6) == date(2026, 7, 30)
    assert {"wt2023", "cspr_regs2018"} <= _sources(items["report_to_panel"])
    assert items["decision_told"].due == date(2026, 1, 30) and items["decision_told"].overdue


def test_welsh_government_is_told_when_a_susr_starts(ctx):
    """SUSR statutory guidance (Wales) 2024."""
    rid = create_review(
        ctx, review_type="susr", reference="S-1", title="S", decision_date=date(2026, 6, 1)
    )
    item = _items(ctx, rid)["welsh_government_told"]
    assert item.due == date(2026, 6, 1) and item.overdue
    assert _sources(item) == {"susr_2024"}


@pytest.mark.parametrize(
    "kind,source", [("lr_child", "scot_lr_2021"), ("lr_adult", "scot_asp_lr_2022")]
)
def test_care_inspectorate_hears_the_outcome_within_7_days_of_sign_off(ctx, kind, source):
    """Scotland: learning review guidance for children (2021/2024) and adults (2022)."""
    rid = create_review(
        ctx,
        review_type=kind,
        reference=f"{kind}-1",
        title="Learning",
        decision_date=date(2026, 1, 10),
        sign_off_date=date(2026, 6, 12),
    )
    items = _items(ctx, rid)
    assert items["care_inspectorate_outcome"].due == date(2026, 6, 19)
    assert not items["care_inspectorate_outcome"].overdue
    assert items["care_inspectorate_decision"].due == date(2026, 1, 10)
    assert _sources(items["care_inspectorate_outcome"]) == {source}


@pytest.mark.parametrize("kind", ["dhr", "dardr"])
def test_home_office_approves_before_publication_and_copies_go_out(ctx, kind):
    """DVCVA 2004 s9 (as amended, Victims and Prisoners Act 2024); DHR guidance 2016."""
    rid = create_review(
        ctx,
        review_type=kind,
        reference=f"{kind}-1",
        title="D",
        notification_date=date(2026, 1, 31),
        decision_date=date(2026, 2, 20),
        publication_date=date(2026, 7, 1),
    )
    items = _items(ctx, rid)
    assert items["decision_made"].due == date(2026, 2, 28)  # one month, clamped
    assert items["report_completed"].due == date(2026, 8, 20)
    assert items["home_office_qa"].due == date(2026, 7, 1)
    assert items["copies_sent"].rule.to == "Home Secretary; Domestic Abuse Commissioner"
    assert {"dvcva_s9", "vap2024_s19"} <= _sources(items["copies_sent"])
    assert "dhr_guidance_2016" in _sources(items["home_office_qa"])


def test_sab_annual_report_item_falls_at_the_end_of_the_financial_year(ctx):
    """Care Act 2014 Sch 2 para 4."""
    rid = create_review(
        ctx, review_type="sar", reference="SAR-1", title="A", sign_off_date=date(2026, 4, 2)
    )
    item = _items(ctx, rid)["annual_report"]
    assert item.due == date(2027, 3, 31)
    assert _sources(item) == {"care_act_sch2"}


def test_next_deadline_is_the_earliest_open_item(ctx):
    rid = create_review(
        ctx, review_type="rapid", reference="RR-4", title="R", aware_date=date(2026, 6, 10)
    )
    first = next_deadline(checklist(ctx, rid))
    assert first.rule.key == "panel_notification"
    mark_done(ctx, rid, "panel_notification", date(2026, 6, 12))
    apply_fields(ctx, "review", rid, {"notification_date": date(2026, 6, 12)})
    assert next_deadline(checklist(ctx, rid)).rule.key == "rapid_review_sent"
    with pytest.raises(ValidationError):
        mark_done(ctx, rid, "home_office_qa", TODAY)  # not a rapid review's step


def test_dates_that_run_backwards_are_refused(ctx):
    rid = create_review(ctx, review_type="rapid", reference="RR-5", title="R")
    with pytest.raises(ValidationError, match="before it happened"):
        apply_fields(
            ctx,
            "review",
            rid,
            {"incident_date": date(2026, 5, 2), "aware_date": date(2026, 5, 1)},
        )
    with pytest.raises(ValidationError, match="published before"):
        apply_fields(
            ctx,
            "review",
            rid,
            {"sign_off_date": date(2026, 5, 2), "publication_date": date(2026, 5, 1)},
        )


def test_a_rapid_review_links_to_the_local_review_it_became(ctx):
    rapid = create_review(ctx, review_type="rapid", reference="RR-6", title="R")
    local = create_review(ctx, review_type="lcspr", reference="L-6", title="L")
    link_conversion(ctx, rapid, local)
    assert conversions(ctx) == {rapid: local}
    with pytest.raises(ValidationError):
        link_conversion(ctx, local, rapid)
    other = create_review(ctx, review_type="rapid", reference="RR-7", title="R")
    with pytest.raises(ValidationError):
        link_conversion(ctx, rapid, other)
    link_conversion(ctx, rapid, None)
    assert conversions(ctx) == {}


def test_not_accepted_is_never_stored_without_a_reason(ctx, review_id):
    """Care Act 2014 Sch 2 para 4(1)(g): the reasons for any decision not to implement."""
    rec = add_item(ctx, "review_recommendation", review_id, {"text": "Audit plans"})
    action = add_item(ctx, "action", rec, {"action": "Audit"})
    with pytest.raises(ValidationError, match="needs the reason"):
        apply_fields(ctx, "action", action, {"status": "not_accepted"})
    with pytest.raises(ValidationError, match="needs the reason"):
        add_item(ctx, "action", rec, {"action": "B", "status": "not_accepted"})
    apply_fields(
        ctx, "action", action, {"status": "not_accepted", "not_accepted_reason": "Duplicate"}
    )
    with pytest.raises(ValidationError):
        apply_fields(ctx, "action", action, {"not_accepted_reason": "  "})
    with pytest.raises(ValidationError):
        apply_fields(ctx, "recommendation", rec, {"board_response": "accepted_in_part"})
    apply_fields(
        ctx,
        "recommendation",
        rec,
        {"board_response": "accepted_in_part", "response_reason": "Costs fall to the ICB"},
    )
    assert list_recommendations(ctx, review_id)[0].response_reason == "Costs fall to the ICB"
