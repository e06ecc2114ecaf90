"""A review whose family and practitioners come from naming customs the earlier cases lacked
(Ukrainian written in Ukrainian, Russian and Polish romanisation with its pet names, a mother
with a double-barrelled family name used by either half, Muhammad in its spellings and its
written short form "Mohd", Welsh with a middle name mutated after "ei", Scottish Gaelic whose
lenited given name is used as a name ("Mhairi"), Irish with "Ní" and lenition, Hungarian with
the family name first and pet names with "néni", Burmese with no family name and "Daw",
Georgian with a pet name that drops a vowel ("Tamriko"), and English names that are ordinary
words and places (Mark, Dawn, Jack, Young, Bolton, Chester) in prose that uses the words too),
registered as a user would type them, and written into the text as reports, minutes, e-mails,
file names, captions, footnotes and chronology cells write them: possessives and plurals with
curly apostrophes, a name broken over a line with a hyphen, initials with and without dots.

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
        "Oleksandra Kovalenko",
        "Child O",
        "the child",
        (),
        date(2017, 3, 22),
        ("11 Quarry Rise, Lowmoor LM4 8TD",),
        (),
    ),
    ("Iryna Ashworth-Kovalenko", "Mother", "mother", (), None, (), ()),
    ("Mohammed Tariq Hussain", "Father", "father", (), None, (), ()),
    ("Bethan Mair Prosser", "Stepmother", "stepmother", (), None, (), ()),
    ("Màiri MacAulay", "Class Teacher", "teacher", (), None, (), ()),
    ("Caoimhe Ní Bhraonáin", "Youth Worker", "youth worker", (), None, (), ()),
    ("Tímea Szalai", "Maternal aunt", "aunt", (), None, (), ()),
    ("Khin Myat Noe", "the health visitor", "health visitor", (), None, (), ()),
    ("Tamar Gelashvili", "the interpreter", "interpreter", (), None, (), ()),
    ("Mark Bolton", "Team Manager", "team manager", (), None, (), ()),
    ("Dawn Chester", "Neighbour", "neighbour", (), None, (), ()),
    ("Jack Young", "Maternal grandfather", "grandfather", (), None, (), ()),
]
PLACES = [
    ("Quarry Rise", "the street", ()),
    ("Lowmoor Infant School", "Primary School 1", ()),
]

# The forms, as reports, minutes, chronologies, e-mails, file names, captions and footnotes
# write them.
FORMS = [
    "OLEKSANDRA’S STORY. Oleksandra (Oleksandra’s, the Kovalenkos’, Aleksandra Kovalenko,",
    "Olexandra Kowalenko, Sasha, Sashko, Lesya, KOVALENKO O., O.K.) was born 22/03/2017 and",
    "lived at 11 Quarry Rise. Her file oleksandra.kovalenko@lowmoor.example and",
    "Oleksandra_Kovalenko_plan.docx; www.lowmoor.example/kovalenko-family. Kova-\nlenko cried.",
    "Photo 3: Sasha at the door.",
    "Her mother Iryna (Mrs Ashworth, Ms Kovalenko, Ashworth-Kovalenko’s, the Ashworths,",
    "Iryna’s, Ashworth-\nKovalenko, I.A-K., Ms A-K, Mrs Ashworth-K.) rang.",
    "Her father Mohammed (Muhammad Tariq Hussain, Mohamed Hussain, Mohd Tariq, Muhammed",
    "Hussein, Mr Husain, M.T. Hussain, MTH, Tariq’s) came.",
    "His partner Bethan (Bethan’s car, Mrs Prosser, dywedodd ei Fair, BETHAN) drove.",
    "Her teacher Màiri (Mhàiri, Mhairi, Mhari, 'A Mhàiri, come in,' Mairi, Ms McAulay, MacAulay’s,",
    "Miss Macaulay) rang.",
    "Youth worker Caoimhe ('A Chaoimhe, sit,' Chaoimhe, Ms Ní Bhraonáin, Ms Ni Bhraonain,",
    "Caoimhe’s) helped.",
    "Her aunt Tímea (Timi néni, Timike, Szalai Tímea, Tímea Szalai, T.S.) came.",
    "The health visitor Daw Khin Myat Noe (Daw Khin, Ma Noe, Khin’s) came.",
    "The interpreter Tamar (Tamriko, Ms Gelashvili, Gelashvili’s) attended.",
    "Team manager Mark Bolton (Mr Bolton, Mark’s, BOLTON M., Bolton, M.) signed it off.",
    "The neighbour Dawn (Ms Chester, Dawn’s, D.C.) called the police.",
    "Her grandfather Jack Young (Grandad Young, Mr Young, Jack’s, JY) said no. Young said he",
    "saw it.",
    "[4] Source: letter from Ms McAulay to Mr Bolton, copied to @hussain_mt and",
    "d.chester@lowmoor.example.",
]
PLANTED = " ".join(FORMS)

# Where the text is written (tests/leak_planting.plant).
CASE = {
    "reference": "CSPR-2026-216",
    "title": "Oleksandra Kovalenko (Child O)",
    "subject": "Child O",
    "partnership": "Lowmoor Safeguarding Children Partnership",
    "enquiry": "How did agencies hear Oleksandra? ",
    "people": PEOPLE,
    "places": PLACES,
    "agencies": ("Lowmoor Police", "Lowmoor Children's Services"),
    "chronology": (
        "leak16.csv",
        [
            (
                "04/01/2023",
                "Home visit to Oleksandra. {text}",
                "Referral: {text}",
                "HUSSAIN M.T.",
                "Social worker",
                "KOVALENKO, Oleksandra",
            ),
            (
                "09/01/2023",
                " {text}",
                "None",
                "Daw Khin Myat Noe",
                "Health visitor",
                "Ashworth-Kovalenko, Iryna",
            ),
            (
                "13/02/2023",
                "Seen at Lowmoor Infant School by Ms MacAulay. {text}",
                "None",
                "BOLTON M.",
                "Police",
                "Sasha",
            ),
        ],
    ),
    "chronology_quoted": ("Practitioner", "Subject"),
    "episode": "Oleksandra at Quarry Rise with Iryna",
    "findings": [
        ("Nobody asked Oleksandra or the Kovalenkos what they saw", "finding"),
        ("Dawn’s persistence with Timi néni", "good_practice"),
    ],
    "recommendation": ("Ask Mark Bolton: ", "Mark Bolton"),
    "action_lead": "Lowmoor Infant School",
    "heading": "What happened to OLEKSANDRA and the KOVALENKOS",
}

ORDINARY = (
    "Young people met at dawn. Young children need care at night. Mark the date in the diary. "
    "The fair was open and it was a fair hearing. A young carer spoke. Staff used the MASH."
)

# What must not be found in a published file (tests/leak_planting.find_leaks).
LOOK_FOR = {
    "kept": [
        "MASH",
        "Young people met",
        "Young children need",
        "Mark the date",
        "The fair was open",
        "a fair hearing",
        "young carer",
        "at dawn",
    ],
    "name_parts": """oleksandra aleksandra olexandra kovalenko kowalenko kovalenkos sasha sashko
    lesya iryna ashworth ashworths mohammed muhammad mohamed muhammed mohd tariq hussain hussein
    husain hussain_mt bethan prosser mair mairi mhairi macaulay mcaulay caoimhe chaoimhe
    bhraonain braonain mhari timi timike timea szalai khin myat noe tamar tamriko gelashvili bolton
    chester oleksandra.kovalenko d.chester""".split()
    + ["ma noe", "kova- lenko"],
    "names_in_noise": "mostly_plain",
    # Words that are ordinary English in lower case: counted only capitalised.
    "name_words_capitalised": [
        "Mark",
        "MARK",
        "Mark’s",
        "Dawn",
        "Dawn’s",
        "Jack",
        "Jack’s",
        "Young",
        "Fair",
    ],
    "initials": [
        r"\bKOVALENKO O\.",
        r"\bO\.K\.",
        r"\bM\.T\.",
        r"\bMTH\b",
        r"\bT\.S\.",
        r"\bBOLTON M\.",
        r", M\.\)",
        r"\bI\.A-K\.",
        r"\bA-K\b",
        r"-K\.",
        r"\bD\.C\.",
        r"\bJY\b",
    ],
    "initials_in_noise": True,
    "broken_names": {"Kova-lenko": r"kova-\s*lenko"},
    "place_parts": ["quarry rise"],
    "digits": {"date of birth": ["22/03/2017"], "address": ["lm48td"]},
}


def build_case(ctx, folder: Path, text: str = PLANTED) -> int:
    """The review, with ``text`` written everywhere."""
    return plant(ctx, folder, CASE, text)


def leaks(text: str) -> dict[str, list[str]]:
    """What is left, by kind. The prose in LOOK_FOR["kept"] is taken out first: its words are
    kept on purpose."""
    return find_leaks(text, LOOK_FOR)
