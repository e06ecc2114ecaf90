"""Finding the table: headers over two rows, rows that are not entries, date forms and order,
month-only Excel cells, Word tables, merged cells, CSV text and size."""

import tracemalloc
from datetime import date

import openpyxl
import pytest

from app.chronology import csv_text
from app.chronology.columns import plan_columns
from app.chronology.date_order import decide_order
from app.chronology.dates import parse_date
from app.chronology.reading import ImportRefused, read_table, read_tables


def _xlsx(path, rows, style=None):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    if style:
        style(sheet)
    workbook.save(path)
    return path


@pytest.mark.parametrize(
    ("text", "start", "end", "precision"),
    [
        ("Spring term 2016", date(2016, 1, 1), date(2016, 4, 30), "approximate"),
        ("Autumn term 2016/17", date(2016, 9, 1), date(2016, 12, 31), "approximate"),
        ("Summer 2 2017", date(2017, 6, 1), date(2017, 7, 31), "approximate"),
        ("w/c 14/03/2016", date(2016, 3, 14), date(2016, 3, 20), "approximate"),
        ("Week commencing 14 March 2016", date(2016, 3, 14), date(2016, 3, 20), "approximate"),
        ("Monday 14/03/2016", date(2016, 3, 14), date(2016, 3, 14), "day"),
        ("Tues 15 March 2016", date(2016, 3, 15), date(2016, 3, 15), "day"),
        ("Jan 08", date(2008, 1, 1), date(2008, 1, 31), "month"),
        ("20160314", date(2016, 3, 14), date(2016, 3, 14), "day"),
        ("Q1 2016", date(2016, 1, 1), date(2016, 3, 31), "approximate"),
        ("Q1 2016/17", date(2016, 4, 1), date(2016, 6, 30), "approximate"),
        ("2016 Q4", date(2016, 10, 1), date(2016, 12, 31), "approximate"),
        ("2016/17", date(2016, 4, 1), date(2017, 3, 31), "approximate"),
        ("Academic year 2016/17", date(2016, 9, 1), date(2017, 7, 31), "approximate"),
        ("FY 2016-17", date(2016, 4, 1), date(2017, 3, 31), "approximate"),
    ],
)
def test_more_date_forms(text, start, end, precision):
    parsed = parse_date(text)
    assert (parsed.start, parsed.end, parsed.precision) == (start, end, precision)
    assert parsed.text == text


def test_a_schools_year_is_its_academic_year():
    assert parse_date("2016/17", year_kind="academic").start == date(2016, 9, 1)
    assert parse_date(20160314).start == date(2016, 3, 14)


def test_date_order_from_the_evidence():
    assert decide_order(["03/14/2016", "04/02/2016"]).order == "mdy"
    assert decide_order(["14/03/2016", "04/02/2016"]).order == "dmy"
    ambiguous = decide_order(["03/04/2016", "05/06/2016"])
    assert ambiguous.order == "dmy" and ambiguous.decided_by == "default"
    assert "--date-order mdy" in ambiguous.reason
    mixed = decide_order(["14/03/2016", "15/03/2016", "03/16/2016"])
    assert mixed.order == "dmy" and "flagged" in mixed.reason
    # No day over 12, but only month first do the entries run in order.
    run = [f"{m:02d}/{d:02d}/2016" for m in range(1, 7) for d in range(1, 12, 2)]
    assert decide_order(run).decided_by == "sequence" and decide_order(run).order == "mdy"
    assert decide_order(["01/02/2016"], "mdy").decided_by == "given"
    assert decide_order([date(2016, 1, 2), "June 2016"]).reason == ""


def test_two_row_header_guidance_footer_and_repeated_header(tmp_path):
    rows = [
        ["Chronology: Child A"],
        ["Contact", None, None, "Outcome"],
        ["Date", "Type", "Worker", None, "Details"],
        ["dd/mm/yyyy", "Select from the list", "Name of worker", "", "Describe what happened"],
        ["01/02/2016", "Visit", "SW A", "Plan agreed", "Saw Child A at home with mother."],
        ["Contact", None, None, "Outcome"],
        ["Date", "Type", "Worker", None, "Details"],
        ["Page 2 of 3"],
        ["03/02/2016", "Call", "SW B", "None", "Mother rang about the school run."],
        [None, None, None, None, "She sounded upset."],
        ["Total number of contacts: 2"],
        ["Printed on 01/03/2024 by Business Support"],
    ]
    table = read_table(_xlsx(tmp_path / "t.xlsx", rows))
    assert table.header_row == 3
    assert table.headers[:3] == ["Contact Date", "Contact Type", "Contact Worker"]
    assert table.notes[0].endswith("rows 2-3 (headings over sub-headings).")
    left_out = {n.row: n.reason for n in table.left_out}
    assert left_out[4].startswith("guidance")
    assert "page header" in left_out[6] and "page header" in left_out[7]
    assert "page" in left_out[8] and "footer" in left_out[11] and 12 in left_out
    assert [n for n, _ in table.rows] == [5, 9, 10]


def test_month_formatted_cells_and_merged_dates(tmp_path):
    def style(sheet):
        sheet["A2"].number_format = "mmm-yy"
        sheet["A3"].number_format = "yyyy"
        sheet.merge_cells("A4:A5")

    rows = [
        ["Date", "Details"],
        [date(2009, 6, 1), "Moved into the area."],
        [date(2010, 1, 1), "Registered with the GP."],
        [date(2016, 3, 14), "Home visit: mother and Child A seen."],
        [None, "Phone call to school the same day."],
    ]
    table = read_table(_xlsx(tmp_path / "m.xlsx", rows, style))
    values = [cells[0] for _n, cells in table.rows]
    assert values[:2] == ["Jun 2009", "2010"]
    assert values[2] == values[3] == date(2016, 3, 14)
    assert parse_date(values[0]).precision == "month"
    assert any("filled down" in n for n in table.notes)
    assert any("only a month" in n for n in table.notes)


def test_word_tables_continued_and_vertically_merged(tmp_path):
    from docx import Document

    document = Document()
    cover = document.add_table(rows=2, cols=2)
    cover.cell(0, 0).text, cover.cell(0, 1).text = "Agency", "Health visiting"
    for part in range(2):
        table = document.add_table(rows=3, cols=3)
        for c, heading in enumerate(["Date", "Practitioner", "Details of contact"]):
            table.cell(0, c).text = heading
        table.cell(1, 0).text = f"0{part + 1}/03/2016"
        table.cell(1, 0).merge(table.cell(2, 0))
        for r in (1, 2):
            table.cell(r, 1).text = "HV"
            table.cell(r, 2).text = f"Contact {part}-{r}: weighed baby.\nMother well."
    path = tmp_path / "imr.docx"
    document.save(path)
    table = read_table(path)
    assert [cells[2].split(":")[0] for _n, cells in table.rows] == [
        "Contact 0-1", "Contact 0-2", "Contact 1-1", "Contact 1-2",
    ]  # fmt: skip
    assert table.rows[1][1][0] == "01/03/2016"  # the merged date, given to both rows
    assert [n.reason for n in table.left_out] == ["the column headings repeated (a page header)"]
    assert "Read table 2, 3 of the 3 tables" in " ".join(table.notes)


def test_content_decides_the_event_column_not_the_heading():
    headings = ["Date", "Incident", "Concern", "Contact with", "Summary", "Details"]
    rows = [
        (
            n + 2,
            [f"0{n % 9 + 1}/02/2016", f"INC-2016-{n:05d}", "Y" if n % 2 else "N", "Mother",
             f"Home visit {n} to see mother", f"Long narrative {n}: the worker saw the child, spoke to mother about "
             "the home conditions and agreed next steps.\nFollow-up booked."],
        )
        for n in range(20)
    ]  # fmt: skip
    plan = plan_columns(headings, rows)
    assert plan.mapping["event"] == 5
    assert plan.parts == [4, 5]
    assert "reference numbers" in plan.reasons[1] and "yes/no" in plan.reasons[2]
    assert plan.mapping["subjects"] == 3


def test_a_column_of_types_is_found_whatever_its_heading():
    """Service: Daily log, Behaviour, Missing episode repeated is the entries' type; a team's
    name holding a type's word, or a status, is not."""
    kinds = ["Daily log", "Daily log", "Behaviour", "Daily log", "Missing episode"]
    teams = ["Referral and Assessment Team", "Child Protection Team"]
    rows = [
        (n + 2, [f"{n % 28 + 1:02d}/03/2016", kinds[n % 5], teams[n % 2], "Open" if n % 3 else "Closed",
                 f"Shift note {n}: the young person came back on time and went to bed at ten."])
        for n in range(60)
    ]  # fmt: skip
    plan = plan_columns(["Date", "Service", "Team", "Status", "Progress Note"], rows)
    assert plan.mapping["event_type"] == 1
    assert "event types among them" in plan.reasons[1]
    without_service = [(n, [c[0], c[2], c[3], c[4]]) for n, c in rows]
    plan = plan_columns(["Date", "Team", "Status", "Progress Note"], without_service)
    assert "event_type" not in plan.mapping


def test_a_large_csv_is_refused_within_bounded_memory(tmp_path, monkeypatch):
    monkeypatch.setattr(csv_text, "MAX_CSV_CHARACTERS", 2_000_000)
    path = tmp_path / "big.csv"
    line = "01/02/2016,SW,Visit to the family home to see the child and mother together\n"
    with open(path, "w") as handle:
        handle.write("Date,Worker,Details\n")
        handle.write(line * 200_000)  # 15 MB
    tracemalloc.start()
    with pytest.raises(ImportRefused, match="more than 2 million characters"):
        read_tables(path)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    # Refused after reading a bounded part of the file, not after holding all of it.
    assert peak < path.stat().st_size
