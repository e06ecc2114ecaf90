"""A review whose family and practitioners come from Mandarin (pinyin, family name first),
Cantonese, Japanese, Thai, Scottish Gaelic, Cornish, Turkish, Georgian, Armenian, Persian,
Catalan, Norwegian, Zulu and Sikh naming customs, and English names that are ordinary words,
published in every format: nothing of them is left in the file, and the ordinary words are
kept where prose uses them as words."""

import pytest

from app.publishing.anonymise import Anonymiser
from app.publishing.register import RegisterEntry
from tests.leak_planting import read_back_tests
from tests.publishing_leak15_case import ORDINARY, PLANTED, build_case, leaks

case, test_nothing_of_anyone_is_left_in_the_file = read_back_tests(
    build_case,
    PLANTED + " " + ORDINARY,
    leaks,
    "Child W",
    (
        "It was a sunny morning.",
        "Young people met on the children's ward after the ward round.",
        "She will go to the event at the King's Fund.",
        "A brown envelope came.",
        "good grace",
        "The Young Carers service",
    ),
)


@pytest.mark.parametrize(
    ("register", "text"),
    [
        # A registered name that is also the first word of a place, a club or a practice
        ([RegisterEntry("Muhammad Haris Raja", "Child H")], "The Raja Yoga class met."),
        ([RegisterEntry("Maria Cristina Dela Cruz", "Social Worker 1")], "Cruz Azul played."),
        ([RegisterEntry("Rosalind Pryce", "Team Manager")], "The Rosa Lind cafe opened."),
    ],
)
def test_ordinary_phrases_that_share_a_word_with_a_name_are_kept(register, text):
    assert Anonymiser(register).apply(text) == text
