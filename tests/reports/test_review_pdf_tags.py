"""The published PDF's accessibility structure, read back with pikepdf: a PDF/UA-1 file with a
structure tree a screen reader can walk (headings in order, paragraphs, lists, tables with
header cells, the timeline as a figure with alternative text), its language and its title."""

import pikepdf
import pytest

from reports.review_pdf import write_review_pdf
from tests.reports.test_review_pdf import HEADINGS, overview_sections, review_document


def walk(node, found: list, depth: int = 0) -> None:
    kids = node.get("/K")
    for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
        if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
            found.append((str(kid.S)[1:], depth, kid))
            walk(kid, found, depth + 1)


@pytest.fixture(scope="module")
def tagged(tmp_path_factory):
    path = tmp_path_factory.mktemp("tags") / "overview.pdf"
    write_review_pdf(review_document(overview_sections()), path)
    pdf = pikepdf.open(path)
    found: list = []
    walk(pdf.Root.StructTreeRoot, found)
    return pdf, found


def test_a_pdf_ua_1_file_with_language_title_bar_and_marked_content(tagged):
    pdf, _ = tagged
    assert "/StructTreeRoot" in pdf.Root
    assert pdf.Root.MarkInfo.Marked is True
    assert str(pdf.Root.Lang) == "en-GB"
    assert pdf.Root.ViewerPreferences.DisplayDocTitle is True
    with pdf.open_metadata() as meta:
        assert meta.get("pdfuaid:part") == "1"
        assert meta.get("dc:title") == (
            "Overview Report: LCSPR-2024-03 Local child safeguarding practice review"
        )


def test_headings_are_tagged_h1_for_sections_and_h2_below_them_in_order(tagged):
    _, found = tagged
    levels = [int(kind[1]) for kind, _, _ in found if kind in ("H1", "H2", "H3")]
    # the contents page's heading, then the document's (the cover's title is tagged Title)
    expected = [1] + [level + 1 for level, _, _ in HEADINGS]
    assert levels == expected
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False))  # none skipped


def test_paragraphs_lists_and_tables_with_header_cells(tagged):
    _, found = tagged
    kinds = [kind for kind, _, _ in found]
    assert kinds.count("Title") == 1
    assert kinds.count("P") >= 12  # ten numbered paragraphs, the note, the appendix prose
    assert "L" in kinds and kinds.count("LI") >= 3 and "LBody" in kinds
    assert kinds.count("Table") == 2
    assert kinds.count("TH") == 3 + 2  # the chronology's and the glossary's header cells
    assert kinds.count("TD") >= 300 * 3
    assert "THead" in kinds and "TBody" in kinds


def test_the_timeline_is_a_figure_with_alternative_text(tagged):
    _, found = tagged
    figures = [el for kind, _, el in found if kind == "Figure"]
    assert len(figures) == 1
    alt = str(figures[0].Alt)
    assert alt.startswith("Timeline of 2,0") and "dated chronology entries from" in alt
    assert "Police" in alt and "Health visiting" in alt


def test_every_heading_is_bookmarked(tagged):
    pdf, _ = tagged
    with pdf.open_outline() as outline:
        titles = [item.title for item in outline.root]
    assert titles[0] == "1 Introduction" and titles[-1] == "Appendix B: Glossary"
