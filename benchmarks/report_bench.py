"""The Overview Report in every format, and the whole chronology as Word and HTML, on the large
review, against the untagged reportlab PDF the Overview Report used to be.

    python benchmarks/report_bench.py [--db /tmp/large.db]

Targets (issue: published documents): for the large review (50,000 entries, 5,000 of them in
the chronology appendix) the Overview Report as tagged PDF, DOCX and HTML each takes at most
2x the time the reportlab PDF took, measured in the same run; the 50,000-entry chronology as
DOCX and as HTML each in under 60 s.

Publishing (issue: publishing that cannot leak): anonymising the Overview Report against a
40-entry people register takes at most 5% of the time the export takes for internal use (the
two exports are printed too; typst's timings vary by more than that from run to run); a chronology
holding one entry of 1 MB exports as a PDF in under 2 s (it once took minutes: the time grew
with the square of the entry's length), printed against reportlab laying out the same text in
a plain frame in the same run.

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
from io import BytesIO
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
from benchmarks.large_review import build
# A store made by that release (a store upgraded by this one is newer than it can open).
db = Path(sys.argv[1])
review_id = build(db, 50_000, db.parent)
with open_store(db) as store:
    ctx = AppContext(store, "benchmark")
    started = time.perf_counter()
    pages = export_document(ctx, review_id, "overview", Path(sys.argv[3]))
    print(time.perf_counter() - started, pages)
"""


FIRST = ["Kayden", "Zoë", "Siobhán", "Lennon", "Dean", "Kerry", "Łukasz", "Aoife", "Ravi", "Mo"]
LAST = ["Marsh", "Walker-Boyd", "Ní Bhriain", "Okafor", "Nowak", "Price", "Hughes", "Khan"]


def add_register(ctx, review_id: int) -> None:
    from app.publishing.people import add_person, list_people

    if list_people(ctx, review_id):
        return
    for i in range(40):
        name = f"{FIRST[i % len(FIRST)]} {LAST[(i * 3) % len(LAST)]} {i}"
        add_person(ctx, review_id, name=name, descriptor=f"Person {i}", variants=[f"Nick{i}"])


def _timed(func):
    started = time.perf_counter()
    result = func()
    return result, time.perf_counter() - started


def one_megabyte(folder: Path) -> tuple[float, float]:
    """(export of a chronology holding one 1 MB entry, reportlab laying out the text plainly)."""
    from reportlab.platypus import SimpleDocTemplate

    from app.context import AppContext
    from app.publishing.audience import set_audience
    from app.publishing.pipeline import publish
    from app.reviews import create_review
    from db.store import open_store
    from reports.pdf_common import paragraphs, style

    sentence = "The family was seen at home and Kerry said the child was well cared for. "
    text = (sentence * (1_000_000 // len(sentence) + 1))[:1_000_000]
    csv = folder / "one.csv"
    # Undated rows continue the entry above: ten rows of 100 KB make one entry of 1 MB.
    parts = [text[i : i + 100_000] for i in range(0, len(text), 100_000)]
    rows = [f'02/01/2023,"{parts[0]}"', *(f',"{p}"' for p in parts[1:])]
    csv.write_text("Date,Event\n" + "\n".join(rows) + "\n", encoding="utf-8")
    with open_store(folder / "one.db") as store:
        ctx = AppContext(store, "benchmark")
        review_id = create_review(ctx, review_type="lcspr", reference="MB-1", title="Child M")
        from app.chronology.importer import import_chronology
        from app.publishing.people import add_person

        import_chronology(ctx, review_id, "Police", csv)
        add_person(ctx, review_id, name="Kerry Marsh", descriptor="Mother")
        set_audience(ctx, review_id, "chronology", "publication")
        export = min(  # the faster of two, as for the Overview Report
            _timed(lambda: publish(ctx, "chronology", folder / "one.pdf", review_id=review_id))[1]
            for _round in range(2)
        )
    plain = style("Plain", 8.5)
    layout = min(
        _timed(lambda: SimpleDocTemplate(BytesIO()).build(paragraphs(text, plain)))[1]
        for _round in range(2)
    )
    return export, layout


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
        [*git, "archive", f"{removed}^", "app", "db", "reports", "resources", "benchmarks"],
        capture_output=True,
        check=True,
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(old)], input=archive, check=True)
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            ANCHOR,
            str(db.with_name("anchor-" + db.name)),
            str(review_id),
            str(folder / "reportlab.pdf"),
        ],
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


def publishing_rows(ctx, review_id: int, folder: Path) -> list[tuple[str, str, str, str]]:
    """The Overview Report for publication against the same for internal use."""
    from app.documents import build_document, ensure_report, export_document
    from app.publishing.anonymise import Anonymiser
    from app.publishing.audience import set_audience
    from app.publishing.people import list_people
    from app.publishing.transforms import protect

    add_register(ctx, review_id)
    # Alternate the two, twice, and keep the faster of each: the machine may be busy.
    internal = published = float("inf")
    for _round in range(2):
        for audience in ("internal", "publication"):
            set_audience(ctx, review_id, "overview", audience)
            target = folder / f"overview-{audience}.pdf"
            _, took = _timed(lambda t=target: export_document(ctx, review_id, "overview", t))
            if audience == "internal":
                internal = min(internal, took)
            else:
                published = min(published, took)
    report_id = ensure_report(ctx, review_id, "overview")
    doc = build_document(ctx, report_id, audience="publication")
    register = list_people(ctx, review_id)
    anonymiser = Anonymiser(register, keep=["LARGE-2026-01"])
    _, anonymise = _timed(lambda: protect(doc, marking="", anonymiser=anonymiser))
    share = anonymise / internal
    return [
        ("Overview Report, tagged PDF, internal (best of 2)", f"{internal:.2f} s", "", ""),
        (
            f"Overview Report, tagged PDF, for publication (best of 2; {published / internal:.2f}x)",
            f"{published:.2f} s",
            "",
            "",
        ),
        (
            f"anonymising it (register of {len(register)}): {share:.1%} of the internal export",
            f"{anonymise:.2f} s",
            "<= 5%",
            "ok" if share <= 0.05 else "MISSED",
        ),
    ]


def megabyte_rows(folder: Path) -> list[tuple[str, str, str, str]]:
    big, plain = one_megabyte(folder)
    return [
        ("reportlab laying out 1 MB of text in a plain frame", f"{plain:.2f} s", "reference", ""),
        (
            f"chronology PDF, one 1 MB entry, anonymised ({big / plain:.2f}x plain)",
            f"{big:.2f} s",
            "< 2 s",
            "ok" if big < 2 else "MISSED",
        ),
    ]


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
            rows += publishing_rows(ctx, review_id, folder)
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

        rows += megabyte_rows(folder)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rows.append(("peak memory (this process)", f"{peak:,.0f} MB", "", ""))
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    for row in rows:
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)))


if __name__ == "__main__":
    main()
