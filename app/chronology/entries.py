"""The merged chronology: ordered and filtered in SQL, fetched a page at a time, edited.

The window keeps only the ordered list of matching ids (cheap even for 50,000 entries) and
asks for the rows it is about to show.
"""

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import delete, func, insert, inspect, or_, select

from app.chronology.dates import parse_date, parse_time
from app.chronology.event_types import EVENT_TYPES, normalise_event_type
from app.chronology.types import AnalysisEntry, ParsedDate
from app.context import AppContext
from app.edits import FieldChange, apply_fields
from app.errors import NotFoundError, ValidationError
from db.chronology_models import (
    ChronologyEntry,
    ChronologyImport,
    ChronologySearch,
    EntryTheme,
    EpisodeEntry,
    KeyEpisode,
)
from db.fetch import first_column, first_columns, one_of
from db.models import Agency
from db.ordering import text_order
from db.rows import dependents, restore_dependents
from db.search import contains_text, matches_words

E = ChronologyEntry


@dataclass(frozen=True)
class EntryFilter:
    agency_ids: tuple[int, ...] = ()
    date_from: date | None = None
    date_to: date | None = None
    event_types: tuple[str, ...] = ()  # vocabulary keys; "" means "type not recognised"
    person: str = ""  # practitioner, role or person(s) containing this
    theme: str = ""
    episode_id: int | None = None
    flagged_only: bool = False
    text: str = ""  # anywhere in the entry's text

    @property
    def active(self) -> bool:
        return self != EntryFilter()


def working_date(date_text: str, date_start: date | None, precision: str) -> str:
    """An entry's date as the working views show it: an exact day always as 04/01/2016,
    whichever way the agency wrote it (a US file's "1/4/2016" included); months, terms, years
    and approximate dates as written; "" when there is none."""
    if precision == "day" and date_start is not None:
        return f"{date_start:%d/%m/%Y}"
    return date_text.strip()


@dataclass(frozen=True)
class EntryRow:
    id: int
    agency_id: int
    agency: str
    date_text: str
    precision: str
    granularity: str
    date_start: date | None
    date_end: date | None
    time: str
    sort_date: date | None
    sequence: float
    recorded: date | None
    recorded_text: str
    source: str
    practitioner: str
    role: str
    subjects: str
    event_type: str
    event_type_text: str
    event: str
    outcome: str
    significance: str
    flagged: bool
    flag_reason: str
    source_file: str
    source_sheet: str
    source_row: int | None
    source_values: str
    themes: tuple[str, ...] = ()
    episodes: tuple[str, ...] = ()

    @property
    def shown_date(self) -> str:
        """The date as the working views show it: an exact day always as 04/01/2016, whichever
        way the agency wrote it ("1/4/2016 10:30 AM", "04-Jan-2016", "4th January 2016");
        months, terms, years and approximate dates as written; "No date" when there is none."""
        return working_date(self.date_text, self.date_start, self.precision) or "No date"

    @property
    def type_label(self) -> str:
        return EVENT_TYPES.get(self.event_type) or self.event_type_text

    @property
    def source_ref(self) -> str:
        if not self.source_file:
            return "entered by hand"
        sheet = f", sheet {self.source_sheet}" if self.source_sheet else ""
        row = f", row {self.source_row}" if self.source_row else ""
        return f"{self.source_file}{sheet}{row}"

    def original_cells(self) -> list[dict[str, Any]]:
        """The imported row(s) as they were: [{"row": 12, "values": {header: value}}]."""
        try:
            data = json.loads(self.source_values) if self.source_values else []
        except ValueError:
            return []
        return data if isinstance(data, list) else []


# Orders other than by date or agency: (columns) ahead of the date order.
SORTS = {
    "type": lambda: [text_order(E.event_type_text)],
    "practitioner": lambda: [text_order(E.practitioner)],
    "recorded": lambda: [E.recorded.is_(None), E.recorded],
}
SORT_KEYS = ("date", "agency", *SORTS)


def _conditions(review_id: int, flt: EntryFilter) -> list:
    conds = [E.review_id == review_id]
    if flt.agency_ids:
        conds.append(E.agency_id.in_(flt.agency_ids))
    # An entry matches a date range when the days it can mean overlap the range.
    if flt.date_from is not None:
        conds.append(E.date_end >= flt.date_from)
    if flt.date_to is not None:
        conds.append(E.date_start <= flt.date_to)
    if flt.event_types:
        conds.append(E.event_type.in_(flt.event_types))
    if flt.person.strip():
        person = flt.person.strip()
        conds.append(
            or_(
                contains_text(E.practitioner, person),
                contains_text(E.role, person),
                contains_text(E.subjects, person),
            )
        )
    if flt.theme:
        conds.append(E.id.in_(select(EntryTheme.entry_id).where(EntryTheme.theme == flt.theme)))
    if flt.episode_id is not None:
        conds.append(
            E.id.in_(select(EpisodeEntry.entry_id).where(EpisodeEntry.episode_id == flt.episode_id))
        )
    if flt.flagged_only:
        conds.append(E.flagged.is_(True))
    if flt.text.strip():
        conds.append(
            E.id.in_(
                select(ChronologySearch.entry_id).where(
                    ChronologySearch.review_id == review_id,
                    matches_words(ChronologySearch.text, flt.text.strip()),
                )
            )
        )
    return conds


def query_entry_ids(
    ctx: AppContext,
    review_id: int,
    flt: EntryFilter = EntryFilter(),  # noqa: B008 - frozen, so a shared default is safe
    sort: str = "date",
    descending: bool = False,
) -> list[int]:
    """Ids of the entries matching ``flt``, in display order. Undated entries come last.

    Built for 50,000 entries: the date and agency orders are read straight off the indexes
    (one query for dated entries, one for undated; one pair per agency), and ids come back
    through Core, not the ORM.
    """
    conds = _conditions(review_id, flt)
    with ctx.session() as session:
        conn = session.connection()
        if sort == "agency":
            agencies = conn.execute(
                select(Agency.id, Agency.name).where(Agency.review_id == review_id)
            ).all()
            agencies.sort(key=lambda a: (a.name.casefold(), a.id), reverse=descending)
            stmts = [
                stmt
                for agency in agencies
                if not flt.agency_ids or agency.id in flt.agency_ids
                for stmt in _date_order(conds + [E.agency_id == agency.id], False)
            ]
            return first_columns(conn, stmts)
        if sort in SORTS:
            order = [*SORTS[sort](), E.sort_date, E.sequence, E.id]
            if descending:
                order = [column.desc() for column in order]
            return _ids(conn, select(E.id).where(*conds).order_by(*order))
        return _date_ordered(conn, conds, descending)


def _date_ordered(conn, conds: list, descending: bool) -> list[int]:
    return first_columns(conn, _date_order(conds, descending))


def _date_order(conds: list, descending: bool) -> list:
    """The statements for the date order: dated entries, then undated ones."""
    order = [E.sort_date, E.sequence, E.id]
    undated_order = [E.sequence, E.id]
    if descending:
        order = [column.desc() for column in order]
        undated_order = [column.desc() for column in undated_order]
    dated = select(E.id).where(*conds, E.sort_date.is_not(None)).order_by(*order)
    undated = select(E.id).where(*conds, E.sort_date.is_(None)).order_by(*undated_order)
    return [dated, undated]


def _ids(conn, stmt) -> list[int]:
    return first_column(conn, stmt)


def count_entries(ctx: AppContext, review_id: int) -> int:
    with ctx.session() as session:
        return session.scalar(select(func.count()).where(E.review_id == review_id))


# The columns of an EntryRow, in its field order (themes and episodes are added after).
_ROW_COLUMNS = (
    E.id, E.agency_id, Agency.name, E.date_text, E.precision, E.granularity, E.date_start,
    E.date_end, E.time, E.sort_date, E.sequence, E.recorded, E.recorded_text, E.source,
    E.practitioner, E.role, E.subjects, E.event_type, E.event_type_text, E.event, E.outcome,
    E.significance, E.flagged, E.flag_reason, ChronologyImport.file_name, ChronologyImport.sheet,
    E.source_row, E.source_values,
)  # fmt: skip
_FILE, _SHEET, _FLAGGED = 24, 25, 22


def fetch_entries(ctx: AppContext, ids: list[int]) -> list[EntryRow]:
    """The rows for ``ids``, in the same order (ids that no longer exist are left out).

    Plain columns through Core, not ORM objects: exporting 50,000 entries reads them all.
    """
    if not ids:
        return []
    by_id: dict[int, EntryRow] = {}
    with ctx.session() as session:
        conn = session.connection()
        for start in range(0, len(ids), 5000):
            chunk = ids[start : start + 5000]
            themes: dict[int, list[str]] = {}
            for entry_id, theme in conn.execute(
                select(EntryTheme.entry_id, EntryTheme.theme)
                .where(one_of(conn, EntryTheme.entry_id, chunk))
                .order_by(EntryTheme.theme)
            ):
                themes.setdefault(entry_id, []).append(theme)
            episodes: dict[int, list[str]] = {}
            for entry_id, title in conn.execute(
                select(EpisodeEntry.entry_id, KeyEpisode.title)
                .join(KeyEpisode, KeyEpisode.id == EpisodeEntry.episode_id)
                .where(one_of(conn, EpisodeEntry.entry_id, chunk))
                .order_by(KeyEpisode.position)
            ):
                episodes.setdefault(entry_id, []).append(title)
            rows = conn.execute(
                select(*_ROW_COLUMNS)
                .join(Agency, Agency.id == E.agency_id)
                .outerjoin(ChronologyImport, ChronologyImport.id == E.import_id)
                .where(one_of(conn, E.id, chunk))
            ).all()
            for row in rows:
                values = list(row)
                values[_FILE] = values[_FILE] or ""  # entries made by hand have no file
                values[_SHEET] = values[_SHEET] or ""
                values[_FLAGGED] = bool(values[_FLAGGED])
                entry_id = values[0]
                by_id[entry_id] = EntryRow(
                    *values,
                    themes=tuple(themes.get(entry_id, ())),
                    episodes=tuple(episodes.get(entry_id, ())),
                )
    return [by_id[i] for i in ids if i in by_id]


def get_entry(ctx: AppContext, entry_id: int) -> EntryRow:
    found = fetch_entries(ctx, [entry_id])
    if not found:
        raise NotFoundError("That chronology entry no longer exists.")
    return found[0]


# Dates -----------------------------------------------------------------------------------


def date_fields(parsed: ParsedDate) -> dict[str, Any]:
    """The stored date fields for a parsed date."""
    return {
        "date_text": parsed.text,
        "precision": parsed.precision,
        "granularity": parsed.granularity,
        "date_start": parsed.start,
        "date_end": parsed.end,
        "sort_date": parsed.start,
    }


def sequence_for(time_text: str, order: float) -> float:
    """Order within a day: untimed entries first, then by time, then as they came."""
    minutes = -1
    if time_text:
        hours, _, mins = time_text.partition(":")
        minutes = int(hours) * 60 + int(mins or 0)
    return (minutes + 1) * 1_000_000 + order


# Editing ---------------------------------------------------------------------------------

TEXT_FIELDS = ("source", "practitioner", "role", "subjects", "event", "outcome", "significance")


def edit_entry(
    ctx: AppContext, entry_id: int, changes: dict[str, Any], *, seen: dict | None = None
) -> FieldChange:
    """Change an entry. A new date, time, date recorded or event type is read as typed;
    ``seen``: the entry as the person saw it (see ``apply_fields``)."""
    values: dict[str, Any] = {}
    today = ctx.today()
    for field, value in changes.items():
        if field == "date":
            parsed = parse_date(value, today=today)
            if not parsed.ok:
                raise ValidationError(parsed.problem)
            values.update(date_fields(parsed))
            if parsed.time:
                values["time"] = parsed.time
        elif field == "time":
            text = str(value).strip()
            time_text = parse_time(text) if text else ""
            if text and not time_text:
                raise ValidationError(f"'{text}' is not a time of day (for example 14:30).")
            values["time"] = time_text
        elif field == "recorded":
            text = value if isinstance(value, str) else ""
            parsed = parse_date(value, today=today)
            if text.strip() and parsed.precision != "day":
                raise ValidationError(
                    parsed.problem or "The date recorded must be a day, such as 02/01/2008."
                )
            values["recorded"] = parsed.start if parsed.precision == "day" else None
            values["recorded_text"] = parsed.text if parsed.ok else ""
        elif field == "event_type":
            values["event_type_text"] = value
            values["event_type"] = normalise_event_type(value)
        elif field in TEXT_FIELDS or field in ("flagged", "flag_reason", "agency_id"):
            values[field] = value
        else:
            raise ValidationError(f"'{field}' cannot be changed on a chronology entry.")
    if "time" in values:
        with ctx.session() as session:
            entry = session.get(E, entry_id)
            if entry is None:
                raise NotFoundError("That chronology entry no longer exists.")
            values["sequence"] = sequence_for(values["time"], entry.sequence % 1_000_000)
    if values.get("flagged") is False and "flag_reason" not in values:
        values["flag_reason"] = ""
    return apply_fields(ctx, "chronology_entry", entry_id, values, seen=seen)


def add_entry(ctx: AppContext, review_id: int, agency_id: int, changes: dict[str, Any]) -> int:
    """Add an entry by hand; ``changes`` as for ``edit_entry`` ("date" is required)."""
    if not str(changes.get("date", "")).strip():
        raise ValidationError("Give the date of the event (an approximate date is fine).")
    with ctx.session() as session:
        if session.get(Agency, agency_id) is None:
            raise NotFoundError("That agency no longer exists.")
        entry = E(review_id=review_id, agency_id=agency_id, event="")
        session.add(entry)
        session.flush()
        new_id = entry.id
    try:
        edit_entry(ctx, new_id, changes)
    except Exception:
        with ctx.session() as session:
            session.execute(delete(E).where(E.id == new_id))
        raise
    with ctx.session() as session:
        entry = session.get(E, new_id)
        entry.sequence = sequence_for(entry.time, new_id % 1_000_000)
    return new_id


def remove_entry(ctx: AppContext, entry_id: int) -> dict[str, Any]:
    """Delete an entry; returns a snapshot (with its themes and episode links) for undo."""
    with ctx.session() as session:
        entry = session.get(E, entry_id)
        if entry is None:
            raise NotFoundError("That chronology entry no longer exists.")
        snapshot = {c.key: getattr(entry, c.key) for c in inspect(E).column_attrs}
        # Theme tags, episode links, findings' citations: all that goes with the entry.
        snapshot["_rows"] = dependents(session, E.__table__, snapshot)
        session.delete(entry)
        return snapshot


def restore_entry(ctx: AppContext, snapshot: dict[str, Any]) -> int:
    values = {k: v for k, v in snapshot.items() if not k.startswith("_")}
    with ctx.session() as session:
        entry = E(**values)
        session.add(entry)
        session.flush()
        restore_dependents(session, snapshot.get("_rows", []))
        return entry.id


def move_entry(ctx: AppContext, entry_id: int, step: int) -> FieldChange | None:
    """Move an entry before or after its neighbour on the same date; None when it cannot move."""
    with ctx.session() as session:
        entry = session.get(E, entry_id)
        if entry is None:
            raise NotFoundError("That chronology entry no longer exists.")
        same_day = list(
            session.execute(
                select(E.id, E.sequence)
                .where(
                    E.review_id == entry.review_id,
                    E.sort_date.is_(None)
                    if entry.sort_date is None
                    else E.sort_date == entry.sort_date,
                )
                .order_by(E.sequence, E.id)
            )
        )
    ids = [row[0] for row in same_day]
    index = ids.index(entry_id)
    target = index + step
    if not 0 <= target < len(ids):
        return None
    # Place it just beyond the neighbour (between the neighbour and the one after it).
    sequences = [row[1] for row in same_day]
    beyond = target + step
    if 0 <= beyond < len(ids):
        new_sequence = (sequences[target] + sequences[beyond]) / 2
    else:
        new_sequence = sequences[target] + (1 if step > 0 else -1)
    return apply_fields(ctx, "chronology_entry", entry_id, {"sequence": new_sequence})


def set_themes(ctx: AppContext, entry_ids: list[int], theme: str, present: bool) -> None:
    """Tag (or untag) entries with a theme."""
    theme = theme.strip()
    if not theme:
        raise ValidationError("Choose a theme.")
    with ctx.session() as session:
        existing = set(
            session.scalars(
                select(EntryTheme.entry_id).where(
                    EntryTheme.entry_id.in_(entry_ids), EntryTheme.theme == theme
                )
            )
        )
        if present:
            rows = [{"entry_id": i, "theme": theme} for i in entry_ids if i not in existing]
            if rows:
                session.execute(insert(EntryTheme), rows)
        elif existing:
            session.execute(
                delete(EntryTheme).where(
                    EntryTheme.entry_id.in_(existing), EntryTheme.theme == theme
                )
            )


def review_themes(ctx: AppContext, review_id: int) -> list[str]:
    with ctx.session() as session:
        return list(
            session.scalars(
                select(EntryTheme.theme)
                .join(E, E.id == EntryTheme.entry_id)
                .where(E.review_id == review_id)
                .distinct()
                .order_by(EntryTheme.theme)
            )
        )


def analysis_entries(ctx: AppContext, review_id: int) -> list[AnalysisEntry]:
    """What the analysis and the timeline need of every entry, in order."""
    with ctx.session() as session:
        rows = session.execute(
            select(
                E.id,
                Agency.name,
                E.date_start,
                E.date_end,
                E.precision,
                E.recorded,
                E.practitioner,
                E.role,
                E.event_type,
                E.event_type_text,
                E.event,
            )
            .join(Agency, Agency.id == E.agency_id)
            .where(E.review_id == review_id)
            .order_by(E.sort_date.is_(None), E.sort_date, E.sequence, E.id)
        )
        return [AnalysisEntry(*row) for row in rows]
