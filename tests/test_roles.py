"""Roles enforced by PostgreSQL: what each person sees and may change, whatever client they use."""

import io
import itertools

import pytest
from sqlalchemy import create_engine, text

from app.chronology.entries import query_entry_ids
from app.chronology.importer import import_chronology
from app.cli import main
from app.context import AppContext
from app.edits import apply_fields
from app.errors import NotFoundError, UserError
from app.imrs import add_agency
from app.reviews import create_review, get_review, list_reviews
from app.users import add_person, give_role, list_people, my_standing, set_up
from db.audit import verify_chain
from db.base import Base
from db.roles import review_expr, setup_statements
from db.server import server_url
from db.store import NotPermittedError, StoreError, open_store
from tests.test_chronology_import import SAMPLES

_numbers = itertools.count(1)


def as_user(url: str, name: str) -> str:
    return url.replace("postgresql://postgres@", f"postgresql://{name}@", 1)


@pytest.fixture
def team(pg_url):
    """Two reviews; a business manager, an author and a panel member on A, a read-only user."""
    n = next(_numbers)
    names = {k: f"{k}{n}" for k in ("manager", "author", "panel", "reader", "outsider")}
    with open_store(pg_url) as owner:
        ctx = AppContext(owner, "Owner")
        set_up(ctx)
        a = create_review(ctx, review_type="lcspr", reference=f"A-{n}", title="Child A")
        b = create_review(ctx, review_type="sar", reference=f"B-{n}", title="Adult B")
        add_agency(ctx, a, "Police", "police")
        add_agency(ctx, b, "Health", "health")
        add_person(ctx, names["manager"], "manager", None)
        for key in ("author", "panel", "outsider"):
            add_person(ctx, names[key], "member", None)
        add_person(ctx, names["reader"], "readonly", None)
        give_role(ctx, names["author"], f"A-{n}", "author")
        give_role(ctx, names["panel"], f"A-{n}", "panel")
    stores = {}

    def login(key: str) -> AppContext:
        stores[key] = open_store(as_user(pg_url, names[key]))
        return AppContext(stores[key], names[key])

    yield {"a": a, "b": b, "n": n, "names": names, "login": login, "url": pg_url}
    for store in stores.values():
        store.close()


def test_every_table_finds_its_review_or_is_shared_by_all():
    for table in Base.metadata.sorted_tables:
        if table.name not in ("column_mapping", "review_member"):
            assert review_expr(table, table.name) is not None, table.name
    assert any('reviewdesk_read ON "challenge_question"' in s for s in setup_statements())


def test_a_panel_member_sees_only_their_review_and_changes_nothing(team):
    ctx = team["login"]("panel")
    assert my_standing(ctx) == "member"
    assert [r.id for r in list_reviews(ctx)] == [team["a"]]
    with pytest.raises(NotFoundError):
        get_review(ctx, team["b"])
    with pytest.raises(NotPermittedError):
        apply_fields(ctx, "review", team["a"], {"title": "Changed by the panel"})
    with ctx.store.engine.begin() as conn:  # a SQL client gets no further
        assert conn.execute(text("UPDATE review SET title = 'x'")).rowcount == 0
        assert conn.execute(text("SELECT count(*) FROM review")).scalar_one() == 1
        assert conn.execute(text("SELECT count(*) FROM agency")).scalar_one() == 1
    assert get_review(ctx, team["a"]).title == "Child A"


def test_an_author_changes_their_review_only(team):
    ctx = team["login"]("author")
    apply_fields(ctx, "review", team["a"], {"title": "Child A (revised)"})
    detail = get_review(ctx, team["a"])
    assert detail.title == "Child A (revised)"
    import_chronology(ctx, team["a"], "Police", SAMPLES / "police_chronology.xlsx")
    assert query_entry_ids(ctx, team["a"])
    assert [r.id for r in list_reviews(ctx)] == [team["a"]]
    with pytest.raises(NotFoundError):
        apply_fields(ctx, "review", team["b"], {"title": "Not theirs"})
    with pytest.raises(StoreError):
        create_review(ctx, review_type="lcspr", reference="NEW-1", title="New")


def test_someone_on_no_review_sees_none(team):
    assert list_reviews(team["login"]("outsider")) == []


def test_a_read_only_user_reads_everything_and_cannot_write_even_with_sql(team):
    ctx = team["login"]("reader")
    assert my_standing(ctx) == "readonly"
    assert {r.id for r in list_reviews(ctx)} == {team["a"], team["b"]}
    with pytest.raises(NotPermittedError):
        apply_fields(ctx, "review", team["a"], {"title": "Read-only change"})
    assert ctx.store.readonly  # the window opens read-only for them
    client = create_engine(server_url(as_user(team["url"], team["names"]["reader"])))
    try:
        with pytest.raises(Exception, match="permission denied"):
            with client.begin() as conn:
                conn.execute(text("DELETE FROM review"))
    finally:
        client.dispose()


def test_the_business_manager_sees_and_changes_everything_and_adds_people(team):
    ctx = team["login"]("manager")
    assert my_standing(ctx) == "manager"
    assert {r.id for r in list_reviews(ctx)} == {team["a"], team["b"]}
    apply_fields(ctx, "review", team["b"], {"title": "Adult B (manager)"})
    new = create_review(ctx, review_type="lcspr", reference=f"C-{team['n']}", title="Child C")
    newcomer = f"newcomer{team['n']}"
    add_person(ctx, newcomer, "member", None)
    give_role(ctx, newcomer, f"C-{team['n']}", "chair")
    chair = AppContext(open_store(as_user(team["url"], newcomer)), newcomer)
    try:
        assert [r.id for r in list_reviews(chair)] == [new]
        apply_fields(chair, "review", new, {"title": "Child C (chair)"})
    finally:
        chair.store.close()
    people = {p.username: p for p in list_people(ctx)}
    assert people[newcomer].reviews == ((f"C-{team['n']}", "chair"),)
    assert people[team["names"]["manager"]].standing == "manager"


def test_people_and_roles_belong_to_a_shared_store(ctx):
    if ctx.store.shared:
        pytest.skip("about store files")
    with pytest.raises(UserError, match="shared store"):
        set_up(ctx)


def test_users_commands(pg_url, capsys, monkeypatch):
    n = next(_numbers)
    assert main(["users", "setup", "--db", pg_url]) == 0
    assert main(["create-review", "--db", pg_url, "--type", "lcspr", "--reference", f"U-{n}",
                 "--title", "Child U"]) == 0  # fmt: skip
    monkeypatch.setattr("sys.stdin", io.StringIO("correct horse battery\n"))
    assert main(["users", "add", f"sam{n}", "--db", pg_url]) == 0
    assert main(["users", "grant", f"sam{n}", "--review", f"U-{n}", "--as", "author",
                 "--db", pg_url]) == 0  # fmt: skip
    capsys.readouterr()
    assert main(["users", "list", "--db", pg_url]) == 0
    out = capsys.readouterr().out
    assert f"sam{n}" in out and f"author on U-{n}" in out
    assert main(["users", "grant", f"nobody{n}", "--review", f"U-{n}", "--as", "chair",
                 "--db", pg_url]) == 1  # fmt: skip
    assert "no login" in capsys.readouterr().err
    assert main(["users", "grant", f"sam{n}", "--db", pg_url]) == 1
    assert "--review REF" in capsys.readouterr().err


def test_the_trail_names_the_login_whatever_name_a_sql_client_gives(team):
    """A SQL client may say it is anyone: the trail still names the login that wrote the row,
    both for a change the server records and for a trail row inserted by hand; ReviewDesk's
    own names ("Name (login)") stay as they are, and the trail's chain stays whole."""
    author = team["names"]["author"]
    ctx = team["login"]("author")
    apply_fields(ctx, "review", team["a"], {"title": "Child A (by the author)"})
    client = create_engine(server_url(as_user(team["url"], author)))
    try:
        with client.begin() as conn:
            conn.execute(text("SELECT set_config('reviewdesk.actor', 'Business Manager', true)"))
            conn.execute(
                text("UPDATE review SET title = 'Child A (by a SQL client)' WHERE id = :id"),
                {"id": team["a"]},
            )
            conn.execute(
                text(
                    "INSERT INTO audit_event (at, actor, review_id, action, entity, label) "
                    "VALUES (now(), 'Someone Else (manager1)', :id, 'update', 'review', 'x')"
                ),
                {"id": team["a"]},
            )
    finally:
        client.dispose()
    with open_store(team["url"]) as owner:
        with owner.engine.connect() as conn:
            actors = (
                conn.execute(
                    text(
                        "SELECT actor FROM audit_event WHERE entity = 'review' AND review_id = :id "
                        "AND action = 'update' ORDER BY id"
                    ),
                    {"id": team["a"]},
                )
                .scalars()
                .all()
            )
    assert actors[-3:] == [
        author,  # ReviewDesk's own change: the login alone (no other name was chosen)
        f"Business Manager ({author})",
        f"Someone Else (manager1) ({author})",
    ]
    # The next change through ReviewDesk seals the rows the client wrote: the chain is whole.
    apply_fields(ctx, "review", team["a"], {"title": "Child A"})
    with open_store(team["url"]) as owner, owner.engine.connect() as conn:
        assert verify_chain(conn) == []
