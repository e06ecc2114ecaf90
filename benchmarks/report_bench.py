"""Overview Report export on the large review, against reportlab laying out the same story.

    python benchmarks/report_bench.py [--db /tmp/large.db]

Target (issue: the review's documents): for the large review (50,000 entries, 5,000 of them
in the chronology appendix) the Overview Report exports in at most 1.5x the time reportlab
alone takes to lay out the same flowables, and in under 15 s.
"""

import argparse
import resource
import sys
import tempfile
import time
from io import BytesIO
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.large_review import build  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default=None, help="a store to reuse (made if missing)")
    args = parser.parse_args()

    from app.context import AppContext
    from app.documents import build_document, ensure_report, export_document
    from db.store import open_store
    from reports import review_document as rd

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db = Path(args.db) if args.db else folder / "large.db"
        review_id = build(db, 50_000, folder)
        with open_store(db) as store:
            ctx = AppContext(store, "benchmark")
            report_id = ensure_report(ctx, review_id, "overview")

            started = time.perf_counter()
            pages = export_document(ctx, review_id, "overview", folder / "overview.pdf")
            total = time.perf_counter() - started

            started = time.perf_counter()
            doc = build_document(ctx, report_id)
            gather = time.perf_counter() - started

        # reportlab alone: the same story laid out once, into memory.
        styles = rd._Styles()
        headings = rd._headings(doc)
        template = rd._ReviewTemplate(
            BytesIO(),
            furniture=rd._furniture(doc),
            info=rd._info(doc),
            on_section=lambda: None,
        )
        story = rd._story(doc, styles, headings, {}, template.width)
        started = time.perf_counter()
        template.build_furnished(story)
        layout = time.perf_counter() - started

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rows = [
        ("gathering the data and building the document", f"{gather:.2f} s", "", ""),
        ("reportlab laying out the same story once", f"{layout:.2f} s", "reference", ""),
        (
            f"Overview Report export, {pages} pages ({total / layout:.2f}x reportlab)",
            f"{total:.2f} s",
            "<= 1.5x and < 15 s",
            "ok" if total <= 1.5 * layout and total < 15 else "MISSED",
        ),
        ("peak memory", f"{peak:,.0f} MB", "", ""),
    ]
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    for row in rows:
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)))


if __name__ == "__main__":
    main()
