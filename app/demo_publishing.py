"""The publishing side of the demonstration: people registers for the reviews, and the published
serious case review (DEMO-SCR-M) completed and its Executive Summary issued as final through the
real pipeline, so a newcomer finds an issued, frozen document in the store. All fictional."""

import shutil
import tempfile
from dataclasses import replace
from pathlib import Path

from app.context import AppContext
from app.demo_history import HISTORY
from app.demo_people import add_demo_registers
from app.documents import ensure_report, get_report
from app.edits import apply_fields
from app.items import add_item
from app.reviews import find_review_id, get_review

PUBLISHED = "DEMO-SCR-M"
REGISTERED = ("DEMO-LCSPR-L", "DEMO-LCSPR-T", PUBLISHED)

_PANEL = (
    ("Bernadette Oyelaran", "chair", "Independent chair"),
    ("Graham Tillotson", "overview_author", "Independent reviewer"),
    ("Alison Mbeki-Ward", "member", "Brackenford Council Children's Services"),
    ("Hywel Pritchard", "member", "Marchshire Community Health NHS Trust"),
    ("Joanne Eccleston", "member", "Marchshire Police"),
    ("Rashid Quereshi", "member", "Brackenford Council Education Service"),
    ("Lorna Fairbairn", "business_manager", "Brackenford Safeguarding Children Partnership"),
)
_LINES = (
    "How well did agencies identify and assess the adults who cared for Baby M, including "
    "the mother's partner?",
    "Were concerns about a baby who was not yet mobile recognised and acted on in line with "
    "the partnership's bruising protocol?",
    "How effectively was information shared between agencies, and was it followed through?",
)
_IMR_RECOMMENDATIONS = {
    "childrens_social_care": "Assessments of families with a baby to record every adult "
    "who provides care, and to include a conversation with each of them.",
    "health": "Health visitors to ask at every contact who else looks after the baby, and "
    "to record the answer in the child's record.",
    "police": "Domestic incident reports involving a household with a baby to be shared "
    "with the health visiting service as well as with children's services.",
}

_SUMMARY = {
    "Introduction": """
This Executive Summary sets out the findings of a serious case review commissioned by the
Brackenford Safeguarding Children Partnership after Baby M, aged four months, was admitted to
hospital with a serious head injury. Baby M survived and is now cared for by extended family.

The review drew on Individual Management Reviews from children's services, the community
health trust and the police, on a chronology of every agency's contact with the family, and on
conversations with practitioners and managers. The mother contributed to the review; the
mother's partner declined to take part.""",
    "Purpose of the review": """
A serious case review is not an inquiry into who was responsible for a child's injury; that is
a matter for the criminal courts. Its purpose is to establish what can be learned about the way
local agencies work together to protect children, to be clear about that learning, and to say
what should change as a result.

The panel looked at practice from the first antenatal appointment to Baby M's admission to
hospital, and asked what was known, what was done with that knowledge, and what got in the way
of a clearer picture of the baby's daily life.""",
    "Summary of the case": """
Baby M was the mother's first child. Midwifery and health visiting services were involved from
early in the pregnancy, and children's services received a referral before the birth because
of the mother's history of low mood and her own experience of care as a teenager. An assessment
concluded that the mother was well supported and the case was closed with advice.

After the birth the mother returned to work part-time. The mother's partner, who was not Baby
M's father, looked after the baby on most weekdays. He was not registered with the family's GP
practice and was not seen by any professional during the period under review.

Police attended the home once after a neighbour reported shouting. The officers spoke to the
mother, who said there had been an argument, and sent a notification to children's services.
Three weeks later the health visitor saw a small mark on Baby M's cheek, which the mother
explained as a scratch. Eleven days after that, Baby M was brought to hospital by ambulance.""",
    "Analysis": """
Every agency knew something of the household, and none knew enough. Assessments centred on the
mother, who was open and cooperative; the adult who spent most time with the baby was recorded
only as "partner" and was never spoken to. Professionals did not ask who cared for Baby M while
the mother was at work, and the answer would have changed the picture.

The police notification was received and logged, but it was not linked to the earlier
pre-birth assessment and was closed without contact with the health visitor. Each agency
assumed that another had the fuller picture.

The mark seen by the health visitor was on a baby who could not yet roll over. The
partnership's protocol expects any bruise or mark on a non-mobile baby to be referred for
medical assessment; that did not happen, in part because the explanation offered was plausible
and the health visitor did not know of the police call.""",
    "Conclusions": """
The panel does not find that Baby M's injury could have been predicted. It does find that
chances were missed to understand who was caring for the baby, to bring together what
different agencies knew, and to follow the bruising protocol, and that these reflect wider
patterns in local practice rather than the decisions of any one practitioner.

Several things were done well: antenatal care was timely and well coordinated, and officers
attending the home made a prompt referral. The agencies involved have already acted on much of
what the review found.""",
    "Learning points from the process": """
Practitioners took part openly and their accounts shaped the panel's understanding. The
review took longer than intended because the criminal investigation had to conclude before
some practitioners could be spoken to; the partnership now agrees a timetable with the police
at the outset of every review where a prosecution is possible.""",
}
_BRIEF = {
    "Evaluation of practice": """
Professionals worked hard with the mother, but nobody found out who looked after Baby M during
the day. The mother's partner was the main carer on weekdays and was never seen.

A police notification and a mark on the baby's face were each dealt with on their own. Had
they been put together, a referral under the bruising protocol would have followed.""",
    "What this means for your practice": """
Ask who looks after the baby, by name, at every contact, and record the answer.

Any bruise or mark on a baby who is not yet mobile must be referred, whatever the explanation.

When you share information, check that it has arrived and find out what was done with it.""",
}

# A draft written as authors first write, with real names: the published export and the
# release check show what the register does with them.
_DRAFT_T = {
    "Background": """
Tyler Ashdown was fifteen when he was seriously hurt in a town some
sixty miles from home. He had been looked after for two years and had lived at Harbourside
House, a children's home out of area, for the last eleven months. His mother, Sharon Ashdown,
stayed in close touch with him throughout and asked more than once for him to be moved nearer
home. Before the move Ty had been doing well at St Anselm's Primary School and later at his
local secondary school, where staff described a funny, loyal boy who loved football. The
school's records spell his mother's name as Sharron, and its notes say that Sharron came to
every parents' evening.""",
}


def add_publishing_demo(ctx: AppContext, added: list[str]) -> None:
    """Registers for the demo reviews just added; DEMO-SCR-M completed and its summary issued."""
    if PUBLISHED in added:  # its chronology first: the register takes its practitioners from it
        from app.demo_baby_m import add_baby_m_chronology

        add_baby_m_chronology(ctx, find_review_id(ctx, PUBLISHED))
    for reference in REGISTERED:
        if reference in added:
            add_demo_registers(ctx, find_review_id(ctx, reference), reference)
    if "DEMO-RR-K" in added:  # the rapid review's combined chronology, one file for all agencies
        from app.demo_rapid_review import add_rapid_review_chronology

        add_rapid_review_chronology(ctx, find_review_id(ctx, "DEMO-RR-K"))
    from app.demo_past_documents import add_past_documents  # the past reviews' documents

    add_past_documents(ctx, added)
    for spec in HISTORY:  # the past published reviews' summaries issued, as Baby M's below
        if spec.reference in added and spec.status == "published" and spec.reference != PUBLISHED:
            issue_document(ctx, find_review_id(ctx, spec.reference))
    if "DEMO-LCSPR-T" in added:
        _write(ctx, find_review_id(ctx, "DEMO-LCSPR-T"), "brief", _DRAFT_T)
    if PUBLISHED in added:
        review_id = find_review_id(ctx, PUBLISHED)
        _complete(ctx, review_id)
        issue_document(ctx, review_id)
        _waive_the_practice(ctx, review_id)
        issue_document(ctx, review_id, "overview")  # written from resources/demo/documents


def _complete(ctx: AppContext, review_id: int) -> None:
    for name, role, organisation in _PANEL:
        add_item(
            ctx,
            "panel_member",
            review_id,
            {"name": name, "role": role, "organisation": organisation},
        )
    for text in _LINES:
        add_item(ctx, "line_of_enquiry", review_id, {"text": text})
    for imr in get_review(ctx, review_id).imrs:
        text = _IMR_RECOMMENDATIONS.get(imr.sector)
        if text and imr.status == "accepted":  # not the agencies that gave a chronology only
            add_item(ctx, "recommendation", imr.imr_id, {"text": text})
    _write(ctx, review_id, "summary", _SUMMARY)
    _write(ctx, review_id, "brief", _BRIEF)


def _waive_the_practice(ctx: AppContext, review_id: int) -> None:
    """The GP practice is in the register (it prints as "the GP practice") and is also a
    contributing agency, named in the Overview Report's tables: the author waives those hits
    with a reason, as the release check asks."""
    from app.demo_baby_m_story import GP
    from app.publishing.release_check import check_publication, waive

    blocking = check_publication(ctx, review_id, "overview").blocking
    for hit_id in dict.fromkeys(h.id for h in blocking if h.reason == "name" and h.text == GP):
        waive(ctx, review_id, "overview", hit_id, "The practice is named only as a contributing "
              "agency, in the tables; the published copy prints it as the GP practice.")  # fmt: skip


def _write(ctx: AppContext, review_id: int, kind: str, texts: dict[str, str]) -> None:
    report = get_report(ctx, ensure_report(ctx, review_id, kind))
    for section in report.sections:
        if section.title in texts:
            apply_fields(ctx, "report_section", section.id, {"text": _tidy(texts[section.title])})


def issue_document(ctx: AppContext, review_id: int, kind: str = "summary"):
    """Issue the Executive Summary (or another of the review's documents) as final: the pipeline
    keeps the frozen file in the store; the copy it writes goes to a private folder removed
    straight afterwards. The document is dated the day the review was published (the store
    records when it was issued into it)."""
    from app.publishing.pipeline import publish

    published = get_review(ctx, review_id).publication_date
    if published and published < ctx.today():
        ctx = replace(ctx, today_override=published)
    folder = Path(tempfile.mkdtemp(prefix="reviewdesk-demo-"))  # mode 0700
    try:
        return publish(ctx, kind, folder / f"{kind}.pdf", review_id=review_id, final=True)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _tidy(text: str) -> str:
    from app.demo import _tidy as tidy

    return tidy(text)
