"""A review whose family and practitioners come from further naming traditions (Polish, Romanian,
Somali, Pakistani, Nigerian, Chinese, Irish Traveller, Welsh), registered as a user would type
them, and written into the text the way people write names they know: nicknames and short
forms the register does not hold ("Bex" for Rebecca, "Alfie" for Alfred), other spellings
("Kathryn" for Catherine), initials ("Mrs K.", "K.M."), plurals and possessives ("the
Kowalskis", "Kowalski's"), capitals, names broken over a line or hyphenated across one, in web
addresses and email addresses; dates of birth, addresses and NHS numbers in further forms.
Every name here is made up. The reader is tests/publishing_world_case.read_everything."""

import re
import unicodedata
from datetime import date
from pathlib import Path

from app.chronology.importer import import_chronology
from app.edits import apply_fields
from app.findings import add_finding
from app.imrs import add_agency
from app.items import add_item
from app.publishing.people import add_person
from app.reviews import create_review

REFERENCE = "CSPR-2026-88"

# (name, descriptor, role, other names, date of birth, addresses, identifiers)
PEOPLE = [
    (
        "Alfred Kowalski",
        "Child A",
        "the child",
        (),
        date(2019, 3, 7),
        ("Flat 3B, Mereside House, 12 Canal Street, Easthaven EH7 1QP",),
        ("943 476 5919",),
    ),
    ("Rebecca Kowalska", "Mother", "mother", (), date(1994, 8, 21), (), ("07700 900123",)),
    ("Ionuț Popescu", "Mother's partner", "mother's partner", (), None, (), ()),
    ("Muhammad Asif Chaudhry", "Father", "father", (), None, (), ()),
    ("Hodan Warsame", "Maternal aunt", "aunt", (), None, (), ()),
    ("Bridget McDonagh", "Maternal grandmother", "grandmother", (), None, (), ()),
    ("Karolina Wójcik", "Sibling 1", "half-sister", (), None, (), ()),
    ("Aisha Begum", "Sibling 2", "half-sister", (), None, (), ()),
    ("Chukwuemeka Okonkwo-Adeyemi", "Social Worker 1", "social worker", (), None, (), ()),
    ("Zhang Xiuying", "the health visitor", "health visitor", (), None, (), ()),
    ("Dafydd Llewelyn-Jones", "Police Officer 1", "police officer", (), None, (), ()),
    ("Siobhan de Courcy", "Class Teacher", "teacher", (), None, (), ()),
    ("Jan van Wyk", "the GP", "GP", (), None, (), ()),
    ("Natasha MacAulay", "School Nurse", "school nurse", (), None, (), ()),
    ("James Fitzgerald-Smythe", "Team Manager", "team manager", (), None, (), ()),
    ("Catherine Hughes", "the IRO", "independent reviewing officer", (), None, (), ()),
    ("Stephen Mulligan", "Probation Officer", "probation officer", (), None, (), ()),
]
PLACES = [
    ("Ysgol Glan Morfa", "Primary School 1", ()),
    ("Brackley Lane Surgery", "GP Practice 1", ()),
]

# Every form planted below, by kind.
FORMS = {
    "name": [
        # the register's own spellings, in new places and shapes
        "ALFRED KOWALSKI",
        "ALFIE'S STORY",
        "the Kowalskis",
        "Kowalski's",
        "Alfred\nKowalski",
        "Kowal-\nski",
        "A.K.",
        "Mrs K.",
        "R.K.",
        "Ionut Popescu",
        "Ionuţ POPESCU",
        "Popescus'",
        "M.A. Chaudhry",
        "CHAUDHRY",
        "Warsame's",
        "the McDonaghs",
        "Mc Donagh",
        "Wojcik",
        "Okonkwo-Adeyemi",
        "Adeyemi",
        "Xiuying Zhang",
        "ZHANG Xiuying",
        "Ms Zhang",
        "DC Llewelyn Jones",
        "Ms de Courcy",
        "De Courcy",
        "Dr Van Wyk",
        "Natasha McAulay",
        "Mr Fitzgerald-Smythe",
        "FITZGERALD-SMYTHE",
        "Mulligan",
        # short forms and diminutives the register does not hold
        "Alfie",
        "Alf",
        "Bex",
        "Becky",
        "Kaz",
        "Tash",
        "Jimmy",
        "Emeka",
        "Dai",
        "Biddy",
        # spellings the register does not hold
        "Mohammed Chaudhry",
        "Mr Chaudhary",
        "Kathryn",
        "Katharine Hughes",
        "Steven Mulligan",
        "Ayesha",
        "Shivaun",
        "Llewellyn-Jones",
        # addresses on the web and in mail
        "rebecca.kowalska@example.com",
        "r.kowalska@example.com",
        "https://example.org/people/alfred-kowalski",
        "alfie.k2019@example.net",
    ],
    "date of birth": [
        "7 Mar 2019",
        "07-03-19",
        "7th of March 2019",
        "March 7th, 2019",
        "07.03.2019",
        "2019/03/07",
        "d.o.b. 7/3/2019",
        "21 Aug 94",
    ],
    "address": ["12 Canal St", "12, Canal Street", "EH71QP", "eh7 1qp", "Mereside House"],
    "place": ["Ysgol Glan Morfa", "Glan Morfa", "Brackley Lane Surgery", "Brackley Lane"],
    "identifier": [
        "943-476-5919",
        "9434765919",
        "NHS No. 943 4765 919",
        "(07700) 900 123",
        "07700-900-123",
        "+44 7700 900123",
    ],
}

PLANTED = (
    "ALFIE'S STORY. ALFRED KOWALSKI (Alfie, Alf; A.K.) was born 7 Mar 2019 (07-03-19; 7th of March 2019; "
    "March 7th, 2019; 07.03.2019; 2019/03/07; d.o.b. 7/3/2019) and lived with the Kowalskis "
    "at Mereside House, 12 Canal St (12, Canal Street, EH71QP, eh7 1qp). Kowalski's mother "
    "Bex (Becky, Mrs K., R.K., born 21 Aug 94) wrote from rebecca.kowalska@example.com and "
    "r.kowalska@example.com; see https://example.org/people/alfred-kowalski and "
    "alfie.k2019@example.net. The health visitor saw Alfred\nKowalski at home and wrote "
    "Kowal-\nski on the form. Her partner Ionut Popescu (Ionuţ POPESCU) stayed at the "
    "Popescus' flat. His father M.A. Chaudhry (CHAUDHRY; Mohammed Chaudhry) rang and Mr "
    "Chaudhary later declined. His aunt told Warsame's landlord, and the McDonaghs (Mc "
    "Donagh, Biddy) helped. His half-sisters Wojcik (Kaz) and Ayesha were at Ysgol Glan "
    "Morfa (Glan Morfa). The social worker Okonkwo-Adeyemi (Adeyemi, Emeka) visited with "
    "Xiuying Zhang (ZHANG Xiuying; Ms Zhang). DC Llewelyn Jones (Llewellyn-Jones, Dai) "
    "attended; Ms de Courcy (Shivaun) taught him. De Courcy said little. Dr Van Wyk at "
    "Brackley Lane Surgery (Brackley Lane) referred him; Natasha McAulay (Tash) saw him. "
    "Mr Fitzgerald-Smythe (FITZGERALD-SMYTHE, Jimmy) signed it off. The IRO, Katharine "
    "Hughes, chaired. Kathryn asked for a strategy meeting. Steven Mulligan and Mulligan's "
    "manager were told. NHS 943-476-5919 (9434765919; NHS No. 943 4765 919); phone (07700) "
    "900 123, 07700-900-123 and +44 7700 900123."
)

# Capitalised words in ordinary prose: they must survive.
ORDINARY = (
    "The family moved to a new home in the spring. Alfresco meals at the nursery were a treat, "
    "and the Becky Street market was busy. Katharina's Bakery is not a person. Maths and "
    "Welsh lessons went well; the Stevenage office sent films on Friday. Jimmy's Cafe is a "
    "shop in the town. The Mission Street centre ran a Christmas play. Kathmandu was the "
    "theme of the topic week."
)

# What must not be found: name parts (whole words, any case or accents).
NAME_PARTS = (
    """alfred kowalski kowalskis kowalska rebecca ionut popescu popescus chaudhry
    chaudhary hodan warsame bridget mcdonagh mcdonaghs karolina wojcik aisha ayesha begum
    chukwuemeka okonkwo-adeyemi okonkwo adeyemi emeka zhang xiuying dafydd llewelyn-jones
    llewellyn-jones llewelyn llewellyn siobhan shivaun courcy wyk natasha macaulay mcaulay
    fitzgerald-smythe fitzgerald smythe catherine kathryn katharine mulligan bex becky kaz
    tash biddy alfie""".split()
    + ["mc donagh"]
)
# Initials of a registered name with a title or before the name.
INITIALS = [r"\bMrs K\b", r"\bM\.A\."]
NAME_WORDS_CAPITALISED = ["Alf", "Dai", "Jimmy", "Stephen", "Steven", "Hughes"]
PLACE_PARTS = ["glan morfa", "brackley lane", "mereside", "canal st"]
DIGITS = {
    "identifier": ["9434765919", "07700900123", "447700900123"],
    "date of birth": ["7mar2019", "07-03-19", "7thofmarch2019", "march7th,2019", "07.03.2019"]
    + ["2019/03/07", "7/3/2019", "21aug94"],
    "address": ["eh71qp"],
}
# Forms that the ORDINARY prose holds and must still hold.
KEPT = ["Alfresco", "Becky Street", "Katharina's Bakery", "Stevenage", "Jimmy's Cafe"]


def build_case(ctx, folder: Path, text: str = PLANTED) -> int:
    review_id = create_review(
        ctx,
        review_type="lcspr",
        reference=REFERENCE,
        title="Alfred Kowalski (Child A)",
        subject_pseudonym="Child A",
        partnership="Easthaven Safeguarding Children Partnership",
        lines_of_enquiry=["How did agencies hear Alfie? " + text],
    )
    for name, descriptor, role, variants, born, addresses, ids in PEOPLE:
        add_person(
            ctx,
            review_id,
            name=name,
            descriptor=descriptor,
            role=role,
            variants=variants,
            date_of_birth=born,
            addresses=addresses,
            identifiers=ids,
        )
    for name, descriptor, variants in PLACES:
        add_person(
            ctx, review_id, name=name, descriptor=descriptor, kind="place", variants=variants
        )
    add_item(
        ctx,
        "panel_member",
        review_id,
        {"name": "Independent reviewer", "role": "overview_author", "organisation": "Independent"},
    )
    agencies = ("Easthaven Police", "Easthaven Children's Services")
    imrs = [add_agency(ctx, review_id, name, "other") for name in agencies]
    for imr in imrs:
        apply_fields(
            ctx,
            "imr",
            imr,
            {"status": "accepted", "summary": text, "analysis": text, "lessons": text},
        )
        add_item(ctx, "recommendation", imr, {"text": "Agency to share: " + text})
    csv = folder / "leak8.csv"
    cell = text.replace('"', '""')
    csv.write_text(
        "Date,Event,Action taken,Practitioner,Role,Subject\n"
        f'02/01/2023,"Home visit to Alfie. {cell}","Referral: {cell}","OKONKWO-ADEYEMI, '
        'Chukwuemeka",Social worker,KOWALSKI Alfred\n'
        f'05/01/2023,"{cell}",None,Zhang Xiuying,Health visitor,"Kowalska, Rebecca (Bex)"\n'
        f'09/02/2023,"Seen at Ysgol Glan Morfa by Ms de Courcy. {cell}",None,'
        "Siobhan DE COURCY,Teacher,Alfie\n",
        encoding="utf-8",
    )
    import_chronology(ctx, review_id, agencies[0], csv)
    add_item(
        ctx,
        "key_episode",
        review_id,
        {
            "title": "Alfie at Glan Morfa with Bex",
            "start": date(2023, 1, 1),
            "end": date(2023, 2, 10),
            "summary": text,
        },
        1,
    )
    finding = add_finding(ctx, review_id, "Nobody asked Alfie or the Kowalskis what they saw")
    apply_fields(ctx, "finding", finding, {"narrative": text, "status": "agreed"})
    good = add_finding(ctx, review_id, "Tash's persistence with Bex", "good_practice")
    apply_fields(ctx, "finding", good, {"narrative": text, "status": "agreed"})
    rec = add_item(ctx, "review_recommendation", review_id, {"text": "Ask Kaz: " + text})
    apply_fields(
        ctx,
        "recommendation",
        rec,
        {"addressee": "Jimmy Fitzgerald-Smythe", "board_response": "accepted"},
    )
    add_item(
        ctx, "action", rec, {"action": "Brief staff on " + text, "lead_agency": "Ysgol Glan Morfa"}
    )
    for kind in ("overview", "summary", "brief"):
        write_sections(ctx, review_id, kind, text)
    return review_id


def write_sections(ctx, review_id: int, kind: str, text: str) -> None:
    """Every section included and written; one renamed with names in its heading."""
    from app.documents import ensure_report, get_report

    report = get_report(ctx, ensure_report(ctx, review_id, kind))
    renamed = False
    for s in report.sections:
        values = {"included": True}
        if not s.generated:
            values["text"] = f"{s.title}: {text}"
            if not renamed:
                values["title"] = "What happened to Alfie and the KOWALSKIS"
                renamed = True
        elif s.source == "glossary":
            values["text"] = f"MASH: {text}"
        apply_fields(ctx, "report_section", s.id, values)


# Bytes of a compressed font or picture that a name's letters may happen to spell.
_BINARY = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def folded(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    plain = plain.translate(str.maketrans("łŁøØ’‘", "lLoO''"))
    return " ".join(plain.casefold().split())


def leaks(text: str) -> dict[str, list[str]]:
    """What is left, by kind. The prose in ORDINARY is taken out first: its words are kept
    on purpose."""
    text = " ".join(text.split())
    for kept in KEPT:
        text = text.replace(kept, " ")
    found = folded(text)
    squeezed = re.sub(r"[\s()]", "", found)
    out: dict[str, list[str]] = {}
    for part in NAME_PARTS:
        for m in re.finditer(rf"(?<![a-z]){re.escape(part)}(?![a-z])", found.replace("_", " ")):
            if not _BINARY.search(found, max(m.start() - 12, 0), m.end() + 12):
                out.setdefault("name", []).append(part)
                break
    for word in NAME_WORDS_CAPITALISED:
        if re.search(rf"(?<![\w]){word}(?![\w])", text):
            out.setdefault("name", []).append(word)
    for pattern in INITIALS:
        if re.search(pattern, text):
            out.setdefault("name", []).append(pattern)
    # "Kowal-\nski": the halves of a name broken across a line.
    if re.search(r"kowal-\s*ski", found):
        out.setdefault("name", []).append("kowal-ski")
    for part in PLACE_PARTS:
        if re.search(rf"(?<![a-z]){re.escape(part)}(?![a-z])", found.replace("-", " ")):
            out.setdefault("place", []).append(part)
    for kind, values in DIGITS.items():
        for value in values:
            squeezed_value = re.sub(r"[\s()]", "", value)
            if squeezed_value in squeezed or squeezed_value in squeezed.replace("-", ""):
                out.setdefault(kind, []).append(value)
    return out
