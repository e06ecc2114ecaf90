"""The fifth round's CSV and text files (see fifth_round_files.py for the conventions). All names
are fictional."""

from __future__ import annotations

import codecs
import csv
import io
from datetime import date, timedelta
from pathlib import Path

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


def _text(rows, delimiter=",") -> str:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return out.getvalue()


def _five(heads, cells):
    """A header and eight rows from ``cells(i)``."""
    return [heads, *(cells(i) for i in range(8))]


# --- 1. Excel's "sep=" line before the header ------------------------------------------------


def sep_hint_line(folder: Path):
    """A CSV written for Excel: first line "sep=;", then semicolon-separated rows."""
    rows = _five(["No.", "Date", "Worker", "Type", "Note"],
                 lambda i: [str(i + 1), f"{DAYS[i]:%d/%m/%Y}", WORKERS[i % 4], TYPES[i % 4],
                            TEXTS[i]])  # fmt: skip
    path = folder / "sep_hint_line.csv"
    path.write_text("sep=;\r\n" + _text(rows, ";"), encoding="utf-8")
    return path, _truth(times=False)


# --- 2. UTF-16 with commas --------------------------------------------------------------------


def utf16_commas(folder: Path):
    """A reporting tool's CSV in UTF-16 (little endian, with a BOM) and commas, a Welsh name."""
    rows = _five(["Date", "Time", "Officer", "Type", "Details"],
                 lambda i: [f"{DAYS[i]:%d/%m/%Y}", f"{TIMES[i]:%H:%M}", WORKERS[i % 4],
                            TYPES[i % 4], TEXTS[i] + " Siân present."])  # fmt: skip
    path = folder / "utf16_commas.csv"
    path.write_bytes(codecs.BOM_UTF16_LE + _text(rows).encode("utf-16-le"))
    truth = [Expected(e.start, time=e.time, event=e.event + " Siân present.",
                      practitioner=e.practitioner, event_type=e.event_type) for e in _truth()]  # fmt: skip
    return path, truth


# --- 3. a .tsv file ------------------------------------------------------------------------------


def tsv_file(folder: Path):
    """A database tool's tab-separated export saved as .tsv."""
    rows = _five(["contact_date", "contact_time", "practitioner", "contact_type", "narrative"],
                 lambda i: [f"{DAYS[i]:%Y-%m-%d}", f"{TIMES[i]:%H:%M}", WORKERS[i % 4],
                            TYPES[i % 4], TEXTS[i]])  # fmt: skip
    path = folder / "tsv_file.tsv"
    path.write_text(_text(rows, "\t"), encoding="utf-8")
    return path, _truth()


# --- 4. a long CSV, quoted multi-line cells, CRLF inside them, quotes doubled --------------------


LONG = 120


def long_quoted_multiline(folder: Path):
    """A case system's full export: 120 notes, each cell quoted, the notes over several lines
    with CRLF inside them, quotes doubled, commas inside."""
    start = date(2015, 1, 5)
    rows = [["Note Date", "Author", "Note Type", "Note Text"]]
    truth = []
    for n in range(LONG):
        day = start + timedelta(days=n * 3)
        text = (f'Visit {n}: mother said "we are fine, thanks",\r\nchild seen, room tidy.'
                f"\r\nPlan: next visit in {n % 5 + 1} days.")  # fmt: skip
        rows.append([f"{day:%d/%m/%Y}", WORKERS[n % 4], TYPES[n % 4], text])
        truth.append(Expected(day, event=" ".join(text.split()), practitioner=WORKERS[n % 4],
                              event_type=TYPES[n % 4]))  # fmt: skip
    path = folder / "long_quoted_multiline.csv"
    with open(path, "w", newline="", encoding="utf-8") as handle:
        csv.writer(handle, quoting=csv.QUOTE_ALL, lineterminator="\r\n").writerows(rows)
    return path, truth


# --- 5. line breaks an export did not quote ----------------------------------------------------


def unquoted_line_breaks(folder: Path):
    """A badly made export: notes with line breaks written without quotes, so each note's later
    lines arrive as rows of their own with no date."""
    lines = [_text([["Date", "Worker", "Type", "Note"]])]
    for i in range(8):
        first, _, rest = TEXTS[i].partition(". ")
        lines.append(
            _text(
                [
                    [
                        f"{DAYS[i]:%d/%m/%Y}",
                        WORKERS[i % 4],
                        TYPES[i % 4],
                        first + ("." if rest else ""),
                    ]
                ]
            )
        )
        if rest:
            lines.append(rest + "\r\n")
    path = folder / "unquoted_line_breaks.csv"
    path.write_text("".join(lines), encoding="utf-8")
    return path, _truth(times=False)


# --- 6. a block of report criteria under the table --------------------------------------------


def criteria_footer(folder: Path):
    """A report server's CSV: the criteria the report was run with above and below the table,
    with dates in them ("Date from: 01/03/2016"), which are not entries."""
    rows = [["Contact Report"], ["Exported from the case system"], [],
            ["Date", "Time", "Worker", "Type", "Contact notes"]]  # fmt: skip
    for i in range(8):
        rows.append([f"{DAYS[i]:%d/%m/%Y}", f"{TIMES[i]:%H:%M}", WORKERS[i % 4], TYPES[i % 4],
                     TEXTS[i]])  # fmt: skip
    rows += [[], ["Filters applied:"], ["Date from:", "01/03/2016"], ["Date to:", "30/11/2016"],
             ["Run by:", "Report Server"], ["Run on:", "02/12/2016 09:14"]]  # fmt: skip
    path = folder / "criteria_footer.csv"
    _csv(path, rows)
    return path, _truth()


# --- 7. dates with "@" before the time ----------------------------------------------------------


def at_sign_times(folder: Path):
    """A domestic abuse service's log: "14/03/2016 @ 10:32" in one cell."""
    rows = _five(["When", "Staff", "Contact type", "Case note"],
                 lambda i: [f"{DAYS[i]:%d/%m/%Y} @ {TIMES[i]:%H:%M}", WORKERS[i % 4],
                            TYPES[i % 4], TEXTS[i]])  # fmt: skip
    path = folder / "at_sign_times.csv"
    _csv(path, rows)
    return path, _truth()


# --- 8. ordinals with an apostrophe year, "14th March '16" ----------------------------------


def apostrophe_years(folder: Path):
    """A school's typed chronology: "14th March '16", "3rd April '16"."""

    def ordinal(day: int) -> str:
        return (
            f"{day}{'th' if 11 <= day <= 13 else {1: 'st', 2: 'nd', 3: 'rd'}.get(day % 10, 'th')}"
        )

    rows = _five(["Date", "Staff member", "Concern / action"],
                 lambda i: [f"{ordinal(DAYS[i].day)} {DAYS[i]:%B} '{DAYS[i]:%y}", WORKERS[i % 4],
                            TEXTS[i]])  # fmt: skip
    path = folder / "apostrophe_years.csv"
    _csv(path, rows)
    return path, _truth(times=False, types=False)


# --- 9. dotted dates without leading zeros, "14.3.16" -------------------------------------------


def dotted_no_zeros(folder: Path):
    """A GP's practice log: "14.3.16", "3.4.16", times "10.32"."""
    rows = _five(["Date", "Time", "Clinician", "Type", "Entry"],
                 lambda i: [f"{DAYS[i].day}.{DAYS[i].month}.{DAYS[i]:%y}",
                            f"{TIMES[i].hour}.{TIMES[i]:%M}", WORKERS[i % 4], TYPES[i % 4],
                            TEXTS[i]])  # fmt: skip
    path = folder / "dotted_no_zeros.csv"
    _csv(path, rows)
    return path, _truth()


# --- 10. school half-terms and term weeks ---------------------------------------------------------


def school_half_terms(folder: Path):
    """A school's chronology: most rows dated, some with only the half-term ("Aut 2 2016",
    "Spr 1 2016") and one with the week of a half-term ("Wk 3 Sum 1"), which has no year."""
    written = [f"{d:%d/%m/%Y}" for d in DAYS]
    written[1], written[4], written[6] = "Spr 2 2016", "Wk 3 Sum 1", "Aut 2 2016"
    rows = _five(["Date", "Staff", "Record"],
                 lambda i: [written[i], WORKERS[i % 4], TEXTS[i]])  # fmt: skip
    path = folder / "school_half_terms.csv"
    _csv(path, rows)
    truth = _truth(times=False, types=False)
    truth[1] = Expected(date(2016, 2, 15), date(2016, 4, 30), event=TEXTS[1],
                        practitioner=WORKERS[1])  # fmt: skip
    truth[4] = Expected(DAYS[4], event=TEXTS[4], flagged=True)
    truth[6] = Expected(date(2016, 11, 1), date(2016, 12, 31), event=TEXTS[6],
                        practitioner=WORKERS[2])  # fmt: skip
    return path, truth


# --- 11. days under month headings, "Mon 14th" -------------------------------------------------


def days_under_month_headings(folder: Path):
    """A diary-style log: a row "March 2016" over each month's rows, and each row dated only
    "Mon 14th": the heading gives the month and year; it is no entry."""
    rows = [["Date", "Worker", "Entry"]]
    month = None
    for i in range(8):
        if (DAYS[i].year, DAYS[i].month) != month:
            month = (DAYS[i].year, DAYS[i].month)
            rows.append([f"{DAYS[i]:%B %Y}", "", ""])
        day = DAYS[i].day
        suffix = "th" if 11 <= day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
        rows.append([f"{DAYS[i]:%a} {day}{suffix}", WORKERS[i % 4], TEXTS[i]])
    path = folder / "days_under_month_headings.csv"
    _csv(path, rows)
    truth = [Expected(DAYS[i], event=TEXTS[i], practitioner=WORKERS[i % 4])
             for i in range(8)]  # fmt: skip
    return path, truth


# --- 12. an offender manager's contact list with outcome codes ----------------------------------


OUTCOMES = ["ATTC - Attended - Complied", "AFTA - Failed to Attend", "ATTC - Attended - Complied",
            "RSOF - Rescheduled - Service Request"]  # fmt: skip


def contact_outcome_codes(folder: Path):
    """A probation case management system's contact list: the date, start time, the contact type,
    an outcome written as code and words, the officer and the notes."""
    rows = _five(["Contact Date", "Start Time", "Contact Type", "Outcome", "Officer", "Notes"],
                 lambda i: [f"{DAYS[i]:%d/%m/%Y}", f"{TIMES[i]:%H:%M}", TYPES[i % 4],
                            OUTCOMES[i % 4], WORKERS[i % 4], TEXTS[i]])  # fmt: skip
    path = folder / "contact_outcome_codes.csv"
    _csv(path, rows)
    return path, _truth()


# --- 13. a school safeguarding system's incidents with their actions ----------------------------


def incidents_with_actions(folder: Path):
    """A school safeguarding system's export: the student, the incident text, its categories, the
    date and time, who added it, and the actions taken, each dated on its own line."""
    rows = [["Student", "Incident", "Categories", "Date/Time", "Added by", "Actions"]]
    for i in range(8):
        later = DAYS[i] + timedelta(days=1)
        actions = (f"{later:%d/%m/%Y} - Phoned parent (DSL)\n"
                   f"{later + timedelta(days=2):%d/%m/%Y} - Referral to early help")  # fmt: skip
        rows.append(["Child Z", TEXTS[i], "Attendance, Home life", f"{_dt(i):%d/%m/%Y %H:%M}",
                     WORKERS[i % 4], actions])  # fmt: skip
    path = folder / "incidents_with_actions.csv"
    _csv(path, rows)
    return path, _truth(types=False, subjects=True)


# --- 14-15. US dates, newest first, every date readable both ways -------------------------------


def us_newest_first(folder: Path):
    """A US-made hosted system's export, newest first: "12/2/2016 3:55 PM"; the 12-hour clock and
    the run of the dates are the only evidence of the order."""
    from tests.chronology.fifth_round_files import AMBIGUOUS

    rows = [["Date", "Provider", "Service", "Progress Note"]]
    for i in reversed(range(8)):
        t = TIMES[i]
        hour = t.hour % 12 or 12
        stamp = f"{AMBIGUOUS[i].month}/{AMBIGUOUS[i].day}/{AMBIGUOUS[i].year} {hour}:{t:%M} " + (
            "PM" if t.hour >= 12 else "AM"
        )
        rows.append([stamp, WORKERS[i % 4], TYPES[i % 4], TEXTS[i]])
    path = folder / "us_newest_first.csv"
    _csv(path, rows)
    truth = [Expected(AMBIGUOUS[i], time=f"{TIMES[i]:%H:%M}", event=TEXTS[i],
                      practitioner=WORKERS[i % 4], event_type=TYPES[i % 4])
             for i in reversed(range(8))]  # fmt: skip
    return path, truth


# --- 16. Day / Month / Year as numbers in a CSV ------------------------------------------------


def day_month_year_numbers(folder: Path):
    """A database extract with the event's date in three number columns: DD, MM, YYYY."""
    rows = _five(["DD", "MM", "YYYY", "Staff", "Type", "Description"],
                 lambda i: [f"{DAYS[i].day:02d}", f"{DAYS[i].month:02d}", str(DAYS[i].year),
                            WORKERS[i % 4], TYPES[i % 4], TEXTS[i]])  # fmt: skip
    path = folder / "day_month_year_numbers.csv"
    _csv(path, rows)
    return path, _truth(times=False)


# --- 17. a year written once as a heading, days and months under it -----------------------------


def year_headings(folder: Path):
    """An older history typed by hand: a row "2016" over the rows dated "14 Mar", "3 Apr": the
    heading gives their year (a date without one is never given this year)."""
    rows = [["Date", "Source", "Event"], ["2016", "", ""]]
    for i in range(8):
        rows.append([f"{DAYS[i].day} {DAYS[i]:%b}", WORKERS[i % 4], TEXTS[i]])
    path = folder / "year_headings.csv"
    _csv(path, rows)
    truth = [Expected(DAYS[i], event=TEXTS[i]) for i in range(8)]
    return path, truth


# --- 18. a chronology with "Date" and a "Date recorded" that is sometimes blank ---------------


def recorded_sometimes_blank(folder: Path):
    """A combined log: "Date recorded" first, filled only when the entry was made later, then
    the event's "Date" and its details."""
    rows = [["Date recorded", "Date", "Recorded by", "Type", "Details"]]
    for i in range(8):
        rec = f"{DAYS[i] + timedelta(days=4):%d/%m/%Y}" if i % 3 == 0 else ""
        rows.append([rec, f"{DAYS[i]:%d/%m/%Y}", WORKERS[i % 4], TYPES[i % 4], TEXTS[i]])
    path = folder / "recorded_sometimes_blank.csv"
    _csv(path, rows)
    return path, _truth(times=False)


FILES = {
    fn.__name__: fn
    for fn in (
        sep_hint_line,
        utf16_commas,
        tsv_file,
        long_quoted_multiline,
        unquoted_line_breaks,
        criteria_footer,
        at_sign_times,
        apostrophe_years,
        dotted_no_zeros,
        school_half_terms,
        days_under_month_headings,
        contact_outcome_codes,
        incidents_with_actions,
        us_newest_first,
        day_month_year_numbers,
        year_headings,
        recorded_sometimes_blank,
    )
}
