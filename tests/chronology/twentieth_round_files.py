"""The twentieth round's files: shapes not met before (a data warehouse's dates written as the
year and the day of the year ("2016-074"), a case system's notes with audit columns ("Entered
by", "Amended by", "Amended on") beside the worker, progress notes recorded days later whose
own first line says "Date of contact:", a web export paged by offset that repeats the last
row of each page as the first of the next, a Welsh council's bilingual log with mutated month
names and Welsh ordinals, a heading that names the month-first order of dates that could be
read either way, a workbook written by a reporting tool with date and time formulas and no
values saved, a foster carer's weekly diary with a column for each day, an ambulance
service's patient record extract with a time for each stage of the call, a list with the
weekday in brackets after each date, a file with only carriage returns between its lines,
and a youth justice log with a worker column for each of two workers). Each builder writes a
file into a folder and returns (path, truth). All names are fictional."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from tests.chronology.eighth_round_text import _write
from tests.chronology.fourteenth_round_files import _timed
from tests.chronology.robust_files import DAYS, TEXTS, TIMES, TYPES, WORKERS, Expected
from tests.chronology.seventh_round_sheets import _book, _save, _t

SAID: dict[str, list[str]] = {}
NOT_SAID: dict[str, list[str]] = {}
KEY_TEXTS: dict[str, list[str]] = {}
KEPT: dict[str, list[list[str]]] = {}
SAID["paged_overlap_rows"] = ["the same in every cell as row"]


def _all(i: int) -> Expected:
    return _timed(i, practitioner=WORKERS[i % 4], event_type=TYPES[i % 4])


def _at(i: int) -> datetime:
    return datetime.combine(DAYS[i], TIMES[i])


# --- 1. the year and the day of the year -----------------------------------------------------


def day_of_year_dates(folder: Path):
    """A data warehouse's extract with each date as the year and the day of the year, as older
    mainframe systems kept them ("2016-074" for 14 March 2016), the time apart."""
    rows = [["EVENT_DATE_YYYYDDD", "EVENT_TIME", "OFFICER", "EVENT_TYPE", "NARRATIVE"]]
    for i in range(8):
        at = _at(i)
        rows.append([f"{at:%Y-%j}", f"{at:%H:%M}", WORKERS[i % 4], TYPES[i % 4], TEXTS[i]])
    path = folder / "day_of_year_dates.csv"
    _write(path, rows)
    return path, [_all(i) for i in range(8)]


# --- 2. audit columns beside the worker ------------------------------------------------------


def audit_amended_columns(folder: Path):
    """A children's case system's case notes with its audit columns: who entered each note and
    when (two days later), and who amended it last and when (a month later, an admin officer)."""
    rows = [["Contact Date", "Worker", "Contact Type", "Entered By", "Entered On",
             "Amended By", "Amended On", "Note"]]  # fmt: skip
    for i in range(8):
        at = _at(i)
        rows.append([at, WORKERS[i % 4], TYPES[i % 4], WORKERS[(i + 1) % 4],
                     at + timedelta(days=2, hours=1), "Lee Hartigan",
                     at + timedelta(days=31, hours=2), TEXTS[i]])  # fmt: skip
    wb, ws = _book(rows, title="Case Notes")
    for row in ws.iter_rows(min_row=2):
        for col in (0, 4, 6):
            row[col].number_format = "dd/mm/yyyy hh:mm"
    return _save(wb, folder, "audit_amended_columns.xlsx"), [_all(i) for i in range(8)]


# --- 3. "Date of contact:" inside a note recorded later ---------------------------------------


def contact_date_in_note(folder: Path):
    """Progress notes whose only date column is the day each note was typed (up to five days
    after the contact); each note's first lines say when the contact was made."""
    rows = [["Date Recorded", "Recorded By", "Progress Note"]]
    for i in range(8):
        at = _at(i)
        typed = at + timedelta(days=1 + i % 5, hours=2)
        note = (f"Date of contact: {at:%d/%m/%Y}\nTime of contact: {at:%H:%M}\n"
                f"Contact type: {TYPES[i % 4]}\n{TEXTS[i]}")  # fmt: skip
        rows.append([f"{typed:%d/%m/%Y %H:%M}", WORKERS[i % 4], note])
    path = folder / "contact_date_in_note.csv"
    _write(path, rows)
    return path, [_timed(i, practitioner=WORKERS[i % 4]) for i in range(8)]


# --- 4. pages that overlap by a row ----------------------------------------------------------


def paged_overlap_rows(folder: Path):
    """A web case system's export fetched three rows a page, each page starting with the row the
    last one ended on, so that row is written twice, the same in every cell."""
    body = [[f"{_at(i):%d/%m/%Y %H:%M}", WORKERS[i % 4], TYPES[i % 4], TEXTS[i]] for i in range(8)]
    rows = [["Date", "Worker", "Type", "Details"]]
    start = 0
    while start < len(body):
        rows.extend(body[start : start + 3])
        start += 2
    path = folder / "paged_overlap_rows.csv"
    _write(path, rows)
    return path, [_all(i) for i in range(8)]


# --- 5. Welsh dates with mutated month names and ordinals -------------------------------------

WELSH_MONTHS = {3: "Fawrth", 4: "Ebrill", 5: "Fai", 6: "Fehefin", 8: "Awst", 9: "Fedi",
                10: "Hydref", 11: "Dachwedd"}  # fmt: skip
WELSH_DAYS = ["Llun", "Mawrth", "Mercher", "Iau", "Gwener", "Sadwrn", "Sul"]


def _welsh_ordinal(day: int) -> str:
    table = {1: "af", 2: "il", 3: "ydd", 4: "ydd", 5: "ed", 6: "ed", 11: "eg", 12: "fed",
             13: "eg", 14: "eg", 15: "fed", 16: "eg", 17: "eg", 18: "fed", 19: "eg",
             20: "fed", 21: "ain", 28: "ain"}  # fmt: skip
    return f"{day}{table.get(day, 'ed')}"


def welsh_mutated_months(folder: Path):
    """A Welsh council's bilingual log, its dates written in Welsh as a sentence writes them:
    "Dydd Llun, 14eg o Fawrth 2016", the month's name softened after "o"."""
    rows = [["Dyddiad / Date", "Amser / Time", "Gweithiwr / Worker", "Math / Type",
             "Nodiadau / Notes"]]  # fmt: skip
    for i in range(8):
        at = _at(i)
        written = (f"Dydd {WELSH_DAYS[at.weekday()]}, {_welsh_ordinal(at.day)} o "
                   f"{WELSH_MONTHS[at.month]} {at.year}")  # fmt: skip
        rows.append([written, f"{at:%H:%M}", WORKERS[i % 4], TYPES[i % 4], TEXTS[i]])
    path = folder / "welsh_mutated_months.csv"
    _write(path, rows)
    return path, [_all(i) for i in range(8)]


# --- 6. a heading that names the month-first order ---------------------------------------------

EITHER_WAY = [1, 2, 4, 5, 6]  # entries whose day and month are both 12 or under


def heading_names_month_first(folder: Path):
    """A US-built referral tool's CSV whose date heading names its order ("Date
    (MM/DD/YYYY)"), holding only dates whose day and month could be read either way."""
    rows = [["Referral Date (MM/DD/YYYY)", "Referrer", "Referral Type", "Reason"]]
    for i in EITHER_WAY:
        rows.append([f"{DAYS[i]:%m/%d/%Y}", WORKERS[i % 4], TYPES[i % 4], TEXTS[i]])
    path = folder / "heading_names_month_first.csv"
    _write(path, rows)
    return path, [_t(i, practitioner=WORKERS[i % 4], event_type=TYPES[i % 4]) for i in EITHER_WAY]


# --- 7. formulas with no values saved ----------------------------------------------------------


def formulas_without_values(folder: Path):
    """A workbook written by a reporting tool that puts each date and time in as a formula
    ("=DATE(2016,3,14)", "=TIME(10,32,0)") and saves no value with it, as such tools do."""
    rows = [["Date", "Time", "Worker", "Type", "Notes"]]
    for i in range(8):
        at = _at(i)
        rows.append([f"=DATE({at.year},{at.month},{at.day})",
                     f"=TIME({at.hour},{at.minute},0)", WORKERS[i % 4], TYPES[i % 4],
                     TEXTS[i]])  # fmt: skip
    wb, ws = _book(rows)
    for row in ws.iter_rows(min_row=2):
        row[0].number_format = "dd/mm/yyyy"
        row[1].number_format = "hh:mm"
    return _save(wb, folder, "formulas_without_values.xlsx"), [_all(i) for i in range(8)]


# --- 8. a foster carer's weekly diary ----------------------------------------------------------


def carers_weekly_diary(folder: Path):
    """A fostering agency's carer diary: a row for each week, headed by the Monday it begins,
    and a column for each day of the week holding what happened that day."""
    names = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    rows = [["Week commencing", *names]]
    weeks: dict = {}
    for i in range(8):
        monday = DAYS[i] - timedelta(days=DAYS[i].weekday())
        weeks.setdefault(monday, [""] * 7)[DAYS[i].weekday()] = TEXTS[i]
    for monday in sorted(weeks):
        rows.append([f"{monday:%d/%m/%Y}", *weeks[monday]])
    path = folder / "carers_weekly_diary.csv"
    _write(path, rows)
    return path, [_t(i) for i in range(8)]


# --- 9. an ambulance record's stage times ---------------------------------------------------


def ambulance_stage_times(folder: Path):
    """An ambulance service's patient record extract: the incident date, then a time for each
    stage of the call (received, crew mobile, at scene, left scene, at hospital)."""
    rows = [["Incident Date", "Call Received", "Mobile", "At Scene", "Left Scene",
             "At Hospital", "Clinician", "Presenting Complaint", "Clinical Narrative"]]  # fmt: skip
    for i in range(8):
        at = _at(i)
        stages = [at + timedelta(minutes=m) for m in (0, 2, 11, 40, 58)]
        rows.append([f"{at:%d/%m/%Y}", *[f"{s:%H:%M}" for s in stages], WORKERS[i % 4],
                     TYPES[i % 4], TEXTS[i]])  # fmt: skip
    path = folder / "ambulance_stage_times.csv"
    _write(path, rows)
    return path, [_all(i) for i in range(8)]


# --- 10. the weekday in brackets after the date -----------------------------------------------


def weekday_in_brackets(folder: Path):
    """A school's safeguarding log with the weekday in brackets after each date
    ("14/03/2016 (Mon)") and the time after it ("10:32")."""
    rows = [["Date", "Time", "Staff", "Category", "Concern"]]
    for i in range(8):
        at = _at(i)
        rows.append([f"{at:%d/%m/%Y} ({at:%a})", f"{at:%H:%M}", WORKERS[i % 4], TYPES[i % 4],
                     TEXTS[i]])  # fmt: skip
    path = folder / "weekday_in_brackets.csv"
    _write(path, rows)
    return path, [_all(i) for i in range(8)]


# --- 11. carriage returns only ----------------------------------------------------------------


def carriage_returns_only(folder: Path):
    """A legacy housing system's CSV with only carriage returns between its lines (as classic
    Mac software wrote them), notes holding line feeds of their own."""
    rows = [["Date", "Time", "Officer", "Action", "Notes"]]
    for i in range(8):
        at = _at(i)
        rows.append([f"{at:%d/%m/%Y}", f"{at:%H:%M}", WORKERS[i % 4], TYPES[i % 4], TEXTS[i]])
    path = folder / "carriage_returns_only.csv"
    _write(path, rows, lineterminator="\r")
    return path, [_all(i) for i in range(8)]


# --- 12. two worker columns ---------------------------------------------------------------------


def two_worker_columns(folder: Path):
    """A youth justice service's contact log with a column for each of the two workers who may
    attend ("Worker 1", "Worker 2"), the second often blank."""
    rows = [["Contact Date", "Start Time", "Worker 1", "Worker 2", "Contact Type", "Notes"]]
    truth = []
    for i in range(8):
        at = _at(i)
        second = WORKERS[(i + 2) % 4] if i % 2 else ""
        rows.append([f"{at:%d/%m/%Y}", f"{at:%H:%M}", WORKERS[i % 4], second, TYPES[i % 4],
                     TEXTS[i]])  # fmt: skip
        truth.append(_all(i))
    path = folder / "two_worker_columns.csv"
    _write(path, rows)
    return path, truth


FILES = {f.__name__: f for f in (day_of_year_dates, audit_amended_columns, contact_date_in_note,
         paged_overlap_rows, welsh_mutated_months, heading_names_month_first,
         formulas_without_values, carers_weekly_diary, ambulance_stage_times,
         weekday_in_brackets, carriage_returns_only, two_worker_columns)}  # fmt: skip
