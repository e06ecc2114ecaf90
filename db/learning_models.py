"""What a review owes outside the partnership and how it is coded: the statutory checklist's
done dates, the review's own themes, and a rapid review's link to the review it became."""

from datetime import date

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, Versioned


class ReviewMilestone(Versioned, Base):
    """A notification or approval of the review's checklist, once done (keyed by rule)."""

    __tablename__ = "review_milestone"
    __table_args__ = (UniqueConstraint("review_id", "key", name="uq_review_milestone_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("review.id", ondelete="CASCADE"), index=True)
    key: Mapped[str] = mapped_column(String(60))
    done_on: Mapped[date]
    note: Mapped[str] = mapped_column(Text, default="")

    @property
    def audit_review_id(self) -> int:
        return self.review_id

    @property
    def audit_label(self) -> str:
        return f"Checklist {self.key}"


class ReviewTheme(Base):
    """A theme the review as a whole is coded with (besides its findings' themes)."""

    __tablename__ = "review_theme"

    review_id: Mapped[int] = mapped_column(
        ForeignKey("review.id", ondelete="CASCADE"), primary_key=True
    )
    theme: Mapped[str] = mapped_column(String(120), primary_key=True)


class ReviewConversion(Base):
    """A rapid review and the local review it became (or was linked to)."""

    __tablename__ = "review_conversion"

    rapid_review_id: Mapped[int] = mapped_column(
        ForeignKey("review.id", ondelete="CASCADE"), primary_key=True
    )
    review_id: Mapped[int] = mapped_column(ForeignKey("review.id", ondelete="CASCADE"), index=True)

    @property
    def audit_review_id(self) -> int:
        return self.rapid_review_id

    @property
    def audit_label(self) -> str:
        return "Rapid review linked to a local review"
