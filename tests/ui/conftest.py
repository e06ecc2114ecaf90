"""Window tests run headless on a real temporary store; modal boxes are answered by the tests."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QMessageBox  # noqa: E402

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
