"""A fifth round of agency files: workbooks from case systems in layouts the earlier rounds
(robust_files.py, more_agency_files.py, fourth_round_*.py) did not cover, each written the way
the system or the person filling in a template writes it, with the truth every entry must come
in as (the conventions of robust_files.py). All names are fictional; CSV and text files are in
fifth_round_text.py, Word, .ods and .xls in fifth_round_other.py."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

from tests.chronology.more_agency_files import _sheet
from tests.chronology.robust_files import (
    DAYS,
    TEXTS,
    TIMES,
    TYPES,
    WORKERS,
    Expected,
    _dt,
    _truth,
)

INITIALS = ["SE", "PN", "TP", "GA"]
SURNAME_FIRST = ["Ellery, Sam", "Nandakumar, Priya", "Pritchard, Tomos", "Adeyemi, Grace"]


def _save(wb, folder: Path, name: str) -> Path:
    path = folder / name
    wb.save(path)
    return path


def _halves(text: str) -> tuple[str, str]:
    first, _, rest = text.partition(". ")
    return first + ("." if rest else ""), rest


# --- 1. a children's case system's chronology: Entry Type / Sub Type, significance ----------


def entry_and_sub_type(folder: Path):
    """A case system's chronology report: the entry's broad type and its sub type in two
    columns, a significance rating (High / Medium / Low), who entered it, the details."""
    broad = ["Contact", "Contact", "Contact", "Meeting"]
    rating = ["High", "Medium", "Low", "High", "Medium", "Low", "Medium", "High"]
    rows = [["Event Date", "Entry Type", "Sub Type", "Significance", "Entered By", "Details"]]
    for i in range(8):
        rows.append([DAYS[i], broad[i % 4], TYPES[i % 4], rating[i], WORKERS[i % 4], TEXTS[i]])
    wb, ws = _sheet(rows, title="Chronology")
    for row in range(2, 10):
        ws.cell(row=row, column=1).number_format = "dd/mm/yyyy"
    return _save(wb, folder, "entry_and_sub_type.xlsx"), _truth(times=False)


# --- 2. a numbered significance scale ------------------------------------------------------


def significance_numbers(folder: Path):
    """A partnership template asking for significance on a scale of 1 to 5 beside each entry."""
    rows = [["Date", "Time", "Practitioner", "Contact type", "Summary of event",
             "Significance (1-5)"]]  # fmt: skip
    for i in range(8):
        rows.append([DAYS[i], f"{TIMES[i]:%H:%M}", WORKERS[i % 4], TYPES[i % 4], TEXTS[i],
                     (i * 3) % 5 + 1])  # fmt: skip
    wb, ws = _sheet(rows)
    for row in range(2, 10):
        ws.cell(row=row, column=1).number_format = "dd/mm/yyyy"
    return _save(wb, folder, "significance_numbers.xlsx"), _truth()


# --- 3. case notes under the workflow step they belong to -------------------------------------


STEPS = ["Contact", "Child and Family Assessment", "Strategy Discussion", "Child in Need Plan"]


def step_case_notes(folder: Path):
    """A workflow case system's case notes: the step each note is attached to and the day that
    step started (a few dates, each repeated), then the note's own date, type, worker, title and
    text."""
    step_of = [0, 1, 1, 2, 2, 3, 3, 3]
    started = [date(2016, 3, 1), date(2016, 3, 20), date(2016, 5, 2), date(2016, 8, 1)]
    rows = [["Step Name", "Step Start Date", "Case Note Date", "Case Note Type", "Worker",
             "Case Note Title", "Case Note"]]  # fmt: skip
    titles = [t.split(":")[0].split(".")[0][:30] for t in TEXTS]
    for i in range(8):
        rows.append([STEPS[step_of[i]], started[step_of[i]], _dt(i), TYPES[i % 4],
                     WORKERS[i % 4], titles[i], TEXTS[i]])  # fmt: skip
    wb, ws = _sheet(rows, title="Case Notes")
    for row in range(2, 10):
        ws.cell(row=row, column=2).number_format = "dd/mm/yyyy"
        ws.cell(row=row, column=3).number_format = "dd/mm/yyyy hh:mm"
    return _save(wb, folder, "step_case_notes.xlsx"), _truth()


# --- 4. a GP journal: Read codes and their rubric ------------------------------------------


READ_CODES = ["9N1C.", "XaJgn", "9N4J.", "8H4..", "XaBVJ", "9N1C.", "XaJgn", "8HH7."]


def journal_read_codes(folder: Path):
    """A GP system's journal: the date and time, who recorded it, the clinical code and its
    rubric, then the free text; the code is never the type or the text."""
    rows = [["Date", "Time", "User", "Code", "Rubric", "Text"]]
    for i in range(8):
        rows.append([DAYS[i], TIMES[i], WORKERS[i % 4], READ_CODES[i], TYPES[i % 4], TEXTS[i]])
    wb, ws = _sheet(rows, title="Journal")
    for row in range(2, 10):
        ws.cell(row=row, column=1).number_format = "dd-mmm-yyyy"
        ws.cell(row=row, column=2).number_format = "hh:mm"
    return _save(wb, folder, "journal_read_codes.xlsx"), _truth()


# --- 5-6. the date split over Day / Month / Year columns -------------------------------------


def day_month_year_columns(folder: Path):
    """A hand-built chronology with the date in three columns: Day, Month (its name), Year."""
    rows = [["Day", "Month", "Year", "Agency worker", "Type", "What happened"]]
    for i in range(8):
        rows.append([DAYS[i].day, f"{DAYS[i]:%B}", DAYS[i].year, WORKERS[i % 4], TYPES[i % 4],
                     TEXTS[i]])  # fmt: skip
    wb, _ws = _sheet(rows)
    return _save(wb, folder, "day_month_year_columns.xlsx"), _truth(times=False)


# --- 7. hidden and filtered rows ---------------------------------------------------------------


def hidden_filtered_rows(folder: Path):
    """A chronology sent with a filter still applied: an autofilter over the table and three
    rows hidden by it; every row is the agency's record and comes in."""
    rows = [["Date", "Worker", "Type", "Entry"]]
    for i in range(8):
        rows.append([DAYS[i], WORKERS[i % 4], TYPES[i % 4], TEXTS[i]])
    wb, ws = _sheet(rows)
    ws.auto_filter.ref = "A1:D9"
    for row in (3, 5, 8):
        ws.row_dimensions[row].hidden = True
    ws.freeze_panes = "A2"
    return _save(wb, folder, "hidden_filtered_rows.xlsx"), _truth(times=False)


# --- 8. two narrative columns named unhelpfully -------------------------------------------------


def details_and_further_details(folder: Path):
    """A template with "Details" and "Further details" columns: the text split between them,
    the second sometimes empty."""
    rows = [["Date", "By", "Details", "Further details"]]
    truth = []
    for i in range(8):
        first, rest = _halves(TEXTS[i])
        rest = rest if i % 3 else ""
        rows.append([DAYS[i], WORKERS[i % 4], first, rest])
        event = f"Details: {first}" + (f" Further details: {rest}" if rest else "")
        truth.append(Expected(DAYS[i], event=event, practitioner=WORKERS[i % 4]))
    wb, _ws = _sheet(rows)
    return _save(wb, folder, "details_and_further_details.xlsx"), truth


# --- 9-10. practitioners written as initials with team, or surname first ---------------------


def initials_with_team(folder: Path):
    """A duty team's log: the worker as initials and team, "SE (Duty)", "PN - Assessment"."""
    written = ["SE (Duty)", "PN - Assessment", "TP (Duty)", "GA - CIN Team 2"]
    rows = [["Date", "Wkr", "Contact", "Notes"]]
    for i in range(8):
        rows.append([DAYS[i], written[i % 4], TYPES[i % 4], TEXTS[i]])
    wb, _ws = _sheet(rows)
    truth = [Expected(e.start, event=e.event, practitioner=INITIALS[i % 4],
                      event_type=e.event_type) for i, e in enumerate(_truth(times=False))]  # fmt: skip
    return _save(wb, folder, "initials_with_team.xlsx"), truth


def surname_comma_forename(folder: Path):
    """An adults' case system: "Recorded by" as "Ellery, Sam", the note's own type and text."""
    rows = [["Recorded date", "Recorded by", "Note type", "Note"]]
    for i in range(8):
        rows.append([_dt(i), SURNAME_FIRST[i % 4], TYPES[i % 4], TEXTS[i]])
    wb, ws = _sheet(rows)
    for row in range(2, 10):
        ws.cell(row=row, column=1).number_format = "dd/mm/yyyy hh:mm"
    truth = [Expected(e.start, time=e.time, event=e.event, practitioner=SURNAME_FIRST[i % 4],
                      event_type=e.event_type) for i, e in enumerate(_truth())]  # fmt: skip
    return _save(wb, folder, "surname_comma_forename.xlsx"), truth


# --- 11-12. a date of entry beside a date of event, headings less plain -----------------------


def _late(i: int) -> datetime:
    return _dt(i) + timedelta(days=1 + (i * 5) % 9, hours=2)


def input_then_occurred(folder: Path):
    """A police system's list: "Input" (when the record was typed, days later, with its time)
    first, then "Occurred" (the day of the event)."""
    rows = [["Input", "Occurred", "Officer", "Category", "Summary"]]
    for i in range(8):
        rows.append([_late(i), DAYS[i], WORKERS[i % 4], TYPES[i % 4], TEXTS[i]])
    wb, ws = _sheet(rows)
    for row in range(2, 10):
        ws.cell(row=row, column=1).number_format = "dd/mm/yyyy hh:mm"
        ws.cell(row=row, column=2).number_format = "dd/mm/yyyy"
    return _save(wb, folder, "input_then_occurred.xlsx"), _truth(times=False)


def written_up_and_actual(folder: Path):
    """A health record: "Written up" stamps first, then "Actual date" and "Actual time" of the
    contact."""
    rows = [["Written up", "Actual date", "Actual time", "Staff", "Contact", "Record"]]
    for i in range(8):
        rows.append([f"{_late(i):%d/%m/%Y %H:%M}", f"{DAYS[i]:%d/%m/%Y}", f"{TIMES[i]:%H:%M}",
                     WORKERS[i % 4], TYPES[i % 4], TEXTS[i]])  # fmt: skip
    wb, _ws = _sheet(rows)
    return _save(wb, folder, "written_up_and_actual.xlsx"), _truth()


# --- 13. an Excel table with a totals row -----------------------------------------------------


def table_with_totals_row(folder: Path):
    """The chronology kept as an Excel table (a list object) with its totals row counting the
    entries."""
    from openpyxl.worksheet.table import Table, TableStyleInfo

    rows = [["Date", "Practitioner", "Type", "Event"]]
    for i in range(8):
        rows.append([DAYS[i], WORKERS[i % 4], TYPES[i % 4], TEXTS[i]])
    rows.append(["Total", None, None, 8])
    wb, ws = _sheet(rows)
    table = Table(displayName="Chronology", ref="A1:D10", totalsRowCount=1)
    table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
    ws.add_table(table)
    return _save(wb, folder, "table_with_totals_row.xlsx"), _truth(times=False)


# --- 14. the narrative merged across three columns ----------------------------------------------


def narrative_merged_across(folder: Path):
    """A printed-style template: the "Event" heading and each row's text merged across three
    columns, an outcome column after them."""
    wb, ws = _sheet([["Date", "Worker", "Event", None, None, "Outcome"]])
    ws.merge_cells("C1:E1")
    for i in range(8):
        ws.append([DAYS[i], WORKERS[i % 4], TEXTS[i], None, None, "Case remains open"])
        ws.merge_cells(start_row=i + 2, start_column=3, end_row=i + 2, end_column=5)
    return _save(wb, folder, "narrative_merged_across.xlsx"), _truth(times=False, types=False)


# --- 15. headings over two lines in their cells, with asterisks ------------------------------


def wrapped_headings(folder: Path):
    """A template whose headings wrap inside their cells and mark required fields:
    "Date of\\ncontact*", "Practitioner\\n(name and role)", "Details of contact\\n(what happened)"."""
    rows = [["Date of\ncontact*", "Time\n(24hr)", "Practitioner\n(name and role)",
             "Type of\ncontact*", "Details of contact\n(what happened)*"]]  # fmt: skip
    for i in range(8):
        rows.append([DAYS[i], f"{TIMES[i]:%H:%M}", f"{WORKERS[i % 4]} (Social Worker)",
                     TYPES[i % 4], TEXTS[i]])  # fmt: skip
    wb, _ws = _sheet(rows)
    return _save(wb, folder, "wrapped_headings.xlsx"), _truth()


# --- 16. start and end times in their own columns ---------------------------------------------


def start_and_end_times(folder: Path):
    """A youth justice contact list: Contact Date, Start, End, who the contact was with, the
    worker, outcome and notes."""
    rows = [["Contact Date", "Start", "End", "Contact Type", "Contact With", "Worker", "Outcome",
             "Notes"]]  # fmt: skip
    for i in range(8):
        end = (datetime.combine(DAYS[i], TIMES[i]) + timedelta(minutes=45)).time()
        rows.append([DAYS[i], TIMES[i], end, TYPES[i % 4], "Young person", WORKERS[i % 4],
                     "Attended", TEXTS[i]])  # fmt: skip
    wb, ws = _sheet(rows)
    for row in range(2, 10):
        ws.cell(row=row, column=2).number_format = "hh:mm"
        ws.cell(row=row, column=3).number_format = "hh:mm"
    return _save(wb, folder, "start_and_end_times.xlsx"), _truth()


# --- 17. a workbook with a family sheet of dates of birth after the chronology -----------------


def family_sheet_beside(folder: Path):
    """An agency return: a cover sheet, the chronology, then a sheet listing the family with
    dates of birth; only the chronology's entries come in."""
    wb, ws = _sheet([["Agency return to the review panel"], ["Agency:", "Northvale Services"],
                     ["Completed by:", "Report author"], ["Date completed:", "01/12/2016"]],
                    title="Cover")  # fmt: skip
    chron = wb.create_sheet("Chronology")
    chron.append(["Date", "Time", "Worker", "Type", "Event"])
    for i in range(8):
        chron.append([DAYS[i], f"{TIMES[i]:%H:%M}", WORKERS[i % 4], TYPES[i % 4], TEXTS[i]])
    family = wb.create_sheet("Family")
    family.append(["Name", "Relationship", "Date of birth", "Address"])
    for name, rel, born in [("Child Z", "Subject", date(2015, 6, 2)),
                            ("Ms Y Example", "Mother", date(1994, 1, 19)),
                            ("Mr X Example", "Father", date(1990, 11, 3))]:  # fmt: skip
        family.append([name, rel, born, "Flat 3, Example Court"])
    return _save(wb, folder, "family_sheet_beside.xlsx"), _truth()


# --- 18. entries newest first, every date readable both ways -----------------------------------


AMBIGUOUS = [date(2016, 1, 3), date(2016, 2, 5), date(2016, 3, 9), date(2016, 5, 4),
             date(2016, 7, 8), date(2016, 8, 11), date(2016, 10, 6), date(2016, 12, 2)]  # fmt: skip


def newest_first(folder: Path):
    """A case system listing its notes newest first; every day is 12 or under, so only the run of
    the dates tells the order (day first keeps them in order, month first would not)."""
    rows = [["Date", "Worker", "Type", "Note"]]
    for i in reversed(range(8)):
        rows.append([f"{AMBIGUOUS[i]:%d/%m/%Y}", WORKERS[i % 4], TYPES[i % 4], TEXTS[i]])
    wb, _ws = _sheet(rows)
    truth = [Expected(AMBIGUOUS[i], event=TEXTS[i], practitioner=WORKERS[i % 4],
                      event_type=TYPES[i % 4]) for i in reversed(range(8))]  # fmt: skip
    return _save(wb, folder, "newest_first.xlsx"), truth


FILES = {
    fn.__name__: fn
    for fn in (
        entry_and_sub_type,
        significance_numbers,
        step_case_notes,
        journal_read_codes,
        day_month_year_columns,
        hidden_filtered_rows,
        details_and_further_details,
        initials_with_team,
        surname_comma_forename,
        input_then_occurred,
        written_up_and_actual,
        table_with_totals_row,
        narrative_merged_across,
        wrapped_headings,
        start_and_end_times,
        family_sheet_beside,
        newest_first,
    )
}
