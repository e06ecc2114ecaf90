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

_numbers = itertools.count(1)


def _team(pg_url) -> dict[str, str]:
    names = {role: f"{role}{os.getpid()}w{next(_numbers)}" for role in ("panel", "reader")}
    with open_store(pg_url) as store:
        ctx = AppContext(store, "Owner")
        set_up(ctx)
        review = create_review(ctx, review_type="sar", reference="WIN-1", title="Adult W")
        add_agency(ctx, review, "Police", "police")
        create_review(ctx, review_type="lcspr", reference="WIN-2", title="Not theirs")
        add_person(ctx, names["panel"], "member", None)
        give_role(ctx, names["panel"], "WIN-1", "panel")
        add_person(ctx, names["reader"], "readonly", None)
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
        window.editor.ctx.store.close()

    window = _launched(qtbot, team["reader"], settings)
    try:
        banner = window.findChild(QLabel, "readonly_banner")
        assert "read-only one: it reads every review and changes none" in banner.text()
        assert "another ReviewDesk window" not in banner.text()
        assert window.list_model.rowCount() == 2
    finally:
        window.editor.ctx.store.close()
