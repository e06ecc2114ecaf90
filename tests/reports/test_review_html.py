"""The review documents as one accessible web page: parsed back, and checked with axe-core in
a real headless Chromium at WCAG 2.1 AA."""

import re
from html.parser import HTMLParser

import pytest

from reports.review_document_data import Bullets, Callout, Paragraphs, Section
from reports.review_html import write_review_html
from tests.accessibility.axe import missing, run_axe
from tests.reports.builders import review_document
from tests.reports.test_review_pdf import HEADINGS, MARKUP, NAMES, overview_sections, shown


class Page(HTMLParser):
    """What a test needs from the page: elements with their attributes, and heading texts."""

    def __init__(self, html: str):
        super().__init__()
        self.elements: list[tuple[str, dict]] = []
        self.headings: list[tuple[int, str]] = []
        self.text: list[str] = []
        self._heading: list | None = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        if re.fullmatch(r"h[1-6]", tag):
            self._heading = [int(tag[1]), ""]

    def handle_endtag(self, tag):
        if self._heading and tag == f"h{self._heading[0]}":
            self.headings.append(tuple(self._heading))
            self._heading = None

    def handle_data(self, data):
        self.text.append(data)
        if self._heading is not None:
            self._heading[1] += data

    def tags(self, name: str) -> list[dict]:
        return [attrs for tag, attrs in self.elements if tag == name]


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    path = tmp_path_factory.mktemp("html") / "overview.html"
    write_review_html(review_document(overview_sections()), path)
    html = path.read_text(encoding="utf-8")
    return path, html, Page(html)


def test_language_title_landmarks_and_a_skip_link(page):
    _, html, parsed = page
    assert parsed.tags("html") == [{"lang": "en-GB"}]
    assert (
        "<title>Overview Report: LCSPR-2024-03 Local child safeguarding practice review</title>"
        in html
    )
    for landmark in ("header", "nav", "main", "footer"):
        assert len(parsed.tags(landmark)) == 1, landmark
    skip = parsed.tags("a")[0]
    assert skip == {"class": "skip", "href": "#main"}
    assert parsed.tags("main")[0]["id"] == "main"


def test_headings_in_order_with_none_skipped(page):
    _, _, parsed = page
    assert parsed.headings[0] == (1, "Local child safeguarding practice review")
    assert parsed.headings[1] == (2, "Contents")
    assert parsed.headings[2:] == [(level + 2, shown(lb, t)) for level, lb, t in HEADINGS]
    levels = [level for level, _ in parsed.headings]
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False))


def test_tables_have_captions_and_column_headers(page):
    _, html, parsed = page
    assert len(parsed.tags("table")) == 2 == len(parsed.tags("caption"))
    assert [a.get("scope") for a in parsed.tags("th")] == ["col"] * 5
    assert "<caption>Table A1: Integrated chronology</caption>" in html
    assert "<caption>Appendix B: Glossary</caption>" not in html  # the section title is used
    assert '<caption class="visually-hidden">Glossary</caption>' in html
    assert len(parsed.tags("tr")) == 301 + 2


def test_the_timeline_is_inline_svg_with_a_text_alternative(page):
    _, html, parsed = page
    (svg,) = parsed.tags("svg")
    assert svg["role"] == "img" and svg["aria-labelledby"].split() == ["s4-t1-title", "s4-t1-desc"]
    assert 'id="s4-t1-desc">Timeline of 2,0' in html
    assert "The timeline in words" in html


def test_self_contained_no_requests_and_a_print_stylesheet(page):
    _, html, parsed = page
    assert not parsed.tags("link") and not parsed.tags("img")
    assert not [s for s in parsed.tags("script")]
    assert not re.search(r"(src|href)=\"(https?:)?//", html)
    assert "url(http" not in html and "@import" not in html
    assert "@media print" in html and "table-header-group" in html


def test_user_text_is_escaped_and_every_script_survives(page):
    _, html, parsed = page
    text = "".join(parsed.text)
    assert MARKUP in text and "<fight>" not in html
    assert all(name in text for name in NAMES)


def test_a_brief_shows_learning_points_with_text_and_a_practice_block(tmp_path):
    doc = review_document(
        [
            Section("Background", (Paragraphs(("What happened.",)),)),
            Section("Learning points", (Bullets(("Agencies did not share.",), ("Sharing",)),)),
            Section("Practice", (Callout("What this means for your practice", ("Ask.",)),)),
        ],
        kind="brief",
        kind_label="Learning brief",
        contents=False,
    )
    write_review_html(doc, tmp_path / "brief.html")
    html = (tmp_path / "brief.html").read_text(encoding="utf-8")
    assert "<strong>Sharing</strong>: " in html and "Agencies did not share." in html
    assert '<aside class="practice"' in html and "What this means for your practice" in html
    assert 'class="contents"' not in html


@pytest.mark.skipif(bool(missing()), reason=missing() or "axe can run")
def test_axe_finds_no_wcag_2_1_aa_violations(page, tmp_path):
    path, _, _ = page
    assert run_axe(path) == []
    brief = tmp_path / "brief.html"
    write_review_html(
        review_document(
            [Section("Practice", (Callout("What this means for your practice", ("Ask.",)),))],
            kind="brief",
            kind_label="Learning brief",
            contents=False,
            draft=False,
        ),
        brief,
    )
    assert run_axe(brief) == []


@pytest.mark.skipif(bool(missing()), reason=missing() or "axe can run")
def test_axe_does_find_violations_in_a_page_that_has_them(tmp_path):
    """The check can fail: a page without a language, alt text or contrast is caught."""
    bad = tmp_path / "bad.html"
    bad.write_text(
        '<!DOCTYPE html><html><head><title>x</title></head><body><img src="x.png">'
        '<p style="color:#ccc">faint</p></body></html>',
        encoding="utf-8",
    )
    found = {v["id"] for v in run_axe(bad)}
    assert {"html-has-lang", "image-alt", "color-contrast"} <= found


def test_questions_are_a_numbered_list_in_every_format(tmp_path):
    from docx import Document
    from pypdf import PdfReader

    from reports.review_docx import write_review_docx
    from reports.review_pdf import write_review_pdf

    questions = Bullets(("How well was risk assessed?", "Was the family heard?"), numbered=True)
    doc = review_document([Section("Terms of reference", (questions,))], contents=False)
    write_review_html(doc, tmp_path / "t.html")
    html = (tmp_path / "t.html").read_text(encoding="utf-8")
    assert re.search(r"<ol><li>.*How well was risk assessed\?.*</ol>", html)
    write_review_docx(doc, tmp_path / "t.docx", lambda d, t: None)
    styles = [p.style.name for p in Document(tmp_path / "t.docx").paragraphs if "?" in p.text]
    assert styles == ["List Number", "List Number"]
    write_review_pdf(doc, tmp_path / "t.pdf")
    text = " ".join(p.extract_text() for p in PdfReader(tmp_path / "t.pdf").pages)
    assert re.search(r"1\.\s*How well was risk assessed\?", text)
    assert re.search(r"2\.\s*Was the family heard\?", text) and "•" not in text
