"""Which writer makes which file: the kind of document model and the output's suffix.

A writer is named "module:function" and imported only when it is used, so start-up never
pays for reportlab, openpyxl or any other document library. Adding a format means adding the
writer and one line here; nothing else.

Contract for every writer: ``function(document, path: Path, on_progress=None)``. It writes the
whole file at ``path`` (the caller gives a private temporary path beside the destination and
renames it into place only after the writer returns) and never touches the store; ``document``
is plain data (dataclasses from ``reports``). ``on_progress(done, total)`` may be called.
"""

from collections.abc import Callable
from importlib import import_module

# (model, suffix) -> "module:function". Models: "review_document" (overview, summary, brief),
# "chronology", "minutes", "action_tracker", "panel_tasks".
WRITERS: dict[tuple[str, str], str] = {
    ("review_document", ".pdf"): "reports.review_pdf:write_review_pdf",
    ("review_document", ".docx"): "reports.review_docx:write_review_docx",
    ("review_document", ".html"): "reports.review_html:write_review_html",
    ("chronology", ".pdf"): "reports.chronology_pdf:write_chronology_pdf",
    ("chronology", ".xlsx"): "reports.chronology_xlsx:write_chronology_xlsx",
    ("chronology", ".docx"): "reports.working_documents:write_chronology_docx",
    ("chronology", ".html"): "reports.working_documents:write_chronology_html",
    ("minutes", ".pdf"): "reports.minutes_pdf:write_minutes",
    ("minutes", ".docx"): "reports.working_documents:write_minutes_docx",
    ("minutes", ".html"): "reports.working_documents:write_minutes_html",
    ("action_tracker", ".xlsx"): "reports.action_tracker_xlsx:write_action_tracker",
    ("panel_tasks", ".xlsx"): "reports.panel_tasks_xlsx:write_tasks_xlsx",
    ("coding", ".xlsx"): "reports.coding_table:write_coding_xlsx",
    ("coding", ".csv"): "reports.coding_table:write_coding_csv",
}


class UnsupportedFormat(ValueError):
    """No writer makes this kind of document in this format."""


def suffixes(model: str) -> list[str]:
    """The suffixes a model can be written as, e.g. ['.pdf', '.xlsx']."""
    return sorted(suffix for kind, suffix in WRITERS if kind == model)


def writer_for(model: str, suffix: str) -> Callable:
    """The writer function for a model and an output suffix (case-insensitive)."""
    target = WRITERS.get((model, suffix.lower()))
    if target is None:
        choices = " or ".join(suffixes(model)) or "nothing"
        raise UnsupportedFormat(
            f"This document can be written as {choices}, not as '{suffix or 'no suffix'}'."
        )
    module, function = target.split(":")
    return getattr(import_module(module), function)
