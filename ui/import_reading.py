"""Reading and planning a chronology file off the window's thread, page by page, so that the
import dialog stays responsive and a long PDF can be stopped between two pages.

The planning itself is app.chronology.importer.plan_imports (no Qt); it opens its own short
sessions, so no session crosses threads, and writes nothing: a reading stopped half-way leaves
the store as it was.
"""

import sys
import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from app.errors import UserError
from db.store import StoreError


class ReadingStopped(BaseException):
    """Raised between two pages when the reading is stopped. A BaseException, as
    KeyboardInterrupt is, so the readers' own ``except Exception`` never take it for a file
    they cannot read."""


class _Signals(QObject):
    progress = Signal(int, int)  # page, pages
    finished = Signal(object)
    failed = Signal(str)  # what to say, in plain words
    stopped = Signal()
    ended = Signal(object)  # the reading, once its thread has left the work


_RUNNING: set["PlanReading"] = set()  # kept alive until their thread is done


class _Keeper(QObject):
    """On the window's thread: lets a reading go once its thread is done with it, so its last
    reference is dropped there and not on the pool's thread."""

    @Slot(object)
    def forget(self, reading: "PlanReading") -> None:
        _RUNNING.discard(reading)


_KEEPER: list[_Keeper] = []


class PlanReading(QRunnable):
    """``work(progress)`` on a pool thread; ``stop()`` makes the next ``progress`` call raise
    ReadingStopped, and a result that comes after a stop is dropped."""

    def __init__(self, work: Callable[[Callable[[int, int], None]], Any], file_name: str):
        super().__init__()
        self.setAutoDelete(False)
        self.work = work
        self.file_name = file_name
        self.signals = _Signals()
        self._stop = threading.Event()
        self.done = threading.Event()  # set once the thread has left the work

    def start(self) -> None:
        if not _KEEPER:
            _KEEPER.append(_Keeper())
        self.signals.ended.connect(_KEEPER[0].forget)
        _RUNNING.add(self)
        QThreadPool.globalInstance().start(self)

    def stop(self) -> None:
        self._stop.set()

    @property
    def stopped(self) -> bool:
        return self._stop.is_set()

    def _progress(self, page: int, pages: int) -> None:
        if self._stop.is_set():
            raise ReadingStopped
        self._say(self.signals.progress, page, pages)

    def _say(self, signal, *args) -> None:
        try:
            signal.emit(*args)
        except RuntimeError:  # the application is closing under the reading: no one to tell
            self._stop.set()

    def run(self) -> None:
        try:
            result = self.work(self._progress)
            if self._stop.is_set():
                raise ReadingStopped
        except ReadingStopped:
            self._say(self.signals.stopped)
        except (UserError, StoreError) as exc:
            self._say(self.signals.failed, str(exc))
        except Exception:  # noqa: BLE001 - said in plain words; the details go to the log
            print(traceback.format_exc(), file=sys.stderr)
            self._say(
                self.signals.failed,
                f"ReviewDesk could not read {self.file_name}: something in it is not as "
                "ReviewDesk expects, and nothing was imported. Ask the agency for the "
                "chronology as a spreadsheet, or save the file again and import that copy.",
            )
        else:
            self._say(self.signals.finished, result)
        finally:
            self.done.set()
            self._say(self.signals.ended, self)


class ReadingBridge(QObject):
    """Lives on the window's thread (a child of the dialog), so the reading's signals reach it
    queued; it passes on only what the reading still in use says."""

    def __init__(self, owner: QObject, reading: PlanReading, on_progress, on_done, on_error):
        super().__init__(owner)
        self.reading = reading
        self.on_progress, self.on_done, self.on_error = on_progress, on_done, on_error
        reading.signals.progress.connect(self.progress)
        reading.signals.finished.connect(self.finished)
        reading.signals.failed.connect(self.failed)
        reading.signals.stopped.connect(self.deleteLater)

    @Slot(int, int)
    def progress(self, page: int, pages: int) -> None:
        if not self.reading.stopped:
            self.on_progress(page, pages)

    @Slot(object)
    def finished(self, result: Any) -> None:
        if not self.reading.stopped:
            self.on_done(self.reading, result)
        self.deleteLater()

    @Slot(str)
    def failed(self, message: str) -> None:
        if not self.reading.stopped:
            self.on_error(self.reading, message)
        self.deleteLater()


def readings_running() -> int:
    """How many readings are still on their threads (a stopped one ends at its next page)."""
    return len(_RUNNING)


__all__ = ["PlanReading", "ReadingBridge", "ReadingStopped", "readings_running"]
