"""What every round of agency files checks the same way: a file imported through the command
line with no options comes in with every entry as its truth says; and small tables made for
one rule's test."""

from app.chronology.reading import read_table
from tests.chronology.fourth_round_files import same_text_differences
from tests.chronology.robust_files import _csv
from tests.chronology.test_robust_files import _entries, _import


def check_file_imports_fully_right(files, name, store_path, tmp_path, capsys) -> None:
    path, truth = files[name](tmp_path)
    code, output = _import(store_path, path, capsys)
    assert code == 0, output
    assert same_text_differences(_entries(store_path), truth) == [], output


def rows_of(*columns):
    """Columns of cells as a table's rows, numbered from 2 (under a header)."""
    return [(n + 2, list(cells)) for n, cells in enumerate(zip(*columns, strict=True))]


def table_of(tmp_path, rows, name="t.csv"):
    """``rows`` written as a CSV file, read back as a table."""
    path = tmp_path / name
    _csv(path, rows)
    return read_table(path)
