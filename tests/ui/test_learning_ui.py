"""The learning-across-reviews window and the bar chart, on a real store."""

import os

from PySide6.QtWidgets import QTableWidget

from tests.learning_support import three_reviews
from ui.bar_chart import BarChart


def test_bar_chart_describes_its_numbers_for_screen_readers(qtbot):
    chart = BarChart("Reviews by type")
    qtbot.addWidget(chart)
    chart.set_data([("SAR", {"2021": 1, "2024": 2}), ("DHR", {"2021": 1})], ["2021", "2024"])
    assert chart.accessibleDescription() == "SAR: 3; DHR: 1"
    assert "2024 2" in chart.toolTip()
    chart.resize(500, chart.sizeHint().height())
    assert not chart.grab().isNull()
    chart.set_data([], [])
    assert chart.accessibleDescription() == "No data"


def test_learning_window_charts_repeats_and_search(qtbot, window, ctx, tmp_path):
    three_reviews(ctx)
    learning = window.show_learning()
    qtbot.waitExposed(learning)
    assert "3 reviews (2019–2025)" in learning.summary.text()
    assert learning.themes_chart.rows[0][0] == "Whole-family approach / 'invisible men'"
    assert learning.themes_chart.series == ["2019", "2022", "2025"]
    assert [r[0] for r in learning.types_chart.rows] == ["LCSPR", "SAR", "SCR"]
    repeated: QTableWidget = learning.repeated
    assert repeated.rowCount() == 1 and repeated.item(0, 2).text() == "SCR-OLD"
    learning.year_from.setCurrentIndex(learning.year_from.findData(2022))
    learning.year_from.activated.emit(learning.year_from.currentIndex())
    assert "2 reviews (2022–2025)" in learning.summary.text()
    learning.query.setText("capacity assessment")
    learning.search()
    assert learning.results.rowCount() >= 1 and learning.results.item(0, 0).text() == "SAR-MID"
    shots = os.environ.get("REVIEWDESK_SHOTS")
    if shots:  # screenshots for the README and for looking at by eye
        for index in range(learning.tabs.count()):
            learning.tabs.setCurrentIndex(index)
            learning.grab().save(os.path.join(shots, f"learning-{index}.png"))


def test_newsletter_and_coding_exported_from_the_window(qtbot, window, ctx, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QMessageBox, QPushButton

    import ui.learning_exports as exports

    ids = three_reviews(ctx)
    learning = window.show_learning()
    news = tmp_path / "news.pdf"
    saved: list[str] = []
    monkeypatch.setattr(exports.ReviewPicker, "exec", lambda self: QDialog.DialogCode.Accepted)
    monkeypatch.setattr(exports.ReviewPicker, "chosen", lambda self: [ids["old"], ids["new"]])
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(news), ""))
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: saved.append(text))
    learning.findChild(QPushButton, "export_newsletter").click()
    qtbot.waitUntil(lambda: bool(saved), timeout=20000)
    assert news.is_file() and saved == [f"Saved to {news}."]
    coding = tmp_path / "coding.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(coding), ""))
    monkeypatch.setattr(
        QInputDialog,
        "getItem",
        lambda *a, **k: ("Child Safeguarding Practice Review Panel: practice themes", True),
    )
    learning.findChild(QPushButton, "export_coding").click()
    qtbot.waitUntil(lambda: len(saved) == 2, timeout=20000)
    assert coding.is_file()


def test_a_finding_shows_its_codes_in_the_national_schemes(window, ctx):
    from app.findings import list_findings
    from ui.workspace import TAB_FINDINGS

    ids = three_reviews(ctx)
    window.refresh()
    window.select_review(ids["new"])
    window.workspace.tabs.setCurrentIndex(TAB_FINDINGS)
    tab = window.workspace.tabs.currentWidget()
    tab.select_finding(list_findings(ctx, ids["new"])[0].id)
    text = tab.panel.national_codes.text()
    assert "Child Safeguarding Practice Review Panel: Working with families" in text
    assert "NHS England safeguarding case review tracker: Think family" in text
