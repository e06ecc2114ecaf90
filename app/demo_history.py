"""Past demonstration reviews (fictional), several years and types, concluded and coded, so
that the learning across reviews shows something true on a first run. The reviews are data in
resources/demo/history.json; years are counted back from today."""

import json
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from app.context import AppContext
from app.documents import ensure_report, get_report
from app.edits import apply_fields
from app.errors import NotFoundError
from app.findings import add_finding, set_themes
from app.imrs import add_agency, set_imr_status
from app.items import add_item
from app.review_corpus import set_review_themes
from app.reviews import create_review, delete_review, find_review_id
from app.timetable import checklist, link_conversion, mark_done
from resources import resource_path


@dataclass(frozen=True)
class PastReview:
    reference: str
    review_type: str
    title: str
    subject: str
    partnership: str
    years_ago: int  # the decision to review was this many years before today
    status: str
    themes: tuple[str, ...]
    agencies: tuple[dict, ...]  # name, sector, lessons, good_practice
    findings: tuple[dict, ...]  # kind, title, narrative, themes
    recommendations: tuple[dict, ...]  # addressee, text, actions, response, reason
    signed_off_after: int | None  # days after the decision; None: not yet
    background: str  # the learning brief's background: what a newsletter reader needs first


@cache
def _history() -> tuple[PastReview, ...]:
    data = json.loads(resource_path("demo", "history.json").read_text("utf-8"))
    return tuple(
        PastReview(
            **{
                **r,
                "themes": tuple(r["themes"]),
                "agencies": tuple(r["agencies"]),
                "findings": tuple(r["findings"]),
                "recommendations": tuple(r["recommendations"]),
            }
        )  # fmt: skip
        for r in data["reviews"]
    )


HISTORY = _history()


def _day(today: date, years_ago: int, days: int = 0) -> date:
    start = date(today.year - years_ago, 3, 1) if years_ago else today - timedelta(days=240)
    return start + timedelta(days=days)


def add_history(ctx: AppContext, settle: list[str] = ()) -> tuple[list[str], list[str]]:
    """Add the past reviews; returns (references added, references already there).

    ``settle``: other demo reviews just added, whose first national steps (telling the Panel,
    the Home Office, …) are recorded as done on time, as a live review's would be."""
    for reference in settle:
        _settle(ctx, find_review_id(ctx, reference), early_only=True)
    added, skipped = [], []
    ids: dict[str, int] = {}
    for spec in HISTORY:
        try:
            ids[spec.reference] = find_review_id(ctx, spec.reference)
            skipped.append(spec.reference)
            continue
        except NotFoundError:
            pass
        ids[spec.reference] = _add(ctx, spec)
        added.append(spec.reference)
    if "DEMO-RR-K" in added and "DEMO-LCSPR-K" in ids:
        link_conversion(ctx, ids["DEMO-RR-K"], ids["DEMO-LCSPR-K"])
    return added, skipped


def _add(ctx: AppContext, spec: PastReview) -> int:
    today = ctx.today()
    decision = _day(today, spec.years_ago, 30)
    signed = decision + timedelta(days=spec.signed_off_after) if spec.signed_off_after else None
    review_id = create_review(
        ctx,
        review_type=spec.review_type,
        reference=spec.reference,
        title=spec.title,
        subject_pseudonym=spec.subject,
        partnership=spec.partnership,
        protective_marking="OFFICIAL",
        status=spec.status,
        incident_date=_day(today, spec.years_ago),
        aware_date=_day(today, spec.years_ago, 2),
        notification_date=_day(today, spec.years_ago, 5),
        decision_date=decision,
        sign_off_date=signed,
        publication_date=signed + timedelta(days=30) if signed else None,
    )
    try:
        _fill(ctx, review_id, spec, decision)
    except Exception:
        delete_review(ctx, review_id)  # never a half-built review
        raise
    return review_id


def _fill(ctx: AppContext, review_id: int, spec: PastReview, decision: date) -> None:
    set_review_themes(ctx, review_id, list(spec.themes))
    if spec.background:
        report = get_report(ctx, ensure_report(ctx, review_id, "brief"))
        section = next(s for s in report.sections if s.title == "Background")
        apply_fields(ctx, "report_section", section.id, {"text": spec.background})
    for agency in spec.agencies:
        imr_id = add_agency(ctx, review_id, agency["name"], agency["sector"])
        for step, offset in (("requested", 7), ("received", 60), ("accepted", 90)):
            set_imr_status(ctx, imr_id, step, on=decision + timedelta(days=offset))
        values = {k: agency[k] for k in ("lessons", "good_practice") if agency[k]}
        apply_fields(ctx, "imr", imr_id, {**values, "date_due": decision + timedelta(days=56)})
    for finding in spec.findings:
        finding_id = add_finding(ctx, review_id, finding["title"], finding["kind"])
        apply_fields(
            ctx,
            "finding",
            finding_id,
            {"narrative": finding["narrative"], "status": "agreed",
             "agreed_on": decision + timedelta(days=150), "agreed_at": "Panel meeting"},
        )  # fmt: skip
        set_themes(ctx, finding_id, list(finding["themes"]))
    for rec in spec.recommendations:
        rec_id = add_item(ctx, "review_recommendation", review_id, {"text": rec["text"]})
        apply_fields(
            ctx,
            "recommendation",
            rec_id,
            {"addressee": rec["addressee"], "board_response": rec["response"],
             "response_reason": rec["reason"]},
        )  # fmt: skip
        for a in rec["actions"]:
            done = decision + timedelta(days=320)
            add_item(
                ctx,
                "action",
                rec_id,
                {"action": a["action"], "lead_agency": a["agency"], "status": a["status"],
                 "target_date": decision + timedelta(days=365),
                 "completion_date": done if a["status"] == "complete" else None,
                 "evidence": a["evidence"], "not_accepted_reason": a["reason"]},
            )  # fmt: skip
    # The past reviews met their national steps on time; the one still under way has met
    # those of its start, and its report is late (as many are).
    _settle(ctx, review_id, early_only=not spec.signed_off_after)


def _settle(ctx: AppContext, review_id: int, early_only: bool) -> None:
    for item in checklist(ctx, review_id):
        early = item.rule.anchor in ("aware", "notification", "decision") and not item.rule.months
        if item.done_on is None and item.due is not None and item.due <= ctx.today():
            if early or not early_only:
                mark_done(ctx, review_id, item.rule.key, item.due)
