"""How long reading a PDF chronology takes, per page: a ruled table of 30 pages and one of
about 300 (the most pages ReviewDesk reads; the cap on the text read is lifted here), read with the letters turned into pdfplumber's dicts
the quick way (as the import does) and pdfplumber's own way (the anchor, measured in the same
run, so the ratio holds on a busy machine). CPU seconds, best of ``--repeat``.

    python -m benchmarks.pdf_bench [--repeat 3] [--pages 30 300]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path


def build(folder: Path, pages: int) -> Path:
    from tests.chronology import pdf_files as pf

    path = folder / f"ruled{pages}.pdf"
    printer = pf._Printer(path, "Chronology - Child Z", "Printed 02/04/2017 by Report Server", 10)
    rows = [
        [f"{pf.ALL_DAYS[i % 12]:%d/%m/%Y}", pf.WORKERS[i % 4], pf.TYPES[i % 4], pf._two(i % 12)]
        for i in range(round(pages * 7.7))
    ]
    pf._ruled_table(printer, [70, 90, 80, 255], ["Date", "Worker", "Event Type", "Details"], rows)
    printer.save()
    return path


def cpu(path: Path, quick: bool, repeat: int) -> tuple[float, int]:
    from app.chronology import pdf_text

    original, cap = pdf_text._quick_chars, pdf_text.MAX_TEXT_CHARS
    pdf_text.MAX_TEXT_CHARS = 10**9  # 300 dense pages hold more text than an import reads
    if not quick:
        pdf_text._quick_chars = lambda page: None
    try:
        best = float("inf")
        for _ in range(repeat):
            start = time.process_time()
            pages = pdf_text._pages(path)
            best = min(best, time.process_time() - start)
        return best, len(pages)
    finally:
        pdf_text._quick_chars, pdf_text.MAX_TEXT_CHARS = original, cap


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--pages", type=int, nargs="+", default=[30, 300])
    args = parser.parse_args()
    print(f"{'file':<14}{'pages':>6}{'anchor s/page':>15}{'quick s/page':>14}{'ratio':>8}")
    with tempfile.TemporaryDirectory() as folder:
        for pages in args.pages:
            path = build(Path(folder), pages)
            anchor, count = cpu(path, False, args.repeat)
            quick, _count = cpu(path, True, args.repeat)
            print(
                f"{path.name:<14}{count:>6}{anchor / count:>15.3f}{quick / count:>14.3f}"
                f"{quick / anchor:>8.2f}"
            )


if __name__ == "__main__":
    main()
