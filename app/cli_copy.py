"""``reviewdesk copy-store``: a whole store to another, between SQLite and PostgreSQL."""

from app.wording import plural


def cmd_copy_store(args) -> int:
    from app.cli_store import terminal_asker
    from app.store_copy import copy_store

    report = copy_store(args.source, args.target, terminal_asker())
    width = max(len(t.table) for t in report.tables)
    for table in report.tables:
        print(f"{table.table:<{width}}  {table.rows:>8}  {table.checksum[:16]}")
    print(
        f"Copied {plural(report.rows, 'row')} in {plural(len(report.tables), 'table')} "
        f"from {report.source} "
        f"to {report.target}; every table's count and checksum match."
    )
    return 0


def add_copy_command(add) -> None:
    p = add(
        "copy-store",
        cmd_copy_store,
        "copy a whole store (attachments and documents included) to a new file or an empty "
        "PostgreSQL database, and verify it",
    )
    p.add_argument("--from", dest="source", required=True, metavar="PATH_OR_URL")
    p.add_argument("--to", dest="target", required=True, metavar="PATH_OR_URL")
