"""The ninth round's workbooks (xlsx, xls, ods): kinds not met in the earlier rounds: a second
export pasted under the first with more columns than it, dates as database servers and web
services write them (SQL Server's "14 Mar 2016 10:32:00:000", a mainframe's "10.32.00", the
milliseconds since 1970), dates typed without separators month first, Welsh headings in other
words and Welsh month abbreviations, a sheet sorted with its header row, headings in two tiers,
slips in typed separators, a mental health trust's progress notes with three people columns, a
community health contact list with a duration in minutes, and weeks written "w/c". Each builder
writes a file into a folder and returns (path, truth), as in robust_files.py. ``KEPT`` names,
per file, texts that must arrive somewhere in the imported entries. All names are fictional."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from tests.chronology.eighth_round_sheets import _ods
from tests.chronology.robust_files import DAYS, TEXTS, TIMES, TYPES, WORKERS, Expected
from tests.chronology.seventh_round_sheets import _book, _date_cells, _save, _t

OUTCOMES = ["Letter sent to the GP", "Referred to the front door", "Strategy meeting booked",
            "No further action", "Visit rebooked for Friday", "Stepped down to early help",
            "Chased police for the log", "Passed to the health visitor"]  # fmt: skip
LOCATIONS = ["Family home", "Riverside clinic", "Oakfield Primary", "Central police station"]
ADMINS = ["Lowri Haf Pugh", "Dean Okafor", "Megan Ashdown", "Carys Penhallow"]
MANAGERS = ["Bethan Morcombe", "Ifan Trelawny"]
KEPT: dict[str, list[str]] = {}


def _hm(i: int) -> str:
    return f"{TIMES[i]:%H:%M}"


def _summer(day: date) -> bool:
    return date(2016, 3, 27) <= day < date(2016, 10, 30)


def utc_of(i: int) -> datetime:
    """Entry i's day and time on the UK clock, as the UTC instant a server stores."""
    local = datetime.combine(DAYS[i], TIMES[i])
    return (local - timedelta(hours=1 if _summer(DAYS[i]) else 0)).replace(tzinfo=UTC)


# --- 1. a second export pasted under the first, with more columns ----------------------------


def wider_export_under(folder: Path):
    """Business support pasted a second system's export under the first: the first has Date,
    Worker, Note; the second, under its own headings, adds a Time, a Contact Type and an Outcome
    column beyond the first table's width."""
    rows = [["Date", "Worker", "Note"]]
    rows += [[DAYS[i], WORKERS[i % 4], TEXTS[i]] for i in range(4)]
    rows += [[None] * 3, ["Date", "Time", "Worker", "Contact Type", "Note", "Outcome"]]
    rows += [[DAYS[i], _hm(i), WORKERS[i % 4], TYPES[i % 4], TEXTS[i], OUTCOMES[i]]
             for i in range(4, 8)]  # fmt: skip
    wb, ws = _book(rows)
    _date_cells(ws)
    truth = [_t(i, practitioner=WORKERS[i % 4]) for i in range(4)]
    truth += [_t(i, time=_hm(i), practitioner=WORKERS[i % 4], event_type=TYPES[i % 4])
              for i in range(4, 8)]  # fmt: skip
    KEPT["wider_export_under"] = OUTCOMES[4:8]
    return _save(wb, folder, "wider_export_under.xlsx"), truth


def ods_wider_export_under(folder: Path):
    """A LibreOffice sheet: a team's log (Date, Practitioner, Event), and under it a second
    export with a Time, a Location and an "Action taken" column as well."""
    rows = [["Date", "Practitioner", "Event"]]
    rows += [[DAYS[i], WORKERS[i % 4], TEXTS[i]] for i in range(4)]
    rows += [["", "", ""], ["Date", "Time", "Practitioner", "Location", "Event", "Action taken"]]
    rows += [[DAYS[i], _hm(i), WORKERS[i % 4], LOCATIONS[i % 4], TEXTS[i], OUTCOMES[i]]
             for i in range(4, 8)]  # fmt: skip
    path = folder / "ods_wider_export_under.ods"
    _ods(path, rows)
    truth = [_t(i, practitioner=WORKERS[i % 4]) for i in range(4)]
    truth += [_t(i, time=_hm(i), practitioner=WORKERS[i % 4]) for i in range(4, 8)]
    KEPT["ods_wider_export_under"] = OUTCOMES[4:8] + LOCATIONS
    return path, truth


def xls_wider_export_under(folder: Path):
    """A legacy .xls: a log of Date, Officer, Details, and pasted under it a second system's
    rows with the Contact Type and a Risk Level after the details."""
    import xlwt

    risks = ["Standard (DASH 4)", "Medium (DASH 9)", "High (DASH 15)", "Medium (DASH 11)"]
    book = xlwt.Workbook()
    sheet = book.add_sheet("Log")
    day = xlwt.easyxf(num_format_str="dd/mm/yyyy")
    rows = [["Date", "Officer", "Details"]]
    rows += [[DAYS[i], WORKERS[i % 4], TEXTS[i]] for i in range(4)]
    rows += [[], ["Date", "Officer", "Details", "Contact Type", "Risk Level"]]
    rows += [[DAYS[i], WORKERS[i % 4], TEXTS[i], TYPES[i % 4], risks[i % 4]] for i in range(4, 8)]
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            if isinstance(value, date):
                sheet.write(r, c, value, day)
            else:
                sheet.write(r, c, value)
    path = folder / "xls_wider_export_under.xls"
    book.save(str(path))
    truth = [_t(i, practitioner=WORKERS[i % 4]) for i in range(4)]
    truth += [_t(i, practitioner=WORKERS[i % 4], event_type=TYPES[i % 4]) for i in range(4, 8)]
    KEPT["xls_wider_export_under"] = risks
    return path, truth


# --- 2. dates as database servers write them ---------------------------------------------------


def xls_sql_style_113(folder: Path):
    """An adult social care system's observations report saved as .xls: the date and time as
    text in SQL Server's style 113, "14 Mar 2016 10:32:00:000" (a colon before the
    milliseconds)."""
    import xlwt

    book = xlwt.Workbook()
    sheet = book.add_sheet("Observations")
    heads = ["Observation Date", "Observation Type", "Worker", "Observation"]
    for c, head in enumerate(heads):
        sheet.write(0, c, head)
    for i in range(8):
        stamp = datetime.combine(DAYS[i], TIMES[i])
        values = [f"{stamp:%d %b %Y %H:%M:%S}:000", TYPES[i % 4], WORKERS[i % 4], TEXTS[i]]
        for c, value in enumerate(values):
            sheet.write(i + 1, c, value)
    path = folder / "xls_sql_style_113.xls"
    book.save(str(path))
    truth = [_t(i, time=_hm(i), practitioner=WORKERS[i % 4], event_type=TYPES[i % 4])
             for i in range(8)]  # fmt: skip
    return path, truth


def mainframe_date_and_time(folder: Path):
    """An education system's involvements from a mainframe database: the date "2016-03-14" and
    the time in the database's own form with full stops, "10.32.00", both as text."""
    rows = [["Involvement Date", "Involvement Time", "Involvement Type", "Officer", "Notes"]]
    rows += [[f"{DAYS[i]:%Y-%m-%d}", f"{TIMES[i]:%H.%M.%S}", TYPES[i % 4], WORKERS[i % 4],
              TEXTS[i]] for i in range(8)]  # fmt: skip
    wb, _ws = _book(rows, title="Involvements")
    truth = [_t(i, time=_hm(i), practitioner=WORKERS[i % 4], event_type=TYPES[i % 4])
             for i in range(8)]  # fmt: skip
    return _save(wb, folder, "mainframe_date_and_time.xlsx"), truth


def epoch_milliseconds(folder: Path):
    """A web service's records turned into a sheet by a converter: the event's moment as the
    milliseconds since 1 January 1970 (UTC), a 13-figure number."""
    rows = [["eventDate", "author", "category", "text"]]
    rows += [[int(utc_of(i).timestamp() * 1000), WORKERS[i % 4], TYPES[i % 4], TEXTS[i]]
             for i in range(8)]  # fmt: skip
    wb, _ws = _book(rows, title="records")
    truth = [_t(i, time=_hm(i), practitioner=WORKERS[i % 4], event_type=TYPES[i % 4])
             for i in range(8)]  # fmt: skip
    return _save(wb, folder, "epoch_milliseconds.xlsx"), truth


# --- 3. typed dates: month first without separators, slips in separators, weeks ---------------


def month_first_numbers(folder: Path):
    """A US-made case tool's export opened in Excel: dates written month first without
    separators ("03142016"), Excel kept them as numbers and lost the leading nought (3142016);
    the days over 12 (14, 21, 28) show the order."""
    rows = [["Date", "Caseworker", "Type", "Notes"]]
    rows += [[int(f"{DAYS[i]:%m%d%Y}"), WORKERS[i % 4], TYPES[i % 4], TEXTS[i]] for i in range(8)]
    wb, _ws = _book(rows)
    truth = [_t(i, practitioner=WORKERS[i % 4], event_type=TYPES[i % 4]) for i in range(8)]
    return _save(wb, folder, "month_first_numbers.xlsx"), truth


SLIPS = ["14.03/2016", "03/04//2016", "06-05/2016", "21 /06/2016", "02/08 /2016", "12,09,2016",
         "05/10/2016.", "28/11/2016"]  # fmt: skip


def separator_slips(folder: Path):
    """Dates typed in a hurry, the separators slipping: "14.03/2016", "03/04//2016",
    "06-05/2016", "21 /06/2016", "12,09,2016", "05/10/2016."."""
    rows = [["Date", "Worker", "Event"]]
    rows += [[SLIPS[i], WORKERS[i % 4], TEXTS[i]] for i in range(8)]
    wb, _ws = _book(rows)
    truth = [_t(i, practitioner=WORKERS[i % 4]) for i in range(8)]
    return _save(wb, folder, "separator_slips.xlsx"), truth


def week_spans(i: int) -> tuple[str, Expected] | None:
    """Rows 1 and 5 known only to the week: "w/c 04/04/2016" (the week commencing Monday 4
    April) and "w/e 16/09/2016" (the week ending Friday 16 September)."""
    if i == 1:
        return "w/c 04/04/2016", Expected(date(2016, 4, 4), date(2016, 4, 10), event=TEXTS[i],
                                          flag_ok=True)  # fmt: skip
    if i == 5:
        return "w/e 16/09/2016", Expected(date(2016, 9, 10), date(2016, 9, 16), event=TEXTS[i],
                                          flag_ok=True)  # fmt: skip
    return None


def weeks_commencing(folder: Path):
    """A family support log: most rows date cells, two known only to the week, typed "w/c
    04/04/2016" and "w/e 16/09/2016"."""
    rows = [["Date", "Family support worker", "Event"]]
    truth = []
    for i in range(8):
        week = week_spans(i)
        rows.append([week[0] if week else DAYS[i], WORKERS[i % 4], TEXTS[i]])
        truth.append(week[1] if week else _t(i, practitioner=WORKERS[i % 4]))
    wb, ws = _book(rows)
    _date_cells(ws)
    return _save(wb, folder, "weeks_commencing.xlsx"), truth


# --- 4. Welsh --------------------------------------------------------------------------------


def welsh_headings_other_words(folder: Path):
    """A Welsh-medium team's sheet with headings in other words than the usual: "Dyddiad y
    cyswllt", "Amser", "Enw'r ymarferydd", "Math o gyswllt", "Manylion y cyswllt"."""
    rows = [["Dyddiad y cyswllt", "Amser", "Enw'r ymarferydd", "Math o gyswllt",
             "Manylion y cyswllt"]]  # fmt: skip
    rows += [[DAYS[i], _hm(i), WORKERS[i % 4], TYPES[i % 4], TEXTS[i]] for i in range(8)]
    wb, ws = _book(rows, title="Cronoleg")
    _date_cells(ws)
    truth = [_t(i, time=_hm(i), practitioner=WORKERS[i % 4], event_type=TYPES[i % 4])
             for i in range(8)]  # fmt: skip
    return _save(wb, folder, "welsh_headings_other_words.xlsx"), truth


WELSH_SHORT = ["14 Maw 2016", "3 Ebr 2016", "6 Mai 2016", "21 Meh 2016", "2 Awst 2016",
               "12 Medi 2016", "5 Hyd 2016", "28 Tach 2016"]  # fmt: skip


def ods_welsh_month_abbreviations(folder: Path):
    """A Welsh-medium service's LibreOffice log: dates typed with the Welsh months shortened,
    "14 Maw 2016", "3 Ebr 2016", "21 Meh 2016", "28 Tach 2016"."""
    rows = [["Dyddiad", "Gweithiwr", "Digwyddiad"]]
    rows += [[WELSH_SHORT[i], WORKERS[i % 4], TEXTS[i]] for i in range(8)]
    path = folder / "ods_welsh_month_abbreviations.ods"
    _ods(path, rows)
    return path, [_t(i, practitioner=WORKERS[i % 4]) for i in range(8)]


# --- 5. what people did to the sheet ----------------------------------------------------------


def header_sorted_to_bottom(folder: Path):
    """The author sorted the whole range by the date column, the header row with it: the
    dates come first and the header row ends up at the bottom."""
    rows = [[DAYS[i], WORKERS[i % 4], TYPES[i % 4], TEXTS[i]] for i in range(8)]
    rows.append(["Date", "Worker", "Type", "Event"])
    wb, ws = _book(rows)
    _date_cells(ws)
    truth = [_t(i, practitioner=WORKERS[i % 4], event_type=TYPES[i % 4]) for i in range(8)]
    return _save(wb, folder, "header_sorted_to_bottom.xlsx"), truth


def two_tier_headings(folder: Path):
    """Headings in two tiers: "Contact" merged over Date, Time and Type, "Practitioner" merged
    over Name and Role, "Details" over Summary."""
    rows = [["Contact", None, None, "Practitioner", None, "Details"],
            ["Date", "Time", "Type", "Name", "Role", "Summary"]]  # fmt: skip
    roles = ["Social worker", "Health visitor", "PCSO", "Family support worker"]
    rows += [[DAYS[i], _hm(i), TYPES[i % 4], WORKERS[i % 4], roles[i % 4], TEXTS[i]]
             for i in range(8)]  # fmt: skip
    wb, ws = _book(rows)
    _date_cells(ws)
    ws.merge_cells("A1:C1")
    ws.merge_cells("D1:E1")
    truth = [_t(i, time=_hm(i), practitioner=WORKERS[i % 4], event_type=TYPES[i % 4])
             for i in range(8)]  # fmt: skip
    return _save(wb, folder, "two_tier_headings.xlsx"), truth


# --- 6. health systems' layouts ----------------------------------------------------------------


def progress_notes_three_people(folder: Path):
    """A mental health trust's progress notes: the note's date and time, its type, the
    originator (the clinician), who typed it in (an administrator) and who validated it (a
    manager), a "Significant" Y/N, then the note."""
    rows = [["Date and time of note", "Note type", "Originator", "Entered by", "Validated by",
             "Significant", "Note"]]  # fmt: skip
    rows += [[f"{DAYS[i]:%d/%m/%Y} {_hm(i)}", TYPES[i % 4], WORKERS[i % 4], ADMINS[i % 4],
              MANAGERS[i % 2], "Y" if i % 3 == 0 else "N", TEXTS[i]] for i in range(8)]  # fmt: skip
    wb, _ws = _book(rows, title="Progress Notes")
    truth = [_t(i, time=_hm(i), practitioner=WORKERS[i % 4], event_type=TYPES[i % 4])
             for i in range(8)]  # fmt: skip
    return _save(wb, folder, "progress_notes_three_people.xlsx"), truth


def contacts_with_minutes(folder: Path):
    """A community health system's contact list: the date, the time, the contact's length in
    minutes as a number (30, 45, 60), where, the contact type, the member of staff, the notes."""
    minutes = [30, 45, 60, 15, 20, 90, 30, 45]
    rows = [["Contact Date", "Contact Time", "Duration (mins)", "Location", "Contact Type",
             "Staff", "Notes"]]  # fmt: skip
    rows += [[DAYS[i], _hm(i), minutes[i], LOCATIONS[i % 4], TYPES[i % 4], WORKERS[i % 4],
              TEXTS[i]] for i in range(8)]  # fmt: skip
    wb, ws = _book(rows, title="Contacts")
    _date_cells(ws)
    truth = [_t(i, time=_hm(i), practitioner=WORKERS[i % 4], event_type=TYPES[i % 4])
             for i in range(8)]  # fmt: skip
    return _save(wb, folder, "contacts_with_minutes.xlsx"), truth


# --- 7. written after the rules, to try them on other files of their kinds ---------------------


def sorted_header_under_title(folder: Path):
    """A title over the sheet ("Chronology: Child Z"), then the rows sorted by date with the
    header row among them, so that it ends up under the entries; the times are time cells."""
    rows = [["Chronology: Child Z", None, None, None]]
    rows += [[DAYS[i], TIMES[i], WORKERS[i % 4], TEXTS[i]] for i in range(8)]
    rows.append(["Date", "Time", "Practitioner", "Details"])
    wb, ws = _book(rows)
    _date_cells(ws)
    for cell in ws["B"][1:9]:
        cell.number_format = "hh:mm"
    truth = [_t(i, time=_hm(i), practitioner=WORKERS[i % 4]) for i in range(8)]
    return _save(wb, folder, "sorted_header_under_title.xlsx"), truth


def json_dates_keyed_by_clerk(folder: Path):
    """A web service's records saved to a sheet: "/Date(...)/" dates as text, the author, and
    who keyed each record in ("Input by": the team's administrator)."""
    rows = [["Date", "Input by", "Author", "Type", "Description"]]
    rows += [[f"/Date({int(utc_of(i).timestamp() * 1000)})/", ADMINS[i % 2], WORKERS[i % 4],
              TYPES[i % 4], TEXTS[i]] for i in range(8)]  # fmt: skip
    wb, _ws = _book(rows, title="Records")
    truth = [_t(i, time=_hm(i), practitioner=WORKERS[i % 4], event_type=TYPES[i % 4])
             for i in range(8)]  # fmt: skip
    return _save(wb, folder, "json_dates_keyed_by_clerk.xlsx"), truth


FILES = {
    f.__name__: f
    for f in (
        wider_export_under,
        ods_wider_export_under,
        xls_wider_export_under,
        xls_sql_style_113,
        mainframe_date_and_time,
        epoch_milliseconds,
        month_first_numbers,
        separator_slips,
        weeks_commencing,
        welsh_headings_other_words,
        ods_welsh_month_abbreviations,
        header_sorted_to_bottom,
        two_tier_headings,
        progress_notes_three_people,
        contacts_with_minutes,
        sorted_header_under_title,
        json_dates_keyed_by_clerk,
    )  # fmt: skip
}
