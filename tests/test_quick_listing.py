"""``reviewdesk list`` reads a current store file straight through the driver: the same
listing as the services give, without loading SQLAlchemy; anything unusual takes the usual
open (which upgrades, checks and explains)."""

import json
import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

import app.review_listing
from app.cli import main
from app.context import AppContext
from app.edits import apply_fields
from app.imrs import add_agency, set_imr_status
from app.reviews import create_review
from app.timetable import mark_done
from db.engine import create_store_engine
from db.migrate import upgrade
from db.reader import read_listing
from db.store import open_store
from tests.support import write_foreign_sqlite, write_random_bytes

ROOT = Path(__file__).resolve().parents[1]
PASSPHRASE = "a listing passphrase"


def fill(path: Path, passphrase: str | None = None) -> None:
    """Reviews of several kinds, with IMRs (one overdue) and a checklist step done."""
    today = date.today()
    with open_store(path, passphrase=passphrase) as store:
        ctx = AppContext(store, "Setup")
        lcspr = create_review(
            ctx,
            review_type="lcspr",
            reference="LIST-1",
            title="Child L",
            decision_date=today - timedelta(days=40),
            aware_date=today - timedelta(days=60),
        )
        create_review(ctx, review_type="sar", reference="LIST-2", title="Adult M")
        create_review(
            ctx,
            review_type="rapid",
            reference="LIST-3",
            title="Child N",
            notification_date=today - timedelta(days=3),
        )
        imr = add_agency(ctx, lcspr, "Police")
        set_imr_status(ctx, imr, "requested")
        apply_fields(ctx, "imr", imr, {"date_due": today - timedelta(days=5)})
        add_agency(ctx, lcspr, "Health")
        mark_done(ctx, lcspr, "decision_told", today - timedelta(days=35))


def listing(capsys, path, *extra) -> tuple[int, str, str]:
    code = main(["list", "--db", str(path), *extra])
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def taken(monkeypatch):
    """Records whether each listing came from the store file directly (True) or not."""
    seen: list[bool] = []
    real = app.review_listing.quick_listing

    def spy(*args, **kwargs):
        result = real(*args, **kwargs)
        seen.append(result is not None)
        return result

    monkeypatch.setattr(app.review_listing, "quick_listing", spy)
    return seen


def test_direct_listing_equals_the_services_listing(tmp_path, capsys, taken, monkeypatch):
    path = tmp_path / "list.db"
    fill(path)
    quick = [listing(capsys, path, "--json"), listing(capsys, path)]
    assert taken == [True, True]
    monkeypatch.setattr(app.review_listing, "quick_listing", lambda *a, **k: None)
    usual = [listing(capsys, path, "--json"), listing(capsys, path)]
    assert quick == usual
    rows = {r["reference"]: r for r in json.loads(quick[0][1])}
    assert set(rows) == {"LIST-1", "LIST-2", "LIST-3"}
    assert rows["LIST-1"]["overdue_imrs"] == 1
    assert rows["LIST-1"]["imrs"]["requested"] == 1
    assert rows["LIST-1"]["next_deadline"]["key"] != "decision_told"  # done, so not next
    assert rows["LIST-3"]["next_deadline"] is not None


def test_listing_loads_neither_sqlalchemy_nor_alembic(tmp_path):
    path = tmp_path / "list.db"
    fill(path)
    probe = (
        "import sys; from app.cli import main; code = main(['list', '--db', sys.argv[1]]); "
        "heavy = sorted({m.split('.')[0] for m in sys.modules} & {'sqlalchemy', 'alembic'}); "
        "print('HEAVY', heavy, code)"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, str(path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
        check=True,
    )
    assert "LIST-1" in done.stdout
    assert "HEAVY [] 0" in done.stdout


def test_an_old_store_is_upgraded_by_the_usual_open(tmp_path, capsys, taken):
    path = tmp_path / "old.db"
    engine = create_store_engine(path, enforce_foreign_keys=False)
    try:
        upgrade(engine, "0006")
    finally:
        engine.dispose()
    code, out, err = listing(capsys, path)
    assert taken == [False]
    assert code == 0
    assert "No reviews in this store yet." in out
    assert "upgraded from schema 0006" in err
    assert listing(capsys, path)[0] == 0
    assert taken == [False, True]  # current now


def test_an_encrypted_store_is_listed_with_its_passphrase(tmp_path, capsys, taken, monkeypatch):
    path = tmp_path / "secret.db"
    fill(path, passphrase=PASSPHRASE)
    monkeypatch.setenv("REVIEWDESK_PASSPHRASE", PASSPHRASE)
    code, out, err = listing(capsys, path)
    assert (code, taken) == (0, [True])
    assert "LIST-1" in out and "not encrypted" not in err
    monkeypatch.setenv("REVIEWDESK_PASSPHRASE", "not the passphrase")
    code, out, err = listing(capsys, path)
    assert code == 1 and taken == [True, False]
    assert "passphrase does not open" in err and "Traceback" not in err


def test_a_plain_store_is_noted_as_not_encrypted(tmp_path, capsys, monkeypatch):
    path = tmp_path / "plain.db"
    fill(path)
    monkeypatch.delenv("REVIEWDESK_UNENCRYPTED")
    code, _out, err = listing(capsys, path)
    assert code == 0 and "is not encrypted" in err


def test_files_that_are_not_current_stores_are_left_to_the_usual_open(tmp_path):
    empty = tmp_path / "empty.db"
    empty.touch()
    for path in (
        empty,
        write_foreign_sqlite(tmp_path / "foreign.db"),
        write_random_bytes(tmp_path / "random.db"),
        tmp_path / "absent.db",
    ):
        assert read_listing(path, None) is None, path.name
