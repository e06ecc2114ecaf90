"""The eighth round's CSV, text and Word files: date and time forms written by programs not met
before (a database's zero day in a time column, a browser's own date strings), text files named
.csv that are not comma-separated, fields padded to a fixed length, a note cut at Excel's cell
limit, and Word tables laid out agency by agency or with their headings in a table of their own.
Each builder writes a file into a folder and returns (path, truth), as in robust_files.py. All
names are fictional."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

from tests.chronology.eighth_round_sheets import cut_at_limit_rows
from tests.chronology.robust_files import DAYS, TEXTS, TIMES, TYPES, WORKERS, Expected
from tests.chronology.seventh_round_more import _fill, _word_table
from tests.chronology.seventh_round_sheets import AGENCIES, _t


def _hm(i: int) -> str:
    return f"{TIMES[i]:%H:%M}"


def _write(path: Path, rows, *, encoding="utf-8", delimiter=",", **kw) -> Path:
    with open(path, "w", newline="", encoding=encoding) as handle:
        csv.writer(handle, delimiter=delimiter, **kw).writerows(rows)
    return path


def _summer(day: date) -> bool:
    return date(2016, 3, 27) <= day < date(2016, 10, 30)


# --- 1. times on a database's zero day --------------------------------------------------------


def access_zero_day_times(folder: Path):
    """A desktop database's export to text: the date "14/03/2016 00:00:00" and the time field
    written on the database's zero day, "30/12/1899 10:32:00"."""
    rows = [["ContactDate", "ContactTime", "Worker", "ContactType", "Notes"]]
    rows += [[f"{DAYS[i]:%d/%m/%Y} 00:00:00", f"30/12/1899 {TIMES[i]:%H:%M:%S}", WORKERS[i % 4],
              TYPES[i % 4], TEXTS[i]] for i in range(8)]  # fmt: skip
    path = _write(folder / "access_zero_day_times.csv", rows)
    truth = [_t(i, time=_hm(i), practitioner=WORKERS[i % 4], event_type=TYPES[i % 4])
             for i in range(8)]  # fmt: skip
    return path, truth


def sql_zero_day_times(folder: Path):
    """A database query's output: the event date, and its time kept in a date-time column on
    the server's zero day, "1900-01-01 10:32:00.000"."""
    rows = [["EVENT_DATE", "EVENT_TIME", "AUTHOR", "EVENT_TEXT"]]
    rows += [[f"{DAYS[i]:%Y-%m-%d} 00:00:00.000", f"1900-01-01 {TIMES[i]:%H:%M:%S}.000",
              WORKERS[i % 4], TEXTS[i]] for i in range(8)]  # fmt: skip
    path = _write(folder / "sql_zero_day_times.csv", rows)
    return path, [_t(i, time=_hm(i), practitioner=WORKERS[i % 4]) for i in range(8)]


# --- 2. a browser's own date strings ----------------------------------------------------------


def browser_locale_strings(folder: Path):
    """A web system's "Download CSV" built in the browser: the date and time as the browser
    writes them for a UK user, "14/03/2016, 10:32:00" (a comma between them, so quoted)."""
    rows = [["Date", "Staff member", "Category", "Note"]]
    rows += [[f"{DAYS[i]:%d/%m/%Y}, {TIMES[i]:%H:%M:%S}", WORKERS[i % 4], TYPES[i % 4],
              TEXTS[i]] for i in range(8)]  # fmt: skip
    path = _write(folder / "browser_locale_strings.csv", rows)
    truth = [_t(i, time=_hm(i), practitioner=WORKERS[i % 4], event_type=TYPES[i % 4])
             for i in range(8)]  # fmt: skip
    return path, truth


def browser_date_strings(folder: Path):
    """A web system's export that wrote its dates as the browser prints them: "Mon Mar 14 2016
    10:32:00 GMT+0000 (Greenwich Mean Time)", in summer "GMT+0100 (British Summer Time)"."""
    rows = [["createdAt", "user", "type", "text"]]
    for i in range(8):
        zone = ("GMT+0000 (Greenwich Mean Time)", "GMT+0100 (British Summer Time)")[
            _summer(DAYS[i])
        ]
        rows.append([f"{DAYS[i]:%a %b %d %Y} {TIMES[i]:%H:%M:%S} {zone}", WORKERS[i % 4],
                     TYPES[i % 4], TEXTS[i]])  # fmt: skip
    path = _write(folder / "browser_date_strings.csv", rows)
    truth = [_t(i, time=_hm(i), practitioner=WORKERS[i % 4], event_type=TYPES[i % 4])
             for i in range(8)]  # fmt: skip
    return path, truth


# --- 3. text files that are not what their name says -----------------------------------------


def padded_fields_csv(folder: Path):
    """A mainframe's extract: every field padded with spaces to its length, in capitals."""
    widths = [10, 24, 18]
    rows = [[h.ljust(w) for h, w in zip(["DATE", "OFFICER", "CONTACT TYPE"], widths,
                                        strict=True)] + ["NARRATIVE"]]  # fmt: skip
    for i in range(8):
        values = [f"{DAYS[i]:%d/%m/%Y}", WORKERS[i % 4].upper(), TYPES[i % 4].upper()]
        rows.append([v.ljust(w) for v, w in zip(values, widths, strict=True)]
                    + [TEXTS[i].ljust(240)])  # fmt: skip
    path = _write(folder / "padded_fields.csv", rows)
    truth = [_t(i, practitioner=WORKERS[i % 4].upper(), event_type=TYPES[i % 4].upper())
             for i in range(8)]  # fmt: skip
    return path, truth


def tabs_named_csv(folder: Path):
    """Excel's "Text (Tab delimited)" saved under a .csv name: tabs, not commas, and the notes
    have commas in them."""
    rows = [["Date", "Time", "Worker", "Event"]]
    rows += [[f"{DAYS[i]:%d/%m/%Y}", _hm(i), WORKERS[i % 4], TEXTS[i]] for i in range(8)]
    path = _write(folder / "tabs_named.csv", rows, delimiter="\t", encoding="cp1252")
    return path, [_t(i, time=_hm(i), practitioner=WORKERS[i % 4]) for i in range(8)]


def unicode_text_named_csv(folder: Path):
    """Excel's "Unicode Text" (UTF-16 with tabs) renamed .csv by the sender."""
    rows = [["Date", "Worker", "Event"]]
    rows += [[f"{DAYS[i]:%d/%m/%Y}", WORKERS[i % 4] + ("", " (Siân)")[i == 1], TEXTS[i]]
             for i in range(8)]  # fmt: skip
    path = _write(folder / "unicode_text_named.csv", rows, delimiter="\t", encoding="utf-16")
    return path, [_t(i, practitioner=WORKERS[i % 4]) for i in range(8)]


def bom_then_sep_hint(folder: Path):
    """A CSV with a byte order mark and then Excel's "sep=;" line, semicolons after it."""
    rows = [["Date", "Worker", "Event"]]
    rows += [[f"{DAYS[i]:%d/%m/%Y}", WORKERS[i % 4], TEXTS[i]] for i in range(8)]
    path = folder / "bom_then_sep_hint.csv"
    with open(path, "w", newline="", encoding="utf-8-sig") as handle:
        handle.write("sep=;\r\n")
        csv.writer(handle, delimiter=";").writerows(rows)
    return path, [_t(i, practitioner=WORKERS[i % 4]) for i in range(8)]


def cell_limit_rows_csv(folder: Path):
    """A case system's CSV made for Excel: a note longer than a cell holds (32,767 characters)
    goes on in the next line, its date, time, worker and type repeated."""
    rows = [["Note Date", "Note Time", "Author", "Note Type", "Note"]]
    truth = []
    for i in range(8):
        if i in (1, 6):
            pieces, across = cut_at_limit_rows(i)
            rows += [[f"{DAYS[i]:%d/%m/%Y}", _hm(i), WORKERS[i % 4], TYPES[i % 4], p]
                     for p in pieces]  # fmt: skip
            truth.append(Expected(DAYS[i], time=_hm(i), event=across,
                                  practitioner=WORKERS[i % 4], event_type=TYPES[i % 4]))  # fmt: skip
        else:
            rows.append([f"{DAYS[i]:%d/%m/%Y}", _hm(i), WORKERS[i % 4], TYPES[i % 4], TEXTS[i]])
            truth.append(_t(i, time=_hm(i), practitioner=WORKERS[i % 4], event_type=TYPES[i % 4]))
    path = _write(folder / "cell_limit_rows.csv", rows)
    return path, truth


def ampm_seconds_one_cell(folder: Path):
    """A hosted system's CSV for a UK customer: day first, then a 12-hour time with seconds
    and lower-case "am"/"pm", "14/03/2016 10:32:00 am"."""
    rows = [["Date", "User", "Activity", "Comments"]]
    rows += [[f"{DAYS[i]:%d/%m/%Y} {TIMES[i]:%I:%M:%S} {TIMES[i]:%p}".lower(), WORKERS[i % 4],
              TYPES[i % 4], TEXTS[i]] for i in range(8)]  # fmt: skip
    path = _write(folder / "ampm_seconds_one_cell.csv", rows)
    truth = [_t(i, time=_hm(i), practitioner=WORKERS[i % 4], event_type=TYPES[i % 4])
             for i in range(8)]  # fmt: skip
    return path, truth


def iso_t_without_seconds(folder: Path):
    """A form tool's export: the date and time as the web form's field gives them,
    "2016-03-14T10:32" (no seconds, no zone: local time)."""
    rows = [["submitted", "name", "what_happened"]]
    rows += [[f"{DAYS[i]:%Y-%m-%d}T{_hm(i)}", WORKERS[i % 4], TEXTS[i]] for i in range(8)]
    path = _write(folder / "iso_t_without_seconds.csv", rows)
    return path, [_t(i, time=_hm(i), practitioner=WORKERS[i % 4]) for i in range(8)]


# --- 4. Word ---------------------------------------------------------------------------------


def _merge_across(row) -> None:
    first = row.cells[0]
    first.merge(row.cells[-1])


def word_agency_banners(folder: Path):
    """A combined chronology in Word laid out agency by agency: a row merged across the table
    naming each agency, in bold, over its entries."""
    from docx import Document

    document = Document()
    document.add_heading("Combined chronology", 1)
    table = _word_table(document, ["Date", "Practitioner", "Event"])
    for n, agency in enumerate(AGENCIES):
        row = table.add_row()
        _merge_across(row)
        row.cells[0].paragraphs[0].add_run(agency).bold = True
        for i in (n, n + 4):
            _fill(table.add_row(), [f"{DAYS[i]:%d/%m/%Y}", WORKERS[i % 4], TEXTS[i]])
    path = folder / "word_agency_banners.docx"
    document.save(path)
    truth = [_t(i, practitioner=WORKERS[i % 4]) for n in range(4) for i in (n, n + 4)]
    return path, truth


def word_header_table_apart(folder: Path):
    """A Word chronology whose heading row became a table of its own (the author split the
    table under the headings to start the entries on a new page): a one-row table of headings,
    then the entries' table with no headings."""
    from docx import Document

    document = Document()
    document.add_paragraph("Chronology of involvement")
    _word_table(document, ["Date", "Time", "Practitioner", "Event"])
    document.add_paragraph("")
    table = document.add_table(rows=0, cols=4)
    table.style = "Table Grid"
    for i in range(8):
        _fill(table.add_row(), [f"{DAYS[i]:%d/%m/%Y}", _hm(i), WORKERS[i % 4], TEXTS[i]])
    path = folder / "word_header_table_apart.docx"
    document.save(path)
    return path, [_t(i, time=_hm(i), practitioner=WORKERS[i % 4]) for i in range(8)]


def word_sign_off_rows(folder: Path):
    """The IMR template's chronology table ending with the author's sign-off typed into its
    last rows: "Completed by" and "Date completed 12/01/2017"."""
    from docx import Document

    document = Document()
    table = _word_table(document, ["Date", "Source", "Event"])
    for i in range(8):
        _fill(table.add_row(), [f"{DAYS[i]:%d/%m/%Y}", "Case file", TEXTS[i]])
    _fill(table.add_row(), ["Completed by", "Jo Castellan", "IMR author"])
    _fill(table.add_row(), ["Date completed", "12/01/2017", ""])
    path = folder / "word_sign_off_rows.docx"
    document.save(path)
    return path, [_t(i) for i in range(8)]


def word_bilingual_headings(folder: Path):
    """A Welsh partnership's Word template: each heading Welsh over English on two lines in one
    cell ("Dyddiad\nDate"), the dates typed "14.03.16"."""
    from docx import Document

    document = Document()
    table = _word_table(document, ["Dyddiad\nDate", "Amser\nTime", "Ymarferydd\nPractitioner",
                                   "Digwyddiad\nEvent"])  # fmt: skip
    for i in range(8):
        _fill(table.add_row(), [f"{DAYS[i]:%d.%m.%y}", _hm(i), WORKERS[i % 4], TEXTS[i]])
    path = folder / "word_bilingual_headings.docx"
    document.save(path)
    return path, [_t(i, time=_hm(i), practitioner=WORKERS[i % 4]) for i in range(8)]


def word_tables_under_date_headings(folder: Path):
    """A Word chronology with each day a heading ("14 March 2016") and under it a small table
    of that day's contacts: Time, Practitioner, Event (no date column)."""
    from docx import Document

    document = Document()
    document.add_heading("Chronology", 1)
    for i in range(8):
        document.add_heading(f"{DAYS[i].day} {DAYS[i]:%B %Y}", 2)
        table = _word_table(document, ["Time", "Practitioner", "Event"])
        _fill(table.add_row(), [_hm(i), WORKERS[i % 4], TEXTS[i]])
    path = folder / "word_tables_under_date_headings.docx"
    document.save(path)
    return path, [_t(i, time=_hm(i), practitioner=WORKERS[i % 4]) for i in range(8)]


FILES = {
    f.__name__: f
    for f in [
        access_zero_day_times, sql_zero_day_times, browser_locale_strings, browser_date_strings,
        padded_fields_csv, tabs_named_csv, unicode_text_named_csv, bom_then_sep_hint,
        cell_limit_rows_csv, ampm_seconds_one_cell, iso_t_without_seconds, word_agency_banners,
        word_header_table_apart, word_sign_off_rows, word_bilingual_headings,
        word_tables_under_date_headings,
    ]
}  # fmt: skip
