"""Names from many traditions, in the forms case systems and people write them: one focused
case per rule of the anonymiser and of the release check, with ordinary words left alone."""

from datetime import date

import pytest

from app.publishing.anonymise import Anonymiser, find_identifiers, place_forms
from app.publishing.dates import dates_in
from app.publishing.register import RegisterEntry
from app.publishing.release_check import _unregistered_hits


@pytest.fixture(scope="module")
def anonymiser():
    return Anonymiser(
        [
            RegisterEntry(
                "Rhys ap Gwilym",
                "Child R",
                variants=("Rhysie",),
                date_of_birth=date(2021, 5, 14),
                addresses=("Flat 7, Tŷ Gwyn Court, 3 Heol y Bryn, Caerwen",),
            ),
            RegisterEntry("Łukasz Wiśniewski", "Mother's partner"),
            RegisterEntry("Abdul-Rahman Al-Sayed", "Father"),
            RegisterEntry("Gurpreet Kaur", "Social Worker 1"),
            RegisterEntry("Oluwaseun Adébáyọ̀", "the health visitor"),
            RegisterEntry("Nguyễn Thị Lan", "Class Teacher"),
            RegisterEntry("Li Wei", "Police Officer 1"),
            RegisterEntry("Mark Young", "Team Manager"),
            RegisterEntry("Pieter van der Berg", "the paediatrician"),
            RegisterEntry("Gareth Price", "the head teacher"),
            RegisterEntry("Dáire O’Connell-Price", "Police Officer 2"),
            RegisterEntry("Tegan Hughes-McAllister", "Sibling 1"),
            RegisterEntry("Siobhán Ó Súilleabháin", "Mother"),
            RegisterEntry("Ysgol Gynradd Bryn Ŵyn", "Primary School 1", kind="place"),
            RegisterEntry("St Brigid's Catholic Primary School", "Primary School 2", kind="place"),
        ]
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Letters whose accents have no composed form, or sit outside Latin-1, typed plain.
        ("Oluwaseun Adebayo visited.", "The health visitor visited."),
        ("Adébáyọ̀ visited.", "The health visitor visited."),
        ("Nguyen Thi Lan and Ms Nguyễn came.", "Class Teacher and Class Teacher came."),
        # Surname first, as case systems write it.
        ("AL-SAYED, Abdul-Rahman attended.", "Father attended."),
        ("Seen by Kaur, Gurpreet.", "Seen by Social Worker 1."),
        ("AP GWILYM Rhys was seen.", "Child R was seen."),
        # A family's plural.
        ("At the Wiśniewskis' flat.", "At the Mother's partner's flat."),
        ("The Al-Sayeds moved.", "The Father moved."),
        # In a file's name or a web address: the whole of it goes.
        ("See Statement_Lukasz_Wisniewski_v2.docx today.", "See [file name removed] today."),
        ("At facebook.com/lukasz.wisniewski84 it says.", "At [web address removed] it says."),
        # Particles alone are no one.
        (
            "Van der Berg said; the van der Waals force.",
            "The paediatrician said; the van der Waals force.",
        ),
        # Initials read on the text without accents; undotted abbreviations are abbreviations.
        ("Ł.W. and L.W. were there.", "[name removed] and [name removed] were there."),
        ("G.K. and GK signed.", "Social Worker 1 and Social Worker 1 signed."),
        ("The GP and G.P. agreed.", "The GP and the head teacher agreed."),
        ("MY CHILD, MY VOICE", "MY CHILD, MY VOICE"),
        # A name that is a word starts the name of a service or a street: not the person.
        (
            "Young People's Services and Mark Lane Surgery",
            "Young People's Services and Mark Lane Surgery",
        ),
        ("Young came; Mark said so.", "Team Manager came; Team Manager said so."),
        # A short name part in a hyphenated word is part of the word.
        ("Li-ion batteries; Li attended.", "Li-ion batteries; Police Officer 1 attended."),
        # Places by their own name, whichever end says what kind of place they are.
        ("At Ysgol Bryn Ŵyn and Bryn Wyn.", "At Primary School 1 and Primary School 1."),
        ("At St Brigid's and St. Brigid’s Catholic.", "At Primary School 2 and Primary School 2."),
        # An address by its building.
        (
            "Lived at Tŷ Gwyn Court and Flat 7, Ty Gwyn Court.",
            "Lived at [address removed] and [address removed].",
        ),
        # Dates of birth as spreadsheets write them.
        (
            "Seen 14-May-2021, or 14/May/21.",
            "Seen [date of birth removed], or [date of birth removed].",
        ),
        # Run together, as transliterations, e-mail addresses and user names write it.
        ("Abdulrahman Alsayed and ALSAYED came.", "Father and Father came."),
        ("Vanderberg and apgwilym wrote.", "The paediatrician and Child R wrote."),
        # The initial of the rest of the name goes with it; another initial is someone else's.
        ("Seen by Gurpreet K. and Rhys G.", "Seen by Social Worker 1 and Child R."),
        ("Gurpreet A. came.", "Social Worker 1 A. came."),
        ("SOS and CID were called.", "SOS and CID were called."),
        # A nickname in quotes; an acute accent or a backtick typed for the apostrophe.
        ("Known as 'Rhysie' and ‘Rhysie’.", "Known as 'Child R' and ‘Child R’."),
        ("O´Connell-Price and O`Connell came.", "Police Officer 2 and Police Officer 2 came."),
        # Mac and Mc, Ó and O' are one name.
        ("MacAllister and O'Súilleabháin.", "Sibling 1 and Mother."),
        ("Macbeth and Mace are not.", "Macbeth and Mace are not."),
        # An initial without its dot before the name, when it is the name's.
        ("G Kaur and A Kaur came.", "Social Worker 1 and A Social Worker 1 came."),
        # Ordinary words in lower case.
        (
            "A shiv was found; young people will mark it.",
            "A shiv was found; young people will mark it.",
        ),
        ("The Marshes and the markets.", "The Marshes and the markets."),
    ],
)
def test_world_names(anonymiser, text, expected):
    assert anonymiser.apply(text) == expected


def test_place_forms_without_kind_words():
    assert {"bryn wyn", "ysgol bryn wyn"} <= set(place_forms("Ysgol Gynradd Bryn Ŵyn"))
    assert "st brigid's" in place_forms("St Brigid's Catholic Primary School")
    forms = place_forms("Flat 7, Tŷ Gwyn Court, 3 Heol y Bryn, Caerwen")
    assert {"ty gwyn court", "flat 7 ty gwyn court", "3 heol y bryn", "heol y bryn"} <= set(forms)
    assert "caerwen" not in forms and "flat 7" not in forms
    forms = place_forms("Apartment 12, The Maltings, 45-47 Station Road, Brackenford")
    assert {"the maltings", "maltings", "45 47 station road", "station road"} <= set(forms)
    assert "flat 2" not in place_forms("Flat 2, 9 Hope Street, Brackenford")
    assert "hope" not in place_forms("Hope House Care Home")


@pytest.mark.parametrize(
    ("text", "what"),
    [
        ("LCS person ID: 3345566", "case or crime reference"),
        ("Mosaic ID 8812345", "case or crime reference"),
        ("Mosaic 8812345", "case or crime reference"),
        ("UPN: H801200001234", "case or crime reference"),
        ("she, H801200001234, left", "unique pupil number"),
        ("DOB 14-May-2021", "date of birth"),
    ],
)
def test_case_system_identifiers(text, what):
    [found] = find_identifiers(text)
    assert found.what == what


@pytest.mark.parametrize("text", ["IMR 12 and recommendation 3.2", "person 2 of 3", "ID 12"])
def test_what_is_still_not_an_identifier(text):
    assert find_identifiers(text) == []


def test_dates_as_spreadsheets_write_them():
    assert [d[2:] for d in dates_in("14-May-2021, 2/Jun/20 and 3.Sept.2019")] == [
        (14, 5, 2021),
        (2, 6, 20),
        (3, 9, 2019),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Her partner Łukasz Nowak stayed.",  # a registered first name, another person
        "Her friend Siobhán Ó Briain called.",
        "The social worker, Nguyễn Văn Minh, visited.",
        "Dr van der Merwe saw him.",
        "PC Ó Ceallaigh attended.",
        "His uncle Adébáyọ̀ Ogunleye came.",
        "Her cousin Ġużeppi Borg came.",
        "Her partner DARREN KEMP stayed.",
        "The health visitor, de la Fuente, visited.",
        "His aunt Ngozi Okafor-McBride called.",
    ],
)
def test_release_check_sees_unregistered_names_of_every_shape(anonymiser, text):
    assert _unregistered_hits(text, "here", "section", anonymiser)


@pytest.mark.parametrize(
    "text",
    [
        "His father AL-SAYED, Abdul-Rahman came.",
        "Her partner Łukasz's car.",
        "Her half-sister, Baby Wiśniewski, was born.",
        "Her mother THE SOCIAL WORKER said.",
        "The social worker, Kaur, visited.",
    ],
)
def test_release_check_does_not_flag_registered_or_generic_words(anonymiser, text):
    assert _unregistered_hits(text, "here", "section", anonymiser) == []


def test_a_reference_is_read_like_any_text():
    from app.publishing.transforms import protect
    from reports.review_document_data import ReviewDocument

    reference = "CSPR-2026-77-GWILYM"
    anonymiser = Anonymiser([RegisterEntry("Rhys ap Gwilym", "Child R")], keep=[reference])
    document = ReviewDocument(
        kind="overview",
        kind_label="Overview Report",
        title="Child R",
        review_reference=reference,
        review_type="Local Child Safeguarding Practice Review",
        subject="Child R",
        partnership="Caerwen Safeguarding Children Partnership",
        author="",
        version_label="Draft 1",
        date_label="1 June 2026",
        protective_marking="",
        draft=True,
        sections=(),
    )
    published = protect(document, marking="", anonymiser=anonymiser)
    assert published.review_reference == "CSPR-2026-77-Child R"
    plain = protect(
        document.__class__(**{**document.__dict__, "review_reference": "CSPR-2026-77"}),
        marking="",
        anonymiser=Anonymiser([RegisterEntry("Rhys ap Gwilym", "Child R")], keep=["CSPR-2026-77"]),
    )
    assert plain.review_reference == "CSPR-2026-77"
