"""Review documents made from awkward text nobody tuned for: lists written by hand in a
narrative, a very long title, a crowded timeline; each format read back."""

import re
from dataclasses import replace
from types import SimpleNamespace as NS
from xml.etree import ElementTree

import pikepdf
from docx import Document
from pypdf import PdfReader

from reports.review_document_data import Callout, Paragraphs, Section
from reports.review_docx import write_review_docx
from reports.review_html import write_review_html
from reports.review_pdf import write_review_pdf
from reports.timeline_svg import _width, timeline_picture
from tests.reports.builders import (
    TIMELINE_COLOURS,
    TIMELINE_LABELS,
    review_document,
    timeline_layout,
)
from tests.reports.test_review_pdf_tags import walk

WRITTEN = (
    "Practitioners described three barriers:\n"
    "- referrals to MASH were made by phone\n"
    "  - the DSL did not receive the outcome\n"
    "  - the school nurse was not told\n"
    "- interpreters were booked for the wrong language\n"
    "1. The first contact was on 3 March.\n"
    "2. The second contact was on 9 April.\n"
    "   a) a visit the same week\n"
    "3. The third contact was never recorded.\n"
    "The panel found the gap in Łódź-twinned Tŷ Gwyn and for the Nguyễn family."
)
LONG_TITLE = (
    "A Local Child Safeguarding Practice Review (LCSPR) concerning Child Ŵ, known to the "
    "Multi-Agency Safeguarding Hub (MASH) and the Designated Safeguarding Lead (DSL) at Ysgol "
    "Gynradd Bryn Ŷd, with learning about interpreters for Nguyễn Thị families over a period "
    "of thirty-one months in three local authority areas"
)


def _doc(**changes):
    sections = [
        Section("Introduction", (Paragraphs((WRITTEN,)),)),
        Section("What this means for your practice", (Callout("", (WRITTEN,)),)),
    ]
    return replace(review_document(sections), **changes)


def _roles(path) -> list[str]:
    """The structure roles of a tagged PDF, in document order."""
    found: list = []
    with pikepdf.open(path) as pdf:
        walk(pdf.Root.StructTreeRoot, found)
    return [role for role, _depth, _element in found]


def test_lists_written_in_a_narrative_are_real_nested_lists_in_the_web_page(tmp_path):
    write_review_html(_doc(), tmp_path / "d.html")
    html = (tmp_path / "d.html").read_text(encoding="utf-8")
    body = html.split("Introduction</h2>", 1)[1]
    intro, practice = body.split("for your practice</h2>", 1)
    assert re.search(r"<ul><li><span[^>]*>referrals to MASH were made by phone</span><ul>", intro)
    assert '<li><span class="cell">the DSL did not receive the outcome</span></li>' in intro
    assert re.search(r"<ol><li>.*The first contact was on 3 March\..*</ol>", intro)
    assert re.search(r"9 April\.</span><ol><li><span[^>]*>a visit the same week", intro)
    assert "- referrals" not in html and ">1. The first" not in html
    # the sentence before and after stay numbered paragraphs; the list has no paragraph number
    numbers = re.findall(r'<span class="num">([\d.]+)</span>', intro)
    assert numbers == ["1.1", "1.2"]
    assert "<ul><li>" in practice and "<ol><li>" in practice


def test_lists_written_in_a_narrative_use_words_list_styles_with_a_second_level(tmp_path):
    write_review_docx(_doc(), tmp_path / "d.docx", lambda d, t: None)
    styles = {p.text: p.style.name for p in Document(tmp_path / "d.docx").paragraphs}
    assert styles["referrals to MASH were made by phone"] == "List Bullet"
    assert styles["the DSL did not receive the outcome"] == "List Bullet 2"
    assert styles["The first contact was on 3 March."] == "List Number"
    assert styles["a visit the same week"] == "List Number 2"
    assert not any(re.match(r"\s*(-|\d\.)\s", text) for text in styles)


def test_lists_written_in_a_narrative_are_tagged_lists_in_the_pdf(tmp_path):
    write_review_pdf(_doc(), tmp_path / "d.pdf")
    roles = _roles(tmp_path / "d.pdf")
    assert roles.count("L") >= 8  # two lists and two nested ones, in both sections
    assert roles.count("LI") >= 16
    text = " ".join(p.extract_text() for p in PdfReader(tmp_path / "d.pdf").pages)
    assert "- referrals" not in text and "Łódź" in text and "Nguyễn" in text


def test_a_very_long_title_fits_words_properties_and_the_cover_stays_one_page(tmp_path):
    doc = replace(_doc(title=LONG_TITLE), contents=True)
    write_review_docx(doc, tmp_path / "d.docx", lambda d, t: None)
    props = Document(tmp_path / "d.docx").core_properties
    assert len(props.title) <= 255 and props.title.endswith("…")
    assert props.title.startswith("Overview Report")
    write_review_pdf(doc, tmp_path / "d.pdf")
    reader = PdfReader(tmp_path / "d.pdf")
    assert "Bryn Ŷd" in reader.pages[0].extract_text().replace("\n", " ")
    # the details block (reference, date) is on the cover, not pushed onto a page of its own
    assert "LCSPR-2024-03" in reader.pages[0].extract_text()
    assert "Contents" in reader.pages[1].extract_text()


def test_crowded_episode_titles_never_overlap_each_other_or_the_marker_lines():
    layout = timeline_layout(100)
    episodes = tuple(
        NS(
            id=i,
            title=f"Episode {i}: contact with the MASH about Child Ŵ",
            x0=i / 26,
            x1=i / 26 + 0.02,
        )
        for i in range(24)
    )
    layout = NS(**{**vars(layout), "episodes": episodes, "silences": ()})
    svg = timeline_picture(layout, TIMELINE_COLOURS, TIMELINE_LABELS).svg
    ns = "{http://www.w3.org/2000/svg}"
    root = ElementTree.fromstring(svg)
    titles = [
        (float(t.get("x")), float(t.get("y")), t.text)
        for t in root.iter(f"{ns}text")
        if t.get("font-weight") == "bold"
    ]
    lines = [
        tuple(float(line.get(k)) for k in ("x1", "y1", "y2"))
        for line in root.iter(f"{ns}line")
        if line.get("y2")
    ]
    assert titles
    for x, y, text in titles:
        end = x + _width(text, 10.5, True)
        assert not [o for o in titles if o[1] == y and x < o[0] < end]  # no title over another
        crossing = [lx for lx, y1, y2 in lines if x < lx < end - 1 and y1 < y and y2 > y - 8]
        assert not crossing  # no episode's marker line through it
    assert "Episode 23: contact with the MASH about Child Ŵ" in root.find(f"{ns}desc").text
    # Too many to name on the picture: numbered there in order, each named whole in the key.
    numbers = [t for _x, _y, t in titles if t.isdigit() and len(t) <= 2]  # (not the years)
    assert sorted(map(int, numbers)) == list(range(1, 25))
    shown = [t.text or "" for t in root.iter(f"{ns}text")]
    assert "Key practice episodes" in shown
    for i in range(24):
        assert any(
            t.startswith(f"Episode {i}: contact with the MASH about Child Ŵ (") for t in shown
        )
    assert not [t for t in shown if t.endswith("…")]  # nothing cut short


def test_episode_titles_with_room_stay_on_the_picture_without_a_key():
    layout = timeline_layout(100)
    episodes = (
        NS(id=1, title="First referral", x0=0.05, x1=0.2),
        NS(id=2, title="The move to the refuge", x0=0.55, x1=0.7),
    )
    layout = NS(**{**vars(layout), "episodes": episodes, "silences": ()})
    svg = timeline_picture(layout, TIMELINE_COLOURS, TIMELINE_LABELS).svg
    shown = [
        t.text or "" for t in ElementTree.fromstring(svg).iter("{http://www.w3.org/2000/svg}text")
    ]
    assert "First referral" in shown and "The move to the refuge" in shown
    assert "Key practice episodes" not in shown


def test_each_numbered_list_starts_again_at_one_in_word(tmp_path):
    write_review_docx(_doc(), tmp_path / "d.docx", lambda d, t: None)
    word = Document(tmp_path / "d.docx")
    numbering = word.part.numbering_part.element
    firsts = [p for p in word.paragraphs if p.text == "The first contact was on 3 March."]
    assert len(firsts) == 2  # one list in each section
    ids = [p._p.pPr.numPr.numId.val for p in firsts]
    assert ids[0] != ids[1]
    for num_id in ids:
        num = numbering.num_having_numId(num_id)
        assert num.xpath("./w:lvlOverride/w:startOverride/@w:val") == ["1"]
    second = next(p for p in word.paragraphs if p.text == "The second contact was on 9 April.")
    assert second._p.pPr.numPr.numId.val == ids[0]  # the same list goes on


TYPED_TABLE = (
    "Contacts in the year:\n"
    "Agency | Contacts | Referrals\n"
    "--- | --- | ---\n"
    "Police | 12 | 3\n"
    "Heddlu Gogledd Cymru | 40 | 1\n"
    "A line with one | bar stays a paragraph."
)


def test_a_table_typed_with_bars_is_a_table_with_column_headings_in_every_format(tmp_path):
    doc = review_document([Section("Introduction", (Paragraphs((TYPED_TABLE,)),))])
    write_review_html(doc, tmp_path / "t.html")
    html = (tmp_path / "t.html").read_text(encoding="utf-8")
    assert '<th scope="col">Agency</th><th scope="col">Contacts</th>' in html
    assert "<td>Heddlu Gogledd Cymru</td>" in html or ">Heddlu Gogledd Cymru<" in html
    assert "---" not in html and "Police | 12" not in html
    assert "A line with one | bar stays a paragraph." in html
    write_review_docx(doc, tmp_path / "t.docx", lambda d, t: None)
    [table] = Document(tmp_path / "t.docx").tables
    assert [c.text for c in table.rows[0].cells] == ["Agency", "Contacts", "Referrals"]
    assert [c.text for c in table.rows[2].cells] == ["Heddlu Gogledd Cymru", "40", "1"]
    assert table.rows[0]._tr.trPr.xpath("./w:tblHeader")
    write_review_pdf(doc, tmp_path / "t.pdf")
    roles = _roles(tmp_path / "t.pdf")
    assert roles.count("Table") == 1 and roles.count("TH") == 3
