"""Makes the PDFs here: a chronology workbook wider than the page printed by LibreOffice with
no fit-to-page, so its columns spill onto later pages ("down, then over" and "over, then
down"; without and with cell borders). Run from the project folder with LibreOffice installed:

    python tests/data/pdf_spilled/make_spilled.py

The rows are those of ``spilled_rows()`` (tests/chronology/test_pdf_files.py reads them back).
"""

import subprocess
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
HEADINGS = ["Date", "Time", "Contact type", "Worker", "Case note", "Outcome", "Agency"]
TYPES = ["Home visit", "Telephone call", "Office visit", "Strategy meeting"]
WORKERS = ["Sam Ellery", "Priya Nandakumar", "Tomos Pritchard", "Grace Adeyemi"]
NOTES = [
    "Home visit: mother present, flat cold, baby settled in a Moses basket.",
    "Call from the nursery: Child Z collected late for the third time.",
    "Child Z not brought to the paediatric appointment; letter sent to the GP.",
    "Attended A&E with a burn to the right hand; referral made as a precaution.",
    "Strategy discussion with police and health: section 47 enquiry agreed.",
]


def spilled_rows(count: int = 50) -> list[list[str]]:
    """The workbook's rows as printed: date, time, type, worker, note, outcome, agency."""
    return [
        [f"{date(2022, 3, 1) + timedelta(days=3 * i):%d/%m/%Y}", f"{9 + i % 8:02d}:30",
         TYPES[i % 4], WORKERS[i % 4], NOTES[i % 5], f"Outcome {i + 1}: follow up agreed",
         "Children's services"]
        for i in range(count)
    ]  # fmt: skip


def make(name: str, order: str, borders: bool, folder: Path) -> Path:
    import openpyxl
    from openpyxl.styles import Border, Side

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Chronology"
    ws.append(HEADINGS)
    for row in spilled_rows():
        ws.append(row)
    for col, width in zip("ABCDEFG", [14, 8, 20, 20, 90, 45, 30], strict=True):
        ws.column_dimensions[col].width = width
    ws.page_setup.orientation = "portrait"
    ws.page_setup.pageOrder = order
    ws.sheet_properties.pageSetUpPr.fitToPage = False
    if borders:
        side = Side(style="thin")
        for row in ws.iter_rows():
            for cell in row:
                cell.border = Border(left=side, right=side, top=side, bottom=side)
    path = folder / f"{name}.xlsx"
    wb.save(path)
    return path


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as folder:
        books = [
            make("down_then_over", "downThenOver", False, Path(folder)),
            make("over_then_down_ruled", "overThenDown", True, Path(folder)),
        ]
        subprocess.run(
            ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(HERE),
             *map(str, books)],
            check=True,
        )  # fmt: skip
    sys.exit(0)
