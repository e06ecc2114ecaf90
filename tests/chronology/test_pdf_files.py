"""Chronologies sent as PDF documents (pdf_files.py) imported through the command line with no
options, every entry right; the page furniture left out and named; scans, locked and damaged
PDFs refused in plain words; and each rule on its own."""

import importlib.util
import shutil
from pathlib import Path

import pytest

from tests.chronology import pdf_files
from tests.chronology.round_checks import check_file_imports_fully_right
from tests.chronology.test_robust_files import (
    _entries,
    _import,
    store_path,  # noqa: F401
)

pytest.importorskip("pdfplumber")


@pytest.mark.parametrize("name", sorted(pdf_files.FILES))
def test_each_pdf_imports_fully_right_with_no_options(store_path, tmp_path, capsys, name):  # noqa: F811
    check_file_imports_fully_right(pdf_files.FILES, name, store_path, tmp_path, capsys)


@pytest.mark.parametrize("name", sorted(pdf_files.TURNED))
def test_a_pdf_of_turned_pages_imports_fully_right(store_path, tmp_path, capsys, name):  # noqa: F811
    """A landscape report printed to PDF is often drawn turned on the sheet and shown turned
    back (/Rotate): its ruled table keeps its rows, its columns and paragraphs read the same."""
    check_file_imports_fully_right(pdf_files.TURNED, name, store_path, tmp_path, capsys)


@pytest.mark.skipif(
    not (shutil.which("chromium") or shutil.which("chromium-browser")),
    reason="Chromium is not installed (apt-get install chromium; .ci/run does)",
)
@pytest.mark.parametrize("name", sorted(pdf_files.PRINTED_BY_A_BROWSER))
def test_a_report_printed_by_a_browser_imports_fully_right(store_path, tmp_path, capsys, name):  # noqa: F811
    """A real producer: Chromium's own print to PDF of a web case system's report (its date and
    the page's address on every page, the heading row repeated, the count under the table)."""
    from app.chronology.reading import read_table

    check_file_imports_fully_right(
        pdf_files.PRINTED_BY_A_BROWSER, name, store_path, tmp_path, capsys
    )
    (tmp_path / "again").mkdir()
    path, truth = pdf_files.PRINTED_BY_A_BROWSER[name](tmp_path / "again")
    table = read_table(path)
    assert [(row[0], row[1], " ".join(row[-1].split())) for _n, row in table.rows] == [
        (f"{t.start:%d/%m/%Y}", t.time, t.event) for t in truth
    ]
    assert any("Total number of case notes: 12" in note for note in table.notes)


@pytest.mark.parametrize("name", sorted(pdf_files.FILES))
def test_running_headings_and_page_numbers_are_left_out_and_named(
    store_path,  # noqa: F811
    tmp_path,
    capsys,
    name,
):
    path, _truth = pdf_files.FILES[name](tmp_path)
    code, output = _import(store_path, path, capsys)
    assert code == 0, output
    said = " ".join(output.split())
    assert "Read as a PDF document" in said
    assert "left out (running headings and footings, page numbers)" in said
    for entry in _entries(store_path):
        text = f"{entry.event} {entry.practitioner or ''} {entry.event_type or ''}"
        assert "OFFICIAL" not in text and "Page " not in text, text
        assert "Printed" not in text and "Run on" not in text, text


@pytest.mark.parametrize("name", sorted(pdf_files.REFUSED))
def test_unreadable_pdfs_are_refused_in_plain_words(store_path, tmp_path, capsys, name):  # noqa: F811
    path, words = pdf_files.REFUSED[name](tmp_path)
    code, output = _import(store_path, path, capsys)
    assert code == 2, output
    assert "Traceback" not in output
    assert path.name in output
    for word in words:
        assert word in output, output
    assert _entries(store_path) == []


def test_a_pdf_under_another_name_is_read_as_a_pdf(store_path, tmp_path, capsys):  # noqa: F811
    path, truth = pdf_files.unruled_case_notes(tmp_path)
    renamed = path.with_name("case notes.xls")
    path.rename(renamed)
    code, output = _import(store_path, renamed, capsys)
    assert code == 0, output
    assert len(_entries(store_path)) == len(truth)


def test_dry_run_and_json_show_the_plan_without_importing(store_path, tmp_path, capsys):  # noqa: F811
    import json

    from app.cli import main

    path, truth = pdf_files.ruled_table_over_pages(tmp_path)
    argv = ["import-chronology", "--db", str(store_path), "--review", "R-1", "--agency", "Agency"]
    assert main([*argv, "--dry-run", "--json", str(path)]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert "Read as a PDF document" in json.dumps(shown)
    assert _entries(store_path) == []


# --- each rule on its own -------------------------------------------------------------------


def test_too_many_pages_are_refused_before_the_pages_are_read(tmp_path, monkeypatch):
    from app.chronology import pdf_text
    from app.chronology.file_guard import ImportRefused
    from app.chronology.reading import read_table

    path, _truth = pdf_files.ruled_table_over_pages(tmp_path)
    monkeypatch.setattr(pdf_text, "MAX_PDF_PAGES", 1)
    with pytest.raises(ImportRefused, match="2 pages, more than ReviewDesk reads"):
        read_table(path)


@pytest.mark.parametrize(
    ("limit", "value", "words"),
    [
        ("MAX_TEXT_CHARS", 2000, "more text than ReviewDesk reads from a PDF"),
        ("MAX_PAGE_STREAM_BYTES", 500, "far more drawing than a page of text"),
        ("MAX_PAGE_CHARS", 500, "far more than a page of text"),
    ],
)
def test_the_work_of_reading_a_pdf_is_bounded(tmp_path, monkeypatch, limit, value, words):
    from app.chronology import pdf_text
    from app.chronology.file_guard import ImportRefused
    from app.chronology.reading import read_table

    path, _truth = pdf_files.unruled_case_notes(tmp_path)
    monkeypatch.setattr(pdf_text, limit, value)
    with pytest.raises(ImportRefused, match=words):
        read_table(path)


def test_a_page_unpacking_to_gigabytes_is_refused_before_it_is_unpacked(tmp_path):
    import zlib

    from app.chronology.file_guard import ImportRefused
    from app.chronology.reading import read_table

    packed = zlib.compress(b"0 0 m " * 20_000_000, 9)  # 120 MB of drawing from a few hundred KB
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed) + packed + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    path = tmp_path / "bomb.pdf"
    path.write_bytes(bytes(out))
    with pytest.raises(ImportRefused, match="unpacks to far more than any page"):
        read_table(path)


def test_a_pdf_with_text_but_no_chronology_is_refused(tmp_path):
    from reportlab.pdfgen import canvas

    from app.chronology.file_guard import ImportRefused
    from app.chronology.reading import read_table

    path = tmp_path / "letter.pdf"
    c = canvas.Canvas(str(path))
    c.drawString(72, 700, "Dear Panel Chair, please find the chronology to follow.")
    c.save()
    with pytest.raises(ImportRefused, match="no chronology found"):
        read_table(path)


def test_an_aligned_row_split_over_a_page_break_joins_its_entry(tmp_path):
    from app.chronology.reading import read_table

    path, truth = pdf_files.unruled_case_notes(tmp_path)
    table = read_table(path)
    texts = [" ".join(str(row[-1]).split()) for _n, row in table.rows]
    assert texts == [t.event for t in truth]


def test_a_ruled_row_split_over_a_page_break_joins_its_entry(tmp_path):
    from app.chronology.reading import read_table

    path, truth = pdf_files.ruled_table_over_pages(tmp_path)
    table = read_table(path)
    assert [" ".join(str(row[-1]).split()) for _n, row in table.rows] == [t.event for t in truth]
    assert [row[0] for _n, row in table.rows] == [f"{t.start:%d/%m/%Y}" for t in truth]


def test_the_same_pdf_read_again_is_not_parsed_again(tmp_path, monkeypatch):
    """The import window plans again at each choice: a long PDF is parsed once, not each time;
    a file whose bytes changed is read anew, and what a caller does to the rows stays its own."""
    from app.chronology import pdf_text
    from app.chronology.reading import read_table

    parsed = []
    pages = pdf_text._pages
    monkeypatch.setattr(pdf_text, "_pages", lambda path: parsed.append(path) or pages(path))
    path, truth = pdf_files.ruled_table_over_pages(tmp_path)
    first = read_table(path)
    first.rows[0][1][0] = "changed by the caller"
    again = read_table(path, header_row=first.header_row)
    assert len(parsed) == 1
    assert [row[0] for _n, row in again.rows] == [f"{t.start:%d/%m/%Y}" for t in truth]
    pdf_files.unruled_case_notes(tmp_path)  # another file read in between
    read_table(tmp_path / "unruled_case_notes.pdf")
    assert len(parsed) == 2
    path.write_bytes(path.read_bytes().replace(b"%%EOF", b"%%EOF\n"))  # the same name, new bytes
    read_table(path)
    assert len(parsed) == 3


def test_a_word_broken_at_a_hyphen_over_two_lines_is_joined(tmp_path):
    """ "safe-" at a line's end and "guarding" under it read "safe-guarding", in a ruled cell
    and in a paragraph (never "safe- guarding"); a date range over two lines keeps its space."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    from app.chronology.reading import read_table

    body = getSampleStyleSheet()["BodyText"]
    table = Table(
        [
            ["Date", "Practitioner", "Details"],
            [
                "14/03/2016",
                "HV Rowe",
                Paragraph("Home visit; a safe-<br/>guarding referral made.", body),
            ],
            [
                "15/03/2016",
                "HV Rowe",
                Paragraph("Phone call; a follow-<br/>up visit booked.", body),
            ],
            ["16/03/2016", "HV Rowe", Paragraph("Plan for 2016-<br/>2017 agreed.", body)],
        ],
        colWidths=[70, 80, 300],
    )
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black")]))
    ruled = tmp_path / "ruled.pdf"
    SimpleDocTemplate(str(ruled), pagesize=A4).build([table])
    events = [row[-1] for _n, row in read_table(ruled).rows]
    assert events == [
        "Home visit; a safe-guarding referral made.",
        "Phone call; a follow-up visit booked.",
        "Plan for 2016- 2017 agreed.",
    ]

    printer = pdf_files._Printer(tmp_path / "prose.pdf", "Health visiting", "Printed 01/04/2016")
    for line in (
        "On 14 March 2016 the health visitor made a home visit and a safe-",
        "guarding referral to the local authority for the baby and her brother.",
        "",
        "On 15 March 2016 the health visitor phoned the mother and booked a follow-",
        "up visit for the following week at the family's home address, as agreed.",
        "",
        "On 22 March 2016 the health visitor saw the mother and the baby at home; the",
        "baby's weight had gone up and the mother said she was sleeping better.",
        "",
        "On 5 April 2016 the mother did not bring the baby to the clinic; a letter was",
        "sent offering another appointment in two weeks' time at the same clinic.",
    ):
        printer.text(pdf_files.MARGIN, line)
        printer.down()
    texts = [" ".join(str(row[-1]).split()) for _n, row in read_table(printer.save()).rows]
    assert any("a safe-guarding referral to the local" in t for t in texts), texts
    assert any("booked a follow-up visit for" in t for t in texts), texts


def test_a_report_footer_straight_under_the_last_entry_is_left_out(tmp_path):
    """ "Total number of case notes: 12" printed at the left margin as close under the last entry
    as the entries are to each other is the report's footer, not the last note's last line."""
    from app.chronology.reading import read_table

    path, truth = pdf_files.unruled_case_notes(tmp_path, total=True)
    table = read_table(path)
    assert " ".join(str(table.rows[-1][1][-1]).split()) == truth[-1].event
    assert any("Total number of case notes: 12" in note for note in table.notes)


def test_a_date_and_a_time_closer_than_a_space_stay_in_their_columns(tmp_path):
    """A printed workbook's right-aligned date 1.6 pt from the next cell's time: two cells, not
    one word "14/03/201610:32" in the date column."""
    from app.chronology.reading import read_table

    path, truth = pdf_files.spreadsheet_printed(tmp_path)
    table = read_table(path)
    assert table.headers[:2] == ["Date", "Time"]
    assert [row[:2] for _n, row in table.rows] == [[f"{t.start:%d/%m/%Y}", t.time] for t in truth]


def test_pdfplumber_is_not_imported_at_start_up():
    import subprocess
    import sys

    code = "import sys, app.cli, app.chronology.importer; print('pdfplumber' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_ligatures_soft_hyphens_and_hard_spaces_read_as_plain_text():
    from app.chronology.pdf_text import _tidy

    assert _tidy("Of\ufb01cer   visited\u00a0the\nfamily, sta\u00adff") == (
        "Officer visited the family, staff"
    )


# --- text struck through ------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(pdf_files.STRUCK))
def test_an_entry_struck_through_in_a_pdf_is_flagged_quoting_the_struck_words(
    store_path,  # noqa: F811
    tmp_path,
    capsys,
    name,
):
    """A line drawn through words' middle (LibreOffice, a browser) or a thin filled box there
    (Word) strikes them: the entry struck cell by cell is flagged as crossed out, the entry with
    a few words struck names them; words underlined and the table's rules strike nothing."""
    from app.chronology.reading import read_table

    check_file_imports_fully_right(pdf_files.STRUCK, name, store_path, tmp_path, capsys)
    (tmp_path / "again").mkdir()
    path, _truth = pdf_files.STRUCK[name](tmp_path / "again")
    table = read_table(path)
    flags = {row[0]: table.row_flags.get(n, "") for n, row in table.rows}
    whole = f"{pdf_files.ALL_DAYS[pdf_files.STRUCK_WHOLE]:%d/%m/%Y}"
    part = f"{pdf_files.ALL_DAYS[pdf_files.STRUCK_PART]:%d/%m/%Y}"
    assert flags[whole].startswith("struck through (\u201c"), flags[whole]
    assert "in the file (often an entry made in error)" in flags[whole]
    assert whole in flags[whole]
    assert flags[part].startswith("some of the text of 'Details' is struck through"), flags[part]
    assert f"\u201c{pdf_files.STRUCK_WORDS}\u201d" in flags[part]
    assert [d for d, f in flags.items() if f] == [whole, part]
    assert any("2 rows with text struck through" in note for note in table.notes)


def test_words_struck_in_a_dated_paragraph_flag_its_entry(tmp_path):
    from app.chronology.reading import read_table

    path, truth, struck = pdf_files.struck_paragraphs(tmp_path)
    table = read_table(path)
    assert len(table.rows) == len(truth)
    flagged = {n: f for n, f in table.row_flags.items() if "struck" in f}
    assert len(flagged) == 1, table.row_flags
    (flag,) = flagged.values()
    assert f"\u201c{struck}\u201d" in flag and "is struck through" in flag
    number = next(n for n, row in table.rows if row[0].startswith(f"{truth[4].start:%d/%m/%Y}"))
    assert number in flagged


def test_paragraphs_in_a_ruled_cell_stay_apart_and_wrapped_lines_are_joined(
    store_path,  # noqa: F811
    tmp_path,
    capsys,
):
    """A cell's paragraph ended where its line stops short of the cell's right edge (the next
    word would have fitted), where the next line is indented or stands further below: a new
    line in the entry; a line wrapped at the cell's width: a space."""
    path, _truth = pdf_files.cell_paragraphs(tmp_path)
    code, output = _import(store_path, path, capsys)
    assert code == 0, output
    events = [entry.event for entry in _entries(store_path)]
    assert events == ["\n".join(paragraphs) for paragraphs, _how in pdf_files.CELL_PARAGRAPHS]


@pytest.mark.parametrize("name", sorted(pdf_files.UNNAMED_DATES))
def test_columns_without_lines_are_read_by_their_column_of_dates(
    store_path,  # noqa: F811
    tmp_path,
    capsys,
    name,
):
    """A table printed without lines whose heading names no date column, or with no heading
    line: read as a table (each entry's worker and type in their own fields, not run into its
    text) when the left column holds a date on most entries' first lines."""
    check_file_imports_fully_right(pdf_files.UNNAMED_DATES, name, store_path, tmp_path, capsys)


# --- a sheet printed wider than the page ------------------------------------------------------

SPILLED = Path(__file__).resolve().parents[1] / "data" / "pdf_spilled"


def _spilled_rows() -> list[list[str]]:
    spec = importlib.util.spec_from_file_location("make_spilled", SPILLED / "make_spilled.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.spilled_rows()


@pytest.mark.parametrize("name", ["down_then_over.pdf", "over_then_down_ruled.pdf"])
def test_a_sheet_printed_wider_than_the_page_is_joined_back_into_whole_rows(
    store_path,  # noqa: F811
    tmp_path,
    capsys,
    name,
):
    """LibreOffice's print of a workbook wider than the page (no fit-to-page): the first
    columns of every row on the first pages, the note, outcome and agency on later pages
    ("down, then over"; or each page's rows first across, "over, then down"), the cells of a
    wrapped column set a little higher than the others: joined back into whole rows."""
    from app.chronology.reading import read_table

    path = tmp_path / name
    shutil.copy(SPILLED / name, path)
    table = read_table(path)
    assert table.headers == [
        "Date", "Time", "Contact type", "Worker", "Case note", "Outcome", "Agency",
    ]  # fmt: skip
    assert [row for _n, row in table.rows] == _spilled_rows()
    assert any("printed wider than the page" in note for note in table.notes)
    code, output = _import(store_path, path, capsys)
    assert code == 0, output
    entries = _entries(store_path)
    assert len(entries) == 50
    assert all(
        entry.event.startswith(tuple(r[4][:20] for r in _spilled_rows())) for entry in entries
    )


def test_a_sheet_printed_wider_than_the_page_with_a_page_missing_is_refused(
    store_path,  # noqa: F811
    tmp_path,
    capsys,
):
    """The same print with one page of later columns missing: its columns cannot be matched to
    their rows safely, so the import is refused saying how to print it."""
    from pypdf import PdfReader, PdfWriter

    reader = PdfReader(SPILLED / "down_then_over.pdf")
    writer = PdfWriter()
    for number, page in enumerate(reader.pages, start=1):
        if number != 4:
            writer.add_page(page)
    path = tmp_path / "page_missing.pdf"
    with open(path, "wb") as handle:
        writer.write(handle)
    code, output = _import(store_path, path, capsys)
    assert code == 2, output
    said = " ".join(output.split())
    assert "printed wider than the page" in said
    assert '"fit all columns on one page"' in said and "spreadsheet itself" in said


@pytest.mark.parametrize("name", ["wrapped_heading", "wrapped_heading_turned_90",
                                  "wrapped_heading_turned_270"])  # fmt: skip
def test_a_heading_word_wrapped_onto_a_second_line_is_never_page_furniture(tmp_path, name):
    """ "Type" under "Contact" at the top of every page is the heading's, not a running
    heading: never named as left out, the column named "Contact Type"; the same on pages
    turned either way (/Rotate 90 and 270)."""
    from app.chronology.reading import read_table

    build = {**pdf_files.FILES, **pdf_files.TURNED}[name]
    path, truth = build(tmp_path)
    table = read_table(path)
    assert "Contact Type" in table.headers
    left_out = [n for n in table.notes if "left out (running headings" in n]
    assert left_out and "\u201cType\u201d" not in left_out[0]
    assert len(table.rows) == len(truth)
    assert [row[table.headers.index("Contact Type")] for _n, row in table.rows] == [
        t.event_type for t in truth
    ]


def test_a_page_of_running_text_after_a_table_is_not_taken_for_its_columns(tmp_path):
    """A log's table of dated entries, then a page of analysis set at the same line pitch from
    the same top margin: its lines standing near the entries' lines by chance are not a
    sheet's columns printed over; the entries read as they are, nothing joined or refused."""
    from reportlab.pdfgen import canvas

    from app.chronology.reading import read_table

    path = tmp_path / "table_then_analysis.pdf"
    c = canvas.Canvas(str(path), pagesize=(pdf_files.PAGE_W, pdf_files.PAGE_H))
    pitch, top = 11.25, pdf_files.PAGE_H - 80
    c.setFont("Helvetica-Bold", 9)
    for x, heading in zip((50, 135, 300), ("Date", "Worker", "Event"), strict=True):
        c.drawString(x, top, heading)
    c.setFont("Helvetica", 9)
    y = top - 2 * pitch
    for i in range(12):
        lines = pdf_files._wrap(pdf_files.ALL_TEXTS[i], 240, 9)
        c.drawString(50, y, f"{pdf_files.ALL_DAYS[i]:%d/%m/%Y}")
        c.drawString(135, y, pdf_files.WORKERS[i % 4])
        for line in lines:
            c.drawString(300, y, line)
            y -= pitch
        y -= pitch * (i % 3) / 2
    c.showPage()
    c.setFont("Helvetica", 9)
    text = " ".join(pdf_files.ALL_TEXTS) * 2
    for n, line in enumerate(pdf_files._wrap(text, 490, 9)[:60]):
        c.drawString(50, top - n * pitch, line)
    c.showPage()
    c.save()
    table = read_table(path)
    assert not any("wider than the page" in note for note in table.notes)
    assert [row[0] for _n, row in table.rows] == [
        f"{day:%d/%m/%Y}" for day in pdf_files.ALL_DAYS[:12]
    ]
    assert table.headers[:3] == ["Date", "Worker", "Event"]


def test_paragraphs_opening_with_a_date_set_apart_are_not_taken_for_columns(tmp_path):
    """Each entry a paragraph: its date, a gap, its text, the text running on under the date
    at the margin. Not a table printed without a heading line: the text stays whole."""
    from reportlab.pdfgen import canvas

    from app.chronology.reading import read_table

    path = tmp_path / "dated_paragraphs_gap.pdf"
    c = canvas.Canvas(str(path), pagesize=(pdf_files.PAGE_W, pdf_files.PAGE_H))
    c.setFont("Helvetica", 9)
    y = pdf_files.PAGE_H - 80
    for i in range(10):
        text = pdf_files._two(i)
        first = pdf_files._wrap(text, 420, 9)[0]
        c.drawString(50, y, f"{pdf_files.ALL_DAYS[i]:%d/%m/%Y}")
        c.drawString(110, y, first)
        y -= 11.25
        for line in pdf_files._wrap(text[len(first) :].strip(), 490, 9):
            c.drawString(50, y, line)
            y -= 11.25
        y -= 6
    c.save()
    table = read_table(path)
    assert [" ".join(row[-1].split()) for _n, row in table.rows] == [
        pdf_files._two(i) for i in range(10)
    ]
