"""What every round of agency files checks the same way: a file imported through the command
line with no options comes in with every entry as its truth says; and small tables made for
one rule's test."""

import pytest

from app.chronology.reading import read_table
from tests.chronology.fourth_round_files import same_text_differences
from tests.chronology.robust_files import _csv
from tests.chronology.test_robust_files import _entries, _import


def check_file_imports_fully_right(
    files, name, store_path, tmp_path, capsys, *, round_module=None
) -> None:
    """``files[name]`` imported with no options comes in as its truth says; with
    ``round_module``, also what the round's module says of the file where it says it: each
    entry's agency (AGENCIES), texts its narrative must hold (KEPT), texts no field may hold
    (KEY_TEXTS), and what the import must say (SAID) or must not (NOT_SAID)."""
    path, truth = files[name](tmp_path)
    code, output = _import(store_path, path, capsys)
    assert code == 0, output
    rows = _entries(store_path)
    assert same_text_differences(rows, truth) == [], output
    if round_module is None:
        return

    def said(table: str) -> list[str]:
        return getattr(round_module, table, {}).get(name, [])

    agencies = getattr(round_module, "AGENCIES", {}).get(name, ["Agency"] * len(truth))
    assert agency_differences(rows, truth, agencies) == [], output
    kept = getattr(round_module, "KEPT", {}).get(name, [[]] * len(truth))
    assert _kept_differences(rows, truth, kept) == []
    assert _noise(rows, said("KEY_TEXTS")) == []
    flat = " ".join(output.split())
    assert [t for t in said("SAID") if t not in flat] == [], output
    assert [t for t in said("NOT_SAID") if t in flat] == [], output


def round_cases(names, not_yet=()) -> list:
    """The files' names as test cases, those not yet imported right (marked so before the
    rules they need are written) expected to fail, strictly."""
    return [
        pytest.param(
            name, marks=[pytest.mark.xfail(strict=True)] if name in not_yet else [], id=name
        )
        for name in sorted(names)
    ]


def check_refused_saying(builder, words, store_path, tmp_path, capsys) -> str:
    """The file ``builder`` makes is refused in plain words (each of ``words`` said, no
    traceback), and nothing of it is stored; what the import said."""
    path, expected = builder(tmp_path)
    code, output = _import(store_path, path, capsys)
    assert code == 2, output
    assert "Traceback" not in output
    said = " ".join(output.split())
    assert [w for w in [*expected, *words] if w not in said] == [], said
    assert _entries(store_path) == []
    return said


def _flat(text) -> str:
    return " ".join((text or "").split())


def agency_differences(rows, truth, agencies) -> list[str]:
    wrong = []
    for number, (want, agency) in enumerate(zip(truth, agencies, strict=True)):
        found = [r for r in rows if want.event in _flat(r.event)]
        if found and found[0].agency != agency:
            wrong.append(f"entry {number}: agency {found[0].agency!r}, expected {agency!r}")
    return wrong


def _kept_differences(rows, truth, kept) -> list[str]:
    """Texts each entry must hold in its narrative beyond the truth's own."""
    wrong = []
    for number, (want, texts) in enumerate(zip(truth, kept, strict=True)):
        found = [r for r in rows if want.event in _flat(r.event)]
        for text in texts:
            if found and text not in _flat(found[0].event):
                wrong.append(f"entry {number}: {text[:40]!r} not in its narrative")
    return wrong


def _noise(rows, texts) -> list[str]:
    fields = ("event", "outcome", "practitioner", "role", "subjects", "event_type_text",
              "source_values")  # fmt: skip
    return [t for t in texts for r in rows if any(t in _flat(getattr(r, f)) for f in fields)]


def rows_of(*columns):
    """Columns of cells as a table's rows, numbered from 2 (under a header)."""
    return [(n + 2, list(cells)) for n, cells in enumerate(zip(*columns, strict=True))]


def table_of(tmp_path, rows, name="t.csv"):
    """``rows`` written as a CSV file, read back as a table."""
    path = tmp_path / name
    _csv(path, rows)
    return read_table(path)
