"""The seventh round's hand-made chronologies in Word, LibreOffice and CSV, and more workbooks
typed by hand (see seventh_round_sheets.py for the conventions). All names are fictional."""

from __future__ import annotations

import csv
from datetime import date, datetime
from pathlib import Path

from tests.chronology.robust_files import DAYS, TEXTS, TIMES, TYPES, WORKERS, Expected
from tests.chronology.seventh_round_sheets import AGENCIES, ANALYSIS, _book, _date_cells, _save, _t


def _fill(row, values) -> None:
    for cell, text in zip(row.cells, values, strict=True):
        cell.text = text


def _word_table(document, heads):
    table = document.add_table(rows=1, cols=len(heads))
    table.style = "Table Grid"
    _fill(table.rows[0], heads)
    return table


def _repeat_header(row) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    properties = row._tr.get_or_add_trPr()
    mark = OxmlElement("w:tblHeader")
    mark.set(qn("w:val"), "true")
    properties.append(mark)


# --- 1. a landscape Word table, rows over pages, a totals row ------------------------------------


def word_landscape_totals(folder: Path):
    """The IMR template in landscape: a header row repeated on each page, long rows allowed to
    break across pages, and a last row "Total number of entries: 8" (not an entry)."""
    import docx
    from docx.enum.section import WD_ORIENT

    document = docx.Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    document.add_paragraph("Agency chronology – Child Z – CSPR 2016/04")
    table = _word_table(document, ["Date", "Time", "Source", "Practitioner", "Event", "Analysis"])
    _repeat_header(table.rows[0])
    for i in range(8):
        values = [f"{DAYS[i]:%d/%m/%Y}", f"{TIMES[i]:%H:%M}", "Case file", WORKERS[i % 4],
                  TEXTS[i] + (" " + TEXTS[i] if i == 3 else ""), ANALYSIS[i]]  # fmt: skip
        _fill(table.add_row(), values)
    _fill(table.add_row(), ["Total number of entries: 8"] + [""] * 5)
    path = folder / "word_landscape_totals.docx"
    document.save(path)
    truth = [_t(i, time=f"{TIMES[i]:%H:%M}", practitioner=WORKERS[i % 4]) for i in range(8)]
    return path, truth


def word_typed_dates_ditto(folder: Path):
    """A Word chronology typed by a business support officer: year rows merged across the
    table ("2016"), dates typed in several ways, "same day" under a date."""
    import docx

    document = docx.Document()
    table = _word_table(document, ["Date", "Agency", "Information"])
    typed = ["14th March 2016", "3.4.16", "same day", "21 June 2016", "2/8/16", "ditto",
             "5 Oct 16", "28/11/2016"]  # fmt: skip
    days = [DAYS[0], DAYS[1], DAYS[1], DAYS[3], DAYS[4], DAYS[4], DAYS[6], DAYS[7]]
    row = table.add_row()
    row.cells[0].merge(row.cells[2])
    row.cells[0].text = "2016"
    for i in range(8):
        _fill(table.add_row(), [typed[i], "Health", TEXTS[i]])
    path = folder / "word_typed_dates_ditto.docx"
    document.save(path)
    return path, [Expected(days[i], event=TEXTS[i]) for i in range(8)]


def word_column_per_agency(folder: Path):
    """A combined chronology in Word: Date, then a column per agency."""
    import docx

    document = docx.Document()
    table = _word_table(document, ["Date", *AGENCIES])
    for i in range(8):
        cells = [""] * 4
        cells[i % 4] = TEXTS[i]
        _fill(table.add_row(), [f"{DAYS[i]:%d/%m/%Y}", *cells])
    path = folder / "word_column_per_agency.docx"
    document.save(path)
    return path, [_t(i) for i in range(8)]


def word_comment_column(folder: Path):
    """Word IMR table: Date, Event, Comment — the comment written longer than the event."""
    import docx

    document = docx.Document()
    table = _word_table(document, ["Date", "Event", "IMR author's comment"])
    short = [t.split(";")[0].split(":")[0][:70].strip() for t in TEXTS]
    for i in range(8):
        _fill(table.add_row(), [f"{DAYS[i]:%d/%m/%Y}", short[i], ANALYSIS[i]])
    path = folder / "word_comment_column.docx"
    document.save(path)
    return path, [Expected(DAYS[i], event=short[i]) for i in range(8)]


# --- 2. LibreOffice and CSV typed by hand ---------------------------------------------------------


def ods_typed_with_year_rows(folder: Path):
    """A LibreOffice sheet: year rows, text dates typed several ways, one real date cell."""
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    table = Table(name="Chronology")

    def add(values):
        row = TableRow()
        for value in values:
            if isinstance(value, date):
                cell = TableCell(valuetype="date", datevalue=f"{value:%Y-%m-%d}")
                cell.addElement(P(text=f"{value:%d/%m/%Y}"))
            else:
                cell = TableCell(valuetype="string")
                cell.addElement(P(text=value))
            row.addElement(cell)
        table.addElement(row)

    add(["Date", "Worker", "Event"])
    add(["2016", "", ""])
    typed = [DAYS[0], "3rd April 2016", "06.05.16", DAYS[3], "2 Aug 2016", "12/9/16",
             DAYS[6], "28th November 2016"]  # fmt: skip
    for i in range(8):
        add([typed[i], WORKERS[i % 4], TEXTS[i]])
    doc.spreadsheet.addElement(table)
    path = folder / "ods_typed_with_year_rows.ods"
    doc.save(str(path))
    return path, [_t(i, practitioner=WORKERS[i % 4]) for i in range(8)]


def _write_csv(path: Path, rows, encoding="utf-8-sig") -> None:
    with open(path, "w", newline="", encoding=encoding) as handle:
        csv.writer(handle).writerows(rows)


def csv_hand_typed(folder: Path):
    """Saved as CSV from a hand-made sheet: blank rows, "2016" banner, dates typed in several
    ways, "ditto", a "Significance" column."""
    typed = ["14/03/2016", "3rd April 2016", "ditto", "21.06.16", "02/08/2016", "Sept 12th 2016",
             "5-Oct-16", "28/11/16"]  # fmt: skip
    days = [DAYS[0], DAYS[1], DAYS[1], DAYS[3], DAYS[4], DAYS[5], DAYS[6], DAYS[7]]
    rows = [["Date", "Event", "Significance"], ["", "", ""], ["2016", "", ""]]
    for i in range(8):
        rows.append([typed[i], TEXTS[i], ("High", "Medium", "Low")[i % 3]])
        if i == 3:
            rows.append(["", "", ""])
    path = folder / "csv_hand_typed.csv"
    _write_csv(path, rows)
    return path, [Expected(days[i], event=TEXTS[i]) for i in range(8)]


def csv_excel_cp1252(folder: Path):
    """Excel's "CSV (comma delimited)" from a UK PC: Windows-1252, curly quotes, £, dates as
    the sheet showed them, one date "Date unclear from records"."""
    rows = [["Date", "Practitioner", "Event"]]
    texts = [t.replace("'", "’") + " Cost £12." for t in TEXTS]
    for i in range(8):
        rows.append([f"{DAYS[i]:%d/%m/%Y}" if i != 5 else "Date unclear from records",
                     WORKERS[i % 4], texts[i]])  # fmt: skip
    path = folder / "csv_excel_cp1252.csv"
    _write_csv(path, rows, encoding="cp1252")
    truth = [Expected(DAYS[i], event=texts[i], practitioner=WORKERS[i % 4], flagged=i == 5)
             for i in range(8)]  # fmt: skip
    return path, truth


# --- 3. more workbooks typed by hand ------------------------------------------------------------


def datetime_cells_some_times(folder: Path):
    """Date cells formatted to show the time, most at midnight (no time known), some with a
    time: only those have a time."""
    rows = [["Date and time", "Event"]]
    with_time = (1, 4, 6)
    for i in range(8):
        when = datetime.combine(DAYS[i], TIMES[i]) if i in with_time else DAYS[i]
        rows.append([when, TEXTS[i]])
    wb, ws = _book(rows)
    _date_cells(ws, fmt="dd/mm/yyyy hh:mm")
    truth = [_t(i, time=f"{TIMES[i]:%H:%M}" if i in with_time else "") for i in range(8)]
    return _save(wb, folder, "datetime_cells_some_times.xlsx"), truth


def weekday_typed_dates(folder: Path):
    """Dates typed with their weekday and ordinal as in a letter: "Monday 14th March 2016"."""
    rows = [["Date", "Contact", "Event"]]
    for i in range(8):
        d = DAYS[i]
        rows.append([f"{d:%A} {d.day}{_suffix(d.day)} {d:%B %Y}", TYPES[i % 4], TEXTS[i]])
    wb, _ws = _book(rows)
    return _save(wb, folder, "weekday_typed_dates.xlsx"), [
        _t(i, event_type=TYPES[i % 4]) for i in range(8)
    ]


def _suffix(day: int) -> str:
    if day in (11, 12, 13):
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


def blank_first_column_and_numbers(folder: Path):
    """The table starts in column B row 3 (column A left narrow and empty), numbered "1.", "2."
    in the first column of the table."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Chronology"
    ws["B1"] = "Chronology of significant events"
    heads = ["No.", "Date", "Event", "Action taken"]
    for n, head in enumerate(heads):
        ws.cell(row=3, column=2 + n, value=head)
    for i in range(8):
        values = [f"{i + 1}.", DAYS[i], TEXTS[i], "None recorded" if i % 2 else "Referral"]
        for n, value in enumerate(values):
            ws.cell(row=4 + i, column=2 + n, value=value)
        ws.cell(row=4 + i, column=3).number_format = "dd/mm/yyyy"
    return _save(wb, folder, "blank_first_column_and_numbers.xlsx"), [_t(i) for i in range(8)]


def entries_split_with_blank_date(folder: Path):
    """A long entry typed over two rows, the second with no date (pressed Enter into the next
    row), and a blank row between months."""
    rows = [["Date", "Event"]]
    for i in range(8):
        head, _sep, tail = TEXTS[i].partition(". ")
        if i in (0, 5) and tail:
            rows += [[DAYS[i], head + "."], [None, tail]]
        else:
            rows.append([DAYS[i], TEXTS[i]])
        if i == 3:
            rows.append([None, None])
    wb, ws = _book(rows)
    _date_cells(ws)
    truth = []
    for i in range(8):
        head, _sep, tail = TEXTS[i].partition(". ")
        truth.append(Expected(DAYS[i], event=f"{head}. {tail}" if i in (0, 5) else TEXTS[i]))
    return _save(wb, folder, "entries_split_with_blank_date.xlsx"), truth


def two_digit_year_mix(folder: Path):
    """Text dates with two-digit years beside four-digit ones, some with dashes ("14-03-16"),
    one US-looking day ("3/4/16") decided by the rest of the column."""
    typed = ["14-03-16", "3/4/16", "06/05/2016", "21-6-2016", "2/8/16", "12.09.2016",
             "5/10/16", "28-11-16"]  # fmt: skip
    rows = [["Date", "Event", "Agency"]] + [[typed[i], TEXTS[i], "School"] for i in range(8)]
    wb, _ws = _book(rows)
    return _save(wb, folder, "two_digit_year_mix.xlsx"), [_t(i) for i in range(8)]


def review_block_with_dates(folder: Path):
    """The review's details above the header include dates (the child's date of birth, the
    date of the incident, the scoping period), and the chronology's dates are text."""
    rows = [["Child Safeguarding Practice Review – Child Z"],
            ["Date of birth", "01/02/2014"], ["Date of incident", "02/12/2016"],
            ["Scoping period", "01/01/2016 to 02/12/2016"], ["Agency", "Health visiting"], [],
            ["Date", "Practitioner / role", "Event", "Significance"]]  # fmt: skip
    for i in range(8):
        rows.append([f"{DAYS[i]:%d/%m/%Y}", f"{WORKERS[i % 4]} (HV)", TEXTS[i], "Medium"])
    wb, _ws = _book(rows)
    return _save(wb, folder, "review_block_with_dates.xlsx"), [
        _t(i, practitioner=WORKERS[i % 4]) for i in range(8)
    ]


def page_two_sheet_typed(folder: Path):
    """Page 1 on "Chronology", page 2 on "Chronology (2)": the second sheet's header repeated
    and a "continued" title over it."""
    from openpyxl import Workbook

    wb = Workbook()
    first = wb.active
    first.title = "Chronology"
    second = wb.create_sheet("Chronology (2)")
    first.append(["Date", "Time", "Event"])
    second.append(["Chronology continued"])
    second.append(["Date", "Time", "Event"])
    for ws, part in ((first, range(5)), (second, range(5, 8))):
        for i in part:
            ws.append([f"{DAYS[i]:%d/%m/%Y}", f"{TIMES[i]:%H:%M}", TEXTS[i]])
    truth = [_t(i, time=f"{TIMES[i]:%H:%M}") for i in range(8)]
    return _save(wb, folder, "page_two_sheet_typed.xlsx"), truth


# --- 4. written after the rules, to try them on other layouts -----------------------------------


def three_tables_across(folder: Path):
    """Three tables of Date / Time / Event across one sheet, a blank column between each."""
    rows = [["Date", "Time", "Event", None, "Date", "Time", "Event", None, "Date", "Time",
             "Event"]]  # fmt: skip
    order = [[0, 3, 6], [1, 4, 7], [2, 5, None]]
    for line in order:
        row = []
        for n, i in enumerate(line):
            row += [f"{DAYS[i]:%d/%m/%Y}", f"{TIMES[i]:%H:%M}", TEXTS[i]] if i is not None else [
                None, None, None]  # fmt: skip
            if n < 2:
                row.append(None)
        rows.append(row)
    wb, _ws = _book(rows)
    truth = [_t(i, time=f"{TIMES[i]:%H:%M}") for i in range(8)]
    return _save(wb, folder, "three_tables_across.xlsx"), truth


def year_banners_merged(folder: Path):
    """Year banners merged across the table ("2016", "2017") over text dates of that year."""
    from datetime import timedelta

    days = list(DAYS[:5]) + [d + timedelta(days=365) for d in DAYS[5:]]
    rows = [["Date", "Practitioner", "Event", "Comment"], ["2016"]]
    for i in range(8):
        if i == 5:
            rows.append(["2017"])
        rows.append([f"{days[i].day} {days[i]:%B %Y}", WORKERS[i % 4], TEXTS[i], ""])
    wb, ws = _book(rows)
    ws.merge_cells("A2:D2")
    ws.merge_cells("A8:D8")
    truth = [Expected(days[i], event=TEXTS[i], practitioner=WORKERS[i % 4]) for i in range(8)]
    return _save(wb, folder, "year_banners_merged.xlsx"), truth


def swapped_text_dates(folder: Path):
    """ "Date of incident" and "Date entered" typed as text; one row of ten typed the wrong way
    round (flagged); the others entered a day or more after."""
    rows = [["Date of incident", "Date entered", "Officer", "Details"]]
    truth = []
    for i in range(10):
        happened = date(2016, 3, 1 + 2 * i)
        entered = date(2016, 3, 2 + 2 * i)
        text = TEXTS[i % 8] + f" (log {i + 1})"
        pair = (entered, happened) if i == 6 else (happened, entered)
        rows.append([f"{pair[0]:%d/%m/%Y}", f"{pair[1]:%d/%m/%Y}", WORKERS[i % 4], text])
        truth.append(Expected(happened, event=text, flagged=i == 6))
    wb, _ws = _book(rows)
    return _save(wb, folder, "swapped_text_dates.xlsx"), truth


def word_rows_split_by_hand(folder: Path):
    """A Word chronology where the author split long rows by hand to fit the page (the rest of
    the text in a new row with no date) and typed the header again at the top of page 2."""
    import docx

    document = docx.Document()
    table = _word_table(document, ["Date", "Agency", "Event", "Analysis"])
    for i in range(8):
        head, _sep, tail = TEXTS[i].partition(". ")
        if i in (1, 5) and tail:
            _fill(table.add_row(), [f"{DAYS[i]:%d/%m/%Y}", "Police", head + ".", ANALYSIS[i]])
            _fill(table.add_row(), ["", "", tail, ""])
        else:
            _fill(table.add_row(), [f"{DAYS[i]:%d/%m/%Y}", "Police", TEXTS[i], ANALYSIS[i]])
        if i == 3:
            _fill(table.add_row(), ["Date", "Agency", "Event", "Analysis"])
    path = folder / "word_rows_split_by_hand.docx"
    document.save(path)
    return path, [_t(i) for i in range(8)]


FILES = {
    f.__name__: f
    for f in (
        word_landscape_totals,
        word_typed_dates_ditto,
        word_column_per_agency,
        word_comment_column,
        ods_typed_with_year_rows,
        csv_hand_typed,
        csv_excel_cp1252,
        datetime_cells_some_times,
        weekday_typed_dates,
        blank_first_column_and_numbers,
        entries_split_with_blank_date,
        two_digit_year_mix,
        review_block_with_dates,
        page_two_sheet_typed,
        three_tables_across,
        year_banners_merged,
        swapped_text_dates,
        word_rows_split_by_hand,
    )
}
