"""The Documents tab: a document started from its template, sections edited, versions."""

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from app.audit_log import list_audit
from app.documents import find_report, get_report
from app.reviews import create_review
from ui.workspace import TAB_REPORTS


@pytest.fixture
def review_id(ctx):
    return create_review(ctx, review_type="lcspr", reference="LCSPR-2026-40", title="Child P")


@pytest.fixture
def reports(window, review_id):
    window.refresh()
    window.select_review(review_id)
    window.workspace.tabs.setCurrentIndex(TAB_REPORTS)
    window.workspace.reports.start_button.click()
    return window.workspace.reports


def test_opening_the_tab_writes_nothing_until_the_document_is_started(window, ctx, review_id):
    window.refresh()
    window.select_review(review_id)
    before = len(list_audit(ctx, review_id))
    window.workspace.tabs.setCurrentIndex(TAB_REPORTS)
    reports = window.workspace.reports
    assert find_report(ctx, review_id, "overview") is None
    assert len(list_audit(ctx, review_id)) == before
    assert reports.start_button.isVisible() and not reports.export_button.isEnabled()
    assert reports.sections.count() > 3  # the template's sections, shown before starting
    reports.start_button.click()
    assert find_report(ctx, review_id, "overview") is not None
    assert len(list_audit(ctx, review_id)) > before
    assert not reports.start_button.isVisible()


def test_selecting_a_review_does_not_start_a_document(window, ctx, review_id):
    window.refresh()
    window.select_review(review_id)
    assert find_report(ctx, review_id, "overview") is None


def test_the_tab_starts_the_document_from_its_template(reports, ctx, review_id):
    report_id = find_report(ctx, review_id, "overview")
    assert report_id is not None
    titles = [s.title for s in get_report(ctx, report_id).sections]
    assert [reports.sections.item(i).text().split("   (")[0] for i in range(len(titles))] == titles
    assert reports.version.text() == "Draft 1"


def test_sections_are_written_left_out_and_moved(qtbot, reports, ctx, review_id, window):
    reports.sections.setCurrentRow(0)
    reports.text.setFocus()
    reports.text.selectAll()
    qtbot.keyClicks(reports.text, "Child P died in March.")
    reports.heading.setFocus()  # leaving the text saves it
    report = get_report(ctx, find_report(ctx, review_id, "overview"))
    assert report.sections[0].text == "Child P died in March."

    reports.sections.item(1).setCheckState(Qt.CheckState.Unchecked)
    assert not get_report(ctx, report.id).sections[1].included
    window.editor.undo_stack.undo()
    assert get_report(ctx, report.id).sections[1].included

    reports.sections.setCurrentRow(2)
    moved = report.sections[2].title
    reports.up_button.click()
    assert get_report(ctx, report.id).sections[1].title == moved


def test_generated_sections_say_where_their_content_comes_from(reports, ctx, review_id):
    report = get_report(ctx, find_report(ctx, review_id, "overview"))
    row = next(i for i, s in enumerate(report.sections) if s.source == "findings")
    reports.sections.setCurrentRow(row)
    assert "from the review's data" in reports.source_note.text()
    assert not reports.text.isVisible()


def test_final_then_a_new_draft(qtbot, reports, ctx, review_id, monkeypatch, tmp_path):
    from app.publishing.audience import set_audience

    set_audience(ctx, review_id, "overview", "internal")  # internal: no release check
    reports._load()
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes)
    )
    target = tmp_path / "final.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    monkeypatch.setattr(QMessageBox, "exec", lambda box: 0)
    reports.make_final()
    qtbot.waitUntil(lambda: reports.version.text().startswith("Final"), timeout=60_000)
    assert target.exists()
    assert get_report(ctx, find_report(ctx, review_id, "overview")).final
    assert reports.text.isReadOnly() and not reports.up_button.isEnabled()
    assert (
        "Version 1 issued" in reports.version.toolTip() and "SHA-256" in reports.version.toolTip()
    )
    # The issued version is read section by section; what it includes cannot change.
    assert reports.sections.isEnabled()
    reports.sections.setCurrentRow(3)
    assert reports.selected_section().title == reports.sections.item(3).text().split("   (")[0]
    flags = reports.sections.item(3).flags()
    assert flags & Qt.ItemFlag.ItemIsSelectable and not flags & Qt.ItemFlag.ItemIsUserCheckable
    assert "start a new draft" in reports.sections_hint.text()
    reports.sections.setCurrentRow(0)  # a section of the author's words again
    reports.start_draft()
    assert reports.version.text() == "Draft 2"
    assert reports.sections_hint.text().startswith("Untick a section")
    assert not reports.text.isReadOnly()


def test_each_document_kind_has_its_own_sections(reports, ctx, review_id):
    reports.kind.setCurrentIndex(reports.kind.findData("brief"))
    reports.kind.activated.emit(reports.kind.currentIndex())
    assert reports.start_button.text() == "Start the " + reports.kind.currentText()
    reports.start_button.click()
    brief = get_report(ctx, find_report(ctx, review_id, "brief"))
    assert reports.sections.count() == len(brief.sections)
    assert reports.sections.item(0).text() == brief.sections[0].title


def test_export_runs_in_the_background_and_writes_the_pdf(qtbot, reports, tmp_path, monkeypatch):
    target = tmp_path / "overview.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    reports.choose_export()
    qtbot.waitUntil(lambda: bool(shown), timeout=60_000)
    assert target.exists() and Path(target).read_bytes().startswith(b"%PDF")
    assert "pages" in shown[0]


def test_export_offers_pdf_word_and_web_page_and_follows_the_chosen_format(
    qtbot, reports, tmp_path, monkeypatch
):
    from ui.reports_tab import FORMATS

    offered: list[str] = []

    def choose(_parent, _title, _name, filters):
        offered.append(filters)
        return str(tmp_path / "overview"), FORMATS[".docx"]  # no suffix typed: Word chosen

    monkeypatch.setattr(QFileDialog, "getSaveFileName", choose)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    reports.choose_export()
    qtbot.waitUntil(lambda: bool(shown), timeout=60_000)
    assert all(f"*{suffix}" in offered[0] for suffix in (".pdf", ".docx", ".html"))
    target = tmp_path / "overview.docx"
    assert target.read_bytes().startswith(b"PK") and shown[0] == "overview.docx is ready."
