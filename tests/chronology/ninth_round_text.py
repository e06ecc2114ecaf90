"""The ninth round's text files and Word documents: a second export with more columns than the
first (csv), date-times as database servers write them (SQL Server's default "Mar 14 2016
10:32AM" and style 109, a mainframe's "2016-03-14-10.32.00.000000", .NET's "/Date(...)/", "2016-
03-14 10:32:00 UTC", seconds since 1970), month-first dates without separators, Welsh months
after "o" ("14eg o Fawrth 2016") and "am 10:32" (Welsh "at"), notes whose commas were never
quoted, "14/03/2016 - 10:32", two days joined in one cell, and Word tables with Welsh headings
and an analysis column, headings in two tiers, weeks written "w/c". Each builder writes a file
into a folder and returns (path, truth). All names are fictional."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

from tests.chronology.eighth_round_text import _write
from tests.chronology.ninth_round_sheets import KEPT, OUTCOMES, utc_of, week_spans
from tests.chronology.robust_files import DAYS, TEXTS, TIMES, TYPES, WORKERS, Expected
from tests.chronology.seventh_round_more import _fill, _word_table
from tests.chronology.seventh_round_sheets import AGENCIES, ANALYSIS, _t


def _hm(i: int) -> str:
    return f"{TIMES[i]:%H:%M}"


def _full(i: int, **kw) -> Expected:
    return _t(i, time=_hm(i), practitioner=WORKERS[i % 4], event_type=TYPES[i % 4], **kw)


def _stamp(i: int) -> datetime:
    return datetime.combine(DAYS[i], TIMES[i])


# --- 1. a second export with more columns --------------------------------------------------------


def csv_wider_export_under(folder: Path):
    """A CSV made by pasting two exports together: the first with Contact Date, Staff, Details;
    the second, under its own headings, with a Review Date (a later day, not the entry's) and a
    Risk Level after the details."""
    reviews = [f"{DAYS[i] + timedelta(days=28):%d/%m/%Y}" for i in range(8)]
    risks = ["Standard risk", "Medium risk", "High risk (MARAC)", "Medium risk"]
    rows = [["Contact Date", "Staff", "Details"]]
    rows += [[f"{DAYS[i]:%d/%m/%Y}", WORKERS[i % 4], TEXTS[i]] for i in range(4)]
    rows += [[], ["Contact Date", "Staff", "Details", "Review Date", "Risk Level"]]
    rows += [[f"{DAYS[i]:%d/%m/%Y}", WORKERS[i % 4], TEXTS[i], reviews[i], risks[i % 4]]
             for i in range(4, 8)]  # fmt: skip
    path = _write(folder / "csv_wider_export_under.csv", rows)
    KEPT["csv_wider_export_under"] = reviews[4:] + risks
    return path, [_t(i, practitioner=WORKERS[i % 4]) for i in range(8)]


# --- 2. date-times as servers write them ---------------------------------------------------------


def _style_100(stamp: datetime) -> str:
    hour = stamp.hour % 12 or 12
    return (f"{stamp:%b} {stamp.day:>2} {stamp.year} {hour:>2}:{stamp:%M}"
            f"{'AM' if stamp.hour < 12 else 'PM'}")  # fmt: skip


def sql_default_stamps(folder: Path):
    """A council contact centre's case export from SQL Server's default conversion: "Mar 14 2016
    10:32AM", the day and hour padded with a space ("Apr  3 2016  2:30PM"); a later "Closed"
    stamp in the same form."""
    rows = [["Case Ref", "Contact Date/Time", "Enquiry Type", "Officer", "Description", "Closed"]]
    for i in range(8):
        closed = _stamp(i) + timedelta(days=2, hours=1)
        rows.append([f"CRM-{40211 + i}", _style_100(_stamp(i)), TYPES[i % 4], WORKERS[i % 4],
                     TEXTS[i], _style_100(closed)])  # fmt: skip
    path = _write(folder / "sql_default_stamps.csv", rows)
    return path, [_full(i) for i in range(8)]


def sql_style_109(folder: Path):
    """A report run against SQL Server with style 109: "Mar 14 2016 10:32:00:000AM" (month
    first, seconds and milliseconds, then AM/PM)."""
    rows = [["Event Date", "Recorded By", "Event Type", "Event Details"]]
    for i in range(8):
        s = _stamp(i)
        hour = s.hour % 12 or 12
        text = f"{s:%b} {s.day:>2} {s.year} {hour:>2}:{s:%M:%S}:000{'AM' if s.hour < 12 else 'PM'}"
        rows.append([text, WORKERS[i % 4], TYPES[i % 4], TEXTS[i]])
    path = _write(folder / "sql_style_109.csv", rows)
    return path, [_full(i) for i in range(8)]


def mainframe_timestamps(folder: Path):
    """A mainframe database's extract: each event stamped "2016-03-14-10.32.00.000000" (a dash
    between date and time, full stops in the time), headings in capitals."""
    rows = [["PUPIL_REF", "EVENT_TIMESTAMP", "INVOLVEMENT_TYPE", "OFFICER_NAME", "NOTE_TEXT"]]
    rows += [["A0012231", f"{_stamp(i):%Y-%m-%d-%H.%M.%S}.000000", TYPES[i % 4], WORKERS[i % 4],
              TEXTS[i]] for i in range(8)]  # fmt: skip
    path = _write(folder / "mainframe_timestamps.csv", rows)
    return path, [_full(i) for i in range(8)]


def dotnet_json_dates(folder: Path):
    """A list on an intranet exported through its web service to CSV: the date as .NET writes
    it in JSON, "/Date(1457951520000)/" (milliseconds since 1970, UTC)."""
    rows = [["Title", "EventDate", "Author", "Category", "Body"]]
    rows += [[TEXTS[i].split(":")[0][:40], f"/Date({int(utc_of(i).timestamp() * 1000)})/",
              WORKERS[i % 4], TYPES[i % 4], TEXTS[i]] for i in range(8)]  # fmt: skip
    path = _write(folder / "dotnet_json_dates.csv", rows)
    return path, [_full(i) for i in range(8)]


def utc_word_stamps(folder: Path):
    """A web application's CSV: "2016-03-14 10:32:00 UTC" (in summer "2016-06-21 15:45:00 UTC"
    for 16:45 on the UK clock)."""
    rows = [["id", "occurred_at", "user_name", "kind", "body"]]
    rows += [[str(5001 + i), f"{utc_of(i):%Y-%m-%d %H:%M:%S} UTC", WORKERS[i % 4], TYPES[i % 4],
              TEXTS[i]] for i in range(8)]  # fmt: skip
    path = _write(folder / "utc_word_stamps.csv", rows)
    return path, [_full(i) for i in range(8)]


def epoch_seconds(folder: Path):
    """A web tool's CSV: the moment as seconds since 1 January 1970 (UTC), "1457951520", under
    "timestamp"."""
    rows = [["timestamp", "staff", "type", "note"]]
    rows += [[str(int(utc_of(i).timestamp())), WORKERS[i % 4], TYPES[i % 4], TEXTS[i]]
             for i in range(8)]  # fmt: skip
    path = _write(folder / "epoch_seconds.csv", rows)
    return path, [_full(i) for i in range(8)]


# --- 3. typed dates ----------------------------------------------------------------------------


def month_first_no_separators(folder: Path):
    """A US-made hosted tool's CSV: dates month first with no separators, "03142016"; the days
    over 12 show the order."""
    rows = [["DATE", "ADVOCATE", "SERVICE", "NOTES"]]
    rows += [[f"{DAYS[i]:%m%d%Y}", WORKERS[i % 4], TYPES[i % 4], TEXTS[i]] for i in range(8)]
    path = _write(folder / "month_first_no_separators.csv", rows)
    return path, [_t(i, practitioner=WORKERS[i % 4], event_type=TYPES[i % 4]) for i in range(8)]


def two_days_in_one_cell(folder: Path):
    """A typed chronology where an event ran over two days, written in one cell: "14/03/2016 &
    15/03/2016", "3 and 4 April 2016"."""
    typed = ["14/03/2016 & 15/03/2016", "3 and 4 April 2016"]
    spans = [(DAYS[0], date(2016, 3, 15)), (DAYS[1], date(2016, 4, 4))]
    rows = [["Date", "Worker", "Event"]]
    truth = []
    for i in range(8):
        if i < 2:
            rows.append([typed[i], WORKERS[i % 4], TEXTS[i]])
            truth.append(Expected(spans[i][0], spans[i][1], event=TEXTS[i], flag_ok=True))
        else:
            rows.append([f"{DAYS[i]:%d/%m/%Y}", WORKERS[i % 4], TEXTS[i]])
            truth.append(_t(i, practitioner=WORKERS[i % 4]))
    path = _write(folder / "two_days_in_one_cell.csv", rows)
    return path, truth


def date_dash_time(folder: Path):
    """A school safeguarding system's export: "14/03/2016 - 10:32" (a dash between the date and
    the time), the pupil, the categories, who added it and the status."""
    rows = [["Student", "Incident", "Categories", "Date/Time", "Added By", "Status"]]
    rows += [["Child Z", TEXTS[i], TYPES[i % 4], f"{DAYS[i]:%d/%m/%Y} - {_hm(i)}", WORKERS[i % 4],
              "Closed"] for i in range(8)]  # fmt: skip
    path = _write(folder / "date_dash_time.csv", rows)
    return path, [_full(i) for i in range(8)]


MUTATED = ["14eg o Fawrth 2016", "3ydd o Ebrill 2016", "6ed o Fai 2016", "21ain o Fehefin 2016",
           "2il o Awst 2016", "12fed o Fedi 2016", "5ed o Hydref 2016", "28ain o Dachwedd 2016"]  # fmt: skip


def welsh_mutated_months(folder: Path):
    """A Welsh-medium log typed as speech: "14eg o Fawrth 2016", "6ed o Fai 2016", "21ain o
    Fehefin 2016", "28ain o Dachwedd 2016" (the month softened after "o")."""
    rows = [["Dyddiad", "Gweithiwr", "Disgrifiad"]]
    rows += [[MUTATED[i], WORKERS[i % 4], TEXTS[i]] for i in range(8)]
    path = _write(folder / "welsh_mutated_months.csv", rows)
    return path, [_t(i, practitioner=WORKERS[i % 4]) for i in range(8)]


def welsh_am_before_time(folder: Path):
    """A Welsh-medium log: the date and the time in one cell with Welsh "am" ("at") before the
    time, "14/03/2016 am 10:32", "21/06/2016 am 16:45"."""
    rows = [["Dyddiad ac amser", "Gweithiwr", "Math", "Disgrifiad"]]
    rows += [[f"{DAYS[i]:%d/%m/%Y} am {_hm(i)}", WORKERS[i % 4], TYPES[i % 4], TEXTS[i]]
             for i in range(8)]  # fmt: skip
    path = _write(folder / "welsh_am_before_time.csv", rows)
    return path, [_full(i) for i in range(8)]


# --- 4. a note's commas never quoted -------------------------------------------------------------


def unquoted_commas(folder: Path):
    """A script's CSV that never quotes: the notes' commas split them into more fields than the
    header has ("Home visit: mother present, flat cold, ...")."""
    lines = ["Date,Time,Worker,Note"]
    lines += [f"{DAYS[i]:%d/%m/%Y},{_hm(i)},{WORKERS[i % 4]},{TEXTS[i]}" for i in range(8)]
    path = folder / "unquoted_commas.csv"
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    return path, [_t(i, time=_hm(i), practitioner=WORKERS[i % 4]) for i in range(8)]


# --- 5. Word ------------------------------------------------------------------------------------


def word_welsh_analysis(folder: Path):
    """A Welsh-medium IMR table: "Dyddiad", "Asiantaeth", "Ymarferydd", "Digwyddiad",
    "Dadansoddiad" (the author's analysis, longer than the event, must not be taken for it)."""
    from docx import Document

    document = Document()
    table = _word_table(document, ["Dyddiad", "Asiantaeth", "Ymarferydd", "Digwyddiad",
                                   "Dadansoddiad"])  # fmt: skip
    short = [t.split(";")[0].split(":")[0][:70].strip() for t in TEXTS]
    for i in range(8):
        _fill(table.add_row(), [f"{DAYS[i]:%d/%m/%Y}", AGENCIES[i % 4], WORKERS[i % 4], short[i],
                                f"{ANALYSIS[i]} {ANALYSIS[(i + 3) % 8]}"])  # fmt: skip
    path = folder / "word_welsh_analysis.docx"
    document.save(path)
    truth = [Expected(DAYS[i], event=short[i], practitioner=WORKERS[i % 4]) for i in range(8)]
    return path, truth


def word_two_tier_headings(folder: Path):
    """A Word template whose headings are in two tiers: "Contact" merged over Date and Time,
    "Practitioner" over Name, "Details" over "What happened"."""
    from docx import Document

    document = Document()
    table = _word_table(document, ["Contact", "", "Practitioner", "Details"])
    table.cell(0, 0).merge(table.cell(0, 1)).text = "Contact"
    _fill(table.add_row(), ["Date", "Time", "Name", "What happened"])
    for i in range(8):
        _fill(table.add_row(), [f"{DAYS[i]:%d/%m/%Y}", _hm(i), WORKERS[i % 4], TEXTS[i]])
    path = folder / "word_two_tier_headings.docx"
    document.save(path)
    return path, [_t(i, time=_hm(i), practitioner=WORKERS[i % 4]) for i in range(8)]


def word_weeks_commencing(folder: Path):
    """A Word chronology: most dates typed "14/03/2016", two known only to the week, "w/c
    04/04/2016" and "w/e 16/09/2016"."""
    from docx import Document

    document = Document()
    table = _word_table(document, ["Date", "Practitioner", "Event"])
    truth = []
    for i in range(8):
        week = week_spans(i)
        _fill(table.add_row(), [week[0] if week else f"{DAYS[i]:%d/%m/%Y}", WORKERS[i % 4],
                                TEXTS[i]])  # fmt: skip
        truth.append(week[1] if week else _t(i, practitioner=WORKERS[i % 4]))
    path = folder / "word_weeks_commencing.docx"
    document.save(path)
    return path, truth


# --- 6. written after the rules, to try them on other files of their kinds ---------------------


def three_exports_stacked(folder: Path):
    """Three exports pasted one under the other into a CSV, each wider than the one above:
    Date and Entry; then Date, Worker, Entry; then Date, Time, Worker, Contact Type, Entry and
    Outcome (the last with its dates month first, "06/21/2016", as its system writes them)."""
    rows = [["Date", "Entry"]]
    rows += [[f"{DAYS[i]:%d/%m/%Y}", TEXTS[i]] for i in range(3)]
    rows += [["Date", "Worker", "Entry"]]
    rows += [[f"{DAYS[i]:%d/%m/%Y}", WORKERS[i % 4], TEXTS[i]] for i in range(3, 5)]
    rows += [["Date", "Time", "Worker", "Contact Type", "Entry", "Outcome"]]
    rows += [[f"{DAYS[i]:%m/%d/%Y}", _hm(i), WORKERS[i % 4], TYPES[i % 4], TEXTS[i], OUTCOMES[i]]
             for i in range(5, 8)]  # fmt: skip
    path = _write(folder / "three_exports_stacked.csv", rows)
    truth = [_t(i) for i in range(3)] + [_t(i, practitioner=WORKERS[i % 4]) for i in range(3, 5)]
    truth += [_full(i) for i in range(5, 8)]
    KEPT["three_exports_stacked"] = OUTCOMES[5:8]
    return path, truth


FILES = {
    f.__name__: f
    for f in (
        csv_wider_export_under,
        sql_default_stamps,
        sql_style_109,
        mainframe_timestamps,
        dotnet_json_dates,
        utc_word_stamps,
        epoch_seconds,
        month_first_no_separators,
        two_days_in_one_cell,
        date_dash_time,
        welsh_mutated_months,
        welsh_am_before_time,
        unquoted_commas,
        word_welsh_analysis,
        word_two_tier_headings,
        word_weeks_commencing,
        three_exports_stacked,
    )  # fmt: skip
}
__all__ = ["FILES", "KEPT", "OUTCOMES"]
