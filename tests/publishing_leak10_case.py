"""A review whose family and practitioners come from naming customs the earlier cases lacked
(Igbo and Yoruba with short forms and a parent named by a child, Tamil with the father's
initial first, Somali patronymics, Bangladeshi, Filipino, Chinese with an English given name,
Eritrean, Welsh "ap", Irish "Ní" and "Mac"), registered as a user would type them, and written
into the text as reports, minutes and chronologies write them: short forms ("Emeka", "Bayo",
"Funmi", "Shahid"), the father's initial before a Tamil name ("S. Tharshini"), names in
capitals, a tag with a name in CamelCase, titles in other languages ("Alhaji Ogunleye",
"Chief Ogunleye"), Irish names as a relative of the other sex carries them ("Ó Briain" of
"Ní Bhriain"). Every name here is made up. The reader is
tests/publishing_world_case.read_everything."""

from datetime import date
from pathlib import Path

from tests.leak_planting import find_leaks, plant

REFERENCE = "CSPR-2026-104"

# (name, descriptor, role, other names, date of birth, addresses, identifiers)
PEOPLE = [
    (
        "Chukwuemeka Obi",
        "Child E",
        "the child",
        (),
        date(2019, 3, 14),
        ("Flat 3, Harrow Court, 22 Linden Way, Fenbridge FB2 7QL",),
        (),
    ),
    ("Funmilayo Ogunleye", "Mother", "mother", (), None, (), ()),
    ("Adebayo Ogunleye", "Mother's partner", "mother's partner", (), None, (), ()),
    ("Tharshini Sivakumar", "the health visitor", "health visitor", (), None, (), ()),
    ("Hodan Abdi Farah", "Neighbour", "neighbour", (), None, (), ()),
    ("Mohammed Shahidul Islam", "the GP", "GP", (), None, (), ()),
    ("Maria Cristina Dela Cruz", "Social Worker 1", "social worker", (), None, (), ()),
    ("Wong Mei Ling", "Class Teacher", "teacher", ("Michelle Wong",), None, (), ()),
    ("Yohannes Tesfay Gebremariam", "Police Officer 1", "police officer", (), None, (), ()),
    ("Rhodri ap Iorwerth", "Team Manager", "team manager", (), None, (), ()),
    ("Siobhán Ní Bhriain", "Head Teacher", "head teacher", (), None, (), ()),
]
PLACES = [
    ("Harrow Court", "the block", ()),
    ("Linden Way Primary School", "Primary School 1", ()),
]

# Forms planted, as reports, minutes and chronologies write them.
PLANTED = (
    "EMEKA'S STORY. Emeka (Chukwuemeka Obi; #JusticeForEmeka; @emeka_obi19) was born "
    "14/03/2019 and lived at Flat 3, Harrow Court. His mother Funmi (Mrs Ogunleye, "
    "OGUNLEYE Funmilayo) said Mama Emeka was tired. Her partner Bayo (Adebayo Ogunleye, "
    "Alhaji Ogunleye, Chief Ogunleye) was at work. The health visitor S. Tharshini (Ms "
    "Sivakumar, Tharshini S.) visited. The neighbour Hodan Abdi (Ms Farah, HODAN) rang. "
    "Dr Islam (Dr Shahidul Islam, Dr M. S. Islam; Shahid) saw him. Social worker Cristina "
    "Dela Cruz (Ms Delacruz, Ms Dela Cruz, CRISTINA) visited. His teacher Michelle Wong "
    "(Ms Wong; WONG Mei Ling; Mei-Ling) spoke to him. PC Gebremariam (Yohannes T., PC "
    "Gebre-Mariam, PC Yohannes) attended. Team manager Rhodri ap Iorwerth (Mr ap Iorwerth, "
    "RHODRI) signed it off. The head teacher Ms Ní Bhriain (Siobhan Ni Bhriain) rang her "
    "father Mr Ó Briain."
)

ORDINARY = (
    "The family moved to a new flat in the spring. The Linden Road bus was late. Staff at "
    "the mosque spoke about Islam and faith. The Cruz Azul cafe opened. "
    "Staff used the MASH and the MARAC. Chief Inspector Reid chaired the panel."
)

KEPT = ["Linden Road", "about Islam and faith", "Cruz Azul", "MASH", "MARAC", "Chief Inspector"]

# What must not be found in a published file (tests/leak_planting.find_leaks).
LOOK_FOR = {
    "kept": KEPT,
    "name_parts": """chukwuemeka emeka obi funmilayo funmi ogunleye adebayo bayo tharshini sivakumar
    hodan abdi farah shahidul shahid cristina delacruz dela cruz mei ling mei-ling michelle
    wong yohannes tesfay gebremariam gebre-mariam rhodri iorwerth siobhan bhriain briain""".split(),
    "names_in_noise": "mostly_plain",
    "name_words_capitalised": ["Islam"],
    "initials": [r"\bS\. Tharshini", r"\bM\. ?S\."],
    "broken_names": {},
    "place_parts": ["harrow court", "linden way", "flat 3"],
    "digits": {"date of birth": ["14/03/2019"], "address": ["fb27ql"]},
}


CASE = {
    "reference": REFERENCE,
    "title": "Chukwuemeka Obi (Child E)",
    "subject": "Child E",
    "partnership": "Fenbridge Safeguarding Children Partnership",
    "enquiry": "How did agencies hear Emeka? ",
    "people": PEOPLE,
    "places": PLACES,
    "agencies": ("Fenbridge Police", "Fenbridge Children's Services"),
    "chronology": (
        "leak10.csv",
        [
            (
                "02/01/2023",
                "Home visit to Emeka. {text}",
                "Referral: {text}",
                "DELA CRUZ, Maria Cristina",
                "Social worker",
                "OBI Chukwuemeka",
            ),
            (
                "05/01/2023",
                "{text}",
                "None",
                "Sivakumar T",
                "Health visitor",
                "Ogunleye, Funmilayo (FUNMI)",
            ),
            (
                "09/02/2023",
                "Seen at Linden Way Primary School by Ms Wong. {text}",
                "None",
                "WONG Mei Ling",
                "Teacher",
                "Emeka",
            ),
        ],
    ),
    "episode": "Emeka at Harrow Court with Funmi",
    "findings": [
        ("Nobody asked Emeka or the Ogunleyes what they saw", "finding"),
        ("Shahid's persistence with Mama Emeka", "good_practice"),
    ],
    "recommendation": ("Ask Bayo: ", "Rhodri ap Iorwerth"),
    "action_lead": "Linden Way Primary School",
    "heading": "What happened to EMEKA and the OGUNLEYES",
}


def build_case(ctx, folder: Path, text: str = PLANTED) -> int:
    return plant(ctx, folder, CASE, text)


def leaks(text: str) -> dict[str, list[str]]:
    """What is left, by kind. The prose in ORDINARY is taken out first: its words are kept
    on purpose."""
    return find_leaks(text, LOOK_FOR)
