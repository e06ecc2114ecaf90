"""The one place where database connections and engines are created.

Stores are SQLite files, encrypted with SQLCipher when a passphrase is given (the SQLCipher
driver reads plain files too). Every connection gets the store's pragmas. The driver's own
transaction handling is switched off and BEGIN is emitted by SQLAlchemy instead, so DDL in
migrations is transactional too.
"""

from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL

from db.driver import (  # noqa: F401  (re-exported: the engine's callers use these names)
    BUSY_TIMEOUT_MS,
    KDF_ITERATIONS,
    SALT_BYTES,
    SQLITE_HEADER,
    DatabaseError,
    _derived_key,
    connect,
    driver,
    is_plain_sqlite,
    key_literal,
    key_pragma,
    read_salt,
)


def create_store_engine(
    path: Path,
    *,
    passphrase: str | None = None,
    readonly: bool = False,
    immutable: bool = False,
    enforce_foreign_keys: bool = True,
    wal: bool = True,
    on_connect=None,
) -> Engine:
    """Engine for a store file with foreign keys, WAL and synchronous=FULL.

    ``wal=False`` is for looking at a file not yet known to be a store: switching to WAL
    rewrites the file's header, and a file that is not ours must be left untouched.
    ``on_connect(dbapi_connection)`` runs after the pragmas on every new connection.
    """
    path = Path(path)
    engine = create_engine(
        URL.create("sqlite", database=str(path)),
        creator=lambda: connect(
            path, passphrase=passphrase, readonly=readonly, immutable=immutable
        ),
        module=driver,
    )

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
        if on_connect is not None:
            on_connect(dbapi_connection)

    # A deferred BEGIN: in WAL mode the window's reads go on while a background import
    # writes (BEGIN IMMEDIATE on every transaction would make them wait for it).
    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        conn.exec_driver_sql("BEGIN")

    return engine
