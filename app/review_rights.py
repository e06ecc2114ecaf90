"""What the person at the window may do on one review, as the store enforces it.

On a shared store PostgreSQL decides (roles, grants, row-level security: db/roles.py); the
window asks once per review shown and presents the answer: read-only fields where nothing can
be saved, actions they cannot take disabled with the reason, and their role on the review.
A store file has one owner, who may do everything (unless it is open read-only).
"""

from dataclasses import dataclass

from app.context import AppContext
from app.errors import UserError
from db.roles import review_role

ROLE_LABELS = {
    "owner": "Owner",
    "manager": "Business manager",
    "chair": "Chair",
    "author": "Author",
    "panel": "Panel member",
    "readonly": "Read-only",
    "outside": "Not on this review",
}


@dataclass(frozen=True)
class ReviewRights:
    role: str  # a key of ROLE_LABELS
    can_write: bool
    reason: str = ""  # why nothing can be changed ("" when it can)

    @property
    def label(self) -> str:
        """The role as the window names it: "Panel member · read only"."""
        name = ROLE_LABELS.get(self.role, self.role)
        return name if self.can_write or self.role == "readonly" else f"{name} · read only"

    @property
    def description(self) -> str:
        """One sentence for a tooltip or the status bar."""
        if not self.can_write:
            return self.reason
        return {
            "owner": "You own this store: you can change everything in it.",
            "manager": "As business manager you can change every review.",
            "chair": "As chair of this review you can change it.",
            "author": "As an author of this review you can change it.",
        }.get(self.role, "You can change this review.")


EXPORT_NOT_PERMITTED = (
    "Every export is recorded in the review's audit trail, and your role on this review does "
    "not allow adding to it, so nothing was exported: a panel member reads a review, and its "
    "chair, its authors and the business manager export it."
)
EXPORTERS = ("owner", "manager", "chair", "author")  # who may add the export to the trail


def require_recordable_export(ctx: AppContext) -> None:
    """Every export is recorded in the audit trail: none is made where the trail cannot be
    written (a store file opened read-only, a read-only login to the shared store)."""
    if ctx.readonly:
        reason = ctx.store.readonly_reason or "The store is open read-only."
        raise UserError(
            f"{reason} Every export is recorded in the review's audit trail, which cannot be "
            "written here, so nothing was exported."
        )


def export_refusal(ctx: AppContext, rights: ReviewRights | None) -> str:
    """Why this login may not export the review shown ("" when it may). A review checked out
    elsewhere is still exported by those who may write its trail."""
    if ctx.readonly:
        reason = ctx.store.readonly_reason or "The store is open read-only."
        return (
            f"{reason} Every export is recorded in the review's audit trail, which cannot be "
            "written here."
        )
    if rights is not None and rights.role not in EXPORTERS:
        return EXPORT_NOT_PERMITTED.replace(
            "so nothing was exported: ", "so you cannot export it: "
        )
    return ""


def rights_on_review(ctx: AppContext, review_id: int) -> ReviewRights:
    """The current login's rights on one review (one query on a shared store)."""
    store = ctx.store
    if store.shared:
        with store.engine.connect() as conn:
            standing, role = review_role(conn, review_id)
    else:
        standing, role = None, None
    if standing == "readonly":
        return ReviewRights(
            "readonly",
            False,
            "Your login to the shared store is read-only: you can read every review, "
            "but not change any.",
        )
    if ctx.readonly:
        reason = store.readonly_reason or "This store is open read-only."
        return ReviewRights(standing or "owner", False, f"{reason} Nothing can be changed.")
    if standing is None:
        return ReviewRights("owner", True)
    if standing == "manager":
        return ReviewRights("manager", True)
    if role in ("chair", "author"):
        return ReviewRights(role, True)
    if role == "panel":
        return ReviewRights(
            "panel",
            False,
            "You sit on this review's panel: panel members read the review; its chair and "
            "authors change it.",
        )
    return ReviewRights(
        "outside", False, "You have no role on this review, so you cannot change it."
    )


def require_change(ctx: AppContext, review_id: int | None) -> None:
    """Refuse, in the role's own words, a change to a review of the shared store that this
    login may only read. (The server refuses it anyway; an update it filters out would
    otherwise look like someone else's change.)"""
    if review_id is None or not ctx.store.shared:
        return
    rights = rights_on_review(ctx, review_id)
    if not rights.can_write:
        from db.store import NotPermittedError

        raise NotPermittedError(f"{rights.reason} Nothing was changed.")
