"""Matching an agency's column headers to the chronology's fields."""

import re
from functools import lru_cache

from app.chronology.types import MAPPABLE_FIELDS

# Headers agencies use for each field (compared after normalise_header).
FIELD_SYNONYMS: dict[str, tuple[str, ...]] = {
    "date": (
        "date",
        "date of contact",
        "event date",
        "date of event",
        "contact date",
        "incident date",
        "date/time",
        "date and time",
        "date of incident",
        "date of concern",
        "date of visit",
        "date of activity",
        "activity date",
        "start date",
        "date from",
        "when",
        "occurred",
        "occurred from",
        "occurred on",
        "date occurred",
        "date/time occurred",
        "incident date/time",
        "date/time of incident",
        "service date",
        "date of service",
        "session date",
        "consultation date",
        "appointment date",
        "visit date",
        "contact date/time",
        "entry date/time",
        # Welsh
        "dyddiad",
        "dyddiad y cyswllt",
        "dyddiad y digwyddiad",
        "dyddiad ac amser",
    ),
    "time": (
        "time",
        "time of contact",
        "time of event",
        "event time",
        "contact time",
        "start time",
        "time of incident",
        "time of concern",
        "time of visit",
        "time of call",
        "call time",
        # Welsh
        "amser",
        "amser y cyswllt",
    ),
    "end_date": (
        "end date",
        "date to",
        "to date",
        "until",
        "date ended",
        "finish date",
        "occurred to",
        "end date/time",
        "date/time to",
    ),
    "recorded": (
        "date recorded",
        "recorded",
        "date entered",
        "date of recording",
        "input date",
        "date written up",
        "recorded on",
        "date input",
        "entry date",
        "date of entry",
        "recording date",
        "entered on",
        "entered",
        "input on",
        "written up on",
        "date written up",
        "updated on",
        "reported date",
        "date reported",
        "date/time reported",
        "reported on",
        "date created",
        "created on",
        "created date",
        "date added",
        "date logged",
        "logged on",
        "logged date",
        "date/time logged",
        "logged",
        "recorded date",
        "date written",
        "created",
        "date of note",
        "note date",
        # when a list's or a CRM's row was last changed
        "modified",
        "modified on",
        "date modified",
        "modified date",
        "last modified",
        "last updated",
    ),
    "source": (
        "source",
        "record",
        "system",
        "source document",
        "record type",
        "source of information",
        "information source",
        "document",
        "record source",
        # Welsh
        "ffynhonnell",
        "ffynhonnell y wybodaeth",
    ),
    "practitioner": (
        "practitioner",
        "worker",
        "officer",
        "staff member",
        "professional",
        "author",
        "name",
        "completed by",
        "recorded by",
        "staff",
        "practitioner name",
        "name of practitioner",
        "staff name",
        "key worker",
        "clinician",
        "entered by",
        "crew",
        "crew member",
        "seen by",
        "lead professional",
        "user",
        "created by",
        "author name",
        "officer in case",
        "oic",
        "clinician name",
        "hcp",
        "attending officer",
        "reporting officer",
        "case worker",
        "caseworker",
        "social worker",
        "allocated worker",
        "keyworker",
        "reported by",
        "logged by",
        "name and role of practitioner",
        "practitioner name and role",
        "name and role",
        "added by",
        "raised by",
        "written by",
        "input by",
        "member of staff",
        "therapist",
        "performed by",
        "nurse",
        "school nurse",
        "named nurse",
        "health visitor",
        "midwife",
        # A case system built on a CRM names the worker a record belongs to its owner.
        "owner",
        "case owner",
        "record owner",
        "contact owner",
        "activity owner",
        "assigned to",
        # Welsh
        "ymarferydd",
        "enw'r ymarferydd",
        "gweithiwr",
        "cofnodwyd gan",
        "swyddog",
        "aelod o staff",
        "originator",
    ),
    "role": (
        "role",
        "designation",
        "job title",
        "practitioner role",
        "role of practitioner",
        "position",
        "title",
    ),
    "event_type": (
        "event type",
        "contact type",
        "type",
        "category",
        "type of contact",
        "type of event",
        "activity type",
        "type of activity",
        "nature of contact",
        "incident type",
        "type of incident",
        "contact category",
        "note type",
        "categories",
        "offence",
        "offence type",
        "crime type",
        "incident category",
        "case note type",
        "entry type",
        "contact method",
        "method",
        "occurrence type",
        "service type",
        "form type",
        # Welsh
        "math",
        "math o gyswllt",
        "math o ddigwyddiad",
        "categori",
    ),
    "event": (
        "event",
        "details",
        "details of contact",
        "concern",
        "description",
        "summary",
        "event details",
        "what happened",
        "contact details",
        "narrative",
        "details of event",
        "event description",
        "information",
        "notes",
        "detail",
        "contact",
        "activity",
        "incident",
        "event and outcome",
        "details and outcome",
        "contact and outcome",
        "note",
        "notes",
        "case note",
        "case notes",
        "casenote",
        "progress note",
        "progress notes",
        "contact note",
        "history",
        "consultation",
        "entry",
        "log entry",
        "free text",
        "body",
        "text",
        "observations",
        "occurrence",
        "occurrence details",
        "incident details",
        "details of incident",
        "description of incident",
        "details of concern",
        "nature of concern",
        "record of contact",
        "note details",
        "narrative details",
        "summary of contact",
        # Welsh
        "digwyddiad",
        "disgrifiad",
        "manylion",
        "manylion y cyswllt",
        "crynodeb",
        "nodiadau",
        "nodyn",
    ),
    "outcome": (
        "outcome",
        "action",
        "action taken",
        "action / outcome",
        "actions",
        "outcome / action",
        "actions taken",
        "response",
        "result",
        "decision",
        "next steps",
        "action and outcome",
        "outcome and action",
        "actions agreed",
        "action agreed",
        "follow up",
        "follow up action",
        "disposal",
        "result of contact",
        # Welsh
        "canlyniad",
        "camau gweithredu",
        "camau a gymerwyd",
    ),
    "significance": (
        "significance",
        "analysis / significance",
        "comment",
        "imr author comment",
        "analysis",
        "author's comment",
        "comments",
        "imr author's comment",
        "imr comment",
        "significance / analysis",
        "reviewer comment",
        "analysis of significance",
        "learning",
        # Welsh
        "dadansoddiad",
        "sylwadau",
        "arwyddocâd",
        "sylw",
    ),
    "subjects": (
        "person",
        "subject",
        "child",
        "family member",
        "persons involved",
        "name of child",
        "child's name",
        "child name",
        "people involved",
        "person involved",
        "individual",
        "service user",
        "client",
        "family members",
        "contact with",
        "persons present",
        "people present",
        "who was seen",
        "present",
        "attendees",
        "seen",
        "student",
        "pupil",
        "young person",
        "patient",
        "tenant",
        "resident",
    ),
}

# A partial match is refused when the header also holds one of these words ("Date of birth" is
# not the date of the event; "Date recorded" belongs to "recorded", never to "date").
# "Agency name", "Organisation name": who the entry belongs to, not a person ("Agency worker"
# and "Agency practitioner" are people).
_NAMED_NOT_PERSON = frozenset("agency organisation organization".split())
_PARTIAL_EXCLUDES: dict[str, frozenset[str]] = {
    "date": frozenset(
        "birth dob death recorded recording entered input written entry end ended finish "
        "closed until to logged".split()
    ),
    "end_date": frozenset("birth dob start".split()),
    "recorded": frozenset("birth dob by".split()),
    "practitioner": frozenset(
        "child childs subject person persons client family people service".split()
    ),
    "source": frozenset("agency organisation organization".split()),
    # A list's own columns ("Item Type": Item or Folder, "Content Type").
    "event_type": frozenset("item content mime".split()),
    # "Time spent", "Travel time": a length of time, not the time of day.
    "time": frozenset(
        "recorded recording entered input spent taken travel travelling duration length total "
        "elapsed active talk wait waiting response completion submitted submission modified "
        "created".split()
    ),
    # "Age of child", "Child ID", "Child's address": about the person, not the person.
    "subjects": frozenset(
        "age dob birth address postcode id number no ref reference gender sex ethnicity nhs upn "
        "school".split()
    ),
    "role": frozenset("note notes case incident event contact document report".split()),
    "event": frozenset("date time type category by length duration dyddiad amser math".split()),
}

_KEYED_IN = frozenset(("entered by", "input by", "created by"))

REQUIRED_FIELDS = ("date", "event")

_EXACT = 1000
_PARTIAL = 100
_MAX_HEADER_WORDS = 8
_MAX_HEADER_CHARS = 60

_NOT_WORD = re.compile(r"[^0-9a-z]+")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])")


# What a form adds to a question's heading: "Time of concern (if known)", "Date (optional)".
_QUALIFIER = re.compile(
    r"[(\[]\s*(?:if\s+(?:known|applicable|relevant|any|available)|where\s+known|optional"
    r"|required|approx(?:imate|\.)?)\s*[)\]]",
    re.I,
)


@lru_cache(maxsize=4096)
def normalise_header(text: str) -> str:
    """Lower case, "&" as "and", apostrophes dropped, other punctuation as single spaces, and
    words run together by a system split apart ("EventDate", "Event_Date" read "event date");
    a form's qualifier in brackets ("(if known)", "(optional)") is no part of the heading."""
    text = (
        _CAMEL.sub(" ", _QUALIFIER.sub(" ", text))
        .lower()
        .replace("&", " and ")
        .replace("'", "")
        .replace("\u2019", "")
    )
    return _NOT_WORD.sub(" ", text).strip()


_NORMALISED_SYNONYMS: dict[str, tuple[str, ...]] = {
    name: tuple(dict.fromkeys(normalise_header(s) for s in synonyms))
    for name, synonyms in FIELD_SYNONYMS.items()
}
_ALL_EXACT: frozenset[str] = frozenset(s for ss in _NORMALISED_SYNONYMS.values() for s in ss)


@lru_cache(maxsize=4096)
def _field_scores(header: str) -> dict[str, int]:
    """How well one header (normalised) fits each field: exact 1000+, partial 100+, else absent."""
    scores: dict[str, int] = {}
    if not header:
        return scores
    words = header.split()
    padded = f" {header} "
    for name, synonyms in _NORMALISED_SYNONYMS.items():
        best = 0
        for synonym in synonyms:
            if header == synonym:
                # Who typed a record in ("Entered by") gives way to any other heading naming
                # the practitioner ("Originator", "Worker"): a clerk often keys the notes.
                keyed = name == "practitioner" and synonym in _KEYED_IN
                best = max(best, _EXACT - 1 if keyed else _EXACT + len(synonym))
            elif (
                len(words) <= _MAX_HEADER_WORDS
                and f" {synonym} " in padded
                and not _PARTIAL_EXCLUDES.get(name, frozenset()).intersection(words)
                and not (synonym == "name" and _NAMED_NOT_PERSON.intersection(words))
            ):
                # The longer the synonym found, the more specific the match.
                best = max(best, _PARTIAL + len(synonym))
        if best:
            scores[name] = best
    return scores


def header_fields(header: str) -> dict[str, int]:
    """Each field this header could mean, with a score (higher is a better fit)."""
    return _field_scores(normalise_header(header))


@lru_cache(maxsize=8192)
def _looks_like_header(cell: str) -> bool:
    if len(cell) > _MAX_HEADER_CHARS:
        return False
    normalised = normalise_header(cell)
    return normalised in _ALL_EXACT or bool(_field_scores(normalised))


def header_score(cells: list) -> int:
    """How many cells of a row look like known chronology column headers."""
    return sum(1 for cell in cells if isinstance(cell, str) and cell and _looks_like_header(cell))


def guess_mapping(headers: list[str]) -> dict[str, int]:
    """Field -> column index: exact synonyms before partial ones, one column per field."""
    candidates: list[tuple[int, int, int, str]] = []
    field_order = {name: i for i, name in enumerate(MAPPABLE_FIELDS)}
    for column, header in enumerate(headers):
        if not isinstance(header, str):
            continue
        for name, score in header_fields(header).items():
            if name in field_order:
                candidates.append((-score, column, field_order[name], name))
    candidates.sort()
    mapping: dict[str, int] = {}
    taken: set[int] = set()
    for _score, column, _order, name in candidates:
        if name in mapping or column in taken:
            continue
        mapping[name] = column
        taken.add(column)
    return {name: mapping[name] for name in MAPPABLE_FIELDS if name in mapping}


_REQUIRED_PROBLEMS = {
    "date": "No column is mapped to the date of the event: a date column is required.",
    "event": "No column is mapped to the event or contact (what happened): "
    "an event column is required.",
}


def mapping_problems(mapping: dict[str, int]) -> list[str]:
    """What stops this mapping being used, in plain words; [] when it can be used."""
    problems = [_REQUIRED_PROBLEMS[name] for name in REQUIRED_FIELDS if mapping.get(name) is None]
    for name in mapping:
        if name not in MAPPABLE_FIELDS:
            problems.append(f"'{name}' is not a chronology field ReviewDesk knows.")
    by_column: dict[int, list[str]] = {}
    for name, column in mapping.items():
        if column is None:
            continue
        if not isinstance(column, int) or isinstance(column, bool) or column < 0:
            problems.append(f"The column given for {MAPPABLE_FIELDS.get(name, name)} is not valid.")
            continue
        by_column.setdefault(column, []).append(name)
    for column, names in sorted(by_column.items()):
        if len(names) > 1:
            labels = " and ".join(MAPPABLE_FIELDS.get(n, n) for n in names)
            problems.append(f"Column {column + 1} is mapped to both {labels}: choose one.")
    return problems
