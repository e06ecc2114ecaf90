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

from datetime import date, datetime, timedelta
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
