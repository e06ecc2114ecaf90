"""The publishing commands: people, people add, document, document set, check-publication,
and `export KIND --final` refusing (exit 3) while the release check blocks."""

import json

import pytest

from app.cli import main
from app.context import AppContext
from db.store import open_store
from tests.conftest import TODAY
from tests.publishing_case import REFERENCE, build_case, write_narrative
from tests.test_release_check import CLEAN


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "store.db"
    with open_store(path) as store:
        ctx = AppContext(store, "Tester", today_override=TODAY)
        case = build_case(ctx, tmp_path, plant=False)
        write_narrative(ctx, case.review_id, "summary", CLEAN)
    return path


def run(capsys, *args) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_people_lists_the_register_and_candidates(capsys, db):
    code, out, _ = run(capsys, "people", "--db", db, "--review", REFERENCE, "--json")
    data = json.loads(out)
    assert code == 0
    assert data["register"][0] == {
        "name": "Lennon Marsh",
        "descriptor": "Child L",
        "kind": "person",
        "role": "the child",
        "variants": ["Len"],
        "date_of_birth": "2022-03-12",
        "addresses": [],
        "identifiers": ["943 476 5919"],
    }
    assert {"name": "Ffion Rhys", "found_in": "panel: overview author", "role": "Independent"} in (
        data["candidates"]
    )
    code, out, _ = run(capsys, "people", "--db", db, "--review", REFERENCE)
    assert "Child L" in out and "Ffion Rhys" in out


def test_people_add(capsys, db):
    code, out, err = run(
        capsys,
        "people",
        "add",
        "--db",
        db,
        "--review",
        REFERENCE,
        "--name",
        "Ffion Rhys",
        "--as",
        "the overview author",
        "--role",
        "author",
        "--variant",
        "Ffi",
        "--dob",
        "1970-01-02",
        "--identifier",
        "ffion@example.org",
    )
    assert code == 0, err
    code, out, _ = run(capsys, "people", "--db", db, "--review", REFERENCE, "--json")
    added = json.loads(out)["register"][-1]
    assert added["descriptor"] == "the overview author" and added["variants"] == ["Ffi"]
    assert added["identifiers"] == ["ffion@example.org"]
    code, _, err = run(capsys, "people", "add", "--db", db, "--review", REFERENCE, "--name", "X Y")
    assert code == 1 and "--as" in err
    code, _, err = run(
        capsys,
        "people",
        "add",
        "--db",
        db,
        "--review",
        REFERENCE,
        "--name",
        "Ffion Rhys",
        "--as",
        "Someone",
    )
    assert code == 1 and "already in the register" in err


def test_document_lists_and_sets_sections(capsys, db, tmp_path):
    code, out, _ = run(
        capsys, "document", "--db", db, "--review", REFERENCE, "--kind", "brief", "--json"
    )
    sections = json.loads(out)["sections"]
    assert code == 0 and sections[0]["heading"] == "Background"
    assert sections[0]["guidance_only"] and sections[0]["number"] == "1"
    text = tmp_path / "background.txt"
    text.write_text("Child L lived with Mother.\n\nThe health visitor visited.", encoding="utf-8")
    code, out, err = run(
        capsys,
        "document",
        "set",
        "--db",
        db,
        "--review",
        REFERENCE,
        "--kind",
        "brief",
        "--section",
        "1",
        "--file",
        text,
    )
    assert code == 0, err
    code, out, _ = run(
        capsys, "document", "--db", db, "--review", REFERENCE, "--kind", "brief", "--json"
    )
    first = json.loads(out)["sections"][0]
    assert not first["guidance_only"] and first["text"].startswith("Child L lived")
    code, _, err = run(
        capsys,
        "document",
        "set",
        "--db",
        db,
        "--review",
        REFERENCE,
        "--kind",
        "brief",
        "--section",
        "Learning points",
        "--file",
        text,
    )
    assert code == 1 and "made from the review's data" in err
    code, _, err = run(
        capsys,
        "document",
        "set",
        "--db",
        db,
        "--review",
        REFERENCE,
        "--kind",
        "brief",
        "--section",
        "99",
        "--file",
        text,
    )
    assert code == 1 and "no section '99'" in err
    code, out, _ = run(capsys, "document", "--db", db, "--review", REFERENCE, "--kind", "brief")
    assert "Background" in out and "guidance only" in out  # the other sections


def test_check_publication_exit_codes_and_waiving(capsys, db, tmp_path):
    code, out, _ = run(
        capsys, "check-publication", "--db", db, "--review", REFERENCE, "--document", "summary"
    )
    assert code == 0 and "Clear" in out
    text = tmp_path / "analysis.txt"
    text.write_text("Kerry said her partner Jolene Castellano had left.", encoding="utf-8")
    run(
        capsys,
        "document",
        "set",
        "--db",
        db,
        "--review",
        REFERENCE,
        "--kind",
        "summary",
        "--section",
        "Analysis",
        "--file",
        text,
    )
    code, out, _ = run(
        capsys,
        "check-publication",
        "--db",
        db,
        "--review",
        REFERENCE,
        "--document",
        "summary",
        "--json",
    )
    data = json.loads(out)
    assert code == 3 and data["blocking"] == 2
    hits = {h["reason"]: h for h in data["hits"]}
    assert hits["name"]["where"] == "Section 5 Analysis, paragraph 5.1"
    assert hits["unregistered"]["text"] == "partner Jolene Castellano"

    target = tmp_path / "final.pdf"
    code, out, err = run(
        capsys, "export", "summary", "--db", db, "--review", REFERENCE, "-o", target, "--final"
    )
    assert code == 3 and not target.exists()
    assert "nothing was made final" in err and "Jolene Castellano" in out

    for hit in data["hits"]:
        code, out, err = run(
            capsys,
            "check-publication",
            "--db",
            db,
            "--review",
            REFERENCE,
            "--document",
            "summary",
            "--waive",
            hit["id"],
            "--reason",
            "Checked with the author",
        )
    assert code == 0, out
    code, out, err = run(
        capsys, "export", "summary", "--db", db, "--review", REFERENCE, "-o", target, "--final"
    )
    assert code == 0, err
    assert target.exists() and "(final, " in out
    again = tmp_path / "again.pdf"
    code, out, err = run(
        capsys, "export", "summary", "--db", db, "--review", REFERENCE, "-o", again
    )
    assert code == 0 and again.read_bytes() == target.read_bytes()
    # The frozen final written again is said to be that, never a draft.
    assert "issued final" in out and "draft" not in out


def test_check_publication_lists_a_repeated_name_once_with_its_places(capsys, db, tmp_path):
    text = tmp_path / "analysis.txt"
    text.write_text("Kerry was seen.\nKerry was seen again.\nKerry moved.", encoding="utf-8")
    args = ("--db", db, "--review", REFERENCE)
    run(capsys, "document", "set", *args, "--kind", "summary", "--section", "Analysis",
        "--file", text)  # fmt: skip
    code, out, _ = run(capsys, "check-publication", *args, "--document", "summary")
    lines = [line for line in out.splitlines() if "'Kerry'" in line]
    assert code == 3 and len(lines) == 1
    assert "Section 5 Analysis, paragraph 5.1, and 2 more" in lines[0]
    assert "1 thing (in 3 places) must be fixed or waived" in out
    code, out, _ = run(capsys, "check-publication", *args, "--document", "summary", "--json")
    data = json.loads(out)
    assert data["blocking"] == 3 and data["blocking_things"] == 1
    [thing] = data["things"]
    assert thing["places"] == [f"Section 5 Analysis, paragraph 5.{n}" for n in (1, 2, 3)]


def test_check_publication_refuses_a_waiver_without_a_reason(capsys, db):
    code, _, err = run(
        capsys,
        "check-publication",
        "--db",
        db,
        "--review",
        REFERENCE,
        "--document",
        "summary",
        "--waive",
        "abcdef12",
        "--reason",
        " ",
    )
    assert code == 1 and "Say why" in err


def test_the_chronology_can_be_made_for_publication(capsys, db, tmp_path):
    from tests.publishing_case import leaks, read_back

    code, out, err = run(
        capsys,
        "document",
        "set",
        "--db",
        db,
        "--review",
        REFERENCE,
        "--kind",
        "chronology",
        "--audience",
        "publication",
        "--marking",
        "OFFICIAL",
    )
    assert code == 0, err
    target = tmp_path / "chronology.xlsx"
    code, _, err = run(
        capsys, "export", "chronology", "--db", db, "--review", REFERENCE, "-o", target
    )
    assert code == 0, err
    text = read_back(target)
    assert leaks(text) == [] and "OFFICIAL" in text and "Mother" in text
    code, _, err = run(
        capsys, "document", "--db", db, "--review", REFERENCE, "--kind", "chronology"
    )
    assert code == 1 and "only who it is for" in err
