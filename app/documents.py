"""The review's documents: Overview Report, Executive Summary and learning brief.

A document is a list of sections, started from a template in resources/templates; each section
is the author's narrative or is generated from the review's data when the PDF is made.
Versions run draft 1, 2, …; a final version is issued by the publishing pipeline
(app.publishing), which stores the file, freezes the recommendations' numbers and the text.
"""

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from app.context import AppContext
from app.document_parts import PARTS, View, paragraphs_of
from app.document_sections import generated_blocks
from app.errors import NotFoundError, UserError, ValidationError
from app.glossary_terms import with_missing_terms
from app.reviews import get_review
from db.report_models import Report, ReportSection
from reports.review_document_data import (
    Block,
    Callout,
    Note,
    Paragraphs,
    ReviewDocument,
    Section,
)
from resources import resource_path

if TYPE_CHECKING:
    from app.publishing.pipeline import Published

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
    "imr_agencies": "The agencies that provided IMRs",
    "actions_arising": "The board's response and the actions arising",
    "sign_off": "Who signed the document off",
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
    guidance: str = ""  # the template's advice: shown greyed in the editor, never printed

    @property
    def generated(self) -> bool:
        return self.source != "narrative"

    @property
    def written(self) -> str:
        """The author's text without any of the template's guidance left in it."""
        return without_guidance(self.text, self.guidance)

    @property
    def guidance_only(self) -> bool:
        return not self.generated and not self.written.strip()


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
                    # A narrative section starts empty; the template's text is its guidance.
                    text="" if _is_narrative(section) else section.get("text", ""),
                    guidance=section.get("text", "") if _is_narrative(section) else "",
                    appendix=bool(section.get("appendix", False)),
                    options=json.dumps(section.get("options", {})),
                )
            )
        return report.id


def _is_narrative(section: dict) -> bool:
    return section.get("source", "narrative") == "narrative"


def template_guidance(kind: str, title: str) -> str:
    """The guidance the template gives a narrative section of this title ("" if none)."""
    for section in template(kind)["sections"]:
        if _is_narrative(section) and section["title"].strip() == title.strip():
            return section.get("text", "")
    return ""


def without_guidance(text: str, guidance: str) -> str:
    """``text`` without the paragraphs that are the template's guidance."""
    if not guidance.strip() or not text.strip():
        return text
    advice = {" ".join(p.split()) for p in paragraphs_of(guidance)}
    kept = [p for p in paragraphs_of(text) if " ".join(p.split()) not in advice]
    return "\n\n".join(kept)


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
                    # Documents started before guidance was kept apart take the template's.
                    s.guidance
                    or ("" if s.source != "narrative" else template_guidance(report.kind, s.title)),
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


# Building the document ------------------------------------------------------------------------


def build_document(
    ctx: AppContext, report_id: int, *, final: bool | None = None, audience: str = "internal"
) -> ReviewDocument:
    """The plain data the writers lay out (before the publishing pipeline's transforms).

    ``final``: build it as the final version (default: as the document stands).
    """
    report = get_report(ctx, report_id)
    review = get_review(ctx, report.review_id)
    spec = template(report.kind)
    final = report.final if final is None else final
    view = View(final=final, published=audience == "publication", kind=report.kind)
    author = next((m.name for m in review.panel if m.role == "overview_author"), "")
    chosen = [s for s in report.sections if s.included]
    blocks = [_section_blocks(ctx, review, s, view) for s in chosen]
    for index, s in enumerate(chosen):
        if s.source == "glossary":  # every abbreviation the document uses is explained
            others = [b for i, b in enumerate(blocks) if i != index]
            blocks[index] = with_missing_terms(blocks[index], others, review.title)
    sections = tuple(
        Section(s.title, b, appendix=s.appendix) for s, b in zip(chosen, blocks, strict=True)
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
        author="Independent overview author" if view.published and author else author,
        version_label="Final" if final else f"Draft {report.version}",
        date_label=f"{when.day} {when:%B %Y}",
        protective_marking=review.protective_marking,
        draft=not final,
        sections=sections,
        contents=bool(spec.get("contents", True)),
        audience=audience,
    )


def _section_blocks(ctx: AppContext, review, s: SectionRecord, view: View) -> tuple[Block, ...]:
    if s.generated:
        blocks = generated_blocks(ctx, review, s, view)
    else:
        written = paragraphs_of(s.written)
        if written and s.options.get("callout"):
            # Set apart in a box ("What this means for your practice"); the heading titles it.
            blocks = (Callout("", written),)
        elif written:
            blocks = (Paragraphs(written),)
        else:  # guidance is never printed; a draft says what is missing
            blocks = () if view.final else (Note("This section has not been written yet."),)
    extra = s.options.get("with")
    if extra in PARTS:  # e.g. the Executive Summary's introduction lists the IMR agencies
        blocks = (*blocks, *PARTS[extra](ctx, review, s, view))
    return blocks


def export_document(
    ctx: AppContext,
    review_id: int,
    kind: str,
    path: Path,
    *,
    final: bool = False,
    on_progress: Callable[[int, int], None] | None = None,
) -> "Published":
    """Write the document (PDF, DOCX or HTML, by ``path``'s suffix) through the publishing
    pipeline; ``final`` issues the final version after the release check. Returns what was
    written: its page count (None for formats without fixed pages, and when an issued file is
    written again), whether it is final, and whether it is a frozen final written again.
    """
    from app.publishing.pipeline import publish

    return publish(ctx, kind, path, review_id=review_id, final=final, on_progress=on_progress)
