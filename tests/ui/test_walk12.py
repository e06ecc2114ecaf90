"""A newcomer's walk through the whole window, twelfth round: keyboard and screen-reader users
get the checklist's rule help that mouse users get on hover, and the analysis of a large review
counts practitioners by the roles their agencies wrote. All names are fictional."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QTableWidget

from app.chronology.analysis import role_phrase
from app.chronology.export import analyse_review
from app.context import AppContext
from app.demo import add_demo_reviews
from app.reviews import list_reviews
from benchmarks.large_review import WORKERS, build
from db.store import open_store
from tests.ui.screens import settle
from ui.tab_names import TAB_CHRONOLOGY


def checklist(window) -> QTableWidget:
    table = window.findChild(QTableWidget, "checklist_table")
    assert table is not None and table.rowCount() >= 2
    return table


def test_the_rule_help_follows_the_keyboard_as_well_as_the_mouse(qtbot, under_way):
    window = under_way
    window.show()
    qtbot.waitExposed(window)
    table = checklist(window)
    rule = window.findChild(QLabel, "checklist_rule")
    assert rule is not None
    for row in (0, table.rowCount() - 1, 1):
        table.setFocus()
        table.setCurrentCell(row, 0)
        settle()
        tip = table.item(row, 0).toolTip()
        assert tip.startswith("Due ")
        assert rule.text() == tip
        assert rule.isVisibleTo(window)
        assert table.accessibleDescription() == tip
        assert table.item(row, 2).data(Qt.ItemDataRole.AccessibleDescriptionRole) == tip
    table.setFocus()
    table.setCurrentCell(0, 0)
    qtbot.keyClick(table, Qt.Key.Key_Down)
    settle()
    assert rule.text() == table.item(1, 0).toolTip()


@pytest.mark.parametrize(
    ("role", "count", "phrase"),
    [
        ("Named nurse, safeguarding children", 2, "2 named nurses, safeguarding children"),
        ("Named GP for safeguarding children", 3, "3 named GPs for safeguarding children"),
        ("Head of Service, Safeguarding", 2, "2 heads of service, safeguarding"),
        ("Principal Social Worker, Adults", 4, "4 principal social workers, adults"),
        ("Lead nurse in the emergency department", 2, "2 lead nurses in the emergency department"),
        ("Named nurse, safeguarding children", 1, "1 named nurse, safeguarding children"),
        ("Health visitor", 4, "4 health visitors"),
    ],
)
def test_a_role_with_a_qualifier_puts_its_head_noun_in_the_plural(role, count, phrase):
    assert role_phrase(role, count) == phrase


def test_a_large_review_counts_practitioners_by_their_written_roles(tmp_path):
    db = tmp_path / "large.db"
    review_id = build(db, 150, tmp_path)
    with open_store(db) as store:
        report = analyse_review(AppContext(store, "Tester"), review_id)
    roles = {r.role for a in report.practitioners.agencies for r in a.roles}
    assert roles and roles <= set(WORKERS)
    text = " ".join(a.summary for a in report.practitioners.agencies)
    for wrong in ("healths", "socials", "teams", "PCs 0", "visitor 0"):
        assert wrong not in text
    assert any(w in text for w in ("health visitor", "social worker", "team manager"))


def test_the_demo_reviews_practitioner_roles_read_as_plain_english(ctx):
    add_demo_reviews(ctx)
    for review in list_reviews(ctx):
        report = analyse_review(ctx, review.id)
        for agency in report.practitioners.agencies:
            for role in agency.roles:
                phrase = role_phrase(role.role, 2)
                assert not phrase.endswith(("childrens", "adultses", "ss")), phrase
                assert phrase != role_phrase(role.role, 1), phrase


@pytest.mark.parametrize("reference", ["DEMO-LCSPR-T", "DEMO-LCSPR-L"])
def test_a_large_chronology_s_timeline_is_laid_out_off_the_window_thread(
    ctx, window, qtbot, monkeypatch, reference
):
    """The timeline of 50,000 entries froze the window for seconds. Here a demo chronology
    stands in for a large one: the page says it is drawing, then shows the lanes."""
    import ui.timeline_widget as timeline_widget

    add_demo_reviews(ctx)
    window.refresh()
    reviews = {r.reference: r.id for r in list_reviews(ctx)}
    monkeypatch.setattr(timeline_widget, "AT_ONCE", 0)
    window.select_review(reviews[reference])
    settle()
    window.workspace.tabs.setCurrentIndex(TAB_CHRONOLOGY)
    page = window.workspace.chronology.timeline_page
    window.workspace.chronology.pages.setCurrentWidget(page)
    # Straight back to the window, which says what it is doing.
    assert page.is_working()
    assert "Drawing the timeline of" in page.range_label.text()
    assert page.canvas.full is None
    qtbot.waitUntil(lambda: not page.is_working(), timeout=60_000)
    settle()
    assert "Drawing" not in page.range_label.text()
    assert page.canvas.full is not None and page.canvas.full.lanes
    assert " to " in page.range_label.text()
    # Another review while one is laid out: only the last one's timeline is shown.
    others = [i for r, i in reviews.items() if r != reference]
    window.select_review(others[0])
    settle()
    window.select_review(reviews[reference])
    settle()
    qtbot.waitUntil(lambda: not page.is_working(), timeout=60_000)
    settle()
    assert page.review_id == reviews[reference]
