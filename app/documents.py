"""The review's documents: Overview Report, Executive Summary and learning brief.

A document is a list of sections, started from a template in resources/templates; each section
is the author's narrative or is generated from the review's data when the PDF is made.
Versions run draft 1, 2, …; making a document final freezes the recommendations' numbers.
"""

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select

from app.actions import freeze_numbers, list_actions, list_recommendations
from app.context import AppContext
from app.errors import NotFoundError, UserError, ValidationError
from app.findings import list_findings
from app.leftovers import note_unfinished
from app.reviews import get_review
from db.report_models import Report, ReportSection
from reports.chronology_data import day_text, shown_date
from reports.review_document_data import (
    Block,
    Bullets,
    Callout,
    Note,
    Paragraphs,
    ReviewDocument,
    Section,
    Subheading,
    Table,
    Timeline,
)
from resources import resource_path

DOCUMENT_KINDS = {
    "overview": "Overview Report",
    "summary": "Executive Summary",
    "brief": "Learning brief",
}
GENERATED = {
    "panel": "The review panel (from the Panel tab)",
    "agencies_imrs": "Agencies and their IMRs, with dates",
    "terms_of_reference": "The key lines of enquiry",
    "findings": "Findings and learning points",
    "learning_points": "Learning points, as a list",
    "good_practice": "Good practice",
    "recommendations": "Multi-agency recommendations",
    "imr_recommendations": "Recommendations from IMRs, by agency",
    "action_plan": "The action plan",
    "chronology": "The integrated chronology",
    "timeline": "The timeline of agencies' involvement",
    "glossary": "Glossary (one 'Term: meaning' per line)",
}


@dataclass(frozen=True)
class SectionRecord:
    id: int
    position: int
    title: str
    source: str
    text: str
    included: bool
    appendix: bool
    options: dict

    @property
    def generated(self) -> bool:
        return self.source != "narrative"


@dataclass(frozen=True)
class ReportRecord:
    id: int
    review_id: int
    kind: str
    version: int
    final: bool
    finalised_on: date | None
    sections: list[SectionRecord]

    @property
    def kind_label(self) -> str:
        return DOCUMENT_KINDS[self.kind]

    @property
    def version_label(self) -> str:
        return "Final" if self.final else f"Draft {self.version}"


def template(kind: str) -> dict[str, Any]:
    if kind not in DOCUMENT_KINDS:
        raise ValidationError(f"'{kind}' is not a document ReviewDesk writes.")
    try:
        return json.loads(resource_path("templates", f"{kind}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise UserError(
            f"The template for the {DOCUMENT_KINDS[kind]} cannot be read: {exc}."
        ) from exc


def find_report(ctx: AppContext, review_id: int, kind: str) -> int | None:
    """The review's document of this kind, if it has been started."""
    with ctx.session() as session:
        return session.scalar(
            select(Report.id).where(Report.review_id == review_id, Report.kind == kind)
        )


def ensure_report(ctx: AppContext, review_id: int, kind: str) -> int:
    """The review's document of this kind, started from its template if it does not exist."""
    spec = template(kind)
    with ctx.session() as session:
        existing = session.scalar(
            select(Report.id).where(Report.review_id == review_id, Report.kind == kind)
        )
        if existing is not None:
            return existing
        report = Report(review_id=review_id, kind=kind)
        session.add(report)
        session.flush()
        for position, section in enumerate(spec["sections"], start=1):
            session.add(
                ReportSection(
                    report_id=report.id,
                    position=position,
                    title=section["title"],
                    source=section.get("source", "narrative"),
                    text=section.get("text", ""),
                    appendix=bool(section.get("appendix", False)),
                    options=json.dumps(section.get("options", {})),
                )
            )
        return report.id


def get_report(ctx: AppContext, report_id: int) -> ReportRecord:
    with ctx.session() as session:
        report = session.get(Report, report_id)
        if report is None:
            raise NotFoundError("That document no longer exists.")
        sections = session.scalars(
            select(ReportSection)
            .where(ReportSection.report_id == report_id)
            .order_by(ReportSection.position, ReportSection.id)
        ).all()
        return ReportRecord(
            report.id,
            report.review_id,
            report.kind,
            report.version,
            report.final,
            report.finalised_on,
            [
                SectionRecord(
                    s.id,
                    s.position,
                    s.title,
                    s.source,
                    s.text,
                    s.included,
                    s.appendix,
                    json.loads(s.options or "{}"),
                )
                for s in sections
            ],
        )


def new_draft(ctx: AppContext, report_id: int) -> int:
    """Start the next draft (also after a final version); returns its number."""
    with ctx.session() as session:
        report = session.get(Report, report_id)
        if report is None:
            raise NotFoundError("That document no longer exists.")
        report.version += 1
        report.final = False
        report.finalised_on = None
        return report.version


def finalise(ctx: AppContext, report_id: int) -> None:
    """Mark the document final and freeze the recommendations' numbers it prints."""
    with ctx.session() as session:
        report = session.get(Report, report_id)
        if report is None:
            raise NotFoundError("That document no longer exists.")
        report.final = True
        report.finalised_on = ctx.today()
        review_id = report.review_id
    freeze_numbers(ctx, review_id)


# Building the document ------------------------------------------------------------------------


def paragraphs_of(text: str) -> tuple[str, ...]:
    """Narrative text as paragraphs: a blank line starts a new one."""
    return tuple(p.strip("\n") for p in re.split(r"\n\s*\n", text) if p.strip())


def _date(value: date | None) -> str:
    """One date format in every published table ("2 Aug 2026"), never split over lines."""
    return day_text(value)


def _generated(ctx: AppContext, review, section: SectionRecord) -> tuple[Block, ...]:
    source = section.source
    if source == "panel":
        rows = tuple((m.name, m.role_label, m.organisation) for m in review.panel)
        return _table_or_note(
            ("Name", "Role", "Agency or organisation"),
            rows,
            (3, 2, 4),
            "No panel members have been recorded.",
        )
    if source == "agencies_imrs":
        rows = tuple(
            (
                i.agency,
                i.sector_label,
                i.author_role or i.author_name,
                _date(i.date_requested),
                _date(i.date_received),
                _date(i.date_accepted),
                i.status_label,
            )
            for i in review.imrs
        )
        return _table_or_note(
            ("Agency", "Sector", "IMR author", "Requested", "Received", "Accepted", "Status"),
            rows,
            (4, 2, 3, 2, 2, 2, 2),
            "No agencies have been recorded.",
        )
    if source == "terms_of_reference":
        if not review.lines_of_enquiry:
            return (Note("The key lines of enquiry have not been recorded yet."),)
        return (
            Bullets(
                tuple(
                    f"{n}. {line.text}" for n, line in enumerate(review.lines_of_enquiry, start=1)
                )
            ),
        )
    if source in ("findings", "good_practice", "learning_points"):
        return _findings_blocks(ctx, review.id, source)
    if source == "recommendations":
        recs = [r for r in list_recommendations(ctx, review.id) if r.level == "multi_agency"]
        rows = tuple((r.number, r.text, r.addressee) for r in recs)
        return _table_or_note(
            ("No.", "Recommendation", "Addressed to"),
            rows,
            (1, 8, 3),
            "No multi-agency recommendations have been made yet.",
        )
    if source == "imr_recommendations":
        recs = [r for r in list_recommendations(ctx, review.id) if r.level == "single_agency"]
        rows = tuple((r.number.replace("IMR ", ""), r.agency, r.text) for r in recs)
        return _table_or_note(
            ("No.", "Agency", "Recommendation"),
            rows,
            (1, 3, 8),
            "The IMRs made no recommendations.",
        )
    if source == "action_plan":
        actions = list_actions(ctx, review_id=review.id)
        rows = tuple(
            (
                a.recommendation_number,
                a.action,
                a.lead_agency,
                _date(a.target_date),
                a.status_label,
                _date(a.completion_date),
            )
            for a in actions
        )
        return _table_or_note(
            ("Rec.", "Action", "Lead agency", "Target", "Status", "Completed"),
            rows,
            (1, 6, 3, 2, 2, 2),
            "The action plan has no actions yet.",
        )
    if source == "chronology":
        return _chronology_blocks(ctx, review.id, section.options.get("limit"))
    if source == "timeline":
        from app.chronology.export import review_timeline
        from app.chronology.timeline import CATEGORY_COLOURS, CATEGORY_LABELS

        layout = review_timeline(ctx, review.id)
        if not layout.markers:
            return (Note("The chronology has no dated entries yet."),)
        return (
            Timeline(
                layout,
                {k: light for k, (light, _dark) in CATEGORY_COLOURS.items()},
                dict(CATEGORY_LABELS),
                "Each row is an agency; marks are entries, coloured by kind of event. Shaded: "
                "key practice episodes. Hatched: periods of more than 90 days with no contact.",
            ),
        )
    if source == "glossary":
        rows = tuple(
            tuple(part.strip() for part in line.split(":", 1))
            for line in section.text.splitlines()
            if ":" in line
        )
        return _table_or_note(("Term", "Meaning"), rows, (1, 4), "No terms are defined.")
    raise ValidationError(f"'{source}' is not a part ReviewDesk can generate.")


def _table_or_note(columns, rows, widths, empty: str) -> tuple[Block, ...]:
    return (Table(columns, rows, widths),) if rows else (Note(empty),)


def _findings_blocks(ctx: AppContext, review_id: int, source: str) -> tuple[Block, ...]:
    findings = list_findings(ctx, review_id)
    if source == "good_practice":
        chosen = [f for f in findings if f.kind == "good_practice"]
    elif source == "learning_points":
        chosen = [f for f in findings if f.kind == "learning_point"] or [
            f for f in findings if f.kind == "finding"
        ]
        if not chosen:
            return (Note("No learning points have been recorded yet."),)
        # Each point with its text, not the title alone: a practitioner reads the brief only.
        texts = tuple(" ".join(paragraphs_of(f.narrative)[:1]) for f in chosen)
        return (Bullets(texts, tuple(f.title for f in chosen)),)
    else:
        chosen = [f for f in findings if f.kind != "good_practice"]
    if not chosen:
        return (Note("Nothing has been recorded yet."),)
    blocks: list[Block] = []
    for number, finding in enumerate(chosen, start=1):
        label = (
            "Good practice"
            if finding.kind == "good_practice"
            else ("Learning point" if finding.kind == "learning_point" else "Finding")
        )
        blocks.append(Subheading(f"{label} {number}: {finding.title}"))
        body = paragraphs_of(finding.narrative)
        if body:
            blocks.append(Paragraphs(body))
        if finding.themes:
            blocks.append(Note("Themes: " + "; ".join(finding.themes)))
    return tuple(blocks)


def _chronology_blocks(ctx: AppContext, review_id: int, limit) -> tuple[Block, ...]:
    from app.chronology.entries import fetch_entries, query_entry_ids

    ids = query_entry_ids(ctx, review_id)
    total = len(ids)
    rows = fetch_entries(ctx, ids[: int(limit)] if limit else ids)
    if not rows:
        return (Note("The chronology has no entries yet."),)
    table = Table(
        ("No.", "Date", "Agency", "Event", "Outcome"),
        tuple(
            (
                str(number),
                shown_date(
                    r.date_text, r.date_start if r.precision == "day" else None, r.precision
                ),
                r.agency,
                r.event,
                r.outcome,
            )
            for number, r in enumerate(rows, start=1)
        ),
        (1, 2, 3, 7, 5),
    )
    if len(rows) < total:
        return (
            Note(
                f"The first {len(rows):,} of {total:,} entries, in date order; the full "
                "chronology is available as a separate export."
            ),
            table,
        )
    return (table,)


def _narrative(section: SectionRecord) -> tuple[Block, ...]:
    """The author's text; a section the template marks as a callout is set apart in a box
    ("What this means for your practice")."""
    if section.options.get("callout"):
        return (Callout("", paragraphs_of(section.text)),)  # the section's heading titles it
    return (Paragraphs(paragraphs_of(section.text)),)


def build_document(ctx: AppContext, report_id: int) -> ReviewDocument:
    """The plain data the PDF writer lays out."""
    report = get_report(ctx, report_id)
    review = get_review(ctx, report.review_id)
    spec = template(report.kind)
    author = next((m.name for m in review.panel if m.role == "overview_author"), "")
    sections = tuple(
        Section(
            s.title,
            _generated(ctx, review, s) if s.generated else _narrative(s),
            appendix=s.appendix,
        )
        for s in report.sections
        if s.included
    )
    when = report.finalised_on if report.final and report.finalised_on else ctx.today()
    return ReviewDocument(
        kind=report.kind,
        kind_label=report.kind_label,
        title=review.title,
        review_reference=review.reference,
        review_type=review.type_label,
        subject=review.subject_pseudonym,
        partnership=review.partnership,
        author=author,
        version_label=report.version_label,
        date_label=f"{when.day} {when:%B %Y}",
        protective_marking=review.protective_marking,
        draft=not report.final,
        sections=sections,
        contents=bool(spec.get("contents", True)),
    )


def export_document(
    ctx: AppContext,
    review_id: int,
    kind: str,
    path: Path,
    *,
    final: bool = False,
    on_progress: Callable[[int, int], None] | None = None,
) -> int | None:
    """Write the document as PDF, DOCX or HTML (by ``path``'s suffix); ``final`` marks it final
    first. Returns the page count (None for DOCX and HTML, which have no fixed pages)."""
    from reports.writers import UnsupportedFormat, writer_for

    try:
        write = writer_for("review_document", path.suffix)
    except UnsupportedFormat as exc:
        raise UserError(str(exc)) from None
    report_id = ensure_report(ctx, review_id, kind)
    if final:
        finalise(ctx, report_id)
    doc = build_document(ctx, report_id)
    part = path.with_name(path.name + ".part")
    note_unfinished(part)  # removed at the next start if this process is killed
    try:
        pages = write(doc, part, on_progress=on_progress)
        part.replace(path)
    except OSError as exc:
        raise UserError(f"The document could not be written to {path}: {exc.strerror}.") from None
    finally:
        part.unlink(missing_ok=True)
    return pages
