"""The ``reviewdesk`` command line: in-process through ``main``, and as a real console script."""

import argparse
import json
import os
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from importlib.metadata import version
from pathlib import Path

import pytest

import app
from app.audit_log import list_audit
from app.cli import build_parser, main
from app.context import AppContext
from app.edits import apply_fields
from app.imrs import add_agency, set_imr_status
from app.reviews import create_review, find_review_id, get_review, list_reviews
from app.vocab import IMR_STATUSES
from db.migrate import head_revision
from db.store import open_store
from tests.support import (
    corrupt,
    make_folder,
    make_newer_store,
    make_store,
    make_store_with_orphan,
    months_later,
    sha256_of,
    write_foreign_sqlite,
    write_random_bytes,
    write_text_file,
)

ENV_USER = "CLI Tester"


@pytest.fixture(autouse=True)
def isolated_environment(monkeypatch, tmp_path):
    """No real user config or store: everything the CLI reads from the environment is ours."""
    monkeypatch.setenv("REVIEWDESK_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("REVIEWDESK_USER", ENV_USER)
    monkeypatch.delenv("REVIEWDESK_DB", raising=False)


@dataclass(frozen=True)
class Outcome:
    code: int
    out: str
    err: str


def assert_clean_failure(outcome: Outcome, code: int = 1) -> None:
    assert outcome.code == code
    assert outcome.err.strip(), "no message on stderr"
    assert "Traceback" not in outcome.err


@pytest.fixture
def cli(capsys):
    """Run ``main`` in this process; argparse's own exits are caught and returned as codes."""

    def run(*argv) -> Outcome:
        try:
            code = main([str(a) for a in argv])
        except SystemExit as exc:
            code = exc.code
        captured = capsys.readouterr()
        return Outcome(code, captured.out, captured.err)

    return run


def script_command() -> list[str]:
    installed = Path(sys.executable).with_name("reviewdesk")
    return [str(installed)] if installed.exists() else [sys.executable, "-m", "app"]


SCRIPT_PASSPHRASE = "the script's own passphrase"


@pytest.fixture
def script(tmp_path):
    """Run the installed console script in a subprocess, with its own config folder."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("REVIEWDESK_")}
    env["REVIEWDESK_CONFIG_DIR"] = str(tmp_path / "script-config")
    env["REVIEWDESK_PASSPHRASE"] = (
        SCRIPT_PASSPHRASE  # the console script's new stores are encrypted
    )

    def run(*argv, **extra_env) -> Outcome:
        proc = subprocess.run(
            [*script_command(), *map(str, argv)],
            env=env | extra_env,
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=60,
        )
        return Outcome(proc.returncode, proc.stdout, proc.stderr)

    return run


REFERENCE = "LCSPR-2026-07"


@pytest.fixture
def review_store(tmp_path):
    """A closed store holding one review; returns (path, review id)."""
    path = tmp_path / "cli.db"
    with open_store(path) as store:
        review_id = create_review(
            AppContext(store, "Setup"), review_type="lcspr", reference=REFERENCE, title="Child D"
        )
    return path, review_id


def read_store(path: Path, reader):
    """Apply ``reader(ctx)`` to a store opened read-only."""
    with open_store(path, readonly=True) as store:
        return reader(AppContext(store, "Reader"))


def create_args(reference: str = "CLI-1", review_type: str = "sar") -> list[str]:
    return ["create-review", "--type", review_type, "--reference", reference, "--title", "T"]


# --- the console script --------------------------------------------------------------------------


def test_version(script):
    result = script("--version")
    assert result.code == 0
    assert app.__version__ in result.out
    assert version("reviewdesk") == app.__version__


def test_help_lists_every_command(script):
    result = script("--help")
    assert result.code == 0
    subparsers = next(
        a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction)
    )
    assert subparsers.choices
    for command in subparsers.choices:
        assert command in result.out


def test_locked_store_refuses_a_second_writer_but_lets_it_list(script, ctx, store_path):
    create_review(ctx, review_type="lcspr", reference="LOCK-1", title="Held open")

    refused = script(
        "create-review", "--db", store_path, *create_args("LOCK-2")[1:], REVIEWDESK_LOCK_WAIT="1"
    )
    assert_clean_failure(refused)
    assert "already open" in refused.err and "waited 1 second " in refused.err

    listed = script("list", "--db", store_path, "--json")
    assert listed.code == 0, listed.err
    assert [r["reference"] for r in json.loads(listed.out)] == ["LOCK-1"]
    assert [r.reference for r in list_reviews(ctx)] == ["LOCK-1"]


def test_script_uses_reviewdesk_db_when_no_db_is_given(script, tmp_path):
    path = tmp_path / "from-env.db"
    result = script(*create_args("ENV-1"), REVIEWDESK_DB=str(path))
    assert result.code == 0, result.err
    with open_store(path, passphrase=SCRIPT_PASSPHRASE) as store:
        assert store.encrypted
        assert [r.reference for r in list_reviews(AppContext(store, "Reader"))] == ["ENV-1"]


# --- create-review --------------------------------------------------------------------------------


@pytest.mark.parametrize("decision", ["31/08/2023", "2023-08-31"])
def test_create_review_json(cli, tmp_path, decision):
    path = tmp_path / "new.db"
    result = cli(
        *["create-review", "--db", path, "--type", "LCSPR", "--reference", "CLI-7"],
        *["--title", "Child C – Zoë", "--subject", "Child C", "--decision-date", decision],
        "--json",
    )
    assert result.code == 0, result.err
    data = json.loads(result.out)
    decided = date(2023, 8, 31)
    assert (data["reference"], data["title"], data["type"]) == ("CLI-7", "Child C – Zoë", "lcspr")
    assert data["target_date"] == months_later(decided, 6).isoformat()

    detail = read_store(path, lambda c: get_review(c, find_review_id(c, "CLI-7")))
    assert detail.id == data["id"]
    assert (detail.subject_pseudonym, detail.decision_date) == ("Child C", decided)


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("31/02/2026", "February 2026 has 28 days"),
        ("29/02/2023", "February 2023 has 28 days"),
        ("12/13/2026", "there is no month 13"),
        ("2026-04-31", "April 2026 has 30 days"),
        ("next week", "Type it as day/month/year"),
    ],
)
def test_create_review_says_why_a_date_is_not_one(cli, tmp_path, typed, said):
    path = tmp_path / "dates.db"
    result = cli("create-review", "--db", path, *create_args("D-1")[1:], "--decision-date", typed)
    assert_clean_failure(result, code=2)
    assert said in result.err and f"'{typed}'" in result.err
    assert not path.exists() or read_store(path, lambda c: c) is not None


@pytest.mark.parametrize("typed", ["15/3/26", "15.03.2026", "15 Mar 2026", "15 March 2026"])
def test_create_review_reads_dates_as_the_window_does(cli, tmp_path, typed):
    path = tmp_path / "dates.db"
    result = cli(
        "create-review", "--db", path, *create_args("D-2")[1:], "--decision-date", typed, "--json"
    )
    assert result.code == 0, result.err
    detail = read_store(path, lambda c: get_review(c, find_review_id(c, "D-2")))
    assert detail.decision_date == date(2026, 3, 15)


@pytest.mark.parametrize(
    ("spelling", "stored"),
    [
        ("rapid", "rapid"),
        ("Rapid Review", "rapid"),
        ("serious case review", "scr"),
        ("DARDR", "dardr"),
    ],
)
def test_create_review_accepts_type_labels_and_aliases(cli, tmp_path, spelling, stored):
    path = tmp_path / "types.db"
    result = cli("create-review", "--db", path, *create_args("T-1", spelling)[1:], "--json")
    assert result.code == 0, result.err
    assert json.loads(result.out)["type"] == stored


@pytest.mark.parametrize(
    ("flags", "actor"), [([], ENV_USER), (["--user", "Siân Jones"], "Siân Jones")]
)
def test_create_review_records_who_did_it(cli, tmp_path, flags, actor):
    path = tmp_path / "actor.db"
    assert cli(*create_args("WHO-1"), "--db", path, *flags).code == 0
    trail = read_store(path, lambda c: list_audit(c, find_review_id(c, "WHO-1")))
    assert {e.actor for e in trail} == {actor}


def test_duplicate_reference_is_a_clean_error(cli, review_store):
    path, _ = review_store
    result = cli(*create_args(REFERENCE), "--db", path)
    assert_clean_failure(result)
    assert REFERENCE in result.err


def test_unknown_review_type_is_a_clean_error(cli, review_store):
    path, _ = review_store
    result = cli(*create_args("X-1", "inquest"), "--db", path)
    assert_clean_failure(result)
    assert "inquest" in result.err
    assert read_store(path, lambda c: [r.reference for r in list_reviews(c)]) == [REFERENCE]


def test_failed_create_review_does_not_create_a_store(cli, tmp_path):
    path = tmp_path / "never.db"
    assert_clean_failure(cli(*create_args("X-1", "inquest"), "--db", path))
    assert not path.exists()


def test_invalid_date_is_a_usage_error(cli, tmp_path):
    path = tmp_path / "never.db"
    result = cli(*create_args("X-1", "lcspr"), "--db", path, "--decision-date", "30/02/2024")
    assert_clean_failure(result, code=2)
    assert "30/02/2024" in result.err
    assert not path.exists()


# --- add-agency ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "which", [lambda rid: REFERENCE.lower(), lambda rid: str(rid)], ids=["reference", "id"]
)
def test_add_agency(cli, review_store, which):
    path, review_id = review_store
    result = cli(
        *["add-agency", "--db", path, "--review", which(review_id)],
        *["--name", "Children's services", "--sector", "Children's social care"],
    )
    assert result.code == 0, result.err
    imrs = read_store(path, lambda c: get_review(c, review_id).imrs)
    assert [(i.agency, i.sector, i.status) for i in imrs] == [
        ("Children's services", "childrens_social_care", "not_requested")
    ]


@pytest.mark.parametrize(
    ("review", "name", "in_message"),
    [("NOPE-9", "Police", "NOPE-9"), (REFERENCE, "Police", "Police")],
    ids=["unknown review", "duplicate agency"],
)
def test_add_agency_errors_are_clean(cli, review_store, review, name, in_message):
    path, review_id = review_store
    cli("add-agency", "--db", path, "--review", REFERENCE, "--name", "Police")
    before = read_store(path, lambda c: get_review(c, review_id).imrs)
    result = cli("add-agency", "--db", path, "--review", review, "--name", name)
    assert_clean_failure(result)
    assert in_message in result.err
    assert read_store(path, lambda c: get_review(c, review_id).imrs) == before


# --- list ----------------------------------------------------------------------------------------


@pytest.fixture
def busy_store(tmp_path):
    """Two reviews whose IMRs were moved through the workflow with the services."""
    path = tmp_path / "busy.db"
    statuses = {
        "REV-A": ["requested", "requested", "received", "accepted", "not_requested"],
        "REV-B": ["under_challenge", "not_required"],
    }
    paths = {
        "not_requested": [],
        "requested": ["requested"],
        "received": ["requested", "received"],
        "under_challenge": ["requested", "received", "under_challenge"],
        "accepted": ["requested", "received", "accepted"],
        "not_required": ["not_required"],
    }
    with open_store(path) as store:
        ctx = AppContext(store, "Setup")
        for n, (reference, wanted) in enumerate(statuses.items()):
            rid = create_review(
                ctx, review_type="lcspr", reference=reference, title=f"Review {n} – Łukasz"
            )
            for i, status in enumerate(wanted):
                imr = add_agency(ctx, rid, f"Agency {i}")
                for step in paths[status]:
                    set_imr_status(ctx, imr, step)
        late = add_agency(ctx, find_review_id(ctx, "REV-B"), "Late agency")
        set_imr_status(ctx, late, "requested")
        apply_fields(ctx, "imr", late, {"date_due": date.today() - timedelta(days=3)})
    statuses["REV-B"].append("requested")
    return path, statuses


def test_list_json_counts_imrs_by_status(cli, busy_store):
    path, statuses = busy_store
    result = cli("list", "--db", path, "--json")
    assert result.code == 0, result.err
    listed = {r["reference"]: r for r in json.loads(result.out)}
    assert set(listed) == set(statuses)
    for reference, wanted in statuses.items():
        expected = Counter(wanted)
        assert listed[reference]["imrs"] == {s: expected[s] for s in IMR_STATUSES}
    assert {ref: r["overdue_imrs"] for ref, r in listed.items()} == {"REV-A": 0, "REV-B": 1}


def test_list_text_shows_each_review_and_its_counts(cli, busy_store):
    path, statuses = busy_store
    result = cli("list", "--db", path)
    assert result.code == 0, result.err
    for reference, wanted in statuses.items():
        assert reference in result.out
        for status, n in Counter(wanted).items():
            assert f"{n} {IMR_STATUSES[status].lower()}" in result.out
    assert "1 overdue" in result.out


def test_list_of_an_empty_store(cli, tmp_path):
    path = make_store(tmp_path / "empty.db", reviews=0)
    result = cli("list", "--db", path, "--json")
    assert (result.code, json.loads(result.out)) == (0, [])
    assert cli("list", "--db", path).code == 0


@pytest.mark.parametrize("db_first", [True, False], ids=["--db before command", "after"])
def test_db_option_works_before_or_after_the_command(cli, review_store, db_first):
    path, _ = review_store
    argv = ["--db", path, "list", "--json"] if db_first else ["list", "--json", "--db", path]
    result = cli(*argv)
    assert result.code == 0, result.err
    assert [r["reference"] for r in json.loads(result.out)] == [REFERENCE]


def test_reviewdesk_db_is_used_when_no_db_is_given(cli, review_store, monkeypatch):
    path, _ = review_store
    monkeypatch.setenv("REVIEWDESK_DB", str(path))
    result = cli("list", "--json")
    assert [r["reference"] for r in json.loads(result.out)] == [REFERENCE]


def test_db_option_wins_over_reviewdesk_db(cli, review_store, monkeypatch, tmp_path):
    path, _ = review_store
    monkeypatch.setenv("REVIEWDESK_DB", str(tmp_path / "elsewhere.db"))
    result = cli("list", "--json", "--db", path)
    assert [r["reference"] for r in json.loads(result.out)] == [REFERENCE]
    assert not (tmp_path / "elsewhere.db").exists()


# --- check ---------------------------------------------------------------------------------------


def test_check_healthy_store(cli, review_store):
    path, _ = review_store
    assert cli("check", "--db", path).code == 0
    result = cli("check", "--db", path, "--json")
    assert result.code == 0
    report = json.loads(result.out)
    assert report["healthy"] is True and report["problems"] == []
    assert report["schema"] == report["current_schema"] == head_revision()


@pytest.mark.parametrize("as_json", [False, True], ids=["text", "json"])
def test_check_reports_a_foreign_key_problem(cli, tmp_path, as_json):
    path = make_store_with_orphan(tmp_path / "orphan.db")
    result = cli("check", "--db", path, *(["--json"] if as_json else []))
    assert result.code == 1
    if as_json:
        report = json.loads(result.out)
        assert report["healthy"] is False
        assert any("agency" in p for p in report["problems"])
    else:
        assert "agency" in result.out


# --- backup ----------------------------------------------------------------------------------------


def listed_json(cli, path) -> list:
    result = cli("list", "--db", path, "--json")
    assert result.code == 0, result.err
    return json.loads(result.out)


def test_backup_of_an_open_store_has_the_same_reviews(cli, ctx, store_path, tmp_path):
    for n in range(3):
        create_review(ctx, review_type="dhr", reference=f"BK-{n}", title=f"Review {n} – محمد")
    copy = tmp_path / "backups" / "copy.db"
    result = cli("backup", "--db", store_path, "-o", copy)
    assert result.code == 0, result.err
    expected = listed_json(cli, store_path)  # read-only while our store holds the lock
    assert sorted(r["reference"] for r in expected) == ["BK-0", "BK-1", "BK-2"]
    assert listed_json(cli, copy) == expected


def test_backup_leaves_only_the_copy(cli, review_store, tmp_path):
    path, _ = review_store
    folder = tmp_path / "backups"
    assert cli("backup", "--db", path, "-o", folder / "copy.db").code == 0
    assert [p.name for p in folder.iterdir()] == ["copy.db"]


def test_backup_refuses_to_overwrite_unless_forced(cli, review_store, tmp_path):
    path, _ = review_store
    target = write_text_file(tmp_path / "precious.db")
    before = sha256_of(target)

    refused = cli("backup", "--db", path, "-o", target)
    assert_clean_failure(refused)
    assert "already exists" in refused.err
    assert sha256_of(target) == before

    assert cli("backup", "--db", path, "-o", target, "--force").code == 0
    assert listed_json(cli, target) == listed_json(cli, path)


def test_backup_refuses_to_overwrite_the_store_itself(cli, review_store):
    path, _ = review_store
    before = sha256_of(path)
    assert_clean_failure(cli("backup", "--db", path, "-o", path, "--force"))
    assert sha256_of(path) == before


# --- what is not a usable store ---------------------------------------------------------------------


def missing(path: Path) -> Path:
    return path


BAD_STORES = {
    "missing": missing,
    "text file": write_text_file,
    "folder": make_folder,
    "random bytes": write_random_bytes,
    "newer schema": make_newer_store,
    "other program's database": write_foreign_sqlite,
}
COMMANDS = {
    "list": ["list"],
    "check": ["check"],
    "create-review": create_args("BAD-1"),
    "add-agency": ["add-agency", "--review", "BAD-1", "--name", "Police"],
    "backup": ["backup", "-o", "{tmp}/copy.db"],
}


def bad_store_cases():
    for kind, build in BAD_STORES.items():
        for command, argv in COMMANDS.items():
            if kind == "missing" and command in ("create-review", "add-agency"):
                continue  # writers create a new store where there is none: not an error
            yield pytest.param(build, argv, id=f"{command}-{kind}")


@pytest.mark.parametrize(("build", "argv"), list(bad_store_cases()))
def test_unusable_store_is_a_clean_error_and_stays_as_it_was(cli, tmp_path, build, argv):
    path = build(tmp_path / "store.db")
    before = sha256_of(path) if path.is_file() else None
    result = cli(*[a.format(tmp=tmp_path) for a in argv], "--db", path)
    assert_clean_failure(result)
    assert path.name in result.err
    if before is None:
        assert path.is_dir() or not path.exists()
    else:
        assert sha256_of(path) == before
    assert not (tmp_path / "copy.db").exists()


def test_corrupted_store_is_a_clean_error(cli, tmp_path):
    path = make_store(tmp_path / "big.db", reviews=300)
    corrupt(path, "whole page")
    assert_clean_failure(cli("list", "--db", path))


def test_readonly_listing_of_a_locked_store_is_in_process_too(cli, ctx, store_path):
    """The same fallback as the subprocess test, without a process boundary."""
    create_review(ctx, review_type="sar", reference="HELD-1", title="Held")
    assert [r["reference"] for r in listed_json(cli, store_path)] == ["HELD-1"]
    refused = cli(*create_args("HELD-2"), "--db", store_path)
    assert_clean_failure(refused)
    assert "already open" in refused.err


def test_script_reports_a_missing_store_without_creating_it(script, tmp_path):
    path = tmp_path / "nowhere" / "absent.db"
    result = script("list", "--db", path)
    assert_clean_failure(result)
    assert "absent.db" in result.err
    assert not path.parent.exists()
