"""The seventh round's hand-made chronologies (seventh_round_sheets.py, seventh_round_more.py)
imported through the command line with no options, every entry right; and each rule they
needed, on its own."""

import pytest

from tests.chronology import seventh_round_more, seventh_round_sheets
from tests.chronology.fourth_round_files import same_text_differences
from tests.chronology.test_robust_files import _entries, _import, store_path  # noqa: F401

FILES = {**seventh_round_sheets.FILES, **seventh_round_more.FILES}


@pytest.mark.parametrize("name", sorted(FILES))
def test_each_file_imports_fully_right_with_no_options(store_path, tmp_path, capsys, name):  # noqa: F811
    path, truth = FILES[name](tmp_path)
    code, output = _import(store_path, path, capsys)
    assert code == 0, output
    assert same_text_differences(_entries(store_path), truth) == [], output
