"""A review whose family and practitioners come from naming customs the earlier cases lacked
(Mandarin in pinyin with the family name first and a pet name made by doubling a syllable or
with "Xiao", Cantonese with "Ah", Japanese with long vowels romanised four ways and "-san" /
"-chan", a long Thai family name cut short and "Khun", Scottish Gaelic with "Nic" and the
vocative's lenition and an English form of the family name, Cornish, Turkish with dotless "ı"
and case endings after an apostrophe, Georgian, Armenian with "-yan" / "-ian", Persian with
"-zadeh", Catalan with "i" between two family names and the personal article, Norwegian with
"ø" and "å", Zulu with "Ma" before a clan name, a Sikh name with Singh in the middle, and English
names that are ordinary words (Will, King, Grace, Brown, Ward, Sunny, Young) in prose that uses
the words too), registered as a user would type them, and written into the text as reports,
minutes, e-mails, file names, captions, footnotes and chronology cells write them.

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
        "Wang Zihan",
        "Child W",
        "the child",
        (),
        date(2018, 9, 14),
        ("4 Heron Walk, Ashbourne Vale AV2 6QL",),
        (),
    ),
    ("Chan Siu Ling", "Mother", "mother", (), None, (), ()),
    ("Kōno Haruka", "Mother's partner", "mother's partner", (), None, (), ()),
    ("Siriporn Wongsuwannakul", "the health visitor", "health visitor", (), None, (), ()),
    ("Catrìona NicDhòmhnaill", "Class Teacher", "teacher", (), None, (), ()),
    ("Jory Penhallow", "Youth Worker", "youth worker", (), None, (), ()),
    ("Işıl Kılıç", "the interpreter", "interpreter", (), None, (), ()),
    ("Nino Beridze", "Neighbour", "neighbour", (), None, (), ()),
    ("Davit Petrosyan", "Father", "father", (), None, (), ()),
    ("Mohammad-Reza Hosseinzadeh", "Social Worker 1", "social worker", (), None, (), ()),
    ("Jordi Puig i Serra", "Probation Officer", "probation officer", (), None, (), ()),
    ("Bjørn Ødegård", "Police Officer 1", "police officer", (), None, (), ()),
    ("Nomvula Dlamini", "Foster carer", "foster carer", (), None, (), ()),
    ("Harjinder Singh Gill", "Maternal grandfather", "grandfather", (), None, (), ()),
    ("Will King", "Team Manager", "team manager", (), None, (), ()),
    ("Grace Brown", "Sibling 1", "half-sister", (), None, (), ()),
    ("Bridget Ward", "Paternal grandmother", "grandmother", (), None, (), ()),
    ("Sunny Young", "Neighbour 2", "neighbour", (), None, (), ()),
]
PLACES = [
    ("Heron Walk", "the street", ()),
    ("Ashbourne Vale Primary School", "Primary School 1", ()),
]

# The forms, as reports, minutes, chronologies, e-mails, file names, captions and footnotes
# write them.
FORMS = [
    "ZIHAN'S STORY. Zihan (Wang Zihan; WANG Zihan; Zihan Wang; Wang Zi Han; Zi-Han; Hanhan;",
    "Xiao Han; Zihan's; zihan.wang@avmail.co.uk; file Zihan_Wang_CP_plan.docx) was born",
    "14/09/2018 and lived at 4 Heron Walk. Photo 2: Hanhan at the street.",
    "Her mother Siu Ling (Chan Siu Ling, Mrs Chan, Siu-ling, Ah Ling, CHAN Siu Ling, Chan S.L.,",
    "Siuling, Siu Ling's) said no.",
    "Her mother's partner Haruka (Kōno Haruka, Ms Kono, Ms Kouno, Ms Kohno, KŌNO, Haruka-san,",
    "Kōno-san, Haru-chan, Haruka Kono) was in.",
    "The health visitor Khun Siriporn (Siriporn Wongsuwannakul, Ms Wongsuwannakul, Ms Wongsuwan,",
    "Siriporn W., WONGSUWANNAKUL, Siriporn's) came.",
    "Her teacher Catrìona (Catriona, Ms NicDhomhnaill, Catrìona Nic Dhòmhnaill, a Chatrìona,",
    "CATRÌONA, Catrìona's) rang.",
    "Youth worker Jory (Mr Penhallow, Jory's, PENHALLOW J., J. Penhallow, the Penhallows,",
    "JORY) helped.",
    "The interpreter Işıl (Işıl Kılıç, Isil Kilic, IŞIL KILIÇ, ISIL KILIC, Kılıç'ın notları,",
    "Işıl Hanım, Kılıç'tan, Işıl'a, Bayan Kılıç) attended.",
    "The neighbour Nino (Ms Beridze, Ninuka, BERIDZE, Nino's) called the police.",
    "Her father Davit (Davit Petrosyan, Mr Petrosian, Mr Petrossian, PETROSYAN D., Davit's)",
    "rang.",
    "Social worker Mohammad-Reza (Mr Hosseinzadeh, Hossein-Zadeh, Hosseinzade, Reza,",
    "M-R Hosseinzadeh, HOSSEINZADEH, Mohammad-Reza's) visited.",
    "Probation officer Jordi (Jordi Puig i Serra, Sr. Puig, Jordi Puig, Puig Serra, Puig-Serra,",
    "en Jordi, J. Puig) wrote.",
    "PC Ødegård (Bjørn Ødegård, Bjorn Odegard, Bjoern Oedegaard, PC Odegaard, ØDEGÅRD,",
    "Bjørn's) attended.",
    "The foster carer Nomvula (Mrs Dlamini, MaDlamini, Nomvula's, DLAMINI N.) took her in.",
    "Her grandfather Harjinder (Harjinder Singh Gill, Mr Gill, Harjinder Gill, H. S. Gill,",
    "GILL H.S., Harjinder's) came.",
    "Team manager Will King (Mr King, WILL KING, Will's note, King's) signed it off.",
    "Her half-sister Grace (Grace Brown, Miss Brown, Gracie, GRACE, Grace's, the Browns) was 12.",
    "Her grandmother Bridget (Bridget Ward, Biddy, Granny Ward, Mrs Ward, the Wards,",
    "Biddy's) came to the site.",
    "The neighbour Sunny (Sunny Young, Mr Young, SUNNY, Sunny's) saw it.",
    "[3] Source: letter from Ms Kono to Mr King, copied to @hosseinzadeh_mr and",
    "b.odegard@avmail.co.uk.",
]
PLANTED = " ".join(FORMS)

# Where the text is written (tests/leak_planting.plant).
CASE = {
    "reference": "CSPR-2026-188",
    "title": "Wang Zihan (Child W)",
    "subject": "Child W",
    "partnership": "Ashbourne Vale Safeguarding Children Partnership",
    "enquiry": "How did agencies hear Zihan? ",
    "people": PEOPLE,
    "places": PLACES,
    "agencies": ("Ashbourne Vale Police", "Ashbourne Vale Children's Services"),
    "chronology": (
        "leak15.csv",
        [
            (
                "03/01/2023",
                "Home visit to Zihan. {text}",
                "Referral: {text}",
                "HOSSEINZADEH M-R",
                "Social worker",
                "WANG Zihan",
            ),
            (
                "06/01/2023",
                " {text}",
                "None",
                "Wongsuwannakul S",
                "Health visitor",
                "Chan, Siu Ling (Ah Ling)",
            ),
            (
                "10/02/2023",
                "Seen at Ashbourne Vale Primary School by Ms NicDhòmhnaill. {text}",
                "None",
                "ØDEGÅRD B.",
                "Police",
                "Hanhan",
            ),
        ],
    ),
    "chronology_quoted": ("Practitioner", "Subject"),
    "episode": "Zihan at Heron Walk with Haruka",
    "findings": [
        ("Nobody asked Zihan or the Wangs what they saw", "finding"),
        ("Grace's persistence with Biddy", "good_practice"),
    ],
    "recommendation": ("Ask Will King: ", "Will King"),
    "action_lead": "Ashbourne Vale Primary School",
    "heading": "What happened to ZIHAN and the WANGS",
}

ORDINARY = (
    "It was a sunny morning. Young people met on the children's ward after the ward round. "
    "She will go to the event at the King's Fund. A brown envelope came. She accepted with "
    "good grace. The Young Carers service and the Hope Centre helped. Staff used the MASH."
)

# What must not be found in a published file (tests/leak_planting.find_leaks).
LOOK_FOR = {
    "kept": [
        "MASH",
        "sunny morning",
        "Young people",
        "children's ward",
        "ward round",
        "She will go",
        "King's Fund",
        "brown envelope",
        "good grace",
        "Young Carers",
    ],
    "name_parts": """zihan zi-han hanhan wang wangs siu ling siu-ling siuling chan haruka kono
    kouno kohno haruka-san kono-san haru-chan siriporn wongsuwannakul wongsuwan catriona
    chatriona nicdhomhnaill dhomhnaill jory penhallow penhallows isil kilic kilic'in isil'a
    kilic'tan nino beridze ninuka davit petrosyan petrosian petrossian mohammad-reza
    hosseinzadeh hossein-zadeh hosseinzade reza hosseinzadeh_mr jordi puig serra puig-serra
    bjorn bjoern odegard oedegaard odegaard nomvula dlamini madlamini harjinder gill gracie
    biddy bridget zihan.wang b.odegard""".split()
    + ["zi han", "xiao han", "ah ling", "nic dhomhnaill", "puig i serra"],
    "names_in_noise": "mostly_plain",
    # Words that are ordinary English in lower case: counted only capitalised.
    "name_words_capitalised": [
        "Will King",
        "WILL",
        "Will's",
        "King",
        "KING",
        "Grace",
        "GRACE",
        "Brown",
        "Browns",
        "Ward",
        "Wards",
        "Sunny",
        "SUNNY",
        "Young",
    ],
    "initials": [
        r"\bS\.L\.",
        r"\bSiriporn W\.",
        r"\bPENHALLOW J\.",
        r"\bJ\. P",
        r"\bM-R\b",
        r"\bPETROSYAN D\.",
        r"\bDLAMINI N\.",
        r"\bH\. S\. G",
        r"\bGILL H\.S\.",
        r"\bØDEGÅRD B\.",
    ],
    "initials_in_noise": True,
    "broken_names": {},
    "place_parts": ["heron walk"],
    "digits": {"date of birth": ["14/09/2018"], "address": ["av26ql"]},
}


def build_case(ctx, folder: Path, text: str = PLANTED) -> int:
    """The review, with ``text`` written everywhere."""
    return plant(ctx, folder, CASE, text)


def leaks(text: str) -> dict[str, list[str]]:
    """What is left, by kind. The prose in LOOK_FOR["kept"] is taken out first: its words are
    kept on purpose."""
    return find_leaks(text, LOOK_FOR)
