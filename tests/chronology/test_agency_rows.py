"""A chronology merged across agencies: a column naming each row's agency sends each row to
that agency's chronology (a rapid review's combined chronology, or one exported by another
review and handed on)."""

from datetime import date

import pytest
from openpyxl import Workbook
from sqlalchemy import select

from app.chronology.agency_rows import sheets_named_for_agencies
from app.chronology.entries import EntryFilter, fetch_entries, query_entry_ids
from app.chronology.export import export_chronology
from app.chronology.importer import (
    commit_imports,
    import_chronology,
    plan_imports,
    unconfirmed_replacements,
)
from app.imrs import add_agency
from app.reviews import create_review
from db.models import Agency


@pytest.fixture
def review_id(ctx):
    return create_review(ctx, review_type="lcspr", reference="LCSPR-2026-11", title="Child K")


def _xlsx(path, rows):
    wb = Workbook()
    ws = wb.active
    ws.title = "Combined chronology"
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


MERGED = [
    ["Rapid review: combined chronology"],
    ["Date", "Agency", "Practitioner", "Event", "Outcome"],
    [date(2016, 3, 14), "Police", "PC 1234", "Attended after a neighbour's call.", "DASH: medium"],
    [date(2016, 3, 15), "Children's Social Care", "Duty SW", "Police referral received.", "NFA"],
    [None, None, None, "Manager agreed: no further action.", ""],
    [
        date(2016, 4, 2),
        "Health visiting",
        "HV",
        "New birth visit; mother low.",
        "Review in 2 weeks",
    ],
    [date(2016, 4, 3), None, "HV", "Telephone call to mother.", "No answer"],
    [date(2016, 4, 20), "police", "PC 2231", "Second call; mother had a cut lip.", "Arrest"],
]


def _by_agency(ctx, review_id):
    rows = fetch_entries(ctx, query_entry_ids(ctx, review_id, EntryFilter()))
    found: dict[str, list[str]] = {}
    for row in rows:
        found.setdefault(row.agency, []).append(row.event)
    return found


def test_each_row_goes_to_the_agency_its_column_names(ctx, review_id, tmp_path):
    add_agency(ctx, review_id, "POLICE")  # already in the review, written otherwise
    path = _xlsx(tmp_path / "combined.xlsx", MERGED)
    plans = plan_imports(ctx, review_id, "Rapid review", path)
    assert [p.agency_name for p in plans] == ["Police", "Children's Social Care", "Health visiting"]
    assert plans[0].agency_id is not None and plans[1].agency_id is None
    assert [len(p.entries) for p in plans] == [2, 1, 2]
    assert all(p.agency_column == 1 for p in plans)
    assert "names 3 agencies" in " ".join(plans[0].report_lines())
    assert any(
        line.startswith("Column Agency → the agency each row goes to")
        for line in plans[1].report_lines()
    )
    commit_imports(ctx, plans)

    assert _by_agency(ctx, review_id) == {
        "POLICE": ["Attended after a neighbour's call.", "Second call; mother had a cut lip."],
        "Children's Social Care": ["Police referral received.\nManager agreed: no further action."],
        "Health visiting": ["New birth visit; mother low.", "Telephone call to mother."],
    }
    with ctx.session() as session:
        names = session.scalars(select(Agency.name).where(Agency.review_id == review_id)).all()
    assert sorted(names) == ["Children's Social Care", "Health visiting", "POLICE"]


def test_rows_before_any_agency_are_the_given_agencys(ctx, review_id, tmp_path):
    rows = [
        ["Date", "Organisation", "Details"],
        ["01/02/2016", "", "Undated agency: the file's own."],
        ["02/02/2016", "GP practice", "Seen with a cough."],
        ["03/02/2016", "School", "Absent all week."],
    ]
    path = _xlsx(tmp_path / "partnership.xlsx", rows)
    plans = plan_imports(ctx, review_id, "Partnership business unit", path)
    assert [(p.agency_name, len(p.entries)) for p in plans] == [
        ("Partnership business unit", 1),
        ("GP practice", 1),
        ("School", 1),
    ]


def test_a_single_agencys_file_or_a_team_column_is_not_split(ctx, review_id, tmp_path):
    one = _xlsx(
        tmp_path / "police.xlsx",
        [["Date", "Agency", "Event"]] + [[f"0{d}/03/2016", "Police", f"Call {d}."] for d in (1, 2)],
    )
    teams = _xlsx(
        tmp_path / "trust.xlsx",
        [["Date", "Service", "Event"], ["01/03/2016", "Health visiting", "Visit."]]
        + [["02/03/2016", "School nursing", "Drop-in."]],
    )
    for path, agency in ((one, "Police"), (teams, "Community health trust")):
        plans = plan_imports(ctx, review_id, agency, path)
        assert [(p.agency_name, p.agency_column) for p in plans] == [(agency, None)]


def test_the_split_can_be_turned_off(ctx, review_id, tmp_path):
    path = _xlsx(tmp_path / "combined.xlsx", MERGED)
    plans = plan_imports(ctx, review_id, "Rapid review", path, by_agency=False)
    assert [(p.agency_name, len(p.entries)) for p in plans] == [("Rapid review", 5)]


def test_importing_the_merged_file_again_replaces_each_agencys_part(ctx, review_id, tmp_path):
    path = _xlsx(tmp_path / "combined.xlsx", MERGED)
    commit_imports(ctx, plan_imports(ctx, review_id, "Rapid review", path))
    again = plan_imports(ctx, review_id, "Rapid review", path)
    assert all(p.replaces is not None for p in again)
    refusals = unconfirmed_replacements(again, "pass replace=True")
    assert len(refusals) == 3 and "Health visiting" in " ".join(refusals)
    commit_imports(ctx, again, replace=True)
    assert sum(len(v) for v in _by_agency(ctx, review_id).values()) == 5

    # The file sent again without the health visitor's rows: theirs stay, and the plan says so.
    _xlsx(path, [row for row in MERGED if len(row) < 2 or row[1] != "Health visiting"])
    third = plan_imports(ctx, review_id, "Rapid review", path)
    assert [p.agency_name for p in third] == ["Police", "Children's Social Care"]
    left = [line for line in third[0].report_lines() if line.startswith("Health visiting's")]
    assert len(left) == 1 and left[0].startswith(
        "Health visiting's 2 entries from the import of this file on "
    )
    assert left[0].endswith("stay in the chronology as they were: the file no longer names it.")
    assert not any("Police's" in line for line in third[0].report_lines())


def test_an_exported_chronology_comes_back_into_its_agencies(ctx, review_id, tmp_path):
    for agency, events in (
        ("Police", [("14/03/2016", "Call to the flat."), ("Mar 2016", "Intelligence logged.")]),
        ("School", [("15/03/2016", "Absent."), ("Spring term 2016", "Attendance below 80%.")]),
    ):
        source = _xlsx(
            tmp_path / f"{agency}.xlsx",
            [["Date", "Event"]] + [[d, e] for d, e in events],
        )
        import_chronology(ctx, review_id, agency, source)
    exported = tmp_path / "chronology.xlsx"
    assert export_chronology(ctx, review_id, exported) == 4
    other = create_review(ctx, review_type="lcspr", reference="LCSPR-2026-12", title="Child L")
    plans = plan_imports(ctx, other, "Handed on", exported)
    # The export's own 'About' sheet describes the workbook: it is not offered as chronology.
    assert not any("About" in line for plan in plans for line in plan.report_lines())
    commit_imports(ctx, plans)

    def entries(rid):
        return sorted(
            (r.agency, r.date_start, r.date_end, r.precision, r.event)
            for r in fetch_entries(ctx, query_entry_ids(ctx, rid, EntryFilter()))
        )

    assert entries(other) == entries(review_id)


@pytest.mark.parametrize(
    ("heading", "split"),
    [
        ("Agency Name", True),
        ("Name of agency", True),
        ("Source agency", True),
        ("Agency/Service", True),
        ("ORGANISATION", True),
        ("Service", False),
        ("Team", False),
        ("Source", False),
    ],
)
def test_the_headings_naming_each_rows_agency(ctx, review_id, tmp_path, heading, split):
    rows = [["Date", heading, "Worker", "Information"]]
    rows += [
        ["14/03/2016", "Police", "PC 1234 Hale", "Attended after a neighbour's call."],
        ["15/03/2016", "Children's Social Care", "Sam Ellery", "Referral screened."],
        ["16/03/2016", "Police", "PC 2231 Ross", "Second call to the flat."],
    ]
    plans = plan_imports(ctx, review_id, "Rapid review", _xlsx(tmp_path / "c.xlsx", rows))
    expected = ["Police", "Children's Social Care"] if split else ["Rapid review"]
    assert [p.agency_name for p in plans] == expected
    # The agency's name is never taken for the practitioner's.
    assert plans[0].mapping_by_header()["practitioner"] == "Worker"


# --- a workbook of one sheet per agency --------------------------------------------------------


def _per_agency_workbook(path, sheets):
    wb = Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        ws.append(["Date", "Practitioner", "Event"])
        for row in rows:
            ws.append(row)
    wb.save(path)
    return path


RETURNS = {
    "Police": [[date(2016, 3, 14), "PC 1234", "Attended after a neighbour's call."]],
    "health visiting": [
        [date(2016, 4, 2), "HV", "New birth visit; mother low."],
        [date(2016, 5, 2), "HV", "Six week check."],
    ],
    "Brackenford Children's Social C": [[date(2016, 3, 15), "Duty SW", "Referral received."]],
}


def test_sheet_names_and_the_review_s_agencies():
    agencies = [(1, "Police"), (2, "Health Visiting"), (3, "Brackenford Children's Social Care")]
    named = sheets_named_for_agencies(["police", " Health  visiting"], agencies)
    assert named == [(1, "Police"), (2, "Health Visiting")]
    # A name Excel cut at 31 characters matches the one agency it begins.
    assert sheets_named_for_agencies(["Police", "Brackenford Children's Social C"], agencies) == [
        (1, "Police"),
        (3, "Brackenford Children's Social Care"),
    ]
    # One sheet named otherwise, or every sheet naming the same agency: one agency's sheets.
    assert sheets_named_for_agencies(["Police", "2016"], agencies) is None
    assert sheets_named_for_agencies(["Police", "POLICE "], agencies) is None
    assert sheets_named_for_agencies(["Brackenford"], agencies) is None
    assert sheets_named_for_agencies(["Police", "Health"], agencies) is None


def test_each_sheet_named_after_an_agency_goes_to_it(ctx, review_id, tmp_path):
    for name in ("Police", "Health Visiting", "Brackenford Children's Social Care"):
        add_agency(ctx, review_id, name)
    path = _per_agency_workbook(tmp_path / "returns.xlsx", RETURNS)
    plans = plan_imports(ctx, review_id, "Rapid review", path)
    assert [(p.agency_name, len(p.entries)) for p in plans] == [
        ("Police", 1),
        ("Health Visiting", 2),
        ("Brackenford Children's Social Care", 1),
    ]
    assert all(p.agency_id is not None and p.agency_from_sheet for p in plans)
    assert "each sheet goes to its own agency's chronology" in " ".join(plans[0].report_lines())
    commit_imports(ctx, plans)
    assert _by_agency(ctx, review_id) == {
        "Police": ["Attended after a neighbour's call."],
        "Health Visiting": ["New birth visit; mother low.", "Six week check."],
        "Brackenford Children's Social Care": ["Referral received."],
    }
    with ctx.session() as session:  # "Rapid review" was not added as an agency
        assert len(session.scalars(select(Agency.id)).all()) == 3

    # Imported again, each sheet replaces its own agency's earlier part, and asks first.
    again = plan_imports(ctx, review_id, "Rapid review", path)
    assert [p.replaces.old_count for p in again] == [1, 2, 1]
    assert len(unconfirmed_replacements(again)) == 3


def test_sheets_not_all_named_after_agencies_stay_one_agency_s(ctx, review_id, tmp_path):
    add_agency(ctx, review_id, "Police")
    path = _per_agency_workbook(tmp_path / "returns.xlsx", RETURNS)
    plans = plan_imports(ctx, review_id, "Rapid review", path)
    assert {p.agency_name for p in plans} == {"Rapid review"}
    assert [len(p.entries) for p in plans] == [1, 2, 1]
    assert not any(p.agency_from_sheet for p in plans)


def test_one_agency_takes_every_sheet_when_asked(ctx, review_id, tmp_path):
    for name in ("Police", "Health Visiting", "Brackenford Children's Social Care"):
        add_agency(ctx, review_id, name)
    path = _per_agency_workbook(tmp_path / "returns.xlsx", RETURNS)
    plans = plan_imports(ctx, review_id, "Police", path, by_agency=False)
    assert [(p.agency_name, len(p.entries)) for p in plans] == [
        ("Police", 1),
        ("Police", 2),
        ("Police", 1),
    ]
