"""Panel meetings: who came, the agenda, what was noted and decided, and the panel's tasks.

Decisions taken on an item can change what they decide: agreeing a finding marks it agreed by
the panel (with the meeting's date), and accepting or challenging an IMR moves it along the
workflow; each is also recorded as a decision of the meeting, for the minutes.
"""

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, select

from app.context import AppContext
from app.edits import apply_fields, clean_value
from app.errors import NotFoundError, ValidationError
from app.imrs import set_imr_status
from app.items import add_item
from app.vocab import AGENDA_REFS, ATTENDANCE, IMR_STATUSES, MEETING_KINDS, TASK_STATUSES
from app.wording import plural
from db.chronology_models import KeyEpisode
from db.findings_models import Finding
from db.meeting_models import AgendaItem, Meeting, MeetingAttendee, MeetingDecision, PanelTask
from db.models import Imr, PanelMember, Recommendation


@dataclass(frozen=True)
class MeetingRecord:
    id: int
    review_id: int
    number: int  # 1, 2, … in date order within the review
    held_on: date
    time: str
    place: str
    kind: str
    status: str

    @property
    def kind_label(self) -> str:
        return MEETING_KINDS.get(self.kind, self.kind)

    @property
    def label(self) -> str:
        return f"{self.kind_label} of {self.held_on.day} {self.held_on:%B %Y}"


@dataclass(frozen=True)
class AttendeeRecord:
    id: int
    name: str
    role: str
    attendance: str

    @property
    def attendance_label(self) -> str:
        return ATTENDANCE.get(self.attendance, self.attendance)


@dataclass(frozen=True)
class DecisionRecord:
    id: int
    text: str
    kind: str


@dataclass(frozen=True)
class TaskRecord:
    id: int
    text: str
    owner: str
    due: date | None
    status: str
    done_on: date | None
    meeting_id: int | None
    days_overdue: int

    @property
    def status_label(self) -> str:
        if self.days_overdue:
            return f"Overdue by {plural(self.days_overdue, 'day')}"
        return TASK_STATUSES.get(self.status, self.status)


@dataclass(frozen=True)
class AgendaRecord:
    id: int
    position: int
    title: str
    minutes: int
    ref_kind: str
    ref_id: int | None
    ref_label: str  # what the item refers to, in words ("" for a general item)
    ref_from: date | None
    ref_to: date | None
    notes: str
    private_notes: str  # the author's own: never presented, never in the minutes
    seconds_used: int
    decisions: tuple[DecisionRecord, ...] = ()
    tasks: tuple[TaskRecord, ...] = ()


@dataclass(frozen=True)
class MeetingDetail:
    meeting: MeetingRecord
    attendees: tuple[AttendeeRecord, ...]
    items: tuple[AgendaRecord, ...] = field(default_factory=tuple)


def _number_of(session, meeting: Meeting) -> int:
    return 1 + session.scalar(
        select(func.count())
        .select_from(Meeting)
        .where(
            Meeting.review_id == meeting.review_id,
            (Meeting.held_on < meeting.held_on)
            | ((Meeting.held_on == meeting.held_on) & (Meeting.id < meeting.id)),
        )
    )


def _record(session, meeting: Meeting) -> MeetingRecord:
    return MeetingRecord(
        meeting.id,
        meeting.review_id,
        _number_of(session, meeting),
        meeting.held_on,
        meeting.time,
        meeting.place,
        meeting.kind,
        meeting.status,
    )


def create_meeting(
    ctx: AppContext,
    review_id: int,
    held_on: date,
    *,
    kind: str = "panel",
    time: str = "",
    place: str = "",
) -> int:
    """A meeting with the review's panel listed as expected to attend."""
    if not isinstance(held_on, date):
        raise ValidationError("Give the date of the meeting.")
    kind = clean_value("meeting", "kind", kind)
    with ctx.session() as session:
        meeting = Meeting(review_id=review_id, held_on=held_on, kind=kind, time=time, place=place)
        session.add(meeting)
        session.flush()
        members = session.scalars(
            select(PanelMember)
            .where(PanelMember.review_id == review_id)
            .order_by(PanelMember.position, PanelMember.id)
        )
        for position, member in enumerate(members, start=1):
            session.add(
                MeetingAttendee(
                    meeting_id=meeting.id,
                    panel_member_id=member.id,
                    position=position,
                    name=member.name,
                    role=member.organisation or member.role,
                )
            )
        return meeting.id


def list_meetings(ctx: AppContext, review_id: int) -> list[MeetingRecord]:
    with ctx.session() as session:
        meetings = session.scalars(
            select(Meeting)
            .where(Meeting.review_id == review_id)
            .order_by(Meeting.held_on, Meeting.id)
        ).all()
        return [
            MeetingRecord(m.id, m.review_id, n, m.held_on, m.time, m.place, m.kind, m.status)
            for n, m in enumerate(meetings, start=1)
        ]


def find_meeting_id(ctx: AppContext, review_id: int, ref: str | int) -> int:
    """A meeting by its number within the review (1, 2, …) or its date (2026-03-12)."""
    text = str(ref).strip()
    meetings = list_meetings(ctx, review_id)
    for meeting in meetings:
        if text == str(meeting.number) or text == meeting.held_on.isoformat():
            return meeting.id
    if not meetings:
        raise NotFoundError("This review has no meetings yet.")
    raise NotFoundError(
        f"This review has no meeting '{text}'. Give its number (1 to {len(meetings)}) or its "
        "date (YYYY-MM-DD)."
    )


# What an agenda item can refer to: the model, how to name it, and what to say once removed.
_REFERRED = {
    "imr": (Imr, lambda imr: f"IMR of {imr.agency.name}", "An IMR that was removed"),
    "finding": (Finding, lambda f: f"Finding: {f.title}", "A finding that was removed"),
    "recommendation": (
        Recommendation,
        lambda r: f"Recommendation: {r.text[:80]}",
        "A recommendation that was removed",
    ),
    "episode": (KeyEpisode, lambda e: f"Key practice episode: {e.title}", "A removed episode"),
    "task": (PanelTask, lambda t: f"Panel task: {t.text}", "A removed task"),
}


def _ref_label(session, kind: str, ref_id: int | None, ref_from, ref_to) -> str:
    if kind == "chronology":
        start = f"{ref_from:%d/%m/%Y}" if ref_from else "the start"
        end = f"{ref_to:%d/%m/%Y}" if ref_to else "the end"
        return f"Chronology from {start} to {end}"
    if not kind or ref_id is None:
        return ""
    if kind in _REFERRED:
        model, describe, gone = _REFERRED[kind]
        found = session.get(model, ref_id)
        return describe(found) if found is not None else gone
    return AGENDA_REFS.get(kind, kind)


def _task_record(task: PanelTask, today: date) -> TaskRecord:
    late = 0
    if task.status == "open" and task.due is not None:
        late = max(0, (today - task.due).days)
    return TaskRecord(
        task.id, task.text, task.owner, task.due, task.status, task.done_on, task.meeting_id, late
    )


def meeting_detail(ctx: AppContext, meeting_id: int) -> MeetingDetail:
    today = ctx.today()
    with ctx.session() as session:
        meeting = session.get(Meeting, meeting_id)
        if meeting is None:
            raise NotFoundError("That meeting no longer exists.")
        attendees = tuple(
            AttendeeRecord(a.id, a.name, a.role, a.attendance)
            for a in session.scalars(
                select(MeetingAttendee)
                .where(MeetingAttendee.meeting_id == meeting_id)
                .order_by(MeetingAttendee.position, MeetingAttendee.id)
            )
        )
        items = []
        for item in session.scalars(
            select(AgendaItem)
            .where(AgendaItem.meeting_id == meeting_id)
            .order_by(AgendaItem.position, AgendaItem.id)
        ):
            decisions = tuple(
                DecisionRecord(d.id, d.text, d.kind)
                for d in session.scalars(
                    select(MeetingDecision)
                    .where(MeetingDecision.agenda_item_id == item.id)
                    .order_by(MeetingDecision.id)
                )
            )
            tasks = tuple(
                _task_record(t, today)
                for t in session.scalars(
                    select(PanelTask)
                    .where(PanelTask.agenda_item_id == item.id)
                    .order_by(PanelTask.id)
                )
            )
            items.append(
                AgendaRecord(
                    item.id,
                    item.position,
                    item.title,
                    item.minutes,
                    item.ref_kind,
                    item.ref_id,
                    _ref_label(session, item.ref_kind, item.ref_id, item.ref_from, item.ref_to),
                    item.ref_from,
                    item.ref_to,
                    item.notes,
                    item.private_notes,
                    item.seconds_used,
                    decisions,
                    tasks,
                )
            )
        return MeetingDetail(_record(session, meeting), attendees, tuple(items))


def add_agenda_item(
    ctx: AppContext,
    meeting_id: int,
    title: str,
    *,
    minutes: int = 10,
    ref_kind: str = "",
    ref_id: int | None = None,
    ref_from: date | None = None,
    ref_to: date | None = None,
) -> int:
    return add_item(
        ctx,
        "agenda_item",
        meeting_id,
        {
            "title": title,
            "minutes": minutes,
            "ref_kind": ref_kind,
            "ref_id": ref_id,
            "ref_from": ref_from,
            "ref_to": ref_to,
        },
    )


def _item_and_meeting(session, item_id: int) -> tuple[AgendaItem, Meeting]:
    item = session.get(AgendaItem, item_id)
    if item is None:
        raise NotFoundError("That agenda item no longer exists.")
    return item, session.get(Meeting, item.meeting_id)


def record_decision(ctx: AppContext, item_id: int, text: str, kind: str = "decision") -> int:
    text = text.strip()
    if not text:
        raise ValidationError("Write the decision.")
    with ctx.session() as session:
        _item_and_meeting(session, item_id)
        decision = MeetingDecision(agenda_item_id=item_id, text=text, kind=kind)
        session.add(decision)
        session.flush()
        return decision.id


def agree_finding(ctx: AppContext, item_id: int, finding_id: int) -> int:
    """The panel agrees a finding at this meeting: marked agreed, and recorded as a decision."""
    with ctx.session() as session:
        _item, meeting = _item_and_meeting(session, item_id)
        finding = session.get(Finding, finding_id)
        if finding is None or finding.review_id != meeting.review_id:
            raise NotFoundError("That finding is not part of this review.")
        label = _record(session, meeting).label
        held_on, title = meeting.held_on, finding.title
    apply_fields(
        ctx, "finding", finding_id, {"status": "agreed", "agreed_on": held_on, "agreed_at": label}
    )
    return record_decision(ctx, item_id, f"Finding agreed by the panel: {title}", "finding_agreed")


def imr_decision(ctx: AppContext, item_id: int, imr_id: int, status: str) -> int:
    """Accept an IMR, or put it under challenge, at this meeting (and record the decision)."""
    if status not in ("accepted", "under_challenge"):
        raise ValidationError("At a meeting an IMR is either accepted or put under challenge.")
    with ctx.session() as session:
        _item, meeting = _item_and_meeting(session, item_id)
        imr = session.get(Imr, imr_id)
        if imr is None or imr.agency.review_id != meeting.review_id:
            raise NotFoundError("That IMR is not part of this review.")
        agency, held_on = imr.agency.name, meeting.held_on
    set_imr_status(ctx, imr_id, status, on=held_on)
    words = "accepted" if status == "accepted" else "not yet accepted: put under challenge"
    return record_decision(ctx, item_id, f"IMR of {agency} {words}", f"imr_{status}")


def add_task(
    ctx: AppContext,
    review_id: int,
    text: str,
    *,
    owner: str = "",
    due: date | None = None,
    meeting_id: int | None = None,
    item_id: int | None = None,
) -> int:
    """An action for the panel (owner, due date), from a meeting or on its own."""
    text = clean_value("panel_task", "text", text)
    with ctx.session() as session:
        task = PanelTask(
            review_id=review_id,
            text=text,
            owner=owner.strip(),
            due=due,
            meeting_id=meeting_id,
            agenda_item_id=item_id,
        )
        session.add(task)
        session.flush()
        return task.id


def list_tasks(ctx: AppContext, review_id: int, *, open_only: bool = False) -> list[TaskRecord]:
    today = ctx.today()
    with ctx.session() as session:
        query = select(PanelTask).where(PanelTask.review_id == review_id)
        if open_only:
            query = query.where(PanelTask.status == "open")
        tasks = session.scalars(
            query.order_by(PanelTask.due.is_(None), PanelTask.due, PanelTask.id)
        ).all()
        return [_task_record(t, today) for t in tasks]


def complete_task(ctx: AppContext, task_id: int, on: date | None = None) -> None:
    apply_fields(ctx, "panel_task", task_id, {"status": "done", "done_on": on or ctx.today()})


def add_tasks_to_agenda(ctx: AppContext, meeting_id: int, task_ids: list[int]) -> list[int]:
    """Put open panel tasks on a meeting's agenda, one item each; returns the new item ids."""
    tasks = {t.id: t for t in list_tasks(ctx, _review_of(ctx, meeting_id), open_only=True)}
    added = []
    for task_id in task_ids:
        task = tasks.get(task_id)
        if task is None:
            continue
        owner = f" ({task.owner})" if task.owner else ""
        added.append(
            add_agenda_item(
                ctx,
                meeting_id,
                f"Action: {task.text}{owner}",
                minutes=5,
                ref_kind="task",
                ref_id=task_id,
            )
        )
    return added


def _review_of(ctx: AppContext, meeting_id: int) -> int:
    with ctx.session() as session:
        meeting = session.get(Meeting, meeting_id)
        if meeting is None:
            raise NotFoundError("That meeting no longer exists.")
        return meeting.review_id


def imr_status_label(status: str) -> str:
    return IMR_STATUSES.get(status, status)
