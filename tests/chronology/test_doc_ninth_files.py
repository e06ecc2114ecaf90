"""The ninth round of documents (doc_ninth_files.py: Word, web page, RTF and PDF kinds the
earlier rounds lacked) imported through the command line with no options, every entry right,
nothing the document holds lost, and nothing that is not an entry taken for one."""

import pytest

from tests.chronology import doc_ninth_files as files
from tests.chronology.round_checks import check_file_imports_fully_right, round_cases
from tests.chronology.test_robust_files import _entries, _import, store_path  # noqa: F401

pytest.importorskip("pdfplumber")

# Files not yet imported fully right (marked so before the rules they need are written).
NOT_YET = {
    "html_definition_lists",
    "pdf_day_in_page_header",
    "word_dotted_date_numbered",
    "word_nested_detail_tables",
}


@pytest.mark.parametrize("name", round_cases(files.FILES, NOT_YET))
def test_each_document_imports_fully_right_with_no_options(store_path, tmp_path, capsys, name):  # noqa: F811
    check_file_imports_fully_right(
        files.FILES, name, store_path, tmp_path, capsys, round_module=files
    )
