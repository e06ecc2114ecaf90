"""The entries an import will write, made from the table's rows in one tight pass.

Each planned entry is a plain list in the order of the store's columns (``ENTRY_COLUMNS``,
then the cells kept as imported), so 10,000 rows cost little more than reading them and go
to the store as they are. ``PlannedEntries`` shows them by field name to everyone else.
"""

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from app.chronology.dates import parse_date, parse_time
from app.chronology.entries import sequence_for
from app.chronology.event_types import normalise_event_type

ENTRY_COLUMNS = (
    "date_text", "precision", "granularity", "date_start", "date_end", "time", "sort_date",
    "sequence", "recorded", "recorded_text", "source", "practitioner", "role", "subjects",
    "event_type", "event_type_text", "event", "outcome", "significance", "flagged",
    "flag_reason", "source_row",
)  # fmt: skip
PLANNED_FIELDS = (*ENTRY_COLUMNS, "source_values")
SLOT = {name: index for index, name in enumerate(PLANNED_FIELDS)}
DATE_TEXT, DATE_START, DATE_END, TIME = SLOT["date_text"], SLOT["date_start"], SLOT["date_end"], 5
PRECISION, EVENT, SOURCE_ROW = SLOT["precision"], SLOT["event"], SLOT["source_row"]
SOURCE_VALUES = SLOT["source_values"]

# Fields whose content makes an undated row an entry of its own rather than a continuation.
_OWN_ENTRY_FIELDS = ("practitioner", "role", "event_type", "source", "recorded", "time")
_TEXT_FIELDS = ("source", "practitioner", "role", "subjects", "event", "outcome", "significance")
_NOT_TEXT = ("date", "time", "recorded", "end_date")


@dataclass(frozen=True)
class RowNote:
    row: int
    reason: str


class PlannedEntry(Mapping):
    """One planned entry, read by field name (``entry["event"]``)."""

    __slots__ = ("row",)

    def __init__(self, row: list[Any]):
        self.row = row

    def __getitem__(self, name: str) -> Any:
        return self.row[SLOT[name]]

    def __iter__(self) -> Iterator[str]:
        return iter(PLANNED_FIELDS)

    def __len__(self) -> int:
        return len(PLANNED_FIELDS)


class PlannedEntries(Sequence):
    """The planned entries of one sheet; ``rows`` holds them as lists for the store."""

    def __init__(self, rows: list[list[Any]] | None = None):
        self.rows = rows if rows is not None else []

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [PlannedEntry(row) for row in self.rows[index]]
        return PlannedEntry(self.rows[index])

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self) -> Iterator[PlannedEntry]:
        return map(PlannedEntry, self.rows)


def cell_text(value: Any) -> str:
    """A cell as text, as the agency would read it."""
    if value.__class__ is str:
        return value
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y %H:%M") if value.time() != time() else f"{value:%d/%m/%Y}"
    if isinstance(value, date):
        return f"{value:%d/%m/%Y}"
    if isinstance(value, time):
        return value.strftime("%H:%M")
    return str(value)


def json_cell(value: Any) -> Any:
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    return cell_text(value)


def has_content(value: Any) -> bool:
    return value is not None and not (value.__class__ is str and not value.strip())


def build_entries(plan, today: date) -> None:
    """The plan's entries, flagged rows and continuations, from its table's rows."""
    table = plan.table
    headers = table.headers
    width = len(headers)
    mapping = plan.mapping
    parts = plan.parts
    joined = len(parts) > 1
    labels = [headers[i] for i in parts]
    # Text fields are copied as written; date, time and date recorded are read separately.
    text_slots = [
        (SLOT["event_type_text" if f == "event_type" else f], i)
        for f, i in mapping.items()
        if f not in _NOT_TEXT and not (joined and f == "event")
    ]
    used = set(mapping.values()) | set(parts)
    end_col = mapping.get("end_date")
    # The end date is read into the entry's span and its cell kept as written as well.
    used.discard(end_col)
    unmapped = [i for i in range(width) if i not in used]
    date_col = mapping["date"]
    time_col = mapping.get("time")
    recorded_col = mapping.get("recorded")
    own_cols = [mapping[f] for f in _OWN_ENTRY_FIELDS if f in mapping]
    row_flags = table.row_flags
    entries, flagged, continuations = plan.entries.rows, plan.flagged, plan.continuations
    read_date, read_time, read_recorded, read_type = _readers(
        today, plan.date_order.order, plan.year_kind
    )
    note = RowNote
    previous: list[Any] | None = None
    blank = ("",) * len(PLANNED_FIELDS)
    for row_no, cells in table.rows:
        if len(cells) < width:
            cells = list(cells) + [None] * (width - len(cells))
        entry = list(blank)
        for slot, i in text_slots:
            value = cells[i]
            entry[slot] = value if value.__class__ is str else cell_text(value)
        if joined:
            entry[EVENT] = _event_text(cells, parts, labels)
        raw_date = cells[date_col]
        if (
            previous is not None
            and (raw_date is None or raw_date.__class__ is str and not raw_date.strip())
            and not any(has_content(cells[i]) for i in own_cols)
        ):
            _attach(previous, entry, cells, unmapped, headers, row_no)
            continuations.append(
                note(
                    row_no,
                    f"no date: its text was added to the entry above (row {previous[SOURCE_ROW]})",
                )
            )
            continue
        parsed = read_date(raw_date)
        if not parsed.start and previous is not None and time_col is not None:
            # A log writing the date once per day: an undated row with a later time than the
            # entry above belongs to the same day.
            later = read_time(cells[time_col]) if has_content(cells[time_col]) else ""
            if later and previous[PRECISION] == "day" and later >= previous[TIME] > "":
                parsed = read_date(previous[DATE_START])
                continuations.append(
                    note(
                        row_no,
                        f"no date: the day of the entry above (row {previous[SOURCE_ROW]}) "
                        f"was used, as its time {later} follows on from it",
                    )
                )
        reasons: list[str] = (
            [] if parsed.start else [parsed.problem or "the date could not be read"]
        )
        time_text = parsed.time
        recorded = None
        recorded_text = ""
        if time_col is not None:
            raw_time = cells[time_col]
            if raw_time is not None and raw_time != "":
                time_text = read_time(raw_time) or time_text
                if not time_text and has_content(raw_time):
                    reasons.append(f"the time '{cell_text(raw_time)}' could not be read")
        if recorded_col is not None:
            recorded, recorded_text, problem = read_recorded(cells[recorded_col])
            if problem:
                reasons.append(problem)
        if row_flags and row_no in row_flags:
            reasons.append(row_flags[row_no])
        start = parsed.start
        entry[0:10] = (
            parsed.text if start else cell_text(raw_date),
            parsed.precision,
            parsed.granularity,
            start,
            parsed.end,
            time_text,
            start,
            sequence_for(time_text, row_no) if time_text else float(row_no),
            recorded,
            recorded_text,
        )
        type_text = entry[15]
        if type_text:
            entry[14] = read_type(type_text)
        if reasons:
            entry[19] = True
            entry[20] = reason = "; ".join(reasons)
            flagged.append(note(row_no, reason))
        else:
            entry[19] = False
        entry[21] = row_no
        # Cells already held in a mapped field are not copied again; the rest are kept.
        others = {headers[i]: json_cell(cells[i]) for i in unmapped if has_content(cells[i])}
        entry[22] = [{"row": row_no, "values": others}] if others else []
        if end_col is not None and start and has_content(cells[end_col]):
            until = parse_date(
                cells[end_col], today=today, order=plan.date_order.order, year_kind=plan.year_kind
            )
            if until.end and until.end > parsed.end:
                entry[DATE_END] = until.end
        entries.append(entry)
        previous = entry


def _event_text(cells: list[Any], parts: list[int], labels: list[str]) -> str:
    pieces = []
    for index, label in zip(parts, labels, strict=True):
        value = cells[index]
        text = value if value.__class__ is str else cell_text(value)
        text = text.strip()
        if text:
            pieces.append(f"{label}: {text}")
    return "\n".join(pieces)


def _readers(today: date, order: str, year_kind: str):
    """Date, time, date-recorded and event-type readers for one import, each remembering the
    values it has read (a chronology repeats its dates, times and types many times)."""
    dates: dict = {}
    times: dict = {}
    recorded: dict = {}
    types: dict = {}

    def read_date(value):
        try:
            return dates[value.__class__, value]
        except KeyError:
            parsed = parse_date(value, today=today, order=order, year_kind=year_kind)
            dates[value.__class__, value] = parsed
            return parsed

    def read_time(value) -> str:
        try:
            return times[value.__class__, value]
        except KeyError:
            text = times[value.__class__, value] = parse_time(value)
            return text

    def read_recorded(value) -> tuple[date | None, str, str]:
        try:
            return recorded[value.__class__, value]
        except KeyError:
            pass
        result: tuple[date | None, str, str] = (None, "", "")
        if has_content(value):
            parsed = parse_date(value, today=today, order=order)
            if parsed.precision == "day":
                result = (parsed.start, parsed.text, "")
            else:
                problem = f"the date recorded '{parsed.text}' could not be read as a day"
                result = (None, parsed.text, problem)
        recorded[value.__class__, value] = result
        return result

    def read_type(text: str) -> str:
        try:
            return types[text]
        except KeyError:
            key = types[text] = normalise_event_type(text) if text.strip() else ""
            return key

    return read_date, read_time, read_recorded, read_type


def _attach(previous: list[Any], texts: list[Any], cells, unmapped, headers, row_no) -> None:
    """A continuation row: its text joins the entry above, field by field; the whole row is
    kept with the entry as imported."""
    for name in ("event", "outcome", "significance", "subjects"):
        slot = SLOT[name]
        extra = texts[slot]
        if extra.strip():
            previous[slot] = f"{previous[slot]}\n{extra}" if previous[slot] else extra
    loose = [cell_text(cells[i]) for i in unmapped if has_content(cells[i])]
    if loose:
        joined = " · ".join(loose)
        previous[EVENT] = f"{previous[EVENT]}\n{joined}" if previous[EVENT] else joined
    whole = {h: json_cell(v) for h, v in zip(headers, cells, strict=False) if has_content(v)}
    previous[SOURCE_VALUES].append({"row": row_no, "values": whole})
