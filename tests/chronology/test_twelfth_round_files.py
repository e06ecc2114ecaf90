"""The twelfth round's files (twelfth_round_files.py) imported through the command line with
no options, every entry right, for the right agency, and nothing the file holds lost; and each
rule they needed, on its own."""

import pytest

from tests.chronology import twelfth_round_files
from tests.chronology.fourth_round_files import same_text_differences
from tests.chronology.test_robust_files import (
    _entries,
    _import,
    store_path,  # noqa: F401
)

FILES = twelfth_round_files.FILES


def _agency_differences(rows, truth, agencies):
    wrong = []
    for number, (want, agency) in enumerate(zip(truth, agencies, strict=True)):
        found = [r for r in rows if want.event in " ".join((r.event or "").split())]
        if found and found[0].agency != agency:
            wrong.append(f"entry {number}: agency {found[0].agency!r}, expected {agency!r}")
    return wrong


@pytest.mark.parametrize("name", sorted(FILES))
def test_each_file_imports_fully_right_with_no_options(store_path, tmp_path, capsys, name):  # noqa: F811
    path, truth = FILES[name](tmp_path)
    code, output = _import(store_path, path, capsys)
    assert code == 0, output
    rows = _entries(store_path)
    assert same_text_differences(rows, truth) == [], output
    agencies = twelfth_round_files.AGENCIES.get(name, ["Agency"] * len(truth))
    assert _agency_differences(rows, truth, agencies) == [], output
    flat = " ".join(output.split())
    assert [t for t in twelfth_round_files.SAID.get(name, []) if t not in flat] == [], output
    assert [t for t in twelfth_round_files.NOT_SAID.get(name, []) if t in flat] == [], output
