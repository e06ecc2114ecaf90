"""File › Offline work in the window: check a review out of a real shared store (PostgreSQL)
to a laptop store, work on it there, see what changed, check it back in; release; the list."""

import itertools
import tempfile
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QInputDialog, QMessageBox

from app.checkout import checkout_of, list_checkouts
from app.context import AppContext
from app.edits import apply_fields
from app.imrs import add_agency
from app.reviews import create_review, find_review_id, get_review, list_reviews
from app.users import add_person, give_role, set_up
from db.store import open_store
from ui.editing import Editor
from ui.main_window import MainWindow
from ui.offline_dialogs import CheckInDialog, CheckoutsDialog, SharedStoreDialog

SHOTS = Path(tempfile.gettempdir()) / "reviewdesk-shots"
_numbers = itertools.count(1)
Accepted, Rejected = QDialog.DialogCode.Accepted, QDialog.DialogCode.Rejected


@pytest.fixture
def shared(pg_url):
    """The shared store with two reviews; the first has an agency (so an IMR) to take away."""
    with open_store(pg_url) as store:
        ctx = AppContext(store, "Tester")
        a = create_review(ctx, review_type="lcspr", reference="OUT-1", title="Child A")
        add_agency(ctx, a, "Police", "police")
        add_agency(ctx, a, "Health", "health")
        b = create_review(ctx, review_type="sar", reference="HERE-2", title="Adult B")
        yield {"ctx": ctx, "a": a, "b": b, "url": pg_url}


def _window(qtbot, ctx, settings) -> MainWindow:
    window = MainWindow(Editor(ctx), settings)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    return window


def _answer(monkeypatch, cls, answers: list, seen: list) -> None:
    """The dialog's ``exec`` answers from ``answers`` (a code, or a function of the dialog)."""

    def exec_(dialog):
        seen.append(dialog)
        answer = answers.pop(0)
        return answer(dialog) if callable(answer) else answer

    monkeypatch.setattr(cls, "exec", exec_)


def _shoot(widget, name: str) -> None:
    """A picture of the widget as it is shown (a dialog is shown for it, then hidden)."""
    SHOTS.mkdir(exist_ok=True)
    shown = widget.isVisible()
    widget.show()
    QApplication.processEvents()
    widget.grab().save(str(SHOTS / name))
    if not shown:
        widget.hide()


def _check_out(qtbot, monkeypatch, window, laptop: Path, open_it: bool) -> list[str]:
    told: list[str] = []

    def question(_parent, _title, text, *_args):
        told.append(text)
        return QMessageBox.StandardButton.Yes if open_it else QMessageBox.StandardButton.No

    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(laptop), ""))
    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    window.offline.check_out_action.trigger()
    qtbot.waitUntil(lambda: bool(told), timeout=30_000)
    return told


def test_check_out_work_offline_and_check_in_from_the_window(
    qtbot, monkeypatch, shared, settings, tmp_path, messages
):
    ctx, a = shared["ctx"], shared["a"]
    window = _window(qtbot, ctx, settings)
    window.select_review(a)
    offline = window.offline
    assert offline.check_out_action.isEnabled()
    assert not offline.check_in_action.isEnabled()
    assert "laptop store that holds the offline copy" in offline.check_in_action.toolTip()
    assert not offline.release_action.isEnabled()
    assert offline.release_action.toolTip() == "This review is not checked out of this store."
    offline.menu.popup(window.mapToGlobal(QPoint(40, 40)))
    qtbot.waitUntil(offline.menu.isVisible)
    _shoot(offline.menu, "offline-menu-shared.png")
    offline.menu.hide()

    laptop_path = tmp_path / "laptop.db"
    told = _check_out(qtbot, monkeypatch, window, laptop_path, open_it=True)
    assert told[0].startswith("OUT-1 is checked out: ") and "rows copied" in told[0]
    assert str(laptop_path) in told[0] and "read-only for everyone" in told[0]
    assert checkout_of(ctx, a).holder == "Tester"
    # The window moved to the laptop store, on the copy, with the banner saying so.
    laptop_window = offline.laptop_window
    qtbot.addWidget(laptop_window)
    qtbot.waitExposed(laptop_window)
    lctx = laptop_window.editor.ctx
    copy = find_review_id(lctx, "OUT-1")
    assert laptop_window.current_review_id() == copy
    assert [i.agency for i in get_review(lctx, copy).imrs] == ["Police", "Health"]
    banner = laptop_window.workspace.checkout_banner
    assert banner.isVisible() and "Check in to the shared store" in banner.text()
    assert not laptop_window.offline.check_out_action.isEnabled()
    assert "shared store (PostgreSQL)" in laptop_window.offline.check_out_action.toolTip()
    assert laptop_window.offline.check_in_action.isEnabled()
    _shoot(laptop_window, "offline-copy-window.png")

    # The shared copy refuses changes meanwhile; the window offers no second check-out.
    window = _window(qtbot, ctx, settings)
    window.select_review(a)
    assert window.editor.readonly
    assert "Already checked out to Tester" in window.offline.check_out_action.toolTip()
    assert window.offline.release_action.isEnabled()  # the store's owner may
    window.close()

    # Offline work, in the laptop window and through the services on the same store.
    assert laptop_window.editor.edit("review", copy, {"title": "Child A (revised)"}, "Title")
    police = get_review(lctx, copy).imrs[0].imr_id
    findings = "Officers attended four times; no one saw the pattern."
    apply_fields(lctx, "imr", police, {"summary": findings, "author_name": "DI (fictional)"})
    add_agency(lctx, copy, "Education", "education")

    # The check-in: the shared store's address is offered as the check-out reached it.
    logins, reports, told = [], [], []
    monkeypatch.setattr(
        QMessageBox, "information", staticmethod(lambda _p, _t, text: told.append(text))
    )
    _answer(monkeypatch, SharedStoreDialog, [Accepted, Accepted], logins)
    _answer(monkeypatch, CheckInDialog, [Rejected, _look_and_accept], reports)
    laptop_window.offline.check_in_action.trigger()
    qtbot.waitUntil(lambda: len(reports) == 1, timeout=30_000)
    assert logins[0].values() == (shared["url"], "")
    first = reports[0]
    assert first.cancel_button.isDefault() and not first.check_in_button.isDefault()
    text = first.text()
    assert "4 changes made offline to OUT-1" in text
    assert "Review details: 1 changed" in text and "Changed: Review OUT-1  [title]" in text
    assert "IMRs: 1 changed, 1 added" in text or "IMRs: 1 added, 1 changed" in text
    assert "[author name, summary]" in text and "Agencies: 1 added" in text
    # Cancelled: nothing changed anywhere.
    assert checkout_of(ctx, a) is not None and get_review(ctx, a).title == "Child A"
    laptop_window.offline.check_in_action.trigger()
    qtbot.waitUntil(lambda: bool(told), timeout=30_000)
    assert told[0].startswith("OUT-1 is checked in to ") and "4 changes applied" in told[0]
    # The shared review is writable again, with the offline changes; the copy is gone.
    assert checkout_of(ctx, a) is None
    detail = get_review(ctx, a)
    assert detail.title == "Child A (revised)"
    assert [i.agency for i in detail.imrs] == ["Police", "Health", "Education"]
    apply_fields(ctx, "review", a, {"title": "Back at the office"})
    assert [r.reference for r in list_reviews(lctx)] == []
    assert laptop_window.list_model.rowCount() == 0
    assert messages == []
    laptop_window.close()


def _look_and_accept(dialog) -> QDialog.DialogCode:
    _shoot(dialog, "check-in-report.png")
    return Accepted


def test_a_forced_release_and_a_change_since_refuse_the_check_in_plainly(
    qtbot, monkeypatch, shared, settings, tmp_path, messages
):
    ctx, a = shared["ctx"], shared["a"]
    window = _window(qtbot, ctx, settings)
    window.select_review(a)
    _check_out(qtbot, monkeypatch, window, tmp_path / "laptop.db", open_it=False)
    with open_store(tmp_path / "laptop.db") as laptop_store:
        laptop = AppContext(laptop_store, "Tester")
        copy = find_review_id(laptop, "OUT-1")
        add_agency(laptop, copy, "Education", "education")
    # The list says who has it, since when, where.
    listed = []
    _answer(monkeypatch, CheckoutsDialog, [Rejected], listed)
    window.offline.show_checkouts()
    table = listed[0].table
    assert table.rowCount() == 1 and table.item(0, 0).text() == "OUT-1"
    assert table.item(0, 1).text() == "Tester" and "laptop.db" in table.item(0, 3).text()
    _shoot(listed[0], "checkouts-list.png")

    # Released by the owner with a reason (asked as the command line does).
    monkeypatch.setattr(
        QInputDialog, "getMultiLineText", staticmethod(lambda *a, **k: ("Laptop lost", True))
    )
    window.offline.release_action.trigger()
    assert checkout_of(ctx, a) is None and list_checkouts(ctx) == []
    assert not window.editor.readonly and not window.offline.release_action.isEnabled()
    apply_fields(ctx, "review", a, {"title": "Changed at the office"})
    window.close()

    laptop_store = open_store(tmp_path / "laptop.db")
    laptop_window = _window(qtbot, AppContext(laptop_store, "Tester"), settings)
    laptop_window.owns_store = True
    laptop_window.select_review(copy)
    logins, asked_again = [], []
    unreachable = "postgresql://nobody@/reviewdesk?host=/nonexistent/folder"

    def wrong_address(dialog):
        dialog.address.setText(unreachable)
        return Accepted

    def right_address(dialog):
        asked_again.append(
            (dialog.address.text(), dialog.problem.text(), dialog.problem.isHidden())
        )
        _shoot(dialog, "shared-store-unreachable.png")
        dialog.address.setText(shared["url"])
        return Accepted

    _answer(monkeypatch, SharedStoreDialog, [wrong_address, right_address], logins)
    laptop_window.offline.check_in_action.trigger()
    qtbot.waitUntil(lambda: bool(messages), timeout=30_000)
    # An address that cannot be reached is said plainly, and the address can be corrected.
    address, problem, hidden = asked_again[0]
    assert address == unreachable and "cannot be reached" in problem and not hidden
    # Changed in the shared store since the release: refused, nothing lost.
    assert "released and the review has been changed" in messages[0]
    assert "your offline work is still in this laptop store" in messages[0]
    lctx = laptop_window.editor.ctx
    assert "Education" in [i.agency for i in get_review(lctx, copy).imrs]
    assert get_review(ctx, a).title == "Changed at the office"
    laptop_window.close()


def test_actions_say_why_they_do_not_apply(qtbot, shared, settings, tmp_path):
    ctx, a = shared["ctx"], shared["a"]
    n = next(_numbers)
    author, panel = f"oauthor{n}", f"opanel{n}"
    set_up(ctx)
    for name, role in ((author, "author"), (panel, "panel")):
        add_person(ctx, name, "member", None)
        give_role(ctx, name, "OUT-1", role)

    def login(name: str) -> str:
        return shared["url"].replace("postgresql://postgres@", f"postgresql://{name}@", 1)

    with open_store(login(panel)) as store:
        window = _window(qtbot, AppContext(store, panel), settings)
        window.select_review(a)
        action = window.offline.check_out_action
        assert not action.isEnabled() and "chair, its authors" in action.toolTip()
        window.close()
    with open_store(login(author)) as store:
        window = _window(qtbot, AppContext(store, author), settings)
        window.select_review(a)
        assert window.offline.check_out_action.isEnabled()
        with open_store(tmp_path / "laptop.db") as laptop:
            from app.checkout import check_out

            check_out(window.editor.ctx, AppContext(laptop, author), "OUT-1")
        window.refresh()
        assert not window.offline.check_out_action.isEnabled()
        release = window.offline.release_action
        assert not release.isEnabled()
        assert release.toolTip().startswith("Only the review's chair or the business manager")
        window.close()
    # A store file: nothing to check out of it; a review of its own is not a copy.
    with open_store(tmp_path / "own.db") as own:
        octx = AppContext(own, "Owner")
        mine = create_review(octx, review_type="sar", reference="MINE-1", title="Own")
        window = _window(qtbot, octx, settings)
        window.select_review(mine)
        assert not window.offline.check_out_action.isEnabled()
        assert "not an offline copy" in window.offline.check_in_action.toolTip()
        window.close()
    QApplication.processEvents()


def test_a_role_taken_away_meanwhile_refuses_the_check_in_plainly(
    qtbot, monkeypatch, shared, settings, tmp_path, messages
):
    from app.checkout import check_out

    ctx, a = shared["ctx"], shared["a"]
    author = f"lauthor{next(_numbers)}"
    set_up(ctx)
    add_person(ctx, author, "member", None)
    give_role(ctx, author, "OUT-1", "author")
    as_author = shared["url"].replace("postgresql://postgres@", f"postgresql://{author}@", 1)
    with open_store(as_author) as store, open_store(tmp_path / "laptop.db") as laptop:
        check_out(AppContext(store, author), AppContext(laptop, author), "OUT-1")
        copy = find_review_id(AppContext(laptop, author), "OUT-1")
        add_agency(AppContext(laptop, author), copy, "Education", "education")
    give_role(ctx, author, "OUT-1", "panel")  # now only reads the review

    laptop_store = open_store(tmp_path / "laptop.db")
    window = _window(qtbot, AppContext(laptop_store, author), settings)
    window.owns_store = True
    window.select_review(copy)

    offered = []

    def address(dialog):  # (no address remembered here: the copy's own record is offered)
        offered.append(dialog.address.text())
        dialog.address.setText(as_author)
        return Accepted

    _answer(monkeypatch, SharedStoreDialog, [address], [])
    _answer(monkeypatch, CheckInDialog, [Accepted], [])
    window.offline.check_in_action.trigger()
    qtbot.waitUntil(lambda: bool(messages), timeout=30_000)
    assert offered[0].startswith(f"postgresql://{author}@")
    assert "does not allow checking in" in messages[0]
    assert "your offline work is still in this laptop store" in messages[0]
    assert checkout_of(ctx, a) is not None
    assert "Education" in [i.agency for i in get_review(window.editor.ctx, copy).imrs]
    assert "Education" not in [i.agency for i in get_review(ctx, a).imrs]
    window.close()
