"""Checking a review out to a laptop store and back in, on both engines for the shared store."""

from datetime import date

import pytest
from sqlalchemy import text

from app.checkout import check_in, check_out, checkout_of, release_checkout
from app.chronology.entries import EntryFilter, add_entry, edit_entry, query_entry_ids, remove_entry
from app.chronology.importer import import_chronology
from app.cli import main
from app.context import AppContext
from app.edits import apply_fields
from app.errors import NotFoundError, UserError
from app.findings import add_evidence, add_finding, list_findings
from app.imrs import add_agency, attach_document, get_imr, save_attachment
from app.meetings import create_meeting
from app.reviews import create_review, find_review_id, get_review, list_reviews
from db.audit import verify_chain, verify_rows
from db.checkout_guard import guarded_tables
from db.review_rows import review_summary
from db.store import CheckedOutError, open_store
from db.transfer import table_summary
from tests.conftest import TODAY
from tests.test_chronology_import import SAMPLES

DOCUMENT = bytes(range(256)) * 8


@pytest.fixture
def shared(ctx, tmp_path):
    """The shared store (the test's engine) holding two reviews; the first is filled."""
    a = create_review(ctx, review_type="lcspr", reference="OUT-1", title="Child A")
    b = create_review(ctx, review_type="sar", reference="STAY-2", title="Adult B")
    add_agency(ctx, b, "Health", "health")
    import_chronology(ctx, a, "Police", SAMPLES / "police_chronology.xlsx")
    detail = get_review(ctx, a)
    document = tmp_path / "IMR return.bin"
    document.write_bytes(DOCUMENT)
    attach_document(ctx, detail.imrs[0].imr_id, document)
    finding = add_finding(ctx, a, "Information was not shared")
    entries = query_entry_ids(ctx, a)
    add_evidence(ctx, finding, entry_ids=entries[:2], note="Two entries")
    create_meeting(ctx, a, date(2026, 5, 1), place="Room 1")
    return {"ctx": ctx, "a": a, "b": b, "entries": entries, "finding": finding}


@pytest.fixture
def laptop(tmp_path):
    """An author's laptop store that already holds a review of its own (so ids differ)."""
    with open_store(tmp_path / "laptop.db") as store:
        ctx = AppContext(store, "Author", today_override=TODAY)
        own = create_review(ctx, review_type="sar", reference="MINE-1", title="Own")
        add_agency(ctx, own, "Police", "police")
        yield ctx


def everything(ctx) -> list:
    with ctx.store.engine.connect() as conn:
        return table_summary(conn)


def test_every_table_of_a_review_travels():
    names = {t.name for t in guarded_tables()}
    assert {"review", "agency", "imr", "attachment", "chronology_entry", "finding_evidence",
            "meeting", "person", "issued_version", "report_section", "key_episode_entry"} <= names  # fmt: skip
    assert not names & {"audit_event", "review_member", "review_checkout", "chronology_search"}


def test_check_out_edit_offline_check_in(shared, laptop, engine):
    ctx = shared["ctx"]
    before_b = review_summary_of(ctx, shared["b"])
    done = check_out(ctx, laptop, "OUT-1")
    assert done.rows > len(shared["entries"])
    held = checkout_of(ctx, shared["a"])
    assert held.holder == "Tester" and "laptop.db" in held.destination

    # Offline: the same review, with new ids, through the services.
    mine = find_review_id(laptop, "OUT-1")
    assert mine != shared["a"]
    entries = query_entry_ids(laptop, mine)
    assert len(entries) == len(shared["entries"])
    robbery = EntryFilter(text="robbery")  # the copy's entries are searchable offline
    assert (
        len(query_entry_ids(laptop, mine, robbery))
        == len(query_entry_ids(ctx, shared["a"], robbery))
        > 0
    )
    edit_entry(laptop, entries[2], {"event": "Visit recorded late, after the review began"})
    remove_entry(laptop, entries[3])
    agency = get_review(laptop, mine).imrs[0].agency_id
    new_entry = add_entry(laptop, mine, agency, {"date": "02/03/2021", "event": "Offline entry"})
    new_finding = add_finding(laptop, mine, "Offline finding")
    add_evidence(laptop, new_finding, entry_ids=[new_entry, entries[0]], note="New and old")
    apply_fields(laptop, "review", mine, {"title": "Child A (revised offline)"})
    attachment = get_imr(laptop, get_review(laptop, mine).imrs[0].imr_id).attachments[0]

    # Meanwhile the shared copy refuses every change to that review, and only that one.
    with pytest.raises(CheckedOutError, match="checked out to Tester"):
        apply_fields(ctx, "review", shared["a"], {"title": "Changed at the office"})
    with pytest.raises(CheckedOutError):
        add_agency(ctx, shared["a"], "Education", "education")
    add_agency(ctx, shared["b"], "Education", "education")  # another review: fine

    # The report comes first and changes nothing.
    untouched = everything(ctx)
    report = check_in(laptop, ctx, "OUT-1")
    assert not report.applied and everything(ctx) == untouched
    lines = report.summary()
    assert "Chronology entries: 1 added, 1 changed, 1 removed" in lines
    assert "Findings: 1 added" in lines
    assert "Review details: 1 changed" in lines
    assert any(c.fields == ("title",) for c in report.changes if c.table == "review")
    # Rows without a name of their own are named after what they belong to.
    labels = {c.label for c in report.changes if c.action == "added"}
    assert "Finding evidence of Finding Offline finding" in labels

    report = check_in(laptop, ctx, "OUT-1", apply=True)
    assert report.applied and report.trail_entries > 0
    assert checkout_of(ctx, shared["a"]) is None
    detail = get_review(ctx, shared["a"])
    assert detail.title == "Child A (revised offline)"
    events = [e.event for e in fetch_all(ctx, shared["a"])]
    assert "Offline entry" in events and "Visit recorded late, after the review began" in events
    assert len(events) == len(shared["entries"])  # one removed, one added
    offline = [f for f in list_findings(ctx, shared["a"]) if f.title == "Offline finding"][0]
    assert len(offline.evidence) == 2
    # Attachments come back byte for byte; the other review was never touched.
    imr = get_imr(ctx, detail.imrs[0].imr_id)
    assert save_attachment(ctx, imr.attachments[0].id, laptop.store.path.parent / "o").read_bytes() == DOCUMENT  # fmt: skip
    assert attachment.filename == imr.attachments[0].filename
    assert review_summary_of(ctx, shared["b"]) != before_b  # (the Education agency only)
    # The shared copy can be changed again; the laptop copy is gone, its own review stays.
    apply_fields(ctx, "review", shared["a"], {"title": "Back at the office"})
    assert [r.reference for r in list_reviews(laptop)] == ["MINE-1"]

    # The trail: offline entries appended with the shared keys, and the chain verifies.
    with ctx.store.engine.connect() as conn:
        assert verify_chain(conn) == []
        if engine == "sqlite":
            assert verify_rows(conn) == []
        actors = conn.execute(
            text("SELECT action, label FROM audit_event WHERE review_id = :r ORDER BY id"),
            {"r": shared["a"]},
        ).all()
    assert ("create", "Finding Offline finding") in actors  # offline, by the laptop's triggers
    assert [a for a, _l in actors].count("checkin") == 1
    checkin = [label for action, label in actors if action == "checkin"][0]
    assert checkin.endswith("laptop.db: 4 added, 2 changed, 1 removed")
    with laptop.store.engine.connect() as conn:
        assert verify_chain(conn) == [] and verify_rows(conn) == []


def review_summary_of(ctx, review_id):
    with ctx.store.engine.connect() as conn:
        return review_summary(conn, review_id)


def fetch_all(ctx, review_id):
    from app.chronology.entries import fetch_entries

    return fetch_entries(ctx, query_entry_ids(ctx, review_id))


def test_a_review_checked_out_twice_is_refused(shared, laptop, tmp_path):
    check_out(shared["ctx"], laptop, "OUT-1")
    with open_store(tmp_path / "other.db") as other:
        with pytest.raises(UserError, match="already checked out to Tester"):
            check_out(shared["ctx"], AppContext(other, "Someone"), "OUT-1")
        assert list_reviews(AppContext(other, "Someone")) == []
        # A copy is not checked out again from the laptop (it goes back where it came from).
        with pytest.raises(UserError, match="itself a checked-out copy"):
            check_out(laptop, AppContext(other, "Someone"), "OUT-1")
    # The same reference cannot land twice in one laptop store either.
    release_checkout(shared["ctx"], "OUT-1", "test")
    with pytest.raises(UserError, match="already holds a review OUT-1"):
        check_out(shared["ctx"], laptop, "OUT-1")


def test_forced_release_then_check_in_only_if_nothing_changed(shared, laptop, tmp_path):
    ctx = shared["ctx"]
    check_out(ctx, laptop, "OUT-1")
    mine = find_review_id(laptop, "OUT-1")
    apply_fields(laptop, "review", mine, {"title": "Offline title"})
    with pytest.raises(UserError, match="Say why"):
        release_checkout(ctx, "OUT-1", " ")
    held = release_checkout(ctx, "OUT-1", "laptop lost")
    assert held.holder == "Tester" and checkout_of(ctx, shared["a"]) is None
    with ctx.store.engine.connect() as conn:
        released = (
            conn.execute(text("SELECT label FROM audit_event WHERE action = 'release'"))
            .scalars()
            .all()
        )
    assert released == ["Check-out to Tester released: laptop lost"]
    with pytest.raises(UserError, match="not checked out"):
        release_checkout(ctx, "OUT-1", "again")
    # Released but unchanged: the check-in is still accepted.
    report = check_in(laptop, ctx, "OUT-1")
    assert report.released and report.summary() == ["Review details: 1 changed"]

    # Changed in the shared store after the release: refused, nothing lost on either side.
    apply_fields(ctx, "review", shared["a"], {"title": "Changed at the office"})
    shared_before, laptop_before = everything(ctx), everything(laptop)
    with pytest.raises(UserError, match="released and the review has been changed"):
        check_in(laptop, ctx, "OUT-1", apply=True)
    assert everything(ctx) == shared_before and everything(laptop) == laptop_before
    assert get_review(laptop, mine).title == "Offline title"


def test_a_failure_half_way_through_check_in_changes_nothing(shared, laptop, monkeypatch):
    ctx = shared["ctx"]
    check_out(ctx, laptop, "OUT-1")
    mine = find_review_id(laptop, "OUT-1")
    add_finding(laptop, mine, "Offline finding")
    edit_entry(laptop, query_entry_ids(laptop, mine)[0], {"event": "Changed offline"})
    shared_before, laptop_before = everything(ctx), everything(laptop)

    import db.checkout

    def broken(*_args, **_kwargs):
        raise RuntimeError("the power went")

    monkeypatch.setattr(db.checkout, "append_trail", broken)
    with pytest.raises(RuntimeError):
        check_in(laptop, ctx, "OUT-1", apply=True)
    assert everything(ctx) == shared_before and everything(laptop) == laptop_before
    assert checkout_of(ctx, shared["a"]) is not None  # still checked out
    monkeypatch.undo()
    assert check_in(laptop, ctx, "OUT-1", apply=True).applied
    assert "Offline finding" in [f.title for f in list_findings(ctx, shared["a"])]


def test_a_copy_is_checked_in_where_it_came_from(shared, laptop, tmp_path):
    check_out(shared["ctx"], laptop, "OUT-1")
    with open_store(tmp_path / "elsewhere.db") as other:
        with pytest.raises(UserError, match="checked out of"):
            check_in(laptop, AppContext(other, "X"), "OUT-1")
    with pytest.raises(UserError, match="not a checked-out copy"):
        check_in(laptop, shared["ctx"], "MINE-1")
    with pytest.raises(NotFoundError):
        check_in(laptop, shared["ctx"], "NOPE")


def test_the_commands(shared, tmp_path, capsys, engine):
    where = shared["ctx"].store.address
    shared["ctx"].store.close()  # (a store file is changed by one program at a time)
    laptop = str(tmp_path / "cli-laptop.db")
    assert main(["checkout", "--review", "OUT-1", "--from", where, "--to", laptop]) == 0
    assert "read-only until you check it back in" in capsys.readouterr().out
    assert main(["checkout", "--review", "OUT-1", "--from", where, "--to", laptop]) == 1
    assert "already checked out" in capsys.readouterr().err
    assert main(["checkouts", "--db", where]) == 0
    listed = capsys.readouterr().out
    assert listed.startswith("OUT-1\t") and "cli-laptop.db" in listed
    assert main(["create-review", "--db", where, "--type", "sar", "--reference", "X-9",
                 "--title", "Other"]) == 0  # fmt: skip
    code = main(["add-agency", "--db", where, "--review", "OUT-1", "--name", "Education"])
    out, err = capsys.readouterr()
    assert code == 1 and "is checked out to" in err and "Traceback" not in err
    assert main(["add-agency", "--db", laptop, "--review", "OUT-1", "--name", "Education"]) == 0
    capsys.readouterr()
    assert main(["checkin", "--review", "OUT-1", "--from", laptop, "--to", where]) == 0
    out, err = capsys.readouterr()
    assert "Agencies: 1 added" in out and "IMRs: 1 added" in out and "--apply" in err
    assert main(["checkin", "--review", "OUT-1", "--from", laptop, "--to", where, "--apply"]) == 0
    out, _ = capsys.readouterr()
    assert "Checked in" in out and "no longer checked out" in out
    with open_store(where) as store:
        assert "Education" in [
            i.agency for i in get_review(AppContext(store, "T"), shared["a"]).imrs
        ]
    assert main(["release-checkout", "--db", where, "--review", "OUT-1", "--reason", "x"]) == 1
    assert "not checked out" in capsys.readouterr().err
    assert main(["checkouts", "--db", where]) == 0
    assert capsys.readouterr().out == "No review is checked out.\n"


def test_evidence_citing_an_imr_belongs_to_its_review_for_every_role(shared, engine):
    """(The path to a row's review tries each foreign key: evidence citing only an IMR.)"""
    from db.checkout_guard import review_of
    from db.findings_models import FindingEvidence
    from db.roles import review_expr

    ctx = shared["ctx"]
    imr = get_review(ctx, shared["a"]).imrs[0].imr_id
    add_evidence(ctx, shared["finding"], imr_id=imr, note="The IMR says so")
    table = FindingEvidence.__table__
    assert review_expr(table, "e") == review_of(table, "e")
    with ctx.store.engine.connect() as conn:
        found = conn.execute(
            text(f"SELECT {review_of(table, 'e')} FROM finding_evidence e WHERE e.imr_id = :i"),
            {"i": imr},
        ).scalar()
    assert found == shared["a"]


def test_two_reviews_out_to_one_laptop_come_back_one_at_a_time(shared, laptop):
    ctx = shared["ctx"]
    check_out(ctx, laptop, "OUT-1")
    check_out(ctx, laptop, "STAY-2")
    assert {r.reference for r in list_reviews(laptop)} == {"MINE-1", "OUT-1", "STAY-2"}
    second = find_review_id(laptop, "STAY-2")
    add_agency(laptop, second, "Probation", "probation")
    report = check_in(laptop, ctx, "STAY-2", apply=True)
    assert report.summary() == ["Agencies: 1 added", "IMRs: 1 added"]
    assert checkout_of(ctx, shared["b"]) is None and checkout_of(ctx, shared["a"]) is not None
    assert [i.agency for i in get_review(ctx, shared["b"]).imrs] == ["Health", "Probation"]
    assert check_in(laptop, ctx, "OUT-1", apply=True).changes == []
    assert [r.reference for r in list_reviews(laptop)] == ["MINE-1"]


def _mappings(ctx) -> dict[str, dict]:
    import json

    from sqlalchemy import select

    from db.chronology_models import ColumnMapping

    with ctx.session() as session:
        rows = session.execute(select(ColumnMapping.agency_key, ColumnMapping.mapping)).all()
    return {key: json.loads(mapping) for key, mapping in rows}


def test_the_agencies_column_mappings_go_out_and_come_back(shared, laptop):
    ctx = shared["ctx"]
    assert "police" in _mappings(ctx) and "police" not in _mappings(laptop)
    check_out(ctx, laptop, "OUT-1")
    # Offline, the agency's next file is mapped as the office mapped its last one.
    assert _mappings(laptop)["police"] == _mappings(ctx)["police"]
    assert set(_mappings(laptop)) == {"police"}  # only the review's agencies travel

    # An agency first imported offline brings its mapping back; one the office has kept
    # unchanged meanwhile is not touched.
    mine = find_review_id(laptop, "OUT-1")
    import_chronology(laptop, mine, "Health", SAMPLES / "health_chronology.xlsx")
    offline = _mappings(laptop)["health"]
    assert offline and "health" not in _mappings(ctx)
    check_in(laptop, ctx, "OUT-1", apply=True)
    assert _mappings(ctx)["health"] == offline
    assert _mappings(ctx)["police"] == _mappings(laptop)["police"]
