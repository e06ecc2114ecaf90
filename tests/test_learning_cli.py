"""The learning commands, the new review types and dates, and statutory deadlines in ``list``."""

import json
from datetime import date, timedelta

import pytest
from pypdf import PdfReader

from app.cli import main
from app.context import AppContext
from db.store import open_store
from tests.learning_support import three_reviews


@pytest.fixture(autouse=True)
def isolated_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("REVIEWDESK_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("REVIEWDESK_USER", "CLI Tester")
    monkeypatch.delenv("REVIEWDESK_DB", raising=False)


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "store.db"
    store = open_store(path)
    try:
        three_reviews(AppContext(store, "Tester"))
    finally:
        store.close()
    return path


def run(capsys, *argv):
    try:
        code = main([str(a) for a in argv])
    except SystemExit as exc:
        code = exc.code
    out = capsys.readouterr()
    return code, out.out, out.err


def test_learning_json_with_a_year_range(capsys, db):
    code, out, _ = run(capsys, "learning", "--db", db, "--from", 2020, "--to", 2025, "--json")
    data = json.loads(out)
    assert code == 0
    assert data["years"] == [2022, 2025]
    assert [r["reference"] for r in data["reviews"]] == ["SAR-MID", "LCSPR-NEW"]
    assert data["types_by_year"]["SAR"] == {"2022": 1}
    code, out, _ = run(capsys, "learning", "--db", db)
    assert code == 0 and "3 reviews, 2019–2025" in out and "Repeated learning: 1" in out


def test_search_and_similar(capsys, db):
    code, out, _ = run(capsys, "search", "capacity", "assessment", "--db", db, "--json")
    hits = json.loads(out)
    assert code == 0 and hits[0]["review"] == "SAR-MID" and hits[0]["kind"] == "Finding"
    code, out, _ = run(capsys, "similar", "--review", "lcspr-new", "--db", db, "--json")
    [match] = json.loads(out)
    assert (match["earlier_review"], match["earlier_year"]) == ("SCR-OLD", 2019)
    code, _, err = run(capsys, "similar", "--review", "NOPE", "--db", db)
    assert code == 1 and "NOPE" in err and "Traceback" not in err


def test_export_newsletter_and_annual_report(capsys, db, tmp_path):
    news = tmp_path / "news.pdf"
    code, out, _ = run(
        capsys, "export", "newsletter", "--db", db, "--reviews", "SCR-OLD,LCSPR-NEW", "-o", news
    )
    assert code == 0 and "Wrote the newsletter" in out
    assert "Child Z" in "".join(p.extract_text() for p in PdfReader(news).pages)
    report = tmp_path / "annual.pdf"
    code, out, _ = run(capsys, "export", "annual-report", "--db", db, "--year", 2022, "-o", report)
    assert code == 0 and report.is_file()
    code, _, err = run(capsys, "export", "newsletter", "--db", db, "-o", news)
    assert code == 1 and "--reviews" in err
    code, _, err = run(capsys, "export", "annual-report", "--db", db, "-o", report)
    assert code == 1 and "--year" in err
    code, out, _ = run(
        capsys, "export", "coding", "--db", db, "--scheme", "dhr", "-o", tmp_path / "c.csv"
    )
    assert code == 0 and (tmp_path / "c.csv").is_file()
    code, _, err = run(capsys, "export", "coding", "--db", db, "--scheme", "x", "-o", news)
    assert code == 1 and "not a coding scheme" in err


def test_create_review_of_a_new_type_with_the_aware_date_and_its_deadline(capsys, tmp_path):
    db = tmp_path / "new.db"
    aware = date.today() - timedelta(days=30)
    code, out, err = run(
        capsys, "create-review", "--db", db, "--type", "Rapid Review", "--reference", "RR-9",
        "--title", "Child Y", "--aware-date", aware.isoformat(), "--json",
    )  # fmt: skip
    assert code == 0, err
    code, out, _ = run(
        capsys, "create-review", "--db", db, "--type", "susr", "--reference", "SUSR-1",
        "--title", "Adult W", "--decision-date", date.today().isoformat(),
    )  # fmt: skip
    assert code == 0
    code, out, _ = run(capsys, "list", "--db", db, "--json")
    deadlines = {r["reference"]: r["next_deadline"] for r in json.loads(out)}
    assert deadlines["RR-9"]["key"] == "panel_notification"
    assert deadlines["RR-9"]["overdue"] is True
    assert deadlines["RR-9"]["source"].startswith("Children Act 2004")
    assert deadlines["SUSR-1"]["to"].startswith("Welsh Government")
    code, _, err = run(
        capsys, "create-review", "--db", db, "--type", "darrd", "--reference", "X", "--title", "X"
    )
    assert code == 1 and "not a known review type" in err
