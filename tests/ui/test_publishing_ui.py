"""The People page and the release check in the window (screenshots saved for looking at)."""

import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QInputDialog, QMessageBox

from app.documents import ensure_report, find_report, get_report
from app.edits import apply_fields
from app.publishing.people import list_people
from tests.publishing_case import build_case, write_narrative
from ui.workspace import TAB_PEOPLE, TAB_REPORTS

SHOTS = Path(os.environ.get("REVIEWDESK_SHOTS", "")) if os.environ.get("REVIEWDESK_SHOTS") else None


def shot(widget, name: str) -> None:
    if SHOTS is not None:
        SHOTS.mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(SHOTS / f"{name}.png"))


@pytest.fixture
def case(ctx, tmp_path):
    built = build_case(ctx, tmp_path)
    write_narrative(ctx, built.review_id, "summary", "Kerry told the health visitor.")
    return built


@pytest.fixture
def people(window, case):
    window.refresh()
    window.select_review(case.review_id)
    window.workspace.tabs.setCurrentIndex(TAB_PEOPLE)
    return window.workspace.people


def test_the_people_page_lists_the_register_and_offers_candidates(people, window):
    assert people.register.rowCount() == 4
    assert people.register.item(0, 0).text() == "Child L"
    assert people.register.item(0, 1).text() == "Lennon Marsh"
    offered = [people.candidates.item(r, 0).text() for r in range(people.candidates.rowCount())]
    assert "Ffion Rhys" in offered  # the panel's overview author, not yet in the register
    assert "Kerry Marsh" not in offered  # already registered
    shot(window, "people_page")


def test_a_candidate_is_confirmed_with_a_descriptor(people, ctx, case):
    row = next(
        r
        for r in range(people.candidates.rowCount())
        if people.candidates.item(r, 0).text() == "Ffion Rhys"
    )
    people.candidates.selectRow(row)
    assert people.name.text() == "Ffion Rhys"
    people.descriptor.setText("the overview author")
    people.variants.setText("Ffi; F. Rhys")
    people.add_button.click()
    added = list_people(ctx, case.review_id)[-1]
    assert (added.name, added.descriptor, added.variants) == (
        "Ffion Rhys",
        "the overview author",
        ("Ffi", "F. Rhys"),
    )
    assert people.register.rowCount() == 5 and people.name.text() == ""


def test_an_entry_is_changed_and_a_place_added(people, ctx, case):
    people.edit_row(1)
    assert people.name.text() == "Kerry Marsh" and people.add_button.text() == "Save changes"
    people.variants.setText("Kez; Kezza")
    people.add_button.click()
    assert list_people(ctx, case.review_id)[1].variants == ("Kez", "Kezza")
    assert people.add_button.text() == "Add to the register"
    people.name.setText("Oakfield Primary School")
    people.descriptor.setText("Primary School 1")
    people.kind.setCurrentIndex(people.kind.findData("place"))
    people.add_button.click()
    assert list_people(ctx, case.review_id)[-1].kind == "place"


def test_a_descriptor_is_required(people, window, messages):
    failures: list[str] = []
    window.editor.failed.connect(failures.append)
    people.name.setText("Somebody New")
    people.add_button.click()
    assert failures and "descriptor" in failures[0]


@pytest.fixture
def reports(window, case):
    window.refresh()
    window.select_review(case.review_id)
    window.workspace.tabs.setCurrentIndex(TAB_REPORTS)
    tab = window.workspace.reports
    tab.kind.setCurrentIndex(tab.kind.findData("summary"))
    tab.kind.activated.emit(tab.kind.currentIndex())
    return tab


def test_the_release_check_lists_what_blocks_and_waives(reports, ctx, case, monkeypatch, qtbot):
    dialog = reports.show_check()
    qtbot.addWidget(dialog)
    tree = dialog.table
    rows = [tree.topLevelItem(r) for r in range(tree.topLevelItemCount())]
    assert rows and "must be fixed or waived" in dialog.summary.text()
    wheres = [item.text(0) for item in rows]
    assert "Section 1 Introduction, paragraph 1.1" in wheres
    dialog.resize(1180, 560)
    shot(dialog, "release_check")
    assert not dialog.waive_button.isEnabled()  # nothing chosen yet
    tree.setCurrentItem(next(item for item in rows if item.text(2) == "Kerry"))
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Printed as Mother", True))
    dialog.waive_selected()
    rows = [tree.topLevelItem(r) for r in range(tree.topLevelItemCount())]
    assert "Waived: Printed as Mother" in [item.text(4) for item in rows]
    analysis = next(item for item in rows if item.text(0).startswith("Section 5 Analysis"))
    tree.itemDoubleClicked.emit(analysis, 0)  # go and fix it
    assert reports.selected_section().title == "Analysis"


def test_a_name_repeated_through_a_section_is_one_finding_with_its_places(
    reports, ctx, case, monkeypatch, qtbot
):
    """Forty rows naming the same registered person are one thing to fix or waive, with
    forty places under it; one waiver clears them all."""
    lines = "\n".join(f"Visit {n}: Kerry was seen at home." for n in range(1, 41))
    report = get_report(ctx, ensure_report(ctx, case.review_id, "summary"))
    introduction = next(s for s in report.sections if s.title == "Introduction")
    apply_fields(ctx, "report_section", introduction.id, {"text": lines})
    dialog = reports.show_check()
    qtbot.addWidget(dialog)
    tree = dialog.table
    rows = [tree.topLevelItem(r) for r in range(tree.topLevelItemCount())]
    kerry = [i for i in rows if i.text(2) == "Kerry" and i.text(0).startswith("Section 1 ")]
    assert len(kerry) == 1 and kerry[0].text(0).endswith(", and 39 more")
    assert "places)" in dialog.summary.text()  # "N things (in M places) must be fixed…"
    assert kerry[0].childCount() == 0  # the places are listed when the row is opened
    tree.expandItem(kerry[0])
    assert kerry[0].childCount() == 40
    place = kerry[0].child(7)
    assert place.text(0) == "paragraph 1.8"  # under its section's row
    assert place.toolTip(0) == "Section 1 Introduction, paragraph 1.8"
    tree.setCurrentItem(place)  # a place stands for its finding
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Printed as Mother", True))
    dialog.waive_selected()
    rows = [tree.topLevelItem(r) for r in range(tree.topLevelItemCount())]
    [kerry] = [i for i in rows if i.text(2) == "Kerry" and i.text(0).startswith("Section 1 ")]
    assert kerry.text(4) == "Waived: Printed as Mother"
    blocking = dialog.result.blocking
    assert not [h for h in blocking if h.text == "Kerry" and h.section == "Introduction"]
    assert [h for h in blocking if h.text == "Kerry"]  # other sections' mentions still block


def test_make_final_shows_the_check_instead_when_something_blocks(reports, ctx, case, monkeypatch):
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append("yes"))
    opened: list = []
    monkeypatch.setattr(reports, "show_check", lambda: opened.append(True))
    reports.make_final()
    assert opened and not asked
    assert not get_report(ctx, find_report(ctx, case.review_id, "summary")).final


def test_guidance_is_greyed_in_the_editor_not_in_the_text(reports, ctx, case, window):
    report = get_report(ctx, ensure_report(ctx, case.review_id, "overview"))
    reports.kind.setCurrentIndex(reports.kind.findData("overview"))
    reports.kind.activated.emit(reports.kind.currentIndex())
    reports.sections.setCurrentRow(0)
    guidance = report.sections[0].guidance
    assert guidance and reports.text.toPlainText() == ""
    assert reports.text.placeholderText() == guidance
    assert "never printed" in reports.source_note.text()
    shot(window, "documents_guidance")
    # Once written, the section has no grey guidance to speak of.
    apply_fields(ctx, "report_section", report.sections[0].id, {"text": "Child S was two."})
    reports.kind.activated.emit(reports.kind.currentIndex())
    reports.sections.setCurrentRow(0)
    assert reports.text.toPlainText() == "Child S was two."
    assert reports.source_note.text() == "The author's own words."


def test_choosing_the_audience_is_saved(reports, ctx, case):
    from app.publishing.audience import audience_of

    reports.audience.setCurrentIndex(reports.audience.findData("internal"))
    reports.audience.activated.emit(reports.audience.currentIndex())
    assert not audience_of(ctx, case.review_id, "summary").published
    assert not reports.marking.isVisible()
