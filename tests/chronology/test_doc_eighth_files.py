"""The eighth round of documents (doc_eighth_files.py: Word, web page and PDF kinds the earlier
rounds lacked) imported through the command line with no options, every entry right, nothing
the document holds lost, and nothing that is not an entry taken for one; and each rule they
needed, on its own."""

import pytest

from tests.chronology import doc_eighth_files as files
from tests.chronology.round_checks import (
    check_file_imports_fully_right,
    round_cases,
)
from tests.chronology.test_robust_files import _entries, _import, store_path  # noqa: F401

pytest.importorskip("pdfplumber")

FILES = {**files.FILES, **files.LATER}
# Files not yet imported fully right (marked so before the rules they need are written).
NOT_YET: set[str] = set()


@pytest.mark.parametrize("name", round_cases(FILES, NOT_YET))
def test_each_document_imports_fully_right_with_no_options(store_path, tmp_path, capsys, name):  # noqa: F811
    check_file_imports_fully_right(FILES, name, store_path, tmp_path, capsys, round_module=files)


# --- each rule on its own -------------------------------------------------------------------


def _line(text: str, x0: float, x1: float, top: float):
    """A line of one PDF cell: its words spread evenly from x0 to x1 (10 pt text)."""
    from app.chronology.pdf_text import _Line

    words, pieces = [], text.split()
    step = (x1 - x0) / max(sum(len(p) for p in pieces) + len(pieces) - 1, 1)
    at = x0
    for piece in pieces:
        end = at + step * len(piece)
        words.append({"text": piece, "x0": at, "x1": end, "top": top, "bottom": top + 10})
        at = end + step
    return _Line(1, top, top + 10, x0, words[-1]["x1"], 10.0, False, words, top + 10)


def test_a_word_broken_where_its_cell_ends_is_joined_only_when_the_piece_left_is_no_word():
    """A word too long for its cell, broken at the cell's edge with no hyphen, is joined again
    when the piece on the next line is never a word of its own (an ending, letters with no
    vowel, punctuation); two words wrapped at the edge ("appointment" / "as") never are."""
    from app.chronology.pdf_text import _cell_text

    cell = (100.0, 0.0, 161.0, 200.0)  # text from 102 to 159

    def read(first: str, then: str, end: float = 158.6) -> str:
        return _cell_text([_line(first, 102, end, 10), _line(then, 102, 140, 22)], cell, 2.0)

    assert read("Photograph", "ed the bruising") == "Photographed the bruising"
    assert read("Safeguardin", "g supervision") == "Safeguarding supervision"
    assert read("Accommoda", "tion offered") == "Accommodation offered"
    assert read("outstanding", "; appointment") == "outstanding; appointment"
    assert read("appointment", "as agreed") == "appointment as agreed"
    assert read("Grandmother", "rang the office") == "Grandmother rang the office"
    assert read("Paracetamol", "mg given") == "Paracetamol mg given"
    # the line stops well short of the cell's edge: a wrap between words, not a break
    assert "Photographed" not in read("Photograph", "ed the bruising", end=130)
    # a line of two words is never the start of a broken word
    assert read("was photograph", "ed the bruising").startswith("was photograph ed")


def test_a_prompt_is_known_by_its_building_block_or_its_style_in_any_language(tmp_path):
    """Word's mark that a control shows its prompt missing, the prompt is still known: its
    text is its building block's (the glossary's "DefaultPlaceholder_..."), or every word of it
    is in the style Word names "Placeholder Text" (its identifier in the install's language).
    A control filled in, in an ordinary style, is left alone."""
    import docx

    from app.chronology.word_text import _W, mark_prompts

    path, _truth = files.word_welsh_template_prompts(tmp_path)
    document = docx.Document(str(path))
    body = document.element.body
    marked_before = len(list(body.iter(f"{_W}showingPlcHdr")))
    # Word left unmarked: one filled row's worker; of the three unused rows, two dates, two
    # choices, three workers and three notes
    assert mark_prompts(document) == 11
    assert len(list(body.iter(f"{_W}showingPlcHdr"))) == marked_before + 11
    texts = [
        "".join(t.text for t in sdt.iter(f"{_W}t"))
        for sdt in body.iter(f"{_W}sdt")
        if sdt.find(f"{_W}sdtPr/{_W}showingPlcHdr") is None
    ]
    assert all("Cliciwch" not in t and "Dewiswch" not in t for t in texts)
    assert len(texts) == 8 * 4 - 1  # every control filled in is left as it is
    assert mark_prompts(docx.Document(str(path))) == 11  # again from the file: the same


def test_a_date_field_in_a_paragraph_flags_its_own_entry_not_a_date_typed_the_same_day():
    """Of entries read from paragraphs, the one whose date is a date field is marked, not an
    entry before it whose typed date is the same day; a date on a line of its own over its
    note is found as well."""
    from app.chronology.word_tables import UPDATING, mark_field_paragraphs

    rows = [["Date", "Entry"], ["04/10/2016", "Typed on the day the file was saved, as it happens."],
            ["04/10/2016", "Mother came to the office asking for help."],
            ["14/03/2016", "Visited the flat."], ["04/10/2016", "Strategy discussion held."]]  # fmt: skip
    struck: dict = {}
    mark_field_paragraphs(
        rows,
        [("04/10/2016 \u2013 Mother came to the office asking for help.", "04/10/2016"),
         ("04/10/2016", "04/10/2016")],
        struck,
    )  # fmt: skip
    assert struck == {(2, 0): UPDATING, (4, 0): UPDATING}


def test_rows_across_a_table_split_it_into_agencies_only_when_they_name_services():
    """Rows of one cell across a table naming agencies split it into agencies (an Agency
    column); rows of one cell naming periods, people or one agency's own teams do not, nor do
    agency rows in a table that has an agency column already."""
    from app.chronology.agency_headings import agency_heading_rows

    def table(first: str, second: str, heads=("Date", "Worker", "Notes")):
        return [list(heads), [first, "", ""], ["14/03/2016", "A Worker", "Seen at home."],
                ["21/03/2016", "A Worker", "Seen at school."], [second, "", ""],
                ["04/04/2016", "B Worker", "Telephone call."]]  # fmt: skip

    rows, said, placed = agency_heading_rows(table("Police", "Education \u2013 Ysgol y Bryn"))
    assert [r[-1] for r in rows] == ["Agency", "Police", "Police", "Education \u2013 Ysgol y Bryn"]
    assert placed == {0: 0, 2: 1, 3: 2, 5: 3} and "2 rows across it" in said
    assert agency_heading_rows(table("Week 1", "Week 2")) is None
    assert agency_heading_rows(table("Mother", "Father")) is None
    assert agency_heading_rows(table("Duty team", "Family support service")) is None
    assert agency_heading_rows(table("Police", "Health", ("Date", "Agency", "Notes"))) is None


def test_a_note_under_labelled_lines_is_the_note_and_a_narrative_runs_on():
    """In blocks of labelled lines, a sentence with no label under a short labelled value of
    a field that never runs on (a worker's name) is the block's note; under a narrative's label
    it is more of that narrative; several labels on one line are taken apart."""
    from app.chronology.word_tables import labelled_paragraphs

    texts = []
    for n in range(4):
        texts += [f"Date: 1{n}/03/2016 Time: 10:0{n} Recorded by: Sam Ellery",
                  "Seen at home with the children; the flat was warm and clean today.",
                  f"Outcome: Referred to {n}", "the children's services team for an assessment of need."]  # fmt: skip
    rows, _notes = labelled_paragraphs(texts)
    from app.chronology.label_blocks import label_blocks

    table = label_blocks(rows)[0]
    assert table[0] == ["Date", "Time", "Recorded by", "Note (not labelled)", "Outcome"]
    assert table[1][:4] == ["10/03/2016", "10:00", "Sam Ellery",
                            "Seen at home with the children; the flat was warm and clean today."]  # fmt: skip
    assert table[1][4] == "Referred to 0\nthe children's services team for an assessment of need."
