"""A workbook's other sheets: more dated entries under their own columns come in with the
chronology; the review's own work kept beside it (an action plan, its recommendations with
target dates) never does unasked."""

from openpyxl import Workbook

from app.chronology.reading import read_tables
from tests.chronology.robust_files import DAYS, TEXTS, WORKERS


def _book(path, sheets):
    book = Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


def _chronology():
    return [["Date", "Worker", "Event"], *([DAYS[i], WORKERS[i % 4], TEXTS[i]] for i in range(8))]


def _plan():
    rows = [["Recommendation", "Action", "Lead", "Target date"]]
    for i in range(6):
        rows.append([f"R{i + 1}", f"The partnership will audit how referrals are recorded ({i}).",
                     WORKERS[i % 4], DAYS[i]])  # fmt: skip
    return rows


def test_an_action_plan_beside_the_chronology_is_not_imported(tmp_path):
    path = _book(tmp_path / "imr.xlsx", {"Chronology": _chronology(), "Action plan": _plan(),
                                          "Sheet3": _plan()})  # fmt: skip
    tables = read_tables(path)
    assert [t.sheet for t in tables] == ["Chronology"]


def test_another_sheet_of_dated_entries_still_comes_in(tmp_path):
    meetings = [["Date of call", "Time", "Spoke to", "Staff", "Notes"]]
    meetings += [[DAYS[i], "10:30", "Mother", WORKERS[i % 4], TEXTS[i]] for i in range(4)]
    path = _book(tmp_path / "imr.xlsx", {"Chronology": _chronology(), "Phone contacts": meetings})
    assert [t.sheet for t in read_tables(path)] == ["Chronology", "Phone contacts"]
