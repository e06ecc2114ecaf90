"""The sixteenth round's files: shapes not met before (a legacy system's SYLK and DIF exports
and its dBase table, JSON Lines, a SharePoint list's web query, a Google Sheets shortcut and an
Apple Numbers file sent as they are, a pivot table pasted as values, a SharePoint list opened
in Excel and saved, a CRM's "Export to Excel" with its hidden columns, a CRM's formatted
report, ISO week dates, "3rd Feb. '16", times as fractions of a day in a text file, a
trailing delimiter on every line, a data frame's row numbers, R's quoted row names and NA,
Excel's ="..." text cells in a CSV, the zero date standing for no date, and a clinical
journal printed to text). Each builder writes a file into a folder and returns (path,
truth); each refusal builder returns (path, words the refusal must hold). All names are
fictional."""

from __future__ import annotations

import json
import struct
import zipfile
from datetime import date, datetime, timedelta
from pathlib import Path

from tests.chronology.eighth_round_text import _write
from tests.chronology.fourteenth_round_files import _hm, _timed
from tests.chronology.robust_files import DAYS, TEXTS, TIMES, TYPES, WORKERS, Expected
from tests.chronology.seventh_round_sheets import _book, _date_cells, _save, _t

SAID: dict[str, list[str]] = {}
NOT_SAID: dict[str, list[str]] = {}
AGENCIES: dict[str, list[str]] = {}
KEPT: dict[str, list[list[str]]] = {}
KEY_TEXTS: dict[str, list[str]] = {}
# Entries (by their text) whose file names no one: "NA", "(blank)" are not practitioners.
NO_PRACTITIONER: dict[str, list[str]] = {}

_EPOCH = date(1899, 12, 30)


def _serial(day: date) -> int:
    return (day - _EPOCH).days


def _fraction(i: int) -> float:
    return (TIMES[i].hour * 60 + TIMES[i].minute) / 1440


def _at(i: int) -> datetime:
    return datetime.combine(DAYS[i], TIMES[i])


def _summer(day: date) -> bool:
    return date(2016, 3, 27) <= day < date(2016, 10, 30)


def _all(i: int) -> Expected:
    return _timed(i, practitioner=WORKERS[i % 4], event_type=TYPES[i % 4])


# --- 1. SYLK: a legacy system's "export to spreadsheet" -----------------------------------------


def _sylk_text(value: str) -> str:
    return '"' + value.replace(";", ";;").replace('"', '""') + '"'


def sylk_export(folder: Path):
    """A legacy adults' case system's "Export to spreadsheet" writes SYLK (.slk), Excel's old
    symbolic link format: an ID record, the picture formats (P), each cell a C record with its
    row (Y) and column (X) and its value (K) - text in quotes, semicolons in the text doubled,
    the date as a day number formatted by an F record - and E at the end."""
    lines = ["ID;PCASEMGR;N;E", "P;PGeneral", "P;Pdd/mm/yyyy", "P;Phh:mm",
             "F;P0;DG0G8;M255", "B;Y9;X5;D0 0 8 4"]  # fmt: skip
    for x, head in enumerate(["Date", "Time", "Recorded by", "Contact type", "Case note"], 1):
        lines.append(f"C;Y1;X{x};K{_sylk_text(head)}")
    for i in range(8):
        y = i + 2
        lines.append(f"F;P1;FG0G;Y{y};X1")
        lines.append(f"C;Y{y};X1;K{_serial(DAYS[i])}")
        lines.append("F;P2;FG0G;X2")
        lines.append(f"C;X2;K{_fraction(i)!r}")
        lines.append(f"C;X3;K{_sylk_text(WORKERS[i % 4])}")
        lines.append(f"C;X4;K{_sylk_text(TYPES[i % 4])}")
        lines.append(f"C;X5;K{_sylk_text(TEXTS[i].replace(',', ';', 1))}")
    lines.append("E")
    path = folder / "sylk_export.slk"
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))
    truth = [_all(i) for i in range(8)]
    truth = [Expected(**{**t.__dict__, "event": TEXTS[i].replace(",", ";", 1)})
             for i, t in enumerate(truth)]  # fmt: skip
    return path, truth


# --- 2. DIF: the Data Interchange Format ------------------------------------------------------


def _dif(rows) -> bytes:
    out = ["TABLE", "0,1", '"EXCEL"', "VECTORS", f"0,{len(rows[0])}", '""', "TUPLES",
           f"0,{len(rows)}", '""', "DATA", "0,0", '""']  # fmt: skip
    for row in rows:
        out += ["-1,0", "BOT"]
        for value in row:
            if isinstance(value, int | float):
                out += [f"0,{value!r}", "V"]
            elif value == "":
                out += ["1,0", '""']
            else:
                out += ["1,0", '"' + value.replace('"', '""') + '"']
    out += ["-1,0", "EOD"]
    return ("\r\n".join(out) + "\r\n").encode("cp1252")


def dif_export(folder: Path):
    """A youth offending team's old database saves its contacts as DIF (.dif), the Data
    Interchange Format Excel still opens: a header (TABLE, VECTORS, TUPLES, DATA), then each
    row opening with -1,0 BOT, each value two lines (0,number then V; 1,0 then "text"), the
    dates as day numbers, the times as text, and EOD at the end."""
    rows = [["Contact date", "Contact time", "Case worker", "Contact type", "Contact notes"]]
    rows += [[_serial(DAYS[i]), _hm(i), WORKERS[i % 4], TYPES[i % 4], TEXTS[i]]
             for i in range(8)]  # fmt: skip
    path = folder / "dif_export.dif"
    path.write_bytes(_dif(rows))
    return path, [_all(i) for i in range(8)]


# --- 3. a dBase table (.dbf) ------------------------------------------------------------------


def _dbf(fields, records, deleted=()) -> bytes:
    """A dBase III table: ``fields`` as (name, type, length); ``records`` as lists of values
    (date fields as dates); the records at the indexes in ``deleted`` marked deleted."""
    length = 1 + sum(f[2] for f in fields)
    header_length = 32 + 32 * len(fields) + 1
    head = struct.pack("<BBBBIHH20x", 0x03, 116, 12, 5, len(records), header_length, length)
    described = b""
    for name, kind, size in fields:
        described += struct.pack("<11sc4xBB14x", name.encode("ascii"), kind.encode(), size, 0)
    body = b""
    for n, values in enumerate(records):
        body += b"*" if n in deleted else b" "
        for (_name, kind, size), value in zip(fields, values, strict=True):
            if kind == "D":
                text = value.strftime("%Y%m%d") if value else " " * 8
            else:
                text = str(value)
            raw = text.encode("cp1252")[:size]
            body += raw.ljust(size, b" ")
    return head + described + b"\r" + body + b"\x1a"


def dbase_table(folder: Path):
    """A police force's old intelligence system hands over its extract as a dBase table
    (.dbf): upper-case field names of at most ten letters (OCC_DATE, OCC_TIME, OFFICER,
    CATEGORY, SUMMARY), the date a D field of eight figures (20160314), the text fields
    padded with spaces to their length, and one record marked deleted (its flag "*"), which
    the system had removed and which is no part of the record."""
    fields = [("OCC_DATE", "D", 8), ("OCC_TIME", "C", 5), ("OFFICER", "C", 30),
              ("CATEGORY", "C", 20), ("SUMMARY", "C", 254)]  # fmt: skip
    records = [[DAYS[i], _hm(i), WORKERS[i % 4], TYPES[i % 4], TEXTS[i]] for i in range(8)]
    records.insert(3, [DAYS[3], "12:00", "Tomos Pritchard", "Telephone call",
                       "Entered against the wrong nominal; removed."])  # fmt: skip
    path = folder / "dbase_table.dbf"
    path.write_bytes(_dbf(fields, records, deleted={3}))
    return path, [_all(i) for i in range(8)]


# --- 4. JSON Lines ------------------------------------------------------------------------------


def json_lines_export(folder: Path):
    """A hosted early help system's audit feed saved as JSON Lines (.jsonl): one JSON object
    a line, no enclosing list; the moment in ISO 8601 with the UK offset (+00:00 in winter,
    +01:00 in summer), the author nested ({"name": ..., "role": ...})."""
    lines = []
    for i in range(8):
        offset = "+01:00" if _summer(DAYS[i]) else "+00:00"
        lines.append(json.dumps({
            "id": f"evt-{1040 + i}", "occurredAt": f"{_at(i):%Y-%m-%dT%H:%M:%S}{offset}",
            "author": {"name": WORKERS[i % 4], "role": "Family support worker"},
            "category": TYPES[i % 4], "body": TEXTS[i]}))  # fmt: skip
    path = folder / "json_lines_export.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path, [_all(i) for i in range(8)]


# --- 5. a pivot table pasted as values --------------------------------------------------------


def pivot_pasted_values(folder: Path):
    """A performance analyst's pivot table of contacts, copied and pasted as values into a
    new workbook: the report filter above ("Agency" "(All)"), the headings in tabular form
    (Contact Date, Worker, Notes, Count of Contact ID), each date shown once for its group
    (the second contact on a day has an empty date cell), "(blank)" where no worker was
    recorded, and "Grand Total" at the foot."""
    days = list(DAYS)
    days[5] = DAYS[4]  # two contacts on one day
    rows = [["Agency", "(All)"], [], ["Contact Date", "Worker", "Notes", "Count of Contact ID"]]
    for i in range(8):
        shown = days[i] if i == 0 or days[i] != days[i - 1] else None
        worker = "(blank)" if i == 6 else WORKERS[i % 4]
        rows.append([shown, worker, TEXTS[i], 1])
    rows.append(["Grand Total", None, None, 8])
    wb, ws = _book(rows, title="Pivot")
    _date_cells(ws)
    path = _save(wb, folder, "pivot_pasted_values.xlsx")
    truth = []
    for i in range(8):
        truth.append(Expected(start=days[i], event=TEXTS[i],
                              practitioner="" if i == 6 else WORKERS[i % 4]))  # fmt: skip
    NO_PRACTITIONER["pivot_pasted_values"] = [TEXTS[6]]
    return path, truth


# --- 6. a SharePoint list opened in Excel and saved -------------------------------------------


def sharepoint_list_saved(folder: Path):
    """A team's log kept in a SharePoint list, exported to Excel (the web query) and saved as
    .xlsx: a table whose first column is the list's Title, then the team's own columns, then
    what SharePoint adds: Created and Modified (when the item was written and last changed,
    days later), Created By, "Item Type" ("Item") and "Path" (the list's address)."""
    from openpyxl.worksheet.table import Table, TableStyleInfo

    rows = [["Title", "Date of contact", "Practitioner", "Type of contact", "Summary",
             "Created", "Modified", "Created By", "Item Type", "Path"]]  # fmt: skip
    for i in range(8):
        written = _at(i) + timedelta(days=2, hours=1)
        rows.append([f"Contact {i + 1}", _at(i), WORKERS[i % 4], TYPES[i % 4], TEXTS[i],
                     written, written + timedelta(days=9), "Kim Foster", "Item",
                     "sites/earlyhelp/Lists/Family log"])  # fmt: skip
    wb, ws = _book(rows, title="owssvr")
    for row in ws.iter_rows(min_row=2):
        for cell in (row[1], row[5], row[6]):
            cell.number_format = "dd/mm/yyyy hh:mm"
    table = Table(displayName="Table_owssvr", ref=f"A1:J{len(rows)}")
    table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
    ws.add_table(table)
    path = _save(wb, folder, "sharepoint_list_saved.xlsx")
    return path, [_all(i) for i in range(8)]


# --- 7. a CRM's "Export to Excel" with its hidden columns ---------------------------------------


def crm_export_hidden_columns(folder: Path):
    """A CRM-based early help system's "Export to Excel" (a static worksheet): the first three
    columns hidden, "(Do Not Modify) Case Note" (the record's id), "(Do Not Modify) Row
    Checksum" and "(Do Not Modify) Modified On" (when the row last changed, weeks later); then
    Subject, Contact Date, Owner, Contact Method, Description; and a hidden sheet of the
    choices the columns allow."""
    import uuid

    rows = [["(Do Not Modify) Case Note", "(Do Not Modify) Row Checksum",
             "(Do Not Modify) Modified On", "Subject", "Contact Date", "Owner",
             "Contact Method", "Description"]]  # fmt: skip
    for i in range(8):
        rows.append([str(uuid.UUID(int=0x5EED0000 + i)), f"kXq{i}Lm2Vb9Q+{i}w==",
                     _at(i) + timedelta(days=20), f"Contact {i + 1}", DAYS[i], WORKERS[i % 4],
                     TYPES[i % 4], TEXTS[i]])  # fmt: skip
    wb, ws = _book(rows, title="Active Case Notes")
    for row in ws.iter_rows(min_row=2):
        row[2].number_format = "dd/mm/yyyy hh:mm"
        row[4].number_format = "dd/mm/yyyy"
    for letter in "ABC":
        ws.column_dimensions[letter].hidden = True
    hidden = wb.create_sheet("hiddenSheet")
    for n, choice in enumerate(TYPES, 1):
        hidden.cell(row=n, column=1, value=choice)
    hidden.sheet_state = "hidden"
    path = _save(wb, folder, "crm_export_hidden_columns.xlsx")
    truth = [_t(i, practitioner=WORKERS[i % 4], event_type=TYPES[i % 4]) for i in range(8)]
    return path, truth


# --- 8. a CRM's formatted report ----------------------------------------------------------------


def crm_formatted_report(folder: Path):
    """A charity's CRM report exported as a formatted report (.xlsx): the report's name, "Filtered
    By:" and the filter on the next rows, a blank row, the headings, the rows ("Date/Time
    Opened" typed "14/03/2016 10:32"), then "Grand Totals (8 records)", and at the foot the
    system's notice and who ran it and when ("Generated By: Kim Foster 05/12/2016 09:14")."""
    rows = [["Support Contacts - Child Z"], ["Filtered By:"],
            ["    Client: Case Reference equals CZ-2231"], [],
            ["Date/Time Opened", "Contact Owner", "Activity Type", "Comments"]]  # fmt: skip
    for i in range(8):
        rows.append([f"{_at(i):%d/%m/%Y %H:%M}", WORKERS[i % 4], TYPES[i % 4], TEXTS[i]])
    rows += [[], ["Grand Totals (8 records)"], [],
             ["Confidential Information - Do Not Distribute"],
             ["Generated By:  Kim Foster  05/12/2016 09:14"],
             ["Hillbrook Family Trust"]]  # fmt: skip
    wb, _ws = _book(rows, title="Support Contacts")
    path = _save(wb, folder, "crm_formatted_report.xlsx")
    return path, [_all(i) for i in range(8)]


# --- 9. ISO week dates -------------------------------------------------------------------------


def iso_week_dates(folder: Path):
    """A performance team's extract from its warehouse, dated in ISO week form: "2016-W11-1"
    (Monday of week 11); two rows known only to their week, "2016-W18" (Monday 2 May to
    Sunday 8 May)."""
    rows = [["Week date", "Worker", "Activity", "Notes"]]
    truth = []
    for i in range(8):
        year, week, weekday = DAYS[i].isocalendar()
        if i in (2, 5):
            monday = DAYS[i] - timedelta(days=weekday - 1)
            rows.append([f"{year}-W{week:02d}", WORKERS[i % 4], TYPES[i % 4], TEXTS[i]])
            truth.append(Expected(monday, monday + timedelta(days=6), event=TEXTS[i],
                                  practitioner=WORKERS[i % 4], event_type=TYPES[i % 4]))  # fmt: skip
        else:
            rows.append([f"{year}-W{week:02d}-{weekday}", WORKERS[i % 4], TYPES[i % 4], TEXTS[i]])
            truth.append(_t(i, practitioner=WORKERS[i % 4], event_type=TYPES[i % 4]))
    path = _write(folder / "iso_week_dates.csv", rows)
    return path, truth


# --- 10. "3rd Feb. '16" -------------------------------------------------------------------------


def stopped_months_short_years(folder: Path):
    """A school's pastoral log typed by the head of year: ordinal days, the month shortened
    with a full stop and the year shortened with an apostrophe, "14th Mar. '16", "12th Sept.
    '16", "6th May '16" (no stop after a month too short to shorten)."""
    months = {3: "Mar.", 4: "Apr.", 5: "May", 6: "June", 8: "Aug.", 9: "Sept.", 10: "Oct.",
              11: "Nov."}  # fmt: skip

    def ordinal(n: int) -> str:
        return (
            f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"
        )

    rows = [["Date", "Staff", "What happened"]]
    for i in range(8):
        rows.append([f"{ordinal(DAYS[i].day)} {months[DAYS[i].month]} '{DAYS[i]:%y}",
                     WORKERS[i % 4], TEXTS[i]])  # fmt: skip
    wb, _ws = _book(rows, title="Pastoral log")
    path = _save(wb, folder, "stopped_months_short_years.xlsx")
    return path, [_t(i, practitioner=WORKERS[i % 4]) for i in range(8)]


# --- 11. times as fractions of a day in a CSV ---------------------------------------------------


def csv_time_fractions(folder: Path):
    """A probation team's tracker saved to CSV by a macro that wrote the cells' values: the
    date as the sheet showed it, the time as Excel's fraction of a day, "0.438888888888889"."""
    rows = [["Contact Date", "Contact Time", "Officer", "Contact Type", "Notes"]]
    for i in range(8):
        rows.append([f"{DAYS[i]:%d/%m/%Y}", repr(_fraction(i)), WORKERS[i % 4], TYPES[i % 4],
                     TEXTS[i]])  # fmt: skip
    path = _write(folder / "csv_time_fractions.csv", rows)
    return path, [_all(i) for i in range(8)]


# --- 12. a delimiter at the end of every line --------------------------------------------------


def trailing_delimiters(folder: Path):
    """A reporting tool's CSV that ends every line with a delimiter, the heading line too
    ("Date,Time,Worker,Type,Note,"), semicolons between the values."""
    rows = [["Date", "Time", "Worker", "Type", "Note", ""]]
    rows += [[f"{DAYS[i]:%d/%m/%Y}", _hm(i), WORKERS[i % 4], TYPES[i % 4], TEXTS[i], ""]
             for i in range(8)]  # fmt: skip
    path = _write(folder / "trailing_delimiters.csv", rows, delimiter=";")
    return path, [_all(i) for i in range(8)]


# --- 13. a data frame's row numbers ----------------------------------------------------------


def data_frame_row_numbers(folder: Path):
    """An analyst's script wrote its data frame to CSV with the index: the first heading
    empty, each row opening with its number from 0, the moment "2016-03-14 10:32:00", the
    headings in snake case."""
    rows = [["", "contact_datetime", "practitioner", "contact_type", "note_text"]]
    rows += [[str(i), f"{_at(i):%Y-%m-%d %H:%M:%S}", WORKERS[i % 4], TYPES[i % 4], TEXTS[i]]
             for i in range(8)]  # fmt: skip
    path = _write(folder / "data_frame_row_numbers.csv", rows)
    return path, [_all(i) for i in range(8)]


# --- 14. R's write.csv ------------------------------------------------------------------------


def r_quoted_row_names(folder: Path):
    """An analyst's R script's write.csv: every value quoted, the first heading "" and each
    row's name "1", "2"...; the date ISO, the time in its own column, "NA" where nothing was
    recorded (no time on two rows, no worker on one)."""
    lines = ['"","Date","Time","Worker","Type","Note"']
    truth = []
    for i in range(8):
        clock = "NA" if i in (3, 6) else f'"{_hm(i)}"'
        worker = "NA" if i == 5 else f'"{WORKERS[i % 4]}"'
        lines.append(f'"{i + 1}","{DAYS[i]:%Y-%m-%d}",{clock},{worker},"{TYPES[i % 4]}",'
                     f'"{TEXTS[i]}"')  # fmt: skip
        truth.append(Expected(DAYS[i], time="" if i in (3, 6) else _hm(i), event=TEXTS[i],
                              practitioner="" if i == 5 else WORKERS[i % 4],
                              event_type=TYPES[i % 4]))  # fmt: skip
    path = folder / "r_quoted_row_names.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    NO_PRACTITIONER["r_quoted_row_names"] = [TEXTS[5]]
    return path, truth


# --- 15. Excel's ="..." text cells in a CSV ------------------------------------------------------


def excel_text_formulas_csv(folder: Path):
    """A housing system's CSV written for Excel: values that Excel would change (dates, the
    tenancy reference with its leading noughts, times) written as formulas giving text,
    ="14/03/2016", ="0004471", ="10:32", so that Excel shows them as typed."""
    lines = ["Tenancy Ref,Action Date,Action Time,Officer,Action,Details"]
    for i in range(8):
        text = TEXTS[i].replace('"', '""')
        lines.append(f'="0004471",="{DAYS[i]:%d/%m/%Y}",="{_hm(i)}",{WORKERS[i % 4]},'
                     f'{TYPES[i % 4]},"{text}"')  # fmt: skip
    path = folder / "excel_text_formulas_csv.csv"
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))
    KEY_TEXTS["excel_text_formulas_csv"] = ['="']
    return path, [_all(i) for i in range(8)]


# --- 16. the zero date standing for no date -----------------------------------------------------


def zero_dates_for_none(folder: Path):
    """A case system's CSV whose database writes an empty date as its zero day: "00/01/1900"
    (Excel's day 0) on one row, "01/01/1900 00:00:00" (the server's) on another; those two
    entries have no date and must be flagged, never dated 1900."""
    rows = [["Event Date", "Worker", "Event Type", "Details"]]
    truth = []
    for i in range(8):
        if i == 2:
            shown = "00/01/1900"
        elif i == 6:
            shown = "01/01/1900 00:00:00"
        else:
            shown = f"{DAYS[i]:%d/%m/%Y} 00:00:00"
        rows.append([shown, WORKERS[i % 4], TYPES[i % 4], TEXTS[i]])
        truth.append(_t(i, practitioner=WORKERS[i % 4], event_type=TYPES[i % 4],
                        flagged=i in (2, 6)))  # fmt: skip
    path = _write(folder / "zero_dates_for_none.csv", rows)
    return path, truth


# --- 17. a clinical journal printed to text ------------------------------------------------------


def journal_print_text(folder: Path):
    """A community health system's journal printed to a text file: the patient's banner, then
    each entry a line with the date and time, the author with the role in brackets and the
    place, then the entry's lines indented under it, a blank line between entries."""
    lines = ["Journal - Z, Child (DOB 02-Feb-2015)   NHS No 999 000 1234",
             "Printed 05 Dec 2016 09:14 by Kim Foster", ""]  # fmt: skip
    for i in range(8):
        lines.append(f"{_at(i):%d %b %Y %H:%M}  {WORKERS[i % 4]} (Health Visitor)  "
                     "Hillside Health Centre")  # fmt: skip
        lines.append(f"    {TYPES[i % 4]}")
        words = TEXTS[i].split()
        while words:
            part = []
            while words and len(" ".join([*part, words[0]])) < 70:
                part.append(words.pop(0))
            lines.append("    " + " ".join(part))
        lines.append("")
    path = folder / "journal_print_text.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path, [_timed(i, practitioner=WORKERS[i % 4]) for i in range(8)]


FILES = {
    "sylk_export": sylk_export,
    "dif_export": dif_export,
    "dbase_table": dbase_table,
    "json_lines_export": json_lines_export,
    "pivot_pasted_values": pivot_pasted_values,
    "sharepoint_list_saved": sharepoint_list_saved,
    "crm_export_hidden_columns": crm_export_hidden_columns,
    "crm_formatted_report": crm_formatted_report,
    "iso_week_dates": iso_week_dates,
    "stopped_months_short_years": stopped_months_short_years,
    "csv_time_fractions": csv_time_fractions,
    "trailing_delimiters": trailing_delimiters,
    "data_frame_row_numbers": data_frame_row_numbers,
    "r_quoted_row_names": r_quoted_row_names,
    "excel_text_formulas_csv": excel_text_formulas_csv,
    "zero_dates_for_none": zero_dates_for_none,
    "journal_print_text": journal_print_text,
}


# --- files that cannot be read: refused, saying how to get one that can -------------------------


def sharepoint_web_query(folder: Path):
    """SharePoint's "Export to Excel" of a list gives a web query (query.iqy): a few lines
    naming the list's address, no data; it only works opened in Excel by someone signed in."""
    guid = "{6F3C1E2A-9B4D-4C1E-8D2F-0A1B2C3D4E5F}"
    text = (
        "WEB\r\n1\r\nhttps://intranet.example.org/sites/earlyhelp/_vti_bin/owssvr.dll?"
        f"XMLDATA=1&List={guid}&View={guid}&RowLimit=0&RootFolder=\r\n\r\n"
        f"Selection={guid}-{guid}\r\nEditWebPage=\r\nFormatting=None\r\n"
        "PreFormattedTextToColumns=True\r\nConsecutiveDelimitersAsOne=True\r\n"
        "SingleBlockTextImport=False\r\nDisableDateRecognition=False\r\n"
        "DisableRedirections=False\r\n"
        "SharePointApplication=https://intranet.example.org/sites/earlyhelp/_vti_bin\r\n"
        f"SharePointListView={guid}\r\nSharePointListName={guid}\r\nRootFolder=\r\n"
    )
    path = folder / "query.iqy"
    path.write_text(text, encoding="utf-8", newline="")
    return path, ["web query", "Excel", ".xlsx"]


def google_sheets_shortcut(folder: Path):
    """A worker copies the chronology out of Google Drive for desktop: the .gsheet file is
    only a shortcut (a line of JSON with the sheet's address), not the sheet."""
    path = folder / "Chronology Z.gsheet"
    path.write_text(
        json.dumps(
            {
                "doc_id": "1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdEFG",
                "resource_key": "",
                "email": "k.foster@example.org",
                "url": "https://docs.google.com/spreadsheets/d/1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdEFG/edit",
            }
        ),  # fmt: skip
        encoding="utf-8",
    )
    return path, ["Google Sheets", "shortcut", "Download"]


def numbers_document(folder: Path):
    """A chronology kept in Apple Numbers and sent as the .numbers file itself: a zip of the
    app's own compressed parts (Index/*.iwa), its metadata and a preview picture, which only
    Numbers can read."""
    path = folder / "Chronology.numbers"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("Index/Document.iwa", b"\x00\x1b\x00\x00\x19\x08\x01\x12\x04" * 20)
        archive.writestr("Index/Metadata.iwa", b"\x00\x0f\x00\x00\x0d\x08\x01" * 10)
        archive.writestr("Index/Tables/DataList.iwa", b"\x00\x0f\x00\x00\x0d" * 30)
        archive.writestr("Metadata/Properties.plist", b"bplist00\xd1\x01\x02")
        archive.writestr("Metadata/DocumentIdentifier", "8C1F0E2D-3A4B-4C5D-9E6F-7A8B9C0D1E2F")
        archive.writestr("Metadata/BuildVersionHistory.plist", b"bplist00\xa1\x01")
        archive.writestr("preview.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 64)
    return path, ["Numbers", "Export To", "Excel"]


REFUSALS = {
    "sharepoint_web_query": sharepoint_web_query,
    "google_sheets_shortcut": google_sheets_shortcut,
    "numbers_document": numbers_document,
}


# --- later files of the same kinds, other agencies and details ---------------------------------


def school_nurse_sylk(folder: Path):
    """A school nursing service's old database exports SYLK as Excel itself writes it: font and
    window records, a picture format per used format, each cell's format an F record before
    its C record; the visit's date and time in one cell formatted "dd/mm/yyyy hh:mm", the
    school in a column of its own."""
    lines = ["ID;PWXL;N;E", "P;PGeneral", "P;Pdd/mm/yyyy\\ hh:mm", "P;FCalibri;M220",
             "P;FCalibri;M220;SB", "F;P0;DG0G10;M300", "B;Y9;X4;D0 0 8 3",
             "O;L;D;V0;K47;G100 0.001", "F;W1 1 18", "F;W2 2 22", "F;W4 4 80"]  # fmt: skip
    for x, head in enumerate(["Visit date/time", "School nurse", "School", "Notes of visit"], 1):
        lines += [f"F;SM1;Y1;X{x}", f"C;Y1;X{x};K{_sylk_text(head)}"]
    for i in range(8):
        y = i + 2
        moment = (_at(i) - datetime(1899, 12, 30)).total_seconds() / 86400
        lines += [f"F;P1;FG0G;Y{y};X1", f"C;Y{y};X1;K{moment!r}",
                  f"C;X2;K{_sylk_text(WORKERS[i % 4])}", 'C;X3;K"Brookfield Primary"',
                  f"C;X4;K{_sylk_text(TEXTS[i])}"]  # fmt: skip
    lines.append("E")
    path = folder / "school_nurse_sylk.slk"
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))
    return path, [_timed(i, practitioner=WORKERS[i % 4]) for i in range(8)]


def housing_dif_text_dates(folder: Path):
    """A housing association's tenancy system saves DIF: the headings in capitals, the date as
    text in ISO form, the time as a fraction of a day (a number), a "Tenant seen" column of
    TRUE/FALSE values, and a blank value where no officer was recorded."""
    rows = [["ACTION_DATE", "ACTION_TIME", "HOUSING_OFFICER", "TENANT_SEEN", "ACTION_NOTES"]]
    truth = []
    for i in range(8):
        officer = "" if i == 4 else WORKERS[i % 4]
        rows.append([f"{DAYS[i]:%Y-%m-%d}", _fraction(i), officer, "TRUE" if i % 2 else "FALSE",
                     TEXTS[i]])  # fmt: skip
        truth.append(_timed(i, practitioner=officer))
    data = ["TABLE", "0,1", '"tenancy"', "VECTORS", "0,5", '""', "TUPLES", f"0,{len(rows)}",
            '""', "DATA", "0,0", '""']  # fmt: skip
    for row in rows:
        data += ["-1,0", "BOT"]
        for n, value in enumerate(row):
            if isinstance(value, float):
                data += [f"0,{value!r}", "V"]
            elif n == 3 and row is not rows[0]:
                data += ["0,1" if value == "TRUE" else "0,0", value]
            else:
                data += ["1,0", '"' + value + '"']
    data += ["-1,0", "EOD"]
    path = folder / "housing_dif_text_dates.dif"
    path.write_text("\n".join(data) + "\n", encoding="ascii")
    return path, truth


def probation_dbase_blank_date(folder: Path):
    """A community rehabilitation company's old case tool left a dBase table: a numeric case
    number field, the contact date a D field (one left blank, eight spaces, when the officer
    did not enter it: flagged, never guessed), the time, officer and contact type, the notes
    in a 200-character field; the language driver says Windows ANSI."""
    fields = [("CASE_NO", "N", 8), ("CONT_DATE", "D", 8), ("CONT_TIME", "C", 5),
              ("OFFICER", "C", 25), ("CONT_TYPE", "C", 20), ("NOTES", "C", 200)]  # fmt: skip
    records, truth = [], []
    for i in range(8):
        text = TEXTS[i][:200]
        records.append([40117, None if i == 6 else DAYS[i], _hm(i), WORKERS[i % 4],
                        TYPES[i % 4], text])  # fmt: skip
        truth.append(Expected(DAYS[i], time=_hm(i), event=text, practitioner=WORKERS[i % 4],
                              event_type=TYPES[i % 4], flagged=i == 6))  # fmt: skip
    data = bytearray(_dbf(fields, records))
    data[29] = 0x57
    path = folder / "probation_dbase_blank_date.dbf"
    path.write_bytes(bytes(data))
    return path, truth


def pivot_two_row_fields(folder: Path):
    """A children's centre's pivot of its sessions pasted as values: two row fields (Session
    Date, then Key Worker) and the note as a third, values "Sum of Minutes"; labels shown once
    for their group (a day's second session under the same worker has both blank), "(blank)"
    for a session with no worker, and "Grand Total" with the minutes summed."""
    days = list(DAYS)
    days[3] = DAYS[2]
    rows = [["Centre", "Oakfield"], [], ["Session Date", "Key Worker", "Session Notes",
                                         "Sum of Minutes"]]  # fmt: skip
    truth = []
    for i in range(8):
        worker = WORKERS[0] if i in (2, 3) else WORKERS[i % 4]
        if i == 7:
            worker = "(blank)"
        same_day = i and days[i] == days[i - 1]
        rows.append([None if same_day else days[i], None if same_day else worker, TEXTS[i],
                     45])  # fmt: skip
        truth.append(Expected(days[i], event=TEXTS[i],
                              practitioner="" if i == 7 else worker))  # fmt: skip
    rows.append(["Grand Total", None, None, 360])
    wb, ws = _book(rows, title="Sheet2")
    _date_cells(ws, fmt="d-mmm-yy")
    path = _save(wb, folder, "pivot_two_row_fields.xlsx")
    NO_PRACTITIONER["pivot_two_row_fields"] = [TEXTS[7]]
    return path, truth


def crm_activities_export(folder: Path):
    """An early help hub's CRM "Export to Excel" of its activities: hidden "(Do Not Modify)"
    columns (the activity's id, the row checksum, "Modified On"), then "Activity Type", the
    "Regarding" family, "Actual Start" as a date and time cell, "Assigned To" and the
    "Description"; another hidden sheet of the choices."""
    import uuid

    rows = [["(Do Not Modify) Activity", "(Do Not Modify) Row Checksum",
             "(Do Not Modify) Modified On", "Activity Type", "Regarding", "Actual Start",
             "Assigned To", "Description"]]  # fmt: skip
    for i in range(8):
        rows.append([str(uuid.UUID(int=0xACE00000 + i)), f"Zx{i}Pq==", _at(i) + timedelta(days=31),
                     TYPES[i % 4], "Family Z (EH-0412)", _at(i), WORKERS[i % 4], TEXTS[i]])  # fmt: skip
    wb, ws = _book(rows, title="My Activities")
    for row in ws.iter_rows(min_row=2):
        row[2].number_format = row[5].number_format = "dd/mm/yyyy hh:mm"
    for letter in "ABC":
        ws.column_dimensions[letter].hidden = True
    hidden = wb.create_sheet("hiddenDataSheet")
    hidden.append(["Activity Type", *TYPES])
    hidden.sheet_state = "veryHidden"
    path = _save(wb, folder, "crm_activities_export.xlsx")
    return path, [_all(i) for i in range(8)]


def gp_journal_text(folder: Path):
    """A GP practice's journal printed to a text file for the review: a header naming the
    patient, each consultation a line with the date, time and the clinician with the role in
    brackets (a title before some names, no place after), the consultation's lines under it,
    indented; lines of dashes between consultations."""
    clinicians = ["Dr Hana Okafor (GP)", "Lisa Marsh (Practice Nurse)", "Dr Hana Okafor (GP)",
                  "Owen Price (Paramedic Practitioner)"]  # fmt: skip
    lines = ["PATIENT JOURNAL", "Z, Child   DOB 02/02/2015   Practice: Riverside Surgery", ""]
    for i in range(8):
        lines.append(f"{_at(i):%d/%m/%Y %H:%M}  {clinicians[i % 4]}")
        lines.append(f"    {TEXTS[i]}")
        lines.append("-" * 60)
        lines.append("")
    path = folder / "gp_journal_text.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    names = ["Hana Okafor", "Lisa Marsh", "Hana Okafor", "Owen Price"]
    return path, [_timed(i, practitioner=names[i % 4]) for i in range(8)]


LATER = {
    "school_nurse_sylk": school_nurse_sylk,
    "housing_dif_text_dates": housing_dif_text_dates,
    "probation_dbase_blank_date": probation_dbase_blank_date,
    "pivot_two_row_fields": pivot_two_row_fields,
    "crm_activities_export": crm_activities_export,
    "gp_journal_text": gp_journal_text,
}
