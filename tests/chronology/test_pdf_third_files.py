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
