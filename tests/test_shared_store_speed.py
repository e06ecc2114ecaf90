"""The shared store's quick paths give the same answers as the plain ones: COPY for large
imports, ids in one round trip, the orders read from PostgreSQL's indexes, reading without
waiting for writers of the audit trail."""

import random
import threading

import pytest
from sqlalchemy import create_engine, insert, select, text
from sqlalchemy.dialects import postgresql

import db.bulk_copy
from app.chronology.entries import SORT_KEYS, EntryFilter, fetch_entries, query_entry_ids
from app.chronology.importer import import_chronology
from app.context import AppContext
from app.edits import apply_fields
from app.errors import NotFoundError
from app.imrs import add_agency
from app.reviews import create_review, get_review
from app.store_copy import copy_store
from app.users import add_person, give_role, set_up
from benchmarks.large_review import agency_rows, write_agency_file
from db.audit_postgres import AUDIT_LOCK_KEY
from db.bulk_copy import SMALLEST_BATCH, plain_insert
from db.chronology_models import ChronologyEntry
from db.fetch import first_columns
from db.models import Imr
from db.ordering import SERVER_ORDER_INDEXES
from db.server import server_url
from db.store import NotPermittedError, open_store
from tests import test_roles
from tests.test_roles import as_user

ROWS = SMALLEST_BATCH + 100
team = test_roles.team  # the roles tests' people on two reviews


@pytest.fixture(scope="module")
def agency_file(tmp_path_factory):
    """One agency's return, large enough to go through COPY on the shared store."""
    folder = tmp_path_factory.mktemp("returns")
    return write_agency_file(folder / "police.xlsx", agency_rows(random.Random(11), ROWS, 0))


def _content(ctx, review_id) -> list[tuple]:
    """Every entry of the review as the window shows it, without ids."""
    rows = fetch_entries(ctx, query_entry_ids(ctx, review_id))
    return [(r.date_text, r.sort_date, r.time, r.event, r.outcome, r.practitioner) for r in rows]


def _spy_on_copies(monkeypatch) -> list[bool]:
    used: list[bool] = []
    original = db.bulk_copy.copy_into

    def spy(cursor, table, columns, rows, **options):
        done = original(cursor, table, columns, rows, **options)
        used.append(done)
        return done

    monkeypatch.setattr(db.bulk_copy, "copy_into", spy)
    return used


# COPY for large imports ------------------------------------------------------------------------


def test_a_large_import_goes_through_copy_and_lands_as_on_sqlite(
    pg_url, tmp_path, agency_file, monkeypatch
):
    used = _spy_on_copies(monkeypatch)
    found = {}
    for location in (tmp_path / "local.db", pg_url):
        with open_store(location) as store:
            ctx = AppContext(store, "Importer")
            review = create_review(ctx, review_type="lcspr", reference="BIG-1", title="Child B")
            result = import_chronology(ctx, review, "Police", agency_file)
            assert result.imported == ROWS
            found[location] = _content(ctx, review)
            # every entry is found by its words, so its search row was made too
            word = found[location][0][3].split()[0]
            assert query_entry_ids(ctx, review, EntryFilter(text=word))
    assert True in used  # the shared store's entries went through COPY
    assert found[pg_url] == found[tmp_path / "local.db"]
    assert len(found[pg_url]) == ROWS


def test_an_author_under_row_level_security_imports_with_plain_inserts(
    pg_url, agency_file, monkeypatch
):
    with open_store(pg_url) as owner:
        ctx = AppContext(owner, "Owner")
        set_up(ctx)
        review = create_review(ctx, review_type="lcspr", reference="RLS-1", title="Child R")
        add_person(ctx, "author_rls", "member", None)
        give_role(ctx, "author_rls", "RLS-1", "author")
    used = _spy_on_copies(monkeypatch)
    with open_store(as_user(pg_url, "author_rls")) as store:
        ctx = AppContext(store, "author_rls")
        assert import_chronology(ctx, review, "Police", agency_file).imported == ROWS
        assert len(query_entry_ids(ctx, review)) == ROWS
    assert used and not any(used)  # PostgreSQL refuses COPY there: INSERTs were used


def test_only_inserts_of_plain_values_are_turned_into_copy():
    compiled = insert(ChronologyEntry.__table__).compile(
        dialect=postgresql.psycopg.dialect(), column_keys=["review_id", "agency_id", "event"]
    )
    table, columns, names = plain_insert(compiled.string)
    assert table == "chronology_entry" and {"review_id", "agency_id", "event"} <= set(names)
    assert columns.split(", ") == names  # (columns with defaults are written too)
    for statement in (
        "INSERT INTO t (a, b) VALUES (%(a)s, lower(%(b)s))",
        "INSERT INTO t (a, b) VALUES (%(a)s, %(b)s) ON CONFLICT DO NOTHING",
        "INSERT INTO t (a, b) SELECT a, b FROM u",
        "INSERT INTO t (a, b) VALUES (%(a)s, 1)",
        "UPDATE t SET a = %(a)s",
    ):
        assert plain_insert(statement) is None, statement


# The merged view's ids ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def both_engines(tmp_path_factory, pg_server):
    """One review of four agencies in a store file and its copy on the shared store."""
    folder = tmp_path_factory.mktemp("orders")
    local = folder / "orders.db"
    with open_store(local) as store:
        ctx = AppContext(store, "Tester")
        review = create_review(ctx, review_type="lcspr", reference="ORD-1", title="Child O")
        rng = random.Random(5)
        for index, name in enumerate(("Police", "Health", "School", "Housing")):
            path = write_agency_file(folder / f"a{index}.xlsx", agency_rows(rng, 150, index))
            import_chronology(ctx, review, name, path)
        add_agency(ctx, review, "Probation", "probation")  # an agency with no entries
    shared = pg_server.url(pg_server.new_database(empty=True))
    copy_store(local, shared)
    with open_store(local) as a, open_store(shared) as b:
        yield AppContext(a, "Tester"), AppContext(b, "Tester"), review


FILTERS = [
    EntryFilter(),
    EntryFilter(text="supervision"),
    EntryFilter(agency_ids=(2, 4)),
    EntryFilter(person="Nurse"),
]


@pytest.mark.parametrize("sort", SORT_KEYS)
@pytest.mark.parametrize("descending", [False, True])
def test_every_order_and_filter_gives_the_same_ids_on_both_engines(both_engines, sort, descending):
    local, shared, review = both_engines
    for flt in FILTERS:
        expected = query_entry_ids(local, review, flt, sort, descending)
        assert expected, flt
        assert query_entry_ids(shared, review, flt, sort, descending) == expected, flt


def test_several_id_lists_come_back_in_one_answer_in_order(both_engines):
    local, shared, review = both_engines
    stmts = [
        select(ChronologyEntry.id)
        .where(ChronologyEntry.agency_id == 2)
        .order_by(ChronologyEntry.id.desc()),
        select(ChronologyEntry.id).where(ChronologyEntry.agency_id == 99),  # nothing
        select(ChronologyEntry.id)
        .where(ChronologyEntry.agency_id == 1)
        .order_by(ChronologyEntry.id),
    ]
    answers = []
    for ctx in (local, shared):
        with ctx.session() as session:
            answers.append(first_columns(session.connection(), stmts))
    assert answers[0] == answers[1]
    assert len(answers[0]) == 300 and answers[0][:150] == sorted(answers[0][:150], reverse=True)


@pytest.mark.parametrize("sort", ["date", "agency", "type", "practitioner", "recorded"])
def test_postgresql_reads_each_order_from_its_index(both_engines, sort):
    from app.chronology import entries

    _local, shared, review = both_engines
    captured = []

    def explain(conn, stmts):
        conn.execute(text("SET LOCAL enable_seqscan = off"))
        conn.execute(text("SET LOCAL enable_sort = off"))
        for stmt in stmts[:1]:
            sql = stmt.compile(dialect=conn.dialect, compile_kwargs={"literal_binds": True})
            captured.append("\n".join(r[0] for r in conn.execute(text(f"EXPLAIN {sql}"))))
        return []

    original = entries.first_columns, entries.first_column
    entries.first_columns = explain
    entries.first_column = lambda conn, stmt: explain(conn, [stmt])
    try:
        query_entry_ids(shared, review, EntryFilter(), sort)
    finally:
        entries.first_columns, entries.first_column = original
    plan = captured[0]
    assert "Sort" not in plan.split("\n")[0] and any(i in plan for i in SERVER_ORDER_INDEXES), plan


def test_a_copy_to_the_shared_store_leaves_its_statistics_ready(both_engines):
    _local, shared, _review = both_engines
    engine = create_engine(server_url(shared.store.url))
    with engine.connect() as conn:
        analysed = conn.execute(
            text(
                "SELECT last_vacuum IS NOT NULL AND last_analyze IS NOT NULL "
                "FROM pg_stat_user_tables WHERE relname = 'chronology_entry'"
            )
        ).scalar_one()
    engine.dispose()
    assert analysed


# Reading while someone writes -----------------------------------------------------------------


def test_reading_does_not_wait_for_a_writer_of_the_audit_trail(both_engines):
    _local, shared, review = both_engines
    expected = query_entry_ids(shared, review)
    writer = create_engine(server_url(shared.store.url))
    answers: list = []
    with writer.connect() as conn, conn.begin():
        # Someone else is in the middle of a change: they hold the trail's lock until they commit.
        conn.execute(text(f"SELECT pg_advisory_xact_lock({AUDIT_LOCK_KEY})"))
        reader = threading.Thread(target=lambda: answers.append(query_entry_ids(shared, review)))
        reader.start()
        reader.join(timeout=20)
        finished = not reader.is_alive()
    reader.join()
    writer.dispose()
    assert finished, "reading waited for the writer's commit"
    assert answers == [expected]


# Saving over what was seen ----------------------------------------------------------------------


def test_a_panel_member_saving_what_they_saw_is_refused_in_plain_words(team):
    ctx = team["login"]("panel")
    with pytest.raises(NotPermittedError, match="does not allow"):
        apply_fields(ctx, "review", team["a"], {"title": "Mine"}, seen={"title": "Child A"})
    with open_store(team["url"]) as owner:
        assert get_review(AppContext(owner, "Owner"), team["a"]).title == "Child A"


@pytest.mark.parametrize("engine", ["postgresql"], indirect=True)
def test_a_row_removed_while_being_saved_over_is_reported_gone(ctx, monkeypatch):
    import app.edits

    review = create_review(ctx, review_type="lcspr", reference="GONE-1", title="Child G")
    imr_id = add_agency(ctx, review, "Police", "police")
    first_check = app.edits._refuse_conflicts

    def removed_meanwhile(session, *args):
        first_check(session, *args)
        monkeypatch.setattr(app.edits, "_refuse_conflicts", first_check)
        with ctx.session() as other:  # someone else removes it before it is held
            other.delete(other.get(Imr, imr_id))

    monkeypatch.setattr(app.edits, "_refuse_conflicts", removed_meanwhile)
    with pytest.raises(NotFoundError, match="no longer exists"):
        apply_fields(ctx, "imr", imr_id, {"analysis": "more"}, seen={"analysis": ""})
