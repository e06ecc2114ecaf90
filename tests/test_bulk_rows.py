"""Rows written in one pass (``db.bulk_copy.insert_rows``) on SQLite: every row lands, each
made only as it is written, and a failure half-way is SQLAlchemy's error with nothing kept."""

import sqlite3

import pytest
from sqlalchemy import create_engine, event
from sqlalchemy.exc import DBAPIError, IntegrityError

from db.bulk_copy import insert_rows
from db.errors import is_busy_error

STATEMENT = "INSERT INTO entry (id, text) VALUES (?, ?)"


@pytest.fixture
def engine(tmp_path):
    engine = create_engine(f"sqlite:///{tmp_path / 'rows.db'}")
    with engine.begin() as connection:
        connection.exec_driver_sql(
            "CREATE TABLE entry (id INTEGER PRIMARY KEY, text TEXT NOT NULL)"
        )
    yield engine
    engine.dispose()


def _count(engine) -> int:
    with engine.connect() as connection:
        return connection.exec_driver_sql("SELECT count(*) FROM entry").scalar_one()


def test_every_row_is_written_and_each_made_only_when_it_is_written(engine):
    made = []

    def rows():
        for n in range(1, 3001):
            made.append(n)
            yield (n, f"entry {n}")

    with engine.begin() as connection:
        insert_rows(connection, STATEMENT, ["id", "text"], rows(), 3000)
    assert made == list(range(1, 3001))
    assert _count(engine) == 3000
    with engine.connect() as connection:
        assert connection.exec_driver_sql(
            "SELECT text FROM entry WHERE id = 2999"
        ).scalar_one() == ("entry 2999")


def test_a_row_the_table_refuses_is_sqlalchemys_error_and_nothing_is_kept(engine):
    rows = iter([(1, "first"), (2, "second"), (3, None), (4, "fourth")])
    with pytest.raises(IntegrityError) as raised, engine.begin() as connection:
        insert_rows(connection, STATEMENT, ["id", "text"], rows, 4)
    assert isinstance(raised.value.orig, sqlite3.IntegrityError)
    assert "NOT NULL" in str(raised.value.orig)
    assert _count(engine) == 0  # the transaction rolled back: the first two rows went too


def test_a_locked_file_is_recognised_as_busy(engine, tmp_path):
    # Another program holds the file's write lock; this connection gives up at once.
    @event.listens_for(engine, "connect")
    def _no_wait(dbapi_connection, _record):
        dbapi_connection.execute("PRAGMA busy_timeout = 0")

    engine.dispose()
    other = sqlite3.connect(tmp_path / "rows.db", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(DBAPIError) as raised, engine.connect() as connection:
            insert_rows(connection, STATEMENT, ["id", "text"], iter([(1, "a")]), 1)
        assert is_busy_error(raised.value)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert _count(engine) == 0
