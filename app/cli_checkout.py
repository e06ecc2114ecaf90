"""``reviewdesk checkout`` / ``checkin`` / ``release-checkout``: a review worked on offline."""

import sys

from app.cli_store import terminal_asker
from app.config import actor_for
from app.context import AppContext


def _open(location, *, readonly: bool = False):
    from app.config import resolve_store_path
    from app.store_access import open_with_passphrase

    return open_with_passphrase(resolve_store_path(location), terminal_asker(), readonly=readonly)


def cmd_checkout(args) -> int:
    from app.checkout import check_out

    with _open(args.source) as shared, _open(args.target) as laptop:
        done = check_out(
            AppContext(shared, actor_for(shared, args.user)),
            AppContext(laptop, actor_for(laptop, args.user)),
            args.review,
        )
    print(
        f"Checked out {done.reference} ({done.rows} rows) from {done.source} to {done.target}. "
        "The shared copy is read-only until you check it back in with 'reviewdesk checkin'."
    )
    return 0


def cmd_checkin(args) -> int:
    from app.checkout import check_in

    with _open(args.source) as laptop, _open(args.target) as shared:
        report = check_in(
            AppContext(laptop, actor_for(laptop, args.user)),
            AppContext(shared, actor_for(shared, args.user)),
            args.review,
            apply=args.apply,
        )
    verb = "Checked in" if report.applied else "To check in"
    print(f"{verb}: {report.reference}, from {report.source} to {report.target}")
    if report.released:
        print("The check-out had been released, but nothing changed in the shared copy since.")
    print("\n".join(f"  {line}" for line in report.summary()) or "  No changes.")
    for change in report.changes[:50]:
        fields = f" ({', '.join(f.replace('_', ' ') for f in change.fields)})"
        print(f"    {change.action}: {change.label}{fields if change.fields else ''}")
    if len(report.changes) > 50:
        print(f"    … and {len(report.changes) - 50} more")
    if report.applied:
        print(
            f"Applied in one transaction; {report.trail_entries} offline trail entries were "
            "added to the shared trail. The review is no longer checked out, and the laptop "
            "copy was removed."
        )
    else:
        print("Nothing was changed. Run again with --apply to check it in.", file=sys.stderr)
    return 0


def cmd_release(args) -> int:
    from app.checkout import release_checkout

    with _open(args.db) as shared:
        held = release_checkout(
            AppContext(shared, actor_for(shared, args.user)), args.review, args.reason or ""
        )
    print(
        f"Released the check-out to {held.holder} (since {held.taken_at:%d/%m/%Y %H:%M} UTC). "
        "The review can be changed in this store again; the laptop copy can be checked in only "
        "if nothing is changed here first."
    )
    return 0


def cmd_checkouts(args) -> int:
    from app.checkout import list_checkouts

    with _open(args.db, readonly=True) as store:
        held = list_checkouts(AppContext(store, actor_for(store, args.user)))
    for item in held:
        print(f"{item.reference}\t{item.holder}\tsince {item.taken_at:%d/%m/%Y %H:%M} UTC"
              f"\t{item.destination}")  # fmt: skip
    if not held:
        print("No review is checked out.")
    return 0


def add_checkout_commands(add) -> None:
    add("checkouts", cmd_checkouts, "list the reviews checked out for offline work: who, since")
    p = add(
        "checkout",
        cmd_checkout,
        "check a review out of the shared store into a laptop store for offline work (the "
        "shared copy is read-only until it is checked back in)",
    )
    p.add_argument("--review", required=True, metavar="REF", help="review reference or id")
    p.add_argument("--from", dest="source", required=True, metavar="SHARED_STORE")
    p.add_argument("--to", dest="target", required=True, metavar="LAPTOP_STORE")
    p = add(
        "checkin",
        cmd_checkin,
        "show what a checked-out review changed offline; with --apply, check it back in",
    )
    p.add_argument("--review", required=True, metavar="REF", help="review reference or id")
    p.add_argument("--from", dest="source", required=True, metavar="LAPTOP_STORE")
    p.add_argument("--to", dest="target", required=True, metavar="SHARED_STORE")
    p.add_argument("--apply", action="store_true", help="check it in (otherwise only show)")
    p = add(
        "release-checkout",
        cmd_release,
        "end a check-out without its offline changes (the review's chair or the business "
        "manager; recorded in the trail)",
    )
    p.add_argument("--review", required=True, metavar="REF", help="review reference or id")
    p.add_argument("--reason", required=True, help="why (recorded in the audit trail)")
