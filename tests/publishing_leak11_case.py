"""A review whose family and practitioners come from naming customs the earlier cases lacked
(Pakistani/Kashmiri, Hungarian with the family name first, Romanian, Albanian, Kurdish, Afghan
Pashto, Sudanese, Congolese, Jamaican, Irish Traveller, Hong Kong Chinese with an English
name, Nepali, a Yoruba name cut to its end, Polish with a moved vowel), registered as a user
would type them, and written into the text as reports, minutes and chronologies write them.

The case is data: who is registered (PEOPLE, PLACES), what is written (PLANTED, and where:
TITLE, HEADING, FINDINGS, CHRONOLOGY), and what must not be found (NAME_PARTS, ...), so
that a shared planting helper can take it. Every name here is made up. The reader is
tests/publishing_world_case.read_everything."""

import re
from datetime import date
from pathlib import Path

from tests.publishing_leak10_case import _noise, folded

REFERENCE = "CSPR-2026-131"
SUBJECT = "Child H"

# (name, descriptor, role, other names, date of birth, addresses, identifiers)
PEOPLE = [
    (
        "Muhammad Haris Raja",
        "Child H",
        "the child",
        (),
        date(2018, 9, 21),
        ("Flat 12, Mirfield House, 40 Tanners Row, Fenbridge FB4 9JD",),
        (),
    ),
    ("Shazia Bibi Raja", "Mother", "mother", (), None, (), ()),
    ("Tariq Mehmood", "Father", "father", (), None, (), ()),
    ("Oluwasegun Bello", "Mother's partner", "mother's partner", (), None, (), ()),
    ("Paweł Zając", "Sibling 1", "half-brother", (), None, (), ()),
    ("Kovács Eszter", "the GP", "GP", (), None, (), ()),
    ("Ionuț Popescu", "Neighbour", "neighbour", (), None, (), ()),
    ("Arjola Krasniqi", "the interpreter", "interpreter", (), None, (), ()),
    ("Hawre Ahmed Mustafa", "Support Worker 1", "support worker", (), None, (), ()),
    ("Farzana Popalzai", "the health visitor", "health visitor", (), None, (), ()),
    ("Abubakr Osman Elhassan", "Police Officer 1", "police officer", (), None, (), ()),
    ("Jean-Pierre Kasongo Ilunga", "Social Worker 1", "social worker", (), None, (), ()),
    ("Marcia Pauline Campbell", "Maternal grandmother", "grandmother", (), None, (), ()),
    ("Bridget Ward", "Foster carer", "foster carer", (), None, (), ()),
    ("Chan Ka Wai", "Team Manager", "team manager", ("Kelvin Chan",), None, (), ()),
    ("Sunita Thapa Magar", "Head Teacher", "head teacher", (), None, (), ()),
]
PLACES = [
    ("Mirfield House", "the block", ()),
    ("Tanners Row Primary School", "Primary School 1", ()),
]

# The forms, as reports, minutes, chronologies, e-mails and file names write them.
FORMS = [
    "HARIS'S STORY. Haris (Muhammad Haris Raja; #JusticeForHaris; @haris_raja18) was born",
    "21/09/2018 and lived at Flat 12, Mirfield House.",
    "His mother Shaz (Mrs Raja, RAJA Shazia, Shazia Bibi) said Mama Haris was tired;",
    "neighbours called her Ammi Haris and his father Abbu Haris.",
    "His father Tariq (Mr Mahmood, Tariq M.) rang.",
    "Her partner Segun (Oluwasegun Bello, SEGUN, Baba Segun, Mr Bello) was at work.",
    "His half-brother Pawełek (Pawła, z Pawłem, Pawel) was 12.",
    "The GP, Dr Eszter Kovacs (Dr Kovács, Kovács Dr., Eszti; eszter.kovacs@fenbridge.nhs.uk),",
    "saw him.",
    "The neighbour Ionut Popescu (domnul Popescu, Nelu, POPESCU) called the police.",
    "The interpreter Arjola (Ms Krasniqi, Ms Krasnici, ARJOLA) attended.",
    "Support worker Kak Hawre (Hawre A., Mr Mustafa) drove them.",
    "The health visitor Farzana Jan (Ms Popalzay; Popalzai_HV_notes.docx) visited.",
    "PC Elhassan (PC El-Hassan, PC Abu Bakr Elhassan, Abu-Bakr, Bakri) attended.",
    "Social worker JP (Jean Pierre Kasongo, Mr Kasongo-Ilunga, Papa Jean-Pierre,",
    "jp.kasongo@fenbridge.gov.uk) visited.",
    "His grandmother Miss Marcia (Granny Campbell, Auntie Marcia, Mrs Campbell's) helped.",
    "The foster carer Biddy Ward (Bridgie, Mrs Ward, BRIDGET) took him in.",
    "Team manager Kelvin Chan (Mr Chan Ka-wai, KW Chan, Kels) signed it off.",
    "The head teacher Sunita Didi (Ms Thapa-Magar, Sunita ji, Mrs Magar) rang.",
]
PLANTED = " ".join(FORMS)

# Where the text is written, besides the IMRs, recommendations, actions and sections.
TITLE = "Muhammad Haris Raja (Child H)"
ENQUIRY = "How did agencies hear Haris? "
HEADING = "What happened to HARIS and the RAJAS"
KEY_EPISODE = "Haris at Mirfield House with Shaz"
FINDINGS = [
    ("Nobody asked Haris or the Rajas what they saw", "finding"),
    ("Segun's persistence with Mama Haris", "good_practice"),
]
RECOMMENDATION = ("Ask Kelvin: ", "Kelvin Chan", "Tanners Row Primary School")
# Chronology rows: date, event (the text goes after it), action, practitioner, role, subject.
CHRONOLOGY = [
    (
        "02/01/2023",
        "Home visit to Haris.",
        "Referral:",
        "KASONGO ILUNGA, Jean-Pierre",
        "Social worker",
        "RAJA Muhammad Haris",
    ),
    ("05/01/2023", "", None, "Popalzai F", "Health visitor", "Raja, Shazia (SHAZ)"),
    (
        "09/02/2023",
        "Seen at Tanners Row Primary School by Ms Thapa Magar.",
        None,
        "THAPA MAGAR Sunita",
        "Teacher",
        "Haris",
    ),
]

ORDINARY = (
    "The family moved to a new flat in the spring. The Tanners Lane bus was late. The "
    "Campbell Road surgery was closed. Staff used the MASH and the MARAC. Chief Inspector "
    "Reid chaired the panel. The ward round was late. She was a member of the Raja Yoga "
    "society."
)

NAME_PARTS = """haris raja shazia shaz tariq mehmood mahmood oluwasegun segun bello pawelek
    pawla pawlem pawel zajac kovacs eszter eszti ionut popescu nelu arjola krasniqi krasnici
    hawre mustafa farzana popalzai popalzay elhassan el-hassan abubakr abu-bakr bakri
    jean-pierre kasongo ilunga marcia pauline campbell bridget bridgie biddy kelvin chan
    ka-wai kels sunita thapa magar thapa-magar""".split()
INITIALS = [r"\bKW Chan", r"\bTariq M\.", r"\bHawre A\.", r"(?<![\w-])JP\b"]
# Words that are ordinary English in lower case: counted only capitalised.
NAME_WORDS_CAPITALISED = ["Ward", "Didi", "Bibi"]
PLACE_PARTS = ["mirfield house", "tanners row", "flat 12"]
DIGITS = {"date of birth": ["21/09/2018"], "address": ["fb49jd"]}
KEPT = [
    "Tanners Lane",
    "Campbell Road",
    "MASH",
    "MARAC",
    "Chief Inspector",
    "ward round",
    "Raja Yoga",
]


def build_case(ctx, folder: Path, text: str = PLANTED) -> int:
    """The review, with ``text`` written everywhere. (The same steps as the earlier cases'
    builders: to be replaced by the shared planting helper when it lands.)"""
    from app.chronology.importer import import_chronology
    from app.edits import apply_fields
    from app.findings import add_finding
    from app.imrs import add_agency
    from app.items import add_item
    from app.publishing.people import add_person
    from app.reviews import create_review

    review_id = create_review(
        ctx,
        review_type="lcspr",
        reference=REFERENCE,
        title=TITLE,
        subject_pseudonym=SUBJECT,
        partnership="Fenbridge Safeguarding Children Partnership",
        lines_of_enquiry=[ENQUIRY + text],
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
    for name in agencies:
        imr = add_agency(ctx, review_id, name, "other")
        apply_fields(
            ctx,
            "imr",
            imr,
            {"status": "accepted", "summary": text, "analysis": text, "lessons": text},
        )
        add_item(ctx, "recommendation", imr, {"text": "Agency to share: " + text})
    csv = folder / "leak11.csv"
    cell = text.replace('"', '""')
    lines = ["Date,Event,Action taken,Practitioner,Role,Subject"]
    for when, event, action, who, role, subject in CHRONOLOGY:
        act = f'"{action} {cell}"' if action else "None"
        lines.append(f'{when},"{event} {cell}",{act},"{who}",{role},"{subject}"')
    csv.write_text("\n".join(lines) + "\n", encoding="utf-8")
    import_chronology(ctx, review_id, agencies[0], csv)
    add_item(
        ctx,
        "key_episode",
        review_id,
        {
            "title": KEY_EPISODE,
            "start": date(2023, 1, 1),
            "end": date(2023, 2, 10),
            "summary": text,
        },
        1,
    )
    for title, kind in FINDINGS:
        finding = add_finding(ctx, review_id, title, kind)
        apply_fields(ctx, "finding", finding, {"narrative": text, "status": "agreed"})
    lead, addressee, agency = RECOMMENDATION
    rec = add_item(ctx, "review_recommendation", review_id, {"text": lead + text})
    apply_fields(ctx, "recommendation", rec, {"addressee": addressee, "board_response": "accepted"})
    add_item(ctx, "action", rec, {"action": "Brief staff on " + text, "lead_agency": agency})
    for kind in ("overview", "summary", "brief"):
        _write_sections(ctx, review_id, kind, text)
    return review_id


def _write_sections(ctx, review_id: int, kind: str, text: str) -> None:
    from app.documents import ensure_report, get_report
    from app.edits import apply_fields

    report = get_report(ctx, ensure_report(ctx, review_id, kind))
    renamed = False
    for s in report.sections:
        values = {"included": True}
        if not s.generated:
            values["text"] = f"{s.title}: {text}"
            if not renamed:
                values["title"] = HEADING
                renamed = True
        elif s.source == "glossary":
            values["text"] = f"MASH: {text}"
        apply_fields(ctx, "report_section", s.id, values)


def leaks(text: str) -> dict[str, list[str]]:
    """What is left, by kind. The prose in KEPT is taken out first: its words are kept on
    purpose."""
    text = " ".join(text.split())
    for kept in KEPT:
        text = text.replace(kept, " ")
    found = folded(text)
    squeezed = re.sub(r"[\s()]", "", found)
    out: dict[str, list[str]] = {}
    spaced = found.replace("_", " ")
    for part in NAME_PARTS:
        for m in re.finditer(rf"(?<![a-z]){re.escape(part)}(?![a-z])", spaced):
            if not _noise(found, m.start(), m.end()):
                out.setdefault("name", []).append(part)
                break
    for word in NAME_WORDS_CAPITALISED:
        if re.search(rf"(?<![\w]){word}(?![\w])", text):
            out.setdefault("name", []).append(word)
    for pattern in INITIALS:
        if any(not _noise(text, m.start(), m.end()) for m in re.finditer(pattern, text)):
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
