"""The list of reviews, worked out from plain rows: by the window and commands through the
ORM (``app.reviews.list_reviews``), and by ``reviewdesk list`` straight from a current store
file (``quick_listing``), which spares it loading the database layer."""

from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from app.records import ReviewSummary, days_overdue
from app.statutory_steps import ChecklistItem, build_checklist, review_anchors
from app.timescales import review_target
from app.vocab import FINISHED_REVIEW_STATUSES, IMR_STATUSES

if TYPE_CHECKING:
    from concurrent.futures import Future


def review_summaries(
    reviews: Iterable, imrs: Iterable[tuple[int, str, date | None]], today: date
) -> list[ReviewSummary]:
    """Every review (ORM objects or rows with the same names) with its IMR counts by status
    and how many are overdue, the most urgent first."""
    counts: dict[int, dict[str, int]] = {}
    overdue: dict[int, int] = {}
    for review_id, status, due in imrs:
        per = counts.setdefault(review_id, dict.fromkeys(IMR_STATUSES, 0))
        per[status] = per.get(status, 0) + 1
        if days_overdue(status, due, today):
            overdue[review_id] = overdue.get(review_id, 0) + 1
    summaries = [
        ReviewSummary(
            id=r.id,
            reference=r.reference,
            title=r.title,
            review_type=r.review_type,
            status=r.status,
            subject_pseudonym=r.subject_pseudonym,
            target_date=review_target(
                r.review_type, r.decision_date, r.notification_date, r.target_override
            ).due,
            imr_counts=counts.get(r.id, dict.fromkeys(IMR_STATUSES, 0)),
            overdue_imrs=overdue.get(r.id, 0),
        )
        for r in reviews
    ]
    return sorted(summaries, key=_urgency)


def _urgency(review: ReviewSummary) -> tuple:
    """Open reviews before finished ones; the nearest target first; no target last."""
    return (
        review.status in FINISHED_REVIEW_STATUSES,
        review.target_date is None,
        review.target_date or date.max,
        review.reference.casefold(),
    )


def review_checklists(
    reviews: Iterable, milestones: Iterable[tuple[int, str, date, str]], today: date
) -> dict[int, list[ChecklistItem]]:
    """Every review's checklist from its dates and the steps recorded as done."""
    done: dict[int, dict[str, tuple[date, str]]] = {}
    for review_id, key, done_on, note in milestones:
        done.setdefault(review_id, {})[key] = (done_on, note)
    return {
        r.id: build_checklist(r.review_type, review_anchors(r), done.get(r.id, {}), today)
        for r in reviews
    }


def quick_listing(
    path: Path, passphrase: str | None, today: date
) -> tuple[list[ReviewSummary], dict[int, list[ChecklistItem]]] | None:
    """The reviews and their checklists read straight from a current store file, or None
    when the store must be opened the usual way (see ``db.reader``)."""
    from db.reader import read_listing

    listing = read_listing(path, passphrase)
    if listing is None:
        return None
    return (
        review_summaries(listing.reviews, listing.imrs, today),
        review_checklists(listing.reviews, listing.milestones, today),
    )


def start_quick_listing(
    path: Path, passphrase: str | None, today: date
) -> "Future[list[ReviewSummary] | None]":
    """The reviews of ``quick_listing``, read on their own thread (the window's frame shows
    them while the database layer loads). Any failure gives None: the store's usual open
    reports it."""
    import threading
    from concurrent.futures import Future

    future: Future = Future()

    def work() -> None:
        try:
            listed = quick_listing(path, passphrase, today)
        except Exception:  # noqa: BLE001 - the usual open meets it again and explains it
            listed = None
        future.set_result(listed[0] if listed is not None else None)

    threading.Thread(target=work, name="quick-listing", daemon=True).start()
    return future
