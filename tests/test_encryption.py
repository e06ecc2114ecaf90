"""Encryption at rest: new stores, wrong passphrases, conversion, new passphrase, copies."""

import json
import os
import sqlite3
import stat
from pathlib import Path

import pytest

from app.cli import main
from db.engine import create_store_engine, is_plain_sqlite
from db.migrate import upgrade
from db.store import PassphraseError, check_store, open_store
from tests.support import sha256_of

PASSPHRASE = "correct horse battery"
SECRET = "Zoë Secretname told the school nurse"


@pytest.fixture
def encrypted_env(monkeypatch):
    monkeypatch.delenv("REVIEWDESK_UNENCRYPTED")
    monkeypatch.setenv("REVIEWDESK_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("REVIEWDESK_USER", "Tester")


def run(capsys, *argv) -> tuple[int, str, str]:
    try:
        code = main([str(a) for a in argv])
    except SystemExit as exc:
        code = exc.code
    out = capsys.readouterr()
    return code, out.out, out.err


def make_case(capsys, path: Path) -> None:
    code, _, err = run(
        capsys, "create-review", "--db", path, "--type", "lcspr", "--reference", "ENC-1",
        "--title", SECRET, "--subject", "Child Secretname",
    )  # fmt: skip
    assert code == 0, err


def file_bytes(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


def assert_no_case_text(folder: Path) -> None:
    for name, data in file_bytes(folder).items():
        for needle in ("Secretname", "Zo\u00eb"):
            for encoding in ("utf-8", "utf-16-le"):
                assert needle.encode(encoding) not in data, f"{needle} readable in {name}"


def test_new_store_is_encrypted_private_and_readable_with_its_passphrase(
    capsys, tmp_path, encrypted_env
):
    old_umask = os.umask(0o022)
    try:
        folder = tmp_path / "data"
        path = folder / "store.db"
        make_case(capsys, path)
        assert not is_plain_sqlite(path)
        assert_no_case_text(folder)
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
        for p in folder.iterdir():
            assert stat.S_IMODE(p.stat().st_mode) == 0o600, p.name
        code, out, _ = run(capsys, "list", "--db", path, "--json")
        assert code == 0 and json.loads(out)[0]["title"] == SECRET
        with pytest.raises(sqlite3.DatabaseError):
            sqlite3.connect(path).execute("SELECT * FROM review").fetchall()
    finally:
        os.umask(old_umask)


def test_wrong_or_missing_passphrase_is_a_plain_message_and_changes_nothing(
    capsys, tmp_path, encrypted_env, monkeypatch
):
    path = tmp_path / "store.db"
    make_case(capsys, path)
    before = sha256_of(path)
    monkeypatch.setenv("REVIEWDESK_PASSPHRASE", "not the passphrase")
    for argv in (["list"], ["check"], ["add-agency", "--review", "ENC-1", "--name", "Police"]):
        code, out, err = run(capsys, *argv, "--db", path)
        assert code == 1 and "Traceback" not in err
        assert "passphrase does not open" in err
    monkeypatch.delenv("REVIEWDESK_PASSPHRASE")
    code, _, err = run(capsys, "list", "--db", path)
    assert code == 1 and "REVIEWDESK_PASSPHRASE" in err
    assert sha256_of(path) == before


def test_a_new_store_needs_a_passphrase_when_nobody_can_be_asked(capsys, tmp_path, monkeypatch):
    monkeypatch.delenv("REVIEWDESK_UNENCRYPTED")
    path = tmp_path / "store.db"
    code, _, err = run(capsys, "create-review", "--db", path, "--type", "scr",
                       "--reference", "X", "--title", "T")  # fmt: skip
    assert code == 1 and "passphrase" in err
    assert not path.exists()


def test_plain_store_is_converted_and_the_plain_file_is_gone(capsys, tmp_path, monkeypatch):
    path = tmp_path / "store.db"
    make_case(capsys, path)  # unencrypted (the tests' default)
    assert is_plain_sqlite(path)
    _, listed_before, _ = run(capsys, "list", "--db", path, "--json")
    monkeypatch.setenv("REVIEWDESK_PASSPHRASE", PASSPHRASE)
    code, out, err = run(capsys, "encrypt-store", "--db", path)
    assert code == 0, err
    assert not is_plain_sqlite(path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["store.db", "store.db.lock"]
    assert_no_case_text(tmp_path)
    assert run(capsys, "list", "--db", path, "--json")[1] == listed_before
    assert run(capsys, "check", "--db", path)[0] == 0
    # a second conversion is refused
    assert run(capsys, "encrypt-store", "--db", path)[0] == 1


def test_change_of_passphrase(capsys, tmp_path, encrypted_env, monkeypatch):
    path = tmp_path / "store.db"
    make_case(capsys, path)
    monkeypatch.setenv("REVIEWDESK_NEW_PASSPHRASE", "a brand new passphrase")
    code, _, err = run(capsys, "change-passphrase", "--db", path)
    assert code == 0, err
    with pytest.raises(PassphraseError):
        open_store(path, passphrase=PASSPHRASE).close()
    with open_store(path, passphrase="a brand new passphrase") as store:
        assert store.encrypted
    assert_no_case_text(tmp_path)


def test_backup_of_an_encrypted_store_is_encrypted(capsys, tmp_path, encrypted_env):
    path = tmp_path / "store.db"
    make_case(capsys, path)
    target = tmp_path / "copies" / "copy.db"
    assert run(capsys, "backup", "--db", path, "-o", target)[0] == 0
    assert not is_plain_sqlite(target)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert check_store(target, passphrase=PASSPHRASE).healthy
    assert_no_case_text(target.parent)


def test_decrypted_copy_only_when_asked_for(capsys, tmp_path, encrypted_env):
    path = tmp_path / "store.db"
    make_case(capsys, path)
    target = tmp_path / "handover.db"
    code, _, err = run(capsys, "export-store", "--db", path, "-o", target)
    assert code == 1 and "--decrypt" in err and not target.exists()
    code, _, err = run(capsys, "export-store", "--decrypt", "--db", path, "-o", target)
    assert code == 0, err
    rows = sqlite3.connect(target).execute("SELECT title FROM review").fetchall()
    assert rows == [(SECRET,)]
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_upgrade_copy_of_an_encrypted_store_is_encrypted_and_verified(tmp_path):
    path = tmp_path / "old.db"
    engine = create_store_engine(path, passphrase=PASSPHRASE, enforce_foreign_keys=False)
    upgrade(engine, "0005")
    engine.dispose()
    with open_store(path, passphrase=PASSPHRASE) as store:
        assert store.upgraded_from == "0005"
        copy = store.backup_path
    assert copy is not None and copy.exists() and not is_plain_sqlite(copy)
    health = check_store(copy, passphrase=PASSPHRASE)
    assert health.healthy and health.revision == "0005"
    assert not list(tmp_path.glob("*.part"))
