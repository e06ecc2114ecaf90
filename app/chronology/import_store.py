"""Writing a planned chronology import to the store: all of its sheets in one transaction.

An import adds to the agency's chronology. Only an import of the same source (the same file
name and sheet) replaces the earlier one, and the plan shows what would be removed first.
Written through SQLAlchemy core (one executemany per table), so it works on any engine.
"""

import gc
import json
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from itertools import repeat

from sqlalchemy import Float, func, insert, select

from app.agency_names import agency_key
from app.chronology.file_guard import ImportRefused
from app.chronology.planned_entries import ENTRY_COLUMNS, SLOT, RowNote
from app.context import AppContext
from app.edits import clean_value
from app.errors import NotFoundError
from app.imrs import agency_for_import
from db.audit import rows_not_recorded
from db.base import utcnow
from db.bulk_copy import insert_rows
from db.chronology_models import (
    ChronologyEntry,
    ChronologyImport,
    ColumnMapping,
    EntryTheme,
    EpisodeEntry,
    fill_search_text,
)
from db.models import Agency


@dataclass(frozen=True)
class Replacement:
    import_id: int
    file_name: str
    sheet: str
    imported_at: datetime
    old_count: int
    added: int
    removed: int
    unchanged: int
    removed_examples: tuple[str, ...] = ()  # "date: text" of entries that would go


@dataclass(frozen=True)
class ImportResult:
    import_id: int
    agency_id: int
    imported: int
    flagged: list[RowNote]
    replaced: int
    carried_over: int  # entries whose theme tags and episode links were kept from the old import


def content_key(date_text: str, event: str) -> tuple[str, str]:
    return (" ".join(date_text.split()).casefold(), " ".join(event.split()).casefold())


def earlier_imports(ctx: AppContext, agency_id: int | None) -> list[ChronologyImport]:
    if agency_id is None:
        return []
    with ctx.session() as session:
        return list(
            session.scalars(
                select(ChronologyImport)
                .where(ChronologyImport.agency_id == agency_id)
                .order_by(ChronologyImport.imported_at.desc())
            )
        )


def parts_left_behind(ctx: AppContext, plans: list) -> list[str]:
    """For a file split by agency: the earlier imports of the same file and sheet for agencies
    it no longer names (they stay in the chronology as they were), in words."""
    first = plans[0]
    named = {p.agency_id for p in plans if p.agency_id is not None}
    with ctx.session() as session:
        earlier = session.execute(
            select(Agency.id, Agency.name, ChronologyImport.row_count, ChronologyImport.imported_at)
            .join(Agency, Agency.id == ChronologyImport.agency_id)
            .where(
                ChronologyImport.review_id == first.review_id,
                func.lower(ChronologyImport.file_name) == first.path.name.lower(),
                ChronologyImport.sheet == first.table.sheet,
            )
            .order_by(ChronologyImport.imported_at)
        ).all()
    return [
        f"{name}'s {row_count} entries from the import of this file on {when:%d/%m/%Y} stay in "
        "the chronology as they were: the file no longer names it."
        for agency_id, name, row_count, when in earlier
        if agency_id not in named
    ]


def find_replacement(ctx: AppContext, plan) -> Replacement | None:
    """The earlier import of the same source (same file name and sheet) for this agency."""
    match = next(
        (
            i
            for i in earlier_imports(ctx, plan.agency_id)
            if i.file_name.casefold() == plan.path.name.casefold()
            and (i.sheet or "") == plan.table.sheet
        ),
        None,
    )
    if match is None:
        return None
    with ctx.session() as session:
        old_rows = session.execute(
            select(ChronologyEntry.date_text, ChronologyEntry.event).where(
                ChronologyEntry.import_id == match.id
            )
        ).all()
    old = Counter(content_key(d, e) for d, e in old_rows)
    new = Counter(map(content_key, plan.entries.column("date_text"), plan.entries.column("event")))
    unchanged = sum((old & new).values())
    gone = old - new
    examples = []
    for d, e in old_rows:
        if gone[content_key(d, e)] > 0 and len(examples) < 10:
            gone[content_key(d, e)] -= 1
            text = " ".join(e.split())
            examples.append(f"{d}: {text[:90]}{'…' if len(text) > 90 else ''}")
    return Replacement(
        import_id=match.id,
        file_name=match.file_name,
        sheet=match.sheet or "",
        imported_at=match.imported_at,
        old_count=sum(old.values()),
        added=sum(new.values()) - unchanged,
        removed=sum(old.values()) - unchanged,
        unchanged=unchanged,
        removed_examples=tuple(examples),
    )


def find_duplicate(ctx: AppContext, plan) -> str:
    """A problem when this very content (same bytes, same sheet) is already imported under
    another file name: importing it again would repeat every entry."""
    for earlier in earlier_imports(ctx, plan.agency_id):
        if (
            earlier.sha256 == plan.sha256
            and (earlier.sheet or "") == plan.table.sheet
            and earlier.file_name.casefold() != plan.path.name.casefold()
        ):
            where = f" (sheet '{earlier.sheet}')" if earlier.sheet else ""
            return (
                f"{plan.path.name} is the same file as {earlier.file_name}{where}, imported for "
                f"{plan.agency_name} on {earlier.imported_at:%d/%m/%Y}: importing it again would "
                "repeat its entries. Nothing was imported."
            )
    return ""


@contextmanager
def without_gc() -> Iterator[None]:
    """No cyclic garbage collection while tens of thousands of rows are made: every pass would
    walk them all, again and again (a third of an import's time), and none of them is garbage
    until the import is over.

    What was made meanwhile is then counted as long-lived (freeze and unfreeze move every
    tracked object to the oldest generation) rather than walked once more as young: the
    plan's rows live until the import is written, and are freed by their reference counts."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.freeze()
            gc.unfreeze()
            gc.enable()


def commit_imports(ctx: AppContext, plans: list, *, replace: bool = True) -> list[ImportResult]:
    """Write every planned sheet in one transaction (each replacing its own earlier import)."""
    with without_gc():
        return _commit_imports(ctx, plans, replace)


def _commit_imports(ctx: AppContext, plans: list, replace: bool) -> list[ImportResult]:
    problems = [p for plan in plans for p in plan.problems]
    if problems:
        raise ImportRefused(" ".join(problems))
    if not plans:
        return []
    first = plans[0]
    results = []
    with ctx.session() as session:
        agencies: dict[str, int] = {}  # the plans' agencies (several for a merged chronology)
        for plan in plans:
            key = agency_key(plan.agency_name)
            agency_id = agencies.get(key, plan.agency_id)
            if agency_id is None:  # a new agency comes in the same transaction as its entries
                name = clean_value("agency", "name", plan.agency_name)
                agency_id = agency_for_import(session, plan.review_id, name)
            elif key not in agencies and session.get(Agency, agency_id) is None:
                raise NotFoundError(f"The agency {plan.agency_name} no longer exists.")
            agencies[key] = agency_id
            results.append(_commit_one(session, plan, agency_id, replace))
        if first.agency_column is None:  # a merged file's columns are no one agency's
            for plan in plans if first.agency_from_sheet else [first]:
                _remember_mapping(session, plan)
    return results


def _commit_one(session, plan, agency_id: int, replace: bool) -> ImportResult:
    replaced = carried = 0
    keep_tags: dict[tuple[str, str], tuple[list[str], list[int]]] = {}
    if replace and plan.replaces is not None:
        old_import = session.get(ChronologyImport, plan.replaces.import_id)
        if old_import is not None:
            keep_tags = _tags_of_import(session, old_import.id)
            replaced = plan.replaces.old_count
            session.delete(old_import)  # its entries go with it (ON DELETE CASCADE)
            session.flush()
    batch = ChronologyImport(
        review_id=plan.review_id,
        agency_id=agency_id,
        file_name=plan.path.name[:260],
        sheet=plan.table.sheet[:200],
        sha256=plan.sha256,
        header_row=plan.table.header_row,
        mapping=json.dumps(plan.saved_mapping(), ensure_ascii=False),
        imported_by=plan.actor,
        row_count=len(plan.entries),
        flagged_count=len(plan.flagged),
        report="\n".join(plan.report_lines()),
    )
    session.add(batch)
    session.flush()
    # The import is recorded as one event (file, hash, counts: the batch row above).
    with rows_not_recorded(session):
        _insert_entries(session, plan, agency_id, batch.id)
    if keep_tags:
        carried = _carry_over(session, plan.entries, _entry_ids(session, batch.id), keep_tags)
    return ImportResult(
        batch.id, agency_id, len(plan.entries), list(plan.flagged), replaced, carried
    )


def _insert_entries(session, plan, agency_id: int, import_id: int) -> None:
    """The entries written row by row as they are made, in one pass over the planned columns
    (on PostgreSQL in one COPY); their search text made by the database.

    The statement is compiled by SQLAlchemy for the engine in use, and values pass through the
    dialect's own bind processors, once per distinct value; only the per-row bookkeeping of a
    generic executemany is left out (for 10,000 entries it costs more than the writing itself).
    """
    table = ChronologyEntry.__table__
    given = {"review_id": plan.review_id, "agency_id": agency_id, "import_id": import_id,
             "updated_at": utcnow()}  # fmt: skip
    columns = (*given, *ENTRY_COLUMNS, "source_values")
    connection = session.connection()
    dialect = connection.dialect
    compiled = insert(table).compile(dialect=dialect, column_keys=list(columns))
    names = list(compiled.positiontup) if compiled.positional else list(columns)
    memos: dict = {}  # one per processor: the date columns share their values
    planned = plan.entries.columns
    before = session.scalar(select(func.max(ChronologyEntry.id))) or 0
    values = []  # each column as the engine takes it, made value by value as rows are written
    for name in names:
        if name in given:
            values.append(repeat(_bind(table, name, given[name], dialect)))
            continue
        column = planned[SLOT[name]]
        processor = table.c[name].type._cached_bind_processor(dialect)
        if name == "source_values":
            # (no row keeps a cell beside its fields: every file whose columns were all used)
            column = map(_json_cells, column) if any(column) else repeat("")
        elif processor is not None and not isinstance(table.c[name].type, Float):
            memo = memos.get(processor) or memos.setdefault(
                processor, _DistinctValues(processor, plan.entries.iso)
            )
            column = map(memo.__getitem__, column)
        values.append(column)
    rows = zip(*values)  # noqa: B905 - the constants repeat without end
    insert_rows(connection, compiled.string, names, rows, len(plan.entries))
    fill_search_text(session, import_id, before)


def _json_cells(kept) -> str:
    """The cells kept as imported, as the store holds them (JSON; "" for none)."""
    return json.dumps(kept, ensure_ascii=False) if kept else ""


def _bind(table, name: str, value, dialect):
    processor = table.c[name].type._cached_bind_processor(dialect)
    return value if processor is None else processor(value)


class _DistinctValues(dict):
    """A column's values as the engine takes them, each converted once."""

    def __init__(self, processor, iso: dict | None = None):
        super().__init__({None: None})
        self.processor = processor
        # Where the engine takes a date as ISO text (SQLite), date.isoformat does the same
        # work in C, and the dates' ISO texts made while planning (``iso``) are those.
        try:
            self.iso = processor(_PROBE) == _PROBE.isoformat()
        except (TypeError, ValueError, AttributeError):
            self.iso = False
        if self.iso and iso:
            self.update(iso)

    def __missing__(self, value):
        if self.iso and value.__class__ is date:
            converted = self[value] = value.isoformat()
        else:
            converted = self[value] = self.processor(value)
        return converted


_PROBE = date(2016, 3, 14)


def _entry_ids(session, import_id: int) -> list[int]:
    """The ids of an import's entries, in the order they were written."""
    return list(
        session.scalars(
            select(ChronologyEntry.id)
            .where(ChronologyEntry.import_id == import_id)
            .order_by(ChronologyEntry.id)
        )
    )


def _tags_of_import(session, import_id: int) -> dict[tuple[str, str], tuple[list[str], list[int]]]:
    """Theme tags and episode links of an import's entries, by their content."""
    entries = {
        entry_id: content_key(d, e)
        for entry_id, d, e in session.execute(
            select(ChronologyEntry.id, ChronologyEntry.date_text, ChronologyEntry.event).where(
                ChronologyEntry.import_id == import_id
            )
        )
    }
    tags: dict[tuple[str, str], tuple[list[str], list[int]]] = {}
    for entry_id, theme in session.execute(
        select(EntryTheme.entry_id, EntryTheme.theme).where(EntryTheme.entry_id.in_(entries))
    ):
        tags.setdefault(entries[entry_id], ([], []))[0].append(theme)
    for entry_id, episode_id in session.execute(
        select(EpisodeEntry.entry_id, EpisodeEntry.episode_id).where(
            EpisodeEntry.entry_id.in_(entries)
        )
    ):
        tags.setdefault(entries[entry_id], ([], []))[1].append(episode_id)
    return tags


def _carry_over(session, entries, ids, keep_tags) -> int:
    themes, links, carried = [], [], 0
    keys = map(content_key, entries.column("date_text"), entries.column("event"))
    for key, entry_id in zip(keys, ids, strict=True):
        kept = keep_tags.get(key)
        if kept is None:
            continue
        carried += 1
        themes += [{"entry_id": entry_id, "theme": t} for t in set(kept[0])]
        links += [{"entry_id": entry_id, "episode_id": e} for e in set(kept[1])]
    if themes:
        session.execute(insert(EntryTheme), themes)
    if links:
        session.execute(insert(EpisodeEntry), links)
    return carried


def _remember_mapping(session, plan) -> None:
    key = agency_key(plan.agency_name)[:200]
    older = plan.agency_name.strip().casefold()[:200]  # the key a store made before
    saved = session.scalar(
        select(ColumnMapping)
        .where(ColumnMapping.agency_key.in_({key, older}))
        .order_by((ColumnMapping.agency_key == key).desc())
        .limit(1)
    )
    text = json.dumps(plan.saved_mapping(), ensure_ascii=False)
    if saved is None:
        session.add(ColumnMapping(agency_key=key, mapping=text))
    else:
        saved.mapping = text
        if (
            saved.agency_key != key
            and session.scalar(select(ColumnMapping.id).where(ColumnMapping.agency_key == key))
            is None
        ):
            saved.agency_key = key
