"""A review whose family and practitioners come from naming customs the earlier cases lacked
(Azerbaijani written with "ə", "ş" and "oğlu" and in its English spellings, Bulgarian with a
father's name as the middle name and pet names in "-ko", "-cho" and "-sho", Malayali (Kerala)
with "-mol" and "-mon" joined to a given name and "Chechi" and "Chettan" after it, Hong Kong
Cantonese with the family name in capitals, a hyphened given name and "-jai" and "Siu",
Maltese with "ħ", "ż" and "ġ", Kikuyu with "wa", Sylheti Bangladeshi with "Uddin" run
together and "Md.", and English given names that are places (Devon, Lincoln) in prose that
uses the places too), registered as a user would type them, and written into the text as
reports, minutes, e-mails, file names, captions, footnotes and chronology cells write them:
misspellings, initials, pet names, names in e-mail addresses and user names, a name broken
over a line, ALL-CAPS headings, a name in a table cell.

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
        "Ravan Mammadov",
        "Child R",
        "the child",
        (),
        date(2017, 9, 3),
        ("22 Ropewalk Close, Eastmere EM4 2TD",),
        (),
    ),
    ("Devon Hartley", "Mother", "mother", (), None, (), ()),
    ("Elşən Məmmədov", "Father", "father", (), None, (), ()),
    ("Dimitar Georgiev Ivanov", "Neighbour", "neighbour", (), None, (), ()),
    ("Tsvetelina Ivanova", "Neighbour 2", "neighbour", (), None, (), ()),
    ("Ancy Mathew Kurian", "the health visitor", "health visitor", (), None, (), ()),
    ("Jomon Varghese", "Social Worker 1", "social worker", (), None, (), ()),
    ("Kelvin Chan Ka-wai", "Police Officer 1", "police officer", (), None, (), ()),
    ("Ġorġ Xuereb", "Class Teacher", "teacher", (), None, (), ()),
    ("Marija Ħili", "Head Teacher", "head teacher", (), None, (), ()),
    ("Wanjiru Kamau", "the GP", "GP", (), None, (), ()),
    ("Mohammed Kamal Uddin", "the interpreter", "interpreter", (), None, (), ()),
    ("Lincoln Pryce", "Team Manager", "team manager", (), None, (), ()),
]
PLACES = [
    ("Ropewalk Close", "the street", ()),
    ("Eastmere Junior School", "Primary School 1", ()),
]

# The forms, as reports, minutes, chronologies, e-mails, file names, captions and footnotes
# write them.
FORMS = [
    "RAVAN’S STORY. Ravan (Ravan’s, RAVAN, MAMMADOV R., Ravan Elşən oğlu, R.M., Mamadov) was",
    "born 03/09/2017 and lived at 22 Ropewalk Close. His file ravan.mammadov@eastmere.example",
    "and Ravan_Mammadov_plan.docx. Mam-\nmadov cried.",
    "Photo 2: Ravan at the gate.",
    "His mother Devon (Devon’s, Ms Hartley, D. Hartley, Devs, DH) rang.",
    "His father Elşən (Elshan, Elshan Mammadov, Məmmədov, Mr Mammadov, E.M.) came.",
    "The neighbour Dimitar (Mitko, Mitaka, Dimitar Georgiev, Ivanov D.G., Mr Ivanov) and his",
    "wife Tsvetelina (Tsveti, Tsvetka, Ms Ivanova, the Ivanovi) called.",
    "The health visitor Ancy (Ancymol, Ancy Chechi, Sister Ancy, A.M. Kurian, Ms Kurian,",
    "ancy.kurian@nhs.example) visited.",
    "The social worker Jomon (Jomon Chettan, Jomonchettan, Mr Varghese, J. Varghese, JV) wrote.",
    "PC Kelvin Chan (CHAN Ka-wai, Chan Ka Wai, Ka-wai, Wai-jai, Ah Wai, Siu Wai, Chan KW,",
    "kelvin.chan@police.example) attended.",
    "His teacher Ġorġ (Gorg Xuereb, Mr Xuereb, Xureb, G. Xuereb) and Ms Ħili (Marija Hili,",
    "Mrs Hili, Maria Hili) said so.",
    "Dr Wanjiru Kamau (Wanjiru wa Kamau, Dr Kamau, Shiro, W. Kamau) wrote.",
    "The interpreter Kamal (Md. Kamal Uddin, Kamaluddin, Md Kamal, M.K. Uddin, Mr Uddin) came.",
    "Team manager Lincoln (Mr Pryce, L. Pryce, Lincoln’s, LP, @lincoln_pryce) signed it off.",
    "[3] Source: letter from Mr Xuereb to Ms Kurian, copied to Kamaluddin.",
]
PLANTED = " ".join(FORMS)

# Where the text is written (tests/leak_planting.plant).
CASE = {
    "reference": "CSPR-2026-218",
    "title": "Ravan Mammadov (Child R)",
    "subject": "Child R",
    "partnership": "Eastmere Safeguarding Children Partnership",
    "enquiry": "How did agencies hear Ravan? ",
    "people": PEOPLE,
    "places": PLACES,
    "agencies": ("Eastmere Police", "Eastmere Children's Services"),
    "chronology": (
        "leak18.csv",
        [
            (
                "05/01/2023",
                "Home visit to Ravan. {text}",
                "Referral: {text}",
                "KURIAN A.",
                "Health visitor",
                "MAMMADOV, Ravan",
            ),
            (
                "10/01/2023",
                " {text}",
                "None",
                "Jomon Chettan",
                "Social worker",
                "Elshan",
            ),
            (
                "14/02/2023",
                "Seen at Eastmere Junior School by Mr Xuereb. {text}",
                "None",
                "CHAN Ka-wai",
                "Police",
                "Devs",
            ),
        ],
    ),
    "chronology_quoted": ("Practitioner", "Subject"),
    "episode": "Ravan at Ropewalk Close with Mitko",
    "findings": [
        ("Nobody asked Ravan or the Mammadovs what they saw", "finding"),
        ("Ancymol’s persistence with Siu Wai", "good_practice"),
    ],
    "recommendation": ("Ask Lincoln Pryce: ", "Lincoln Pryce"),
    "action_lead": "Eastmere Junior School",
    "heading": "What happened to RAVAN and the MAMMADOVS",
}

ORDINARY = (
    "Devon County Council wrote. The family moved to Devon in 2021 and lived in Lincoln "
    "before that. Lincoln Road was closed. The ward sister signed it. Readings were given "
    "in kelvin. Staff used the MASH."
)

# What must not be found in a published file (tests/leak_planting.find_leaks).
LOOK_FOR = {
    "kept": [
        "MASH",
        "Devon County Council",
        "moved to Devon",
        "lived in Lincoln",
        "Lincoln Road was closed",
        "Lincoln Road",  # the street, should a page's footer fall after it
        "ward sister",
        "in kelvin",
    ],
    "name_parts": """ravan mammadov mammadovs mamadov mammadovi elsen elshan memmedov dimitar
    mitko mitaka georgiev ivanov ivanova ivanovi tsvetelina tsveti tsvetka ancy ancymol kurian
    jomon jomonchettan varghese kelvin ka-wai wai-jai gorg xuereb xureb marija hili wanjiru
    kamau shiro kamal kamaluddin uddin pryce hartley devs ravan.mammadov ancy.kurian
    kelvin.chan lincoln_pryce ħili məmmədov elsən""".split()
    + ["ka wai", "ah wai", "siu wai", "chan ka", "chan kw", "mam- madov"],
    "names_in_noise": "mostly_plain",
    # Words that are ordinary English, or places, in lower case or in the kept prose: counted
    # only capitalised.
    "name_words_capitalised": ["Devon", "Devon’s", "Lincoln", "Lincoln’s", "Chan", "Wai"],
    "initials": [
        r"\bMAMMADOV R\.",
        r"\bR\.M\.",
        r"\bD\. Hartley",
        r"\bDH\b",
        r"\bE\.M\.",
        r"\bD\.G\.",
        r"\bA\.M\.",
        r"\bJ\. ",
        r"\bJV\b",
        r"\bKW\b",
        r"\bG\. ",
        r"\bW\. ",
        r"\bM\.K\.",
        r"\bL\. ",
        r"\bLP\b",
        r"\bKURIAN A\.",
    ],
    "initials_in_noise": True,
    "broken_names": {"Mam-madov": r"mam-\s*madov"},
    "place_parts": ["ropewalk close"],
    "digits": {"date of birth": ["03/09/2017"], "address": ["em42td"]},
}


def build_case(ctx, folder: Path, text: str = PLANTED) -> int:
    """The review, with ``text`` written everywhere."""
    return plant(ctx, folder, CASE, text)


def leaks(text: str) -> dict[str, list[str]]:
    """What is left, by kind. The prose in LOOK_FOR["kept"] is taken out first: its words are
    kept on purpose."""
    return find_leaks(text, LOOK_FOR)
