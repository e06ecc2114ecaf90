"""Chronology performance, measured side by side in one run. Prints a table; run by hand:

    python benchmarks/chronology_bench.py [--db /tmp/large.db] [--entries 50000]

Targets (issues: the integrated chronology; chronologies from real agency files), on a 2-core
machine:
- importing 10,000 rows: at most 1.3x the floor measured in the same run (reading the file
  with python-calamine, then adding the agency and inserting the same rows into the same table
  and indexes with one executemany, in one transaction, unrecorded like an import's rows), and
  well under openpyxl's read-only iteration of the same file. Wall and CPU time are both shown:
  CPU time is steadier on a shared machine;
- the merged view of 50,000 entries opens in under 300 ms; a sort or a filter keystroke
  responds in under 100 ms;
- the analysis of 50,000 entries: under 1 s;
- exporting 50,000 entries to xlsx: at most 1.5x openpyxl write-only writing the same values;
- peak memory for the whole run under 400 MB.
"""

import argparse
import os
import random
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import Qt  # noqa: E402

from benchmarks.large_review import agency_rows, build, write_agency_file  # noqa: E402

ROWS: list[tuple[str, str, str, str]] = []


def timed(func, repeat: int = 1) -> float:
    """Best of ``repeat`` runs, in seconds."""
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        func()
        best = min(best, time.perf_counter() - started)
    return best


def record(name: str, seconds: float, target: str, ok: bool) -> None:
    ROWS.append((name, f"{seconds * 1000:,.0f} ms", target, "ok" if ok else "MISSED"))


def _floor_insert(session, rows: list[list], review_id: int, agency_id: int) -> None:
    """The floor: the rows as read, straight into the same table (and its indexes) with one
    DBAPI executemany; no mapping, no date reading, no search text."""
    from datetime import date, datetime

    def text(value):
        if isinstance(value, datetime | date):
            return value.isoformat()
        return "" if value is None else str(value)

    names = ("review_id", "agency_id", "updated_at", "date_text", "precision", "granularity",
             "date_start", "date_end", "time", "sort_date", "sequence", "recorded",
             "recorded_text", "source", "practitioner", "role", "subjects", "event_type",
             "event_type_text", "event", "outcome", "significance", "flagged", "flag_reason",
             "source_row", "source_values")  # fmt: skip
    now = datetime.now().isoformat(sep=" ")
    values = []
    for n, r in enumerate(rows):
        day = text(r[0])[:10]
        values.append(
            (review_id, agency_id, now, text(r[0]), "day", "day", day, day, text(r[1]), day,
             float(n), text(r[7])[:10], text(r[7]), "", text(r[5]), text(r[6]), "", "",
             text(r[2]), text(r[3]), text(r[4]), "", False, "", n, "")
        )  # fmt: skip
    marks = ", ".join("?" * len(names))
    cursor = session.connection().connection.cursor()
    cursor.executemany(
        f"INSERT INTO chronology_entry ({', '.join(names)}) VALUES ({marks})", values
    )
    cursor.close()


def _forget_readings() -> None:
    """Clear what the importer's modules remember between files (their lru caches)."""
    for name, module in list(sys.modules.items()):
        if name.startswith("app.chronology"):
            for value in list(vars(module).values()):
                if callable(getattr(value, "cache_clear", None)):
                    value.cache_clear()


def bench_import(folder: Path, runs: int = 5) -> None:
    import tracemalloc

    from openpyxl import load_workbook
    from python_calamine import CalamineWorkbook

    from app.chronology import file_guard
    from app.chronology.importer import import_chronology
    from app.context import AppContext
    from app.imrs import new_agency
    from app.reviews import create_review
    from db.audit import rows_not_recorded
    from db.store import open_store

    path = write_agency_file(folder / "import_10k.xlsx", agency_rows(random.Random(3), 10_000, 1))

    def calamine() -> list[list]:
        return CalamineWorkbook.from_path(str(path)).get_sheet_by_name("Chronology").to_python()

    def openpyxl_iterate() -> None:
        wb = load_workbook(path, read_only=True)
        for _row in wb["Chronology"].iter_rows(values_only=True):
            pass
        wb.close()

    names = iter(range(1000))
    store = open_store(folder / "import.db")
    ctx = AppContext(store, "benchmark")
    review_id = create_review(ctx, review_type="lcspr", reference="B-1", title="B")

    def floor() -> None:
        # The least an import can do: read the file, add the agency and insert its rows, in one
        # transaction, not recorded row by row (an import is recorded as one event).
        rows = calamine()[2:]
        with ctx.session() as session:
            agency_id = new_agency(session, review_id, f"Floor {next(names)}").id
            with rows_not_recorded(session):
                _floor_insert(session, rows, review_id, agency_id)

    def reviewdesk_import() -> None:
        # A new agency each run, into an open store, as a user importing a return would; the
        # file's safety checks run every time, and nothing read in an earlier run (dates,
        # times, headings, types) is remembered, as for a file not seen before.
        file_guard._CHECKED.clear()
        _forget_readings()
        result = import_chronology(ctx, review_id, f"Agency {next(names)}", path)
        assert result.imported == 10_000, result.imported

    def peak(func) -> int:
        tracemalloc.start()
        func()
        used = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        return used

    t_cal = timed(calamine, 3)
    t_opx = timed(openpyxl_iterate, 1)
    # Interleaved, best of ``runs`` each: the machine's load changes from second to second.
    # CPU time (this process only) is steadier than wall time on a shared machine.
    best = {"floor": [float("inf")] * 2, "import": [float("inf")] * 2}
    pairs: list[tuple[float, float]] = []  # each run's import over the floor just before it
    for _ in range(runs):
        this = {}
        for name, func in (("floor", floor), ("import", reviewdesk_import)):
            wall, cpu = time.perf_counter(), time.process_time()
            func()
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            best[name] = [min(best[name][0], wall), min(best[name][1], cpu)]
            this[name] = (wall, cpu)
        pairs.append((this["import"][0] / this["floor"][0], this["import"][1] / this["floor"][1]))
    (t_floor, c_floor), (t_imp, c_imp) = best["floor"], best["import"]
    m_cal, m_floor, m_imp = peak(calamine), peak(floor), peak(reviewdesk_import)
    store.close()
    record("read 10,000 rows: python-calamine alone", t_cal, "reference", True)
    record("read 10,000 rows: openpyxl read-only iteration", t_opx, "reference", True)
    record("floor: calamine read + one executemany into the table", t_floor, "anchor", True)
    record(
        f"import 10,000 rows (read, layout, columns, dates, store): {t_imp / t_floor:.2f}x floor",
        t_imp,
        "<= 1.3x floor",
        t_imp <= 1.3 * t_floor,
    )
    record("floor, CPU time", c_floor, "anchor", True)
    record(
        f"import, CPU time: {c_imp / c_floor:.2f}x floor",
        c_imp,
        "<= 1.3x floor",
        c_imp <= 1.3 * c_floor,
    )
    # The same comparison, run by run: each import against the floor measured just before it
    # (the two see the same load), the median of the runs.
    wall_pairs = statistics.median(w for w, _c in pairs)
    cpu_pairs = statistics.median(c for _w, c in pairs)
    ROWS.append(
        (
            f"import over the floor just before it, median of {runs} runs: wall / CPU",
            f"{wall_pairs:.2f}x / {cpu_pairs:.2f}x",
            "<= 1.3x floor",
            "ok" if max(wall_pairs, cpu_pairs) <= 1.3 else "MISSED",
        )
    )
    ROWS.append(
        (
            "peak memory per row: calamine read / floor / import",
            f"{m_cal / 10_000 / 1024:.1f} / {m_floor / 10_000 / 1024:.1f} / "
            f"{m_imp / 10_000 / 1024:.1f} KB",
            f"import {m_imp / m_floor:.1f}x floor",
            "",
        )
    )


def bench_view(ctx, review_id: int) -> None:
    """The real chronology tab (model, view, filters) on the large review."""
    from PySide6.QtWidgets import QApplication

    from app.reviews import get_review
    from ui.chronology_tab import ChronologyTab
    from ui.editing import Editor

    app = QApplication.instance() or QApplication([])
    tab = ChronologyTab(Editor(ctx))
    tab.resize(1500, 900)
    tab.show()
    agencies = get_review(ctx, review_id).imrs

    def open_view() -> None:
        tab.review_id = None
        tab.show_review(review_id, agencies)
        app.processEvents()  # paints the visible rows, fetching their page

    t_open = timed(open_view, 3)
    record(
        "merged view of 50,000 entries opens (query, first page, paint)",
        t_open,
        "< 300 ms",
        t_open < 0.3,
    )
    tab.view.selectRow(200)
    for column, name in (
        (2, "agency"),
        (3, "type"),
        (6, "practitioner"),
        (7, "date recorded"),
        (0, "date"),
    ):
        started = time.perf_counter()
        tab.view.sortByColumn(column, Qt.SortOrder.AscendingOrder)
        app.processEvents()
        t_sort = time.perf_counter() - started
        record(f"sort by {name}", t_sort, "< 100 ms", t_sort < 0.1)

    keystrokes = []
    typed = ""
    for letter in "supervision":
        typed += letter
        tab.filters.text.setText(typed)
        started = time.perf_counter()
        tab.apply_filter()  # what the pause after typing triggers
        app.processEvents()
        keystrokes.append(time.perf_counter() - started)
    t_filter = max(keystrokes[1:])
    record(
        f"filter keystroke, free text (slowest from the 2nd letter; median "
        f"{statistics.median(keystrokes) * 1000:.0f} ms; 1st letter {keystrokes[0] * 1000:.0f} ms)",
        t_filter,
        "< 100 ms",
        t_filter < 0.1,
    )
    tab.filters.clear()
    combo = tab.filters.agency
    combo.setCurrentIndex(2)
    started = time.perf_counter()
    tab.apply_filter()
    app.processEvents()
    t_agency = time.perf_counter() - started
    record("filter by agency", t_agency, "< 100 ms", t_agency < 0.1)
    tab.close()


def bench_analysis(ctx, review_id: int) -> None:
    from app.chronology.export import analyse_review

    t = timed(lambda: analyse_review(ctx, review_id), 3)
    record("analysis of 50,000 entries (fetch and analyse)", t, "< 1 s", t < 1.0)


def bench_export(ctx, review_id: int, folder: Path) -> None:
    from openpyxl import Workbook

    from app.chronology.export import chronology_document, export_chronology

    doc = chronology_document(ctx, review_id)

    def plain_openpyxl() -> None:
        wb = Workbook(write_only=True)
        ws = wb.create_sheet("Chronology")
        for r in doc.rows:
            ws.append(
                [
                    r.date_value or r.date_text,
                    r.time,
                    r.agency,
                    r.event_type,
                    r.event,
                    r.outcome,
                    r.practitioner,
                    r.role,
                    r.recorded,
                    r.significance,
                    r.themes,
                    r.episodes,
                    r.flag_reason,
                    r.source_ref,
                ]
            )
        wb.save(folder / "plain.xlsx")

    t_plain = timed(plain_openpyxl, 1)
    t_ours = timed(lambda: export_chronology(ctx, review_id, folder / "export.xlsx"), 1)
    record("openpyxl write-only, same 50,000 rows as plain values", t_plain, "reference", True)
    record(
        f"export 50,000 entries to formatted xlsx: {t_ours / t_plain:.2f}x",
        t_ours,
        "<= 1.5x openpyxl",
        t_ours <= 1.5 * t_plain,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default=None, help="a store to reuse (made if missing)")
    parser.add_argument("--entries", type=int, default=50_000)
    parser.add_argument("--import-only", action="store_true", help="only the import figures")
    parser.add_argument("--runs", type=int, default=10, help="import runs (best of)")
    args = parser.parse_args()

    from app.context import AppContext
    from db.store import open_store

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db = Path(args.db) if args.db else folder / "large.db"
        if args.import_only:
            bench_import(folder, args.runs)
            _print_table()
            return
        started = time.perf_counter()
        review_id = build(db, args.entries, folder)
        print(f"Large review ready in {time.perf_counter() - started:.1f} s ({db})")
        bench_import(folder, args.runs)
        with open_store(db) as store:
            ctx = AppContext(store, "benchmark")
            bench_view(ctx, review_id)
            bench_analysis(ctx, review_id)
            bench_export(ctx, review_id, folder)

    _print_table()


def _print_table() -> None:
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    ROWS.append(
        (
            "peak memory of the whole run",
            f"{peak_mb:,.0f} MB",
            "< 400 MB",
            "ok" if peak_mb < 400 else "MISSED",
        )
    )
    widths = [
        max(len(row[i]) for row in ROWS + [("measure", "time", "target", "")]) for i in range(4)
    ]
    line = "  ".join(f"{{:<{w}}}" for w in widths)
    print()
    print(line.format("measure", "result", "target", ""))
    print(line.format(*("-" * w for w in widths)))
    for row in ROWS:
        print(line.format(*row))


if __name__ == "__main__":
    main()
