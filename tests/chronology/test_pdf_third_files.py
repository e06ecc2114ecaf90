"""More chronologies sent as PDF (pdf_third_files.py: LibreOffice's prints of a Word IMR table
and of workbooks wider than the page, a case system's blocks between rules, a typewriter
police log, two columns on the page, portrait and landscape pages, marked footers, a browser's
print of a case-note page) imported through the command line with no options, every entry
right; scans refused in plain words with the way out."""

import shutil
from types import SimpleNamespace

import pytest

from tests.chronology import pdf_third_files
from tests.chronology.round_checks import check_file_imports_fully_right
from tests.chronology.test_robust_files import (
    _entries,
    _import,
    store_path,  # noqa: F401
)

pytest.importorskip("pdfplumber")

ROUND = SimpleNamespace(KEPT=pdf_third_files.KEPT)


@pytest.mark.parametrize("name", sorted(pdf_third_files.FILES))
def test_each_pdf_imports_fully_right_with_no_options(store_path, tmp_path, capsys, name):  # noqa: F811
    check_file_imports_fully_right(
        pdf_third_files.FILES, name, store_path, tmp_path, capsys, round_module=ROUND
    )


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
    path, words = pdf_third_files.REFUSED[name](tmp_path)
    code, output = _import(store_path, path, capsys)
    assert code == 2, output
    assert "Traceback" not in output
    said = " ".join(output.split())
    for word in words:
        assert word in said, said
    assert _entries(store_path) == []


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
