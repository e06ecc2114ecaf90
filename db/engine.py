"""The one place where database engines are created.

Every connection gets the store's pragmas. pysqlite's own transaction handling is switched off
and BEGIN is emitted by SQLAlchemy instead, so DDL in migrations is transactional too.
"""

from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL

BUSY_TIMEOUT_MS = 5000


def sqlite_url(path: Path, *, readonly: bool = False) -> URL:
    if readonly:
        return URL.create(
            "sqlite", database=f"file:{path.as_posix()}", query={"mode": "ro", "uri": "true"}
        )
    return URL.create("sqlite", database=str(path))


def create_store_engine(
    path: Path,
    *,
    readonly: bool = False,
    enforce_foreign_keys: bool = True,
    wal: bool = True,
) -> Engine:
    """Engine for a SQLite store file with foreign keys, WAL and synchronous=FULL.

    ``wal=False`` is for looking at a file not yet known to be a store: switching to WAL
    rewrites the file's header, and a file that is not ours must be left untouched.
    """
    engine = create_engine(sqlite_url(path, readonly=readonly))

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            cursor.execute(f"PRAGMA foreign_keys={'ON' if enforce_foreign_keys else 'OFF'}")
            if wal and not readonly:
                cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=FULL")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        conn.exec_driver_sql("BEGIN")

    return engine
