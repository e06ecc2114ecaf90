"""More agency files in layouts met in real exports and templates, each with the truth every entry
must come in as (see robust_files.py for the conventions). All names are fictional."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from tests.chronology.robust_files import (
    CHILD,
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

AGENCIES = ["Children's Social Care", "Health Visiting", "Police", "Education"]


def _sheet(rows, *, title="Sheet1"):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = title
    for row in rows:
        ws.append(row)
    return wb, ws


# --- 1. the agency's own reference beside the narrative ----------------------------------------


def reference_beside_narrative(folder: Path):
    """A case system's contact list: the contact's own reference ("CN0004471") in a column next
    to the narrative, and the recording worker."""
    rows = [["Contact Date", "Contact Ref", "Contact Type", "Recorded By", "Contact Details"]]
    for i in range(8):
        rows.append([f"{DAYS[i]:%d/%m/%Y} {TIMES[i]:%H:%M}", f"CN000{4471 + i * 37}", TYPES[i % 4],
                     WORKERS[i % 4], TEXTS[i]])  # fmt: skip
    wb, _ws = _sheet(rows, title="Contacts")
    path = folder / "reference_beside_narrative.xlsx"
    wb.save(path)
    return path, _truth()


# --- 2. an IMR template with a "Significance / Analysis" column -------------------------------

ANALYSIS = [
    "Appropriate response; the plan was followed up within the timescale.",
    "Missed opportunity: no referral was made although this was the third late collection.",
    "",
    "Good practice: the precaution was proportionate and recorded clearly.",
    "Threshold correctly applied.",
    "The visit was not rearranged for eleven days; this delay is analysed in section 5.",
    "",
    "Supervision did not consider the father's history.",
]


def significance_column(folder: Path):
    """The IMR chronology template: Date, Source, Practitioner, Event, and a "Significance /
    Analysis" column of the author's comments, some long."""
    rows = [["Date", "Source of information", "Practitioner", "Event / contact",
             "Significance / Analysis"]]  # fmt: skip
    for i in range(8):
        rows.append([f"{DAYS[i]:%d/%m/%Y}", "Case record", WORKERS[i % 4], TEXTS[i],
                     ANALYSIS[i]])  # fmt: skip
    path = folder / "significance_column.csv"
    _csv(path, rows)
    return path, _truth(times=False, types=False)


# --- 3. "Mon 14/03/16": weekday and two-digit year --------------------------------------------


def weekday_short_year(folder: Path):
    """A diary export: "Mon 14/03/16", the time in a column of its own."""
    rows = [["Date", "Time", "Staff", "Type", "Notes"]]
    for i in range(8):
        rows.append([f"{DAYS[i]:%a %d/%m/%y}", f"{TIMES[i]:%H:%M}", WORKERS[i % 4], TYPES[i % 4],
                     TEXTS[i]])  # fmt: skip
    path = folder / "weekday_short_year.csv"
    _csv(path, rows)
    return path, _truth()


# --- 4. "14-Mar-2016 09:15" in one text cell --------------------------------------------------


def dash_month_datetime(folder: Path):
    """A GP system's consultation list pasted into Excel: "14-Mar-2016 10:32" as text."""
    rows = [["Consultation Date", "Clinician", "Consultation Type", "Consultation Text"]]
    for i in range(8):
        rows.append([f"{_dt(i):%d-%b-%Y %H:%M}", WORKERS[i % 4], TYPES[i % 4], TEXTS[i]])
    wb, _ws = _sheet(rows, title="Consultations")
    path = folder / "dash_month_datetime.xlsx"
    wb.save(path)
    return path, _truth()


# --- 5. a "Time of contact" column with "unknown" ---------------------------------------------

UNKNOWN_TIMES = ["10:32", "unknown", "09:05", "Unknown", "11:00", "not recorded", "13:20", "?"]


def time_unknown(folder: Path):
    """A support service's log: the time in a "Time of contact" column, often "unknown"."""
    rows = [["Date of contact", "Time of contact", "Worker", "Type of contact", "Summary"]]
    for i in range(8):
        rows.append([f"{DAYS[i]:%d/%m/%Y}", UNKNOWN_TIMES[i], WORKERS[i % 4], TYPES[i % 4],
                     TEXTS[i]])  # fmt: skip
    wb, _ws = _sheet(rows)
    path = folder / "time_unknown.xlsx"
    wb.save(path)
    times = [t if t[:1].isdigit() else "" for t in UNKNOWN_TIMES]
    truth = [Expected(e.start, e.end, times[i], e.event, e.practitioner, "", e.event_type)
             for i, e in enumerate(_truth())]  # fmt: skip
    return path, truth


# --- 6. a running entry number in the first column --------------------------------------------


def entry_numbers(folder: Path):
    """A combined chronology whose first column is the entry number (1, 2, 3 ...), dates as
    real Excel dates, and the agency in a column."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["No.", "Date", "Agency", "Practitioner", "Type", "Summary of event"])
    for i in range(8):
        ws.append([i + 1, DAYS[i], "Children's Social Care", WORKERS[i % 4], TYPES[i % 4],
                   TEXTS[i]])  # fmt: skip
        ws.cell(row=i + 2, column=2).number_format = "dd/mm/yyyy"
    path = folder / "entry_numbers.xlsx"
    wb.save(path)
    return path, _truth(times=False)


# --- 7. several agencies' rows in one file ----------------------------------------------------


def several_agencies(folder: Path):
    """A merged chronology from a panel: an "Agency" column that changes row to row and the
    practitioner with their role ("Sam Ellery (Social Worker)")."""
    roles = ["Social Worker", "Health Visitor", "PC", "DSL"]
    rows = [["Date", "Agency", "Name and role", "Contact type", "Details"]]
    for i in range(8):
        rows.append([f"{DAYS[i]:%d/%m/%Y}", AGENCIES[i % 4], f"{WORKERS[i % 4]} ({roles[i % 4]})",
                     TYPES[i % 4], TEXTS[i]])  # fmt: skip
    path = folder / "several_agencies.csv"
    _csv(path, rows)
    return path, _truth(times=False)


# --- 8. an old system's .xls ------------------------------------------------------------------


def old_system_xls(folder: Path):
    """A legacy system's .xls: a title row, real date cells with times, and a blank row under
    the header."""
    import xlwt

    book = xlwt.Workbook()
    sheet = book.add_sheet("Chronology")
    sheet.write(0, 0, "Chronology extract")
    for col, head in enumerate(["Event Date", "Officer", "Event Type", "Event Description"]):
        sheet.write(2, col, head)
    stamp = xlwt.easyxf(num_format_str="dd/mm/yyyy hh:mm")
    for i in range(8):
        sheet.write(4 + i, 0, _dt(i), stamp)
        sheet.write(4 + i, 1, WORKERS[i % 4])
        sheet.write(4 + i, 2, TYPES[i % 4])
        sheet.write(4 + i, 3, TEXTS[i])
    path = folder / "old_system.xls"
    book.save(str(path))
    return path, _truth()


# --- 9. a CSV with a BOM and CRLF inside quoted cells -----------------------------------------


def bom_crlf_in_cells(folder: Path):
    """A CSV written by Windows software: a BOM, CRLF line ends, notes over several lines in
    quoted cells, and a trailing comma on each line."""
    lines = ["Date,Worker,Type,Note,"]
    for i in range(8):
        note = TEXTS[i].replace(". ", ".\r\n", 1).replace('"', '""')
        lines.append(f'{DAYS[i]:%d/%m/%Y},{WORKERS[i % 4]},{TYPES[i % 4]},"{note}",')
    path = folder / "bom_crlf_in_cells.csv"
    path.write_bytes(("\ufeff" + "\r\n".join(lines) + "\r\n").encode("utf-8"))
    truth = [Expected(e.start, e.end, "", TEXTS[i].split(". ")[0], e.practitioner, "",
                      e.event_type) for i, e in enumerate(_truth(times=False))]  # fmt: skip
    return path, truth


# --- 10. frozen header, a filter and hidden columns -------------------------------------------


def filtered_hidden_columns(folder: Path):
    """An export opened and tidied in Excel: the header frozen with a filter on it, and the
    system's columns (record id, created-on date, team code) hidden."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    heads = ["Record ID", "Created On", "Date of Contact", "Team", "Worker", "Contact Type",
             "Contact Notes"]  # fmt: skip
    ws.append(heads)
    for i in range(8):
        created = _dt(i) + timedelta(days=3 + i)
        ws.append([500120 + i, created, _dt(i), "CIN2", WORKERS[i % 4], TYPES[i % 4], TEXTS[i]])
        ws.cell(row=i + 2, column=2).number_format = "dd/mm/yyyy hh:mm"
        ws.cell(row=i + 2, column=3).number_format = "dd/mm/yyyy hh:mm"
    for letter in "ABD":
        ws.column_dimensions[letter].hidden = True
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:G{len(DAYS) + 1}"
    path = folder / "filtered_hidden_columns.xlsx"
    wb.save(path)
    return path, _truth()


# --- 11. a Word IMR table with a merged title row and a key -----------------------------------


def word_title_and_key(folder: Path):
    """The IMR template's chronology table: a merged title row, the headings, then a merged
    "Key: ..." row explaining abbreviations, then the entries."""
    import docx

    document = docx.Document()
    document.add_heading("Agency chronology", level=1)
    heads = ["Date", "Time", "Practitioner", "Type", "Event"]
    table = document.add_table(rows=3, cols=len(heads))
    title = table.rows[0].cells[0].merge(table.rows[0].cells[-1])
    title.text = "Chronology of agency involvement with Child Z, March 2016 to November 2016"
    for cell, head in zip(table.rows[1].cells, heads, strict=True):
        cell.text = head
    key = table.rows[2].cells[0].merge(table.rows[2].cells[-1])
    key.text = "Key: SW = social worker; HV = health visitor; CIN = child in need; S47 = section 47"
    for i in range(8):
        values = [f"{DAYS[i]:%d/%m/%Y}", f"{TIMES[i]:%H:%M}", WORKERS[i % 4], TYPES[i % 4],
                  TEXTS[i]]  # fmt: skip
        for cell, text in zip(table.add_row().cells, values, strict=True):
            cell.text = text
    path = folder / "word_title_and_key.docx"
    document.save(path)
    return path, _truth()


# --- 12. narratives that name the dates of other events ---------------------------------------


def dates_inside_narratives(folder: Path):
    """A chronology whose narratives name other days ("seen on 12/03 re incident of 10/03",
    "see entry of 03/04/2016"), with the date of the entry in a column of its own."""
    rows = [["Date", "Worker", "Type", "Narrative"]]
    texts = []
    for i in range(8):
        earlier = DAYS[i] - timedelta(days=2)
        text = f"Seen on {DAYS[i]:%d/%m} re incident of {earlier:%d/%m}. {TEXTS[i]}"
        if i:
            text += f" See entry of {DAYS[i - 1]:%d/%m/%Y}."
        texts.append(text)
        rows.append([f"{DAYS[i]:%d/%m/%Y}", WORKERS[i % 4], TYPES[i % 4], text])
    path = folder / "dates_inside_narratives.csv"
    _csv(path, rows)
    return path, _truth(times=False)


# --- 13. an ambulance log: the time of call as four figures, Excel's leading zero lost --------


def ambulance_call_times(folder: Path):
    """An ambulance service's list: the date, and the time of call in its own column as a
    number ("1032"; "905" for 09:05, the leading zero lost), the crew's call sign."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["Incident Date", "Time of Call", "Call Sign", "Clinician", "Category",
               "Clinical Summary"])  # fmt: skip
    for i in range(8):
        ws.append([DAYS[i], int(f"{TIMES[i]:%H%M}"), f"WM{210 + i}", WORKERS[i % 4],
                   TYPES[i % 4], TEXTS[i]])  # fmt: skip
        ws.cell(row=i + 2, column=1).number_format = "dd/mm/yyyy"
    path = folder / "ambulance_call_times.xlsx"
    wb.save(path)
    return path, _truth()


# --- 14. a probation log: "Contact type: ... Outcome: ..." blocks -----------------------------


def probation_blocks(folder: Path):
    """A probation case system's contact log: the date, the officer, and one cell per contact
    holding labelled lines ("Contact type: ...", "Outcome: ...", "Notes: ...")."""
    rows = [["Contact Date", "Officer", "Contact"]]
    for i in range(8):
        block = (f"Contact type: {TYPES[i % 4]}\nOutcome: Attended - complied\n"
                 f"Notes: {TEXTS[i]}")  # fmt: skip
        rows.append([f"{DAYS[i]:%d/%m/%Y}", WORKERS[i % 4], block])
    path = folder / "probation_blocks.csv"
    _csv(path, rows)
    return path, _truth(times=False)


# --- 15. a parenting assessment by week: undated rows must be flagged --------------------------


def assessment_weeks(folder: Path):
    """A parenting assessment's session log: most rows dated, some only "Week 3" (no date can
    be made from that, so they must be flagged, never dated)."""
    rows = [["Date", "Session", "Worker", "Observations"]]
    for i in range(8):
        when = f"Week {i + 1}" if i in (2, 5) else f"{DAYS[i]:%d/%m/%Y}"
        rows.append([when, f"Session {i + 1}", WORKERS[i % 4], TEXTS[i]])
    path = folder / "assessment_weeks.csv"
    _csv(path, rows)
    truth = [Expected(e.start, e.end, "", e.event, e.practitioner, flagged=i in (2, 5))
             for i, e in enumerate(_truth(times=False, types=False))]  # fmt: skip
    return path, truth


# --- 16. a school system export with the academic year and term --------------------------------


def school_terms(folder: Path):
    """A school information system's behaviour and welfare export: academic year, term, the
    date of the incident, the member of staff, the category and the comments."""
    terms = {3: "Spring", 4: "Summer", 5: "Summer", 6: "Summer", 8: "Summer", 9: "Autumn",
             10: "Autumn", 11: "Autumn"}  # fmt: skip
    rows = [["Academic Year", "Term", "Incident Date", "Staff", "Category", "Comments"]]
    for i in range(8):
        year = "2015/16" if DAYS[i].month < 9 else "2016/17"
        rows.append([year, terms[DAYS[i].month], f"{DAYS[i]:%d/%m/%Y}", WORKERS[i % 4],
                     TYPES[i % 4], TEXTS[i]])  # fmt: skip
    path = folder / "school_terms.csv"
    _csv(path, rows)
    return path, _truth(times=False)


# --- 17. a GP extract: the consultation over several rows -------------------------------------


def gp_continuation_rows(folder: Path):
    """A GP consultation extract: each consultation's first row carries the date, clinician and
    type; the rows under it (no date) carry the rest of the record ("Plan: ...")."""
    rows = [["Date", "Clinician", "Type", "Entry"]]
    for i in range(8):
        rows.append([f"{DAYS[i]:%d/%m/%Y}", WORKERS[i % 4], TYPES[i % 4], f"History: {TEXTS[i]}"])
        rows.append(["", "", "", "Plan: review in two weeks; safety-netting advice given."])
    path = folder / "gp_continuation_rows.csv"
    _csv(path, rows)
    return path, _truth(times=False)


# --- 18. a mental health trust's notes: event date and entered date ---------------------------


def event_and_entered_dates(folder: Path):
    """Progress notes with two stamps: when the contact happened and when the note was entered
    (days later); the contact's date is the entry's date."""
    rows = [
        ["Date/Time of Contact", "Date/Time Entered", "Originator", "Note Type", "Progress Note"]
    ]
    for i in range(8):
        entered = _dt(i) + timedelta(days=4, hours=2)
        rows.append([f"{_dt(i):%d/%m/%Y %H:%M}", f"{entered:%d/%m/%Y %H:%M}",
                     f"{WORKERS[i % 4]} (Care Coordinator)", TYPES[i % 4], TEXTS[i]])  # fmt: skip
    path = folder / "event_and_entered_dates.csv"
    _csv(path, rows)
    return path, _truth()


# --- 19. a domestic abuse service: ordinal dates and a risk level -----------------------------


def ordinal_dates_risk(folder: Path):
    """An IDVA service's case log: "14th March 2016", a risk level column (Standard / Medium /
    High) beside the contact method."""
    risks = ["Standard", "Medium", "High", "High", "Medium", "High", "High", "Standard"]
    rows = [["Date", "IDVA", "Risk level", "Contact method", "Case notes"]]
    for i in range(8):
        day = DAYS[i].day
        suffix = "th" if 10 < day < 14 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
        rows.append([f"{day}{suffix} {DAYS[i]:%B %Y}", WORKERS[i % 4], risks[i], TYPES[i % 4],
                     TEXTS[i]])  # fmt: skip
    path = folder / "ordinal_dates_risk.csv"
    _csv(path, rows)
    return path, _truth(times=False)


# --- 20. a health visiting record: who was seen ----------------------------------------------


def health_visiting_seen(folder: Path):
    """A health visiting contact list: ISO dates, the time, "Seen" listing who was present, the
    health visitor and the contact."""
    rows = [["Contact date", "Contact time", "Seen", "Health Visitor", "Contact", "Notes"]]
    for i in range(8):
        rows.append([f"{DAYS[i]:%Y-%m-%d}", f"{TIMES[i]:%H:%M}", f"{CHILD}, Mother",
                     WORKERS[i % 4], TYPES[i % 4], TEXTS[i]])  # fmt: skip
    wb, _ws = _sheet(rows)
    path = folder / "health_visiting_seen.xlsx"
    wb.save(path)
    return path, _truth(subjects=True)


# --- 21-24. dates whose order or day the file itself settles, and remarks written with them -----

US_DAYS = [date(2016, 3, 4), date(2016, 4, 3), date(2016, 5, 6), date(2016, 6, 11),
           date(2016, 8, 2), date(2016, 9, 12), date(2016, 10, 5), date(2016, 11, 8)]  # fmt: skip


def us_heading_says_order(folder: Path):
    """A US-made system's export whose heading gives the date order ("Date (MM/DD/YYYY)"), every
    date readable both ways, too few to tell the order by their run."""
    rows = [["Service Date (MM/DD/YYYY)", "Staff", "Service", "Note"]]
    for i in range(5):
        rows.append([f"{US_DAYS[i]:%m/%d/%Y}", WORKERS[i % 4], TYPES[i % 4], TEXTS[i]])
    path = folder / "us_heading_says_order.csv"
    _csv(path, rows)
    return path, [Expected(US_DAYS[i], None, "", TEXTS[i], WORKERS[i % 4], "", TYPES[i % 4])
                  for i in range(5)]  # fmt: skip


def weekday_decides_order(folder: Path):
    """A diary with the weekday before each date, every date readable both ways: the weekday
    says which reading is meant (here month first)."""
    rows = [["Date", "Staff", "Type", "Note"]]
    for i in range(5):
        rows.append([f"{US_DAYS[i]:%a %m/%d/%Y}", WORKERS[i % 4], TYPES[i % 4], TEXTS[i]])
    path = folder / "weekday_decides_order.csv"
    _csv(path, rows)
    return path, [Expected(US_DAYS[i], None, "", TEXTS[i], WORKERS[i % 4], "", TYPES[i % 4])
                  for i in range(5)]  # fmt: skip


def weekday_slips(folder: Path):
    """A diary whose weekday is written before each date, twice not the weekday of that date
    (one of the two is wrong): those entries are flagged, their date kept as read."""
    rows = [["Date", "Time", "Staff", "Type", "Notes"]]
    for i in range(8):
        day = f"{DAYS[i]:%A}" if i not in (1, 6) else f"{DAYS[i] + timedelta(days=1):%A}"
        rows.append([f"{day} {DAYS[i]:%d/%m/%Y}", f"{TIMES[i]:%H:%M}", WORKERS[i % 4],
                     TYPES[i % 4], TEXTS[i]])  # fmt: skip
    path = folder / "weekday_slips.csv"
    _csv(path, rows)
    truth = [Expected(e.start, e.end, e.time, e.event, e.practitioner, "", e.event_type,
                      flagged=i in (1, 6)) for i, e in enumerate(_truth())]  # fmt: skip
    return path, truth


REMARKED = ["{d}", "On or about {d}", "{d} (late entry)", "{d} ({w})", "{d}",
            "{d} (retrospective entry)", "On or around {d}", "{d}"]  # fmt: skip


def date_remarks(folder: Path):
    """An IMR chronology whose dates carry the author's words: "On or about 03/04/2016",
    "06/05/2016 (late entry)", "21/06/2016 (Tue)"."""
    rows = [["Date", "Agency", "Practitioner", "Type of contact", "Event"]]
    for i in range(8):
        when = REMARKED[i].format(d=f"{DAYS[i]:%d/%m/%Y}", w=f"{DAYS[i]:%a}")
        rows.append([when, "Police", WORKERS[i % 4], TYPES[i % 4], TEXTS[i]])
    path = folder / "date_remarks.csv"
    _csv(path, rows)
    return path, _truth(times=False)


STAYS = ["{d}", "{d}-{e}", "{d}", "{m}-{n} {y}", "{d} – {e}", "{d}", "{d}-{e}", "{d}"]


def admissions_and_spans(folder: Path):
    """An acute trust's chronology: attendances on a day, admissions written as one cell
    "03/04/2016-06/04/2016" (no spaces), and a period "June-July 2016"."""
    rows = [["Date(s)", "Clinician", "Attendance type", "Details"]]
    truth = []
    for i, e in enumerate(_truth(times=False)):
        end = DAYS[i] + timedelta(days=3)
        when = STAYS[i].format(d=f"{DAYS[i]:%d/%m/%Y}", e=f"{end:%d/%m/%Y}",
                               m=f"{DAYS[i]:%B}", n="July", y=DAYS[i].year)  # fmt: skip
        rows.append([when, WORKERS[i % 4], TYPES[i % 4], TEXTS[i]])
        if "{m}" in STAYS[i]:
            start, end = date(2016, 6, 1), date(2016, 7, 31)
        elif "{e}" in STAYS[i]:
            start = DAYS[i]
        else:
            start, end = DAYS[i], None
        truth.append(Expected(start, end, "", e.event, e.practitioner, "", e.event_type))
    path = folder / "admissions_and_spans.csv"
    _csv(path, rows)
    return path, truth


def year_per_sheet(folder: Path):
    """A workbook with a sheet per year ("2016", "2017"), the same columns on each: everything
    the agency sent is imported."""
    from openpyxl import Workbook

    wb = Workbook()
    first = wb.active
    first.title = "2016"
    second = wb.create_sheet("2017")
    heads = ["Date", "Worker", "Type", "Case note"]
    first.append(heads)
    second.append(heads)
    days = DAYS[:5] + [date(2017, 1, 9), date(2017, 2, 14), date(2017, 3, 21)]
    for i in range(8):
        sheet = first if i < 5 else second
        sheet.append([f"{days[i]:%d/%m/%Y}", WORKERS[i % 4], TYPES[i % 4], TEXTS[i]])
    path = folder / "year_per_sheet.xlsx"
    wb.save(path)
    return path, [Expected(days[i], None, "", TEXTS[i], WORKERS[i % 4], "", TYPES[i % 4])
                  for i in range(8)]  # fmt: skip


def police_occurred_from_to(folder: Path):
    """A police occurrence list: the reference, when it was reported, when it occurred (from and
    to), the officer in charge and the summary; the entry's date is when it occurred."""
    rows = [["Occurrence Ref", "Date/Time Reported", "Occurred From", "Occurred To", "OIC",
             "Occurrence Type", "Summary"]]  # fmt: skip
    for i in range(8):
        reported = _dt(i) + timedelta(days=1, hours=1)
        until = _dt(i) + timedelta(minutes=40)
        rows.append([f"NP/{16000 + i * 211}/16", f"{reported:%d/%m/%Y %H:%M}",
                     f"{_dt(i):%d/%m/%Y %H:%M}", f"{until:%d/%m/%Y %H:%M}", WORKERS[i % 4],
                     TYPES[i % 4], TEXTS[i]])  # fmt: skip
    path = folder / "police_occurred_from_to.csv"
    _csv(path, rows)
    return path, _truth()


def emergency_department(folder: Path):
    """An emergency department's attendance list: arrival date and time in two columns, the
    presenting complaint (the narrative), the diagnosis, where the child went, and a Y/N flag."""
    rows = [["Arrival Date", "Arrival Time", "Presenting Complaint", "Diagnosis",
             "Discharge Destination", "Safeguarding Concern (Y/N)", "Seen By"]]  # fmt: skip
    for i in range(8):
        rows.append([f"{DAYS[i]:%d/%m/%Y}", f"{TIMES[i]:%H:%M}", TEXTS[i], "Minor injury",
                     "Home", "Y" if i % 3 else "N", WORKERS[i % 4]])  # fmt: skip
    path = folder / "emergency_department.csv"
    _csv(path, rows)
    return path, _truth(types=False)


def midwifery_gestation(folder: Path):
    """A maternity system's antenatal contacts: the date, the gestation then ("24+3", weeks and
    days), the midwife, the contact and the notes."""
    rows = [["Contact Date", "Gestation", "Midwife", "Contact", "Notes"]]
    for i in range(8):
        rows.append([f"{DAYS[i]:%d/%m/%Y}", f"{12 + i * 3}+{i % 7}", WORKERS[i % 4],
                     TYPES[i % 4], TEXTS[i]])  # fmt: skip
    path = folder / "midwifery_gestation.csv"
    _csv(path, rows)
    return path, _truth(times=False)


def school_incident_log(folder: Path):
    """A school safeguarding system's incident export: the pupil, categories listed with commas,
    the incident, the action taken, who reported it and when."""
    categories = ["Attendance, Home life", "Neglect", "Physical injury, Home life", "Welfare"]
    rows = [["Student", "Incident Date", "Categories", "Incident", "Action Taken",
             "Reported By"]]  # fmt: skip
    for i in range(8):
        rows.append([CHILD, f"{_dt(i):%d/%m/%Y %H:%M}", categories[i % 4], TEXTS[i],
                     "DSL informed; logged for the weekly review.", WORKERS[i % 4]])  # fmt: skip
    path = folder / "school_incident_log.csv"
    _csv(path, rows)
    truth = [Expected(e.start, e.end, e.time, e.event, e.practitioner, CHILD, categories[i % 4])
             for i, e in enumerate(_truth())]  # fmt: skip
    return path, truth


def no_header_row(folder: Path):
    """A system's export with no header row at all: the first line is already an entry."""
    rows = [[f"{_dt(i):%d/%m/%Y %H:%M}", WORKERS[i % 4], TYPES[i % 4], TEXTS[i]]
            for i in range(8)]  # fmt: skip
    path = folder / "no_header_row.csv"
    _csv(path, rows)
    return path, _truth()


FILES = {
    fn.__name__: fn
    for fn in (
        reference_beside_narrative,
        significance_column,
        weekday_short_year,
        dash_month_datetime,
        time_unknown,
        entry_numbers,
        several_agencies,
        old_system_xls,
        bom_crlf_in_cells,
        filtered_hidden_columns,
        word_title_and_key,
        dates_inside_narratives,
        ambulance_call_times,
        probation_blocks,
        assessment_weeks,
        school_terms,
        gp_continuation_rows,
        event_and_entered_dates,
        ordinal_dates_risk,
        health_visiting_seen,
        us_heading_says_order,
        weekday_decides_order,
        weekday_slips,
        date_remarks,
        admissions_and_spans,
        year_per_sheet,
        police_occurred_from_to,
        emergency_department,
        midwifery_gestation,
        school_incident_log,
        no_header_row,
    )
}
