"""The fifth round of documents (doc_fifth_files.py: Word, OpenDocument, RTF and PDF kinds the
earlier rounds lacked) imported through the command line with no options, every entry right,
nothing the document holds lost, and nothing that is not an entry taken for one; and each rule
they needed, on its own."""

import pytest

from tests.chronology import doc_fifth_files as files
from tests.chronology.round_checks import check_file_imports_fully_right
from tests.chronology.test_robust_files import store_path  # noqa: F401

pytest.importorskip("pdfplumber")

FILES = {**files.FILES, **files.LATER}
# Files not yet imported fully right (marked so before the rules they need are written).
NOT_YET: set[str] = set()


def _cases():
    for name in sorted(FILES):
        marks = [pytest.mark.xfail(strict=True)] if name in NOT_YET else []
        yield pytest.param(name, marks=marks, id=name)


@pytest.mark.parametrize("name", list(_cases()))
def test_each_document_imports_fully_right_with_no_options(store_path, tmp_path, capsys, name):  # noqa: F811
    check_file_imports_fully_right(FILES, name, store_path, tmp_path, capsys, round_module=files)
