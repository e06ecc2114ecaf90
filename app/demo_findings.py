"""Demonstration findings, multi-agency recommendations and action plans (fictional)."""

from dataclasses import dataclass, field
from datetime import date, timedelta

from app.actions import add_update, link_findings
from app.context import AppContext
from app.edits import apply_fields
from app.findings import add_finding, set_lines, set_themes
from app.items import add_item
from app.reviews import get_review


@dataclass(frozen=True)
class DemoFinding:
    title: str
    kind: str
    status: str
    narrative: str
    themes: tuple[str, ...]
    lines: tuple[int, ...]  # 0-based positions of the review's lines of enquiry


@dataclass(frozen=True)
class DemoAction:
    action: str
    lead_agency: str
    lead_officer: str
    target: int  # days from today
    status: str = "not_started"
    completed: int | None = None
    evidence: str = ""
    update: str = ""


@dataclass(frozen=True)
class DemoRecommendation:
    text: str
    addressee: str
    findings: tuple[int, ...]  # 0-based positions of the findings above
    actions: tuple[DemoAction, ...] = ()
    response: str = ""
    reason: str = ""


@dataclass(frozen=True)
class DemoPlan:
    findings: tuple[DemoFinding, ...]
    recommendations: tuple[DemoRecommendation, ...] = field(default_factory=tuple)


PLANS = {
    "DEMO-LCSPR-L": DemoPlan(
        findings=(
            DemoFinding(
                "Agencies knew about the mother's new partner, but no one put the pieces together",
                "finding",
                "agreed",
                "Police, housing and the drug and alcohol service each recorded a man staying at "
                "the flat in the six weeks before Child L died. None of them shared it, and the "
                "health visitor's assessment still described the mother as living alone.\n\n"
                "The panel heard that practitioners did not think of a visiting adult as part of "
                "the household. Agencies' forms ask who lives at an address, not who stays there.",
                ("Information sharing", "Whole-family approach / 'invisible men'"),
                (0, 1),
            ),
            DemoFinding(
                "The risk of prescribed methadone in a home with a toddler was not assessed",
                "finding",
                "agreed",
                "The mother collected take-home doses weekly. Safe storage was discussed once, at "
                "the start of treatment, before Child L could walk. No agency revisited it when "
                "the family moved or when the mother's attendance became irregular.",
                ("Parental substance misuse", "Risk assessment", "Vulnerability of babies"),
                (2,),
            ),
            DemoFinding(
                "Temporary accommodation out of area left the family out of sight",
                "learning_point",
                "for_discussion",
                "The move to a bed and breakfast in a neighbouring authority meant a new GP, a "
                "new health visiting team and no handover to local children's services.",
                ("Poverty", "Multi-agency working"),
                (3,),
            ),
            DemoFinding(
                "The health visitor's persistence after missed contacts",
                "good_practice",
                "draft",
                "The health visitor re-booked three missed contacts, visited unannounced and "
                "wrote to the GP. This is the kind of professional curiosity the review wants "
                "to see more of.",
                ("Professional curiosity",),
                (1,),
            ),
        ),
        recommendations=(
            DemoRecommendation(
                "The partnership should make sure that every agency asks about, records and "
                "shares information on adults who live in or regularly stay at the home of a "
                "child under two.",
                "All agencies",
                (0,),
                (
                    DemoAction(
                        "Add 'adults staying at the address' to the domestic abuse risk "
                        "assessment and the incident log template.",
                        "Marchshire Police",
                        "Detective Inspector, Public Protection",
                        60,
                        "on_track",
                        update="Template change agreed with the force systems team.",
                    ),
                    DemoAction(
                        "Brief all social work teams on the finding and the new prompt in the "
                        "assessment form.",
                        "Brackenford Council Children's Services",
                        "Principal Social Worker",
                        -20,
                        "not_started",
                    ),
                ),
                "accepted",
            ),
            DemoRecommendation(
                "The drug and alcohol service and health visiting should agree a joint protocol "
                "on the safe storage of opioid substitution medication where young children "
                "live, reviewed at every change of address.",
                "Policies and Procedures Group",
                (1,),
                (
                    DemoAction(
                        "Draft and agree the joint protocol; issue lockable storage boxes.",
                        "Marchshire Recovery Partnership (drug and alcohol service)",
                        "Service Manager",
                        90,
                        "at_risk",
                        update="Funding for storage boxes not yet confirmed.",
                    ),
                ),
                "accepted",
            ),
            DemoRecommendation(
                "Housing Options should tell health visiting and children's services within two "
                "working days when a family with a child under five is placed out of area.",
                "Safeguarding partnership board",
                (2,),
                (
                    DemoAction(
                        "Add an automatic notification to the placement process.",
                        "Brackenford Council Housing Options",
                        "Temporary Accommodation Manager",
                        -30,
                        "complete",
                        completed=-35,
                        evidence="Notifications sent for all 14 placements since go-live; "
                        "audited monthly.",
                    ),
                ),
                "accepted_in_part",
                "Accepted for placements out of area; notifications for every in-area move "
                "would duplicate the existing MASH process.",
            ),
        ),
    ),
    "DEMO-LCSPR-T": DemoPlan(
        findings=(
            DemoFinding(
                "Return home interviews were rarely offered, and their learning was not used",
                "finding",
                "agreed",
                "Child T was reported missing from Harbourside House again and again in the "
                "fourteen months he lived there. A return home interview followed fewer than one "
                "episode in three, half of them a week or more later, and what Child T said in "
                "them did not reach the strategy discussions that followed.",
                ("Children missing from home or education", "Voice of the child"),
                (0,),
            ),
            DemoFinding(
                "Information about exploitation did not cross the local authority border",
                "finding",
                "for_discussion",
                "The host authority held intelligence about the address Child T was seen at; the "
                "placing authority did not ask for it and was not told.",
                ("Exploitation and extra-familial harm", "Information sharing"),
                (1,),
            ),
        ),
        recommendations=(
            DemoRecommendation(
                "The placing and host authorities should agree how return home interviews for "
                "children placed out of area are arranged, shared and acted on.",
                "Learning and Improvement Group",
                (0, 1),
                (
                    DemoAction(
                        "Joint protocol for return home interviews for children placed out of area.",
                        "Brackenford Council Children's Services",
                        "Head of Service, Children in Care",
                        -12,
                        "on_track",
                        update="Draft shared with the host authority.",
                    ),
                ),
            ),
        ),
    ),
}


def add_findings_and_plan(ctx: AppContext, review_id: int, reference: str) -> None:
    """Findings, recommendations and actions for the demo reviews that have them."""
    plan = PLANS.get(reference)
    if plan is None:
        return
    today = ctx.today()

    def day(offset: int | None) -> date | None:
        return None if offset is None else today + timedelta(days=offset)

    lines = [line.id for line in get_review(ctx, review_id).lines_of_enquiry]
    finding_ids = []
    for spec in plan.findings:
        finding_id = add_finding(ctx, review_id, spec.title, spec.kind)
        values = {"narrative": spec.narrative, "status": spec.status}
        if spec.status == "agreed":
            values.update(agreed_on=day(-14), agreed_at="Panel meeting")
        apply_fields(ctx, "finding", finding_id, values)
        set_themes(ctx, finding_id, list(spec.themes))
        set_lines(ctx, finding_id, [lines[i] for i in spec.lines if i < len(lines)])
        finding_ids.append(finding_id)
    for rec in plan.recommendations:
        rec_id = add_item(ctx, "review_recommendation", review_id, {"text": rec.text})
        apply_fields(
            ctx,
            "recommendation",
            rec_id,
            {
                "addressee": rec.addressee,
                "board_response": rec.response,
                "response_reason": rec.reason,
            },
        )
        link_findings(ctx, rec_id, [finding_ids[i] for i in rec.findings])
        for action in rec.actions:
            action_id = add_item(
                ctx,
                "action",
                rec_id,
                {
                    "action": action.action,
                    "lead_agency": action.lead_agency,
                    "lead_officer": action.lead_officer,
                    "target_date": day(action.target),
                    "status": action.status,
                    "completion_date": day(action.completed),
                    "evidence": action.evidence,
                },
            )
            if action.update:
                add_update(ctx, action_id, action.update, on=day(-7))
