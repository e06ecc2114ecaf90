"""The chronology and a meeting's minutes as Word files and web pages, through the review
documents' writers: numbered entries, one date format, nothing lost, accessible."""

from datetime import date

import pytest
from docx import Document

from reports.minutes_pdf import MinutesAction, MinutesAttendee, MinutesDocument, MinutesItem
from reports.working_documents import (
    write_chronology_docx,
    write_chronology_html,
    write_minutes_docx,
    write_minutes_html,
)
from tests.accessibility.axe import missing, run_axe
from tests.reports.builders import document, entry

ROWS = [
    entry(),
    entry(date_text="2.1.08", agency="Health visiting"),  # the same day, another agency's way
    entry(date_text="c. March 2017", date_value=None, precision="approximate"),
    entry(date_text="", date_value=None, precision="unknown", event="Undated <b>note</b>"),
    entry(flagged=True, flag_reason="Recorded 19 days late", time="14:05"),
]


def test_chronology_as_word_numbers_entries_and_shows_dates_one_way(tmp_path):
    path = tmp_path / "chronology.docx"
    write_chronology_docx(document(ROWS), path)
    word = Document(path)
    [table] = word.tables
    header = [c.text for c in table.rows[0].cells]
    assert header == ["No.", "Date", "Agency", "Type", "Event and outcome", "Practitioner"]
    cells = [[c.text for c in row.cells] for row in table.rows[1:]]
    assert [row[0] for row in cells] == ["1", "2", "3", "4", "5"]
    assert cells[0][1] == cells[1][1] == "2\xa0Jan\xa02008"
    assert cells[2][1] == "c. March 2017\n(approximate)"
    assert cells[3][1] == "No date" and cells[3][4].startswith("Undated <b>note</b>")
    assert "Flagged: Recorded 19 days late" in cells[4][4] and cells[4][1].endswith("14:05")
    assert "Outcome: Referral made" in cells[0][4]
    assert word.core_properties.title.startswith("Integrated multi-agency chronology")


def test_chronology_as_a_web_page(tmp_path):
    path = tmp_path / "chronology.html"
    write_chronology_html(document(ROWS), path)
    html = path.read_text(encoding="utf-8")
    assert html.count("<tr>") == 6 and "Undated &lt;b&gt;note&lt;/b&gt;" in html
    assert "<caption>Integrated chronology, by date</caption>" in html


MINUTES = MinutesDocument(
    review_reference="LCSPR-2024-03",
    review_title="Child L",
    protective_marking="OFFICIAL-SENSITIVE",
    meeting_label="Panel meeting of 12 March 2026",
    held_on=date(2026, 3, 12),
    time="10:00",
    place="Room 4",
    present=(MinutesAttendee("Zoë Hartley", "Chair"),),
    apologies=(MinutesAttendee("Łukasz Nowak", "Police"),),
    items=(
        MinutesItem(
            1,
            "Police IMR",
            notes="Discussed.\n\nSecond paragraph.",
            decisions=("Accepted",),
            actions=(MinutesAction("Send the chronology", "Police", date(2026, 4, 1)),),
        ),
    ),
)


def test_minutes_as_word_and_web_page(tmp_path):
    write_minutes_docx(MINUTES, tmp_path / "m.docx")
    word = Document(tmp_path / "m.docx")
    texts = [p.text for p in word.paragraphs]
    assert "1. Police IMR" in texts and "Decision: Accepted" in texts
    attendance, actions = word.tables
    assert [c.text for c in attendance.rows[2].cells] == ["Łukasz Nowak", "Police", "Apologies"]
    assert [c.text for c in actions.rows[1].cells] == [
        "Send the chronology",
        "Police",
        "1\xa0Apr\xa02026",
    ]
    write_minutes_html(MINUTES, tmp_path / "m.html")
    assert "Second paragraph." in (tmp_path / "m.html").read_text(encoding="utf-8")


@pytest.mark.skipif(bool(missing()), reason=missing() or "axe can run")
def test_axe_finds_nothing_in_the_chronology_and_minutes_pages(tmp_path):
    write_chronology_html(document(ROWS), tmp_path / "c.html")
    write_minutes_html(MINUTES, tmp_path / "m.html")
    assert run_axe(tmp_path / "c.html") == [] and run_axe(tmp_path / "m.html") == []
