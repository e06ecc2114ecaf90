"""The one publishing pipeline every export goes through.

    build -> transforms (private notes out, audience and marking, anonymisation)
          -> writer chosen by format -> atomic write -> verify -> audit -> state change

The writer is chosen from reports.writers by the model and the file's suffix, so a new
format is a new writer and nothing else. The file is written to a private temporary file
beside the destination (mode 0600), flushed to disk, checked, and only then renamed into
place; a failed write leaves the destination and the store as they were. A final version is
stored in the store with its hash and the register used, and is frozen: exporting it again
gives the same bytes.
"""

import hashlib
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from app.context import AppContext
from app.errors import UserError
from app.leftovers import note_unfinished
from app.publishing.anonymise import StoreAnonymiser
from app.publishing.audience import KIND_LABELS, audience_of
from app.publishing.builders import BUILDERS, REPORT_KINDS, BuildRequest
from app.publishing.people import list_people, other_registers
from app.publishing.register import register_json
from app.publishing.transforms import protect, texts
from app.review_rights import EXPORT_NOT_PERMITTED, require_recordable_export
from app.wording import plural
from db.models import AuditEvent, Review
from db.publishing_models import IssuedVersion
from db.report_models import Report
from db.store import NotPermittedError

ProgressCallback = Callable[[int, int], None]
_SIGNATURES = {".pdf": (b"%PDF-",), ".xlsx": (b"PK\x03\x04",), ".docx": (b"PK\x03\x04",)}


class PublicationBlocked(UserError):
    """The release check found something that must not be published."""

    def __init__(self, result) -> None:
        self.result = result
        count = len(result.blocking_groups)
        super().__init__(
            f"The release check found {plural(count, 'thing')} that must be "
            "fixed or waived before this document can be made final; nothing was made final. "
            "See 'reviewdesk check-publication'."
        )


@dataclass(frozen=True)
class Published:
    path: Path
    kind: str
    audience: str
    final: bool
    sha256: str
    size: int
    pages: int | None  # what the writer returned (page count for PDFs)
    items: int | None  # entries, actions or tasks written
    reissued: bool = False  # a frozen final version written again, byte for byte


def publish(
    ctx: AppContext,
    kind: str,
    path: Path | str,
    *,
    review_id: int | None,
    final: bool = False,
    on_progress: ProgressCallback | None = None,
    meeting_id: int | None = None,
    entry_filter=None,
    filters_note: str = "",
) -> Published:
    """Export a document of ``kind`` to ``path``; ``final`` issues a final version."""
    from reports.writers import UnsupportedFormat, writer_for

    path = Path(path).expanduser()
    model, build = BUILDERS[kind]
    try:
        writer = writer_for(model, path.suffix)
    except UnsupportedFormat as exc:
        raise UserError(str(exc)) from None
    if final and kind not in REPORT_KINDS:
        raise UserError("Only the Overview Report, Executive Summary and brief are made final.")
    require_recordable_export(ctx)
    audience = audience_of(ctx, review_id, kind)
    report_id = version = None
    if kind in REPORT_KINDS:
        from app.documents import ensure_report, get_report

        report_id = ensure_report(ctx, review_id, kind)
        report = get_report(ctx, report_id)
        version = report.version
        if report.final:
            return _reissue(ctx, kind, review_id, report_id, version, path)
        if final and audience.published:
            from app.publishing.release_check import check_publication

            result = check_publication(ctx, review_id, kind)
            if result.blocking:
                raise PublicationBlocked(result)

    request = BuildRequest(
        review_id,
        final=final,
        audience=audience.audience,
        report_id=report_id,
        meeting_id=meeting_id,
        entry_filter=entry_filter,
        filters_note=filters_note,
    )
    document, items = build(ctx, request)
    register = list_people(ctx, review_id) if review_id is not None else []
    anonymiser = None
    if audience.published:
        others = other_registers(ctx, [review_id])
        anonymiser = StoreAnonymiser(register, others, keep=kept_words(ctx, review_id))
    document = protect(
        document,
        marking=audience.marking if audience.published else None,
        anonymiser=anonymiser,
        # Names no register holds next to a relationship word, title or role are removed,
        # except from a final version: the release check has been run on it, and what it
        # flagged was registered, changed or waived (a waived "name" is no one's).
        unregistered_out=not final,
        register=register,
    )
    if final and anonymiser is not None:
        _verify_anonymised(document, anonymiser)

    def write(part: Path):
        return writer(document, part, on_progress=on_progress)

    pages, data = write_atomically(path, write, keep_bytes=final)
    digest = hashlib.sha256(data).hexdigest()
    label = KIND_LABELS[kind]
    try:
        with ctx.session() as session:
            state = "final" if final else ("draft" if kind in REPORT_KINDS else "")
            note = ", ".join(t for t in (state, audience.audience) if t)
            _audit(
                session, ctx, review_id, report_id, f"Exported the {label} ({note})", path, digest
            )
            if final:
                _issue(
                    session, ctx, review_id, kind, version, path, audience, digest, data, register
                )
                report = session.get(Report, report_id)
                report.final = True
                report.finalised_on = ctx.today()
                from app.actions import freeze_numbers_in

                freeze_numbers_in(session, review_id)
    except Exception as exc:
        _unrecorded(path, exc)
    return Published(path, kind, audience.audience, final, digest, len(data), pages, items)


def publish_document(
    ctx: AppContext,
    model: str,
    document,
    path: Path | str,
    *,
    review_ids: list[int],
    label: str,
    on_progress: ProgressCallback | None = None,
) -> Published:
    """Export a document already built across several reviews (the learning newsletter, the
    annual report extract, a coding table): anonymised against every one of their registers
    and then every other review's register (one review's text may name someone only another
    review registered), names no register holds that the release check would
    block printed as "[name removed]", written atomically, and recorded in each review's
    audit trail. Its marking is kept."""
    from reports.writers import UnsupportedFormat, writer_for

    path = Path(path).expanduser()
    try:
        writer = writer_for(model, path.suffix)
    except UnsupportedFormat as exc:
        raise UserError(str(exc)) from None
    require_recordable_export(ctx)
    register = [entry for rid in review_ids for entry in list_people(ctx, rid)]
    keep = [word for rid in review_ids for word in kept_words(ctx, rid)]
    anonymiser = StoreAnonymiser(register, other_registers(ctx, review_ids), keep=keep)
    document = protect(
        document,
        marking=None,
        anonymiser=anonymiser,
        unregistered_out=True,
        register=register,
    )
    pages, data = write_atomically(
        path, lambda part: writer(document, part, on_progress=on_progress), keep_bytes=False
    )
    digest = hashlib.sha256(data).hexdigest()
    try:
        with ctx.session() as session:
            for rid in review_ids:
                _audit(session, ctx, rid, None, f"Exported the {label} (publication)", path, digest)
    except Exception as exc:
        _unrecorded(path, exc)
    return Published(path, model, "publication", False, digest, len(data), pages, None)


def _unrecorded(path: Path, exc: Exception):
    """The store did not record the export: the file is not left behind."""
    path.unlink(missing_ok=True)
    if isinstance(exc, NotPermittedError):
        raise NotPermittedError(EXPORT_NOT_PERMITTED) from exc
    raise exc


def kept_words(ctx: AppContext, review_id: int | None) -> list[str]:
    """What the anonymiser keeps whole: the review's reference, and the pseudonym the review
    gives its subject ("Mr R" is not a title and a surname's initial there)."""
    with ctx.session() as session:
        row = session.execute(
            select(Review.reference, Review.subject_pseudonym).where(Review.id == review_id)
        ).first()
    return [w for w in (row or ()) if w]


def _verify_anonymised(document, anonymiser: StoreAnonymiser) -> None:
    """A last look before a final version is written: nothing the register names survives."""
    for _where, text in texts(document):
        for found in anonymiser.find(text):
            if found.what in ("name", "initials"):
                raise UserError(
                    "A name from the people register is still in the document after "
                    "anonymisation; nothing was made final. Run the release check."
                )


def write_atomically(path: Path, write: Callable[[Path], object], *, keep_bytes: bool):
    """Write through ``write(temporary_path)`` and rename into place once verified.

    Returns (what ``write`` returned, the file's bytes when ``keep_bytes`` else its hash input).
    """
    folder = path.parent
    try:
        fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise UserError(f"Nothing can be written in {folder}: {exc.strerror or exc}.") from None
    os.close(fd)  # mkstemp made it readable and writable by its owner only (0600)
    part = Path(name)
    note_unfinished(part)  # removed at the next start if this process is killed
    try:
        result = write(part)
        with open(part, "rb+") as handle:
            data = handle.read()
            handle.flush()
            os.fsync(handle.fileno())
        _verify(path, data)
        os.chmod(part, 0o600)
        os.replace(part, path)
        _sync_folder(folder)
    except OSError as exc:
        raise UserError(
            f"The file could not be written to {path}: {exc.strerror or exc}."
        ) from None
    finally:
        part.unlink(missing_ok=True)
    return result, data


def _verify(path: Path, data: bytes) -> None:
    signatures = _SIGNATURES.get(path.suffix.lower(), ())
    if not data or (signatures and not data.startswith(signatures)):
        raise UserError(f"The file written for {path.name} is incomplete; nothing was changed.")


def _sync_folder(folder: Path) -> None:
    if os.name == "nt":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _audit(session, ctx, review_id, report_id, label: str, path: Path, digest: str) -> None:
    session.add(
        AuditEvent(
            actor=ctx.actor or "unknown",
            review_id=review_id,
            action="export",
            entity="document",
            entity_id=report_id,
            label=label[:300],
            field="file",
            old_value=None,
            new_value=f"{path.name} (sha256 {digest})",
        )
    )


def _issue(session, ctx, review_id, kind, version, path, audience, digest, data, register):
    session.add(
        IssuedVersion(
            review_id=review_id,
            kind=kind,
            version=version,
            suffix=path.suffix.lower(),
            audience=audience.audience,
            sha256=digest,
            size=len(data),
            register=register_json(register),
            issued_by=ctx.actor or "",
            content=data,
        )
    )


def issued_versions(ctx: AppContext, review_id: int, kind: str) -> list[IssuedVersion]:
    """The versions of a document issued so far (without their bytes)."""
    with ctx.session() as session:
        return list(
            session.scalars(
                select(IssuedVersion)
                .where(IssuedVersion.review_id == review_id, IssuedVersion.kind == kind)
                .order_by(IssuedVersion.version, IssuedVersion.suffix)
            )
        )


def _reissue(ctx, kind, review_id, report_id, version, path: Path) -> Published:
    """A final version is frozen: its stored bytes are written again, never rebuilt."""
    suffix = path.suffix.lower()
    with ctx.session() as session:
        issued = session.scalar(
            select(IssuedVersion).where(
                IssuedVersion.review_id == review_id,
                IssuedVersion.kind == kind,
                IssuedVersion.version == version,
                IssuedVersion.suffix == suffix,
            )
        )
        if issued is None:
            formats = [
                v.suffix
                for v in session.scalars(
                    select(IssuedVersion).where(
                        IssuedVersion.review_id == review_id,
                        IssuedVersion.kind == kind,
                        IssuedVersion.version == version,
                    )
                )
            ]
            shown = " and ".join(formats) or "no file (it was made final by an older ReviewDesk)"
            raise UserError(
                f"The final {KIND_LABELS[kind]} was issued as {shown}; it cannot be rebuilt in "
                "another format. Start a new draft to change it."
            )
        data, digest, audience = issued.content, issued.sha256, issued.audience
    if hashlib.sha256(data).hexdigest() != digest:
        raise UserError("The issued file kept in the store does not match its hash.")
    write_atomically(path, lambda part: part.write_bytes(data), keep_bytes=True)
    with ctx.session() as session:
        _audit(
            session,
            ctx,
            review_id,
            report_id,
            f"Exported the issued final {KIND_LABELS[kind]}",
            path,
            digest,
        )
    return Published(path, kind, audience, True, digest, len(data), None, None, reissued=True)
