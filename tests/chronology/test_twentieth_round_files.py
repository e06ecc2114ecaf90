"""The twentieth round's files (twentieth_round_files.py) imported through the command line
with no options, every entry right and nothing the file holds lost; and each rule they needed,
on its own."""

import json
from datetime import date, datetime

import pytest

from tests.chronology import twentieth_round_files as files
from tests.chronology.round_checks import check_file_imports_fully_right, round_cases, rows_of
from tests.chronology.test_robust_files import _entries, _import, store_path  # noqa: F401

FILES = {**files.FILES, **getattr(files, "LATER", {})}
# Files not yet imported fully right (marked so before the rules they need are written).
NOT_YET: set[str] = set()


@pytest.mark.parametrize("name", round_cases(FILES, NOT_YET))
def test_each_file_imports_fully_right_with_no_options(store_path, tmp_path, capsys, name):  # noqa: F811
    check_file_imports_fully_right(FILES, name, store_path, tmp_path, capsys, round_module=files)
