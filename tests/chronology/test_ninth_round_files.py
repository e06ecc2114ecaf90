"""The ninth round's files (ninth_round_sheets.py, ninth_round_text.py) imported through the
command line with no options, every entry right and nothing the file holds lost; and each rule
they needed, on its own."""

import pytest

from tests.chronology import ninth_round_sheets, ninth_round_text
from tests.chronology.round_checks import check_file_imports_fully_right
from tests.chronology.test_robust_files import (
    _entries,
    store_path,  # noqa: F401
)

FILES = {**ninth_round_sheets.FILES, **ninth_round_text.FILES}


def _all_text(rows) -> str:
    return "\n".join(str(v) for r in rows for v in vars(r).values() if isinstance(v, str))


@pytest.mark.parametrize("name", sorted(FILES))
def test_each_file_imports_fully_right_with_no_options(store_path, tmp_path, capsys, name):  # noqa: F811
    check_file_imports_fully_right(FILES, name, store_path, tmp_path, capsys)
    kept = _all_text(_entries(store_path))
    assert [t for t in ninth_round_sheets.KEPT.get(name, []) if t not in kept] == []
