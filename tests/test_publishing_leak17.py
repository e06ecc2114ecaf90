"""A review whose family and practitioners come from Gujarati, Hausa, Algerian, Sorani
Kurdish, Tigrinya, Chinese, Brazilian and Ghanaian naming customs, and English names that are
ordinary words and a town, published in every format and exported through the command line:
nothing of them is left in the file, and the ordinary words are kept where prose uses them as
words ("Banks were shut", "moved to Preston"). And the forms the last hunt left: pet names of
a name spelled otherwise, Spanish "-cita", Slavic "-sya", Georgian pet names, Hungarian case
endings; a family name used as a town, a word before a plural noun."""

import pytest

from app.cli import main
from app.context import AppContext
from app.publishing.anonymise import Anonymiser
from app.publishing.register import RegisterEntry
from db.store import open_store
from tests.conftest import TODAY
from tests.leak_planting import (
    for_publication,
    near_names_in,
    published,
    read_back_tests,
)
from tests.publishing_leak17_case import CASE, ORDINARY, PLANTED, build_case, leaks
from tests.test_publishing_leak16 import _pdf_text

KEPT = (
    "Sterling work was done by the school.",
    "Banks were shut on Monday.",
    "The family moved to Preston in May and Preston Council wrote.",
    "Dale walks were planned.",
    "The river banks flooded.",
)

case, test_nothing_of_anyone_is_left_in_the_file = read_back_tests(
    build_case, PLANTED + " " + ORDINARY, leaks, "Child A", KEPT
)


@pytest.fixture
def store_file(tmp_path):
    path = tmp_path / "store.db"
    with open_store(path) as store:
        ctx = AppContext(store, "Tester", today_override=TODAY)
        for_publication(ctx, build_case(ctx, tmp_path, PLANTED + " " + ORDINARY))
    return path


@pytest.mark.parametrize(
    "args",
    [
        ("summary", "--review", CASE["reference"]),
        ("brief", "--review", CASE["reference"]),
        ("overview", "--review", CASE["reference"]),
        ("newsletter", "--reviews", CASE["reference"]),
    ],
    ids=["summary", "brief", "overview", "newsletter"],
)
def test_the_exported_pdf_read_back_names_no_one_and_keeps_the_words(store_file, tmp_path, args):
    out = tmp_path / f"{args[0]}.pdf"
    code = main(["--db", str(store_file), "export", *args, "-o", str(out)])
    assert code == 0
    text = _pdf_text(out)
    assert leaks(text) == {}
    flat = " ".join(text.split())
    assert "Banks were shut on Monday." in flat
    assert "moved to Preston in May" in flat


@pytest.mark.parametrize(
    ("register", "text", "left"),
    [
        # A pet name from the table, of the name as another language spells it
        ([RegisterEntry("Svitlana Melnyk", "Mother")], "Sveta said she was tired.", "Sveta"),
        ([RegisterEntry("Svitlana Melnyk", "Mother")], "She told Sveta.", "Sveta"),
        # Spanish "-cita" on a name ending in a consonant; "-ita" on a table's short form
        ([RegisterEntry("Carmen Ortega", "PO")], "Carmencita rang.", "Carmencita"),
        ([RegisterEntry("Guadalupe Flores", "PO")], "Lupita rang.", "Lupita"),
        # Ukrainian "-sya" on the name's first syllables
        ([RegisterEntry("Oleksandra Kovalenko", "Child O")], "Olesya rang.", "Olesya"),
        # A short given name with a Portuguese pet ending
        ([RegisterEntry("Ana Clara Souza", "Class Teacher")], "Aninha rang.", "Aninha"),
        # French transliteration of an Arabic name ("ou" for "w")
        ([RegisterEntry("Wahiba Benali", "SW")], "She told Ouahiba.", "Ouahiba"),
        # Hausa pet names and Akan day names in their other forms
        ([RegisterEntry("Hadiza Bello", "Neighbour")], "Dije called.", "Dije"),
        ([RegisterEntry("Kojo Mensah", "TM")], "Kwadwo Mensah signed.", "Kwadwo"),
        ([RegisterEntry("Kojo Mensah", "TM")], "She told Jojo.", "Jojo"),
    ],
)
def test_pet_names_and_other_forms_are_not_published(register, text, left):
    out = published(register, text)
    assert left not in out
    assert "[name removed]" in out or register[0].descriptor in out


GEORGIAN_AND_HUNGARIAN = [
    RegisterEntry("Ketevan Japaridze", "Neighbour"),
    RegisterEntry("Tamar Gelashvili", "the interpreter"),
    RegisterEntry("Tímea Szalai", "Maternal aunt"),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Georgian pet names of a given name's first syllable
        ("Ketino rang.", "Neighbour rang."),
        ("Ketuna came.", "Neighbour came."),
        ("Tako came.", "The interpreter came."),
        ("Tamuna came.", "The interpreter came."),
        # Hungarian case endings on a name and on its pet name
        ("Láttam Tímeát.", "Láttam Maternal aunt."),
        ("Tímeával beszéltem.", "Maternal aunt beszéltem."),
        ("Tímeának írtam.", "Maternal aunt írtam."),
        ("Timinek szóltam.", "Maternal aunt szóltam."),
        ("Szalaiék came.", "Maternal aunt came."),
    ],
)
def test_georgian_pet_names_and_hungarian_cases_are_found(text, expected):
    assert Anonymiser(GEORGIAN_AND_HUNGARIAN).apply(text) == expected


GUJARATI = [
    RegisterEntry("Aarav Hitesh Patel", "Child A"),
    RegisterEntry("Hansa Patel", "Mother"),
    RegisterEntry("Hitesh Kumar Patel", "Father"),
    RegisterEntry("Liu Zihao", "Police Officer 1"),
    RegisterEntry("Liu Zixuan", "Police Officer 2"),
    RegisterEntry("Wahiba Benali", "Social Worker 1"),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A word of respect or kinship joined to a given name, or after it with a hyphen
        ("Hiteshbhai came.", "Father came."),
        ("Hansaben rang.", "Mother rang."),
        ("Hansa-ben rang.", "Mother rang."),
        # The initials beside a family name several people share say who it is
        ("Mr H.K. Patel came.", "Father came."),
        ("Liu Z.X. attended.", "Police Officer 2 attended."),
        # A Maghrebi family name written apart
        ("Ben Ali wrote.", "Social Worker 1 wrote."),
        ("Ben-Ali wrote.", "Social Worker 1 wrote."),
    ],
)
def test_joined_words_initials_and_names_written_apart(text, expected):
    assert Anonymiser(GUJARATI).apply(text) == expected


TOWNS_AND_WORDS = [
    RegisterEntry("Mark Bolton", "Team Manager"),
    RegisterEntry("Hunter Bell", "Neighbour 2"),
    RegisterEntry("Sterling Banks", "Maternal grandfather"),
]


@pytest.mark.parametrize(
    "text",
    [
        # A family name that is also a town, written as a place
        "She moved to Bolton in May.",
        "They lived in Bolton for a year.",
        "Bolton Council wrote to the school.",
        # A word before a plural noun and a plural verb
        "Hunter wellies were by the door.",
        "Banks were shut on Monday.",
        "The river banks flooded.",
    ],
)
def test_a_town_and_words_that_are_family_names_are_kept(text):
    assert Anonymiser(TOWNS_AND_WORDS).apply(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The person, spoken to, written with an "'s", after a title, or saying
        ("She spoke to Bolton.", "She spoke to Team Manager."),
        ("The child was in Bolton’s care.", "The child was in Team Manager’s care."),
        ("She moved to Mr Bolton's flat.", "She moved to Team Manager's flat."),
        ("Hunter says he is fine.", "Neighbour 2 says he is fine."),
        ("Hunter says were hungry.", "Neighbour 2 says were hungry."),
        ("Banks said he saw it.", "Maternal grandfather said he saw it."),
        ("A call from Bolton came.", "A call from Team Manager came."),
    ],
)
def test_the_person_is_still_found_beside_those_words(text, expected):
    assert Anonymiser(TOWNS_AND_WORDS).apply(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Sveta rang.",
        "She told Sveta about it.",
        # After a sentence's opening adverb or conjunction the capital is the name's own
        "Later Sveta rang.",
        "When Sveta came home she cried.",
    ],
)
def test_a_pet_name_of_a_name_spelled_otherwise_is_asked_about(text):
    register = [RegisterEntry("Svitlana Melnyk", "Mother")]
    assert "Sveta" in {n.written for n in near_names_in(register, text)}


@pytest.mark.parametrize("text", ["The summary said: Aa- rav cried.", "Aa-\nrav cried."])
def test_a_name_broken_with_a_hyphen_and_its_line_break_made_a_space_is_found(text):
    out = Anonymiser([RegisterEntry("Aarav Hitesh Patel", "Child A")]).apply(text)
    assert "rav" not in out and "Child A cried." in out


def test_a_hyphen_before_a_space_in_prose_is_kept():
    register = [RegisterEntry("Aarav Hitesh Patel", "Child A")]
    text = "Short- and long-term plans; pre- and post-natal care."
    assert Anonymiser(register).apply(text) == text
