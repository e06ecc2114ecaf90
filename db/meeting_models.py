"""Panel meetings: attendance, the agenda, what was noted and decided, and the panel's tasks."""

from datetime import date, datetime

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, object_session

from db.base import Base, Versioned, utcnow


class Meeting(Versioned, Base):
    __tablename__ = "meeting"

    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("review.id", ondelete="CASCADE"), index=True)
    held_on: Mapped[date]
    time: Mapped[str] = mapped_column(String(5), default="")
    place: Mapped[str] = mapped_column(String(200), default="")  # a room, or "Online"
    kind: Mapped[str] = mapped_column(String(30), default="panel")
    status: Mapped[str] = mapped_column(String(20), default="planned")  # planned / held
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    @property
    def audit_review_id(self) -> int:
        return self.review_id

    @property
    def audit_label(self) -> str:
        return f"Meeting {self.held_on:%d/%m/%Y}" if self.held_on else "Meeting"


class MeetingAttendee(Versioned, Base):
    __tablename__ = "meeting_attendee"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    panel_member_id: Mapped[int | None] = mapped_column(
        ForeignKey("panel_member.id", ondelete="SET NULL")
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    # Kept as written at the meeting, so minutes stay true if the panel changes later.
    name: Mapped[str] = mapped_column(String(200), default="")
    role: Mapped[str] = mapped_column(String(200), default="")
    attendance: Mapped[str] = mapped_column(String(20), default="expected")

    @property
    def audit_review_id(self) -> int | None:
        return _review_of_meeting(self, self.meeting_id)

    @property
    def audit_label(self) -> str:
        return f"Attendance {self.name}"


class AgendaItem(Versioned, Base):
    __tablename__ = "agenda_item"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    title: Mapped[str] = mapped_column(String(300), default="")
    minutes: Mapped[int] = mapped_column(Integer, default=10)  # time planned
    # What the item is about: "", "imr", "finding", "recommendation", "episode", "chronology".
    ref_kind: Mapped[str] = mapped_column(String(30), default="")
    ref_id: Mapped[int | None]
    ref_from: Mapped[date | None]  # a chronology range
    ref_to: Mapped[date | None]
    notes: Mapped[str] = mapped_column(Text, default="")  # for the minutes
    private_notes: Mapped[str] = mapped_column(Text, default="")  # the author's; never shown
    seconds_used: Mapped[int] = mapped_column(Integer, default=0)

    @property
    def audit_review_id(self) -> int | None:
        return _review_of_meeting(self, self.meeting_id)

    @property
    def audit_label(self) -> str:
        return f"Agenda item {self.title}"


class MeetingDecision(Base):
    __tablename__ = "meeting_decision"

    id: Mapped[int] = mapped_column(primary_key=True)
    agenda_item_id: Mapped[int] = mapped_column(
        ForeignKey("agenda_item.id", ondelete="CASCADE"), index=True
    )
    text: Mapped[str] = mapped_column(Text, default="")
    kind: Mapped[str] = mapped_column(String(30), default="decision")
    recorded_at: Mapped[datetime] = mapped_column(default=utcnow)

    @property
    def audit_review_id(self) -> int | None:
        session = object_session(self)
        item = session.get(AgendaItem, self.agenda_item_id) if session else None
        return _review_of_meeting(self, item.meeting_id) if item else None

    @property
    def audit_label(self) -> str:
        return "Meeting decision"


class PanelTask(Versioned, Base):
    """An action for the panel itself (distinct from the board's action plan)."""

    __tablename__ = "panel_task"

    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("review.id", ondelete="CASCADE"), index=True)
    meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meeting.id", ondelete="SET NULL"), index=True
    )
    agenda_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("agenda_item.id", ondelete="SET NULL")
    )
    text: Mapped[str] = mapped_column(Text, default="")
    owner: Mapped[str] = mapped_column(String(200), default="")
    due: Mapped[date | None]
    status: Mapped[str] = mapped_column(String(20), default="open")  # open / done
    done_on: Mapped[date | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    @property
    def audit_review_id(self) -> int:
        return self.review_id

    @property
    def audit_label(self) -> str:
        return f"Panel task {self.text[:60]}"


def _review_of_meeting(obj, meeting_id: int | None) -> int | None:
    session = object_session(obj)
    meeting = session.get(Meeting, meeting_id) if session and meeting_id else None
    return meeting.review_id if meeting else None
