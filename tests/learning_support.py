"""A small store of three reviews over three years, for the learning-across-reviews tests."""

from datetime import date

from app.context import AppContext
from app.edits import apply_fields
from app.findings import add_finding, set_themes
from app.imrs import add_agency
from app.items import add_item
from app.review_corpus import set_review_themes
from app.reviews import create_review

FATHERS = "Whole-family approach / 'invisible men'"


def finding(ctx, review_id, title, narrative, themes, kind="finding") -> int:
    fid = add_finding(ctx, review_id, title, kind)
    apply_fields(ctx, "finding", fid, {"narrative": narrative})
    set_themes(ctx, fid, themes)
    return fid


def three_reviews(ctx: AppContext) -> dict[str, int]:
    old = create_review(
        ctx,
        review_type="scr",
        reference="SCR-OLD",
        title="Baby Q",
        subject_pseudonym="Baby Q",
        partnership="Testshire Safeguarding Children Partnership",
        decision_date=date(2019, 5, 1),
        sign_off_date=date(2019, 11, 1),
        status="published",
    )
    set_review_themes(ctx, old, ["Vulnerability of babies"])
    finding(
        ctx, old, "The mother's partner was invisible to professionals",
        "No agency found out who the men in the household were; the partner was never "
        "assessed although he cared for the baby.", [FATHERS],
    )  # fmt: skip
    finding(ctx, old, "Staff shared a clear plan", "Good joint working.", [FATHERS],
            kind="good_practice")  # fmt: skip
    police = add_agency(ctx, old, "Testshire Police", "police")
    apply_fields(ctx, "imr", police, {"lessons": "Officers should record every adult present."})
    add_item(ctx, "recommendation", police, {"text": "Record all adults at domestic calls."})

    sar = create_review(
        ctx,
        review_type="sar",
        reference="SAR-MID",
        title="Mr V",
        subject_pseudonym="Mr V",
        decision_date=date(2022, 2, 1),
        sign_off_date=date(2022, 9, 30),
        status="published",
    )
    finding(
        ctx, sar, "Capacity was assumed rather than assessed",
        "His refusals were accepted without a capacity assessment.",
        ["Mental capacity", "Self-neglect"],
    )  # fmt: skip
    rec = add_item(ctx, "review_recommendation", sar, {"text": "Audit capacity assessments"})
    apply_fields(
        ctx,
        "recommendation",
        rec,
        {"board_response": "not_accepted", "response_reason": "An audit ran in 2021."},
    )
    rec2 = add_item(ctx, "review_recommendation", sar, {"text": "Self-neglect procedure"})
    add_item(
        ctx,
        "action",
        rec2,
        {"action": "Publish the procedure", "lead_agency": "Board", "status": "complete",
         "completion_date": date(2022, 12, 1), "evidence": "Launched to 300 staff"},
    )  # fmt: skip

    new = create_review(
        ctx,
        review_type="lcspr",
        reference="LCSPR-NEW",
        title="Child Z",
        subject_pseudonym="Child Z",
        decision_date=date(2025, 3, 1),
    )
    finding(
        ctx, new, "Child Z's father was never involved",
        "Professionals worked only with the mother; the father and her partner were invisible "
        "to services and never assessed.", [FATHERS],
    )  # fmt: skip
    finding(
        ctx, new, "School attendance fell without anyone asking why",
        "Attendance dropped to sixty per cent over a term.",
        ["Children missing from home or education"],
    )  # fmt: skip
    return {"old": old, "sar": sar, "new": new}
