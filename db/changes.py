"""Hearing about other people's changes to the shared store (PostgreSQL LISTEN/NOTIFY).

Every table of the models gets one statement-level trigger that sends the table's name on the
``reviewdesk_changes`` channel when a transaction commits (PostgreSQL sends each name once per
transaction, however many rows changed). A ``ChangeListener`` holds its own connection, hands
its socket to the window's event loop, and returns the tables changed by others (changes made
through this store's own connections are left out: the window has already shown them).
An SQLite store has one writer at a time, so it needs no listener.
"""

import weakref

from sqlalchemy import Connection, Engine, event, text

from db.base import Base
from db.chronology_models import is_view

CHANNEL = "reviewdesk_changes"
TRIGGER = "reviewdesk_notify"

# The server process ids of each engine's connections: their own notifications are skipped.
_own_backends: "weakref.WeakKeyDictionary[Engine, set[int]]" = weakref.WeakKeyDictionary()


def track_backends(engine: Engine) -> None:
    """Remember the server process behind each connection ``engine`` opens."""
    pids: set[int] = set()
    _own_backends[engine] = pids

    @event.listens_for(engine, "connect")
    def _remember(dbapi_connection, _record) -> None:
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute("SELECT pg_backend_pid()")
            pids.add(cursor.fetchone()[0])
        finally:
            cursor.close()
        # Connections start in a transaction in psycopg: end the one this query began.
        dbapi_connection.rollback()


def _tables():
    """The shared store's tables (a view changes with its tables and tells nothing itself)."""
    return [t for t in Base.metadata.sorted_tables if not is_view(t, "postgresql")]


def install_notify_triggers(conn: Connection) -> None:
    """The notifying function, and its trigger on every table of the models (derived from the
    metadata, so a new table is covered without being listed)."""
    conn.execute(
        text(
            f"CREATE OR REPLACE FUNCTION {TRIGGER}() RETURNS trigger LANGUAGE plpgsql AS $$ "
            f"BEGIN PERFORM pg_notify('{CHANNEL}', TG_TABLE_NAME); RETURN NULL; END $$"
        )
    )
    for table in _tables():
        conn.execute(
            text(
                f"CREATE OR REPLACE TRIGGER {TRIGGER} AFTER INSERT OR UPDATE OR DELETE "
                f'OR TRUNCATE ON "{table.name}" FOR EACH STATEMENT EXECUTE FUNCTION {TRIGGER}()'
            )
        )


def tables_without_trigger(conn: Connection) -> list[str]:
    present = set(
        conn.execute(
            text("SELECT tgrelid::regclass::text FROM pg_trigger WHERE tgname = :name"),
            {"name": TRIGGER},
        ).scalars()
    )
    return [t.name for t in _tables() if t.name not in present]


class ChangeListener:
    """Listens on the shared store's channel; ``fileno()`` for the event loop, ``poll()``."""

    def __init__(self, engine: Engine):
        import psycopg

        self._engine = engine
        url = engine.url
        params = {
            "host": url.query.get("host") or url.host,
            "port": url.query.get("port") or url.port,
            "dbname": url.database,
            "user": url.username,
            "password": url.password,
            "application_name": "ReviewDesk (listening)",
        }
        params = {k: v for k, v in params.items() if v is not None}
        self._conn = psycopg.connect(autocommit=True, **params)
        self._conn.execute(f"LISTEN {CHANNEL}")

    def fileno(self) -> int:
        return self._conn.pgconn.socket

    def poll(self) -> set[str]:
        """Tables changed by other people since the last poll (never waits)."""
        pgconn = self._conn.pgconn
        pgconn.consume_input()
        own = _own_backends.get(self._engine, set())
        changed: set[str] = set()
        while (note := pgconn.notifies()) is not None:
            if note.be_pid not in own:
                changed.add(note.extra.decode("utf-8"))
        return changed

    def close(self) -> None:
        self._conn.close()


def listener_for(store) -> ChangeListener | None:
    """A listener for a shared store; None for a store file (one writer, nothing to hear)."""
    return ChangeListener(store.engine) if store.shared else None
