"""The Overview Report's glossary explains every known abbreviation its text uses."""

from app.documents import build_document, ensure_report, get_report
from app.edits import apply_fields
from app.glossary_terms import missing_terms
from app.reviews import create_review
from reports.review_document_data import Table


def test_abbreviations_the_text_uses_join_the_glossary_in_order(ctx):
    review_id = create_review(
        ctx, review_type="lcspr", reference="LCSPR-2026-41", title="Child R", lines_of_enquiry=[]
    )
    report = get_report(ctx, ensure_report(ctx, review_id, "overview"))
    intro = report.sections[0]
    text = "The DSL rang the MASH twice.\n- a referral to CAMHS was refused\n- the GPs were told"
    apply_fields(ctx, "report_section", intro.id, {"text": text})
    doc = build_document(ctx, report.id)
    [table] = [b for s in doc.sections if s.title == "Glossary" for b in s.blocks]
    assert isinstance(table, Table)
    terms = [row[0] for row in table.rows]
    assert terms == sorted(terms, key=str.upper)
    assert {"DSL", "CAMHS", "GP", "MASH", "IMR", "LCSPR"} <= set(terms)
    assert terms.count("MASH") == 1  # the template's own definition is kept, not repeated
    assert ("DSL", "Designated Safeguarding Lead") in table.rows


def test_only_known_abbreviations_written_as_capitals_count():
    texts = ["Dsl and mash in lower case; XYZ unknown; A&E visit; MARACs held"]
    assert missing_terms(texts, ["marac"]) == [("A&E", "Accident and Emergency department")]
