"""Agency files in forms the chronology import left alone: a time column of its own whose
heading says its times are UTC, beside a date column (a web form's or a case system's export)."""

import csv
from datetime import date, datetime, time
from pathlib import Path

from openpyxl import Workbook

# (UTC day, UTC time, note, UK day, UK time): summer times an hour on, winter ones as written,
# a summer night's late time on to the next day.
UTC_ROWS = [
    ((2016, 3, 14), (10, 32), "Home visit made; mother and baby present.", (2016, 3, 14), "10:32"),
    ((2016, 6, 21), (15, 45), "Call to the school nurse about the bruise.", (2016, 6, 21), "16:45"),
    ((2016, 6, 21), (23, 30), "Late call from the family about the move.", (2016, 6, 22), "00:30"),
    ((2016, 8, 2), (9, 5), "Strategy discussion with the police.", (2016, 8, 2), "10:05"),
    ((2016, 12, 1), (23, 30), "Out of hours team called; no answer.", (2016, 12, 1), "23:30"),
]


def utc_time_column_sheet(folder: Path, heading: str) -> tuple[Path, list]:
    """A children's services export: a date cell and a time cell of their own, the time's
    heading saying it is UTC. Returns the file and (note, UK day, UK time) of each row."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Chronology"
    ws.append(["Date", heading, "Worker", "Notes"])
    for day, (hour, minute), note, _uk_day, _uk_time in UTC_ROWS:
        ws.append([datetime(*day), time(hour, minute), "Rhian Powell", note])
    path = folder / "utc_times.xlsx"
    wb.save(path)
    return path, [(note, date(*uk_day), uk_time) for *_, note, uk_day, uk_time in UTC_ROWS]


def utc_time_column_csv(folder: Path, heading: str) -> tuple[Path, list]:
    """The same export as text: the date as dd/mm/yyyy, the time as hh:mm:ss."""
    path = folder / "utc_times.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(["Date of contact", heading, "Worker", "Notes"])
        for (y, m, d), (hour, minute), note, _uk_day, _uk_time in UTC_ROWS:
            out.writerow(
                [f"{d:02d}/{m:02d}/{y}", f"{hour:02d}:{minute:02d}:00", "Rhian Powell", note]
            )
    return path, [(note, date(*uk_day), uk_time) for *_, note, uk_day, uk_time in UTC_ROWS]


# --- a note ending "continued below", its rest on the next row without a date -----------------

# (how the note's first part ends, the worker written again on the row of its rest)
END_MARKS = [
    ("continued below", False),
    ("(continued on next row)", True),
    ("cont. overleaf", False),
    ("- contd on next line", True),
    ("(Continued below...)", True),
    ("CONTINUED OVERLEAF", False),
]


def notes_continued_below(folder: Path, kind: str) -> tuple[Path, list[str], list[str]]:
    """A family support team's log in which a long note was split by its author, the first part
    ending with a mark that the rest is below, the rest on a row without a date (the worker
    sometimes written again). Returns the file, the whole notes as they should be imported,
    and the marks."""
    rows = [["Date", "Worker", "Notes"]]
    whole = []
    for n, (mark, again) in enumerate(END_MARKS):
        first = f"Visit {n + 1} to the family in Prestatyn; mother said the landlord had"
        rest = f"served notice and the family must leave by the end of month {n + 1}."
        rows.append([f"{n + 13:02d}/05/2017", "Dafydd Rees", f"{first} {mark}"])
        rows.append(["", "Dafydd Rees" if again else "", rest])
        whole.append(f"{first}\n{rest}")
        rows.append([f"{n + 13:02d}/06/2017", "Dafydd Rees", f"Call {n + 1} with the school."])
        whole.append(f"Call {n + 1} with the school.")
    if kind == "csv":
        path = folder / "continued.csv"
        with path.open("w", newline="", encoding="utf-8") as handle:
            csv.writer(handle).writerows(rows)
    else:
        wb = Workbook()
        wb.active.title = "Log"
        for row in rows:
            wb.active.append([cell or None for cell in row])
        path = folder / "continued.xlsx"
        wb.save(path)
    return path, whole, [mark for mark, _again in END_MARKS]
