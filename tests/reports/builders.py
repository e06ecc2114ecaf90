"""Chronology rows and documents for the report-writer tests: one police entry, one review."""

from dataclasses import replace
from datetime import date

from reports.chronology_data import ChronologyDocument, ChronologyRow

AGENCIES = ["Police", "Health visiting", "Children's Social Care", "Education"]


def entry(**changes) -> ChronologyRow:
    """A police home visit on 2 January 2008, recorded three days later; `changes` replace fields."""
    base = ChronologyRow(
        date_text="02/01/2008",
        date_value=date(2008, 1, 2),
        precision="day",
        sort_date=date(2008, 1, 2),
        time="",
        agency="Police",
        event_type="Home visit",
        event="Officers attended the family home after a neighbour reported shouting.",
        outcome="Referral made to children's social care.",
        practitioner="PC 1234 Smith",
        role="Police constable",
        recorded=date(2008, 1, 5),
        significance="",
        source="Niche RMS",
        themes="Domestic abuse",
        episodes="",
        flagged=False,
        flag_reason="",
        source_ref="police.xlsx, sheet IMR Chronology, row 12",
    )
    return replace(base, **changes)


def document(rows, **changes) -> ChronologyDocument:
    """Review LCSPR-2024-03 of Child L, generated on 15 June 2026, holding `rows`."""
    base = ChronologyDocument(
        review_reference="LCSPR-2024-03",
        review_title="Local child safeguarding practice review",
        subject="Child L",
        partnership="Northshire Safeguarding Children Partnership",
        protective_marking="OFFICIAL-SENSITIVE",
        generated_on=date(2026, 6, 15),
        rows=list(rows),
        agencies=AGENCIES,
    )
    return replace(base, **changes)
