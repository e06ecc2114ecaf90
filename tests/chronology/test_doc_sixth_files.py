"""The sixth round of documents (doc_sixth_files.py: Word, RTF, web-page and PDF kinds the
earlier rounds lacked) imported through the command line with no options, every entry right,
nothing the document holds lost, and nothing that is not an entry taken for one; the files
that cannot be read refused in plain words saying what to do; and each rule they needed, on
its own."""

import pytest

from tests.chronology import doc_sixth_files as files
from tests.chronology.round_checks import (
    check_file_imports_fully_right,
    check_refused_saying,
    round_cases,
)
from tests.chronology.test_robust_files import _entries, _import, store_path  # noqa: F401

pytest.importorskip("pdfplumber")

FILES = {**files.FILES, **files.LATER}
# Files not yet imported fully right (marked so before the rules they need are written).
NOT_YET: set[str] = set()
REFUSED_NOT_YET: set[str] = set()


@pytest.mark.parametrize("name", round_cases(FILES, NOT_YET))
def test_each_document_imports_fully_right_with_no_options(store_path, tmp_path, capsys, name):  # noqa: F811
    check_file_imports_fully_right(FILES, name, store_path, tmp_path, capsys, round_module=files)


@pytest.mark.parametrize("name", round_cases(files.REFUSED, REFUSED_NOT_YET))
def test_a_document_that_cannot_be_read_is_refused_saying_what_to_do(
    store_path,  # noqa: F811
    tmp_path,
    capsys,
    name,
):
    check_refused_saying(files.REFUSED[name], [], store_path, tmp_path, capsys)
    assert _entries(store_path) == []


# --- each rule on its own -------------------------------------------------------------------


def test_a_locked_file_is_told_how_to_unlock_it_in_the_program_its_name_says():
    """Office locks every kind of file in the same container: the name says which program
    removes the password, and a workbook is told as before."""
    from app.chronology.file_guard import password_protected

    assert "in Word (File › Info › Protect Document)" in str(password_protected("c.docx"))
    assert "in Word" in str(password_protected("c.DOCM"))
    assert "LibreOffice Writer" in str(password_protected("c.odt"))
    assert str(password_protected("c.xlsx")) == (
        "c.xlsx is password-protected. Remove the password in Excel (File › Info › Protect "
        "Workbook), save it, and import it again."
    )


def test_a_heading_merged_over_two_columns_stands_over_the_one_holding_its_data(tmp_path):
    """Rows indented one grid column (w:gridBefore) under a heading merged across it: the
    heading is that of the column its data stand in; a merged heading over two columns both
    holding data stays where it is."""
    from app.chronology.word_tables import table_grids
    from tests.chronology.doc_sixth_files import word_grid_before_rows

    path, truth = word_grid_before_rows(tmp_path)
    grid = table_grids(path)[0]
    assert grid[0][:3] == ["", "Date", "Time"]
    assert [row[1] for row in grid[1:]] == [f"{t.start:%d/%m/%Y}" for t in truth]

    import docx

    document = docx.Document()
    table = document.add_table(rows=2, cols=3)
    top = table.rows[0].cells
    top[0].merge(top[1]).text = "Date and time"
    top[2].text = "Details"
    for cell, text in zip(table.rows[1].cells, ["14/03/2016", "10:30", "Seen."], strict=True):
        cell.text = text
    document.save(tmp_path / "both.docx")
    assert table_grids(tmp_path / "both.docx")[0][0] == ["Date and time", "", "Details"]


def test_numbered_entries_end_at_the_next_numbered_section_but_dotted_dates_do_not():
    """Entries numbered in a report's section ("2.1 On 14 March 2016 ...") end where the next
    section starts ("3. Analysis", "3.1 ..."); dates written with dots ("15.3.16 ...") are
    dates, not section numbers, and end nothing."""
    from app.chronology.word_tables import dated_paragraphs

    texts = ["2. Chronology", "2.1 On 14 March 2016 the family moved to the area from Leeds.",
             "2.2 On 3 April 2016 the school raised a concern about attendance.",
             "More about that concern.",
             "2.3 On 9 May 2016 the health visitor saw the baby at home.",
             "3. Analysis", "3.1 Practitioners did not always share what they knew."]  # fmt: skip
    rows, notes = dated_paragraphs(texts)
    assert [r[0] for r in rows[1:]] == ["14 March 2016", "3 April 2016", "9 May 2016"]
    assert rows[2][1].endswith("More about that concern.")
    assert "did not always share" not in rows[-1][1]
    assert "3.1 Practitioners did not always share" in " ".join(notes)

    dotted = ["14.3.16 Home visit, the family at home and well.",
              "15.3.16 Telephone call to the school about attendance.",
              "16.3.16 Letter sent to the family about the meeting."]  # fmt: skip
    rows, _notes = dated_paragraphs(dotted)
    assert len(rows) == 4


def test_a_row_printed_again_at_the_top_of_the_page_joins_only_when_it_goes_on():
    """The first row of a page with the date and worker of the row the page break split, its
    type left empty and that row's note cut mid-sentence, or its note marked "(continued)",
    is the rest of that row; the same day's next entry (its own type, the note above ending
    its sentence) is an entry of its own."""
    from app.chronology.pdf_text import _goes_on

    last = ["14/03/2016", "Aled Prosser", "Home visit", "Visited the flat and the heating"]
    assert _goes_on(last, ["14/03/2016", "Aled Prosser", "", "now works."], 0, 3)
    assert _goes_on(last, ["14/03/2016", "", "", "(continued) now works."], 0, 3)
    done = [*last[:3], "Visited the flat; the heating works."]
    assert not _goes_on(done, ["14/03/2016", "Aled Prosser", "Telephone", "Call to school."], 0, 3)
    assert not _goes_on(done, ["14/03/2016", "Aled Prosser", "", "Call to school."], 0, 3)
    assert not _goes_on(last, ["15/03/2016", "Aled Prosser", "", "(continued) now works."], 0, 3)


def test_a_row_marked_as_continued_joins_the_entry_above_only_on_its_date(
    store_path,  # noqa: F811
    tmp_path,
    capsys,
):
    """ "14/03/2016 (cont.)" in the date cell under that day's entry, worker and type empty:
    its text joins the entry. Under another day's entry, or with a worker of its own, it is
    an entry of its own."""
    from tests.chronology.robust_files import _csv

    path = tmp_path / "c.csv"
    _csv(path, [
        ["Date", "Worker", "Contact", "Details"],
        ["14/03/2016", "Aled Prosser", "Home visit", "Visited the flat and the heating"],
        ["14/03/2016 (cont.)", "", "", "now works; mother asked about nursery."],
        ["21/03/2016", "Imogen Trask", "Telephone", "Call from the school about attendance."],
        ["22/03/2016 (contd)", "", "", "Letter sent to the family about the meeting."],
        ["05/04/2016", "Declan Hussey", "Office visit", "Mother came in about rent arrears."],
        ["05/04/2016 continued", "Declan Hussey", "", "Form completed with her."],
    ])  # fmt: skip
    code, output = _import(store_path, path, capsys)
    assert code == 0, output
    events = [" ".join(e.event.split()) for e in _entries(store_path)]
    assert events[0] == ("Visited the flat and the heating now works; mother asked about "
                         "nursery.")  # fmt: skip
    assert len(events) == 5
    assert "the rest of the entry above (row 2)" in " ".join(output.split())


def test_a_few_one_word_values_repeated_are_labels_but_people_stay_people():
    """ "Telephone", "Clinic" repeated down a column are a column of types, though each looks
    like a surname; two-word names, or one-word names mostly different, are people."""
    from app.chronology.columns import profile_columns
    from tests.chronology.round_checks import rows_of

    def labels(values) -> bool:
        return profile_columns(["Contact"], rows_of(values))[0].holds_short_labels()

    assert labels(["Telephone", "Clinic", "Home visit", "Multi-agency meeting"] * 4)
    assert not labels(["Ffion Rhys", "Dele Okonjo", "Harriet Vance", "Callum Baird"] * 4)
    assert not labels(["Okonjo", "Vance", "Baird", "Rhys", "Pryce", "Lomax", "Adeyemi", "Vance"])
