"""Slow work off the window's thread: its progress dialog shows while it runs, and its result
or its error comes back to the window."""

import threading

from PySide6.QtWidgets import QProgressDialog, QWidget

from app.errors import UserError
from ui.tasks import run_task


def test_the_progress_dialog_shows_while_slow_work_runs_even_without_progress(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    release = threading.Event()
    results = []
    run_task(parent, "Working…", lambda _progress: release.wait(10) and 42, results.append,
             results.append)  # fmt: skip
    dialog = parent.findChild(QProgressDialog)
    qtbot.waitUntil(dialog.isVisible, timeout=5000)  # shown after its 300 ms
    assert dialog.labelText() == "Working…"
    release.set()
    qtbot.waitUntil(lambda: results == [42], timeout=5000)
    assert not dialog.isVisible()


def test_an_expected_error_comes_back_in_plain_words(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    done, errors = [], []

    def work(_progress):
        raise UserError("The file is open in another program.")

    run_task(parent, "Working…", work, done.append, errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert errors == ["The file is open in another program."] and done == []
