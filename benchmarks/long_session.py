"""A long working day in the window: does memory or the interpreter's state grow per action?

    python benchmarks/long_session.py [--db /tmp/large.db] [--keystrokes 10000] [--switches 1000]

Opens the real main window offscreen on a review with a chronology (the large benchmark
review when it is in the store, else a 5,000-entry one built first), then applies the
chronology filter once per keystroke (as the typing pause would), switches workspace tabs and
reviews, and prints resident memory and the reference counts of True and None before and
after each phase. Targets: no fall in either count (a rise is harmless: it cannot reach
zero), and resident memory growing by less than 1 KB per action once caches are warm.
"""

import argparse
import ctypes
import gc
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QEvent, QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from benchmarks.large_review import build  # noqa: E402

WORDS = ["school", "police", "visit", "missing", "strategy", "GP", "home", "mother", "x"]


def rss_kb() -> int:
    """Resident memory now (not the peak), from /proc, after glibc hands back free pages.

    Without the trim, freed memory the allocator keeps for reuse reads as growth.
    """
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass
    with open("/proc/self/statm") as f:
        pages = int(f.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") // 1024


def counts() -> tuple[int, int]:
    gc.collect()
    return sys.getrefcount(True), sys.getrefcount(None)


def idle() -> None:
    """What the running event loop does between user actions, deferred deletes included."""
    app = QApplication.instance()
    app.processEvents()
    app.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def measure(name: str, actions: int, step) -> tuple:
    for i in range(300):  # warm caches first (page caches fill over the first ~100 reviews)
        step(i)
        idle()
    true0, none0 = counts()
    rss0 = rss_kb()
    started = time.perf_counter()
    for i in range(actions):
        step(i)
        if i % 50 == 0:
            idle()
    idle()
    seconds = time.perf_counter() - started
    true1, none1 = counts()
    rss1 = rss_kb()
    per_action = (rss1 - rss0) * 1024 / actions
    ok = true1 >= true0 - 200 and none1 >= none0 - 200 and per_action < 1024
    return (
        name,
        f"{actions:,}",
        f"{seconds / actions * 1000:.2f} ms",
        f"{rss0 / 1024:.0f} -> {rss1 / 1024:.0f} MB",
        f"{per_action:+.0f} B",
        f"{true1 - true0:+d} / {none1 - none0:+d}",
        "ok" if ok else "MISSED",
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="a store holding the benchmark review (built if missing)")
    parser.add_argument("--entries", type=int, default=5_000)
    parser.add_argument("--keystrokes", type=int, default=10_000)
    parser.add_argument("--switches", type=int, default=1_000)
    args = parser.parse_args()

    from app.context import AppContext
    from app.demo import add_demo_reviews
    from db.store import open_store
    from ui.editing import Editor
    from ui.main_window import MainWindow
    from ui.workspace import TAB_CHRONOLOGY

    folder = Path(tempfile.mkdtemp(prefix="rd-long-"))
    db = Path(args.db) if args.db else folder / "long.db"
    review_id = build(db, args.entries, folder)
    app = QApplication.instance() or QApplication([])
    store = open_store(db)
    ctx = AppContext(store, "benchmark")
    add_demo_reviews(ctx)
    editor = Editor(ctx)
    window = MainWindow(editor, QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
    window.resize(1366, 768)
    window.show()
    window.refresh()
    window.select_review(review_id)
    tabs = window.workspace.tabs
    tabs.setCurrentIndex(TAB_CHRONOLOGY)
    chronology = window.workspace.chronology
    app.processEvents()

    def keystroke(i: int) -> None:
        word = WORDS[i % len(WORDS)]
        chronology.filters.text.setText(word[: 1 + i % len(word)])
        chronology.apply_filter()

    def tab_switch(i: int) -> None:
        tabs.setCurrentIndex(i % tabs.count())

    from app.reviews import list_reviews

    review_ids = [r.id for r in list_reviews(ctx)]

    def review_switch(i: int) -> None:
        if review_ids:
            window.select_review(review_ids[i % len(review_ids)])

    rows = [
        measure("filter keystroke", args.keystrokes, keystroke),
        measure("tab switch", args.switches, tab_switch),
        measure("review switch", max(1, args.switches // 5), review_switch),
    ]
    window.close()
    store.close()

    header = ("action", "times", "each", "resident memory", "per action", "True / None", "")
    widths = [max(len(str(r[c])) for r in [header, *rows]) for c in range(len(header))]
    for row in [header, *rows]:
        print("  ".join(str(v).ljust(w) for v, w in zip(row, widths, strict=True)))


if __name__ == "__main__":
    main()
