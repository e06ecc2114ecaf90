"""The fifth round's files about what single cells and headings hold: the date at the start of
the text, a text marker before a date, a heading over two columns, a narrative without a
heading, dates merged down in .ods, codes before types, two workers on a joint visit (see
fifth_round_files.py for the conventions). All names are fictional."""

from __future__ import annotations

from pathlib import Path

from tests.chronology.fifth_round_files import _save
from tests.chronology.more_agency_files import _sheet
from tests.chronology.robust_files import (
    DAYS,
    TEXTS,
    TIMES,
    TYPES,
    WORKERS,
    Expected,
    _csv,
    _truth,
)

# --- 1. the date at the start of the text, in one column -------------------------------------------


def date_leads_the_text(folder: Path):
    """Word paragraphs pasted into a sheet: one column "Chronology", each cell "14/03/2016 –
    Home visit: ..."."""
    rows = [["Chronology"]] + [[f"{DAYS[i]:%d/%m/%Y} \u2013 {TEXTS[i]}"] for i in range(8)]
    wb, _ws = _sheet(rows)
    return _save(wb, folder, "date_leads_the_text.xlsx"), _truth(
        times=False, worker=False, types=False
    )


# --- 2. Excel's text marker kept before the dates ------------------------------------------------


def apostrophe_marked_dates(folder: Path):
    """A CSV from a tool that kept Excel's text marker: "'14/03/2016", "'10:32"."""
    rows = [["Date", "Time", "Worker", "Type", "Entry"]]
    for i in range(8):
        rows.append([f"'{DAYS[i]:%d/%m/%Y}", f"'{TIMES[i]:%H:%M}", WORKERS[i % 4], TYPES[i % 4],
                     TEXTS[i]])  # fmt: skip
    path = folder / "apostrophe_marked_dates.csv"
    _csv(path, rows)
    return path, _truth()


# --- 3. one heading merged over the date and the time ------------------------------------------


def heading_over_date_and_time(folder: Path):
    """A template whose "Date and time" heading is merged over two columns: the date cells
    under its first, the times under its second."""
    wb, ws = _sheet([["Date and time", None, "Practitioner", "Type", "Event"]])
    ws.merge_cells("A1:B1")
    for i in range(8):
        ws.append([DAYS[i], TIMES[i], WORKERS[i % 4], TYPES[i % 4], TEXTS[i]])
        ws.cell(row=i + 2, column=1).number_format = "dd/mm/yyyy"
        ws.cell(row=i + 2, column=2).number_format = "hh:mm"
    return _save(wb, folder, "heading_over_date_and_time.xlsx"), _truth()


# --- 4. the narrative's heading left empty ----------------------------------------------------------


def narrative_without_heading(folder: Path):
    """A hand-made sheet whose widest column, the narrative, was never given a heading."""
    rows = [["Date", "Worker", "Type", None, "Outcome"]]
    for i in range(8):
        rows.append([DAYS[i], WORKERS[i % 4], TYPES[i % 4], TEXTS[i], "Case remains open"])
    wb, _ws = _sheet(rows)
    return _save(wb, folder, "narrative_without_heading.xlsx"), _truth(times=False)


# --- 5. .ods with a date cell spanning the rows of one day -----------------------------------------


def ods_merged_dates(folder: Path):
    """A LibreOffice chronology: two entries of one day share a date cell merged down."""
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import CoveredTableCell, Table, TableCell, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    table = Table(name="Chronology")

    def text(value, **spans):
        cell = TableCell(valuetype="string", **spans)
        cell.addElement(P(text=value))
        return cell

    head = TableRow()
    for value in ["Date", "Worker", "Type", "Entry"]:
        head.addElement(text(value))
    table.addElement(head)
    days = [DAYS[0], DAYS[0], DAYS[1], DAYS[2], DAYS[2], DAYS[3], DAYS[4], DAYS[5]]
    for i in range(8):
        row = TableRow()
        if i and days[i] == days[i - 1]:
            row.addElement(CoveredTableCell())
        else:
            spans = {"numberrowsspanned": 2} if i < 7 and days[i + 1] == days[i] else {}
            row.addElement(text(f"{days[i]:%d/%m/%Y}", **spans))
        for value in (WORKERS[i % 4], TYPES[i % 4], TEXTS[i]):
            row.addElement(text(value))
        table.addElement(row)
    doc.spreadsheet.addElement(table)
    path = folder / "ods_merged_dates.ods"
    doc.save(str(path))
    truth = [Expected(days[i], event=TEXTS[i], practitioner=WORKERS[i % 4],
                      event_type=TYPES[i % 4]) for i in range(8)]  # fmt: skip
    return path, truth


# --- 6. a code before each type --------------------------------------------------------------------

CODED = ["HV - Home visit", "TC - Telephone call", "OV - Office visit", "SM - Strategy meeting"]


def coded_types(folder: Path):
    """A health system's contacts: the type written as its code and its name, "HV - Home
    visit"."""
    rows = [["Contact Date", "Contact Type", "Clinician", "Contact Notes"]]
    for i in range(8):
        rows.append([f"{DAYS[i]:%d/%m/%Y}", CODED[i % 4], WORKERS[i % 4], TEXTS[i]])
    path = folder / "coded_types.csv"
    _csv(path, rows)
    truth = [Expected(e.start, event=e.event, practitioner=e.practitioner,
                      event_type=CODED[i % 4]) for i, e in enumerate(_truth(times=False))]  # fmt: skip
    return path, truth


# --- 7. two workers on a joint visit ----------------------------------------------------------------


def joint_visits(folder: Path):
    """A log where joint visits name both workers, "Sam Ellery / Priya Nandakumar"."""
    rows = [["Date", "Staff", "Type", "Record"]]
    staff = [f"{WORKERS[i % 4]} / {WORKERS[(i + 1) % 4]}" if i % 2 else WORKERS[i % 4]
             for i in range(8)]  # fmt: skip
    for i in range(8):
        rows.append([f"{DAYS[i]:%d/%m/%Y}", staff[i], TYPES[i % 4], TEXTS[i]])
    path = folder / "joint_visits.csv"
    _csv(path, rows)
    return path, _truth(times=False)


FILES = {
    fn.__name__: fn
    for fn in (
        date_leads_the_text,
        apostrophe_marked_dates,
        heading_over_date_and_time,
        narrative_without_heading,
        ods_merged_dates,
        coded_types,
        joint_visits,
    )
}
