"""The eleventh round's files (eleventh_round_files.py) imported through the command line with
no options, every entry right and nothing the file holds lost; and each rule they needed, on
its own."""

import pytest

from tests.chronology import eleventh_round_files
from tests.chronology.fourth_round_files import same_text_differences
from tests.chronology.test_robust_files import (
    _entries,
    _import,
    store_path,  # noqa: F401
)

FILES = eleventh_round_files.FILES


@pytest.mark.parametrize("name", sorted(FILES))
def test_each_file_imports_fully_right_with_no_options(store_path, tmp_path, capsys, name):  # noqa: F811
    path, truth = FILES[name](tmp_path)
    code, output = _import(store_path, path, capsys)
    assert code == 0, output
    assert same_text_differences(_entries(store_path), truth) == [], output
    said = eleventh_round_files.SAID.get(name, [])
    assert [t for t in said if t not in " ".join(output.split())] == [], output
