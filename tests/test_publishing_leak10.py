"""A review whose family and practitioners come from Igbo, Yoruba, Tamil, Somali, Bangladeshi,
Filipino, Chinese, Eritrean, Welsh and Irish naming customs, published in every format: nothing
of them is left in the file. And the forms an earlier round left: Polish and Lithuanian pet
endings no table holds ("Bartek"), Lithuanian first names declined ("Jurgitos"), a first
syllable at a sentence start or in capitals ("Jas", "Shan", "DOM"), a first syllable with the
initial of the surname ("DomP"), a registered name inside a tag ("#JusticeForAlfred"), titles
in other languages ("Pan Lewandowski")."""

import pytest

from app.publishing.anonymise import Anonymiser
from app.publishing.inflections import case_forms, diminutives
from app.publishing.register import RegisterEntry
from tests.leak_planting import asked, near_names_in, read_back_tests
from tests.publishing_leak10_case import PLANTED, build_case, leaks

case, test_nothing_of_anyone_is_left_in_the_file = read_back_tests(
    build_case, PLANTED + " Staff used the MASH and the MARAC.", leaks, "Child E", ("MASH", "MARAC")
)


def test_the_release_check_asks_about_short_forms_of_first_and_middle_names(ctx, case):
    near = asked(ctx, case)["near_name"]
    assert near >= {"Emeka", "EMEKA", "Bayo", "Funmi", "Shahid"}
    assert not near & {"MASH", "MARAC"}


REGISTER = [
    RegisterEntry("Bartosz Lewandowski", "Sibling 1"),
    RegisterEntry("Jurgita Petrauskienė", "Neighbour"),
    RegisterEntry("Alfred Kowalski", "Child A"),
    RegisterEntry("Siobhán Ní Bhriain", "Head Teacher"),
    RegisterEntry("Senait Gebremariam", "Police Officer 1"),
    RegisterEntry("Maria Dela Cruz", "Social Worker 1"),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jurgitos mama came.", "Neighbour mama came."),
        ("Pan Lewandowski said no.", "Sibling 1 said no."),
        ("Frau Kowalski said no.", "Child A said no."),
        ("Señor Kowalski said no.", "Child A said no."),
        ("#JusticeForAlfred trended.", "[tag removed] trended."),
        ("@TeamKowalski posted.", "[user name removed] posted."),
        ("Her father Mr Ó Briain rang.", "Her father [name removed] rang."),
        ("PC Gebre-Mariam came.", "Police Officer 1 came."),
        ("Ms Delacruz came.", "Social Worker 1 came."),
    ],
)
def test_declined_tagged_titled_and_kin_forms(text, expected):
    assert Anonymiser(REGISTER).apply(text) == expected


def test_pet_endings_are_made_not_listed():
    assert {"bartek", "bartus", "bartka"} <= diminutives("bartosz")
    assert {"tomek", "piotrek", "jasio"} <= diminutives("tomasz") | diminutives("piotr") | (
        diminutives("jan")
    )
    assert "jurgitos" in case_forms("jurgita") and "gintares" in case_forms("gintare")


PEOPLE = [
    RegisterEntry("Bartosz Lewandowski", "Sibling 1"),
    RegisterEntry("Dominic Price", "Team Manager"),
    RegisterEntry("Jaswinder Kaur Gill", "Social Worker 1"),
    RegisterEntry("Shanice Loveridge", "Child S"),
]


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("BARTEK did not attend.", "BARTEK"),
        ("Bartuś was asleep.", "Bartuś"),
        ("Jas said she was fine.", "Jas"),
        ("Shan rang the site warden.", "Shan"),
        ("LIZZIE and DOM attended.", "DOM"),
        ("He posted as DomP on the forum.", "DomP"),
    ],
)
def test_pet_endings_syllables_and_initials_are_asked_about(text, asked):
    assert asked in {n.written for n in near_names_in(PEOPLE, text)}


@pytest.mark.parametrize(
    "text",
    [
        "DOM: the document object model.",
        "Jas. 4:2",
        "The DOM.",
        "Dominant themes: none.",
        "He posted as DomX on the forum.",
    ],
)
def test_syllables_alone_are_not_asked_about(text):
    assert near_names_in(PEOPLE, text) == []
