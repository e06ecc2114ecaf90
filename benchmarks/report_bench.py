"""The Overview Report in every format, and the whole chronology as Word and HTML, on the large
review, against the untagged reportlab PDF the Overview Report used to be.

    python benchmarks/report_bench.py [--db /tmp/large.db]

Targets (issue: published documents): for the large review (50,000 entries, 5,000 of them in
the chronology appendix) the Overview Report as tagged PDF, DOCX and HTML each takes at most
2x the time the reportlab PDF took, measured in the same run; the 50,000-entry chronology as
DOCX and as HTML each in under 60 s.

The reportlab writer is no longer part of ReviewDesk: the anchor runs the last release that
had it (taken from git history into a temporary folder) in a subprocess, on the same store.
"""

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.large_review import build  # noqa: E402

ANCHOR = """
import sys, time
from pathlib import Path
from app.context import AppContext
from app.documents import export_document
from db.store import open_store
with open_store(Path(sys.argv[1])) as store:
    ctx = AppContext(store, "benchmark")
    started = time.perf_counter()
    pages = export_document(ctx, int(sys.argv[2]), "overview", Path(sys.argv[3]))
    print(time.perf_counter() - started, pages)
"""


def reportlab_anchor(db: Path, review_id: int, folder: Path) -> tuple[float, int]:
    """(seconds, pages) of the reportlab Overview Report of the last release that had it."""
    git = ["git", "-C", str(ROOT)]
    removed = subprocess.run(
        [*git, "rev-list", "-1", "HEAD", "--", "reports/review_document.py"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    old = folder / "reportlab-release"
    old.mkdir()
    archive = subprocess.run(
        [*git, "archive", f"{removed}^", "app", "db", "reports", "resources"],
        capture_output=True,
        check=True,
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(old)], input=archive, check=True)
    result = subprocess.run(
        [sys.executable, "-c", ANCHOR, str(db), str(review_id), str(folder / "reportlab.pdf")],
        cwd=old,
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": str(old)},
    )
    seconds, pages = result.stdout.split()
    return float(seconds), int(pages)


def timed(function, *args):
    started = time.perf_counter()
    result = function(*args)
    return time.perf_counter() - started, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default=None, help="a store to reuse (made if missing)")
    args = parser.parse_args()

    from app.chronology.export import export_chronology
    from app.context import AppContext
    from app.documents import ensure_report, export_document
    from db.store import open_store

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db = Path(args.db) if args.db else folder / "large.db"
        review_id = build(db, 50_000, folder)
        with open_store(db) as store:
            ensure_report(AppContext(store, "benchmark"), review_id, "overview")
        anchor, anchor_pages = reportlab_anchor(db, review_id, folder)
        rows = [
            (
                f"reportlab PDF, untagged, {anchor_pages} pages (as released)",
                f"{anchor:.2f} s",
                "reference",
                "",
            )
        ]
        with open_store(db) as store:
            ctx = AppContext(store, "benchmark")
            for suffix, label in ((".pdf", "tagged PDF"), (".docx", "DOCX"), (".html", "HTML")):
                target = folder / f"overview{suffix}"
                seconds, pages = timed(export_document, ctx, review_id, "overview", target)
                size = f"{pages} pages, " if pages else ""
                rows.append(
                    (
                        f"Overview Report, {label} ({size}{target.stat().st_size / 1e6:.1f} MB)"
                        f" {seconds / anchor:.2f}x",
                        f"{seconds:.2f} s",
                        "<= 2x",
                        "ok" if seconds <= 2 * anchor else "MISSED",
                    )
                )
            for suffix in (".docx", ".html"):
                target = folder / f"chronology{suffix}"
                seconds, count = timed(export_chronology, ctx, review_id, target)
                rows.append(
                    (
                        f"chronology, {count:,} entries, {suffix[1:].upper()}"
                        f" ({target.stat().st_size / 1e6:.1f} MB)",
                        f"{seconds:.2f} s",
                        "< 60 s",
                        "ok" if seconds < 60 else "MISSED",
                    )
                )

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rows.append(("peak memory (this process)", f"{peak:,.0f} MB", "", ""))
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    for row in rows:
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)))


if __name__ == "__main__":
    main()
