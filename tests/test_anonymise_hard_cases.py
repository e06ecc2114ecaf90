"""Hard cases for the anonymiser: names that are words, titles and initials, names broken over
lines, partial place names and addresses, dates of birth however written; and that what is
published still reads."""

from datetime import date

import pytest

from app.publishing.anonymise import Anonymiser
from app.publishing.dates import dates_in
from app.publishing.register import RegisterEntry


@pytest.fixture(scope="module")
def anonymiser():
    return Anonymiser(
        [
            RegisterEntry(
                "Siôn Llŷr O'Neill-D'Souza",
                "Child S",
                variants=("Xander",),
                date_of_birth=date(2019, 4, 3),
                addresses=("Flat 2, 9 Hope Street, Brackenford BF1 3LL",),
            ),
            RegisterEntry("Rebecca Hope Major", "Mother", variants=("Becky",)),
            RegisterEntry("Frank Young", "Mother's partner"),
            RegisterEntry("Bartłomiej Wiśniewski", "Social Worker 1"),
            RegisterEntry("Zoë D'Arcy", "Police Officer 1"),
            RegisterEntry("Jack-Tomás Smith", "Perpetrator"),
            RegisterEntry("Amara Okonkwo", "the GP"),
            RegisterEntry("Maple Street Primary School", "Primary School 1", kind="place"),
            RegisterEntry("Willowbank Care Home", "Care Home 1", kind="place"),
        ]
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Nothing of a name is left behind when initials and a name overlap.
        ("Z. D'Arcy attended.", "Police Officer 1 attended."),
        # A title or initials go with the name.
        ("Mr Young's neighbour called.", "Mother's partner's neighbour called."),
        ("F. Young declined; R. H. Major agreed.", "Mother's partner declined; Mother agreed."),
        ("PC 4471 D'Arcy attended.", "Police Officer 1 attended."),
        ("Her GP, Dr Okonkwo, referred her.", "Her GP referred her."),
        ("A. Okonkwo signed.", "The GP signed."),
        # The same person side by side, across a line break, or in an aside: printed once.
        ("SIÔN O'NEILL-D'SOUZA was seen.", "Child S was seen."),
        ("Siôn O'Neill was seen.", "Child S was seen."),
        ("Siôn\nO'Neill-D'Souza was seen.", "Child S was seen."),
        ("O'Neill-\nD'Souza was seen.", "Child S was seen."),
        ("Siôn (known as Xander) was seen.", "Child S was seen."),
        ("Xander (Siôn Llŷr) was seen.", "Child S was seen."),
        # Typed without the apostrophe, composed apart, split by an invisible character.
        ("ONeill-DSouza and O Neill were seen.", "Child S and Child S were seen."),
        ("Sio\u0302n was seen.", "Child S was seen."),
        (
            "Bart\u00adłomiej and Bart\u200błomiej visited.",
            "Social Worker 1 and Social Worker 1 visited.",
        ),
        # Possessives follow the descriptor.
        ("SIÔN'S school.", "Child S's school."),
        ("Jack-Tomás' mother spoke.", "Perpetrator's mother spoke."),
        # A role before a numbered descriptor is not said twice.
        ("Social worker Bartłomiej Wiśniewski visited.", "Social Worker 1 visited."),
        ("The social worker (Bartłomiej) visited.", "Social Worker 1 visited."),
        # Common words that are names: lower case is the word.
        ("There were major concerns.", "There were major concerns."),
        ("We hope Becky will attend.", "We hope Mother will attend."),
        # Places written short, addresses by their street line.
        ("She attended Maple Street Primary.", "She attended Primary School 1."),
        ("She moved to Willowbank.", "She moved to Care Home 1."),
        ("Willowbank Ca", "Care Home 1 Ca"),  # a name cut short
        ("Lived at Flat 2, 9 Hope Street.", "Lived at [address removed]."),
        ("Lived at 9 Hope Street.", "Lived at [address removed]."),
        # Dates of birth however they are written.
        ("Seen on 3rd April 2019.", "Seen on [date of birth removed]."),
        ("Seen on April 3, 2019.", "Seen on [date of birth removed]."),
        (
            "Seen on 03-04-2019 and 3.4.19.",
            "Seen on [date of birth removed] and [date of birth removed].",
        ),
        ("Seen on the 3rd of Apr. 2019.", "Seen on the [date of birth removed]."),
    ],
)
def test_hard_cases(anonymiser, text, expected):
    assert anonymiser.apply(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Brackenford Police attended.",  # a place's first word before another name
        "Seen on 4 April 2019 and 03/04/2020.",  # other dates
        "Version 1.2.3 of the policy.",
        "A major review; young people; a frank talk.",
    ],
)
def test_what_is_left_as_it_is(text):
    anonymiser = Anonymiser(
        [
            RegisterEntry("Brackenford Primary School", "Primary School 1", kind="place"),
            RegisterEntry("Kayla Major", "Child K", date_of_birth=date(2019, 4, 3)),
            RegisterEntry("Frank Young", "Father"),
        ]
    )
    assert anonymiser.apply(text) == text


def test_the_release_check_sees_a_title_with_its_name(anonymiser):
    (hit,) = anonymiser.find("Seen by Mr Young today.")
    assert (hit.text, hit.replacement) == ("Mr Young", "Mother's partner")


def test_dates_as_people_write_them():
    assert [d[2:] for d in dates_in("3/4/19, 2019-04-03, 3 April 2019, April 3rd, 2019")] == [
        (3, 4, 19),
        (3, 4, 2019),
        (3, 4, 2019),
        (3, 4, 2019),
    ]
