"""A review whose family and practitioners come from naming customs the earlier cases lacked
(Czech and Slovak with names declined by case and the vocative, Latvian with a gendered family
name, Hebrew and Yiddish with diminutives and "ben", Chinese pinyin with tone marks and an
adopted English name, Icelandic with a "-dóttir" name, Dutch with "van den", Zimbabwean Shona
with a first name that is an English word, Sinhala with many initials, Serbian with "Đ", Finnish
with case endings, Thai with a nickname, and an English double-barrelled name written by its
halves), registered as a user would type them, and written into the text as reports, minutes,
e-mails, file names, captions and footnotes write them: ALL CAPS, initials with and without
dots, misread letters, a name hyphenated at the end of a line.

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
        "Eliška Nováková",
        "Child E",
        "the child",
        (),
        date(2016, 11, 22),
        ("12 Larchfield Court, Wyebourne WB3 8TR",),
        (),
    ),
    ("Jana Nováková", "Mother", "mother", (), None, (), ()),
    ("Petr Novák", "Father", "father", (), None, (), ()),
    ("Ľubomír Horváth", "Mother's partner", "mother's partner", (), None, (), ()),
    ("Līga Bērziņa", "Sibling 1", "half-sister", (), None, (), ()),
    ("Yosef Mendel Katz", "the GP", "GP", (), None, (), ()),
    ("Chaya Rivka Friedman", "the health visitor", "health visitor", (), None, (), ()),
    ("Zhang Wei", "Police Officer 1", "police officer", ("Vivian",), None, (), ()),
    ("Sigríður Jónsdóttir", "Social Worker 1", "social worker", (), None, (), ()),
    ("Pieter van den Berg", "Team Manager", "team manager", (), None, (), ()),
    ("Memory Chipo Moyo", "Foster carer", "foster carer", (), None, (), ()),
    ("Ruwan Kumara Wickramasinghe", "Class Teacher", "teacher", (), None, (), ()),
    ("Đorđe Petrović", "the interpreter", "interpreter", (), None, (), ()),
    ("Aino Virtanen", "Neighbour", "neighbour", (), None, (), ()),
    ("Siriporn Chaiyaporn", "Support Worker 1", "support worker", ("Ploy",), None, (), ()),
    ("Harriet Ashworth-Okoro", "Maternal grandmother", "grandmother", (), None, (), ()),
]
PLACES = [
    ("Larchfield Court", "the block", ()),
    ("Wyebourne Junior School", "Primary School 1", ()),
]

# The forms, as reports, minutes, chronologies, e-mails, file names, captions and footnotes
# write them.
FORMS = [
    "ELIŠKA'S STORY. Eliska (Eliška Nováková; Eliško; Elišce; Eli; Eliščin; #JusticeForEliska;",
    "eliska.novakova@wyemail.cz; file eliska_novakova_CP_plan.docx) was born 22/11/2016 and lived",
    "at 12 Larchfield Court. Figure 2: Elišk's drawing. She said: 'Mami Jano, don't cry.'",
    "Her mother Jana (paní Nováková, Janě, Janička, Novákové, the Nováks', Mrs Novakova, NOVAKOVA",
    "J., Mrs Nowakova) said no.",
    "Her father Petr (pan Novák, Petře, Petrovi, Novákovi, Péťa, Novák P., NOVÁK, Mr Novak) rang.",
    "Her mother's partner Ľubo (Lubomir Horvath, Ľuboš, Mr Horvath, Horvátha, Horváthom) was in.",
    "Her half-sister Līga (Liga Berzina, Līgai, Līgas, Ms Bērziņš, Bērziņu, LIGA) was 12.",
    "The GP, Dr Katz (Yossi, Yossele, Dr Kats, Y.M. Katz, YM Katz, Dr Mendel, Reb Yosef,",
    "Yosef ben Avraham Katz) saw her.",
    "The health visitor Chaya (Rivky, Chaya-Rivka, Mrs Fridman, C.R. Friedman, Friedmans') came.",
    "PC Zhāng Wěi (Wei 'Vivian' Zhang, ZHANG Wei, PC Zhang, Xiao Zhang, Wei-Wei, Zhāng) attended.",
    "Social worker Sigga (Sigridur Jonsdottir, Ms Jónsdóttir, S. Jónsdóttir, SIGRÍÐUR) visited.",
    "Team manager Piet (Mr Van den Berg, Berg, P. van den, P. v.d. Berg, Mr vd Berg, Vandenberg,",
    "VAN DEN BERG) signed it off.",
    "The foster carer Memory (Mrs Moyo, Amai Chipo, Chipo, the Moyos', MEMORY MOYO, M.C. Moyo)",
    "took her in.",
    "Her teacher Mr Wickramasinghe (Ruwan, W.R.K., R. K. Wickramasinghe, Mr Wickremasinghe,",
    "Wicky, Mr Wickrama-",
    "singhe) rang.",
    "The interpreter Đorđe (Djordje, Dorde, Đole, Mr Petrovic, Petroviću, PETROVIĆ) attended.",
    "The neighbour Aino (Ms Virtanen, Virtasen, Virtaselle, Ainon, Ainolle) called the police.",
    "Support worker Ploy (Khun Ploy, Khun Siriporn, P'Ploy, Ms Chaiyaporn, Siri) drove them.",
    "Her grandmother Mrs Ashworth (Mrs Okoro, Harriet Ashworth Okoro, Hattie, Nana Harriet) came.",
    "[1] Source: letter from Dr Y. Katz to Mr Wickramasinghe, copied to @ploy_siri88.",
]
PLANTED = " ".join(FORMS)

# Where the text is written (tests/leak_planting.plant).
CASE = {
    "reference": "CSPR-2026-157",
    "title": "Eliška Nováková (Child E)",
    "subject": "Child E",
    "partnership": "Wyebourne Safeguarding Children Partnership",
    "enquiry": "How did agencies hear Eliška? ",
    "people": PEOPLE,
    "places": PLACES,
    "agencies": ("Wyebourne Police", "Wyebourne Children's Services"),
    "chronology": (
        "leak13.csv",
        [
            (
                "02/01/2023",
                "Home visit to Eliška. {text}",
                "Referral: {text}",
                "JÓNSDÓTTIR Sigríður",
                "Social worker",
                "NOVÁKOVÁ Eliška",
            ),
            (
                "05/01/2023",
                " {text}",
                "None",
                "Friedman C",
                "Health visitor",
                "Nováková, Jana (Mami)",
            ),
            (
                "09/02/2023",
                "Seen at Wyebourne Junior School by Mr Wickramasinghe. {text}",
                "None",
                "WICKRAMASINGHE R.K.",
                "Teacher",
                "Eli",
            ),
        ],
    ),
    "chronology_quoted": ("Practitioner", "Subject"),
    "episode": "Eliška at Larchfield Court with Ľubo",
    "findings": [
        ("Nobody asked Eliška or the Nováks what they saw", "finding"),
        ("Līga's persistence with Mami Jana", "good_practice"),
    ],
    "recommendation": ("Ask Sigga: ", "Sigríður Jónsdóttir"),
    "action_lead": "Wyebourne Junior School",
    "heading": "What happened to ELIŠKA and the NOVÁKS",
}

ORDINARY = (
    "The visit stayed in her memory. The precious few hours with the family were a blessing. "
    "The water came in a virta of rain. Staff used the MASH and the MARAC. The Raja Yoga class "
    "met on Tuesdays and the Cruz Azul team played. Chief Inspector Reid chaired the panel."
)

# What must not be found in a published file (tests/leak_planting.find_leaks).
LOOK_FOR = {
    "kept": ["MASH", "MARAC", "Chief Inspector", "Raja Yoga", "Cruz Azul"],
    "name_parts": """eliska elisko elisce eliscin elisk novakova novak novakove novakovi novaks
    nowakova jana jane janicka petr petre petrovi peta lubo lubomir lubos horvath horvatha
    horvathom liga berzina berzins berzinu ligai ligas yosef yossi yossele kats katz mendel
    avraham chaya rivka rivky chaya-rivka friedman fridman friedmans zhang wei wei-wei vivian
    sigga sigridur jonsdottir pieter piet vandenberg moyo moyos chipo ruwan kumara
    wickramasinghe wickremasinghe wicky djordje dorde dole petrovic petrovicu aino virtanen
    virtasen virtaselle ainon ainolle ploy siriporn chaiyaporn siri harriet hattie ashworth
    okoro ashworth-okoro ploy_siri88""".split()
    + ["van den berg", "v.d. berg", "vd berg", "wei 'vivian'"],
    "names_in_noise": "mostly_plain",
    # Words that are ordinary English in lower case: counted only capitalised.
    "name_words_capitalised": ["Eli", "Berg", "Mami Jano", "Memory", "MEMORY"],
    "initials": [
        r"\bY\.M\.",
        r"(?<![\w-])YM\b",
        r"\bC\.R\.",
        r"\bW\.R\.K\.",
        r"\bR\. ?K\.",
        r"\bM\.C\.",
        r"\bP\. v\.d\.",
        r"\bNovák P\.",
        r"\bDr Y\.",
        r"\bS\. J",
        r"\bR\.K\b",
    ],
    "initials_in_noise": True,
    "broken_names": {"wickrama-singhe": r"wickrama-\s*singhe"},
    "place_parts": ["larchfield"],
    "digits": {"date of birth": ["22/11/2016"], "address": ["wb38tr"]},
}


def build_case(ctx, folder: Path, text: str = PLANTED) -> int:
    """The review, with ``text`` written everywhere."""
    return plant(ctx, folder, CASE, text)


def leaks(text: str) -> dict[str, list[str]]:
    """What is left, by kind. The prose in LOOK_FOR["kept"] is taken out first: its words are
    kept on purpose."""
    return find_leaks(text, LOOK_FOR)
