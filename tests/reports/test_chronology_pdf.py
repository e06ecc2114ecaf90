"""The chronology PDF (and the shared page furniture), read back with pypdf."""

import re
from datetime import date

import pytest
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from reportlab.platypus import PageBreak, Paragraph, Spacer
from reportlab.platypus.tableofcontents import TableOfContents

from reports.chronology_data import ChronologyRow
from reports.chronology_pdf import write_chronology_pdf
from reports.pdf_common import (
    DocumentInfo,
    PageFurniture,
    ReviewDocTemplate,
    para,
    plain,
    style,
)
from tests.reports.builders import AGENCIES, document, entry

NAMES = ["Łukasz Nowak", "Zoë Hughes", "Siobhán O'Neill", "Ελένη Παπαδοπούλου", "Оксана Коваль"]


def many_rows(count: int) -> list[ChronologyRow]:
    rows = []
    for i in range(count):
        rows.append(
            entry(
                date_text=f"{i % 28 + 1:02d}/03/2016",
                date_value=date(2016, 3, i % 28 + 1),
                time="09:15" if i % 3 == 0 else "",
                agency=AGENCIES[i % len(AGENCIES)],
                event=f"Entry {i}: home visit, mother said the child was asleep. " * (1 + i % 4),
                practitioner=NAMES[i % len(NAMES)],
                significance="Missed opportunity to see the child." if i % 7 == 0 else "",
            )
        )
    return rows


def read(path) -> tuple[PdfReader, list[str]]:
    reader = PdfReader(path)
    return reader, [page.extract_text() for page in reader.pages]


@pytest.fixture(scope="module")
def big(tmp_path_factory):
    """A few hundred entries with the awkward ones mixed in, written once for many tests."""
    special = [
        entry(event='mum & dad <fight> about <b> and <a href="x">x</a> </para> &amp; done'),
        entry(
            event="Flag me",
            flagged=True,
            flag_reason="Recorded 19 days after the visit",
        ),
        entry(
            date_text="c. March 2017",
            date_value=None,
            precision="approximate",
            sort_date=date(2017, 3, 1),
            event="Approximate one",
        ),
        entry(date_text="", date_value=None, precision="unknown", sort_date=None, event="Undated"),
        entry(event="Line one\nLine two\r\nLine three", practitioner="محمد علي"),
        entry(event="Controls \x00\x01\x0b here", outcome="emoji 😀 and 中文"),
    ]
    rows = many_rows(150) + special + many_rows(150)
    path = tmp_path_factory.mktemp("pdf") / "chronology.pdf"
    calls: list[tuple[int, int]] = []
    pages = write_chronology_pdf(
        document(rows), path, on_progress=lambda d, t: calls.append((d, t))
    )
    reader, texts = read(path)
    return {"path": path, "pages": pages, "reader": reader, "texts": texts, "calls": calls}


def test_page_count_and_header_row_on_every_page(big):
    reader, texts = big["reader"], big["texts"]
    assert big["pages"] == len(reader.pages) > 1
    for number, text in enumerate(texts, 1):
        lines = text.splitlines()
        for heading in ("Date", "Agency", "Type", "Event and outcome", "Practitioner"):
            assert heading in lines, (number, heading)
        # the header row appears once per page, never again in the middle of one
        assert lines.count("Event and outcome") == 1, number


def test_landscape_a4(big):
    box = big["reader"].pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (round(A4[1]), round(A4[0]))


def test_page_x_of_y_reference_and_marking_on_every_page(big):
    texts, total = big["texts"], big["pages"]
    assert f"Page 1 of {total}" in texts[0]
    assert f"Page {total} of {total}" in texts[-1]
    for number, text in enumerate(texts, 1):
        assert f"Page {number} of {total}" in text
        assert text.count("OFFICIAL-SENSITIVE") >= 2, number  # top and bottom
        assert "LCSPR-2024-03" in text


def test_markup_in_user_text_appears_literally(big):
    text = "\n".join(big["texts"])
    assert "mum & dad <fight>" in text
    assert "<b>" in text
    assert '<a href="x">x</a>' in text
    assert "</para>" in text
    assert "&amp; done" in text


def test_no_links_are_made_from_user_text(big):
    for page in big["reader"].pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A") or {}
            assert "/URI" not in action


def test_names_in_many_scripts_are_extracted_intact(big):
    text = "\n".join(big["texts"])
    for name in ("Łukasz Nowak", "Zoë Hughes", "Siobhán O'Neill", "Ελένη", "Оксана Коваль"):
        assert name in text


def test_arabic_does_not_crash_and_its_letters_are_in_the_text_layer(big):
    text = "\n".join(big["texts"])
    assert all(ch in text for ch in "محمد علي".replace(" ", ""))


def test_flagged_approximate_and_unknown_dates_are_marked_in_words(big):
    text = "\n".join(big["texts"])
    assert "⚑ Flagged: Recorded 19 days after the visit" in text
    assert re.search(r"c\.\s+March\s+2017\s*\(approx\.\)", text)
    assert re.search(r"Date not\s+known", text)


def test_newlines_become_line_breaks_and_controls_do_not_crash(big):
    text = "\n".join(big["texts"])
    assert re.search(r"Line one\s*\nLine two\s*\nLine three", text)
    assert "Controls" in text and "here" in text


def test_metadata_and_language(big):
    reader = big["reader"]
    meta = reader.metadata
    assert "Integrated multi-agency chronology" in meta.title
    assert "LCSPR-2024-03" in meta.title
    assert meta.author == "ReviewDesk"
    assert "Child L" in meta.subject
    assert "OFFICIAL-SENSITIVE" in meta.get("/Keywords")
    assert reader.trailer["/Root"]["/Lang"] == "en-GB"


def test_progress_is_reported_in_order_and_finishes(big):
    calls = big["calls"]
    assert len(calls) > 2
    done = [d for d, _ in calls]
    assert done == sorted(done)
    total = calls[-1][1]
    assert total == 306  # the entries
    assert calls[0] == (0, total)
    assert calls[-1] == (total, total)
    assert all(t == total for _, t in calls)


def test_a_5000_character_event_is_cut_into_marked_rows_and_keeps_every_word(tmp_path):
    words = [f"w{i}" for i in range(2500)]
    event = " ".join(words) + " the very last words"
    assert len(event) > 5000
    rows = [*many_rows(3), entry(event=event, flagged=True, flag_reason="Very long"), entry()]
    path = tmp_path / "long.pdf"
    pages = write_chronology_pdf(document(rows), path)
    _, texts = read(path)
    assert pages == len(texts) >= 2
    text = "\n".join(texts)
    assert re.search(r"the\s+very\s+last\s+words", text)
    assert "(continued…)" in text and "(…continued)" in text
    found = set(re.findall(r"\bw\d+\b", text))
    assert found == set(words)  # not a word lost at the cuts
    assert "⚑ Flagged: Very long" in text


def test_tall_entries_made_of_newlines_or_long_names_do_not_crash(tmp_path):
    rows = [
        entry(event="\n".join(f"line {i}" for i in range(200))),
        entry(practitioner="Dr " + "Very-Long-Name " * 400, role="GP"),
        entry(event="x" * 6000),  # one unbreakable word
    ]
    path = tmp_path / "tall.pdf"
    pages = write_chronology_pdf(document(rows), path)
    _, texts = read(path)
    text = "\n".join(texts)
    assert pages > 1
    assert "line 0" in text and "line 199" in text
    assert text.count("x") >= 6000


def test_no_entries_still_makes_a_valid_pdf_with_the_title_block(tmp_path):
    path = tmp_path / "empty.pdf"
    doc = document([], filters_note="Filtered: agency Police; 2016-2017", agencies=[])
    assert write_chronology_pdf(doc, path) == 1
    _, texts = read(path)
    text = texts[0]
    assert "Integrated multi-agency chronology" in text
    assert "LCSPR-2024-03" in text
    assert "Northshire Safeguarding Children Partnership" in text
    assert "Filtered: agency Police; 2016-2017" in text
    assert re.search(r"Entries\s*0", text)
    assert "Page 1 of 1" in text


# ---- the shared pieces --------------------------------------------------------------


def test_para_escapes_markup_and_keeps_line_breaks():
    assert para("mum & dad <fight>") == "mum &amp; dad &lt;fight&gt;"
    assert para("a\nb\r\nc\rd") == "a<br/>b<br/>c<br/>d"
    assert para("</para><b>") == "&lt;/para&gt;&lt;b&gt;"
    assert para(None) == ""
    assert plain("bell\x07 tab\t") == "bell\ufffd tab    "


def test_furniture_keeps_bookmarks_and_contents_right_and_draws_a_watermark(tmp_path):
    """What a later Overview Report relies on: outlines and a contents page stay right."""

    class Outlined(ReviewDocTemplate):
        def afterFlowable(self, flowable):
            if isinstance(flowable, Paragraph) and flowable.getPlainText().startswith("Part"):
                key = flowable.getPlainText()
                self.canv.bookmarkPage(key)
                self.canv.addOutlineEntry(key, key, level=0)
                self.notify("TOCEntry", (0, key, self.page, key))

    contents = TableOfContents()
    contents.levelStyles = [style("TOC0", 10)]
    story = [Paragraph("Contents", style("H", 14)), contents, PageBreak()]
    for part in range(1, 4):
        story += [Paragraph(f"Part {part}", style("Body", 11)), Spacer(1, 500), PageBreak()]
    path = tmp_path / "furnished.pdf"
    template = Outlined(
        path,
        furniture=PageFurniture(
            marking="OFFICIAL-SENSITIVE", footer_left="REF-1", watermark="Draft"
        ),
        info=DocumentInfo(title="Furnished"),
    )
    assert template.build_furnished(story, passes=4) == 4
    reader, texts = read(path)
    outline = {item.title: reader.get_destination_page_number(item) for item in reader.outline}
    assert outline == {"Part 1": 1, "Part 2": 2, "Part 3": 3}
    # the contents page knows where Part 3 is (pypdf reads the page number first)
    assert re.search(r"Part 3\W*4|4\s*Part 3", texts[0])
    for number, text in enumerate(texts, 1):
        assert f"Page {number} of 4" in text
        assert "DRAFT" in text
        assert "REF-1" in text
        assert text.count("OFFICIAL-SENSITIVE") == 2
