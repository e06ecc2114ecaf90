"""Edits from the window: saved at once through the app services, undoable with QUndoStack."""

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from app.chronology.entries import remove_entry
from app.conflicts import EditConflict, seen_of
from app.context import AppContext
from app.edits import FieldChange, apply_fields
from app.errors import UserError
from app.imrs import set_imr_status
from app.items import add_item, move_item, remove_item, restore_item
from app.review_rights import ReviewRights, export_refusal
from db.store import StoreError
from ui.conflict_dialog import choose_mine


class Editor(QObject):
    """The window's one way to change the store. Views listen to ``changed`` and reload."""

    changed = Signal(str)  # the kind of thing that changed ("review", "imr", ...)
    failed = Signal(str)  # a message for the user

    def __init__(self, ctx: AppContext, parent: QObject | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.undo_stack = QUndoStack(self)
        # Asked when someone else changed what is being saved (tests answer it themselves).
        self.choose_mine: Callable[[EditConflict], bool] = choose_mine
        # What this login may do on the review shown (None: no review shown).
        self.rights: ReviewRights | None = None

    @property
    def readonly(self) -> bool:
        """Nothing can be saved: the store is open read-only, or the review shown is one this
        login may read but not change."""
        return self.ctx.readonly or (self.rights is not None and not self.rights.can_write)

    @property
    def export_refusal(self) -> str:
        """Why nothing of the review shown can be exported by this login ("" when it can)."""
        return export_refusal(self.ctx, self.rights)

    def call(self, func: Callable, *args, **kwargs) -> Any:
        """Run a service; on an expected error tell the user and return None.

        (A review this login may only read is shown read-only; a change to it that still
        reaches the shared store is refused there, in plain words. Undo and the windows
        across reviews may change other reviews than the one shown.)"""
        if self.ctx.readonly:
            self.failed.emit("This store is open read-only; changes cannot be saved.")
            return None
        try:
            return func(self.ctx, *args, **kwargs)
        except (UserError, StoreError) as exc:
            self.failed.emit(str(exc))
            return None

    # Field edits -------------------------------------------------------------------------
    def edit(
        self,
        kind: str,
        obj_id: int,
        values: dict[str, Any],
        text: str,
        seen: dict[str, Any] | None = None,
        *,
        shown: Any = None,
    ) -> bool:
        """Save fields; ``shown`` is the record the screen displayed (or ``seen`` its values),
        so another person's change since is never overwritten without asking."""
        return self.save(apply_fields, kind, obj_id, values, text=text, seen=seen, shown=shown)

    def save(
        self, func: Callable, *args, text: str, seen: dict | None = None, shown: Any = None
    ) -> bool:
        """Run a service that takes ``seen`` and returns a FieldChange: asks the person when
        it meets someone else's change, and puts what was saved on the undo stack."""
        if seen is None and shown is not None:
            seen = seen_of(shown)
        change = self.call(self.save_choosing, func, *args, seen=seen)
        return self.record_change(change, text)

    def save_choosing(self, ctx, func: Callable, *args, seen: dict | None, **kwargs):
        """``func(ctx, *args, seen=seen)``; on someone else's change, both values are shown
        and the person keeps theirs (nothing saved) or saves their own over it knowingly."""
        try:
            return func(ctx, *args, seen=seen, **kwargs)
        except EditConflict as conflict:
            if not self.choose_mine(conflict):
                return None  # theirs stays; the views reload and show it
            return func(ctx, *args, seen={**(seen or {}), **conflict.theirs}, **kwargs)

    def apply_choosing(self, ctx, kind: str, obj_id: int, values: dict, seen: dict | None):
        """``apply_fields``, asking the person when it meets someone else's change."""
        return self.save_choosing(ctx, apply_fields, kind, obj_id, values, seen=seen)

    def set_imr_status(self, imr_id: int, status: str, text: str, shown: Any = None) -> bool:
        return self.save(set_imr_status, imr_id, status, text=text, shown=shown)

    def record_change(self, change: FieldChange | None, text: str) -> bool:
        """Put a saved change (from any service returning a FieldChange) on the undo stack."""
        if change is None:
            self.changed.emit("")  # let editors show the saved value again
            return False
        if change.changed:
            self.undo_stack.push(_FieldCommand(self, change, text))
        self.changed.emit(change.kind)
        return True

    # Ordered items -----------------------------------------------------------------------
    def add_item(self, kind: str, parent_id: int, values: dict[str, Any], text: str) -> int | None:
        item_id = self.call(add_item, kind, parent_id, values)
        if item_id is not None:
            self.added(
                kind,
                item_id,
                text,
                lambda ctx, i: remove_item(ctx, kind, i),
                lambda ctx, snap: restore_item(ctx, kind, snap),
            )
        return item_id

    def added(self, kind: str, item_id: int, text: str, remove_fn, restore_fn) -> None:
        """Record something just added, so undo removes it and redo puts it back."""
        self.undo_stack.push(AddedCommand(self, kind, item_id, text, remove_fn, restore_fn))
        self.changed.emit(kind)

    def remove_item(self, kind: str, item_id: int, text: str) -> bool:
        return self.remove(
            kind,
            lambda ctx, i=item_id: remove_item(ctx, kind, i),
            lambda ctx, snap: restore_item(ctx, kind, snap),
            text,
        )

    def remove(self, kind: str, remove_fn: Callable, restore_fn: Callable, text: str) -> bool:
        """Delete something with ``remove_fn(ctx) -> snapshot``; undo is ``restore_fn(ctx, snapshot)``."""
        snapshot = self.call(remove_fn)
        if snapshot is None:
            return False
        self.undo_stack.push(_RemoveCommand(self, kind, snapshot, restore_fn, text))
        self.changed.emit(kind)
        return True

    def move_item(self, kind: str, item_id: int, position: int, text: str) -> bool:
        old = self.call(move_item, kind, item_id, position)
        if old is None:
            return False
        if old != position:
            self.undo_stack.push(_MoveItemCommand(self, kind, item_id, old, position, text))
        self.changed.emit(kind)
        return True

    # Not undoable (whole records with everything in them) -----------------------------------
    def run(self, func: Callable, *args, kind: str = "", **kwargs) -> Any:
        result = self.call(func, *args, **kwargs)
        self.changed.emit(kind)
        return result


class _StoredCommand(QUndoCommand):
    """A command whose first redo already happened when the edit was saved."""

    def __init__(self, editor: Editor, text: str):
        super().__init__(text)
        self.editor = editor
        self._done = True

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self.editor.call(self.do_redo)
        self.editor.changed.emit(self.kind)

    def undo(self) -> None:
        self.editor.call(self.do_undo)
        self.editor.changed.emit(self.kind)

    kind = ""

    def do_redo(self, ctx) -> None:
        raise NotImplementedError

    def do_undo(self, ctx) -> None:
        raise NotImplementedError


class _FieldCommand(_StoredCommand):
    def __init__(self, editor: Editor, change: FieldChange, text: str):
        super().__init__(editor, text)
        self.change = change
        self.kind = change.kind

    # Undo and redo expect the value they replace: another person's change since is not
    # overwritten without asking.
    def do_redo(self, ctx) -> None:
        change = self.change
        self.editor.apply_choosing(ctx, change.kind, change.id, change.after, change.before)

    def do_undo(self, ctx) -> None:
        change = self.change
        self.editor.apply_choosing(ctx, change.kind, change.id, change.before, change.after)


class AddedCommand(_StoredCommand):
    def __init__(self, editor: Editor, kind: str, item_id: int, text: str, remove_fn, restore_fn):
        super().__init__(editor, text)
        self.kind = kind
        self.item_id = item_id
        self.remove_fn, self.restore_fn = remove_fn, restore_fn
        self.snapshot: dict | None = None

    def do_undo(self, ctx) -> None:
        self.snapshot = self.remove_fn(ctx, self.item_id)

    def do_redo(self, ctx) -> None:
        if self.snapshot is not None:
            self.restore_fn(ctx, self.snapshot)


class _RemoveCommand(_StoredCommand):
    """Undo puts the snapshot back (same id); redo removes it again by that id."""

    def __init__(self, editor: Editor, kind: str, snapshot: dict, restore_fn, text: str):
        super().__init__(editor, text)
        self.kind = kind
        self.snapshot = snapshot
        self.restore_fn = restore_fn

    def do_undo(self, ctx) -> None:
        self.restore_fn(ctx, self.snapshot)

    def do_redo(self, ctx) -> None:
        self.snapshot = REMOVERS[self.kind](ctx, self.snapshot["id"])


class _MoveItemCommand(_StoredCommand):
    def __init__(self, editor: Editor, kind: str, item_id: int, old: int, new: int, text: str):
        super().__init__(editor, text)
        self.kind = kind
        self.item_id, self.old, self.new = item_id, old, new

    def do_undo(self, ctx) -> None:
        move_item(ctx, self.kind, self.item_id, self.old)

    def do_redo(self, ctx) -> None:
        move_item(ctx, self.kind, self.item_id, self.new)


# How a redo removes again what its undo restored, by kind.
REMOVERS: dict[str, Callable] = {
    "chronology_entry": remove_entry,
    **{
        kind: (lambda ctx, item_id, k=kind: remove_item(ctx, k, item_id))
        for kind in (
            "line_of_enquiry",
            "panel_member",
            "challenge",
            "recommendation",
            "review_recommendation",
            "key_episode",
            "finding",
            "action",
            "report_section",
            "agenda_item",
            "attendee",
        )
    },
}
