"""A review whose family and practitioners come from naming customs the earlier cases lacked
(Pakistani/Kashmiri, Hungarian with the family name first, Romanian, Albanian, Kurdish, Afghan
Pashto, Sudanese, Congolese, Jamaican, Irish Traveller, Hong Kong Chinese with an English
name, Nepali, a Yoruba name cut to its end, Polish with a moved vowel), registered as a user
would type them, and written into the text as reports, minutes and chronologies write them.

The case is data: who is registered (PEOPLE, PLACES), what is written (PLANTED) and where
(CASE, for tests/leak_planting.plant), and what must not be found (LOOK_FOR, for
tests/leak_planting.find_leaks). Every name here is made up. The reader is
tests/publishing_world_case.read_everything."""

from datetime import date
from pathlib import Path

from tests.leak_planting import find_leaks, plant

# (name, descriptor, role, other names, date of birth, addresses, identifiers)
PEOPLE = [
    (
        "Muhammad Haris Raja",
        "Child H",
        "the child",
        (),
        date(2018, 9, 21),
        ("Flat 12, Mirfield House, 40 Tanners Row, Fenbridge FB4 9JD",),
        (),
    ),
    ("Shazia Bibi Raja", "Mother", "mother", (), None, (), ()),
    ("Tariq Mehmood", "Father", "father", (), None, (), ()),
    ("Oluwasegun Bello", "Mother's partner", "mother's partner", (), None, (), ()),
    ("Paweł Zając", "Sibling 1", "half-brother", (), None, (), ()),
    ("Kovács Eszter", "the GP", "GP", (), None, (), ()),
    ("Ionuț Popescu", "Neighbour", "neighbour", (), None, (), ()),
    ("Arjola Krasniqi", "the interpreter", "interpreter", (), None, (), ()),
    ("Hawre Ahmed Mustafa", "Support Worker 1", "support worker", (), None, (), ()),
    ("Farzana Popalzai", "the health visitor", "health visitor", (), None, (), ()),
    ("Abubakr Osman Elhassan", "Police Officer 1", "police officer", (), None, (), ()),
    ("Jean-Pierre Kasongo Ilunga", "Social Worker 1", "social worker", (), None, (), ()),
    ("Marcia Pauline Campbell", "Maternal grandmother", "grandmother", (), None, (), ()),
    ("Bridget Ward", "Foster carer", "foster carer", (), None, (), ()),
    ("Chan Ka Wai", "Team Manager", "team manager", ("Kelvin Chan",), None, (), ()),
    ("Sunita Thapa Magar", "Head Teacher", "head teacher", (), None, (), ()),
]
PLACES = [
    ("Mirfield House", "the block", ()),
    ("Tanners Row Primary School", "Primary School 1", ()),
]

# The forms, as reports, minutes, chronologies, e-mails and file names write them.
FORMS = [
    "HARIS'S STORY. Haris (Muhammad Haris Raja; #JusticeForHaris; @haris_raja18) was born",
    "21/09/2018 and lived at Flat 12, Mirfield House.",
    "His mother Shaz (Mrs Raja, RAJA Shazia, Shazia Bibi) said Mama Haris was tired;",
    "neighbours called her Ammi Haris and his father Abbu Haris.",
    "His father Tariq (Mr Mahmood, Tariq M.) rang.",
    "Her partner Segun (Oluwasegun Bello, SEGUN, Baba Segun, Mr Bello) was at work.",
    "His half-brother Pawełek (Pawła, z Pawłem, Pawel) was 12.",
    "The GP, Dr Eszter Kovacs (Dr Kovács, Kovács Dr., Eszti; eszter.kovacs@fenbridge.nhs.uk),",
    "saw him.",
    "The neighbour Ionut Popescu (domnul Popescu, Nelu, POPESCU) called the police.",
    "The interpreter Arjola (Ms Krasniqi, Ms Krasnici, ARJOLA) attended.",
    "Support worker Kak Hawre (Hawre A., Mr Mustafa) drove them.",
    "The health visitor Farzana Jan (Ms Popalzay; Popalzai_HV_notes.docx) visited.",
    "PC Elhassan (PC El-Hassan, PC Abu Bakr Elhassan, Abu-Bakr, Bakri) attended.",
    "Social worker JP (Jean Pierre Kasongo, Mr Kasongo-Ilunga, Papa Jean-Pierre,",
    "jp.kasongo@fenbridge.gov.uk) visited.",
    "His grandmother Miss Marcia (Granny Campbell, Auntie Marcia, Mrs Campbell's) helped.",
    "The foster carer Biddy Ward (Bridgie, Mrs Ward, BRIDGET) took him in.",
    "Team manager Kelvin Chan (Mr Chan Ka-wai, KW Chan, Kels) signed it off.",
    "The head teacher Sunita Didi (Ms Thapa-Magar, Sunita ji, Mrs Magar) rang.",
]
PLANTED = " ".join(FORMS)

# Where the text is written (tests/leak_planting.plant).
CASE = {
    "reference": "CSPR-2026-131",
    "title": "Muhammad Haris Raja (Child H)",
    "subject": "Child H",
    "partnership": "Fenbridge Safeguarding Children Partnership",
    "enquiry": "How did agencies hear Haris? ",
    "people": PEOPLE,
    "places": PLACES,
    "agencies": ("Fenbridge Police", "Fenbridge Children's Services"),
    "chronology": (
        "leak11.csv",
        [
            (
                "02/01/2023",
                "Home visit to Haris. {text}",
                "Referral: {text}",
                "KASONGO ILUNGA, Jean-Pierre",
                "Social worker",
                "RAJA Muhammad Haris",
            ),
            (
                "05/01/2023",
                " {text}",
                "None",
                "Popalzai F",
                "Health visitor",
                "Raja, Shazia (SHAZ)",
            ),
            (
                "09/02/2023",
                "Seen at Tanners Row Primary School by Ms Thapa Magar. {text}",
                "None",
                "THAPA MAGAR Sunita",
                "Teacher",
                "Haris",
            ),
        ],
    ),
    "chronology_quoted": ("Practitioner", "Subject"),
    "episode": "Haris at Mirfield House with Shaz",
    "findings": [
        ("Nobody asked Haris or the Rajas what they saw", "finding"),
        ("Segun's persistence with Mama Haris", "good_practice"),
    ],
    "recommendation": ("Ask Kelvin: ", "Kelvin Chan"),
    "action_lead": "Tanners Row Primary School",
    "heading": "What happened to HARIS and the RAJAS",
}

ORDINARY = (
    "The family moved to a new flat in the spring. The Tanners Lane bus was late. The "
    "Campbell Road surgery was closed. Staff used the MASH and the MARAC. Chief Inspector "
    "Reid chaired the panel. The ward round was late. She was a member of the Raja Yoga "
    "society."
)

# What must not be found in a published file (tests/leak_planting.find_leaks).
LOOK_FOR = {
    "kept": [
        "Tanners Lane",
        "Campbell Road",
        "MASH",
        "MARAC",
        "Chief Inspector",
        "ward round",
        "Raja Yoga",
    ],
    "name_parts": """haris raja shazia shaz tariq mehmood mahmood oluwasegun segun bello pawelek
    pawla pawlem pawel zajac kovacs eszter eszti ionut popescu nelu arjola krasniqi krasnici
    hawre mustafa farzana popalzai popalzay elhassan el-hassan abubakr abu-bakr bakri
    jean-pierre kasongo ilunga marcia pauline campbell bridget bridgie biddy kelvin chan
    ka-wai kels sunita thapa magar thapa-magar""".split(),
    "names_in_noise": "mostly_plain",
    # Words that are ordinary English in lower case: counted only capitalised.
    "name_words_capitalised": ["Ward", "Didi", "Bibi"],
    "initials": [r"\bKW Chan", r"\bTariq M\.", r"\bHawre A\.", r"(?<![\w-])JP\b"],
    "initials_in_noise": True,
    "broken_names": {},
    "place_parts": ["mirfield house", "tanners row", "flat 12"],
    "digits": {"date of birth": ["21/09/2018"], "address": ["fb49jd"]},
}


def build_case(ctx, folder: Path, text: str = PLANTED) -> int:
    """The review, with ``text`` written everywhere."""
    return plant(ctx, folder, CASE, text)


def leaks(text: str) -> dict[str, list[str]]:
    """What is left, by kind. The prose in LOOK_FOR["kept"] is taken out first: its words are
    kept on purpose."""
    return find_leaks(text, LOOK_FOR)
