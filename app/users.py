"""People and their roles in the shared store (PostgreSQL logins, per-review roles)."""

from dataclasses import dataclass

from sqlalchemy import delete, select, text
from sqlalchemy.exc import DBAPIError

from app.context import AppContext
from app.errors import UserError, ValidationError
from db.access_models import REVIEW_ROLES, ReviewMember
from db.models import Review
from db.roles import STANDING, add_login, current_standing, logins, set_up_roles

NAME_CHARS = set("abcdefghijklmnopqrstuvwxyz0123456789_.-")


@dataclass(frozen=True)
class Person:
    username: str
    standing: str  # manager, member or readonly
    reviews: tuple[tuple[str, str], ...] | None  # (review reference, role on it); None:
    # not shown to this login (only the business manager sees everyone's roles)


def _shared(ctx: AppContext) -> None:
    if not ctx.store.shared:
        raise UserError(
            "People and roles belong to a shared store on PostgreSQL; a store file is used by "
            "one person at a time. Give the shared store's address with --db postgresql://…"
        )


def _engine_call(ctx: AppContext, work, refused: str = ""):
    """Run ``work`` in one transaction; ``refused``: what to say when the login may not."""
    try:
        with ctx.store.engine.begin() as conn:
            return work(conn)
    except DBAPIError as exc:
        reason = str(getattr(exc, "orig", exc)).strip().splitlines()[0]
        if refused and "permission denied" in reason:
            raise UserError(f"{refused} Nothing was changed.") from exc
        if "already exists" in reason:
            raise UserError(
                f"The server already has that login ({reason}); logins belong to the whole "
                "server, so choose another name. Nothing was changed."
            ) from exc
        raise UserError(f"The shared store refused: {reason}.") from exc


def set_up(ctx: AppContext) -> None:
    """Create the group roles, grants and row-level policies (run by the store's owner)."""
    _shared(ctx)
    _engine_call(
        ctx,
        set_up_roles,
        "Only the store's owner sets up the roles, grants and policies, and the owner's login "
        "needs the right to create roles (on the server, as its administrator: ALTER ROLE "
        "owner_name CREATEROLE).",
    )


def add_person(ctx: AppContext, username: str, standing: str, password: str | None) -> None:
    _shared(ctx)
    username = username.strip().lower()
    if not username or not set(username) <= NAME_CHARS or len(username) > 63:
        raise ValidationError(
            "A login name is up to 63 small letters, digits, '.', '-' or '_' (e.g. sam.author)."
        )
    if standing not in STANDING:
        raise ValidationError(f"The role must be one of: {', '.join(STANDING)}.")
    _engine_call(
        ctx,
        lambda conn: add_login(conn, username, standing, password),
        "Only the business manager adds people, or the store's owner when its login has the "
        "right to create roles (on the server, as its administrator: ALTER ROLE owner_name "
        "CREATEROLE).",
    )


def _review_id(ctx: AppContext, reference: str) -> int:
    from app.reviews import find_review_id

    return find_review_id(ctx, reference)


ROLES_BY_MANAGER = (
    "Only the business manager (or the store's owner) gives and takes roles on reviews; "
    "nothing was changed."
)


def _gives_roles(ctx: AppContext) -> None:
    if ctx.store.standing not in (None, "manager"):
        raise UserError(ROLES_BY_MANAGER)


def give_role(ctx: AppContext, username: str, reference: str, role: str) -> None:
    """Make ``username`` the chair, an author or a panel member of one review."""
    _shared(ctx)
    _gives_roles(ctx)
    if role not in REVIEW_ROLES:
        raise ValidationError(f"The role on a review must be one of: {', '.join(REVIEW_ROLES)}.")
    username = username.strip().lower()
    if username not in dict(_engine_call(ctx, logins)):
        raise ValidationError(
            f"There is no login '{username}': add it with 'reviewdesk users add'."
        )
    review_id = _review_id(ctx, reference)
    with ctx.session() as session:
        member = session.get(ReviewMember, (review_id, username))
        if member is None:
            session.add(ReviewMember(review_id=review_id, username=username, role=role))
        else:
            member.role = role


def take_role(ctx: AppContext, username: str, reference: str) -> None:
    _shared(ctx)
    _gives_roles(ctx)
    review_id = _review_id(ctx, reference)
    username = username.strip().lower()
    with ctx.session() as session:
        gone = session.execute(
            delete(ReviewMember).where(
                ReviewMember.review_id == review_id, ReviewMember.username == username
            )
        ).rowcount
    if not gone:
        raise ValidationError(f"{username} has no role on {reference}; nothing was changed.")


def list_people(ctx: AppContext) -> list[Person]:
    _shared(ctx)
    people = _engine_call(ctx, logins)
    with ctx.session() as session:
        rows = session.execute(
            select(ReviewMember.username, Review.reference, ReviewMember.role)
            .join(Review, Review.id == ReviewMember.review_id)
            .order_by(Review.reference)
        ).all()
    reviews: dict[str, list[tuple[str, str]]] = {}
    for username, reference, role in rows:
        reviews.setdefault(username, []).append((reference, role))
    everyone = ctx.store.standing in (None, "manager")  # others see only their own roles
    me = _engine_call(ctx, lambda conn: conn.scalar(text("SELECT current_user")))
    return [
        Person(name, standing, tuple(reviews.get(name, ())) if everyone or name == me else None)
        for name, standing in people
    ]


def my_standing(ctx: AppContext) -> str | None:
    """What the connected login may do: manager, member, readonly (None: the store's owner)."""
    if not ctx.store.shared:
        return None
    with ctx.store.engine.connect() as conn:
        return current_standing(conn)
