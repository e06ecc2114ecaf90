"""A review whose family and practitioners come from Azerbaijani, Bulgarian, Malayali, Hong Kong
Cantonese, Maltese, Kikuyu and Sylheti naming customs, and English given names that are places,
published in every format and exported through the command line as every kind of document
(overview, summary, brief, chronology, newsletter, annual report): nothing of them is left in
the file, and the places are kept where prose writes them as places ("moved to Devon in
2021", "Lincoln Road"). And the forms the last hunt left: a pet name of a name the table holds
under another spelling ("Natasha" of Natalia), Hungarian case endings on a name with no other
mark of the language ("Ildikót"), a pet name of a doubled syllable ("Duda"), a possessive with
no apostrophe ("Yusufs bag"); and words the last hunt took for names: "the rowan tree", "Page
4 of the plan", "went to Bolton on Saturday", and two officers who share a family name
printed as "Officer [name removed]"."""

from datetime import date

import pytest

from app.cli import main
from app.context import AppContext
from app.edits import apply_fields
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
from tests.publishing_leak18_case import CASE, ORDINARY, PLANTED, build_case, leaks
from tests.test_publishing_leak16 import _pdf_text

# Short, so that a page's header and footer seldom fall inside one.
KEPT = (
    "Devon County Council",
    "moved to Devon",
    "lived in Lincoln",
    "Lincoln Road was closed.",
    "ward sister",
)

case, test_nothing_of_anyone_is_left_in_the_file = read_back_tests(
    build_case, PLANTED + " " + ORDINARY, leaks, "Child R", KEPT
)


@pytest.fixture
def store_file(tmp_path):
    path = tmp_path / "store.db"
    with open_store(path) as store:
        ctx = AppContext(store, "Tester", today_override=TODAY)
        review = for_publication(ctx, build_case(ctx, tmp_path, PLANTED + " " + ORDINARY))
        # Signed off in the financial year 2026/27, so the annual report holds it.
        apply_fields(
            ctx, "review", review, {"sign_off_date": date(2026, 6, 1), "status": "published"}
        )
    return path


@pytest.mark.parametrize(
    "args",
    [
        ("summary", "--review", CASE["reference"]),
        ("brief", "--review", CASE["reference"]),
        ("overview", "--review", CASE["reference"]),
        ("chronology", "--review", CASE["reference"]),
        ("newsletter", "--reviews", CASE["reference"]),
        ("annual-report", "--year", "2026"),
    ],
    ids=["summary", "brief", "overview", "chronology", "newsletter", "annual-report"],
)
def test_the_exported_pdf_read_back_names_no_one(store_file, tmp_path, args):
    out = tmp_path / f"{args[0]}.pdf"
    code = main(["--db", str(store_file), "export", *args, "-o", str(out)])
    assert code == 0
    text = _pdf_text(out)
    assert leaks(text) == {}
    flat = " ".join(text.split())
    if args[0] == "annual-report":
        assert CASE["reference"] in flat  # the review is in it
    else:
        assert "Child R" in flat
    if args[0] in ("summary", "brief", "overview"):
        assert "moved to Devon" in flat
        assert "Lincoln Road was closed." in flat


# ---- the last hunt's leftovers ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("register", "text", "left"),
    [
        # A pet name the table holds under another spelling of the name
        ([RegisterEntry("Natalia Orlova", "Neighbour")], "Natasha helped.", "Natasha"),
        ([RegisterEntry("Natalia Orlova", "Neighbour")], "She told Natashka.", "Natashka"),
        ([RegisterEntry("Aleksandra Nowak", "Aunt")], "Shura came.", "Shura"),
        # A syllable of the name doubled, or doubled with the name's last vowel
        ([RegisterEntry("Maria Eduarda Lima", "Class Teacher")], "Duda taught.", "Duda"),
        ([RegisterEntry("Juliana Costa", "Mother")], "She told Juju.", "Juju"),
        ([RegisterEntry("Luiza Ramos", "Mother")], "Lulu rang.", "Lulu"),
    ],
)
def test_pet_names_are_not_published(register, text, left):
    out = published(register, text)
    assert left not in out
    assert "[name removed]" in out or register[0].descriptor in out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Hungarian case endings on a name whose only mark of the language is a long "ó"
        ("Ildikót hívtam.", "Social Worker 1 hívtam."),
        ("Ildikónak írtam.", "Social Worker 1 írtam."),
        ("Feketéék came.", "Social Worker 1 came."),
        ("Anikóval beszéltem.", "Neighbour beszéltem."),
        # A possessive written without its apostrophe
        ("Yusufs bag was left.", "Child Y's bag was left."),
        ("She took Yusufs coat.", "She took Child Y's coat."),
        ("Yusufs mum said no.", "Child Y's mum said no."),
    ],
)
def test_case_endings_and_possessives_without_an_apostrophe_are_found(text, expected):
    register = [
        RegisterEntry("Ildikó Fekete", "Social Worker 1"),
        RegisterEntry("Anikó Varga", "Neighbour"),
        RegisterEntry("Yusuf Bouzid", "Child Y"),
    ]
    assert Anonymiser(register).apply(text) == expected


WORDS = [
    RegisterEntry("Rowan Kendal", "Team Manager"),
    RegisterEntry("Page Turner", "Neighbour"),
    RegisterEntry("Mark Bolton", "Social Worker 2"),
    RegisterEntry("Jean Day", "Grandmother"),
    RegisterEntry("May Lin", "Aunt"),
]


@pytest.mark.parametrize(
    "text",
    [
        # A name's word in lower case between "the" and its noun
        "The rowan tree fell.",
        # A word before its number, at a sentence start or after a preposition
        "Page 4 of the plan was blank.",
        "It is on page 4. See Page 7.",
        "In May 2023 she moved.",
        # A town gone to with a time or a way of travelling, or written as a place elsewhere
        "They went to Bolton on Saturday.",
        "She came from Bolton by train.",
        "They moved to Bolton. Later they went to Bolton again.",
        # A plural word, not a possessive
        "Jeans were muddy.",
        "Days later she left.",
    ],
)
def test_ordinary_words_and_places_are_kept(text):
    assert Anonymiser(WORDS).apply(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rowan signed it off.", "Team Manager signed it off."),
        ("She told rowan.", "She told Team Manager."),
        ("Page said no.", "Neighbour said no."),
        ("She went to Bolton for help.", "She went to Social Worker 2 for help."),
        ("She went to Bolton.", "She went to Social Worker 2."),
        ("Bolton visited on Saturday.", "Social Worker 2 visited on Saturday."),
        ("the kowalski family", "the kowalski family"),
    ],
)
def test_the_person_is_still_found_beside_those_words(text, expected):
    assert Anonymiser(WORDS).apply(text) == expected


OFFICERS = [
    RegisterEntry("Liu Zihao", "Police Officer 1"),
    RegisterEntry("Liu Zixuan", "Police Officer 2"),
    RegisterEntry("Hansa Patel", "Mother"),
    RegisterEntry("Hitesh Patel", "Father"),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A family name two officers share: what both are, the role's words with it
        ("Officer Liu attended.", "A police officer attended."),
        ("She told Officer Liu.", "She told a police officer."),
        ("PC Liu came.", "A police officer came."),
        ("Officer Liu's notes were brief.", "A police officer's notes were brief."),
        # Each officer by their whole name or initials, as before
        ("Zihao Liu came.", "Police Officer 1 came."),
        ("Liu Z.X. attended.", "Police Officer 2 attended."),
        # Sharers of different roles: no one can be named
        ("Mrs Patel came.", "[name removed] came."),
    ],
)
def test_officers_sharing_a_family_name_are_printed_as_their_role(text, expected):
    assert Anonymiser(OFFICERS).apply(text) == expected


# ---- the eighteenth case's kinds ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("register", "text", "expected"),
    [
        # Letters with no accent to take off, as English spells them
        ([RegisterEntry("Elşən Məmmədov", "Father")], "Mr Mammadov came.", "Father came."),
        ([RegisterEntry("Elşən Məmmədov", "Father")], "Elshan came.", "Father came."),
        ([RegisterEntry("Marija Ħili", "Head Teacher")], "Mrs Hili wrote.", "Head Teacher wrote."),
        ([RegisterEntry("Kwabɛna Ɔpoku", "Uncle")], "Mr Opoku came.", "Uncle came."),
        # Kurmanji and Turkish "ş" written "sh" (asked about before as a near name)
        ([RegisterEntry("Rojîn Şêxo", "HV")], "She told Rojin Shexo.", "She told HV."),
        # Malayalam and Cantonese words joined to a name or after it with a hyphen
        ([RegisterEntry("Ancy Mathew Kurian", "HV")], "Ancymol visited.", "HV visited."),
        ([RegisterEntry("Jomon Varghese", "SW")], "Jomonchettan wrote.", "SW wrote."),
        ([RegisterEntry("Jomon Varghese", "SW")], "Jomon Chettan wrote.", "SW wrote."),
        ([RegisterEntry("Kelvin Chan Ka-wai", "PC 1")], "Wai-jai came.", "PC 1 came."),
    ],
)
def test_the_eighteenth_case_forms_are_found(register, text, expected):
    assert Anonymiser(register).apply(text) == expected


@pytest.mark.parametrize(
    ("register", "text", "left"),
    [
        # Bulgarian pet names of a first name
        ([RegisterEntry("Dimitar Georgiev Ivanov", "Neighbour")], "Mitko called.", "Mitko"),
        ([RegisterEntry("Dimitar Georgiev Ivanov", "Neighbour")], "She told Mitaka.", "Mitaka"),
        ([RegisterEntry("Yordan Petrov", "Uncle")], "Dancho called.", "Dancho"),
        ([RegisterEntry("Petar Ivanov", "Father")], "She told Pesho.", "Pesho"),
        # A Kikuyu pet name
        ([RegisterEntry("Wanjiru Kamau", "the GP")], "Shiro wrote.", "Shiro"),
    ],
)
def test_the_eighteenth_case_pet_names_are_not_published(register, text, left):
    out = published(register, text)
    assert left not in out


PLACES = [RegisterEntry("Devon Hartley", "Mother"), RegisterEntry("Lincoln Pryce", "TM")]


@pytest.mark.parametrize(
    "text",
    [
        "Devon County Council wrote.",
        "The family moved to Devon in 2021 and lived in Lincoln before that.",
        "Lincoln Road was closed.",
        "They went to Lincoln for the weekend.",
    ],
)
def test_a_given_name_that_is_a_place_is_kept_where_it_is_the_place(text):
    assert Anonymiser(PLACES).apply(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Devon said no.", "Mother said no."),
        ("The child returned to Devon.", "The child returned to Mother."),
        ("She went to Devon for help.", "She went to Mother for help."),
        ("Devon’s flat was cold.", "Mother’s flat was cold."),
    ],
)
def test_a_given_name_that_is_a_place_is_still_the_person_elsewhere(text, expected):
    assert Anonymiser(PLACES).apply(text) == expected


INTERPRETER_AND_GP = [
    RegisterEntry("Mohammed Kamal Uddin", "the interpreter"),
    RegisterEntry("Wanjiru Kamau", "the GP"),
    RegisterEntry("Elşən Məmmədov", "Father"),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Muhammad written short with a dot before the rest of the name
        ("Md. Kamal Uddin came.", "The interpreter came."),
        ("He saw Md. The end.", "He saw the interpreter. The end."),
        ("The MD signed.", "The MD signed."),
        # Kikuyu "wa" between a given name and a father's or family name
        ("Wanjiru wa Kamau wrote.", "The GP wrote."),
        # A name after a relationship word, with a letter of the IPA block ("ə")
        ("His father Elşən came.", "His father came."),
    ],
)
def test_names_written_short_or_linked_are_printed_once(text, expected):
    assert published(INTERPRETER_AND_GP, text) == expected


def test_a_bulgarian_pet_name_at_a_sentence_start_is_asked_about():
    register = [RegisterEntry("Dimitar Georgiev Ivanov", "Neighbour")]
    assert "Mitko" in {n.written for n in near_names_in(register, "Mitko said so.")}
