"""A review's whole audit trail, oldest first, for reading or handing to an auditor.

Works for deleted reviews too: their trail stays in the store, found by their reference.
"""

import csv
import json
import os
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select

from app.audit_log import field_label, value_label
from app.context import AppContext
from app.errors import NotFoundError, UserError
from app.leftovers import note_unfinished
from app.review_rights import EXPORT_NOT_PERMITTED, require_recordable_export
from app.reviews import find_review_id
from db.audit import json_text
from db.models import AuditEvent
from db.private import disk_message, private_file
from db.store import NotPermittedError

FORMATS = (".csv", ".xlsx", ".json")
COLUMNS = ("when", "who", "action", "what", "record", "field", "before", "after", "row", "hash")


@dataclass(frozen=True)
class TrailRow:
    when: str
    who: str
    action: str
    what: str
    record: str
    field: str
    before: str
    after: str
    row: str
    hash: str


@dataclass(frozen=True)
class ReviewTrail:
    review_id: int
    reference: str
    deleted: bool
    rows: list[TrailRow]


def deleted_reviews(ctx: AppContext) -> list[tuple[int, str, str]]:
    """Reviews deleted from the store whose trail is kept: (id, reference, deleted at)."""
    with ctx.session() as session:
        rows = session.execute(
            select(
                AuditEvent.entity_id,
                json_text(AuditEvent.row_data, "reference"),
                AuditEvent.at,
            )
            .where(AuditEvent.entity == "review", AuditEvent.action == "delete")
            .order_by(AuditEvent.at)
        ).all()
    return [(rid, ref or "", at.strftime("%d/%m/%Y %H:%M")) for rid, ref, at in rows]


def resolve_trail_review(ctx: AppContext, ref: str) -> tuple[int, str, bool]:
    """(review id, reference, deleted) for a live review, or else a deleted one."""
    try:
        review_id = find_review_id(ctx, ref)
    except NotFoundError:
        wanted = str(ref).strip().casefold()
        matches = [(rid, r) for rid, r, _at in deleted_reviews(ctx) if r.casefold() == wanted]
        if not matches:
            raise
        if len({rid for rid, _ in matches}) > 1:
            raise UserError(
                f"Several deleted reviews had the reference '{ref}' (ids "
                + ", ".join(str(rid) for rid, _ in matches)
                + "): give the id instead."
            ) from None
        return matches[-1][0], matches[-1][1], True
    from app.reviews import get_review

    return review_id, get_review(ctx, review_id).reference, False


def review_trail(ctx: AppContext, ref: str, *, deleted_id: int | None = None) -> ReviewTrail:
    """The trail of the review ``ref`` (or of the deleted review whose id is ``deleted_id``)."""
    if deleted_id is not None:
        known = {rid: r for rid, r, _at in deleted_reviews(ctx)}
        if deleted_id not in known:
            raise NotFoundError("No deleted review has that id.")
        review_id, reference, deleted = deleted_id, known[deleted_id], True
    else:
        review_id, reference, deleted = resolve_trail_review(ctx, ref)
    with ctx.session() as session:
        events = session.scalars(
            select(AuditEvent).where(AuditEvent.review_id == review_id).order_by(AuditEvent.id)
        ).all()
        rows = [
            TrailRow(
                e.at.isoformat(sep=" ", timespec="seconds"),
                e.actor,
                e.action,
                e.entity.replace("_", " "),
                e.label,
                field_label(e.entity, e.field),
                value_label(e.entity, e.field, e.old_value) or _deleted_summary(e),
                value_label(e.entity, e.field, e.new_value) or "",
                e.row_data or "",
                e.hash or "",
            )
            for e in events
        ]
    return ReviewTrail(review_id, reference, deleted, rows)


SUMMARY_SKIPPED = {"id", "position", "created_at", "updated_at", "content"}


def _deleted_summary(event: AuditEvent) -> str:
    """For a delete: what the row held, in one line (the whole row is in ``row``)."""
    if event.action != "delete" or not event.row_data:
        return ""
    try:
        data = json.loads(event.row_data)
    except ValueError:
        return ""
    parts = [
        f"{key.replace('_', ' ')}: {' '.join(str(value).split())[:80]}"
        for key, value in data.items()
        if value not in (None, "") and key not in SUMMARY_SKIPPED and not key.endswith("_id")
    ]
    return "; ".join(parts)[:300]


def _spreadsheet_safe(value: str) -> str:
    """Text a spreadsheet will not run as a formula when the CSV is opened."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def _write_csv(trail: ReviewTrail, fh) -> None:
    writer = csv.writer(fh)
    writer.writerow(COLUMNS)
    for row in trail.rows:
        writer.writerow([_spreadsheet_safe(v) for v in asdict(row).values()])


def _write_xlsx(trail: ReviewTrail, path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.utils.exceptions import IllegalCharacterError

    wb = Workbook(write_only=True)
    ws = wb.create_sheet(f"Audit {trail.reference}"[:31].replace("/", "-"))
    ws.append(list(COLUMNS))
    for row in trail.rows:
        cells = []
        for value in asdict(row).values():
            cell = WriteOnlyCell(ws)
            try:
                cell.value = value
            except IllegalCharacterError:
                cell.value = "".join(ch if ch >= " " or ch in "\n\t" else "\ufffd" for ch in value)
            cell.data_type = "s"  # never a formula
            cells.append(cell)
        ws.append(cells)
    wb.save(path)


def export_trail(
    ctx: AppContext, ref: str, target: Path, *, deleted_id: int | None = None
) -> ReviewTrail:
    """Write the trail to ``target`` (.csv, .xlsx or .json), atomically and owner-only."""
    target = Path(target).expanduser()
    suffix = target.suffix.lower()
    if suffix not in FORMATS:
        raise UserError(f"The audit trail can be written as {', '.join(FORMATS)}; not {suffix!r}.")
    require_recordable_export(ctx)
    trail = review_trail(ctx, ref, deleted_id=deleted_id)
    part = target.with_name(target.name + ".part")
    note_unfinished(part)  # removed at the next start if this process is killed
    try:
        private_file(part)
        if suffix == ".csv":
            with open(part, "w", encoding="utf-8-sig", newline="") as fh:
                _write_csv(trail, fh)
        elif suffix == ".json":
            data = {
                "review": trail.reference,
                "review_id": trail.review_id,
                "deleted": trail.deleted,
                "written": datetime.now().isoformat(timespec="seconds"),
                "events": [asdict(r) for r in trail.rows],
            }
            part.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
        else:
            _write_xlsx(trail, part)
        os.replace(part, target)
    except OSError as exc:
        raise UserError(f"The audit trail was not written. {disk_message(target, exc)}") from None
    finally:
        part.unlink(missing_ok=True)
    try:
        record_export(ctx, trail.review_id, f"Audit trail exported to {target.name}", target)
    except NotPermittedError as exc:  # the trail cannot hold it: no unrecorded copy stays
        target.unlink(missing_ok=True)
        raise NotPermittedError(EXPORT_NOT_PERMITTED) from exc
    return trail


def record_export(ctx: AppContext, review_id: int | None, label: str, target: Path) -> None:
    """An export is a disclosure: it goes in the trail with where it was written."""
    with ctx.session() as session:
        session.add(
            AuditEvent(
                actor=ctx.actor or "unknown",
                review_id=review_id,
                action="export",
                entity="review",
                entity_id=review_id,
                label=label[:300],
                row_data=json.dumps({"file": str(target)}, ensure_ascii=False),
            )
        )
