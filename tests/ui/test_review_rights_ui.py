"""The window shows what a login may do on the review in front of it (a real shared store)."""

import itertools
import tempfile
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel

from app.context import AppContext
from app.edits import apply_fields
from app.findings import add_finding
from app.imrs import add_agency
from app.items import add_item
from app.review_rights import rights_on_review
from app.reviews import create_review, get_review
from app.users import add_person, give_role, set_up
from db.store import open_store
from ui.editing import Editor
from ui.main_window import STARTED_BY_MANAGER, MainWindow
from ui.workspace import TAB_AGENCIES, TAB_DETAILS, TAB_TOR

SHOTS = Path(tempfile.gettempdir()) / "reviewdesk-shots"
_numbers = itertools.count(1)


def as_user(url: str, name: str) -> str:
    return url.replace("postgresql://postgres@", f"postgresql://{name}@", 1)


@pytest.fixture
def team(pg_url):
    """Reviews A and B; an author of A who sits on B's panel, a panel member of A, a manager,
    a read-only login."""
    n = next(_numbers)
    names = {k: f"{k}_ui{n}" for k in ("manager", "author", "panel", "reader")}
    with open_store(pg_url) as owner:
        ctx = AppContext(owner, "Owner")
        set_up(ctx)
        a = create_review(ctx, review_type="lcspr", reference=f"A-{n}", title="Child A")
        b = create_review(ctx, review_type="sar", reference=f"B-{n}", title="Adult B")
        imr = add_agency(ctx, a, "Police", "police")
        apply_fields(
            ctx,
            "imr",
            imr,
            {
                "author_name": "Detective Inspector (fictional)",
                "summary": "Officers attended the address four times in 2024.",
                "analysis": "Each call was treated on its own; no officer saw the pattern.",
            },
        )
        apply_fields(ctx, "review", a, {"partnership": "North Partnership"})
        for review in (a, b):
            add_finding(ctx, review, "Risk was not shared")
            rec = add_item(ctx, "review_recommendation", review, {"text": "Share risk"})
            add_item(ctx, "action", rec, {"action": "Run training"})
        add_agency(ctx, b, "Health", "health")
        add_item(ctx, "line_of_enquiry", a, {"text": "Was Child A heard?"})
        add_person(ctx, names["manager"], "manager", None)
        add_person(ctx, names["author"], "member", None)
        add_person(ctx, names["panel"], "member", None)
        add_person(ctx, names["reader"], "readonly", None)
        give_role(ctx, names["author"], f"A-{n}", "author")
        give_role(ctx, names["author"], f"B-{n}", "panel")
        give_role(ctx, names["panel"], f"A-{n}", "panel")
    stores = []

    def window_for(qtbot, settings, key: str) -> MainWindow:
        store = open_store(as_user(pg_url, names[key]))
        stores.append(store)
        win = MainWindow(Editor(AppContext(store, names[key])), settings)
        qtbot.addWidget(win)
        win.resize(1280, 800)
        win.show()
        qtbot.waitExposed(win)
        return win

    yield {"a": a, "b": b, "names": names, "window": window_for, "url": pg_url}
    for store in stores:
        store.close()


def _open(window, review_id, tab):
    window.refresh()
    window.select_review(review_id)
    window.workspace.tabs.setCurrentIndex(tab)
    assert window.workspace.review.id == review_id
    return window.workspace


def _assert_read_only(workspace, reason_words: str):
    # Shown read-only, not greyed out: the text can be read, selected and copied.
    title = workspace.details.texts["title"]
    assert title.isEnabled() and title.isReadOnly()
    status = workspace.details.status_combo
    assert status.isEnabled() and status.accessibleDescription() == "Read-only"
    before = status.currentIndex()
    QTest.keyClick(status, Qt.Key.Key_Down)
    QTest.mouseClick(status, Qt.MouseButton.LeftButton)
    assert status.currentIndex() == before and not status.view().isVisible()
    assert workspace.details.dates["decision_date"].isEnabled()
    assert workspace.details.dates["decision_date"].edit.isReadOnly()
    panel = workspace.agencies.panel
    assert all(box.isEnabled() and box.isReadOnly() for box in panel.sections.values())
    # What would change the review is disabled and says why.
    add = workspace.tor.add_button
    assert not add.isEnabled() and reason_words in add.toolTip()
    assert not workspace.agencies.add_button.isEnabled()
    assert reason_words in workspace.agencies.add_button.toolTip()
    people = workspace.people
    assert people.descriptor.isEnabled() and people.descriptor.isReadOnly()
    assert not people.add_button.isEnabled()
    findings = workspace.findings
    findings.select_finding(findings.findings[0].id)
    assert findings.panel.title.isEnabled() and findings.panel.title.isReadOnly()
    assert findings.panel.narrative.isReadOnly()
    recs = workspace.recommendations
    recs.select_recommendation(recs.model.rows[0].id)
    assert recs.panel.text.isEnabled() and recs.panel.text.isReadOnly()
    plan = recs.panel.action_plan
    plan.action_table.select_id(plan.actions[0].id)
    assert plan.evidence.isEnabled() and plan.evidence.isReadOnly()


def test_a_panel_member_sees_their_review_read_only_with_their_role(
    qtbot, team, settings, messages
):
    window = team["window"](qtbot, settings, "panel")
    workspace = _open(window, team["a"], TAB_DETAILS)
    badge = window.findChild(QLabel, "review_role")
    assert badge.isVisible() and badge.text() == "Panel member · read only"
    assert "panel" in badge.toolTip()
    note = window.findChild(QLabel, "review_role_note")
    assert note.isVisible() and "chair and authors change it" in note.text()
    _assert_read_only(workspace, "panel members read the review")
    assert not window.new_button.isEnabled() and window.new_button.toolTip() == STARTED_BY_MANAGER
    # A change that still reaches the store is refused there, in plain words.
    editor = window.editor
    assert editor.edit("review", team["a"], {"title": "Changed"}, "Change title") is False
    assert any("role" in m and "does not allow" in m for m in messages)
    SHOTS.mkdir(exist_ok=True)
    window.grab().save(str(SHOTS / "panel-member-details.png"))
    window.resize(1280, 1000)
    workspace.tabs.setCurrentIndex(TAB_AGENCIES)
    workspace.agencies.panel.tabs.setCurrentIndex(1)
    workspace.agencies.splitter.setSizes([200, 700])
    qtbot.wait(50)
    window.grab().save(str(SHOTS / "panel-member-imr.png"))


def test_an_author_changes_their_review_and_reads_the_one_they_sit_on(
    qtbot, team, settings, messages
):
    window = team["window"](qtbot, settings, "author")
    workspace = _open(window, team["a"], TAB_TOR)
    badge = window.findChild(QLabel, "review_role")
    assert badge.text() == "Author"
    title = workspace.details.texts["title"]
    assert not title.isReadOnly() and workspace.tor.add_button.isEnabled()
    assert "panel members" not in workspace.tor.add_button.toolTip()
    workspace.details.texts["title"].set_saved("Child A")
    assert window.editor.edit(
        "review", team["a"], {"title": "Child A (author's)"}, "Change title", shown=None
    )
    assert messages == []
    # The same login on the other review, where it sits on the panel: read-only there.
    workspace = _open(window, team["b"], TAB_DETAILS)
    assert badge.text() == "Panel member · read only"
    _assert_read_only(workspace, "panel members read the review")
    # And back: each review shows what this login may do on it.
    workspace = _open(window, team["a"], TAB_TOR)
    assert workspace.tor.add_button.isEnabled() and not title.isReadOnly()
    status = workspace.details.status_combo
    assert status.accessibleDescription() == ""
    before = status.currentData()
    QTest.keyClick(status, Qt.Key.Key_Down)  # the choice can be made again (and is saved)
    assert status.currentData() != before
    assert get_review(window.editor.ctx, team["a"]).status == status.currentData()
    assert "panel members" not in workspace.tor.add_button.toolTip()


@pytest.mark.parametrize(
    "key, label, writes",
    [("manager", "Business manager", True), ("reader", "Read-only", False)],
)
def test_the_manager_and_a_read_only_login(qtbot, team, settings, messages, key, label, writes):
    window = team["window"](qtbot, settings, key)
    workspace = _open(window, team["b"], TAB_DETAILS)
    assert window.findChild(QLabel, "review_role").text() == label
    assert workspace.details.texts["title"].isReadOnly() is not writes
    assert window.new_button.isEnabled() is writes
    if not writes:
        _assert_read_only(_open(window, team["a"], TAB_DETAILS), "read-only")


def test_rights_are_one_answer_per_review_on_both_kinds_of_store(team, ctx):
    review = create_review(ctx, review_type="lcspr", reference="OWN-1", title="Child O")
    local = rights_on_review(ctx, review)
    assert (local.role, local.can_write) == ("owner", True)
    names = team["names"]
    with open_store(as_user(team["url"], names["panel"])) as store:
        panel = AppContext(store, names["panel"])
        assert rights_on_review(panel, team["a"]).role == "panel"
        assert not rights_on_review(panel, team["a"]).can_write
    with open_store(as_user(team["url"], names["author"])) as store:
        author = AppContext(store, names["author"])
        assert rights_on_review(author, team["a"]).can_write
        assert get_review(author, team["a"]).title == "Child A"


def test_a_store_file_shows_no_role_and_everything_can_be_changed(window, ctx):
    review = create_review(ctx, review_type="lcspr", reference="OWN-2", title="Child P")
    workspace = _open(window, review, TAB_TOR)
    assert not window.findChild(QLabel, "review_role").isVisible()
    assert workspace.tor.add_button.isEnabled() and window.new_button.isEnabled()
    assert window.editor.rights.role == "owner"
