"""Chronology models: entries merged from agencies' returns, their imports, key episodes."""

from datetime import date, datetime

from sqlalchemy import Boolean, Float, ForeignKey, Index, Integer, String, Text, event, insert
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.base import Base, Versioned, utcnow
from db.models import Agency


class ChronologyImport(Base):
    """One agency file imported into a review's chronology (replaced when the agency resends it)."""

    __tablename__ = "chronology_import"

    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("review.id", ondelete="CASCADE"), index=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agency.id", ondelete="CASCADE"), index=True)
    file_name: Mapped[str] = mapped_column(String(260))
    sheet: Mapped[str] = mapped_column(String(200), default="")
    sha256: Mapped[str] = mapped_column(String(64))
    header_row: Mapped[int] = mapped_column(Integer, default=1)
    mapping: Mapped[str] = mapped_column(Text, default="{}")  # JSON: field -> header name
    imported_at: Mapped[datetime] = mapped_column(default=utcnow)
    imported_by: Mapped[str] = mapped_column(String(200), default="")
    row_count: Mapped[int] = mapped_column(Integer, default=0)
    flagged_count: Mapped[int] = mapped_column(Integer, default=0)
    report: Mapped[str] = mapped_column(Text, default="")  # what the import decided, in words

    agency: Mapped[Agency] = relationship()

    @property
    def audit_review_id(self) -> int:
        return self.review_id

    @property
    def audit_label(self) -> str:
        return f"Chronology import {self.file_name}"


class ChronologyEntry(Versioned, Base):
    __tablename__ = "chronology_entry"
    __table_args__ = (
        Index("ix_chronology_entry_order", "review_id", "sort_date", "sequence"),
        Index("ix_chronology_entry_agency", "review_id", "agency_id", "sort_date", "sequence"),
        # Ids never reused: entries written in bulk (recorded as one import event) must not
        # take the id of a deleted entry whose content the audit trail keeps.
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("review.id", ondelete="CASCADE"))
    agency_id: Mapped[int] = mapped_column(ForeignKey("agency.id", ondelete="CASCADE"))
    # Not indexed: only replacing an import looks entries up by it (a 10 ms scan of 50,000),
    # while an index would cost every import.
    import_id: Mapped[int | None] = mapped_column(
        ForeignKey("chronology_import.id", ondelete="CASCADE")
    )
    # When: the date as written, what it was understood to mean, and the order key.
    date_text: Mapped[str] = mapped_column(String(200), default="")
    precision: Mapped[str] = mapped_column(String(20), default="unknown")
    granularity: Mapped[str] = mapped_column(String(20), default="day")
    date_start: Mapped[date | None]
    date_end: Mapped[date | None]
    time: Mapped[str] = mapped_column(String(5), default="")
    sort_date: Mapped[date | None]
    sequence: Mapped[float] = mapped_column(Float, default=0.0)
    recorded: Mapped[date | None]
    recorded_text: Mapped[str] = mapped_column(String(200), default="")
    # Who and what, exactly as the agency wrote it.
    source: Mapped[str] = mapped_column(Text, default="")
    practitioner: Mapped[str] = mapped_column(Text, default="")
    role: Mapped[str] = mapped_column(Text, default="")
    subjects: Mapped[str] = mapped_column(Text, default="")
    event_type: Mapped[str] = mapped_column(String(40), default="")
    event_type_text: Mapped[str] = mapped_column(Text, default="")
    event: Mapped[str] = mapped_column(Text, default="")
    outcome: Mapped[str] = mapped_column(Text, default="")
    significance: Mapped[str] = mapped_column(Text, default="")
    flagged: Mapped[bool] = mapped_column(Boolean, default=False)
    flag_reason: Mapped[str] = mapped_column(Text, default="")
    # Where it came from: the file row, and every cell of it as imported (JSON).
    source_row: Mapped[int | None]
    source_values: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    agency: Mapped[Agency] = relationship()
    themes: Mapped[list["EntryTheme"]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
    )

    @property
    def audit_review_id(self) -> int:
        return self.review_id

    @property
    def audit_label(self) -> str:
        return f"Chronology entry {self.date_text or 'undated'}"


class ChronologySearch(Base):
    """The searchable text of each entry.

    On SQLite, one narrow table: a free-text search scans this (a few columns) instead of seven
    wide ones, three times faster on 50,000 entries. New rows: written by the importer in bulk,
    and by the ``after_insert`` event below for entries added one at a time. Changed rows: the
    trigger in ``SEARCH_TRIGGERS`` (created by migration 0003); a later batch migration that
    rebuilds ``chronology_entry`` drops it and must create it again. Deleted rows go with their
    entry (ON DELETE CASCADE).

    On PostgreSQL, a view over the entries (migration 0016), whose words the server keeps in a
    generated column of each entry with a GIN index: nothing writes search rows there (see
    ``search_rows_written``).
    """

    __tablename__ = "chronology_search"
    # Derived from chronology_entry (which the audit trail records): not audited itself.
    __table_args__ = {"info": {"derived": True, "view_on_postgresql": True}}

    entry_id: Mapped[int] = mapped_column(
        ForeignKey("chronology_entry.id", ondelete="CASCADE"), primary_key=True
    )
    review_id: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text, default="")


SEARCH_TEXT_SQL = (
    "new.event || char(10) || new.outcome || char(10) || new.significance || char(10) || "
    "new.source || char(10) || new.practitioner || char(10) || new.role || char(10) || "
    "new.subjects || char(10) || new.event_type_text || char(10) || new.date_text"
)
SEARCH_FIELDS = (
    "event", "outcome", "significance", "source", "practitioner", "role", "subjects",
    "event_type_text", "date_text",
)  # fmt: skip


def search_text(values) -> str:
    """The text searched for an entry (the same as the trigger's SEARCH_TEXT_SQL)."""
    get = values.get if isinstance(values, dict) else lambda key: getattr(values, key)
    return "\n".join(get(field) or "" for field in SEARCH_FIELDS)


SEARCH_TRIGGERS = {
    "chronology_search_update": (
        "CREATE TRIGGER chronology_search_update AFTER UPDATE OF event, outcome, significance, "
        "source, practitioner, role, subjects, event_type_text, date_text ON chronology_entry "
        f"BEGIN UPDATE chronology_search SET text = {SEARCH_TEXT_SQL} "
        "WHERE entry_id = new.id; END"
    ),
}


def is_view(table, dialect_name: str) -> bool:
    """Whether ``table`` is a view on this engine (read like a table, never written)."""
    return dialect_name == "postgresql" and bool(table.info.get("view_on_postgresql"))


def search_rows_written(bind) -> bool:
    """Whether whoever adds entries on this connection (or session) writes their search rows:
    on SQLite yes; on PostgreSQL, where they are a view, the server derives them (0016)."""
    return not is_view(ChronologySearch.__table__, bind.dialect.name)


@event.listens_for(ChronologyEntry, "after_insert")
def _search_row_for_new_entry(_mapper, connection, target) -> None:
    if not search_rows_written(connection):
        return
    connection.execute(
        insert(ChronologySearch.__table__).values(
            entry_id=target.id, review_id=target.review_id, text=search_text(target)
        )
    )


class EntryTheme(Base):
    __tablename__ = "chronology_entry_theme"

    entry_id: Mapped[int] = mapped_column(
        ForeignKey("chronology_entry.id", ondelete="CASCADE"), primary_key=True
    )
    theme: Mapped[str] = mapped_column(String(120), primary_key=True, index=True)


class KeyEpisode(Versioned, Base):
    """A key practice episode: a period of the case the review analyses as one."""

    __tablename__ = "key_episode"

    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("review.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    title: Mapped[str] = mapped_column(String(300), default="")
    start: Mapped[date | None]
    end: Mapped[date | None]
    summary: Mapped[str] = mapped_column(Text, default="")

    @property
    def audit_review_id(self) -> int:
        return self.review_id

    @property
    def audit_label(self) -> str:
        return f"Key practice episode {self.title}"


class EpisodeEntry(Base):
    __tablename__ = "key_episode_entry"

    episode_id: Mapped[int] = mapped_column(
        ForeignKey("key_episode.id", ondelete="CASCADE"), primary_key=True
    )
    entry_id: Mapped[int] = mapped_column(
        ForeignKey("chronology_entry.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class ColumnMapping(Base):
    """The column mapping last confirmed for an agency, offered for its next file."""

    __tablename__ = "column_mapping"

    id: Mapped[int] = mapped_column(primary_key=True)
    agency_key: Mapped[str] = mapped_column(
        String(200), unique=True
    )  # app.agency_names.agency_key of the name
    mapping: Mapped[str] = mapped_column(Text, default="{}")  # JSON: field -> header name
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


def fill_search_text(session, import_id: int, after_id: int) -> None:
    """The search rows of every entry of an import (all with ids above ``after_id``, found by
    the primary key rather than a scan), made by the database in one statement (the same text
    as ``search_text``)."""
    from sqlalchemy import func, literal, select

    if not search_rows_written(session.get_bind()):
        return
    entry = ChronologyEntry
    fields = [getattr(entry, name) for name in SEARCH_FIELDS]
    dialect = session.get_bind().dialect
    if dialect.name == "sqlite" and (dialect.server_version_info or (0,)) < (3, 44):
        text = fields[0]  # an SQLite before concat_ws
        for field in fields[1:]:
            text = text + literal("\n") + field
    else:
        # One concat_ws call rather than a chain of ||: a fifth quicker on 10,000 entries, and
        # the same text (no field is ever NULL).
        text = func.concat_ws(literal("\n"), *fields)
    session.execute(
        insert(ChronologySearch).from_select(
            ["entry_id", "review_id", "text"],
            select(entry.id, entry.review_id, text).where(
                entry.id > after_id, entry.import_id == import_id
            ),
        )
    )
