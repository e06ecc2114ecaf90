"""The window when someone else saved first: both values shown, the person chooses."""

import tempfile
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QPlainTextEdit

from app.conflicts import EditConflict
from app.context import AppContext
from app.edits import apply_fields
from app.reviews import create_review, get_review
from ui.conflict_dialog import ConflictDialog

SCREENSHOT = Path(tempfile.gettempdir()) / "reviewdesk-conflict-dialog.png"


@pytest.fixture
def review(ctx):
    return create_review(ctx, review_type="lcspr", reference="UI-2", title="Child U")


@pytest.fixture
def colleague(store):
    return AppContext(store, "Sam Author")


def _conflict(ctx, colleague, review) -> EditConflict:
    apply_fields(colleague, "review", review, {"title": "Child U: Sam's title"})
    with pytest.raises(EditConflict) as caught:
        apply_fields(ctx, "review", review, {"title": "Child U: mine"}, seen={"title": "Child U"})
    return caught.value


@pytest.mark.parametrize("mine", [False, True], ids=["keep theirs", "save mine"])
def test_the_editor_asks_and_does_what_was_chosen(editor, colleague, review, mine):
    asked: list[EditConflict] = []
    editor.choose_mine = lambda conflict: asked.append(conflict) or mine
    apply_fields(colleague, "review", review, {"title": "Child U: Sam's title"})
    saved = editor.edit(
        "review", review, {"title": "Child U: mine"}, "Edit", seen={"title": "Child U"}
    )
    assert len(asked) == 1 and asked[0].theirs == {"title": "Child U: Sam's title"}
    expected = "Child U: mine" if mine else "Child U: Sam's title"
    assert get_review(editor.ctx, review).title == expected
    assert saved is mine
    assert editor.undo_stack.count() == (1 if mine else 0)


def test_undo_does_not_silently_undo_someone_elses_later_change(editor, colleague, review):
    asked = []
    editor.choose_mine = lambda conflict: asked.append(conflict) or False
    editor.edit("review", review, {"title": "Mine"}, "Edit", seen={"title": "Child U"})
    apply_fields(colleague, "review", review, {"title": "Sam's, after mine"})
    editor.undo_stack.undo()
    assert len(asked) == 1
    assert get_review(editor.ctx, review).title == "Sam's, after mine"


def test_the_dialog_shows_both_values_and_who(qtbot, ctx, colleague, review):
    dialog = ConflictDialog(_conflict(ctx, colleague, review))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    boxes = {b.accessibleName(): b.toPlainText() for b in dialog.findChildren(QPlainTextEdit)}
    assert boxes == {"Their title": "Child U: Sam's title", "Your title": "Child U: mine"}
    texts = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "Saved by Sam Author" in texts and "You started from: Child U" in texts
    assert dialog.keep_theirs.text() == "Keep their change" and dialog.keep_theirs.isDefault()
    assert dialog.save_mine.text() == "Save mine over it"
    dialog.grab().save(str(SCREENSHOT))
