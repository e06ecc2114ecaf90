"""Who works on which review in the shared store, and as what (PostgreSQL enforces it)."""

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base

REVIEW_ROLES = {"chair": "chair", "author": "author", "panel": "panel member"}


class ReviewMember(Base):
    """A login's role on one review: a chair or author may change it, a panel member reads it."""

    __tablename__ = "review_member"

    review_id: Mapped[int] = mapped_column(
        ForeignKey("review.id", ondelete="CASCADE"), primary_key=True
    )
    username: Mapped[str] = mapped_column(String(63), primary_key=True)  # the login's name
    role: Mapped[str] = mapped_column(String(20))

    @property
    def audit_review_id(self) -> int:
        return self.review_id

    @property
    def audit_label(self) -> str:
        return f"{REVIEW_ROLES.get(self.role, self.role).capitalize()} {self.username}"
