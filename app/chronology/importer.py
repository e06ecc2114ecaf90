"""Importing an agency's chronology: plan first (nothing written), then commit in one go.

Nothing typed by an agency is dropped: a row whose date cannot be read is imported and flagged;
an undated row under a dated one is a continuation and its text joins the entry above; every
cell of every row is kept as imported, with its file, sheet and row number.
"""

import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, time
from operator import itemgetter
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select

from app.chronology.dates import parse_date, parse_time
from app.chronology.entries import sequence_for
from app.chronology.event_types import normalise_event_type
from app.chronology.mapping import guess_mapping, mapping_problems
from app.chronology.reading import ImportRefused, file_fingerprint, read_table
from app.chronology.types import MAPPABLE_FIELDS, SheetTable
from app.context import AppContext
from app.errors import NotFoundError
from app.imrs import add_agency, find_agency
from db.base import utcnow
from db.chronology_models import (
    ChronologyEntry,
    ChronologyImport,
    ChronologySearch,
    ColumnMapping,
    EntryTheme,
    EpisodeEntry,
    search_text,
)
from db.models import Agency, Review

# Fields whose content makes an undated row an entry of its own rather than a continuation.
_OWN_ENTRY_FIELDS = ("practitioner", "role", "event_type", "source", "recorded", "time")
_TEXT_FIELDS = ("source", "practitioner", "role", "subjects", "event", "outcome", "significance")


@dataclass(frozen=True)
class RowNote:
    row: int
    reason: str


@dataclass(frozen=True)
class Replacement:
    import_id: int
    file_name: str
    imported_at: datetime
    old_count: int
    added: int
    removed: int
    unchanged: int


@dataclass
class ImportPlan:
    review_id: int
    agency_name: str
    agency_id: int | None  # None: the agency is added to the review on commit
    path: Path
    sha256: str
    table: SheetTable
    mapping: dict[str, int]  # field -> column index
    mapping_source: str  # "given", "remembered" or "guessed"
    entries: list[dict[str, Any]] = field(default_factory=list)
    flagged: list[RowNote] = field(default_factory=list)
    continuations: list[RowNote] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # block the import until fixed
    replaces: Replacement | None = None

    @property
    def can_commit(self) -> bool:
        return not self.problems

    def mapping_by_header(self) -> dict[str, str]:
        return {f: self.table.headers[i] for f, i in self.mapping.items()}

    def report_lines(self) -> list[str]:
        lines = list(self.table.notes)
        lines.append(f"{len(self.entries)} entries from {len(self.table.rows)} rows.")
        lines += [f"Row {n.row}: {n.reason}" for n in self.continuations]
        lines += [f"Row {n.row}: flagged: {n.reason}" for n in self.flagged]
        return lines


@dataclass(frozen=True)
class ImportResult:
    import_id: int
    agency_id: int
    imported: int
    flagged: list[RowNote]
    replaced: int
    carried_over: int  # entries whose theme tags and episode links were kept from the old import


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


def _json_cell(value: Any) -> Any:
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    return cell_text(value)


# Mapping ---------------------------------------------------------------------------------


def _header_key(text: str) -> str:
    return " ".join(text.casefold().split())


def remembered_mapping(ctx: AppContext, agency_name: str) -> dict[str, str] | None:
    with ctx.session() as session:
        saved = session.scalar(
            select(ColumnMapping.mapping).where(
                ColumnMapping.agency_key == agency_name.strip().casefold()
            )
        )
    return json.loads(saved) if saved else None


def mapping_to_indices(headers: list[str], by_header: dict[str, str]) -> dict[str, int]:
    """A field -> header-name mapping applied to this file's headers (missing ones dropped)."""
    positions = {_header_key(h): i for i, h in enumerate(headers)}
    result = {}
    for field_name, header in by_header.items():
        if field_name in MAPPABLE_FIELDS and _header_key(header) in positions:
            result[field_name] = positions[_header_key(header)]
    return result


def _choose_mapping(ctx, agency_name, table, given) -> tuple[dict[str, int], str]:
    if given is not None:
        return mapping_to_indices(table.headers, given), "given"
    guessed = guess_mapping(table.headers)
    saved = remembered_mapping(ctx, agency_name)
    if saved:
        remembered = mapping_to_indices(table.headers, saved)
        if remembered:
            # Columns the agency has added since are still guessed.
            used = set(remembered.values())
            for f, i in guessed.items():
                if f not in remembered and i not in used:
                    remembered[f] = i
            return remembered, "remembered"
    return guessed, "guessed"


# Planning --------------------------------------------------------------------------------


def plan_import(
    ctx: AppContext,
    review_id: int,
    agency_name: str,
    path: Path | str,
    *,
    sheet: str | None = None,
    mapping: dict[str, str] | None = None,
) -> ImportPlan:
    """Read the file and work out what importing it would do. Writes nothing.

    ``mapping`` (field -> header name) overrides the remembered or guessed one.
    Raises ``ImportRefused`` for a file that cannot or must not be read.
    """
    path = Path(path)
    agency_name = agency_name.strip()
    if not agency_name:
        raise ImportRefused("Give the name of the agency this chronology comes from.")
    with ctx.session() as session:
        if session.get(Review, review_id) is None:
            raise NotFoundError("That review no longer exists.")
    table = read_table(path, sheet)
    chosen, source = _choose_mapping(ctx, agency_name, table, mapping)
    plan = ImportPlan(
        review_id=review_id,
        agency_name=agency_name,
        agency_id=find_agency(ctx, review_id, agency_name),
        path=path,
        sha256=file_fingerprint(path),
        table=table,
        mapping=chosen,
        mapping_source=source,
    )
    plan.problems = mapping_problems(chosen)
    if plan.problems:
        return plan
    _build_entries(plan, ctx.today())
    plan.replaces = _find_replacement(ctx, plan)
    return plan


def _build_entries(plan: ImportPlan, today: date) -> None:
    """One tight pass over the rows (10,000 rows must cost little more than reading them)."""
    table = plan.table
    headers = table.headers
    width = len(headers)
    mapping = plan.mapping
    # Text fields are copied as written; date, time and date recorded are read separately.
    text_fields = [(f, i) for f, i in mapping.items() if f not in ("date", "time", "recorded")]
    mapped = set(mapping.values())
    unmapped = [i for i in range(width) if i not in mapped]
    date_col = mapping["date"]
    time_col = mapping.get("time")
    recorded_col = mapping.get("recorded")
    own_cols = [mapping[f] for f in _OWN_ENTRY_FIELDS if f in mapping]
    empty_texts = dict.fromkeys(_TEXT_FIELDS, "")
    previous: dict[str, Any] | None = None
    for row_no, cells in table.rows:
        if len(cells) < width:
            cells = list(cells) + [None] * (width - len(cells))
        texts = dict(empty_texts)
        texts["event_type"] = ""
        for f, i in text_fields:
            value = cells[i]
            texts[f] = value if value.__class__ is str else cell_text(value)
        raw_date = cells[date_col]
        if (
            previous is not None
            and not _has_content(raw_date)
            and not any(_has_content(cells[i]) for i in own_cols)
        ):
            _attach(previous, texts, cells, unmapped, headers, row_no)
            plan.continuations.append(
                RowNote(
                    row_no,
                    f"no date: its text was added to the entry above (row {previous['source_row']})",
                )
            )
            continue
        reasons: list[str] = []
        parsed = parse_date(raw_date, today=today)
        if parsed.precision == "unknown":
            reasons.append(parsed.problem or "the date could not be read")
        time_text = parsed.time
        if time_col is not None and _has_content(cells[time_col]):
            time_text = parse_time(cells[time_col]) or time_text
            if not time_text:
                reasons.append(f"the time '{cell_text(cells[time_col])}' could not be read")
        recorded = None
        recorded_text = ""
        if recorded_col is not None and _has_content(cells[recorded_col]):
            parsed_recorded = parse_date(cells[recorded_col], today=today)
            recorded_text = parsed_recorded.text
            if parsed_recorded.precision == "day":
                recorded = parsed_recorded.start
            else:
                reasons.append(f"the date recorded '{recorded_text}' could not be read as a day")
        type_text = texts["event_type"]
        # Cells already held in a mapped field are not copied again; the rest are kept.
        others = {headers[i]: _json_cell(cells[i]) for i in unmapped if _has_content(cells[i])}
        entry = {
            "date_text": parsed.text if parsed.precision != "unknown" else cell_text(raw_date),
            "precision": parsed.precision,
            "granularity": parsed.granularity,
            "date_start": parsed.start,
            "date_end": parsed.end,
            "sort_date": parsed.start,
            "time": time_text,
            "sequence": sequence_for(time_text, row_no) if time_text else float(row_no),
            "recorded": recorded,
            "recorded_text": recorded_text,
            "event_type": normalise_event_type(type_text) if type_text.strip() else "",
            "event_type_text": type_text,
            "flagged": bool(reasons),
            "flag_reason": "; ".join(reasons),
            "source_row": row_no,
            "source_values": [{"row": row_no, "values": others}] if others else [],
        }
        for f in _TEXT_FIELDS:
            entry[f] = texts[f]
        if reasons:
            plan.flagged.append(RowNote(row_no, entry["flag_reason"]))
        plan.entries.append(entry)
        previous = entry


def _has_content(value: Any) -> bool:
    return value is not None and not (value.__class__ is str and not value.strip())


def _attach(previous, texts, cells, unmapped, headers, row_no) -> None:
    """A continuation row: its text joins the entry above, field by field; the whole row is
    kept with the entry as imported."""
    for f in ("event", "outcome", "significance", "subjects"):
        extra = texts.get(f, "")
        if extra.strip():
            previous[f] = f"{previous[f]}\n{extra}" if previous[f] else extra
    loose = [cell_text(cells[i]) for i in unmapped if _has_content(cells[i])]
    if loose:
        joined = " · ".join(loose)
        previous["event"] = f"{previous['event']}\n{joined}" if previous["event"] else joined
    whole = {h: _json_cell(v) for h, v in zip(headers, cells, strict=False) if _has_content(v)}
    previous["source_values"].append({"row": row_no, "values": whole})


def _content_key(date_text: str, event: str) -> tuple[str, str]:
    return (" ".join(date_text.split()).casefold(), " ".join(event.split()).casefold())


def _find_replacement(ctx: AppContext, plan: ImportPlan) -> Replacement | None:
    """An earlier import of the same file (by name or by content) for the same agency."""
    if plan.agency_id is None:
        return None
    with ctx.session() as session:
        earlier = session.scalars(
            select(ChronologyImport)
            .where(ChronologyImport.agency_id == plan.agency_id)
            .order_by(ChronologyImport.imported_at.desc())
        ).all()
        match = next(
            (
                i
                for i in earlier
                if i.file_name.casefold() == plan.path.name.casefold() or i.sha256 == plan.sha256
            ),
            None,
        )
        if match is None:
            return None
        old = Counter(
            _content_key(d, e)
            for d, e in session.execute(
                select(ChronologyEntry.date_text, ChronologyEntry.event).where(
                    ChronologyEntry.import_id == match.id
                )
            )
        )
    new = Counter(_content_key(e["date_text"], e["event"]) for e in plan.entries)
    unchanged = sum((old & new).values())
    return Replacement(
        import_id=match.id,
        file_name=match.file_name,
        imported_at=match.imported_at,
        old_count=sum(old.values()),
        added=sum(new.values()) - unchanged,
        removed=sum(old.values()) - unchanged,
        unchanged=unchanged,
    )


# Committing ------------------------------------------------------------------------------


def commit_import(ctx: AppContext, plan: ImportPlan, *, replace: bool = True) -> ImportResult:
    """Write the planned entries in one transaction (replacing the earlier import if asked)."""
    if not plan.can_commit:
        raise ImportRefused(" ".join(plan.problems))
    agency_id = plan.agency_id
    if agency_id is None:
        add_agency(ctx, plan.review_id, plan.agency_name)
        agency_id = find_agency(ctx, plan.review_id, plan.agency_name)
    replaced = carried = 0
    with ctx.session() as session:
        if session.get(Agency, agency_id) is None:
            raise NotFoundError("That agency no longer exists.")
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
            mapping=json.dumps(plan.mapping_by_header(), ensure_ascii=False),
            imported_by=ctx.actor,
            row_count=len(plan.entries),
            flagged_count=len(plan.flagged),
            report="\n".join(plan.report_lines()),
        )
        session.add(batch)
        session.flush()
        ids = _insert_entries(session, plan, agency_id, batch.id)
        if keep_tags:
            carried = _carry_over(session, plan.entries, ids, keep_tags)
        _remember_mapping(session, plan)
        return ImportResult(batch.id, agency_id, len(ids), list(plan.flagged), replaced, carried)


_FIXED_COLUMNS = ("review_id", "agency_id", "import_id", "updated_at")
_ENTRY_COLUMNS = (
    "date_text", "precision", "granularity", "date_start", "date_end", "time", "sort_date",
    "sequence", "recorded", "recorded_text", "source", "practitioner", "role", "subjects",
    "event_type", "event_type_text", "event", "outcome", "significance", "flagged",
    "flag_reason", "source_row",
)  # fmt: skip
_pick = itemgetter(*_ENTRY_COLUMNS)


def _insert_entries(session, plan: ImportPlan, agency_id: int, import_id: int) -> list[int]:
    """One Core executemany (the ORM's per-row work costs more than the writing itself for
    10,000 rows); returns the new ids in the entries' order."""
    fixed = dict(zip(_FIXED_COLUMNS, (plan.review_id, agency_id, import_id, utcnow()), strict=True))
    dumps = json.dumps
    rows = [
        {
            **fixed,
            **dict(zip(_ENTRY_COLUMNS, _pick(e), strict=True)),
            "source_values": dumps(e["source_values"], ensure_ascii=False)
            if e["source_values"]
            else "",
        }
        for e in plan.entries
    ]
    if not rows:
        return []
    session.execute(insert(ChronologyEntry.__table__), rows)
    ids = list(
        session.scalars(
            select(ChronologyEntry.id)
            .where(ChronologyEntry.import_id == import_id)
            .order_by(ChronologyEntry.id)
        )
    )
    session.execute(
        insert(ChronologySearch.__table__),
        [
            {"entry_id": entry_id, "review_id": plan.review_id, "text": search_text(entry)}
            for entry_id, entry in zip(ids, plan.entries, strict=True)
        ],
    )
    return ids


def _tags_of_import(session, import_id: int) -> dict[tuple[str, str], tuple[list[str], list[int]]]:
    """Theme tags and episode links of an import's entries, by their content."""
    entries = {
        entry_id: _content_key(d, e)
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
    for entry, entry_id in zip(entries, ids, strict=True):
        kept = keep_tags.get(_content_key(entry["date_text"], entry["event"]))
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


def _remember_mapping(session, plan: ImportPlan) -> None:
    key = plan.agency_name.casefold()[:200]
    saved = session.scalar(select(ColumnMapping).where(ColumnMapping.agency_key == key))
    text = json.dumps(plan.mapping_by_header(), ensure_ascii=False)
    if saved is None:
        session.add(ColumnMapping(agency_key=key, mapping=text))
    else:
        saved.mapping = text


def import_chronology(
    ctx: AppContext,
    review_id: int,
    agency_name: str,
    path: Path | str,
    *,
    sheet: str | None = None,
    mapping: dict[str, str] | None = None,
) -> ImportResult:
    """Plan and commit in one call (the command line's way)."""
    plan = plan_import(ctx, review_id, agency_name, path, sheet=sheet, mapping=mapping)
    return commit_import(ctx, plan)
