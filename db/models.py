"""Typed SQLAlchemy models of the store.

Vocabularies (review types, statuses, roles) are stored as short strings and validated by the
app layer, so adding a value later needs no table rebuild.
"""

from datetime import date, datetime

from sqlalchemy import (
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, object_session, relationship

from db.base import Base, Versioned, utcnow


def _parent(obj, relationship_name: str, model: type, key: str):
    """The parent of ``obj``, looked up by key when only the key was set (a row just added)."""
    parent = getattr(obj, relationship_name)
    if parent is None and getattr(obj, key) is not None:
        session = object_session(obj)
        if session is not None:
            parent = session.get(model, getattr(obj, key))
    return parent


class Review(Versioned, Base):
    __tablename__ = "review"
    # Ids are never reused: a deleted review's audit trail must not pass to a new review.
    __table_args__ = {"sqlite_autoincrement": True}

    id: Mapped[int] = mapped_column(primary_key=True)
    # Unique without regard to case: "scr-1" and "SCR-1" are the same review.
    reference: Mapped[str] = mapped_column(String(60, collation="NOCASE"), unique=True)
    title: Mapped[str] = mapped_column(String(300))
    review_type: Mapped[str] = mapped_column(String(40))
    subject_pseudonym: Mapped[str] = mapped_column(String(120), default="")
    partnership: Mapped[str] = mapped_column(String(200), default="")
    protective_marking: Mapped[str] = mapped_column(String(60), default="OFFICIAL-SENSITIVE")
    status: Mapped[str] = mapped_column(String(40), default="commissioned")
    incident_date: Mapped[date | None]
    # The day the local authority (or partnership) became aware: notification counts from it.
    aware_date: Mapped[date | None]
    notification_date: Mapped[date | None]
    decision_date: Mapped[date | None]
    sign_off_date: Mapped[date | None]
    publication_date: Mapped[date | None]  # planned, then actual
    scope_start: Mapped[date | None]
    scope_end: Mapped[date | None]
    target_override: Mapped[date | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    lines_of_enquiry: Mapped[list["LineOfEnquiry"]] = relationship(
        back_populates="review", cascade="all, delete-orphan", order_by="LineOfEnquiry.position"
    )
    panel_members: Mapped[list["PanelMember"]] = relationship(
        back_populates="review", cascade="all, delete-orphan", order_by="PanelMember.position"
    )
    agencies: Mapped[list["Agency"]] = relationship(
        back_populates="review", cascade="all, delete-orphan", order_by="Agency.position"
    )

    @property
    def audit_review_id(self) -> int:
        return self.id

    @property
    def audit_label(self) -> str:
        return f"Review {self.reference}"


class LineOfEnquiry(Versioned, Base):
    """One key line of enquiry in the review's terms of reference."""

    __tablename__ = "line_of_enquiry"

    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("review.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    text: Mapped[str] = mapped_column(Text, default="")

    review: Mapped[Review] = relationship(back_populates="lines_of_enquiry")

    @property
    def audit_review_id(self) -> int:
        return self.review_id

    @property
    def audit_label(self) -> str:
        return "Line of enquiry"


class PanelMember(Versioned, Base):
    __tablename__ = "panel_member"

    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("review.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    name: Mapped[str] = mapped_column(String(200), default="")
    role: Mapped[str] = mapped_column(String(40), default="member")
    organisation: Mapped[str] = mapped_column(String(200), default="")

    review: Mapped[Review] = relationship(back_populates="panel_members")

    @property
    def audit_review_id(self) -> int:
        return self.review_id

    @property
    def audit_label(self) -> str:
        return f"Panel member {self.name}".strip()


class Agency(Versioned, Base):
    """An agency involved in one review; it has exactly one IMR record."""

    __tablename__ = "agency"
    __table_args__ = (UniqueConstraint("review_id", "name", name="uq_agency_review_name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("review.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    name: Mapped[str] = mapped_column(String(200))
    sector: Mapped[str] = mapped_column(String(60), default="other")

    review: Mapped[Review] = relationship(back_populates="agencies")
    imr: Mapped["Imr"] = relationship(
        back_populates="agency", cascade="all, delete-orphan", uselist=False
    )

    @property
    def audit_review_id(self) -> int:
        return self.review_id

    @property
    def audit_label(self) -> str:
        return f"Agency {self.name}"


class Imr(Versioned, Base):
    """An agency's Individual Management Review and where it stands in the workflow."""

    __tablename__ = "imr"

    id: Mapped[int] = mapped_column(primary_key=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agency.id", ondelete="CASCADE"), unique=True)
    status: Mapped[str] = mapped_column(String(40), default="not_requested")
    author_name: Mapped[str] = mapped_column(String(200), default="")
    author_role: Mapped[str] = mapped_column(String(200), default="")
    date_requested: Mapped[date | None]
    date_due: Mapped[date | None]
    date_received: Mapped[date | None]
    date_accepted: Mapped[date | None]
    date_records_secured: Mapped[date | None]
    not_required_reason: Mapped[str] = mapped_column(Text, default="")
    summary: Mapped[str] = mapped_column(Text, default="")
    context: Mapped[str] = mapped_column(Text, default="")
    analysis: Mapped[str] = mapped_column(Text, default="")
    good_practice: Mapped[str] = mapped_column(Text, default="")
    lessons: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    agency: Mapped[Agency] = relationship(back_populates="imr")
    challenges: Mapped[list["ChallengeQuestion"]] = relationship(
        back_populates="imr", cascade="all, delete-orphan", order_by="ChallengeQuestion.position"
    )
    recommendations: Mapped[list["Recommendation"]] = relationship(
        back_populates="imr", cascade="all, delete-orphan", order_by="Recommendation.position"
    )
    attachments: Mapped[list["Attachment"]] = relationship(
        back_populates="imr", cascade="all, delete-orphan", order_by="Attachment.id"
    )

    @property
    def audit_review_id(self) -> int:
        return _parent(self, "agency", Agency, "agency_id").review_id

    @property
    def audit_label(self) -> str:
        return f"IMR {_parent(self, 'agency', Agency, 'agency_id').name}"


class ChallengeQuestion(Versioned, Base):
    """A question the panel put to an agency about its IMR, and the agency's answer."""

    __tablename__ = "challenge_question"

    id: Mapped[int] = mapped_column(primary_key=True)
    imr_id: Mapped[int] = mapped_column(ForeignKey("imr.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    question: Mapped[str] = mapped_column(Text, default="")
    raised_on: Mapped[date | None]
    answer: Mapped[str] = mapped_column(Text, default="")
    answered_on: Mapped[date | None]

    imr: Mapped[Imr] = relationship(back_populates="challenges")

    @property
    def audit_review_id(self) -> int:
        return _parent(self, "imr", Imr, "imr_id").audit_review_id

    @property
    def audit_label(self) -> str:
        return f"Challenge to {_parent(self, 'imr', Imr, 'imr_id').agency.name}"


class Recommendation(Versioned, Base):
    """A recommendation; single-agency ones belong to an IMR."""

    __tablename__ = "recommendation"

    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("review.id", ondelete="CASCADE"), index=True)
    imr_id: Mapped[int | None] = mapped_column(ForeignKey("imr.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    text: Mapped[str] = mapped_column(Text, default="")
    # "single_agency" (from an IMR) or "multi_agency" (from the overview author).
    level: Mapped[str] = mapped_column(String(20), default="single_agency")
    addressee: Mapped[str] = mapped_column(String(200), default="")
    board_response: Mapped[str] = mapped_column(String(30), default="")
    response_reason: Mapped[str] = mapped_column(Text, default="")
    # The number printed in a final report, kept when recommendations are later reordered.
    final_number: Mapped[int | None]

    imr: Mapped[Imr | None] = relationship(back_populates="recommendations")

    @property
    def audit_review_id(self) -> int:
        return self.review_id

    @property
    def audit_label(self) -> str:
        imr = _parent(self, "imr", Imr, "imr_id")
        if imr is not None:
            return f"Recommendation ({imr.agency.name})"
        return "Recommendation"


class Attachment(Base):
    """An original document (IMR in docx or pdf, say) kept inside the store."""

    __tablename__ = "attachment"

    id: Mapped[int] = mapped_column(primary_key=True)
    imr_id: Mapped[int] = mapped_column(ForeignKey("imr.id", ondelete="CASCADE"), index=True)
    filename: Mapped[str] = mapped_column(String(260))
    media_type: Mapped[str] = mapped_column(String(120), default="application/octet-stream")
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    added_at: Mapped[datetime] = mapped_column(default=utcnow)
    added_by: Mapped[str] = mapped_column(String(200), default="")
    # Deferred: listing attachments never pulls their bytes into memory.
    content: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)

    imr: Mapped[Imr] = relationship(back_populates="attachments")

    @property
    def audit_review_id(self) -> int:
        return _parent(self, "imr", Imr, "imr_id").audit_review_id

    @property
    def audit_label(self) -> str:
        return f"Attachment {self.filename}"


class AuditEvent(Base):
    """One recorded change. No foreign key: the trail outlives what it describes."""

    __tablename__ = "audit_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    actor: Mapped[str] = mapped_column(String(200))
    review_id: Mapped[int | None] = mapped_column(Integer, index=True)
    action: Mapped[str] = mapped_column(String(20))
    entity: Mapped[str] = mapped_column(String(60))
    entity_id: Mapped[int | None] = mapped_column(Integer)
    label: Mapped[str] = mapped_column(String(300), default="")
    field: Mapped[str | None] = mapped_column(String(60))
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)
    # The whole row (JSON) for creates and deletes: what was deleted can be read and restored.
    row_data: Mapped[str | None] = mapped_column(Text)
    # SHA-256 over the previous row's hash and this row (db/audit.py seals it at commit).
    hash: Mapped[str | None] = mapped_column(String(64))

    __table_args__ = (Index("ix_audit_event_entity", "entity", "entity_id"),)
