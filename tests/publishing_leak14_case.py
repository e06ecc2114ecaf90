"""A review whose family and practitioners come from naming customs the earlier cases lacked
(Yoruba with tone marks written as separate marks, Igbo with a short form and a mother named by
her child, Somali in its own spelling ("Cabdiweli Yuusuf Jaamac"), Amharic with a father's
name as the second name and an apostrophe of transliteration, Pashto with "-zai" spelt three
ways, Kurmanji Kurdish with "x" and "ş", a Tamil name registered as one name and an initial,
Vietnamese with its marks and the last given name used alone, Korean with another
romanisation of the family name and words of address, a Filipino nickname with "Kuya" and
"Tito", Brazilian Portuguese with "Júnior" and "-inho", a Hungarian married name in "-né",
Greek genitive and vocative, Romanian with "ș" and "ț" written both with the comma and the
cedilla and the "-ului" case, a Hungarian Roma grandfather with "bácsi", and a Welsh "ferch"),
registered as a user would type them, and written into the text as reports, minutes,
e-mails, file names, captions, footnotes and chronology cells write them: ALL CAPS, initials,
possessives, hyphens and apostrophes, a name hyphenated at the end of a line.

The case is data: who is registered (PEOPLE, PLACES), what is written (PLANTED) and where
(CASE, for tests/leak_planting.plant), and what must not be found (LOOK_FOR, for
tests/leak_planting.find_leaks). Every name here is made up. The reader is
tests/publishing_world_case.read_everything."""

from datetime import date
from pathlib import Path

from tests.leak_planting import find_leaks, plant

# The child's names with the tone marks typed as marks of their own (as some keyboards do).
IBUKUN = "I\u0300bu\u0300ku\u0301n"
OLAJIDE = "O\u0323la\u0301ji\u0301de\u0301"
BUSAYO = "Bu\u0300sa\u0301yo\u0323\u0300"

# (name, descriptor, role, other names, date of birth, addresses, identifiers)
PEOPLE = [
    (
        f"{IBUKUN} {OLAJIDE}",
        "Child I",
        "the child",
        (),
        date(2017, 5, 3),
        ("7 Kestrel House, Caldermoor CM4 2XY",),
        (),
    ),
    ("Chiamaka Eze", "Mother", "mother", (), None, (), ()),
    (f"{BUSAYO} {OLAJIDE}", "Father", "father", (), None, (), ()),
    ("Abdiweli Yusuf Jama", "Mother's partner", "mother's partner", (), None, (), ()),
    ("Tsion Tewodros", "Sibling 1", "half-sister", (), None, (), ()),
    ("Zarghuna Ahmadzai", "the GP", "GP", (), None, (), ()),
    ("Rojîn Şêxo", "the health visitor", "health visitor", (), None, (), ()),
    ("S. Kumaran", "Police Officer 1", "police officer", (), None, (), ()),
    ("Trần Thị Thu Hương", "Social Worker 1", "social worker", (), None, (), ()),
    ("Park Seo-yeon", "Team Manager", "team manager", (), None, (), ()),
    ("Rodrigo Bautista Macaraeg", "Foster carer", "foster carer", ("Bong",), None, (), ()),
    ("João Pedro Carvalho Júnior", "Neighbour", "neighbour", (), None, (), ()),
    ("Szabóné Tóth Erzsébet", "the interpreter", "interpreter", (), None, (), ()),
    ("Konstantinos Papadopoulos", "Probation Officer", "probation officer", (), None, (), ()),
    ("Ștefan Țurcanu", "Youth Worker", "youth worker", (), None, (), ()),
    ("Dezső Lakatos", "Maternal grandfather", "grandfather", (), None, (), ()),
    ("Angharad ferch Gruffudd", "Class Teacher", "teacher", (), None, (), ()),
]
PLACES = [
    ("Kestrel House", "the block", ()),
    ("Caldermoor Junior School", "Primary School 1", ()),
]

# The forms, as reports, minutes, chronologies, e-mails, file names, captions and footnotes
# write them.
FORMS = [
    f"{IBUKUN.upper()}'S STORY. Ibukun ({IBUKUN} {OLAJIDE}; Ìbùkún; {IBUKUN}'s; IBUKUN;",
    "#JusticeForIbukun; ibukun.olajide@calmail.co.uk; file Ibukun_Olajide_CP_plan.docx) was",
    "born 03/05/2017 and lived at 7 Kestrel House. Photo 4: Bong and Ìbùkún at the block.",
    "Her mother Chiamaka (Amaka, Mrs Eze, Nne Ibukun, CHIAMAKA EZE, Chiamaka's, Mrs Eze-Olajide)",
    "said no.",
    f"Her father {BUSAYO} (Busayo, Mr {OLAJIDE}, Baba Ibukun, B. Olajide, OLAJIDE B., Mr",
    "Ọlájídé's car) rang.",
    "Her mother's partner Abdiweli (Cabdiweli Yuusuf Jaamac, Abdiweli Yusuf, Mr Jama, Abdiweli",
    "Y. Jama, ABDIWELI, Mr Jaamac) was in.",
    "Her half-sister Tsion (Tsiyon, Ts'ion, Tsion T., Ms Tewodros, TSION, Tsion's) was 12.",
    "The GP, Dr Ahmadzai (Zarghuna, Dr Ahmadzay, Zarghoona Ahmadzai, Dr Ahmadzei, Zarghuna Jan,",
    "Dr Z. Ahmadzai, AHMADZAI) saw her.",
    "The health visitor Rojîn (Rojin Sexo, Ms Şêxo, Rojin Shexo, Ms Shekho, ROJÎN, Rojîn's)",
    "came.",
    "PC Kumaran (S. Kumaran, Kumaran S., KUMARAN, Kumaran's, S.Kumaran, PC S Kumaran) attended.",
    "Social worker Hương (Trần Thị Thu Hương, Ms Tran, Thu Huong, TRAN Thi Thu Huong, Ms Huong,",
    "Chị Hương, Tran T.T. Huong, Hương's) visited.",
    "Team manager Ms Park (Seo-yeon, Seoyeon Park, Park Seo Yeon, PARK Seo-yeon, Seo-yeon-ssi,",
    "Park-nim, Ms Pak, Bak Seoyeon, Seo-yeon Park) signed it off.",
    "The foster carer Bong (Rodrigo Macaraeg, Kuya Bong, Tito Bong, Mr Macaraeg, R.B. Macaraeg,",
    "MACARAEG, the Macaraegs', Bong's) took her in.",
    "The neighbour Seu João (João Pedro Carvalho Júnior, Joãozinho, Sr. Carvalho, Carvalho Jr.,",
    "JOÃO PEDRO, J. P. Carvalho, Joao Pedro) called the police.",
    "The interpreter Mrs Szabó (Szabóné Tóth Erzsébet, Szabóné, Tóth Erzsébet, Erzsébet Tóth,",
    "Szabó Jánosné, SZABÓNÉ, Erzsébet néni, Mrs Szabo) attended.",
    "Probation officer Mr Papadopoulos (Konstantinos, Kostas, Konstantine, K. Papadopoulos,",
    "PAPADOPOULOS, Mr Papado-",
    "poulos, Konstantinou, Papadopoulou) wrote.",
    "Youth worker Ștefan (Ştefan Ţurcanu, Stefan Turcanu, Ștefane, dl. Țurcanu, lui Ștefan,",
    "Țurcanului, ŢURCANU, Ştefan's) helped.",
    "Her grandfather Dezső (Dezső Lakatos, Lakatos Dezső, Dezső bácsi, Mr Lakatos, the",
    "Lakatoses, LAKATOS D., Dezso) came.",
    "Her teacher Angharad (Angharad ferch Gruffudd, Ms Gruffudd, A. Gruffudd, ANGHARAD, Angharad",
    "f. Gruffudd, Angharad verch Gruffudd, gan Angharad) rang.",
    "[2] Source: letter from Dr Z. Ahmadzai to Ms Park, copied to @bong_macaraeg77 and",
    "s.turcanu@calmail.co.uk.",
]
PLANTED = " ".join(FORMS)

# Where the text is written (tests/leak_planting.plant).
CASE = {
    "reference": "CSPR-2026-171",
    "title": f"{IBUKUN} {OLAJIDE} (Child I)",
    "subject": "Child I",
    "partnership": "Caldermoor Safeguarding Children Partnership",
    "enquiry": f"How did agencies hear {IBUKUN}? ",
    "people": PEOPLE,
    "places": PLACES,
    "agencies": ("Caldermoor Police", "Caldermoor Children's Services"),
    "chronology": (
        "leak14.csv",
        [
            (
                "02/01/2023",
                "Home visit to Ìbùkún. {text}",
                "Referral: {text}",
                "TRẦN Thị Thu Hương",
                "Social worker",
                "ỌLÁJÍDÉ Ìbùkún",
            ),
            (
                "05/01/2023",
                " {text}",
                "None",
                "Şêxo R",
                "Health visitor",
                "Eze, Chiamaka (Nne Ibukun)",
            ),
            (
                "09/02/2023",
                "Seen at Caldermoor Junior School by Ms Gruffudd. {text}",
                "None",
                "KUMARAN S.",
                "Police",
                "Ibukun",
            ),
        ],
    ),
    "chronology_quoted": ("Practitioner", "Subject"),
    "episode": "Ìbùkún at Kestrel House with Abdiweli",
    "findings": [
        ("Nobody asked Ìbùkún or the Ọlájídés what they saw", "finding"),
        ("Tsion's persistence with Kuya Bong", "good_practice"),
    ],
    "recommendation": ("Ask Bong: ", "Rodrigo Bautista Macaraeg"),
    "action_lead": "Caldermoor Junior School",
    "heading": "What happened to ÌBÙKÚN and the ỌLÁJÍDÉS",
}

ORDINARY = (
    "She joined the junior football team. The choir sang y ferch o'r dref in Welsh. "
    "The park was closed. Staff used the MASH and the MARAC. The Raja Yoga class met on "
    "Tuesdays and the Cruz Azul team played."
)

# What must not be found in a published file (tests/leak_planting.find_leaks).
LOOK_FOR = {
    "kept": ["MASH", "MARAC", "Raja Yoga", "Cruz Azul", "junior football", "y ferch o'r dref"],
    "name_parts": """ibukun olajide olajides busayo chiamaka amaka eze eze-olajide abdiweli
    cabdiweli yuusuf yusuf jaamac jama tsion tsiyon ts'ion tewodros zarghuna zarghoona ahmadzai
    ahmadzay ahmadzei rojin sexo shexo shekho kumaran tran huong thu seo-yeon seoyeon
    seo-yeon-ssi park-nim pak bak rodrigo bautista macaraeg macaraegs bong joao joaozinho pedro
    carvalho szabone szabo toth erzsebet janosne konstantinos kostas konstantine
    papadopoulos konstantinou papadopoulou stefan stefane turcanu turcanului dezso lakatos
    lakatoses angharad gruffudd bong_macaraeg77 s.turcanu""".split()
    + ["seo yeon", "thi thu", "joao pedro", "j. p. carvalho"],
    "names_in_noise": "mostly_plain",
    # Words that are ordinary English in lower case: counted only capitalised.
    "name_words_capitalised": ["Park", "PARK", "Ms Park", "Seu João", "Júnior"],
    "initials": [
        r"\bB\. Olajide",
        r"\bOLAJIDE B\.",
        r"\bY\. J",
        r"\bTsion T\.",
        r"\bZ\. A",
        r"\bS\. ?K",
        r"\bKUMARAN S\.",
        r"\bKumaran S\.",
        r"\bT\.T\.",
        r"\bR\.B\.",
        r"\bJ\. P\.",
        r"\bK\. P",
        r"\bLAKATOS D\.",
        r"\bA\. G",
        r"\bf\. Gruffudd",
    ],
    "initials_in_noise": True,
    "broken_names": {"papado-poulos": r"papado-\s*poulos"},
    "place_parts": ["kestrel"],
    "digits": {"date of birth": ["03/05/2017"], "address": ["cm42xy"]},
}


def build_case(ctx, folder: Path, text: str = PLANTED) -> int:
    """The review, with ``text`` written everywhere."""
    return plant(ctx, folder, CASE, text)


def leaks(text: str) -> dict[str, list[str]]:
    """What is left, by kind. The prose in LOOK_FOR["kept"] is taken out first: its words are
    kept on purpose."""
    return find_leaks(text, LOOK_FOR)
