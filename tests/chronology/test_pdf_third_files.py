"""More chronologies sent as PDF (pdf_third_files.py: LibreOffice's prints of a Word IMR table
and of workbooks wider than the page, a case system's blocks between rules, a typewriter
police log, two columns on the page, portrait and landscape pages, marked footers, a browser's
print of a case-note page) imported through the command line with no options, every entry
right; scans refused in plain words with the way out."""

import shutil

import pytest

from app.chronology.entries import TEXT_FIELDS
from tests.chronology import pdf_third_files
from tests.chronology.round_checks import check_file_imports_fully_right, check_refused_saying
from tests.chronology.test_robust_files import (
    _entries,
    store_path,  # noqa: F401
)

pytest.importorskip("pdfplumber")


@pytest.mark.parametrize("name", sorted(pdf_third_files.FILES))
def test_each_pdf_imports_fully_right_with_no_options(store_path, tmp_path, capsys, name):  # noqa: F811
    check_file_imports_fully_right(pdf_third_files.FILES, name, store_path, tmp_path, capsys)
    if name not in pdf_third_files.KEPT:
        return
    # the texts each entry must hold besides (in any of its text fields)
    (tmp_path / "again").mkdir()
    _path, truth = pdf_third_files.FILES[name](tmp_path / "again")
    entries = _entries(store_path)
    for want, texts in zip(truth, pdf_third_files.KEPT.get(name, []), strict=True):
        found = next(
            e for e in entries
            if want.event in " ".join(e.event.split()) and e.date_start == want.start
        )  # fmt: skip
        held = " ".join(" ".join(str(getattr(found, f) or "").split()) for f in TEXT_FIELDS)
        assert all(text in held for text in texts), (texts, held)


@pytest.mark.skipif(
    not (shutil.which("chromium") or shutil.which("chromium-browser")),
    reason="Chromium is not installed (apt-get install chromium; .ci/run does)",
)
@pytest.mark.parametrize("name", sorted(pdf_third_files.PRINTED_BY_A_BROWSER))
def test_a_page_printed_by_a_browser_imports_fully_right(store_path, tmp_path, capsys, name):  # noqa: F811
    check_file_imports_fully_right(
        pdf_third_files.PRINTED_BY_A_BROWSER, name, store_path, tmp_path, capsys
    )


@pytest.mark.parametrize("name", sorted(pdf_third_files.REFUSED))
def test_scans_are_refused_saying_so_and_the_way_out(store_path, tmp_path, capsys, name):  # noqa: F811
    check_refused_saying(pdf_third_files.REFUSED[name], [], store_path, tmp_path, capsys)


# --- each rule on its own -------------------------------------------------------------------


def _grid_pdf(path, widths, rows, size=9.0):
    """A ruled table drawn cell by cell, each cell's lines as given (a list of lines each):
    text broken where the caller says, as a word processor breaks a word too wide for its
    cell."""
    from reportlab.pdfgen import canvas

    from tests.chronology.pdf_files import MARGIN, PAGE_H, PAGE_W

    c = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H))
    xs = [MARGIN]
    for w in widths:
        xs.append(xs[-1] + w)
    top = PAGE_H - 80
    for row in rows:
        height = max(len(cell) for cell in row) * size * 1.2 + 6
        for x, cell in zip(xs, row, strict=False):
            y = top - 3 - size
            for line in cell:
                c.setFont("Helvetica", size)
                c.drawString(x + 3, y, line)
                y -= size * 1.2
        c.line(xs[0], top, xs[-1], top)
        c.line(xs[0], top - height, xs[-1], top - height)
        for x in xs:
            c.line(x, top, x, top - height)
        top -= height
    c.save()
    return path


def test_a_date_and_time_broken_at_a_narrow_cells_edge_are_read_whole(tmp_path):
    """A Word table's date column too narrow for "07/01/2019" prints "07/01/201" then "9"
    under it ("09:0" / "0", the heading "Tim" / "e"): read as the whole date, time and
    heading; a date with a two-figure year then a number on the next line stays apart."""
    from app.chronology.reading import read_table

    text = "Home visit: mother present, flat cold, baby settled in a Moses basket."
    rows = [
        [["Date"], ["Tim", "e"], ["Event"]],
        [["07/01/201", "9"], ["09:0", "0"], [text]],
        [["18/01/20", "19"], ["10:07"], [text]],
        [["29/01/2019"], ["11:14"], [text]],
    ]
    path = _grid_pdf(tmp_path / "narrow.pdf", [52, 28, 300], rows)
    table = read_table(path)
    assert table.headers == ["Date", "Time", "Event"]
    assert [row[:2] for _n, row in table.rows] == [
        ["07/01/2019", "09:00"], ["18/01/2019", "10:07"], ["29/01/2019", "11:14"],
    ]  # fmt: skip


def test_a_number_under_a_date_in_a_wide_cell_is_not_joined_to_it():
    """Only a line holding one word of a date's digits and marks is a broken date: "seen
    14/03/20" then "16 days later" stays two pieces of text."""
    from app.chronology.pdf_text import _cell_text, _Line

    def line(top, *texts):
        words, x = [], 50.0
        for t in texts:
            words.append({"text": t, "x0": x, "x1": x + 6 * len(t), "top": top,
                          "bottom": top + 9, "size": 9})  # fmt: skip
            x += 6 * len(t) + 3
        return _Line(1, top, top + 9, 50.0, x - 3, 9.0, False, words, top + 9)

    cell = (47.0, 0.0, 400.0, 100.0)
    assert _cell_text([line(10, "seen", "14/03/20"), line(21, "16", "days")], cell, 2.0) == (
        "seen 14/03/20\n16 days"
    )
    assert _cell_text([line(10, "14/03/201"), line(21, "6")], (47.0, 0.0, 110.0, 40.0), 2.0) == (
        "14/03/2016"
    )


def _sheet_print(path, pages, size=9.0):
    """A workbook's print without gridlines: each page a list of (x, y from the top, text)."""
    from reportlab.pdfgen import canvas

    from tests.chronology.pdf_files import PAGE_H, PAGE_W

    c = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H))
    for items in pages:
        for x, y, text in items:
            c.setFont("Helvetica", size)
            c.drawString(x, PAGE_H - y, text)
        c.showPage()
    c.save()
    return path


_NOTES = [
    "Home visit: mother present, flat cold, baby settled.",
    "Call from the nursery: collected late again.",
    "Not brought to the clinic; letter sent to the GP.",
]


def _sheet_rows(first: int, count: int):
    from datetime import date, timedelta

    from tests.chronology.robust_files import WORKERS

    return [
        (f"{date(2021, 2, 1) + timedelta(days=5 * i):%d/%m/%Y}", WORKERS[i % 4], _NOTES[i % 3])
        for i in range(first, first + count)
    ]


def test_a_sheet_printed_with_its_date_column_repeated_on_every_page_is_joined(tmp_path):
    """ "Columns to repeat at left": the date printed on the pages of later columns too. The
    dates of those pages, word for word and level with a page of the first columns, mark them
    as more columns of its rows: read once, joined (not taken for entries of their own)."""
    from app.chronology.reading import read_table

    def page(rows, heading, value):
        items = [(50, 60, "Date"), (130, 60, heading)]
        items += [(50, 80 + 20 * n, r[0]) for n, r in enumerate(rows)]
        items += [(130, 80 + 20 * n, value(r)) for n, r in enumerate(rows)]
        return items

    one, two = _sheet_rows(0, 6), _sheet_rows(6, 4)
    pages = [
        page(one, "Worker", lambda r: r[1]), page(two, "Worker", lambda r: r[1]),
        page(one, "Case note", lambda r: r[2]), page(two, "Case note", lambda r: r[2]),
    ]  # fmt: skip
    table = read_table(_sheet_print(tmp_path / "repeated.pdf", pages))
    assert table.headers == ["Date", "Worker", "Case note"]
    assert [row for _n, row in table.rows] == [list(r) for r in one + two]
    assert any("printed wider than the page" in note for note in table.notes)


def test_the_same_page_printed_twice_is_not_taken_for_more_columns(tmp_path):
    from app.chronology.pdf_text import _Line, _Page, _repeated_columns

    def line(top, *cells):
        words = [{"text": t, "x0": x, "x1": x + 5 * len(t), "top": top, "bottom": top + 9,
                  "size": 9} for x, t in cells]  # fmt: skip
        return _Line(1, top, top + 9, cells[0][0], words[-1]["x1"], 9.0, False, words, top + 9)

    lines = [line(80 + 20 * n, (50, r[0]), (130, r[1])) for n, r in enumerate(_sheet_rows(0, 4))]
    first = _Page(1, 842, 595, lines, [], 0)
    again = _Page(2, 842, 595, list(lines), [], 0)
    assert _repeated_columns([first, again]) == {}
    other = [line(80 + 20 * n, (50, r[0]), (130, r[2])) for n, r in enumerate(_sheet_rows(0, 4))]
    assert list(_repeated_columns([first, _Page(2, 842, 595, other, [], 0)])) == [1]


def test_a_last_column_filled_on_a_few_rows_only_is_joined_though_a_page_is_not_printed(
    tmp_path,
):
    """A sheet printed "down, then over" whose last column is empty on the second page's rows:
    the spreadsheet prints no page for them (5 pages, not 6). The last page's few lines, its
    heading level with the first page's, each level with one of its rows, are joined to those
    rows; the heading of each page of later columns ("Case note", one word, on every page
    of that set) is the column's, never left out as a running heading."""
    from app.chronology.reading import read_table

    one, two = _sheet_rows(0, 8), _sheet_rows(8, 4)

    def first(rows):
        return [(50, 60, "Date"), (130, 60, "Worker")] + [
            item for n, r in enumerate(rows) for item in ((50, 80 + 20 * n, r[0]),
                                                         (130, 80 + 20 * n, r[1]))
        ]  # fmt: skip

    def notes(rows):
        return [(50, 60, "Case note")] + [(50, 80 + 20 * n, r[2]) for n, r in enumerate(rows)]

    comments = [(50, 60, "Manager's comment"), (50, 120, "Agreed at supervision"),
                (50, 200, "Case closed")]  # fmt: skip
    pages = [first(one), first(two), notes(one), notes(two), comments]
    table = read_table(_sheet_print(tmp_path / "sparse.pdf", pages))
    assert table.headers == ["Date", "Worker", "Case note", "Manager's comment"]
    got = [row for _n, row in table.rows]
    assert [row[:3] for row in got] == [list(r) for r in one + two]
    assert got[2][3] == "Agreed at supervision" and got[6][3] == "Case closed"


def test_a_log_in_a_typewriter_font_is_read_by_its_columns(tmp_path):
    """A terminal system's log printed in Courier: a space as wide as a letter, one space
    between the words of a column ("PC 2231 ELLERY"), two between columns; the heading line
    ruled off with a line of dashes, which is not text."""
    from reportlab.pdfgen import canvas

    from app.chronology.reading import read_table
    from tests.chronology.pdf_files import PAGE_H, PAGE_W

    path = tmp_path / "log.pdf"
    c = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H))
    c.setFont("Courier", 8.5)
    lines = [
        "DATE        OFFICER          DETAILS",
        "-" * 60,
        "14/03/2016  PC 2231 ELLERY   HOME VISIT: MOTHER PRESENT, FLAT COLD.",
        "                             SAFE SLEEP ADVICE REPEATED.",
        "03/04/2016  DC 1180 NANDAKUMAR  CALL FROM THE NURSERY: COLLECTED LATE.",
        "06/05/2016  PS 904 PRITCHARD  NOT BROUGHT TO THE CLINIC.",
    ]
    for n, text in enumerate(lines):
        c.drawString(50, PAGE_H - 120 - 11 * n, text)
    c.save()
    table = read_table(path)
    assert table.headers == ["DATE", "OFFICER", "DETAILS"]
    assert [row for _n, row in table.rows] == [
        ["14/03/2016", "PC 2231 ELLERY", "HOME VISIT: MOTHER PRESENT, FLAT COLD. SAFE SLEEP ADVICE REPEATED."],
        ["03/04/2016", "DC 1180 NANDAKUMAR", "CALL FROM THE NURSERY: COLLECTED LATE."],
        ["06/05/2016", "PS 904 PRITCHARD", "NOT BROUGHT TO THE CLINIC."],
    ]  # fmt: skip


def test_a_page_set_in_two_columns_of_text_reads_left_column_then_right(tmp_path):
    """Dated paragraphs set in two columns on the page: the left column read first, then the
    right (an entry going on from the foot of the left column to the top of the right kept
    whole), said in a note; never the two columns' lines read across as one."""
    from app.chronology.reading import read_table

    path, truth = pdf_third_files.two_column_paragraphs(tmp_path)
    table = read_table(path)
    texts = [" ".join(row[-1].split()) for _n, row in table.rows]
    assert len(texts) == len(truth)
    assert all(want.event in text for want, text in zip(truth, texts, strict=True))
    assert any("set in two columns of text" in note for note in table.notes), table.notes


@pytest.mark.parametrize("name", sorted(pdf_third_files.AFTER))
def test_each_pdf_made_after_the_rules_imports_fully_right(store_path, tmp_path, capsys, name):  # noqa: F811
    check_file_imports_fully_right(pdf_third_files.AFTER, name, store_path, tmp_path, capsys)


def test_ruled_pages_with_the_date_and_time_repeated_are_more_columns_of_the_rows():
    """A ruled sheet printed with columns A and B repeated on every page: a page whose tables
    stand as the earlier page's, the same dates and times row for row, holds its rows' later
    columns; the repeated cells are taken off. The same page twice is not."""
    from app.chronology.pdf_text import _Page, _repeated_columns

    rows = [["Date", "Time", "Worker"], ["01/02/2021", "08:15", "Sam Ellery"],
            ["06/02/2021", "09:15", "Priya Nandakumar"]]  # fmt: skip
    later = [["Date", "Time", "Case note"], ["01/02/2021", "08:15", "Home visit."],
             ["06/02/2021", "09:15", "Call from the nursery."]]  # fmt: skip

    def page(number, table):
        found = _Page(number, 842, 595, [], [(70.0, 200.0, table)], 0)
        found.row_tops = [[70.0, 90.0, 130.0]]
        return found

    stripped = _repeated_columns([page(1, rows), page(2, later)])
    assert list(stripped) == [1]
    assert stripped[1].tables[0][2] == [["Case note"], ["Home visit."], ["Call from the nursery."]]
    assert _repeated_columns([page(1, rows), page(2, [list(r) for r in rows])]) == {}


def test_a_typewriter_log_with_one_space_between_columns_keeps_every_entry(tmp_path):
    """Courier columns one space apart, so that an entry's first line is one run of words: its
    words starting where the heading's columns start, letter for letter, make it an entry's
    line, not a note running across the columns."""
    from reportlab.pdfgen import canvas

    from app.chronology.reading import read_table
    from tests.chronology.pdf_files import PAGE_H, PAGE_W

    path = tmp_path / "log.pdf"
    c = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H))
    c.setFont("Courier", 6.5)  # small print: a space 3.9 pt wide
    lines = [
        "DATE       OFFICER            DETAILS",
        "14/03/2016 PC 2231 ELLERY     HOME VISIT: MOTHER PRESENT.",
        "12/09/2016 DC 1180 NANDAKUMAR UNANNOUNCED VISIT: NOBODY ANSWERED.",
        "                              CARD LEFT.",
        "05/10/2016 PS 904 PRITCHARD   SCHOOL REPORTS CHILD Z HUNGRY.",
    ]
    for n, text in enumerate(lines):
        c.drawString(50, PAGE_H - 120 - 11 * n, text)
    c.save()
    table = read_table(path)
    assert [row for _n, row in table.rows] == [
        ["14/03/2016", "PC 2231 ELLERY", "HOME VISIT: MOTHER PRESENT."],
        ["12/09/2016", "DC 1180 NANDAKUMAR", "UNANNOUNCED VISIT: NOBODY ANSWERED. CARD LEFT."],
        ["05/10/2016", "PS 904 PRITCHARD", "SCHOOL REPORTS CHILD Z HUNGRY."],
    ]


def test_a_dated_notes_heading_line_gives_its_type_and_worker():
    """Each note under a heading line "date time – type – worker" (dashes, pipes or bullets
    between the parts): the type (repeating, or a known type) and the worker (a name) are
    taken from it, the text under it is the entry; a first line whose parts read as neither
    (a sentence cut by dashes) stays in the text."""
    from app.chronology.word_tables import dated_paragraphs

    texts = ["Case notes"]
    for n, (kind, who) in enumerate(
        [("Home visit", "Sam Ellery"), ("Telephone call", "Priya Nandakumar"),
         ("Home visit", "Tomos Pritchard"), ("Strategy meeting", "Grace Adeyemi")]
    ):  # fmt: skip
        texts += [f"{n + 10}/03/2016 10:3{n} | {kind} \u2022 {who}", f"Seen at home, note {n}."]
    rows, notes = dated_paragraphs(texts)
    assert rows[0] == ["Date", "Type", "Worker", "Entry"]
    assert rows[1] == ["10/03/2016 10:30", "Home visit", "Sam Ellery", "Seen at home, note 0."]
    assert rows[4][1:3] == ["Strategy meeting", "Grace Adeyemi"]
    assert any("taken apart" in n for n in notes)

    prose = ["Case notes"]
    for n in range(4):
        prose += [f"{n + 10}/03/2016 mother out \u2013 came back later {n} \u2013 no food", "More."]
    rows, _notes = dated_paragraphs(prose)
    assert rows[0] == ["Date", "Entry"]
