"""Driver connections to store files, without SQLAlchemy.

SQLCipher reads plain SQLite files too. The key of an encrypted store is derived here from
its passphrase and salt; commands that only read (``reviewdesk list``) connect through this
module without loading SQLAlchemy at all.
"""

import hashlib
import os
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path

import sqlcipher3.dbapi2 as driver

BUSY_TIMEOUT_MS = 5000
SQLITE_HEADER = b"SQLite format 3\x00"
# SQLCipher 4's defaults: the key is derived here once per store instead of on every
# connection, so a store made here opens with the passphrase in any SQLCipher 4 tool.
KDF_ITERATIONS = 256_000
SALT_BYTES = 16

# Dates as ISO text and timestamps as "YYYY-MM-DD HH:MM:SS.ffffff", as SQLAlchemy stores them,
# for the few bulk writes that go straight to the driver.
driver.register_adapter(date, date.isoformat)
driver.register_adapter(datetime, lambda value: value.isoformat(sep=" "))

DatabaseError = driver.DatabaseError


def table_names(dbapi_connection) -> set[str]:
    """The tables of a store file's main database (for connect hooks, before any ORM)."""
    cursor = dbapi_connection.cursor()
    try:
        rows = cursor.execute("SELECT name FROM main.sqlite_master WHERE type='table'")
        return {row[0] for row in rows}
    finally:
        cursor.close()


def is_plain_sqlite(path: Path) -> bool:
    """True when the file starts with SQLite's header (an unencrypted database)."""
    try:
        with open(path, "rb") as fh:
            return fh.read(16) == SQLITE_HEADER
    except OSError:
        return False


@lru_cache(maxsize=32)
def _derived_key(passphrase: str, salt: bytes) -> str:
    key = hashlib.pbkdf2_hmac("sha512", passphrase.encode("utf-8"), salt, KDF_ITERATIONS, 32)
    return key.hex()


def read_salt(path: Path) -> bytes:
    """The salt at the start of an encrypted store (empty for a missing or new file)."""
    try:
        with open(path, "rb") as fh:
            salt = fh.read(SALT_BYTES)
    except FileNotFoundError:
        return b""
    return salt if len(salt) == SALT_BYTES else b""


def key_literal(passphrase: str, salt: bytes, *, with_salt: bool = False) -> str:
    """SQLCipher's raw-key literal for a passphrase and salt (the salt included if asked)."""
    tail = salt.hex() if with_salt else ""
    return f"\"x'{_derived_key(passphrase, salt)}{tail}'\""


def key_pragma(path: Path, passphrase: str) -> str:
    """The PRAGMA that unlocks (or, for a new file, creates) an encrypted store."""
    salt = read_salt(path)
    if not salt:  # a new file: choose its salt and give it with the key
        return f"PRAGMA key = {key_literal(passphrase, os.urandom(SALT_BYTES), with_salt=True)}"
    return f"PRAGMA key = {key_literal(passphrase, salt)}"


def connect(
    path: Path, *, passphrase: str | None = None, readonly: bool = False, immutable: bool = False
):
    """A driver connection to a store file (encrypted when ``passphrase`` is given).

    ``immutable`` is for a store in a folder the user may not write: SQLite then reads it
    without the -shm file it could not create there.
    """
    path = Path(path)
    if readonly:
        flags = "mode=ro&immutable=1" if immutable else "mode=ro"
        conn = driver.connect(f"file:{path.as_posix()}?{flags}", uri=True, check_same_thread=False)
    else:
        conn = driver.connect(str(path), check_same_thread=False)
    if passphrase is not None:
        # A wrong passphrase is reported to the user in plain words, not logged by SQLCipher.
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(key_pragma(path, passphrase))
    return conn
