"""Whether a file writes its dates day first (UK, 14/03/2016) or month first (US, 03/14/2016),
decided from the evidence of all its dates, never from one value alone."""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from itertools import chain

from app.chronology.date_forms import (
    WEEK_ENDING_PREFIX,
    WEEK_PREFIX,
    WEEKDAY_PREFIX,
    compact_pairs,
    weekday_named,
)

_NUMERIC = re.compile(r"(\d{1,2})([/.\-])(\d{1,2})\2(\d{4}|\d{2})(?!\d)")
ORDERS = ("dmy", "mdy")
ORDER_NAMES = {"dmy": "day first (day/month/year)", "mdy": "month first (month/day/year)"}


@dataclass(frozen=True)
class DateOrder:
    order: str  # "dmy" or "mdy"
    reason: str  # why, in plain words ("" when the file has no numeric dates to decide)
    decided_by: str  # "given", "evidence", "heading", "weekday", "sequence", "default", "none"
    contradicted: bool = False  # some dates can only be read the other way round


_EVIDENCE = frozenset({str, float, int})  # the kinds of cell a date order is read from


def _numeric(value: object) -> tuple[int, int, int] | None:
    if value.__class__ is not str:  # a number: a date typed without separators (3142016)?
        figures = _figures(value)
        return compact_pairs(figures) if figures else None
    s = value.strip()
    if not s[:1].isdigit():  # a weekday or "w/c" first (a date starts with a digit)
        m = WEEKDAY_PREFIX.match(s) or WEEK_PREFIX.match(s) or WEEK_ENDING_PREFIX.match(s)
        if m:
            s = s[m.end() :]
    m = _NUMERIC.match(s)
    if not m:  # "03142016", "14032016": a date written without separators?
        return compact_pairs(s) if s.isdigit() else None
    year = int(m[4])
    if len(m[4]) == 2:
        year += 2000 if year < 50 else 1900
    return int(m[1]), int(m[3]), year


def _figures(value: float) -> str:
    """A number that may be a date typed without separators (3142016, 14032016) as its
    figures; "" for any other number."""
    if 1011900 <= value <= 31122100 and value == int(value):
        return str(int(value))
    return ""


# A heading saying how its dates are written: "Date (MM/DD/YYYY)", "Date of contact dd/mm/yy".
_HEADING_FORM = re.compile(r"(?<![a-z])(dd?|mm?)([/.\-])(dd?|mm?)\2(?:yy){1,2}(?![a-z])", re.I)


def _order_in_headings(headings: Iterable[str]) -> str:
    """The order the headings of the date columns say they are written in ("" when none does,
    or they disagree)."""
    said = set()
    for heading in headings:
        m = _HEADING_FORM.search(heading or "")
        if m and m[1][0].lower() != m[3][0].lower():
            said.add("dmy" if m[1][0].lower() == "d" else "mdy")
    return said.pop() if len(said) == 1 else ""


def _order_by_weekdays(texts: set[str], read: dict) -> tuple[str, int]:
    """The order in which the weekdays written before the dates ("Fri 03/04/2016") are right,
    and on how many dates ("", 0 when they do not settle it)."""
    fits = {"dmy": 0, "mdy": 0}
    for text in texts:
        found = read.get(text)
        if found is None or found[0] == found[1] or not text[:1].isalpha():
            continue
        said = weekday_named(text)
        if said < 0:
            continue
        a, b, year = found
        for order, (day, month) in (("dmy", (a, b)), ("mdy", (b, a))):
            try:
                fits[order] += date(year, month, day).weekday() == said
            except ValueError:
                pass
    if fits["dmy"] == fits["mdy"] or min(fits.values()):
        return "", 0
    order = max(fits, key=fits.__getitem__)
    return order, fits[order]


def _jumps_back(keys: list[tuple[int, int, int]]) -> int:
    """How often the dates go against their run (either way: systems export newest first too)."""
    down = sum(1 for a, b in zip(keys, keys[1:], strict=False) if b < a)
    up = sum(1 for a, b in zip(keys, keys[1:], strict=False) if b > a)
    return min(down, up)


def decide_order(
    values: Iterable[object], given: str | None = None, headings: Iterable[str] = ()
) -> DateOrder:
    """The order to read this column's numeric dates in, and why. When no value settles it,
    a heading saying how the dates are written ("MM/DD/YYYY") and the weekdays written before
    them are evidence, before the run of the dates."""
    if given:
        return DateOrder(given, f"Dates read {ORDER_NAMES[given]}, as chosen.", "given")
    # Only text can be ambiguous; each distinct text is evidence once per time it appears.
    texts = [v for v in values if (c := v.__class__) is str or c is float or c is int]
    read = {text: _numeric(text) for text in set(texts)}
    found = [n for n in map(read.__getitem__, texts) if n is not None]
    if not found:
        return DateOrder("dmy", "", "none")
    day_first = [n for n in found if n[0] > 12 and n[1] <= 12]
    month_first = [n for n in found if n[1] > 12 and n[0] <= 12]
    if day_first or month_first:
        order = "mdy" if len(month_first) > len(day_first) else "dmy"
        proof = month_first if order == "mdy" else day_first
        other = day_first if order == "mdy" else month_first
        example = "{:02d}/{:02d}/{}".format(*proof[0])
        reason = (
            f"Dates read {ORDER_NAMES[order]}: {len(proof)} date(s) such as {example} can only "
            f"be read that way."
        )
        if other:
            reason += (
                f" {len(other)} other date(s) can only be read the other way round: they are "
                "flagged for checking."
            )
        return DateOrder(order, reason, "evidence", bool(other))
    ambiguous = [n for n in found if n[0] != n[1]]
    said = _order_in_headings(headings) if ambiguous else ""
    if said:
        return DateOrder(
            said,
            f"Dates read {ORDER_NAMES[said]}: no day is over 12, and the column's heading says "
            "how its dates are written.",
            "heading",
        )
    by_weekday, fitting = _order_by_weekdays(set(read), read) if ambiguous else ("", 0)
    if by_weekday:
        return DateOrder(
            by_weekday,
            f"Dates read {ORDER_NAMES[by_weekday]}: no day is over 12, but the weekday written "
            f"before {fitting} date(s) is right only when they are read that way.",
            "weekday",
        )
    if len(ambiguous) >= 6:
        as_dmy = _jumps_back([(y, m, d) for d, m, y in found])
        as_mdy = _jumps_back([(y, m, d) for m, d, y in found])
        if as_dmy >= 3 and as_mdy * 3 < as_dmy:
            return DateOrder(
                "mdy",
                "Dates read month first: no day is over 12, but read month first the entries "
                f"run in date order (read day first they would jump back {as_dmy} times).",
                "sequence",
            )
    if not ambiguous:
        return DateOrder("dmy", "", "none")
    return DateOrder(
        "dmy",
        "Dates read day first (UK): no date in the file shows whether it is day/month or "
        "month/day (no day is over 12). If the file comes from a system that writes month "
        "first, import it again choosing month first (--date-order mdy).",
        "default",
    )


def column_orders(
    columns: list[list], given: str | None, headings: list[str]
) -> tuple[DateOrder, list[str]]:
    """The order of the entries' dates (the first column) and of each column of dates. All
    the columns' values are evidence together; but where the columns' own dates disagree (UK
    staff typing the date of contact, a system made in the US stamping "Created" month first),
    each column that settles its own order is read in it (looked at only when the dates
    contradict each other)."""
    # Only texts and numbers are evidence: a column of date cells adds none.
    written = [c for c in columns if not _EVIDENCE.isdisjoint(map(type, c))]
    if len(written) == 1:
        values: Iterable[object] = written[0]
    else:
        values = chain.from_iterable(zip(*written, strict=True))
    whole = decide_order(values, given, headings)
    if given or len(columns) < 2 or not whole.contradicted:
        return whole, [whole.order] * len(columns)
    own = [decide_order(c, None, [h]) for c, h in zip(columns, headings, strict=True)]
    orders = [o.order if o.decided_by == "evidence" else whole.order for o in own]
    if len(set(orders)) == 1:
        return whole, orders
    first = own[0] if own[0].decided_by == "evidence" else whole
    others = [
        f"The column '{h}' is read {ORDER_NAMES[o]}: its own dates can only be read that way."
        for h, o in zip(headings[1:], orders[1:], strict=True)
        if o != first.order
    ]
    return DateOrder(first.order, " ".join([first.reason, *others]), "evidence"), orders


def pasted_orders(table, dates, whole: DateOrder) -> tuple[dict[int, str], str]:
    """When the file's dates contradict each other and another export was pasted under the
    table with its own headings: each part whose own dates settle the other order is read in
    it. (row number -> order for those rows, a note or "")."""
    from app.chronology.layout import OTHER_HEADINGS

    starts = [n.row for n in table.left_out if n.reason.startswith(OTHER_HEADINGS)]
    if not starts:
        return {}, ""
    numbers = [number for number, _cells in table.rows]
    orders: dict[int, str] = {}
    notes = []
    bounds = [0, *starts, numbers[-1] + 1 if numbers else 0]
    for low, high in zip(bounds, bounds[1:], strict=False):
        part = [k for k, n in enumerate(numbers) if low < n < high]
        if not part:
            continue
        own = decide_order([dates[k] for k in part])
        if own.decided_by == "evidence" and own.order != whole.order and not own.contradicted:
            orders.update((numbers[k], own.order) for k in part)
            notes.append(
                f"The rows from {numbers[part[0]]} to {numbers[part[-1]]}, under headings of "
                f"their own, are read {ORDER_NAMES[own.order]}: their own dates can only be "
                "read that way (they are not flagged for it)."
            )
    return orders, " ".join(notes)
