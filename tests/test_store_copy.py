"""``copy-store``: a whole store between SQLite and PostgreSQL, verified, nothing left half-done."""

import pytest
from sqlalchemy import func, select, text

from app.chronology.entries import fetch_entries, query_entry_ids
from app.chronology.importer import import_chronology
from app.cli import main
from app.context import AppContext
from app.demo import add_demo_reviews
from app.errors import UserError
from app.imrs import attach_document, get_imr, save_attachment
from app.reviews import create_review, get_review, list_reviews
from app.store_copy import copy_store
from db.base import Base
from db.store import open_store
from db.transfer import copied_tables, table_summary
from tests.conftest import TODAY
from tests.test_chronology_import import SAMPLES

ATTACHMENT = bytes(range(256)) * 40  # every byte value, so nothing is read as text on the way


@pytest.fixture(scope="module")
def filled(tmp_path_factory):
    """A store file holding the demonstration reviews, a chronology and an attachment."""
    path = tmp_path_factory.mktemp("filled") / "filled.db"
    with open_store(path) as store:
        ctx = AppContext(store, "Business Manager", today_override=TODAY)
        add_demo_reviews(ctx)
        review = list_reviews(ctx)[0]
        detail = get_review(ctx, review.id)
        imr = detail.imrs[0]
        import_chronology(ctx, review.id, imr.agency, SAMPLES / "police_chronology.xlsx")
        document = path.parent / "IMR return.bin"
        document.write_bytes(ATTACHMENT)
        attach_document(ctx, imr.imr_id, document)
    return path


def summary(location) -> list:
    with open_store(location, readonly=True) as store, store.engine.connect() as conn:
        return table_summary(conn)


def test_every_table_of_the_models_is_copied():
    assert {t.name for t in copied_tables()} == set(Base.metadata.tables)


def test_sqlite_to_postgresql_and_back_keeps_every_row(filled, pg_empty_url, tmp_path):
    there = copy_store(filled, pg_empty_url)
    back = tmp_path / "back.db"
    again = copy_store(pg_empty_url, back)
    original = summary(filled)
    assert there.tables == original == again.tables == summary(back)
    filled_tables = {t.table for t in original if t.rows}
    # The sample fills most tables, attachments and the chronology's search rows among them.
    assert {"review", "attachment", "chronology_entry", "chronology_search", "audit_event"} <= (
        filled_tables
    )
    assert there.rows == sum(t.rows for t in original) > 0


def test_the_copy_reads_back_the_same_through_the_services(filled, pg_empty_url, tmp_path):
    copy_store(filled, pg_empty_url)
    with open_store(filled, readonly=True) as a, open_store(pg_empty_url) as b:
        ca, cb = AppContext(a, "Chair"), AppContext(b, "Chair")
        assert list_reviews(ca) == list_reviews(cb)
        review = list_reviews(ca)[0].id
        assert fetch_entries(ca, query_entry_ids(ca, review)) == fetch_entries(
            cb, query_entry_ids(cb, review)
        )
        imr = get_review(cb, review).imrs[0].imr_id
        attachment = get_imr(cb, imr).attachments[0]
        saved = save_attachment(cb, attachment.id, tmp_path / "out.bin")
        assert saved.read_bytes() == ATTACHMENT
        # New rows get new ids after the copied ones.
        new = create_review(cb, review_type="lcspr", reference="AFTER-COPY", title="New")
        assert new > max(r.id for r in list_reviews(ca))


def test_a_target_that_is_not_empty_is_refused_and_left_alone(filled, pg_url):
    with open_store(pg_url) as store:
        create_review(AppContext(store, "Chair"), review_type="sar", reference="KEEP", title="K")
    before = summary(pg_url)
    with pytest.raises(UserError, match="not empty"):
        copy_store(filled, pg_url)
    assert summary(pg_url) == before


def test_an_existing_file_is_never_overwritten(filled, tmp_path):
    target = tmp_path / "there.db"
    target.write_bytes(b"something else")
    with pytest.raises(UserError, match="already exists"):
        copy_store(filled, target)
    assert target.read_bytes() == b"something else"


def test_a_row_the_server_cannot_take_undoes_the_whole_copy(filled, tmp_path, pg_empty_url):
    # SQLite does not hold text to its declared length; PostgreSQL does.
    odd = tmp_path / "odd.db"
    copy_store(filled, odd)
    with open_store(odd) as store, store.engine.begin() as conn:
        conn.execute(text("UPDATE review SET reference = :r WHERE id = 1"), {"r": "R" * 80})
    with pytest.raises(UserError, match="could not be written") as caught:
        copy_store(odd, pg_empty_url)
    assert "review" in str(caught.value)
    with open_store(pg_empty_url) as store, store.engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(Base.metadata.tables["review"])) == 0


def test_copy_store_command(filled, pg_empty_url, capsys):
    code = main(["copy-store", "--from", str(filled), "--to", pg_empty_url])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "count and checksum match" in out
    assert "chronology_entry" in out and "attachment" in out
    code = main(["copy-store", "--from", str(filled), "--to", pg_empty_url])
    _, err = capsys.readouterr()
    assert code == 1 and "not empty" in err and "Traceback" not in err
