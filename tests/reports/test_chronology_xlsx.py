"""The chronology spreadsheet, read back with openpyxl in normal mode."""

from datetime import date, datetime

import openpyxl
import pytest

from reports.chronology_data import DATES_NOTE, ChronologyDocument, ChronologyRow
from reports.chronology_xlsx import COLUMNS, MAX_CELL_TEXT, write_chronology_xlsx
from tests.reports import builders

HEADERS = [h for h, _ in COLUMNS]


# The spreadsheet tests' entry: a timed incident, with two themes and an episode.
XLSX_ENTRY = {
    "time": "14:30",
    "event_type": "Domestic abuse incident",
    "event": "Officers attended the family home.",
    "outcome": "DASH risk assessment completed.",
    "themes": "Domestic abuse; Voice of the child",
    "episodes": "Episode 1: birth to nursery",
}
XLSX_DOCUMENT = {
    "review_title": "Child L",
    "agencies": ["Police", "Health", "Children's Social Care"],
}


def entry(**changes) -> ChronologyRow:
    return builders.entry(**{**XLSX_ENTRY, **changes})


def document(rows, **changes) -> ChronologyDocument:
    return builders.document(rows, **{**XLSX_DOCUMENT, **changes})


def col(name: str) -> int:
    return HEADERS.index(name)


@pytest.fixture
def write_and_read(tmp_path):
    def run(doc):
        path = tmp_path / "chronology.xlsx"
        write_chronology_xlsx(doc, path)
        return openpyxl.load_workbook(path)

    return run


def test_sheet_layout_header_freeze_filter_and_widths(write_and_read):
    wb = write_and_read(document([entry(), entry(agency="Health")]))
    assert wb.sheetnames == ["Chronology", "About"]
    ws = wb["Chronology"]
    assert [c.value for c in ws[1]] == HEADERS
    assert all(c.font.b for c in ws[1])
    assert ws["A1"].fill.fgColor.rgb.endswith("1F3A5F")
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == f"A1:Q{3}"
    assert ws.column_dimensions["E"].width == 60  # Event
    assert ws.column_dimensions["A"].width == 14  # Date
    assert ws.max_row == 3


def test_exact_dates_are_real_dates_and_others_text_as_written(write_and_read):
    rows = [
        entry(),
        entry(
            date_text="c. March 2017",
            date_value=None,
            precision="approximate",
            sort_date=date(2017, 3, 1),
        ),
        entry(date_text="May 2016", date_value=None, precision="month", sort_date=date(2016, 5, 1)),
        entry(date_text="", date_value=None, precision="unknown", sort_date=None, recorded=None),
    ]
    ws = write_and_read(document(rows))["Chronology"]
    exact = ws.cell(2, col("Date") + 1)
    assert exact.is_date and exact.value == datetime(2008, 1, 2)
    assert exact.number_format == "dd/mm/yyyy"
    recorded = ws.cell(2, col("Recorded") + 1)
    assert recorded.is_date and recorded.value == datetime(2008, 1, 5)
    assert recorded.number_format == "dd/mm/yyyy"

    approx = ws.cell(3, col("Date") + 1)
    assert approx.value == "c. March 2017" and approx.data_type == "s"
    assert ws.cell(3, col("Date precision") + 1).value == "approximate"
    assert ws.cell(3, col("Date for sorting") + 1).value == datetime(2017, 3, 1)
    assert ws.cell(4, col("Date") + 1).value == "May 2016"
    assert ws.cell(5, col("Date") + 1).value is None
    assert ws.cell(5, col("Recorded") + 1).value is None


def test_text_that_looks_like_a_formula_stays_a_string(write_and_read):
    row = entry(
        event="=SUM(A1:A2)",
        outcome="+44 20 7946 0000",
        practitioner="@user",
        role="-1",
        significance="#N/A",
        themes='=HYPERLINK("http://example.com","x")',
    )
    ws = write_and_read(document([row]))["Chronology"]
    expected = {
        "Event": "=SUM(A1:A2)",
        "Outcome": "+44 20 7946 0000",
        "Practitioner": "@user",
        "Role": "-1",
        "Significance": "#N/A",
        "Themes": '=HYPERLINK("http://example.com","x")',
    }
    for name, value in expected.items():
        cell = ws.cell(2, col(name) + 1)
        assert cell.value == value, name
        assert cell.data_type == "s", name
    assert ws.cell(2, col("Event") + 1).quotePrefix


def test_control_characters_become_visible_replacement_characters(write_and_read):
    row = entry(event="before\x01after\x0bend\x1f", outcome="tab\tand\nnewline stay")
    ws = write_and_read(document([row]))["Chronology"]
    assert ws.cell(2, col("Event") + 1).value == "before\ufffdafter\ufffdend\ufffd"
    assert ws.cell(2, col("Outcome") + 1).value == "tab\tand\nnewline stay"


def test_any_script_and_emoji_survive(write_and_read):
    row = entry(
        practitioner="Łukasz Nowak",
        role="محمد",
        event="Zoë said 😀 to Siobhán; Ελένη; Оксана; 陈",
    )
    ws = write_and_read(document([row]))["Chronology"]
    assert ws.cell(2, col("Practitioner") + 1).value == "Łukasz Nowak"
    assert ws.cell(2, col("Role") + 1).value == "محمد"
    assert ws.cell(2, col("Event") + 1).value == "Zoë said 😀 to Siobhán; Ελένη; Оксана; 陈"


def test_lone_surrogates_and_overlong_text_do_not_crash(write_and_read):
    long_text = "word " * 8000 + "END"  # 40,003 characters: more than a cell holds
    ws = write_and_read(document([entry(event=long_text, outcome="bad \ud800 half")]))["Chronology"]
    event = ws.cell(2, col("Event") + 1).value
    assert len(event) <= MAX_CELL_TEXT
    assert "more characters do not fit in one Excel cell" in event
    assert ws.cell(2, col("Outcome") + 1).value == "bad \ufffd half"


def test_long_text_wraps_and_aligns_top(write_and_read):
    ws = write_and_read(document([entry()]))["Chronology"]
    for name in ("Event", "Outcome", "Agency", "Themes"):
        cell = ws.cell(2, col(name) + 1)
        assert cell.alignment.wrap_text, name
        assert cell.alignment.vertical == "top", name
    assert ws.cell(2, col("Date") + 1).alignment.vertical == "top"


def test_reused_cells_do_not_carry_values_into_the_next_row(write_and_read):
    rows = [
        entry(outcome="first outcome", flagged=True, flag_reason="Recorded 19 days late"),
        entry(outcome="", flagged=False, recorded=None),
        entry(outcome="third", flagged=True, flag_reason=""),
    ]
    ws = write_and_read(document(rows))["Chronology"]
    outcome, flag, recorded = col("Outcome") + 1, col("Flag") + 1, col("Recorded") + 1
    assert ws.cell(2, outcome).value == "first outcome"
    assert ws.cell(3, outcome).value is None
    assert ws.cell(4, outcome).value == "third"
    assert ws.cell(2, flag).value == "Flagged: Recorded 19 days late"
    assert ws.cell(3, flag).value is None
    assert ws.cell(4, flag).value == "Flagged"
    assert ws.cell(2, flag).font.b
    assert ws.cell(3, recorded).value is None


def test_print_setup_marks_every_page(write_and_read):
    ws = write_and_read(document([entry()]))["Chronology"]
    assert ws.print_title_rows == "$1:$1"
    assert ws.page_setup.orientation == "landscape"
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.page_setup.fitToWidth == 1
    assert ws.page_setup.fitToHeight == 0
    assert ws.oddHeader.left.text == "OFFICIAL-SENSITIVE"
    assert ws.oddHeader.right.text == "LCSPR-2024-03"
    assert ws.oddFooter.center.text == "Page &P of &N"


def test_ampersand_in_header_text_is_escaped(write_and_read):
    wb = write_and_read(document([], protective_marking="OFFICIAL & SENSITIVE"))
    assert wb["Chronology"].oddHeader.left.text == "OFFICIAL && SENSITIVE"


def test_about_sheet_and_workbook_properties(write_and_read):
    doc = document([entry(), entry()], filters_note="Filtered: agency Police; 2016-2017")
    wb = write_and_read(doc)
    about = {row[0]: row[1] for row in wb["About"].iter_rows(values_only=True)}
    assert about["Review reference"] == "LCSPR-2024-03"
    assert about["Review title"] == "Child L"
    assert about["Subject"] == "Child L"
    assert about["Partnership"] == "Northshire Safeguarding Children Partnership"
    assert about["Protective marking"] == "OFFICIAL-SENSITIVE"
    assert about["Generated"] == datetime(2026, 6, 15)
    assert about["Number of entries"] == 2
    assert about["Agencies"].split("\n") == ["Police", "Health", "Children's Social Care"]
    assert about["Filters"] == "Filtered: agency Police; 2016-2017"
    assert DATES_NOTE in about.values()
    assert wb["About"].oddHeader.left.text == "OFFICIAL-SENSITIVE"

    assert "LCSPR-2024-03" in wb.properties.title
    assert "Child L" in wb.properties.subject
    assert "OFFICIAL-SENSITIVE" in wb.properties.keywords
    assert wb.properties.creator == "ReviewDesk"


def test_no_rows_writes_the_header_only(write_and_read):
    wb = write_and_read(document([], agencies=[]))
    ws = wb["Chronology"]
    assert ws.max_row == 1
    assert [c.value for c in ws[1]] == HEADERS
    assert ws.auto_filter.ref == "A1:Q1"
    about = {row[0]: row[1] for row in wb["About"].iter_rows(values_only=True)}
    assert about["Number of entries"] == 0
    assert about["Agencies"] == "None"
