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


# ---- review documents (Overview Report, Executive Summary, learning brief) ----------------


def review_document(sections, **changes):
    """A draft Overview Report of LCSPR-2024-03 (Child L) holding `sections`."""
    from reports.review_document_data import ReviewDocument

    base = ReviewDocument(
        kind="overview",
        kind_label="Overview Report",
        title="Local child safeguarding practice review",
        review_reference="LCSPR-2024-03",
        review_type="Local Child Safeguarding Practice Review",
        subject="Child L",
        partnership="Northshire Safeguarding Children Partnership",
        author="Independent reviewer",
        version_label="Draft 3",
        date_label="22 November 2026",
        protective_marking="OFFICIAL-SENSITIVE",
        draft=True,
        sections=tuple(sections),
    )
    return replace(base, **changes)


def timeline_layout(markers: int = 200, lanes=AGENCIES, *, seed: int = 7):
    """A fake timeline layout (plain namespaces shaped like the app's TimelineLayout)."""
    import random
    from types import SimpleNamespace as NS

    rng = random.Random(seed)
    categories = ["visit/contact", "health", "police/justice", "child protection", "other"]
    marks = tuple(
        NS(
            entry_id=i,
            lane=i % len(lanes),
            x=_outside_silence(rng.random()),
            x_end=None,
            category=categories[i % len(categories)],
            approximate=i % 11 == 0,
        )
        for i in range(markers)
    )
    spans = tuple(
        NS(
            entry_id=-1 - i,
            lane=i % len(lanes),
            x=0.1 + 0.2 * i,
            x_end=0.16 + 0.2 * i,
            category="child protection",
            approximate=False,
        )
        for i in range(3)
    )
    years = range(2014, 2019)
    return NS(
        start=date(2014, 1, 1),
        end=date(2018, 12, 31),
        lanes=tuple(NS(agency=name, index=i) for i, name in enumerate(lanes)),
        markers=marks + spans,
        episodes=(
            NS(id=1, title="Birth and first months at home", x0=0.05, x1=0.22),
            NS(id=2, title="Child protection plan & <core group>", x0=0.55, x1=0.8),
        ),
        silences=(NS(x0=0.3, x1=0.42, days=219),),
        ticks=tuple(NS(x=(y - 2014) / 5, label=str(y), major=True) for y in years)
        + tuple(NS(x=(y - 2014) / 5 + 0.1, label="", major=False) for y in years),
    )


def _outside_silence(x: float) -> float:
    """x moved out of the fake layout's silence (0.30-0.42), as a real layout would have it."""
    return x if not 0.3 <= x <= 0.42 else x - 0.12


TIMELINE_COLOURS = {
    "child protection": "#B8488A",
    "police/justice": "#0072B2",
    "health": "#00805C",
    "visit/contact": "#000000",
    "other": "#8A8A8A",
}
TIMELINE_LABELS = {
    "child protection": "Child protection and court",
    "police/justice": "Police / justice",
    "health": "Health",
    "visit/contact": "Visit / contact",
    "other": "Other",
}
