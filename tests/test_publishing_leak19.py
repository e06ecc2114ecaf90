"""A review whose family and practitioners come from Azerbaijani, Icelandic, Lithuanian and
Nigerian English naming customs, with English given names that are also words and places,
published in every format: nothing of them is left in the file, and the words and places are
kept where prose writes them so ("the floor was shiny", "given in kelvin", "Sydney Harbour").
And the forms the last hunt left: Azerbaijani and Turkish case and possessive endings on a name
with no apostrophe ("Ayselin"), an Icelandic daughter's "-dóttir" of a registered "-sson", a
user name of the person's own name printed as the person ("@lincoln_pryce"), "Evans" where Evan
is someone's given name, "went to Bolton with her mum" where Bolton is a social worker, and an
officer of two who share a family name named by the given name in brackets. And the kinds
this hunt found: an initial after a family name with no dot ("Guliyeva A wrote"), honorifics
after an Azerbaijani or Persian name ("Aysel xanım"), a possessive with no apostrophe before a
plural noun ("Nadias notes were brief"), full-width letters, a family with "s" and no "the"
("Petrovs came")."""

import pytest

from app.publishing.anonymise import Anonymiser
from app.publishing.register import RegisterEntry
from tests.leak_planting import near_names_in, published, read_back_tests
from tests.publishing_leak19_case import ORDINARY, PLANTED, build_case, leaks

KEPT = ("The floor was shiny.", "given in kelvin", "Sydney Harbour")

case, test_nothing_of_anyone_is_left_in_the_file = read_back_tests(
    build_case, PLANTED + " " + ORDINARY, leaks, "Child A", KEPT
)


# ---- the last hunt's leftovers ---------------------------------------------------------------

AZERI = [
    RegisterEntry("Aysel Guliyev", "Mother"),
    RegisterEntry("Elşən Məmmədov", "Father"),
    RegisterEntry("Emin Yılmaz", "Uncle"),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Case, possessive and pet endings written on the name with no apostrophe
        ("Ayselin bag was found.", "Mother bag was found."),
        ("Ayselcan came.", "Mother came."),
        ("Ayseldən xəbər gəldi.", "Mother xəbər gəldi."),
        ("Ayselle konuştum.", "Mother konuştum."),
        ("Elşənin maşını.", "Father maşını."),
        ("Elshanin car was outside.", "Father car was outside."),
        ("Məmmədovların evi.", "Father evi."),
        ("Eminin car was outside.", "Uncle car was outside."),
        ("Emini came.", "Uncle came."),
        # The wife's form of the family name, as before
        ("Mrs Guliyeva came.", "Mother came."),
        # Words that begin with the name are not it
        ("The mining town.", "The mining town."),
    ],
)
def test_turkic_case_endings_and_pet_endings_are_found(text, expected):
    assert Anonymiser(AZERI).apply(text) == expected


@pytest.mark.parametrize(
    ("register", "text", "left"),
    [
        ([RegisterEntry("Jon Einarsson", "Father")], "Anna Einarsdóttir came.", "Einarsd"),
        ([RegisterEntry("Jon Einarsson", "Father")], "Einarsdottir came.", "Einarsdottir"),
        ([RegisterEntry("Ari Magnusson", "Uncle")], "Magnusdottur wrote.", "Magnusdottur"),
        ([RegisterEntry("Ivan Petrov", "Uncle")], "Petrovs came.", "Petrovs"),
        ([RegisterEntry("Jan Kowalski", "Father")], "Kowalskis were told.", "Kowalskis"),
    ],
)
def test_the_other_sex_forms_and_families_are_not_published(register, text, left):
    out = published(register, text)
    assert left not in out
    assert "[name removed]" in out or register[0].descriptor in out


WORDS = [
    RegisterEntry("Shiny Thomas", "Mother"),
    RegisterEntry("Sydney Clark", "Father"),
    RegisterEntry("Kelvin Moss", "Social Worker 1"),
    RegisterEntry("Amber Lowe", "Aunt"),
    RegisterEntry("Matt Hale", "Team Manager"),
]


@pytest.mark.parametrize(
    "text",
    [
        "The floor was shiny.",
        "The floor was very shiny and wet.",
        "It was given in kelvin.",
        "Temperatures were recorded in kelvin, not Celsius.",
        "The beads were made of amber.",
        "They walked by Sydney Harbour.",
        "She liked Maths.",
    ],
)
def test_ordinary_words_in_lower_case_and_places_are_kept(text):
    assert published(WORDS, text) == text
    assert near_names_in(WORDS, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Shiny came.", "Mother came."),
        ("She told shiny.", "She told Mother."),
        ("It was kelvin who rang.", "It was Social Worker 1 who rang."),
        ("Sydney said no.", "Father said no."),
        ("Kelvin wrote.", "Social Worker 1 wrote."),
    ],
)
def test_the_person_is_still_found_beside_those_words(text, expected):
    assert Anonymiser(WORDS).apply(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("She messaged @lincoln_pryce on X.", "She messaged TM on X."),
        ("@LincolnPryce replied.", "TM replied."),
        ("She tagged @lincoln.pryce in it.", "She tagged TM in it."),
        ("She tagged @LPryce in it.", "She tagged TM in it."),
        # A user name with another word in it is not the person's: it goes whole
        ("@TeamPryce posted.", "[user name removed] posted."),
    ],
)
def test_a_user_name_of_a_persons_own_name_prints_the_person(text, expected):
    register = [RegisterEntry("Lincoln Pryce", "TM")]
    assert published(register, text) == expected


EVAN = [RegisterEntry("Evan Hughes", "Social Worker 1"), RegisterEntry("Mark Bolton", "SW 2")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "Evans" is a family name of its own: no one is printed
        ("The Evans report was late.", "The [name removed] report was late."),
        # Another family's name, not Evan's: left to the release check, as any other
        ("Evans said no.", "Evans said no."),
        # Evan's own possessive, as before
        ("Evan's report was late.", "Social Worker 1's report was late."),
        # Going to a person with someone, as to a town
        ("She went to Bolton with her mum.", "She went to SW 2 with her mum."),
        ("She went to Bolton with her friends.", "She went to SW 2 with her friends."),
        # A town gone to with the school is the town
        ("They went to Bolton with the school.", "They went to Bolton with the school."),
    ],
)
def test_a_given_name_with_s_and_a_family_name_gone_to(text, expected):
    assert published(EVAN, text) == expected


OFFICERS = [
    RegisterEntry("Liu Zihao", "Police Officer 1"),
    RegisterEntry("Liu Zixuan", "Police Officer 2"),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Officer Liu (Zihao) attended.", "Police Officer 1 attended."),
        ("PC Liu (Zixuan) came.", "Police Officer 2 came."),
        ("She told Officer Liu (Zixuan).", "She told Police Officer 2."),
        # A name in brackets that is neither's: both, as before
        ("Officer Liu (Bob) came.", "A police officer (Bob) came."),
        ("Officer Liu came.", "A police officer came."),
    ],
)
def test_an_officer_named_by_the_given_name_in_brackets(text, expected):
    assert Anonymiser(OFFICERS).apply(text) == expected


# ---- the nineteenth case's kinds --------------------------------------------------------------

PEOPLE = [
    RegisterEntry("Aysel Guliyeva", "Mother"),
    RegisterEntry("Priya Chaudhary", "SW"),
    RegisterEntry("Nadia Okafor", "HV"),
    RegisterEntry("Elşən Məmmədov", "Father"),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An initial after a family name with no dot, as sign-offs and minutes write it
        ("Guliyeva A wrote.", "Mother wrote."),
        ("GULIYEVA A said so.", "Mother said so."),
        ("Signed: Chaudhary P", "Signed: SW"),
        ("Okafor N (HV) said.", "HV (HV) said."),
        ("Nadia O said so.", "HV said so."),
        ("From: Aysel G <ag@x.example>", "From: Mother <[email removed]>"),
        ("Guliyeva,A. signed.", "Mother signed."),
        # "I" before a word is the writer
        ("Nadia I think said so.", "HV I think said so."),
    ],
)
def test_an_initial_after_a_name_with_no_dot_goes_with_it(text, expected):
    assert Anonymiser(PEOPLE).apply(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Aysel xanım came.", "Mother came."),
        ("Aysel Khanum came.", "Mother came."),
        ("Elşən bəy came.", "Father came."),
        ("Elshan muallim came.", "Father came."),
        ("Elşən müəllim said so.", "Father said so."),
    ],
)
def test_azerbaijani_and_persian_words_of_respect_go_with_the_name(text, expected):
    assert Anonymiser(PEOPLE).apply(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nadias notes were brief.", "HV's notes were brief."),
        ("Priyas visits were short.", "SW's visits were short."),
        # A plural noun with no verb of the plural after it: nothing to say so
        ("Priyas.", "Priyas."),
    ],
)
def test_a_possessive_with_no_apostrophe_before_a_plural_noun(text, expected):
    assert Anonymiser(PEOPLE).apply(text) == expected


@pytest.mark.parametrize(
    "text", ["Ａｙｓｅｌ came.", "ＧＵＬＩＹＥＶＡ came.", "Ｍｓ Ｃｈａｕｄｈａｒｙ came."]
)
def test_full_width_letters_are_read_as_the_letters(text):
    out = Anonymiser(PEOPLE).apply(text)
    assert "came." in out
    assert out != text
    assert "Ａ" not in out and "Ｃ" not in out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Guliyev A wrote.", "Child A wrote."),
        ("Guliyev R said so.", "Father said so."),
    ],
)
def test_a_shared_family_name_with_an_initial_and_no_dot_is_the_one_it_fits(text, expected):
    register = [RegisterEntry("Aysel Guliyev", "Child A"), RegisterEntry("Ramil Guliyev", "Father")]
    assert Anonymiser(register).apply(text) == expected
