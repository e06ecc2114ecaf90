"""A review whose family and practitioners come from naming customs the earlier cases lacked
(Welsh with soft, aspirate and nasal mutation of names and an "ap" patronymic, Russian with a
patronymic and pet forms, Greek Cypriot, Ethiopian with no family name, Arabic "bint" with an
"Al-" family name, Japanese and Korean with the family name first and honorifics after it,
Italian pet forms, Scots Mc/Mac written variously, Irish with fadas dropped and a vocative,
and English names that are ordinary words: Hope, Faith, Bright, Frank, Hill, Summer, Rose,
White), registered as a user would type them, and written into the text as reports, minutes,
e-mails and chronologies write them, with what a child said quoted and names misspelt.

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
        "Gwenllian Hope Pritchard",
        "Child G",
        "the child",
        (),
        date(2017, 4, 3),
        ("Flat 4, Bron Haul, 9 Heol Pant, Fenbridge FB6 2WL",),
        (),
    ),
    ("Ceri Pritchard", "Mother", "mother", (), None, (), ()),
    ("Tomos ap Dafydd", "Father", "father", (), None, (), ()),
    ("Dmitri Aleksandrovich Volkov", "Mother's partner", "mother's partner", (), None, (), ()),
    ("Aleksandra Volkova", "Sibling 1", "half-sister", (), None, (), ()),
    ("Eleni Georgiou", "the GP", "GP", (), None, (), ()),
    ("Almaz Tesfaye Bekele", "the health visitor", "health visitor", (), None, (), ()),
    ("Fatima bint Khalid Al-Mansouri", "Police Officer 1", "police officer", (), None, (), ()),
    ("Haruto Sato", "Social Worker 1", "social worker", (), None, (), ()),
    ("Kim Ji-woo", "Team Manager", "team manager", (), None, (), ()),
    ("Faith Bright", "Foster carer", "foster carer", (), None, (), ()),
    ("Frank Hill", "Class Teacher", "teacher", (), None, (), ()),
    ("Giuseppe Esposito", "the interpreter", "interpreter", (), None, (), ()),
    ("Lachlan McIntyre", "Maternal grandfather", "grandfather", (), None, (), ()),
    ("Pádraig Ó Súilleabháin", "Neighbour", "neighbour", (), None, (), ()),
    ("Summer Rose White", "Support Worker 1", "support worker", (), None, (), ()),
]
PLACES = [
    ("Bron Haul", "the block", ()),
    ("Ysgol Heol Pant", "Primary School 1", ()),
]

# The forms, as reports, minutes, chronologies, e-mails and file names write them.
FORMS = [
    "GWENLLIAN'S STORY. Gwen (Gwenllian Hope Pritchard; Gwenno; Hope; #JusticeForGwen;",
    "@gwenno_p17) was born 03/04/2017 and lived at Flat 4, Bron Haul.",
    "She said: 'Mam Ceri shouts at me and Dima.' Rhoddwyd y llyfr i Wenllian ac i Geri;",
    "siaradodd yr athro â Cheri a Thomos, a daeth gan Domos.",
    "Her mother Ceri (Mrs Pritchard, Ms P., the Pritchards', Ceri Pritchad) said no.",
    "Her father Tomos (Twm, Mr ap Dafydd, Tomos Dafydd, T. ap D.) rang.",
    "Her mother's partner Dima (Dmitri Volkov, Dmitriy, Mr Volkoff, Volkov D.A.) was at work.",
    "Her half-sister Sasha (Alexandra Volkova, Sashenka, Sashka, the Volkovs') was 12.",
    "The GP, Dr Georgiou (Dr Eleni, Eleni G., Lenia, Dr Georgiu; e.georgiou@fenbridge.nhs.uk),",
    "saw her.",
    "The health visitor W/ro Almaz (Almaz Tesfaye, Ms Bekele, Almi) visited.",
    "PC Al-Mansouri (Fatima Al Mansouri, PC Almansouri, Ms Mansouri, bint Khalid) attended.",
    "Social worker Sato-san (SATO Haruto, Haruto-kun, Mr Satou, Haru) visited.",
    "Team manager Ji-woo Kim (Ms Kim, Jiwoo, Ji Woo, JW Kim) signed it off.",
    "The foster carer Faith Bright (Mrs Bright, the Brights', Faith B.) took her in.",
    "Her teacher Mr Hill (Frankie Hill, Frank H., the Hills' dog) rang.",
    "The interpreter Peppe (Sig. Esposito, Beppe, Giuseppe E., Esposito's) attended.",
    "Her grandfather Lachie (Mr MacIntyre, Macintyre, M'Intyre, MCINTYRE, Lachlan Mc Intyre)",
    "helped.",
    "The neighbour Padraig O Suilleabhain (Páidí, 'a Phádraig', Mr O Suilleabhain) called the",
    "police.",
    "Support worker Summer (Ms White, Summer-Rose, S. R. White) drove them.",
]
PLANTED = " ".join(FORMS)

# Where the text is written (tests/leak_planting.plant).
CASE = {
    "reference": "CSPR-2026-142",
    "title": "Gwenllian Hope Pritchard (Child G)",
    "subject": "Child G",
    "partnership": "Fenbridge Safeguarding Children Partnership",
    "enquiry": "How did agencies hear Gwen? ",
    "people": PEOPLE,
    "places": PLACES,
    "agencies": ("Fenbridge Police", "Fenbridge Children's Services"),
    "chronology": (
        "leak12.csv",
        [
            (
                "02/01/2023",
                "Home visit to Gwen. {text}",
                "Referral: {text}",
                "SATO Haruto",
                "Social worker",
                "PRITCHARD Gwenllian",
            ),
            (
                "05/01/2023",
                " {text}",
                "None",
                "Bekele A",
                "Health visitor",
                "Pritchard, Ceri (Mam)",
            ),
            (
                "09/02/2023",
                "Seen at Ysgol Heol Pant by Mr Hill. {text}",
                "None",
                "HILL Frank",
                "Teacher",
                "Gwen",
            ),
        ],
    ),
    "chronology_quoted": ("Practitioner", "Subject"),
    "episode": "Gwen at Bron Haul with Dima",
    "findings": [
        ("Nobody asked Gwen or the Pritchards what they saw", "finding"),
        ("Sasha's persistence with Mam Ceri", "good_practice"),
    ],
    "recommendation": ("Ask Ji-woo: ", "Kim Ji-woo"),
    "action_lead": "Ysgol Heol Pant",
    "heading": "What happened to GWEN and the PRITCHARDS",
}

ORDINARY = (
    "The family moved in the summer. She had hope and faith in the plan. The room was bright "
    "and the path rose up the hill to a white gate. A frank talk followed. Staff used the MASH "
    "and the MARAC. Chief Inspector Reid chaired the panel."
)

# What must not be found in a published file (tests/leak_planting.find_leaks).
LOOK_FOR = {
    "kept": ["MASH", "MARAC", "Chief Inspector"],
    "name_parts": """gwenllian wenllian gwen gwenno pritchard pritchards pritchad ceri geri cheri
    tomos thomos domos twm dafydd dmitri dmitriy dima volkov volkoff volkova volkovs aleksandra
    alexandra sasha sashenka sashka georgiou georgiu eleni lenia almaz tesfaye bekele almi
    fatima khalid al-mansouri almansouri mansouri haruto haruto-kun haru sato sato-san satou
    ji-woo jiwoo kim brights giuseppe esposito peppe beppe lachlan lachie mcintyre macintyre
    m'intyre padraig phadraig paidi suilleabhain summer-rose""".split(),
    "names_in_noise": "mostly_plain",
    # Words that are ordinary English in lower case: counted only capitalised.
    "name_words_capitalised": [
        "Hope",
        "Faith",
        "Bright",
        "Frank",
        "Frankie",
        "Hill",
        "Hills",
        "Summer",
        "Rose",
        "White",
        "Ji Woo",
    ],
    "initials": [
        r"\bMs P\.",
        r"\bT\. ap D\.",
        r"\bD\.A\.",
        r"(?<![\w-])JW\b",
        r"\bS\. R\.",
        r"\bMc Intyre",
    ],
    "initials_in_noise": True,
    "broken_names": {},
    "place_parts": ["bron haul", "heol pant", "flat 4"],
    "digits": {"date of birth": ["03/04/2017"], "address": ["fb62wl"]},
}


def build_case(ctx, folder: Path, text: str = PLANTED) -> int:
    """The review, with ``text`` written everywhere."""
    return plant(ctx, folder, CASE, text)


def leaks(text: str) -> dict[str, list[str]]:
    """What is left, by kind. The prose in LOOK_FOR["kept"] is taken out first: its words are
    kept on purpose."""
    return find_leaks(text, LOOK_FOR)
