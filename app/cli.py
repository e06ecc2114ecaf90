"""The ``reviewdesk`` command: the window by default, and scripting commands."""

import argparse
import json
import os
import sys
from collections.abc import Callable
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path

from app import __version__
from app.cli_audit import register as register_audit_commands
from app.cli_checkout import add_checkout_commands
from app.cli_chronology import configure as configure_import_chronology
from app.cli_copy import add_copy_command
from app.cli_learning import LEARNING_EXPORTS, add_export_options, add_learning_commands
from app.cli_store import register as register_store_commands
from app.cli_store import terminal_asker
from app.cli_users import add_users_command
from app.config import actor_for, default_store_path, lock_wait, resolve_store_path
from app.errors import UserError
from app.leftovers import remove_leftovers
from app.store_access import open_with_passphrase, passphrase_for, unencrypted_allowed
from app.typed_dates import read_typed_date
from app.vocab import IMR_STATUSES, REVIEW_TYPES, SECTORS
from app.wording import plural
from db.driver import is_plain_sqlite
from db.errors import StoreError
from db.location import is_server_url
from db.private import private_temp_folder

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2


def parse_cli_date(text: str) -> date:
    """A date typed on the command line, read as the window reads one (31/03/2024, 2024-03-31,
    31 Mar 2024...)."""
    try:
        parsed = read_typed_date(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None
    if parsed is None:
        raise argparse.ArgumentTypeError(
            "no date given: type it as day/month/year, e.g. 31/03/2024"
        )
    return parsed


def _no_store(path) -> StoreError:
    return StoreError(
        f"There is no store at {path} yet. Start ReviewDesk or run 'reviewdesk demo' "
        "to create one, or give the right file with --db."
    )


@contextmanager
def _context(args, *, write: bool, ask=None):
    """Open the store for a command. Readers fall back to read-only when the store is locked.
    ``ask``: how to ask for the passphrase (default: at the terminal)."""
    # The database layer is loaded here, when a command needs it (see cmd_list).
    from app.context import AppContext
    from db.store import StoreLockedError, store_exists

    path = resolve_store_path(args.db)
    if not write and not store_exists(path):
        raise _no_store(path)
    ask = ask or terminal_asker()
    try:  # a writer waits a while for someone else's command (an import, say) to finish
        store = open_with_passphrase(path, ask, wait=lock_wait() if write else 0.0)
    except StoreLockedError:
        if write:
            raise
        store = open_with_passphrase(path, ask, readonly=True)
    try:
        protected = store.encrypted or store.shared
        _announce(store.readonly and write, store.readonly_reason, protected, path)
        _announce_upgrade(store)
        beside = default_store_path() if store.shared else store.path
        with private_temp_folder(beside):  # spilled workbook rows stay private
            yield AppContext(store, actor_for(store, args.user))
    finally:
        store.close()


def _announce(refused: bool, reason: str, protected: bool, path: Path) -> None:
    """What a command's user must know about the store before it runs."""
    if refused:
        raise UserError(
            f"{reason} Nothing was changed."
            if reason
            else "The store is open read-only, so nothing can be changed in it."
        )
    if not protected and not unencrypted_allowed():
        print(
            f"Note: the store {path} is not encrypted. "
            "'reviewdesk encrypt-store' protects it with a passphrase.",
            file=sys.stderr,
        )


def _announce_upgrade(store) -> None:
    if store.upgraded_from and store.backup_path:
        print(
            f"The store was upgraded from schema {store.upgraded_from}; "
            f"a copy of the old one is at {store.backup_path}.",
            file=sys.stderr,
        )


def _print_json(data) -> None:
    print(json.dumps(data, indent=2, ensure_ascii=False, default=_json_default))


def _json_default(value):
    if isinstance(value, date | datetime):
        return value.isoformat()
    raise TypeError(type(value).__name__)


def cmd_gui(args) -> int:
    from app.preload import start_loading_database_layer

    start_loading_database_layer()  # alongside Qt, which the next line loads
    from ui.main import run  # Qt is imported only when a window is wanted

    return run(resolve_store_path(args.db), actor=args.user)


def cmd_demo(args) -> int:
    from app.demo import add_demo_reviews

    with _context(args, write=True) as ctx:
        added, skipped = add_demo_reviews(ctx)
        where = ctx.store.location  # (a shared store's address without its password)
    for ref in added:
        print(f"Added demo review {ref}")
    for ref in skipped:
        print(f"Demo review {ref} is already in the store; left as it is")
    print(f"Store: {where}")
    return EXIT_OK


def cmd_list(args) -> int:
    path = resolve_store_path(args.db)
    ask, quick = terminal_asker(), None
    if not is_server_url(path) and Path(path).is_file():
        # A current store file is read straight through the driver: the database layer
        # (SQLAlchemy, the models) takes longer to load than the listing takes to read.
        from app.review_listing import quick_listing

        passphrase = passphrase_for(path, ask, new=False)
        quick = quick_listing(path, passphrase, date.today())
        if passphrase is not None:
            ask = lambda _prompt, _confirm: passphrase  # noqa: E731 - asked once only
    if quick is not None:
        _announce(False, "", not is_plain_sqlite(path), path)
        reviews, checklists = quick
    else:
        from app.reviews import list_reviews
        from app.timetable import checklists_by_review

        with _context(args, write=False, ask=ask) as ctx:
            reviews = list_reviews(ctx)
            checklists = checklists_by_review(ctx)
    from app.statutory_steps import deadline_json

    if args.json:
        _print_json(
            [
                {
                    "id": r.id,
                    "reference": r.reference,
                    "title": r.title,
                    "type": r.review_type,
                    "type_label": REVIEW_TYPES[r.review_type].label
                    if r.review_type in REVIEW_TYPES
                    else r.review_type,
                    "status": r.status,
                    "target_date": r.target_date,
                    "imrs": r.imr_counts,
                    "overdue_imrs": r.overdue_imrs,
                    "next_deadline": deadline_json(checklists.get(r.id, [])),
                }
                for r in reviews
            ]
        )
        return EXIT_OK
    if not reviews:
        print("No reviews in this store yet.")
        return EXIT_OK
    for r in reviews:
        target = r.target_date.strftime("%d %b %Y") if r.target_date else "no target"
        counts = ", ".join(f"{n} {IMR_STATUSES[s].lower()}" for s, n in r.imr_counts.items() if n)
        overdue = f"; {r.overdue_imrs} overdue" if r.overdue_imrs else ""
        print(f"{r.id:>4}  {r.reference:<16} {r.type_label:<15} {r.status_label:<22} {target}")
        print(f"      {r.title}")
        print(f"      IMRs: {counts or 'none'}{overdue}")
        step = deadline_json(checklists.get(r.id, []))
        if step:
            late = f"OVERDUE by {plural(step['days_overdue'], 'day')}: " if step["overdue"] else ""
            print(f"      Next: {late}{step['what']} (due {step['due']})")
    return EXIT_OK


def _existing_passphrase(args) -> str | None:
    return passphrase_for(resolve_store_path(args.db), terminal_asker(), new=False)


def cmd_check(args) -> int:
    from db.store import check_store

    health = check_store(resolve_store_path(args.db), passphrase=_existing_passphrase(args))
    if args.json:
        _print_json(
            {
                "path": str(health.path),
                "schema": health.revision,
                "current_schema": health.head,
                "healthy": health.healthy,
                "encrypted": health.encrypted,
                **({"connection": health.connection} if health.location else {}),
                "problems": health.problems,
            }
        )
    else:
        state = (
            "current" if health.revision == health.head else f"will be upgraded to {health.head}"
        )
        print(f"Store:        {health.location or health.path}")
        print(f"Schema:       {health.revision or 'none'} ({state})")
        print(f"Integrity:    {'ok' if health.healthy else 'PROBLEMS FOUND'}")
        if health.location:  # a shared store: no passphrase; its connection is what travels
            print(f"Connection:   {health.connection}")
        else:
            print(f"Encrypted:    {'yes' if health.encrypted else 'no'}")
        for problem in health.problems:
            print(f"  - {problem}")
        if any(not p.startswith("audit trail") for p in health.problems):
            print(
                "Recover every readable row into a new store with "
                "'reviewdesk salvage --db STORE -o NEW.db' (the store itself is not changed)."
            )
    return EXIT_OK if health.healthy else EXIT_ERROR


def cmd_create_review(args) -> int:
    from app.reviews import create_review, get_review, parse_review_type

    optional = {
        key: value
        for key, value in {
            "subject_pseudonym": args.subject,
            "partnership": args.partnership,
            "incident_date": args.incident_date,
            "aware_date": args.aware_date,
            "notification_date": args.notification_date,
            "decision_date": args.decision_date,
        }.items()
        if value is not None
    }
    review_type = parse_review_type(args.type)  # before the store is opened (or created)
    with _context(args, write=True) as ctx:
        review_id = create_review(
            ctx,
            review_type=review_type,
            reference=args.reference,
            title=args.title,
            **optional,
        )
        review = get_review(ctx, review_id)
    if args.json:
        _print_json(
            {
                "id": review.id,
                "reference": review.reference,
                "title": review.title,
                "type": review.review_type,
                "target_date": review.target_date,
            }
        )
    else:
        print(f"Created review {review.reference} (id {review.id}): {review.title}")
    return EXIT_OK


def cmd_add_agency(args) -> int:
    from app.imrs import add_agency, parse_sector
    from app.reviews import find_review_id

    sector = parse_sector(args.sector) if args.sector else "other"
    with _context(args, write=True) as ctx:
        review_id = find_review_id(ctx, args.review)
        add_agency(ctx, review_id, args.name, sector)
    print(f"Added {args.name.strip()} to review {args.review}")
    return EXIT_OK


def cmd_backup(args) -> int:
    from app.backups import backup_store

    result = backup_store(
        resolve_store_path(args.db),
        Path(args.output),
        overwrite=args.force,
        passphrase=_existing_passphrase(args),
        ask=terminal_asker(),
    )
    print(
        f"Backed up {result.source} (schema {result.schema}) to {result.target} "
        f"({result.size / 1024:.0f} KB)"
    )
    return EXIT_OK


EXIT_REFUSED = 2


def cmd_import_chronology(args) -> int:
    from app.cli_chronology import cmd_import_chronology as run

    return run(args, _context, _print_json)


def cmd_chronology(args) -> int:
    from app.chronology.entries import fetch_entries, query_entry_ids
    from app.chronology.export import entry_json
    from app.reviews import find_review_id

    with _context(args, write=False) as ctx:
        review_id = find_review_id(ctx, args.review)
        rows = fetch_entries(ctx, query_entry_ids(ctx, review_id))
    if args.json:
        _print_json([entry_json(row) for row in rows])
        return EXIT_OK
    for row in rows:
        flag = "  [flagged]" if row.flagged else ""
        print(
            f"{row.shown_date:<10} {row.time or '':<5} {row.agency[:24]:<24} "
            f"{row.type_label[:22]:<22} "
            f"{' '.join(row.event.split())[:90]}{flag}"
        )
    print(plural(len(rows), "entry"))
    return EXIT_OK


def cmd_analyse(args) -> int:
    from app.chronology.export import analyse_review, analysis_summary
    from app.reviews import find_review_id

    with _context(args, write=False) as ctx:
        review_id = find_review_id(ctx, args.review)
        analysis = analyse_review(ctx, review_id, gap_days=args.gap_days, late_days=args.late_days)
    data = analysis.to_json()
    if args.json:
        _print_json(data)
    else:
        for line in analysis_summary(data):
            print(line)
    return EXIT_OK


DOCUMENTS = ("overview", "summary", "brief")


def cmd_export(args) -> int:
    from app.cli_learning import cmd_export_learning

    if args.what in LEARNING_EXPORTS:
        return cmd_export_learning(args)
    if args.what == "actions":
        return _export_actions(args)
    if args.meeting and args.what != "minutes":
        print("reviewdesk: --meeting is for export minutes.", file=sys.stderr)
        return EXIT_ERROR
    if not args.review:
        print(
            f"reviewdesk: export {args.what} needs --review REF (the review to export).",
            file=sys.stderr,
        )
        return EXIT_ERROR
    if args.what in DOCUMENTS:
        return _export_document(args)
    if args.final:
        print("reviewdesk: --final is for overview, summary and brief.", file=sys.stderr)
        return EXIT_ERROR
    if args.what == "minutes":
        return _export_minutes(args)
    if args.what == "tasks":
        return _export_tasks(args)
    from app.chronology.export import export_chronology
    from app.reviews import find_review_id

    target = Path(args.output).expanduser()
    with _context(args, write=False) as ctx:
        review_id = find_review_id(ctx, args.review)
        count = export_chronology(ctx, review_id, target)
    print(f"Wrote {plural(count, 'chronology entry')} to {target}")
    return EXIT_OK


def _export_document(args) -> int:
    from app.cli_publishing import blocked
    from app.documents import DOCUMENT_KINDS, export_document
    from app.publishing.pipeline import PublicationBlocked
    from app.reviews import find_review_id

    target = Path(args.output).expanduser()
    with _context(args, write=True) as ctx:
        review_id = find_review_id(ctx, args.review)
        try:
            published = export_document(ctx, review_id, args.what, target, final=args.final)
        except PublicationBlocked as exc:
            return blocked(exc)
    name = DOCUMENT_KINDS[args.what]
    if published.reissued:
        # A frozen final is written again byte for byte, whatever --final said.
        print(f"Wrote the issued final {name}, as it was issued, to {target}")
        return EXIT_OK
    state = "final" if published.final else "draft"
    size = f", {plural(published.pages, 'page')}" if published.pages else ""
    print(f"Wrote the {name} ({state}{size}) to {target}")
    return EXIT_OK


def _export_actions(args) -> int:
    from app.action_tracker import export_tracker
    from app.reviews import find_review_id

    target = Path(args.output).expanduser()
    with _context(args, write=False) as ctx:
        review_id = find_review_id(ctx, args.review) if args.review else None
        count = export_tracker(ctx, target, review_id)
    scope = f"review {args.review}" if args.review else "every review"
    print(f"Wrote {plural(count, 'action')} ({scope}) to {target}")
    return EXIT_OK


def _export_minutes(args) -> int:
    from app.meeting_export import export_minutes
    from app.meetings import find_meeting_id
    from app.reviews import find_review_id

    if not args.meeting:
        print(
            "reviewdesk: export minutes needs --meeting N (the meeting's number within the "
            "review, or its date YYYY-MM-DD; see 'reviewdesk meetings').",
            file=sys.stderr,
        )
        return EXIT_ERROR
    target = Path(args.output).expanduser()
    with _context(args, write=False) as ctx:
        review_id = find_review_id(ctx, args.review)
        meeting_id = find_meeting_id(ctx, review_id, args.meeting)
        pages = export_minutes(ctx, meeting_id, target)
    size = f" ({plural(pages, 'page')})" if pages else ""
    print(f"Wrote the minutes{size} to {target}")
    return EXIT_OK


def _export_tasks(args) -> int:
    from app.meeting_export import export_tasks
    from app.reviews import find_review_id

    target = Path(args.output).expanduser()
    with _context(args, write=False) as ctx:
        review_id = find_review_id(ctx, args.review)
        count = export_tasks(ctx, review_id, target)
    print(f"Wrote {plural(count, 'panel task')} to {target}")
    return EXIT_OK


def cmd_meetings(args) -> int:
    from app.meetings import list_meetings, meeting_detail
    from app.reviews import find_review_id
    from app.vocab import AGENDA_REFS, MEETING_STATUSES

    with _context(args, write=False) as ctx:
        review_id = find_review_id(ctx, args.review)
        details = [meeting_detail(ctx, m.id) for m in list_meetings(ctx, review_id)]
    if args.json:
        # The items' private notes are the author's own: never printed.
        _print_json(
            [
                {
                    "id": d.meeting.id,
                    "number": d.meeting.number,
                    "date": d.meeting.held_on,
                    "time": d.meeting.time,
                    "place": d.meeting.place,
                    "kind": d.meeting.kind,
                    "kind_label": d.meeting.kind_label,
                    "status": d.meeting.status,
                    "attendees": [
                        {"name": a.name, "role": a.role, "attendance": a.attendance}
                        for a in d.attendees
                    ],
                    "agenda": [
                        {
                            "title": item.title,
                            "refers_to": item.ref_label,
                            "ref_kind": item.ref_kind,
                            "notes": item.notes,
                            "decisions": [dec.text for dec in item.decisions],
                            "actions": [
                                {
                                    "text": t.text,
                                    "owner": t.owner,
                                    "due": t.due,
                                    "status": t.status,
                                    "days_overdue": t.days_overdue,
                                }
                                for t in item.tasks
                            ],
                        }
                        for item in d.items
                    ],
                }
                for d in details
            ]
        )
        return EXIT_OK
    if not details:
        print("No meetings for this review yet.")
        return EXIT_OK
    for d in details:
        m = d.meeting
        status = MEETING_STATUSES.get(m.status, m.status)
        where = "  " + ", ".join(t for t in (m.time, m.place) if t) if m.time or m.place else ""
        print(f"{m.number:>3}. {m.held_on.isoformat()}  {m.label} ({status}){where}")
        present = sum(1 for a in d.attendees if a.attendance == "present")
        apologies = [a.name for a in d.attendees if a.attendance == "apologies"]
        line = f"     {present} of {len(d.attendees)} present"
        if m.status == "planned":
            line = f"     {len(d.attendees)} invited"
        if apologies:
            line += f"; apologies: {', '.join(apologies)}"
        print(line)
        for position, item in enumerate(d.items, start=1):
            label = item.ref_label or AGENDA_REFS.get(item.ref_kind, "")
            subject = label.split(": ", 1)[-1].removeprefix("IMR of ")
            ref = f" [{label}]" if item.ref_kind and subject not in item.title else ""
            print(f"     {position}. {item.title}{ref}")
            for dec in item.decisions:
                print(f"        decided: {dec.text}")
            for t in item.tasks:
                due = t.due.strftime("%d/%m/%Y") if t.due else "no due date"
                print(
                    f"        action: {t.text} ({t.owner or 'no owner'}, {due}, {t.status_label})"
                )
    print(plural(len(details), "meeting"))
    return EXIT_OK


def cmd_import_actions(args) -> int:
    from app.action_tracker import apply_tracker, plan_tracker_import
    from app.chronology.reading import ImportRefused
    from app.reviews import find_review_id
    from db.store import store_exists

    path = Path(args.file).expanduser()
    store_path = resolve_store_path(args.db)
    if not store_exists(store_path):
        raise StoreError(f"There is no store at {store_path}. Give the right file with --db.")
    with _context(args, write=True) as ctx:
        review_id = find_review_id(ctx, args.review) if args.review else None
        try:
            plan = plan_tracker_import(ctx, path, review_id)
        except ImportRefused as exc:
            print(f"reviewdesk: {exc}", file=sys.stderr)
            return EXIT_REFUSED
        result = apply_tracker(ctx, plan)
    if args.json:
        _print_json(
            {
                "applied": result.applied,
                "rejected": [
                    {"sheet": r.sheet, "row": r.row, "reason": r.reason} for r in result.rejected
                ],
                "conflicts": len(result.conflicts),
            }
        )
        return EXIT_OK
    for line in plan.report_lines():
        print(line)
    print(
        f"Updated {plural(result.applied, 'action')} from {path.name}; "
        f"{plural(len(result.rejected), 'row')} rejected, "
        f"{plural(len(result.conflicts), 'conflict')}, {plural(plan.unchanged, 'row')} unchanged."
    )
    return EXIT_OK


def cmd_actions(args) -> int:
    from app.actions import list_actions
    from app.reviews import find_review_id
    from app.vocab import ACTION_STATUSES

    with _context(args, write=False) as ctx:
        review_id = find_review_id(ctx, args.review) if args.review else None
        actions = list_actions(ctx, review_id=review_id)
    if args.json:
        _print_json(
            [
                {
                    "id": a.id,
                    "review": a.review_reference,
                    "recommendation": a.recommendation_number,
                    "agency": a.lead_agency,
                    "lead_officer": a.lead_officer,
                    "action": a.action,
                    "target": a.target_date,
                    "status": a.status,
                    "status_label": ACTION_STATUSES.get(a.status, a.status),
                    "completion_date": a.completion_date,
                    "evidence": a.evidence,
                    "overdue": a.overdue,
                    "days_overdue": a.days_overdue,
                }
                for a in actions
            ]
        )
        return EXIT_OK
    if not actions:
        print("No actions in the action plan yet.")
        return EXIT_OK
    for a in actions:
        target = a.target_date.strftime("%d/%m/%Y") if a.target_date else "no target"
        status = ACTION_STATUSES.get(a.status, a.status)
        if a.overdue:
            status = f"OVERDUE {a.days_overdue}d ({status})"
        print(
            f"{a.id:>5}  {a.review_reference[:16]:<16} {a.recommendation_number:<7} "
            f"{a.lead_agency[:22]:<22} {target:<10} {status[:28]:<28} "
            f"{' '.join(a.action.split())[:60]}"
        )
    overdue = sum(1 for a in actions if a.overdue)
    print(f"{plural(len(actions), 'action')}, {overdue} overdue")
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db",
        metavar="PATH",
        default=argparse.SUPPRESS,
        help="the store file (default: $REVIEWDESK_DB, else your ReviewDesk data folder)",
    )
    common.add_argument(
        "--user",
        metavar="NAME",
        default=argparse.SUPPRESS,
        help="name recorded in the audit trail (default: your saved display name)",
    )
    parser = argparse.ArgumentParser(
        prog="reviewdesk",
        description="ReviewDesk: safeguarding practice reviews, from IMRs to the overview report.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"ReviewDesk {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def add(name: str, func: Callable, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, parents=[common], help=help_text, description=help_text)
        p.set_defaults(func=func)
        return p

    add("gui", cmd_gui, "open the ReviewDesk window (the default)")
    add("demo", cmd_demo, "add fictional demonstration reviews to the store")
    p = add("list", cmd_list, "list the reviews in the store")
    p.add_argument("--json", action="store_true", help="print JSON")
    p = add("check", cmd_check, "check the store's integrity and schema version")
    p.add_argument("--json", action="store_true", help="print JSON")

    p = add("create-review", cmd_create_review, "create a review")
    p.add_argument("--type", required=True, help="one of: " + ", ".join(REVIEW_TYPES))
    p.add_argument("--reference", required=True, help="e.g. LCSPR-2024-03")
    p.add_argument("--title", required=True)
    p.add_argument("--subject", help="the subject's pseudonym, e.g. 'Child A'")
    p.add_argument("--partnership")
    p.add_argument("--incident-date", type=parse_cli_date, metavar="DATE")
    p.add_argument(
        "--aware-date",
        type=parse_cli_date,
        metavar="DATE",
        help="the day the authority became aware (the Panel notification counts from it)",
    )
    p.add_argument("--notification-date", type=parse_cli_date, metavar="DATE")
    p.add_argument("--decision-date", type=parse_cli_date, metavar="DATE")
    p.add_argument("--json", action="store_true", help="print JSON")

    p = add("add-agency", cmd_add_agency, "add an agency (with its IMR) to a review")
    p.add_argument("--review", required=True, metavar="REF", help="review reference or id")
    p.add_argument("--name", required=True)
    p.add_argument("--sector", help="one of: " + ", ".join(SECTORS))

    p = add(
        "import-chronology",
        cmd_import_chronology,
        "import an agency's chronology (xlsx, xlsb, xls, ods, csv, docx, rtf, pdf, or an HTML or "
        "Excel 2003 XML export) into a review",
    )
    configure_import_chronology(p)

    p = add("chronology", cmd_chronology, "print a review's merged chronology")
    p.add_argument("--review", required=True, metavar="REF", help="review reference or id")
    p.add_argument("--json", action="store_true", help="print JSON")

    p = add(
        "analyse",
        cmd_analyse,
        "silences, practitioner turnover, late recording, missing episodes, oversight gaps",
    )
    p.add_argument("--review", required=True, metavar="REF", help="review reference or id")
    p.add_argument(
        "--gap-days", type=int, default=90, metavar="N", help="silence and oversight gap (90)"
    )
    p.add_argument("--late-days", type=int, default=7, metavar="N", help="late recording (7)")
    p.add_argument("--json", action="store_true", help="print JSON")

    p = add(
        "export",
        cmd_export,
        "export a document, in the format its suffix names: chronology (.xlsx, .pdf, .docx, "
        ".html), actions (the action plan tracker .xlsx), overview, summary or brief (.pdf, "
        ".docx, .html; a watermarked draft unless --final), minutes of a meeting (.pdf, .docx, "
        ".html, with --meeting), the panel's tasks (.xlsx), a learning newsletter (--reviews), "
        "the annual report extract (--year) or the coding of every review in a national scheme "
        "(--scheme; .xlsx or .csv)",
    )
    p.add_argument(
        "what",
        choices=["chronology", "actions", *DOCUMENTS, "minutes", "tasks", *LEARNING_EXPORTS],
        help="what to export",
    )
    p.add_argument(
        "--final",
        action="store_true",
        help="overview, summary, brief: make the document final (no DRAFT watermark; the "
        "recommendations' numbers are fixed from then on)",
    )
    p.add_argument(
        "--review",
        metavar="REF",
        help="review reference or id (required for chronology; for actions, leave it out to "
        "export every review's actions)",
    )
    p.add_argument(
        "--meeting",
        metavar="N",
        help="minutes: the meeting's number within the review (1, 2, …) or its date (YYYY-MM-DD)",
    )
    p.add_argument(
        "-o", "--output", required=True, metavar="FILE", help="FILE.pdf, .docx, .html or .xlsx"
    )
    add_export_options(p)
    add_learning_commands(add)

    p = add(
        "meetings", cmd_meetings, "list a review's panel meetings: attendance, agenda, decisions"
    )
    p.add_argument("--review", required=True, metavar="REF", help="review reference or id")
    p.add_argument("--json", action="store_true", help="print JSON")

    p = add(
        "import-actions",
        cmd_import_actions,
        "read back a returned action plan tracker (.xlsx) and update the actions",
    )
    p.add_argument(
        "--review",
        metavar="REF",
        help="review reference or id (leave it out for the board's tracker of every review)",
    )
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("file", metavar="FILE")

    p = add("actions", cmd_actions, "list the action plan: targets, status, overdue actions")
    p.add_argument("--review", metavar="REF", help="review reference or id (default: every review)")
    p.add_argument("--json", action="store_true", help="print JSON")

    add_copy_command(add)
    add_checkout_commands(add)
    add_users_command(add)
    from app.cli_publishing import add_commands

    add_commands(add, parse_cli_date)

    p = add("backup", cmd_backup, "write a consistent copy of the store (safe while it is open)")
    p.add_argument("-o", "--output", required=True, metavar="FILE")
    p.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    register_store_commands(add)
    register_audit_commands(add)
    return parser


def main(argv: list[str] | None = None) -> int:
    os.umask(0o077)  # whatever ReviewDesk writes (exports, copies) is the user's alone
    remove_leftovers()  # parts of exports and copies of a ReviewDesk that was killed
    parser = build_parser()
    args = parser.parse_args(argv)
    args.db = getattr(args, "db", None)
    args.user = getattr(args, "user", None)
    func = getattr(args, "func", cmd_gui)
    try:
        return func(args)
    except (UserError, StoreError) as exc:
        print(f"reviewdesk: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (e.g. "| head"): not an error worth a traceback.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
