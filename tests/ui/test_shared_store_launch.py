"""The window opened on a shared store's address, as ``reviewdesk --db postgresql://…``
does: it opens (no store file to check first), names the login in the trail, shows the
login's role, and a read-only login's banner says why it may only read."""

import itertools
import os

from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from app.context import AppContext
from app.imrs import add_agency
from app.reviews import create_review
from app.users import add_person, give_role, set_up
from db.store import open_store
from tests.ui.test_offline_work_ui import SHOTS
from ui.main import launch
from ui.tasks import wait_for_jobs

_numbers = itertools.count(1)


def _team(pg_url) -> dict[str, str]:
    roles = ("panel", "reader", "author")
    names = {role: f"{role}{os.getpid()}w{next(_numbers)}" for role in roles}
    with open_store(pg_url) as store:
        ctx = AppContext(store, "Owner")
        set_up(ctx)
        review = create_review(ctx, review_type="sar", reference="WIN-1", title="Adult W")
        add_agency(ctx, review, "Police", "police")
        create_review(ctx, review_type="lcspr", reference="WIN-2", title="Not theirs")
        add_person(ctx, names["panel"], "member", None)
        give_role(ctx, names["panel"], "WIN-1", "panel")
        add_person(ctx, names["reader"], "readonly", None)
        add_person(ctx, names["author"], "member", None)
        give_role(ctx, names["author"], "WIN-1", "author")
    return {
        role: pg_url.replace("postgresql://postgres@", f"postgresql://{name}@", 1)
        for role, name in names.items()
    } | {f"{role}_name": name for role, name in names.items()}


def _launched(qtbot, url, settings):
    window = launch(url, None, settings)
    assert window is not None
    qtbot.addWidget(window)
    window.resize(1280, 800)
    qtbot.waitUntil(lambda: window.list_model.rowCount() > 0, timeout=10000)
    return window


def _close(window) -> None:
    """Let the window's background work finish, then close it (which closes its store), so
    that nothing it started reports into a later test."""
    wait_for_jobs(20000)
    QApplication.processEvents()
    window.close()
    QApplication.processEvents()


def test_the_window_opens_on_a_shared_store_address(qtbot, pg_url, settings, monkeypatch):
    monkeypatch.delenv("REVIEWDESK_USER", raising=False)
    team = _team(pg_url)
    errors: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "critical", staticmethod(lambda _p, _t, text, *a: errors.append(text))
    )
    window = _launched(qtbot, team["panel"], settings)
    try:
        assert errors == []
        assert window.editor.ctx.actor == team["panel_name"]  # the login, not the computer's
        assert window.list_model.rowCount() == 1  # the review they sit on, no other
        window.select_review(window.list_model.review_at(0).id)
        badge = window.findChild(QLabel, "review_role")
        assert badge.text() == "Panel member · read only"
        SHOTS.mkdir(exist_ok=True)
        QApplication.processEvents()
        window.grab().save(str(SHOTS / "shared-store-panel-member.png"))
    finally:
        _close(window)

    window = _launched(qtbot, team["reader"], settings)
    try:
        banner = window.findChild(QLabel, "readonly_banner")
        assert "read-only one: it reads every review and changes none" in banner.text()
        assert "another ReviewDesk window" not in banner.text()
        assert window.list_model.rowCount() == 2
    finally:
        _close(window)


def test_a_panel_member_is_told_before_choosing_a_file_that_exports_are_not_theirs(
    qtbot, pg_url, settings, monkeypatch, messages
):
    """Every export is recorded in the review's trail, which a panel member may not add to:
    the export is greyed out with the reason, and the Export menu says it before any file
    dialog. An author of the same review exports."""
    from PySide6.QtWidgets import QFileDialog

    from ui.tab_names import TAB_CHRONOLOGY

    team = _team(pg_url)
    asked: list = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: asked.append(a) or ("", ""))
    window = _launched(qtbot, team["panel"], settings)
    try:
        window.select_review(window.list_model.review_at(0).id)
        window.workspace.tabs.setCurrentIndex(TAB_CHRONOLOGY)
        export = window.workspace.chronology.export_action
        assert not export.isEnabled() and "a panel member reads a review" in export.toolTip()
        window.export_chronology()
        assert asked == [] and len(messages) == 1
        assert "Every export is recorded in the review's audit trail" in messages[0]
        box = QMessageBox(QMessageBox.Icon.Warning, "ReviewDesk", messages[0], parent=window)
        box.show()
        QApplication.processEvents()
        box.grab().save(str(SHOTS / "shared-store-panel-member-export-refused.png"))
        box.close()
    finally:
        _close(window)
    window = _launched(qtbot, team["author"], settings)
    try:
        window.select_review(window.list_model.review_at(0).id)
        window.workspace.tabs.setCurrentIndex(TAB_CHRONOLOGY)
        assert window.workspace.chronology.export_action.isEnabled()
        window.export_chronology()
        assert len(asked) == 1  # the author chooses where to write it
        badge = window.findChild(QLabel, "review_role")
        assert badge.text() == "Author"
        assert badge.width() <= badge.sizeHint().width() + 2  # a pill, not a bar across
        window.grab().save(str(SHOTS / "shared-store-author.png"))
    finally:
        _close(window)


def _parts(url: str) -> dict:
    """Server (the socket folder), port, database and login of a test server's address."""
    from urllib.parse import parse_qs, urlsplit

    split = urlsplit(url)
    query = parse_qs(split.query)
    return {
        "host": query["host"][0],
        "port": int(query.get("port", ["5432"])[0]),
        "database": split.path.lstrip("/"),
        "login": split.username,
    }


def test_the_shared_store_dialog_says_what_is_missing_and_keeps_no_password(qtbot, settings):
    from ui.shared_store_dialog import SharedStoreDialog

    dialog = SharedStoreDialog(settings)
    qtbot.addWidget(dialog)
    dialog._accept_if_valid()
    assert dialog.problem.text() == "Give the server and the database." and not dialog.result()
    dialog.address_field.setText("reviews.example/reviewdesk")
    dialog._accept_if_valid()
    assert "An address starts postgresql://" in dialog.problem.text()
    dialog.address_field.setText("postgresql:/author@reviews.example/reviewdesk")
    dialog._accept_if_valid()
    assert "not complete" in dialog.problem.text()
    dialog.address_field.setText("")
    dialog.host.setText("reviews.example")
    dialog.database.setText("review desk")
    dialog.login.setText("lead.author")
    dialog.port.setValue(5433)
    assert dialog.address() == "postgresql://lead.author@reviews.example:5433/review%20desk"
    dialog._accept_if_valid()
    assert dialog.result() == dialog.DialogCode.Accepted
    again = SharedStoreDialog(settings)
    qtbot.addWidget(again)
    assert again.address() == dialog.address()  # remembered for next time
    stored = {key: settings.value(key) for key in settings.allKeys()}
    assert not any("pass" in key.lower() for key in stored)
    SHOTS.mkdir(exist_ok=True)
    again.show()
    QApplication.processEvents()
    again.grab().save(str(SHOTS / "open-shared-store.png"))


def test_file_menu_opens_the_shared_store_by_server_database_and_login(
    qtbot, pg_url, settings, tmp_path, monkeypatch
):
    """From a laptop store's window, File › Open a shared store… with the server's parts opens
    a window on the shared store as that login, in place of the first."""
    from ui.main_window import MainWindow
    from ui.shared_store_dialog import SharedStoreDialog

    monkeypatch.delenv("REVIEWDESK_USER", raising=False)
    team = _team(pg_url)
    parts = _parts(team["author"])
    local = launch(tmp_path / "laptop.db", "Laptop user", settings)
    assert local is not None
    qtbot.addWidget(local)

    def fill(dialog) -> int:
        dialog.host.setText(parts["host"])
        dialog.port.setValue(parts["port"])
        dialog.database.setText(parts["database"])
        dialog.login.setText(parts["login"])
        dialog._accept_if_valid()
        return dialog.result()

    monkeypatch.setattr(SharedStoreDialog, "exec", fill)
    local.findChild(type(local.menuBar().actions()[0]), "open_shared_store").trigger()
    opened = [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, MainWindow) and w is not local and w.isVisible()
    ]
    assert len(opened) == 1 and not local.isVisible()
    window = opened[0]
    qtbot.addWidget(window)
    try:
        assert window.editor.ctx.store.shared
        # The name chosen on the laptop, with the login it works under.
        assert window.editor.ctx.actor == f"Laptop user ({team['author_name']})"
        qtbot.waitUntil(lambda: window.list_model.rowCount() == 1, timeout=10000)
    finally:
        _close(window)
