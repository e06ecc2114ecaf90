"""Shared fixtures: a real store in a temporary folder and a service context over it."""

from datetime import date

import pytest

from app.context import AppContext
from db.store import open_store

TODAY = date(2026, 6, 15)


@pytest.fixture(autouse=True)
def unencrypted_by_default(monkeypatch, tmp_path):
    """Most tests read their stores back with plain sqlite3, so new stores are made without
    encryption unless a test sets a passphrase (tests/test_encryption.py does). Settings and
    the note of unfinished files go to the test's own folder."""
    monkeypatch.setenv("REVIEWDESK_UNENCRYPTED", "1")
    monkeypatch.delenv("REVIEWDESK_PASSPHRASE", raising=False)
    monkeypatch.setenv("REVIEWDESK_CONFIG_DIR", str(tmp_path / "config"))


@pytest.fixture
def store_path(tmp_path):
    return tmp_path / "store.db"


@pytest.fixture
def store(store_path):
    opened = open_store(store_path)
    yield opened
    opened.close()


@pytest.fixture
def ctx(store):
    return AppContext(store, "Tester", today_override=TODAY)
