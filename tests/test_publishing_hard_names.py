"""Adult and domestic homicide reviews with hard names, published in every format: nothing of a
name, place or date of birth is left in the file, and what replaces it reads."""

import re
from datetime import date

import pytest

from app.chronology.importer import import_chronology
from app.edits import apply_fields
from app.findings import add_finding
from app.imrs import add_agency
from app.newsletter import export_newsletter
from app.publishing.audience import set_audience
from app.publishing.people import add_person
from app.publishing.pipeline import publish
from app.reviews import create_review
from tests.publishing_case import folded, read_back, write_narrative

PEOPLE = {
    "sar": [
        ("Zoë Ní Bhrádaigh-Llewelyn", "Adult Z", ("Zo",), date(1961, 12, 25), "person"),
        ("Ruby D'Arcy", "Daughter", (), None, "person"),
        ("Dafydd ap Gruffudd", "Care Worker 1", ("Dai",), None, "person"),
        ("Amara Okonkwo", "the GP", (), None, "person"),
        ("Willowbank Care Home", "Care Home 1", (), None, "place"),
    ],
    "dhr": [
        ("Hope Kowalczyk", "Victim", ("Hopey",), date(1990, 7, 9), "person"),
        ("Jack-Tomás Smith-Kowalczyk", "Perpetrator", ("JT",), None, "person"),
        ("Kayla Young", "Sister", (), None, "person"),
        ("Iolo Pryce-Jones", "Police Officer 1", (), None, "person"),
    ],
}
TEXT = {
    "sar": (
        "Zoë Ní Bhrádaigh-Llewelyn (Zo) moved to Willowbank. ZOË'S daughter Ruby D'Arcy "
        "visited; Ms Llewelyn's GP, Dr Okonkwo, referred her. Dai (Dafydd ap Gruffudd) "
        "called. Her date of birth, December 25, 1961, was on file. A. Okonkwo signed."
    ),
    "dhr": (
        "Hope Kowalczyk met Jack-Tomás Smith-Kowalczyk in 2015; Jack-Tomás' mother spoke. "
        "Kayla's statement says Hope hoped to leave. PC 4471 Pryce-Jones attended and "
        "I. Pryce Jones wrote it up. SMITH-KOWALCZYK was arrested on 9.7.90 at Hope's flat."
    ),
}
NAMES = {
    "sar": ["bhradaigh", "llewelyn", "ruby", "d'arcy", "dafydd", "gruffudd", "dai", "okonkwo"],
    "dhr": ["kowalczyk", "tomas", "kayla", "pryce", "iolo", "jt"],
}
NAMES["sar"] += ["willowbank", "zo", "zoe", "1961"]
NAMES["dhr"] += ["hopey", "9.7.90"]
CLUMSY = re.compile(
    r"'s's|\b(?:Mr|Ms|Dr|PC)\s+(?:Adult|Victim|Perpetrator|the|Police)|Care Worker 1 \("
)


@pytest.fixture
def reviews(ctx, tmp_path):
    ids = {}
    for kind, people in PEOPLE.items():
        text = TEXT[kind]
        rid = create_review(
            ctx,
            review_type=kind,
            reference=f"{kind.upper()}-2026-9",
            title=people[0][1],
            subject_pseudonym=people[0][1],
            partnership="Brackenford Safeguarding Partnership",
        )
        for name, descriptor, variants, born, place in people:
            add_person(
                ctx,
                rid,
                name=name,
                descriptor=descriptor,
                variants=variants,
                date_of_birth=born,
                kind=place,
            )
        imr = add_agency(ctx, rid, "Brackenford Police", "police")
        apply_fields(ctx, "imr", imr, {"status": "accepted", "summary": text})
        csv = tmp_path / f"{kind}.csv"
        csv.write_text(
            f'Date,Event,Practitioner\n02/01/2023,"{text}",{people[3][0]}\n', encoding="utf-8"
        )
        import_chronology(ctx, rid, "Brackenford Police", csv)
        finding = add_finding(ctx, rid, f"Nobody asked {people[1][0]} what she saw")
        apply_fields(ctx, "finding", finding, {"narrative": text, "status": "agreed"})
        for document in ("overview", "summary", "brief"):
            write_narrative(ctx, rid, document, text)
        ids[kind] = rid
    return ids


def _check(kind: str, text: str) -> None:
    found = folded(text)
    assert [n for n in NAMES[kind] if re.search(rf"(?<![\w']){re.escape(n)}(?![\w])", found)] == []
    assert not re.search(r"\bHope\b", text)  # a name that is a word, written as the name
    assert not CLUMSY.search(text), CLUMSY.search(text)


@pytest.mark.parametrize("kind", ["sar", "dhr"])
@pytest.mark.parametrize("suffix", [".pdf", ".docx", ".html"])
def test_every_document_of_the_review_in_every_format(ctx, reviews, tmp_path, kind, suffix):
    rid = reviews[kind]
    set_audience(ctx, rid, "chronology", "publication")
    for document in ("overview", "summary", "brief", "chronology"):
        path = tmp_path / f"{document}{suffix}"
        publish(ctx, document, path, review_id=rid)
        _check(kind, read_back(path))


def test_the_newsletter_across_both(ctx, reviews, tmp_path):
    path = tmp_path / "newsletter.docx"
    export_newsletter(ctx, list(reviews.values()), path)
    text = read_back(path)
    _check("sar", text)
    _check("dhr", text)
    assert "Adult Z's daughter" in text and "Perpetrator's mother" in text
