"""Start-up: the frame is painted before the database layer loads; the main window follows."""

import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from app.reviews import create_review
from ui.main import StartingWindow, launch


def test_the_window_module_loads_without_the_database_layer():
    code = (
        "import sys; import ui.main; "
        "print(any(m.startswith(('sqlalchemy', 'alembic', 'db.')) for m in sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=Path.cwd()
    )
    assert done.stdout.strip() == "False"


def test_launch_paints_the_frame_then_shows_the_reviews_in_its_place(
    qtbot, ctx, store, settings, messages
):
    create_review(ctx, review_type="lcspr", reference="LCSPR-2026-30", title="Child S")
    path = store.path
    store.close()  # the launched window takes the store's lock itself
    seen = []

    def before_show(window):
        seen.append((window.objectName(), QApplication.instance().topLevelWidgets()))

    window = launch(path, "Tester", settings, before_show=before_show)
    assert window is not None
    qtbot.addWidget(window)
    try:
        assert [name for name, _ in seen] == ["starting_window", "main_window"]
        assert not any(
            isinstance(w, StartingWindow) and w.isVisible() for w in QApplication.topLevelWidgets()
        )
        qtbot.waitUntil(lambda: window.list_model.rowCount() == 1)
        qtbot.waitUntil(lambda: window.stack.currentWidget() is window.workspace)
        assert window.workspace.review.reference == "LCSPR-2026-30"
    finally:
        window.close()
