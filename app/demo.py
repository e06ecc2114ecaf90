"""Fictional demonstration reviews, so that ReviewDesk can be shown with realistic work in it.

Every person, family, place and organisation here is invented. Subjects carry pseudonyms,
relatives are described by relationship and practitioners by role, as in a real report.

Live dates are offsets in days from ``ctx.today()`` (negative: in the past), so the demonstration
always looks current: a few IMRs are overdue, one review is close to its target date and another
is past it. Case histories (scope periods) lie years back.

Only the service functions are used, so everything is validated and audited exactly as if a
person had entered it.
"""

import re
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import date, timedelta

from app.context import AppContext
from app.demo_chronology import add_demo_chronologies
from app.demo_findings import add_findings_and_plan
from app.demo_meetings import add_meetings
from app.edits import apply_fields
from app.errors import NotFoundError
from app.imrs import add_agency, set_imr_status
from app.items import add_item
from app.reviews import create_review, delete_review, find_review_id


@dataclass(frozen=True)
class Challenge:
    """A question the panel put to an agency; an empty answer means it is still open."""

    question: str
    raised: int
    answer: str = ""
    answered: int | None = None


@dataclass(frozen=True)
class DemoImr:
    agency: str
    sector: str
    status: str
    author: str = ""
    author_role: str = ""
    secured: int | None = None
    requested: int | None = None
    due: int | None = None
    received: int | None = None
    accepted: int | None = None
    not_required_reason: str = ""
    # summary, context, analysis, good_practice, lessons
    sections: dict[str, str] = field(default_factory=dict)
    challenges: tuple[Challenge, ...] = ()
    recommendations: tuple[str, ...] = ()


@dataclass(frozen=True)
class DemoReview:
    reference: str
    review_type: str
    title: str
    subject: str
    partnership: str
    status: str
    incident: int | None
    notification: int | None
    decision: int | None
    scope: tuple[int, int]
    lines_of_enquiry: tuple[str, ...]
    panel: tuple[tuple[str, str, str], ...]  # name, role, organisation
    imrs: tuple[DemoImr, ...]
    target: int | None = None  # only for types without a national timescale


# --------------------------------------------------------------------------------------------
# 1. LCSPR: the death of a toddler (Child L, aged 2)
# --------------------------------------------------------------------------------------------

CHILD_L = DemoReview(
    reference="DEMO-LCSPR-L",
    review_type="lcspr",
    title="Child L: the death of a two-year-old in temporary accommodation",
    subject="Child L",
    partnership="Brackenford Safeguarding Children Partnership",
    status="gathering",
    incident=-175,
    notification=-173,
    decision=-150,
    scope=(-175 - 3 * 365, -175),
    lines_of_enquiry=(
        """How well did agencies understand Child L's daily life and lived experience, and how
        was Child L's voice (including behaviour and presentation) heard?""",
        """What did agencies know about the adults in the household, in particular the
        mother's partner, and how was that information shared and used in assessments?""",
        """How effective was the response to the reports of domestic abuse, including the
        decisions made at the front door of children's social care (the MASH)?""",
        """How did agencies identify and respond to parental substance misuse, including the
        safe storage of prescribed opioid substitution medication in a home with a young
        child?""",
        """What was the impact of the family's move into temporary accommodation across the
        borough boundary on the services they received?""",
        """Were management oversight, supervision and escalation used effectively when
        concerns were not resolved?""",
    ),
    panel=(
        ("Margaret Ellison", "chair", "Independent chair"),
        ("Siobhán Kavanagh", "overview_author", "Independent reviewer"),
        ("Łukasz Nowak", "business_manager", "Brackenford Safeguarding Children Partnership"),
        ("Priya Raman", "member", "Marchshire Police, Public Protection Unit"),
        ("Zoë Hartley", "member", "Brackenford Council Children's Services"),
        ("Gareth Pryce", "member", "Brackenford and Marchshire ICB (designated nurse)"),
        ("Dr Nkechi Obi", "adviser", "Designated doctor for child safeguarding"),
    ),
    imrs=(
        DemoImr(
            agency="Marchshire Police",
            sector="police",
            status="accepted",
            author="Tom Haddon",
            author_role="Detective Inspector, Safeguarding Review Unit",
            secured=-170,
            requested=-120,
            due=-64,
            received=-72,
            accepted=-41,
            sections=dict(
                summary="""Marchshire Police had six recorded contacts with Child L's household
                in the fourteen months before Child L's death: three reports of domestic abuse
                between Child L's mother and her partner, a concern for welfare call from a
                neighbour, a report of criminal damage at the temporary accommodation, and the
                response to the emergency call on the day of the incident. Child L was present
                at two of the domestic incidents. Each was assessed as standard risk using the
                DASH risk assessment, and a notification was sent to the MASH each time.""",
                context="""During the period under review the force was moving its Public
                Protection Notification process to a new records system. Response officers
                faced high demand, and the neighbourhood team covering the temporary
                accommodation had three vacant posts. Force policy required officers to see
                and record every child present. Training on the voice of the child at domestic
                incidents had reached about two thirds of response officers at the time.""",
                analysis="""Officers attending the second incident recorded that Child L was
                asleep and did not see the child, so the notification contained no description
                of Child L or of the home conditions. Each incident was risk assessed on its own
                facts. Earlier incidents at a different address were not linked, because the
                mother's partner had been recorded under two spellings of his surname; had they
                been linked, the pattern would have met the threshold for review by the domestic
                abuse triage team. Officers relied on the mother's statement that her partner
                was leaving the household, and there is no record that this was checked.""",
                good_practice="""The officer attending the welfare call spoke with the mother
                alone and gave her information about the local domestic abuse service.
                Notifications to the MASH were submitted within 24 hours in every case. On the
                day of the incident officers preserved the scene while supporting the family,
                and the force secured its records for the review promptly.""",
                lessons="""Officers must see and record every child present, including a child
                who is asleep, and describe what they observe of the child's circumstances.
                Repeat incidents involving the same adults need to be linked across addresses
                and spellings so that cumulative risk is recognised. A statement that a partner
                has left is information to be tested, not a reason to reduce concern.""",
            ),
            challenges=(
                Challenge(
                    """The IMR says officers relied on the mother's account that her partner had
                    left. Were any checks made at the time, for example with the housing
                    provider, and was this raised in supervision?""",
                    raised=-60,
                    answer="""No checks were made, and the supervision records of the
                    attending officers do not refer to the incident. A paragraph and a further
                    recommendation on repeat standard-risk incidents have been added.""",
                    answered=-48,
                ),
            ),
            recommendations=(
                """Marchshire Police to remind all response officers, through briefings and
                the annual domestic abuse training, that every child present at a domestic
                incident must be seen and their presentation and circumstances recorded,
                including children who are asleep.""",
                """Marchshire Police to introduce a data quality check so that people recorded
                under variant spellings are linked before a domestic abuse risk assessment is
                finalised, and to audit its effect after six months.""",
                """Marchshire Police to ensure that the domestic abuse triage team reviews any
                household with three or more standard-risk incidents in twelve months, and
                records its decision.""",
            ),
        ),
        DemoImr(
            agency="Marchshire Ambulance Service NHS Trust",
            sector="health",
            status="not_required",
            not_required_reason="""The service's only contact was the emergency response on the
            day of the incident. The panel agreed that a short agency report with the call log
            and patient care record is sufficient; no IMR is required.""",
        ),
        DemoImr(
            agency="Brackenford Hospitals NHS Foundation Trust",
            sector="health",
            status="received",
            author="Helen Carver",
            author_role="Named nurse for safeguarding children",
            secured=-171,
            requested=-120,
            due=-64,
            received=-6,
            sections=dict(
                summary="""Child L attended the Emergency Department twice before the day of
                the incident: at 14 months with a scald to the left forearm, and at 20 months
                after a reported fall from a sofa, with bruising to the forehead. Both times
                Child L was brought by the mother. At the second attendance Child L was seen by
                the paediatric registrar and discharged home. A paediatric liaison notification
                was sent to the health visiting service after each attendance.""",
                context="""The Emergency Department uses an electronic safeguarding checklist
                that prompts staff to consider the child's age, mobility and the explanation
                given. At the time of the first attendance the checklist was on paper and was
                not scanned into the record. The paediatric liaison team had two nurses for
                about 27,000 child attendances a year, and one post was vacant for four
                months of the scope period.""",
                analysis="""The explanation for the scald was consistent with the injury, and
                the clinician recorded advice about hot drinks. Bruising to the forehead is
                common in a newly mobile child, and the conclusion that the second injury was
                accidental was reasonable on the information available. However, the clinician
                did not know of the earlier attendance or of the police notifications: previous
                attendances were not prominent in the system, and no agency flag was visible
                for a child who was not subject to a plan. The liaison notifications went to the
                health visiting service but not to the GP, who was unaware of both visits.""",
                good_practice="""Both attendances have a completed safeguarding checklist and a
                clear record of the history given and of Child L's presentation. The registrar
                reviewed Child L in person. On the day of the incident staff supported the
                family with care and notified the police and the child death review process
                without delay.""",
                lessons="""A pattern of attendances is only visible if earlier attendances are
                easy to find. Liaison notifications should reach every health professional
                responsible for the child, including the GP. Staff should ask who lives in the
                home and who was caring for the child when an injury happened.""",
            ),
            recommendations=(
                """The Trust to send paediatric liaison notifications to the child's GP as well
                as to the health visiting or school nursing service, and to audit compliance
                quarterly for one year.""",
                """The Trust to add a prompt to the Emergency Department safeguarding checklist
                to record who lives in the household and who was caring for the child when the
                injury happened.""",
            ),
        ),
        DemoImr(
            agency="Riverside Medical Practice (via Brackenford and Marchshire ICB)",
            sector="health",
            status="requested",
            author="Dr Amara Osei",
            author_role="Named GP for safeguarding children, Brackenford and Marchshire ICB",
            secured=-168,
            requested=-120,
            due=-18,  # an extension was agreed; still not received
        ),
        DemoImr(
            agency="Marchshire Community Health NHS Trust (0-19 service)",
            sector="health",
            status="accepted",
            author="Rachel Fenwick",
            author_role="Named nurse, safeguarding children",
            secured=-169,
            requested=-120,
            due=-64,
            received=-66,
            accepted=-24,
            sections=dict(
                summary="""The health visiting service provided the universal programme to
                Child L from the new birth visit. The new birth visit and the six to eight week
                review were completed at home and the one-year review in clinic. The two-year
                review was offered three times: Child L was not brought to two appointments, and
                the review was completed at home four weeks before Child L's death by a
                different health visitor. The service received two paediatric liaison
                notifications and three police notifications through the MASH.""",
                context="""During the scope period the service in Brackenford worked at about
                two thirds of its funded health visitor establishment and had moved to a
                targeted model in which families assessed as needing the universal service were
                mostly seen in clinics. Child L was allocated to four health visitors in two
                years, partly because of the move into temporary accommodation in another
                team's area.""",
                analysis="""Each notification was read and filed. The health visitor who
                received the third police notification telephoned the mother, who said the
                relationship had ended. The family's level of service was not reconsidered and
                the notifications were not taken to safeguarding supervision. The missed
                two-year reviews were recorded as 'did not attend', and the policy on children
                not brought to appointments was not applied. At the home visit a man was
                present and introduced as a friend; his name and his part in Child L's care
                were not recorded. The developmental review showed some delay in Child L's
                speech, and a referral was planned.""",
                good_practice="""The new birth visit was thorough and included routine enquiry
                about domestic abuse. The health visitor who completed the two-year review
                persisted in arranging a home visit after two missed appointments, and made a
                detailed record of Child L's development and of the home conditions.""",
                lessons="""Notifications of domestic abuse and hospital attendances should lead
                to a review of the family's level of service, not only a call to the parent.
                Missed appointments for a young child should be understood as the child not
                being brought. Practitioners should be curious about every adult in the home,
                record who they are and consider what their presence means for the child.""",
            ),
            challenges=(
                Challenge(
                    """Please explain why the family's level of service was not reviewed after
                    the third police notification, and whether caseload pressure was a
                    factor.""",
                    raised=-54,
                    answer="""The health visitor held a caseload of about 600 children, twice
                    the recommended level. The IMR now includes the team's caseload figures and
                    the interim prioritisation guidance in force at the time.""",
                    answered=-38,
                ),
            ),
            recommendations=(
                """The Trust to require that a police notification of domestic abuse, or an
                emergency department attendance of a child under two, leads to a review of the
                family's level of service and a discussion in safeguarding supervision.""",
                """The Trust to replace 'did not attend' with 'was not brought' for children in
                its records, and to relaunch its policy on children not brought to
                appointments, with an audit after six months.""",
                """The Trust to require practitioners to record the name, relationship and role
                of every adult living in or regularly visiting the household.""",
            ),
        ),
        DemoImr(
            agency="Brackenford Council Children's Services",
            sector="childrens_social_care",
            status="under_challenge",
            author="Sunita Bhatt",
            author_role="Head of Quality Assurance, Children's Services",
            secured=-170,
            requested=-120,
            due=-64,
            received=-30,
            sections=dict(
                summary="""Children's Social Care received five contacts about Child L: three
                police notifications of domestic abuse, a referral from the nursery after a
                bruise was seen, and a request for safety equipment passed on by the temporary
                accommodation team. The first two police notifications were screened in the MASH
                and passed to Early Help with a letter to the mother. The nursery referral led
                to a child and family assessment, which concluded that Child L was not a child
                in need and recommended Early Help. The mother declined Early Help and the case
                was closed eleven weeks before Child L's death.""",
                context="""The MASH received on average about 1,100 contacts a month during the
                scope period, well above the level for which it was staffed. The assessment
                team had a high vacancy rate and relied on agency social workers; Child L's
                assessment was completed by an agency social worker who left the authority soon
                afterwards. The threshold document was being revised, and a new Early Help
                offer had been launched four months before the first contact.""",
                analysis="""MASH decisions were made on each contact separately, and the
                history of earlier notifications was not summarised for the manager deciding
                the outcome. The assessment recorded the mother's account in detail but did not
                include a conversation with her partner, a check with the substance misuse
                service, or a home visit with both adults present. Child L was seen once, at
                nursery. The conclusion relied on the mother's statement that her partner had
                moved out, which did not fit the police and housing information already held.
                The decision to close when Early Help was declined was made without considering
                what the refusal might mean for Child L.""",
                good_practice="""The social worker saw Child L at nursery and recorded the key
                worker's observations of Child L's play and speech. The nursery referral was
                acted on the same day, and a strategy discussion was considered and the
                reasoning recorded. The closure record sets out the reasons clearly, which
                allows the decision to be understood and learned from.""",
                lessons="""Screening decisions need a summary of previous contacts so that
                cumulative risk is visible. Assessments must include every adult who lives in
                or regularly visits the household. When parents decline Early Help, a manager
                should consider what that means for the child before the case is closed.""",
            ),
            challenges=(
                Challenge(
                    """The assessment records that the mother's partner had moved out. What
                    information did the social worker have from the police and housing at the
                    time, and why was it not reconciled?""",
                    raised=-16,
                    answer="""The police notifications and the housing request were on the
                    system. The social worker has left the authority and could not be
                    interviewed; the team manager recalls a backlog at the time. A section on
                    workload has been added to the IMR.""",
                    answered=-6,
                ),
                Challenge(
                    """Please give the number of social workers and team managers responsible
                    for Child L's records during the scope period, and the dates of all
                    management oversight entries.""",
                    raised=-16,
                ),
                Challenge(
                    """The IMR does not say whether closing the case after Early Help was
                    declined was in line with the threshold document then in force. Please
                    clarify.""",
                    raised=-9,
                ),
            ),
            recommendations=(
                """Brackenford Children's Services to ensure that the MASH record of every
                contact includes a summary of contacts in the previous two years, and that
                three or more contacts in twelve months lead to a manager's review.""",
                """Brackenford Children's Services to strengthen its assessment practice
                standard so that all adults in the household are identified, checked and, where
                possible, seen.""",
            ),
        ),
        DemoImr(
            agency="Little Acorns Day Nursery",
            sector="education",
            status="requested",
            author="Hannah Brook",
            author_role="Early years safeguarding adviser, Brackenford Council",
            secured=-22,
            requested=-24,  # identified late, from the police IMR
            due=18,
        ),
        DemoImr(
            agency="Brackenford Council Housing Options",
            sector="housing",
            status="accepted",
            author="Marcus Lee",
            author_role="Temporary Accommodation Service Manager",
            secured=-165,
            requested=-120,
            due=-64,
            received=-58,
            accepted=-30,
            sections=dict(
                summary="""Child L's mother approached the Housing Options service as homeless
                after the family were evicted from a privately rented flat for rent arrears.
                They spent nine days in bed and breakfast accommodation and were then placed in
                a self-contained temporary flat in the neighbouring borough of Eastwold, where
                they lived until Child L's death. The housing file records the mother as a
                single parent with one child.""",
                context="""At the time more than 900 households were in temporary
                accommodation and about a quarter were placed outside the borough. Whether the
                receiving authority and local health services were told of an out-of-borough
                placement depended on the individual officer. Temporary accommodation officers
                each managed about 180 households and visited by appointment.""",
                analysis="""The housing officer was not told about the mother's partner. His
                frequent presence at the flat was known only from a neighbour's complaint about
                noise, which was treated as a tenancy matter. The placement was not notified to
                Eastwold Council, the health visiting service or the GP, which contributed to
                Child L's health visitor changing twice. The mother's request for help with a
                cot and a stair gate was rightly passed to Children's Social Care, but nobody
                checked whether the equipment was provided.""",
                good_practice="""The family were moved out of bed and breakfast accommodation
                well within the six-week limit, into self-contained accommodation suitable for
                a young child. The officer recognised the request for safety equipment as a
                welfare matter and referred it on.""",
                lessons="""Out-of-borough placements of families with young children should be
                notified to the receiving authority and to health services as routine.
                Complaints about a household with a young child can carry safeguarding
                information and should be read with that in mind.""",
            ),
            recommendations=(
                """Brackenford Housing Options to make notification of out-of-borough temporary
                accommodation placements to the receiving authority, the health visiting
                service and the GP a mandatory step in its case management system.""",
                """Brackenford Housing Options to include safeguarding awareness, including the
                significance of neighbour complaints about households with young children, in
                the induction of all temporary accommodation officers.""",
            ),
        ),
        DemoImr(
            agency="Marchshire Recovery Partnership (drug and alcohol service)",
            sector="health",
            status="not_requested",  # identified late; consent and scope still being agreed
        ),
    ),
)

# --------------------------------------------------------------------------------------------
# 2. LCSPR: an adolescent in care, missing and criminally exploited (Child T, aged 15)
# --------------------------------------------------------------------------------------------

CHILD_T = DemoReview(
    reference="DEMO-LCSPR-T",
    review_type="lcspr",
    title="Child T: serious harm to a looked after child placed out of area",
    subject="Child T",
    partnership="Brackenford Safeguarding Children Partnership",
    status="analysis",
    incident=-250,
    notification=-247,
    decision=-212,
    scope=(-250 - 2 * 365, -250),
    lines_of_enquiry=(
        """Placement decisions: how was the out-of-area placement found, and how were the risks
        of placing Child T far from home and his networks assessed and reviewed?""",
        """Missing episodes: how many were there, how good were the return home interviews, and
        was the pattern recognised and acted on?""",
        """Exploitation: how did agencies recognise and respond to criminal exploitation,
        including use of the National Referral Mechanism and contextual safeguarding?""",
        """Information sharing and cooperation between the two local authorities, the police
        and the placement provider across the local authority border.""",
        """Education: what was the effect of a part-time timetable in alternative provision on
        Child T's safety?""",
        """Child T's voice, identity and emotional wellbeing, including his access to mental
        health services.""",
    ),
    panel=(
        ("Dafydd Pryce-Hughes", "chair", "Independent chair"),
        ("Chloé Martin", "overview_author", "Independent reviewer"),
        ("Aoife Brennan", "business_manager", "Brackenford Safeguarding Children Partnership"),
        ("Ravi Chauhan", "member", "Brackenford Council Children's Services"),
        ("Helen Moss", "member", "Eastwold Police"),
        ("Grace Adeyemi", "member", "Brackenford and Marchshire ICB"),
        ("Sam Whitfield", "adviser", "Adviser on child criminal exploitation"),
    ),
    imrs=(
        DemoImr(
            agency="Eastwold Police",
            sector="police",
            status="accepted",
            author="Neil Armitage",
            author_role="Detective Chief Inspector, Public Protection",
            secured=-245,
            requested=-195,
            due=-140,
            received=-150,
            accepted=-101,
            sections=dict(
                summary="""Eastwold Police received fourteen reports of Child T missing from
                the children's home and recorded him as found or returned each time. On three
                occasions he was found more than fifty miles away in another force area. He was
                arrested once, with cash, two mobile phones and a quantity of crack cocaine,
                and released under investigation.""",
                context="""The force had a missing persons coordinator in each district, but
                the post covering the children's home was vacant for five months of the scope
                period. At the time the force's systems did not flag children placed into the
                area by other local authorities.""",
                analysis="""Each missing episode was graded on its own facts as low or medium
                risk, although by the sixth episode the pattern showed repeated travel to the
                same coastal town, unexplained money and new phones. Intelligence linking
                Child T to a county line was held by a neighbouring force and was not shared
                until after the incident. After his arrest Child T was treated mainly as a
                suspect; a National Referral Mechanism referral was not considered until the
                Youth Justice Service raised it four weeks later.""",
                good_practice="""Safe and well checks were completed on every return and
                recorded Child T's own account of where he had been. The arresting officer
                secured an appropriate adult promptly and recorded concerns about exploitation
                in the custody record.""",
                lessons="""A pattern of missing episodes is itself an indicator of exploitation
                and should raise the risk grading. Children placed into an area by another
                authority must be visible to local policing teams. A child found with drugs far
                from home should be considered as a possible victim from the outset.""",
            ),
            recommendations=(
                """Eastwold Police to ensure that a third missing episode within 90 days leads
                to a review by the missing persons coordinator and a referral to the
                exploitation panel.""",
                """Eastwold Police to flag on its systems all children placed into the force
                area by other local authorities.""",
                """Eastwold Police to include the National Referral Mechanism and the statutory
                defence in section 45 of the Modern Slavery Act 2015 in custody training.""",
            ),
        ),
        DemoImr(
            agency="Brackenford Council Children's Services",
            sector="childrens_social_care",
            status="under_challenge",
            author="Paul Okonjo",
            author_role="Service Manager, Quality Assurance",
            secured=-246,
            requested=-195,
            due=-140,
            received=-112,
            sections=dict(
                summary="""Child T became looked after at thirteen, first by agreement with his
                mother and then under an interim care order. Two foster placements in
                Brackenford ended within months, and he was then placed in a children's home in
                Eastwold, about sixty miles away, because no nearer placement able to meet his
                needs could be found. He had three social workers and two independent reviewing
                officers in the two years under review.""",
                context="""The authority had too few local residential placements and placed
                most children needing residential care out of area. Social workers for children
                placed at a distance visited every six weeks, each visit taking most of a
                working day. The return home interview service it commissioned covered only
                Brackenford.""",
                analysis="""Statutory visits were on time, and Child T told two social workers
                that he felt 'dumped' far from his family and friends. The care plan recorded
                the missing episodes but had no plan to reduce them, and the risk of criminal
                exploitation was first recorded six months into the placement, after his
                arrest. Return home interviews were offered by telephone for most episodes;
                Child T took part in two. A move nearer home was deferred at each looked after
                review because no alternative placement was available.""",
                good_practice="""Child T's second social worker built a good relationship with
                him and kept in touch with his mother, arranging family time despite the
                distance. The independent reviewing officer escalated the lack of a local
                placement to the head of service through the dispute resolution process.""",
                lessons="""Placing a child far from home and his networks can increase his
                vulnerability to exploitation; the risk should be assessed before the placement
                and reviewed regularly. Return home interviews must be available wherever a
                child is placed, face to face and by someone the child trusts.""",
            ),
            challenges=(
                Challenge(
                    """The review cannot establish the number of missing episodes: this IMR and
                    the police IMR give fourteen, the placement provider's IMR seventeen. Please
                    reconcile the figures.""",
                    raised=-62,
                    answer="""The authority's records list fourteen episodes reported to the
                    police. Three further occasions of lateness reported by the home were not
                    recorded as missing. The chronology has been corrected.""",
                    answered=-40,
                ),
                Challenge(
                    """Why was the risk of criminal exploitation not recorded until after the
                    arrest, when the home's first weekly reports mentioned unexplained money and
                    phones?""",
                    raised=-33,
                ),
                Challenge(
                    """What information did the authority share with Eastwold Council and
                    Eastwold Police when the placement began, and when?""",
                    raised=-33,
                ),
            ),
            recommendations=(
                """Brackenford Children's Services to agree with each host authority, before or
                at the start of an out-of-area placement, how return home interviews will be
                carried out face to face.""",
                """Brackenford Children's Services to include an assessment of the risk of
                exploitation in placement planning for all children aged 11 and over placed
                out of area.""",
            ),
        ),
        DemoImr(
            agency="Meadowgate Care Ltd (Harbourside House)",
            sector="other",
            status="accepted",
            author="Joanne Price",
            author_role="Responsible Individual, Meadowgate Care Ltd",
            secured=-244,
            requested=-195,
            due=-140,
            received=-138,
            accepted=-96,
            sections=dict(
                summary="""Child T lived at Harbourside House, a four-bed children's home, for
                eleven months. The home recorded seventeen occasions when he was missing or
                absent without permission and reported fourteen to the police under the joint
                protocol. Staff logged his presentation on return in detail, including new
                clothes, cash and injuries he would not explain.""",
                context="""The registered manager left two months after Child T arrived and an
                acting manager was in post until the incident. The staff group included several
                new starters, and about a quarter of shifts were covered by agency staff.""",
                analysis="""Staff recognised early that Child T was at risk of exploitation and
                said so in weekly reports to the placing authority. The reports were sent to a
                shared mailbox, and there is no evidence they were read at the time. The home
                did not attend the Eastwold exploitation panel because it did not know the panel
                existed. Agency cover meant that Child T often came back to adults he did not
                know.""",
                good_practice="""The key worker's records show a warm, persistent relationship
                with Child T and capture his voice well. The home told the police promptly
                every time and shared descriptions and photographs that helped find him.""",
                lessons="""Providers need to know the host area's arrangements for missing and
                exploited children. Concerns sent to a placing authority should go to a named
                worker and be acknowledged.""",
            ),
            challenges=(
                Challenge(
                    """Please explain the difference between the seventeen episodes recorded by
                    the home and the fourteen reported to the police.""",
                    raised=-120,
                    answer="""Three occasions were periods of lateness of under an hour where
                    Child T's whereabouts were known; they were recorded as unauthorised absence
                    in line with the joint protocol.""",
                    answered=-104,
                ),
            ),
            recommendations=(
                """Meadowgate Care Ltd to include the host authority's missing and exploitation
                procedures and contacts in the induction for every home it runs.""",
                """Meadowgate Care Ltd to send weekly reports to the named social worker and
                escalate to the team manager if they are not acknowledged within five working
                days.""",
            ),
        ),
        DemoImr(
            agency="Eastwold Learning Centre (alternative provision)",
            sector="education",
            status="accepted",
            author="Karen Doyle",
            author_role="Deputy Headteacher and Designated Safeguarding Lead",
            secured=-240,
            requested=-195,
            due=-140,
            received=-141,
            accepted=-110,
            sections=dict(
                summary="""Child T was placed at the Eastwold Learning Centre, an alternative
                provision academy, after three weeks without a school place on arriving in
                Eastwold. He attended a part-time timetable of fifteen hours a week, intended to
                last six weeks and still in place at the time of the incident. He attended just
                over half of the reduced timetable.""",
                context="""The centre had 80 pupils aged 11 to 16, many placed by other
                authorities. Its designated safeguarding lead was also the deputy headteacher.
                Brackenford's Virtual School held Child T's personal education plan.""",
                analysis="""The part-time timetable left Child T unsupervised on most
                afternoons, when he was most often reported missing. Staff saw older young
                people waiting for him outside the centre and told the police, but the placing
                authority was not told. Personal education plan meetings were held each term
                but did not review the timetable.""",
                good_practice="""The designated safeguarding lead worked closely with the
                children's home and shared attendance daily. Staff built the curriculum around
                Child T's interest in music production, which he enjoyed.""",
                lessons="""Part-time timetables should be time-limited, reviewed often and
                treated as a safeguarding risk. Sightings of possible exploiters should be
                shared with every agency working with the child.""",
            ),
            recommendations=(
                """Eastwold Learning Centre to review every part-time timetable at least every
                four weeks with the child's social worker and the Virtual School, recording the
                safeguarding considerations.""",
            ),
        ),
        DemoImr(
            agency="Eastwold Youth Justice Service",
            sector="local_authority",
            status="accepted",
            author="Imran Qureshi",
            author_role="Operational Manager, Youth Justice Service",
            secured=-243,
            requested=-195,
            due=-140,
            received=-146,
            accepted=-110,
            sections=dict(
                summary="""Eastwold Youth Justice Service worked with Child T for four months
                after his arrest, first as appropriate adult and then through the out-of-court
                disposal panel. The case manager's assessment identified criminal exploitation
                as the main driver of his offending.""",
                context="""The service had a stable, experienced team with a seconded police
                officer, a mental health practitioner and an education worker, and a protocol
                with Brackenford Youth Justice Service for children placed across borders.""",
                analysis="""The case manager was the first practitioner to make a National
                Referral Mechanism referral, and argued successfully at the disposal panel that
                Child T should not be charged. The service's assessment reached Eastwold Police
                quickly but reached the Brackenford social worker only through the looked after
                review four weeks later.""",
                good_practice="""The case manager saw Child T weekly, often at the home and at
                short notice, and engaged him through his interest in music. The referral to
                the National Referral Mechanism was thorough and well evidenced.""",
                lessons="""Youth justice practitioners often hold the clearest picture of
                exploitation; their assessments should go directly to the child's social
                worker.""",
            ),
            recommendations=(
                """Eastwold Youth Justice Service to send every assessment of a looked after
                child placed from another authority directly to the child's social worker and
                independent reviewing officer.""",
            ),
        ),
        DemoImr(
            agency="Eastwold and Coast NHS Foundation Trust (CAMHS)",
            sector="health",
            status="under_challenge",
            author="Dr Elin Roberts",
            author_role="Consultant Clinical Psychologist and safeguarding lead",
            secured=-242,
            requested=-195,
            due=-140,
            received=-85,
            sections=dict(
                summary="""Child T was referred to CAMHS by the GP he registered with in
                Eastwold, after staff at the home reported low mood, poor sleep and heavy
                cannabis use. He was offered a first appointment after a 14-week wait, was not
                brought to two appointments, and was discharged to the GP under the service's
                policy.""",
                context="""Waits for a first appointment were 12 to 18 weeks. The service had a
                specialist team for looked after children, but children placed by other
                authorities were routed to the generic team unless their placing authority had
                commissioned an assessment.""",
                analysis="""The referral said that Child T was looked after and placed from
                another authority, but was triaged as routine because it described no immediate
                risk. When he was not brought, the service wrote to the GP and the home but did
                not contact his social worker. The discharge policy was applied as if Child T
                lived with his family, without considering that his corporate parent had not
                been told.""",
                good_practice="""Administrative staff telephoned the home before each
                appointment to remind staff. After the incident a clinician promptly offered an
                urgent appointment and arranged follow-up.""",
                lessons="""Looked after children placed from other authorities should have the
                same access to specialist teams as local children. A looked after child who is
                not brought should never be discharged without talking to the social
                worker.""",
            ),
            challenges=(
                Challenge(
                    """Was the service aware that Child T had been arrested before the second
                    appointment?""",
                    raised=-70,
                    answer="""No. No agency shared the arrest with CAMHS. This has been added to
                    the analysis.""",
                    answered=-52,
                ),
                Challenge(
                    """The IMR does not give the total time from referral to discharge, or say
                    whether the referral was re-prioritised as the missing episodes increased.
                    Please add the dates.""",
                    raised=-70,
                ),
            ),
            recommendations=(
                """The Trust to amend its discharge policy so that a looked after child who is
                not brought to an appointment is discussed with the social worker before any
                discharge.""",
                """The Trust to route referrals of all looked after children, including those
                placed from other authorities, to its looked after children's team.""",
            ),
        ),
        DemoImr(
            agency="Eastwold Council Children's Services (host authority)",
            sector="childrens_social_care",
            status="received",
            author="Louise Grant",
            author_role="Head of Service, Safeguarding and Exploitation",
            secured=-241,
            requested=-195,
            due=-140,
            received=-9,
            sections=dict(
                summary="""Eastwold Council was notified of Child T's placement three weeks
                after he moved. It was not responsible for him, but it chaired the local
                exploitation panel, ran the return home interview service for local children and
                received police notifications about missing children placed in its area.""",
                context="""Eastwold hosts more than 300 looked after children placed by other
                authorities, most in children's homes along the coast. Its MASH recorded
                notifications about these children separately from those about local
                children.""",
                analysis="""Police notifications of Child T's missing episodes were forwarded to
                Brackenford, but Child T was not discussed at the exploitation panel until
                after his arrest, because referrals were expected to come from the responsible
                authority. The local return home interview service was not commissioned to see
                children placed by other authorities.""",
                good_practice="""Once Child T was discussed at the exploitation panel,
                intelligence was shared quickly and a disruption plan was put in place around
                the address where he had been seen.""",
                lessons="""Host and responsible authorities need an agreed route for children
                placed across borders to be considered at local exploitation panels, whoever
                makes the referral.""",
            ),
            recommendations=(
                """Eastwold Council to accept referrals to its exploitation panel from any
                agency, including children's homes and the police, for children placed from
                other authorities, and to tell the responsible authority of each referral.""",
            ),
        ),
    ),
)

# --------------------------------------------------------------------------------------------
# 3. Serious case audit: chronic neglect of four siblings (the W children)
# --------------------------------------------------------------------------------------------

W_SIBLINGS = DemoReview(
    reference="DEMO-AUDIT-W",
    review_type="audit",
    title="Neglect audit: four siblings known to services for four years (the W children)",
    subject="Children W1, W2, W3 and W4",
    partnership="Brackenford Safeguarding Children Partnership",
    status="drafting",
    incident=-140,
    notification=None,
    decision=-110,
    scope=(-140 - 4 * 365, -140),
    target=12,  # set by the Learning and Improvement Subgroup
    lines_of_enquiry=(
        """How well did agencies recognise cumulative harm and chronic neglect, and were tools
        such as the Graded Care Profile 2 used?""",
        """What was the effect of the turnover of social workers, health visitors and managers on
        relationships with the children and on planning?""",
        """Drift and delay: did plans have clear outcomes and timescales, and were they
        reviewed?""",
        """Was each child's individual experience understood, including the youngest child's
        health needs and the eldest child's caring role?""",
        """How did housing conditions and poverty affect the family, and how did agencies
        respond?""",
    ),
    panel=(
        ("Ruth Adebayo", "chair", "Chair, Learning and Improvement Subgroup"),
        ("Kieran O'Dowd", "overview_author", "Independent reviewer"),
        ("Łukasz Nowak", "business_manager", "Brackenford Safeguarding Children Partnership"),
        ("Zoë Hartley", "member", "Brackenford Council Children's Services"),
        ("Fatima Begum", "member", "Brackenford and Marchshire ICB (designated nurse)"),
    ),
    imrs=(
        DemoImr(
            agency="Oakfield Primary School",
            sector="education",
            status="accepted",
            author="Deborah Lane",
            author_role="Headteacher",
            secured=-105,
            requested=-100,
            due=-58,
            received=-60,
            accepted=-28,
            sections=dict(
                summary="""Three of the four children attended Oakfield Primary School during
                the scope period. The school recorded concerns about their appearance, hunger,
                head lice and tiredness on more than sixty occasions over four years and made
                four referrals to Children's Social Care.""",
                context="""The school has a high proportion of pupils eligible for free school
                meals and runs a breakfast club. The designated safeguarding lead changed twice
                during the scope period.""",
                analysis="""Concerns were recorded conscientiously but were not brought
                together into a chronology until the fourth referral, the first to describe the
                cumulative impact on the children. Between referrals the school helped the
                family directly with uniform, food and lifts; this met immediate needs but may
                have made the neglect less visible to other agencies.""",
                good_practice="""Staff knew the children well and noticed changes in them. The
                fourth referral used the Graded Care Profile 2, was specific and well evidenced,
                and led to a child protection conference.""",
                lessons="""Schools should keep a running chronology where neglect is a concern
                and use it both in referrals and to challenge decisions to close a case.""",
            ),
            challenges=(
                Challenge(
                    """Did the school use the escalation procedure when its second and third
                    referrals did not lead to an assessment?""",
                    raised=-40,
                    answer="""No. Staff were not aware of the procedure at the time; the
                    designated safeguarding lead has since attended the partnership's training
                    on escalation.""",
                    answered=-31,
                ),
            ),
            recommendations=(
                """Oakfield Primary School to keep a chronology for every child where neglect
                is a concern, reviewed by the designated safeguarding lead each half term.""",
            ),
        ),
        DemoImr(
            agency="Marchshire Community Health NHS Trust (0-19 service)",
            sector="health",
            status="accepted",
            author="Bernadette Walsh",
            author_role="Named nurse, safeguarding children",
            secured=-104,
            requested=-100,
            due=-58,
            received=-55,
            accepted=-21,
            sections=dict(
                summary="""Health visitors and school nurses were involved with all four
                children. The youngest child missed three immunisations and two developmental
                reviews, and the second child needed dental extractions under general
                anaesthetic at six. One Graded Care Profile 2 assessment was completed, in the
                third year.""",
                context="""The family had five health visitors and three school nurses in four
                years, reflecting vacancies and the move to a 0-19 service.""",
                analysis="""Each practitioner worked with the family in good faith but started
                afresh, and missed appointments were not visible in summary form. The school
                nurse recognised the dental extractions as a sign of neglect and raised them at
                a child in need meeting, but the plan did not change.""",
                good_practice="""The Graded Care Profile 2 assessment was thorough and included
                the children's own views. The school nurse attended every child in need meeting
                she was invited to.""",
                lessons="""Handovers between practitioners must carry a summary of the family's
                history. Dental neglect is a clear marker of wider neglect.""",
            ),
            recommendations=(
                """The Trust to introduce a handover summary, including missed appointments and
                previous concerns, whenever a family's health visitor or school nurse
                changes.""",
                """The Trust to include dental neglect in its neglect training and practice
                guidance.""",
            ),
        ),
        DemoImr(
            agency="Brackenford Council Children's Services",
            sector="childrens_social_care",
            status="received",
            author="Sunita Bhatt",
            author_role="Head of Quality Assurance, Children's Services",
            secured=-106,
            requested=-100,
            due=-58,
            received=-20,
            sections=dict(
                summary="""Children's Social Care received eleven contacts about the children
                over four years. Three assessments each led to a child in need plan that closed
                after four to seven months when home conditions improved. The fourth referral
                led to a child protection conference, and all four children became subject to
                child protection plans.""",
                context="""The family had seven social workers and five team managers in four
                years, reflecting high turnover and two reorganisations. Use of the Graded Care
                Profile 2 became an expectation only in the final year.""",
                analysis="""Each assessment was sound on its own terms but treated the episode
                as new, and the cycle of improvement and decline was not recognised. Child in
                need plans lacked measurable outcomes and timescales, which hid drift, and
                there are no management oversight records for five months in the second year.
                The eldest child's care of the younger children was noted but not assessed.""",
                good_practice="""The third assessment included an unannounced visit, each child
                was seen alone and their views were recorded in their own words. The child
                protection conference was well prepared and the plan was specific.""",
                lessons="""Assessments of neglect must start from the history. Plans need
                clear outcomes and timescales, and decisions to close should ask whether
                earlier improvements lasted.""",
            ),
            recommendations=(
                """Brackenford Children's Services to require that an assessment of a family
                with two or more assessments in the previous three years includes a chronology
                and is authorised by a manager who has reviewed the history.""",
                """Brackenford Children's Services to audit child in need plans in neglect cases
                each quarter for measurable outcomes and timescales.""",
            ),
        ),
        DemoImr(
            agency="Meadow Lane Surgery",
            sector="health",
            status="accepted",
            author="Dr Simon Ashworth",
            author_role="Safeguarding lead GP",
            secured=-103,
            requested=-100,
            due=-58,
            received=-62,
            accepted=-35,
            sections=dict(
                summary="""The four children and their mother were registered with Meadow Lane
                Surgery. The children were seen for minor illnesses and missed immunisations
                were followed up by letter. The mother was treated for depression throughout the
                scope period.""",
                context="""The practice has a safeguarding lead GP and holds meetings with the
                health visiting team each quarter, although these stopped for a year during the
                scope period.""",
                analysis="""Taken together, the practice held information that pointed to
                neglect: missed immunisations, dental extractions, and the mother's low mood and
                isolation. The children's and mother's records were not linked, and the practice
                was not invited to contribute to child in need planning.""",
                good_practice="""The GP treating the mother recorded her caring
                responsibilities, asked about her support network and offered regular
                review.""",
                lessons="""Consultations with adults can hold important information about the
                care of children; linking family records helps clinicians see the whole
                family.""",
            ),
            recommendations=(
                """Meadow Lane Surgery to link the records of children and their parents and to
                code children subject to child in need or child protection plans.""",
            ),
        ),
        DemoImr(
            agency="Brackenford Homes",
            sector="housing",
            status="requested",
            author="Nia Williams",
            author_role="Tenancy Sustainment Manager",
            secured=-102,
            requested=-100,
            due=-5,  # revised date agreed with the panel; still awaited
        ),
    ),
)

# --------------------------------------------------------------------------------------------
# 4. Safeguarding Adults Review: self-neglect and a fatal house fire (Mr R), just commissioned
# --------------------------------------------------------------------------------------------

MR_R = DemoReview(
    reference="DEMO-SAR-R",
    review_type="sar",
    title="Mr R: self-neglect, hoarding and a fatal house fire",
    subject="Mr R",
    partnership="Marchshire Safeguarding Adults Board",
    status="gathering",
    incident=-95,
    notification=None,
    decision=-21,
    scope=(-95 - 2 * 365, -95),
    lines_of_enquiry=(
        """How did agencies understand and respond to Mr R's self-neglect and hoarding, and was
        the Board's self-neglect protocol used?""",
        """How was Mr R's mental capacity to make decisions about his home and health assessed,
        including his ability to carry out decisions he made?""",
        """How did agencies respond to Mr R's alcohol use and his repeated refusal of
        support?""",
        """How well did agencies share information about fire risk?""",
    ),
    panel=(
        ("Jonathan Reese", "chair", "Independent chair, Marchshire Safeguarding Adults Board"),
        ("Marta Sánchez", "overview_author", "Independent reviewer"),
        ("Ollie Grant", "business_manager", "Marchshire Safeguarding Adults Board"),
        ("Bethan Rhys", "member", "Marchshire Council Adult Social Care"),
    ),
    imrs=(
        DemoImr(
            agency="Marchshire Fire and Rescue Service",
            sector="other",
            status="received",
            author="Station Manager Claire Dunn",
            author_role="Prevention and Protection",
            secured=-90,
            requested=-14,
            due=35,
            received=-3,
            sections=dict(
                summary="""The service completed one home fire safety visit to Mr R, eleven
                months before the fire, after a referral from his housing association. Crews
                attended the fire in which Mr R died.""",
                context="""Home fire safety visits are prioritised by a risk score, which
                hoarding, smoking and alcohol use each raise. The service works to a hoarding
                protocol agreed with the Safeguarding Adults Board.""",
                analysis="""The technician recorded heavy clutter, smoking in bed and an empty
                smoke alarm mounting, fitted two smoke alarms and gave advice. The clutter was
                rated 7 on the clutter image rating scale, which under the protocol should have
                led to a safeguarding referral to Adult Social Care. No referral was made and no
                follow-up visit was booked.""",
                good_practice="""The visit was made within the target time, and the record is
                detailed and includes Mr R's own explanation of why he kept his belongings.""",
                lessons="""The hoarding protocol works only if staff who find high levels of
                clutter make the referral it requires. A follow-up visit should be booked
                whenever very high fire risk is found and help is declined.""",
            ),
            recommendations=(
                """Marchshire Fire and Rescue Service to add a mandatory referral prompt to the
                home fire safety visit form when a clutter rating of 7 or more is recorded.""",
                """Marchshire Fire and Rescue Service to book a follow-up visit within three
                months for anyone assessed as very high risk.""",
            ),
        ),
        DemoImr(
            agency="Marchshire Council Adult Social Care",
            sector="adult_social_care",
            status="requested",
            author="Mark Ellis",
            author_role="Principal Social Worker, Adults",
            secured=-90,
            requested=-14,
            due=35,
        ),
        DemoImr(
            agency="Eastside Medical Group",
            sector="health",
            status="requested",
            author="Dr Leah Morgan",
            author_role="Named GP for safeguarding adults, Brackenford and Marchshire ICB",
            secured=-88,
            requested=-14,
            due=35,
        ),
        DemoImr(
            agency="Kingsway Housing Association",
            sector="housing",
            status="requested",
            author="Tariq Hussain",
            author_role="Head of Neighbourhoods",
            secured=-89,
            requested=-14,
            due=35,
        ),
        DemoImr(
            agency="Marchshire Recovery Partnership (drug and alcohol service)",
            sector="health",
            status="not_requested",
        ),
    ),
)

DEMO_REVIEWS: tuple[DemoReview, ...] = (CHILD_L, CHILD_T, W_SIBLINGS, MR_R)

# The IMR workflow in order, with the date each step stamps.
_WORKFLOW = ("requested", "received", "under_challenge", "accepted")


def _tidy(text: str) -> str:
    """Collapse the source layout of a text into plain paragraphs."""
    paragraphs = re.split(r"\n\s*\n", text.strip())
    return "\n\n".join(" ".join(p.split()) for p in paragraphs)


def _exists(ctx: AppContext, reference: str) -> bool:
    try:
        find_review_id(ctx, reference)
    except NotFoundError:
        return False
    return True


def add_demo_reviews(ctx: AppContext) -> tuple[list[str], list[str]]:
    """Add the demonstration reviews; returns (references added, references already there)."""
    added: list[str] = []
    skipped: list[str] = []
    with ctx.store.all_or_nothing():  # interrupted, it leaves no half-built review behind
        for spec in DEMO_REVIEWS:
            if _exists(ctx, spec.reference):
                skipped.append(spec.reference)
            else:
                _add_review(ctx, spec)
                added.append(spec.reference)
        from app.demo_history import add_history  # past reviews for the learning across reviews

        past_added, past_skipped = add_history(ctx, settle=added)
    return added + past_added, skipped + past_skipped


def _add_review(ctx: AppContext, spec: DemoReview) -> None:
    today = ctx.today()

    def day(offset: int | None) -> date | None:
        return None if offset is None else today + timedelta(days=offset)

    review_id = create_review(
        ctx,
        review_type=spec.review_type,
        reference=spec.reference,
        title=spec.title,
        lines_of_enquiry=[_tidy(text) for text in spec.lines_of_enquiry],
        subject_pseudonym=spec.subject,
        partnership=spec.partnership,
        protective_marking="OFFICIAL-SENSITIVE",
        status=spec.status,
        incident_date=day(spec.incident),
        notification_date=day(spec.notification),
        decision_date=day(spec.decision),
        scope_start=day(spec.scope[0]),
        scope_end=day(spec.scope[1]),
        target_override=day(spec.target),
    )
    try:
        for name, role, organisation in spec.panel:
            add_item(
                ctx,
                "panel_member",
                review_id,
                {"name": name, "role": role, "organisation": organisation},
            )
        for imr in spec.imrs:
            _add_imr(ctx, review_id, imr, day)
        add_findings_and_plan(ctx, review_id, spec.reference)
        add_demo_chronologies(ctx, review_id, spec.reference)
        add_meetings(ctx, review_id, spec.reference)
    except Exception:
        # Leave no half-built review behind: it would be skipped as "already there" next time.
        with suppress(Exception):
            delete_review(ctx, review_id)
        raise


def _add_imr(
    ctx: AppContext, review_id: int, imr: DemoImr, day: Callable[[int | None], date | None]
) -> None:
    imr_id = add_agency(ctx, review_id, imr.agency, imr.sector)
    fields = {
        "author_name": imr.author,
        "author_role": imr.author_role,
        "not_required_reason": _tidy(imr.not_required_reason),
        **{key: _tidy(text) for key, text in imr.sections.items()},
    }
    fields = {key: value for key, value in fields.items() if value}
    fields.update(
        {
            key: day(offset)
            for key, offset in (("date_due", imr.due), ("date_records_secured", imr.secured))
            if offset is not None
        }
    )
    if fields:
        apply_fields(ctx, "imr", imr_id, fields)

    # Walk the panel's workflow step by step, so the audit trail reads as it would in use.
    stamps = {"requested": imr.requested, "received": imr.received, "accepted": imr.accepted}
    if imr.status == "not_required":
        set_imr_status(ctx, imr_id, "not_required")
    elif imr.status in _WORKFLOW:
        for step in _WORKFLOW[: _WORKFLOW.index(imr.status) + 1]:
            if step == "under_challenge" and imr.status == "accepted" and not imr.challenges:
                continue
            set_imr_status(ctx, imr_id, step, on=day(stamps.get(step)))

    for challenge in imr.challenges:
        add_item(
            ctx,
            "challenge",
            imr_id,
            {
                "question": _tidy(challenge.question),
                "raised_on": day(challenge.raised),
                "answer": _tidy(challenge.answer),
                "answered_on": day(challenge.answered),
            },
        )
    for text in imr.recommendations:
        add_item(ctx, "recommendation", imr_id, {"text": _tidy(text)})
