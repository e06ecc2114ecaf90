"""The chronology of the published serious case review (DEMO-SCR-M, Baby M; all fictional):
five agencies' returns written as their systems export them (a children's services case-note
report, the community health trust's IMR Word template, a police occurrence log, a GP
consultation extract, the hospital trust's workbook with a sheet a year), imported through the
real importer; then key practice episodes, findings citing entries, and entries tagged with the
review's themes.

The story is the one the issued Executive Summary tells (app.demo_publishing): a pre-birth
assessment closed with advice; a partner who cared for the baby on weekdays and whom no
professional saw; one police call, passed to children's services and closed without telling the
health visitor; a mark on a four-month-old's cheek three weeks later, not referred; eleven days
later, an admission with a head injury. Days are counted from the birth (negative: pregnancy).
"""

import random
import re
import tempfile
from datetime import date, timedelta
from pathlib import Path

from app.agency_exports import AgencyEvent, write_export
from app.context import AppContext
from app.demo_baby_m_story import CSC, GP, HEALTH, HOSPITAL, POLICE, ROUTINE, STORY
from app.demo_chronology import _entries_of, _NamePool
from app.edits import apply_fields
from app.imrs import add_agency, set_imr_status
from app.items import add_item
from app.reviews import get_review

# Agency, layout, its workers: a key for each, with the title written before the name and the
# role written after it (as the layout shows them).
AGENCIES = (
    (CSC, "social_care_case_notes",
     {"sw": ("", "Social worker"), "sw2": ("", "Social worker"),
      "mash": ("", "MASH social worker"), "tm": ("", "Team manager"),
      "ba": ("", "Business support"), "dtm": ("", "Duty team manager")}),
    (HEALTH, "imr_word_template", {k: ("", "") for k in ("mw", "mw2", "hv", "hv2", "nn")}),
    (POLICE, "police_occurrences",
     {"pc": ("PC ", ""), "pc2": ("PC ", ""), "ds": ("DS ", ""), "ps": ("PC ", "")}),
    (GP, "gp_consultations",
     {"gp": ("Dr ", ""), "gp2": ("Dr ", ""), "pn": ("", ""), "adm": ("", "")}),
    (HOSPITAL, "yearly_sheets",
     {k: ("Dr " if k in ("reg", "cons") else "", "") for k in ("mw", "mw2", "ed", "reg",
                                                             "cons", "sn")}),
)  # fmt: skip
# The agencies that gave a chronology but were not asked for an IMR, and why.
NOT_REQUIRED = {
    GP: "The practice's involvement was limited to routine care; its records were summarised "
    "for the panel by the designated GP and are in the chronology.",
    HOSPITAL: "The trust's maternity and emergency care was reviewed through the chronology and "
    "a conversation with the named nurse; no IMR was needed.",
}
EPISODES = (
    ("The pre-birth referral and assessment", -214, -150,
     "The midwife's referral, the pre-birth assessment and its closure with advice."),
    ("Going back to work: who looked after the baby", 56, 87,
     "The mother's return to work three days a week; the weekday care of the baby by her "
     "partner, never asked about."),
    ("The police call and the notification", 88, 93,
     "The neighbour's call, the officers' visit and the notification closed by the MASH "
     "without contact with the health visitor."),
    ("The mark on the cheek and the admission", 109, 121,
     "The mark seen on a baby who could not roll, not referred under the bruising protocol; "
     "the admission eleven days later."),
)  # fmt: skip
# Each finding (by a word of its title) cites the entries whose text says this.
EVIDENCE = {
    "partner": r"partner (was )?at work|had left the address|partner's (details|first name)|"
    r"lives with (her )?partner|partner not present|no one else",
    "referrals": r"notification|no previous involvement|not contacted|no further action|"
    r"not linked",
    "bruise": r"mark on (the|his) (left )?cheek|scratch mitts|subdural|skeletal survey",
    "antenatal": r"booking appointment|birth plan|antenatal contact|handover to health visiting",
}
ENTRY_THEMES = (
    ("Whole-family approach / 'invisible men'", EVIDENCE["partner"]),
    ("Information sharing", EVIDENCE["referrals"]),
    ("Vulnerability of babies", r"mark on|non-mobile|bruising protocol|head injury|subdural"),
)


def add_baby_m_chronology(ctx: AppContext, review_id: int) -> None:
    """Import the five agencies' files, then the key episodes, the evidence and the tags."""
    review = get_review(ctx, review_id)
    admitted = review.incident_date or ctx.today() - timedelta(days=2400)
    birth = admitted - timedelta(days=120)
    apply_fields(ctx, "review", review_id, {"scope_start": birth - timedelta(days=245),
                                            "scope_end": admitted + timedelta(days=1)})  # fmt: skip
    known = {i.agency for i in review.imrs}
    for agency, reason in NOT_REQUIRED.items():
        if agency not in known:
            imr_id = add_agency(ctx, review_id, agency, "health")
            apply_fields(ctx, "imr", imr_id, {"not_required_reason": reason})
            set_imr_status(ctx, imr_id, "not_required")
    files = _events(birth, random.Random("DEMO-SCR-M"))
    from app.chronology.importer import commit_imports, plan_imports

    with tempfile.TemporaryDirectory(prefix="reviewdesk-demo-") as folder:
        for position, (agency, layout, _workers) in enumerate(AGENCIES, start=1):
            stem = re.sub(r"[^a-z]+", "_", agency.lower().split("(")[0]).strip("_")
            path = write_export(Path(folder), f"{position:02d}_{stem}", layout, files[agency],
                                "Baby M")  # fmt: skip
            commit_imports(ctx, plan_imports(ctx, review_id, agency, path))
    _episodes_evidence_themes(ctx, review_id, birth)


def _events(birth: date, rng: random.Random) -> dict[str, list[AgencyEvent]]:
    names = _NamePool(rng)
    staff = {
        agency: {key: (title + name, role)
                 for (key, (title, role)), name in zip(workers.items(), names.take(len(workers)),
                                                       strict=True)}
        for agency, _layout, workers in AGENCIES
    }  # fmt: skip
    made: dict[str, list[AgencyEvent]] = {agency: [] for agency, _l, _w in AGENCIES}
    for agency, day, at, who, kind, summary, text, outcome, late in (*STORY, *ROUTINE(rng)):
        worker, role = staff[agency][who]
        made[agency].append(AgencyEvent(birth + timedelta(days=day), at, worker, role, kind,
                                        summary, text, outcome, late))  # fmt: skip
    for events in made.values():
        events.sort(key=lambda e: (e.day, e.time))
    return made


def _episodes_evidence_themes(ctx: AppContext, review_id: int, birth: date) -> None:
    from app.chronology.entries import set_themes
    from app.chronology.episodes import link_entries
    from app.findings import add_evidence, list_findings

    rows = _entries_with_text(ctx, review_id)
    episode_ids = {}
    for position, (title, first, last, summary) in enumerate(EPISODES, start=1):
        since, until = birth + timedelta(days=first), birth + timedelta(days=last)
        episode_ids[title] = add_item(
            ctx, "key_episode", review_id,
            {"title": title, "start": since, "end": until, "summary": summary}, position,
        )  # fmt: skip
        link_entries(ctx, episode_ids[title], [i for i, d, _t in rows if d and since <= d <= until])
    titles = [e[0] for e in EPISODES]
    for finding in list_findings(ctx, review_id):
        key, episode = next(
            ((k, e) for k, e in zip(EVIDENCE, (titles[1], titles[2], titles[3], titles[0]),
                                    strict=True) if k in finding.title.lower()),
            ("referrals", titles[2]),
        )  # fmt: skip
        said = re.compile(EVIDENCE[key], re.IGNORECASE)
        cited = [i for i, _d, text in rows if said.search(text)][:8]
        add_evidence(ctx, finding.id, entry_ids=cited, episode_id=episode_ids[episode],
                     note="From the agencies' chronologies.")  # fmt: skip
    for theme, words in ENTRY_THEMES:
        said = re.compile(words, re.IGNORECASE)
        ids = [i for i, _d, text in rows if said.search(text)]
        if ids:
            set_themes(ctx, ids, theme, True)


def _entries_with_text(ctx: AppContext, review_id: int) -> list[tuple[int, date | None, str]]:
    from sqlalchemy import select

    from db.chronology_models import ChronologyEntry

    dates = {i: d for i, d, _k in _entries_of(ctx, review_id)}
    with ctx.session() as session:
        texts = session.execute(
            select(ChronologyEntry.id, ChronologyEntry.event).where(
                ChronologyEntry.review_id == review_id
            )
        ).all()
    return sorted(((i, dates.get(i), t or "") for i, t in texts), key=lambda r: r[1] or date.min)
