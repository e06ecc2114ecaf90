"""Formula cells a returned tracker holds without a saved value.

Calculated values are saved by spreadsheet programs that calculate (Excel, LibreOffice); a
tracker written or edited by a tool that does not leaves formula cells empty for every reader.
Such a cell is not an empty answer: the row is reported, and none of its fields are changed.
"""

from pathlib import Path


def uncached_formula_cells(path: Path, sheet: str, columns: set[int]) -> dict[int, list[str]]:
    """Row number -> cell references of formulas with no saved value, in the given columns
    (0-based) only: xlsx files only."""
    from zipfile import BadZipFile

    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    if path.suffix.casefold() not in (".xlsx", ".xlsm"):
        return {}  # .xls, .ods and .csv files keep no formula apart from its value here
    try:
        formulas = load_workbook(path, read_only=True, data_only=False)
        values = load_workbook(path, read_only=True, data_only=True)
    except (BadZipFile, InvalidFileException, KeyError, OSError, ValueError):
        return {}  # not an xlsx workbook: its reader has already judged it
    try:
        if sheet not in formulas.sheetnames:
            return {}
        found: dict[int, list[str]] = {}
        rows = zip(formulas[sheet].iter_rows(), values[sheet].iter_rows(), strict=False)
        for formula_row, value_row in rows:
            for f_cell, v_cell in zip(formula_row, value_row, strict=False):
                text = getattr(f_cell, "value", None)
                if getattr(f_cell, "column", 0) - 1 not in columns:
                    continue
                if isinstance(text, str) and text.startswith("=") and v_cell.value is None:
                    found.setdefault(f_cell.row, []).append(f_cell.coordinate)
        return found
    finally:
        formulas.close()
        values.close()
