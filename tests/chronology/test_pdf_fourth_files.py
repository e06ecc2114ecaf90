"""More chronologies sent as PDF (pdf_fourth_files.py: LibreOffice's and Chromium's strikes,
a borderless landscape table under a marking, a workbook printed over then down with pages
missing, three columns, glyph by glyph, a form's fields, AES-256, an attached workbook)
imported through the command line with no options, every entry right; what cannot be read
refused in plain words with the way out."""

import shutil
from xml.sax.saxutils import escape

import pytest

from app.chronology.entries import TEXT_FIELDS
from tests.chronology import pdf_fourth_files
from tests.chronology.round_checks import check_file_imports_fully_right, check_refused_saying
from tests.chronology.test_robust_files import (
    _entries,
    store_path,  # noqa: F401
)

pytest.importorskip("pdfplumber")


_ALL = {**pdf_fourth_files.FILES, **pdf_fourth_files.AFTER}
_BROWSER = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.parametrize("name", sorted(_ALL))
def test_each_pdf_imports_fully_right_with_no_options(store_path, tmp_path, capsys, name):  # noqa: F811
    if name == "browser_notes_pipes" and not _BROWSER:
        pytest.skip("Chromium is not installed (apt-get install chromium; .ci/run does)")
    check_file_imports_fully_right(_ALL, name, store_path, tmp_path, capsys)
    if name not in pdf_fourth_files.KEPT:
        return
    # the texts each entry must hold besides (in any of its text fields)
    (tmp_path / "again").mkdir()
    _path, truth = _ALL[name](tmp_path / "again")
    entries = _entries(store_path)
    for want, texts in zip(truth, pdf_fourth_files.KEPT[name], strict=True):
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
@pytest.mark.parametrize("name", sorted(pdf_fourth_files.PRINTED_BY_A_BROWSER))
def test_a_page_printed_by_a_browser_imports_fully_right(store_path, tmp_path, capsys, name):  # noqa: F811
    check_file_imports_fully_right(
        pdf_fourth_files.PRINTED_BY_A_BROWSER, name, store_path, tmp_path, capsys
    )


@pytest.mark.parametrize("name", sorted(pdf_fourth_files.REFUSED))
def test_what_cannot_be_read_is_refused_saying_so_and_the_way_out(
    store_path,  # noqa: F811
    tmp_path,
    capsys,
    name,
):
    check_refused_saying(pdf_fourth_files.REFUSED[name], [], store_path, tmp_path, capsys)
    assert _entries(store_path) == []


# --- each rule on its own -------------------------------------------------------------------


def _page(path, draw):
    from reportlab.pdfgen import canvas

    from tests.chronology.pdf_files import PAGE_H, PAGE_W

    c = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H))
    draw(c)
    c.showPage()
    c.save()
    return path


def _table_lines(c, top, rows, xs=(50, 130, 230)):
    c.setFont("Helvetica", 9)
    for n, row in enumerate(rows):
        for x, cell in zip(xs, row, strict=False):
            c.drawString(x, top - 14 * n, cell)


_ROWS = [
    ["Date", "Worker", "Details"],
    ["14/03/2016", "Sam Ellery", "Home visit, mother present and the flat cold."],
    ["03/04/2016", "Priya Nandakumar", "Call from the nursery about a late collection."],
    ["19/05/2016", "Tomos Pritchard", "Child not brought to the clinic appointment."],
]


def test_a_browsers_print_stamp_and_address_on_a_single_page_are_not_entries(tmp_path):
    """A browser prints the time and the page's title at the top of each page and its address
    with "1/1" at the foot: on a one-page print (nothing repeats) they are still left out,
    the stamp "12/2/26, 2:20 AM" never an entry; a top line so led without an address at the
    foot stays."""
    from app.chronology.reading import read_table
    from tests.chronology.pdf_files import PAGE_H

    def draw(c, foot=True):
        c.setFont("Helvetica", 8)
        c.drawString(30, PAGE_H - 20, "12/2/26, 2:20 AM")
        c.drawString(280, PAGE_H - 20, "Chronology - Child Z")
        if foot:
            c.drawString(30, 20, "file:///C:/Users/worker/Downloads/chronology.html")
            c.drawString(540, 20, "1/1")
        _table_lines(c, PAGE_H - 80, _ROWS)

    table = read_table(_page(tmp_path / "one.pdf", draw))
    assert [row[0] for _n, row in table.rows] == ["14/03/2016", "03/04/2016", "19/05/2016"]
    assert any("12/2/26, 2:20 AM" in note for note in table.notes)


def test_a_forms_text_fields_are_read_where_they_stand(tmp_path):
    """Values typed into a PDF form's fields (drawn by the reader, not the page's own text)
    are read as words where each field stands, a long value wrapped at its field's width."""
    from app.chronology.reading import read_table
    from tests.chronology.pdf_files import PAGE_H

    def draw(c):
        _table_lines(c, PAGE_H - 80, _ROWS[:1])
        for n, row in enumerate(_ROWS[1:]):
            for col, (x, w, value) in enumerate(
                zip((50, 130, 230), (76, 96, 120), row, strict=True)
            ):
                c.acroForm.textfield(
                    name=f"r{n}c{col}", value=value, x=x, y=PAGE_H - 140 - 44 * n, width=w,
                    height=40, fontSize=9, borderWidth=0, fieldFlags="multiline",
                )  # fmt: skip

    table = read_table(_page(tmp_path / "form.pdf", draw))
    assert [row[:2] for _n, row in table.rows] == [r[:2] for r in _ROWS[1:]]
    assert [" ".join(row[2].split()) for _n, row in table.rows] == [r[2] for r in _ROWS[1:]]

    def chosen(c):  # the worker chosen from a drop-down list
        _table_lines(c, PAGE_H - 80, _ROWS[:1])
        for n, row in enumerate(_ROWS[1:]):
            top = PAGE_H - 100 - 20 * n
            c.acroForm.textfield(name=f"d{n}", value=row[0], x=50, y=top, width=76, height=16,
                                 fontSize=9, borderWidth=0)  # fmt: skip
            c.acroForm.choice(name=f"w{n}", value=row[1], options=[r[1] for r in _ROWS[1:]],
                              x=130, y=top, width=96, height=16, fontSize=9, borderWidth=0)  # fmt: skip
            c.acroForm.textfield(name=f"t{n}", value=row[2], x=230, y=top, width=300, height=16,
                                 fontSize=9, borderWidth=0)  # fmt: skip

    table = read_table(_page(tmp_path / "chosen.pdf", chosen))
    assert [row[:2] for _n, row in table.rows] == [r[:2] for r in _ROWS[1:]]
    assert [" ".join(row[2].split()) for _n, row in table.rows] == [r[2] for r in _ROWS[1:]]


def test_a_pdf_whose_chronology_is_an_attached_file_is_refused_naming_it(tmp_path):
    import pikepdf

    from app.chronology.file_guard import ImportRefused
    from app.chronology.reading import read_table
    from tests.chronology.pdf_files import PAGE_H

    def draw(c):
        c.setFont("Helvetica", 10)
        c.drawString(50, PAGE_H - 80, "The chronology is attached.")

    cover = _page(tmp_path / "cover.pdf", draw)
    book = tmp_path / "notes.csv"
    book.write_text("Date,Event\n14/03/2016,Home visit\n", encoding="utf-8")
    path = tmp_path / "with.pdf"
    with pikepdf.open(cover) as pdf:
        pdf.attachments["notes.csv"] = pikepdf.AttachedFileSpec.from_filepath(pdf, book)
        pdf.save(path)
    with pytest.raises(ImportRefused) as refused:
        read_table(path)
    assert "\u201cnotes.csv\u201d" in str(refused.value)
    assert "Save the attached file" in str(refused.value)


def test_a_page_set_in_three_columns_is_read_column_by_column(tmp_path):
    """Dated paragraphs set in three columns (the third, where the text ends, short or empty):
    read down the left column, then the middle, then the right."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph

    from app.chronology.reading import read_table
    from tests.chronology.pdf_files import ALL_DAYS, ALL_TEXTS

    path = tmp_path / "three.pdf"
    column = (A4[0] - 100 - 2 * 12) / 3
    frames = [Frame(50 + n * (column + 12), 60, column, A4[1] - 120) for n in range(3)]
    doc = BaseDocTemplate(str(path), pagesize=A4)
    doc.addPageTemplates([PageTemplate(frames=frames)])
    body = getSampleStyleSheet()["BodyText"]
    texts = [ALL_TEXTS[i] + " " + ALL_TEXTS[(i + 3) % 12] for i in range(9)]
    doc.build([Paragraph(escape(f"{ALL_DAYS[i]:%d/%m/%Y}: {texts[i]}"), body) for i in range(9)])
    table = read_table(path)
    assert [row[0] for _n, row in table.rows] == [f"{ALL_DAYS[i]:%d/%m/%Y}" for i in range(9)]
    assert [" ".join(row[1].split()) for _n, row in table.rows] == texts
    assert any("set in three columns of text" in note for note in table.notes), table.notes


def test_a_sheet_printed_over_then_down_with_a_page_not_printed_is_joined(tmp_path):
    """ "Over, then down": the first rows' dates, notes and comments on pages 1-3, the next
    rows' on pages 4-5 with no comment page (their comments empty, the page not printed). Each
    page of later columns is placed by its heading line, as in the whole first set; the missing
    page's column stays empty. Headings that do not match the whole set's stay refused."""
    from app.chronology.file_guard import ImportRefused
    from app.chronology.reading import read_table
    from tests.chronology.test_pdf_third_files import _sheet_print, _sheet_rows

    one, two = _sheet_rows(0, 8), _sheet_rows(8, 5)

    def first(rows):
        return [(50, 60, "Date"), (130, 60, "Worker")] + [
            item for n, r in enumerate(rows) for item in ((50, 80 + 20 * n, r[0]),
                                                         (130, 80 + 20 * n, r[1]))
        ]  # fmt: skip

    def notes(rows, heading="Case note"):
        return [(50, 60, heading)] + [(50, 80 + 20 * n, r[2]) for n, r in enumerate(rows)]

    comments = [(50, 60, "Manager's comment"), (50, 120, "Agreed at supervision"),
                (50, 200, "Case closed")]  # fmt: skip
    pages = [first(one), notes(one), comments, first(two), notes(two)]
    table = read_table(_sheet_print(tmp_path / "over.pdf", pages))
    assert table.headers == ["Date", "Worker", "Case note", "Manager's comment"]
    got = [row for _n, row in table.rows]
    assert [row[:3] for row in got] == [list(r) for r in one + two]
    assert got[2][3] == "Agreed at supervision" and got[6][3] == "Case closed"
    assert all(not row[3] for row in got[8:])

    pages = [first(one), notes(one), comments, first(two), notes(two, "Outcome")]
    with pytest.raises(ImportRefused):
        read_table(_sheet_print(tmp_path / "unknown.pdf", pages))


def test_a_bold_heading_in_one_column_level_with_text_in_another_stays_a_heading():
    """A line cut at a gutter: each part is bold (or larger) as its own words are, so a bold
    date line at the top of the third column, level with plain text in the first two, still
    starts a paragraph."""
    from app.chronology.pdf_text import _Line, _part_of_line

    def word(x, text, font):
        return {"text": text, "x0": x, "x1": x + 40, "top": 68, "bottom": 78, "size": 10,
                "fontname": font}  # fmt: skip

    words = [word(56, "plain", "Helvetica"), word(600, "Monday", "Helvetica-Bold"),
             word(645, "28", "Helvetica-Bold")]  # fmt: skip
    line = _Line(1, 68, 78, 56, 685, 10.0, False, words, 78)
    assert _part_of_line(line, words[1:]).bold
    assert not _part_of_line(line, words[:1]).bold
