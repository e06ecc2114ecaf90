"""The nineteenth round's files: shapes not met before (a web case system's CSV whose dates a
browser wrote with a narrow no-break space before "AM"/"PM", a Java-based system's log with
its default date text ("Tue Jun 21 16:45:00 BST 2016"), a referral portal whose only date
column says in its heading that it is UTC, dates written in full with the zone's whole name
("... at 16:45:00 British Summer Time"), dates typed in Word with non-breaking hyphens and
pasted into a workbook, a team chat workspace's channel exported as JSON with its message
stamps, a survey tool's export with two heading rows and a multiple-choice question spread
over one column per choice, a voluntary service's contact list with a duration written as
hours and minutes, compact UTC stamps ("20160621T154500Z") in a data warehouse extract, and a
mental health trust's progress notes with the time in the date's own cell after "@"). Each
builder writes a file into a folder and returns (path, truth). All names are fictional."""

from __future__ import annotations

import json
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

NNBSP = "\u202f"


def _all(i: int) -> Expected:
    return _timed(i, practitioner=WORKERS[i % 4], event_type=TYPES[i % 4])


def _at(i: int) -> datetime:
    return datetime.combine(DAYS[i], TIMES[i])


def _utc(i: int) -> datetime:
    """Entry i's time as the UTC clock showed it (an hour behind the UK's in summer)."""
    from zoneinfo import ZoneInfo

    local = _at(i).replace(tzinfo=ZoneInfo("Europe/London"))
    return local.astimezone(ZoneInfo("UTC")).replace(tzinfo=None)


def _summer(i: int) -> bool:
    return _utc(i).hour != _at(i).hour


def _twelve(moment: datetime, *, seconds: bool = True, space: str = " ") -> str:
    hour = moment.hour % 12 or 12
    tail = f":{moment:%S}" if seconds else ""
    return f"{hour}:{moment:%M}{tail}{space}{moment:%p}"


# --- 1. a browser's dates with a narrow no-break space ---------------------------------------


def browser_narrow_space_times(folder: Path):
    """A web case system's "Download CSV" button, its dates made in the browser for the
    United States ("6/21/2016, 4:45:00\u202fPM"): month first, a comma after the day and,
    as browsers have written since 2023, a narrow no-break space before "PM"."""
    rows = [["Contact date", "Worker", "Contact type", "Summary"]]
    for i in range(8):
        at = _at(i)
        rows.append([f"{at.month}/{at.day}/{at.year}, {_twelve(at, space=NNBSP)}",
                     WORKERS[i % 4], TYPES[i % 4], TEXTS[i]])  # fmt: skip
    path = folder / "browser_narrow_space_times.csv"
    _write(path, rows, encoding="utf-8")
    return path, [_all(i) for i in range(8)]


# --- 2. a Java system's default date text ----------------------------------------------------


def java_default_date_text(folder: Path):
    """A Java-based housing system's case log written out with each date's default text, the
    UK clock's zone named between the time and the year ("Mon Mar 14 10:32:00 GMT 2016",
    "Tue Jun 21 16:45:00 BST 2016")."""
    rows = [["logged", "officer", "action", "details"]]
    for i in range(8):
        at = _at(i)
        zone = "BST" if _summer(i) else "GMT"
        rows.append([f"{at:%a %b %d %H:%M:%S} {zone} {at.year}", WORKERS[i % 4], TYPES[i % 4],
                     TEXTS[i]])  # fmt: skip
    path = folder / "java_default_date_text.csv"
    _write(path, rows)
    return path, [_all(i) for i in range(8)]


# --- 3. a portal whose date heading says UTC -------------------------------------------------


def portal_utc_heading(folder: Path):
    """A referral portal's CSV of referrals received: the only date column is headed
    "Received (UTC)" and holds the UTC clock's time ("2016-06-21 15:45:00" for 16:45 in the
    UK), with nothing in the cells to say so."""
    rows = [["Reference", "Received (UTC)", "Referrer", "Referral type", "Concern"]]
    for i in range(8):
        rows.append([f"REF-{5100 + i}", f"{_utc(i):%Y-%m-%d %H:%M:%S}", WORKERS[i % 4],
                     TYPES[i % 4], TEXTS[i]])  # fmt: skip
    path = folder / "portal_utc_heading.csv"
    _write(path, rows)
    return path, [_all(i) for i in range(8)]


# --- 4. dates written in full with the zone's whole name ------------------------------------


def full_dates_zone_names(folder: Path):
    """A school's safeguarding app's export, its dates in the full style a phone or Mac writes
    for English (United Kingdom): "Tuesday, 21 June 2016 at 16:45:00 British Summer Time",
    "Monday, 14 March 2016 at 10:32:00 Greenwich Mean Time"."""
    rows = [["Logged", "Staff member", "Category", "What happened"]]
    for i in range(8):
        at = _at(i)
        zone = "British Summer Time" if _summer(i) else "Greenwich Mean Time"
        rows.append([f"{at:%A}, {at.day} {at:%B %Y} at {at:%H:%M:%S} {zone}", WORKERS[i % 4],
                     TYPES[i % 4], TEXTS[i]])  # fmt: skip
    wb, _ws = _book(rows, title="Concerns")
    return _save(wb, folder, "full_dates_zone_names.xlsx"), [_all(i) for i in range(8)]


# --- 5. dates typed in Word with non-breaking hyphens ---------------------------------------


def word_hyphen_dates_pasted(folder: Path):
    """A chronology typed in a Word table, the dates with non-breaking hyphens (Ctrl+Shift+-,
    so that a date never breaks over two lines: "14\u201103\u20112016") and one with Word's
    own hyphen sign, pasted into a workbook where they stay text."""
    rows = [["Date", "Time", "Agency worker", "Event", "Details"]]
    for i in range(8):
        sign = "\u2010" if i == 5 else "\u2011"
        typed = sign.join([f"{DAYS[i]:%d}", f"{DAYS[i]:%m}", f"{DAYS[i]:%Y}"])
        rows.append([typed, _hm(i), WORKERS[i % 4], TYPES[i % 4], TEXTS[i]])
    wb, _ws = _book(rows)
    return _save(wb, folder, "word_hyphen_dates_pasted.xlsx"), [_all(i) for i in range(8)]


# --- 6. a team chat channel exported as JSON -------------------------------------------------


CHAT_IDS = ["U024BE7LH", "U03KM2P81", "U05QZ7N4D", "U02H6T1XC"]


def chat_channel_json(folder: Path):
    """A voluntary service's team chat workspace, one channel's day files joined and sent as
    JSON: each message with "type", "user", "text", its stamp "ts" (seconds since 1970 and
    six figures after the point, "1466523900.000200") and "user_profile" with "real_name";
    two system messages (someone joining the channel) among them."""
    records = []
    for i in range(8):
        stamp = int(_epoch(i))
        if i == 2:
            records.append({"type": "message", "subtype": "channel_join", "user": "U07R1K2M9",
                            "text": "<@U07R1K2M9> has joined the channel",
                            "ts": f"{stamp - 600}.000100"})  # fmt: skip
        records.append({
            "client_msg_id": f"5c1b{i:04d}-aa", "type": "message", "user": CHAT_IDS[i % 4],
            "text": TEXTS[i], "ts": f"{stamp}.{200 + i:06d}", "team": "T01",
            "user_profile": {"real_name": WORKERS[i % 4], "display_name": WORKERS[i % 4].split()[0]},
        })  # fmt: skip
    path = folder / "chat_channel_json.json"
    path.write_text(json.dumps(records, indent=4), encoding="utf-8")
    KEY_TEXTS["chat_channel_json"] = ["has joined the channel"]
    return path, [_timed(i, practitioner=WORKERS[i % 4]) for i in range(8)]


def _epoch(i: int) -> float:
    from zoneinfo import ZoneInfo

    return _at(i).replace(tzinfo=ZoneInfo("Europe/London")).timestamp()


# --- 7. a survey tool's export with two heading rows ----------------------------------------


def survey_two_heading_rows(folder: Path):
    """A youth service's contact form on an online survey tool, its responses exported to
    Excel: the first heading row has the tool's own columns and each question once, the
    second has "Response" or "Open-Ended Response" under a question and, under the
    multiple-choice "Type of contact", one column per choice, a cell filled with the choice's
    name when it was ticked. "Start Date" and "End Date" (US order) are when the worker
    filled the form in, a day later."""
    questions = ["Date of contact", "Your name", "Type of contact", "", "", "",
                 "What happened?"]  # fmt: skip
    top = ["Respondent ID", "Collector ID", "Start Date", "End Date", "IP Address",
           "Email Address", "First Name", "Last Name", "Custom Data 1", *questions]  # fmt: skip
    second = ["", "", "", "", "", "", "", "", "", "Open-Ended Response", "Open-Ended Response",
              *TYPES, "Open-Ended Response"]  # fmt: skip
    rows = [top, second]
    for i in range(8):
        filled = _at(i) + timedelta(days=1, minutes=7)
        ended = filled + timedelta(minutes=4)
        ticks = [TYPES[k] if k == i % 4 else "" for k in range(4)]
        rows.append([str(11402937000 + i), "404176120", f"{filled:%m/%d/%Y %I:%M:%S %p}",
                     f"{ended:%m/%d/%Y %I:%M:%S %p}", "", "", "", "", "",
                     f"{DAYS[i]:%d/%m/%Y}", WORKERS[i % 4], *ticks, TEXTS[i]])  # fmt: skip
    wb, _ws = _book(rows, title="Sheet")
    truth = [_t(i, practitioner=WORKERS[i % 4], event_type=TYPES[i % 4]) for i in range(8)]
    KEY_TEXTS["survey_two_heading_rows"] = ["Open-Ended Response"]
    return _save(wb, folder, "survey_two_heading_rows.xlsx"), truth


# --- 8. a duration written as hours and minutes ---------------------------------------------


def duration_hours_minutes(folder: Path):
    """A voluntary service's contact list from its CRM: the date, "Duration" written as hours
    and minutes ("01:30", how long the contact took, not when), the worker, the contact type
    and the notes. The time of day was never recorded."""
    rows = [["Date of Contact", "Duration", "Staff", "Contact Type", "Notes"]]
    for i in range(8):
        rows.append([f"{DAYS[i]:%d/%m/%Y}", f"{(i % 3) + 0:02d}:{(15 * (i + 1)) % 60:02d}",
                     WORKERS[i % 4], TYPES[i % 4], TEXTS[i]])  # fmt: skip
    path = folder / "duration_hours_minutes.csv"
    _write(path, rows)
    truth = [_t(i, practitioner=WORKERS[i % 4], event_type=TYPES[i % 4]) for i in range(8)]
    return path, truth


# --- 9. compact UTC stamps -------------------------------------------------------------------


def compact_utc_stamps(folder: Path):
    """A data warehouse extract of a health visiting service's contacts, its stamps in the
    compact form of the standard with a "Z" for UTC ("20160621T154500Z" for 16:45 in the UK)."""
    rows = [["CONTACT_TS", "PRACTITIONER", "CONTACT_TYPE", "CONTACT_NOTE"]]
    for i in range(8):
        rows.append([f"{_utc(i):%Y%m%dT%H%M%S}Z", WORKERS[i % 4], TYPES[i % 4], TEXTS[i]])
    path = folder / "compact_utc_stamps.csv"
    _write(path, rows)
    return path, [_all(i) for i in range(8)]


# --- 10. progress notes with "@" before the time --------------------------------------------


def progress_notes_at_sign(folder: Path):
    """A mental health trust's progress notes report saved as CSV: "Note Date" written
    "14-Mar-2016 @ 10:32", the author with the job title in brackets, the note type and the
    note; a validation stamp ("Validated 15-Mar-2016 @ 09:00") at the end of each row."""
    rows = [["Note Date", "Author", "Note Type", "Progress Note", "Validated"]]
    for i in range(8):
        at = _at(i)
        checked = at + timedelta(days=1)
        rows.append([f"{at:%d-%b-%Y} @ {at:%H:%M}", f"{WORKERS[i % 4]} (Care Coordinator)",
                     TYPES[i % 4], TEXTS[i], f"Validated {checked:%d-%b-%Y} @ 09:00"])  # fmt: skip
    path = folder / "progress_notes_at_sign.csv"
    _write(path, rows)
    truth = [_timed(i, practitioner=WORKERS[i % 4], event_type=TYPES[i % 4]) for i in range(8)]
    return path, truth


FILES = {
    "browser_narrow_space_times": browser_narrow_space_times,
    "java_default_date_text": java_default_date_text,
    "portal_utc_heading": portal_utc_heading,
    "full_dates_zone_names": full_dates_zone_names,
    "word_hyphen_dates_pasted": word_hyphen_dates_pasted,
    "chat_channel_json": chat_channel_json,
    "survey_two_heading_rows": survey_two_heading_rows,
    "duration_hours_minutes": duration_hours_minutes,
    "compact_utc_stamps": compact_utc_stamps,
    "progress_notes_at_sign": progress_notes_at_sign,
}


# --- Written after the first rules ----------------------------------------------------------


def java_utc_json_lines(folder: Path):
    """A case system's audit of contacts written as JSON Lines by a server set to UTC, each
    stamp in Java's default date text: "Tue Jun 21 15:45:00 UTC 2016" for 16:45 in the UK."""
    lines = []
    for i in range(8):
        at = _utc(i)
        lines.append(json.dumps({"timestamp": f"{at:%a %b %d %H:%M:%S} UTC {at.year}",
                                 "officer": WORKERS[i % 4], "category": TYPES[i % 4],
                                 "note": TEXTS[i]}))  # fmt: skip
    path = folder / "java_utc_json_lines.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path, [_all(i) for i in range(8)]


def unix_clock_tab_log(folder: Path):
    """A log kept by an out-of-hours team's script on a Linux server set up for English (UK):
    tab-separated, each line stamped by the system clock ("Tue 21 Jun 16:45:00 BST 2016")."""
    lines = ["stamp\tworker\tkind\tentry"]
    for i in range(8):
        at = _at(i)
        zone = "BST" if _summer(i) else "GMT"
        lines.append(f"{at:%a} {at.day:2d} {at:%b %H:%M:%S} {zone} {at.year}\t{WORKERS[i % 4]}"
                     f"\t{TYPES[i % 4]}\t{TEXTS[i]}")  # fmt: skip
    path = folder / "unix_clock_tab_log.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path, [_all(i) for i in range(8)]


def teams_messages_json(folder: Path):
    """A team chat's messages exported through the office suite's programming interface:
    {"value": [...]}, each message with "messageType", "createdDateTime" in UTC with
    milliseconds and a "Z", "from" → "user" → "displayName" and "body" → "content" (HTML);
    two system event messages (a member added, the chat renamed) with no sender."""
    records = []
    for i in range(8):
        if i in (1, 5):
            records.append({"id": f"17{i}0", "messageType": "systemEventMessage",
                            "createdDateTime": f"{_utc(i) - timedelta(hours=1):%Y-%m-%dT%H:%M:%S}.000Z",
                            "from": None, "body": {"contentType": "html",
                                                   "content": "<systemEventMessage/>"}})  # fmt: skip
        records.append({
            "id": f"16{i}9", "messageType": "message",
            "createdDateTime": f"{_utc(i):%Y-%m-%dT%H:%M:%S}.{120 + i}Z",
            "from": {"user": {"id": f"8b0{i % 4}-aa", "displayName": WORKERS[i % 4]}},
            "body": {"contentType": "html", "content": f"<p>{TEXTS[i]}</p>"},
        })  # fmt: skip
    path = folder / "teams_messages_json.json"
    path.write_text(json.dumps({"@odata.context": "https://graph.example/$metadata#chats",
                                "value": records}, indent=2), encoding="utf-8")  # fmt: skip
    KEY_TEXTS["teams_messages_json"] = ["systemEventMessage", "<p>"]
    return path, [_timed(i, practitioner=WORKERS[i % 4]) for i in range(8)]


def survey_three_heading_rows(folder: Path):
    """Another survey tool's CSV export: three heading rows (the question ids "Q1", "Q2_1",
    the question text, and a row of import ids written as {"ImportId":"QID1"}), the tool's own
    "StartDate", "EndDate" and "RecordedDate" (2016-03-15 10:39:00), the date of contact as
    the worker typed it, and a tick-all-that-apply question written as one cell."""
    ids = ["StartDate", "EndDate", "Status", "Progress", "Finished", "RecordedDate",
           "ResponseId", "Q1", "Q2", "Q3", "Q4"]  # fmt: skip
    texts = ["Start Date", "End Date", "Response Type", "Progress", "Finished",
             "Recorded Date", "Response ID", "Date of contact", "Worker",
             "Type of contact - Selected Choice", "Notes of the contact"]  # fmt: skip
    imports = [json.dumps({"ImportId": k}) for k in
               ("startDate", "endDate", "status", "progress", "finished", "recordedDate",
                "_recordId", "QID1", "QID2", "QID3", "QID4")]  # fmt: skip
    rows = [ids, texts, imports]
    for i in range(8):
        filled = _at(i) + timedelta(days=1, minutes=7)
        ended = filled + timedelta(minutes=5)
        rows.append([f"{filled:%Y-%m-%d %H:%M:%S}", f"{ended:%Y-%m-%d %H:%M:%S}", "IP Address",
                     "100", "True", f"{ended:%Y-%m-%d %H:%M:%S}", f"R_3k{i}Xq9PzL", f"{DAYS[i]:%d/%m/%Y}",
                     WORKERS[i % 4], TYPES[i % 4], TEXTS[i]])  # fmt: skip
    path = folder / "survey_three_heading_rows.csv"
    _write(path, rows, encoding="utf-8-sig")
    KEY_TEXTS["survey_three_heading_rows"] = ["ImportId"]
    truth = [_t(i, practitioner=WORKERS[i % 4], event_type=TYPES[i % 4]) for i in range(8)]
    return path, truth


def chat_export_zip(folder: Path):
    """A team chat workspace's standard export as it downloads: a .zip holding users.json,
    channels.json and one folder per channel with a JSON file for each day it was used
    ("case-z/2016-03-14.json"), each a list of messages with "ts" and "user_profile"."""
    import zipfile

    path = folder / "chat_export_zip.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("users.json", json.dumps([{"id": CHAT_IDS[k], "real_name": WORKERS[k]}
                                                   for k in range(4)]))  # fmt: skip
        archive.writestr("channels.json", json.dumps([{"id": "C01", "name": "case-z",
                                                      "created": 1457000000}]))  # fmt: skip
        for i in range(8):
            message = {"type": "message", "user": CHAT_IDS[i % 4], "text": TEXTS[i],
                       "ts": f"{int(_epoch(i))}.{300 + i:06d}",
                       "user_profile": {"real_name": WORKERS[i % 4]}}  # fmt: skip
            archive.writestr(f"case-z/{DAYS[i]:%Y-%m-%d}.json", json.dumps([message], indent=4))
    return path, [_timed(i, practitioner=WORKERS[i % 4]) for i in range(8)]


def api_utc_field_names(folder: Path):
    """A referral platform's download through its programming interface: a JSON list whose
    fields name the zone ("created_at_utc": "2016-06-21 15:45:00"), with "handler",
    "referral_kind" and "summary"."""
    records = [{"id": 7700 + i, "created_at_utc": f"{_utc(i):%Y-%m-%d %H:%M:%S}",
                "handler": WORKERS[i % 4], "referral_kind": TYPES[i % 4], "summary": TEXTS[i]}
               for i in range(8)]  # fmt: skip
    path = folder / "api_utc_field_names.json"
    path.write_text(json.dumps(records, indent=2), encoding="utf-8")
    return path, [_all(i) for i in range(8)]


def compact_offset_stamps(folder: Path):
    """A health system's interface file of contacts: the compact standard stamp with the UK
    clock's offset ("20160621T164500+0100", "20160314T103200+0000"), pipe-separated."""
    lines = ["EVENT_DTTM|CLINICIAN|EVENT_TYPE|EVENT_TEXT"]
    for i in range(8):
        offset = "+0100" if _summer(i) else "+0000"
        lines.append(f"{_at(i):%Y%m%dT%H%M%S}{offset}|{WORKERS[i % 4]}|{TYPES[i % 4]}|{TEXTS[i]}")
    path = folder / "compact_offset_stamps.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path, [_all(i) for i in range(8)]


def time_column_narrow_space(folder: Path):
    """A web case system's "Export to Excel" made in the browser: date cells, and the time
    beside them as text for the United States with the narrow no-break space before the
    "AM" or "PM" ("4:45\u202fPM")."""
    rows = [["Date", "Time", "Worker", "Type", "Note"]]
    for i in range(8):
        rows.append([DAYS[i], _twelve(_at(i), seconds=False, space=NNBSP), WORKERS[i % 4],
                     TYPES[i % 4], TEXTS[i]])  # fmt: skip
    wb, ws = _book(rows, title="Export")
    for r in range(2, 10):
        ws.cell(r, 1).number_format = "m/d/yyyy"
    return _save(wb, folder, "time_column_narrow_space.xlsx"), [_all(i) for i in range(8)]


def crm_start_and_durations(folder: Path):
    """A voluntary service's CRM contact export: "Contact Date", "Start Time", "Duration"
    ("1:30", hours and minutes), "Travel Time" ("0:20"), the worker, the type and notes."""
    rows = [["Contact Date", "Start Time", "Duration", "Travel Time", "Worker", "Type", "Notes"]]
    for i in range(8):
        rows.append([f"{DAYS[i]:%d/%m/%Y}", _hm(i), f"{1 + i % 2}:{(i * 10) % 60:02d}",
                     f"0:{10 + i:02d}", WORKERS[i % 4], TYPES[i % 4], TEXTS[i]])  # fmt: skip
    path = folder / "crm_start_and_durations.csv"
    _write(path, rows)
    return path, [_all(i) for i in range(8)]


def mac_twelve_hour_zone(folder: Path):
    """A counselling service's notes exported from a Mac app for English (UK): "21 Jun 2016 at
    4:45:00\u202fpm BST", a lowercase "pm" after a narrow no-break space and the zone last."""
    rows = [["Session", "Counsellor", "Session type", "Session notes"]]
    for i in range(8):
        at = _at(i)
        zone = "BST" if _summer(i) else "GMT"
        clock = _twelve(at, space=NNBSP).lower()
        rows.append([f"{at.day} {at:%b %Y} at {clock} {zone}", WORKERS[i % 4], TYPES[i % 4],
                     TEXTS[i]])  # fmt: skip
    path = folder / "mac_twelve_hour_zone.csv"
    _write(path, rows)
    return path, [_all(i) for i in range(8)]


LATER = {
    "java_utc_json_lines": java_utc_json_lines,
    "unix_clock_tab_log": unix_clock_tab_log,
    "teams_messages_json": teams_messages_json,
    "survey_three_heading_rows": survey_three_heading_rows,
    "chat_export_zip": chat_export_zip,
    "api_utc_field_names": api_utc_field_names,
    "compact_offset_stamps": compact_offset_stamps,
    "time_column_narrow_space": time_column_narrow_space,
    "crm_start_and_durations": crm_start_and_durations,
    "mac_twelve_hour_zone": mac_twelve_hour_zone,
}
