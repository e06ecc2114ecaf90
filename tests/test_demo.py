"""The demonstration reviews, built through the real services into a real store."""

import re
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

import app.demo as demo
from app.audit_log import list_audit
from app.context import AppContext
from app.demo import DEMO_REVIEWS, add_demo_reviews
from app.demo_history import HISTORY
from app.imrs import get_imr
from app.reviews import create_review, find_review_id, get_review, list_reviews
from app.vocab import IMR_STATUSES, PANEL_ROLES
from db.store import check_store, open_store

TODAY = date(2025, 3, 14)
REFERENCES = [spec.reference for spec in DEMO_REVIEWS] + [s.reference for s in HISTORY]


@pytest.fixture
def store(tmp_path):
    store = open_store(tmp_path / "s.db")
    yield store
    store.close()


@pytest.fixture
def ctx(store):
    return AppContext(store, "tester", today_override=TODAY)


def _review(ctx, reference):
    return get_review(ctx, find_review_id(ctx, reference))


def _all_imrs(ctx):
    """(review, IMR detail) for every IMR in the store."""
    return [
        (review, get_imr(ctx, summary.imr_id))
        for r in list_reviews(ctx)
        for review in [get_review(ctx, r.id)]
        for summary in review.imrs
    ]


def test_adds_the_demo_reviews(ctx):
    added, skipped = add_demo_reviews(ctx)
    assert len(added) >= 3
    assert added == REFERENCES
    assert skipped == []
    assert sorted(r.reference for r in list_reviews(ctx)) == sorted(REFERENCES)
    types = {r.review_type for r in list_reviews(ctx)}
    assert {"lcspr", "audit"} <= types


def test_toddler_review(ctx):
    add_demo_reviews(ctx)
    review = _review(ctx, "DEMO-LCSPR-L")
    assert review.review_type == "lcspr"
    assert review.subject_pseudonym == "Child L"
    assert len(review.imrs) == 9
    assert 5 <= len(review.lines_of_enquiry) <= 7
    assert 6 <= len(review.panel) <= 8
    assert {m.role for m in review.panel} == set(PANEL_ROLES)
    # One review alone shows every step of the IMR workflow.
    assert {i.status for i in review.imrs} == set(IMR_STATUSES)
    assert {i.sector for i in review.imrs} >= {
        "police",
        "health",
        "childrens_social_care",
        "education",
        "housing",
    }
    waiting = [i for i in review.imrs if i.status == "requested"]
    assert any(i.overdue for i in waiting)
    assert any(i.date_due > TODAY for i in waiting)
    for summary in review.imrs:
        imr = get_imr(ctx, summary.imr_id)
        if summary.status in {"received", "under_challenge", "accepted"}:
            assert 2 <= summary.recommendations <= 4
            for key, text in imr.sections.items():
                assert text.count(". ") >= 1, f"{summary.agency}: {key} is too thin"
                assert "  " not in text and "\n" not in text
        if summary.status == "under_challenge":
            assert summary.open_challenges >= 1
            assert any(not c.open for c in imr.challenges)
        if summary.status == "not_required":
            assert imr.not_required_reason
        if summary.status in {"not_requested", "requested", "not_required"}:
            assert not any(imr.sections.values())


def test_every_imr_status_appears_and_some_are_overdue(ctx):
    add_demo_reviews(ctx)
    summaries = list_reviews(ctx)
    totals = {status: sum(r.imr_counts[status] for r in summaries) for status in IMR_STATUSES}
    assert all(totals.values()), totals
    assert sum(r.overdue_imrs for r in summaries) >= 1
    overdue = [i for r in summaries for i in get_review(ctx, r.id).imrs if i.overdue]
    assert overdue and all(i.status == "requested" for i in overdue)
    # Overdue by days or weeks, not by months: the demo should look like live work.
    assert all(1 <= i.days_overdue <= 35 for i in overdue)


def test_targets_are_relative_to_today(ctx):
    add_demo_reviews(ctx)
    toddler = _review(ctx, "DEMO-LCSPR-L")
    adolescent = _review(ctx, "DEMO-LCSPR-T")
    audit = _review(ctx, "DEMO-AUDIT-W")
    assert toddler.target_date > TODAY
    assert adolescent.target_date < TODAY  # one review past its target
    assert audit.review_type == "audit"
    assert audit.target_override is not None
    assert TODAY < audit.target_date <= TODAY + timedelta(days=31)  # one close to it
    assert audit.target_basis == "set by the panel"
    for review in (toddler, adolescent, audit):
        assert review.scope_start < review.scope_end <= TODAY
        assert review.scope_start <= TODAY - timedelta(days=365)
        assert review.decision_date <= TODAY


@pytest.mark.parametrize(
    "today", [date(2025, 3, 14), date(2028, 2, 29), date(2030, 12, 31), date(2026, 1, 1)]
)
def test_dates_are_consistent_whatever_the_day(tmp_path, today):
    store = open_store(tmp_path / "dated.db")
    try:
        ctx = AppContext(store, "tester", today_override=today)
        add_demo_reviews(ctx)
        rows = _all_imrs(ctx)
        assert rows
        for review, imr in rows:
            s = imr.summary
            where = f"{review.reference} / {s.agency}"
            dates = [d for d in (s.date_requested, s.date_received, s.date_accepted) if d]
            assert dates == sorted(dates), where
            assert all(d <= today for d in dates), where
            if s.status in {"requested", "received", "under_challenge", "accepted"}:
                assert s.date_requested and s.date_due, where
            if s.status in {"received", "under_challenge", "accepted"}:
                assert s.date_received, where
            if s.status == "accepted":
                assert s.date_accepted, where
            for c in imr.challenges:
                assert s.date_received <= c.raised_on <= today, where
                if c.answered_on:
                    assert c.raised_on <= c.answered_on <= today, where
                if s.date_accepted:
                    assert not c.open and c.answered_on <= s.date_accepted, where
            if any(c.open for c in imr.challenges):
                assert s.status == "under_challenge", where
    finally:
        store.close()


def test_running_twice_adds_nothing(ctx):
    first_added, _ = add_demo_reviews(ctx)
    before = {r.reference: (r.imr_counts, r.title) for r in list_reviews(ctx)}
    added, skipped = add_demo_reviews(ctx)
    assert added == []
    assert skipped == first_added
    after = {r.reference: (r.imr_counts, r.title) for r in list_reviews(ctx)}
    assert after == before


def test_an_existing_reference_is_left_alone(ctx):
    create_review(ctx, review_type="sar", reference="demo-sar-r", title="My own review")
    added, skipped = add_demo_reviews(ctx)
    assert skipped == ["DEMO-SAR-R"]
    assert added == [ref for ref in REFERENCES if ref != "DEMO-SAR-R"]
    mine = _review(ctx, "demo-sar-r")
    assert mine.title == "My own review"
    assert mine.imrs == []


def test_a_failure_leaves_no_half_built_review(ctx, monkeypatch):
    real_add_item = demo.add_item

    def failing_add_item(ctx, kind, parent_id, values, position=None):
        if kind == "recommendation":
            raise RuntimeError("disk full")
        return real_add_item(ctx, kind, parent_id, values, position)

    monkeypatch.setattr(demo, "add_item", failing_add_item)
    with pytest.raises(RuntimeError):
        add_demo_reviews(ctx)
    assert list_reviews(ctx) == []
    monkeypatch.undo()
    added, skipped = add_demo_reviews(ctx)
    assert added == REFERENCES and skipped == []


def test_audit_trail_records_the_demo(ctx):
    add_demo_reviews(ctx)
    review_id = find_review_id(ctx, "DEMO-LCSPR-L")
    events = list_audit(ctx, review_id)
    assert events
    assert {e.actor for e in events} == {"tester"}
    status_changes = [e for e in events if e.entity == "imr" and e.field == "status"]
    assert {e.new_value for e in status_changes} >= {"Requested", "Received", "Accepted"}


def test_names_are_fictional_and_exercise_fonts(ctx):
    add_demo_reviews(ctx)
    names = {m.name for r in list_reviews(ctx) for m in get_review(ctx, r.id).panel}
    text = " ".join(names)
    for letter in ("á", "ë", "Ł"):
        assert letter in text


def test_store_is_healthy_afterwards(ctx, store):
    add_demo_reviews(ctx)
    path = store.address
    store.close()
    health = check_store(path)
    assert health.healthy, health.problems
    assert health.revision == health.head


def test_module_imports_no_qt_and_no_ui():
    code = (
        "import sys, app.demo; "
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'ui')]; "
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parents[1],
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_richest_review_has_its_chronology_imported_from_agency_files(ctx):
    from app.chronology.entries import fetch_entries, query_entry_ids
    from app.chronology.episodes import episode_entry_ids, list_episodes
    from app.chronology.export import analyse_review
    from app.findings import list_findings

    add_demo_reviews(ctx)
    review_id = find_review_id(ctx, "DEMO-LCSPR-T")
    rows = fetch_entries(ctx, query_entry_ids(ctx, review_id))
    assert len(rows) >= 2000
    assert len({r.agency for r in rows}) >= 7
    # Every row came in right; the one flagged is the police log's occurrence typed twice, the
    # copy struck through by the officer: imported as written beside the one that stands.
    flagged = [r for r in rows if r.flagged]
    assert [(r.agency, "struck through" in r.flag_reason) for r in flagged] == [
        ("Eastwold Police", True)
    ]
    twin = [r for r in rows if r.event == flagged[0].event and r.agency == "Eastwold Police"]
    assert len(twin) == 2 and {r.date_text for r in twin} == {flagged[0].date_text}
    # Each agency's file came in through the importer, in its own layout.
    with ctx.session() as session:
        from sqlalchemy import select

        from db.chronology_models import ChronologyImport

        files = session.scalars(
            select(ChronologyImport.file_name).where(ChronologyImport.review_id == review_id)
        ).all()
    assert {f.rsplit(".", 1)[1] for f in files} >= {"xlsx", "csv"}
    report = analyse_review(ctx, review_id)
    assert report.silences.overall  # weeks when no agency recorded anything
    missing = report.missing_episodes
    assert missing.count >= 20 and 0 < missing.with_rhi < missing.count / 3
    assert report.oversight_gaps.gaps
    assert report.recording_delays.to_json()  # visits written up weeks late
    assert (
        "7 social workers" in str(report.practitioners.to_json())
        or len({r.practitioner for r in rows if r.role == "Social worker"}) >= 6
    )
    episodes = list_episodes(ctx, review_id)
    assert len(episodes) == 3 and all(episode_entry_ids(ctx, e.id) for e in episodes)
    findings = list_findings(ctx, review_id)
    assert findings and all(any(ev.kind == "entry" for ev in f.evidence) for f in findings)
    # The other reviews have smaller chronologies of their own.
    assert query_entry_ids(ctx, find_review_id(ctx, "DEMO-LCSPR-L"))


def test_the_chronologies_read_like_real_case_records(ctx):
    """Each agency's entries vary as real records do, and say what fits the case: a toddler's
    chronology has no placement or cannabis in it, a teenager's no cot or nappy."""
    from collections import defaultdict

    from app.chronology.entries import fetch_entries, query_entry_ids

    add_demo_reviews(ctx)
    words = {"DEMO-LCSPR-T": ("cot", "nappy"), "DEMO-LCSPR-L": ("placement", "cannabis"),
             "DEMO-AUDIT-W": ("placement", "cannabis")}  # fmt: skip
    for reference, foreign in words.items():
        rows = fetch_entries(ctx, query_entry_ids(ctx, find_review_id(ctx, reference)))
        by_agency = defaultdict(list)
        for row in rows:
            by_agency[row.agency].append(row.event)
        for agency, events in by_agency.items():
            assert len(set(events)) >= min(10, len(events) // 2), (reference, agency)
        foreign_word = re.compile(r"\b(" + "|".join(foreign) + r")\b", re.IGNORECASE)
        assert not [r.event for r in rows if foreign_word.search(r.event)]
        assert not [r for r in rows if re.search(r"\(\d+\)$", r.event)]  # no numbered copies


def test_the_active_reviews_are_coded_with_themes_and_entries_tagged(ctx):
    from app.chronology.entries import EntryFilter, query_entry_ids, review_themes
    from app.review_corpus import load_reviews

    add_demo_reviews(ctx)
    for reference in ("DEMO-LCSPR-T", "DEMO-LCSPR-L", "DEMO-AUDIT-W", "DEMO-SAR-R"):
        assert load_reviews(ctx, [find_review_id(ctx, reference)])[0].themes, reference
    for reference in ("DEMO-LCSPR-T", "DEMO-LCSPR-L", "DEMO-AUDIT-W"):
        review_id = find_review_id(ctx, reference)
        themes = review_themes(ctx, review_id)
        assert len(themes) >= 2, reference
        every = len(query_entry_ids(ctx, review_id))
        for theme in themes:  # the theme filter picks some entries, never all
            assert 0 < len(query_entry_ids(ctx, review_id, EntryFilter(theme=theme))) < every


def test_no_practitioner_works_for_two_agencies(ctx):
    from app.chronology.entries import fetch_entries, query_entry_ids

    add_demo_reviews(ctx)
    for reference in ("DEMO-LCSPR-T", "DEMO-LCSPR-L", "DEMO-AUDIT-W", "DEMO-SCR-M"):
        rows = fetch_entries(ctx, query_entry_ids(ctx, find_review_id(ctx, reference)))
        agencies_of: dict[str, set[str]] = {}
        for row in rows:
            name = re.sub(r"^(PC|DS|Dr) ", "", row.practitioner.split(" (")[0]).strip()
            if name:
                agencies_of.setdefault(name, set()).add(row.agency)
        assert len(agencies_of) >= 4, reference
        assert not {n: a for n, a in agencies_of.items() if len(a) > 1}, reference
