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

NAME_PARTS = """chukwuemeka emeka obi funmilayo funmi ogunleye adebayo bayo tharshini sivakumar
    hodan abdi farah shahidul shahid cristina delacruz dela cruz mei ling mei-ling michelle
    wong yohannes tesfay gebremariam gebre-mariam rhodri iorwerth siobhan bhriain briain""".split()
INITIALS = [r"\bS\. Tharshini", r"\bM\. ?S\."]
NAME_WORDS_CAPITALISED = ["Islam"]
PLACE_PARTS = ["harrow court", "linden way", "flat 3"]
DIGITS = {"date of birth": ["14/03/2019"], "address": ["fb27ql"]}
KEPT = ["Linden Road", "about Islam and faith", "Cruz Azul", "MASH", "MARAC", "Chief Inspector"]


def build_case(ctx, folder: Path, text: str = PLANTED) -> int:
    review_id = create_review(
        ctx,
        review_type="lcspr",
        reference=REFERENCE,
        title="Chukwuemeka Obi (Child E)",
        subject_pseudonym="Child E",
        partnership="Fenbridge Safeguarding Children Partnership",
        lines_of_enquiry=["How did agencies hear Emeka? " + text],
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
    agencies = ("Fenbridge Police", "Fenbridge Children's Services")
    imrs = [add_agency(ctx, review_id, name, "other") for name in agencies]
    for imr in imrs:
        apply_fields(
            ctx,
            "imr",
            imr,
            {"status": "accepted", "summary": text, "analysis": text, "lessons": text},
        )
        add_item(ctx, "recommendation", imr, {"text": "Agency to share: " + text})
    csv = folder / "leak10.csv"
    cell = text.replace('"', '""')
    csv.write_text(
        "Date,Event,Action taken,Practitioner,Role,Subject\n"
        f'02/01/2023,"Home visit to Emeka. {cell}","Referral: {cell}","DELA CRUZ, '
        'Maria Cristina",Social worker,OBI Chukwuemeka\n'
        f'05/01/2023,"{cell}",None,Sivakumar T,Health visitor,"Ogunleye, Funmilayo (FUNMI)"\n'
        f'09/02/2023,"Seen at Linden Way Primary School by Ms Wong. {cell}",None,'
        "WONG Mei Ling,Teacher,Emeka\n",
        encoding="utf-8",
    )
    import_chronology(ctx, review_id, agencies[0], csv)
    add_item(
        ctx,
        "key_episode",
        review_id,
        {
            "title": "Emeka at Harrow Court with Funmi",
            "start": date(2023, 1, 1),
            "end": date(2023, 2, 10),
            "summary": text,
        },
        1,
    )
    finding = add_finding(ctx, review_id, "Nobody asked Emeka or the Ogunleyes what they saw")
    apply_fields(ctx, "finding", finding, {"narrative": text, "status": "agreed"})
    good = add_finding(ctx, review_id, "Shahid's persistence with Mama Emeka", "good_practice")
    apply_fields(ctx, "finding", good, {"narrative": text, "status": "agreed"})
    rec = add_item(ctx, "review_recommendation", review_id, {"text": "Ask Bayo: " + text})
    apply_fields(
        ctx,
        "recommendation",
        rec,
        {"addressee": "Rhodri ap Iorwerth", "board_response": "accepted"},
    )
    add_item(
        ctx,
        "action",
        rec,
        {"action": "Brief staff on " + text, "lead_agency": "Linden Way Primary School"},
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
                values["title"] = "What happened to EMEKA and the OGUNLEYES"
                renamed = True
        elif s.source == "glossary":
            values["text"] = f"MASH: {text}"
        apply_fields(ctx, "report_section", s.id, values)


# Bytes of a compressed font or picture that a name's letters may happen to spell.
_BINARY = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def _noise(text: str, start: int, end: int) -> bool:
    """True when the letters at ``start:end`` sit in the bytes of a compressed font or picture,
    not in words: control characters near them, or mostly neither letters, digits nor spaces
    (a short name such as "Lan" is spelled by chance in such bytes)."""
    window = text[max(start - 12, 0) : end + 12]
    if _BINARY.search(window):
        return True
    plain = sum(c.isalnum() or c == " " for c in window)
    return plain < 0.7 * len(window)


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
            if not _noise(found, m.start(), m.end()):
                out.setdefault("name", []).append(part)
                break
    for word in NAME_WORDS_CAPITALISED:
        if re.search(rf"(?<![\w]){word}(?![\w])", text):
            out.setdefault("name", []).append(word)
    for pattern in INITIALS:
        if re.search(pattern, text):
            out.setdefault("name", []).append(pattern)
    for part in PLACE_PARTS:
        if re.search(rf"(?<![a-z]){re.escape(part)}(?![a-z])", found.replace("-", " ")):
            out.setdefault("place", []).append(part)
    for kind, values in DIGITS.items():
        for value in values:
            squeezed_value = re.sub(r"[\s()]", "", value)
            if squeezed_value in squeezed or squeezed_value in squeezed.replace("-", ""):
                out.setdefault(kind, []).append(value)
    return out
