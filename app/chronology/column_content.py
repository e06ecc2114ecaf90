"""Fields found by what a column's cells hold when its heading is one ReviewDesk does not know:
people's names are the practitioners, kinds of contact are the event type."""

import re

from app.chronology.columns import _NOT_NARRATIVE, PROFILE_ROWS

_AGENT = re.compile(r"\b(?:by|who|whom)\b", re.I)
# Headings naming the agency or a place: never the type, whatever the cells hold.
_PLACE_OR_AGENCY = re.compile(
    r"\b(?:agency|organisation|organization|address|location|venue|place|site|postcode|school"
    r"|ward|establishment|area|team)\b",
    re.I,
)


def practitioner_by_names(profiles, scores, total: int, take, dated: int | None = None) -> None:
    """A column of people's names under a heading ReviewDesk does not know ("By whom",
    "Carried out by"): several different names down it are the practitioners. When entries
    run over several rows (a log wrapped line by line), the names stand on the ``dated`` rows
    that begin them, and are counted against those."""
    headerless = all(p.heading.startswith("Column ") for p in profiles)
    total = min(total, dated or total)
    found = []
    for p in profiles:
        asks_who = _AGENT.search(p.heading)
        if (
            scores[p.index]
            # "Who made the contact": the heading asks who, its other word only a hint
            and not (asks_who and max(scores[p.index].values()) < 1000)
            or p.heading.startswith("Column ")
            and not headerless
            or _NOT_NARRATIVE.search(p.heading)
            or p.filled < 0.5 * total
            or p.share(p.names) < 0.8
            or p.mean_words > 4
            or p.distinct < 2
        ):
            continue
        # Full names ("Sam Ellery") before single capitalised words ("Attended", "DNA"), a
        # heading asking who before another; then the first such column.
        found.append((p.mean_words >= 1.5, bool(asks_who), -p.index, p))
    if found:
        _full, asks_who, _at, p = max(found, key=lambda f: f[:3])
        why = f"names of people ({p.distinct} different)"
        if asks_who:
            why += f", and its heading '{p.heading}' asks who"
        take("practitioner", p.index, why)


def known_types(rows, index: int) -> float:
    """The share of the column's distinct values that are kinds of contact ReviewDesk knows
    (Home visit, Telephone call, Strategy meeting...)."""
    from app.chronology.event_types import normalise_event_type

    values = {str(c[index]).strip() for _n, c in rows[:PROFILE_ROWS] if index < len(c)}
    values.discard("")
    values.discard("None")
    return sum(1 for v in values if normalise_event_type(v)) / max(len(values), 1)


def type_by_values(profiles, scores, rows, total: int, taken: set[int], take) -> None:
    """A column under a heading ReviewDesk does not know ("Math") holding short values that
    are kinds of contact ReviewDesk knows (Home visit, Telephone call), or a few short values
    repeated down it, is the event type."""
    best = None
    headerless = all(p.heading.startswith("Column ") for p in profiles)
    for p in profiles:
        if (
            p.index in taken
            or scores[p.index]
            or p.sessions
            or p.heading.startswith("Column ")
            and not headerless
            or _PLACE_OR_AGENCY.search(p.heading)
            or p.filled < 0.5 * total
            or p.mean_words > 4
            or p.distinct < 2
            or p.share(p.names) >= 0.5
            or p.share(p.dates) + p.share(p.yes_no) + p.share(p.numbers) + p.share(p.identifiers)
            >= 0.5
        ):
            continue
        known = known_types(rows, p.index)
        if known < 0.6 and p.distinct_ratio > 0.5 and not p.ordinary_words:
            continue
        if known < 0.75 and _NOT_NARRATIVE.search(p.heading):
            continue  # "Service", "Category": the type only when its values say so plainly
        key = (known, -p.distinct_ratio)
        if best is None or key > best[0]:
            best = (key, p, known)
    if best is not None:
        _key, p, known = best
        why = (
            "kinds of contact ReviewDesk knows"
            if known >= 0.6
            else "single ordinary words (not names of people)"
            if p.ordinary_words
            else "a few short values"
        )
        take("event_type", p.index, f"{why} repeated down the column ({p.distinct} different)")


def finer_type(rows, columns: list[int]) -> int | None:
    """Of columns all headed as the type ("Entry Type", "Sub Type"), the one whose values
    refine another's: each of its values always stands beside the same value of the other
    (Home visit and Telephone call under Contact), and it has more of them. The entry's type
    is the finer one; None when no column refines another."""
    for fine in columns:
        for broad in columns:
            if fine == broad:
                continue
            pairs: dict[str, set[str]] = {}
            for _n, cells in rows[:PROFILE_ROWS]:
                if max(fine, broad) < len(cells) and cells[fine] and cells[broad]:
                    pairs.setdefault(str(cells[fine]).strip(), set()).add(str(cells[broad]))
            broad_values = set().union(*pairs.values()) if pairs else set()
            if len(pairs) > len(broad_values) >= 1 and all(len(v) == 1 for v in pairs.values()):
                return fine
    return None
