"""The main window driven like a user would: dialogs, keyboard, menus, undo."""

import os
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QLabel, QMessageBox

from app.audit_log import list_audit
from app.context import AppContext
from app.edits import apply_fields
from app.imrs import add_agency, get_imr, set_imr_status
from app.reviews import create_review, get_review, list_reviews
from db.store import open_store
from ui.editing import Editor
from ui.imr_board import DUE_COLUMN, AddAgencyDialog
from ui.main import open_for_window
from ui.main_window import MainWindow, NewReviewDialog
from ui.review_list import SummaryRole
from ui.theme import danger_colour
from ui.workspace import TAB_AGENCIES, TAB_AUDIT, TAB_DETAILS, TAB_TOR


def _review(ctx, reference="LCSPR-2026-01", title="Child L: review of practice"):
    return create_review(
        ctx,
        review_type="lcspr",
        reference=reference,
        title=title,
        decision_date=ctx.today() - timedelta(days=30),
    )


def _open_review(window, review_id, tab):
    window.refresh()
    window.select_review(review_id)
    window.workspace.tabs.setCurrentIndex(tab)
    assert window.workspace.review.id == review_id


def test_new_review_dialog_creates_and_selects_the_review(window, qtbot, ctx, monkeypatch):
    def fill(dialog):
        dialog.review_type.setCurrentIndex(dialog.review_type.findData("rapid"))
        qtbot.keyClicks(dialog.reference, "RR-2026-07")
        qtbot.keyClicks(dialog.title_edit, "Baby N: rapid review")
        dialog.notification.set_value(ctx.today())
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(NewReviewDialog, "exec", fill)
    window.new_review()

    [summary] = list_reviews(ctx)
    assert (summary.reference, summary.review_type) == ("RR-2026-07", "rapid")
    assert window.stack.currentWidget() is window.workspace
    assert window.workspace.title.text() == "Baby N: rapid review"
    # A Rapid Review's target is 15 working days after notification: three weeks or more.
    assert summary.target_date >= ctx.today() + timedelta(days=21)
    assert window.workspace.countdown.text().endswith("days left")


def test_agencies_added_and_an_imr_walked_through_every_status(window, qtbot, ctx, monkeypatch):
    review_id = _review(ctx)
    _open_review(window, review_id, TAB_AGENCIES)
    board = window.workspace.agencies
    names = iter([("Constabulary", "police"), ("Early years setting", "education")])

    def fill(dialog):
        name, sector = next(names)
        qtbot.keyClicks(dialog.name, name)
        dialog.sector.setCurrentIndex(dialog.sector.findData(sector))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(AddAgencyDialog, "exec", fill)
    board.add_agency()
    board.add_agency()
    assert [r.agency for r in board.model.rows] == ["Constabulary", "Early years setting"]

    board.select_agency("Constabulary")
    imr_id = board.selected_imr_id()
    for status in ["requested", "received", "under_challenge", "received", "accepted"]:
        board._fill_status_menu()
        [action] = [a for a in board.status_menu.actions() if a.objectName() == f"status_{status}"]
        action.trigger()
        assert get_imr(ctx, imr_id).summary.status == status
        assert board.selected_imr_id() == imr_id  # the selection survives the reload
    detail = get_imr(ctx, imr_id).summary
    assert detail.date_requested == detail.date_received == detail.date_accepted == ctx.today()
    assert "Accepted" in board.panel.status_label.text()

    board.select_agency("Early years setting")
    board.change_status("not_required")
    assert get_imr(ctx, board.selected_imr_id()).summary.status == "not_required"
    summary = board.summary.accessibleDescription()
    assert "1 accepted" in summary and "1 not required" in summary


def test_overdue_imr_is_obvious_and_clears_when_received(window, ctx):
    review_id = _review(ctx)
    imr_id = add_agency(ctx, review_id, "Acute hospital trust", "health")
    set_imr_status(ctx, imr_id, "requested", on=ctx.today() - timedelta(days=40))
    apply_fields(ctx, "imr", imr_id, {"date_due": ctx.today() - timedelta(days=12)})
    _open_review(window, review_id, TAB_AGENCIES)
    board = window.workspace.agencies

    due = board.model.index(0, DUE_COLUMN)
    assert "12 days late" in due.data()
    assert due.data(Qt.ItemDataRole.ForegroundRole) == danger_colour()
    assert due.data(Qt.ItemDataRole.DecorationRole) is not None
    assert "1 overdue" in board.summary.accessibleDescription()
    listed = window.list_view.currentIndex().data(SummaryRole)
    assert listed.overdue_imrs == 1

    board.change_status("received")
    due = board.model.index(0, DUE_COLUMN)
    assert "late" not in due.data()
    assert "overdue" not in board.summary.accessibleDescription()
    assert window.list_view.currentIndex().data(SummaryRole).overdue_imrs == 0


def test_title_typed_saves_at_once_and_undo_redo_follow(window, qtbot, ctx):
    review_id = _review(ctx, title="Old title")
    _open_review(window, review_id, TAB_DETAILS)
    title = window.workspace.details.texts["title"]
    title.setFocus()
    title.selectAll()
    qtbot.keyClicks(title, "Child L: a review of multi-agency practice")
    qtbot.keyClick(title, Qt.Key.Key_Return)

    assert get_review(ctx, review_id).title == "Child L: a review of multi-agency practice"
    assert window.workspace.title.text() == "Child L: a review of multi-agency practice"
    [change] = [r for r in list_audit(ctx, review_id) if r.field == "title"]
    assert (change.old_value, change.actor) == ("Old title", "Tester")

    window.editor.undo_stack.undo()
    assert get_review(ctx, review_id).title == "Old title"
    assert title.text() == "Old title"
    window.editor.undo_stack.redo()
    assert get_review(ctx, review_id).title == "Child L: a review of multi-agency practice"


def test_terms_of_reference_add_edit_move_remove_and_undo(window, ctx):
    review_id = _review(ctx)
    _open_review(window, review_id, TAB_TOR)
    tor = window.workspace.tor
    for text in ["How well did agencies share information?", "Was the baby's voice heard?"]:
        tor.add_button.click()
        tor.table.item(tor.table.currentRow(), 0).setText(text)
    texts = [line.text for line in get_review(ctx, review_id).lines_of_enquiry]
    assert texts == ["How well did agencies share information?", "Was the baby's voice heard?"]

    tor.select_id(get_review(ctx, review_id).lines_of_enquiry[1].id)
    tor.up_button.click()
    lines = get_review(ctx, review_id).lines_of_enquiry
    assert [line.text for line in lines][0] == "Was the baby's voice heard?"
    assert [line.position for line in lines] == [1, 2]

    removed = lines[0]
    tor.select_id(removed.id)
    tor.remove_button.click()
    assert [line.id for line in get_review(ctx, review_id).lines_of_enquiry] == [lines[1].id]
    window.editor.undo_stack.undo()
    restored = get_review(ctx, review_id).lines_of_enquiry
    assert [(line.id, line.position) for line in restored] == [(removed.id, 1), (lines[1].id, 2)]


def test_duplicate_reference_is_refused_with_a_message(window, qtbot, ctx, messages):
    _review(ctx, reference="SAR-2026-01")
    second = _review(ctx, reference="SAR-2026-02")
    _open_review(window, second, TAB_DETAILS)
    reference = window.workspace.details.texts["reference"]
    reference.setFocus()
    reference.selectAll()
    qtbot.keyClicks(reference, "SAR-2026-01")
    qtbot.keyClick(reference, Qt.Key.Key_Return)

    assert any("already uses the reference 'SAR-2026-01'" in m for m in messages)
    assert get_review(ctx, second).reference == "SAR-2026-02"
    assert reference.text() == "SAR-2026-02"


def test_impossible_imr_dates_are_refused(window, ctx, messages):
    review_id = _review(ctx)
    imr_id = add_agency(ctx, review_id, "Children's social care", "childrens_social_care")
    set_imr_status(ctx, imr_id, "requested", on=ctx.today())
    _open_review(window, review_id, TAB_AGENCIES)
    panel = window.workspace.agencies.panel
    panel.dates["date_received"].set_value(ctx.today() - timedelta(days=5))

    assert any("received before it was requested" in m for m in messages)
    assert get_imr(ctx, imr_id).summary.date_received is None
    assert panel.dates["date_received"].value() is None


def test_document_attached_from_the_panel_is_kept_in_the_store(window, ctx, tmp_path, monkeypatch):
    review_id = _review(ctx)
    imr_id = add_agency(ctx, review_id, "GP practice", "health")
    document = tmp_path / "GP IMR v2.pdf"
    document.write_bytes(b"%PDF-1.4 fictional IMR")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(document), ""))
    _open_review(window, review_id, TAB_AGENCIES)
    window.workspace.agencies.panel.attach()

    [stored] = get_imr(ctx, imr_id).attachments
    assert stored.filename == "GP IMR v2.pdf" and stored.size == len(b"%PDF-1.4 fictional IMR")
    assert "GP IMR v2.pdf" in window.workspace.agencies.panel.documents.item(0).text()


def test_audit_tab_lists_changes_newest_first(window, ctx):
    review_id = _review(ctx, title="First")
    _open_review(window, review_id, TAB_DETAILS)
    window.editor.edit("review", review_id, {"title": "Second"}, "Change title")
    window.workspace.tabs.setCurrentIndex(TAB_AUDIT)
    model = window.workspace.audit.model
    assert model.rowCount() >= 2
    assert model.index(0, 3).data() == "title: First → Second"
    assert model.index(model.rowCount() - 1, 3).data() == "Added"


def test_window_state_is_remembered(qtbot, editor, settings, ctx, messages):
    first = _review(ctx, reference="A-1")
    second = _review(ctx, reference="A-2")
    window = MainWindow(editor, settings)
    qtbot.addWidget(window)
    window.select_review(first)
    window.workspace.tabs.setCurrentIndex(TAB_AGENCIES)
    window.close()

    again = MainWindow(editor, settings)
    qtbot.addWidget(again)
    assert again.current_review_id() == first != second
    assert again.workspace.tabs.currentIndex() == TAB_AGENCIES


def test_locked_store_is_offered_read_only(qtbot, store, store_path, ctx, monkeypatch):
    _review(ctx, reference="DHR-2026-01")

    def click_read_only(box):
        [button] = [b for b in box.buttons() if b.text() == "Open read-only"]
        button.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", click_read_only)
    shown: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", staticmethod(lambda _p, _t, text, *a, **k: shown.append(text))
    )
    second = open_for_window(store_path)
    assert second is not None and second.readonly
    try:
        editor = Editor(AppContext(second, "Someone else"))
        window = MainWindow(editor)
        qtbot.addWidget(window)
        assert window.findChild(QLabel, "readonly_banner") is not None
        assert "read-only" in window.windowTitle()
        assert not window.new_button.isEnabled()
        # Read-only, not greyed: the text can be read and selected, not changed.
        title = window.workspace.details.texts["title"]
        assert title.isEnabled() and title.isReadOnly()
        assert window.workspace.details.dates["decision_date"].edit.isReadOnly()
        review_id = window.current_review_id()
        assert editor.edit("review", review_id, {"title": "Changed"}, "Change title") is False
        assert any("read-only" in text for text in shown)
        assert get_review(ctx, review_id).title == "Child L: review of practice"
    finally:
        second.close()


def test_models_pass_the_qt_model_tester(window, qtmodeltester, ctx):
    review_id = _review(ctx)
    for name in ["Police", "Health visiting", "School"]:
        add_agency(ctx, review_id, name)
    _open_review(window, review_id, TAB_AUDIT)
    qtmodeltester.check(window.list_model)
    qtmodeltester.check(window.workspace.agencies.model)
    qtmodeltester.check(window.workspace.audit.model)


def test_every_removable_kind_can_be_redone(ctx):
    """Undo restores a removed item; redo must be able to remove it again, for every kind."""
    from app.items import ITEM_KINDS
    from ui.editing import REMOVERS

    assert set(ITEM_KINDS) <= set(REMOVERS)


def test_imr_board_sorts_by_status_in_workflow_order_and_keeps_the_selection(window, ctx):
    review_id = _review(ctx)
    for name in ("Zeta Police", "Alpha Health"):
        add_agency(ctx, review_id, name, "police")
    zeta = next(i for i in get_review(ctx, review_id).imrs if i.agency == "Zeta Police")
    set_imr_status(ctx, zeta.imr_id, "requested")
    _open_review(window, review_id, TAB_AGENCIES)
    board = window.workspace.agencies
    board.view.sortByColumn(1, Qt.SortOrder.DescendingOrder)  # requested after not requested
    shown = [board.view.model().index(r, 0).data() for r in range(2)]
    assert shown == ["Zeta Police", "Alpha Health"]
    board.select_agency("Alpha Health")
    assert board.selected_summary().agency == "Alpha Health"
    assert board.selected_imr_id() == board.selected_summary().imr_id


# --- passphrase and read-only stores ------------------------------------------------------------


def test_new_store_asks_for_a_passphrase_and_an_encrypted_one_for_it_again(
    qtbot, tmp_path, monkeypatch
):
    from db.engine import is_plain_sqlite
    from ui.passphrase_dialog import PassphraseDialog

    monkeypatch.delenv("REVIEWDESK_UNENCRYPTED")
    path = tmp_path / "new.db"
    asked: list[tuple[str, bool]] = []

    def ask(prompt, confirm):
        asked.append((prompt, confirm))
        return "window passphrase" if len(asked) != 2 else "wrong one"

    store = open_for_window(path, ask=ask)
    assert store is not None and store.encrypted and not is_plain_sqlite(path)
    store.close()
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda _p, _t, m: warnings.append(m)))
    again = open_for_window(path, ask=ask)
    assert again is not None and again.encrypted
    again.close()
    assert [c for _, c in asked] == [True, False, False]
    assert warnings and "passphrase does not open" in warnings[0]

    dialog = PassphraseDialog("Choose", True)
    qtbot.addWidget(dialog)
    dialog.first.setText("short")
    dialog.second.setText("short")
    dialog._accept_if_valid()
    assert "at least" in dialog.problem.text() and dialog.result() == 0


def test_store_in_a_read_only_folder_opens_read_only_and_says_so(qtbot, tmp_path):
    from tests.support import make_store, remount_read_only, tmpfs

    with tmpfs(tmp_path / "ro") as folder:
        path = make_store(folder / "store.db")
        remount_read_only(folder)
        opened = open_for_window(path)
        assert opened is not None and opened.readonly
        try:
            window = MainWindow(Editor(AppContext(opened, "Reader")))
            qtbot.addWidget(window)
            banner = window.findChild(QLabel, "readonly_banner")
            assert banner is not None and "read-only for you" in banner.text()
            assert window.current_review_id() is not None
            assert not window.new_button.isEnabled()
        finally:
            opened.close()


def test_deleted_review_trail_is_shown_in_the_window(qtbot, window, ctx):
    from app.reviews import delete_review
    from ui.store_actions import DeletedTrailDialog

    review_id = _review(ctx, reference="GONE-1")
    add_agency(ctx, review_id, "Police")
    delete_review(ctx, review_id)
    dialog = DeletedTrailDialog(ctx, window)
    qtbot.addWidget(dialog)
    assert dialog.choice.count() == 1 and "GONE-1" in dialog.choice.itemText(0)
    actions = {dialog.model.item(r, 2).text() for r in range(dialog.model.rowCount())}
    assert {"create", "delete"} <= actions
    dialog.show()
    dialog.grab().save(str(Path(os.environ.get("SCREENSHOTS", "/tmp")) / "deleted-trail.png"))


def test_the_open_store_can_be_encrypted_from_the_window(qtbot, tmp_path, monkeypatch):
    from db.engine import is_plain_sqlite
    from tests.support import make_store
    from ui import store_actions

    path = make_store(tmp_path / "plain.db")
    store = open_for_window(path)
    try:
        window = MainWindow(Editor(AppContext(store, "Tester")))
        qtbot.addWidget(window)
        monkeypatch.setattr(store_actions.PassphraseDialog, "exec", lambda self: 1)
        monkeypatch.setattr(
            store_actions.PassphraseDialog, "passphrase", lambda self: "a window passphrase"
        )
        store_actions.change_passphrase(window)
        assert store.encrypted and not is_plain_sqlite(path)
        assert window.current_review_id() is not None
        review_id = window.current_review_id()
        assert window.editor.edit("review", review_id, {"title": "After"}, "Rename") is True
    finally:
        store.close()
    with open_store(path, passphrase="a window passphrase") as again:
        assert get_review(AppContext(again, "x"), review_id).title == "After"


def test_a_plain_store_is_offered_encryption_when_opened(qtbot, tmp_path, monkeypatch):
    from db.engine import is_plain_sqlite
    from tests.support import make_store

    path = make_store(tmp_path / "plain.db")
    monkeypatch.delenv("REVIEWDESK_UNENCRYPTED")
    offered: list[str] = []

    def choose(label):
        def click(box):
            offered.append(box.text())
            [button] = [b for b in box.buttons() if b.text() == label]
            button.click()
            return 0

        return click

    monkeypatch.setattr(QMessageBox, "exec", choose("Not now"))
    declined = open_for_window(path, ask=lambda prompt, confirm: "never asked")
    assert declined is not None and not declined.encrypted and is_plain_sqlite(path)
    declined.close()
    monkeypatch.setattr(QMessageBox, "exec", choose("Encrypt it now…"))
    store = open_for_window(path, ask=lambda prompt, confirm: "offered passphrase")
    assert store is not None and store.encrypted and not is_plain_sqlite(path)
    store.close()
    assert "not encrypted" in offered[0]
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == [
        "plain.db",
        "plain.db.lock",
    ]
