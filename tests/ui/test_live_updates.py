"""A window on the shared store shows other people's changes within about two seconds."""

import pytest

from app.chronology.entries import add_entry
from app.context import AppContext
from app.imrs import add_agency
from app.reviews import create_review, list_reviews
from db.store import open_store
from ui.editing import Editor
from ui.live_updates import LiveUpdates, kind_for
from ui.main_window import MainWindow


@pytest.mark.parametrize(
    "tables, kind",
    [
        ({"audit_event"}, None),
        ({"chronology_entry", "chronology_search", "audit_event"}, "chronology_entry"),
        ({"review", "audit_event"}, ""),
        ({"imr", "chronology_entry"}, ""),
    ],
)
def test_what_changed_decides_what_reloads(tables, kind):
    assert kind_for(tables) == kind


def test_a_store_file_needs_no_listening(editor):
    assert not LiveUpdates(editor).active


@pytest.fixture
def shared(pg_url):
    mine, theirs = open_store(pg_url), open_store(pg_url)
    yield AppContext(mine, "Chair"), AppContext(theirs, "Sam Author")
    mine.close()
    theirs.close()


def test_another_persons_change_reaches_the_open_window(qtbot, shared, settings, messages):
    mine, theirs = shared
    window = MainWindow(Editor(mine), settings)
    qtbot.addWidget(window)
    window.show()
    assert window.live_updates.active
    with qtbot.waitSignal(window.editor.changed, timeout=3000) as heard:
        create_review(theirs, review_type="sar", reference="LIVE-1", title="Adult L")
    assert heard.args == [""]
    qtbot.waitUntil(lambda: window.list_model.rowCount() == 1, timeout=3000)
    review = list_reviews(mine)[0].id
    with qtbot.waitSignal(window.editor.changed, timeout=3000):
        agency = add_agency(theirs, review, "Police", "police")
    with qtbot.waitSignal(window.editor.changed, timeout=3000) as heard:
        add_entry(theirs, review, _agency_id(theirs, agency), {"date": "01/02/2024"})
    assert heard.args == ["chronology_entry"]
    window.close()


def test_the_windows_own_changes_are_not_heard_twice(qtbot, shared):
    mine, _theirs = shared
    editor = Editor(mine)
    live = LiveUpdates(editor)
    create_review(mine, review_type="sar", reference="OWN-1", title="Adult O")
    heard = []
    editor.changed.connect(heard.append)
    qtbot.wait(500)
    live.check()
    qtbot.wait(400)
    assert heard == []
    live.close()


def _agency_id(ctx, imr_id: int) -> int:
    from db.models import Imr

    with ctx.session() as session:
        return session.get(Imr, imr_id).agency_id
