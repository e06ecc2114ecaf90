"""The generated sections of the review's documents: tables and lists made from the data
(panel, agencies and IMRs, terms of reference, findings, recommendations, action plan,
chronology, timeline, glossary), as a final or draft, internal or published document needs them.
"""

from datetime import date

from app.actions import list_actions, list_recommendations
from app.context import AppContext
from app.document_parts import PARTS, View, paragraphs_of
from app.errors import ValidationError
from app.findings import list_findings
from reports.chronology_data import day_text, shown_date
from reports.review_document_data import (
    Block,
    Bullets,
    Note,
    Paragraphs,
    Subheading,
    Table,
    Timeline,
)


def _date(value: date | None) -> str:
    """One date format in every published table ("2 Aug 2026"), never split over lines."""
    return day_text(value)


def generated_blocks(ctx: AppContext, review, section, view: View) -> tuple[Block, ...]:
    """The blocks of a section made from the review's data."""
    source = section.source
    if source in PARTS:
        return PARTS[source](ctx, review, section, view)
    if source == "panel":
        if view.published:  # people by their role and agency, never by name
            rows = tuple((m.role_label, m.organisation) for m in review.panel)
            return _table_or_note(
                ("Role", "Agency or organisation"), rows, (2, 4), "No panel members recorded."
            )
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
                i.author_role or ("" if view.published else i.author_name),
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
        return (Bullets(tuple(line.text for line in review.lines_of_enquiry), numbered=True),)
    if source in ("findings", "good_practice", "learning_points"):
        return _findings_blocks(ctx, review.id, source, view)
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
        if view.final:  # only from IMRs the panel accepted
            accepted = {i.agency for i in review.imrs if i.status == "accepted"}
            recs = [r for r in recs if r.agency in accepted]
        rows = tuple((r.number.replace("IMR ", ""), r.agency, r.text) for r in recs)
        return _table_or_note(
            ("No.", "Agency", "Recommendation"),
            rows,
            (1, 3, 8),
            "No recommendations from IMRs the panel has accepted."
            if view.final
            else "The IMRs made no recommendations.",
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


def _findings_blocks(ctx: AppContext, review_id: int, source: str, view: View) -> tuple[Block, ...]:
    findings = list_findings(ctx, review_id)
    if view.final:  # a final document carries only what the panel agreed
        findings = [f for f in findings if f.status == "agreed"]
    if source == "good_practice":
        chosen = [f for f in findings if f.kind == "good_practice"]
    elif source == "learning_points":
        chosen = [f for f in findings if f.kind != "good_practice"]
        if not chosen:
            return (Note("No learning points have been recorded yet."),)
        # Each point with its text, not the title alone: a practitioner reads the brief only.
        texts = tuple(" ".join(paragraphs_of(f.narrative)[:1]) for f in chosen)
        return (Bullets(texts, tuple(f.title + _not_agreed(f, view) for f in chosen)),)
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
        blocks.append(Subheading(f"{label} {number}: {finding.title}{_not_agreed(finding, view)}"))
        body = paragraphs_of(finding.narrative)
        if body:
            blocks.append(Paragraphs(body))
        if finding.themes:
            blocks.append(Note("Themes: " + "; ".join(finding.themes)))
    return tuple(blocks)


def _not_agreed(finding, view: View) -> str:
    return "" if view.final or finding.status == "agreed" else " (not yet agreed by the panel)"


def _chronology_blocks(ctx: AppContext, review_id: int, limit) -> tuple[Block, ...]:
    from app.chronology.entries import fetch_entries, query_entry_ids

    ids = query_entry_ids(ctx, review_id)
    total = len(ids)
    rows = fetch_entries(ctx, ids[: int(limit)] if limit else ids)
    if not rows:
        return (Note("The chronology has no entries yet."),)
    # An outcome column empty on every row would take a third of the page for nothing: the
    # event then has its room.
    outcomes = any(r.outcome and r.outcome.strip() for r in rows)
    table = Table(
        ("No.", "Date", "Agency", "Event", "Outcome")[: 5 if outcomes else 4],
        tuple(
            (
                str(number),
                shown_date(
                    r.date_text, r.date_start if r.precision == "day" else None, r.precision
                ),
                r.agency,
                r.event,
                r.outcome,
            )[: 5 if outcomes else 4]
            for number, r in enumerate(rows, start=1)
        ),
        (1, 2, 3, 7, 5) if outcomes else (1, 2, 3, 12),
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
