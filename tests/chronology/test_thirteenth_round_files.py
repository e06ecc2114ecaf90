"""The thirteenth round's files (thirteenth_round_files.py) imported through the command line
with no options, every entry right, for the right agency, and nothing the file holds lost; and
each rule they needed, on its own."""

import pytest

from tests.chronology import thirteenth_round_files as files
from tests.chronology.fourth_round_files import same_text_differences
from tests.chronology.test_robust_files import (
    _entries,
    _import,
    store_path,  # noqa: F401
)
from tests.chronology.test_twelfth_round_files import _agency_differences

FILES = files.FILES


def _flat(text):
    return " ".join((text or "").split())


def _kept_differences(rows, truth, kept):
    """Texts each entry must hold in its narrative beyond the truth's own."""
    wrong = []
    for number, (want, texts) in enumerate(zip(truth, kept, strict=True)):
        found = [r for r in rows if want.event in _flat(r.event)]
        for text in texts:
            if found and text not in _flat(found[0].event):
                wrong.append(f"entry {number}: {text[:40]!r} not in its narrative")
    return wrong


def _noise(rows, texts):
    fields = ("event", "outcome", "practitioner", "role", "subjects", "event_type_text",
              "source_values")  # fmt: skip
    return [t for t in texts for r in rows if any(t in _flat(getattr(r, f)) for f in fields)]


@pytest.mark.parametrize("name", sorted(FILES))
def test_each_file_imports_fully_right_with_no_options(store_path, tmp_path, capsys, name):  # noqa: F811
    path, truth = FILES[name](tmp_path)
    code, output = _import(store_path, path, capsys)
    assert code == 0, output
    rows = _entries(store_path)
    assert same_text_differences(rows, truth) == [], output
    agencies = files.AGENCIES.get(name, ["Agency"] * len(truth))
    assert _agency_differences(rows, truth, agencies) == [], output
    assert _kept_differences(rows, truth, files.KEPT.get(name, [[]] * len(truth))) == []
    assert _noise(rows, files.KEY_TEXTS.get(name, [])) == []
    flat = " ".join(output.split())
    assert [t for t in files.SAID.get(name, []) if t not in flat] == [], output
    assert [t for t in files.NOT_SAID.get(name, []) if t in flat] == [], output


# --- each rule on its own -------------------------------------------------------------------
