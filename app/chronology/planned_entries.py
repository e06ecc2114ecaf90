"""The entries an import will write, made from the table's rows column by column.

The planned entries are held as columns in the order of the store's columns
(``ENTRY_COLUMNS``, then the cells kept as imported): most of the work is then done a whole
column at a time, and 10,000 rows cost little more than reading them. Only rows without a
readable date are looked at one by one (a continuation of the entry above, or a log's later
entry on the same day). ``PlannedEntries`` shows the entries by field name to everyone else.
"""

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time
from itertools import compress
from operator import add, attrgetter, itemgetter, lt
from typing import Any

from app.chronology.date_forms import says_as_above
from app.chronology.dates import (
    YEAR_AS_DAY,
    days_text,
    from_days,
    parse_date,
    parse_time,
    plain_days,
    says_no_time,
)
from app.chronology.entries import sequence_for
from app.chronology.event_types import normalise_event_type
from app.chronology.excel_locale import swapped_by_excel
from app.chronology.note_pieces import one_text_in_pieces

ENTRY_COLUMNS = (
    "date_text", "precision", "granularity", "date_start", "date_end", "time", "sort_date",
    "sequence", "recorded", "recorded_text", "source", "practitioner", "role", "subjects",
    "event_type", "event_type_text", "event", "outcome", "significance", "flagged",
    "flag_reason", "source_row",
)  # fmt: skip
PLANNED_FIELDS = (*ENTRY_COLUMNS, "source_values")
SLOT = {name: index for index, name in enumerate(PLANNED_FIELDS)}
DATE_TEXT, EVENT, SOURCE_VALUES = SLOT["date_text"], SLOT["event"], SLOT["source_values"]

# Fields whose content makes an undated row an entry of its own rather than a continuation.
_OWN_ENTRY_FIELDS = ("practitioner", "role", "event_type", "source", "recorded", "time")
_NOT_TEXT = ("date", "time", "recorded", "end_date")
_OWN_TEXT_FIELDS = ("practitioner", "role", "event_type", "source")  # (texts, not dates)
_JOINED_ON = ("event", "outcome", "significance", "subjects")  # a continuation's text goes here


@dataclass(frozen=True)
class RowNote:
    row: int
    reason: str


class PlannedEntry(Mapping):
    """One planned entry, read by field name (``entry["event"]``)."""

    __slots__ = ("columns", "index")

    def __init__(self, columns: list[list[Any]], index: int):
        self.columns = columns
        self.index = index

    def __getitem__(self, name: str) -> Any:
        value = self.columns[SLOT[name]][self.index]
        return list(value) if name == "source_values" else value

    def __iter__(self) -> Iterator[str]:
        return iter(PLANNED_FIELDS)

    def __len__(self) -> int:
        return len(PLANNED_FIELDS)


class PlannedEntries(Sequence):
    """The planned entries of one sheet; ``columns`` holds them column by column."""

    def __init__(self, columns: list[list[Any]] | None = None, iso: dict | None = None):
        self.columns = columns if columns is not None else [[] for _ in PLANNED_FIELDS]
        # The ISO texts of dates met while planning (date -> "2016-03-14"): what the store
        # writes for them, made once.
        self.iso = iso or {}

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [PlannedEntry(self.columns, i) for i in range(len(self))[index]]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        return PlannedEntry(self.columns, index)

    def __len__(self) -> int:
        return len(self.columns[0])

    def __iter__(self) -> Iterator[PlannedEntry]:
        return (PlannedEntry(self.columns, i) for i in range(len(self)))

    def column(self, name: str) -> list[Any]:
        return self.columns[SLOT[name]]


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


def _texts(column) -> list[str]:
    if set(map(type, column)) <= _STR:
        return list(column)
    return [v if v.__class__ is str else cell_text(v) for v in column]


_STR = {str}
# Fields of a few words repeated down the column: a value padded with spaces to its field's
# length (a mainframe's extract) is the words it holds.
_PADDING_SAMPLE = 50
_SHORT_FIELDS = frozenset({"practitioner", "role", "subjects", "event_type", "source"})


def _trimmed(values: list[str]) -> list[str]:
    """``values`` without the spaces around them, each distinct value looked at once, when the
    first of them show such padding (a system pads every value of a field)."""
    if not any(v[-1:] == " " or v[:1] == " " for v in values[:_PADDING_SAMPLE]):
        return values
    known = {v: v.strip() for v in set(values)}
    if all(k == v for k, v in known.items()):
        return values
    return list(map(known.__getitem__, values))


_DATE_FIELDS = attrgetter("time", "start", "end", "text", "precision", "granularity")


def _date_fields(parsed: list) -> list[list[Any]]:
    """The times, starts, ends, texts, precisions and granularities of the dates read, a list
    each, in one pass over them."""
    if not parsed:
        return [[] for _ in range(6)]
    return list(map(list, zip(*map(_DATE_FIELDS, parsed), strict=True)))


_FIRST, _SECOND = itemgetter(0), itemgetter(1)


class _Grid:
    """The table's rows by position, each as wide as the table (a short row padded)."""

    def __init__(self, rows: list[tuple[int, list[Any]]], width: int):
        self.rows = rows
        self.width = width

    def __getitem__(self, k: int) -> list[Any]:
        cells = self.rows[k][1]
        return cells if len(cells) >= self.width else [*cells, *[None] * (self.width - len(cells))]

    def __iter__(self) -> Iterator[list[Any]]:
        return map(self.__getitem__, range(len(self.rows)))


_NUMBER_KINDS = {bool, int, float}


def _distinct_map(read, values, read_days=None, read_texts=None, kinds=None) -> list[Any]:
    """``read`` applied to each value, each distinct value (and type: 1, 1.0 and True are
    different cells) read once; the date cells among others all at once with ``read_days``
    (distinct days -> what each reads as) when given, and the texts it can read all at once with
    ``read_texts`` (distinct texts -> what those of them it reads read as) when given.
    ``kinds``: the values' types, when the caller has them already."""
    if kinds is None:
        kinds = set(map(type, values))
    if len(kinds & _NUMBER_KINDS) <= 1:
        # One type, or only numbers of different types can be equal (a date is never equal to a
        # text, nor to a date and time): the values themselves are the keys.
        distinct = set(values)
        if read_days is not None and date in kinds:
            known = read_days([value for value in distinct if value.__class__ is date])
        else:
            known = {}
        if read_texts is not None and str in kinds:
            known.update(read_texts([value for value in distinct if value.__class__ is str]))
        if known:
            known.update({value: read(value) for value in distinct if value not in known})
        else:
            known = {value: read(value) for value in distinct}
        return list(map(known.__getitem__, values))
    keys = list(zip(map(type, values), values, strict=True))
    distinct = set(keys)
    if read_days is None:
        known = {key: read(key[1]) for key in distinct}
    else:
        days = read_days([key[1] for key in distinct if key[0] is date])
        known = {(date, day): read for day, read in days.items()}
        known.update({key: read(key[1]) for key in distinct if key[0] is not date})
    return list(map(known.__getitem__, keys))


_DAYS_ONLY = {date}
_DAY_OR_NONE = {date, type(None)}


def _day_texts(days: list[date], iso: dict | None = None, texts: dict | None = None) -> list[str]:
    """The text of each date cell (a day, nothing to read): 14/03/2016 (``texts``: those of
    days already made, added to)."""
    return list(map(days_text(set(days), iso, texts).__getitem__, days))


def _blank(value: Any) -> bool:
    return value is None or value.__class__ is str and not value.strip()


def _no_words(value: Any) -> bool:
    """A date cell left empty or holding only a mark ("-"): words in it ("[REDACTED]", "not
    known") are the file's own answer, never the day of the entry above."""
    return _blank(value) or not any(ch.isalnum() for ch in cell_text(value))


def build_entries(plan, today: date) -> None:
    """The plan's entries, flagged rows and continuations, from its table's rows."""
    table = plan.table
    headers = table.headers
    width = len(headers)
    mapping = plan.mapping
    parts = plan.parts
    order, year_kind = plan.date_order.order, plan.year_kind
    numbers = list(map(_FIRST, table.rows))
    count = len(numbers)
    cols = table.columns
    grid = _Grid(table.rows, width)
    out: list[list[Any]] = [None] * len(PLANNED_FIELDS)  # type: ignore[list-item]
    # Text fields are copied as written; date, time and date recorded are read separately.
    for name, i in mapping.items():
        if name not in _NOT_TEXT:
            texts = _texts(cols[i])
            if name in _SHORT_FIELDS:
                texts = _trimmed(texts)
            out[SLOT["event_type_text" if name == "event_type" else name]] = texts
    if len(parts) > 1:
        labels = [headers[i] for i in parts]
        if one_text_in_pieces(labels):
            out[EVENT] = [_pieces_text(cells, parts) for cells in grid]
        else:
            out[EVENT] = [_event_text(cells, parts, labels) for cells in grid]
    for name in ("source", "practitioner", "role", "subjects", "event_type_text", "event",
                 "outcome", "significance"):  # fmt: skip
        if out[SLOT[name]] is None:
            out[SLOT[name]] = [""] * count
    _split_roles(out[SLOT["practitioner"]], out[SLOT["role"]])
    own_orders = getattr(plan, "column_orders", {})
    read_date, read_time, read_recorded, read_type = _readers(
        today, order, year_kind, own_orders.get("recorded", order)
    )
    raw_dates = cols[mapping["date"]]
    doubted: list = []  # dates read, but in doubt (a weekday written that does not fit)

    marks: list[str] = []  # date texts that may say the row continues the one above
    iso: dict[date, str] = {}  # dates met -> their ISO text
    day_texts: dict[date, str] = {}  # days met -> their text (14/03/2016)

    def read_doubting(value):
        read = read_date(value)
        if read.problem and read.start:
            doubted.append(read)
        if value.__class__ is str and "ont" in value:  # (each distinct text comes here once)
            marks.append(value)
        return read

    def days_doubting(days):
        known = from_days(days, iso, day_texts)
        doubted.extend(read for read in known.values() if read.problem)  # a year typed in
        return known

    def texts_plain(texts):
        return plain_days(texts, order)

    kinds = set(map(type, raw_dates))
    if kinds == _DAYS_ONLY and min(raw_dates) > YEAR_AS_DAY[1]:
        # Date cells only (no time, no text): each is its own day, with nothing to read,
        # doubt or join to the entry above.
        parsed = None
        own = [""] * count
    else:
        parsed = _distinct_map(read_doubting, raw_dates, days_doubting, texts_plain, kinds)
        for k, (written, why) in swapped_by_excel(raw_dates, kinds).items():
            parsed[k] = replace(read_date(written), problem=why)
            doubted.append(parsed[k])
        row_orders = getattr(plan, "row_orders", None)
        if row_orders:  # another export pasted under the table, its dates in its own order
            for k, number in enumerate(numbers):
                if number in row_orders:
                    parsed[k] = parse_date(
                        raw_dates[k], today=today, order=row_orders[number], year_kind=year_kind
                    )
        if _UTC_HEADING.search(headers[mapping["date"]]):
            _utc_to_uk_clock(plan, raw_dates, parsed)
        fields = _date_fields(parsed)
        own = _real_times(fields[0])
    time_col = mapping.get("time")
    if time_col is None:
        times = own
    else:
        written = _distinct_map(
            lambda r: read_time(r) if r is not None and r != "" else "", cols[time_col]
        )
        if any(own):  # a date cell with its own time fills in a blank one
            times = [w or t for w, t in zip(written, own, strict=True)]
        else:
            times = written
    used = set(mapping.values()) | set(parts) | set(getattr(plan, "left_out_columns", ()))
    end_col = mapping.get("end_date")
    # The end date is read into the entry's span and its cell kept as written as well.
    used.discard(end_col)
    unmapped = [i for i in range(width) if i not in used]
    kept: list[Any] = [()] * count  # the cells not held in a mapped field, as imported
    if unmapped:
        for k, cells in enumerate(grid):
            others = {headers[i]: json_cell(cells[i]) for i in unmapped if has_content(cells[i])}
            if others:
                kept[k] = [{"row": numbers[k], "values": others}]
    # Rows without a readable date, one by one: the text of a continuation joins the entry
    # above; in a log writing the date once a day, a later time that day takes its date.
    own_cols = [mapping[f] for f in _OWN_ENTRY_FIELDS if f in mapping]
    owner: dict[int, int] = {}  # continuation row -> the entry it joined
    continuations = plan.continuations
    starts = None if parsed is None else fields[1]
    undated = [] if parsed is None or all(starts) else [k for k, s in enumerate(starts) if not s]
    ended = _ends_continued(out[EVENT]) if undated else ()
    for k in undated:
        previous = owner.get(k - 1, k - 1) if k else None
        cells = grid[k]
        if (
            previous in ended
            and _blank(raw_dates[k])
            and (m := _END_MARK.search(out[EVENT][previous])) is not None
            and all(
                not has_content(cells[i])
                or cell_text(cells[i]).strip() == cell_text(grid[previous][i]).strip()
                for i in own_cols
            )
        ):  # "... (continued on next row)", the rest on a row without a date
            mark = m.group(0).strip(" ,;:-\u2013")
            out[EVENT][previous] = out[EVENT][previous][: m.start()].rstrip()
            owner[k] = previous
            _attach(out, kept, previous, k, grid[k], unmapped, headers, numbers[k])
            continuations.append(
                RowNote(
                    numbers[k],
                    f"no date: the entry above (row {numbers[previous]}) ends '{mark}', so this "
                    "row's text was added to it",
                )
            )
            continue
        if (
            previous is not None
            and _blank(raw_dates[k])
            and not any(has_content(cells[i]) for i in own_cols)
        ):
            owner[k] = previous
            _attach(out, kept, previous, k, cells, unmapped, headers, numbers[k])
            continuations.append(
                RowNote(
                    numbers[k],
                    f"no date: its text was added to the entry above (row {numbers[previous]})",
                )
            )
            continue
        if previous is not None and parsed[previous].start and says_as_above(raw_dates[k]):
            parsed[k] = parsed[previous]
            continuations.append(
                RowNote(
                    numbers[k],
                    f"'{cell_text(raw_dates[k]).strip()}' in the date column: the date of the "
                    f"entry above (row {numbers[previous]}), {parsed[previous].text}",
                )
            )
            continue
        if previous is not None and time_col is not None and _no_words(raw_dates[k]):
            later = read_time(cells[time_col]) if has_content(cells[time_col]) else ""
            if later and parsed[previous].precision == "day" and later >= times[previous] > "":
                parsed[k] = read_date(parsed[previous].start)
                continuations.append(
                    RowNote(
                        numbers[k],
                        f"no date: the day of the entry above (row {numbers[previous]}) "
                        f"was used, as its time {later} follows on from it",
                    )
                )
    # A row whose date cell marks it as the rest of the entry above ("14/03/2016 (cont.)",
    # the date of that entry, nothing of its own in the worker or type cells): its text
    # joins that entry, as when the author split a long note over two rows.
    for k in _marked_continued(raw_dates, marks) if marks else ():
        previous = owner.get(k - 1, k - 1)
        cells = grid[k]
        start = parsed[k].start
        if not start:  # "14/03/2016 cont'd": the date without the mark
            start = read_date(_CONTINUED.sub(" ", raw_dates[k]).strip(" ()[]-\u2013:")).start
        if (
            k in owner
            or not start
            or start != parsed[previous].start
            or any(has_content(cells[i]) for i in own_cols)
        ):
            continue
        owner[k] = previous
        _attach(out, kept, previous, k, cells, unmapped, headers, numbers[k])
        continuations.append(
            RowNote(
                numbers[k],
                f"'{cell_text(raw_dates[k]).strip()}' in the date column: the rest of the entry "
                f"above (row {numbers[previous]}), its text was added to it",
            )
        )
    # A row marked as the rest of the entry above at the start of its text ("Continued: ...",
    # "(cont'd) ...") or in a cell of its own ("(continued)" as its worker), its date that
    # entry's or none: its text joins that entry. Looked for only when one text holds a mark.
    own_texts = [
        (headers[mapping[f]], out[SLOT["event_type_text" if f == "event_type" else f]])
        for f in _OWN_TEXT_FIELDS
        if f in mapping
    ]
    if "practitioner" in mapping and "role" not in mapping:  # "Sam Ellery (cont'd)": its role
        own_texts.append((headers[mapping["practitioner"]], out[SLOT["role"]]))
    marked = _continued_elsewhere(out[EVENT], own_texts)
    for k, mark, where in marked:
        previous = owner.get(k - 1, k - 1)
        if k in owner or not k:
            continue
        day = raw_dates[k] if parsed is None else parsed[k].start
        before = raw_dates[previous] if parsed is None else parsed[previous].start
        if (day or not _blank(raw_dates[k])) and day != before:
            continue
        cells, above = grid[k], grid[previous]
        if any(
            has_content(cells[i])
            and (said := _MARK_LAST.sub("", cell_text(cells[i])).strip())
            and said != cell_text(above[i]).strip()
            for i in own_cols
        ):
            continue  # a worker or type of its own: an entry of its own
        shown = mark.strip()
        rest = _MARK_FIRST.match(out[EVENT][k]) or (
            _WEAK_MARK.match(out[EVENT][k]) if where.endswith("its text") else None
        )
        if rest is not None:
            out[EVENT][k] = out[EVENT][k][rest.end() :]
        owner[k] = previous
        _attach(out, kept, previous, k, cells, unmapped, headers, numbers[k])
        continuations.append(
            RowNote(
                numbers[k],
                f"'{shown}' {where}: the rest of the entry above (row {numbers[previous]}), its "
                "text was added to it",
            )
        )
    refresh = bool(undated)  # (a row may have taken the date of the entry above)
    if time_col is not None and _UTC_HEADING.search(headers[time_col]):
        parsed = _utc_times_to_uk_clock(plan, parsed, raw_dates, written, times)
        refresh = parsed is not None  # (a day may have moved)
    if parsed is None:
        starts = list(raw_dates)
        every_date_read = True
        out[SLOT["date_text"]] = _day_texts(starts, iso, day_texts)
        out[SLOT["precision"]], out[SLOT["granularity"]] = ["day"] * count, ["day"] * count
        ends = out[SLOT["date_end"]] = list(starts)
    else:
        if refresh:
            fields = _date_fields(parsed)
        _times, starts, ends, texts, precisions, granularities = fields
        every_date_read = all(starts)
        if every_date_read:
            out[SLOT["date_text"]] = texts
        else:
            out[SLOT["date_text"]] = [
                p.text if p.start else cell_text(raw)
                for p, raw in zip(parsed, raw_dates, strict=True)
            ]
        out[SLOT["precision"]], out[SLOT["granularity"]] = precisions, granularities
        out[SLOT["date_end"]] = ends
    out[SLOT["date_start"]] = starts
    out[SLOT["sort_date"]] = starts
    if end_col is not None:
        for k, raw in enumerate(cols[end_col]):
            if starts[k] and has_content(raw):
                until = parse_date(
                    raw, today=today, order=own_orders.get("end_date", order), year_kind=year_kind
                )
                if until.end and until.end > ends[k]:
                    ends[k] = until.end
    out[SLOT["time"]] = times
    # Untimed entries keep the order they came in; timed ones follow by time (0.0 + n is n).
    base = {t: sequence_for(t, 0) if t else 0.0 for t in set(times)}
    out[SLOT["sequence"]] = list(map(add, map(base.__getitem__, times), numbers))
    problems: dict[int, list[str]] = {}
    if not every_date_read:
        problems = {
            k: [parsed[k].problem or "the date could not be read"]
            for k in [k for k, start in enumerate(starts) if not start]
        }
    if doubted:
        doubt = set(map(id, doubted))
        for k in [k for k, p in enumerate(parsed) if id(p) in doubt]:
            problems.setdefault(k, []).append(parsed[k].problem)
    # A chronology tells what has happened: a date after the day of import is a slip of the
    # year ("14/03/2061" for 2016) or a plan, and is flagged to be checked.
    if max(filter(None, starts), default=today) > today:
        for k in [k for k, start in enumerate(starts) if start and start > today]:
            problems.setdefault(k, []).append(
                f"{starts[k]:%d/%m/%Y} is after the day of import ({today:%d/%m/%Y}): "
                "check the date"
            )
    if time_col is not None:
        raw_times = cols[time_col]
        # Only a time cell holding something that reads as no time is a problem.
        unreadable = {
            (kind, raw)
            for kind, raw in set(zip(map(type, raw_times), raw_times, strict=True))
            if raw is not None
            and raw != ""
            and has_content(raw)
            and not read_time(raw)
            and not says_no_time(raw)
        }
        for k in [k for k, t in enumerate(times) if not t] if unreadable else []:
            raw = raw_times[k]
            if (type(raw), raw) in unreadable:
                problems.setdefault(k, []).append(f"the time '{cell_text(raw)}' could not be read")
    recorded_col = mapping.get("recorded")
    if recorded_col is None:
        out[SLOT["recorded"]] = [None] * count
        out[SLOT["recorded_text"]] = [""] * count
    elif set(map(type, cols[recorded_col])) == _DAYS_ONLY:
        out[SLOT["recorded"]] = list(cols[recorded_col])
        out[SLOT["recorded_text"]] = _day_texts(out[SLOT["recorded"]], iso, day_texts)
    else:
        read = _distinct_map(read_recorded, cols[recorded_col])
        out[SLOT["recorded"]] = list(map(_FIRST, read))
        out[SLOT["recorded_text"]] = list(map(_SECOND, read))
        for k in [k for k, r in enumerate(read) if r[2]]:
            problems.setdefault(k, []).append(read[k][2])
    if recorded_col is not None:
        for k in _recorded_before(out[SLOT["recorded"]], starts):
            problems.setdefault(k, []).append(
                f"recorded on {out[SLOT['recorded_text']][k]}, before the date it happened "
                f"({out[SLOT['date_text']][k]}): the two dates may be the wrong way round"
            )
    if table.row_flags:
        for k, number in enumerate(numbers):
            if number in table.row_flags:
                problems.setdefault(k, []).append(table.row_flags[number])
    flagged = [False] * count
    reasons = [""] * count
    for k in sorted(problems):
        if k not in owner:
            flagged[k] = True
            reasons[k] = "; ".join(problems[k])
            plan.flagged.append(RowNote(numbers[k], reasons[k]))
    out[SLOT["flagged"]] = flagged
    out[SLOT["flag_reason"]] = reasons
    written_types = out[SLOT["event_type_text"]]
    types = {t: read_type(t) if t else "" for t in set(written_types)}
    out[SLOT["event_type"]] = list(map(types.__getitem__, written_types))
    out[SLOT["source_row"]] = numbers
    out[SOURCE_VALUES] = kept
    if owner:  # continuation rows are not entries of their own
        entries = [k not in owner for k in range(count)]
        out = [list(compress(column, entries)) for column in out]
    plan.entries = PlannedEntries(out, iso)


def _recorded_before(recorded: list, starts: list) -> list[int]:
    """The rows recorded before the day they happened, when such rows are few (a quarter or less
    of those with both dates): a slip, the two date columns typed the wrong way round. Where
    most rows are recorded first (appointments booked ahead) the column means something else."""
    pairs = zip(recorded, starts, strict=True)
    if set(map(type, recorded)) <= _DAY_OR_NONE:  # date cells: compared as they are
        if None not in recorded and None not in starts and not any(map(lt, recorded, starts)):
            return []  # (the commonest case, seen without pairing the rows one by one)
        both = [(k, r, s) for k, (r, s) in enumerate(pairs) if r and s]
    else:
        both = [
            (k, r.date() if isinstance(r, datetime) else r, s)
            for k, (r, s) in enumerate(pairs)
            if r and s
        ]
    early = [k for k, r, s in both if r < s]
    return early if early and 4 * len(early) <= len(both) else []


def _pieces_text(cells: list[Any], parts: list[int]) -> str:
    """A note cut into columns, joined as it was written (the cut may fall inside a word)."""
    return "".join(
        value if value.__class__ is str else cell_text(value)
        for value in (cells[i] for i in parts)
        if value is not None
    ).strip()


def _event_text(cells: list[Any], parts: list[int], labels: list[str]) -> str:
    pieces = []
    for index, label in zip(parts, labels, strict=True):
        value = cells[index]
        text = value if value.__class__ is str else cell_text(value)
        text = text.strip()
        if text:
            pieces.append(f"{label}: {text}")
    return "\n".join(pieces)


def _real_times(times: list[str]) -> list[str]:
    """The times the date cells carry, unless they are all midnight: a system writing
    "2016-03-14 00:00:00" for a date has no time to give."""
    if "00:00" in times and times.count("00:00") >= 3 and set(times) <= {"", "00:00"}:
        return [""] * len(times)
    return times


_NAME_THEN_ROLE = re.compile(r"\s*([^()\d]{2,60}?)\s*\(([^()]{2,60})\)\s*")
_PARTICLES = {"de", "van", "von", "der", "den", "la", "le", "bin", "ap", "and", "&"}


def name_and_role(text: str) -> tuple[str, str] | None:
    """("Sam Ellery", "Social Worker") from "Sam Ellery (Social Worker)"; None for anything
    else (a team, a place, a bracketed number)."""
    found = _NAME_THEN_ROLE.fullmatch(text)
    if found is None:
        return None
    name, role = found[1].strip(" ,"), " ".join(found[2].split())
    words = name.replace(",", " ").split()
    if not 1 <= len(words) <= 5 or not any(c.isalpha() for c in role):
        return None
    if not all(w[0].isupper() or w.casefold() in _PARTICLES for w in words):
        return None
    if len(words) == 1 and len(name) > 2 and name.isupper():  # "CAMHS (Tier 3)": a service
        return None
    return name, role


# A date column whose heading says its times are UTC ("Received (UTC)", "created_utc",
# "Submit Date (UTC)"): a web service's clock, an hour behind the UK's in summer.
_UTC_HEADING = re.compile(r"(?:\b|_)utc(?:\b(?!\s*[+-]\s*\d)|_)", re.I)
# A zone written in the cell itself, already read with it.
_ZONE_WRITTEN = re.compile(r"(?:\dz|utc|gmt|bst|[+-]\d\d:?\d\d|time\)?)$", re.I)


def _utc_to_uk_clock(plan, raw_dates: list, parsed: list) -> None:
    """Each date with a time in a column headed as UTC, its time put on the UK clock (and its
    day with it, as 23:30 UTC on a summer night is 00:30 the next day); a note says so."""
    from app.chronology.date_forms import uk_clock

    moved: dict[int, Any] = {}  # id of a date read -> the same moment on the UK clock
    changed = 0
    for k, read in enumerate(parsed):
        if not read.time or read.precision != "day" or read.start != read.end:
            continue
        raw = raw_dates[k]
        if raw.__class__ is str and _ZONE_WRITTEN.search(raw.strip()):
            continue  # "2016-06-21T15:45:00Z": its own zone was read with it
        done = moved.get(id(read))
        if done is None:
            hour, minute = map(int, read.time.split(":"))
            day, (hour, minute) = uk_clock(read.start, hour, minute, "utc")
            done = moved[id(read)] = replace(
                read, start=day, end=day, time=f"{hour:02d}:{minute:02d}"
            )
        changed += done.time != read.time
        parsed[k] = done
    if changed:
        heading = plan.table.headers[plan.mapping["date"]]
        note = (
            f"The times in '{heading}' are UTC, as its heading says: each is shown on the UK "
            f"clock (British Summer Time is an hour ahead); {changed} time(s) moved."
        )
        if note not in plan.table.notes:
            plan.table.notes.append(note)


def _utc_times_to_uk_clock(plan, parsed, raw_dates: list, written: list, times: list):
    """The times of a column of their own headed as UTC ("Time (UTC)", "time_utc") put on the
    UK clock, with the day of each entry when it changes (23:30 UTC on a summer night is 00:30
    the next day); a note says so. Only the times written in that column move."""
    from app.chronology.date_forms import uk_clock

    if not any(written):
        return parsed
    if parsed is None:  # date cells only: each read as its own day
        parsed = [parse_date(day) for day in raw_dates]
    moved: dict[tuple, tuple] = {}  # (day, time) -> the same moment on the UK clock
    changed = 0
    for k, read in enumerate(parsed):
        time = written[k]
        if not time or time != times[k] or read.start is None or read.precision != "day":
            continue
        if read.start != read.end or len(time) != 5 or time[2] != ":":
            continue
        key = (read.start, time)
        done = moved.get(key)
        if done is None:
            hour, minute = int(time[:2]), int(time[3:])
            day, (hour, minute) = uk_clock(read.start, hour, minute, "utc")
            done = moved[key] = (day, f"{hour:02d}:{minute:02d}")
        if done[1] == time:
            continue
        changed += 1
        times[k] = done[1]
        if done[0] != read.start:
            parsed[k] = replace(read, start=done[0], end=done[0])
    if changed:
        heading = plan.table.headers[plan.mapping["time"]]
        note = (
            f"The times in '{heading}' are UTC, as its heading says: each is shown on the UK "
            f"clock (British Summer Time is an hour ahead), the day with it where it changes; "
            f"{changed} time(s) moved."
        )
        if note not in plan.table.notes:
            plan.table.notes.append(note)
    return parsed


def _split_roles(practitioners: list[str], roles: list[str]) -> None:
    """A practitioner written with their role ("Sam Ellery (Social Worker)") is the name, and
    the role goes to the entry's role where the file gives none."""
    split = {p: name_and_role(p) for p in set(practitioners) if p.rstrip().endswith(")")}
    if not any(split.values()):
        return
    for k, written in enumerate(practitioners):
        parts = split.get(written)
        if parts is not None and not roles[k].strip():
            practitioners[k], roles[k] = parts


def _readers(today: date, order: str, year_kind: str, recorded_order: str):
    """Date, time, date-recorded and event-type readers for one import. The columns are read
    with ``_distinct_map``: a chronology repeats its dates, times and types many times."""

    def read_date(value):
        return parse_date(value, today=today, order=order, year_kind=year_kind)

    def read_recorded(value) -> tuple[date | None, str, str]:
        if not has_content(value):
            return (None, "", "")
        parsed = parse_date(value, today=today, order=recorded_order)
        if parsed.precision == "day":
            return (parsed.start, parsed.text, "")
        return (None, parsed.text, f"the date recorded '{parsed.text}' could not be read as a day")

    def read_type(text: str) -> str:
        return normalise_event_type(text) if text.strip() else ""

    return read_date, parse_time, read_recorded, read_type


# "(cont.)", "(continued)", "cont'd", "contd", "(cont)", "cont/d", "con't" beside a date: the row
# goes on with the one above.
_CONTINUED = re.compile(
    r"(?i)(?<![a-z])(?:continued|continuation|con['\u2019]?t(?:['\u2019/]?d)?\.?)(?![a-z])"
)


def _marked_continued(raw_dates, texts: list[str]) -> list[int]:
    """The rows (from the second) whose date cell is a short text saying it continues, of
    ``texts`` (the column's distinct texts that may)."""
    marked = {t for t in texts if len(t) <= 40 and _CONTINUED.search(t)}
    if not marked:
        return []
    return [k for k, r in enumerate(raw_dates) if k and r.__class__ is str and r in marked]


# "Continued:", "(cont'd)", "(cont)", "Cont. -", "Contd..." at the start of a note, or alone in
# a cell: the row goes on with the one above ("continued from the previous page" too). At the
# start of a note the word is a mark in brackets, before a colon, dash or dots, or saying from
# where: "Continued concerns about..." is a note of its own. Written bare before the rest of a
# sentence ("contd the landlord had...", "cont. missed appointments") it is a mark only when
# the note above stops mid-sentence (see ``_WEAK_MARK``).
_WORD = r"(?:continued|continuation|con['\u2019]?t(?:['\u2019/]?d)?\.?)(?![a-z])"
_FROM = r"\s+from\s+(?:the\s+)?(?:previous|last|above)(?:\s+(?:page|row|entry|note))?"
_MARK = rf"[(\[]?\s*{_WORD}(?:{_FROM})?\s*[)\]]?"
_MARK_FIRST = re.compile(
    rf"\s*(?:[(\[]\s*{_WORD}(?:{_FROM})?\s*[)\]]\s*[:.\-\u2013]*"
    rf"|{_WORD}{_FROM}\s*[:.\-\u2013]*|{_WORD}\s*(?:[:\-\u2013]+|\.{{2,}}|\u2026))\s*",
    re.I,
)
# The word shortened, alone before the rest of a sentence in small letters: "contd the landlord
# had...", "cont. missed appointments" ("Continued concerns..." is a sentence of its own).
_WEAK_MARK = re.compile(r"\s*(?i:con['\u2019]?t(?:['\u2019/]?d)?\.?)\s+(?=[a-z])")
_MARK_ALONE = re.compile(rf"\s*{_MARK}\s*[:.\-\u2013]?\s*", re.I)
_MARK_LAST = re.compile(rf"(?:^|(?<=\s)|(?<=[(\[]))\s*{_MARK}\s*[:.\-\u2013]?\s*$", re.I)
# The gate: a mark at the start of some text of the event column joined with NULs ("\0Cont").
_MARK_AFTER_NUL = re.compile(r"\x00[(\[ ]*[Cc][Oo][Nn][Tt'\u2019]")
# A note that ends a sentence: the next row starting with a bare "cont." is not its rest.
_ENDS_SENTENCE = re.compile(r"[.!?:;)\]\"'\u2019\u201d]\s*$")


# A note ending with a mark that its rest is on the row below: "continued below", "(continued
# on next row)", "cont. overleaf", "contd on next line".
_END_MARK = re.compile(
    r"[\s,;:\-\u2013]*[(\[]?\s*(?:continued|cont['\u2019]?d|cont\.?)\s*"
    r"(?:below|overleaf|over(?:\s+the)?\s+page|on\s+(?:the\s+)?next\s+(?:row|line|page))"
    r"\s*\.{0,3}\s*[)\]]?\s*\.{0,3}\s*$",
    re.I,
)
_END_MARK_GATE = re.compile(_END_MARK.pattern, re.I | re.M)


def _ends_continued(events: list[str]) -> set[int]:
    """The rows whose event text ends with a mark that its rest is on the row below; one
    search of the texts joined decides whether any row is looked at."""
    if not _END_MARK_GATE.search("\n".join(events)):
        return set()
    return {k for k, text in enumerate(events) if _END_MARK.search(text)}


def _continued_elsewhere(events: list[str], own: list[tuple[str, list]]) -> list[tuple]:
    """The rows whose event text starts with a mark that it continues the row above, or whose
    worker, type or other text of its own is only such a mark: (row index, the mark, where it
    is). One search of the events joined, and a look at each other column's distinct texts,
    decide whether any row is looked at."""
    found: dict[int, tuple[str, str]] = {}
    if _MARK_AFTER_NUL.search("\x00".join(events)):  # (the first row continues nothing)
        for k, text in enumerate(events):
            m = _MARK_FIRST.match(text) if "on" in text[:8].lower() else None
            if m is None and k and "on" in text[:8].lower():
                m = _WEAK_MARK.match(text)  # "contd the landlord...", the note above unfinished
                m = None if m is None or _ENDS_SENTENCE.search(events[k - 1]) else m
            if m is not None and m.end() < len(text):  # (a mark with no text is no note)
                found[k] = (text[: m.end()].strip(" :.-\u2013"), "at the start of its text")
    for heading, texts in own:
        marks = {
            t
            for t in set(texts)
            if "on" in t.lower() and (_MARK_ALONE.fullmatch(t) or _MARK_LAST.search(t))
        }
        for k, text in enumerate(texts) if marks else ():
            if k not in found and text in marks:
                found[k] = (text.strip(), f"in the {heading} column")
    return [(k, *found[k]) for k in sorted(found)]


def _attach(out, kept, previous: int, k: int, cells, unmapped, headers, row_no) -> None:
    """A continuation row: its text joins the entry above, field by field; the whole row is
    kept with the entry as imported."""
    for name in _JOINED_ON:
        column = out[SLOT[name]]
        extra = column[k]
        if extra.strip():
            column[previous] = f"{column[previous]}\n{extra}" if column[previous] else extra
    loose = [cell_text(cells[i]) for i in unmapped if has_content(cells[i])]
    events = out[EVENT]
    if loose:
        joined = " · ".join(loose)
        events[previous] = f"{events[previous]}\n{joined}" if events[previous] else joined
    whole = {h: json_cell(v) for h, v in zip(headers, cells, strict=False) if has_content(v)}
    kept[previous] = [*kept[previous], {"row": row_no, "values": whole}]
