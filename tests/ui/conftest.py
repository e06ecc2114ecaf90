"""Window tests run headless on a real temporary store; modal boxes are answered by the tests."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QMessageBox  # noqa: E402

from app.demo import add_demo_reviews  # noqa: E402
from app.reviews import list_reviews  # noqa: E402
from tests.ui.screens import PROJECTOR, settle  # noqa: E402
from ui.editing import Editor  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402


@pytest.fixture
def messages(monkeypatch):
    """Warnings the window would have shown, instead of blocking on a modal box."""
    shown: list[str] = []

    def fake_warning(_parent, _title, text, *args, **kwargs):
        shown.append(text)
        return QMessageBox.StandardButton.Discard

    monkeypatch.setattr(QMessageBox, "warning", staticmethod(fake_warning))
    return shown


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def editor(ctx):
    return Editor(ctx)


@pytest.fixture
def window(qtbot, editor, settings, messages):
    win = MainWindow(editor, settings)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture
def demo(ctx, window):
    """The demo review under way (meetings held, a document begun) in a window the size of a
    projector's screen. (tests/ui/test_small_screens.py has a demo of its own, at the window's
    first size.)"""
    add_demo_reviews(ctx)
    window.refresh()
    window.select_review(next(r.id for r in list_reviews(ctx) if r.reference == "DEMO-LCSPR-T"))
    window.resize(PROJECTOR)
    settle()
    return window


@pytest.fixture
def under_way(ctx, window):
    """The demo review with the most in it: meetings held, recommendations, an action plan."""
    add_demo_reviews(ctx)
    window.refresh()
    window.select_review(next(r.id for r in list_reviews(ctx) if r.reference == "DEMO-LCSPR-T"))
    settle()
    return window
