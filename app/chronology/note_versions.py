"""An audit trail's versions of one record: a case system's report listing every saved
version of a note (Note ID, Version, ...). The chronology is each record's latest version;
the earlier ones are left out, each named with the version that replaced it."""

from __future__ import annotations

import re
from typing import Any

from app.chronology.layout import LeftOut

_VERSION = re.compile(r"(?i)^(?:version|revision|ver|rev)(?:\s*(?:no\.?|number|#))?$")
_IDENTITY = re.compile(r"(?i)(?:\bid\b|\bref(?:erence)?\b|\bno\.?$|\bnumber\b|\bkey\b)")
_NUMBER = re.compile(r"(?i)^v?(\d{1,4})(?:\.0)?$")


def _number(value: Any) -> int | None:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return int(value) if float(value).is_integer() else None
    found = _NUMBER.match(str(value or "").strip())
    return int(found.group(1)) if found else None


def latest_versions(
    headers: list[str], rows: list[tuple[int, list[Any]]]
) -> tuple[list[tuple[int, list[Any]]], list[LeftOut], list[str]]:
    """(rows kept, rows left out, notes): with a column headed Version (or Revision) of whole
    numbers and a column of record numbers repeated where the version is above one, only the
    highest version of each record is kept."""
    version_at = next((i for i, h in enumerate(headers) if _VERSION.match(h.strip())), None)
    if version_at is None or len(rows) < 2:
        return rows, [], []
    versions = [_number(cells[version_at]) if version_at < len(cells) else None
                for _n, cells in rows]  # fmt: skip
    if None in versions or max(versions) < 2:
        return rows, [], []
    for at, heading in enumerate(headers):
        if at == version_at or not _IDENTITY.search(heading):
            continue
        keys = [str(cells[at]).strip() if at < len(cells) and cells[at] is not None else ""
                for _n, cells in rows]  # fmt: skip
        if "" in keys:
            continue
        latest: dict[str, int] = {}
        for key, version in zip(keys, versions, strict=True):
            latest[key] = max(latest.get(key, 0), version)
        pairs = list(zip(keys, versions, strict=True))
        if len(set(pairs)) < len(pairs) or len(latest) == len(keys):
            continue  # a version given twice, or every record once: not an audit trail
        kept, left_out = [], []
        for (number, cells), key, version in zip(rows, keys, versions, strict=True):
            if version == latest[key]:
                kept.append((number, cells))
            else:
                text = " | ".join(str(c) for c in cells if c not in (None, ""))
                left_out.append(LeftOut(number, f"an earlier version ({version}) of {heading} "
                                        f"{key}: version {latest[key]} is the entry", text))  # fmt: skip
        note = (
            f"{len(left_out)} row(s) are earlier versions of a record (the same {heading}, a "
            f"lower {headers[version_at]}): each record's latest version is imported; the "
            "earlier ones are listed as left out."
        )
        return kept, left_out, [note]
    return rows, [], []
