"""Column widths from content: no word or date is ever narrower than its column."""

from reportlab.pdfbase.pdfmetrics import stringWidth

from reports.fonts import SANS, register_fonts
from reports.table_widths import column_widths

COLUMNS = ("Agency", "Sector", "IMR author", "Requested", "Received", "Accepted", "Status")
ROWS = [
    ("Brackenford Council Children's Social Care", "Local authority", "Head of service",
     "2\xa0Aug\xa02026", "19\xa0Sep\xa02026", "20\xa0Oct\xa02026", "Accepted"),
    ("Police", "Police", "Detective Inspector", "2\xa0Aug\xa02026", "", "", "Under challenge"),
]  # fmt: skip


def test_every_word_and_date_fits_its_column_and_the_widths_fill_the_table():
    register_fonts()
    widths = column_widths(COLUMNS, ROWS, 453, size=9, padding=8)
    assert abs(sum(widths) - 453) < 0.01
    for i, width in enumerate(widths):
        words = COLUMNS[i].split() + [w for row in ROWS for w in row[i].split()]
        for word in words:
            face = SANS.bold if word in COLUMNS[i].split() else SANS.regular
            assert stringWidth(word, face, 9) + 8 <= width + 0.01, (COLUMNS[i], word)


def test_long_text_takes_the_room_short_columns_keep_their_own():
    rows = [
        (str(i), "1\xa0Mar\xa02016", "Police", "Officers attended the home. " * 8)
        for i in range(500)
    ]
    number, day, agency, event = column_widths(("No.", "Date", "Agency", "Event"), rows, 453)
    assert event > 2 * (number + day + agency)
    assert number < day


def test_a_pasted_web_address_cannot_starve_the_prose_beside_it():
    rows = [("https://example.org/" + "x" * 300, "The family moved twice that year. " * 6)]
    link, prose = column_widths(("Link", "Note"), rows, 400)
    assert link <= 0.66 * 400 and prose >= 0.34 * 400


def test_a_date_with_no_break_spaces_is_one_word_its_column_must_hold():
    register_fonts()
    rows = [("19\xa0Sep\xa02026", "x " * 200)] * 3
    date_width, _ = column_widths(("Received", "Notes"), rows, 300, size=9, padding=8)
    assert date_width >= stringWidth("19\xa0Sep\xa02026", SANS.regular, 9) + 8


def test_an_empty_column_is_as_wide_as_its_heading_set_larger_than_the_cells():
    # A chronology with no practitioners: the heading "Practitioner", set bold and larger than
    # the cells, must not be broken inside the word.
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from reports.fonts import SANS_CONDENSED, register_fonts
    from reports.table_widths import column_widths

    register_fonts()
    rows = [("2 Jan 2023", "The family was seen at home. " * 40, "")] * 5
    widths = column_widths(
        ["Date", "Event", "Practitioner"], rows, 500, size=8.5, padding=6, condensed=True,
        header_size=9,
    )  # fmt: skip
    assert widths[2] >= stringWidth("Practitioner", SANS_CONDENSED.bold, 9) + 6
