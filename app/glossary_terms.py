"""Abbreviations a safeguarding review often uses, so a document's glossary explains every one
its text uses, even those its author did not list (a reader meets "DSL" with no key)."""

import re

from reports.review_document_data import Bullets, Callout, Note, Paragraphs, Subheading, Table

KNOWN = {
    "A&E": "Accident and Emergency department",
    "CAMHS": "Child and Adolescent Mental Health Services",
    "CCE": "Child criminal exploitation",
    "CIN": "Child in need",
    "CPP": "Child protection plan",
    "CSE": "Child sexual exploitation",
    "DASH": "Domestic Abuse, Stalking and Harassment risk assessment",
    "DARDR": "Domestic Abuse Related Death Review",
    "DHR": "Domestic Homicide Review",
    "DSL": "Designated Safeguarding Lead",
    "EHCP": "Education, Health and Care Plan",
    "GP": "General practitioner",
    "ICPC": "Initial child protection conference",
    "IDVA": "Independent Domestic Violence Adviser",
    "IMR": "Individual Management Review",
    "LADO": "Local Authority Designated Officer",
    "LCSPR": "Local Child Safeguarding Practice Review",
    "MAPPA": "Multi-Agency Public Protection Arrangements",
    "MARAC": "Multi-Agency Risk Assessment Conference",
    "MASH": "Multi-Agency Safeguarding Hub",
    "NHS": "National Health Service",
    "RCPC": "Review child protection conference",
    "SAB": "Safeguarding Adults Board",
    "SAR": "Safeguarding Adults Review",
    "SENCO": "Special Educational Needs Co-ordinator",
    "SEND": "Special educational needs and disabilities",
}
_WORD = re.compile(r"(?<![\w&])(A&E|[A-Z]{2,6})(?=s?\b)")


def _texts(blocks) -> list[str]:
    out: list[str] = []
    for block in blocks:
        if isinstance(block, Paragraphs | Callout):
            out += block.texts
        elif isinstance(block, Bullets):
            out += [*block.items, *block.lead]
        elif isinstance(block, Subheading | Note):
            out.append(block.text)
        elif isinstance(block, Table):
            out += [cell for row in block.rows for cell in row]
    return out


def missing_terms(texts, defined) -> list[tuple[str, str]]:
    """(term, meaning) of each known abbreviation the texts use that ``defined`` lacks."""
    have = {term.strip().upper() for term in defined}
    used = {m.group(1) for text in texts for m in _WORD.finditer(str(text))}
    return sorted((t, KNOWN[t]) for t in used if t in KNOWN and t not in have)


def with_missing_terms(glossary: tuple, others, title: str) -> tuple:
    """The glossary's blocks with a row for each known abbreviation the document uses but
    does not define (the table made when there was none), terms in alphabetical order."""
    texts = [title]
    for blocks in others:
        texts += _texts(blocks)
    tables = [b for b in glossary if isinstance(b, Table)]
    defined = [row[0] for t in tables for row in t.rows if row]
    extra = missing_terms(texts, defined)
    if not extra:
        return glossary
    if tables:
        table = tables[0]
        rows = tuple(sorted((*table.rows, *extra), key=lambda row: row[0].upper()))
        return tuple(
            Table(b.columns, rows, b.widths, b.caption) if b is table else b for b in glossary
        )
    return (Table(("Term", "Meaning"), tuple(extra), (1, 4)),)
