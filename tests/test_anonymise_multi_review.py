"""One case per rule for documents that draw on several reviews, and for a review whose text
names someone only another review registered."""

from dataclasses import dataclass

from app.publishing.anonymise import StoreAnonymiser
from app.publishing.register import RegisterEntry
from app.publishing.release_check import check_publication, remove_unregistered_names
from app.publishing.transforms import protect
from tests.publishing_multi_case import A_PEOPLE, B_PEOPLE, C_PEOPLE, ORDINARY, build_multi_case
from tests.publishing_world_case import ORDINARY as WORLD_ORDINARY


def _entries(people):
    return [
        RegisterEntry(n, d, variants=v, date_of_birth=b, addresses=a, identifiers=i)
        for n, d, _role, v, b, a, i in people
    ]


def test_a_name_only_another_review_registered_prints_as_name_removed():
    anonymiser = StoreAnonymiser(_entries(B_PEOPLE), _entries(A_PEOPLE))
    text = "Dr Subramaniam saw Summer Nakamura-Reid; Temi was not told."
    assert anonymiser.apply(text) == "[name removed] saw [name removed]; Mr T was not told."


def test_the_documents_own_descriptor_wins_for_someone_in_both_reviews():
    anonymiser = StoreAnonymiser(_entries(B_PEOPLE), _entries(A_PEOPLE))
    assert anonymiser.apply("Priya Ramanathan visited.") == "The social worker visited."


def test_another_reviews_address_identifier_and_birth_date_are_removed():
    anonymiser = StoreAnonymiser(_entries(C_PEOPLE), _entries(A_PEOPLE))
    out = anonymiser.apply("Seen at 14 Larkspur Close, NHS 943 476 5919, born 3 August 2019.")
    assert "Larkspur" not in out and "5919" not in out and "2019" not in out


def test_a_name_no_register_holds_after_a_relationship_word_is_removed():
    anonymiser = StoreAnonymiser(_entries(C_PEOPLE))
    text = "Her partner Dean Hollis left; his neighbour Darren Pughsley's dog barked."
    assert remove_unregistered_names(text, anonymiser) == (
        "Her partner [name removed] left; his neighbour [name removed]'s dog barked."
    )


def test_a_registered_name_is_left_to_the_register():
    anonymiser = StoreAnonymiser(_entries(C_PEOPLE), _entries(A_PEOPLE))
    text = "Her sister Róisín Baird rang; the health visitor Eilidh Baird did not."
    assert remove_unregistered_names(text, anonymiser) == text


def test_a_job_or_an_organisation_after_a_role_is_not_a_name():
    anonymiser = StoreAnonymiser(_entries(C_PEOPLE))
    for text in (
        "Independent chair, Marchshire Safeguarding Adults Board",
        "Consultant Clinical Psychologist and safeguarding lead",
        "the social worker Team Manager agreed",
    ):
        assert remove_unregistered_names(text, anonymiser) == text


def test_ordinary_prose_is_not_changed():
    anonymiser = StoreAnonymiser(_entries(A_PEOPLE), _entries(B_PEOPLE + C_PEOPLE))
    for text in (ORDINARY, WORLD_ORDINARY.replace("Young", "young")):
        assert remove_unregistered_names(text, anonymiser) == text
    assert anonymiser.apply(ORDINARY) == ORDINARY


@dataclass(frozen=True)
class _Doc:
    title: str
    protective_marking: str = ""


def test_protect_removes_unregistered_names_only_when_asked():
    anonymiser = StoreAnonymiser(_entries(C_PEOPLE))
    doc = _Doc("Her partner Dean Hollis and Kirsty Baird")
    assert protect(doc, marking=None, anonymiser=anonymiser).title == (
        "Her partner Dean Hollis and Adult D"
    )
    assert protect(doc, marking=None, anonymiser=anonymiser, unregistered_out=True).title == (
        "Her partner [name removed] and Adult D"
    )


def test_the_release_check_flags_a_name_only_another_review_registered(ctx):
    from app.documents import ensure_report, get_report
    from app.edits import apply_fields

    ids = build_multi_case(ctx)
    report = get_report(ctx, ensure_report(ctx, ids["B"], "summary"))
    section = next(s for s in report.sections if not s.generated)
    apply_fields(
        ctx, "report_section", section.id, {"text": "Eilidh Baird met Summer Nakamura-Reid."}
    )
    found = {h.text for h in check_publication(ctx, ids["B"], "summary").hits}
    assert {"Eilidh Baird", "Summer Nakamura-Reid"} <= found


def test_a_word_of_a_name_only_another_review_knows_counts_with_its_capital():
    anonymiser = StoreAnonymiser(_entries(C_PEOPLE), [RegisterEntry("Hannah Grant", "Mother")])
    assert anonymiser.apply("A grant was given; Grant said no.") == (
        "A grant was given; [name removed] said no."
    )


def test_another_reviews_people_are_not_read_by_their_initials():
    anonymiser = StoreAnonymiser(_entries(C_PEOPLE), [RegisterEntry("Grace Bell", "Mother")])
    assert anonymiser.apply("The file was 1.2 GB.") == "The file was 1.2 GB."
    # The document's own people still are.
    assert anonymiser.apply("D.F.M. was arrested.") == "Perpetrator was arrested."


def test_column_headings_after_a_role_are_not_a_name():
    anonymiser = StoreAnonymiser(_entries(C_PEOPLE))
    for text in ("Columns: Date, Time, Worker, Event.", "found: Date, Officer, Ref. Choose"):
        assert remove_unregistered_names(text, anonymiser) == text


def test_a_final_version_keeps_what_the_release_check_had_waived(ctx, tmp_path):
    from app.documents import ensure_report, get_report
    from app.edits import apply_fields
    from app.publishing.pipeline import publish
    from app.publishing.release_check import waive
    from app.reviews import create_review

    rid = create_review(ctx, review_type="lcspr", reference="R-1", title="Child W")
    report = get_report(ctx, ensure_report(ctx, rid, "brief"))
    for section in report.sections:
        if not section.generated:
            text = "The family's friend Bramble House took them in."
            apply_fields(ctx, "report_section", section.id, {"text": text})
    draft = publish(ctx, "brief", tmp_path / "draft.html", review_id=rid)
    assert "Bramble House" not in draft.path.read_text(encoding="utf-8")
    for hit in check_publication(ctx, rid, "brief").blocking:
        waive(ctx, rid, "brief", hit.id, "A refuge, not a person")
    final = publish(ctx, "brief", tmp_path / "final.html", review_id=rid, final=True)
    assert "Bramble House" in final.path.read_text(encoding="utf-8")
