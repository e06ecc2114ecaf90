"""Makes the PDFs here as Chromium prints web pages ("Save as PDF"). Run from the project
folder with Chromium installed:

    python tests/data/pdf_seventh/make_seventh.py [--later]

- striped_rows_browser.pdf: a web case system's case notes page: the rows laid out as boxes
  (CSS grid, no table and no lines), every other row shaded grey, a bold heading row; the
  browser's own header (date, page title) and footer (address, "1/2") on each page.

Made after the reader's rules were written, to try them:

- placeholder_rows.pdf: the IMR template of word_placeholder_rows (doc_seventh_files.py), eight
  rows filled and four still showing Word's prompts ("Click or tap to enter a date."), printed
  to PDF by LibreOffice.

The rows are those of tests/chronology/doc_sixth_files.py (_day, _time, WORKERS, CONTACTS,
NOTES), which tests/chronology/doc_seventh_files.py reads as the truth.
"""

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2]))

from tests.chronology.doc_sixth_files import CONTACTS, NOTES, WORKERS, _day, _time  # noqa: E402


def _print(html: str, name: str) -> None:
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    with tempfile.TemporaryDirectory() as work:
        page = Path(work) / "case_notes.html"
        page.write_text(html, encoding="utf-8")
        subprocess.run(
            [browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             f"--user-data-dir={work}/profile", f"--print-to-pdf={HERE / name}",
             page.as_uri()],
            capture_output=True, timeout=120, check=True,
        )  # fmt: skip


def striped_rows_browser() -> None:
    cells = "".join(
        f"<div class='row'><div>{_day(i):%d/%m/%Y}</div><div>{_time(i)}</div>"
        f"<div>{escape(CONTACTS[i % 4])}</div><div>{escape(WORKERS[i % 4])}</div>"
        f"<div>{escape(NOTES[i % 9])}</div></div>"
        for i in range(24)
    )
    html = (
        "<html><head><meta charset='utf-8'><title>Case notes | Person 40551</title><style>"
        "body{font-family:Arial,sans-serif;font-size:12px;margin:0}"
        ".row{display:grid;grid-template-columns:80px 50px 120px 130px 1fr;gap:8px;"
        "padding:6px 4px;break-inside:avoid}"
        ".row:nth-child(even){background:#e8e8e8}"
        ".head{font-weight:bold;background:#fff;border-bottom:2px solid #333}"
        "</style></head><body><h2>Case notes</h2><p>Person ID 40551 &middot; Showing 24 "
        "notes, oldest first</p><div class='list'><div class='row head'><div>Date</div>"
        "<div>Time</div><div>Note type</div><div>Recorded by</div><div>Note</div></div>"
        f"{cells}</div></body></html>"
    )
    _print(html, "striped_rows_browser.pdf")


def placeholder_rows() -> None:
    from tests.chronology.doc_seventh_files import word_placeholder_rows

    with tempfile.TemporaryDirectory() as work:
        source, _truth = word_placeholder_rows(Path(work))
        subprocess.run(
            ["soffice", f"-env:UserInstallation=file://{work}/profile", "--headless",
             "--convert-to", "pdf", "--outdir", work, str(source)],
            check=True, capture_output=True, timeout=300,
        )  # fmt: skip
        shutil.copyfile(source.with_suffix(".pdf"), HERE / "placeholder_rows.pdf")


if __name__ == "__main__":
    if "--later" not in sys.argv:
        striped_rows_browser()
    placeholder_rows()
