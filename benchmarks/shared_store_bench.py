"""The chronology on both engines, side by side in one run. Prints a table; run by hand:

    python benchmarks/shared_store_bench.py [--entries 50000] [--pg postgresql://…/empty_db]

Without --pg a throwaway PostgreSQL server is started in a temporary folder (the tests' own,
from tests/postgres.py, but with PostgreSQL's default settings: commits flushed to disk). The large review is built in an SQLite store and copied to PostgreSQL
with copy-store; then the merged view (the real chronology tab: open, sorts, filter
keystrokes) and a 10,000-row import are timed on each. PostgreSQL's figures are given as a
ratio of SQLite's, measured in the same run (the issue asks for at most 2x on the import).
A last line imports into a store whose search rows have no full-text index (tsvector and
GIN), to show what that index costs an import on PostgreSQL; no real store is made so.
"""

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.large_review import agency_rows, build, write_agency_file  # noqa: E402


def best_of(func, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        func()
        best = min(best, time.perf_counter() - started)
    return best


def view_timings(ctx, review_id: int) -> dict[str, float]:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from app.reviews import get_review
    from ui.chronology_tab import ChronologyTab
    from ui.editing import Editor

    app = QApplication.instance() or QApplication([])
    tab = ChronologyTab(Editor(ctx))
    tab.resize(1500, 900)
    tab.show()
    agencies = get_review(ctx, review_id).imrs
    found: dict[str, float] = {}

    def open_view() -> None:
        tab.review_id = None
        tab.show_review(review_id, agencies)
        app.processEvents()

    found["merged view of the entries opens"] = best_of(open_view)
    tab.view.selectRow(200)
    sorts = ((2, "agency"), (3, "type"), (6, "practitioner"), (7, "date recorded"), (0, "date"))
    for column, name in sorts:

        def sort(column=column) -> None:
            tab.model.sort_key = ""  # as if coming from another order: the sort runs again
            tab.view.sortByColumn(column, Qt.SortOrder.AscendingOrder)
            app.processEvents()

        found[f"sort by {name}"] = best_of(sort)
    # Each keystroke's best of three typings: the machine's load changes from second to second.
    word = "supervision"
    keystrokes = [float("inf")] * len(word)
    for _ in range(3):
        for n in range(len(word)):
            tab.filters.text.setText(word[: n + 1])
            started = time.perf_counter()
            tab.apply_filter()
            app.processEvents()
            keystrokes[n] = min(keystrokes[n], time.perf_counter() - started)
        tab.filters.clear()
        tab.apply_filter()
    found["filter keystroke, free text (median)"] = statistics.median(keystrokes)
    found["filter keystroke, free text (slowest after the 1st)"] = max(keystrokes[1:])
    tab.filters.agency.setCurrentIndex(2)

    def by_agency() -> None:
        tab.apply_filter()
        app.processEvents()

    found["filter by agency"] = best_of(by_agency)
    tab.close()
    return found


def import_timings(locations: dict[str, object], path: Path, rounds: int = 5) -> dict[str, float]:
    """Best of ``rounds`` imports of ``path`` into each store (a new agency each time), the
    engines taking turns: the machine's load changes from second to second."""
    from contextlib import ExitStack

    from app.chronology.importer import import_chronology
    from app.context import AppContext
    from app.reviews import create_review
    from db.store import open_store

    best = dict.fromkeys(locations, float("inf"))
    with ExitStack() as stores:
        targets = {}
        for name, location in locations.items():
            ctx = AppContext(stores.enter_context(open_store(location)), "benchmark")
            review = create_review(ctx, review_type="lcspr", reference="IMPORT-1", title="I")
            targets[name] = (ctx, review)
        for run in range(rounds):
            for name, (ctx, review) in targets.items():
                started = time.perf_counter()
                import_chronology(ctx, review, f"Agency {run}", path)
                best[name] = min(best[name], time.perf_counter() - started)
    return best


WITHOUT_INDEX = "PostgreSQL without its full-text index"


def without_full_text_index(url: str) -> str:
    """A new shared store at ``url`` whose entries carry no ``tsvector`` and no GIN index
    (never a real store: it shows what PostgreSQL's full-text index costs an import)."""
    from sqlalchemy import text

    from db.store import open_store

    with open_store(url) as store, store.engine.begin() as conn:
        conn.execute(text("DROP VIEW chronology_search"))
        conn.execute(text("ALTER TABLE chronology_entry DROP COLUMN search_words"))
        conn.execute(
            text(
                "CREATE VIEW chronology_search AS SELECT id AS entry_id, review_id, "
                "event AS text FROM chronology_entry"
            )
        )
    return url


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=50_000)
    parser.add_argument("--pg", help="an empty PostgreSQL database (default: a throwaway server)")
    args = parser.parse_args()

    from app.context import AppContext
    from app.store_copy import copy_store
    from db.store import open_store
    from tests.postgres import start_server, stop_server

    # PostgreSQL's own settings (every commit flushed to disk), as a partnership runs it.
    server = None if args.pg else start_server(durable=True)
    try:
        view_url = args.pg or server.url(server.new_database(empty=True))
        import_url = server.url(server.new_database(empty=True)) if server else None
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            sqlite = folder / "large.db"
            review_id = build(sqlite, args.entries, folder)
            started = time.perf_counter()
            copy_store(sqlite, view_url)
            copied = time.perf_counter() - started
            results: dict[str, dict[str, float]] = {}
            for name, location in (("SQLite", sqlite), ("PostgreSQL", view_url)):
                with open_store(location) as store:
                    results[name] = view_timings(AppContext(store, "benchmark"), review_id)
            rows = agency_rows(random.Random(3), 10_000, 1)
            sheet = write_agency_file(folder / "import_10k.xlsx", rows)
            targets = {"SQLite": folder / "import.db"}
            if import_url:
                targets["PostgreSQL"] = import_url
            if server is not None:  # what the full-text index costs, for reference only
                targets[WITHOUT_INDEX] = without_full_text_index(
                    server.url(server.new_database(empty=True))
                )
            imports = import_timings(targets, sheet)
    finally:
        if server is not None:
            stop_server(server)

    print(f"\n{args.entries:,} entries; copied SQLite -> PostgreSQL in {copied:.1f} s\n")
    measures = list(results["SQLite"])
    width = max(len(m) for m in [*measures, "import 10,000 rows, PG without full-text index"])
    print(f"{'measure':<{width}}  {'SQLite':>9}  {'PostgreSQL':>10}  {'PG / SQLite':>11}")
    print(f"{'-' * width}  {'-' * 9}  {'-' * 10}  {'-' * 11}")

    def line(measure: str, a: float, b: float | None) -> None:
        ratio = f"{b / a:.2f}x" if b is not None and a > 0 else "-"
        pg = f"{b * 1000:,.0f} ms" if b is not None else "-"
        print(f"{measure:<{width}}  {a * 1000:>6,.0f} ms  {pg:>10}  {ratio:>11}")

    for measure in measures:
        line(measure, results["SQLite"][measure], results["PostgreSQL"][measure])
    line("import 10,000 rows", imports["SQLite"], imports.get("PostgreSQL"))
    if WITHOUT_INDEX in imports:
        line(
            "import 10,000 rows, PG without full-text index",
            imports["SQLite"],
            imports[WITHOUT_INDEX],
        )


if __name__ == "__main__":
    main()
