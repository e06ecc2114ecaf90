"""Checking a large review out and back in, on both engines, and what the guard costs.

    python benchmarks/checkout_bench.py [--entries 20000]

A throwaway PostgreSQL server is started (tests/postgres.py). The large review is built in an
SQLite store and copied to PostgreSQL with copy-store; then on each engine, as the shared
store: check the review out to a new laptop store, check it back in with no change and with
100 edited entries, and import 10,000 rows with and without the triggers that refuse writes to
a checked-out review. Every figure is a ratio of an anchor measured in the same run: the
whole-store copy-store of the same data (out/in) and the import without the guard.
"""

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("REVIEWDESK_UNENCRYPTED", "1")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.large_review import agency_rows, build, write_agency_file  # noqa: E402


def timed(func) -> float:
    started = time.perf_counter()
    func()
    return time.perf_counter() - started


def out_and_in(location, folder: Path, name: str) -> dict[str, float]:
    from app.checkout import check_in, check_out
    from app.chronology.entries import edit_entry, query_entry_ids
    from app.context import AppContext
    from app.reviews import list_reviews
    from db.store import open_store

    found: dict[str, float] = {}
    with open_store(location) as shared, open_store(folder / f"{name}-laptop.db") as laptop_store:
        ctx, laptop = AppContext(shared, "bench"), AppContext(laptop_store, "bench")
        reference = list_reviews(ctx)[0].reference
        found["check out"] = timed(lambda: check_out(ctx, laptop, reference))
        found["check-in report, no change"] = timed(lambda: check_in(laptop, ctx, reference))
        mine = list_reviews(laptop)[0].id
        for entry in query_entry_ids(laptop, mine)[:100]:
            edit_entry(laptop, entry, {"event": f"Edited offline {entry}"})
        found["check in, 100 entries edited"] = timed(
            lambda: check_in(laptop, ctx, reference, apply=True)
        )
    return found


def import_time(location, sheet: Path, *, guarded: bool) -> float:
    from sqlalchemy import text

    import db.server
    import db.store
    from app.chronology.importer import import_chronology
    from app.context import AppContext
    from app.reviews import create_review
    from db.store import open_store

    saved = (db.store.install_sqlite_guards, db.server.tables_without_guard)
    if not guarded:  # this run's stores are opened without the guard
        db.store.install_sqlite_guards = lambda _conn: None
    try:
        with open_store(location) as store:
            if not guarded and store.shared:
                with store.engine.begin() as conn:
                    conn.execute(
                        text(
                            "DO $$ DECLARE t record; BEGIN FOR t IN SELECT tgname, "
                            "tgrelid::regclass::text AS tab FROM pg_trigger WHERE tgname LIKE "
                            "'checkout\\_guard\\_%' LOOP EXECUTE format('DROP TRIGGER %I ON %s', "
                            "t.tgname, t.tab); END LOOP; END $$"
                        )
                    )
            ctx = AppContext(store, "bench")
            review = create_review(ctx, review_type="lcspr", reference="IMP", title="Import")
            best = min(
                timed(lambda n=n: import_chronology(ctx, review, f"Agency {n}", sheet))
                for n in range(3)
            )
    finally:
        db.store.install_sqlite_guards, db.server.tables_without_guard = saved
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=20_000)
    args = parser.parse_args()

    from app.store_copy import copy_store
    from tests.postgres import start_server, stop_server

    server = start_server()
    rows: list[tuple[str, str, float, float]] = []
    try:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            source = folder / "large.db"
            build(source, args.entries, folder)
            pg = server.url(server.new_database(empty=True))
            anchor_pg = timed(lambda: copy_store(source, pg))
            anchor_sqlite = timed(lambda: copy_store(source, folder / "copy.db"))
            for name, location, anchor in (
                ("SQLite", folder / "copy.db", anchor_sqlite),
                ("PostgreSQL", pg, anchor_pg),
            ):
                for measure, seconds in out_and_in(location, folder, name).items():
                    rows.append((name, measure, seconds, anchor))
            sheet = write_agency_file(folder / "10k.xlsx", agency_rows(random.Random(3), 10_000, 1))
            fresh = {
                "SQLite": lambda n: folder / f"imports{n}.db",
                "PostgreSQL": lambda _n: server.url(server.new_database(empty=True)),
            }
            for name, place in fresh.items():
                # Alternated, each the best of three rounds: the machine's load varies.
                bare, guarded = float("inf"), float("inf")
                for n in range(3):
                    bare = min(bare, import_time(place(2 * n), sheet, guarded=False))
                    guarded = min(guarded, import_time(place(2 * n + 1), sheet, guarded=True))
                rows.append((name, "import 10,000 rows, guarded", guarded, bare))
    finally:
        stop_server(server)
    print(f"\n{args.entries:,} entries in the review checked out\n")
    print(f"{'engine':<10}  {'measure':<30}  {'time':>9}  {'anchor':>9}  {'ratio':>6}")
    for name, measure, seconds, anchor in rows:
        print(
            f"{name:<10}  {measure:<30}  {seconds * 1000:>6,.0f} ms  {anchor * 1000:>6,.0f} ms  "
            f"{seconds / anchor:>5.2f}x"
        )
    print(
        "\nAnchor: copy-store of the whole store (check-out rows); the same import without "
        "the guard (import row)."
    )


if __name__ == "__main__":
    main()
