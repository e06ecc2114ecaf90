"""Makes the PDFs here as LibreOffice prints Word documents. Run from the project folder with
LibreOffice installed:

    python tests/data/pdf_eighth/make_eighth.py

- words_broken_in_cells.pdf: a log table (date, time, worker, notes) whose notes column is
  narrower than its longest words, so LibreOffice breaks those words where the column ends,
  with no hyphen; the rest wraps between words as usual.

The rows are those of tests/chronology/doc_sixth_files.py (_day, _time, WORKERS) with the notes
of BROKEN_NOTES in tests/chronology/doc_eighth_files.py, which reads them as the truth.
"""

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2]))

from tests.chronology.doc_eighth_files import BROKEN_NOTES  # noqa: E402
from tests.chronology.doc_sixth_files import WORKERS, _day, _time  # noqa: E402


def _print(document_path: Path, name: str) -> None:
    office = shutil.which("soffice") or shutil.which("libreoffice")
    with tempfile.TemporaryDirectory() as work:
        subprocess.run(
            [office, f"-env:UserInstallation=file://{work}/profile", "--headless",
             "--convert-to", "pdf", "--outdir", work, str(document_path)],
            capture_output=True, timeout=180, check=True,
        )  # fmt: skip
        shutil.copyfile(Path(work) / (document_path.stem + ".pdf"), HERE / name)


def words_broken_in_cells() -> None:
    import docx
    from docx.shared import Cm, Pt

    document = docx.Document()
    document.styles["Normal"].font.size = Pt(10)
    document.add_heading("Contact log: early help", level=1)
    widths = [Cm(2.6), Cm(1.5), Cm(3.6), Cm(2.6)]
    table = document.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    for cell, text, width in zip(
        table.rows[0].cells, ["Date", "Time", "Worker", "Notes"], widths, strict=True
    ):
        cell.text = text
        cell.width = width
    for i, note in enumerate(BROKEN_NOTES):
        values = [f"{_day(i):%d/%m/%Y}", _time(i), WORKERS[i % 4], note]
        for cell, text, width in zip(table.add_row().cells, values, widths, strict=True):
            cell.text = text
            cell.width = width
    with tempfile.TemporaryDirectory() as work:
        path = Path(work) / "words_broken_in_cells.docx"
        document.save(path)
        _print(path, "words_broken_in_cells.pdf")


if __name__ == "__main__":
    words_broken_in_cells()
