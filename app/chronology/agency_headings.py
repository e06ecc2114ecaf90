"""A chronology combined from several agencies as one table split into agencies by a row
across it naming the agency above its entries (a multi-agency review's combined chronology, an
IMR template with a part for each service): the agency each row stands under made a column of
its own, so that each entry is sent to its agency's chronology as a column naming it would."""

import re
from typing import Any

from app.chronology.agency_rows import _HEADING as _AGENCY_HEADING
from app.chronology.mapping import normalise_header

# Words that name an agency, in English and Welsh: a heading across the table that holds one
# names an agency, not a period, a person or a kind of contact. Words any team is named by
# ("team", "service") are not among them: a single agency's table split by its own teams
# stays that agency's.
_AGENCY_WORDS = re.compile(
    r"\b(?:police|constabulary|health|nhs|trust|hospital|clinic|school|academy|college|education|"
    r"nursery|council|social (?:care|services|work)|children'?s services|early help|"
    r"probation|housing|ambulance|gp|general practice|surgery|cafcass|youth (?:justice|"
    r"offending)|agency|local authority|"
    r"heddlu|ysgol|cyngor|iechyd|bwrdd iechyd|gofal cymdeithasol)\b",
    re.IGNORECASE,
)
_MOST_WORDS = 10


def _text(value: Any) -> str:
    return " ".join(value.split()) if value.__class__ is str else ""


def agency_heading_rows(
    rows: list[list[Any]],
) -> tuple[list[list[Any]], str, dict[int, int]] | None:
    """``rows`` (a document's, its header among the first) with the rows across the table that
    name an agency taken out and an "Agency" column added, each row naming the agency it
    stands under (the rows above the first such heading naming none); what to say of it; and
    each row kept's new place.
    None when the table is not so split: two agencies or more, each heading a row of one cell
    of a few words naming a service, with entries under it, and no column naming agencies
    already. Looked at only when some row holds one cell in a table of three columns or more
    (the common case: one pass over the rows' counts)."""
    if len(rows) < 4:
        return None
    width = max(map(len, rows))
    if width < 3:
        return None
    single = [
        r for r, row in enumerate(rows)
        if sum(1 for v in row if v not in ("", None)) == 1 and row[0] not in ("", None)
    ]  # fmt: skip
    if len(single) < 2:
        return None
    from app.chronology.layout import is_date_like

    header = next(
        (r for r, row in enumerate(rows) if sum(1 for v in row if v not in ("", None)) >= 3), None
    )
    if header is None or any(
        _AGENCY_HEADING.fullmatch(normalise_header(_text(v))) for v in rows[header] if _text(v)
    ):
        return None
    headings, named = {}, set()
    for r in single:
        text = _text(rows[r][0])
        if (
            r > header
            and len(text.split()) <= _MOST_WORDS
            and not is_date_like(rows[r][0])
            and r + 1 < len(rows)
            and any(is_date_like(v) for v in rows[r + 1])
        ):
            headings[r] = text.rstrip(":")
            if _AGENCY_WORDS.search(text):
                named.add(text.casefold())
    # two of them naming agencies say what the others are too ("Education" beside "Police")
    if len(named) < 2:
        return None
    out: list[list[Any]] = []
    placed: dict[int, int] = {}
    current = ""
    for r, row in enumerate(rows):
        if r in headings:
            current = headings[r]
            continue
        placed[r] = len(out)
        cells = list(row) + [""] * (width - len(row))
        if r == header:
            out.append([*cells, "Agency"])
        elif r < header:
            out.append([*cells, ""])
        else:
            out.append([*cells, current])
    names = list(dict.fromkeys(headings.values()))
    shown = ", ".join(f"\u201c{n}\u201d" for n in names[:8]) + (", …" if len(names) > 8 else "")
    said = (
        f"The table is split into agencies by {len(headings)} rows across it naming each "
        f"({shown}): each entry is read as the agency's it stands under."
    )
    return out, said, placed
