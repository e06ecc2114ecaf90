"""One writer per store: an OS-level lock file next to the store.

The lock is held by the operating system (flock / LockFileEx), so a crashed instance never
leaves a stale lock behind. Who holds it is written to a small side file, read only to tell
the next person who has the store open.

Deleting the lock file while a store is open would let a second writer take a new one, so
the writer also holds an advisory lock on the store file itself (POSIX; on Windows an open
lock file cannot be deleted). SQLite's own locks are independent of it, so readers are not
affected.
"""

import contextlib
import getpass
import json
import os
import socket
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from filelock import FileLock, Timeout

WAIT_STEP_S = 0.1  # how often a waiting opener tries the lock again


@dataclass(frozen=True)
class LockOwner:
    user: str
    host: str
    pid: int
    since: str

    def describe(self) -> str:
        when = self.since
        try:
            when = datetime.fromisoformat(self.since).strftime("%d %b %Y %H:%M")
        except ValueError:
            pass
        return f"{self.user} on {self.host} (since {when})"


class StoreLock:
    def __init__(self, store_path: Path):
        self.lock_path = store_path.with_name(store_path.name + ".lock")
        self.owner_path = store_path.with_name(store_path.name + ".lock-owner")
        self.store_path = store_path
        self._lock = FileLock(str(self.lock_path), mode=0o600)
        self._store_fd: int | None = None

    def try_acquire(self, wait: float = 0.0) -> bool:
        """Take the lock if nobody holds it, waiting up to ``wait`` seconds for its holder to
        let go (0: never waits)."""
        deadline = time.monotonic() + wait
        while True:
            if self._take():
                break
            if time.monotonic() >= deadline:
                return False
            time.sleep(min(WAIT_STEP_S, max(0.0, deadline - time.monotonic())))
        info = {
            "user": _current_user(),
            "host": socket.gethostname(),
            "pid": os.getpid(),
            "since": datetime.now().isoformat(timespec="seconds"),
        }
        try:
            self.owner_path.write_text(json.dumps(info), encoding="utf-8")
        except OSError:
            pass  # the lock itself is what protects the store; the note is a courtesy
        return True

    def _take(self) -> bool:
        try:
            self._lock.acquire(timeout=0)
        except Timeout:
            return False
        if not self._hold_store_file():
            self._lock.release(force=True)
            return False
        return True

    def _hold_store_file(self) -> bool:
        try:
            import fcntl
        except ImportError:  # Windows
            return True
        try:
            fd = os.open(self.store_path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError:
            return True  # cannot be opened for writing: the store opens read-only anyway
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            return False
        self._store_fd = fd
        return True

    def hold_store_file_again(self) -> None:
        """After the store file was replaced by a new one: lock the new file."""
        if self._store_fd is not None:
            with contextlib.suppress(OSError):
                os.close(self._store_fd)
            self._store_fd = None
        self._hold_store_file()

    def owner(self) -> LockOwner | None:
        try:
            info = json.loads(self.owner_path.read_text(encoding="utf-8"))
            return LockOwner(info["user"], info["host"], int(info["pid"]), info["since"])
        except (OSError, ValueError, KeyError, TypeError):
            return None

    @property
    def held(self) -> bool:
        return self._lock.is_locked

    def release(self) -> None:
        if self._lock.is_locked:
            try:
                self.owner_path.unlink(missing_ok=True)
            except OSError:
                pass
            self._lock.release(force=True)
        if self._store_fd is not None:
            with contextlib.suppress(OSError):
                os.close(self._store_fd)  # closing the descriptor drops its flock
            self._store_fd = None


def _current_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name in some sandboxes
        return "unknown user"
