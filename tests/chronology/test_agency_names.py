"""One agency, however its name is written: an import, a sheet or a column naming an agency
with other accents, case, spacing, apostrophes or "&" goes to that agency, never to a second
agency beside it; its remembered columns are found; adding it twice is refused."""

import pytest
from openpyxl import Workbook
from sqlalchemy import select

from app.agency_names import agency_key
from app.chronology.importer import import_chronology, plan_import
from app.errors import ValidationError
from app.imrs import add_agency, find_agency
from app.reviews import create_review
from db.chronology_models import ChronologyEntry, ColumnMapping
from db.models import Agency


@pytest.fixture
def review_id(ctx):
    return create_review(ctx, review_type="sar", reference="SAR-2026-31", title="Adult R")


def _book(path, sheets: dict[str, list[list]]):
    book = Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


def _rows(n: int, start: int = 1) -> list[list]:
    return [["Date", "Officer", "Details"]] + [
        [f"{day:02d}/03/2019", "Housing officer", f"Tenancy visit number {day}: flat checked."]
        for day in range(start, start + n)
    ]


def _agencies(ctx, review_id) -> dict[str, int]:
    with ctx.session() as session:
        agencies = session.scalars(select(Agency).where(Agency.review_id == review_id)).all()
        counts = {}
        for agency in agencies:
            counts[agency.name] = len(
                session.scalars(
                    select(ChronologyEntry.id).where(ChronologyEntry.agency_id == agency.id)
                ).all()
            )
        return counts


@pytest.mark.parametrize(
    ("written", "typed"),
    [
        ("Tŷ Mererid Housing", "Ty Mererid housing"),
        ("Children’s Social Care", "children's  social care"),
        ("Health & Wellbeing Service", "Health and Wellbeing Service"),
        ("Sérvice Éducatif", "SERVICE EDUCATIF"),
    ],
)
def test_an_import_for_a_name_written_differently_goes_to_that_agency(
    ctx, review_id, tmp_path, written, typed
):
    add_agency(ctx, review_id, written)
    path = _book(tmp_path / "return.xlsx", {"Chronology": _rows(3)})
    import_chronology(ctx, review_id, typed, path)
    assert _agencies(ctx, review_id) == {written: 3}
    assert find_agency(ctx, review_id, typed) == find_agency(ctx, review_id, written)


def test_adding_the_same_agency_written_differently_is_refused(ctx, review_id):
    add_agency(ctx, review_id, "Tŷ Mererid Housing")
    with pytest.raises(ValidationError, match="Tŷ Mererid Housing"):
        add_agency(ctx, review_id, "Ty  Mererid Housing")
    add_agency(ctx, review_id, "Mererid Housing")  # another name altogether is welcome
    assert set(_agencies(ctx, review_id)) == {"Tŷ Mererid Housing", "Mererid Housing"}


def test_a_merged_chronology_names_one_agency_however_each_row_writes_it(ctx, review_id, tmp_path):
    rows = [["Date", "Agency", "Details"]]
    names = ["Children’s Social Care", "Gwent Police", "Children's social care",
             "GWENT POLICE", "Children's  Social Care"]  # fmt: skip
    for day, name in enumerate(names, start=1):
        rows.append([f"{day:02d}/04/2019", name, f"Contact {day} recorded by the agency."])
    path = _book(tmp_path / "merged.xlsx", {"Chronology": rows})
    import_chronology(ctx, review_id, "Rapid review", path)
    counts = _agencies(ctx, review_id)
    assert sorted(counts.values()) == [2, 3]
    assert set(map(agency_key, counts)) == {"children's social care", "gwent police"}


def test_sheets_named_after_agencies_written_differently_go_to_them(ctx, review_id, tmp_path):
    add_agency(ctx, review_id, "Tŷ Mererid Housing")
    add_agency(ctx, review_id, "Ysgol Gynradd Glan-y-Môr")
    path = _book(
        tmp_path / "returns.xlsx",
        {"Ty Mererid Housing": _rows(2), "Ysgol Gynradd Glan-y-Mor": _rows(4, 10)},
    )
    import_chronology(ctx, review_id, "Returns", path)
    assert _agencies(ctx, review_id) == {"Tŷ Mererid Housing": 2, "Ysgol Gynradd Glan-y-Môr": 4}


def test_remembered_columns_are_found_under_a_name_written_differently(ctx, review_id, tmp_path):
    first = _book(tmp_path / "a.xlsx", {"Log": [["When", "Who", "Narrative"],
                                                ["01/01/2015", "Officer 1", "Visit made."]]})  # fmt: skip
    chosen = {"date": "When", "practitioner": "Who", "event": "Narrative"}
    import_chronology(ctx, review_id, "Tŷ Mererid Housing", first, mapping=chosen)
    second = _book(tmp_path / "b.xlsx", {"Log": [["Narrative", "When", "Who"],
                                                 ["Second visit.", "02/01/2015", "Officer 2"]]})  # fmt: skip
    plan = plan_import(ctx, review_id, "TY MERERID HOUSING", second)
    assert plan.mapping_source == "remembered"
    assert plan.mapping_by_header() == chosen


def test_columns_remembered_by_an_earlier_version_are_still_found_and_rekeyed(
    ctx, review_id, tmp_path
):
    # A store made before kept the name in lower case, accents and all.
    chosen = {"date": "When", "practitioner": "Who", "event": "Narrative"}
    with ctx.session() as session:
        session.add(
            ColumnMapping(agency_key="tŷ mererid housing", mapping=str(chosen).replace("'", '"'))
        )
    second = _book(tmp_path / "b.xlsx", {"Log": [["Narrative", "When", "Who"],
                                                 ["A visit.", "02/01/2015", "Officer 2"]]})  # fmt: skip
    plan = plan_import(ctx, review_id, "Tŷ Mererid Housing", second)
    assert plan.mapping_source == "remembered"
    import_chronology(ctx, review_id, "Tŷ Mererid Housing", second)
    with ctx.session() as session:
        keys = session.scalars(select(ColumnMapping.agency_key)).all()
    assert keys == ["ty mererid housing"]
