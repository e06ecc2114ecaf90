"""A review whose family and practitioners come from further naming traditions (Polish, Romanian,
Somali, Pakistani, Nigerian, Chinese, Irish Traveller, Welsh), registered as a user would type
them, and written into the text the way people write names they know: nicknames and short
forms the register does not hold ("Bex" for Rebecca, "Alfie" for Alfred), other spellings
("Kathryn" for Catherine), initials ("Mrs K.", "K.M."), plurals and possessives ("the
Kowalskis", "Kowalski's"), capitals, names broken over a line or hyphenated across one, in web
addresses and email addresses; dates of birth, addresses and NHS numbers in further forms.
Every name here is made up. The reader is tests/publishing_world_case.read_everything."""

from datetime import date
from pathlib import Path

from tests.leak_planting import find_leaks, plant

REFERENCE = "CSPR-2026-88"

# (name, descriptor, role, other names, date of birth, addresses, identifiers)
PEOPLE = [
    (
        "Alfred Kowalski",
        "Child A",
        "the child",
        (),
        date(2019, 3, 7),
        ("Flat 3B, Mereside House, 12 Canal Street, Easthaven EH7 1QP",),
        ("943 476 5919",),
    ),
    ("Rebecca Kowalska", "Mother", "mother", (), date(1994, 8, 21), (), ("07700 900123",)),
    ("Ionuț Popescu", "Mother's partner", "mother's partner", (), None, (), ()),
    ("Muhammad Asif Chaudhry", "Father", "father", (), None, (), ()),
    ("Hodan Warsame", "Maternal aunt", "aunt", (), None, (), ()),
    ("Bridget McDonagh", "Maternal grandmother", "grandmother", (), None, (), ()),
    ("Karolina Wójcik", "Sibling 1", "half-sister", (), None, (), ()),
    ("Aisha Begum", "Sibling 2", "half-sister", (), None, (), ()),
    ("Chukwuemeka Okonkwo-Adeyemi", "Social Worker 1", "social worker", (), None, (), ()),
    ("Zhang Xiuying", "the health visitor", "health visitor", (), None, (), ()),
    ("Dafydd Llewelyn-Jones", "Police Officer 1", "police officer", (), None, (), ()),
    ("Siobhan de Courcy", "Class Teacher", "teacher", (), None, (), ()),
    ("Jan van Wyk", "the GP", "GP", (), None, (), ()),
    ("Natasha MacAulay", "School Nurse", "school nurse", (), None, (), ()),
    ("James Fitzgerald-Smythe", "Team Manager", "team manager", (), None, (), ()),
    ("Catherine Hughes", "the IRO", "independent reviewing officer", (), None, (), ()),
    ("Stephen Mulligan", "Probation Officer", "probation officer", (), None, (), ()),
]
PLACES = [
    ("Ysgol Glan Morfa", "Primary School 1", ()),
    ("Brackley Lane Surgery", "GP Practice 1", ()),
]

# Every form planted below, by kind.
FORMS = {
    "name": [
        # the register's own spellings, in new places and shapes
        "ALFRED KOWALSKI",
        "ALFIE'S STORY",
        "the Kowalskis",
        "Kowalski's",
        "Alfred\nKowalski",
        "Kowal-\nski",
        "A.K.",
        "Mrs K.",
        "R.K.",
        "Ionut Popescu",
        "Ionuţ POPESCU",
        "Popescus'",
        "M.A. Chaudhry",
        "CHAUDHRY",
        "Warsame's",
        "the McDonaghs",
        "Mc Donagh",
        "Wojcik",
        "Okonkwo-Adeyemi",
        "Adeyemi",
        "Xiuying Zhang",
        "ZHANG Xiuying",
        "Ms Zhang",
        "DC Llewelyn Jones",
        "Ms de Courcy",
        "De Courcy",
        "Dr Van Wyk",
        "Natasha McAulay",
        "Mr Fitzgerald-Smythe",
        "FITZGERALD-SMYTHE",
        "Mulligan",
        # short forms and diminutives the register does not hold
        "Alfie",
        "Alf",
        "Bex",
        "Becky",
        "Kaz",
        "Tash",
        "Jimmy",
        "Emeka",
        "Dai",
        "Biddy",
        # spellings the register does not hold
        "Mohammed Chaudhry",
        "Mr Chaudhary",
        "Kathryn",
        "Katharine Hughes",
        "Steven Mulligan",
        "Ayesha",
        "Shivaun",
        "Llewellyn-Jones",
        # addresses on the web and in mail
        "rebecca.kowalska@example.com",
        "r.kowalska@example.com",
        "https://example.org/people/alfred-kowalski",
        "alfie.k2019@example.net",
    ],
    "date of birth": [
        "7 Mar 2019",
        "07-03-19",
        "7th of March 2019",
        "March 7th, 2019",
        "07.03.2019",
        "2019/03/07",
        "d.o.b. 7/3/2019",
        "21 Aug 94",
    ],
    "address": ["12 Canal St", "12, Canal Street", "EH71QP", "eh7 1qp", "Mereside House"],
    "place": ["Ysgol Glan Morfa", "Glan Morfa", "Brackley Lane Surgery", "Brackley Lane"],
    "identifier": [
        "943-476-5919",
        "9434765919",
        "NHS No. 943 4765 919",
        "(07700) 900 123",
        "07700-900-123",
        "+44 7700 900123",
    ],
}

PLANTED = (
    "ALFIE'S STORY. ALFRED KOWALSKI (Alfie, Alf; A.K.) was born 7 Mar 2019 (07-03-19; 7th of March 2019; "
    "March 7th, 2019; 07.03.2019; 2019/03/07; d.o.b. 7/3/2019) and lived with the Kowalskis "
    "at Mereside House, 12 Canal St (12, Canal Street, EH71QP, eh7 1qp). Kowalski's mother "
    "Bex (Becky, Mrs K., R.K., born 21 Aug 94) wrote from rebecca.kowalska@example.com and "
    "r.kowalska@example.com; see https://example.org/people/alfred-kowalski and "
    "alfie.k2019@example.net. The health visitor saw Alfred\nKowalski at home and wrote "
    "Kowal-\nski on the form. Her partner Ionut Popescu (Ionuţ POPESCU) stayed at the "
    "Popescus' flat. His father M.A. Chaudhry (CHAUDHRY; Mohammed Chaudhry) rang and Mr "
    "Chaudhary later declined. His aunt told Warsame's landlord, and the McDonaghs (Mc "
    "Donagh, Biddy) helped. His half-sisters Wojcik (Kaz) and Ayesha were at Ysgol Glan "
    "Morfa (Glan Morfa). The social worker Okonkwo-Adeyemi (Adeyemi, Emeka) visited with "
    "Xiuying Zhang (ZHANG Xiuying; Ms Zhang). DC Llewelyn Jones (Llewellyn-Jones, Dai) "
    "attended; Ms de Courcy (Shivaun) taught him. De Courcy said little. Dr Van Wyk at "
    "Brackley Lane Surgery (Brackley Lane) referred him; Natasha McAulay (Tash) saw him. "
    "Mr Fitzgerald-Smythe (FITZGERALD-SMYTHE, Jimmy) signed it off. The IRO, Katharine "
    "Hughes, chaired. Kathryn asked for a strategy meeting. Steven Mulligan and Mulligan's "
    "manager were told. NHS 943-476-5919 (9434765919; NHS No. 943 4765 919); phone (07700) "
    "900 123, 07700-900-123 and +44 7700 900123."
)

# Capitalised words in ordinary prose: they must survive.
ORDINARY = (
    "The family moved to a new home in the spring. Alfresco meals at the nursery were a treat, "
    "and the Becky Street market was busy. Katharina's Bakery is not a person. Maths and "
    "Welsh lessons went well; the Stevenage office sent films on Friday. Jimmy's Cafe is a "
    "shop in the town. The Mission Street centre ran a Christmas play. Kathmandu was the "
    "theme of the topic week."
)

# Forms that the ORDINARY prose holds and must still hold.
KEPT = ["Alfresco", "Becky Street", "Katharina's Bakery", "Stevenage", "Jimmy's Cafe"]

# What must not be found in a published file (tests/leak_planting.find_leaks): name parts
# are whole words, in any case or accents.
LOOK_FOR = {
    "kept": KEPT,
    "name_parts": """alfred kowalski kowalskis kowalska rebecca ionut popescu popescus chaudhry
    chaudhary hodan warsame bridget mcdonagh mcdonaghs karolina wojcik aisha ayesha begum
    chukwuemeka okonkwo-adeyemi okonkwo adeyemi emeka zhang xiuying dafydd llewelyn-jones
    llewellyn-jones llewelyn llewellyn siobhan shivaun courcy wyk natasha macaulay mcaulay
    fitzgerald-smythe fitzgerald smythe catherine kathryn katharine mulligan bex becky kaz
    tash biddy alfie""".split()
    + ["mc donagh"],
    "names_in_noise": "binary",
    "name_words_capitalised": ["Alf", "Dai", "Jimmy", "Stephen", "Steven", "Hughes"],
    # Initials of a registered name with a title or before the name.
    "initials": [r"\bMrs K\b", r"\bM\.A\."],
    # "Kowal-\nski": the halves of a name broken across a line.
    "broken_names": {"kowal-ski": r"kowal-\s*ski"},
    "place_parts": ["glan morfa", "brackley lane", "mereside", "canal st"],
    "digits": {
        "identifier": ["9434765919", "07700900123", "447700900123"],
        "date of birth": ["7mar2019", "07-03-19", "7thofmarch2019", "march7th,2019", "07.03.2019"]
        + ["2019/03/07", "7/3/2019", "21aug94"],
        "address": ["eh71qp"],
    },
}


CASE = {
    "reference": REFERENCE,
    "title": "Alfred Kowalski (Child A)",
    "subject": "Child A",
    "partnership": "Easthaven Safeguarding Children Partnership",
    "enquiry": "How did agencies hear Alfie? ",
    "people": PEOPLE,
    "places": PLACES,
    "agencies": ("Easthaven Police", "Easthaven Children's Services"),
    "chronology": (
        "leak8.csv",
        [
            (
                "02/01/2023",
                "Home visit to Alfie. {text}",
                "Referral: {text}",
                "OKONKWO-ADEYEMI, Chukwuemeka",
                "Social worker",
                "KOWALSKI Alfred",
            ),
            (
                "05/01/2023",
                "{text}",
                "None",
                "Zhang Xiuying",
                "Health visitor",
                "Kowalska, Rebecca (Bex)",
            ),
            (
                "09/02/2023",
                "Seen at Ysgol Glan Morfa by Ms de Courcy. {text}",
                "None",
                "Siobhan DE COURCY",
                "Teacher",
                "Alfie",
            ),
        ],
    ),
    "episode": "Alfie at Glan Morfa with Bex",
    "findings": [
        ("Nobody asked Alfie or the Kowalskis what they saw", "finding"),
        ("Tash's persistence with Bex", "good_practice"),
    ],
    "recommendation": ("Ask Kaz: ", "Jimmy Fitzgerald-Smythe"),
    "action_lead": "Ysgol Glan Morfa",
    "heading": "What happened to Alfie and the KOWALSKIS",
}


def build_case(ctx, folder: Path, text: str = PLANTED) -> int:
    return plant(ctx, folder, CASE, text)


def leaks(text: str) -> dict[str, list[str]]:
    """What is left, by kind. The prose in ORDINARY is taken out first: its words are kept
    on purpose."""
    return find_leaks(text, LOOK_FOR)
