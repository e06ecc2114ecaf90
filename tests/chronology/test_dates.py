"""Reading agency dates: UK day-first, exact, partial and approximate, and refusing nonsense."""

import random
from datetime import date, datetime, time, timedelta

import pytest

from app.chronology import dates
from app.chronology.dates import parse_date, parse_time
from app.chronology.types import ParsedDate

TODAY = date(2026, 6, 15)  # two-digit years 00..27 are 2000s, 28..99 are 1900s
D = date

# (written, precision, granularity, iso, start, end)
READABLE = [
    # exact days, every common spelling
    ("02/01/2008", "day", "day", "2008-01-02", D(2008, 1, 2), D(2008, 1, 2)),
    ("2/1/08", "day", "day", "2008-01-02", D(2008, 1, 2), D(2008, 1, 2)),
    ("02-01-2008", "day", "day", "2008-01-02", D(2008, 1, 2), D(2008, 1, 2)),
    ("02.01.2008", "day", "day", "2008-01-02", D(2008, 1, 2), D(2008, 1, 2)),
    ("2nd January 2008", "day", "day", "2008-01-02", D(2008, 1, 2), D(2008, 1, 2)),
    ("2 Jan 2008", "day", "day", "2008-01-02", D(2008, 1, 2), D(2008, 1, 2)),
    ("2 January, 2008", "day", "day", "2008-01-02", D(2008, 1, 2), D(2008, 1, 2)),
    ("January 2nd 2008", "day", "day", "2008-01-02", D(2008, 1, 2), D(2008, 1, 2)),
    ("Jan 2 2008", "day", "day", "2008-01-02", D(2008, 1, 2), D(2008, 1, 2)),
    ("02-Jan-08", "day", "day", "2008-01-02", D(2008, 1, 2), D(2008, 1, 2)),
    ("2008-01-02", "day", "day", "2008-01-02", D(2008, 1, 2), D(2008, 1, 2)),
    ("Tuesday 2 January 2008", "day", "day", "2008-01-02", D(2008, 1, 2), D(2008, 1, 2)),
    ("Mon 3rd March 2014", "day", "day", "2014-03-03", D(2014, 3, 3), D(2014, 3, 3)),
    # a week ending that day, and a decade
    ("w/e 20/03/2016", "approximate", "day", "2016-03-14", D(2016, 3, 14), D(2016, 3, 20)),
    (
        "Week ending 20 March 2016",
        "approximate",
        "day",
        "2016-03-14",
        D(2016, 3, 14),
        D(2016, 3, 20),
    ),  # fmt: skip
    ("1990s", "approximate", "year", "1990", D(1990, 1, 1), D(1999, 12, 31)),
    ("the 2000s", "approximate", "year", "2000", D(2000, 1, 1), D(2009, 12, 31)),
    ("  2 Jan 2008. ", "day", "day", "2008-01-02", D(2008, 1, 2), D(2008, 1, 2)),
    ("17/01/2014.", "day", "day", "2014-01-17", D(2014, 1, 17), D(2014, 1, 17)),
    ("29/02/2016", "day", "day", "2016-02-29", D(2016, 2, 29), D(2016, 2, 29)),
    ("29/02/2000", "day", "day", "2000-02-29", D(2000, 2, 29), D(2000, 2, 29)),
    ("39449", "day", "day", "2008-01-02", D(2008, 1, 2), D(2008, 1, 2)),
    # two-digit years around the pivot (today 2026: up to 27 is 2000s)
    ("1/1/27", "day", "day", "2027-01-01", D(2027, 1, 1), D(2027, 1, 1)),
    ("1/1/28", "day", "day", "1928-01-01", D(1928, 1, 1), D(1928, 1, 1)),
    ("31/12/99", "day", "day", "1999-12-31", D(1999, 12, 31), D(1999, 12, 31)),
    ("05/06/00", "day", "day", "2000-06-05", D(2000, 6, 5), D(2000, 6, 5)),
    # months
    ("June 2016", "month", "month", "2016-06", D(2016, 6, 1), D(2016, 6, 30)),
    ("Jan 2014", "month", "month", "2014-01", D(2014, 1, 1), D(2014, 1, 31)),
    ("06/2016", "month", "month", "2016-06", D(2016, 6, 1), D(2016, 6, 30)),
    ("2016-06", "month", "month", "2016-06", D(2016, 6, 1), D(2016, 6, 30)),
    ("Feb 2016", "month", "month", "2016-02", D(2016, 2, 1), D(2016, 2, 29)),
    ("Feb 2017", "month", "month", "2017-02", D(2017, 2, 1), D(2017, 2, 28)),
    ("Jun-16", "month", "month", "2016-06", D(2016, 6, 1), D(2016, 6, 30)),
    # years
    ("2017", "year", "year", "2017", D(2017, 1, 1), D(2017, 12, 31)),
    # approximate
    ("?22 May 2016", "approximate", "day", "2016-05-22", D(2016, 5, 22), D(2016, 5, 22)),
    ("22 May 2016?", "approximate", "day", "2016-05-22", D(2016, 5, 22), D(2016, 5, 22)),
    ("22/05/2016 (approx)", "approximate", "day", "2016-05-22", D(2016, 5, 22), D(2016, 5, 22)),
    ("c. March 2017", "approximate", "month", "2017-03", D(2017, 3, 1), D(2017, 3, 31)),
    ("c.2017", "approximate", "year", "2017", D(2017, 1, 1), D(2017, 12, 31)),
    ("circa 2017", "approximate", "year", "2017", D(2017, 1, 1), D(2017, 12, 31)),
    ("approx. June 2016", "approximate", "month", "2016-06", D(2016, 6, 1), D(2016, 6, 30)),
    ("about 2016", "approximate", "year", "2016", D(2016, 1, 1), D(2016, 12, 31)),
    ("around May 2016", "approximate", "month", "2016-05", D(2016, 5, 1), D(2016, 5, 31)),
    ("?June 2016", "approximate", "month", "2016-06", D(2016, 6, 1), D(2016, 6, 30)),
    ("??/05/2016", "approximate", "month", "2016-05", D(2016, 5, 1), D(2016, 5, 31)),
    ("xx/02/16", "approximate", "month", "2016-02", D(2016, 2, 1), D(2016, 2, 29)),
    ("early 2017", "approximate", "season", "2017-01", D(2017, 1, 1), D(2017, 4, 30)),
    ("mid 2016", "approximate", "season", "2016-05", D(2016, 5, 1), D(2016, 8, 31)),
    ("mid-2016", "approximate", "season", "2016-05", D(2016, 5, 1), D(2016, 8, 31)),
    ("late 2016", "approximate", "season", "2016-09", D(2016, 9, 1), D(2016, 12, 31)),
    ("end of 2016", "approximate", "season", "2016-09", D(2016, 9, 1), D(2016, 12, 31)),
    ("late June 2016", "approximate", "month", "2016-06", D(2016, 6, 21), D(2016, 6, 30)),
    ("summer 2007", "approximate", "season", "2007-06", D(2007, 6, 1), D(2007, 8, 31)),
    ("spring 2010", "approximate", "season", "2010-03", D(2010, 3, 1), D(2010, 5, 31)),
    ("autumn 2011", "approximate", "season", "2011-09", D(2011, 9, 1), D(2011, 11, 30)),
    ("fall 2011", "approximate", "season", "2011-09", D(2011, 9, 1), D(2011, 11, 30)),
    ("winter 2007", "approximate", "season", "2007-12", D(2007, 12, 1), D(2008, 2, 29)),
    ("winter 2016", "approximate", "season", "2016-12", D(2016, 12, 1), D(2017, 2, 28)),
    ("winter 2007/08", "approximate", "season", "2007-12", D(2007, 12, 1), D(2008, 2, 29)),
    ("2016/17", "approximate", "year", "2016", D(2016, 4, 1), D(2017, 3, 31)),
    ("2016-17", "approximate", "year", "2016", D(2016, 4, 1), D(2017, 3, 31)),
    ("2016/2017", "approximate", "year", "2016", D(2016, 4, 1), D(2017, 3, 31)),
]


@pytest.mark.parametrize(
    ("written", "precision", "granularity", "iso", "start", "end"),
    READABLE,
    ids=[r[0] for r in READABLE],
)
def test_readable_dates(written, precision, granularity, iso, start, end):
    parsed = parse_date(written, today=TODAY)
    assert parsed.precision == precision
    assert parsed.granularity == granularity
    assert parsed.iso() == iso
    assert (parsed.start, parsed.end) == (start, end)
    assert parsed.problem == ""
    assert parsed.ok
    assert parsed.text == written  # exactly as written, never normalised


# (written, words the problem must contain)
UNREADABLE = [
    ("31/02/2016", ["31/02/2016 is not a real date: February 2016 has 29 days"]),
    ("29/02/2017", ["29/02/2017 is not a real date: February 2017 has 28 days"]),
    ("31/04/2016", ["April 2016 has 30 days"]),
    ("00/01/2016", ["no day 0"]),
    ("13/13/2016", ["'13/13/2016' is not a day/month/year date", "no month 13"]),
    ("12/25/2016", ["'12/25/2016' is not a day/month/year date", "no month 25", "day first"]),
    ("next Tuesday", ["'next Tuesday' is not a date ReviewDesk can read"]),
    ("2 January", ["'2 January' has no year"]),
    ("13/2016", ["no month 13"]),
    ("02/01/1850", ["1850", "1900"]),
    ("02/01/2008 25:30", ["time of day that does not exist"]),
    ("not known", ["not a date ReviewDesk can read"]),
    ("?", ["not a date ReviewDesk can read"]),
    ("25/05/2016 - 22/05/2016", ["ends before it starts"]),
]


@pytest.mark.parametrize(("written", "words"), UNREADABLE, ids=[u[0] for u in UNREADABLE])
def test_unreadable_dates_say_why(written, words):
    parsed = parse_date(written, today=TODAY)
    assert parsed.precision == "unknown"
    assert not parsed.ok
    assert parsed.start is None and parsed.end is None
    assert parsed.iso() == ""
    assert parsed.text == written
    for word in words:
        assert word in parsed.problem


def test_us_order_is_not_swapped():
    """12/25/2016 must not silently become 25 December."""
    parsed = parse_date("12/25/2016", today=TODAY)
    assert parsed.start is None
    assert parse_date("25/12/2016", today=TODAY).start == date(2016, 12, 25)


@pytest.mark.parametrize("empty", [None, "", "   ", "\t\n"])
def test_no_date_given(empty):
    parsed = parse_date(empty, today=TODAY)
    assert parsed.precision == "unknown"
    assert parsed.problem == "no date given"
    assert parsed.start is None


def test_date_cells_from_calamine():
    parsed = parse_date(date(2016, 5, 22))
    assert parsed == ParsedDate("22/05/2016", "day", date(2016, 5, 22), date(2016, 5, 22))
    timed = parse_date(datetime(2016, 5, 22, 14, 30))
    assert (timed.text, timed.time, timed.start, timed.precision) == (
        "22/05/2016 14:30",
        "14:30",
        date(2016, 5, 22),
        "day",
    )
    midnight = parse_date(datetime(2016, 5, 22, 0, 0))
    assert (midnight.text, midnight.time) == ("22/05/2016", "")


def test_times_written_with_text_dates():
    assert parse_date("2008-01-02 14:30", today=TODAY).time == "14:30"
    assert parse_date("02/01/2008 14:30", today=TODAY).time == "14:30"
    assert parse_date("02/01/2008 2.30pm", today=TODAY).time == "14:30"
    assert parse_date("2008-01-02T09:05:00", today=TODAY).time == "09:05"
    assert parse_date("02/01/2008", today=TODAY).time == ""


@pytest.mark.parametrize(
    ("serial", "text", "start", "hhmm"),
    [
        (39449, "02/01/2008", date(2008, 1, 2), ""),
        (39449.0, "02/01/2008", date(2008, 1, 2), ""),
        (39449.5, "02/01/2008 12:00", date(2008, 1, 2), "12:00"),
        (42512.75, "22/05/2016 18:00", date(2016, 5, 22), "18:00"),
        (61, "01/03/1900", date(1900, 3, 1), ""),
        (59, "28/02/1900", date(1900, 2, 28), ""),
    ],
)
def test_excel_serial_numbers(serial, text, start, hhmm):
    parsed = parse_date(serial)
    assert (parsed.precision, parsed.text, parsed.start, parsed.end, parsed.time) == (
        "day",
        text,
        start,
        start,
        hhmm,
    )


@pytest.mark.parametrize(
    "value",
    [
        1,
        0,
        "01/01/1900",
        "1900-01-01 00:00:00.000",
        "30/12/1899",
        "00/01/1900",
        datetime(1900, 1, 1),
        date(1899, 12, 30),
    ],  # fmt: skip
)
def test_the_days_databases_write_for_no_date_are_no_date(value):
    parsed = parse_date(value)
    assert parsed.precision == "unknown" and parsed.start is None, value
    assert parse_date("02/01/1900").start == date(1900, 1, 2)  # the next day is a day


def test_a_whole_number_that_is_a_plausible_year_is_a_year():
    parsed = parse_date(2017)
    assert (parsed.precision, parsed.start, parsed.end) == (
        "year",
        date(2017, 1, 1),
        date(2017, 12, 31),
    )


@pytest.mark.parametrize("number", [-3, 0, 0.5, 60, 9_999_999, float("nan"), float("inf")])
def test_implausible_numbers_are_not_dates(number):
    parsed = parse_date(number)
    assert parsed.precision == "unknown"
    assert parsed.start is None
    assert parsed.problem


@pytest.mark.parametrize("value", [True, time(14, 30), timedelta(hours=3), object()])
def test_other_values_are_not_dates(value):
    parsed = parse_date(value)
    assert parsed.precision == "unknown"
    assert parsed.problem


def test_two_digit_years_follow_today():
    assert parse_date("1/1/30", today=date(2029, 1, 1)).start == date(2030, 1, 1)
    assert parse_date("1/1/30", today=date(2026, 1, 1)).start == date(1930, 1, 1)


def test_a_fast_path_result_equals_a_constructed_one():
    """The dates module builds ParsedDate without its __init__: the result must be identical."""
    parsed = parse_date("22/05/2016", today=TODAY)
    built = ParsedDate("22/05/2016", "day", date(2016, 5, 22), date(2016, 5, 22))
    assert parsed == built
    assert hash(parsed) == hash(built)
    assert type(parsed) is ParsedDate
    with pytest.raises(AttributeError):
        parsed.text = "changed"  # still frozen


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (time(14, 30), "14:30"),
        (datetime(2016, 1, 1, 9, 5), "09:05"),
        ("14:30", "14:30"),
        ("14:30:00", "14:30"),
        ("1430", "14:30"),
        ("1430hrs", "14:30"),
        ("2.30pm", "14:30"),
        ("2:30 PM", "14:30"),
        ("12am", "00:00"),
        ("2pm", "14:00"),
        ("14.30", "14:30"),
        ("noon", "12:00"),
        (0.75, "18:00"),
        (0.5, "12:00"),
        (39449.25, "06:00"),
        (1430, "14:30"),
        (timedelta(hours=9, minutes=15), "09:15"),
        ("25:00", ""),
        ("13pm", ""),
        ("14", ""),
        ("evening", ""),
        ("", ""),
        (None, ""),
        (True, ""),
        (float("nan"), ""),
        (-1, ""),
        (date(2016, 1, 1), ""),
    ],
)
def test_parse_time(value, expected):
    assert parse_time(value) == expected


def test_ten_thousand_distinct_dates_all_read():
    rng = random.Random(7)
    forms = ["%d/%m/%Y", "%d %B %Y", "%Y-%m-%d", "%d/%m/%y", "%B %Y", "%d.%m.%Y"]
    written = [
        (date(1995, 1, 1) + timedelta(days=rng.randrange(12000))).strftime(rng.choice(forms))
        + " " * (i % 3)
        for i in range(10_000)
    ]
    dates._parse_text.cache_clear()
    parsed = [parse_date(w, today=TODAY) for w in written]
    # Speed is measured in benchmarks/chronology_bench.py, never asserted here.
    assert all(p.ok for p in parsed)


@pytest.mark.parametrize(
    ("written", "start", "end", "precision"),
    [
        ("(14/03/2016)", date(2016, 3, 14), date(2016, 3, 14), "day"),
        ("[14/03/2016]", date(2016, 3, 14), date(2016, 3, 14), "day"),
        ("*14/03/2016", date(2016, 3, 14), date(2016, 3, 14), "day"),
        ("14 /03/ 2016", date(2016, 3, 14), date(2016, 3, 14), "day"),
        ("14 . 03 . 16", date(2016, 3, 14), date(2016, 3, 14), "day"),
        # An open span is dated when it began; the words stay as written.
        ("Since 14/03/2016", date(2016, 3, 14), date(2016, 3, 14), "day"),
        ("14/03/2016 to date", date(2016, 3, 14), date(2016, 3, 14), "day"),
        ("14/03/2016 - ongoing", date(2016, 3, 14), date(2016, 3, 14), "day"),
        ("14/03/2016 onwards", date(2016, 3, 14), date(2016, 3, 14), "day"),
        ("From March 2016 (ongoing)", date(2016, 3, 1), date(2016, 3, 31), "month"),
        ("2016-W11", date(2016, 3, 14), date(2016, 3, 20), "approximate"),
        ("2016-W11-3", date(2016, 3, 16), date(2016, 3, 16), "day"),
    ],
)
def test_dates_inside_brackets_markers_and_open_spans(written, start, end, precision):
    parsed = parse_date(written)
    assert (parsed.start, parsed.end, parsed.precision) == (start, end, precision)
    assert parsed.text == written and not parsed.problem


@pytest.mark.parametrize(
    "written", ["(late entry)", "Since birth", "ongoing", "2016-W54", "14/03/2016 midnight"]
)
def test_words_around_no_date_are_still_not_a_date(written):
    assert parse_date(written).start is None


def test_plain_days_read_as_parse_date_reads_them_and_leave_the_rest():
    texts = [
        "14/03/2016", "4/3/2016", "14.03.2016", "14-03-2016", "31/12/1999", "29/02/2016",
        "29/02/2015", "31/04/2016", "03/14/2016", "14/03/1899", "14/03/2101", "14/03/16",
        " 14/03/2016", "14/03/2016 ", "14/03-2016", "Mon 14/03/2016", "c. 14/03/2016",
        "14/03/2016 10:30", "March 2016", "",
    ]  # fmt: skip
    for order in ("dmy", "mdy"):
        known = dates.plain_days(texts, order)
        assert set(known) <= set(texts)
        assert {"14/03/2016", "14.03.2016", "14-03-2016"} & set(known) == (
            {"14/03/2016", "14.03.2016", "14-03-2016"} if order == "dmy" else set()
        )
        for text, read in known.items():
            assert read == parse_date(text, order=order), text
        # A text left out is no plain day: another form, or no day that exists.
        for text in set(texts) - set(known):
            read = parse_date(text, order=order)
            assert not (
                dates._PLAIN_DAY.fullmatch(text) and read.precision == "day" and read.text == text
            ), text
        assert "29/02/2015" not in known and "14/03/16" not in known


def test_from_days_reads_each_day_as_from_day_does():
    days = [date(2016, 3, 14), date(1905, 7, 7), date(1899, 12, 30), date(2099, 1, 1)]
    iso, texts = {}, {}
    known = dates.from_days(iter(days), iso, texts)
    assert set(known) == set(days)
    for day in days:
        assert known[day] == dates.from_day(day)
    assert iso[date(2016, 3, 14)] == "2016-03-14" and texts[date(2016, 3, 14)] == "14/03/2016"
    plain = dates.from_days([date(2016, 3, 14), date(2016, 3, 15)])
    assert plain[date(2016, 3, 15)] == dates.from_day(date(2016, 3, 15))
