"""``reviewdesk users …``: logins and roles in the shared store."""

import getpass
import sys

from app.errors import UserError


def _password(args) -> str | None:
    """Asked for at the terminal, or read from the first line of standard input."""
    if sys.stdin is not None and sys.stdin.isatty():
        typed = getpass.getpass(f"Password for {args.name} (empty for none): ")
    else:
        typed = (sys.stdin.readline() if sys.stdin is not None else "").rstrip("\n")
    return typed or None


def cmd_users(args) -> int:
    from app import users
    from app.cli import _context, _print_json

    needs = {"add": ("name",), "grant": ("name", "review", "as_role"), "revoke": ("name", "review")}
    missing = [n for n in needs.get(args.action, ()) if not getattr(args, n)]
    if missing:
        flags = {"name": "NAME", "review": "--review REF", "as_role": "--as ROLE"}
        raise UserError(
            f"'users {args.action}' needs " + ", ".join(flags[m] for m in missing) + "."
        )
    with _context(args, write=True) as ctx:
        if args.action == "setup":
            users.set_up(ctx)
            print("Roles, grants and row-level policies are in place.")
        elif args.action == "add":
            password = _password(args)
            users.add_person(ctx, args.name, args.role, password)
            print(f"Added the login {args.name.lower()} ({args.role}).")
            if password is None:
                print(
                    "It has no password, so it can sign in only where the server trusts it "
                    "another way (a certificate, or the computer's own account); set one with "
                    "ALTER ROLE … PASSWORD on the server if it needs one.",
                    file=sys.stderr,
                )
        elif args.action == "grant":
            users.give_role(ctx, args.name, args.review, args.as_role)
            print(f"{args.name.lower()} is now {args.as_role} on {args.review}.")
        elif args.action == "revoke":
            users.take_role(ctx, args.name, args.review)
            print(f"{args.name.lower()} no longer has a role on {args.review}.")
        else:
            people = users.list_people(ctx)
            if args.json:
                _print_json(
                    [
                        {
                            "name": p.username,
                            "role": p.standing,
                            "reviews": None if p.reviews is None else dict(p.reviews),
                        }
                        for p in people
                    ]
                )
            for p in [] if args.json else people:
                on = (
                    "(roles shown to the business manager only)"
                    if p.reviews is None
                    else ", ".join(f"{role} on {ref}" for ref, role in p.reviews) or "no reviews"
                )
                print(f"{p.username:<24} {p.standing:<9} {on}")
    return 0


class _Choices:
    """Choices read from the database layer only when argparse checks or shows them, so
    that registering the command does not load it for every other command."""

    def __init__(self, module: str, name: str):
        self.module, self.name = module, name

    def _names(self) -> list[str]:
        import importlib

        return list(getattr(importlib.import_module(self.module), self.name))

    def __contains__(self, value) -> bool:
        return value in self._names()

    def __iter__(self):
        return iter(self._names())


def add_users_command(add) -> None:
    import argparse

    p = add(
        "users",
        cmd_users,
        "people and their roles in a shared PostgreSQL store: setup (once, by the store's "
        "owner), add NAME [--role], grant NAME --review REF --as ROLE, revoke NAME --review "
        "REF, list",
    )
    # Each action is a command of its own, so that --db may come before or after the name.
    store = argparse.ArgumentParser(add_help=False)
    store.add_argument("--db", metavar="URL", default=argparse.SUPPRESS,
                       help="the shared store's postgresql:// address")  # fmt: skip
    store.add_argument("--user", metavar="NAME", default=argparse.SUPPRESS,
                       help="name recorded in the audit trail")  # fmt: skip
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)

    def action(name: str, help_text: str, *, person: bool = False) -> argparse.ArgumentParser:
        a = actions.add_parser(name, parents=[store], help=help_text, description=help_text)
        a.set_defaults(name=None, review=None, as_role=None, role="member", json=False)
        if person:
            a.add_argument("name", help="the person's login name, e.g. sam.author")
        return a

    action("setup", "create the roles, grants and row-level policies (the store's owner)")
    a = action("add", "add a login (its password is asked for, or read from standard input)",
               person=True)  # fmt: skip
    a.add_argument(
        "--role",
        choices=_Choices("db.roles", "STANDING"),
        metavar="ROLE",  # a metavar keeps argparse from reading the choices at registration
        default="member",
        help="manager (the business manager), member (chairs, authors, panel members) or readonly",
    )
    a = action("grant", "give a login a role on one review", person=True)
    a.add_argument("--review", metavar="REF", help="the review")
    a.add_argument(
        "--as",
        dest="as_role",
        choices=_Choices("db.access_models", "REVIEW_ROLES"),
        metavar="ROLE",
        help="the role: chair, author or panel",
    )
    a = action("revoke", "take a login's role on one review away", person=True)
    a.add_argument("--review", metavar="REF", help="the review")
    a = action("list", "the logins, their standing and their roles on reviews")
    a.add_argument("--json", action="store_true", help="print JSON")
