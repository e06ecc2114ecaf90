"""Learning across reviews: the overview, repeated learning, search, national coding."""

import csv

import pytest
from openpyxl import load_workbook

from app.coding import codes_for, export_coding, schemes, unmapped_themes
from app.demo import add_demo_reviews
from app.errors import UserError, ValidationError
from app.learning import learning_overview, search_reviews, similar_findings
from app.text_match import SimilarityIndex, stem, words
from app.vocab import DEFAULT_THEMES
from tests.learning_support import FATHERS, three_reviews


def test_overview_counts_themes_by_year_type_and_agency(ctx):
    three_reviews(ctx)
    overview = learning_overview(ctx)
    assert overview.years == (2019, 2022, 2025)
    assert overview.themes_by_year[FATHERS] == {2019: 1, 2025: 1}
    assert overview.theme_totals[FATHERS] == 2
    # The review's own theme counts as well as its findings' themes.
    assert overview.themes_by_year["Vulnerability of babies"] == {2019: 1}
    assert overview.types_by_year == {"LCSPR": {2025: 1}, "SAR": {2022: 1}, "SCR": {2019: 1}}
    assert overview.agencies == {"Police": 1}
    assert overview.recommendations_by_agency == {"Testshire Police": 1}
    narrowed = learning_overview(ctx, 2020, 2023)
    assert [d.reference for d in narrowed.reviews] == ["SAR-MID"]
    with pytest.raises(ValidationError):
        learning_overview(ctx, 2024, 2020)


def test_repeated_learning_points_back_to_earlier_reviews_only(ctx):
    ids = three_reviews(ctx)
    matches = similar_findings(ctx, ids["new"])
    assert [(m.finding.title, m.earlier_review) for m in matches] == [
        ("Child Z's father was never involved", "SCR-OLD")
    ]
    assert matches[0].shared_themes == (FATHERS,)
    # Nothing earlier than the oldest review; good practice is never "repeated learning".
    assert similar_findings(ctx, ids["old"]) == []


def test_search_finds_findings_imr_lessons_recommendations_and_chronology(ctx):
    from app.chronology.entries import add_entry

    ids = three_reviews(ctx)
    agency = add_agency_id(ctx, ids["new"])
    add_entry(ctx, ids["new"], agency, {"date": "03/04/2024", "event": "Father seen at home"})
    hits = search_reviews(ctx, "father")
    kinds = {(h.review, h.kind) for h in hits}
    assert ("LCSPR-NEW", "Finding") in kinds and ("LCSPR-NEW", "Chronology") in kinds
    assert {h.kind for h in search_reviews(ctx, "every adult present")} >= {"IMR lessons"}
    assert search_reviews(ctx, "record adults domestic")[0].kind in (
        "Recommendation",
        "IMR lessons",
    )
    assert search_reviews(ctx, "zebra crossing") == []
    from app.edits import apply_fields
    from app.imrs import add_agency

    housing = add_agency(ctx, ids["sar"], "Testshire Homes", "housing")
    apply_fields(ctx, "imr", housing, {"analysis": "Tenancy visits stopped after the fire."})
    [hit] = search_reviews(ctx, "tenancy visits")
    assert (hit.review, hit.kind, hit.label) == ("SAR-MID", "IMR analysis", "Testshire Homes")
    with pytest.raises(ValidationError):
        search_reviews(ctx, "  the  ")


def add_agency_id(ctx, review_id) -> int:
    from app.imrs import add_agency, find_agency

    add_agency(ctx, review_id, "Testshire Health", "health")
    return find_agency(ctx, review_id, "Testshire Health")


def test_text_matching_folds_forms_of_a_word():
    assert stem("sharing") == stem("shared") == stem("share")
    assert "father" in words("Dad was not seen")
    index = SimilarityIndex(
        ["Information was shared but not followed through", "The baby was bruised"],
    )
    assert index.score(0, 0) == pytest.approx(1.0)
    assert index.score(0, 1) < 0.1


def test_every_code_in_the_crosswalk_belongs_to_its_scheme():
    found = schemes()
    assert set(found) == {"project", "panel", "dhr", "nhse"}
    for scheme in ("panel", "dhr", "nhse"):
        for theme in DEFAULT_THEMES:
            assert set(codes_for([theme], scheme)) <= set(found[scheme].codes)
    # Every default theme reaches the NHS tracker; the gaps elsewhere are known, not hidden.
    assert unmapped_themes("nhse") == []
    assert set(unmapped_themes("panel")) == {"Mental capacity", "Self-neglect"}
    assert codes_for([FATHERS], "panel") == (
        "Working with families, including fathers and male carers",
    )


def test_coding_exports_per_scheme_read_back(ctx, tmp_path):
    three_reviews(ctx)
    rows = export_coding(ctx, "panel", tmp_path / "panel.xlsx")
    sheet = load_workbook(tmp_path / "panel.xlsx").active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[1][-1].startswith("Child Safeguarding Practice Review Panel")
    assert len(values) == rows + 2
    coded = {(r[0], r[5]): r[7] for r in values[2:]}
    assert coded[("LCSPR-NEW", "Child Z's father was never involved")] == (
        "Working with families, including fathers and male carers"
    )
    export_coding(ctx, "nhse", tmp_path / "nhse.csv")
    with (tmp_path / "nhse.csv").open(encoding="utf-8-sig") as handle:
        table = list(csv.reader(handle))
    assert ("SAR-MID", "Mental capacity and consent; Neglect and self-neglect") in {
        (r[0], r[7]) for r in table[1:] if r[3] == "Finding"
    }
    with pytest.raises(UserError, match=r"\.xlsx or \.csv|\.csv or \.xlsx"):
        export_coding(ctx, "panel", tmp_path / "panel.pdf")


def test_the_demo_shows_learning_across_years_and_types(ctx):
    add_demo_reviews(ctx)
    overview = learning_overview(ctx)
    assert len(overview.years) >= 6
    assert len(overview.types_by_year) >= 6
    pairs = {(m.review, m.earlier_review) for m in overview.repeated}
    assert ("DEMO-DARDR-G", "DEMO-DHR-E") in pairs  # the same risk learning, four years on
    assert ("DEMO-LR-ABC", "DEMO-SCR-M") in pairs  # information passed on, not followed up
    assert all(
        m.earlier_year <= next(d.year for d in overview.reviews if d.reference == m.review)
        for m in overview.repeated
    )


def test_a_rapid_review_and_the_local_review_it_became_are_one_case(ctx):
    from datetime import date

    from app.reviews import create_review
    from app.timetable import link_conversion
    from tests.learning_support import finding

    ids = three_reviews(ctx)
    rapid = create_review(
        ctx, review_type="rapid", reference="RR-Z", title="Child Z",
        notification_date=date(2025, 1, 10),
    )  # fmt: skip
    finding(ctx, rapid, "Child Z's father was not involved",
            "Professionals worked only with the mother; the father was never assessed.",
            [FATHERS])  # fmt: skip
    earlier = {m.earlier_review for m in similar_findings(ctx, ids["new"])}
    assert earlier == {"SCR-OLD", "RR-Z"}
    link_conversion(ctx, rapid, ids["new"])
    assert {m.earlier_review for m in similar_findings(ctx, ids["new"])} == {"SCR-OLD"}
