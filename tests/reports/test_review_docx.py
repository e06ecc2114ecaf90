"""The review documents as Word files, read back with python-docx: Word's own styles, the
numbered paragraphs, tables with a repeating header row, the marking, properties, language,
the timeline picture's alternative text, and a partnership's own template."""

import os
import re
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.shared import Cm

from reports.review_document_data import Bullets, Callout, Paragraphs, Section, Table
from reports.review_docx import TEMPLATE_ENV, WordTemplateError, write_review_docx
from tests.reports.builders import review_document
from tests.reports.test_review_pdf import HEADINGS, MARKUP, NAMES, overview_sections, shown

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def word(tmp_path_factory):
    path = tmp_path_factory.mktemp("docx") / "overview.docx"
    calls = []
    write_review_docx(review_document(overview_sections()), path, lambda d, t: calls.append(d))
    return Document(path), calls


def headings(document) -> list[tuple[int, str]]:
    return [
        (int(p.style.name[-1]), p.text)
        for p in document.paragraphs
        if re.fullmatch(r"Heading [1-3]", p.style.name)
    ]


def test_sections_and_findings_use_words_own_heading_styles_in_order(word):
    document, _ = word
    assert headings(document) == [(level + 1, shown(lb, t)) for level, lb, t in HEADINGS]
    assert [p.text for p in document.paragraphs if p.style.name == "Title"] == [
        "Local child safeguarding practice review"
    ]


def test_a_contents_field_word_fills_in(word):
    document, _ = word
    codes = " ".join(t.text for t in document.element.body.iter(f"{W}instrText"))
    assert 'TOC \\o "1-2"' in codes
    assert document.settings.element.find(f"{W}updateFields") is not None


def test_paragraphs_are_numbered_through_each_section_with_a_hanging_number(word):
    document, _ = word
    numbered = [p for p in document.paragraphs if re.match(r"\d+\.\d+\t", p.text)]
    assert [p.text.split("\t")[0] for p in numbered] == [
        "1.1", "1.2", "2.1", "2.2", "3.1", "3.2", "3.3", "3.4", "3.5", "5.1",
    ]  # fmt: skip
    first = numbered[0].paragraph_format
    assert abs(first.left_indent - Cm(1.3)) < 100 and first.first_line_indent < -Cm(1.2)
    assert "Appendix prose is not numbered." in [p.text for p in document.paragraphs]


def test_user_text_stays_literal_and_every_script_survives(word):
    document, _ = word
    text = "\n".join(p.text for p in document.paragraphs)
    assert MARKUP in text
    assert all(name in text for name in NAMES) and "محمد علي" in text
    assert [p.style.name for p in document.paragraphs if "Probation" in p.text] == ["List Bullet"]


def test_tables_have_a_repeating_header_row_widths_from_content_and_a_caption(word):
    document, _ = word
    chronology, glossary = document.tables
    assert len(chronology.rows) == 301
    assert [c.text for c in chronology.rows[0].cells] == ["Date", "Agency", "Event and outcome"]
    assert chronology.rows[0]._tr.find(f"{W}trPr/{W}tblHeader") is not None
    assert all(r._tr.find(f"{W}trPr/{W}tblHeader") is None for r in chronology.rows[1:])
    assert chronology.rows[300].cells[2].text.startswith("Row 299:")
    widths = [int(c.get(f"{W}w")) for c in chronology._tbl.tblGrid.iter(f"{W}gridCol")]
    assert widths[2] > widths[0] + widths[1]  # the prose column takes the room
    assert chronology._tbl.tblPr.find(f"{W}tblCaption").get(f"{W}val") == (
        "Table A1: Integrated chronology"
    )
    assert [c.text for c in glossary.rows[1].cells] == ["IMR", "Individual management review"]


def test_marking_in_every_header_and_footer_with_page_x_of_y(word):
    document, _ = word
    for section in document.sections:
        assert "OFFICIAL-SENSITIVE · DRAFT" in section.header.paragraphs[0].text
        footer = section.footer.paragraphs[0]
        assert "OFFICIAL-SENSITIVE" in footer.text
        codes = [t.text.strip() for t in footer._p.iter(f"{W}instrText")]
        assert codes == ["PAGE", "NUMPAGES"]


def _watermarks(document) -> list[str]:
    vml = "{urn:schemas-microsoft-com:vml}"
    return [
        path.get("string")
        for section in document.sections
        for path in section.header._element.iter(f"{vml}textpath")
        if path.get("string")
    ]


def test_a_draft_carries_a_diagonal_watermark_and_a_final_none(word, tmp_path):
    document, _ = word
    assert _watermarks(document) and set(_watermarks(document)) == {"DRAFT"}
    final = tmp_path / "final.docx"
    write_review_docx(review_document(overview_sections(), draft=False), final, lambda d, t: None)
    final_document = Document(final)
    assert _watermarks(final_document) == []
    assert "DRAFT" not in final_document.sections[0].header.paragraphs[0].text


def test_properties_and_the_en_gb_language(word):
    document, _ = word
    props = document.core_properties
    assert props.title == "Overview Report: LCSPR-2024-03 Local child safeguarding practice review"
    assert props.author == "Northshire Safeguarding Children Partnership"
    assert props.language == "en-GB" and props.keywords.startswith("OFFICIAL-SENSITIVE")
    lang = document.styles.element.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    assert lang.get(f"{W}val") == "en-GB"


def test_the_timeline_is_a_picture_with_alternative_text_on_a_landscape_page(word):
    document, _ = word
    pictures = document.inline_shapes
    assert len(pictures) == 1
    described = document.element.body.xpath(".//wp:docPr")[0]
    assert described.get("descr").startswith("Timeline of 2,0")
    assert "Health visiting" in described.get("descr")
    assert [s.orientation for s in document.sections] == [0, 1, 0]
    assert pictures[0].width > Cm(20)  # the landscape page's width, not a quarter of a page


def test_progress_runs_in_order_to_the_end(word):
    _, calls = word
    assert calls == sorted(calls) and calls[0] == 0 and len(calls) > 3


def test_a_brief_has_learning_points_with_their_text_and_a_practice_block(tmp_path):
    doc = review_document(
        [
            Section("Background", (Paragraphs(("What happened.",)),)),
            Section(
                "Learning points",
                (Bullets(("Agencies did not share.", "Nobody asked."), ("Sharing", "Voice")),),
            ),
            Section(
                "Practice", (Callout("What this means for your practice", ("Ask.", "Record.")),)
            ),
        ],
        kind="brief",
        kind_label="Learning brief",
        contents=False,
    )
    write_review_docx(doc, tmp_path / "brief.docx")
    document = Document(tmp_path / "brief.docx")
    texts = [p.text for p in document.paragraphs]
    assert "Sharing: Agencies did not share." in texts and "Voice: Nobody asked." in texts
    assert "What this means for your practice" in texts and "Ask." in texts
    assert "Contents" not in texts


def as_dotx(docx: Path, dotx: Path) -> None:
    """A Word template (.dotx) made from a document, as Word saves one."""
    with zipfile.ZipFile(docx) as src, zipfile.ZipFile(dotx, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(b"document.main+xml", b"template.main+xml")
            dst.writestr(item, data)


@pytest.mark.parametrize("suffix", [".docx", ".dotx"])
def test_a_partnerships_template_gives_its_styles_and_header(tmp_path, monkeypatch, suffix):
    template = Document()
    template.styles["Heading 1"].font.name = "Georgia"
    template.sections[0].header.paragraphs[0].text = "Northshire letterhead"
    template.add_paragraph("Template body text that must not survive")
    template.save(tmp_path / "house.docx")
    if suffix == ".dotx":
        as_dotx(tmp_path / "house.docx", tmp_path / "house.dotx")
    monkeypatch.setenv(TEMPLATE_ENV, str(tmp_path / f"house{suffix}"))
    write_review_docx(
        review_document([Section("Only", (Table(("A",), (("1",),)),))]), tmp_path / "t.docx"
    )
    document = Document(tmp_path / "t.docx")
    assert document.styles["Heading 1"].font.name == "Georgia"
    header = [p.text for p in document.sections[0].header.paragraphs]
    assert header[0] == "Northshire letterhead" and "OFFICIAL-SENSITIVE" in header[1]
    assert "Template body text" not in "\n".join(p.text for p in document.paragraphs)
    assert headings(document) == [(1, "1 Only")]


def test_a_missing_template_is_reported_in_plain_words(tmp_path, monkeypatch):
    monkeypatch.setenv(TEMPLATE_ENV, str(tmp_path / "nowhere.dotx"))
    with pytest.raises(WordTemplateError, match="nowhere.dotx"):
        write_review_docx(review_document([]), tmp_path / "x.docx")
    assert not os.path.exists(tmp_path / "x.docx")
