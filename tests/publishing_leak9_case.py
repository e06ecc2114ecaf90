"""A review whose family and practitioners come from naming customs the earlier cases lacked
(Romany Gypsy, Arabic with a kunya and a nasab, Vietnamese, Portuguese with two surnames,
Ghanaian day names, Sikh Singh and Kaur, Turkish, Lithuanian wives' and daughters' surnames,
Polish declined), registered as a user would type them, and written into the text as reports,
minutes and chronologies write them: pet names no table holds ("Mags", "Imi"), user names and
tags ("AlfieK"-like "TomaszK19", "#JusticeForTomasz"), registered names and short forms in
capitals ("KASIA", "BEX"-like "ROZ"), Polish and Lithuanian case endings ("Tomasza Nowaka",
"Nowakowej", "Kazlauskienės"), the other sex's form of a family name ("Kazlauskaitė", "Pani
Nowakowa"), "Mrs N" without a dot. Every name here is made up. The reader is
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

REFERENCE = "CSPR-2026-91"

# (name, descriptor, role, other names, date of birth, addresses, identifiers)
PEOPLE = [
    (
        "Tomasz Nowak",
        "Child T",
        "the child",
        (),
        date(2018, 11, 4),
        ("Plot 6, Greenacre Park, Fenbridge FB3 9XT",),
        (),
    ),
    ("Katarzyna Nowak", "Mother", "mother", (), None, (), ()),
    ("Levi Lee", "Mother's partner", "mother's partner", (), None, (), ()),
    ("Roseanne Smith", "Maternal grandmother", "grandmother", (), None, (), ()),
    ("Margaret Boswell", "Great-grandmother", "great-grandmother", (), None, (), ()),
    ("Imran Al-Hashimi", "Father", "father", (), None, (), ()),
    ("Nguyen Thi Lan", "Stepmother", "stepmother", (), None, (), ()),
    ("Joana Pereira da Silva", "Social Worker 1", "social worker", (), None, (), ()),
    ("Kwabena Asante", "Police Officer 1", "police officer", (), None, (), ()),
    ("Harpreet Kaur", "the health visitor", "health visitor", (), None, (), ()),
    ("Gurdeep Singh Sandhu", "the GP", "GP", (), None, (), ()),
    ("Emine Yılmaz", "Class Teacher", "teacher", (), None, (), ()),
    ("Rūta Kazlauskienė", "Neighbour", "neighbour", (), None, (), ()),
    ("Rosalind Pryce", "Team Manager", "team manager", (), None, (), ()),
]
PLACES = [
    ("Greenacre Park", "the site", ()),
    ("Fenbridge Primary School", "Primary School 1", ()),
]

# Forms planted, as reports, minutes and chronologies write them.
PLANTED = (
    "TOMASZ'S STORY. Tomek (Tomasz Nowak; TomaszK19 on the game chat; @tomek_n2018; "
    "#JusticeForTomasz) was born 4.11.2018 and lived on Plot 6, Greenacre Park. The interpreter "
    "read the letter about Tomasza Nowaka to his mother; it was sent to Pani Katarzyna "
    "Nowakowa and to Katarzynie. Minutes: Mrs N said she was worried; KASIA did not attend. "
    "Kasia's sister wrote to Nowakowej. The Nowakowie moved twice. Her partner Levi (LEVI LEE) "
    "and his mam Roz stayed; Roseanne's caravan was at Greenacre. Nan Mags (Mrs Boswell) "
    "spoke for the family. The father, Abu Tomasz (Imran Al-Hashimi, Imran bin Yusuf "
    "Al-Hashimi), was seen; Imi rang later, and his username imran.hashimi81 was on file. "
    "His partner Ms Lan (Nguyen Thi Lan; Mrs Nguyen) came. Social worker Joana Silva "
    "(Ms Pereira; JOANA) visited, then Ms da Silva. PC Kwabena Asante (PC Asante, Kobby) "
    "attended; Kobby wrote it up. The health visitor Ms Kaur (Harpreet) and Dr Sandhu "
    "(Dr G. S. Sandhu, Gurdeep) saw him. Teacher Emine Hanım (Ms Yilmaz, YILMAZ) taught him. "
    "The neighbour Kazlauskienės said she heard shouting; her daughter Kazlauskaitė saw it. "
    "Team manager Ros Pryce (ROS) signed it off."
)

ORDINARY = (
    "The family moved to a new site in the spring. The Greenacre Road bus was late. Magistrates "
    "sat on Monday. The Imperial War Museum trip went well; "
    "Staff used the MASH and the MARAC. Sandhurst Road surgery opened late."
)

NAME_PARTS = """tomasz tomek tomasza nowak nowaka nowakowa nowakowej nowakowie katarzyna katarzynie
    kasia levi roseanne roz mags boswell imran imi al-hashimi hashimi yusuf nguyen lan joana
    pereira silva kwabena kobby asante harpreet gurdeep sandhu emine yilmaz kazlauskiene
    kazlauskienes kazlauskaite rosalind ros pryce""".split()
INITIALS = [r"\bMrs N\b", r"\bG\. ?S\."]
NAME_WORDS_CAPITALISED = ["Lee", "Smith", "Kaur", "Singh"]
PLACE_PARTS = ["greenacre park", "plot 6", "fenbridge primary"]
DIGITS = {"date of birth": ["4.11.2018"], "address": ["fb39xt"]}
KEPT = ["Greenacre Road", "Magistrates", "Imperial War Museum", "Sandhurst Road", "MASH", "MARAC"]


def build_case(ctx, folder: Path, text: str = PLANTED) -> int:
    review_id = create_review(
        ctx,
        review_type="lcspr",
        reference=REFERENCE,
        title="Tomasz Nowak (Child T)",
        subject_pseudonym="Child T",
        partnership="Fenbridge Safeguarding Children Partnership",
        lines_of_enquiry=["How did agencies hear Tomek? " + text],
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
    csv = folder / "leak9.csv"
    cell = text.replace('"', '""')
    csv.write_text(
        "Date,Event,Action taken,Practitioner,Role,Subject\n"
        f'02/01/2023,"Home visit to Tomek. {cell}","Referral: {cell}","PEREIRA DA SILVA, '
        'Joana",Social worker,NOWAK Tomasz\n'
        f'05/01/2023,"{cell}",None,Kaur H,Health visitor,"Nowak, Katarzyna (KASIA)"\n'
        f'09/02/2023,"Seen at Fenbridge Primary School by Ms Yilmaz. {cell}",None,'
        "YILMAZ Emine,Teacher,Tomek\n",
        encoding="utf-8",
    )
    import_chronology(ctx, review_id, agencies[0], csv)
    add_item(
        ctx,
        "key_episode",
        review_id,
        {
            "title": "Tomek at Greenacre with Kasia",
            "start": date(2023, 1, 1),
            "end": date(2023, 2, 10),
            "summary": text,
        },
        1,
    )
    finding = add_finding(ctx, review_id, "Nobody asked Tomek or the Nowakowie what they saw")
    apply_fields(ctx, "finding", finding, {"narrative": text, "status": "agreed"})
    good = add_finding(ctx, review_id, "Kobby's persistence with Nan Mags", "good_practice")
    apply_fields(ctx, "finding", good, {"narrative": text, "status": "agreed"})
    rec = add_item(ctx, "review_recommendation", review_id, {"text": "Ask Imi: " + text})
    apply_fields(
        ctx,
        "recommendation",
        rec,
        {"addressee": "Ros Pryce", "board_response": "accepted"},
    )
    add_item(
        ctx,
        "action",
        rec,
        {"action": "Brief staff on " + text, "lead_agency": "Fenbridge Primary School"},
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
                values["title"] = "What happened to TOMEK and the NOWAKS"
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
