"""Two people importing into one review at the same moment, each in their own process.

On the shared store both imports land whole (into two agencies, or into the same agency as two
sources), with the audit trail one intact chain. On a store file the second import waits for
the first to let the store go, then lands; when it waits too long it gives up with a plain
message and changes nothing.
"""

import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.chronology.entries import fetch_entries, query_entry_ids
from app.context import AppContext
from app.imrs import add_agency, find_agency
from app.reviews import create_review
from benchmarks.large_review import agency_rows, write_agency_file
from db.audit import verify_chain
from db.chronology_models import ChronologyImport, ChronologySearch
from db.models import AuditEvent
from db.store import open_store

ROOT = Path(__file__).resolve().parents[1]
ROWS = 1500  # each: large enough for the shared store's COPY, long enough to overlap


@pytest.fixture(scope="module")
def returns(tmp_path_factory) -> list[Path]:
    folder = tmp_path_factory.mktemp("returns")
    return [
        write_agency_file(folder / f"return_{n}.xlsx", agency_rows(random.Random(n), ROWS, n))
        for n in (1, 2)
    ]


def _start(location, review_id: int, agency: str, source: Path, folder: Path, wait: float = 0):
    name = source.stem
    files = [folder / f"{name}.{part}" for part in ("ready", "go", "json")]
    env = {**os.environ, "REVIEWDESK_UNENCRYPTED": "1", "PYTHONPATH": str(ROOT)}
    args = [str(location), str(review_id), agency, str(source), *map(str, files), str(wait)]
    process = subprocess.Popen([sys.executable, "-m", "tests.import_worker", *args], env=env)
    return process, files


def _run_together(location, review_id: int, jobs: list[tuple[str, Path]], folder: Path, wait=0):
    """Start one process per (agency, file), release them at the same moment, and return what
    each reported."""
    started = [_start(location, review_id, agency, path, folder, wait) for agency, path in jobs]
    deadline = time.monotonic() + 120
    while not all(files[0].exists() for _p, files in started):
        assert time.monotonic() < deadline, "the importing processes did not start"
        time.sleep(0.02)
    for _process, files in started:
        files[1].touch()  # go
    answers = []
    for process, files in started:
        assert process.wait(timeout=300) == 0
        answers.append(json.loads(files[2].read_text(encoding="utf-8")))
    return answers


def _overlapped(answers: list[dict]) -> bool:
    return max(a["started"] for a in answers) < min(a["finished"] for a in answers)


def _landed(ctx, review_id: int) -> dict[str, list[str]]:
    """The events of the review's entries, by agency."""
    found: dict[str, list[str]] = {}
    for row in fetch_entries(ctx, query_entry_ids(ctx, review_id)):
        found.setdefault(row.agency, []).append(row.event)
    return found


def _assert_whole(store, review_id: int, per_agency: dict[str, int]) -> None:
    ctx = AppContext(store, "Checker")
    landed = _landed(ctx, review_id)
    assert {name: len(events) for name, events in landed.items()} == per_agency
    with store.session() as session:
        entries = sum(per_agency.values())
        searchable = session.scalar(
            select(func.count()).where(ChronologySearch.review_id == review_id)
        )
        assert searchable == entries  # every entry has its search row
        imports = session.scalars(
            select(ChronologyImport).where(ChronologyImport.review_id == review_id)
        ).all()
        assert sum(i.row_count for i in imports) == entries
        recorded = session.scalar(
            select(func.count()).where(
                AuditEvent.entity == "chronology_import", AuditEvent.action == "create"
            )
        )
        assert recorded == len(imports)  # each import is one event of the trail
        assert verify_chain(session.connection()) == []


@pytest.fixture
def shared_review(pg_url):
    with open_store(pg_url) as store:
        ctx = AppContext(store, "Business Manager")
        review = create_review(ctx, review_type="lcspr", reference="TOGETHER-1", title="Child T")
        add_agency(ctx, review, "Police", "police")
    return pg_url, review


def test_two_imports_into_two_agencies_at_once_both_land(shared_review, returns, tmp_path):
    url, review = shared_review
    answers = _run_together(url, review, [("Health", returns[0]), ("School", returns[1])], tmp_path)
    assert [a.get("imported") for a in answers] == [ROWS, ROWS], answers
    assert _overlapped(answers)
    with open_store(url) as store:
        _assert_whole(store, review, {"Health": ROWS, "School": ROWS})


def test_two_sources_into_the_same_agency_at_once_both_land(shared_review, returns, tmp_path):
    url, review = shared_review
    answers = _run_together(url, review, [("Police", returns[0]), ("Police", returns[1])], tmp_path)
    assert [a.get("imported") for a in answers] == [ROWS, ROWS], answers
    assert _overlapped(answers)
    with open_store(url) as store:
        _assert_whole(store, review, {"Police": 2 * ROWS})
        ctx = AppContext(store, "Checker")
        sources = {i.file_name for i in _imports(store, find_agency(ctx, review, "Police"))}
    assert sources == {p.name for p in returns}


def test_two_imports_making_the_same_new_agency_at_once_both_land(shared_review, returns, tmp_path):
    url, review = shared_review
    answers = _run_together(
        url, review, [("Housing", returns[0]), ("Housing", returns[1])], tmp_path
    )
    assert [a.get("imported") for a in answers] == [ROWS, ROWS], answers
    assert _overlapped(answers)
    with open_store(url) as store:
        _assert_whole(store, review, {"Housing": 2 * ROWS})


def _imports(store, agency_id: int) -> list[ChronologyImport]:
    with store.session() as session:
        return list(
            session.scalars(select(ChronologyImport).where(ChronologyImport.agency_id == agency_id))
        )


# A store file: one writer at a time -------------------------------------------------------------


@pytest.fixture
def local_review(tmp_path):
    path = tmp_path / "team.db"
    with open_store(path) as store:
        ctx = AppContext(store, "Author")
        review = create_review(ctx, review_type="lcspr", reference="FILE-1", title="Child F")
    return path, review


def test_on_a_store_file_the_second_import_waits_for_the_first_then_lands(
    local_review, returns, tmp_path
):
    path, review = local_review
    jobs = [("Health", returns[0]), ("School", returns[1])]
    answers = _run_together(path, review, jobs, tmp_path, wait=120)
    assert [a.get("imported") for a in answers] == [ROWS, ROWS], answers
    assert _overlapped(answers)  # the second was waiting while the first imported
    with open_store(path) as store:
        _assert_whole(store, review, {"Health": ROWS, "School": ROWS})


def test_on_a_store_file_an_import_that_waits_too_long_gives_up_and_changes_nothing(
    local_review, returns, tmp_path
):
    path, review = local_review
    with open_store(path) as held:  # someone has the store open in the window all along
        ctx = AppContext(held, "Someone else")
        add_agency(ctx, review, "Police", "police")
        answers = _run_together(path, review, [("Health", returns[0])], tmp_path, wait=0.5)
        assert "imported" not in answers[0]
        message = answers[0]["refused"]
        assert "already open" in message and "waited 0.5 seconds" in message
        assert "nothing was changed" in message
        assert "Traceback" not in message
    with open_store(path) as store:
        _assert_whole(store, review, {})
        assert [a.name for a in _agencies(store, review)] == ["Police"]


def _agencies(store, review_id: int):
    from db.models import Agency

    with store.session() as session:
        return list(session.scalars(select(Agency).where(Agency.review_id == review_id)))
