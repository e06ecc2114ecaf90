"""Slow work off the window's thread: exports, large imports, reading and planning a file.

One mechanism for all of it. The work is a plain function from the app layer, ``work(progress)``;
it opens its own short sessions, so no session crosses threads. A ``Job`` runs it on a pool
thread; what it says (progress, its result, an error in plain words) reaches the window's thread
through a ``JobBridge`` living there (queued signals, never direct), which passes on only what a
job still wanted says.

A job can be stopped: ``stop()`` makes the next ``progress`` call raise ``JobStopped`` (work with
steps but no count calls ``progress(0, 0)`` between them), and what the job finds after a stop
is dropped. Work that cannot hear a stop (one call reading a whole
sheet) is left to end on its thread: the window goes on at once, the late result is thrown
away, and the job is kept alive until its thread is done with it. When the application quits,
``stop_all_jobs`` stops every job and waits for their threads, so none is left running Python
while the interpreter shuts down.

A job that only reads (``reads_only``: an import's reading and planning) never holds up a
window closing: ``close_after_jobs`` stops the jobs, waits only for those that may write to
the store (the window is never closed under a write), and closes the store once the readers
have left their work, the window already gone.

``run_task`` is the usual form: the work under a progress dialog of the window.
"""

import sys
import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from app.errors import UserError
from db.store import StoreError

Progress = Callable[[int, int], None]
Work = Callable[[Progress], Any]


class JobStopped(BaseException):
    """Raised in the work at its next progress once its job is stopped. A BaseException, as
    KeyboardInterrupt is, so the readers' own ``except Exception`` never take it for a file
    they cannot read."""


def _went_wrong(details: str) -> str:
    last = details.strip().splitlines()[-1]
    return f"Something went wrong and the work did not finish. Nothing was changed.\n\n{last}"


class _Signals(QObject):
    progress = Signal(int, int)  # done, total (pages of a PDF, rows written…)
    stage = Signal(str)  # the stage the work has reached, named by the work itself
    finished = Signal(object)
    failed = Signal(str)  # what to say, in plain words
    stopped = Signal()
    ended = Signal(object)  # the job, once its thread has left the work


_RUNNING: set["Job"] = set()  # kept alive until their thread is done
_AFTER: list[Callable[[], None]] = []  # to do once no job is left on its thread


def _busy() -> list["Job"]:
    """The jobs whose thread is still in their work."""
    return [job for job in _RUNNING if not job.done.is_set()]


def _after_jobs() -> None:
    while _AFTER and not _busy():
        _AFTER.pop(0)()


class _Keeper(QObject):
    """On the window's thread: lets a job go once its thread is done with it, so its last
    reference is dropped there and not on the pool's thread."""

    @Slot(object)
    def forget(self, job: "Job") -> None:
        _RUNNING.discard(job)
        _after_jobs()


_KEEPER: list[_Keeper] = []


def _pool() -> QThreadPool:
    """The jobs' own pool: a job left to end after a stop never holds up the next one, nor the
    work Qt itself runs on the global pool."""
    pool = getattr(_pool, "pool", None)
    if pool is None:
        pool = _pool.pool = QThreadPool()
        pool.setMaxThreadCount(16)
        pool.setExpiryTimeout(5000)
    return pool


class Job(QRunnable):
    """``work(progress)`` on a pool thread. ``explain(details)`` turns an unexpected error's
    traceback into what the user is told (the traceback itself goes to stderr, for a bug
    report); UserError and StoreError are said as they are. ``reads_only``: the work never
    writes to the store, so a window may close without waiting for it (see close_after_jobs)."""

    def __init__(
        self, work: Work, explain: Callable[[str], str] = _went_wrong, reads_only: bool = False
    ):
        super().__init__()
        self.setAutoDelete(False)
        self.work = work
        self.explain = explain
        self.reads_only = reads_only
        self.signals = _Signals()
        self._stop = threading.Event()
        self.done = threading.Event()  # set once the thread has left the work

    def start(self) -> None:
        if not _KEEPER:
            _KEEPER.append(_Keeper())
        self.signals.ended.connect(_KEEPER[0].forget)
        _RUNNING.add(self)
        _pool().start(self)

    def stop(self) -> None:
        self._stop.set()

    @property
    def stopped(self) -> bool:
        return self._stop.is_set()

    def _progress(self, done: int, total: int, stage: str | None = None) -> None:
        """What the work calls as it goes: raises JobStopped once the job is stopped, else
        reports ``done`` of ``total`` (``progress(0, 0)`` only looks for a stop) and, if
        given, the ``stage`` it has reached (said before the count)."""
        if self._stop.is_set():
            raise JobStopped
        if stage is not None:
            self._say(self.signals.stage, stage)
        if total > 0:
            self._say(self.signals.progress, done, total)

    def _say(self, signal, *args) -> None:
        try:
            signal.emit(*args)
        except RuntimeError:  # the application is closing under the job: no one to tell
            self._stop.set()

    def run(self) -> None:
        try:
            result = self.work(self._progress)
            if self._stop.is_set():
                raise JobStopped
        except JobStopped:
            self._say(self.signals.stopped)
        except (UserError, StoreError) as exc:
            self._say(self.signals.failed, str(exc))
        except Exception:  # noqa: BLE001 - said in plain words; the details go to the log
            details = traceback.format_exc()
            print(details, file=sys.stderr)
            self._say(self.signals.failed, self.explain(details))
        else:
            self._say(self.signals.finished, result)
        finally:
            self.done.set()
            self._say(self.signals.ended, self)


class JobBridge(QObject):
    """Lives on the window's thread (a child of ``owner``), so the job's signals reach it
    queued; it passes on only what a job not stopped says. ``on_done(result)``,
    ``on_error(message)``, ``on_progress(done, total)``, ``on_stage(stage)``."""

    def __init__(
        self,
        owner: QObject,
        job: Job,
        on_done: Callable[[Any], None],
        on_error: Callable[[str], None],
        on_progress: Progress | None = None,
        on_stage: Callable[[str], None] | None = None,
    ):
        super().__init__(owner)
        self.job = job
        self.on_done, self.on_error, self.on_progress = on_done, on_error, on_progress
        self.on_stage = on_stage
        job.signals.progress.connect(self.progress)
        job.signals.stage.connect(self.stage)
        job.signals.finished.connect(self.finished)
        job.signals.failed.connect(self.failed)
        job.signals.stopped.connect(self.deleteLater)

    @Slot(int, int)
    def progress(self, done: int, total: int) -> None:
        if not self.job.stopped and self.on_progress is not None:
            self.on_progress(done, total)

    @Slot(str)
    def stage(self, stage: str) -> None:
        if not self.job.stopped and self.on_stage is not None:
            self.on_stage(stage)

    @Slot(object)
    def finished(self, result: Any) -> None:
        if not self.job.stopped:
            self.on_done(result)
        self.deleteLater()

    @Slot(str)
    def failed(self, message: str) -> None:
        if not self.job.stopped:
            self.on_error(message)
        self.deleteLater()


def start_job(
    owner: QObject,
    work: Work,
    on_done: Callable[[Any], None],
    on_error: Callable[[str], None],
    on_progress: Progress | None = None,
    explain: Callable[[str], str] = _went_wrong,
) -> Job:
    """Run ``work(progress)`` off the window's thread; its result, error or progress come back
    on the window's thread to ``owner``'s callbacks, unless the job is stopped first."""
    job = Job(work, explain)
    JobBridge(owner, job, on_done, on_error, on_progress)
    job.start()
    return job


def jobs_running() -> int:
    """How many jobs are still on their threads (a stopped one ends at its next progress)."""
    return len(_busy())


def wait_for_jobs(wait_ms: int = 60_000) -> bool:
    """Wait for every job's thread to be done (True if all are)."""
    pool = getattr(_pool, "pool", None)
    return pool.waitForDone(wait_ms) if pool is not None else True


def stop_all_jobs(wait_ms: int = 60_000) -> bool:
    """Stop every job and wait for their threads (the application is quitting): a thread must
    not be running Python while the interpreter shuts down. True if all have ended. What
    waited for the jobs to end (a store to close) is done then."""
    for job in list(_RUNNING):
        job.stop()
    ended = wait_for_jobs(wait_ms)
    _RUNNING.clear()
    _after_jobs()
    return ended


def close_after_jobs(close: Callable[[], None], wait_ms: int = 60_000) -> None:
    """A window is closing with its store: stop every job; wait for those that may write to
    the store (never close it under a write); then ``close()`` at once, or, while a job that
    only reads is still inside one call that cannot hear the stop (a huge sheet read whole),
    as soon as it has left it. The window does not wait for a reading: its result is
    dropped, and the reading never reaches the store after the stop (it looks for the stop
    before it does)."""
    jobs = list(_RUNNING)
    for job in jobs:
        job.stop()
    for job in jobs:
        if not job.reads_only:
            job.done.wait(wait_ms / 1000)
    if _busy():
        _AFTER.append(close)
    else:
        close()


def run_task(parent: QWidget, title: str, work: Work, on_done, on_error) -> Job:
    """Run ``work(progress)`` in the background under a progress dialog of ``parent``;
    ``on_done(result)`` or ``on_error(message)`` on the window's thread."""
    dialog = QProgressDialog(title, "", 0, 0, parent)
    dialog.setWindowTitle("ReviewDesk")
    dialog.setCancelButton(None)  # the work cannot be stopped half-way without waste
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    dialog.setValue(0)  # (Qt 6 starts the dialog's clock only once a value is set)

    def progress(done: int, total: int) -> None:
        dialog.setMaximum(max(total, 1))
        dialog.setValue(min(done, total))

    def finished(result: Any) -> None:
        dialog.close()
        on_done(result)

    def failed(message: str) -> None:
        dialog.close()
        on_error(message)

    return start_job(dialog, work, finished, failed, progress)


__all__ = [
    "Job",
    "JobBridge",
    "JobStopped",
    "close_after_jobs",
    "jobs_running",
    "run_task",
    "start_job",
    "stop_all_jobs",
    "wait_for_jobs",
]
