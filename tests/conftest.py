"""Shared fixtures: a real store in a temporary folder and a service context over it.

The store and service tests of ``BOTH_ENGINES`` run twice: on an SQLite file and on a fresh
database of a throwaway PostgreSQL server (tests/postgres.py).
"""

import inspect
from datetime import date

import pytest

from app.context import AppContext
from db.store import open_store
from tests.postgres import start_server, stop_server

TODAY = date(2026, 6, 15)
ENGINES = ("sqlite", "postgresql")
# Test modules whose ``store``/``ctx`` tests run on both engines (window tests stay on SQLite).
BOTH_ENGINES = {
    "test_services",
    "test_findings_actions",
    "test_meetings",
    "test_minutes",
    "test_documents",
    "test_chronology_import",
    "test_action_tracker",
    "test_demo",
    "test_shared_store",
    "test_conflicts",
    "test_conflicts_everywhere",
    "test_checkout",
    "test_store_references",
}


def pytest_generate_tests(metafunc):
    module = metafunc.module.__name__.rsplit(".", 1)[-1]
    uses_store = "engine" in metafunc.fixturenames  # through the store fixture below
    # A test that names the store file itself is about SQLite files.
    names_file = "store_path" in inspect.signature(metafunc.function).parameters
    if module in BOTH_ENGINES and uses_store and not names_file:
        metafunc.parametrize("engine", ENGINES, indirect=True)


@pytest.fixture
def engine(request):
    """Which engine the store is on: "sqlite" unless the test runs on both."""
    return getattr(request, "param", "sqlite")


@pytest.fixture(scope="session")
def pg_server():
    server = start_server()
    yield server
    stop_server(server)


@pytest.fixture
def pg_url(pg_server):
    """An empty store at the current schema on the test server."""
    name = pg_server.new_database()
    yield pg_server.url(name)
    pg_server.give_back(name)


@pytest.fixture
def pg_empty_url(pg_server):
    """A fresh, empty database (no schema) on the test server."""
    return pg_server.url(pg_server.new_database(empty=True))


@pytest.fixture(autouse=True)
def unencrypted_by_default(monkeypatch, tmp_path):
    """Most tests read their stores back with plain sqlite3, so new stores are made without
    encryption unless a test sets a passphrase (tests/test_encryption.py does). Settings and
    the note of unfinished files go to the test's own folder."""
    monkeypatch.setenv("REVIEWDESK_UNENCRYPTED", "1")
    monkeypatch.delenv("REVIEWDESK_PASSPHRASE", raising=False)
    monkeypatch.setenv("REVIEWDESK_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("REVIEWDESK_LOCK_WAIT", "0")  # a held store is refused at once


@pytest.fixture
def store_path(tmp_path):
    return tmp_path / "store.db"


@pytest.fixture
def store(request, engine, store_path):
    location = request.getfixturevalue("pg_url") if engine == "postgresql" else store_path
    opened = open_store(location)
    yield opened
    opened.close()


@pytest.fixture
def ctx(store):
    return AppContext(store, "Tester", today_override=TODAY)
