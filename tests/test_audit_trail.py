"""The audit trail covers every table, keeps what was deleted, and shows tampering; undo puts
back everything a delete removed."""

import csv
import json
import stat
from datetime import date

import openpyxl
import pytest
from sqlalchemy import select

from app.audit_export import export_trail, review_trail
from app.audit_log import list_audit
from app.chronology.entries import add_entry, remove_entry, restore_entry, set_themes
from app.cli import main
from app.findings import add_evidence, add_finding, findings_citing_entry, set_lines
from app.findings import set_themes as set_finding_themes
from app.imrs import add_agency, remove_agency
from app.items import add_item, remove_item, restore_item
from app.reviews import create_review, delete_review
from db.audit import AUDIT_TABLE, audited_tables
from db.base import Base
from db.chronology_models import EpisodeEntry, KeyEpisode
from db.findings_models import FindingEvidence, RecommendationFinding
from db.models import AuditEvent
from tests.support import execute, query

REF = "AUD-2026-01"
NARRATIVE = "Mother said the bruise came from a fall at the park"


@pytest.fixture
def case(ctx):
    """A review with an agency, two entries, a finding citing one, an episode and links."""
    review_id = create_review(ctx, review_type="lcspr", reference=REF, title="Child Q")
    agency_id = add_agency(ctx, review_id, "Health visiting", "health")
    first = add_entry(ctx, review_id, agency_id, {"date": "02/01/2024", "event": NARRATIVE})
    second = add_entry(ctx, review_id, agency_id, {"date": "03/01/2024", "event": "Home visit"})
    set_themes(ctx, [first], "Neglect", True)
    finding_id = add_finding(ctx, review_id, "Bruising was not followed up")
    add_evidence(ctx, finding_id, entry_ids=[first], note="the first account")
    set_finding_themes(ctx, finding_id, ["Neglect"])
    line_id = add_item(ctx, "line_of_enquiry", review_id, {"text": "Voice of the child"})
    set_lines(ctx, finding_id, [line_id])
    episode_id = add_item(ctx, "key_episode", review_id, {"title": "January visits"})
    rec_id = add_item(ctx, "review_recommendation", review_id, {"text": "Follow up bruises"})
    with ctx.session() as session:
        session.add(EpisodeEntry(episode_id=episode_id, entry_id=first))
        session.add(RecommendationFinding(recommendation_id=rec_id, finding_id=finding_id))
    return {
        "review": review_id,
        "agency": agency_id,
        "entry": first,
        "other_entry": second,
        "finding": finding_id,
        "episode": episode_id,
        "recommendation": rec_id,
    }


def test_every_table_of_the_schema_is_audited(store):
    """Fails when a table is added without being recorded (or marked as derived from another)."""
    with store.engine.connect() as conn:
        tables = {
            r[0]
            for r in conn.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
            )
        }
        triggers = {r[0] for r in conn.exec_driver_sql("SELECT tbl_name FROM sqlite_temp_master")}
        trigger_names = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_temp_master")}
    derived = {t.name for t in Base.metadata.sorted_tables if t.info.get("derived")}
    assert tables - {AUDIT_TABLE, "alembic_version"} - derived <= triggers
    assert {t.name for t in audited_tables()} == set(Base.metadata.tables) - {AUDIT_TABLE} - derived
    for table in audited_tables():
        for action in ("insert", "update", "delete"):
            assert f"audit_{table.name}_{action}" in trigger_names


def test_links_and_tags_are_in_the_review_trail(ctx, case):
    entities = {e.entity for e in list_audit(ctx, case["review"]) if e.action == "create"}
    assert {
        "chronology_entry_theme",
        "finding_evidence",
        "finding_theme",
        "finding_line",
        "key_episode_entry",
        "recommendation_finding",
    } <= entities


def test_removing_an_agency_keeps_what_was_deleted(ctx, store, case):
    remove_agency(ctx, case["agency"])
    with store.engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT review_id, row_data FROM audit_event "
            "WHERE action = 'delete' AND entity = 'chronology_entry'"
        ).fetchall()
    assert len(rows) == 2 and {r[0] for r in rows} == {case["review"]}
    assert any(json.loads(r[1])["event"] == NARRATIVE for r in rows)


def test_undo_of_an_entry_delete_brings_back_citations_tags_and_links(ctx, case):
    entry = case["entry"]
    snapshot = remove_entry(ctx, entry)
    assert findings_citing_entry(ctx, entry) == []
    restore_entry(ctx, snapshot)
    assert [f[0] for f in findings_citing_entry(ctx, entry)] == [case["finding"]]
    with ctx.session() as session:
        note = session.scalar(select(FindingEvidence.note).where(FindingEvidence.entry_id == entry))
        linked = session.scalars(select(EpisodeEntry.entry_id)).all()
    assert note == "the first account" and linked == [entry]


def test_undo_of_a_finding_delete_brings_back_its_links(ctx, case):
    snapshot = remove_item(ctx, "finding", case["finding"])
    restore_item(ctx, "finding", snapshot)
    with ctx.session() as session:
        linked = session.scalars(select(RecommendationFinding.finding_id)).all()
        assert linked == [case["finding"]]
        cited = session.scalars(select(FindingEvidence.finding_id)).all()
    assert cited == [case["finding"]]


def test_undo_of_an_episode_delete_relinks(ctx, case):
    snapshot = remove_item(ctx, "key_episode", case["episode"])
    restore_item(ctx, "key_episode", snapshot)
    with ctx.session() as session:
        assert session.get(KeyEpisode, case["episode"]) is not None
        assert session.scalars(select(EpisodeEntry.entry_id)).all() == [case["entry"]]


def test_deleted_review_trail_can_be_read_and_exported(ctx, case, tmp_path):
    delete_review(ctx, case["review"])
    trail = review_trail(ctx, REF.lower())
    assert trail.deleted and trail.review_id == case["review"]
    assert any(r.action == "delete" and NARRATIVE in r.row for r in trail.rows)
    target = tmp_path / "trail.json"
    export_trail(ctx, REF, target)
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["deleted"] and len(data["events"]) == len(trail.rows)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_export_formats_never_run_formulas(ctx, case, tmp_path):
    from app.edits import apply_fields

    apply_fields(ctx, "review", case["review"], {"title": '=HYPERLINK("http://x")'})
    export_trail(ctx, REF, tmp_path / "t.csv")
    export_trail(ctx, REF, tmp_path / "t.xlsx")
    with open(tmp_path / "t.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0][0] == "when"
    assert any(r[7] == '\'=HYPERLINK("http://x")' for r in rows[1:])
    ws = openpyxl.load_workbook(tmp_path / "t.xlsx").active
    after = [row[7] for row in ws.iter_rows(min_row=2, values_only=True)]
    assert '=HYPERLINK("http://x")' in after
    assert ws.cell(row=1, column=1).value == "when"
    formula = [c for row in ws.iter_rows(min_row=2) for c in row if str(c.value).startswith("=")]
    assert formula and all(c.data_type == "s" for c in formula)
    # the exports are themselves in the trail
    with ctx.session() as session:
        exports = session.scalars(select(AuditEvent.label).where(AuditEvent.action == "export"))
        assert sorted(exports) == [
            "Audit trail exported to t.csv",
            "Audit trail exported to t.xlsx",
        ]


def test_check_finds_a_trail_edited_behind_the_apps_back(ctx, store, case, capsys):
    path = store.path
    store.close()
    assert main(["check", "--db", str(path)]) == 0
    execute(path, "UPDATE audit_event SET actor = 'Someone else' WHERE id = 3")
    assert main(["check", "--db", str(path)]) == 1
    assert "audit trail: entry 3" in capsys.readouterr().out
    execute(path, "UPDATE audit_event SET actor = (SELECT actor FROM audit_event WHERE id = 2) "
            "WHERE id = 3")  # fmt: skip
    assert main(["check", "--db", str(path)]) == 0
    execute(path, "DELETE FROM audit_event WHERE id = 5")
    assert main(["check", "--db", str(path)]) == 1


def test_audit_command_writes_the_trail(ctx, store, case, tmp_path, capsys):
    path = store.path
    store.close()
    target = tmp_path / "trail.csv"
    assert main(["audit", "--db", str(path), "--review", REF, "-o", str(target)]) == 0
    assert NARRATIVE in target.read_text(encoding="utf-8-sig")
    assert main(["audit", "--db", str(path), "--review", REF, "-o", str(tmp_path / "t.pdf")]) == 1
    assert "csv" in capsys.readouterr().err
    assert query(path, "SELECT count(*) FROM audit_event WHERE hash IS NULL") == [(0,)]


def test_imports_are_recorded_with_file_hash_and_counts(ctx, case, tmp_path):
    from app.chronology.importer import commit_import, plan_import

    source = tmp_path / "police.csv"
    source.write_text(
        "Date,Event\n02/01/2024,Officer attended\n05/01/2024,Referral to children's services\n",
        encoding="utf-8",
    )
    plan = plan_import(ctx, case["review"], "Police", source)
    commit_import(ctx, plan)
    events = [e for e in list_audit(ctx, case["review"]) if e.entity == "chronology_import"]
    assert len(events) == 1 and "police.csv" in events[0].label
    with ctx.session() as session:
        data = json.loads(
            session.scalar(
                select(AuditEvent.row_data).where(AuditEvent.entity == "chronology_import")
            )
        )
    assert data["row_count"] == 2 and len(data["sha256"]) == 64
    assert date.today().year >= 2024


def test_a_deleted_reviews_id_and_trail_never_pass_to_a_new_review(ctx, case):
    delete_review(ctx, case["review"])
    again = create_review(ctx, review_type="lcspr", reference=REF, title="Child Q again")
    assert again != case["review"]
    assert review_trail(ctx, REF).review_id == again
    assert {e.action for e in list_audit(ctx, again)} == {"create"}
    assert review_trail(ctx, "", deleted_id=case["review"]).deleted


def test_check_finds_rows_changed_or_removed_behind_the_apps_back(ctx, store, case, capsys):
    path = store.path
    store.close()
    execute(path, "UPDATE finding SET title = 'Nothing to see' WHERE id = ?", (case["finding"],))
    assert main(["check", "--db", str(path)]) == 1
    assert "finding" in capsys.readouterr().out
    execute(path, "UPDATE finding SET title = 'Bruising was not followed up'")
    assert main(["check", "--db", str(path)]) == 0
    execute(path, "DELETE FROM finding_theme")
    assert main(["check", "--db", str(path)]) == 1
    assert "gone without a recorded delete" in capsys.readouterr().out
