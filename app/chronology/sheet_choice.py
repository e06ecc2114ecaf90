"""Of a workbook's sheets with the same columns (one a year, one a period), those that are not
more of the agency's chronology: a sheet showing how to fill the template in ("Example",
"Guidance"), and a copy of another sheet kept by its author ("Chronology (2)", the same rows)."""

import re

_EXAMPLE_SHEET = re.compile(
    r"\b(?:examples?|samples?|template|guidance|guide|instructions?|how to)\b", re.I
)


def leave_out_examples_and_copies(
    chosen: list[str], best: str, rows_of
) -> tuple[list[str], list[str]]:
    """(the sheets to import, notes saying which were left out and why). ``rows_of(name)`` gives
    a sheet's rows. The sheet ReviewDesk found best is always kept."""
    kept, notes = [], []
    for name in chosen:
        if name != best and _EXAMPLE_SHEET.search(name) and not _EXAMPLE_SHEET.search(best):
            notes.append(
                f"Sheet '{name}' has the same columns, but its name says it shows how to fill "
                f'the template in: not imported (import it with --sheet "{name}" if it holds '
                "real entries)."
            )
            continue
        copy_of = next((k for k in kept if rows_of(k) == rows_of(name)), None)
        if copy_of is not None:
            notes.append(
                f"Sheet '{name}' holds the same rows as sheet '{copy_of}' (a copy): its entries "
                "are imported once."
            )
            continue
        kept.append(name)
    return kept, notes
