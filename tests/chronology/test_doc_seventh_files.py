"""The seventh round of documents (doc_seventh_files.py: Word and PDF kinds the earlier rounds
lacked) imported through the command line with no options, every entry right, nothing the
document holds lost, and nothing that is not an entry taken for one; and each rule they
needed, on its own."""

import pytest

from tests.chronology import doc_seventh_files as files
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


def test_a_template_prompt_is_read_as_empty_in_word_and_as_printed_words():
    """A content control still showing its prompt (w:showingPlcHdr) holds nothing; the same
    prompt printed or saved as plain words ("Click or tap to enter a date.", wrapped over
    lines in a narrow cell) is emptied too and said; words that only mention a prompt stay."""
    from lxml import etree

    from app.chronology.word_tables import clear_prompts
    from app.chronology.word_text import paragraph_text

    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    p = etree.fromstring(
        f'<w:p xmlns:w="{w}"><w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent><w:r>'
        "<w:t>Click or tap here to enter text.</w:t></w:r></w:sdtContent></w:sdt>"
        "<w:sdt><w:sdtPr/><w:sdtContent><w:r><w:t>Seen at home.</w:t></w:r></w:sdtContent>"
        "</w:sdt></w:p>"
    )
    assert paragraph_text(p) == "Seen at home."

    rows = [["Date", "Notes"], ["Click or tap\nto enter a\ndate.", "Choose an item."],
            ["14/03/2016", "Mother said to click here to enter text."]]  # fmt: skip
    said = clear_prompts(rows)
    assert rows[1] == ["", ""]
    assert rows[2][1] == "Mother said to click here to enter text."
    assert said and "2 cells" in said and "Click or tap to enter a date." in said
    assert clear_prompts([["Date"], ["14/03/2016"]]) is None


def test_a_date_field_that_updates_is_told_from_a_date_typed_or_fixed():
    """Word's DATE, TIME, SAVEDATE and PRINTDATE fields (in a field or a simple field) show
    the day the document is opened, saved or printed; a CREATEDATE field or a date typed does
    not. LibreOffice's date fields update unless fixed; RTF's \\fldinst codes say the same."""
    from lxml import etree

    from app.chronology.rtf_text import rtf_blocks
    from app.chronology.word_text import updating_date_in

    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

    def cell(inner: str):
        return etree.fromstring(f'<w:tc xmlns:w="{w}"><w:p>{inner}</w:p></w:tc>')

    assert updating_date_in(cell('<w:r><w:instrText> SAVEDATE \\@ "d/M/yy" </w:instrText></w:r>'))
    assert updating_date_in(
        cell('<w:fldSimple w:instr=" DATE "><w:r><w:t>1</w:t></w:r></w:fldSimple>')
    )
    assert not updating_date_in(cell("<w:r><w:instrText> CREATEDATE </w:instrText></w:r>"))
    assert not updating_date_in(cell("<w:r><w:instrText> PAGE </w:instrText></w:r>"))
    assert not updating_date_in(cell("<w:r><w:t>14/03/2016</w:t></w:r>"))

    from app.chronology.odt_text import _updating

    text = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    odt = etree.fromstring(
        f'<c xmlns:text="{text}"><text:p><text:date>04/10/2016</text:date></text:p></c>'
    )
    fixed = etree.fromstring(
        f'<c xmlns:text="{text}"><text:p><text:date text:fixed="true">1</text:date></text:p></c>'
    )
    assert _updating(odt) and not _updating(fixed)

    marks: list = []
    rtf = (
        rb"{\rtf1\ansi\trowd\cellx1000\cellx2000\pard\intbl {\field{\*\fldinst { DATE \\@ "
        rb'"dd/MM/yyyy" }}{\fldrslt {04/10/2016}}}\cell \pard\intbl Seen\cell \row'
        rb"\trowd\cellx1000\cellx2000\pard\intbl {\field{\*\fldinst { PAGE }}{\fldrslt {2}}}"
        rb"\cell \pard\intbl Seen\cell \row}"
    )
    blocks = rtf_blocks(rtf, marks)
    assert blocks[0][1] == [["04/10/2016", "Seen"], ["2", "Seen"]]
    assert marks == [{(0, 0): "updating"}]


def test_a_prompt_word_did_not_mark_as_showing_is_still_read_as_empty(
    store_path,  # noqa: F811
    tmp_path,
    capsys,
):
    """Word does not always keep w:showingPlcHdr on a control still showing its prompt: the
    template's unused rows, unmarked, come in as nothing all the same."""
    path, truth = files.word_placeholder_rows(tmp_path)
    import zipfile

    from tests.chronology.doc_sixth_files import _rewrite

    with zipfile.ZipFile(path) as z:
        body = z.read("word/document.xml").decode()
    _rewrite(path, {"word/document.xml": body.replace("<w:showingPlcHdr/>", "")})
    code, output = _import(store_path, path, capsys)
    assert code == 0, output
    assert len(_entries(store_path)) == len(truth)
    assert "Click or tap" not in " ".join(e.event or "" for e in _entries(store_path))


def test_a_table_drawn_in_a_text_box_is_one_of_the_documents_tables(tmp_path):
    """A table inside a text box is read as a table of the body where the box is anchored,
    once (not again from the copy kept for older readers)."""
    import docx

    from app.chronology.word_text import body_tables

    path, truth = files.word_table_in_text_box(tmp_path)
    tables = body_tables(docx.Document(str(path)))
    assert len(tables) == 1
    assert len(tables[0].rows) == len(truth) + 1
