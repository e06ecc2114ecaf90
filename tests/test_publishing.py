"""The publishing pipeline: names and identifiers planted in every source never reach a
published file, whatever its kind or format; internal files keep them and their marking."""

import pytest

from app.documents import export_document
from app.meeting_export import export_minutes, export_tasks
from app.publishing.audience import audience_of, set_audience
from app.publishing.pipeline import publish
from tests.publishing_case import PLANTED, build_case, leaks, read_back, write_narrative

KINDS = ["overview", "summary", "brief"]
OTHERS = [
    ("chronology", ".pdf"),
    ("chronology", ".xlsx"),
    ("chronology", ".docx"),
    ("chronology", ".html"),
    ("minutes", ".pdf"),
    ("minutes", ".docx"),
    ("minutes", ".html"),
    ("action_tracker", ".xlsx"),
    ("panel_tasks", ".xlsx"),
]


@pytest.fixture
def case(ctx, tmp_path):
    built = build_case(ctx, tmp_path)
    for kind in KINDS:
        write_narrative(ctx, built.review_id, kind, PLANTED)
    return built


def test_documents_are_for_publication_and_the_rest_internal_by_default(ctx, case):
    assert all(audience_of(ctx, case.review_id, k).published for k in KINDS)
    assert audience_of(ctx, case.review_id, "summary").marking == ""
    for kind, _suffix in OTHERS:
        setting = audience_of(ctx, case.review_id, kind)
        assert not setting.published and setting.marking == "OFFICIAL-SENSITIVE"


@pytest.mark.parametrize("suffix", [".pdf", ".docx", ".html"])
@pytest.mark.parametrize("kind", KINDS)
def test_no_planted_name_or_identifier_reaches_a_published_document(
    ctx, case, tmp_path, kind, suffix
):
    target = tmp_path / f"{kind}{suffix}"
    export_document(ctx, case.review_id, kind, target)
    text = read_back(target)
    assert leaks(text) == []
    assert "Child L" in text and "Mother" in text
    assert "OFFICIAL-SENSITIVE" not in text  # the review's marking is not a published one
    assert "PRIVATE" not in text


@pytest.mark.parametrize(("kind", "suffix"), OTHERS)
def test_every_other_export_is_anonymised_when_for_publication(ctx, case, tmp_path, kind, suffix):
    set_audience(ctx, case.review_id, kind, "publication", "OFFICIAL")
    target = tmp_path / f"{kind}{suffix}"
    publish(ctx, kind, target, review_id=case.review_id, meeting_id=case.meeting_id)
    text = read_back(target)
    assert leaks(text) == []
    assert "PRIVATE" not in text
    assert "OFFICIAL" in text and "OFFICIAL-SENSITIVE" not in text


@pytest.mark.parametrize(("kind", "suffix"), OTHERS)
def test_internal_exports_keep_names_and_the_review_marking(ctx, case, tmp_path, kind, suffix):
    target = tmp_path / f"{kind}{suffix}"
    publish(ctx, kind, target, review_id=case.review_id, meeting_id=case.meeting_id)
    text = read_back(target)
    assert "Kerry" in text and "OFFICIAL-SENSITIVE" in text
    assert "PRIVATE" not in text  # private notes never leave, whoever the file is for


def test_the_old_export_functions_go_through_the_pipeline(ctx, case, tmp_path):
    set_audience(ctx, case.review_id, "minutes", "publication")
    set_audience(ctx, case.review_id, "panel_tasks", "publication")
    export_minutes(ctx, case.meeting_id, tmp_path / "m.pdf")
    export_tasks(ctx, case.review_id, tmp_path / "t.xlsx")
    assert leaks(read_back(tmp_path / "m.pdf")) == []
    assert leaks(read_back(tmp_path / "t.xlsx")) == []


def test_exported_files_are_private_and_no_temporary_file_is_left(ctx, case, tmp_path):
    target = tmp_path / "out" / "summary.pdf"
    target.parent.mkdir()
    export_document(ctx, case.review_id, "summary", target)
    assert target.stat().st_mode & 0o777 == 0o600
    assert [p.name for p in target.parent.iterdir()] == ["summary.pdf"]


def test_every_export_is_in_the_audit_trail(ctx, case, tmp_path):
    from app.audit_log import list_audit

    export_document(ctx, case.review_id, "brief", tmp_path / "b.pdf")
    publish(ctx, "chronology", tmp_path / "c.xlsx", review_id=case.review_id)
    labels = [e.label for e in list_audit(ctx, case.review_id) if e.action == "export"]
    assert "Exported the Learning brief (draft, publication)" in labels
    assert "Exported the Integrated chronology (internal)" in labels


def test_the_executive_summary_fills_what_the_data_knows(ctx, tmp_path):
    from app.documents import build_document, ensure_report
    from app.edits import apply_fields
    from app.imrs import add_agency
    from app.items import add_item
    from reports.review_document_data import Bullets, Paragraphs, Subheading

    case = build_case(ctx, tmp_path, plant=False)
    health = add_agency(ctx, case.review_id, "Community Health", "health")
    apply_fields(ctx, "imr", health, {"status": "received"})
    add_agency(ctx, case.review_id, "Housing", "housing")  # asked, nothing provided yet
    rec = add_item(ctx, "review_recommendation", case.review_id, {"text": "Ask who lives there."})
    apply_fields(
        ctx,
        "recommendation",
        rec,
        {"board_response": "accepted_in_part", "response_reason": "Housing will follow."},
    )
    add_item(ctx, "action", rec, {"action": "Change the visit form", "lead_agency": "Police"})
    doc = build_document(ctx, ensure_report(ctx, case.review_id, "summary"), audience="publication")
    sections = {s.title: s.blocks for s in doc.sections}

    intro = sections["Introduction"]
    assert Bullets(("Brackenford Police", "Community Health")) in intro  # not Housing
    arising = sections["Actions arising"]
    assert Subheading("Recommendation 2: accepted in part") in arising
    assert (
        Paragraphs(("The board's response: Accepted in part.", "Housing will follow.")) in arising
    )
    assert Bullets(("Change the visit form (lead: Police)",)) in arising
    sign_off = sections["Sign-off"]
    assert sign_off[1] == Bullets(("Independent overview author",))  # by role when published
    internal = build_document(ctx, ensure_report(ctx, case.review_id, "summary"))
    assert dict((s.title, s.blocks) for s in internal.sections)["Sign-off"][1] == Bullets(
        ("Ffion Rhys, Independent overview author",)
    )


def test_a_new_format_is_a_writer_and_nothing_else(ctx, case, tmp_path, monkeypatch):
    """A writer registered for a new suffix gets the same protected document as the others."""
    from app.publishing.transforms import texts
    from reports import writers

    seen = []

    def plain_text_writer(document, path, on_progress=None):
        seen.append(document)
        path.write_text("\n".join(t for _where, t in texts(document)), encoding="utf-8")
        return 1

    module = type(writers)("plain_text_writer")
    module.write = plain_text_writer
    monkeypatch.setitem(__import__("sys").modules, "plain_text_writer", module)
    monkeypatch.setitem(writers.WRITERS, ("review_document", ".txt"), "plain_text_writer:write")
    target = tmp_path / "summary.txt"
    export_document(ctx, case.review_id, "summary", target)
    text = target.read_text(encoding="utf-8")
    assert leaks(text) == [] and "Child L" in text
    assert seen[0].audience == "publication" and seen[0].protective_marking == ""


def test_candidates_come_from_the_chronology_and_the_panel(ctx, tmp_path):
    from app.chronology.importer import import_chronology
    from app.publishing.people import candidates
    from app.reviews import create_review

    review_id = create_review(ctx, review_type="lcspr", reference="C-1", title="Child C")
    csv = tmp_path / "health.csv"
    csv.write_text(
        "Date,Event,Practitioner,Role,Person\n"
        "02/01/2023,Home visit,Amira Haddad,Health visitor,Child and Jade Pickering\n"
        "03/01/2023,Phone call,Amira Haddad,Health visitor,Jade Pickering\n",
        encoding="utf-8",
    )
    import_chronology(ctx, review_id, "Community Health", csv)
    found = {c.name: c for c in candidates(ctx, review_id)}
    assert found["Amira Haddad"].found_in == "chronology: practitioner (2 entries)"
    assert found["Amira Haddad"].role == "Health visitor"
    assert found["Jade Pickering"].found_in.startswith("chronology: person")
    assert "Child" not in found  # a word the person column uses, not a name
    from app.publishing.people import add_person

    add_person(ctx, review_id, name="Amira Haddad", descriptor="the health visitor")
    assert "Amira Haddad" not in {c.name for c in candidates(ctx, review_id)}
    # A stand-in the register already writes for someone (as a school file may) names no one.
    add_person(ctx, review_id, name="Kai Pickering", descriptor="Child C")
    more = tmp_path / "school.csv"
    more.write_text("Date,Event,Student\n04/01/2023,Late again,Child C\n", encoding="utf-8")
    import_chronology(ctx, review_id, "School", more)
    assert "Child C" not in {c.name for c in candidates(ctx, review_id)}
