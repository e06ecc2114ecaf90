"""The chronology in the window: the import dialog's mapping, filters, the lazy table, editing."""

import threading
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from app.chronology.entries import EntryFilter, fetch_entries, get_entry, query_entry_ids
from app.chronology.importer import import_chronology
from app.imrs import add_agency
from app.items import add_item
from app.reviews import create_review
from tests.ui.screens import read_through
from ui import import_dialog
from ui.chronology_model import DATE_COL, EVENT_COL, EntryIdRole
from ui.import_dialog import ImportDialog, guess_agency, import_summary
from ui.workspace import TAB_CHRONOLOGY

SAMPLES = Path(__file__).parents[1] / "data" / "chronologies"


@pytest.fixture
def review_id(ctx):
    review_id = create_review(ctx, review_type="lcspr", reference="LCSPR-2026-11", title="Child T")
    add_agency(ctx, review_id, "Police", "police")
    return review_id


@pytest.fixture
def chronology(window, review_id):
    window.refresh()
    window.select_review(review_id)
    window.workspace.tabs.setCurrentIndex(TAB_CHRONOLOGY)
    return window.workspace.chronology


@pytest.fixture
def imported(ctx, review_id):
    import_chronology(ctx, review_id, "Police", SAMPLES / "police_chronology.xlsx")
    import_chronology(ctx, review_id, "Health", SAMPLES / "health_chronology.xlsx")
    return review_id


def test_import_dialog_guesses_then_follows_a_changed_mapping(qtbot, editor, review_id, tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["Police chronology"])
    ws.append(["Occurred", "Officer", "Summary", "Notes"])
    ws.append(["02/01/2015", "PC 1", "Call from neighbour.", "Attended."])
    ws.append(["03/01/2015", "PC 2", "Follow-up visit.", "No answer."])
    path = tmp_path / "police_return.xlsx"
    wb.save(path)
    assert guess_agency(path, ["Health", "Police"]) == "Police"

    dialog = ImportDialog(editor, review_id, ["Police"], path)
    qtbot.addWidget(dialog)
    read_through(qtbot, dialog)
    assert dialog.agency.currentText() == "Police"
    # "Occurred" is not a heading ReviewDesk knows, but its cells are dates.
    assert dialog.mapping_combos["date"].currentText() == "Occurred"
    assert "dates" in dialog.mapping_combos["date"].toolTip()
    assert dialog.import_button.isEnabled()

    event_combo = dialog.mapping_combos["event"]
    if event_combo.currentText() != "Summary":
        event_combo.setCurrentIndex(event_combo.findText("Summary"))
        event_combo.activated.emit(event_combo.currentIndex())
        read_through(qtbot, dialog)
    assert dialog.import_button.isEnabled()
    assert "2" in dialog.summary.text() and "entries" in dialog.summary.text()

    dialog.import_button.click()
    assert dialog.result is not None and dialog.result.imported == 2
    ids = query_entry_ids(editor.ctx, review_id)
    assert [get_entry(editor.ctx, i).event for i in ids] == [
        "Call from neighbour.",
        "Follow-up visit.",
    ]


def test_refused_file_is_explained_in_the_dialog(qtbot, editor, review_id, tmp_path):
    path = tmp_path / "minutes.xlsx"
    path.write_bytes(b"%PDF-1.7 this is a pdf")
    dialog = ImportDialog(editor, review_id, ["Police"], path)
    qtbot.addWidget(dialog)
    read_through(qtbot, dialog)
    assert "minutes.xlsx" in dialog.problems.text()
    assert not dialog.import_button.isEnabled()


def test_text_filter_narrows_the_table_after_a_pause(qtbot, chronology, ctx, imported):
    chronology.window().refresh("chronology_entry")
    everything = len(chronology.model.ids)
    assert everything == len(query_entry_ids(ctx, imported))
    qtbot.keyClicks(chronology.filters.text, "CAMHS")
    expected = query_entry_ids(ctx, imported, EntryFilter(text="CAMHS"))
    qtbot.waitUntil(lambda: chronology.model.ids == expected, timeout=2000)
    assert 0 < len(expected) < everything
    assert f"{len(expected)} of {everything}" in chronology.count.text()

    chronology.filters.clear()
    assert len(chronology.model.ids) == everything


def test_agency_and_flag_filters(chronology, ctx, imported):
    chronology.window().refresh("chronology_entry")
    combo = chronology.filters.agency
    combo.setCurrentIndex(combo.findText("Health"))
    combo.activated.emit(combo.currentIndex())
    agencies = {chronology.model.entry_at(r).agency for r in range(len(chronology.model.ids))}
    assert agencies == {"Health"}
    chronology.filters.flagged.setChecked(True)
    assert all(chronology.model.entry_at(r).flagged for r in range(len(chronology.model.ids)))


def test_chronology_model_passes_the_model_tester(qtmodeltester, chronology, imported):
    chronology.window().refresh("chronology_entry")
    qtmodeltester.check(chronology.model)


def test_sorting_by_agency_happens_in_the_query(chronology, imported):
    chronology.window().refresh("chronology_entry")
    chronology.view.sortByColumn(2, Qt.SortOrder.AscendingOrder)
    names = [chronology.model.entry_at(r).agency for r in range(len(chronology.model.ids))]
    assert names == sorted(names)
    chronology.view.sortByColumn(DATE_COL, Qt.SortOrder.AscendingOrder)


def test_editing_an_entry_saves_it_and_undo_restores_it(qtbot, chronology, window, ctx, imported):
    chronology.window().refresh("chronology_entry")
    chronology.view.selectRow(3)
    entry_id = chronology.current_entry_id()
    before = get_entry(ctx, entry_id)
    date_edit = chronology.entry_editor.lines["date"]
    date_edit.setFocus()
    date_edit.selectAll()
    qtbot.keyClicks(date_edit, "c. March 2019")
    qtbot.keyClick(date_edit, Qt.Key.Key_Return)

    after = get_entry(ctx, entry_id)
    assert after.precision == "approximate" and after.date_text == "c. March 2019"
    assert chronology.current_entry_id() == entry_id  # still selected after the reload
    window.editor.undo_stack.undo()
    assert get_entry(ctx, entry_id) == before


def test_an_impossible_date_is_refused_and_the_entry_kept(
    qtbot, chronology, ctx, imported, messages
):
    chronology.window().refresh("chronology_entry")
    chronology.view.selectRow(0)
    entry_id = chronology.current_entry_id()
    before = get_entry(ctx, entry_id)
    date_edit = chronology.entry_editor.lines["date"]
    date_edit.setFocus()
    date_edit.selectAll()
    qtbot.keyClicks(date_edit, "30/02/2016")
    qtbot.keyClick(date_edit, Qt.Key.Key_Return)
    assert any("February" in m for m in messages)
    assert get_entry(ctx, entry_id) == before
    assert date_edit.text() == before.date_text


def test_delete_then_undo_brings_the_entry_back(chronology, window, ctx, imported):
    chronology.window().refresh("chronology_entry")
    chronology.view.selectRow(2)
    entry_id = chronology.current_entry_id()
    count = len(chronology.model.ids)
    chronology.delete_selected()
    assert len(chronology.model.ids) == count - 1 and chronology.model.row_of(entry_id) < 0
    window.editor.undo_stack.undo()
    assert len(chronology.model.ids) == count and chronology.model.row_of(entry_id) >= 0


def test_flagged_rows_are_marked_in_text_not_only_colour(chronology, ctx, review_id, tmp_path):
    wb = Workbook()
    wb.active.append(["Date", "Details"])
    wb.active.append(["31/02/2016", "Impossible date"])
    path = tmp_path / "bad.xlsx"
    wb.save(path)
    import_chronology(ctx, review_id, "Police", path)
    chronology.window().refresh("chronology_entry")
    index = chronology.model.index(0, DATE_COL)
    assert index.data().startswith("⚑")
    assert "February" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert chronology.model.index(0, EVENT_COL).data() == "Impossible date"


def test_timeline_click_and_analysis_link_select_entries(chronology, ctx, imported):
    chronology.window().refresh("chronology_entry")
    target = query_entry_ids(ctx, imported)[7]
    chronology.timeline_page.entries_clicked.emit([target])
    assert chronology.pages.currentWidget() is chronology.entries_page
    assert chronology.current_entry_id() == target

    other = query_entry_ids(ctx, imported)[20]
    chronology.analysis_page.show_entry.emit(other)
    assert chronology.current_entry_id() == other


def test_key_episode_filter_from_the_episodes_page(chronology, ctx, imported):
    from app.chronology.episodes import link_entries

    ids = query_entry_ids(ctx, imported)[:4]
    episode = add_item(ctx, "key_episode", imported, {"title": "First months"})
    link_entries(ctx, episode, ids)
    chronology.window().refresh("chronology_entry")
    chronology.episodes_page.show_entries.emit(episode)
    assert chronology.model.ids == ids
    assert chronology.view.model().index(0, 0).data(EntryIdRole) == ids[0]


def test_timeline_page_lays_out_every_agency(chronology, ctx, imported, qtbot):
    chronology.pages.setCurrentWidget(chronology.timeline_page)
    layout = chronology.timeline_page.canvas.full
    assert layout is not None
    assert {lane.agency for lane in layout.lanes} == {"Police", "Health"}
    image = chronology.timeline_page.canvas.grab().toImage()
    assert not image.isNull() and image.width() > 200


def test_import_dialog_shows_the_plan_of_a_hard_file_and_takes_changes(
    qtbot, editor, review_id, tmp_path
):
    from app.agency_exports import AgencyEvent, write_export

    made = [
        AgencyEvent(date(2016, 3, d), "10:00", "PC 4471 Hughes", "Officer", "Domestic",
                    f"Call {d} summary", f"Neighbour reported shouting at the flat, call {d}.")
        for d in range(1, 26)
    ]  # fmt: skip
    path = write_export(tmp_path, "police_log", "police_occurrences", made, "Child A")
    dialog = ImportDialog(editor, review_id, ["Police"], path)
    qtbot.addWidget(dialog)
    read_through(qtbot, dialog)
    plan = dialog.plan
    assert dialog.mapping_combos["event"].currentText() == "Details"
    assert dialog.mapping_combos["date"].currentText() == "Date/Time Reported"
    checked = [
        dialog.parts.item(i).text()
        for i in range(dialog.parts.count())
        if dialog.parts.item(i).checkState() == Qt.CheckState.Checked
    ]
    assert checked == ["Summary"]
    report = dialog.report.toPlainText()
    assert "left out: the column headings repeated" in report
    assert "Occurrence No → kept with each entry as imported (not the event" in report
    assert "row 2" in dialog.header_row.specialValueText()
    assert len(plan.entries) == 25 and dialog.import_button.isEnabled()

    # Leave the summary out of the event; read the dates month first (the 13th onwards fail).
    item = dialog.parts.findItems("Summary", Qt.MatchFlag.MatchExactly)[0]
    item.setCheckState(Qt.CheckState.Unchecked)
    read_through(qtbot, dialog)
    assert dialog.plan.entries[0]["event"] == "Neighbour reported shouting at the flat, call 1."
    dialog.date_order.setCurrentIndex(2)
    dialog.date_order.activated.emit(2)
    read_through(qtbot, dialog)
    assert len(dialog.plan.flagged) == 13 and "as chosen" in dialog.date_reason.text()
    dialog.date_order.setCurrentIndex(0)
    dialog.date_order.activated.emit(0)
    read_through(qtbot, dialog)
    dialog.import_button.click()
    assert dialog.result is not None and dialog.result.imported == 25


def _answer_replacement(monkeypatch, label: str) -> list[str]:
    asked: list[str] = []

    def click(box):
        asked.append(box.text())
        [button] = [b for b in box.buttons() if b.text() == label]
        button.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", click)
    return asked


def test_import_window_asks_before_replacing_and_says_what_goes(
    qtbot, editor, review_id, tmp_path, monkeypatch
):
    path = tmp_path / "police.csv"
    path.write_text("Date,Officer,Details\n01/03/2016,PC 1,First visit.\n02/03/2016,PC 1,Second.\n")
    first = ImportDialog(editor, review_id, ["Police"], path)
    qtbot.addWidget(first)
    read_through(qtbot, first)
    asked = _answer_replacement(monkeypatch, "Replace")
    first.import_button.click()
    assert first.result.imported == 2 and asked == []  # nothing to replace: nothing asked

    path.write_text("Date,Officer,Details\n01/03/2016,PC 1,First visit.\n05/03/2016,PC 2,Third.\n")
    again = ImportDialog(editor, review_id, ["Police"], path)
    qtbot.addWidget(again)
    read_through(qtbot, again)
    assert again.import_button.text() == "Import and replace…"
    asked = _answer_replacement(monkeypatch, "Keep the earlier import")
    again.import_button.click()
    assert again.result is None and len(asked) == 1
    assert "1 entry unchanged, 1 new, <b>1</b> no longer in the file" in asked[0]
    assert "02/03/2016: Second." in asked[0]
    events = [get_entry(editor.ctx, i).event for i in query_entry_ids(editor.ctx, review_id)]
    assert sorted(events)[-2:] == ["First visit.", "Second."]

    asked = _answer_replacement(monkeypatch, "Replace")
    again.import_button.click()
    assert again.result is not None and again.result.replaced == 2 and len(asked) == 1
    events = [get_entry(editor.ctx, i).event for i in query_entry_ids(editor.ctx, review_id)]
    assert "Second." not in events and "Third." in events


def test_import_window_takes_any_set_of_ticked_sheets(qtbot, editor, review_id, tmp_path):
    wb = Workbook()
    cover = wb.active
    cover.title = "Cover"
    cover.append(["Chronology for the review panel"])
    contacts = wb.create_sheet("Contacts")
    contacts.append(["Date", "Worker", "Contact"])
    contacts.append(["01/03/2016", "SW 1", "Home visit: mother and child seen."])
    incidents = wb.create_sheet("Incidents")
    incidents.append(["Incident date", "Ref", "Summary", "Details"])
    incidents.append(["02/03/2016", "X-1", "Call", "Neighbour reported shouting at the flat."])
    incidents.append(["03/03/2016", "X-2", "Visit", "Officers attended; no answer at the door."])
    path = tmp_path / "council.xlsx"
    wb.save(path)

    dialog = ImportDialog(editor, review_id, ["Police"], path)
    qtbot.addWidget(dialog)
    read_through(qtbot, dialog)
    labels = [dialog.sheets.item(i).text() for i in range(dialog.sheets.count())]
    assert labels == ["Cover (no chronology found)", "Contacts", "Incidents"]
    first_choice = dialog.sheets.ticked()
    assert len(first_choice) == 1 and [p.table.sheet for p in dialog.plans] == first_choice

    dialog.sheets.tick("Contacts")
    read_through(qtbot, dialog)
    dialog.sheets.tick("Incidents")
    read_through(qtbot, dialog)
    assert dialog.sheets.ticked() == ["Contacts", "Incidents"]
    assert [p.table.sheet for p in dialog.plans] == ["Contacts", "Incidents"]
    assert "3</b> entries from 3 rows on 2 sheets" in dialog.summary.text()

    # Each ticked sheet can be looked at: its own columns and first rows.
    assert dialog.shown_row.isVisibleTo(dialog)
    assert dialog.shown_sheet.currentText() == first_choice[0]  # still the one looked at
    dialog.shown_sheet.setCurrentIndex(0)
    dialog.shown_sheet.activated.emit(0)
    assert dialog.preview.rowCount() == 1
    assert dialog.preview.horizontalHeaderItem(2).text().startswith("Contact\n")
    assert dialog.mapping_combos["date"].currentText() == "Date"
    dialog.shown_sheet.setCurrentIndex(1)
    dialog.shown_sheet.activated.emit(1)
    assert dialog.preview.rowCount() == 2
    assert dialog.preview.item(1, 3).text() == "Officers attended; no answer at the door."
    assert dialog.mapping_combos["date"].currentText() == "Incident date"
    dialog.date_order.setCurrentIndex(1)  # replanning keeps the sheet being looked at
    dialog.date_order.activated.emit(1)
    read_through(qtbot, dialog)
    assert dialog.shown_sheet.currentText() == "Incidents"
    assert dialog.mapping_combos["event"].currentText() in ("Details", "Summary")

    dialog.sheets.tick("Incidents", False)
    read_through(qtbot, dialog)
    dialog.sheets.tick("Contacts", False)
    read_through(qtbot, dialog)
    assert not dialog.import_button.isEnabled() and "Tick the sheets" in dialog.problems.text()
    dialog.sheets.tick("Incidents")
    read_through(qtbot, dialog)
    assert [p.table.sheet for p in dialog.plans] == ["Incidents"]
    dialog.agency.setEditText("Police")
    dialog.agency.lineEdit().editingFinished.emit()
    read_through(qtbot, dialog)
    dialog.import_button.click()
    assert dialog.result is not None and dialog.result.imported == 2


def test_every_agency_s_exact_days_read_alike_and_the_written_form_is_kept(
    chronology, ctx, review_id, tmp_path
):
    # A provider writes US dates with a 12-hour time, a police system "04-Jan-2016": a UK
    # reader of the merged view must not read 1/4/2016 as the 1st of April.
    path = tmp_path / "provider.csv"
    path.write_text(
        "Service Date,Note Text\n"
        "1/4/2016 10:30 AM,Session held with the young person at the centre\n"
        "1/13/2016 2:15 PM,Young person did not attend the planned session\n"
    )
    import_chronology(ctx, review_id, "Provider", path)
    chronology.window().refresh("chronology_entry")
    model = chronology.model
    shown = {
        model.index(row, DATE_COL).data(): model.index(row, DATE_COL).data(Qt.ToolTipRole)
        for row in range(model.rowCount())
    }
    assert set(shown) == {"04/01/2016", "13/01/2016"}
    assert "1/4/2016 10:30 AM" in shown["04/01/2016"]


def test_import_dialog_sends_each_row_of_a_merged_chronology_to_its_agency(
    qtbot, editor, review_id, tmp_path
):
    wb = Workbook()
    ws = wb.active
    ws.append(["Date", "Agency", "Practitioner", "Event"])
    ws.append([date(2016, 3, 14), "Police", "PC 1234", "Attended after a neighbour's call."])
    ws.append([date(2016, 3, 15), "Children's Social Care", "Duty SW", "Referral received."])
    ws.append([date(2016, 4, 2), "Health visiting", "HV", "New birth visit; mother low."])
    ws.append([date(2016, 4, 20), "Police", "PC 2231", "Second call; mother had a cut lip."])
    path = tmp_path / "combined.xlsx"
    wb.save(path)
    dialog = ImportDialog(editor, review_id, ["Police"], path)
    qtbot.addWidget(dialog)
    read_through(qtbot, dialog)
    dialog.agency.setEditText("Rapid review")
    dialog._agency_changed()
    read_through(qtbot, dialog)
    assert not dialog.by_agency.isHidden() and dialog.by_agency.isChecked()
    assert "'Agency' column" in dialog.by_agency.text()
    assert "3 agencies" in dialog.summary.text() and "2 of them new" in dialog.summary.text()
    shown = [dialog.shown_sheet.itemText(i) for i in range(dialog.shown_sheet.count())]
    assert [s.split(": ")[-1] for s in shown] == [
        "Police",
        "Children's Social Care",
        "Health visiting",
    ]

    dialog.by_agency.setChecked(False)  # every row for the agency chosen above
    read_through(qtbot, dialog)
    assert [p.agency_name for p in dialog.plans] == ["Rapid review"]
    assert not dialog.by_agency.isHidden()
    dialog.by_agency.setChecked(True)
    read_through(qtbot, dialog)
    dialog.import_button.click()
    assert dialog.result is not None and dialog.result.imported == 4
    agencies = len({r.agency_id for r in dialog.results})
    assert import_summary(dialog.result, path.name, agencies) == (
        "Imported 4 entries from combined.xlsx for 3 agencies."
    )

    # The same file again: one sentence says what it replaces, counted over its agencies.
    again = ImportDialog(editor, review_id, ["Police"], path)
    qtbot.addWidget(again)
    read_through(qtbot, again)
    again.agency.setEditText("Rapid review")
    again._agency_changed()
    read_through(qtbot, again)
    summary = again.summary.text()
    assert summary.count("This replaces the earlier import") == 1
    assert "for 3 agencies: 4 entries unchanged, 0 new" in summary
    joinable = [again.parts.item(i).text() for i in range(again.parts.count())]
    assert "Agency" not in joinable  # the column naming each row's agency is not narrative
    rows = fetch_entries(editor.ctx, query_entry_ids(editor.ctx, review_id))
    assert [(r.agency, r.practitioner) for r in rows] == [
        ("Police", "PC 1234"),
        ("Children's Social Care", "Duty SW"),
        ("Health visiting", "HV"),
        ("Police", "PC 2231"),
    ]


def test_import_dialog_sends_each_sheet_named_after_an_agency_to_it(
    qtbot, editor, review_id, tmp_path
):
    names = ["Police", "Health Visiting", "School"]  # the review has the police already
    for name in names[1:]:
        add_agency(editor.ctx, review_id, name)
    wb = Workbook()
    wb.remove(wb.active)
    for n, name in enumerate(names):
        ws = wb.create_sheet(name)
        ws.append(["Date", "Practitioner", "Event"])
        ws.append([date(2016, 3, 14 + n), "Worker", f"{name}'s first contact with the family."])
    path = tmp_path / "returns.xlsx"
    wb.save(path)
    dialog = ImportDialog(editor, review_id, names, path)
    qtbot.addWidget(dialog)
    read_through(qtbot, dialog)
    dialog.agency.setEditText("Rapid review")
    dialog._agency_changed()
    read_through(qtbot, dialog)
    assert not dialog.by_agency.isHidden()
    assert (
        dialog.by_agency.text() == "Import each sheet for the agency it is named after (3 agencies)"
    )
    assert "They go to <b>3 agencies</b>:" in dialog.summary.text()
    dialog.by_agency.setChecked(False)
    read_through(qtbot, dialog)
    assert {p.agency_name for p in dialog.plans} == {"Rapid review"}
    dialog.by_agency.setChecked(True)
    read_through(qtbot, dialog)
    dialog.import_button.click()
    rows = fetch_entries(editor.ctx, query_entry_ids(editor.ctx, review_id))
    assert [r.agency for r in rows] == names


def test_a_pdf_chronology_is_planned_in_the_dialog(qtbot, editor, review_id, tmp_path, monkeypatch):
    pytest.importorskip("pdfplumber")
    from tests.chronology.pdf_files import unruled_case_notes

    path, truth = unruled_case_notes(tmp_path)
    threads = []
    planning = import_dialog.plan_imports

    def plan(*args, **kwargs):  # reading a long PDF takes seconds: not on the window's thread
        threads.append(threading.current_thread() is threading.main_thread())
        return planning(*args, **kwargs)

    monkeypatch.setattr(import_dialog, "plan_imports", plan)
    dialog = ImportDialog(editor, review_id, ["Police"], path)
    qtbot.addWidget(dialog)
    assert dialog.is_reading() and dialog.cursor().shape() == Qt.CursorShape.BusyCursor
    read_through(qtbot, dialog)
    assert threads == [False] and QApplication.overrideCursor() is None
    assert dialog.cursor().shape() == Qt.CursorShape.ArrowCursor
    assert path.name not in dialog.problems.text()
    assert len(dialog.plans[0].table.rows) == len(truth)
    assert any("Read as a PDF document" in n for n in dialog.plans[0].table.notes)
