"""The past demonstration reviews show the product with believable data: the published review's
chronology imported from its agencies' files, with key episodes and findings citing entries, and
every past review's documents written in full, published clean and naming nobody."""

import re
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from app.chronology.entries import fetch_entries, query_entry_ids
from app.chronology.episodes import episode_entry_ids, list_episodes
from app.context import AppContext
from app.demo import add_demo_reviews
from app.demo_baby_m import AGENCIES
from app.demo_history import HISTORY
from app.demo_past_documents import documents_of, parse
from app.documents import find_report, get_report
from app.findings import list_findings
from app.publishing.anonymise import fold
from app.publishing.people import list_people
from app.publishing.pipeline import issued_versions, publish
from app.publishing.release_check import check_publication
from app.reviews import find_review_id, get_review
from db.chronology_models import ChronologyImport
from db.store import open_store
from tests.publishing_case import read_back

TODAY = date(2025, 3, 14)
# Every past review that has been signed off (published, closed, or at sign-off).
CONCLUDED = [s.reference for s in HISTORY if s.signed_off_after or s.status == "sign_off"]
PAST = [r for r in CONCLUDED if r != "DEMO-SCR-M"]  # SCR-M's words are in app.demo_publishing


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    store = open_store(tmp_path_factory.mktemp("past") / "s.db")
    ctx = AppContext(store, "tester", today_override=TODAY)
    add_demo_reviews(ctx)
    yield ctx
    store.close()


def _rows(ctx, reference):
    return fetch_entries(ctx, query_entry_ids(ctx, find_review_id(ctx, reference)))


def _named(names, text):
    folded = " ".join(fold(text).split())
    return [n for n in names if re.search(rf"\b{re.escape(fold(n))}\b", folded, re.IGNORECASE)]


def test_every_concluded_review_is_in_the_list():
    assert len(CONCLUDED) == 9 and {"DEMO-RR-K", "DEMO-DARDR-G", "DEMO-SCR-M"} <= set(CONCLUDED)


@pytest.mark.parametrize("reference", CONCLUDED)
@pytest.mark.parametrize("kind", ["summary", "brief"])
def test_every_section_of_the_summary_and_brief_is_written(demo, reference, kind):
    review_id = find_review_id(demo, reference)
    report = get_report(demo, find_report(demo, review_id, kind))
    included = [s for s in report.sections if s.included]
    narratives = [s for s in included if not s.generated]
    assert len(narratives) == (6 if kind == "summary" else 3)
    for section in narratives:
        assert len(section.written.split()) >= 30, (reference, section.title)
    # Generated sections have their data: the check finds no section left empty, nothing else.
    result = check_publication(demo, review_id, kind)
    assert result.clear, [(h.where, h.label, h.text, h.detail) for h in result.hits]
    left_out = [s.title for s in report.sections if not s.included]
    assert left_out == [] or reference in ("DEMO-RR-K", "DEMO-DARDR-G")


@pytest.mark.parametrize("reference", PAST)
def test_each_past_summary_published_as_pdf_names_nobody_in_its_register(demo, reference, tmp_path):
    review_id = find_review_id(demo, reference)
    names = [n for p in list_people(demo, review_id) for n in (p.name, *p.variants)]
    assert len(names) >= 4  # a register to leak from, so the test can fail
    out = publish(demo, "summary", tmp_path / f"{reference}.pdf", review_id=review_id)
    text = read_back(out.path)
    review = get_review(demo, review_id)
    assert review.subject_pseudonym in text
    assert "Summary of the case" in text and "Learning points from the process" in text
    assert _named(names, text) == []
    assert check_publication(demo, review_id, "summary").clear


@pytest.mark.parametrize("reference", PAST)
def test_each_review_s_words_follow_its_own_history(demo, reference):
    """Each summary speaks of its own subject, partnership and agencies, never of another's."""
    spec = next(s for s in HISTORY if s.reference == reference)
    found = documents_of(reference)
    words = "\n".join(found.sections.values())
    assert spec.subject.split(":")[0] in words or "Families A, B and C" in words
    assert spec.partnership in found.sections[("summary", "Introduction")]
    assert {a for a, _t in found.imr} <= {a["name"] for a in spec.agencies}
    others = {
        s.subject for s in HISTORY if s.subject != spec.subject and "Families" not in s.subject
    }
    assert not [o for o in others if re.search(rf"\b{re.escape(o)}\b", words)]


def test_the_documents_file_format_is_read_as_written():
    found = parse(
        "# lines\n- One line\n\n# panel\n- chair | A Name | Somewhere\n\n# leave out\n"
        "- summary | Actions arising\n\n## summary: Analysis\nFirst\nparagraph.\n\nSecond.\n"
    )
    assert found.lines == ["One line"]
    assert found.panel == [["chair", "A Name", "Somewhere"]]
    assert found.leave_out == [["summary", "Actions arising"]]
    assert found.sections == {("summary", "Analysis"): "First paragraph.\n\nSecond."}


def test_baby_m_has_a_chronology_from_five_agencies_files(demo):
    rows = _rows(demo, "DEMO-SCR-M")
    by_agency = {agency: [r for r in rows if r.agency == agency] for agency, *_ in AGENCIES}
    assert all(len(found) >= 10 for found in by_agency.values()), {
        a: len(f) for a, f in by_agency.items()
    }
    assert len(rows) >= 200 and not [r for r in rows if r.flagged]
    review_id = find_review_id(demo, "DEMO-SCR-M")
    with demo.session() as session:
        files = session.scalars(
            select(ChronologyImport.file_name).where(ChronologyImport.review_id == review_id)
        ).all()
    assert {f.rsplit(".", 1)[1] for f in files} == {"xlsx", "docx", "csv"}
    review = get_review(demo, review_id)
    assert all(review.scope_start <= r.sort_date <= review.scope_end for r in rows)


def test_baby_m_has_key_episodes_and_findings_citing_entries(demo):
    review_id = find_review_id(demo, "DEMO-SCR-M")
    episodes = list_episodes(demo, review_id)
    assert len(episodes) == 4 and all(episode_entry_ids(demo, e.id) for e in episodes)
    findings = list_findings(demo, review_id)
    assert len(findings) == 4
    for finding in findings:
        assert len([e for e in finding.evidence if e.kind == "entry"]) >= 2, finding.title


def test_baby_m_s_chronology_tells_the_published_summary_s_story(demo):
    """The police call, three weeks later the mark on the cheek, eleven days later the
    admission on the incident date; the partner never seen by anyone."""
    review = get_review(demo, find_review_id(demo, "DEMO-SCR-M"))
    rows = _rows(demo, "DEMO-SCR-M")

    def day_of(pattern):
        [found] = {r.sort_date for r in rows if re.search(pattern, r.event)}
        return found

    call = day_of(r"Neighbour reports a man and a woman shouting")
    mark = day_of(r"small mark on his left cheek")
    admitted = day_of(r"brought in by ambulance")
    assert mark - call == timedelta(days=21)
    assert admitted - mark == timedelta(days=11)
    assert admitted == review.incident_date
    birth = day_of(r"Spontaneous vaginal birth")
    assert 16 <= (admitted - birth).days // 7 <= 18  # four months old
    seen = re.compile(r"partner (was )?(seen|present|spoken to)|spoke to (her|the) partner", re.I)
    assert not [r.event for r in rows if seen.search(r.event)]
    assert [r for r in rows if re.search(r"partner (was )?at work", r.event)]


def test_baby_m_s_overview_report_is_written_issued_and_names_nobody(demo, tmp_path):
    """The published review has its Overview Report: every narrative section written, issued
    as final (the practice's name in the tables waived with a reason), and its frozen PDF
    prints no name from the register."""
    review_id = find_review_id(demo, "DEMO-SCR-M")
    report = get_report(demo, find_report(demo, review_id, "overview"))
    narratives = [s for s in report.sections if s.included and not s.generated]
    assert len(narratives) == 6
    for section in narratives:
        assert len(section.written.split()) >= 80, section.title
    result = check_publication(demo, review_id, "overview")
    assert result.clear and result.hits, [(h.where, h.text) for h in result.blocking]
    assert {h.text for h in result.hits} == {"Marsh Lane Surgery"}
    assert all("contributing agency" in h.waived for h in result.hits)
    [issued] = issued_versions(demo, review_id, "overview")
    assert issued.suffix == ".pdf" and issued.version >= 1
    out = publish(demo, "overview", tmp_path / "overview.pdf", review_id=review_id, final=True)
    text = read_back(out.path)
    for heading in ("Key practice episodes and analysis", "Integrated chronology", "Glossary"):
        assert heading in text
    assert "the GP practice" in text
    names = [n for p in list_people(demo, review_id) for n in (p.name, *p.variants)]
    assert len(names) >= 4 and _named(names, text) == []


def test_child_k_s_rapid_review_chronology_comes_from_one_combined_file(demo):
    from app.demo_rapid_review import CSC, ROWS, SCHOOL

    rows = _rows(demo, "DEMO-RR-K")
    assert {r.agency for r in rows} == {CSC, SCHOOL}
    assert len(rows) == sum(1 for row in ROWS if row[1] is not None) and not any(
        r.flagged for r in rows
    )
    review_id = find_review_id(demo, "DEMO-RR-K")
    with demo.session() as session:
        imports = session.execute(
            select(ChronologyImport.file_name, ChronologyImport.agency_id).where(
                ChronologyImport.review_id == review_id
            )
        ).all()
    assert len(imports) == 2 and len({name for name, _agency in imports}) == 1
    # A line the business unit pasted under an entry joins that entry.
    visit = next(r for r in rows if "one thin blanket" in r.event)
    assert visit.agency == CSC and visit.event.startswith("Home visit. The house was cold")
    review = get_review(demo, review_id)
    found = next(r for r in rows if "Police found Kieran" in r.event)
    assert found.date_start == review.incident_date
    assert all(review.scope_start <= r.sort_date <= review.scope_end for r in rows)
