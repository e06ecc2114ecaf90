"""The review documents (Overview Report, Executive Summary, learning brief), read back with pypdf."""

import re
from dataclasses import replace
from types import SimpleNamespace as NS

import pytest
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4

from reports.review_document_data import (
    Bullets,
    Note,
    Paragraphs,
    Section,
    Subheading,
    Table,
    Timeline,
)
from reports.review_pdf import write_review_pdf as write_review_document
from reports.timeline_svg import bin_markers
from tests.reports.builders import (
    TIMELINE_COLOURS,
    TIMELINE_LABELS,
    review_document,
    timeline_layout,
)

PROSE = (
    "The health visitor saw the baby at home and recorded that the mother seemed low; the "
    "record does not say whether the father was present or who else lived in the house. "
)
MARKUP = 'mum & dad <fight> about <b> and <a href="x">x</a> </para> &amp; done'
NAMES = ("Łukasz Nowak", "Zoë Hughes", "Siobhán O'Neill", "Ελένη Παπαδοπούλου")


def read(path) -> tuple[PdfReader, list[str]]:
    reader = PdfReader(path)
    return reader, [page.extract_text() for page in reader.pages]


def overview_sections() -> list[Section]:
    return [
        Section("Introduction", (Paragraphs((PROSE, PROSE * 2)),)),
        Section(
            "Process and methodology",
            (
                Paragraphs((PROSE,)),
                Bullets(("Children's Social Care", "Police & <Probation>", "Health\nvisiting")),
                Paragraphs((f"The panel met {', '.join(NAMES)} and محمد علي.",)),
            ),
        ),
        Section(
            "Findings",
            (
                Subheading("Finding 1: Information sharing"),
                Paragraphs((PROSE * 3, PROSE)),
                Subheading("Finding 2: The voice of the child"),
                Paragraphs((PROSE, MARKUP)),
                Note("No good practice was identified for this finding."),
                Subheading("Finding 3: Management oversight"),
                Paragraphs((PROSE * 2,)),
            ),
        ),
        Section(
            "Timeline of agency contact",
            (
                Timeline(
                    timeline_layout(2000),
                    TIMELINE_COLOURS,
                    TIMELINE_LABELS,
                    "Each row is an agency; marks are entries.",
                ),
            ),
        ),
        Section("Recommendations", (Paragraphs((PROSE,)),)),
        Section(
            "Integrated chronology",
            (
                Table(
                    ("Date", "Agency", "Event and outcome"),
                    tuple(
                        (f"{i % 28 + 1:02d}/03/2016", "Police", f"Row {i}: " + PROSE * (i % 3))
                        for i in range(300)
                    ),
                    (2, 2, 6),
                    "Table A1: Integrated chronology",
                ),
            ),
            appendix=True,
        ),
        Section(
            "Glossary",
            (
                Table(("Term", "Meaning"), (("IMR", "Individual management review"),)),
                Paragraphs(("Appendix prose is not numbered.",)),
            ),
            appendix=True,
        ),
    ]


HEADINGS = [
    (0, "1", "Introduction"),
    (0, "2", "Process and methodology"),
    (0, "3", "Findings"),
    (1, "", "Finding 1: Information sharing"),
    (1, "", "Finding 2: The voice of the child"),
    (1, "", "Finding 3: Management oversight"),
    (0, "4", "Timeline of agency contact"),
    (0, "5", "Recommendations"),
    (0, "Appendix A", "Integrated chronology"),
    (0, "Appendix B", "Glossary"),
]


def shown(label: str, title: str) -> str:
    """A heading as the document shows it (and as its outline entry reads)."""
    if label.startswith("Appendix"):
        return f"{label}: {title}"
    return f"{label} {title}".strip()


@pytest.fixture(scope="module")
def overview(tmp_path_factory):
    path = tmp_path_factory.mktemp("doc") / "overview.pdf"
    calls: list[tuple[int, int]] = []
    pages = write_review_document(
        review_document(overview_sections()), path, on_progress=lambda d, t: calls.append((d, t))
    )
    reader, texts = read(path)
    return NS(path=path, pages=pages, reader=reader, texts=texts, calls=calls)


@pytest.fixture(scope="module")
def final(tmp_path_factory):
    path = tmp_path_factory.mktemp("doc") / "final.pdf"
    doc = review_document(overview_sections(), draft=False, version_label="Final")
    write_review_document(doc, path)
    return read(path)


def heading_page(texts: list[str], text: str, after: int = 2) -> int:
    """The first page (1-based, past the cover and contents) with ``text`` as a whole line."""
    for number, page in enumerate(texts[after:], after + 1):
        if text in page.splitlines():
            return number
    raise AssertionError(f"{text!r} is on no page")


# ---- the pages ---------------------------------------------------------------------------


def test_a4_portrait_and_page_count(overview):
    box = overview.reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (round(A4[0]), round(A4[1]))
    assert overview.pages == len(overview.reader.pages) > 8


def test_cover_page_shows_the_document_and_its_details(overview):
    cover = overview.texts[0]
    for text in (
        "Overview Report",
        "Local child safeguarding practice",
        "Child L",
        "Northshire Safeguarding Children Partnership",
        "Local Child Safeguarding Practice Review",
        "LCSPR-2024-03",
        "Draft 3",
        "22 November 2026",
        "Independent reviewer",
        "Protective marking",
    ):
        assert text in cover, text
    assert "Contents" not in cover and "1 Introduction" not in cover


def test_page_x_of_y_and_the_marking_top_and_bottom_of_every_page(overview):
    texts, total = overview.texts, overview.pages
    assert f"Page 1 of {total}" in texts[0]
    assert f"Page {total} of {total}" in texts[-1]
    for number, text in enumerate(texts, 1):
        assert f"Page {number} of {total}" in text
        assert text.count("OFFICIAL-SENSITIVE") >= 2, number


def test_draft_watermark_on_every_page_of_a_draft_and_none_of_a_final(overview, final):
    assert all("DRAFT" in text for text in overview.texts)
    _, texts = final
    assert not any("DRAFT" in text for text in texts)
    assert "Final" in texts[0]


def test_headings_appear_in_order(overview):
    text = "\n".join(overview.texts[2:])
    lines = text.splitlines()
    positions = [lines.index(shown(label, title)) for _, label, title in HEADINGS]
    assert positions == sorted(positions)


def test_contents_page_numbers_are_the_pages_the_headings_are_on(overview):
    contents, texts = overview.texts[1], overview.texts
    assert "Contents" in contents
    for _, label, title in HEADINGS:
        listed = re.search(re.escape(title) + r" \.+ (\d+)", contents)
        assert listed, title
        assert int(listed.group(1)) == heading_page(texts, shown(label, title)), title
    # the appendices really start later (the 300-row table runs over many pages)
    assert (
        heading_page(texts, "Appendix B: Glossary") > heading_page(texts, "5 Recommendations") + 5
    )


def test_outline_lists_sections_with_subheadings_nested_and_opens_with_the_document(overview):
    reader = overview.reader
    entries = []

    def walk(items, level):
        for item in items:
            if isinstance(item, list):
                walk(item, level + 1)
            else:
                entries.append((level, item.title, reader.get_destination_page_number(item) + 1))

    walk(reader.outline, 0)
    assert [(lvl, t) for lvl, t, _ in entries] == [(lvl, shown(lb, t)) for lvl, lb, t in HEADINGS]
    for _, title, page in entries:
        assert page == heading_page(overview.texts, title)


def test_metadata_title_author_subject_and_language(overview):
    reader = overview.reader
    meta = reader.metadata
    assert meta.title == "Overview Report: LCSPR-2024-03 Local child safeguarding practice review"
    assert meta.author == "Northshire Safeguarding Children Partnership"  # never a person
    assert "Child L" in meta.subject
    assert reader.trailer["/Root"].get("/Lang") == "en-GB"


def test_keywords_list_only_what_the_document_has(overview, tmp_path):
    keywords = overview.reader.metadata["/Keywords"]
    assert keywords == "OFFICIAL-SENSITIVE, LCSPR-2024-03, Overview Report"
    # An unmarked document's keywords start with its reference, not an empty keyword.
    unmarked = review_document([], protective_marking="")
    write_review_document(unmarked, tmp_path / "unmarked.pdf")
    keywords = PdfReader(tmp_path / "unmarked.pdf").metadata["/Keywords"]
    assert keywords.split(", ")[0] == unmarked.review_reference


def test_progress_runs_from_zero_to_total_in_order(overview):
    calls = overview.calls
    total = calls[-1][1]
    assert calls[0] == (0, total) and calls[-1] == (total, total)
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)
    assert len(calls) > 2 and all(t == total for _, t in calls)


# ---- numbering ---------------------------------------------------------------------------


def test_paragraph_numbers_run_through_a_section_and_appendices_have_none(overview):
    text = "\n".join(overview.texts)
    starts = re.findall(r"^(\d+\.\d+) ", text, flags=re.MULTILINE)
    # section 2: two Paragraphs blocks around bullets; section 3: three blocks under subheadings
    assert starts == ["1.1", "1.2", "2.1", "2.2", "3.1", "3.2", "3.3", "3.4", "3.5", "5.1"]
    assert "Appendix prose is not numbered." in text.splitlines()


def test_a_three_paragraph_section_2_is_numbered_2_1_2_2_2_3(tmp_path):
    doc = review_document(
        [
            Section("Introduction", (Paragraphs(("Opening.",)),)),
            Section(
                "Summary of the case",
                (Paragraphs(("First.", "Second.")), Subheading("Later"), Paragraphs(("Third.",))),
            ),
        ],
        contents=False,
    )
    write_review_document(doc, tmp_path / "n.pdf")
    _, texts = read(tmp_path / "n.pdf")
    lines = "\n".join(texts).splitlines()
    numbered = [line for line in lines if re.match(r"\d+\.\d+ ", line)]
    assert numbered == ["1.1 Opening.", "2.1 First.", "2.2 Second.", "2.3 Third."]


def test_newlines_in_a_paragraph_make_separate_numbered_paragraphs(tmp_path):
    doc = review_document(
        [Section("Analysis", (Paragraphs(("One line.\nTwo line.\r\n\nThree line.",)),))],
        contents=False,
    )
    write_review_document(doc, tmp_path / "nl.pdf")
    _, texts = read(tmp_path / "nl.pdf")
    text = "\n".join(texts)
    assert "1.1 One line." in text and "1.2 Two line." in text and "1.3 Three line." in text


# ---- user text ---------------------------------------------------------------------------


def test_markup_looking_text_appears_literally_and_makes_no_links(overview):
    text = "\n".join(overview.texts)
    assert MARKUP in text
    assert "Police & <Probation>" in text
    for page in overview.reader.pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A") or {}
            assert "/URI" not in action


def test_names_in_many_scripts_and_arabic_are_in_the_text_layer(overview):
    text = "\n".join(overview.texts)
    for name in NAMES:
        assert name in text
    assert all(ch in text for ch in "محمدعلي")


def test_markup_in_titles_and_captions_does_not_break_anything(tmp_path):
    doc = review_document(
        [
            Section(
                "<b>Findings</b> & </para>",
                (
                    Subheading('<a href="https://example.org">link</a>'),
                    Table(("<i>", "&amp;"), (("<b>", "a\nb"),), caption="<font size=40>"),
                ),
            )
        ],
        title="Review <of> & Child",
        subject="Zoë <Z>",
    )
    write_review_document(doc, tmp_path / "m.pdf")
    reader, texts = read(tmp_path / "m.pdf")
    text = "\n".join(texts)
    for literal in (
        "1 <b>Findings</b> & </para>",
        '<a href="https://example.org">link</a>',
        "<font size=40>",
        "Review <of> & Child",
        "Zoë <Z>",
        "&amp;",
    ):
        assert literal in text, literal
    assert re.search(r"a\s*\nb", text)  # a newline in a cell is a line break
    assert "Review <of> & Child" in reader.metadata.title


# ---- kinds of document -------------------------------------------------------------------


def test_an_executive_summary_has_its_headings_in_order(tmp_path):
    titles = [
        "Introduction",
        "Purpose of a review",
        "Terms of reference",
        "Summary of the case",
        "Analysis",
        "Conclusions",
        "Recommendations from IMRs",
    ]
    sections = [Section(t, (Paragraphs((PROSE,)),)) for t in titles[:-1]]
    sections.append(Section(titles[-1], (Table(("No.", "Recommendation"), (("1", "Do x"),)),)))
    doc = review_document(sections, kind="summary", kind_label="Executive Summary")
    write_review_document(doc, tmp_path / "es.pdf")
    reader, texts = read(tmp_path / "es.pdf")
    lines = "\n".join(texts[2:]).splitlines()
    positions = [lines.index(f"{n} {t}") for n, t in enumerate(titles, 1)]
    assert positions == sorted(positions)
    assert reader.metadata.title.startswith("Executive Summary: LCSPR-2024-03")
    assert [item.title for item in reader.outline] == [f"{n} {t}" for n, t in enumerate(titles, 1)]


def test_a_short_learning_brief_has_a_title_block_and_no_cover_or_contents_page(tmp_path):
    titles = ["Background", "Evaluation of practice", "Learning points", "Call to action"]
    sections = [Section(t, (Bullets((PROSE, PROSE)),)) for t in titles]
    doc = review_document(sections, kind="brief", kind_label="Learning brief", contents=False)
    pages = write_review_document(doc, tmp_path / "brief.pdf")
    _, texts = read(tmp_path / "brief.pdf")
    assert pages == len(texts) == 1  # the title block and the brief on one page
    assert "Contents" not in texts[0]
    lines = texts[0].splitlines()
    assert lines.index("Learning brief") < lines.index("Local child safeguarding practice review")
    assert [lines.index(f"{n} {t}") for n, t in enumerate(titles, 1)] == sorted(
        lines.index(f"{n} {t}") for n, t in enumerate(titles, 1)
    )


def test_a_document_without_sections_still_builds(tmp_path):
    pages = write_review_document(review_document([]), tmp_path / "empty.pdf")
    _, texts = read(tmp_path / "empty.pdf")
    assert pages == 2
    assert "no sections" in texts[1]


# ---- layout ------------------------------------------------------------------------------


def test_a_300_row_table_repeats_its_header_on_every_page(overview):
    texts = overview.texts
    first = heading_page(texts, "Appendix A: Integrated chronology")
    last = heading_page(texts, "Appendix B: Glossary") - 1
    assert last - first >= 5
    rows_seen = set()
    for page in texts[first - 1 : last]:
        lines = [line.strip() for line in page.splitlines()]
        assert "Date Agency Event and outcome" in lines
        rows_seen |= {int(n) for n in re.findall(r"Row (\d+):", page)}
    assert rows_seen == set(range(300))
    assert "Table A1: Integrated chronology" in texts[first - 1]


def test_headings_are_never_left_alone_at_the_foot_of_a_page(tmp_path):
    """Slide a heading down the page a line at a time: it always shares a page with its text."""
    filler = "A line of filler text. " * 4
    for lines in range(24, 36):
        doc = review_document(
            [
                Section("Opening", (Paragraphs((filler,) * lines, numbered=False),)),
                Section("Next", (Subheading("Sub"), Paragraphs(("First of next.",)))),
            ],
            contents=False,
        )
        write_review_document(doc, tmp_path / "k.pdf")
        _, texts = read(tmp_path / "k.pdf")
        page_of = {
            key: next(i for i, t in enumerate(texts) if key in t.splitlines())
            for key in ("2 Next", "Sub", "2.1 First of next.")
        }
        assert len(set(page_of.values())) == 1, (lines, page_of)


def test_huge_paragraphs_and_a_table_cell_taller_than_a_page_do_not_raise(tmp_path):
    words = " ".join(f"w{i}" for i in range(3000))
    doc = review_document(
        [
            Section("Long", (Paragraphs((words + " paragraph end",)),)),
            Section(
                "Tall cell",
                (Table(("A", "B"), (("short", words + " cell end"), ("x" * 5000, "next row"))),),
            ),
        ]
    )
    pages = write_review_document(doc, tmp_path / "tall.pdf")
    _, texts = read(tmp_path / "tall.pdf")
    text = "\n".join(texts)
    assert pages > 6
    assert "paragraph end" in text and "cell end" in text and "next row" in text
    cells = set(re.findall(r"\bw\d+\b", text))
    assert cells == {f"w{i}" for i in range(3000)}


def test_hundreds_of_pages_build(tmp_path):
    rows = tuple((f"{i}", "Police", PROSE * (1 + i % 2)) for i in range(2500))
    doc = review_document(
        [
            *(Section(f"Part {n}", (Paragraphs((PROSE * 4,) * 6),)) for n in range(10)),
            Section(
                "Chronology", (Table(("No.", "Agency", "Event"), rows, (1, 2, 7)),), appendix=True
            ),
        ]
    )
    pages = write_review_document(doc, tmp_path / "long.pdf")
    _, texts = read(tmp_path / "long.pdf")
    assert pages == len(texts) > 100
    assert f"Page {pages} of {pages}" in texts[-1]


# ---- the timeline ------------------------------------------------------------------------


def test_a_timeline_of_20000_markers_stays_small_and_readable(tmp_path):
    doc = review_document(
        [
            Section(
                "Timeline", (Timeline(timeline_layout(20_000), TIMELINE_COLOURS, TIMELINE_LABELS),)
            )
        ]
    )
    path = tmp_path / "timeline.pdf"
    write_review_document(doc, path)  # its speed: benchmarks/report_bench.py
    assert path.stat().st_size < 2_000_000
    _, texts = read(path)
    page = texts[2]
    for text in (
        "Police",
        "Health visiting",
        "2014",
        "2018",
        "Health",
        "Police / justice",
        "Key practice episode",
        "No agency contact recorded",
        "219 days",
        "Birth and first months at home",
    ):
        assert text in page, text


def test_markers_are_binned_to_one_mark_per_lane_and_column():
    markers = [NS(lane=0, x=0.5, x_end=None, category="health", approximate=False)] * 3
    markers += [NS(lane=0, x=0.5004, x_end=None, category="police", approximate=True)] * 3
    markers += [NS(lane=1, x=0.9, x_end=None, category="police", approximate=True)]
    markers += [NS(lane=1, x=0.1, x_end=0.3, category="health", approximate=False)]
    markers += [NS(lane=7, x=0.5, x_end=None, category="other", approximate=False)]  # no lane
    markers += [NS(lane=0, x=1.5, x_end=None, category="other", approximate=False)]  # off axis
    bins = bin_markers(markers, {0: 0, 1: 1}, 100, {"health": 0, "police": 1})
    by_place = {(b.row, b.col0): b for b in bins}
    assert len(bins) == 3
    tie = by_place[(0, 50)]
    assert (tie.category, tie.count, tie.approximate) == ("health", 6, False)  # tie: listed first
    assert by_place[(1, 90)].approximate
    assert (by_place[(1, 10)].col1, by_place[(1, 10)].category) == (30, "health")
    many = [
        NS(lane=i % 4, x=(i % 997) / 997, x_end=None, category="x", approximate=False)
        for i in range(50_000)
    ]
    assert len(bin_markers(many, {i: i for i in range(4)}, 400, {})) <= 4 * 400


def test_a_timeline_with_many_lanes_splits_over_pages(tmp_path):
    agencies = [f"Agency number {i} with a long name" for i in range(90)]
    layout = timeline_layout(3000, agencies)
    doc = review_document(
        [Section("Timeline", (Timeline(layout, TIMELINE_COLOURS, TIMELINE_LABELS, "Lanes"),))],
        contents=False,
    )
    pages = write_review_document(doc, tmp_path / "lanes.pdf")
    _, texts = read(tmp_path / "lanes.pdf")
    assert pages >= 3
    text = "\n".join(texts)
    assert "Agency number 0 with" in text and "Agency number 89 with" in text


def test_a_timeline_with_an_empty_layout_builds(tmp_path):
    layout = NS(lanes=(), markers=(), episodes=(), silences=(), ticks=())
    doc = review_document(
        [Section("Timeline", (Timeline(layout, {}, {}),))], contents=False, draft=False
    )
    assert write_review_document(doc, tmp_path / "none.pdf") == 2


def test_the_outline_and_contents_survive_a_changed_document(tmp_path):
    """Adding prose before a section moves its page; the contents follow it."""
    base = overview_sections()
    longer = [replace(base[0], blocks=(Paragraphs((PROSE * 6,) * 8),)), *base[1:]]
    doc = review_document(longer)
    write_review_document(doc, tmp_path / "longer.pdf")
    _, texts = read(tmp_path / "longer.pdf")
    listed = re.search(r"Findings \.+ (\d+)", texts[1])
    assert int(listed.group(1)) == heading_page(texts, "3 Findings") > 4


def test_a_contents_list_over_several_pages_still_gives_the_right_pages(tmp_path):
    sections = [
        Section(
            f"Theme {n}",
            tuple(
                block
                for k in range(12)
                for block in (Subheading(f"Finding {n}.{k}"), Paragraphs((PROSE * 2,)))
            ),
        )
        for n in range(1, 11)
    ]
    path = tmp_path / "many.pdf"
    write_review_document(review_document(sections), path)
    _, texts = read(path)
    body_start = next(i for i, t in enumerate(texts) if "1 Theme 1" in t.splitlines())
    assert body_start >= 3  # the contents took more than one page
    contents = "\n".join(texts[1:body_start])
    for n in (1, 5, 10):
        for k in (0, 11):
            title = f"Finding {n}.{k}"
            listed = re.search(re.escape(title) + r" \.+ (\d+)", contents)
            assert int(listed.group(1)) == heading_page(texts, title, after=body_start), title
