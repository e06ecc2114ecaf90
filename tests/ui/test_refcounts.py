"""A long working day must not drain the interpreter's references to True and None.

PySide6 6.12.0 on Python 3.11 dropped a reference to True on every emit of a Python-defined
Signal and references to None on every model reset; when a count reached zero the process
aborted ("Fatal Python error: none_dealloc") and took the user's unsaved work with it. These
tests drive the project's own models and signals many thousands of times and check that the
counts do not fall. On Python 3.12+ both objects are immortal and the counts never move.
"""

import gc
import sys

import pytest

from app.chronology.importer import import_chronology
from app.imrs import add_agency
from app.reviews import create_review
from ui.chronology_model import ChronologyModel
from ui.editing import Editor
from ui.table_model import RecordTableModel

from .test_chronology_ui import SAMPLES

ROUNDS = 20_000
# Other objects may come and go holding a few references of their own; a drain loses one or
# more per round, so it shows as thousands.
SLACK = 200
CHECK_EVERY = 500


def _counts() -> tuple[int, int]:
    gc.collect()
    return sys.getrefcount(True), sys.getrefcount(None)


def _assert_no_drain(action, rounds: int = ROUNDS) -> None:
    """Run ``action`` many times; fail as soon as True or None has lost references.

    Checked every few hundred rounds, so a drain fails the test before the counts reach zero
    and the interpreter aborts.
    """
    action()  # first use may fill caches that legitimately hold references
    true_before, none_before = _counts()
    for done in range(1, rounds + 1):
        action()
        if done % CHECK_EVERY == 0 or done == rounds:
            true_now, none_now = _counts()
            assert true_now >= true_before - SLACK, (
                f"references to True fell by {true_before - true_now} in {done} rounds"
            )
            assert none_now >= none_before - SLACK, (
                f"references to None fell by {none_before - none_now} in {done} rounds"
            )


@pytest.fixture
def review_id(ctx):
    review_id = create_review(ctx, review_type="lcspr", reference="LCSPR-2026-09", title="Child R")
    add_agency(ctx, review_id, "Police", "police")
    import_chronology(ctx, review_id, "Police", SAMPLES / "police_chronology.xlsx")
    return review_id


def test_chronology_model_reload_keeps_references(qapp, ctx, review_id):
    model = ChronologyModel(ctx)
    model.set_review(review_id)
    assert model.rowCount() > 0
    reloads = []
    model.reloaded.connect(lambda: reloads.append(1))
    # The filter box's path: a reset, a query and the ``reloaded`` signal per keystroke.
    _assert_no_drain(model.reload)
    assert len(reloads) == ROUNDS + 1


class _Rows(RecordTableModel):
    columns = ["Name"]

    def cell(self, record, column, role):
        return record


def test_model_reset_keeps_references(qapp):
    model = _Rows()
    _assert_no_drain(lambda: model.set_rows(["a", "b"]))
    assert model.rowCount() == 2


def test_plain_signals_keep_references(qapp, ctx):
    model = ChronologyModel(ctx)
    emitted = []
    model.reloaded.connect(lambda: emitted.append(1))
    _assert_no_drain(model.reloaded.emit)  # a Signal() with no arguments
    assert len(emitted) == ROUNDS + 1

    editor = Editor(ctx)
    changes = []
    editor.changed.connect(changes.append)
    _assert_no_drain(lambda: editor.changed.emit("review"))
    assert changes[-1] == "review" and len(changes) == ROUNDS + 1
