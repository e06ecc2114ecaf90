"""More of the shapes agencies send, each built here as the system would write it, imported with
no options: the right date for every entry (whatever the form), the narrative as the event,
and never a date of birth, a referral date or a recording date taken for the event's date."""

import csv
from datetime import date, datetime, time, timedelta

import pytest
from openpyxl import Workbook

from app.chronology.entries import fetch_entries, query_entry_ids
from app.chronology.importer import import_chronology
from app.context import AppContext
from app.reviews import create_review
from db.store import open_store

TEXTS = [
    "Home visit; mother present, baby settled. Discussed safe sleep; review in two weeks.",
    "Telephone call from nursery: child collected late again by an adult who seemed unwell.",
    "Child not brought to the paediatric appointment; letter to the GP and health visitor.",
    "Attended A&E with a burn to the right hand; the explanation given was a hot tap.",
]
DAYS = [date(2019, 2, 1) + timedelta(days=11 * i) for i in range(10)]


def _ordinal(day: int) -> str:
    return {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd", 31: "st"}.get(day, "th")


def adults_steps(path):
    """A case system's workflow steps: ISO date-times, a completed date, short step names."""
    wb = Workbook()
    ws = wb.active
    ws.append(["Person ID", "Step Name", "Start Date", "Completed Date", "Worker Name",
               "Observations"])  # fmt: skip
    for i, day in enumerate(DAYS):
        start = datetime.combine(day, time(10, 0))
        ws.append([1002345, "Visit", start, start + timedelta(days=3), "Worker", TEXTS[i % 4]])
    wb.save(path)


def school_concerns(path):
    """Two-digit years, the narrative in a Concern column, staff initials."""
    with open(path, "w", newline="", encoding="utf-8-sig") as f:
        w = csv.writer(f)
        w.writerow(["Date (dd/mm/yy)", "Concern", "Action Taken", "Staff initials", "Category"])
        for i, day in enumerate(DAYS):
            w.writerow([f"{day:%d/%m/%y}", TEXTS[i % 4], "Told the DSL.", "JK", "Neglect"])


def police_niche(path):
    """Upper-case headings, "01-Feb-2019 14:22" as text, references and Y/N flags."""
    wb = Workbook()
    ws = wb.active
    ws.append(["OCCURRENCE NO", "REPORTED DATE/TIME", "OCCURRENCE TYPE", "OIC", "MO / SUMMARY",
               "DV FLAG"])  # fmt: skip
    for i, day in enumerate(DAYS):
        ws.append([f"OCC/{3400 + i}/19", f"{day:%d-%b-%Y} 14:22", "Concern for safety",
                   "PC 4471", TEXTS[i % 4], "Y" if i % 2 else "N"])  # fmt: skip
    wb.save(path)


def semicolons(path):
    """A European export: semicolons, dotted dates."""
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, delimiter=";")
        w.writerow(["Datum/Date", "Contact type", "Details of contact", "Outcome"])
        for i, day in enumerate(DAYS):
            w.writerow([f"{day:%d.%m.%Y}", "Visit", TEXTS[i % 4], "Ongoing"])


def written_dates(path):
    """A title, then dates written out ("13th February 2019")."""
    wb = Workbook()
    ws = wb.active
    ws.append(["Chronology of significant events"])
    ws.append([])
    ws.append(["When", "What happened", "Agency response"])
    for i, day in enumerate(DAYS):
        ws.append([f"{day.day}{_ordinal(day.day)} {day:%B %Y}", TEXTS[i % 4], "Advice given"])
    wb.save(path)


def with_date_of_birth(path):
    """A date of birth and a recording date beside the date of contact."""
    wb = Workbook()
    ws = wb.active
    ws.append(["Client Name", "DOB", "Date Recorded", "Date of Contact", "Details", "Staff"])
    for i, day in enumerate(DAYS):
        ws.append(["Child Q", date(2018, 5, 17), day + timedelta(days=i % 4), day, TEXTS[i % 4],
                   "HV"])  # fmt: skip
    wb.save(path)


def cover_block(path):
    """A block of case details above the table."""
    wb = Workbook()
    ws = wb.active
    for key, value in [("Agency", "Community Paediatrics"), ("Date of birth", "17/05/2018"),
                       ("Period covered", "01/02/2019 to 30/06/2019"), (None, None)]:  # fmt: skip
        ws.append([key, value])
    ws.append(["Date", "Event / Contact", "Agency Response", "Analysis"])
    for i, day in enumerate(DAYS):
        ws.append([f"{day:%d/%m/%Y}", TEXTS[i % 4], "Follow-up booked", ""])
    wb.save(path)


def excel_serials(path):
    """Dates saved as Excel day numbers, run-together headings."""
    with open(path, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["EventDate", "EventTime", "EventDescription", "UserName"])
        for i, day in enumerate(DAYS):
            w.writerow([(day - date(1899, 12, 30)).days, "0.4375", TEXTS[i % 4], "jsmith"])


def referral_and_appointment(path):
    """The same referral date on every row beside each appointment's date."""
    with open(path, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["Referral received", "Appointment date", "Clinician", "Appointment outcome",
                    "Clinical note"])  # fmt: skip
        for i, day in enumerate(DAYS):
            w.writerow(["20/01/2019", f"{day:%d/%m/%Y}", "CAMHS practitioner", "Attended",
                        TEXTS[i % 4]])  # fmt: skip


LAYOUTS = {
    "adults_steps.xlsx": adults_steps,
    "school_concerns.csv": school_concerns,
    "police_niche.xlsx": police_niche,
    "semicolons.csv": semicolons,
    "written_dates.xlsx": written_dates,
    "with_date_of_birth.xlsx": with_date_of_birth,
    "cover_block.xlsx": cover_block,
    "excel_serials.csv": excel_serials,
    "referral_and_appointment.csv": referral_and_appointment,
}


@pytest.fixture
def ctx(tmp_path):
    store = open_store(tmp_path / "s.db")
    yield AppContext(store, "tester", today_override=date(2025, 3, 14))
    store.close()


@pytest.mark.parametrize("name", sorted(LAYOUTS))
def test_each_imports_fully_right_with_no_options(ctx, tmp_path, name):
    review_id = create_review(ctx, review_type="lcspr", reference="R-1", title="Child Q")
    path = tmp_path / name
    LAYOUTS[name](path)
    result = import_chronology(ctx, review_id, "Agency", path)
    assert result.imported == len(DAYS)
    rows = fetch_entries(ctx, query_entry_ids(ctx, review_id))
    assert [r.date_start for r in rows] == DAYS
    assert [r.shown_date for r in rows] == [f"{d:%d/%m/%Y}" for d in DAYS]
    assert [r.event.strip() for r in rows] == [TEXTS[i % 4] for i in range(len(DAYS))]
    assert not any(r.flagged for r in rows), [r.flag_reason for r in rows if r.flagged]


def test_officers_written_by_rank_and_number_are_the_practitioners(ctx, tmp_path):
    """Police systems name an officer by rank and collar number ("PC 4471", "DS 22 Khan"):
    a person, not a reference number."""
    officers = ["PC 4471", "PS 1180", "A/Sgt 4410", "DC 2093 Khan", "PCSO 7712"]
    wb = Workbook()
    ws = wb.active
    ws.append(["Occurrence Ref", "Date/Time", "Occurrence Type", "Officer", "Narrative"])
    for i, day in enumerate(DAYS):
        ws.append([f"OCC/{100 + i}/19", datetime.combine(day, time(23, 5)), "Concern for safety",
                   officers[i % 5], TEXTS[i % 4]])  # fmt: skip
    wb.save(tmp_path / "officers.xlsx")
    review_id = create_review(ctx, review_type="lcspr", reference="R-2", title="Child Q")
    import_chronology(ctx, review_id, "Police", tmp_path / "officers.xlsx")
    rows = fetch_entries(ctx, query_entry_ids(ctx, review_id))
    assert [r.practitioner for r in rows] == [officers[i % 5] for i in range(len(DAYS))]
    assert [r.event.strip() for r in rows] == [TEXTS[i % 4] for i in range(len(DAYS))]


def test_a_separator_inside_unquoted_text_is_joined_back_and_flagged(ctx, tmp_path):
    """An export that does not quote its text: a semicolon inside the last column splits it.
    The pieces are joined back into that column, and the row is flagged for checking."""
    lines = ["Date;Contact with;Details"]
    lines += [f"{day:%d.%m.%Y};Mother;Home visit, all well." for day in DAYS[:4]]
    lines.append(f"{DAYS[4]:%d.%m.%Y};Father;Refused entry; police called; children seen later.")
    (tmp_path / "housing.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    review_id = create_review(ctx, review_type="lcspr", reference="R-3", title="Child Q")
    result = import_chronology(ctx, review_id, "Housing", tmp_path / "housing.csv")
    rows = fetch_entries(ctx, query_entry_ids(ctx, review_id))
    assert result.imported == 5
    last = rows[-1]
    assert last.event == "Refused entry; police called; children seen later."
    assert last.flagged and "separator is inside its text" in last.flag_reason
    assert not any(r.flagged for r in rows[:-1])


def test_a_school_concerns_log_names_the_pupil_and_who_added_each_concern(ctx, tmp_path):
    """A school safeguarding system's export: the pupil in a Student column, the member of
    staff in Added By, a status and categories beside the incident and the actions."""
    with open(tmp_path / "concerns.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["Incident Date", "Student", "Categories", "Incident", "Actions", "Status",
                    "Added By"])  # fmt: skip
        for i, day in enumerate(DAYS):
            w.writerow([f"{day:%d/%m/%Y} 09:15", "Child Q", "Safeguarding", TEXTS[i % 4],
                        "DSL informed.", "Closed", ["Mrs K Lee", "Mr D Okafor"][i % 2]])  # fmt: skip
    review_id = create_review(ctx, review_type="lcspr", reference="R-4", title="Child Q")
    import_chronology(ctx, review_id, "School", tmp_path / "concerns.csv")
    rows = fetch_entries(ctx, query_entry_ids(ctx, review_id))
    assert [r.date_start for r in rows] == DAYS
    assert [r.event.strip() for r in rows] == [TEXTS[i % 4] for i in range(len(DAYS))]
    assert {r.subjects for r in rows} == {"Child Q"}
    assert [r.practitioner for r in rows] == [
        ["Mrs K Lee", "Mr D Okafor"][i % 2] for i in range(10)
    ]
    assert {r.outcome for r in rows} == {"DSL informed."}
