"""Whole-store copies: backups, encrypting a plain store, a decrypted copy, a new passphrase.

Every copy is written to ``<target>.part`` (owner-only), checked, and only then renamed over
the target: a failed or interrupted copy never leaves a file that looks like a store.
"""

import contextlib
import errno
import os
from pathlib import Path

from db.driver import DatabaseError, connect, key_literal, read_salt
from db.private import private_file, secure_store_files


def part_path(target: Path) -> Path:
    return Path(target).with_name(Path(target).name + ".part")


def _attach_key(passphrase: str | None) -> str:
    if passphrase is None:
        return "''"
    return key_literal(passphrase, os.urandom(16), with_salt=True)


def _export(source: Path, source_key: str | None, target: Path, target_key: str | None) -> None:
    """Copy every table, index and trigger with SQLCipher's export (plain or encrypted)."""
    conn = connect(source, passphrase=source_key)
    try:
        conn.isolation_level = None
        conn.execute("PRAGMA busy_timeout=5000")
        conn.execute(f"ATTACH DATABASE ? AS copy KEY {_attach_key(target_key)}", (str(target),))
        conn.execute("SELECT sqlcipher_export('copy')")
        version = conn.execute("PRAGMA main.user_version").fetchone()[0]
        conn.execute(f"PRAGMA copy.user_version = {int(version)}")
        conn.execute("DETACH DATABASE copy")
    finally:
        conn.close()


def _page_copy(source: Path, passphrase: str | None, target: Path) -> None:
    """SQLite's online backup (a page copy), with the source's own key and salt."""
    # In a folder the user may not write, SQLite reads without its -shm file (immutable).
    immutable = not os.access(Path(source).parent, os.W_OK)
    src = connect(source, passphrase=passphrase, readonly=True, immutable=immutable)
    try:
        dst = connect(target, passphrase=None)
        try:
            if passphrase is not None:
                salt = read_salt(source)
                dst.execute(f"PRAGMA key = {key_literal(passphrase, salt, with_salt=True)}")
            src.backup(dst)
            # A backup is one self-contained file: no -wal or -shm companions.
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
    finally:
        src.close()


def write_copy(
    source: Path,
    target: Path,
    *,
    passphrase: str | None,
    new_passphrase: str | None = ...,  # type: ignore[assignment]
    verify=None,
    on_part=None,
) -> None:
    """Copy the store at ``source`` to ``target`` atomically.

    ``new_passphrase`` left out keeps the source's encryption (same passphrase, or plain);
    given, the copy is encrypted with it (``None``: a plain copy). ``verify(part)`` is called
    on the finished copy before it is renamed into place and must raise if it is not sound.
    """
    source, target = Path(source), Path(target)
    part = part_path(target)
    part.unlink(missing_ok=True)
    if on_part is not None:
        on_part(part)
    private_file(part)
    try:
        try:
            if new_passphrase is ...:
                _page_copy(source, passphrase, part)
            else:
                part.unlink()
                _export(source, passphrase, part, new_passphrase)
                private_file(part)
        except DatabaseError as exc:
            if "full" in str(exc):  # SQLite's words for ENOSPC: the caller names the disk
                raise OSError(errno.ENOSPC, "No space left on device", str(target)) from None
            raise
        if verify is not None:
            verify(part)
        os.replace(part, target)
        secure_store_files(target)
    finally:
        with contextlib.suppress(OSError):
            part.unlink(missing_ok=True)
        for suffix in ("-journal", "-wal", "-shm"):
            with contextlib.suppress(OSError):
                Path(str(part) + suffix).unlink(missing_ok=True)


__all__ = ["DatabaseError", "part_path", "write_copy"]
