"""A review whose family and practitioners come from Czech, Slovak, Latvian, Hebrew and Yiddish,
Chinese, Icelandic, Dutch, Shona, Sinhala, Serbian, Finnish and Thai naming customs, and an
English double-barrelled name written by its halves, published in every format: nothing of them
is left in the file. And the forms an earlier round left: the Irish vocative that changes the
vowel too ("'A Sheáin'"), a Japanese word of address after a short name ("Yui-chan"), a quote
before "Uncle" ("'Uncle Sasha hurt me'"), a mutated Welsh name at the start of a heading; while a
first name that is an English word ("Memory") is left alone in lower case."""

import pytest

from app.publishing.anonymise import Anonymiser, mutations
from app.publishing.inflections import case_forms, declines, diminutives, finnish_forms
from app.publishing.register import RegisterEntry
from tests.leak_planting import asked, near_names_in, read_back_tests
from tests.publishing_leak13_case import ORDINARY, PLANTED, build_case, leaks

case, test_nothing_of_anyone_is_left_in_the_file = read_back_tests(
    build_case,
    PLANTED + " " + ORDINARY,
    leaks,
    "Child E",
    ("The visit stayed in her memory.", "The precious few hours with the family were a blessing."),
)


def test_the_release_check_asks_about_pet_names_of_other_languages(ctx, case):
    near = asked(ctx, case)["near_name"]
    assert near >= {"Janička", "Yossele", "Yossi", "Hattie", "Wicky", "Sigga", "Piet", "Đole"}
    assert not near & {"MASH", "MARAC", "Memory", "Blessing"}


REGISTER = [
    RegisterEntry("Eliška Nováková", "Child E"),
    RegisterEntry("Petr Novák", "Father"),
    RegisterEntry("Jana Nováková", "Mother"),
    RegisterEntry("Ľubomír Horváth", "Mother's partner"),
    RegisterEntry("Līga Bērziņa", "Sibling 1"),
    RegisterEntry("Yosef Mendel Katz", "the GP"),
    RegisterEntry("Sigríður Jónsdóttir", "Social Worker 1"),
    RegisterEntry("Pieter van den Berg", "Team Manager"),
    RegisterEntry("Memory Chipo Moyo", "Foster carer"),
    RegisterEntry("Ruwan Kumara Wickramasinghe", "Class Teacher"),
    RegisterEntry("Đorđe Petrović", "the interpreter"),
    RegisterEntry("Aino Virtanen", "Neighbour"),
    RegisterEntry("Siriporn Chaiyaporn", "Support Worker 1", variants=("Ploy",)),
    RegisterEntry("Seán Ó Briain", "Neighbour 2"),
    RegisterEntry("Yui Tanaka", "Social Worker 2"),
    RegisterEntry("Ceri Pritchard", "Maternal aunt"),
    RegisterEntry("Tomos ap Dafydd", "Uncle"),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Czech and Slovak cases, Latvian, Finnish
        ("Dala to Elišce.", "Dala to Child E."),
        ("Eliščin pokoj byl studený.", "Child E pokoj byl studený."),
        ("Řekla to Petrovi.", "Řekla to Father."),
        ("Šla s Horváthom.", "Šla s Mother's partner."),
        ("Pani Novákovej to povedala.", "[name removed] to povedala."),
        ("Līgas mamma atnāca.", "Sibling 1 mamma atnāca."),
        ("Virtasen auto oli pihalla.", "Neighbour auto oli pihalla."),
        ("Soitin Ainolle.", "Soitin Neighbour."),
        # Letters written out in two or folded
        ("Djordje interpreted.", "The interpreter interpreted."),
        ("Mr Petrovic came.", "The interpreter came."),
        ("Sigridur visited.", "Social Worker 1 visited."),
        # Words of address before and after a name
        ("Khun Ploy drove them.", "Support Worker 1 drove them."),
        ("P'Ploy drove them.", "Support Worker 1 drove them."),
        ("Yui-chan was fine, said the nurse.", "Social Worker 2 was fine, said the nurse."),
        ("Amai Chipo rang.", "[name removed] rang."),
        # Initials run together, surname first, and at the end of a cell
        ("YM Katz saw her.", "The GP saw her."),
        ("W.R.K. rang.", "Class Teacher rang."),
        ("WICKRAMASINGHE R.K.", "Class Teacher."),
        ("P. v.d. Berg signed it.", "Team Manager signed it."),
        ("Mr vd Berg signed it.", "Team Manager signed it."),
        # The Irish vocative and Welsh mutation with a capital at a start
        ("'A Sheáin, come in,' his wife said.", "'A Neighbour 2, come in,' his wife said."),
        ("I Geri: y stori", "I Maternal aunt: y stori"),
        ("Gan Domos", "Gan Uncle"),
        ("A Cheri tree grew.", "A Cheri tree grew."),
        ("Ask Geri.", "Ask Geri."),
        # A first name that is a word
        ("The visit stayed in her memory.", "The visit stayed in her memory."),
        ("Memory took her in.", "Foster carer took her in."),
    ],
)
def test_declined_spelled_out_addressed_and_initialled_forms(text, expected):
    assert Anonymiser(REGISTER).apply(text) == expected


def test_case_forms_and_mutations_are_made_by_rule():
    assert declines("Petr Novák") and declines("Līga Bērziņa")
    assert {"elisce", "eliscin"} <= case_forms("eliska")
    assert {"petrovi", "horvathom"} <= case_forms("petr") | case_forms("horvath")
    assert "ligas" in case_forms("liga") and "janin" in case_forms("jana")
    assert {"virtasen", "virtaselle"} <= finnish_forms("virtanen")
    assert {"ainon", "ainolle", "mikon"} <= finnish_forms("aino") | finnish_forms("mikko")
    assert {"janicka", "janicko", "janinka"} <= diminutives("jana")
    assert mutations("sean") == {"shean": "h", "sheain": "h"}


PEOPLE = [
    RegisterEntry("Jana Nováková", "Mother"),
    RegisterEntry("Yosef Mendel Katz", "the GP"),
    RegisterEntry("Ruwan Kumara Wickramasinghe", "Class Teacher"),
    RegisterEntry("Harriet Ashworth-Okoro", "Maternal grandmother"),
    RegisterEntry("Alexandra Volkova", "Sibling 1"),
    RegisterEntry("Rivka Friedman", "the health visitor"),
]


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("Her mother, Janička, said no.", "Janička"),
        ("The GP, Yossele, came.", "Yossele"),
        ("The health visitor, Rivkale, came.", "Rivkale"),
        ("Her teacher, Wicky, rang.", "Wicky"),
        ("Nana Hattie rang.", "Hattie"),
        ("'Uncle Sasha hurt me,' she said.", "Sasha"),
    ],
)
def test_pet_names_of_other_languages_and_family_names_are_asked_about(text, asked):
    assert asked in {n.written for n in near_names_in(PEOPLE, text)}


@pytest.mark.parametrize(
    "text",
    ["Wiki pages were read.", "She read the Wiki page.", "The model was ready. Table 4."],
)
def test_ordinary_words_are_not_asked_about(text):
    assert near_names_in(PEOPLE, text) == []
