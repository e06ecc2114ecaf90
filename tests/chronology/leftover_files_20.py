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
