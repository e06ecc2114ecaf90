"""What every part of the analysis shares: the entries sorted once, and small date helpers."""

import gc
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from operator import itemgetter
from typing import TypeVar

from app.chronology.types import AnalysisEntry

Report = TypeVar("Report")


@contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic garbage collection while building many small objects that hold no cycles:
    otherwise collections triggered by the allocations walk the whole heap again and again."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def iso(d: date | None) -> str | None:
    return d.isoformat() if d is not None else None


def day(ordinal: int) -> date:
    return date.fromordinal(ordinal)


class Prepared:
    """Dated entries as (start ordinal, end ordinal, entry) sorted by date, grouped by agency."""

    def __init__(self, entries: Iterable[AnalysisEntry]):
        spans: list[tuple[int, int, AnalysisEntry]] = []
        undated: list[AnalysisEntry] = []
        for e in entries:
            if e.start is None or e.precision == "unknown":
                undated.append(e)
                continue
            s = e.start.toordinal()
            end = e.end.toordinal() if e.end is not None else s
            spans.append((s, end if end >= s else s, e))
        spans.sort(key=itemgetter(0, 1))  # stable: same-day entries keep their given order
        self.spans = spans
        self.undated = undated
        self.by_agency: dict[str, list[tuple[int, int, AnalysisEntry]]] = {}
        for span in spans:
            self.by_agency.setdefault(span[2].agency, []).append(span)


def agency_key(name: str) -> tuple[str, str]:
    return (name.casefold(), name)


def run_part(part: Callable[..., Report], entries: Iterable[AnalysisEntry], *args) -> Report:
    """`part(Prepared(entries), *args)`, with cyclic garbage collection paused throughout."""
    with gc_paused():
        return part(Prepared(entries), *args)
