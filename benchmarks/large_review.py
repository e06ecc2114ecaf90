"""A realistic large review for benchmarks: 15 agencies, 50,000 chronology entries, 15 years.

Entries go in through the real importer (one agency spreadsheet each), so the store looks
exactly as it would in use. Also writes single agency files of any size for import timing.

    python benchmarks/large_review.py --db /tmp/large.db [--entries 50000]
"""

import argparse
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from openpyxl import Workbook  # noqa: E402

AGENCIES = [
    ("Police", "police"),
    ("Children's Social Care", "childrens_social_care"),
    ("Acute Hospital Trust", "health"),
    ("GP Practice", "health"),
    ("Health Visiting", "health"),
    ("School Nursing", "health"),
    ("Primary School", "education"),
    ("Secondary School", "education"),
    ("Housing Options", "housing"),
    ("Youth Justice Service", "other"),
    ("CAMHS", "health"),
    ("Adult Mental Health", "health"),
    ("Drug and Alcohol Service", "health"),
    ("Probation Service", "probation"),
    ("Early Help", "local_authority"),
]
TYPES = [
    "Home visit",
    "Telephone contact",
    "Referral",
    "Assessment",
    "Strategy discussion",
    "Child protection conference",
    "Core group",
    "Supervision",
    "Missing from home",
    "Return home interview",
    "Police incident",
    "Arrest",
    "GP appointment",
    "Missed appointment",
    "ED attendance",
    "Fixed term exclusion",
    "Placement move",
    "Court hearing",
    "Letter",
]
WORKERS = ["Social worker", "Team manager", "Health visitor", "PC", "DC", "Nurse", "Teacher"]
FIRST_NAMES = ["Aled", "Bethan", "Carys", "Deepa", "Eilidh", "Femi", "Gwen", "Harun", "Imogen"]
SURNAMES = ["Pryce", "Okafor", "Lindqvist", "Haworth", "Meredith", "Sandhu", "Tregarthen"]
PHRASES = [
    "Mother seen at home with the children; home conditions poor, little food in the kitchen.",
    "Young person not at placement overnight; reported missing to police at 23:10.",
    "Case discussed in supervision; actions agreed to convene a core group within ten days.",
    "School raised concerns about attendance below 80% and lateness most mornings.",
    "Father's new partner present; not known to agencies, no checks completed.",
    "Referral received from the school nurse regarding low mood and self-harm.",
    "Telephone call to mother unanswered; letter sent offering a further appointment.",
    "Child not brought to the paediatric appointment for the second time.",
]
START = date(2009, 1, 1)
DAYS = 15 * 365


def agency_rows(rng: random.Random, count: int, agency_index: int) -> list[list]:
    """Rows in one agency's layout: a title row above the header, some text and vague dates."""
    rows = [
        [f"{AGENCIES[agency_index][0]}: chronology of involvement"],
        [
            "Date",
            "Time",
            "Event type",
            "Details",
            "Outcome",
            "Practitioner",
            "Role",
            "Date recorded",
        ],
    ]
    days = sorted(rng.randrange(DAYS) for _ in range(count))
    # Invented people, each with a role as an agency writes it in its own column.
    staff = [
        (f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}", rng.choice(WORKERS))
        for _ in range(25)
    ]
    for day in days:
        when = START + timedelta(days=day)
        roll = rng.random()
        if roll < 0.03:
            date_cell = when.strftime("%b %Y")
        elif roll < 0.04:
            date_cell = f"c. {when:%B %Y}"
        elif roll < 0.25:
            date_cell = when.strftime("%d/%m/%Y")
        else:
            date_cell = when
        worker = rng.choice(staff)
        recorded = when + timedelta(days=rng.choice([0, 0, 1, 2, 3, 9, 30]))
        rows.append(
            [
                date_cell,
                f"{rng.randrange(8, 22):02d}:{rng.choice(['00', '15', '30', '45'])}"
                if rng.random() < 0.3
                else None,
                rng.choice(TYPES),
                rng.choice(PHRASES),
                rng.choice(["No further action.", "Referral made.", "Plan reviewed.", ""]),
                worker[0],
                worker[1],
                recorded,
            ]
        )
    return rows


def write_agency_file(path: Path, rows: list[list]) -> Path:
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Chronology")
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def build(db: Path, entries: int, folder: Path, seed: int = 7) -> int:
    """Create the review LARGE-2026-01 in ``db``; returns its id."""
    from app.chronology.importer import import_chronology
    from app.context import AppContext
    from app.errors import NotFoundError
    from app.reviews import create_review, find_review_id
    from db.store import open_store

    rng = random.Random(seed)
    with open_store(db) as store:
        ctx = AppContext(store, "benchmark")
        try:
            return find_review_id(ctx, "LARGE-2026-01")
        except NotFoundError:
            pass
        review_id = create_review(
            ctx,
            review_type="lcspr",
            reference="LARGE-2026-01",
            title="Child Z: fifteen years of multi-agency involvement",
            subject_pseudonym="Child Z",
            partnership="Benchmark Safeguarding Partnership",
            scope_start=START,
            scope_end=START + timedelta(days=DAYS),
            decision_date=date(2026, 6, 1),
        )
        per_agency = entries // len(AGENCIES)
        for index, (name, _sector) in enumerate(AGENCIES):
            count = per_agency + (entries - per_agency * len(AGENCIES) if index == 0 else 0)
            path = write_agency_file(
                folder / f"agency_{index}.xlsx", agency_rows(rng, count, index)
            )
            import_chronology(ctx, review_id, name, path)
        return review_id


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--entries", type=int, default=50_000)
    args = parser.parse_args()
    folder = Path(args.db).with_suffix(".files")
    folder.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    review_id = build(Path(args.db), args.entries, folder)
    print(
        f"Review {review_id} with {args.entries} entries in {time.perf_counter() - started:.1f} s"
    )


if __name__ == "__main__":
    main()
