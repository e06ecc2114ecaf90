"""One validated path for changing fields of stored things.

Every edit made in the window or on the command line goes through ``apply_fields``; it returns
the values before and after, which is all an undo needs.
"""

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy.exc import IntegrityError, InvalidRequestError

from app.conflicts import EditConflict, find_conflicts
from app.context import AppContext
from app.errors import NotFoundError, ValidationError
from app.publishing.frozen import refuse_if_issued
from app.vocab import (
    ACTION_STATUSES,
    AGENDA_REFS,
    ATTENDANCE,
    BOARD_RESPONSES,
    FINDING_KINDS,
    FINDING_STATUSES,
    IMR_STATUSES,
    MEETING_KINDS,
    MEETING_STATUSES,
    PANEL_ROLES,
    RECOMMENDATION_LEVELS,
    REVIEW_STATUSES,
    REVIEW_TYPES,
    SECTORS,
    TASK_STATUSES,
)
from db.chronology_models import ChronologyEntry, KeyEpisode
from db.findings_models import ActionItem, Finding
from db.meeting_models import AgendaItem, Meeting, MeetingAttendee, PanelTask
from db.models import (
    Agency,
    ChallengeQuestion,
    Imr,
    LineOfEnquiry,
    PanelMember,
    Recommendation,
    Review,
)
from db.report_models import ReportSection
from db.store import NotPermittedError, StaleEditError

TEXT, REQUIRED, DATE, CHOICE, FLAG, NUMBER = "text", "required", "date", "choice", "flag", "number"
OPTIONAL_NUMBER = "optional number"

# kind -> (model, {field: (type, choices or None, label)})
FIELDS: dict[str, tuple[type, dict[str, tuple]]] = {
    "review": (
        Review,
        {
            "reference": (REQUIRED, None, "reference"),
            "title": (REQUIRED, None, "title"),
            "review_type": (CHOICE, REVIEW_TYPES, "review type"),
            "subject_pseudonym": (TEXT, None, "subject"),
            "partnership": (TEXT, None, "partnership"),
            "protective_marking": (REQUIRED, None, "protective marking"),
            "status": (CHOICE, REVIEW_STATUSES, "status"),
            "incident_date": (DATE, None, "date of the incident"),
            "aware_date": (DATE, None, "date the authority became aware"),
            "notification_date": (DATE, None, "notification date"),
            "decision_date": (DATE, None, "date of the decision to review"),
            "sign_off_date": (DATE, None, "date of sign-off"),
            "publication_date": (DATE, None, "date of publication"),
            "scope_start": (DATE, None, "start of the scope"),
            "scope_end": (DATE, None, "end of the scope"),
            "target_override": (DATE, None, "target date"),
        },
    ),
    "line_of_enquiry": (LineOfEnquiry, {"text": (TEXT, None, "line of enquiry")}),
    "panel_member": (
        PanelMember,
        {
            "name": (REQUIRED, None, "name"),
            "role": (CHOICE, PANEL_ROLES, "role"),
            "organisation": (TEXT, None, "organisation"),
        },
    ),
    "agency": (
        Agency,
        {"name": (REQUIRED, None, "agency name"), "sector": (CHOICE, SECTORS, "sector")},
    ),
    "imr": (
        Imr,
        {
            "status": (CHOICE, IMR_STATUSES, "IMR status"),
            "author_name": (TEXT, None, "IMR author"),
            "author_role": (TEXT, None, "author's role"),
            "date_requested": (DATE, None, "date requested"),
            "date_due": (DATE, None, "date due"),
            "date_received": (DATE, None, "date received"),
            "date_accepted": (DATE, None, "date accepted"),
            "date_records_secured": (DATE, None, "date records secured"),
            "not_required_reason": (TEXT, None, "reason not required"),
            "summary": (TEXT, None, "summary"),
            "context": (TEXT, None, "contextual information"),
            "analysis": (TEXT, None, "analysis"),
            "good_practice": (TEXT, None, "good practice"),
            "lessons": (TEXT, None, "lessons"),
        },
    ),
    "challenge": (
        ChallengeQuestion,
        {
            "question": (TEXT, None, "question"),
            "raised_on": (DATE, None, "date raised"),
            "answer": (TEXT, None, "answer"),
            "answered_on": (DATE, None, "date answered"),
        },
    ),
    "recommendation": (
        Recommendation,
        {
            "text": (TEXT, None, "recommendation"),
            "level": (CHOICE, RECOMMENDATION_LEVELS, "level"),
            "addressee": (TEXT, None, "addressee"),
            "board_response": (CHOICE, BOARD_RESPONSES, "board's response"),
            "response_reason": (TEXT, None, "reason"),
        },
    ),
    "finding": (
        Finding,
        {
            "title": (REQUIRED, None, "title"),
            "narrative": (TEXT, None, "narrative"),
            "kind": (CHOICE, FINDING_KINDS, "kind"),
            "status": (CHOICE, FINDING_STATUSES, "status"),
            "agreed_on": (DATE, None, "date agreed"),
            "agreed_at": (TEXT, None, "meeting"),
        },
    ),
    "report_section": (
        ReportSection,
        {
            "title": (REQUIRED, None, "heading"),
            "text": (TEXT, None, "text"),
            "included": (FLAG, None, "included"),
            "appendix": (FLAG, None, "appendix"),
        },
    ),
    "meeting": (
        Meeting,
        {
            "held_on": (DATE, None, "date of the meeting"),
            "time": (TEXT, None, "time"),
            "place": (TEXT, None, "place"),
            "kind": (CHOICE, MEETING_KINDS, "kind of meeting"),
            "status": (CHOICE, MEETING_STATUSES, "status"),
        },
    ),
    "attendee": (
        MeetingAttendee,
        {
            "name": (REQUIRED, None, "name"),
            "role": (TEXT, None, "role"),
            "attendance": (CHOICE, ATTENDANCE, "attendance"),
        },
    ),
    "agenda_item": (
        AgendaItem,
        {
            "title": (REQUIRED, None, "agenda item"),
            "minutes": (NUMBER, None, "minutes planned"),
            "ref_kind": (CHOICE, AGENDA_REFS, "what the item is about"),
            "ref_id": (OPTIONAL_NUMBER, None, "what the item is about"),
            "ref_from": (DATE, None, "from"),
            "ref_to": (DATE, None, "to"),
            "notes": (TEXT, None, "notes"),
            "private_notes": (TEXT, None, "private notes"),
            "seconds_used": (NUMBER, None, "time used"),
        },
    ),
    "panel_task": (
        PanelTask,
        {
            "text": (REQUIRED, None, "task"),
            "owner": (TEXT, None, "owner"),
            "due": (DATE, None, "due date"),
            "status": (CHOICE, TASK_STATUSES, "status"),
            "done_on": (DATE, None, "date done"),
        },
    ),
    "action": (
        ActionItem,
        {
            "action": (TEXT, None, "action"),
            "lead_agency": (TEXT, None, "lead agency"),
            "lead_officer": (TEXT, None, "lead officer"),
            "target_date": (DATE, None, "target date"),
            "status": (CHOICE, ACTION_STATUSES, "status"),
            "completion_date": (DATE, None, "completion date"),
            "evidence": (TEXT, None, "evidence of impact"),
            "not_accepted_reason": (TEXT, None, "reason not accepted"),
        },
    ),
    # Derived date fields are set together by app.chronology.entries, never one by one.
    "chronology_entry": (
        ChronologyEntry,
        {
            "date_text": (TEXT, None, "date"),
            "precision": (TEXT, None, "date precision"),
            "granularity": (TEXT, None, "date granularity"),
            "date_start": (DATE, None, "first day"),
            "date_end": (DATE, None, "last day"),
            "sort_date": (DATE, None, "date used for ordering"),
            "time": (TEXT, None, "time"),
            "sequence": (NUMBER, None, "order"),
            "recorded": (DATE, None, "date recorded"),
            "recorded_text": (TEXT, None, "date recorded"),
            "source": (TEXT, None, "source"),
            "practitioner": (TEXT, None, "practitioner"),
            "role": (TEXT, None, "role"),
            "subjects": (TEXT, None, "person(s)"),
            "event_type": (TEXT, None, "event type"),
            "event_type_text": (TEXT, None, "event type"),
            "event": (TEXT, None, "event"),
            "outcome": (TEXT, None, "outcome"),
            "significance": (TEXT, None, "significance"),
            "flagged": (FLAG, None, "flag"),
            "flag_reason": (TEXT, None, "flag reason"),
            "agency_id": (NUMBER, None, "agency"),
        },
    ),
    "key_episode": (
        KeyEpisode,
        {
            "title": (REQUIRED, None, "title"),
            "start": (DATE, None, "start"),
            "end": (DATE, None, "end"),
            "summary": (TEXT, None, "summary"),
        },
    ),
}

# Fields worked out from another one (the date's parts from the date as typed): a conflict is
# shown on the field the person typed, not again on each of its parts.
DERIVED = {
    "chronology_entry": {
        "precision",
        "granularity",
        "date_start",
        "date_end",
        "sort_date",
        "sequence",
        "recorded",
        "event_type",
    },
}

# Pairs that must not run backwards: (kind, earlier, later, message).
DATE_ORDER = [
    ("review", "scope_start", "scope_end", "The scope cannot end before it starts."),
    (
        "review",
        "incident_date",
        "aware_date",
        "The authority cannot have become aware of the incident before it happened.",
    ),
    (
        "review",
        "aware_date",
        "notification_date",
        "The notification cannot come before the authority became aware of the incident.",
    ),
    (
        "review",
        "sign_off_date",
        "publication_date",
        "A review cannot be published before it is signed off.",
    ),
    (
        "imr",
        "date_requested",
        "date_received",
        "An IMR cannot be received before it was requested.",
    ),
    ("imr", "date_received", "date_accepted", "An IMR cannot be accepted before it was received."),
    (
        "challenge",
        "raised_on",
        "answered_on",
        "A question cannot be answered before it was raised.",
    ),
]


@dataclass(frozen=True)
class FieldChange:
    kind: str
    id: int
    before: dict[str, Any]
    after: dict[str, Any]

    @property
    def changed(self) -> bool:
        return self.before != self.after


def clean_value(kind: str, field: str, value: Any) -> Any:
    """Check one value against its field; return it as stored."""
    try:
        ftype, choices, label = FIELDS[kind][1][field]
    except KeyError:
        raise ValidationError(f"'{field}' cannot be changed here.") from None
    if ftype == FLAG:
        if not isinstance(value, bool):
            raise ValidationError(f"The {label} must be yes or no.")
        return value
    if ftype == OPTIONAL_NUMBER and value is None:
        return None
    if ftype in (NUMBER, OPTIONAL_NUMBER):
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ValidationError(f"The {label} must be a number.")
        return value
    if ftype == DATE:
        # A datetime is a date too in Python, but a time of day has no place here.
        if value is not None and (not isinstance(value, date) or isinstance(value, datetime)):
            raise ValidationError(f"The {label} must be a date.")
        return value
    if not isinstance(value, str):
        raise ValidationError(f"The {label} must be text.")
    if ftype == REQUIRED:
        value = value.strip()
        if not value:
            raise ValidationError(f"The {label} cannot be empty.")
    if ftype == CHOICE and value not in choices:
        raise ValidationError(f"'{value}' is not a valid {label}.")
    if kind == "review" and field in ("reference", "protective_marking") and len(value) > 60:
        raise ValidationError(f"The {label} is too long (60 characters at most).")
    return value


# Decisions that must say why: (kind, field, values that need a reason, reason field, message).
# The board's annual report must give the reasons for any decision not to implement a finding
# (Care Act 2014, Schedule 2, paragraph 4), so a "no" without a reason is never stored.
REASON_REQUIRED = [
    (
        "action",
        "status",
        {"not_accepted"},
        "not_accepted_reason",
        "An action that is not accepted needs the reason: the board must be able to say why "
        "it was not implemented.",
    ),
    (
        "recommendation",
        "board_response",
        {"not_accepted", "accepted_in_part"},
        "response_reason",
        "A recommendation that is not accepted (or accepted only in part) needs the reason: "
        "the board must be able to say why it was not implemented.",
    ),
]


def check_reasons(kind: str, obj) -> None:
    """Refuse a decision not to implement that gives no reason."""
    for k, field, needing, reason_field, message in REASON_REQUIRED:
        if k == kind and getattr(obj, field) in needing:
            if not (getattr(obj, reason_field) or "").strip():
                raise ValidationError(message)


def _check_order(kind: str, obj) -> None:
    for k, earlier, later, message in DATE_ORDER:
        if k != kind:
            continue
        a, b = getattr(obj, earlier), getattr(obj, later)
        if a is not None and b is not None and b < a:
            raise ValidationError(message)


def apply_fields(
    ctx: AppContext,
    kind: str,
    obj_id: int,
    values: dict[str, Any],
    *,
    seen: dict[str, Any] | None = None,
) -> FieldChange:
    """Set several fields of one thing at once, validated, audited, in one transaction.

    ``seen``: the values the person started from. When someone else has changed one of those
    fields since, nothing is saved and ``EditConflict`` shows both values.
    """
    if kind not in FIELDS:
        raise ValidationError(f"Unknown kind of record: {kind}.")
    model = FIELDS[kind][0]
    cleaned = {f: clean_value(kind, f, v) for f, v in values.items()}
    try:
        with ctx.session() as session:
            obj = session.get(model, obj_id)
            if obj is None:
                raise NotFoundError(
                    f"That {kind.replace('_', ' ')} no longer exists: someone else may have "
                    "removed it. Nothing was saved."
                )
            refuse_if_issued(session, obj)
            loaded_version = getattr(obj, "version", None)
            if seen:
                typed = {f: v for f, v in cleaned.items() if f not in DERIVED.get(kind, ())}
                labels = {f: FIELDS[kind][1][f][2] for f in typed}
                _refuse_conflicts(session, kind, obj, typed, seen, labels)
                # What was seen is still stored: hold the row until the change is saved (on the
                # shared store), so someone saving at the same moment waits and then meets a
                # conflict here, instead of both writing and one being undone and redone.
                _hold(session, obj)
                loaded_version = getattr(obj, "version", None)
                _refuse_conflicts(session, kind, obj, typed, seen, labels)
            before = {f: getattr(obj, f) for f in cleaned}
            for f, v in cleaned.items():
                setattr(obj, f, v)
            _check_order(kind, obj)
            check_reasons(kind, obj)
    except IntegrityError as exc:
        raise ValidationError(_integrity_message(kind, cleaned)) from exc
    except StaleEditError:
        if _version_of(ctx, model, obj_id) == loaded_version:
            # Nobody changed it: the shared store's roles hid the row from this change.
            raise NotPermittedError(
                f"Your role in the shared store does not allow changing this "
                f"{kind.replace('_', ' ')}, so nothing was saved."
            ) from None
        # Someone saved this row between our reading it and writing it: check again.
        return apply_fields(ctx, kind, obj_id, values, seen=seen or before)
    return FieldChange(kind, obj_id, before, cleaned)


def _hold(session, obj) -> None:
    """Read the row again, locked for this change (its latest values)."""
    try:
        session.refresh(obj, with_for_update=True)
    except InvalidRequestError:  # no row to read again
        # Removed meanwhile, or hidden from changes by the shared store's roles (the caller
        # tells which): nothing was written.
        raise StaleEditError("This was changed or removed by someone else.") from None


def _refuse_conflicts(session, kind: str, obj, typed: dict, seen: dict, labels: dict) -> None:
    conflicts = find_conflicts(session, kind, obj, typed, seen, labels)
    if conflicts:
        raise EditConflict(kind, obj.id, conflicts, getattr(obj, "audit_label", ""))


def _version_of(ctx: AppContext, model, obj_id: int) -> int | None:
    with ctx.session() as session:
        obj = session.get(model, obj_id)
        return getattr(obj, "version", None) if obj is not None else None


def _integrity_message(kind: str, values: dict) -> str:
    if kind == "review" and "reference" in values:
        return f"Another review already uses the reference '{values['reference']}'."
    if kind == "agency" and "name" in values:
        return f"This review already has an agency called '{values['name']}'."
    return "That change conflicts with other records and was not saved."
