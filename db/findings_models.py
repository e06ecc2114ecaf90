"""Findings, their evidence, recommendations' links, and the action plan with its updates."""

from datetime import date, datetime

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, object_session

from db.base import Base, Versioned, utcnow
from db.models import Recommendation


class Finding(Versioned, Base):
    """A numbered finding, learning point or piece of good practice."""

    __tablename__ = "finding"

    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("review.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    title: Mapped[str] = mapped_column(String(300), default="")
    narrative: Mapped[str] = mapped_column(Text, default="")
    kind: Mapped[str] = mapped_column(String(30), default="finding")
    status: Mapped[str] = mapped_column(String(30), default="draft")
    agreed_on: Mapped[date | None]
    agreed_at: Mapped[str] = mapped_column(String(200), default="")  # the meeting, in words
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    @property
    def audit_review_id(self) -> int:
        return self.review_id

    @property
    def audit_label(self) -> str:
        return f"Finding {self.title}".strip()


class FindingTheme(Base):
    __tablename__ = "finding_theme"

    finding_id: Mapped[int] = mapped_column(
        ForeignKey("finding.id", ondelete="CASCADE"), primary_key=True
    )
    theme: Mapped[str] = mapped_column(String(120), primary_key=True)


class FindingLine(Base):
    """A key line of enquiry that a finding answers."""

    __tablename__ = "finding_line"

    finding_id: Mapped[int] = mapped_column(
        ForeignKey("finding.id", ondelete="CASCADE"), primary_key=True
    )
    line_id: Mapped[int] = mapped_column(
        ForeignKey("line_of_enquiry.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class FindingEvidence(Base):
    """What a finding rests on: a chronology entry, a key practice episode or an IMR section."""

    __tablename__ = "finding_evidence"

    id: Mapped[int] = mapped_column(primary_key=True)
    finding_id: Mapped[int] = mapped_column(
        ForeignKey("finding.id", ondelete="CASCADE"), index=True
    )
    entry_id: Mapped[int | None] = mapped_column(
        ForeignKey("chronology_entry.id", ondelete="CASCADE"), index=True
    )
    episode_id: Mapped[int | None] = mapped_column(
        ForeignKey("key_episode.id", ondelete="CASCADE"), index=True
    )
    imr_id: Mapped[int | None] = mapped_column(ForeignKey("imr.id", ondelete="CASCADE"), index=True)
    section: Mapped[str] = mapped_column(String(40), default="")  # IMR section key
    note: Mapped[str] = mapped_column(Text, default="")


class RecommendationFinding(Base):
    __tablename__ = "recommendation_finding"

    recommendation_id: Mapped[int] = mapped_column(
        ForeignKey("recommendation.id", ondelete="CASCADE"), primary_key=True
    )
    finding_id: Mapped[int] = mapped_column(
        ForeignKey("finding.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class ActionItem(Versioned, Base):
    """One action of the plan that answers a recommendation."""

    __tablename__ = "action_item"

    id: Mapped[int] = mapped_column(primary_key=True)
    recommendation_id: Mapped[int] = mapped_column(
        ForeignKey("recommendation.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    action: Mapped[str] = mapped_column(Text, default="")
    lead_agency: Mapped[str] = mapped_column(String(200), default="")
    lead_officer: Mapped[str] = mapped_column(String(200), default="")
    target_date: Mapped[date | None]
    status: Mapped[str] = mapped_column(String(30), default="not_started")
    completion_date: Mapped[date | None]
    evidence: Mapped[str] = mapped_column(Text, default="")  # evidence of impact
    not_accepted_reason: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    @property
    def audit_review_id(self) -> int | None:
        session = object_session(self)
        rec = session.get(Recommendation, self.recommendation_id) if session else None
        return rec.review_id if rec is not None else None

    @property
    def audit_label(self) -> str:
        return f"Action {self.action[:60]}".strip()


class ActionUpdate(Base):
    """A dated progress update on an action (from the app or an agency's returned tracker)."""

    __tablename__ = "action_update"

    id: Mapped[int] = mapped_column(primary_key=True)
    action_id: Mapped[int] = mapped_column(
        ForeignKey("action_item.id", ondelete="CASCADE"), index=True
    )
    on: Mapped[date]
    by: Mapped[str] = mapped_column(String(200), default="")
    status: Mapped[str] = mapped_column(String(30), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(String(300), default="")  # "app" or the tracker file
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
