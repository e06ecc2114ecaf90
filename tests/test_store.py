"""Opening stores safely: create, lock, recognise, refuse, check, back up, roll back."""

import os
import shutil
from pathlib import Path

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import OperationalError

from app.context import AppContext
from app.reviews import create_review, list_reviews
from db.engine import create_store_engine
from db.migrate import current_revision, head_revision
from db.models import AuditEvent, Review
from db.store import (
    NewerStoreError,
    NotAStoreError,
    StoreDamagedError,
    StoreError,
    StoreLockedError,
    backup_to,
    check_store,
    open_store,
    verify,
)
from tests.support import (
    corrupt,
    make_folder,
    make_newer_store,
    make_store,
    make_store_with_orphan,
    query,
    sha256_of,
    write_foreign_sqlite,
    write_random_bytes,
    write_text_file,
)


def open_readonly(path):
    return open_store(path, readonly=True)


def open_and_close(path):
    open_store(path).close()


# Every way of looking at a store file; none of them may change a file they refuse.
OPENERS = {
    "open_store": open_and_close,
    "open_store(readonly=True)": lambda path: open_readonly(path).close(),
    "check_store": check_store,
}


def test_new_store_is_created_at_head(tmp_path):
    path = tmp_path / "sub" / "new.db"
    with open_store(path) as store, store.engine.connect() as conn:
        assert path.is_file()
        assert current_revision(conn) == head_revision()
        assert store.upgraded_from is None and store.backup_path is None
    assert not list(path.parent.glob("*before-upgrade*"))


@pytest.mark.parametrize(
    ("pragma", "expected"), [("foreign_keys", 1), ("journal_mode", "wal"), ("synchronous", 2)]
)
def test_store_connections_have_the_pragmas(store, pragma, expected):
    # Two connections at once, so both come from the engine's connect event, not one pooled one.
    with store.engine.connect() as first, store.engine.connect() as second:
        for conn in (first, second):
            assert conn.exec_driver_sql(f"PRAGMA {pragma}").scalar() == expected


def test_second_writer_is_refused_and_told_who_has_it_open(store, store_path):
    with pytest.raises(StoreLockedError, match="already open") as refused:
        open_store(store_path)
    assert refused.value.owner is not None
    assert refused.value.owner.pid == os.getpid()


def test_readonly_store_reads_while_locked_and_refuses_writes(ctx, store_path):
    create_review(ctx, review_type="lcspr", reference="RO-1", title="Read me")
    with open_readonly(store_path) as readonly:
        assert readonly.readonly and readonly.lock is None
        assert [r.reference for r in list_reviews(AppContext(readonly, "Reader"))] == ["RO-1"]
        with pytest.raises(OperationalError, match="readonly"), readonly.session("R") as session:
            session.add(Review(reference="RO-2", title="Not allowed", review_type="scr"))
    assert query(store_path, "SELECT reference FROM review") == [("RO-1",)]


def test_store_opens_again_after_close(store_path):
    first = open_store(store_path)
    first.close()
    with open_store(store_path) as second:
        assert not second.readonly and second.lock.held


def test_missing_store_is_not_created_readonly_or_without_create(tmp_path):
    path = tmp_path / "absent.db"
    for kwargs in ({"readonly": True}, {"create": False}):
        with pytest.raises(StoreError, match="no store"):
            open_store(path, **kwargs)
    assert not path.exists()


@pytest.mark.parametrize(
    "build", [write_text_file, write_random_bytes, make_folder], ids=["text", "random", "folder"]
)
@pytest.mark.parametrize("opener", OPENERS.values(), ids=OPENERS.keys())
def test_files_that_are_not_sqlite_are_refused(tmp_path, build, opener):
    path = build(tmp_path / "thing.db")
    before = None if path.is_dir() else sha256_of(path)
    with pytest.raises(NotAStoreError) as refused:
        opener(path)
    assert path.name in str(refused.value)
    if before is not None:
        assert sha256_of(path) == before


@pytest.mark.parametrize("opener", OPENERS.values(), ids=OPENERS.keys())
def test_foreign_sqlite_database_is_refused(tmp_path, opener):
    path = write_foreign_sqlite(tmp_path / "other-program.db")
    with pytest.raises(NotAStoreError, match="not a ReviewDesk store"):
        opener(path)
    assert query(path, "SELECT name FROM contact ORDER BY id") == [("Zoë",), ("Siobhán",)]


@pytest.mark.parametrize(
    "opener",
    [
        pytest.param(
            open_and_close,
            id="open_store",
        ),
        pytest.param(lambda path: open_readonly(path).close(), id="readonly"),
        pytest.param(check_store, id="check_store"),
    ],
)
def test_foreign_sqlite_database_is_left_byte_for_byte_unchanged(tmp_path, opener):
    path = write_foreign_sqlite(tmp_path / "other-program.db")
    before = sha256_of(path)
    with pytest.raises(NotAStoreError):
        opener(path)
    assert sha256_of(path) == before


@pytest.mark.parametrize("opener", OPENERS.values(), ids=OPENERS.keys())
def test_newer_store_is_refused_and_unchanged(tmp_path, opener):
    path = make_newer_store(tmp_path / "newer.db")
    before = sha256_of(path)
    with pytest.raises(NewerStoreError, match="9999"):
        opener(path)
    assert sha256_of(path) == before
    assert query(path, "SELECT version_num FROM alembic_version") == [("9999",)]


def test_refused_open_releases_its_lock(tmp_path):
    path = make_newer_store(tmp_path / "newer.db")
    for _ in range(2):  # the second attempt must meet the same problem, not a lock
        with pytest.raises(NewerStoreError):
            open_store(path)


@pytest.fixture(scope="module")
def sizeable_store(tmp_path_factory):
    """A closed store of some size (many pages), built once and copied by each test."""
    return make_store(tmp_path_factory.mktemp("template") / "big.db", reviews=300)


def open_refuses(path):
    with pytest.raises((StoreDamagedError, NotAStoreError)):
        open_and_close(path)


def check_refuses(path):
    """check_store may raise a StoreError or report the problems; it must not say healthy."""
    try:
        health = check_store(path)
    except StoreError:
        return
    assert not health.healthy


@pytest.mark.parametrize(
    "how",
    [
        "scattered",
        pytest.param(
            "whole page",
        ),
    ],
)
@pytest.mark.parametrize("refuses", [open_refuses, check_refuses], ids=["open_store", "check"])
def test_corrupted_store_is_refused_and_not_modified(tmp_path, sizeable_store, how, refuses):
    path = tmp_path / "damaged.db"
    shutil.copyfile(sizeable_store, path)
    corrupt(path, how)
    before = sha256_of(path)
    refuses(path)
    assert sha256_of(path) == before


def test_damaged_store_message_stays_readable(tmp_path, sizeable_store):
    path = tmp_path / "damaged.db"
    shutil.copyfile(sizeable_store, path)
    corrupt(path, "scattered")
    with pytest.raises(StoreDamagedError) as refused:
        open_store(path)
    assert len(str(refused.value).splitlines()) <= 10


def test_check_store_reports_a_good_store_healthy_even_while_open(store, store_path):
    health = check_store(store_path)
    assert health.healthy and health.problems == []
    assert health.revision == health.head == head_revision()
    assert verify(store.engine) == []


def test_foreign_key_violation_is_reported_and_refused(tmp_path):
    path = make_store_with_orphan(tmp_path / "orphan.db")
    before = sha256_of(path)

    health = check_store(path)
    assert not health.healthy
    assert any("agency" in p and "review" in p for p in health.problems)

    with pytest.raises(StoreDamagedError, match="agency"):
        open_store(path)
    assert sha256_of(path) == before
    assert query(path, "SELECT count(*) FROM agency") == [(1,)]


def test_verify_lists_the_orphan_row(tmp_path):
    path = make_store_with_orphan(tmp_path / "orphan.db")
    (rowid,) = query(path, "SELECT rowid FROM agency")[0]
    engine = create_store_engine(path, readonly=True)
    try:
        problems = verify(engine)
    finally:
        engine.dispose()
    assert problems == [f"foreign key: row {rowid} of agency points to a missing review"]


def test_backup_while_open_and_locked_has_the_same_rows(ctx, store_path, tmp_path):
    for n, title in enumerate(["Child A", "Łukasz", "محمد"]):
        create_review(ctx, review_type="sar", reference=f"BK-{n}", title=title)
    copy = tmp_path / "copy.db"

    backup_to(store_path, copy)

    with pytest.raises(StoreLockedError):  # the store really was open and locked throughout
        open_store(store_path)
    for table in ("review", "audit_event", "alembic_version"):
        sql = f"SELECT * FROM {table} ORDER BY 1"
        assert query(copy, sql) == query(store_path, sql)
    assert len(query(copy, "SELECT * FROM review")) == 3
    assert check_store(copy).healthy


def test_failed_transaction_rolls_back_the_change_and_its_audit_rows(store):
    def count(session, model):
        return session.scalar(select(func.count()).select_from(model))

    with store.session("Tester") as session:
        audit_before = count(session, AuditEvent)

    with pytest.raises(RuntimeError, match="power cut"), store.session("Tester") as session:
        session.add(Review(reference="ROLLBACK-1", title="Lost", review_type="scr"))
        session.flush()
        assert count(session, AuditEvent) > audit_before  # written in the same transaction
        raise RuntimeError("power cut")

    with store.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM review")).scalar() == 0
        assert conn.execute(text("SELECT count(*) FROM audit_event")).scalar() == audit_before


def test_revisions_read_from_the_files_match_alembics(tmp_path):
    from alembic.script import ScriptDirectory

    from db.migrate import alembic_config, is_known_revision, revision_graph

    scripts = ScriptDirectory.from_config(alembic_config())
    assert head_revision() == scripts.get_current_head()
    assert set(revision_graph()) == {s.revision for s in scripts.walk_revisions()}
    assert not is_known_revision("ffff")


def test_opening_an_up_to_date_store_does_not_import_alembic(tmp_path):
    import subprocess
    import sys

    path = tmp_path / "current.db"
    open_store(path).close()
    code = (
        "import sys; from db.store import open_store; "
        f"open_store({str(path)!r}).close(); "
        "print('alembic' in sys.modules, 'mako' in sys.modules)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=Path.cwd()
    )
    assert done.stdout.split() == ["False", "False"]


def test_a_quick_check_started_early_is_used_and_refuses_a_damaged_store(tmp_path):
    from db.checks import start_quick_check

    healthy = tmp_path / "healthy.db"
    open_store(healthy).close()
    pending = start_quick_check(healthy)
    assert pending is not None
    open_store(healthy, prechecked=pending).close()
    assert pending.result() == []

    orphan = make_store_with_orphan(tmp_path / "orphan.db")
    pending = start_quick_check(orphan)
    with pytest.raises(StoreDamagedError, match="agency"):
        open_store(orphan, prechecked=pending)
    assert start_quick_check(tmp_path / "missing.db") is None


@pytest.mark.parametrize("location", ["postgresql:/reviews@/team?host=/tmp/s", "postgres:host/db"])
def test_a_mistyped_server_address_is_refused_and_no_file_is_made(tmp_path, monkeypatch, location):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(StoreError, match="two slashes"):
        open_store(location)
    assert list(tmp_path.iterdir()) == []
