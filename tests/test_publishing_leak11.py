"""A review whose family and practitioners come from Pakistani, Hungarian, Romanian, Albanian,
Kurdish, Afghan, Sudanese, Congolese, Jamaican, Irish Traveller, Hong Kong Chinese, Nepali,
Yoruba and Polish naming customs, published in every format: nothing of them is left in the
file. And the forms an earlier round left: a Yoruba name called by its end ("Seyi" of
Oluwaseyi), a name registered as one word written in two ("Abdi-Rahman") and the reverse, pet
forms of a first syllable with -s ("Migs"), Polish names whose last "e" drops ("Kacpra",
"Kacprem") and whole-name diminutives ("Kacperek"), a parent named by a child ("Mama Emeka",
"Baba Tunde", "Mama T"), and a surname that is the name of a faith ("practising Islam")."""

import pytest

from app.publishing.anonymise import Anonymiser
from app.publishing.inflections import case_forms, diminutives
from app.publishing.register import RegisterEntry
from tests.leak_planting import asked, near_names_in, read_back_tests
from tests.publishing_leak11_case import PLANTED, build_case, leaks

case, test_nothing_of_anyone_is_left_in_the_file = read_back_tests(
    build_case, PLANTED + " Staff used the MASH and the MARAC.", leaks, "Child H", ("MASH", "MARAC")
)


def test_the_release_check_asks_about_short_forms_and_not_words_of_respect(ctx, case):
    blocked = asked(ctx, case)
    near = blocked["near_name"]
    assert near >= {"Segun", "SEGUN", "Nelu", "Kels", "Pawełek", "Bridgie", "Shaz"}
    # A Hungarian pet name ("Eszti" of Eszter) is the register's own form: replaced, not asked.
    assert "Eszti" not in near
    assert not near & {"MASH", "MARAC"}
    unregistered = blocked["unregistered"]
    assert not any(w in u for u in unregistered for w in ("Kak Hawre", "Farzana Jan", "Didi"))


REGISTER = [
    RegisterEntry("Oluwaseyi Adeyemi", "Child O"),
    RegisterEntry("Abdirahman Hassan Warsame", "Father"),
    RegisterEntry("Jose Miguel Reyes Santos", "Social Worker 1"),
    RegisterEntry("Kacper Wojciechowski", "Sibling 1"),
    RegisterEntry("Abdul Kadir Musa", "Police Officer 1"),
    RegisterEntry("Jean-Luc Mbemba", "Team Manager"),
    RegisterEntry("Osman Elhassan", "the GP"),
    RegisterEntry("Babatunde Cole", "Child B"),
    RegisterEntry("Shahidul Islam", "Neighbour"),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mr Abdi-Rahman Warsame attended.", "Father attended."),
        ("Abdi Rahman said no.", "Father said no."),
        ("Abdulkadir came.", "Police Officer 1 came."),
        ("Rozmawiałam z Kacprem wczoraj.", "Rozmawiałam z Sibling 1 wczoraj."),
        ("Widziałam Kacpra.", "Widziałam Sibling 1."),
        ("Mama Seyi rang.", "[name removed] rang."),
        ("Iya Oluwaseyi rang.", "[name removed] rang."),
        ("Mama Babatunde rang.", "[name removed] rang."),
        ("Later Mama T rang.", "Later [name removed] rang."),
        ("JL rang, then J.L. wrote.", "Team Manager rang, then Team Manager wrote."),
        ("Dr El-Hassan saw him.", "The GP saw him."),
        ("She converted to Islam in 2019.", "She converted to Islam in 2019."),
        ("A practising Islam follower.", "A practising Islam follower."),
        ("Dr Islam said Islam was away.", "Neighbour said Neighbour was away."),
        ("She spoke about Islam.", "She spoke about Neighbour."),
    ],
)
def test_split_declined_parent_and_faith_forms(text, expected):
    an = Anonymiser(REGISTER)
    if "Seyi" in text:
        # The short form itself is the release check's (below); with it removed, the parent
        # word goes with it.
        text = text.replace("Seyi", "Oluwaseyi")
    assert an.apply(text) == expected


def test_a_lower_case_split_is_not_a_name():
    an = Anonymiser([RegisterEntry("Campbell Ward", "Father")])
    assert an.apply("They set up camp bell tents.") == "They set up camp bell tents."


def test_moved_vowels_and_whole_name_diminutives_are_made_by_rule():
    assert {"kacpra", "kacprem", "kacprowi"} <= case_forms("kacper")
    assert {"pawla", "pawlem", "marka", "markiem", "kaczmarka"} <= (
        case_forms("pawel") | case_forms("marek") | case_forms("kaczmarek")
    )
    assert {"kacperek", "kacperka", "pawelek", "mareczek"} <= (
        diminutives("kacper") | diminutives("pawel") | diminutives("marek")
    )


PEOPLE = [
    RegisterEntry("Oluwaseyi Adeyemi", "Child O"),
    RegisterEntry("Adebayo Cole", "Father"),
    RegisterEntry("Jose Miguel Reyes Santos", "Social Worker 1"),
    RegisterEntry("Kacper Wojciechowski", "Sibling 1"),
    RegisterEntry("Kovács Eszter", "the GP"),
    RegisterEntry("Ionuț Popescu", "Neighbour"),
]


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("Seyi was seen at school.", "Seyi"),
        ("SEYI did not attend.", "SEYI"),
        ("His tag was #JusticeForSeyi today.", "JusticeForSeyi"),
        ("Bayo rang the school.", "Bayo"),
        ("Migs visited on Tuesday.", "Migs"),
        ("Kacperek cried all night.", "Kacperek"),
        ("Nelu called the police.", "Nelu"),
    ],
)
def test_ends_pet_forms_and_family_name_first_are_asked_about(text, asked):
    assert asked in {n.written for n in near_names_in(PEOPLE, text)}


def test_a_hungarian_pet_name_is_found_by_the_register():
    # "Eszti" of Eszter: the language's pet form, replaced without asking.
    assert "Eszti" not in Anonymiser(PEOPLE).apply("The GP, Eszti, rang.")


@pytest.mark.parametrize(
    "text",
    [
        "The line manager agreed. Line 4 of the plan.",
        "Mignon pastries were served.",
        "Kovács is a common surname.",
    ],
)
def test_ordinary_words_are_not_asked_about(text):
    assert near_names_in(PEOPLE, text) == []
