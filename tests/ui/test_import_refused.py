"""The import window shown a file the importer refuses (a scanned PDF, a picture renamed as a
workbook): the refusal said plainly where the rows would be, and no column choices of no
columns beside it."""

import os

import pytest
from PySide6.QtWidgets import QComboBox

from app.imrs import add_agency
from app.reviews import create_review
from tests.chronology.leftover_files import save_sheet, scanned_pages
from tests.ui.screens import read_through

AGENCY = "Children's Social Care"


@pytest.fixture
def review_id(ctx):
    review_id = create_review(ctx, review_type="lcspr", reference="LCSPR-2026-91", title="Child T")
    add_agency(ctx, review_id, AGENCY, "childrens_social_care")
    return review_id


def _dialog(qtbot, editor, review_id, path):
    from ui.import_dialog import ImportDialog
    from ui.table_tools import polish_tables

    dialog = ImportDialog(editor, review_id, [AGENCY], path)
    qtbot.addWidget(dialog)
    polish_tables(dialog)
    dialog.resize(1180, 700)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _shown_pickers(dialog) -> list[QComboBox]:
    return [c for c in dialog.findChildren(QComboBox) if c.objectName().startswith("map_")
            and c.isVisible()]  # fmt: skip


def _keep(dialog, name: str) -> None:
    folder = os.environ.get("REVIEWDESK_SCREENSHOTS")  # set to look at the window
    if folder:
        dialog.grab().save(os.path.join(folder, name))


def test_a_refused_file_shows_why_and_no_empty_column_choices(qtbot, editor, review_id, tmp_path):
    dialog = _dialog(qtbot, editor, review_id, scanned_pages(tmp_path))
    read_through(qtbot, dialog)
    _keep(dialog, "refused.png")
    assert dialog.refusal_words.isVisible()
    words = " ".join(dialog.refusal_words.text().split())
    assert "pictures" in words and "text recognition (OCR)" in words
    assert _shown_pickers(dialog) == []
    assert not dialog.import_button.isEnabled()


def test_the_column_choices_come_back_for_a_file_that_can_be_imported(
    qtbot, editor, review_id, tmp_path
):
    """Refused, then the same window shown a sheet it can read (another header row chosen):
    the choices of columns are there again, filled."""
    rows = [["Contacts for Child T"], ["Date", "Worker", "Details"]]
    rows += [[f"0{d}/03/2016", "Sam Ellery", f"Home visit {d}: Child T seen alone."]
             for d in range(1, 9)]  # fmt: skip
    path = save_sheet(tmp_path, "contacts.xlsx", rows)
    dialog = _dialog(qtbot, editor, review_id, path)
    read_through(qtbot, dialog)
    dialog.header_row.setValue(40)  # past the last row: refused
    dialog.replan()
    read_through(qtbot, dialog)
    assert dialog.refusal_words.isVisible(), dialog.report.toPlainText()
    assert _shown_pickers(dialog) == []
    dialog.header_row.setValue(0)
    dialog.replan()
    read_through(qtbot, dialog)
    _keep(dialog, "read.png")
    pickers = _shown_pickers(dialog)
    assert len(pickers) >= 10 and all(p.count() > 1 for p in pickers)
    assert dialog.mapping_combos["event"].currentText() == "Details"


def test_an_outlook_message_it_cannot_choose_from_is_refused_saying_what_to_save(
    qtbot, editor, review_id, tmp_path
):
    from tests.chronology.leftover_files_19 import outlook_message_with_attachment

    path = outlook_message_with_attachment(tmp_path, second=True)
    dialog = _dialog(qtbot, editor, review_id, path)
    read_through(qtbot, dialog)
    _keep(dialog, "message_refused.png")
    assert dialog.refusal_words.isVisible()
    words = " ".join(dialog.refusal_words.text().split())
    assert "Outlook message (.msg)" in words and "save the attachment" in words, words
    assert "as .eml" in words and "Excel" not in words, words
    assert _shown_pickers(dialog) == []
    assert not dialog.import_button.isEnabled()


def test_an_outlook_message_with_the_chronology_attached_is_shown_ready_to_import(
    qtbot, editor, review_id, tmp_path
):
    from tests.chronology.leftover_files_19 import outlook_message_with_attachment

    dialog = _dialog(qtbot, editor, review_id, outlook_message_with_attachment(tmp_path))
    read_through(qtbot, dialog)
    assert not dialog.refusal_words.isVisible()
    assert "Chronology - Child Z.csv attached to it was read" in " ".join(
        dialog.report.toPlainText().split()
    )
    assert dialog.mapping_combos["event"].currentText() == "Details"
    assert dialog.mapping_combos["practitioner"].currentText() == "Worker"
