"""Files only their owner can read: the store, its companions, backups and temporary files.

Permissions are set explicitly (0700 folders, 0600 files) rather than left to the umask, which
on many systems lets everyone read what is written.
"""

import contextlib
import errno
import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path

FOLDER_MODE = 0o700
FILE_MODE = 0o600
TEMP_FOLDER = ".reviewdesk-tmp"
STORE_COMPANIONS = ("-wal", "-shm", "-journal", ".lock", ".lock-owner")


def private_folder(path: Path) -> Path:
    """Create ``path`` (and missing parents) readable by its owner only."""
    path = Path(path)
    if not path.exists():
        path.mkdir(parents=True, mode=FOLDER_MODE, exist_ok=True)
        with contextlib.suppress(OSError):
            os.chmod(path, FOLDER_MODE)
    return path


def private_file(path: Path) -> Path:
    """Create ``path`` empty if missing, and make it readable by its owner only."""
    path = Path(path)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT, FILE_MODE)
    try:
        os.fchmod(fd, FILE_MODE) if hasattr(os, "fchmod") else os.chmod(path, FILE_MODE)
    finally:
        os.close(fd)
    return path


def make_private(path: Path) -> None:
    """Owner-only permissions on an existing file (ignored where the file is not ours)."""
    with contextlib.suppress(OSError):
        os.chmod(path, FILE_MODE)


def secure_store_files(store: Path) -> None:
    """The store and whichever of its companions exist: owner-only."""
    make_private(store)
    for suffix in STORE_COMPANIONS:
        companion = store.with_name(store.name + suffix)
        if companion.exists():
            make_private(companion)


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


@contextmanager
def private_temp_folder(store: Path):
    """While in use, temporary files go to an owner-only folder beside the store.

    Libraries that spill to temporary files (openpyxl's write-only workbooks) write there, so
    no case text lands in the system's shared temporary folder. Folders left by processes that
    were killed are removed at the next start; this process's own is removed on the way out.
    """
    root = Path(store).parent / TEMP_FOLDER
    previous = tempfile.tempdir
    mine = None
    try:
        private_folder(root)
        for old in root.iterdir():
            if old.name.isdigit() and int(old.name) != os.getpid() and not alive(int(old.name)):
                shutil.rmtree(old, ignore_errors=True)
        mine = private_folder(root / str(os.getpid()))
        tempfile.tempdir = str(mine)
    except OSError:
        mine = None  # a read-only folder: nothing will be exported from here anyway
    try:
        yield mine
    finally:
        tempfile.tempdir = previous
        if mine is not None:
            shutil.rmtree(mine, ignore_errors=True)
            with contextlib.suppress(OSError):
                root.rmdir()  # only when no other ReviewDesk is using it


def disk_full(exc: BaseException) -> bool:
    return isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT)


def disk_message(path: Path, exc: OSError) -> str:
    """Plain words for a failed write, naming the disk (folder) that refused it."""
    folder = Path(path).expanduser().absolute().parent
    if disk_full(exc):
        return (
            f"The disk holding {folder} is full. Nothing was changed; "
            "free some space there and try again."
        )
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"ReviewDesk may not write in {folder} (it is read-only for you)."
    return f"{path} could not be written: {exc.strerror or exc}."
