"""The review's documents: templates, sections, versions, and the data handed to the writer."""

import json
import re

import pytest

from app.actions import list_recommendations
from app.chronology.importer import import_chronology
from app.documents import (
    build_document,
    ensure_report,
    export_document,
    get_report,
    new_draft,
    paragraphs_of,
    template,
)
from app.edits import apply_fields
from app.errors import UserError, ValidationError
from app.findings import add_finding
from app.items import add_item, move_item
from app.publishing.audience import set_audience
from app.reviews import create_review
from reports.review_document_data import Callout, Note, Paragraphs, Subheading, Table
from resources import resource_path
from tests.test_chronology_import import SAMPLES


@pytest.fixture
def review_id(ctx):
    review_id = create_review(
        ctx,
        review_type="lcspr",
        reference="LCSPR-2026-30",
        title="Child N",
        subject_pseudonym="Child N",
        lines_of_enquiry=["How was information shared?"],
    )
    add_item(
        ctx,
        "panel_member",
        review_id,
        {"name": "Siobhán Ní Bhriain", "role": "overview_author", "organisation": "Independent"},
    )
    return review_id


@pytest.mark.parametrize("kind", ["overview", "summary", "brief"])
def test_a_document_starts_from_its_template(ctx, review_id, kind):
    spec = json.loads(resource_path("templates", f"{kind}.json").read_text(encoding="utf-8"))
    report = get_report(ctx, ensure_report(ctx, review_id, kind))
    assert [s.title for s in report.sections] == [s["title"] for s in spec["sections"]]
    assert report.version_label == "Draft 1"
    assert ensure_report(ctx, review_id, kind) == report.id  # one per kind


def test_unknown_kind_is_refused(ctx, review_id):
    with pytest.raises(ValidationError):
        template("memo")


def test_narrative_paragraphs_and_section_edits(ctx, review_id):
    report = get_report(ctx, ensure_report(ctx, review_id, "summary"))
    intro = report.sections[0]
    apply_fields(
        ctx,
        "report_section",
        intro.id,
        {"text": "First paragraph\nwith a line break.\n\n\nSecond <b>paragraph</b>."},
    )
    apply_fields(ctx, "report_section", report.sections[1].id, {"included": False})
    move_item(ctx, "report_section", report.sections[3].id, 1)
    doc = build_document(ctx, report.id)
    assert doc.sections[0].title == report.sections[3].title
    assert report.sections[1].title not in [s.title for s in doc.sections]
    intro_doc = next(s for s in doc.sections if s.title == intro.title)
    assert intro_doc.blocks[0] == (
        Paragraphs(("First paragraph\nwith a line break.", "Second <b>paragraph</b>."))
    )
    # The Executive Summary's introduction goes on to list the agencies that provided IMRs.
    assert intro_doc.blocks[1].text.startswith("No agency has provided")
    assert paragraphs_of("  \n\n") == ()


def test_generated_parts_come_from_the_review(ctx, review_id):
    import_chronology(ctx, review_id, "Police", SAMPLES / "police_chronology.xlsx")
    finding = add_finding(ctx, review_id, "Nobody asked who else lived there")
    apply_fields(ctx, "finding", finding, {"narrative": "One.\n\nTwo."})
    good = add_finding(ctx, review_id, "Persistent health visiting", "good_practice")
    rec = add_item(ctx, "review_recommendation", review_id, {"text": "All agencies should ask."})
    apply_fields(ctx, "recommendation", rec, {"addressee": "All agencies"})
    add_item(ctx, "action", rec, {"action": "Change the form", "lead_agency": "Police"})
    report_id = ensure_report(ctx, review_id, "overview")
    doc = build_document(ctx, report_id)
    by_title = {s.title: s for s in doc.sections}

    assert doc.author == "Siobhán Ní Bhriain" and doc.draft and doc.version_label == "Draft 1"
    findings = by_title["Findings"].blocks
    assert findings[0] == Subheading(
        "Finding 1: Nobody asked who else lived there (not yet agreed by the panel)"
    )
    assert findings[1] == Paragraphs(("One.", "Two."))
    assert "Persistent health visiting (not yet" in by_title["Good practice"].blocks[0].text
    assert good
    [recs] = by_title["Recommendations"].blocks
    assert recs.rows == (("1", "All agencies should ask.", "All agencies"),)
    assert isinstance(
        by_title["Recommendations from Individual Management Reviews"].blocks[0], Note
    )
    chronology = by_title["Integrated chronology"].blocks
    assert isinstance(chronology[-1], Table) and len(chronology[-1].rows) == 120
    glossary = by_title["Glossary"].blocks[0]
    assert (
        "IMR",
        "Individual Management Review, each agency's own critical account of its involvement",
    ) in glossary.rows
    assert by_title["Action plan"].appendix
    assert type(by_title["Timeline of agencies' involvement"].blocks[0]).__name__ == "Timeline"


def test_chronology_appendix_limit(ctx, review_id):
    import_chronology(ctx, review_id, "Police", SAMPLES / "police_chronology.xlsx")
    report = get_report(ctx, ensure_report(ctx, review_id, "overview"))
    section = next(s for s in report.sections if s.source == "chronology")
    with ctx.session() as session:
        from db.report_models import ReportSection

        session.get(ReportSection, section.id).options = json.dumps({"limit": 50})
    blocks = next(
        s for s in build_document(ctx, report.id).sections if s.title == section.title
    ).blocks
    assert "first 50 of 120" in blocks[0].text and len(blocks[1].rows) == 50


def test_final_freezes_numbers_and_new_draft_follows(ctx, review_id, tmp_path):
    first = add_item(ctx, "review_recommendation", review_id, {"text": "A"})
    second = add_item(ctx, "review_recommendation", review_id, {"text": "B"})
    report_id = ensure_report(ctx, review_id, "overview")
    set_audience(ctx, review_id, "overview", "internal")  # no release check for internal use
    export_document(ctx, review_id, "overview", tmp_path / "final.pdf", final=True)
    final = get_report(ctx, report_id)
    assert final.final and final.version_label == "Final" and final.finalised_on == ctx.today()
    assert not build_document(ctx, report_id).draft
    move_item(ctx, "review_recommendation", second, 1)
    numbers = {r.id: r.number for r in list_recommendations(ctx, review_id)}
    assert numbers == {first: "1", second: "2"}  # the printed numbers stay true
    assert new_draft(ctx, report_id) == 2
    again = get_report(ctx, report_id)
    assert again.version_label == "Draft 2" and not again.final
    assert build_document(ctx, report_id).date_label.endswith(f"{ctx.today():%B %Y}")


def test_overview_exported_from_a_store_reads_back(ctx, review_id, tmp_path, capsys):
    from pypdf import PdfReader

    from app.cli import main

    import_chronology(ctx, review_id, "Police", SAMPLES / "police_chronology.xlsx")
    finding = add_finding(ctx, review_id, "Mum & dad <fight> was not explored")
    apply_fields(ctx, "finding", finding, {"narrative": "Zoë and Łukasz said so.\n\nSecond."})
    set_audience(ctx, review_id, "overview", "internal")  # marked, with the review's names
    db = ctx.store.address
    ctx.store.close()  # the command opens the store itself
    draft, final = tmp_path / "draft.pdf", tmp_path / "final.pdf"
    assert (
        main(["export", "overview", "--db", str(db), "--review", "LCSPR-2026-30", "-o", str(draft)])
        == 0
    )
    assert (
        main(
            [
                "export",
                "summary",
                "--db",
                str(db),
                "--review",
                "LCSPR-2026-30",
                "-o",
                str(final),
                "--final",
            ]
        )
        == 3  # the release check blocks: nothing has been written yet
    )
    assert not final.exists()
    capsys.readouterr()

    pages = [p.extract_text() for p in PdfReader(draft).pages]
    text = "\n".join(pages)
    assert f"Page 1 of {len(pages)}" in pages[0]
    assert all("OFFICIAL-SENSITIVE" in p and "DRAFT" in p for p in pages)
    assert "Mum & dad <fight> was not explored" in text and "Zoë and Łukasz" in text
    spec = json.loads(resource_path("templates", "overview.json").read_text(encoding="utf-8"))
    body = " ".join(" ".join(pages[2:]).split())  # after the cover and the contents page
    positions = [body.find(" ".join(s["title"].split())) for s in spec["sections"]]
    assert -1 not in positions and positions == sorted(positions)
    outline = [o.title for o in PdfReader(draft).outline if not isinstance(o, list)]
    assert outline[0].endswith(spec["sections"][0]["title"])


def test_chronology_appendix_numbers_entries_and_shows_exact_dates_in_one_format(ctx, review_id):
    import_chronology(ctx, review_id, "Police", SAMPLES / "police_chronology.xlsx")
    doc = build_document(ctx, ensure_report(ctx, review_id, "overview"))
    [table] = [b for s in doc.sections if s.title == "Integrated chronology" for b in s.blocks]
    assert table.columns[:2] == ("No.", "Date")
    assert [row[0] for row in table.rows[:3]] == ["1", "2", "3"]
    exact = [row[1] for row in table.rows if re.fullmatch(r"\d{1,2}\xa0\w{3}\xa0\d{4}", row[1])]
    assert len(exact) > 50  # one format, its spaces unbreakable
    assert not any(re.fullmatch(r"\d+/\d+/\d+", row[1]) for row in table.rows)


def test_the_chronology_appendix_leaves_out_an_outcome_column_no_entry_fills(ctx, review_id):
    import_chronology(ctx, review_id, "Health", SAMPLES / "health_chronology.xlsx")
    doc = build_document(ctx, ensure_report(ctx, review_id, "overview"))
    [table] = [b for s in doc.sections if s.title == "Integrated chronology" for b in s.blocks]
    assert table.columns == ("No.", "Date", "Agency", "Event") and len(table.widths) == 4
    assert {len(row) for row in table.rows} == {4}
    # One agency's outcomes are enough to keep the column for every row.
    import_chronology(ctx, review_id, "Police", SAMPLES / "police_chronology.xlsx")
    doc = build_document(ctx, ensure_report(ctx, review_id, "overview"))
    [table] = [b for s in doc.sections if s.title == "Integrated chronology" for b in s.blocks]
    assert table.columns[-1] == "Outcome" and {len(row) for row in table.rows} == {5}
    assert any(row[-1] for row in table.rows) and not all(row[-1] for row in table.rows)


def test_a_brief_gives_learning_points_their_text_and_sets_practice_apart(ctx, review_id):
    point = add_finding(ctx, review_id, "Ask who lives in the house", "learning_point")
    apply_fields(ctx, "finding", point, {"narrative": "Nobody asked.\n\nA second paragraph."})
    report = get_report(ctx, ensure_report(ctx, review_id, "brief"))
    practice_section = next(s for s in report.sections if s.options.get("callout"))
    apply_fields(ctx, "report_section", practice_section.id, {"text": "Ask who else lives there."})
    doc = build_document(ctx, report.id)
    by_title = {s.title: s for s in doc.sections}
    [points] = by_title["Learning points"].blocks
    assert points.items == ("Nobody asked.",)  # a draft says it is not agreed yet
    assert points.lead == ("Ask who lives in the house (not yet agreed by the panel)",)
    [practice] = by_title["What this means for your practice"].blocks
    assert isinstance(practice, Callout) and practice.texts == ("Ask who else lives there.",)


@pytest.mark.parametrize("suffix", [".pdf", ".docx", ".html"])
def test_every_document_is_written_in_the_format_its_suffix_names(ctx, review_id, tmp_path, suffix):
    target = tmp_path / f"summary{suffix}"
    pages = export_document(ctx, review_id, "summary", target).pages
    data = target.read_bytes()
    assert data.startswith({".pdf": b"%PDF", ".docx": b"PK", ".html": b"<!DOCTYPE html>"}[suffix])
    assert (pages > 1) if suffix == ".pdf" else pages is None
    assert not list(tmp_path.glob("*.part"))


def test_an_unknown_suffix_is_refused_in_plain_words_and_nothing_is_written(
    ctx, review_id, tmp_path
):
    with pytest.raises(UserError, match=r"\.docx or \.html or \.pdf, not as '\.odt'"):
        export_document(ctx, review_id, "overview", tmp_path / "overview.odt")
    assert not list(tmp_path.glob("overview*"))
