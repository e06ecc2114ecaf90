"""The sixteenth round's files (sixteenth_round_files.py) imported through the command line
with no options, every entry right, for the right agency, and nothing the file holds lost;
the files no one can read here refused with the way to get one that can; and each rule they
needed, on its own."""

import pytest

from tests.chronology import sixteenth_round_files as files
from tests.chronology.round_checks import check_file_imports_fully_right
from tests.chronology.test_robust_files import _entries, _import, store_path  # noqa: F401

FILES = {**files.FILES, **getattr(files, "LATER", {})}
# Files not yet imported fully right (marked so before the rules they need are written).
NOT_YET: set[str] = {
    "sylk_export", "dif_export", "dbase_table", "pivot_pasted_values", "crm_formatted_report",
    "excel_text_formulas_csv", "zero_dates_for_none", "journal_print_text", "r_quoted_row_names",
}  # fmt: skip
NOT_YET_REFUSED: set[str] = {"sharepoint_web_query", "google_sheets_shortcut", "numbers_document"}


def _cases(names, not_yet):
    for name in sorted(names):
        marks = [pytest.mark.xfail(strict=True)] if name in not_yet else []
        yield pytest.param(name, marks=marks, id=name)


@pytest.mark.parametrize("name", list(_cases(FILES, NOT_YET)))
def test_each_file_imports_fully_right_with_no_options(store_path, tmp_path, capsys, name):  # noqa: F811
    check_file_imports_fully_right(FILES, name, store_path, tmp_path, capsys, round_module=files)
    named = [
        (r.event[:40], r.practitioner)
        for r in _entries(store_path)
        for text in files.NO_PRACTITIONER.get(name, [])
        if text in " ".join(r.event.split()) and r.practitioner
    ]
    assert named == []


@pytest.mark.parametrize("name", list(_cases(files.REFUSALS, NOT_YET_REFUSED)))
def test_each_unreadable_file_is_refused_naming_the_way_to_a_readable_one(
    store_path,  # noqa: F811
    tmp_path,
    capsys,
    name,
):
    path, words = files.REFUSALS[name](tmp_path)
    code, output = _import(store_path, path, capsys)
    assert code != 0, output
    flat = " ".join(output.split())
    assert [w for w in words if w not in flat] == [], output
    assert _entries(store_path) == []
