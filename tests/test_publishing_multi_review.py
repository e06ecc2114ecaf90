"""The outputs that draw on several reviews (the learning newsletter, the annual report extract
and the coding tables), in every format they are written in, read back byte by byte: nothing of
anyone in any of the reviews is left, whichever review's register holds them."""

import pytest

from app.annual_report import export_annual_report
from app.coding import export_coding
from app.documents import ensure_report, get_report
from app.edits import apply_fields
from app.newsletter import export_newsletter
from app.publishing.audience import set_audience
from app.publishing.pipeline import publish
from tests.publishing_multi_case import (
    B_TEXT,
    ORDINARY,
    add_chronology,
    add_meeting,
    build_multi_case,
    leaks,
)
from tests.publishing_world_case import read_everything

OUTPUTS = [
    ("newsletter-all", ".pdf"),
    ("newsletter-all", ".docx"),
    ("newsletter-all", ".html"),
    ("newsletter-B", ".pdf"),
    ("newsletter-B", ".docx"),
    ("newsletter-B", ".html"),
    ("annual", ".pdf"),
    ("annual", ".docx"),
    ("annual", ".html"),
    ("coding", ".xlsx"),
    ("coding", ".csv"),
    ("coding-panel", ".xlsx"),
    # One review's documents for publication: another review's register is read too, and the
    # documents without a release check remove names no register holds.
    ("B-overview", ".pdf"),
    ("B-overview", ".docx"),
    ("B-overview", ".html"),
    ("B-brief", ".html"),
    ("B-minutes", ".pdf"),
    ("B-minutes", ".docx"),
    ("B-minutes", ".html"),
    ("B-action_tracker", ".xlsx"),
    ("B-panel_tasks", ".xlsx"),
    ("B-chronology", ".xlsx"),
    ("B-chronology", ".pdf"),
    ("B-chronology", ".docx"),
    ("B-chronology", ".html"),
]


def _export(ctx, ids, what, path):
    if what == "newsletter-all":
        export_newsletter(ctx, [ids["A"], ids["B"], ids["C"]], path)
    elif what == "newsletter-B":
        export_newsletter(ctx, [ids["B"]], path)
    elif what == "annual":
        export_annual_report(ctx, 2025, path)
    elif what.startswith("coding"):
        export_coding(ctx, "panel" if what == "coding-panel" else "project", path)
    else:
        kind = what.split("-", 1)[1]
        meeting = add_meeting(ctx, ids["B"], B_TEXT + " " + ORDINARY)
        add_chronology(ctx, ids["B"], path.parent, B_TEXT + " " + ORDINARY)
        if kind in ("overview", "brief"):
            report = get_report(ctx, ensure_report(ctx, ids["B"], kind))
            for section in report.sections:
                if not section.generated:
                    apply_fields(
                        ctx, "report_section", section.id, {"text": B_TEXT + " " + ORDINARY}
                    )
        else:
            set_audience(ctx, ids["B"], kind, "publication")
        publish(ctx, kind, path, review_id=ids["B"], meeting_id=meeting)


@pytest.mark.parametrize(("what", "suffix"), OUTPUTS)
def test_nothing_of_anyone_in_any_review_is_left(ctx, tmp_path, what, suffix):
    ids = build_multi_case(ctx)
    path = tmp_path / f"{what}{suffix}"
    _export(ctx, ids, what, path)
    text = read_everything(path)
    assert leaks(text) == {}
    if what.startswith(("newsletter", "B-")) and suffix != ".xlsx":
        assert "Mr T" in text
        # The ordinary word that is also the child's name is kept in lower case.
        assert "summer holidays" in " ".join(text.split())
