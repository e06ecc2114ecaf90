"""The chronology's references hold on both engines: SQLite's foreign keys, and on the shared
store the triggers checking them once per statement (migration 0014). A missing review, agency,
import or entry is refused by the database itself; deleting a parent takes its rows along."""

import random

import pytest
from sqlalchemy import create_engine, delete, func, insert, select, text, update
from sqlalchemy.exc import DBAPIError, IntegrityError

from app.chronology.entries import EntryFilter, query_entry_ids
from app.chronology.importer import import_chronology
from app.imrs import remove_agency
from app.reviews import create_review, delete_review
from benchmarks.large_review import agency_rows, write_agency_file
from db.bulk_copy import SMALLEST_BATCH
from db.chronology_models import (
    ChronologyEntry,
    ChronologyImport,
    ChronologySearch,
    search_text,
)
from db.migrate import upgrade
from db.references import SERVER_CHECKED_REFERENCES
from db.server import server_url
from db.store import open_store

ROWS = SMALLEST_BATCH + 50  # enough for the shared store to write them with COPY


@pytest.fixture(scope="module")
def agency_file(tmp_path_factory):
    folder = tmp_path_factory.mktemp("references")
    return write_agency_file(folder / "police.xlsx", agency_rows(random.Random(7), ROWS, 0))


@pytest.fixture
def imported(ctx, agency_file):
    review = create_review(ctx, review_type="lcspr", reference="REF-1", title="Child R")
    result = import_chronology(ctx, review, "Police", agency_file)
    return review, result


def _count(ctx, table, *where) -> int:
    with ctx.session() as session:
        return session.scalar(select(func.count()).select_from(table).where(*where))


def _first_word(ctx, review) -> str:
    with ctx.session() as session:
        event = session.scalar(
            select(ChronologyEntry.event).where(ChronologyEntry.review_id == review).limit(1)
        )
    return event.split()[0]


def test_search_finds_the_imported_entries_as_soon_as_the_import_commits(ctx, imported):
    review, result = imported
    assert result.imported == ROWS
    assert _count(ctx, ChronologySearch.__table__, ChronologySearch.review_id == review) == ROWS
    word = _first_word(ctx, review)
    found = set(query_entry_ids(ctx, review, EntryFilter(text=word)))
    with ctx.session() as session:
        entries = session.scalars(select(ChronologyEntry)).all()
        # every entry starting with the word is found, and only entries holding it
        starting = {e.id for e in entries if e.event.casefold().startswith(word.casefold())}
        holding = {e.id for e in entries if word.casefold() in search_text(e).casefold()}
    assert starting and starting <= found <= holding


def test_an_entry_added_or_changed_by_hand_is_found_by_its_new_words_only(ctx, imported):
    """Whoever writes an entry, its search row follows: SQLite's event and trigger, the shared
    store's generated words (migration 0016)."""
    from app.chronology.entries import add_entry, edit_entry

    review, result = imported
    added = add_entry(
        ctx, review, result.agency_id, {"date": "3/4/2020", "event": "Quokka seen at the door"}
    )
    assert query_entry_ids(ctx, review, EntryFilter(text="quokka")) == [added]
    edit_entry(
        ctx, added, {"event": "Wombat seen at the door", "practitioner": "Health visitor Quinta"}
    )
    assert query_entry_ids(ctx, review, EntryFilter(text="quokka")) == []
    assert query_entry_ids(ctx, review, EntryFilter(text="wombat")) == [added]
    assert query_entry_ids(ctx, review, EntryFilter(text="quinta")) == [added]
    with ctx.session() as session:
        entry = session.get(ChronologyEntry, added)
        row = session.get(ChronologySearch, added)
        assert row.text == search_text(entry) and row.review_id == review


def test_deleting_an_agency_takes_its_entries_and_their_search_rows(ctx, imported):
    review, result = imported
    remove_agency(ctx, result.agency_id)
    assert _count(ctx, ChronologyEntry.__table__, ChronologyEntry.review_id == review) == 0
    assert _count(ctx, ChronologySearch.__table__, ChronologySearch.review_id == review) == 0
    assert _count(ctx, ChronologyImport.__table__) == 0


def test_deleting_an_import_takes_its_entries_and_their_search_rows(ctx, imported):
    review, result = imported
    with ctx.session() as session:
        session.execute(delete(ChronologyImport).where(ChronologyImport.id == result.import_id))
    assert _count(ctx, ChronologyEntry.__table__) == 0
    assert _count(ctx, ChronologySearch.__table__) == 0
    assert query_entry_ids(ctx, review) == []


def test_deleting_a_review_takes_everything_of_its_chronology(ctx, imported):
    review, _ = imported
    delete_review(ctx, review)
    for table in (ChronologyEntry, ChronologySearch, ChronologyImport):
        assert _count(ctx, table.__table__) == 0


def _entry(review_id, agency_id, import_id=None, **extra) -> dict:
    return {
        "review_id": review_id,
        "agency_id": agency_id,
        "import_id": import_id,
        "date_text": "1/2/2020",
        "event": "Home visit",
        **extra,
    }


@pytest.mark.parametrize(
    "wrong, constraint",
    [
        ("review_id", "fk_chronology_entry_review_id_review"),
        ("agency_id", "fk_chronology_entry_agency_id_agency"),
        ("import_id", "fk_chronology_entry_import_id_chronology_import"),
    ],
)
def test_an_entry_pointing_at_nothing_is_refused_by_the_database(
    ctx, imported, engine, wrong, constraint
):
    review, result = imported
    good = _entry(review, result.agency_id, result.import_id)
    with pytest.raises(IntegrityError) as refused, ctx.session() as session:
        session.execute(insert(ChronologyEntry), [good, {**good, wrong: 987654}])
    if engine == "postgresql":
        assert constraint in str(refused.value) and "987654" in str(refused.value)
    assert _count(ctx, ChronologyEntry.__table__) == ROWS  # nothing of the statement stayed


def test_an_entry_moved_to_a_missing_agency_is_refused(ctx, imported):
    review, _ = imported
    with pytest.raises(IntegrityError), ctx.session() as session:
        session.execute(
            update(ChronologyEntry)
            .where(ChronologyEntry.review_id == review)
            .values(agency_id=987654)
        )


def test_a_search_row_of_a_missing_entry_is_refused(ctx, imported):
    """SQLite refuses it by its foreign key; on the shared store the search rows are a view of
    the entries (migration 0016), which takes no row of its own at all."""
    review, _ = imported
    shared = ctx.store.engine.dialect.name == "postgresql"
    refused = DBAPIError if shared else IntegrityError
    with pytest.raises(refused, match="view" if shared else None), ctx.session() as session:
        session.execute(
            insert(ChronologySearch).values(entry_id=987654, review_id=review, text="x")
        )


def test_a_large_write_pointing_at_nothing_is_refused_on_the_shared_store(pg_url):
    """Many rows at once (COPY) are checked as one row is."""
    from app.context import AppContext

    with open_store(pg_url) as store:
        ctx = AppContext(store, "Tester")
        review = create_review(ctx, review_type="lcspr", reference="REF-2", title="Child T")
        rows = [_entry(review, 987654, event=f"Visit {n}") for n in range(SMALLEST_BATCH + 1)]
        with pytest.raises(IntegrityError, match="fk_chronology_entry_agency_id_agency"):
            with ctx.session() as session:
                session.execute(insert(ChronologyEntry), rows)
        assert _count(ctx, ChronologyEntry.__table__) == 0


def test_a_referenced_id_cannot_change_nor_its_table_be_emptied_on_the_shared_store(
    pg_url, agency_file
):
    from app.context import AppContext

    with open_store(pg_url) as store:
        ctx = AppContext(store, "Tester")
        review = create_review(ctx, review_type="lcspr", reference="REF-3", title="Child U")
        result = import_chronology(ctx, review, "Police", agency_file)
    engine = create_engine(server_url(pg_url))
    try:
        for sql in (
            f"UPDATE chronology_import SET id = 987654 WHERE id = {result.import_id}",
            f"UPDATE agency SET id = 987654 WHERE id = {result.agency_id}",
            "TRUNCATE chronology_import",
        ):
            with pytest.raises(DBAPIError, match="foreign key constraint"), engine.begin() as conn:
                conn.execute(text(sql))
        with engine.connect() as conn:
            assert conn.scalar(text("SELECT count(*) FROM chronology_search")) == ROWS
    finally:
        engine.dispose()


def test_the_references_become_foreign_keys_again_below_0014(pg_empty_url):
    """Downgraded to 0013 the shared store has its four foreign keys back; upgraded again,
    its triggers."""

    def foreign_keys(conn) -> set[str]:
        return set(
            conn.execute(text("SELECT conname FROM pg_constraint WHERE contype = 'f'")).scalars()
        )

    def triggers(conn) -> set[str]:
        return set(
            conn.execute(
                text("SELECT tgname FROM pg_trigger WHERE tgname LIKE 'reviewdesk\\_refs\\_%'")
            ).scalars()
        )

    engine = create_engine(server_url(pg_empty_url))
    try:
        upgrade(engine, "0014")
        with engine.connect() as conn:
            assert not SERVER_CHECKED_REFERENCES & foreign_keys(conn)
            assert triggers(conn) == {"reviewdesk_refs_insert", "reviewdesk_refs_update"}
        from alembic import command

        from db.migrate import alembic_config

        with engine.begin() as conn:
            command.downgrade(alembic_config(conn), "0013")
        with engine.connect() as conn:
            assert SERVER_CHECKED_REFERENCES <= foreign_keys(conn)
            assert triggers(conn) == set()
        upgrade(engine, "0014")
        with engine.connect() as conn:
            assert not SERVER_CHECKED_REFERENCES & foreign_keys(conn)
    finally:
        engine.dispose()


def test_a_missing_reference_trigger_is_found_by_check(pg_url):
    from db.store import check_store

    assert check_store(pg_url).problems == []
    engine = create_engine(server_url(pg_url))
    try:
        with engine.begin() as conn:
            conn.execute(text("DROP TRIGGER reviewdesk_cascade ON agency"))
        problems = check_store(pg_url).problems
        assert any("agency does not check the references of its rows" in p for p in problems)
    finally:
        with engine.begin() as conn:  # as migration 0014 made it
            conn.execute(
                text(
                    "CREATE OR REPLACE TRIGGER reviewdesk_cascade AFTER DELETE ON agency "
                    "REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT "
                    "EXECUTE FUNCTION reviewdesk_cascade_agency()"
                )
            )
        engine.dispose()
    assert check_store(pg_url).problems == []


def test_0016_keeps_every_search_row_across_downgrade_and_upgrade(pg_url, agency_file):
    """The shared store's search rows become a view of the entries (migration 0016) and a
    table again below it, each entry's text the same and found by its words both ways."""
    from alembic import command

    from app.context import AppContext
    from db.migrate import alembic_config, head_revision

    with open_store(pg_url) as store:
        ctx = AppContext(store, "Tester")
        review = create_review(ctx, review_type="lcspr", reference="REF-9", title="Child W")
        import_chronology(ctx, review, "Police", agency_file)
        with ctx.session() as session:
            entries = session.execute(select(ChronologyEntry)).scalars().all()
            expected = {e.id: search_text(e) for e in entries}
        word = _first_word(ctx, review).lower()

    def search_rows(conn) -> dict[int, str]:
        return dict(conn.execute(text("SELECT entry_id, text FROM chronology_search")).all())

    def found(conn, query: str) -> int:
        sql = "SELECT count(*) FROM chronology_search WHERE words @@ to_tsquery('simple', :q)"
        return conn.scalar(text(sql), {"q": query})

    def kind(conn) -> str:
        return conn.scalar(text("SELECT relkind FROM pg_class WHERE relname = 'chronology_search'"))

    engine = create_engine(server_url(pg_url))
    try:
        with engine.connect() as conn:
            assert kind(conn) == "v" and search_rows(conn) == expected
            matching = found(conn, word)
            assert 0 < matching <= ROWS
        with engine.begin() as conn:
            command.downgrade(alembic_config(conn), "0015")
        first = min(expected)
        with engine.begin() as conn:
            assert kind(conn) == "r"  # a table again, with every entry's row
            assert search_rows(conn) == expected
            assert found(conn, word) == matching
            # Its trigger keeps it as before: a changed entry's text follows.
            conn.execute(text(f"UPDATE chronology_entry SET event = 'Zebra' WHERE id = {first}"))
        changed = {**expected, first: "Zebra" + expected[first][expected[first].index("\n") :]}
        with engine.connect() as conn:
            assert search_rows(conn) == changed
        with engine.begin() as conn:
            command.upgrade(alembic_config(conn), "head")
        with engine.connect() as conn:
            assert conn.scalar(text("SELECT version_num FROM alembic_version")) == head_revision()
            assert kind(conn) == "v"
            assert search_rows(conn) == changed
            assert found(conn, "zebra") == 1
    finally:
        engine.dispose()
