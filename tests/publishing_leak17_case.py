"""A review whose family and practitioners come from naming customs the earlier cases lacked
(Gujarati with the father's name as the middle name and "-bhai" and "-ben" joined to a given
name, Hausa with "Hajiya" and "Mallam" and a pet name, Algerian Arabic in French
transliteration ("Ouahiba", "Ben Ali" of Benali), Sorani Kurdish with "Kak" before a man's name
and "xan" after a woman's, Tigrinya with no family name and "Wro.", Chinese with a generation
name shared by siblings, Brazilian Portuguese with two family names and pet forms, Ghanaian
day names in their Twi and Fante forms, and English names that are ordinary words and a town
(Sterling, Banks, Dale, Preston) in prose that uses the words too), registered as a user would
type them, and written into the text as reports, minutes, e-mails, file names, captions,
footnotes and chronology cells write them: possessives with curly apostrophes, a name broken
over a line with a hyphen, initials with and without dots, a name in a table cell.

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
        "Aarav Hitesh Patel",
        "Child A",
        "the child",
        (),
        date(2018, 6, 14),
        ("7 Tannery Walk, Eastmere EM3 9QA",),
        (),
    ),
    ("Hansa Patel", "Mother", "mother", (), None, (), ()),
    ("Hitesh Kumar Patel", "Father", "father", (), None, (), ()),
    ("Hadiza Aminu Bello", "Neighbour", "neighbour", (), None, (), ()),
    ("Wahiba Benali", "Social Worker 1", "social worker", (), None, (), ()),
    ("Rebwar Kamal Aziz", "the interpreter", "interpreter", (), None, (), ()),
    ("Shilan Rahim", "Youth Worker", "youth worker", (), None, (), ()),
    ("Semhar Tekle", "Foster carer", "foster carer", (), None, (), ()),
    ("Liu Zihao", "Police Officer 1", "police officer", (), None, (), ()),
    ("Liu Zixuan", "Police Officer 2", "police officer", (), None, (), ()),
    ("Ana Clara Souza dos Santos", "Class Teacher", "teacher", (), None, (), ()),
    ("Kojo Mensah", "Team Manager", "team manager", (), None, (), ()),
    ("Sterling Banks", "Maternal grandfather", "grandfather", (), None, (), ()),
    ("Dale Preston", "the GP", "GP", (), None, (), ()),
]
PLACES = [
    ("Tannery Walk", "the street", ()),
    ("Eastmere Primary School", "Primary School 1", ()),
]

# The forms, as reports, minutes, chronologies, e-mails, file names, captions and footnotes
# write them.
FORMS = [
    "AARAV’S STORY. Aarav (Aarav’s, the Patels’, Aaravbhai, PATEL A., A.H.P., AHP) was born",
    "14/06/2018 and lived at 7 Tannery Walk. His file aarav.patel@eastmere.example and",
    "Aarav_Patel_plan.docx; www.eastmere.example/patel-family. Aa-\nrav cried.",
    "Photo 3: Aarav at the door.",
    "His mother Hansa (Hansaben, Hansa-ben, Hansaben’s, Hansa Ben, Mrs Patel, H. Patel) rang.",
    "His father Hitesh (Hiteshbhai, Hitesh-bhai, Hiteshkumar, Mr H.K. Patel, HKP) came.",
    "The neighbour Hajiya Hadiza (Hajia Bello, Mama Hadiza, Dije, Hadiza’s) called.",
    "The social worker Wahiba (Ouahiba, Mme Benali, Ben Ali, Ben-Ali, W. Benali, Wahiba’s) wrote.",
    "The interpreter Rebwar (Kak Rebwar, Kaka Rebwar, Mr Aziz, R.K. Aziz, Rebwar’s) attended.",
    "Youth worker Shilan (Shilan xan, Shilan khan, Şilan, Ms Rahim, Shilan’s) ran the group.",
    "Foster carer Semhar (Wro. Semhar, Ms Tekle, Semhar Tekle, Semhi, Semhar’s) said so.",
    "PC Liu Zihao (Zihao Liu, Zi Hao, Haohao, Ah Hao, Officer Liu, LIU Z.) and PC Liu Zixuan",
    "(Zixuan, Xuanxuan, Liu Z.X.) attended.",
    "Her teacher Ana Clara (Aninha, Clarinha, Profa. Ana, Sra. dos Santos, Souza dos Santos,",
    "Ana Clara’s) rang.",
    "Team manager Kojo Mensah (Kwadwo Mensah, Jojo, Mr Mensah, K. Mensah, KM) signed it off.",
    "Her grandfather Sterling Banks (Grandad Banks, Mr Banks, Sterling’s, SB) said no.",
    "Banks said he saw it.",
    "Dr Dale Preston (Dr Preston, Preston’s, Dale’s, D.P.) wrote.",
    "[4] Source: letter from Ms Rahim to Mr Mensah, copied to @hitesh_patel and",
    "w.benali@eastmere.example.",
]
PLANTED = " ".join(FORMS)

# Where the text is written (tests/leak_planting.plant).
CASE = {
    "reference": "CSPR-2026-217",
    "title": "Aarav Patel (Child A)",
    "subject": "Child A",
    "partnership": "Eastmere Safeguarding Children Partnership",
    "enquiry": "How did agencies hear Aarav? ",
    "people": PEOPLE,
    "places": PLACES,
    "agencies": ("Eastmere Police", "Eastmere Children's Services"),
    "chronology": (
        "leak17.csv",
        [
            (
                "04/01/2023",
                "Home visit to Aarav. {text}",
                "Referral: {text}",
                "BENALI W.",
                "Social worker",
                "PATEL, Aarav",
            ),
            (
                "09/01/2023",
                " {text}",
                "None",
                "Kak Rebwar",
                "Interpreter",
                "Hansaben",
            ),
            (
                "13/02/2023",
                "Seen at Eastmere Primary School by Sra. dos Santos. {text}",
                "None",
                "LIU Z.",
                "Police",
                "Hiteshbhai",
            ),
        ],
    ),
    "chronology_quoted": ("Practitioner", "Subject"),
    "episode": "Aarav at Tannery Walk with Hansaben",
    "findings": [
        ("Nobody asked Aarav or the Patels what they saw", "finding"),
        ("Semhar’s persistence with Kak Rebwar", "good_practice"),
    ],
    "recommendation": ("Ask Kojo Mensah: ", "Kojo Mensah"),
    "action_lead": "Eastmere Primary School",
    "heading": "What happened to AARAV and the PATELS",
}

ORDINARY = (
    "Sterling work was done by the school. Banks were shut on Monday. The family moved to "
    "Preston in May and Preston Council wrote. Dale walks were planned. The river banks flooded. "
    "Staff used the MASH."
)

# What must not be found in a published file (tests/leak_planting.find_leaks).
LOOK_FOR = {
    "kept": [
        "MASH",
        "Sterling work was done",
        "Banks were shut",
        "moved to Preston in May",
        "Preston Council wrote",
        "Dale walks were planned",
        "river banks",
    ],
    "name_parts": """aarav aaravbhai patel patels hansa hansaben hitesh hiteshbhai hiteshkumar
    hadiza hajia bello dije wahiba ouahiba benali rebwar aziz shilan silan rahim semhar semhi
    tekle zihao zixuan haohao xuanxuan aninha clarinha souza santos kojo kwadwo jojo mensah
    preston hitesh_patel aarav.patel w.benali""".split()
    + ["ben ali", "ah hao", "zi hao", "ana clara", "aa- rav", "officer liu", "liu z"],
    "names_in_noise": "mostly_plain",
    # Words that are ordinary English in lower case: counted only capitalised.
    "name_words_capitalised": [
        "Sterling",
        "Sterling’s",
        "Banks",
        "Dale",
        "Dale’s",
        "Liu",
    ],
    "initials": [
        r"\bPATEL A\.",
        r"\bA\.H\.P\.",
        r"\bAHP\b",
        r"\bH\. Patel",
        r"\bH\.K\.",
        r"\bHKP\b",
        r"\bW\. ",
        r"\bR\.K\.",
        r"\bZ\.X\.",
        r"\bK\. ",
        r"\bKM\b",
        r"\bSB\b",
        r"\bD\.P\.",
    ],
    "initials_in_noise": True,
    "broken_names": {"Aa-rav": r"aa-\s*rav"},
    "place_parts": ["tannery walk"],
    "digits": {"date of birth": ["14/06/2018"], "address": ["em39qa"]},
}


def build_case(ctx, folder: Path, text: str = PLANTED) -> int:
    """The review, with ``text`` written everywhere."""
    return plant(ctx, folder, CASE, text)


def leaks(text: str) -> dict[str, list[str]]:
    """What is left, by kind. The prose in LOOK_FOR["kept"] is taken out first: its words are
    kept on purpose."""
    return find_leaks(text, LOOK_FOR)
