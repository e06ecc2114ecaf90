"""The schema: fresh stores match the models, and older stores upgrade without losing anything."""

from datetime import date

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect

from app.context import AppContext
from app.reviews import get_review
from db.base import Base
from db.engine import create_store_engine
from db.migrate import alembic_config, current_revision, head_revision, upgrade
from db.store import StoreError, open_store, verify
from tests.support import query, sha256_of

OLD_REVISION = "0001"

# Rows written into a store at revision 0001 with raw SQL, as an older ReviewDesk stored them.
OLD_ROWS: dict[str, list[dict]] = {
    "review": [
        {
            "id": 1,
            "reference": "LCSPR-2023-07",
            "title": "Child A: Siobhán and Zoë",
            "review_type": "lcspr",
            "subject_pseudonym": "Child A",
            "partnership": "Cyngor Sir Ynys Môn Safeguarding Partnership",
            "protective_marking": "OFFICIAL-SENSITIVE",
            "status": "gathering",
            "incident_date": "2023-05-02",
            "notification_date": "2023-05-04",
            "decision_date": "2023-08-31",
            "scope_start": "2021-01-01",
            "scope_end": "2023-05-02",
            "target_override": None,
            "created_at": "2023-09-01 09:30:00.000000",
            "updated_at": "2023-09-02 10:00:00.000000",
        },
        {
            "id": 2,
            "reference": "SAR-2024-01",
            "title": "Adult B (محمد)",
            "review_type": "sar",
            "subject_pseudonym": "Adult B",
            "partnership": "",
            "protective_marking": "OFFICIAL",
            "status": "commissioned",
            "incident_date": None,
            "notification_date": None,
            "decision_date": None,
            "scope_start": None,
            "scope_end": None,
            "target_override": "2024-12-31",
            "created_at": "2024-01-05 08:00:00.000000",
            "updated_at": "2024-01-05 08:00:00.000000",
        },
    ],
    "agency": [
        {
            "id": 1,
            "review_id": 1,
            "position": 1,
            "name": "Heddlu Gogledd Cymru",
            "sector": "police",
        },
        {"id": 2, "review_id": 1, "position": 2, "name": "Health visiting", "sector": "health"},
    ],
    "imr": [
        {
            "id": 1,
            "agency_id": 1,
            "status": "received",
            "author_name": "Łukasz Nowak",
            "author_role": "Detective Inspector",
            "date_requested": "2023-09-05",
            "date_due": "2023-10-31",
            "date_received": "2023-10-30",
            "date_accepted": None,
            "not_required_reason": "",
            "summary": 'Mum & dad <fight>; "quoted"',
            "context": "Staff turnover: nine team managers in three years",
            "analysis": "",
            "good_practice": "",
            "lessons": "",
            "updated_at": "2023-10-30 12:00:00.000000",
        },
        {
            "id": 2,
            "agency_id": 2,
            "status": "requested",
            "author_name": "",
            "author_role": "",
            "date_requested": "2023-09-05",
            "date_due": "2023-10-31",
            "date_received": None,
            "date_accepted": None,
            "not_required_reason": "",
            "summary": "",
            "context": "",
            "analysis": "",
            "good_practice": "",
            "lessons": "",
            "updated_at": "2023-09-05 12:00:00.000000",
        },
    ],
    "line_of_enquiry": [
        {"id": 1, "review_id": 1, "position": 1, "text": "Was the voice of the child heard?"},
        {"id": 2, "review_id": 1, "position": 2, "text": "Management oversight – gaps?"},
    ],
    "panel_member": [
        {
            "id": 1,
            "review_id": 1,
            "position": 1,
            "name": "Siân Jones",
            "role": "chair",
            "organisation": "Independent",
        }
    ],
    "recommendation": [
        {"id": 1, "review_id": 1, "imr_id": 1, "position": 1, "text": "Train staff on curiosity"},
        {"id": 2, "review_id": 1, "imr_id": None, "position": 1, "text": "All agencies: escalate"},
    ],
}
NEW_TABLES = (
    "audit_event", "attachment", "challenge_question", "review_checkout", "review_copy",
    "review_copy_row",
)  # fmt: skip


def insert_rows(conn, rows: dict[str, list[dict]]) -> None:
    for table, records in rows.items():
        for record in records:
            columns = ", ".join(record)
            marks = ", ".join("?" for _ in record)
            conn.exec_driver_sql(
                f"INSERT INTO {table} ({columns}) VALUES ({marks})", tuple(record.values())
            )


def stored_rows(path, table: str, columns) -> list[tuple]:
    return query(path, f"SELECT {', '.join(columns)} FROM {table} ORDER BY id")


def all_revisions() -> list[str]:
    """Every migration, oldest first."""
    scripts = ScriptDirectory.from_config(alembic_config())
    return [s.revision for s in reversed(list(scripts.walk_revisions()))]


@pytest.fixture
def old_store(tmp_path):
    """A store file at revision 0001, holding OLD_ROWS."""
    path = tmp_path / "old.db"
    engine = create_store_engine(path, enforce_foreign_keys=False)
    try:
        upgrade(engine, OLD_REVISION)
        with engine.begin() as conn:
            insert_rows(conn, OLD_ROWS)
    finally:
        engine.dispose()
    assert query(path, "SELECT version_num FROM alembic_version") == [(OLD_REVISION,)]
    return path


@pytest.fixture
def upgraded(old_store):
    store = open_store(old_store)
    yield store
    store.close()


def schema_differences(engine) -> list:
    with engine.connect() as conn:
        return compare_metadata(MigrationContext.configure(conn), Base.metadata)


def test_fresh_store_schema_equals_the_models(store):
    assert schema_differences(store.engine) == []


def test_upgrade_reports_where_it_came_from_and_backs_up_first(upgraded, old_store):
    assert upgraded.upgraded_from == OLD_REVISION
    backup = upgraded.backup_path
    assert backup is not None and backup.is_file() and backup.parent == old_store.parent
    assert backup != old_store
    assert query(backup, "SELECT version_num FROM alembic_version") == [(OLD_REVISION,)]
    for table, records in OLD_ROWS.items():
        assert stored_rows(backup, table, records[0]) == [tuple(r.values()) for r in records]


@pytest.mark.parametrize("table", OLD_ROWS)
def test_upgrade_keeps_every_row_with_the_same_values(upgraded, old_store, table):
    records = OLD_ROWS[table]
    assert stored_rows(old_store, table, records[0]) == [tuple(r.values()) for r in records]


def test_upgraded_rows_read_back_through_the_services(upgraded):
    old = OLD_ROWS["review"][0]
    detail = get_review(AppContext(upgraded, "Tester"), old["id"])
    assert detail.title == old["title"]
    assert detail.decision_date == date.fromisoformat(old["decision_date"])
    assert [x.text for x in detail.lines_of_enquiry] == [
        r["text"] for r in OLD_ROWS["line_of_enquiry"] if r["review_id"] == old["id"]
    ]
    assert [(i.agency, i.author_name) for i in detail.imrs] == [
        (a["name"], imr["author_name"])
        for a, imr in zip(OLD_ROWS["agency"], OLD_ROWS["imr"], strict=True)
    ]


def test_upgrade_adds_the_new_column_and_tables(upgraded, old_store):
    with upgraded.engine.connect() as conn:
        assert current_revision(conn) == head_revision()
        inspector = inspect(conn)
        assert set(NEW_TABLES) <= set(inspector.get_table_names())
        assert "date_records_secured" in {c["name"] for c in inspector.get_columns("imr")}
    assert query(old_store, "SELECT date_records_secured FROM imr ORDER BY id") == [
        (None,) for _ in OLD_ROWS["imr"]
    ]
    assert schema_differences(upgraded.engine) == []
    assert verify(upgraded.engine) == []


def test_readonly_open_refuses_an_old_store_and_leaves_it_alone(old_store):
    before = sha256_of(old_store)
    with pytest.raises(StoreError, match="older version"):
        open_store(old_store, readonly=True)
    assert sha256_of(old_store) == before
    assert not list(old_store.parent.glob("*before-upgrade*"))


def test_opening_a_store_at_head_makes_no_backup(old_store):
    open_store(old_store).close()  # upgrades, with one backup
    backups = set(old_store.parent.glob("*before-upgrade*"))
    with open_store(old_store) as again:
        assert again.upgraded_from is None and again.backup_path is None
    assert set(old_store.parent.glob("*before-upgrade*")) == backups


def test_walking_every_revision_one_step_at_a_time(tmp_path):
    revisions = all_revisions()
    assert revisions[-1] == head_revision()
    path = tmp_path / "stepwise.db"
    engine = create_store_engine(path, enforce_foreign_keys=False)
    try:
        for revision in revisions:
            upgrade(engine, revision)
            with engine.begin() as conn:
                assert current_revision(conn) == revision
                if revision == OLD_REVISION:  # rows written at 0001 ride through later steps
                    insert_rows(conn, OLD_ROWS)
        with engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []
            assert conn.exec_driver_sql("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert schema_differences(engine) == []
    finally:
        engine.dispose()
    for table, records in OLD_ROWS.items():
        assert stored_rows(path, table, records[0]) == [tuple(r.values()) for r in records]


def test_search_triggers_exist_at_head(store):
    """A batch migration that rebuilds chronology_entry drops its triggers: this catches it."""
    from db.chronology_models import SEARCH_TRIGGERS

    with store.engine.connect() as conn:
        found = {
            row[0]
            for row in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='trigger'")
        }
    assert set(SEARCH_TRIGGERS) <= found


def test_a_0006_store_gains_the_publishing_tables_and_keeps_its_documents(tmp_path):
    """Documents started before guidance was kept apart: their starter text reads as guidance,
    the author's own words stay, and nothing is lost."""
    from app.documents import get_report, template

    path = tmp_path / "at0006.db"
    engine = create_store_engine(path, enforce_foreign_keys=False)
    guidance = template("summary")["sections"][0]["text"]
    try:
        upgrade(engine, "0006")
        with engine.begin() as conn:
            insert_rows(conn, {"review": OLD_ROWS["review"][:1]})
            insert_rows(
                conn,
                {
                    "report": [
                        {
                            "id": 1,
                            "review_id": 1,
                            "kind": "summary",
                            "version": 2,
                            "final": 0,
                            "finalised_on": None,
                            "updated_at": "2026-01-01 09:00:00.000000",
                        }
                    ],
                    "report_section": [
                        {
                            "id": 1,
                            "report_id": 1,
                            "position": 1,
                            "title": "Introduction",
                            "source": "narrative",
                            "text": guidance,
                            "included": 1,
                            "appendix": 0,
                            "options": "{}",
                        },
                        {
                            "id": 2,
                            "report_id": 1,
                            "position": 2,
                            "title": "Analysis",
                            "source": "narrative",
                            "text": "The author's own analysis.",
                            "included": 1,
                            "appendix": 0,
                            "options": "{}",
                        },
                    ],
                },
            )
    finally:
        engine.dispose()
    with open_store(path) as store:
        with store.engine.connect() as conn:
            tables = set(inspect(conn).get_table_names())
        assert {"person", "document_setting", "issued_version", "release_waiver"} <= tables
        assert schema_differences(store.engine) == []
        report = get_report(AppContext(store, "Tester"), 1)
    intro, analysis = report.sections
    assert report.version == 2 and intro.text == guidance  # nothing rewritten in the store
    assert intro.guidance == guidance and intro.guidance_only and intro.written == ""
    assert analysis.written == "The author's own analysis." and not analysis.guidance_only


def test_references_differing_only_in_case_are_kept_apart_on_upgrade(tmp_path):
    path = tmp_path / "dupes.db"
    engine = create_store_engine(path, enforce_foreign_keys=False)
    upgrade(engine, "0006")
    with engine.begin() as conn:
        for n, reference in enumerate(["scr-7", "SCR-7", "Scr-7", "SCR-7 (2)"], start=1):
            conn.exec_driver_sql(
                "INSERT INTO review (id, reference, title, review_type, subject_pseudonym, "
                "partnership, protective_marking, status, created_at, updated_at) VALUES "
                "(?, ?, 'T', 'scr', '', '', 'OFFICIAL', 'commissioned', '2024-01-01', "
                "'2024-01-01')",
                (n, reference),
            )
    engine.dispose()
    with open_store(path) as store:
        assert store.upgraded_from == "0006"
    refs = [r[0] for r in query(path, "SELECT reference FROM review ORDER BY id")]
    assert refs[0] == "scr-7" and len({r.casefold() for r in refs}) == 4
    assert refs[3] == "SCR-7 (2)"  # a reference already in use is never given twice
    renamed = query(path, "SELECT old_value FROM audit_event WHERE field = 'reference' ORDER BY id")
    assert [r[0] for r in renamed] == ["SCR-7", "Scr-7"]
    from app.errors import ValidationError
    from app.reviews import create_review

    with open_store(path) as store:
        ctx = AppContext(store, "Tester")
        for again in ("sCr-7", "ŵ-1", "Ŵ-1"):
            if again == "Ŵ-1":
                with pytest.raises(ValidationError, match="already"):
                    create_review(ctx, review_type="scr", reference=again, title="Again")
            elif again == "ŵ-1":
                create_review(ctx, review_type="scr", reference=again, title="First")
            else:
                with pytest.raises(ValidationError, match="already"):
                    create_review(ctx, review_type="scr", reference=again, title="Again")


def test_upgrade_adds_the_statutory_dates_checklist_and_themes(upgraded, old_store):
    """Revision 0010: dates that set deadlines, the checklist, review themes, conversions."""
    with upgraded.engine.connect() as conn:
        inspector = inspect(conn)
        assert {"review_milestone", "review_theme", "review_conversion"} <= set(
            inspector.get_table_names()
        )
        columns = {c["name"] for c in inspector.get_columns("review")}
        assert {"aware_date", "sign_off_date", "publication_date"} <= columns
    assert query(old_store, "SELECT aware_date, sign_off_date, publication_date FROM review") == [
        (None, None, None) for _ in OLD_ROWS["review"]
    ]
    from app.timetable import checklist, mark_done

    ctx = AppContext(upgraded, "Tester", today_override=date(2023, 9, 1))
    items = {i.rule.key: i for i in checklist(ctx, 1)}
    assert items["published"].due == date(2024, 2, 29)  # 31 Aug + 6 months, from 0001 data
    mark_done(ctx, 1, "decision_told", date(2023, 9, 1))
    assert {i.rule.key: i.done_on for i in checklist(ctx, 1)}["decision_told"] == date(2023, 9, 1)


def test_0014_leaves_a_store_files_foreign_keys_as_they_are(tmp_path):
    """The references PostgreSQL checks once per statement stay foreign keys in a store file,
    through the upgrade and back."""
    from alembic import command

    path = tmp_path / "refs.db"
    engine = create_store_engine(path, enforce_foreign_keys=False)

    def referenced() -> set[str]:
        with engine.connect() as conn:
            return {
                row[2]
                for table in ("chronology_entry", "chronology_search")
                for row in conn.exec_driver_sql(f"PRAGMA foreign_key_list({table})")
            }

    try:
        upgrade(engine, "0013")
        before = referenced()
        upgrade(engine, "0014")
        assert (
            referenced() == before == {"review", "agency", "chronology_import", "chronology_entry"}
        )
        with engine.begin() as conn:
            command.downgrade(alembic_config(conn), "0013")
            assert current_revision(conn) == "0013"
        assert referenced() == before
    finally:
        engine.dispose()


def test_0015_gives_the_register_settings_and_checklist_a_version_keeping_their_rows(tmp_path):
    """A store at 0014 holding a register entry, a document setting and a checklist item gains
    their version column at 1, every value kept, and edits then raise it."""
    from alembic import command

    from app.publishing.audience import set_audience
    from app.publishing.people import add_person, update_person
    from app.reviews import create_review
    from app.timetable import mark_done

    path = tmp_path / "versions.db"
    with open_store(path) as store:
        ctx = AppContext(store, "Tester")
        review = create_review(ctx, review_type="lcspr", reference="V-1", title="Child V")
        person = add_person(ctx, review, name="Jo Bloggs", descriptor="the mother")
        set_audience(ctx, review, "overview", "publication", "OFFICIAL-SENSITIVE")
        mark_done(ctx, review, "decision_told", date(2026, 3, 1))
    tables = ("person", "document_setting", "review_milestone")
    engine = create_store_engine(path)
    try:
        with engine.begin() as conn:
            command.downgrade(alembic_config(conn), "0014")
        before = {t: query(path, f"SELECT * FROM {t}") for t in tables}
        assert all(before.values())
        upgrade(engine, head_revision())
        after = {t: query(path, f"SELECT * FROM {t}") for t in tables}
    finally:
        engine.dispose()
    for table in tables:
        assert [row[:-1] for row in after[table]] == before[table]  # version comes last
        assert {row[-1] for row in after[table]} == {1}
    with open_store(path) as store:
        ctx = AppContext(store, "Tester")
        update_person(ctx, person, descriptor="Mother")
        assert query(path, "SELECT version FROM person") == [(2,)]
