"""Reading a current store file straight through the driver, without SQLAlchemy.

For commands that only read a little (``reviewdesk list``): importing the ORM costs several
times more than the reading. Anything out of the ordinary (no file, a store that needs
upgrading or a passphrase it was not given, a file that cannot be read) gives None, and the
command opens the store the usual way, which upgrades, checks and explains.

Nothing is written and no lock is taken: the file is opened read-only, and SQLite's
write-ahead log lets it be read while a window has it open.
"""

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from db.driver import DatabaseError, connect, is_plain_sqlite
from db.revisions import head_revision

REVIEW_DATES = (
    "incident_date",
    "aware_date",
    "notification_date",
    "decision_date",
    "sign_off_date",
    "publication_date",
    "target_override",
)


@dataclass(frozen=True)
class ReviewRow:
    """A review's row as the list of reviews needs it (the dates as dates)."""

    id: int
    reference: str
    title: str
    review_type: str
    status: str
    subject_pseudonym: str
    incident_date: date | None
    aware_date: date | None
    notification_date: date | None
    decision_date: date | None
    sign_off_date: date | None
    publication_date: date | None
    target_override: date | None


@dataclass(frozen=True)
class ReviewListing:
    reviews: list[ReviewRow]  # newest first, as the ORM path orders them
    imrs: list[tuple[int, str, date | None]]  # review id, IMR status, due date
    milestones: list[tuple[int, str, date, str]]  # review id, key, done on, note


def _day(text) -> date | None:
    return date.fromisoformat(text) if text else None


def read_listing(path: Path, passphrase: str | None) -> ReviewListing | None:
    """The reviews, IMRs and milestones of a current store file (None: open it the usual way)."""
    path = Path(path)
    if not path.is_file() or path.stat().st_size == 0:
        return None
    if passphrase is None and not is_plain_sqlite(path):
        return None
    try:
        conn = connect(
            path, passphrase=None if is_plain_sqlite(path) else passphrase, readonly=True
        )
    except DatabaseError:
        return None
    try:
        revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        if revision is None or revision[0] != head_revision():
            return None
        columns = ", ".join(("id", "reference", "title", "review_type", "status",
                             "subject_pseudonym", *REVIEW_DATES))  # fmt: skip
        reviews = [
            ReviewRow(*row[:6], *(_day(v) for v in row[6:]))
            for row in conn.execute(
                f"SELECT {columns} FROM review ORDER BY created_at DESC, id DESC"  # noqa: S608
            )
        ]
        imrs = [
            (review_id, status, _day(due))
            for review_id, status, due in conn.execute(
                "SELECT agency.review_id, imr.status, imr.date_due "
                "FROM agency JOIN imr ON imr.agency_id = agency.id"
            )
        ]
        milestones = [
            (review_id, key, _day(done_on), note)
            for review_id, key, done_on, note in conn.execute(
                'SELECT review_id, "key", done_on, note FROM review_milestone'
            )
        ]
    except (DatabaseError, ValueError):
        return None  # not readable here (damaged, locked, or not ours): the usual path says why
    finally:
        conn.close()
    return ReviewListing(reviews, imrs, milestones)
