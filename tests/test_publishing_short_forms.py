"""A review whose register holds the names as written on the family's records, and whose text
uses the names people say: short forms ("Alfie", "Bex", "Kaz", "Jimmy"), other spellings
("Kathryn", "Shivaun"), initials ("Mrs K.", "M.A. Chaudhry"), a name broken over a line, dates
of birth, addresses and NHS numbers in further forms. Published in every format, nothing of
them is left in the file; the release check asks about each form the register does not hold;
ordinary words that look like them are kept."""

import pytest

from app.publishing.anonymise import Anonymiser
from app.publishing.near_names import near_names, sound_key, sounds_alike
from app.publishing.register import RegisterEntry
from app.publishing.release_check import check_publication
from tests.leak_planting import every_published_file, for_publication, published_text
from tests.publishing_leak8_case import KEPT, ORDINARY, PLANTED, build_case, leaks


@pytest.fixture
def case(ctx, tmp_path):
    return for_publication(ctx, build_case(ctx, tmp_path, PLANTED + " " + ORDINARY))


@every_published_file
def test_nothing_of_anyone_is_left_in_the_file(ctx, case, tmp_path, kind, suffix):
    text = published_text(ctx, case, kind, tmp_path / f"{kind}{suffix}")
    assert leaks(text) == {}
    assert "Child A" in text
    flat = " ".join(text.split())
    for kept in KEPT:  # a street, a shop and words that look like the names
        assert kept in flat


def test_the_release_check_asks_about_every_form_the_register_lacks(ctx, case):
    result = check_publication(ctx, case, "summary")
    near = {h.text for h in result.blocking if h.reason == "near_name"}
    assert near >= {
        "Alfie", "Alf", "Bex", "Becky", "Kaz", "Tash", "Jimmy", "Dai", "Biddy", "Emeka",
        "Kathryn", "Katharine", "Shivaun", "Steven", "Ayesha", "Mohammed", "Llewellyn-Jones",
    }  # fmt: skip
    # Ordinary words, and names of a street, a shop and a business ("Becky Street").
    assert not near & {"Alfresco", "Stevenage", "Kathmandu", "Mission", "Katharina"}
    short = next(h for h in result.blocking if h.text == "Alfie")
    assert "a short form of Alfred in the register (Child A)" in short.detail


@pytest.mark.parametrize(
    ("written", "registered"),
    [
        ("Kathryn", "Catherine"),
        ("Katharine", "Catherine"),
        ("Kathryn", "Katharine"),
        ("Jon", "John"),
        ("Ayesha", "Aisha"),
        ("Mohamed", "Mohammed"),
        ("Muhammad", "Mohammed"),
        ("Shivaun", "Siobhan"),
        ("Steven", "Stephen"),
        ("Chaudhary", "Chaudhry"),
        ("Llewellyn", "Llewelyn"),
        ("Meghan", "Megan"),
    ],
)
def test_spellings_that_sound_alike(written, registered):
    assert sound_key(written) == sound_key(registered)
    assert sounds_alike(written, registered)


@pytest.mark.parametrize(
    ("written", "registered"),
    [("Mission", "Mason"), ("Care", "Kaur"), ("Zoey", "Zoë"), ("Summit", "Summer"), ("Zoe", "Zoë")],
)
def test_words_that_do_not_sound_like_the_name(written, registered):
    assert not sounds_alike(written, registered)


_REGISTER = [
    RegisterEntry("Alfred Kowalski", "Child A"),
    RegisterEntry("Rebecca Kowalska", "Mother"),
    RegisterEntry("Natasha MacAulay", "School Nurse"),
    RegisterEntry("Karolina Wójcik", "Sibling 1"),
    RegisterEntry("James Fitzgerald-Smythe", "Team Manager"),
    RegisterEntry("Dafydd Llewelyn-Jones", "Police Officer 1"),
    RegisterEntry("Chukwuemeka Okonkwo-Adeyemi", "Social Worker 1"),
    RegisterEntry("Catherine Hughes", "the IRO"),
    RegisterEntry("Siobhan de Courcy", "Class Teacher"),
]


def _near(text: str) -> dict[str, str]:
    anonymiser = Anonymiser(_REGISTER)
    found = near_names(_REGISTER, [text], anonymiser.find)
    return {n.written: n.registered for n in found}


@pytest.mark.parametrize(
    ("text", "written", "registered"),
    [
        ("The nurse saw Alfie at home.", "Alfie", "Alfred"),
        ("The nurse saw Alf at home.", "Alf", "Alfred"),
        ("The nurse saw Fred at home.", "Fred", "Alfred"),
        ("His mother, Bex, was out.", "Bex", "Rebecca"),
        ("His mother Becca was out.", "Becca", "Rebecca"),
        ("The school nurse (Tash) called.", "Tash", "Natasha"),
        ("His sister Kaz was there.", "Kaz", "Karolina"),
        ("The manager, Jimmy, agreed.", "Jimmy", "James"),
        ("The officer, Dai, attended.", "Dai", "Dafydd"),
        ("The social worker Emeka visited.", "Emeka", "Chukwuemeka"),
        ("The teacher (Shivaun) wrote.", "Shivaun", "Siobhan"),
        ("The officer Llewellyn-Jones attended.", "Llewellyn-Jones", "Llewelyn"),
    ],
)
def test_short_forms_and_spellings_are_asked_about(text, written, registered):
    assert _near(text) == {written: registered}


@pytest.mark.parametrize(
    "text",
    [
        # A name that begins the sentence, and is never written in lower case: asked about.
        "Kathryn asked for a strategy meeting.",
        "The IRO chaired.\nKathryn asked for a strategy meeting.",
        'The IRO chaired. "Kathryn asked for it," she said.',
    ],
)
def test_a_near_name_at_the_start_of_a_sentence_is_asked_about(text):
    assert _near(text) == {"Kathryn": "Catherine"}


def test_a_short_form_in_capitals_is_asked_about():
    assert _near("ALFIE'S STORY\nThe nurse visited.") == {"ALFIE": "Alfred"}


@pytest.mark.parametrize(
    "text",
    [
        "MASH and MARAC met. The CAMHS worker came.",  # acronyms
        "Themes: neglect and drift.\nSummary of the learning",  # a label and a heading
    ],
)
def test_acronyms_labels_and_headings_are_not_asked_about(text):
    register = [
        *_REGISTER,
        RegisterEntry("Thomas Mase", "Father"),
        RegisterEntry("Summer Young", "Sibling"),
    ]
    assert near_names(register, [text], Anonymiser(register).find) == []


@pytest.mark.parametrize(
    "text",
    [
        "Care was taken. The care plan was late.",  # written in lower case elsewhere
        "Alfresco meals were served at Jimmy's Cafe and on Becky Street.",
        "There was a Case Conference in March. Kathmandu was the topic.",
        "They met in the Mission Street centre. Fredericks Ltd sent a van.",
        "Case notes were read by the Kaiser Road team.",
    ],
)
def test_ordinary_words_are_not_asked_about(text):
    assert _near(text) == {}


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("The nurse wrote Kowal-\nski on the form.", "The nurse wrote Child A on the form."),
        # Two surnames here begin with K: no descriptor can be chosen; one with C can. Ending a
        # sentence, or when the register calls someone so ("Mr T"), it may be what a review
        # calls someone.
        ("Mrs K. rang. Later we saw Mrs K.", "[name removed] rang. Later we saw Mrs K."),
        ("Mr C. rang, and Mr C later.", "Father rang, and Father later."),
        ("His father M.A. Chaudhry rang.", "His father rang."),
        ("The Mc Donagh family helped.", "The Maternal grandmother family helped."),
        ("Mr T agreed.", "Mr T agreed."),  # what the review calls someone is kept
        ("Born 2019/03/07 (21 Aug 94).", "Born [date of birth removed] ([date of birth removed])."),
        ("NHS No. 943 4765 919.", "NHS No. [NHS number removed]."),
        ("She lived at 12 Canal St.", "She lived at [address removed]."),
        # A first name no register holds with the family's name: a relative, not the child.
        ("Tomasz Kowalski, his cousin, came.", "[name removed], his cousin, came."),
        ("Alfred Kowalski came. Later Kowalski left.", "Child A came. Later Child A left."),
    ],
)
def test_the_anonymiser_finds_the_new_shapes(text, published):
    from datetime import date

    register = [
        RegisterEntry(
            "Alfred Kowalski",
            "Child A",
            date_of_birth=date(2019, 3, 7),
            addresses=("Flat 3B, Mereside House, 12 Canal Street, Easthaven EH7 1QP",),
        ),
        RegisterEntry("Rebecca Kowalska", "Mother", date_of_birth=date(1994, 8, 21)),
        RegisterEntry("Muhammad Asif Chaudhry", "Father"),
        RegisterEntry("Bridget McDonagh", "Maternal grandmother"),
        RegisterEntry("Temitope Olawale", "Mr T"),
        RegisterEntry("Tariq Thompson", "Uncle"),  # "Mr T" is not him: it is a descriptor
    ]
    assert Anonymiser(register).apply(text) == published
