"""Command line for publishing: the people register, the release check, document sections."""

import sys
from pathlib import Path

from app.errors import UserError
from app.wording import plural

EXIT_OK, EXIT_BLOCKED = 0, 3
KINDS = ("overview", "summary", "brief")
OTHER_KINDS = ("chronology", "minutes", "action_tracker", "panel_tasks")  # audience only


def _cli():
    from app import cli  # the shared helpers (store context, JSON printing)

    return cli


def cmd_people(args) -> int:
    cli = _cli()
    from app.publishing.people import add_person, candidates, list_people
    from app.reviews import find_review_id

    with cli._context(args, write=args.action == "add") as ctx:
        review_id = find_review_id(ctx, args.review)
        if args.action == "add":
            if not args.name or not args.descriptor:
                raise UserError("people add needs --name NAME and --as DESCRIPTOR.")
            add_person(
                ctx,
                review_id,
                name=args.name,
                descriptor=args.descriptor,
                kind="place" if args.place else "person",
                role=args.role or "",
                variants=args.variant or [],
                date_of_birth=args.dob,
                addresses=args.address or [],
                identifiers=args.identifier or [],
            )
            print(f"Added {args.descriptor.strip()} to the people register of {args.review}")
            return EXIT_OK
        people = list_people(ctx, review_id)
        offered = candidates(ctx, review_id)
    if args.json:
        cli._print_json(
            {
                "register": [
                    {
                        "name": p.name,
                        "descriptor": p.descriptor,
                        "kind": p.kind,
                        "role": p.role,
                        "variants": list(p.variants),
                        "date_of_birth": p.date_of_birth,
                        "addresses": list(p.addresses),
                        "identifiers": list(p.identifiers),
                    }
                    for p in people
                ],
                "candidates": [
                    {"name": c.name, "found_in": c.found_in, "role": c.role} for c in offered
                ],
            }
        )
        return EXIT_OK
    if not people:
        print("The people register is empty: nobody would be anonymised in published documents.")
    for p in people:
        extra = f"  ({p.role})" if p.role else ""
        also = f"; also {', '.join(p.variants)}" if p.variants else ""
        print(f"  {p.descriptor:<24} <- {p.name}{also}{extra}")
    if offered:
        print(
            f"{plural(len(offered), 'name')} found in the review and not in the register (confirm with "
            "'reviewdesk people add'):"
        )
        for c in offered[:40]:
            print(f"  {c.name:<30} {c.found_in}")
    return EXIT_OK


def print_check(result, as_json: bool) -> None:
    """One line per thing found (a name repeated through a section is one thing, waived
    once), with where it is: the first place and how many more; --json lists every place."""
    cli = _cli()
    if as_json:
        cli._print_json(
            {
                "document": result.kind,
                "clear": result.clear,
                "blocking": len(result.blocking),
                "blocking_things": len(result.blocking_groups),
                "things": [
                    {
                        "id": g.id,
                        "reason": g.reason,
                        "what": g.label,
                        "text": g.text,
                        "detail": g.detail,
                        "waived": g.waived or None,
                        "places": g.places,
                    }
                    for g in result.groups
                ],
                "hits": [
                    {
                        "id": h.id,
                        "reason": h.reason,
                        "what": h.label,
                        "where": h.where,
                        "text": h.text,
                        "detail": h.detail,
                        "waived": h.waived or None,
                    }
                    for h in result.hits
                ],
            }
        )
        return
    for g in result.groups:
        state = f"waived: {g.waived}" if g.waived else "BLOCKS"
        found = f" '{g.text}'" if g.text else ""
        detail = f" ({g.detail})" if g.detail else ""
        print(f"[{g.id}] {g.where}: {g.label}{found}{detail} – {state}")
    print(result.summary())
    if not result.clear:
        print(
            "Fix the text, or waive one with 'reviewdesk check-publication … --waive ID --reason TEXT'."
        )


def cmd_check_publication(args) -> int:
    cli = _cli()
    from app.publishing.release_check import check_publication, waive
    from app.reviews import find_review_id

    with cli._context(args, write=True) as ctx:
        review_id = find_review_id(ctx, args.review)
        if args.waive:
            hit = waive(ctx, review_id, args.document, args.waive, args.reason or "")
            print(f"Waived [{hit.id}] {hit.where}: {hit.label}; recorded in the audit trail.")
        result = check_publication(ctx, review_id, args.document)
    print_check(result, args.json)
    return EXIT_OK if result.clear else EXIT_BLOCKED


def cmd_document(args) -> int:
    cli = _cli()
    from app.documents import ensure_report, get_report
    from app.edits import apply_fields
    from app.publishing.audience import audience_of, set_audience
    from app.reviews import find_review_id

    if args.kind in OTHER_KINDS:
        if args.action != "set" or not args.audience or args.section is not None:
            raise UserError(
                f"For the {args.kind.replace('_', ' ')} only who it is for can be set: "
                "document set --audience internal|publication [--marking M]."
            )
        with cli._context(args, write=True) as ctx:
            set_audience(
                ctx, find_review_id(ctx, args.review), args.kind, args.audience, args.marking or ""
            )
        print(f"The {args.kind.replace('_', ' ')} is now for: {args.audience}")
        return EXIT_OK
    with cli._context(args, write=True) as ctx:
        review_id = find_review_id(ctx, args.review)
        report = get_report(ctx, ensure_report(ctx, review_id, args.kind))
        if args.action == "set":
            if args.audience:
                set_audience(ctx, review_id, args.kind, args.audience, args.marking or "")
                print(f"The {report.kind_label} is now for: {args.audience}")
            if args.section is not None:
                section = _section(report, args.section)
                if section.generated and section.source != "glossary":
                    raise UserError(f"'{section.title}' is made from the review's data.")
                if not args.file:
                    raise UserError("document set --section needs --file TEXT.txt.")
                text = Path(args.file).expanduser().read_text(encoding="utf-8")
                apply_fields(ctx, "report_section", section.id, {"text": text})
                print(f"Set '{section.title}' of the {report.kind_label} from {args.file}")
            elif not args.audience:
                raise UserError("document set needs --section and --file, or --audience.")
            return EXIT_OK
        audience = audience_of(ctx, review_id, args.kind)
    numbers = _numbers(report)
    if args.json:
        cli._print_json(
            {
                "kind": report.kind,
                "version": report.version_label,
                "final": report.final,
                "audience": audience.audience,
                "marking": audience.marking,
                "sections": [
                    {
                        "number": numbers.get(s.id),
                        "key": s.id,
                        "heading": s.title,
                        "source": s.source,
                        "included": s.included,
                        "guidance_only": s.guidance_only,
                        "text": s.written if not s.generated else None,
                    }
                    for s in report.sections
                ],
            }
        )
        return EXIT_OK
    print(
        f"{report.kind_label}, {report.version_label}, for {audience.audience}"
        + (f", marked {audience.marking}" if audience.marking else "")
    )
    for s in report.sections:
        number = numbers.get(s.id, "-")
        state = (
            "from the review's data"
            if s.generated
            else ("guidance only" if s.guidance_only else plural(len(s.written.split()), "word"))
        )
        left_out = "" if s.included else " [left out]"
        print(f"  {number:>3}  {s.id:>5}  {s.title}  ({state}){left_out}")
    return EXIT_OK


def _numbers(report) -> dict[int, str]:
    numbers, n, letter = {}, 0, 0
    for s in report.sections:
        if not s.included:
            continue
        if s.appendix:
            numbers[s.id] = chr(ord("A") + letter)
            letter += 1
        else:
            n += 1
            numbers[s.id] = str(n)
    return numbers


def _section(report, key: str):
    numbers = _numbers(report)
    wanted = key.strip().casefold()
    for s in report.sections:
        if numbers.get(s.id, "").casefold() == wanted or str(s.id) == wanted:
            return s
    for s in report.sections:
        if s.title.casefold() == wanted:
            return s
    raise UserError(
        f"The {report.kind_label} has no section '{key}' (give its number, key or heading; "
        "see 'reviewdesk document')."
    )


def add_commands(add, parse_date) -> None:
    """Register the publishing commands on the main parser."""
    p = add("people", cmd_people, "the people register: who must never be named in publication")
    p.add_argument("action", nargs="?", choices=["add"], help="add: add someone to the register")
    p.add_argument("--review", required=True, metavar="REF", help="review reference or id")
    p.add_argument("--name", help="add: the real name (never published)")
    p.add_argument("--as", dest="descriptor", metavar="DESCRIPTOR", help="add: e.g. 'Child L'")
    p.add_argument("--role", help='add: relationship or role, e.g. "mother\'s partner"')
    p.add_argument("--variant", action="append", metavar="V", help="add: nickname or spelling")
    p.add_argument("--dob", type=parse_date, metavar="YYYY-MM-DD", help="add: date of birth")
    p.add_argument("--identifier", action="append", metavar="X", help="add: NHS number, …")
    p.add_argument("--address", action="append", metavar="A", help="add: an address")
    p.add_argument("--place", action="store_true", help="add: a place, not a person")
    p.add_argument("--json", action="store_true", help="print JSON")

    p = add(
        "check-publication",
        cmd_check_publication,
        "the release check: exit 0 when clear, 3 when something blocks publication",
    )
    p.add_argument("--review", required=True, metavar="REF", help="review reference or id")
    p.add_argument("--document", required=True, choices=KINDS)
    p.add_argument("--waive", metavar="ID", help="waive a finding (its [id]) with --reason")
    p.add_argument("--reason", help="why it can be published as it is (recorded)")
    p.add_argument("--json", action="store_true", help="print JSON")

    p = add("document", cmd_document, "a document's sections; 'document set' changes one")
    p.add_argument("action", nargs="?", choices=["set"], help="set: change a section or audience")
    p.add_argument("--review", required=True, metavar="REF", help="review reference or id")
    p.add_argument(
        "--kind",
        required=True,
        choices=KINDS + OTHER_KINDS,
        help="the document (chronology, minutes, action_tracker, panel_tasks: --audience only)",
    )
    p.add_argument("--section", metavar="KEY_OR_NUMBER", help="set: the section to change")
    p.add_argument("--file", metavar="TEXT.txt", help="set: the section's new text (UTF-8)")
    p.add_argument("--audience", choices=["internal", "publication"], help="set: who it is for")
    p.add_argument("--marking", help="set: the marking printed when for publication")
    p.add_argument("--json", action="store_true", help="print JSON")


def blocked(exc) -> int:
    """How `export KIND --final` reports a release check that blocks."""
    print(f"reviewdesk: {exc}", file=sys.stderr)
    print_check(exc.result, False)
    return EXIT_BLOCKED
