"""Three fictional reviews whose people cross over, for the outputs that draw on several
reviews (the learning newsletter, the annual report extract, coding tables): a practitioner in
two reviews, a name registered in one review and written in another whose register lacks it, a
child whose first name is an ordinary word, a family surname a practitioner shares, and a name
no register holds at all next to a relationship word."""

import re
from datetime import date

from app.documents import ensure_report, get_report
from app.edits import apply_fields
from app.findings import add_finding, set_themes
from app.imrs import add_agency
from app.items import add_item
from app.publishing.people import add_person
from app.review_corpus import set_review_themes
from app.reviews import create_review
from tests.publishing_world_case import folded

# (name, descriptor, role, other names, date of birth, addresses, identifiers)
A_PEOPLE = [
    ("Summer Nakamura-Reid", "Child S", "the child", ("Sunny",), date(2019, 8, 3),
     ("14 Larkspur Close, Brackley BR7 3QT",), ("943 476 5919", "UPN A123456789012")),
    ("Ingrid Nakamura", "Mother", "mother", ("Inge",), date(1990, 3, 21), (),
     ("ingrid.nakamura@example.org",)),
    ("Tomasz Kowalczyk", "Stepfather", "stepfather", ("Tomek",), None, (), ("PNC 19/228431K",)),
    ("Priya Ramanathan", "Social Worker 1", "social worker", (), None, (), ()),
    ("Eilidh Baird", "the health visitor", "health visitor", (), None, (), ()),
    ("Anand Subramaniam", "the GP", "GP", (), None, (), ()),
]  # fmt: skip
B_PEOPLE = [
    ("Temitope Olawale", "Mr T", "the adult", ("Temi",), date(1961, 2, 27),
     ("Flat 3, Kestrel House, 22 Mill Lane, Brackley BR4 9LP",), ("NI QQ 12 34 56 C",)),
    ("Chidinma Olawale-Hart", "Daughter", "daughter", ("Chidi",), None, (), ("07700 900777",)),
    ("Priya Ramanathan", "the social worker", "social worker", (), None, (), ()),
    ("Grzegorz Wójcik", "Care Worker 1", "care worker", (), None, (), ()),
]  # fmt: skip
C_PEOPLE = [
    ("Kirsty Baird", "Adult D", "the victim", (), date(1984, 12, 9),
     ("7 Thornfield Road, Brackley BR2 5HN",), ()),
    ("Declan Fitzpatrick-Moore", "Perpetrator", "perpetrator", ("Dec",), None, (), ()),
    ("Oksana Hrytsenko", "Police Officer 1", "police officer", (), None, (), ()),
    ("Róisín Baird", "Sister", "sister", (), None, (), ()),
]  # fmt: skip
PLACES = {"A": [("Glenmoor Primary School", "Primary School 1", ())]}

# Text in each review, in every place a person types: names of the review's own register and
# of another review's register, in the forms people write them.
A_TEXT = (
    "Summer told her teacher at Glenmoor that Tomek shouted. Ingrid Nakamura said Sunny was "
    "fine; the Nakamuras' flat at 14 Larkspur Close was cold. Priya Ramanathan (social worker) "
    "and Eilidh Baird visited; Dr Subramaniam saw Summer on 03/08/2019's follow-up. KOWALCZYK, "
    "Tomasz was arrested. Summer's DOB 3 August 2019, NHS 943 476 5919."
)
B_TEXT = (
    "Temi lived alone at Kestrel House. Chidinma Olawale-Hart rang 07700 900777 twice. Priya "
    "Ramanathan, who also worked with Summer Nakamura-Reid's family, visited once. Dr "
    "Subramaniam prescribed without review. Grzegorz Wójcik noted Mr Olawale's weight loss; "
    "his neighbour Darren Pughsley raised concerns. Temitope was born 27/02/1961."
)
C_TEXT = (
    "Kirsty Baird's sister Róisín called the police. Declan Fitzpatrick-Moore was known to "
    "Oksana Hrytsenko. Eilidh Baird, the health visitor from another case, was not involved. "
    "Kirsty's address, 7 Thornfield Road, was flagged. Her partner Dean Hollis left in 2023."
)
# Ordinary safeguarding prose using the common word that is also the child's first name.
ORDINARY = (
    "Over the summer holidays the school was closed and no one saw the children. A summer "
    "scheme was offered but not taken up. Professionals should hope for the best but plan for "
    "the worst; the partner's wish to be seen as a good father was accepted at face value."
)

REFS = {"A": "LCSPR-2025-03", "B": "SAR-2025-07", "C": "DHR-2024-02"}


def _review(ctx, key, review_type, title, subject, people, text, decision, sign_off, themes):
    rid = create_review(
        ctx,
        review_type=review_type,
        reference=REFS[key],
        title=title,
        subject_pseudonym=subject,
        partnership="Brackley Safeguarding Partnership",
        decision_date=decision,
        sign_off_date=sign_off,
        status="published",
    )
    for name, descriptor, role, variants, born, addresses, ids in people:
        add_person(ctx, rid, name=name, descriptor=descriptor, role=role, variants=variants,
                   date_of_birth=born, addresses=addresses, identifiers=ids)  # fmt: skip
    for name, descriptor, variants in PLACES.get(key, []):
        add_person(ctx, rid, name=name, descriptor=descriptor, kind="place", variants=variants)
    set_review_themes(ctx, rid, themes)
    full = text + " " + ORDINARY
    imr = add_agency(ctx, rid, "Brackley Community Health", "health")
    apply_fields(
        ctx,
        "imr",
        imr,
        {"status": "accepted", "summary": full, "analysis": full, "lessons": full,
         "good_practice": full},
    )  # fmt: skip
    add_item(ctx, "recommendation", imr, {"text": "Health to act on: " + full})
    for kind, title in (
        ("finding", f"Nobody listened to {text.split()[0]}"),
        ("good_practice", "Priya Ramanathan's persistence"),
        ("learning_point", "Learning from Dr Subramaniam's prescribing"),
    ):
        fid = add_finding(ctx, rid, title, kind)
        apply_fields(ctx, "finding", fid, {"narrative": full, "status": "agreed"})
        set_themes(ctx, fid, themes)
    rec = add_item(ctx, "review_recommendation", rid, {"text": "Board to ask: " + full})
    apply_fields(
        ctx, "recommendation", rec, {"addressee": "Eilidh Baird", "board_response": "accepted"}
    )
    add_item(ctx, "action", rec,
             {"action": "Brief staff on " + full, "lead_agency": "Brackley Community Health",
              "status": "complete", "completion_date": sign_off, "evidence": full})  # fmt: skip
    add_item(ctx, "action", rec,
             {"action": "Audit " + full, "lead_agency": "Brackley Community Health",
              "status": "not_accepted", "not_accepted_reason": full})  # fmt: skip
    rec2 = add_item(ctx, "review_recommendation", rid, {"text": "Refused: " + full})
    apply_fields(ctx, "recommendation", rec2,
                 {"board_response": "not_accepted", "response_reason": full})  # fmt: skip
    report = get_report(ctx, ensure_report(ctx, rid, "brief"))
    for s in report.sections:
        if s.title == "Background":
            apply_fields(ctx, "report_section", s.id, {"text": full, "included": True})
    return rid


def add_meeting(ctx, review_id: int, text: str) -> int:
    """A panel meeting with a member named in another review, an agenda item, a decision and a
    task, for the minutes and the panel's task list."""
    from app.meetings import add_agenda_item, add_task, create_meeting, record_decision

    add_item(ctx, "panel_member", review_id,
             {"name": "Eilidh Baird", "role": "member", "organisation": "Brackley Health"})  # fmt: skip
    meeting = create_meeting(ctx, review_id, date(2025, 5, 1), place="Kestrel House")
    item = add_agenda_item(ctx, meeting, "Dr Subramaniam's evidence")
    record_decision(ctx, item, text)
    add_task(ctx, review_id, "Ask " + text, owner="Priya Ramanathan", meeting_id=meeting)
    return meeting


def add_chronology(ctx, review_id: int, folder, text: str) -> None:
    """A chronology naming the review's people and another review's, in every column."""
    from app.chronology.importer import import_chronology

    cell = text.replace('"', '""')
    csv = folder / "chronology.csv"
    csv.write_text(
        "Date,Event,Practitioner,Role,Subject\n"
        f'02/01/2025,"{cell}","Ramanathan, Priya",Social worker,OLAWALE Temitope\n'
        f'05/01/2025,"Seen with Summer. {cell}",Eilidh Baird,Health visitor,Temi\n',
        encoding="utf-8",
    )
    import_chronology(ctx, review_id, "Brackley Community Health", csv)


def build_multi_case(ctx) -> dict[str, int]:
    return {
        "A": _review(ctx, "A", "lcspr", "Summer Nakamura-Reid", "Child S", A_PEOPLE, A_TEXT,
                     date(2025, 1, 10), date(2025, 9, 1), ["Neglect"]),
        "B": _review(ctx, "B", "sar", "Temitope Olawale (Mr T)", "Mr T", B_PEOPLE, B_TEXT,
                     date(2025, 2, 1), date(2025, 10, 1), ["Self-neglect"]),
        "C": _review(ctx, "C", "dhr", "Kirsty Baird", "Adult D", C_PEOPLE, C_TEXT,
                     date(2024, 6, 1), date(2025, 6, 30), ["Domestic abuse"]),
    }  # fmt: skip


NAME_PARTS = """nakamura-reid nakamura nakamuras ingrid inge tomasz tomek kowalczyk priya
    ramanathan eilidh baird subramaniam anand temitope temi olawale olawale-hart chidinma
    chidi grzegorz wojcik kirsty declan fitzpatrick-moore dec oksana hrytsenko roisin
    pughsley hollis glenmoor""".split()
CAPITALISED = ["Summer(?! [a-z])", "Sunny", "Dean"]
DIGITS = {
    "identifier": ["9434765919", "a123456789012", "228431", "qq123456c", "07700900777"]
    + ["example.org"],
    "date of birth": ["03/08/2019", "3august2019", "27/02/1961", "1961-02-27", "2019-08-03"],
    "address": ["br73qt", "br49lp", "br25hn", "larkspur", "kestrel", "thornfield", "mill lane"],
}


def leaks(text: str) -> dict[str, list[str]]:
    found = folded(text)
    squeezed = re.sub(r"[\s()]", "", found)
    out: dict[str, list[str]] = {}
    for part in NAME_PARTS:
        if re.search(rf"(?<![a-z]){re.escape(part)}(?![a-z])", found.replace("_", " ")):
            out.setdefault("name", []).append(part)
    for word in CAPITALISED:
        if re.search(rf"(?:^|(?<=[\s(\[>\"]))(?:{word})(?=[\s,.;:)'’<\"]|$)", text, re.M):
            out.setdefault("name", []).append(word.split("(")[0])
    for kind, values in DIGITS.items():
        for value in values:
            v = re.sub(r"[\s()]", "", value)
            if v in squeezed or v in squeezed.replace("-", "") or value in found:
                out.setdefault(kind, []).append(value)
    return out
