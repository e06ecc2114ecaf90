"""A review whose family and practitioners come from Ukrainian, Pakistani, Welsh, Scottish
Gaelic, Irish, Hungarian, Burmese and Georgian naming customs, and English names that are
ordinary words and places, published in every format and exported through the command line
(summary, learning brief, newsletter): nothing of them is left in the file, and the ordinary
words are kept where prose uses them as words ("Young people met", "Mark the date")."""

import pytest
from pypdf import PdfReader

from app.cli import main
from app.context import AppContext
from app.publishing.anonymise import Anonymiser
from app.publishing.register import RegisterEntry
from db.store import open_store
from tests.conftest import TODAY
from tests.leak_planting import for_publication, near_names_in, read_back_tests
from tests.publishing_leak16_case import CASE, ORDINARY, PLANTED, build_case, leaks

KEPT = (
    "Young people met at dawn.",
    "Young children need care at night.",
    "Mark the date in the diary.",
    "The fair was open and it was a fair hearing.",
)

case, test_nothing_of_anyone_is_left_in_the_file = read_back_tests(
    build_case, PLANTED + " " + ORDINARY, leaks, "Child O", KEPT
)


@pytest.fixture
def store_file(tmp_path):
    path = tmp_path / "store.db"
    with open_store(path) as store:
        ctx = AppContext(store, "Tester", today_override=TODAY)
        for_publication(ctx, build_case(ctx, tmp_path, PLANTED + " " + ORDINARY))
    return path


def _pdf_text(path) -> str:
    """The PDF's text as two readers get it: pypdf and pdfplumber, page by page (pdfplumber
    without the draft watermark's large letters, which it would put among the words)."""
    import pdfplumber

    parts = [page.extract_text() or "" for page in PdfReader(path).pages]
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            words = page.filter(lambda o: o.get("object_type") != "char" or o.get("size", 0) < 30)
            parts.append(words.extract_text(use_text_flow=True) or "")
    return "\n".join(parts)


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
    assert "Young people met at dawn." in flat
    assert "Mark the date in the diary." in flat


YOUNG = [RegisterEntry("Jack Young", "Maternal grandfather")]


@pytest.mark.parametrize(
    "text",
    [
        # A word that is also a family's name, at a sentence start, before a word it goes with
        "Young people met on the ward.",
        "The visit ended. Young children were in the house.",
        "Young carers met on Friday.",
        '"Young people need a voice," she said.',
    ],
)
def test_an_ordinary_word_that_begins_a_sentence_is_kept(text):
    assert Anonymiser(YOUNG).apply(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The family's name at a sentence start before what it does is still the person
        ("Young said he saw it.", "Maternal grandfather said he saw it."),
        ("Young phoned twice.", "Maternal grandfather phoned twice."),
        ("Young then rang.", "Maternal grandfather then rang."),
        ("Young and his wife came.", "Maternal grandfather and his wife came."),
        ("Young says he is fine.", "Maternal grandfather says he is fine."),
        ("Young’s flat was cold.", "Maternal grandfather’s flat was cold."),
        ("Young mum rang.", "Maternal grandfather mum rang."),
        ("Young bit the officer.", "Maternal grandfather bit the officer."),
        ("Later, Young people", "Later, Maternal grandfather people"),
        ("Mr Young people", "Maternal grandfather people"),
        # A title's or an initial's dot ends no sentence
        ("Mr. Young people", "Maternal grandfather people"),
        ("Seen by Sgt. Young today.", "Seen by Maternal grandfather today."),
        ("J. Young children were seen.", "Maternal grandfather children were seen."),
    ],
)
def test_the_family_name_at_a_sentence_start_is_still_found(text, expected):
    assert Anonymiser(YOUNG).apply(text) == expected


def test_a_given_name_that_is_a_word_is_kept_before_what_it_means():
    register = [RegisterEntry("Mark Bolton", "Team Manager")]
    assert Anonymiser(register).apply("Mark the date.") == "Mark the date."
    assert Anonymiser(register).apply("Mark rang.") == "Team Manager rang."


REGISTER = [
    RegisterEntry("Tamar Gelashvili", "the interpreter"),
    RegisterEntry("Tímea Szalai", "Maternal aunt"),
    RegisterEntry("Màiri MacAulay", "Class Teacher"),
    RegisterEntry("Caoimhe Ní Bhraonáin", "Youth Worker"),
    RegisterEntry("Mohammed Tariq Hussain", "Father"),
    RegisterEntry("Bethan Mair Prosser", "Stepmother"),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A Georgian pet name that drops the vowel before the name's last consonant
        ("Tamriko helped with the shopping.", "The interpreter helped with the shopping."),
        # Hungarian pet names, with the aunt's "néni" after them
        ("Timi néni came.", "Maternal aunt came."),
        ("Timike rang.", "Maternal aunt rang."),
        # A Gaelic given name lenited is a name on its own
        ("Mhairi rang.", "Class Teacher rang."),
        ("Mhàiri said so.", "Class Teacher said so."),
        ("Chaoimhe helped.", "Youth Worker helped."),
        # Muhammad written short
        ("Mohd Tariq came.", "Father came."),
        # A Welsh middle name mutated after "ei" that is also an English word
        ("Dywedodd ei Fair.", "Dywedodd ei Stepmother."),
        ("The fair was open.", "The fair was open."),
    ],
)
def test_pet_lenited_and_short_forms_are_found(text, expected):
    assert Anonymiser(REGISTER).apply(text) == expected


@pytest.mark.parametrize(
    ("register", "text", "asked"),
    [
        # "w" for "v", as Polish and German romanise Ukrainian
        ([RegisterEntry("Oleksandra Kovalenko", "Child O")], "Ms Kowalenko rang.", "Kowalenko"),
        # A second name spelled otherwise after a first spelled otherwise
        (
            [RegisterEntry("Mohammed Tariq Hussain", "Father")],
            "Muhammed Hussein came.",
            "Hussein",
        ),
    ],
)
def test_near_names_are_asked_about(register, text, asked):
    assert asked in {n.written for n in near_names_in(register, text)}


def test_a_title_of_another_language_before_a_name_is_not_asked_about():
    register = [
        RegisterEntry("Khin Myat Noe", "the health visitor"),
        RegisterEntry("Dawn Chester", "Neighbour"),
    ]
    assert "Daw" not in {n.written for n in near_names_in(register, "Daw Khin came.")}


def test_a_name_broken_with_a_hyphen_across_two_rows_is_found():
    """A glossary or list line that ends "Kova-" and the next that begins "lenko": each is a
    row of its own by the time it is anonymised."""
    from app.publishing.transforms import protect

    register = [RegisterEntry("Oleksandra Kovalenko", "Child O")]
    rows = (("MASH", "The hub. Kova-"), ("lenko cried. Photo 3", "At the door."))
    out = protect(rows, marking=None, anonymiser=Anonymiser(register))
    assert out == (("MASH", "The hub. Child O"), ("cried. Photo 3", "At the door."))


DOUBLE = [
    RegisterEntry("Iryna Ashworth-Kovalenko", "Mother"),
    RegisterEntry("Mark Bolton", "Team Manager"),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A double-barrelled family name's initials keep their hyphen
        ("I.A-K. signed.", "Mother signed."),
        ("Ms A-K rang.", "Mother rang."),
        ("Mrs Ashworth-K. rang.", "Mother rang."),
        # The family name first, a comma, the initial
        ("Seen by Bolton, M. on Monday.", "Seen by Team Manager on Monday."),
        # Ranges of letters are no one
        ("Files A-K are in the cabinet.", "Files A-K are in the cabinet."),
    ],
)
def test_initials_of_a_double_barrelled_name_and_after_a_comma(text, expected):
    assert Anonymiser(DOUBLE).apply(text) == expected


def test_a_lenited_gaelic_name_spelled_otherwise_is_asked_about():
    register = [RegisterEntry("Màiri MacAulay", "Class Teacher")]
    assert "Mhari" in {n.written for n in near_names_in(register, "Mhari rang the school.")}


PLACES_AND_WORDS = [
    RegisterEntry("Dawn Chester", "Neighbour"),
    RegisterEntry("Mark Bolton", "Team Manager"),
]


@pytest.mark.parametrize(
    "text",
    [
        # A family's name that is also a place, naming a place's zoo, museum or station
        "The Chester Zoo trip was fun.",
        "They went to the Bolton Museum on Friday.",
    ],
)
def test_a_place_that_shares_a_family_name_is_kept_before_what_it_names(text):
    assert Anonymiser(PLACES_AND_WORDS).apply(text) == text


def test_a_person_before_a_place_word_is_still_found():
    assert (
        Anonymiser(PLACES_AND_WORDS).apply("Ms Chester’s council flat")
        == "Neighbour’s council flat"
    )


@pytest.mark.parametrize("written", ["Dawnie", "Markie"])
@pytest.mark.parametrize("sentence", ["{} rang the school.", "She told {} about it."])
def test_the_whole_first_name_with_a_pet_ending_is_asked_about(written, sentence):
    register = [*PLACES_AND_WORDS, RegisterEntry("Jack Young", "Maternal grandfather")]
    assert written in {n.written for n in near_names_in(register, sentence.format(written))}
