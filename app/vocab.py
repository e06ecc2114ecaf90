"""Controlled vocabularies: stored keys and the labels people read."""

from dataclasses import dataclass


@dataclass(frozen=True)
class ReviewType:
    key: str
    label: str
    short: str
    # Usual timescale: months from the decision to review, or working days from notification.
    months: int | None = None
    working_days: int | None = None
    timescale_note: str = ""
    # Whose annual report the review belongs in: "children", "adults" or "domestic_abuse".
    board: str = "children"
    nation: str = "England"


REVIEW_TYPES: dict[str, ReviewType] = {
    t.key: t
    for t in (
        ReviewType(
            "lcspr",
            "Local Child Safeguarding Practice Review",
            "LCSPR",
            months=6,
            timescale_note="publish within 6 months of the decision to review",
        ),
        ReviewType(
            "rapid",
            "Rapid Review",
            "Rapid Review",
            working_days=15,
            timescale_note="15 working days from notification",
        ),
        ReviewType(
            "scr",
            "Serious Case Review",
            "SCR",
            months=6,
            timescale_note="complete within 6 months of the decision to review",
        ),
        ReviewType(
            "sar",
            "Safeguarding Adults Review",
            "SAR",
            months=6,
            timescale_note="locally set; 6 months from the decision is assumed",
            board="adults",
        ),
        ReviewType(
            "dhr",
            "Domestic Homicide Review",
            "DHR",
            months=6,
            timescale_note="6 months from the decision to review",
            board="domestic_abuse",
            nation="England and Wales",
        ),
        ReviewType(
            "dardr",
            "Domestic Abuse Related Death Review",
            "DARDR",
            months=6,
            timescale_note="6 months from the decision to review (as for a DHR)",
            board="domestic_abuse",
            nation="England and Wales",
        ),
        ReviewType(
            "susr",
            "Single Unified Safeguarding Review",
            "SUSR",
            timescale_note="Wales, from 1 October 2024; no national timescale entered: set a "
            "target",
            board="all_ages",
            nation="Wales",
        ),
        ReviewType(
            "lr_child",
            "Learning Review (children)",
            "Learning Review (C)",
            months=6,
            timescale_note="Scotland: the guidance expects about 6 months from the decision",
            nation="Scotland",
        ),
        ReviewType(
            "lr_adult",
            "Learning Review (adults)",
            "Learning Review (A)",
            months=6,
            timescale_note="Scotland: about 6 months from the decision is assumed",
            board="adults",
            nation="Scotland",
        ),
        ReviewType(
            "audit",
            "Serious case audit",
            "Audit",
            timescale_note="set locally: enter a target date",
        ),
        ReviewType(
            "learning",
            "Practice / learning review",
            "Learning review",
            timescale_note="set locally: enter a target date",
        ),
    )
}

# Accepted spellings on the command line and in imports, besides the keys.
REVIEW_TYPE_ALIASES = {
    "rapid review": "rapid",
    "rapid-review": "rapid",
    "serious case review": "scr",
    "local child safeguarding practice review": "lcspr",
    "safeguarding adults review": "sar",
    "domestic homicide review": "dhr",
    "domestic abuse related death review": "dardr",
    "single unified safeguarding review": "susr",
    "learning review (children)": "lr_child",
    "child learning review": "lr_child",
    "scottish learning review": "lr_child",
    "learning review (adults)": "lr_adult",
    "adult learning review": "lr_adult",
    "serious case audit": "audit",
    "practice review": "learning",
    "learning review": "learning",
}

REVIEW_STATUSES = {
    "commissioned": "Commissioned",
    "gathering": "Gathering information",
    "analysis": "Analysis",
    "drafting": "Drafting report",
    "sign_off": "With the board for sign-off",
    "published": "Published",
    "closed": "Closed",
}
FINISHED_REVIEW_STATUSES = {"published", "closed"}

PROTECTIVE_MARKINGS = ["OFFICIAL-SENSITIVE", "OFFICIAL", "NOT PROTECTIVELY MARKED"]

PANEL_ROLES = {
    "chair": "Chair",
    "overview_author": "Overview author",
    "member": "Panel member",
    "business_manager": "Business manager",
    "adviser": "Adviser",
}

SECTORS = {
    "police": "Police",
    "health": "Health",
    "childrens_social_care": "Children's social care",
    "adult_social_care": "Adult social care",
    "education": "Education",
    "probation": "Probation",
    "housing": "Housing",
    "voluntary": "Voluntary sector",
    "local_authority": "Local authority (other)",
    "other": "Other",
}

IMR_STATUSES = {
    "not_requested": "Not requested",
    "requested": "Requested",
    "received": "Received",
    "under_challenge": "Under challenge",
    "accepted": "Accepted",
    "not_required": "Not required",
}

# The panel's workflow. Going back one step is allowed to correct a slip.
IMR_TRANSITIONS = {
    "not_requested": ("requested", "not_required"),
    "requested": ("received", "not_requested", "not_required"),
    "received": ("under_challenge", "accepted", "requested"),
    "under_challenge": ("received", "accepted"),
    "accepted": ("under_challenge",),
    "not_required": ("not_requested", "requested"),
}
# IMRs still owed by the agency: these can be overdue.
IMR_AWAITED = {"requested"}


def parse_choice(
    value: str, choices: dict, aliases: dict | None = None, what: str = "value"
) -> str:
    """Map a key, a label or an alias (any case) to the stored key, or raise ValueError."""
    wanted = value.strip().casefold()
    for key, item in choices.items():
        label = item.label if isinstance(item, ReviewType) else item
        names = {key.casefold(), label.casefold()}
        if isinstance(item, ReviewType):
            names.add(item.short.casefold())
        if wanted in names:
            return key
    if aliases and wanted in aliases:
        return aliases[wanted]
    options = ", ".join(choices)
    raise ValueError(f"'{value}' is not a known {what}. Use one of: {options}.")


# Sensible default theme tags (editable per review later).
DEFAULT_THEMES = [
    "Information sharing",
    "Multi-agency working",
    "Voice of the child",
    "Professional curiosity",
    "Disguised compliance / non-engagement",
    "Domestic abuse",
    "Parental mental health",
    "Parental substance misuse",
    "Coercive control",
    "Neglect",
    "Poverty",
    "Risk assessment",
    "Escalation and challenge",
    "Management oversight and supervision",
    "Record keeping and chronologies",
    "Workforce turnover",
    "Leadership and culture",
    "Race, ethnicity and culture",
    "Whole-family approach / 'invisible men'",
    "Vulnerability of babies",
    "Exploitation and extra-familial harm",
    "Children missing from home or education",
    "Disability and complex health needs",
    "Transitions to adult services",
    "Mental capacity",
    "Self-neglect",
]

FINDING_KINDS = {
    "finding": "Finding",
    "learning_point": "Learning point",
    "good_practice": "Good practice",
}
FINDING_STATUSES = {
    "draft": "Draft",
    "for_discussion": "For panel discussion",
    "agreed": "Agreed by panel",
}
RECOMMENDATION_LEVELS = {"multi_agency": "Multi-agency", "single_agency": "Single-agency"}
BOARD_RESPONSES = {
    "": "Awaiting the board's response",
    "accepted": "Accepted",
    "accepted_in_part": "Accepted in part",
    "not_accepted": "Not accepted",
}
# Stored statuses; "overdue" is never stored: it follows from the target date.
ACTION_STATUSES = {
    "not_started": "Not started",
    "on_track": "On track",
    "at_risk": "At risk",
    "complete": "Complete",
    "not_accepted": "Not accepted",
}
ACTION_CLOSED = {"complete", "not_accepted"}
OVERDUE_LABEL = "Overdue"
ADDRESSEES = [
    "All agencies",
    "Safeguarding partnership board",
    "Policies and Procedures Group",
    "Learning and Improvement Group",
    "Quality Assurance Group",
    "Training subgroup",
]

MEETING_KINDS = {
    "panel": "Panel meeting",
    "learning_event": "Practitioner learning event",
    "family": "Family meeting",
    "sign_off": "Sign-off meeting",
}
MEETING_STATUSES = {"planned": "Planned", "held": "Held"}
ATTENDANCE = {
    "expected": "Expected",
    "present": "Present",
    "apologies": "Apologies",
    "absent": "Absent",
}
AGENDA_REFS = {
    "": "General",
    "imr": "IMR",
    "finding": "Finding",
    "recommendation": "Recommendation",
    "episode": "Key practice episode",
    "chronology": "Chronology",
    "task": "Panel task",
}
TASK_STATUSES = {"open": "Open", "done": "Done"}
