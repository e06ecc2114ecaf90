"""Running slow work (exports, large imports) off the window's thread, with a progress dialog.

The work is a plain function from the app layer. It runs on QThreadPool; its result or error
comes back to the window's thread through signals. It opens its own short sessions, so no
session crosses threads.
"""

import sys
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from app.errors import UserError
from db.store import StoreError


class _Signals(QObject):
    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(str, bool)  # message, expected (no traceback worth showing)


class _Job(QRunnable):
    def __init__(self, work: Callable[[Callable[[int, int], None]], Any]):
        super().__init__()
        self.work = work
        self.signals = _Signals()

    def run(self) -> None:
        try:
            result = self.work(lambda done, total: self.signals.progress.emit(done, total))
        except (UserError, StoreError) as exc:
            self.signals.failed.emit(str(exc), True)
        except Exception:  # noqa: BLE001 - reported to the user, details kept for a bug report
            self.signals.failed.emit(traceback.format_exc(), False)
        else:
            self.signals.finished.emit(result)


class _Bridge(QObject):
    """Lives on the window's thread, so the worker's signals reach it queued, never direct."""

    def __init__(self, dialog: QProgressDialog, on_done, on_error):
        super().__init__(dialog)
        self.dialog, self.on_done, self.on_error = dialog, on_done, on_error

    @Slot(int, int)
    def progress(self, done: int, total: int) -> None:
        self.dialog.setMaximum(max(total, 1))
        self.dialog.setValue(min(done, total))

    @Slot(object)
    def finished(self, result: Any) -> None:
        self.dialog.close()
        self.on_done(result)

    @Slot(str, bool)
    def failed(self, message: str, expected: bool) -> None:
        self.dialog.close()
        if expected:
            self.on_error(message)
        else:
            print(message, file=sys.stderr)  # the details, for a bug report
            last = message.strip().splitlines()[-1]
            self.on_error(
                f"Something went wrong and the work did not finish. Nothing was changed.\n\n{last}"
            )


def run_task(
    parent: QWidget,
    title: str,
    work: Callable[[Callable[[int, int], None]], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[str], None],
) -> _Job:
    """Run ``work(progress)`` in the background; ``on_done(result)`` or ``on_error(message)``."""
    dialog = QProgressDialog(title, "", 0, 0, parent)
    dialog.setWindowTitle("ReviewDesk")
    dialog.setCancelButton(None)  # the work cannot be stopped half-way without waste
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    dialog.setValue(0)  # (Qt 6 starts the dialog's clock only once a value is set)
    job = _Job(work)
    bridge = _Bridge(dialog, on_done, on_error)
    job.signals.progress.connect(bridge.progress)
    job.signals.finished.connect(bridge.finished)
    job.signals.failed.connect(bridge.failed)
    parent._running_job = (job, bridge)  # kept alive until the work reports
    QThreadPool.globalInstance().start(job)
    return job
