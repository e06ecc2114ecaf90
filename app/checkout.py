"""Checking a review out to a laptop store for offline work, and back in to the shared store.

While a review is out, its shared copy refuses every change (the store itself refuses them,
whatever the client). Check-in shows what changed first; applied, it goes in one
transaction with the offline audit trail appended to the shared one, and the laptop's copy
is then removed (the laptop's trail keeps the record of it).
"""

import platform
from collections import Counter
from dataclasses import dataclass, replace

from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError

from app.context import AppContext
from app.errors import NotFoundError, UserError
from db.audit import seal_chain, set_recording
from db.base import utcnow
from db.checkout import (
    CheckInPlan,
    CheckoutError,
    Holder,
    RowChange,
    apply_check_in,
    carry_mappings,
    copy_of,
    copy_out,
    holder_of,
    plan_check_in,
    record_copy,
    release,
    start_checkout,
    trail_end,
)
from db.checkout_guard import wait_for_writers
from db.checkout_models import ReviewCheckout, ReviewCopy
from db.checkout_trail import act_as, record_event
from db.location import same_server_store
from db.models import Review
from db.roles import is_permission_error

# How people call each kind of row (plural), for the check-in report.
KINDS = {
    "review": "review details", "line_of_enquiry": "lines of enquiry",
    "panel_member": "panel members", "agency": "agencies", "imr": "IMRs",
    "challenge_question": "challenge questions", "recommendation": "recommendations",
    "attachment": "attachments", "chronology_import": "chronology imports",
    "chronology_entry": "chronology entries", "chronology_entry_theme": "entry themes",
    "key_episode": "key practice episodes", "key_episode_entry": "entries linked to episodes",
    "finding": "findings", "finding_theme": "finding themes",
    "finding_line": "findings' lines of enquiry", "finding_evidence": "pieces of evidence",
    "recommendation_finding": "recommendations' findings", "action_item": "actions",
    "action_update": "action updates", "meeting": "meetings", "meeting_attendee": "attendees",
    "agenda_item": "agenda items", "meeting_decision": "decisions", "panel_task": "panel tasks",
    "report": "documents", "report_section": "document sections", "person": "people",
    "document_setting": "document settings", "issued_version": "issued documents",
    "release_waiver": "release check waivers", "review_milestone": "milestones",
    "review_theme": "review themes",
}  # fmt: skip


@dataclass(frozen=True)
class CheckoutResult:
    reference: str
    rows: int
    source: str
    target: str


@dataclass(frozen=True)
class CheckInReport:
    reference: str
    source: str  # the laptop store
    target: str  # the shared store
    changes: list[RowChange]
    released: bool  # the check-out had been released (nothing changed there since)
    applied: bool
    trail_entries: int = 0

    def summary(self) -> list[str]:
        """One line per kind of row: how many were added, changed and removed."""
        counts: dict[str, Counter] = {}
        for change in self.changes:
            counts.setdefault(change.table, Counter())[change.action] += 1
        lines = []
        for table, count in counts.items():
            parts = [f"{count[a]} {a}" for a in ("added", "changed", "removed") if count[a]]
            kind = KINDS.get(table, table.replace("_", " "))
            lines.append(f"{kind[0].upper()}{kind[1:]}: {', '.join(parts)}")
        return lines


def destination_of(laptop: AppContext) -> str:
    return f"{platform.node() or 'this computer'}: {laptop.store.location}"[:500]


def _review_id(ctx: AppContext, reference: str) -> int:
    from app.reviews import find_review_id

    return find_review_id(ctx, reference)


def _refused(exc: DBAPIError, what: str) -> UserError:
    if is_permission_error(exc):
        return UserError(
            f"Your role in the shared store does not allow {what} this review; nothing was "
            "changed. Its chair or the business manager can."
        )
    reason = str(getattr(exc, "orig", exc)).strip().splitlines()[0]
    return UserError(f"The store refused {what} the review ({reason}); nothing was changed.")


def _writable(ctx: AppContext, which: str) -> None:
    if ctx.readonly:
        raise UserError(f"The {which} store is open read-only, so nothing can be changed in it.")


def check_out(shared: AppContext, laptop: AppContext, reference: str) -> CheckoutResult:
    """Copy one review into the laptop store and make its shared copy read-only."""
    _writable(shared, "shared")
    _writable(laptop, "laptop")
    if shared.store.address == laptop.store.address:
        raise UserError("Check a review out to another store (a file on your laptop).")
    review_id = _review_id(shared, reference)
    with shared.session() as session:
        reference = session.get(Review, review_id).reference
    came_from = copy_source(shared, review_id)
    if came_from is not None:
        raise UserError(
            f"The review {reference} here is itself a checked-out copy of {came_from}: check "
            "it in there first, then check it out from there."
        )
    held = checkout_of(shared, review_id)
    if held is not None:
        raise UserError(
            f"This review is already checked out to {held.holder} since "
            f"{held.taken_at:%d/%m/%Y %H:%M} UTC ({held.destination})."
        )
    with laptop.session() as session:
        clash = session.scalar(select(Review.id).where(Review.reference == reference))
    if clash is not None:
        raise UserError(
            f"The laptop store already holds a review {reference}: check that one in or delete "
            "it first, or check this one out to another store."
        )
    try:
        token = _mark_taken(shared, review_id, destination_of(laptop))
    except DBAPIError as exc:
        raise _refused(exc, "checking out") from exc
    try:
        rows = _copy_to(shared, laptop, review_id, token)
    except BaseException as exc:
        _undo_mark(shared, review_id, "the copy to the laptop store failed")
        if isinstance(exc, DBAPIError):
            raise _refused(exc, "copying") from exc
        raise
    return CheckoutResult(reference, rows, shared.store.location, laptop.store.location)


def _mark_taken(shared: AppContext, review_id: int, destination: str) -> str:
    with shared.store.engine.connect() as conn, conn.begin():
        act_as(conn, shared.actor)
        try:
            token = start_checkout(conn, review_id, shared.actor, destination)
        except CheckoutError as exc:
            raise UserError(str(exc)) from exc
        seal_chain(conn)
    return token


def _undo_mark(shared: AppContext, review_id: int, why: str) -> None:
    with shared.store.engine.connect() as conn, conn.begin():
        release(conn, review_id, shared.actor, why)
        seal_chain(conn)


def _copy_to(shared: AppContext, laptop: AppContext, review_id: int, token: str) -> int:
    with shared.store.engine.connect() as src:
        if src.dialect.name == "postgresql":
            src = src.execution_options(isolation_level="REPEATABLE READ")
        with src.begin(), laptop.store.engine.connect() as dst, dst.begin():
            act_as(dst, laptop.actor)
            local_review, rows, remembered = copy_out(src, dst, review_id)
            carry_mappings(src, dst, review_id)  # so that the agencies' next files map alike
            label = f"Checked out from {shared.store.location} for offline work"
            record_event(dst, laptop.actor, local_review, "checkout", label)
            mark = trail_end(dst)
            set_recording(dst, False)  # the copy's bookkeeping, not the review's content
            record_copy(
                dst, local_review, remembered, token=token, source=shared.store.location,
                source_review_id=review_id, holder=shared.actor, taken_at=utcnow(),
                trail_mark=mark,
            )  # fmt: skip
            set_recording(dst, True)
            seal_chain(dst)
    return rows


def _local_copy(laptop: AppContext, reference: str) -> tuple[int, dict]:
    review_id = _review_id(laptop, reference)
    with laptop.store.engine.connect() as conn:
        copy = copy_of(conn, review_id)
    if copy is None:
        raise UserError(
            f"The review {reference} in {laptop.store.location} is not a checked-out copy, so "
            "there is nothing to check in."
        )
    return review_id, copy


def check_in(
    laptop: AppContext, shared: AppContext, reference: str, *, apply: bool = False
) -> CheckInReport:
    """What the offline copy changed; with ``apply``, put it into the shared store (one
    transaction, verified), append the offline trail, release the review, remove the copy."""
    if apply:
        _writable(shared, "shared")
        _writable(laptop, "laptop")
    local_review, copy = _local_copy(laptop, reference)
    if not same_server_store(copy["source"], shared.store.location):
        raise UserError(
            f"This copy was checked out of {copy['source']}, not {shared.store.location}: "
            "check it in there."
        )
    with shared.store.engine.connect() as conn:
        exists = conn.scalar(select(Review.reference).where(Review.id == copy["source_review_id"]))
    if exists is None:
        raise NotFoundError(
            f"The review {reference} is no longer in {shared.store.location}; your offline "
            "changes stay in the laptop store."
        )
    try:
        with laptop.store.engine.connect() as local, shared.store.engine.connect() as conn:
            with local.begin(), conn.begin():
                if apply:  # nobody writes to the review from here until this commits
                    wait_for_writers(conn, copy["source_review_id"])
                plan = plan_check_in(local, conn, local_review)
                appended = 0
                if apply:
                    appended = apply_check_in(conn, local, local_review, plan, shared.actor)
                    carry_mappings(local, conn, local_review)
                    record_event(
                        conn, shared.actor, plan.source_review_id, "checkin",
                        _checkin_label(plan, laptop),
                    )  # fmt: skip
                    seal_chain(conn)
    except CheckoutError as exc:
        raise UserError(str(exc)) from exc
    except DBAPIError as exc:
        raise _refused(exc, "checking in") from exc
    if apply:
        _remove_copy(laptop, local_review, shared.store.location)
    return CheckInReport(
        exists, laptop.store.location, shared.store.location, plan.changes,
        released=not plan.still_held, applied=apply, trail_entries=appended,
    )  # fmt: skip


def _checkin_label(plan: CheckInPlan, laptop: AppContext) -> str:
    counts = Counter(change.action for change in plan.changes)
    done = ", ".join(f"{counts[a]} {a}" for a in ("added", "changed", "removed") if counts[a])
    return f"Checked in from {destination_of(laptop)}: {done or 'no changes'}"


def _remove_copy(laptop: AppContext, local_review: int, where: str) -> None:
    """The copy is in the shared store now: the laptop keeps only its trail."""
    with laptop.session() as session:
        session.delete(session.get(Review, local_review))
        session.flush()  # (each row's delete is recorded by the store's triggers)
        record_event(
            session.connection(), laptop.actor, local_review, "checkin",
            f"Checked in to {where}; the offline copy was removed",
        )  # fmt: skip


def release_checkout(shared: AppContext, reference: str, reason: str) -> Holder:
    """End a check-out without its offline changes (a chair or the business manager)."""
    _writable(shared, "shared")
    if not reason.strip():
        raise UserError("Say why the check-out is released (--reason): it goes in the trail.")
    review_id = _review_id(shared, reference)
    _may_release(shared, review_id)
    try:
        with shared.store.engine.connect() as conn, conn.begin():
            held = release(conn, review_id, shared.actor, reason.strip())
            seal_chain(conn)
    except CheckoutError as exc:
        raise UserError(str(exc)) from exc
    except DBAPIError as exc:
        raise _refused(exc, "releasing") from exc
    return held


def _may_release(shared: AppContext, review_id: int) -> None:
    if not shared.store.shared or shared.store.standing in (None, "manager"):
        return
    with shared.store.engine.connect() as conn:
        role = conn.scalar(
            text(
                "SELECT role FROM review_member WHERE review_id = :rid AND username = current_user"
            ),
            {"rid": review_id},
        )
    if role != "chair":
        raise UserError(
            "Only the review's chair or the business manager may release a check-out; "
            "nothing was changed."
        )


@dataclass(frozen=True)
class CheckedOut:
    reference: str
    holder: str
    taken_at: object
    destination: str


def list_checkouts(ctx: AppContext) -> list[CheckedOut]:
    """The reviews of this store checked out for offline work (the ones the login sees)."""
    with ctx.session() as session:
        rows = session.execute(
            select(Review.reference, ReviewCheckout.holder, ReviewCheckout.taken_at,
                   ReviewCheckout.destination)
            .join(Review, Review.id == ReviewCheckout.review_id)
            .order_by(ReviewCheckout.taken_at)
        ).all()  # fmt: skip
    return [CheckedOut(*row) for row in rows]


def rights_while_out(ctx: AppContext, review_id: int, rights):
    """A checked-out review is read-only here, whatever the login's role on it."""
    held = checkout_of(ctx, review_id)
    if held is None or not rights.can_write:
        return rights
    return replace(
        rights,
        can_write=False,
        reason=f"Checked out to {held.holder} since {held.taken_at:%d/%m/%Y %H:%M} UTC for "
        f"offline work ({held.destination}): read-only here until it is checked back in, or "
        "released by its chair or the business manager.",
    )


def checkout_of(ctx: AppContext, review_id: int) -> Holder | None:
    """Who has the review checked out (None when it is here to be worked on)."""
    with ctx.store.engine.connect() as conn:
        return holder_of(conn, review_id)


def copy_source(ctx: AppContext, review_id: int) -> str | None:
    """Where a checked-out copy in this store came from (None: not a copy)."""
    with ctx.session() as session:
        copy = session.get(ReviewCopy, review_id)
        return copy.source if copy is not None else None
