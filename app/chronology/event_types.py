"""The event types of a chronology entry, and reading the types agencies write."""

import re
from functools import lru_cache

EVENT_TYPES: dict[str, str] = {
    "home_visit": "Home visit",
    "contact": "Contact",
    "referral": "Referral",
    "assessment": "Assessment",
    "strategy_discussion": "Strategy discussion",
    "cp_conference": "Child protection conference",
    "core_group": "Core group",
    "supervision": "Supervision / management oversight",
    "missing_episode": "Missing episode",
    "return_home_interview": "Return home interview",
    "police_incident": "Police incident",
    "arrest": "Arrest",
    "health_appointment": "Health appointment",
    "missed_appointment": "Missed appointment",
    "ed_attendance": "ED attendance",
    "school_exclusion": "School exclusion",
    "placement_change": "Placement change",
    "court": "Court",
    "safeguarding_concern": "Safeguarding concern",
    "school_attendance": "School attendance",
    "other": "Other",
}

# Whole texts that mean a type (compared after normalising).
EVENT_TYPE_SYNONYMS: dict[str, tuple[str, ...]] = {
    "home_visit": (
        "statutory visit",
        "unannounced visit",
        "announced visit",
        "home visit",
        "visit to home",
        "joint home visit",
        "no access visit",
    ),
    "contact": (
        "phone call",
        "telephone call",
        "telephone contact",
        "telephone",
        "email",
        "e-mail",
        "letter",
        "text message",
        "contact",
    ),
    "referral": (
        "mash referral",
        "camhs referral",
        "referral to children's social care",
        "referral received",
        "referral made",
        "referral",
    ),
    "assessment": (
        "single assessment",
        "c&f assessment",
        "child and family assessment",
        "assessment",
    ),
    "strategy_discussion": ("strategy meeting", "strategy discussion", "strategy"),
    "cp_conference": (
        "icpc",
        "rcpc",
        "initial child protection conference",
        "review child protection conference",
        "child protection conference",
        "cp conference",
        "case conference",
    ),
    "core_group": ("core group", "core group meeting"),
    "supervision": (
        "management oversight",
        "supervision",
        "case supervision",
        "management decision",
        "manager oversight",
    ),
    "missing_episode": (
        "missing from home",
        "mfh",
        "missing person report",
        "went missing",
        "absent",
        "missing",
        "missing episode",
        "missing from care",
        "missing person",
    ),
    "return_home_interview": ("rhi", "return interview", "return home interview"),
    "police_incident": (
        "domestic incident",
        "da incident",
        "police call-out",
        "police callout",
        "police incident",
        "domestic abuse incident",
        "domestic violence incident",
        # What police logs call the calls and stops that are not a crime.
        "concern for welfare",
        "concern for safety",
        "welfare check",
        "stop and search",
        "stop search",
        "stop and account",
    ),
    "arrest": ("arrest", "arrested"),
    "health_appointment": (
        "consultation",
        "gp consultation",
        "face to face consultation",
        "telephone consultation",
        "surgery consultation",
        "clinical review",
        "therapy session",
        "gp appointment",
        "clinic appointment",
        "antenatal appointment",
        "health appointment",
        "hospital appointment",
        "outpatient appointment",
    ),
    "missed_appointment": (
        "dna",
        "did not attend",
        "was not brought",
        "child not brought",
        "missed appointment",
        "not brought",
        "wnb",
    ),
    "ed_attendance": (
        "a&e",
        "a & e attendance",
        "emergency department",
        "ed attendance",
        "a&e attendance",
        "ed",
        "emergency department attendance",
    ),
    "school_exclusion": (
        "fixed term exclusion",
        "permanent exclusion",
        "suspension",
        "exclusion",
        "school exclusion",
    ),
    "placement_change": ("placement move", "placement change", "change of placement"),
    "court": ("court hearing", "ico", "care proceedings", "court", "interim care order"),
    "safeguarding_concern": (
        "safeguarding concern",
        "welfare concern",
        "wellbeing concern",
        "cause for concern",
        "child protection concern",
        "concern",
    ),
    "school_attendance": (
        "attendance",
        "absence",
        "late arrival",
        "lateness",
        "unauthorised absence",
        "authorised absence",
        "persistent absence",
        "attendance concern",
    ),
    "other": ("other",),
}

# Phrases that mark a type anywhere in a longer text. Only phrases that cannot mislead: a bare
# "appointment", "visit" or "incident" says too little, so it is not here.
_KEYWORDS: dict[str, tuple[str, ...]] = {
    "home_visit": ("home visit", "statutory visit", "unannounced visit", "visit to the home"),
    "contact": (
        "contact",
        "phone call",
        "telephone",
        "email",
        "e mail",
        "text message",
        "letter to",
    ),
    "referral": ("referral", "referred"),
    "assessment": ("assessment",),
    "strategy_discussion": (
        "strategy discussion",
        "strategy meeting",
        "strategy call",
        "strategy conversation",
    ),
    "cp_conference": (
        "icpc",
        "rcpc",
        "child protection conference",
        "cp conference",
        "case conference",
    ),
    "core_group": ("core group",),
    "supervision": ("supervision", "management oversight", "management decision"),
    "missing_episode": ("missing", "mfh", "absconded"),
    "return_home_interview": ("rhi", "return interview", "return home interview"),
    "police_incident": (
        "domestic incident",
        "da incident",
        "police call out",
        "police callout",
        "police incident",
        "domestic abuse incident",
        "domestic violence incident",
        "police attended",
        "concern for welfare",
        "stop and search",
    ),
    "arrest": ("arrest", "arrested"),
    "health_appointment": (
        "gp appointment",
        "clinic appointment",
        "antenatal appointment",
        "hospital appointment",
        "outpatient appointment",
        "health appointment",
        "paediatric appointment",
    ),
    "missed_appointment": (
        "dna",
        "did not attend",
        "was not brought",
        "not brought",
        "missed appointment",
        "wnb",
    ),
    "ed_attendance": ("a and e", "emergency department", "ed attendance"),
    "school_exclusion": ("exclusion", "excluded", "suspension"),
    "placement_change": ("placement move", "placement change", "change of placement"),
    "court": (
        "court",
        "care proceedings",
        "ico",
        "interim care order",
        "supervision order",
        "care order",
    ),
    "safeguarding_concern": (
        "safeguarding concern",
        "welfare concern",
        "wellbeing concern",
        "cause for concern",
    ),
    "school_attendance": (
        "attendance concern",
        "unauthorised absence",
        "persistent absence",
        "school attendance",
    ),
}
# Words that show a keyword means something else ("cardiac arrest", "probation supervision").
_EXCLUDES: dict[str, frozenset[str]] = {
    "arrest": frozenset({"cardiac", "respiratory"}),
    "supervision": frozenset({"probation", "order"}),
    "missing_episode": frozenset({"education"}),
}
# Word sets that mark a type even when the words are apart ("missed GP appointment").
_WORD_SETS: tuple[tuple[frozenset[str], str], ...] = (
    (frozenset({"missed", "appointment"}), "missed_appointment"),
    (frozenset({"did", "not", "attend"}), "missed_appointment"),
    (frozenset({"placement", "moved"}), "placement_change"),
    (frozenset({"missing", "appointment"}), "missed_appointment"),
)
# When two matches are equally specific, the more particular type wins.
_PRECEDENCE = (
    "missed_appointment",
    "return_home_interview",
    "cp_conference",
    "strategy_discussion",
    "core_group",
    "ed_attendance",
    "school_exclusion",
    "school_attendance",
    "placement_change",
    "missing_episode",
    "arrest",
    "police_incident",
    "court",
    "referral",
    "safeguarding_concern",
    "assessment",
    "supervision",
    "home_visit",
    "health_appointment",
    "contact",
)
_RANK = {key: len(_PRECEDENCE) - i for i, key in enumerate(_PRECEDENCE)}

_NOT_WORD = re.compile(r"[^0-9a-z]+")


def _normalise(text: str) -> str:
    text = text.lower().replace("&", " and ").replace("'", "").replace("\u2019", "")
    return _NOT_WORD.sub(" ", text).strip()


_EXACT: dict[str, str] = {}
for _key, _label in EVENT_TYPES.items():
    _EXACT.setdefault(_normalise(_label), _key)
    _EXACT.setdefault(_normalise(_key), _key)
for _key, _synonyms in EVENT_TYPE_SYNONYMS.items():
    for _synonym in _synonyms:
        _EXACT.setdefault(_normalise(_synonym), _key)

_PHRASES: tuple[tuple[str, str, int], ...] = tuple(
    (f" {_normalise(phrase)} ", key, len(_normalise(phrase).split()))
    for key, phrases in _KEYWORDS.items()
    for phrase in phrases
)


@lru_cache(maxsize=8192)
def normalise_event_type(text: str) -> str:
    """The event type key a text means, or "" when it is not recognised."""
    if not isinstance(text, str):
        return ""
    normalised = _normalise(text)
    if not normalised:
        return ""
    exact = _EXACT.get(normalised)
    if exact:
        return exact
    padded = f" {normalised} "
    words = set(normalised.split())
    best: tuple[int, int] = (0, 0)
    found = ""
    for phrase, key, size in _PHRASES:
        if key in _EXCLUDES and not _EXCLUDES[key].isdisjoint(words):
            continue
        if phrase in padded and (size, _RANK.get(key, 0)) > best:
            best, found = (size, _RANK.get(key, 0)), key
    for needed, key in _WORD_SETS:
        if needed <= words and (len(needed), _RANK.get(key, 0)) > best:
            best, found = (len(needed), _RANK.get(key, 0)), key
    return found


def names_a_type(text: str) -> bool:
    """The whole text is an event type's name or one of its synonyms ("Missing episode",
    "DNA"), not merely a text holding one ("Referral and Assessment Team")."""
    return isinstance(text, str) and _normalise(text) in _EXACT


def event_type_label(key: str) -> str:
    """The label people read for a key; "" for an unknown key."""
    return EVENT_TYPES.get(key, "")
