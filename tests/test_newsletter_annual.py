"""The multi-case newsletter and the board's annual report extract, read back from PDF."""

from datetime import date

import pytest
from pypdf import PdfReader

from app.annual_report import FinancialYear, build_annual_report, export_annual_report
from app.document_parts import items_of
from app.documents import ensure_report, get_report
from app.edits import apply_fields
from app.errors import UserError, ValidationError
from app.items import add_item
from app.newsletter import build_newsletter, export_newsletter
from reports.review_document_data import Bullets, Paragraphs, Subheading, Table
from tests.learning_support import three_reviews


def _text(path) -> str:
    return " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(path).pages)


def _blocks(section, kind):
    return [b for b in section.blocks if isinstance(b, kind)]


def test_newsletter_has_a_section_per_case_in_the_reference_shape(ctx):
    ids = three_reviews(ctx)
    doc = build_newsletter(ctx, [ids["old"], ids["new"]])
    assert doc.kind == "newsletter" and not doc.contents
    assert [s.title for s in doc.sections] == ["About this newsletter", "Baby Q", "Child Z"]
    baby = doc.sections[1]
    headings = [b.text for b in _blocks(baby, Subheading)]
    assert headings == [
        "Summary of the key learning",
        "Lessons the agencies drew for themselves",
        "Good practice and learning points by theme",
        "Key actions and recommendations",
    ]
    [table] = _blocks(baby, Table)
    assert table.columns == ("Theme", "Good practice", "Learning points")
    assert table.rows[0][1] == "Staff shared a clear plan"
    assert "invisible" in table.rows[0][2]
    recs = _blocks(baby, Paragraphs)[-1].texts
    assert recs == ("Testshire Police: Record all adults at domestic calls.",)
    assert any("Testshire Police:" in i for b in _blocks(baby, Bullets) for i in b.items)


def test_newsletter_pdf_reads_back_and_names_no_one(ctx, tmp_path):
    ids = three_reviews(ctx)
    add_item(ctx, "panel_member", ids["old"], {"name": "Siân Prydderch", "role": "chair"})
    target = tmp_path / "news.pdf"
    pages = export_newsletter(ctx, [ids["old"], ids["sar"], ids["new"]], target)
    text = _text(target)
    assert pages == len(PdfReader(target).pages) >= 2
    for expected in ("Baby Q", "Mr V", "Child Z", "Capacity was assumed rather than assessed"):
        assert expected in text
    assert "Siân" not in text and "Prydderch" not in text


def test_newsletter_refuses_what_it_cannot_write_and_keeps_the_old_file(ctx, tmp_path):
    ids = three_reviews(ctx)
    with pytest.raises(ValidationError):
        build_newsletter(ctx, [])
    old = tmp_path / "news.odt"
    old.write_bytes(b"earlier")
    with pytest.raises(UserError, match="can be written as"):
        export_newsletter(ctx, [ids["old"]], old)
    assert old.read_bytes() == b"earlier"
    assert not list(tmp_path.glob("*.part"))


def test_financial_year():
    fy = FinancialYear.starting(2022)
    assert (fy.start, fy.end, fy.label) == (date(2022, 4, 1), date(2023, 3, 31), "2022/23")
    with pytest.raises(ValidationError):
        FinancialYear.starting(22)


def test_sab_extract_holds_the_care_act_schedule_2_content(ctx, tmp_path):
    """Care Act 2014 Sch 2 para 4(1)(d)-(g)."""
    three_reviews(ctx)
    doc = build_annual_report(ctx, 2022, board="adults")
    titles = [s.title for s in doc.sections]
    assert titles == [
        "About this extract",
        "Safeguarding adults reviews concluded in the year",
        "Safeguarding adults reviews ongoing at the end of the year",
        "What the board did to implement the findings",
        "Decisions not to implement a finding, and the reasons",
    ]
    concluded = doc.sections[1]
    assert any("SAR-MID" in b.text for b in _blocks(concluded, Subheading))
    [findings] = _blocks(concluded, Bullets)
    assert findings.items == ("Capacity was assumed rather than assessed",)
    [done] = _blocks(doc.sections[3], Table)
    assert done.rows[0][2] == "Publish the procedure" and done.rows[0][-1].startswith("Launched")
    [refused] = _blocks(doc.sections[4], Table)
    assert refused.rows[0][-1] == "An audit ran in 2021."
    # A year before it concluded, the same review is ongoing instead.
    earlier = build_annual_report(ctx, 2021, board="adults")
    assert "SAR-MID" in [r[0] for r in _blocks(earlier.sections[2], Table)[0].rows]
    target = tmp_path / "annual.pdf"
    export_annual_report(ctx, 2022, target)
    text = _text(target)
    assert "Schedule 2" in text and "An audit ran in 2021." in text
    assert "Progress on actions from reviews" in text


def test_children_extract_counts_action_progress(ctx):
    ids = three_reviews(ctx)
    rec = add_item(ctx, "review_recommendation", ids["new"], {"text": "Involve fathers"})
    add_item(ctx, "action", rec, {"action": "Briefing", "target_date": date(2026, 1, 5)})
    add_item(
        ctx,
        "action",
        rec,
        {"action": "Audit", "status": "not_accepted", "not_accepted_reason": "Done in 2024"},
    )
    doc = build_annual_report(ctx, 2025, board="children")
    progress = next(s for s in doc.sections if s.title == "Progress on actions from reviews")
    [table] = _blocks(progress, Table)
    assert table.rows == (("LCSPR-NEW", "LCSPR", "2", "0", "1", "0", "1", "1"),)
    refused = next(s for s in doc.sections if s.title.startswith("Recommendations and actions"))
    assert _blocks(refused, Table)[0].rows[0][-1] == "Done in 2024"
    with pytest.raises(ValidationError):
        build_annual_report(ctx, 2025, board="parish")


def test_items_of_keeps_sentences_broken_across_lines_whole():
    pasted = (
        "Baby Q lived with her mother and her mother's\n"
        "partner in a privately rented flat.\n"
        "She was known to the health visiting service\r\n"
        "from birth.\n\n"
        "- Police attended twice\n"
        "- Housing moved the family\n"
        "in the spring\n"
        "1) Children's social care assessed once"
    )
    assert items_of(pasted) == (
        "Baby Q lived with her mother and her mother's partner in a privately rented flat.",
        "She was known to the health visiting service from birth.",
        "Police attended twice",
        "Housing moved the family in the spring",
        "Children's social care assessed once",
    )


def test_newsletter_background_is_one_item_per_sentence_not_per_line(ctx):
    ids = three_reviews(ctx)
    report = get_report(ctx, ensure_report(ctx, ids["old"], "brief"))
    section = next(s for s in report.sections if s.title == "Background")
    apply_fields(
        ctx,
        "report_section",
        section.id,
        {
            "text": "Baby Q was six weeks old when she was\nadmitted to hospital.\nHer father "
            "had left the home."
        },  # fmt: skip
    )
    doc = build_newsletter(ctx, [ids["old"]])
    background = _blocks(doc.sections[1], Bullets)[0].items
    assert background == (
        "Baby Q was six weeks old when she was admitted to hospital.",
        "Her father had left the home.",
    )
