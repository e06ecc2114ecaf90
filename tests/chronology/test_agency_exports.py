"""Agencies' own layouts (case-note reports, GP extracts, police logs, school systems, probation,
CAMHS, ambulance .xls, housing .ods, US-dated CSV, the IMR Word template, early help with merged
cells, a template with a guidance row...) import fully right with no options: every entry, its
date, its narrative, nothing flagged that is not wrong."""

import random
from datetime import date, timedelta

import pytest

from app.agency_exports import LAYOUTS, AgencyEvent, write_export
from app.chronology.importer import commit_imports, plan_imports
from app.chronology.reading import ImportRefused
from app.context import AppContext
from app.reviews import create_review
from db.store import open_store

WORKERS = [("Siobhán Kavanagh", "Social worker"), ("PC 4471 Hughes", "Officer"),
           ("Dr Obi", "GP"), ("Zoë Hartley", "Family support worker")]  # fmt: skip
KINDS = ["Home visit", "Phone call", "Strategy discussion", "Supervision", "Missed appointment"]


def events(count: int, seed: int, *, start=date(2015, 9, 7), same_day_every: int = 0):
    rng = random.Random(seed)
    day = start
    made = []
    for index in range(count):
        if not (same_day_every and index % same_day_every == 1):
            day += timedelta(days=rng.randint(3, 25))
        worker, role = WORKERS[index % len(WORKERS)]
        lines = [
            f"Entry {index} for Child A: mother said the flat was cold and the baby unsettled."
        ]
        if index % 3 == 0:
            lines.append(f"Second paragraph of entry {index}: agreed to visit again.")
        made.append(
            AgencyEvent(
                day=day,
                time=f"{9 + index % 8:02d}:{(index * 7) % 60:02d}",
                worker=worker,
                role=role,
                kind=KINDS[index % len(KINDS)],
                summary=f"Visit {index} summary",
                text="\n".join(lines),
                outcome=f"Outcome {index}: review in two weeks",
                recorded_after=index % 5,
            )
        )
    return made


@pytest.fixture
def ctx(tmp_path):
    store = open_store(tmp_path / "s.db")
    yield AppContext(store, "tester", today_override=date(2025, 3, 14))
    store.close()


@pytest.fixture
def review_id(ctx):
    return create_review(ctx, review_type="lcspr", reference="R-1", title="Child A")


AGENCY = {"school_chronology": "Oakfield Primary School",
          "school_safeguarding_system": "Oakfield Primary School"}  # fmt: skip


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_each_agency_layout_imports_fully_right_with_no_options(ctx, review_id, tmp_path, layout):
    made = events(26, seed=len(layout), same_day_every=5 if layout == "early_help_merged" else 0)
    path = write_export(tmp_path, layout, layout, made, "Child A")
    plans = plan_imports(ctx, review_id, AGENCY.get(layout, "Agency"), path)
    assert all(not p.problems for p in plans), [p.problems for p in plans]
    entries = [e for p in plans for e in p.entries]
    report = "\n".join(line for p in plans for line in p.report_lines())
    assert len(entries) == len(made), report
    assert not [e for p in plans for e in p.flagged], report
    by_number = {}
    for entry in entries:
        words = entry["event"].replace(":", " ").split()
        number = int(words[words.index("Entry") + 1])
        by_number[number] = entry
    assert sorted(by_number) == list(range(len(made)))
    for index, event in enumerate(made):
        entry = by_number[index]
        # The narrative is there, whole, never an identifier, flag or type column.
        assert f"Entry {index} for Child A: mother said" in entry["event"], report
        if index % 3 == 0 and layout != "gp_consultations":
            assert f"Second paragraph of entry {index}" in entry["event"], report
        assert entry["date_start"] <= event.day <= entry["date_end"], (index, entry, report)
        if entry["precision"] == "day":
            assert entry["date_start"] == event.day, (entry["date_text"], event.day, report)
    results = commit_imports(ctx, plans)
    assert sum(r.imported for r in results) == len(made)


def test_month_formatted_cells_are_read_at_month_precision(ctx, review_id, tmp_path):
    made = events(12, seed=3)
    path = write_export(tmp_path, "adults", "month_formatted", made, "Adult B")
    plan = plan_imports(ctx, review_id, "Adult social care", path)[0]
    first = plan.entries[0]
    assert first["precision"] == "month" and first["date_start"] == made[0].day.replace(day=1)
    assert plan.entries[-1]["precision"] == "day"


def test_case_note_report_joins_title_and_note_and_leaves_out_title_rows_and_total(
    ctx, review_id, tmp_path
):
    made = events(5, seed=1)
    path = write_export(tmp_path, "csc", "social_care_case_notes", made, "Child A")
    plan = plan_imports(ctx, review_id, "Children's social care", path)[0]
    assert plan.table.header_row == 4
    event = plan.entries[0]["event"]
    assert event.startswith("Case Note Title: Visit 0 summary\nCase Note: Entry 0")
    assert plan.entries[0]["recorded"] == made[0].day
    assert plan.entries[0]["practitioner"].startswith("Siobhán Kavanagh")
    assert [n.reason for n in plan.table.left_out] == ["the report's footer"]
    lines = "\n".join(plan.report_lines())
    assert "Case Note ID → kept with each entry as imported" in lines
    assert "Total number of case notes" in lines


def test_police_log_never_takes_the_reference_or_flags_and_drops_page_headers(
    ctx, review_id, tmp_path
):
    made = events(45, seed=2)
    path = write_export(tmp_path, "police", "police_occurrences", made, "Child A")
    plan = plan_imports(ctx, review_id, "Police", path)[0]
    headings = {plan.table.headers[i] for i in plan.parts}
    assert headings == {"Summary", "Details"}
    reasons = [n.reason for n in plan.table.left_out]
    assert reasons.count("the column headings repeated (a page header)") == 2
    assert reasons.count("the report's title repeated (a page header)") == 2
    assert any("page header or footer" in r for r in reasons)
    assert plan.entries[0]["time"] == made[0].time


def test_us_dates_are_read_month_first_from_the_evidence(ctx, review_id, tmp_path):
    made = events(10, seed=9)
    path = write_export(tmp_path, "provider", "us_provider_csv", made, "Child A")
    plan = plan_imports(ctx, review_id, "Provider", path)[0]
    assert plan.date_order.order == "mdy" and "can only be read that way" in plan.date_order.reason


def test_ambiguous_dates_default_to_day_first_and_say_so(ctx, review_id, tmp_path):
    path = tmp_path / "a.csv"
    path.write_text("Date,Details\n03/04/2016,Seen at home with mother\n05/06/2016,Phone call\n")
    plan = plan_imports(ctx, review_id, "GP", path)[0]
    assert plan.entries[0]["date_start"] == date(2016, 4, 3)
    assert "--date-order mdy" in plan.date_order.reason
    plan = plan_imports(ctx, review_id, "GP", path, date_order="mdy")[0]
    assert plan.entries[0]["date_start"] == date(2016, 3, 4)


def test_a_legacy_word_document_is_refused_with_the_way_out(ctx, review_id, tmp_path):
    path = tmp_path / "imr.doc"
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600
    path.write_bytes(header + "WordDocument".encode("utf-16-le") + b"\x00" * 600)
    with pytest.raises(ImportRefused, match=r"save it as \.docx"):
        plan_imports(ctx, review_id, "Health", path)


def test_a_stray_bad_byte_is_flagged_on_its_row_and_names_stay_right(ctx, review_id, tmp_path):
    path = tmp_path / "da.csv"
    text = "Date,Worker,Notes\n" + "".join(
        f"{d:02d}/03/2016,Siobhán Kavanagh,Support session {d} with Zoë\n" for d in range(1, 20)
    )
    raw = text.encode("utf-8").replace(b"Support session 7", b"Support \x92session 7")
    path.write_bytes(raw)
    plan = plan_imports(ctx, review_id, "DA service", path)[0]
    assert all(e["practitioner"] == "Siobhán Kavanagh" for e in plan.entries)
    assert [n.row for n in plan.flagged] == [8]
    assert "not valid UTF-8" in plan.flagged[0].reason
    assert "Support \u2019session 7" in plan.entries[6]["event"]


def test_a_whole_windows_1252_file_is_read_as_such(ctx, review_id, tmp_path):
    made = events(8, seed=4)
    path = write_export(tmp_path, "da", "domestic_abuse_csv", made, "Child A")
    plan = plan_imports(ctx, review_id, "DA service", path)[0]
    assert plan.entries[0]["practitioner"] == "Siobhán Kavanagh"
    assert not plan.flagged


def test_refusal_names_the_headings_and_the_option(ctx, review_id, tmp_path):
    path = tmp_path / "odd.csv"
    path.write_text("Date,Officer,Ref\n01/02/2016,PC 1,INC-2016-001\n02/02/2016,PC 2,INC-2016-2\n")
    plan = plan_imports(ctx, review_id, "Police", path)[0]
    assert plan.problems and "Headings found: Date, Officer, Ref" in plan.problems[0]
    assert "--map event=" in plan.problems[0]
