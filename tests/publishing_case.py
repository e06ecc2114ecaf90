"""A review with names and identifiers planted in every place text can come from, and readers
for every kind of output file (for the publishing tests)."""

import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from app.chronology.importer import import_chronology
from app.edits import apply_fields
from app.findings import add_finding
from app.imrs import add_agency
from app.items import add_item
from app.meetings import add_agenda_item, add_task, create_meeting, record_decision
from app.publishing.people import add_person
from app.reviews import create_review
from tests.conftest import TODAY

REFERENCE = "LCSPR-2026-41"

# (real name, descriptor, role, variants, date of birth, identifiers)
PEOPLE = [
    ("Lennon Marsh", "Child L", "the child", ("Len",), date(2022, 3, 12), ("943 476 5919",)),
    ("Kerry Marsh", "Mother", "mother", ("Kez",), None, ("kerry.marsh@example.org",)),
    ("Dean Walker-Boyd", "Mother's partner", "mother's partner", (), None, ("07700 900123",)),
    ("Zoë Ní Bhriain", "the health visitor", "health visitor", (), None, ()),
]
# Every form of a name the anonymiser must catch, planted somewhere.
FORMS = [
    "Lennon Marsh",
    "LENNON",
    "lennon's",
    "Len",
    "Kerry",
    "Kez",
    "Marsh",
    "Dean Walker-Boyd",
    "Walker Boyd",
    "Boyd",
    "Zoe Ni Bhriain",
    "Zoë",
    "Bhriain",
    "D.W.B.",
]
IDENTIFIERS = [
    "943 476 5919",  # NHS number with a good check digit
    "9434765919",
    "AB 12 34 56 C",  # National Insurance number
    "LL77 7TW",  # postcode
    "07700 900123",
    "(0161) 496 0000",
    "kerry.marsh@example.org",
    "CR/0123/19",  # crime reference
    "DOB 12/03/2022",
    "12 March 2022",  # the child's date of birth, unlabelled
]
PLANTED = " ".join(
    [
        "Lennon Marsh (LENNON, lennon's brother, Len) lived with Kerry (Kez) Marsh and Dean",
        "Walker-Boyd; Walker Boyd and Boyd were seen, so was D.W.B. Zoe Ni Bhriain and Zoë",
        "Bhriain visited. NHS 943 476 5919 or 9434765919; NI AB 12 34 56 C; LL77 7TW;",
        "07700 900123 and (0161) 496 0000; kerry.marsh@example.org; crime ref CR/0123/19;",
        "DOB 12/03/2022; born 12 March 2022.",
    ]
)
# Not in the register, next to a relationship word: the release check must stop it.
UNREGISTERED = "Her friend Jolene Castellano also stayed."


@dataclass
class Case:
    review_id: int
    meeting_id: int
    imr_id: int


def build_case(ctx, folder: Path, *, plant: bool = True) -> Case:
    text = PLANTED if plant else "A visit took place."
    review_id = create_review(
        ctx,
        review_type="lcspr",
        reference=REFERENCE,
        title="Child L",
        subject_pseudonym="Child L",
        partnership="Brackenford Safeguarding Children Partnership",
        lines_of_enquiry=["How was information shared? " + text],
    )
    for name, descriptor, role, variants, dob, ids in PEOPLE:
        add_person(
            ctx,
            review_id,
            name=name,
            descriptor=descriptor,
            role=role,
            variants=variants,
            date_of_birth=dob,
            identifiers=ids,
        )
    add_item(
        ctx,
        "panel_member",
        review_id,
        {"name": "Ffion Rhys", "role": "overview_author", "organisation": "Independent"},
    )
    imr_id = add_agency(ctx, review_id, "Brackenford Police", "police")
    apply_fields(
        ctx,
        "imr",
        imr_id,
        {"status": "accepted", "summary": text, "analysis": text, "lessons": text},
    )
    add_item(ctx, "recommendation", imr_id, {"text": "Police to share: " + text})
    csv = folder / "police.csv"
    csv.write_text(
        "Date,Event,Action taken,Practitioner,Role\n"
        f'02/01/2023,"Home visit. {text}","Referral: {text}",Zoë Ní Bhriain,Health visitor\n'
        f'05/01/2023,"{text}",None,Kerry Marsh,Parent\n',
        encoding="utf-8",
    )
    import_chronology(ctx, review_id, "Brackenford Police", csv)
    finding = add_finding(ctx, review_id, f"Nobody asked about {'Dean' if plant else 'him'}")
    apply_fields(ctx, "finding", finding, {"narrative": text, "status": "agreed"})
    lp = add_finding(ctx, review_id, "Learning: " + text, "learning_point")
    apply_fields(ctx, "finding", lp, {"status": "agreed"})
    rec = add_item(ctx, "review_recommendation", review_id, {"text": "Agencies: " + text})
    apply_fields(
        ctx, "recommendation", rec, {"addressee": "All agencies", "board_response": "accepted"}
    )
    add_item(ctx, "action", rec, {"action": "Brief staff on " + text, "lead_agency": "Police"})
    meeting = create_meeting(ctx, review_id, TODAY - timedelta(days=7), place=text[:150])
    item = add_agenda_item(ctx, meeting, "Case discussion")
    apply_fields(ctx, "agenda_item", item, {"notes": text, "private_notes": "PRIVATE " + text})
    record_decision(ctx, item, "Decided: " + text)
    add_task(ctx, review_id, "Task: " + text, owner="Kerry Marsh", due=TODAY)
    return Case(review_id, meeting, imr_id)


def write_narrative(ctx, review_id: int, kind: str, text: str) -> None:
    """Fill every narrative section of a document (and the glossary) with ``text``."""
    from app.documents import ensure_report, get_report

    report = get_report(ctx, ensure_report(ctx, review_id, kind))
    for s in report.sections:
        if not s.generated:
            apply_fields(ctx, "report_section", s.id, {"text": f"{s.title}: {text}"})
        elif s.source == "glossary":
            apply_fields(ctx, "report_section", s.id, {"text": f"MASH: {text}"})


def read_back(path: Path) -> str:
    """All the text of an output file, as a reader of it would see it."""
    if path.suffix == ".pdf":
        from pypdf import PdfReader

        reader = PdfReader(path)
        parts = [page.extract_text() for page in reader.pages]
        parts += [str(v) for v in (reader.metadata or {}).values()]
        parts += [o.title for o in _outline(reader.outline)]
        return "\n".join(parts)
    if path.suffix == ".xlsx":
        from openpyxl import load_workbook

        wb = load_workbook(path)
        parts = [str(getattr(wb.properties, k) or "") for k in ("title", "subject", "keywords")]
        for ws in wb.worksheets:
            parts += [ws.oddHeader.left.text or "", ws.oddHeader.right.text or ""]
            for row in ws.iter_rows(values_only=True):
                parts += [str(v) for v in row if v is not None]
        return "\n".join(parts)
    if path.suffix == ".docx":
        import docx

        document = docx.Document(str(path))
        parts = [p.text for p in document.paragraphs]
        parts += [c.text for t in document.tables for row in t.rows for c in row.cells]
        for section in document.sections:
            parts += [p.text for p in section.header.paragraphs + section.footer.paragraphs]
        core = document.core_properties
        parts += [core.title or "", core.subject or "", core.keywords or ""]
        return "\n".join(parts)
    if path.suffix == ".html":
        import html
        import re

        raw = path.read_text(encoding="utf-8")
        return html.unescape(re.sub(r"<[^>]+>", " ", raw)) + "\n" + raw  # text and attributes
    raise AssertionError(f"no reader for {path}")


def _outline(items):
    for item in items:
        if isinstance(item, list):
            yield from _outline(item)
        else:
            yield item


def folded(text: str) -> str:
    """Lower case, accents off, whitespace and line breaks as single spaces."""
    plain = unicodedata.normalize("NFD", text)
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return " ".join(plain.casefold().split())


def leaks(text: str) -> list[str]:
    """Every planted name or identifier still found in ``text`` (whatever the case or accents)."""
    import re

    found = folded(text)
    squashed = re.sub(r"[\s\-()]", "", found)
    names = {"lennon", "marsh", "kerry", "kez", "dean", "walker", "boyd", "bhriain", "zoe"}
    hits = [n for n in names if re.search(rf"\b{n}\b", found)]
    hits += [i for i in IDENTIFIERS if re.sub(r"[\s\-()]", "", folded(i)) in squashed]
    if re.search(r"\blen\b", found):
        hits.append("len")
    return hits
