"""The anonymiser: every form of a registered name, and every kind of identifier."""

from datetime import date

import pytest

from app.publishing.anonymise import Anonymiser, find_identifiers, nhs_checksum_ok
from app.publishing.register import RegisterEntry


@pytest.fixture(scope="module")
def anonymiser():
    return Anonymiser(
        [
            RegisterEntry(
                "Lennon Marsh", "Child L", variants=("Len",), date_of_birth=date(2022, 3, 12)
            ),
            RegisterEntry("Kerry Marsh", "Mother"),
            RegisterEntry("Dean Walker-Boyd", "mother's partner"),
            RegisterEntry("Zoë Ní Bhriain", "the health visitor"),
            RegisterEntry("May Brown", "maternal grandmother"),
            RegisterEntry("Oakfield Primary School", "Primary School 1", kind="place"),
            RegisterEntry(
                "Flat 3, 12 Mill Lane", "the family home", kind="place", addresses=("12 Mill Lane",)
            ),
        ],
        keep=["LCSPR-2024-03"],
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lennon Marsh was seen.", "Child L was seen."),
        ("LENNON was seen.", "Child L was seen."),
        ("lennon was seen.", "Child L was seen."),
        ("Lennon's school.", "Child L's school."),
        ("Lennon’s school.", "Child L’s school."),
        ("Len came home.", "Child L came home."),
        ("Kerry said so.", "Mother said so."),
        ("Zoe Ni Bhriain visited.", "The health visitor visited."),  # accents dropped in typing
        ("Zoë visited.", "The health visitor visited."),
        ("ZOË NÍ BHRIAIN visited.", "The health visitor visited."),
        ("Dean Walker Boyd left.", "Mother's partner left."),  # hyphen written as a space
        ("Walker-Boyd left.", "Mother's partner left."),
        ("Boyd left.", "Mother's partner left."),
        ("Seen by D.W.B. and K.M.", "Seen by mother's partner and Mother"),  # initials
        ("The Marsh family.", "The [name removed] family."),  # a surname two people share
        ("She may attend; May said no.", "She may attend; maternal grandmother said no."),
        ("At Oakfield Primary School today.", "At Primary School 1 today."),
        ("Lived at 12 Mill Lane.", "Lived at [address removed]."),
        ("Born 12/03/2022.", "[date of birth removed]."),
        ("On 12 March 2022 a birth.", "On [date of birth removed] a birth."),
        (
            "Marshall and Lennonville are not names here.",
            "Marshall and Lennonville are not names here.",
        ),
        ("Review LCSPR-2024-03 found.", "Review LCSPR-2024-03 found."),
    ],
)
def test_names_in_every_form(anonymiser, text, expected):
    assert anonymiser.apply(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("His mother, Kerry Marsh, stayed.", "His mother stayed."),
        ("I spoke to his mother, Kerry.", "I spoke to his mother."),
        ("Her mother (Kerry Marsh) said so.", "Her mother said so."),
        ("Mother Kerry Marsh said so.", "Mother said so."),
        ("Kerry Marsh, his mother, said no.", "His mother said no."),
        ("We met Kerry, her mother.", "We met her mother."),
        ("The health visitor, Zoë Ní Bhriain, visited.", "The health visitor visited."),
        ("His mother Kerry's flat.", "His mother's flat."),
        # Not a description of the same person: the name is replaced as usual.
        ("Kerry, the mother of two, said so.", "Mother, the mother of two, said so."),
        ("His grandmother, Kerry, came.", "His grandmother, Mother, came."),
        ("The child, Lennon, was seen.", "The child, Child L, was seen."),
    ],
)
def test_a_name_beside_its_own_description_is_not_repeated(anonymiser, text, expected):
    assert anonymiser.apply(text) == expected


@pytest.mark.parametrize(
    ("text", "what"),
    [
        ("NHS 943 476 5919", "NHS number"),
        ("NHS 9434765919", "NHS number"),
        ("NI number AB 12 34 56 C", "National Insurance number"),
        ("at LL77 7TW", "postcode"),
        ("at sw1a 1aa", "postcode"),
        ("on 07700 900123", "phone number"),
        ("on (0161) 496 0000", "phone number"),
        ("on +44 7700 900123", "phone number"),
        ("mail kerry.m@example.org", "email"),
        ("crime ref CR/0123/19", "case or crime reference"),
        ("crime number 42/12345/20", "case or crime reference"),
        ("case number MASH-2019-00123", "case or crime reference"),
        ("DOB 01/02/2015", "date of birth"),
        ("date of birth: 1st February 2015", "date of birth"),
    ],
)
def test_identifiers_by_shape(text, what):
    [found] = find_identifiers(text)
    assert found.what == what
    assert found.text in text


@pytest.mark.parametrize(
    "text",
    [
        "NHS 943 476 5918",  # wrong check digit: not an NHS number
        "on 12/05/2016 at 10:30",  # a date and a time
        "Review LCSPR 2024",
        "IMR 12 and recommendation 3.2",
    ],
)
def test_what_is_not_an_identifier(text):
    assert find_identifiers(text) == []


def test_nhs_check_digit():
    assert nhs_checksum_ok("9434765919") and not nhs_checksum_ok("9434765918")
    assert not nhs_checksum_ok("123")


def test_a_long_text_is_anonymised_throughout(anonymiser):
    text = "Kerry took Lennon to school; postcode LL77 7TW. " * 20_000  # about 1 MB
    out = anonymiser.apply(text)
    assert out.count("Mother took Child L to school") == 20_000
    assert "Kerry" not in out and "LL77" not in out


def test_a_text_without_names_is_returned_as_it_is(anonymiser):
    text = "Nothing to change here."
    assert anonymiser.apply(text) is text


def test_a_number_in_a_registered_name_is_never_a_name_alone():
    anonymiser = Anonymiser([RegisterEntry("Kayden Marsh 20", "Person 20")])
    text = "On 20 March 2016, 20 minutes after the call, Kayden Marsh 20 was seen at home."
    assert anonymiser.apply(text) == (
        "On 20 March 2016, 20 minutes after the call, Person 20 was seen at home."
    )


def test_a_description_long_before_the_name_does_not_swallow_it():
    anonymiser = Anonymiser([RegisterEntry("Kerry Marsh", "Mother")])
    assert anonymiser.apply("His mother, Kerry Marsh, said so.") == "His mother said so."
    far = "His mother had called before. " * 20 + "Later Kerry Marsh said so."
    assert anonymiser.apply(far).endswith("Later Mother said so.")
