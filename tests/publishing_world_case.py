"""A review whose people come from many naming traditions (Welsh, Irish, Scottish, Polish,
Arabic, Punjabi, Yoruba, Vietnamese, Chinese, Dutch, Spanish), written into the register as a
user would and into every place a user types, in the forms case systems and people write them;
and a reader that takes every byte of text out of a published file (text, metadata, alternative
text, attributes, headers and footers) to count what is left of them."""

import html
import re
import unicodedata
import zipfile
import zlib
from datetime import date
from pathlib import Path

from tests.leak_planting import folded, plant

REFERENCE = "CSPR-2026-77"

# (name, descriptor, role, other names, date of birth, addresses, identifiers, kind)
PEOPLE = [
    (
        "Rhys ap Gwilym",
        "Child R",
        "the child",
        ("Rhysie",),
        date(2021, 5, 14),
        ("Flat 7, Tŷ Gwyn Court, 3 Heol y Bryn, Caerwen CW4 2XZ",),
        ("485 777 3406", "H801200001234", "8812345"),
    ),
    (
        "Siobhán Ó Súilleabháin",
        "Mother",
        "mother",
        ("Shiv", "Siobhan O'Sullivan"),
        date(1996, 11, 2),
        (),
        ("JT 45 67 89 B", "+44 7700 900456", "shiv.osullivan@example.com"),
    ),
    ("Łukasz Wiśniewski", "Mother's partner", "mother's partner", ("Luke",), None, (), ()),
    ("Abdul-Rahman Al-Sayed", "Father", "father", (), None, (), ("CR/44021/24",)),
    ("Ailsa MacLeòid", "Maternal grandmother", "grandmother", ("Ailsa McLeod",), None, (), ()),
    ("Tegan Hughes-McAllister", "Sibling 1", "half-sister", ("Teg",), None, (), ()),
    ("Aoife Wiśniewska", "Sibling 2", "half-sister", (), None, (), ()),
    ("Gurpreet Kaur", "Social Worker 1", "social worker", (), None, (), ()),
    ("Mohammed Iqbal", "the GP", "GP", (), None, (), ()),
    ("Oluwaseun Adébáyọ̀", "the health visitor", "health visitor", ("Seun",), None, (), ()),
    ("Nguyễn Thị Lan", "Class Teacher", "teacher", (), None, (), ()),
    ("Li Wei", "Police Officer 1", "police officer", (), None, (), ()),
    ("Mark Young", "Team Manager", "team manager", (), None, (), ()),
    ("Rose de la Cruz", "Support Worker 1", "support worker", (), None, (), ()),
    ("Pieter van der Berg", "the paediatrician", "paediatrician", (), None, (), ()),
    ("Dáire O’Connell-Price", "Police Officer 2", "police officer", (), None, (), ()),
]
PLACES = [
    ("Ysgol Gynradd Bryn Ŵyn", "Primary School 1", ("Bryn Wyn Primary School",)),
    ("St Brigid's Catholic Primary School", "Primary School 2", ()),
    ("Meddygfa Glan-yr-Afon", "GP Practice 1", ("Glan-yr-Afon Surgery",)),
]

# Every form, by kind, planted in the text below.
FORMS = {
    "name": [
        "Rhys ap Gwilym",
        "RHYS AP GWILYM",
        "AP GWILYM, Rhys",
        "Rhys's",
        "Rhysie",
        "Baby Wiśniewska",
        "Siobhán Ó Súilleabháin",
        "Siobhan O'Sullivan",
        "Ó SÚILLEABHÁIN, Siobhán",
        "Shiv",
        "WIŚNIEWSKI, Łukasz",
        "Lukasz Wisniewski",
        "the Wiśniewskis' flat",
        "Ł.W.",
        "AL-SAYED, Abdul-Rahman",
        "the Al-Sayeds",
        "Mr Al Sayed",
        "Ailsa MacLeòid",
        "MACLEOID",
        "Ailsa McLeod",
        "Tegan Hughes-McAllister",
        "McAllister-Hughes",
        "Kaur, Gurpreet",
        "G.K.",
        "GK",
        "Dr Iqbal",
        "Mohammed Iqbal's",
        "Oluwaseun Adébáyọ̀",
        "Oluwaseun Adebayo",
        "Seun",
        "Nguyễn Thị Lan",
        "Nguyen Thi Lan",
        "Ms Nguyen",
        "PC Li Wei",
        "Wei",
        "Mark Young",
        "Mr Young",
        "Rose de la Cruz",
        "DE LA CRUZ",
        "Dr van der Berg",
        "Pieter",
        "Dáire O'Connell-Price",
        "O’Connell Price",
        "gurpreet.kaur@caerwen.gov.uk",
        "facebook.com/lukasz.wisniewski84",
        "Statement_Lukasz_Wisniewski_v2.docx",
        "Rhys-ap-Gwilym-school-report.pdf",
    ],
    "date of birth": [
        "14/05/2021",
        "14.5.21",
        "14th May 2021",
        "May 14, 2021",
        "2021-05-14",
        "14-May-2021",
        "14-May-21",
        "02/11/1996",
    ],
    "address": [
        "Flat 7, Tŷ Gwyn Court",
        "Ty Gwyn Court",
        "3 Heol y Bryn",
        "Heol-y-Bryn",
        "CW4 2XZ",
    ],
    "place": [
        "Ysgol Gynradd Bryn Ŵyn",
        "Ysgol Bryn Ŵyn",
        "Bryn Wyn Primary",
        "St Brigid's",
        "St. Brigid’s RC Primary",
        "Meddygfa Glan-yr-Afon",
        "Glan yr Afon Surgery",
    ],
    "identifier": [
        "485 777 3406",
        "485-777-3406",
        "H801200001234",
        "UPN: H801200001234",
        "Mosaic ID 8812345",
        "LCS person ID: 3345566",
        "JT 45 67 89 B",
        "JT456789B",
        "crime ref CR/44021/24",
        "+44 7700 900456",
        "+447700900456",
        "+44 (0)7700 900 456",
        "shiv.osullivan@example.com",
    ],
}
PLANTED = (
    "Rhys ap Gwilym (RHYS AP GWILYM; AP GWILYM, Rhys; Rhysie) was born 14/05/2021 (also "
    "written 14.5.21, 14th May 2021, May 14, 2021, 2021-05-14, 14-May-2021 and 14-May-21). "
    "Rhys's half-sister, Baby Wiśniewska, was born later. He lived at Flat 7, Tŷ Gwyn Court "
    "(Ty Gwyn Court, 3 Heol y Bryn; Heol-y-Bryn, CW4 2XZ) with his mother Siobhán Ó "
    "Súilleabháin (Siobhan O'Sullivan; Ó SÚILLEABHÁIN, Siobhán; Shiv; born 02/11/1996), and "
    "WIŚNIEWSKI, Łukasz (Lukasz Wisniewski, Ł.W.) stayed at the Wiśniewskis' flat. His "
    "father AL-SAYED, Abdul-Rahman visited the Al-Sayeds' home; Mr Al Sayed declined. His "
    "grandmother Ailsa MacLeòid (MACLEOID, Ailsa McLeod) and his half-sister Tegan "
    "Hughes-McAllister (McAllister-Hughes) helped. The social worker Kaur, Gurpreet (G.K., "
    "GK) emailed gurpreet.kaur@caerwen.gov.uk. Dr Iqbal read Mohammed Iqbal's notes. The "
    "health visitor Oluwaseun Adébáyọ̀ (Oluwaseun Adebayo, Seun) visited. His teacher "
    "Nguyễn Thị Lan (Nguyen Thi Lan, Ms Nguyen) at Ysgol Gynradd Bryn Ŵyn (Ysgol Bryn Ŵyn, "
    "Bryn Wyn Primary) spoke to St Brigid's and St. Brigid’s RC Primary. PC Li Wei and Wei "
    "attended with Mark Young; Mr Young agreed. Rose de la Cruz (DE LA CRUZ) and Dr van der "
    "Berg (Pieter) saw him; Dáire O'Connell-Price (O’Connell Price) took the statement "
    "Statement_Lukasz_Wisniewski_v2.docx and Rhys-ap-Gwilym-school-report.pdf; see "
    "facebook.com/lukasz.wisniewski84. The GP practice Meddygfa Glan-yr-Afon (Glan yr Afon "
    "Surgery) holds NHS 485 777 3406 (485-777-3406), H801200001234, UPN: H801200001234, "
    "Mosaic ID 8812345, LCS person ID: 3345566, NI JT 45 67 89 B (JT456789B), crime ref "
    "CR/44021/24, +44 7700 900456, +447700900456, +44 (0)7700 900 456, "
    "shiv.osullivan@example.com."
)
# Words and phrases that are also in the names above, in ordinary prose: they must survive.
ORDINARY = (
    "Young people told the panel they wanted to be heard. The young mother had been a young "
    "carer, and concerns rose when she missed appointments. Practitioners will mark the date "
    "of each visit and may need to see the young person alone. A shiv was found in the flat. "
    "The court heard that the family had moved between rented homes, that the school and the "
    "surgery had shared what they knew, and that hope and grace were words the mother used "
    "about her faith. Young People's Services, the Family Court and Heddlu Dyfed-Powys Police "
    "took part; the health visitor made a mark on the red book. We will review the practice "
    "guidance and share the learning with the board. Li-ion batteries and a LAN cable were in "
    "the bedroom; the bryn behind the house is steep."
)
# Capitalised names next to a relationship, title or role that are NOT in the register.
UNREGISTERED = [
    "Her partner Łukasz Nowak stayed.",
    "Her friend Siobhán Ó Briain called.",
    "The social worker, Nguyễn Văn Minh, visited.",
    "Dr van der Merwe saw him.",
    "PC Ó Ceallaigh attended.",
    "His uncle Adébáyọ̀ Ogunleye came.",
    "Her cousin Ġużeppi Borg came.",
    "His aunt Ngozi Okafor-Mbeki called.",
    "Her partner DARREN KEMP stayed.",
    "The health visitor, de la Fuente, visited.",
]


CASE = {
    "reference": REFERENCE,
    "title": "Rhys ap Gwilym (Child R)",
    "subject": "Child R",
    "partnership": "Caerwen Safeguarding Children Partnership",
    "enquiry": "How did agencies share what they knew? ",
    "people": PEOPLE,
    "places": PLACES,
    "agencies": ("Ysgol Gynradd Bryn Ŵyn", "Heddlu Dyfed-Powys Police", "Young People's Services"),
    "chronology": (
        "world.csv",
        [
            (
                "02/01/2023",
                "Home visit to Rhys. {text}",
                "Referral: {text}",
                "Kaur, Gurpreet",
                "Social worker",
                "AP GWILYM Rhys",
            ),
            (
                "05/01/2023",
                "{text}",
                "None",
                "Oluwaseun Adébáyọ̀",
                "Health visitor",
                "Ó SÚILLEABHÁIN, Siobhán",
            ),
            (
                "09/02/2023",
                "Seen at Ysgol Gynradd Bryn Ŵyn by Nguyễn Thị Lan. {text}",
                "None",
                "NGUYEN Thi Lan",
                "Teacher",
                "Rhysie",
            ),
        ],
    ),
    "episode": "Rhys at Ysgol Bryn Ŵyn with Łukasz",
    "findings": [
        ("Nobody asked Rhys or the Wiśniewskis what they saw", "finding"),
        ("Seun's persistence with Siobhán", "good_practice"),
        ("Learning from Łukasz's arrest", "learning_point"),
    ],
    "recommendation": ("Ask Ailsa MacLeòid: ", "Mark Young"),
    "action_lead": "Ysgol Gynradd Bryn Ŵyn",
    "heading": "What happened to Rhys and the Wiśniewskis",
}


def build_world_case(ctx, folder: Path, text: str = PLANTED) -> int:
    return plant(ctx, folder, CASE, text)


# ---- reading every byte of text back ----------------------------------------------------------


def _pdf_strings(path: Path) -> list[str]:
    from pypdf import PdfReader

    reader = PdfReader(path)
    parts = [page.extract_text() or "" for page in reader.pages]
    parts += [str(v) for v in (reader.metadata or {}).values()]
    raw = path.read_bytes()
    # Every stream inflated that holds text (XMP metadata, structure tree, alternative text),
    # and everything outside the streams (the document information, outlines).
    for m in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", raw, re.S):
        try:
            data = zlib.decompress(m.group(1))
        except zlib.error:
            data = m.group(1)
        if sum(32 <= b < 127 or b in (9, 10, 13) for b in data) >= 0.9 * len(data):
            parts.append(data.decode("latin-1"))
    parts.append(re.sub(rb"stream\r?\n.*?\r?\nendstream", b"", raw, flags=re.S).decode("latin-1"))
    text = "\n".join(parts)
    # PDF text strings: UTF-16 hex or literal strings with escapes.
    decoded = []
    for hexed in re.findall(r"<FEFF([0-9A-Fa-f\s]+)>", text):
        try:
            decoded.append(bytes.fromhex(re.sub(r"\s", "", hexed)).decode("utf-16-be"))
        except ValueError:
            pass
    for lit in re.findall(r"\((?:[^()\\]|\\.)*\)", text):
        if lit.startswith("(\xfe\xff"):
            try:
                decoded.append(lit[1:-1].encode("latin-1").decode("utf-16", "ignore"))
            except UnicodeError:
                pass
    return [text, *decoded]


def read_everything(path: Path) -> str:
    """Every piece of text in a published file as a reader, a search engine or a curious
    person opening it would find it."""
    if path.suffix == ".pdf":
        return "\n".join(_pdf_strings(path))
    if path.suffix in (".docx", ".xlsx"):
        parts = []
        with zipfile.ZipFile(path) as z:
            for name in z.namelist():
                parts.append(name)
                data = z.read(name)
                if name.endswith((".xml", ".rels", ".svg", ".txt")):
                    xml = data.decode("utf-8", "replace")
                    parts.append(html.unescape(re.sub(r"<[^>]+>", "", xml)))
                    parts.append(html.unescape(xml))
        return "\n".join(parts)
    raw = path.read_text(encoding="utf-8")
    return html.unescape(re.sub(r"<[^>]+>", " ", raw)) + "\n" + html.unescape(raw)


# What must not be found, by kind: name parts (whole words, any case or accents) and identifier
# digits (with spaces, dashes and brackets squeezed out).
NAME_PARTS = """rhys gwilym rhysie siobhan suilleabhain sullivan lukasz wisniewski wisniewskis
    wisniewska abdul-rahman sayed sayeds ailsa macleoid mcleod tegan mcallister teg gurpreet
    kaur iqbal oluwaseun adebayo seun nguyen thi pieter berg cruz daire o'connell""".split()
NAME_WORDS_CAPITALISED = [
    "Shiv",
    "Lan",
    "Wei",
    "Li",
    "Mark",
    "Young(?! [Pp]eople)",
    "Rose",
    "Luke",
    "Aoife",
]
PLACE_PARTS = ["bryn wyn", "brigid", "glan-yr-afon", "glan yr afon", "ty gwyn", "heol y bryn"]
DIGITS = {
    "identifier": ["4857773406", "h801200001234", "8812345", "3345566", "jt456789b", "44021"]
    + ["7700900456", "caerwen.gov.uk", "example.com"],
    "date of birth": ["14/05/2021", "14.5.21", "14thmay2021", "may14,2021", "2021-05-14"]
    + ["14-may-2021", "14-may-21", "02/11/1996"],
    "address": ["cw42xz"],
}


def leaks(text: str) -> dict[str, list[str]]:
    """What is left, by kind."""
    found = folded(text)
    squeezed = re.sub(r"[\s()]", "", found)
    out: dict[str, list[str]] = {}
    for part in NAME_PARTS:
        if re.search(rf"(?<![a-z]){re.escape(part)}(?![a-z])", found.replace("_", " ")):
            out.setdefault("name", []).append(part)
    plain = unicodedata.normalize("NFKD", text)
    plain = " ".join("".join(c for c in plain if not unicodedata.combining(c)).split())
    for word in NAME_WORDS_CAPITALISED:
        if re.search(rf"(?:^|(?<=[\s(\[]))(?:{word})(?=[\s,.;:)'’]|$)", plain, re.M):
            out.setdefault("name", []).append(word.split("(")[0])
    for part in PLACE_PARTS:
        if re.search(rf"(?<![a-z]){re.escape(part)}(?![a-z])", found.replace("-", " ")):
            out.setdefault("place", []).append(part)
        elif re.search(rf"(?<![a-z]){re.escape(part)}(?![a-z])", found):
            out.setdefault("place", []).append(part)
    for kind, values in DIGITS.items():
        for value in values:
            squeezed_value = re.sub(r"[\s()]", "", value)
            if squeezed_value in squeezed or squeezed_value in squeezed.replace("-", ""):
                out.setdefault(kind, []).append(value)
    return out
