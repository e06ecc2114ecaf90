"""Issued versions are frozen, and a failed write changes nothing."""

import json
import os

import pytest
from pypdf import PdfReader

from app.documents import ensure_report, export_document, get_report, new_draft
from app.edits import apply_fields
from app.errors import UserError, ValidationError
from app.items import move_item
from app.publishing.pipeline import issued_versions
from db.publishing_models import IssuedVersion
from tests.publishing_case import build_case, write_narrative
from tests.test_release_check import CLEAN


@pytest.fixture
def case(ctx, tmp_path):
    built = build_case(ctx, tmp_path, plant=False)
    write_narrative(ctx, built.review_id, "summary", CLEAN)
    return built


def _report(ctx, case):
    return get_report(ctx, ensure_report(ctx, case.review_id, "summary"))


def test_a_final_version_is_stored_with_its_hash_and_register(ctx, case, tmp_path):
    target = tmp_path / "final.pdf"
    export_document(ctx, case.review_id, "summary", target, final=True)
    [issued] = issued_versions(ctx, case.review_id, "summary")
    assert issued.version == 1 and issued.suffix == ".pdf" and issued.audience == "publication"
    with ctx.session() as session:
        content = session.get(IssuedVersion, issued.id).content
    assert content == target.read_bytes()
    import hashlib

    assert issued.sha256 == hashlib.sha256(content).hexdigest()
    register = json.loads(issued.register)
    assert {"name": "Kerry Marsh", "descriptor": "Mother"}.items() <= register[1].items()
    pages = [p.extract_text() for p in PdfReader(target).pages]
    assert not any("DRAFT" in p for p in pages) and "Final" in pages[0]


def test_a_final_version_is_read_only_and_exports_the_same_bytes(ctx, case, tmp_path):
    first, again = tmp_path / "a.pdf", tmp_path / "b.pdf"
    export_document(ctx, case.review_id, "summary", first, final=True)
    section = _report(ctx, case).sections[0]
    with pytest.raises(ValidationError, match="new draft"):
        apply_fields(ctx, "report_section", section.id, {"text": "Changed after issue"})
    with pytest.raises(ValidationError):
        move_item(ctx, "report_section", section.id, 3)
    apply_fields(ctx, "panel_member", 1, {"organisation": "Elsewhere"})  # the data moves on
    export_document(ctx, case.review_id, "summary", again)
    assert again.read_bytes() == first.read_bytes()


def test_further_work_is_a_new_draft(ctx, case, tmp_path):
    export_document(ctx, case.review_id, "summary", tmp_path / "a.pdf", final=True)
    report = _report(ctx, case)
    assert new_draft(ctx, report.id) == 2
    apply_fields(ctx, "report_section", report.sections[0].id, {"text": "Second thoughts."})
    export_document(ctx, case.review_id, "summary", tmp_path / "d.pdf")
    text = PdfReader(tmp_path / "d.pdf").pages[0].extract_text()
    assert "Draft 2" in text


def _unwritable(tmp_path):
    if os.geteuid() == 0:  # root writes anywhere: a folder that does not exist will do
        return tmp_path / "no such folder"
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    return folder


def _store_state(ctx, case):
    report = _report(ctx, case)
    from app.actions import list_recommendations

    return (
        report.final,
        report.version,
        issued_versions(ctx, case.review_id, "summary"),
        [r.frozen for r in list_recommendations(ctx, case.review_id)],
    )


def test_a_final_export_to_a_folder_that_cannot_be_written_changes_nothing(ctx, case, tmp_path):
    before = _store_state(ctx, case)
    with pytest.raises(UserError, match="can be written|could not be written"):
        export_document(ctx, case.review_id, "summary", _unwritable(tmp_path) / "s.pdf", final=True)
    assert _store_state(ctx, case) == before


def test_a_writer_that_fails_half_way_changes_nothing(ctx, case, tmp_path, monkeypatch):
    target = tmp_path / "summary.pdf"
    target.write_bytes(b"%PDF- the earlier file")
    before = _store_state(ctx, case)

    def failing(document, path, on_progress=None):
        path.write_bytes(b"%PDF-half")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("reports.writers.writer_for", lambda model, suffix: failing)
    with pytest.raises(UserError, match="No space left"):
        export_document(ctx, case.review_id, "summary", target, final=True)
    assert target.read_bytes() == b"%PDF- the earlier file"
    assert [p for p in tmp_path.iterdir() if p.name.endswith(".part")] == []
    assert _store_state(ctx, case) == before


def test_a_file_that_is_not_what_it_says_is_not_issued(ctx, case, tmp_path, monkeypatch):
    def empty(document, path, on_progress=None):
        path.write_bytes(b"")

    monkeypatch.setattr("reports.writers.writer_for", lambda model, suffix: empty)
    before = _store_state(ctx, case)
    with pytest.raises(UserError, match="incomplete"):
        export_document(ctx, case.review_id, "summary", tmp_path / "s.pdf", final=True)
    assert not (tmp_path / "s.pdf").exists() and _store_state(ctx, case) == before


def test_guidance_is_never_printed(ctx, tmp_path):
    from app.reviews import create_review

    review_id = create_review(ctx, review_type="lcspr", reference="G-1", title="Child G")
    target = tmp_path / "draft.pdf"
    export_document(ctx, review_id, "summary", target)
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(target).pages).split())
    assert "Say which partnership commissioned" not in text
    assert "Summarise the case in short numbered paragraphs" not in text
    assert "This section has not been written yet." in text
