"""A combined chronology laid out in swim lanes: the date, then a column for each agency
("Police | Health | Children's Social Care | Education"), each row's entry typed in its agency's
column and the other lanes left empty. Such a table is read as if it had an agency column: each
lane's text becomes the entry and the lane's heading its agency, so that the split by agency
(agency_rows) sends each entry to its own agency's chronology. A row with entries in two lanes
(two agencies on the same day) gives an entry for each."""

import re
from dataclasses import replace
from typing import Any

from app.agency_names import agency_key
from app.chronology.mapping import normalise_header
from app.chronology.types import SheetTable

# Headings as normalise_header gives them: the kinds of agency that take part in reviews, in
# English and Welsh, optionally with a few words after ("Police (Gwent)", "Health visiting
# records", "School contacts").
_KIND = (
    r"police|heddlu|constabulary|health|iechyd|health visit(?:ing|or|ors)?|school(?:s)?|"
    r"education|addysg|nursery|early years|(?:childrens |adults? )?social (?:care|services|work)|"
    r"gwasanaethau cymdeithasol|childrens services|early help|family support|housing|tai|"
    r"probation|youth (?:justice|offending)(?: service| team)?|yot|gp|general practice|"
    r"primary care|ambulance|hospital|acute trust|emergency department|a and e|midwifery|"
    r"maternity|camhs|mental health|substance misuse|drug and alcohol(?: service)?|"
    r"fire(?: and rescue)?|local authority|council|nspcc|barnardos|womens aid|idva|dwp|cafcass|"
    r"voluntary sector|third sector|community health|childrens centre|safeguarding hub|mash"
)
_LANE = re.compile(
    rf"(?:{_KIND})(?: (?:service|services|team|trust|records|contacts|involvement|entries|"
    r"chronology))?"
)
# An agency named as itself ("Marchshire Police", "Oakfield Primary School", "Riverside
# Surgery", "Aneurin Bevan University Health Board"): a few words, then what it is.
_ORGANISATION = (
    rf"{_KIND}|constabulary|police service|primary|primary school|junior school|infant school|"
    r"high school|academy|college|pre school|preschool|surgery|medical (?:practice|centre)|"
    r"group practice|health centre|hospitals?|nhs (?:foundation )?trust|foundation trust|"
    r"(?:university )?health board|uhb|icb|ccg|(?:county |borough |city |district )?council|housing association|homes|"
    r"ambulance service|refuge|action for children|childrens society|family centre"
)
_NAMED_LANE = re.compile(
    rf"(?:[a-z0-9]+ ){{1,5}}(?:{_ORGANISATION})(?: (?:service|services|team|records|contacts|"
    r"involvement|entries|chronology))?"
)
# Words that make a heading a fact about the subject or the entry, never an agency's lane
# ("Previous school", "Name of GP surgery", "Hospital number").
_NOT_A_LANE = frozenset(
    "date time name number no ref reference id type address postcode previous current "
    "registered attended attending details of status".split()
)
_DISTINCT_ENTRIES = 0.8  # of a named lane's values: entries differ, an attribute repeats
_PLACE = re.compile(r"\s*\([^()]*\)\s*$")  # "Police (Gwent)": the force's area after its kind
_MOST_ONE_LANE = 0.75  # of the rows with any lane written, those with one lane only
AGENCY_HEADING = "Agency (swim lane)"
ENTRY_HEADING = "Entry"


def _written(value: Any) -> bool:
    return value is not None and (value.__class__ is not str or bool(value.strip()))


def lane_columns(table: SheetTable, agencies: set[str]) -> list[int]:
    """The swim lanes' columns: two or more headings that name a kind of agency (or one of the
    review's agencies, ``agencies`` in lower case), holding text, and at least three quarters of
    the rows that have anything in them have it in one lane only. [] when the table has no
    lanes."""
    columns = table.columns
    lanes = [
        i
        for i, heading in enumerate(table.headers)
        if heading
        and (
            _LANE.fullmatch(normalise_header(_PLACE.sub("", heading)))
            or agency_key(heading) in agencies
            or _named_lane(heading, columns[i])
        )
    ]
    if len(lanes) < 2 or len(lanes) == len(table.headers):
        return []
    used = 0
    for i in lanes:
        written = [v for v in columns[i] if _written(v)]
        if any(v.__class__ is not str for v in written):
            return []
        used += bool(written)
    if used < 2:
        return []
    return lanes if _mostly_one_lane(table, lanes) else []


def _named_lane(heading: str, values: list[Any]) -> bool:
    """A heading naming an agency as itself ("Marchshire Police"), over values that differ
    from row to row as entries do (a column naming each row's school repeats its values)."""
    words = normalise_header(_PLACE.sub("", heading))
    if not _NAMED_LANE.fullmatch(words) or _NOT_A_LANE.intersection(words.split()):
        return False
    written = [" ".join(str(v).split()).casefold() for v in values if _written(v)]
    return len(set(written)) >= _DISTINCT_ENTRIES * len(written)


def as_agency_rows(table: SheetTable, lanes: list[int], given: str) -> SheetTable:
    """The table with its lanes replaced by an agency column and an entry column (where the
    first lane was); a row with two lanes written becomes two rows (the same row number), one
    for each agency."""
    first = lanes[0]
    keep = [i for i in range(len(table.headers)) if i not in lanes]
    before = [i for i in keep if i < first]
    after = [i for i in keep if i > first]
    headers = [
        *[table.headers[i] for i in before],
        AGENCY_HEADING,
        ENTRY_HEADING,
        *[table.headers[i] for i in after],
    ]
    rows: list[tuple[int, list[Any]]] = []
    doubled = []
    for number, cells in table.rows:
        padded = [*cells, *[None] * (len(table.headers) - len(cells))]
        head = [padded[i] for i in before]
        tail = [padded[i] for i in after]
        written = [i for i in lanes if _written(padded[i])]
        if len(written) > 1:
            doubled.append(number)
        for i in written or [None]:
            lane = (
                (" ".join(table.headers[i].split()), padded[i]) if i is not None else (None, None)
            )
            rows.append((number, [*head, *lane, *tail]))
    names = ", ".join(f"'{' '.join(table.headers[i].split())}'" for i in lanes)
    note = (
        f"The columns {names} are swim lanes, one for each agency: each entry is read from its "
        f"lane, and the lane's heading is the agency it goes to (not {given}, as given)."
    )
    if doubled:
        shown = ", ".join(map(str, doubled[:10]))
        note += f" Row(s) {shown} have entries in more than one lane: one entry for each."
    return replace(table, headers=headers, rows=rows, notes=[*table.notes, note])


# A lane headed by a person: a rank or title, perhaps a collar number, then a name with its
# capitals ("DS Khan", "PC 2206 Ellis", "Dr Amina Shah", "Mrs Pryce"): a log kept by two or
# three officers or workers side by side.
_PERSON = re.compile(
    r"(?i:(?:det(?:ective)?\.?\s+)?(?:ds|dc|di|dci|dsu|ps|pc|sgt|sergeant|insp|inspector|"
    r"supt|dr|mr|mrs|ms|miss|mx|nurse|sister|cllr))\.?\s+(?:\d{2,6}\s+)?"
    r"[A-Z][A-Za-z'\u2019\-]+(?:\s+[A-Z][A-Za-z'\u2019\-]+)?"
)
PERSON_HEADING = "Practitioner (swim lane)"
_PERSON_TEXT = 15  # the average length of a person's lane: entries, not ticks or initials


def person_lane_columns(table: SheetTable) -> list[int]:
    """The lanes of a table with a column for each person (two or more headings that are a
    person's title or rank and name), each holding text that differs from row to row, most
    rows written in one lane only; [] when it has none."""
    lanes = [i for i, h in enumerate(table.headers) if h and _PERSON.fullmatch(" ".join(h.split()))]
    if len(lanes) < 2 or len(lanes) == len(table.headers):
        return []
    columns = table.columns
    for i in lanes:
        written = [v for v in columns[i] if _written(v)]
        if not written or any(v.__class__ is not str for v in written):
            return []
        flat = [" ".join(v.split()).casefold() for v in written]
        if len(set(flat)) < _DISTINCT_ENTRIES * len(flat):
            return []
        if sum(map(len, flat)) < _PERSON_TEXT * len(flat):
            return []
    return lanes if _mostly_one_lane(table, lanes) else []


def as_person_rows(table: SheetTable, lanes: list[int]) -> SheetTable:
    """The table with its people's lanes replaced by a practitioner column and an entry column,
    as `as_agency_rows` does for agencies' lanes."""
    read = as_agency_rows(table, lanes, "")
    at = read.headers.index(AGENCY_HEADING)
    headers = [*read.headers[:at], PERSON_HEADING, *read.headers[at + 1 :]]
    names = ", ".join(f"'{' '.join(table.headers[i].split())}'" for i in lanes)
    note = (
        f"The columns {names} are lanes, one for each person: each entry is read from its lane, "
        "and the lane's heading is who it was recorded by."
    )
    doubled = read.notes[-1].split(" Row(s) ", 1)
    if len(doubled) > 1:
        note += " Row(s) " + doubled[1]
    return replace(read, headers=headers, notes=[*table.notes, note])


def swim_lanes(
    table: SheetTable, agencies: set[str], given: str, mapped: set[str] | None = None
) -> SheetTable:
    """``table`` read as rows with an agency column when it is laid out in swim lanes (or with
    a practitioner column when its lanes are people's); else ``table`` itself. ``given``: the
    agency the file was imported for; ``mapped``: headings a mapping given names (lower case):
    a lane among them is to be read as it is."""
    lanes = lane_columns(table, agencies)
    people = [] if lanes else person_lane_columns(table)
    if mapped and any(
        " ".join(table.headers[i].split()).casefold() in mapped for i in lanes + people
    ):
        return table
    if people:
        return as_person_rows(table, people)
    return as_agency_rows(table, lanes, given) if lanes else table


def _mostly_one_lane(table: SheetTable, lanes: list[int]) -> bool:
    """Whether most rows holding anything in ``lanes`` hold it in one lane only, as a swim-lane
    chronology's rows do (a table of columns filled side by side is no set of lanes)."""
    counts = [sum(_written(cells[i]) for i in lanes if i < len(cells)) for _n, cells in table.rows]
    filled = [c for c in counts if c]
    return bool(filled) and sum(c == 1 for c in filled) >= _MOST_ONE_LANE * len(filled)
