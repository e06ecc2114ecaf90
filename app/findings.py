"""Findings: numbered, with themes, the lines of enquiry they answer, and their evidence.

Also the terms-of-reference coverage matrix, and which findings cite a chronology entry.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import delete, insert, select

from app.chronology.entries import working_date
from app.conflicts import merged
from app.context import AppContext
from app.errors import NotFoundError, ValidationError
from app.imrs import IMR_SECTIONS
from app.items import add_item
from app.vocab import FINDING_KINDS, FINDING_STATUSES
from db.chronology_models import ChronologyEntry, KeyEpisode
from db.findings_models import Finding, FindingEvidence, FindingLine, FindingTheme
from db.models import Agency, Imr, LineOfEnquiry


@dataclass(frozen=True)
class EvidenceRecord:
    id: int
    kind: str  # "entry", "episode" or "imr"
    target_id: int  # the entry, episode or IMR id
    description: str
    note: str
    section: str = ""


@dataclass(frozen=True)
class FindingRecord:
    id: int
    number: int
    title: str
    narrative: str
    kind: str
    status: str
    agreed_on: date | None
    agreed_at: str
    themes: tuple[str, ...] = ()
    line_ids: tuple[int, ...] = ()
    evidence: tuple[EvidenceRecord, ...] = field(default_factory=tuple)

    @property
    def kind_label(self) -> str:
        return FINDING_KINDS.get(self.kind, self.kind)

    @property
    def status_label(self) -> str:
        return FINDING_STATUSES.get(self.status, self.status)


def add_finding(ctx: AppContext, review_id: int, title: str, kind: str = "finding") -> int:
    return add_item(ctx, "finding", review_id, {"title": title, "kind": kind})


def _evidence_description(session, ev: FindingEvidence) -> tuple[str, int, str]:
    if ev.entry_id is not None:
        entry = session.get(ChronologyEntry, ev.entry_id)
        agency = session.get(Agency, entry.agency_id).name if entry else ""
        text = " ".join((entry.event if entry else "").split())
        short = text if len(text) <= 90 else text[:89] + "…"
        day = working_date(entry.date_text, entry.date_start, entry.precision) if entry else ""
        return "entry", ev.entry_id, f"{day or 'undated'}, {agency}: {short}"
    if ev.episode_id is not None:
        episode = session.get(KeyEpisode, ev.episode_id)
        return "episode", ev.episode_id, f"Key practice episode: {episode.title}"
    imr = session.get(Imr, ev.imr_id)
    section = IMR_SECTIONS.get(ev.section, ev.section or "the IMR")
    return "imr", ev.imr_id, f"IMR of {imr.agency.name}: {section}"


def list_findings(ctx: AppContext, review_id: int) -> list[FindingRecord]:
    with ctx.session() as session:
        findings = session.scalars(
            select(Finding)
            .where(Finding.review_id == review_id)
            .order_by(Finding.position, Finding.id)
        ).all()
        ids = [f.id for f in findings]
        themes: dict[int, list[str]] = {}
        for fid, theme in session.execute(
            select(FindingTheme.finding_id, FindingTheme.theme)
            .where(FindingTheme.finding_id.in_(ids))
            .order_by(FindingTheme.theme)
        ):
            themes.setdefault(fid, []).append(theme)
        lines: dict[int, list[int]] = {}
        for fid, line_id in session.execute(
            select(FindingLine.finding_id, FindingLine.line_id)
            .join(LineOfEnquiry, LineOfEnquiry.id == FindingLine.line_id)
            .where(FindingLine.finding_id.in_(ids))
            .order_by(LineOfEnquiry.position)
        ):
            lines.setdefault(fid, []).append(line_id)
        evidence: dict[int, list[EvidenceRecord]] = {}
        for ev in session.scalars(
            select(FindingEvidence)
            .where(FindingEvidence.finding_id.in_(ids))
            .order_by(FindingEvidence.id)
        ):
            kind, target, text = _evidence_description(session, ev)
            evidence.setdefault(ev.finding_id, []).append(
                EvidenceRecord(ev.id, kind, target, text, ev.note, ev.section)
            )
        return [
            FindingRecord(
                id=f.id,
                number=number,
                title=f.title,
                narrative=f.narrative,
                kind=f.kind,
                status=f.status,
                agreed_on=f.agreed_on,
                agreed_at=f.agreed_at,
                themes=tuple(themes.get(f.id, ())),
                line_ids=tuple(lines.get(f.id, ())),
                evidence=tuple(evidence.get(f.id, ())),
            )
            for number, f in enumerate(findings, start=1)
        ]


def get_finding(ctx: AppContext, finding_id: int) -> FindingRecord:
    with ctx.session() as session:
        finding = session.get(Finding, finding_id)
        if finding is None:
            raise NotFoundError("That finding no longer exists.")
        review_id = finding.review_id
    return next(f for f in list_findings(ctx, review_id) if f.id == finding_id)


def set_themes(
    ctx: AppContext, finding_id: int, themes: list[str], *, seen: Iterable[str] | None = None
) -> None:
    """The finding's themes; ``seen``: the ticks shown when this person changed them."""
    wanted = {t.strip() for t in themes if t.strip()}
    with ctx.session() as session:
        _require(session, finding_id)
        stored = session.scalars(
            select(FindingTheme.theme).where(FindingTheme.finding_id == finding_id)
        )
        wanted = merged(stored, wanted, seen)
        session.execute(delete(FindingTheme).where(FindingTheme.finding_id == finding_id))
        if wanted:
            session.execute(
                insert(FindingTheme), [{"finding_id": finding_id, "theme": t} for t in wanted]
            )


def set_lines(
    ctx: AppContext, finding_id: int, line_ids: list[int], *, seen: Iterable[int] | None = None
) -> None:
    """The key lines of enquiry this finding answers (``seen``: as set_themes)."""
    with ctx.session() as session:
        finding = _require(session, finding_id)
        stored = session.scalars(
            select(FindingLine.line_id).where(FindingLine.finding_id == finding_id)
        )
        line_ids = list(merged(stored, line_ids, seen))
        valid = set(
            session.scalars(
                select(LineOfEnquiry.id).where(
                    LineOfEnquiry.review_id == finding.review_id, LineOfEnquiry.id.in_(line_ids)
                )
            )
        )
        session.execute(delete(FindingLine).where(FindingLine.finding_id == finding_id))
        if valid:
            session.execute(
                insert(FindingLine), [{"finding_id": finding_id, "line_id": i} for i in valid]
            )


def add_evidence(
    ctx: AppContext,
    finding_id: int,
    *,
    entry_ids: list[int] = (),
    episode_id: int | None = None,
    imr_id: int | None = None,
    section: str = "",
    note: str = "",
) -> int:
    """Cite chronology entries, a key practice episode or an IMR section; returns how many
    pieces of evidence were added (entries already cited are not added twice)."""
    if imr_id is not None and section and section not in IMR_SECTIONS:
        raise ValidationError(f"'{section}' is not a section of an IMR.")
    with ctx.session() as session:
        finding = _require(session, finding_id)
        rows = []
        if entry_ids:
            cited = set(
                session.scalars(
                    select(FindingEvidence.entry_id).where(
                        FindingEvidence.finding_id == finding_id,
                        FindingEvidence.entry_id.in_(entry_ids),
                    )
                )
            )
            valid = session.scalars(
                select(ChronologyEntry.id).where(
                    ChronologyEntry.id.in_(entry_ids),
                    ChronologyEntry.review_id == finding.review_id,
                )
            ).all()
            rows += [{"entry_id": i} for i in valid if i not in cited]
        if episode_id is not None:
            episode = session.get(KeyEpisode, episode_id)
            if episode is None or episode.review_id != finding.review_id:
                raise NotFoundError("That key practice episode is not part of this review.")
            rows.append({"episode_id": episode_id})
        if imr_id is not None:
            imr = session.get(Imr, imr_id)
            if imr is None or imr.agency.review_id != finding.review_id:
                raise NotFoundError("That IMR is not part of this review.")
            rows.append({"imr_id": imr_id, "section": section})
        for row in rows:
            session.add(FindingEvidence(finding_id=finding_id, note=note, **row))
        return len(rows)


def remove_evidence(ctx: AppContext, evidence_id: int) -> None:
    with ctx.session() as session:
        evidence = session.get(FindingEvidence, evidence_id)
        if evidence is None:
            raise NotFoundError("That piece of evidence is no longer linked.")
        session.delete(evidence)


def findings_citing_entry(ctx: AppContext, entry_id: int) -> list[tuple[int, int, str]]:
    """(finding id, number, title) of the findings that cite a chronology entry."""
    with ctx.session() as session:
        entry = session.get(ChronologyEntry, entry_id)
        if entry is None:
            return []
        cited = set(
            session.scalars(
                select(FindingEvidence.finding_id).where(FindingEvidence.entry_id == entry_id)
            )
        )
        review_id = entry.review_id
    return [(f.id, f.number, f.title) for f in list_findings(ctx, review_id) if f.id in cited]


@dataclass(frozen=True)
class Coverage:
    """Key lines of enquiry against findings."""

    lines: list[tuple[int, int, str]]  # (line id, number, text)
    findings: list[tuple[int, int, str]]  # (finding id, number, title)
    answered: set[tuple[int, int]]  # (line id, finding id)

    @property
    def unanswered(self) -> list[tuple[int, int, str]]:
        covered = {line for line, _finding in self.answered}
        return [line for line in self.lines if line[0] not in covered]


def coverage(ctx: AppContext, review_id: int) -> Coverage:
    findings = list_findings(ctx, review_id)
    with ctx.session() as session:
        lines = session.scalars(
            select(LineOfEnquiry)
            .where(LineOfEnquiry.review_id == review_id)
            .order_by(LineOfEnquiry.position, LineOfEnquiry.id)
        ).all()
        line_rows = [(line.id, n, line.text) for n, line in enumerate(lines, start=1)]
    return Coverage(
        lines=line_rows,
        findings=[(f.id, f.number, f.title) for f in findings],
        answered={(line_id, f.id) for f in findings for line_id in f.line_ids},
    )


def _require(session, finding_id: int) -> Finding:
    finding = session.get(Finding, finding_id)
    if finding is None:
        raise NotFoundError("That finding no longer exists.")
    return finding
