"""The eleventh round's files (eleventh_round_files.py) imported through the command line with
no options, every entry right and nothing the file holds lost; and each rule they needed, on
its own."""

import pytest

from tests.chronology import eleventh_round_files
from tests.chronology.fourth_round_files import same_text_differences
from tests.chronology.robust_files import WORKERS
from tests.chronology.test_robust_files import (
    _entries,
    _import,
    store_path,  # noqa: F401
)

FILES = eleventh_round_files.FILES


@pytest.mark.parametrize("name", sorted(FILES))
def test_each_file_imports_fully_right_with_no_options(store_path, tmp_path, capsys, name):  # noqa: F811
    path, truth = FILES[name](tmp_path)
    code, output = _import(store_path, path, capsys)
    assert code == 0, output
    assert same_text_differences(_entries(store_path), truth) == [], output
    said = eleventh_round_files.SAID.get(name, [])
    assert [t for t in said if t not in " ".join(output.split())] == [], output


# --- each rule on its own -------------------------------------------------------------------


def test_cyrillic_and_greek_code_pages_are_told_apart_and_their_names_are_names():
    from app.chronology.columns import _is_name
    from app.chronology.csv_text import _cyrillic

    names = "Олена Коваленко, Тарас Мельник, Ірина Бондаренко, Дмитро Шевчук"
    assert _cyrillic([names.encode("cp1251")]) == "cp1251"
    assert _cyrillic([names.encode("koi8_u")]) == "koi8_u"
    greek = "Ελένη Παπαδοπούλου, Ανδρέας Γεωργίου, Μαρία Χριστοδούλου, Νίκος Ιωάννου"
    assert _cyrillic([greek.encode("cp1253")]) == "cp1253"
    western = "Café visit; naïve; Zoë, Siân and Seán; ÉCOLE ÉTÉ; £5.50; ÀÉÎ ÆØÅ"
    assert _cyrillic([western.encode("cp1252")]) == ""
    assert all(map(_is_name, ["Олена Коваленко", "Ελένη Παπαδοπούλου", "Ірина Бондаренко"]))


def test_latin_2_is_told_from_windows_1250_and_western_signs_are_not_letters():
    from app.chronology.csv_text import _central_european

    czech = "Šárka Procházková, Paweł Ślusarczyk, Jiří Dvořák, Šimon Žák"
    assert _central_european([czech.encode("iso8859_2")]) == "iso8859_2"
    assert _central_european([czech.encode("cp1250")]) == "cp1250"
    western = "Word® and Excel® training; ¡hola! said Ana; © 2016 Council; Zoë; £5 paid"
    assert _central_european([western.encode("cp1252")]) == ""


def test_comments_on_ods_cells_are_read_with_their_authors(tmp_path):
    from app.chronology.sheet_formats import cell_comments_ods
    from tests.chronology.eleventh_round_files import ods_annotation_details

    path, _truth = ods_annotation_details(tmp_path)
    found = cell_comments_ods(path, "Chronology")
    assert found[1, 2][0] == WORKERS[0] and found[1, 2][1].startswith("Home visit")
    assert found[2, 2] == ("Team manager", "Checked against the case file 1")
    assert cell_comments_ods(path, "Another sheet") == {}


def test_below_a_table_two_month_paragraphs_are_entries_and_other_paragraphs_are_listed():
    from app.chronology.word_tables import _with_dated_paragraphs

    rows = [["Date", "Event"], ["14/03/2016", "Home visit to the family."]]
    lines = [("p", "Introduction to this agency's involvement."), ("table", ""),
             ("p", "October 2016 – Mother moved to a refuge with the children."),
             ("p", "November 2016: Case closed after the family left the area."),
             ("h", "Analysis"), ("p", "Analysis: the contacts were not read together.")]  # fmt: skip
    out, notes = _with_dated_paragraphs(rows, [], lines)
    assert [r[0] for r in out[3:]] == ["October 2016", "November 2016"]
    assert "“Introduction to this agency's involvement.”" in notes[-1]
    assert "Analysis: the contacts" in notes[-1]
    # one month paragraph alone is not an entry, but it is listed
    out, notes = _with_dated_paragraphs(rows, [], lines[:3])
    assert out == rows and "October 2016 – Mother moved" in notes[-1]
    # above the table, month paragraphs are not taken (a scope line, an introduction)
    out, notes = _with_dated_paragraphs(rows, [], [lines[2], lines[3], ("table", "")])
    assert out == rows and len(notes) == 1


def test_rtf_tables_paragraphs_escapes_and_skipped_destinations():
    from app.chronology.rtf_text import rtf_blocks

    data = (
        rb"{\rtf1\ansi\ansicpg1252{\fonttbl{\f0 Arial;}}{\*\generator X;}{\info{\title T}}"
        rb"\pard Chronology \endash  Child Z\par"
        rb"\trowd\cellx1000\cellx2000\pard\intbl Date\cell Event\cell\row"
        rb"\trowd\cellx1000\cellx2000\pard\intbl 14/03/2016\cell Caf\'e9 visit;\par "
        rb"second line {\field{\*\fldinst HYPERLINK x}{\fldrslt link}}\cell\row"
        rb"\pard Gwenllian Ll\u375?d\par}"
    )
    blocks = rtf_blocks(data)
    assert blocks[0] == ("p", "Chronology \u2013 Child Z")
    assert blocks[1] == ("table", [["Date", "Event"],
                                   ["14/03/2016", "Café visit;\nsecond line link"]])  # fmt: skip
    assert blocks[2] == ("p", "Gwenllian Llŷd")


def test_a_sign_off_under_the_last_dated_paragraph_is_not_part_of_the_entry():
    from app.chronology.word_tables import dated_paragraphs

    rows, notes = dated_paragraphs([
        "Chronology", "14/03/2016 – Home visit, mother present.", "The baby was asleep.",
        "03/04/2016 – Call from the nursery about a late collection.",
        "06/05/2016 – Child Z not brought to clinic.", "Letter sent to the GP.",
        "Prepared by Gwenllian Llŷd, Family Support Worker.", "Date: 12/01/2017",
    ])  # fmt: skip
    assert rows[1][1] == "Home visit, mother present.\nThe baby was asleep."
    assert rows[-1][1] == "Child Z not brought to clinic.\nLetter sent to the GP."
    assert "Prepared by Gwenllian Llŷd, Family Support Worker. / Date: 12/01/2017" in notes[-1]
