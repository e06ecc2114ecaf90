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
