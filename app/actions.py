"""Recommendations and the action plan the board tracks for years.

Numbering: multi-agency recommendations are numbered 1..n in their order; single-agency ones
(from IMRs) 1..m in the agencies' order, then their own. Once a report is final the numbers are
frozen (``freeze_numbers``) so that the printed numbers stay true after any reordering; a
recommendation added later takes the next number.
Overdue is never typed: an open action whose target date has passed is overdue.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import delete, func, insert, select

from app.conflicts import merged
from app.context import AppContext
from app.errors import NotFoundError
from app.vocab import (
    ACTION_CLOSED,
    ACTION_STATUSES,
    BOARD_RESPONSES,
    OVERDUE_LABEL,
    RECOMMENDATION_LEVELS,
)
from db.findings_models import ActionItem, ActionUpdate, Finding, RecommendationFinding
from db.models import Agency, Imr, Recommendation, Review


@dataclass(frozen=True)
class ActionRecord:
    id: int
    recommendation_id: int
    recommendation_number: str  # "3" or "IMR 12"
    review_id: int
    review_reference: str
    position: int
    action: str
    lead_agency: str
    lead_officer: str
    target_date: date | None
    status: str
    completion_date: date | None
    evidence: str
    not_accepted_reason: str
    updated_at: datetime
    days_overdue: int

    @property
    def overdue(self) -> bool:
        return self.days_overdue > 0

    @property
    def status_label(self) -> str:
        return OVERDUE_LABEL if self.overdue else ACTION_STATUSES.get(self.status, self.status)


@dataclass(frozen=True)
class RecommendationRecord:
    id: int
    number: str  # as shown: "3" for multi-agency, "IMR 12" for single-agency
    number_value: int
    level: str
    text: str
    addressee: str
    agency: str  # the IMR's agency for single-agency recommendations
    board_response: str
    response_reason: str
    finding_ids: tuple[int, ...]
    actions: tuple[ActionRecord, ...]
    frozen: bool

    @property
    def level_label(self) -> str:
        return RECOMMENDATION_LEVELS.get(self.level, self.level)

    @property
    def response_label(self) -> str:
        return BOARD_RESPONSES.get(self.board_response, self.board_response)

    @property
    def warnings(self) -> list[str]:
        """What a careful panel would want fixed; shown, never blocking."""
        found = []
        if not self.addressee.strip() and self.level == "multi_agency":
            found.append("No one is named to act on it (addressed to).")
        if self.level == "multi_agency" and not self.finding_ids:
            found.append("It is not linked to any finding.")
        if not self.actions and self.board_response != "not_accepted":
            found.append("It has no action in the action plan yet.")
        if self.board_response == "not_accepted" and not self.response_reason.strip():
            found.append("Not accepted, but no reason is recorded; boards must say why.")
        return found


def days_overdue(status: str, target: date | None, today: date) -> int:
    if status in ACTION_CLOSED or target is None:
        return 0
    return max(0, (today - target).days)


def _numbers(session, review_id: int) -> dict[int, tuple[str, int, bool]]:
    """Recommendation id -> (number shown, number value, frozen)."""
    multi = session.scalars(
        select(Recommendation)
        .where(Recommendation.review_id == review_id, Recommendation.imr_id.is_(None))
        .order_by(Recommendation.position, Recommendation.id)
    ).all()
    single = session.scalars(
        select(Recommendation)
        .join(Imr, Imr.id == Recommendation.imr_id)
        .join(Agency, Agency.id == Imr.agency_id)
        .where(Recommendation.review_id == review_id)
        .order_by(Agency.position, Agency.id, Recommendation.position, Recommendation.id)
    ).all()
    result: dict[int, tuple[str, int, bool]] = {}
    for prefix, recs in (("", multi), ("IMR ", single)):
        taken = {r.final_number for r in recs if r.final_number is not None}
        following = max(taken, default=0)
        counter = 0
        for rec in recs:
            if rec.final_number is not None:
                value, frozen = rec.final_number, True
            elif taken:
                following += 1
                value, frozen = following, False
            else:
                counter += 1
                value, frozen = counter, False
            result[rec.id] = (f"{prefix}{value}", value, frozen)
    return result


def _action_records(session, recs_by_id, numbers, today, where) -> list[ActionRecord]:
    rows = session.execute(
        select(ActionItem, Recommendation.review_id, Review.reference)
        .join(Recommendation, Recommendation.id == ActionItem.recommendation_id)
        .join(Review, Review.id == Recommendation.review_id)
        .where(*where)
        .order_by(
            Review.reference, ActionItem.recommendation_id, ActionItem.position, ActionItem.id
        )
    ).all()
    out = []
    for a, review_id, reference in rows:
        number = numbers.get(a.recommendation_id, ("?", 0, False))[0]
        out.append(
            ActionRecord(
                id=a.id,
                recommendation_id=a.recommendation_id,
                recommendation_number=number,
                review_id=review_id,
                review_reference=reference,
                position=a.position,
                action=a.action,
                lead_agency=a.lead_agency,
                lead_officer=a.lead_officer,
                target_date=a.target_date,
                status=a.status,
                completion_date=a.completion_date,
                evidence=a.evidence,
                not_accepted_reason=a.not_accepted_reason,
                updated_at=a.updated_at,
                days_overdue=days_overdue(a.status, a.target_date, today),
            )
        )
    return out


def list_recommendations(ctx: AppContext, review_id: int) -> list[RecommendationRecord]:
    """Multi-agency recommendations first, then those from IMRs, each in number order."""
    today = ctx.today()
    with ctx.session() as session:
        numbers = _numbers(session, review_id)
        recs = session.scalars(
            select(Recommendation).where(Recommendation.review_id == review_id)
        ).all()
        agency_of = dict(
            session.execute(
                select(Imr.id, Agency.name)
                .join(Agency, Agency.id == Imr.agency_id)
                .where(Agency.review_id == review_id)
            ).all()
        )
        links: dict[int, list[int]] = {}
        for rec_id, finding_id in session.execute(
            select(RecommendationFinding.recommendation_id, RecommendationFinding.finding_id)
            .join(Finding, Finding.id == RecommendationFinding.finding_id)
            .where(Finding.review_id == review_id)
            .order_by(Finding.position)
        ):
            links.setdefault(rec_id, []).append(finding_id)
        actions: dict[int, list[ActionRecord]] = {}
        for action in _action_records(
            session, None, numbers, today, [Recommendation.review_id == review_id]
        ):
            actions.setdefault(action.recommendation_id, []).append(action)
        records = [
            RecommendationRecord(
                id=r.id,
                number=numbers[r.id][0],
                number_value=numbers[r.id][1],
                level="single_agency" if r.imr_id is not None else "multi_agency",
                text=r.text,
                addressee=r.addressee or (agency_of.get(r.imr_id, "") if r.imr_id else ""),
                agency=agency_of.get(r.imr_id, "") if r.imr_id else "",
                board_response=r.board_response,
                response_reason=r.response_reason,
                finding_ids=tuple(links.get(r.id, ())),
                actions=tuple(actions.get(r.id, ())),
                frozen=numbers[r.id][2],
            )
            for r in recs
        ]
    return sorted(records, key=lambda r: (r.level != "multi_agency", r.number_value))


def link_findings(
    ctx: AppContext,
    recommendation_id: int,
    finding_ids: list[int],
    *,
    seen: Iterable[int] | None = None,
) -> None:
    """The findings a recommendation answers (replaces the earlier links; with ``seen``, the
    links shown, only what this person ticked or unticked changes)."""
    with ctx.session() as session:
        rec = session.get(Recommendation, recommendation_id)
        if rec is None:
            raise NotFoundError("That recommendation no longer exists.")
        stored = session.scalars(
            select(RecommendationFinding.finding_id).where(
                RecommendationFinding.recommendation_id == recommendation_id
            )
        )
        finding_ids = list(merged(stored, finding_ids, seen))
        valid = set(
            session.scalars(
                select(Finding.id).where(
                    Finding.review_id == rec.review_id, Finding.id.in_(finding_ids)
                )
            )
        )
        session.execute(
            delete(RecommendationFinding).where(
                RecommendationFinding.recommendation_id == recommendation_id
            )
        )
        if valid:
            session.execute(
                insert(RecommendationFinding),
                [{"recommendation_id": recommendation_id, "finding_id": f} for f in valid],
            )


def freeze_numbers(ctx: AppContext, review_id: int) -> int:
    """Fix the current numbers (when a report is made final); returns how many were fixed."""
    with ctx.session() as session:
        return freeze_numbers_in(session, review_id)


def freeze_numbers_in(session, review_id: int) -> int:
    """``freeze_numbers`` inside a session the caller commits (with the rest of a change)."""
    numbers = _numbers(session, review_id)
    fixed = 0
    for rec in session.scalars(select(Recommendation).where(Recommendation.review_id == review_id)):
        if rec.final_number is None:
            rec.final_number = numbers[rec.id][1]
            fixed += 1
    return fixed


def list_actions(
    ctx: AppContext,
    *,
    review_id: int | None = None,
    agency: str | None = None,
    open_only: bool = False,
    overdue_only: bool = False,
) -> list[ActionRecord]:
    """Actions across the store (the board's view) or of one review."""
    today = ctx.today()
    where = []
    if review_id is not None:
        where.append(Recommendation.review_id == review_id)
    if agency:
        where.append(func.lower(ActionItem.lead_agency) == agency.strip().lower())
    if open_only or overdue_only:
        where.append(ActionItem.status.not_in(ACTION_CLOSED))
    with ctx.session() as session:
        review_ids = (
            [review_id] if review_id is not None else list(session.scalars(select(Review.id)))
        )
        numbers = {}
        for rid in review_ids:
            numbers.update(_numbers(session, rid))
        actions = _action_records(session, None, numbers, today, where)
    if overdue_only:
        actions = [a for a in actions if a.overdue]
    return actions


def get_action(ctx: AppContext, action_id: int) -> ActionRecord:
    with ctx.session() as session:
        action = session.get(ActionItem, action_id)
        if action is None:
            raise NotFoundError("That action no longer exists.")
        review_id = session.get(Recommendation, action.recommendation_id).review_id
    return next(a for a in list_actions(ctx, review_id=review_id) if a.id == action_id)


@dataclass(frozen=True)
class UpdateRecord:
    id: int
    on: date
    by: str
    status: str
    note: str
    source: str


def add_update(
    ctx: AppContext,
    action_id: int,
    note: str,
    *,
    on: date | None = None,
    status: str = "",
    source: str = "app",
) -> int:
    """Record a dated progress update on an action."""
    with ctx.session() as session:
        if session.get(ActionItem, action_id) is None:
            raise NotFoundError("That action no longer exists.")
        update = ActionUpdate(
            action_id=action_id,
            on=on or ctx.today(),
            by=ctx.actor,
            status=status,
            note=note,
            source=source,
        )
        session.add(update)
        session.flush()
        return update.id


def list_updates(ctx: AppContext, action_id: int) -> list[UpdateRecord]:
    with ctx.session() as session:
        return [
            UpdateRecord(u.id, u.on, u.by, u.status, u.note, u.source)
            for u in session.scalars(
                select(ActionUpdate)
                .where(ActionUpdate.action_id == action_id)
                .order_by(ActionUpdate.on.desc(), ActionUpdate.id.desc())
            )
        ]
