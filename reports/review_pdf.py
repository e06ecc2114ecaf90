"""The review's published documents as tagged PDF/UA-1 files, laid out by typst.

The layout is resources/typst/review.typ; this module hands it the prepared document as JSON
(``sys.inputs``), so no user text is ever read as typst markup, and the shipped DejaVu fonts
only (no system fonts: the same pages on every machine). The PDF carries a structure tree
(headings H1/H2 in order, paragraphs, lists, tables with header cells, the timeline as a
figure with its alternative text), the en-GB language, the title shown in the viewer's title
bar, and bookmarks for every heading.
"""

import json
from collections.abc import Callable
from pathlib import Path

from reports.publication import prepare
from reports.review_document_data import ReviewDocument
from resources import resource_path

ProgressCallback = Callable[[int, int], None]


class TypesettingError(RuntimeError):
    """typst refused the document (a defect: the data is always passed as plain strings)."""


def fonts() -> list[str]:
    return [str(resource_path("fonts"))]


def compile_typst(template: Path, inputs: dict[str, str], *, fmt: str = "pdf", ppi=None):
    """Run typst on a shipped template with ``inputs`` as sys.inputs; returns the bytes."""
    import typst

    options = dict(font_paths=fonts(), ignore_system_fonts=True, sys_inputs=inputs)
    if fmt == "pdf":
        options["pdf_standards"] = ["ua-1"]
    else:
        options.update(format=fmt, ppi=ppi)
    try:
        return typst.compile(str(template), root=str(template.parent), **options)
    except RuntimeError as exc:  # typst reports problems as a RuntimeError subclass
        raise TypesettingError(f"The document could not be typeset: {exc}") from exc


def write_review_pdf(
    doc: ReviewDocument, path: Path, on_progress: ProgressCallback | None = None
) -> int:
    """Write ``doc`` as a tagged A4 PDF at ``path``; returns its page count."""
    if on_progress:
        on_progress(0, 3)
    data = prepare(doc)
    pictures = {}
    for section in data["sections"]:
        for block in section["blocks"]:
            if block["t"] == "timeline":
                block["key"] = f"timeline{len(pictures)}"
                pictures[block["key"]] = block.pop("svg")
    if on_progress:
        on_progress(1, 3)
    pdf = compile_typst(
        resource_path("typst", "review.typ"),
        {"data": json.dumps(data), "pictures": json.dumps(pictures)},
    )
    if on_progress:
        on_progress(2, 3)
    Path(path).write_bytes(pdf)
    if on_progress:
        on_progress(3, 3)
    return _page_count(pdf)


def _page_count(pdf: bytes) -> int:
    """Pages of a PDF typst wrote (its page tree's /Count)."""
    import re

    found = re.search(rb"/Type\s*/Pages\s*/Count\s+(\d+)", pdf)
    return int(found.group(1)) if found else 0
