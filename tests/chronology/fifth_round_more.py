"""More of the fifth round's files: macro-enabled templates, a long US file whose dates settle
their order late, forms printed one table a note, and sheets in other orders (see
fifth_round_files.py for the conventions). All names are fictional."""

from __future__ import annotations

import zipfile
from datetime import date, timedelta
from pathlib import Path

from tests.chronology.fifth_round_files import _late, _save
from tests.chronology.more_agency_files import _sheet
from tests.chronology.robust_files import (
    DAYS,
    TEXTS,
    TIMES,
    TYPES,
    WORKERS,
    Expected,
    _csv,
    _dt,
    _truth,
)

EMAILS = ["sam.ellery@northvale.example", "priya.nandakumar@northvale.example",
          "tomos.pritchard@northvale.example", "grace.adeyemi@northvale.example"]  # fmt: skip


def _macro_enabled(path: Path, plain: str, macro: str) -> None:
    """Rewrite a saved .docx/.xlsx as its macro-enabled kind: the main part's content type."""
    with zipfile.ZipFile(path) as source:
        items = [(i, source.read(i.filename)) for i in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in items:
            if info.filename == "[Content_Types].xml":
                data = data.replace(plain.encode(), macro.encode())
            target.writestr(info, data)


# --- 1. a macro-enabled Word template (.docm) -------------------------------------------------


def word_macro_template(folder: Path):
    """A partnership's chronology template with macros (.docm), the chronology table in it."""
    import docx

    document = docx.Document()
    table = document.add_table(rows=1, cols=4)
    for cell, head in zip(table.rows[0].cells, ["Date", "Practitioner", "Type", "Event"],
                          strict=True):  # fmt: skip
        cell.text = head
    for i in range(8):
        values = [f"{DAYS[i]:%d/%m/%Y}", WORKERS[i % 4], TYPES[i % 4], TEXTS[i]]
        for cell, text in zip(table.add_row().cells, values, strict=True):
            cell.text = text
    path = folder / "word_macro_template.docm"
    document.save(path)
    _macro_enabled(path,
                   "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
                   "application/vnd.ms-word.document.macroEnabled.main+xml")  # fmt: skip
    return path, _truth(times=False)


# --- 2. a macro-enabled workbook (.xlsm) ---------------------------------------------------------


def workbook_macro_template(folder: Path):
    """A council's IMR workbook with macros (.xlsm)."""
    rows = [["Date", "Time", "Practitioner", "Type", "Event"]]
    for i in range(8):
        rows.append([DAYS[i], f"{TIMES[i]:%H:%M}", WORKERS[i % 4], TYPES[i % 4], TEXTS[i]])
    wb, _ws = _sheet(rows)
    path = _save(wb, folder, "workbook_macro_template.xlsm")
    _macro_enabled(path,
                   "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
                   "application/vnd.ms-excel.sheet.macroEnabled.main+xml")  # fmt: skip
    return path, _truth()


# --- 3. a long US file whose dates settle their order only near its end -------------------------


def us_order_settled_late(folder: Path):
    """A US-made system's 300 notes, month first, every day 12 or under until the last rows:
    the evidence of all the values decides, not of the first rows."""
    start = date(2015, 1, 1)
    days = [d for d in (start + timedelta(days=n) for n in range(800)) if d.day <= 12][:290]
    days += [date(2017, 3, 14) + timedelta(days=n * 3) for n in range(10)]
    rows = [["Service Date", "Staff", "Note"]]
    truth = []
    for n, day in enumerate(days):
        rows.append(
            [f"{day.month}/{day.day}/{day.year}", WORKERS[n % 4], f"Note {n}: {TEXTS[n % 8]}"]
        )
        truth.append(Expected(day, event=f"Note {n}: {TEXTS[n % 8]}", practitioner=WORKERS[n % 4]))
    path = folder / "us_order_settled_late.csv"
    _csv(path, rows)
    return path, truth


# --- 4. users written as e-mail addresses ------------------------------------------------------


def users_as_emails(folder: Path):
    """A hosted system's audit of notes: the user as an e-mail address."""
    rows = [["Note Date", "User", "Category", "Note"]]
    for i in range(8):
        rows.append([f"{DAYS[i]:%d/%m/%Y}", EMAILS[i % 4], TYPES[i % 4], TEXTS[i]])
    path = folder / "users_as_emails.csv"
    _csv(path, rows)
    truth = [Expected(e.start, event=e.event, practitioner=EMAILS[i % 4], event_type=e.event_type)
             for i, e in enumerate(_truth(times=False))]  # fmt: skip
    return path, truth


# --- 5. Excel day numbers in a CSV ---------------------------------------------------------------


def serials_in_csv(folder: Path):
    """A CSV written by a tool that took the cells' values, not their text: dates as Excel day
    numbers (42443)."""
    rows = [["Date", "Worker", "Type", "Details"]]
    for i in range(8):
        rows.append([str((DAYS[i] - date(1899, 12, 30)).days), WORKERS[i % 4], TYPES[i % 4],
                     TEXTS[i]])  # fmt: skip
    path = folder / "serials_in_csv.csv"
    _csv(path, rows)
    return path, _truth(times=False)


# --- 6. the family's sheet first, the chronology second ------------------------------------------


def family_sheet_first(folder: Path):
    """An agency return whose first sheet lists the family (names, relationships, dates of
    birth); the chronology is on the second sheet."""
    wb, _ws = _sheet([["Name", "Relationship", "Date of birth", "Notes"],
                      ["Child Z", "Subject", date(2015, 6, 2), "Subject of the review"],
                      ["Ms Y Example", "Mother", date(1994, 1, 19), "Lives with Child Z"],
                      ["Mr X Example", "Father", date(1990, 11, 3), "Not at the address"],
                      ["Mrs W Example", "Grandmother", date(1968, 4, 30), "Visits weekly"]],
                     title="Family")  # fmt: skip
    chron = wb.create_sheet("Chronology")
    chron.append(["Date", "Time", "Worker", "Type", "Event"])
    for i in range(8):
        chron.append([DAYS[i], f"{TIMES[i]:%H:%M}", WORKERS[i % 4], TYPES[i % 4], TEXTS[i]])
    return _save(wb, folder, "family_sheet_first.xlsx"), _truth()


# --- 7. "Logged" beside "When" ----------------------------------------------------------------


def logged_and_when(folder: Path):
    """A service's log: "Logged" (the stamp the system put, days later) before "When" (the day
    of the event), neither heading saying which date is which."""
    rows = [["Logged", "When", "Who", "What"]]
    for i in range(8):
        rows.append([f"{_late(i):%d/%m/%Y %H:%M}", f"{DAYS[i]:%d/%m/%Y}", WORKERS[i % 4],
                     TEXTS[i]])  # fmt: skip
    path = folder / "logged_and_when.csv"
    _csv(path, rows)
    return path, _truth(times=False, types=False)


# --- 8. case notes printed to Word as forms, one table a note --------------------------------


def word_form_per_note(folder: Path):
    """Case notes printed to Word as forms: each note a small table of label and value rows
    (Date, Recorded by, Type, Note), a blank paragraph between them."""
    import docx

    document = docx.Document()
    document.add_paragraph("Case notes for Child Z")
    for i in range(8):
        pairs = [("Date:", f"{_dt(i):%d/%m/%Y %H:%M}"), ("Recorded by:", WORKERS[i % 4]),
                 ("Type:", TYPES[i % 4]), ("Note:", TEXTS[i])]  # fmt: skip
        table = document.add_table(rows=0, cols=2)
        for label, value in pairs:
            cells = table.add_row().cells
            cells[0].text, cells[1].text = label, value
        document.add_paragraph("")
    path = folder / "word_form_per_note.docx"
    document.save(path)
    return path, _truth()


FILES = {
    fn.__name__: fn
    for fn in (
        word_macro_template,
        workbook_macro_template,
        us_order_settled_late,
        users_as_emails,
        serials_in_csv,
        family_sheet_first,
        logged_and_when,
        word_form_per_note,
    )
}
