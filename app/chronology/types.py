"""Plain types shared by the chronology's reader, importer, analysis, timeline and reports."""

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from operator import itemgetter
from typing import Any

_CELLS = itemgetter(1)  # a row's cells, from (its number, its cells)

# How exactly an entry's date is known.
PRECISIONS = ("day", "month", "year", "approximate", "unknown")
# For approximate dates, the unit that was approximated.
GRANULARITIES = ("day", "month", "season", "year")

# The entry fields an agency's column can be mapped to, with the label shown to people.
MAPPABLE_FIELDS: dict[str, str] = {
    "date": "Date of event",
    "time": "Time",
    "end_date": "End date",
    "recorded": "Date recorded",
    "source": "Source / record",
    "practitioner": "Practitioner",
    "role": "Role",
    "subjects": "Person(s)",
    "event_type": "Event type",
    "event": "Event / contact",
    "outcome": "Action / outcome",
    "significance": "Significance (IMR author)",
}


@dataclass(frozen=True)
class ParsedDate:
    """A date as an agency wrote it, and what ReviewDesk understood of it."""

    text: str  # exactly as written (a real date cell is written as dd/mm/yyyy)
    precision: str  # one of PRECISIONS
    start: date | None = None  # first day it can mean
    end: date | None = None  # last day it can mean (== start for an exact day)
    granularity: str = "day"  # one of GRANULARITIES (what "approximate" approximates)
    time: str = ""  # "HH:MM" when the value carried a time of day
    problem: str = ""  # why it could not be read, in plain words (precision "unknown")

    @property
    def ok(self) -> bool:
        return self.precision != "unknown"

    def iso(self) -> str:
        """YYYY-MM-DD, YYYY-MM or YYYY as the precision allows; "" when unknown."""
        if self.start is None:
            return ""
        unit = self.granularity if self.precision == "approximate" else self.precision
        if unit == "day":
            return self.start.isoformat()
        if unit in ("month", "season"):
            return f"{self.start.year:04d}-{self.start.month:02d}"
        return f"{self.start.year:04d}"


@dataclass
class SheetTable:
    """The chronology table found in a file: its header and the rows under it."""

    file_name: str
    sheet: str  # "" for a CSV file
    header_row: int  # 1-based row number of the header line in the sheet
    headers: list[str]
    rows: list[tuple[int, list[Any]]]  # (1-based row number in the sheet, cell values)
    sheets: list[str] = field(default_factory=list)  # every sheet in the workbook
    notes: list[str] = field(default_factory=list)  # what the reader decided, in words
    left_out: list = field(default_factory=list)  # layout.LeftOut: rows that are not entries
    row_flags: dict[int, str] = field(default_factory=dict)  # row -> a problem found reading it
    # Rows of the table hidden in the workbook (by a filter left on, by hand, under a closed
    # group), and whether a filter hid them: imported unless the author chooses otherwise.
    hidden_rows: list[int] = field(default_factory=list)
    hidden_by_filter: bool = False

    @cached_property
    def columns(self) -> list[tuple[Any, ...]]:
        """The cells column by column (a short row padded with None), made once: deciding the
        date order and planning the entries both read the table a column at a time."""
        width = len(self.headers)
        grid = list(map(_CELLS, self.rows))
        if grid and min(map(len, grid)) < width:
            grid = [
                cells if len(cells) >= width else [*cells, *[None] * (width - len(cells))]
                for cells in grid
            ]
        return list(zip(*grid, strict=False)) if grid else [()] * width


@dataclass(frozen=True)
class AnalysisEntry:
    """What the analysis needs of one chronology entry."""

    id: int
    agency: str
    start: date | None
    end: date | None
    precision: str
    recorded: date | None
    practitioner: str
    role: str
    event_type: str  # canonical key from the vocabulary, or "" when not recognised
    event_type_text: str  # as written
    text: str  # event and outcome, for searching
