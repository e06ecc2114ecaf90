"""The seventh round's files: chronologies typed by hand in Excel by review authors and business
support officers, the way people really fill them in (dates typed several ways down one column,
year rows, notes in the date column, an analysis column, hidden rows, comments, formula-like
text). Each builder writes a file into a folder and returns (path, truth), as in
robust_files.py. All names are fictional."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from tests.chronology.robust_files import DAYS, TEXTS, TIMES, TYPES, WORKERS, Expected

ANALYSIS = [
    "This was a missed opportunity to consider the impact of the home conditions on the baby; "
    "no record that the worker discussed the visit with a manager or the health visitor.",
    "Good practice: the nursery shared its concern promptly and asked for a multi-agency "
    "discussion, although the request was not followed up in writing.",
    "The letter to the GP did not ask for any action; the panel will want to know whether "
    "was-not-brought procedures were followed by the hospital trust at this time.",
    "Appropriate referral; the panel may wish to consider why previous injuries were not "
    "looked at together with this one by any of the agencies involved.",
    "Timely and well attended; the decision to visit jointly was sound and recorded clearly.",
    "Lack of professional curiosity: no follow-up visit was arranged for the following week.",
    "School's response was supportive; the information was not passed to children's social "
    "care and the panel will consider whether it should have been.",
    "Supervision was reflective but the plan's review date passed without a review meeting.",
]


def _t(i: int, **kw) -> Expected:
    """Entry i of the shared day and text lists, with what else the file carries."""
    return Expected(start=DAYS[i], event=TEXTS[i], **kw)


def _save(wb, folder: Path, name: str) -> Path:
    path = folder / name
    wb.save(path)
    return path


def _book(rows, *, title="Chronology"):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = title
    for row in rows:
        ws.append(row)
    return wb, ws


def _date_cells(ws, column="A", fmt="dd/mm/yyyy") -> None:
    for cell in ws[column]:
        if isinstance(cell.value, datetime | date):
            cell.number_format = fmt


# --- 1. date cells and typed dates mixed down one column ------------------------------------------


def mixed_typed_dates(folder: Path):
    """An IMR author's chronology: some dates are real date cells, others typed as text in
    whatever way came to mind ("3rd April 2016", "06.05.16", "21 June 16", "2/8/2016")."""
    typed = [DAYS[0], "3rd April 2016", "06.05.16", "21 June 16", "2/8/2016", DAYS[5],
             "5th Oct 2016", "28.11.2016"]  # fmt: skip
    rows = [["Date", "Agency worker", "What happened"]]
    rows += [[typed[i], WORKERS[i % 4], TEXTS[i]] for i in range(8)]
    wb, ws = _book(rows)
    _date_cells(ws)
    return _save(wb, folder, "mixed_typed_dates.xlsx"), [
        _t(i, practitioner=WORKERS[i % 4]) for i in range(8)
    ]


# --- 2. vague dates typed by hand --------------------------------------------------------------


def vague_typed_dates(folder: Path):
    """Dates as people remember them: "Mar-16" typed as text, "early April 2016", "between 5
    and 7 May 2016", "2016 (date unknown)", "mid-September 2016"."""
    typed = ["Mar-16", "early April 2016", "between 5 and 7 May 2016", "21/06/2016",
             "2016 (date unknown)", "mid-September 2016", "05/10/2016", "end of November 2016"]  # fmt: skip
    spans = [(date(2016, 3, 1), date(2016, 3, 31)), (date(2016, 4, 1), date(2016, 4, 10)),
             (date(2016, 5, 5), date(2016, 5, 7)), (DAYS[3], None),
             (date(2016, 1, 1), date(2016, 12, 31)), (date(2016, 9, 11), date(2016, 9, 20)),
             (DAYS[6], None), (date(2016, 11, 21), date(2016, 11, 30))]  # fmt: skip
    rows = [["Date", "Event", "Source"]]
    rows += [[typed[i], TEXTS[i], "Health visiting records"] for i in range(8)]
    wb, _ws = _book(rows)
    truth = [Expected(s, e, event=TEXTS[i]) for i, (s, e) in enumerate(spans)]
    return _save(wb, folder, "vague_typed_dates.xlsx"), truth


# --- 3. ditto marks of several kinds ------------------------------------------------------------


def ditto_kinds(folder: Path):
    """Several entries on one day: the date typed once, then "same day", "ditto", "see above",
    "do" (the old clerk's ditto) or a ditto mark under it."""
    marks = [None, "same day", None, "ditto", None, "see above", "do", '"']
    days = [DAYS[0], DAYS[0], DAYS[2], DAYS[2], DAYS[4], DAYS[4], DAYS[4], DAYS[4]]
    rows = [["Date", "Details of contact", "By"]]
    for i in range(8):
        rows.append([marks[i] or days[i], TEXTS[i], WORKERS[i % 4]])
    wb, ws = _book(rows)
    _date_cells(ws)
    truth = [Expected(days[i], event=TEXTS[i], practitioner=WORKERS[i % 4]) for i in range(8)]
    return _save(wb, folder, "ditto_kinds.xlsx"), truth


# --- 4. year banner rows and blank rows between years -------------------------------------------


def year_banner_rows(folder: Path):
    """Rows with only the year ("2015", "2016") typed in the date column (shaded in the
    original) over that year's entries, and a blank row before each banner."""
    days = [date(2015, 11, 2), date(2015, 12, 9)] + DAYS[:6]
    rows = [["Date", "Agency", "Summary of involvement"], ["2015", None, None]]
    truth = []
    for i, day in enumerate(days):
        if i == 2:
            rows += [[None, None, None], [2016, None, None]]
        rows.append([day, "Children's Social Care", TEXTS[i]])
        truth.append(Expected(day, event=TEXTS[i]))
    wb, ws = _book(rows)
    _date_cells(ws)
    return _save(wb, folder, "year_banner_rows.xlsx"), truth


# --- 5. a time typed into the date cell ---------------------------------------------------------


def time_in_date_cell(folder: Path):
    """The date cell holds the time too, typed several ways: "14/03/2016 10:32", "03/04/16 @
    2.30pm", "06/05/2016 09.05am", "21/06/2016 at 16:45hrs"."""
    forms = ["{d:%d/%m/%Y} {t:%H:%M}", "{d:%d/%m/%y} @ {t:%I.%M%p}", "{d:%d/%m/%Y} {t:%H.%M}",
             "{d:%d/%m/%Y} at {t:%H:%M}hrs"]  # fmt: skip
    rows = [["Date/time", "Professional", "Event"]]
    for i in range(8):
        rows.append([forms[i % 4].format(d=DAYS[i], t=TIMES[i]).lower(), WORKERS[i % 4], TEXTS[i]])
    wb, _ws = _book(rows)
    truth = [_t(i, time=f"{TIMES[i]:%H:%M}", practitioner=WORKERS[i % 4]) for i in range(8)]
    return _save(wb, folder, "time_in_date_cell.xlsx"), truth


# --- 6. notes typed in the date column ----------------------------------------------------------


def notes_in_date_column(folder: Path):
    """Where the author could not find a date they wrote so in the date cell: "Date unclear
    from records", "Not known". Those rows are kept and flagged, never dropped or dated."""
    rows = [["Date", "Event", "Comment"]]
    truth = []
    for i in range(8):
        cell = DAYS[i] if i not in (3, 6) else ("Date unclear from records", "Not known")[i == 6]
        rows.append([cell, TEXTS[i], ""])
        truth.append(_t(i, flagged=i in (3, 6)))
    wb, ws = _book(rows)
    _date_cells(ws)
    return _save(wb, folder, "notes_in_date_column.xlsx"), truth


# --- 7. the narrative with the author's analysis beside it ---------------------------------------


def analysis_column(folder: Path):
    """The IMR template's columns: Date, Source, Event, Analysis — the author's analysis is
    longer than the event and must not be taken for it."""
    rows = [["Date", "Source of information", "Event / contact", "Analysis / significance"]]
    short = [t.split(";")[0].split(":")[0][:70].strip() for t in TEXTS]
    for i in range(8):
        rows.append([DAYS[i], "Case file", short[i], ANALYSIS[i]])
    wb, ws = _book(rows)
    _date_cells(ws)
    truth = [Expected(DAYS[i], event=short[i]) for i in range(8)]
    return _save(wb, folder, "analysis_column.xlsx"), truth


def comment_column_first(folder: Path):
    """ "Comment" comes before "Details" and both are long; the details are the event."""
    rows = [["Date", "Comment (IMR author)", "Details"]]
    rows += [[DAYS[i], ANALYSIS[i], TEXTS[i]] for i in range(8)]
    wb, ws = _book(rows)
    _date_cells(ws)
    return _save(wb, folder, "comment_column_first.xlsx"), [_t(i) for i in range(8)]


# --- 8. one column per agency ---------------------------------------------------------------------


AGENCIES = ["Children's Social Care", "Police", "Health", "Education"]


def column_per_agency(folder: Path):
    """A business unit's combined chronology: one row a date, a column for each agency's
    involvement that day (most rows fill one, some two). Each column is an agency's swim lane:
    a row filling two gives an entry to each agency."""
    rows = [["Date", *AGENCIES]]
    truth = []
    for i in range(8):
        cells = [""] * 4
        cells[i % 4] = TEXTS[i]
        truth.append(_t(i))
        if i in (2, 5):
            cells[(i + 1) % 4] = f"Also that day: {ANALYSIS[i]}"
            truth.append(Expected(DAYS[i], event=cells[(i + 1) % 4]))
        rows.append([DAYS[i], *cells])
    wb, ws = _book(rows)
    _date_cells(ws)
    return _save(wb, folder, "column_per_agency.xlsx"), truth


# --- 9. two tables side by side -------------------------------------------------------------------


def tables_side_by_side(folder: Path):
    """The author put the second half of the chronology beside the first to print on one
    page: Date / Event in A:B and again in D:E, a blank column between."""
    rows = [["Date", "Event", None, "Date", "Event"]]
    for i in range(4):
        rows.append([DAYS[i], TEXTS[i], None, DAYS[i + 4], TEXTS[i + 4]])
    wb, ws = _book(rows)
    _date_cells(ws)
    _date_cells(ws, "D")
    return _save(wb, folder, "tables_side_by_side.xlsx"), [_t(i) for i in range(8)]


# --- 10. review details above the header ------------------------------------------------------


def review_details_block(folder: Path):
    """Rows 1–4 hold the review's details (child, date of birth, reference, author); the
    header is on row 6."""
    rows = [["Child's name:", "Child Z"], ["Date of birth:", datetime(2014, 2, 1)],
            ["Review reference:", "CSPR 2016/04"], ["Author:", "Wren Okafor, IMR author"],
            [], ["Date", "Time", "Practitioner", "Event"]]  # fmt: skip
    for i in range(8):
        rows.append([DAYS[i], TIMES[i], WORKERS[i % 4], TEXTS[i]])
    wb, ws = _book(rows)
    _date_cells(ws, "B")
    _date_cells(ws)
    for cell in ws["B"][6:]:
        cell.number_format = "hh:mm"
    truth = [_t(i, time=f"{TIMES[i]:%H:%M}", practitioner=WORKERS[i % 4]) for i in range(8)]
    return _save(wb, folder, "review_details_block.xlsx"), truth


# --- 11. hidden columns and rows hidden by a filter ---------------------------------------------


def hidden_rows_filtered(folder: Path):
    """An autofilter left on with "Police" unticked: three rows hidden. They are part of the
    chronology and must come in."""
    rows = [["Date", "Agency", "Event"]]
    for i in range(8):
        rows.append([DAYS[i], "Police" if i in (1, 4, 7) else "Health", TEXTS[i]])
    wb, ws = _book(rows)
    _date_cells(ws)
    ws.auto_filter.ref = "A1:C9"
    ws.auto_filter.add_filter_column(1, ["Health"])
    for r in (3, 6, 9):
        ws.row_dimensions[r].hidden = True
    return _save(wb, folder, "hidden_rows_filtered.xlsx"), [_t(i) for i in range(8)]


def hidden_columns(folder: Path):
    """Columns the author hid: an old "Draft wording" column and a "Checked" column."""
    rows = [["Date", "Draft wording", "By whom", "Checked", "Event"]]
    for i in range(8):
        rows.append([DAYS[i], "see final", WORKERS[i % 4], "Y", TEXTS[i]])
    wb, ws = _book(rows)
    _date_cells(ws)
    ws.column_dimensions["B"].hidden = True
    ws.column_dimensions["D"].hidden = True
    return _save(wb, folder, "hidden_columns.xlsx"), [
        _t(i, practitioner=WORKERS[i % 4]) for i in range(8)
    ]


# --- 12. comments, strikethrough, colours, merged narrative --------------------------------------


def cells_with_comments(folder: Path):
    """Review comments attached to cells ("Check with police"); the cells' own text counts."""
    from openpyxl.comments import Comment

    rows = [["Date", "Worker", "Narrative"]]
    rows += [[DAYS[i], WORKERS[i % 4], TEXTS[i]] for i in range(8)]
    wb, ws = _book(rows)
    _date_cells(ws)
    for r in (2, 5, 8):
        ws[f"C{r}"].comment = Comment("Check this with the police IMR author", "Panel chair")
    ws["A4"].comment = Comment("Date from the GP letter", "BSO")
    return _save(wb, folder, "cells_with_comments.xlsx"), [
        _t(i, practitioner=WORKERS[i % 4]) for i in range(8)
    ]


def strikethrough_rows(folder: Path):
    """Two rows struck through by the author (meaning "delete"). The struck text is still the
    author's record and is imported as written (nothing lost), flagged; the panel decides."""
    from openpyxl.styles import Font

    rows = [["Date", "Event"]] + [[DAYS[i], TEXTS[i]] for i in range(8)]
    wb, ws = _book(rows)
    _date_cells(ws)
    for r in (4, 7):
        for cell in ws[r]:
            cell.font = Font(strike=True)
    return _save(wb, folder, "strikethrough_rows.xlsx"), [
        _t(i, flagged=i in (2, 5)) for i in range(8)
    ]


def colour_coded_rows(folder: Path):
    """Rows filled red, amber or green by significance, a key to the colours above the
    header."""
    from openpyxl.styles import PatternFill

    rows = [["Key: red = significant, amber = of note, green = routine"], [],
            ["Date", "Practitioner", "Contact type", "Details"]]  # fmt: skip
    rows += [[DAYS[i], WORKERS[i % 4], TYPES[i % 4], TEXTS[i]] for i in range(8)]
    wb, ws = _book(rows)
    _date_cells(ws)
    colours = ["FFC7CE", "FFEB9C", "C6EFCE"]
    for n, row in enumerate(ws.iter_rows(min_row=4)):
        for cell in row:
            cell.fill = PatternFill("solid", fgColor=colours[n % 3])
    truth = [_t(i, practitioner=WORKERS[i % 4], event_type=TYPES[i % 4]) for i in range(8)]
    return _save(wb, folder, "colour_coded_rows.xlsx"), truth


def merged_narrative(folder: Path):
    """The narrative merged across three columns (C:E) in the header and in every row so it
    prints wide."""
    rows = [["Date", "Who", "Event", None, None, "Agency"]]
    rows += [[DAYS[i], WORKERS[i % 4], TEXTS[i], None, None, "Health"] for i in range(8)]
    wb, ws = _book(rows)
    _date_cells(ws)
    for r in range(1, 10):
        ws.merge_cells(f"C{r}:E{r}")
    return _save(wb, folder, "merged_narrative.xlsx"), [
        _t(i, practitioner=WORKERS[i % 4]) for i in range(8)
    ]


# --- 13. long cells, formula-like text, bullets, emoji, right-to-left text ----------------------


def very_long_cells(folder: Path):
    """A discharge summary pasted whole into one cell: over 12,000 characters."""
    long = " ".join([TEXTS[3]] + [f"Paragraph {n}: " + ANALYSIS[n % 8] for n in range(140)])
    texts = list(TEXTS)
    texts[3] = long
    rows = [["Date", "Event"]] + [[DAYS[i], texts[i]] for i in range(8)]
    wb, ws = _book(rows)
    _date_cells(ws)
    truth = [Expected(DAYS[i], event=texts[i]) for i in range(8)]
    assert len(long) > 12000
    return _save(wb, folder, "very_long_cells.xlsx"), truth


def formula_like_text(folder: Path):
    """Text that starts like a formula: "- Mother rang…", "+ve drug screen…", "=> referral"
    (typed after an apostrophe so Excel kept it as text)."""
    lead = ["- ", "+ve result noted. ", "=> ", "-- ", "", "+ ", "=", "@ "]
    texts = [lead[i] + TEXTS[i] for i in range(8)]
    wb, ws = _book([["Date", "Event"]])
    for i in range(8):
        ws.cell(row=i + 2, column=1, value=DAYS[i]).number_format = "dd/mm/yyyy"
        cell = ws.cell(row=i + 2, column=2)
        cell.value = texts[i]
        cell.data_type = "s"
        cell.quotePrefix = True
    truth = [Expected(DAYS[i], event=texts[i].strip()) for i in range(8)]
    return _save(wb, folder, "formula_like_text.xlsx"), truth


def bullets_emoji_rtl(folder: Path):
    """Bullet points inside cells ("• ", "▪ ", "– "), an emoji copied from a text message, a
    mother's words in Arabic and Urdu as the interpreter wrote them."""
    extra = ["\n• safe sleep leaflet given\n• next visit booked", " Text from mother: \"ok 👍\"",
             " Mother said: «أنا بخير» (I am fine).", "\n▪ burn dressed\n▪ GP informed",
             " Interpreter: «میں ٹھیک ہوں»", " 😢 emoji in the text message.", "\n– breakfast club",
             ""]  # fmt: skip
    texts = [TEXTS[i] + extra[i] for i in range(8)]
    rows = [["Date", "Event"]] + [[DAYS[i], texts[i]] for i in range(8)]
    wb, ws = _book(rows)
    _date_cells(ws)
    truth = [Expected(DAYS[i], event=" ".join(texts[i].split())) for i in range(8)]
    return _save(wb, folder, "bullets_emoji_rtl.xlsx"), truth


def numbers_as_text(folder: Path):
    """Numbers stored as text (the green triangles): an entry number "1".."8", a case number
    "1002231", and dates that are serial numbers as text ("42443") after a paste."""
    rows = [["No.", "Case no", "Date", "Event"]]
    for i in range(8):
        serial = (DAYS[i] - date(1899, 12, 30)).days
        rows.append([str(i + 1), "1002231", str(serial), TEXTS[i]])
    wb, _ws = _book(rows)
    return _save(wb, folder, "numbers_as_text.xlsx"), [_t(i) for i in range(8)]


def general_format_serials(folder: Path):
    """Dates pasted into a column formatted General: they show as 42443 but are numbers."""
    rows = [["Date", "Worker", "Event"]]
    for i in range(8):
        rows.append([(DAYS[i] - date(1899, 12, 30)).days, WORKERS[i % 4], TEXTS[i]])
    wb, _ws = _book(rows)
    return _save(wb, folder, "general_format_serials.xlsx"), [
        _t(i, practitioner=WORKERS[i % 4]) for i in range(8)
    ]


# --- 14. a continuation sheet "Sheet1 (2)" -----------------------------------------------------


def continuation_sheet(folder: Path):
    """The chronology ran on to a copied sheet, "Sheet1 (2)", with the same headings and the
    later entries."""
    from openpyxl import Workbook

    wb = Workbook()
    first = wb.active
    first.title = "Sheet1"
    second = wb.create_sheet("Sheet1 (2)")
    for ws, part in ((first, range(4)), (second, range(4, 8))):
        ws.append(["Date", "Worker", "Event"])
        for i in part:
            ws.append([DAYS[i], WORKERS[i % 4], TEXTS[i]])
        _date_cells(ws)
    return _save(wb, folder, "continuation_sheet.xlsx"), [
        _t(i, practitioner=WORKERS[i % 4]) for i in range(8)
    ]


# --- 15. mistakes people make ----------------------------------------------------------------------


def swapped_date_columns(folder: Path):
    """ "Date of event" and "Date recorded": in two rows the author typed them the wrong way
    round, so the record is dated before the event. Those rows are flagged."""
    rows = [["Date of event", "Date recorded", "Event"]]
    truth = []
    for i in range(8):
        happened, recorded = DAYS[i], date.fromordinal(DAYS[i].toordinal() + 3)
        if i in (2, 5):
            rows.append([recorded, happened, TEXTS[i]])
            truth.append(_t(i, flagged=True))
        else:
            rows.append([happened, recorded, TEXTS[i]])
            truth.append(_t(i))
    wb, ws = _book(rows)
    _date_cells(ws)
    _date_cells(ws, "B")
    return _save(wb, folder, "swapped_date_columns.xlsx"), truth


def typing_errors_in_dates(folder: Path):
    """Dates mistyped: 2106 for 2016 (a date cell), 31/02/2016, 2061 for 2016 and 1016. Each
    is flagged with its reason; the others are right."""
    typed = [DAYS[0], datetime(2106, 4, 3), "06/05/2016", "31/02/2016", DAYS[4], "12/09/2061",
             "05/10/1016", DAYS[7]]  # fmt: skip
    rows = [["Date", "Event"]] + [[typed[i], TEXTS[i]] for i in range(8)]
    wb, ws = _book(rows)
    _date_cells(ws)
    truth = [_t(i, flagged=i in (1, 3, 5, 6)) for i in range(8)]
    return _save(wb, folder, "typing_errors_in_dates.xlsx"), truth


def date_and_time_columns_typed(folder: Path):
    """A separate time column typed by hand: "10.32", "2.30pm", "09:05", "16:45hrs",
    "11am", "08.15 am", "1.20 pm", "15:55"."""
    typed = ["10.32", "2.30pm", "09:05", "16:45hrs", "11am", "08.15 am", "1.20 pm", "15:55"]
    rows = [["Date", "Time", "Event"]] + [[DAYS[i], typed[i], TEXTS[i]] for i in range(8)]
    wb, ws = _book(rows)
    _date_cells(ws)
    return _save(wb, folder, "date_and_time_columns_typed.xlsx"), [
        _t(i, time=f"{TIMES[i]:%H:%M}") for i in range(8)
    ]


def approx_after_date(folder: Path):
    """Dates with a doubt typed after them: "14/03/2016 - approx", "03/04/2016 (approx)",
    "6/5/16?", "21/06/2016 approx." — each read as the date."""
    typed = ["14/03/2016 - approx", "03/04/2016 (approx)", "6/5/16?", "21/06/2016 approx.",
             "02/08/2016", "12/09/2016", "05/10/2016", "28/11/2016"]  # fmt: skip
    rows = [["Date", "Event"]] + [[typed[i], TEXTS[i]] for i in range(8)]
    wb, _ws = _book(rows)
    truth = [_t(i, flag_ok=i < 4) for i in range(8)]
    return _save(wb, folder, "approx_after_date.xlsx"), truth


def day_range_slashes(folder: Path):
    """Day ranges typed compactly: "3-5/4/2016", "20-21/06/2016"."""
    typed = ["14/03/2016", "3-5/4/2016", "06/05/2016", "20-21/06/2016", "02/08/2016",
             "12/09/2016", "05/10/2016", "28/11/2016"]  # fmt: skip
    ends = {1: date(2016, 4, 5), 3: date(2016, 6, 21)}
    starts = {1: date(2016, 4, 3), 3: date(2016, 6, 20)}
    rows = [["Date", "Event"]] + [[typed[i], TEXTS[i]] for i in range(8)]
    wb, _ws = _book(rows)
    truth = [Expected(starts.get(i, DAYS[i]), ends.get(i), event=TEXTS[i]) for i in range(8)]
    return _save(wb, folder, "day_range_slashes.xlsx"), truth


FILES = {
    f.__name__: f
    for f in (
        mixed_typed_dates,
        vague_typed_dates,
        ditto_kinds,
        year_banner_rows,
        time_in_date_cell,
        notes_in_date_column,
        analysis_column,
        comment_column_first,
        column_per_agency,
        tables_side_by_side,
        review_details_block,
        hidden_rows_filtered,
        hidden_columns,
        cells_with_comments,
        strikethrough_rows,
        colour_coded_rows,
        merged_narrative,
        very_long_cells,
        formula_like_text,
        bullets_emoji_rtl,
        numbers_as_text,
        general_format_serials,
        continuation_sheet,
        swapped_date_columns,
        typing_errors_in_dates,
        date_and_time_columns_typed,
        approx_after_date,
        day_range_slashes,
    )
}
