"""The eighteenth round's files: shapes not met before (a worker's calendar exported by Outlook
as CSV with its reminder dates, a voluntary service's Notion database exported as CSV with
dates written out in words and a date range joined by an arrow, a web service's CSV of
HTTP dates in GMT, an Oracle client's CSV export with its default timestamp form, a work
board exported to Excel group by group with a timeline column, an education welfare log kept
by the morning and afternoon session, a CRM's report CSV with its footer lines, a CSV whose
UTF-8 text was read as Windows-1252 and saved again, a database dump written by SELECT INTO
OUTFILE with its backslash escapes, a substance misuse service's appointment list with the
booking date first, and a domestic abuse service's contact log with the referral date and the
client's date of birth on every row). Each builder writes a file into a folder and returns
(path, truth). All names are fictional."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from tests.chronology.eighth_round_text import _write
from tests.chronology.fourteenth_round_files import _hm, _timed
from tests.chronology.robust_files import DAYS, TEXTS, TIMES, TYPES, WORKERS, Expected
from tests.chronology.seventh_round_sheets import _book, _save, _t

SAID: dict[str, list[str]] = {}
NOT_SAID: dict[str, list[str]] = {}
KEY_TEXTS: dict[str, list[str]] = {}
KEPT: dict[str, list[list[str]]] = {}


def _all(i: int) -> Expected:
    return _timed(i, practitioner=WORKERS[i % 4], event_type=TYPES[i % 4])


def _at(i: int) -> datetime:
    return datetime.combine(DAYS[i], TIMES[i])


def _utc(i: int) -> datetime:
    """Entry i's time as the UTC clock showed it (an hour behind the UK's in summer)."""
    from zoneinfo import ZoneInfo

    local = _at(i).replace(tzinfo=ZoneInfo("Europe/London"))
    return local.astimezone(ZoneInfo("UTC")).replace(tzinfo=None)


def _twelve(moment: datetime, *, seconds: bool = False) -> str:
    hour = moment.hour % 12 or 12
    tail = f":{moment:%S}" if seconds else ""
    return f"{hour}:{moment:%M}{tail} {moment:%p}"


# --- 1. a worker's calendar exported by Outlook as CSV --------------------------------------


def outlook_calendar_csv(folder: Path):
    """A family support worker's Outlook calendar exported to a CSV file (File > Open & Export
    > Import/Export > Export to a file): Outlook's own columns, "Start Date", "Start Time",
    "End Date", "End Time", "All day event", "Reminder on/off", "Reminder Date" (the day
    before), "Reminder Time", "Meeting Organizer", "Categories", "Description" (the note, over
    several lines), "Location", "Private", "Sensitivity", "Show time as"."""
    heads = ["Subject", "Start Date", "Start Time", "End Date", "End Time", "All day event",
             "Reminder on/off", "Reminder Date", "Reminder Time", "Meeting Organizer",
             "Required Attendees", "Optional Attendees", "Meeting Resources",
             "Billing Information", "Categories", "Description", "Location", "Mileage",
             "Priority", "Private", "Sensitivity", "Show time as"]  # fmt: skip
    rows = [heads]
    for i in range(8):
        start = _at(i)
        end = start + timedelta(minutes=45)
        reminder = start - timedelta(days=1)
        note = TEXTS[i].replace(". ", ".\r\n", 1)  # Outlook keeps the note's line breaks
        rows.append([f"{TYPES[i % 4]} - Child Z", f"{start:%d/%m/%Y}", f"{start:%H:%M:%S}",
                     f"{end:%d/%m/%Y}", f"{end:%H:%M:%S}", "False", "True",
                     f"{reminder:%d/%m/%Y}", f"{reminder:%H:%M:%S}", WORKERS[i % 4], "", "",
                     "", "", TYPES[i % 4], note, "Family home", "", "Normal", "False",
                     "Normal", "2"])  # fmt: skip
    path = folder / "outlook_calendar_csv.CSV"
    _write(path, rows, encoding="cp1252", quoting=1)
    # the note's line breaks read as spaces: the whole note is the narrative
    return path, [_all(i) for i in range(8)]


# --- 2. a Notion database exported as CSV ---------------------------------------------------


def notion_database_csv(folder: Path):
    """A small charity's case log kept in a Notion database and exported ("Export" > "Markdown
    & CSV"): a UTF-8 file with a byte order mark, the page title in "Name", the date property
    written out ("March 14, 2016 10:32 AM"), one entry a range joined by an arrow ("April 3,
    2016 2:30 PM \u2192 April 5, 2016"), "Created" (when the page was made, the next morning)
    and a person property."""
    rows = [["Name", "Date", "Worker", "Type", "Created", "Notes"]]
    truth = []
    for i in range(8):
        when = f"{DAYS[i]:%B} {DAYS[i].day}, {DAYS[i].year} {_twelve(_at(i))}"
        end = None
        if i == 1:
            end = DAYS[i] + timedelta(days=2)
            when += f" \u2192 {end:%B} {end.day}, {end.year}"
        made = datetime.combine(DAYS[i] + timedelta(days=1), TIMES[(i + 3) % 8])
        created = f"{made:%B} {made.day}, {made.year} {_twelve(made)}"
        rows.append([f"{TYPES[i % 4]} note", when, WORKERS[i % 4], TYPES[i % 4], created,
                     TEXTS[i]])  # fmt: skip
        truth.append(Expected(start=DAYS[i], end=end, time=_hm(i), event=TEXTS[i],
                              practitioner=WORKERS[i % 4], event_type=TYPES[i % 4]))  # fmt: skip
    path = folder / "notion_database_csv.csv"
    _write(path, rows, encoding="utf-8-sig")
    return path, truth


# --- 3. a web service's CSV of HTTP dates ----------------------------------------------------


def web_service_http_dates(folder: Path):
    """A web-based referral portal's CSV download: the times written the way the web writes
    them, in GMT whatever the season ("Tue, 21 Jun 2016 15:45:00 GMT" for 16:45 in the UK)."""
    rows = [["submitted", "handled_by", "category", "summary"]]
    for i in range(8):
        rows.append([f"{_utc(i):%a, %d %b %Y %H:%M:%S} GMT", WORKERS[i % 4], TYPES[i % 4],
                     TEXTS[i]])  # fmt: skip
    path = folder / "web_service_http_dates.csv"
    _write(path, rows)
    return path, [_all(i) for i in range(8)]


# --- 4. an Oracle client's CSV export --------------------------------------------------------


def oracle_client_export(folder: Path):
    """A health trust's extract run in an Oracle client and exported to CSV: headings in
    capitals, the timestamp in the database's default form "14-MAR-16 10.32.00.000000000 AM",
    every text quoted."""
    rows = [["CONTACT_ID", "CONTACT_DTTM", "STAFF_NAME", "CONTACT_TYPE", "CONTACT_NOTE"]]
    for i in range(8):
        at = _at(i)
        hour = at.hour % 12 or 12
        stamp = f"{at:%d-%b-%y}".upper() + f" {hour:02d}.{at:%M}.{at:%S}.000000000 {at:%p}"
        rows.append([str(880100 + i), stamp, WORKERS[i % 4], TYPES[i % 4], TEXTS[i]])
    path = folder / "oracle_client_export.csv"
    _write(path, rows, quoting=2)
    return path, [_all(i) for i in range(8)]


# --- 5. a work board exported to Excel group by group ---------------------------------------


def work_board_groups(folder: Path):
    """A multi-agency team's work board exported to Excel: the board's name on the first row,
    then each group's name, its column headings and its items, a blank row between groups; the
    dates in a "Timeline" column as "2016-03-14 - 2016-03-16" (a single day written once)."""
    wb, ws = _book([["Child Z - support plan"], []], title="Child Z - support plan")
    heads = ["Name", "Person", "Status", "Timeline", "Type", "Notes"]
    truth = []
    for group, block in (("Done", range(0, 4)), ("Closed", range(4, 8))):
        ws.append([group])
        ws.append(heads)
        for i in block:
            end = DAYS[i] + timedelta(days=2) if i % 3 == 0 else DAYS[i]
            span = (
                f"{DAYS[i]:%Y-%m-%d}" if end == DAYS[i] else f"{DAYS[i]:%Y-%m-%d} - {end:%Y-%m-%d}"
            )
            ws.append([f"{TYPES[i % 4]} ({i + 1})", WORKERS[i % 4], "Done", span, TYPES[i % 4],
                       TEXTS[i]])  # fmt: skip
            truth.append(_t(i, end=None if end == DAYS[i] else end, practitioner=WORKERS[i % 4],
                            event_type=TYPES[i % 4]))  # fmt: skip
        ws.append([])
    return _save(wb, folder, "work_board_groups.xlsx"), truth


# --- 6. an education welfare log by session --------------------------------------------------


def welfare_log_sessions(folder: Path):
    """An education welfare officer's log from the school's information system: the date, the
    session ("AM" or "PM", the register's half-day, not a clock time), the attendance code,
    the officer, the action and the note."""
    rows = [["Date", "Session", "Code", "Officer", "Action", "Notes"]]
    for i in range(8):
        rows.append([f"{DAYS[i]:%d/%m/%Y}", "AM" if i % 2 == 0 else "PM", "NUO"[i % 3],
                     WORKERS[i % 4], TYPES[i % 4], TEXTS[i]])  # fmt: skip
    path = folder / "welfare_log_sessions.csv"
    _write(path, rows)
    return path, [_t(i, practitioner=WORKERS[i % 4], event_type=TYPES[i % 4]) for i in range(8)]


# --- 7. a CRM's report CSV with its footer -------------------------------------------------


def crm_report_footer(folder: Path):
    """A voluntary sector CRM's report exported as CSV ("Details only"): every field quoted,
    "Activity Date" and "Created Date" (entered later), and under the table a blank line, the
    report's name, the copyright line, the confidentiality line and who ran it."""
    rows = [["Subject", "Activity Date", "Assigned", "Activity Type", "Full Comments",
             "Created Date"]]  # fmt: skip
    for i in range(8):
        made = _at(i) + timedelta(days=1, hours=2)
        rows.append([f"{TYPES[i % 4]}", f"{DAYS[i]:%d/%m/%Y}", WORKERS[i % 4], TYPES[i % 4],
                     TEXTS[i], f"{made:%d/%m/%Y %H:%M}"])  # fmt: skip
    rows += [[""], ["Family Support Activities"],
             ["Copyright (c) 2000-2016 crm.example, inc. All rights reserved."],
             ["Confidential Information - Do Not Distribute"],
             ["Generated By:  Grace Adeyemi  02/12/2016 09:14"], ["Hillside Family Trust"]]  # fmt: skip
    path = folder / "crm_report_footer.csv"
    _write(path, rows, quoting=1)
    KEY_TEXTS["crm_report_footer"] = ["Copyright (c)", "Confidential Information"]
    truth = [_t(i, practitioner=WORKERS[i % 4], event_type=TYPES[i % 4]) for i in range(8)]
    return path, truth


# --- 8. UTF-8 read as Windows-1252 and saved again -------------------------------------------

WELSH_WORKERS = ["Siân Prydderch", "Rhiannon Ffrancon", "Dafydd Llŷr", "Ceri Gwynedd"]
ACCENTED = [
    "Home visit: Siân saw the children; mum’s partner was there. Safe sleep advice repeated.",
    "Call from the café: Child Z was left outside for an hour — staff rang the police.",
    "Not brought to the appointment. “No bus fare,” mother said; letter to the GP.",
    "A&E: burn to the right hand, explanation fits; referral made as a précis of concerns.",
    "Strategy discussion with police and health: threshold for a section 47 enquiry met.",
    "Unannounced visit: nobody in. Neighbour (Mrs Ó Dálaigh) said they’d gone away.",
    "School: Child Z hungry on arrival most mornings; breakfast club offered – accepted.",
    "Supervision: manager agreed a child in need plan; review in six weeks’ time.",
]


def utf8_read_as_ansi(folder: Path):
    """A CSV written in UTF-8 without a byte order mark, opened by a spreadsheet that took it
    for Windows-1252 and saved again as UTF-8: every accented letter and curly quote has
    become two or three letters ("SiÃ¢n", "mumâ€™s")."""
    rows = [["Date", "Worker", "Type", "Note"]]
    for i in range(8):
        rows.append([f"{DAYS[i]:%d/%m/%Y}", WELSH_WORKERS[i % 4], TYPES[i % 4], ACCENTED[i]])
    path = folder / "utf8_read_as_ansi.csv"
    text = "\r\n".join(",".join(f'"{c}"' for c in row) for row in rows) + "\r\n"
    # each byte read as Windows-1252; the five it leaves unnamed kept as the same code point
    garbled = "".join(bytes([b]).decode("cp1252", "ignore") or chr(b) for b in text.encode())
    path.write_text(garbled, encoding="utf-8", newline="")
    truth = [Expected(start=DAYS[i], event=ACCENTED[i], practitioner=WELSH_WORKERS[i % 4],
                      event_type=TYPES[i % 4]) for i in range(8)]  # fmt: skip
    return path, truth


# --- 9. a database dump written by SELECT ... INTO OUTFILE ----------------------------------


def select_into_outfile(folder: Path):
    """A case database's table written by the server's SELECT ... INTO OUTFILE with its
    defaults: tabs between fields, no heading row added by the server (the analyst typed one),
    "\\N" for an empty field, a line break inside a note written as a backslash before it, a
    tab inside a note as "\\t"."""
    lines = ["contact_at\tworker\tcontact_type\toutcome\tnote"]
    truth = []
    for i in range(8):
        first, rest = TEXTS[i].split(". ", 1) if ". " in TEXTS[i] else (TEXTS[i], "")
        note = f"{first}.\\\n{rest}" if rest else first
        outcome = "\\N" if i % 2 else "Closed\\tno further action"
        lines.append(f"{_at(i):%Y-%m-%d %H:%M:%S}\t{WORKERS[i % 4]}\t{TYPES[i % 4]}\t{outcome}"
                     f"\t{note}")  # fmt: skip
        truth.append(_all(i))  # the line break read back: the note as it was written
    path = folder / "select_into_outfile.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8", newline="")
    KEY_TEXTS["select_into_outfile"] = ["\\N", "\\t"]
    return path, truth


# --- 10. a substance misuse service's appointments ------------------------------------------


def substance_misuse_appointments(folder: Path):
    """A drug and alcohol service's appointment list: "Booked On" (when the appointment was
    made, days before) first, then "Appointment Date" and "Appointment Time", the status, the
    keyworker and the note."""
    rows = [["Booked On", "Appointment Date", "Appointment Time", "Status", "Keyworker",
             "Appointment Type", "Notes"]]  # fmt: skip
    for i in range(8):
        booked = DAYS[i] - timedelta(days=6 + i)
        rows.append([f"{booked:%d/%m/%Y}", f"{DAYS[i]:%d/%m/%Y}", _hm(i),
                     "Attended" if i % 3 else "DNA", WORKERS[i % 4], TYPES[i % 4], TEXTS[i]])  # fmt: skip
    wb, _ws = _book(rows, title="Appointments")
    return _save(wb, folder, "substance_misuse_appointments.xlsx"), [_all(i) for i in range(8)]


# --- 11. a domestic abuse service's contact log ---------------------------------------------


def idva_contact_log(folder: Path):
    """An independent domestic violence adviser service's contact log from its case system:
    the client's reference, date of birth and the referral date on every row before the
    contact's own date and time, then the method, the adviser and the notes."""
    rows = [["Client Ref", "DOB", "Referral Received", "Risk Level", "Contact Date",
             "Contact Time", "Method", "IDVA", "Case Notes"]]  # fmt: skip
    for i in range(8):
        rows.append(["DA-20417", "02/07/1994", "01/03/2016", "High", f"{DAYS[i]:%d/%m/%Y}",
                     _hm(i), TYPES[i % 4], WORKERS[i % 4], TEXTS[i]])  # fmt: skip
    path = folder / "idva_contact_log.csv"
    _write(path, rows)
    return path, [_all(i) for i in range(8)]


FILES = {
    "outlook_calendar_csv": outlook_calendar_csv,
    "notion_database_csv": notion_database_csv,
    "web_service_http_dates": web_service_http_dates,
    "oracle_client_export": oracle_client_export,
    "work_board_groups": work_board_groups,
    "welfare_log_sessions": welfare_log_sessions,
    "crm_report_footer": crm_report_footer,
    "utf8_read_as_ansi": utf8_read_as_ansi,
    "select_into_outfile": select_into_outfile,
    "substance_misuse_appointments": substance_misuse_appointments,
    "idva_contact_log": idva_contact_log,
}


# --- Written after the first rules ----------------------------------------------------------


def google_calendar_csv(folder: Path):
    """A worker's calendar in another web calendar exported to CSV the Outlook way: "Start
    Date" and "Start Time" with a 12-hour clock ("2:30 PM"), "End Date", "End Time", the
    description, and "Reminder Date" a week before."""
    rows = [["Subject", "Start Date", "Start Time", "End Date", "End Time", "All Day Event",
             "Reminder On/Off", "Reminder Date", "Reminder Time", "Description", "Location",
             "Organizer", "Category"]]  # fmt: skip
    for i in range(8):
        start = _at(i)
        reminder = start - timedelta(days=7)
        rows.append([f"Child Z - {TYPES[i % 4]}", f"{start:%d/%m/%Y}", _twelve(start),
                     f"{start:%d/%m/%Y}", _twelve(start + timedelta(hours=1)), "False", "True",
                     f"{reminder:%d/%m/%Y}", _twelve(reminder), TEXTS[i], "", WORKERS[i % 4],
                     TYPES[i % 4]])  # fmt: skip
    path = folder / "google_calendar_csv.csv"
    _write(path, rows)
    return path, [_all(i) for i in range(8)]


def notion_date_only_ranges(folder: Path):
    """A Notion database of a family's moves exported to CSV: dates without times ("March 14,
    2016"), two of them ranges over an arrow ("June 21, 2016 \u2192 June 24, 2016"), "Last
    edited time" at the end."""
    rows = [["Name", "When", "Who", "Category", "Details", "Last edited time"]]
    truth = []
    for i in range(8):
        end = DAYS[i] + timedelta(days=3) if i in (3, 6) else None
        when = f"{DAYS[i]:%B} {DAYS[i].day}, {DAYS[i].year}"
        if end:
            when += f" \u2192 {end:%B} {end.day}, {end.year}"
        edited = datetime(2016, 12, 1, 9, 14)
        rows.append([f"Entry {i + 1}", when, WORKERS[i % 4], TYPES[i % 4], TEXTS[i],
                     f"{edited:%B} {edited.day}, {edited.year} {_twelve(edited)}"])  # fmt: skip
        truth.append(_t(i, end=end, practitioner=WORKERS[i % 4], event_type=TYPES[i % 4]))
    path = folder / "notion_date_only_ranges.csv"
    _write(path, rows, encoding="utf-8-sig")
    return path, truth


def json_http_dates(folder: Path):
    """A web service's JSON download whose dates are HTTP dates in GMT ("Tue, 21 Jun 2016
    15:45:00 GMT" for 16:45 in the UK)."""
    import json

    records = [{"when": f"{_utc(i):%a, %d %b %Y %H:%M:%S} GMT", "staff": WORKERS[i % 4],
                "kind": TYPES[i % 4], "text": TEXTS[i]} for i in range(8)]  # fmt: skip
    path = folder / "json_http_dates.json"
    path.write_text(json.dumps({"contacts": records}, indent=2), encoding="utf-8")
    return path, [_all(i) for i in range(8)]


def oracle_dates_only(folder: Path):
    """An Oracle client's CSV export of a DATE column in the database's default form, two-
    figure years and the month in capitals ("14-MAR-16"), the time in a column of its own
    ("10:32")."""
    rows = [["EVENT_DATE", "EVENT_TIME", "RECORDED_BY", "EVENT_TYPE", "EVENT_TEXT"]]
    for i in range(8):
        rows.append([f"{DAYS[i]:%d-%b-%y}".upper(), _hm(i), WORKERS[i % 4], TYPES[i % 4],
                     TEXTS[i]])  # fmt: skip
    path = folder / "oracle_dates_only.csv"
    _write(path, rows)
    return path, [_all(i) for i in range(8)]


def work_board_csv(folder: Path):
    """The work board exported as CSV instead: the group's name in a "Group" column, the
    "Owner", a "Date" column with ISO days and a "Timeline" column spanning days."""
    rows = [["Item", "Group", "Owner", "Timeline", "Status", "Type", "Update"]]
    truth = []
    for i in range(8):
        end = DAYS[i] + timedelta(days=1) if i % 2 else DAYS[i]
        span = f"{DAYS[i]:%Y-%m-%d} - {end:%Y-%m-%d}"
        rows.append([f"Task {i + 1}", "Done", WORKERS[i % 4], span, "Done", TYPES[i % 4],
                     TEXTS[i]])  # fmt: skip
        truth.append(_t(i, end=None if end == DAYS[i] else end, practitioner=WORKERS[i % 4],
                        event_type=TYPES[i % 4]))  # fmt: skip
    path = folder / "work_board_csv.csv"
    _write(path, rows)
    return path, truth


def register_sessions_xlsx(folder: Path):
    """A school's attendance officer's log as a workbook: the date cell, "Session" written
    "Morning" or "Afternoon", the officer, "Contact Type" and the note."""
    rows = [["Date", "Session", "Officer", "Contact Type", "Note"]]
    for i in range(8):
        rows.append([DAYS[i], "Morning" if i % 2 else "Afternoon", WORKERS[i % 4],
                     TYPES[i % 4], TEXTS[i]])  # fmt: skip
    wb, ws = _book(rows, title="EWO log")
    for r in range(2, 10):
        ws.cell(r, 1).number_format = "dd/mm/yyyy"
    truth = [_t(i, practitioner=WORKERS[i % 4], event_type=TYPES[i % 4]) for i in range(8)]
    return _save(wb, folder, "register_sessions_xlsx.xlsx"), truth


def misread_utf8_semicolons(folder: Path):
    """A Welsh service's CSV written with semicolons in UTF-8, opened as Windows-1252 and
    saved again in UTF-8 with a byte order mark: "Dafydd LlÅ·r", "Ã´"."""
    rows = [["Dyddiad / Date", "Gweithiwr / Worker", "Math / Type", "Nodyn / Note"]]
    for i in range(8):
        rows.append([f"{DAYS[i]:%d/%m/%Y}", WELSH_WORKERS[i % 4], TYPES[i % 4], ACCENTED[i]])
    import csv
    import io

    out = io.StringIO()
    csv.writer(out, delimiter=";").writerows(rows)
    text = out.getvalue()
    garbled = "".join(bytes([b]).decode("cp1252", "ignore") or chr(b) for b in text.encode())
    path = folder / "misread_utf8_semicolons.csv"
    path.write_text(garbled, encoding="utf-8-sig", newline="")
    truth = [Expected(start=DAYS[i], event=ACCENTED[i], practitioner=WELSH_WORKERS[i % 4],
                      event_type=TYPES[i % 4]) for i in range(8)]  # fmt: skip
    return path, truth


def crm_footer_semicolons(folder: Path):
    """A CRM's report saved in a European locale: semicolons, every field quoted, the
    date-time "14.03.2016 10:32", and its footer lines under a blank line."""
    rows = [["Subject", "Date", "Owner", "Type", "Comments"]]
    for i in range(8):
        rows.append([TYPES[i % 4], f"{_at(i):%d.%m.%Y %H:%M}", WORKERS[i % 4], TYPES[i % 4],
                     TEXTS[i]])  # fmt: skip
    rows += [[""], ["Contacts report"], ["Copyright (c) 2000-2016 crm.example, inc."],
             ["Confidential Information - Do Not Distribute"]]  # fmt: skip
    path = folder / "crm_footer_semicolons.csv"
    _write(path, rows, delimiter=";", quoting=1)
    KEY_TEXTS["crm_footer_semicolons"] = ["Copyright (c)", "Confidential Information"]
    return path, [_all(i) for i in range(8)]


def ed_attendance_list(folder: Path):
    """A hospital emergency department's attendance list for the child: "Arrival Date/Time",
    "Triage Time", "Seen Time" and "Departure Date/Time" (an hour or more later), the
    presenting complaint, the clinician and the notes."""
    rows = [["Attendance No", "Arrival Date/Time", "Triage Time", "Seen Time",
             "Departure Date/Time", "Presenting Complaint", "Clinician", "Clinical Notes"]]  # fmt: skip
    for i in range(8):
        at = _at(i)
        rows.append([f"ED{40210 + i}", f"{at:%d/%m/%Y %H:%M}",
                     f"{at + timedelta(minutes=12):%H:%M}", f"{at + timedelta(minutes=50):%H:%M}",
                     f"{at + timedelta(hours=3):%d/%m/%Y %H:%M}", TYPES[i % 4], WORKERS[i % 4],
                     TEXTS[i]])  # fmt: skip
    path = folder / "ed_attendance_list.csv"
    _write(path, rows)
    truth = [_timed(i, practitioner=WORKERS[i % 4]) for i in range(8)]
    return path, truth


def youth_justice_booked_first(folder: Path):
    """A youth justice service's contact list: "Date Entered" (typed up the next day) before
    "Contact Date", the start and end times, attended or not, the officer and the notes."""
    rows = [["Date Entered", "Contact Date", "Start Time", "End Time", "Attended",
             "Contact Type", "YOT Officer", "Notes"]]  # fmt: skip
    for i in range(8):
        entered = DAYS[i] + timedelta(days=1)
        rows.append([f"{entered:%d/%m/%Y}", f"{DAYS[i]:%d/%m/%Y}", _hm(i),
                     f"{_at(i) + timedelta(hours=1):%H:%M}", "Yes" if i % 3 else "No",
                     TYPES[i % 4], WORKERS[i % 4], TEXTS[i]])  # fmt: skip
    wb, _ws = _book(rows, title="Contacts")
    return _save(wb, folder, "youth_justice_booked_first.xlsx"), [_all(i) for i in range(8)]


LATER = {
    "google_calendar_csv": google_calendar_csv,
    "notion_date_only_ranges": notion_date_only_ranges,
    "json_http_dates": json_http_dates,
    "oracle_dates_only": oracle_dates_only,
    "work_board_csv": work_board_csv,
    "register_sessions_xlsx": register_sessions_xlsx,
    "misread_utf8_semicolons": misread_utf8_semicolons,
    "crm_footer_semicolons": crm_footer_semicolons,
    "ed_attendance_list": ed_attendance_list,
    "youth_justice_booked_first": youth_justice_booked_first,
}
