"""The format-neutral model of each kind of document, built from the review's data.

Each builder returns ``(document, items)``: the plain data a writer lays out and how many
things it holds (entries, actions, tasks; None when pages are the measure).
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from app.context import AppContext


@dataclass(frozen=True)
class BuildRequest:
    review_id: int | None
    final: bool = False
    audience: str = "internal"
    report_id: int | None = None  # overview, summary, brief
    meeting_id: int | None = None  # minutes
    entry_filter: Any = None  # chronology: an EntryFilter
    filters_note: str = ""


def _review_document(ctx: AppContext, req: BuildRequest):
    from app.documents import build_document

    return build_document(ctx, req.report_id, final=req.final, audience=req.audience), None


def _chronology(ctx: AppContext, req: BuildRequest):
    from app.chronology.entries import EntryFilter
    from app.chronology.export import chronology_document

    doc = chronology_document(
        ctx, req.review_id, req.entry_filter or EntryFilter(), req.filters_note
    )
    return doc, len(doc.rows)


def _minutes(ctx: AppContext, req: BuildRequest):
    from app.meeting_export import minutes_document

    return minutes_document(ctx, req.meeting_id), None


def _action_tracker(ctx: AppContext, req: BuildRequest):
    from app.action_tracker import tracker_document

    doc = tracker_document(ctx, req.review_id)
    return doc, len(doc.rows)


def _panel_tasks(ctx: AppContext, req: BuildRequest):
    from app.meeting_export import tasks_document

    doc = tasks_document(ctx, req.review_id)
    return doc, len(doc.rows)


# kind -> (writer model in reports.writers, builder)
BUILDERS: dict[str, tuple[str, Callable]] = {
    "overview": ("review_document", _review_document),
    "summary": ("review_document", _review_document),
    "brief": ("review_document", _review_document),
    "chronology": ("chronology", _chronology),
    "minutes": ("minutes", _minutes),
    "action_tracker": ("action_tracker", _action_tracker),
    "panel_tasks": ("panel_tasks", _panel_tasks),
}
REPORT_KINDS = ("overview", "summary", "brief")


def formats(kind: str) -> list[str]:
    """The file suffixes a document of this kind can be exported as (".pdf", ".docx", …)."""
    from reports.writers import suffixes

    return suffixes(BUILDERS[kind][0])
