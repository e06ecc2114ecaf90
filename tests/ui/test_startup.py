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


FRAME_PROBE = """
import sys
from pathlib import Path
from PySide6.QtCore import QSettings
import ui.main
seen = {}

def opening(path, shell, prechecked=None):
    view = shell.list_view
    seen['rows'] = view.model().rowCount() if view is not None else 0
    seen['loaded'] = 'sqlalchemy' in sys.modules
    return None  # stop here: the store is not opened

ui.main.open_for_window = opening
app = ui.main.make_application([])
ui.main.launch(Path(sys.argv[1]), 'Tester', QSettings(sys.argv[2], QSettings.Format.IniFormat))
print(seen['rows'], seen['loaded'])
"""


def test_the_frame_lists_the_reviews_before_the_database_layer_loads(ctx, store, tmp_path):
    for n in (1, 2):
        create_review(ctx, review_type="sar", reference=f"SAR-{n}", title=f"Adult {n}")
    store.close()
    done = subprocess.run(
        [sys.executable, "-c", FRAME_PROBE, str(store.path), str(tmp_path / "s.ini")],
        capture_output=True,
        text=True,
        cwd=Path.cwd(),
    )
    assert done.stdout.split() == ["2", "False"], done.stderr


def test_the_main_window_starts_with_the_frames_reviews(qtbot, ctx, store, settings, messages):
    create_review(ctx, review_type="lcspr", reference="LCSPR-2026-31", title="Child T")
    path = store.path
    store.close()
    rows = {}

    def before_show(window):
        view = window.list_view
        rows[window.objectName()] = view.model().rowCount() if view is not None else None

    window = launch(path, "Tester", settings, before_show=before_show)
    qtbot.addWidget(window)
    try:
        # Shown in the frame after it was first painted; in the main window from the start.
        assert rows == {"starting_window": None, "main_window": 1}
        assert window.list_model.review_at(0).reference == "LCSPR-2026-31"
    finally:
        window.close()


def test_an_encrypted_store_without_its_passphrase_is_not_read_early(tmp_path, monkeypatch):
    from db.store import open_store
    from ui.main import _early_listing

    path = tmp_path / "secret.db"
    open_store(path, passphrase="an early passphrase").close()
    monkeypatch.delenv("REVIEWDESK_PASSPHRASE", raising=False)
    assert _early_listing(path) is None  # the dialog asks first
    monkeypatch.setenv("REVIEWDESK_PASSPHRASE", "an early passphrase")
    assert _early_listing(path).result() == []
