"""The review's documents: each a list of sections, versioned (draft 1, 2, …; final)."""

from datetime import date, datetime

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, object_session

from db.base import Base, Versioned, utcnow


class Report(Base):
    __tablename__ = "report"
    __table_args__ = (UniqueConstraint("review_id", "kind", name="uq_report_review_kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("review.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))  # "overview", "summary", "brief"
    version: Mapped[int] = mapped_column(Integer, default=1)
    final: Mapped[bool] = mapped_column(Boolean, default=False)
    finalised_on: Mapped[date | None]
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    @property
    def audit_review_id(self) -> int:
        return self.review_id

    @property
    def audit_label(self) -> str:
        return f"Report {self.kind}"


class ReportSection(Versioned, Base):
    """A section: the author's narrative, or generated from the review's data."""

    __tablename__ = "report_section"

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("report.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    title: Mapped[str] = mapped_column(String(300), default="")
    source: Mapped[str] = mapped_column(String(40), default="narrative")  # or a generated kind
    text: Mapped[str] = mapped_column(Text, default="")
    included: Mapped[bool] = mapped_column(Boolean, default=True)
    appendix: Mapped[bool] = mapped_column(Boolean, default=False)
    options: Mapped[str] = mapped_column(Text, default="{}")  # JSON, e.g. {"limit": 5000}
    # The template's advice for this section: shown greyed in the editor, never printed.
    guidance: Mapped[str] = mapped_column(Text, default="")

    @property
    def audit_review_id(self) -> int | None:
        session = object_session(self)
        report = session.get(Report, self.report_id) if session is not None else None
        return report.review_id if report is not None else None

    @property
    def audit_label(self) -> str:
        return f"Report section {self.title}"
