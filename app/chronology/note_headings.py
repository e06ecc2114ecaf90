"""A dated note's heading line taken apart: case systems print each note under a line
"14/03/2016 10:32 – Home visit – Sam Ellery" (or "... | Home visit | Sam Ellery", "... • Home
visit • Sam Ellery") with its text under it. The date (and time) are the entry's already; the
short parts after them, between dashes, pipes or bullets, are its type and its worker when, note
after note, each part stands in the same place and reads as one: a type repeats across the
notes or is a known type, a worker reads as a name (or a role). Any part that reads as neither
leaves every heading line as it was, in the note's text."""

import re
from typing import Any

from app.chronology.columns import _OFFICER, _is_name
from app.chronology.dates import parse_time
from app.chronology.event_types import normalise_event_type

# Between a heading line's parts: a dash with spaces round it, a pipe, a bullet or a middle dot.
_BETWEEN = re.compile(r"\s+[-\u2013\u2014]\s+|\s*[|\u2022\u00b7\u25aa]\s*")
_LEAD = re.compile(r"^\s*(?:[-\u2013\u2014]\s+|[|\u2022\u00b7\u25aa]\s*)")


def _parts(line: str) -> list[str] | None:
    """The short parts of a heading line (at least two), or None when it is not one."""
    parts = [p.strip() for p in _BETWEEN.split(_LEAD.sub("", line))]
    if len(parts) < 2 or not all(parts):
        return None
    for part in parts:
        if len(part) > 50 or len(part.split()) > 6 or part[-1] in ".;:,!?":
            return None
    return parts


def _kind(values: list[str]) -> str:
    """What a place of the heading lines holds: "time", "type", "worker" or ""."""
    count = len(values)
    if all(parse_time(v) for v in values):
        return "time"
    typed = sum(1 for v in values if normalise_event_type(v))
    named = sum(1 for v in values if _is_name(v) or _OFFICER.fullmatch(v))
    distinct = len({v.casefold() for v in values})
    if typed >= 0.6 * count and typed >= named:
        return "type"
    if named >= 0.8 * count:
        return "worker"
    if distinct <= 0.6 * count:
        return "type"
    return ""


_HEADINGS = {"time": "Time", "type": "Type", "worker": "Worker"}


def split_note_headings(rows: list[list[Any]]) -> tuple[list[list[Any]], str]:
    """``rows`` (["Date", "Entry"] then an entry a row) with the heading line over each note
    taken apart into Time, Type, Worker (Role) columns before the Entry, and a note saying so;
    the rows as they were and "" when the notes are not headed so."""
    entries = rows[1:]
    split: list[tuple[list[str], str] | None] = []
    for _date, text in entries:
        first, _, rest = str(text).partition("\n")
        parts = _parts(first) if rest.strip() else None
        if parts is None and rest.strip() and _LABELLED.match(rest):
            # one part alone ("Home visit") over a labelled line ("Recorded by: ..."): minutes'
            # heading of an item, read as a type if, note after note, it reads as one
            parts = [first.strip()] if _parts(f"{first} - x") else None
        split.append((parts, rest) if parts else None)
    headed = [s for s in split if s]
    if len(entries) < 3 or len(headed) < 0.8 * len(entries):
        return rows, ""
    sizes = [len(parts) for parts, _rest in headed]
    size = max(set(sizes), key=sizes.count)
    if sizes.count(size) < 0.8 * len(entries):
        return rows, ""
    places = [[parts[j] for parts, _rest in headed if len(parts) == size] for j in range(size)]
    kinds = [_kind(values) for values in places]
    if "" in kinds or kinds.count("time") > 1 or kinds.count("type") > 1:
        return rows, ""
    if "type" not in kinds and "worker" not in kinds:
        return rows, ""
    if size == 1 and kinds != ["type"]:
        return rows, ""
    headings, workers = [], 0
    for kind in kinds:
        if kind == "worker":
            workers += 1
            headings.append("Worker" if workers == 1 else "Role")
        else:
            headings.append(_HEADINGS[kind])
    if workers > 2:
        return rows, ""
    out: list[list[Any]] = [[rows[0][0], *headings, rows[0][1]]]
    for (date, text), found in zip(entries, split, strict=True):
        if found and len(found[0]) == size:
            out.append([date, *found[0], found[1].strip("\n")])
        else:
            out.append([date, *([""] * size), text])
    taken = ", ".join(h.lower() for h in headings)
    note = (
        f"Each entry's first line (its date, then {taken} between dashes, pipes or bullets) "
        "is taken apart into those columns; the text under it is the entry."
    )
    labelled = _labelled_heads(out)
    if len(labelled[0]) > len(out[0]):
        note += (
            f" The labelled line under it ({labelled[0][-2].lower()}) is taken into a column "
            "of its own."
        )
    return labelled, note


# A labelled line at the head of a note: "Recorded by: Sam Ellery", "Worker: ...".
_LABELLED = re.compile(r"\s*(?P<label>[A-Z][A-Za-z' /]{1,24}):[ \t]+(?P<value>[^\n]{1,60})(?:\n|$)")
_SHORT_FIELDS = {"practitioner": "Worker", "role": "Role", "event_type": "Type"}


def _labelled_heads(rows: list[list[Any]]) -> list[list[Any]]:
    """``rows`` (headings, then an entry a row, its text last) with a labelled line heading
    each note ("Recorded by: Sam Ellery") taken into a column of its own, when nearly every
    note (four in five) starts with the same label and the label names a worker, a role or a
    type; the rows as they were otherwise."""
    from app.chronology.mapping import guess_mapping

    entries = rows[1:]
    found = [_LABELLED.match(str(row[-1])) for row in entries]
    labels = [m["label"].casefold() for m in found if m]
    if len(entries) < 3 or not labels:
        return rows
    label = max(set(labels), key=labels.count)
    if labels.count(label) < 0.8 * len(entries):
        return rows
    field = next(iter(guess_mapping([label])), "")
    if field not in _SHORT_FIELDS or _SHORT_FIELDS[field] in rows[0]:
        return rows
    out = [[*rows[0][:-1], _SHORT_FIELDS[field], rows[0][-1]]]
    for row, m in zip(entries, found, strict=True):
        if m and m["label"].casefold() == label:
            out.append([*row[:-1], m["value"].strip(), str(row[-1])[m.end() :].strip("\n")])
        else:
            out.append([*row[:-1], "", row[-1]])
    return out
