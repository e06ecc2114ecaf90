"""A review whose family and practitioners come from naming customs the earlier cases lacked
(Romany Gypsy, Arabic with a kunya and a nasab, Vietnamese, Portuguese with two surnames,
Ghanaian day names, Sikh Singh and Kaur, Turkish, Lithuanian wives' and daughters' surnames,
Polish declined), registered as a user would type them, and written into the text as reports,
minutes and chronologies write them: pet names no table holds ("Mags", "Imi"), user names and
tags ("AlfieK"-like "TomaszK19", "#JusticeForTomasz"), registered names and short forms in
capitals ("KASIA", "BEX"-like "ROZ"), Polish and Lithuanian case endings ("Tomasza Nowaka",
"Nowakowej", "Kazlauskienės"), the other sex's form of a family name ("Kazlauskaitė", "Pani
Nowakowa"), "Mrs N" without a dot. Every name here is made up. The reader is
tests/publishing_world_case.read_everything."""

from datetime import date
from pathlib import Path

from tests.leak_planting import find_leaks, plant

REFERENCE = "CSPR-2026-91"

# (name, descriptor, role, other names, date of birth, addresses, identifiers)
PEOPLE = [
    (
        "Tomasz Nowak",
        "Child T",
        "the child",
        (),
        date(2018, 11, 4),
        ("Plot 6, Greenacre Park, Fenbridge FB3 9XT",),
        (),
    ),
    ("Katarzyna Nowak", "Mother", "mother", (), None, (), ()),
    ("Levi Lee", "Mother's partner", "mother's partner", (), None, (), ()),
    ("Roseanne Smith", "Maternal grandmother", "grandmother", (), None, (), ()),
    ("Margaret Boswell", "Great-grandmother", "great-grandmother", (), None, (), ()),
    ("Imran Al-Hashimi", "Father", "father", (), None, (), ()),
    ("Nguyen Thi Lan", "Stepmother", "stepmother", (), None, (), ()),
    ("Joana Pereira da Silva", "Social Worker 1", "social worker", (), None, (), ()),
    ("Kwabena Asante", "Police Officer 1", "police officer", (), None, (), ()),
    ("Harpreet Kaur", "the health visitor", "health visitor", (), None, (), ()),
    ("Gurdeep Singh Sandhu", "the GP", "GP", (), None, (), ()),
    ("Emine Yılmaz", "Class Teacher", "teacher", (), None, (), ()),
    ("Rūta Kazlauskienė", "Neighbour", "neighbour", (), None, (), ()),
    ("Rosalind Pryce", "Team Manager", "team manager", (), None, (), ()),
]
PLACES = [
    ("Greenacre Park", "the site", ()),
    ("Fenbridge Primary School", "Primary School 1", ()),
]

# Forms planted, as reports, minutes and chronologies write them.
PLANTED = (
    "TOMASZ'S STORY. Tomek (Tomasz Nowak; TomaszK19 on the game chat; @tomek_n2018; "
    "#JusticeForTomasz) was born 4.11.2018 and lived on Plot 6, Greenacre Park. The interpreter "
    "read the letter about Tomasza Nowaka to his mother; it was sent to Pani Katarzyna "
    "Nowakowa and to Katarzynie. Minutes: Mrs N said she was worried; KASIA did not attend. "
    "Kasia's sister wrote to Nowakowej. The Nowakowie moved twice. Her partner Levi (LEVI LEE) "
    "and his mam Roz stayed; Roseanne's caravan was at Greenacre. Nan Mags (Mrs Boswell) "
    "spoke for the family. The father, Abu Tomasz (Imran Al-Hashimi, Imran bin Yusuf "
    "Al-Hashimi), was seen; Imi rang later, and his username imran.hashimi81 was on file. "
    "His partner Ms Lan (Nguyen Thi Lan; Mrs Nguyen) came. Social worker Joana Silva "
    "(Ms Pereira; JOANA) visited, then Ms da Silva. PC Kwabena Asante (PC Asante, Kobby) "
    "attended; Kobby wrote it up. The health visitor Ms Kaur (Harpreet) and Dr Sandhu "
    "(Dr G. S. Sandhu, Gurdeep) saw him. Teacher Emine Hanım (Ms Yilmaz, YILMAZ) taught him. "
    "The neighbour Kazlauskienės said she heard shouting; her daughter Kazlauskaitė saw it. "
    "Team manager Ros Pryce (ROS) signed it off."
)

ORDINARY = (
    "The family moved to a new site in the spring. The Greenacre Road bus was late. Magistrates "
    "sat on Monday. The Imperial War Museum trip went well; "
    "Staff used the MASH and the MARAC. Sandhurst Road surgery opened late."
)

KEPT = ["Greenacre Road", "Magistrates", "Imperial War Museum", "Sandhurst Road", "MASH", "MARAC"]

# What must not be found in a published file (tests/leak_planting.find_leaks).
LOOK_FOR = {
    "kept": KEPT,
    "name_parts": """tomasz tomek tomasza nowak nowaka nowakowa nowakowej nowakowie katarzyna katarzynie
    kasia levi roseanne roz mags boswell imran imi al-hashimi hashimi yusuf nguyen lan joana
    pereira silva kwabena kobby asante harpreet gurdeep sandhu emine yilmaz kazlauskiene
    kazlauskienes kazlauskaite rosalind ros pryce""".split(),
    "names_in_noise": "mostly_plain",
    "name_words_capitalised": ["Lee", "Smith", "Kaur", "Singh"],
    "initials": [r"\bMrs N\b", r"\bG\. ?S\."],
    "broken_names": {},
    "place_parts": ["greenacre park", "plot 6", "fenbridge primary"],
    "digits": {"date of birth": ["4.11.2018"], "address": ["fb39xt"]},
}


CASE = {
    "reference": REFERENCE,
    "title": "Tomasz Nowak (Child T)",
    "subject": "Child T",
    "partnership": "Fenbridge Safeguarding Children Partnership",
    "enquiry": "How did agencies hear Tomek? ",
    "people": PEOPLE,
    "places": PLACES,
    "agencies": ("Fenbridge Police", "Fenbridge Children's Services"),
    "chronology": (
        "leak9.csv",
        [
            (
                "02/01/2023",
                "Home visit to Tomek. {text}",
                "Referral: {text}",
                "PEREIRA DA SILVA, Joana",
                "Social worker",
                "NOWAK Tomasz",
            ),
            (
                "05/01/2023",
                "{text}",
                "None",
                "Kaur H",
                "Health visitor",
                "Nowak, Katarzyna (KASIA)",
            ),
            (
                "09/02/2023",
                "Seen at Fenbridge Primary School by Ms Yilmaz. {text}",
                "None",
                "YILMAZ Emine",
                "Teacher",
                "Tomek",
            ),
        ],
    ),
    "episode": "Tomek at Greenacre with Kasia",
    "findings": [
        ("Nobody asked Tomek or the Nowakowie what they saw", "finding"),
        ("Kobby's persistence with Nan Mags", "good_practice"),
    ],
    "recommendation": ("Ask Imi: ", "Ros Pryce"),
    "action_lead": "Fenbridge Primary School",
    "heading": "What happened to TOMEK and the NOWAKS",
}


def build_case(ctx, folder: Path, text: str = PLANTED) -> int:
    return plant(ctx, folder, CASE, text)


def leaks(text: str) -> dict[str, list[str]]:
    """What is left, by kind. The prose in ORDINARY is taken out first: its words are kept
    on purpose."""
    return find_leaks(text, LOOK_FOR)
