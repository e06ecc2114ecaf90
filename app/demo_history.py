"""Past demonstration reviews (fictional), several years and types, concluded and coded, so
that the learning across reviews shows something true on a first run. Years are counted back
from today; some learning recurs on purpose, as it does in real partnerships."""

from dataclasses import dataclass
from datetime import date, timedelta

from app.context import AppContext
from app.documents import ensure_report, get_report
from app.edits import apply_fields
from app.errors import NotFoundError
from app.findings import add_finding, set_themes
from app.imrs import add_agency, set_imr_status
from app.items import add_item
from app.review_corpus import set_review_themes
from app.reviews import create_review, delete_review, find_review_id
from app.timetable import checklist, link_conversion, mark_done

CHILDREN = "Brackenford Safeguarding Children Partnership"
ADULTS = "Marchshire Safeguarding Adults Board"
CSP = "Brackenford Community Safety Partnership"

POLICE = ("Marchshire Police", "police")
CSC = ("Brackenford Council Children's Services", "childrens_social_care")
ASC = ("Brackenford Council Adult Social Care", "adult_social_care")
ACUTE = ("Brackenford Hospitals NHS Foundation Trust", "health")
COMMUNITY = ("Marchshire Community Health NHS Trust", "health")
GP = ("Riverside Medical Practice", "health")
HOUSING = ("Brackenford Homes", "housing")
PROBATION = ("Marchshire Probation Delivery Unit", "probation")
SCHOOL = ("Brackenford Learning Trust", "education")
WOMENS_AID = ("Brackenford Women's Aid", "voluntary")
MENTAL_HEALTH = ("Marchshire Mental Health NHS Trust", "health")


@dataclass(frozen=True)
class PastFinding:
    kind: str  # finding, learning_point, good_practice
    title: str
    narrative: str
    themes: tuple[str, ...]


@dataclass(frozen=True)
class PastAction:
    action: str
    agency: str
    status: str = "complete"
    reason: str = ""
    evidence: str = ""


@dataclass(frozen=True)
class PastRecommendation:
    addressee: str
    text: str
    actions: tuple[PastAction, ...] = ()
    response: str = "accepted"
    reason: str = ""


@dataclass(frozen=True)
class PastReview:
    reference: str
    review_type: str
    title: str
    subject: str
    partnership: str
    years_ago: int  # the decision to review was this many years before today
    status: str
    themes: tuple[str, ...]
    agencies: tuple[tuple[str, str, str, str], ...]  # name, sector, lessons, good practice
    findings: tuple[PastFinding, ...]
    recommendations: tuple[PastRecommendation, ...] = ()
    signed_off_after: int | None = 200  # days after the decision; None: not yet


F, LP, GPR = "finding", "learning_point", "good_practice"

HISTORY: tuple[PastReview, ...] = (
    PastReview(
        "DEMO-SCR-M",
        "scr",
        "Baby M: serious case review",
        "Baby M",
        CHILDREN,
        7,
        "published",
        ("Vulnerability of babies",),
        (
            (*CSC, "Assessments centred on the mother; her partner was never spoken to.", ""),
            (
                *COMMUNITY,
                "Health visitors should ask who else cares for the baby.",
                "Antenatal contacts were timely and well recorded.",
            ),
            (*POLICE, "", "Officers referred the household promptly after the first call."),
        ),
        (
            PastFinding(
                F,
                "The mother's partner was invisible to professionals",
                "No agency found out who the men in the household were. The mother's "
                "partner cared for Baby M on most days but was never assessed or seen.",
                ("Whole-family approach / 'invisible men'", "Vulnerability of babies"),
            ),
            PastFinding(
                F,
                "Referrals were passed on but never followed through",
                "Information sent between agencies was assumed to have arrived and to "
                "have been acted on; nobody checked.",
                ("Information sharing",),
            ),
            PastFinding(
                LP,
                "A bruise on a non-mobile baby was not referred",
                "The bruising protocol for babies who are not yet mobile was not "
                "followed when a mark was seen on Baby M's face.",
                ("Vulnerability of babies", "Risk assessment"),
            ),
            PastFinding(
                GPR,
                "Antenatal care was coordinated well",
                "Midwifery and health visiting shared the birth plan early.",
                ("Multi-agency working",),
            ),
        ),
        (
            PastRecommendation(
                "All agencies",
                "Record and assess every adult who cares for a "
                "baby, including fathers and partners who do not live there.",
                (
                    PastAction(
                        "Add a 'significant adults' section to the assessment form",
                        CSC[0],
                        evidence="Audit: 78% of assessments complete it.",
                    ),
                ),
            ),
            PastRecommendation(
                "Learning and Improvement Group",
                "Train practitioners to check "
                "that information they share has been received and acted on.",
                (PastAction("Briefing on 'follow through' for all front-line staff", CHILDREN),),
            ),
        ),
    ),
    PastReview(
        "DEMO-RR-K",
        "rapid",
        "Child K: rapid review",
        "Child K",
        CHILDREN,
        6,
        "closed",
        ("Management oversight and supervision",),
        ((*CSC, "", ""), (*SCHOOL, "", "")),
        (
            PastFinding(
                LP,
                "The case drifted without management oversight",
                "There was no recorded oversight for five months; the plan was not reviewed.",
                ("Management oversight and supervision",),
            ),
        ),
        signed_off_after=20,
    ),
    PastReview(
        "DEMO-LCSPR-K",
        "lcspr",
        "Child K: local child safeguarding practice review",
        "Child K",
        CHILDREN,
        6,
        "published",
        ("Neglect",),
        (
            (*CSC, "Supervision must test whether the plan is working, not only record it.", ""),
            (
                *SCHOOL,
                "Persistent absence should be shared with children's services.",
                "The school kept a detailed chronology of concerns.",
            ),
            (*GP, "Missed appointments are a safeguarding matter.", ""),
        ),
        (
            PastFinding(
                F,
                "Supervision did not notice the plan had stalled",
                "Supervision took place irregularly and managers did not review the "
                "plan, so five months of drift went unnoticed.",
                ("Management oversight and supervision",),
            ),
            PastFinding(
                F,
                "Missed appointments were seen as the family's choice",
                "Health appointments Child K was not brought to were recorded as "
                "'did not attend' and the child was discharged.",
                ("Neglect", "Disguised compliance / non-engagement"),
            ),
            PastFinding(
                GPR,
                "The school's chronology made the pattern visible",
                "The designated safeguarding lead kept a running chronology that the "
                "review relied on.",
                ("Record keeping and chronologies",),
            ),
        ),
        (
            PastRecommendation(
                "Brackenford Council Children's Services",
                "Introduce monthly management review of every child protection plan.",
                (
                    PastAction(
                        "Monthly plan review added to the case system",
                        CSC[0],
                        evidence="92% of plans reviewed monthly.",
                    ),
                ),
            ),
            PastRecommendation(
                "All agencies",
                "Adopt 'was not brought' in place of 'did not attend' for children's appointments.",
                (
                    PastAction("Change of wording in the GP practice system", GP[0]),
                    PastAction(
                        "Discharge policy revised",
                        ACUTE[0],
                        "not_accepted",
                        "The trust's policy already requires a safeguarding "
                        "review before any child is discharged.",
                    ),
                ),
                "accepted_in_part",
                "Accepted for primary care; the hospital trust's policy already meets it.",
            ),
        ),
    ),
    PastReview(
        "DEMO-SAR-D",
        "sar",
        "Mr D: safeguarding adults review",
        "Mr D",
        ADULTS,
        5,
        "published",
        ("Self-neglect",),
        (
            (
                *ASC,
                "Capacity must be assessed, not assumed, when refusals put someone at risk.",
                "The social worker kept visiting despite refusals.",
            ),
            (*HOUSING, "Hoarding reports should go to the self-neglect panel.", ""),
            (*GP, "", "The GP offered home visits when Mr D stopped attending."),
        ),
        (
            PastFinding(
                F,
                "Capacity was assumed rather than assessed",
                "Mr D's refusals of care were accepted as lifestyle choices; no one "
                "assessed whether he could make those decisions.",
                ("Mental capacity", "Self-neglect"),
            ),
            PastFinding(
                F,
                "The self-neglect procedure was not used",
                "Agencies responded separately to the state of his flat; no "
                "multi-agency meeting was called.",
                ("Self-neglect", "Multi-agency working"),
            ),
            PastFinding(
                GPR,
                "Persistent, respectful contact was kept up",
                "Adult social care kept visiting over months of refusals.",
                ("Self-neglect",),
            ),
        ),
        (
            PastRecommendation(
                "Safeguarding partnership board",
                "Publish a self-neglect and "
                "hoarding procedure with a multi-agency meeting at its centre.",
                (PastAction("Procedure published and launched", ADULTS),),
            ),
            PastRecommendation(
                "All agencies",
                "Record a capacity assessment whenever refusal "
                "of care places a person at serious risk.",
                (PastAction("Audit of capacity assessments", ASC[0], "on_track"),),
            ),
        ),
    ),
    PastReview(
        "DEMO-DHR-E",
        "dhr",
        "Ms E: domestic homicide review",
        "Ms E",
        CSP,
        5,
        "published",
        ("Domestic abuse", "Coercive control"),
        (
            (*POLICE, "Each call-out was risk assessed on its own.", ""),
            (*WOMENS_AID, "", "The outreach worker kept contact through a safe number."),
            (*GP, "Routine enquiry about abuse was not made.", ""),
        ),
        (
            PastFinding(
                F,
                "Each incident was treated in isolation",
                "Risk was judged on the latest incident alone; the escalating history "
                "of domestic abuse was not assessed as a whole.",
                ("Domestic abuse", "Risk assessment"),
            ),
            PastFinding(
                F,
                "Controlling behaviour was not recognised",
                "Her partner attended every appointment and answered for her; signs of "
                "coercive control were missed.",
                ("Coercive control",),
            ),
        ),
        (
            PastRecommendation(
                "Marchshire Police",
                "Review the whole history of incidents "
                "when assessing risk after a domestic abuse call.",
                (PastAction("History check added to the risk assessment", POLICE[0]),),
            ),
        ),
    ),
    PastReview(
        "DEMO-LCSPR-P",
        "lcspr",
        "Child P: local child safeguarding practice review",
        "Child P",
        CHILDREN,
        4,
        "published",
        ("Exploitation and extra-familial harm",),
        (
            (*POLICE, "Missing episodes should be linked to exploitation risks.", ""),
            (*CSC, "Return home interviews must ask where and with whom.", ""),
            (*SCHOOL, "", "The school noticed new phones and older associates early."),
        ),
        (
            PastFinding(
                F,
                "Missing episodes were not linked to exploitation",
                "Going missing, new phones and older associates were signs of criminal "
                "exploitation that no agency put together.",
                ("Exploitation and extra-familial harm", "Children missing from home or education"),
            ),
            PastFinding(
                F,
                "Child P's father was never involved",
                "Professionals worked only with Child P's mother; his father, who saw "
                "him weekly, was not contacted.",
                ("Whole-family approach / 'invisible men'",),
            ),
            PastFinding(
                GPR,
                "The school raised concerns early",
                "Staff recorded the changes in Child P and referred them.",
                ("Information sharing",),
            ),
        ),
        (
            PastRecommendation(
                "Learning and Improvement Group",
                "Training on contextual safeguarding and exploitation indicators for all agencies.",
                (
                    PastAction(
                        "Multi-agency course delivered", CHILDREN, evidence="410 staff trained."
                    ),
                ),
            ),
        ),
    ),
    PastReview(
        "DEMO-LR-ABC",
        "learning",
        "Three families: neglect learning review",
        "Families A, B and C",
        CHILDREN,
        3,
        "published",
        ("Neglect",),
        ((*CSC, "", ""), (*COMMUNITY, "", ""), (*SCHOOL, "", "")),
        (
            PastFinding(
                F,
                "Neglect was not measured over time",
                "Poor home conditions were seen on many visits, but no structured tool "
                "measured change, so the chronic picture was hidden.",
                ("Neglect", "Risk assessment"),
            ),
            PastFinding(
                F,
                "Information shared was not checked as received",
                "Agencies passed concerns on but did not confirm they had arrived or "
                "what would be done.",
                ("Information sharing",),
            ),
            PastFinding(
                GPR,
                "Family support workers built trust",
                "Consistent workers helped parents accept help.",
                ("Neglect",),
            ),
        ),
        (
            PastRecommendation(
                "All agencies",
                "Use the graded care profile in every neglect "
                "case open for more than three months.",
                (
                    PastAction("Graded care profile in the case system", CSC[0]),
                    PastAction("Health visitors trained in the tool", COMMUNITY[0], "at_risk"),
                ),
            ),
        ),
    ),
    PastReview(
        "DEMO-SAR-F",
        "sar",
        "Mrs F: safeguarding adults review",
        "Mrs F",
        ADULTS,
        2,
        "published",
        ("Self-neglect", "Mental capacity"),
        (
            (*ASC, "Capacity assessments are still not recorded for risky refusals.", ""),
            (*MENTAL_HEALTH, "Discharge planning should include housing.", ""),
        ),
        (
            PastFinding(
                F,
                "Her ability to decide was never formally assessed",
                "No mental capacity assessment was made about Mrs F's decisions to "
                "decline support, despite the risk to her.",
                ("Mental capacity",),
            ),
            PastFinding(
                F,
                "Managers did not review the case",
                "Supervision records show no management review for six months.",
                ("Management oversight and supervision",),
            ),
        ),
        (
            PastRecommendation(
                "Safeguarding partnership board",
                "Seek assurance every quarter "
                "that capacity is assessed when refusals put people at risk.",
                (PastAction("Quarterly assurance report", ADULTS, "on_track"),),
            ),
            PastRecommendation(
                "Marchshire Mental Health NHS Trust",
                "Include housing in every discharge plan.",
                (),
                "not_accepted",
                "Housing is already part of discharge planning under the "
                "trust's 2023 policy; the board agreed to audit it instead.",
            ),
        ),
    ),
    PastReview(
        "DEMO-DARDR-G",
        "dardr",
        "Ms G: domestic abuse related death review",
        "Ms G",
        CSP,
        1,
        "sign_off",
        ("Domestic abuse",),
        ((*POLICE, "", ""), (*PROBATION, "", ""), (*WOMENS_AID, "", "")),
        (
            PastFinding(
                F,
                "Risk was judged on the last incident alone",
                "Each domestic abuse incident was treated in isolation and the pattern "
                "of escalating violence was not assessed.",
                ("Domestic abuse", "Risk assessment"),
            ),
            PastFinding(
                F,
                "No referral to MARAC after a high-risk assessment",
                "Although the assessment scored high, no referral was made to MARAC "
                "and no adviser was offered.",
                ("Domestic abuse", "Risk assessment"),
            ),
        ),
        signed_off_after=None,
    ),
)


# The learning brief's background for each case: what a newsletter reader needs first.
BACKGROUNDS = {
    "DEMO-SCR-M": "A baby of four months was admitted to hospital with a head injury.\n"
    "The family had been known to children's services since the pregnancy.\n"
    "The mother's partner cared for the baby on most days while she worked.",
    "DEMO-RR-K": "A seven-year-old was found living in a home without heating or food.",
    "DEMO-LCSPR-K": "A seven-year-old was found living in a home without heating or food.\n"
    "He had been on a child protection plan for neglect for fourteen months.\n"
    "He had missed most health appointments and a third of school days.",
    "DEMO-SAR-D": "A man in his sixties died at home in a flat filled with possessions.\n"
    "He had refused care and support many times in the two years before.",
    "DEMO-DHR-E": "A woman in her forties was killed by her partner.\n"
    "The police had been called to the home five times in eighteen months.",
    "DEMO-LCSPR-P": "A fifteen-year-old was seriously injured in a stabbing.\n"
    "He had been reported missing eleven times in the year before.",
    "DEMO-LR-ABC": "Three families with young children where neglect lasted for years.\n"
    "Each was open to several agencies at once.",
    "DEMO-SAR-F": "A woman in her seventies with a long history of depression died after a fall.\n"
    "She had been discharged from hospital weeks earlier and declined visits.",
    "DEMO-DARDR-G": "A woman in her thirties took her own life after years of abuse by her "
    "former partner.",
}


def _day(today: date, years_ago: int, days: int = 0) -> date:
    start = date(today.year - years_ago, 3, 1) if years_ago else today - timedelta(days=240)
    return start + timedelta(days=days)


def add_history(ctx: AppContext) -> tuple[list[str], list[str]]:
    """Add the past reviews; returns (references added, references already there)."""
    added, skipped = [], []
    ids: dict[str, int] = {}
    for spec in HISTORY:
        try:
            ids[spec.reference] = find_review_id(ctx, spec.reference)
            skipped.append(spec.reference)
            continue
        except NotFoundError:
            pass
        ids[spec.reference] = _add(ctx, spec)
        added.append(spec.reference)
    if "DEMO-RR-K" in added and "DEMO-LCSPR-K" in ids:
        link_conversion(ctx, ids["DEMO-RR-K"], ids["DEMO-LCSPR-K"])
    return added, skipped


def _add(ctx: AppContext, spec: PastReview) -> int:
    today = ctx.today()
    decision = _day(today, spec.years_ago, 30)
    signed = decision + timedelta(days=spec.signed_off_after) if spec.signed_off_after else None
    review_id = create_review(
        ctx,
        review_type=spec.review_type,
        reference=spec.reference,
        title=spec.title,
        subject_pseudonym=spec.subject,
        partnership=spec.partnership,
        protective_marking="OFFICIAL",
        status=spec.status,
        incident_date=_day(today, spec.years_ago),
        aware_date=_day(today, spec.years_ago, 2),
        notification_date=_day(today, spec.years_ago, 5),
        decision_date=decision,
        sign_off_date=signed,
        publication_date=signed + timedelta(days=30) if signed else None,
    )
    try:
        _fill(ctx, review_id, spec, decision)
    except Exception:
        delete_review(ctx, review_id)  # never a half-built review
        raise
    return review_id


def _fill(ctx: AppContext, review_id: int, spec: PastReview, decision: date) -> None:
    set_review_themes(ctx, review_id, list(spec.themes))
    if spec.reference in BACKGROUNDS:
        report = get_report(ctx, ensure_report(ctx, review_id, "brief"))
        section = next(s for s in report.sections if s.title == "Background")
        apply_fields(ctx, "report_section", section.id, {"text": BACKGROUNDS[spec.reference]})
    for name, sector, lessons, good in spec.agencies:
        imr_id = add_agency(ctx, review_id, name, sector)
        for step, offset in (("requested", 7), ("received", 60), ("accepted", 90)):
            set_imr_status(ctx, imr_id, step, on=decision + timedelta(days=offset))
        values = {k: v for k, v in (("lessons", lessons), ("good_practice", good)) if v}
        apply_fields(ctx, "imr", imr_id, {**values, "date_due": decision + timedelta(days=56)})
    for finding in spec.findings:
        finding_id = add_finding(ctx, review_id, finding.title, finding.kind)
        apply_fields(
            ctx,
            "finding",
            finding_id,
            {"narrative": finding.narrative, "status": "agreed",
             "agreed_on": decision + timedelta(days=150), "agreed_at": "Panel meeting"},
        )  # fmt: skip
        set_themes(ctx, finding_id, list(finding.themes))
    for rec in spec.recommendations:
        rec_id = add_item(ctx, "review_recommendation", review_id, {"text": rec.text})
        apply_fields(
            ctx,
            "recommendation",
            rec_id,
            {"addressee": rec.addressee, "board_response": rec.response,
             "response_reason": rec.reason},
        )  # fmt: skip
        for a in rec.actions:
            done = decision + timedelta(days=320)
            add_item(
                ctx,
                "action",
                rec_id,
                {"action": a.action, "lead_agency": a.agency, "status": a.status,
                 "target_date": decision + timedelta(days=365),
                 "completion_date": done if a.status == "complete" else None,
                 "evidence": a.evidence, "not_accepted_reason": a.reason},
            )  # fmt: skip
    # The past reviews met their national steps on time; the one still under way has met
    # those of its start, and its report is late (as many are).
    for item in checklist(ctx, review_id):
        early = item.rule.anchor in ("aware", "notification", "decision") and not item.rule.months
        if item.due is not None and item.due <= ctx.today() and (spec.signed_off_after or early):
            mark_done(ctx, review_id, item.rule.key, item.due)
