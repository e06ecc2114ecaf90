"""The window says when a review is checked out (read-only here) or is an offline copy."""

from app.checkout import check_out
from app.context import AppContext
from app.imrs import add_agency
from app.reviews import create_review, find_review_id
from db.store import open_store
from ui.editing import Editor
from ui.main_window import MainWindow


def _window(qtbot, editor, settings=None) -> MainWindow:
    window = MainWindow(editor, settings) if settings is not None else MainWindow(editor)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_a_checked_out_review_shows_why_it_is_read_only(qtbot, ctx, tmp_path, settings, messages):
    out = create_review(ctx, review_type="lcspr", reference="OUT-1", title="Child A")
    add_agency(ctx, out, "Police", "police")
    here = create_review(ctx, review_type="sar", reference="HERE-2", title="Adult B")
    with open_store(tmp_path / "laptop.db") as laptop_store:
        laptop = AppContext(laptop_store, "Author")
        check_out(ctx, laptop, "OUT-1")
        window = _window(qtbot, Editor(ctx), settings)
        window.select_review(out)
        # Read-only, with who has it, since when and where, as the window shows any reason.
        assert window.editor.readonly
        assert not window.workspace.checkout_banner.isVisible()
        assert "read only" in window.workspace.role.badge.text()
        note = window.workspace.role.note.text()
        assert "Checked out to Tester since" in note and "laptop.db" in note
        window.grab().save(str(tmp_path / "checked-out.png"))
        # A change is refused in plain words, naming who has the review.
        errors: list[str] = []
        window.editor.failed.connect(errors.append)
        assert not window.editor.edit("review", out, {"title": "Changed here"}, "Change title")
        assert errors and "OUT-1 is checked out to Tester" in errors[0]
        window.select_review(here)
        assert not window.editor.readonly and not window.workspace.role.note.isVisible()

        copy_window = _window(qtbot, Editor(laptop))
        copy_window.select_review(find_review_id(laptop, "OUT-1"))
        copy_banner = copy_window.workspace.checkout_banner
        assert copy_banner.isVisible() and "Offline copy, checked out of" in copy_banner.text()
        copy_window.grab().save(str(tmp_path / "offline-copy.png"))
        copy_window.close()
        window.close()
