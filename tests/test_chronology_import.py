"""Importing agency chronologies into a real store, and the merged chronology's queries."""

import csv
import shutil
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from app.chronology.entries import (
    EntryFilter,
    add_entry,
    edit_entry,
    fetch_entries,
    get_entry,
    move_entry,
    query_entry_ids,
    remove_entry,
    restore_entry,
    set_themes,
)
from app.chronology.episodes import link_entries
from app.chronology.export import entry_json
from app.chronology.importer import commit_import, import_chronology, plan_import
from app.chronology.reading import ImportRefused
from app.edits import apply_fields
from app.errors import ValidationError
from app.imrs import find_agency
from app.items import add_item
from app.reviews import create_review, get_review
from db.chronology_models import ChronologyEntry, ChronologyImport

SAMPLES = Path(__file__).parent / "data" / "chronologies"


@pytest.fixture
def review_id(ctx):
    return create_review(ctx, review_type="lcspr", reference="LCSPR-2026-09", title="Child T")


def _entries(ctx, review_id, flt=None, sort="date"):
    return fetch_entries(ctx, query_entry_ids(ctx, review_id, flt or EntryFilter(), sort))


def _count(ctx, model=ChronologyEntry):
    with ctx.session() as session:
        return session.scalar(select(func.count()).select_from(model))


def _sheet_rows(path: Path, sheet: str, header_row: int) -> int:
    """Non-blank rows under the header, counted with openpyxl (not the code under test)."""
    from openpyxl import load_workbook

    ws = load_workbook(path, read_only=True)[sheet]
    rows = list(ws.iter_rows(min_row=header_row + 1, values_only=True))
    return sum(1 for r in rows if any(v not in (None, "") for v in r))


@pytest.mark.parametrize(
    ("file_name", "agency", "sheet", "header_row"),
    [
        ("police_chronology.xlsx", "Constabulary", "IMR Chronology", 4),
        ("health_chronology.xlsx", "Health", "Chronology", 1),
        ("social_care_chronology.xlsx", "Children's Social Care", "Chronology", 1),
    ],
)
def test_each_sample_layout_imports_every_row(ctx, review_id, file_name, agency, sheet, header_row):
    path = SAMPLES / file_name
    result = import_chronology(ctx, review_id, agency, path)

    expected = _sheet_rows(path, sheet, header_row)
    assert result.imported == expected
    assert _count(ctx) == expected
    assert find_agency(ctx, review_id, agency) is not None  # added to the review on import
    rows = _entries(ctx, review_id)
    assert all(r.source_file == file_name and r.source_sheet == sheet for r in rows)
    assert {r.source_row for r in rows} <= set(range(header_row + 1, header_row + 1 + 500))
    dates = [r.sort_date for r in rows if r.sort_date]
    assert dates == sorted(dates)


def test_csv_with_bom_imports_with_its_real_header(ctx, review_id):
    path = SAMPLES / "school_chronology.csv"
    with open(path, encoding="utf-8-sig", newline="") as fh:
        data = list(csv.DictReader(fh))
    result = import_chronology(ctx, review_id, "Primary school", path)
    assert result.imported == len(data)
    first = _entries(ctx, review_id)[0]
    assert first.event == data[0]["Concern"]
    assert first.practitioner == data[0]["Staff member"]


def test_month_only_dates_keep_their_precision(ctx, review_id):
    import_chronology(ctx, review_id, "Health", SAMPLES / "health_chronology.xlsx")
    months = [r for r in _entries(ctx, review_id) if r.precision == "month"]
    assert months, "the health sample has month-only dates such as 'Jun 2014'"
    june = next(r for r in months if r.date_text == "Jun 2014")
    assert (june.date_start, june.date_end) == (date(2014, 6, 1), date(2014, 6, 30))
    assert entry_json(june)["date"] == "2014-06"
    assert not june.flagged


def _write_xlsx(path: Path, rows: list[list]) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Chronology"
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


HEADER = ["Date", "Practitioner", "Event type", "Details", "Outcome", "Notes"]


def test_bad_dates_are_flagged_and_continuations_keep_their_text(ctx, review_id, tmp_path):
    path = _write_xlsx(
        tmp_path / "gp.xlsx",
        [
            ["GP practice chronology"],
            HEADER,
            ["02/01/2008", "Dr A", "GP appointment", "Seen with a cough.", "Advice", "x"],
            [None, None, None, "Mother said <b>things</b> & left.", None, "continued 🙂"],
            ["31/02/2016", "Dr B", "Home visit", "Visit with an impossible date.", "", ""],
            ["?22 May 2016", "Dr C", "MFH", "Reported missing.", "", ""],
            ["summer 2007", "", "", "Family moved into the area.", "", ""],
            [None, "Dr D", "Supervision", "Undated entry of its own.", "", ""],
        ],
    )
    plan = plan_import(ctx, review_id, "GP practice", path)
    assert [n.row for n in plan.continuations] == [4]
    assert {n.row for n in plan.flagged} == {5, 8}
    result = commit_import(ctx, plan)
    assert result.imported == 5

    rows = {r.source_row: r for r in _entries(ctx, review_id)}
    assert rows[3].event == "Seen with a cough.\nMother said <b>things</b> & left.\ncontinued 🙂"
    assert [o["row"] for o in rows[3].original_cells()] == [3, 4]
    assert rows[5].flagged and "February" in rows[5].flag_reason
    assert rows[5].date_text == "31/02/2016" and rows[5].sort_date is None
    assert rows[6].precision == "approximate" and rows[6].event_type == "missing_episode"
    assert rows[7].date_text == "summer 2007" and rows[7].date_start == date(2007, 6, 1)
    assert rows[8].flagged and rows[8].event == "Undated entry of its own."
    # Undated entries come last; everything else in date order.
    assert [r.source_row for r in _entries(ctx, review_id)] == [7, 3, 6, 5, 8]


def test_reimport_replaces_the_earlier_import_and_keeps_tags(ctx, review_id, tmp_path):
    rows = [HEADER] + [
        [f"0{d}/03/2016", "PC 1", "Police incident", f"Event {d}", "", ""] for d in range(1, 6)
    ]
    first = _write_xlsx(tmp_path / "police.xlsx", rows)
    import_chronology(ctx, review_id, "Police", first)
    kept = next(r for r in _entries(ctx, review_id) if r.event == "Event 2")
    set_themes(ctx, [kept.id], "Information sharing", True)
    episode = add_item(ctx, "key_episode", review_id, {"title": "March 2016"})
    link_entries(ctx, episode, [kept.id])

    rows[3] = ["03/03/2016", "PC 1", "Police incident", "Event 3, corrected", "", ""]
    rows.append(["09/03/2016", "PC 2", "Arrest", "Event 9", "", ""])
    resent = _write_xlsx(tmp_path / "police.xlsx", rows)
    plan = plan_import(ctx, review_id, "police", resent)  # same agency, any case
    assert plan.replaces is not None
    assert (plan.replaces.unchanged, plan.replaces.added, plan.replaces.removed) == (4, 2, 1)
    result = commit_import(ctx, plan)

    assert result.replaced == 5 and result.imported == 6 and result.carried_over == 1
    assert _count(ctx) == 6 and _count(ctx, ChronologyImport) == 1
    again = next(r for r in _entries(ctx, review_id) if r.event == "Event 2")
    assert again.themes == ("Information sharing",) and again.episodes == ("March 2016",)


def test_mapping_is_remembered_per_agency(ctx, review_id, tmp_path):
    path = _write_xlsx(
        tmp_path / "odd.xlsx",
        [["When", "Who", "Narrative"], ["01/01/2015", "SW 1", "Visit."]],
    )
    chosen = {"date": "When", "practitioner": "Who", "event": "Narrative"}
    import_chronology(ctx, review_id, "Housing", path, mapping=chosen)
    second = _write_xlsx(
        tmp_path / "odd2.xlsx",
        [["Narrative", "When", "Who"], ["Second visit.", "02/01/2015", "SW 2"]],
    )
    plan = plan_import(ctx, review_id, "Housing", second)
    assert plan.mapping_source == "remembered"
    assert plan.mapping_by_header() == chosen
    assert plan.entries[0]["event"] == "Second visit."


@pytest.mark.parametrize(
    "content",
    [b"%PDF-1.4 not a spreadsheet", b"", b"PK\x03\x04 broken zip"],
    ids=["pdf", "empty", "broken zip"],
)
def test_refused_files_leave_the_store_unchanged(ctx, review_id, tmp_path, content):
    import_chronology(ctx, review_id, "Police", SAMPLES / "police_chronology.xlsx")
    before = _count(ctx)
    bad = tmp_path / "resent.xlsx"
    bad.write_bytes(content)
    with pytest.raises(ImportRefused) as refused:
        import_chronology(ctx, review_id, "Police", bad)
    assert "resent.xlsx" in str(refused.value)
    assert _count(ctx) == before and _count(ctx, ChronologyImport) == 1


def test_a_file_without_a_date_column_is_not_imported(ctx, review_id, tmp_path):
    path = _write_xlsx(tmp_path / "nodate.xlsx", [["Worker", "Details"], ["A", "B"]])
    plan = plan_import(ctx, review_id, "School", path)
    assert not plan.can_commit and any("date" in p.lower() for p in plan.problems)
    with pytest.raises(ImportRefused):
        commit_import(ctx, plan)
    assert _count(ctx) == 0


@pytest.fixture
def merged(ctx, review_id):
    for name, agency in [
        ("police_chronology.xlsx", "Police"),
        ("health_chronology.xlsx", "Health"),
        ("social_care_chronology.xlsx", "Children's Social Care"),
        ("school_chronology.csv", "School"),
    ]:
        import_chronology(ctx, review_id, agency, SAMPLES / name)
    return review_id


def test_filters_are_applied_in_the_query(ctx, merged):
    everything = _entries(ctx, merged)
    police = find_agency(ctx, merged, "Police")
    only_police = _entries(ctx, merged, EntryFilter(agency_ids=(police,)))
    assert only_police and {r.agency for r in only_police} == {"Police"}
    assert len(only_police) == sum(r.agency == "Police" for r in everything)

    window = EntryFilter(date_from=date(2015, 1, 1), date_to=date(2015, 12, 31))
    in_2015 = _entries(ctx, merged, window)
    assert in_2015 and all(r.date_start <= date(2015, 12, 31) for r in in_2015)
    assert all(r.date_end >= date(2015, 1, 1) for r in in_2015)
    overlapping = [
        r
        for r in everything
        if r.date_start and r.date_start <= date(2015, 12, 31) and r.date_end >= date(2015, 1, 1)
    ]
    assert [r.id for r in in_2015] == [r.id for r in overlapping]

    word = "supervision"
    found = _entries(ctx, merged, EntryFilter(text=word))
    assert found and len(found) == sum(
        word
        in (
            r.event
            + r.outcome
            + r.significance
            + r.source
            + r.practitioner
            + r.event_type_text
            + r.date_text
        ).lower()
        for r in everything
    )
    assert _entries(ctx, merged, EntryFilter(text="100%_")) == []


def test_sorting_by_agency_and_date(ctx, merged):
    by_agency = _entries(ctx, merged, sort="agency")
    names = [r.agency for r in by_agency]
    assert names == sorted(names)


def test_themes_and_episodes_filter(ctx, merged):
    rows = _entries(ctx, merged)[:7]
    set_themes(ctx, [r.id for r in rows[:3]], "Neglect", True)
    episode = add_item(ctx, "key_episode", merged, {"title": "Early years"})
    link_entries(ctx, episode, [r.id for r in rows[2:7]])
    assert [r.id for r in _entries(ctx, merged, EntryFilter(theme="Neglect"))] == [
        r.id for r in rows[:3]
    ]
    assert [r.id for r in _entries(ctx, merged, EntryFilter(episode_id=episode))] == [
        r.id for r in rows[2:7]
    ]


def test_editing_an_entry_rereads_its_date_and_can_be_undone(ctx, merged):
    entry = _entries(ctx, merged)[10]
    change = edit_entry(
        ctx, entry.id, {"date": "c. March 2017", "event_type": "Management oversight"}
    )
    edited = get_entry(ctx, entry.id)
    assert (edited.precision, edited.granularity, edited.date_start) == (
        "approximate",
        "month",
        date(2017, 3, 1),
    )
    assert edited.event_type == "supervision" and edited.event_type_text == "Management oversight"
    with pytest.raises(ValidationError, match="February"):
        edit_entry(ctx, entry.id, {"date": "30/02/2017"})
    assert get_entry(ctx, entry.id).date_start == date(2017, 3, 1)
    apply_fields(ctx, "chronology_entry", entry.id, change.before)
    assert get_entry(ctx, entry.id) == entry


def test_entries_added_moved_removed_and_restored(ctx, merged):
    police = find_agency(ctx, merged, "Police")
    day = _entries(ctx, merged)[0].date_text
    first = add_entry(ctx, merged, police, {"date": day, "event": "Added by hand"})
    second = add_entry(ctx, merged, police, {"date": day, "event": "Also by hand"})
    same_day = [r.id for r in _entries(ctx, merged) if r.date_text == day]
    assert same_day.index(first) < same_day.index(second)
    move_entry(ctx, second, -1)
    same_day = [r.id for r in _entries(ctx, merged) if r.date_text == day]
    assert same_day.index(second) < same_day.index(first)

    set_themes(ctx, [first], "Neglect", True)
    episode = add_item(ctx, "key_episode", merged, {"title": "Start"})
    link_entries(ctx, episode, [first])
    snapshot = remove_entry(ctx, first)
    assert first not in query_entry_ids(ctx, merged)
    restore_entry(ctx, snapshot)
    back = get_entry(ctx, first)
    assert (
        back.event == "Added by hand"
        and back.themes == ("Neglect",)
        and back.episodes == ("Start",)
    )


def test_removing_an_agency_removes_its_chronology(ctx, merged):
    from app.imrs import remove_agency

    before = _count(ctx)
    health = find_agency(ctx, merged, "Health")
    health_rows = len(_entries(ctx, merged, EntryFilter(agency_ids=(health,))))
    remove_agency(ctx, health)
    assert _count(ctx) == before - health_rows
    assert "Health" not in [i.agency for i in get_review(ctx, merged).imrs]


def test_a_renamed_copy_is_recognised_and_never_replaces_anything(ctx, review_id, tmp_path):
    import_chronology(ctx, review_id, "Police", SAMPLES / "police_chronology.xlsx")
    before = _count(ctx)
    copy = tmp_path / "police v2 FINAL.xlsx"
    shutil.copyfile(SAMPLES / "police_chronology.xlsx", copy)
    plan = plan_import(ctx, review_id, "Police", copy)
    assert plan.replaces is None
    assert "same file as police_chronology.xlsx" in plan.problems[0]
    with pytest.raises(ImportRefused):
        commit_import(ctx, plan)
    assert _count(ctx) == before


def test_search_follows_edits_deletes_and_restores(ctx, merged):
    entry = _entries(ctx, merged)[5]
    assert query_entry_ids(ctx, merged, EntryFilter(text="Quoxotic")) == []
    edit_entry(ctx, entry.id, {"outcome": "A quoxotic outcome, 100% checked"})
    assert query_entry_ids(ctx, merged, EntryFilter(text="QUOXOTIC")) == [entry.id]
    assert query_entry_ids(ctx, merged, EntryFilter(text="100%")) == [entry.id]
    snapshot = remove_entry(ctx, entry.id)
    assert query_entry_ids(ctx, merged, EntryFilter(text="quoxotic")) == []
    restore_entry(ctx, snapshot)
    assert query_entry_ids(ctx, merged, EntryFilter(text="quoxotic")) == [entry.id]


def test_a_log_writing_the_date_once_a_day_gives_later_rows_that_day(ctx, review_id, tmp_path):
    path = tmp_path / "log.csv"
    path.write_text(
        "Date,Time,Officer,Log\n"
        "14/03/2016,09:10,PC 1,Call from the school about Child A's bruise.\n"
        ",11:45,PC 2,Officers visited the home; mother not in.\n"
        ",08:00,PC 3,Entry with an earlier time and no date.\n"
    )
    plan = plan_import(ctx, review_id, "Police", path)
    second, third = plan.entries[1], plan.entries[2]
    assert second["date_start"] == date(2016, 3, 14) and not second["flagged"]
    assert "the day of the entry above (row 2) was used" in plan.continuations[0].reason
    assert third["flagged"] and third["date_start"] is None


@pytest.mark.parametrize("sqlite_version", [None, (3, 40, 1)])
def test_imported_entries_get_the_same_search_text_as_entries_added_by_hand(
    ctx, review_id, monkeypatch, sqlite_version
):
    """The bulk path (concat_ws, or || on an SQLite without it) writes exactly the text the
    one-at-a-time path writes, so a search finds an entry whichever way it came in."""
    from db.chronology_models import SEARCH_FIELDS, ChronologySearch, search_text

    if sqlite_version is not None:
        monkeypatch.setattr(ctx.store.engine.dialect, "server_version_info", sqlite_version)
    import_chronology(ctx, review_id, "Health", SAMPLES / "health_chronology.xlsx")
    with ctx.session() as session:
        entries = session.scalars(select(ChronologyEntry)).all()
        stored = dict(
            session.execute(select(ChronologySearch.entry_id, ChronologySearch.text)).all()
        )
    assert len(entries) > 20 and set(stored) == {e.id for e in entries}
    assert any(sum(bool(getattr(e, f)) for f in SEARCH_FIELDS) >= 3 for e in entries)
    for entry in entries:
        assert stored[entry.id] == search_text(entry)


def test_the_one_call_import_never_replaces_without_being_told(ctx, review_id, tmp_path):
    rows = [HEADER] + [[f"0{d}/03/2016", "PC 1", "Incident", f"Event {d}", "", ""] for d in (1, 2)]
    path = _write_xlsx(tmp_path / "police.xlsx", rows)
    import_chronology(ctx, review_id, "Police", path)
    rows[2] = ["02/03/2016", "PC 1", "Incident", "Event 2, corrected", "", ""]
    _write_xlsx(tmp_path / "police.xlsx", rows)

    with pytest.raises(ImportRefused) as refused:
        import_chronology(ctx, review_id, "Police", path)
    assert "1 unchanged, 1 new, 1 no longer in the file" in str(refused.value)
    assert "replace=True" in str(refused.value)
    assert sorted(r.event for r in _entries(ctx, review_id)) == ["Event 1", "Event 2"]

    result = import_chronology(ctx, review_id, "Police", path, replace=True)
    assert result.replaced == 2
    assert sorted(r.event for r in _entries(ctx, review_id)) == ["Event 1", "Event 2, corrected"]


def test_an_unreadable_time_flags_its_row_and_nothing_else(ctx, review_id, tmp_path):
    rows = [["Date", "Time", "Officer", "Details"]]
    rows += [
        ["01/03/2016", "teatime", "PC 1", "Visit with an unreadable time."],
        ["02/03/2016", "", "PC 1", "Visit with no time."],
        ["03/03/2016", "14:30", "PC 1", "Visit at half past two."],
        ["04/03/2016", 1430, "PC 1", "Time typed as a number."],
        ["05/03/2016", True, "PC 1", "A tick box in the time column."],
        ["06/03/2016", "teatime", "PC 2", "The same unreadable time again."],
    ]
    path = _write_xlsx(tmp_path / "times.xlsx", rows)
    import_chronology(ctx, review_id, "Police", path, mapping={"time": "Time"})
    by_event = {r.event: r for r in _entries(ctx, review_id)}
    assert by_event["Visit at half past two."].time == "14:30"
    assert by_event["Time typed as a number."].time == "14:30"
    flagged = {e: r.flag_reason for e, r in by_event.items() if r.flagged}
    assert flagged == {
        "Visit with an unreadable time.": "the time 'teatime' could not be read",
        "A tick box in the time column.": "the time 'Yes' could not be read",
        "The same unreadable time again.": "the time 'teatime' could not be read",
    }


def test_date_cells_are_their_days_with_nothing_to_read(ctx, review_id, tmp_path):
    """A column of date cells only (no text, no time) and a date recorded column of date
    cells: each entry has its day, the recorded day, an end date where given, and a day after
    the import is still flagged."""
    ctx.today_override = date(2026, 11, 30)
    path = _write_xlsx(
        tmp_path / "cells.xlsx",
        [
            ["Date", "End date", "Event", "Date recorded"],
            [date(2016, 3, 14), None, "Home visit.", date(2016, 3, 15)],
            [date(2016, 3, 14), date(2016, 3, 20), "Respite week.", date(2016, 3, 21)],
            [date(2061, 4, 3), None, "Planned review.", date(2016, 3, 22)],
            [date(2009, 1, 5), None, "Letter sent.", date(2009, 2, 1)],
        ],
    )
    plan = plan_import(ctx, review_id, "Children's social care", path)
    assert plan.mapping_by_header().get("end_date") == "End date"
    assert [n.row for n in plan.flagged] == [4]
    assert "03/04/2061 is after the day of import" in plan.flagged[0].reason
    commit_import(ctx, plan)
    rows = {r.source_row: r for r in _entries(ctx, review_id)}
    assert [(rows[n].date_text, rows[n].precision, rows[n].date_start) for n in (2, 5)] == [
        ("14/03/2016", "day", date(2016, 3, 14)),
        ("05/01/2009", "day", date(2009, 1, 5)),
    ]
    assert rows[3].date_end == date(2016, 3, 20) and rows[2].date_end == date(2016, 3, 14)
    assert [rows[n].recorded for n in (2, 3, 5)] == [
        date(2016, 3, 15),
        date(2016, 3, 21),
        date(2009, 2, 1),
    ]
    assert rows[5].recorded_text == "01/02/2009" and rows[5].time == ""
    assert not rows[2].flagged and rows[4].flagged
