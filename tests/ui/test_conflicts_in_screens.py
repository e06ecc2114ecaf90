"""Two people on one shared store: a change saved under the open window meets the window's
own edit on any screen, and the person sees both values and chooses (the real dialog)."""

import tempfile
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QPlainTextEdit

from app.chronology.entries import add_entry, edit_entry, get_entry
from app.conflicts import EditConflict
from app.context import AppContext
from app.edits import apply_fields
from app.findings import add_finding, get_finding
from app.imrs import add_agency, get_imr
from app.items import add_item, remove_item
from app.publishing.people import add_person, list_people, update_person
from app.reviews import create_review, get_review
from db.store import open_store
from ui.conflict_dialog import ConflictDialog
from ui.editing import Editor
from ui.main_window import MainWindow
from ui.workspace import TAB_AGENCIES, TAB_CHRONOLOGY, TAB_FINDINGS, TAB_PANEL, TAB_PEOPLE

SHOTS = Path(tempfile.gettempdir()) / "reviewdesk-shots"


@pytest.fixture
def shared(pg_url):
    """Two people, each with their own connection to one shared store."""
    mine, theirs = open_store(pg_url), open_store(pg_url)
    yield AppContext(mine, "Chair"), AppContext(theirs, "Sam Author")
    mine.close()
    theirs.close()


@pytest.fixture
def case(shared):
    me, _sam = shared
    review = create_review(me, review_type="lcspr", reference="TWO-1", title="Child T")
    imr = add_agency(me, review, "Police", "police")
    agency = get_imr(me, imr).summary.agency_id
    return {
        "review": review,
        "imr": imr,
        "finding": add_finding(me, review, "Risk was not shared"),
        "member": add_item(me, "panel_member", review, {"name": "A. Chair", "role": "chair"}),
        "entry": add_entry(me, review, agency, {"date": "01/02/2024", "event": "Home visit"}),
    }


@pytest.fixture
def window(qtbot, shared, settings, messages):
    me, _sam = shared
    win = MainWindow(Editor(me), settings)
    qtbot.addWidget(win)
    win.resize(1280, 860)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


class Chooser:
    """Answers the conflict dialog as a person would, after checking what it shows."""

    def __init__(self, qtbot, mine: bool, shot: str = ""):
        self.qtbot, self.mine, self.shot = qtbot, mine, shot
        self.shown: list[dict] = []

    def __call__(self, conflict: EditConflict) -> bool:
        dialog = ConflictDialog(conflict)
        self.qtbot.addWidget(dialog)
        dialog.show()
        self.qtbot.waitExposed(dialog)
        boxes = {b.accessibleName(): b.toPlainText() for b in dialog.findChildren(QPlainTextEdit)}
        notes = " ".join(label.text() for label in dialog.findChildren(QLabel))
        self.shown.append({"boxes": boxes, "notes": notes})
        if self.shot:
            SHOTS.mkdir(exist_ok=True)
            dialog.grab().save(str(SHOTS / self.shot))
        (dialog.save_mine if self.mine else dialog.keep_theirs).click()
        return dialog.result() == ConflictDialog.DialogCode.Accepted


def _open(window, review_id, tab):
    window.live_updates.close()  # the other change lands before the window has reloaded
    window.refresh()
    window.select_review(review_id)
    window.workspace.tabs.setCurrentIndex(tab)
    return window.workspace


@pytest.mark.parametrize("mine", [False, True], ids=["keep theirs", "save mine"])
def test_imr_text_typed_while_someone_saves_theirs(qtbot, window, shared, case, mine):
    """The realistic case: the window hears the other change while its user is typing, holds
    the reload until they finish, and their save meets the other change."""
    _me, sam = shared
    window.refresh()
    window.select_review(case["review"])
    window.workspace.tabs.setCurrentIndex(TAB_AGENCIES)
    panel = window.workspace.agencies.panel
    box = panel.sections["analysis"]
    window.activateWindow()
    box.setFocus()
    qtbot.keyClicks(box, "Officers did not link the calls.")
    apply_fields(sam, "imr", case["imr"], {"analysis": "Each call was handled alone."})
    qtbot.wait(2600)  # the change notice arrives; the reload waits for the typing
    assert box.toPlainText() == "Officers did not link the calls."
    chooser = Chooser(qtbot, mine, "conflict-imr-analysis.png" if not mine else "")
    window.editor.choose_mine = chooser
    box.commit()
    [shown] = chooser.shown
    assert shown["boxes"] == {
        "Their analysis": "Each call was handled alone.",
        "Your analysis": "Officers did not link the calls.",
    }
    assert "Sam Author changed IMR Police while you were editing it" in shown["notes"]
    assert "Saved by Sam Author" in shown["notes"]
    assert "You started from: (empty)" in shown["notes"]
    stored = get_imr(sam, case["imr"]).sections["analysis"]
    expected = "Officers did not link the calls." if mine else "Each call was handled alone."
    assert stored == expected
    box.clearFocus()
    qtbot.waitUntil(lambda: box.toPlainText() == expected, timeout=3000)


@pytest.mark.parametrize("mine", [False, True], ids=["keep theirs", "save mine"])
def test_a_finding_title_changed_under_the_window(qtbot, window, shared, case, mine):
    _me, sam = shared
    panel = _open(window, case["review"], TAB_FINDINGS).findings.panel
    window.workspace.findings.select_finding(case["finding"])
    apply_fields(sam, "finding", case["finding"], {"title": "Risk was shared late"})
    chooser = Chooser(qtbot, mine)
    window.editor.choose_mine = chooser
    panel.title.setText("Risk was never shared")
    panel.title.editingFinished.emit()
    assert chooser.shown[0]["boxes"] == {
        "Their title": "Risk was shared late",
        "Your title": "Risk was never shared",
    }
    expected = "Risk was never shared" if mine else "Risk was shared late"
    assert get_finding(sam, case["finding"]).title == expected
    assert panel.title.text() == expected  # the window shows what is stored now
    assert window.editor.undo_stack.count() == (1 if mine else 0)


def test_a_chronology_entry_edited_in_its_pane(qtbot, window, shared, case):
    _me, sam = shared
    tab = _open(window, case["review"], TAB_CHRONOLOGY).chronology
    tab.select_entry(case["entry"])
    pane = tab.entry_editor
    assert pane.entry.id == case["entry"]
    edit_entry(sam, case["entry"], {"event": "Home visit; no answer"})
    chooser = Chooser(qtbot, mine=True, shot="conflict-chronology-entry.png")
    window.editor.choose_mine = chooser
    pane.texts["event"].setPlainText("Home visit; mother seen alone")
    pane.texts["event"].commit()
    assert chooser.shown[0]["boxes"] == {
        "Their event": "Home visit; no answer",
        "Your event": "Home visit; mother seen alone",
    }
    assert "changed chronology entry 01/02/2024 while" in chooser.shown[0]["notes"]
    assert get_entry(sam, case["entry"]).event == "Home visit; mother seen alone"
    # Undo puts back theirs, the value this edit replaced knowingly.
    window.editor.undo_stack.undo()
    assert get_entry(sam, case["entry"]).event == "Home visit; no answer"


def test_a_table_cell_on_the_panel_tab(qtbot, window, shared, case):
    _me, sam = shared
    table = _open(window, case["review"], TAB_PANEL).panel
    apply_fields(sam, "panel_member", case["member"], {"organisation": "Health"})
    chooser = Chooser(qtbot, mine=False)
    window.editor.choose_mine = chooser
    table.table.item(0, 2).setText("Police")
    assert chooser.shown[0]["boxes"] == {
        "Their organisation": "Health",
        "Your organisation": "Police",
    }
    assert get_review(sam, case["review"]).panel[0].organisation == "Health"
    assert table.table.item(0, 2).text() == "Health"


def test_the_people_register_form(qtbot, window, shared, case):
    me, sam = shared
    add_person(me, case["review"], name="Kerry Marsh", descriptor="Mother", role="mother")
    page = _open(window, case["review"], TAB_PEOPLE).people
    page.reload()
    page.edit_row(0)
    person = list_people(sam, case["review"])[0]
    update_person(sam, person.id, descriptor="Parent")
    chooser = Chooser(qtbot, mine=True)
    window.editor.choose_mine = chooser
    page.descriptor.setText("Child T's mother")
    page._add()
    assert chooser.shown[0]["boxes"] == {
        "Their descriptor": "Parent",
        "Your descriptor": "Child T's mother",
    }
    assert list_people(sam, case["review"])[0].descriptor == "Child T's mother"


def test_a_row_removed_meanwhile_is_a_plain_message(qtbot, window, shared, case, messages):
    _me, sam = shared
    panel = _open(window, case["review"], TAB_FINDINGS).findings.panel
    window.workspace.findings.select_finding(case["finding"])
    remove_item(sam, "finding", case["finding"])
    window.editor.choose_mine = lambda _c: pytest.fail("nothing to choose between")
    panel.title.setText("Risk was never shared")
    panel.title.editingFinished.emit()
    assert messages and "no longer exists: someone else may have removed it" in messages[-1]
    assert window.workspace.findings.findings == []  # the window shows it gone
