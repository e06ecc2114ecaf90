"""`reviewdesk import-chronology`: import an agency's chronology, saying which column went where
and why, every row left out or flagged, and (with --dry-run) writing nothing.

A file (and sheet) imported before for the agency is replaced only with --replace: without it,
the command lists what replacing would remove and writes nothing."""

import argparse
import sys
from pathlib import Path

from app.wording import plural

EXIT_OK = 0
EXIT_REFUSED = 2


def configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("--review", required=True, metavar="REF", help="review reference or id")
    p.add_argument("--agency", required=True, help="the agency the file comes from")
    p.add_argument(
        "--sheet",
        action="append",
        metavar="NAME",
        help="a sheet to read (repeat for several; default: the sheet(s) holding the chronology)",
    )
    p.add_argument(
        "--all-sheets", action="store_true", help="read every sheet that holds a chronology"
    )
    p.add_argument(
        "--map",
        action="append",
        metavar="FIELD=HEADING",
        default=[],
        help="the column for a field (repeat; repeat event=... to join several columns into "
        "the event). Fields: date, time, end_date, recorded, source, practitioner, role, "
        "subjects, event_type, event, outcome, significance",
    )
    p.add_argument("--header-row", type=int, metavar="N", help="the row naming the columns")
    p.add_argument(
        "--date-order",
        choices=["dmy", "mdy"],
        help="dmy: 03/04/2016 is 3 April (UK); mdy: it is March 4 (US)",
    )
    p.add_argument(
        "--one-agency",
        action="store_true",
        help="import every row for --agency, even when a column names each row's agency, the "
        "table has a swim lane (column) for each agency, or the sheets are named after the "
        "review's agencies (by default, a chronology merged across agencies sends each row, each "
        "lane's entries, and a workbook of one sheet per agency each sheet, to its own agency)",
    )
    p.add_argument(
        "--leave-out-hidden-rows",
        action="store_true",
        help="leave out the rows hidden in a workbook (by a filter, by hand, under a closed "
        "group), listed in the report with why (by default they are imported like the rest, "
        "as the import window does unless its choice is unticked)",
    )
    p.add_argument("--dry-run", action="store_true", help="print the plan; write nothing")
    p.add_argument(
        "--replace",
        action="store_true",
        help="replace the earlier import of the same file and sheet (without it, such a file is "
        "refused and what replacing it would remove is listed)",
    )
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("file", metavar="FILE")


def _mapping(pairs: list[str]) -> dict:
    from app.chronology.reading import ImportRefused
    from app.chronology.types import MAPPABLE_FIELDS

    mapping: dict[str, object] = {}
    for pair in pairs:
        name, sep, heading = pair.partition("=")
        name = name.strip().lower().replace("-", "_").replace(" ", "_")
        if not sep or not heading.strip():
            raise ImportRefused(f"--map {pair}: write it as FIELD=HEADING, e.g. event=Details.")
        if name not in MAPPABLE_FIELDS:
            raise ImportRefused(
                f"--map {pair}: '{name}' is not a field. Fields: {', '.join(MAPPABLE_FIELDS)}."
            )
        if name == "event":
            mapping.setdefault("event", []).append(heading.strip())  # type: ignore[union-attr]
        else:
            mapping[name] = heading.strip()
    return mapping


def cmd_import_chronology(args, context, print_json) -> int:
    from app.chronology.importer import commit_imports, plan_imports, unconfirmed_replacements
    from app.chronology.reading import ImportRefused
    from app.reviews import find_review_id

    path = Path(args.file).expanduser()
    with context(args, write=not args.dry_run) as ctx:
        review_id = find_review_id(ctx, args.review)
        try:
            plans = plan_imports(
                ctx,
                review_id,
                args.agency,
                path,
                sheets=args.sheet,
                all_sheets=args.all_sheets,
                mapping=_mapping(args.map) or None,
                header_row=args.header_row,
                date_order=args.date_order,
                by_agency=not args.one_agency,
                leave_out_hidden=args.leave_out_hidden_rows,
            )
        except ImportRefused as exc:
            print(f"reviewdesk: {exc}", file=sys.stderr)
            return EXIT_REFUSED
        problems = [f"{p.source_label}: {problem}" for p in plans for problem in p.problems]
        unconfirmed = [] if args.replace or args.dry_run else unconfirmed_replacements(plans)
        problems += unconfirmed
        results = []
        if not problems and not args.dry_run:
            results = commit_imports(ctx, plans, replace=True)
    if args.json:
        data = _json(plans, results, args.dry_run, problems)
        data["replace_needed"] = bool(unconfirmed)
        print_json(data)
    else:
        _print_plain(plans, results, args.dry_run, args.replace)
    if problems:
        for problem in problems:
            print(f"reviewdesk: {problem}", file=sys.stderr)
        return EXIT_REFUSED
    return EXIT_OK


def _json(plans, results, dry_run: bool, problems: list[str]) -> dict:
    sheets = []
    for index, plan in enumerate(plans):
        data = plan.to_json()
        if index < len(results):
            data["imported"] = results[index].imported
            data["replaced"] = results[index].replaced
        sheets.append(data)
    flagged = [
        {"sheet": p.table.sheet, "row": n.row, "reason": n.reason} for p in plans for n in p.flagged
    ]
    return {
        "dry_run": dry_run,
        "refused": bool(problems),
        "problems": problems,
        "imported": sum(r.imported for r in results),
        "would_import": sum(len(p.entries) for p in plans),
        "replaced": sum(r.replaced for r in results),
        "flagged": flagged,
        "sheets": sheets,
    }


def _print_plain(plans, results, dry_run: bool, replace: bool) -> None:
    for index, plan in enumerate(plans):
        agency = plan.agency_name
        print(f"== {plan.source_label} ==")
        for line in plan.report_lines():
            print(line)
        if plan.replaces is not None:
            r = plan.replaces
            verb = "replaced" if index < len(results) else "would replace"
            print(
                f"This {verb} the earlier import of the same source ({r.file_name}, "
                f"{r.imported_at:%d/%m/%Y}): {plural(r.unchanged, 'entry')} unchanged, {r.added} new, "
                f"{r.removed} no longer in the file."
            )
            for example in r.removed_examples:
                print(f"  no longer in the file: {example}")
        if plan.problems:
            print("Not imported: " + " ".join(plan.problems))
        elif dry_run:
            needs = " (with --replace)" if plan.replaces is not None and not replace else ""
            print(
                f"Would import {plural(len(plan.entries), 'entry')} for {agency}{needs}; "
                f"{len(plan.flagged)} flagged for checking. Nothing was written (--dry-run)."
            )
        elif plan.replaces is not None and not replace:
            print(
                "Not imported: it would replace the earlier import above. Nothing was written; "
                "run the command again with --replace to replace it."
            )
        elif index < len(results):
            result = results[index]
            replaced = (
                f", replacing {result.replaced} from the earlier import" if result.replaced else ""
            )
            print(
                f"Imported {plural(result.imported, 'entry')} from {plan.file_label} for {agency}"
                f"{replaced}; {len(result.flagged)} flagged for checking."
            )
