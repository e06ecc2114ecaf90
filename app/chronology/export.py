"""The chronology handed on: as JSON, to the document writers, and to the analysis."""

from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.chronology.analysis import ChronologyAnalysis, analyse, silences
from app.chronology.entries import (
    EntryFilter,
    EntryRow,
    analysis_entries,
    fetch_entries,
    query_entry_ids,
)
from app.chronology.episodes import list_episodes
from app.chronology.timeline import TimelineLayout, layout_timeline
from app.context import AppContext
from app.reviews import get_review
from app.wording import plural

PAGE = 5000


def iso_date(row: EntryRow) -> str:
    """YYYY-MM-DD, YYYY-MM or YYYY as the entry's precision allows ("" when unknown)."""
    if row.date_start is None:
        return ""
    unit = row.granularity if row.precision == "approximate" else row.precision
    if unit == "day":
        return row.date_start.isoformat()
    if unit in ("month", "season"):
        return row.date_start.strftime("%Y-%m")
    return f"{row.date_start.year:04d}"


def entry_json(row: EntryRow) -> dict[str, Any]:
    return {
        "id": row.id,
        "agency": row.agency,
        "date": iso_date(row),
        "date_as_written": row.date_text,
        "precision": row.precision,
        "time": row.time,
        "recorded": row.recorded.isoformat() if row.recorded else None,
        "practitioner": row.practitioner,
        "role": row.role,
        "type": row.event_type or None,
        "type_as_written": row.event_type_text,
        "event": row.event,
        "outcome": row.outcome,
        "significance": row.significance,
        "source": row.source,
        "people": row.subjects,
        "themes": list(row.themes),
        "episodes": list(row.episodes),
        "flagged": row.flagged,
        "flag_reason": row.flag_reason,
        "from": row.source_ref,
    }


def all_rows(
    ctx: AppContext,
    review_id: int,
    flt: EntryFilter = EntryFilter(),  # noqa: B008 - frozen
    on_progress: Callable[[int, int], None] | None = None,
) -> list[EntryRow]:
    ids = query_entry_ids(ctx, review_id, flt)
    rows: list[EntryRow] = []
    for start in range(0, len(ids), PAGE):
        rows += fetch_entries(ctx, ids[start : start + PAGE])
        if on_progress:
            on_progress(len(rows), len(ids))
    return rows


def chronology_document(
    ctx: AppContext,
    review_id: int,
    flt: EntryFilter = EntryFilter(),  # noqa: B008 - frozen
    filters_note: str = "",
):
    """The plain data the chronology writers take."""
    from reports.chronology_data import ChronologyDocument, ChronologyRow

    review = get_review(ctx, review_id)
    rows = all_rows(ctx, review_id, flt)
    agencies = [imr.agency for imr in review.imrs]
    return ChronologyDocument(
        review_reference=review.reference,
        review_title=review.title,
        subject=review.subject_pseudonym,
        partnership=review.partnership,
        protective_marking=review.protective_marking,
        generated_on=ctx.today(),
        rows=[
            ChronologyRow(
                date_text=r.date_text,
                date_value=r.date_start if r.precision == "day" else None,
                precision=r.precision,
                sort_date=r.sort_date,
                time=r.time,
                agency=r.agency,
                event_type=r.type_label,
                event=r.event,
                outcome=r.outcome,
                practitioner=r.practitioner,
                role=r.role,
                recorded=r.recorded,
                significance=r.significance,
                source=r.source,
                themes="; ".join(r.themes),
                episodes="; ".join(r.episodes),
                flagged=r.flagged,
                flag_reason=r.flag_reason,
                source_ref=r.source_ref,
            )
            for r in rows
        ],
        agencies=agencies,
        filters_note=filters_note,
    )


def export_chronology(
    ctx: AppContext,
    review_id: int,
    path: Path,
    flt: EntryFilter = EntryFilter(),  # noqa: B008 - frozen
    filters_note: str = "",
) -> int:
    """Write the chronology (.xlsx, .pdf, .docx or .html, by the file's suffix) through the
    publishing pipeline; returns the entry count."""
    from app.publishing.pipeline import publish

    return publish(
        ctx, "chronology", path, review_id=review_id, entry_filter=flt, filters_note=filters_note
    ).items


def review_timeline(ctx: AppContext, review_id: int, *, gap_days: int = 90) -> TimelineLayout:
    """The review's timeline layout: agency lanes, key episodes, silences."""
    review = get_review(ctx, review_id)
    entries = analysis_entries(ctx, review_id)
    found = silences(
        entries, gap_days=gap_days, scope_start=review.scope_start, scope_end=review.scope_end
    )
    return layout_timeline(
        entries,
        episodes=list_episodes(ctx, review_id),
        silences=[(s.start, s.end) for s in found.overall],
        agencies=_lane_order(review, entries),
    )


def _lane_order(review, entries) -> list[str]:
    """The review's agencies in their own order, then any others found in the entries."""
    names = [imr.agency for imr in review.imrs]
    seen = set(names)
    for entry in entries:
        if entry.agency not in seen:
            seen.add(entry.agency)
            names.append(entry.agency)
    present = {e.agency for e in entries}
    return [n for n in names if n in present]


def analyse_review(
    ctx: AppContext, review_id: int, *, gap_days: int = 90, late_days: int = 7
) -> ChronologyAnalysis:
    review = get_review(ctx, review_id)
    return analyse(
        analysis_entries(ctx, review_id),
        gap_days=gap_days,
        late_days=late_days,
        oversight_gap_days=gap_days,
        scope_start=review.scope_start,
        scope_end=review.scope_end,
    )


def analysis_summary(data: dict[str, Any]) -> list[str]:
    """The analysis in a few plain lines, for the command line."""
    lines = []
    s = data["silences"]
    lines.append(
        f"Silences over {plural(s['gap_days'], 'day')} with no contact from any agency: "
        f"{len(s['overall'])}"
    )
    lines += [f"  {i['start']} to {i['end']} ({plural(i['days'], 'day')})" for i in s["overall"]]
    lines.append("Practitioners:")
    lines += [f"  {a['summary']}" for a in data["practitioners"]["agencies"]]
    r = data["recording_delays"]
    lines.append(f"Recorded more than {plural(r['late_days'], 'day')} after the event:")
    lines += [
        f"  {a['agency']}: {a['late']} of {a['with_both']} (median {a['median_days']}, "
        f"longest {plural(a['max_days'], 'day')})"
        for a in r["agencies"]
        if a["with_both"]
    ]
    m = data["missing_episodes"]
    lines.append(
        f"Missing episodes: {m['count']}, {m['with_rhi_within_72h']} with a return home "
        "interview within 72 hours"
    )
    o = data["oversight_gaps"]
    lines.append(f"Oversight gaps over {plural(o['oversight_gap_days'], 'day')}: {len(o['gaps'])}")
    lines += [
        f"  {g['agency']}: {g['start']} to {g['end']} ({plural(g['days'], 'day')})"
        for g in o["gaps"]
    ]
    return lines
