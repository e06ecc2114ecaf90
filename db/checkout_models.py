"""Checking a review out of a store for offline work, and back in (db/checkout.py).

In the store it was taken from, ``review_checkout`` says who has the review, since when and
where: while the row is there the review's rows refuse every write (db/checkout_guard.py).
In the store it went to, ``review_copy`` says where the review came from, and
``review_copy_row`` remembers each row as it was taken (its key there and a digest of its
values), so that check-in knows what was added, changed and removed, and gives new rows new
keys there.
"""

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, utcnow


class ReviewCheckout(Base):
    """A review checked out of this store: read-only here until it comes back."""

    __tablename__ = "review_checkout"

    review_id: Mapped[int] = mapped_column(
        ForeignKey("review.id", ondelete="CASCADE"), primary_key=True
    )
    token: Mapped[str] = mapped_column(String(36), unique=True)
    holder: Mapped[str] = mapped_column(String(200))  # who took it
    taken_at: Mapped[datetime] = mapped_column(default=utcnow)
    destination: Mapped[str] = mapped_column(String(500), default="")  # computer and store
    # The database login that took it on a shared store ("" in a store file): it, the
    # review's chair or the business manager may end the check-out (row-level security).
    login: Mapped[str] = mapped_column(String(200), default="", server_default="")

    @property
    def audit_review_id(self) -> int:
        return self.review_id

    @property
    def audit_label(self) -> str:
        return f"Check-out to {self.holder} ({self.destination})"[:300]


class ReviewCopy(Base):
    """A review in this store that is a checked-out copy of a review in another store."""

    __tablename__ = "review_copy"

    review_id: Mapped[int] = mapped_column(
        ForeignKey("review.id", ondelete="CASCADE"), primary_key=True
    )
    token: Mapped[str] = mapped_column(String(36), unique=True)
    source: Mapped[str] = mapped_column(String(500))  # the store it came from (no password)
    source_review_id: Mapped[int] = mapped_column(Integer)
    holder: Mapped[str] = mapped_column(String(200))
    taken_at: Mapped[datetime] = mapped_column(default=utcnow)
    # The last trail entry of this store once the copy was made: what follows is offline work.
    trail_mark: Mapped[int] = mapped_column(Integer, default=0)

    @property
    def audit_review_id(self) -> int:
        return self.review_id

    @property
    def audit_label(self) -> str:
        return f"Checked out from {self.source}"[:300]


class ReviewCopyRow(Base):
    """One row of a checked-out review as it was taken: its key here and there, and a digest
    of its values (keys as they are there)."""

    __tablename__ = "review_copy_row"
    # Bookkeeping of the copy, rebuilt by each check-out: not audited itself.
    __table_args__ = (
        Index("ix_review_copy_row_review_id", "review_id", "entity"),
        {"info": {"derived": True}},
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("review_copy.review_id", ondelete="CASCADE"))
    entity: Mapped[str] = mapped_column(String(60))
    local_key: Mapped[str] = mapped_column(String(100))
    source_key: Mapped[str] = mapped_column(String(100))
    digest: Mapped[str] = mapped_column(String(64))
