"""Counts in words: one helper for every message, and no "1 entries" left in the commands."""

import json

from app.cli import main
from app.context import AppContext
from app.reviews import create_review
from app.wording import plural
from db.store import open_store


def test_counts_read_as_english():
    assert plural(1, "entry") == "1 entry"
    assert plural(0, "entry") == "0 entries"
    assert plural(2, "chronology entry") == "2 chronology entries"
    assert plural(1204, "audit entry") == "1,204 audit entries"
    assert plural(3, "IMR") == "3 IMRs"
    assert plural(2, "match") == "2 matches"
    assert plural(2, "day") == "2 days"
    assert plural(5, "person", "people") == "5 people"


def test_commands_count_one_thing_in_the_singular(tmp_path, capsys):
    path = tmp_path / "one.db"
    with open_store(path) as store:
        ctx = AppContext(store, "Setup")
        create_review(ctx, review_type="lcspr", reference="ONE-1", title="Child O")
    assert main(["--db", str(path), "audit", "--review", "ONE-1"]) == 0
    out = capsys.readouterr().out
    assert out.strip().splitlines()[-1].startswith("1 audit entry for ONE-1")
    assert main(["--db", str(path), "chronology", "--review", "ONE-1"]) == 0
    assert capsys.readouterr().out.strip() == "0 entries"
    assert main(["--db", str(path), "list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["reference"] == "ONE-1"
