"""The shared store on PostgreSQL: opening, upgrading, checking, searching, the command line."""

import json

import pytest
from sqlalchemy import create_engine, inspect, text

from app.chronology.entries import EntryFilter, edit_entry, fetch_entries, query_entry_ids
from app.chronology.importer import import_chronology
from app.cli import main
from app.context import AppContext
from app.errors import UserError
from app.imrs import add_agency
from app.reviews import create_review, list_reviews
from db.migrate import current_revision, head_revision, upgrade
from db.ordering import SERVER_ORDER_COLUMNS, SERVER_ORDER_INDEXES
from db.references import SERVER_CHECKED_REFERENCES
from db.search import prefix_query
from db.server import is_server_url, safe_location, server_url
from db.store import StoreError, check_store, open_store, verify
from tests.test_chronology_import import SAMPLES
from tests.test_migrations import OLD_REVISION, OLD_ROWS, all_revisions, schema_differences

# Indexes each engine makes for itself (the full-text index of PostgreSQL, the indexes holding
# the chronology's orders), not in the models or with fewer columns there.
ENGINE_OWN_INDEXES = {"ix_chronology_entry_search_words"} | SERVER_ORDER_INDEXES
# Columns PostgreSQL keeps for itself: the stored words of the full-text search, the indexed
# beginnings of the free-text orders.
ENGINE_OWN_COLUMNS = {("chronology_entry", "search_words")} | {
    ("chronology_entry", name) for name in SERVER_ORDER_COLUMNS.values()
}
# Tables PostgreSQL keeps as views of others (migration 0016): the search rows.
ENGINE_OWN_VIEWS = {"chronology_search"}


def _engine_own(difference) -> bool:
    """What each engine does its own way: PostgreSQL's full-text index and order indexes, the
    references it checks once per statement, and its citext reference where SQLite has a
    NOCASE collation."""
    first = difference[0] if isinstance(difference, list) else difference
    if first[0] == "add_table":  # a view there, which the comparison does not look at
        return first[1].name in ENGINE_OWN_VIEWS
    if first[0] == "add_index" and first[1].table.name in ENGINE_OWN_VIEWS:
        return True
    if first[0] in ("remove_index", "add_index"):
        return first[1].name in ENGINE_OWN_INDEXES
    if first[0] == "remove_column":
        return (first[2], first[3].name) in ENGINE_OWN_COLUMNS
    if first[0] == "add_fk":  # kept by statement-level triggers (migration 0014)
        return first[1].name in SERVER_CHECKED_REFERENCES
    return first[0] == "modify_type" and first[2:4] == ("review", "reference")


def _differences(engine) -> list:
    return [d for d in schema_differences(engine) if not _engine_own(d)]


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def review_id(ctx):
    review = create_review(ctx, review_type="lcspr", reference="SHARED-1", title="Child S")
    add_agency(ctx, review, "Police", "police")
    return review


# Addresses ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "location, shared",
    [
        ("postgresql://desk@db.example.org/reviews", True),
        ("postgres://desk@db.example.org/reviews", True),
        ("postgresql+psycopg://desk@db.example.org/reviews", True),
        ("/home/desk/reviewdesk.db", False),
        ("C:\\Users\\desk\\reviewdesk.db", False),
        ("reviews.db", False),
    ],
)
def test_server_addresses_are_told_from_files(location, shared):
    assert is_server_url(location) is shared


def test_the_driver_is_always_psycopg_and_the_password_never_shown():
    url = server_url("postgres://desk:s3cret@db.example.org:5433/reviews")
    assert url.drivername == "postgresql+psycopg"
    assert url.port == 5433 and url.database == "reviews"
    shown = safe_location("postgresql://desk:s3cret@db.example.org/reviews")
    assert "s3cret" not in shown and "db.example.org/reviews" in shown


def test_tsquery_takes_each_word_as_a_prefix_in_order():
    assert prefix_query("Home visit") == "home:* <-> visit:*"
    assert prefix_query("self-neglect!") == "self:* <-> neglect:*"
    assert prefix_query("'; DROP TABLE review; --") == "drop:* <-> table:* <-> review:*"
    assert prefix_query("?!") == ""


# Opening -------------------------------------------------------------------------------------


def test_an_empty_database_becomes_a_store_at_the_current_schema(pg_empty_url):
    with open_store(pg_empty_url) as store:
        assert store.shared and store.lock is None and store.backup_path is None
        assert store.upgraded_from is None
        assert "s3cret" not in store.location
        with store.engine.connect() as conn:
            assert current_revision(conn) == head_revision()
        assert _differences(store.engine) == []
        assert verify(store.engine) == []
    health = check_store(pg_empty_url)
    assert health.healthy and health.revision == head_revision()


def test_migrations_walk_one_step_at_a_time_on_postgresql_keeping_old_rows(pg_empty_url):
    engine = create_engine(server_url(pg_empty_url))
    try:
        for revision in all_revisions():
            upgrade(engine, revision)
            with engine.begin() as conn:
                assert current_revision(conn) == revision
                if revision == OLD_REVISION:
                    for table, records in OLD_ROWS.items():
                        for record in records:
                            marks = ", ".join(f"CAST(:{c} AS {_pg_type(c)})" for c in record)
                            conn.execute(
                                text(f"INSERT INTO {table} ({', '.join(record)}) VALUES ({marks})"),
                                record,
                            )
        assert _differences(engine) == []
        with engine.connect() as conn:
            titles = conn.execute(text("SELECT title FROM review ORDER BY id")).scalars().all()
    finally:
        engine.dispose()
    assert titles == [r["title"] for r in OLD_ROWS["review"]]
    with open_store(pg_empty_url) as store:
        reviews = list_reviews(AppContext(store, "Tester"))
        assert {r.reference for r in reviews} == {r["reference"] for r in OLD_ROWS["review"]}


def _pg_type(column: str) -> str:
    if column.endswith("_at"):
        return "timestamp"
    if (
        column.endswith("_date")
        or column in ("date_due", "date_requested", "scope_start")
        or (column.startswith("date_") or column in ("scope_end", "target_override"))
    ):
        return "date"
    if column == "id" or column.endswith("_id") or column == "position":
        return "integer"
    return "text"


def test_a_database_of_another_program_is_refused_and_left_alone(pg_empty_url):
    engine = create_engine(server_url(pg_empty_url))
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE invoices (id integer primary key, total numeric)"))
    try:
        with pytest.raises(StoreError, match="not a ReviewDesk store"):
            open_store(pg_empty_url)
        with engine.connect() as conn:
            assert inspect(conn).get_table_names() == ["invoices"]
    finally:
        engine.dispose()


def test_a_newer_schema_is_refused(pg_url):
    engine = create_engine(server_url(pg_url))
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()
    with pytest.raises(StoreError, match="newer version"):
        open_store(pg_url)


def test_an_unreachable_server_is_a_plain_message(tmp_path):
    url = f"postgresql://desk@/reviews?host={tmp_path}&port=1"
    with pytest.raises(StoreError, match="cannot be reached") as caught:
        open_store(url)
    assert "Traceback" not in str(caught.value)


def test_read_only_store_cannot_be_written_even_by_sql(pg_url):
    with open_store(pg_url) as writer:
        create_review(AppContext(writer, "Chair"), review_type="lcspr", reference="RO-1", title="R")
    with open_store(pg_url, readonly=True) as reader:
        ctx = AppContext(reader, "Reader")
        assert [r.reference for r in list_reviews(ctx)] == ["RO-1"]
        with pytest.raises(Exception, match="read-only transaction"):
            with reader.engine.begin() as conn:
                conn.execute(text("DELETE FROM review"))
        with pytest.raises((UserError, Exception)):
            create_review(ctx, review_type="lcspr", reference="RO-2", title="Child Q")


def test_two_people_open_the_shared_store_at_once(pg_url):
    with open_store(pg_url) as first, open_store(pg_url) as second:
        create_review(
            AppContext(first, "Chair"), review_type="lcspr", reference="BOTH-1", title="B"
        )
        create_review(
            AppContext(second, "Author"), review_type="sar", reference="BOTH-2", title="C"
        )
        seen = {r.reference for r in list_reviews(AppContext(first, "Chair"))}
    assert seen == {"BOTH-1", "BOTH-2"}


# Search --------------------------------------------------------------------------------------


def test_text_search_finds_words_and_their_beginnings_in_any_case(ctx, review_id):
    import_chronology(ctx, review_id, "Police", SAMPLES / "police_chronology.xlsx")
    every = query_entry_ids(ctx, review_id)
    rows = fetch_entries(ctx, every)
    word = next(w for r in rows for w in r.event.split() if len(w) > 6 and w.isalpha())
    expected = {r.id for r in rows if word.lower() in r.event.lower()}
    for typed in (word, word.upper(), word[:5].lower()):
        found = set(query_entry_ids(ctx, review_id, EntryFilter(text=typed)))
        assert expected <= found, typed
        assert all(
            typed.lower() in r.event.lower() or _anywhere(r, typed) for r in rows if r.id in found
        )
    assert query_entry_ids(ctx, review_id, EntryFilter(text="zzyzxqv")) == []


def _anywhere(row, typed: str) -> bool:
    fields = (row.outcome, row.significance, row.source, row.practitioner, row.role, row.subjects)
    return any(
        typed.lower() in (f or "").lower() for f in (*fields, row.event_type_text, row.date_text)
    )


def test_an_edited_entry_is_found_by_its_new_words(ctx, review_id):
    import_chronology(ctx, review_id, "Police", SAMPLES / "police_chronology.xlsx")
    first = query_entry_ids(ctx, review_id)[0]
    edit_entry(ctx, first, {"event": "Unannounced visit by the Quokka outreach team"})
    assert query_entry_ids(ctx, review_id, EntryFilter(text="quokka outreach")) == [first]
    assert query_entry_ids(ctx, review_id, EntryFilter(text="outreach quokka")) in ([], [first])


def test_person_filter_ignores_case_on_both_engines(ctx, review_id):
    import_chronology(ctx, review_id, "Police", SAMPLES / "police_chronology.xlsx")
    rows = fetch_entries(ctx, query_entry_ids(ctx, review_id))
    name = next(r.practitioner for r in rows if r.practitioner.strip())
    lower = set(query_entry_ids(ctx, review_id, EntryFilter(person=name.lower())))
    upper = set(query_entry_ids(ctx, review_id, EntryFilter(person=name.upper())))
    assert lower == upper and lower >= {r.id for r in rows if r.practitioner == name}


def test_postgresql_search_uses_the_full_text_index(pg_url):
    from sqlalchemy import select

    from db.chronology_models import ChronologySearch
    from db.search import matches_words

    with open_store(pg_url) as store:
        stmt = select(ChronologySearch.entry_id).where(
            matches_words(ChronologySearch.text, "home visit")
        )
        with store.engine.connect() as conn:
            conn.execute(text("SET enable_seqscan = off"))
            compiled = stmt.compile(dialect=conn.dialect, compile_kwargs={"literal_binds": True})
            plan = "\n".join(r[0] for r in conn.execute(text(f"EXPLAIN {compiled}")))
    assert "ix_chronology_entry_search_words" in plan, plan


# The command line ------------------------------------------------------------------------------


def test_the_command_line_works_on_the_shared_store(capsys, pg_url, monkeypatch):
    monkeypatch.setenv("REVIEWDESK_USER", "Business Manager")
    code, _, err = run(
        capsys, "create-review", "--db", pg_url, "--type", "lcspr", "--reference", "CLI-PG",
        "--title", "Child P",
    )  # fmt: skip
    assert code == 0, err
    code, _, err = run(
        capsys, "add-agency", "--db", pg_url, "--review", "CLI-PG", "--name", "Police"
    )
    assert code == 0, err
    code, out, err = run(
        capsys, "import-chronology", "--db", pg_url, "--review", "CLI-PG", "--agency", "Police",
        "--json", SAMPLES / "police_chronology.xlsx",
    )  # fmt: skip
    assert code == 0, err
    imported = json.loads(out)
    code, out, _ = run(capsys, "list", "--db", pg_url, "--json")
    assert [r["reference"] for r in json.loads(out)] == ["CLI-PG"]
    code, out, _ = run(capsys, "chronology", "--db", pg_url, "--review", "CLI-PG", "--json")
    assert code == 0 and len(json.loads(out)) == imported["imported"]
    code, out, _ = run(capsys, "check", "--db", pg_url, "--json")
    assert code == 0 and json.loads(out)["healthy"] is True


def test_reviewdesk_db_may_name_the_shared_store(capsys, pg_url, monkeypatch):
    monkeypatch.setenv("REVIEWDESK_DB", pg_url)
    with open_store(pg_url) as store:
        create_review(AppContext(store, "Chair"), review_type="lcspr", reference="ENV-1", title="E")
    code, out, _ = run(capsys, "list", "--json")
    assert code == 0 and [r["reference"] for r in json.loads(out)] == ["ENV-1"]


def test_backup_of_the_shared_store_is_a_store_file(capsys, pg_url, tmp_path):
    with open_store(pg_url) as store:
        create_review(AppContext(store, "Chair"), review_type="lcspr", reference="BK-1", title="B")
    target = tmp_path / "shared-backup.db"
    code, out, err = run(capsys, "backup", "--db", pg_url, "-o", target)
    assert code == 0, err
    assert check_store(target).healthy
    with open_store(target, readonly=True) as copy:
        assert [r.reference for r in list_reviews(AppContext(copy, "Chair"))] == ["BK-1"]
    assert not list(tmp_path.glob("*.part*"))


def test_every_table_tells_open_windows_and_a_missing_notice_is_repaired(pg_url):
    from db.changes import tables_without_trigger

    with open_store(pg_url) as store:
        with store.engine.begin() as conn:
            assert tables_without_trigger(conn) == []
            conn.execute(text("DROP TRIGGER reviewdesk_notify ON finding"))
        assert any("finding" in p for p in verify(store.engine))
    with open_store(pg_url) as store:
        assert verify(store.engine) == []


def test_the_trail_is_recorded_by_the_server_and_a_change_to_it_is_found(pg_url):
    from app.audit_log import list_audit

    with open_store(pg_url) as store:
        ctx = AppContext(store, "Sam Author")
        review = create_review(ctx, review_type="lcspr", reference="TRAIL-1", title="Child T")
        from app.edits import apply_fields

        apply_fields(ctx, "review", review, {"title": "Child T (revised)"})
        events = list_audit(ctx, review)
        assert {e.actor for e in events} == {"Sam Author"}
        changed = [e for e in events if getattr(e, "field", None) == "title"]
        assert changed and changed[0].new_value == "Child T (revised)"
        assert verify(store.engine) == []
        with store.engine.begin() as conn:  # someone edits the trail with a SQL client
            conn.execute(text("UPDATE audit_event SET actor = 'Someone else' WHERE id = 1"))
        assert any("audit trail" in p for p in verify(store.engine))


def test_a_server_older_than_postgresql_15_is_refused_plainly(pg_url, monkeypatch):
    """The search rows' view reads with its reader's rights (PostgreSQL 15): an older server is
    named, with what to do, and nothing is changed."""
    import db.server

    monkeypatch.setattr(db.server, "MINIMUM_SERVER_VERSION", 10_000_000)
    with pytest.raises(StoreError) as refused:
        open_store(pg_url)
    message = str(refused.value)
    assert "PostgreSQL 15 or later" in message and "Nothing was changed" in message
    assert "Traceback" not in message


@pytest.mark.parametrize(
    "parts, address",
    [
        (("reviews.example", 5432, "reviewdesk", "lead.author"),
         "postgresql://lead.author@reviews.example:5432/reviewdesk"),
        (("/var/run/postgresql", 5433, "rd", "chair"),
         "postgresql://chair@/rd?host=/var/run/postgresql&port=5433"),
        (("fe80::1", 5432, "rd", "a@b"), "postgresql://a%40b@[fe80::1]:5432/rd"),
        ((" db.local ", 5432, " rd ", ""), "postgresql://db.local:5432/rd"),
    ],
)  # fmt: skip
def test_a_shared_store_address_is_made_from_its_parts(parts, address):
    from db.location import server_address

    assert server_address(*parts) == address
    assert is_server_url(address)
