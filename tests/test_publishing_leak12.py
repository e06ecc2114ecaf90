"""A review whose family and practitioners come from Welsh, Russian, Greek, Ethiopian, Arabic,
Japanese, Korean, Italian, Scots and Irish naming customs, and English names that are ordinary
words, published in every format: nothing of them is left in the file. And the forms an
earlier round left: pet forms made of a syllable further into a name ("Detta" of Bernadette,
"Zimi" of Gëzim), one at the start of a sentence ("Zoli said"), pet names no piece of the name
makes ("Ferdie" of Fernando); while a name that is also a word in lower case ("the line
manager" where Line is someone's other name), a surname naming a street ("Campbell Road") and
a surname that is a faith, with words of religion after it ("about Islam and her faith"), are
left alone."""

import pytest

from app.publishing.anonymise import Anonymiser, mutations
from app.publishing.register import RegisterEntry
from tests.leak_planting import asked, near_names_in, read_back_tests
from tests.publishing_leak12_case import ORDINARY, PLANTED, build_case, leaks

case, test_nothing_of_anyone_is_left_in_the_file = read_back_tests(
    build_case,
    PLANTED + " " + ORDINARY,
    leaks,
    "Child G",
    ("She had hope and faith in the plan.", "the path rose up the hill to a white gate"),
)


def test_the_release_check_asks_about_pet_names_of_other_languages(ctx, case):
    near = asked(ctx, case)["near_name"]
    assert near >= {"Twm", "Dima", "Sasha", "Sashka", "Sashenka", "Peppe", "Beppe", "Páidí"}
    assert not near & {"MASH", "MARAC", "Hope", "Faith"}


REGISTER = [
    RegisterEntry("Ceri Pritchard", "Mother"),
    RegisterEntry("Tomos ap Dafydd", "Father"),
    RegisterEntry("Pádraig Ó Súilleabháin", "Neighbour"),
    RegisterEntry("Lachlan McIntyre", "Maternal grandfather"),
    RegisterEntry("Dmitri Aleksandrovich Volkov", "Mother's partner"),
    RegisterEntry("Kim Ji-woo", "Team Manager"),
    RegisterEntry("Marcia Campbell", "Maternal grandmother"),
    RegisterEntry("Adeline Okafor", "the GP", variants=("Line",)),
    RegisterEntry("Shahidul Islam", "Neighbour 2"),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Welsh soft mutation, aspirate mutation; Gaelic lenition
        ("Rhoddwyd y llyfr i Geri ddoe.", "Rhoddwyd y llyfr i Mother ddoe."),
        ("Daeth gan Domos.", "Daeth gan Father."),
        ("Siaradodd â Cheri a Thomos.", "Siaradodd â Mother a Father."),
        ("'Come in, a Phádraig,' she said.", "'Come in, a Neighbour,' she said."),
        ("Gareth wrote about Geri Halliwell.", "Gareth wrote about Geri Halliwell."),
        ("M'Intyre rang.", "Maternal grandfather rang."),
        ("Volkov D.A. was at work.", "Mother's partner was at work."),
        ("T. ap D. rang.", "Father rang."),
        ("JW signed it off.", "Team Manager signed it off."),
        ("Ceri Pritchad said no.", "Mother said no."),
        ("The line manager agreed, on line 4.", "The line manager agreed, on line 4."),
        ("Line rang the office.", "The GP rang the office."),
        ("She rang the pritchard family.", "She rang the Mother family."),
        ("The Campbell Road surgery.", "The Campbell Road surgery."),
        ("Mrs Campbell rang from Campbell Road.", "Maternal grandmother rang from Campbell Road."),
        # A faith's name with words of religion after it in the sentence
        ("She spoke about Islam and her faith.", "She spoke about Islam and her faith."),
        ("She spoke about Islam.", "She spoke about Neighbour 2."),
        ("A letter from Islam about the prayers.", "A letter from Neighbour 2 about the prayers."),
    ],
)
def test_mutated_initialled_misspelt_and_ordinary_forms(text, expected):
    assert Anonymiser(REGISTER).apply(text) == expected


def test_mutation_is_made_by_rule():
    assert mutations("ceri") == {"cheri": "h", "geri": "soft", "ngheri": "nasal"}
    assert mutations("gwenllian")["wenllian"] == "soft"
    assert mutations("llinos") == {"linos": "soft"}
    assert mutations("tomos")["nhomos"] == "nasal"


PEOPLE = [
    RegisterEntry("Tomos ap Dafydd", "Father"),
    RegisterEntry("Dmitri Volkov", "Mother's partner"),
    RegisterEntry("Aleksandra Volkova", "Sibling 1"),
    RegisterEntry("Giuseppe Esposito", "the interpreter"),
    RegisterEntry("Pádraig Ó Súilleabháin", "Neighbour"),
    RegisterEntry("Fernando Bautista", "Police Officer 1"),
    RegisterEntry("Bernadette Joyce McDonagh", "Mother"),
    RegisterEntry("Gëzim Hoxha", "Father's partner"),
    RegisterEntry("Gulalai Ahmadzai", "the GP"),
    RegisterEntry("Zoltán Horváth", "Social Worker 1"),
]


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("Her father, Twm, rang.", "Twm"),
        ("She lived with Dima and her mother.", "Dima"),
        ("She called her sister Sashka.", "Sashka"),
        ("It was for Sashenka, she said.", "Sashenka"),
        ("The interpreter, Peppe, came.", "Peppe"),
        ("The neighbour, Páidí, rang.", "Páidí"),
        ("Ferdie took the statement.", "Ferdie"),
        ("Detta said she would move on.", "Detta"),
        ("Zimi was seen by the police.", "Zimi"),
        ("Lali said the baby was well.", "Lali"),
        ("Zoli shouted at the dog.", "Zoli"),
    ],
)
def test_pet_names_of_other_languages_and_syllables_are_asked_about(text, asked):
    assert asked in {n.written for n in near_names_in(PEOPLE, text)}


@pytest.mark.parametrize(
    "text",
    [
        "Data shows the trend. The data was late.",
        "Later Line said so. The line manager agreed.",
        "Delta was the airline. Nada said the delta was dry.",
        "Stay and play was full.",
    ],
)
def test_ordinary_words_are_not_asked_about(text):
    people = [*PEOPLE, RegisterEntry("Adeline Okafor", "Aunt"), RegisterEntry("Stacey Hall", "X")]
    assert near_names_in(people, text) == []
