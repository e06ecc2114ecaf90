"""Demonstration panel meetings (fictional): two held, with minutes and tasks, one planned.

Built through the meeting services, so decisions move findings and IMRs along the same
workflow a user's would. Statuses are checked first: an item only agrees a finding that is
still a draft (findings "for panel discussion" are left for the next meeting), and only
the IMRs a spec names as received are put under challenge.
"""

from dataclasses import dataclass
from datetime import timedelta

from app.context import AppContext
from app.edits import apply_fields
from app.findings import list_findings
from app.imrs import get_imr
from app.items import add_item
from app.meetings import (
    add_agenda_item,
    add_task,
    add_tasks_to_agenda,
    agree_finding,
    complete_task,
    create_meeting,
    imr_decision,
    list_tasks,
    meeting_detail,
    record_decision,
)
from app.reviews import get_review


@dataclass(frozen=True)
class DemoMeetingPlan:
    place: str
    apologies: int  # position (0-based) of the panel member who sent apologies
    challenge_received_imr: bool  # put the review's received IMR under challenge


PLANS = {
    "DEMO-LCSPR-L": DemoMeetingPlan("Brackenford Civic Centre, Room 2", 4, False),
    "DEMO-LCSPR-T": DemoMeetingPlan("Online (Microsoft Teams)", 5, True),
}


def add_meetings(ctx: AppContext, review_id: int, reference: str) -> None:
    """Add the demonstration meetings of one review (nothing for reviews without a plan)."""
    plan = PLANS.get(reference)
    if plan is None:
        return
    today = ctx.today()
    review = get_review(ctx, review_id)
    chair = review.panel[0].name if review.panel else "Chair"
    manager = next(
        (m.name for m in review.panel if m.role == "business_manager"), "Business manager"
    )
    author = next((m.name for m in review.panel if m.role == "overview_author"), chair)

    # ---- first meeting: terms of reference, IMRs, the plan for the chronology ----
    first = _held_meeting(ctx, review_id, today - timedelta(days=40), plan)
    item = _item(
        ctx,
        first,
        "Welcome, apologies and declarations of interest",
        "The chair welcomed members. No declarations of interest were made.",
        private="Check whether the ICB representative needs a deputy for the next meeting.",
    )
    record_decision(ctx, item, "Terms of reference confirmed as circulated.")
    accepted = [i for i in review.imrs if i.status == "accepted"]
    if accepted:
        imr = accepted[0]
        item = _item(
            ctx,
            first,
            f"IMR: {imr.agency}",
            f"{imr.agency}'s author presented the IMR. Members asked about supervision "
            "records and how decisions were recorded at the front door.\n\n"
            "The panel noted the analysis was candid and that the agency had already begun "
            "to act on its own recommendations.",
            ref_kind="imr",
            ref_id=imr.imr_id,
        )
        record_decision(ctx, item, "The IMR's single-agency recommendations are endorsed.")
    item = _item(
        ctx,
        first,
        "Integrated chronology",
        "The business manager reported that most agency chronologies have been merged. "
        "Two agencies have still to send theirs in the agreed template.",
        ref_kind="chronology",
        ref_from=review.scope_start,
        ref_to=review.scope_end,
        private="Chase by phone before the formal reminder.",
    )
    add_task(  # left open, and overdue
        ctx,
        review_id,
        "Send the chronology template again to the agencies still to return it",
        owner=manager,
        due=today - timedelta(days=5),
        meeting_id=first,
        item_id=item,
    )
    done = add_task(
        ctx,
        review_id,
        "Circulate the draft terms of reference with the panel's comments",
        owner=manager,
        due=today - timedelta(days=30),
        meeting_id=first,
        item_id=item,
    )
    complete_task(ctx, done, on=today - timedelta(days=31))

    # ---- second meeting: findings, and IMRs still open ----
    second = _held_meeting(ctx, review_id, today - timedelta(days=14), plan)
    _item(
        ctx,
        second,
        "Minutes and actions of the last meeting",
        "The minutes were agreed as accurate. The chronology action remains open.",
    )
    findings = list_findings(ctx, review_id)
    drafts = [f for f in findings if f.status == "draft"]
    for finding in drafts[:1]:
        item = _item(
            ctx,
            second,
            f"Finding for agreement: {finding.title}",
            f"{author} presented the draft finding and the evidence from the chronology. "
            "Members agreed the wording with one small change.",
            ref_kind="finding",
            ref_id=finding.id,
            private="The wording on supervision may need softening before the final draft.",
        )
        agree_finding(ctx, item, finding.id)
    received = [i for i in review.imrs if i.status == "received"]
    second_on = today - timedelta(days=14)
    for imr in received[:1]:
        detail = get_imr(ctx, imr.imr_id)
        item = _item(
            ctx,
            second,
            f"IMR: {imr.agency}",
            f"The panel read the IMR of {imr.agency}. Members felt the analysis described "
            "what happened but not why, and that the agency's contact with the family in the "
            "last month was not explained.",
            ref_kind="imr",
            ref_id=imr.imr_id,
        )
        received_on = detail.summary.date_received
        if plan.challenge_received_imr and received_on and received_on <= second_on:
            imr_decision(ctx, item, imr.imr_id, "under_challenge")
            add_item(
                ctx,
                "challenge",
                imr.imr_id,
                {
                    "question": "Please explain why the home visit planned for the last month "
                    "did not take place, and who knew it had not.",
                    "raised_on": second_on,
                },
            )
        else:
            record_decision(
                ctx,
                item,
                "The author is to be invited to the next meeting before the panel decides "
                "whether to accept the IMR.",
            )
    for finding in [f for f in findings if f.status == "for_discussion"][:1]:
        item = _item(
            ctx,
            second,
            f"Emerging finding: {finding.title}",
            "Members discussed the emerging finding. Views differed on how far the agencies "
            "could have known what was happening out of area.",
            ref_kind="finding",
            ref_id=finding.id,
        )
        record_decision(ctx, item, "The finding to be redrafted and brought back to the panel.")
        add_task(
            ctx,
            review_id,
            "Redraft the emerging finding in the light of the panel's discussion",
            owner=author,
            due=today + timedelta(days=7),
            meeting_id=second,
            item_id=item,
        )

    # ---- the next meeting, planned ----
    upcoming = create_meeting(
        ctx, review_id, today + timedelta(days=10), time="10:00", place=plan.place
    )
    add_agenda_item(ctx, upcoming, "Welcome, apologies and declarations of interest", minutes=5)
    add_tasks_to_agenda(ctx, upcoming, [t.id for t in list_tasks(ctx, review_id, open_only=True)])
    for finding in list_findings(ctx, review_id):
        if finding.status == "for_discussion":
            add_agenda_item(
                ctx,
                upcoming,
                f"Finding for discussion: {finding.title}",
                minutes=20,
                ref_kind="finding",
                ref_id=finding.id,
            )
    add_agenda_item(ctx, upcoming, "Any other business and date of the next meeting", minutes=5)


def _held_meeting(ctx: AppContext, review_id: int, held_on, plan: DemoMeetingPlan) -> int:
    meeting = create_meeting(ctx, review_id, held_on, time="10:00", place=plan.place)
    apply_fields(ctx, "meeting", meeting, {"status": "held"})
    for position, person in enumerate(meeting_detail(ctx, meeting).attendees):
        attendance = "apologies" if position == plan.apologies else "present"
        apply_fields(ctx, "attendee", person.id, {"attendance": attendance})
    return meeting


def _item(
    ctx: AppContext,
    meeting_id: int,
    title: str,
    notes: str,
    *,
    ref_kind: str = "",
    ref_id: int | None = None,
    ref_from=None,
    ref_to=None,
    private: str = "",
) -> int:
    item = add_agenda_item(
        ctx, meeting_id, title, ref_kind=ref_kind, ref_id=ref_id, ref_from=ref_from, ref_to=ref_to
    )
    apply_fields(ctx, "agenda_item", item, {"notes": notes, "private_notes": private})
    return item
