"""A review whose family and practitioners come from naming customs the earlier cases wrote
only in their registered forms: Azerbaijani (a registered "-yev" family name written with the
wife's "-yeva", case and possessive endings written on a given name with no apostrophe,
"xanım" and "müəllim" after a name), Icelandic (a father's name as his daughter carries it,
"-dóttir"), Lithuanian (the wife's "-ienė" and the daughter's "-aitė" of a registered "-as"),
Nigerian English, and English given names that are also words ("Shiny", "Kelvin") or places
("Sydney"), in prose that uses the words and places too. The text writes them as minutes, sign
offs, e-mails and messages write them: an initial after a family name with no dot, a user name
of a person's own name, a possessive with no apostrophe before a plural noun, a name typed on a
Chinese keyboard in full-width letters, an officer named by two who share a family name with
the given name in brackets.

The case is data: who is registered (PEOPLE, PLACES), what is written (PLANTED) and where
(CASE, for tests/leak_planting.plant), and what must not be found (LOOK_FOR, for
tests/leak_planting.find_leaks). Every name here is made up."""

from datetime import date
from pathlib import Path

from tests.leak_planting import find_leaks, plant

# (name, descriptor, role, other names, date of birth, addresses, identifiers)
PEOPLE = [
    (
        "Aysel Guliyev",
        "Child A",
        "the child",
        (),
        date(2018, 4, 11),
        ("7 Saltings Row, Hallbridge HB3 9QA",),
        (),
    ),
    ("Ramil Guliyev", "Father", "father", (), None, (), ()),
    ("Jón Einarsson", "Mother's partner", "mother's partner", (), None, (), ()),
    ("Jonas Kazlauskas", "Neighbour", "neighbour", (), None, (), ()),
    ("Shiny Mathai", "the school nurse", "school nurse", (), None, (), ()),
    ("Kelvin Osei", "Social Worker 1", "social worker", (), None, (), ()),
    ("Sydney Okafor", "the health visitor", "health visitor", (), None, (), ()),
    ("Zhao Min", "Police Officer 1", "police officer", (), None, (), ()),
    ("Zhao Lei", "Police Officer 2", "police officer", (), None, (), ()),
    ("Evan Pritchard", "Team Manager", "team manager", (), None, (), ()),
]
PLACES = [
    ("Saltings Row", "the street", ()),
    ("Hallbridge Infant School", "Primary School 1", ()),
]

# The forms, as minutes, sign-offs, e-mails and messages write them.
FORMS = [
    "AYSEL'S STORY. Aysel (Ayselin bag, Ayselcan, Ayseldən, Guliyev A, GULIYEV A.) was born",
    "11/04/2018 and lived at 7 Saltings Row. Her father Ramil (Ramil müəllim, Mr Guliyev,",
    "Ramilin car) and his mother Mrs Guliyeva came. Aysel xanım is what Ramil called her.",
    "Mrs Guliyeva's sister, Ms Einarsdóttir, and Jón (Mr Einarsson, Einarsson J) were there.",
    "Mrs Kazlauskienė and her daughter Kazlauskaitė spoke to Jonas (Kazlauskas J).",
    "The school nurse Shiny (Mathai S, Shinys notes were brief, ＳＨＩＮＹ) wrote.",
    "Kelvin (Osei K, @kelvin_osei, @KelvinOsei) visited.",
    "The health visitor Sydney (Okafor S, Sydneys visits were short) came.",
    "Officer Zhao (Min) attended; PC Zhao (Lei) took notes.",
    "Evan (Pritchard E) signed it off.",
]
PLANTED = " ".join(FORMS)

# Where the text is written (tests/leak_planting.plant).
CASE = {
    "reference": "CSPR-2026-219",
    "title": "Aysel Guliyev (Child A)",
    "subject": "Child A",
    "partnership": "Hallbridge Safeguarding Children Partnership",
    "enquiry": "How did agencies hear Aysel? ",
    "people": PEOPLE,
    "places": PLACES,
    "agencies": ("Hallbridge Police", "Hallbridge Children's Services"),
    "chronology": (
        "leak19.csv",
        [
            (
                "05/01/2023",
                "Home visit to Aysel. {text}",
                "Referral: {text}",
                "Okafor S",
                "Health visitor",
                "GULIYEV, Aysel",
            ),
            ("10/01/2023", " {text}", "None", "Osei K", "Social worker", "Ayselin"),
            (
                "14/02/2023",
                "Seen at Hallbridge Infant School by Ms Mathai. {text}",
                "None",
                "Zhao (Min)",
                "Police",
                "Ramil",
            ),
        ],
    ),
    "chronology_quoted": ("Practitioner", "Subject"),
    "episode": "Aysel at Saltings Row with Ramil",
    "findings": [
        ("Nobody asked Aysel or the Guliyevs what they saw", "finding"),
        ("Shinys persistence with Ayselcan", "good_practice"),
    ],
    "recommendation": ("Ask Evan Pritchard: ", "Evan Pritchard"),
    "action_lead": "Hallbridge Infant School",
    "heading": "What happened to AYSEL and the GULIYEVS",
}

# Ordinary prose with the words and the place some of the people are named after.
ORDINARY = (
    "The floor was shiny. Readings were given in kelvin. The family walked by Sydney "
    "Harbour. Staff used the MASH."
)

# What must not be found in a published file (tests/leak_planting.find_leaks).
LOOK_FOR = {
    "kept": ["MASH", "was shiny", "in kelvin", "Sydney Harbour"],
    "name_parts": """aysel ayselin ayselcan ayselden guliyev guliyeva guliyevs ramil ramilin
    einarsson einarsdottir jon kazlauskas kazlauskiene kazlauskaite jonas mathai shinys osei
    kelvin_osei kelvinosei sydneys okafor zhao pritchard""".split(),
    "names_in_noise": "mostly_plain",
    # Words that are ordinary English, or places, in lower case or in the kept prose: counted
    # only capitalised.
    "name_words_capitalised": ["Shiny", "SHINY", "Kelvin", "Sydney", "Evan", "Min", "Lei"],
    "initials": [
        r"\bGULIYEV A\b",
        r"\bEinarsson J\b",
        r"\bKazlauskas J\b",
        r"\bMathai S\b",
        r"\bOsei K\b",
        r"\bOkafor S\b",
        r"\bPritchard E\b",
        r"[A-Za-z] [ASKJE] (?:wrote|signed|visited|came)\b",
    ],
    "initials_in_noise": True,
    "broken_names": {},
    "place_parts": ["saltings row"],
    "digits": {"date of birth": ["11/04/2018"], "address": ["hb39qa"]},
}


def build_case(ctx, folder: Path, text: str = PLANTED) -> int:
    """The review, with ``text`` written everywhere."""
    return plant(ctx, folder, CASE, text)


def leaks(text: str) -> dict[str, list[str]]:
    """What is left, by kind. The prose in LOOK_FOR["kept"] is taken out first: its words are
    kept on purpose."""
    return find_leaks(text, LOOK_FOR)
