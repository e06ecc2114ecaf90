"""A review whose family and practitioners come from Mandarin (pinyin, family name first),
Cantonese, Japanese, Thai, Scottish Gaelic, Cornish, Turkish, Georgian, Armenian, Persian,
Catalan, Norwegian, Zulu and Sikh naming customs, and English names that are ordinary words,
published in every format: nothing of them is left in the file, and the ordinary words are
kept where prose uses them as words."""

import pytest

from app.publishing.anonymise import Anonymiser
from app.publishing.register import RegisterEntry
from tests.leak_planting import near_names_in, read_back_tests
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
        ([RegisterEntry("Maria Cristina Dela Cruz", "Social Worker 1")], "The Cruz Azul team won."),
        ([RegisterEntry("Rosalind Pryce", "Team Manager")], "The Rosa Lind cafe opened."),
        ([RegisterEntry("Will King", "Team Manager")], "She went to the King's Fund."),
        ([RegisterEntry("Sunny Young", "Neighbour")], "The Young Carers service helped."),
    ],
)
def test_ordinary_phrases_that_share_a_word_with_a_name_are_kept(register, text):
    assert Anonymiser(register).apply(text) == text


@pytest.mark.parametrize(
    ("register", "text", "expected"),
    [
        # A person is still a person before what they run or belong to
        (
            [RegisterEntry("Muhammad Haris Raja", "Child H")],
            "Raja's class met.",
            "Child H's class met.",
        ),
        (
            [RegisterEntry("Muhammad Haris Raja", "Child H")],
            "Mr Raja Yoga class",
            "Child H Yoga class",
        ),
        ([RegisterEntry("Sunny Young", "Neighbour")], "Sunny Young team", "Neighbour team"),
    ],
)
def test_a_person_before_a_team_or_class_is_still_found(register, text, expected):
    assert Anonymiser(register).apply(text) == expected


REGISTER = [
    RegisterEntry("Wang Zihan", "Child W"),
    RegisterEntry("Kōno Haruka", "Mother's partner"),
    RegisterEntry("Catrìona NicDhòmhnaill", "Class Teacher"),
    RegisterEntry("Nino Beridze", "Neighbour"),
    RegisterEntry("Mohammad-Reza Hosseinzadeh", "Social Worker 1"),
    RegisterEntry("Yūto Takahashi", "the GP"),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A Mandarin given name by its syllables, a syllable doubled, after "Xiao"
        ("Zi-Han cried.", "Child W cried."),
        ("WANG Zi Han was seen.", "Child W was seen."),
        ("Hanhan cried.", "Child W cried."),
        ("Xiao Han cried.", "Child W cried."),
        ("the Han dynasty", "the Han dynasty"),
        # Long vowels as other romanisations write them
        ("Ms Kouno rang.", "Mother's partner rang."),
        ("Dr Takahashi Yuuto wrote.", "The GP wrote."),
        # A Gaelic "Nic" written apart, and the family name alone
        ("Catrìona Nic Dhòmhnaill taught her.", "Class Teacher taught her."),
        ("Ms Dhomhnaill rang.", "Class Teacher rang."),
        # A Georgian pet name
        ("Ninuka rang.", "Neighbour rang."),
        # The initials of a hyphened first name, after the name or before it
        ("Seen by HOSSEINZADEH M-R on Monday", "Seen by Social Worker 1 on Monday"),
        ("M-R Hosseinzadeh said so.", "Social Worker 1 said so."),
    ],
)
def test_syllables_romanisations_gaelic_pet_names_and_initials(text, expected):
    assert Anonymiser(REGISTER).apply(text) == expected


@pytest.mark.parametrize(
    ("register", "text", "asked"),
    [
        # At the start of a sentence, before the registered family name
        (
            [RegisterEntry("Abdirahman Ali Warsame", "Father")],
            "Cabdiraxmaan Warsame was at home.",
            "Cabdiraxmaan",
        ),
        # After a parent word or a title of another language
        ([RegisterEntry("Chukwuemeka Obi", "Father")], "Mama Emeka came.", "Emeka"),
        (
            [RegisterEntry("Siriporn Wongsuwannakul", "the health visitor")],
            "Khun Siri came.",
            "Siri",
        ),
    ],
)
def test_near_names_are_asked_about(register, text, asked):
    assert asked in {n.written for n in near_names_in(register, text)}


def test_a_hungarian_pet_name_with_neni_is_found_by_the_register():
    # A Hungarian married woman's given name is what she is called ("-né" first), and its pet
    # form with "néni" is replaced without asking.
    register = [RegisterEntry("Kovácsné Nagy Zsuzsanna", "the interpreter")]
    assert Anonymiser(register).apply("Zsuzsi néni translated.") == "The interpreter translated."
