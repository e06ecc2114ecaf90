"""The demonstration shows publishing: filled people registers, a published review whose
Executive Summary passes the release check and is issued and frozen, and a brief whose
published export names nobody in its register."""

import hashlib
import re
from datetime import date

import pytest

from app.context import AppContext
from app.demo import add_demo_reviews
from app.documents import build_document, find_report
from app.publishing.anonymise import fold
from app.publishing.people import candidates, list_people
from app.publishing.pipeline import issued_versions, publish
from app.publishing.release_check import check_publication
from app.publishing.transforms import texts
from app.reviews import find_review_id, get_review
from db.store import open_store
from tests.publishing_case import read_back

REGISTERED = ("DEMO-LCSPR-T", "DEMO-SCR-M", "DEMO-LCSPR-L")


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    store = open_store(tmp_path_factory.mktemp("demo") / "s.db")
    ctx = AppContext(store, "tester", today_override=date(2025, 3, 14))
    add_demo_reviews(ctx)
    yield ctx
    store.close()


def _id(ctx, reference):
    return find_review_id(ctx, reference)


def _names(ctx, reference):
    return [n for p in list_people(ctx, _id(ctx, reference)) for n in (p.name, *p.variants)]


def _found(names, text):
    folded = " ".join(fold(text).split())
    return [n for n in names if re.search(rf"\b{re.escape(fold(n))}\b", folded)]


@pytest.mark.parametrize("reference", REGISTERED)
def test_registers_hold_the_family_and_the_chronology_practitioners(demo, reference):
    review_id = _id(demo, reference)
    people = list_people(demo, review_id)
    subject = get_review(demo, review_id).subject_pseudonym
    assert subject in [p.descriptor for p in people]
    assert "Mother" in [p.descriptor for p in people]
    assert all(p.descriptor and p.descriptor != p.name for p in people)
    left = [c for c in candidates(demo, review_id) if c.found_in.startswith("chronology")]
    # what remains are roles written where a name should be, not anyone's name
    assert all(" " not in c.name or c.name[0].isupper() and c.name.split()[1].islower()
               for c in left), left  # fmt: skip


def test_chronology_practitioners_are_registered_with_a_role_descriptor(demo):
    people = {p.name: p for p in list_people(demo, _id(demo, "DEMO-LCSPR-T"))}
    assert len(people) >= 20
    # An officer written as "PC Name" is registered by name, the titled form as a variant.
    officers = [p for p in people.values() if f"PC {p.name}" in p.variants]
    assert len(officers) == 6
    assert all(re.fullmatch(r"Police Officer \d+", p.descriptor) for p in officers)
    assert people["Harbourside House"].kind == "place"


def test_published_summary_is_clear_issued_and_frozen(demo, tmp_path):
    review_id = _id(demo, "DEMO-SCR-M")
    assert check_publication(demo, review_id, "summary").clear
    assert check_publication(demo, review_id, "brief").clear
    [issued] = issued_versions(demo, review_id, "summary")
    assert issued.suffix == ".pdf" and issued.audience == "publication"
    again = publish(demo, "summary", tmp_path / "again.pdf", review_id=review_id)
    assert again.reissued
    data = (tmp_path / "again.pdf").read_bytes()
    assert hashlib.sha256(data).hexdigest() == issued.sha256 and len(data) == issued.size
    text = read_back(tmp_path / "again.pdf")
    assert "Baby M" in text and "overview author" in text.lower()
    assert _found(_names(demo, "DEMO-SCR-M"), text) == []


def test_published_brief_of_child_t_names_nobody_in_the_register(demo, tmp_path):
    review_id = _id(demo, "DEMO-LCSPR-T")
    names = _names(demo, "DEMO-LCSPR-T")
    draft = build_document(demo, find_report(demo, review_id, "brief"), audience="publication")
    assert _found(names, "\n".join(t for _w, t in texts(draft)))  # the draft names them
    out = publish(demo, "brief", tmp_path / "brief.pdf", review_id=review_id)
    text = read_back(out.path)
    assert "Child T" in text and "Children's Home 1" in text
    assert _found(names, text) == []
