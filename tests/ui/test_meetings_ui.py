"""Meetings: the tab, and a whole meeting run from the keyboard, presenting included."""

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

from app.edits import apply_fields
from app.findings import add_finding, get_finding
from app.imrs import add_agency, set_imr_status
from app.items import add_item
from app.meetings import (
    add_agenda_item,
    add_task,
    create_meeting,
    list_meetings,
    list_tasks,
    meeting_detail,
)
from app.reviews import create_review, get_review
from ui.meetings_tab import NewMeetingDialog
from ui.theme import danger_colour
from ui.workspace import TAB_AUDIT, TAB_MEETINGS, TAB_NAMES

MEETING_DAY = date(2026, 6, 15)


@pytest.fixture
def review(ctx):
    review_id = create_review(ctx, review_type="lcspr", reference="LCSPR-2026-31", title="Child M")
    for name, org in (("Ann Chair", "Partnership"), ("Ben Police", "Police")):
        add_item(ctx, "panel_member", review_id, {"name": name, "organisation": org})
    imr_id = add_agency(ctx, review_id, "Police", "police")
    set_imr_status(ctx, imr_id, "requested")
    set_imr_status(ctx, imr_id, "received")
    finding_id = add_finding(ctx, review_id, "Risk was not shared at the point of discharge")
    apply_fields(
        ctx,
        "finding",
        finding_id,
        {"status": "for_discussion", "narrative": "Health did not tell children's social care."},
    )
    return review_id, imr_id, finding_id


@pytest.fixture
def meeting(ctx, review):
    review_id, imr_id, finding_id = review
    meeting_id = create_meeting(ctx, review_id, MEETING_DAY, place="Room 2")
    finding_item = add_agenda_item(
        ctx, meeting_id, "Finding 1: discharge", minutes=1, ref_kind="finding", ref_id=finding_id
    )
    imr_item = add_agenda_item(
        ctx, meeting_id, "IMR of Police", minutes=10, ref_kind="imr", ref_id=imr_id
    )
    apply_fields(ctx, "agenda_item", imr_item, {"private_notes": "SECRET-NOTE"})
    return meeting_id, finding_item, imr_item


def _open(window, review_id):
    window.refresh()
    window.select_review(review_id)
    window.workspace.tabs.setCurrentIndex(TAB_MEETINGS)
    return window.workspace.meetings


def test_meetings_tab_sits_between_documents_and_audit():
    assert TAB_NAMES[TAB_MEETINGS] == "Meetings"
    assert TAB_NAMES[TAB_MEETINGS - 1] == "Documents"
    assert TAB_NAMES[TAB_AUDIT] == "Audit trail"


def test_tab_lists_meetings_and_creates_one(window, ctx, review, meeting, monkeypatch):
    review_id = review[0]
    tab = _open(window, review_id)
    assert window.workspace.tabs.tabText(TAB_MEETINGS) == "Meetings"
    assert tab.meetings.rowCount() == 1
    assert tab.meetings.item(0, 2).text() == "Panel meeting"
    assert tab.agenda.table.rowCount() == 2

    def fake_exec(dialog):
        dialog.held_on.set_value(dialog.held_on.value() + timedelta(days=14))
        dialog.kind.setCurrentIndex(dialog.kind.findData("learning_event"))
        dialog.place.setText("Civic Centre")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(NewMeetingDialog, "exec", fake_exec)
    tab.new_button.click()
    meetings = list_meetings(ctx, review_id)
    assert [(m.held_on, m.kind, m.place) for m in meetings][1] == (
        date(2026, 6, 29),
        "learning_event",
        "Civic Centre",
    )
    assert tab.meetings.rowCount() == 2
    assert tab.detail.meeting.id == meetings[1].id
    # The panel is listed as expected to attend.
    assert tab.attendees.rowCount() == 2


def test_attendance_change_is_saved(window, ctx, review, meeting):
    tab = _open(window, review[0])
    attendee = tab.detail.attendees[0]
    assert tab.attendees.cellWidget(0, 2) is None  # plain text, edited with a drop-down
    tab.attendees.item(0, 2).setText("Apologies")
    saved = meeting_detail(ctx, meeting[0]).attendees[0]
    assert (saved.id, saved.attendance) == (attendee.id, "apologies")


def test_a_guest_not_on_the_panel_is_added_and_named(window, ctx, review, meeting):
    tab = _open(window, review[0])
    tab.pages.setCurrentWidget(tab.attendance)
    assert tab.attendance.add_button.text() == "Add guest"
    tab.attendance.add_button.click()
    row = tab.attendees.currentRow()
    tab.attendees.item(row, 0).setText("Grandmother of Child L")
    names = [a.name for a in meeting_detail(ctx, meeting[0]).attendees]
    assert names[-1] == "Grandmother of Child L"
    assert len(names) == 3  # the two panel members and the guest


def test_running_a_meeting_makes_it_held(window, ctx, review, meeting):
    tab = _open(window, review[0])
    assert tab.status.currentData() == "planned"
    runner = tab.run_meeting()
    assert list_meetings(ctx, review[0])[0].status == "held"
    runner.close()
    assert tab.meetings.item(0, 3).text() == "Held"


def test_tasks_are_created_and_edited_in_the_tab(window, ctx, review, meeting):
    review_id = review[0]
    tab = _open(window, review_id)
    tab.pages.setCurrentWidget(tab.panel_tasks)
    tab.panel_tasks.add_button.click()
    [task] = list_tasks(ctx, review_id)
    assert task.text == "New task"
    row = tab.tasks.currentRow()
    tab.tasks.item(row, 0).setText("Ask the GP practice for the records")
    tab.tasks.item(row, 1).setText("Chair")
    tab.tasks.item(row, 2).setText("30/06/2026")
    [task] = list_tasks(ctx, review_id)
    assert (task.text, task.owner, task.due) == (
        "Ask the GP practice for the records",
        "Chair",
        date(2026, 6, 30),
    )


def test_tasks_list_shows_overdue_in_words_and_marks_done(window, ctx, review, meeting):
    review_id = review[0]
    late = add_task(ctx, review_id, "Send the GP records", owner="Ann", due=date(2026, 6, 10))
    add_task(ctx, review_id, "Book the room", due=date(2026, 7, 1))
    tab = _open(window, review_id)
    assert tab.tasks.rowCount() == 2
    status = tab.tasks.item(0, 3)
    assert status.text() == "Overdue by 5 days"
    assert status.foreground().color() == danger_colour()
    assert tab.tasks.item(1, 3).text() == "Open"
    tab.tasks.selectRow(0)
    assert tab.done_button.isEnabled()
    tab.done_button.click()
    done = next(t for t in list_tasks(ctx, review_id) if t.id == late)
    assert (done.status, done.done_on) == ("done", date(2026, 6, 15))


def test_add_open_tasks_and_item_about_a_finding(window, ctx, review, meeting):
    review_id, _imr, finding_id = review
    add_task(ctx, review_id, "Chase the school", owner="Ben")
    tab = _open(window, review_id)
    tab.tasks_to_agenda.click()
    items = meeting_detail(ctx, meeting[0]).items
    assert items[-1].title == "Action: Chase the school (Ben)"
    tab._fill_about_menu()
    findings_menu = next(a.menu() for a in tab.about_menu.actions() if a.text() == "A finding")
    findings_menu.actions()[0].trigger()
    last = meeting_detail(ctx, meeting[0]).items[-1]
    assert (last.ref_kind, last.ref_id) == ("finding", finding_id)


def _key(qtbot, widget, key, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(widget, key, modifier)


def test_run_a_meeting_by_keyboard(window, qtbot, ctx, review, meeting, messages):
    review_id, imr_id, finding_id = review
    meeting_id, finding_item, imr_item = meeting
    tab = _open(window, review_id)
    with qtbot.waitActive(runner := tab.run_meeting()):
        pass
    assert runner.isActiveWindow()
    ctrl = Qt.KeyboardModifier.ControlModifier

    assert runner.title_label.text() == "Finding 1: discharge"
    assert "Health did not tell" in runner.reference.toPlainText()

    # Notes, then a decision, then an action: all from the keyboard.
    _key(qtbot, runner, Qt.Key.Key_N, ctrl)
    assert runner.notes.hasFocus()
    qtbot.keyClicks(runner.notes, "Discharge plan discussed.")
    _key(qtbot, runner.notes, Qt.Key.Key_D, ctrl)
    assert runner.decision_edit.hasFocus()
    qtbot.keyClicks(runner.decision_edit, "Ask Health for the discharge policy")
    _key(qtbot, runner.decision_edit, Qt.Key.Key_Return)
    assert not runner.decision_row.isVisible()
    _key(qtbot, runner, Qt.Key.Key_T, ctrl)
    assert runner.action_text.hasFocus()
    qtbot.keyClicks(runner.action_text, "Send the discharge policy")
    _key(qtbot, runner.action_text, Qt.Key.Key_Tab)
    qtbot.keyClicks(runner.action_owner, "Dr Shah")
    _key(qtbot, runner.action_owner, Qt.Key.Key_Tab)
    qtbot.keyClicks(runner.action_due.edit, "30/06/2026")
    _key(qtbot, runner.action_due.edit, Qt.Key.Key_Return)
    _key(qtbot, runner, Qt.Key.Key_G, ctrl)
    captured = [runner.captured.item(i).text() for i in range(runner.captured.count())]
    assert "Decided: Ask Health for the discharge policy" in captured
    assert "Action: Send the discharge policy (Dr Shah, due 30/06/2026)" in captured
    assert any("Finding agreed by the panel" in text for text in captured)
    qtbot.wait(1100)  # a second on the item, so the clock has something to save

    # On to the IMR: accept it, then present.
    _key(qtbot, runner, Qt.Key.Key_PageDown)
    assert runner.title_label.text() == "IMR of Police"
    assert runner.private_notes.toPlainText() == "SECRET-NOTE"
    _key(qtbot, runner, Qt.Key.Key_A, ctrl)
    _key(qtbot, runner, Qt.Key.Key_F5)
    presenter = runner.presenter
    assert presenter.isVisible()
    assert presenter.windowState() & Qt.WindowState.WindowFullScreen
    qtbot.waitUntil(presenter.isActiveWindow)
    shown = presenter.shown_text()
    assert "IMR of Police" in shown
    assert "Accepted" in shown
    assert "SECRET-NOTE" not in shown
    # Previous and Next work while presenting, and never bring private notes with them.
    _key(qtbot, presenter, Qt.Key.Key_PageUp)
    assert "Finding 1: discharge" in presenter.shown_text()
    assert runner.title_label.text() == "Finding 1: discharge"
    _key(qtbot, presenter, Qt.Key.Key_PageDown)
    assert "SECRET-NOTE" not in presenter.shown_text()
    _key(qtbot, presenter, Qt.Key.Key_Escape)
    assert not presenter.isVisible()
    runner.close()

    detail = meeting_detail(ctx, meeting_id)
    first, second = detail.items
    assert first.notes == "Discharge plan discussed."
    assert [d.kind for d in first.decisions] == ["decision", "finding_agreed"]
    assert first.seconds_used >= 1
    assert [(t.text, t.owner, t.due) for t in first.tasks] == [
        ("Send the discharge policy", "Dr Shah", date(2026, 6, 30))
    ]
    assert first.tasks[0].meeting_id == meeting_id
    assert [d.kind for d in second.decisions] == ["imr_accepted"]
    assert second.private_notes == "SECRET-NOTE"
    assert get_finding(ctx, finding_id).status == "agreed"
    imr = next(i for i in get_review(ctx, review_id).imrs if i.imr_id == imr_id)
    assert imr.status == "accepted"
    assert messages == []


def test_timer_turns_danger_when_over_time(window, qtbot, review, meeting):
    tab = _open(window, review[0])
    runner = tab.run_meeting()
    runner._base_seconds = 61  # the first item has 1 minute planned
    runner.update_clock()
    assert runner.timer_label.text() == "01:01"
    assert runner.timer_label.property("over_time") is True
    colour = runner.timer_label.palette().color(runner.timer_label.foregroundRole())
    assert colour == danger_colour()
    runner.close()


def test_tasks_and_meetings_sort_by_their_real_values(window, ctx, review, meeting):
    review_id = review[0]
    add_task(ctx, review_id, "Book the room", due=date(2026, 7, 1))
    add_task(ctx, review_id, "Send the GP records", due=date(2026, 6, 10))
    add_task(ctx, review_id, "Ask for the school file", due=date(2026, 12, 2))
    tab = _open(window, review_id)
    dues = [tab.tasks.item(r, 2).text() for r in range(tab.tasks.rowCount())]
    assert dues == ["10/06/2026", "01/07/2026", "02/12/2026"]  # by date, not as text
    tab.tasks.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    texts = [tab.tasks.item(r, 0).text() for r in range(tab.tasks.rowCount())]
    assert texts == sorted(texts)
    assert tab.meetings.isSortingEnabled()


def test_the_runner_large_type_reaches_every_widget_in_it(window, ctx, review, meeting):
    """Nothing (such as a style sheet on the whole application) stops the runner's font
    reaching its labels, agenda and notes."""
    from ui.meeting_runner import BASE_PT

    tab = _open(window, review[0])
    runner = tab.run_meeting()
    try:
        for widget in (runner.position_label, runner.agenda, runner.notes, runner.private_notes):
            assert widget.font().pointSize() == BASE_PT, widget.objectName()
        assert not QApplication.instance().styleSheet()
    finally:
        runner.close()
