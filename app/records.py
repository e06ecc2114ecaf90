"""Plain results returned by the services: no session, no ORM object crosses this line."""

from dataclasses import dataclass, field
from datetime import date, datetime

from app.vocab import IMR_AWAITED, IMR_STATUSES, PANEL_ROLES, REVIEW_STATUSES, REVIEW_TYPES, SECTORS


@dataclass(frozen=True)
class ImrSummary:
    imr_id: int
    agency_id: int
    agency: str
    sector: str
    status: str
    author_name: str
    author_role: str
    date_requested: date | None
    date_due: date | None
    date_received: date | None
    date_accepted: date | None
    open_challenges: int
    recommendations: int
    attachments: int
    days_overdue: int  # 0 unless the IMR is awaited and past its due date

    @property
    def status_label(self) -> str:
        return IMR_STATUSES.get(self.status, self.status)

    @property
    def sector_label(self) -> str:
        return SECTORS.get(self.sector, self.sector)

    @property
    def overdue(self) -> bool:
        return self.days_overdue > 0


def days_overdue(status: str, due: date | None, today: date) -> int:
    if status not in IMR_AWAITED or due is None:
        return 0
    return max(0, (today - due).days)


@dataclass(frozen=True)
class ReviewSummary:
    id: int
    reference: str
    title: str
    review_type: str
    status: str
    subject_pseudonym: str
    target_date: date | None
    imr_counts: dict[str, int]
    overdue_imrs: int

    @property
    def type_label(self) -> str:
        kind = REVIEW_TYPES.get(self.review_type)
        return kind.short if kind else self.review_type

    @property
    def status_label(self) -> str:
        return REVIEW_STATUSES.get(self.status, self.status)


@dataclass(frozen=True)
class LineOfEnquiryRecord:
    id: int
    position: int
    text: str


@dataclass(frozen=True)
class PanelMemberRecord:
    id: int
    position: int
    name: str
    role: str
    organisation: str

    @property
    def role_label(self) -> str:
        return PANEL_ROLES.get(self.role, self.role)


@dataclass(frozen=True)
class ReviewDetail:
    id: int
    reference: str
    title: str
    review_type: str
    subject_pseudonym: str
    partnership: str
    protective_marking: str
    status: str
    incident_date: date | None
    notification_date: date | None
    decision_date: date | None
    scope_start: date | None
    scope_end: date | None
    target_override: date | None
    target_date: date | None
    target_basis: str
    notification_due: date | None
    aware_date: date | None = None
    sign_off_date: date | None = None
    publication_date: date | None = None
    lines_of_enquiry: list[LineOfEnquiryRecord] = field(default_factory=list)
    panel: list[PanelMemberRecord] = field(default_factory=list)
    imrs: list[ImrSummary] = field(default_factory=list)

    @property
    def type_label(self) -> str:
        kind = REVIEW_TYPES.get(self.review_type)
        return kind.label if kind else self.review_type


@dataclass(frozen=True)
class ChallengeRecord:
    id: int
    position: int
    question: str
    raised_on: date | None
    answer: str
    answered_on: date | None

    @property
    def open(self) -> bool:
        return not self.answer.strip()


@dataclass(frozen=True)
class RecommendationRecord:
    id: int
    position: int
    text: str


@dataclass(frozen=True)
class AttachmentRecord:
    id: int
    filename: str
    media_type: str
    size: int
    sha256: str
    added_at: datetime
    added_by: str


@dataclass(frozen=True)
class ImrDetail:
    summary: ImrSummary
    review_id: int
    date_records_secured: date | None
    not_required_reason: str
    sections: dict[str, str]
    challenges: list[ChallengeRecord]
    recommendations: list[RecommendationRecord]
    attachments: list[AttachmentRecord]


@dataclass(frozen=True)
class AuditRecord:
    at: datetime
    actor: str
    action: str
    entity: str
    label: str
    field: str | None
    old_value: str | None
    new_value: str | None
