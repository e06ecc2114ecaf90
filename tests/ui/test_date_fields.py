"""Date fields: typed into when empty, "Not set" as a placeholder, a calendar that opens on today."""

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractSpinBox, QWidget

from app.reviews import create_review, get_review
from ui.main_window import NewReviewDialog
from ui.widgets import DateField, parse_date_text
from ui.workspace import TAB_DETAILS


@pytest.fixture
def field(qtbot):
    holder = QWidget()
    qtbot.addWidget(holder)
    widget = DateField(holder, name="Decision to review")
    other = DateField(holder, name="Somewhere else to go")
    other.move(0, 60)
    holder.show()
    qtbot.waitExposed(holder)
    committed: list = []
    widget.committed.connect(committed.append)
    yield widget, other, committed
    holder.close()


def test_empty_field_shows_not_set_and_takes_typing(qtbot, field):
    widget, other, committed = field
    assert widget.edit.text() == ""
    assert widget.edit.placeholderText() == "Not set"
    widget.edit.setFocus()
    qtbot.keyClicks(widget.edit, "15/03/2026")
    assert widget.edit.text() == "15/03/2026"
    qtbot.keyClick(widget.edit, Qt.Key.Key_Tab)
    assert committed == [date(2026, 3, 15)]
    assert widget.value() == date(2026, 3, 15)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("15/3/26", date(2026, 3, 15)),
        ("2026-03-15", date(2026, 3, 15)),
        ("15 March 2026", date(2026, 3, 15)),
        ("15.03.2026", date(2026, 3, 15)),
    ],
)
def test_dates_read_as_people_type_them(typed, expected):
    assert parse_date_text(typed) == expected


def test_text_that_is_not_a_date_is_kept_marked_and_not_saved(qtbot, field):
    widget, _other, committed = field
    widget.edit.setFocus()
    qtbot.keyClicks(widget.edit, "31/02/2026")
    widget.edit.editingFinished.emit()
    assert committed == []
    assert widget.edit.text() == "31/02/2026"  # nothing typed disappears
    # It says what is wrong with it, wherever the problem is shown or read out.
    why = "not a real date: February 2026 has 28 days"
    assert why in widget.problem()
    assert why in widget.edit.toolTip()
    assert why in widget.edit.accessibleDescription()


def test_calendar_opens_on_today_when_empty_and_on_the_date_when_set(qtbot, field):
    widget, _other, committed = field
    widget.calendar_button.click()
    qtbot.waitUntil(widget.popup.isVisible)
    selected = widget.calendar.selectedDate()
    assert (selected.year(), selected.month(), selected.day()) == date.today().timetuple()[:3]
    widget.popup.hide()
    widget.set_saved(date(2019, 7, 4))
    qtbot.keyClick(widget.edit, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(widget.popup.isVisible)
    assert widget.calendar.selectedDate().year() == 2019
    widget.calendar.clicked.emit(widget.calendar.selectedDate().addDays(1))
    assert not widget.popup.isVisible()
    assert committed == [date(2019, 7, 5)]


def test_keys_move_a_day_and_ctrl_delete_clears(qtbot, field):
    widget, _other, committed = field
    widget.set_saved(date(2026, 1, 31))
    widget.edit.setFocus()
    qtbot.keyClick(widget.edit, Qt.Key.Key_Up)
    assert widget.edit.text() == "01/02/2026"
    qtbot.keyClick(widget.edit, Qt.Key.Key_Tab)
    assert committed == [date(2026, 2, 1)]
    widget.edit.setFocus()
    qtbot.keyClick(widget.edit, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    assert committed[-1] is None
    assert widget.edit.text() == ""


def test_decision_date_typed_on_the_details_tab_sets_the_deadline(window, qtbot, ctx):
    review_id = create_review(ctx, review_type="lcspr", reference="LCSPR-1", title="Child D")
    window.refresh()
    window.select_review(review_id)
    window.workspace.tabs.setCurrentIndex(TAB_DETAILS)
    decision = window.workspace.details.dates["decision_date"]
    assert decision.edit.accessibleName() == "Decision to review"
    decision.edit.setFocus()
    qtbot.keyClicks(decision.edit, "15/03/2026")
    qtbot.keyClick(decision.edit, Qt.Key.Key_Tab)
    review = get_review(ctx, review_id)
    assert review.decision_date == date(2026, 3, 15)
    assert review.target_date is not None and review.target_date > date(2026, 9, 1)


def test_new_review_dialog_stays_open_on_a_date_that_is_not_one(qtbot):
    dialog = NewReviewDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.decision.edit, "next week")
    dialog.accept()
    assert dialog.isVisible() and dialog.result() == 0
    assert dialog.focusWidget() is dialog.decision.edit or not dialog.isActiveWindow()
    dialog.decision.edit.setText((date(2026, 5, 1) + timedelta(days=1)).strftime("%d/%m/%Y"))
    dialog.accept()
    assert dialog.values()["decision_date"] == date(2026, 5, 2)


def test_no_spin_box_date_editors_are_left_in_the_window(window):
    assert window.workspace is not None  # the review's tabs are built when first needed
    spin_dates = [w for w in window.findChildren(QAbstractSpinBox) if "Date" in type(w).__name__]
    assert spin_dates == []
    assert window.findChildren(DateField)
