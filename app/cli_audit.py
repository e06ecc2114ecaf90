"""The audit trail on the command line: print it, or write it for an auditor."""

from pathlib import Path

from app.wording import plural

EXIT_OK = 0


def cmd_audit(args) -> int:
    from app.audit_export import export_trail, review_trail
    from app.cli import _context, _print_json

    with _context(args, write=False) as ctx:
        if args.output:
            trail = export_trail(ctx, args.review, Path(args.output))
            gone = " (a deleted review)" if trail.deleted else ""
            print(
                f"Wrote {plural(len(trail.rows), 'audit entry')} of {trail.reference}{gone} "
                f"to {args.output}"
            )
            return EXIT_OK
        trail = review_trail(ctx, args.review)
    if args.json:
        _print_json([row.__dict__ for row in trail.rows])
        return EXIT_OK
    for row in trail.rows:
        change = f" {row.field}: {row.before!r} -> {row.after!r}" if row.field else ""
        print(f"{row.when}  {row.who[:20]:<20} {row.action:<7} {row.record[:60]}{change}")
    gone = "; the review itself was deleted" if trail.deleted else ""
    print(f"{plural(len(trail.rows), 'audit entry')} for {trail.reference}{gone}")
    return EXIT_OK


def register(add) -> None:
    p = add(
        "audit",
        cmd_audit,
        "a review's audit trail, oldest first (also of a deleted review); -o writes it as "
        "FILE.csv, FILE.xlsx or FILE.json",
    )
    p.add_argument("--review", required=True, metavar="REF", help="review reference or id")
    p.add_argument("-o", "--output", metavar="FILE", help="FILE.csv, FILE.xlsx or FILE.json")
    p.add_argument("--json", action="store_true", help="print JSON")
