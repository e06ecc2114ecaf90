"""Check-out on the shared store's server: the database refuses a SQL client, roles apply,
a check-out waits for a change being saved; stores made before check-outs upgrade."""

import pytest
from sqlalchemy import create_engine, text

from app.checkout import check_in, check_out, release_checkout
from app.cli import main
from app.context import AppContext
from app.edits import apply_fields
from app.errors import UserError
from app.imrs import add_agency
from app.reviews import create_review, find_review_id, get_review, list_reviews
from db.audit import verify_chain
from db.server import server_url
from db.store import CheckedOutError, open_store


def test_the_shared_store_itself_refuses_a_sql_client(pg_url, tmp_path):
    """On PostgreSQL the database refuses writes to a checked-out review, whoever connects."""
    from app.users import add_person, give_role, set_up

    with open_store(pg_url) as owner, open_store(tmp_path / "laptop.db") as laptop_store:
        octx = AppContext(owner, "Owner")
        set_up(octx)
        a = create_review(octx, review_type="lcspr", reference="SQL-1", title="Child A")
        add_agency(octx, a, "Police", "police")
        add_person(octx, "sam.author", "member", None)
        give_role(octx, "sam.author", "SQL-1", "author")
        check_out(octx, AppContext(laptop_store, "Owner"), "SQL-1")
    as_author = pg_url.replace("postgresql://postgres@", "postgresql://sam.author@", 1)
    engine = create_engine(server_url(as_author))
    try:
        for statement in (
            "UPDATE review SET title = 'x' WHERE reference = 'SQL-1'",
            "UPDATE agency SET name = 'x'",
            "DELETE FROM agency",
            f"INSERT INTO line_of_enquiry (review_id, position, text) VALUES ({a}, 1, 'x')",
        ):
            with pytest.raises(Exception, match=r"SQL-1 is checked out to Owner since"):
                with engine.begin() as conn:
                    conn.execute(text(statement))
        # Nor can the author end the check-out behind the app's back: only the login that
        # took it, the review's chair or the business manager may.
        with engine.begin() as conn:
            assert conn.execute(text("DELETE FROM review_checkout")).rowcount == 0
            changed = conn.execute(text("UPDATE review_checkout SET login = current_user"))
            assert changed.rowcount == 0
        with engine.connect() as conn:
            assert conn.scalar(text("SELECT title FROM review")) == "Child A"
            assert conn.scalar(text("SELECT count(*) FROM review_checkout")) == 1
    finally:
        engine.dispose()
    # Through the app, the same login gets the same plain words.
    with open_store(as_author) as store:
        with pytest.raises(CheckedOutError, match="SQL-1 is checked out to Owner"):
            apply_fields(AppContext(store, "sam.author"), "review", a, {"title": "y"})


def test_an_author_checks_out_and_in_under_the_servers_roles(pg_url, tmp_path):
    """Row-level security applies to everything check-out and check-in read and write."""
    from app.users import add_person, give_role, set_up

    with open_store(pg_url) as owner:
        octx = AppContext(owner, "Owner")
        set_up(octx)
        a = create_review(octx, review_type="lcspr", reference="RLS-1", title="Child A")
        create_review(octx, review_type="sar", reference="RLS-2", title="Not theirs")
        add_agency(octx, a, "Police", "police")
        for name, role in (("amy.author", "author"), ("pat.panel", "panel")):
            add_person(octx, name, "member", None)
            give_role(octx, name, "RLS-1", role)

    def login(name: str) -> str:
        return pg_url.replace("postgresql://postgres@", f"postgresql://{name}@", 1)

    with open_store(tmp_path / "laptop.db") as laptop_store:
        laptop = AppContext(laptop_store, "amy.author")
        with open_store(login("pat.panel")) as store:
            with pytest.raises(UserError, match="does not allow checking out"):
                check_out(AppContext(store, "pat.panel"), laptop, "RLS-1")
        with open_store(login("amy.author")) as store:
            author = AppContext(store, "amy.author")
            check_out(author, laptop, "RLS-1")
            mine = find_review_id(laptop, "RLS-1")
            add_agency(laptop, mine, "Health", "health")
            with pytest.raises(UserError, match="chair or the business manager"):
                release_checkout(author, "RLS-1", "mine")
            report = check_in(laptop, author, "RLS-1", apply=True)
            assert report.summary() == ["Agencies: 1 added", "IMRs: 1 added"]
    with open_store(pg_url) as owner, owner.engine.connect() as conn:
        assert verify_chain(conn) == []
        assert [i.agency for i in get_review(AppContext(owner, "O"), a).imrs] == [
            "Police",
            "Health",
        ]


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_a_store_made_before_check_outs_upgrades_and_checks_out(kind, request, tmp_path):
    from db.engine import create_store_engine
    from db.migrate import upgrade

    if kind == "sqlite":
        location = tmp_path / "old.db"
        engine = create_store_engine(location, enforce_foreign_keys=False)
    else:
        location = request.getfixturevalue("pg_empty_url")
        engine = create_engine(server_url(location))
    try:
        upgrade(engine, "0011")
        with engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO review (id, reference, title, review_type, subject_pseudonym, "
                    "partnership, protective_marking, status, created_at, updated_at, version) "
                    "VALUES (1, 'OLD-1', 'Made at 0011', 'lcspr', '', '', 'OFFICIAL', "
                    "'commissioned', '2026-01-01 09:00:00', '2026-01-01 09:00:00', 1)"
                )
            )
    finally:
        engine.dispose()
    with open_store(location) as store, open_store(tmp_path / "laptop.db") as laptop_store:
        ctx, laptop = AppContext(store, "Chair"), AppContext(laptop_store, "Chair")
        assert [r.reference for r in list_reviews(ctx)] == ["OLD-1"]
        check_out(ctx, laptop, "OLD-1")
        with pytest.raises(CheckedOutError, match="OLD-1"):
            apply_fields(ctx, "review", 1, {"title": "Changed"})
        apply_fields(laptop, "review", find_review_id(laptop, "OLD-1"), {"title": "Offline"})
        check_in(laptop, ctx, "OLD-1", apply=True)
        assert get_review(ctx, 1).title == "Offline"


def test_the_laptop_store_is_encrypted_like_any_store(pg_url, tmp_path, monkeypatch, capsys):
    secret = "Zoë Secretname at the school gate"
    with open_store(pg_url) as store:
        create_review(AppContext(store, "Chair"), review_type="lcspr", reference="ENC-1",
                      title=secret)  # fmt: skip
    monkeypatch.delenv("REVIEWDESK_UNENCRYPTED")
    monkeypatch.setenv("REVIEWDESK_PASSPHRASE", "correct horse battery")
    laptop = tmp_path / "laptop.db"
    assert main(["checkout", "--review", "ENC-1", "--from", pg_url, "--to", str(laptop)]) == 0
    capsys.readouterr()
    data = laptop.read_bytes()
    assert not data.startswith(b"SQLite format 3") and secret.encode() not in data
    with open_store(laptop, passphrase="correct horse battery") as store:
        assert [r.title for r in list_reviews(AppContext(store, "Chair"))] == [secret]


def test_a_missing_guard_is_found_by_check_and_repaired_on_opening(pg_url):
    from db.store import check_store

    engine = create_engine(server_url(pg_url))
    try:
        with engine.begin() as conn:
            conn.execute(text("DROP TRIGGER checkout_guard_finding ON finding"))
    finally:
        engine.dispose()
    problems = check_store(pg_url).problems
    assert any("finding does not refuse writes to a checked-out review" in p for p in problems)
    open_store(pg_url).close()
    assert check_store(pg_url).problems == []


def test_a_check_out_waits_for_a_write_under_way_and_takes_it_along(pg_url, tmp_path):
    """A change being saved when the check-out starts is in the copy, not lost."""
    import threading
    import time

    with open_store(pg_url) as store, open_store(tmp_path / "laptop.db") as laptop_store:
        ctx = AppContext(store, "Chair")
        a = create_review(ctx, review_type="lcspr", reference="RACE-1", title="Before")
        writer = create_engine(server_url(pg_url))
        try:
            with writer.connect() as conn:
                transaction = conn.begin()
                conn.execute(text("UPDATE review SET title = 'Saved meanwhile' WHERE id = :a"),
                             {"a": a})  # fmt: skip
                done: list = []
                worker = threading.Thread(
                    target=lambda: done.append(
                        check_out(ctx, AppContext(laptop_store, "Author"), "RACE-1")
                    )
                )
                worker.start()
                for _ in range(600):  # until the check-out waits on the writer's lock
                    waiting = conn.execute(
                        text(
                            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' "
                            "AND NOT granted"
                        )
                    ).scalar()
                    if waiting:
                        break
                    time.sleep(0.05)
                assert waiting and not done
                transaction.commit()
                worker.join(60)
        finally:
            writer.dispose()
        assert done
        laptop = AppContext(laptop_store, "Author")
        assert get_review(laptop, find_review_id(laptop, "RACE-1")).title == "Saved meanwhile"


def test_a_store_with_a_review_checked_out_is_copied_and_backed_up_whole(pg_empty_url, tmp_path):
    from app.store_copy import copy_store
    from db.transfer import table_summary

    source = tmp_path / "team.db"
    with open_store(source) as store, open_store(tmp_path / "laptop.db") as laptop_store:
        ctx = AppContext(store, "Chair")
        a = create_review(ctx, review_type="lcspr", reference="COPY-1", title="Child A")
        add_agency(ctx, a, "Police", "police")
        check_out(ctx, AppContext(laptop_store, "Author"), "COPY-1")
    copy_store(source, pg_empty_url)
    back = tmp_path / "back.db"
    copy_store(pg_empty_url, back)
    summaries = []
    for location in (source, pg_empty_url, back):
        with open_store(location) as store:
            with store.engine.connect() as conn:
                summaries.append(table_summary(conn))
            with pytest.raises(CheckedOutError, match="COPY-1 is checked out to Chair"):
                apply_fields(AppContext(store, "X"), "review", a, {"title": "Changed"})
    assert summaries[0] == summaries[1] == summaries[2]


def test_many_new_rows_at_once_are_refused_when_one_of_their_reviews_is_checked_out(
    pg_url, tmp_path
):
    """New rows are checked once per statement, each of their reviews in turn: one
    checked-out review among them refuses the whole statement."""
    with open_store(pg_url) as owner, open_store(tmp_path / "laptop.db") as laptop_store:
        octx = AppContext(owner, "Owner")
        free = create_review(octx, review_type="lcspr", reference="FREE-1", title="Child F")
        held = create_review(octx, review_type="lcspr", reference="HELD-1", title="Child H")
        check_out(octx, AppContext(laptop_store, "Owner"), "HELD-1")
    engine = create_engine(server_url(pg_url))
    many = (
        "INSERT INTO line_of_enquiry (review_id, position, text) "
        "SELECT r.id, n, 'Question ' || n FROM review r, generate_series(1, 600) n "
        "WHERE r.id IN ({})"
    )
    try:
        with pytest.raises(Exception, match=r"HELD-1 is checked out to Owner since"):
            with engine.begin() as conn:
                conn.execute(text(many.format(f"{free}, {held}")))
        with engine.begin() as conn:
            assert conn.execute(text(many.format(free))).rowcount == 600
        with engine.connect() as conn:
            counts = conn.execute(
                text("SELECT review_id, count(*) FROM line_of_enquiry GROUP BY review_id")
            ).all()
        assert counts == [(free, 600)]
    finally:
        engine.dispose()
