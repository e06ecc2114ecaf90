"""The twentieth round's files (twentieth_round_files.py) imported through the command line
with no options, every entry right and nothing the file holds lost; and each rule they needed,
on its own."""

from datetime import date, datetime, time

import pytest

from tests.chronology import twentieth_round_files as files
from tests.chronology.round_checks import check_file_imports_fully_right, round_cases
from tests.chronology.test_robust_files import _entries, _import, store_path  # noqa: F401

FILES = {**files.FILES, **getattr(files, "LATER", {})}
# Files not yet imported fully right (marked so before the rules they need are written).
NOT_YET: set[str] = {"paged_overlap_rows"}


@pytest.mark.parametrize("name", round_cases(FILES, NOT_YET))
def test_each_file_imports_fully_right_with_no_options(store_path, tmp_path, capsys, name):  # noqa: F811
    check_file_imports_fully_right(FILES, name, store_path, tmp_path, capsys, round_module=files)


# --- each rule on its own -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "day", "clock"),
    [("2016-074", date(2016, 3, 14), ""), ("2016-074 10:32", date(2016, 3, 14), "10:32"),
     ("2016-001", date(2016, 1, 1), ""), ("2016-366", date(2016, 12, 31), "")],
)  # fmt: skip
def test_the_year_and_the_day_of_the_year_are_read(written, day, clock):
    from app.chronology.dates import parse_date

    parsed = parse_date(written)
    assert (parsed.start, parsed.end, parsed.time, parsed.problem) == (day, day, clock, "")


def test_a_day_the_year_does_not_have_is_no_date_and_months_stay_months():
    from app.chronology.dates import parse_date

    assert not parse_date("2015-366").ok and not parse_date("2016-000").ok
    month = parse_date("2016-07")
    assert (month.start, month.end) == (date(2016, 7, 1), date(2016, 7, 31))


def test_time_formulas_never_calculated_are_read_from_the_formula():
    from app.chronology.xlsx_formats import formula_value

    assert formula_value("TIME(10,32,0)") == time(10, 32)
    assert formula_value("DATE(2016,3,14)+TIME(16,45,0)") == datetime(2016, 3, 14, 16, 45)
    assert formula_value("TIME(25,0,0)") is None
    assert formula_value("NOW()") is None
