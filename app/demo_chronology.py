"""Demonstration chronologies (fictional): each agency's return is written as its own case
system exports it (a case-note report, a police log, a provider's US-dated CSV, a school
safeguarding system, a youth justice contact log with two heading rows, CAMHS notes, the
partnership template with its guidance row...) and imported through the real importer.

The richest review (DEMO-LCSPR-T) holds a few thousand entries from seven agencies with the
patterns the analysis exists to find: a silence, missing episodes mostly without a return home
interview, a succession of social workers and managers, months without management oversight,
visits written up weeks late; then key practice episodes and findings citing entries.
"""

import random
import re
import tempfile
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import select

from app.agency_exports import AgencyEvent, write_export
from app.chronology.importer import commit_imports, plan_imports
from app.context import AppContext
from app.demo_narratives import narrative
from app.findings import add_evidence, list_findings
from app.items import add_item
from app.reviews import get_review
from db.chronology_models import ChronologyEntry

# Fictional practitioners: first names and surnames paired at random, each used once per
# review, so that no one seems to work for two agencies at once.
_GIVEN = ("Amira Joanna Tomasz Grace Rhys Hannah Callum Priya Megan Kwame Bethan Sofia Owen "
          "Leah Declan Nadia Ellis Maya Iwan Ruth Aled Chloe Farah Gareth Imogen Jamal Kerry "
          "Lowri Marcus Niamh Oliver Parveen Rosa Samir Tanya Usman Vikram Wendy Yasmin Zara "
          "Abdul Bronwen Ciaran Dominika Eilidh Femi Gwen Harriet Isaac Jodie Kofi Laura "
          "Mohammed Nerys Osian Paula Rajesh Shona Tariq Alys").split()  # fmt: skip
_FAMILY = ("Begum Price Zielinski Okonkwo Morgan Lee Reid Shah Doyle Asante Lloyd Russo Hart "
           "Cohen Byrne Haddad Grant Patel Jenkins Ansah Pritchard Walsh Hussain Evans Cartwright "
           "Mensah Holloway Thomas Baxter Quinn Adeyemi Kowalski Fernandes Malik Dunn Chowdhury "
           "Rao Fletcher Nowicki Sutherland Iqbal Gallagher Osei Whitfield Campbell Novak "
           "Hughes Ahmed Brennan Kaur Mitchell Parry Rahman Sinclair Ward Yilmaz Bevan Carr "
           "Igwe Lewis").split()  # fmt: skip


class _NamePool:
    def __init__(self, rng: random.Random):
        given, family = list(_GIVEN), list(_FAMILY)
        rng.shuffle(given)
        rng.shuffle(family)
        self._names = iter(f"{g} {f}" for g, f in zip(given, family, strict=False))

    def take(self, count: int, prefix: str = "") -> list[str]:
        return [f"{prefix}{next(self._names)}" for _ in range(count)]


@dataclass(frozen=True)
class Plot:
    """Where the patterns lie, in days from the start of the scope."""

    length: int
    silence: tuple[int, int]
    placement: int  # the move out of area
    oversight_gap: tuple[int, int]
    late_recording: tuple[int, int]
    episodes: tuple[tuple[str, int, int, str], ...]


# Which kinds each agency records, with their weights; its layout; its worker pool.
_AGENCIES_T = (
    ("Eastwold Police", "police_occurrences", 250,
     (("Missing person", 2), ("Concern for welfare", 3), ("Stop and search", 1)), "PC "),
    ("Brackenford Council Children's Services", "social_care_case_notes", 420,
     (("Statutory visit", 4), ("Phone call", 4), ("Strategy discussion", 1)), ""),
    ("Meadowgate Care Ltd (Harbourside House)", "us_provider_csv", 900,
     (("Daily log", 12), ("Behaviour", 2), ("Missing episode", 1)), ""),
    ("Eastwold Learning Centre (alternative provision)", "school_safeguarding_system", 330,
     (("Attendance", 5), ("Wellbeing", 2)), ""),
    ("Eastwold Youth Justice Service", "probation_contacts", 170,
     (("Youth justice appointment", 4), ("Missed appointment", 2)), ""),
    ("Eastwold and Coast NHS Foundation Trust (CAMHS)", "camhs_progress_notes", 90,
     (("Progress note", 3), ("Missed appointment", 2)), "Dr "),
    ("Eastwold Council Children's Services (host authority)", "yearly_sheets", 60,
     (("Return home interview", 1),), ""),
)  # fmt: skip

# Agencies open in the day record in the day; the police and the placement at any hour.
_WORKING_HOURS = {
    "school_safeguarding_system": (8, 15),
    "probation_contacts": (9, 17),
    "camhs_progress_notes": (9, 17),
    "social_care_case_notes": (9, 18),
}

PLOT_T = Plot(
    length=730,
    silence=(140, 245),
    placement=300,
    oversight_gap=(380, 545),
    late_recording=(430, 610),
    episodes=(
        ("A placement found 90 miles from home", 280, 340,
         "The emergency move to Harbourside House and the first weeks there."),
        ("Going missing, and what was known about who he was with", 420, 600,
         "Repeated missing episodes, return home interviews rarely done, signs of "
         "criminal exploitation seen by several agencies."),
        ("The last month", 700, 730,
         "The weeks before Child T was seriously harmed."),
    ),
)  # fmt: skip


def _events_t(start: date, rng: random.Random) -> dict[str, list[AgencyEvent]]:
    plot = PLOT_T
    events: dict[str, list[AgencyEvent]] = {name: [] for name, *_ in _AGENCIES_T}
    names = _NamePool(rng)
    social_workers = names.take(7)
    managers = names.take(5)
    return_worker = names.take(1)[0]
    for name, layout, count, kinds, prefix in _AGENCIES_T:
        staff = names.take(6, prefix)
        first = plot.placement if "Meadowgate" in name or "Eastwold" in name else 0
        choices = [k for k, w in kinds for _ in range(w)]
        hours = _WORKING_HOURS.get(layout, (8, 22))
        for _ in range(count):
            offset = rng.randint(first, plot.length - 1)
            if plot.silence[0] <= offset <= plot.silence[1]:
                continue  # nobody recorded anything in these weeks
            kind = rng.choice(choices)
            if name.startswith("Brackenford"):
                # A new social worker every few months.
                worker = social_workers[min(offset * len(social_workers) // plot.length, 6)]
                role = "Social worker"
            else:
                worker, role = rng.choice(staff), ""
            late = 0
            if name.startswith("Brackenford"):
                lo, hi = plot.late_recording
                late = rng.randint(18, 45) if lo <= offset <= hi else rng.choice([0, 0, 1, 2, 4])
            summary, text, outcome = narrative("adolescent", kind, rng, "Child T")
            events[name].append(
                AgencyEvent(start + timedelta(days=offset), f"{rng.randint(*hours):02d}:"
                            f"{rng.choice(['00', '15', '30', '45'])}", worker, role, kind,
                            summary, text, outcome, late)
            )  # fmt: skip
    csc = events["Brackenford Council Children's Services"]
    for offset in range(14, plot.length, 30):  # monthly supervision, except during the gap
        if plot.oversight_gap[0] <= offset <= plot.oversight_gap[1] or (
            plot.silence[0] <= offset <= plot.silence[1]
        ):
            continue
        summary, text, outcome = narrative("adolescent", "Supervision", rng, "Child T")
        manager = managers[min(offset * len(managers) // plot.length, 4)]
        csc.append(AgencyEvent(start + timedelta(days=offset), "10:00", manager,
                               "Team manager", "Supervision", summary, text, outcome, 1))  # fmt: skip
    # Return home interviews follow only some missing episodes, mostly late.
    host = events["Eastwold Council Children's Services (host authority)"]
    host.clear()
    home = events["Meadowgate Care Ltd (Harbourside House)"]
    for index, missing in enumerate(e for e in list(home) if e.kind == "Missing episode"):
        if index % 4 == 0:
            delay = 2 if index % 8 == 0 else rng.randint(6, 20)
            summary, text, outcome = narrative(
                "adolescent", "Return home interview", rng, "Child T"
            )
            host.append(AgencyEvent(missing.day + timedelta(days=delay), "14:00",
                                    return_worker, "Return home interview worker", "Return home interview",
                                    summary, text, outcome))  # fmt: skip
    for agency in events.values():
        agency.sort(key=lambda e: (e.day, e.time))
    # An occurrence typed twice, and the copy struck through by the officer: it comes in as
    # written, flagged for the author to check.
    police = events["Eastwold Police"]
    at = next(
        i for i, e in enumerate(police) if e.kind == "Missing person" and i > len(police) // 2
    )
    police.insert(at + 1, replace(police[at], struck=True))
    return events


def _smaller(start: date, length: int, rng: random.Random, agencies, subject: str, profile: str):
    """A smaller chronology: a few agencies, a couple of hundred entries."""
    events = {}
    names = _NamePool(rng)
    for name, layout, count, kinds in agencies:
        staff = names.take(4)
        choices = [k for k, w in kinds for _ in range(w)]
        made = []
        for _ in range(count):
            kind = rng.choice(choices)
            summary, text, outcome = narrative(profile, kind, rng, subject)
            made.append(AgencyEvent(start + timedelta(days=rng.randint(0, length - 1)),
                                    f"{rng.randint(8, 18):02d}:00", rng.choice(staff),
                                    "Practitioner", kind, summary, text, outcome,
                                    rng.choice([0, 1, 3])))  # fmt: skip
        made.sort(key=lambda e: (e.day, e.time))
        events[name] = (layout, made)
    return events


_SMALLER = {
    "DEMO-LCSPR-L": ("Child L", "toddler", (
        ("Marchshire Police", "police_occurrences", 60,
         (("Domestic incident", 3), ("Concern for welfare", 1))),
        ("Brackenford Council Children's Services", "web_page_report", 90,
         (("Home visit", 3), ("Phone call", 2), ("Supervision", 1))),
        ("Riverside Medical Practice (via Brackenford and Marchshire ICB)", "gp_consultations",
         40, (("Consultation", 3), ("Did not attend", 1))),
        ("Brackenford Council Housing Options", "partnership_template", 30,
         (("Tenancy visit", 2), ("Phone call", 1))),
        ("Marchshire Ambulance Service NHS Trust", "ambulance_pdf", 12,
         (("Emergency call", 1),)),
    )),
    "DEMO-AUDIT-W": ("Child W", "siblings", (
        ("Oakfield Primary School", "school_chronology", 70,
         (("Welfare concern", 3), ("Attendance", 2))),
        ("Brackenford Council Children's Services", "imr_word_template", 40,
         (("Statutory visit", 2), ("Strategy discussion", 1))),
    )),
}  # fmt: skip


# The themes each review is coded with as a whole, and entries tagged with a theme: by their
# type, or by words in what they say ("" for none).
REVIEW_THEMES = {
    "DEMO-LCSPR-T": (
        "Exploitation and extra-familial harm",
        "Children missing from home or education",
        "Management oversight and supervision",
        "Workforce turnover",
        "Record keeping and chronologies",
    ),
    "DEMO-LCSPR-L": (
        "Domestic abuse",
        "Parental substance misuse",
        "Whole-family approach / 'invisible men'",
        "Voice of the child",
        "Poverty",
    ),
    "DEMO-AUDIT-W": ("Neglect", "Poverty", "Workforce turnover", "Voice of the child"),
    "DEMO-SAR-R": ("Self-neglect", "Mental capacity", "Multi-agency working"),
}
ENTRY_THEMES = {
    "DEMO-LCSPR-T": (
        ("Children missing from home or education",
         ("missing_episode", "return_home_interview"), r"did not return|not in his room"),
        ("Exploitation and extra-familial harm", ("strategy_discussion",),
         r"older (males|lad|youths)|second phone|cash"),
        ("Management oversight and supervision", ("supervision",), ""),
    ),
    "DEMO-LCSPR-L": (
        ("Domestic abuse", ("police_incident",), r"partner"),
        ("Parental substance misuse", (), r"medication|drug treatment|drowsy"),
        ("Voice of the child", (), r"not seen|was seen briefly"),
    ),
    "DEMO-AUDIT-W": (
        ("Neglect", (), r"no food|nappy|head lice|same clothes|no bedding|cold"),
        ("Poverty", (), r"food parcel|no food|damp"),
    ),
}  # fmt: skip


def add_demo_themes(ctx: AppContext, review_id: int, reference: str) -> None:
    """Code the review with its themes, and tag entries that show them."""
    from app.chronology.entries import set_themes
    from app.review_corpus import set_review_themes

    if reference in REVIEW_THEMES:
        set_review_themes(ctx, review_id, list(REVIEW_THEMES[reference]))
    rules = ENTRY_THEMES.get(reference, ())
    if not rules:
        return
    with ctx.session() as session:
        entries = session.execute(
            select(ChronologyEntry.id, ChronologyEntry.event_type, ChronologyEntry.event).where(
                ChronologyEntry.review_id == review_id
            )
        ).all()
    for theme, types, words in rules:
        said = re.compile(words, re.IGNORECASE) if words else None
        ids = [i for i, kind, event in entries if kind in types or (said and said.search(event))]
        if ids:
            set_themes(ctx, ids, theme, True)


def add_demo_chronologies(ctx: AppContext, review_id: int, reference: str) -> None:
    """Import the review's agency files, then key episodes and findings citing entries, then
    the review's themes and the entries tagged with them."""
    _add_chronologies(ctx, review_id, reference)
    add_demo_themes(ctx, review_id, reference)


def _add_chronologies(ctx: AppContext, review_id: int, reference: str) -> None:
    review = get_review(ctx, review_id)
    start = review.scope_start or ctx.today() - timedelta(days=730)
    rng = random.Random(reference)
    if reference == "DEMO-LCSPR-T":
        layouts = {name: layout for name, layout, *_ in _AGENCIES_T}
        files = {name: (layouts[name], made) for name, made in _events_t(start, rng).items()}
        subject = "Child T"
    elif reference in _SMALLER:
        subject, profile, agencies = _SMALLER[reference]
        length = max(60, ((review.scope_end or ctx.today()) - start).days)
        files = _smaller(start, length, rng, agencies, subject, profile)
    else:
        return
    with tempfile.TemporaryDirectory(prefix="reviewdesk-demo-") as folder:
        for position, (agency, (layout, made)) in enumerate(files.items()):
            stem = re.sub(r"[^a-z]+", "_", agency.lower().split("(")[0]).strip("_")
            path = write_export(Path(folder), f"{position + 1:02d}_{stem}", layout, made, subject)
            plans = plan_imports(ctx, review_id, agency, path)
            commit_imports(ctx, plans)
    if reference == "DEMO-LCSPR-T":
        _episodes_and_evidence(ctx, review_id, start)


def _entries_of(ctx, review_id, **where) -> list[tuple[int, date | None, str]]:
    with ctx.session() as session:
        query = select(ChronologyEntry.id, ChronologyEntry.sort_date, ChronologyEntry.event_type)
        query = query.where(ChronologyEntry.review_id == review_id)
        for name, value in where.items():
            query = query.where(getattr(ChronologyEntry, name) == value)
        return list(session.execute(query.order_by(ChronologyEntry.sort_date)))


def _episodes_and_evidence(ctx: AppContext, review_id: int, start: date) -> None:
    from app.chronology.episodes import link_entries

    everything = _entries_of(ctx, review_id)
    episode_ids = []
    for position, (title, first, last, summary) in enumerate(PLOT_T.episodes):
        since, until = start + timedelta(days=first), start + timedelta(days=last)
        episode_id = add_item(
            ctx, "key_episode", review_id,
            {"title": title, "start": since, "end": until, "summary": summary},
            position + 1,
        )  # fmt: skip
        chosen = [i for i, day, kind in everything if day and since <= day <= until and kind]
        link_entries(ctx, episode_id, chosen[:400])
        episode_ids.append(episode_id)
    missing = [i for i, _d, _k in _entries_of(ctx, review_id, event_type="missing_episode")]
    supervision = [i for i, _d, _k in _entries_of(ctx, review_id, event_type="supervision")]
    for index, finding in enumerate(list_findings(ctx, review_id)):
        title = finding.title.lower()
        if "missing" in title or "exploit" in title or "return" in title:
            cited = missing[:6]
        elif any(w in title for w in ("manage", "oversight", "supervis", "social worker")):
            cited = supervision[:4]
        else:
            cited = missing[index * 3 : index * 3 + 3] or supervision[:2]
        add_evidence(ctx, finding.id, entry_ids=cited, episode_id=episode_ids[index % 3],
                     note="From the agencies' chronologies.")  # fmt: skip
