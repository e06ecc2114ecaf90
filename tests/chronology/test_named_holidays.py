"""Days and holidays agencies write by their names: a school's "October half term 2016" or
"summer holidays 2016", a bank holiday, Bonfire Night, Mothering Sunday. Each is read as the day
it is, or as the days any school's holiday could have been (approximate, never one day
guessed), and a school chronology written that way comes in with no row flagged."""

from datetime import date

import pytest
from openpyxl import Workbook

from app.chronology.dates import parse_date
from tests.chronology.test_robust_files import (
    _entries,
    _import,
    store_path,  # noqa: F401
)

D = date

EXACT = [
    ("Bonfire Night 2016", D(2016, 11, 5)),
    ("Hallowe'en 2015", D(2015, 10, 31)),
    ("Valentine's Day 2017", D(2017, 2, 14)),
    ("St David's Day 2016", D(2016, 3, 1)),
    # Moveable: from Easter (the UK's Mothering Sunday is three weeks before it).
    ("Mothering Sunday 2016", D(2016, 3, 6)),
    ("Mother's Day 2019", D(2019, 3, 31)),
    ("Shrove Tuesday 2016", D(2016, 2, 9)),
    ("Pancake Day 2018", D(2018, 2, 13)),
    ("Father's Day 2016", D(2016, 6, 19)),
    ("Remembrance Sunday 2016", D(2016, 11, 13)),
    # Bank holidays, the moved ones included.
    ("August bank holiday 2016", D(2016, 8, 29)),
    ("Summer Bank Holiday Monday 2015", D(2015, 8, 31)),
    ("Early May bank holiday 2016", D(2016, 5, 2)),
    ("May Day bank holiday 2020", D(2020, 5, 8)),
    ("Spring bank holiday 2016", D(2016, 5, 30)),
    ("Spring bank holiday 2012", D(2012, 6, 4)),
    ("late May bank holiday 2022", D(2022, 6, 2)),
]

# Some day in the span (the start and end hold every authority's holiday that year).
SPANS = [
    ("October half term 2016", D(2016, 10, 16), D(2016, 11, 6)),
    ("Oct half-term 2016", D(2016, 10, 16), D(2016, 11, 6)),
    ("Feb half term 2017", D(2017, 2, 7), D(2017, 3, 3)),
    ("half term (May) 2016", D(2016, 5, 20), D(2016, 6, 8)),
    ("Whitsun half term 2016", D(2016, 5, 20), D(2016, 6, 8)),
    ("Whitsun 2016", D(2016, 5, 8), D(2016, 6, 8)),
    ("summer holidays 2016", D(2016, 7, 14), D(2016, 9, 7)),
    ("Summer hols 2016", D(2016, 7, 14), D(2016, 9, 7)),
    ("Christmas holidays 2016", D(2016, 12, 15), D(2017, 1, 8)),
    ("Christmas holidays 2016/17", D(2016, 12, 15), D(2017, 1, 8)),
    ("Easter holidays 2016", D(2016, 3, 11), D(2016, 4, 16)),
    ("Easter holidays 2011", D(2011, 4, 1), D(2011, 5, 10)),
    ("May bank holiday 2016", D(2016, 5, 2), D(2016, 5, 30)),
    ("New Year 2016", D(2015, 12, 31), D(2016, 1, 1)),
    ("Xmas 2015", D(2015, 12, 24), D(2015, 12, 26)),
    # A school year written with its name after it (September to July).
    ("2015-16 school year", D(2015, 9, 1), D(2016, 7, 31)),
    ("2015/16 academic year", D(2015, 9, 1), D(2016, 7, 31)),
]


# Words around a date that say no more than the date, or that its day is not known.
SAME = [
    ("In March 2016", "month", D(2016, 3, 1), D(2016, 3, 31)),
    ("During 2016", "year", D(2016, 1, 1), D(2016, 12, 31)),
    ("On 14/03/2016", "day", D(2016, 3, 14), D(2016, 3, 14)),
    ("the 14th of March 2016", "day", D(2016, 3, 14), D(2016, 3, 14)),
    ("Date unknown - 2016", "approximate", D(2016, 1, 1), D(2016, 12, 31)),
    ("Unknown date in March 2016", "approximate", D(2016, 3, 1), D(2016, 3, 31)),
    ("Not known (2016)", "approximate", D(2016, 1, 1), D(2016, 12, 31)),
    ("weekend of 12/03/2016", "approximate", D(2016, 3, 12), D(2016, 3, 13)),  # a Saturday
    ("Weekend of 11/03/2016", "approximate", D(2016, 3, 11), D(2016, 3, 13)),  # a Friday
    # Two years written with a hyphen hold either reading (the years, or one of the agency's).
    ("2015-2016", "approximate", D(2015, 1, 1), D(2016, 12, 31)),
    ("2015/2016", "approximate", D(2015, 4, 1), D(2016, 3, 31)),
]


@pytest.mark.parametrize(("written", "precision", "start", "end"), SAME)
def test_words_around_a_date(written, precision, start, end):
    parsed = parse_date(written)
    assert (parsed.precision, parsed.start, parsed.end, parsed.problem) == (
        precision,
        start,
        end,
        "",
    )


@pytest.mark.parametrize("prefix", ["in ", "Monday ", "weekend of ", "w/c "])
def test_a_date_wrapped_in_words_hundreds_of_times_is_flagged_not_a_crash(prefix):
    parsed = parse_date(prefix * 2000 + "12/03/2016")
    assert parsed.start is None and parsed.problem


@pytest.mark.parametrize(("written", "day"), EXACT)
def test_named_days(written, day):
    parsed = parse_date(written)
    assert (parsed.precision, parsed.start, parsed.end, parsed.problem) == ("day", day, day, "")


@pytest.mark.parametrize(("written", "start", "end"), SPANS)
def test_named_holidays_are_some_day_in_their_span(written, start, end):
    parsed = parse_date(written)
    assert (parsed.precision, parsed.start, parsed.end, parsed.problem) == (
        "approximate",
        start,
        end,
        "",
    )


@pytest.mark.parametrize(
    "written",
    [
        "Easter holidays 2016/17",  # only the Christmas holidays run into the next year
        "Christmas holidays 2016/19",
        "Christmas 0000",
        "Eid 2016",  # a moon's calendar: the day is not worked out, it is asked for
        "half term 2016",  # which one?
        "Before 14/03/2016",  # some time before: no day to date it by
        "On or before 14/03/2016",
        "weekend of 15/03/2016",  # a Tuesday
        "Not known",
        "Date: 12/01/2017",  # a sign-off's own date, under the entries
        "Dated 12/01/2017",
        "as at 31/03/2017",  # a report's date, under its title
    ],
)
def test_names_that_do_not_settle_a_day_are_asked_about(written):
    parsed = parse_date(written)
    assert parsed.start is None and parsed.problem


def test_a_school_chronology_dated_by_holidays_comes_in_unflagged(
    store_path,  # noqa: F811
    tmp_path,
    capsys,
):
    rows = [
        ("Date", "Concern / event", "Action taken", "Staff member"),
        ("07/09/2016", "Attendance 82% at the start of term.", "Letter home.", "Attendance lead"),
        (
            "October half term 2016",
            "Child said on return she had been left alone for days.",
            "Logged; DSL informed.",
            "Class teacher",
        ),  # fmt: skip
        (
            "14/11/2016",
            "Bruise to the forearm, explanation inconsistent.",
            "Referral to MASH.",
            "DSL",
        ),  # fmt: skip
        (
            "Christmas holidays 2016/17",
            "Mother phoned the office asking for food bank vouchers.",
            "Vouchers given.",
            "Family support worker",
        ),  # fmt: skip
        (
            "Feb half term 2017",
            "No contact possible; family away.",
            "Home visit on return.",
            "Family support worker",
        ),  # fmt: skip
        ("Easter holidays 2017", "Holiday club place not taken up.", "Noted.", "DSL"),
        (
            "May bank holiday 2017",
            "Police attended the home (reported by a neighbour).",
            "Information shared the next day.",
            "DSL",
        ),  # fmt: skip
        (
            "summer holidays 2017",
            "Seen in town late at night by a member of staff.",
            "Logged on return in September.",
            "Deputy head",
        ),  # fmt: skip
    ]
    book = Workbook()
    for row in rows:
        book.active.append(list(row))
    path = tmp_path / "school_chronology.xlsx"
    book.save(path)
    code, output = _import(store_path, path, capsys)
    assert code == 0, output
    entries = sorted(_entries(store_path), key=lambda e: e.source_row)
    assert len(entries) == 8, output
    assert not [e for e in entries if e.flagged], output
    got = {e.event: (e.precision, e.date_start, e.date_end) for e in entries}
    assert got["Child said on return she had been left alone for days."] == (
        "approximate",
        D(2016, 10, 16),
        D(2016, 11, 6),
    )
    assert got["Mother phoned the office asking for food bank vouchers."][1:] == (
        D(2016, 12, 15),
        D(2017, 1, 8),
    )
    assert got["Police attended the home (reported by a neighbour)."] == (
        "approximate",
        D(2017, 5, 1),
        D(2017, 5, 29),
    )
    assert got["Bruise to the forearm, explanation inconsistent."] == (
        "day",
        D(2016, 11, 14),
        D(2016, 11, 14),
    )
