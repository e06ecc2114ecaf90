"""A partnership setting up and using the shared store as the README says: the commands in
the order it gives them, copies and backups that stay encrypted, check-ins by the review's
chair and after a release, and refusals in plain words for each role."""

import io
import itertools
import os

import pytest

from app.checkout import check_in, check_out, release_checkout
from app.cli import main
from app.context import AppContext
from app.imrs import add_agency
from app.reviews import create_review, find_review_id, get_review, list_reviews
from db.store import open_store

SECRET = "Zoë Secretname of Harbour Row"
PASSPHRASE = "copper kettle river"
_numbers = itertools.count(1)


def unique(name: str) -> str:
    """Logins belong to the whole server: one of its own per test."""
    return f"{name}{os.getpid()}x{next(_numbers)}"


def login(pg_url: str, name: str) -> str:
    return pg_url.replace("postgresql://postgres@", f"postgresql://{name}@", 1)


@pytest.fixture
def team(pg_url):
    """The owner's store with roles set up, one review and its chair, author and panel."""
    from app.users import add_person, give_role, set_up

    with open_store(pg_url) as owner:
        octx = AppContext(owner, "Owner")
        set_up(octx)
        review = create_review(octx, review_type="sar", reference="RSAB-1", title=SECRET)
        add_agency(octx, review, "Police", "police")
        names = {role: unique(role) for role in ("chair", "author", "panel", "reader")}
        for role in ("chair", "author", "panel"):
            add_person(octx, names[role], "member", None)
            give_role(octx, names[role], "RSAB-1", role)
        add_person(octx, names["reader"], "readonly", None)
    return {"url": pg_url, "review": review, **names}


def test_users_commands_take_the_store_before_or_after_the_name(pg_url, monkeypatch, capsys):
    """The README writes ``users add --db URL NAME --role manager``: that order works too."""
    assert main(["users", "setup", "--db", pg_url]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO("first manager pass\n"))
    manager, author = unique("mo.manager"), unique("ann.author")
    assert main(["users", "add", "--db", pg_url, manager, "--role", "manager"]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO("\n"))
    capsys.readouterr()
    assert main(["users", "add", "--db", pg_url, author]) == 0
    assert "It has no password" in capsys.readouterr().err
    assert main(["create-review", "--db", pg_url, "--type", "sar", "--reference", "U-1",
                 "--title", "Adult U"]) == 0  # fmt: skip
    assert main(["users", "grant", "--db", pg_url, author, "--review", "U-1",
                 "--as", "author"]) == 0  # fmt: skip
    capsys.readouterr()
    assert main(["users", "list", "--db", pg_url]) == 0
    out = capsys.readouterr().out
    assert f"{manager:<24} manager" in out and "author on U-1" in out
    assert main(["users", "revoke", "--db", pg_url, author, "--review", "U-1"]) == 0
    assert main(["users", "grant", "--db", pg_url, author]) == 1
    assert "--review REF" in capsys.readouterr().err


def test_a_copy_of_the_shared_store_into_a_file_is_encrypted(team, tmp_path, monkeypatch, capsys):
    monkeypatch.delenv("REVIEWDESK_UNENCRYPTED")
    copy, backup = tmp_path / "copy.db", tmp_path / "backup.db"
    # Without a passphrase (and no terminal to ask at) nothing is written in plain.
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert main(["copy-store", "--from", team["url"], "--to", str(copy)]) == 1
    assert main(["backup", "--db", team["url"], "-o", str(backup)]) == 1
    assert "passphrase" in capsys.readouterr().err
    assert not copy.exists() and not backup.exists()

    monkeypatch.setenv("REVIEWDESK_PASSPHRASE", PASSPHRASE)
    assert main(["copy-store", "--from", team["url"], "--to", str(copy)]) == 0
    assert main(["backup", "--db", team["url"], "-o", str(backup)]) == 0
    for path in (copy, backup):
        data = path.read_bytes()
        assert not data.startswith(b"SQLite format 3") and SECRET.encode() not in data
        with open_store(path, passphrase=PASSPHRASE) as store:
            assert [r.title for r in list_reviews(AppContext(store, "X"))] == [SECRET]


def test_an_encrypted_store_file_is_copied_to_the_server(pg_empty_url, tmp_path, monkeypatch):
    source = tmp_path / "team.db"
    with open_store(source, passphrase=PASSPHRASE) as store:
        create_review(AppContext(store, "X"), review_type="sar", reference="ENC-1", title=SECRET)
    monkeypatch.delenv("REVIEWDESK_UNENCRYPTED")
    monkeypatch.setenv("REVIEWDESK_PASSPHRASE", PASSPHRASE)
    assert main(["copy-store", "--from", str(source), "--to", pg_empty_url]) == 0
    with open_store(pg_empty_url) as store:
        assert [r.title for r in list_reviews(AppContext(store, "X"))] == [SECRET]


def test_the_chair_checks_in_the_copy_the_author_took(team, tmp_path):
    """The copy remembers the store it came from, not the login that took it."""
    with open_store(tmp_path / "laptop.db") as laptop_store:
        laptop = AppContext(laptop_store, "abe.author")
        with open_store(login(team["url"], team["author"])) as store:
            check_out(AppContext(store, "abe.author"), laptop, "RSAB-1")
        mine = find_review_id(laptop, "RSAB-1")
        add_agency(laptop, mine, "Health", "health")
        with open_store(login(team["url"], team["chair"])) as store:
            chair = AppContext(store, "cara.chair")
            report = check_in(laptop, chair, "RSAB-1", apply=True)
            assert report.summary() == ["Agencies: 1 added", "IMRs: 1 added"]
            assert [i.agency for i in get_review(chair, team["review"]).imrs] == [
                "Police",
                "Health",
            ]


def test_a_copy_released_by_the_chair_checks_in_when_nothing_changed_since(team, tmp_path):
    with open_store(tmp_path / "laptop.db") as laptop_store:
        laptop = AppContext(laptop_store, "abe.author")
        with open_store(login(team["url"], team["author"])) as store:
            check_out(AppContext(store, "abe.author"), laptop, "RSAB-1")
        add_agency(laptop, find_review_id(laptop, "RSAB-1"), "School", "education")
        with open_store(login(team["url"], team["chair"])) as store:
            release_checkout(AppContext(store, "cara.chair"), "RSAB-1", "laptop left on a train")
        with open_store(login(team["url"], team["author"])) as store:
            author = AppContext(store, "abe.author")
            report = check_in(laptop, author, "RSAB-1", apply=True)
            assert report.released and report.applied
            assert [i.agency for i in get_review(author, team["review"]).imrs] == [
                "Police",
                "School",
            ]


def test_an_export_the_trail_cannot_record_is_refused_and_leaves_no_file(team, tmp_path, capsys):
    """Every export is recorded in the review's trail: a panel member's or a read-only
    login's is refused in plain words, and no unrecorded copy of the data is left behind."""
    from app.chronology.export import export_chronology
    from db.store import NotPermittedError

    with open_store(login(team["url"], team["author"])) as store:
        author = AppContext(store, team["author"])
        add_agency(author, team["review"], "Health", "health")
    out = tmp_path / "chronology.xlsx"
    with open_store(login(team["url"], team["panel"])) as store:
        with pytest.raises(NotPermittedError, match="a panel member reads a review"):
            export_chronology(AppContext(store, team["panel"]), team["review"], out)
    assert not out.exists()
    trail = tmp_path / "trail.xlsx"
    assert main(["audit", "--db", login(team["url"], team["panel"]), "--review", "RSAB-1",
                 "-o", str(trail)]) == 1  # fmt: skip
    assert "a panel member reads a review" in capsys.readouterr().err and not trail.exists()
    reader = login(team["url"], team["reader"])
    for argv in (
        ["export", "chronology", "--review", "RSAB-1", "-o", str(out)],
        ["export", "overview", "--review", "RSAB-1", "-o", str(tmp_path / "overview.pdf")],
        ["add-agency", "--review", "RSAB-1", "--name", "School"],
        ["audit", "--review", "RSAB-1", "-o", str(trail)],
    ):
        capsys.readouterr()
        assert main([*argv, "--db", reader]) == 1
        assert "read-only one: it reads every review and changes none" in capsys.readouterr().err
    assert not out.exists() and not (tmp_path / "overview.pdf").exists() and not trail.exists()
    with open_store(login(team["url"], team["author"])) as store:
        assert export_chronology(AppContext(store, team["author"]), team["review"], out) == 0
    assert out.exists()


def test_an_export_from_a_store_file_opened_read_only_is_refused_plainly(tmp_path):
    from app.audit_export import export_trail
    from app.chronology.export import export_chronology
    from app.errors import UserError

    path = tmp_path / "store.db"
    with open_store(path) as store:
        review = create_review(AppContext(store, "X"), review_type="sar", reference="R", title="t")
    out = tmp_path / "chronology.xlsx"
    trail = tmp_path / "trail.csv"
    with open_store(path, readonly=True) as store:
        with pytest.raises(UserError, match="nothing was exported"):
            export_chronology(AppContext(store, "X"), review, out)
        with pytest.raises(UserError, match="nothing was exported"):
            export_trail(AppContext(store, "X"), "R", trail)
    assert not out.exists() and not trail.exists()


def test_an_owner_without_the_right_to_create_roles_is_told_what_to_do(
    pg_server, capsys, monkeypatch
):
    """README step 1 gives the owner CREATEROLE; an owner made without it is told plainly."""
    owner = unique("owner")
    database = pg_server.new_database(empty=True)
    pg_server.admin(f'CREATE ROLE "{owner}" LOGIN')
    pg_server.admin(f'ALTER DATABASE "{database}" OWNER TO "{owner}"')
    url = pg_server.url(database, owner)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert main(["list", "--db", url]) == 0  # the first ReviewDesk to open it makes the schema
    capsys.readouterr()
    manager = unique("bm")
    assert main(["users", "add", "--db", url, manager, "--role", "manager"]) == 1
    err = capsys.readouterr().err
    assert "the right to create roles" in err and "ALTER ROLE" in err
    pg_server.admin(f'ALTER ROLE "{owner}" CREATEROLE')
    assert main(["users", "add", "--db", url, manager, "--role", "manager"]) == 0


def test_people_who_may_not_manage_roles_are_told_so(team, monkeypatch, capsys):
    chair = login(team["url"], team["chair"])
    monkeypatch.setattr("sys.stdin", io.StringIO("\n"))
    for argv, words in (
        (["users", "add", "--db", chair, unique("newbie")], "Only the business manager"),
        (["users", "grant", "--db", chair, team["author"], "--review", "RSAB-1", "--as", "panel"],
         "gives and takes roles"),
        (["users", "revoke", "--db", chair, team["author"], "--review", "RSAB-1"],
         "gives and takes roles"),
        (["users", "setup", "--db", chair], "Only the store's owner"),
        (["users", "revoke", "--db", team["url"], team["reader"], "--review", "RSAB-1"],
         "has no role on RSAB-1"),
    ):  # fmt: skip
        capsys.readouterr()
        assert main(argv) == 1
        assert words in capsys.readouterr().err
    # A chair sees their own roles; everyone else's are the business manager's to see.
    capsys.readouterr()
    assert main(["users", "list", "--db", chair]) == 0
    out = capsys.readouterr().out
    assert "chair on RSAB-1" in out and "author on RSAB-1" not in out
    assert "shown to the business manager only" in out
    assert main(["users", "list", "--db", team["url"]]) == 0
    assert "author on RSAB-1" in capsys.readouterr().out


def test_a_login_with_a_password_is_asked_for_it(team, pg_server, monkeypatch):
    """A server that asks for a password: said plainly without a terminal, asked for with one."""
    from app.store_access import open_with_passphrase
    from db.errors import StoreError

    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", "/nonexistent/pgpass")
    name, secret = team["reader"], "sesame street nine"
    pg_server.admin(f"ALTER ROLE \"{name}\" PASSWORD '{secret}'")
    hba = pg_server.folder / "data" / "pg_hba.conf"
    original = hba.read_text()
    hba.write_text(f"local all {name} scram-sha-256\n{original}")
    pg_server.admin("SELECT pg_reload_conf()")
    try:
        url = login(team["url"], name)
        with pytest.raises(StoreError, match="asks for a password.*PGPASSWORD"):
            open_with_passphrase(url, None)
        asked: list[str] = []
        with open_with_passphrase(url, lambda prompt, _: asked.append(prompt) or secret) as store:
            assert [r.title for r in list_reviews(AppContext(store, name))] == [SECRET]
            assert secret not in store.location
        assert asked == [f"Password for {name} on the shared store"]
        with pytest.raises(StoreError, match="refused the login: the password is wrong"):
            open_with_passphrase(url, lambda prompt, _: "not it")
    finally:
        hba.write_text(original)
        pg_server.admin("SELECT pg_reload_conf()")


def test_the_trail_and_the_check_out_name_the_login(team, tmp_path, monkeypatch, capsys):
    """On a shared store the name recorded carries the database login: the login alone when
    no name was chosen (not the computer's account), "Name (login)" when one was."""
    from sqlalchemy import text

    from app.checkout import checkout_of

    monkeypatch.delenv("REVIEWDESK_USER", raising=False)
    author = login(team["url"], team["author"])
    assert main(["add-agency", "--db", author, "--review", "RSAB-1", "--name", "Health"]) == 0
    laptop = tmp_path / "laptop.db"
    assert main(["checkout", "--user", "Abe Author", "--review", "RSAB-1", "--from", author,
                 "--to", str(laptop)]) == 0  # fmt: skip
    with open_store(team["url"]) as store:
        held = checkout_of(AppContext(store, "X"), team["review"])
        with store.engine.connect() as conn:
            actors = conn.execute(
                text(
                    "SELECT actor FROM audit_event WHERE label LIKE '%Health%' AND action = 'create'"
                )
            ).scalars()
            assert set(actors) == {team["author"]}
    assert held.holder == f"Abe Author ({team['author']})"
    capsys.readouterr()
    assert main(["checkouts", "--db", author]) == 0
    assert f"Abe Author ({team['author']})" in capsys.readouterr().out


def test_check_says_how_the_connection_is_protected(team, capsys):
    """A shared store has no passphrase: check says how its connection travels instead of
    "Encrypted: no", and names the store by its address."""
    assert main(["check", "--db", team["url"]]) == 0
    out = capsys.readouterr().out
    assert "Connection:   a local socket on the server itself" in out
    assert "Encrypted:" not in out and "Store:        postgresql://postgres@" in out
    assert main(["check", "--json", "--db", team["url"]]) == 0
    assert '"connection": "a local socket' in capsys.readouterr().out


def test_only_the_owner_upgrades_and_then_everyone_works_at_once(team, tmp_path):
    """After a new ReviewDesk, a member who opens the store first is told that its owner
    upgrades it (nothing changed); once the owner has, the tables the upgrade added carry
    their grants and policies, without running 'users setup' again."""
    from alembic import command
    from sqlalchemy import create_engine, text

    from db.migrate import alembic_config
    from db.server import server_url
    from db.store import StoreError

    engine = create_engine(server_url(team["url"]))
    try:
        with engine.begin() as conn:
            command.downgrade(alembic_config(conn), "0011")  # before check-outs (0012)
    finally:
        engine.dispose()
    author = login(team["url"], team["author"])
    with pytest.raises(StoreError, match="only its owner can do"):
        open_store(author)
    with open_store(team["url"]) as owner, owner.engine.connect() as conn:  # the owner upgrades
        assert conn.scalar(text("SELECT count(*) FROM review_checkout")) == 0
    with open_store(tmp_path / "laptop.db") as laptop_store, open_store(author) as store:
        done = check_out(AppContext(store, team["author"]),
                         AppContext(laptop_store, team["author"]), "RSAB-1")  # fmt: skip
        assert done.rows > 0


def test_only_those_who_see_the_whole_shared_store_copy_or_back_it_up(team, tmp_path, capsys):
    """An author sees only their reviews: a 'whole store' copy of that would be partial, and
    an unrecorded way round the export trail; they are pointed at check-out instead."""
    for who in ("author", "panel", "reader"):
        url = login(team["url"], team[who])
        copy, backup = tmp_path / f"{who}-copy.db", tmp_path / f"{who}-backup.db"
        assert main(["copy-store", "--from", url, "--to", str(copy)]) == 1
        assert main(["backup", "--db", url, "-o", str(backup)]) == 1
        err = capsys.readouterr().err
        assert err.count("made by the business manager or the store's owner") == 2
        assert not copy.exists() and not backup.exists()
        assert not list(tmp_path.glob(f"{who}-*"))
    assert main(["backup", "--db", team["url"], "-o", str(tmp_path / "whole.db")]) == 0


def test_a_deleted_reviews_trail_is_read_on_the_shared_store(team, tmp_path, capsys):
    """'reviewdesk audit' finds a deleted review by its reference in the trail's rows, on
    PostgreSQL as in a store file; one nobody can see is 'no review', not a traceback."""
    from app.reviews import delete_review

    with open_store(team["url"]) as store:
        ctx = AppContext(store, "Business Manager")
        gone = create_review(ctx, review_type="lcspr", reference="GONE-1", title="Child G")
        delete_review(ctx, gone)
    assert main(["audit", "--db", team["url"], "--review", "gone-1"]) == 0
    assert "GONE-1" in capsys.readouterr().out
    assert main(["audit", "--db", team["url"], "--review", "GONE-1", "-o",
                 str(tmp_path / "trail.json")]) == 0  # fmt: skip
    capsys.readouterr()
    for who in ("panel", "author"):
        assert main(["audit", "--db", login(team["url"], team[who]), "--review", "NOPE-9"]) == 1
        assert "There is no review with the reference or id 'NOPE-9'" in capsys.readouterr().err


def test_a_change_the_server_filters_out_is_refused_in_the_roles_words(team, capsys):
    """A panel member's update is filtered out by row-level security: it is said to be the
    role, not 'changed by someone else'; and minutes of a review without meetings say so."""
    panel = login(team["url"], team["panel"])
    argv = ["document", "set", "--review", "RSAB-1", "--kind", "summary", "--audience"]
    assert main([*argv, "publication", "--db", team["url"]]) == 0
    capsys.readouterr()
    assert main([*argv, "internal", "--db", panel]) == 1
    err = capsys.readouterr().err
    assert "You sit on this review's panel" in err and "someone else" not in err
    assert main(["export", "minutes", "--review", "RSAB-1", "--meeting", "1", "-o",
                 "minutes.pdf", "--db", team["url"]]) == 1  # fmt: skip
    assert "This review has no meetings yet." in capsys.readouterr().err
