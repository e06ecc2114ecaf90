"""Publishing: the people register, audiences per document, issued versions, release waivers."""

from datetime import date, datetime

from sqlalchemy import ForeignKey, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, Versioned, utcnow


class Person(Versioned, Base):
    """Someone (or somewhere) that must never be named in a published document."""

    __tablename__ = "person"

    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("review.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    kind: Mapped[str] = mapped_column(String(20), default="person")  # "person" or "place"
    name: Mapped[str] = mapped_column(String(300))
    descriptor: Mapped[str] = mapped_column(String(200))  # "Child L", "the health visitor"
    role: Mapped[str] = mapped_column(String(200), default="")  # relationship or role
    variants: Mapped[str] = mapped_column(Text, default="")  # one per line: nicknames, spellings
    date_of_birth: Mapped[date | None]
    addresses: Mapped[str] = mapped_column(Text, default="")  # one per line
    identifiers: Mapped[str] = mapped_column(Text, default="")  # one per line
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    @property
    def audit_review_id(self) -> int:
        return self.review_id

    @property
    def audit_label(self) -> str:
        return f"People register: {self.descriptor}"


class DocumentSetting(Versioned, Base):
    """Who a document is for: internal (real names) or publication (anonymised)."""

    __tablename__ = "document_setting"
    __table_args__ = (
        UniqueConstraint("review_id", "kind", name="uq_document_setting_review_kind"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("review.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(30))
    audience: Mapped[str] = mapped_column(String(20))  # "internal" or "publication"
    marking: Mapped[str] = mapped_column(String(60), default="")

    @property
    def audit_review_id(self) -> int:
        return self.review_id

    @property
    def audit_label(self) -> str:
        return f"Audience of the {self.kind}"


class IssuedVersion(Base):
    """A final version exactly as issued: its bytes, hash and the register used. Never changed."""

    __tablename__ = "issued_version"
    __table_args__ = (
        UniqueConstraint(
            "review_id", "kind", "version", "suffix", name="uq_issued_version_kind_version_suffix"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("review.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(30))
    version: Mapped[int] = mapped_column(Integer)
    suffix: Mapped[str] = mapped_column(String(10))
    audience: Mapped[str] = mapped_column(String(20))
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)
    register: Mapped[str] = mapped_column(Text, default="[]")  # JSON: the register as used
    issued_at: Mapped[datetime] = mapped_column(default=utcnow)
    issued_by: Mapped[str] = mapped_column(String(200), default="")
    content: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)

    @property
    def audit_review_id(self) -> int:
        return self.review_id

    @property
    def audit_label(self) -> str:
        return f"Issued {self.kind} version {self.version} ({self.suffix}, sha256 {self.sha256})"


class ReleaseWaiver(Base):
    """A release check finding the author accepted, with the reason."""

    __tablename__ = "release_waiver"
    __table_args__ = (UniqueConstraint("review_id", "kind", "key", name="uq_release_waiver_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("review.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(30))
    key: Mapped[str] = mapped_column(String(400))
    reason: Mapped[str] = mapped_column(Text)
    waived_by: Mapped[str] = mapped_column(String(200), default="")
    waived_at: Mapped[datetime] = mapped_column(default=utcnow)

    @property
    def audit_review_id(self) -> int:
        return self.review_id

    @property
    def audit_label(self) -> str:
        return f"Release check waived ({self.kind}): {self.key[:120]}; reason: {self.reason[:120]}"
